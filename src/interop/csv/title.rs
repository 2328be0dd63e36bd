//! Finds a header below title lines: an HR export saved from a spreadsheet often starts
//! with lines such as `Department of Posts — Competency passbook export`, `Generated on
//! 2026-03-01` and a blank line above its header.
//!
//! The HR export's readers (officers and passbooks) read past such lines: when the first
//! record that is not blank names not every column needed, and one of the next
//! [`TITLE_LINES_MAX`] records that are not blank does, that record is the header, and
//! each line above it is a title line, reported ([`TitleLine`]), when it holds at most
//! one cell that is not empty under the header's delimiter (`Officers report,,,` is one).
//! A line above it of two cells or more may be a misplaced header or a row, so the file
//! is refused ([`Error::CsvLineAboveHeader`], one per such line). When no record in reach
//! names every column, the missing ones are named against the first record of two cells or
//! more, the header below the titles, rather than against a title. The readers of ESCO's and
//! O*NET's files do not: their publishers write the header first, and a line above it
//! is a file changed by hand.
//!
//! A file whose header lacks a needed column is refused; [`header_line`] finds a line
//! further down that has them all, for the error to name.

use std::fmt;

use super::columns::{Column, column};
use super::delimiter::{self, Delimiter, DelimiterFrom, names_every};
use super::plain::lines;
use crate::Error;
use crate::model::quote::quoted;

/// The most records that are not blank a header is looked for below: an export's title,
/// date and filters take a few lines, and a file read in pieces
/// ([`CohortCsvReader`](crate::CohortCsvReader)) keeps them until its header comes.
pub const TITLE_LINES_MAX: usize = 100;

/// A line above the header of an HR export's file, holding at most one cell (a title, a
/// date of export), that was read past (see
/// [`CsvFileRead::title_lines`](crate::CsvFileRead::title_lines)). Its `Display` shows the
/// text quoted, escaped when it holds a character that cannot be seen (as error messages
/// show values): `` line 1: `Officers report` ``.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct TitleLine {
    /// The 1-based line it starts on.
    pub line: usize,
    /// Its one cell that is not empty, trimmed of whitespace and as read (quotes
    /// removed); kept as written, to be shown escaped.
    pub text: String,
}

impl fmt::Display for TitleLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, quoted(&self.text))
    }
}

/// What stands above the header of a text (see [`above_header`]).
pub(crate) enum Above {
    /// The first record that is not blank is the header, or none of the records in reach
    /// names every column: the file is read from that first record, as it always was.
    Nothing,
    /// The header starts at byte `start` of the text, below the title lines `titles`.
    Titles {
        start: usize,
        titles: Vec<TitleLine>,
    },
    /// Lines of two cells or more stand above the header: the errors naming them.
    Refused(Vec<Error>),
    /// No record in reach names every column, and the first of two cells or more, below
    /// lines of one, starts at byte `start`: the header the missing columns are named
    /// against.
    Incomplete { start: usize },
}

/// A record that is not blank: where its text starts and ends, and its line.
struct Record {
    at: usize,
    end: usize,
    line: usize,
}

