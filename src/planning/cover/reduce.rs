//! Least-cost cover with a proven lower bound, as callers use it: forced picks and
//! dominated candidates first, then each independent part solved apart (one open element
//! directly, a few by [`tiny_cover`]'s table, the rest by [`super::exact`]'s search).

use super::exact::{beyond, solve_part};
use super::instance::{Instance, Solution};
use super::split;
use super::state::{State, chosen_by_cost, remove_redundant};
use super::tiny::tiny_cover;
use crate::model::order;

/// Rounds of forced picks and dominance before the instance is split into parts.
const REDUCTION_ROUNDS: usize = 16;

/// The least-cost cover the heuristics find, with a proven lower bound: the reductions
/// ([`reduce_and_solve`]), then per part the greedy, repairs of the Lagrangian
/// relaxation's selections (take what the relaxation takes, complete greedily, drop
/// redundant picks, exchange), then the bound at the root: subgradient steps, the
/// relaxation with prerequisite rows and, on large parts, the bound with kept rows
/// (`blocks.rs`), whose blocks' covers are repaired into a plan too.
///
/// # Complexity
/// The greedy's, plus O(s · (n + z + q)) for s subgradient and primal–dual steps over n
/// candidates, z (candidate, element) pairs and q prerequisite pairs, a few greedy
/// completions, and at most n blocks of at most 48 candidates, each searched within a
/// constant number of nodes.
pub(crate) fn bounded_cover(inst: &Instance) -> Solution {
    bounded_cover_within(inst, f64::INFINITY).unwrap_or_else(|| unreachable_cutoff(inst))
}

/// [`bounded_cover`]'s plan, or `None` as soon as a proven lower bound on the least cost
/// exceeds `cutoff`: no cover then costs `cutoff` or less, and the rest of the work (the
/// other parts, the repairs, the local search) is skipped. A caller ranking plans against
/// the k-th best so far passes that one's cost; the plans it keeps are those
/// [`bounded_cover`] makes.
///
/// # Complexity
/// At most [`bounded_cover`]'s.
pub(crate) fn bounded_cover_within(inst: &Instance, cutoff: f64) -> Option<Solution> {
    reduce_and_solve(inst, 0, false, cutoff)
}

/// The answer when an infinite cutoff is exceeded, which no finite bound does: the empty
/// plan, unproven with a zero bound (a true, if useless, certificate).
fn unreachable_cutoff(inst: &Instance) -> Solution {
    State::new(inst).solution(inst, 0.0, false, 0)
}

/// Exact least-cost cover by branch and bound within `node_limit` search nodes in all,
/// after the reductions of [`reduce_and_solve`] and per part from the heuristics of
/// [`bounded_cover`]. At the root of a part the incumbent is not proven, candidates every
/// cheaper cover must hold or avoid are fixed by their reduced costs against the
/// Lagrangian bound and the bound with kept rows (`fixing.rs`), and when any is fixed
/// what is left goes through these reductions again, part by part, instead of the search
/// below. The bound at every node of the search is the Lagrangian one (warm-started from the
/// previous node), candidates whose reduced cost rules them out are fixed out, and the
/// branching element is an open one with the fewest candidates left, children trying each
/// candidate (with the earlier ones excluded), smallest reduced cost first. Nodes are
/// taken best bound first, each followed by a dive into its first children until one is
/// pruned, so plans are found early and the proven bound (the least among the nodes left)
/// rises with the search. When the limit stops the search, that bound is reported, so the
/// gap stays proven.
pub(crate) fn exact_cover(inst: &Instance, node_limit: u64) -> Solution {
    exact_cover_within(inst, node_limit, f64::INFINITY).unwrap_or_else(|| unreachable_cutoff(inst))
}

/// [`exact_cover`]'s plan, or `None` as soon as a proven lower bound on the least cost
/// exceeds `cutoff` (as [`bounded_cover_within`]): the plans it keeps are those
/// [`exact_cover`] makes with the same node limit, since the cutoff only stops the work
/// before a part's search.
///
/// # Complexity
/// At most [`exact_cover`]'s.
pub(crate) fn exact_cover_within(
    inst: &Instance,
    node_limit: u64,
    cutoff: f64,
) -> Option<Solution> {
    reduce_and_solve(inst, node_limit, true, cutoff)
}

