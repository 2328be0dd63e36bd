//! The validated competency framework and the requirements it derives for each position.

use std::sync::atomic::{AtomicU64, Ordering};

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use petgraph::graph::{DiGraph, NodeIndex};
use serde::Serialize;

use crate::internal::validate::{self, Hierarchy, Table};
use crate::spec::{
    ActivitySpec, CompetencySpec, CompetencyType, CourseSpec, FrameworkSpec, PositionSpec, RoleSpec,
};
use crate::{
    ActivityId, CompetencyId, CourseId, EntityKind, Error, Errors, Level, PositionId, RoleId,
};

/// Learning order of an acyclic prerequisite graph (Kahn's algorithm, smallest index first
/// among the courses whose prerequisites are all placed).
fn course_ranks(graph: &DiGraph<(), ()>) -> Vec<u32> {
    let n = graph.node_count();
    // An edge a → b says a requires b, so b must come first: count what each course waits on.
    let mut waiting: Vec<usize> = (0..n)
        .map(|i| graph.neighbors(NodeIndex::new(i)).count())
        .collect();
    let mut ready: BinaryHeap<Reverse<usize>> =
        (0..n).filter(|&i| waiting[i] == 0).map(Reverse).collect();
    let mut rank = vec![0u32; n];
    let mut next = 0u32;
    while let Some(Reverse(i)) = ready.pop() {
        rank[i] = next;
        next += 1;
        for dependant in graph.neighbors_directed(NodeIndex::new(i), petgraph::Direction::Incoming)
        {
            let w = &mut waiting[dependant.index()];
            *w -= 1;
            if *w == 0 {
                ready.push(Reverse(dependant.index()));
            }
        }
    }
    rank
}

/// Tells frameworks apart so a profile built on one is not used with another.
static NEXT_STAMP: AtomicU64 = AtomicU64::new(1);

/// A validated competency framework: the dictionary, the FRAC mapping (positions → roles →
/// activities → competencies at levels) and the course catalogue.
///
/// A `Framework` exists only through [`Framework::new`] (or [`Framework::from_json`]), which
/// rejects every inconsistency at once. Afterwards its analyses cannot fail on it.
/// Everything is kept sorted by id, so results do not depend on the order of the input lists.
///
/// The derived requirements of each position are computed once at construction: for each
/// competency, the highest level demanded by any verified role → activity path or directly
/// by a role, with every such path kept as [`Provenance`].
///
/// # What to do with it, in order
/// 1. Build it: [`Framework::new`] from a [`FrameworkSpec`], or [`Framework::from_json`].
/// 2. Ask what a post requires, and why: [`Framework::requirements`].
/// 3. Measure an officer against their post or another: build a
///    [`Profile`](crate::Profile), then [`Framework::gap`] or [`Framework::gap_for`].
/// 4. Close the gaps: [`Framework::recommend`], or [`Framework::recommend_targets`] for
///    goals of the officer's own.
/// 5. For a department, build a [`Cohort`](crate::Cohort): the heatmap
///    ([`Framework::training_needs`]), rankings ([`Framework::officers_for`],
///    [`Framework::positions_for`]), career moves ([`Framework::career_paths`],
///    [`Framework::successors`], [`Framework::career_step`]), the year's plan
///    ([`Framework::department_plan`]), and before/after monitoring
///    ([`Framework::compare`]).
///
/// Each result's `Display` is a report for people.
#[derive(Clone, Debug)]
pub struct Framework {
    pub(crate) stamp: u64,
    pub(crate) competencies: Table<CompetencySpec>,
    /// Per competency, the lowest and highest level at which it exists.
    pub(crate) competency_min: Vec<u8>,
    pub(crate) competency_max: Vec<u8>,
    /// The competency groups and their hierarchy.
    pub(crate) hierarchy: Hierarchy,
    pub(crate) competency_kind: Vec<CompetencyType>,
    pub(crate) activities: Table<ActivitySpec>,
    pub(crate) roles: Table<RoleSpec>,
    pub(crate) positions: Table<PositionSpec>,
    pub(crate) courses: Table<CourseSpec>,
    /// Node `i` is course `i`; an edge `a → b` says `a` requires `b`.
    pub(crate) prerequisites: DiGraph<(), ()>,
    /// Per course, its place in the learning order: prerequisites first, ties by id.
    pub(crate) course_rank: Vec<u32>,
    /// Per course, its hours and mode, kept dense for the recommender's inner loops.
    pub(crate) course_hours: Vec<f64>,
    pub(crate) course_mode: Vec<crate::Mode>,
    /// Per course, `direct_prereqs[prereq_start[c]..prereq_start[c + 1]]`: the courses it
    /// requires directly, sorted.
    pub(crate) prereq_start: Vec<u32>,
    pub(crate) direct_prereqs: Vec<u32>,
    /// Per position, `reqs[req_start[p]..req_start[p + 1]]`, sorted by competency index.
    pub(crate) req_start: Vec<u32>,
    pub(crate) reqs: Vec<Req>,
    /// Per requirement entry, `provenance[prov_start[i]..prov_start[i + 1]]`.
    pub(crate) prov_start: Vec<u32>,
    pub(crate) provenance: Vec<Provenance>,
    /// Per position, the sum of required levels of each competency type.
    pub(crate) level_sums: Vec<[u32; 3]>,
    /// Per competency, `postings[post_start[c]..post_start[c + 1]]`: the positions requiring
    /// it and the level, sorted by position.
    pub(crate) post_start: Vec<u32>,
    pub(crate) postings: Vec<Posting>,
    /// Per competency, `course_offers[offer_start[c]..offer_start[c + 1]]`: the courses
    /// building it, sorted by course.
    pub(crate) offer_start: Vec<u32>,
    pub(crate) course_offers: Vec<Offer>,
    /// Per competency and required level `l` (index `l − 1`), the least `hours / number of
    /// competencies the course builds` over courses reaching at least `l` (a course without
    /// a level counts as reaching 5), or infinity: a lower bound on what closing that gap
    /// costs inside any plan.
    pub(crate) min_share: Vec<[f64; 5]>,
    /// Per course, `course_builds[builds_start[c]..builds_start[c + 1]]`: the competencies
    /// it builds and the level reached.
    pub(crate) builds_start: Vec<u32>,
    pub(crate) course_builds: Vec<(u32, Option<u8>)>,
}

