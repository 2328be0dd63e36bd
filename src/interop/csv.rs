//! CSV text in memory, read with the `csv` crate, with typed access to named columns.
//!
//! The same rules for every loader: fields separated by the delimiter told from the
//! header (`,`, `;`, a tab or `|`: see `csv/delimiter.rs`; given by the caller, or declared
//! by an Excel `sep=;` line before the header); records ended by CRLF, LF
//! or a lone CR; fields in double quotes holding delimiters, line breaks and doubled quotes
//! (`""` for `"`); a UTF-8 byte-order mark before the header; whitespace around every field
//! and header removed (an HR export's `id , name` is `id,name`), except that a quoted
//! field read as an id (an officer, a department, a position, a competency, a course) is
//! read as written between its quotes, as a JSON string is ([`Row::id_in`]: `"p "` is
//! the position `p `, and names no position `p`); empty and blank lines
//! skipped, and so are records whose every field is empty (`,,,`, which spreadsheets write
//! for rows whose cells were cleared: they hold nothing to lose); fields beyond the
//! header's that are all empty (a trailing `,`) ignored, and so are fields missing under
//! the empty names that end a header (a trailing `,` on the header alone). The delimiter is chosen from the
//! header alone, so the rows cost nothing more to read; a header that two delimiters read
//! as the columns needed is [`Error::CsvAmbiguousDelimiter`], and a delimiter given or
//! declared that another reads the header better with is [`Error::CsvDelimiter`]. The first
//! record is the header; columns are found by name, in any order and without regard to
//! ASCII capitalisation (`ID`, `Name`), else folded of spaces, `_`, `-` and `.`, else (an
//! HR export's files) under the names HR exports give them (`csv/aliases.rs`), and extra
//! columns are not read ([`Table::take_unread`] lists them).
//! A header naming a column's items by name (`Position Name`, `Competency Name`) is never
//! read as that column: alone, it is [`Error::CsvNameColumn`] (see `csv/aliases.rs`).
//! A column the loader reads that two headers name (`Id` and `ID`, `id` and `ID`, or `id`
//! twice) is [`Error::CsvAmbiguousColumn`], naming both: the values could differ, and
//! which column is meant cannot be known. A header cell that names two columns, whole or
//! by its parts (`Position / Target Position`), is [`Error::CsvSharedHeader`], and
//! neither is read from it: a cell holds one column's values.
//!
//! The `csv` crate reads quotes leniently: a quote inside an unquoted field is kept as a
//! character, and text after a closing quote is appended to the field. RFC 4180 forbids
//! both, and both mostly come from broken quoting that would shift values silently, so a
//! record holding a quote is checked once more and these are reported as
//! [`Error::CsvMisplacedQuote`]; a quote never closed, which makes the rest of the text one
//! field, is [`Error::CsvUnclosedQuote`].
//! Excel's way of keeping a cell as text, so that a spreadsheet does not drop its leading
//! zeros, `="0123"` (or quoted, `"=""0123"""`), is read as its text, `0123`; a delimiter
//! or line break inside the unquoted form splits the field for every reader, so that is
//! [`Error::CsvMisplacedQuote`].
//!
//! A record after the header that repeats it (two exports joined into one file; in any
//! ASCII case, a byte-order mark before it aside) or is a `sep=` line is
//! [`Error::CsvRepeatedHeader`], and reading goes on with the rows after it under the
//! first header. A text that is UTF-16 read as UTF-8 (NULs between its characters) is
//! [`Error::CsvEncoding`], naming the encoding; a text that starts as a JSON document does
//! (`{"…` or `[{…`, a byte-order mark and whitespace before it aside) is
//! [`Error::CsvLooksLikeJson`], rather than the misplaced quotes it would show as CSV.
//!
//! Every problem becomes an [`Error`] naming the file and the 1-based line the record starts
//! on (the header is line 1); reading goes on after it, so a caller can report them all.

