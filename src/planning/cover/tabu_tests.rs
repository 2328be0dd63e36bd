//! The budget tabu search (`tabu.rs`) on random instances: it never loses value, breaks a
//! prerequisite or the budget, and stops at its target.

// Hours and values here are whole numbers, exact in floating point.
#![allow(clippy::float_cmp)]

use super::super::instance::tests::random;
use super::*;

fn lexicographic(v: f64, c: f64, bv: f64, bc: f64) -> bool {
    v > bv + EPS || (v >= bv - EPS && c < bc - EPS)
}

/// A maximal plan from the greedy fill, as the budgeted solver hands the search.
fn filled(inst: &Instance, budget: f64) -> State {
    let mut state = State::new(inst);
    fill(inst, &mut state, budget, None, &mut Scratch::new(inst));
    state.journal.clear();
    state
}

/// The plan [`tabu_budget`] makes from `picks` within `budget` (seed 0, more value then
/// lower cost), and whether it improved on them.
fn search(inst: &Instance, picks: &[u32], budget: f64, chains: bool) -> (bool, State) {
    let mut state = State::new(inst);
    state.load(inst, picks);
    state.journal.clear();
    let mut s = Scratch::new(inst);
    let aim = Aim::new(inst, budget, f64::INFINITY);
    let improved = tabu_budget(inst, &mut state, aim, &mut s, 0, chains, lexicographic);
    (improved, state)
}

/// Two courses closing one gap each (25 h, 13 h), one closing both (37 h) and a
/// 7-hour one closing a third gap.
fn absorption() -> Instance {
    let mut inst = Instance::with_capacity(vec![3.0, 3.0, 1.0], 4, 5);
    inst.push(25.0, 25.0, &[0], &[]);
    inst.push(13.0, 13.0, &[1], &[]);
    inst.push(37.0, 37.0, &[0, 1], &[]);
    inst.push(7.0, 7.0, &[2], &[]);
    inst.finish();
    inst
}

#[test]
fn an_absorption_trades_two_picks_for_one_and_frees_hours_for_another() {
    // Two picks closing one gap each (25 h + 13 h) against one course closing both in
    // 37 h: no swap of one for one fits in 44 h, the trade of both for it does, and
    // the hour it frees lets the 7-hour course in.
    let inst = absorption();
    let (improved, state) = search(&inst, &[0, 1], 44.0, false);
    assert!(improved);
    assert_eq!(state.chosen_list(), vec![2, 3]);
    assert_eq!(state.value(&inst), 7.0);
}

#[test]
fn the_search_stops_at_its_target_and_does_not_start_from_a_plan_that_meets_it() {
    // The absorption case: from [0, 1] (worth 6) the search finds [2, 3] (worth 7).
    let inst = absorption();
    let run = |target: f64| {
        let mut state = State::new(&inst);
        state.load(&inst, &[0, 1]);
        state.journal.clear();
        let aim = Aim::new(&inst, 44.0, target);
        let mut s = Scratch::new(&inst);
        let improved = tabu_budget(&inst, &mut state, aim, &mut s, 0, false, lexicographic);
        (improved, state.chosen_list())
    };
    // A target the plan meets: nothing to search for, the plan stays.
    assert_eq!(run(6.0), (false, vec![0, 1]));
    // The best value as the target: found, and the search stops there.
    assert_eq!(run(7.0), (true, vec![2, 3]));
}

#[test]
fn a_chain_move_brings_a_course_in_with_its_missing_prerequisite() {
    // Two picks worth 1 each (10 h apiece, 20 h budget) against a course worth 5 that
    // needs a prerequisite worth nothing: both picks leave for the chain.
    let mut inst = Instance::with_capacity(vec![1.0, 1.0, 5.0], 4, 3);
    inst.push(10.0, 10.0, &[0], &[]);
    inst.push(10.0, 10.0, &[1], &[]);
    inst.push(10.0, 10.0, &[], &[]);
    inst.push(10.0, 10.0, &[2], &[2]);
    inst.finish();
    let (improved, state) = search(&inst, &[0, 1], 20.0, true);
    assert!(improved);
    assert_eq!(state.chosen_list(), vec![2, 3]);
    assert_eq!(state.value(&inst), 5.0);
}

#[test]
fn the_search_never_loses_value_breaks_prerequisites_or_the_budget_and_repeats_itself() {
    for seed in 0..200 {
        let costs: &[f64] = if seed % 2 == 0 {
            &[10.0]
        } else {
            &[1.0, 2.0, 3.0, 5.0]
        };
        let inst = random(seed, 14, 10, costs);
        let budget = if seed % 2 == 0 { 30.0 } else { 7.0 };
        let start = filled(&inst, budget);
        let mut s = Scratch::new(&inst);
        let mut once = start.clone();
        let chains = seed % 4 < 2;
        let aim = Aim::new(&inst, budget, f64::INFINITY);
        let improved = tabu_budget(&inst, &mut once, aim, &mut s, seed, chains, lexicographic);
        let mut twice = start.clone();
        tabu_budget(&inst, &mut twice, aim, &mut s, seed, chains, lexicographic);
        assert_eq!(once.chosen_list(), twice.chosen_list(), "seed {seed}");
        let (v0, v1) = (start.value(&inst), once.value(&inst));
        assert!(v1 >= v0, "seed {seed}: {v1} < {v0}");
        assert_eq!(
            improved,
            lexicographic(v1, once.cost, v0, start.cost),
            "seed {seed}"
        );
        assert!(once.hours() <= budget + EPS, "seed {seed}");
        for c in once.chosen_list() {
            assert!(
                inst.prerequisites(c)
                    .iter()
                    .all(|&p| once.chosen[p as usize]),
                "seed {seed}: {c} without its prerequisites"
            );
        }
        // Maximal: nothing of value left out fits in the hours left.
        for c in 0..inst.len() as u32 {
            let m = once.marginal(&inst, c);
            assert!(
                m.value <= 0.0 || once.hours() + m.hours > budget + EPS,
                "seed {seed}: {c} fits and adds {}",
                m.value
            );
        }
    }
}
