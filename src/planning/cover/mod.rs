//! Set cover with prerequisites: the engine behind course recommendation.
//!
//! An [`Instance`] has elements (gaps to close, each with a value) and candidates (courses,
//! each with a selection cost, real hours, the elements it closes and the candidates it
//! directly requires). Choosing a candidate chooses everything it requires, transitively;
//! closures are never stored, only walked, so memory stays linear in the instance and a
//! prerequisite chain of n courses costs O(n), not O(n²). Indices are local and ordered so
//! that a smaller index wins ties, which makes every solver deterministic.
//!
//! The layer, bottom up:
//! - `instance`: the problem ([`Instance`]) and a solver's answer, shared by every solver;
//! - `state`: a partial solution changed in place under an undo journal, and the walks
//!   over a candidate's unchosen prerequisites;
//! - `below`: the candidates requiring one, marked by one walk down;
//! - `keys`: bounds on every candidate's greedy key at once, prerequisites first;
//! - `greedy`: least-cost cover by lazy greedy, redundancy removal and exchanges, and the
//!   greedy fill of a budget that the budgeted solvers share;
//! - `related`: which picks of a cover could share a replacement, and the pairs and triples
//!   of them `trade` tries;
//! - `trade`: trades of two or three picks for fewer or cheaper ones, each repair searched
//!   exhaustively within a count of evaluations;
//! - `tabu`: tabu search over swaps for budgets, and for covers through a budget of one
//!   unit less than the cover's cost;
//! - `lagrange`: proven lower bounds on the least cost (Lagrangian relaxation of the cover
//!   rows, prerequisite rows handled by pushing reduced costs down the prerequisite DAG);
//! - `pdhg`: multipliers for those bounds from the linear relaxation with its prerequisite
//!   rows, by a preconditioned primal–dual method, when subgradient steps stall;
//! - `blocks`: a stronger bound from those multipliers with some cover rows and the
//!   prerequisite rows among their closers kept, solved exactly in small blocks;
//! - `fixing`: reduced-cost fixing against those bounds (candidates every cover cheaper
//!   than the incumbent holds, or avoids);
//! - `implied`: the closings a prerequisite already makes dropped (same plans, a tighter
//!   relaxation), the instance `exact`'s bounds, fixing and branching read;
//! - `cuts`: rows a prerequisite several closers of an element share implies (same
//!   plans, a tighter relaxation), added to that instance;
//! - `split`: reductions that keep the optimum (dominated candidates, independent parts);
//! - `tiny`: exact least-cost covers of parts of a few elements, by a table over their
//!   sets of elements;
//! - `reduce`: forced picks and those reductions, then each part solved apart (the
//!   callers' least-cost entry points);
//! - `part_memo`: parts solved before, read back by their instance when one caller plans
//!   many officers in a row;
//! - `exact`: per part the heuristics, then reduced-cost fixing at the root with what is
//!   left reduced and split again, or branch and bound on those bounds, best bound first
//!   with dives, the tree kept explicitly (no depth limit);
//! - `knapsack`: proven upper bounds on the most value within hours (Lagrangian relaxation
//!   of the element–candidate links, a fractional knapsack inside);
//! - `density`: the density bound on the most value within hours (a fractional knapsack
//!   over the open elements at their cheapest hours per element);
//! - `budget_lp`: proven upper bounds on the most value from the relaxation with its
//!   prerequisite rows, by the same primal–dual method;
//! - `budget_round`: a budgeted plan rounded from that relaxation's primal solution, a
//!   start for the local search when better than the greedy's;
//! - `budget`: the budgeted problem (most value within hours): greedy, fill, exchanges and
//!   branch and bound on those bounds;
//! - `fewer_hours`: a budgeted plan's closed elements covered again by a least-cost
//!   solver, taken when that costs less (the budgeted searches' second objective);
//! - `lp_search`: branch and bound on the linear relaxation re-solved at each node by a
//!   dual simplex, for the exact modes' plans the searches above leave unproven (the `lp`
//!   feature, native only), on the relaxations of `lp_relaxation` built for `microlp`;
//! - `stepper`: one instance's partial solution driven by an outer search (department plans).
//!
//! Nothing here allocates per step of a search beyond amortised buffers, and every limit is
//! counted in search nodes, never in time.

mod below;
mod blocks;
mod budget;
mod budget_lp;
mod budget_round;
mod chain_marginals;
mod chains;
mod cuts;
#[cfg(test)]
mod cuts_tests;
#[cfg(test)]
mod deferred_tests;
mod density;
mod exact;
mod fewer_hours;
#[cfg(test)]
mod first_tests;
mod fixing;
#[cfg(test)]
mod fixing_tests;
mod greedy;
mod implied;
#[cfg(test)]
mod implied_tests;
mod instance;
#[cfg(test)]
mod instance_tests;
mod keys;
#[cfg(test)]
mod keys_tests;
mod knapsack;
mod lagrange;
mod leaders;
#[cfg(all(feature = "lp", not(target_family = "wasm")))]
mod lp_relaxation;
#[cfg(all(feature = "lp", not(target_family = "wasm")))]
mod lp_search;
#[cfg(all(test, feature = "lp", not(target_family = "wasm")))]
mod lp_search_tests;
mod part_memo;
#[cfg(test)]
mod part_memo_tests;
mod pdhg;
mod queue;
mod reduce;
mod related;
#[cfg(test)]
mod restricted_tests;
mod solve;
mod split;
#[cfg(test)]
mod split_tests;
mod state;
mod stepper;
#[cfg(test)]
mod stepper_tests;
mod tabu;
mod tabu_cover;
#[cfg(test)]
mod tests;
mod tiny;
mod trade;

pub(crate) use budget::{exact_budget, greedy_budget};
pub(crate) use density::{DensityBuffers, empty_upper_bound};
pub(crate) use fewer_hours::{Recovered, fewer_hours};
pub(crate) use greedy::{plain_greedy_cover, preferred};
pub(crate) use instance::spare::Spare;
pub(crate) use instance::{
    EPS, EXACT_BELOW, Instance, Rows, Solution, common_unit_of, value_floor_of,
};
pub(crate) use leaders::Leaders;
#[cfg(all(feature = "lp", not(target_family = "wasm")))]
pub(crate) use lp_search::{prove_budget, prove_cover};
pub(crate) use part_memo::PartMemo;
pub(crate) use solve::{
    bounded_cover, bounded_cover_remembering, bounded_cover_within, exact_cover,
    exact_cover_remembering, exact_cover_within,
};
#[cfg(test)]
pub(crate) use state::WALKED;
pub(crate) use state::{Mark, value_of_chosen};
pub(crate) use stepper::{Known, Scan, StepChoice, Stepper, deep, sums_exact, whole};

/// Without the `lp` feature (or on wasm32) the plan as the combinatorial search left it.
#[cfg(not(all(feature = "lp", not(target_family = "wasm"))))]
pub(crate) fn prove_cover(
    _: &Instance,
    solution: instance::Solution,
    _: u64,
) -> instance::Solution {
    solution
}

/// Without the `lp` feature (or on wasm32) the plan as the combinatorial search left it.
#[cfg(not(all(feature = "lp", not(target_family = "wasm"))))]
pub(crate) fn prove_budget(
    _: &Instance,
    _: f64,
    solution: instance::Solution,
    _: u64,
) -> instance::Solution {
    solution
}
