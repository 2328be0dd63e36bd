//! Officers, their competency passbooks, and the levels derived from them.

use serde::{Deserialize, Serialize};

use crate::model::date::{parse_iso_date, parse_iso_date_or_time, suggest_iso_date};
use crate::model::nearest::Nearest;
use crate::model::quote::has_hidden;
use crate::model::validate::hidden_character;
use crate::{
    CompetencyId, CourseId, DepartmentId, EntityKind, Error, Errors, EvidenceProblem, Framework,
    Level, OfficerId, PositionId,
};

/// An officer as supplied by the caller: who they are, where they serve, and their passbook.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfficerSpec {
    /// Unique, non-empty id.
    pub id: OfficerId,
    /// The officer's name as reports print it, e.g. `"Meena Iyer"`; not blank when given.
    /// Optional (format version 2 and later): reports show the id alone without it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The ministry, department or organisation the officer belongs to.
    pub department: DepartmentId,
    /// The position the officer holds now.
    pub position: PositionId,
    /// A position the officer is moving to (transfer, promotion), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_position: Option<PositionId>,
    /// The competency passbook: everything the officer has shown.
    #[serde(default)]
    pub passbook: Vec<Evidence>,
}

/// A document of officers: the interchange format for officer profiles.
///
/// # Example
/// ```
/// use karmayogi::OfficersSpec;
///
/// let doc = OfficersSpec::from_json(r#"{"format_version": 1, "officers": [
///   {"id": "o1", "department": "posts", "position": "postmaster",
///    "passbook": [{"competency": "accounts", "level": 2, "source": "assessment",
///                  "date": "2025-06-30"}]}
/// ]}"#)?;
/// assert_eq!(doc.officers[0].passbook[0].level, 2);
/// assert_eq!(OfficersSpec::from_json(&doc.to_json())?, doc);
/// # Ok::<(), karmayogi::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfficersSpec {
    /// From [`OLDEST_FORMAT_VERSION`](crate::OLDEST_FORMAT_VERSION) to
    /// [`FORMAT_VERSION`](crate::FORMAT_VERSION).
    pub format_version: u32,
    /// The officers.
    pub officers: Vec<OfficerSpec>,
}

impl OfficersSpec {
    /// An empty document at the current format version.
    pub fn new() -> Self {
        OfficersSpec {
            format_version: crate::FORMAT_VERSION,
            officers: Vec::new(),
        }
    }

    /// Reads a document from JSON, checking `format_version` first.
    ///
    /// # Errors
    /// [`Error::UnsupportedFormatVersion`] when the version is not one this crate reads;
    /// [`Error::Json`] for malformed JSON, a
    /// missing version, unknown fields, or values of the wrong type.
    pub fn from_json(json: &str) -> Result<OfficersSpec, Error> {
        crate::model::json::from_versioned_json(json)
    }

    /// Writes the document as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        crate::model::json::to_pretty_json(self)
    }
}

/// Where a piece of evidence came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceSource {
    /// Completing a course (name it in [`Evidence::course`]).
    CourseCompletion,
    /// A formal assessment.
    Assessment,
    /// 360-degree feedback (self, peer, manager or subordinate).
    Feedback360,
    /// The officer's own claim.
    SelfDeclared,
}

/// One entry of a competency passbook: a competency shown at a level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// The competency shown.
    pub competency: CompetencyId,
    /// The level shown, 0 up to the competency's highest level.
    pub level: u8,
    /// Where the evidence came from.
    pub source: EvidenceSource,
    /// When, as an ISO 8601 date `YYYY-MM-DD` supplied by the caller; an ISO 8601
    /// date-time (`2024-02-10T09:30:00.000+0530`) is read by its date as written. Empty (or
    /// whitespace only, or absent in JSON) when the evidence is undated, as the platform's
    /// self-attestations are: [`LevelPolicy::undated`] says whether it counts. Format
    /// version 1 requires a date; version 2 lets it be absent.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
    /// Whether an authority has verified it. Defaults to `true`.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub verified: bool,
    /// The course completed, for [`EvidenceSource::CourseCompletion`] (required there; a
    /// blank id counts as none). Other sources may name a course too (an assessment at
    /// the end of one); it must then exist.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub course: Option<CourseId>,
}

