//! Trades of a few picks for fewer or cheaper ones, each repair searched exhaustively.
//!
//! The exchanges of `greedy` close what a removed pick leaves open greedily; when all
//! courses last the same, a cover can be one course too long although no greedy repair of
//! one or two removed picks shows it: three picks must go for two others that between them
//! close what the three closed. Here the picks taken out are two or three that could share
//! a replacement, and the repair is a depth-first search over the candidates closing what
//! opened, at most as many picks as were taken out, for a strictly cheaper cover.
//!
//! Everything is bounded by a count of candidate evaluations ([`Work`]), never by time, so
//! results are deterministic.

use std::ops::ControlFlow;

use super::greedy::{Scratch, clean_up};
use super::instance::Instance;
use super::related::Related;
use super::state::{State, chosen_by_cost, most_expensive_first, remove_redundant};
use crate::model::order;

/// Candidate evaluations a caller allows the trades of one plan.
pub(crate) struct Work {
    left: u64,
}

impl Work {
    pub(crate) fn new(evaluations: u64) -> Work {
        Work { left: evaluations }
    }

    /// Spends one evaluation; `false` when none is left.
    fn spend(&mut self) -> bool {
        if self.left == 0 {
            return false;
        }
        self.left -= 1;
        true
    }
}

/// Improves a cover (every coverable element closed) by trading two or three picks that
/// could share a replacement for at most as many others, the cheapest such repair searched
/// exhaustively; keeps every trade that lowers the cost (then [`clean_up`] again) and
/// starts over, until no trade improves or `work` runs out. Returns whether the cover
/// improved. The cover stays closed under prerequisites and every coverable element
/// closed; redundant picks are dropped after every trade.
///
/// Two picks could share a replacement when some candidate closes an element only one of
/// them closes and an element only the other closes. A trade of three for two needs one
/// new pick closing what two of the three alone closed, so only triples connected by that
/// relation are tried; pairs likewise.
///
/// # Complexity
/// At most `work` candidate evaluations (each walking one unchosen prerequisite closure),
/// plus per round (one per trade kept) the relation of the k picks and the pairs and
/// triples it yields ([`Related`]): O((z' + s) log z') for the z' (pick, candidate) pairs
/// of the lists and s pairs of picks sharing a candidate, and O(k · d³ log d) for the
/// triples when no pick is related to more than d others; no longer O(k²) memory and
/// O(k³) steps.
pub(crate) fn trade_picks(
    inst: &Instance,
    state: &mut State,
    s: &mut Scratch,
    work: &mut Work,
) -> bool {
    let mut any = false;
    let mut repair = Repair::default();
    while work.left > 0 {
        state.journal.clear();
        let outs: Vec<u32> = chosen_by_cost(inst, state)
            .into_iter()
            .filter(|&o| !state.required_by_chosen(inst, o))
            .collect();
        // Per pick, the candidates closing an element only it closes, sorted.
        let mut near: Vec<Vec<u32>> = Vec::with_capacity(outs.len());
        for &o in &outs {
            let mut list: Vec<u32> = inst
                .covers(o)
                .iter()
                .filter(|&&e| state.cover_count[e as usize] == 1)
                .flat_map(|&e| inst.closers(e).iter().copied())
                .filter(|&c| c != o)
                .collect();
            order::sort_unstable(&mut list);
            list.dedup();
            near.push(list);
        }
        let related = Related::new(&near);
        // Break(true): a trade kept, start over; Break(false): the work is spent.
        let mut trade = |picks: &[u32]| {
            if repair.run(inst, state, s, picks, work) {
                any = true;
                clean_up(inst, state, s);
                return ControlFlow::Break(true);
            }
            if work.left == 0 {
                return ControlFlow::Break(false);
            }
            ControlFlow::Continue(())
        };
        let mut flow = related.pairs(|a, b| trade(&[outs[a], outs[b]]));
        if flow.is_continue() {
            flow = related.triples(|a, b, c| trade(&[outs[a], outs[b], outs[c]]));
        }
        if flow != ControlFlow::Break(true) {
            break;
        }
    }
    state.journal.clear();
    any
}

/// Buffers of one trade.
#[derive(Default)]
struct Repair {
    ancestors: Vec<u32>,
    hole: Vec<u32>,
    touched: Vec<u32>,
}

