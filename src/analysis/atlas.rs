//! The competency atlas: where a competency (or every competency of a group) is demanded
//! across the framework, at which levels, and which courses build it.

use serde::Serialize;

use crate::model::order;
use crate::model::provenance::Paths;
use crate::model::spec::{CompetencyType, GroupKind, Mode};
use crate::{
    ActivityId, CompetencyId, CourseId, DepartmentId, EntityKind, Error, Framework, GroupId, Level,
    PositionId, RoleId,
};

/// What an [`Atlas`] is of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "of", rename_all = "snake_case")]
pub enum AtlasSubject<'f> {
    /// One competency.
    Competency {
        /// The competency.
        id: &'f CompetencyId,
        /// Its name.
        name: &'f str,
    },
    /// A group: every competency in it or in a group below it.
    Group {
        /// The group.
        id: &'f GroupId,
        /// Its name.
        name: &'f str,
        /// Its kind.
        kind: GroupKind,
    },
}

/// A group a competency sits in directly.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct AtlasGroup<'f> {
    /// The group.
    pub group: &'f GroupId,
    /// Its name.
    pub name: &'f str,
}

/// A position requiring the competency.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AtlasPosition<'f> {
    /// The position.
    pub position: &'f PositionId,
    /// Its name.
    pub name: &'f str,
    /// Its department (MDO).
    pub department: &'f DepartmentId,
    /// The level it requires: the highest any of its paths demands.
    pub level: Level,
    /// The role → activity paths that demand it (see [`Paths`]).
    pub provenance: Paths<'f>,
}

/// A role requiring the competency, directly or through its activities.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AtlasRole<'f> {
    /// The role.
    pub role: &'f RoleId,
    /// Its name.
    pub name: &'f str,
    /// The level the role requires directly; `None` when only its activities do.
    pub direct: Option<Level>,
    /// Its activities requiring the competency, sorted by id.
    pub activities: Vec<&'f ActivityId>,
    /// The highest level the role demands, directly or through an activity.
    pub level: Level,
}

/// An activity requiring the competency.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AtlasActivity<'f> {
    /// The activity.
    pub activity: &'f ActivityId,
    /// Its name.
    pub name: &'f str,
    /// The level it requires.
    pub level: Level,
}

/// A course building the competency.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AtlasCourse<'f> {
    /// The course.
    pub course: &'f CourseId,
    /// Its name.
    pub name: &'f str,
    /// The level it brings a learner to; `None` when the catalogue tags it without a level.
    pub level: Option<Level>,
    /// Its duration in hours.
    pub hours: f64,
    /// How it is delivered.
    pub mode: Mode,
}

/// One competency's entry in the atlas.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AtlasEntry<'f> {
    /// The competency.
    pub competency: &'f CompetencyId,
    /// Its name.
    pub name: &'f str,
    /// Its type.
    pub kind: CompetencyType,
    /// The groups it sits in directly, sorted by id.
    pub groups: Vec<AtlasGroup<'f>>,
    /// Positions requiring it, sorted by position id.
    pub positions: Vec<AtlasPosition<'f>>,
    /// `positions_at[l]`: positions requiring it at level `l` (index 0 is always 0).
    pub positions_at: [u64; 6],
    /// Departments with a position requiring it, sorted.
    pub departments: Vec<&'f DepartmentId>,
    /// Roles requiring it directly or through an activity, sorted by role id.
    pub roles: Vec<AtlasRole<'f>>,
    /// Activities requiring it, sorted by activity id.
    pub activities: Vec<AtlasActivity<'f>>,
    /// Courses building it, sorted by course id.
    pub courses: Vec<AtlasCourse<'f>>,
}

