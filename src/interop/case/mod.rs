//! CASE 1.1 competency packages.
//!
//! - The public types: `package` (the package and export options), `import` (import
//!   options, the import and its report).
//! - Reading: `read` reads JSON tolerantly (`numbers` reads numbers written as text,
//!   `huge` numbers beyond a double's range), `deserialize` is serde's way into it.
//! - Importing, step by step in `importer`: `shape` finds misnamed and mistyped fields,
//!   `linked` finds the document a package without one names, `join` reads copies of
//!   one element agreeing on their content as one, `parse` checks
//!   identifiers and resolves links, `tree` works out the `isChildOf`
//!   structure, `items` what each item becomes and its id (`text` its name), `scale` maps
//!   rubric levels (`scores` reads their scores; `agree` holds a competency's levels and
//!   what several criteria agree on), `skill_levels` reads `hasSkillLevel` level items
//!   into levels,
//!   `map` builds the spec, and `reporter` collects the report; `node` holds what they
//!   share.
//! - Exporting: `export` writes packages, with `identifiers` assigning them; `uuid` checks
//!   and derives UUIDs; `one_line` checks the text CASE wants on one line.

mod agree;
mod deserialize;
mod envelope;
mod export;
mod field_case;
pub(crate) mod fields;
pub(crate) mod huge;
mod identifiers;
pub(crate) mod import;
mod importer;
mod items;
mod join;
mod join_document;
mod json_ld;
mod keyed;
pub(crate) mod left_out;
mod linked;
mod map;
mod node;
pub(crate) mod nulls;
mod numbers;
mod one_line;
pub(crate) mod package;
mod parse;
pub(crate) mod read;
mod repeats;
mod reporter;
mod scale;
mod scores;
mod shape;
mod skill_levels;
mod stamp;
mod text;
mod tree;
mod uuid;
