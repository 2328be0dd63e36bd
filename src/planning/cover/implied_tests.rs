//! Tests of `implied.rs` against enumeration of every plan, and of the search on a part
//! some of whose closings it drops.

// Costs here are whole numbers, exact in floating point.
#![allow(clippy::float_cmp)]

use super::exact::counters::LOCAL_SEARCHES;
use super::exact::rows::solve_part;
use super::implied::without_implied_closers;
use super::instance::Instance;
use super::instance::tests::{laden, line};
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

#[test]
fn every_plan_closes_the_same_elements_without_implied_closers() {
    let mut dropped = 0;
    for seed in 0..150 {
        let inst = laden(seed, 12, 6, 3);
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

/// A part of one of `bench_recommend`'s officers (62 candidates, 33 elements; the
/// instance `solve_part` received, costs in hours): candidate 49 requires 31 and 61
/// requires 30, each pair closing an element both close, which the tight instance drops.
const OFFICER_PART: [(f64, &[u32], &[u32]); 62] = [
    (3.0, &[28], &[]),
    (15.0, &[17], &[]),
    (28.0, &[], &[]),
    (4.0, &[], &[]),
    (35.0, &[14, 21], &[]),
    (36.0, &[8], &[4]),
    (12.0, &[14], &[3]),
    (38.0, &[22, 31], &[]),
    (3.0, &[31], &[]),
    (26.0, &[1], &[]),
    (8.0, &[4], &[]),
    (31.0, &[19], &[5]),
    (2.0, &[29], &[]),
    (1.0, &[3], &[9]),
    (29.0, &[19], &[1]),
    (11.0, &[12], &[]),
    (8.0, &[6, 15], &[]),
    (13.0, &[23], &[]),
    (12.0, &[0, 4], &[12]),
    (30.0, &[15, 23], &[]),
    (36.0, &[15, 18], &[]),
    (3.0, &[3, 9], &[]),
    (2.0, &[22, 24], &[]),
    (25.0, &[10, 24], &[]),
    (19.0, &[21], &[]),
    (29.0, &[3, 25], &[]),
    (2.0, &[15], &[]),
    (38.0, &[2, 16], &[]),
    (29.0, &[3, 13], &[]),
    (26.0, &[0, 13], &[]),
    (29.0, &[4, 15], &[]),
    (38.0, &[8, 21], &[]),
    (12.0, &[14, 27, 32], &[]),
    (25.0, &[], &[]),
    (27.0, &[9, 21, 30], &[]),
    (24.0, &[9, 12, 23], &[]),
    (6.0, &[2, 11, 32], &[2]),
    (31.0, &[16, 25], &[35]),
    (37.0, &[5, 25], &[]),
    (1.0, &[9], &[]),
    (19.0, &[26, 29], &[]),
    (39.0, &[20, 26], &[20]),
    (29.0, &[7, 28], &[3]),
    (7.0, &[7], &[33]),
    (9.0, &[2], &[]),
    (5.0, &[18, 30], &[]),
    (34.0, &[7], &[]),
    (7.0, &[5], &[]),
    (20.0, &[6, 20], &[6]),
    (11.0, &[4, 21], &[31]),
    (15.0, &[11, 18], &[]),
    (21.0, &[8, 10], &[20]),
    (24.0, &[1], &[]),
    (7.0, &[10], &[]),
    (39.0, &[6, 16, 30], &[]),
    (13.0, &[16], &[]),
    (16.0, &[27, 29, 30], &[]),
    (38.0, &[14, 24], &[]),
    (21.0, &[25], &[]),
    (9.0, &[0, 17], &[]),
    (10.0, &[14], &[]),
    (13.0, &[2, 9, 15], &[30]),
];

#[test]
fn the_repairs_read_the_selection_on_the_part_itself_and_prove_its_root() {
    let mut inst = Instance::with_capacity(vec![1.0; 33], 62, 0);
    for (cost, covers, pre) in OFFICER_PART {
        inst.push(cost, cost, covers, pre);
    }
    inst.finish();
    let tight = without_implied_closers(&inst).expect("49 requires 31, 61 requires 30");
    assert_eq!(tight.closers(21), &[4, 24, 31, 34]);
    assert_eq!(tight.closers(15), &[16, 19, 20, 26, 30]);
    // The optimum, by the exact search, is 344 h; the root's bounds prove it once a
    // repair finds it, and then the local search does not run.
    assert_eq!(exact_cover(&inst, 1_000_000).cost, 344.0);
    LOCAL_SEARCHES.with(|searches| searches.set(0));
    let solution = solve_part(&inst, 0, false, f64::INFINITY).expect("no cutoff");
    assert_eq!((solution.cost, solution.bound), (344.0, 344.0));
    assert!(solution.proven);
    assert_eq!(
        LOCAL_SEARCHES.with(std::cell::Cell::get),
        0,
        "the root ran the local search"
    );
}
