//! One well-formed record ([`Row`]) read by column name into typed values, each problem an
//! error naming the file, line and column; the [`Header`] it is read by; and [`Seen`], which
//! reports repeated keys.

use std::borrow::Cow;
use std::collections::HashMap;
use std::collections::hash_map::Entry;

use super::decimal::Decimal;
use crate::Error;
use crate::model::quote::needs_csv_quotes;

/// What a header gave: the record width and where each column the loader reads is.
#[derive(Clone, Debug)]
pub(crate) struct Header {
    pub(crate) width: usize,
    /// Each column's name and position in a record: the required ones, then the optional
    /// ones the header has.
    pub(crate) columns: Vec<(&'static str, usize)>,
    /// The position in a record of each column asked for, required then optional ones,
    /// in the order asked (`None`: an optional column the header lacks).
    pub(crate) slots: Vec<Option<usize>>,
    /// The header's fields as read (trimmed), to tell a copy of the header further down
    /// (two exports joined into one file) from a row.
    pub(crate) names: Vec<String>,
    /// The delimiter fields are separated by, and how it was chosen.
    pub(crate) delimiter: (super::Delimiter, super::DelimiterFrom),
    /// The title lines read past above it (see `csv/title.rs`).
    pub(crate) titles: Vec<super::TitleLine>,
    /// Its columns without a name, and the rows read holding a value in each.
    pub(crate) unheaded: super::Unheaded,
    /// The columns read from a part of their header (see [`super::HeaderPart`]).
    pub(crate) parts: Vec<super::HeaderPart>,
}

impl Header {
    /// Notes column `name` read from a part of its header in `header`, when `found` says
    /// it was.
    pub(super) fn part_read(
        &mut self,
        name: &'static str,
        found: &super::columns::Column,
        header: &csv::StringRecord,
    ) {
        if let super::columns::Column::Part { at, part } = found {
            self.parts.push(super::HeaderPart {
                column: name,
                position: at + 1,
                header: header.get(*at).unwrap_or_default().to_owned(),
                part: part.clone(),
            });
        }
    }

    /// Takes `names`, the header's fields as read (trimmed), as its names, and notes
    /// those that are empty (see [`super::Unheaded`]).
    pub(crate) fn name_columns<'n>(&mut self, names: impl Iterator<Item = &'n str> + Clone) {
        self.names = names.clone().map(str::to_owned).collect();
        self.unheaded = super::Unheaded::new(names);
    }

    /// Whether `record` is the header again: the same fields in the same order, in any
    /// ASCII case, empty fields at the end and a byte-order mark before it aside (each
    /// export joined may start with one), or Excel's `sep=,` line that precedes a header.
    pub(crate) fn repeated_by(&self, record: &csv::StringRecord) -> bool {
        is_separator_line(record) || self.repeated_in(record.iter())
    }

    /// Whether `row`, a record of the header's width that a reader split itself rather
    /// than through the `csv` crate, is the header again, as [`Header::repeated_by`] tells
    /// (a `sep=` line, of two fields, never has the width of a header that reads).
    pub(crate) fn repeated_by_row(&self, row: &Row<'_>) -> bool {
        self.repeated_in(row.spans.iter().map(|&(from, to)| &row.text[from..to]))
    }

    /// Whether `fields` are the header's names, as [`Header::repeated_by`] compares them.
    fn repeated_in<'a>(&self, fields: impl Iterator<Item = &'a str> + Clone) -> bool {
        let width = significant(self.names.iter().map(String::as_str));
        // Field by field first: a row differs from the header at its first field.
        width > 0
            && (fields.clone().take(width).zip(&self.names).enumerate()).all(
                |(i, (field, name))| {
                    let field = if i == 0 {
                        field.trim_start_matches('\u{feff}').trim_start()
                    } else {
                        field
                    };
                    field.eq_ignore_ascii_case(name)
                },
            )
            && significant(fields) == width
    }
}

/// Whether `record` is Excel's `sep=,` line, which declares the separator before the
/// header (read with commas: `sep=` and an empty field).
pub(super) fn is_separator_line(record: &csv::StringRecord) -> bool {
    record.len() == 2 && record[0].eq_ignore_ascii_case("sep=") && record[1].is_empty()
}

/// The number of fields up to the last non-empty one.
pub(super) fn significant<'a>(fields: impl Iterator<Item = &'a str>) -> usize {
    let mut width = 0;
    for (i, field) in fields.enumerate() {
        if !field.is_empty() {
            width = i + 1;
        }
    }
    width
}

/// A record [`Table::rows`](super::Table::rows) skipped for a quoting error or its number of fields, by the
/// value of its key, the first column the table was opened with (`id` in `officers.csv`),
/// as far as it reads (in a record with fields missing or added before the key, it may
/// be another field's value).
#[derive(Clone, Debug)]
pub(crate) struct Refused {
    pub(crate) key: String,
    /// The 1-based line the record starts on.
    pub(crate) line: usize,
}

