//! Monitoring and evaluation: what changed between two snapshots of the same officers.

use serde::Serialize;

use crate::model::spec::CompetencyType;
use crate::{CompetencyId, CourseId, DepartmentId, Level, OfficerId, PositionId, Weights};

/// Options for [`Framework::compare`](crate::Framework::compare).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CompareOptions {
    pub(super) weights: Weights,
    pub(super) threads: usize,
}

impl CompareOptions {
    /// Readiness weights per competency type (default: all 1), used for both snapshots.
    pub fn weights(mut self, weights: Weights) -> Self {
        self.weights = weights;
        self
    }

    /// Worker threads to use (default 1; 0 counts as 1), split as for
    /// [`NeedsOptions::threads`](crate::NeedsOptions::threads): at most
    /// `min(n, rayon::current_num_threads())` parts, never more than one per officer nor
    /// than `std::thread::available_parallelism`, run as tasks of the current rayon pool;
    /// on the calling thread without the default `parallel` feature and on `wasm32`. The
    /// result is the same in every case.
    pub fn threads(mut self, n: usize) -> Self {
        self.threads = n;
        self
    }

    /// The readiness weights.
    pub fn get_weights(&self) -> &Weights {
        &self.weights
    }
}

/// Progress of a group of officers between two snapshots. All counts are over the
/// officer–requirement pairs of the group, as defined on [`Evaluation`].
///
/// # Properties
/// - `gaps_after = gaps_before − closed + opened`, with `closed ≤ gaps_before` and
///   `opened ≤ requirements − gaps_before`.
/// - `shortfall_after = shortfall_before − levels_gained + levels_lost`.
/// - `readiness_gained = readiness_after − readiness_before` (as computed in `f64`); both
///   means lie in `[0, 1]`. The report prints each mean with one decimal and the change
///   as the difference of the two printed figures, so the three always agree.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Progress {
    /// Officers in the group (present in both snapshots).
    pub officers: u64,
    /// Officer–requirement pairs: each officer's requirements summed.
    pub requirements: u64,
    /// Pairs short in the first snapshot.
    pub gaps_before: u64,
    /// Pairs short in the second snapshot.
    pub gaps_after: u64,
    /// Pairs short before and met after.
    pub closed: u64,
    /// Pairs met before and short after (e.g. evidence that lapsed under the policy).
    pub opened: u64,
    /// Sum of shortfalls before, in levels.
    pub shortfall_before: u64,
    /// Sum of shortfalls after, in levels.
    pub shortfall_after: u64,
    /// Sum over pairs of the shortfall that went away, `max(0, before − after)`: partial
    /// progress counts here, though only a met requirement counts as closed.
    pub levels_gained: u64,
    /// Sum over pairs of the shortfall that appeared, `max(0, after − before)`.
    pub levels_lost: u64,
    /// Officers meeting every requirement before.
    pub without_gaps_before: u64,
    /// Officers meeting every requirement after.
    pub without_gaps_after: u64,
    /// Mean readiness before (0 for no officers): the mean of the officers' readiness as
    /// [`GapReport`](crate::GapReport) reports it, below 1 while some officer's is.
    pub readiness_before: f64,
    /// Mean readiness after (0 for no officers), as `readiness_before`.
    pub readiness_after: f64,
    /// `readiness_after − readiness_before`.
    pub readiness_gained: f64,
}

/// Progress on one competency, over the officers whose position requires it.
///
/// # Properties
/// `short_after = short_before − closed + opened` and
/// `shortfall_after = shortfall_before − levels_gained + levels_lost`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CompetencyProgress<'f> {
    /// The competency.
    pub competency: &'f CompetencyId,
    /// Its name.
    pub name: &'f str,
    /// Its type.
    pub kind: CompetencyType,
    /// Officers whose position (before) requires it.
    pub officers_required: u64,
    /// Of them, officers below the required level before.
    pub short_before: u64,
    /// Of them, officers below the required level after.
    pub short_after: u64,
    /// Officers short before and not after.
    pub closed: u64,
    /// Officers not short before and short after.
    pub opened: u64,
    /// Sum of shortfalls before.
    pub shortfall_before: u64,
    /// Sum of shortfalls after.
    pub shortfall_after: u64,
    /// As [`Progress::levels_gained`], for this competency.
    pub levels_gained: u64,
    /// As [`Progress::levels_lost`], for this competency.
    pub levels_lost: u64,
}

