//! A cohort's held levels packed three bytes each: `competency << 3 | level` (a level
//! 0–5) in 24 bits, little-endian, so competencies below 2²¹. The column ends with one
//! byte more, so that every entry can be read as a 4-byte word and masked.

use crate::Error;
use crate::model::parallel::{map_parts, workers};
use crate::model::validate::MAX_COMPETENCIES;

/// The bits an entry keeps.
const MASK: u32 = (1 << 24) - 1;

/// The competencies a packed entry can name: `competency << 3 | level` in 24 bits. A
/// framework holds no more ([`MAX_COMPETENCIES`]), so every competency fits.
pub(crate) const COMPETENCIES: u32 = 1 << 21;
const _: () = assert!(COMPETENCIES as usize == MAX_COMPETENCIES);

/// Some held levels, each `competency << 3 | level`, in three bytes each followed by one
/// byte (the next entry's first or the column's last).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Levels<'a> {
    bytes: &'a [u8],
}

impl<'a> Levels<'a> {
    /// No held level.
    pub(crate) const EMPTY: Levels<'static> = Levels { bytes: &[0] };

    /// Entries `a..b` of a packed column.
    #[inline]
    pub(crate) fn of(column: &'a [u8], a: usize, b: usize) -> Levels<'a> {
        (column.get(3 * a..3 * b + 1)).map_or(Levels::EMPTY, |bytes| Levels { bytes })
    }

    /// How many entries.
    #[inline]
    pub(crate) fn len(self) -> usize {
        self.bytes.len().saturating_sub(1) / 3
    }

    /// Entry `k`, if any.
    #[inline]
    pub(crate) fn get(self, k: usize) -> Option<u32> {
        let word = self.bytes.get(3 * k..)?.first_chunk::<4>()?;
        Some(u32::from_le_bytes(*word) & MASK)
    }

    /// The entries' three bytes each, without the closing byte.
    pub(crate) fn packed(self) -> &'a [u8] {
        self.bytes
            .get(..self.bytes.len().saturating_sub(1))
            .unwrap_or(&[])
    }

    /// The entries in order.
    #[inline]
    pub(crate) fn iter(self) -> Iter<'a> {
        Iter { rest: self.bytes }
    }
}

impl PartialEq for Levels<'_> {
    /// The same entries (the closing bytes may differ).
    fn eq(&self, other: &Self) -> bool {
        self.packed() == other.packed()
    }
}

impl<'a> IntoIterator for Levels<'a> {
    type Item = u32;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

/// The entries of [`Levels`] in order.
#[derive(Clone, Debug)]
pub(crate) struct Iter<'a> {
    rest: &'a [u8],
}

impl Iterator for Iter<'_> {
    type Item = u32;

    #[inline]
    fn next(&mut self) -> Option<u32> {
        let (word, _) = self.rest.split_first_chunk::<4>()?;
        let x = u32::from_le_bytes(*word) & MASK;
        self.rest = self.rest.get(3..).unwrap_or(&[]);
        Some(x)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.rest.len().saturating_sub(1) / 3;
        (n, Some(n))
    }
}

impl ExactSizeIterator for Iter<'_> {}

/// Packs `values` (each below 2²⁴) three bytes each, plus the closing byte, releasing
/// `values` from its end as the copy proceeds, so that both are never resident whole.
/// Each block copied is split over up to `threads` threads (see
/// [`workers`](crate::model::parallel::workers)); the bytes are the same on any number.
///
/// # Errors
/// [`Error::CapacityExceeded`] when an entry names a competency from 2²¹ on, which no
/// framework holds.
///
/// # Complexity
/// O(n) for n entries, shared by the threads.
pub(crate) fn pack(mut values: Vec<u32>, threads: usize) -> Result<Vec<u8>, Error> {
    /// Entries one thread copies between two releases of `values`' end.
    const BLOCK: usize = 1 << 20;
    let n = values.len();
    let parts = workers(threads, n / BLOCK);
    let mut bytes = vec![0u8; 3 * n + 1];
    let mut end = n;
    let mut beyond = false;
    while end > 0 {
        let start = end.saturating_sub(BLOCK * parts);
        let size = (end - start).div_ceil(parts);
        let out = bytes.get_mut(3 * start..3 * end).unwrap_or_default();
        let work: Vec<(&mut [u8], &[u32])> = out
            .chunks_mut(3 * size)
            .zip(values[start..end].chunks(size))
            .collect();
        let over = map_parts(work, |(out, values)| {
            pack_into(out, values);
            values.iter().fold(0, |all, &x| all | x) > MASK
        });
        beyond |= over.contains(&true);
        values.truncate(start);
        values.shrink_to_fit();
        end = start;
    }
    if beyond {
        return Err(Error::CapacityExceeded {
            what: "competencies a cohort's held levels can name",
            limit: u64::from(COMPETENCIES),
        });
    }
    Ok(bytes)
}