/// The keys of the records [`Table::rows`](super::Table::rows) skipped, each with the
/// first line it starts on: a row of another file naming one is reported as naming a
/// record not read ([`Error::CsvRefusedReference`]), not as naming a key the file does not
/// hold. O(keys).
pub(crate) fn refused_keys(refused: &[Refused]) -> HashMap<String, usize> {
    let mut keys = HashMap::with_capacity(refused.len());
    for r in refused {
        keys.entry(r.key.as_str().into()).or_insert(r.line);
    }
    keys
}

/// One well-formed record, read by column name.
pub(crate) struct Row<'r> {
    pub(super) file: &'static str,
    pub(super) line: usize,
    /// The record's fields, trimmed: field `i` is `text[spans[i].0..spans[i].1]`.
    pub(super) text: &'r str,
    pub(super) spans: &'r [(usize, usize)],
    pub(super) columns: &'r [(&'static str, usize)],
    pub(super) slots: &'r [Option<usize>],
    /// The quoted fields whose text as written has whitespace at either end that
    /// trimming took away, each as (field index, text between its quotes), by index.
    pub(super) written: &'r [(usize, Cow<'r, str>)],
}

impl<'r> Row<'r> {
    /// A record at `line` of `file` whose fields are `text[spans[i].0..spans[i].1]`.
    pub(crate) fn new(
        file: &'static str,
        line: usize,
        text: &'r str,
        spans: &'r [(usize, usize)],
        header: &'r Header,
    ) -> Self {
        Row {
            file,
            line,
            text,
            spans,
            columns: &header.columns,
            slots: &header.slots,
            written: &[],
        }
    }

