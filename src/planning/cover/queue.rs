//! The branch and bound's search tree (`exact.rs`): its nodes, and the best-bound queue's
//! entries with their order.

/// A node of the search tree with its children: `options[start..end]`, child `i` choosing
/// `options[start + i]` with the earlier ones excluded; `next` is the first child not
/// tried yet.
pub(super) struct Node {
    pub(super) parent: u32,
    /// Which child of its parent it is.
    pub(super) index: u32,
    pub(super) start: u32,
    pub(super) end: u32,
    pub(super) next: u32,
    pub(super) bound: f64,
}

/// A node with children left, in the best-bound queue: the least bound first, then the
/// deepest (newest), so ties favour finishing a subtree.
#[derive(Clone, Copy)]
pub(super) struct Queued {
    pub(super) bound: f64,
    pub(super) id: u32,
}

impl PartialEq for Queued {
    fn eq(&self, other: &Queued) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for Queued {}

impl PartialOrd for Queued {
    fn partial_cmp(&self, other: &Queued) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Queued {
    fn cmp(&self, other: &Queued) -> std::cmp::Ordering {
        other
            .bound
            .total_cmp(&self.bound)
            .then(self.id.cmp(&other.id))
    }
}