mod aliases;
mod columns;
mod dates;
mod decimal;
mod delimiter;
mod encoding;
pub(crate) mod feed;
mod lines;
pub(crate) mod missing;
pub(crate) mod numbered;
mod plain;
mod quotes;
mod read;
mod row;
mod rows;
mod split;
mod title;
mod unheaded;

pub(crate) use dates::{Cell, DateColumn, read_cell};
pub use dates::{DateForm, DateOrder, DatesRead};
pub use delimiter::{Delimiter, DelimiterFrom};
use encoding::{json, utf16};

/// Whether a text starts as a JSON document does (see `encoding::json`).
pub(crate) fn looks_like_json(text: &str) -> bool {
    json(text).is_some()
}
pub use columns::HeaderPart;
pub use missing::MissingCells;
pub use read::CsvFileRead;
use row::is_separator_line;
pub(crate) use row::{Header, Refused, Row, Seen, refused_keys};
pub(crate) use split::{stops, word_at};

use crate::Error;
use columns::{Column, near_column};
use lines::LineCounter;
use quotes::check_quotes;
pub(crate) use title::header_in_reach;
use title::{Above, above_header, header_line, mark_header_line};
pub use title::{TITLE_LINES_MAX, TitleLine};
pub use unheaded::ColumnValues;
pub(crate) use unheaded::Unheaded;

/// A column of a CSV file that the loader did not read: its header names none of the
/// columns the format has, so its cells were set aside. Extra columns are common in HR
/// exports (names, phone numbers, grades); a misspelt optional column (`evidence_dt` for
/// `date`) shows up here rather than its values being lost without a word, and one a
/// small edit away from an optional column the header lacks (`verifed`) names that column
/// in [`ColumnNotRead::nearest`].
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ColumnNotRead {
    /// The file, e.g. `officers.csv`.
    pub file: &'static str,
    /// The column's 1-based position in the header.
    pub column: usize,
    /// Its header, trimmed of whitespace.
    pub header: String,
    /// The optional column this header looks like a misspelling of, when that column is
    /// not in the header: the header, or its text before a bracketed suffix or beside a
    /// bilingual ` / `, is within a small edit distance of the column's name or of another
    /// name HR exports give it, ignoring ASCII case, spaces, `_`, `-` and `.` (`verifed`
    /// or `Verifed` for `verified`, `Traget Position (optional)` for `target` through
    /// `Target Position`, `evidence_dt` for `date` through `evidence_date`; the distance
    /// rule is the one "did you mean" uses for ids: a fifth of the length, at least 1, for
    /// texts of four characters or more). The file was read as if it had no such
    /// column, so its cells in this one were not read: a program can refuse the file when
    /// this is set. `None` when no absent optional column is near; not serialized then.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nearest: Option<&'static str>,
    /// For a column without a header (an empty field in the header, `id,name,` as a
    /// spreadsheet writes a header whose last cell is empty; [`ColumnNotRead::header`] is
    /// then empty): the rows holding a value in it, which no column was read from. Such a
    /// column is reported only when some row holds a value there (a trailing `,` on every
    /// row holds nothing to lose, and is silent); `None` for a column with a header,
    /// reported whatever its cells hold. Not serialized when `None`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<ColumnValues>,
}