    /// The row with `written`, its quoted fields whose text as written trimming changed
    /// (see [`Row::id_in`]), sorted by field index.
    pub(super) fn with_written(self, written: &'r [(usize, Cow<'r, str>)]) -> Self {
        Row { written, ..self }
    }

    /// The column's text as [`Row::id_in`] reads an id: as written between its quotes
    /// for a quoted field that trimming changes, else trimmed ([`Row::text`]), so that
    /// an unknown reference names the id read. O(columns + log quoted fields).
    fn as_id(&self, column: &'static str) -> &str {
        let written: &[(usize, Cow<'_, str>)] = self.written;
        (self.columns.iter())
            .find(|(name, _)| *name == column)
            .and_then(|&(_, at)| written.binary_search_by_key(&at, |&(i, _)| i).ok())
            .map_or_else(|| self.text(column), |i| written[i].1.as_ref())
    }

    /// `text`, the trimmed text of the `k`-th column (as [`Row::nth`] numbers them), as
    /// an id: the column's text as written between its quotes, whitespace around it kept,
    /// when it is a quoted field (`"p "` is the id `p `, `"d "` the department `d `), as a
    /// JSON string is read as written; else `text`, the spaces around an unquoted field
    /// being the CSV layout (`o1 , d`). So one export gives the same ids as CSV and as
    /// JSON; ids apart only in such spaces are kept apart, and named as lookalikes by the
    /// reviews. A written text holding a control or invisible character is reported as
    /// [`Row::id_text`] reports one, and gives `None`. O(log quoted fields).
    pub(crate) fn id_in(
        &self,
        (k, column): (usize, &'static str),
        text: &'r str,
        errors: &mut Vec<Error>,
    ) -> Option<&'r str> {
        let written: &'r [(usize, Cow<'r, str>)] = self.written;
        let Some(at) = self.slots.get(k).copied().flatten() else {
            return Some(text);
        };
        let Ok(i) = written.binary_search_by_key(&at, |&(i, _)| i) else {
            return Some(text);
        };
        let as_written: &'r str = written[i].1.as_ref();
        if crate::model::quote::has_hidden(as_written) {
            errors.push(Error::CsvInvalidValue {
                file: self.file,
                line: self.line,
                column,
                found: as_written.to_owned(),
                expected: "an id without control or invisible characters".into(),
                entry: None,
            });
            return None;
        }
        Some(as_written)
    }

    /// The text of the `k`-th column the table was opened with (required ones first, then
    /// optional ones, in the order given), `None` for an optional column the header
    /// lacks: [`Row::get`] without looking the name up.
    pub(crate) fn nth(&self, k: usize) -> Option<&'r str> {
        self.slots
            .get(k)
            .copied()
            .flatten()
            .and_then(|at| self.field(at))
    }

    /// The first column read whose text holds U+FFFD, the character a decoder puts for
    /// bytes that are not UTF-8 (see [`NOT_REPLACED`](super::missing::NOT_REPLACED)), with
    /// its position in the record; `None` at once for an ASCII record.
    pub(crate) fn replaced(&self) -> Option<(&'static str, usize)> {
        if self.text.is_ascii() {
            return None;
        }
        (self.columns.iter().copied())
            .find(|&(_, at)| self.field(at).is_some_and(|t| t.contains('\u{fffd}')))
    }

    /// [`Row::nth`] as bytes, without the character-boundary checks of a `&str` slice;
    /// empty for an optional column the header lacks.
    #[inline]
    pub(crate) fn nth_bytes(&self, k: usize) -> &'r [u8] {
        let Some(&Some(at)) = self.slots.get(k) else {
            return b"";
        };
        let Some(&(start, end)) = self.spans.get(at) else {
            return b"";
        };
        self.text.as_bytes().get(start..end).unwrap_or(b"")
    }

    /// The 1-based line the record starts on.
    pub(crate) fn line(&self) -> usize {
        self.line
    }

    /// The text of a column the table has (surrounding whitespace removed), `None` for an
    /// optional column the header lacks.
    pub(crate) fn get(&self, column: &'static str) -> Option<&'r str> {
        self.columns
            .iter()
            .find(|(name, _)| *name == column)
            .and_then(|&(_, at)| self.field(at))
    }

    /// Field `at` of the record (surrounding whitespace removed).
    fn field(&self, at: usize) -> Option<&'r str> {
        let &(start, end) = self.spans.get(at)?;
        self.text.get(start..end)
    }

    /// The text of a required column (empty for a column the table lacks).
    pub(crate) fn text(&self, column: &'static str) -> &'r str {
        self.get(column).unwrap_or("")
    }

    /// An [`Error::CsvInvalidValue`] for the column's value.
    pub(crate) fn invalid(
        &self,
        column: &'static str,
        expected: impl Into<std::borrow::Cow<'static, str>>,
    ) -> Error {
        Error::CsvInvalidValue {
            file: self.file,
            line: self.line,
            column,
            found: self.text(column).to_owned(),
            expected: expected.into(),
            entry: None,
        }
    }

    /// An [`Error::CsvUnknownReference`]: the column's value is not a key of `target`.
    pub(crate) fn unknown(&self, column: &'static str, target: &'static str) -> Error {
        self.unknown_near(column, target, None)
    }

    /// The error of the column's value not being a key of `target`: an
    /// [`Error::CsvRefusedReference`] when it is the key of a record of `target` skipped
    /// for its own problem (`refused`, see [`refused_keys`]), else [`Row::unknown`].
    pub(crate) fn not_in(
        &self,
        column: &'static str,
        target: &'static str,
        refused: &HashMap<String, usize>,
    ) -> Error {
        match refused.get(self.text(column)) {
            Some(&line) => self.refused(column, target, line),
            None => self.unknown(column, target),
        }
    }

    /// [`Row::unknown`] with the closest key `target` holds, and how a cell writes it
    /// whether only a quoted one does (see [`needs_csv_quotes`]).
    pub(crate) fn unknown_near(
        &self,
        column: &'static str,
        target: &'static str,
        nearest: Option<String>,
    ) -> Error {
        Error::CsvUnknownReference {
            file: self.file,
            line: self.line,
            column,
            found: self.as_id(column).to_owned(),
            target,
            quote_nearest: nearest.as_deref().is_some_and(needs_csv_quotes),
            nearest,
        }
    }

    /// An [`Error::CsvRefusedReference`]: the column's value is the key of the record of
    /// `target` at `target_line`, which was not read.
    pub(crate) fn refused(
        &self,
        column: &'static str,
        target: &'static str,
        target_line: usize,
    ) -> Error {
        Error::CsvRefusedReference {
            file: self.file,
            line: self.line,
            column,
            found: self.text(column).to_owned(),
            target,
            target_line,
        }
    }

    /// An [`Error::CsvRow`]: `error` found in the column's value.
    pub(crate) fn at(&self, column: &'static str, error: Error) -> Error {
        Error::CsvRow {
            file: self.file,
            line: self.line,
            column,
            error: Box::new(error),
        }
    }

    /// The column's text when it shows something: a label, title or name of only
    /// whitespace and invisible characters (a zero-width space) is empty, as
    /// [`Error::EmptyName`] has it, so a loaded spec never holds a name the framework
    /// refuses.
    pub(crate) fn non_empty(
        &self,
        column: &'static str,
        errors: &mut Vec<Error>,
    ) -> Option<&'r str> {
        let text = self.text(column);
        if crate::model::quote::is_blank(text) {
            errors.push(self.invalid(column, "a non-empty value"));
            return None;
        }
        Some(text)
    }

    /// [`Row::non_empty`] for `text`, the column's text found already.
    pub(crate) fn non_empty_text(
        &self,
        column: &'static str,
        text: &'r str,
        errors: &mut Vec<Error>,
    ) -> Option<&'r str> {
        if text.is_empty() {
            errors.push(self.invalid(column, "a non-empty value"));
            return None;
        }
        Some(text)
    }

    /// `text`, the column's text, when it is a usable id: not empty, and without a control or
    /// invisible character (which would make it print like another id, as in JSON).
    pub(crate) fn id_text(
        &self,
        column: &'static str,
        text: &'r str,
        errors: &mut Vec<Error>,
    ) -> Option<&'r str> {
        let text = self.non_empty_text(column, text, errors)?;
        if crate::model::quote::has_hidden(text) {
            errors.push(self.invalid(column, "an id without control or invisible characters"));
            return None;
        }
        Some(text)
    }

    /// Whether each of `columns` holds its number as it prints, without leading zeros
    /// (`1`, not `01`), as [`Seen::check`] takes it.
    pub(crate) fn plain_numbers(&self, columns: &[&'static str]) -> bool {
        columns.iter().all(|&column| {
            let text = self.text(column);
            text.len() < 2 || !text.starts_with('0')
        })
    }

    /// The column as a whole number (ASCII digits only) that fits in a `u32`.
    pub(crate) fn number(&self, column: &'static str, errors: &mut Vec<Error>) -> Option<u32> {
        let text = self.text(column);
        let parsed = if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
            text.parse().ok()
        } else {
            None
        };
        if parsed.is_none() {
            errors.push(self.invalid(column, "a whole number below 4294967296"));
        }
        parsed
    }

    /// The column's text when it is one of `allowed`.
    pub(crate) fn one_of(
        &self,
        column: &'static str,
        allowed: &[&str],
        expected: &'static str,
        errors: &mut Vec<Error>,
    ) -> Option<&'r str> {
        let text = self.text(column);
        if allowed.contains(&text) {
            Some(text)
        } else {
            errors.push(self.invalid(column, expected));
            None
        }
    }

    /// The column as a plain decimal number `d+` or `d+.d+` (or `d+,d+`, see
    /// [`Decimal::parse`]), with any number of digits.
    pub(crate) fn decimal(&self, column: &'static str) -> Option<Decimal<'r>> {
        Decimal::parse(self.text(column))
    }
}

