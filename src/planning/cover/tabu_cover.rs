//! The tabu search for a cheaper cover: the budgeted search of [`tabu_budget`] run on a
//! copy of the instance that counts elements closed within one unit less of cost.

use crate::model::order;

use super::greedy::{Scratch, fill};
use super::instance::{EPS, Instance};
use super::state::{State, chosen_by_cost, remove_redundant};
use super::tabu::{Aim, tabu_budget};

/// Looks for a cheaper cover than `state` (which closes every coverable element) with the
/// tabu search of [`tabu_budget`]: on a copy of the instance where each candidate's hours
/// are its selection cost and each element is worth one, the most elements closable
/// within the cover's cost less one unit, from the cover without its picks that close the
/// least alone, in up to [`ATTEMPTS`] searches of different seeds. When one closes every
/// coverable element, it is a cheaper cover: it
/// replaces `state` (redundant picks dropped) and the search repeats, at most [`ROUNDS`]
/// times, and never once a cover one unit cheaper would cost less than `lower`, a proven
/// lower bound on every cover's cost (no such cover exists, so the search could not find
/// one).
///
/// Returns whether the cover improved, and whether the search is settled: whether it
/// stopped before its last round could run out, so that run again on the cover it leaves,
/// with a `lower` no smaller, it finds nothing (its first round is the one that found
/// nothing, or the bound stops it sooner). A caller that meets that cover again can skip
/// the search.
///
/// # Complexity
/// O(n + z + q) to copy the instance, then [`tabu_budget`]'s per round.
pub(crate) fn tabu_cover(inst: &Instance, state: &mut State, lower: f64) -> (bool, bool) {
    if below_bound(inst, state.cost, lower) {
        return (false, true);
    }
    let mut unit = inst.clone();
    unit.hours.clone_from(&unit.cost);
    let coverable = (0..inst.values.len() as u32)
        .filter(|&e| inst.coverable(e))
        .count() as f64;
    for (e, v) in unit.values.iter_mut().enumerate() {
        *v = if inst.coverable(e as u32) { 1.0 } else { 0.0 };
    }
    unit.set_values_derived();
    let mut us = Scratch::new(&unit);
    let mut any = false;
    for _ in 0..ROUNDS {
        // Each early return below is settled: run again from `state`, this round ends
        // the same way.
        let budget = state.cost - inst.step(state.cost);
        let mut start = State::new(&unit);
        start.load(&unit, &state.chosen_list());
        // Take out the picks that close least alone until the cost fits.
        let mut order: Vec<(usize, u32)> = start
            .chosen_list()
            .into_iter()
            .map(|c| {
                let alone = unit
                    .covers(c)
                    .iter()
                    .filter(|&&e| start.cover_count[e as usize] == 1)
                    .count();
                (alone, c)
            })
            .collect();
        order::sort_unstable(&mut order);
        for (_, c) in order {
            if start.hours() <= budget + EPS {
                break;
            }
            if !start.required_by_chosen(&unit, c) {
                start.set(&unit, c, false);
            }
        }
        if start.hours() > budget + EPS {
            return (any, true);
        }
        fill(&unit, &mut start, budget, None, &mut us);
        start.journal.clear();
        let unit_better =
            |v: f64, c: f64, bv: f64, bc: f64| v > bv + EPS || (v >= bv - EPS && c < bc - EPS);
        // Each attempt walks from the same start along another sequence of ties.
        let closes_all = (0..ATTEMPTS).any(|seed| {
            let mut tried = start.clone();
            // No target: past the first cover, the walk goes on to cheaper ones within
            // the budget (stopping at the first lost `overlapping-111` of `bench_plans`
            // 10 hours, 4.17% above the optimum).
            let aim = Aim::new(&unit, budget, f64::INFINITY);
            tabu_budget(&unit, &mut tried, aim, &mut us, seed, false, unit_better);
            let all = tried.value(&unit) >= coverable - EPS;
            if all {
                start = tried;
            }
            all
        });
        if !closes_all {
            return (any, true);
        }
        let mut cheaper = State::new(inst);
        cheaper.load(inst, &start.chosen_list());
        let order = chosen_by_cost(inst, &cheaper);
        remove_redundant(inst, &mut cheaper, &order, false);
        cheaper.journal.clear();
        if cheaper.cost >= state.cost - inst.step(state.cost) / 2.0 {
            return (any, true);
        }
        *state = cheaper;
        any = true;
        if below_bound(inst, state.cost, lower) {
            return (any, true);
        }
    }
    (any, false)
}

/// Whether a cover one unit cheaper than `cost` would cost less than the proven lower
/// bound `lower`.
fn below_bound(inst: &Instance, cost: f64, lower: f64) -> bool {
    cost - inst.step(cost) < lower - inst.step(cost) / 2.0
}

/// Rounds of [`tabu_cover`], each saving at least one unit of cost.
const ROUNDS: usize = 4;

/// Searches per round of [`tabu_cover`], each from its own seed, until one finds a cover.
const ATTEMPTS: u64 = 2;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_round_runs_once_the_cover_meets_its_lower_bound() {
        // Two 10-hour courses closing one gap each, or one 15-hour course closing both:
        // from the pair (20 h) the search finds the single course, unless the lower bound
        // says no cover costs less than 20 h (a false bound, used here only to show that
        // the search then does not run).
        let mut inst = Instance::with_capacity(vec![1.0, 1.0], 3, 4);
        inst.push(10.0, 10.0, &[0], &[]);
        inst.push(10.0, 10.0, &[1], &[]);
        inst.push(15.0, 15.0, &[0, 1], &[]);
        inst.finish();
        let run = |lower: f64| {
            let mut state = State::new(&inst);
            state.load(&inst, &[0, 1]);
            state.journal.clear();
            let (improved, _) = tabu_cover(&inst, &mut state, lower);
            (improved, state.chosen_list())
        };
        assert_eq!(run(0.0), (true, vec![2]));
        assert_eq!(run(20.0), (false, vec![0, 1]));
    }
}
