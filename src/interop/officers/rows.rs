//! The row layer of an HR export: each record read into a small struct borrowing the
//! record's text, checked for what a row alone can tell (a level is a number, a source is
//! known), building no `OfficerSpec`.

use std::collections::HashMap;

use crate::interop::csv::missing::{MissingCells, NOT_MISSING, NOT_REPLACED, is_missing, note};
use crate::interop::csv::numbered::number_written;
use crate::interop::csv::{
    Cell, ColumnNotRead, CsvFileRead, DateColumn, DateOrder, Delimiter, Refused, Row, Table,
    read_cell, with_unheaded,
};
use crate::model::ids::EntityKind;
use crate::model::nearest::Nearest;
use crate::people::officer::EvidenceView;
use crate::people::officer::source;
use crate::people::resolve::named_level;
use crate::people::spellings::yes_no;
use crate::{Error, Evidence, EvidenceSource, Framework, PassbookRow};

pub(crate) const OFFICERS: &str = "officers.csv";
pub(crate) const EVIDENCE: &str = "evidence.csv";

/// One officer row, borrowing its record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct OfficerRow<'r> {
    pub(crate) line: usize,
    /// Empty when the id has a problem (reported already): the row is checked, not kept.
    pub(crate) id: &'r str,
    pub(crate) id_read: bool,
    pub(crate) name: Option<&'r str>,
    pub(crate) department: &'r str,
    pub(crate) position: &'r str,
    pub(crate) target: Option<&'r str>,
    /// The optional cells read as empty because they marked a missing value: bit `k` for
    /// optional column `k` of [`OFFICER_COLUMNS`] (`name`, `target`).
    pub(crate) missing: u8,
}

/// One passbook row, borrowing its record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct EvidenceRow<'r> {
    pub(crate) line: usize,
    pub(crate) officer: &'r str,
    /// Its level, source or verified flag does not read (an error already): the entry
    /// holds stand-ins for them, so it is checked against the framework for the problems
    /// they cannot cause and is not kept.
    pub(crate) faulty: bool,
    /// The entry, checked against a framework as a passbook entry is.
    pub(crate) entry: EvidenceView<'r>,
    /// As [`OfficerRow::missing`], for `date`, `verified` and `course`.
    pub(crate) missing: u8,
}

/// An empty cell as `None`.
fn optional(text: Option<&str>) -> Option<&str> {
    text.filter(|t| !t.is_empty())
}

/// An optional cell: `None` when empty or a mark of a missing value (then bit `bit` is set
/// in `missing`).
#[inline]
fn present<'r>(text: Option<&'r str>, bit: u8, missing: &mut u8) -> Option<&'r str> {
    let text = optional(text)?;
    if text.len() <= 4 && is_missing(text) {
        *missing |= 1 << bit;
        return None;
    }
    Some(text)
}