/// Remembers the line each key was first seen on, to report repeats.
///
/// Numeric ids are keyed as `usize` (pairs as `(usize, usize)`), types whose hash maps
/// the module already compiles, so that no map is compiled for `u32` keys alone. A key
/// written otherwise than it prints (`01` for the number 1) also keeps its text, so that a
/// repeat shows both rows' texts.
pub(crate) struct Seen<K> {
    first: HashMap<K, usize>,
    /// The text of each key first written otherwise than it prints.
    written: HashMap<K, String>,
}

impl<K: std::hash::Hash + Eq + Clone> Seen<K> {
    pub(crate) fn new() -> Self {
        Seen {
            first: HashMap::new(),
            written: HashMap::new(),
        }
    }

    /// Records `key` at the row's line; when it was seen before, returns an
    /// [`Error::CsvDuplicateKey`] naming both lines, and both texts when the rows write
    /// the key differently (`01` on one, `1` on the other). `shown(true)` is the key as
    /// this row writes it, `shown(false)` as it prints; `plain` says that they are one
    /// text (see [`Row::plain_numbers`]), so that only keys written otherwise are kept.
    pub(crate) fn check(
        &mut self,
        row: &Row<'_>,
        key: K,
        column: &'static str,
        plain: bool,
        shown: impl Fn(bool) -> String,
    ) -> Result<(), Error> {
        match self.first.entry(key) {
            Entry::Vacant(v) => {
                if !plain {
                    self.written.insert(v.key().clone(), shown(true));
                }
                v.insert(row.line);
                Ok(())
            }
            Entry::Occupied(o) => {
                let here = shown(true);
                let there = match self.written.get(o.key()) {
                    Some(text) => text.clone(),
                    None => shown(false),
                };
                Err(Error::CsvDuplicateKey {
                    file: row.file,
                    line: row.line,
                    column,
                    first_key: (there != here).then_some(there),
                    key: here,
                    first_line: *o.get(),
                })
            }
        }
    }
}

impl Seen<usize> {
    /// [`Seen::check`] for the number `id`, read from `column` of the row.
    pub(crate) fn check_number(
        &mut self,
        row: &Row<'_>,
        id: u32,
        column: &'static str,
    ) -> Result<(), Error> {
        let plain = row.plain_numbers(&[column]);
        let shown = |written: bool| {
            if written {
                row.text(column).to_owned()
            } else {
                id.to_string()
            }
        };
        self.check(row, id as usize, column, plain, shown)
    }
}
