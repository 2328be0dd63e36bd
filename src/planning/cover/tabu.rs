//! Tabu search over swaps for the budgeted problem.
//!
//! Exchanges that refill greedily stop at the first plan no single change improves; on
//! catalogues of equal-length, overlapping courses the best plan is often ten swaps away
//! from there. This search keeps moving: each step takes the best swap (one pick out, one
//! candidate in, within the budget) or addition, even when it loses value, and forbids
//! undoing it for a few steps, so it walks across plateaus and out of local optima; the
//! best plan seen is kept. Steps are counted, never timed, and ties go to the smaller
//! index, so the result is deterministic.
//!
//! Only candidates without prerequisites move in, and only picks without prerequisites
//! that no chosen candidate requires move out, so every plan visited stays closed under
//! prerequisites.

use crate::model::order;

use super::greedy::{Scratch, fill};
use super::instance::{EPS, Instance};
use super::state::{State, chosen_by_cost, remove_redundant};

/// Steps of one search, at most.
const STEPS: usize = 400;

/// Steps a swapped candidate stays out (or in) before it may move back.
const TENURE: usize = 7;

/// Candidate–element pairs one search may scan in all: about one step over 10,000 pairs
/// per [`STEPS`], so the search costs a few milliseconds at most.
const WORK: usize = 4_000_000;

/// Improves a maximal budgeted plan by tabu search over swaps and additions: at each
/// step, the move of the largest value change (then the fewest hours added, then the
/// smallest candidate index) among those not forbidden, a forbidden one only when it
/// reaches a value never seen. The best plan seen, filled greedily and cleaned of
/// redundant picks, replaces `state` when it is lexicographically better (more value,
/// then fewer hours); returns whether it did.
///
/// # Complexity
/// Per step O(z + k · m) for z (candidate, element) pairs, k movable picks and m movable
/// candidates; at most [`STEPS`] steps and [`WORK`] pairs scanned in all.
// One loop over steps whose state (owners, losses, bans) is shared by every part.
#[allow(clippy::too_many_lines)]
pub(crate) fn tabu_budget(
    inst: &Instance,
    state: &mut State,
    budget: f64,
    s: &mut Scratch,
    better: impl Fn(f64, f64, f64, f64) -> bool,
) -> bool {
    let n = inst.len();
    let movable: Vec<u32> = (0..n as u32)
        .filter(|&c| {
            inst.prerequisites(c).is_empty()
                && inst
                    .covers(c)
                    .iter()
                    .any(|&e| inst.values[e as usize] > 0.0)
        })
        .collect();
    let pairs: usize = movable.iter().map(|&c| inst.covers(c).len()).sum();
    let steps = STEPS.min(WORK / pairs.max(1));
    if steps == 0 || movable.is_empty() {
        return false;
    }
    let start_value = state.value(inst);
    let (start_cost, start_hours) = (state.cost, state.hours);
    let mut walk = state.clone();
    walk.journal.clear();
    let mut value = start_value;
    let mut best = (value, walk.cost, walk.chosen_list());
    let mut banned_in = vec![0usize; n];
    let mut banned_out = vec![0usize; n];
    // The chosen candidate closing an element alone (`u32::MAX` when none or several).
    let mut owner = vec![u32::MAX; inst.values.len()];
    let mut loss = vec![0.0f64; n];
    let mut outs: Vec<u32> = Vec::new();
    for step in 1..=steps {
        // Picks that may leave, with the value only they close.
        outs.clear();
        for &c in &movable {
            if walk.chosen[c as usize] && !walk.required_by_chosen(inst, c) {
                let mut l = 0.0;
                for &e in inst.covers(c) {
                    if walk.cover_count[e as usize] == 1 {
                        owner[e as usize] = c;
                        l += inst.values[e as usize];
                    }
                }
                loss[c as usize] = l;
                outs.push(c);
            }
        }
        // Least loss first, then the most hours freed.
        order::sort_unstable_by(&mut outs, |&a, &b| {
            loss[a as usize]
                .total_cmp(&loss[b as usize])
                .then(inst.hours(b).total_cmp(&inst.hours(a)))
                .then(a.cmp(&b))
        });
        let room = budget - walk.hours;
        // (value change, hours change, in, out or u32::MAX for an addition)
        let mut chosen_move: Option<(f64, f64, u32, u32)> = None;
        let mut consider = |dv: f64, dh: f64, c: u32, o: u32, allowed: bool| {
            if !allowed && value + dv <= best.0 + EPS {
                return;
            }
            let wins = chosen_move
                .is_none_or(|(bv, bh, _, _)| dv > bv + EPS || (dv >= bv - EPS && dh < bh - EPS));
            if wins {
                chosen_move = Some((dv, dh, c, o));
            }
        };
        // The value `c` closes that pick `o` closes alone: kept when `c` replaces `o`.
        let shared = |c: u32, o: u32| -> f64 {
            inst.covers(c)
                .iter()
                .filter(|&&f| walk.cover_count[f as usize] == 1 && owner[f as usize] == o)
                .map(|&f| inst.values[f as usize])
                .sum()
        };
        for &c in &movable {
            if walk.chosen[c as usize] {
                continue;
            }
            let h = inst.hours(c);
            let mut gain = 0.0;
            for &e in inst.covers(c) {
                if walk.cover_count[e as usize] == 0 {
                    gain += inst.values[e as usize];
                }
            }
            let c_free = banned_in[c as usize] < step;
            if h <= room + EPS && gain > 0.0 {
                consider(gain, h, c, u32::MAX, c_free);
            }
            // Swaps with a pick sharing an element it closes alone.
            for &e in inst.covers(c) {
                let o = if walk.cover_count[e as usize] == 1 {
                    owner[e as usize]
                } else {
                    u32::MAX
                };
                if o == u32::MAX || !walk.chosen[o as usize] || h > room + inst.hours(o) + EPS {
                    continue;
                }
                let shared = shared(c, o);
                let allowed = c_free && banned_out[o as usize] < step;
                consider(
                    gain + shared - loss[o as usize],
                    h - inst.hours(o),
                    c,
                    o,
                    allowed,
                );
            }
            // A swap with the cheapest pick to lose that frees enough hours.
            if let Some(&o) = outs
                .iter()
                .find(|&&o| h <= room + inst.hours(o) + EPS && banned_out[o as usize] < step)
            {
                let shared = shared(c, o);
                consider(
                    gain + shared - loss[o as usize],
                    h - inst.hours(o),
                    c,
                    o,
                    c_free,
                );
            }
        }
        // Owners are valid only for this step.
        for &o in &outs {
            for &e in inst.covers(o) {
                owner[e as usize] = u32::MAX;
            }
        }
        let Some((_, _, c, o)) = chosen_move else {
            break;
        };
        if o != u32::MAX {
            walk.set(inst, o, false);
            banned_in[o as usize] = step + TENURE;
        }
        walk.set(inst, c, true);
        banned_out[c as usize] = step + TENURE;
        walk.journal.clear();
        value = walk.value(inst);
        if better(value, walk.cost, best.0, best.1) {
            best = (value, walk.cost, walk.chosen_list());
        }
    }
    let mut found = State::new(inst);
    found.load(inst, &best.2);
    fill(inst, &mut found, budget, None, s);
    found.journal.clear();
    let found_value = found.value(inst);
    if better(found_value, found.cost, start_value, start_cost) {
        debug_assert!(found.hours <= budget + EPS && start_hours <= budget + EPS);
        *state = found;
        return true;
    }
    false
}

