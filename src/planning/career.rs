//! Career paths and deployment by training effort: which posts an officer could be ready for
//! with the least training, and which officers a vacancy could be filled from.

use crate::model::hours::exact_sum;

use serde::Serialize;

use crate::analysis::gap::Tally;
use crate::model::framework::Req;
use crate::model::gap_cost::GapCost;
use crate::people::cohort::unpack;

use crate::planning::best_first::{Effort, Seed, best_first, better, beyond, key};
use crate::planning::bounds::{
    Scratch, Total, clearly_above, full_closures, gap_costs, post_tables,
};
use crate::planning::cover;
use crate::planning::groups::{Groups, Refuted, met_levels};
use crate::planning::memo::{self, Memo};
use crate::planning::recommend::{UntaggedLevel, closable};
use crate::{
    Cohort, DepartmentId, Error, Framework, GapOptions, GapReport, OfficerId, Plan, PositionId,
    Profile, RecommendOptions, Solver,
};

/// Options for [`Framework::career_paths`] and [`Framework::successors`].
#[derive(Clone, Debug, PartialEq)]
pub struct CareerOptions {
    k: usize,
    exclude_current: bool,
    department: Option<DepartmentId>,
    untagged: UntaggedLevel,
    solver: Solver,
    gap: GapOptions,
}

impl Default for CareerOptions {
    fn default() -> Self {
        CareerOptions {
            k: 10,
            exclude_current: true,
            department: None,
            untagged: UntaggedLevel::Ignore,
            solver: Solver::default(),
            gap: GapOptions::default(),
        }
    }
}

impl CareerOptions {
    /// How many results at most (default 10).
    pub fn top(mut self, k: usize) -> Self {
        self.k = k;
        self
    }

    /// Whether to leave out the officer's current post, or officers already holding the
    /// vacancy's post (default `true`).
    pub fn exclude_current(mut self, yes: bool) -> Self {
        self.exclude_current = yes;
        self
    }

    /// Only posts of, or officers in, this department (default: all). A department that
    /// neither the framework's positions nor (for [`Framework::successors`]) the cohort's
    /// officers name is an error ([`Error::UnknownId`], with the nearest known
    /// department), never an empty result.
    pub fn department(mut self, department: impl Into<DepartmentId>) -> Self {
        self.department = Some(department.into());
        self
    }

    /// How courses without a level count when planning (default [`UntaggedLevel::Ignore`]).
    pub fn untagged(mut self, rule: UntaggedLevel) -> Self {
        self.untagged = rule;
        self
    }

    /// The algorithm planning each candidate's learning path (default, as for
    /// [`RecommendOptions`](crate::RecommendOptions), `Solver::Exact { node_limit:
    /// Solver::DEFAULT_NODES }`), so a result's hours are those
    /// [`Framework::recommend`] gives with the same solver. [`Solver::Greedy`] plans faster,
    /// at the greedy's quality.
    pub fn solver(mut self, solver: Solver) -> Self {
        self.solver = solver;
        self
    }

    /// Readiness weights reported with each result.
    pub fn gap_options(mut self, options: GapOptions) -> Self {
        self.gap = options;
        self
    }
}

/// An officer and a post, with the training it would take to be ready.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CareerFit {
    /// The officer.
    pub officer: OfficerId,
    /// The officer's name, when their spec gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub officer_name: Option<String>,
    /// The post.
    pub position: PositionId,
    /// Its name.
    pub position_name: String,
    /// Readiness now, as defined on [`GapReport`].
    pub readiness: f64,
    /// Required competencies short now.
    pub gaps: u32,
    /// Of those, gaps no available course can close: the post cannot be fully reached by
    /// training alone.
    pub open: u32,
    /// Hours of the least-hours learning path closing every other gap: the plan
    /// [`Framework::recommend`] makes with the options' solver
    /// ([`CareerOptions::solver`], by default the exact search), not always the fewest hours
    /// possible when the search stops at its node limit.
    pub hours: f64,
    /// Courses in that path, prerequisites included.
    pub courses: u32,
}

/// A move to a post: the gap now and the learning path that closes it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CareerStep<'a> {
    /// The officer's gaps against the post.
    pub gap: GapReport<'a>,
    /// The recommended learning path; its `total_hours` is the training the move takes.
    pub plan: Plan<'a>,
}

/// The plan part of an [`Effort`]: a function of the gaps and completed courses alone.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Planned {
    open: u32,
    hours: f64,
    courses: u32,
}

