//! The root's tabu search left for after the search, and run only when the search's
//! outcome does not already show that it would find nothing.
//!
//! On a large part far from its bound the root runs the tabu search of
//! [`Search::improve`] before the search (see [`super::TABU_AFTER_SEARCH_FROM`]). On the
//! officer-sized parts of `successors` (about 200–300 candidates) it almost never finds a
//! cheaper cover, and the search then proves the incumbent optimal: the tabu search was
//! most of the plan's time. So the search runs first, from the cover the root's exchanges
//! left; when it proves that cover optimal, no cover is cheaper, so the tabu search would
//! have found none and the search is the one that would have followed it. Otherwise the
//! tabu search runs on that cover as the root would have run it; when it finds nothing,
//! the search just made is again the one that would have followed it, and when it finds a
//! cheaper cover the root is taken back as it was, that cover offered, and the search made
//! again from there. Either way the plan and bound are those of the tabu search at the
//! root.

use super::{DEFER_TABU_UP_TO, Search, TRADE_WORK};
use crate::planning::cover::greedy::exchange_pairs;
use crate::planning::cover::instance::beyond;
use crate::planning::cover::state::State;
use crate::planning::cover::tabu_cover::tabu_cover;
use crate::planning::cover::trade::{Work, trade_picks};

/// The root's tabu search, not yet run: the cover it starts from (the incumbent after the
/// root's exchanges) and the root's proven lower bound it stops at.
#[derive(Clone)]
pub(super) struct Deferred {
    state: State,
    lower: f64,
}

impl Search<'_> {
    /// [`Search::improve`] with the tabu search at the root's bound `lower` left for
    /// [`Search::search_with_deferred_tabu`]: the exchanges are made and offered now. When
    /// they leave the incumbent proven (no search follows), the tabu search runs at once.
    pub(super) fn defer_tabu(&mut self, lower: f64) {
        let (mut state, exchanged) = self.exchanges();
        if exchanged {
            self.offer_state(&state);
        }
        if self.beaten(lower) {
            if self.tabu(&mut state, lower) {
                self.offer_state(&state);
            }
        } else {
            self.deferred = Some(Deferred { state, lower });
        }
    }

    /// The search after the root ([`Search::deepen`], else [`Search::branch_and_bound`]),
    /// with the root's deferred tabu search settled as the module docs say: the outcome is
    /// the one of the tabu search at the root followed by the search. O(n + z) to keep the
    /// root's state when a tabu search is deferred; at most twice the search and once the
    /// tabu search.
    pub(super) fn search_with_deferred_tabu(&mut self) {
        let Some(mut deferred) = self.deferred.take() else {
            self.search();
            return;
        };
        let root = self.clone();
        let incumbent = self.best_cost;
        self.search();
        if self.proven && self.best_cost >= incumbent {
            // No cover is a step cheaper than the root's: the tabu search finds none.
            #[cfg(test)]
            super::counters::deferred(0);
            return;
        }
        if beyond(self.lower, self.cutoff) {
            // A proven bound past the cutoff, whatever the tabu search would find.
            return;
        }
        let cheaper = self.tabu(&mut deferred.state, deferred.lower);
        #[cfg(test)]
        super::counters::deferred(if cheaper { 2 } else { 1 });
        if !cheaper {
            return;
        }
        *self = root;
        self.offer_state(&deferred.state);
        self.settle_root(deferred.lower);
        if !self.proven {
            self.search();
        }
    }

    /// Whether the root's tabu search waits for the search: on a part a search follows of
    /// at most [`DEFER_TABU_UP_TO`] candidates (tests may ask for it at the root).
    pub(super) fn defers_tabu(&self) -> bool {
        #[cfg(test)]
        if super::counters::TABU_AT_ROOT.with(std::cell::Cell::get) {
            return false;
        }
        self.searched && self.inst.len() <= DEFER_TABU_UP_TO
    }

    /// The incumbent improved by [`exchange_pairs`] and [`trade_picks`] (the first steps of
    /// [`Search::improve`]), and whether either changed it.
    pub(super) fn exchanges(&mut self) -> (State, bool) {
        #[cfg(test)]
        super::counters::LOCAL_SEARCHES.with(|searches| searches.set(searches.get() + 1));
        let inst = self.inst;
        let mut state = State::new(inst);
        state.load(inst, &self.best);
        let pairs = exchange_pairs(inst, &mut state, &mut self.scratch);
        let mut work = Work::new(TRADE_WORK);
        let traded = trade_picks(inst, &mut state, &mut self.scratch, &mut work);
        (state, pairs || traded)
    }

    /// The tabu search of [`Search::improve`] on `state` ([`tabu_cover`]),
    /// stopping once the cover meets the proven lower bound `lower`: whether it found a
    /// cheaper cover. When the search is settled, the cover it leaves is kept
    /// ([`Search::settled`]); a cover equal to the last one kept is not searched again
    /// (the search would find nothing, as `lower` only rises), so a part whose search
    /// after the root changes nothing pays for the tabu search once.
    pub(super) fn tabu(&mut self, state: &mut State, lower: f64) -> bool {
        let inst = self.inst;
        let chosen = state.chosen_list();
        #[cfg(test)]
        let skip = !super::counters::SEARCH_SETTLED.with(std::cell::Cell::get);
        #[cfg(not(test))]
        let skip = true;
        if skip && self.settled.as_ref() == Some(&chosen) {
            #[cfg(test)]
            super::counters::SETTLED_SKIPS.with(|skips| skips.set(skips.get() + 1));
            return false;
        }
        #[cfg(test)]
        super::counters::TABU_LARGEST.with(|largest| largest.set(largest.get().max(inst.len())));
        let (cheaper, settled) = tabu_cover(inst, state, inst.round_up(lower));
        self.settled = settled.then(|| if cheaper { state.chosen_list() } else { chosen });
        cheaper
    }

    /// Offers the cover `state` holds as the incumbent.
    pub(super) fn offer_state(&mut self, state: &State) {
        let solution = state.solution(self.inst, 0.0, false, 0);
        self.offer(solution.chosen, solution.cost);
    }

    /// The reduced-cost fixing against rising targets ([`Search::deepen`]) or, when it
    /// fixes nothing, the branch and bound.
    fn search(&mut self) {
        if !self.deepen() {
            self.branch_and_bound();
        }
    }
}
