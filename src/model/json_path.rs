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

/// Where `serde_json` stopped when it reported an error, which says what its position
/// (the last byte it read) stands for.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Stop {
    /// At the last byte it read, which is where the problem is.
    Read,
    /// At the end of the text, which ended early.
    Ended,
    /// At a value of the wrong type (`invalid type: …`): a number, string, `true`,
    /// `false` or `null` read whole, so at its last byte; a list or object read to its
    /// `]` or `}` by a reader that takes values of several types; or a list or object
    /// refused on sight, at its `[` or `{` (see [`problem_at`]).
    WrongType,
}

impl Stop {
    /// How `serde_json` stopped at `e`.
    pub(crate) fn of(e: &serde_json::Error) -> Stop {
        match e.classify() {
            serde_json::error::Category::Eof => Stop::Ended,
            serde_json::error::Category::Data if e.to_string().starts_with("invalid type: ") => {
                Stop::WrongType
            }
            _ => Stop::Read,
        }
    }
}

/// The 1-based line and column of the problem `e` reports in `text` (0 and 0 when it
/// reports none). `serde_json`'s own, except for a list or object where a value of
/// another type belongs, which `serde_json` refuses on seeing its `[` or `{` and reports
/// on the byte before (column 0 for a list at the start of a line, and after a comma a
/// position that reads as the element before): there, the `[` or `{` itself, so that the
/// position, like a number's or a string's, is on the value. O(offset of the problem).
pub(crate) fn problem_at(text: &str, e: &serde_json::Error) -> (usize, usize) {
    let (line, column) = (e.line(), e.column());
    if line == 0 || Stop::of(e) != Stop::WrongType {
        return (line, column);
    }
    let opener = match text.as_bytes().get(line_start(text, line) + column) {
        Some(b'[') => "invalid type: sequence",
        Some(b'{') => "invalid type: map",
        _ => return (line, column),
    };
    if e.to_string().starts_with(opener) {
        (line, column + 1)
    } else {
        (line, column)
    }
}

/// The path (`competencies[3].levels[0].level`) of the value at a 1-based line and column of
/// JSON text, as [`problem_at`] reports them (the position of the last byte read), and
/// the `id` (a string member named `id`) of the innermost object on that path that has one,
/// among its innermost 8 objects.
/// When the byte at the position closes an object or array (a missing field, a wrong
/// length), the path is the container's own, and the id the container's if it has one.
/// When `stop` is [`Stop::WrongType`], the value of the wrong type is never searched for
/// an id, only the objects around it: one closed at the position, or opened there (a list
/// or object refused on sight), is that value.
/// A comma at the position was looked at where a value belongs, not read past (`[1, ,]`
/// lacks element 1, `[,]` element 0), unless the text ended there ([`Stop::Ended`]: `[1,`
/// lacks element 1 too, the comma read): the path is the element the comma ends.
/// The path is empty for the top level. O(length of the text) (at most 9 passes).
pub(crate) fn place_at(
    text: &str,
    line: usize,
    column: usize,
    stop: Stop,
) -> (String, Option<String>) {
    let (path, id, _) = place_counting(text, line, column, stop, false);
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
    stop: Stop,
    outer: impl FnOnce() -> Option<String>,
) -> (String, Option<String>) {
    let (path, id, objects) = place_counting(part, line, column, stop, true);
    let id = match id {
        None if objects < ID_DEPTH => outer(),
        id => id,
    };
    (path, id)
}

/// The `id` of the document's top-level object, as [`place_at`] finds it: `None` when the
/// top level is not an object or has no string `id`. O(length of the text).
pub(crate) fn top_level_id(text: &str) -> Option<String> {
    top_level_string(text, "id")
}

