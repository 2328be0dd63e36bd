//! The `Cohort` class: many officers stored compactly, for department-scale analysis.
//!
//! A cohort of a hundred thousand officers never holds all their passbooks in WebAssembly
//! memory at once: a document, or its text, is read by the library's `Cohort::from_json`
//! straight into the cohort's columns; from an array, each element is read on its own and
//! handed to the library as a stream. `reviewOfficers` streams a document's officers from
//! raw slices of its text, parsed one by one; a document with a problem is read whole by
//! the library's reader of officers documents, which reports every problem of every
//! officer. An element of an array that does not read is read by the same reader, so its
//! every bad field is reported.

use std::rc::Rc;

use karmayogi::{
    DocumentKind, EntityKind, Error, Errors, FORMAT_VERSION, OLDEST_FORMAT_VERSION, OfficerSpec,
    OfficersSpec,
};
use serde::Deserialize;
use serde::de::IgnoredAny;
use wasm_bindgen::prelude::*;

use crate::failure::{Failure, Problem};
use crate::framework::Framework;
use crate::json::{Input, json_problem, object_message, text_arg};
use crate::options;
use crate::profile::Profile;

/// Many officers checked against one framework and stored column-wise, without their
/// passbooks (about 40 bytes plus 4 per competency held, each).
///
/// Built from an array of officers, an officers document, or the document's JSON text;
/// current levels are derived once, by the level policy given.
#[wasm_bindgen]
pub struct Cohort {
    pub(crate) inner: karmayogi::Cohort,
    framework: Rc<karmayogi::Framework>,
}

/// An officers document with its officers checked as JSON values and left unread (their
/// texts are then found by `OfficersSpec::officer_spans`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDocument {
    format_version: u32,
    #[allow(dead_code)] // read for its shape only
    officers: Vec<IgnoredAny>,
}

/// What went wrong reading the officers, and which input index each officer read came from
/// (so errors the library reports by index name the caller's index).
#[derive(Default)]
struct Reading {
    problems: Vec<Problem>,
    kept: Vec<usize>,
}

/// The errors of one officer's JSON text `officer` that does not read, as the library's
/// reader of officers documents ([`OfficersSpec::from_json_all`]) reports them: every bad
/// field of the officer and of each passbook entry, or a number nearer 0 than a double
/// holds (only `first`, the error of `karmayogi::read_json`, for a syntax error), each
/// with the line and column in `officer`, the path inside the officer after its index
/// (`.passbook[0].level`, `.` for an empty key, empty for the officer itself) and the id
/// the library found. The officer is read as the only one of a document; only a failed
/// read comes here.
fn officer_errors(officer: &str, first: Error) -> Vec<Error> {
    // Only JSON text that parses holds values to look at one by one.
    let found = if serde_json::from_str::<IgnoredAny>(officer).is_ok() {
        in_document(&format!("[{officer}]"), "officers[0]", 1)
    } else {
        Vec::new()
    };
    if found.is_empty() { vec![first] } else { found }
}

/// The errors of the JSON text of an array of officers holding a number the engine's
/// parser reads as another (one nearer 0 than a double holds as 0, one beyond a double's
/// range as an infinity), as the library's reader of officers documents reports them in
/// a document holding the array, at paths from the array's (`[3].passbook[0].level`);
/// `None` for any other text, whose elements are read one by one (see `list_text`).
fn list_errors(text: &str) -> Option<Vec<Error>> {
    let Err(Error::Json { message, .. }) = karmayogi::read_json::<Vec<IgnoredAny>>(text) else {
        return None;
    };
    let found = message
        .starts_with("number out of range")
        .then(|| in_document(text, "officers", 0))?;
    (!found.is_empty()).then_some(found)
}

/// The errors [`OfficersSpec::from_json_all`] reports for a document whose `officers` are
/// `list` (JSON text, its first `skip` characters added around what the caller gave),
/// placed in the caller's text: the path after `prefix`, columns of the first line
/// counted from the caller's first character. Errors outside `prefix` are left out.
fn in_document(list: &str, prefix: &str, skip: usize) -> Vec<Error> {
    let head = format!("{{\"format_version\":{FORMAT_VERSION},\"officers\":");
    let all = OfficersSpec::from_json_all(&format!("{head}{list}}}")).err();
    (all.into_iter().flatten())
        .filter_map(|mut error| {
            let Error::Json {
                line, column, path, ..
            } = &mut error
            else {
                return None;
            };
            *path = path.strip_prefix(prefix)?.to_owned();
            // The document's first line holds the head before the caller's text.
            if *line == 1 {
                *column = column.saturating_sub(head.len() + skip);
            }
            Some(error)
        })
        .collect()
}