/// Counts the optional cells of a row read as missing (`bits`, by place in `optional`).
pub(crate) fn note_missing(
    tally: &mut Vec<MissingCells>,
    optional: &[&'static str],
    bits: u8,
    line: usize,
) {
    for (k, &column) in optional.iter().enumerate() {
        if bits >> k & 1 == 1 {
            note(tally, column, line);
        }
    }
}

/// The required and optional columns of `officers.csv`.
pub(crate) const OFFICER_COLUMNS: [&[&str]; 2] =
    [&["id", "department", "position"], &["name", "target"]];
/// The required and optional columns of `evidence.csv`.
pub(crate) const EVIDENCE_COLUMNS: [&[&str]; 2] = [
    &["officer", "competency", "level", "source"],
    &["date", "verified", "course"],
];

/// Reads every officer row, its fields separated by `given` or the delimiter told from the
/// header, reporting rows with an empty id, department or position, the header's columns
/// not read to `unread` and how the file was read to `files`. Returns the records not read for a quoting
/// error or their number of fields, by id (see [`refused_ids`]); `None` when the header
/// lacks a required column.
pub(crate) fn officer_rows(
    text: &str,
    errors: &mut Vec<Error>,
    unread: &mut Vec<ColumnNotRead>,
    (given, files): (Option<Delimiter>, &mut Vec<CsvFileRead>),
    mut each: impl FnMut(&Row<'_>, OfficerRow<'_>, &mut Vec<Error>),
) -> Option<Vec<Refused>> {
    let [columns, optional_columns] = OFFICER_COLUMNS;
    let mut table =
        Table::open_delimited(OFFICERS, text, columns, optional_columns, given, errors)?;
    let named = table.take_unread();
    let unheaded = table.header().unheaded.clone();
    files.push(CsvFileRead::new(OFFICERS, table.header()));
    let refused = table.rows(errors, |row, errors| {
        let officer = officer_row(row, errors);
        each(row, officer, errors);
    });
    unread.extend(with_unheaded(OFFICERS, named, &unheaded));
    Some(refused)
}

/// Reports the position and target of officer row `o` that the framework does not hold,
/// each with the nearest position it holds (an empty position is a problem of the row,
/// reported already); the indices of the two, `None` where unknown or not given. Every
/// row is checked, a row whose id has a problem or repeats an earlier row's too, so that
/// one run reports all of a row's problems.
pub(crate) fn unknown_positions(
    framework: &Framework,
    nearest: &mut Nearest,
    (row, o): (&Row<'_>, &OfficerRow<'_>),
    errors: &mut Vec<Error>,
) -> [Option<u32>; 2] {
    let positions = &framework.positions;
    let mut found = [None, None];
    let position = Some(o.position).filter(|p| !p.is_empty());
    for (k, (column, position)) in [("position", position), ("target", o.target)]
        .into_iter()
        .enumerate()
    {
        let Some(p) = position else { continue };
        found[k] = positions.get(p);
        if found[k].is_none() {
            let near = nearest.get(EntityKind::Position, p, || {
                positions.items.iter().map(|x| x.id.as_str())
            });
            errors.push(row.unknown_near(column, "the framework's positions", near));
        }
    }
    found
}

/// The error of an officer row at `line` repeating the id `id` of the row at
/// `first_line` of `officers.csv`.
pub(crate) fn repeated_officer(line: usize, id: &str, first_line: usize) -> Error {
    Error::CsvDuplicateKey {
        file: OFFICERS,
        line,
        column: "id",
        key: id.to_owned(),
        first_line,
        first_key: None,
    }
}

/// The ids of the `officers.csv` records not read for a quoting error or their number of
/// fields, each with the first line it starts: a passbook row naming one of them is
/// reported as naming a row not read ([`Error::CsvRefusedReference`]), not as naming an
/// officer the file does not hold. (Keyed by `String`, a map type the module already
/// compiles.)
pub(crate) fn refused_ids(refused: &[Refused]) -> HashMap<String, usize> {
    crate::interop::csv::refused_keys(refused)
}

/// One officer row, after reporting its problems: an empty id, department or position, an
/// id or department holding a control or invisible character. A row whose department or
/// position has a problem is still given, with that cell empty, so that the rest of it
/// (position, target) and the officer's passbook are checked too, and the passbook is not
/// reported as naming an officer missing from the file; a row whose id has a problem is
/// given with the id empty and `id_read` false, so that its position and target are
/// checked too ([`unknown_positions`]), and is not kept.
pub(crate) fn officer_row<'r>(row: &Row<'r>, errors: &mut Vec<Error>) -> OfficerRow<'r> {
    replaced(row, errors);
    // The columns by their place in `OFFICER_COLUMNS`.
    let id = row.id_text("id", row.nth(0).unwrap_or(""), errors);
    let department = row.id_text("department", row.nth(1).unwrap_or(""), errors);
    // Each id as written between its quotes, as its JSON is read (see `Row::id_in`).
    let id = id.and_then(|id| row.id_in((0, "id"), id, errors));
    let department = department.and_then(|d| row.id_in((1, "department"), d, errors));
    let position = row.non_empty_text("position", row.nth(2).unwrap_or(""), errors);
    let position = position.and_then(|p| row.id_in((2, "position"), p, errors));
    let position = position.filter(|&p| !marks_missing(row, "position", p, errors));
    let mut missing = 0;
    let id = id.filter(|&id| {
        !marks_missing(row, "id", id, errors) && !written_as_number(row, "id", id, errors)
    });
    OfficerRow {
        line: row.line(),
        id: id.unwrap_or(""),
        id_read: id.is_some(),
        name: present(row.nth(3), 0, &mut missing),
        department: department
            .filter(|&d| !marks_missing(row, "department", d, errors))
            .unwrap_or(""),
        position: position.unwrap_or(""),
        target: present(row.nth(4), 1, &mut missing)
            .map(|t| row.id_in((4, "target"), t, errors).unwrap_or(t)),
        missing,
    }
}

