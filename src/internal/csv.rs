//! A small RFC 4180 CSV reader over text in memory, with typed access to named columns.
//!
//! Accepted: fields separated by commas; records ended by CRLF, LF or a lone CR; fields in
//! double quotes holding commas, line breaks and doubled quotes (`""` for `"`); a UTF-8 byte
//! order mark before the header; empty lines (skipped). The first record is the header;
//! columns are found by name, in any order, and extra columns are ignored.
//!
//! Every problem becomes an [`Error`] naming the file and the 1-based line the record starts
//! on (the header is line 1); reading goes on after it, so a caller can report them all.

use std::borrow::Cow;
use std::collections::HashMap;
use std::collections::hash_map::Entry;

use crate::Error;

/// Reads records one by one.
struct Reader<'a> {
    file: &'static str,
    text: &'a str,
    /// Byte offset of the next unread character.
    pos: usize,
    /// 1-based line of `pos`.
    line: usize,
}

impl<'a> Reader<'a> {
    fn new(file: &'static str, text: &'a str) -> Self {
        Reader {
            file,
            text: text.strip_prefix('\u{feff}').unwrap_or(text),
            pos: 0,
            line: 1,
        }
    }

    /// Length of the line break at `at`, if there is one.
    fn line_break(&self, at: usize) -> Option<usize> {
        match self.text.as_bytes().get(at) {
            Some(b'\r') if self.text.as_bytes().get(at + 1) == Some(&b'\n') => Some(2),
            Some(b'\n' | b'\r') => Some(1),
            _ => None,
        }
    }

    /// Moves past the line break at `pos`, if any.
    fn consume_line_break(&mut self) {
        if let Some(n) = self.line_break(self.pos) {
            self.pos += n;
            self.line += 1;
        }
    }

    /// Skips the rest of the current line after a syntax error.
    fn skip_line(&mut self) {
        let bytes = self.text.as_bytes();
        while self.pos < bytes.len() && self.line_break(self.pos).is_none() {
            self.pos += 1;
        }
        self.consume_line_break();
    }

    /// Reads the next record into `fields` and returns the line it starts on; `None` at the
    /// end of the text. After an unclosed quote the rest of the text is consumed.
    fn next_record(&mut self, fields: &mut Vec<Cow<'a, str>>) -> Option<Result<usize, Error>> {
        fields.clear();
        while self.pos < self.text.len() && self.line_break(self.pos).is_some() {
            self.consume_line_break();
        }
        if self.pos >= self.text.len() {
            return None;
        }
        let start_line = self.line;
        let bytes = self.text.as_bytes();
        loop {
            let end = if bytes.get(self.pos) == Some(&b'"') {
                match self.quoted_field() {
                    Ok(field) => {
                        fields.push(field);
                        self.pos
                    }
                    Err(error) => return Some(Err(error)),
                }
            } else {
                let start = self.pos;
                let mut end = start;
                while let Some(&b) = bytes.get(end) {
                    if matches!(b, b',' | b'\n' | b'\r' | b'"') {
                        break;
                    }
                    end += 1;
                }
                fields.push(Cow::Borrowed(&self.text[start..end]));
                end
            };
            match bytes.get(end) {
                None => {
                    self.pos = end;
                    return Some(Ok(start_line));
                }
                Some(b',') => self.pos = end + 1,
                Some(b'\n' | b'\r') => {
                    self.pos = end;
                    self.consume_line_break();
                    return Some(Ok(start_line));
                }
                Some(_) => {
                    // A quote inside an unquoted field, or text right after a closing quote.
                    let error = Error::CsvMisplacedQuote {
                        file: self.file,
                        line: self.line,
                        field: fields.len(),
                    };
                    self.pos = end;
                    self.skip_line();
                    return Some(Err(error));
                }
            }
        }
    }