/// The string value of the member `key` of `text`'s top-level object, as [`place_at`]
/// finds an `id` (the first such member holding a string, its escapes read): `None` when
/// the top level is not an object or has no such member. A scan of the text rather than a
/// read of its values into a tree, so that a value nested however deep beside the member
/// costs no stack and hides nothing. O(length of the text).
pub(crate) fn top_level_string(text: &str, key: &str) -> Option<String> {
    let open = text.find(|c: char| !c.is_ascii_whitespace())?;
    (text.as_bytes().get(open) == Some(&b'{'))
        .then(|| member_string(text, open, key))
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
    stop: Stop,
    suffix: bool,
) -> (String, Option<String>, usize) {
    let bytes = text.as_bytes();
    let last = (line_start(text, line) + column).min(bytes.len());
    let before = last.checked_sub(1).and_then(|at| bytes.get(at));
    let closes = matches!(before, Some(b'}' | b']'));
    // A list or object refused on sight is the value at fault, not a container entered.
    let refused = stop == Stop::WrongType && matches!(before, Some(b'{' | b'['));
    let looked_at = stop == Stop::Read && before == Some(&b',');
    let end = if closes || looked_at || refused {
        last - 1
    } else {
        last
    };
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
    // An object of the wrong type just closed is the value at fault, not its entity.
    let around = if closes && stop == Stop::WrongType {
        depth.saturating_sub(1)
    } else {
        depth
    };
    let objects: Vec<usize> = stack[..around]
        .iter()
        .rev()
        .filter_map(|frame| match frame {
            Frame::Object { open, .. } => Some(*open),
            Frame::Array { .. } => None,
        })
        .collect();
    let id = (objects.iter().take(ID_DEPTH)).find_map(|&open| member_string(text, open, "id"));
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

/// The string value of the member `key` (as written, without escapes) of the object
/// opened at byte `open`, wherever it stands in the object (before or after the error);
/// `None` when it has none, or not a string. Of a key written twice, the first holding a
/// string.
fn member_string(text: &str, open: usize, key: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut want_key = true;
    let mut key_matches = false;
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
                        let written = text.get(i..next).and_then(|k| k.strip_prefix('"'));
                        key_matches = written.and_then(|k| k.strip_suffix('"')) == Some(key);
                    } else if key_matches {
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
    use super::{Stop, place_at, problem_at};

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
        let (line, column) = problem_at(text, &e);
        place_at(text, line, column, Stop::of(&e))
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
    fn a_list_or_object_refused_on_sight_is_placed_on_its_opening_byte() {
        // `serde_json` reports the byte before the `[` or `{`: here the comma, which
        // would read as the element before, and column 0 at the start of a line.
        for (value, message) in [
            ("[2]", "invalid type: sequence"),
            ("{}", "invalid type: map"),
        ] {
            let doc = format!(
                "{{\"format_version\":1,\"competencies\":[],\"courses\":[{{\"id\":\"k\",\
                 \"name\":\"K\",\"hours\":1,\"provides\":[1,\n{value}]}}]}}"
            );
            let e = serde_json::from_str::<FrameworkSpec>(&doc).unwrap_err();
            assert!(e.to_string().starts_with(message), "{e}");
            assert_eq!((e.line(), e.column()), (2, 0));
            assert_eq!(problem_at(&doc, &e), (2, 1));
            assert_eq!(
                place_of_error::<FrameworkSpec>(&doc),
                owned("courses[0].provides[1]", Some("k"))
            );
            let doc = doc.replace(",\n", ",");
            assert_eq!(
                place_of_error::<FrameworkSpec>(&doc),
                owned("courses[0].provides[1]", Some("k"))
            );
        }
        // A comma looked at where a value belongs still names the element it ends.
        let doc = r#"{"format_version":1,"competencies":[],"courses":[{"id":"k","name":"K",
            "hours":1,"provides":[1,,[2]]}]}"#;
        assert_eq!(
            place_of_error::<FrameworkSpec>(doc),
            owned("courses[0].provides[1]", Some("k"))
        );
    }

    #[test]
    fn positions_past_the_text_stop_at_its_end() {
        let ended = Stop::Ended;
        assert_eq!(place_at("{\"a\":[1,2", 9, 99, ended), owned("a[1]", None));
        assert_eq!(place_at("", 1, 1, ended), owned("", None));
        // Inside a key, the key as far as read; an unterminated id as written.
        assert_eq!(place_at("{\"id\":\"x", 1, 3, ended), owned("i", Some("x")));
    }
}
