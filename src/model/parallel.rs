//! Splitting work over threads where they exist: on rayon's thread pool with the `parallel`
//! feature (on by default) outside wasm32, on the calling thread otherwise, with the same
//! results either way.

use std::ops::Range;

/// The most parts any call splits its work into. With the `parallel` feature outside
/// wasm32: the threads of the rayon pool the call runs in (`rayon::current_num_threads`:
/// the global pool, or a caller's own pool inside `ThreadPool::install`), never more than
/// the parallelism the operating system grants the process
/// (`std::thread::available_parallelism`, read once). Otherwise 1.
pub(crate) fn available() -> usize {
    #[cfg(all(feature = "parallel", not(target_family = "wasm")))]
    {
        use std::num::NonZeroUsize;
        use std::sync::OnceLock;
        static MACHINE: OnceLock<usize> = OnceLock::new();
        let machine = *MACHINE
            .get_or_init(|| std::thread::available_parallelism().map_or(1, NonZeroUsize::get));
        rayon::current_num_threads().clamp(1, machine)
    }
    #[cfg(not(all(feature = "parallel", not(target_family = "wasm"))))]
    {
        1
    }
}

/// How many parts a call asking for `requested` threads splits `len` items into: at least
/// 1, at most one per item and at most [`available`].
pub(crate) fn workers(requested: usize, len: usize) -> usize {
    requested.clamp(1, len.max(1)).min(available())
}

/// Runs `work` on contiguous ranges of `0..len`, one per worker (see [`workers`]: at most
/// the available parallelism, whatever `threads` asks), and returns the results in range
/// order. One range runs on the calling thread without touching rayon; more run as rayon
/// tasks in the current pool. Without the `parallel` feature and on wasm32 every range runs
/// on the calling thread, in order, with the same results.
pub(crate) fn map_ranges<T: Send>(
    len: usize,
    threads: usize,
    work: impl Fn(Range<usize>) -> T + Sync,
) -> Vec<T> {
    split(len, workers(threads, len), work)
}

/// `(0..len).map(item).collect()`, the items computed in contiguous ranges over at most
/// [`workers`]`(threads, len)` workers, each item in its place: the same vector on any
/// number of threads, collected straight into the result (no vector per range).
pub(crate) fn map_items<T: Send>(
    len: usize,
    threads: usize,
    item: impl Fn(usize) -> T + Sync,
) -> Vec<T> {
    let parts = workers(threads, len);
    #[cfg(all(feature = "parallel", not(target_family = "wasm")))]
    if parts > 1 {
        use rayon::iter::{IndexedParallelIterator, IntoParallelIterator, ParallelIterator};
        return (0..len)
            .into_par_iter()
            .with_min_len(len.div_ceil(parts))
            .map(&item)
            .collect();
    }
    let _ = parts;
    (0..len).map(item).collect()
}

/// `parts.into_iter().map(work).collect()`, each part on its own worker where the
/// parallelism allows (rayon tasks in the current pool), the results in the parts' order.
/// For parts that borrow disjoint pieces of one buffer mutably.
pub(crate) fn map_parts<P: Send, T: Send>(parts: Vec<P>, work: impl Fn(P) -> T + Sync) -> Vec<T> {
    #[cfg(all(feature = "parallel", not(target_family = "wasm")))]
    if parts.len() > 1 && available() > 1 {
        use rayon::iter::{IntoParallelIterator, ParallelIterator};
        return parts.into_par_iter().map(&work).collect();
    }
    parts.into_iter().map(work).collect()
}

/// `(a(), b())`, the two side by side when [`workers`]`(threads, 2)` is 2 (`rayon::join`
/// in the current pool), else one after the other on the calling thread: the same results
/// either way. For two pieces of work that share no state, one of them mostly serial.
pub(crate) fn join<A: Send, B: Send>(
    threads: usize,
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    #[cfg(all(feature = "parallel", not(target_family = "wasm")))]
    if workers(threads, 2) > 1 {
        return rayon::join(a, b);
    }
    let _ = threads;
    (a(), b())
}

