//! One department's training needs straight to its report: the row kernel's counter rows
//! read back in competency order, so the report order needs a stable sort on the counts
//! alone.
//!
//! [`Framework::count`] lists the counter rows it touches in the order it meets them, so
//! its tally must be folded per competency through a slot table and then sorted on keys
//! that carry the competency index. Here the rows a count touches are marked in a bitmap
//! instead, one byte per competency and a bit per required level (two `or`s per
//! requirement of a group, no branch: the bit, and the bit of its word in a summary with
//! one bit per word of marks). Reading the marked words in order gives each competency's
//! rows together, competencies in index order, with no slot table and no division; the
//! report order (total shortfall descending, officers short descending, index ascending)
//! is then a stable radix sort on the two counts, which fit in fewer bits than keys
//! holding the index as well. Each department's rows are built once, in their final
//! order, in one pass of exact length.

use std::ops::Range;

use super::by_department::StoredRow;
use super::dense::{Dense, LEVELS, with_dense};
use super::kernel::{REQUIRED, count_levels, row_of};
use super::{radix_sort_with, short_and_shortfall};
use crate::{Cohort, Framework};

/// What one department's count leaves besides its report: the buffers of a sequence of
/// departments, reused from one to the next.
#[derive(Default)]
pub(super) struct Scratch {
    /// Per competency met, in index order.
    found: Vec<Found>,
    /// One sort key per row of the report (see [`order_found`]).
    keys: Vec<u64>,
    /// The radix sort's second buffer.
    spare: Vec<u64>,
    /// Per requirement of the framework (its `reqs`, in order), `competency | row << 32`
    /// for its counter row (see [`row_of`]): filled on first use, so that pointing a
    /// group's requirements at their rows reads one word each.
    pointers: Vec<u64>,
}

impl Framework {
    /// The training needs of the officers in `slots` (one department's groups, a range of
    /// the cohort's storage order), counted by the row kernel: appends its rows to `out`
    /// in the order of the report and returns the officers and pairs counted. The same
    /// report as [`Framework::count`] and its fold and sort give.
    ///
    /// # Complexity
    /// O(H + g·r + w + m + k·b) for H held levels of the officers in `slots`, g groups of
    /// them, r requirements per position, w = c/512 summary words for c competencies of
    /// the framework, m (competency, required level) rows met, k rows returned and b radix
    /// digits of the two counts (b ≤ 3 up to about 2²¹ officers); the first use on a
    /// thread fills its tables, O(c).
    pub(super) fn department_needs(
        &self,
        cohort: &Cohort,
        slots: Range<usize>,
        scratch: &mut Scratch,
        out: &mut Vec<StoredRow>,
    ) -> (u64, u64) {
        if scratch.pointers.len() != self.reqs.len() {
            scratch.pointers = (self.reqs.iter())
                .map(|&r| u64::from(r.competency) | u64::from(row_of(r)) << 32)
                .collect();
        }
        with_dense(self.competencies.len(), |dense| {
            // Few requirements met against the framework's competencies: mark the words
            // marked in a summary too, so that only they are read back.
            let met: usize = (cohort.groups_in(slots.clone()))
                .map(|(g, _)| self.position_reqs_range(g.position).len())
                .sum();
            let summary = met < dense.marks.len();
            let (officers, pairs) = if summary {
                self.count_marked::<true>(cohort, slots, &scratch.pointers, dense)
            } else {
                self.count_marked::<false>(cohort, slots, &scratch.pointers, dense)
            };
            department_rows(dense, scratch, summary, out);
            (officers, pairs)
        })
    }

