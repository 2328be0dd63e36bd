//! Branch and bound on the linear relaxation re-solved at every node, for the plans the
//! combinatorial searches of `exact.rs` and `budget/search.rs` leave unproven.
//!
//! The relaxation is the one whose multipliers those searches use (the prerequisite rows
//! `x_j ≤ x_p`, the instance read without the closings prerequisites already make and with
//! the rows shared prerequisites imply: `implied.rs`, `cuts.rs`), here solved by the
//! bounded dual simplex of the `microlp` crate. A node fixes some candidates in or out; its
//! relaxation is solved again from its parent's basis (a few dual simplex pivots, where
//! the primal–dual method of `pdhg.rs` starts over). The node's bound is the relaxation's
//! value rounded to the costs' or the values' unit; a node is pruned once that bound
//! cannot beat the incumbent, and otherwise branches on its candidate whose share is
//! nearest one half, the branch taking it first (depth first). A relaxation with every
//! share whole is a plan, checked and valued by the instance itself before it replaces the
//! incumbent. On `bench_plans`' department-sized `current` instances this proves the cover
//! the combinatorial search leaves open and the most value of two of the three budgets; the
//! third runs to its node limit (`BENCHMARKS.md`, "Exact modes: branch and bound on the
//! relaxation re-solved by a dual simplex").
//!
//! The bounds are the simplex's values, accurate to its tolerances (about 10⁻⁹ relative):
//! each is widened by 10⁻⁶ of its size before the rounding, so a bound is never tighter
//! than the exact relaxation's unless the solver is off by a thousand times its own
//! tolerance. Any failure of the solver other than a proof that a node has no plan ends
//! the search unproven, with its plan and bound left as they were.
//!
//! A user's numbers must not make the solver's answers wrong nor stop the program. The
//! solver asks for the coefficients of a row, and of a column across rows, to span at most
//! six orders of magnitude; beyond, its solves may fail or stop at a point far from the
//! relaxation's optimum, which would be a wrong bound. So an instance whose costs, hours
//! or (for budgets) values span more than [`SPAN`] is not searched here: it keeps the
//! combinatorial search's plan and label. And a panic inside the solver (its docs promise
//! none for the problems built here) is caught: the search ends, the plan and bound left
//! as they were (the panic's message is still written by the process's panic hook).
//!
//! Native only, behind the `lp` feature (off by default): the solver adds about 230 KB
//! gzipped to a WebAssembly module, more than the JavaScript package's whole size target.
//! Without it the searches' plans and bounds are those of the combinatorial searches alone.

use super::cuts::{with_owned_rows, with_shared_prerequisite_rows};
use super::greedy::{Scratch, fill};
use super::implied::without_implied_closers;
use super::instance::{EPS, Instance, Solution};
use super::lp_relaxation::{
    Moved, Relaxation, budget_relaxation, cover_relaxation, moved, solved_root,
};
use super::state::{State, chosen_by_cost, remove_redundant, value_of_chosen};

/// The relative widening of every bound the simplex gives (see the module's docs).
const MARGIN: f64 = 1e-6;

/// Instances of fewer candidates keep the combinatorial search's plan: an officer's plan,
/// which that search proves almost always (every cover and 293 to 301 of the 301 budgets of
/// each `bench_plans` catalogue), where the relaxation's search took up to 55 s on one
/// `uniform` budget at 20,000 nodes. Department-sized instances have thousands.
const CANDIDATES: usize = 1_000;

/// The largest ratio of two nonzero coefficients the relaxation is searched with (the
/// solver's documented range; see the module's docs).
const SPAN: f64 = 1e6;

/// Shares closer than this to 0 or 1 count as whole.
const WHOLE: f64 = 1e-6;

/// What the search needs to know of its incumbent: whether a node's bound leaves room to
/// beat it, and whether a plan found (closed under prerequisites) does.
trait Incumbent {
    /// Whether a node whose relaxation is worth `lp` can hold a plan beating the incumbent.
    fn open(&self, lp: f64) -> bool;
    /// Takes `plan` as the incumbent when it beats it.
    fn offer(&mut self, plan: &[u32]);
}