impl Reading {
    fn officer(
        &mut self,
        index: usize,
        read: Result<OfficerSpec, Vec<Problem>>,
    ) -> Option<OfficerSpec> {
        match read {
            Ok(officer) => {
                self.kept.push(index);
                Some(officer)
            }
            Err(mut problems) => {
                self.problems.append(&mut problems);
                None
            }
        }
    }

    /// The library's errors, with officer indices mapped back to the input, then the
    /// problems found reading.
    fn finish(mut self, errors: Option<Errors>) -> Failure {
        let mut all: Vec<Problem> = Vec::new();
        for e in errors.into_iter().flatten() {
            let e = match e {
                Error::EmptyId {
                    kind: EntityKind::Officer,
                    index,
                } => Error::EmptyId {
                    kind: EntityKind::Officer,
                    index: self.kept.get(index).copied().unwrap_or(index),
                },
                other => other,
            };
            all.push(Problem::Library(e));
        }
        all.append(&mut self.problems);
        Failure(all)
    }
}

#[wasm_bindgen]
impl Cohort {
    /// Checks every officer against the framework, derives their levels with the policy,
    /// and stores them compactly. `officers` is an array of officers, an officers document
    /// (`{format_version, officers}`), or the JSON text of either (an array's text reads as
    /// the array does).
    ///
    /// Throws `document_of_another_kind` for a document of another kind (a framework, a
    /// CASE package, an iGOT export, or an array of its entries), given as an object or as
    /// text alike.
    ///
    /// Throws a `KarmayogiError` listing every problem of every officer: malformed entries
    /// (with their index and path), unknown references, invalid levels and dates, empty and
    /// duplicate officer ids.
    #[wasm_bindgen(constructor)]
    pub fn new(
        framework: &Framework,
        #[wasm_bindgen(unchecked_param_type = "OfficerSpec[] | OfficersSpec | string")]
        officers: &JsValue,
        policy: Option<crate::args::LevelPolicy>,
    ) -> Result<Cohort, Failure> {
        options::policy(policy).then(|policy| {
            let fw = &framework.inner;
            let list = list_text(officers)?;
            let officers = list.as_ref().unwrap_or(officers);
            let items = options::option_items(officers);
            let inner = if items.is_null() {
                // A document, or its text: the library's reader, which reads the text straight
                // into the cohort's columns and reports every bad field of every officer and
                // passbook entry at once.
                Input::new(officers, "officers")?
                    .read_all(|text| karmayogi::Cohort::from_json(fw, text, policy))?
            } else {
                read_items(officers, &items, |stream| {
                    karmayogi::Cohort::new(fw, stream, policy)
                })?
            };
            Ok(Cohort {
                inner,
                framework: Rc::clone(fw),
            })
        })
    }

    /// Reads officers and their passbooks from the CSV texts of an HR export
    /// (`{officers, evidence?}`, as `loadOfficers` reads them) and stores them compactly,
    /// without making JavaScript objects of them. The WebAssembly memory first grows by
    /// about four times the texts' length (what the load allocates), once rather than page
    /// by page.
    ///
    /// Time and memory linear in the texts.
    ///
    /// Throws every problem `loadOfficers` reports, by file, line and column; its warnings
    /// are not reported here (ask `loadOfficers` for them).
    #[wasm_bindgen(js_name = fromCsv)]
    pub fn from_csv(
        framework: &Framework,
        #[wasm_bindgen(unchecked_param_type = "OfficersCsv")] csv: &JsValue,
        options: Option<crate::args::OfficersCsvOptions>,
    ) -> Result<Cohort, Failure> {
        options::officers_csv(options).then(|(options, _)| {
            let (officers, evidence) = crate::interchange::officers_csv(csv)?;
            let fw = &framework.inner;
            let mut texts = karmayogi::OfficersCsv::new(&officers);
            if let Some(evidence) = &evidence {
                texts = texts.evidence(evidence);
            }
            reserve(
                officers
                    .len()
                    .saturating_add(evidence.as_ref().map_or(0, String::len))
                    .saturating_mul(4),
            );
            // Streamed into the cohort's columns: no officer spec is built on the way.
            let load = karmayogi::Cohort::from_csv(fw, &texts, options)?;
            Ok(Cohort {
                inner: load.cohort,
                framework: Rc::clone(fw),
            })
        })
    }

