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
//! Native only, behind the `lp` feature (off by default): the solver adds about 230 KB
//! gzipped to a WebAssembly module, more than the JavaScript package's whole size target.
//! Without it the searches' plans and bounds are those of the combinatorial searches alone.

use super::cuts::{with_owned_rows, with_shared_prerequisite_rows};
use super::greedy::{Scratch, fill};
use super::implied::without_implied_closers;
use super::instance::{EPS, Instance, Solution};
use super::state::{State, chosen_by_cost, remove_redundant, value_of_chosen};
use microlp::{
    ComparisonOp, Error, LinearExpr, OptimizationDirection, Problem, SolutionStatus, Variable,
};

/// The relative widening of every bound the simplex gives (see the module's docs).
const MARGIN: f64 = 1e-6;

/// Instances of fewer candidates keep the combinatorial search's plan: an officer's plan,
/// which that search proves almost always (every cover and 293 to 301 of the 301 budgets of
/// each `bench_plans` catalogue), where the relaxation's search took up to 55 s on one
/// `uniform` budget at 20,000 nodes. Department-sized instances have thousands.
const CANDIDATES: usize = 1_000;

/// Shares closer than this to 0 or 1 count as whole.
const WHOLE: f64 = 1e-6;

/// A relaxation to search: its problem and the candidates' columns.
struct Relaxation {
    problem: Problem,
    x: Vec<Variable>,
}

/// What the search needs to know of its incumbent: whether a node's bound leaves room to
/// beat it, and whether a plan found (closed under prerequisites) does.
trait Incumbent {
    /// Whether a node whose relaxation is worth `lp` can hold a plan beating the incumbent.
    fn open(&self, lp: f64) -> bool;
    /// Takes `plan` as the incumbent when it beats it.
    fn offer(&mut self, plan: &[u32]);
}

