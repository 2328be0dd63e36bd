//! Tests of `implied.rs` against enumeration of every plan.

// Costs here are whole numbers, exact in floating point.
#![allow(clippy::float_cmp)]

use super::implied::without_implied_closers;
use super::instance::Instance;
use super::instance::tests::{line, random};
use super::solve::exact_cover;
use super::tests::least_cost;

/// The elements a set of candidates (a bit set) closes, if it holds the prerequisites
/// of what it holds.
fn closed_by(inst: &Instance, set: u32) -> Option<Vec<u32>> {
    let has = |j: u32| set >> j & 1 == 1;
    let n = inst.len() as u32;
    (0..n)
        .all(|j| !has(j) || inst.prerequisites(j).iter().all(|&p| has(p)))
        .then(|| {
            (0..inst.values.len() as u32)
                .filter(|&e| inst.closers(e).iter().any(|&j| has(j)))
                .collect()
        })
}

/// `random`'s instances with more prerequisites: candidate `i` also requires
/// `i / 2` when `i` is a multiple of three.
fn laden(seed: u64, n: u32, m: u32) -> Instance {
    let base = random(seed, n, m, &[1.0, 2.0, 3.0, 5.0]);
    let mut inst = Instance::with_capacity(base.values.clone(), n as usize, 0);
    for j in 0..n {
        let mut pre = base.prerequisites(j).to_vec();
        if j > 0 && j % 3 == 0 {
            pre.push(j / 2);
        }
        pre.sort_unstable();
        pre.dedup();
        inst.push(base.cost(j), base.hours(j), base.covers(j), &pre);
    }
    inst.finish();
    inst
}

#[test]
fn every_plan_closes_the_same_elements_without_implied_closers() {
    let mut dropped = 0;
    for seed in 0..150 {
        let inst = laden(seed, 12, 6);
        let Some(tight) = without_implied_closers(&inst) else {
            continue;
        };
        dropped += (0..12).map(|j| inst.covers(j).len()).sum::<usize>()
            - (0..12).map(|j| tight.covers(j).len()).sum::<usize>();
        for set in 0u32..1 << 12 {
            assert_eq!(
                closed_by(&inst, set),
                closed_by(&tight, set),
                "seed {seed}, set {set:b}"
            );
        }
        for e in 0..6 {
            assert_eq!(inst.coverable(e), tight.coverable(e), "seed {seed}");
        }
        assert_eq!(least_cost(&inst), least_cost(&tight), "seed {seed}");
        assert_eq!(exact_cover(&tight, 1_000_000).cost, least_cost(&inst));
    }
    assert!(dropped > 100, "only {dropped} closings dropped");
}

#[test]
fn a_closer_requiring_another_through_a_chain_is_dropped() {
    // 0 ← 1 ← 2 (2 requires 1, 1 requires 0); 0 and 2 close element 0, 1 closes 1.
    let mut inst = Instance::with_capacity(vec![1.0; 2], 3, 3);
    inst.push(1.0, 1.0, &[0], &[]);
    inst.push(1.0, 1.0, &[1], &[0]);
    inst.push(1.0, 1.0, &[0], &[1]);
    inst.finish();
    let tight = without_implied_closers(&inst).expect("2 requires 0, both close 0");
    assert_eq!(tight.closers(0), &[0]);
    assert_eq!(tight.closers(1), &[1]);
    assert!(tight.covers(2).is_empty());
    let plain = line(3, true);
    assert!(without_implied_closers(&plain).is_none(), "nothing to drop");
}