/// One entry of the competency → courses index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Offer {
    pub(crate) course: u32,
    /// The level reached; `None` when the catalogue gives none.
    pub(crate) level: Option<u8>,
}

/// One compiled requirement: competency index and level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Req {
    pub(crate) competency: u32,
    pub(crate) level: u8,
    /// The competency's type index, so hot loops need no second lookup.
    pub(crate) kind: u8,
}

/// One entry of the competency → positions index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Posting {
    pub(crate) position: u32,
    pub(crate) level: u8,
}

/// Why a position requires a competency: a role, through one of its activities or directly,
/// at a level.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Provenance {
    /// The role that carries the requirement.
    pub role: RoleId,
    /// The activity that needs the competency; `None` when the role requires it directly.
    pub activity: Option<ActivityId>,
    /// The level this path demands.
    pub level: Level,
}

/// A competency a position requires, at the highest level any path demands.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Requirement<'f> {
    /// The competency.
    pub competency: &'f CompetencyId,
    /// Its name.
    pub name: &'f str,
    /// Its type.
    pub kind: CompetencyType,
    /// The highest level demanded.
    pub level: Level,
    /// Every role → activity path that demands it, sorted by role then activity
    /// (direct role requirements first).
    pub provenance: &'f [Provenance],
}

impl Framework {
    /// Validates a spec and builds the framework.
    ///
    /// Rejects, all at once and in a deterministic order: an unsupported `format_version`,
    /// empty or blank (whitespace only) ids, names and position departments, duplicate ids,
    /// references to unknown competencies, activities, roles, courses or groups, an entity
    /// listing the same target twice, levels outside a competency's range, malformed level
    /// ranges and descriptors, blank level names and areas, positions without roles, course
    /// hours that are not in `(0, 10000]`, prerequisite cycles (each with its course ids in
    /// order) and group cycles (each with its group ids in order).
    ///
    /// Draft requirements are validated but do not count in requirements.
    ///
    /// # Errors
    /// [`Errors`] listing every problem found.
    ///
    /// # Complexity
    /// O(n log n) in the size of the spec.
    ///
    /// # Example
    /// ```
    /// use karmayogi::{Error, Framework, FrameworkSpec, PositionSpec};
    ///
    /// let mut spec = FrameworkSpec::new();
    /// spec.positions.push(PositionSpec {
    ///     id: "p1".into(),
    ///     name: "Postmaster".into(),
    ///     department: "posts".into(),
    ///     roles: vec!["missing-role".into()],
    /// });
    /// let errors = Framework::new(spec).unwrap_err();
    /// assert_eq!(
    ///     errors.to_string(),
    ///     "1 problem found:\n  - position `p1` refers to unknown role `missing-role`"
    /// );
    /// ```
    pub fn new(spec: FrameworkSpec) -> Result<Framework, Errors> {
        let v = validate::validate(spec).map_err(Errors)?;
        let competency_kind: Vec<CompetencyType> =
            v.competencies.items.iter().map(|c| c.kind).collect();
        let course_hours = v.courses.items.iter().map(|c| c.hours).collect();
        let course_mode = v.courses.items.iter().map(|c| c.mode).collect();
        let mut fw = Framework {
            stamp: NEXT_STAMP.fetch_add(1, Ordering::Relaxed),
            competencies: v.competencies,
            competency_min: v.competency_min,
            competency_max: v.competency_max,
            hierarchy: v.groups,
            competency_kind,
            activities: v.activities,
            roles: v.roles,
            positions: v.positions,
            courses: v.courses,
            course_rank: course_ranks(&v.prerequisites),
            course_hours,
            course_mode,
            prereq_start: Vec::new(),
            direct_prereqs: Vec::new(),
            prerequisites: v.prerequisites,
            req_start: Vec::new(),
            reqs: Vec::new(),
            prov_start: Vec::new(),
            provenance: Vec::new(),
            level_sums: Vec::new(),
            post_start: Vec::new(),
            postings: Vec::new(),
            offer_start: Vec::new(),
            course_offers: Vec::new(),
            min_share: Vec::new(),
            builds_start: Vec::new(),
            course_builds: Vec::new(),
        };
        fw.compile_requirements();
        fw.compile_postings();
        fw.compile_offers();
        fw.compile_prerequisites();
        Ok(fw)
    }

