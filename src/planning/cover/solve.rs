//! Least-cost cover with a proven lower bound, as callers use it: the reductions of
//! `reduce.rs`, each part then solved by `exact.rs`'s heuristics, bound and search.

use super::exact::refute_part;
use super::exact::rows::solve_part;
use super::instance::{Instance, Solution, Within};
use super::part_memo::PartMemo;
use super::reduce::{SolvePart, reduce_from};
use super::state::State;

/// The least-cost cover the heuristics find, with a proven lower bound: the reductions
/// ([`reduce_and_solve`]), then per part the greedy, repairs of the Lagrangian
/// relaxation's selections (take what the relaxation takes, complete greedily, drop
/// redundant picks, exchange), then the bound at the root: subgradient steps, the
/// relaxation with prerequisite rows and, on large parts, the bound with kept rows
/// (`blocks.rs`), whose blocks' covers are repaired into a plan too; the bounds read the
/// part without the closings its prerequisites already make (`implied.rs`).
///
/// # Complexity
/// The greedy's, plus O(s · (n + z + q)) for s subgradient and primal–dual steps over n
/// candidates, z (candidate, element) pairs and q prerequisite pairs, a few greedy
/// completions, and at most n blocks of at most 48 candidates, each searched within a
/// constant number of nodes.
pub(crate) fn bounded_cover(inst: &Instance) -> Solution {
    bounded_cover_within(inst, f64::INFINITY).unwrap_or_else(|_| unreachable_cutoff(inst))
}

/// [`bounded_cover`]'s plan, or `Err` with a proven lower bound on the least cost as soon
/// as one exceeds `cutoff`: no cover then costs `cutoff` or less, and the rest of the work
/// (the other parts, the repairs, the local search) is skipped. A caller ranking plans
/// against the k-th best so far passes that one's cost; the plans it keeps are those
/// [`bounded_cover`] makes.
///
/// # Complexity
/// At most [`bounded_cover`]'s.
pub(crate) fn bounded_cover_within(inst: &Instance, cutoff: f64) -> Within {
    reduce_and_solve(inst, 0, false, cutoff)
}

/// [`bounded_cover`]'s plan, each part the reductions leave that `memo` holds read back
/// from it instead of solved, and each part solved remembered there: the same plan.
///
/// # Complexity
/// At most [`bounded_cover`]'s, plus O(n + z + q) for the parts' keys.
pub(crate) fn bounded_cover_remembering(inst: &Instance, memo: &PartMemo) -> Solution {
    let solve = |part: &Instance, limit, cutoff| solve_part(part, limit, false, cutoff);
    reduce_whole(inst, 0, f64::INFINITY, &solve, Some((memo, false)))
        .unwrap_or_else(|_| unreachable_cutoff(inst))
}

