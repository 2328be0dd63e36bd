//! Per-thread spare buffers for instances: an [`Instance`] dropped gives its vectors back,
//! and the next one built on the thread takes them instead of asking the allocator.
//!
//! A batch of plans builds several instances per plan (the whole one, its parts, their
//! transposed rows), each of a dozen vectors; the allocator's own instructions were about a
//! seventh of a plan's. Only buffers of at most [`LARGEST`] items are kept, and at most
//! [`KEPT`] of each type, so what a thread holds stays bounded whatever it planned.
//!
//! [`Instance`]: super::Instance

use std::cell::RefCell;

/// Most buffers of each type a thread keeps.
const KEPT: usize = 64;

/// Largest capacity, in items, of a buffer worth keeping (256 KiB of `u32`s).
const LARGEST: usize = 1 << 16;

thread_local! {
    static WORDS: RefCell<Vec<Vec<u32>>> = const { RefCell::new(Vec::new()) };
    static NUMBERS: RefCell<Vec<Vec<f64>>> = const { RefCell::new(Vec::new()) };
}

/// An empty vector of `u32`s with room for at least `capacity`, a kept one when there is.
pub(super) fn words(capacity: usize) -> Vec<u32> {
    let mut v = WORDS
        .try_with(|pool| pool.try_borrow_mut().ok().and_then(|mut p| p.pop()))
        .ok()
        .flatten()
        .unwrap_or_default();
    v.reserve(capacity);
    v
}

/// [`words`], filled with `len` copies of `value`.
pub(super) fn words_filled(len: usize, value: u32) -> Vec<u32> {
    let mut v = words(len);
    v.resize(len, value);
    v
}

/// An empty vector of `f64`s with room for at least `capacity`, a kept one when there is.
pub(super) fn numbers(capacity: usize) -> Vec<f64> {
    let mut v = NUMBERS
        .try_with(|pool| pool.try_borrow_mut().ok().and_then(|mut p| p.pop()))
        .ok()
        .flatten()
        .unwrap_or_default();
    v.reserve(capacity);
    v
}

/// Gives `v` back for a later [`words`] (dropped instead when the pool is full or it is
/// empty or too large).
pub(super) fn give_words(mut v: Vec<u32>) {
    if v.capacity() == 0 || v.capacity() > LARGEST {
        return;
    }
    v.clear();
    let _ = WORDS.try_with(|pool| {
        if let Ok(mut p) = pool.try_borrow_mut()
            && p.len() < KEPT
        {
            p.push(v);
        }
    });
}

/// Gives `v` back for a later [`numbers`], as [`give_words`].
pub(super) fn give_numbers(mut v: Vec<f64>) {
    if v.capacity() == 0 || v.capacity() > LARGEST {
        return;
    }
    v.clear();
    let _ = NUMBERS.try_with(|pool| {
        if let Ok(mut p) = pool.try_borrow_mut()
            && p.len() < KEPT
        {
            p.push(v);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_buffer_given_back_is_taken_again_empty() {
        let mut v = words(10);
        v.extend([1, 2, 3]);
        let at = v.as_ptr();
        give_words(v);
        let w = words(5);
        assert!(w.is_empty());
        assert_eq!(w.as_ptr(), at, "the kept buffer is reused");
        assert_eq!(words_filled(3, 7), vec![7, 7, 7]);
    }

    #[test]
    fn large_buffers_are_not_kept() {
        let v: Vec<f64> = Vec::with_capacity(LARGEST + 1);
        give_numbers(v);
        assert!(numbers(0).capacity() <= LARGEST);
    }
}
