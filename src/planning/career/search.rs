//! The best-first search of the career searches, with the plans of items taken together
//! made side by side on the threads.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::convert::Infallible;

use crate::model::{order, parallel};
use crate::planning::bounds::clearly_above;
use std::cmp::Ordering;

/// Training effort for one officer and post, from the greedy least-hours plan.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Effort {
    pub(super) open: u32,
    pub(super) hours: f64,
    pub(super) courses: u32,
    pub(super) readiness: f64,
}

/// The plan part of an [`Effort`]: a function of the gaps and completed courses alone.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Planned {
    pub(super) open: u32,
    pub(super) hours: f64,
    pub(super) courses: u32,
}

/// Order of results: fewest unclosable gaps, fewest hours, highest readiness, then the key.
pub(super) fn better(a: (u32, f64, f64, u32), b: (u32, f64, f64, u32)) -> Ordering {
    a.0.cmp(&b.0)
        .then(a.1.total_cmp(&b.1))
        .then(b.2.total_cmp(&a.2))
        .then(a.3.cmp(&b.3))
}

/// Whether an item whose (unclosable gaps, hours) are at least `(open, hours)` ranks after
/// the k-th result `kth`: it has more unclosable gaps, or as many and clearly more hours.
pub(super) fn beyond(open: u32, hours: f64, kth: Option<(u32, f64)>) -> bool {
    kth.is_some_and(|(o, h)| open > o || (open == o && clearly_above(hours, h)))
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

/// An item's place in the ranking: (unclosable gaps, hours, readiness, item).
pub(super) type Key = (u32, f64, f64, u32);

/// The work [`best_first`] does on an item taken, in three steps: [`Search::check`] on the
/// calling thread, bounding the item again and settling it when it can; [`Search::plan`],
/// the plan of an item `check` left pending, on any thread, side by side with the plans of
/// other pending items; [`Search::apply`] on the calling thread, in the order the items
/// were taken.
pub(super) trait Search: Sync {
    /// An item waiting for its plan, with what [`Search::apply`] needs of it.
    type Pending: Send + Sync;

    /// Bounds `item` again against the k-th result `kth` (its key once there are k
    /// results). Pushes any results it settles into `out` (it may leave out those ranking
    /// after `kth`) and returns `None`, or returns the item as pending a plan.
    fn check(
        &mut self,
        item: u32,
        kth: Option<Key>,
        out: &mut Vec<(u32, Effort)>,
    ) -> Option<Self::Pending>;

    /// The plan of a pending item: `None` when a proof puts it after the k-th result
    /// `check` read.
    fn plan(&self, pending: &Self::Pending) -> Option<Planned>;

    /// Records the outcome `planned` of a pending item, pushing its results into `out`;
    /// `kth` is the k-th result now, which may rank before the one `check` read.
    fn apply(
        &mut self,
        pending: Self::Pending,
        planned: Option<Planned>,
        kth: Option<Key>,
        out: &mut Vec<(u32, Effort)>,
    );
}

/// A search whose items are settled whole by one call on the calling thread.
pub(super) struct Serial<F>(pub(super) F);

impl<F> Search for Serial<F>
where
    F: FnMut(u32, Option<Key>, &mut Vec<(u32, Effort)>) + Sync,
{
    type Pending = Infallible;

    fn check(
        &mut self,
        item: u32,
        kth: Option<Key>,
        out: &mut Vec<(u32, Effort)>,
    ) -> Option<Infallible> {
        (self.0)(item, kth, out);
        None
    }

    fn plan(&self, pending: &Infallible) -> Option<Planned> {
        match *pending {}
    }

    fn apply(
        &mut self,
        pending: Infallible,
        _: Option<Planned>,
        _: Option<Key>,
        _: &mut Vec<(u32, Effort)>,
    ) {
        match pending {}
    }
}

pub(super) fn key(entry: &(u32, Effort)) -> Key {
    (entry.1.open, entry.1.hours, entry.1.readiness, entry.0)
}

/// Takes items in order of their lower bounds on (unclosable gaps, hours), keeping the
/// `k` best results by [`better`], and stops once the next bound ranks after the k-th.
///
/// Up to `width` items pending a plan are planned together, side by side where the
/// threads allow ([`parallel::map_items`]), and their outcomes applied in the order the
/// items were taken. An item taken while others wait for their plans is checked against
/// the k-th result before those plans: a k-th that ranks no better, so the item may be
/// planned where waiting would have ruled it out. Such work is spent, but the results are
/// those of taking one item at a time: every rule that settles or skips an item holds for
/// any k-th at least as far down, and the results kept are the k best of all pushed.
pub(super) fn best_first<S: Search>(
    items: &[u32],
    k: usize,
    width: usize,
    mut bound: impl FnMut(u32) -> (u32, f64),
    search: &mut S,
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
    let width = width.max(1);
    let mut best: Vec<(u32, Effort)> = Vec::new();
    let mut found = Vec::new();
    let mut pending = Vec::new();
    loop {
        let kth = (best.len() == k).then(|| key(&best[k - 1]));
        // Bounds never exceed the truth, so once one ranks after the k-th, every later
        // one does too.
        let next = queue.pop().filter(|Reverse(Queued(open, hours, _))| {
            !beyond(*open, *hours, kth.map(|k| (k.0, k.1)))
        });
        if let Some(Reverse(Queued(_, _, i))) = next {
            found.clear();
            if let Some(waiting) = search.check(i, kth, &mut found) {
                pending.push(waiting);
            }
            keep(&mut best, &mut found, k);
        }
        if pending.len() == width || (next.is_none() && !pending.is_empty()) {
            let planned = {
                let (search, waiting) = (&*search, &pending);
                parallel::map_items(waiting.len(), width, |n| search.plan(&waiting[n]))
            };
            for (waiting, planned) in pending.drain(..).zip(planned) {
                let kth = (best.len() == k).then(|| key(&best[k - 1]));
                found.clear();
                search.apply(waiting, planned, kth, &mut found);
                keep(&mut best, &mut found, k);
            }
        }
        if next.is_none() {
            return best;
        }
    }
}

/// Merges the results `found` into `best`, the `k` best so far in order.
fn keep(best: &mut Vec<(u32, Effort)>, found: &mut Vec<(u32, Effort)>, k: usize) {
    order::keep_first(found, k, |a, b| better(key(a), key(b)));
    for &entry in found.iter() {
        let at = best.partition_point(|e| better(key(e), key(&entry)).is_lt());
        if at < k {
            best.insert(at, entry);
            best.truncate(k);
        }
    }
}
