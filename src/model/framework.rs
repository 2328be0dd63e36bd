//! The validated competency framework and the requirements it derives for each position.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

use petgraph::graph::{DiGraph, NodeIndex};

use crate::model::csr::Csr;
use crate::model::cycles::course_ranks;
use crate::model::gap_cost::GapCost;
use crate::model::order;
use crate::model::reach::Reach;
use crate::model::spec::{
    ActivitySpec, CompetencySpec, CompetencyType, CourseSpec, FrameworkSpec, PositionSpec, RoleSpec,
};
use crate::model::validate::{self, Hierarchy, Table};
use crate::{CompetencyId, CourseId, EntityKind, Error, Errors, Level, PositionId};

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
/// by a role. The paths themselves ([`Provenance`](crate::Provenance)) are derived from the
/// framework's edges when a [`Paths`](crate::Paths) is iterated, so memory stays linear in the spec
/// however many paths its roles and activities combine into.
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
    /// Per course, the courses requiring it directly, sorted.
    pub(crate) dependants: Csr<u32>,
    /// Per position, `reqs[req_start[p]..req_start[p + 1]]`, sorted by competency index.
    pub(crate) req_start: Vec<u32>,
    pub(crate) reqs: Vec<Req>,
    /// The edges provenance is derived from (see [`Paths`](crate::Paths)), each list sorted: per
    /// position its roles; per role its verified direct requirements (competency, level)
    /// and its activities; per competency the activities requiring it, verified (activity,
    /// level). Together the size of the spec's mapping, never the number of paths.
    pub(crate) position_roles: Csr<u32>,
    pub(crate) role_direct: Csr<(u32, u8)>,
    pub(crate) role_activities: Csr<u32>,
    pub(crate) competency_activities: Csr<(u32, u8)>,
    /// The same edges from the competency's side (per competency the roles requiring it
    /// directly, per activity the roles carrying it), also linear in the mapping: a
    /// requirement reached by few roles is listed without walking the post's roles (see
    /// [`Paths`](crate::Paths)).
    pub(crate) reach: Reach,
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
    /// Per requirement entry, lower bounds on what closing it costs inside any plan for
    /// its position, prerequisites included (see `planning::bounds::post_tables`),
    /// computed on first use by a career search.
    pub(crate) post_costs: OnceLock<Vec<GapCost>>,
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

