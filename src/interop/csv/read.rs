//! What a CSV loader reports of how it read each file.

use super::{Delimiter, DelimiterFrom, Header};

/// How one CSV file of an HR export was read: the character its fields are separated by
/// and how that was chosen (see
/// [`OfficersCsvOptions::delimiter`](crate::OfficersCsvOptions::delimiter)).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct CsvFileRead {
    /// The file, e.g. `officers.csv`.
    pub file: &'static str,
    /// The delimiter its fields were read with.
    pub delimiter: Delimiter,
    /// Given by the caller, declared by a `sep=` line, or told from the header.
    pub delimiter_from: DelimiterFrom,
}

impl CsvFileRead {
    /// What the header of `file` says.
    pub(crate) fn new(file: &'static str, header: &Header) -> Self {
        let (delimiter, delimiter_from) = header.delimiter;
        CsvFileRead {
            file,
            delimiter,
            delimiter_from,
        }
    }
}
