//! The best-first search shared by career paths and successors: items (posts, or groups of
//! officers with the same gaps) taken in order of lower bounds on (unclosable gaps, hours),
//! the k best results kept, the search stopped once the next bound ranks after the k-th.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

use crate::analysis::readiness::Readiness;
use crate::model::order;
use crate::planning::bounds::clearly_above;

/// Training effort for one officer and post, from the least-hours plan of the options'
/// solver.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Effort {
    pub(crate) open: u32,
    pub(crate) hours: f64,
    pub(crate) courses: u32,
    pub(crate) readiness: Readiness,
}

/// What results are ranked by: (unclosable gaps, hours, readiness, item or officer).
pub(crate) type Key = (u32, f64, Readiness, u32);

/// Order of results: fewest unclosable gaps, fewest hours, highest readiness (compared
/// exactly), then the key.
pub(crate) fn better(a: Key, b: Key) -> Ordering {
    a.0.cmp(&b.0)
        .then(a.1.total_cmp(&b.1))
        .then(b.2.cmp(&a.2))
        .then(a.3.cmp(&b.3))
}

/// Whether an item whose (unclosable gaps, hours) are at least `(open, hours)` ranks after
/// the k-th result `kth`: it has more unclosable gaps, or as many and clearly more hours.
pub(crate) fn beyond(open: u32, hours: f64, kth: Option<(u32, f64)>) -> bool {
    kth.is_some_and(|(o, h)| open > o || (open == o && clearly_above(hours, h)))
}

/// The key a result is ranked by.
pub(crate) fn key(entry: &(u32, Effort)) -> Key {
    (entry.1.open, entry.1.hours, entry.1.readiness, entry.0)
}

/// An item of the best-first queue: lower bounds on (unclosable gaps, hours), then the item.
#[derive(Clone, Copy, Debug)]
struct Queued(u32, f64, u32);