impl Evidence {
    /// The entry as borrowed fields, a blank course as none.
    pub(crate) fn view(&self) -> EvidenceView<'_> {
        EvidenceView {
            competency: self.competency.as_str(),
            level: self.level,
            source: self.source,
            date: &self.date,
            verified: self.verified,
            course: self
                .course
                .as_ref()
                .map(CourseId::as_str)
                .filter(|c| !c.trim().is_empty()),
        }
    }
}

/// A passbook entry borrowed from wherever it is held (an [`Evidence`], a CSV record), so
/// that it can be checked and counted without building an `Evidence`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct EvidenceView<'a> {
    pub(crate) competency: &'a str,
    pub(crate) level: u8,
    pub(crate) source: EvidenceSource,
    pub(crate) date: &'a str,
    pub(crate) verified: bool,
    /// The course named; `None` for none or a blank id.
    pub(crate) course: Option<&'a str>,
}

/// Whether evidence without a date counts, in a [`LevelPolicy`].
///
/// The platform's self-attestations carry no date, and real exports write `"date": ""`
/// or leave it out. Such evidence cannot be shown to be recent, so by default it counts
/// only while no cut-off ([`LevelPolicy::not_before`]) is set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum UndatedEvidence {
    /// Undated evidence always counts: it never lapses.
    Counts,
    /// Undated evidence counts unless [`LevelPolicy::not_before`] sets a cut-off. The
    /// default.
    #[default]
    CountsWithoutCutoff,
    /// Undated evidence never counts.
    Ignored,
}

/// What a course completion claiming a level above the course's own level means, in a
/// [`LevelPolicy`].
///
/// A completion of a course that builds a competency to level 2 cannot show level 5: the
/// claim is a mistake in the export (or the catalogue).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum CourseLevels {
    /// The completion is an error ([`EvidenceProblem::AboveCourseLevel`], naming the
    /// officer, course, competency and both levels). The default.
    #[default]
    Reject,
    /// The completion counts at the course's level.
    Cap,
}

