//! Tests of `stepper.rs`'s pass prerequisites first (`Stepper::known`): every step it
//! knows is the step a walk of the candidate's closure finds, bit for bit, and the step a
//! brute-force union of the closure gives; it knows every step of a chain. Also
//! `density.rs`'s empty plan's bound in kept buffers, on the same forests.

use std::collections::BTreeSet;

use super::density::{DensityBuffers, empty_upper_bound, upper_bound};
use super::instance::Instance;
use super::instance::tests::{laden, line};
use super::state::State;
use super::stepper::{Known, Stepper, sums_exact};

/// A seeded generator of numbers below `k` (splitmix64).
pub(super) fn generator(seed: u64) -> impl FnMut(u32) -> u32 {
    let mut x = seed;
    move |k: u32| {
        x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = x;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        u32::try_from((z ^ (z >> 31)) % u64::from(k)).unwrap_or(0)
    }
}

/// `n` candidates, the `i`th closing element `i` alone (worth `values[i % len]`) and one
/// of a few shared elements one time in three, requiring up to two earlier candidates, for
/// `hours` from the list: a forest of prerequisites with joins.
pub(super) fn forest(seed: u64, n: u32, hours: &[f64], values: &[f64]) -> Instance {
    let mut next = generator(seed);
    let shared = 4;
    let element_values: Vec<f64> = (0..n + shared)
        .map(|e| values[e as usize % values.len()])
        .collect();
    let mut inst = Instance::with_capacity(element_values, n as usize, 0);
    for i in 0..n {
        let mut covers = vec![i];
        if next(3) == 0 {
            covers.push(n + next(shared));
        }
        let mut pre: Vec<u32> = match (i, next(8)) {
            (0, _) | (_, 0) => Vec::new(),
            (_, 1) => vec![next(i), next(i)],
            _ => vec![next(i)],
        };
        pre.sort_unstable();
        pre.dedup();
        let h = hours[next(hours.len() as u32) as usize];
        inst.push(h, h, &covers, &pre);
    }
    inst.finish();
    inst
}

/// The value and hours candidate `c` with its unchosen closure adds, by a union of sets.
fn brute_force(inst: &Instance, stepper: &Stepper, c: u32) -> (f64, f64) {
    let mut closure = BTreeSet::new();
    let mut todo = vec![c];
    while let Some(d) = todo.pop() {
        if !stepper.is_chosen(d) && closure.insert(d) {
            todo.extend_from_slice(inst.prerequisites(d));
        }
    }
    let elements: BTreeSet<u32> = closure
        .iter()
        .flat_map(|&d| inst.covers(d).iter().copied())
        .filter(|&e| !stepper.closes(e))
        .collect();
    let value = elements.iter().map(|&e| inst.values[e as usize]).sum();
    let hours = closure.iter().map(|&d| inst.hours(d)).sum();
    (value, hours)
}

/// Checks every candidate's known step against a walk and the brute force, with a few
/// candidates chosen and a few not allowed; returns how many steps were known.
#[track_caller]
fn check(inst: &Instance, seed: u64) -> usize {
    let mut next = generator(seed);
    let mut stepper = Stepper::new(inst);
    for _ in 0..next(inst.len() as u32 / 3 + 1) {
        let c = next(inst.len() as u32);
        stepper.take(inst, c, &mut Vec::new());
    }
    let refused: Vec<bool> = (0..inst.len()).map(|_| next(10) == 0).collect();
    let allowed = |c: u32| !refused[c as usize];
    let known = stepper.known(inst, sums_exact(inst), allowed);
    let mut steps = 0;
    for c in 0..inst.len() as u32 {
        let walked = stepper.all_pending(inst, c, allowed);
        match known[c as usize] {
            Known::Blocked => assert!(!walked, "{c} is blocked"),
            Known::Step(gain, hours) => {
                steps += 1;
                assert!(walked, "{c} is not blocked");
                assert!(!stepper.is_chosen(c));
                let walk = (
                    stepper.gain(inst, c, &mut Vec::new()),
                    stepper.marginal_hours(inst, c),
                );
                assert_eq!(
                    (gain.to_bits(), hours.to_bits()),
                    (walk.0.to_bits(), walk.1.to_bits()),
                    "candidate {c}: known {gain}, {hours}; walked {walk:?}"
                );
                assert_eq!((gain, hours), brute_force(inst, &stepper, c), "{c}");
            }
            Known::Walk => assert!(stepper.is_chosen(c) || walked, "{c} is blocked"),
        }
    }
    steps
}

