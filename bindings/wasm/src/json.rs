//! Values in and out.
//!
//! Every document comes in as a plain object or its JSON text and is read by the library's
//! own serde types, so a JavaScript object means exactly what the same JSON document means.
//! Every output is the library's serde output parsed into plain objects (`None` is `null`,
//! maps are objects). Going through JSON text keeps one serde implementation per type in the
//! WebAssembly, and lets the engine's own `JSON.parse` build the objects.

use karmayogi::{DocumentKind, Error, Errors};
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;

use crate::failure::{Failure, JsonProblem, Problem};

#[wasm_bindgen::prelude::wasm_bindgen(raw_module = "../values.js")]
extern "C" {
    /// The JSON text of a plain object or array, or `{path, id, found}` naming the first
    /// value JSON cannot hold (NaN, an infinity, a function, a symbol, a bigint, `undefined`
    /// in an array, an object of a class such as `Date` or `Map`).
    #[wasm_bindgen(js_name = jsonText)]
    fn json_text(value: &JsValue) -> JsValue;
}

/// An input's JSON text, whether the caller gave it as text or as an object, and what it is
/// (for messages).
pub(crate) struct Input {
    pub(crate) text: String,
    given_as_text: bool,
    what: &'static str,
}

impl Input {
    /// Reads an argument given as JSON text or as a plain object.
    pub(crate) fn new(value: &JsValue, what: &'static str) -> Result<Input, Failure> {
        if let Some(mut text) = value.as_string() {
            // A byte-order mark before the text is ignored, as the library's readers ignore
            // it (editors on Windows write one); line and column then count from after it.
            if text.starts_with('\u{feff}') {
                text.drain(..'\u{feff}'.len_utf8());
            }
            return Ok(Input {
                text,
                given_as_text: true,
                what,
            });
        }
        let not_json = || {
            Failure::one(json_problem(
                what,
                false,
                "",
                0,
                0,
                &format!(
                    "expected a plain object or JSON text, found {}",
                    type_of(value)
                ),
            ))
        };
        if !value.is_object() {
            return Err(not_json());
        }
        let written = json_text(value);
        if let Some(text) = written.as_string() {
            return Ok(Input {
                text,
                given_as_text: false,
                what,
            });
        }
        // A value JSON cannot hold, which `JSON.stringify` would have turned into `null`,
        // dropped or written as something else (`values.js`).
        let field = |name: &str| js_sys::Reflect::get(&written, &JsValue::from_str(name)).ok();
        let (Some(path), Some(found)) = (
            field("path").and_then(|v| v.as_string()),
            field("found").and_then(|v| v.as_string()),
        ) else {
            return Err(not_json());
        };
        let id = field("id").and_then(|v| v.as_string());
        let input = Input {
            text: String::new(),
            given_as_text: false,
            what,
        };
        let description = format!(
            "expected a JSON value (a plain object, an array, a string, a finite number, a \
             boolean or null), found {found}"
        );
        Err(Failure(vec![input.placed(0, 0, &path, id, &description)]))
    }

    /// Whether the argument was JSON text rather than a plain object.
    pub(crate) fn given_as_text(&self) -> bool {
        self.given_as_text
    }

    /// Reads the text as `T` with the library's checked reader (`karmayogi::read_json`),
    /// which refuses what `serde_json` alone would read otherwise (a number nearer 0 than
    /// a double holds, `1e-400`, read as 0) as the library's document readers refuse it.
    pub(crate) fn parse<T: DeserializeOwned>(&self) -> Result<T, Failure> {
        self.read(karmayogi::read_json)
    }

    /// The library's `document_of_another_kind` problem when the input, which did not
    /// read, is a document of another kind than `own` (as `DocumentKind::of_json` tells
    /// it), so that an input read here rather than by the library's reader of its text
    /// is named as that reader names it, whichever way the caller gave it. Parses the
    /// text again: called on the failure path only.
    pub(crate) fn other_kind(&self, own: DocumentKind, expected: &'static str) -> Option<Failure> {
        DocumentKind::of_json(&self.text)
            .filter(|found| *found != own)
            .map(|found| {
                Failure::one(Problem::Library(Error::DocumentOfAnotherKind {
                    expected,
                    found,
                }))
            })
    }

