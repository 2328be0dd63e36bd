//! Department plans: every officer's budgeted cover problem (`cover`), coupled by the
//! department's hour budget and the courses' seats.
//!
//! The layer, bottom up:
//! - `plan`: the department ([`Department`]), a plan ([`Plan`]: one `Stepper` per
//!   officer and the shared capacities left), and dropping redundant picks;
//! - `carry`: what one round of the greedy records of each officer's best step for the
//!   next round of the same settle;
//! - `greedy`: the lazy greedy over all officers, and [`settle`](Department::settle),
//!   which fills a plan with it and makes it minimal and maximal;
//! - `improve`: best responses, each officer's plan re-solved by the budgeted solver of
//!   `cover` within the hours and seats the others leave;
//! - `bound`: a proven upper bound on the most value, by Lagrangian relaxation of the
//!   budget, the seats and the gap–course links;
//! - `exact`: branch and bound over enrolments on that bound, with an explicit stack.
//!
//! Plans are compared lexicographically: more value, then fewer person-hours.

mod bound;
mod carry;
#[cfg(test)]
mod carry_tests;
mod exact;
mod greedy;
mod improve;
mod plan;

pub(crate) use bound::prices;
pub(crate) use exact::exact;
pub(crate) use improve::{exchange, improve};
pub(crate) use plan::{Department, Plan, Subproblem, best_single_if_better};
