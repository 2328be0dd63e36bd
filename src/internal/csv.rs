//! CSV text in memory, with typed access to named columns.
//!
//! The same rules for every loader: fields separated by commas; records ended by CRLF, LF
//! or a lone CR; fields in double quotes holding commas, line breaks and doubled quotes
//! (`""` for `"`); a UTF-8 byte-order mark before the header; whitespace around every field
//! and header removed (an HR export's `id , name` is `id,name`); empty and blank lines
//! skipped. The first record is the header; columns are found by name, in any order, and
//! extra columns are ignored.
//!
//! Records are split here rather than by the `csv` crate, with exactly its reading (its
//! reader with `Trim::All` and flexible records, which the tests use as the oracle): a
//! record without a quote, by far the most common, is sliced out of the text in place, so
//! reading costs a scan for line ends and commas and no copy; a record holding a quote
//! goes through the `csv` crate's state machine, byte by byte. The `csv` crate allocated
//! a new record per row to trim it, which made reading a large export ten times slower.
//!
//! That reading is lenient about quotes: a quote inside an unquoted field is kept as a
//! character, and text after a closing quote is appended to the field. RFC 4180 forbids
//! both, and both mostly come from broken quoting that would shift values silently, so a
//! record holding a quote is checked once more and these are reported as
//! [`Error::CsvMisplacedQuote`]; a quote never closed, which makes the rest of the text one
//! field, is [`Error::CsvUnclosedQuote`].
//!
//! Every problem becomes an [`Error`] naming the file and the 1-based line the record starts
//! on (the header is line 1); reading goes on after it, so a caller can report them all.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::ops::Range;

use crate::Error;

/// A CSV file whose header holds every required column.
pub(crate) struct Table<'a> {
    file: &'static str,
    scan: Scanner<'a>,
    width: usize,
    /// Each column's name and position in a record: the required ones, then the optional
    /// ones the header has.
    columns: Vec<(&'static str, usize)>,
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
        let mut scan = Scanner::new(file, text);
        let header: Vec<String> = match scan.next_record() {
            Some(Err(error)) => {
                errors.push(error);
                return None;
            }
            Some(Ok(_)) => (0..scan.fields.len())
                .map(|i| scan.field(i).to_owned())
                .collect(),
            None => Vec::new(),
        };
        let mut table = Table {
            file,
            scan,
            width: header.len(),
            columns: Vec::new(),
        };
        let before = errors.len();
        for &name in required {
            match header.iter().position(|h| h == name) {
                Some(at) => table.columns.push((name, at)),
                None => errors.push(Error::CsvMissingColumn { file, column: name }),
            }
        }
        for &name in optional {
            if let Some(at) = header.iter().position(|h| h == name) {
                table.columns.push((name, at));
            }
        }
        (errors.len() == before).then_some(table)
    }

    /// Calls `each` on every well-formed record after the header, in order. Records with a
    /// quoting error or the wrong number of fields are reported to `errors` and skipped.
    pub(crate) fn rows(
        mut self,
        errors: &mut Vec<Error>,
        each: impl FnMut(&Row<'_>, &mut Vec<Error>),
    ) {
        self.read(errors, each);
    }

    /// [`Table::rows`], keeping the table to ask [`Table::lines`] and
    /// [`Table::saw_quote`] afterwards.
    pub(crate) fn read(
        &mut self,
        errors: &mut Vec<Error>,
        mut each: impl FnMut(&Row<'_>, &mut Vec<Error>),
    ) {
        while let Some(result) = self.scan.next_record() {
            match result {
                Err(error) => errors.push(error),
                Ok(line) if self.scan.fields.len() != self.width => {
                    errors.push(Error::CsvFieldCount {
                        file: self.file,
                        line,
                        expected: self.width,
                        found: self.scan.fields.len(),
                    });
                }
                Ok(line) => {
                    let row = Row {
                        file: self.file,
                        line,
                        scan: &self.scan,
                        columns: &self.columns,
                    };
                    each(&row, errors);
                }
            }
        }
    }
}

/// Reads the records of a text one at a time, as the `csv` crate reads them.
struct Scanner<'a> {
    file: &'static str,
    text: &'a str,
    /// The next byte to read, and where to stop.
    at: usize,
    end: usize,
    /// The line `at` is on.
    line: usize,
    /// The current record's fields: ranges of `text`, or of `unquoted` when the record
    /// held a quote.
    fields: Vec<Range<usize>>,
    unquoted: Option<String>,
    /// Bytes of the record being unquoted.
    buffer: Vec<u8>,
    saw_quote: bool,
}

impl<'a> Scanner<'a> {
    /// A scanner at the start of `text`, after a byte-order mark.
    fn new(file: &'static str, text: &'a str) -> Self {
        let at = if text.starts_with('\u{feff}') { 3 } else { 0 };
        Scanner::part(file, text, at..text.len())
    }