/// What one search did.
#[derive(Clone, Copy)]
struct Searched {
    /// Whether every node was pruned: no plan beats the incumbent.
    proven: bool,
    /// Nodes whose relaxation was solved.
    nodes: u64,
    /// The best relaxation value among the nodes left open (their parents'), `None` when
    /// the search finished or its root did not solve.
    open: Option<f64>,
}

impl Searched {
    /// A search that did not start: its root did not solve, or no node was left.
    const NOT_STARTED: Searched = Searched {
        proven: false,
        nodes: 0,
        open: None,
    };
}

/// Least-cost cover: the plan `solution` of `inst` proven optimal, or replaced by a cheaper
/// cover proven optimal, by the search of the module's docs within `node_limit` nodes; when
/// the search does not finish, the cheapest cover it found and the bound it proves, if
/// better. Unchanged on instances of fewer than [`CANDIDATES`] candidates.
///
/// # Complexity
/// Each node solves the relaxation (n candidates, m elements and rows, q prerequisite
/// pairs) by the dual simplex from its parent's basis: pivots of O(m + q + n) sparse work
/// each, their number not bounded here but by the simplex; at most `node_limit` nodes and
/// a path's length of fixes to move between nodes. O(n + m + z + q) memory besides the
/// simplex's factors, for z (candidate, element) pairs.
pub(crate) fn prove_cover(inst: &Instance, solution: Solution, node_limit: u64) -> Solution {
    if inst.len() < CANDIDATES {
        return solution;
    }
    search_cover(inst, solution, node_limit)
}

/// [`prove_cover`] on an instance of any size.
pub(super) fn search_cover(inst: &Instance, solution: Solution, node_limit: u64) -> Solution {
    let costs = (0..inst.len() as u32).map(|j| inst.cost(j));
    if solution.proven || node_limit == 0 || inst.len() == 0 || !within_span(costs) {
        return solution;
    }
    let implied = without_implied_closers(inst);
    let implied = implied.as_ref().unwrap_or(inst);
    let cut = with_shared_prerequisite_rows(implied);
    let mut best = Cover {
        inst,
        cost: solution.cost,
        plan: None,
    };
    let searched = guarded(|| {
        let lp = cover_relaxation(cut.as_ref().unwrap_or(implied));
        let root = solved_root(&lp)?;
        Some(search(&lp, &root, node_limit, false, &mut best))
    })
    .map(|s| s.unwrap_or(Searched::NOT_STARTED));
    let Some(searched) = searched else {
        return solution;
    };
    let nodes = solution.nodes + searched.nodes;
    // Unfinished: no plan below a pruned node beats the incumbent, and every plan below an
    // open node costs at least its parent's relaxation.
    let bound = match searched.open {
        _ if searched.proven => best.cost,
        Some(open) => {
            let open = inst.round_up(open - MARGIN * open.abs().max(1.0));
            solution.bound.max(open.min(best.cost))
        }
        None => solution.bound,
    };
    let Some(plan) = best.plan else {
        return Solution {
            bound,
            proven: searched.proven,
            nodes,
            ..solution
        };
    };
    let mut state = State::new(inst);
    state.load(inst, &plan);
    let order = chosen_by_cost(inst, &state);
    remove_redundant(inst, &mut state, &order, false);
    let cost = inst.cost_of(&state.chosen_list());
    let bound = if searched.proven {
        cost
    } else {
        bound.min(cost)
    };
    state.solution(inst, bound, searched.proven, nodes)
}

/// The cover's incumbent: its cost, and the plan that beat the heuristics' if any.
struct Cover<'a> {
    inst: &'a Instance,
    cost: f64,
    plan: Option<Vec<u32>>,
}

impl Incumbent for Cover<'_> {
    fn open(&self, lp: f64) -> bool {
        !self
            .inst
            .reaches(lp - MARGIN * lp.abs().max(1.0), self.cost)
    }

    fn offer(&mut self, plan: &[u32]) {
        let inst = self.inst;
        let mut closed = vec![false; inst.values.len()];
        for &j in plan {
            for &e in inst.covers(j) {
                closed[e as usize] = true;
            }
        }
        let covers =
            (0..inst.values.len() as u32).all(|e| closed[e as usize] || !inst.coverable(e));
        let cost = inst.cost_of(plan);
        if covers && cost < self.cost - inst.step(self.cost) / 2.0 {
            self.cost = cost;
            self.plan = Some(plan.to_vec());
        }
    }
}

