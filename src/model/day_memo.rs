//! The `YYYY-MM-DD` dates read so far, by their ten bytes: an export or a batch of
//! passbooks repeats the same few thousand dates, and a date found here is not checked and
//! converted again.

use super::date::iso_date_bytes;

/// The number of slots of [`DayMemo`] is `2^DAY_BITS`: 16 KiB.
const DAY_BITS: u32 = 10;
const DAY_SLOTS: usize = 1 << DAY_BITS;

/// [`iso_date_bytes`] of ten-byte dates, remembered in a table of [`DAY_SLOTS`] slots by a
/// hash of their last eight bytes, each slot holding the last date that fell in it. Only
/// dates [`iso_date_bytes`] reads are kept, so [`DayMemo::day`] always gives what it gives.
///
/// Memory: 16 KiB, allocated by the first date looked up. A lookup is a multiplication, a
/// load and two comparisons; a miss adds [`iso_date_bytes`].
#[derive(Default)]
pub(crate) struct DayMemo {
    /// Empty until the first date; then [`DAY_SLOTS`] slots.
    slots: Vec<DaySlot>,
}

/// A date in [`DayMemo`]: its last eight bytes as a word, its first two (the century) and
/// the day [`iso_date_bytes`] gave; a day of 0 (no date gives it) marks a free slot.
#[derive(Clone, Copy, Default)]
struct DaySlot {
    tail: u64,
    century: u16,
    day: u32,
}

impl DayMemo {
    /// [`iso_date_bytes`] of `date`, from the slot of a date read before when it is the
    /// same; `None` for anything but ten bytes [`iso_date_bytes`] reads.
    // Once per passbook entry: the callers' loops left it out of line otherwise.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    pub(crate) fn day(&mut self, date: &[u8]) -> Option<u32> {
        let date: &[u8; 10] = date.try_into().ok()?;
        let (&[c0, c1], tail) = date.split_first_chunk::<2>()?;
        let tail = u64::from_le_bytes(*tail.first_chunk::<8>()?);
        let century = u16::from_le_bytes([c0, c1]);
        let s = (tail.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - DAY_BITS)) as usize;
        if let Some(slot) = self.slots.get(s)
            && slot.day != 0
            && slot.tail == tail
            && slot.century == century
        {
            return Some(slot.day);
        }
        self.miss(date, tail, century, s)
    }

    /// [`DayMemo::day`] for a date not in its slot: read, and kept when it is a date.
    #[inline(never)]
    fn miss(&mut self, date: &[u8; 10], tail: u64, century: u16, s: usize) -> Option<u32> {
        let day = iso_date_bytes(date)?;
        if self.slots.is_empty() {
            self.slots = vec![DaySlot::default(); DAY_SLOTS];
        }
        self.slots[s] = DaySlot { tail, century, day };
        Some(day)
    }
}

#[cfg(test)]
mod tests {
    use super::{DAY_SLOTS, DayMemo};
    use crate::model::date::iso_date_bytes;
    use crate::model::test_rng::below;

    /// Dates, near-dates and bytes of every kind, each looked up several times among
    /// others that share its slot: the memo gives what `iso_date_bytes` gives, every time.
    #[test]
    fn gives_what_the_parser_gives() {
        let mut memo = DayMemo::default();
        let mut below = below(7);
        let mut texts: Vec<Vec<u8>> = vec![
            b"2024-02-10".to_vec(),
            b"2024-02-30".to_vec(),
            b"2023-02-29".to_vec(),
            b"2024-02-29".to_vec(),
            b"1924-02-10".to_vec(),
            b"0000-01-01".to_vec(),
            b"9999-12-31".to_vec(),
            // A free slot's bytes: zero day, zero tail, zero century.
            vec![0; 10],
            b"2024-02-1".to_vec(),
            b"2024-02-10T".to_vec(),
            b"2024-02-10Z".to_vec(),
            Vec::new(),
        ];
        for _ in 0..5_000 {
            let y = below(10_000);
            let (m, d) = (below(14), below(33));
            texts.push(format!("{y:04}-{m:02}-{d:02}").into_bytes());
            let mut noise =
                texts[usize::try_from(below(texts.len() as u64)).expect("an index")].clone();
            if let Some(b) = noise.get_mut(usize::try_from(below(10)).expect("below 10")) {
                *b = u8::try_from(below(256)).expect("below 256");
            }
            texts.push(noise);
        }
        for round in 0..3 {
            for text in &texts {
                let want = if text.len() == 10 {
                    iso_date_bytes(text)
                } else {
                    None
                };
                assert_eq!(memo.day(text), want, "{text:?}, round {round}");
            }
        }
        assert_eq!(memo.slots.len(), DAY_SLOTS);
    }

    /// Nothing is allocated until a date is looked up.
    #[test]
    fn empty_until_used() {
        let mut memo = DayMemo::default();
        assert!(memo.slots.is_empty());
        assert_eq!(memo.day(b"not a date"), None);
        assert!(memo.slots.is_empty());
        assert_eq!(memo.day(b"2024-02-10"), Some(20_240_210));
        assert_eq!(memo.day(b"2024-02-10"), Some(20_240_210));
        assert_eq!(memo.slots.len(), DAY_SLOTS);
    }
}