/// The records of `text` that are not blank (nor `sep=` lines), starting at byte `first`
/// (the first of them, as `Table::header_start` finds it) up to the first that names
/// every `required` column, at most `most` of them; and whether the last is such a header
/// (the first, when it is one). O(length of the records read).
fn records(
    file: &'static str,
    text: &str,
    first: usize,
    required: &[&'static str],
    most: usize,
) -> (Vec<Record>, bool) {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    let mut found = Vec::new();
    loop {
        let Ok(start) = usize::try_from(reader.position().byte()) else {
            return (found, false);
        };
        if !reader.read_record(&mut record).unwrap_or(false) {
            return (found, false);
        }
        let end = usize::try_from(reader.position().byte())
            .unwrap_or(usize::MAX)
            .min(text.len());
        let Some(raw) = text.get(start..end) else {
            continue;
        };
        // The position before a record may sit on the previous record's line break; a
        // byte-order mark starting the text is none of the record, as the table reads it.
        // One starting a later line (a title written above an export that starts with
        // one) is the record's, where the table starts it, and is read past as the
        // header's names and a title's text are.
        let mut trimmed = raw.trim_start_matches(['\r', '\n']);
        if end == trimmed.len() {
            trimmed = trimmed.trim_start_matches('\u{feff}');
        }
        let at = end - trimmed.len();
        let trimmed = trimmed.trim_start_matches('\u{feff}');
        let blank = record.iter().all(|f| {
            f.chars()
                .all(|c| c.is_whitespace() || matches!(c, ';' | '|' | '\t'))
        });
        if at < first || blank || delimiter::declared(trimmed).is_some() {
            continue;
        }
        let line = 1 + lines(&text.as_bytes()[..at]);
        found.push(Record { at, end, line });
        if names_every(file, trimmed, required) {
            return (found, true);
        }
        if found.len() >= most {
            return (found, false);
        }
    }
}

/// Whether the records of `more`, the next whole records of a file read in pieces whose
/// header has not come yet, bring what [`above_header`] looks at: a record that names
/// every `required` column (the header, first or below title lines), or more than
/// [`TITLE_LINES_MAX`] records that are not blank in all; `seen` counts those met before,
/// and is updated. Each record is looked at once, so a file is scanned once however it is
/// cut. O(length of `more`).
pub(crate) fn header_in_reach(
    file: &'static str,
    more: &str,
    required: &[&'static str],
    seen: &mut usize,
) -> bool {
    let (records, header) = records(file, more, 0, required, TITLE_LINES_MAX + 1 - *seen);
    *seen += records.len();
    header || *seen > TITLE_LINES_MAX
}

/// The cells of the record `raw` that are not empty under `d`, trimmed. O(length).
fn cells(raw: &str, d: Delimiter) -> Vec<String> {
    let mut fields = csv::StringRecord::new();
    if !split(raw, d, &mut fields) {
        fields.clear();
    }
    fields
        .iter()
        .filter(|f| !f.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Reads the first record of `raw` under `d` into `fields`, each field trimmed; false when
/// `raw` holds no record or does not read. O(length).
fn split(raw: &str, d: Delimiter, fields: &mut csv::StringRecord) -> bool {
    let read = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(d.byte())
        .from_reader(raw.as_bytes())
        .read_record(fields)
        .unwrap_or(false);
    fields.trim();
    read
}

/// When no record of `records` names every column: the header the file most likely has,
/// below title lines, is the first record of two cells or more (each under its best
/// delimiter), so the missing columns are named against it ([`Above::Incomplete`]) rather
/// than against a title; [`Above::Nothing`] when that is the first record, or none is.
fn incomplete(
    file: &'static str,
    text: &str,
    records: &[Record],
    required: &[&'static str],
    chosen: Option<(Delimiter, DelimiterFrom)>,
) -> Above {
    let at = records.iter().position(|r| {
        let best = delimiter::delimiter(file, &text[r.at..], required, chosen);
        let d = best.map_or(Delimiter::Comma, |(d, _)| d);
        cells(&text[r.at..r.end], d).len() >= 2
    });
    match at {
        Some(i) if i > 0 => Above::Incomplete {
            start: records[i].at,
        },
        _ => Above::Nothing,
    }
}

/// The title lines above the header of `text`, whose first record that is not blank
/// starts at byte `first` (see the module's rule): [`Above::Nothing`] when that record
/// is the header or no record in reach is; the cells are counted under the delimiter
/// `chosen` (given or declared), else the one told from the header. O(length of the
/// records up to the header).
pub(crate) fn above_header(
    file: &'static str,
    text: &str,
    first: usize,
    required: &[&'static str],
    chosen: Option<(Delimiter, DelimiterFrom)>,
) -> Above {
    let (records, header) = records(file, text, first, required, TITLE_LINES_MAX + 1);
    if !header {
        return incomplete(file, text, &records, required, chosen);
    }
    let Some((header, above)) = records.split_last().filter(|(_, a)| !a.is_empty()) else {
        return Above::Nothing;
    };
    let d = match delimiter::delimiter(file, &text[header.at..], required, chosen) {
        Ok((d, _)) => d,
        // The header's own error is reported when it is read.
        Err(_) => chosen.map_or(Delimiter::Comma, |(d, _)| d),
    };
    let mut titles = Vec::new();
    let mut errors = Vec::new();
    for r in above {
        let mut cells = cells(text[r.at..r.end].trim_start_matches('\u{feff}'), d);
        match cells.len() {
            0 => {}
            1 => titles.push(TitleLine {
                line: r.line,
                text: cells.remove(0),
            }),
            _ => errors.push(Error::CsvLineAboveHeader {
                file,
                line: r.line,
                header_line: header.line,
                cells,
            }),
        }
    }
    if errors.is_empty() {
        Above::Titles {
            start: header.at,
            titles,
        }
    } else {
        Above::Refused(errors)
    }
}

/// The line of the first record of `text` (which starts at the start of a record, on line
/// `first_line`) that starts at byte `from` or after and names every `required` column as
/// a header does: split by `given`, else by the delimiter told from the record itself, its
/// columns found in any case and by the loader's aliases. `None` when no record does.
/// O(length of `text`); read only for a file refused for a missing column, to say where
/// its header is when title lines stand above it.
pub(crate) fn header_line(
    file: &'static str,
    text: &str,
    (first_line, from): (usize, usize),
    required: &[&'static str],
    given: Option<Delimiter>,
) -> Option<usize> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    let mut fields = csv::StringRecord::new();
    let chosen = given.map(|d| (d, DelimiterFrom::Given));
    loop {
        let start = usize::try_from(reader.position().byte()).ok()?;
        if !reader.read_record(&mut record).ok()? {
            return None;
        }
        let end = usize::try_from(reader.position().byte())
            .ok()?
            .min(text.len());
        // The position before a record may sit on the previous record's line break.
        let Some(raw) = text.get(start..end).filter(|_| start >= from) else {
            continue;
        };
        let raw = raw.trim_start_matches(['\r', '\n']);
        let at = end - raw.len();
        let Ok((d, _)) = delimiter::delimiter(file, raw, required, chosen) else {
            continue;
        };
        if !split(raw, d, &mut fields) {
            continue;
        }
        let has = |name: &&'static str| !matches!(column(&fields, file, name), Column::Missing);
        if required.iter().all(has) {
            // Counted as the loaders count lines: a blank line is one.
            return Some(first_line + lines(&text.as_bytes()[..at]));
        }
    }
}

/// Gives every [`Error::CsvMissingColumn`] of `file` in `errors` without a header line
/// the `line` where a header with every needed column was found.
pub(crate) fn mark_header_line(file: &'static str, line: usize, errors: &mut [Error]) {
    for error in errors {
        if let Error::CsvMissingColumn {
            file: f,
            header_line: at @ None,
            ..
        } = error
            && *f == file
        {
            *at = Some(line);
        }
    }
}
