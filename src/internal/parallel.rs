//! Splitting work over threads where they exist.

use std::ops::Range;

/// Runs `work` on `threads` contiguous ranges of `0..len` and returns the results in range
/// order. Runs on the calling thread where threads are unavailable (`wasm32`) or cannot be
/// started, with the same results.
pub(crate) fn map_ranges<T: Send>(
    len: usize,
    threads: usize,
    work: impl Fn(Range<usize>) -> T + Sync,
) -> Vec<T> {
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
    use super::map_ranges;

    #[test]
    fn ranges_cover_everything_once_in_order() {
        for threads in 0..5 {
            for len in 0..9 {
                let parts = map_ranges(len, threads, Iterator::collect::<Vec<_>>);
                let all: Vec<usize> = parts.into_iter().flatten().collect();
                assert_eq!(
                    all,
                    (0..len).collect::<Vec<_>>(),
                    "len {len} threads {threads}"
                );
            }
        }
    }
}
