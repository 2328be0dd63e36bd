//! Numbers a double cannot hold in a package: beyond its range (`1e400`, `-1e400`, an
//! integer of 400 digits), which `serde_json` refuses (`number out of range`) before the
//! reader sees them, and nearer 0 than it holds (`1e-400`, `-2.5e-330`, a decimal of 400
//! zeros and a digit), which `serde_json` reads as 0 in silence: by CASE's rule for what
//! the crate does not need, a value it cannot hold is set aside and reported, never fatal
//! (case/33, case/86).
//!
//! The package types' serde form (what the reader reads, and what serializing a package
//! writes) keeps such a number as a JSON string holding [`MARK`] and the number's text,
//! so that it reaches the reader and survives any serde format. [`MARK`] at the start of
//! a string is an escape there, and only there: a text that starts with [`MARK`] itself
//! is held with one more [`MARK`] in front, so no text can be taken for a number, and
//! each string means one thing:
//!
//! - [`MARK`] and a number a double cannot hold: that number;
//! - [`MARK`] twice, then anything: the text after the first [`MARK`];
//! - anything else: itself.
//!
//! The typed fields hold the text itself (the reader takes the escape off, serializing
//! puts it on: [`escaped`]); the values kept in an element's `extra` hold the serde form
//! (a text there is read through [`text`]). [`CasePackage::from_json`](crate::CasePackage::from_json)
//! reads a publisher's text into that form ([`mark`]), and
//! [`CasePackage::to_json`](crate::CasePackage::to_json) writes it back ([`unmark`]): each
//! number as it was written, each text as it was.

use std::borrow::Cow;

use serde::Serializer;
use serde_json::Value;

use crate::model::json_underflow::{NEAR_ZERO, reads_as_zero, underflow};

/// The character a marked number's string starts with: U+FDD0, a noncharacter, which
/// Unicode reserves for a program's own use.
pub(crate) const MARK: char = '\u{fdd0}';

/// The JSON type a marked number beyond a double's range is reported as.
pub(crate) const HUGE: &str = "a number beyond a double's range";

/// The JSON type the marked number `number` (as [`huge`] gives it) is reported as:
/// [`HUGE`], or [`NEAR_ZERO`] for one nearer 0 than a double holds.
pub(crate) fn unheld_type(number: &str) -> &'static str {
    if reads_as_zero(number) {
        NEAR_ZERO
    } else {
        HUGE
    }
}

/// The number a marked string holds, as written; `None` for any other string (an escaped
/// text included: `"\u{fdd0}\u{fdd0}1e400"` is the text `"\u{fdd0}1e400"`).
pub(crate) fn huge(text: &str) -> Option<&str> {
    text.strip_prefix(MARK).filter(|number| unheld(number))
}

/// The text a string of the serde form holds: without the escape of a text starting with
/// [`MARK`]. A marked number is no text: see [`text`].
pub(crate) fn unescape(text: &str) -> &str {
    match text.strip_prefix(MARK) {
        Some(rest) if rest.starts_with(MARK) => rest,
        _ => text,
    }
}

/// [`unescape`] of an owned string.
pub(crate) fn unescape_owned(text: String) -> String {
    // Compared as bytes: most texts differ at their first.
    let mark = "\u{fdd0}\u{fdd0}".as_bytes();
    if text.as_bytes().starts_with(mark) {
        text[MARK.len_utf8()..].to_owned()
    } else {
        text
    }
}