fn yes() -> bool {
    true
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's `skip_serializing_if` passes a reference
fn is_true(b: &bool) -> bool {
    *b
}

/// How an officer's current level per competency is derived from the passbook.
///
/// The current level is the **highest level among the evidence the policy counts**, 0 when
/// none counts, and, when [`infer_group_rules`](LevelPolicy::infer_group_rules) is on,
/// raised by the groups' rules. By default it counts verified evidence from course
/// completions, assessments and 360-degree feedback, of any date (undated evidence too),
/// and not self-declared evidence; a course completion above the course's own level is an
/// error; no level is inferred.
///
/// # Example
/// ```
/// use karmayogi::LevelPolicy;
///
/// let policy = LevelPolicy::default().self_declared(true).not_before("2022-04-01")?;
/// assert!(policy.counts_self_declared());
/// # Ok::<(), karmayogi::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[allow(clippy::struct_excessive_bools)] // independent switches, each with its own setter
pub struct LevelPolicy {
    verified_only: bool,
    self_declared: bool,
    feedback_360: bool,
    not_before: Option<u32>,
    undated: UndatedEvidence,
    course_levels: CourseLevels,
    infer_group_rules: bool,
}

impl Default for LevelPolicy {
    fn default() -> Self {
        LevelPolicy {
            verified_only: true,
            self_declared: false,
            feedback_360: true,
            not_before: None,
            undated: UndatedEvidence::default(),
            course_levels: CourseLevels::default(),
            infer_group_rules: false,
        }
    }
}

impl LevelPolicy {
    /// Whether only verified evidence counts (default `true`).
    pub fn verified_only(mut self, yes: bool) -> Self {
        self.verified_only = yes;
        self
    }

    /// Whether self-declared evidence counts (default `false`).
    pub fn self_declared(mut self, yes: bool) -> Self {
        self.self_declared = yes;
        self
    }

    /// Whether 360-degree feedback counts (default `true`).
    pub fn feedback_360(mut self, yes: bool) -> Self {
        self.feedback_360 = yes;
        self
    }

    /// Counts only evidence dated on or after `date` (`YYYY-MM-DD`), so old evidence lapses.
    /// Undated evidence then stops counting too, unless [`LevelPolicy::undated`] says
    /// [`UndatedEvidence::Counts`].
    ///
    /// # Errors
    /// [`Error::InvalidPolicyDate`] when `date` is not an ISO calendar date.
    pub fn not_before(mut self, date: &str) -> Result<Self, Error> {
        let d = parse_iso_date(date).ok_or_else(|| Error::InvalidPolicyDate {
            value: date.to_owned(),
        })?;
        self.not_before = Some(d);
        Ok(self)
    }

    /// Whether undated evidence counts (default
    /// [`UndatedEvidence::CountsWithoutCutoff`]).
    pub fn undated(mut self, rule: UndatedEvidence) -> Self {
        self.undated = rule;
        self
    }

    /// What a course completion above the course's own level means (default
    /// [`CourseLevels::Reject`]: an error).
    pub fn course_levels(mut self, rule: CourseLevels) -> Self {
        self.course_levels = rule;
        self
    }

    /// Whether the groups' rules ([`GroupRule`](crate::GroupRule)) infer levels (default
    /// `false`). When on, after the levels are derived from the evidence, every rule is
    /// applied once, bottom-up (each after the rules feeding it): an officer holding
    /// enough of a group's children at the rule's level holds the rule's competency at
    /// that level, unless they hold it higher already.
    ///
    /// # Properties
    /// - Off, or on with a framework without rules, gives exactly the levels of the
    ///   evidence.
    /// - Inference only raises levels, and is monotone: raising an evidence level never
    ///   lowers an inferred one.
    /// - One bottom-up pass reaches the fixpoint: applying any rule again changes nothing,
    ///   so the result does not depend on the order of groups in the spec.
    ///
    /// # Complexity
    /// Per officer, O(Σ children · log h) over the rules for h held competencies, and
    /// nothing for an officer holding nothing.
    pub fn infer_group_rules(mut self, yes: bool) -> Self {
        self.infer_group_rules = yes;
        self
    }

    /// Whether the groups' rules infer levels.
    pub fn infers_group_rules(&self) -> bool {
        self.infer_group_rules
    }

    /// Whether self-declared evidence counts.
    pub fn counts_self_declared(&self) -> bool {
        self.self_declared
    }

    /// Whether evidence from `source`, verified or not, dated `date` (`None`: undated)
    /// counts.
    pub(crate) fn counts(&self, source: EvidenceSource, verified: bool, date: Option<u32>) -> bool {
        (verified || !self.verified_only)
            && match source {
                EvidenceSource::SelfDeclared => self.self_declared,
                EvidenceSource::Feedback360 => self.feedback_360,
                EvidenceSource::CourseCompletion | EvidenceSource::Assessment => true,
            }
            && match (date, self.not_before) {
                (Some(date), Some(cut)) => date >= cut,
                (Some(_), None) => true,
                (None, cut) => match self.undated {
                    UndatedEvidence::Counts => true,
                    UndatedEvidence::CountsWithoutCutoff => cut.is_none(),
                    UndatedEvidence::Ignored => false,
                },
            }
    }
}

/// An officer checked against a framework, with current levels derived by a [`LevelPolicy`].
///
/// Build it with [`Profile::new`]. It is tied to the framework it was built from; using it
/// with another gives [`Error::FrameworkMismatch`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    pub(crate) stamp: u64,
    pub(crate) id: OfficerId,
    pub(crate) name: Option<String>,
    pub(crate) department: DepartmentId,
    pub(crate) position: u32,
    pub(crate) target: Option<u32>,
    /// (competency index, level > 0), sorted by competency.
    pub(crate) held: Vec<(u32, u8)>,
    /// Course indices completed (from course-completion evidence), sorted, deduplicated.
    pub(crate) completed: Vec<u32>,
}

