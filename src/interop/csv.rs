//! CSV text in memory, read with the `csv` crate, with typed access to named columns.
//!
//! The same rules for every loader: fields separated by commas; records ended by CRLF, LF
//! or a lone CR; fields in double quotes holding commas, line breaks and doubled quotes
//! (`""` for `"`); a UTF-8 byte-order mark before the header; whitespace around every field
//! and header removed (an HR export's `id , name` is `id,name`); empty and blank lines
//! skipped, and so are records whose every field is empty (`,,,`, which spreadsheets write
//! for rows whose cells were cleared: they hold nothing to lose); fields beyond the
//! header's that are all empty (a trailing `,`) ignored; an Excel `sep=,` line before the
//! header skipped. A header that is one field holding `;` or a tab, or that reads as
//! several fields only when split at `;`, a tab or `|` (`"id";"name"`, whose quotes
//! misplace with commas), is [`Error::CsvDelimiter`]: the file uses another separator,
//! and naming each column as missing or a quote as misplaced would not say so. The first
//! record is the header; columns are found by name, in any order and without regard to
//! ASCII capitalisation (`ID`, `Name`), else folded of spaces, `_`, `-` and `.`, else (an
//! HR export's files) under the names HR exports give them (`csv/aliases.rs`), and extra
//! columns are not read ([`Table::take_unread`] lists them).
//! A header naming a column's items by name (`Position Name`, `Competency Name`) is never
//! read as that column: alone, it is [`Error::CsvNameColumn`] (see `csv/aliases.rs`).
//! A column the loader reads that two headers name (`Id` and `ID`, `id` and `ID`, or `id`
//! twice) is [`Error::CsvAmbiguousColumn`], naming both: the values could differ, and
//! which column is meant cannot be known.
//!
//! The `csv` crate reads quotes leniently: a quote inside an unquoted field is kept as a
//! character, and text after a closing quote is appended to the field. RFC 4180 forbids
//! both, and both mostly come from broken quoting that would shift values silently, so a
//! record holding a quote is checked once more and these are reported as
//! [`Error::CsvMisplacedQuote`]; a quote never closed, which makes the rest of the text one
//! field, is [`Error::CsvUnclosedQuote`].
//!
//! A record after the header that repeats it (two exports joined into one file; in any
//! ASCII case, a byte-order mark before it aside) or is a `sep=,` line is
//! [`Error::CsvRepeatedHeader`], and reading goes on with the rows after it under the
//! first header. A text that is UTF-16 read as UTF-8 (NULs between its characters) is
//! [`Error::CsvEncoding`], naming the encoding.
//!
//! Every problem becomes an [`Error`] naming the file and the 1-based line the record starts
//! on (the header is line 1); reading goes on after it, so a caller can report them all.

mod aliases;
mod decimal;
mod encoding;
pub(crate) mod feed;
mod lines;
mod row;
mod rows;
mod split;

pub(crate) use decimal::Decimal;
use encoding::utf16;
use row::is_separator_line;
pub(crate) use row::{Header, Refused, Row, Seen};
pub(crate) use split::{stops, word_at};

use crate::Error;
use lines::LineCounter;

/// A column of a CSV file that the loader did not read: its header names none of the
/// columns the format has, so its cells were set aside. Extra columns are common in HR
/// exports (names, phone numbers, grades); a misspelt optional column (`evidence_dt` for
/// `date`) shows up here rather than its values being lost without a word.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ColumnNotRead {
    /// The file, e.g. `officers.csv`.
    pub file: &'static str,
    /// The column's 1-based position in the header.
    pub column: usize,
    /// Its header, trimmed of whitespace.
    pub header: String,
}

/// A CSV file whose header holds every required column.
pub(crate) struct Table<'a> {
    file: &'static str,
    text: &'a str,
    reader: csv::Reader<&'a [u8]>,
    lines: LineCounter<'a>,
    header: Header,
    /// The text was decoded with replacement characters from bytes that are not UTF-8:
    /// a row with one in a column the loader reads is reported, not read.
    lossy: bool,
    /// The header's columns that none of the columns asked for is read from.
    unread: Vec<ColumnNotRead>,
}

