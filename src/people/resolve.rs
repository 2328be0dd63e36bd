//! Checking an officer against a framework: their own fields, every passbook entry, and
//! the held levels the policy derives; shared by [`Profile`](crate::Profile),
//! [`Cohort`](crate::Cohort) and the officer loaders.

use crate::model::date::{
    iso_date_bytes, parse_iso_date, parse_iso_date_or_time, suggest_iso_date,
};
use crate::model::day_memo::DayMemo;
use crate::model::level::{name_alone, name_then_number, numbered_name, whole_text};
use crate::model::level_name;
use crate::model::nearest::Nearest;
use crate::model::order;
use crate::model::quote::has_hidden;
use crate::model::validate::hidden_character;
use crate::people::officer::{Evidence, EvidenceSource, EvidenceView, OfficerSpec};
use crate::people::policy::{CourseLevels, LevelPolicy};
use crate::{CompetencySpec, EntityKind, Error, EvidenceProblem, Framework};

/// How many distinct unknown ids one profile or cohort looks up nearest ids for.
pub(crate) const NEAREST_LIMIT: usize = 1_000;

/// Where [`resolve_officer`] puts what it finds.
pub(crate) struct Resolved<'a> {
    /// Held levels, each `competency << 3 | level`, appended.
    pub(crate) held: &'a mut Vec<u32>,
    /// Completed course indices, appended.
    pub(crate) completed: &'a mut Vec<u32>,
    /// Problems, appended.
    pub(crate) errors: &'a mut Vec<Error>,
    /// Nearest known ids of unknown ones, remembered across officers.
    pub(crate) nearest: &'a mut Nearest,
    /// A workspace for inferring levels from the groups' rules.
    pub(crate) own: &'a mut Vec<(u32, u8)>,
    /// The dates read before, remembered across officers (`None`: each date is read).
    pub(crate) dates: Option<&'a mut DayMemo>,
}

/// An officer's own fields, borrowed from wherever they are held (an [`OfficerSpec`], a
/// JSON document being read), so that an officer can be checked without building a spec.
#[derive(Clone, Copy, Debug)]
pub(crate) struct OfficerView<'a> {
    pub(crate) id: &'a str,
    pub(crate) name: Option<&'a str>,
    pub(crate) department: &'a str,
    pub(crate) position: &'a str,
    pub(crate) target: Option<&'a str>,
}

impl OfficerSpec {
    /// The officer's own fields, borrowed.
    pub(crate) fn fields(&self) -> OfficerView<'_> {
        OfficerView {
            id: self.id.as_str(),
            name: self.name.as_deref(),
            department: self.department.as_str(),
            position: self.position.as_str(),
            target: self.target_position.as_ref().map(crate::PositionId::as_str),
        }
    }
}

/// Checks an officer's own fields: a blank id, a blank name, a blank department, and hidden
/// characters in the id or department.
fn check_fields(officer: OfficerView<'_>, errors: &mut Vec<Error>) {
    let id = officer.id;
    if id.trim().is_empty() {
        errors.push(Error::EmptyId {
            kind: EntityKind::Officer,
            index: 0,
        });
    } else {
        if officer.name.is_some_and(crate::model::quote::is_blank) {
            errors.push(Error::EmptyName {
                kind: EntityKind::Officer,
                id: id.to_owned(),
            });
        }
        if has_hidden(id) {
            errors.push(hidden_character(EntityKind::Officer, id, "id", id));
        }
        let department = officer.department;
        if department.trim().is_empty() {
            errors.push(Error::EmptyField {
                kind: EntityKind::Officer,
                id: id.to_owned(),
                field: "department",
            });
        } else if has_hidden(department) {
            errors.push(hidden_character(
                EntityKind::Officer,
                id,
                "department",
                department,
            ));
        }
    }
}

