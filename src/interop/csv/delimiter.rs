//! Which character separates the fields of a CSV file, told from its header line alone.
//!
//! The rule, in order:
//! 1. A delimiter the caller gives is used.
//! 2. Else a first line `sep=X` (Excel's way of declaring it, any ASCII case) declares it.
//! 3. Else each of `,` `;` tab `|` splits the header line (the first line that is not
//!    blank or made of separators only; quotes read as usual); the one under which the
//!    header names every required column is used. When several do and split the header
//!    differently, the file is [`Error::CsvAmbiguousDelimiter`]; when none does, the one
//!    finding the most required columns (then giving the most fields, then the first in
//!    that order) is used, and the missing columns are reported under it.
//!
//! Under a delimiter given or declared (1, 2), a header missing a required column that
//! another of the four finds every one of is [`Error::CsvDelimiter`], naming both.
//! Only the header is looked at, so reading the rows costs nothing more.

use super::columns::{Column, column};
use super::quotes::check_quotes;
use crate::Error;

/// A character that separates the fields of a CSV file: see
/// [`OfficersCsvOptions::delimiter`](crate::OfficersCsvOptions::delimiter) and
/// [`CsvFileRead::delimiter`](crate::CsvFileRead::delimiter). Serialized as the character.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Delimiter {
    /// `,`: RFC 4180, and what most exports write.
    #[default]
    Comma,
    /// `;`: what Excel writes where the decimal mark is a comma.
    Semicolon,
    /// A tab: "tab-separated values", as many HR tools and databases export.
    Tab,
    /// `|`: "pipe-delimited", as some mainframe and payroll systems export.
    Pipe,
}

impl Delimiter {
    /// The four, in the order a header is tried with them.
    pub const ALL: [Delimiter; 4] = [
        Delimiter::Comma,
        Delimiter::Semicolon,
        Delimiter::Tab,
        Delimiter::Pipe,
    ];

    /// The character.
    pub fn as_char(self) -> char {
        char::from(self.byte())
    }

    /// The delimiter that is `c`, if one is.
    pub fn from_char(c: char) -> Option<Delimiter> {
        Delimiter::ALL.into_iter().find(|d| d.as_char() == c)
    }

    pub(crate) fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Semicolon => b';',
            Delimiter::Tab => b'\t',
            Delimiter::Pipe => b'|',
        }
    }
}

impl serde::Serialize for Delimiter {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_char(self.as_char())
    }
}

/// How the delimiter of a file was chosen (see [`CsvFileRead`](crate::CsvFileRead)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DelimiterFrom {
    /// Given by the caller ([`OfficersCsvOptions::delimiter`](crate::OfficersCsvOptions::delimiter)).
    Given,
    /// Declared by the file's first line, `sep=;` as Excel writes it.
    Declared,
    /// Told from the header: the one under which it names the required columns.
    Detected,
}

/// The delimiter of the file whose header starts `header` (found by
/// `Table::header_start`, which reads past blank and `sep=` lines) and how it was chosen,
/// by the rule of the module: `chosen` is the delimiter given or declared, if any. An
/// error when it cannot be told. O(length of the header line), for each of the four.
pub(super) fn delimiter(
    file: &'static str,
    header: &str,
    required: &[&'static str],
    chosen: Option<(Delimiter, DelimiterFrom)>,
) -> Result<(Delimiter, DelimiterFrom), Error> {
    let split: Vec<Split> = Delimiter::ALL
        .into_iter()
        .map(|d| Split::of(file, header, required, d))
        .collect();
    let complete = |s: &&Split| s.well_quoted && s.found == required.len();
    if let Some((d, from)) = chosen {
        let under = &split[d as usize];
        if !complete(&under)
            && let Some(other) = split.iter().find(complete)
            && other.fields != under.fields
        {
            return Err(Error::CsvDelimiter {
                file,
                found: other.delimiter.as_char(),
                expected: d.as_char(),
            });
        }
        return Ok((d, from));
    }
    let mut found = split.iter().filter(complete);
    if let Some(first) = found.next() {
        let mut others: Vec<&Split> = found.filter(|s| s.fields != first.fields).collect();
        others.dedup_by(|a, b| a.fields == b.fields);
        if !others.is_empty() {
            let delimiters = std::iter::once(first)
                .chain(others)
                .map(|s| s.delimiter.as_char())
                .collect();
            return Err(Error::CsvAmbiguousDelimiter { file, delimiters });
        }
        return Ok((first.delimiter, DelimiterFrom::Detected));
    }
    let best = (split.iter().filter(|s| s.well_quoted)).max_by_key(|s| {
        (
            s.found,
            s.fields.len(),
            std::cmp::Reverse(s.delimiter as usize),
        )
    });
    Ok((
        best.map_or(Delimiter::Comma, |s| s.delimiter),
        DelimiterFrom::Detected,
    ))
}

/// The delimiter a `sep=X` line declares (`X` one of the four; the line trimmed of
/// spaces, not of the tab it may declare).
pub(super) fn declared(line: &str) -> Option<Delimiter> {
    let line = line.trim_matches(|c: char| c != '\t' && c.is_whitespace());
    let head = line.get(..4)?;
    let mut rest = line[4..].chars();
    let c = rest.next()?;
    (head.eq_ignore_ascii_case("sep=") && rest.next().is_none())
        .then(|| Delimiter::from_char(c))
        .flatten()
}

/// Whether the record that starts `text` names every `required` column under one of the
/// four delimiters (well quoted under it): a header, as title lines above one are told
/// from it (see `csv/title.rs`). O(length of the record), for each of the four.
pub(super) fn names_every(file: &'static str, text: &str, required: &[&'static str]) -> bool {
    Delimiter::ALL.into_iter().any(|d| {
        let split = Split::of(file, text, required, d);
        split.well_quoted && split.found == required.len()
    })
}

