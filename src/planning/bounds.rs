//! Lower bounds on the hours of a learning path, for the best-first searches of career
//! paths and successors: a search plans only the posts (or officers) whose bound can still
//! beat the k-th result, so the bounds decide how many plans are made.
//!
//! A plan closing gaps `G` is a set `S` of courses holding, for each gap `g`, a course
//! `c_g` closing it and `c_g`'s pending prerequisite closure `cl(c_g)` (its prerequisites,
//! transitively, stopping at completed courses; `cl` includes the course itself). Three
//! bounds on `hours(S) = Σ_{x∈S} h(x)`, each true for every such plan, hence for the optimum
//! and for whatever plan a solver returns:
//!
//! - **share**: `Σ_g min_c h(c) / n(c)`, where `n(c)` is at least the number of gaps `c`
//!   closes: the closing courses alone, each one's hours split over its gaps.
//! - **closure**: `max_g min_c Σ_{x∈cl(c)} h(x)`: the hardest gap needs a whole closure.
//! - **packing**: `Σ_g min_c Σ_{x∈cl(c)} h(x) / m(x)`, where `m(x)` is at least the number
//!   of gaps closable by `x` or by a course needing `x`. A course `x` in the plan serves at
//!   most `m(x)` of the gaps as a member of their `cl(c_g)`, so charging `h(x)/m(x)` to each
//!   never charges more than `h(x)`: prerequisites count, shared ones split.
//!
//! Computed for one instance ([`gap_costs`]: an officer's own gaps and completed courses),
//! the counts and closures are the officer's. Computed for all of a position's requirements
//! with nothing completed ([`post_tables`]), they hold for every officer as far as the
//! share bound goes (an officer's gaps are some of the position's requirements, so counts
//! only shrink), and for the other two bounds when none of the officer's completed courses
//! is a prerequisite of another course (completing such a course shortens closures):
//! [`full_closures`].
//!
//! All three are computed in floating point; searches compare them with a relative slack of
//! 1e-9, far above the rounding of any sum here, so a bound never prunes a tie.

use crate::Framework;
use crate::model::gap_cost::GapCost;
use crate::model::order;
use crate::planning::recommend::{UntaggedLevel, reaches};

/// Sums per-gap costs into a bound on a plan's hours: the best of the three bounds over
/// the closable gaps (only the share bound when `full_closures` is false).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Total {
    pub(crate) open: u32,
    share: f64,
    packing: f64,
    closure: f64,
}

impl Total {
    /// The sum of the costs of several gaps.
    pub(crate) fn of(costs: &[GapCost]) -> Total {
        let mut total = Total::default();
        for g in costs {
            total.add(g);
        }
        total
    }

    pub(crate) fn add(&mut self, g: &GapCost) {
        if g.closable {
            self.share += g.share;
            self.packing += g.packing;
            self.closure = self.closure.max(g.closure);
        } else {
            self.open += 1;
        }
    }

    pub(crate) fn hours(&self, full_closures: bool) -> f64 {
        if full_closures {
            self.share.max(self.packing).max(self.closure)
        } else {
            self.share
        }
    }
}

/// Whether `b` exceeds `a` by more than rounding can explain.
pub(crate) fn clearly_above(b: f64, a: f64) -> bool {
    b > a + 1e-9 * a.abs().max(1.0)
}

/// Whether an officer who completed `completed` (sorted) has every prerequisite closure
/// whole: none of the courses is a prerequisite of another. Only then do the closure and
/// packing bounds computed without completions hold for them.
pub(crate) fn full_closures(fw: &Framework, completed: &[u32]) -> bool {
    completed
        .iter()
        .all(|&c| fw.direct_dependants(c).is_empty())
}

/// How many passes over the union of the closers' closures (its courses and their
/// prerequisite links) walking each closer's closure may cost before bounds along paths of
/// the union stand in for the walks (`Scratch::along_paths`).
const WALKS_PER_UNION: usize = 8;

