//! Evidence dates as HR exports write them besides ISO 8601: `03/12/2026` (day first, the
//! usual form in India), `12/03/2026` (month first), `03-12-2026`, `03.12.2026`,
//! `2026/12/03` and `03-Dec-2026`, each read as the ISO date it is. A time of day after
//! the date (`03/12/2026 14:05`, `12/3/2026 2:05:00 PM`), as spreadsheets export a cell
//! holding a date and a time, is dropped: passbook evidence is dated by the day, as an ISO
//! date-time is read by its date.
//!
//! A numeric date with the year last is read day first or month first for the whole
//! column: as [`OfficersCsvOptions::date_order`](crate::OfficersCsvOptions::date_order)
//! says, else as the column's dates settle it (a first number above 12 is a day, a
//! second above 12 is one). A date that reads both ways (`03/04/2026`) in a column that
//! nothing settles is [`Error::CsvDateOrder`](crate::Error::CsvDateOrder): never guessed.
//! Two-digit years and spreadsheet serial numbers are not read (the century, and whether
//! the cell was a date, are guesses); the error suggests the date when it is unambiguous.

use super::Row;
use crate::Error;
use crate::model::clock::without_clock;
use crate::model::date::{day_number, digits, format_day, month_named};

/// Which of two numbers comes first in the numeric dates of an HR export whose year comes
/// last (`03/12/2026`): see
/// [`OfficersCsvOptions::date_order`](crate::OfficersCsvOptions::date_order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DateOrder {
    /// Day, month, year: `03/12/2026` is 3 December 2026, as India and most of the world
    /// write dates.
    DayFirst,
    /// Month, day, year: `12/03/2026` is 3 December 2026, as the United States writes
    /// dates (and Excel in its US locale).
    MonthFirst,
}

/// A way of writing dates other than ISO 8601, read in a date column (see
/// [`DatesRead`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DateForm {
    /// Year, month, day separated by `/` or `.`, or by `-` with a one-digit month or day:
    /// `2026/12/03`, `2026.12.3`, `2026-12-3`.
    YearMonthDay,
    /// Day, month, four-digit year separated by `/`, `-` or `.`: `03/12/2026`, `3-12-2026`.
    DayMonthYear,
    /// Month, day, four-digit year separated by `/`, `-` or `.`: `12/03/2026`.
    MonthDayYear,
    /// The month named in English, in full or by three letters, any case, with a
    /// four-digit year: `03-Dec-2026`, `3 December 2026`, `Dec 3, 2026`.
    MonthNamed,
}

/// The cells of a CSV file's date column written in one [`DateForm`], each read as the
/// ISO date it is (see [`CsvFileRead::dates`](crate::CsvFileRead::dates)).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct DatesRead {
    /// The column, as the format names it (`date`).
    pub column: &'static str,
    /// How its cells were written.
    pub form: DateForm,
    /// How many of its cells.
    pub cells: usize,
    /// The 1-based line of the first.
    pub first_line: usize,
}

impl DatesRead {
    /// Whether the form is one of numbers with the year last, read in an order.
    pub(crate) fn ordered(&self) -> bool {
        matches!(self.form, DateForm::DayMonthYear | DateForm::MonthDayYear)
    }
}

/// What a date cell that is not ISO 8601 gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cell {
    /// A date (`yyyymmdd`), written in that form.
    Date(u32, DateForm),
    /// Year last, read both ways under no order: the numbers differ and neither is above 12.
    Ambiguous,
    /// Year last, with a number above 12: only that order reads it (the day, as `yyyymmdd`).
    Settles(DateOrder, u32),
    /// Year last, but no real date under the order (or either).
    Wrong(DateOrder),
    /// None of these forms.
    Other,
}

