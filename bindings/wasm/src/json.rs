//! Values in and out.
//!
//! Every document comes in as a plain object or its JSON text and is read by the library's
//! own serde types, so a JavaScript object means exactly what the same JSON document means.
//! Every output is the library's serde output parsed into plain objects (`None` is `null`,
//! maps are objects). Going through JSON text keeps one serde implementation per type in the
//! WebAssembly, and lets the engine's own `JSON.parse` build the objects.

use karmayogi::{Error, Errors};
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;

use crate::failure::{Failure, JsonProblem, Problem};

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
        let text = js_sys::JSON::stringify(value)
            .ok()
            .and_then(|s| s.as_string())
            .ok_or_else(not_json)?;
        Ok(Input {
            text,
            given_as_text: false,
            what,
        })
    }

    /// Parses the text as `T`.
    pub(crate) fn parse<T: DeserializeOwned>(&self) -> Result<T, Failure> {
        serde_json::from_str(&self.text).map_err(|e| self.failure(e))
    }

    /// Reads the text with one of the library's own readers (which check `format_version`
    /// before the shape), adding the path of a shape error.
    pub(crate) fn read<T>(
        &self,
        reader: impl FnOnce(&str) -> Result<T, Error>,
    ) -> Result<T, Failure> {
        reader(&self.text).map_err(|e| match e {
            Error::Json {
                line,
                column,
                message,
            } => {
                let description = strip_position(&message, line, column);
                Failure::one(self.problem(line, column, &description))
            }
            other => other.into(),
        })
    }

    /// Reads the text with one of the library's readers that report several errors at
    /// once, adding the path of each shape error.
    pub(crate) fn read_all<T>(
        &self,
        reader: impl FnOnce(&str) -> Result<T, Errors>,
    ) -> Result<T, Failure> {
        reader(&self.text).map_err(|errors| {
            Failure(
                errors
                    .into_iter()
                    .map(|e| match e {
                        Error::Json {
                            line,
                            column,
                            message,
                        } => {
                            let description = strip_position(&message, line, column);
                            self.problem(line, column, &description)
                        }
                        other => Problem::Library(other),
                    })
                    .collect(),
            )
        })
    }

    /// A parse error of the text as a failure, described as the library describes the
    /// errors of its own readers: values as JSON holds them, never by the Rust type reading
    /// them (`expected a number`, not `expected f64`).
    pub(crate) fn failure(&self, error: serde_json::Error) -> Failure {
        let (line, column) = (error.line(), error.column());
        Failure::one(self.problem(line, column, &described(error)))
    }

    /// A problem at a line and column of the text, with the path of the value there.
    pub(crate) fn problem(&self, line: usize, column: usize, description: &str) -> Problem {
        let path = path_at(&self.text, line, column);
        json_problem(
            self.what,
            self.given_as_text,
            &path,
            line,
            column,
            description,
        )
    }
}

/// A problem with the shape of an input, in the form of the library's JSON error, plus the
/// `path` of the bad value (`competencies[3].levels[0].level`). Line and column are those of
/// the caller's text; for an object they are 0 (unknown), and the message names the path.
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
            message: description.to_owned(),
        }
        .to_string()
    } else {
        object_message(what, path, description)
    };
    Problem::Json(JsonProblem {
        line,
        column,
        description: description.to_owned(),
        message,
        path: path.to_owned(),
    })
}

/// The message of a problem in an input given as an object: the input and the path.
pub(crate) fn object_message(what: &str, path: &str, description: &str) -> String {
    if path.is_empty() {
        format!("invalid {what}: {description}")
    } else {
        format!("invalid {what} at `{path}`: {description}")
    }
}

