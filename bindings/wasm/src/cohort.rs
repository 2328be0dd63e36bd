//! The `Cohort` class: many officers stored compactly, for department-scale analysis.
//!
//! A cohort of a hundred thousand officers never holds all their passbooks in WebAssembly
//! memory at once: a document, or its text, is read by the library's `Cohort::from_json`
//! straight into the cohort's columns; from an array, each element is read on its own and
//! handed to the library as a stream. `reviewOfficers` streams a document's officers from
//! raw slices of its text, parsed one by one. An officer that does not read is read again
//! by the library's reader of officers documents, so its every bad field is reported.

use std::rc::Rc;

use karmayogi::{
    EntityKind, Error, Errors, FORMAT_VERSION, OLDEST_FORMAT_VERSION, OfficerSpec, OfficersSpec,
};
use serde::Deserialize;
use serde::de::IgnoredAny;
use wasm_bindgen::prelude::*;

use crate::failure::{Failure, Problem};
use crate::framework::Framework;
use crate::json::{Input, object_message, text_arg};
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

/// The errors of one officer's JSON text `slice` that does not read, as the library's
/// reader of officers documents reports them: every bad field of the officer and of each
/// passbook entry (only the first for a syntax error), each with the line and column in
/// `slice`, the path inside the officer (`passbook[0].level`, empty for the officer
/// itself) and the id the library found. The officer is read as the only one of a
/// document, so its errors are the library's own; only a failed read comes here.
fn officer_errors(
    framework: &karmayogi::Framework,
    slice: &str,
    first: &serde_json::Error,
) -> Vec<Error> {
    let head = format!("{{\"format_version\":{FORMAT_VERSION},\"officers\":[");
    let document = format!("{head}{slice}]}}");
    let policy = karmayogi::LevelPolicy::default();
    let all = match first.classify() {
        serde_json::error::Category::Data => {
            karmayogi::Cohort::from_json(framework, &document, &policy).err()
        }
        _ => None,
    };
    let found: Vec<Error> = (all.into_iter().flatten())
        .filter_map(|mut error| {
            let Error::Json { path, .. } = &mut error else {
                return None;
            };
            let inner = path.strip_prefix("officers[0]")?;
            *path = inner.strip_prefix('.').unwrap_or(inner).to_owned();
            // The document's first line holds the head before the officer's text.
            if let Error::Json {
                line: 1, column, ..
            } = &mut error
            {
                *column = column.saturating_sub(head.len());
            }
            Some(error)
        })
        .collect();
    if found.is_empty() {
        vec![Error::from_json_error(slice, first)]
    } else {
        found
    }
}

/// A JSON error of a piece of a text moved to where the piece stands: `lines` more lines,
/// `columns` more columns on its first line, its path under `under`.
fn moved(mut error: Error, lines: usize, columns: usize, under: &str) -> Error {
    if let Error::Json {
        line, column, path, ..
    } = &mut error
    {
        if *line <= 1 {
            *column += columns;
        }
        *line += lines;
        *path = match path.as_str() {
            "" => under.to_owned(),
            inner if inner.starts_with('[') => format!("{under}{inner}"),
            inner => format!("{under}.{inner}"),
        };
    }
    error
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
            read_officers(fw, officers, |stream| {
                karmayogi::Cohort::new(fw, stream, &policy)
            })?
        } else {
            // A document, or its text: the library's reader, which reads the text straight
            // into the cohort's columns and reports every bad field of every officer and
            // passbook entry at once.
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
    framework: &karmayogi::Framework,
    officers: &JsValue,
    consume: impl FnOnce(&mut dyn Iterator<Item = OfficerSpec>) -> Result<T, Errors>,
) -> Result<T, Failure> {
    let mut reading = Reading::default();
    let built = if let Some(array) = officers.dyn_ref::<js_sys::Array>() {
        let mut stream = array.iter().enumerate().filter_map(|(i, value)| {
            let read = read_element(framework, &value, i);
            reading.officer(i, read)
        });
        consume(&mut stream)
    } else {
        let input = Input::new(officers, "officers")?;
        split(&input)?;
        let spans = OfficersSpec::officer_spans(&input.text);
        let mut stream = spans.into_iter().enumerate().filter_map(|(i, span)| {
            let read = read_raw(framework, &input, span, i);
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

/// Reads one element of an array of officers; a problem's path starts with its index. An
/// element whose values do not read gives every bad field of the officer and its passbook
/// entries, as the library's reader finds them.
fn read_element(
    framework: &karmayogi::Framework,
    value: &JsValue,
    index: usize,
) -> Result<OfficerSpec, Vec<Problem>> {
    let at_index = |problem: Problem| match problem {
        Problem::Json(mut p) => {
            p.path = if p.path.is_empty() {
                format!("[{index}]")
            } else {
                format!("[{index}].{}", p.path)
            };
            p.message = object_message("officers", &p.path, p.id.as_deref(), &p.description);
            Problem::Json(p)
        }
        other @ Problem::Library(_) => other,
    };
    let input = Input::new(value, "officers")
        .map_err(|f| f.0.into_iter().map(at_index).collect::<Vec<_>>())?;
    let first = match serde_json::from_str::<OfficerSpec>(&input.text) {
        Ok(officer) => return Ok(officer),
        Err(e) => e,
    };
    let errors = officer_errors(framework, &input.text, &first);
    Err(errors
        .into_iter()
        .map(|e| at_index(input.problem_of(e)))
        .collect())
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

/// Parses officer `index` of a document, the bytes `span` of its text, reporting its
/// problems at their places in the whole text: the path and id the library finds in the
/// officer's text, under `officers[index]`; every bad field when its values do not read.
fn read_raw(
    framework: &karmayogi::Framework,
    input: &Input,
    span: std::ops::Range<usize>,
    index: usize,
) -> Result<OfficerSpec, Vec<Problem>> {
    let start = span.start;
    let slice = input.text.get(span).unwrap_or_default();
    let first = match serde_json::from_str::<OfficerSpec>(slice) {
        Ok(officer) => return Ok(officer),
        Err(e) => e,
    };
    // The slice's line and column, moved to where the slice starts in the whole text.
    let before = input.text.get(..start).unwrap_or_default();
    let lines = before.matches('\n').count();
    let columns = before.len() - before.rfind('\n').map_or(0, |n| n + 1);
    let under = format!("officers[{index}]");
    Err(officer_errors(framework, slice, &first)
        .into_iter()
        .map(|e| input.problem_of(moved(e, lines, columns, &under)))
        .collect())
}
