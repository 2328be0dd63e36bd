//! Counters of what the exact search did on this thread, so that tests can tell which
//! paths it took.

thread_local! {
    /// Roots of restricted parts searched on this thread, so that tests can tell they
    /// reach them.
    pub(in crate::planning::cover) static RESTRICTED_ROOTS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    /// Local searches of [`Search::improve`] run on this thread, so that tests can tell
    /// which roots the bounds and repairs prove without it.
    pub(in crate::planning::cover) static LOCAL_SEARCHES: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    /// Candidates of the largest part the tabu search of [`Search::improve`] ran on, on
    /// this thread, so that tests can tell where it runs.
    pub(in crate::planning::cover) static TABU_LARGEST: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    /// Covers rounded from the relaxation ([`Search::round`]) on this thread that were
    /// cheaper than the incumbent, so that tests can tell where the rounding pays.
    pub(in crate::planning::cover) static ROUNDED_CHEAPER: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    /// Whether roots on this thread run their tabu search before the search, as they did
    /// before it was deferred, so that tests can compare the two.
    pub(in crate::planning::cover) static TABU_AT_ROOT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// How the deferred tabu searches of this thread were settled: the search proved the
    /// root's cover optimal, the tabu search ran and found nothing, it found a cheaper
    /// cover and the search was made again.
    pub(in crate::planning::cover) static DEFERRED: std::cell::Cell<[u64; 3]> = const { std::cell::Cell::new([0; 3]) };
    /// Tabu searches of [`Search::tabu`] skipped on this thread because a settled one
    /// left the same cover, so that tests can tell the skip happens.
    pub(in crate::planning::cover) static SETTLED_SKIPS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    /// Whether [`Search::tabu`] searches a settled cover again on this thread, as it did
    /// before the skip, so that tests can compare the two.
    pub(in crate::planning::cover) static SEARCH_SETTLED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// Whether roots on this thread try the relaxation with prerequisite rows before the
    /// subgradient rounds (`exact/first.rs`), so that tests can compare with the roots
    /// that do not.
    pub(in crate::planning::cover) static RELAXATION_FIRST: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
    /// Roots on this thread that the relaxation tried first proved, so that tests can tell
    /// it happens.
    pub(in crate::planning::cover) static PROVEN_FIRST: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Counts a deferred tabu search settled the `outcome`-th way of [`DEFERRED`].
pub(super) fn deferred(outcome: usize) {
    DEFERRED.with(|counts| {
        let mut c = counts.get();
        c[outcome] += 1;
        counts.set(c);
    });
}
