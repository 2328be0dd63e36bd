//! The iGOT Karmayogi loaders beyond the KCM dictionary: course records, FRAC-era position
//! trees, officer profiles and the position master list, and the KCM id of a path of names.
//!
//! Each reads JSON text or a plain object (read as the same JSON) and returns what it built
//! with the loader's report of everything set aside or noted, as `loadKcm` does.

use karmayogi::{CourseSpec, Evidence, FrameworkSpec, IgotReport, MasterPosition, PositionMatch};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::failure::Failure;
use crate::framework::Framework;
use crate::json::{Input, json_problem, output};
use crate::options;

/// What `loadIgotCourses` read.
#[derive(Serialize)]
struct CoursesOut<'a> {
    courses: &'a [CourseSpec],
    report: &'a IgotReport,
}

/// Reads iGOT course records (an array of records, one record, a search response
/// `{result: {count, content}}` or `{content}`, an empty search page `{result: {count: 0}}`,
/// a content read response `{result: {content: {...}}}`, or the JSON text of any) into
/// courses whose
/// outcomes name competencies of the framework: FRAC-era tags (`competencies_v3`, by id, at
/// their `Level N`) and KCM tags (`competencies_v5`, `competencies_v6`, by the `key` option,
/// without a level: the untagged-level policy of a learning path decides what they close).
/// Hours come from `duration` (seconds); with `hoursWhenMissing`, a record without one gets
/// those hours and a note, otherwise it is set aside. The report lists by JSON path every
/// record, tag list and tag set aside (an unknown competency with the nearest id, a level
/// outside the competency's scale, a repeated id or tag, a tag list that is not a list nor
/// JSON text of one, a `null` tag) and every note (a tag list read from JSON text); nothing
/// is dropped silently, and one bad record never refuses the others.
///
/// Throws `json` for malformed JSON, `igot_shape` for a document of another shape (and
/// `igot_unread_entries` for a list none of whose entries is a record it reads),
/// `document_of_another_kind` for another iGOT export or a framework, officers or CASE
/// document, and
/// `invalid_option` for `hoursWhenMissing` not from 5e-13 (half a pico-hour, the smallest
/// hours held) to 10,000.
///
/// Time and memory linear in the text.
#[wasm_bindgen(js_name = loadIgotCourses, unchecked_return_type = "IgotCoursesLoad")]
pub fn load_igot_courses_js(
    #[wasm_bindgen(unchecked_param_type = "unknown[] | Record<string, unknown> | string")]
    json: &JsValue,
    framework: &Framework,
    options: Option<crate::args::IgotCourseOptions>,
) -> Result<JsValue, Failure> {
    options::igot_courses(options).then(|options| {
        let input = Input::new(json, "igot course records")?;
        let load =
            input.read_all(|text| karmayogi::load_igot_courses(text, &framework.inner, options))?;
        output(&CoursesOut {
            courses: &load.value,
            report: &load.report,
        })
    })
}

/// What `loadFracPositions` read.
#[derive(Serialize)]
struct SpecOut<'a> {
    spec: &'a FrameworkSpec,
    report: &'a IgotReport,
}

/// Reads FRAC-era position trees (one POSITION node, an array of them, `{responseData}`, or
/// the JSON text of any) into a framework document: positions, roles, activities, the
/// competencies they require at their levels and those competencies' level descriptors.
/// Only what the platform counts counts: a node is verified when its `status` is VERIFIED,
/// its `secondaryStatus` (the review board's state), where written, is VERIFIED too, and
/// it is not deleted (`active: false`). A position, role or activity otherwise is set
/// aside with everything below it; a competency awaiting review (in either tier) is kept
/// with its requirements as drafts (validated, not counted) and noted; a rejected or
/// deleted one is set aside. A node whose `children` (or a competency's
/// `additionalProperties`) holds another JSON type is set aside and absent.
/// With `department`, a position whose node names no department gets that one; otherwise
/// it is set aside.
///
/// Throws `json` for malformed JSON, `igot_shape` for a document of another shape (and
/// `igot_unread_entries` for a list none of whose entries is a record it reads), and
/// `document_of_another_kind` for another iGOT export or a framework, officers or CASE
/// document.
///
/// Time and memory linear in the text.
#[wasm_bindgen(js_name = loadFracPositions, unchecked_return_type = "FracLoad")]
pub fn load_frac_positions_js(
    #[wasm_bindgen(unchecked_param_type = "unknown[] | Record<string, unknown> | string")]
    json: &JsValue,
    options: Option<crate::args::FracOptions>,
) -> Result<JsValue, Failure> {
    options::frac(options).then(|options| {
        let input = Input::new(json, "frac positions")?;
        let load = input.read_all(|text| karmayogi::load_frac_positions(text, options))?;
        output(&SpecOut {
            spec: &load.value,
            report: &load.report,
        })
    })
}

