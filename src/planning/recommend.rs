//! Course recommendation: which courses close an officer's gaps, in what order.
//!
//! This file finds the gaps and the candidate courses, builds the cover instance and runs
//! the solver; `options` holds what the caller chooses, `plan` what the recommendation
//! returns, and `assemble` turns the solver's picks into the plan.

mod assemble;
mod batch;
mod columns;
#[cfg(test)]
mod instance_tests;
mod marks;
mod options;
mod plan;
mod plan_memo;

pub use batch::Recommender;
pub(crate) use options::reaches;
pub use options::{Objective, RecommendOptions, Solver, UntaggedLevel};
pub(crate) use plan::GapItem;
pub use plan::{Blend, Closed, OpenGap, OpenReason, Optimality, Plan, Step, Target, Term};

use std::collections::HashSet;

use crate::analysis::gap::merge_held;
use crate::model::nearest::Nearest;
use crate::model::order;
use crate::people::resolve::NEAREST_LIMIT;
use crate::planning::cover::{self, Instance, PartMemo};
use crate::{CourseId, EntityKind, Error, Errors, Framework, Paths, Profile};

impl Framework {
    /// Recommends courses closing an officer's gaps against a position.
    ///
    /// A course closes a gap when the level it brings the learner to is at least the
    /// required level; a course reaching a lower level closes nothing for that competency
    /// (partial progress does not count, so every pick is a completed requirement).
    /// Courses the officer has completed are never recommended, and count as done where
    /// they are prerequisites. A chosen course brings its prerequisites (their hours count).
    ///
    /// # Objective
    /// The value of closing a gap is `shortfall × type weight × competency weight`
    /// ([`RecommendOptions::weights`] and [`RecommendOptions::competency_weight`], 1 by
    /// default). A gap worth 0 (a weight of 0) is not wanted: no course is chosen for it, in
    /// either objective, as in [`Framework::department_plan`]. It counts as closed when a
    /// course chosen for another gap closes it, and is otherwise open with
    /// [`OpenReason::NotPrioritised`].
    /// - [`Objective::CloseAll`]: close every gap worth something that some course can
    ///   close, in the fewest selection hours (hours, with formal hours counted at
    ///   `1 / share` under [`RecommendOptions::max_formal_share`]).
    /// - [`Objective::Budget`]: close the most value within the hours; among plans of equal
    ///   value, the fewest selection hours win (a lexicographic objective).
    ///
    /// # Properties
    /// Every plan, from either solver:
    /// - is **minimal**: each course is a prerequisite of another course of the plan, or
    ///   closes a gap worth something that no other course of it closes;
    /// - under a budget, is **maximal**: no course left out, with its prerequisites not in
    ///   the plan, fits in the hours left and closes a gap worth something that stays open,
    ///   however small its value beside the plan's (a level beside 10¹⁸ included, which a
    ///   double's sum of the two does not show). So a gap is open with [`OpenReason::Budget`] only when no course closing it fits in
    ///   the hours left, and with [`OpenReason::NotPrioritised`] only when it is worth nothing;
    ///   the other reasons say why no course can close it at all;
    /// - carries a **proven bound** on the optimum, [`Plan::bound`], and [`Plan::optimality`]
    ///   is `Optimal` when the plan meets it, else `Bounded { gap }` with the relative
    ///   distance the bound allows. Selection hours within 10⁻⁹ of the larger (10⁻⁹ h under
    ///   one hour) count as equal, so an `Optimal` plan takes at most that more than the
    ///   fewest possible ([`Optimality::Optimal`]). Least-hours bounds come from a Lagrangian relaxation of
    ///   the cover rows (prerequisite rows handled by pushing reduced costs down the
    ///   prerequisite graph), rounded up to whole (or half, quarter, eighth) hours when every
    ///   cost is a multiple of one; budget bounds from a fractional knapsack over the open gaps
    ///   and a Lagrangian knapsack relaxation, rounded down to the values' greatest common
    ///   divisor when every value is a multiple of a whole (or half, quarter, eighth) unit
    ///   (every plan's value is then a multiple of it: with every gap worth 3 levels, a
    ///   bound of 15,341.3 becomes 15,339).
    ///
    /// # Guarantees
    /// - [`Objective::CloseAll`], [`Solver::Greedy`]: every closable gap worth something is
    ///   closed; the
    ///   hours are at most `H(g)` times those of the best plan in which each pick pays its
    ///   whole prerequisite closure (`g`: most gaps one course and its prerequisites close,
    ///   `H(g) = 1 + 1/2 + … + 1/g ≤ ln g + 1`), without shared prerequisites the true
    ///   optimum; repairs and exchanges only lower them.
    /// - [`Objective::Budget`], [`Solver::Greedy`]: without shared prerequisites, at least
    ///   `(1 − 1/e)/2` of the most value closable (the greedy is compared with the most
    ///   valuable single course).
    /// - [`Objective::Budget`], either solver: the gaps the plan closes are covered again by
    ///   the solver's least-hours cover, taken when it takes fewer selection hours within
    ///   the budget, so the plan takes no more selection hours than that cover. With a
    ///   budget at least the unbudgeted plan's hours, a plan closing every gap takes no more
    ///   selection hours than the unbudgeted plan.
    /// - [`Solver::Exact`] (the default, with [`Solver::DEFAULT_NODES`] nodes, more for a
    ///   budget on a small instance): at least as good as [`Solver::Greedy`]; optimal when
    ///   it says so. Where both plans are proven optimal, more budget never closes less;
    ///   where one is not, it may close less than a plan for a smaller budget, by at most
    ///   its stated gap.
    ///
    /// On ESCO-shaped instances (BENCHMARKS.md) the default least-hours plan was optimal on
    /// every instance checked against an independent MIP solver, and proven so in most.
    ///
    /// # Complexity
    /// With g gaps, o offers per competency, m candidate courses (those closing a gap, and
    /// their pending prerequisites), z (course, gap) pairs and q prerequisite pairs among
    /// them: finding candidates is O(g·o + m + q) with a hash set; the greedy walks each
    /// evaluated course's unchosen prerequisites instead of storing closures, so a pick
    /// costs O(w + d) for w courses walked and d pooled courses requiring it; its first
    /// valuations walk closures only while that costs at most a few passes over the
    /// candidates and links, then take bounds found prerequisites first in O(m + z + q)
    /// (the same picks), so a plan is O((m + z + q) log m) when prerequisites are not
    /// shared by many picks: a chain of 100,000 courses, or a chain or lattice of 20,000
    /// whose courses close the same gaps, is near-linear. A gap left alone in a part of
    /// the instance takes the cheapest closure of its closers, walked in order of their
    /// heaviest prerequisite chain (found for every course in one O(m + q) pass) until a
    /// chain costs more than the cheapest closure found: on a chain of 100,000 courses
    /// closing the same gap, one closure is walked, not 100,000. Each Lagrangian step is
    /// O(m + z + q), with 300 at the root and 30 per search node, and the search is bounded
    /// by its node limit. The local search after the greedy trades two or three picks
    /// related by a course closing what each closes alone, listed from those relations:
    /// O(k · d³ log d) per trade kept for k picks each related to at most d others, within
    /// a fixed count of evaluations; its tabu search takes at most 2,000 steps of
    /// O(m + z + k log k) per run, at most 8 runs, and is not run again on a cover it
    /// left without finding a cheaper one. So a plan whose root leaves it unproven costs
    /// O(m + z + q) times a constant set by the node limit and those step limits (a post
    /// of 2,000 requirements and 4,000 two-gap courses: about 20 G instructions, ×2.1 per
    /// doubling). Under a budget ([`Objective::Budget`]) the greedy's first picks, its
    /// exchanges and the search's order value every closer at once: a closer whose pending
    /// prerequisites form a chain from its prerequisite's value, in one O(m + z + q)
    /// depth-first pass (a chain of 100,000 courses closing the same gap is near-linear),
    /// any other by a walk of its closure, O(w). A walk also reads the prerequisite pairs
    /// of the courses it meets, and each pick values again the closers requiring it, so on dense
    /// prerequisites the budgeted greedy grows about as q²: n courses each requiring every
    /// earlier one (q = n²/2) took 35 ms at n = 200, 0.43 s at 400 and 6.3 s at 800 (see
    /// BENCHMARKS.md, "Extreme shapes"). Memory is O(m + z + q) plus the plan. The calling
    /// thread keeps, for its next plan, a mark per course of the framework and the emptied
    /// vectors of its last plan's instance (O(m + z + q) of the largest instance it
    /// planned), which it frees when it ends.
    ///
    /// # Errors
    /// [`Error::FrameworkMismatch`] for a profile from another framework; otherwise every
    /// [`Error::UnknownId`] at once: the position's, then each competency weight naming an
    /// unknown competency (in id order), each with its nearest known id.
    pub fn recommend<'f>(
        &'f self,
        profile: &Profile,
        position: &str,
        options: &RecommendOptions,
    ) -> Result<Plan<'f>, Errors> {
        self.check_stamp(profile.stamp)?;
        let p = self
            .position_index(position)
            .map_err(|e| self.option_errors(e, options))?;
        let gaps = self.gaps_at(p, &profile.held);
        self.plan(&gaps, &profile.completed, options, None)
            .map_err(|e| self.plan_errors(e, options))
    }

    /// The error of a plan: every competency weight naming an unknown competency when the
    /// plan stopped at one of them, else the error itself.
    pub(crate) fn plan_errors(&self, error: Error, options: &RecommendOptions) -> Errors {
        let weights = self.unknown_weights(options);
        match error {
            Error::UnknownId {
                kind: EntityKind::Competency,
                ..
            } if !weights.is_empty() => Errors(weights),
            other => other.into(),
        }
    }

    /// `position`'s error (an unknown position), then every competency weight of
    /// `options` naming an unknown competency.
    pub(crate) fn option_errors(&self, position: Error, options: &RecommendOptions) -> Errors {
        let mut errors = vec![position];
        errors.extend(self.unknown_weights(options));
        Errors(errors)
    }

    /// [`Error::UnknownId`] for each competency weight of `options` naming an unknown
    /// competency, in id order, the nearest ids found in bounded work for all of them.
    fn unknown_weights(&self, options: &RecommendOptions) -> Vec<Error> {
        let mut nearest = Nearest::new(NEAREST_LIMIT);
        options
            .competency_weights
            .sorted()
            .into_iter()
            .filter(|(id, _)| self.competencies.get(id.as_str()).is_none())
            .map(|(id, _)| self.unknown_id_among(&mut nearest, EntityKind::Competency, id.as_str()))
            .collect()
    }

    /// The gaps of an officer holding `held` (sorted by competency) against post `p`, in
    /// competency order, with their provenance.
    pub(crate) fn gaps_at(&self, p: u32, held: &[(u32, u8)]) -> Vec<GapItem<'_>> {
        let reqs = self.position_reqs(p);
        let mut gaps = Vec::with_capacity(reqs.len());
        merge_held(reqs, held, |i, current| {
            let r = reqs[i];
            if r.level > current {
                gaps.push(GapItem {
                    competency: r.competency,
                    current,
                    required: r.level,
                    provenance: Paths::new(self, p, r.competency),
                });
            }
        });
        gaps
    }

    /// Recommends courses reaching arbitrary targets (e.g. an IDP's goals).
    ///
    /// Targets whose required level does not exceed the current one are already met and
    /// ignored. `completed` is a set: a course listed more than once counts as completed
    /// once (no error; the plan is the same as with the course listed once). Behaves as
    /// [`Framework::recommend`] otherwise, with the same objective, properties, guarantees
    /// and complexity (g is the number of targets not met, plus O(c log c) for c completed
    /// courses).
    ///
    /// # Errors
    /// [`Errors`](Errors) naming every unknown competency or course, level above a
    /// competency's scale or between 0 and its lowest level ([`Error::InvalidLevel`]; 0,
    /// none, is always allowed), and competency listed twice, then every competency
    /// weight of `options` naming an unknown competency (in id order), all at once. Each
    /// offending id is named once, where it first appears, however often it is listed: an
    /// unknown target or completed course listed twice is one [`Error::UnknownId`], a
    /// competency listed three times one [`Error::DuplicateId`].
    pub fn recommend_targets<'f>(
        &'f self,
        targets: &[Target],
        completed: &[CourseId],
        options: &RecommendOptions,
    ) -> Result<Plan<'f>, Errors> {
        let mut errors = Vec::new();
        let mut gaps = Vec::new();
        // Positions as `usize`, the key type of the module's other sets of positions.
        let mut seen: HashSet<usize> = HashSet::new();
        let mut repeated: HashSet<usize> = HashSet::new();
        // Ids already reported as unknown: each is named once, as it first appears, with
        // the nearest known ids found in work bounded for all of them at once.
        let mut unknown: HashSet<&str> = HashSet::new();
        let mut nearest = Nearest::new(NEAREST_LIMIT);
        for t in targets {
            let Some(c) = self.competencies.get(t.competency.as_str()) else {
                if unknown.insert(t.competency.as_str()) {
                    let id = t.competency.as_str();
                    errors.push(self.unknown_id_among(&mut nearest, EntityKind::Competency, id));
                }
                continue;
            };
            if !seen.insert(c as usize) {
                if repeated.insert(c as usize) {
                    errors.push(Error::DuplicateId {
                        kind: EntityKind::Competency,
                        id: t.competency.to_string(),
                    });
                }
                continue;
            }
            let (min, max) = (
                self.competency_min[c as usize],
                self.competency_max[c as usize],
            );
            for level in [t.current, t.required] {
                // 0 is "none"; the competency does not exist between 0 and its lowest level.
                let below = level.get() > 0 && level.get() < min;
                if level.get() > max || below {
                    errors.push(Error::InvalidLevel {
                        owner_kind: EntityKind::Competency,
                        owner: t.competency.to_string(),
                        competency: t.competency.to_string(),
                        level: level.get(),
                        min: if below { min } else { 0 },
                        max,
                    });
                }
            }
            if t.required > t.current {
                gaps.push(GapItem {
                    competency: c,
                    current: t.current.get(),
                    required: t.required.get(),
                    provenance: Paths::default(),
                });
            }
        }
        let mut done = Vec::new();
        let mut unknown_courses: HashSet<&str> = HashSet::new();
        for c in completed {
            match self.courses.get(c.as_str()) {
                Some(i) => done.push(i),
                None if unknown_courses.insert(c.as_str()) => {
                    let id = c.as_str();
                    errors.push(self.unknown_id_among(&mut nearest, EntityKind::Course, id));
                }
                None => {}
            }
        }
        errors.extend(self.unknown_weights(options));
        if let Some(e) = Errors::from_vec(errors) {
            return Err(e);
        }
        order::sort_by_key(&mut gaps, |g| g.competency);
        order::sort_unstable(&mut done);
        done.dedup();
        Ok(self.plan(&gaps, &done, options, None)?)
    }

    /// The plan for `gaps`; least-hours parts solved before are read back from `memo` when
    /// one is given (the same plan).
    fn plan<'f>(
        &'f self,
        gaps: &[GapItem<'f>],
        completed: &[u32],
        options: &RecommendOptions,
        memo: Option<&PartMemo>,
    ) -> Result<Plan<'f>, Error> {
        // Only the competencies named get a weight other than 1: (index, weight) by index,
        // each index once (the options' ids are distinct).
        let weights = options.competency_weights.sorted();
        let mut comp_weight: Vec<(u32, f64)> = Vec::with_capacity(weights.len());
        for (id, &w) in weights {
            let c = self
                .competencies
                .get(id.as_str())
                .ok_or_else(|| self.unknown_id(EntityKind::Competency, id.as_str()))?;
            comp_weight.push((c, w));
        }
        order::sort_unstable_by(&mut comp_weight, |a, b| a.0.cmp(&b.0));
        let (courses, open) = self.candidates(gaps, completed, options.untagged);
        let mut closable: Vec<&GapItem<'f>> = Vec::with_capacity(gaps.len() - open.len());
        closable.extend(
            gaps.iter()
                .enumerate()
                .filter(|(i, _)| !open.iter().any(|(o, _)| o == i))
                .map(|(_, g)| g),
        );
        let open: Vec<(&GapItem<'f>, OpenReason)> =
            open.into_iter().map(|(i, r)| (&gaps[i], r)).collect();
        let mut values = marks::spare_values();
        values.extend(closable.iter().map(|g| {
            let kind = self.competency_kind[g.competency as usize];
            let w = options.weights.get(kind)
                * comp_weight
                    .binary_search_by_key(&g.competency, |&(c, _)| c)
                    .map_or(1.0, |i| comp_weight[i].1);
            f64::from(g.required - g.current) * w
        }));
        let inst = self.instance(
            &courses,
            &closable,
            completed,
            values,
            options.untagged,
            options.max_formal_share,
        );
        // A gap weighted 0 is not wanted: a least-hours plan closes the gaps worth
        // something, as a budgeted plan and `department_plan` do. It stays in `inst`, so a
        // course chosen for another gap that closes it is credited with it.
        let wanted = (options.objective == Objective::CloseAll
            && inst.values.iter().any(|&v| v <= 0.0))
        .then(|| inst.keeping_elements(|e| inst.values[e as usize] > 0.0));
        let solve_on = wanted.as_ref().unwrap_or(&inst);
        let (solution, least_hours) = solve(&inst, solve_on, options, memo);
        let optimality = match options.objective {
            _ if solution.proven => Optimality::Optimal,
            Objective::CloseAll if solution.bound > 0.0 => Optimality::Bounded {
                gap: (solution.cost / solution.bound - 1.0).max(0.0),
            },
            Objective::Budget(_) if solution.bound > 0.0 => Optimality::Bounded {
                gap: (1.0 - cover::value_of_chosen(&inst, &solution.chosen) / solution.bound)
                    .max(0.0),
            },
            // A zero bound is met by the empty plan, which every solver then returns.
            _ => Optimality::Optimal,
        };
        // A least-hours plan meeting its bound is optimal; a budgeted one is then the most
        // value, but only the search, or a proven least-hours cover of every gap worth
        // something, proves no plan of equal value takes fewer hours.
        let optimality = match (optimality, options.objective) {
            (Optimality::Bounded { gap }, Objective::CloseAll) if gap <= 1e-12 => {
                Optimality::Optimal
            }
            // The most value, closing every gap worth something in the proven least hours
            // of any plan closing them: no plan of equal value takes fewer.
            (Optimality::Bounded { gap }, _) if gap <= 1e-12 && least_hours => Optimality::Optimal,
            (Optimality::Bounded { gap }, _) if gap <= 1e-12 => Optimality::Bounded { gap: 0.0 },
            (other, _) => other,
        };
        let picked: Vec<u32> = solution
            .chosen
            .iter()
            .map(|&i| courses[i as usize])
            .collect();
        let plan = self.assemble(
            &picked,
            &closable,
            open,
            &inst,
            &solution.chosen,
            (optimality, solution.bound, solution.nodes),
            options,
        );
        marks::recycle(inst, courses);
        Ok(plan)
    }

    /// Courses that may be chosen, sorted: those closing some gap (not completed) and their
    /// pending prerequisites; and the gaps no course can close, with the reason.
    pub(crate) fn candidates(
        &self,
        gaps: &[GapItem<'_>],
        completed: &[u32],
        untagged: UntaggedLevel,
    ) -> (Vec<u32>, Vec<(usize, OpenReason)>) {
        marks::with_marks(self.courses.len(), |marks| {
            // Gathered in this thread's buffer, then copied out at its final size: one
            // allocation instead of a doubling series.
            let mut chosen = std::mem::take(&mut marks.scratch.candidates);
            chosen.clear();
            let mut open = Vec::new();
            for (i, g) in gaps.iter().enumerate() {
                let mut closable = false;
                for o in self.offers_of(g.competency) {
                    if reaches(o.level, untagged).is_some_and(|l| l >= g.required)
                        && completed.binary_search(&o.course).is_err()
                    {
                        if marks.insert(o.course, 0) {
                            chosen.push(o.course);
                        }
                        closable = true;
                    }
                }
                if !closable {
                    open.push((i, self.open_reason(g, untagged)));
                }
            }
            // Pending prerequisites of them all, each found once: O(closure), however many
            // candidates share it.
            let mut next = 0;
            while let Some(&c) = chosen.get(next) {
                next += 1;
                for &p in self.direct_prerequisites(c) {
                    if completed.binary_search(&p).is_err() && marks.insert(p, 0) {
                        chosen.push(p);
                    }
                }
            }
            marks.scratch.sort_courses(&mut chosen, self.courses.len());
            // Copied into the last plan's list when one was recycled, long enough.
            let mut courses = std::mem::take(&mut marks.scratch.spare_courses);
            courses.clear();
            courses.extend_from_slice(&chosen);
            marks.scratch.candidates = chosen;
            (courses, open)
        })
    }
}