/// Reads every passbook row, reporting rows whose officer or competency is empty, whose
/// level does not read (naming the competency's own levels, see `level_range`), whose source is unknown or whose verified flag is not a yes/no, and
/// the header's columns not read to `unread`, and how the file was read to `files` (as
/// [`officer_rows`]). `each` is given the number of `errors` before the row's own (see
/// [`name_entry`]).
pub(crate) fn evidence_rows(
    framework: &Framework,
    text: &str,
    errors: &mut Vec<Error>,
    unread: &mut Vec<ColumnNotRead>,
    (given, files): (Option<Delimiter>, &mut Vec<CsvFileRead>),
    mut each: impl FnMut(&Row<'_>, EvidenceRow<'_>, &mut Vec<Error>, usize),
) {
    let [columns, optional_columns] = EVIDENCE_COLUMNS;
    let Some(mut table) =
        Table::open_delimited(EVIDENCE, text, columns, optional_columns, given, errors)
    else {
        return;
    };
    let named = table.take_unread();
    let unheaded = table.header().unheaded.clone();
    files.push(CsvFileRead::new(EVIDENCE, table.header()));
    table.rows(errors, |row, errors| {
        let start = errors.len();
        if let Some(evidence) = evidence_row(framework, row, errors) {
            each(row, evidence, errors, start);
        }
    });
    unread.extend(with_unheaded(EVIDENCE, named, &unheaded));
}

/// Names the passbook entry of a row in each of `errors`, the problems found in the row's
/// cells since it was read (a level, source, verified flag or date that does not read),
/// as the framework's checks of the entry name it: `officer` and `competency` as the row
/// writes them, `index` its place in the officer's passbook when the officer is read.
/// O(`errors.len()`).
pub(crate) fn name_entry(
    errors: &mut [Error],
    officer: &str,
    index: Option<usize>,
    competency: &str,
) {
    for error in errors {
        if let Error::CsvInvalidValue { entry, .. } | Error::CsvDateOrder { entry, .. } = error {
            *entry = Some(Box::new(PassbookRow {
                officer: officer.into(),
                index,
                competency: competency.into(),
            }));
        }
    }
}

