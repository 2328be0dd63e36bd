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
}
