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

/// The most values after a sorted start that [`last_of_groups`] merges in.
const MERGED: usize = 32;

/// Sorts `items` and keeps the last value of each group, where a group is the values
/// that `group` maps to the same key and a group's values are consecutive once sorted
/// (`group` is monotone: `a <= b` implies `group(a) <= group(b)`): the first `k` values
/// of `items` become those values, in order, and `k` is returned. What sorting with
/// [`sort_unstable`] and then keeping the last value of each run of one group gives.
///
/// Fast when the list is sorted but for a few values after its sorted start, as an
/// officer's passbook listed in competency order with entries added after it: the start
/// is reduced as it is scanned, and those values (at most 32) are sorted apart and merged
/// in from the back one value at a time, dropping the lower of two values of one group
/// as they meet. Any other list is sorted with [`sort_unstable`] after the reduced start.
///
/// # Complexity
/// O(n + t log t) for a sorted start followed by t ≤ 32 values; O(n log n) otherwise. No
/// extra memory beyond 32 values on the stack.
pub(crate) fn last_of_groups<T: Ord + Copy, K: Eq>(
    items: &mut [T],
    group: impl Fn(T) -> K,
) -> usize {
    let len = items.len();
    let Some(&first) = items.first() else {
        return 0;
    };
    // The sorted start, reduced in place as it is scanned: `items[..kept]` and `last`.
    let (mut kept, mut last, mut read) = (0, first, 1);
    while let Some(&x) = items.get(read) {
        if x < last {
            break;
        }
        if group(x) != group(last) {
            items[kept] = last;
            kept += 1;
        }
        last = x;
        read += 1;
    }
    items[kept] = last;
    kept += 1;
    let after = len - read;
    if after == 0 {
        return kept;
    }
    if after > MERGED {
        items.copy_within(read.., kept);
        let items = &mut items[..kept + after];
        sort_unstable(items);
        return last_of_sorted_groups(items, group);
    }
    let mut tail = [first; MERGED];
    let tail = &mut tail[..after];
    tail.copy_from_slice(&items[read..]);
    sort_unstable(tail);
    // From the largest value after the start down, into `items[..kept + after]` from its
    // end: the start's values above it move to the back first. A value of the group of
    // the one written last (the smallest written so far, no smaller than it) is dropped,
    // and so is the start's largest value left when it is of the group of the value
    // written. `items[..left]` are the start's values not moved, `items[out..end]` the
    // values written; `out - left` never falls below the values still to write.
    let end = kept + after;
    let (mut left, mut out) = (kept, end);
    for &v in tail.iter().rev() {
        while left > 0 && items[left - 1] > v {
            out -= 1;
            items[out] = items[left - 1];
            left -= 1;
        }
        if left > 0 && group(items[left - 1]) == group(v) {
            left -= 1;
        }
        if out < end && group(items[out]) == group(v) {
            continue;
        }
        out -= 1;
        items[out] = v;
    }
    // The start's values below every value after it stay; the merged ones follow them.
    items.copy_within(out..end, left);
    left + end - out
}

/// The last value of each run of one group in the sorted `items`, moved to the front; their
/// number.
fn last_of_sorted_groups<T: Copy, K: Eq>(items: &mut [T], group: impl Fn(T) -> K) -> usize {
    let mut w = 0;
    for r in 0..items.len() {
        let x = items[r];
        if items.get(r + 1).is_none_or(|&next| group(next) != group(x)) {
            items[w] = x;
            w += 1;
        }
    }
    w
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

    /// What [`last_of_groups`] should give: the list sorted, then the last value of each
    /// run of one group.
    #[track_caller]
    fn check_last_of_groups(items: &[u32], shift: u32) {
        let mut want = items.to_vec();
        want.sort_unstable();
        let mut k = 0;
        for r in 0..want.len() {
            if want
                .get(r + 1)
                .is_none_or(|&next| next >> shift != want[r] >> shift)
            {
                want[k] = want[r];
                k += 1;
            }
        }
        want.truncate(k);
        let mut got = items.to_vec();
        let k = last_of_groups(&mut got, |x| x >> shift);
        assert_eq!(&got[..k], &want[..], "{items:?} >> {shift}");
    }

    /// [`last_of_groups`] against sorting and keeping the last of each group, on lists
    /// with a sorted start of 0 to 60 values followed by 0 to 40 values in any order (so
    /// both the merge and the full sort), with repeats, values and groups the start holds
    /// too, values below, amid and above it, reversed lists and lists of one value; groups
    /// of one value (repeats dropped), of eight values (competencies and levels) and of 64.
    #[test]
    fn last_of_groups_is_sorting_and_keeping_the_last_of_each_group() {
        let mut below = crate::model::test_rng::below(11);
        let mut merged = 0;
        for start in 0..=60u64 {
            for extra in 0..=40u64 {
                for range in [3, 50, 1 << 20] {
                    let mut items: Vec<u32> = (0..start).map(|_| below(range) as u32).collect();
                    items.sort_unstable();
                    items.extend((0..extra).map(|_| below(range) as u32));
                    for shift in [0, 3, 6] {
                        check_last_of_groups(&items, shift);
                    }
                    merged += usize::from(extra > 0 && extra <= 32);
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
            vec![8, 9, 16, 17, 15, 9, 10, 24, 1],
            vec![8, 16, 24, 23, 15, 7],
        ] {
            for shift in [0, 3, 6] {
                check_last_of_groups(&items, shift);
            }
        }
    }
}
