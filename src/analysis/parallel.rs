//! Splitting work over threads where they exist.

use std::num::NonZeroUsize;
use std::ops::Range;
use std::sync::OnceLock;

/// The most threads any call works on: the parallelism the operating system grants this
/// process (`std::thread::available_parallelism`), read once; 1 where it cannot say
/// (`wasm32`).
pub(crate) fn available() -> usize {
    static AVAILABLE: OnceLock<usize> = OnceLock::new();
    *AVAILABLE.get_or_init(|| std::thread::available_parallelism().map_or(1, NonZeroUsize::get))
}

/// How many threads a call asking for `requested` works on over `len` items: at least 1,
/// at most one per item and at most [`available`].
pub(crate) fn workers(requested: usize, len: usize) -> usize {
    requested.clamp(1, len.max(1)).min(available())
}

/// Runs `work` on contiguous ranges of `0..len`, one per worker (see [`workers`]: at most
/// the available parallelism, whatever `threads` asks), and returns the results in range
/// order. The calling thread takes the first range, so at most `workers − 1` threads are
/// started. Runs on the calling thread where threads are unavailable (`wasm32`) or cannot
/// be started, with the same results.
pub(crate) fn map_ranges<T: Send>(
    len: usize,
    threads: usize,
    work: impl Fn(Range<usize>) -> T + Sync,
) -> Vec<T> {
    split(len, workers(threads, len), work)
}

/// [`map_ranges`] with the number of ranges given exactly.
fn split<T: Send>(len: usize, threads: usize, work: impl Fn(Range<usize>) -> T + Sync) -> Vec<T> {
    let threads = threads.clamp(1, len.max(1));
    let size = len.div_ceil(threads).max(1);
    let ranges: Vec<Range<usize>> = (0..threads)
        .map(|t| (t * size).min(len)..((t + 1) * size).min(len))
        .collect();
    if threads == 1 || cfg!(target_family = "wasm") {
        return ranges.into_iter().map(&work).collect();
    }
    std::thread::scope(|scope| {
        let work = &work;
        let handles: Vec<_> = ranges[1..]
            .iter()
            .map(|r| {
                let mine = r.clone();
                std::thread::Builder::new()
                    .spawn_scoped(scope, move || work(mine))
                    .map_err(|_| r.clone())
            })
            .collect();
        let mut out = vec![work(ranges[0].clone())];
        for h in handles {
            match h {
                Ok(handle) => match handle.join() {
                    Ok(t) => out.push(t),
                    Err(panic) => std::panic::resume_unwind(panic),
                },
                Err(r) => out.push(work(r)),
            }
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;
    use std::sync::Mutex;

    use super::{available, map_ranges, split, workers};

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
}
