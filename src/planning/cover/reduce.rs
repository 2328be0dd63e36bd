//! The reductions before a least-cost cover is searched: forced picks and dominated
//! candidates first, then each independent part solved apart (one open element directly,
//! a few by [`tiny_cover`]'s table, the rest by the part solver the caller passes, the
//! search of `exact.rs`).

use super::instance::{Instance, Within, beyond};
use super::part_memo::PartMemo;
use super::split;
use super::state::{State, most_expensive_first, remove_redundant};
use super::tiny::tiny_cover;
use crate::model::order;

/// Rounds of forced picks and dominance before the instance is split into parts.
const REDUCTION_ROUNDS: usize = 16;

/// Solves one part: `(part, node limit, cutoff)` → its plan and bound, or `Err` with its
/// proven bound once that exceeds the cutoff (`exact.rs`'s `solve_part`, searching or
/// not).
pub(super) type SolvePart<'a> = &'a dyn Fn(&Instance, u64, f64) -> Within;

/// The reductions, then each part by `solve_part`, from a partial plan: the candidates
/// `state` holds are taken and the `excluded` ones set aside (closed under dependants: nothing free requires one), and
/// the plan and bound are those of the instance restricted so. `whole` says nothing is
/// taken or set aside yet, so that an instance the reductions leave whole is solved as it
/// is; otherwise every part is built apart, so a caller at the root of a part (the search's
/// reduced-cost fixing) gets strictly smaller parts back. `Err(bound)` once the cost of the
/// forced picks and the bounds of the parts solved so far, `bound`, exceed `cutoff` (the
/// parts left cost at least nothing). With `memo`, each part (but those of one element) is
/// read back from it when met before, and remembered there once solved (`searched` says
/// whether `solve_part` searches, part of the key): the same plan.
#[allow(clippy::too_many_arguments)] // the reductions' inputs, each read once
pub(super) fn reduce_from(
    inst: &Instance,
    mut state: State,
    mut excluded: Vec<bool>,
    limit: u64,
    cutoff: f64,
    whole: bool,
    solve_part: SolvePart,
    memo: Option<(&PartMemo, bool)>,
) -> Within {
    let mut buffer = Vec::new();
    // The forced picks below log each candidate they choose, and a candidate is chosen
    // once: room for all at once instead of a doubling series.
    state.journal.reserve(inst.len());
    let mut reduced = false;
    // Candidates the dominance test must look at (again): all at first, then those what
    // was chosen or set aside since may have made dominated.
    let mut dirty = vec![true; inst.len()];
    for _ in 0..REDUCTION_ROUNDS {
        let before = state.journal.len();
        choose_only_closers(inst, &mut state, &excluded, &mut buffer);
        for &(c, _) in &state.journal[before..] {
            split::dirty_after_choosing(inst, c, &mut dirty);
        }
        let open = |e: u32| state.cover_count[e as usize] == 0;
        let marked = split::exclude_dominated(inst, &state.chosen, &mut excluded, &mut dirty, open);
        if marked == 0 && state.journal.len() == before {
            break;
        }
        reduced = true;
    }
    let open = |e: u32| state.cover_count[e as usize] == 0;
    let mut single = Vec::new();
    let parts = split::parts(inst, &state.chosen, &excluded, open, &mut single);
    if whole && !reduced && parts.len() == 1 && single.is_empty() {
        return match memo {
            Some((memo, searched)) => {
                memo.solve(inst, (limit, searched, false, cutoff), solve_part)
            }
            None => solve_part(inst, limit, cutoff),
        };
    }
    // Parts of one element: the cheapest closure of one of its closers, proven. The parts
    // share no free candidate, so what one takes leaves the others' chains as they were.
    let lower = if inst.has_prerequisites() && single.iter().any(|&e| inst.closers(e).len() > 1) {
        split::heaviest_chains(inst, &state.chosen)
    } else {
        Vec::new()
    };
    for &e in &single {
        if let Some(j) = split::cheapest_closer(inst, &state, &excluded, e, &lower) {
            state.choose(inst, j, &mut buffer);
        }
    }
    let mut chosen = state.chosen_list();
    let mut bound = state.cost;
    if beyond(bound, cutoff) {
        return Err(bound);
    }
    let mut proven = true;
    let mut nodes = 0;
    let mut left = limit;
    let count = parts.len() as u64;
    // A part small enough for the exact table is solved by it, any other by `solve_part`.
    let solve_one = |part: &Instance, share, cutoff| match tiny_cover(part) {
        Some(solution) => Ok(solution),
        None => solve_part(part, share, cutoff),
    };
    for (i, mut part) in parts.into_iter().enumerate() {
        let share = left / (count - i as u64);
        // The parts come unfinished: one read back from the memo is never finished.
        let solution = if let Some((memo, searched)) = memo {
            let how = (share, searched, true, cutoff - bound);
            memo.solve_unfinished(&mut part.inst, how, solve_one)
        } else {
            part.inst.finish();
            solve_one(&part.inst, share, cutoff - bound)
        }
        .map_err(|b| bound + b)?;
        left -= solution.nodes.min(share);
        nodes += solution.nodes;
        proven &= solution.proven;
        bound += solution.bound;
        if beyond(bound, cutoff) {
            return Err(bound);
        }
        chosen.extend(solution.chosen.iter().map(|&j| part.candidates[j as usize]));
    }
    order::sort_unstable(&mut chosen);
    let mut state = State::new(inst);
    state.load(inst, &chosen);
    // The pass below drops only redundant candidates, and only a drop makes another one
    // redundant: when none is, it would change nothing, and its sort is saved (the parts'
    // plans are minimal, so that is the common case).
    if chosen.iter().any(|&c| state.redundant(inst, c, false)) {
        // The state holds exactly the listed candidates (loading chooses nothing else),
        // so their order by cost is `chosen_by_cost`'s without reading the state back.
        most_expensive_first(inst, &mut chosen);
        remove_redundant(inst, &mut state, &chosen, false);
    } else if cfg!(debug_assertions) {
        // Debug builds make the pass on a copy all the same, and check it drops nothing.
        let mut check = state.clone();
        most_expensive_first(inst, &mut chosen);
        remove_redundant(inst, &mut check, &chosen, false);
        debug_assert!(
            check.chosen == state.chosen,
            "the skipped pass drops a pick"
        );
    }
    let mut solution = state.solution(inst, inst.round_up(bound), proven, nodes);
    solution.bound = solution.bound.min(solution.cost);
    Ok(solution)
}

/// Chooses, for each element still open, its one closer neither chosen nor set aside,
/// when it has exactly one: every cover that avoids what is set aside takes it.
pub(super) fn choose_only_closers(
    inst: &Instance,
    state: &mut State,
    excluded: &[bool],
    buffer: &mut Vec<u32>,
) {
    for e in 0..inst.values.len() as u32 {
        if state.cover_count[e as usize] > 0 {
            continue;
        }
        let mut free = inst
            .closers(e)
            .iter()
            .filter(|&&j| !state.chosen[j as usize] && !excluded[j as usize]);
        if let (Some(&j), None) = (free.next(), free.next()) {
            state.choose(inst, j, buffer);
        }
    }
}
