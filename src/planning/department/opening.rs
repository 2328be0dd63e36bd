//! An officer's best steps read from their problem and enrolment state alone
//! ([`steps_of`]), and their steps in the empty plan ([`opening`]), which need nothing of
//! the other officers: found as each problem is built, while it is still in the cache,
//! rather than in a pass of their own over every officer's problem read cold.

use super::refresh::{RUNNERS, Runner};
use super::subproblem::Subproblem;
use crate::planning::cover::{EPS, StepChoice, Stepper};

/// An officer's [`RUNNERS`] best steps in the empty plan (see [`opening`]).
#[derive(Clone, Copy, PartialEq)]
pub(crate) struct Opening(pub(super) [Option<Runner>; RUNNERS]);

/// The [`RUNNERS`] best steps, best first, of the officer of problem `p` in enrolment
/// state `stepper`, within `hours_left` and among the candidates `allowed`, each with the
/// one course it adds when it adds its candidate alone: the scan
/// `Department::best_few` makes once it has found the officer's room. O(r) for the r
/// leaders read (see `Stepper::leading_steps`), or a scan of every candidate.
#[inline]
pub(super) fn steps_of(
    p: &Subproblem,
    stepper: &Stepper,
    hours_left: f64,
    allowed: impl Fn(u32) -> bool + Copy,
) -> [Option<Runner>; RUNNERS] {
    // The candidates with the highest bounds first, until none left can rank among the
    // steps kept: the steps of a scan of every candidate.
    let steps: [Option<StepChoice>; RUNNERS] = match &p.leaders {
        Some(leaders) => {
            let steps = stepper.leading_steps(&p.inst, leaders, hours_left, allowed);
            debug_assert!(
                steps == stepper.best_steps(&p.inst, hours_left, p.scan, allowed),
                "the leaders' steps are the scan's"
            );
            steps
        }
        None => stepper.best_steps(&p.inst, hours_left, p.scan, allowed),
    };
    steps.map(|step| step.map(|step| Runner::of(p, stepper, step)))
}

/// The best steps of the officer of problem `p` in the empty plan of a department with
/// `seat_limit` seats per course, `cap` hours per officer and `budget` person-hours (both
/// infinite when not set), `stepper` their empty enrolment state: what
/// `Department::first_steps` finds for them on the plan `Department::empty` makes, where
/// their room is their cap within the budget and a candidate is allowed when its course
/// has a seat. O(r) as [`steps_of`], O(1) when not even their shortest candidate fits.
pub(crate) fn opening(
    p: &Subproblem,
    stepper: &Stepper,
    seat_limit: &[u32],
    cap: f64,
    budget: f64,
) -> Opening {
    let hours_left = (cap - stepper.hours()).min(budget);
    if p.min_hours > hours_left + EPS {
        return Opening([None; RUNNERS]);
    }
    let allowed = |c: u32| seat_limit[p.courses[c as usize] as usize] > 0;
    Opening(steps_of(p, stepper, hours_left, allowed))
}

#[cfg(test)]
mod tests {
    use super::opening;
    use crate::model::test_rng::below;
    use crate::planning::cover::{Instance, Stepper};
    use crate::planning::department::greedy::FirstSteps;
    use crate::planning::department::plan::{Department, Subproblem};

    /// A random officer's problem: `n` candidates of 12 courses, each closing up to three
    /// of `m` gaps worth 0 to 5, in half-hours to 5 hours, one in three requiring earlier
    /// candidates (some of them with more than [`super::RUNNERS`] leaders and more than
    /// the 17 leaders kept in order).
    fn problem(rng: &mut impl FnMut(u64) -> u64, n: u32, m: u32) -> Subproblem {
        let values = (0..m).map(|_| rng(6) as f64).collect();
        let mut inst = Instance::with_capacity(values, n as usize, 0);
        for j in 0..n {
            let mut covers: Vec<u32> = (0..rng(4)).map(|_| rng(u64::from(m)) as u32).collect();
            covers.sort_unstable();
            covers.dedup();
            let mut pre: Vec<u32> = if j > 0 && rng(3) == 0 {
                (0..=rng(2)).map(|_| rng(u64::from(j)) as u32).collect()
            } else {
                Vec::new()
            };
            pre.sort_unstable();
            pre.dedup();
            let hours = [0.5, 1.0, 2.0, 3.0, 5.0][rng(5) as usize];
            inst.push(hours, hours, &covers, &pre);
        }
        inst.finish();
        let courses = (0..n).map(|_| rng(12) as u32).collect();
        Subproblem::new(inst, courses)
    }

    /// Each officer's opening, found from their problem alone with a fresh stepper, is
    /// what `Department::first_steps` finds on the empty plan, under caps, budgets and
    /// seat limits (courses without a seat among them) that leave some officers no step,
    /// and for officers sharing a problem as for officers with one each.
    #[test]
    fn openings_are_the_first_steps_of_the_empty_plan() {
        let mut rng = below(0x9e37_79b9_7f4a_7c15);
        for _ in 0..300 {
            let problems: Vec<Subproblem> = (0..1 + rng(4))
                .map(|_| {
                    let (n, m) = (1 + rng(40) as u32, 1 + rng(12) as u32);
                    problem(&mut rng, n, m)
                })
                .collect();
            let seats: Vec<u32> = (0..12)
                .map(|_| [0, 1, 3, u32::MAX][rng(4) as usize])
                .collect();
            let cap = [1.0, 4.0, 9.0, f64::INFINITY][rng(4) as usize];
            let budget = [0.5, 3.0, 20.0, f64::INFINITY][rng(4) as usize];
            // Officers in problem order first, then some sharing a problem.
            let mut problem_of: Vec<u32> = (0..problems.len() as u32).collect();
            problem_of.extend((0..rng(4)).map(|_| rng(problems.len() as u64) as u32));
            let officers: Vec<&Subproblem> =
                problem_of.iter().map(|&k| &problems[k as usize]).collect();
            let mut dept = Department::for_tests(&officers, &seats, cap);
            dept.budget = budget;
            let openings = problems
                .iter()
                .map(|p| opening(p, &Stepper::new(&p.inst), &seats, cap, budget))
                .collect();
            let found = FirstSteps::of_openings(openings, &problem_of);
            assert!(
                found.same_as(&dept.first_steps(&dept.empty(), None)),
                "officers {problem_of:?}, seats {seats:?}, cap {cap}, budget {budget}"
            );
        }
    }
}
