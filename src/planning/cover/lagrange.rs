//! Proven lower bounds on the least cost of completing a partial cover.
//!
//! The linear relaxation of the least-cost cover with prerequisites is
//!
//! ```text
//! min Σ c_j x_j   s.t.  Σ_{j closes e} x_j ≥ 1 for every open element e,
//!                       x_j ≤ x_p for every prerequisite p of j,   0 ≤ x ≤ 1.
//! ```
//!
//! Relaxing the cover rows with multipliers `u_e ≥ 0` and the prerequisite rows with
//! multipliers `w_jp ≥ 0` leaves a separable problem: with reduced costs
//! `r_j = c_j − Σ_{e ∈ j} u_e + Σ_p w_jp − Σ_{k requires j} w_kj`, every `u, w ≥ 0` gives the
//! lower bound `Σ_e u_e + Σ_j min(0, r_j)` (weak duality). For a given `u`, the `w` are set
//! by one pass down the prerequisite DAG, dependants first: a candidate whose reduced cost
//! is negative hands that amount to its prerequisites, which absorb it up to their own
//! positive reduced cost and hand the rest on. Pushing never lowers the bound, and a chain
//! whose last course alone closes an element gets the whole chain's cost as its bound. The
//! `u` are improved by subgradient steps (Held and Karp; Beasley's schedule for set cover);
//! the number of steps is fixed, so bounds are deterministic.
//!
//! With the reduced costs of the best multipliers, any cover containing `j` costs at least
//! `bound + max(0, r_j)`: candidates above the incumbent by that test are fixed out
//! (reduced-cost fixing).

use super::instance::{EPS, Instance};
use super::state::State;
use crate::model::order;

/// Multipliers and buffers of the Lagrangian bound, reused from node to node.
#[derive(Clone)]
pub(crate) struct Lagrange {
    /// Multiplier per element.
    pub(crate) u: Vec<f64>,
    /// Reduced cost per candidate at the best multipliers (after pushing).
    pub(crate) reduced: Vec<f64>,
    /// Candidates the relaxation takes at the best multipliers.
    pub(crate) selected: Vec<bool>,
    /// Candidates that are neither chosen nor excluded (nor require an excluded one).
    pub(crate) free: Vec<bool>,
    /// Elements still to close.
    pub(crate) open: Vec<u32>,
    r: Vec<f64>,
    received: Vec<f64>,
    sel: Vec<bool>,
    best_u: Vec<f64>,
    g: Vec<f64>,
    is_open: Vec<bool>,
    /// Whether [`Lagrange::consider`] kept multipliers not yet made current.
    kept: bool,
    /// [`Lagrange::bound`]'s free candidates and, row by row, the open elements each
    /// closes: built once per call, as neither changes during its steps.
    free_list: Vec<u32>,
    open_start: Vec<u32>,
    open_covers: Vec<u32>,
}

impl Lagrange {
    pub(crate) fn new(inst: &Instance) -> Lagrange {
        let n = inst.len();
        let m = inst.values.len();
        Lagrange {
            u: vec![0.0; m],
            reduced: vec![0.0; n],
            selected: vec![false; n],
            free: vec![false; n],
            open: Vec::new(),
            r: vec![0.0; n],
            received: vec![0.0; n],
            sel: vec![false; n],
            best_u: vec![0.0; m],
            g: vec![0.0; m],
            is_open: vec![false; m],
            kept: false,
            free_list: Vec::new(),
            open_start: Vec::new(),
            open_covers: Vec::new(),
        }
    }

    /// Marks the free candidates (not chosen, not excluded, requiring nothing excluded) and
    /// lists the open elements; `false` if an open element has no free candidate. `inst`
    /// may have more elements than `state`'s instance (the rows of `cuts.rs` after them):
    /// such an element is open when none of its closers is chosen.
    pub(crate) fn prepare(&mut self, inst: &Instance, state: &State, excluded: &[bool]) -> bool {
        for &j in &inst.topo {
            let j = j as usize;
            self.free[j] = !state.chosen[j]
                && !excluded[j]
                && inst
                    .prerequisites(j as u32)
                    .iter()
                    .all(|&p| state.chosen[p as usize] || self.free[p as usize]);
        }
        self.open.clear();
        for e in 0..inst.values.len() as u32 {
            let open = match state.cover_count.get(e as usize) {
                Some(&count) => count == 0,
                None => !inst.closers(e).iter().any(|&j| state.chosen[j as usize]),
            } && inst.coverable(e);
            self.is_open[e as usize] = open;
            if open {
                if !inst.closers(e).iter().any(|&j| self.free[j as usize]) {
                    return false;
                }
                self.open.push(e);
            }
        }
        true
    }

