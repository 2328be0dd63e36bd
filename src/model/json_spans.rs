//! Where the members of a JSON object and the elements of a JSON array are in its text, as
//! byte ranges.
//!
//! The text is first read by `serde_json` (as [`IgnoredAny`]), so the scan below runs only
//! on well-formed JSON and every loop in it ends. A scanner of the crate's own rather than
//! `serde_json`'s `RawValue`: that feature is not local to its reader, it makes
//! `serde_json`'s writer test every struct field it writes for `RawValue`'s token, with a
//! second writer per field type, in every output type's code (21,854 bytes of the
//! JavaScript package's WebAssembly when it was last measured; see BENCHMARKS.md).

use std::ops::Range;

use serde::de::IgnoredAny;

use crate::model::json_path::{string_at, string_end};

/// The members of `text`, a JSON object, in the order written (a key written twice listed
/// twice): each key with its escapes read, and the bytes of its value in `text`, without
/// the white space around it. `None` when `text` is not one well-formed JSON object.
/// O(length of `text`).
pub(crate) fn members(text: &str) -> Option<Vec<(String, Range<usize>)>> {
    serde_json::from_str::<IgnoredAny>(text).ok()?;
    scan_members(text)
}

/// The bytes in `text` of each element of its top-level member `name`'s array, as
/// [`members`] and [`elements`] find them, on text `serde_json` has already read as an
/// object (not read again here); empty when that member is absent or no array. On other
/// text the ranges mean nothing, but the scan still ends. O(length of `text`).
pub(crate) fn list_elements(text: &str, name: &str) -> Vec<Range<usize>> {
    let list = scan_members(text)
        .unwrap_or_default()
        .into_iter()
        .find(|(key, _)| key == name);
    list.and_then(|(_, span)| elements(text, span))
        .unwrap_or_default()
}

/// [`members`] without reading `text` first: `None` when it does not start as an object.
fn scan_members(text: &str) -> Option<Vec<(String, Range<usize>)>> {
    let bytes = text.as_bytes();
    let mut at = skip_space(bytes, 0);
    if bytes.get(at) != Some(&b'{') {
        return None;
    }
    let mut found = Vec::new();
    at = skip_space(bytes, at + 1);
    while bytes.get(at) == Some(&b'"') {
        let key_end = value_end(bytes, at);
        let key = string_at(text, at, key_end);
        // Past the colon: well-formed, so only white space and one `:` lie between.
        at = skip_space(bytes, skip_space(bytes, key_end) + 1);
        let end = value_end(bytes, at);
        if end == at {
            // No value: text `serde_json` does not read.
            break;
        }
        found.push((key, at..end));
        at = skip_space(bytes, end);
        if bytes.get(at) == Some(&b',') {
            at = skip_space(bytes, at + 1);
        }
    }
    Some(found)
}

/// The bytes in `text` of each element of the JSON array `text[span]` (a value
/// [`members`] found, so well-formed), without the white space around them; `None` when
/// that value is not an array. O(length of the span).
pub(crate) fn elements(text: &str, span: Range<usize>) -> Option<Vec<Range<usize>>> {
    let bytes = text.as_bytes();
    if bytes.get(span.start) != Some(&b'[') {
        return None;
    }
    let mut found = Vec::new();
    let mut at = skip_space(bytes, span.start + 1);
    while at < span.end && bytes.get(at) != Some(&b']') {
        let end = value_end(bytes, at);
        if end == at {
            // No value: text `serde_json` does not read.
            break;
        }
        found.push(at..end);
        at = skip_space(bytes, end);
        if bytes.get(at) == Some(&b',') {
            at = skip_space(bytes, at + 1);
        }
    }
    Some(found)
}

/// The offset of the first byte at or after `at` that is not JSON white space (as
/// `serde_json` skips it: space, tab, line feed, carriage return).
pub(crate) fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while let Some(b' ' | b'\t' | b'\n' | b'\r') = bytes.get(at) {
        at += 1;
    }
    at
}