/// What `loadIgotProfile` read.
#[derive(Serialize)]
struct ProfileOut<'a> {
    evidence: &'a [Evidence],
    report: &'a IgotReport,
}

/// Reads an officer's FRAC-era profile competencies (the `competencies` array, an object
/// holding it in `profileDetails`, a user record holding `profileDetails`, a user read
/// response `{result: {response: {profileDetails}}}`, or the JSON text of any; a user
/// record without competencies has none) into passbook entries: the self-attested level as self-declared evidence, the
/// level the platform raised on a passed assessment (`competencyCBPCompletionLevel`) as an
/// assessment; both verified and undated. A level may be `Level N`, a whole number, a
/// Roman numeral (`III`, `Level III`) or a default level name (noted). Set aside and reported: an entry that is not an object or
/// has no `id`, an entry with neither level, a level that cannot be read or is above 5.
/// An entry repeating an earlier one's `id` is read and noted.
///
/// Throws `json` for malformed JSON, `igot_shape` for a document of another shape (and
/// `igot_unread_entries` for a list none of whose entries is a record it reads), and
/// `document_of_another_kind` for another iGOT export or a framework, officers or CASE
/// document.
///
/// Time and memory linear in the text.
#[wasm_bindgen(js_name = loadIgotProfile, unchecked_return_type = "IgotProfileLoad")]
pub fn load_igot_profile_js(
    #[wasm_bindgen(unchecked_param_type = "unknown[] | Record<string, unknown> | string")]
    json: &JsValue,
) -> Result<JsValue, Failure> {
    let input = Input::new(json, "igot profile")?;
    let load = input.read_all(karmayogi::load_igot_profile)?;
    output(&ProfileOut {
        evidence: &load.value,
        report: &load.report,
    })
}

/// The platform's position master list: government designations by id, names exactly as
/// written (stray spaces included), with a lookup by name that says how the name matched.
/// Made by `loadPositionMaster`.
#[wasm_bindgen]
pub struct PositionMaster {
    inner: karmayogi::PositionMaster,
}