/// Each value's low three bytes into `out`, three bytes a value: four values at a time as
/// one 8-byte and one 4-byte store, then the rest one by one.
fn pack_into(out: &mut [u8], values: &[u32]) {
    let whole = values.len() / 4 * 4;
    let (quads, rest) = out.split_at_mut(3 * whole);
    for (to, x) in quads
        .chunks_exact_mut(12)
        .zip(values[..whole].chunks_exact(4))
    {
        let [a, b, c, d] = [x[0], x[1], x[2], x[3]].map(|x| u64::from(x & MASK));
        let low = a | b << 24 | c << 48;
        let high = (c >> 16 | d << 8) as u32;
        to[..8].copy_from_slice(&low.to_le_bytes());
        to[8..].copy_from_slice(&high.to_le_bytes());
    }
    for (to, x) in rest.chunks_exact_mut(3).zip(&values[whole..]) {
        to.copy_from_slice(&x.to_le_bytes()[..3]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_read_back_as_packed_whatever_their_neighbours() {
        let values = vec![0, 5, (COMPETENCIES - 1) << 3 | 5, 1 << 3, MASK, 7 << 3 | 2];
        let column = pack(values.clone(), 1).expect("below 2^24");
        assert_eq!(column.len(), 3 * values.len() + 1);
        let all = Levels::of(&column, 0, values.len());
        assert_eq!(all.iter().collect::<Vec<_>>(), values);
        assert_eq!(all.iter().len(), values.len());
        for a in 0..values.len() {
            for b in a..=values.len() {
                let some = Levels::of(&column, a, b);
                assert_eq!(some.len(), b - a);
                assert_eq!(some.iter().collect::<Vec<_>>(), values[a..b]);
                assert_eq!(some.get(b - a), None);
                for k in 0..b - a {
                    assert_eq!(some.get(k), Some(values[a + k]));
                }
            }
        }
        assert_eq!(Levels::of(&column, 0, values.len() + 1).len(), 0);
        assert_eq!(all.iter().skip(2).collect::<Vec<_>>(), values[2..]);
        assert_eq!(Levels::of(&column, 1, 2), Levels::of(&column, 1, 2));
        assert_eq!(Levels::of(&column, 1, 2).packed(), [5, 0, 0]);
        assert_ne!(Levels::of(&column, 1, 2), Levels::of(&column, 1, 3));
        assert_eq!(Levels::EMPTY.iter().next(), None);
    }

    /// Four values at a time give the bytes of one value at a time, for lists of 0 to 13
    /// values (every remainder) of values with every byte set, below 2²⁴ and beyond.
    #[test]
    fn packing_four_at_a_time_is_packing_one_at_a_time() {
        let mut below = crate::model::test_rng::below(5);
        for n in 0..=13 {
            for range in [8, MASK + 1, u32::MAX] {
                let values: Vec<u32> = (0..n).map(|_| below(u64::from(range)) as u32).collect();
                let mut want = vec![0xaa; 3 * n + 1];
                for (to, x) in want.chunks_exact_mut(3).zip(&values) {
                    to.copy_from_slice(&x.to_le_bytes()[..3]);
                }
                let mut got = vec![0xaa; 3 * n + 1];
                pack_into(&mut got[..3 * n], &values);
                assert_eq!(got, want, "{values:x?}");
            }
        }
    }

    #[test]
    fn a_competency_beyond_the_packing_is_refused() {
        let e = pack(vec![3, COMPETENCIES << 3], 1).expect_err("beyond 24 bits");
        assert!(matches!(e, Error::CapacityExceeded { limit, .. } if limit == 1 << 21));
        assert_eq!(pack(Vec::new(), 1).expect("empty").len(), 1);
    }

    #[test]
    fn packing_spans_blocks_the_same_on_any_number_of_threads() {
        let values: Vec<u32> = (0..(3 << 20) + 5).map(|i| i * 13 % MASK).collect();
        let column = pack(values.clone(), 1).expect("below 2^24");
        let all = Levels::of(&column, 0, values.len());
        assert!(all.iter().eq(values.iter().copied()));
        for threads in [2, 3, 0] {
            assert_eq!(pack(values.clone(), threads).expect("below 2^24"), column);
        }
        // An entry beyond the packing is found in any block, on any number of threads.
        for at in [0, 1 << 20, values.len() - 1] {
            let mut beyond = values.clone();
            beyond[at] = MASK + 1;
            for threads in [1, 2] {
                assert!(pack(beyond.clone(), threads).is_err(), "{at} {threads}");
            }
        }
    }
}
