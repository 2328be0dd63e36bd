//! The `Cohort` class: many officers stored compactly, for department-scale analysis.
//!
//! Officers are read one at a time, so a cohort of a hundred thousand officers never holds
//! all their passbooks in WebAssembly memory at once: from an array, each element is read on
//! its own and handed to the library as a stream; a document, or its text, is read by the
//! library's `Cohort::from_json` in one pass, so its problems are exactly the library's.
//! `reviewOfficers` splits a document's text into the officers' slices, then parses them one
//! by one.

use std::rc::Rc;

use karmayogi::{
    EntityKind, Error, Errors, FORMAT_VERSION, OLDEST_FORMAT_VERSION, OfficerSpec, OfficersSpec,
};
use serde::Deserialize;
use serde::de::IgnoredAny;
use wasm_bindgen::prelude::*;

use crate::failure::{Failure, Problem};
use crate::framework::Framework;
use crate::json::{Input, described, object_message, text_arg};
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

/// Only the version, so it is checked before the shape (as the library's readers do).
#[derive(Deserialize)]
struct Probe {
    format_version: Option<u64>,
}

/// What went wrong reading the officers, and which input index each officer read came from
/// (so errors the library reports by index name the caller's index).
#[derive(Default)]
struct Reading {
    problems: Vec<Problem>,
    kept: Vec<usize>,
}

impl Reading {
    fn officer(&mut self, index: usize, read: Result<OfficerSpec, Problem>) -> Option<OfficerSpec> {
        match read {
            Ok(officer) => {
                self.kept.push(index);
                Some(officer)
            }
            Err(p) => {
                self.problems.push(p);
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
    /// (`{format_version, officers}`), or the document's JSON text.
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
        let policy = options::policy(policy)?;
        let fw = &framework.inner;
        let inner = if officers.is_array() {
            read_officers(officers, |stream| {
                karmayogi::Cohort::new(fw, stream, &policy)
            })?
        } else {
            // A document is read by the library's own reader, so its errors are exactly
            // those of `Cohort::from_json`: every bad field of every officer, each message
            // naming the officer and passbook entry, and the officers' errors even beside
            // a problem outside `officers`.
            Input::new(officers, "officers")?
                .read_all(|text| karmayogi::Cohort::from_json(fw, text, &policy))?
        };
        Ok(Cohort {
            inner,
            framework: Rc::clone(fw),
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
        let (options, _) = options::officers_csv(options)?;
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
        let load = karmayogi::Cohort::from_csv(fw, &texts, &options)?;
        Ok(Cohort {
            inner: load.cohort,
            framework: Rc::clone(fw),
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
pub(crate) fn read_officers<T>(
    officers: &JsValue,
    consume: impl FnOnce(&mut dyn Iterator<Item = OfficerSpec>) -> Result<T, Errors>,
) -> Result<T, Failure> {
    let mut reading = Reading::default();
    let built = if let Some(array) = officers.dyn_ref::<js_sys::Array>() {
        let mut stream = array.iter().enumerate().filter_map(|(i, value)| {
            let read = read_element(&value, i);
            reading.officer(i, read)
        });
        consume(&mut stream)
    } else {
        let input = Input::new(officers, "officers")?;
        split(&input)?;
        let spans = OfficersSpec::officer_spans(&input.text);
        let mut stream = spans.into_iter().enumerate().filter_map(|(i, span)| {
            let read = read_raw(&input, span, i);
            reading.officer(i, read)
        });
        consume(&mut stream)
    };
    match built {
        Ok(value) if reading.problems.is_empty() => Ok(value),
        Ok(_) => Err(reading.finish(None)),
        Err(errors) => Err(reading.finish(Some(errors))),
    }
}

/// Reads one element of an array of officers; a problem's path starts with its index.
fn read_element(value: &JsValue, index: usize) -> Result<OfficerSpec, Problem> {
    let read = Input::new(value, "officers").and_then(|input| input.parse());
    read.map_err(|f| match f.0.into_iter().next() {
        Some(Problem::Json(mut p)) => {
            p.path = if p.path.is_empty() {
                format!("[{index}]")
            } else {
                format!("[{index}].{}", p.path)
            };
            p.message = object_message("officers", &p.path, p.id.as_deref(), &p.description);
            Problem::Json(p)
        }
        Some(other) => other,
        // Reading an element reports one problem; keep the place if it ever reports none.
        None => crate::json::json_problem("officers", false, &format!("[{index}]"), 0, 0, ""),
    })
}

/// Checks an officers document's version, then its shape with its officers left unread.
///
/// A well-formed document is read once; only when that fails is the version probed on its
/// own, so an unsupported version is reported before the shape, as the library's readers do.
fn split(input: &Input) -> Result<(), Failure> {
    let text = input.text.as_str();
    let unsupported = |found: u64| -> Failure {
        Error::UnsupportedFormatVersion {
            found,
            expected: FORMAT_VERSION,
        }
        .into()
    };
    let supported = |found: u64| {
        (u64::from(OLDEST_FORMAT_VERSION)..=u64::from(FORMAT_VERSION)).contains(&found)
    };
    let shape_error = match serde_json::from_str::<RawDocument>(text) {
        Ok(document) if supported(u64::from(document.format_version)) => return Ok(()),
        Ok(document) => return Err(unsupported(u64::from(document.format_version))),
        Err(e) => e,
    };
    match serde_json::from_str::<Probe>(text) {
        Ok(Probe {
            format_version: Some(found),
        }) if !supported(found) => Err(unsupported(found)),
        // Syntax errors are reported where found; a shape the probe cannot read is left to
        // the document's own reading, which names what it expected.
        Err(e) if e.classify() != serde_json::error::Category::Data => Err(input.failure(&e)),
        _ => Err(input.failure(&shape_error)),
    }
}

/// Parses officer `index` of a document, the bytes `span` of its text, reporting a problem
/// at its place in the whole text: the path and id the library finds in the officer's
/// text, under `officers[index]`.
fn read_raw(
    input: &Input,
    span: std::ops::Range<usize>,
    index: usize,
) -> Result<OfficerSpec, Problem> {
    let start = span.start;
    let slice = input.text.get(span).unwrap_or_default();
    serde_json::from_str::<OfficerSpec>(slice).map_err(|e| {
        let (path, id) = match Error::from_json_error(slice, &e) {
            Error::Json { path, id, .. } => (path, id),
            _ => (String::new(), None),
        };
        let path = match path.as_str() {
            "" => format!("officers[{index}]"),
            inner if inner.starts_with('[') => format!("officers[{index}]{inner}"),
            inner => format!("officers[{index}].{inner}"),
        };
        // The slice's line and column, moved to where the slice starts in the whole text.
        let before = input.text.get(..start).unwrap_or_default();
        let base_line = before.matches('\n').count() + 1;
        let base_column = before.len() - before.rfind('\n').map_or(0, |n| n + 1);
        let (line, column) = if e.line() <= 1 {
            (base_line, base_column + e.column())
        } else {
            (base_line + e.line() - 1, e.column())
        };
        input.placed(line, column, &path, id, &described(e))
    })
}
