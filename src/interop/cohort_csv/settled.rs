//! The options' tests of a common passbook line, settled once for a reader ([`Settled`]),
//! and the line's date cells remembered with what those tests make of them ([`Dates`]):
//! an export repeats the same few thousand dates, and a date cell found among those read
//! before is neither parsed nor compared with the as-of date and the policy's cut-off
//! again.

use crate::model::date::iso_date_bytes;
use crate::people::policy::Counting;
use crate::{EvidenceSource, OfficersCsvOptions};

/// The options' tests of a passbook entry, settled once for a reader: the review's as-of
/// day and the level policy's [`Counting`].
#[derive(Clone, Copy, Debug)]
pub(super) struct Settled {
    /// The as-of day, or `u32::MAX` without one: an entry dated after it is not common
    /// (its warning is the general checks'), and no day is after `u32::MAX`.
    as_of: u32,
    counting: Counting,
}

impl Settled {
    /// The tests of `options`.
    pub(super) fn new(options: &OfficersCsvOptions) -> Self {
        Settled {
            as_of: options.review.as_of.unwrap_or(u32::MAX),
            counting: options.policy.counting(),
        }
    }

    /// Whether an entry dated `date` is not after the as-of date.
    #[inline]
    pub(super) fn keeps(&self, date: Option<u32>) -> bool {
        date.is_none_or(|day| day <= self.as_of)
    }

    /// Whether an entry of `level` counts under the options' policy.
    #[inline]
    pub(super) fn counts(
        &self,
        level: u8,
        source: EvidenceSource,
        verified: bool,
        date: Option<u32>,
    ) -> bool {
        level > 0 && self.counting.counts(source, verified, date)
    }

    /// Whether an entry of `level`, `source` and `verified` counts under the options'
    /// policy, its date aside (see [`DateClass::counts`]).
    #[inline]
    pub(super) fn counts_by_source(
        &self,
        level: u8,
        source: EvidenceSource,
        verified: bool,
    ) -> bool {
        level > 0 && self.counting.counts_source(source, verified)
    }

    /// What the tests make of an entry dated `date` (`None`: undated).
    pub(super) fn class(&self, date: Option<u32>) -> DateClass {
        if !self.keeps(date) {
            return DateClass::NOT_COMMON;
        }
        if self.counting.counts_date(date) {
            DateClass::COUNTS
        } else {
            DateClass::KEPT
        }
    }
}

/// What the options' tests make of a passbook line's date cell: whether the line can be
/// read as a common line (a `YYYY-MM-DD` date not after the as-of date, or none), and
/// whether its date lets its level count under the level policy.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct DateClass(u8);

impl DateClass {
    /// Not a date the common lines take, or after the as-of date: the line is left to
    /// the general checks.
    pub(super) const NOT_COMMON: DateClass = DateClass(0);
    /// Taken, and the level does not count by its date (before the policy's cut-off, or
    /// undated when undated evidence does not count).
    pub(super) const KEPT: DateClass = DateClass(1);
    /// Taken, and the date lets the level count.
    pub(super) const COUNTS: DateClass = DateClass(3);

    /// Whether the line can be read as a common line.
    #[inline]
    pub(super) fn common(self) -> bool {
        self.0 != 0
    }

    /// Whether the date lets the level count.
    #[inline]
    pub(super) fn counts(self) -> bool {
        self.0 & 2 != 0
    }
}

/// The number of slots of [`Dates`] is `2^DATE_BITS`.
const DATE_BITS: u32 = 10;
const DATE_SLOTS: usize = 1 << DATE_BITS;

/// A date cell read before: its eleven bytes (the date and the comma after it) as two
/// overlapping little-endian words, at bytes 0 and 3, and their [`DateClass`]. All zeros
/// for a free slot: the bytes of a free slot are not a date, and its class says so, so
/// a cell of those bytes is told apart without a test of its own.
#[derive(Clone, Copy, Default)]
struct Slot {
    head: u64,
    tail: u64,
    class: DateClass,
}

/// The `YYYY-MM-DD,` cells of passbook lines read so far with their [`DateClass`] under
/// a reader's [`Settled`] tests, in a table of [`DATE_SLOTS`] slots by a hash of the
/// cell's last eight bytes, each slot holding the last cell that fell in it.
///
/// Memory: 24 KiB. A lookup is two loads of the line, a multiplication, two comparisons;
/// a miss adds [`iso_date_bytes`] and the tests.
pub(super) struct Dates {
    slots: Box<[Slot; DATE_SLOTS]>,
    settled: Settled,
}

impl Dates {
    /// An empty table for `settled`'s tests.
    pub(super) fn new(settled: Settled) -> Self {
        let slots = vec![Slot::default(); DATE_SLOTS]
            .into_boxed_slice()
            .try_into()
            .unwrap_or_else(|_| unreachable!("DATE_SLOTS slots"));
        Dates { slots, settled }
    }

    /// The class of the cell whose first eight bytes are `head` and whose bytes 3 to 10
    /// are `tail` (both little-endian): [`DateClass::NOT_COMMON`] unless the bytes are
    /// a `YYYY-MM-DD` date that [`iso_date_bytes`] reads followed by a comma; otherwise
    /// what [`Settled::class`] makes of the date.
    // Once per dated passbook line: the line reader's loop left it out of line otherwise.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    pub(super) fn class(&mut self, head: u64, tail: u64) -> DateClass {
        let s = (tail.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - DATE_BITS)) as usize;
        let slot = &self.slots[s];
        if slot.head == head && slot.tail == tail {
            return slot.class;
        }
        self.miss(head, tail, s)
    }

    /// [`Dates::class`] for a cell not in its slot: read, tested, and kept.
    #[inline(never)]
    fn miss(&mut self, head: u64, tail: u64, s: usize) -> DateClass {
        let mut cell = [0u8; 11];
        cell[..8].copy_from_slice(&head.to_le_bytes());
        cell[3..].copy_from_slice(&tail.to_le_bytes());
        // The head and the tail overlap in bytes 3 to 7: a cell is the same in both.
        let overlap = head >> 24 == tail & 0xff_ffff_ffff;
        let class = match iso_date_bytes(&cell[..10]) {
            Some(day) if overlap && cell[10] == b',' => self.settled.class(Some(day)),
            _ => DateClass::NOT_COMMON,
        };
        self.slots[s] = Slot { head, tail, class };
        class
    }
}

