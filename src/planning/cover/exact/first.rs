//! The relaxation with prerequisite rows tried first at a part's root, before the
//! subgradient rounds, and kept only when it proves the incumbent optimal.
//!
//! On the officer-sized parts of `bench_recommend` that reach a root (13–72 candidates)
//! the root's three rounds of subgradient steps end unproven on 689 of 824, and the
//! relaxation with prerequisite rows ([`lp_solve`]) that follows them proves 635 of
//! those; the rounds after the first proved 4 parts and their repairs made one incumbent
//! cheaper (20,000 officers; BENCHMARKS.md, "Recommend: the relaxation tried first at a
//! part's root"). [`lp_solve`] starts from zero multipliers whatever the rounds found, so
//! they do not move its iterates, only the bound it must beat to keep its multipliers.

use super::{Role, Search};
use crate::planning::cover::pdhg::lp_solve;

/// Iterations of the primal–dual method tried before the subgradient rounds: three
/// evaluations of the bound (`pdhg::EVERY` iterations apart). A part
/// it does not prove within them pays them on top of the root as before. On
/// `bench_recommend`'s 2,000 officers, 2,000 iterations (the root's own limit) saved 9.4%
/// of the instructions, 400 10.1%, 200 11.2%, 100 12.2% and 60 12.6%: most parts the
/// relaxation proves it proves at its first evaluations.
pub(super) const FIRST_LP_ITERATIONS: u32 = 60;

impl Search<'_> {
    /// The relaxation with prerequisite rows solved on a copy of the multipliers, within
    /// [`FIRST_LP_ITERATIONS`], before any subgradient step: when its bound proves the
    /// incumbent optimal, the multipliers it found are kept and the bound returned, and
    /// the root's rounds, repairs and later bounds are not run; otherwise nothing changes
    /// and `None` is returned.
    ///
    /// The plan is the one the whole root makes: a proven bound leaves no cover a step
    /// cheaper than the incumbent, and a repair or search only replaces the incumbent by
    /// one that much cheaper. So is the certificate, whenever the whole root proves the
    /// part too: the proof, no search nodes, and the bound, which is the incumbent's cost
    /// once a bound reaching it is rounded up to the costs' unit. Hence only parts of an
    /// instance with a common unit of costs are tried (without one, the rounded bound is
    /// the bound itself, and two proofs could differ in its last bits). Where the whole
    /// root would have left the part unproven, this proves it: a stronger certificate, and
    /// no search. Only for a part's plan as callers get it, without a cutoff
    /// ([`Role::Whole`]): under a cutoff the root stops at bounds past it, which this does
    /// not look for.
    ///
    /// # Complexity
    /// O([`FIRST_LP_ITERATIONS`] · (z + q + n)) for z (candidate, open element) pairs, q
    /// prerequisite pairs and n candidates, as [`lp_solve`].
    pub(super) fn proven_by_relaxation_first(&mut self) -> Option<f64> {
        if self.role != Role::Whole || self.cutoff != f64::INFINITY || self.inst.unit.is_none() {
            return None;
        }
        #[cfg(test)]
        if !super::counters::RELAXATION_FIRST.with(std::cell::Cell::get) {
            return None;
        }
        let mut lagrange = self.lagrange.clone();
        let (lower, _) = lp_solve(
            self.tight,
            &mut lagrange,
            &self.state,
            self.aim(),
            f64::NEG_INFINITY,
            FIRST_LP_ITERATIONS,
        );
        if !self.beaten(lower) {
            return None;
        }
        #[cfg(test)]
        super::counters::PROVEN_FIRST.with(|proven| proven.set(proven.get() + 1));
        self.lagrange = lagrange;
        Some(lower)
    }
}
