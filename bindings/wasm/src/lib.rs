//! JavaScript and TypeScript bindings of [`karmayogi`], built with `wasm-bindgen`.
//!
//! The npm package in this directory (`package.json`, `index.js`, `index.d.ts`) wraps the
//! WebAssembly this crate compiles to. Its API mirrors the Rust one in JavaScript
//! conventions:
//!
//! - classes where state is held: [`Framework`] (a validated framework and every analysis
//!   on it), [`Profile`] (an officer with current levels) and [`Cohort`] (many officers,
//!   stored compactly);
//! - methods and options in camelCase (`framework.gapFor(profile, position, {includeMet:
//!   true})`), functions for the loaders and CASE;
//! - inputs and outputs as plain objects in the library's JSON interchange format (the
//!   serde form of its types, with their `snake_case` keys, except for the results the
//!   package's README lists: pairs, loads and lookups shaped for JavaScript), or JSON text
//!   where a document is read;
//! - every failure thrown as one `KarmayogiError` whose `problems` are
//!   `{code, message, ...fields}` objects naming the offending ids, files, lines and
//!   columns.
//!
//! The TypeScript declarations of every input and output are in `src/types.d.ts`, appended
//! to the generated declarations; the package's tests check them against the JSON schema
//! and against actual outputs.
//!
//! Nothing here may panic: a panic in WebAssembly is a trap the page cannot recover from,
//! so every path returns an error instead (the crate denies `unwrap`, `expect`, `panic!`
//! and slice indexing).

mod args;
mod cohort;
mod failure;
mod framework;
mod groups;
mod igot;
mod interchange;
mod json;
mod options;
mod profile;

use wasm_bindgen::prelude::*;

pub use crate::cohort::Cohort;
pub use crate::failure::Failure;
pub use crate::framework::Framework;
pub use crate::igot::{
    PositionMaster, kcm_id_js, load_frac_positions_js, load_igot_courses_js, load_igot_profile_js,
    load_position_master_js,
};
pub use crate::interchange::{
    export_case, import_case, load_esco_js, load_esco_report_js, load_kcm_js, load_officers_js,
    load_onet_js, parse_framework_spec, parse_officers,
};
pub use crate::profile::Profile;

/// The allocator: `talc` in place of the standard library's `dlmalloc`, which is larger
/// code. It takes memory from the engine as `dlmalloc` does (`memory.grow`, never given
/// back), so a reservation freed stays with it for later allocations. The page has one
/// thread (the module is built without the `atomics` feature), which `talc`'s cell needs.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

/// The interchange format version this package writes, and the newest it reads.
#[wasm_bindgen(js_name = formatVersion)]
pub fn format_version() -> u32 {
    karmayogi::FORMAT_VERSION
}

/// The oldest interchange format version this package reads.
#[wasm_bindgen(js_name = oldestFormatVersion)]
pub fn oldest_format_version() -> u32 {
    karmayogi::OLDEST_FORMAT_VERSION
}

/// The JSON Schema (draft 2020-12) of the interchange format, as text.
#[wasm_bindgen(js_name = jsonSchema)]
pub fn json_schema() -> String {
    karmayogi::JSON_SCHEMA.to_owned()
}
