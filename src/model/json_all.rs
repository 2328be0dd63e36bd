//! Every bad entry of a JSON document at once, for the readers that report a list of
//! errors.
//!
//! `serde_json` stops at the first value it cannot read. A document is read once, and a
//! valid one never comes here. Only when that read fails on the data (a value of the wrong
//! type, an unknown or missing field; not a syntax error or an early end, after which the
//! parse cannot go on) is the document read again: each element of its top-level lists on
//! its own, where it stands in the text ([`json_spans`](crate::model::json_spans)), and the rest of the document
//! with those lists' contents blanked out (spaces, line breaks kept, so every position
//! stays where it was); a part that does not read is then read member by member
//! ([`read_each`]), so that one bad value hides no other in the same object. Each error is
//! placed at the line and column, path and id the first
//! read would have given it had it been the first, and the errors come in the order of
//! their positions.

use std::ops::Range;

use serde::de::DeserializeOwned;

use crate::model::json::{Own, Unread, json_error, placed, read_versioned, without_bom};
use crate::model::json_path::{Stop, line_start, place_at, place_within, problem_at, top_level_id};
use crate::model::json_spans::{elements, members};
use crate::{Error, Errors};

/// A member of an object holding a list whose elements are read one at a time.
pub(crate) struct List {
    /// The member's name.
    pub(crate) name: &'static str,
    /// The faults of one element's text; none when it reads.
    pub(crate) read: fn(&str) -> Vec<Fault>,
}

