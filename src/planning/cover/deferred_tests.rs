//! The root's tabu search deferred past the search (`exact/deferred.rs`) against the same
//! search with the tabu search at the root, as it ran before.

// Costs here are whole numbers, exact in floating point.
#![allow(clippy::float_cmp)]

use std::cell::Cell;

use super::exact::counters::{DEFERRED, SEARCH_SETTLED, SETTLED_SKIPS, TABU_AT_ROOT};
use super::instance::Within;
use super::instance::tests::{post, random};
use super::solve::{exact_cover, exact_cover_within};

/// `solve` with the tabu search at the root, before the search.
fn at_root<T>(solve: impl FnOnce() -> T) -> T {
    TABU_AT_ROOT.with(|at| at.set(true));
    let out = solve();
    TABU_AT_ROOT.with(|at| at.set(false));
    out
}

#[test]
fn a_deferred_tabu_search_leaves_the_plans_of_one_at_the_root() {
    // Instances of 300 candidates and 120 elements: the reductions leave one part of more
    // than `TABU_AFTER_SEARCH_FROM` candidates, and on several its root ends more than 1%
    // above its bound, so the root's tabu search is deferred. Among them the search proves
    // the root's cover optimal (no tabu search), the tabu search finds nothing, or it finds
    // a cheaper cover and the search is made again; in each case the plan, its bound and
    // the nodes spent are those of the tabu search at the root. Under a cutoff, a plan at
    // or below it is the same too, and a bound past it is a true one.
    DEFERRED.with(|counts| counts.set([0; 3]));
    for seed in 0..24 {
        let inst = random(seed, 300, 120, &[1.0, 2.0, 3.0, 5.0]);
        let before = DEFERRED.with(Cell::get);
        let want = at_root(|| exact_cover(&inst, 2_000));
        assert_eq!(
            DEFERRED.with(Cell::get),
            before,
            "seed {seed}: deferred at the root"
        );
        assert_eq!(exact_cover(&inst, 2_000), want, "seed {seed}");
        if DEFERRED.with(Cell::get) == before {
            continue;
        }
        for cutoff in [want.cost - 2.0, want.cost - 1.0, want.cost] {
            let old = at_root(|| exact_cover_within(&inst, 2_000, cutoff));
            let new: Within = exact_cover_within(&inst, 2_000, cutoff);
            match (old, new) {
                (Ok(old), Ok(new)) => assert_eq!(new, old, "seed {seed}, cutoff {cutoff}"),
                (Ok(old), Err(bound)) => assert!(
                    old.cost > cutoff && bound > cutoff && bound <= want.cost,
                    "seed {seed}, cutoff {cutoff}: plan {} at the root, bound {bound}",
                    old.cost
                ),
                (Err(_), Ok(new)) => panic!("seed {seed}, cutoff {cutoff}: {new:?} deferred"),
                (Err(old), Err(new)) => assert!(
                    old > cutoff && new > cutoff && new <= want.cost,
                    "seed {seed}, cutoff {cutoff}: bounds {old}, {new}"
                ),
            }
        }
    }
    let [proven, nothing, cheaper] = DEFERRED.with(Cell::get);
    assert!(
        proven >= 3 && nothing >= 1 && cheaper >= 2,
        "settled: {proven} proven, {nothing} nothing found, {cheaper} cheaper"
    );
}

#[test]
fn a_settled_tabu_search_is_not_run_again_on_the_cover_it_left() {
    // A post of 1,000 requirements closed by two-gap courses (2,000 candidates, a part
    // large enough for the tabu search at its root): the search after the root finds no
    // cheaper cover, so the tabu search after the search would start from the cover the
    // root's left and find nothing. Skipping it leaves the plan, its bound and the nodes
    // as searching again did.
    let inst = post(1000);
    SEARCH_SETTLED.with(|again| again.set(true));
    let want = exact_cover(&inst, 100);
    SEARCH_SETTLED.with(|again| again.set(false));
    SETTLED_SKIPS.with(|skips| skips.set(0));
    assert_eq!(exact_cover(&inst, 100), want);
    let skips = SETTLED_SKIPS.with(Cell::get);
    assert!(skips >= 1, "{skips} tabu searches skipped");
}
