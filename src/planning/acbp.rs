//! Annual Capacity Building Plans: a department's course portfolio and enrolments.
//!
//! This file runs the plan: officers grouped by identical problem, the greedy, best
//! responses and exchanges of `department`, then the certificate. `options` holds what the
//! caller chooses, `problem` builds each officer's instance, `certify` proves a bound and
//! searches within a budget of work, and `assemble` writes the [`DepartmentPlan`].

mod assemble;
mod certify;
mod options;
mod plan;
mod problem;

pub use options::AcbpOptions;
pub use plan::{CompetencyOutcome, CourseRun, DepartmentPlan, Enrolment, OpenCounts};

use std::collections::HashMap;

use self::certify::{IMPROVE_WORK, Sizes, alone_bounds, certify};
use self::problem::{Problem, Resolved};
use crate::analysis::parallel::{drop_in_parts, join, map_items, map_ranges};
use crate::model::order;
use crate::planning::cover::Stepper;
use crate::planning::department::{
    Department, FirstSteps, Opening, Subproblem, best_single_if_better, exchange, improve, opening,
    richest, value_floor, whole_values,
};
use crate::{Cohort, Errors, Framework};

impl Framework {
    /// Plans a department's year of training: which courses to run, how many seats each,
    /// which officers attend what, and the gaps closed and left open (with the reason).
    ///
    /// The objective is the weighted shortfall closed: each officer's gap against their
    /// position is worth `shortfall × type weight × competency weight × position weight`,
    /// and it is closed when the officer attends a course reaching the required level (with
    /// its prerequisites, unless completed). A gap worth 0 is not wanted, with or without a
    /// budget: no course is chosen for it; it counts as closed when a course chosen for
    /// another gap closes it, else it is open with
    /// [`OpenReason::NotPrioritised`](crate::OpenReason::NotPrioritised) (the same rule as
    /// [`Framework::recommend`]). Constraints: the department's hour budget, each officer's
    /// yearly cap, and per-course seat limits.
    ///
    /// Plans are compared lexicographically: more weighted shortfall closed, then, among
    /// equal values, fewer person-hours (hours within 10⁻⁹ of the larger, 10⁻⁹ h under one
    /// hour, count as equal: [`Optimality::Optimal`](crate::Optimality::Optimal)). Every plan returned is *minimal* (no officer
    /// attends a course that closes none of their gaps of positive value that no other of
    /// their courses closes and that none of their courses requires: a gap worth 0 keeps no
    /// course) and *maximal* (no
    /// course, with its pending prerequisites, that would close more for an officer fits
    /// their cap, the budget left and a free seat of everything it adds), and every open
    /// gap's reason holds for the plan returned: [`OpenReason::Budget`] only when some
    /// course closing it fits the officer's cap and has seats but not the budget left,
    /// [`OpenReason::OfficerCap`] only when some course closing it has seats but none fits
    /// the cap, [`OpenReason::Seats`] only when every course closing it (or a prerequisite
    /// it adds) is full.
    ///
    /// # Algorithm and guarantee
    /// First, each officer's candidate courses are found (as in [`Framework::recommend`]),
    /// in parallel with [`AcbpOptions::threads`]; officers with the same position,
    /// assessed levels and completed courses share one problem, built once. Then a
    /// lazy-evaluation greedy keeps every officer's best next enrolment (most value per
    /// hour, prerequisites included) in one heap; since an officer's best ratio only falls
    /// as seats, budget and their own gaps run out, a popped entry that is still the best
    /// after re-evaluation is taken. Picks that became redundant are then dropped and the
    /// freed hours and seats refilled, and the plan is compared with the single most
    /// valuable enrolment and the better kept. With a budget and no seat limits, officer
    /// caps or shared prerequisites this is the classic budgeted-coverage greedy: at least
    /// `(1 − 1/e)/2 ≈ 0.316` of the optimal value (Khuller, Moss and Naor, 1999). Best
    /// responses (each officer's enrolment re-solved within the hours and seats the others
    /// leave) and exchanges across officers (one course taken out, the department refilled)
    /// follow, within a fixed amount of work, each kept only when lexicographically better.
    ///
    /// Every plan carries a proven upper bound, [`DepartmentPlan::bound`]: a Lagrangian
    /// relaxation of the budget, the seats and the gap–course links, each officer's part
    /// of it at most the officer's own bound within their cap (the density bound, or the
    /// budgeted search's proven bound, for as many distinct officer problems as about 10⁷
    /// candidate visits allow, charged for the nodes each search takes). Where neither the
    /// budget nor a seat limit is priced, the bound is the sum of the officers' own
    /// bounds, and an officer whose plan within the cap the search proves counts at its
    /// value. Last, a branch and bound over `(officer, course)`
    /// decisions searches from the plan: with [`Solver::Exact`] for `node_limit` nodes;
    /// by default ([`Solver::Greedy`]) for 4·10⁶ nodes over the department's size (its
    /// officers' candidate courses and gaps summed), so at most about 4·10⁶ candidate
    /// visits in all. A department of size 16 or less (two officers, each with four
    /// candidate courses and four gaps) gets more nodes than its search can take and is
    /// always proven optimal; a larger one is proven where its search ends within those
    /// nodes (of 400 random departments of 1–12 officers and 4–17 courses with seats, caps
    /// and a budget, 345, where 2,000 nodes at most proved 282: BENCHMARKS.md), and otherwise
    /// labelled [`Optimality::Bounded`] with its proven gap; department-sized ones (a size
    /// of 4·10⁶ or more) get no search. The search starts from the heuristics' plan and
    /// keeps the best it meets, so the plan is never worse than the heuristics' (a plan for
    /// a larger budget may still close less where neither is proven).
    /// `Solver::Exact { node_limit: 0 }` is the heuristics alone. A finished
    /// search proves the plan optimal under the lexicographic objective
    /// ([`Optimality::Optimal`]); otherwise the plan is at most [`Optimality::Bounded`]'s
    /// `gap` below the optimum. Seat limits and caps are always respected; for them no
    /// constant factor is claimed, and the tests compare against brute-force optima.
    /// Values are compared exactly when every gap's value is a whole number (whole
    /// weights) and they sum below 2⁵³, so a gap worth 1 beside gaps weighted
    /// [`Weights::MAX`](crate::Weights::MAX) is never given up; otherwise within 10⁻⁹ of
    /// the plan's value (rounding).
    ///
    /// # Errors
    /// [`Error::FrameworkMismatch`](crate::Error::FrameworkMismatch) for a cohort from another framework; otherwise every
    /// [`Error::UnknownId`](crate::Error::UnknownId) at once: the department, when neither the framework nor the
    /// cohort has it, and each seat limit, competency weight and position weight naming
    /// an unknown id, in that order (options in id order), each with the nearest known
    /// id when one is close.
    ///
    /// # Complexity
    /// With n officers, d distinct officer problems (position, assessed levels, completed
    /// courses), g gaps per problem, o courses per competency and m candidates per problem
    /// (the courses closing a gap with their prerequisite closures):
    /// - time O(d·(g·o + m log m) + n log n) to build the problems (each problem's
    ///   candidates sorted by an upper bound on the value per hour of their steps); the
    ///   greedy O(s·(c + q) + s log n) for s enrolment steps, where each step looks at the
    ///   c candidates closing a gap still open and walks the closures q of those of them
    ///   that do (a walk reads the prerequisite links of the courses in the closure,
    ///   less those another prerequisite of the same course directly requires: where
    ///   course i requires every course before it, i links, not i²/2; read in the order
    ///   of those bounds, and no further than the first bound
    ///   below the best steps kept; on a long or
    ///   deep instance, a pass over the candidates gives the steps that follow from a
    ///   prerequisite's instead of walks, and after a step only the candidates below it
    ///   that may rank among the best are valued: on a chain of n courses each closing a
    ///   gap, O(n) per officer in all; an officer of at least 256 candidates none of
    ///   which has prerequisites, whose kept best steps run out, finds them again from a
    ///   lazy heap of upper bounds, O((1 + r) log m) for r bounds found stale, instead
    ///   of a scan of all m: on a post of n gaps closed two at a time by 2n courses, each
    ///   select is O(n log n) per officer rather than O(n²)); the best
    ///   responses, exchanges, relaxation and search each stop after a fixed amount of work
    ///   (at most a few 10⁷ candidate visits, counted, not timed, so the plan does not
    ///   depend on the machine), plus O(n·m) per pass to look at the plan;
    /// - memory O(d·(g + m) + n·m): each distinct problem once (with 4 bytes per
    ///   candidate for the order of its bounds), and per officer their
    ///   enrolment state (a few bytes per candidate) and the courses they are enrolled in.
    ///   A prerequisite chain is stored once per distinct problem, not once per officer:
    ///   200 officers on a 5,000-course chain, each enrolled in all of it, take about 19
    ///   bytes of heap per further officer and enrolled course
    ///   (`tests/department_memory.rs`).
    ///
    /// [`OpenReason::Budget`]: crate::OpenReason::Budget
    /// [`OpenReason::OfficerCap`]: crate::OpenReason::OfficerCap
    /// [`OpenReason::Seats`]: crate::OpenReason::Seats
    /// [`Solver::Exact`]: crate::Solver::Exact
    /// [`Solver::Greedy`]: crate::Solver::Greedy
    /// [`Solver::DEFAULT_NODES`]: crate::Solver::DEFAULT_NODES
    /// [`Optimality::Optimal`]: crate::Optimality::Optimal
    /// [`Optimality::Bounded`]: crate::Optimality::Bounded
    pub fn department_plan<'f>(
        &'f self,
        cohort: &Cohort,
        options: &AcbpOptions,
    ) -> Result<DepartmentPlan<'f>, Errors> {
        self.check_stamp(cohort.stamp)?;
        let department = self.check_department(options.department.as_ref(), Some(cohort));
        let resolved = self.resolve(options, department.err().into_iter().collect())?;
        let department = match &options.department {
            None => None,
            Some(d) => match cohort.departments.binary_search(d) {
                Ok(i) => Some(i as u32),
                Err(_) => Some(u32::MAX),
            },
        };
        // In officer-id order, so every tie between officers goes to the smaller id and the
        // plan does not depend on the order officers were listed in.
        let mut officers: Vec<u32> = (0..cohort.len() as u32)
            .filter(|&i| department.is_none_or(|d| cohort.department_of(i) == d))
            .collect();
        order::sort_by(&mut officers, |&a, &b| {
            cohort.id_str(a).cmp(cohort.id_str(b)).then(a.cmp(&b))
        });
        // Officers with the same post, assessed levels and completed courses have the same
        // problem: it is built once and shared, so a long prerequisite chain is held once
        // per distinct problem, not once per officer.
        let mut distinct: Vec<u32> = Vec::new();
        let mut problem_of: Vec<u32> = Vec::with_capacity(officers.len());
        let mut seen: HashMap<(u32, &[u8], &[u32]), u32> = HashMap::new();
        for &o in &officers {
            let key = (
                cohort.position_of(o),
                cohort.held_of(o).packed(),
                cohort.completed_of(o),
            );
            let next = distinct.len() as u32;
            let k = *seen.entry(key).or_insert_with(|| {
                distinct.push(o);
                next
            });
            problem_of.push(k);
        }
        drop(seen);
        // Each thread's problems stay in its own vector: gathered into one, moving every
        // problem, they held the calling thread for about 1% of a plan of 100,000 officers.
        // With each problem its empty enrolment state and its best steps in the empty plan
        // (what the greedy starts from), found while the problem is in the cache: in a pass
        // of their own, every problem was read again cold.
        let (chunks, starts) = self.problems(cohort, &distinct, &resolved, options);
        let built: Vec<&(Problem<'f>, Subproblem)> = chunks.iter().flatten().collect();
        let subs: Vec<&Subproblem> = problem_of.iter().map(|&k| &built[k as usize].1).collect();
        // `whole` and `value_floor` are found below, beside the greedy, which reads
        // neither (best responses, exchanges and the certificate do).
        let greedy = Department {
            officers: &subs,
            seat_limit: &resolved.seat_limit,
            budget: options.budget.unwrap_or(f64::INFINITY),
            cap: resolved.cap,
            threads: options.threads,
            whole: false,
            value_floor: 0.0,
        };
        let (steppers, openings) = officer_starts(starts, &problem_of, &subs, options.threads);
        let mut plan = greedy.empty_with(steppers);
        // Every officer's first steps, found with the problems; then the greedy's serial
        // loop holds the calling thread while the second finds what does not depend on the
        // plan: the officers' bounds alone, and the passes over every value that the rest
        // of the plan reads.
        let start = FirstSteps::of_openings(openings, &problem_of);
        debug_assert!(
            start.same_as(&greedy.first_steps(&plan, None)),
            "the steps found with the problems are the first steps of the empty plan"
        );
        let (side, alone) = join(
            options.threads,
            || {
                let ((), side) = join(
                    options.threads,
                    || greedy.settle_from(&mut plan, start),
                    || Side::of(&subs),
                );
                let dept = side.department(&greedy);
                if best_single_if_better(&dept, &mut plan, side.richest) {
                    dept.settle(&mut plan);
                }
                let mut work = IMPROVE_WORK;
                if improve(&dept, &mut plan, &mut work) {
                    dept.settle(&mut plan);
                }
                if exchange(&dept, &mut plan, &mut work) && improve(&dept, &mut plan, &mut work) {
                    dept.settle(&mut plan);
                }
                side
            },
            || alone_bounds(&greedy),
        );
        let dept = side.department(&greedy);
        let certificate = certify(&dept, &mut plan, options.solver, &alone, &side.sizes);
        let problems: Vec<(u32, &Problem<'f>)> = officers
            .iter()
            .zip(&problem_of)
            .map(|(&o, &k)| (o, &built[k as usize].0))
            .collect();
        let planned = self.assemble_plan(cohort, &problems, &dept, &plan, &certificate);
        // Every officer's problem and enrolment state, freed on the plan's threads: on one
        // they held it for about 4% of a plan of 100,000 officers.
        drop(problems);
        drop(built);
        drop_in_parts(chunks, options.threads);
        drop_in_parts(plan.steppers, options.threads);
        Ok(planned)
    }
}