/// Checks one officer, appending its held levels (sorted, max per competency, each
/// `competency << 3 | level`) and completed courses; returns the position and target
/// indices when they resolve. `passbook` gives the officer's passbook entries in order.
pub(crate) fn resolve_officer<'e>(
    fw: &Framework,
    officer: OfficerView<'_>,
    passbook: impl IntoIterator<Item = EvidenceView<'e>>,
    policy: &LevelPolicy,
    out: &mut Resolved<'_>,
) -> (Option<u32>, Option<u32>) {
    let id = officer.id;
    let positions = || fw.positions.items.iter().map(|p| p.id.as_str());
    let mut unknown = |to_kind, to: &str| Error::UnknownReference {
        from_kind: EntityKind::Officer,
        from: id.to_owned(),
        to_kind,
        to: to.to_owned(),
        nearest: out.nearest.get(to_kind, to, positions),
    };
    check_fields(officer, out.errors);
    let position = fw.positions.get(officer.position);
    if position.is_none() {
        out.errors
            .push(unknown(EntityKind::Position, officer.position));
    }
    let mut target = None;
    if let Some(t) = officer.target {
        target = fw.positions.get(t);
        if target.is_none() {
            out.errors.push(unknown(EntityKind::Position, t));
        }
    }
    let start = out.held.len();
    let course_start = out.completed.len();
    // Whether the levels counted so far come by increasing competency, so that they need
    // no sorting.
    let mut in_order = true;
    for (index, e) in passbook.into_iter().enumerate() {
        let held = if let Some(common) = common_entry(fw, policy, e, out.dates.as_deref_mut()) {
            common.held
        } else {
            let before = out.errors.len();
            let counted = check_evidence(fw, policy, e, out.completed, out.nearest);
            for problem in counted.problems {
                out.errors.push(Error::InvalidEvidence {
                    officer: id.into(),
                    index,
                    competency: e.competency.into(),
                    problem,
                });
            }
            counted
                .held
                .filter(|_| out.errors.len() == before)
                .map(|(c, level)| c << 3 | u32::from(level))
        };
        if let Some(held) = held {
            in_order &= out.held.len() == start || out.held[out.held.len() - 1] >> 3 < held >> 3;
            out.held.push(held);
        }
    }
    // Levels counted one per competency, in order, are already the levels held.
    if !in_order || !settles_in_place(fw, policy) {
        settle_tail(fw, policy, out.held, start, out.own);
    }
    let completed = &mut *out.completed;
    crate::model::order::sort_unstable(&mut completed[course_start..]);
    let mut seen_end = course_start;
    for r in course_start..completed.len() {
        if seen_end == course_start || completed[seen_end - 1] != completed[r] {
            completed[seen_end] = completed[r];
            seen_end += 1;
        }
    }
    completed.truncate(seen_end);
    (position, target)
}

