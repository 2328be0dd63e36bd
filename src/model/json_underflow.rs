//! Numbers a JSON text writes that a double holds only as 0: `1e-400`, `-2.5e-330`, a
//! decimal with 324 zeros after its point before a digit. The parser reads each as 0 (or
//! `-0`) in silence, so a course's `"hours": 1e-400` was refused as "0 hours" and a level
//! written so read as level 0; a number too large for a double (`1e400`) is refused by
//! the parser as `number out of range`. The readers of framework and officers documents
//! refuse both alike, naming the number as written (framework/19).

use std::ops::Range;

use crate::Error;
use crate::model::json_path::{Stop, place_at};
use crate::model::quote::quoted;

/// What a number written as text that reads as 0 (see [`reads_as_zero`]) is reported as.
pub(crate) const NEAR_ZERO: &str = "a number nearer 0 than a double holds (about 5e-324)";

/// The first number of `json`, outside its strings, that is not 0 as written and reads as
/// 0, by its bytes; `None` when there is none. Only a text holding `e-`, `E-` or a run of
/// 40 zeros after a point, where such a number is written next to a digit, is scanned
/// whole: O(length), a few comparisons a byte for a text without one.
pub(crate) fn underflow(json: &str) -> Option<Range<usize>> {
    let bytes = json.as_bytes();
    let candidate = |at: usize| {
        let start = (0..at)
            .rev()
            .find(|&i| !is_number_byte(bytes[i]))
            .map_or(0, |i| i + 1);
        let end = (at..bytes.len())
            .find(|&i| !is_number_byte(bytes[i]))
            .unwrap_or(bytes.len());
        reads_as_zero(&json[start..end])
    };
    let marks = json.match_indices("e-").chain(json.match_indices("E-"));
    let zeros = json.match_indices(".0000000000000000000000000000000000000000");
    if !marks.chain(zeros).any(|(at, _)| candidate(at)) {
        return None;
    }
    scan(json)
}

/// The error of a number [`underflow`] finds at `span` of `json`: an [`Error::Json`] at
/// its last character, as the parser places `number out of range`, with its path and id.
pub(crate) fn underflow_error(json: &str, span: Range<usize>) -> Error {
    let before = &json[..span.end - 1];
    let line = 1 + before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = json[line_start..span.end].chars().count();
    let (path, id) = place_at(json, line, column, Stop::Read);
    Error::Json {
        line,
        column,
        path,
        id,
        message: format!(
            "number out of range: {} is not 0 and is nearer 0 than a double holds (about \
             5e-324): it would read as 0",
            quoted(&json[span])
        ),
    }
}

/// `Err` with [`underflow_error`] for the first number [`underflow`] finds.
pub(crate) fn refuse_underflow(json: &str) -> Result<(), Error> {
    underflow(json).map_or(Ok(()), |span| Err(underflow_error(json, span)))
}

fn is_number_byte(b: u8) -> bool {
    matches!(b, b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
}

/// Whether `token` is a JSON number with a digit other than 0 before its exponent that
/// reads as 0 (`1e-400`; not `0e-400`). Also used for a number written as text.
pub(crate) fn reads_as_zero(token: &str) -> bool {
    let mantissa = token.split(['e', 'E']).next().unwrap_or_default();
    mantissa.bytes().any(|b| matches!(b, b'1'..=b'9'))
        && serde_json::from_str::<f64>(token).is_ok_and(|v| v == 0.0)
}

/// Every token outside strings, in order, until one reads as zero.
fn scan(json: &str) -> Option<Range<usize>> {
    let bytes = json.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            }
            b'-' | b'0'..=b'9' => {
                let start = i;
                while i < bytes.len() && is_number_byte(bytes[i]) {
                    i += 1;
                }
                if reads_as_zero(&json[start..i]) {
                    return Some(start..i);
                }
            }
            _ => i += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::underflow;

    fn at(json: &str) -> Option<&str> {
        underflow(json).map(|r| &json[r])
    }

    #[test]
    fn numbers_read_as_zero_are_found_outside_strings_only() {
        assert_eq!(at(r#"{"hours": 1e-400}"#), Some("1e-400"));
        assert_eq!(at("[0, 0.0, -0, 0e-400, 5e-324, 1e-300]"), None);
        assert_eq!(at("[1, -2.5E-330]"), Some("-2.5E-330"));
        assert_eq!(at(r#"{"name": "1e-400", "x": "e-office \" 3e-999"}"#), None);
        assert_eq!(
            at(r#"{"name": "e-office", "hours": 2e-999}"#),
            Some("2e-999")
        );
        let zeros = format!("0.{}1", "0".repeat(400));
        assert_eq!(at(&format!("[{zeros}]")), Some(zeros.as_str()));
        let near = format!("0.{}1", "0".repeat(300));
        assert_eq!(at(&format!("[{near}]")), None);
    }
}
