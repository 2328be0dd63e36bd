//! What the suites share: builders of specs, officers and evidence, and `#[track_caller]`
//! helpers that unwrap or read results the same way everywhere. A suite keeps only what is
//! its own (its scenarios, its generators' shapes, its oracles); anything two suites need
//! lives here. `tests/planning.rs` includes this file too, so a builder it needs is not
//! written twice.

#![allow(dead_code)]

use karmayogi::{
    CaseImport, CaseImportOptions, CompetencySpec, CompetencyType, CourseOutcome, CourseSpec,
    Evidence, EvidenceSource, FrameworkSpec, GroupId, LevelDescriptor, Mode, OfficerSpec,
};

// ---------------------------------------------------------------------------------------
// Framework specs
// ---------------------------------------------------------------------------------------

/// Level descriptors for `levels`, in the order given, each described as `level N` and
/// unnamed.
pub fn descriptors(levels: impl IntoIterator<Item = u8>) -> Vec<LevelDescriptor> {
    levels
        .into_iter()
        .map(|level| LevelDescriptor {
            level,
            name: None,
            description: format!("level {level}"),
        })
        .collect()
}

/// A competency `id` named `name`, of `kind`, with [`descriptors`] for `levels` (none: the
/// default five-level scale).
pub fn competency(
    id: &str,
    name: impl Into<String>,
    kind: CompetencyType,
    levels: impl IntoIterator<Item = u8>,
) -> CompetencySpec {
    CompetencySpec {
        levels: descriptors(levels),
        ..CompetencySpec::new(id, name, kind)
    }
}

/// The highest level of a competency spec: its number of descriptors, or 5 for the
/// default scale.
pub fn scale_of(c: &CompetencySpec) -> u8 {
    if c.levels.is_empty() {
        5
    } else {
        c.levels.len() as u8
    }
}

/// Maps a generated level pick `1..=5` onto `1..=max`.
pub fn fit_level(pick: u8, max: u8) -> u8 {
    1 + (pick - 1) % max
}

/// A course `id` named `Course {id}` of `hours` in `mode`, building `provides` as
/// `(competency, level)` (no level: untagged) and requiring the courses `prerequisites`.
pub fn course(
    id: &str,
    hours: f64,
    mode: Mode,
    provides: &[(&str, Option<u8>)],
    prerequisites: &[&str],
) -> CourseSpec {
    CourseSpec {
        id: id.into(),
        name: format!("Course {id}"),
        hours,
        mode,
        provides: provides
            .iter()
            .map(|&(competency, level)| CourseOutcome {
                competency: competency.into(),
                level,
            })
            .collect(),
        prerequisites: prerequisites.iter().map(|&p| p.into()).collect(),
        provider: None,
        language: None,
    }
}

/// Each competency of `spec` with the ids of the groups it belongs to, in spec order.
pub fn memberships(spec: &FrameworkSpec) -> Vec<(&str, Vec<&str>)> {
    spec.competencies
        .iter()
        .map(|c| {
            (
                c.id.as_str(),
                c.groups.iter().map(GroupId::as_str).collect(),
            )
        })
        .collect()
}

/// The competency ids of `spec`, in spec order.
pub fn competency_ids(spec: &FrameworkSpec) -> Vec<&str> {
    spec.competencies.iter().map(|c| c.id.as_str()).collect()
}

// ---------------------------------------------------------------------------------------
// Officers
// ---------------------------------------------------------------------------------------

/// Verified evidence of `competency` at `level` from `source`, dated `date` (empty:
/// undated), naming `course` when given.
pub fn evidence(
    competency: &str,
    level: u8,
    source: EvidenceSource,
    date: &str,
    course: Option<&str>,
) -> Evidence {
    Evidence {
        competency: competency.into(),
        level,
        source,
        date: date.into(),
        verified: true,
        course: course.map(Into::into),
    }
}

/// Verified, undated assessments: one per `(competency, level)`.
pub fn assessed_undated(held: &[(&str, u8)]) -> Vec<Evidence> {
    held.iter()
        .map(|&(c, level)| evidence(c, level, EvidenceSource::Assessment, "", None))
        .collect()
}

/// An unnamed officer `id` of `department` in `position`, with no target position.
pub fn officer(id: &str, department: &str, position: &str, passbook: Vec<Evidence>) -> OfficerSpec {
    OfficerSpec {
        id: id.into(),
        name: None,
        department: department.into(),
        position: position.into(),
        target_position: None,
        passbook,
    }
}

// ---------------------------------------------------------------------------------------
// Generated officers
// ---------------------------------------------------------------------------------------

/// Every evidence source, for generators that pick one by index.
pub const SOURCES: [EvidenceSource; 4] = [
    EvidenceSource::CourseCompletion,
    EvidenceSource::Assessment,
    EvidenceSource::Feedback360,
    EvidenceSource::SelfDeclared,
];

/// The course of `spec` a generated pick names (modulo the number of courses), or `None`
/// when there is no pick or no course.
pub fn picked_course(spec: &FrameworkSpec, pick: Option<usize>) -> Option<&CourseSpec> {
    pick.filter(|_| !spec.courses.is_empty())
        .map(|k| &spec.courses[k % spec.courses.len()])
}

/// Makes generated evidence valid as a completion of `course`: a completion without a
/// course becomes an assessment, and one with a course is held above level 0 only of a
/// competency the course builds, at most to the course's level.
pub fn valid_completion(evidence: &mut Evidence, course: Option<&CourseSpec>) {
    match (evidence.source, course) {
        (EvidenceSource::CourseCompletion, None) => {
            evidence.source = EvidenceSource::Assessment;
        }
        (EvidenceSource::CourseCompletion, Some(k)) => {
            evidence.level = match k
                .provides
                .iter()
                .find(|o| o.competency == evidence.competency)
            {
                Some(o) => evidence.level.min(o.level.unwrap_or(5)),
                None => 0,
            };
        }
        _ => {}
    }
}

/// Course outcomes from generated `(competency pick, level pick)`s: each competency of
/// `competencies` once (the first pick wins), a level pick fitted to its scale.
pub fn outcomes(
    picks: &[(usize, Option<u8>)],
    competencies: &[CompetencySpec],
) -> Vec<CourseOutcome> {
    let mut seen = std::collections::BTreeSet::new();
    picks
        .iter()
        .map(|&(pick, level)| (&competencies[pick % competencies.len()], level))
        .filter(|(c, _)| seen.insert(c.id.clone()))
        .map(|(c, level)| CourseOutcome {
            competency: c.id.clone(),
            level: level.map(|l| fit_level(l, scale_of(c))),
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// CASE
// ---------------------------------------------------------------------------------------

/// A CASE package imported with the default options; panics with the errors' text.
#[track_caller]
pub fn import(json: &str) -> CaseImport {
    CaseImport::from_json(json, &CaseImportOptions::default()).unwrap_or_else(|e| panic!("{e}"))
}