#[test]
fn known_steps_are_the_walks_steps() {
    let mut known = 0;
    for seed in 0..300 {
        let n = 5 + (seed as u32 % 60);
        known += check(
            &forest(seed, n, &[1.0, 2.0, 0.5, 3.0], &[1.0, 2.0, 0.25]),
            seed,
        );
        known += check(&forest(seed, n, &[1.0], &[1.0, 0.0]), seed + 1);
        known += check(&laden(seed, n, n / 2 + 1, 3), seed + 2);
    }
    assert!(
        known > 10_000,
        "the pass knows most steps of a forest ({known})"
    );
}

/// `n` candidates closing a few shared elements (a pool of `pool`), up to three each and
/// repeats within a row allowed, each requiring the one before (one time in ten nothing,
/// one in ten two earlier ones): chains of courses closing the same gaps, with joins.
fn shared_chains(seed: u64, n: u32, pool: u32, hours: &[f64], values: &[f64]) -> Instance {
    let mut next = generator(seed);
    let element_values: Vec<f64> = (0..pool)
        .map(|e| values[e as usize % values.len()])
        .collect();
    let mut inst = Instance::with_capacity(element_values, n as usize, n as usize);
    for i in 0..n {
        let mut covers: Vec<u32> = (0..=next(3)).map(|_| next(pool)).collect();
        covers.sort_unstable();
        let mut pre: Vec<u32> = match (i, next(10)) {
            (0, _) | (_, 0) => Vec::new(),
            (_, 1) => vec![next(i), next(i)],
            _ => vec![i - 1],
        };
        pre.sort_unstable();
        pre.dedup();
        let h = hours[next(hours.len() as u32) as usize];
        inst.push(h, h, &covers, &pre);
    }
    inst.finish();
    inst
}

/// On chains whose candidates close the same few elements, every step the pass knows is
/// a walk's and the union of sets' (`check`), and it knows every step whose unchosen
/// closure is a chain: a candidate is left to a walk only when it or a candidate of that
/// closure has two unchosen prerequisites, or when it requires nothing and its row repeats
/// an element still open (its walk, a read of its row, counts each repeat).
#[test]
fn steps_of_chains_closing_the_same_elements_are_known() {
    let mut known = 0;
    for seed in 0..300 {
        let n = 5 + (seed as u32 % 80);
        for (k, inst) in [
            shared_chains(
                seed,
                n,
                1 + seed as u32 % 4,
                &[1.0, 2.0, 0.5],
                &[1.0, 2.0, 0.0],
            ),
            shared_chains(seed + 7, n, 3, &[1.0], &[1.0]),
        ]
        .iter()
        .enumerate()
        {
            known += check(inst, seed * 2 + k as u64);
            let mut next = generator(seed);
            let mut stepper = Stepper::new(inst);
            for _ in 0..next(inst.len() as u32 / 4 + 1) {
                stepper.take(inst, next(inst.len() as u32), &mut Vec::new());
            }
            let steps = stepper.known(inst, true, |_| true);
            for c in 0..inst.len() as u32 {
                let repeats = inst.prerequisites(c).is_empty()
                    && inst
                        .covers(c)
                        .windows(2)
                        .any(|w| w[0] == w[1] && !stepper.closes(w[0]));
                let chained = on_a_chain(inst, &stepper, c) && !repeats;
                let is_step = matches!(steps[c as usize], Known::Step(..));
                assert_eq!(is_step, chained, "seed {seed}, candidate {c}");
            }
        }
    }
    assert!(known > 5_000, "the pass knows the chains' steps ({known})");
}

/// Whether unchosen `c`'s unchosen closure is a chain: each of its candidates has at most
/// one unchosen prerequisite.
fn on_a_chain(inst: &Instance, stepper: &Stepper, c: u32) -> bool {
    let mut d = c;
    loop {
        if stepper.is_chosen(d) {
            return d != c;
        }
        let mut unchosen = inst
            .prerequisites(d)
            .iter()
            .filter(|&&p| !stepper.is_chosen(p));
        match (unchosen.next(), unchosen.next()) {
            (None, _) => return true,
            (Some(&p), None) => d = p,
            _ => return false,
        }
    }
}

