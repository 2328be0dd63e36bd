//! Warnings: what validation accepts but is probably a mistake.

use std::borrow::Borrow;

use crate::model::date::{format_day, parse_iso_date};
use crate::model::equivalent::alike_officers;
use crate::people::resolve::{entry_level, evidence_date};
use crate::{CourseId, Error, Evidence, EvidenceProblem, Framework, OfficerSpec};

/// Options for [`Framework::review_officers`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReviewOptions {
    pub(crate) as_of: Option<u32>,
}

impl ReviewOptions {
    /// Reports evidence dated after `date` (`YYYY-MM-DD`), e.g. the day the export was
    /// taken: a mistyped year, or data newer than the snapshot being analysed. Default:
    /// no date, nothing reported for dates.
    ///
    /// # Errors
    /// [`Error::InvalidPolicyDate`] when `date` is not an ISO calendar date.
    pub fn as_of(mut self, date: &str) -> Result<Self, Error> {
        let day = parse_iso_date(date).ok_or_else(|| Error::InvalidPolicyDate {
            value: date.to_owned(),
        })?;
        self.as_of = Some(day);
        Ok(self)
    }
}

impl Framework {
    /// Reports what [`Profile::new`](crate::Profile::new) and
    /// [`Cohort::new`](crate::Cohort::new) accept but is probably a mistake, as a list of
    /// warnings (each an [`Error`] value, with its code and fields), officers in input
    /// order:
    /// - [`Error::DepartmentMismatch`]: an officer whose department is not the department
    ///   of the position they hold. Officers on deputation legitimately are, so it is not
    ///   an error; an HR export that shifted a column is caught here.
    /// - [`Error::InvalidEvidence`] with [`EvidenceProblem::AfterAsOf`]: evidence dated
    ///   after [`ReviewOptions::as_of`].
    /// - [`Error::InvalidEvidence`] with [`EvidenceProblem::Duplicate`]: an entry with the
    ///   same competency, source, course and day as an earlier entry of the passbook that
    ///   repeats it whole or gives another level or verified flag, named at the later
    ///   entry. Validation keeps both (the highest counting level counts), so a repeated
    ///   export line or a contradicting record is seen here rather than merged unseen.
    ///
    /// - [`Error::LookalikeIds`] and [`Error::EquivalentIds`]: an officer whose id differs
    ///   from an earlier officer's only in letter case or surrounding whitespace (`o1`,
    ///   `O1`, `o1 `), or, ids of digits, only in leading zeros (`0123`, `123`: an Excel
    ///   round trip drops them), or is the same text in another Unicode form, named before the
    ///   officer's other warnings with every id of the set. They are distinct officers
    ///   (nothing is merged), but they print alike in every report.
    ///
    /// What validation rejects (unknown positions, malformed dates, a level outside its
    /// competency's scale or a name that names no level, …) is not repeated here; such an
    /// officer or entry is skipped, never compared with another entry as a repeat or a
    /// contradiction (a level 7 of a competency of levels 1 to 5 is reported by
    /// [`Cohort::new`](crate::Cohort::new) as
    /// [`EvidenceProblem::LevelAboveScale`], not here as "conflicts with level 3").
    ///
    /// # Complexity
    /// O(E log E) for E passbook entries (the entries of each passbook sorted to find
    /// duplicates), plus O(total length of the officer ids) to keep them, and O(n log n)
    /// for n officers when some ids could look alike (see `Framework::review`).
    ///
    /// # Example
    /// ```
    /// use karmayogi::{Framework, OfficerSpec, ReviewOptions};
    ///
    /// let fw = Framework::from_json(r#"{"format_version": 2,
    ///   "competencies": [{"id": "c", "name": "Noting", "type": "functional"}],
    ///   "roles": [{"id": "r", "name": "Dealing hand", "requires": [{"competency": "c", "level": 2}]}],
    ///   "positions": [{"id": "aso", "name": "ASO", "department": "dopt", "roles": ["r"]}]}"#)?;
    /// let officer: OfficerSpec = serde_json::from_str(r#"{"id": "o1", "department": "dopt",
    ///   "position": "aso",
    ///   "passbook": [{"competency": "c", "level": 2, "source": "assessment", "date": "2052-01-01"}]}"#)?;
    /// let warnings = fw.review_officers([&officer], &ReviewOptions::default().as_of("2025-04-01")?);
    /// assert_eq!(
    ///     warnings[0].to_string(),
    ///     "officer `o1` passbook entry 0 (competency `c`): dated `2052-01-01`, after the as-of date `2025-04-01`"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn review_officers<I>(&self, officers: I, options: &ReviewOptions) -> Vec<Error>
    where
        I: IntoIterator,
        I::Item: Borrow<OfficerSpec>,
    {
        let mut warnings = Vec::new();
        // Each officer's id and where its warnings start, to put the warnings about ids
        // that look alike, known once every id is, before the officer's own.
        let (mut ids, mut starts) = (Vec::new(), Vec::new());
        for officer in officers {
            let officer = officer.borrow();
            ids.push(officer.id.as_str().to_owned());
            starts.push(warnings.len());
            review_officer(self, officer, options, &mut |w, _| {
                warnings.push(w);
            });
        }
        let alike = alike_officers(ids.len(), |k| ids[k].as_str());
        if alike.is_empty() {
            return warnings;
        }
        starts.push(warnings.len());
        let mut own = warnings.into_iter();
        let mut alike = alike.into_iter().peekable();
        let mut out = Vec::new();
        for k in 0..ids.len() {
            out.extend(std::iter::from_fn(|| {
                alike.next_if(|a| a.0 == k).map(|a| a.1)
            }));
            out.extend(own.by_ref().take(starts[k + 1] - starts[k]));
        }
        out
    }
}

