//! Tests of `cuts.rs` against enumeration of every plan, and of the search on instances
//! with the rows it adds.

// Costs here are whole numbers, exact in floating point.
#![allow(clippy::float_cmp)]

use super::budget_lp::budget_lp_bound;
use super::cuts::{with_owned_rows, with_shared_prerequisite_rows};
use super::exact::rows::{solve_part, solve_part_one_way};
use super::implied::without_implied_closers;
use super::instance::Instance;
use super::instance::tests::laden;
use super::solve::exact_cover;
use super::state::value_of_chosen;
use super::tests::least_cost;

/// Whether a set of candidates (a bit set) holds the prerequisites of what it holds and
/// closes elements `0..m`.
fn closes_first(inst: &Instance, set: u32, m: u32) -> bool {
    let has = |j: u32| set >> j & 1 == 1;
    (0..inst.len() as u32).all(|j| !has(j) || inst.prerequisites(j).iter().all(|&p| has(p)))
        && (0..m).all(|e| inst.closers(e).iter().any(|&j| has(j)))
}

#[test]
fn every_plan_closes_the_rows_shared_prerequisites_imply() {
    let mut rows = 0;
    for seed in 0..200 {
        let base = laden(seed, 12, 6, 2);
        let implied = without_implied_closers(&base).unwrap_or(base.clone());
        let Some(cut) = with_shared_prerequisite_rows(&implied) else {
            continue;
        };
        let m = implied.values.len() as u32;
        let all = cut.values.len() as u32;
        assert!(all > m, "seed {seed}: no row added");
        rows += all - m;
        for e in 0..m {
            assert_eq!(cut.closers(e), implied.closers(e), "seed {seed}");
        }
        for set in 0u32..1 << 12 {
            // A plan of the instance closes every added row, and the other way round.
            assert_eq!(
                closes_first(&cut, set, m),
                closes_first(&cut, set, all),
                "seed {seed}, set {set:b}"
            );
        }
        assert_eq!(least_cost(&cut), least_cost(&base), "seed {seed}");
        assert_eq!(exact_cover(&base, 1_000_000).cost, least_cost(&base));
    }
    assert!(rows > 100, "only {rows} rows added");
}

#[test]
fn two_closers_sharing_a_prerequisite_give_a_row() {
    // 1 and 2 each require 0 and close element 0; 3 closes it alone.
    let mut inst = Instance::with_capacity(vec![1.0], 4, 3);
    inst.push(4.0, 4.0, &[], &[]);
    inst.push(1.0, 1.0, &[0], &[0]);
    inst.push(1.0, 1.0, &[0], &[0]);
    inst.push(3.0, 3.0, &[0], &[]);
    inst.finish();
    let cut = with_shared_prerequisite_rows(&inst).expect("1 and 2 share 0");
    assert_eq!(cut.values.len(), 2);
    assert_eq!(cut.closers(1), &[0, 3]);
    assert_eq!(cut.covers(1), &[0]);
    // Only one closer requiring 0: no row.
    let mut one = Instance::with_capacity(vec![1.0], 3, 2);
    one.push(4.0, 4.0, &[], &[]);
    one.push(1.0, 1.0, &[0], &[0]);
    one.push(3.0, 3.0, &[0], &[]);
    one.finish();
    assert!(with_shared_prerequisite_rows(&one).is_none());
}

