//! Which picks of a cover could share a replacement, as adjacency lists, and the pairs and
//! triples of them that `trade.rs` tries, in the order it tries them.
//!
//! Two picks are related when some candidate lies in both their lists (the candidates
//! closing an element only that pick closes). Stored as a matrix and enumerated over every
//! pair and triple, the relation cost O(k²) memory and O(k³) steps per round for k picks:
//! on a post of 2,000 requirements (about 930 picks) the enumeration alone was 4 G
//! instructions of a plan. Here it is found by inverting the lists (each candidate's
//! holders related pairwise), and the pairs and triples are generated from the
//! neighbours, so the cost follows the relation's edges rather than k.

use std::ops::ControlFlow;

use crate::model::order;

#[cfg(test)]
thread_local! {
    /// Picks listed by [`Related::pairs`] and [`Related::triples`] on this thread (each
    /// neighbour read, each `b` and `c` listed), read by the tests of `trade.rs`.
    pub(super) static LISTED: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Counts `n` picks listed (tests only).
fn listed(n: usize) {
    #[cfg(test)]
    LISTED.with(|l| l.set(l.get() + n as u64));
    let _ = n;
}

/// The relation between k picks, as sorted adjacency lists.
pub(super) struct Related {
    start: Vec<u32>,
    adjacent: Vec<u32>,
}

impl Related {
    /// The relation of picks `0..near.len()`: `a` and `b` (`a ≠ b`) are related when
    /// `near[a]` and `near[b]` share an item. Each list must be free of repeats.
    ///
    /// # Complexity
    /// O((p + s) log(p + s)) for p items in all the lists and s = Σ h² over the items
    /// (h: how many lists hold the item), the pairs it relates.
    pub(super) fn new(near: &[Vec<u32>]) -> Related {
        let mut holders: Vec<(u32, u32)> = near
            .iter()
            .enumerate()
            .flat_map(|(a, list)| list.iter().map(move |&x| (x, a as u32)))
            .collect();
        order::sort_unstable(&mut holders);
        let mut edges: Vec<(u32, u32)> = Vec::new();
        for group in holders.chunk_by(|p, q| p.0 == q.0) {
            for (i, &(_, a)) in group.iter().enumerate() {
                for &(_, b) in &group[i + 1..] {
                    edges.push((a, b));
                    edges.push((b, a));
                }
            }
        }
        order::sort_unstable(&mut edges);
        edges.dedup();
        let mut start = vec![0u32; near.len() + 1];
        for &(a, _) in &edges {
            start[a as usize + 1] += 1;
        }
        for a in 0..near.len() {
            start[a + 1] += start[a];
        }
        Related {
            start,
            adjacent: edges.into_iter().map(|(_, b)| b).collect(),
        }
    }

    fn len(&self) -> usize {
        self.start.len() - 1
    }

    /// The picks related to `a`, in increasing order.
    fn neighbours(&self, a: usize) -> &[u32] {
        &self.adjacent[self.start[a] as usize..self.start[a + 1] as usize]
    }

    /// Calls `f` on every related pair `a < b`, in increasing order of `(a, b)`, until it
    /// breaks.
    ///
    /// # Complexity
    /// O(k + the related pairs).
    pub(super) fn pairs<B>(
        &self,
        mut f: impl FnMut(usize, usize) -> ControlFlow<B>,
    ) -> ControlFlow<B> {
        for a in 0..self.len() {
            listed(self.neighbours(a).len());
            for &b in self.neighbours(a) {
                if b as usize > a {
                    f(a, b as usize)?;
                }
            }
        }
        ControlFlow::Continue(())
    }

    /// Calls `f` on every triple `a < b < c` of which at least two pairs are related, in
    /// increasing order of `(a, b, c)`, until it breaks: `b` is a neighbour of `a` or of a
    /// common neighbour `c`, and `c` a neighbour of `a` or `b` when `a` and `b` are
    /// related, else of both.
    ///
    /// # Complexity
    /// O(Σ over a of (Σ over its neighbours c of deg c) · log) to list each pick's `b`s,
    /// plus O(deg a + deg b) and a sort per `(a, b)` listed: for degrees bounded by d,
    /// O(k · d³ log d), against the k³ / 6 triples of a plain enumeration.
    pub(super) fn triples<B>(
        &self,
        mut f: impl FnMut(usize, usize, usize) -> ControlFlow<B>,
    ) -> ControlFlow<B> {
        let k = self.len();
        // `mark[x] == a + 1` when x is a neighbour of a.
        let mut mark = vec![0u32; k];
        let (mut bs, mut cs): (Vec<u32>, Vec<u32>) = (Vec::new(), Vec::new());
        for a in 0..k {
            let stamp = a as u32 + 1;
            bs.clear();
            for &c in self.neighbours(a) {
                mark[c as usize] = stamp;
                if c as usize > a {
                    bs.push(c);
                    bs.extend(
                        self.neighbours(c as usize)
                            .iter()
                            .filter(|&&b| b as usize > a && b < c),
                    );
                }
            }
            order::sort_unstable(&mut bs);
            bs.dedup();
            listed(bs.len());
            for &b in &bs {
                cs.clear();
                let later = |x: &&u32| **x > b;
                if mark[b as usize] == stamp {
                    cs.extend(self.neighbours(a).iter().filter(later));
                    cs.extend(self.neighbours(b as usize).iter().filter(later));
                    order::sort_unstable(&mut cs);
                    cs.dedup();
                } else {
                    cs.extend(
                        self.neighbours(b as usize)
                            .iter()
                            .filter(later)
                            .filter(|&&c| mark[c as usize] == stamp),
                    );
                }
                listed(cs.len());
                for &c in &cs {
                    f(a, b as usize, c as usize)?;
                }
            }
        }
        ControlFlow::Continue(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    type Pairs = Vec<(usize, usize)>;
    type Triples = Vec<(usize, usize, usize)>;

    /// The pairs and triples of a plain enumeration over a matrix, as `trade.rs` made them.
    fn plain(near: &[Vec<u32>]) -> (Pairs, Triples) {
        let k = near.len();
        let meet = |a: usize, b: usize| near[a].iter().any(|x| near[b].contains(x));
        let (mut pairs, mut triples) = (Vec::new(), Vec::new());
        for a in 0..k {
            for b in a + 1..k {
                if meet(a, b) {
                    pairs.push((a, b));
                }
            }
        }
        for a in 0..k {
            for b in a + 1..k {
                for c in b + 1..k {
                    let links =
                        usize::from(meet(a, b)) + usize::from(meet(a, c)) + usize::from(meet(b, c));
                    if links >= 2 {
                        triples.push((a, b, c));
                    }
                }
            }
        }
        (pairs, triples)
    }

    proptest! {
        #[test]
        fn pairs_and_triples_are_those_of_the_plain_enumeration_in_its_order(
            lists in prop::collection::vec(prop::collection::btree_set(0u32..12, 0..4), 0..14),
        ) {
            let near: Vec<Vec<u32>> = lists.into_iter().map(|s| s.into_iter().collect()).collect();
            let related = Related::new(&near);
            let mut pairs = Vec::new();
            let _ = related.pairs::<()>(|a, b| {
                pairs.push((a, b));
                ControlFlow::Continue(())
            });
            let mut triples = Vec::new();
            let _ = related.triples::<()>(|a, b, c| {
                triples.push((a, b, c));
                ControlFlow::Continue(())
            });
            let (want_pairs, want_triples) = plain(&near);
            prop_assert_eq!(pairs, want_pairs);
            prop_assert_eq!(triples, want_triples);
        }
    }

    #[test]
    fn a_break_stops_the_enumeration() {
        let near = vec![vec![0], vec![0], vec![0], vec![0]];
        let related = Related::new(&near);
        let mut seen = 0;
        let out = related.triples(|a, b, c| {
            seen += 1;
            if (a, b, c) == (0, 1, 3) {
                ControlFlow::Break(7)
            } else {
                ControlFlow::Continue(())
            }
        });
        assert_eq!(out, ControlFlow::Break(7));
        assert_eq!(seen, 2);
    }
}