/// Reusable work arrays for [`gap_costs`], sized for one framework.
pub(crate) struct Scratch {
    /// Per competency, the required level of the gap in it (0: none).
    need: Vec<u8>,
    /// Per course, its index among the closers plus one (0: not a closer).
    slot: Vec<u32>,
    /// Per course, `m(x)` (see the module docs) of this instance.
    uses: Vec<u32>,
    /// Per course, the closure walk that last reached it.
    seen: Vec<u32>,
    walk: u32,
    stack: Vec<u32>,
    /// The closure last walked.
    members: Vec<u32>,
    /// The closers' closures, one after the other, as walked.
    walked: Vec<u32>,
    /// Per closer, where its closure ends in `walked`.
    ends: Vec<u32>,
    /// Courses whose `uses` were set.
    used: Vec<u32>,
    closers: Vec<u32>,
    /// Per closer: the gaps it closes.
    counts: Vec<u32>,
    /// Per closer: (share, packing, closure, an upper bound on the closure's hours).
    costs: Vec<(f64, f64, f64, f64)>,
    /// The union of the closers' pending closures, in learning order once sorted.
    union: Vec<u32>,
    /// Per course of `union`, bounds along its prerequisite paths: (packing, closure,
    /// closure's hours at most).
    paths: Vec<(f64, f64, f64)>,
    /// [`WALKS_PER_UNION`], or 0 in tests of the bounds along paths.
    walks_per_union: usize,
}

impl Scratch {
    pub(crate) fn new(fw: &Framework) -> Scratch {
        let courses = fw.courses.len();
        Scratch {
            need: vec![0; fw.competencies.len()],
            slot: vec![0; courses],
            uses: vec![0; courses],
            seen: vec![0; courses],
            walk: 0,
            stack: Vec::new(),
            members: Vec::new(),
            walked: Vec::new(),
            ends: Vec::new(),
            used: Vec::new(),
            closers: Vec::new(),
            counts: Vec::new(),
            costs: Vec::new(),
            union: Vec::new(),
            paths: vec![(0.0, 0.0, 0.0); courses],
            walks_per_union: WALKS_PER_UNION,
        }
    }

    /// Starts a new walk: `seen` holds no course as reached by it.
    fn next_walk(&mut self) -> u32 {
        if self.walk == u32::MAX {
            self.seen.fill(0);
            self.walk = 0;
        }
        self.walk += 1;
        self.walk
    }

    /// The union of the closers' pending closures into `union` (unsorted), returning its
    /// size plus the prerequisite links read: what one pass over it costs.
    fn union(&mut self, fw: &Framework, completed: &[u32]) -> usize {
        let walk = self.next_walk();
        self.stack.clear();
        for &c in &self.closers {
            self.seen[c as usize] = walk;
            self.stack.push(c);
        }
        pending_closure(
            fw,
            completed,
            walk,
            &mut self.seen,
            &mut self.stack,
            &mut self.union,
        )
    }

    /// The closers' costs from bounds along prerequisite paths of `union`, in linear time,
    /// for when walking every closure would take more. With `N` the gaps the closers close
    /// (summed over them), `M(x) = min(N, n(x) + Σ M(d))` over the courses `d` of the union
    /// requiring `x` counts each closer whose closure holds `x` at least once (once per
    /// path to it), so `M(x) ≥ m(x)`. Then, for a course `c`, the heaviest path down from
    /// `c` (its courses distinct members of `cl(c)`) bounds the closure from below, by hours
    /// and by hours over `M`; the sum over all paths, at most the union's hours, bounds it
    /// from above.
    fn along_paths(&mut self, fw: &Framework) {
        for &x in &self.used {
            self.uses[x as usize] = 0;
        }
        self.used.clear();
        let walk = self.next_walk();
        let mut everything = 0.0;
        for &x in &self.union {
            self.seen[x as usize] = walk;
            everything += fw.course_hours[x as usize];
        }
        order::sort_by_key(&mut self.union, |&c| fw.course_rank[c as usize]);
        let total = self
            .counts
            .iter()
            .fold(0u32, |sum, &n| sum.saturating_add(n));
        for (k, &c) in self.closers.iter().enumerate() {
            self.uses[c as usize] = self.counts[k];
        }
        // Dependants come later in learning order: pass their counts down, last first.
        for &d in self.union.iter().rev() {
            let m = self.uses[d as usize].min(total);
            self.uses[d as usize] = m;
            self.used.push(d);
            for &x in fw.direct_prerequisites(d) {
                if self.seen[x as usize] == walk {
                    let uses = &mut self.uses[x as usize];
                    *uses = uses.saturating_add(m);
                }
            }
        }
        for &x in &self.union {
            let (mut packing, mut closure, mut at_most) = (0.0f64, 0.0f64, 0.0);
            for &d in fw.direct_prerequisites(x) {
                if self.seen[d as usize] == walk {
                    let (p, c, a) = self.paths[d as usize];
                    packing = packing.max(p);
                    closure = closure.max(c);
                    at_most += a;
                }
            }
            let h = fw.course_hours[x as usize];
            let m = f64::from(self.uses[x as usize].max(1));
            self.paths[x as usize] = (packing + h / m, closure + h, (at_most + h).min(everything));
        }
        for (k, &c) in self.closers.iter().enumerate() {
            let (packing, closure, at_most) = self.paths[c as usize];
            let share = fw.course_hours[c as usize] / f64::from(self.counts[k]);
            self.costs.push((share, packing, closure, at_most));
        }
    }