impl PartialEq for Queued {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Queued {}

impl PartialOrd for Queued {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Queued {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0
            .cmp(&other.0)
            .then(self.1.total_cmp(&other.1))
            .then(self.2.cmp(&other.2))
    }
}

/// How a search picks items to evaluate before the bound order: `pick` receives the first
/// `look_ahead` items in bound order, each with its bounds (item, unclosable gaps, hours),
/// and returns some of them, in the order to evaluate.
pub(crate) struct Seed<F> {
    pub(crate) look_ahead: usize,
    pub(crate) pick: F,
}

impl Seed<fn(&[(u32, u32, f64)]) -> Vec<u32>> {
    /// No items taken out of the bound order.
    pub(crate) fn none() -> Self {
        Seed {
            look_ahead: 0,
            pick: |_| Vec::new(),
        }
    }
}

/// Takes items in order of their lower bounds on (unclosable gaps, hours), keeping the `k`
/// best results by [`better`], and stops once the next bound ranks after the k-th.
/// `evaluate(item, kth, out)` pushes the item's results (a post, or the officers of a
/// group) into `out`; it may leave out any that rank after `kth`, the k-th result's key
/// once there are k.
///
/// `seed` may name items to evaluate first, chosen among the first of the bound order: a
/// k-th found early lets `evaluate` discard more items with less work. The result does not
/// depend on it: every item is evaluated once, unless its bound ranks after the k-th of
/// the moment, and the k-th only improves.
///
/// # Complexity
/// O(n) bounds and a heap of n items, O(log n) per item taken, O(log k) per result found
/// and O(r log r) to sort the r ≤ k results kept, plus `seed.pick` on at most
/// `look_ahead` items and the evaluations.
pub(crate) fn best_first(
    items: &[u32],
    k: usize,
    mut bound: impl FnMut(u32) -> (u32, f64),
    seed: Seed<impl FnOnce(&[(u32, u32, f64)]) -> Vec<u32>>,
    mut evaluate: impl FnMut(u32, Option<Key>, &mut Vec<(u32, Effort)>),
) -> Vec<(u32, Effort)> {
    if k == 0 {
        return Vec::new();
    }
    let queue: Vec<Reverse<Queued>> = items
        .iter()
        .map(|&i| {
            let (open, hours) = bound(i);
            Reverse(Queued(open, hours, i))
        })
        .collect();
    // A heap, not a sort: building it is linear, and the search usually stops after a
    // small part of the items.
    let mut queue = BinaryHeap::from(queue);
    let mut ahead: Vec<Queued> = Vec::new();
    while ahead.len() < seed.look_ahead
        && let Some(Reverse(q)) = queue.pop()
    {
        ahead.push(q);
    }
    let first = if ahead.is_empty() {
        Vec::new()
    } else {
        let bounds: Vec<(u32, u32, f64)> = ahead.iter().map(|q| (q.2, q.0, q.1)).collect();
        (seed.pick)(&bounds)
    };
    queue.extend(ahead.iter().map(|&q| Reverse(q)));
    // The results kept, the k-th (the worst kept) on top: a sorted `Vec` took O(k) per
    // result inserted, quadratic when every item's results are kept (`k` = `usize::MAX`).
    let mut best: BinaryHeap<Ranked> = BinaryHeap::new();
    let mut found = Vec::new();
    let mut take = |i: u32, best: &mut BinaryHeap<Ranked>, kth: Option<Key>| {
        found.clear();
        evaluate(i, kth, &mut found);
        order::keep_first(&mut found, k, |a, b| better(key(a), key(b)));
        for &entry in &found {
            if best.len() < k {
                best.push(Ranked(entry));
            } else if let Some(mut worst) = best.peek_mut()
                && better(key(&entry), key(&worst.0)).is_lt()
            {
                *worst = Ranked(entry);
            }
        }
    };
    let kth_of = |best: &BinaryHeap<Ranked>| {
        (best.len() == k)
            .then(|| best.peek().map(|r| key(&r.0)))
            .flatten()
    };
    let mut done: Vec<u32> = Vec::with_capacity(first.len());
    for &i in &first {
        let Some(&Queued(open, hours, _)) = ahead.iter().find(|q| q.2 == i) else {
            continue;
        };
        if done.contains(&i) {
            continue;
        }
        done.push(i);
        let kth = kth_of(&best);
        if !beyond(open, hours, kth.map(|k| (k.0, k.1))) {
            take(i, &mut best, kth);
        }
    }
    order::sort_unstable(&mut done);
    while let Some(Reverse(Queued(open, hours, i))) = queue.pop() {
        let kth = kth_of(&best);
        // Bounds never exceed the truth, so once one ranks after the k-th, every later
        // one does too.
        if beyond(open, hours, kth.map(|k| (k.0, k.1))) {
            break;
        }
        if done.binary_search(&i).is_err() {
            take(i, &mut best, kth);
        }
    }
    let mut best: Vec<(u32, Effort)> = best.into_iter().map(|r| r.0).collect();
    order::sort_by(&mut best, |a, b| better(key(a), key(b)));
    best
}

/// A kept result, ordered by [`better`]: the greatest is the one ranked last.
struct Ranked((u32, Effort));

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Ranked {}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> Ordering {
        better(key(&self.0), key(&other.0))
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{Effort, Seed, best_first, better, key};
    use crate::analysis::readiness::ExactWeights;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        /// Whatever items a seed picks, and in whatever order (unknown ones and repeats
        /// included), the search keeps the k best results of evaluating every item: each
        /// item's results are `members` officers with its (open, hours), its bound at most
        /// those, and ties broken by officer.
        #[test]
        fn seeds_never_change_the_k_best(
            items in proptest::collection::vec((0u32..3, 0u32..40, 0u32..30, 1usize..4), 1..40),
            k in 1usize..12,
            look_ahead in 0usize..50,
            picks in proptest::collection::vec(0u32..45, 0..20),
        ) {
            // Item i: open gaps, hours, slack of its bound below the hours, members.
            let officers = |i: usize| (0..items[i].3).map(move |m| (i * 4 + m) as u32);
            let effort = |i: usize| Effort {
                open: items[i].0,
                hours: f64::from(items[i].1),
                courses: 0,
                readiness: ExactWeights::new([1.0; 3]).ratio([1, 0, 0], [2, 0, 0]),
            };
            let mut want: Vec<(u32, Effort)> = (0..items.len())
                .flat_map(|i| officers(i).map(move |o| (o, effort(i))))
                .collect();
            want.sort_by(|a, b| better(key(a), key(b)));
            want.truncate(k);
            let ids: Vec<u32> = (0..items.len() as u32).collect();
            let mut seen = Vec::new();
            let got = best_first(
                &ids,
                k,
                |i| {
                    let (open, hours, slack, _) = items[i as usize];
                    (open, f64::from(hours.saturating_sub(slack)))
                },
                Seed {
                    look_ahead,
                    pick: |ahead: &[(u32, u32, f64)]| {
                        assert!(ahead.len() <= look_ahead, "more items than looked ahead");
                        picks.clone()
                    },
                },
                |i, _, out| {
                    seen.push(i);
                    out.extend(officers(i as usize).map(|o| (o, effort(i as usize))));
                },
            );
            prop_assert_eq!(got, want);
            seen.sort_unstable();
            let before = seen.len();
            seen.dedup();
            prop_assert_eq!(before, seen.len(), "an item evaluated twice");
        }
    }
}
