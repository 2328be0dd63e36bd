//! The solvers against enumeration on small random instances, and on long chains.

// Costs here are whole numbers, exact in floating point.
#![allow(clippy::float_cmp)]

use super::budget::{exact_budget, greedy_budget};
use super::instance::Instance;
use super::instance::tests::{line, random};
use super::lagrange::Lagrange;
use super::pdhg::lp_solve;
use super::solve::{bounded_cover, bounded_cover_within, exact_cover, exact_cover_within};
use super::state::State;
use super::state::value_of_chosen;

#[test]
fn plans_of_thousands_of_picks_are_proven_without_a_depth_limit() {
    for chain in [false, true] {
        let inst = line(5_000, chain);
        let cover = exact_cover(&inst, 10);
        assert!(cover.proven, "every element has one closer");
        assert_eq!(cover.chosen.len(), 5_000);
        assert_eq!(cover.bound, 5_000.0);
    }
}

/// The least cost of a cover closing every coverable element, by enumeration.
pub(super) fn least_cost(inst: &Instance) -> f64 {
    let n = inst.len();
    let mut best = f64::INFINITY;
    for set in 0u32..1 << n {
        let has = |j: u32| set >> j & 1 == 1;
        let closed =
            (0..n as u32).all(|j| !has(j) || inst.prerequisites(j).iter().all(|&p| has(p)));
        let covered = (0..inst.values.len() as u32)
            .all(|e| !inst.coverable(e) || inst.closers(e).iter().any(|&j| has(j)));
        if closed && covered {
            let chosen: Vec<u32> = (0..n as u32).filter(|&j| has(j)).collect();
            best = best.min(inst.cost_of(&chosen));
        }
    }
    best
}

/// The greedy before its clean-up gives a cover closed under prerequisites, costing what
/// it says, no less than the optimum nor than the greedy after its clean-up.
#[test]
fn the_greedy_before_its_clean_up_covers_at_no_less_than_after() {
    for (costs, seeds) in [(&[10.0][..], 0..40), (&[1.0, 2.0, 3.0, 5.0][..], 40..80)] {
        for seed in seeds {
            let inst = random(seed, 12, 9, costs);
            let plain = super::plain_greedy_cover(&inst);
            let has = |j: u32| plain.chosen.contains(&j);
            for &j in &plain.chosen {
                assert!(inst.prerequisites(j).iter().all(|&p| has(p)), "seed {seed}");
            }
            for e in 0..inst.values.len() as u32 {
                let closed = inst.closers(e).iter().any(|&j| has(j));
                assert!(!inst.coverable(e) || closed, "seed {seed}");
            }
            assert_eq!(plain.cost, inst.cost_of(&plain.chosen), "seed {seed}");
            assert!(plain.cost >= least_cost(&inst), "seed {seed}");
            let cleaned = super::greedy::greedy_cover(&inst);
            assert!(plain.cost >= cleaned.cost, "seed {seed}");
        }
    }
}

#[test]
fn reductions_and_search_keep_the_least_cost() {
    // Uniform costs make dominance ties and forced picks common; mixed costs do not.
    for (costs, seeds) in [(&[10.0][..], 0..60), (&[1.0, 2.0, 3.0, 5.0][..], 60..120)] {
        for seed in seeds {
            let inst = random(seed, 12, 9, costs);
            let optimum = least_cost(&inst);
            let exact = exact_cover(&inst, 1_000_000);
            assert!(exact.proven, "seed {seed}");
            assert_eq!(exact.cost, optimum, "seed {seed}");
            assert_eq!(exact.bound, optimum, "seed {seed}");
            let bounded = bounded_cover(&inst);
            assert!(
                bounded.bound <= optimum && optimum <= bounded.cost,
                "seed {seed}"
            );
            assert!(!bounded.proven || bounded.cost == optimum, "seed {seed}");
        }
    }
}