    /// Reads the text with one of the library's own readers (which check `format_version`
    /// before the shape), adding the path of a shape error.
    pub(crate) fn read<T>(
        &self,
        reader: impl FnOnce(&str) -> Result<T, Error>,
    ) -> Result<T, Failure> {
        reader(&self.text).map_err(|e| Failure(vec![self.problem_of(e)]))
    }

    /// Reads the text with one of the library's readers that report several errors at
    /// once, adding the path of each shape error.
    pub(crate) fn read_all<T>(
        &self,
        reader: impl FnOnce(&str) -> Result<T, Errors>,
    ) -> Result<T, Failure> {
        reader(&self.text)
            .map_err(|errors| Failure(errors.into_iter().map(|e| self.problem_of(e)).collect()))
    }

    /// A library error of reading the text as a problem: a shape error with the path and
    /// id the library found, the message naming the input when it was an object.
    pub(crate) fn problem_of(&self, error: Error) -> Problem {
        match error {
            Error::Json {
                line,
                column,
                path,
                id,
                message,
            } => {
                let description = strip_position(&message, line, column);
                self.placed(line, column, &path, id, &description)
            }
            other => Problem::Library(other),
        }
    }

    /// A problem at a line and column of the text, at the path and entity id the library
    /// found there.
    pub(crate) fn placed(
        &self,
        line: usize,
        column: usize,
        path: &str,
        id: Option<String>,
        description: &str,
    ) -> Problem {
        let mut problem = json_problem(
            self.what,
            self.given_as_text,
            path,
            line,
            column,
            description,
        );
        if let Problem::Json(p) = &mut problem {
            p.id = id;
            p.message = if self.given_as_text {
                Error::Json {
                    line,
                    column,
                    path: path.to_owned(),
                    id: p.id.clone(),
                    message: description.to_owned(),
                }
                .to_string()
            } else {
                object_message(self.what, path, p.id.as_deref(), description)
            };
        }
        problem
    }
}

/// A problem with the shape of an input, in the form of the library's JSON error: the
/// `path` of the bad value (`competencies[3].levels[0].level`), no entity id. Line and
/// column are those of the caller's text; for an object they are 0 (unknown), and the
/// message names the path.
pub(crate) fn json_problem(
    what: &str,
    given_as_text: bool,
    path: &str,
    line: usize,
    column: usize,
    description: &str,
) -> Problem {
    let (line, column) = if given_as_text {
        (line, column)
    } else {
        (0, 0)
    };
    let message = if given_as_text {
        Error::Json {
            line,
            column,
            path: path.to_owned(),
            id: None,
            message: description.to_owned(),
        }
        .to_string()
    } else {
        object_message(what, path, None, description)
    };
    Problem::Json(JsonProblem {
        line,
        column,
        description: description.to_owned(),
        message,
        path: path.to_owned(),
        id: None,
    })
}

/// The message of a problem in an input given as an object: the input, the path and the
/// entity's id.
pub(crate) fn object_message(
    what: &str,
    path: &str,
    id: Option<&str>,
    description: &str,
) -> String {
    // Quoted as the library's messages quote paths and ids, so that a key or id holding
    // an invisible character (a zero-width space, a right-to-left override) shows it.
    let (empty, path, id) = (
        path.is_empty(),
        quoted_from_js(path),
        id.map(quoted_from_js),
    );
    match (empty, id) {
        (true, None) => format!("invalid {what}: {description}"),
        (true, Some(id)) => format!("invalid {what} (id {id}): {description}"),
        (false, None) => format!("invalid {what} at {path}: {description}"),
        (false, Some(id)) => format!("invalid {what} at {path} (id {id}): {description}"),
    }
}

