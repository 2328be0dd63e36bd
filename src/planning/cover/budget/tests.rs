//! Tests of `budget.rs`: the second start and the local searches it costs.

use super::{PAIR_PICKS, greedy_budget};
use crate::planning::cover::instance::tests::random;
use std::cell::Cell;

thread_local! {
    /// Plans rounded from the relaxation, and local searches of `improve`,
    /// on this thread.
    pub(super) static ROUNDED_STARTS: Cell<u64> = const { Cell::new(0) };
    pub(super) static LOCAL_SEARCHES: Cell<u64> = const { Cell::new(0) };
}

#[test]
fn a_plan_rounded_from_the_relaxation_replaces_the_start_and_one_local_search_runs() {
    let mut rounded = 0;
    for seed in 0..6 {
        let inst = random(seed, 600, 400, &[1.0, 2.0, 3.0, 5.0]);
        ROUNDED_STARTS.with(|starts| starts.set(0));
        LOCAL_SEARCHES.with(|searches| searches.set(0));
        let plan = greedy_budget(&inst, 150.0);
        assert!(plan.chosen.len() > PAIR_PICKS, "seed {seed}");
        rounded += ROUNDED_STARTS.with(Cell::get);
        assert_eq!(LOCAL_SEARCHES.with(Cell::get), 1, "seed {seed}");
    }
    assert!(rounded > 0, "no plan fell short of the bound");
}
