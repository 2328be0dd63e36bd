//! Tabu search over swaps for the budgeted problem.
//!
//! Exchanges that refill greedily stop at the first plan no single change improves; on
//! catalogues of equal-length, overlapping courses the best plan is often ten swaps away
//! from there. This search keeps moving: each step takes the best move (an addition within
//! the budget; a swap, one pick out and one candidate in; or an absorption, one candidate
//! in and every pick it makes redundant out, a trade of two or more for one) even when it
//! loses value, and forbids undoing it for a few steps, so it walks across plateaus and out
//! of local optima; the best plan seen is kept. Ties between equal moves are broken by a
//! fixed pseudo-random sequence (splitmix64 from a seed), which keeps the walk from cycling
//! through the same plateau, and tenures are drawn from it too; after [`RESTART`] steps
//! without a new best plan the walk returns to the best one. Steps are counted, never
//! timed, and the sequence is fixed, so the result is deterministic.
//!
//! A candidate moves in only when its prerequisites are all chosen, and a pick moves out
//! only when no chosen candidate requires it (a prerequisite whose dependants left can
//! then leave in turn), so every plan visited stays closed under prerequisites. A search
//! run with chain moves also lets a candidate in together with its unchosen prerequisites
//! (its missing chain), against up to [`CHAIN_OUTS`] picks that lose least, taken out
//! until the hours fit: a course whose prerequisite the plan lacks never enters otherwise
//! unless the prerequisite alone is worth a move.

use crate::model::order;

use super::greedy::{Scratch, fill};
use super::instance::{EPS, Instance};
use super::state::State;

/// Steps of one search, at most.
const STEPS: usize = 2_000;

/// Steps without a new best plan after which the walk goes back to the best plan.
const RESTART: usize = 200;

/// Steps a candidate swapped out stays out: this plus up to [`TENURE_SPREAD`] more.
const TENURE: usize = 7;
const TENURE_SPREAD: u64 = 20;

/// Steps a candidate swapped in stays in: 1 to this many. Plans hold few picks, so a long
/// tenure here would freeze most of the plan.
const TENURE_IN: u64 = 3;

/// Candidate–element pairs one search may scan in all: about one step over 20,000 pairs
/// per [`STEPS`], so the search costs some tens of milliseconds at most.
const WORK: usize = 40_000_000;

/// Above this many candidate–element pairs, the pairs one search may scan shrink as
/// [`WORK`] · `LARGE / pairs`, so a department-sized instance (hundreds of thousands of
/// pairs, where every step scans them all) takes a few steps rather than seconds.
const LARGE: usize = 50_000;

/// Steps a search may take per movable candidate, and at least (see [`step_limit`]).
const STEPS_PER_CANDIDATE: usize = 10;
const MIN_STEPS: usize = RESTART;

/// Steps one search may take over an instance of `pairs` candidate–element pairs and
/// `movable` candidates that may move in or out: [`STEPS_PER_CANDIDATE`] per movable
/// candidate, at least [`MIN_STEPS`] and at most [`STEPS`], and within the pairs' work.
/// On the `bench_plans` instances every new best plan that the search kept came within 7.6
/// steps per movable candidate; an officer's plan has tens of them, so a search that finds
/// nothing stops after a few hundred steps instead of [`STEPS`].
fn step_limit(pairs: usize, movable: usize) -> usize {
    let pairs = pairs.max(1);
    let work = if pairs <= LARGE {
        WORK
    } else {
        WORK / pairs * LARGE
    };
    let shape = (STEPS_PER_CANDIDATE * movable).max(MIN_STEPS);
    STEPS.min(shape).min(work / pairs)
}

