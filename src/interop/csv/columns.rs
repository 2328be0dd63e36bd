//! Finding the columns a loader reads in a CSV header, by name.

use super::aliases;
use crate::Error;
use crate::model::nearest::nearest;

/// A column of a CSV file read from a part of its header cell (see
/// [`CsvFileRead::header_parts`](crate::CsvFileRead::header_parts)).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct HeaderPart {
    /// The column, as the format names it (`id`, `target`).
    pub column: &'static str,
    /// The header cell's 1-based position in the header.
    pub position: usize,
    /// The header cell, trimmed of whitespace (`Target Position (optional)`).
    pub header: String,
    /// The part of it that names the column (`Target Position`).
    pub part: String,
}

/// Where column `name` is in `header`: the one header equal to it apart from ASCII
/// capitalisation (HR systems write `ID`, `Name`); else the one equal to it folded
/// (`Target_Position` for `target_position`); else, for an HR export's files, the one
/// naming it another way HR exports do (`Employee ID`, `Designation`: see `aliases.rs`).
/// Two or more headers at the first of these steps that finds one (`Id` and `ID`, `id`
/// twice, `Emp ID` and `Employee ID`) make the column ambiguous: which holds it cannot be
/// known. Found by none of these, a header naming the column's items by name (`Position
/// Name`) is `Names`: its cells are no ids.
///
/// At each step a header is compared whole and by its parts ([`parts`]): the text before
/// or inside a bracketed suffix or gloss (`Target Position (optional)`, `Employee ID
/// (कर्मचारी आईडी)`, `कर्मचारी आईडी (Employee ID)`) and each side of a bilingual ` / `
/// (`पदनाम / Designation`, as Indian government forms and exports write both languages).
/// A header read by a part is `Part`, so that the loader says so.
pub(super) enum Column {
    At(usize),
    Part {
        at: usize,
        part: String,
    },
    Missing,
    Ambiguous(Vec<String>),
    Names(String),
    /// The one header naming the column names another column too, reported already as
    /// [`Error::CsvSharedHeader`] (see [`columns_found`]).
    Shared,
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
            Column::At(at) | Column::Part { at, .. } => Some(at),
            Column::Missing | Column::Shared => None,
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
    // Per header, the part of it that matched, `None` for the whole header.
    let found = |matches: &dyn Fn(&str) -> bool| -> Option<Column> {
        let mut matches = (header.iter().enumerate()).filter_map(|(at, h)| {
            if matches(h) {
                return Some((at, h, None));
            }
            parts(h)
                .into_iter()
                .find(|p| matches(p))
                .map(|p| (at, h, Some(p)))
        });
        match (matches.next(), matches.next()) {
            (None, _) => None,
            (Some((at, _, None)), None) => Some(Column::At(at)),
            (Some((at, _, Some(part))), None) => Some(Column::Part {
                at,
                part: part.to_owned(),
            }),
            (Some((_, first, _)), Some((_, second, _))) => Some(Column::Ambiguous(
                [first, second]
                    .into_iter()
                    .chain(matches.map(|(_, h, _)| h))
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
            let by_name = |h: &str| names.iter().any(|a| aliases::folds_to(h, a));
            (header.iter())
                .find(|h| by_name(h) || parts(h).into_iter().any(by_name))
                .map(|h| Column::Names(h.to_owned()))
        })
        .unwrap_or(Column::Missing)
}

/// The column of `names` (the format's own names) that `header` is a near miss of: by
/// [`nearest`] between each of the header's forms (whole, then each of its [`parts`]),
/// folded as [`aliases::folds_to`] folds (ASCII case, spaces, `_`, `-` and `.` aside),
/// and each name and the other names HR exports give it (`aliases.rs`), so `Traget
/// Position (optional)` is a near miss of `target` (through `targetposition`) and
/// `verifed` of `verified`. The first form with a near name decides.
///
/// # Complexity
/// O(f·n·k²) for f forms and n names and other names of about k characters; a header has
/// a handful of columns, and a form longer than [`LONGEST_SPLIT`] bytes is compared
/// only with names of about its length, which no name has.
pub(super) fn near_column(
    file: &str,
    header: &str,
    names: &[&'static str],
) -> Option<&'static str> {
    if names.is_empty() || header.len() > LONGEST_SPLIT {
        return None;
    }
    let fold = |text: &str| -> String {
        (text.chars())
            .filter(|&c| !(matches!(c, '_' | '-' | '.') || c.is_whitespace()))
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    let candidates: Vec<(String, &'static str)> = (names.iter())
        .flat_map(|&name| {
            let others = aliases::aliases(file, name).iter().flat_map(|t| t.iter());
            std::iter::once(fold(name))
                .chain(others.map(|a| (*a).to_owned()))
                .map(move |folded| (folded, name))
        })
        .collect();
    std::iter::once(header)
        .chain(parts(header))
        .find_map(|form| {
            let near = nearest(&fold(form), candidates.iter().map(|(c, _)| c.as_str()))?;
            candidates.iter().find(|(c, _)| *c == near).map(|&(_, n)| n)
        })
}

/// What [`column`] finds in `header` for each of the `required` and the `optional`
/// columns, in the order asked; a header cell that two or more of them read, whole or by
/// a part (`Position / Target Position`, read by its parts as `position` and as `target`;
/// `Employee ID / Position ID`), is [`Error::CsvSharedHeader`], naming it and the
/// columns, and none of them is read from it ([`Column::Shared`]). A cell holds one
/// column's values; which one these hold cannot be known, and reading the cell as both
/// would fill two columns with the same values without a word. O(columns²) beside
/// [`column`]'s cost.
pub(super) fn columns_found(
    file: &'static str,
    header: &csv::StringRecord,
    required: &[&'static str],
    optional: &[&'static str],
    errors: &mut Vec<Error>,
) -> (Vec<Column>, Vec<Column>) {
    let names: Vec<&'static str> = required.iter().chain(optional).copied().collect();
    let mut found: Vec<Column> = names.iter().map(|&n| column(header, file, n)).collect();
    let cells: Vec<Option<usize>> = (found.iter())
        .map(|f| match f {
            Column::At(at) | Column::Part { at, .. } => Some(*at),
            _ => None,
        })
        .collect();
    let mut shared: Vec<usize> = Vec::new();
    for (i, at) in cells.iter().enumerate() {
        let Some(at) = *at else { continue };
        if shared.contains(&at) || !cells[i + 1..].contains(&Some(at)) {
            continue;
        }
        shared.push(at);
        let columns: Vec<&'static str> = (names.iter().zip(&cells))
            .filter(|&(_, c)| *c == Some(at))
            .map(|(&n, _)| n)
            .collect();
        errors.push(Error::CsvSharedHeader {
            file,
            position: at + 1,
            header: header.get(at).unwrap_or_default().to_owned(),
            columns,
        });
    }
    for (f, at) in found.iter_mut().zip(cells) {
        if at.is_some_and(|at| shared.contains(&at)) {
            *f = Column::Shared;
        }
    }
    let optional_found = found.split_off(required.len());
    (found, optional_found)
}

/// [`Error::CsvMissingColumn`] for column `name` of `file`, naming the first cell of
/// `header` that is a near miss of it ([`near_column`]).
pub(super) fn missing(file: &'static str, name: &'static str, header: &csv::StringRecord) -> Error {
    let near = |h: &&str| near_column(file, h, &[name]).is_some();
    Error::CsvMissingColumn {
        file,
        column: name,
        header_line: None,
        nearest: header.iter().find(near).map(str::to_owned),
    }
}

/// The longest header, in bytes, whose [`parts`] are read: a header is a few words, and
/// a longer cell (a whole document read as one header line) is compared whole only.
const LONGEST_SPLIT: usize = 200;

/// The parts of `header` that may name a column on their own, trimmed, never empty, in
/// order: each side of a bilingual ` / ` (`पदनाम / Designation`), and of each side (or of
/// the whole header, without one) the text before a bracketed suffix or gloss, `(…)` or
/// `[…]` (`Employee ID (कर्मचारी आईडी)`, `Target Position (optional)`). The text inside
/// the brackets is not read as a name: `Position [ID]` is no `id`. Empty for a header
/// without a ` / ` or a bracket, or longer than [`LONGEST_SPLIT`] bytes. O(length).
pub(super) fn parts(header: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    if header.len() > LONGEST_SPLIT || !header.contains([' ', '(', '[']) {
        return parts;
    }
    let sides: Vec<&str> = header.split(" / ").map(str::trim).collect();
    let bilingual = sides.len() > 1;
    for side in sides {
        let before = side
            .find(['(', '['])
            .map_or(side, |open| side[..open].trim());
        if !before.is_empty() && (bilingual || before.len() < side.len()) {
            parts.push(before);
        }
    }
    parts.retain(|p| *p != header);
    parts
}

#[cfg(test)]
mod tests {
    use super::parts;

    #[test]
    fn headers_are_split_at_brackets_and_bilingual_slashes() {
        assert_eq!(parts("Target Position (optional)"), ["Target Position"]);
        assert_eq!(
            parts("Employee ID (\u{915}\u{930}\u{94d}\u{92e}\u{91a}\u{93e}\u{930}\u{940})"),
            ["Employee ID"]
        );
        assert_eq!(
            parts("\u{92a}\u{926}\u{928}\u{93e}\u{92e} / Designation"),
            ["\u{92a}\u{926}\u{928}\u{93e}\u{92e}", "Designation"]
        );
        assert_eq!(
            parts("\u{928}\u{93e}\u{92e} / Name (in block letters)"),
            ["\u{928}\u{93e}\u{92e}", "Name"]
        );
        assert_eq!(parts("Level [1-5]"), ["Level"]);
        assert_eq!(parts("Position [ID]"), ["Position"]);
        assert_eq!(parts("Date (DD/MM/YYYY)"), ["Date"]);
        assert!(parts("(optional)").is_empty());
        assert!(parts("Employee ID").is_empty());
        assert!(parts("id").is_empty());
        assert!(parts(&format!("a ({})", "b".repeat(300))).is_empty());
    }
}
