//! Parts solved before, remembered by their instance: a caller planning many officers in a
//! row (`Recommender`) solves a part it met before by reading its plan back.
//!
//! A least-cost part's plan, bound, proof and node count are a function of the
//! candidates' costs, hours, covers and prerequisites in their local order, which of its
//! elements are worth something, the node limit and whether it is searched: the solvers
//! read nothing else but scratch buffers. How much an element is worth does not enter: on
//! this path every solver counts the open elements (the greedy's gains, the redundancy
//! tests, the bounds' rows, the exact table, the tabu search's unit values), never their
//! values. Which solver answers enters too, since two that both find an optimum may break
//! its ties apart: a part of the reductions tries the exact table (`tiny.rs`) first, an
//! instance the reductions leave whole goes to the part solver alone, and on an instance
//! small enough for both the two may choose different plans of the same cost. So the key
//! is exactly the solver and what it reads, written out word by word, and a part is read
//! back only when its key is equal to a remembered one (the hash only finds it). Officers of one
//! post share most of their requirements, and a part is a few gaps with the courses that
//! close them, so the same parts come back across officers whose shortfalls on those gaps
//! differ (and across posts that require the same competencies at the same levels).

use std::cell::RefCell;

use super::instance::{Instance, Solution, Within};
use crate::model::hash::IdMap;

/// Words of keys a memo keeps at most over all its parts (8 MiB of keys), beyond which it
/// starts again empty.
pub(crate) const MOST_WORDS: usize = 1 << 20;

/// The parts solved so far and their solutions.
#[derive(Default)]
pub(crate) struct PartMemo {
    inner: RefCell<Parts>,
}

#[derive(Default)]
struct Parts {
    words: usize,
    map: IdMap<Box<[u64]>, Solution>,
    /// Scratch for the key being looked up.
    key: Vec<u64>,
}

impl PartMemo {
    /// `solve(part, limit, cutoff)`'s answer for least-cost `part`, read back when a part
    /// alike but for its elements' positive values was solved before with the same node
    /// limit, `searched` and `tabled` (whether `solve` tries the exact table first). Only
    /// answers under no cutoff are remembered (a cutoff's `Err` and the work it skips
    /// depend on the caller's other parts).
    ///
    /// Debug builds solve a part read back all the same and check that the answers agree
    /// to the bit.
    ///
    /// # Complexity
    /// O(n + z + q + m) to write and look up the key of a part of n candidates, z
    /// (candidate, element) pairs, q prerequisite pairs and m elements; `solve`'s otherwise.
    pub(crate) fn solve(
        &self,
        part: &Instance,
        (limit, searched, tabled, cutoff): (u64, bool, bool, f64),
        solve: impl Fn(&Instance, u64, f64) -> Within,
    ) -> Within {
        if cutoff != f64::INFINITY {
            return solve(part, limit, cutoff);
        }
        let (key, known) = self.look_up(part, limit, [searched, tabled]);
        self.answer(key, known, || solve(part, limit, cutoff))
    }

    /// [`PartMemo::solve`] for a part not finished yet (its rows pushed, its derived
    /// indexes not built; see [`Instance::finish`]): the key reads only what was pushed,
    /// so a part read back is never finished, and one solved is finished first.
    ///
    /// # Complexity
    /// O(n + z + q + m) for the key; [`Instance::finish`]'s and `solve`'s otherwise.
    pub(crate) fn solve_unfinished(
        &self,
        part: &mut Instance,
        (limit, searched, tabled, cutoff): (u64, bool, bool, f64),
        solve: impl Fn(&Instance, u64, f64) -> Within,
    ) -> Within {
        if cutoff != f64::INFINITY {
            part.finish();
            return solve(part, limit, cutoff);
        }
        let (key, known) = self.look_up(part, limit, [searched, tabled]);
        self.answer(key, known, || {
            part.finish();
            solve(part, limit, cutoff)
        })
    }