/// Each thread's problems, in its own vector, and with each problem its empty stepper and
/// its best steps in the empty plan (see `Framework::problems`).
type Built<'f> = (
    Vec<Vec<(Problem<'f>, Subproblem)>>,
    Vec<Vec<(Stepper, Opening)>>,
);

impl Framework {
    /// The problems of the `distinct` officers (one for each distinct problem), built on
    /// the plan's threads, each with its empty stepper and its best steps in the empty
    /// plan (`department::opening`), found while the problem is in the cache.
    fn problems<'f>(
        &'f self,
        cohort: &Cohort,
        distinct: &[u32],
        resolved: &Resolved,
        options: &AcbpOptions,
    ) -> Built<'f> {
        let budget = options.budget.unwrap_or(f64::INFINITY);
        map_ranges(distinct.len(), options.threads, |range| {
            let mut built = Vec::with_capacity(range.len());
            let mut starts = Vec::with_capacity(range.len());
            for k in range {
                let (problem, sub) = self.problem(cohort, distinct[k], resolved, options);
                let stepper = Stepper::new(&sub.inst);
                let first = opening(&sub, &stepper, &resolved.seat_limit, resolved.cap, budget);
                built.push((problem, sub));
                starts.push((stepper, first));
            }
            (built, starts)
        })
        .into_iter()
        .unzip()
    }
}

