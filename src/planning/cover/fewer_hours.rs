//! A budgeted plan's closed elements covered again by the least-cost solver: the same
//! value in fewer hours where the budgeted search left hours to spare.
//!
//! The budgeted searches compare plans by value first and cost second, but a search that
//! stops at its node limit proves only the value: on a catalogue of many four-hour
//! courses, a budget of 10⁹ hours closed the same 19 levels in 28 hours that the
//! least-hours plan closes in 24 (`tests/data/cases/planning/17-budget-that-does-not-bind.json`).
//! Covering exactly the elements the plan closes is a least-cost cover, which the cover
//! solvers, with their own bounds and exchanges, do better than the budgeted search's
//! second objective; any such cover closes at least the same value, so one of fewer hours
//! that fits the budget is a better plan in the lexicographic order.

use super::budget::better;
use super::greedy::{Scratch, fill};
use super::instance::{EPS, Instance, Solution};
use super::state::State;

/// What [`fewer_hours`] returns: the plan, and whether its cost is proven the least of any
/// plan of its value.
pub(crate) struct Recovered {
    pub(crate) solution: Solution,
    /// The plan closes every element worth something and its cost is the proven least of
    /// any cover of them: no plan of equal value costs less. With the value at its bound,
    /// the plan is then the lexicographic optimum.
    pub(crate) least_cost: bool,
}

/// `solution` (a budgeted plan of `inst` within `budget` hours) or, when `cover` (a
/// least-cost solver) covers the elements worth something it closes at a lower cost within
/// the budget, that cover, filled again with any candidate that now fits and adds value and
/// cleaned of redundant picks. The plan returned is never worse in the lexicographic order
/// (more value, then less cost), keeps `solution`'s bound (a bound on the value, which the
/// new plan does not change), and counts `cover`'s nodes too. A plan already proven
/// optimal, or empty, is returned as it is, without a call to `cover`.
///
/// # Complexity
/// `cover`'s on the instance of `inst`'s candidates and the plan's closed elements, plus
/// O(n + z + q) to build it and to fill the plan (a fill adds only what fits the hours the
/// cover saved).
pub(crate) fn fewer_hours(
    inst: &Instance,
    budget: f64,
    solution: Solution,
    cover: impl FnOnce(&Instance) -> Solution,
) -> Recovered {
    if solution.proven || solution.chosen.is_empty() {
        return Recovered {
            solution,
            least_cost: false,
        };
    }
    let mut state = State::new(inst);
    state.load(inst, &solution.chosen);
    let value = state.value(inst);
    let closed: Vec<bool> = state
        .cover_count
        .iter()
        .zip(&inst.values)
        .map(|(&n, &v)| n > 0 && v > 0.0)
        .collect();
    let every = (0..inst.values.len() as u32)
        .all(|e| closed[e as usize] || inst.values[e as usize] <= 0.0 || !inst.coverable(e));
    let sub = inst.keeping_elements(|e| closed[e as usize]);
    let least = cover(&sub);
    let nodes = solution.nodes + least.nodes;
    let mut other = State::new(inst);
    other.load(inst, &least.chosen);
    let mut kept = solution;
    kept.nodes = nodes;
    // Proven least for these elements, and the plan at that least: with every element worth
    // something closed, every plan of equal value covers these.
    let at_least = |cost: f64| least.proven && inst.reaches(least.bound, cost);
    if other.hours() > budget + EPS {
        let least_cost = every && at_least(kept.cost);
        return Recovered {
            solution: kept,
            least_cost,
        };
    }
    let mut s = Scratch::new(inst);
    let covered = other.chosen_count();
    fill(inst, &mut other, budget, None, &mut s);
    let filled = other.chosen_count() != covered;
    if !better(inst, other.value(inst), other.cost, value, kept.cost) {
        let least_cost = every && at_least(kept.cost);
        return Recovered {
            solution: kept,
            least_cost,
        };
    }
    let least_cost = every && !filled && at_least(other.cost);
    Recovered {
        solution: other.solution(inst, kept.bound.max(other.value(inst)), false, nodes),
        least_cost,
    }
}