    /// The key of `part` and the answer remembered under it, if any.
    fn look_up(&self, part: &Instance, limit: u64, how: [bool; 2]) -> (Vec<u64>, Option<Solution>) {
        let mut parts = self.inner.borrow_mut();
        let mut key = std::mem::take(&mut parts.key);
        write_key(part, limit, how, &mut key);
        let known = parts.map.get(key.as_slice()).cloned();
        (key, known)
    }

    /// The answer `known` under `key`, or `solve`'s, remembered under `key`.
    fn answer(
        &self,
        key: Vec<u64>,
        known: Option<Solution>,
        solve: impl FnOnce() -> Within,
    ) -> Within {
        if let Some(known) = known {
            self.inner.borrow_mut().key = key;
            if cfg!(debug_assertions) {
                let again = solve();
                debug_assert!(
                    again.as_ref().is_ok_and(|s| same(s, &known)),
                    "a remembered part's solution differs from solving it again"
                );
            }
            return Ok(known);
        }
        // The solver may meet memo-less parts of its own, never this memo: no borrow is
        // held while it runs.
        let solution = solve()?;
        let mut parts = self.inner.borrow_mut();
        if key.len() <= MOST_WORDS {
            if parts.words + key.len() > MOST_WORDS {
                parts.map.clear();
                parts.words = 0;
            }
            parts.words += key.len();
            parts.map.insert(key.as_slice().into(), solution.clone());
        }
        parts.key = key;
        Ok(solution)
    }

    /// Parts remembered now.
    pub(crate) fn len(&self) -> usize {
        self.inner.borrow().map.len()
    }

    /// Bytes the remembered keys and solutions take on the heap, about.
    pub(crate) fn heap_bytes(&self) -> usize {
        let parts = self.inner.borrow();
        let solutions: usize = parts.map.values().map(|s| s.chosen.capacity() * 4).sum();
        let entry = size_of::<(Box<[u64]>, Solution)>() + 1;
        parts.words * 8 + solutions + parts.map.capacity() * entry + parts.key.capacity() * 8
    }
}

/// Two solutions alike to the bit.
pub(super) fn same(a: &Solution, b: &Solution) -> bool {
    a.chosen == b.chosen
        && a.cost.to_bits() == b.cost.to_bits()
        && a.bound.to_bits() == b.bound.to_bits()
        && a.proven == b.proven
        && a.nodes == b.nodes
}

/// The key of least-cost `part` solved within `limit` nodes, `how` saying whether the
/// solver searches and whether it tries the exact table first: which solver, and
/// everything it reads, in order, each row after its length; of the elements' values,
/// only whether each is worth something.
fn write_key(part: &Instance, limit: u64, [searched, tabled]: [bool; 2], key: &mut Vec<u64>) {
    key.clear();
    key.extend([
        limit,
        u64::from(searched),
        u64::from(tabled),
        part.len() as u64,
        part.values.len() as u64,
    ]);
    key.extend(part.values.iter().map(|&v| u64::from(v > 0.0)));
    for c in 0..part.len() as u32 {
        let (covers, pre) = (part.covers(c), part.prerequisites(c));
        key.extend([
            part.cost(c).to_bits(),
            part.hours(c).to_bits(),
            covers.len() as u64,
            pre.len() as u64,
        ]);
        key.extend(covers.iter().map(|&e| u64::from(e)));
        key.extend(pre.iter().map(|&p| u64::from(p)));
    }
}

#[cfg(test)]
mod tests {
    use super::super::instance::tests::line;
    use super::*;
    use std::cell::Cell;

    fn solution(cost: f64) -> Solution {
        Solution {
            chosen: vec![0],
            cost,
            bound: cost,
            proven: true,
            nodes: 0,
        }
    }

