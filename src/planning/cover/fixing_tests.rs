//! Reduced-cost fixing (`fixing.rs`) against enumeration: no cover cheaper than the
//! incumbent is cut off, and the search with fixing keeps the least cost.

// Costs here are whole numbers, exact in floating point.
#![allow(clippy::float_cmp)]

use super::fixing::reduced_cost_fixing;
use super::instance::Instance;
use super::instance::tests::random;
use super::lagrange::Lagrange;
use super::pdhg::lp_solve;
use super::solve::{exact_cover, exact_cover_within};
use super::state::State;
use super::tests::least_cost;

/// Every closed set of candidates covering every coverable element, with its cost.
fn covers_of(inst: &Instance) -> Vec<(u32, f64)> {
    let n = inst.len();
    let mut out = Vec::new();
    for set in 0u32..1 << n {
        let has = |j: u32| set >> j & 1 == 1;
        let closed =
            (0..n as u32).all(|j| !has(j) || inst.prerequisites(j).iter().all(|&p| has(p)));
        let covered = (0..inst.values.len() as u32)
            .all(|e| !inst.coverable(e) || inst.closers(e).iter().any(|&j| has(j)));
        if closed && covered {
            let chosen: Vec<u32> = (0..n as u32).filter(|&j| has(j)).collect();
            out.push((set, inst.cost_of(&chosen)));
        }
    }
    out
}

#[test]
fn reduced_cost_fixing_keeps_every_cheaper_cover() {
    let (mut ins, mut outs) = (0, 0);
    for (costs, seeds) in [(&[10.0][..], 0..60), (&[1.0, 2.0, 3.0, 5.0][..], 60..120)] {
        for seed in seeds {
            let inst = random(seed, 12, 9, costs);
            let covers = covers_of(&inst);
            let mut levels: Vec<f64> = covers.iter().map(|c| c.1).collect();
            levels.sort_by(f64::total_cmp);
            levels.dedup();
            levels.truncate(4);
            let optimum = levels[0];
            let state = State::new(&inst);
            let mut lagrange = Lagrange::new(&inst);
            assert!(lagrange.prepare(&inst, &state, &vec![false; inst.len()]));
            // Any non-negative multipliers: the relaxation's, and scaled or shifted ones.
            let mut root = Lagrange::new(&inst);
            assert!(root.prepare(&inst, &state, &vec![false; inst.len()]));
            root_lp_into(&inst, &mut root);
            for k in 0..4u32 {
                let u: Vec<f64> = root
                    .u
                    .iter()
                    .enumerate()
                    .map(|(e, &a)| match k {
                        0 => a,
                        1 => 1.5 * a,
                        2 => a + f64::from(e as u32 % 3),
                        _ => f64::from((e as u32 * 7 + seed as u32) % 5),
                    })
                    .collect();
                let bound = lagrange.consider(&inst, 0.0, &u, f64::NEG_INFINITY);
                assert!(inst.round_up(bound) <= optimum, "seed {seed}");
                // Incumbents are costs of covers (the fixing proves none cheaper).
                for &incumbent in &levels {
                    let (fixed_in, fixed_out) =
                        reduced_cost_fixing(&inst, &lagrange, bound, incumbent, None);
                    ins += fixed_in.len();
                    outs += fixed_out.iter().filter(|&&x| x).count();
                    for &(set, cost) in &covers {
                        if cost >= incumbent {
                            continue;
                        }
                        let has = |j: u32| set >> j & 1 == 1;
                        assert!(fixed_in.iter().all(|&j| has(j)), "seed {seed} k {k}");
                        assert!(
                            (0..inst.len() as u32).all(|j| !fixed_out[j as usize] || !has(j)),
                            "seed {seed} k {k}"
                        );
                    }
                }
            }
        }
    }
    assert!(ins > 100 && outs > 100, "{ins} fixed in, {outs} fixed out");
}

/// Leaves the relaxation's multipliers of [`lp_solve`] at the root in `lagrange`.
fn root_lp_into(inst: &Instance, lagrange: &mut Lagrange) {
    let state = State::new(inst);
    lp_solve(
        inst,
        lagrange,
        &state,
        f64::INFINITY,
        f64::NEG_INFINITY,
        2_000,
    );
}

