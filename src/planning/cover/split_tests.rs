//! Tests of `split.rs`: its dominance rounds (looking again only at the candidates what
//! was chosen or set aside may have made dominated sets aside what looking at every
//! candidate in every round does) and the cheapest closure of a part of one element.

use super::instance::Instance;
use super::instance::tests::{laden, random};
use super::reduce::choose_only_closers;
use super::solve::{bounded_cover, exact_cover};
use super::split::{
    CLOSURE_WALKED, cheapest_closer, dirty_after_choosing, exclude_dominated, heaviest_chains,
};
use super::state::State;

/// `reduce.rs`'s rounds of forced picks and dominance; with `reuse`, the dominance test
/// looks only at the candidates marked dirty (as `reduce_from` does), else at every
/// candidate every round. Returns what is chosen and set aside, and how many rounds after
/// the first set something aside.
fn rounds(inst: &Instance, reuse: bool) -> (Vec<bool>, Vec<bool>, usize) {
    let mut state = State::new(inst);
    let mut excluded = vec![false; inst.len()];
    let mut dirty = vec![true; inst.len()];
    let mut buffer = Vec::new();
    let mut later = 0;
    for round in 0..16 {
        let before = state.journal.len();
        choose_only_closers(inst, &mut state, &excluded, &mut buffer);
        if reuse {
            for &(c, _) in &state.journal[before..] {
                dirty_after_choosing(inst, c, &mut dirty);
            }
        } else {
            dirty.fill(true);
        }
        let open = |e: u32| state.cover_count[e as usize] == 0;
        let marked = exclude_dominated(inst, &state.chosen, &mut excluded, &mut dirty, open);
        if round > 0 && marked > 0 {
            later += 1;
        }
        if marked == 0 && state.journal.len() == before {
            break;
        }
    }
    (state.chosen, excluded, later)
}

#[test]
fn dirty_candidates_alone_give_the_same_exclusions() {
    let mut later = 0;
    for seed in 0..600 {
        let n = 6 + (seed % 30) as u32;
        let m = 3 + (seed % 11) as u32;
        for inst in [
            random(seed, n, m, &[1.0, 2.0, 3.0]),
            laden(seed, n, m, 2 + (seed % 3) as u32),
        ] {
            let (chosen, excluded, rounds_marking) = rounds(&inst, true);
            let (all_chosen, all_excluded, _) = rounds(&inst, false);
            assert_eq!(chosen, all_chosen, "seed {seed}: chosen");
            assert_eq!(excluded, all_excluded, "seed {seed}: set aside");
            later += rounds_marking;
        }
    }
    // Rounds after the first must set something aside for the test to say anything.
    assert!(later > 50, "only {later} later rounds set something aside");
}

/// Ordered by the heaviest chains' bounds, the walks stop early and pick the closer a walk
/// of every closer picks: on random instances with chains of prerequisites, costs in a
/// common unit or none, from nothing chosen and from a few candidates chosen.
#[test]
fn cheapest_closer_by_chain_bounds_is_the_one_of_walking_every_closer() {
    let mut stopped_early = 0;
    for seed in 0..400 {
        let n = 6 + (seed % 40) as u32;
        let m = 2 + (seed % 7) as u32;
        let costs: &[f64] = if seed % 2 == 0 {
            &[1.0, 2.0, 3.0]
        } else {
            &[0.3, 0.7, 1.1]
        };
        for inst in [
            random(seed, n, m, costs),
            laden(seed, n, m, 2 + (seed % 3) as u32),
        ] {
            let mut state = State::new(&inst);
            let mut buffer = Vec::new();
            for chosen in [None, Some(seed as u32 % n), Some((seed as u32 * 7 + 3) % n)] {
                if let Some(c) = chosen {
                    state.choose(&inst, c, &mut buffer);
                }
                let excluded = vec![false; inst.len()];
                let lower = heaviest_chains(&inst, &state.chosen);
                for e in 0..m {
                    CLOSURE_WALKED.with(|w| w.set(0));
                    let every = cheapest_closer(&inst, &state, &excluded, e, &[]);
                    let all = CLOSURE_WALKED.with(std::cell::Cell::get);
                    CLOSURE_WALKED.with(|w| w.set(0));
                    let bounded = cheapest_closer(&inst, &state, &excluded, e, &lower);
                    let some = CLOSURE_WALKED.with(std::cell::Cell::get);
                    assert_eq!(bounded, every, "seed {seed}, element {e}");
                    assert!(some <= all, "seed {seed}, element {e}: {some} > {all}");
                    stopped_early += usize::from(some < all);
                }
            }
        }
    }
    assert!(
        stopped_early > 100,
        "the bounds cut no walk: {stopped_early}"
    );
}

/// A chain of 3,000 one-hour candidates, each requiring the one before and every one
/// closing the only element: both solvers take the first alone, and find it by walking the
/// first candidate's closure (itself) and looking at the second's bound, not by walking
/// every candidate's closure (n(n + 1)/2 candidates, 4.5 million here).
#[test]
fn a_chain_of_closers_of_one_element_walks_one_closure() {
    let n = 3_000u32;
    let mut inst = Instance::with_capacity(vec![1.0], n as usize, n as usize);
    for i in 0..n {
        let pre = if i > 0 { vec![i - 1] } else { vec![] };
        inst.push(1.0, 1.0, &[0], &pre);
    }
    inst.finish();
    for exact in [false, true] {
        CLOSURE_WALKED.with(|w| w.set(0));
        let plan = if exact {
            exact_cover(&inst, 10_000)
        } else {
            bounded_cover(&inst)
        };
        assert_eq!(plan.chosen, vec![0], "exact: {exact}");
        assert!(
            plan.proven && plan.bound >= plan.cost,
            "exact: {exact}: {plan:?}"
        );
        let walked = CLOSURE_WALKED.with(std::cell::Cell::get);
        assert!(walked <= 2, "exact: {exact}: {walked} candidates walked");
    }
}

/// The chains' marginals are the walks': on random instances with chains of prerequisites
/// (units of cost, so sums in another order are the same), from nothing chosen and from a
/// few candidates chosen, every candidate's marginal from `chain_marginals::marginals` is
/// `State::marginal`'s, and some came from a chain.
#[test]
fn chain_marginals_are_the_walks() {
    use super::chain_marginals::marginals;
    for seed in 0..200 {
        let n = 6 + (seed % 40) as u32;
        let m = 2 + (seed % 7) as u32;
        for inst in [
            random(seed, n, m, &[1.0, 2.0, 3.0]),
            laden(seed, n, m, 2 + (seed % 3) as u32),
        ] {
            let mut state = State::new(&inst);
            let mut buffer = Vec::new();
            for chosen in [None, Some(seed as u32 % n), Some((seed as u32 * 7 + 3) % n)] {
                if let Some(c) = chosen {
                    state.choose(&inst, c, &mut buffer);
                }
                let all = marginals(&inst, &state);
                for c in 0..inst.len() as u32 {
                    let (a, b) = (all[c as usize], state.marginal(&inst, c));
                    assert_eq!(
                        (a.count, a.value, a.cost, a.hours, a.walked),
                        (b.count, b.value, b.cost, b.hours, b.walked),
                        "seed {seed}, candidate {c}"
                    );
                }
            }
        }
    }
}