    /// `course`'s pending closure into `members`: the course, then its prerequisites
    /// transitively, not passing through completed ones, once each. Returns what the walk
    /// cost: the members plus the prerequisite links read.
    fn closure(&mut self, fw: &Framework, course: u32, completed: &[u32]) -> usize {
        let walk = self.next_walk();
        self.stack.clear();
        self.stack.push(course);
        self.seen[course as usize] = walk;
        pending_closure(
            fw,
            completed,
            walk,
            &mut self.seen,
            &mut self.stack,
            &mut self.members,
        )
    }
}

/// Walks the pending closures of the courses on `stack` (each marked in `seen` as reached
/// by `walk`) into `out` (cleared first): each course, then its prerequisites transitively,
/// not passing through `completed` ones (sorted), once each. Returns what the walk cost: the
/// courses plus the prerequisite links read.
fn pending_closure(
    fw: &Framework,
    completed: &[u32],
    walk: u32,
    seen: &mut [u32],
    stack: &mut Vec<u32>,
    out: &mut Vec<u32>,
) -> usize {
    out.clear();
    let mut links = 0;
    while let Some(x) = stack.pop() {
        out.push(x);
        let prerequisites = fw.direct_prerequisites(x);
        links += prerequisites.len();
        for &d in prerequisites {
            if seen[d as usize] != walk && completed.binary_search(&d).is_err() {
                seen[d as usize] = walk;
                stack.push(d);
            }
        }
    }
    out.len() + links
}