#[test]
fn the_budget_relaxation_with_the_rows_bounds_every_plan() {
    let mut rows = 0;
    for seed in 0..200 {
        let base = laden(seed, 12, 6, 2);
        let implied = without_implied_closers(&base).unwrap_or(base.clone());
        let Some((tight, owner)) = with_owned_rows(&implied) else {
            continue;
        };
        let m = implied.values.len();
        assert_eq!(tight.values.len(), m + owner.len(), "seed {seed}");
        assert!(owner.iter().all(|&e| (e as usize) < m), "seed {seed}");
        rows += owner.len();
        let hours: f64 = (0..base.len() as u32).map(|j| base.hours(j)).sum();
        for budget in [hours / 4.0, hours / 2.0] {
            let mut best: f64 = 0.0;
            for set in 0u32..1 << 12 {
                let has = |j: u32| set >> j & 1 == 1;
                let all = 0..base.len() as u32;
                let closed = all
                    .clone()
                    .all(|j| !has(j) || base.prerequisites(j).iter().all(|&p| has(p)));
                let chosen: Vec<u32> = all.filter(|&j| has(j)).collect();
                let spent: f64 = chosen.iter().map(|&j| base.hours(j)).sum();
                if closed && spent <= budget {
                    best = best.max(value_of_chosen(&base, &chosen));
                }
            }
            for iterations in [1, 20, 1_000] {
                let bound = budget_lp_bound(&tight, &owner, budget, 0.0, iterations).bound;
                assert!(bound >= best - 1e-9, "seed {seed}: {bound} < {best}");
            }
        }
    }
    assert!(rows > 100, "only {rows} rows added");
}

#[test]
fn a_shared_prerequisite_row_tightens_the_budget_relaxation() {
    // 1 and 2 (2 h each) require 0 (1 h) and close element 0; 3 (6 h) closes it alone.
    // Within 2.5 h no plan closes it; the relaxation takes 0, 1 and 2 at one half each and
    // closes it whole, while y ≤ x_0 + x_3 holds it to 5/6.
    let mut inst = Instance::with_capacity(vec![1.0], 4, 3);
    inst.push(1.0, 1.0, &[], &[]);
    inst.push(2.0, 2.0, &[0], &[0]);
    inst.push(2.0, 2.0, &[0], &[0]);
    inst.push(6.0, 6.0, &[0], &[]);
    inst.finish();
    let plain = budget_lp_bound(&inst, &[], 2.5, 0.0, 5_000).bound;
    assert!(plain >= 1.0 - 1e-9, "{plain}");
    let (tight, owner) = with_owned_rows(&inst).expect("1 and 2 share 0");
    assert_eq!(owner, [0]);
    assert_eq!(tight.closers(1), &[0, 3]);
    let cut = budget_lp_bound(&tight, &owner, 2.5, 0.0, 5_000).bound;
    assert!((5.0 / 6.0 - 1e-9..0.9).contains(&cut), "{cut}");
}

#[test]
fn the_rows_never_weaken_a_bound_nor_lose_a_proof() {
    // Solves where the bound without the rows is the higher: one of the 4,000 here (on
    // `plan_hash`'s prerequisite-laden catalogue, 59 of 6,000 plans).
    let (mut higher, mut compared) = (0, 0);
    for (n, m, seeds) in [(16, 10, 0..300), (60, 40, 0..200)] {
        for seed in seeds {
            let inst = laden(seed, n, m, 2);
            let least = (n <= 16).then(|| least_cost(&inst));
            for limit in [0, 1, 4, 30] {
                for search in [false, true] {
                    let (Ok(both), Ok(rows), Ok(plain)) = (
                        solve_part(&inst, limit, search, f64::INFINITY),
                        solve_part_one_way(&inst, limit, search, true),
                        solve_part_one_way(&inst, limit, search, false),
                    ) else {
                        panic!("seed {seed}: no cutoff, yet no plan");
                    };
                    compared += 1;
                    higher += usize::from(plain.bound > rows.bound);
                    let at = format!("seed {seed}, limit {limit}, search {search}");
                    assert!(both.bound >= rows.bound.max(plain.bound) - 1e-9, "{at}");
                    assert!(both.cost <= rows.cost.min(plain.cost) + 1e-9, "{at}");
                    assert!(both.proven || !(rows.proven || plain.proven), "{at}");
                    assert!(both.bound <= both.cost + 1e-9, "{at}");
                    if let Some(least) = least {
                        assert!(
                            both.bound <= least + 1e-9 && both.cost >= least - 1e-9,
                            "{at}"
                        );
                        assert!(!both.proven || both.cost == least, "{at}");
                    }
                }
            }
        }
    }
    assert!(
        higher > 0,
        "no bound without the rows higher, of {compared}"
    );
}