/// `Stepper::adding_value` marks exactly the candidates whose gain is positive (values
/// here are never negative), on forests, shared chains and laden instances, with some
/// candidates chosen.
#[test]
fn adding_value_is_a_positive_gain() {
    for seed in 0..200 {
        let n = 5 + (seed as u32 % 60);
        for inst in [
            forest(seed, n, &[1.0, 0.5], &[1.0, 0.0]),
            shared_chains(seed, n, 3, &[1.0], &[1.0, 0.0]),
            laden(seed, n, n / 2 + 1, 3),
        ] {
            let mut next = generator(seed + 1);
            let mut stepper = Stepper::new(&inst);
            for _ in 0..next(inst.len() as u32 / 3 + 1) {
                stepper.take(&inst, next(inst.len() as u32), &mut Vec::new());
            }
            let adding = stepper.adding_value(&inst);
            for c in 0..inst.len() as u32 {
                let gain = stepper.gain(&inst, c, &mut Vec::new());
                assert_eq!(adding[c as usize], gain > 0.0, "seed {seed}, {c}: {gain}");
            }
        }
    }
}

/// On a chain of 2,000 candidates each closing the same element, the pass knows every
/// step: the first course alone closes it, every other course with the chain above it.
/// Before, a closer of an element with another closer was left to a walk: n²/2 candidates
/// walked by a scan of the chain.
#[test]
fn every_step_of_a_chain_closing_one_element_is_known() {
    let n = 2_000u32;
    let mut inst = Instance::with_capacity(vec![3.0, 1.0], n as usize, n as usize);
    for i in 0..n {
        let pre = if i > 0 { vec![i - 1] } else { vec![] };
        inst.push(1.0, 1.0, &[0], &pre);
    }
    inst.finish();
    let mut stepper = Stepper::new(&inst);
    let known = stepper.known(&inst, true, |_| true);
    for c in 0..n {
        assert_eq!(known[c as usize], Known::Step(3.0, f64::from(c + 1)), "{c}");
    }
    stepper.take(&inst, 0, &mut Vec::new());
    let known = stepper.known(&inst, true, |c| c != 1_000);
    for c in 0..n {
        let expected = match c {
            0 => Known::Walk,
            1..1_000 => Known::Step(0.0, f64::from(c)),
            _ => Known::Blocked,
        };
        assert_eq!(known[c as usize], expected, "{c}");
    }
    assert!(stepper.adding_value(&inst).iter().all(|&a| !a));
}

#[test]
fn inexact_sums_are_walked() {
    for seed in 0..50 {
        let inst = forest(seed, 40, &[0.1, 0.2], &[1.0]);
        assert_eq!(check(&inst, seed), 0, "sums of tenths are not exact");
        let inst = forest(seed, 40, &[1.0], &[0.3, 1.0]);
        assert_eq!(check(&inst, seed), 0, "sums of tenths are not exact");
    }
}

#[test]
fn every_step_of_a_chain_is_known() {
    let inst = line(2_000, true);
    let mut stepper = Stepper::new(&inst);
    stepper.take(&inst, 499, &mut Vec::new());
    let known = stepper.known(&inst, true, |c| c != 1_500);
    for c in 0..2_000u32 {
        let expected = match c {
            0..500 => Known::Walk,
            500..1_500 => Known::Step(f64::from(c - 499), f64::from(c - 499)),
            _ => Known::Blocked,
        };
        assert_eq!(known[c as usize], expected, "{c}");
    }
}

