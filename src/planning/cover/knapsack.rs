//! A proven upper bound on the value a budgeted plan can add: Lagrangian relaxation of the
//! link between elements and the candidates closing them.
//!
//! The linear relaxation of the budgeted problem is
//!
//! ```text
//! max Σ v_e y_e  s.t.  y_e ≤ Σ_{j closes e} x_j,  y_e ≤ 1,  Σ h_j x_j ≤ B,  0 ≤ x ≤ 1,
//! ```
//!
//! with the prerequisite rows `x_j ≤ x_p` dropped (which only loosens it). Relaxing the
//! link rows with multipliers `μ_e ≥ 0` splits it: the elements give
//! `Σ_e max(0, v_e − μ_e)` and the candidates a fractional knapsack with profits
//! `Σ_{e ∈ j} μ_e` and weights `h_j`, solved exactly by ratio order. Every `μ ≥ 0` gives an
//! upper bound (weak duality); subgradient steps improve it, a fixed number of them, so
//! bounds are deterministic.

use super::instance::EPS;
use super::instance::Instance;
use super::state::State;
use crate::model::order;

/// Multipliers and buffers, reused from node to node.
pub(crate) struct Knapsack {
    mu: Vec<f64>,
    best_mu: Vec<f64>,
    x: Vec<f64>,
    g: Vec<f64>,
    items: Vec<(f64, f64, u32)>,
    open: Vec<u32>,
    started: bool,
}

impl Knapsack {
    pub(crate) fn new(inst: &Instance) -> Knapsack {
        Knapsack {
            mu: inst.values.clone(),
            best_mu: inst.values.clone(),
            x: vec![0.0; inst.len()],
            g: vec![0.0; inst.values.len()],
            items: Vec::new(),
            open: Vec::new(),
            started: false,
        }
    }

    /// The bound at the current multipliers, filling `x`.
    fn evaluate(&mut self, inst: &Instance, free: &impl Fn(u32) -> bool, room: f64) -> f64 {
        let mut bound = 0.0;
        for &e in &self.open {
            bound += (inst.values[e as usize] - self.mu[e as usize]).max(0.0);
        }
        self.items.clear();
        for j in 0..inst.len() as u32 {
            self.x[j as usize] = 0.0;
            if !free(j) {
                continue;
            }
            let profit: f64 = inst
                .covers(j)
                .iter()
                .filter(|&&e| self.g[e as usize].is_finite())
                .map(|&e| self.mu[e as usize])
                .sum();
            if profit > 0.0 {
                self.items.push((profit, inst.hours(j), j));
            }
        }
        let x = &mut self.x;
        fractional_fill(&mut self.items, room, bound, |j, take| x[j as usize] = take)
    }

    /// An upper bound on the value a plan extending `state` within `budget` hours can add,
    /// using only candidates passing `free`, after `iterations` subgradient steps aimed at
    /// `target` (the value the extension must beat).
    pub(crate) fn bound(
        &mut self,
        inst: &Instance,
        state: &State,
        free: impl Fn(u32) -> bool,
        budget: f64,
        target: f64,
        iterations: u32,
    ) -> f64 {
        // Within the budget as plans are (`budget + EPS`, the room for decimal hours).
        let room = budget + EPS - state.hours();
        // Elements worth something and not closed; `g` marks the others as NaN so that
        // candidate profits skip them.
        self.open.clear();
        for e in 0..inst.values.len() {
            if state.cover_count[e] == 0 && inst.values[e] > 0.0 {
                self.open.push(e as u32);
                self.g[e] = 0.0;
            } else {
                self.g[e] = f64::NAN;
            }
        }
        if !self.started {
            self.started = true;
            self.mu.copy_from_slice(&inst.values);
        }
        let mut best = f64::INFINITY;
        let mut theta = 1.0;
        let mut since_better = 0;
        for _ in 0..iterations.max(1) {
            let value = self.evaluate(inst, &free, room);
            if value < best - EPS * value.abs().max(1.0) {
                best = value;
                since_better = 0;
                self.best_mu.copy_from_slice(&self.mu);
            } else {
                since_better += 1;
                if since_better >= 8 {
                    theta /= 2.0;
                    since_better = 0;
                }
            }
            if value <= target + EPS * target.abs().max(1.0) || theta < 1e-3 {
                break;
            }
            let mut norm = 0.0;
            for &e in &self.open {
                let eu = e as usize;
                let covered: f64 = inst.closers(e).iter().map(|&j| self.x[j as usize]).sum();
                let taken = if inst.values[eu] > self.mu[eu] {
                    1.0
                } else {
                    0.0
                };
                let g = covered - taken;
                self.g[eu] = g;
                norm += g * g;
            }
            if norm == 0.0 {
                break;
            }
            let step = theta * (value - target).max(EPS) / norm;
            for &e in &self.open {
                let eu = e as usize;
                self.mu[eu] = (self.mu[eu] - step * self.g[eu]).clamp(0.0, inst.values[eu]);
            }
        }
        self.mu.copy_from_slice(&self.best_mu);
        best
    }
}

/// The fractional knapsack of `items` (profit, hours, candidate) within `room` hours: the
/// best profit per hour first (ties by candidate), each taken whole while it fits and the
/// first that does not in part; `take(j, fraction)` hears of each one taken. Returns
/// `start` plus the profit taken, added in that order.
///
/// # Complexity
/// O(k log k) for k items.
pub(super) fn fractional_fill(
    items: &mut [(f64, f64, u32)],
    room: f64,
    start: f64,
    mut take: impl FnMut(u32, f64),
) -> f64 {
    order::sort_by(items, |a, b| {
        (b.0 / b.1).total_cmp(&(a.0 / a.1)).then(a.2.cmp(&b.2))
    });
    let mut left = room.max(0.0);
    let mut profit = start;
    for &(p, hours, j) in items.iter() {
        if left <= 0.0 {
            break;
        }
        let fraction = (left / hours).min(1.0);
        take(j, fraction);
        profit += p * fraction;
        left -= hours * fraction;
    }
    profit
}
