//! Finding the columns a loader reads in a CSV header, by name.

use super::aliases;
use crate::Error;

/// Where column `name` is in `header`: the one header equal to it apart from ASCII
/// capitalisation (HR systems write `ID`, `Name`); else the one equal to it folded
/// (`Target_Position` for `target_position`); else, for an HR export's files, the one
/// naming it another way HR exports do (`Employee ID`, `Designation`: see `aliases.rs`).
/// Two or more headers at the first of these steps that finds one (`Id` and `ID`, `id`
/// twice, `Emp ID` and `Employee ID`) make the column ambiguous: which holds it cannot be
/// known. Found by none of these, a header naming the column's items by name (`Position
/// Name`) is `Names`: its cells are no ids.
pub(super) enum Column {
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
    pub(super) fn at(
        self,
        file: &'static str,
        name: &'static str,
        errors: &mut Vec<Error>,
    ) -> Option<usize> {
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

pub(super) fn column(header: &csv::StringRecord, file: &str, name: &str) -> Column {
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
