//! Failures as JavaScript exceptions: one `KarmayogiError` carrying every problem as data.
//!
//! Every problem is a plain object `{code, message, ...fields}`: a stable code, the
//! library's message, and the variant's fields (offending ids, file, line, column) under
//! their Rust names, so that a frontend can point at the bad entry or row. The library's
//! errors serialize themselves; the bindings add only the malformed-input problem, in the
//! shape of the library's `json` error (its `path` and `id` the library's), and name an
//! option out of range (`invalid_option`) by the camelCase key the caller wrote
//! (`maxFormalShare`), not by the Rust setter (`max_formal_share`), and a document's
//! readers by the package's functions (`loadKcm`), not by the library's (`load_kcm`).

use karmayogi::{DocumentKind, Error, Errors};
use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(raw_module = "../errors.js")]
extern "C" {
    /// The exception class the package exports (`errors.js`).
    type KarmayogiError;

    #[wasm_bindgen(constructor)]
    fn new(message: &str, problems: JsValue) -> KarmayogiError;
}

/// One problem: an error of the library, or a malformed input the bindings read.
#[derive(Debug)]
pub(crate) enum Problem {
    /// The library's error, serialized as the library serializes it.
    Library(Error),
    /// A malformed input: the library's `json` problem, with a message naming the input
    /// and the path when the input was an object.
    Json(JsonProblem),
}

/// A malformed input, serialized as the library's `json` error: `{code: "json", line,
/// column, path, id, description, message}`.
#[derive(Debug)]
pub(crate) struct JsonProblem {
    pub(crate) line: usize,
    pub(crate) column: usize,
    pub(crate) description: String,
    pub(crate) message: String,
    pub(crate) path: String,
    pub(crate) id: Option<String>,
}

impl Problem {
    /// The problem's whole message.
    pub(crate) fn message(&self) -> String {
        match self {
            Problem::Library(error @ Error::InvalidOption { option, .. }) => {
                error.to_string().replacen(
                    &format!("`{option}`"),
                    &format!("`{}`", camel_case(option)),
                    1,
                )
            }
            Problem::Library(error) => js_names(&error.to_string()),
            Problem::Json(json) => json.message.clone(),
        }
    }
}

/// Every kind of document, each with the package's functions that read it, as messages
/// name them to JavaScript callers in place of the library's Rust functions
/// ([`DocumentKind::readers`]).
const JS_READERS: [(DocumentKind, &str); 8] = [
    (
        DocumentKind::Framework,
        "`new Framework` or `parseFrameworkSpec`",
    ),
    (
        DocumentKind::Officers,
        "`new Cohort`, `parseOfficers` or `Framework.reviewOfficers`",
    ),
    (DocumentKind::CasePackage, "`importCase`"),
    (DocumentKind::KcmDictionary, "`loadKcm`"),
    (DocumentKind::IgotCourses, "`loadIgotCourses`"),
    (DocumentKind::FracPositions, "`loadFracPositions`"),
    (DocumentKind::PositionMaster, "`loadPositionMaster`"),
    (DocumentKind::IgotProfile, "`loadIgotProfile`"),
];

/// A library message with the Rust functions it names replaced by the package's (`load_kcm`
/// → `loadKcm`): the readers a `document_of_another_kind` or `csv_looks_like_json`
/// message sends the caller to. O(8 × length of the message).
fn js_names(message: &str) -> String {
    let mut out = message.to_owned();
    for (kind, js) in JS_READERS {
        if out.contains(kind.readers()) {
            out = out.replace(kind.readers(), js);
        }
    }
    out
}

/// Whether the library's message of `error` names the Rust functions reading a kind of
/// document: the errors holding a [`DocumentKind`] (the JavaScript tests check every
/// message thrown for Rust names).
fn names_readers(error: &Error) -> bool {
    matches!(
        error,
        Error::DocumentOfAnotherKind { .. } | Error::CsvLooksLikeJson { kind: Some(_), .. }
    )
}

