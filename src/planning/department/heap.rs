//! The greedy's heap ([`Heap`]): a max-heap of four children a node, which the lazy greedy
//! over a department's officers reads and rewrites at its top once per pop.

/// Children of a node: a node's are the `ARITY` entries after `ARITY × node`, so the path
/// from the top to the bottom of 100,000 entries is 9 nodes instead of a binary heap's 17.
/// The greedy's heap is larger than a core's cache at department size, and each node on a
/// path is a read that misses it; the children of a node lie side by side, so one node's
/// four children cost about the misses of one.
const ARITY: usize = 4;

/// A max-heap of `ARITY` children a node (a d-ary heap: D. B. Johnson, "Priority queues
/// with update and finding minimum spanning trees", *Information Processing Letters* 4,
/// 1975), with what the greedy asks of its top: [`Heap::second`], the greatest entry after
/// it, and [`Heap::replace_top`], one sift down from the top. Which entry is at the top
/// depends only on the entries, not on how they were pushed, when they are distinct (the
/// greedy's are: one per officer, totally ordered). Every operation is O(log n) for n
/// entries, but for [`Heap::peek`] and [`Heap::second`], O(1).
pub(super) struct Heap<T>(Vec<T>);

impl<T: Ord + Copy> Heap<T> {
    /// An empty heap with room for `n` entries.
    pub(super) fn with_capacity(n: usize) -> Self {
        Heap(Vec::with_capacity(n))
    }

    /// Whether the heap is empty.
    pub(super) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The greatest entry.
    pub(super) fn peek(&self) -> Option<&T> {
        self.0.first()
    }

    /// The greatest entry after the top: the greatest of the top's children.
    pub(super) fn second(&self) -> Option<T> {
        let all = &self.0;
        all.get(1..all.len().min(ARITY + 1))
            .and_then(|children| children.iter().max())
            .copied()
    }

    /// Adds `entry`.
    pub(super) fn push(&mut self, entry: T) {
        let all = &mut self.0;
        let mut at = all.len();
        all.push(entry);
        while at > 0 {
            let parent = (at - 1) / ARITY;
            if all[parent] >= entry {
                break;
            }
            all[at] = all[parent];
            at = parent;
        }
        all[at] = entry;
    }

    /// Replaces the greatest entry by `entry` (adds it when the heap is empty).
    pub(super) fn replace_top(&mut self, entry: T) {
        if self.0.is_empty() {
            self.0.push(entry);
        } else {
            self.sift_down(entry);
        }
    }

    /// Removes the greatest entry, if any.
    pub(super) fn pop(&mut self) {
        if let Some(last) = self.0.pop()
            && !self.0.is_empty()
        {
            self.sift_down(last);
        }
    }

    /// Puts `entry` at the top's place and moves it down past every greater child.
    fn sift_down(&mut self, entry: T) {
        let all = &mut self.0;
        let len = all.len();
        let mut at = 0;
        loop {
            let first = ARITY * at + 1;
            if first >= len {
                break;
            }
            let children = &all[first..(first + ARITY).min(len)];
            let mut best = 0;
            for (i, child) in children.iter().enumerate().skip(1) {
                if *child > children[best] {
                    best = i;
                }
            }
            if children[best] <= entry {
                break;
            }
            all[at] = children[best];
            at = first + best;
        }
        all[at] = entry;
    }
}

#[cfg(test)]
mod tests {
    use super::Heap;
    use crate::model::test_rng::below;
    use std::collections::BinaryHeap;

    /// Random pushes, pops and replacements of the top, with entries that repeat: the top
    /// and the greatest entry after it are the standard library's heap's at every step.
    #[test]
    fn the_top_and_the_next_are_a_binary_heaps() {
        let mut rng = below(13);
        for round in 0..100 {
            let (mut heap, mut std) = (Heap::with_capacity(0), BinaryHeap::new());
            let range = if round % 2 == 0 { 50 } else { 1_000_000 };
            for _ in 0..rng(500) {
                let value = rng(range);
                match rng(4) {
                    0 | 1 => {
                        heap.push(value);
                        std.push(value);
                    }
                    2 => {
                        heap.pop();
                        std.pop();
                    }
                    _ => {
                        heap.replace_top(value);
                        if let Some(mut top) = std.peek_mut() {
                            *top = value;
                        } else {
                            std.push(value);
                        }
                    }
                }
                assert_eq!(heap.peek(), std.peek());
                assert_eq!(heap.is_empty(), std.is_empty());
                let mut rest = std.clone();
                rest.pop();
                assert_eq!(heap.second(), rest.peek().copied());
            }
        }
    }
}
