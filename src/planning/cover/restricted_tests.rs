//! The exact search's restricted parts (a target's reduced-cost fixing leaving parts too
//! large for the table of `tiny.rs`) against an exhaustive search.

// Costs here are whole numbers or quarters, exact in floating point.
#![allow(clippy::float_cmp)]

use super::exact::TABU_AFTER_SEARCH_FROM;
use super::exact::counters::{RESTRICTED_ROOTS, ROUNDED_CHEAPER, TABU_LARGEST};
use super::instance::Instance;
use super::instance::tests::random;
use super::solve::{bounded_cover, exact_cover, exact_cover_within};
use super::tests::exported;

/// The least cost of a cover closing every coverable element, by exhaustive search: branch
/// on the open element with the fewest closers over each of its closers, taken with its
/// prerequisites, each branch excluding the closers tried before it; a branch stops once
/// its cost reaches the best cover found. Shares nothing with the crate's solvers.
fn least_cost(inst: &Instance) -> f64 {
    let mut chosen = vec![false; inst.len()];
    let mut banned = vec![false; inst.len()];
    let mut best = f64::INFINITY;
    search(inst, &mut chosen, &mut banned, 0.0, &mut best);
    best
}

fn search(inst: &Instance, chosen: &mut [bool], banned: &mut [bool], cost: f64, best: &mut f64) {
    if cost >= *best {
        return;
    }
    let open = (0..inst.values.len() as u32)
        .filter(|&e| inst.coverable(e))
        .filter(|&e| !inst.closers(e).iter().any(|&j| chosen[j as usize]))
        .min_by_key(|&e| inst.closers(e).len());
    let Some(e) = open else {
        *best = cost;
        return;
    };
    let mut tried = Vec::new();
    for &j in inst.closers(e) {
        // `j` with its unchosen prerequisites, none of them banned.
        let mut added = Vec::new();
        let mut stack = vec![j];
        let mut allowed = true;
        while let Some(k) = stack.pop() {
            if chosen[k as usize] || added.contains(&k) {
                continue;
            }
            allowed &= !banned[k as usize];
            added.push(k);
            stack.extend_from_slice(inst.prerequisites(k));
        }
        if allowed {
            let extra: f64 = added.iter().map(|&k| inst.cost(k)).sum();
            for &k in &added {
                chosen[k as usize] = true;
            }
            search(inst, chosen, banned, cost + extra, best);
            for &k in &added {
                chosen[k as usize] = false;
            }
        }
        banned[j as usize] = true;
        tried.push(j);
    }
    for j in tried {
        banned[j as usize] = false;
    }
}

#[test]
fn restricted_parts_keep_the_least_cost_and_the_cutoff() {
    // Instances of 40 candidates and 26 elements: the root leaves a gap, a target's fixing
    // leaves parts of more elements than the table of `tiny.rs` takes, and those parts are
    // searched as restricted parts (no local search, targets stopping at the cutoff).
    let costs: [&[f64]; 3] = [&[10.0], &[1.0, 2.0, 3.0, 5.0], &[1.25, 2.5, 3.75, 7.0]];
    let mut reached = 0;
    for costs in costs {
        for seed in 0..200 {
            let inst = random(seed, 40, 26, costs);
            RESTRICTED_ROOTS.with(|roots| roots.set(0));
            let plan = exact_cover(&inst, 1_000_000);
            if RESTRICTED_ROOTS.with(std::cell::Cell::get) == 0 {
                continue;
            }
            reached += 1;
            let optimum = least_cost(&inst);
            assert!(plan.proven, "seed {seed}");
            assert_eq!(plan.cost, optimum, "seed {seed}");
            assert_eq!(plan.bound, optimum, "seed {seed}");
            assert_eq!(inst.cost_of(&plan.chosen), optimum, "seed {seed}");
            for cutoff in [optimum - 1.0, optimum - 0.25, optimum, f64::INFINITY] {
                for limit in [1, 3, 1_000_000] {
                    match exact_cover_within(&inst, limit, cutoff) {
                        Ok(plan) => {
                            assert!(plan.bound <= optimum && optimum <= plan.cost, "seed {seed}");
                            assert!(!plan.proven || plan.cost == optimum, "seed {seed}");
                            assert!(limit < 1_000_000 || plan.proven, "seed {seed}");
                        }
                        Err(bound) => assert!(
                            bound > cutoff && bound <= optimum,
                            "seed {seed}, cutoff {cutoff}, bound {bound}"
                        ),
                    }
                }
            }
        }
    }
    assert!(reached >= 20, "{reached} instances reach a restricted part");
}