/// [`exact_cover`]'s plan, its parts read back from `memo` or remembered there as
/// [`bounded_cover_remembering`]'s: the same plan.
///
/// # Complexity
/// At most [`exact_cover`]'s, plus O(n + z + q) for the parts' keys.
pub(crate) fn exact_cover_remembering(
    inst: &Instance,
    node_limit: u64,
    memo: &PartMemo,
) -> Solution {
    let solve = |part: &Instance, limit, cutoff| solve_part(part, limit, true, cutoff);
    reduce_whole(inst, node_limit, f64::INFINITY, &solve, Some((memo, true)))
        .unwrap_or_else(|_| unreachable_cutoff(inst))
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
/// Lagrangian bound and the bound with kept rows (`fixing.rs`) against targets between
/// the bound and the incumbent, lowest first (each either proves the optimum or raises the
/// bound to the target), and when any is fixed what is left goes through these reductions
/// again, part by part, instead of the search below. The bound at every node of the search is the Lagrangian one (warm-started from the
/// previous node), candidates whose reduced cost rules them out are fixed out, and the
/// branching element is an open one with the fewest candidates left, children trying each
/// candidate (with the earlier ones excluded), smallest reduced cost first. Nodes are
/// taken best bound first, each followed by a dive into its first children until one is
/// pruned, so plans are found early and the proven bound (the least among the nodes left)
/// rises with the search. In a part restricted by a target's fixing only covers below the
/// target matter, so there a node is also pruned once its bound reaches the target, and
/// the part's bound is at most the target. When the limit stops the search, that bound is
/// reported, so the gap stays proven. A part the bounds leave unproven with the rows shared prerequisites
/// imply is solved again without them (`exact.rs`'s `solve_part`), within the same limit.
/// A large part whose root ends far from its bound gets the local search's tabu search at
/// the root; it runs after the search, and only when the search does not prove the root's
/// cover optimal, and when it finds a cheaper cover the search is made again from there
/// (`exact/deferred.rs`), so the plan is the one of the tabu search at the root and a
/// part's search may be made twice.
pub(crate) fn exact_cover(inst: &Instance, node_limit: u64) -> Solution {
    exact_cover_within(inst, node_limit, f64::INFINITY).unwrap_or_else(|_| unreachable_cutoff(inst))
}

/// [`exact_cover`]'s plan, or `Err` with a proven lower bound on the least cost as soon as
/// one exceeds `cutoff` (as [`bounded_cover_within`]): the plans it keeps are those
/// [`exact_cover`] makes with the same node limit, since the cutoff only stops the work,
/// before a part's search or during it, once a part's proven bound passes it. The bound
/// is the one that passed the cutoff (the forced picks and the parts' bounds summed so
/// far), often well above it, so a caller can keep it to rule the instance out against
/// later, lower cutoffs.
///
/// A finite cutoff is first tried alone ([`refuted`]): a caller ranking many plans
/// against the k-th best discards most of them, and proving that no cover costs `cutoff`
/// or less needs neither the local search nor the rising targets that [`exact_cover`]'s
/// plan comes from.
///
/// # Complexity
/// At most twice [`exact_cover`]'s.
pub(crate) fn exact_cover_within(inst: &Instance, node_limit: u64, cutoff: f64) -> Within {
    if cutoff.is_finite()
        && let Some(bound) = refuted(inst, node_limit, cutoff)
    {
        return Err(bound);
    }
    reduce_and_solve(inst, node_limit, true, cutoff)
}

/// A proven lower bound on the least cost exceeding `cutoff`, found by the reductions and
/// each part searched as a part restricted by reduced-cost fixing is ([`refute_part`]: no
/// local search, the fixing's first target the cutoff's), within `node_limit` nodes.
/// `None` says only that this search did not find one.
fn refuted(inst: &Instance, node_limit: u64, cutoff: f64) -> Option<f64> {
    reduce_whole(inst, node_limit, cutoff, &refute_part, None).err()
}

/// Takes the candidates some open element cannot do without and sets aside dominated ones
/// ([`split::exclude_dominated`]), repeatedly, then splits what is left into independent
/// parts ([`split::parts`]), each solved apart (searched when `search`, the node limit
/// shared out in order, smallest part first, what one leaves going to the next); a part
/// of one open element takes the cheapest closure of one of its closers, its optimum
/// ([`split::cheapest_closer`]), and a part small enough for it the exact table of
/// [`tiny_cover`]. The plan is the union, its bound the cost of the forced
/// picks and the one-element parts plus the other parts' bounds. `Err` with that sum once
/// it, or a part's bound added to it, exceeds `cutoff`.
fn reduce_and_solve(inst: &Instance, limit: u64, search: bool, cutoff: f64) -> Within {
    let solve = |part: &Instance, limit, cutoff| solve_part(part, limit, search, cutoff);
    reduce_whole(inst, limit, cutoff, &solve, None)
}

/// [`reduce_from`] on the whole instance, nothing taken or set aside yet, each part solved
/// by `solve` or read back from `memo`.
fn reduce_whole(
    inst: &Instance,
    limit: u64,
    cutoff: f64,
    solve: SolvePart,
    memo: Option<(&PartMemo, bool)>,
) -> Within {
    reduce_from(
        inst,
        State::new(inst),
        vec![false; inst.len()],
        limit,
        cutoff,
        true,
        solve,
        memo,
    )
}