impl Repair {
    /// Takes `outs` out (with the prerequisites only they needed) and searches for a
    /// repair of at most `outs.len()` picks that makes the cover strictly cheaper; keeps
    /// it (redundant picks dropped) and returns `true`, or restores the state.
    fn run(
        &mut self,
        inst: &Instance,
        state: &mut State,
        s: &mut Scratch,
        outs: &[u32],
        work: &mut Work,
    ) -> bool {
        state.journal.clear();
        let mark = state.mark();
        for &out in outs {
            if !state.chosen[out as usize] || state.required_by_chosen(inst, out) {
                state.revert(inst, mark);
                return false;
            }
            self.ancestors.clear();
            state.walk_up(inst, out, false, |d| {
                self.ancestors.push(d);
                false
            });
            state.set(inst, out, false);
            remove_redundant(inst, state, &self.ancestors, false);
        }
        self.hole.clear();
        for &(a, on) in &state.journal[mark.journal..] {
            if !on {
                self.hole.extend(
                    inst.covers(a)
                        .iter()
                        .filter(|&&e| state.cover_count[e as usize] == 0),
                );
            }
        }
        order::sort_unstable(&mut self.hole);
        self.hole.dedup();
        // Strictly cheaper than before by at least the smallest saving possible.
        let target = mark.cost - inst.step(mark.cost) / 2.0;
        let open = self.hole.len();
        let found = search(
            inst,
            state,
            s,
            &self.hole,
            open,
            outs,
            outs.len(),
            target,
            work,
        );
        if found {
            self.touched.clear();
            for &(a, on) in &state.journal[mark.journal..] {
                if on {
                    for &e in inst.covers(a) {
                        self.touched.extend(
                            inst.closers(e)
                                .iter()
                                .filter(|&&d| state.chosen[d as usize]),
                        );
                    }
                }
            }
            most_expensive_first(inst, &mut self.touched);
            remove_redundant(inst, state, &self.touched, false);
            state.journal.clear();
            return true;
        }
        state.revert(inst, mark);
        false
    }
}