impl Profile {
    /// Checks an officer against `framework` and derives their current levels.
    ///
    /// Every evidence entry is checked, whether or not the policy counts it: its competency
    /// and course must exist, its level must be within the competency's scale, its date
    /// must be empty (undated) or an ISO date or date-time, and a course completion must
    /// name a course; above level 0 (a completion that claims no level), that course must
    /// build the competency, to at least the level claimed (see
    /// [`LevelPolicy::course_levels`]; a course tagged without a level bounds nothing).
    ///
    /// # Errors
    /// [`Errors`] listing every problem: an empty or blank officer id ([`Error::EmptyId`]),
    /// name ([`Error::EmptyName`]) or department ([`Error::EmptyField`]), an unknown position
    /// or target ([`Error::UnknownReference`]), and every wrong passbook entry
    /// ([`Error::InvalidEvidence`], naming the officer, the entry's index and its
    /// competency).
    pub fn new(
        framework: &Framework,
        officer: &OfficerSpec,
        policy: &LevelPolicy,
    ) -> Result<Profile, Errors> {
        let mut errors = Vec::new();
        let mut held = Vec::new();
        let mut completed = Vec::new();
        let (position, target) = resolve_officer(
            framework,
            officer,
            policy,
            &mut Resolved {
                held: &mut held,
                completed: &mut completed,
                errors: &mut errors,
                nearest: &mut Nearest::new(NEAREST_LIMIT),
            },
        );
        match (position, Errors::from_vec(errors)) {
            (Some(position), None) => Ok(Profile {
                stamp: framework.stamp,
                id: officer.id.clone(),
                name: officer.name.clone(),
                department: officer.department.clone(),
                position,
                target,
                held,
                completed,
            }),
            (_, Some(errors)) => Err(errors),
            (None, None) => Err(Error::UnknownReference {
                from_kind: EntityKind::Officer,
                from: officer.id.to_string(),
                to_kind: EntityKind::Position,
                to: officer.position.to_string(),
            }
            .into()),
        }
    }

    /// The officer's id.
    pub fn id(&self) -> &OfficerId {
        &self.id
    }

    /// The officer's name, when the spec gives one.
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// The officer's department.
    pub fn department(&self) -> &DepartmentId {
        &self.department
    }

    /// The officer's current level in `competency` (0 when nothing counts or the id is unknown).
    ///
    /// # Errors
    /// [`Error::FrameworkMismatch`] when the profile was built from another framework.
    pub fn level(&self, framework: &Framework, competency: &str) -> Result<Level, Error> {
        framework.check_stamp(self.stamp)?;
        let Some(c) = framework.competencies.get(competency) else {
            return Ok(Level::NONE);
        };
        Ok(self
            .held
            .binary_search_by_key(&c, |&(k, _)| k)
            .map_or(Level::NONE, |i| Level::saturating(self.held[i].1)))
    }

    /// Every competency the officer holds above level 0, sorted by competency id.
    ///
    /// # Errors
    /// [`Error::FrameworkMismatch`] when the profile was built from another framework.
    pub fn held<'f>(
        &self,
        framework: &'f Framework,
    ) -> Result<Vec<(&'f CompetencyId, Level)>, Error> {
        framework.check_stamp(self.stamp)?;
        Ok(self
            .held
            .iter()
            .map(|&(c, l)| (framework.competency_id(c), Level::saturating(l)))
            .collect())
    }

    /// The courses the officer has completed, from course-completion evidence, sorted by id.
    /// Every completion counts here, whatever the level policy.
    ///
    /// # Errors
    /// [`Error::FrameworkMismatch`] when the profile was built from another framework.
    pub fn completed_courses<'f>(
        &self,
        framework: &'f Framework,
    ) -> Result<Vec<&'f CourseId>, Error> {
        framework.check_stamp(self.stamp)?;
        Ok(self
            .completed
            .iter()
            .map(|&c| framework.course_id(c))
            .collect())
    }

    /// The officer's current position.
    ///
    /// # Errors
    /// [`Error::FrameworkMismatch`] when the profile was built from another framework.
    pub fn position<'f>(&self, framework: &'f Framework) -> Result<&'f PositionId, Error> {
        framework.check_stamp(self.stamp)?;
        Ok(framework.position_id(self.position))
    }

    /// The officer's target position, if any.
    ///
    /// # Errors
    /// [`Error::FrameworkMismatch`] when the profile was built from another framework.
    pub fn target_position<'f>(
        &self,
        framework: &'f Framework,
    ) -> Result<Option<&'f PositionId>, Error> {
        framework.check_stamp(self.stamp)?;
        Ok(self.target.map(|t| framework.position_id(t)))
    }
}

impl Framework {
    pub(crate) fn check_stamp(&self, stamp: u64) -> Result<(), Error> {
        if stamp == self.stamp {
            Ok(())
        } else {
            Err(Error::FrameworkMismatch)
        }
    }
}

/// How many distinct unknown ids one profile or cohort looks up nearest ids for.
pub(crate) const NEAREST_LIMIT: usize = 1_000;

/// Where [`resolve_officer`] puts what it finds.
pub(crate) struct Resolved<'a> {
    /// Held levels, appended.
    pub(crate) held: &'a mut Vec<(u32, u8)>,
    /// Completed course indices, appended.
    pub(crate) completed: &'a mut Vec<u32>,
    /// Problems, appended.
    pub(crate) errors: &'a mut Vec<Error>,
    /// Nearest known ids of unknown ones, remembered across officers.
    pub(crate) nearest: &'a mut Nearest,
}

