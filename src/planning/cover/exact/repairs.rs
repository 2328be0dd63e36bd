//! The root's covers from the relaxation: the Lagrangian selections repaired, and the
//! primal–dual method's primal iterate rounded, each completed greedily and cleaned up.

use super::Search;
#[cfg(test)]
use super::counters::ROUNDED_CHEAPER;
use crate::model::order;
use crate::planning::cover::greedy::{Goal, clean_up, complete};
use crate::planning::cover::state::{chosen_by_cost, remove_redundant};

/// What [`Search::complete_and_offer`] last completed: its picks and the state it started
/// from, as its chosen set and its cost and hours to the bit.
#[derive(Clone)]
pub(super) struct LastRepair {
    picks: Vec<u32>,
    chosen: Vec<bool>,
    totals: (u64, u64),
}

impl Search<'_> {
    /// Takes what the relaxation selects
    /// ([`Lagrange::taken`](crate::planning::cover::lagrange::Lagrange::taken)), completes
    /// it greedily, drops redundant picks, tries exchanges, and offers the result. With `at_multipliers`
    /// the selection is the one the relaxation of `inst` makes at the current multipliers
    /// (the bounds' instance is `tight`, where it may take fewer candidates); otherwise the
    /// one kept in `lagrange` (the bound with kept rows leaves its blocks' covers there).
    ///
    /// On a part of 62 candidates of `bench_recommend`'s officers, two of whose closings
    /// `tight` drops, the selection of `tight` at the root's multipliers repairs to 382 h
    /// and the greedy's 347 h stays, which the bound of 344 h leaves unproven; the same
    /// multipliers on `inst` repair to the optimum, 344 h, so the local search is not run.
    pub(super) fn repair(&mut self, at_multipliers: bool) {
        let inst = self.inst;
        let on = (at_multipliers && !std::ptr::eq(inst, self.tight)).then_some(inst);
        let picks = self.lagrange.taken(on);
        self.complete_and_offer(&picks);
    }

    /// Rounds the relaxation's primal solution `x` (one share per candidate) into a cover:
    /// the free candidates of share at least one half, largest share first (then smaller
    /// index), completed and cleaned up as in [`Search::repair`].
    pub(super) fn round(&mut self, x: &[f64]) {
        let mut picks: Vec<(f64, u32)> = (0..self.inst.len() as u32)
            .filter(|&j| !self.state.chosen[j as usize] && x[j as usize] >= 0.5)
            .map(|j| (x[j as usize], j))
            .collect();
        order::sort_by(&mut picks, |a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let picks: Vec<u32> = picks.into_iter().map(|(_, j)| j).collect();
        #[cfg(test)]
        let before = self.best_cost;
        self.complete_and_offer(&picks);
        #[cfg(test)]
        if self.best_cost < before {
            ROUNDED_CHEAPER.with(|cheaper| cheaper.set(cheaper.get() + 1));
        }
    }

    /// Chooses `picks` in order on a copy of the root's state, completes the cover
    /// greedily, drops redundant picks, tries exchanges, and offers the result.
    fn complete_and_offer(&mut self, picks: &[u32]) {
        // The root's rounds often stop at the same multipliers, so their repairs take the
        // same picks from the same state (the same chosen set, and the same totals to the
        // bit, which the exchanges compare): the greedy completion and the exchanges are
        // deterministic, so the cover is the one offered last time, and an offer never
        // takes a cover no cheaper than the incumbent.
        let totals = (self.state.cost.to_bits(), self.state.hours().to_bits());
        let repeated = self.last_repair.as_ref().is_some_and(|last| {
            last.picks == picks && last.totals == totals && last.chosen == self.state.chosen
        });
        if repeated {
            #[cfg(debug_assertions)]
            {
                let before = (self.best_cost, self.best.clone());
                self.complete_and_offer_anew(picks);
                debug_assert!(
                    before.0.to_bits() == self.best_cost.to_bits() && before.1 == self.best,
                    "a repeated repair changed the incumbent"
                );
            }
            return;
        }
        self.last_repair = Some(LastRepair {
            picks: picks.to_vec(),
            chosen: self.state.chosen.clone(),
            totals,
        });
        self.complete_and_offer_anew(picks);
    }

    /// [`Search::complete_and_offer`] without looking at the last repair.
    fn complete_and_offer_anew(&mut self, picks: &[u32]) {
        let inst = self.inst;
        let mut state = self.state.clone();
        for &j in picks {
            state.choose(inst, j, &mut self.scratch.buffer);
        }
        if complete(inst, &mut state, None, Goal::Cover, &mut self.scratch) {
            let order = chosen_by_cost(inst, &state);
            remove_redundant(inst, &mut state, &order, false);
            state.journal.clear();
            clean_up(inst, &mut state, &mut self.scratch);
            let solution = state.solution(inst, 0.0, false, 0);
            self.offer(solution.chosen, solution.cost);
        }
    }
}
