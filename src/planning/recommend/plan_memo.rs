//! Whole plans remembered by what an officer's plan is made from: a [`Recommender`]
//! planning officers with identical gaps reads the plan back instead of planning again.
//!
//! With the options fixed, an officer's plan is a function of the post (its gaps'
//! provenance names it), the courses completed and the gaps, each a competency with its
//! current and required level: [`Framework::plan`] reads nothing else of the officer. So
//! the key is exactly those, word for word, and a plan is read back only when its key is
//! equal to a remembered one (the hash only finds it). Officers short of the same
//! requirements by the same amounts meet it: recruits with empty passbooks in one post
//! all do, and so do officers who took the same induction courses.
//!
//! Most keys of a cohort drawn at random are met once, and keeping their plans would cost
//! a copy of every plan for nothing: a key's hash is remembered the first time it is met,
//! its plan from the second, and read back from the third.
//!
//! [`Recommender`]: super::Recommender
//! [`Framework::plan`]: crate::Framework

use std::collections::HashSet;
use std::hash::BuildHasher;

use super::plan::{GapItem, Plan};
use crate::model::hash::{IdHasher, IdMap};

/// Hashes of keys met once kept at most, beyond which they are forgotten: as many as a
/// table of 2¹⁷ slots (9 bytes each, 1.1 MiB) holds without growing.
pub(crate) const MOST_SEEN: usize = 7 << 14;

/// Bytes of keys and plans kept at most (8 MiB), beyond which the plans are forgotten.
pub(crate) const MOST_BYTES: usize = 8 << 20;

/// Plans remembered by their officers' gaps.
#[derive(Default)]
pub(crate) struct PlanMemo<'f> {
    /// Hashes of the keys met once.
    seen: HashSet<u64, IdHasher>,
    plans: IdMap<Box<[u64]>, Plan<'f>>,
    /// Bytes the remembered keys and plans take, about.
    bytes: usize,
    /// The key being looked up.
    key: Vec<u64>,
    /// Plans read back so far.
    read_back: u64,
}

/// What [`PlanMemo::look_up`] found for a key.
pub(crate) enum Found<'f> {
    /// The plan remembered under it.
    Plan(Plan<'f>),
    /// The key was met once before: remember its plan ([`PlanMemo::keep`]).
    Again,
    /// The key is new.
    New,
}

impl<'f> PlanMemo<'f> {
    /// The plan remembered for an officer of post `p` with `gaps` (in competency order)
    /// who completed `completed` (sorted), or whether to remember the plan about to be made.
    ///
    /// # Complexity
    /// O(g + c) for g gaps and c completed courses.
    pub(crate) fn look_up(&mut self, p: u32, gaps: &[GapItem<'_>], completed: &[u32]) -> Found<'f> {
        write_key(p, gaps, completed, &mut self.key);
        if let Some(plan) = self.plans.get(self.key.as_slice()) {
            self.read_back += 1;
            return Found::Plan(plan.clone());
        }
        let hash = self.seen.hasher().hash_one(self.key.as_slice());
        if self.seen.len() >= MOST_SEEN && !self.seen.contains(&hash) {
            self.seen.clear();
        }
        if self.seen.insert(hash) {
            Found::New
        } else {
            Found::Again
        }
    }

    /// Remembers `plan` under the key [`PlanMemo::look_up`] was last given, unless that
    /// alone would pass [`MOST_BYTES`]; past that bound the plans kept before are
    /// forgotten first.
    ///
    /// # Complexity
    /// O(size of the plan) to copy it.
    pub(crate) fn keep(&mut self, plan: &Plan<'f>) {
        let plan = plan.clone();
        let bytes = self.key.len() * 8 + plan_bytes(&plan) + size_of::<(Box<[u64]>, Plan)>();
        if bytes > MOST_BYTES {
            return;
        }
        if self.bytes + bytes > MOST_BYTES {
            self.plans.clear();
            self.bytes = 0;
        }
        self.bytes += bytes;
        self.plans.insert(self.key.as_slice().into(), plan);
    }

    /// Plans remembered now.
    pub(crate) fn len(&self) -> usize {
        self.plans.len()
    }

    /// Plans read back so far.
    pub(crate) fn read_back(&self) -> u64 {
        self.read_back
    }

    /// Bytes the hashes, keys and plans take on the heap, about.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.seen.capacity() * (size_of::<u64>() + 1)
            + self.bytes
            + self.plans.capacity() * (size_of::<(Box<[u64]>, Plan)>() + 1)
            + self.key.capacity() * 8
    }
}

/// The key of an officer's plan: the post, the completed courses and each gap's
/// competency, current and required level, each list after its length.
fn write_key(p: u32, gaps: &[GapItem<'_>], completed: &[u32], key: &mut Vec<u64>) {
    key.clear();
    key.extend([u64::from(p), completed.len() as u64, gaps.len() as u64]);
    key.extend(completed.iter().map(|&c| u64::from(c)));
    key.extend(gaps.iter().map(|g| {
        u64::from(g.competency) << 16 | u64::from(g.current) << 8 | u64::from(g.required)
    }));
}

/// Bytes `plan` holds on the heap, about.
fn plan_bytes(plan: &Plan<'_>) -> usize {
    let steps: usize = plan
        .steps
        .iter()
        .map(|s| {
            s.closes.capacity() * size_of::<super::Closed>()
                + s.prerequisite_for.capacity() * size_of::<usize>()
        })
        .sum();
    plan.steps.capacity() * size_of::<super::Step>()
        + steps
        + plan.open.capacity() * size_of::<super::OpenGap>()
        + plan.terms.capacity() * size_of::<super::Term>()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Paths;

    fn gap(competency: u32, current: u8, required: u8) -> GapItem<'static> {
        GapItem {
            competency,
            current,
            required,
            provenance: Paths::default(),
        }
    }

    fn plan(hours: f64) -> Plan<'static> {
        Plan {
            steps: Vec::new(),
            total_hours: hours,
            blend: crate::Blend::default(),
            blend_target_met: None,
            closed: 0,
            value_closed: 0.0,
            open: Vec::new(),
            terms: Vec::new(),
            bound: hours,
            optimality: crate::Optimality::Optimal,
            nodes: 0,
        }
    }

