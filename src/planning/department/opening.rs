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