    /// [`Framework::count_with`] marking each row it touches in `dense.marks` rather than
    /// listing it: leaves the counts in the marked rows and row 0.
    fn count_marked<const SUMMARY: bool>(
        &self,
        cohort: &Cohort,
        slots: Range<usize>,
        pointers: &[u64],
        dense: &mut Dense,
    ) -> (u64, u64) {
        let Dense {
            row: rows,
            counts,
            marks,
            marked,
            ..
        } = dense;
        let (mut officers, mut pairs) = (0u64, 0u64);
        for (this, range) in cohort.groups_in(slots) {
            let n = range.len();
            let reqs = (pointers.get(self.position_reqs_range(this.position))).unwrap_or(&[]);
            for &r in reqs {
                if let Some(slot) = rows.get_mut(r as u32 as usize) {
                    *slot = (r >> 32) as u32;
                }
            }
            count_levels(cohort.held_in_slots(range), rows, counts);
            for &r in reqs {
                if let Some(slot) = rows.get_mut(r as u32 as usize) {
                    *slot = 0;
                }
                let row = (r >> 32) as usize;
                if let Some(count) = counts.get_mut(row) {
                    count[REQUIRED] += n as u32;
                }
                // Bit `8 · competency + level` (the row is `1 + 6 · competency + level`).
                let mark = row - 1 + 2 * (r as u32 as usize);
                if let Some(word) = marks.get_mut(mark / 64) {
                    *word |= 1 << (mark % 64);
                }
                if SUMMARY && let Some(word) = marked.get_mut(mark / 4096) {
                    *word |= 1 << (mark / 64 % 64);
                }
            }
            officers += n as u64;
            pairs += (n * reqs.len()) as u64;
        }
        (officers, pairs)
    }
}

/// Appends to `out` the report's rows from the marked counter rows, leaving the tables at
/// rest: the marks read in order (competencies ascending, each one's rows together) give
/// each competency's histogram in index order, each counter row added in by the shape of
/// its required level (see [`add_histogram`]); [`order_found`] puts them in the order of
/// the report, and each row is stored once, in its place.
fn department_rows(
    dense: &mut Dense,
    scratch: &mut Scratch,
    summary: bool,
    out: &mut Vec<StoredRow>,
) {
    let Dense {
        counts,
        marks,
        marked,
        ..
    } = dense;
    let Scratch {
        found, keys, spare, ..
    } = scratch;
    found.clear();
    // The words marked, in order (with a summary, only those it marks; otherwise
    // every word), each read and cleared.
    let all = if summary { 0 } else { marks.len() };
    let listed = (marked.iter_mut().enumerate()).flat_map(|(v, set)| {
        let mut set = std::mem::take(set);
        std::iter::from_fn(move || {
            let w = v * 64 + set.trailing_zeros() as usize;
            set &= set.checked_sub(1)?;
            Some(w)
        })
    });
    for w in (0..all).chain(listed.take(if summary { usize::MAX } else { 0 })) {
        let Some(word) = marks.get_mut(w) else {
            continue;
        };
        let mut bits = std::mem::take(word);
        while bits != 0 {
            // The lowest byte marked: one competency, a bit per required level met.
            let at = bits.trailing_zeros() & !7;
            let mut levels = (bits >> at) & 0xff;
            bits &= !(0xff << at);
            let c = w * 8 + (at / 8) as usize;
            let mut histogram = [0u32; 6];
            while levels != 0 {
                let level = levels.trailing_zeros() as usize;
                levels &= levels - 1;
                if let Some(count) = counts.get_mut(1 + c * LEVELS + level) {
                    add_histogram(&mut histogram, level, &std::mem::take(count));
                }
            }
            found.push(Found::new(c as u32, histogram));
        }
    }
    // Row 0 took the levels of competencies not required.
    if let Some(row) = counts.first_mut() {
        *row = [0; 8];
    }
    order_found(found, keys, spare);
    // Every key indexes `found`: the rows are written in one exact-length pass.
    out.extend(keys.iter().map(|&k| {
        let f = &found[k as usize];
        StoredRow {
            competency: f.competency,
            histogram: f.histogram,
        }
    }));
}