    /// A scanner of `range`, which starts a record, as if the text ended there.
    fn part(file: &'static str, text: &'a str, range: Range<usize>) -> Self {
        Scanner {
            file,
            text,
            at: range.start,
            end: range.end.min(text.len()),
            line: 1,
            fields: Vec::new(),
            unquoted: None,
            buffer: Vec::new(),
            saw_quote: false,
        }
    }

    /// Field `i` of the current record.
    fn field(&self, i: usize) -> &str {
        let Some(range) = self.fields.get(i) else {
            return "";
        };
        let text = self.unquoted.as_deref().unwrap_or(self.text);
        text.get(range.clone()).unwrap_or("")
    }

    /// Reads the next non-blank record; `None` at the end of the text. A record with a
    /// misplaced or unclosed quote is an error (and is consumed). On `Ok`, the record's
    /// first line.
    fn next_record(&mut self) -> Option<Result<usize, Error>> {
        let bytes = &self.text.as_bytes()[..self.end];
        loop {
            // Line ends before a record are blank lines.
            while let Some(&b) = bytes.get(self.at) {
                match b {
                    b'\r' if bytes.get(self.at + 1) == Some(&b'\n') => self.at += 2,
                    b'\r' | b'\n' => self.at += 1,
                    _ => break,
                }
                self.line += 1;
            }
            if self.at >= bytes.len() {
                return None;
            }
            let (start, line) = (self.at, self.line);
            self.fields.clear();
            self.unquoted = None;
            let stop = memchr::memchr3(b'\n', b'\r', b'"', &bytes[start..]).map(|i| start + i);
            let raw_end = match stop {
                Some(i) if bytes[i] == b'"' => {
                    self.saw_quote = true;
                    self.unquote(start)
                }
                _ => {
                    let end = stop.unwrap_or(bytes.len());
                    let mut from = start;
                    for comma in memchr::memchr_iter(b',', &bytes[start..end]) {
                        self.fields.push(trimmed(self.text, from..start + comma));
                        from = start + comma + 1;
                    }
                    self.fields.push(trimmed(self.text, from..end));
                    self.at = end;
                    self.end_record(bytes)
                }
            };
            if self.fields.len() == 1 && self.fields[0].is_empty() {
                continue; // a blank line
            }
            if self.unquoted.is_some()
                && let Some(error) = check_quotes(
                    self.file,
                    line,
                    &self.text[start..raw_end],
                    raw_end == bytes.len(),
                )
            {
                return Some(Err(error));
            }
            return Some(Ok(line));
        }
    }

    /// Consumes the line end at `self.at` (if any); returns the offset just past its first
    /// byte, where the `csv` crate's reader stops.
    fn end_record(&mut self, bytes: &[u8]) -> usize {
        match bytes.get(self.at) {
            Some(b'\r') if bytes.get(self.at + 1) == Some(&b'\n') => {
                self.at += 2;
                self.line += 1;
                self.at - 1
            }
            Some(b'\r' | b'\n') => {
                self.at += 1;
                self.line += 1;
                self.at
            }
            _ => self.at,
        }
    }

    /// Reads a record holding a quote from `start` with the `csv` crate's state machine
    /// (see `csv-core`'s `transition_nfa`: a quote opens a field only at its start, `""`
    /// inside quotes is one quote, anything after a closing quote is appended), into
    /// `unquoted`; returns the offset where the crate's reader stops.
    fn unquote(&mut self, start: usize) -> usize {
        #[derive(Clone, Copy, PartialEq)]
        enum State {
            StartField,
            InField,
            Quoted,
            AfterQuote,
        }
        let bytes = &self.text.as_bytes()[..self.end];
        let mut out = std::mem::take(&mut self.buffer);
        out.clear();
        let mut field_start = 0;
        let mut state = State::StartField;
        let mut i = start;
        while let Some(&b) = bytes.get(i) {
            let line_end = b == b'\n' || b == b'\r';
            match (state, b) {
                (State::Quoted, b'"') => state = State::AfterQuote,
                (State::Quoted, _) => {
                    if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                        self.line += 1;
                    }
                    out.push(b);
                }
                (State::StartField, b'"') => state = State::Quoted,
                (State::AfterQuote, b'"') => {
                    out.push(b'"');
                    state = State::Quoted;
                }
                (_, b',') => {
                    self.fields.push(field_start..out.len());
                    field_start = out.len();
                    state = State::StartField;
                }
                _ if line_end => break,
                _ => {
                    out.push(b);
                    state = State::InField;
                }
            }
            i += 1;
        }
        self.fields.push(field_start..out.len());
        self.at = i;
        let raw_end = self.end_record(bytes);
        // Fields were cut at ASCII bytes of valid UTF-8, so the bytes are valid UTF-8.
        let text = String::from_utf8(out).unwrap_or_default();
        for range in &mut self.fields {
            *range = trimmed(&text, range.clone());
        }
        self.unquoted = Some(text);
        raw_end
    }
}