    #[test]
    fn a_plan_is_kept_from_the_second_meeting_and_read_back_from_the_third() {
        let mut memo = PlanMemo::default();
        let gaps = [gap(3, 0, 2), gap(7, 1, 3)];
        assert!(matches!(memo.look_up(4, &gaps, &[]), Found::New));
        assert!(matches!(memo.look_up(4, &gaps, &[]), Found::Again));
        memo.keep(&plan(12.0));
        match memo.look_up(4, &gaps, &[]) {
            Found::Plan(p) => assert_eq!(p, plan(12.0)),
            _ => panic!("not read back"),
        }
        assert_eq!((memo.len(), memo.read_back()), (1, 1));
    }

    #[test]
    fn keys_differ_in_post_levels_gaps_and_completed_courses() {
        let gaps = [gap(3, 0, 2), gap(7, 1, 3)];
        let mut keys = Vec::new();
        let mut key = Vec::new();
        let cases: [(u32, &[GapItem], &[u32]); 7] = [
            (4, &gaps, &[]),
            (5, &gaps, &[]),
            (4, &gaps[..1], &[]),
            (4, &[gap(3, 1, 2), gap(7, 1, 3)], &[]),
            (4, &[gap(3, 0, 3), gap(7, 1, 3)], &[]),
            (4, &gaps, &[2]),
            (4, &[gap(3, 0, 2), gap(8, 1, 3)], &[]),
        ];
        for (p, g, done) in cases {
            write_key(p, g, done, &mut key);
            assert!(!keys.contains(&key), "{p} {done:?}");
            keys.push(key.clone());
        }
    }

    #[test]
    fn the_memo_stays_within_its_bounds() {
        let mut memo = PlanMemo::default();
        for i in 0..(MOST_SEEN as u32 + 10) {
            let gaps = [gap(i, 0, 2)];
            assert!(matches!(memo.look_up(0, &gaps, &[]), Found::New));
            assert!(memo.seen.len() <= MOST_SEEN);
        }
        assert!(
            memo.seen.capacity() < 2 * MOST_SEEN,
            "the table grew past its bound"
        );
        let term = crate::Term {
            hours: 1.0,
            over_cap: false,
        };
        let mut big = plan(1.0);
        big.terms = vec![term; MOST_BYTES / size_of::<crate::Term>() / 3];
        for i in 0..10 {
            let gaps = [gap(i, 0, 2)];
            memo.look_up(1, &gaps, &[]);
            memo.keep(&big);
            assert!(memo.bytes <= MOST_BYTES && memo.len() <= 3);
        }
        // A plan past the bound alone is not kept.
        big.terms = vec![term; MOST_BYTES / size_of::<crate::Term>() + 1];
        memo.look_up(2, &[], &[]);
        let before = memo.len();
        memo.keep(&big);
        assert_eq!(memo.len(), before);
    }
}
