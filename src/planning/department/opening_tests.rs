//! Tests of `opening.rs`: each officer's steps found from their problem alone, as the
//! problem is built, are the first steps `Department::first_steps` finds on the empty plan.

use super::greedy::FirstSteps;
use super::opening::opening;
use super::plan::{Department, Subproblem};
use crate::model::test_rng::below;
use crate::planning::cover::{Instance, Stepper};

/// A random officer's problem: `n` candidates of 12 courses, each closing up to three
/// of `m` gaps worth 0 to 5, in half-hours to 5 hours, one in three requiring earlier
/// candidates (some of them with more leaders than the 8 steps kept and more than
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
        let problems: Vec<Subproblem> = (0..=rng(4))
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
