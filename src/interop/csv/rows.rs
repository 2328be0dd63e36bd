//! The records of a [`Table`] after its header, one [`Row`] at a time.

use super::{Row, Table};
use crate::Error;

impl Table<'_> {
    /// Calls `each` on every well-formed record after the header, in order. Records with a
    /// quoting error or the wrong number of fields are reported to `errors` and skipped;
    /// so is, in a lossy text, a record with a replacement character in a column read
    /// ([`Error::CsvInvalidValue`], expecting UTF-8 text).
    pub(crate) fn rows(
        self,
        errors: &mut Vec<Error>,
        mut each: impl FnMut(&Row<'_>, &mut Vec<Error>),
    ) {
        // In WebAssembly the loop is compiled once, calling `each` through a `dyn`
        // reference; natively once per caller, with `each` inlined.
        if cfg!(target_arch = "wasm32") {
            self.each_row(
                errors,
                &mut each as &mut dyn FnMut(&Row<'_>, &mut Vec<Error>),
            );
        } else {
            self.each_row(errors, &mut each);
        }
    }

    /// [`Table::rows`], for a callback `each` of any type, `dyn` included.
    fn each_row<F: FnMut(&Row<'_>, &mut Vec<Error>) + ?Sized>(
        mut self,
        errors: &mut Vec<Error>,
        each: &mut F,
    ) {
        let mut record = csv::StringRecord::new();
        let mut spans = Vec::new();
        while let Some(result) = self.next_record(&mut record) {
            match result {
                Err(error) => errors.push(error),
                // Fields beyond the header that are all empty (a trailing `,` on each
                // row, as some exports write) hold nothing to lose.
                Ok(line)
                    if record.len() < self.header.width
                        || record.iter().skip(self.header.width).any(|f| !f.is_empty()) =>
                {
                    errors.push(Error::CsvFieldCount {
                        file: self.file,
                        line,
                        expected: self.header.width,
                        found: record.len(),
                    });
                }
                Ok(line) => {
                    spans.clear();
                    spans.extend(
                        (0..record.len())
                            .filter_map(|i| record.range(i))
                            .map(|r| (r.start, r.end)),
                    );
                    let row = Row::new(self.file, line, record.as_slice(), &spans, &self.header);
                    if self.lossy
                        && let Some(&(column, _)) = (self.header.columns.iter())
                            .find(|(name, _)| row.text(name).contains('\u{fffd}'))
                    {
                        errors.push(row.invalid(column, "UTF-8 text"));
                        continue;
                    }
                    each(&row, errors);
                }
            }
        }
    }
}
