//! Department plans: every officer's budgeted cover problem (`cover`), coupled by the
//! department's hour budget and the courses' seats.
//!
//! The layer, bottom up:
//! - `subproblem`: one officer's problem ([`Subproblem`]) and what scans read of it;
//! - `plan`: the department ([`Department`]), a plan ([`Plan`]: one `Stepper` per
//!   officer and the shared capacities left) and [`settle`](Department::settle), which
//!   makes a plan minimal and maximal;
//! - `greedy`: the lazy greedy over all officers that `settle` fills a plan with, its
//!   `heap`, `refresh`, which finds an officer's best steps again after they took one, and
//!   `opening`, an officer's best steps from their own problem and state alone;
//! - `improve`: best responses, each officer's plan re-solved by the budgeted solver of
//!   `cover` within the hours and seats the others leave;
//! - `bound`: a proven upper bound on the most value, by Lagrangian relaxation of the
//!   budget, the seats and the gap–course links;
//! - `envelope`: a second proven bound, each officer's value against their hours as a
//!   concave curve, the budget shared among the curves by a fractional knapsack;
//! - `exact`: branch and bound over enrolments on that bound, with an explicit stack.
//!
//! Plans are compared lexicographically: more value, then fewer person-hours.

mod bound;
mod envelope;
mod exact;
mod greedy;
mod heap;
mod improve;
mod lazy;
#[cfg(test)]
mod lazy_tests;
mod opening;
#[cfg(test)]
mod opening_tests;
mod plan;
mod refresh;
mod subproblem;

pub(crate) use bound::prices;
pub(crate) use envelope::{envelope, market};
pub(crate) use exact::exact;
pub(crate) use greedy::FirstSteps;
pub(crate) use improve::{exchange, improve};
pub(crate) use opening::{Opening, opening};
pub(crate) use plan::{
    Department, Plan, Subproblem, best_single_if_better, better, richest, value_floor, whole_values,
};