/// The civil services competency atlas of a competency or a group: for each competency,
/// where it is demanded — positions (with their departments), roles and activities, and
/// the levels they ask — and which courses build it to which level. Built by
/// [`Framework::competency_atlas`] and [`Framework::group_atlas`].
///
/// Only verified mappings count, as in requirements: a draft requirement demands nothing
/// here. A role or activity appears whether or not a position carries it (the dictionary
/// may map roles no post holds yet); a position appears with the level its requirements
/// compile to.
///
/// # Properties
/// - An entry's positions are exactly those whose [`Framework::requirements`] list its
///   competency, at the same level, with the same provenance.
/// - `positions_at` sums to the number of positions; every level of a role, activity or
///   position lies within the competency's range.
/// - A group's atlas has one entry per competency of the group (in it or in a group below
///   it, each once), sorted by competency id.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Atlas<'f> {
    /// What the atlas is of.
    pub subject: AtlasSubject<'f>,
    /// One entry per competency, sorted by competency id.
    pub entries: Vec<AtlasEntry<'f>>,
}

impl Framework {
    /// The atlas entry of one competency: the positions, roles and activities that require
    /// it and at which levels, and the courses that build it.
    ///
    /// # Errors
    /// [`Error::UnknownId`] when the framework has no such competency (with the nearest
    /// known id).
    ///
    /// # Complexity
    /// O(p + a·q + k) for p positions, a activities carried by q roles each, and k courses
    /// listed (the roles requiring a competency and carrying an activity are indexed at
    /// construction); the positions' provenance costs nothing until iterated.
    ///
    /// # Example
    /// ```
    /// use karmayogi::*;
    ///
    /// let fw = Framework::from_json(r#"{"format_version": 2,
    ///   "competencies": [{"id": "rti", "name": "Right to Information", "type": "functional"}],
    ///   "activities": [{"id": "reply", "name": "Reply to RTI applications",
    ///                   "requires": [{"competency": "rti", "level": 3}]}],
    ///   "roles": [{"id": "pio", "name": "Public Information Officer", "activities": ["reply"]}],
    ///   "positions": [{"id": "so", "name": "Section Officer", "department": "dopt",
    ///                  "roles": ["pio"]}],
    ///   "courses": [{"id": "rti-101", "name": "RTI Act basics", "hours": 4,
    ///                "provides": [{"competency": "rti", "level": 2}]}]}"#)?;
    /// let atlas = fw.competency_atlas("rti")?;
    /// let entry = &atlas.entries[0];
    /// assert_eq!(entry.positions[0].level.get(), 3);
    /// assert_eq!(entry.roles[0].activities[0].as_str(), "reply");
    /// assert_eq!(entry.courses[0].level.map(Level::get), Some(2));
    /// println!("{atlas}");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn competency_atlas(&self, competency: &str) -> Result<Atlas<'_>, Error> {
        let c = self
            .competencies
            .get(competency)
            .ok_or_else(|| self.unknown_id(EntityKind::Competency, competency))?;
        Ok(Atlas {
            subject: AtlasSubject::Competency {
                id: self.competency_id(c),
                name: self.competency_name(c),
            },
            entries: vec![self.atlas_entry(c)],
        })
    }

    /// The atlas of a group: one entry per competency in it or in a group below it, each
    /// once however many paths lead to it, as [`Framework::competency_atlas`] gives them.
    ///
    /// # Errors
    /// [`Error::UnknownId`] when the framework has no such group (with the nearest known id).
    ///
    /// # Complexity
    /// O(G + Σ over the entries of (p + a·q + k)) for G the groups and
    /// memberships below the group, and per competency as for
    /// [`Framework::competency_atlas`].
    pub fn group_atlas(&self, group: &str) -> Result<Atlas<'_>, Error> {
        let h = &self.hierarchy;
        let g = h
            .groups
            .get(group)
            .ok_or_else(|| self.unknown_id(EntityKind::Group, group))?;
        // The groups below, then their members, each once.
        let mut seen = vec![false; h.groups.len()];
        let mut stack = vec![g];
        seen[g as usize] = true;
        let mut competencies = Vec::new();
        while let Some(at) = stack.pop() {
            competencies.extend_from_slice(h.members.get(at));
            for &child in h.children.get(at) {
                if !std::mem::replace(&mut seen[child as usize], true) {
                    stack.push(child);
                }
            }
        }
        order::sort_unstable(&mut competencies);
        competencies.dedup();
        let spec = &h.groups.items[g as usize];
        Ok(Atlas {
            subject: AtlasSubject::Group {
                id: &spec.id,
                name: &spec.name,
                kind: spec.kind,
            },
            entries: competencies
                .into_iter()
                .map(|c| self.atlas_entry(c))
                .collect(),
        })
    }

    fn atlas_entry(&self, c: u32) -> AtlasEntry<'_> {
        let spec = &self.competencies.items[c as usize];
        let mut positions_at = [0u64; 6];
        let mut departments: Vec<&DepartmentId> = Vec::new();
        let positions = self
            .postings_of(c)
            .iter()
            .map(|posting| {
                let p = &self.positions.items[posting.position as usize];
                positions_at[usize::from(posting.level.min(5))] += 1;
                departments.push(&p.department);
                AtlasPosition {
                    position: &p.id,
                    name: &p.name,
                    department: &p.department,
                    level: Level::saturating(posting.level),
                    provenance: Paths::new(self, posting.position, c),
                }
            })
            .collect();
        order::sort_unstable(&mut departments);
        departments.dedup();
        let activities: Vec<(u32, u8)> = self.competency_activities.row(c).to_vec();
        let roles = self.atlas_roles(c, &activities);
        AtlasEntry {
            competency: &spec.id,
            name: &spec.name,
            kind: spec.kind,
            groups: self
                .hierarchy
                .of_competency
                .get(c)
                .iter()
                .map(|&g| {
                    let group = &self.hierarchy.groups.items[g as usize];
                    AtlasGroup {
                        group: &group.id,
                        name: &group.name,
                    }
                })
                .collect(),
            positions,
            positions_at,
            departments,
            roles,
            activities: activities
                .into_iter()
                .map(|(a, level)| {
                    let activity = &self.activities.items[a as usize];
                    AtlasActivity {
                        activity: &activity.id,
                        name: &activity.name,
                        level: Level::saturating(level),
                    }
                })
                .collect(),
            courses: self
                .offers_of(c)
                .iter()
                .map(|o| {
                    let k = o.course as usize;
                    AtlasCourse {
                        course: &self.courses.items[k].id,
                        name: &self.courses.items[k].name,
                        level: o.level.map(Level::saturating),
                        hours: self.course_hours[k],
                        mode: self.course_mode[k],
                    }
                })
                .collect(),
        }
    }

    /// The roles requiring competency `c` directly or through one of `activities` (the
    /// activities requiring it, with their levels), sorted by role.
    fn atlas_roles(&self, c: u32, activities: &[(u32, u8)]) -> Vec<AtlasRole<'_>> {
        // (role, activity or none for a direct requirement, level), grouped by role; a
        // role lists each activity once, so sorting gives the activities in order.
        let mut edges: Vec<(u32, Option<u32>, u8)> = (self.reach.direct)
            .row(c)
            .iter()
            .map(|&(r, level)| (r, None, level))
            .collect();
        for &(a, level) in activities {
            edges.extend(
                self.reach
                    .carriers
                    .row(a)
                    .iter()
                    .map(|&r| (r, Some(a), level)),
            );
        }
        order::sort_unstable(&mut edges);
        let mut by_role: Vec<(u32, Option<u8>, Vec<u32>, u8)> = Vec::new();
        for (r, activity, level) in edges {
            if by_role.last().is_none_or(|last| last.0 != r) {
                by_role.push((r, None, Vec::new(), level));
            }
            if let Some(last) = by_role.last_mut() {
                match activity {
                    None => last.1 = Some(level),
                    Some(a) => last.2.push(a),
                }
                last.3 = last.3.max(level);
            }
        }
        by_role
            .into_iter()
            .map(|(r, direct, acts, level)| {
                let role = &self.roles.items[r as usize];
                AtlasRole {
                    role: &role.id,
                    name: &role.name,
                    direct: direct.map(Level::saturating),
                    activities: acts
                        .into_iter()
                        .map(|a| &self.activities.items[a as usize].id)
                        .collect(),
                    level: Level::saturating(level),
                }
            })
            .collect()
    }
}
