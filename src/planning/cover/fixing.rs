//! Reduced-cost fixing at the root of a part: candidates every cover cheaper than the
//! incumbent must hold, or must avoid, by the Lagrangian bound of [`super::lagrange`].
//!
//! At multipliers `u, w ≥ 0` the relaxation with every row relaxed is separable: its value
//! is `L = Σ_e u_e + Σ_j min(0, r_j)` over the pushed reduced costs `r` of the free
//! candidates. Adding `x_j = 0` to the relaxation raises its minimum by `max(0, −r_j)`,
//! and adding `x_k = 1` for `j` and every free candidate it requires raises it by the sum of
//! `max(0, r_k)` over them, at least the largest such sum along one prerequisite path
//! (computed in one pass in prerequisite order). Each is a lower bound on the covers that
//! avoid `j`, or hold it (weak duality for the problem with that constraint added), so
//! when it reaches the incumbent's cost (rounded up to the costs' unit) no cheaper cover
//! avoids, or holds, `j`. Fixing every such candidate at once keeps every cover cheaper
//! than the incumbent: each one satisfies all the fixings.

use super::instance::Instance;
use super::lagrange::Lagrange;

/// The same holds for the bound with kept rows of [`super::blocks`] and the candidates in
/// none of its blocks (`in_block` false): that relaxation is separable between each such
/// candidate and the blocks, and a block's minimum with some of its candidates held is no
/// less than without, so the candidates of blocks count zero along a path.
///
/// The candidates to fix: `fixed_in` (ascending) are held by every cover cheaper than
/// `incumbent`, `fixed_out[j]` marks those no such cover holds, closed under dependants (a
/// candidate requiring one fixed out is fixed out). `bound` must be the Lagrangian bound at
/// the multipliers whose pushed reduced costs `lagrange.reduced` holds, on the same state,
/// or the bound with kept rows at them with its blocks' candidates marked in `in_block`;
/// only free candidates are fixed.
///
/// # Complexity
/// O(n + q) for n candidates and q prerequisite pairs.
pub(super) fn reduced_cost_fixing(
    inst: &Instance,
    lagrange: &Lagrange,
    bound: f64,
    incumbent: f64,
    in_block: Option<&[bool]>,
) -> (Vec<u32>, Vec<bool>) {
    let n = inst.len();
    let beaten = |b: f64| inst.reaches(b, incumbent);
    let free = |j: usize| lagrange.free[j];
    let blocked = |j: usize| in_block.is_some_and(|b| b[j]);
    let reduced: Vec<f64> = (0..n)
        .map(|j| if blocked(j) { 0.0 } else { lagrange.reduced[j] })
        .collect();
    let mut fixed_in = Vec::new();
    for j in (0..n).filter(|&j| free(j)) {
        if reduced[j] < 0.0 && beaten(bound - reduced[j]) {
            fixed_in.push(j as u32);
        }
    }
    // Largest sum of positive reduced costs along a prerequisite path ending at j.
    let mut path = vec![0.0_f64; n];
    let mut fixed_out = vec![false; n];
    for &j in inst.topo() {
        let ju = j as usize;
        if !free(ju) {
            continue;
        }
        let mut above = 0.0_f64;
        let mut blocked = false;
        for &p in inst.prerequisites(j) {
            if free(p as usize) {
                above = above.max(path[p as usize]);
                blocked |= fixed_out[p as usize];
            }
        }
        path[ju] = reduced[ju].max(0.0) + above;
        fixed_out[ju] = blocked || beaten(bound + path[ju]);
    }
    (fixed_in, fixed_out)
}