#[test]
fn fixing_and_splitting_keep_the_least_cost_on_larger_instances() {
    for (costs, seeds) in [(&[10.0][..], 0..20), (&[1.0, 2.0, 3.0, 5.0][..], 20..40)] {
        for seed in seeds {
            let inst = random(seed, 17, 13, costs);
            let optimum = least_cost(&inst);
            for limit in [0, 3, 1_000_000] {
                let exact = exact_cover(&inst, limit);
                assert!(
                    exact.bound <= optimum && optimum <= exact.cost,
                    "seed {seed}"
                );
                assert!(!exact.proven || exact.cost == optimum, "seed {seed}");
                if limit == 1_000_000 {
                    assert!(exact.proven, "seed {seed}");
                }
            }
        }
    }
}

#[test]
fn fixing_against_the_bound_with_kept_rows_keeps_every_cheaper_cover() {
    use super::blocks::kept_rows_bound;
    let (mut fixed, mut kept_blocks) = (0, 0);
    for (costs, seeds) in [(&[10.0][..], 0..60), (&[1.0, 2.0, 3.0, 5.0][..], 60..120)] {
        for seed in seeds {
            let inst = random(seed, 12, 9, costs);
            let covers = covers_of(&inst);
            let mut levels: Vec<f64> = covers.iter().map(|c| c.1).collect();
            levels.sort_by(f64::total_cmp);
            levels.dedup();
            levels.truncate(4);
            let state = State::new(&inst);
            let mut lagrange = Lagrange::new(&inst);
            assert!(lagrange.prepare(&inst, &state, &vec![false; inst.len()]));
            for iterations in [1, 2_000] {
                lagrange.initialise(&inst);
                root_lp_into_prepared(&inst, &mut lagrange, iterations);
                let u = lagrange.u.clone();
                lagrange.consider(&inst, 0.0, &u, f64::NEG_INFINITY);
                lagrange.keep_best();
                let (bound, _, in_block) = kept_rows_bound(&inst, &lagrange, &state, |sub| {
                    let s = exact_cover(sub, 1_000_000);
                    (s.bound, Some(s.chosen))
                });
                kept_blocks += in_block.iter().filter(|&&b| b).count();
                for &incumbent in &levels {
                    let (fixed_in, fixed_out) =
                        reduced_cost_fixing(&inst, &lagrange, bound, incumbent, Some(&in_block));
                    fixed += fixed_in.len() + fixed_out.iter().filter(|&&x| x).count();
                    for &(set, cost) in covers.iter().filter(|c| c.1 < incumbent) {
                        let has = |j: u32| set >> j & 1 == 1;
                        assert!(fixed_in.iter().all(|&j| has(j)), "seed {seed}");
                        assert!(
                            (0..inst.len() as u32).all(|j| !fixed_out[j as usize] || !has(j)),
                            "seed {seed}: {cost} < {incumbent}"
                        );
                    }
                }
            }
        }
    }
    assert!(
        fixed > 100 && kept_blocks > 100,
        "{fixed} fixed, {kept_blocks} in blocks"
    );
}

/// Runs [`lp_solve`] at the root on a prepared `lagrange`, leaving its multipliers there.
fn root_lp_into_prepared(inst: &Instance, lagrange: &mut Lagrange, iterations: u32) {
    let state = State::new(inst);
    lp_solve(
        inst,
        lagrange,
        &state,
        f64::INFINITY,
        f64::NEG_INFINITY,
        iterations,
    );
}

#[test]
fn fixing_against_targets_below_the_incumbent_keeps_the_least_cost_and_the_cutoff() {
    // The search fixes against rising targets between the bound and the incumbent, and
    // stops once its bound passes the cutoff: every answer must agree with enumeration.
    let costs: [&[f64]; 3] = [&[10.0], &[1.0, 2.0, 3.0, 5.0], &[1.25, 2.5, 3.75, 7.0]];
    for (k, costs) in costs.into_iter().enumerate() {
        for seed in 40 + 20 * k as u64..60 + 20 * k as u64 {
            let inst = random(seed, 17, 13, costs);
            let optimum = least_cost(&inst);
            for cutoff in [
                optimum - 1.0,
                optimum - 0.25,
                optimum,
                optimum + 1.0,
                f64::INFINITY,
            ] {
                for limit in [2, 1_000_000] {
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
}
