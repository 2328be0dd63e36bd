//! Sorting that compiles the sort itself once in WebAssembly.
//!
//! The standard library's `sort_by` is generic over the element type and the comparison,
//! so every call site compiles its own copy of the sort (4–5 KB of WebAssembly each, and
//! the crate sorts in some sixty places). For `wasm32`, where the JavaScript package's
//! download size counts, [`sort_by`] sorts the positions `0..n` instead, with the
//! comparison behind a `dyn` reference, so the sort itself is compiled once; the per-site
//! part is only the comparison and moving the elements into place. Natively, where code
//! size does not matter and speed does, these functions are the standard library's.
//!
//! The order is exactly the standard library's stable order: elements by `compare`, equal
//! ones in their original order (the index sort is stable too). [`sort_unstable_by`] is for
//! comparisons that are total (ties broken by an id), where stable and unstable sorts give
//! the same order. The WebAssembly cost is one indirect call per comparison and O(n) extra
//! words.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`, as `items.sort_by(compare)` does.
///
/// # Complexity
/// O(n log n) comparisons, O(n) extra memory.
pub(crate) fn sort_by<T>(items: &mut [T], compare: impl FnMut(&T, &T) -> Ordering) {
    if cfg!(target_arch = "wasm32") {
        by_positions(items, compare);
    } else {
        items.sort_by(compare);
    }
}

/// [`sort_by`] through the one compiled sort of positions: the per-type part is only one
/// closure, which compares two elements or swaps them.
fn by_positions<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    sort_positions(items.len(), &mut |a, b, swap| {
        if swap {
            items.swap(a, b);
            Ordering::Equal
        } else {
            compare(&items[a], &items[b])
        }
    });
}

/// Sorts `items` by `compare`, a total order (no two distinct elements compare equal, e.g.
/// ties broken by an id), as `items.sort_unstable_by(compare)` does: the order is then the
/// only sorted one, the same as [`sort_by`]'s.
///
/// # Complexity
/// O(n log n) comparisons; O(n) extra memory in WebAssembly, none natively.
pub(crate) fn sort_unstable_by<T>(items: &mut [T], compare: impl FnMut(&T, &T) -> Ordering) {
    if cfg!(target_arch = "wasm32") {
        sort_by(items, compare);
    } else {
        items.sort_unstable_by(compare);
    }
}

/// Keeps in `items` only its `k` first elements by `compare`, a total order, in no
/// particular order, as `select_nth_unstable_by(k, compare)` and `truncate(k)` do. Keeps
/// everything when `k >= items.len()`.
///
/// # Complexity
/// O(n) comparisons on average natively; O(n log n) and O(n) extra memory in WebAssembly,
/// where it sorts with [`sort_by`] rather than compiling a selection per call site.
pub(crate) fn keep_first<T>(items: &mut Vec<T>, k: usize, compare: impl FnMut(&T, &T) -> Ordering) {
    if k >= items.len() {
        return;
    }
    if cfg!(target_arch = "wasm32") {
        sort_by(items, compare);
    } else {
        items.select_nth_unstable_by(k, compare);
    }
    items.truncate(k);
}