/// Looks for a cheaper cover than `state` (which closes every coverable element) with the
/// tabu search of [`tabu_budget`]: on a copy of the instance where each candidate's hours
/// are its selection cost and each element is worth one, the most elements closable
/// within the cover's cost less one unit, from the cover without its picks that close the
/// least alone. When that closes every coverable element, it is a cheaper cover: it
/// replaces `state` (redundant picks dropped) and the search repeats, at most [`ROUNDS`]
/// times. Returns whether the cover improved.
///
/// # Complexity
/// O(n + z + q) to copy the instance, then [`tabu_budget`]'s per round.
pub(crate) fn tabu_cover(inst: &Instance, state: &mut State) -> bool {
    let mut unit = inst.clone();
    unit.hours.clone_from(&unit.cost);
    let coverable = (0..inst.values.len() as u32)
        .filter(|&e| inst.coverable(e))
        .count() as f64;
    for (e, v) in unit.values.iter_mut().enumerate() {
        *v = if inst.coverable(e as u32) { 1.0 } else { 0.0 };
    }
    let mut us = Scratch::new(&unit);
    let mut any = false;
    for _ in 0..ROUNDS {
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
            if start.hours <= budget + EPS {
                break;
            }
            if !start.required_by_chosen(&unit, c) {
                start.set(&unit, c, false);
            }
        }
        if start.hours > budget + EPS {
            break;
        }
        fill(&unit, &mut start, budget, None, &mut us);
        start.journal.clear();
        let unit_better =
            |v: f64, c: f64, bv: f64, bc: f64| v > bv + EPS || (v >= bv - EPS && c < bc - EPS);
        tabu_budget(&unit, &mut start, budget, &mut us, unit_better);
        if start.value(&unit) < coverable - EPS {
            break;
        }
        let mut cheaper = State::new(inst);
        cheaper.load(inst, &start.chosen_list());
        let order = chosen_by_cost(inst, &cheaper);
        remove_redundant(inst, &mut cheaper, &order, false);
        cheaper.journal.clear();
        if cheaper.cost >= state.cost - inst.step(state.cost) / 2.0 {
            break;
        }
        *state = cheaper;
        any = true;
    }
    any
}

/// Rounds of [`tabu_cover`], each saving at least one unit of cost.
const ROUNDS: usize = 4;
