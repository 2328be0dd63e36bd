//! A proven upper bound on the most value within hours from the linear relaxation with its
//! prerequisite rows, by the primal–dual method of [`super::pdhg`].
//!
//! The relaxation is
//!
//! ```text
//! max Σ v_e y_e  s.t.  y_e ≤ Σ_{j closes e} x_j,  Σ h_j x_j ≤ B,  x_j ≤ x_p (p a
//!                      prerequisite of j),  0 ≤ x, y ≤ 1.
//! ```
//!
//! For multipliers `μ_e ≥ 0` on the links and `w_jp ≥ 0` on the prerequisite rows, every
//! candidate gets the profit `π_j = Σ_{e ∈ j} μ_e − Σ_p w_jp + Σ_{k requires j} w_kj`, and
//!
//! ```text
//! Σ_e max(0, v_e − μ_e) + (the fractional knapsack of the profits π_j > 0, weights h_j,
//!                          capacity B)
//! ```
//!
//! bounds the relaxation, hence every plan, from above (weak duality, the budget's
//! multiplier chosen exactly by the knapsack). The knapsack bound of [`super::knapsack`] is
//! the case `w = 0`, which drops the prerequisite rows. The method's iterates are only ever
//! handed to this evaluation, so the bound holds whatever their accuracy.
//!
//! Extra rows `y_e ≤ Σ_{j ∈ r} x_j` that every plan satisfies (those of `cuts.rs`) may be
//! given as elements after the instance's own, each with the element it bounds: each gets
//! a multiplier `μ_r ≥ 0` of its own, paid to its candidates' profits and taken from its
//! element's term, `max(0, v_e − μ_e − Σ_{r of e} μ_r)`; the bound stays valid for the
//! same reason.

use super::instance::{EPS, Instance};
use super::knapsack::fractional_fill;
use super::pdhg::{EVERY, PATIENCE};

/// What [`budget_lp_bound`] finds: the bound, and the method's last primal iterate.
pub(crate) struct LpBound {
    /// An upper bound on the value of every plan within the budget.
    pub(crate) bound: f64,
    /// Each candidate's share in the relaxation's last primal iterate, in `[0, 1]`: a guide
    /// for rounding to a plan ([`super::budget`]), never part of the proof.
    pub(crate) x: Vec<f64>,
    /// At the multipliers of `bound`: the elements' term `Σ_e max(0, v_e − μ_e − …)` and
    /// each candidate's profit `π_j` (see the module's docs), `None` when no evaluation
    /// ran. The search's nodes bound their plans with them.
    pub(crate) priced: Option<(f64, Vec<f64>)>,
}