/// `whole` tells what `fract() == 0.0` does on every kind of float: zeros, halves, the
/// edges of 2⁵² and 2⁶³, infinities, NaN, subnormals, and random bit patterns.
#[test]
fn whole_is_fract_zero() {
    let two52 = 4_503_599_627_370_496.0_f64;
    let two63 = 9_223_372_036_854_775_808.0_f64;
    let mut cases = vec![
        0.0,
        -0.0,
        0.5,
        -0.5,
        1.0,
        -1.0,
        1.0 / 3.0,
        two52,
        two52 - 0.5,
        two52 + 1.0,
        -two52 + 0.5,
        two63,
        -two63,
        two63 * 2.0,
        1e300,
        -1e300,
        f64::MIN_POSITIVE,
        f64::MIN_POSITIVE / 4.0,
        f64::MAX,
        f64::MIN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
    ];
    let mut next = generator(7);
    for _ in 0..10_000 {
        let bits = (u64::from(next(u32::MAX)) << 32) | u64::from(next(u32::MAX));
        cases.push(f64::from_bits(bits));
        cases.push(f64::from(next(1 << 20)) / 1024.0);
    }
    for x in cases {
        assert_eq!(super::stepper::whole(x), x.fract() == 0.0, "{x:e}");
    }
}

/// The department greedy's steps are valued without the candidates' selection costs
/// (`State::marginal_hours_if`): on forests whose costs are not their hours, after random
/// steps and with random candidates refused, every step `Stepper::step_if` finds has the
/// value and hours of a brute-force union of its closure, `Stepper::marginal_hours` is
/// that union's hours, and a refused candidate in the closure gives no step.
#[test]
#[allow(clippy::float_cmp)] // quarters, halves and wholes, summed exactly
fn steps_are_valued_by_hours_not_costs() {
    let mut steps = 0;
    for seed in 0..200_u64 {
        let n = 5 + (seed as u32 % 40);
        let hours_of = forest(seed, n, &[1.0, 2.0, 0.5, 3.0], &[1.0, 2.0, 0.25]);
        // The same forest, each candidate's cost three times its hours and one more.
        let mut inst = Instance::with_capacity(hours_of.values.clone(), n as usize, 0);
        for c in 0..n {
            let h = hours_of.hours(c);
            inst.push(
                3.0 * h + 1.0,
                h,
                hours_of.covers(c),
                hours_of.prerequisites(c),
            );
        }
        inst.finish();
        let mut next = generator(seed + 7);
        let mut stepper = Stepper::new(&inst);
        for _ in 0..next(n / 3 + 1) {
            let c = next(n);
            stepper.take(&inst, c, &mut Vec::new());
        }
        let refused: Vec<bool> = (0..n).map(|_| next(8) == 0).collect();
        let allowed = |c: u32| !refused[c as usize];
        for c in 0..n {
            let (value, hours) = brute_force(&inst, &stepper, c);
            if !stepper.is_chosen(c) {
                assert_eq!(stepper.marginal_hours(&inst, c), hours, "{seed}: {c}");
            }
            let step = stepper.step_if(&inst, c, f64::INFINITY, allowed);
            if !stepper.all_pending(&inst, c, allowed) || stepper.is_chosen(c) || value <= 0.0 {
                assert!(step.is_none(), "{seed}: {c} is no step");
                continue;
            }
            let step = step.unwrap_or_else(|| panic!("{seed}: {c} is a step"));
            assert_eq!((step.gain, step.hours), (value, hours), "{seed}: {c}");
            steps += 1;
        }
    }
    assert!(steps > 1_000, "most candidates are steps ({steps})");
}

/// The empty plan's bound in buffers kept from instance to instance, larger ones first
/// so that anything left in them from the last would show, is the bound of an empty
/// state bit for bit: on forests with gaps worth nothing, elements no candidate
/// closes, and budgets from none to unlimited.
#[test]
fn the_empty_plans_bound_in_kept_buffers_is_the_empty_states() {
    let mut buffers = DensityBuffers::default();
    let values = [3.0, 0.0, 1.5, 7.0, 2.0];
    let hours = [0.5, 1.0, 2.0, 4.0, 0.0, 10.0];
    for seed in 0..400_u64 {
        let n = 60 - (seed % 60) as u32;
        let inst = forest(seed, n, &hours, &values);
        for budget in [0.0, 0.3, 1.0, 3.5, 8.0, 40.0, f64::INFINITY] {
            let empty = State::new(&inst);
            let fresh = upper_bound(&inst, &empty, &[], budget, None);
            let kept = empty_upper_bound(&inst, budget, &mut buffers);
            assert_eq!(
                kept.to_bits(),
                fresh.to_bits(),
                "seed {seed}, budget {budget}"
            );
        }
    }
}