/// Turns the levels one officer's counted evidence gives, `held[start..]`, into the levels
/// they hold: the highest per competency, sorted by competency, raised by the groups' rules
/// when the policy infers them.
pub(crate) fn settle_held(
    fw: &Framework,
    policy: &LevelPolicy,
    held: &mut Vec<(u32, u8)>,
    start: usize,
) {
    // Highest level per competency: sort by (competency, level desc), keep the first.
    order::sort_unstable_by_value(&mut held[start..], |a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut w = start;
    for r in start..held.len() {
        if w == start || held[w - 1].0 != held[r].0 {
            held[w] = held[r];
            w += 1;
        }
    }
    held.truncate(w);
    let rules = &fw.hierarchy.rules;
    if policy.infer_group_rules && !rules.is_empty() {
        if start == 0 {
            rules.apply(held);
        } else {
            let mut own = held.split_off(start);
            rules.apply(&mut own);
            held.append(&mut own);
        }
    }
}

/// [`settle_held`] for the levels packed as `competency << 3 | level` in `held[start..]`,
/// in place; `own` is a workspace.
fn settle_tail(
    fw: &Framework,
    policy: &LevelPolicy,
    held: &mut Vec<u32>,
    start: usize,
    own: &mut Vec<(u32, u8)>,
) {
    if settles_in_place(fw, policy) {
        let kept = highest_packed(&mut held[start..]);
        held.truncate(start + kept);
    } else {
        own.clear();
        own.extend(held[start..].iter().map(|&x| (x >> 3, (x & 7) as u8)));
        held.truncate(start);
        settle_held(fw, policy, own, 0);
        held.extend(own.iter().map(|&(c, l)| c << 3 | u32::from(l)));
    }
}

/// [`settle_held`] for one officer's counted levels packed as `competency << 3 | level`,
/// appending the levels held, packed too, to `out`; `own` is a workspace.
pub(crate) fn settle_packed(
    fw: &Framework,
    policy: &LevelPolicy,
    levels: &[u32],
    own: &mut Vec<(u32, u8)>,
    out: &mut Vec<u32>,
) {
    let from = out.len();
    out.extend_from_slice(levels);
    settle_tail(fw, policy, out, from, own);
}

/// Whether [`settle_packed`] only keeps the highest level of each competency (no group
/// rule to infer levels from), so that [`highest_packed`] does its work in place.
pub(crate) fn settles_in_place(fw: &Framework, policy: &LevelPolicy) -> bool {
    !policy.infer_group_rules || fw.hierarchy.rules.is_empty()
}

/// One officer's counted levels packed as `competency << 3 | level` reduced in place to the
/// highest level of each competency, by competency: the first `k` values, `k` returned.
/// What [`settle_packed`] appends when [`settles_in_place`]. A passbook listed in
/// competency order, with a few entries after it, is reduced in about one pass
/// ([`order::last_of_groups`]).
pub(crate) fn highest_packed(levels: &mut [u32]) -> usize {
    // Sorted as integers, by competency and then level: the last of each competency is
    // its highest level.
    order::last_of_groups(levels, |x| x >> 3)
}

/// What a passbook entry of the commonest kind gives (see [`common_entry`]).
struct Common {
    /// The level held, as `competency << 3 | level`; `None` when the policy does not
    /// count the entry.
    held: Option<u32>,
}

/// What a passbook entry of the commonest kind gives, found in a few steps: no course and
/// not a completion, a known competency, a level 0 or within its scale, and a `YYYY-MM-DD`
/// date or none. Such an entry has no problem, and gives what [`check_evidence`] gives for
/// it. `None` for any other entry, left to `check_evidence`. `dates`: the dates read
/// before, when the caller keeps them.
// Once per passbook entry: the copy of `resolve_officer` in `Cohort::with_threads`'s
// workers called it apart otherwise (14% more instructions per officer).
#[allow(clippy::inline_always)]
#[inline(always)]
fn common_entry(
    fw: &Framework,
    policy: &LevelPolicy,
    e: EvidenceView<'_>,
    dates: Option<&mut DayMemo>,
) -> Option<Common> {
    if e.course.is_some() || e.source == EvidenceSource::CourseCompletion || e.level_name.is_some()
    {
        return None;
    }
    let date = match (e.date.as_bytes(), dates) {
        ([], _) => None,
        (date, Some(dates)) => Some(dates.day(date)?),
        (date, None) => Some(iso_date_bytes(date)?),
    };
    let c = fw.competencies.get(e.competency)?;
    let (min, max) = (fw.competency_min[c as usize], fw.competency_max[c as usize]);
    let level = e.level;
    if level > max || (level > 0 && level < min) {
        return None;
    }
    let counts = level > 0 && policy.counts(e.source, e.verified, date);
    Some(Common {
        held: counts.then_some(c << 3 | u32::from(level)),
    })
}

/// What one passbook entry gives: its problems, or the level it lets the officer hold.
pub(crate) struct Checked {
    pub(crate) problems: Vec<EvidenceProblem>,
    pub(crate) held: Option<(u32, u8)>,
}

/// Checks one passbook entry against the framework; appends a completed course to
/// `completed`.
pub(crate) fn check_evidence(
    fw: &Framework,
    policy: &LevelPolicy,
    e: EvidenceView<'_>,
    completed: &mut Vec<u32>,
    nearest: &mut Nearest,
) -> Checked {
    let mut problems = Vec::new();
    let e = as_read_back(fw, e);
    let competency = fw.competencies.get(e.competency);
    let (shown, name_read) = shown_level(fw, competency, e, &mut problems);
    let mut level = shown;
    match competency {
        None => {
            problems.insert(
                0,
                EvidenceProblem::UnknownCompetency {
                    nearest: nearest.get(EntityKind::Competency, e.competency, || {
                        fw.competencies.items.iter().map(|c| c.id.as_str())
                    }),
                    quote_nearest: false,
                },
            );
            // No competency exists above level 5, so this is wrong whatever the id was
            // meant to be: said now, not once the id is fixed.
            if shown > crate::Level::MAX.get() {
                problems.insert(
                    1,
                    EvidenceProblem::LevelAboveScale {
                        level: shown,
                        min: 1,
                        max: crate::Level::MAX.get(),
                    },
                );
            }
        }
        Some(c) => {
            let (min, max) = (fw.competency_min[c as usize], fw.competency_max[c as usize]);
            if shown > max {
                problems.push(EvidenceProblem::LevelAboveScale {
                    level: shown,
                    min,
                    max,
                });
            } else if shown > 0 && shown < min {
                // The competency does not exist below its lowest level; 0 says "none".
                problems.push(EvidenceProblem::LevelBelowScale {
                    level: shown,
                    min,
                    max,
                });
            }
            if let Some(name) = e.level_name.filter(|_| !name_read)
                && !level_has_name(fw, e.competency, e.level, name)
            {
                problems.push(name_mismatch(fw, c, e.level, name));
            }
        }
    }
    let date = evidence_date(e.date);
    if let Err(problem) = &date {
        problems.push(problem.clone());
    }
    match (e.course, e.source) {
        (None, EvidenceSource::CourseCompletion) => {
            problems.push(EvidenceProblem::CompletionWithoutCourse);
        }
        (None, _) => {}
        (Some(course), source) => match fw.courses.get(course) {
            None => problems.push(EvidenceProblem::UnknownCourse {
                course: course.to_owned(),
                nearest: nearest.get(EntityKind::Course, course, || {
                    fw.courses.items.iter().map(|c| c.id.as_str())
                }),
                quote_nearest: false,
            }),
            Some(k) if source == EvidenceSource::CourseCompletion => {
                completed.push(k);
                // A completion at level 0 records the completion and claims no level, so
                // there is nothing to check against the course.
                if let Some(c) = competency.filter(|_| shown > 0) {
                    match fw.builds_of(k).iter().find(|&&(built, _)| built == c) {
                        None => problems.push(EvidenceProblem::CourseDoesNotBuild {
                            course: course.into(),
                        }),
                        Some(&(_, Some(reached))) if shown > reached => {
                            match policy.course_levels {
                                CourseLevels::Reject => {
                                    problems.push(EvidenceProblem::AboveCourseLevel {
                                        course: course.into(),
                                        level: shown,
                                        course_level: reached,
                                    });
                                }
                                CourseLevels::Cap => level = reached,
                            }
                        }
                        Some(_) => {}
                    }
                }
            }
            Some(_) => {}
        },
    }
    let held = match (competency, date) {
        (Some(c), Ok(date)) if level > 0 && policy.counts(e.source, e.verified, date) => {
            Some((c, level))
        }
        _ => None,
    };
    Checked { problems, held }
}

/// The problem of a level written with a name (`3 - Advanced`) that competency `c` does
/// not give that level: both readings, the number's and the name's. O(levels).
fn name_mismatch(fw: &Framework, c: u32, level: u8, name: &str) -> EvidenceProblem {
    let (level_named, named) = level_name::readings(scale(fw, c), level, name);
    EvidenceProblem::LevelNameMismatch {
        level,
        name: name.to_owned(),
        level_named,
        named,
    }
}

/// Entry `e` as a JSON passbook reads back what `OfficersSpec::to_json` writes for it:
/// a level given by name only ([`Evidence::LEVEL_BY_NAME`]) whose name is not a name
/// alone, as an entry built in Rust may hold (`3`, `Level 3`, `3 - Advanced`), is written
/// as that text, which reads as the number (and the name beside it); so it means that
/// here too. A name followed by a number (`Foundation 2`), which a JSON passbook keeps
/// whole, is the name of the level of `fw`'s competency that has it, else the number with
/// the name before it (level 2 named `Foundation`), as the CSV reader reads the cell. Any
/// other entry is itself. O(length of the name + levels).
pub(crate) fn as_read_back<'e>(fw: &Framework, mut e: EvidenceView<'e>) -> EvidenceView<'e> {
    let Some(name) = e.level_name.filter(|_| e.level == Evidence::LEVEL_BY_NAME) else {
        return e;
    };
    let text = name.trim();
    // A competency's own name holding a number (`Foundation 2`) is that level's name,
    // as the CSV reader reads the cell, before it is a number with a name.
    if name_alone(text) || (name_then_number(text) && named_level(fw, e.competency, text).is_ok()) {
        return e;
    }
    if let Some(n) = whole_text(text) {
        (e.level, e.level_name) = (u8::try_from(n).unwrap_or(u8::MAX), None);
    } else if let Some((n, name)) = numbered_name(text) {
        (e.level, e.level_name) = (n, Some(name));
    }
    e
}