/// A problem found in a text: where the parser stopped, and its error.
pub(crate) struct Fault {
    /// The byte offset, in the text read, just past the last byte the parser read (where
    /// its line and column point).
    end: usize,
    /// The parser's error (its message; its own position is relative to the part read).
    error: serde_json::Error,
    /// Words naming where the problem is, put before the message (an officer and its
    /// passbook entry).
    pub(crate) context: Option<String>,
    /// The element of a list that holds it: the list's name, the element's index and its
    /// bytes in the text.
    pub(crate) element: Option<(&'static str, usize, Range<usize>)>,
}

/// The fault of `error`, from reading `text`.
pub(crate) fn fault(text: &str, error: serde_json::Error) -> Fault {
    let (line, column) = problem_at(text, &error);
    let end = if line == 0 {
        0
    } else {
        line_start(text, line) + column
    };
    Fault {
        end: end.min(text.len()),
        error,
        context: None,
        element: None,
    }
}

/// The faults of reading `text` as a `T`: none when it reads; else, when it is an object,
/// one for each of its members that does not read (see [`member_faults`]), so that a
/// value of the wrong type in one field hides no other field's problem; else its one
/// error.
pub(crate) fn read_each<T: DeserializeOwned>(text: &str) -> Vec<Fault> {
    let read = |part: &str| {
        serde_json::from_str::<T>(part)
            .err()
            .map(|e| fault(part, e))
    };
    let Some(first) = read(text) else {
        return Vec::new();
    };
    let found = member_faults(text, &read);
    if found.is_empty() { vec![first] } else { found }
}

/// The faults of `text`, an object whose members named in `lists` hold lists: each
/// element of those lists read by its list's reader, and the rest of the object by
/// `shell` from the text with those lists' contents blanked out. Ordered by position (a
/// list's faults before the shell's at the same place). `None` when `text` is not an
/// object of JSON values (a syntax error after the first problem).
///
/// O(length of `text`) beside the readers' time, and a copy of the text.
pub(crate) fn faults(
    text: &str,
    shell: fn(&str) -> Vec<Fault>,
    lists: &[List],
) -> Option<Vec<Fault>> {
    let mut blanked = text.as_bytes().to_vec();
    let mut found = Vec::new();
    for (key, span) in members(text)? {
        let Some(list) = lists.iter().find(|list| list.name == key) else {
            continue;
        };
        let Some(elements) = elements(text, span.clone()) else {
            continue;
        };
        // Inside the brackets: the list reads as empty, everything else where it was.
        for b in &mut blanked[span.start + 1..span.end - 1] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
        for (index, at) in elements.into_iter().enumerate() {
            for mut fault in (list.read)(&text[at.clone()]) {
                fault.end += at.start;
                fault.element = Some((list.name, index, at.clone()));
                found.push(fault);
            }
        }
    }
    // Whole characters are blanked, so the bytes stay UTF-8.
    found.extend(shell(&String::from_utf8(blanked).ok()?));
    found.sort_by_key(|fault| fault.end);
    Some(found)
}

/// A reader of a part of the text: the fault of reading it (its offset in the part), or
/// none when it reads or its fault lies outside the part (a field missing from an object
/// around it).
type Reader<'r> = &'r dyn Fn(&str) -> Option<Fault>;

/// The faults of `text`, an object that `read` does not read, found member by member, in
/// the order of their positions: each member read alone (`{member}`), its fault reported
/// when it lies in the member (an unknown field at its key, a value of the wrong type in
/// its value; for a list of objects, each bad element's, found the same way); a member
/// whose key came before is reported as the parser reports a repeated field, at its key;
/// then the object with its bad members blanked out, read whole, for a required field
/// missing (not one present with a bad value). Empty when `text` is no object of JSON
/// values, or no part gives a fault (the caller then reports the first error).
///
/// O(length of `text`) for the copies, beside the reads (each member and nested element is
/// read once more on its own, inside its few enclosing keys).
fn member_faults(text: &str, read: Reader<'_>) -> Vec<Fault> {
    let Some(members) = members(text) else {
        return Vec::new();
    };
    let Some(open) = text.find('{') else {
        return Vec::new();
    };
    let mut found = Vec::new();
    let mut kept: Vec<Range<usize>> = Vec::with_capacity(members.len());
    let mut keys: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut from = open + 1;
    let mut part = String::new();
    for (key, value_at) in &members {
        let Some(key_start) = text.get(from..value_at.start).and_then(|gap| gap.find('"')) else {
            return Vec::new();
        };
        let key_start = from + key_start;
        from = value_at.end;
        let key_end = key_end(text, key_start, value_at.start);
        part.clear();
        part.push('{');
        part.push_str(&text[key_start..value_at.end]);
        part.push('}');
        let alone = read(&part)
            .filter(|f| (1..part.len()).contains(&f.end))
            .map(|mut f| {
                f.end = f.end - 1 + key_start;
                f
            });
        let repeated = !keys.insert(key.as_str());
        let faults = match alone {
            // The key itself: a field the object does not have.
            Some(f) if f.end <= key_end => vec![f],
            _ if repeated => vec![Fault {
                end: key_end,
                error: serde::de::Error::custom(format_args!("duplicate field `{key}`")),
                context: None,
                element: None,
            }],
            Some(f) => {
                let inner = list_faults(text, key_start, value_at.clone(), read);
                if inner.is_empty() { vec![f] } else { inner }
            }
            None => Vec::new(),
        };
        if faults.is_empty() {
            kept.push(key_start..value_at.end);
        }
        found.extend(faults);
    }
    // The members that read, read together: a required field missing.
    let close = text.rfind('}').unwrap_or(text.len());
    let mut rest = text.as_bytes().to_vec();
    let mut next = kept.iter().peekable();
    let mut at = open + 1;
    while at < close {
        match next.peek() {
            Some(span) if span.start == at => {
                at = span.end;
                next.next();
                if next.peek().is_some() {
                    rest[at] = b',';
                    at += 1;
                }
            }
            _ => {
                if rest[at] != b'\n' {
                    rest[at] = b' ';
                }
                at += 1;
            }
        }
    }
    if let Some(f) = String::from_utf8(rest).ok().and_then(|rest| read(&rest)) {
        let message = f.error.to_string();
        let present = members
            .iter()
            .any(|(key, _)| message.starts_with(&format!("missing field `{key}`")));
        if !present {
            found.push(f);
        }
    }
    found.sort_by_key(|f| f.end);
    found
}

/// The offset just past the closing quote of the key starting at `key_start`, whose value
/// starts at `value_start` (only whitespace and a colon lie between).
fn key_end(text: &str, key_start: usize, value_start: usize) -> usize {
    let between = text.get(key_start..value_start).unwrap_or_default();
    let before_colon = between.trim_end().strip_suffix(':').unwrap_or(between);
    key_start + before_colon.trim_end().len()
}

/// The faults of the elements of `text[value_at]`, the list of the member at `key_start`, each
/// object element read alone in the list (`{"key": [element]}`) and, when it does not
/// read, member by member; empty when the value is no list or every element reads alone.
fn list_faults(
    text: &str,
    key_start: usize,
    value_at: Range<usize>,
    read: Reader<'_>,
) -> Vec<Fault> {
    let Some(elements) = elements(text, value_at.clone()) else {
        return Vec::new();
    };
    let prefix = format!("{{{}[", &text[key_start..value_at.start]);
    let in_list = |element: &str| {
        let wrapped = format!("{prefix}{element}]}}");
        // Past the element's first byte: a fault just past the list's own `[` (a list
        // where a value of another type belongs, refused on sight) is the member's.
        let inside = prefix.len() + 1..=prefix.len() + element.len();
        read(&wrapped)
            .filter(|f| inside.contains(&f.end))
            .map(|mut f| {
                f.end -= prefix.len();
                f
            })
    };
    let mut found = Vec::new();
    for span in elements {
        let element = &text[span.clone()];
        let Some(first) = in_list(element) else {
            continue;
        };
        let at = span.start;
        let mut each = member_faults(element, &in_list);
        if each.is_empty() {
            each.push(first);
        }
        for mut f in each {
            f.end += at;
            found.push(f);
        }
    }
    found
}

/// Reads a versioned document as [`from_versioned_json`](crate::model::json::from_versioned_json)
/// does, but on a failure to read its data reports every bad member of every element of
/// `lists` and of the rest of the document (as `shell` and the lists' readers find them),
/// each as an [`Error::Json`] placed in the whole text, in the
/// order of their positions. `single` words the one error of a document that gives no more
/// (a syntax error, an early end, or, which should not happen, a diagnosis finding
/// nothing), as the type's one-error reader does.
pub(crate) fn from_versioned_json_all<T: DeserializeOwned>(
    json: &str,
    shell: fn(&str) -> Vec<Fault>,
    lists: &[List],
    single: fn(&str, Error) -> Error,
    own: Own,
) -> Result<T, Errors> {
    let json = without_bom(json);
    let error = match read_versioned(json, own) {
        Ok(value) => return Ok(value),
        // A number read as 0 that is not 0 as written (`model::json_underflow`) is a JSON
        // error of the document's own, worded as its reader words one.
        Err(Unread::Error(error @ Error::Json { .. })) => return Err(single(json, error).into()),
        Err(Unread::Error(error)) => return Err(error.into()),
        Err(Unread::Json(e)) => e,
    };
    let diagnosed = (error.classify() == serde_json::error::Category::Data)
        .then(|| faults(json, shell, lists))
        .flatten()
        .and_then(|found| Errors::from_vec(placed_all(json, found)));
    Err(diagnosed.unwrap_or_else(|| single(json, json_error(json, &error)).into()))
}

/// The errors of `found`, faults of `json` in the order of their positions.
fn placed_all(json: &str, found: Vec<Fault>) -> Vec<Error> {
    let mut lines = Lines::default();
    let mut outer: Option<Option<String>> = None;
    let mut errors = Vec::with_capacity(found.len());
    for fault in found {
        let (line, column) = lines.advance(json, fault.end);
        let stop = match Stop::of(&fault.error) {
            // Every fault here is one of the data, read in a whole part.
            Stop::Ended => Stop::Read,
            stop => stop,
        };
        let (path, id) = match &fault.element {
            // Placed in the element's own text: O(its length) per fault, not the document's.
            Some((list, index, span)) => {
                let element = json.get(span.clone()).unwrap_or_default();
                let end = fault.end - span.start;
                let before = element.get(..end).unwrap_or_default();
                let local_line = 1 + before.matches('\n').count();
                let local_column = end - before.rfind('\n').map_or(0, |i| i + 1);
                // The document's id when the element's objects have none, as the
                // one-error reader names it: read once, only if asked.
                let (inner, id) = place_within(element, local_line, local_column, stop, || {
                    outer.get_or_insert_with(|| top_level_id(json)).clone()
                });
                (format!("{list}[{index}]{inner}"), id)
            }
            None => place_at(json, line, column, stop),
        };
        let mut error = placed(&fault.error, line, column, path, id);
        if let (Some(context), Error::Json { message, .. }) = (fault.context, &mut error) {
            *message = format!("{context}: {message}");
        }
        errors.push(error);
    }
    errors
}

/// The line and column of increasing byte offsets of a text, counted once over it.
#[derive(Default)]
struct Lines {
    at: usize,
    line: usize,
    line_start: usize,
}

impl Lines {
    /// The 1-based line of offset `end` and its column (bytes from the line's start), as
    /// `serde_json` counts them; `end` at least the last one asked.
    fn advance(&mut self, text: &str, end: usize) -> (usize, usize) {
        let upto = end.min(text.len()).max(self.at);
        let seen = text.as_bytes().get(self.at..upto).unwrap_or_default();
        for (i, &b) in seen.iter().enumerate() {
            if b == b'\n' {
                self.line += 1;
                self.line_start = self.at + i + 1;
            }
        }
        self.at = upto;
        (self.line + 1, upto - self.line_start)
    }
}