/// Takes the candidates some open element cannot do without and sets aside dominated ones
/// ([`split::exclude_dominated`]), repeatedly, then splits what is left into independent
/// parts ([`split::parts`]), each solved apart (searched when `search`, the node limit
/// shared out in order, smallest part first, what one leaves going to the next); a part
/// of one open element takes the cheapest closure of one of its closers, its optimum
/// ([`split::cheapest_closer`]), and a part small enough for it the exact table of
/// [`tiny_cover`]. The plan is the union, its bound the cost of the forced
/// picks and the one-element parts plus the other parts' bounds. `None` once that sum, or
/// a part's bound added to it, exceeds `cutoff`.
fn reduce_and_solve(inst: &Instance, limit: u64, search: bool, cutoff: f64) -> Option<Solution> {
    let state = State::new(inst);
    let excluded = vec![false; inst.len()];
    reduce_from(inst, state, excluded, limit, search, cutoff, true)
}

/// [`reduce_and_solve`] from a partial plan: the candidates `state` holds are taken and
/// the `excluded` ones set aside (closed under dependants: nothing free requires one), and
/// the plan and bound are those of the instance restricted so. `whole` says nothing is
/// taken or set aside yet, so that an instance the reductions leave whole is solved as it
/// is; otherwise every part is built apart, so a caller at the root of a part (the search's
/// reduced-cost fixing) gets strictly smaller parts back.
pub(super) fn reduce_from(
    inst: &Instance,
    mut state: State,
    mut excluded: Vec<bool>,
    limit: u64,
    search: bool,
    cutoff: f64,
    whole: bool,
) -> Option<Solution> {
    let mut buffer = Vec::new();
    let mut reduced = false;
    for _ in 0..REDUCTION_ROUNDS {
        let before = state.journal.len();
        for e in 0..inst.values.len() as u32 {
            if state.cover_count[e as usize] > 0 {
                continue;
            }
            let mut free = inst
                .closers(e)
                .iter()
                .filter(|&&j| !state.chosen[j as usize] && !excluded[j as usize]);
            if let (Some(&j), None) = (free.next(), free.next()) {
                state.choose(inst, j, &mut buffer);
            }
        }
        let open = |e: u32| state.cover_count[e as usize] == 0;
        let marked = split::exclude_dominated(inst, &state.chosen, &mut excluded, open);
        if marked == 0 && state.journal.len() == before {
            break;
        }
        reduced = true;
    }
    let open = |e: u32| state.cover_count[e as usize] == 0;
    let mut single = Vec::new();
    let parts = split::parts(inst, &state.chosen, &excluded, open, &mut single);
    if whole && !reduced && parts.len() == 1 && single.is_empty() {
        return solve_part(inst, limit, search, cutoff);
    }
    // Parts of one element: the cheapest closure of one of its closers, proven.
    for &e in &single {
        if let Some(j) = split::cheapest_closer(inst, &state, &excluded, e) {
            state.choose(inst, j, &mut buffer);
        }
    }
    let mut chosen = state.chosen_list();
    let mut bound = state.cost;
    if beyond(bound, cutoff) {
        return None;
    }
    let mut proven = true;
    let mut nodes = 0;
    let mut left = limit;
    let count = parts.len() as u64;
    for (i, part) in parts.iter().enumerate() {
        let share = left / (count - i as u64);
        let solution = match tiny_cover(&part.inst) {
            Some(solution) => solution,
            None => solve_part(&part.inst, share, search, cutoff - bound)?,
        };
        left -= solution.nodes.min(share);
        nodes += solution.nodes;
        proven &= solution.proven;
        bound += solution.bound;
        if beyond(bound, cutoff) {
            return None;
        }
        chosen.extend(solution.chosen.iter().map(|&j| part.candidates[j as usize]));
    }
    order::sort_unstable(&mut chosen);
    let mut state = State::new(inst);
    state.load(inst, &chosen);
    let order = chosen_by_cost(inst, &state);
    remove_redundant(inst, &mut state, &order, false);
    let mut solution = state.solution(inst, inst.round_up(bound), proven, nodes);
    solution.bound = solution.bound.min(solution.cost);
    Some(solution)
}