/// Progress of the officers who held one position in the first snapshot.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PositionProgress<'f> {
    /// The position.
    pub position: &'f PositionId,
    /// Its name.
    pub name: &'f str,
    /// Their progress.
    pub progress: Progress,
}

/// Progress of the officers of one department (as of the first snapshot).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DepartmentProgress {
    /// The department.
    pub department: DepartmentId,
    /// Their progress.
    pub progress: Progress,
}

/// An officer whose position differs between the snapshots.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Move<'f> {
    /// The officer.
    pub officer: OfficerId,
    /// The officer's name in the second snapshot, or in the first when the second gives
    /// none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub officer_name: Option<String>,
    /// The position before, against which both snapshots are measured.
    pub from: &'f PositionId,
    /// Its name.
    pub from_name: &'f str,
    /// The position after.
    pub to: &'f PositionId,
    /// Its name.
    pub to_name: &'f str,
}

/// What the completers of one course showed in one competency the course builds.
///
/// For a competency the course claims at a level `l`, `reached` counts completers at level
/// `l` or above in the second snapshot and `not_reached` the others. For an untagged outcome
/// (no level in the catalogue) nothing is guessed: `claimed` and `rate` are `None`, the
/// counts are 0, and only `mean_gained` is reported.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OutcomeEffect<'f> {
    /// The competency.
    pub competency: &'f CompetencyId,
    /// Its name.
    pub name: &'f str,
    /// The level the course claims; `None` when the catalogue gives none.
    pub claimed: Option<Level>,
    /// Completers at the claimed level or above after.
    pub reached: u64,
    /// Completers below the claimed level after: `completers − reached`.
    pub not_reached: u64,
    /// Completers already at the claimed level or above before the course.
    pub reached_before: u64,
    /// `reached / completers`; `None` when untagged.
    pub rate: Option<f64>,
    /// Mean over completers of (level after − level before); negative when levels lapsed.
    pub mean_gained: f64,
}

/// A course-effectiveness signal: a course completed between the snapshots and what its
/// completers showed afterwards.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CourseEffect<'f> {
    /// The course.
    pub course: &'f CourseId,
    /// Its name.
    pub name: &'f str,
    /// Officers (in both snapshots) who completed it between them.
    pub completers: u64,
    /// Share of claimed outcomes reached: `Σ reached / Σ (reached + not_reached)` over the
    /// tagged outcomes; `None` when the course claims no level.
    pub rate: Option<f64>,
    /// One entry per competency the course builds, sorted by competency id.
    pub outcomes: Vec<OutcomeEffect<'f>>,
}