impl Framework {
    /// An officer's move to a post: the gap report and the recommended learning path.
    ///
    /// # Errors
    /// As [`Framework::recommend`]: [`Error::FrameworkMismatch`] for a profile from another
    /// framework; otherwise every [`Error::UnknownId`] at once, the position's then each
    /// competency weight's naming an unknown competency.
    ///
    /// # Complexity
    /// That of [`Framework::gap_for`] plus [`Framework::recommend`] with the given options.
    pub fn career_step<'a>(
        &'a self,
        profile: &'a Profile,
        position: &str,
        gap: &GapOptions,
        recommend: &RecommendOptions,
    ) -> Result<CareerStep<'a>, crate::Errors> {
        let gap = self.gap_for(profile, position, gap).map_err(|e| match e {
            Error::UnknownId {
                kind: crate::EntityKind::Position,
                ..
            } => self.option_errors(e, recommend),
            other => other.into(),
        })?;
        Ok(CareerStep {
            gap,
            plan: self.recommend(profile, position, recommend)?,
        })
    }

    /// The `k` posts the officer could be ready for with the least training: ranked by
    /// gaps no course can close, then hours of the least-hours learning path, then
    /// readiness (compared exactly, as [`Framework::positions_for`] compares it), then post
    /// id.
    ///
    /// Best-first search. A lower bound on a plan's hours, prerequisites included, is the
    /// best of three: the sum over the gaps of the least share of a closing course's hours
    /// (split among the gaps it can close); the largest over the gaps of the least hours of
    /// a closing course with its whole prerequisite closure; and the sum over the gaps of
    /// the least closure in which each course's hours are split among the gaps it can serve
    /// (as the closing course or as a prerequisite of one). Each holds for every plan
    /// closing the gaps, so for the optimum and for the plan returned. Per requirement of
    /// every post these are computed once per framework, counting the post's own
    /// requirements, on the first career search (the sum of b below over every post; about
    /// 70 ms of CPU on ESCO's 3,007 posts with a synthetic 10,000-course catalogue, 120 ms
    /// with one heavy in prerequisites) and kept. A post's bound is then a sum over
    /// the officer's gaps; posts are taken in bound order until the next bound ranks after
    /// the k-th result, and each is bounded again on the officer's own gaps and completed
    /// courses before it is planned. The result equals planning every post and sorting.
    ///
    /// Each thread remembers the plans it made (or the cutoff a proven bound passed) by
    /// their cover instance: the gaps, the candidate courses and the solver. Officers far
    /// from a post are short of all its requirements, so the posts nearest to many
    /// officers are planned once for them all; a remembered answer is the one the solver
    /// gives, so results do not depend on what was asked before.
    ///
    /// # Errors
    /// [`Error::FrameworkMismatch`] when the profile was built from another framework;
    /// [`Error::UnknownId`] for a department no position names.
    ///
    /// # Complexity
    /// Time O(e + P·h + P) for the bounds of P posts with e requirement entries in all (h
    /// held competencies) and a heap of them; then per post taken O(log P + b) to bound it
    /// again, b being the offers of its gaps' competencies, the outcomes of the courses
    /// closing them and the union of those courses' prerequisite closures with its links
    /// (each closure walked once while that costs at most a few passes over the union,
    /// bounds along the union's paths otherwise), times log u for u courses in it; and per
    /// post planned, a plan as [`Framework::recommend`] makes it. The first call on a
    /// framework adds the sum of b over all requirements of every post. A post whose plan
    /// this thread remembers costs only the walk to its candidate courses. Memory O(P + c +
    /// V) for c competencies and V courses, one plan at a time, and the kept bounds, O(e);
    /// per thread, the memo of plans keeps at most 4,096 instances and 2²⁰ words of keys
    /// (4 MB), emptied when full.
    pub fn career_paths(
        &self,
        profile: &Profile,
        options: &CareerOptions,
    ) -> Result<Vec<CareerFit>, Error> {
        self.check_stamp(profile.stamp)?;
        self.check_department(options.department.as_ref(), None)?;
        let candidates: Vec<u32> = (0..self.positions.len() as u32)
            .filter(|&p| !(options.exclude_current && p == profile.position))
            .filter(|&p| {
                options
                    .department
                    .as_ref()
                    .is_none_or(|d| self.positions.items[p as usize].department == *d)
            })
            .collect();
        if options.k == 0 || candidates.is_empty() {
            return Ok(Vec::new());
        }
        let tables = self.post_costs.get_or_init(|| post_tables(self));
        let (held, completed) = (&profile.held, &profile.completed);
        // Per competency, the level the officer holds (0: none), so that each post's
        // requirements are read against it with one load each rather than merged with
        // the held list post by post.
        let mut level_of = vec![0u8; self.competencies.len()];
        for &(c, level) in held {
            if let Some(at) = level_of.get_mut(c as usize) {
                *at = (*at).max(level);
            }
        }
        let short = |r: &Req| r.level > level_of.get(r.competency as usize).map_or(0, |&l| l);
        let full = full_closures(self, completed);
        let mut scratch = Scratch::new(self);
        let (mut gaps, mut costs) = (Vec::new(), Vec::new());
        let best = best_first(
            &candidates,
            options.k,
            |p| {
                let reqs = self.position_reqs(p);
                let base = self.req_start[p as usize] as usize;
                let costs = tables.get(base..base + reqs.len()).unwrap_or(&[]);
                let mut total = Total::default();
                for (r, cost) in reqs.iter().zip(costs) {
                    if short(r) {
                        total.add(cost);
                    }
                }
                (total.open, total.hours(full))
            },
            Seed::none(),
            |p, kth, out| {
                let reqs = self.position_reqs(p);
                gaps.clear();
                gaps.extend(
                    reqs.iter()
                        .filter(|r| short(r))
                        .map(|r| (r.competency, r.level)),
                );
                gap_costs(
                    self,
                    &gaps,
                    completed,
                    options.untagged,
                    &mut scratch,
                    &mut costs,
                );
                let total = Total::of(&costs);
                let kth = kth.map(|k| (k.0, k.1));
                if !beyond(total.open, total.hours(true), kth) {
                    let how = (options.untagged, options.solver);
                    if let Ok(planned) = self.planned(p, held, completed, how, kth) {
                        out.push((p, self.with_readiness(p, held, planned, &options.gap)));
                    }
                }
            },
        );
        Ok(best
            .into_iter()
            .map(|(p, effort)| {
                let officer = (profile.id.clone(), profile.name.clone());
                self.fit(officer, p, held, effort)
            })
            .collect())
    }

    /// The `k` officers of a cohort who could be ready for `position` with the least
    /// training, ranked as [`Framework::career_paths`] ranks posts (ties by input order).
    ///
    /// Best-first search over the officers with the bounds of [`Framework::career_paths`],
    /// computed once per call for the post under the options' untagged-level rule. An
    /// officer's bound is a sum over their gaps (the closure-based bounds only for officers
    /// none of whose completed courses is a prerequisite, since completing one shortens
    /// closures). Officers are taken in bound order until the next bound ranks after the
    /// k-th result; each is bounded again on their own gaps and completed courses before
    /// being planned, and officers with the same gaps and completed courses share one plan
    /// (officers of related posts often have identical gaps, and then tie). A gap set whose
    /// plan a proven bound put after the k-th is remembered (the first 1,024 of them) with
    /// that bound: a later set with the same completed courses containing it needs at
    /// least as many hours and unclosable gaps, and one lacking some of its closable gaps
    /// at least its bound less the cheapest closure of each gap lacking (a plan for the
    /// later set plus those closures covers the earlier one), so a set either rule puts
    /// after the k-th is not planned; the first rule is asked before the set is bounded
    /// again, since it needs no bound. Before the search, the greedy cover of the first
    /// group in bound order gives a guess at its plan; when that guess ranks after the
    /// bound of the group holding the k-th officer in bound order (the bounds then order
    /// the first groups poorly), the greedy covers of the first 3k groups give guesses,
    /// and of up to 10k while those estimated hold fewer than 10k officers and the next
    /// group's bound ranks no later than the guess for the k-th officer so far; the groups
    /// guessed best (k officers' worth) are planned first, so that a k-th result close to
    /// the final one rules out more groups from the start. The result
    /// equals planning every officer and sorting, whatever the order.
    ///
    /// # Errors
    /// [`Error::FrameworkMismatch`] alone when the cohort was built from another framework;
    /// otherwise every [`Error::UnknownId`] at once: an unknown position's, then an
    /// unknown department's, each with its nearest known id.
    ///
    /// # Complexity
    /// Time O(b + n·(r + h) + t·(log n + b) + d·P) for the post's bounds (b as in
    /// [`Framework::career_paths`], over the post's r requirements), n officers' bounds (h
    /// held competencies each) and their heap, t officers taken, each bounded again, and d
    /// distinct gap sets planned at cost P each (a plan as [`Framework::recommend`] makes
    /// it), each first compared with at most 1,024 remembered sets of ⌈r/64⌉
    /// words and their gaps' closures; plus at most 10k greedy covers (k results asked
    /// for), each about the cost of building a plan's instance. Memory O(n + c + V) for c
    /// competencies and V courses, plus one remembered outcome per distinct gap set taken and r hours per
    /// remembered set; plans go through the per-thread memo of [`Framework::career_paths`].
    pub fn successors(
        &self,
        cohort: &Cohort,
        position: &str,
        options: &CareerOptions,
    ) -> Result<Vec<CareerFit>, crate::Errors> {
        self.check_stamp(cohort.stamp)?;
        let department = options.department.as_ref();
        let p = self.position_and_department(position, department, Some(cohort))?;
        let department = match &options.department {
            None => None,
            Some(d) => match cohort.departments.binary_search(d) {
                Ok(i) => Some(i as u32),
                Err(_) => return Ok(Vec::new()),
            },
        };
        if options.k == 0 {
            return Ok(Vec::new());
        }
        let officers: Vec<u32> = (0..cohort.len() as u32)
            .filter(|&i| !(options.exclude_current && cohort.position_of(i) == p))
            .filter(|&i| department.is_none_or(|d| cohort.department_of(i) == d))
            .collect();
        let reqs = self.position_reqs(p);
        let sums = self.level_sums[p as usize];
        let weights = options.gap.get_weights().exact();
        let all: Vec<(u32, u8)> = reqs.iter().map(|r| (r.competency, r.level)).collect();
        let mut scratch = Scratch::new(self);
        let mut post: Vec<GapCost> = Vec::new();
        gap_costs(self, &all, &[], options.untagged, &mut scratch, &mut post);
        let groups = Groups::new(cohort, &officers, reqs);
        let (mut held, mut gaps, mut costs) = (Vec::new(), Vec::new(), Vec::new());
        let group_ids: Vec<u32> = (0..groups.len() as u32).collect();
        // Groups whose (unclosable gaps, least hours) a proof put after the k-th of the
        // moment. The k-th only improves, so they stay after it, and so do the groups whose
        // plans their proofs bound (see `Refuted`): those are not planned.
        let mut refuted = Refuted::new(reqs.len());
        let best = best_first(
            &group_ids,
            options.k,
            |g| {
                let mut total = Total::default();
                groups.each_short(g, |j| total.add(&post[j]));
                let full = full_closures(self, groups.completed(cohort, g));
                (total.open, total.hours(full))
            },
            self.seeding(cohort, p, &groups, (options.k, options.untagged)),
            |g, kth, out| {
                let completed = groups.completed(cohort, g);
                let same = |b| groups.completed(cohort, b) == completed;
                // Before any bound is computed: a set containing a refuted one needs none.
                if refuted.contained_in(&groups, g, same) {
                    return;
                }
                gaps.clear();
                groups.each_short(g, |j| gaps.push(all[j]));
                gap_costs(
                    self,
                    &gaps,
                    completed,
                    options.untagged,
                    &mut scratch,
                    &mut costs,
                );
                let total = Total::of(&costs);
                let cut = kth.map(|k| (k.0, k.1));
                if beyond(total.open, total.hours(true), cut) {
                    refuted.push(&groups, g, total.hours(true), &costs);
                    return;
                }
                let kth_hours = cut.filter(|k| k.0 == total.open).map(|k| k.1);
                if refuted.rule_out(&groups, g, same, kth_hours, &costs) {
                    return;
                }
                held.clear();
                held.extend(cohort.held_of(groups.first(g)).iter().map(unpack));
                let how = (options.untagged, options.solver);
                // Refuted by more unclosable gaps, or by a proven bound on the hours, kept:
                // it may lie well above the k-th's hours, and then rules out more.
                let planned = self.planned(p, &held, completed, how, cut);
                let hours = total.hours(true);
                let planned = planned.map_err(|b| refuted.push(&groups, g, hours.max(b), &costs));
                let Ok(planned) = planned else { return };
                if cut.is_some_and(|k| (planned.open, planned.hours) > k) {
                    return;
                }
                // Members share the plan; readiness and input order rank them.
                for &i in groups.members(g) {
                    let effort = Effort {
                        open: planned.open,
                        hours: planned.hours,
                        courses: planned.courses,
                        readiness: weights.ratio(met_levels(reqs, cohort.held_of(i)), sums),
                    };
                    if kth.is_none_or(|k| better(key(&(i, effort)), k).is_lt()) {
                        out.push((i, effort));
                    }
                }
            },
        );
        Ok(best
            .into_iter()
            .map(|(i, effort)| {
                held.clear();
                held.extend(cohort.held_of(i).iter().map(unpack));
                let officer = (OfficerId::new(cohort.id_str(i)), cohort.name_owned(i));
                self.fit(officer, p, &held, effort)
            })
            .collect())
    }

    /// The least-hours plan of `solver` for an officer holding `held` in post `p`:
    /// unclosable gaps, hours (summed in learning order, as [`Plan::total_hours`] is) and
    /// courses. `Err(hours)` when the plan would rank after `kth` (unclosable gaps, hours)
    /// by more gaps (`hours` is then 0), or by hours a proven bound puts above `kth`'s
    /// ([`cover::bounded_cover_within`], [`cover::exact_cover_within`]): `hours` is then
    /// that bound, remembered or just found, a lower bound on the least hours that may lie
    /// well above `kth`'s.
    fn planned(
        &self,
        p: u32,
        held: &[(u32, u8)],
        completed: &[u32],
        (untagged, solver): (UntaggedLevel, Solver),
        kth: Option<(u32, f64)>,
    ) -> Result<Planned, f64> {
        let gaps = self.gaps_at(p, held);
        let (courses, open) = self.candidates(&gaps, completed, untagged);
        let cutoff = match kth {
            Some((o, _)) if open.len() as u32 > o => return Err(0.0),
            Some((o, h)) if open.len() as u32 == o => h,
            _ => f64::INFINITY,
        };
        let closable = closable(&gaps, &open);
        let key = memo::key(&closable, &courses, untagged, solver);
        let open = open.len() as u32;
        match memo::recall(self.stamp, &key) {
            Some(Memo::Planned { hours, courses }) => {
                return Ok(Planned {
                    open,
                    hours,
                    courses,
                });
            }
            Some(Memo::Refuted(bound)) if clearly_above(bound, cutoff) => return Err(bound),
            _ => {}
        }
        let inst = self.unit_instance(&courses, &closable, completed, untagged);
        let solution = match solver {
            Solver::Greedy => cover::bounded_cover_within(&inst, cutoff),
            Solver::Exact { node_limit } => cover::exact_cover_within(&inst, node_limit, cutoff),
        };
        let solution = solution.inspect_err(|&bound| {
            memo::remember(self.stamp, &key, Memo::Refuted(bound));
        })?;
        let mut chosen: Vec<u32> = solution
            .chosen
            .iter()
            .map(|&l| courses[l as usize])
            .collect();
        self.learning_order_by(&mut chosen, |&c| c);
        let planned = Planned {
            open,
            hours: exact_sum(chosen.iter().map(|&c| self.course_hours[c as usize])),
            courses: chosen.len() as u32,
        };
        let memo = Memo::Planned {
            hours: planned.hours,
            courses: planned.courses,
        };
        memo::remember(self.stamp, &key, memo);
        Ok(planned)
    }

    fn with_readiness(
        &self,
        p: u32,
        held: &[(u32, u8)],
        planned: Planned,
        gap: &GapOptions,
    ) -> Effort {
        let met = crate::analysis::gap::tally(self.position_reqs(p), held).met_levels;
        Effort {
            open: planned.open,
            hours: planned.hours,
            courses: planned.courses,
            readiness: gap
                .get_weights()
                .exact()
                .ratio(met, self.level_sums[p as usize]),
        }
    }

    fn fit(
        &self,
        (officer, officer_name): (OfficerId, Option<String>),
        p: u32,
        held: &[(u32, u8)],
        effort: Effort,
    ) -> CareerFit {
        let Tally { short_count, .. } = crate::analysis::gap::tally(self.position_reqs(p), held);
        CareerFit {
            officer,
            officer_name,
            position: self.position_id(p).clone(),
            position_name: self.position_name(p).to_owned(),
            readiness: effort.readiness.value(),
            gaps: short_count,
            open: effort.open,
            hours: effort.hours,
            courses: effort.courses,
        }
    }
}
