//! Best responses: each officer's enrolment re-solved as a budgeted cover problem within the
//! hours and seats the other officers leave, kept when lexicographically better.
//!
//! The department greedy picks by value per hour, which is weak against a knapsack-like
//! limit: under an officer cap a small course with the best ratio can leave no room for the
//! course worth most. The budgeted solver of `cover` (partial enumeration of first picks,
//! fill, exchanges, and a short branch and bound) handles exactly that limit, so each
//! officer in turn gets its plan for the room `min(cap, own hours + budget left)` with only
//! the courses that still have a seat (or that the officer already holds). A replacement is
//! feasible by construction and never worse for the department: the others' enrolments are
//! untouched and the officer's value does not fall.

use super::plan::{Department, Plan, better};
use crate::model::order;
use crate::planning::cover::exact_budget;

/// Search nodes for one officer's budgeted problem.
const NODES: u64 = 200;

/// Passes over all officers while some replacement improves the plan.
const PASSES: usize = 3;

/// Runs best responses, officers in order, for at most [`PASSES`] passes and until `work`
/// (counted in candidates of the problems solved times the nodes of their search, so the
/// result does not depend on the machine) runs out; returns whether anything changed.
pub(crate) fn improve(dept: &Department<'_>, plan: &mut Plan, work: &mut u64) -> bool {
    let mut changed = false;
    for _ in 0..PASSES {
        let mut improved = false;
        for (o, p) in dept.officers.iter().enumerate() {
            let stepper = &plan.steppers[o];
            let (value, hours) = (stepper.value(&p.inst), stepper.hours());
            let total: f64 = p.inst.values.iter().filter(|&&v| v > 0.0).sum();
            if value >= total - dept.value_tol(total) {
                continue;
            }
            // A search of NODES nodes visits about its candidates once per node.
            let size = (p.inst.len() as u64 + 1) * NODES;
            if *work < size {
                return changed;
            }
            *work -= size;
            let room = dept.cap.min(hours + plan.budget_left);
            let seats = &plan.seats_left;
            let (sub, map) = p
                .inst
                .restricted(|c| stepper.is_chosen(c) || seats[p.courses[c as usize] as usize] > 0);
            let solution = exact_budget(&sub, room, NODES);
            let chosen: Vec<u32> = solution.chosen.iter().map(|&c| map[c as usize]).collect();
            let candidate = crate::planning::cover::Stepper::with_chosen(&p.inst, &chosen);
            if better(
                dept,
                (candidate.value(&p.inst), candidate.hours()),
                (value, hours),
            ) {
                dept.replace(plan, o, &chosen);
                improved = true;
                changed = true;
            }
        }
        if !improved {
            break;
        }
    }
    changed
}

/// Department sizes one exchange trial costs: a copy of the plan, a refill of every
/// officer's best step and a settle, each a pass or more over the department (measured on
/// the `acbp` example).
const TRIAL_COST: u64 = 25;

/// Rounds of exchanges over all officers while one improves the plan.
const ROUNDS: usize = 3;

/// Exchanges across officers: take one course out of one officer's enrolment (with the
/// prerequisites only it needed), refill the whole department greedily without giving that
/// course back to that officer, settle, and keep the result when it is lexicographically
/// better. This moves seats and hours between officers, which best responses alone cannot:
/// an officer holding the last seat of a course gives it up for another course, and the
/// seat or the hours go to whoever gains most. Each trial is charged the size of the
/// department to `work`; returns whether anything changed.
pub(crate) fn exchange(dept: &Department<'_>, plan: &mut Plan, work: &mut u64) -> bool {
    let size = (dept
        .officers
        .iter()
        .map(|p| p.inst.len() as u64 + p.inst.values.len() as u64)
        .sum::<u64>()
        + dept.seat_limit.len() as u64
        + 1)
        * TRIAL_COST;
    let mut changed = false;
    for _ in 0..ROUNDS {
        let mut improved = false;
        for (o, p) in dept.officers.iter().enumerate() {
            let mut chosen = plan.steppers[o].chosen();
            order::sort_by(&mut chosen, |&a, &b| {
                p.inst.hours(b).total_cmp(&p.inst.hours(a)).then(a.cmp(&b))
            });
            for &out in &chosen {
                let stepper = &plan.steppers[o];
                if !stepper.is_chosen(out)
                    || p.inst.dependants(out).iter().any(|&d| stepper.is_chosen(d))
                {
                    continue;
                }
                if *work < size {
                    return changed;
                }
                *work -= size;
                let (value, hours) = (dept.value(plan), Department::hours(plan));
                let mut trial = plan.clone();
                let keep: Vec<u32> = stepper.chosen().into_iter().filter(|&c| c != out).collect();
                dept.replace(&mut trial, o, &keep);
                dept.drop_redundant(&mut trial);
                dept.select_without(&mut trial, Some((o, out)));
                dept.settle(&mut trial);
                if better(
                    dept,
                    (dept.value(&trial), Department::hours(&trial)),
                    (value, hours),
                ) {
                    *plan = trial;
                    improved = true;
                    changed = true;
                }
            }
        }
        if !improved {
            break;
        }
    }
    changed
}