/// An upper bound on the value of a plan within `budget` hours, after at most
/// `iterations` steps of the primal–dual method; stops early once the bound is within
/// `target` (the value it must beat), or stops falling. The last `owner.len()` elements of
/// `inst` are extra rows (see the module's docs), row `k` bounding element `owner[k]`
/// (one of the others); their own values are ignored. Every plan of `inst` must satisfy
/// them for the bound to hold.
///
/// # Complexity
/// O(iterations · (z + q + n) + (iterations / 20) · n log n) time for z (candidate,
/// element) pairs, q prerequisite pairs and n candidates; O(n + m + q) memory.
// The names follow the method's notation (x, y, w, n, m).
#[allow(clippy::many_single_char_names)]
pub(crate) fn budget_lp_bound(
    inst: &Instance,
    owner: &[u32],
    budget: f64,
    target: f64,
    iterations: u32,
) -> LpBound {
    // Within the budget as plans are (`budget + EPS`, the room for decimal hours).
    let (budget, n, m) = (budget + EPS, inst.len(), inst.values.len());
    let rows = Rows::new(inst, owner);
    let valued = |e: u32| rows.valued(inst, e);
    let pairs: Vec<(u32, u32)> = (0..n as u32)
        .flat_map(|j| inst.prerequisites(j).iter().map(move |&p| (j, p)))
        .collect();
    // Preconditioning: each column's step the inverse of its absolute column sum, each
    // row's the inverse of its absolute row sum, scaled by the primal weight ‖v‖ / √rows.
    let mut column = vec![0.0f64; n];
    let mut link = vec![1.0f64; m];
    let y_column = rows.y_columns(m);
    for j in 0..n as u32 {
        let ju = j as usize;
        column[ju] += inst.hours(j);
        for &e in inst.covers(j) {
            if valued(e) {
                column[ju] += 1.0;
                link[e as usize] += 1.0;
            }
        }
    }
    for &(j, p) in &pairs {
        column[j as usize] += 1.0;
        column[p as usize] += 1.0;
    }
    let hours_sum: f64 = (0..n as u32).map(|j| inst.hours(j)).sum();
    let row_count = link.iter().filter(|&&l| l > 1.0).count() + pairs.len() + 1;
    let omega = primal_weight(&inst.values[..rows.own], row_count);
    let mut x = vec![0.0f64; n];
    let mut y = vec![0.0f64; m];
    let (mut next_x, mut next_y) = (vec![0.0f64; n], vec![0.0f64; m]);
    let mut mu = vec![0.0f64; m];
    let mut w = vec![0.0f64; pairs.len()];
    let mut lambda = 0.0f64;
    let mut pull = vec![0.0f64; n];
    let mut paid = vec![0.0f64; m];
    let mut items: Vec<(f64, f64, u32)> = Vec::new();
    let mut best = f64::INFINITY;
    let mut priced: Option<(f64, Vec<f64>)> = None;
    let mut idle = 0;
    for it in 1..=iterations {
        // What the rows pay each candidate at the current multipliers.
        profits(inst, &rows, &mu, &w, &pairs, &mut pull);
        for (j, p) in pull.iter_mut().enumerate() {
            *p -= lambda * inst.hours(j as u32);
        }
        for j in 0..n {
            next_x[j] = (x[j] + pull[j] / (omega * column[j].max(EPS))).clamp(0.0, 1.0);
        }
        rows.paid(&mu, &mut paid);
        for e in 0..rows.own {
            if valued(e as u32) {
                next_y[e] =
                    (y[e] + (inst.values[e] - paid[e]) / (omega * y_column[e])).clamp(0.0, 1.0);
            }
        }
        // Dual steps at the extrapolated point.
        let bar = |a: &[f64], b: &[f64], i: usize| 2.0 * a[i] - b[i];
        for e in 0..m as u32 {
            let eu = e as usize;
            if !valued(e) {
                continue;
            }
            let covered: f64 = inst
                .closers(e)
                .iter()
                .map(|&j| bar(&next_x, &x, j as usize))
                .sum();
            let slack = covered - bar(&next_y, &y, rows.of(e) as usize);
            mu[eu] = (mu[eu] - omega / link[eu] * slack).max(0.0);
        }
        let spent: f64 = (0..n)
            .map(|j| inst.hours(j as u32) * bar(&next_x, &x, j))
            .sum();
        lambda = (lambda + omega / hours_sum.max(EPS) * (spent - budget)).max(0.0);
        for (k, &(j, p)) in pairs.iter().enumerate() {
            let (j, p) = (j as usize, p as usize);
            let slack = bar(&next_x, &x, p) - bar(&next_x, &x, j);
            w[k] = (w[k] - omega / 2.0 * slack).max(0.0);
        }
        std::mem::swap(&mut x, &mut next_x);
        std::mem::swap(&mut y, &mut next_y);
        if it % EVERY == 0 || it == iterations {
            let (constant, value) = evaluate(
                inst, &rows, budget, &mu, &w, &pairs, &mut pull, &mut paid, &mut items,
            );
            if value < best - EPS * value.abs().max(1.0) {
                best = value;
                // `pull` holds the profits `evaluate` computed.
                keep(&mut priced, constant, &pull);
                idle = 0;
            } else {
                idle += 1;
            }
            if best <= target + EPS * target.abs().max(1.0) || idle >= PATIENCE {
                break;
            }
        }
    }
    LpBound {
        bound: best,
        x,
        priced,
    }
}