/// `value` with every `message` in it, nested ones (a `csv_row`'s `error`) included, as
/// [`js_names`] words it.
fn js_messages(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                match v {
                    serde_json::Value::String(text) if key == "message" => {
                        *text = js_names(text);
                    }
                    _ => js_messages(v),
                }
            }
        }
        serde_json::Value::Array(list) => list.iter_mut().for_each(js_messages),
        _ => {}
    }
}

impl Serialize for Problem {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Problem::Library(Error::InvalidOption {
                option,
                value,
                expected,
            }) => {
                let mut s = serializer.serialize_struct("Problem", 5)?;
                s.serialize_field("code", "invalid_option")?;
                s.serialize_field("message", &self.message())?;
                s.serialize_field("option", &camel_case(option))?;
                s.serialize_field("value", value)?;
                s.serialize_field("expected", expected)?;
                s.end()
            }
            // A message naming a Rust function is written again with the package's names;
            // other errors serialize themselves, as the library serializes them.
            Problem::Library(error) if names_readers(error) => {
                let mut value = serde_json::to_value(error).map_err(serde::ser::Error::custom)?;
                js_messages(&mut value);
                value.serialize(serializer)
            }
            Problem::Library(error) => error.serialize(serializer),
            Problem::Json(p) => {
                let mut s = serializer.serialize_struct("Problem", 7)?;
                s.serialize_field("code", "json")?;
                s.serialize_field("line", &p.line)?;
                s.serialize_field("column", &p.column)?;
                s.serialize_field("path", &p.path)?;
                s.serialize_field("id", &p.id)?;
                s.serialize_field("description", &p.description)?;
                s.serialize_field("message", &p.message)?;
                s.end()
            }
        }
    }
}