    /// How many officers the cohort holds.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.inner.len()
    }

    /// The departments of the cohort's officers, sorted.
    #[wasm_bindgen(unchecked_return_type = "string[]")]
    pub fn departments(&self) -> Vec<String> {
        self.inner
            .departments()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    /// Bytes of WebAssembly memory the cohort's columns take.
    #[wasm_bindgen(js_name = heapBytes)]
    pub fn heap_bytes(&self) -> usize {
        self.inner.heap_bytes()
    }

    /// The id of the officer at `index` (input order); `undefined` past the end.
    #[wasm_bindgen(js_name = officerId)]
    pub fn officer_id(&self, index: usize) -> Option<String> {
        self.inner.officer_id(index).map(ToOwned::to_owned)
    }

    /// The index (input order) of the officer with this id; `undefined` when absent.
    pub fn find(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: &JsValue,
    ) -> Result<Option<usize>, Failure> {
        Ok(self.inner.find(&text_arg(id, "officer id")?))
    }

    /// The name of the officer at `index` (input order); `undefined` when the officer has
    /// none or past the end.
    #[wasm_bindgen(js_name = officerName)]
    pub fn officer_name(&self, index: usize) -> Option<String> {
        self.inner.officer_name(index).map(ToOwned::to_owned)
    }

    /// The officer at `index` as a `Profile`; `undefined` past the end.
    pub fn profile(&self, index: usize) -> Option<Profile> {
        self.inner
            .profile(index)
            .map(|p| Profile::wrap(p, Rc::clone(&self.framework)))
    }
}

/// Makes the allocator take about `bytes` of WebAssembly memory from the engine at once,
/// rather than a page or so at a time as a large load allocates: in Node.js 20, 20,000
/// officers from CSV took 57 s grown page by page and 1.7–4.6 s with four times the texts
/// reserved (about what the load allocates). The memory stays with the allocator, free,
/// for the load to use. A reservation the engine refuses is no error: the load then grows
/// the memory as it goes.
fn reserve(bytes: usize) {
    let mut memory: Vec<u8> = Vec::new();
    if memory.try_reserve_exact(bytes).is_ok() {
        // `black_box`: an allocation nothing uses could otherwise be optimised away.
        std::hint::black_box(&memory);
    }
}

/// Reads officers from an array of officers, an officers document or its JSON text, and
/// hands them to `consume` one at a time; a malformed officer is left out of the stream and
/// reported, with the library's own errors (officer indices mapped back to the caller's).
/// A document is handed over a second time, whole, only when its officers read apart do
/// not but the library's reader reads them (see `read_document`).
pub(crate) fn read_officers<T>(
    officers: &JsValue,
    consume: impl FnMut(&mut dyn Iterator<Item = OfficerSpec>) -> Result<T, Errors>,
) -> Result<T, Failure> {
    let list = list_text(officers)?;
    let officers = list.as_ref().unwrap_or(officers);
    let items = options::option_items(officers);
    if items.is_null() {
        return read_document(&Input::new(officers, "officers")?, consume);
    }
    read_items(officers, &items, consume)
}

/// [`read_officers`] of an array, given its elements as `optionItems` (`values.js`) read
/// them, each once, before any is handed on: a getter or Proxy trap that throws while an
/// element (or the length) is read is a problem naming the index (or the array), never an
/// exception thrown through the WebAssembly while the framework is borrowed.
fn read_items<T>(
    officers: &JsValue,
    items: &JsValue,
    mut consume: impl FnMut(&mut dyn Iterator<Item = OfficerSpec>) -> Result<T, Errors>,
) -> Result<T, Failure> {
    if let Some(found) = options::field(items, "found").as_string() {
        let description = format!("expected an array of officers, found {found}");
        return Err(Failure::one(json_problem(
            "officers",
            false,
            "",
            0,
            0,
            &description,
        )));
    }
    let thrown = options::field(items, "thrown");
    let array = js_sys::Array::from(&options::field(items, "values"));
    let mut reading = Reading::default();
    let built = {
        let mut stream = array.iter().enumerate().filter_map(|(i, value)| {
            let read = match options::field(&thrown, &i.to_string()).as_string() {
                Some(what) => {
                    let description = format!(
                        "expected a JSON value (a plain object, an array, a string, a finite \
                         number, a boolean or null), found a value that cannot be read ({what})"
                    );
                    let path = format!("[{i}]");
                    Err(vec![json_problem(
                        "officers",
                        false,
                        &path,
                        0,
                        0,
                        &description,
                    )])
                }
                None => read_element(&value, i),
            };
            reading.officer(i, read)
        });
        consume(&mut stream)
    };
    // An array of another export's entries (the position master list, profile
    // competencies) is named as the library's reader names it given as text.
    let other = || {
        Input::new(officers, "officers")
            .ok()
            .and_then(|input| input.other_kind(DocumentKind::Officers, "an officers document"))
    };
    match built {
        Ok(value) if reading.problems.is_empty() => Ok(value),
        Ok(_) => Err(other().unwrap_or_else(|| reading.finish(None))),
        Err(errors) => Err(other().unwrap_or_else(|| reading.finish(Some(errors)))),
    }
}

