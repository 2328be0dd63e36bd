//! The records of a [`Table`] after its header, one [`Row`] at a time.

use std::borrow::Cow;

use super::missing::NOT_REPLACED;
use super::row::significant;
use super::{Refused, Row, Table};
use crate::Error;

/// Pushes to `out`, as (field index, its text), each quoted field of `raw`, one
/// record's text as written with fields separated by `sep`, whose text has whitespace at
/// either end, which reading trims; the text is what lies between the quotes, a doubled
/// quote (`""`) read as one. O(length of `raw`), nothing for a record without a quote.
pub(super) fn as_written<'t>(raw: &'t str, sep: u8, out: &mut Vec<(usize, Cow<'t, str>)>) {
    if !raw.contains('"') {
        return;
    }
    let bytes = raw.as_bytes();
    let (mut at, mut field) = (0, 0);
    while at < bytes.len() {
        if bytes[at] == b'"' {
            // Quotes in a well-formed record (others are refused before rows are read)
            // close the field just before its delimiter or the end of the record.
            let mut close = at + 1;
            let mut doubled = false;
            while close < bytes.len() {
                if bytes[close] == b'"' {
                    if bytes.get(close + 1) == Some(&b'"') {
                        doubled = true;
                        close += 2;
                        continue;
                    }
                    break;
                }
                close += 1;
            }
            let text = &raw[at + 1..close.min(raw.len())];
            if text.len() != text.trim().len() {
                let text = if doubled {
                    Cow::Owned(text.replace("\"\"", "\""))
                } else {
                    Cow::Borrowed(text)
                };
                out.push((field, text));
            }
            at = close + 1;
        }
        match bytes[at.min(bytes.len())..].iter().position(|&b| b == sep) {
            Some(next) => {
                at += next + 1;
                field += 1;
            }
            None => break,
        }
    }
}

/// The bounds of a field's text: of `0123` in Excel's `="0123"` (a cell kept as text,
/// so that leading zeros survive), else of the field.
fn formula_text(text: &str, start: usize, end: usize) -> (usize, usize) {
    let field = &text.as_bytes()[start..end];
    match field {
        [b'=', b'"', inner @ .., b'"'] if !inner.contains(&b'"') => (start + 2, end - 1),
        _ => (start, end),
    }
}

impl Table<'_> {
    /// Calls `each` on every well-formed record after the header, in order. Records with a
    /// quoting error or the wrong number of fields are reported to `errors` and skipped;
    /// so is, in a lossy text, a record with a replacement character in a column read
    /// ([`Error::CsvInvalidValue`], expecting text without U+FFFD). Returns the records skipped for
    /// a quoting error, their number of fields or text that is not UTF-8 outside their key
    /// that have a key to name them by (see [`Refused`]), so that rows referring to them
    /// are not reported as naming a missing key.
    pub(crate) fn rows(
        self,
        errors: &mut Vec<Error>,
        mut each: impl FnMut(&Row<'_>, &mut Vec<Error>),
    ) -> Vec<Refused> {
        // In WebAssembly the loop is compiled once, calling `each` through a `dyn`
        // reference; natively once per caller, with `each` inlined.
        if cfg!(target_arch = "wasm32") {
            self.each_row(
                errors,
                &mut each as &mut dyn FnMut(&Row<'_>, &mut Vec<Error>),
            )
        } else {
            self.each_row(errors, &mut each)
        }
    }

    /// [`Table::rows`], for a callback `each` of any type, `dyn` included.
    fn each_row<F: FnMut(&Row<'_>, &mut Vec<Error>) + ?Sized>(
        mut self,
        errors: &mut Vec<Error>,
        each: &mut F,
    ) -> Vec<Refused> {
        let mut record = csv::StringRecord::new();
        let mut spans = Vec::new();
        let mut written = Vec::new();
        let mut refused = Vec::new();
        // The first column asked for, the file's key.
        let key = self.header.columns.first().map(|&(_, at)| at);
        // The fields up to the header's last name: those after it name nothing.
        let named = significant(self.header.names.iter().map(String::as_str));
        let mut refuse = |record: &csv::StringRecord, line: usize| {
            if let Some(key) = key.and_then(|at| record.get(at)).filter(|k| !k.is_empty()) {
                refused.push(Refused {
                    key: key.to_owned(),
                    line,
                });
            }
        };
        while let Some(result) = self.next_record(&mut record) {
            match result {
                Err((line, error)) => {
                    errors.push(error);
                    refuse(&record, line);
                }
                // Two exports joined into one file: the second's header holds no row, and
                // read as one it would be a row of unknown ids.
                Ok(line) if self.header.repeated_by(&record) => {
                    errors.push(Error::CsvRepeatedHeader {
                        file: self.file,
                        line,
                    });
                }
                // Fields beyond the header that are all empty (a trailing `,` on each
                // row, as some exports write) hold nothing to lose, nor do fields missing
                // under the header's empty names at its end (a trailing `,` on the header
                // alone).
                Ok(line)
                    if (record.len() < named && !self.ragged)
                        || record.iter().skip(self.header.width).any(|f| !f.is_empty()) =>
                {
                    errors.push(Error::CsvFieldCount {
                        file: self.file,
                        line,
                        expected: self.header.width,
                        found: record.len(),
                    });
                    refuse(&record, line);
                }
                Ok(line) => {
                    spans.clear();
                    spans.extend(
                        (0..record.len())
                            .filter_map(|i| record.range(i))
                            .map(|r| formula_text(record.as_slice(), r.start, r.end)),
                    );
                    written.clear();
                    let (start, end) = self.last;
                    as_written(&self.text[start..end], self.sep, &mut written);
                    let row = Row::new(self.file, line, record.as_slice(), &spans, &self.header)
                        .with_written(&written);
                    if self.lossy
                        && let Some((column, at)) = row.replaced()
                    {
                        errors.push(row.invalid(column, NOT_REPLACED));
                        // Named by a readable key, the record is refused like any other,
                        // so that rows referring to it say so.
                        if key != Some(at) {
                            refuse(&record, line);
                        }
                        continue;
                    }
                    self.header.unheaded.note(line, record.as_slice(), &spans);
                    each(&row, errors);
                }
            }
        }
        refused
    }
}