/// `text` in the serde form: with one more [`MARK`] in front when it starts with one.
pub(crate) fn escape(text: &str) -> Cow<'_, str> {
    if text.starts_with(MARK) {
        Cow::Owned(format!("{MARK}{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The text a value of the serde form holds: `None` for a marked number and for any value
/// that is not a string.
pub(crate) fn text(value: &Value) -> Option<&str> {
    match value {
        Value::String(s) if huge(s).is_none() => Some(unescape(s)),
        _ => None,
    }
}

/// Serializes a typed field's text in the serde form (see the module's docs).
pub(crate) fn escaped<S: Serializer>(text: &str, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&escape(text))
}

/// Serializes an optional typed field's text in the serde form; used with
/// `skip_serializing_if = "Option::is_none"`, so `None` is never written.
#[allow(clippy::ref_option)]
pub(crate) fn escaped_option<S: Serializer>(
    text: &Option<String>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match text {
        Some(text) => escaped(text, serializer),
        None => serializer.serialize_none(),
    }
}

/// Whether `number` is a JSON number, with nothing around it, that a double cannot hold:
/// beyond its range, or not 0 as written and nearer 0 than it holds.
fn unheld(number: &str) -> bool {
    let plain = !number.is_empty() && number.bytes().all(is_number_byte);
    plain
        && (serde_json::from_str::<f64>(number).is_err_and(|e| out_of_range(&e))
            || reads_as_zero(number))
}

fn is_number_byte(b: u8) -> bool {
    matches!(b, b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
}

/// Whether `value` is a marked number.
pub(crate) fn is_huge(value: &Value) -> bool {
    value.as_str().and_then(huge).is_some()
}

/// Whether a `serde_json` error is the one it gives for a number beyond a double's range.
pub(crate) fn out_of_range(error: &serde_json::Error) -> bool {
    error.to_string().starts_with("number out of range")
}

/// Reads `json`, a publisher's text, with `read` in the serde form: as it is when it holds
/// no number a double cannot hold and no string that may start with [`MARK`] (one parse,
/// as before there was a form, and a scan for a number nearer 0 than a double holds,
/// O(n)), else from its text [`mark`]ed. The error comes
/// with the text it was found in (the marked one then: a line holding such a number or
/// string counts the marks in its columns). Shared by the CASE and iGOT readers.
pub(crate) fn read_marked<T>(
    json: &str,
    read: impl Fn(&str) -> Result<T, serde_json::Error>,
) -> Result<T, (Cow<'_, str>, serde_json::Error)> {
    let marked = || {
        let text = mark(json)?;
        Some(read(&text).map_err(|e| (Cow::Owned(text), e)))
    };
    // A number nearer 0 than a double holds reads as 0 without an error: looked for first.
    if (holds_mark(json) || underflow(json).is_some())
        && let Some(read) = marked()
    {
        return read;
    }
    match read(json) {
        Err(e) if out_of_range(&e) => marked().unwrap_or(Err((Cow::Borrowed(json), e))),
        read => read.map_err(|e| (Cow::Borrowed(json), e)),
    }
}

/// Whether `json` may hold a string starting with [`MARK`]: the character itself, or its
/// escape `\ufdd0` in any case. O(n).
pub(crate) fn holds_mark(json: &str) -> bool {
    // Searched by single characters (`memchr`'s way), not by the two-byte `\\u`: on a
    // package without either this costs a fraction of a parse.
    json.contains(MARK)
        || json.match_indices('\\').any(|(at, _)| {
            json.as_bytes()
                .get(at + 1..at + 6)
                .is_some_and(|hex| hex[0] == b'u' && hex[1..].eq_ignore_ascii_case(b"fdd0"))
        })
}

/// Whether the JSON string literal `literal` (its text between the quotes, escapes as
/// written) starts with [`MARK`], raw or escaped.
fn starts_with_mark(literal: &str) -> bool {
    literal.starts_with(MARK)
        || literal
            .strip_prefix("\\u")
            .and_then(|rest| rest.get(..4))
            .is_some_and(|hex| hex.eq_ignore_ascii_case("fdd0"))
}

/// The end (past the closing quote) of the string literal opening at `at`, and whether a
/// `:` follows it (it is an object's key). A literal left open ends the text.
fn literal_end(bytes: &[u8], at: usize) -> (usize, bool) {
    let mut end = at + 1;
    while end < bytes.len() {
        match bytes[end] {
            b'\\' => end += 2,
            b'"' => {
                end += 1;
                break;
            }
            _ => end += 1,
        }
    }
    let end = end.min(bytes.len());
    let next = bytes[end..].iter().find(|b| !b.is_ascii_whitespace());
    (end, next == Some(&b':'))
}

/// `json`, a publisher's text, in the serde form: each number a double cannot hold written
/// as a string holding [`MARK`] and its text, and each string value that starts with
/// [`MARK`] (raw, or escaped as `\ufdd0` in any case) with one more in front (object keys
/// are names, never marked). `None` when nothing changes. A number is a maximal run of
/// `-`, `+`, `.`, digits, `e` and `E` outside strings that reads as a JSON number; one
/// that does not read is left for the parser to refuse. O(n) in the length of the text.
pub(crate) fn mark(json: &str) -> Option<String> {
    let bytes = json.as_bytes();
    let mut out = String::new();
    let (mut copied, mut at, mut changed) = (0, 0, false);
    while at < bytes.len() {
        let b = bytes[at];
        if b == b'"' {
            let (end, key) = literal_end(bytes, at);
            if !key && starts_with_mark(&json[at + 1..end]) {
                out.push_str(&json[copied..=at]);
                out.push(MARK);
                copied = at + 1;
                changed = true;
            }
            at = end;
            continue;
        }
        if b == b'-' || b.is_ascii_digit() {
            let end = at
                + bytes[at..]
                    .iter()
                    .position(|&c| !is_number_byte(c))
                    .unwrap_or(bytes.len() - at);
            let number = &json[at..end];
            if unheld(number) {
                out.push_str(&json[copied..at]);
                out.push('"');
                out.push(MARK);
                out.push_str(number);
                out.push('"');
                copied = end;
                changed = true;
            }
            at = end;
            continue;
        }
        at += 1;
    }
    if !changed {
        return None;
    }
    out.push_str(&json[copied..]);
    Some(out)
}

/// `value` as JSON text, each marked number written as the number it holds and each text
/// as itself (see the module's docs). O(size).
pub(crate) fn json_text(value: &Value) -> String {
    let mut out = String::new();
    write_json(value, &mut out);
    out
}

fn write_json(value: &Value, out: &mut String) {
    match value {
        Value::String(s) => match huge(s) {
            Some(number) => out.push_str(number),
            None => out.push_str(&compact(unescape(s))),
        },
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
                out.push_str(&compact(k.as_str()));
                out.push(':');
                write_json(v, out);
            }
            out.push('}');
        }
        other => out.push_str(&compact(other)),
    }
}

/// `value`'s compact JSON text, by the writer every output type's JSON goes through
/// (`serde_json::to_string`) rather than `Value`'s `Display`, whose compact and pretty
/// writers would be a second and third copy of `Value`'s serializer in the WebAssembly
/// module. The same text: `Display` without `{:#}` is that writer. Writing a string,
/// number, boolean or null cannot fail (only a map with keys that are not strings can),
/// so the empty text is never returned.
fn compact<T: serde::Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// `json`, a package serialized in the serde form by `serde_json`, as CASE JSON: each
/// string value starting with [`MARK`] written as what it means (see the module's docs):
/// `"\u{fdd0}1e400"` is `1e400`, `"\u{fdd0}\u{fdd0}x"` is `"\u{fdd0}x"`. Object keys are
/// left as they are. O(n).
pub(crate) fn unmark(json: String) -> String {
    if !json.contains(MARK) {
        return json;
    }
    let bytes = json.as_bytes();
    let mut out = String::with_capacity(json.len());
    let (mut copied, mut at) = (0, 0);
    while at < bytes.len() {
        if bytes[at] != b'"' {
            at += 1;
            continue;
        }
        let (end, key) = literal_end(bytes, at);
        let body = &json[at + 1..end.saturating_sub(1).max(at + 1)];
        if !key && body.starts_with(MARK) {
            out.push_str(&json[copied..at]);
            if let Some(number) = huge(body) {
                out.push_str(number);
            } else {
                out.push('"');
                out.push_str(unescape(body));
                out.push('"');
            }
            copied = end;
        }
        at = end;
    }
    out.push_str(&json[copied..]);
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
        let marked = mark(&json).expect("marked");
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
        let again: Value = serde_json::from_str(&mark(&written).unwrap()).expect("reads");
        assert_eq!(again, value);
        // Nothing to mark.
        assert_eq!(mark(r#"{"a": 1e300, "b": "-1e400"}"#), None);
        // Not a JSON number: left for the parser.
        assert_eq!(mark("[01e400]"), None);
        // A string starting with the mark is a marked number only if a number follows.
        for text in [
            "\u{fdd0}Numeracy",
            "\u{fdd0}",
            "\u{fdd0}1e300",
            "\u{fdd0} 1e400",
            "\u{fdd0}\u{fdd0}1e400",
        ] {
            assert_eq!(huge(text), None, "{text:?}");
            assert!(!is_huge(&Value::from(text)));
        }
        assert_eq!(huge("\u{fdd0}-1e400"), Some("-1e400"));
    }

    #[test]
    fn a_value_without_marks_is_written_as_its_display_writes_it() {
        let json = r#"{"t\u0001\"k": ["a\\b\n\u001f\u2028", -0.0, 1.5e300, -12, 18446744073709551615,
            true, false, null, {}, [], {"z": {"y": [1, "\t"]}, "a": ""}]}"#;
        let value: Value = serde_json::from_str(json).unwrap();
        assert_eq!(json_text(&value), value.to_string());
        for v in value["t\u{1}\"k"].as_array().unwrap() {
            assert_eq!(json_text(v), v.to_string(), "{v}");
        }
    }

    #[test]
    fn texts_starting_with_the_mark_are_escaped_and_written_back_as_written() {
        // Raw, escaped in either case, beside a number beyond a double; keys are names.
        let json = "{\"\u{fdd0}k\": [\"\u{fdd0}1e400\", \"\\uFDD0x\", \"\\ufdd0\", 1e400, \"a\\\"\u{fdd0}1e400\"]}";
        assert!(holds_mark(json));
        assert!(!holds_mark(r#"{"a": "\\ufdd"}"#));
        let marked = mark(json).expect("marked");
        let value: Value = serde_json::from_str(&marked).expect("reads");
        let list = &value["\u{fdd0}k"];
        let texts: Vec<Option<&str>> = list.as_array().unwrap().iter().map(text).collect();
        assert_eq!(
            texts,
            [
                Some("\u{fdd0}1e400"),
                Some("\u{fdd0}x"),
                Some("\u{fdd0}"),
                None,
                Some("a\"\u{fdd0}1e400")
            ]
        );
        assert!(is_huge(&list[3]));
        let written = unmark(serde_json::to_string(&value).unwrap());
        assert_eq!(
            written,
            "{\"\u{fdd0}k\":[\"\u{fdd0}1e400\",\"\u{fdd0}x\",\"\u{fdd0}\",1e400,\"a\\\"\u{fdd0}1e400\"]}"
        );
        assert_eq!(
            json_text(list),
            "[\"\u{fdd0}1e400\",\"\u{fdd0}x\",\"\u{fdd0}\",1e400,\"a\\\"\u{fdd0}1e400\"]"
        );
        assert_eq!(escape("x"), "x");
        assert_eq!(escape("\u{fdd0}x"), "\u{fdd0}\u{fdd0}x");
        assert_eq!(
            unescape_owned(escape("\u{fdd0}x").into_owned()),
            "\u{fdd0}x"
        );
        assert_eq!(unescape("\u{fdd0}x"), "\u{fdd0}x");
    }
}
