//! Where the officers of an officers document's JSON text are: the byte range of each
//! element of its top-level `officers` array.
//!
//! Run only on text `serde_json` has already read as the document (an object whose keys
//! are `format_version` and `officers`, each once, `officers` an array), so the text is
//! well-formed JSON and every scan below ends. A small scanner rather than `serde_json`'s
//! `RawValue`, whose feature compiles a second serialization path into every serialized
//! field of every output type in the WebAssembly.

use std::ops::Range;

/// The byte range of each element of the top-level `officers` array of `text`, without
/// the whitespace around it (the slice `RawValue` would borrow); empty when there is none.
/// O(n) time in the text's length.
pub(crate) fn officer_spans(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut i = skip_space(bytes, 0);
    if bytes.get(i) != Some(&b'{') {
        return spans;
    }
    i += 1;
    loop {
        i = skip_space(bytes, i);
        if bytes.get(i) != Some(&b'"') {
            return spans;
        }
        let key_end = value_end(bytes, i);
        let key = text.get(i..key_end).unwrap_or_default();
        i = skip_space(bytes, key_end);
        if bytes.get(i) != Some(&b':') {
            return spans;
        }
        i = skip_space(bytes, i + 1);
        if is_officers(key) && bytes.get(i) == Some(&b'[') {
            i = skip_space(bytes, i + 1);
            while i < bytes.len() && bytes.get(i) != Some(&b']') {
                let end = value_end(bytes, i);
                if end == i {
                    // Not a value: only text serde_json did not read as the document.
                    return spans;
                }
                spans.push(i..end);
                i = skip_space(bytes, end);
                if bytes.get(i) == Some(&b',') {
                    i = skip_space(bytes, i + 1);
                }
            }
            return spans;
        }
        i = skip_space(bytes, value_end(bytes, i));
        if bytes.get(i) != Some(&b',') {
            return spans;
        }
        i += 1;
    }
}

/// Whether a key, with its quotes and as written (escapes included), names `officers`.
fn is_officers(key: &str) -> bool {
    if key.contains('\\') {
        serde_json::from_str::<String>(key).is_ok_and(|k| k == "officers")
    } else {
        key == "\"officers\""
    }
}

/// The index of the first byte at or after `i` that is not JSON whitespace.
fn skip_space(bytes: &[u8], mut i: usize) -> usize {
    while matches!(bytes.get(i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        i += 1;
    }
    i
}

/// The index just past the JSON value that starts at `i`.
fn value_end(bytes: &[u8], start: usize) -> usize {
    let mut depth = 0usize;
    let mut i = start;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'"' => {
                i += 1;
                while let Some(&c) = bytes.get(i) {
                    i += if c == b'\\' { 2 } else { 1 };
                    if c == b'"' {
                        break;
                    }
                }
                if depth == 0 {
                    return i;
                }
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                if depth == 0 {
                    return i;
                }
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            b',' | b' ' | b'\t' | b'\n' | b'\r' if depth == 0 => return i,
            _ => {}
        }
        i += 1;
    }
    bytes.len().min(i)
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;
    use serde_json::value::RawValue;

    use super::officer_spans;

    #[derive(Deserialize)]
    struct RawDocument<'a> {
        #[serde(borrow)]
        officers: Vec<&'a RawValue>,
    }

    /// The spans are the byte ranges of the slices `RawValue` borrows.
    #[allow(clippy::unwrap_used)] // a test: a document that does not read fails it
    fn check(text: &str) {
        let document: RawDocument<'_> = serde_json::from_str(text).unwrap();
        let expected: Vec<_> = document
            .officers
            .iter()
            .map(|raw| {
                let start = raw.get().as_ptr() as usize - text.as_ptr() as usize;
                start..start + raw.get().len()
            })
            .collect();
        assert_eq!(officer_spans(text), expected, "{text}");
    }

    #[test]
    fn spans_are_the_raw_values_of_the_officers() {
        check(include_str!(
            "../../../examples/data/head_post_office_officers.json"
        ));
        check(r#"{"officers":[]}"#);
        check("{ \"officers\" : [ ] }");
        check(r#"{"format_version":1,"officers":[{"id":"a"},{"id":"b]}\"[{"}]}"#);
        check(
            "{\"officers\":[ 1 ,\n\t-2.5e3\r\n, \"x\\\"y\" ,true,null,[[],{}],{\"a\":[1,{\"b\":\"}\"}]} ]}",
        );
        check(r#"{"offic\u0065rs":[{"id":"a"}, 7],"format_version":{"x":["officers"]}}"#);
        check(r#"{"format_version":[1,"officers",{"officers":[0]}],"officers":[3,"\\",{}]}"#);
        check(r#"{"officers":["\\\\\"",""]}"#);
    }
}