/// Where column `name` is in `header`: the one header equal to it apart from ASCII
/// capitalisation (HR systems write `ID`, `Name`); else the one equal to it folded
/// (`Target_Position` for `target_position`); else, for an HR export's files, the one
/// naming it another way HR exports do (`Employee ID`, `Designation`: see `aliases.rs`).
/// Two or more headers at the first of these steps that finds one (`Id` and `ID`, `id`
/// twice, `Emp ID` and `Employee ID`) make the column ambiguous: which holds it cannot be
/// known. Found by none of these, a header naming the column's items by name (`Position
/// Name`) is `Names`: its cells are no ids.
enum Column {
    At(usize),
    Missing,
    Ambiguous(Vec<String>),
    Names(String),
}

impl Column {
    /// The column's index when one header names it; `None` when none does or it cannot be
    /// read, which for a column named twice ([`Error::CsvAmbiguousColumn`]: optional or
    /// required, which is meant cannot be known) or by names ([`Error::CsvNameColumn`]:
    /// names read as ids would be unknown ids or other items' ids) is an error in `errors`.
    fn at(self, file: &'static str, name: &'static str, errors: &mut Vec<Error>) -> Option<usize> {
        match self {
            Column::At(at) => Some(at),
            Column::Missing => None,
            Column::Ambiguous(headers) => {
                errors.push(Error::CsvAmbiguousColumn {
                    file,
                    column: name,
                    headers,
                });
                None
            }
            Column::Names(header) => {
                errors.push(Error::CsvNameColumn {
                    file,
                    column: name,
                    header,
                });
                None
            }
        }
    }
}

fn column(header: &csv::StringRecord, file: &str, name: &str) -> Column {
    let found = |matches: &dyn Fn(&str) -> bool| -> Option<Column> {
        let mut matches = header.iter().enumerate().filter(|(_, h)| matches(h));
        match (matches.next(), matches.next()) {
            (None, _) => None,
            (Some((at, _)), None) => Some(Column::At(at)),
            (Some((_, first)), Some((_, second))) => Some(Column::Ambiguous(
                [first, second]
                    .into_iter()
                    .chain(matches.map(|(_, h)| h))
                    .map(str::to_owned)
                    .collect(),
            )),
        }
    };
    found(&|h| h.eq_ignore_ascii_case(name))
        .or_else(|| found(&|h| aliases::folds_to(h, name)))
        .or_else(|| {
            (aliases::aliases(file, name).iter())
                .find_map(|tier| found(&|h| tier.iter().any(|a| aliases::folds_to(h, a))))
        })
        .or_else(|| {
            let names = aliases::name_headers(file, name);
            (header.iter())
                .find(|h| names.iter().any(|a| aliases::folds_to(h, a)))
                .map(|h| Column::Names(h.to_owned()))
        })
        .unwrap_or(Column::Missing)
}

/// The separator a header line is written with when it is not a comma: the first of `;`,
/// a tab and `|` that splits the line (up to its first line end) into several fields with
/// well-placed quotes. For a header whose quotes misplace when read with commas.
fn other_separator(text: &str) -> Option<char> {
    let line = text.split(['\r', '\n']).next().unwrap_or_default();
    [';', '\t', '|'].into_iter().find(|&c| {
        let quoted = line.replace(c, ",");
        line.contains(c) && !line.contains(',') && check_quotes("", 1, &quoted, true).is_none()
    })
}

/// One record's raw text and starting line.
struct Raw {
    line: usize,
    start: usize,
    end: usize,
}

impl<'a> Table<'a> {
    /// Reads the header of `text` and finds the `required` columns. On a missing column or a
    /// malformed header, pushes the problems to `errors` and returns `None`.
    pub(crate) fn open(
        file: &'static str,
        text: &'a str,
        required: &[&'static str],
        errors: &mut Vec<Error>,
    ) -> Option<Table<'a>> {
        Table::open_with(file, text, required, &[], errors)
    }

