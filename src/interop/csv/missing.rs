//! Cells that say a value is missing rather than holding one: `NA` (R, pandas), `N/A`,
//! `#N/A` (Excel's "no value available"), `NULL` (databases), `\N` (the `SELECT INTO
//! OUTFILE` export of `MySQL`), `-` and `--` (typed by hand), in any ASCII case.
//!
//! In an optional column such a cell is read as empty (a passbook's `verified` cell as
//! `false`: a verification not available is none), and counted
//! ([`MissingCells`]); in a required one it is [`Error::CsvInvalidValue`] naming the
//! row and column, never read as an id or a value.
//!
//! [`Error::CsvInvalidValue`]: crate::Error::CsvInvalidValue

/// What [`Error::CsvInvalidValue`](crate::Error::CsvInvalidValue) expects of a cell that
/// holds U+FFFD, the replacement character: a decoder puts it for bytes that are not
/// UTF-8 (a browser's `TextDecoder`, [`String::from_utf8_lossy`], or
/// [`CohortCsvReader`](crate::CohortCsvReader) given such bytes), so the cell lost a
/// character of a file saved in another encoding (Excel's plain "CSV" in Windows-1252 or
/// Mac Roman), and what it held cannot be known.
pub(crate) const NOT_REPLACED: &str = "text without U+FFFD, which stands for bytes that \
     were not UTF-8: save the file as UTF-8 (Excel's \"CSV UTF-8\")";

pub(crate) use crate::model::missing::{NOT_MISSING, is_missing};

/// The cells of one optional column of a CSV file read as empty because they marked a
/// missing value (see [`CsvFileRead::missing`](crate::CsvFileRead::missing)).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct MissingCells {
    /// The column, as the format names it (`name`, `date`).
    pub column: &'static str,
    /// How many of its cells.
    pub cells: usize,
    /// The 1-based line of the first.
    pub first_line: usize,
}

/// Counts the cells read as missing, column by column in the order first met.
pub(crate) fn note(tally: &mut Vec<MissingCells>, column: &'static str, line: usize) {
    match tally.iter_mut().find(|m| m.column == column) {
        Some(m) => m.cells += 1,
        None => tally.push(MissingCells {
            column,
            cells: 1,
            first_line: line,
        }),
    }
}
