//! Officers, their competency passbooks, and the levels derived from them.

use serde::{Deserialize, Serialize};

use crate::internal::date::parse_iso_date;
use crate::{
    CompetencyId, CourseId, DepartmentId, EntityKind, Error, Errors, Framework, Level, OfficerId,
    PositionId,
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
        crate::internal::json::from_versioned_json(json)
    }

    /// Writes the document as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        crate::internal::json::to_pretty_json(self)
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
    /// When, as an ISO 8601 date `YYYY-MM-DD` supplied by the caller.
    pub date: String,
    /// Whether an authority has verified it. Defaults to `true`.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub verified: bool,
    /// The course completed, for [`EvidenceSource::CourseCompletion`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub course: Option<CourseId>,
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
/// none counts. By default it counts verified evidence from course completions, assessments
/// and 360-degree feedback, of any date, and not self-declared evidence.
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
pub struct LevelPolicy {
    verified_only: bool,
    self_declared: bool,
    feedback_360: bool,
    not_before: Option<u32>,
}

impl Default for LevelPolicy {
    fn default() -> Self {
        LevelPolicy {
            verified_only: true,
            self_declared: false,
            feedback_360: true,
            not_before: None,
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

    /// Whether self-declared evidence counts.
    pub fn counts_self_declared(&self) -> bool {
        self.self_declared
    }

    fn counts(&self, e: &Evidence, date: u32) -> bool {
        (e.verified || !self.verified_only)
            && match e.source {
                EvidenceSource::SelfDeclared => self.self_declared,
                EvidenceSource::Feedback360 => self.feedback_360,
                EvidenceSource::CourseCompletion | EvidenceSource::Assessment => true,
            }
            && self.not_before.is_none_or(|cut| date >= cut)
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
    /// and course must exist, its level must be within the competency's scale, and its date
    /// must be an ISO calendar date.
    ///
    /// # Errors
    /// [`Errors`] listing every problem: an empty officer id, a blank name
    /// ([`Error::EmptyName`]), unknown position, target, competency or course
    /// ([`Error::UnknownReference`]), [`Error::InvalidLevel`], [`Error::InvalidDate`].
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
            &mut held,
            &mut completed,
            &mut errors,
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

/// Checks one officer, appending its held levels (sorted, max per competency) and completed
/// courses; returns the position and target indices when they resolve.
pub(crate) fn resolve_officer(
    fw: &Framework,
    officer: &OfficerSpec,
    policy: &LevelPolicy,
    held: &mut Vec<(u32, u8)>,
    completed: &mut Vec<u32>,
    errors: &mut Vec<Error>,
) -> (Option<u32>, Option<u32>) {
    let id = officer.id.as_str();
    let unknown = |to_kind, to: &str| Error::UnknownReference {
        from_kind: EntityKind::Officer,
        from: id.to_owned(),
        to_kind,
        to: to.to_owned(),
    };
    if id.is_empty() {
        errors.push(Error::EmptyId {
            kind: EntityKind::Officer,
            index: 0,
        });
    } else if officer.name.as_ref().is_some_and(|n| n.trim().is_empty()) {
        errors.push(Error::EmptyName {
            kind: EntityKind::Officer,
            id: id.to_owned(),
        });
    }
    let position = fw.positions.get(officer.position.as_str());
    if position.is_none() {
        errors.push(unknown(EntityKind::Position, officer.position.as_str()));
    }
    let mut target = None;
    if let Some(t) = &officer.target_position {
        target = fw.positions.get(t.as_str());
        if target.is_none() {
            errors.push(unknown(EntityKind::Position, t.as_str()));
        }
    }
    let start = held.len();
    let course_start = completed.len();
    for e in &officer.passbook {
        let date = parse_iso_date(&e.date);
        if date.is_none() {
            errors.push(Error::InvalidDate {
                officer: officer.id.clone(),
                value: e.date.clone(),
            });
        }
        if let Some(course) = &e.course {
            match fw.courses.get(course.as_str()) {
                Some(c) if e.source == EvidenceSource::CourseCompletion => completed.push(c),
                Some(_) => {}
                None => errors.push(unknown(EntityKind::Course, course.as_str())),
            }
        }
        let Some(c) = fw.competencies.get(e.competency.as_str()) else {
            errors.push(unknown(EntityKind::Competency, e.competency.as_str()));
            continue;
        };
        let max = fw.competency_max[c as usize];
        if e.level > max {
            errors.push(Error::InvalidLevel {
                owner_kind: EntityKind::Officer,
                owner: id.to_owned(),
                competency: e.competency.to_string(),
                level: e.level,
                min: 0,
                max,
            });
            continue;
        }
        if let Some(date) = date
            && e.level > 0
            && policy.counts(e, date)
        {
            held.push((c, e.level));
        }
    }
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