/// Reads `text`, a trimmed date cell that is not ISO 8601, in the forms of the module,
/// with or without a time of day after the date; numeric dates with the year last under
/// `order`, when known. O(length).
pub(crate) fn read_cell(text: &str, order: Option<DateOrder>) -> Cell {
    let text = without_clock(text);
    if let Some(iso) = month_named(text) {
        return crate::model::date::parse_iso_date(&iso)
            .map_or(Cell::Other, |day| Cell::Date(day, DateForm::MonthNamed));
    }
    let Some((first, second, third, sep)) = numbers(text) else {
        return Cell::Other;
    };
    if first.1 == 4 && second.1 <= 2 && third.1 <= 2 {
        // `yyyy-mm-dd` with two digits each is ISO, read before.
        return day_number(first.0, second.0, third.0)
            .filter(|_| sep != b'-' || second.1 == 1 || third.1 == 1)
            .map_or(Cell::Other, |day| Cell::Date(day, DateForm::YearMonthDay));
    }
    if third.1 != 4 || first.1 > 2 || second.1 > 2 {
        return Cell::Other;
    }
    let (a, b, year) = (first.0, second.0, third.0);
    let day_first = || day_number(year, b, a);
    let month_first = || day_number(year, a, b);
    match order {
        Some(DateOrder::DayFirst) => day_first().map_or(Cell::Wrong(DateOrder::DayFirst), |d| {
            Cell::Date(d, DateForm::DayMonthYear)
        }),
        Some(DateOrder::MonthFirst) => month_first()
            .map_or(Cell::Wrong(DateOrder::MonthFirst), |d| {
                Cell::Date(d, DateForm::MonthDayYear)
            }),
        None if a == b => {
            day_first().map_or(Cell::Other, |d| Cell::Date(d, DateForm::DayMonthYear))
        }
        None => match (day_first(), month_first()) {
            (Some(_), Some(_)) => Cell::Ambiguous,
            (Some(d), None) if a > 12 => Cell::Settles(DateOrder::DayFirst, d),
            (None, Some(d)) if b > 12 => Cell::Settles(DateOrder::MonthFirst, d),
            _ => Cell::Other,
        },
    }
}

/// Three runs of ASCII digits (value, number of digits) separated twice by one same byte
/// of `/`, `-`, `.`, and that byte.
type Numbers = ((u32, usize), (u32, usize), (u32, usize), u8);

fn numbers(text: &str) -> Option<Numbers> {
    let b = text.as_bytes();
    let sep = *b.iter().find(|c| !c.is_ascii_digit())?;
    if !matches!(sep, b'/' | b'-' | b'.') {
        return None;
    }
    let mut parts = b.split(|&c| c == sep);
    let mut next = || -> Option<(u32, usize)> {
        let part = parts.next()?;
        let value = (1..=4).contains(&part.len()).then(|| digits(part))??;
        Some((value, part.len()))
    };
    let numbers = (next()?, next()?, next()?, sep);
    parts.next().is_none().then_some(numbers)
}

/// The date column of one CSV file, as read so far: the order of its numeric dates and
/// the forms met.
#[derive(Clone, Debug, Default)]
pub(crate) struct DateColumn {
    /// The order numeric dates with the year last are read in, once given or settled.
    pub(crate) order: Option<DateOrder>,
    /// The line of the date that settled the order (`None` when given, or not settled).
    pub(crate) settled_on: Option<usize>,
    /// The cells read in each form other than ISO 8601, in the order first met.
    pub(crate) forms: Vec<DatesRead>,
    /// A date that reads both ways was met while the order was not known.
    pub(crate) unsettled: bool,
}

impl DateColumn {
    /// A column whose order is known when `known` holds one: given (`None` line), or
    /// settled by the date on a line (as `OfficersCsvOptions` keeps it).
    pub(crate) fn new(known: Option<(DateOrder, Option<usize>)>) -> Self {
        DateColumn {
            order: known.map(|(order, _)| order),
            settled_on: known.and_then(|(_, line)| line),
            ..DateColumn::default()
        }
    }

    /// Reads `text`, the trimmed cell of `column` of `row`: as it is when empty, ISO 8601
    /// or in no form of the module (the passbook check then reports it), else as the ISO
    /// date it is, written into `buf`. `None` for a date that reads both ways under no
    /// order ([`Error::CsvDateOrder`]) or that the column's order does not read
    /// ([`Error::CsvInvalidValue`]), both pushed to `errors`. O(length).
    pub(crate) fn read<'b>(
        &mut self,
        row: &Row<'_>,
        column: &'static str,
        text: &'b str,
        buf: &'b mut String,
        errors: &mut Vec<Error>,
    ) -> Option<&'b str> {
        if text.is_empty() || crate::model::date::parse_iso_date_or_time(text).is_some() {
            return Some(text);
        }
        let (day, form) = match read_cell(text, self.order) {
            Cell::Other => return Some(text),
            Cell::Date(day, form) => (day, form),
            Cell::Settles(order, day) => {
                self.order = Some(order);
                self.settled_on = Some(row.line());
                (day, form_of(order))
            }
            Cell::Ambiguous => {
                self.unsettled = true;
                errors.push(Error::CsvDateOrder {
                    file: row.file,
                    line: row.line(),
                    column,
                    found: text.to_owned(),
                    // Named by the loader, which knows the officer's passbook.
                    entry: None,
                });
                return None;
            }
            Cell::Wrong(order) => {
                errors.push(row.invalid(
                    column,
                    match order {
                        DateOrder::DayFirst => "a date day first (dd/mm/yyyy), as the column's",
                        DateOrder::MonthFirst => "a date month first (mm/dd/yyyy), as the column's",
                    },
                ));
                return None;
            }
        };
        match self.forms.iter_mut().find(|f| f.form == form) {
            Some(f) => f.cells += 1,
            None => self.forms.push(DatesRead {
                column,
                form,
                cells: 1,
                first_line: row.line(),
            }),
        }
        buf.clear();
        buf.push_str(&format_day(day));
        Some(buf)
    }
}