/// Runs `serial` on the calling thread while up to [`workers`]`(threads, usize::MAX) − 1`
/// tasks of the current rayon pool take `items` one at a time, in order, through `work`;
/// once `serial` returns, the calling thread takes the items left too. Returns `serial`'s
/// result, when every item is done, and how many items the calling thread took. So at
/// most `threads` threads work at once, and the calling thread is one of them even when it
/// is not a thread of the pool. Without the `parallel` feature and on wasm32 (or on one
/// thread): `serial`, then every item in order, on the calling thread. (Compiled where
/// its one user is: `Cohort::from_json_with_threads` on threads.)
#[cfg(all(feature = "parallel", not(target_family = "wasm")))]
pub(crate) fn beside<T: Send, R>(
    threads: usize,
    items: Vec<T>,
    work: impl Fn(T) + Sync,
    serial: impl FnOnce() -> R,
) -> (R, usize) {
    let helpers = workers(threads, usize::MAX) - 1;
    if helpers > 0 && !items.is_empty() {
        use std::sync::{Mutex, PoisonError};
        let queue = Mutex::new(items.into_iter());
        let take = || {
            let mut taken = 0;
            loop {
                // The lock is held only to take the next item (a panic elsewhere ends the
                // scope anyway).
                let next = queue.lock().unwrap_or_else(PoisonError::into_inner).next();
                let Some(item) = next else { break taken };
                work(item);
                taken += 1;
            }
        };
        let take = &take;
        return rayon::in_place_scope(|scope| {
            for _ in 0..helpers {
                scope.spawn(move |_| {
                    take();
                });
            }
            let result = serial();
            (result, take())
        });
    }
    let result = serial();
    let taken = items.len();
    items.into_iter().for_each(work);
    (result, taken)
}