/// The level passbook entry `e` of `competency` shows, and whether its name was read as
/// a level's (`false`: none, or a name beside a number, still to be checked against that
/// number's). A level given by its name alone is the level of the competency with that
/// name, as the officers CSV reader reads the cell; a name no level or several have
/// claims none, its problem in `problems`. A number and a name that are a competency's
/// own name holding a number, split as an entry built in Rust may hold `Foundation 2`, is the level of
/// that name, as the CSV reader reads it. O(levels).
fn shown_level(
    fw: &Framework,
    competency: Option<u32>,
    e: EvidenceView<'_>,
    problems: &mut Vec<EvidenceProblem>,
) -> (u8, bool) {
    let name = match e.level_name {
        Some(name) => name,
        // Given by name only without a name (or a blank one), as an entry built in Rust
        // may be: no level has it, so it is refused as such a name is.
        None if e.level == Evidence::LEVEL_BY_NAME => "",
        None => return (e.level, false),
    };
    if e.level != Evidence::LEVEL_BY_NAME {
        let own = competency.and_then(|c| own_split(fw, c, e.level, name));
        return (own.unwrap_or(e.level), own.is_some());
    }
    let scale = competency.map(|c| scale(fw, c));
    let level = level_name::named_level(scale, name).unwrap_or_else(|_| {
        let (min, max) = scale.map_or((1, 5), |(_, min, max)| (min, max));
        problems.push(EvidenceProblem::UnresolvedLevelName {
            name: name.trim().to_owned(),
            named: level_name::levels_named(scale, name),
            min,
            max,
        });
        0
    });
    (level, true)
}