#[test]
fn a_cutoff_keeps_the_plan_or_proves_every_cover_costs_more() {
    let mut cut = 0;
    for (costs, seeds) in [(&[10.0][..], 0..60), (&[1.0, 2.0, 3.0, 5.0][..], 60..120)] {
        for seed in seeds {
            let inst = random(seed, 12, 9, costs);
            let optimum = least_cost(&inst);
            let plan = bounded_cover(&inst);
            for cutoff in [0.0, optimum - 1.0, optimum, plan.cost, f64::INFINITY] {
                match bounded_cover_within(&inst, cutoff) {
                    Ok(within) => assert_eq!(within, plan, "seed {seed} cutoff {cutoff}"),
                    Err(bound) => {
                        assert!(
                            bound > cutoff && bound <= optimum,
                            "seed {seed} cutoff {cutoff}"
                        );
                        cut += 1;
                    }
                }
            }
        }
    }
    assert!(cut > 50, "{cut}");
}

#[test]
fn a_cutoff_keeps_the_exact_plan_or_proves_every_cover_costs_more() {
    let mut cut = 0;
    for (costs, seeds) in [(&[10.0][..], 0..60), (&[1.0, 2.0, 3.0, 5.0][..], 60..120)] {
        for seed in seeds {
            let inst = random(seed, 12, 9, costs);
            let optimum = least_cost(&inst);
            for limit in [0, 3, 1_000] {
                let plan = exact_cover(&inst, limit);
                for cutoff in [0.0, optimum - 1.0, optimum, plan.cost, f64::INFINITY] {
                    match exact_cover_within(&inst, limit, cutoff) {
                        Ok(within) => {
                            assert_eq!(within, plan, "seed {seed} limit {limit} cutoff {cutoff}");
                        }
                        Err(bound) => {
                            assert!(
                                bound > cutoff && bound <= optimum,
                                "seed {seed} limit {limit} cutoff {cutoff} bound {bound}"
                            );
                            cut += 1;
                        }
                    }
                }
            }
        }
    }
    assert!(cut > 150, "{cut}");
}

#[test]
fn a_cutoff_on_parts_of_hundreds_is_refuted_only_below_the_proven_optimum() {
    // Parts large enough for the bound with kept rows and the reduced-cost fixing: a
    // cutoff below the optimum may be refuted, one at or above it never is, and the plan
    // kept under a cutoff is the one without it.
    let (mut cut, mut proven) = (0, 0);
    for seed in 0..6 {
        let inst = random(900 + seed, 260, 90, &[1.0, 2.0, 3.0, 5.0, 8.0]);
        let plan = exact_cover(&inst, 100_000);
        if !plan.proven {
            continue;
        }
        proven += 1;
        let optimum = plan.cost;
        for cutoff in [
            optimum * 0.9,
            optimum - 1.0,
            optimum - 0.5,
            optimum,
            optimum + 1.0,
        ] {
            match exact_cover_within(&inst, 100_000, cutoff) {
                Ok(within) => assert_eq!(within, plan, "seed {seed} cutoff {cutoff}"),
                Err(bound) => {
                    assert!(
                        bound > cutoff && bound <= optimum,
                        "seed {seed} cutoff {cutoff} bound {bound}"
                    );
                    cut += 1;
                }
            }
        }
    }
    assert!(
        proven >= 4 && cut >= 2 * proven,
        "{proven} proven, {cut} refuted"
    );
}