/// Each officer's empty enrolment state and the first steps of their problem, in officer
/// order, from `starts`, those made with each distinct problem (in problem order, per
/// thread's range): the first officer of a problem takes the state made with it, and each
/// officer sharing it gets one of their own, made on the plan's threads. O(n) for n
/// officers, and a state for each officer after the first of a problem.
fn officer_starts(
    starts: Vec<Vec<(Stepper, Opening)>>,
    problem_of: &[u32],
    subs: &[&Subproblem],
    threads: usize,
) -> (Vec<Stepper>, Vec<Opening>) {
    // Problems are numbered in the order their first officer comes.
    let mut firsts = 0;
    let sharing: Vec<usize> = (0..problem_of.len())
        .filter(|&o| {
            let first = problem_of[o] as usize == firsts;
            firsts += usize::from(first);
            !first
        })
        .collect();
    let mut shared = map_items(sharing.len(), threads, |i| {
        Stepper::new(&subs[sharing[i]].inst)
    })
    .into_iter();
    let (made, openings): (Vec<Stepper>, Vec<Opening>) = starts.into_iter().flatten().unzip();
    debug_assert_eq!(made.len(), firsts, "a state made with each problem");
    let mut made = made.into_iter();
    let mut next = sharing.iter().peekable();
    let steppers: Vec<Stepper> = (0..problem_of.len())
        .filter_map(|o| {
            if next.next_if(|&&s| s == o).is_some() {
                shared.next()
            } else {
                made.next()
            }
        })
        .collect();
    debug_assert_eq!(steppers.len(), problem_of.len(), "one state per officer");
    (steppers, openings)
}

/// What the plan reads of every officer's values that does not depend on the plan: passes
/// over all of them, made beside the greedy's serial loop rather than before or after it.
struct Side {
    /// [`whole_values`] of the officers.
    whole: bool,
    /// [`value_floor`] of the officers.
    value_floor: f64,
    /// [`richest`] of the officers.
    richest: f64,
    /// What the certificate reads of them.
    sizes: Sizes,
}

impl Side {
    /// The passes over `officers`' values. O(n + values) for n officers.
    fn of(officers: &[&Subproblem]) -> Side {
        Side {
            whole: whole_values(officers),
            value_floor: value_floor(officers),
            richest: richest(officers),
            sizes: Sizes::of(officers),
        }
    }

    /// `greedy`, the department as the greedy reads it, with its `whole` and
    /// `value_floor` found.
    fn department<'a>(&self, greedy: &Department<'a>) -> Department<'a> {
        Department {
            whole: self.whole,
            value_floor: self.value_floor,
            ..*greedy
        }
    }
}