/// One passbook row, after reporting its problems (see [`evidence_rows`]). A row whose
/// level, source or verified flag has a problem is still given, marked
/// [`EvidenceRow::faulty`], with level 0 and its source read as self-declared when it does
/// not read, so that its officer, competency, date and course are checked too: every
/// problem of the row is reported at once. `None` when its officer or competency is empty.
/// A level written as a name is read as the level of the row's competency that has that
/// name in `framework` (see `named_level`); a name alone that no level or several levels
/// of a competency of `framework` have as [`Evidence::LEVEL_BY_NAME`] with the name, as
/// the JSON reader keeps it, for the framework's check of the entry to report as
/// [`EvidenceProblem::UnresolvedLevelName`](crate::EvidenceProblem::UnresolvedLevelName)
/// (an officer not read: [`unowned_level`]); one written as a number and a name
/// (`3 - Advanced`, see `numbered_name`) as that number, the name kept in the entry's
/// `level_name` for the framework's check of the entry, which reports another level's
/// name as [`EvidenceProblem::LevelNameMismatch`](crate::EvidenceProblem::LevelNameMismatch).
pub(crate) fn evidence_row<'r>(
    framework: &Framework,
    row: &Row<'r>,
    errors: &mut Vec<Error>,
) -> Option<EvidenceRow<'r>> {
    let replaced = replaced(row, errors);
    // The columns by their place in `EVIDENCE_COLUMNS`.
    let officer = row.non_empty_text("officer", row.nth(0).unwrap_or(""), errors);
    let officer = officer.and_then(|o| row.id_in((0, "officer"), o, errors));
    let officer = officer.filter(|&o| {
        !marks_missing(row, "officer", o, errors) && !written_as_number(row, "officer", o, errors)
    });
    let competency = row.non_empty_text("competency", row.nth(1).unwrap_or(""), errors);
    let competency = competency.and_then(|c| row.id_in((1, "competency"), c, errors));
    // A competency of the framework is read as such, whatever its id.
    let competency = competency.filter(|&c| {
        framework.competencies.get(c).is_some() || !marks_missing(row, "competency", c, errors)
    });
    let level_text = row.nth(2).unwrap_or("");
    // A word that is no number (`NaN` and `2e0` are numbers) may name a level; a mark of
    // a missing value names none, even a competency's level named so (`NA`): the JSON
    // readers refuse it without the framework, so it is refused here alike
    // (officers/12).
    let name = level_text.contains(char::is_alphabetic)
        && !crate::model::level::number_like(level_text)
        && !is_missing(level_text);
    let competency_id = competency.unwrap_or("");
    let mut several = false;
    let level = crate::model::level::whole_level(level_text).or_else(|| {
        let named = name.then(|| named_level(framework, competency_id, level_text))?;
        several = named == Err(true);
        named.ok()
    });
    // A number and a name (`3 - Advanced`) read as the number with the name kept, as a
    // JSON passbook keeps it: the entry's check against the framework refuses a name the
    // competency does not give that level (`EvidenceProblem::LevelNameMismatch`), the same
    // data from either format.
    // So is a name with no letter in brackets after its number (`3 (3.25)`), as the JSON
    // readers read it.
    let lettered = level_text.contains(char::is_alphabetic);
    let numbered = (level.is_none() && (name || !lettered))
        .then(|| crate::model::level::numbered_name(level_text))
        .flatten();
    let mut level = level.or(numbered.map(|(n, _)| n));
    let mut level_name = numbered.map(|(_, name)| name);
    if level.is_none() && !marks_missing(row, "level", level_text, errors) {
        // A name alone of a competency of the framework that names no level, or several,
        // is kept as the JSON reader keeps it, for the entry's check to report it as
        // `EvidenceProblem::UnresolvedLevelName`, the same data from either format.
        if framework.competencies.get(competency_id).is_some()
            && crate::model::level::name_alone(level_text)
        {
            level = Some(Evidence::LEVEL_BY_NAME);
            level_name = Some(level_text.trim());
        } else {
            errors.push(invalid_level(
                framework,
                row,
                competency_id,
                (name, several),
            ));
        }
    }
    let source_text = row.nth(3).unwrap_or("");
    let source = source(source_text);
    if source.is_none() && !marks_missing(row, "source", source_text, errors) {
        errors.push(row.invalid(
            "source",
            "`course_completion`, `assessment`, `feedback360` or `self_declared`",
        ));
    }
    let mut missing = 0;
    let date = present(row.nth(4), 0, &mut missing).unwrap_or("");
    let verified = match present(row.nth(5), 1, &mut missing) {
        // A verification marked not available is no verification.
        None if missing & 1 << 1 != 0 => Some(false),
        text => yes_no(text.unwrap_or("")),
    };
    if verified.is_none() {
        errors.push(row.invalid("verified", "`true` or `false` (or yes/no, 1/0), or nothing"));
    }
    Some(EvidenceRow {
        line: row.line(),
        officer: officer?,
        faulty: level.is_none() || source.is_none() || verified.is_none() || replaced,
        entry: EvidenceView {
            competency: competency?,
            level: level.unwrap_or(0),
            level_name,
            source: source.unwrap_or(EvidenceSource::SelfDeclared),
            date,
            verified: verified.unwrap_or(true),
            course: present(row.nth(6), 2, &mut missing)
                .map(|k| row.id_in((6, "course"), k, errors).unwrap_or(k)),
        },
        missing,
    })
}

/// The error of a passbook row's `level` cell that reads as no level of `competency`,
/// naming the levels it may hold, and, for a cell that is a name (`name`), that it names
/// no level, or several (`several`), of the competency. O(length of the id).
fn invalid_level(
    framework: &Framework,
    row: &Row<'_>,
    competency: &str,
    (name, several): (bool, bool),
) -> Error {
    // The levels the row's competency has, not the crate's 0 to 5.
    let levels = level_range(framework, competency);
    row.invalid(
        "level",
        if several {
            format!(
                "{levels}, or a name only one of the competency's levels has \
                 (several have this one)"
            )
        } else if name {
            format!("{levels}, or the name of one of the competency's levels")
        } else {
            levels
        },
    )
}

/// The entry of a passbook row of `officer`, an officer not read (not in `officers.csv`,
/// or refused there), with a level written as a name that no level, or several, of its
/// competency have ([`Evidence::LEVEL_BY_NAME`], see [`evidence_row`]): that level is
/// reported as the cell's value, naming the officer without an entry number, as the
/// row's other cells are, and the entry is given without it, for its other checks.
/// O(levels) for such an entry, O(1) for any other.
pub(crate) fn unowned_level<'r>(
    framework: &Framework,
    (row, errors): (&Row<'_>, &mut Vec<Error>),
    officer: &str,
    mut entry: EvidenceView<'r>,
) -> EvidenceView<'r> {
    let Some(name) = entry
        .level_name
        .filter(|_| entry.level == Evidence::LEVEL_BY_NAME)
    else {
        return entry;
    };
    let several = named_level(framework, entry.competency, name) == Err(true);
    let mut error = invalid_level(framework, row, entry.competency, (true, several));
    name_entry(
        std::slice::from_mut(&mut error),
        officer,
        None,
        entry.competency,
    );
    errors.push(error);
    entry.level = 0;
    entry.level_name = None;
    entry
}