/// One competency met in a department: its shortfall histogram (`[s]` officers short by `s`
/// levels; each count at most the department's officers, below 2³² as a cohort's are), its
/// officers short and its total shortfall.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Found {
    competency: u32,
    histogram: [u32; 6],
    short: u64,
    total: u64,
}

impl Found {
    /// Competency `competency` with its histogram, and the counts that follow from it.
    #[inline]
    fn new(competency: u32, histogram: [u32; 6]) -> Found {
        let (short, total) = short_and_shortfall(&histogram.map(u64::from));
        Found {
            competency,
            histogram,
            short,
            total,
        }
    }
}

/// Adds the officers of a counter row at required level `required` (0–5) to `histogram`:
/// officers holding level l are short by max(r − l, 0), the officers required who hold
/// none of it by r (as [`histogram`](super::kernel::histogram) says). One arm per required
/// level, so that each level's bucket is a constant and the row is six additions and a
/// subtraction.
#[inline]
fn add_histogram(histogram: &mut [u32; 6], required: usize, counts: &[u32; 8]) {
    match required {
        0 => add_at::<0>(histogram, counts),
        1 => add_at::<1>(histogram, counts),
        2 => add_at::<2>(histogram, counts),
        3 => add_at::<3>(histogram, counts),
        4 => add_at::<4>(histogram, counts),
        _ => add_at::<5>(histogram, counts),
    }
}

/// [`add_histogram`] at required level `R`.
#[inline]
fn add_at<const R: usize>(histogram: &mut [u32; 6], counts: &[u32; 8]) {
    let mut holding = 0u32;
    for level in 0..LEVELS {
        let n = counts[level];
        let bucket = &mut histogram[R.saturating_sub(level)];
        *bucket = bucket.wrapping_add(n);
        holding = holding.wrapping_add(n);
    }
    histogram[R] = histogram[R].wrapping_add(counts[REQUIRED].saturating_sub(holding));
}

/// Sets `order` to the indices in `found` (competencies in index order, each with its
/// counts) of the rows with a count, in the order of the report: total shortfall
/// descending, officers short descending, then index. Each row with a shortfall gets a key
/// holding the complements of its total shortfall and officers short (from the largest of
/// each, so descending becomes ascending) above its index; the keys are built in index
/// order and sorted stably by the bits above the index alone (`spare` the sort's second
/// buffer), so rows of equal counts stay in index order. The rows with a count and no
/// shortfall follow, in index order, without a key. Keys wider than 64 bits are sorted by
/// comparison instead, with the same order.
///
/// # Complexity
/// O(k·b) for k rows and b radix digits of the two counts, O(k log k) beyond 64 bits.
fn order_found(found: &[Found], order: &mut Vec<u64>, spare: &mut Vec<u64>) {
    order.clear();
    let (mut most_total, mut most_short) = (0u64, 0u64);
    for f in found {
        most_total = most_total.max(f.total);
        most_short = most_short.max(f.short);
    }
    let bits = |x: u64| 64 - x.leading_zeros();
    let index_bits = bits(found.len().saturating_sub(1) as u64);
    let short_bits = bits(most_short);
    if index_bits + short_bits + bits(most_total) <= 64 {
        // Rows without any count are left out; rows with a count and no shortfall come
        // last, in index order, so they need no key.
        let mut met = false;
        for (k, f) in found.iter().enumerate() {
            if f.short != 0 {
                let counts = ((most_total - f.total) << short_bits) | (most_short - f.short);
                order.push(counts.checked_shl(index_bits).unwrap_or(0) | k as u64);
            } else {
                met |= f.histogram[0] != 0;
            }
        }
        radix_sort_with(order, index_bits, spare);
        let mask = (1u64 << index_bits) - 1;
        for k in order.iter_mut() {
            *k &= mask;
        }
        if met {
            let met = (found.iter().enumerate())
                .filter(|(_, f)| f.short == 0 && f.histogram[0] != 0)
                .map(|(k, _)| k as u64);
            order.extend(met);
        }
    } else {
        // The counts kept beside each histogram are read per comparison rather than copied
        // beside the indices: this branch (keys wider than 64 bits) then compiles no key
        // type and sort of its own. The index breaks ties, so the order is total.
        let key = |k: u64| {
            let f = &found[k as usize];
            (!f.total, !f.short, k)
        };
        order.extend((0..found.len() as u64).filter(|&k| {
            let f = &found[k as usize];
            u64::from(f.histogram[0]) | f.short != 0
        }));
        crate::model::order::sort_unstable_by(order, |&a, &b| key(a).cmp(&key(b)));
    }
}