/// What changed between two snapshots of the same officers, e.g. before and after a
/// training cycle. Built by [`Framework::compare`](crate::Framework::compare).
///
/// # Definitions
/// Officers are matched by id. For each matched officer, `p` is their position in the
/// **first** snapshot: progress is measured against the post the training was planned
/// for, in both snapshots, even when the officer has moved since (they are listed in
/// `moved`). Their department is also the one of the first snapshot.
///
/// For each requirement `(c, L)` of `p`, with `h₁`, `h₂` the levels held in `c` in the two
/// snapshots (0 when none), the shortfalls are `s₁ = max(0, L − h₁)` and
/// `s₂ = max(0, L − h₂)`. The pair is a *gap* in a snapshot where its shortfall is positive;
/// it is *closed* when `s₁ > 0 = s₂` and *opened* when `s₁ = 0 < s₂`.
///
/// Readiness is as on [`GapReport`](crate::GapReport), with the weights of
/// [`CompareOptions`], against `p` in both snapshots. Group means are the exact sum of the
/// group's officers' readiness (each `f64` taken exactly to 2⁻⁹⁴, that is exactly unless
/// it is below 2⁻⁴²), rounded once to `f64` and divided by their number, so they depend
/// neither on the order of officers in either cohort nor on the number of threads.
///
/// A course counts as *completed between the snapshots* by a matched officer when it is
/// among their course completions in the second snapshot and not in the first (every
/// completion counts, whatever the level policy).
///
/// # Properties
/// - Each [`Progress`] and [`CompetencyProgress`] satisfies its laws.
/// - Every integer field of `overall` equals its sum over `positions` and over
///   `departments`; `overall.requirements`, `gaps_*`, `closed`, `opened`, `shortfall_*`
///   and `levels_*` equal the sums of the corresponding fields of `competencies`.
/// - Comparing a cohort with itself closes, opens, gains and loses nothing, and lists no
///   course, move or unmatched officer.
/// - Every officer of either cohort is counted in `overall` or listed in `only_before` or
///   `only_after`.
/// - The result does not depend on the order of officers in either cohort; the same input
///   gives byte-identical output.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Evaluation<'f> {
    /// All matched officers.
    pub overall: Progress,
    /// Per competency required of at least one matched officer, sorted by competency id.
    pub competencies: Vec<CompetencyProgress<'f>>,
    /// Per position held before by at least one matched officer, sorted by position id.
    pub positions: Vec<PositionProgress<'f>>,
    /// Per department (before) of at least one matched officer, sorted by department.
    pub departments: Vec<DepartmentProgress>,
    /// Courses completed between the snapshots, least effective first: by `rate` (lowest
    /// first, courses claiming no level last), then course id.
    pub courses: Vec<CourseEffect<'f>>,
    /// Matched officers whose position changed, sorted by officer id.
    pub moved: Vec<Move<'f>>,
    /// Officers only in the first snapshot, sorted by id.
    pub only_before: Vec<Unmatched>,
    /// Officers only in the second snapshot, sorted by id.
    pub only_after: Vec<Unmatched>,
}

/// An officer found in one snapshot only (left, joined, or renumbered between them).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Unmatched {
    /// The officer.
    pub officer: OfficerId,
    /// The officer's name in that snapshot, when it gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub officer_name: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Cohort, Evidence, EvidenceSource, Framework, LevelPolicy, OfficerSpec};

    fn framework() -> Framework {
        Framework::from_json(
            r#"{"format_version": 1,
              "competencies": [{"id": "b", "name": "B", "type": "domain"},
                               {"id": "a", "name": "A", "type": "functional"}],
              "roles": [{"id": "r", "name": "R", "requires": [{"competency": "a", "level": 2}]}],
              "positions": [{"id": "p", "name": "P", "department": "d", "roles": ["r"]}],
              "courses": [
                {"id": "k2", "name": "K2", "hours": 1, "provides": [{"competency": "a"}]},
                {"id": "k1", "name": "K1", "hours": 1,
                 "provides": [{"competency": "b", "level": 3}, {"competency": "a", "level": 2}]}]}"#,
        )
        .unwrap()
    }

    fn officer(courses: &[&str]) -> OfficerSpec {
        OfficerSpec {
            id: "o".into(),
            name: None,
            department: "d".into(),
            position: "p".into(),
            target_position: None,
            passbook: courses
                .iter()
                .map(|&k| Evidence {
                    competency: "a".into(),
                    level: 2,
                    level_name: None,
                    source: EvidenceSource::CourseCompletion,
                    date: "2025-01-01".into(),
                    verified: true,
                    course: Some(k.into()),
                })
                .collect(),
        }
    }

    #[test]
    fn only_completions_new_in_the_second_snapshot_count() {
        let fw = framework();
        let policy = LevelPolicy::default();
        let before = Cohort::new(&fw, [officer(&["k1"])], &policy).unwrap();
        let after = Cohort::new(&fw, [officer(&["k1", "k2"])], &policy).unwrap();
        let eval = fw
            .compare(&before, &after, &CompareOptions::default())
            .unwrap();
        let courses: Vec<&str> = eval.courses.iter().map(|c| c.course.as_str()).collect();
        assert_eq!(courses, ["k2"]);
        assert_eq!(eval.courses[0].rate, None);
        assert!(eval.courses[0].outcomes[0].mean_gained.abs() < f64::EPSILON);
    }
}