#[test]
fn reductions_and_exchanges_keep_the_most_value_within_a_budget() {
    for (costs, budget, seeds) in [
        (&[10.0][..], 30.0, 0..60),
        (&[1.0, 2.0, 3.0, 5.0][..], 6.0, 60..120),
    ] {
        for seed in seeds {
            let inst = random(seed, 12, 9, costs);
            // The most value, then the least cost, by enumeration.
            let mut best = (0.0, 0.0);
            for set in 0u32..1 << inst.len() {
                let has = |j: u32| set >> j & 1 == 1;
                let all = 0..inst.len() as u32;
                if !all
                    .clone()
                    .all(|j| !has(j) || inst.prerequisites(j).iter().all(|&p| has(p)))
                {
                    continue;
                }
                let chosen: Vec<u32> = all.filter(|&j| has(j)).collect();
                let cost = inst.cost_of(&chosen);
                let value = value_of_chosen(&inst, &chosen);
                if cost <= budget && (value > best.0 || (value == best.0 && cost < best.1)) {
                    best = (value, cost);
                }
            }
            let exact = exact_budget(&inst, budget, 1_000_000);
            assert!(exact.proven, "seed {seed}");
            let value = value_of_chosen(&inst, &exact.chosen);
            assert_eq!((value, exact.cost), best, "seed {seed}");
            let greedy = greedy_budget(&inst, budget);
            let value = value_of_chosen(&inst, &greedy.chosen);
            assert!(value <= best.0 && best.0 <= greedy.bound, "seed {seed}");
            assert!(greedy.cost <= budget, "seed {seed}");
        }
    }
}

#[test]
fn a_budget_keeps_the_most_value_in_the_fewest_hours() {
    let inst = line(20, false);
    let plan = exact_budget(&inst, 7.5, 1_000_000);
    assert!(plan.proven);
    assert_eq!(plan.chosen.len(), 7);
    assert_eq!(plan.bound, 7.0);
}

/// An instance exported by `examples/bench_plans.rs` (`--export`): hours (also the cost),
/// the elements each candidate closes, its prerequisites, and the elements' values.
pub(super) fn exported(v: &serde_json::Value) -> Instance {
    let numbers = |x: &serde_json::Value| -> Vec<f64> {
        x.as_array()
            .expect("an array")
            .iter()
            .map(|n| n.as_f64().expect("a number"))
            .collect()
    };
    let indices = |x: &serde_json::Value| -> Vec<u32> {
        x.as_array()
            .expect("an array")
            .iter()
            .map(|n| u32::try_from(n.as_u64().expect("an index")).expect("an index"))
            .collect()
    };
    let hours = numbers(&v["hours"]);
    let covers = v["covers"].as_array().expect("covers");
    let pre = v["prerequisites"].as_array().expect("prerequisites");
    let mut inst = Instance::with_capacity(numbers(&v["values"]), hours.len(), 0);
    for (j, &h) in hours.iter().enumerate() {
        inst.push(h, h, &indices(&covers[j]), &indices(&pre[j]));
    }
    inst.finish();
    inst
}

#[test]
fn a_budget_whose_optimum_takes_courses_with_their_missing_prerequisites() {
    // `overlapping-18` of `bench_plans` (a wide ESCO occupation against the overlapping
    // catalogue, 415 ten-hour courses, 82 with a prerequisite, 165 hours): HiGHS proves 94
    // the most value, reached only by taking three courses together with the prerequisite
    // each lacks, two picks out for each such pair.
    let v: serde_json::Value =
        serde_json::from_str(include_str!("testdata/overlapping-18.json")).expect("json");
    let inst = exported(&v);
    let budget = v["budget"].as_f64().expect("budget");
    let optimum = v["optimum"].as_f64().expect("optimum");
    let plan = greedy_budget(&inst, budget);
    assert!(inst.cost_of(&plan.chosen) <= budget);
    assert_eq!(value_of_chosen(&inst, &plan.chosen), optimum);
    assert!(plan.bound >= optimum);
}

/// The bound of [`lp_solve`] at the root of `inst`, after `iterations` steps.
fn root_lp_bound(inst: &Instance, iterations: u32) -> f64 {
    let state = State::new(inst);
    let mut lagrange = Lagrange::new(inst);
    assert!(lagrange.prepare(inst, &state, &vec![false; inst.len()]));
    lp_solve(
        inst,
        &mut lagrange,
        &state,
        f64::INFINITY,
        f64::NEG_INFINITY,
        iterations,
    )
    .0
}

