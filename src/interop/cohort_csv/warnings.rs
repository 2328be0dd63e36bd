//! The warnings of a CSV load, in the order the review lists them, and the error of a row.

use crate::analysis::parallel::map_items;
use crate::interop::csv::Row;
use crate::interop::officers::{EVIDENCE, OFFICERS};
use crate::model::equivalent::alike_officers;
use crate::people::columns::Officers;
use crate::people::resolve::evidence_date;
use crate::{Cohort, Error, EvidenceProblem, Framework, OfficerId};

/// An [`Error::CsvRow`] at `line` and `column` of `file`.
pub(super) fn at_row(line: usize, file: &'static str, column: &'static str, error: Error) -> Error {
    Error::CsvRow {
        file,
        line,
        column,
        error: Box::new(error),
    }
}

/// The warnings of a load in the order the review lists them: `warnings` (sorted by
/// officer and entry) with, for each officer, the warnings about ids that look like an
/// earlier officer's first, then the department mismatch of each officer of `mismatched`
/// (in officer order, written out over `threads` workers), then the officer's other
/// warnings.
pub(super) fn all_warnings(
    fw: &Framework,
    cohort: &Cohort,
    lines: &[usize],
    mismatched: &[u32],
    mut warnings: Vec<(u32, u32, Error)>,
    threads: usize,
) -> Vec<Error> {
    let alike = alike_officers(cohort.len(), |k| cohort.id_str(k as u32));
    if !alike.is_empty() {
        let at = |(k, w): (usize, Error)| (k as u32, 0, at_row(lines[k], OFFICERS, "id", w));
        warnings.extend(alike.into_iter().map(at));
        crate::model::order::sort_by_key(&mut warnings, |&(k, entry, _)| (k, entry));
    }
    let mismatch = |k: u32| {
        let i = k as usize;
        let position = &fw.positions.items[cohort.position_of(k) as usize];
        let warning = Error::DepartmentMismatch {
            officer: OfficerId::new(cohort.id_str(k)),
            department: cohort.departments[cohort.department_of(k) as usize].clone(),
            position: position.id.clone(),
            position_department: position.department.clone(),
        };
        at_row(lines[i], OFFICERS, "department", warning)
    };
    // An export can give one per officer: written out over the threads.
    let written = map_items(mismatched.len(), threads, |m| mismatch(mismatched[m]));
    if warnings.is_empty() {
        return written;
    }
    let mut out = Vec::with_capacity(written.len() + warnings.len());
    let mut next = mismatched.iter().zip(written).peekable();
    for (k, entry, warning) in warnings {
        while let Some((_, m)) = next.next_if(|&(&m, _)| m < k || (m == k && entry > 0)) {
            out.push(m);
        }
        out.push(warning);
    }
    out.extend(next.map(|(_, m)| m));
    out
}

/// Records the review's warning for a passbook entry dated after the as-of date.
pub(super) fn after_as_of(
    warnings: &mut Vec<(u32, u32, Error)>,
    row: &Row<'_>,
    columns: &Officers,
    k: u32,
    index: u32,
    entry: crate::people::officer::EvidenceView<'_>,
    as_of: u32,
) {
    if let Ok(Some(day)) = evidence_date(entry.date)
        && day > as_of
    {
        let warning = Error::InvalidEvidence {
            officer: OfficerId::new(columns.id(k as usize)),
            index: index as usize,
            competency: entry.competency.into(),
            problem: EvidenceProblem::AfterAsOf {
                date: entry.date.to_owned(),
                as_of: crate::model::date::format_day(as_of),
            },
        };
        warnings.push((k, 1 + index, at_row(row.line(), EVIDENCE, "date", warning)));
    }
}
