//! Per-thread marks over the framework's courses, reused from one plan to the next.
//!
//! Finding an officer's candidate courses and numbering them for the cover instance both
//! ask "is this course already taken, and at which index?" for every offer and
//! prerequisite walked. A hash set and binary searches answered that afresh for every
//! plan; a stamp per course answers it in one load, and a new stamp value clears every
//! mark at once, so a batch of plans on one thread allocates the table once.

use std::cell::RefCell;

use crate::planning::cover::{self, Instance};

/// A set of courses with a value each, cleared in O(1) by moving to a new stamp.
#[derive(Default)]
pub(crate) struct Marks {
    /// Per course: the stamp of the round that last marked it.
    stamp: Vec<u32>,
    /// Per course: the value it was marked with in that round.
    value: Vec<u32>,
    /// The current round's stamp (never 0, which means "never marked").
    round: u32,
    /// Buffers for building a cover instance, kept from one plan to the next.
    pub(crate) scratch: Scratch,
}

/// Buffers a plan's instance is built in (their contents do not outlive one build).
#[derive(Default)]
pub(crate) struct Scratch {
    /// (candidate, element) pairs.
    pub(crate) pairs: Vec<(u32, u32)>,
    /// Per candidate, where its elements start in `gaps_of`; then the next free slot.
    pub(crate) start: Vec<u32>,
    pub(crate) fill: Vec<u32>,
    /// Each candidate's elements, candidate by candidate.
    pub(crate) gaps_of: Vec<u32>,
    /// One candidate's prerequisites.
    pub(crate) prerequisites: Vec<u32>,
    /// The candidate courses being gathered.
    pub(crate) candidates: Vec<u32>,
    /// One bit per course, for [`Scratch::sort_courses`].
    bits: Vec<u64>,
    /// The last plan's instance and candidate list, emptied ([`recycle`]): the next
    /// plan's are built in them.
    pub(crate) spare: cover::Spare,
    pub(crate) spare_courses: Vec<u32>,
}

impl Scratch {
    /// Sorts distinct course indices below `courses` ascending, as `sort_unstable` does:
    /// through a bit per course when the list is long enough for a scan of the bits
    /// (`courses / 64` words) to cost less than comparing.
    ///
    /// # Complexity
    /// O(k + courses / 64) for k courses, or O(k log k) for short lists.
    pub(crate) fn sort_courses(&mut self, list: &mut Vec<u32>, courses: usize) {
        let words = courses.div_ceil(64);
        if list.len() * 16 < words {
            crate::model::order::sort_unstable(list);
            return;
        }
        self.bits.clear();
        self.bits.resize(words, 0);
        for &c in list.iter() {
            self.bits[c as usize / 64] |= 1 << (c % 64);
        }
        list.clear();
        for (w, &word) in self.bits.iter().enumerate() {
            let mut rest = word;
            while rest != 0 {
                list.push(w as u32 * 64 + rest.trailing_zeros());
                rest &= rest - 1;
            }
        }
    }
}

impl Marks {
    /// Clears every mark and makes room for courses `0..n`.
    fn begin(&mut self, n: usize) {
        if self.stamp.len() < n {
            self.stamp.resize(n, 0);
            self.value.resize(n, 0);
        }
        self.round = self.round.wrapping_add(1);
        if self.round == 0 {
            self.stamp.fill(0);
            self.round = 1;
        }
    }

    /// Marks `course` with `value`; false (and the old value kept) if it was marked.
    pub(crate) fn insert(&mut self, course: u32, value: u32) -> bool {
        let c = course as usize;
        if self.stamp[c] == self.round {
            return false;
        }
        self.stamp[c] = self.round;
        self.value[c] = value;
        true
    }

    /// The value `course` was marked with, if it is marked.
    pub(crate) fn get(&self, course: u32) -> Option<u32> {
        let c = course as usize;
        (self.stamp.get(c) == Some(&self.round)).then(|| self.value[c])
    }
}

thread_local! {
    static MARKS: RefCell<Marks> = RefCell::new(Marks::default());
}

/// Runs `f` with this thread's marks, cleared, for courses `0..n`. A nested call (none
/// is made today) gets a fresh table instead of the busy one.
pub(crate) fn with_marks<R>(n: usize, f: impl FnOnce(&mut Marks) -> R) -> R {
    MARKS.with(|cell| {
        if let Ok(mut marks) = cell.try_borrow_mut() {
            marks.begin(n);
            f(&mut marks)
        } else {
            let mut marks = Marks::default();
            marks.begin(n);
            f(&mut marks)
        }
    })
}

/// Keeps the vectors of a plan's instance and candidate list, emptied, for the next plan
/// on this thread to be built in ([`Scratch::spare`]), instead of freeing them: a batch of
/// plans on one thread then allocates them about once.
pub(crate) fn recycle(inst: Instance, mut courses: Vec<u32>) {
    MARKS.with(|cell| {
        if let Ok(mut marks) = cell.try_borrow_mut() {
            inst.into_spare(&mut marks.scratch.spare);
            courses.clear();
            marks.scratch.spare_courses = courses;
        }
    });
}

/// The vector [`recycle`] kept for an instance's values, emptied (a new one if none).
pub(crate) fn spare_values() -> Vec<f64> {
    MARKS.with(|cell| {
        cell.try_borrow_mut()
            .map(|mut marks| std::mem::take(&mut marks.scratch.spare.values))
            .unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn courses_sort_by_their_bits_as_by_comparing() {
        let mut scratch = Scratch::default();
        // Lists long enough for the bits, one too short for them, and an empty one.
        for (courses, list) in [
            (1_000, vec![999, 3, 64, 63, 128, 0, 500]),
            (200, vec![199, 1, 70, 64, 0, 65, 130, 2, 3, 4, 5, 6, 7, 8]),
            (10_000, (0..2_000).map(|i| i * 7_919 % 10_000).collect()),
            (10_000, vec![9_999, 3, 5_000]),
            (10, vec![]),
        ] {
            let mut by_bits = list.clone();
            scratch.sort_courses(&mut by_bits, courses);
            let mut sorted = list;
            sorted.sort_unstable();
            assert_eq!(by_bits, sorted);
        }
    }

    #[test]
    fn a_new_round_forgets_every_mark() {
        with_marks(4, |m| {
            assert!(m.insert(2, 7));
            assert!(!m.insert(2, 9));
            assert_eq!(m.get(2), Some(7));
            assert_eq!(m.get(1), None);
        });
        with_marks(4, |m| assert_eq!(m.get(2), None));
    }

    #[test]
    fn the_stamp_wrapping_round_clears_the_table() {
        let mut m = Marks::default();
        m.begin(3);
        m.round = u32::MAX;
        assert!(m.insert(1, 5));
        m.begin(3);
        assert_eq!(m.round, 1);
        assert_eq!(m.get(1), None);
        assert!(m.insert(1, 6));
        assert_eq!(m.get(1), Some(6));
    }

    #[test]
    fn a_nested_call_gets_its_own_table() {
        with_marks(2, |outer| {
            assert!(outer.insert(0, 1));
            with_marks(2, |inner| assert_eq!(inner.get(0), None));
            assert_eq!(outer.get(0), Some(1));
        });
    }
}