/// Most value within `budget` hours: `solution` (a plan of `inst` within the budget, with
/// its proven bound) proven the most value or replaced by a better plan, by the search of
/// the module's docs for a plan worth more, within `node_limit` nodes. When it finishes,
/// the bound is the plan's value: the most value, fewer hours for it not ruled out, so the
/// plan is not marked proven (that takes `budget/search.rs`'s search). When it does not,
/// the bound is at most the largest relaxation left open, or the plan's value. Unchanged
/// on instances of fewer than [`CANDIDATES`] candidates.
///
/// # Complexity
/// As [`prove_cover`]'s.
pub(crate) fn prove_budget(
    inst: &Instance,
    budget: f64,
    solution: Solution,
    node_limit: u64,
) -> Solution {
    if inst.len() < CANDIDATES {
        return solution;
    }
    search_budget(inst, budget, solution, node_limit)
}

/// [`prove_budget`] on an instance of any size.
pub(super) fn search_budget(
    inst: &Instance,
    budget: f64,
    solution: Solution,
    node_limit: u64,
) -> Solution {
    let hours = (0..inst.len() as u32).map(|j| inst.hours(j));
    let costs = (0..inst.len() as u32).map(|j| inst.cost(j));
    let spanned =
        within_span(hours) && within_span(costs) && within_span(inst.values.iter().copied());
    if solution.proven || node_limit == 0 || inst.len() == 0 || !spanned {
        return solution;
    }
    let implied = without_implied_closers(inst);
    let implied = implied.as_ref().unwrap_or(inst);
    let cut = with_owned_rows(implied);
    let (tight, owner) = match &cut {
        Some((tight, owner)) => (tight, owner.as_slice()),
        None => (implied, &[][..]),
    };
    let mut best = Budget {
        inst,
        hours: budget,
        value: value_of_chosen(inst, &solution.chosen),
        cost: solution.cost,
        plan: solution.chosen.clone(),
    };
    let first = guarded(|| {
        let worth_more = budget_relaxation(tight, owner, budget);
        let root = solved_root(&worth_more)?;
        Some(search(&worth_more, &root, node_limit, true, &mut best))
    });
    let Some(first) = first else {
        return solution;
    };
    let first = first.unwrap_or(Searched::NOT_STARTED);
    let nodes = solution.nodes + first.nodes;
    if !first.proven {
        let bound = match first.open {
            Some(open) => {
                let open = inst.round_down_value(open + MARGIN * open.abs().max(1.0));
                solution.bound.min(open.max(best.value))
            }
            None => solution.bound,
        };
        return finish(inst, budget, &best.plan, bound, false, nodes);
    }
    // The most value is proven; fewer hours for it are not ruled out. A search for them
    // (the same search with a row holding the cost below the plan's, tightened at each
    // cheaper plan) proves it on small instances but, on the department-sized budgets,
    // ran for minutes without finishing or finding a cheaper plan: not kept
    // (`BENCHMARKS.md`, "Exact modes: the fewest hours at the most value, and the solver
    // guarded").
    finish(inst, budget, &best.plan, best.value, false, nodes)
}

/// Whether the nonzero magnitudes of `coefficients` are finite and span at most [`SPAN`].
fn within_span(coefficients: impl Iterator<Item = f64>) -> bool {
    let (mut least, mut most) = (f64::INFINITY, 0.0f64);
    for c in coefficients.map(f64::abs).filter(|&c| c != 0.0) {
        least = least.min(c);
        most = most.max(c);
    }
    most.is_finite() && most <= least * SPAN
}

/// `f`'s result, or `None` when it panics (inside the solver: see the module's docs).
pub(super) fn guarded<T>(f: impl FnOnce() -> T) -> Option<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).ok()
}

