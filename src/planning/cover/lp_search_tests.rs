//! Tests of `lp_search.rs` against enumeration of every plan of small instances.

use super::instance::tests::{laden, random};
use super::instance::{Instance, Solution};
use super::lp_search::{guarded, prove_budget, prove_cover, search_budget, search_cover};
use super::state::value_of_chosen;

/// Every plan closed under prerequisites: its candidates, value, cost and hours.
fn plans(inst: &Instance) -> Vec<(Vec<u32>, f64, f64, f64)> {
    let n = inst.len() as u32;
    let mut out = Vec::new();
    for set in 0u32..1 << n {
        let has = |j: u32| set >> j & 1 == 1;
        if (0..n).all(|j| !has(j) || inst.prerequisites(j).iter().all(|&p| has(p))) {
            let chosen: Vec<u32> = (0..n).filter(|&j| has(j)).collect();
            let hours = chosen.iter().map(|&j| inst.hours(j)).sum();
            let (value, cost) = (value_of_chosen(inst, &chosen), inst.cost_of(&chosen));
            out.push((chosen, value, cost, hours));
        }
    }
    out
}

/// `laden`'s instance with values of 1 to 3 (a common unit of 1) or, when `halves`, of
/// 0.5 to 2.5 plus one of 0.75 (a unit of 1/4).
/// A plan of `chosen` costing `cost`, unproven, with `bound` and no node searched.
fn unproven(chosen: Vec<u32>, cost: f64, bound: f64) -> Solution {
    Solution {
        chosen,
        cost,
        bound,
        proven: false,
        nodes: 0,
    }
}

fn valued(seed: u64, halves: bool) -> Instance {
    let mut inst = laden(seed, 13, 8, 3);
    for (e, v) in inst.values.iter_mut().enumerate() {
        *v = (e as f64 * 7.0 + seed as f64) % 3.0 + 1.0;
        if halves {
            *v -= 0.5;
        }
    }
    if halves {
        inst.values[0] = 0.75;
    }
    inst.set_values_derived();
    inst
}

#[track_caller]
fn assert_closed(inst: &Instance, chosen: &[u32]) {
    for &j in chosen {
        for p in inst.prerequisites(j) {
            assert!(chosen.contains(p), "{j} without its prerequisite {p}");
        }
    }
}

#[test]
fn budgets_from_the_empty_plan_reach_the_most_value_and_are_bounded_when_stopped() {
    let (mut stopped, mut branched) = (0, 0);
    for seed in 0..40 {
        let inst = valued(seed, seed % 2 == 1);
        let all = plans(&inst);
        let hours: f64 = (0..inst.len() as u32).map(|j| inst.hours(j)).sum();
        for budget in [hours / 5.0, hours / 2.0] {
            let within = all.iter().filter(|p| p.3 <= budget + 1e-9);
            let most = within.map(|p| p.1).fold(0.0, f64::max);
            for limit in [1, 3, 10, 1_000_000] {
                let empty = unproven(Vec::new(), 0.0, inst.values.iter().sum());
                let plan = search_budget(&inst, budget, empty, limit);
                let value = value_of_chosen(&inst, &plan.chosen);
                let spent: f64 = plan.chosen.iter().map(|&j| inst.hours(j)).sum();
                let case = format!("seed {seed}, budget {budget}, limit {limit}");
                assert_closed(&inst, &plan.chosen);
                assert!(spent <= budget + 1e-9, "{case}");
                assert!(
                    plan.bound >= most - 1e-9,
                    "{case}: bound {} < {most}",
                    plan.bound
                );
                assert!(value <= plan.bound + 1e-9, "{case}");
                assert!(plan.nodes <= 2 * limit, "{case}: {} nodes", plan.nodes);
                // A finished search proves the most value, not the fewest hours for it.
                assert!(!plan.proven, "{case}");
                if (plan.bound - value).abs() < 1e-9 {
                    assert!((value - most).abs() < 1e-9, "{case}: {value} for {most}");
                } else {
                    stopped += 1;
                }
                if limit == 1_000_000 {
                    assert!((value - most).abs() < 1e-9, "{case}: {value} for {most}");
                    branched += usize::from(plan.nodes > 1);
                }
            }
        }
    }
    assert!(branched > 0, "no search branched");
    assert!(stopped > 0, "every search finished within a few nodes");
}

#[test]
fn covers_from_every_candidate_are_proven_at_the_optimum_and_bounded_when_stopped() {
    let (mut stopped, mut branched) = (0, 0);
    for seed in 0..60 {
        // Courses of equal hours closing overlapping gaps: relaxations at fractions.
        let inst = if seed % 2 == 0 {
            random(seed, 14, 9, &[1.0])
        } else {
            laden(seed, 13, 8, 3)
        };
        let all = plans(&inst);
        let covers = |chosen: &[u32]| {
            (0..inst.values.len() as u32)
                .all(|e| !inst.coverable(e) || inst.closers(e).iter().any(|j| chosen.contains(j)))
        };
        let least = all
            .iter()
            .filter(|p| covers(&p.0))
            .map(|p| p.2)
            .fold(f64::INFINITY, f64::min);
        for limit in [1, 3, 10, 1_000_000] {
            let everything: Vec<u32> = (0..inst.len() as u32).collect();
            let cost = inst.cost_of(&everything);
            let start = unproven(everything, cost, 0.0);
            let plan = search_cover(&inst, start, limit);
            let case = format!("seed {seed}, limit {limit}");
            assert_closed(&inst, &plan.chosen);
            assert!(covers(&plan.chosen), "{case}");
            assert!(
                (plan.cost - inst.cost_of(&plan.chosen)).abs() < 1e-9,
                "{case}"
            );
            assert!(
                plan.bound <= least + 1e-9,
                "{case}: bound {} > {least}",
                plan.bound
            );
            assert!(plan.cost >= least - 1e-9, "{case}");
            if plan.proven {
                assert!(
                    (plan.cost - least).abs() < 1e-9,
                    "{case}: {} for {least}",
                    plan.cost
                );
            } else {
                stopped += 1;
            }
            if limit == 1_000_000 {
                assert!(plan.proven, "{case}");
                branched += usize::from(plan.nodes > 1);
            }
        }
    }
    assert!(branched > 0, "no search branched");
    assert!(stopped > 0, "every search finished within a few nodes");
}

