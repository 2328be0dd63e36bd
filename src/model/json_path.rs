//! Where in a JSON text an error is, as data: the path of the value (`positions[3].department`)
//! and the `id` of the entity that holds it, found from the line and column `serde_json`
//! reports.
//!
//! A small scanner of the text rather than path tracking during deserialization
//! (`serde_path_to_error`): it runs only once a document has failed to read, so reading a
//! valid document costs nothing more, and it is one function in the WebAssembly module
//! where tracking would wrap the deserialization code of every type. O(length of the text)
//! per error.

use std::fmt;

use crate::model::quote::quoted;

/// How many objects on the path, innermost first, are searched for an `id`.
const ID_DEPTH: usize = 8;

/// One level of nesting while scanning JSON text.
enum Frame {
    /// An object opened at byte `open`, with its current key.
    Object {
        open: usize,
        key: Option<String>,
        want_key: bool,
    },
    /// An array, with the index of its current element.
    Array { index: usize },
}

/// The path (`competencies[3].levels[0].level`) of the value at a 1-based line and column of
/// JSON text, as `serde_json` reports them (the position of the last byte it read), and
/// the `id` (a string member named `id`) of the innermost object on that path that has one,
/// among its innermost 8 objects.
/// When the byte at the position closes an object or array (a missing field, a wrong
/// length), the path is the container's own, and the id the container's if it has one.
/// A comma at the position was looked at where a value belongs, not read past (`[1, ,]`
/// lacks element 1, `[,]` element 0), unless the text `ended` there (`[1,` lacks element
/// 1 too, the comma read): the path is the element the comma ends.
/// The path is empty for the top level. O(length of the text) (at most 9 passes).
pub(crate) fn place_at(
    text: &str,
    line: usize,
    column: usize,
    ended: bool,
) -> (String, Option<String>) {
    let (path, id, _) = place_counting(text, line, column, ended, false);
    (path, id)
}

/// [`place_at`] inside a part of a document (an element of one of its lists): the path
/// within the part as it follows the part's own in the document's (`.name`, `[1]`, `.`
/// for a key that is empty, nothing for the part itself) and its id, and, when the part's objects on the path have no `id` and are
/// fewer than the 8 searched, the id of the document's objects around it, `outer` (read
/// only then), as [`place_at`] over the whole document gives them.
pub(crate) fn place_within(
    part: &str,
    line: usize,
    column: usize,
    outer: impl FnOnce() -> Option<String>,
) -> (String, Option<String>) {
    let (path, id, objects) = place_counting(part, line, column, false, true);
    let id = match id {
        None if objects < ID_DEPTH => outer(),
        id => id,
    };
    (path, id)
}

/// The `id` of the document's top-level object, as [`place_at`] finds it: `None` when the
/// top level is not an object or has no string `id`. O(length of the text).
pub(crate) fn top_level_id(text: &str) -> Option<String> {
    let open = text.find(|c: char| !c.is_ascii_whitespace())?;
    (text.as_bytes().get(open) == Some(&b'{'))
        .then(|| member_id(text, open))
        .flatten()
}

/// The byte offset where 1-based line `line` of `text` starts (`text.len()` past the
/// last line), as `serde_json` counts lines: by `\n` alone. O(offset).
pub(crate) fn line_start(text: &str, line: usize) -> usize {
    if line <= 1 {
        return 0;
    }
    text.bytes()
        .enumerate()
        .filter(|&(_, b)| b == b'\n')
        .nth(line - 2)
        .map_or(text.len(), |(i, _)| i + 1)
}

