//! Multipliers for the Lagrangian bound of [`super::lagrange`] from the linear relaxation
//! with its prerequisite rows, solved approximately by a first-order primal–dual method.
//!
//! The relaxation is
//!
//! ```text
//! min c·x  s.t.  Σ_{j closes e} x_j ≥ 1 (open e),  x_p − x_j ≥ 0 (p a prerequisite of j),
//!                0 ≤ x ≤ 1,
//! ```
//!
//! over the free candidates. Subgradient steps on the cover multipliers alone converge
//! slowly on instances of thousands of elements (on a department-sized instance they stall
//! 5–12% below this relaxation's optimum). The primal–dual hybrid gradient method
//! (Chambolle and Pock) with their diagonal preconditioning — each candidate's step the
//! inverse of how many rows it is in, each row's the inverse of its length, scaled by a
//! primal weight `ω = ‖c‖ / √rows` as in PDLP — reaches that optimum to a fraction of an
//! hour in a few hundred iterations there. Its iterates are never trusted as they are:
//! every few iterations the cover multipliers are handed to the Lagrangian, whose bound
//! holds for any non-negative multipliers (weak duality; the prerequisite multipliers are
//! set by its own push down the DAG), and the best is kept. The iteration count is fixed
//! by the caller and the stopping rule counts evaluations, so results are deterministic.

use super::instance::{EPS, Instance};
use super::lagrange::Lagrange;
use super::state::State;

/// Iterations between two evaluations of the Lagrangian bound.
pub(super) const EVERY: u32 = 20;

/// Evaluations without an improvement of the bound after which the method stops.
pub(super) const PATIENCE: u32 = 10;

/// Runs at most `iterations` steps of the primal–dual method on the relaxation of the
/// instance `lagrange` was prepared for (after [`Lagrange::prepare`]) and leaves in it the
/// best multipliers met, with their reduced costs and selection, if their bound exceeds
/// `floor` (a bound already known, whose multipliers are then kept); returns the best of
/// the bounds and `floor`, on the cost of completing `state` (its own cost included), and
/// the method's last primal iterate: each candidate's share in `[0, 1]` (zero for those
/// not free), a guide for rounding into a cover and never part of a bound. Stops early
/// once the bound reaches `upper` (the incumbent's cost) rounded up, or stops rising.
///
/// # Complexity
/// O(iterations · (z + q + n)) time for z (candidate, open element) pairs, q prerequisite
/// pairs and n candidates; O(n + m + q) memory.
// The names follow the method's notation (x, y, w, n, m).
#[allow(clippy::many_single_char_names)]
pub(crate) fn lp_solve(
    inst: &Instance,
    lagrange: &mut Lagrange,
    state: &State,
    upper: f64,
    floor: f64,
    iterations: u32,
) -> (f64, Vec<f64>) {
    let n = inst.len();
    let m = inst.values.len();
    let is_free = lagrange.free.clone();
    let free = |j: u32| is_free[j as usize];
    // Prerequisite rows between free candidates; a chosen prerequisite is x_p = 1 and its
    // row always holds.
    let pairs = free_pairs(inst, &is_free);
    let mut rows_of = vec![0.0f64; n];
    let mut length = vec![0.0f64; m];
    for &e in &lagrange.open {
        for &j in inst.closers(e) {
            if free(j) {
                rows_of[j as usize] += 1.0;
                length[e as usize] += 1.0;
            }
        }
    }
    for &(j, p) in &pairs {
        rows_of[j as usize] += 1.0;
        rows_of[p as usize] += 1.0;
    }
    let cost_norm: f64 = (0..n as u32)
        .filter(|&j| free(j))
        .map(|j| inst.cost(j) * inst.cost(j))
        .sum::<f64>()
        .sqrt();
    let rows = (lagrange.open.len() + pairs.len()).max(1) as f64;
    let omega = if cost_norm > 0.0 {
        cost_norm / rows.sqrt()
    } else {
        1.0
    };
    let tau: Vec<f64> = rows_of
        .iter()
        .map(|&r| 1.0 / (omega * r.max(1.0)))
        .collect();
    let mut x = vec![0.0f64; n];
    let mut next = vec![0.0f64; n];
    let mut y = vec![0.0f64; m];
    let mut w = vec![0.0f64; pairs.len()];
    let mut pull = vec![0.0f64; n];
    let mut best = floor;
    let mut idle = 0;
    for it in 1..=iterations {
        // pull = Kᵀ(y, w): what the rows pay each candidate.
        pull.fill(0.0);
        for &e in &lagrange.open {
            let ye = y[e as usize];
            if ye != 0.0 {
                for &j in inst.closers(e) {
                    pull[j as usize] += ye;
                }
            }
        }
        for (k, &(j, p)) in pairs.iter().enumerate() {
            pull[p as usize] += w[k];
            pull[j as usize] -= w[k];
        }
        for j in 0..n as u32 {
            let ju = j as usize;
            if free(j) {
                next[ju] = (x[ju] - tau[ju] * (inst.cost(j) - pull[ju])).clamp(0.0, 1.0);
            }
        }
        // Dual steps at the extrapolated point 2·next − x.
        for &e in &lagrange.open {
            let covered: f64 = inst
                .closers(e)
                .iter()
                .filter(|&&j| free(j))
                .map(|&j| 2.0 * next[j as usize] - x[j as usize])
                .sum();
            let sigma = omega / length[e as usize].max(1.0);
            let ye = &mut y[e as usize];
            *ye = (*ye + sigma * (1.0 - covered)).max(0.0);
        }
        for (k, &(j, p)) in pairs.iter().enumerate() {
            let (j, p) = (j as usize, p as usize);
            let slack = (2.0 * next[p] - x[p]) - (2.0 * next[j] - x[j]);
            w[k] = (w[k] - omega / 2.0 * slack).max(0.0);
        }
        std::mem::swap(&mut x, &mut next);
        if it % EVERY == 0 || it == iterations {
            let value = lagrange.consider(inst, state.cost, &y, best);
            if value > best + EPS * value.abs().max(1.0) {
                best = value;
                idle = 0;
            } else {
                idle += 1;
            }
            if inst.reaches(best, upper) || idle >= PATIENCE {
                break;
            }
        }
    }
    lagrange.keep_best();
    (best, x)
}

/// The prerequisite pairs `(j, p)` between free candidates.
fn free_pairs(inst: &Instance, free: &[bool]) -> Vec<(u32, u32)> {
    (0..inst.len() as u32)
        .filter(|&j| free[j as usize])
        .flat_map(|j| {
            inst.prerequisites(j)
                .iter()
                .filter(|&&p| free[p as usize])
                .map(move |&p| (j, p))
        })
        .collect()
}