/// Where a warning about one officer comes from: the officer's own fields, or a passbook
/// entry (by index).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Source {
    Officer,
    Entry(usize),
}

/// The warnings about one officer, each with where it comes from.
pub(crate) fn review_officer(
    fw: &Framework,
    officer: &OfficerSpec,
    options: &ReviewOptions,
    each: &mut dyn FnMut(Error, Source),
) {
    if let Some(p) = fw.positions.get(officer.position.as_str()) {
        let position = &fw.positions.items[p as usize];
        if position.department != officer.department {
            each(
                Error::DepartmentMismatch {
                    officer: officer.id.clone(),
                    department: officer.department.clone(),
                    position: position.id.clone(),
                    position_department: position.department.clone(),
                },
                Source::Officer,
            );
        }
    }
    // A level given by its name alone counts as the level the competency gives that name,
    // as does a competency's own name holding a number; an entry whose level validation
    // refuses (a name that names no level or several, a level outside the competency's
    // scale) gives none, so the entry is compared with none (officers/09, 11).
    let levels: Vec<Option<u8>> = (officer.passbook.iter())
        .map(|e| entry_level(fw, e.view()))
        .collect();
    let duplicates = duplicates(&officer.passbook, &levels);
    for (index, e) in officer.passbook.iter().enumerate() {
        if let Some(first) = duplicates[index] {
            let f = &officer.passbook[first];
            each(
                Error::InvalidEvidence {
                    officer: officer.id.clone(),
                    index,
                    competency: e.competency.clone(),
                    problem: EvidenceProblem::Duplicate {
                        first,
                        first_line: None,
                        // Both entries' levels are known: `duplicates` skips the others.
                        level: levels[index].unwrap_or(e.level),
                        first_level: levels[first].unwrap_or(f.level),
                        verified: e.verified,
                        first_verified: f.verified,
                    },
                },
                Source::Entry(index),
            );
        }
        let Some(as_of) = options.as_of else { continue };
        if let Ok(Some(day)) = evidence_date(&e.date)
            && day > as_of
        {
            each(
                Error::InvalidEvidence {
                    officer: officer.id.clone(),
                    index,
                    competency: e.competency.clone(),
                    problem: EvidenceProblem::AfterAsOf {
                        date: e.date.clone(),
                        as_of: format_day(as_of),
                    },
                },
                Source::Entry(index),
            );
        }
    }
}

/// For each entry of `passbook`, whose levels as counted are `levels` (a level given by
/// name read by the competency's names), the earliest entry with the same competency, source,
/// course and day that it repeats whole (the date as written too) or contradicts (another
/// level or verified flag); `None` for the others and for entries whose date does not
/// read or whose level is `None`, a name that names no level (validation reports those). O(E log E) for E entries; dates are read only for
/// entries whose competency, source and course another entry shares.
pub(crate) fn duplicates(passbook: &[Evidence], levels: &[Option<u8>]) -> Vec<Option<usize>> {
    let mut found = vec![None; passbook.len()];
    if passbook.len() < 2 {
        return found;
    }
    let mut keyed: Vec<_> = (passbook.iter().enumerate())
        .map(|(i, e)| {
            let course = e.course.as_ref().map(CourseId::as_str);
            ((e.competency.as_str(), e.source, course), i)
        })
        .collect();
    keyed.sort_unstable();
    let mut dated = Vec::new();
    for same in keyed.chunk_by(|a, b| a.0 == b.0).filter(|s| s.len() > 1) {
        // The group's entries by day, each day's in passbook order.
        dated.clear();
        dated.extend(
            (same.iter())
                .filter(|&&(_, i)| levels[i].is_some())
                .filter_map(|&(_, i)| Some((evidence_date(&passbook[i].date).ok()?, i))),
        );
        dated.sort_unstable();
        for day in dated.chunk_by(|a, b| a.0 == b.0) {
            earliest_matches((passbook, levels), day.iter().map(|&(_, i)| i), &mut found);
        }
    }
    found
}

/// For entries `day` of one competency, source, course and day, in passbook order (their
/// levels as counted beside the passbook): in `found`, for each, the earliest before it with another level or verified flag, or with
/// the same date text. The earliest with another level or flag is the day's first entry
/// when that one differs, else the first entry that differs from the first. O(n log n).
fn earliest_matches(
    (passbook, levels): (&[Evidence], &[Option<u8>]),
    day: impl Iterator<Item = usize>,
    found: &mut [Option<usize>],
) {
    let pair = |i: usize| (levels[i], passbook[i].verified);
    let mut first: Option<usize> = None;
    let mut other: Option<usize> = None;
    // Date text → its first entry; a `HashMap` of this type is compiled anyway, where a
    // `BTreeMap` of its own was about 4.6 KB of WebAssembly.
    let mut texts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for i in day {
        let conflicting = match (first, other) {
            (Some(f), _) if pair(f) != pair(i) => Some(f),
            (Some(_), Some(o)) if pair(o) != pair(i) => Some(o),
            _ => None,
        };
        let repeated = texts.get(passbook[i].date.as_str()).copied();
        found[i] = match (conflicting, repeated) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        match first {
            None => first = Some(i),
            Some(f) if other.is_none() && pair(f) != pair(i) => other = Some(i),
            _ => {}
        }
        texts.entry(passbook[i].date.as_str()).or_insert(i);
    }
}
