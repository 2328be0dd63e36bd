//! Tests of `keys.rs` and of the lazy greedy started from its bounds: the bounds bound what
//! a walk finds, a greedy started from them picks what one started from walks picks, and on
//! a lattice of candidates closing the same elements it walks a few closures, not all.

use super::greedy::{Goal, Scratch, complete, greedy_cover};
use super::instance::Instance;
use super::keys::{PASSES, key_bounds};
use super::state::{State, WALKED};
use super::stepper_tests::{forest, generator};

/// `n` candidates, candidate `i` requiring `i − 1` and `i − 2`, closing element `i % 10`
/// when it is in the last 60% of the lattice, for 1, 2 or 3 hours: most candidates close
/// one of the same ten elements, and each closure holds every candidate before it.
fn lattice(n: u32) -> Instance {
    let mut inst = Instance::with_capacity(vec![1.0; 10], n as usize, 0);
    for i in 0..n {
        let covers: Vec<u32> = if 5 * i >= 2 * n {
            vec![i % 10]
        } else {
            Vec::new()
        };
        let pre: Vec<u32> = (i.saturating_sub(2)..i).collect();
        let h = f64::from(1 + i % 3);
        inst.push(h, h, &covers, &pre);
    }
    inst.finish();
    inst
}

/// Runs `f` with the lazy greedy allowed `passes` passes of walks before bounds.
fn with_passes<T>(passes: Option<u64>, f: impl FnOnce() -> T) -> T {
    PASSES.with(|p| p.set(passes));
    let out = f();
    PASSES.with(|p| p.set(None));
    out
}

#[test]
fn bounds_bound_every_walk() {
    let hours = [1.0, 2.5, 0.1, 7.0];
    let values = [1.0, 0.3, 4.0, 0.0];
    for seed in 0..60 {
        let inst = forest(seed, 5 + (seed as u32 % 40), &hours, &values);
        let mut next = generator(seed + 1_000);
        let mut state = State::new(&inst);
        for _ in 0..next(inst.len() as u32 / 3 + 1) {
            let c = next(inst.len() as u32);
            state.choose(&inst, c, &mut Vec::new());
        }
        for weighted in [false, true] {
            let bounds = key_bounds(&inst, &state, weighted);
            for c in 0..inst.len() as u32 {
                if state.chosen[c as usize] {
                    continue;
                }
                let m = state.marginal(&inst, c);
                let gain = if weighted {
                    m.value
                } else {
                    f64::from(m.count)
                };
                let (g, cost) = bounds[c as usize];
                assert!(g >= gain, "seed {seed}, {c}: gain {g} below {gain}");
                assert!(
                    cost <= m.cost,
                    "seed {seed}, {c}: cost {cost} above {}",
                    m.cost
                );
                assert!(
                    g / cost >= gain / m.cost || gain == 0.0,
                    "seed {seed}, {c}: key"
                );
            }
        }
    }
}

#[test]
fn a_greedy_from_bounds_picks_what_one_from_walks_picks() {
    let hours = [1.0, 2.0, 3.0, 0.5];
    let values = [1.0, 2.0, 3.0];
    let mut instances: Vec<Instance> = (0..80)
        .map(|seed| forest(seed, 5 + (seed as u32 % 60), &hours, &values))
        .collect();
    instances.extend([lattice(40), lattice(301)]);
    for (i, inst) in instances.iter().enumerate() {
        let walks = with_passes(None, || greedy_cover(inst));
        let bounds = with_passes(Some(0), || greedy_cover(inst));
        assert_eq!(walks.chosen, bounds.chosen, "instance {i}");
        assert_eq!(walks.cost.to_bits(), bounds.cost.to_bits(), "instance {i}");
        for limit in [2.0, 7.5, 30.0] {
            let fill = |passes| {
                with_passes(passes, || {
                    let mut state = State::new(inst);
                    let mut s = Scratch::new(inst);
                    complete(inst, &mut state, None, Goal::Budget { limit }, &mut s);
                    state.chosen_list()
                })
            };
            assert_eq!(fill(None), fill(Some(0)), "instance {i}, limit {limit}");
        }
    }
}

/// On a lattice of 4,000 candidates, 2,400 of them closing one of the same ten elements,
/// a greedy cover whose first keys all come from walks walks millions of candidates (each
/// closure holds every candidate before it); from the bounds, a few passes over the lattice.
#[test]
fn a_lattice_whose_candidates_close_the_same_elements_is_walked_a_few_times() {
    let n = 4_000;
    let inst = lattice(n);
    let walked = |passes| {
        let before = WALKED.with(std::cell::Cell::get);
        let cover = with_passes(passes, || greedy_cover(&inst));
        (cover, WALKED.with(std::cell::Cell::get) - before)
    };
    let (cover, bounded) = walked(None);
    let (same, walks) = walked(Some(1 << 30));
    assert_eq!(cover.chosen, same.chosen);
    eprintln!("{n}-candidate lattice: {bounded} candidates walked, {walks} by walks alone");
    assert!(
        bounded < 40 * u64::from(n),
        "{bounded} candidates walked for {n} candidates"
    );
    assert!(walks > 400 * u64::from(n), "walks alone: {walks}");
}