#[test]
fn the_relaxation_bound_never_exceeds_the_least_cost() {
    for (costs, seeds) in [(&[10.0][..], 0..60), (&[1.0, 2.0, 3.0, 5.0][..], 60..120)] {
        for seed in seeds {
            let inst = random(seed, 12, 9, costs);
            let optimum = least_cost(&inst);
            for iterations in [1, 20, 2_000] {
                let bound = root_lp_bound(&inst, iterations);
                assert!(
                    inst.round_up(bound) <= optimum,
                    "seed {seed}, {iterations} iterations: {bound} > {optimum}"
                );
            }
        }
    }
}

/// Three candidates of cost 1, each closing two of three elements of value 1.
fn triangle() -> Instance {
    let mut inst = Instance::with_capacity(vec![1.0; 3], 3, 6);
    for covers in [[0, 1], [1, 2], [0, 2]] {
        inst.push(1.0, 1.0, &covers, &[]);
    }
    inst.finish();
    inst
}

#[test]
fn the_relaxation_bound_counts_prerequisites_and_fractions() {
    // The relaxation takes each of the triangle's candidates at one half (cost 1.5),
    // rounded up to the unit: every cover costs 2.
    let inst = triangle();
    let bound = root_lp_bound(&inst, 2_000);
    assert!((bound - 1.5).abs() < 1e-3 && bound <= 1.5 + 1e-9, "{bound}");
    assert_eq!(inst.round_up(bound), 2.0);
    // A chain whose last course alone closes the element: the whole chain's cost.
    let mut inst = Instance::with_capacity(vec![1.0], 30, 1);
    for j in 0..30u32 {
        let covers: &[u32] = if j == 29 { &[0] } else { &[] };
        let pre = if j > 0 { vec![j - 1] } else { vec![] };
        inst.push(1.0, 1.0, covers, &pre);
    }
    inst.finish();
    assert_eq!(inst.round_up(root_lp_bound(&inst, 2_000)), 30.0);
}

#[test]
fn the_relaxation_bound_meets_the_relaxation_highs_solves() {
    // HiGHS on `overlapping-18`: the relaxation with prerequisite rows and the least-hours
    // optimum are both 330 hours (415 ten-hour courses, 82 with a prerequisite).
    let v: serde_json::Value =
        serde_json::from_str(include_str!("testdata/overlapping-18.json")).expect("json");
    let inst = exported(&v);
    let bound = root_lp_bound(&inst, 2_000);
    assert!(bound <= 330.0 + 1e-6, "{bound}");
    assert_eq!(inst.round_up(bound), 330.0);
    let exact = exact_cover(&inst, 2_000);
    assert!(exact.proven);
    assert_eq!((exact.cost, exact.bound), (330.0, 330.0));
}

#[test]
fn the_budget_relaxation_bound_holds_and_counts_prerequisites() {
    use super::budget_lp::budget_lp_bound;
    for (costs, budget, seeds) in [
        (&[10.0][..], 30.0, 0..60),
        (&[1.0, 2.0, 3.0, 5.0][..], 6.0, 60..120),
    ] {
        for seed in seeds {
            let inst = random(seed, 12, 9, costs);
            let mut best: f64 = 0.0;
            for set in 0u32..1 << inst.len() {
                let has = |j: u32| set >> j & 1 == 1;
                let all = 0..inst.len() as u32;
                let closed = all
                    .clone()
                    .all(|j| !has(j) || inst.prerequisites(j).iter().all(|&p| has(p)));
                let chosen: Vec<u32> = all.filter(|&j| has(j)).collect();
                if closed && inst.cost_of(&chosen) <= budget {
                    best = best.max(value_of_chosen(&inst, &chosen));
                }
            }
            for iterations in [1, 20, 1_000] {
                let bound = budget_lp_bound(&inst, &[], budget, 0.0, iterations).bound;
                assert!(bound >= best - 1e-9, "seed {seed}: {bound} < {best}");
            }
        }
    }
    // A chain of 10 one-hour courses whose last closes the only element: within 9 hours
    // nothing can be closed, which the relaxation without prerequisite rows misses.
    let mut inst = Instance::with_capacity(vec![1.0], 10, 1);
    for j in 0..10u32 {
        let covers: &[u32] = if j == 9 { &[0] } else { &[] };
        let pre = if j > 0 { vec![j - 1] } else { vec![] };
        inst.push(1.0, 1.0, covers, &pre);
    }
    inst.finish();
    let bound = budget_lp_bound(&inst, &[], 9.0, 0.0, 1_000).bound;
    assert!((0.0..0.95).contains(&bound), "{bound}");
    // HiGHS on `overlapping-18`: the relaxation with prerequisite rows is 95.5, the most
    // value 94 (the bound may stop anywhere above the relaxation, never below the optimum).
    let v: serde_json::Value =
        serde_json::from_str(include_str!("testdata/overlapping-18.json")).expect("json");
    let inst = exported(&v);
    let budget = v["budget"].as_f64().expect("budget");
    let bound = budget_lp_bound(&inst, &[], budget, 0.0, 1_000).bound;
    assert!((95.5 - 1e-6..96.0).contains(&bound), "{bound}");
}

