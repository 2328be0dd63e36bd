//! A part solved with and without the rows shared prerequisites imply, the better kept.

use super::super::cuts::with_shared_prerequisite_rows;
use super::super::implied::without_implied_closers;
use super::super::instance::{Instance, Solution, Within};
use super::{Role, solve_with};

/// One part: the heuristics and the root bound, then the search when asked; `Err` with
/// that bound once the root's bound, or the search's, exceeds `cutoff`.
///
/// The bounds read the part with the rows shared prerequisites imply
/// ([`with_shared_prerequisite_rows`]); when that leaves the plan unproven and rows were
/// added, the part is solved again without them and the better bound and the cheaper plan
/// are kept, so the rows never lower a bound nor lose a proof the part had without them
/// (the subgradient steps, started from other multipliers, can end lower with them: on
/// `plan_hash`'s prerequisite-laden catalogue 59 of 6,000 plans' bounds did and 8 plans
/// lost their proof). Both bounds are valid, hence their maximum; a plan is proven when
/// that maximum reaches the cheaper plan. At most twice the work of one solve.
pub(crate) fn solve_part(inst: &Instance, limit: u64, search: bool, cutoff: f64) -> Within {
    let implied = without_implied_closers(inst);
    let implied = implied.as_ref().unwrap_or(inst);
    let Some(tight) = with_shared_prerequisite_rows(implied) else {
        return solve_with(inst, implied, limit, search, cutoff, Role::Whole);
    };
    let with_rows = solve_with(inst, &tight, limit, search, cutoff, Role::Whole)?;
    if with_rows.proven {
        return Ok(with_rows);
    }
    let without = solve_with(inst, implied, limit, search, cutoff, Role::Whole)?;
    Ok(better_of(inst, with_rows, without))
}

/// [`solve_part`] with the bounds reading the part with the rows shared prerequisites
/// imply only (`rows`) or without them, for tests comparing the three.
#[cfg(test)]
pub(crate) fn solve_part_one_way(inst: &Instance, limit: u64, search: bool, rows: bool) -> Within {
    let implied = without_implied_closers(inst);
    let implied = implied.as_ref().unwrap_or(inst);
    let tight = with_shared_prerequisite_rows(implied).filter(|_| rows);
    let tight = tight.as_ref().unwrap_or(implied);
    solve_with(inst, tight, limit, search, f64::INFINITY, Role::Whole)
}

/// The cheaper plan of two solves of the same part (the first on ties) with the greater
/// of their bounds, proven when that bound reaches the plan's cost.
fn better_of(inst: &Instance, first: Solution, second: Solution) -> Solution {
    let bound = first.bound.max(second.bound);
    let nodes = first.nodes + second.nodes;
    let mut best = if second.cost < first.cost - inst.step(first.cost) / 2.0 {
        second
    } else {
        first
    };
    best.proven = best.proven || inst.reaches(bound, best.cost);
    best.bound = if best.proven {
        best.cost
    } else {
        bound.min(best.cost)
    };
    best.nodes = nodes;
    best
}