/// Depth-first search for picks (at most `depth`, none of them one of `banned`) closing
/// every element of `hole` still open (`open` of them) with the cost staying below
/// `target`; branches on the open element with the fewest candidates. On success the
/// picks stay chosen and it returns `true`; otherwise the state is as it was.
#[allow(clippy::too_many_arguments)]
fn search(
    inst: &Instance,
    state: &mut State,
    s: &mut Scratch,
    hole: &[u32],
    open: usize,
    banned: &[u32],
    depth: usize,
    target: f64,
    work: &mut Work,
) -> bool {
    if open == 0 {
        return state.cost < target;
    }
    if depth == 0 {
        return false;
    }
    let Some(&e) = hole
        .iter()
        .filter(|&&e| state.cover_count[e as usize] == 0)
        .min_by_key(|&&e| inst.closers(e).len())
    else {
        return state.cost < target;
    };
    for &c in inst.closers(e) {
        if banned.contains(&c) || state.chosen[c as usize] {
            continue;
        }
        if !work.spend() {
            return false;
        }
        let m = state.marginal(inst, c);
        if state.cost + m.cost >= target {
            continue;
        }
        // The last pick must close everything still open.
        if depth == 1 && (m.count as usize) < open {
            continue;
        }
        let mark = state.mark();
        state.choose(inst, c, &mut s.buffer);
        let closed = hole
            .iter()
            .filter(|&&f| state.cover_count[f as usize] > 0)
            .count();
        if search(
            inst,
            state,
            s,
            hole,
            hole.len() - closed,
            banned,
            depth - 1,
            target,
            work,
        ) {
            return true;
        }
        state.revert(inst, mark);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::super::budget::improve;
    use super::super::greedy::fill;
    use super::super::instance::tests::random;
    use super::super::instance::{EPS, Instance};
    use super::super::tabu_cover::tabu_cover;
    use super::*;
    use proptest::prelude::*;

    /// Every chosen candidate's prerequisites are chosen, and every chosen candidate
    /// closes an element that counts (any, or worth something when `weighted`) which no
    /// other chosen candidate closes, or is required by a chosen one.
    fn assert_closed_and_minimal(inst: &Instance, state: &State, weighted: bool) {
        for c in state.chosen_list() {
            for &p in inst.prerequisites(c) {
                assert!(state.chosen[p as usize], "{c} chosen without {p}");
            }
            assert!(!state.redundant(inst, c, weighted), "{c} closes nothing");
        }
    }

    /// A poor but valid cover: every coverable element's last closer, redundant picks
    /// dropped.
    fn poor_cover(inst: &Instance, s: &mut Scratch) -> State {
        let mut state = State::new(inst);
        for e in 0..inst.values.len() as u32 {
            if let Some(&c) = inst.closers(e).last()
                && state.cover_count[e as usize] == 0
            {
                state.choose(inst, c, &mut s.buffer);
            }
        }
        let order = chosen_by_cost(inst, &state);
        remove_redundant(inst, &mut state, &order, false);
        state.journal.clear();
        state
    }

    #[test]
    fn trades_on_a_long_cycle_list_few_picks_per_pick() {
        // A post of n gaps, 2n one-hour courses each closing two (i and i + 1, or i and
        // i + 2, around a cycle), every 12th gap held: each pick is related to a few
        // others, so the pairs and triples listed are a few per pick (4 here, 1,201 for
        // 300 picks), where the plain enumeration of every triple visited k³ / 6 (4.5 M)
        // per round.
        let inst = super::super::instance::tests::post(600);
        let mut s = Scratch::new(&inst);
        let greedy = super::super::greedy::greedy_cover(&inst);
        let mut state = State::new(&inst);
        state.load(&inst, &greedy.chosen);
        state.journal.clear();
        let (picks, before) = (state.chosen_count() as f64, state.cost);
        super::super::related::LISTED.with(|l| l.set(0));
        trade_picks(&inst, &mut state, &mut s, &mut Work::new(20_000));
        let listed = super::super::related::LISTED.with(std::cell::Cell::get);
        // A round per trade kept, each saving at least an hour, and the last.
        let rounds = (before - state.cost).round() + 1.0;
        assert!(listed > 0, "the trades list related picks");
        assert!(
            (listed as f64) < 16.0 * picks * rounds,
            "{listed} picks listed for {picks} picks in {rounds} rounds"
        );
    }

    proptest! {
        #[test]
        fn trades_never_make_a_cover_worse_and_keep_it_closed_and_minimal(
            seed in any::<u64>(),
            uniform in any::<bool>(),
            work in 0u64..5_000,
        ) {
            let costs: &[f64] = if uniform { &[10.0] } else { &[1.0, 2.0, 3.0, 5.0] };
            let inst = random(seed, 16, 10, costs);
            let mut s = Scratch::new(&inst);
            let mut state = poor_cover(&inst, &mut s);
            let before = state.cost;
            let improved = trade_picks(&inst, &mut state, &mut s, &mut Work::new(work));
            prop_assert!(state.cost <= before + EPS);
            prop_assert_eq!(improved, state.cost < before - EPS);
            for e in 0..inst.values.len() as u32 {
                prop_assert!(!inst.coverable(e) || state.cover_count[e as usize] > 0);
            }
            assert_closed_and_minimal(&inst, &state, false);
            // Deterministic.
            let mut again = poor_cover(&inst, &mut s);
            trade_picks(&inst, &mut again, &mut s, &mut Work::new(work));
            prop_assert_eq!(again.chosen_list(), state.chosen_list());
            // The tabu search likewise.
            let mut tabu = poor_cover(&inst, &mut s);
            let before = tabu.cost;
            let (improved, _) = tabu_cover(&inst, &mut tabu, 0.0);
            prop_assert!(tabu.cost <= before + EPS);
            prop_assert_eq!(improved, tabu.cost < before - EPS);
            for e in 0..inst.values.len() as u32 {
                prop_assert!(!inst.coverable(e) || tabu.cover_count[e as usize] > 0);
            }
            assert_closed_and_minimal(&inst, &tabu, false);
        }

        #[test]
        fn budget_local_search_never_makes_a_plan_worse_and_keeps_the_laws(
            seed in any::<u64>(),
            uniform in any::<bool>(),
            budget in 1u32..40,
        ) {
            let costs: &[f64] = if uniform { &[10.0] } else { &[1.0, 2.0, 3.0, 5.0] };
            let budget = f64::from(budget);
            let inst = random(seed, 16, 10, costs);
            let mut s = Scratch::new(&inst);
            // A maximal, minimal start from the candidates in reverse order.
            let mut state = State::new(&inst);
            for c in (0..inst.len() as u32).rev() {
                let m = state.marginal(&inst, c);
                if m.value > 0.0 && state.hours() + m.hours <= budget + EPS {
                    state.choose(&inst, c, &mut s.buffer);
                }
            }
            fill(&inst, &mut state, budget, None, &mut s);
            state.journal.clear();
            let (value, cost) = (state.value(&inst), state.cost);
            improve(&inst, &mut state, budget, f64::INFINITY, &mut s);
            let after = state.value(&inst);
            prop_assert!(after >= value - EPS);
            prop_assert!(after > value + EPS || state.cost <= cost + EPS);
            prop_assert!(state.hours() <= budget + EPS);
            assert_closed_and_minimal(&inst, &state, true);
            for c in 0..inst.len() as u32 {
                let m = state.marginal(&inst, c);
                prop_assert!(
                    m.value <= 0.0 || state.hours() + m.hours > budget + EPS,
                    "candidate {} fits and adds value", c
                );
            }
        }
    }
}