/// A parse error's description as the library gives it for its own readers, without the
/// position: values named as JSON holds them (`expected a number`), never by the Rust type
/// reading them (`expected f64`, `expected struct Target`).
pub(crate) fn described(error: serde_json::Error) -> String {
    match Error::from(error) {
        Error::Json { message, .. } => message,
        other => other.to_string(),
    }
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

/// One level of nesting while scanning JSON text.
enum Frame {
    Object { key: Option<String>, want_key: bool },
    Array { index: usize },
}

/// The path (`competencies[3].levels[0].level`) of the value at a 1-based line and column of
/// JSON text, as `serde_json` reports them: the position of the last byte it read. When that
/// byte closes an object or array (a missing field, a wrong length), the path is the
/// container's own. Empty for the top level.
///
/// A small scanner rather than path tracking during deserialization, which would double
/// the deserialization code of every type in the WebAssembly; it runs only on errors.
pub(crate) fn path_at(text: &str, line: usize, column: usize) -> String {
    let bytes = text.as_bytes();
    let line_start = if line <= 1 {
        0
    } else {
        bytes
            .iter()
            .enumerate()
            .filter(|&(_, &b)| b == b'\n')
            .nth(line - 2)
            .map_or(bytes.len(), |(i, _)| i + 1)
    };
    let last = (line_start + column).min(bytes.len());
    let mut end = last;
    let closes = last > 0 && matches!(bytes.get(last - 1), Some(b'}' | b']'));
    if closes {
        end = last - 1;
    }
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        let Some(&b) = bytes.get(i) else { break };
        match b {
            b'{' => stack.push(Frame::Object {
                key: None,
                want_key: true,
            }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { key, want_key }) => {
                    *key = None;
                    *want_key = true;
                }
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            b':' => {
                if let Some(Frame::Object { want_key, .. }) = stack.last_mut() {
                    *want_key = false;
                }
            }
            b'"' => {
                let (string, next) = scan_string(bytes, i + 1, end);
                if let Some(Frame::Object {
                    key,
                    want_key: true,
                }) = stack.last_mut()
                {
                    *key = Some(string);
                }
                i = next;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    let depth = stack.len();
    for (level, frame) in stack.iter().enumerate() {
        // A container just closed names itself, not its last member.
        if closes && level + 1 == depth {
            break;
        }
        match frame {
            Frame::Object { key: Some(k), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
        }
    }
    path
}

/// Reads a string's content from just after its opening quote; returns it (escapes other
/// than `\"` and `\\` kept as written) and the index after its closing quote (or `end`).
fn scan_string(bytes: &[u8], start: usize, end: usize) -> (String, usize) {
    let mut out = Vec::new();
    let mut i = start;
    while i < end {
        match bytes.get(i) {
            Some(b'"') => return (String::from_utf8_lossy(&out).into_owned(), i + 1),
            Some(b'\\') => {
                match bytes.get(i + 1) {
                    Some(&c @ (b'"' | b'\\')) => out.push(c),
                    Some(&c) => out.extend_from_slice(&[b'\\', c]),
                    None => {}
                }
                i += 2;
            }
            Some(&c) => {
                out.push(c);
                i += 1;
            }
            None => break,
        }
    }
    (String::from_utf8_lossy(&out).into_owned(), end)
}

#[cfg(test)]
mod tests {
    use super::path_at;

    /// The path serde_json's own error position gives, read the way the bindings read it.
    fn path_of_error<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) -> String {
        let e = serde_json::from_str::<T>(text).unwrap_err();
        path_at(text, e.line(), e.column())
    }

    #[test]
    fn errors_inside_values_name_the_value() {
        let doc = r#"{"format_version":1,"competencies":[{"id":"a","name":"A","type":"domain",
            "levels":[{"level":300,"description":"x"}]}]}"#;
        assert_eq!(
            path_of_error::<karmayogi::FrameworkSpec>(doc),
            "competencies[0].levels[0].level"
        );
        let doc = r#"{"format_version":1,"competencies":[],"courses":[{"id":"c","name":"C",
            "hours":"x","provides":[]}]}"#;
        assert_eq!(
            path_of_error::<karmayogi::FrameworkSpec>(doc),
            "courses[0].hours"
        );
    }

    #[test]
    fn unknown_fields_are_named_and_missing_ones_name_their_object() {
        let doc = r#"{"format_version":1,"competencies":[{"id":"a","name":"A","type":"domain"},
            {"id":"b","name":"B","type":"domain","bogus":1}]}"#;
        assert_eq!(
            path_of_error::<karmayogi::FrameworkSpec>(doc),
            "competencies[1].bogus"
        );
        let doc = "{\"format_version\":1,\n\"competencies\":[{\"id\":\"a\",\"type\":\"domain\"}]}";
        assert_eq!(
            path_of_error::<karmayogi::FrameworkSpec>(doc),
            "competencies[0]"
        );
    }

    #[test]
    fn keys_with_quotes_and_top_level_errors() {
        let doc = r#"{"format_version":1,"competencies":[],"a\"b":1}"#;
        assert_eq!(path_of_error::<karmayogi::FrameworkSpec>(doc), "a\"b");
        assert_eq!(path_of_error::<karmayogi::FrameworkSpec>("[1]"), "");
        assert_eq!(
            path_of_error::<karmayogi::FrameworkSpec>("{\"format_version\":1}"),
            ""
        );
    }

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

    #[test]
    fn positions_past_the_text_stop_at_its_end() {
        assert_eq!(path_at("{\"a\":[1,2", 9, 99), "a[1]");
        assert_eq!(path_at("", 1, 1), "");
    }
}