/// The form of numeric dates with the year last read in `order`.
fn form_of(order: DateOrder) -> DateForm {
    match order {
        DateOrder::DayFirst => DateForm::DayMonthYear,
        DateOrder::MonthFirst => DateForm::MonthDayYear,
    }
}

#[cfg(test)]
mod tests {
    use super::{Cell, DateForm, DateOrder, read_cell};

    #[test]
    fn forms_are_read_and_orders_settled_or_refused() {
        use DateForm::{DayMonthYear, MonthDayYear, MonthNamed, YearMonthDay};
        use DateOrder::{DayFirst, MonthFirst};
        let day = 20_261_203;
        for (text, order, cell) in [
            ("03-Dec-2026", None, Cell::Date(day, MonthNamed)),
            ("3 december 2026", None, Cell::Date(day, MonthNamed)),
            ("2026/12/03", None, Cell::Date(day, YearMonthDay)),
            ("2026.12.3", None, Cell::Date(day, YearMonthDay)),
            ("2026-12-3", None, Cell::Date(day, YearMonthDay)),
            ("03/12/2026", Some(DayFirst), Cell::Date(day, DayMonthYear)),
            (
                "12/03/2026",
                Some(MonthFirst),
                Cell::Date(day, MonthDayYear),
            ),
            ("3.12.2026", Some(DayFirst), Cell::Date(day, DayMonthYear)),
            ("03/12/2026", None, Cell::Ambiguous),
            ("13/12/2026", None, Cell::Settles(DayFirst, 20_261_213)),
            ("12-13-2026", None, Cell::Settles(MonthFirst, 20_261_213)),
            ("12-12-2026", None, Cell::Date(20_261_212, DayMonthYear)),
            ("12/13/2026", Some(DayFirst), Cell::Wrong(DayFirst)),
            ("31/02/2026", Some(DayFirst), Cell::Wrong(DayFirst)),
            ("31/31/2026", None, Cell::Other),
            ("03/12/26", None, Cell::Other),
            ("03/12-2026", None, Cell::Other),
            ("2026-12-03", None, Cell::Other),
            ("46359", None, Cell::Other),
            ("1/2/3/2026", None, Cell::Other),
            // A time of day after the date is dropped; what is not a time is not.
            (
                "03/12/2026 14:05",
                Some(DayFirst),
                Cell::Date(day, DayMonthYear),
            ),
            (
                "12/3/2026 2:05:09 pm",
                Some(MonthFirst),
                Cell::Date(day, MonthDayYear),
            ),
            (
                "03-Dec-2026 00:00:00.000",
                None,
                Cell::Date(day, MonthNamed),
            ),
            ("3 December 2026 9:30 AM", None, Cell::Date(day, MonthNamed)),
            ("2026/12/03 23:59:60", None, Cell::Date(day, YearMonthDay)),
            (
                "13/12/2026 10:00",
                None,
                Cell::Settles(DayFirst, 20_261_213),
            ),
            ("03/12/2026 24:00", Some(DayFirst), Cell::Other),
            ("03/12/2026 13:00 PM", Some(DayFirst), Cell::Other),
            ("03/12/2026 10:5", Some(DayFirst), Cell::Other),
            ("03/12/2026 10:05:", Some(DayFirst), Cell::Other),
            ("03/12/2026 10:05:07.", Some(DayFirst), Cell::Other),
            ("03/12/2026 10:05 IST", Some(DayFirst), Cell::Other),
            ("03/12/2026 PM", Some(DayFirst), Cell::Other),
        ] {
            assert_eq!(read_cell(text, order), cell, "{text:?} {order:?}");
        }
    }
}