/// Sorts `items` stably by the key `key` gives, as `items.sort_by_key(key)` does.
pub(crate) fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` stably in their natural order, as `items.sort()` does.
pub(crate) fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// Sorts `items` in their natural order, as `items.sort_unstable()` does, for types whose
/// equal elements cannot be told apart (integers, ids, tuples of them): every sort then
/// gives the same order.
///
/// In WebAssembly a heapsort, whose code is a small fraction of the standard library's
/// (about 250–450 bytes a type instead of 2.5 KB with its sorting networks) and which needs no
/// extra memory; natively the standard library's sort.
///
/// # Complexity
/// O(n log n) comparisons, no extra memory.
pub(crate) fn sort_unstable<T: Ord>(items: &mut [T]) {
    if cfg!(target_arch = "wasm32") {
        heapsort(items, T::lt);
    } else {
        items.sort_unstable();
    }
}

/// The most values after a sorted start that [`sort_after_sorted_start`] merges in.
const MERGED: usize = 32;

/// Sorts `items` as [`sort_unstable`] does (a value's place depends only on the values),
/// in fewer steps when the list is sorted but for a few values after its sorted start, as
/// an officer's passbook listed in competency order with entries added after it: those
/// values (at most 32, and no more than the sorted start holds) are sorted apart and
/// merged in from the back. Any other list goes to [`sort_unstable`] after a scan that
/// stops at its first value out of order.
///
/// # Complexity
/// O(n + t log t) for a sorted start followed by t such values; O(n log n) otherwise. No
/// extra memory beyond 32 values on the stack.
pub(crate) fn sort_after_sorted_start<T: Ord + Copy>(items: &mut [T]) {
    let n = items.len();
    let sorted = 1 + items.windows(2).take_while(|w| w[0] <= w[1]).count();
    if sorted >= n {
        return;
    }
    let t = n - sorted;
    if t > MERGED || t > sorted {
        sort_unstable(items);
        return;
    }
    let mut tail = [items[0]; MERGED];
    let tail = &mut tail[..t];
    tail.copy_from_slice(&items[sorted..]);
    sort_unstable(tail);
    // From the largest value after the start down: the start's values above it, not yet
    // moved, move right past the places of it and the smaller ones, in one block.
    let mut i = sorted;
    for (j, &v) in tail.iter().enumerate().rev() {
        let mut stop = i;
        while stop > 0 && items[stop - 1] > v {
            stop -= 1;
        }
        items.copy_within(stop..i, stop + j + 1);
        items[stop + j] = v;
        i = stop;
    }
}

/// Sorts `items` by `compare`, as `items.sort_unstable_by(compare)` does, where elements
/// that compare equal cannot be told apart (they are equal values, as `(competency, level)`
/// pairs ordered by competency, then level descending): every sort then gives the same
/// order. In WebAssembly the heapsort of [`sort_unstable`]; natively the standard library's
/// sort.
///
/// # Complexity
/// O(n log n) comparisons, no extra memory.
pub(crate) fn sort_unstable_by_value<T>(
    items: &mut [T],
    mut compare: impl FnMut(&T, &T) -> Ordering,
) {
    if cfg!(target_arch = "wasm32") {
        heapsort(items, |a, b| compare(a, b) == Ordering::Less);
    } else {
        items.sort_unstable_by(compare);
    }
}

/// Sorts `items` with a heapsort by `less`: a max-heap built in place, then its largest
/// element moved to the end until the heap is empty.
fn heapsort<T>(items: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    let n = items.len();
    for start in (0..n / 2).rev() {
        sift_down(items, start, n, &mut less);
    }
    for end in (1..n).rev() {
        items.swap(0, end);
        sift_down(items, 0, end, &mut less);
    }
}

/// Moves `items[at]` down the max-heap `items[..end]` until both children are smaller.
fn sift_down<T>(items: &mut [T], mut at: usize, end: usize, less: &mut impl FnMut(&T, &T) -> bool) {
    loop {
        let mut child = 2 * at + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && less(&items[child], &items[child + 1]) {
            child += 1;
        }
        if !less(&items[at], &items[child]) {
            return;
        }
        items.swap(at, child);
        at = child;
    }
}

/// Sorts the elements `0..n` stably through `op`, the one compiled sort: `op(a, b, false)`
/// compares elements `a` and `b`, `op(a, b, true)` swaps them. The positions are sorted
/// first, then each cycle of the permutation is followed from its first position with
/// swaps, moving the element at `order[k]` to `k` for every `k`.
fn sort_positions(n: usize, op: &mut dyn FnMut(usize, usize, bool) -> Ordering) {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| op(a, b, false));
    let mut placed = vec![false; n];
    for start in 0..n {
        if placed[start] {
            continue;
        }
        let mut at = start;
        loop {
            placed[at] = true;
            let from = order[at];
            if from == start {
                break;
            }
            op(at, from, true);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_order_is_the_standard_stable_order() {
        // Pairs sorted by their first half only: equal keys keep their input order.
        let mut state = 0x9e37_79b9_u64;
        for n in [0usize, 1, 2, 3, 7, 20, 64, 257, 1000] {
            let items: Vec<(u8, usize)> = (0..n)
                .map(|i| {
                    state = state
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1_442_695_040_888_963_407);
                    ((state >> 59) as u8, i)
                })
                .collect();
            let mut expected = items.clone();
            expected.sort_by_key(|p| p.0);
            let mut ours = items.clone();
            by_positions(&mut ours, |a, b| a.0.cmp(&b.0));
            assert_eq!(ours, expected, "n = {n}");
            let mut expected = items.clone();
            expected.sort_by_key(|p| std::cmp::Reverse(p.0));
            let mut ours = items.clone();
            by_positions(&mut ours, |a, b| b.0.cmp(&a.0));
            assert_eq!(ours, expected, "n = {n}, descending");
            let mut expected = items.clone();
            // Every pair differs in its index, so the unstable sort's order is the only one.
            expected.sort_unstable();
            let mut ours = items;
            by_positions(&mut ours, Ord::cmp);
            assert_eq!(ours, expected, "n = {n}, natural");
        }
    }

    #[test]
    fn heapsort_is_the_standard_order() {
        let mut state = 0x2545_f491_u64;
        for n in [0usize, 1, 2, 3, 5, 8, 31, 100, 1000] {
            for spread in [2u64, 7, 1 << 20] {
                let items: Vec<(u32, u8)> = (0..n)
                    .map(|_| {
                        state = state
                            .wrapping_mul(6_364_136_223_846_793_005)
                            .wrapping_add(1_442_695_040_888_963_407);
                        (((state >> 33) % spread) as u32, (state >> 61) as u8)
                    })
                    .collect();
                let mut expected = items.clone();
                expected.sort_unstable();
                let mut ours = items.clone();
                heapsort(&mut ours, <(u32, u8)>::lt);
                assert_eq!(ours, expected, "n = {n}, spread = {spread}");
                // By competency, then level descending, as the held levels are sorted.
                let by_level = |a: &(u32, u8), b: &(u32, u8)| a.0.cmp(&b.0).then(b.1.cmp(&a.1));
                let mut expected = items.clone();
                expected.sort_unstable_by(by_level);
                let mut ours = items;
                heapsort(&mut ours, |a, b| by_level(a, b) == Ordering::Less);
                assert_eq!(ours, expected, "n = {n}, spread = {spread}, by level");
            }
        }
    }

    #[test]
    fn keep_first_keeps_the_first_k_of_the_sorted_order() {
        // A total order (ties broken by index), as keep_first requires: the k kept are the
        // k first of the sorted order, the same set as the WebAssembly path's sort-and-cut.
        let items: Vec<(u8, usize)> = (0..200).map(|i| ((i * 37 % 11) as u8, i)).collect();
        let mut sorted = items.clone();
        sorted.sort_unstable();
        for k in [0, 1, 5, 199, 200, 500] {
            let mut kept = items.clone();
            keep_first(&mut kept, k, Ord::cmp);
            kept.sort_unstable();
            assert_eq!(kept, sorted[..k.min(sorted.len())], "k = {k}");
        }
    }

    #[test]
    fn elements_that_are_not_copy_move_into_place() {
        let mut names: Vec<String> = ["delta", "alpha", "charlie", "bravo", "alpha"]
            .map(String::from)
            .to_vec();
        by_positions(&mut names, Ord::cmp);
        assert_eq!(names, ["alpha", "alpha", "bravo", "charlie", "delta"]);
    }

    /// [`sort_after_sorted_start`] gives the standard library's sort on lists with a
    /// sorted start of 0 to 60 values followed by 0 to 40 values in any order (so both
    /// the merge and the full sort), with repeats, values equal to the start's, values
    /// below, amid and above it, reversed lists and lists of one value.
    #[test]
    fn sorting_after_a_sorted_start_is_sorting() {
        let mut below = crate::model::test_rng::below(11);
        let mut merged = 0;
        for start in 0..=60u64 {
            for extra in 0..=40u64 {
                for range in [3, 50, 1 << 20] {
                    let mut items: Vec<u32> = (0..start).map(|_| below(range) as u32).collect();
                    items.sort_unstable();
                    items.extend((0..extra).map(|_| below(range) as u32));
                    let mut want = items.clone();
                    want.sort_unstable();
                    let mut got = items.clone();
                    sort_after_sorted_start(&mut got);
                    assert_eq!(got, want, "{items:?}");
                    merged += usize::from(extra > 0 && extra <= 32 && extra <= start);
                }
            }
        }
        assert!(merged > 1_000);
        for items in [
            vec![],
            vec![7],
            vec![3, 2, 1],
            vec![5; 40],
            vec![2, 1],
            vec![1, 1, 0],
        ] {
            let mut want = items.clone();
            want.sort_unstable();
            let mut got = items.clone();
            sort_after_sorted_start(&mut got);
            assert_eq!(got, want, "{items:?}");
        }
    }
}