/// Keeps the elements' term and the profits of the best bound so far in `priced`.
fn keep(priced: &mut Option<(f64, Vec<f64>)>, constant: f64, profit: &[f64]) {
    match priced {
        Some((c, kept)) => {
            *c = constant;
            kept.copy_from_slice(profit);
        }
        None => *priced = Some((constant, profit.to_vec())),
    }
}

/// The primal weight ‖v‖ / √rows of the preconditioning, 1 when nothing has value.
fn primal_weight(values: &[f64], rows: usize) -> f64 {
    let norm = values.iter().map(|v| v * v).sum::<f64>().sqrt();
    if norm > 0.0 {
        norm / (rows as f64).sqrt()
    } else {
        1.0
    }
}

/// The extra rows of [`budget_lp_bound`]: elements `own..` of the instance, row `k`
/// bounding element `owner[k]`.
struct Rows<'a> {
    own: usize,
    owner: &'a [u32],
}

impl<'a> Rows<'a> {
    fn new(inst: &Instance, owner: &'a [u32]) -> Rows<'a> {
        Rows {
            own: inst.values.len() - owner.len(),
            owner,
        }
    }

    /// The element whose share row `e` bounds (`e` itself for the instance's own).
    fn of(&self, e: u32) -> u32 {
        match (e as usize).checked_sub(self.own) {
            Some(k) => self.owner[k],
            None => e,
        }
    }

    fn valued(&self, inst: &Instance, e: u32) -> bool {
        inst.values[self.of(e) as usize] > 0.0
    }

    /// Each `y_e`'s absolute column sum: its element's row and its extra rows.
    fn y_columns(&self, m: usize) -> Vec<f64> {
        let mut column = vec![1.0f64; m];
        for &e in self.owner {
            column[e as usize] += 1.0;
        }
        column
    }

    /// Each own element's multipliers in all, its row's and its extra rows'.
    fn paid(&self, mu: &[f64], paid: &mut [f64]) {
        paid[..self.own].copy_from_slice(&mu[..self.own]);
        for (k, &e) in self.owner.iter().enumerate() {
            paid[e as usize] += mu[self.own + k];
        }
    }
}

/// The bound of the module docs at multipliers `mu` and `w`, with its elements' term
/// first; leaves the candidates' profits in `profit`.
#[allow(clippy::too_many_arguments)]
fn evaluate(
    inst: &Instance,
    rows: &Rows,
    budget: f64,
    mu: &[f64],
    w: &[f64],
    pairs: &[(u32, u32)],
    profit: &mut [f64],
    paid: &mut [f64],
    items: &mut Vec<(f64, f64, u32)>,
) -> (f64, f64) {
    let mut bound = 0.0;
    rows.paid(mu, paid);
    for (e, &v) in inst.values[..rows.own].iter().enumerate() {
        if v > 0.0 {
            bound += (v - paid[e]).max(0.0);
        }
    }
    let constant = bound;
    profits(inst, rows, mu, w, pairs, profit);
    items.clear();
    for (j, &pj) in profit.iter().enumerate() {
        if pj > 0.0 {
            let h = inst.hours(j as u32);
            if h <= 0.0 {
                bound += pj;
            } else {
                items.push((pj, h, j as u32));
            }
        }
    }
    (constant, fractional_fill(items, budget, bound, |_, _| {}))
}

/// Each candidate's profit `π_j` at multipliers `mu` and `w` (see the module docs).
fn profits(
    inst: &Instance,
    rows: &Rows,
    mu: &[f64],
    w: &[f64],
    pairs: &[(u32, u32)],
    profit: &mut [f64],
) {
    for j in 0..inst.len() as u32 {
        profit[j as usize] = inst
            .covers(j)
            .iter()
            .filter(|&&e| rows.valued(inst, e))
            .map(|&e| mu[e as usize])
            .sum();
    }
    for (k, &(j, p)) in pairs.iter().enumerate() {
        profit[p as usize] += w[k];
        profit[j as usize] -= w[k];
    }
}