/// The header read with one delimiter.
struct Split {
    delimiter: Delimiter,
    /// Its fields, trimmed.
    fields: Vec<String>,
    /// The required columns it names.
    found: usize,
    well_quoted: bool,
}

impl Split {
    fn of(file: &'static str, text: &str, required: &[&'static str], d: Delimiter) -> Split {
        // The first record as the rows are read: quotes removed, `""` in quotes a quote.
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(d.byte())
            .from_reader(text.as_bytes());
        let mut record = csv::StringRecord::new();
        // The text is a `&str`, so neither invalid UTF-8 nor I/O can fail here.
        if !reader.read_record(&mut record).unwrap_or(false) {
            record.clear();
        }
        record.trim();
        let end = usize::try_from(reader.position().byte())
            .unwrap_or(usize::MAX)
            .min(text.len());
        let raw = &text[..end];
        let well_quoted = check_quotes(file, 1, raw, end == text.len(), d.byte()).is_none();
        let found = (required.iter())
            .filter(|&&name| !matches!(column(&record, file, name), Column::Missing))
            .count();
        Split {
            delimiter: d,
            fields: record.iter().map(str::to_owned).collect(),
            found,
            well_quoted,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Delimiter, DelimiterFrom, delimiter};
    use crate::Error;

    const REQUIRED: &[&str] = &["id", "department", "position"];

    /// The delimiter of a header (the text from the header on, as
    /// `Table::header_start` finds it).
    fn told(text: &str) -> Result<(Delimiter, DelimiterFrom), Error> {
        delimiter("t.csv", text, REQUIRED, None)
    }

    #[test]
    fn the_header_tells_the_delimiter() {
        use Delimiter::{Comma, Pipe, Semicolon, Tab};
        let detected = DelimiterFrom::Detected;
        for (text, d) in [
            ("id,department,position\n", Comma),
            ("\u{feff}id;department;position\r\n1;2;3\r\n", Semicolon),
            ("\"id\";\"department\";\"position\"\n", Semicolon),
            ("id\tdepartment\tposition\n", Tab),
            (" id | department | position\n", Pipe),
            // Names holding another separator stay one field.
            ("\"id\";\"dept, ministry\";\"position\"\n", Semicolon),
            ("Employee ID;Department;Designation\n", Semicolon),
        ] {
            assert_eq!(told(text), Ok((d, detected)), "{text:?}");
        }
        // Given, it is used.
        assert_eq!(
            delimiter(
                "t.csv",
                "id|department|position\n",
                REQUIRED,
                Some((Pipe, DelimiterFrom::Given))
            ),
            Ok((Pipe, DelimiterFrom::Given))
        );
    }

    #[test]
    fn without_every_column_the_best_split_is_used() {
        // `;` finds two columns: the third is reported missing under it.
        assert_eq!(
            told("id;department;post_x\n").map(|t| t.0),
            Ok(Delimiter::Semicolon)
        );
        // None finds any: the one giving the most fields.
        assert_eq!(told("a\tb\tc\n").map(|t| t.0), Ok(Delimiter::Tab));
        assert_eq!(told("abc\n").map(|t| t.0), Ok(Delimiter::Comma));
        assert_eq!(told("").map(|t| t.0), Ok(Delimiter::Comma));
    }

    #[test]
    fn a_header_two_delimiters_read_is_ambiguous() {
        assert_eq!(
            delimiter("t.csv", "id;x,id\n", &["id"], None),
            Err(Error::CsvAmbiguousDelimiter {
                file: "t.csv",
                delimiters: vec![',', ';'],
            })
        );
        // One field read alike by all is no ambiguity.
        assert_eq!(
            delimiter("t.csv", "id\n", &["id"], None),
            Ok((Delimiter::Comma, DelimiterFrom::Detected))
        );
    }

    #[test]
    fn a_delimiter_given_or_declared_that_misses_columns_names_the_one_found() {
        assert_eq!(
            delimiter(
                "t.csv",
                "id;department;position\n",
                REQUIRED,
                Some((Delimiter::Tab, DelimiterFrom::Given))
            ),
            Err(Error::CsvDelimiter {
                file: "t.csv",
                found: ';',
                expected: '\t',
            })
        );
    }
}
