//! Tests of `priced.rs` and of the budgeted search that reads it, against enumeration of
//! every plan of small instances with prerequisites.

use super::exact_budget;
use super::priced::Priced;
use crate::planning::cover::budget_lp::budget_lp_bound;
use crate::planning::cover::cuts::with_owned_rows;
use crate::planning::cover::implied::without_implied_closers;
use crate::planning::cover::instance::Instance;
use crate::planning::cover::instance::tests::laden;
use crate::planning::cover::state::{State, value_of_chosen};

/// Every plan (closed under prerequisites) of `inst` within `budget` hours, with its value.
fn plans(inst: &Instance, budget: f64) -> Vec<(Vec<u32>, f64)> {
    let n = inst.len() as u32;
    let mut out = Vec::new();
    for set in 0u32..1 << n {
        let has = |j: u32| set >> j & 1 == 1;
        let closed = (0..n).all(|j| !has(j) || inst.prerequisites(j).iter().all(|&p| has(p)));
        let chosen: Vec<u32> = (0..n).filter(|&j| has(j)).collect();
        let spent: f64 = chosen.iter().map(|&j| inst.hours(j)).sum();
        if closed && spent <= budget {
            let value = value_of_chosen(inst, &chosen);
            out.push((chosen, value));
        }
    }
    out
}

/// The root's profits at `iterations` steps of the relaxation with prerequisite rows, read
/// as the budgeted search reads it (without implied closings, with the shared
/// prerequisites' rows) when `tight`, else on `inst` as given.
fn priced(inst: &Instance, budget: f64, iterations: u32, tight: bool) -> Option<Priced> {
    let lp = if tight {
        let implied = without_implied_closers(inst).unwrap_or_else(|| inst.clone());
        match with_owned_rows(&implied) {
            Some((rows, owner)) => budget_lp_bound(&rows, &owner, budget, 0.0, iterations),
            None => budget_lp_bound(&implied, &[], budget, 0.0, iterations),
        }
    } else {
        budget_lp_bound(inst, &[], budget, 0.0, iterations)
    };
    let (constant, profit) = lp.priced?;
    Priced::new(inst, constant, profit)
}