/// The array a JSON text of an array of officers holds, so that the array given as text
/// reads as given as an array (the same officers, the same problems); `None` for any other
/// value, and for a text that is no JSON array, which the library's reader of officers
/// documents reports. A text holding a number the engine's parser reads as another is
/// refused as the library's reader refuses it in a document (see `list_errors`).
fn list_text(officers: &JsValue) -> Result<Option<JsValue>, Failure> {
    let Some(text) = officers.as_string() else {
        return Ok(None);
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if !text.trim_start().starts_with('[') {
        return Ok(None);
    }
    if let Some(errors) = list_errors(text) {
        let input = Input::new(officers, "officers")?;
        return Err(Failure(
            errors.into_iter().map(|e| input.problem_of(e)).collect(),
        ));
    }
    Ok(js_sys::JSON::parse(text).ok().filter(JsValue::is_array))
}

/// Reads one element of an array of officers; a problem's path starts with its index. An
/// element whose values do not read gives every bad field of the officer and its passbook
/// entries, as the library's reader finds them.
fn read_element(value: &JsValue, index: usize) -> Result<OfficerSpec, Vec<Problem>> {
    let at_index = |problem: Problem| match problem {
        Problem::Json(mut p) => {
            p.path = match p.path.as_str() {
                inner if inner.is_empty() || inner.starts_with(['.', '[']) => {
                    format!("[{index}]{inner}")
                }
                inner => format!("[{index}].{inner}"),
            };
            p.message = object_message("officers", &p.path, p.id.as_deref(), &p.description);
            Problem::Json(p)
        }
        other @ Problem::Library(_) => other,
    };
    let input = Input::new(value, "officers")
        .map_err(|f| f.0.into_iter().map(at_index).collect::<Vec<_>>())?;
    let first = match karmayogi::read_json::<OfficerSpec>(&input.text) {
        Ok(officer) => return Ok(officer),
        Err(e) => e,
    };
    let errors = officer_errors(&input.text, first);
    Err(errors
        .into_iter()
        .map(|e| at_index(input.problem_of(e)))
        .collect())
}

/// Reads an officers document's officers from raw slices of its text, each parsed on its
/// own and handed to `consume` as a stream, when the document's shape and version read and
/// every officer does. Otherwise the whole text is read by the library's reader of
/// officers documents ([`OfficersSpec::from_json_all`]), which reports every problem of the
/// document and of every officer and passbook entry with its line, column, path and id;
/// should that reader accept the document, `consume` is given its officers.
fn read_document<T>(
    input: &Input,
    mut consume: impl FnMut(&mut dyn Iterator<Item = OfficerSpec>) -> Result<T, Errors>,
) -> Result<T, Failure> {
    let text = input.text.as_str();
    let library_errors = |errors: Errors| Reading::default().finish(Some(errors));
    let supported = |version: u32| (OLDEST_FORMAT_VERSION..=FORMAT_VERSION).contains(&version);
    let apart = serde_json::from_str::<RawDocument>(text)
        .is_ok_and(|document| supported(document.format_version));
    if apart {
        let mut failed = false;
        let built = {
            let spans = OfficersSpec::officer_spans(text);
            let mut stream = spans.into_iter().map_while(|span| {
                // Read as the library's reader reads them: a number nearer 0 than a double
                // holds is no 0 here either, and sends the document to that reader.
                let officer = text.get(span).and_then(|s| karmayogi::read_json(s).ok());
                failed |= officer.is_none();
                officer
            });
            consume(&mut stream)
        };
        if !failed {
            return built.map_err(library_errors);
        }
    }
    let document = input.read_all(OfficersSpec::from_json_all)?;
    consume(&mut document.officers.into_iter()).map_err(library_errors)
}
