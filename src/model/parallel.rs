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

/// Drops `items` in up to [`workers`]`(threads, len)` contiguous parts side by side (rayon
/// tasks in the current pool): the same as `drop(items)`, for a large vector of values
/// owning buffers of their own, whose freeing would otherwise hold the calling thread.
pub(crate) fn drop_in_parts<T: Send>(mut items: Vec<T>, threads: usize) {
    let parts = workers(threads, items.len());
    if parts < 2 {
        return;
    }
    let size = items.len().div_ceil(parts);
    let mut pieces = Vec::with_capacity(parts);
    while items.len() > size {
        pieces.push(items.split_off(items.len() - size));
    }
    pieces.push(items);
    map_parts(pieces, drop);
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

/// Runs `work(i)` for every `i` in `0..len` on up to [`workers`]`(threads, usize::MAX)`
/// threads, the calling thread one of them (the others are tasks of the current rayon
/// pool), and hands each result to `take` on the calling thread in the order of `i`, as
/// soon as it and those before it are done. Items are begun in order, each by the first
/// thread free, and none more than `ahead` past the first result not yet taken, so at
/// most about `ahead` results wait at a time. Once `take` returns `false`, no more items
/// are begun (those begun are finished and dropped). Without the `parallel` feature and
/// on wasm32 (or on one thread): `work` then `take` for each item in turn, on the calling
/// thread. (Compiled where its one user is: `Cohort::from_json_with_threads` on threads.)
///
/// # Panics
/// If `work` or `take` panics, on the calling thread once every thread has stopped.
#[cfg(all(feature = "parallel", not(target_family = "wasm")))]
pub(crate) fn in_order<T: Send>(
    threads: usize,
    len: usize,
    ahead: usize,
    work: impl Fn(usize) -> T + Sync,
    mut take: impl FnMut(usize, T) -> bool,
) {
    use std::sync::{Condvar, Mutex, PoisonError};

    /// What the threads share: the next item to begin, the first result not yet taken,
    /// the results done from there on, and whether to stop.
    struct Shared<T> {
        next: usize,
        want: usize,
        done: Vec<Option<T>>,
        stop: bool,
    }
    /// Stops the others when its thread leaves, by a panic too (they may be waiting).
    struct Leave<'a, T>(&'a Mutex<Shared<T>>, &'a Condvar, bool);
    impl<T> Drop for Leave<'_, T> {
        fn drop(&mut self) {
            if self.2 || std::thread::panicking() {
                self.0.lock().unwrap_or_else(PoisonError::into_inner).stop = true;
                self.1.notify_all();
            }
        }
    }

    let helpers = workers(threads, usize::MAX) - 1;
    let ahead = ahead.max(1);
    if helpers == 0 || len < 2 {
        for i in 0..len {
            if !take(i, work(i)) {
                break;
            }
        }
        return;
    }
    let shared = Mutex::new(Shared {
        next: 0,
        want: 0,
        done: (0..len).map(|_| None).collect(),
        stop: false,
    });
    let changed = Condvar::new();
    let lock = || shared.lock().unwrap_or_else(PoisonError::into_inner);
    // The next item to begin, when there is one within `ahead`.
    let claim = |s: &mut Shared<T>| {
        (!s.stop && s.next < len && s.next < s.want + ahead).then(|| {
            s.next += 1;
            s.next - 1
        })
    };
    let (work, lock, claim) = (&work, &lock, &claim);
    rayon::in_place_scope(|scope| {
        for _ in 0..helpers {
            scope.spawn(|_| {
                let _leave = Leave(&shared, &changed, false);
                let mut s = lock();
                loop {
                    if s.stop || s.next >= len {
                        return;
                    }
                    let Some(i) = claim(&mut s) else {
                        s = changed.wait(s).unwrap_or_else(PoisonError::into_inner);
                        continue;
                    };
                    drop(s);
                    let result = work(i);
                    s = lock();
                    s.done[i] = Some(result);
                    changed.notify_all();
                }
            });
        }
        let _leave = Leave(&shared, &changed, true);
        let mut s = lock();
        while s.want < len {
            let want = s.want;
            if let Some(result) = s.done[want].take() {
                drop(s);
                let go = take(want, result);
                s = lock();
                s.want += 1;
                changed.notify_all();
                if !go {
                    break;
                }
            } else if let Some(i) = claim(&mut s) {
                drop(s);
                let result = work(i);
                s = lock();
                s.done[i] = Some(result);
            } else if s.stop {
                // A helper panicked: the scope passes its panic on.
                break;
            } else {
                s = changed.wait(s).unwrap_or_else(PoisonError::into_inner);
            }
        }
    });
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

    use super::{available, drop_in_parts, join, map_items, map_parts, map_ranges, split, workers};

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
    fn in_order_does_each_item_once_and_takes_the_results_in_order() {
        use super::in_order;
        for threads in 0..4 {
            for len in [0, 1, 2, 5, 100] {
                for ahead in [0, 1, 3, 1_000] {
                    let done = Mutex::new(Vec::new());
                    let mut taken = Vec::new();
                    let work = |i: usize| {
                        done.lock().expect("no panic while held").push(i);
                        i * 3
                    };
                    in_order(threads, len, ahead, work, |i, result| {
                        taken.push((i, result));
                        true
                    });
                    let mut done = done.into_inner().expect("no panic while held");
                    done.sort_unstable();
                    assert_eq!(done, (0..len).collect::<Vec<_>>());
                    assert_eq!(taken, (0..len).map(|i| (i, i * 3)).collect::<Vec<_>>());
                }
            }
        }
        // Stopped by `take`: nothing taken after, and items begun at most `ahead` past it.
        for threads in 1..4 {
            let begun = Mutex::new(Vec::new());
            let mut taken = Vec::new();
            let work = |i: usize| begun.lock().expect("no panic while held").push(i);
            in_order(threads, 1_000, 4, work, |i, ()| {
                taken.push(i);
                i < 10
            });
            assert_eq!(taken, (0..=10).collect::<Vec<_>>());
            let begun = begun.into_inner().expect("no panic while held");
            assert!(begun.iter().all(|&i| i < 10 + 1 + 4), "{begun:?}");
        }
    }

    /// A panic in `work` on any thread reaches the caller; no thread is left waiting.
    #[cfg(all(feature = "parallel", not(target_family = "wasm")))]
    #[test]
    fn in_order_passes_a_panic_on() {
        use super::in_order;
        for threads in 1..4 {
            let panicked = std::panic::catch_unwind(|| {
                in_order(threads, 100, 2, |i| assert!(i != 7, "item 7"), |_, ()| true);
            });
            assert!(panicked.is_err(), "{threads} threads");
        }
    }

    /// Every item is dropped once, on any number of threads.
    #[test]
    fn parts_drop_every_item_once() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        struct Counted<'a>(&'a AtomicUsize);
        impl Drop for Counted<'_> {
            fn drop(&mut self) {
                self.0.fetch_add(1, Ordering::Relaxed);
            }
        }
        for threads in 0..4 {
            for len in [0, 1, 2, 7, 1_000] {
                let dropped = AtomicUsize::new(0);
                drop_in_parts((0..len).map(|_| Counted(&dropped)).collect(), threads);
                assert_eq!(dropped.load(Ordering::Relaxed), len, "{threads} threads");
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
