//! Per-thread tables over the framework's competencies, reused from one count to the next.
//!
//! The counting kernel scatters an officer's held levels into a byte per competency, and
//! the fold gives each competency met a row slot. Allocating and clearing those tables on
//! every call cost a memory fill proportional to the framework (some 70 KB on ESCO) even
//! for a 20-officer team; kept per thread and restored entry by entry after each use, a
//! call pays only for the competencies it touches.

use std::cell::RefCell;

/// Dense per-competency tables in their resting state: `held` all zero, `slot` all
/// [`Dense::FREE`].
#[derive(Default)]
pub(super) struct Dense {
    /// Held level per competency of the officer being counted.
    pub(super) held: Vec<u8>,
    /// Per competency, its row slot in the fold being built.
    pub(super) slot: Vec<u32>,
    /// Set while a use is under way: a use that did not finish (a panic unwinding through
    /// it) leaves it set, and the next use then resets the tables in full.
    busy: bool,
}

impl Dense {
    /// The resting value of `slot`.
    pub(super) const FREE: u32 = u32::MAX;

    /// Makes room for competencies `0..n`, every entry at rest.
    fn begin(&mut self, n: usize) {
        if self.busy {
            self.held.fill(0);
            self.slot.fill(Self::FREE);
        }
        if self.held.len() < n {
            self.held.resize(n, 0);
            self.slot.resize(n, Self::FREE);
        }
        self.busy = true;
    }
}

thread_local! {
    static DENSE: RefCell<Dense> = RefCell::new(Dense::default());
}

/// Runs `f` with this thread's tables, at rest, for competencies `0..n`; `f` must leave
/// every entry it changes at rest again. A nested call gets fresh tables instead of the
/// busy ones.
///
/// # Complexity
/// O(1) when this thread's tables are already large enough, O(n) otherwise (the first use
/// on a thread, or a larger framework).
pub(super) fn with_dense<R>(n: usize, f: impl FnOnce(&mut Dense) -> R) -> R {
    DENSE.with(|cell| {
        let run = |dense: &mut Dense| {
            dense.begin(n);
            let result = f(dense);
            dense.busy = false;
            result
        };
        match cell.try_borrow_mut() {
            Ok(mut dense) => run(&mut dense),
            Err(_) => run(&mut Dense::default()),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_come_at_rest_and_grow() {
        with_dense(3, |d| {
            assert_eq!(d.held, [0, 0, 0]);
            assert_eq!(d.slot, [Dense::FREE; 3]);
        });
        with_dense(5, |d| assert!(d.held.len() >= 5 && d.slot.len() >= 5));
    }

    #[test]
    fn an_unfinished_use_is_reset_in_full() {
        let unwound = std::panic::catch_unwind(|| {
            with_dense(2, |d| {
                d.held[1] = 4;
                d.slot[0] = 7;
                panic!("interrupted");
            })
        });
        assert!(unwound.is_err());
        with_dense(2, |d| {
            assert_eq!(&d.held[..2], [0, 0]);
            assert_eq!(&d.slot[..2], [Dense::FREE; 2]);
        });
    }

    #[test]
    fn a_nested_call_gets_its_own_tables() {
        with_dense(2, |outer| {
            outer.held[0] = 3;
            with_dense(2, |inner| assert_eq!(inner.held[0], 0));
            assert_eq!(outer.held[0], 3);
            outer.held[0] = 0;
        });
    }
}