/// What one search did.
struct Searched {
    /// Whether every node was pruned: no plan beats the incumbent.
    proven: bool,
    /// Nodes whose relaxation was solved.
    nodes: u64,
    /// The best relaxation value among the nodes left open (their parents'), `None` when
    /// the search finished or its root did not solve.
    open: Option<f64>,
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
    if solution.proven || node_limit == 0 || inst.len() == 0 {
        return solution;
    }
    let implied = without_implied_closers(inst);
    let implied = implied.as_ref().unwrap_or(inst);
    let cut = with_shared_prerequisite_rows(implied);
    let lp = cover_relaxation(cut.as_ref().unwrap_or(implied));
    let mut best = Cover {
        inst,
        cost: solution.cost,
        plan: None,
    };
    let searched = search(&lp, node_limit, false, &mut best);
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
    if solution.proven || node_limit == 0 || inst.len() == 0 {
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
    let worth_more = budget_relaxation(tight, owner, budget);
    let first = search(&worth_more, node_limit, true, &mut best);
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
    // The most value is proven; fewer hours for it are not ruled out (a search for them,
    // least hours among plans of that value, dived hundreds of nodes deep on the
    // department-sized budgets without finishing: not kept).
    finish(inst, budget, &best.plan, best.value, false, nodes)
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

/// The cover relaxation: least cost, every coverable element (and row) closed, the
/// prerequisite rows.
fn cover_relaxation(inst: &Instance) -> Relaxation {
    let mut problem = Problem::new(OptimizationDirection::Minimize);
    let x: Vec<Variable> = (0..inst.len() as u32)
        .map(|j| problem.add_var(inst.cost(j), (0.0, 1.0)))
        .collect();
    for e in 0..inst.values.len() as u32 {
        if inst.coverable(e) {
            let mut row = LinearExpr::empty();
            for &j in inst.closers(e) {
                row.add(x[j as usize], 1.0);
            }
            problem.add_constraint(row, ComparisonOp::Ge, 1.0);
        }
    }
    prerequisite_rows(inst, &mut problem, &x);
    Relaxation { problem, x }
}

/// The budgeted relaxation of `budget_lp.rs`'s docs, the last `owner.len()` elements of
/// `inst` being extra rows of the elements `owner` names: most value.
fn budget_relaxation(inst: &Instance, owner: &[u32], budget: f64) -> Relaxation {
    let mut problem = Problem::new(OptimizationDirection::Maximize);
    let x: Vec<Variable> = (0..inst.len() as u32)
        .map(|_| problem.add_var(0.0, (0.0, 1.0)))
        .collect();
    let own = inst.values.len() - owner.len();
    let mut y: Vec<Option<Variable>> = vec![None; own];
    for e in 0..inst.values.len() {
        let of = if e < own { e } else { owner[e - own] as usize };
        let value = inst.values[of];
        if value <= 0.0 || !inst.coverable(e as u32) {
            continue;
        }
        let share = *y[of].get_or_insert_with(|| problem.add_var(value, (0.0, 1.0)));
        let mut row = LinearExpr::empty();
        row.add(share, 1.0);
        for &j in inst.closers(e as u32) {
            row.add(x[j as usize], -1.0);
        }
        problem.add_constraint(row, ComparisonOp::Le, 0.0);
    }
    prerequisite_rows(inst, &mut problem, &x);
    let mut hours = LinearExpr::empty();
    for (j, &xj) in x.iter().enumerate() {
        let h = inst.hours(j as u32);
        if h != 0.0 {
            hours.add(xj, h);
        }
    }
    problem.add_constraint(hours, ComparisonOp::Le, budget);
    Relaxation { problem, x }
}

/// `x_j ≤ x_p` for every prerequisite `p` of every candidate `j`.
fn prerequisite_rows(inst: &Instance, problem: &mut Problem, x: &[Variable]) {
    for j in 0..inst.len() as u32 {
        for &p in inst.prerequisites(j) {
            let mut row = LinearExpr::empty();
            row.add(x[j as usize], 1.0);
            row.add(x[p as usize], -1.0);
            problem.add_constraint(row, ComparisonOp::Le, 0.0);
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
fn search(lp: &Relaxation, limit: u64, maximise: bool, best: &mut impl Incumbent) -> Searched {
    let unfinished = |nodes, open| Searched {
        proven: false,
        nodes,
        open,
    };
    let root = lp.problem.solve().ok().and_then(|o| o.into_solution().ok());
    let Some(root) = root.filter(|r| r.status() == SolutionStatus::Optimal) else {
        return unfinished(0, None);
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

/// Where moving a solution to a node's fixes ends.
enum Moved {
    /// The node's relaxation, solved.
    To(microlp::Solution),
    /// The simplex proved the node's relaxation infeasible: no plan below it.
    Empty,
    /// The simplex failed otherwise.
    Failed,
}

/// `solved`, solved with the fixes `have`, moved to `fixes`: the fixes not wanted released,
/// the others made, each re-solved from the basis before it.
fn moved(
    lp: &Relaxation,
    solved: microlp::Solution,
    mut have: Vec<(usize, bool)>,
    fixes: &[(usize, bool)],
) -> Moved {
    let mut solved = solved;
    let mut k = 0;
    while k < have.len() {
        if fixes.contains(&have[k]) {
            k += 1;
            continue;
        }
        let (j, _) = have.swap_remove(k);
        solved = match solved.unfix_var(lp.x[j]).map(|(o, _)| o.into_solution()) {
            Ok(Ok(s)) if s.status() == SolutionStatus::Optimal => s,
            _ => return Moved::Failed,
        };
    }
    for &(j, on) in fixes {
        if have.contains(&(j, on)) {
            continue;
        }
        solved = match solved
            .fix_var(lp.x[j], if on { 1.0 } else { 0.0 })
            .map(microlp::SolveOutcome::into_solution)
        {
            Ok(Ok(s)) if s.status() == SolutionStatus::Optimal => s,
            Err(Error::Infeasible) => return Moved::Empty,
            _ => return Moved::Failed,
        };
        have.push((j, on));
    }
    Moved::To(solved)
}
