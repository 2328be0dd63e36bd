//! One officer checked against a framework, with the levels derived from the passbook
//! ([`Profile`]).

use crate::model::nearest::Nearest;
use crate::people::officer::{Evidence, OfficerSpec};
use crate::people::policy::LevelPolicy;
use crate::people::resolve::{NEAREST_LIMIT, Resolved, resolve_officer};
use crate::{
    CompetencyId, CourseId, DepartmentId, EntityKind, Error, Errors, Framework, Level, OfficerId,
    PositionId,
};

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
    /// and course must exist, its level must be 0 (none) or within the competency's levels
    /// (`min_level` to `max_level`), its date
    /// must be empty (undated) or an ISO date or date-time, and a course completion must
    /// name a course; above level 0 (a completion that claims no level), that course must
    /// build the competency, to at least the level claimed (see
    /// [`LevelPolicy::course_levels`]; a course tagged without a level bounds nothing).
    ///
    /// Every entry is kept: entries of one competency on different days are progress over
    /// time, and the policy decides which count. Entries of one competency, source, course
    /// and day that repeat or contradict each other are kept too (the highest counting
    /// level counts); [`Framework::review_officers`] reports them
    /// ([`EvidenceProblem::Duplicate`](crate::EvidenceProblem::Duplicate)).
    ///
    /// # Errors
    /// [`Errors`] listing every problem: an empty or blank officer id ([`Error::EmptyId`]),
    /// name ([`Error::EmptyName`]) or department ([`Error::EmptyField`]), an unknown position
    /// or target ([`Error::UnknownReference`]), and every wrong passbook entry
    /// ([`Error::InvalidEvidence`], naming the officer, the entry's index and its
    /// competency).
    ///
    /// # Complexity
    /// O(e log e) time and O(e) memory for e passbook entries: a hash lookup of each
    /// entry's competency and course, a scan of a completed course's outcomes, then the
    /// held levels and completions sorted. When the policy infers the framework's group
    /// rules, they add O(Σ children · log h + g·h) for h held competencies and g rules
    /// granting one not held before. An unknown id adds a search of the framework's ids of
    /// its kind for the nearest, on the error path only.
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
            officer.fields(),
            officer.passbook.iter().map(Evidence::view),
            policy,
            &mut Resolved {
                held: &mut held,
                completed: &mut completed,
                errors: &mut errors,
                nearest: &mut Nearest::new(NEAREST_LIMIT),
                own: &mut Vec::new(),
                dates: None,
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
                held: held.iter().map(|&x| (x >> 3, (x & 7) as u8)).collect(),
                completed,
            }),
            (_, Some(errors)) => Err(errors),
            (None, None) => Err(Error::UnknownReference {
                from_kind: EntityKind::Officer,
                from: officer.id.to_string(),
                to_kind: EntityKind::Position,
                to: officer.position.to_string(),
                nearest: crate::model::nearest::nearest(
                    officer.position.as_str(),
                    framework.positions.items.iter().map(|p| p.id.as_str()),
                ),
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
    ///
    /// # Complexity
    /// O(k + log h): a hash lookup of the id (k its length) and a binary search of the h
    /// held levels.
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
    ///
    /// # Complexity
    /// O(h) for h held levels, already sorted by competency.
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
    ///
    /// # Complexity
    /// O(c) for c completed courses.
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
    ///
    /// # Complexity
    /// O(1).
    pub fn position<'f>(&self, framework: &'f Framework) -> Result<&'f PositionId, Error> {
        framework.check_stamp(self.stamp)?;
        Ok(framework.position_id(self.position))
    }

    /// The officer's target position, if any.
    ///
    /// # Errors
    /// [`Error::FrameworkMismatch`] when the profile was built from another framework.
    ///
    /// # Complexity
    /// O(1).
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