/// How a name matched, tagged by `match`.
#[derive(Serialize)]
#[serde(tag = "match", rename_all = "snake_case")]
enum Match<'a> {
    Exact { position: &'a MasterPosition },
    IgnoringWhitespace { position: &'a MasterPosition },
    Ambiguous { positions: Vec<&'a MasterPosition> },
    NotFound,
}

#[wasm_bindgen]
impl PositionMaster {
    /// The designations, in list order.
    #[wasm_bindgen(unchecked_return_type = "MasterPosition[]")]
    pub fn positions(&self) -> Result<JsValue, Failure> {
        output(self.inner.positions())
    }

    /// The designation named `name`: `{match: "exact", position}` when exactly one has this
    /// name character for character; else `{match: "ignoring_whitespace", position}` when
    /// one does once runs of whitespace are one space and the ends trimmed (say so to the
    /// person whose data it is); `{match: "ambiguous", positions}` when several match;
    /// `{match: "not_found"}`. Never a silent guess.
    ///
    /// Time O(|name| + m) for m designations sharing the name's normalised form.
    #[wasm_bindgen(unchecked_return_type = "PositionMatch")]
    pub fn find(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] name: &JsValue,
    ) -> Result<JsValue, Failure> {
        let name = crate::json::text_arg(name, "position name")?;
        output(&match self.inner.find(&name) {
            PositionMatch::Exact(position) => Match::Exact { position },
            PositionMatch::IgnoringWhitespace(position) => Match::IgnoringWhitespace { position },
            PositionMatch::Ambiguous(positions) => Match::Ambiguous { positions },
            PositionMatch::NotFound => Match::NotFound,
        })
    }
}

/// Reads the position master list (`{positions: [{id, name, description}]}`, the list
/// itself, or its JSON text): `{master, report}`, the list as a `PositionMaster` and the
/// report of entries set aside (not an object, no `id` or `name`, a repeated id) and noted
/// (a name with stray whitespace, two names alike once whitespace is normalised). Names are
/// kept exactly as written.
///
/// Throws `json` for malformed JSON, `igot_shape` for a document of another shape (and
/// `igot_unread_entries` for a list none of whose entries is a record it reads), and
/// `document_of_another_kind` for another iGOT export or a framework, officers or CASE
/// document.
///
/// Time and memory linear in the text.
#[wasm_bindgen(js_name = loadPositionMaster, unchecked_return_type = "PositionMasterLoad")]
pub fn load_position_master_js(
    #[wasm_bindgen(unchecked_param_type = "unknown[] | Record<string, unknown> | string")]
    json: &JsValue,
) -> Result<JsValue, Failure> {
    let input = Input::new(json, "position master list")?;
    let load = input.read_all(karmayogi::load_position_master)?;
    let out = js_sys::Object::new();
    let report = output(&load.report)?;
    let master = JsValue::from(PositionMaster { inner: load.value });
    // Setting a property of a new plain object cannot fail.
    let _ = js_sys::Reflect::set(&out, &JsValue::from_str("master"), &master);
    let _ = js_sys::Reflect::set(&out, &JsValue::from_str("report"), &report);
    Ok(out.into())
}

/// The id the KCM loaders give an area (`[area]`), a theme (`[area, theme]`) or a sub-theme
/// (`[area, theme, subTheme]`): `kcm:` then the names as written joined by `/`, with `%`
/// written `%25` and `/` written `%2F` inside a name.
///
/// Throws `json` when `names` is not an array of strings: one problem at the path of each
/// element that is no string or whose getter or Proxy trap throws (`[1]`).
#[wasm_bindgen(js_name = kcmId)]
pub fn kcm_id_js(
    #[wasm_bindgen(unchecked_param_type = "string[]")] names: &JsValue,
) -> Result<String, Failure> {
    let bad = |path: String, found: &JsValue| {
        let found = if found.is_null() {
            "null".to_owned()
        } else {
            found.js_typeof().as_string().unwrap_or_default()
        };
        Failure::one(json_problem(
            "kcm names",
            false,
            &path,
            0,
            0,
            &format!("expected an array of names, found {found}"),
        ))
    };
    // Read in JavaScript first, each element once: a getter or Proxy trap that throws is a
    // problem naming the index, never an exception thrown through the WebAssembly.
    let items = crate::options::option_items(names);
    if items.is_null() {
        return Err(bad(String::new(), names));
    }
    let field = crate::options::field;
    if let Some(found) = field(&items, "found").as_string() {
        let description = format!("expected an array of names, found {found}");
        return Err(Failure::one(json_problem(
            "kcm names",
            false,
            "",
            0,
            0,
            &description,
        )));
    }
    let thrown = field(&items, "thrown");
    let mut texts = Vec::new();
    let mut problems = Vec::new();
    for (i, name) in js_sys::Array::from(&field(&items, "values"))
        .iter()
        .enumerate()
    {
        if let Some(what) = field(&thrown, &i.to_string()).as_string() {
            let description =
                format!("expected a name, found a value that cannot be read ({what})");
            problems.push(json_problem(
                "kcm names",
                false,
                &format!("[{i}]"),
                0,
                0,
                &description,
            ));
        } else if let Some(text) = name.as_string() {
            texts.push(text);
        } else {
            problems.extend(bad(format!("[{i}]"), &name).0);
        }
    }
    if !problems.is_empty() {
        return Err(Failure(problems));
    }
    let names: Vec<&str> = texts.iter().map(String::as_str).collect();
    Ok(karmayogi::kcm_id(&names))
}