    /// Reads a quoted field starting at the opening quote at `pos`, leaving `pos` just after
    /// the closing quote.
    fn quoted_field(&mut self) -> Result<Cow<'a, str>, Error> {
        let text = self.text;
        let bytes = text.as_bytes();
        let opened_on = self.line;
        let start = self.pos + 1;
        let mut owned: Option<String> = None;
        let mut segment = start;
        let mut i = start;
        loop {
            match bytes.get(i) {
                None => {
                    self.pos = bytes.len();
                    return Err(Error::CsvUnclosedQuote {
                        file: self.file,
                        line: opened_on,
                    });
                }
                Some(b'"') if bytes.get(i + 1) == Some(&b'"') => {
                    // Keep one quote of the pair.
                    owned
                        .get_or_insert_with(String::new)
                        .push_str(&text[segment..=i]);
                    i += 2;
                    segment = i;
                }
                Some(b'"') => break,
                Some(_) => {
                    if let Some(n) = self.line_break(i) {
                        self.line += 1;
                        i += n;
                    } else {
                        i += 1;
                    }
                }
            }
        }
        self.pos = i + 1;
        Ok(match owned {
            Some(mut s) => {
                s.push_str(&text[segment..i]);
                Cow::Owned(s)
            }
            None => Cow::Borrowed(&text[start..i]),
        })
    }
}

/// A CSV file whose header holds every required column.
pub(crate) struct Table<'a> {
    reader: Reader<'a>,
    width: usize,
    /// Each required column's name and position in a record.
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
        let mut reader = Reader::new(file, text);
        let mut header = Vec::new();
        if let Some(Err(error)) = reader.next_record(&mut header) {
            errors.push(error);
            return None;
        }
        let mut columns = Vec::with_capacity(required.len());
        let before = errors.len();
        for &name in required {
            match header.iter().position(|h| h == name) {
                Some(at) => columns.push((name, at)),
                None => errors.push(Error::CsvMissingColumn { file, column: name }),
            }
        }
        (errors.len() == before).then_some(Table {
            reader,
            width: header.len(),
            columns,
        })
    }

    /// Calls `each` on every well-formed record after the header, in order. Records with a
    /// syntax error or the wrong number of fields are reported to `errors` and skipped.
    pub(crate) fn rows(
        mut self,
        errors: &mut Vec<Error>,
        mut each: impl FnMut(&Row<'_>, &mut Vec<Error>),
    ) {
        let mut fields = Vec::with_capacity(self.width);
        while let Some(record) = self.reader.next_record(&mut fields) {
            match record {
                Err(error) => errors.push(error),
                Ok(line) if fields.len() != self.width => errors.push(Error::CsvFieldCount {
                    file: self.reader.file,
                    line,
                    expected: self.width,
                    found: fields.len(),
                }),
                Ok(line) => {
                    let row = Row {
                        file: self.reader.file,
                        line,
                        fields: &fields,
                        columns: &self.columns,
                    };
                    each(&row, errors);
                }
            }
        }
    }
}

/// One well-formed record, read by column name.
pub(crate) struct Row<'r> {
    file: &'static str,
    line: usize,
    fields: &'r [Cow<'r, str>],
    columns: &'r [(&'static str, usize)],
}

impl<'r> Row<'r> {
    /// The 1-based line the record starts on.
    pub(crate) fn line(&self) -> usize {
        self.line
    }

    /// The text of a required column (empty for a name the table was not opened with).
    pub(crate) fn text(&self, column: &'static str) -> &'r str {
        self.columns
            .iter()
            .find(|(name, _)| *name == column)
            .and_then(|&(_, at)| self.fields.get(at))
            .map_or("", |f| &**f)
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
        Error::CsvUnknownReference {
            file: self.file,
            line: self.line,
            column,
            found: self.text(column).to_owned(),
            target,
        }
    }

    /// The column's text when it is not empty.
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

    /// Every record of `text` as owned fields, or the errors.
    fn records(text: &str) -> (Vec<(usize, Vec<String>)>, Vec<Error>) {
        let mut reader = Reader::new("t.csv", text);
        let mut fields = Vec::new();
        let mut out = Vec::new();
        let mut errors = Vec::new();
        while let Some(r) = reader.next_record(&mut fields) {
            match r {
                Ok(line) => out.push((line, fields.iter().map(ToString::to_string).collect())),
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
    fn lone_cr_ends_a_record_and_trailing_comma_adds_an_empty_field() {
        let (rows, errors) = records("a,b,\rc");
        assert!(errors.is_empty());
        assert_eq!(rows, [row(1, &["a", "b", ""]), row(2, &["c"])]);
    }

    #[test]
    fn misplaced_quotes_are_reported_and_reading_goes_on() {
        let (rows, errors) = records("a,b\"c\n\"x\"y,z\nok,1\n");
        assert_eq!(rows, [row(3, &["ok", "1"])]);
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