    /// Starting multipliers: each open element's cheapest cost per element among the free
    /// candidates closing it.
    pub(crate) fn initialise(&mut self, inst: &Instance) {
        for &e in &self.open {
            let mut best = f64::INFINITY;
            for &j in inst.closers(e) {
                if self.free[j as usize] {
                    let n = inst
                        .covers(j)
                        .iter()
                        .filter(|&&f| self.is_open[f as usize])
                        .count()
                        .max(1);
                    best = best.min(inst.cost(j) / n as f64);
                }
            }
            self.u[e as usize] = if best.is_finite() { best } else { 0.0 };
        }
    }

    /// The bound at the current multipliers; fills `sel` and the pushed reduced costs in `r`.
    fn evaluate(&mut self, inst: &Instance, fixed_cost: f64) -> f64 {
        for (j, r) in self.r.iter_mut().enumerate() {
            if self.free[j] {
                let mut v = inst.cost(j as u32);
                for &e in inst.covers(j as u32) {
                    if self.is_open[e as usize] {
                        v -= self.u[e as usize];
                    }
                }
                *r = v;
            }
        }
        self.push_down(inst, fixed_cost)
    }

    /// Lists the free candidates and the open elements each closes, for
    /// [`Lagrange::evaluate_listed`].
    fn list_open_covers(&mut self, inst: &Instance) {
        self.free_list.clear();
        self.open_start.clear();
        self.open_covers.clear();
        self.open_start.push(0);
        for j in 0..inst.len() as u32 {
            if self.free[j as usize] {
                self.free_list.push(j);
                self.open_covers
                    .extend(inst.covers(j).iter().filter(|&&e| self.is_open[e as usize]));
                self.open_start.push(self.open_covers.len() as u32);
            }
        }
    }

    /// [`Lagrange::evaluate`] from the lists of [`Lagrange::list_open_covers`]: the same
    /// reduced costs, subtracted in the same order, so the same bound to the bit.
    fn evaluate_listed(&mut self, inst: &Instance, fixed_cost: f64) -> f64 {
        for (i, &j) in self.free_list.iter().enumerate() {
            let row =
                &self.open_covers[self.open_start[i] as usize..self.open_start[i + 1] as usize];
            let mut v = inst.cost(j);
            for &e in row {
                v -= self.u[e as usize];
            }
            self.r[j as usize] = v;
        }
        self.push_down(inst, fixed_cost)
    }

    /// The rest of [`Lagrange::evaluate`] once the free candidates' reduced costs are in
    /// `r`: the negative ones pushed down the prerequisite DAG, and the bound.
    fn push_down(&mut self, inst: &Instance, fixed_cost: f64) -> f64 {
        self.received.fill(0.0);
        let mut negative = 0.0;
        for &j in inst.topo.iter().rev() {
            let ju = j as usize;
            if !self.free[ju] {
                continue;
            }
            let t = self.r[ju] + self.received[ju];
            self.sel[ju] = t < 0.0 || self.received[ju] < 0.0;
            if t >= 0.0 {
                self.r[ju] = t;
                continue;
            }
            let mut rest = -t;
            let mut first = None;
            for &p in inst.prerequisites(j) {
                let pu = p as usize;
                if !self.free[pu] {
                    continue;
                }
                first.get_or_insert(pu);
                let room = self.r[pu] + self.received[pu];
                if room > 0.0 {
                    let give = rest.min(room);
                    self.received[pu] -= give;
                    rest -= give;
                }
            }
            if let Some(p) = first {
                self.received[p] -= rest;
                rest = 0.0;
            }
            self.r[ju] = -rest;
            negative -= rest;
        }
        let sum_u: f64 = self.open.iter().map(|&e| self.u[e as usize]).sum();
        fixed_cost + sum_u + negative
    }

