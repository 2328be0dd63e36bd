//! The linear relaxations `lp_search.rs` searches, built for `microlp`, and the moves
//! between its nodes: fixes made and released, each re-solved from the basis before it.

use super::instance::Instance;
use microlp::{
    ComparisonOp, Error, LinearExpr, OptimizationDirection, Problem, SolutionStatus, Variable,
};

/// A relaxation to search: its problem and the candidates' columns.
pub(super) struct Relaxation {
    pub(super) problem: Problem,
    pub(super) x: Vec<Variable>,
}

/// The relaxation solved from scratch, `None` when the simplex fails.
pub(super) fn solved_root(lp: &Relaxation) -> Option<microlp::Solution> {
    let root = lp.problem.solve().ok().and_then(|o| o.into_solution().ok());
    root.filter(|r| r.status() == SolutionStatus::Optimal)
}

/// The cover relaxation: least cost, every coverable element (and row) closed, the
/// prerequisite rows.
pub(super) fn cover_relaxation(inst: &Instance) -> Relaxation {
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
pub(super) fn budget_relaxation(inst: &Instance, owner: &[u32], budget: f64) -> Relaxation {
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

/// Where moving a solution to a node's fixes ends.
pub(super) enum Moved {
    /// The node's relaxation, solved.
    To(microlp::Solution),
    /// The simplex proved the node's relaxation infeasible: no plan below it.
    Empty,
    /// The simplex failed otherwise.
    Failed,
}

/// `solved`, solved with the fixes `have`, moved to `fixes`: the fixes not wanted released,
/// the others made, each re-solved from the basis before it.
pub(super) fn moved(
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