/// The offset just past the well-formed JSON value that starts at `start`.
fn value_end(bytes: &[u8], start: usize) -> usize {
    let mut depth = 0usize;
    let mut i = start;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'"' => {
                i = string_end(bytes, i + 1, bytes.len());
                if depth == 0 {
                    return i;
                }
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' if depth <= 1 => return if depth == 1 { i + 1 } else { i },
            b'}' | b']' => depth -= 1,
            b',' | b' ' | b'\t' | b'\n' | b'\r' if depth == 0 => return i,
            _ => {}
        }
        i += 1;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::value::RawValue;

    /// The members as `RawValue` borrows them, as byte ranges of `text`.
    fn raw_members(text: &str) -> Option<Vec<(String, Range<usize>)>> {
        // The map keeps one value per key: compared on texts without repeated keys.
        let map: std::collections::BTreeMap<String, &RawValue> = serde_json::from_str(text).ok()?;
        let mut found: Vec<_> = map
            .into_iter()
            .map(|(k, v)| (k, offset(text, v.get())))
            .collect();
        found.sort_by_key(|(_, span)| span.start);
        Some(found)
    }

    fn offset(text: &str, part: &str) -> Range<usize> {
        let start = part.as_ptr() as usize - text.as_ptr() as usize;
        start..start + part.len()
    }

    fn raw_elements(text: &str, span: Range<usize>) -> Option<Vec<Range<usize>>> {
        let list: Vec<&RawValue> = serde_json::from_str(&text[span.clone()]).ok()?;
        let base = &text[span.clone()];
        Some(
            list.iter()
                .map(|v| {
                    let inner = offset(base, v.get());
                    span.start + inner.start..span.start + inner.end
                })
                .collect(),
        )
    }

    const TEXTS: &[&str] = &[
        "{}",
        " \r\n{ } ",
        r#"{"a":1,"b":[1, 2 ,3],"c":{"d":[{}]},"e":"x\"}]","f":null}"#,
        "{\n  \"k\\u0065y\" : [ {\"a\": [\"]\", \"\\\\\"]}, -1.5e3, true , [] ] ,\r\n\t\"z\":\"\"\n}",
        r#"{"a":[],"b":[ ],"c":"[","d":{"[":"{"}}"#,
        r#"{"é":["ü", {"x":"\"\\"}],"n":12345678901234567890}"#,
    ];

    #[test]
    fn members_and_elements_are_the_slices_raw_value_borrows() {
        for text in TEXTS {
            let found = members(text).expect("an object");
            assert_eq!(Some(found.clone()), raw_members(text), "{text}");
            for (key, span) in found {
                assert_eq!(
                    elements(text, span.clone()),
                    raw_elements(text, span.clone()),
                    "{text}: {key}"
                );
            }
        }
    }

    #[test]
    fn list_elements_are_the_raw_values_of_the_list() {
        let texts = [
            include_str!("../../examples/data/head_post_office_officers.json"),
            r#"{"officers":[]}"#,
            "{ \"officers\" : [ ] }",
            r#"{"format_version":1,"officers":[{"id":"a"},{"id":"b]}\"[{"}]}"#,
            "{\"officers\":[ 1 ,\n\t-2.5e3\r\n, \"x\\\"y\" ,true,null,[[],{}],{\"a\":[1,{\"b\":\"}\"}]} ]}",
            r#"{"offic\u0065rs":[{"id":"a"}, 7],"format_version":{"x":["officers"]}}"#,
            r#"{"format_version":[1,"officers",{"officers":[0]}],"officers":[3,"\\",{}]}"#,
            r#"{"officers":["\\\\\"",""]}"#,
        ];
        for text in texts {
            let found = members(text).expect("an object");
            let span = found
                .iter()
                .find(|(key, _)| key == "officers")
                .unwrap()
                .1
                .clone();
            assert_eq!(
                Some(list_elements(text, "officers")),
                raw_elements(text, span),
                "{text}"
            );
        }
        assert_eq!(
            list_elements(r#"{"officers":{}}"#, "officers"),
            Vec::<std::ops::Range<usize>>::new()
        );
        // Text that does not read: the scans end.
        for text in [
            "{\"officers\":[}",
            "{\"officers\":[1,}",
            "{\"a\":}",
            "{\"officers\":[\"",
            "{\"",
        ] {
            let _ = list_elements(text, "officers");
            let _ = scan_members(text);
        }
    }

    #[test]
    fn a_key_written_twice_is_listed_twice() {
        let text = r#"{"a": 1, "a": [2]}"#;
        let found = members(text).expect("an object");
        assert_eq!(found, vec![("a".into(), 6..7), ("a".into(), 14..17)]);
        let element = 15..16;
        assert_eq!(elements(text, 14..17), Some(vec![element]));
    }

    #[test]
    fn text_that_is_no_object_of_json_values_has_no_members() {
        for text in [
            "",
            "[]",
            "1",
            r#"{"a":}"#,
            r#"{"a":1} x"#,
            r#"{"a":1,}"#,
            "{",
        ] {
            assert_eq!(members(text), None, "{text}");
        }
        assert_eq!(elements(r#"{"a":1}"#, 5..6), None);
    }
}