    /// Reads a [`FrameworkSpec`] from JSON and validates it.
    ///
    /// # Errors
    /// A single [`Error::Json`] or [`Error::UnsupportedFormatVersion`] when the document
    /// cannot be read; otherwise every validation problem, as for [`Framework::new`].
    pub fn from_json(json: &str) -> Result<Framework, Errors> {
        Framework::new(FrameworkSpec::from_json(json)?)
    }

    /// What a position requires: each competency at the highest level any verified path
    /// demands, sorted by competency id, with provenance.
    ///
    /// # Errors
    /// [`Error::UnknownId`] when the framework has no such position.
    pub fn requirements(&self, position: &str) -> Result<Vec<Requirement<'_>>, Error> {
        let p = self.position_index(position)?;
        Ok(self
            .position_reqs(p)
            .iter()
            .enumerate()
            .map(|(k, r)| {
                let entry = self.req_start[p as usize] as usize + k;
                self.requirement(*r, entry)
            })
            .collect())
    }

    /// The framework as a spec again, every list sorted by id. Building a framework from it
    /// gives the same framework.
    pub fn to_spec(&self) -> FrameworkSpec {
        FrameworkSpec {
            format_version: crate::FORMAT_VERSION,
            competencies: self.competencies.items.clone(),
            groups: self.declared_groups().cloned().collect(),
            activities: self.activities.items.clone(),
            roles: self.roles.items.clone(),
            positions: self.positions.items.clone(),
            courses: self.courses.items.clone(),
        }
    }

    /// The competency dictionary, sorted by id.
    pub fn competencies(&self) -> &[CompetencySpec] {
        &self.competencies.items
    }

    /// The activities, sorted by id.
    pub fn activities(&self) -> &[ActivitySpec] {
        &self.activities.items
    }

    /// The roles, sorted by id.
    pub fn roles(&self) -> &[RoleSpec] {
        &self.roles.items
    }

    /// The positions, sorted by id.
    pub fn positions(&self) -> &[PositionSpec] {
        &self.positions.items
    }

    /// The course catalogue, sorted by id.
    pub fn courses(&self) -> &[CourseSpec] {
        &self.courses.items
    }

    /// A competency by id.
    pub fn competency(&self, id: &str) -> Option<&CompetencySpec> {
        self.competencies
            .get(id)
            .map(|i| &self.competencies.items[i as usize])
    }

    /// A position by id.
    pub fn position(&self, id: &str) -> Option<&PositionSpec> {
        self.positions
            .get(id)
            .map(|i| &self.positions.items[i as usize])
    }

    /// A course by id.
    pub fn course(&self, id: &str) -> Option<&CourseSpec> {
        self.courses
            .get(id)
            .map(|i| &self.courses.items[i as usize])
    }

    /// The highest level at which competency `id` exists: its `max_level`, else its highest
    /// described level, else 5.
    pub fn max_level(&self, id: &str) -> Option<Level> {
        self.competencies
            .get(id)
            .map(|i| Level::saturating(self.competency_max[i as usize]))
    }

    /// The lowest level at which competency `id` exists: its `min_level`, else 1.
    pub fn min_level(&self, id: &str) -> Option<Level> {
        self.competencies
            .get(id)
            .map(|i| Level::saturating(self.competency_min[i as usize]))
    }

    /// A course and everything it requires, directly or through other prerequisites, in
    /// learning order: every course after its prerequisites, ties broken by course id.
    ///
    /// # Errors
    /// [`Error::UnknownId`] when the framework has no such course.
    ///
    /// # Complexity
    /// O(m log m) for m courses in the closure.
    pub fn prerequisite_closure(&self, course: &str) -> Result<Vec<&CourseId>, Error> {
        let c = (self.courses.get(course))
            .ok_or_else(|| self.unknown_id(EntityKind::Course, course))?;
        let mut dfs = petgraph::visit::Dfs::new(&self.prerequisites, NodeIndex::new(c as usize));
        let mut closure = Vec::new();
        while let Some(n) = dfs.next(&self.prerequisites) {
            closure.push(n.index() as u32);
        }
        closure.sort_by_key(|&i| self.course_rank[i as usize]);
        Ok(closure.into_iter().map(|i| self.course_id(i)).collect())
    }

    pub(crate) fn requirement(&self, r: Req, entry: usize) -> Requirement<'_> {
        Requirement {
            competency: &self.competencies.items[r.competency as usize].id,
            name: self.competency_name(r.competency),
            kind: self.competency_kind[r.competency as usize],
            level: Level::saturating(r.level),
            provenance: self.provenance_of(entry),
        }
    }

    pub(crate) fn position_index(&self, id: &str) -> Result<u32, Error> {
        (self.positions.get(id)).ok_or_else(|| self.unknown_id(EntityKind::Position, id))
    }

    pub(crate) fn position_reqs(&self, p: u32) -> &[Req] {
        let p = p as usize;
        match (self.req_start.get(p), self.req_start.get(p + 1)) {
            (Some(&a), Some(&b)) => self.reqs.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    pub(crate) fn provenance_of(&self, entry: usize) -> &[Provenance] {
        match (self.prov_start.get(entry), self.prov_start.get(entry + 1)) {
            (Some(&a), Some(&b)) => self.provenance.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    pub(crate) fn postings_of(&self, c: u32) -> &[Posting] {
        let c = c as usize;
        match (self.post_start.get(c), self.post_start.get(c + 1)) {
            (Some(&a), Some(&b)) => self.postings.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    pub(crate) fn competency_id(&self, c: u32) -> &CompetencyId {
        &self.competencies.items[c as usize].id
    }

    pub(crate) fn position_id(&self, p: u32) -> &PositionId {
        &self.positions.items[p as usize].id
    }

    pub(crate) fn course_id(&self, c: u32) -> &CourseId {
        &self.courses.items[c as usize].id
    }

    pub(crate) fn competency_name(&self, c: u32) -> &str {
        &self.competencies.items[c as usize].name
    }

    pub(crate) fn position_name(&self, p: u32) -> &str {
        &self.positions.items[p as usize].name
    }

    pub(crate) fn course_name(&self, c: u32) -> &str {
        &self.courses.items[c as usize].name
    }

    /// Derives each position's requirements with provenance.
    fn compile_requirements(&mut self) {
        // (competency, role, activity or None, level) for one position at a time.
        let mut paths: Vec<(u32, u32, Option<u32>, u8)> = Vec::new();
        self.req_start.push(0);
        self.prov_start.push(0);
        for p in &self.positions.items {
            paths.clear();
            for role_id in &p.roles {
                let Some(r) = self.roles.get(role_id.as_str()) else {
                    continue;
                };
                let role = &self.roles.items[r as usize];
                for req in role
                    .requires
                    .iter()
                    .filter(|q| q.status == crate::ReviewStatus::Verified)
                {
                    if let Some(c) = self.competencies.get(req.competency.as_str()) {
                        paths.push((c, r, None, req.level));
                    }
                }
                for act_id in &role.activities {
                    let Some(a) = self.activities.get(act_id.as_str()) else {
                        continue;
                    };
                    for req in self.activities.items[a as usize]
                        .requires
                        .iter()
                        .filter(|q| q.status == crate::ReviewStatus::Verified)
                    {
                        if let Some(c) = self.competencies.get(req.competency.as_str()) {
                            paths.push((c, r, Some(a), req.level));
                        }
                    }
                }
            }
            paths.sort_unstable();
            let mut sums = [0u32; 3];
            let mut at = 0;
            while at < paths.len() {
                let c = paths[at].0;
                let mut level = 0;
                while at < paths.len() && paths[at].0 == c {
                    let (_, r, a, l) = paths[at];
                    level = level.max(l);
                    self.provenance.push(Provenance {
                        role: self.roles.items[r as usize].id.clone(),
                        activity: a.map(|a| self.activities.items[a as usize].id.clone()),
                        level: Level::saturating(l),
                    });
                    at += 1;
                }
                let kind = self.competency_kind[c as usize].index();
                sums[kind] += u32::from(level);
                self.reqs.push(Req {
                    competency: c,
                    level,
                    kind: kind as u8,
                });
                self.prov_start.push(self.provenance.len() as u32);
            }
            self.level_sums.push(sums);
            self.req_start.push(self.reqs.len() as u32);
        }
    }

    /// Builds the competency → (course, level) index.
    fn compile_offers(&mut self) {
        let mut offers: Vec<(u32, Offer)> = Vec::new();
        for (i, course) in self.courses.items.iter().enumerate() {
            for o in &course.provides {
                if let Some(c) = self.competencies.get(o.competency.as_str()) {
                    offers.push((
                        c,
                        Offer {
                            course: i as u32,
                            level: o.level,
                        },
                    ));
                }
            }
        }
        offers.sort_by_key(|&(c, o)| (c, o.course));
        let mut start = vec![0u32; self.competencies.len() + 1];
        for &(c, _) in &offers {
            start[c as usize + 1] += 1;
        }
        for i in 0..self.competencies.len() {
            start[i + 1] += start[i];
        }
        self.offer_start = start;
        self.builds_start.push(0);
        for course in &self.courses.items {
            for o in &course.provides {
                if let Some(c) = self.competencies.get(o.competency.as_str()) {
                    self.course_builds.push((c, o.level));
                }
            }
            self.builds_start.push(self.course_builds.len() as u32);
        }
        self.min_share = vec![[f64::INFINITY; 5]; self.competencies.len()];
        for &(c, o) in &offers {
            let course = &self.courses.items[o.course as usize];
            let share = course.hours / course.provides.len().max(1) as f64;
            let reach = o.level.unwrap_or(5).min(5);
            for l in 1..=reach {
                let slot = &mut self.min_share[c as usize][l as usize - 1];
                *slot = slot.min(share);
            }
        }
        self.course_offers = offers.into_iter().map(|(_, o)| o).collect();
    }

    /// Flattens the prerequisite graph into a dense array of direct prerequisites.
    fn compile_prerequisites(&mut self) {
        self.prereq_start.push(0);
        for c in 0..self.courses.len() {
            let mut direct: Vec<u32> = self
                .prerequisites
                .neighbors(NodeIndex::new(c))
                .map(|n| n.index() as u32)
                .collect();
            direct.sort_unstable();
            self.direct_prereqs.extend(direct);
            self.prereq_start.push(self.direct_prereqs.len() as u32);
        }
    }

    /// The courses `course` requires directly, sorted.
    pub(crate) fn direct_prerequisites(&self, course: u32) -> &[u32] {
        let c = course as usize;
        match (self.prereq_start.get(c), self.prereq_start.get(c + 1)) {
            (Some(&a), Some(&b)) => self
                .direct_prereqs
                .get(a as usize..b as usize)
                .unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The competencies course `c` builds, with the level reached.
    pub(crate) fn builds_of(&self, c: u32) -> &[(u32, Option<u8>)] {
        let c = c as usize;
        match (self.builds_start.get(c), self.builds_start.get(c + 1)) {
            (Some(&a), Some(&b)) => self
                .course_builds
                .get(a as usize..b as usize)
                .unwrap_or(&[]),
            _ => &[],
        }
    }

    pub(crate) fn offers_of(&self, c: u32) -> &[Offer] {
        let c = c as usize;
        match (self.offer_start.get(c), self.offer_start.get(c + 1)) {
            (Some(&a), Some(&b)) => self
                .course_offers
                .get(a as usize..b as usize)
                .unwrap_or(&[]),
            _ => &[],
        }
    }

    /// Builds the competency → (position, level) index.
    fn compile_postings(&mut self) {
        let n = self.competencies.len();
        let mut counts = vec![0u32; n + 1];
        for r in &self.reqs {
            counts[r.competency as usize + 1] += 1;
        }
        for i in 0..n {
            counts[i + 1] += counts[i];
        }
        let mut fill = counts.clone();
        self.postings = vec![
            Posting {
                position: 0,
                level: 0
            };
            self.reqs.len()
        ];
        for p in 0..self.positions.len() as u32 {
            for r in self.position_reqs(p).to_vec() {
                let slot = &mut fill[r.competency as usize];
                self.postings[*slot as usize] = Posting {
                    position: p,
                    level: r.level,
                };
                *slot += 1;
            }
        }
        self.post_start = counts;
    }
}