/// Checks an officer's own fields: a blank id, a blank name, a blank department, and hidden
/// characters in the id or department.
fn check_fields(officer: &OfficerSpec, errors: &mut Vec<Error>) {
    let id = officer.id.as_str();
    if id.trim().is_empty() {
        errors.push(Error::EmptyId {
            kind: EntityKind::Officer,
            index: 0,
        });
    } else {
        if officer.name.as_ref().is_some_and(|n| n.trim().is_empty()) {
            errors.push(Error::EmptyName {
                kind: EntityKind::Officer,
                id: id.to_owned(),
            });
        }
        if has_hidden(id) {
            errors.push(hidden_character(EntityKind::Officer, id, "id", id));
        }
        let department = officer.department.as_str();
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

/// Checks one officer, appending its held levels (sorted, max per competency) and completed
/// courses; returns the position and target indices when they resolve.
pub(crate) fn resolve_officer(
    fw: &Framework,
    officer: &OfficerSpec,
    policy: &LevelPolicy,
    out: &mut Resolved<'_>,
) -> (Option<u32>, Option<u32>) {
    let id = officer.id.as_str();
    let unknown = |to_kind, to: &str| Error::UnknownReference {
        from_kind: EntityKind::Officer,
        from: id.to_owned(),
        to_kind,
        to: to.to_owned(),
    };
    check_fields(officer, out.errors);
    let position = fw.positions.get(officer.position.as_str());
    if position.is_none() {
        out.errors
            .push(unknown(EntityKind::Position, officer.position.as_str()));
    }
    let mut target = None;
    if let Some(t) = &officer.target_position {
        target = fw.positions.get(t.as_str());
        if target.is_none() {
            out.errors.push(unknown(EntityKind::Position, t.as_str()));
        }
    }
    let start = out.held.len();
    let course_start = out.completed.len();
    for (index, e) in officer.passbook.iter().enumerate() {
        let before = out.errors.len();
        let counted = check_evidence(fw, policy, e.view(), out.completed, out.nearest);
        for problem in counted.problems {
            out.errors.push(Error::InvalidEvidence {
                officer: officer.id.clone(),
                index,
                competency: e.competency.clone(),
                problem,
            });
        }
        if out.errors.len() == before
            && let Some(held) = counted.held
        {
            out.held.push(held);
        }
    }
    settle_held(fw, policy, out.held, start);
    let completed = &mut *out.completed;
    completed[course_start..].sort_unstable();
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
    held[start..].sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
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
    let competency = fw.competencies.get(e.competency);
    let mut level = e.level;
    match competency {
        None => problems.push(EvidenceProblem::UnknownCompetency {
            nearest: nearest.get(EntityKind::Competency, e.competency, || {
                fw.competencies.items.iter().map(|c| c.id.as_str())
            }),
        }),
        Some(c) => {
            let max = fw.competency_max[c as usize];
            if e.level > max {
                problems.push(EvidenceProblem::LevelAboveScale {
                    level: e.level,
                    max,
                });
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
            }),
            Some(k) if source == EvidenceSource::CourseCompletion => {
                completed.push(k);
                // A completion at level 0 records the completion and claims no level, so
                // there is nothing to check against the course.
                if let Some(c) = competency.filter(|_| e.level > 0) {
                    match fw.builds_of(k).iter().find(|&&(built, _)| built == c) {
                        None => problems.push(EvidenceProblem::CourseDoesNotBuild {
                            course: course.into(),
                        }),
                        Some(&(_, Some(reached))) if e.level > reached => {
                            match policy.course_levels {
                                CourseLevels::Reject => {
                                    problems.push(EvidenceProblem::AboveCourseLevel {
                                        course: course.into(),
                                        level: e.level,
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

/// An evidence date: `Ok(None)` when blank (undated), `Ok(Some(yyyymmdd))` for an ISO date
/// or date-time.
pub(crate) fn evidence_date(text: &str) -> Result<Option<u32>, EvidenceProblem> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse_iso_date_or_time(text)
        .map(Some)
        .ok_or_else(|| EvidenceProblem::InvalidDate {
            found: text.to_owned(),
            suggestion: suggest_iso_date(text),
        })
}
