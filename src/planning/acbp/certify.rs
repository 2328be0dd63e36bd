//! How good a department plan is known to be: the proven bound and, within a budget of
//! work, the search for a better plan.

use std::cell::OnceCell;
use std::collections::HashMap;

use crate::analysis::parallel::{map_items, map_ranges};
use crate::planning::cover::{DensityBuffers, empty_upper_bound, exact_budget, whole};
use crate::planning::department::{
    Department, Plan, Subproblem, better, envelope, exact, market, prices,
};
use crate::planning::recommend::Solver;

/// How good a plan is known to be.
pub(super) struct Certificate {
    /// A proven upper bound on the most value any plan closes, at least the plan's value.
    pub(super) bound: f64,
    /// Whether the plan is proven optimal (most value, then fewest person-hours); the gap
    /// of a plan that is not is taken from the reported figures (`assemble::reported`).
    pub(super) proven: bool,
    pub(super) nodes: u64,
}

/// Candidate visits (candidates times search nodes) of best responses and exchanges per
/// department plan (see `planning::department::improve`); beyond it the remaining officers
/// keep their enrolments.
pub(super) const IMPROVE_WORK: u64 = 2_000_000;

/// Candidate evaluations the price search may spend in all: a small department gets the
/// most steps, a department-sized one at least [`MIN_PRICE_STEPS`].
const PRICE_WORK: u64 = 20_000_000;
const MIN_PRICE_STEPS: u32 = 3;
/// Candidate visits (candidates times nodes) of officers bounded alone by the budgeted
/// search, charged once per distinct problem for the nodes the search took, and its nodes
/// per problem.
const ALONE_WORK: u64 = 10_000_000;
const ALONE_NODES: u64 = 1_000;
/// Rounds of budgeted searches of officers alone: each round charges the nodes its
/// searches took, and the next searches more with what is left.
const ALONE_ROUNDS: u32 = 8;
const MAX_PRICE_STEPS: u32 = 300;
/// The department's size (candidates and gaps of all officers) up to which the certificate
/// also takes [`envelope`]'s bound: two or three passes over every officer's candidates
/// (about 0.3 s of CPU at 20,000 officers of the `acbp` example, 2.1·10⁶ of size). Past it
/// (100,000 officers of that example, where seats bind for most courses) one round of
/// seat prices cleared by the officers' bids left that bound above the price search's
/// (742,353 against 647,035), so it is not found.
const ENVELOPE_WORK: u64 = 4_000_000;
/// Search nodes times the department's size (candidates and gaps of all officers) the
/// default solver may spend after its heuristics: a node costs at most time linear in the
/// department, so the search adds at most about this much work whatever the department's
/// size. A department of size 16 or less gets 250,000 nodes, more than the 2¹⁷ − 1 a
/// search of its at most 16 decisions can take, so its plan is always proven; one of size
/// 2,000 or more, no more than [`Solver::DEFAULT_NODES`]. A fixed cap of that many nodes
/// for every size left 106 of 400 random departments of 1–12 officers and 4–17 courses
/// unproven (63 with a gap), and a budget of 18 hours closing less than one of 16.
const SEARCH_WORK: u64 = 4_000_000;

/// What the certificate reads of the officers' problems alone, not of the plan, so that it
/// can be found beside the greedy ([`Sizes::of`]).
#[derive(Clone, Copy)]
pub(super) struct Sizes {
    /// Candidates and elements of all officers, at least 1: what the price steps and the
    /// search's nodes are counted against.
    size: u64,
    /// Whether every value is a whole number, so that the bound may be rounded down.
    whole: bool,
}

impl Sizes {
    /// The department's [`Sizes`]. O(n + values) for n officers.
    pub(super) fn of(officers: &[&Subproblem]) -> Sizes {
        Sizes {
            size: officers
                .iter()
                .map(|p| p.inst.len() as u64 + p.inst.values.len() as u64)
                .sum::<u64>()
                .max(1),
            whole: officers
                .iter()
                .all(|p| p.inst.values.iter().all(|&v| whole(v))),
        }
    }
}