/// [`place_at`], with the number of objects on the path; every key led by a dot when
/// `suffix`, else all but a first.
fn place_counting(
    text: &str,
    line: usize,
    column: usize,
    ended: bool,
    suffix: bool,
) -> (String, Option<String>, usize) {
    let bytes = text.as_bytes();
    let last = (line_start(text, line) + column).min(bytes.len());
    let closes = last > 0 && matches!(bytes.get(last - 1), Some(b'}' | b']'));
    let looked_at = last > 0 && !ended && bytes.get(last - 1) == Some(&b',');
    let end = if closes || looked_at { last - 1 } else { last };
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        let Some(&b) = bytes.get(i) else { break };
        match b {
            b'{' => stack.push(Frame::Object {
                open: i,
                key: None,
                want_key: true,
            }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { key, want_key, .. }) => {
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
                let next = string_end(bytes, i + 1, end);
                if let Some(Frame::Object {
                    key,
                    want_key: true,
                    ..
                }) = stack.last_mut()
                {
                    *key = Some(string_at(text, i, next));
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
                if suffix || !path.is_empty() {
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
    // Each object is scanned to its end for its `id`: the innermost few only, so a
    // document nested thousands deep stays linear (entities nest a few levels deep).
    let objects: Vec<usize> = stack
        .iter()
        .rev()
        .filter_map(|frame| match frame {
            Frame::Object { open, .. } => Some(*open),
            Frame::Array { .. } => None,
        })
        .collect();
    let id = (objects.iter().take(ID_DEPTH)).find_map(|&open| member_id(text, open));
    (path, id, objects.len())
}

/// The index just after the closing quote of the string whose content starts at `start`
/// (or `end` when it does not close before).
pub(crate) fn string_end(bytes: &[u8], start: usize, end: usize) -> usize {
    let mut i = start;
    while i < end {
        match bytes.get(i) {
            Some(b'"') => return i + 1,
            Some(b'\\') => i += 2,
            Some(_) => i += 1,
            None => break,
        }
    }
    end
}

/// The string written from byte `open` (its opening quote) to `close` (after its closing
/// quote), its escapes read; as written, quotes aside, when it does not read.
pub(crate) fn string_at(text: &str, open: usize, close: usize) -> String {
    let raw = text.get(open..close).unwrap_or_default();
    serde_json::from_str::<String>(raw).unwrap_or_else(|_| {
        let inner = raw.strip_prefix('"').unwrap_or(raw);
        inner.strip_suffix('"').unwrap_or(inner).to_owned()
    })
}

/// The string value of the member `id` of the object opened at byte `open`, wherever it
/// stands in the object (before or after the error); `None` when it has none, or not a
/// string.
fn member_id(text: &str, open: usize) -> Option<String> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut want_key = true;
    let mut key_is_id = false;
    let mut i = open;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'{' | b'[' => {
                depth += 1;
                want_key = b == b'{';
            }
            b'}' | b']' => {
                depth -= 1;
                if depth == 0 {
                    return None;
                }
            }
            b',' if depth == 1 => want_key = true,
            b':' if depth == 1 => want_key = false,
            b'"' => {
                let next = string_end(bytes, i + 1, bytes.len());
                if depth == 1 {
                    if want_key {
                        key_is_id = text.get(i..next) == Some("\"id\"");
                    } else if key_is_id {
                        return Some(string_at(text, i, next));
                    }
                }
                i = next;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// How [`Error::Json`](crate::Error::Json)'s message shows where the problem is: nothing
/// at the top level, else `` (`positions[3].department`, id `hpo-1`)``, each quoted as ids
/// are in messages.
pub(crate) struct Place<'a>(pub(crate) &'a str, pub(crate) &'a Option<String>);

impl fmt::Display for Place<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.0.is_empty(), self.1) {
            (true, None) => Ok(()),
            (true, Some(id)) => write!(f, " (id {})", quoted(id)),
            (false, None) => write!(f, " ({})", quoted(self.0)),
            (false, Some(id)) => write!(f, " ({}, id {})", quoted(self.0), quoted(id)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::place_at;

    /// A framework-shaped document, declared here so the scanner is tested on its own.
    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)] // read for their errors only
    struct FrameworkSpec {
        format_version: u32,
        competencies: Vec<Competency>,
        #[serde(default)]
        courses: Vec<Course>,
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Competency {
        id: String,
        name: String,
        #[serde(rename = "type")]
        kind: String,
        #[serde(default)]
        levels: Vec<Level>,
        x: Option<serde_json::Value>,
        y: Option<serde_json::Value>,
    }

    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Level {
        level: u8,
        description: String,
    }

    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Course {
        id: String,
        name: String,
        hours: f64,
        provides: Vec<u8>,
    }

    /// The place `serde_json`'s own error position gives.
    fn place_of_error<T: serde::de::DeserializeOwned + std::fmt::Debug>(
        text: &str,
    ) -> (String, Option<String>) {
        let e = serde_json::from_str::<T>(text).unwrap_err();
        let ended = e.classify() == serde_json::error::Category::Eof;
        place_at(text, e.line(), e.column(), ended)
    }

    fn owned(path: &str, id: Option<&str>) -> (String, Option<String>) {
        (path.to_owned(), id.map(str::to_owned))
    }

    #[test]
    fn errors_inside_values_name_the_value_and_its_entity() {
        let doc = r#"{"format_version":1,"competencies":[{"id":"a","name":"A","type":"domain",
            "levels":[{"level":300,"description":"x"}]}]}"#;
        assert_eq!(
            place_of_error::<FrameworkSpec>(doc),
            owned("competencies[0].levels[0].level", Some("a"))
        );
        // The id after the bad value is found too.
        let doc = r#"{"format_version":1,"competencies":[],"courses":[{"name":"C",
            "hours":"x","provides":[], "id": "c\u002d1"}]}"#;
        assert_eq!(
            place_of_error::<FrameworkSpec>(doc),
            owned("courses[0].hours", Some("c-1"))
        );
    }

    #[test]
    fn unknown_fields_are_named_and_missing_ones_name_their_object() {
        let doc = r#"{"format_version":1,"competencies":[{"id":"a","name":"A","type":"domain"},
            {"id":"b","name":"B","type":"domain","bogus":1}]}"#;
        assert_eq!(
            place_of_error::<FrameworkSpec>(doc),
            owned("competencies[1].bogus", Some("b"))
        );
        let doc = "{\"format_version\":1,\n\"competencies\":[{\"id\":\"a\",\"type\":\"domain\"}]}";
        assert_eq!(
            place_of_error::<FrameworkSpec>(doc),
            owned("competencies[0]", Some("a"))
        );
        // An `id` inside a nested object or list is not the entity's.
        let doc = r#"{"format_version":1,"competencies":[{"x":{"id":"no"},"y":[{"id":"no"}],
            "name":null}]}"#;
        assert_eq!(
            place_of_error::<FrameworkSpec>(doc),
            owned("competencies[0].name", None)
        );
    }

    #[test]
    fn keys_with_quotes_and_top_level_errors() {
        let doc = r#"{"format_version":1,"competencies":[],"a\"b":1}"#;
        assert_eq!(place_of_error::<FrameworkSpec>(doc), owned("a\"b", None));
        assert_eq!(place_of_error::<FrameworkSpec>("[1]"), owned("", None));
        assert_eq!(
            place_of_error::<FrameworkSpec>("{\"format_version\":1}"),
            owned("", None)
        );
    }

    #[test]
    fn positions_past_the_text_stop_at_its_end() {
        assert_eq!(place_at("{\"a\":[1,2", 9, 99, true), owned("a[1]", None));
        assert_eq!(place_at("", 1, 1, true), owned("", None));
        // Inside a key, the key as far as read; an unterminated id as written.
        assert_eq!(place_at("{\"id\":\"x", 1, 3, true), owned("i", Some("x")));
    }
}
