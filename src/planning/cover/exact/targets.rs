//! Reduced-cost fixing at the root of a part against rising targets between its bound and
//! the incumbent: each target either proves the optimum or raises the bound to it.

use super::Search;
use super::{Role, solve_part_as};
use crate::model::order;
use crate::planning::cover::fixing::reduced_cost_fixing;
use crate::planning::cover::instance::{Instance, beyond};
use crate::planning::cover::reduce::reduce_from;

/// The first target of [`Search::deepen`] lies this fraction of the way from the root's
/// bound to the incumbent's cost (at least one unit above the bound).
const DEEPEN_FIRST: f64 = 8.0;

impl Search<'_> {
    /// Reduced-cost fixing against targets between the root's bound and the incumbent,
    /// lowest first ([`Search::fix_and_split`]): each target `t` either proves the optimum
    /// (a cover below it, proven least among those satisfying the fixings) or proves that
    /// no cover costs less than `t`, which raises the bound to it, and the next target is
    /// twice as far from the bound. A target close to the bound fixes far more candidates
    /// than the incumbent does, so what is left falls apart into small parts. The last
    /// target is the incumbent's cost. Returns `false` when a target fixes nothing (the
    /// search is then left to the branch and bound, from the bound reached), `true` when
    /// the optimum is proven, the incumbent's round has run or the nodes are spent.
    pub(super) fn deepen(&mut self) -> bool {
        let inst = self.inst;
        let unit = inst.step(self.best_cost);
        let mut delta = unit.max((self.best_cost - self.lower) / DEEPEN_FIRST);
        let mut past = self.past_cutoff();
        while !self.proven && self.nodes < self.limit {
            if beyond(self.lower, self.cutoff) {
                return true;
            }
            let mut target = inst.round_up(self.lower + delta);
            if let Some(p) = past.filter(|&p| p < target && p > self.lower) {
                // A part searched under a cutoff is done once its bound passes it: no
                // target above the least one whose round takes it there.
                target = p;
                past = None;
            }
            if target >= self.best_cost - unit / 2.0 {
                return self.fix_and_split(self.best_cost);
            }
            if !self.fix_and_split(target) {
                // Nothing fixed against a lower target: nothing is against a higher one.
                return false;
            }
            delta *= 2.0;
        }
        true
    }

    /// In a part restricted by a target's fixing, the least target whose round, ruling out
    /// every cover below it, raises the bound past the cutoff: the next unit above it when
    /// costs have a unit. `None` elsewhere: a caller's own cutoff only stops the work
    /// ([`super::super::solve::exact_cover_within`] keeps the plans of no cutoff).
    pub(super) fn past_cutoff(&self) -> Option<f64> {
        let inst = self.inst;
        if self.role == Role::Whole || !self.cutoff.is_finite() {
            return None;
        }
        Some(match inst.unit {
            Some(q) => inst.round_up(self.cutoff + q / 2.0),
            None => self.cutoff + 4.0 * inst.step(self.cutoff),
        })
    }

    /// Reduced-cost fixing at the root's multipliers ([`reduced_cost_fixing`]) against
    /// `target` (at most the incumbent's cost), then what is left reduced, split into parts
    /// and each part searched ([`reduce_from`], which comes back here at each part's root),
    /// within the nodes left. Returns `false`, doing nothing, when nothing is fixed. Every
    /// cover cheaper than `target` satisfies the fixings, so the least cost is at least the
    /// lesser of `target` and the restricted instance's bound, and a cover of the
    /// restricted instance proven least there and cheaper than `target` is optimal. Each
    /// call fixes at least one free candidate, hands on parts of only free candidates and
    /// counts as a node, so the recursion ends within the node limit. O(n + q) for the
    /// fixing, plus the reductions and the parts' roots.
    fn fix_and_split(&mut self, target: f64) -> bool {
        let inst = self.inst;
        if self.nodes >= self.limit {
            return false;
        }
        // The bound at the current multipliers, with their reduced costs, on the part as
        // the root left it (an earlier round restricted the relaxation).
        let tight = self.tight;
        if !self.lagrange.prepare(tight, &self.state, &self.excluded) {
            return false;
        }
        let bound = self
            .lagrange
            .bound(tight, &self.state, self.best_cost, 1, 0.0);
        let (mut fixed_in, mut fixed_out) =
            reduced_cost_fixing(tight, &self.lagrange, bound, target, None);
        if let Some((kept, in_block)) = &self.kept {
            // Against the bound with kept rows, at the same multipliers: both fixings hold.
            let (more_in, more_out) =
                reduced_cost_fixing(tight, &self.lagrange, *kept, target, Some(in_block));
            fixed_in.extend(more_in);
            order::sort_unstable(&mut fixed_in);
            fixed_in.dedup();
            for (out, more) in fixed_out.iter_mut().zip(more_out) {
                *out |= more;
            }
        }
        if fixed_in.is_empty() && !fixed_out.contains(&true) {
            return false;
        }
        // A round of fixing counts as a node, so the rounds stay within the caller's limit.
        self.nodes += 1;
        let mut state = self.state.clone();
        for &j in &fixed_in {
            state.choose(inst, j, &mut self.scratch.buffer);
        }
        state.journal.clear();
        let conflict = (0..inst.len()).any(|j| state.chosen[j] && fixed_out[j]);
        let restricted = if conflict || !self.lagrange.prepare(tight, &state, &fixed_out) {
            // No cover satisfies every fixing: none is cheaper than the target.
            None
        } else {
            let cutoff = target - inst.step(target) / 2.0;
            let limit = self.limit.saturating_sub(self.nodes);
            let role = match self.role {
                Role::Refute => Role::Refute,
                Role::Whole | Role::Restricted => Role::Restricted,
            };
            let search =
                |part: &Instance, limit, cutoff| solve_part_as(part, limit, true, cutoff, role);
            reduce_from(inst, state, fixed_out, limit, cutoff, false, &search, None).ok()
        };
        // The least cost is at least `target` unless a cover satisfying the fixings is
        // cheaper, and at least the restricted bound then.
        let least = target - inst.step(target) / 2.0;
        let lower = match restricted {
            None => least,
            Some(solution) => {
                self.nodes += solution.nodes;
                self.offer(solution.chosen, solution.cost);
                if solution.proven && solution.cost < least {
                    // The least among the covers that could be cheaper than the target.
                    solution.cost
                } else {
                    solution.bound.min(least)
                }
            }
        };
        self.lower = self.lower.max(inst.round_up(lower)).min(self.best_cost);
        self.proven = self.beaten(self.lower);
        if self.proven {
            self.lower = self.best_cost;
        }
        true
    }
}