#[cfg(test)]
mod tests {
    use super::{DATE_SLOTS, DateClass, Dates, Settled};
    use crate::model::date::iso_date_bytes;
    use crate::model::test_rng::below;
    use crate::{LevelPolicy, OfficersCsvOptions};

    /// The words of a cell at the start of `bytes` (zero past the end), as the line
    /// reader takes them.
    fn words(bytes: &[u8]) -> (u64, u64) {
        let mut padded = [0u8; 16];
        let n = bytes.len().min(16);
        padded[..n].copy_from_slice(&bytes[..n]);
        let word =
            |at: usize| u64::from_le_bytes(padded[at..at + 8].try_into().expect("eight bytes"));
        (word(0), word(3))
    }

    /// The class the plain path gives: the date read by [`iso_date_bytes`] (ten bytes,
    /// then a comma), then the as-of date and the policy's test on it.
    fn plain(settled: &Settled, cell: &[u8]) -> DateClass {
        let date = (cell.len() >= 11 && cell[10] == b',')
            .then(|| iso_date_bytes(&cell[..10]))
            .flatten();
        date.map_or(DateClass::NOT_COMMON, |day| settled.class(Some(day)))
    }

    /// Dates, near-dates and bytes of every kind (the comma missing or moved, a byte
    /// changed anywhere, zeros as in a free slot), each looked up several times among
    /// others that share its slot, under options with and without an as-of date and a
    /// cut-off: the table gives what the plain path gives, every time.
    #[test]
    fn gives_what_the_plain_path_gives() {
        let mut below = below(11);
        let mut cells: Vec<Vec<u8>> = [
            "2024-02-10,",
            "2024-02-30,",
            "2023-02-29,",
            "2024-02-29,",
            "1924-02-10,",
            "0000-01-01,",
            "9999-12-31,",
            "2022-03-31,",
            "2022-04-01,",
            "2024-06-30,",
            "2024-07-01,",
            "2024-02-10;",
            "2024-02-1,,",
            "2024-02-10T",
            "20240210,xy",
        ]
        .iter()
        .map(|c| c.as_bytes().to_vec())
        .collect();
        cells.push(vec![0; 11]);
        cells.push(vec![0; 16]);
        for _ in 0..4_000 {
            let y = below(10_000);
            let (m, d) = (below(14), below(33));
            cells.push(format!("{y:04}-{m:02}-{d:02},").into_bytes());
            let pick = usize::try_from(below(cells.len() as u64)).expect("an index");
            let mut noise = cells[pick].clone();
            if let Some(b) = noise.get_mut(usize::try_from(below(11)).expect("below 11")) {
                *b = u8::try_from(below(256)).expect("below 256");
            }
            cells.push(noise);
        }
        let as_of = crate::model::date::parse_iso_date("2024-06-30").expect("a date");
        for (cutoff, review) in [(false, false), (true, false), (false, true), (true, true)] {
            let mut options = OfficersCsvOptions::default();
            if cutoff {
                options.policy = LevelPolicy::default()
                    .not_before("2022-04-01")
                    .expect("a date");
            }
            if review {
                options.review.as_of = Some(as_of);
            }
            let settled = Settled::new(&options);
            let mut dates = Dates::new(settled);
            let mut classes = [0; 4];
            for round in 0..3 {
                for cell in &cells {
                    let (head, tail) = words(cell);
                    let got = dates.class(head, tail);
                    assert_eq!(got, plain(&settled, cell), "{cell:?}, round {round}");
                    classes[usize::from(got.0)] += 1;
                }
            }
            assert!(classes[0] > 0 && classes[3] > 0, "{classes:?}");
            assert_eq!(classes[1] > 0, cutoff, "{classes:?}");
        }
        assert_eq!(
            Dates::new(Settled::new(&OfficersCsvOptions::default()))
                .slots
                .len(),
            DATE_SLOTS
        );
    }

    /// A date after the as-of date is not common; the cut-off's day counts, the day before
    /// does not; without either, every date counts.
    #[test]
    fn classes_of_the_options() {
        let mut options = OfficersCsvOptions::default();
        let day = |text: &str| crate::model::date::parse_iso_date(text).expect("a date");
        let plain = Settled::new(&options);
        assert_eq!(plain.class(Some(day("2024-02-10"))), DateClass::COUNTS);
        options.policy = LevelPolicy::default()
            .not_before("2022-04-01")
            .expect("a date");
        options.review.as_of = Some(day("2024-06-30"));
        let settled = Settled::new(&options);
        assert_eq!(settled.class(Some(day("2022-03-31"))), DateClass::KEPT);
        assert_eq!(settled.class(Some(day("2022-04-01"))), DateClass::COUNTS);
        assert_eq!(settled.class(Some(day("2024-06-30"))), DateClass::COUNTS);
        assert_eq!(
            settled.class(Some(day("2024-07-01"))),
            DateClass::NOT_COMMON
        );
    }
}