/// A splitmix64 sequence from `seed`.
fn splitmix(seed: u64) -> impl FnMut() -> u64 {
    let mut x = seed;
    move || {
        x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = x;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// A move: value change, hours change, the candidate in, and the pick out ([`ADD`] for an
/// addition, [`ABSORB`] for every pick the candidate makes redundant).
type Move = (f64, f64, u32, u32);
const ADD: u32 = u32::MAX;
const ABSORB: u32 = u32::MAX - 1;
/// A candidate in with its unchosen prerequisites, and the picks listed with the move out.
const CHAIN: u32 = u32::MAX - 2;

/// A search with chain moves takes this fraction of the steps of one without: it runs
/// second, from a plan the first search left.
const CHAIN_SHARE: usize = 4;

/// Picks a [`CHAIN`] move may take out to make room, at most.
const CHAIN_OUTS: usize = 3;

/// What one search aims at: plans within `budget` hours, and `target`, a value no plan
/// within the budget exceeds (a proven upper bound, or infinity for none): the search
/// stops as soon as it holds a plan worth that much, and does not start when the plan it
/// is given is. Past that only fewer hours for the same value could be found: the search
/// gives those up.
#[derive(Clone, Copy)]
pub(crate) struct Aim {
    pub(crate) budget: f64,
    pub(crate) target: f64,
    /// How far below the target a value may be and still reach it (rounding only).
    tol: f64,
}

impl Aim {
    pub(crate) fn new(inst: &Instance, budget: f64, target: f64) -> Aim {
        let tol = if target.is_finite() {
            inst.value_tol(target)
        } else {
            0.0
        };
        Aim {
            budget,
            target,
            tol,
        }
    }

    /// Whether `value` reaches the target.
    fn reached(self, value: f64) -> bool {
        value >= self.target - self.tol
    }
}

/// Improves a maximal budgeted plan by tabu search over additions, swaps, absorptions and,
/// with `chains`, chain moves (see the module docs; the search then takes a
/// [`CHAIN_SHARE`]-th of the steps), within `aim.budget` hours and until a plan reaches
/// `aim.target` ([`Aim`]):
/// at each step, the move of the largest value change (then the fewest hours added, ties
/// drawn from the sequence seeded by `seed`) among those not forbidden, a forbidden one
/// only when it reaches a value never seen. The best plan seen, filled greedily and
/// cleaned of redundant picks, replaces `state` when it is lexicographically better (more
/// value, then fewer hours); returns whether it did.
///
/// # Complexity
/// Per step O(z + k · m) for z (candidate, element) pairs, k movable picks and m movable
/// candidates, plus with `chains` the unchosen closures of the candidates lacking a
/// prerequisite (their pairs, and their prerequisites against up to [`CHAIN_OUTS`] picks);
/// at most [`STEPS_PER_CANDIDATE`] steps per movable candidate, [`STEPS`] steps and
/// [`WORK`] pairs scanned in all, fewer above [`LARGE`] pairs (see [`step_limit`]).
pub(crate) fn tabu_budget(
    inst: &Instance,
    state: &mut State,
    aim: Aim,
    s: &mut Scratch,
    seed: u64,
    chains: bool,
    better: impl Fn(f64, f64, f64, f64) -> bool,
) -> bool {
    // In WebAssembly the search is compiled once, its comparison (called once a step)
    // behind a `dyn` reference, as `model::order` does for sorts; natively once per
    // comparison, as before.
    if cfg!(target_arch = "wasm32") {
        let better: &dyn Fn(f64, f64, f64, f64) -> bool = &better;
        search(inst, state, aim, s, seed, chains, better)
    } else {
        search(inst, state, aim, s, seed, chains, better)
    }
}

/// [`tabu_budget`]'s search.
// One loop over steps whose state (owners, losses, bans) is shared by every part.
#[allow(clippy::too_many_lines)]
fn search(
    inst: &Instance,
    state: &mut State,
    aim: Aim,
    s: &mut Scratch,
    seed: u64,
    chains: bool,
    better: impl Fn(f64, f64, f64, f64) -> bool,
) -> bool {
    let budget = aim.budget;
    let n = inst.len();
    // Candidates closing something of value, and prerequisites (which may have to leave).
    let movable: Vec<u32> = (0..n as u32)
        .filter(|&c| {
            !inst.dependants(c).is_empty()
                || inst
                    .covers(c)
                    .iter()
                    .any(|&e| inst.values[e as usize] > 0.0)
        })
        .collect();
    let pairs: usize = movable.iter().map(|&c| inst.covers(c).len()).sum();
    let limit = step_limit(pairs, movable.len());
    let steps = if chains { limit / CHAIN_SHARE } else { limit };
    let start_value = state.value(inst);
    if steps == 0 || movable.is_empty() || aim.reached(start_value) {
        return false;
    }
    let (start_cost, start_hours) = (state.cost, state.hours());
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
    // The picks a candidate would absorb.
    let mut absorbed: Vec<u32> = Vec::new();
    let mut next = splitmix(seed ^ 0x2545_f491_4f6c_dd1d);
    // A chain move's candidates, the picks it takes out, and those of the best move.
    let (mut chain, mut chain_outs, mut best_outs) = (Vec::new(), Vec::new(), Vec::new());
    // Elements stamped once per chain evaluated.
    let mut stamped = vec![0u64; inst.values.len()];
    let mut stamp = 0u64;
    let (mut last_best, mut since_restart) = (0usize, 0usize);
    for step in 1..=steps {
        if step - since_restart.max(last_best) > RESTART {
            walk = State::new(inst);
            walk.load(inst, &best.2);
            value = best.0;
            since_restart = step;
        }
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
        let room = budget - walk.hours();
        let mut chosen_move: Option<Move> = None;
        let mut ties = 0u64;
        let mut consider = |m: Move, allowed: bool| -> bool {
            let (dv, dh, _, _) = m;
            if !allowed && value + dv <= best.0 + EPS {
                return false;
            }
            let wins = match chosen_move {
                None => {
                    ties = 0;
                    true
                }
                Some((bv, bh, _, _)) => {
                    if dv > bv + EPS || (dv >= bv - EPS && dh < bh - EPS) {
                        ties = 0;
                        true
                    } else if dv >= bv - EPS && dh <= bh + EPS {
                        // An equal move: each of the t + 1 seen kept with chance 1/(t + 1).
                        ties += 1;
                        next().is_multiple_of(ties + 1)
                    } else {
                        false
                    }
                }
            };
            if wins {
                chosen_move = Some(m);
            }
            wins
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
            if inst
                .prerequisites(c)
                .iter()
                .any(|&p| !walk.chosen[p as usize])
            {
                if !chains {
                    continue;
                }
                // In with its missing prerequisites, against the picks that lose least
                // until the hours fit.
                chain.clear();
                walk.pending(inst, c, &mut chain);
                if chain.iter().any(|&d| banned_in[d as usize] >= step) {
                    continue;
                }
                stamp += 1;
                let (mut gain, mut h) = (0.0, 0.0);
                for &d in &chain {
                    h += inst.hours(d);
                    for &e in inst.covers(d) {
                        if stamped[e as usize] != stamp {
                            stamped[e as usize] = stamp;
                            if walk.cover_count[e as usize] == 0 {
                                gain += inst.values[e as usize];
                            }
                        }
                    }
                }
                if gain <= 0.0 {
                    continue;
                }
                chain_outs.clear();
                let (mut freed, mut dropped) = (0.0, 0.0);
                for &o in &outs {
                    if h <= room + freed + EPS || chain_outs.len() == CHAIN_OUTS {
                        break;
                    }
                    if banned_out[o as usize] >= step
                        || chain
                            .iter()
                            .any(|&d| inst.prerequisites(d).binary_search(&o).is_ok())
                    {
                        continue;
                    }
                    chain_outs.push(o);
                    freed += inst.hours(o);
                    // What `o` closes alone and the chain does not.
                    for &e in inst.covers(o) {
                        if walk.cover_count[e as usize] == 1 && stamped[e as usize] != stamp {
                            dropped += inst.values[e as usize];
                        }
                    }
                }
                if h <= room + freed + EPS && consider((gain - dropped, h - freed, c, CHAIN), true)
                {
                    best_outs.clone_from(&chain_outs);
                }
                continue;
            }
            let requires = |o: u32| inst.prerequisites(c).binary_search(&o).is_ok();
            let h = inst.hours(c);
            let mut gain = 0.0;
            for &e in inst.covers(c) {
                if walk.cover_count[e as usize] == 0 {
                    gain += inst.values[e as usize];
                }
            }
            let c_free = banned_in[c as usize] < step;
            if h <= room + EPS && gain > 0.0 {
                consider((gain, h, c, ADD), c_free);
            }
            // Swaps with a pick sharing an element it closes alone; the picks whose every
            // element of value `c` also closes are absorbed together.
            absorbed.clear();
            let mut freed = 0.0;
            for &e in inst.covers(c) {
                let o = if walk.cover_count[e as usize] == 1 {
                    owner[e as usize]
                } else {
                    u32::MAX
                };
                if o == u32::MAX || !walk.chosen[o as usize] || requires(o) {
                    continue;
                }
                let shared = shared(c, o);
                if shared >= loss[o as usize] - EPS && !absorbed.contains(&o) {
                    absorbed.push(o);
                    freed += inst.hours(o);
                }
                if h > room + inst.hours(o) + EPS {
                    continue;
                }
                let allowed = c_free && banned_out[o as usize] < step;
                consider(
                    (gain + shared - loss[o as usize], h - inst.hours(o), c, o),
                    allowed,
                );
            }
            if absorbed.len() > 1 && h <= room + freed + EPS {
                let allowed = c_free && absorbed.iter().all(|&o| banned_out[o as usize] < step);
                consider((gain, h - freed, c, ABSORB), allowed);
            }
            // A swap with the cheapest pick to lose that frees enough hours.
            if let Some(&o) = outs.iter().find(|&&o| {
                h <= room + inst.hours(o) + EPS && banned_out[o as usize] < step && !requires(o)
            }) {
                let shared = shared(c, o);
                consider(
                    (gain + shared - loss[o as usize], h - inst.hours(o), c, o),
                    c_free,
                );
            }
        }
        let Some((_, _, c, o)) = chosen_move else {
            break;
        };
        let mark = walk.mark();
        if o == CHAIN {
            walk.choose(inst, c, &mut chain);
        } else {
            walk.set(inst, c, true);
        }
        match o {
            ADD => {}
            CHAIN => {
                for &o in &best_outs {
                    walk.set(inst, o, false);
                    banned_in[o as usize] = step + TENURE + (next() % TENURE_SPREAD) as usize;
                }
            }
            ABSORB => {
                // The owners `c` makes redundant, as evaluated (owners are still valid).
                absorbed.clear();
                for &e in inst.covers(c) {
                    let o = owner[e as usize];
                    if o != u32::MAX && walk.chosen[o as usize] && !absorbed.contains(&o) {
                        absorbed.push(o);
                    }
                }
                for &o in &absorbed {
                    if walk.redundant(inst, o, true) && !inst.prerequisites(c).contains(&o) {
                        walk.set(inst, o, false);
                        banned_in[o as usize] = step + TENURE + (next() % TENURE_SPREAD) as usize;
                    }
                }
            }
            o => {
                walk.set(inst, o, false);
                banned_in[o as usize] = step + TENURE + (next() % TENURE_SPREAD) as usize;
            }
        }
        // Owners are valid only for this step.
        for &o in &outs {
            for &e in inst.covers(o) {
                owner[e as usize] = u32::MAX;
            }
        }
        if walk.hours() > budget + EPS {
            // Absorbed picks sharing an element no longer all redundant: undo, forbid `c`.
            walk.revert(inst, mark);
            banned_in[c as usize] = step + TENURE;
            walk.journal.clear();
            continue;
        }
        banned_out[c as usize] = step + 1 + (next() % TENURE_IN) as usize;
        walk.journal.clear();
        value = walk.value(inst);
        if better(value, walk.cost, best.0, best.1) {
            best = (value, walk.cost, walk.chosen_list());
            last_best = step;
            if aim.reached(value) {
                break;
            }
        }
    }
    let mut found = State::new(inst);
    found.load(inst, &best.2);
    fill(inst, &mut found, budget, None, s);
    found.journal.clear();
    let found_value = found.value(inst);
    if better(found_value, found.cost, start_value, start_cost) {
        debug_assert!(found.hours() <= budget + EPS && start_hours <= budget + EPS);
        *state = found;
        return true;
    }
    false
}

#[cfg(test)]
#[path = "tabu_tests.rs"]
mod tests;