/// `named`, the named columns of `file` not read (in header order), with each column of
/// `unheaded` that holds a value in some row read, in header order (see
/// `csv/unheaded.rs`). O(columns).
pub(crate) fn with_unheaded(
    file: &'static str,
    mut named: Vec<ColumnNotRead>,
    unheaded: &Unheaded,
) -> Vec<ColumnNotRead> {
    let held = unheaded.held();
    if held.is_empty() {
        return named;
    }
    named.extend(held.into_iter().map(|(column, values)| ColumnNotRead {
        file,
        column,
        header: String::new(),
        nearest: None,
        values: Some(values),
    }));
    crate::model::order::sort_by_key(&mut named, |c| c.column);
    named
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
    /// The byte separating fields.
    sep: u8,
    /// Where the record [`Table::next_record`] read last starts and ends in `text`.
    last: (usize, usize),
    /// Rows may end before the header does, the fields they lack read as empty (see
    /// [`Table::ragged`]).
    ragged: bool,
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

    /// [`Table::open`] that also finds the `optional` columns the header has. The header
    /// is the first record that is not blank: a publisher's file (ESCO's, O*NET's) has
    /// no title lines above it.
    pub(crate) fn open_with(
        file: &'static str,
        text: &'a str,
        required: &[&'static str],
        optional: &[&'static str],
        errors: &mut Vec<Error>,
    ) -> Option<Table<'a>> {
        Table::open_at(file, text, (required, optional), (None, false), errors)
    }

    /// [`Table::open_with`] for an HR export's file: fields separated by `given`, or by
    /// the delimiter told from the header (see `csv/delimiter.rs`), and title lines above
    /// the header read past and reported in [`Header::titles`] (see `csv/title.rs`).
    pub(crate) fn open_delimited(
        file: &'static str,
        text: &'a str,
        required: &[&'static str],
        optional: &[&'static str],
        given: Option<Delimiter>,
        errors: &mut Vec<Error>,
    ) -> Option<Table<'a>> {
        Table::open_at(file, text, (required, optional), (given, true), errors)
    }

    /// [`Table::open_delimited`], reading past title lines only when `titles`.
    fn open_at(
        file: &'static str,
        text: &'a str,
        (required, optional): (&[&'static str], &[&'static str]),
        (given, titles): (Option<Delimiter>, bool),
        errors: &mut Vec<Error>,
    ) -> Option<Table<'a>> {
        if let Some(encoding) = utf16(text) {
            errors.push(Error::CsvEncoding { file, encoding });
            return None;
        }
        if let Some(found) = json(text) {
            // Parsed on this failure path only, to name the reader of the document.
            let kind = crate::DocumentKind::of_json(text);
            errors.push(Error::CsvLooksLikeJson { file, found, kind });
            return None;
        }
        let (mut start, declared) = Table::header_start(file, text);
        let chosen = (given.map(|d| (d, DelimiterFrom::Given)))
            .or(declared.map(|d| (d, DelimiterFrom::Declared)));
        let mut title_lines = Vec::new();
        if titles {
            match above_header(file, text, start, required, chosen) {
                Above::Nothing => {}
                Above::Titles { start: at, titles } => {
                    start = at;
                    title_lines = titles;
                }
                Above::Refused(refused) => {
                    errors.extend(refused);
                    return None;
                }
                Above::Incomplete { start: at } => start = at,
            }
        }
        let (delimiter, from) = match delimiter::delimiter(file, &text[start..], required, chosen) {
            Ok(found) => found,
            Err(error) => {
                errors.push(error);
                return None;
            }
        };
        let mut table = Table::new(file, text, delimiter.byte());
        table.header.delimiter = (delimiter, from);
        table.header.titles = title_lines;
        // The header, where the reader with commas found it: records start at the same
        // places whatever the delimiter.
        let mut header = csv::StringRecord::new();
        loop {
            match table.next_record(&mut header) {
                Some(_) if table.last.0 < start => {}
                Some(Err((_, error))) => {
                    errors.push(error);
                    return None;
                }
                Some(Ok(_)) => break,
                None => {
                    header.clear();
                    break;
                }
            }
        }
        let before = errors.len();
        let mut missing = false;
        let (found_required, found_optional) =
            columns::columns_found(file, &header, required, optional, errors);
        for (&name, found) in required.iter().zip(found_required) {
            if matches!(found, Column::Missing) {
                missing = true;
                errors.push(columns::missing(file, name, &header));
            }
            table.header.part_read(name, &found, &header);
            if let Some(at) = found.at(file, name, errors) {
                table.header.columns.push((name, at));
                table.header.slots.push(Some(at));
            }
        }
        let mut absent = Vec::new();
        for (&name, found) in optional.iter().zip(found_optional) {
            if matches!(found, Column::Missing) {
                absent.push(name);
            }
            table.header.part_read(name, &found, &header);
            let at = found.at(file, name, errors);
            if let Some(at) = at {
                table.header.columns.push((name, at));
            }
            table.header.slots.push(at);
        }
        table.header.width = header.len();
        table.header.name_columns(header.iter());
        let read = |at: usize| table.header.columns.iter().any(|&(_, c)| c == at);
        table.unread = (header.iter().enumerate())
            .filter(|&(at, name)| !name.is_empty() && !read(at))
            .map(|(at, name)| ColumnNotRead {
                file,
                column: at + 1,
                header: name.to_owned(),
                nearest: near_column(file, name, &absent),
                values: None,
            })
            .collect();
        if missing {
            // The file is refused; say where a header with every needed column is, as a
            // spreadsheet export with title lines above its header has one.
            if let Some(line) = header_line(file, text, (1, table.last.1), required, given) {
                mark_header_line(file, line, errors);
            }
        }
        (errors.len() == before).then_some(table)
    }

    /// A reader at the start of `text`, before its header, of fields separated by `sep`.
    fn new(file: &'static str, text: &'a str, sep: u8) -> Self {
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(sep)
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
                delimiter: (Delimiter::Comma, DelimiterFrom::Detected),
                titles: Vec::new(),
                unheaded: Unheaded::default(),
                parts: Vec::new(),
            },
            lossy: false,
            unread: Vec::new(),
            sep,
            last: (0, 0),
            ragged: false,
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
        let mut table = Table::new(file, text, header.delimiter.0.byte());
        table.lines = LineCounter::new(text, first_line);
        table.header = header;
        table.lossy = lossy;
        table
    }

    /// The same reader, reading a row that ends before the header does as if the fields
    /// it lacks were empty, rather than refusing it: for a publisher's file whose rows
    /// leave out trailing empty fields (ESCO's `skillsHierarchy_<lang>.csv`).
    pub(crate) fn ragged(mut self) -> Self {
        self.ragged = true;
        self
    }

    /// The same reader, reporting rows of a lossy text (see [`Table::rows`]).
    pub(crate) fn lossy(mut self, lossy: bool) -> Self {
        self.lossy = lossy;
        self
    }

    /// Where the header of `text` starts (a byte offset; the length of `text` when it
    /// has none), and the delimiter a `sep=` line before it declares (the first, when
    /// several do). The header is the first record, read with commas, that is not blank,
    /// a line of separators only (`;;;`, a blank row of a file separated by `;`) or a
    /// `sep=` line; a record with a quoting error is the header (each delimiter reads
    /// it anew). O(length of the text up to the header).
    pub(crate) fn header_start(file: &'static str, text: &'a str) -> (usize, Option<Delimiter>) {
        let mut record = csv::StringRecord::new();
        let mut table = Table::new(file, text, b',');
        let mut declared = None;
        let separators = |f: &str| {
            f.chars()
                .all(|c| c.is_whitespace() || matches!(c, ';' | '|'))
        };
        while let Some(read) = table.next_record(&mut record) {
            let (start, end) = table.last;
            if read.is_err() {
                return (start, declared);
            }
            // A `sep=` line, read from its text: the tab it may declare is no field's.
            if let Some(d) = delimiter::declared(&text[start..end]) {
                declared = declared.or(Some(d));
                continue;
            }
            if !is_separator_line(&record) && !record.iter().all(separators) {
                return (start, declared);
            }
        }
        (text.len(), declared)
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
            self.last = (raw.start, raw.end);
            if record.iter().all(str::is_empty) {
                continue; // a blank line, or one of empty fields (`,,,`)
            }
            let text = &self.text[raw.start..raw.end];
            if text.contains('"')
                && let Some(error) =
                    check_quotes(self.file, raw.line, text, raw.end == bytes.len(), self.sep)
            {
                return Some(Err((raw.line, error)));
            }
            return Some(Ok(raw.line));
        }
    }
}

#[cfg(test)]
mod tests;