    #[test]
    fn a_part_met_again_is_read_back_and_another_is_solved() {
        let memo = PartMemo::default();
        let calls = Cell::new(0);
        let solve = |part: &Instance, _, _| {
            calls.set(calls.get() + 1);
            Ok(solution(part.cost(0)))
        };
        let a = line(4, true);
        let b = line(5, true);
        let none = (0, false, false, f64::INFINITY);
        assert_eq!(memo.solve(&a, none, solve), Ok(solution(a.cost(0))));
        let solved = calls.get();
        assert_eq!(memo.solve(&a.clone(), none, solve), Ok(solution(a.cost(0))));
        // Debug builds solve again to check; release builds do not.
        assert_eq!(calls.get(), solved + usize::from(cfg!(debug_assertions)));
        memo.solve(&b, none, solve).unwrap();
        // Another limit, the search or the exact table first is another key; a cutoff is
        // never remembered.
        memo.solve(&a, (10, false, false, f64::INFINITY), solve)
            .unwrap();
        memo.solve(&a, (0, true, false, f64::INFINITY), solve)
            .unwrap();
        memo.solve(&a, (0, false, true, f64::INFINITY), solve)
            .unwrap();
        memo.solve(&a, (0, false, false, 100.0), solve).unwrap();
        assert_eq!(memo.len(), 5);
    }

    /// A part is keyed by what was pushed: an unfinished part is finished only to be
    /// solved, and meets the finished part alike under the same key.
    #[test]
    fn an_unfinished_part_is_finished_only_when_solved() {
        let unfinished = |n: u32| {
            let mut inst = Instance::with_capacity(vec![1.0; n as usize], n as usize, n as usize);
            for i in 0..n {
                inst.push(1.0, 1.0, &[i], &[]);
            }
            inst
        };
        let memo = PartMemo::default();
        let none = (0, false, false, f64::INFINITY);
        let solve = |part: &Instance, _, _| {
            assert_eq!(part.topo().len(), part.len(), "solved unfinished");
            Ok(solution(part.cost(0)))
        };
        let mut a = unfinished(4);
        assert_eq!(
            memo.solve_unfinished(&mut a, none, solve),
            Ok(solution(1.0))
        );
        assert_eq!(a.topo().len(), 4, "solved, so finished");
        let mut again = unfinished(4);
        assert_eq!(
            memo.solve_unfinished(&mut again, none, solve),
            Ok(solution(1.0))
        );
        // Read back: release builds leave it unfinished; debug builds solve it again to check.
        assert_eq!(again.topo().is_empty(), !cfg!(debug_assertions));
        // The finished part alike has the same key.
        assert_eq!(memo.solve(&line(4, false), none, solve), Ok(solution(1.0)));
        assert_eq!(memo.len(), 1);
        // Under a cutoff it is solved, so finished, and not remembered.
        let mut cut = unfinished(5);
        memo.solve_unfinished(&mut cut, (0, false, false, 9.0), solve)
            .unwrap();
        assert_eq!((cut.topo().len(), memo.len()), (5, 1));
    }

    #[test]
    fn keys_differ_where_the_instances_do() {
        let mut key_a = Vec::new();
        let mut key_b = Vec::new();
        let a = line(4, true);
        let b = line(4, false);
        write_key(&a, 0, [false, false], &mut key_a);
        write_key(&b, 0, [false, false], &mut key_b);
        assert_ne!(key_a, key_b);
        write_key(&a.clone(), 0, [false, false], &mut key_b);
        assert_eq!(key_a, key_b);
        // Positive values do not enter the key; whether an element is worth something does.
        let mut worth = a.clone();
        worth.values = vec![3.0, 0.5, 2.0, 1.0];
        write_key(&worth, 0, [false, false], &mut key_b);
        assert_eq!(key_a, key_b);
        worth.values[1] = 0.0;
        write_key(&worth, 0, [false, false], &mut key_b);
        assert_ne!(key_a, key_b);
    }

    #[test]
    fn the_memo_stays_within_its_words() {
        let memo = PartMemo::default();
        let mut words = 0;
        for n in 1..200u32 {
            let inst = line(n * 40, true);
            let solve = |_: &Instance, _, _| Ok(solution(1.0));
            memo.solve(&inst, (0, false, false, f64::INFINITY), solve)
                .unwrap();
            words = memo.inner.borrow().words;
            assert!(words <= MOST_WORDS);
        }
        assert!(words > 0 && memo.len() < 199);
    }
}
