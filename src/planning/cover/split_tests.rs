//! Tests of `split.rs`'s dominance rounds: looking again only at the candidates what was
//! chosen or set aside may have made dominated sets aside what looking at every candidate
//! in every round does.

use super::instance::Instance;
use super::instance::tests::{laden, random};
use super::reduce::choose_only_closers;
use super::split::{dirty_after_choosing, exclude_dominated};
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
