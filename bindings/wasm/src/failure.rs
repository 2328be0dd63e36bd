//! Failures as JavaScript exceptions: one `KarmayogiError` carrying every problem as data.
//!
//! Every error the library returns passes through [`problem`], which turns it into a plain
//! object `{code, message, ...fields}`: a stable code, the library's message, and the
//! variant's fields (offending ids, file, line, column) under their Rust names, so that a
//! frontend can point at the bad entry or row.

use karmayogi::{Error, Errors};
use serde_json::{Map, Value};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(raw_module = "../errors.js")]
extern "C" {
    /// The exception class the package exports (`errors.js`).
    type KarmayogiError;

    #[wasm_bindgen(constructor)]
    fn new(message: &str, problems: JsValue) -> KarmayogiError;
}

/// A failed call: every problem found, thrown to JavaScript as one `KarmayogiError`.
#[derive(Debug)]
pub struct Failure(pub(crate) Vec<Map<String, Value>>);

impl Failure {
    /// A failure of one problem given directly, for checks the bindings make themselves.
    pub(crate) fn one(problem: Map<String, Value>) -> Failure {
        Failure(vec![problem])
    }

    /// The message of the exception: the problem's message, or a count and every message.
    pub(crate) fn message(&self) -> String {
        let text = |p: &Map<String, Value>| {
            p.get("message")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        match self.0.as_slice() {
            [only] => text(only),
            all => {
                let mut out = format!("{} problems found:", all.len());
                for p in all {
                    out.push_str("\n  - ");
                    out.push_str(&text(p));
                }
                out
            }
        }
    }
}

impl From<Error> for Failure {
    fn from(error: Error) -> Failure {
        Failure(vec![problem(&error)])
    }
}

impl From<Errors> for Failure {
    fn from(errors: Errors) -> Failure {
        Failure(errors.iter().map(problem).collect())
    }
}

impl From<Failure> for JsValue {
    fn from(failure: Failure) -> JsValue {
        let message = failure.message();
        let problems = serde_json::to_string(&failure.0)
            .ok()
            .and_then(|text| js_sys::JSON::parse(&text).ok())
            .unwrap_or_else(|| js_sys::Array::new().into());
        KarmayogiError::new(&message, problems).into()
    }
}

/// One error as a plain object: the library's own serialization of it, `{code, ...fields,
/// message}` (the JSON error's parser text is `description`). Every variant the library
/// adds arrives with its code and fields, with nothing to change here.
pub(crate) fn problem(error: &Error) -> Map<String, Value> {
    if let Ok(Value::Object(map)) = serde_json::to_value(error) {
        return map;
    }
    // Serializing an error's plain fields cannot fail; keep the message regardless.
    let mut out = Map::new();
    out.insert("code".to_owned(), Value::from(error.code()));
    out.insert("message".to_owned(), Value::from(error.to_string()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use karmayogi::EntityKind;

    #[test]
    fn a_problem_carries_code_message_and_fields() {
        let p = problem(&Error::UnknownReference {
            from_kind: EntityKind::Position,
            from: "p1".into(),
            to_kind: EntityKind::Role,
            to: "r9".into(),
        });
        assert_eq!(
            Value::Object(p),
            serde_json::json!({"code": "unknown_reference",
                   "message": "position `p1` refers to unknown role `r9`",
                   "from_kind": "position", "from": "p1", "to_kind": "role", "to": "r9"})
        );
    }

    #[test]
    fn the_json_error_keeps_its_position_and_the_parser_text() {
        let p = problem(&Error::Json {
            line: 3,
            column: 7,
            message: "missing field `name`".into(),
        });
        assert_eq!(p["code"], "json");
        assert_eq!(p["line"], 3);
        assert_eq!(p["column"], 7);
        assert_eq!(p["description"], "missing field `name`");
    }

    #[test]
    fn several_problems_are_counted_in_the_message() {
        let f = Failure(vec![
            problem(&Error::FrameworkMismatch),
            problem(&Error::LevelOutOfRange { value: 9 }),
        ]);
        assert_eq!(
            f.message(),
            "2 problems found:\n  - the profile or cohort was built from a different framework\
             \n  - level 9 is out of range: expected 0 to 5"
        );
    }
}