#[test]
fn a_large_part_far_from_its_bound_is_proven_with_the_tabu_search_at_its_root() {
    // `overlapping-1` of `bench_plans` (an ESCO occupation against the overlapping
    // catalogue: 1,258 ten-hour courses, 63 gaps): HiGHS proves 200 hours the least. Its
    // root leaves a gap of more than 1%, so the tabu search runs at the root of its large
    // part (it waits for the search only within 1% of the bound), and the search proves
    // the optimum.
    let mut v: serde_json::Value =
        serde_json::from_str(include_str!("testdata/overlapping-1.json")).expect("json");
    let optimum = v["optimum"].as_f64().expect("optimum");
    let inst = exported(&v);
    TABU_LARGEST.with(|largest| largest.set(0));
    let plan = exact_cover(&inst, 2_000);
    assert!(plan.proven);
    assert_eq!((plan.cost, plan.bound), (optimum, optimum));
    assert_eq!(inst.cost_of(&plan.chosen), optimum);
    assert!(TABU_LARGEST.with(std::cell::Cell::get) > TABU_AFTER_SEARCH_FROM);
    // Every course now requires a new 5,000-hour course closing nothing: every cover holds
    // it, so the least hours are 5,200.
    let n = v["hours"].as_array().expect("hours").len();
    for pre in v["prerequisites"].as_array_mut().expect("prerequisites") {
        pre.as_array_mut().expect("an array").push(n.into());
    }
    v["hours"]
        .as_array_mut()
        .expect("hours")
        .push(5_000.0.into());
    v["covers"]
        .as_array_mut()
        .expect("covers")
        .push(serde_json::json!([]));
    v["prerequisites"]
        .as_array_mut()
        .expect("prerequisites")
        .push(serde_json::json!([]));
    let inst = exported(&v);
    let optimum = optimum + 5_000.0;
    let plan = exact_cover(&inst, 2_000);
    assert!(plan.proven);
    assert_eq!((plan.cost, plan.bound), (optimum, optimum));
    assert_eq!(inst.cost_of(&plan.chosen), optimum);
    let plan = bounded_cover(&inst);
    assert!(plan.bound <= optimum && optimum <= plan.cost);
    assert_eq!(inst.cost_of(&plan.chosen), plan.cost);
}

#[test]
fn covers_rounded_from_the_relaxation_beat_the_repairs_and_keep_the_least_cost() {
    // Instances of 40 candidates and 26 elements of ten-hour courses: on several the
    // repairs of the Lagrangian selections leave the root more than 1% above its bound and
    // the cover rounded from the primal–dual method's primal iterate is cheaper than every
    // repair; every plan is still the least, by exhaustive search.
    let mut cheaper = 0;
    for seed in 0..100 {
        let inst = random(seed, 40, 26, &[10.0]);
        ROUNDED_CHEAPER.with(|rounded| rounded.set(0));
        let plan = exact_cover(&inst, 1_000_000);
        cheaper += ROUNDED_CHEAPER.with(std::cell::Cell::get);
        let optimum = least_cost(&inst);
        assert!(plan.proven, "seed {seed}");
        assert_eq!((plan.cost, plan.bound), (optimum, optimum), "seed {seed}");
        assert_eq!(inst.cost_of(&plan.chosen), optimum, "seed {seed}");
    }
    assert!(
        cheaper >= 3,
        "{cheaper} rounded covers cheaper than the repairs"
    );
}