/// `range` of `text` without the whitespace around it (Unicode's, as `str::trim`).
fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let bytes = text.as_bytes();
    let plain = |b: Option<&u8>| b.is_some_and(|&b| (0x21..0x7f).contains(&b));
    if range.is_empty() || (plain(bytes.get(range.start)) && plain(bytes.get(range.end - 1))) {
        return range;
    }
    let Some(field) = text.get(range.clone()) else {
        return range;
    };
    let start = range.start + (field.len() - field.trim_start().len());
    start..start + field.trim().len()
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

/// One well-formed record, read by column name.
pub(crate) struct Row<'r> {
    file: &'static str,
    line: usize,
    scan: &'r Scanner<'r>,
    columns: &'r [(&'static str, usize)],
}

impl<'r> Row<'r> {
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
            .map(|&(_, at)| self.field(at))
    }

    /// The text of field `at` (see [`Table::column`]).
    pub(crate) fn field(&self, at: usize) -> &'r str {
        self.scan.field(at)
    }

    /// The text of a required column (empty for a column the table lacks).
    pub(crate) fn text(&self, column: &'static str) -> &'r str {
        self.get(column).unwrap_or("")
    }

    /// An [`Error::CsvInvalidValue`] for the column's value.
    pub(crate) fn invalid(&self, column: &'static str, expected: &'static str) -> Error {
        Error::CsvInvalidValue {
            file: self.file,
            line: self.line,
            column,
            found: self.text(column).to_owned(),
            expected,
        }
    }

    /// An [`Error::CsvUnknownReference`]: the column's value is not a key of `target`.
    pub(crate) fn unknown(&self, column: &'static str, target: &'static str) -> Error {
        self.unknown_near(column, target, None)
    }

    /// [`Row::unknown`] with the closest key `target` holds.
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
            found: self.text(column).to_owned(),
            target,
            nearest,
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

    /// The column's text when it is not empty (nor whitespace only).
    pub(crate) fn non_empty(
        &self,
        column: &'static str,
        errors: &mut Vec<Error>,
    ) -> Option<&'r str> {
        let text = self.text(column);
        if text.is_empty() {
            errors.push(self.invalid(column, "a non-empty value"));
            return None;
        }
        Some(text)
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

    /// The column as a plain decimal number `d+` or `d+.d+` with at most 18 digits.
    pub(crate) fn decimal(&self, column: &'static str) -> Option<Decimal> {
        Decimal::parse(self.text(column))
    }
}

/// Remembers the line each key was first seen on, to report repeats.
pub(crate) struct Seen<K> {
    first: HashMap<K, usize>,
}

impl<K: std::hash::Hash + Eq> Seen<K> {
    pub(crate) fn new() -> Self {
        Seen {
            first: HashMap::new(),
        }
    }

    /// Records `key` at the row's line; when it was seen before, returns an
    /// [`Error::CsvDuplicateKey`] naming both lines.
    pub(crate) fn check(
        &mut self,
        row: &Row<'_>,
        key: K,
        column: &'static str,
        shown: impl FnOnce() -> String,
    ) -> Result<(), Error> {
        match self.first.entry(key) {
            Entry::Vacant(v) => {
                v.insert(row.line);
                Ok(())
            }
            Entry::Occupied(o) => Err(Error::CsvDuplicateKey {
                file: row.file,
                line: row.line,
                column,
                key: shown(),
                first_line: *o.get(),
            }),
        }
    }
}

/// An exact non-negative decimal number: `units / 10^scale`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Decimal {
    units: u64,
    scale: u32,
}

impl Decimal {
    /// Parses `d+` or `d+.d+` (ASCII digits, at most 18 of them).
    pub(crate) fn parse(text: &str) -> Option<Decimal> {
        let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
        let digits = || whole.bytes().chain(fraction.bytes());
        let well_formed = !whole.is_empty()
            && fraction.is_empty() != text.contains('.')
            && digits().all(|b| b.is_ascii_digit())
            && whole.len() + fraction.len() <= 18;
        if !well_formed {
            return None;
        }
        let units = digits().fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
        Some(Decimal {
            units,
            scale: fraction.len() as u32,
        })
    }

    /// `10^scale`, the denominator.
    fn denominator(self) -> u128 {
        10u128.pow(self.scale)
    }