/// An option's JavaScript key: its Rust setter's name in camelCase (`term_hours` →
/// `termHours`), as the options objects spell it (see `options.rs`).
fn camel_case(rust: &str) -> String {
    let mut out = String::with_capacity(rust.len());
    let mut upper = false;
    for c in rust.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// A failed call: every problem found, thrown to JavaScript as one `KarmayogiError`.
#[derive(Debug)]
pub struct Failure(pub(crate) Vec<Problem>);

impl Failure {
    /// A failure of one problem given directly, for checks the bindings make themselves.
    pub(crate) fn one(problem: Problem) -> Failure {
        Failure(vec![problem])
    }

    /// The message of the exception: the problem's message, or a count and the messages of
    /// the first [`LISTED`](Self::LISTED) problems, then how many more `problems` holds.
    /// Every message of a million bad elements made an 87 MB string (twice that in
    /// JavaScript's UTF-16) beside the problems themselves.
    pub(crate) fn message(&self) -> String {
        match self.0.as_slice() {
            [only] => only.message(),
            all => {
                let mut out = format!("{} problems found:", all.len());
                for p in all.iter().take(Self::LISTED) {
                    out.push_str("\n  - ");
                    out.push_str(&p.message());
                }
                if all.len() > Self::LISTED {
                    out.push_str("\n  - and ");
                    out.push_str(&(all.len() - Self::LISTED).to_string());
                    out.push_str(" more, listed in `problems`");
                }
                out
            }
        }
    }

    /// How many problems an exception's message lists; `problems` holds them all.
    const LISTED: usize = 100;
}

impl From<Error> for Failure {
    fn from(error: Error) -> Failure {
        Failure(vec![Problem::Library(error)])
    }
}

impl From<Errors> for Failure {
    fn from(errors: Errors) -> Failure {
        Failure(errors.into_iter().map(Problem::Library).collect())
    }
}

impl From<Failure> for JsValue {
    fn from(failure: Failure) -> JsValue {
        let message = failure.message();
        // Serializing plain fields cannot fail; an empty list keeps the message regardless.
        let problems = serde_json::to_string(&failure.0)
            .ok()
            .and_then(|text| js_sys::JSON::parse(&text).ok())
            .unwrap_or_else(|| js_sys::Array::new().into());
        KarmayogiError::new(&message, problems).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use karmayogi::EntityKind;
    use serde_json::Value;

    fn value(p: &Problem) -> Value {
        serde_json::from_str(&serde_json::to_string(p).unwrap()).unwrap()
    }

    #[test]
    fn a_problem_carries_code_message_and_fields() {
        let p = Problem::Library(Error::UnknownReference {
            from_kind: EntityKind::Position,
            from: "p1".into(),
            to_kind: EntityKind::Role,
            to: "r9".into(),
        });
        assert_eq!(
            value(&p),
            serde_json::json!({"code": "unknown_reference",
                   "message": "position `p1` refers to unknown role `r9`",
                   "from_kind": "position", "from": "p1", "to_kind": "role", "to": "r9"})
        );
    }

    #[test]
    fn a_json_problem_has_the_fields_of_the_library_json_error() {
        let library = value(&Problem::Library(Error::Json {
            line: 3,
            column: 7,
            path: "competencies[0]".into(),
            id: Some("rti".into()),
            message: "missing field `name`".into(),
        }));
        let ours = value(&Problem::Json(JsonProblem {
            line: 3,
            column: 7,
            description: "missing field `name`".into(),
            message: library["message"].as_str().unwrap().to_owned(),
            path: "competencies[0]".into(),
            id: Some("rti".into()),
        }));
        assert_eq!(ours, library);
    }

    #[test]
    fn an_option_is_named_by_its_javascript_key() {
        let library = Error::InvalidOption {
            option: "max_formal_share",
            value: 2.0,
            expected: "a share above 0 and at most 1",
        };
        let mut expected = serde_json::to_value(&library).unwrap();
        expected["option"] = "maxFormalShare".into();
        expected["message"] =
            "option `maxFormalShare` is 2: expected a share above 0 and at most 1".into();
        assert_eq!(value(&Problem::Library(library)), expected);
        assert_eq!(camel_case("hours_when_missing"), "hoursWhenMissing");
        assert_eq!(camel_case("budget"), "budget");
    }

    #[test]
    fn a_document_s_readers_are_named_by_the_package_s_functions() {
        for (kind, js) in JS_READERS {
            let error = Error::DocumentOfAnotherKind {
                expected: "a framework document",
                found: kind,
            };
            let problem = Problem::Library(error.clone());
            let message = problem.message();
            assert_eq!(message, error.to_string().replace(kind.readers(), js));
            assert!(!message.contains("from_json") && !message.contains("load_"));
            let mut expected = serde_json::to_value(&error).unwrap();
            expected["message"] = message.into();
            assert_eq!(value(&problem), expected);
        }
        let error = Error::CsvLooksLikeJson {
            file: "officers.csv",
            found: "an object",
            kind: Some(DocumentKind::Framework),
        };
        assert_eq!(
            Problem::Library(error).message(),
            "officers.csv looks like JSON (an object): expected CSV, a header line then rows; \
             it is a framework document (an object holding `format_version` and \
             `competencies`), read by `new Framework` or `parseFrameworkSpec`"
        );
    }

    #[test]
    fn a_message_lists_the_first_hundred_problems_and_counts_the_rest() {
        let f = Failure(
            (0..=Failure::LISTED as u32 + 4)
                .map(|value| Problem::Library(Error::LevelOutOfRange { value }))
                .collect(),
        );
        let message = f.message();
        let lines: Vec<&str> = message.lines().collect();
        assert_eq!(lines[0], "105 problems found:");
        assert_eq!(lines.len(), 1 + Failure::LISTED + 1);
        assert_eq!(lines[100], "  - level 99 is out of range: expected 0 to 5");
        assert_eq!(lines[101], "  - and 5 more, listed in `problems`");
    }

    #[test]
    fn several_problems_are_counted_in_the_message() {
        let f = Failure(vec![
            Problem::Library(Error::FrameworkMismatch),
            Problem::Library(Error::LevelOutOfRange { value: 9 }),
        ]);
        assert_eq!(
            f.message(),
            "2 problems found:\n  - the profile or cohort was built from a different framework\
             \n  - level 9 is out of range: expected 0 to 5"
        );
    }
}
