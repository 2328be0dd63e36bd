//! Finds a header below title lines: an HR export saved from a spreadsheet often starts
//! with lines such as `Officers report`, `Generated on …` and a blank line above its
//! header. A file whose header lacks a needed column is refused; these functions find the
//! line that has them all, for the error to name.

use super::columns::{Column, column};
use super::delimiter::{self, Delimiter, DelimiterFrom};
use super::plain::lines;
use crate::Error;

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
        let mut split = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(d.byte())
            .from_reader(raw.as_bytes());
        if !split.read_record(&mut fields).unwrap_or(false) {
            continue;
        }
        fields.trim();
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