/// The solver's plan of `inst` (`wanted`: `inst` without the gaps worth nothing, which a
/// least-hours plan need not close), and whether a budgeted plan's hours are proven the
/// fewest of any plan of its value (`cover::fewer_hours`).
fn solve(
    inst: &Instance,
    wanted: &Instance,
    options: &RecommendOptions,
    memo: Option<&PartMemo>,
) -> (cover::Solution, bool) {
    // The least-hours solver of the unbudgeted plan; a budgeted plan's closed gaps are
    // covered again by it (`cover::fewer_hours`).
    let least = |part: &Instance| match (options.solver, memo) {
        (Solver::Greedy, None) => cover::bounded_cover(part),
        (Solver::Greedy, Some(memo)) => cover::bounded_cover_remembering(part, memo),
        (Solver::Exact { node_limit }, None) => {
            cover::prove_cover(part, cover::exact_cover(part, node_limit), node_limit)
        }
        (Solver::Exact { node_limit }, Some(memo)) => cover::prove_cover(
            part,
            cover::exact_cover_remembering(part, node_limit, memo),
            node_limit,
        ),
    };
    match (options.objective, options.solver) {
        (Objective::CloseAll, _) => (least(wanted), false),
        (Objective::Budget(b), solver) => {
            let searched = match solver {
                Solver::Greedy => cover::greedy_budget(inst, b),
                Solver::Exact { node_limit } => {
                    let node_limit = budget_nodes(node_limit, inst);
                    cover::prove_budget(
                        inst,
                        b,
                        cover::exact_budget(inst, b, node_limit),
                        node_limit,
                    )
                }
            };
            let cover::Recovered {
                solution,
                least_cost,
            } = cover::fewer_hours(inst, b, searched, least);
            (solution, least_cost)
        }
    }
}

