//! Per-thread tables over the framework's competencies, reused from one count to the next.
//!
//! The counting kernel points each competency a position requires at a counter row per
//! (competency, required level), and the fold gives each competency met a row slot.
//! Allocating and clearing those tables on every call cost a memory fill proportional to
//! the framework (some 2.7 MB on ESCO) even for a 20-officer team; kept per thread and
//! restored row by row after each use, a call pays only for the rows it touches.

use std::cell::RefCell;

/// Dense per-competency tables in their resting state: `row` and `counts` all zero,
/// `touched` empty, `slot` all [`Dense::FREE`], `marks` and `marked` all zero.
#[derive(Default)]
pub(super) struct Dense {
    /// Per competency, its counter row in `counts` while the position being counted
    /// requires it; 0, the row of competencies not required, otherwise.
    pub(super) row: Vec<u32>,
    /// Counter rows: row 0, then [`LEVELS`] per competency (one per required level).
    pub(super) counts: Vec<[u32; 8]>,
    /// The rows of `counts` a count has touched, besides row 0.
    pub(super) touched: Vec<u32>,
    /// Per competency, its row slot in the fold being built.
    pub(super) slot: Vec<u32>,
    /// One byte per competency, bit `8 · competency + level` set when a department's
    /// count has touched the competency's counter row at that required level (see
    /// `department.rs`).
    pub(super) marks: Vec<u64>,
    /// One bit per word of `marks`, set when the word may be nonzero: a department's
    /// count reads only the words its rows marked, however many competencies the
    /// framework has.
    pub(super) marked: Vec<u64>,
    /// Set while a use is under way: a use that did not finish (a panic unwinding through
    /// it) leaves it set, and the next use then resets the tables in full.
    busy: bool,
}

/// Counter rows per competency in [`Dense::counts`]: one per required level 0–5.
pub(super) const LEVELS: usize = 6;

/// The words of [`Dense::marks`] for `competencies`: one byte per competency, 8 a word.
fn mark_words(competencies: usize) -> usize {
    competencies.div_ceil(8)
}

impl Dense {
    /// The resting value of `slot`.
    pub(super) const FREE: u32 = u32::MAX;

    /// Makes room for competencies `0..n`, every entry at rest.
    fn begin(&mut self, n: usize) {
        if self.busy {
            self.row.fill(0);
            self.counts.fill([0; 8]);
            self.touched.clear();
            self.slot.fill(Self::FREE);
            self.marks.fill(0);
            self.marked.fill(0);
        }
        if self.row.len() < n {
            self.row.resize(n, 0);
            self.counts.resize(1 + n * LEVELS, [0; 8]);
            self.slot.resize(n, Self::FREE);
            self.marks.resize(mark_words(n), 0);
            self.marked.resize(mark_words(n).div_ceil(64), 0);
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
/// O(1) when this thread's tables are already large enough, O(n) otherwise (the first
/// use on a thread, or a larger framework).
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
            assert_eq!(d.row, [0, 0, 0]);
            assert_eq!(d.counts, [[0; 8]; 1 + 3 * LEVELS]);
            assert!(d.touched.is_empty());
            assert_eq!(d.slot, [Dense::FREE; 3]);
        });
        with_dense(5, |d| {
            assert!(d.row.len() >= 5 && d.counts.len() > 5 * LEVELS && d.slot.len() >= 5);
        });
    }

    #[test]
    fn an_unfinished_use_is_reset_in_full() {
        let unwound = std::panic::catch_unwind(|| {
            with_dense(2, |d| {
                d.row[1] = 4;
                d.counts[3][2] = 1;
                d.touched.push(3);
                d.slot[0] = 7;
                panic!("interrupted");
            })
        });
        assert!(unwound.is_err());
        with_dense(2, |d| {
            assert_eq!(&d.row[..2], [0, 0]);
            assert_eq!(d.counts[3], [0; 8]);
            assert!(d.touched.is_empty());
            assert_eq!(&d.slot[..2], [Dense::FREE; 2]);
        });
    }

    #[test]
    fn a_nested_call_gets_its_own_tables() {
        with_dense(2, |outer| {
            outer.row[0] = 3;
            with_dense(2, |inner| assert_eq!(inner.row[0], 0));
            assert_eq!(outer.row[0], 3);
            outer.row[0] = 0;
        });
    }
}