#[cfg(test)]
mod tests {
    use super::{Found, add_histogram, order_found};
    use crate::analysis::needs::kernel::{REQUIRED, histogram};
    use crate::analysis::needs::short_and_shortfall;

    /// The report order by its definition: total shortfall descending, officers short
    /// descending, competency index ascending, rows without any count left out.
    fn by_definition(found: &[Found]) -> Vec<u64> {
        let mut rows: Vec<(u64, u64, u64)> = (found.iter().enumerate())
            .filter(|(_, f)| f.histogram.iter().any(|&n| n > 0))
            .map(|(k, f)| {
                let (short, total) = short_and_shortfall(&f.histogram.map(u64::from));
                (total, short, k as u64)
            })
            .collect();
        rows.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        rows.iter().map(|r| r.2).collect()
    }

    #[test]
    fn rows_in_index_order_come_out_in_report_order() {
        let mut next = crate::model::test_rng::below(0x5851_f42d_4c95_7f2d_u64);
        let (mut order, mut spare) = (vec![7], vec![3; 9]);
        // (rows, most officers per histogram bucket): few and many rows, small counts that
        // tie often, counts that need wide digits, and counts beyond 64 bits of key.
        for (rows, most) in [
            (0, 1),
            (1, 0),
            (1, 3),
            (40, 3),
            (700, 20),
            (5_000, 50),
            (13_000, 5_000),
            (300, u64::from(u16::MAX)),
            (300, u64::from(u32::MAX)),
        ] {
            let mut c = 0u32;
            let found: Vec<Found> = (0..rows)
                .map(|_| {
                    c += 1 + next(3) as u32;
                    let mut histogram = [0u32; 6];
                    for n in &mut histogram {
                        // Some buckets empty, and now and then a whole row.
                        *n = if next(3) == 0 {
                            0
                        } else {
                            next(most + 1) as u32
                        };
                    }
                    Found::new(c, histogram)
                })
                .collect();
            order_found(&found, &mut order, &mut spare);
            assert_eq!(order, by_definition(&found), "{rows} rows up to {most}");
        }
    }

    #[test]
    fn a_counter_row_adds_the_histogram_of_its_required_level() {
        let mut next = crate::model::test_rng::below(0x2f0b_3c61_9a57_e10d_u64);
        for required in 0..6u32 {
            for _ in 0..50 {
                let mut counts = [0u32; 8];
                for n in counts.iter_mut().take(6) {
                    *n = next(4) as u32;
                }
                // Officers required: those counted at a level and some holding none, or
                // (against the counts' invariant) fewer than those counted.
                let holding: u32 = counts.iter().take(6).sum();
                counts[REQUIRED] = (holding + next(5) as u32).saturating_sub(next(3) as u32);
                let before = [0; 6].map(|_: u32| next(9) as u32);
                let mut got = before;
                add_histogram(&mut got, required as usize, &counts);
                let (_, h) = histogram(1 + 6 * 11 + required, &counts);
                let want: Vec<u32> = (before.iter().zip(h)).map(|(&a, b)| a + b as u32).collect();
                assert_eq!(got.to_vec(), want, "required {required}, counts {counts:?}");
            }
        }
    }
}