    /// [`Table::open`] that also finds the `optional` columns the header has.
    pub(crate) fn open_with(
        file: &'static str,
        text: &'a str,
        required: &[&'static str],
        optional: &[&'static str],
        errors: &mut Vec<Error>,
    ) -> Option<Table<'a>> {
        if let Some(encoding) = utf16(text) {
            errors.push(Error::CsvEncoding { file, encoding });
            return None;
        }
        let mut table = Table::new(file, text);
        let mut header = csv::StringRecord::new();
        for _ in 0..2 {
            let at = usize::try_from(table.reader.position().byte()).unwrap_or(usize::MAX);
            match table.next_record(&mut header) {
                Some(Err((_, error))) => {
                    let rest = text.get(at..).unwrap_or_default();
                    let rest = rest.trim_start_matches(['\u{feff}', '\r', '\n']);
                    errors.push(match other_separator(rest) {
                        Some(found) => Error::CsvDelimiter { file, found },
                        None => error,
                    });
                    return None;
                }
                Some(Ok(_)) => {}
                None => header.clear(),
            }
            if !is_separator_line(&header) {
                break;
            }
        }
        // A header read as one field holding `;` or a tab: another separator, not columns.
        if header.len() == 1
            && let Some(found) = [';', '\t', '|']
                .into_iter()
                .find(|&c| header[0].contains(c))
            && required
                .iter()
                .any(|&name| !matches!(column(&header, file, name), Column::At(_)))
        {
            errors.push(Error::CsvDelimiter { file, found });
            return None;
        }
        let before = errors.len();
        for &name in required {
            let found = column(&header, file, name);
            if matches!(found, Column::Missing) {
                errors.push(Error::CsvMissingColumn { file, column: name });
            }
            if let Some(at) = found.at(file, name, errors) {
                table.header.columns.push((name, at));
                table.header.slots.push(Some(at));
            }
        }
        for &name in optional {
            let at = column(&header, file, name).at(file, name, errors);
            if let Some(at) = at {
                table.header.columns.push((name, at));
            }
            table.header.slots.push(at);
        }
        table.header.width = header.len();
        table.header.names = header.iter().map(str::to_owned).collect();
        let read = |at: usize| table.header.columns.iter().any(|&(_, c)| c == at);
        table.unread = (header.iter().enumerate())
            .filter(|&(at, name)| !name.is_empty() && !read(at))
            .map(|(at, name)| ColumnNotRead {
                file,
                column: at + 1,
                header: name.to_owned(),
            })
            .collect();
        (errors.len() == before).then_some(table)
    }

    /// A reader at the start of `text`, before its header.
    fn new(file: &'static str, text: &'a str) -> Self {
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        Table {
            file,
            text,
            reader,
            lines: LineCounter::new(text, 1),
            header: Header {
                width: 0,
                columns: Vec::new(),
                slots: Vec::new(),
                names: Vec::new(),
            },
            lossy: false,
            unread: Vec::new(),
        }
    }

    /// The header read by [`Table::open_with`].
    pub(crate) fn header(&self) -> &Header {
        &self.header
    }

    /// The header's columns [`Table::open_with`] found no column asked for in, in header
    /// order.
    pub(crate) fn take_unread(&mut self) -> Vec<ColumnNotRead> {
        std::mem::take(&mut self.unread)
    }

    /// A reader of records after the header: `text` is a piece of the file that starts on
    /// line `first_line` at the start of a record (never with the file's byte-order mark).
    /// `lossy`: the text was decoded from bytes that are not all UTF-8 (see [`Table::rows`]).
    pub(crate) fn body(
        file: &'static str,
        text: &'a str,
        first_line: usize,
        header: Header,
        lossy: bool,
    ) -> Self {
        let mut table = Table::new(file, text);
        table.lines = LineCounter::new(text, first_line);
        table.header = header;
        table.lossy = lossy;
        table
    }

    /// The same reader, reporting rows of a lossy text (see [`Table::rows`]).
    pub(crate) fn lossy(mut self, lossy: bool) -> Self {
        self.lossy = lossy;
        self
    }

    /// Whether `text` holds a record that is not blank (the header, at the start of a
    /// file).
    pub(crate) fn has_record(file: &'static str, text: &'a str) -> bool {
        let mut record = csv::StringRecord::new();
        let mut table = Table::new(file, text);
        while table.next_record(&mut record).is_some() {
            if !is_separator_line(&record) {
                return true;
            }
        }
        false
    }

    /// Reads the next non-blank record and gives the line it starts on; `None` at the end
    /// of the text. A record with a misplaced or unclosed quote is an error, with that
    /// line (and is consumed).
    fn next_record(
        &mut self,
        record: &mut csv::StringRecord,
    ) -> Option<Result<usize, (usize, Error)>> {
        loop {
            let from = usize::try_from(self.reader.position().byte()).unwrap_or(usize::MAX);
            match self.reader.read_record(record) {
                Ok(true) => {}
                // The text is a `&str`, so neither invalid UTF-8 nor I/O can fail here.
                Ok(false) | Err(_) => return None,
            }
            // Fields are read trimmed of whitespace (`str::trim`, what the reader's
            // `Trim::All` gives); `StringRecord::trim` copies the whole record, so only a
            // record with a field to trim pays for it.
            if record.iter().any(|field| field.len() != field.trim().len()) {
                record.trim();
            }
            // The reader's position before a record may sit on the previous record's
            // terminator; the record starts at the first byte after any line breaks.
            let bytes = self.text.as_bytes();
            let mut start = from.min(bytes.len());
            while matches!(bytes.get(start), Some(b'\r' | b'\n')) {
                start += 1;
            }
            // The reader skips a byte-order mark before the header; so does the quote check.
            if start == 0 && self.text.starts_with('\u{feff}') {
                start = '\u{feff}'.len_utf8();
            }
            let end = usize::try_from(self.reader.position().byte())
                .unwrap_or(usize::MAX)
                .min(bytes.len());
            let raw = Raw {
                line: self.lines.line_at(start),
                start,
                end: end.max(start),
            };
            if record.iter().all(str::is_empty) {
                continue; // a blank line, or one of empty fields (`,,,`)
            }
            let text = &self.text[raw.start..raw.end];
            if text.contains('"')
                && let Some(error) = check_quotes(self.file, raw.line, text, raw.end == bytes.len())
            {
                return Some(Err((raw.line, error)));
            }
            return Some(Ok(raw.line));
        }
    }
}

/// Checks the quoting of one record's raw text, which starts on `line`: a quote must open
/// a field (whitespace may follow its closing quote) and be closed. `at_end`: the record
/// runs to the end of the text, where an open quote is never closed.
fn check_quotes(file: &'static str, line: usize, text: &str, at_end: bool) -> Option<Error> {
    #[derive(PartialEq)]
    enum State {
        Start,
        Unquoted,
        Quoted,
        Closed,
    }
    let bytes = text.as_bytes();
    let (mut state, mut field, mut at_line, mut opened_on) = (State::Start, 1, line, line);
    let misplaced = |at_line, field| Error::CsvMisplacedQuote {
        file,
        line: at_line,
        field,
    };
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let newline = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
        match (&state, b) {
            (State::Quoted, b'"') => state = State::Closed,
            (State::Quoted, _) => {
                if newline {
                    at_line += 1;
                }
            }
            (State::Closed, b'"') => state = State::Quoted,
            (_, b',') => {
                state = State::Start;
                field += 1;
            }
            (_, b'\r' | b'\n') => break,
            (State::Start, b'"') => {
                state = State::Quoted;
                opened_on = at_line;
            }
            (State::Start | State::Unquoted, _) if b != b'"' => state = State::Unquoted,
            (State::Closed, b' ' | b'\t') => {}
            _ => return Some(misplaced(at_line, field)),
        }
        i += 1;
    }
    (state == State::Quoted && at_end).then_some(Error::CsvUnclosedQuote {
        file,
        line: opened_on,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every well-formed record of `text` (the first is the header) as owned fields, and
    /// the errors.
    fn records(text: &str) -> (Vec<(usize, Vec<String>)>, Vec<Error>) {
        let mut table = Table::new("t.csv", text);
        let mut record = csv::StringRecord::new();
        let (mut out, mut errors) = (Vec::new(), Vec::new());
        while let Some(r) = table.next_record(&mut record) {
            match r {
                Ok(line) => out.push((line, record.iter().map(str::to_owned).collect())),
                Err((_, e)) => errors.push(e),
            }
        }
        (out, errors)
    }

    fn row(line: usize, fields: &[&str]) -> (usize, Vec<String>) {
        (line, fields.iter().map(|f| (*f).to_owned()).collect())
    }

    #[test]
    fn reads_quotes_doubled_quotes_crlf_and_bom() {
        let text = "\u{feff}a,b\r\n\"x, \"\"y\"\"\",\"two\r\nlines\"\r\n\r\n,\n3,\"\"";
        let (rows, errors) = records(text);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(
            rows,
            [
                row(1, &["a", "b"]),
                row(2, &["x, \"y\"", "two\r\nlines"]),
                row(6, &["3", ""]),
            ]
        );
    }

    #[test]
    fn whitespace_around_fields_and_blank_lines_are_dropped() {
        let (rows, errors) = records(" a , b\t\r\n  \r\n x ,\"q\"  \n\u{a0}\n");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(rows, [row(1, &["a", "b"]), row(3, &["x", "q"])]);
        // Any Unicode whitespace, as `str::trim`; a record with nothing to trim is as read.
        let (rows, errors) = records("p,\u{b}v\u{2003}\nq r,s\n");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(rows, [row(1, &["p", "v"]), row(2, &["q r", "s"])]);
    }

    #[test]
    fn lone_cr_ends_a_record_and_trailing_comma_adds_an_empty_field() {
        let (rows, errors) = records("a,b,\rc");
        assert!(errors.is_empty());
        assert_eq!(rows, [row(1, &["a", "b", ""]), row(2, &["c"])]);
    }

    #[test]
    fn misplaced_quotes_are_reported_and_reading_goes_on() {
        let (rows, errors) = records("a,b\"c\n\"x\"y,z\n\"two\nlines\", \"q\"\nok,1\n");
        assert_eq!(rows, [row(5, &["ok", "1"])]);
        assert_eq!(
            errors,
            [
                Error::CsvMisplacedQuote {
                    file: "t.csv",
                    line: 1,
                    field: 2
                },
                Error::CsvMisplacedQuote {
                    file: "t.csv",
                    line: 2,
                    field: 1
                },
                Error::CsvMisplacedQuote {
                    file: "t.csv",
                    line: 4,
                    field: 2
                },
            ]
        );
    }

    #[test]
    fn unclosed_quote_names_the_line_it_opened_on() {
        let (rows, errors) = records("a\n\"open\nstill open\n");
        assert_eq!(rows, [row(1, &["a"])]);
        assert_eq!(
            errors,
            [Error::CsvUnclosedQuote {
                file: "t.csv",
                line: 2
            }]
        );
    }

    #[test]
    fn records_of_empty_fields_are_blank_lines() {
        let (rows, errors) = records("a,b\n,\n\"\",\"\" \n,,,\nx,\n");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(rows, [row(1, &["a", "b"]), row(5, &["x", ""])]);
    }

    #[test]
    fn a_header_quoted_with_another_separator_names_the_separator() {
        for (text, found) in [
            ("\u{feff}\"id\";\"name\"\r\n\"1\";\"x\"\r\n", ';'),
            ("\n\"id\"\t\"name\"\n", '\t'),
            ("\"id\"|name\n", '|'),
        ] {
            let mut errors = Vec::new();
            assert!(Table::open("t.csv", text, &["id"], &mut errors).is_none());
            assert_eq!(
                errors,
                [Error::CsvDelimiter {
                    file: "t.csv",
                    found
                }],
                "{text:?}"
            );
        }
        // A quote misplaced in a comma header stays a misplaced quote.
        let mut errors = Vec::new();
        assert!(Table::open("t.csv", "id,na\"me\n", &["id"], &mut errors).is_none());
        assert_eq!(
            errors,
            [Error::CsvMisplacedQuote {
                file: "t.csv",
                line: 1,
                field: 2
            }]
        );
    }

    #[test]
    fn empty_text_has_no_records() {
        assert!(records("").0.is_empty());
        assert!(records("\u{feff}\n\r\n").0.is_empty());
    }

    #[test]
    fn optional_columns_are_found_when_present() {
        let mut errors = Vec::new();
        let table = Table::open_with(
            "t.csv",
            "id, name\n7,x\n",
            &["id"],
            &["name", "target"],
            &mut errors,
        )
        .expect("the header has id");
        table.rows(&mut errors, |row, _| {
            assert_eq!(row.get("id"), Some("7"));
            assert_eq!(row.get("name"), Some("x"));
            assert_eq!(row.get("target"), None);
        });
        assert!(errors.is_empty());
    }
}