/// The costs of each gap of one instance: `gaps` as (competency, required level), sorted by
/// competency, for an officer who completed `completed` (sorted). Counts are the instance's
/// own: `n(c)` the gaps course `c` closes, `m(x)` the gaps closed by the closers whose
/// pending closure holds `x` (summed over closers), and closures are the officer's pending
/// ones, so the bounds hold whatever the officer completed.
///
/// When walking each closer's closure would cost more than [`WALKS_PER_UNION`] passes
/// over their union (many closers sharing long chains of prerequisites), the packing and
/// closure bounds are taken along the union's prerequisite paths instead
/// (`Scratch::along_paths`): weaker, still lower bounds, and `closure_at_most` then an
/// upper bound rather than the closure's hours.
///
/// # Complexity
/// O((Σ offers of the gaps' competencies + Σ outcomes of the closers + u·log u + l) ·
/// log(completed)) time for u courses in the union of the closers' pending closures and l
/// prerequisite links among them; O(V + c + u) memory in `scratch`.
pub(crate) fn gap_costs(
    fw: &Framework,
    gaps: &[(u32, u8)],
    completed: &[u32],
    untagged: UntaggedLevel,
    scratch: &mut Scratch,
    out: &mut Vec<GapCost>,
) {
    let closes = |l: Option<u8>, need: u8| reaches(l, untagged).is_some_and(|r| r >= need);
    for &(c, l) in gaps {
        scratch.need[c as usize] = l;
    }
    scratch.closers.clear();
    for &(c, l) in gaps {
        for o in fw.offers_of(c) {
            if closes(o.level, l)
                && scratch.slot[o.course as usize] == 0
                && completed.binary_search(&o.course).is_err()
            {
                scratch.closers.push(o.course);
                scratch.slot[o.course as usize] = scratch.closers.len() as u32;
            }
        }
    }
    // n(c) for each closer, then m(x) over the closers' closures.
    scratch.counts.clear();
    for &c in &scratch.closers {
        let n = fw
            .builds_of(c)
            .iter()
            .filter(|&&(b, level)| {
                let need = scratch.need[b as usize];
                need > 0 && closes(level, need)
            })
            .count() as u32;
        scratch.counts.push(n.max(1));
    }
    // Each closure is walked once and kept, for the counts and then the costs, unless the
    // walks would cost more than a few passes over the closures' union: then bounds along
    // paths of that union stand in for them.
    scratch.used.clear();
    scratch.walked.clear();
    scratch.ends.clear();
    let limit = scratch
        .union(fw, completed)
        .saturating_mul(scratch.walks_per_union);
    let mut cost = 0usize;
    for k in 0..scratch.closers.len() {
        cost += scratch.closure(fw, scratch.closers[k], completed);
        if cost > limit {
            break;
        }
        let n = scratch.counts[k];
        for &x in &scratch.members {
            let uses = &mut scratch.uses[x as usize];
            if *uses == 0 {
                scratch.used.push(x);
            }
            *uses = uses.saturating_add(n);
        }
        scratch.walked.extend_from_slice(&scratch.members);
        scratch.ends.push(scratch.walked.len() as u32);
    }
    scratch.costs.clear();
    if scratch.ends.len() == scratch.closers.len() {
        let mut start = 0;
        for k in 0..scratch.closers.len() {
            let c = scratch.closers[k];
            let end = scratch.ends[k] as usize;
            let (mut packing, mut closure) = (0.0, 0.0);
            for &x in &scratch.walked[start..end] {
                let h = fw.course_hours[x as usize];
                packing += h / f64::from(scratch.uses[x as usize].max(1));
                closure += h;
            }
            start = end;
            let share = fw.course_hours[c as usize] / f64::from(scratch.counts[k]);
            scratch.costs.push((share, packing, closure, closure));
        }
    } else {
        scratch.along_paths(fw);
    }
    out.clear();
    for &(c, l) in gaps {
        let mut cost = GapCost::OPEN;
        for o in fw.offers_of(c) {
            let slot = scratch.slot[o.course as usize];
            if slot > 0 && closes(o.level, l) {
                let (share, packing, closure, at_most) = scratch.costs[slot as usize - 1];
                cost.closable = true;
                cost.share = cost.share.min(share);
                cost.packing = cost.packing.min(packing);
                cost.closure = cost.closure.min(closure);
                cost.closure_at_most = cost.closure_at_most.min(at_most);
            }
        }
        out.push(cost);
    }
    for &(c, _) in gaps {
        scratch.need[c as usize] = 0;
    }
    for &c in &scratch.closers {
        scratch.slot[c as usize] = 0;
    }
    for &x in &scratch.used {
        scratch.uses[x as usize] = 0;
    }
}

/// Per requirement entry of every position (indexed as `Framework::reqs`), the costs of
/// closing it counting only its own position's requirements, with no course completed and
/// courses without a level counted as reaching 5 (so they hold for any officer without
/// completed prerequisites, under any [`UntaggedLevel`] rule; the share part for everyone).
///
/// # Complexity
/// Σ over positions of [`gap_costs`] of all their requirements; memory O(e) for e
/// requirement entries.
pub(crate) fn post_tables(fw: &Framework) -> Vec<GapCost> {
    let mut scratch = Scratch::new(fw);
    let mut out = Vec::with_capacity(fw.reqs.len());
    let (mut gaps, mut costs) = (Vec::new(), Vec::new());
    for p in 0..fw.positions.len() as u32 {
        gaps.clear();
        gaps.extend(fw.position_reqs(p).iter().map(|r| (r.competency, r.level)));
        gap_costs(
            fw,
            &gaps,
            &[],
            UntaggedLevel::Assume(crate::Level::MAX),
            &mut scratch,
            &mut costs,
        );
        out.extend_from_slice(&costs);
    }
    out
}

#[cfg(test)]
mod tests;
