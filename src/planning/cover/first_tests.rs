//! The relaxation tried first at a part's root (`exact/first.rs`) against the roots that
//! do not try it, as they ran before.

// Costs here are whole or half numbers, exact in floating point.
#![allow(clippy::float_cmp)]

use std::cell::Cell;

use super::exact::counters::{PROVEN_FIRST, RELAXATION_FIRST};
use super::instance::Instance;
use super::instance::tests::{laden, random};
use super::solve::exact_cover;

/// `solve` with the roots making their subgradient rounds first, as before.
fn rounds_first<T>(solve: impl FnOnce() -> T) -> T {
    RELAXATION_FIRST.with(|first| first.set(false));
    let out = solve();
    RELAXATION_FIRST.with(|first| first.set(true));
    out
}

#[test]
fn the_relaxation_first_leaves_the_plans_and_proofs_of_the_rounds_first() {
    // Instances of 30–90 candidates over 12–36 elements, costs in whole hours, in halves,
    // and in whole hours with chains of prerequisites: parts larger than the exact table
    // takes, some proven by the subgradient rounds, some by the relaxation, a few by
    // neither. Where the roots without the relaxation first prove their plan, the plan,
    // its bound and the nodes spent are the same; where they leave it unproven, the plan is
    // the same and the bound no lower.
    PROVEN_FIRST.with(|proven| proven.set(0));
    let (mut same, mut stronger) = (0, 0);
    let mut check = |name: &str, inst: &Instance| {
        let want = rounds_first(|| exact_cover(inst, 2_000));
        let got = exact_cover(inst, 2_000);
        if want.proven {
            assert_eq!(got, want, "{name}");
            same += 1;
        } else {
            assert_eq!((&got.chosen, got.cost), (&want.chosen, want.cost), "{name}");
            assert!(got.bound >= want.bound, "{name}: {got:?} against {want:?}");
            assert!(got.nodes <= want.nodes, "{name}: {got:?} against {want:?}");
            stronger += usize::from(got.proven);
        }
    };
    for seed in 0..60 {
        let n = 30 + (seed as u32 % 4) * 20;
        let m = n * 2 / 5;
        check(
            &format!("whole, seed {seed}"),
            &random(seed, n, m, &[1.0, 2.0, 3.0, 5.0, 8.0]),
        );
        check(
            &format!("halves, seed {seed}"),
            &random(seed, n, m, &[0.5, 1.5, 2.0, 3.5]),
        );
        check(&format!("laden, seed {seed}"), &laden(seed, n, m, 3));
    }
    let proven = PROVEN_FIRST.with(Cell::get);
    assert!(
        proven >= 20 && same >= 150,
        "{proven} roots proven by the relaxation first; {same} plans the same, {stronger} \
         proven only with it"
    );
}