/// Bounds the plan (and, with [`Solver::Exact`], searches for a better one from it): the
/// department bound of `planning::department::bound`, the officers' density bounds, and for
/// whole values the bound rounded down. `sizes` are the department's ([`Sizes::of`]).
pub(super) fn certify(
    dept: &Department<'_>,
    plan: &mut Plan,
    solver: Solver,
    alone: &[f64],
    sizes: &Sizes,
) -> Certificate {
    let value = dept.value(plan);
    let hours = Department::hours(plan);
    let Sizes { size, whole } = *sizes;
    let steps = u32::try_from(PRICE_WORK / size)
        .unwrap_or(u32::MAX)
        .clamp(MIN_PRICE_STEPS, MAX_PRICE_STEPS);
    // The hour price starts at the plan's value per hour when the budget binds.
    let lambda = if dept.budget.is_finite() && hours > 0.0 && plan.budget_left < 0.5 * dept.budget {
        value / hours
    } else {
        0.0
    };
    let mut prices = prices(dept, value, lambda, steps);
    // Each officer's part no more than what they can close alone (the exact search below
    // the root reads the lowered parts too).
    prices.tighten(dept, alone);
    let density: f64 = alone.iter().sum();
    let round = |bound: f64| {
        if whole && bound.is_finite() {
            (bound + 1e-7 * bound.abs().max(1.0)).floor() + 0.0
        } else {
            bound
        }
    };
    // Each officer's value against their hours, the budget shared by a fractional knapsack:
    // tighter where the budget binds and the price steps are few.
    let curves = envelope_bound(dept, sizes, alone);
    let root = round(prices.bound.min(density).min(curves));
    // The default searches too, within [`SEARCH_WORK`]: every node of a small department,
    // none of a department-sized one.
    let node_limit = match solver {
        Solver::Greedy => default_nodes(size),
        Solver::Exact { node_limit } => node_limit,
    };
    // The most value per hour of any candidate, found at most once and only when a plan
    // reaches the bound.
    let rate = OnceCell::new();
    let fewest_hours = |value: f64, hours: f64| {
        fewest_hours_at(*rate.get_or_init(|| best_rate(dept)), value, hours)
    };
    // A plan worth the bound in the fewest hours its value can take needs no search.
    let settled = value >= root && fewest_hours(value, hours);
    let (proven, nodes, bound) = match node_limit {
        _ if settled => (true, 0, value),
        0 => (false, 0, root),
        node_limit => {
            let start = plan.clone();
            let outcome = exact(dept, plan, &prices, alone, node_limit);
            let searched = Department::hours(plan);
            dept.settle(plan);
            let bound = if outcome.proven {
                dept.value(plan)
            } else {
                root.min(round(outcome.open_bound))
            };
            // The search compares values within their rounding (`Department::value_tol`);
            // where that exceeds a gap's value (gaps worth 4 beside gaps worth 4·10¹⁵), its
            // best plan can lack a course the settle then adds, and the settled plan is not
            // the one proven: a plan of the same value may take fewer hours.
            let proven = outcome.proven && Department::hours(plan) <= searched;
            // Never worse than the plan the search started from.
            let (now, before) = (
                (dept.value(plan), Department::hours(plan)),
                (dept.value(&start), Department::hours(&start)),
            );
            if !proven && better(dept, before, now) {
                *plan = start;
            }
            (proven, outcome.nodes, bound)
        }
    };
    let value = dept.value(plan);
    let bound = bound.max(value);
    // A search stopped by its limit may still have reached the bound.
    let proven = proven || (value >= bound && fewest_hours(value, Department::hours(plan)));
    Certificate {
        bound,
        proven: proven || bound <= 0.0,
        nodes,
    }
}

/// The nodes the default solver searches in a department of `size` (candidates and gaps
/// of all officers, at least 1): [`SEARCH_WORK`] over the size. O(1).
fn default_nodes(size: u64) -> u64 {
    SEARCH_WORK / size.max(1)
}