/// The level of competency `c` whose own name is `name` beside `level` split apart (see
/// [`level_name::own_name_split`]), when `name` is not the competency's name of `level`
/// itself. O(levels).
fn own_split(fw: &Framework, c: u32, level: u8, name: &str) -> Option<u8> {
    let spec = &fw.competencies.items[c as usize];
    if level_name::level_has_name(Some(spec), level, name) {
        return None;
    }
    level_name::own_name_split(scale(fw, c), level, name)
}

/// The level passbook entry `e` counts as (see [`crate::Evidence::level_name`]), read as
/// [`as_read_back`] reads it: a name alone read by the competency's names, a
/// competency's own name holding a number read as that level, else its number; `None`
/// for an entry whose level validation refuses (`check_evidence`): of a competency `fw`
/// does not hold, a name alone that names no level or several, a number with another
/// level's name, or a level outside the competency's scale (above its highest, or below
/// its lowest but not 0). O(levels).
pub(crate) fn entry_level(fw: &Framework, e: EvidenceView<'_>) -> Option<u8> {
    let e = as_read_back(fw, e);
    let c = fw.competencies.get(e.competency)?;
    let level = match e.level_name {
        Some(name) if e.level == Evidence::LEVEL_BY_NAME => {
            named_level(fw, e.competency, name).ok()?
        }
        Some(name) => own_split(fw, c, e.level, name)
            .or_else(|| level_has_name(fw, e.competency, e.level, name).then_some(e.level))?,
        None => e.level,
    };
    let (_, min, max) = scale(fw, c);
    (level <= max && (level == 0 || level >= min)).then_some(level)
}

/// Competency `c` of `fw` with its lowest and highest level.
fn scale(fw: &Framework, c: u32) -> (&CompetencySpec, u8, u8) {
    let c = c as usize;
    (
        &fw.competencies.items[c],
        fw.competency_min[c],
        fw.competency_max[c],
    )
}

/// The level of `competency` that `text` names, as HR systems export a level by the name
/// the platform shows (see [`level_name::named_level`]): `Err(false)` when no level has
/// that name, `Err(true)` when several have. For a competency the framework does not hold
/// (an error of its own), the default names. O(levels).
pub(crate) fn named_level(framework: &Framework, competency: &str, text: &str) -> Result<u8, bool> {
    let found = framework.competencies.get(competency);
    level_name::named_level(found.map(|c| scale(framework, c)), text)
}

/// Whether `name` is the name of level `level` of `competency` (see
/// [`level_name::level_has_name`]). O(levels).
fn level_has_name(framework: &Framework, competency: &str, level: u8, name: &str) -> bool {
    let found = framework.competencies.get(competency);
    let spec = found.map(|c| &framework.competencies.items[c as usize]);
    level_name::level_has_name(spec, level, name)
}

/// An evidence date: `Ok(None)` when blank (undated), `Ok(Some(yyyymmdd))` for an ISO date
/// or date-time.
pub(crate) fn evidence_date(text: &str) -> Result<Option<u32>, EvidenceProblem> {
    // `YYYY-MM-DD` alone, as most exports write dates.
    if text.len() == 10
        && let Some(day) = parse_iso_date(text)
    {
        return Ok(Some(day));
    }
    // A date starts with a digit; only other text can be blank.
    let dated = text.as_bytes().first().is_some_and(u8::is_ascii_digit);
    if !dated && text.trim().is_empty() {
        return Ok(None);
    }
    parse_iso_date_or_time(text)
        .map(Some)
        .ok_or_else(|| EvidenceProblem::InvalidDate {
            found: text.to_owned(),
            suggestion: suggest_iso_date(text).or_else(|| crate::model::epoch::epoch_instant(text)),
            two_digit_year: crate::model::short_year::two_digit_year_readings(text).into(),
        })
}

#[cfg(test)]
#[path = "resolve_tests.rs"]
mod tests;
