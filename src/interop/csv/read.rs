//! What a CSV loader reports of how it read each file.

use super::{Delimiter, DelimiterFrom, Header, MissingCells};

/// How one CSV file of an HR export was read: the character its fields are separated by
/// and how that was chosen (see
/// [`OfficersCsvOptions::delimiter`](crate::OfficersCsvOptions::delimiter)), and the
/// optional cells read as empty because they marked a missing value.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct CsvFileRead {
    /// The file, e.g. `officers.csv`.
    pub file: &'static str,
    /// The delimiter its fields were read with.
    pub delimiter: Delimiter,
    /// Given by the caller, declared by a `sep=` line, or told from the header.
    pub delimiter_from: DelimiterFrom,
    /// The optional columns with cells holding a mark of a missing value (`NA`, `N/A`,
    /// `#N/A`, `NULL`, `\N`, `-` or `--`, any ASCII case), read as empty: per column, in
    /// the order first met.
    pub missing: Vec<MissingCells>,
}

impl CsvFileRead {
    /// What the header of `file` says.
    pub(crate) fn new(file: &'static str, header: &Header) -> Self {
        let (delimiter, delimiter_from) = header.delimiter;
        CsvFileRead {
            file,
            delimiter,
            delimiter_from,
            missing: Vec::new(),
        }
    }
}
