//! The budgeted search's bound at its nodes from the relaxation with prerequisite rows, at
//! the multipliers the root found, and the candidates those multipliers fix at the root.
//!
//! At multipliers `μ`, `w` (see [`super::super::budget_lp`]) every plan `x` within the
//! budget `B` is worth at most
//!
//! ```text
//! C + Σ_j π_j x_j,   C = Σ_e max(0, v_e − μ_e − Σ_{r of e} μ_r),
//! ```
//!
//! with `π_j` each candidate's profit. At a search node some candidates are chosen (`x_j =
//! 1`) and some excluded (`x_j = 0`); the most `C + Σ_j π_j x_j` can reach over the other
//! candidates in `[0, 1]` within the hours left is `C`, plus the chosen candidates'
//! profits, plus a fractional knapsack of the free ones of positive profit: an upper bound
//! on every plan below the node, by weak duality with the node's choices kept as
//! constraints. Where the density bound of [`super::super::density`] sees each open
//! element on its own, this one sees the prerequisite rows and the rows shared
//! prerequisites imply, which is what separates the department-sized plans from their
//! optimum.

use super::super::instance::{EPS, Instance};
use super::super::state::State;
use crate::model::order;

/// The root's multipliers as profits, with the free candidates of positive profit in
/// knapsack order.
pub(super) struct Priced {
    /// `C` of the module's docs.
    constant: f64,
    /// `π_j` of every candidate.
    profit: Vec<f64>,
    /// The candidates of positive profit, those of no hours first, then by profit per hour,
    /// highest first (ties by index).
    order: Vec<u32>,
}

impl Priced {
    /// The bound's terms at the multipliers whose `constant` and `profit` (one a
    /// candidate of `inst`) [`budget_lp_bound`](super::super::budget_lp::budget_lp_bound)
    /// evaluated; `None` when the lengths disagree or a term is not finite.
    ///
    /// # Complexity
    /// O(n log n) for n candidates.
    pub(super) fn new(inst: &Instance, constant: f64, profit: Vec<f64>) -> Option<Priced> {
        if profit.len() != inst.len()
            || !constant.is_finite()
            || profit.iter().any(|p| !p.is_finite())
        {
            return None;
        }
        let mut order: Vec<u32> = (0..inst.len() as u32)
            .filter(|&j| profit[j as usize] > 0.0)
            .collect();
        let ratio = |j: u32| {
            let h = inst.hours(j);
            if h > 0.0 {
                profit[j as usize] / h
            } else {
                f64::INFINITY
            }
        };
        order::sort_by(&mut order, |&a, &b| {
            ratio(b).total_cmp(&ratio(a)).then(a.cmp(&b))
        });
        Some(Priced {
            constant,
            profit,
            order,
        })
    }

    /// The bound on every plan extending `state` within `budget` hours that takes no
    /// candidate `out` marks (the module's docs).
    ///
    /// # Complexity
    /// O(n) for n candidates.
    pub(super) fn bound(
        &self,
        inst: &Instance,
        state: &State,
        out: impl Fn(u32) -> bool,
        budget: f64,
    ) -> f64 {
        let mut bound = self.constant;
        for (j, &on) in state.chosen.iter().enumerate() {
            if on {
                bound += self.profit[j];
            }
        }
        // Within the budget as plans are (`budget + EPS`, the room for decimal hours).
        let mut left = (budget + EPS - state.hours()).max(0.0);
        for &j in &self.order {
            if state.chosen[j as usize] || out(j) {
                continue;
            }
            let (p, h) = (self.profit[j as usize], inst.hours(j));
            if h <= 0.0 {
                bound += p;
                continue;
            }
            if left <= 0.0 {
                break;
            }
            let fraction = (left / h).min(1.0);
            bound += p * fraction;
            left -= h * fraction;
        }
        bound
    }

    /// The candidates every plan worth at least `at_least` within `budget` hours holds
    /// (`ins`) and those none holds (`outs`), by the reduced profits at the knapsack's
    /// multiplier `λ` of the root: with `L = C + λ·B + Σ_j max(0, π_j − λ·h_j)`, a plan
    /// without `j` is worth at most `L − (π_j − λ·h_j)` and one with `j` at most
    /// `L + (π_j − λ·h_j)`, and `rounded` (the search's rounding of a bound) of that
    /// falling below `at_least` fixes `j`. `None` when `rounded(L)` is below `at_least`:
    /// then no plan within `budget` hours is worth `at_least`.
    ///
    /// # Complexity
    /// O(n) for n candidates.
    pub(super) fn fixings(
        &self,
        inst: &Instance,
        budget: f64,
        at_least: f64,
        rounded: impl Fn(f64) -> f64,
    ) -> Option<(Vec<u32>, Vec<u32>)> {
        // The knapsack's multiplier: the profit per hour of the item it splits, or 0 when
        // everything of positive profit fits.
        let budget = budget + EPS;
        let mut left = budget.max(0.0);
        let mut lambda = 0.0;
        for &j in &self.order {
            let h = inst.hours(j);
            if h <= 0.0 {
                continue;
            }
            if h > left {
                lambda = self.profit[j as usize] / h;
                break;
            }
            left -= h;
        }
        let reduced = |j: u32| self.profit[j as usize] - lambda * inst.hours(j);
        let whole: f64 = self.constant
            + lambda * budget.max(0.0)
            + (0..inst.len() as u32)
                .map(|j| reduced(j).max(0.0))
                .sum::<f64>();
        if rounded(whole) < at_least {
            return None;
        }
        let (mut ins, mut outs) = (Vec::new(), Vec::new());
        for j in 0..inst.len() as u32 {
            let r = reduced(j);
            if r.abs() <= EPS {
                continue;
            }
            if rounded(whole - r.abs()) < at_least {
                if r > 0.0 { ins.push(j) } else { outs.push(j) }
            }
        }
        Some((ins, outs))
    }
}
