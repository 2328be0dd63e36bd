//! An officer's steps found again from a lazy heap of their candidates
//! ([`Department::best_few_lazy`]), for instances without prerequisites, in place of a scan
//! of every candidate.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use super::plan::{Department, Plan};
use super::refresh::{RUNNERS, Runner};
use crate::planning::cover::{StepChoice, preferred};

impl Department<'_> {
    /// Whether officer `o`'s steps are found again from a lazy heap ([`Lazy`]) rather than
    /// a scan: their candidates require nothing, so a step adds its candidate alone, its
    /// hours never change and its value only falls while a select runs; and they are
    /// many enough for the heap to pay.
    pub(super) fn lazy_pays(&self, o: usize) -> bool {
        let inst = &self.officers[o].inst;
        !inst.has_prerequisites() && inst.len() >= LAZY_FROM
    }

    /// Officer `o`'s [`RUNNERS`] best next steps, as [`Department::best_few`] finds them,
    /// from `lazy`, their heap kept across one select (built here by a scan at its first
    /// use). For an officer whose steps [`Department::lazy_pays`] finds from a heap.
    ///
    /// Within one select nothing is dropped: chosen candidates, seats, the budget and the
    /// officer's hours left only shrink, so a candidate's step only loses value (a sum of
    /// fewer of the same non-negative values, in the same order, rounding down no further)
    /// and keeps its hours, and a candidate no step once stays none. A key in the heap is
    /// then an upper bound, in the order of [`preferred`], on its candidate's step: a
    /// popped candidate valued again that still ranks at least as high as the next key
    /// ranks above every step left, as the classic lazy greedy takes it. O((1 + r) log m)
    /// for m candidates and r keys found stale, where a scan is O(m); the heap is built
    /// by one scan, O(m), at its first use in a select.
    pub(super) fn best_few_lazy(
        &self,
        plan: &Plan,
        o: usize,
        banned: Option<(usize, u32)>,
        lazy: &mut Option<Lazy>,
    ) -> [Option<Runner>; RUNNERS] {
        debug_assert!(
            self.lazy_pays(o),
            "a heap only for candidates requiring nothing"
        );
        let Some((hours_left, allowed)) = self.room(plan, o, banned) else {
            return [None; RUNNERS];
        };
        let stepper = &plan.steppers[o];
        let p = &self.officers[o];
        let step = |c: u32| stepper.step_if(&p.inst, c, hours_left, allowed);
        let heap = &mut lazy
            .get_or_insert_with(|| {
                #[cfg(test)]
                VALUED.with(|v| v.set(v.get() + p.inst.len() as u64));
                Lazy(
                    (0..p.inst.len() as u32)
                        .filter_map(step)
                        .map(Key::of)
                        .collect(),
                )
            })
            .0;
        let mut found: [Option<StepChoice>; RUNNERS] = [None; RUNNERS];
        let mut n = 0;
        while n < RUNNERS {
            let Some(top) = heap.pop() else {
                break;
            };
            #[cfg(test)]
            VALUED.with(|v| v.set(v.get() + 1));
            // A candidate no step now is none for the rest of the select.
            let Some(s) = step(top.cand) else {
                continue;
            };
            debug_assert!(
                s.hours.to_bits() == top.hours.to_bits() && s.gain <= top.gain,
                "a key bounds its candidate's step"
            );
            let key = Key::of(s);
            if heap.peek().is_some_and(|next| *next > key) {
                heap.push(key);
                continue;
            }
            found[n] = Some(s);
            n += 1;
        }
        // Not taken: back in the heap, with their keys exact.
        for s in found.iter().flatten() {
            heap.push(Key::of(*s));
        }
        found.map(|s| s.map(|s| self.runner(plan, o, s)))
    }
}

/// The candidates of an officer that may still be steps in a select, keyed by upper
/// bounds on their steps (see [`Department::best_few_lazy`]).
pub(super) struct Lazy(BinaryHeap<Key>);

/// An upper bound on a candidate's step; the greatest key is the step [`preferred`] first.
struct Key {
    gain: f64,
    hours: f64,
    cand: u32,
}

impl Key {
    fn of(s: StepChoice) -> Key {
        Key {
            gain: s.gain,
            hours: s.hours,
            cand: s.cand,
        }
    }
}

impl Ord for Key {
    fn cmp(&self, other: &Key) -> Ordering {
        preferred(
            &(other.gain, other.hours, other.cand),
            &(self.gain, self.hours, self.cand),
        )
    }
}

impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Key) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for Key {}

/// The fewest candidates of an officer whose steps are found again from a lazy heap.
/// Officers with fewer are scanned as before, so departments of many small officers do
/// not hold a heap (24 bytes a candidate) per officer waiting; not tuned.
const LAZY_FROM: usize = 256;

#[cfg(test)]
thread_local! {
    /// Candidates valued on this thread to find waiting officers' steps again in a select
    /// (a scan's every candidate, or a heap's pops), for tests that count work.
    pub(super) static VALUED: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}