/// The solution of `plan`, cleaned of redundant picks and filled (neither lowers it),
/// with `bound` and `proven`.
fn finish(
    inst: &Instance,
    budget: f64,
    plan: &[u32],
    bound: f64,
    proven: bool,
    nodes: u64,
) -> Solution {
    let mut state = State::new(inst);
    state.load(inst, plan);
    let mut s = Scratch::new(inst);
    fill(inst, &mut state, budget, None, &mut s);
    state.solution(inst, bound.max(state.value(inst)), proven, nodes)
}

/// The budgeted incumbent: the search looks for more value, or as much at a lower cost.
struct Budget<'a> {
    inst: &'a Instance,
    hours: f64,
    value: f64,
    cost: f64,
    plan: Vec<u32>,
}

impl Incumbent for Budget<'_> {
    fn open(&self, lp: f64) -> bool {
        let inst = self.inst;
        let margin = MARGIN * lp.abs().max(1.0);
        let tol = inst.value_tol(self.value);
        let more = match inst.value_unit {
            Some(q) => self.value + q - tol,
            None => self.value + tol,
        };
        inst.round_down_value(lp + margin) >= more
    }

    fn offer(&mut self, plan: &[u32]) {
        let inst = self.inst;
        let hours: f64 = plan.iter().map(|&j| inst.hours(j)).sum();
        if hours > self.hours + EPS {
            return;
        }
        let (value, cost) = (value_of_chosen(inst, plan), inst.cost_of(plan));
        let tol = inst.value_tol(self.value);
        let beats = value > self.value + tol
            || (value >= self.value - tol && cost < self.cost - inst.step(self.cost) / 2.0);
        if beats {
            self.value = value;
            self.cost = cost;
            self.plan = plan.to_vec();
        }
    }
}

/// A node of the search: the candidates fixed on its path, each in (`true`) or out, and
/// its parent's relaxation value.
struct Node {
    fixes: Vec<(usize, bool)>,
    parent: f64,
}

/// The search of the module's docs on `lp` (`maximise` says its direction), within
/// `limit` nodes, against `best`.
fn search(
    lp: &Relaxation,
    root: &microlp::Solution,
    limit: u64,
    maximise: bool,
    best: &mut impl Incumbent,
) -> Searched {
    let unfinished = |nodes, open| Searched {
        proven: false,
        nodes,
        open,
    };
    let mut stack = vec![Node {
        fixes: Vec::new(),
        parent: root.objective(),
    }];
    // The solution last solved, and the fixes it was solved with.
    let mut current = Some((root.clone(), Vec::<(usize, bool)>::new()));
    let mut nodes = 0u64;
    while let Some(node) = stack.pop() {
        if nodes >= limit {
            stack.push(node);
            let pick = |a: f64, b: f64| if maximise { a.max(b) } else { a.min(b) };
            let open = stack.iter().map(|n| n.parent).reduce(pick);
            return unfinished(nodes, open);
        }
        nodes += 1;
        let (solved, have) = current.take().unwrap_or_else(|| (root.clone(), Vec::new()));
        let solved = match moved(lp, solved, have, &node.fixes) {
            Moved::To(solved) => solved,
            Moved::Empty => continue,
            Moved::Failed => return unfinished(nodes, None),
        };
        let value = solved.objective();
        if !best.open(value) {
            current = Some((solved, node.fixes));
            continue;
        }
        let mut split: Option<(f64, usize)> = None;
        for (j, &xj) in lp.x.iter().enumerate() {
            let share = solved.var_value(xj);
            if share > WHOLE && share < 1.0 - WHOLE {
                let off = (share - 0.5).abs();
                if split.is_none_or(|(o, _)| off < o) {
                    split = Some((off, j));
                }
            }
        }
        match split {
            None => {
                let plan: Vec<u32> = (0..lp.x.len())
                    .filter(|&j| solved.var_value(lp.x[j]) > 0.5)
                    .map(|j| j as u32)
                    .collect();
                best.offer(&plan);
            }
            Some((_, j)) => {
                for fix in [false, true] {
                    let mut fixes = node.fixes.clone();
                    fixes.push((j, fix));
                    stack.push(Node {
                        fixes,
                        parent: value,
                    });
                }
            }
        }
        current = Some((solved, node.fixes));
    }
    Searched {
        proven: true,
        nodes,
        open: None,
    }
}