/// [`envelope`]'s bound at no seat price, and where seats are limited the least of that
/// and the bound at the seat prices the officers' bids at no seat price clear
/// ([`market`], at the budget's price the first found). Each is a bound, so the least is.
/// Not found (infinite) when the department's size is past [`ENVELOPE_WORK`]. O(z log z)
/// for z candidate–gap pairs over all officers, two or three passes over them.
fn envelope_bound(dept: &Department<'_>, sizes: &Sizes, alone: &[f64]) -> f64 {
    if sizes.size > ENVELOPE_WORK {
        return f64::INFINITY;
    }
    let free = vec![0.0; dept.seat_limit.len()];
    let (unpriced, rate) = envelope(dept, &free, alone);
    if dept.seat_limit.iter().all(|&s| s == u32::MAX) {
        return unpriced;
    }
    let cleared = market(dept, &free, rate);
    let (priced, _) = envelope(dept, &cleared, alone);
    unpriced.min(priced)
}

/// The most value per hour of any one candidate over all officers (0 when no candidate
/// covers any value). O(z) for z gaps covered by candidates over all officers.
fn best_rate(dept: &Department<'_>) -> f64 {
    let mut rate = 0.0_f64;
    for p in dept.officers {
        let inst = &p.inst;
        for j in 0..inst.len() as u32 {
            let covered = inst.own_value(j);
            if covered > 0.0 {
                rate = rate.max(covered / inst.hours(j));
            }
        }
    }
    rate
}

/// Whether no plan worth `value` takes fewer than `hours`, given the most value per hour
/// of any one candidate ([`best_rate`]): every plan's value is at most its hours times that
/// rate (a plan closes at most what its candidates cover, each within its own hours), so a
/// plan worth `value` takes at least `value` over that rate. Allows for the rounding of the
/// sums (one part in 10⁹). O(1).
fn fewest_hours_at(rate: f64, value: f64, hours: f64) -> bool {
    rate > 0.0 && rate.is_finite() && hours <= value / rate * (1.0 + 1e-9)
}

/// Each officer's bound alone within their cap and the whole budget (the part of the
/// certificate that does not depend on the plan, so it can be found while the plan is
/// built): the density bound, and while the work allows, the budgeted solver's proven bound
/// (the same search the best responses use).
pub(super) fn alone_bounds(dept: &Department<'_>) -> Vec<f64> {
    let limit = dept.cap.min(dept.budget);
    // The density bounds in parallel (each officer's alone), in one set of buffers per
    // thread: an empty enrolment state and buffers of its own per officer were four
    // allocations each.
    let mut alone: Vec<f64> = map_ranges(dept.officers.len(), dept.threads, |range| {
        let mut buffers = DensityBuffers::default();
        dept.officers[range]
            .iter()
            .map(|p| empty_upper_bound(&p.inst, limit, &mut buffers))
            .collect::<Vec<f64>>()
    })
    .concat();
    // Officers with the same post, levels and completions share one problem (built once,
    // see `Framework::department_plan`), so one search bounds them all: newcomers to one
    // post were each searched alike. An officer who can take every candidate within the
    // limit can close everything coverable, which the density bound then gives: no search
    // can lower it.
    let mut first: HashMap<*const Subproblem, usize> = HashMap::new();
    let mut distinct: Vec<usize> = Vec::new();
    let which: Vec<usize> = (0..dept.officers.len())
        .map(|o| {
            let p = dept.officers[o];
            if alone[o] <= 0.0 || p.total_hours <= limit {
                return usize::MAX;
            }
            let problem: *const Subproblem = p;
            *first.entry(problem).or_insert_with(|| {
                distinct.push(o);
                distinct.len() - 1
            })
        })
        .collect();
    // Which problems the budgeted search bounds depends on their sizes and the nodes the
    // searches before them took, in officer order, so the bounds do not depend on the
    // threads: a round takes each problem not yet searched whose search of ALONE_NODES
    // nodes (about its candidates once per node) fits the work left, searches them in
    // parallel, and charges the nodes they took; most prove their plan in a few nodes,
    // and the work they leave goes to the next round. Each search is reserved its whole
    // node limit before it runs, so the searches stay within about ALONE_WORK candidate
    // visits in all (O(1) work per officer of the department beside them).
    let mut work = ALONE_WORK;
    let mut bounds = vec![f64::INFINITY; distinct.len()];
    let mut left: Vec<usize> = (0..distinct.len()).collect();
    for _ in 0..ALONE_ROUNDS {
        let mut reserved = 0;
        let mut round = Vec::new();
        left.retain(|&k| {
            let size = (dept.officers[distinct[k]].inst.len() as u64 + 1) * ALONE_NODES;
            if reserved + size > work {
                return true;
            }
            reserved += size;
            round.push(k);
            false
        });
        if round.is_empty() {
            break;
        }
        let found = map_items(round.len(), dept.threads, |i| {
            #[cfg(test)]
            tests::ALONE_SEARCHES.with(|n| n.set(n.get() + 1));
            exact_budget(&dept.officers[distinct[round[i]]].inst, limit, ALONE_NODES)
        });
        for (&k, solution) in round.iter().zip(&found) {
            let size = dept.officers[distinct[k]].inst.len() as u64 + 1;
            work = work.saturating_sub(size * (solution.nodes + 1));
            bounds[k] = solution.bound;
        }
    }
    for (o, &k) in which.iter().enumerate() {
        if k != usize::MAX {
            alone[o] = alone[o].min(bounds[k]);
        }
    }
    alone
}