/// [`map_ranges`] with the number of ranges given exactly.
fn split<T: Send>(len: usize, parts: usize, work: impl Fn(Range<usize>) -> T + Sync) -> Vec<T> {
    let parts = parts.clamp(1, len.max(1));
    // One range is the whole of `0..len`: no list of ranges to build (and in WebAssembly,
    // where there is always one, no loop over it compiled per caller).
    if parts == 1 {
        return vec![work(0..len)];
    }
    let size = len.div_ceil(parts).max(1);
    let ranges: Vec<Range<usize>> = (0..parts)
        .map(|t| (t * size).min(len)..((t + 1) * size).min(len))
        .collect();
    #[cfg(all(feature = "parallel", not(target_family = "wasm")))]
    if ranges.len() > 1 {
        use rayon::iter::{IntoParallelIterator, ParallelIterator};
        // An indexed parallel iterator collects in index order, whichever thread ran what.
        return ranges.into_par_iter().map(&work).collect();
    }
    ranges.into_iter().map(work).collect()
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;
    use std::sync::Mutex;

    use super::{available, join, map_items, map_parts, map_ranges, split, workers};

    #[test]
    fn ranges_cover_everything_once_in_order() {
        for threads in 0..5 {
            for len in 0..9 {
                let parts = split(len, threads, Iterator::collect::<Vec<_>>);
                let all: Vec<usize> = parts.into_iter().flatten().collect();
                assert_eq!(
                    all,
                    (0..len).collect::<Vec<_>>(),
                    "len {len} threads {threads}"
                );
                let capped = map_ranges(len, threads, Iterator::collect::<Vec<_>>);
                assert_eq!(capped.len(), workers(threads, len));
                let all: Vec<usize> = capped.into_iter().flatten().collect();
                assert_eq!(all, (0..len).collect::<Vec<_>>());
            }
        }
    }

    #[test]
    fn items_and_parts_come_back_in_order_on_any_thread_count() {
        for threads in 0..5 {
            for len in [0, 1, 2, 7, 1_000] {
                let items = map_items(len, threads, |i| i * 3);
                assert_eq!(items, (0..len).map(|i| i * 3).collect::<Vec<_>>());
            }
        }
        // Disjoint mutable pieces of one buffer, each changed by its own part.
        let mut buffer: Vec<u32> = (0..100).collect();
        let pieces: Vec<&mut [u32]> = buffer.chunks_mut(7).collect();
        let sums = map_parts(pieces, |piece| {
            for x in piece.iter_mut() {
                *x *= 2;
            }
            piece.iter().sum::<u32>()
        });
        assert_eq!(sums.len(), 15);
        assert_eq!(sums[0], 2 * (0..7).sum::<u32>());
        assert_eq!(buffer, (0..100).map(|x| x * 2).collect::<Vec<_>>());
    }

    #[test]
    fn no_more_threads_than_the_machine_offers() {
        assert!(available() >= 1);
        assert_eq!(workers(usize::MAX, 0), 1);
        assert_eq!(workers(0, 10), 1);
        assert_eq!(workers(usize::MAX, 1_000_000), available());
        // Every range records the thread that ran it: a thread per item would show
        // 100,000 distinct threads.
        let seen = Mutex::new(HashSet::new());
        let parts = map_ranges(100_000, usize::MAX, |r| {
            seen.lock()
                .expect("no panic while held")
                .insert(std::thread::current().id());
            r.len()
        });
        assert_eq!(parts.iter().sum::<usize>(), 100_000);
        assert_eq!(parts.len(), available().min(100_000));
        let threads = seen.lock().expect("no panic while held").len();
        assert!(
            threads <= available(),
            "{threads} threads for {} available",
            available()
        );
    }

    #[cfg(all(feature = "parallel", not(target_family = "wasm")))]
    #[test]
    fn beside_does_every_item_once_and_the_serial_work() {
        use super::beside;
        for threads in 0..4 {
            for len in [0, 1, 5, 100] {
                let done = Mutex::new(Vec::new());
                let (serial, taken) = beside(
                    threads,
                    (0..len).collect(),
                    |i: usize| done.lock().expect("no panic while held").push(i),
                    || "serial",
                );
                let mut done = done.into_inner().expect("no panic while held");
                done.sort_unstable();
                assert_eq!(done, (0..len).collect::<Vec<_>>());
                assert_eq!(serial, "serial");
                assert!(taken <= len);
                if workers(threads, usize::MAX) == 1 {
                    assert_eq!(taken, len);
                }
            }
        }
    }

    #[test]
    fn join_returns_both_in_order() {
        for threads in 0..4 {
            let (a, b) = join(threads, || (0..1_000u64).sum::<u64>(), || "b");
            assert_eq!((a, b), (499_500, "b"));
        }
    }

    /// A caller's pool decides: inside `ThreadPool::install` of a one-thread pool the work
    /// is one part, whatever `threads` asks; the result is the same.
    #[cfg(all(feature = "parallel", not(target_family = "wasm")))]
    #[test]
    fn a_callers_pool_bounds_the_split() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .expect("a one-thread pool");
        let inside = pool.install(|| map_ranges(1_000, usize::MAX, |r| r.len()));
        assert_eq!(inside, vec![1_000]);
        let outside: usize = map_ranges(1_000, usize::MAX, |r| r.len()).iter().sum();
        assert_eq!(outside, 1_000);
    }

    /// Without rayon (`--no-default-features`, wasm32) every call is one part on the
    /// calling thread.
    #[cfg(not(all(feature = "parallel", not(target_family = "wasm"))))]
    #[test]
    fn without_rayon_everything_runs_on_the_calling_thread() {
        assert_eq!(available(), 1);
        let caller = std::thread::current().id();
        let parts = map_ranges(1_000, usize::MAX, |r| {
            assert_eq!(std::thread::current().id(), caller);
            r.len()
        });
        assert_eq!(parts, vec![1_000]);
    }
}
