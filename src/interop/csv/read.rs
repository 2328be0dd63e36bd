//! What a CSV loader reports of how it read each file.

use super::{
    DateColumn, DateOrder, DatesRead, Delimiter, DelimiterFrom, Header, HeaderPart, MissingCells,
    TitleLine,
};

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
    /// `#N/A`, `NULL`, `\N`, `-` or `--`, any ASCII case), read as empty (in `evidence.csv`'s
    /// `verified`, as `false`: not verified): per column, in
    /// the order first met.
    pub missing: Vec<MissingCells>,
    /// The date cells written other than as ISO 8601 (`03/12/2026`, `03-Dec-2026`), read
    /// as the ISO dates they are: per form, in the order first met.
    pub dates: Vec<DatesRead>,
    /// The order numeric dates with the year last were read in (day first or month
    /// first), when the file has such a date that the order matters to: as
    /// [`OfficersCsvOptions::date_order`](crate::OfficersCsvOptions::date_order) gave it,
    /// else as the date on [`CsvFileRead::date_order_line`] settled it.
    pub date_order: Option<DateOrder>,
    /// The 1-based line of the first date of the file that reads only in
    /// [`CsvFileRead::date_order`] (a number above 12 where the other order has the
    /// month); `None` when the order was given or not needed.
    pub date_order_line: Option<usize>,
    /// The lines above the header read past as title lines (`Officers report`, `Generated
    /// on 2026-03-01`: lines of at most one cell), in file order; each a warning that
    /// these lines were not read as rows. Empty when the header is the first line that is
    /// not blank.
    pub title_lines: Vec<TitleLine>,
    /// The columns read from a part of their header: the text before or inside a
    /// bracketed suffix or gloss, or one side of a bilingual ` / ` (`Target Position
    /// (optional)` read as `target`, `Employee ID (कर्मचारी आईडी)` as `id`), in the order
    /// the loader asks for its columns. Each is a note, so that a header read by a part of
    /// it is never read unseen; empty when every column's header names it whole.
    pub header_parts: Vec<HeaderPart>,
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
            dates: Vec::new(),
            date_order: None,
            date_order_line: None,
            title_lines: header.titles.clone(),
            header_parts: header.parts.clone(),
        }
    }

    /// Notes what the file's date column gave.
    pub(crate) fn dated(&mut self, dates: &DateColumn) {
        self.dates.clone_from(&dates.forms);
        let needed = dates.forms.iter().any(DatesRead::ordered);
        self.date_order = dates.order.filter(|_| needed);
        self.date_order_line = dates.settled_on.filter(|_| needed);
    }
}