#[cfg(test)]
mod tests {
    use super::{alone_bounds, best_rate, fewest_hours_at};
    use crate::planning::cover::Instance;
    use crate::planning::department::{Department, Subproblem};
    use std::cell::Cell;

    thread_local! {
        /// Budgeted searches of `alone_bounds` on this thread.
        pub(super) static ALONE_SEARCHES: Cell<usize> = const { Cell::new(0) };
    }

    /// An officer with gaps worth 4 and 6, closed by courses 0 and 1 of 2 hours each.
    fn two_gaps() -> Subproblem {
        let mut inst = Instance::with_capacity(vec![4.0, 6.0], 2, 2);
        inst.push(2.0, 2.0, &[0], &[]);
        inst.push(2.0, 2.0, &[1], &[]);
        inst.finish();
        Subproblem::new(inst, vec![0, 1])
    }

    /// Three newcomers to one post share one problem: `alone_bounds` searched it three
    /// times for the same bound, now once, and each officer gets that bound.
    #[test]
    fn officers_sharing_a_problem_are_bounded_by_one_search() {
        let shared = two_gaps();
        let officers = [&shared, &shared, &shared];
        let dept = Department::for_tests(&officers, &[u32::MAX; 2], 2.0);
        ALONE_SEARCHES.with(|n| n.set(0));
        let alone = alone_bounds(&dept);
        assert_eq!(ALONE_SEARCHES.with(Cell::get), 1);
        assert_eq!(alone, [6.0; 3]);
    }

    /// Whether `dept`'s officers (without seat limits or caps) prove that no plan worth
    /// `value` takes fewer than `hours`.
    fn fewest_hours_for(officers: &[&Subproblem], value: f64, hours: f64) -> bool {
        let dept = Department::for_tests(officers, &[u32::MAX; 3], f64::INFINITY);
        fewest_hours_at(best_rate(&dept), value, hours)
    }

    #[test]
    fn fewest_hours_follow_from_the_most_value_per_hour() {
        let mut second = Instance::with_capacity(vec![4.0], 1, 1);
        second.push(4.0, 4.0, &[0], &[]);
        second.finish();
        let first = two_gaps();
        let second = Subproblem::new(second, vec![2]);
        // One officer with gaps worth 4 and 6, closed by courses of 2 hours each (2 and 3 a
        // value per hour), and a second officer whose course of 4 hours closes a gap worth 4.
        let both = [&first, &second];
        // At 3 a value per hour at most, 6 takes at least 2 hours, 10 at least 3⅓.
        assert!(fewest_hours_for(&both, 6.0, 2.0));
        assert!(!fewest_hours_for(&both, 6.0, 2.5));
        assert!(!fewest_hours_for(&both, 10.0, 4.0));
        assert!(fewest_hours_for(&both, 9.0, 3.0));
        assert!(!fewest_hours_for(&both, 14.0, 8.0));
        // Without any value there is no rate to prove fewest hours by.
        let mut none = Instance::with_capacity(vec![0.0], 1, 1);
        none.push(1.0, 1.0, &[0], &[]);
        none.finish();
        let none = Subproblem::new(none, vec![0]);
        assert!(!fewest_hours_for(&[&none], 0.0, 0.0));
    }
}