/// Search nodes times the instance's size (candidates and gaps) a budget's search with
/// at least [`Solver::DEFAULT_NODES`] nodes may take on a small instance: a node of the
/// budget's search costs about linear time in the instance, so this bounds the work added,
/// and an instance of fewer than 1,000 candidates and gaps is searched further than its
/// node limit. With 2,000 nodes for every size, a path of 68 courses and 19 gaps
/// (`tests/data/cases/planning/22-…`) closed 37 within 79.5 hours, unproven, and 39
/// within 78 hours and within 80, proven: 2,063 nodes prove 39 at 79.5.
const BUDGET_SEARCH_WORK: u64 = 2_000_000;

/// The nodes a budget's search of `inst` takes for a node limit of `node_limit`: the
/// limit, or when it is at least [`Solver::DEFAULT_NODES`] (the default's), at least
/// [`BUDGET_SEARCH_WORK`] over the instance's size. Never fewer for a larger limit. O(1).
fn budget_nodes(node_limit: u64, inst: &Instance) -> u64 {
    if node_limit < Solver::DEFAULT_NODES {
        return node_limit;
    }
    let size = (inst.len() as u64 + inst.values.len() as u64).max(1);
    node_limit.max(BUDGET_SEARCH_WORK / size)
}

/// The gaps some candidate course can close: `gaps` less those `open` names by index.
pub(crate) fn closable<'g, 'f, T>(
    gaps: &'g [GapItem<'f>],
    open: &[(usize, T)],
) -> Vec<&'g GapItem<'f>> {
    gaps.iter()
        .enumerate()
        .filter(|(i, _)| !open.iter().any(|(o, _)| o == i))
        .map(|(_, g)| g)
        .collect()
}