/// The levels a passbook row of `competency` may hold, as its level's error names them:
/// `a level from 0 to 4` for a competency of the framework whose levels are 1 to 4,
/// `a level 0 (none) or 2 to 5` for one whose lowest is 2 (as
/// [`EvidenceProblem::LevelBelowScale`](crate::EvidenceProblem::LevelBelowScale) words
/// it), and, for a competency the framework does not hold (reported apart), `a level, 0
/// (none) or one of the competency's levels (at most 5)`: no range it does not know.
/// O(length of the id).
fn level_range(framework: &Framework, competency: &str) -> String {
    let Some(c) = framework.competencies.get(competency) else {
        return "a level, 0 (none) or one of the competency's levels (at most 5)".to_owned();
    };
    let (min, max) = (
        framework.competency_min[c as usize],
        framework.competency_max[c as usize],
    );
    if min <= 1 {
        format!("a level from 0 to {max}")
    } else {
        format!("a level 0 (none) or {min} to {max}")
    }
}

/// Whether `text`, the cell of required column `column`, marks a missing value: then an
/// error in `errors`, naming the row and column.
#[inline]
fn marks_missing(row: &Row<'_>, column: &'static str, text: &str, errors: &mut Vec<Error>) -> bool {
    // Most cells are longer than any mark: one comparison, in line.
    if text.len() > 4 || !is_missing(text) {
        return false;
    }
    errors.push(row.invalid(column, NOT_MISSING));
    true
}

/// Whether a column the row reads holds U+FFFD, a character lost in decoding (see
/// [`NOT_REPLACED`]): then an error in `errors` naming the first such column. A text the
/// caller decoded so reaches here; bytes given to the reader that are not UTF-8 are
/// refused before (see `Table::rows`). O(1) for an ASCII record.
#[inline]
fn replaced(row: &Row<'_>, errors: &mut Vec<Error>) -> bool {
    let Some((column, _)) = row.replaced() else {
        return false;
    };
    errors.push(row.invalid(column, NOT_REPLACED));
    true
}

/// Whether `text`, the cell of officer id column `column`, is a number as a spreadsheet
/// writes one (`1.23457E+11`, `4512.0`; see `csv/numbered.rs`): then an error in
/// `errors`, naming the row and column.
#[inline]
fn written_as_number(
    row: &Row<'_>,
    column: &'static str,
    text: &str,
    errors: &mut Vec<Error>,
) -> bool {
    let Some(expected) = number_written(text) else {
        return false;
    };
    errors.push(row.invalid(column, expected));
    true
}

/// The order the first date of `evidence.csv`'s `date` column that settles it gives, and
/// its line (see [`DateColumn`](crate::interop::csv::DateColumn)): `text` read with the
/// delimiter `given` or told from its header. `None` when none settles it or the header
/// lacks a column. O(length of the text).
pub(crate) fn settle_date_order(
    text: &str,
    given: Option<Delimiter>,
) -> Option<(DateOrder, usize)> {
    let mut errors = Vec::new();
    let [required, optional] = EVIDENCE_COLUMNS;
    let table = Table::open_delimited(EVIDENCE, text, required, optional, given, &mut errors)?;
    let mut found = None;
    table.rows(&mut errors, |row, _| {
        if found.is_none()
            && let Some(text) = row.nth(4)
            && let Cell::Settles(order, _) = read_cell(text, None)
        {
            found = Some((order, row.line()));
        }
    });
    found
}

/// `e` with its date read by `dates` (see [`DateColumn::read`]): a date in another form
/// than ISO 8601 as the ISO date it is, written into `buf`; a date that does not read in
/// the column's order, or reads both ways, reported and the row marked faulty (its date
/// then empty, so the row's other cells are still checked).
pub(crate) fn dated<'b>(
    dates: &mut DateColumn,
    row: &Row<'_>,
    mut e: EvidenceRow<'b>,
    buf: &'b mut String,
    errors: &mut Vec<Error>,
) -> EvidenceRow<'b> {
    if let Some(date) = dates.read(row, "date", e.entry.date, buf, errors) {
        e.entry.date = date;
    } else {
        e.entry.date = "";
        e.faulty = true;
    }
    e
}