    /// The free candidates the relaxation takes, smallest reduced cost first (then smaller
    /// index), for a repair into a cover: those [`Lagrange::bound`] and the other bounds
    /// kept, or with `on`, those the relaxation of `on` takes at the current multipliers.
    ///
    /// `on` is for multipliers found on a tighter instance of the same candidates, elements
    /// and plans (a part without the closings prerequisites already make, `implied.rs`).
    /// There a candidate requiring a closer of an element is not credited with it, so at
    /// the same multipliers the relaxation leaves it out where `on`, crediting every
    /// element a candidate's plans close, takes it; a repair from that choice starts
    /// nearer a cover. Only the buffers of [`Lagrange::evaluate`] change: the kept
    /// multipliers, reduced costs and selection the bounds and fixings read stay as they
    /// were.
    ///
    /// # Complexity
    /// O(n log n + z + q) for n candidates, z (candidate, element) pairs and q
    /// prerequisite pairs.
    pub(crate) fn taken(&mut self, on: Option<&Instance>) -> Vec<u32> {
        let (selected, reduced) = match on {
            Some(inst) => {
                self.evaluate(inst, 0.0);
                (&self.sel, &self.r)
            }
            None => (&self.selected, &self.reduced),
        };
        let mut picks: Vec<u32> = (0..self.free.len() as u32)
            .filter(|&j| self.free[j as usize] && selected[j as usize])
            .collect();
        order::sort_by(&mut picks, |&a, &b| {
            reduced[a as usize]
                .total_cmp(&reduced[b as usize])
                .then(a.cmp(&b))
        });
        picks
    }

    /// Evaluates the bound at the cover multipliers `u` (on the cost of completing a state
    /// costing `fixed_cost`); when it exceeds `best`, keeps `u` with the reduced costs and
    /// selection it gives, for [`Lagrange::keep_best`]. Returns the bound.
    pub(crate) fn consider(
        &mut self,
        inst: &Instance,
        fixed_cost: f64,
        u: &[f64],
        best: f64,
    ) -> f64 {
        let current = std::mem::replace(&mut self.u, u.to_vec());
        let value = self.evaluate(inst, fixed_cost);
        self.u = current;
        if value > best {
            self.best_u.copy_from_slice(u);
            self.reduced.copy_from_slice(&self.r);
            self.selected.copy_from_slice(&self.sel);
            self.kept = true;
        }
        value
    }

    /// Makes the multipliers last kept by [`Lagrange::consider`], if any since the last
    /// call, the current ones.
    pub(crate) fn keep_best(&mut self) {
        if std::mem::take(&mut self.kept) {
            self.u.copy_from_slice(&self.best_u);
        }
    }

    /// Improves the multipliers for `iterations` subgradient steps and returns the best
    /// bound met, on the cost of completing `state` (its own cost included). `upper` is the
    /// incumbent's cost (infinite if none): the steps aim at it, and stop once the bound
    /// reaches it. Call [`Lagrange::prepare`] first.
    pub(crate) fn bound(
        &mut self,
        inst: &Instance,
        state: &State,
        upper: f64,
        iterations: u32,
        mut theta: f64,
    ) -> f64 {
        if self.open.is_empty() {
            for (j, r) in self.reduced.iter_mut().enumerate() {
                *r = if self.free[j] {
                    inst.cost(j as u32)
                } else {
                    0.0
                };
            }
            self.selected.fill(false);
            return state.cost;
        }
        let mut best = f64::NEG_INFINITY;
        let mut since_better = 0;
        self.list_open_covers(inst);
        for _ in 0..iterations.max(1) {
            let value = self.evaluate_listed(inst, state.cost);
            if value > best + EPS * value.abs().max(1.0) {
                best = value;
                since_better = 0;
                self.best_u.copy_from_slice(&self.u);
                self.reduced.copy_from_slice(&self.r);
                self.selected.copy_from_slice(&self.sel);
            } else {
                since_better += 1;
                if since_better >= 10 {
                    theta /= 2.0;
                    since_better = 0;
                }
            }
            if inst.reaches(value, upper) || theta < 1e-4 {
                break;
            }
            // Subgradient of the cover rows: 1 − how many selected candidates close e.
            let mut norm = 0.0;
            for &e in &self.open {
                let covered = inst
                    .closers(e)
                    .iter()
                    .filter(|&&j| self.free[j as usize] && self.sel[j as usize])
                    .count();
                let g = 1.0 - covered as f64;
                self.g[e as usize] = g;
                norm += g * g;
            }
            if norm == 0.0 {
                break;
            }
            let target = if upper.is_finite() {
                upper
            } else {
                value.abs().max(1.0) * 1.1
            };
            let step = theta * (target - value).max(EPS) / norm;
            for &e in &self.open {
                let u = &mut self.u[e as usize];
                *u = (*u + step * self.g[e as usize]).max(0.0);
            }
        }
        self.u.copy_from_slice(&self.best_u);
        best
    }
}
