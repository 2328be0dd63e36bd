//! Adjacency lists of dense indices, the group hierarchy's compressed form.

/// Adjacency lists of dense indices: `items[start[i]..start[i + 1]]`, each list sorted.
#[derive(Clone, Debug, Default)]
pub(crate) struct Adjacency {
    start: Vec<u32>,
    items: Vec<u32>,
}

impl Adjacency {
    /// The lists of `n` owners from `(owner, item)` pairs; repeated pairs are kept once.
    pub(super) fn from_pairs(n: usize, mut pairs: Vec<(u32, u32)>) -> Adjacency {
        crate::model::order::sort_unstable(&mut pairs);
        pairs.dedup();
        let mut start = vec![0u32; n + 1];
        for &(owner, _) in &pairs {
            start[owner as usize + 1] += 1;
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        Adjacency {
            start,
            items: pairs.into_iter().map(|(_, item)| item).collect(),
        }
    }

    /// The list of owner `i`, sorted; empty for an unknown owner.
    pub(crate) fn get(&self, i: u32) -> &[u32] {
        let i = i as usize;
        match (self.start.get(i), self.start.get(i + 1)) {
            (Some(&a), Some(&b)) => self.items.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
}