/// A path or id from `values.js` as the library quotes it, each lone surrogate there
/// written as the text `\u{d800}` (it has no UTF-8 form to cross in) shown as that escape
/// rather than as an escaped backslash before it. O(length).
fn quoted_from_js(value: &str) -> String {
    let quoted = karmayogi::quoted(value).to_string();
    if !quoted.contains("\\\\u{d") {
        return quoted;
    }
    let mut out = String::with_capacity(quoted.len());
    let mut rest = quoted.as_str();
    while let Some(at) = rest.find("\\\\u{d") {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        // `\\u{d` and three more characters: `8`–`f`, two hex digits, `}`.
        let tail = from.get(5..9).filter(|t| {
            let b = t.as_bytes();
            matches!(b.first(), Some(b'8'..=b'9' | b'a'..=b'f'))
                && b.iter().take(3).all(u8::is_ascii_hexdigit)
                && b.get(3) == Some(&b'}')
        });
        if let Some(tail) = tail {
            out.push_str("\\u{d");
            out.push_str(tail);
            rest = from.get(9..).unwrap_or_default();
        } else {
            out.push_str("\\\\");
            rest = from.get(2..).unwrap_or_default();
        }
    }
    out.push_str(rest);
    out
}

fn strip_position(text: &str, line: usize, column: usize) -> String {
    let suffix = format!(" at line {line} column {column}");
    text.strip_suffix(&suffix).unwrap_or(text).to_owned()
}

/// A string argument (an id). The generated glue would hand a non-string to the
/// WebAssembly unchecked, so every id is taken as a value and checked here.
pub(crate) fn text_arg(value: &JsValue, what: &'static str) -> Result<String, Failure> {
    value.as_string().ok_or_else(|| {
        Failure::one(json_problem(
            what,
            false,
            "",
            0,
            0,
            &format!("expected a string, found {}", type_of(value)),
        ))
    })
}

fn type_of(value: &JsValue) -> String {
    // `typeof null` is "object", which would tell the caller nothing.
    if value.is_null() {
        return "null".to_owned();
    }
    value.js_typeof().as_string().unwrap_or_default()
}

/// A library value as plain JavaScript objects, through its serde form.
pub(crate) fn output<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, Failure> {
    output_text(serde_json::to_string(value))
}

/// [`output`] past the serializer, compiled once for every output type.
fn output_text(text: Result<String, serde_json::Error>) -> Result<JsValue, Failure> {
    let fail =
        |description: &str| Failure::one(json_problem("output", true, "", 0, 0, description));
    let text = text.map_err(|e| fail(&e.to_string()))?;
    js_sys::JSON::parse(&text).map_err(|_| fail("the output could not be read back"))
}

/// Compact JSON text (as `serde_json::to_string` writes it) indented exactly as
/// `serde_json::to_string_pretty` writes the same value: two spaces a level, `": "` after
/// keys, empty arrays and objects kept as `[]` and `{}`.
///
/// Re-indenting the compact text, rather than serializing with the pretty formatter,
/// keeps one copy of every type's serialization code in the WebAssembly.
pub(crate) fn pretty(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() + compact.len() / 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    let mut chars = compact.chars().peekable();
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '[' | '{' => {
                out.push(c);
                let close = if c == '[' { ']' } else { '}' };
                if chars.peek() == Some(&close) {
                    chars.next();
                    out.push(close);
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            ']' | '}' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(',');
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn pretty_text_is_serde_json_pretty_text() {
        let value = serde_json::json!({
            "format_version": 2,
            "competencies": [{"id": "a\"[,]{:}", "name": "A\\", "levels": [], "x": {}}],
            "nested": [[1, 2.5, -3e-7], {"k": [null, true, false]}, []],
            "text": "line\nbreak \u{1F600} \t",
        });
        let compact = serde_json::to_string(&value).unwrap();
        assert_eq!(
            super::pretty(&compact),
            serde_json::to_string_pretty(&value).unwrap()
        );
        let spec = karmayogi::FrameworkSpec::from_json(include_str!(
            "../../../examples/data/head_post_office.json"
        ))
        .unwrap();
        assert_eq!(
            super::pretty(&serde_json::to_string(&spec).unwrap()),
            spec.to_json()
        );
    }
}