/// The bound with kept rows at the multipliers of `iterations` steps of [`lp_solve`] at
/// the root of `inst`, each block solved exactly, with the plain bound at those multipliers.
fn kept_rows(inst: &Instance, iterations: u32) -> (f64, f64) {
    use super::blocks::kept_rows_bound;
    let state = State::new(inst);
    let mut lagrange = Lagrange::new(inst);
    assert!(lagrange.prepare(inst, &state, &vec![false; inst.len()]));
    lagrange.initialise(inst);
    lp_solve(
        inst,
        &mut lagrange,
        &state,
        f64::INFINITY,
        f64::NEG_INFINITY,
        iterations,
    );
    let u = lagrange.u.clone();
    let plain = lagrange.consider(inst, 0.0, &u, f64::NEG_INFINITY);
    lagrange.keep_best();
    let (bound, taken, _) = kept_rows_bound(inst, &lagrange, &state, |sub| {
        let s = exact_cover(sub, 1_000_000);
        assert!(s.proven);
        (s.bound, Some(s.chosen))
    });
    assert_eq!(taken.len(), inst.len());
    (bound, plain)
}

#[test]
fn the_bound_with_kept_rows_holds_and_is_no_weaker() {
    for (costs, seeds) in [(&[10.0][..], 0..40), (&[1.0, 2.0, 3.0, 5.0][..], 40..80)] {
        for seed in seeds {
            let inst = random(seed, 12, 9, costs);
            let optimum = least_cost(&inst);
            for iterations in [1, 20, 2_000] {
                let (bound, plain) = kept_rows(&inst, iterations);
                assert!(
                    inst.round_up(bound) <= optimum,
                    "seed {seed}, {iterations} iterations: {bound} > {optimum}"
                );
                assert!(bound >= plain - 1e-9, "seed {seed}: {bound} < {plain}");
            }
        }
    }
}

#[test]
fn the_bound_with_kept_rows_closes_integrality_gaps() {
    // The relaxation takes each of the triangle's candidates at one half (1.5), a cover
    // takes two (2).
    let inst = triangle();
    let (bound, plain) = kept_rows(&inst, 2_000);
    assert!(plain <= 1.5 + 1e-9, "{plain}");
    assert!((bound - 2.0).abs() < 1e-6, "{bound}");
    // The same three, each requiring a prerequisite of cost 3: the relaxation takes all
    // four at one half (3), a cover pays the prerequisite in full (5).
    let mut inst = Instance::with_capacity(vec![1.0; 3], 4, 6);
    inst.push(3.0, 3.0, &[], &[]);
    for covers in [[0, 1], [1, 2], [0, 2]] {
        inst.push(1.0, 1.0, &covers, &[0]);
    }
    inst.finish();
    let optimum = least_cost(&inst);
    let (bound, plain) = kept_rows(&inst, 2_000);
    assert!(plain < optimum - 0.1, "{plain} {optimum}");
    assert!((bound - optimum).abs() < 1e-6, "{bound} {optimum}");
}
