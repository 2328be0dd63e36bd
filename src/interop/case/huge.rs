//! Numbers beyond a double's range in a package (`1e400`, `-1e400`, an integer of 400
//! digits), which `serde_json` refuses (`number out of range`) before the reader sees
//! them: by CASE's rule for what the crate does not need, a value it cannot hold is set
//! aside and reported, never fatal.
//!
//! Such a package is read a second time from its text with each such number written as a
//! JSON string holding [`MARK`] and the number's text, so the value reaches the reader;
//! every reader of a typed field takes a marked string for nothing it reads (it stays in
//! the element's `extra`), the report names its type `a number beyond a double's range`,
//! and [`CasePackage::to_json`](crate::CasePackage::to_json) writes the number back as it
//! was written. A package whose text holds `MARK` itself (raw or escaped) is not so read:
//! no string of it could then be told from a marked number.

use serde_json::Value;

/// The character a marked number's string starts with: U+FDD0, a noncharacter, which
/// Unicode reserves for a program's own use and no text exchanged holds.
pub(crate) const MARK: char = '\u{fdd0}';

/// The JSON type a marked number is reported as.
pub(crate) const HUGE: &str = "a number beyond a double's range";

/// The number a marked string holds, as written; `None` for any other text, a string
/// that starts with [`MARK`] and goes on with anything but a number beyond a double's
/// range included (`"\u{fdd0}Numeracy"` is text, whatever its first character).
pub(crate) fn huge(text: &str) -> Option<&str> {
    text.strip_prefix(MARK)
        .filter(|number| beyond_a_double(number))
}

/// Whether `number` is a JSON number, with nothing around it, beyond a double's range.
fn beyond_a_double(number: &str) -> bool {
    let plain = number
        .bytes()
        .all(|b| matches!(b, b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9'));
    plain && serde_json::from_str::<f64>(number).is_err_and(|e| out_of_range(&e))
}

/// Whether `value` is a marked number.
pub(crate) fn is_huge(value: &Value) -> bool {
    value.as_str().and_then(huge).is_some()
}

/// Whether a `serde_json` error is the one it gives for a number beyond a double's range.
pub(crate) fn out_of_range(error: &serde_json::Error) -> bool {
    error.to_string().starts_with("number out of range")
}

/// `json` with every number a double cannot hold written as a string holding [`MARK`]
/// and its text; `None` when it has none, or holds `MARK` already (raw, or escaped as
/// `\ufdd0` in any case). A number is a maximal run of `-`, `+`, `.`, digits, `e` and `E`
/// outside strings that reads as a JSON number; one that does not read is left for the
/// parser to refuse. O(n) in the length of the text.
pub(crate) fn mark_huge_numbers(json: &str) -> Option<String> {
    if json.contains(MARK) || json.to_ascii_lowercase().contains("\\ufdd0") {
        return None;
    }
    let bytes = json.as_bytes();
    let mut out = String::with_capacity(json.len() + 16);
    let (mut copied, mut at, mut marked) = (0, 0, false);
    let mut in_string = false;
    while at < bytes.len() {
        let b = bytes[at];
        if in_string {
            match b {
                b'\\' => at += 1,
                b'"' => in_string = false,
                _ => {}
            }
            at += 1;
            continue;
        }
        if b == b'"' {
            in_string = true;
            at += 1;
            continue;
        }
        if b == b'-' || b.is_ascii_digit() {
            let end = at
                + bytes[at..]
                    .iter()
                    .position(|c| !matches!(c, b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9'))
                    .unwrap_or(bytes.len() - at);
            let number = &json[at..end];
            if beyond_a_double(number) {
                out.push_str(&json[copied..at]);
                out.push('"');
                out.push(MARK);
                out.push_str(number);
                out.push('"');
                copied = end;
                marked = true;
            }
            at = end;
            continue;
        }
        at += 1;
    }
    out.push_str(&json[copied..]);
    marked.then_some(out)
}

/// `value` as JSON text, each marked number written as the number it holds. O(size).
pub(crate) fn json_text(value: &Value) -> String {
    let mut out = String::new();
    write_json(value, &mut out);
    out
}

fn write_json(value: &Value, out: &mut String) {
    match value {
        Value::String(s) if huge(s).is_some() => out.push_str(huge(s).unwrap_or_default()),
        Value::Array(list) => {
            out.push('[');
            for (i, v) in list.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(v, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (k, v)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::from(k.as_str()).to_string());
                out.push(':');
                write_json(v, out);
            }
            out.push('}');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// `json`, text a package was written as, with each marked number's string written as the
/// number (see the module's docs): `"\u{fdd0}1e400"` is `1e400`. O(n).
pub(crate) fn unmark(json: String) -> String {
    if !json.contains(MARK) {
        return json;
    }
    let mut out = String::with_capacity(json.len());
    let mut rest = json.as_str();
    let opening = format!("\"{MARK}");
    while let Some(at) = rest.find(&opening) {
        let body = &rest[at + opening.len()..];
        let end = body.find('"').unwrap_or(body.len());
        let number = &body[..end];
        if beyond_a_double(number) && end < body.len() {
            out.push_str(&rest[..at]);
            out.push_str(number);
            rest = &body[end + 1..];
        } else {
            out.push_str(&rest[..at + opening.len()]);
            rest = body;
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_beyond_a_double_are_marked_and_written_back() {
        let nines = "9".repeat(400);
        let json = format!(
            r#"{{"a": 1e400, "b": [-1E+400, 1.5, "1e400", {nines}], "c": 1e308, "d": 2.5e-400}}"#
        );
        let marked = mark_huge_numbers(&json).expect("marked");
        let value: Value = serde_json::from_str(&marked).expect("reads");
        assert!(is_huge(&value["a"]));
        assert_eq!(huge(value["b"][0].as_str().unwrap()), Some("-1E+400"));
        assert_eq!(value["b"][1], 1.5);
        assert_eq!(value["b"][2], "1e400");
        assert!(is_huge(&value["b"][3]));
        assert_eq!(value["c"], 1e308);
        assert_eq!(
            json_text(&value["b"]),
            format!(r#"[-1E+400,1.5,"1e400",{nines}]"#)
        );
        let written = unmark(serde_json::to_string(&value).unwrap());
        let again: Value =
            serde_json::from_str(&mark_huge_numbers(&written).unwrap()).expect("reads");
        assert_eq!(again, value);
        // Nothing to mark; a text holding the mark already.
        assert_eq!(mark_huge_numbers(r#"{"a": 1e300, "b": "-1e400"}"#), None);
        assert_eq!(mark_huge_numbers("[1e400, \"\\uFDD0\"]"), None);
        assert_eq!(mark_huge_numbers("[1e400, \"\u{fdd0}\"]"), None);
        // Not a JSON number: left for the parser.
        assert_eq!(mark_huge_numbers("[01e400]"), None);
        // A string starting with the mark is a marked number only if a number follows.
        for text in [
            "\u{fdd0}Numeracy",
            "\u{fdd0}",
            "\u{fdd0}1e300",
            "\u{fdd0} 1e400",
        ] {
            assert_eq!(huge(text), None, "{text:?}");
            assert!(!is_huge(&Value::from(text)));
        }
        assert_eq!(huge("\u{fdd0}-1e400"), Some("-1e400"));
    }
}
