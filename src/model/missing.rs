//! The marks of a missing value that HR exports write where a value should be: `NA` (R,
//! pandas), `N/A`, `#N/A` (Excel's "no value available"), `NULL` (databases), `\N` (the
//! `SELECT INTO OUTFILE` export of `MySQL`), `-` and `--` (typed by hand), in any ASCII
//! case. Read alike from CSV cells and from JSON strings (a document converted from such a
//! file), so a value one reader refuses the other refuses too: where a value is optional
//! such a mark is none; where one is required (an id, a passbook entry's `level`) it is
//! refused as [`NOT_MISSING`] says, never read as an id, a value or a level's name.

use std::fmt;

/// The markers of a missing value, lowercase.
const MARKERS: [&str; 7] = ["na", "n/a", "#n/a", "null", "\\n", "-", "--"];

/// What a reader expects of a required value that holds a marker: the `expected` of
/// [`Error::CsvInvalidValue`](crate::Error::CsvInvalidValue), and of the message of
/// [`Error::Json`](crate::Error::Json) for a passbook entry's `level`.
pub(crate) const NOT_MISSING: &str =
    "a value, not a mark of a missing one (`NA`, `N/A`, `#N/A`, `NULL`, `\\N`, `-`, `--`)";

/// Whether `text` (a trimmed cell or string) marks a missing value. O(1): a text of more
/// than four bytes is none.
#[inline]
pub(crate) fn is_missing(text: &str) -> bool {
    text.len() <= 4 && MARKERS.iter().any(|m| text.eq_ignore_ascii_case(m))
}

/// [`NOT_MISSING`] as what a JSON reader expected (`serde::de::Expected`).
pub(crate) struct NotMissing;

impl serde::de::Expected for NotMissing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(NOT_MISSING)
    }
}

#[cfg(test)]
mod tests {
    use super::is_missing;

    #[test]
    fn markers_in_any_case_and_nothing_else() {
        for text in [
            "NA", "na", "N/A", "n/a", "#N/A", "#n/a", "NULL", "null", "Null", "\\N", "-", "--",
        ] {
            assert!(is_missing(text), "{text}");
        }
        for text in ["", "N", "NAN", "none", "---", "n.a.", "0", "NA1", "null "] {
            assert!(!is_missing(text), "{text}");
        }
    }
}