impl Framework {
    /// Validates a spec and builds the framework.
    ///
    /// Rejects, all at once and in a deterministic order: an unsupported `format_version`,
    /// empty or blank (whitespace only) ids, names and position departments, duplicate ids,
    /// references to unknown competencies, activities, roles, courses or groups, an entity
    /// listing the same target twice, levels outside a competency's range, malformed level
    /// ranges and descriptors, blank level names and areas, positions without roles, course
    /// hours that are not in `[5e-13, 10000]` (hours are held in whole pico-hours, 10⁻¹² h,
    /// to the nearest with halves rounding up: smaller hours would count as 0), prerequisite cycles (each with its course ids in
    /// order) and group cycles (each with its group ids in order); and more than 2²¹
    /// (2,097,152) competencies or 2²⁸ − 1 entities of another kind
    /// ([`Error::CapacityExceeded`]: a [`Cohort`](crate::Cohort) packs each held level in
    /// three bytes, which name competencies below 2²¹).
    ///
    /// Draft requirements are validated but do not count in requirements.
    ///
    /// # Errors
    /// [`Errors`] listing every problem found.
    ///
    /// # Complexity
    /// Validation and indexing take O(S log S) time for a spec of size S (entities and
    /// references). Compiling requirements visits, per position, each of its roles' edges
    /// and the requirements of each distinct activity of those roles once: O(A + Q + E log
    /// E) time, A summing over positions the role → activity and role → competency edges
    /// under it, Q summing over positions the requirements of its distinct activities, and
    /// E the compiled requirement entries (each position's distinct competencies, at most
    /// positions × competencies).
    /// Memory O(S + E): the framework keeps its own edges and the compiled requirements,
    /// never the role → activity paths (provenance is derived when a [`Paths`](crate::Paths) is
    /// iterated): a position whose 65 roles all carry the same 65 activities of 65
    /// competencies costs about 8,500 edge visits and 65 entries, not 65 × 4,225 paths.
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
            dependants: Csr::default(),
            prerequisites: v.prerequisites,
            req_start: Vec::new(),
            reqs: Vec::new(),
            position_roles: Csr::default(),
            role_direct: Csr::default(),
            role_activities: Csr::default(),
            competency_activities: Csr::default(),
            reach: Reach::default(),
            level_sums: Vec::new(),
            post_start: Vec::new(),
            postings: Vec::new(),
            offer_start: Vec::new(),
            course_offers: Vec::new(),
            post_costs: OnceLock::new(),
            builds_start: Vec::new(),
            course_builds: Vec::new(),
        };
        fw.compile_edges();
        fw.reach = Reach::new(
            &fw.role_direct,
            &fw.role_activities,
            &fw.competency_activities,
        );
        fw.compile_requirements()?;
        fw.compile_postings();
        fw.compile_offers();
        fw.compile_prerequisites();
        Ok(fw)
    }

    /// Reads a [`FrameworkSpec`] from JSON and validates it.
    ///
    /// # Errors
    /// [`Error::DocumentOfAnotherKind`] alone for a document of another kind that does
    /// not read (an officers document, a CASE package, an iGOT export; see
    /// [`DocumentKind::of_json`](crate::DocumentKind::of_json)), and
    /// [`Error::DocumentOfNoKnownKind`] alone for an object of no kind the crate reads
    /// holding none of a framework document's fields (as [`FrameworkSpec::from_json`]).
    /// [`Error::UnsupportedFormatVersion`] when the document's version is not one this
    /// crate reads. [`Error::Json`] when it cannot be read: one for each value of the wrong
    /// type, unknown or repeated field and missing field, in every competency, group,
    /// activity, role, position and course (several in one entry, and in each element of
    /// an entry's lists, such as a role's `requires`) and at the top level, all at once and
    /// in the order of their positions (of several required fields missing from one object,
    /// the first), each with the line,
    /// column, path and message [`FrameworkSpec::from_json`] would give it were it the
    /// document's first problem, and the id of the entry holding it; a single one for a syntax error or a document that
    /// ends early, after which nothing more can be read. Otherwise every validation
    /// problem, as for [`Framework::new`].
    ///
    /// # Complexity
    /// O(J) to parse J bytes of JSON, then as [`Framework::new`]; memory O(J) for the
    /// parsed spec, dropped as the framework takes it over. A document that fails to read
    /// is read again, each list entry on its own: O(J) more time, and a copy of the text.
    pub fn from_json(json: &str) -> Result<Framework, Errors> {
        Framework::new(FrameworkSpec::read_all(json)?)
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
        order::sort_by_key(&mut closure, |&i| self.course_rank[i as usize]);
        Ok(closure.into_iter().map(|i| self.course_id(i)).collect())
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

    /// Resolves the mapping's edges to dense indices, verified requirements only, each list
    /// sorted: what provenance is derived from.
    fn compile_edges(&mut self) {
        let verified = |q: &&crate::RequirementSpec| q.status == crate::ReviewStatus::Verified;
        let resolve = |reqs: &[crate::RequirementSpec]| {
            let mut out: Vec<(u32, u8)> = reqs
                .iter()
                .filter(verified)
                .filter_map(|q| Some((self.competencies.get(q.competency.as_str())?, q.level)))
                .collect();
            order::sort_unstable(&mut out);
            out
        };
        self.position_roles = Csr::from_rows(self.positions.items.iter().map(|p| {
            let mut roles: Vec<u32> = p
                .roles
                .iter()
                .filter_map(|r| self.roles.get(r.as_str()))
                .collect();
            order::sort_unstable(&mut roles);
            roles
        }));
        self.role_direct = Csr::from_rows(self.roles.items.iter().map(|r| resolve(&r.requires)));
        self.role_activities = Csr::from_rows(self.roles.items.iter().map(|r| {
            let mut activities: Vec<u32> = r
                .activities
                .iter()
                .filter_map(|a| self.activities.get(a.as_str()))
                .collect();
            order::sort_unstable(&mut activities);
            activities
        }));
        // Activities are visited in index order, so each competency's list comes sorted.
        let mut pairs: Vec<(u32, (u32, u8))> = Vec::new();
        for (a, activity) in self.activities.items.iter().enumerate() {
            for (c, level) in resolve(&activity.requires) {
                pairs.push((c, (a as u32, level)));
            }
        }
        self.competency_activities = Csr::group(self.competencies.len(), &pairs);
    }

    /// Derives each position's requirements: per competency, the highest level over its
    /// roles' direct requirements and their activities' requirements. Each activity is
    /// visited once per position however many of its roles list it, so the work is the
    /// position's role and activity edges plus its distinct activities' requirements, never
    /// the number of paths.
    fn compile_requirements(&mut self) -> Result<(), Errors> {
        let activity_requires: Csr<(u32, u8)> = {
            let mut pairs = Vec::new();
            for c in 0..self.competencies.len() as u32 {
                for &(a, level) in self.competency_activities.row(c) {
                    pairs.push((a, (c, level)));
                }
            }
            Csr::group(self.activities.len(), &pairs)
        };
        // Scratch: the highest level found per competency (0: none yet) and the competencies
        // touched; per activity, the last position that visited it (plus one).
        let mut best = vec![0u8; self.competencies.len()];
        let mut touched: Vec<u32> = Vec::new();
        let mut visited = vec![0u32; self.activities.len()];
        self.req_start.push(0);
        for p in 0..self.positions.len() as u32 {
            let mut raise = |c: u32, level: u8| {
                let b = &mut best[c as usize];
                if *b == 0 {
                    touched.push(c);
                }
                *b = (*b).max(level);
            };
            for &r in self.position_roles.row(p) {
                for &(c, level) in self.role_direct.row(r) {
                    raise(c, level);
                }
                for &a in self.role_activities.row(r) {
                    if visited[a as usize] != p + 1 {
                        visited[a as usize] = p + 1;
                        for &(c, level) in activity_requires.row(a) {
                            raise(c, level);
                        }
                    }
                }
            }
            order::sort_unstable(&mut touched);
            let mut sums = [0u32; 3];
            for &c in &touched {
                let level = std::mem::take(&mut best[c as usize]);
                let kind = self.competency_kind[c as usize].index();
                sums[kind] += u32::from(level);
                self.reqs.push(Req {
                    competency: c,
                    level,
                    kind: kind as u8,
                });
            }
            touched.clear();
            self.level_sums.push(sums);
            let end = u32::try_from(self.reqs.len()).map_err(|_| {
                Errors(vec![Error::CapacityExceeded {
                    what: "requirement entries (positions × the competencies each requires)",
                    limit: u64::from(u32::MAX),
                }])
            })?;
            self.req_start.push(end);
        }
        Ok(())
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
        order::sort_by_key(&mut offers, |&(c, o)| (c, o.course));
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
            order::sort_unstable(&mut direct);
            self.direct_prereqs.extend(direct);
            self.prereq_start.push(self.direct_prereqs.len() as u32);
        }
        let mut pairs = Vec::with_capacity(self.direct_prereqs.len());
        for c in 0..self.courses.len() as u32 {
            for &d in self.direct_prerequisites(c) {
                pairs.push((d, c));
            }
        }
        self.dependants = Csr::group(self.courses.len(), &pairs);
    }

    /// The courses requiring `course` directly, sorted.
    pub(crate) fn direct_dependants(&self, course: u32) -> &[u32] {
        self.dependants.row(course)
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

#[cfg(test)]
mod tests {
    use crate::{CourseSpec, Error, Framework, FrameworkSpec};

    fn chain(n: usize, closed: bool) -> FrameworkSpec {
        let mut spec = FrameworkSpec::new();
        for i in 0..n {
            let before = if i > 0 { i - 1 } else { n - 1 };
            spec.courses.push(CourseSpec {
                id: format!("c{i:06}").into(),
                name: "course".into(),
                hours: 1.0,
                mode: crate::Mode::Formal,
                provides: vec![],
                prerequisites: if i > 0 || closed {
                    vec![format!("c{before:06}").into()]
                } else {
                    vec![]
                },
                provider: None,
                language: None,
            });
        }
        spec
    }

    #[test]
    fn long_prerequisite_chains_do_not_exhaust_the_stack() {
        let fw = Framework::new(chain(200_000, false)).expect("an acyclic chain");
        assert_eq!(fw.prerequisite_closure("c000002").unwrap().len(), 3);
        let errors = Framework::new(chain(100_000, true)).unwrap_err().into_vec();
        assert_eq!(errors.len(), 1);
        match &errors[0] {
            Error::PrerequisiteCycle { courses } => {
                assert_eq!(courses.len(), 100_000);
                // From the smallest id, each course requires the next: c0 requires c99999.
                assert_eq!(courses[0].as_str(), "c000000");
                assert_eq!(courses[1].as_str(), "c099999");
            }
            other => panic!("expected a cycle, found {other:?}"),
        }
    }
}