    /// Whether the number lies in `low..=high`.
    pub(crate) fn within(self, low: u32, high: u32) -> bool {
        let units = u128::from(self.units);
        units >= u128::from(low) * self.denominator()
            && units <= u128::from(high) * self.denominator()
    }

    /// `⌈self × numerator / denominator⌉`, exactly.
    pub(crate) fn ceil_ratio(self, numerator: u32, denominator: u32) -> u128 {
        let top = u128::from(self.units) * u128::from(numerator);
        let bottom = u128::from(denominator) * self.denominator();
        top.div_ceil(bottom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every well-formed record of `text` (the first is the header) as owned fields, and
    /// the errors.
    fn records(text: &str) -> (Vec<(usize, Vec<String>)>, Vec<Error>) {
        let mut scan = Scanner::new("t.csv", text);
        let (mut out, mut errors) = (Vec::new(), Vec::new());
        while let Some(r) = scan.next_record() {
            match r {
                Ok(line) => out.push((
                    line,
                    (0..scan.fields.len())
                        .map(|i| scan.field(i).to_owned())
                        .collect(),
                )),
                Err(e) => errors.push(e),
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
                row(5, &["", ""]),
                row(6, &["3", ""]),
            ]
        );
    }

    #[test]
    fn whitespace_around_fields_and_blank_lines_are_dropped() {
        let (rows, errors) = records(" a , b\t\r\n  \r\n x ,\"q\"  \n\u{a0}\n");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(rows, [row(1, &["a", "b"]), row(3, &["x", "q"])]);
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

    /// The reading this module replaces, kept as the oracle: the `csv` crate's reader
    /// (`Trim::All`, flexible, no headers), lines counted from byte offsets, quotes
    /// checked on the record's raw text.
    fn oracle(text: &str) -> (Vec<(usize, Vec<String>)>, Vec<Error>) {
        let mut reader = ::csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .trim(::csv::Trim::All)
            .from_reader(text.as_bytes());
        let bytes = text.as_bytes();
        let mut record = ::csv::StringRecord::new();
        let (mut out, mut errors) = (Vec::new(), Vec::new());
        let (mut counted, mut line) = (0, 1);
        loop {
            let from = usize::try_from(reader.position().byte()).unwrap_or(usize::MAX);
            if !reader.read_record(&mut record).unwrap_or(false) {
                break;
            }
            let mut start = from.min(bytes.len());
            // (The reading this replaced missed this, and numbered a record after a
            // byte-order mark and blank lines as line 1.)
            if start == 0 && text.starts_with('\u{feff}') {
                start = 3;
            }
            while matches!(bytes.get(start), Some(b'\r' | b'\n')) {
                start += 1;
            }
            let end = usize::try_from(reader.position().byte())
                .unwrap_or(usize::MAX)
                .min(bytes.len())
                .max(start);
            while counted < start {
                match bytes[counted] {
                    b'\n' => line += 1,
                    b'\r' if bytes.get(counted + 1) != Some(&b'\n') => line += 1,
                    _ => {}
                }
                counted += 1;
            }
            if record.len() == 1 && record[0].is_empty() {
                continue;
            }
            let raw = &text[start..end];
            if raw.contains('"')
                && let Some(error) = check_quotes("t.csv", line, raw, end == bytes.len())
            {
                errors.push(error);
                continue;
            }
            out.push((line, record.iter().map(str::to_owned).collect()));
        }
        (out, errors)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]

        /// Records, lines and quoting errors are exactly the `csv` crate's, on texts made of
        /// the characters that matter: delimiters, quotes, every line end, whitespace
        /// (Unicode's too), a byte-order mark and a multi-byte letter.
        #[test]
        fn records_are_the_csv_crates(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "bc", ",", "\"", "\"\"", "\n", "\r", "\r\n", " ", "\t", "\u{a0}",
                    "\u{feff}", "é", "x y",
                ]),
                0..40,
            )
        ) {
            let text: String = pieces.concat();
            proptest::prop_assert_eq!(records(&text), oracle(&text));
        }
    }

    #[test]
    fn decimals_are_exact() {
        let d = |s| Decimal::parse(s).unwrap();
        assert_eq!(d("4.75").ceil_ratio(5, 7), 4);
        assert_eq!(d("1.4").ceil_ratio(5, 7), 1);
        assert_eq!(d("1.40000001").ceil_ratio(5, 7), 2);
        assert_eq!(d("0").ceil_ratio(5, 7), 0);
        assert!(d("7.00").within(0, 7) && !d("7.01").within(0, 7));
        for bad in [
            "",
            ".5",
            "5.",
            "1e3",
            "-1",
            "+1",
            "1.2.3",
            " 1",
            "1234567890123456789",
        ] {
            assert_eq!(Decimal::parse(bad), None, "{bad}");
        }
    }
}