#[test]
fn the_same_plan_and_bound_every_time() {
    let inst = valued(3, false);
    let hours: f64 = (0..inst.len() as u32).map(|j| inst.hours(j)).sum();
    let run = || {
        let empty = unproven(Vec::new(), 0.0, f64::INFINITY);
        search_budget(&inst, hours / 3.0, empty, 5)
    };
    let first = run();
    for _ in 0..3 {
        assert_eq!(run(), first);
    }
}

#[test]
fn small_instances_keep_the_search_plan() {
    let inst = valued(5, false);
    let empty = unproven(Vec::new(), 0.0, f64::INFINITY);
    assert_eq!(prove_budget(&inst, 10.0, empty.clone(), 1_000), empty);
    assert_eq!(prove_cover(&inst, empty.clone(), 1_000), empty);
}

/// `random`'s instance with costs (and hours) drawn from `costs` and element values cycled
/// from `values`.
fn nasty(seed: u64, costs: &[f64], values: &[f64]) -> Instance {
    let mut inst = random(seed, 12, 8, costs);
    for (e, v) in inst.values.iter_mut().enumerate() {
        *v = values[(e + seed as usize) % values.len()];
    }
    inst.set_values_derived();
    inst
}

/// Whether `a` is at most `b` but for rounding.
fn at_most(a: f64, b: f64) -> bool {
    a <= b + 1e-9 * b.abs().max(a.abs()).max(1e-300)
}

/// Hours and values far apart (10⁻⁶ to 10⁹ hours, 1/16 to 10¹⁸ value: beyond the solver's
/// range, so left with the label they came with), every course at 10⁹ or 10⁻⁷ hours (in
/// range, at extreme magnitudes), and every course and gap alike (ties everywhere): the
/// search never panics, its bounds are on the right side of the optimum and every proof is
/// true.
#[test]
fn numbers_far_apart_tiny_huge_or_tied_give_no_false_claim() {
    let costs: [&[f64]; 5] = [&[1e-6, 1.0, 1e9], &[1e9], &[1e-7], &[1e9, 2e9, 3e9], &[1.0]];
    let values: [&[f64]; 4] = [
        &[1.0],
        &[1e18, 0.0625, 1.0],
        &[1e-7, 3e-7],
        &[1e9, 1e9, 2e9],
    ];
    let mut proven = 0;
    for seed in 0..8 {
        for (costs, values) in costs
            .iter()
            .flat_map(|c| values.iter().map(move |v| (c, v)))
        {
            let inst = nasty(seed, costs, values);
            let case = format!("seed {seed}, costs {costs:?}, values {values:?}");
            let all = plans(&inst);
            let covers = |chosen: &[u32]| {
                (0..inst.values.len() as u32).all(|e| {
                    !inst.coverable(e) || inst.closers(e).iter().any(|j| chosen.contains(j))
                })
            };
            let least = (all.iter().filter(|p| covers(&p.0)))
                .map(|p| p.2)
                .fold(f64::INFINITY, f64::min);
            let everything: Vec<u32> = (0..inst.len() as u32).collect();
            let cost = inst.cost_of(&everything);
            let plan = search_cover(&inst, unproven(everything, cost, 0.0), 1_000);
            assert_closed(&inst, &plan.chosen);
            assert!(covers(&plan.chosen), "{case}");
            assert!(
                at_most(plan.bound, least),
                "{case}: bound {} > {least}",
                plan.bound
            );
            assert!(at_most(least, plan.cost), "{case}");
            if plan.proven {
                assert!(
                    at_most(plan.cost, least),
                    "{case}: {} for {least}",
                    plan.cost
                );
                proven += 1;
            }
            let hours: f64 = (0..inst.len() as u32).map(|j| inst.hours(j)).sum();
            let budget = hours / 3.0;
            let most = (all.iter().filter(|p| at_most(p.3, budget)))
                .map(|p| p.1)
                .fold(0.0, f64::max);
            let empty = unproven(Vec::new(), 0.0, inst.values.iter().sum());
            let plan = search_budget(&inst, budget, empty, 1_000);
            let value = value_of_chosen(&inst, &plan.chosen);
            let spent: f64 = plan.chosen.iter().map(|&j| inst.hours(j)).sum();
            assert_closed(&inst, &plan.chosen);
            assert!(at_most(spent, budget), "{case}");
            assert!(
                at_most(most, plan.bound),
                "{case}: bound {} < {most}",
                plan.bound
            );
            assert!(at_most(value, most), "{case}");
            if plan.proven || at_most(plan.bound, value) {
                assert!(at_most(most, value), "{case}: {value} for {most}");
            }
        }
    }
    assert!(proven > 0, "no cover proven");
}

/// A panic inside the solver is caught: the search ends, the caller does not unwind (the
/// message is still written by the panic hook).
#[test]
fn a_panic_inside_the_solver_is_caught() {
    assert_eq!(guarded(|| 7), Some(7));
    assert_eq!(guarded(|| -> u32 { panic!("a solver's panic") }), None);
}