#[test]
fn the_bound_at_a_node_holds_for_every_plan_below_it() {
    let mut checked = 0;
    for seed in 0..60 {
        let inst = laden(seed, 12, 7, 2);
        let hours: f64 = (0..inst.len() as u32).map(|j| inst.hours(j)).sum();
        for budget in [hours / 4.0, hours / 2.0] {
            let all = plans(&inst, budget);
            for (iterations, tight) in [(1, false), (40, false), (1_000, true)] {
                let Some(p) = priced(&inst, budget, iterations, tight) else {
                    continue;
                };
                // Nodes: a plan's first few candidates chosen (with prerequisites), some
                // candidates outside it excluded; the plan lies below the node.
                for (k, (plan, value)) in all.iter().enumerate().step_by(7) {
                    let mut state = State::new(&inst);
                    let mut buffer = Vec::new();
                    for &j in plan.iter().take(k % 4) {
                        state.choose(&inst, j, &mut buffer);
                    }
                    let out = |j: u32| (j as usize + k).is_multiple_of(3) && !plan.contains(&j);
                    let bound = p.bound(&inst, &state, out, budget);
                    assert!(bound >= value - 1e-9, "seed {seed}: {bound} < {value}");
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 1_000, "only {checked} nodes checked");
}

#[test]
fn the_root_fixings_keep_every_plan_as_good() {
    let mut fixed = 0;
    for seed in 0..80 {
        let inst = laden(seed, 12, 7, 2);
        let hours: f64 = (0..inst.len() as u32).map(|j| inst.hours(j)).sum();
        for budget in [hours / 4.0, hours / 2.0] {
            let all = plans(&inst, budget);
            let mut values: Vec<f64> = all.iter().map(|p| p.1).collect();
            values.sort_by(|a, b| b.total_cmp(a));
            values.dedup();
            let Some(p) = priced(&inst, budget, 1_000, true) else {
                continue;
            };
            // Thresholds: the best values and a value between two of them.
            for at_least in values.iter().take(3).copied().chain([values[0] - 0.5]) {
                // The search's rounding of a bound allows for floating-point sums.
                let rounded = |b: f64| b + 1e-9 * b.abs().max(1.0);
                let Some((ins, outs)) = p.fixings(&inst, budget, at_least, rounded) else {
                    assert!(all.iter().all(|p| p.1 < at_least), "seed {seed}");
                    continue;
                };
                fixed += ins.len() + outs.len();
                for (plan, value) in &all {
                    if *value >= at_least {
                        assert!(ins.iter().all(|j| plan.contains(j)), "seed {seed}");
                        assert!(outs.iter().all(|j| !plan.contains(j)), "seed {seed}");
                    }
                }
            }
        }
    }
    assert!(fixed > 100, "only {fixed} fixings");
}

#[test]
fn the_search_with_the_bound_and_fixings_finds_the_best_plan() {
    for seed in 0..60 {
        let inst = laden(seed, 14, 9, 2);
        let hours: f64 = (0..inst.len() as u32).map(|j| inst.hours(j)).sum();
        for budget in [hours / 5.0, hours / 3.0] {
            // The most value, then the fewest hours.
            let mut best = (0.0, 0.0);
            for (plan, value) in plans(&inst, budget) {
                let cost = inst.cost_of(&plan);
                if value > best.0 || (value >= best.0 && cost < best.1) {
                    best = (value, cost);
                }
            }
            for limit in [0, 5, 1_000_000] {
                let plan = exact_budget(&inst, budget, limit);
                let value = value_of_chosen(&inst, &plan.chosen);
                assert!(plan.cost <= budget, "seed {seed}");
                assert!(plan.bound >= best.0 - 1e-9, "seed {seed}: {}", plan.bound);
                if plan.proven {
                    assert_eq!((value, plan.cost), best, "seed {seed} limit {limit}");
                }
            }
            assert!(exact_budget(&inst, budget, 1_000_000).proven, "seed {seed}");
        }
    }
}

/// `inst` with element `e` worth `values[e % values.len()]`.
fn revalued(inst: &Instance, values: &[f64]) -> Instance {
    let m = inst.values.len();
    let worth = (0..m).map(|e| values[e % values.len()]).collect();
    let mut out = Instance::with_capacity(worth, inst.len(), 0);
    for j in 0..inst.len() as u32 {
        out.push(
            inst.cost(j),
            inst.hours(j),
            inst.covers(j),
            inst.prerequisites(j),
        );
    }
    out.finish();
    out
}

#[test]
// Values and rounded bounds here are whole numbers, exact in floating point.
#[allow(clippy::float_cmp)]
fn bounds_are_whole_multiples_of_the_values_unit_and_above_the_best_plan() {
    // Every gap worth 3 or 6 levels: every plan is worth a multiple of 3, and so is every
    // bound reported, which still holds the most value.
    let mut relaxed = 0;
    for seed in 0..60 {
        let inst = revalued(&laden(seed, 14, 9, 2), &[3.0, 6.0, 3.0]);
        let hours: f64 = (0..inst.len() as u32).map(|j| inst.hours(j)).sum();
        for budget in [hours / 5.0, hours / 3.0] {
            let best = plans(&inst, budget)
                .into_iter()
                .map(|p| p.1)
                .fold(0.0, f64::max);
            for limit in [0, 5, 1_000_000] {
                let plan = exact_budget(&inst, budget, limit);
                assert!(plan.bound >= best, "seed {seed}: {} < {best}", plan.bound);
                assert_eq!(plan.bound % 3.0, 0.0, "seed {seed} limit {limit}");
                if plan.bound > best {
                    relaxed += 1;
                }
            }
        }
    }
    assert!(relaxed > 20, "only {relaxed} bounds above the most value");
}
