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
//! is then two stable counting passes on the two counts, whose ranges are at most the
//! department's officers and five times them, with no key holding the index. Each
//! department's rows are stored once, in their final place.

use std::ops::Range;

use super::by_department::StoredRow;
use super::dense::{Dense, LEVELS, with_dense};
use super::kernel::{REQUIRED, count_levels, row_of};
use super::short_and_shortfall;
use crate::{Cohort, Framework};

/// What one department's count leaves besides its report: the buffers of a sequence of
/// departments, reused from one to the next.
#[derive(Default)]
pub(super) struct Scratch {
    /// The department's rows on their way into the report order.
    ordered: Ordered,
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
    /// O(H + g·r + w + m + k + s + t) for H held levels of the officers in `slots`, g
    /// groups of them, r requirements per position, w = c/512 summary words for c
    /// competencies of the framework, m (competency, required level) rows met, k rows
    /// returned, and s and t the largest officers short and total shortfall of a row (at
    /// most the officers counted and five times them); the first use on a thread fills its
    /// tables, O(c).
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
            department_rows(dense, scratch, summary, officers, out);
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
/// its required level (see [`add_histogram`]); [`Ordered::append`] puts them in the order
/// of the report, each row stored once, in its place. A department's rows count at most
/// its `officers`.
fn department_rows(
    dense: &mut Dense,
    scratch: &mut Scratch,
    summary: bool,
    officers: u64,
    out: &mut Vec<StoredRow>,
) {
    let Dense {
        counts,
        marks,
        marked,
        ..
    } = dense;
    let ordered = &mut scratch.ordered;
    ordered.clear();
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
            ordered.push(StoredRow {
                competency: c as u32,
                histogram,
            });
        }
    }
    // Row 0 took the levels of competencies not required.
    if let Some(row) = counts.first_mut() {
        *row = [0; 8];
    }
    ordered.append(officers, out);
}

/// One department's rows on their way into the report order: pushed in index order, each
/// row with a shortfall kept with its two counts, the others apart; then counted in a
/// table per count and placed by two stable counting passes, officers short first and
/// total shortfall last, so that rows of equal counts stay in index order. The tables'
/// lengths follow the largest counts met, at most the department's officers (officers
/// short) and five times them (total shortfall): no digit passes, no comparisons.
#[derive(Default)]
pub(super) struct Ordered {
    /// Rows with a shortfall, in index order.
    short: Vec<StoredRow>,
    /// Per row of `short`: its officers short and its total shortfall.
    keys: Vec<(u32, u32)>,
    /// Rows with a count and no shortfall, in index order: they come last.
    met: Vec<StoredRow>,
    /// Per officers short, the rows of `short` with that count, then where they start;
    /// all zero between departments.
    by_short: Vec<u32>,
    /// The same per total shortfall.
    by_total: Vec<u32>,
    /// The rows of `short` ordered by officers short (descending, then index).
    order: Vec<u32>,
    /// The largest officers short and total shortfall pushed.
    most: (u32, u32),
}

impl Ordered {
    /// Forgets the rows pushed (the tables are at rest between departments).
    fn clear(&mut self) {
        self.short.clear();
        self.keys.clear();
        self.met.clear();
        self.most = (0, 0);
    }

    /// Adds the next row in index order (a row without any count is left out).
    #[inline]
    fn push(&mut self, row: StoredRow) {
        let [met, one, two, three, four, five] = row.histogram.map(u64::from);
        let short = one + two + three + four + five;
        let total = one + 2 * two + 3 * three + 4 * four + 5 * five;
        if short == 0 {
            if met != 0 {
                self.met.push(row);
            }
            return;
        }
        // Counts beyond 32 bits (a department of more than 858 million officers) give
        // a key the tables would not hold: such rows take the comparison in `append`.
        let key = (
            u32::try_from(short).unwrap_or(u32::MAX),
            u32::try_from(total).unwrap_or(u32::MAX),
        );
        self.short.push(row);
        self.keys.push(key);
        self.most = (self.most.0.max(key.0), self.most.1.max(key.1));
    }

    /// Appends the rows pushed to `out` in the order of the report: total shortfall
    /// descending, officers short descending, index ascending; rows without shortfall
    /// last, in index order. `officers` bounds the counts of a row (its histogram adds up
    /// to at most the department's officers); rows beyond it are ordered by comparison,
    /// in the same order, rather than grow the tables past it.
    ///
    /// # Complexity
    /// O(k + s + t) for k rows, s the largest officers short and t the largest total
    /// shortfall (s ≤ t ≤ 5·officers), O(k log k) beyond the bound.
    fn append(&mut self, officers: u64, out: &mut Vec<StoredRow>) {
        let (most_short, most_total) = self.most;
        let within = u64::from(most_total) <= officers.saturating_mul(5)
            && u64::from(most_short) <= officers
            && most_total < u32::MAX;
        if !within {
            // The counts from the histograms again: the keys may be cut at 32 bits.
            let rows = &self.short;
            self.order.clear();
            self.order.extend(0..rows.len() as u32);
            let key = |k: u32| {
                let (short, total) =
                    short_and_shortfall(&rows[k as usize].histogram.map(u64::from));
                (!total, !short, k)
            };
            crate::model::order::sort_unstable_by(&mut self.order, |&a, &b| key(a).cmp(&key(b)));
            out.extend(self.order.iter().map(|&k| self.short[k as usize]));
            out.extend_from_slice(&self.met);
            return;
        }
        let (short_len, total_len) = (most_short as usize + 1, most_total as usize + 1);
        if self.by_short.len() < short_len {
            self.by_short.resize(short_len, 0);
        }
        if self.by_total.len() < total_len {
            self.by_total.resize(total_len, 0);
        }
        let by_short = &mut self.by_short[..short_len];
        let by_total = &mut self.by_total[..total_len];
        for &(short, total) in &self.keys {
            by_short[short as usize] += 1;
            by_total[total as usize] += 1;
        }
        starts_descending(by_short);
        starts_descending(by_total);
        // By officers short, then (stable) by total shortfall: the last pass decides.
        self.order.clear();
        self.order.resize(self.keys.len(), 0);
        for (k, &(short, _)) in self.keys.iter().enumerate() {
            let at = &mut by_short[short as usize];
            self.order[*at as usize] = k as u32;
            *at += 1;
        }
        let base = out.len();
        out.resize(base + self.short.len(), StoredRow::default());
        let placed = &mut out[base..];
        for &k in &self.order {
            let at = &mut by_total[self.keys[k as usize].1 as usize];
            placed[*at as usize] = self.short[k as usize];
            *at += 1;
        }
        by_short.fill(0);
        by_total.fill(0);
        out.extend_from_slice(&self.met);
    }
}

/// Turns counts per key into where each key's rows start when larger keys come first.
#[inline]
fn starts_descending(counts: &mut [u32]) {
    let mut at = 0;
    for n in counts.iter_mut().rev() {
        let here = *n;
        *n = at;
        at += here;
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

#[cfg(test)]
mod tests {
    use super::{Ordered, StoredRow, add_histogram};
    use crate::analysis::needs::kernel::{REQUIRED, histogram};
    use crate::analysis::needs::short_and_shortfall;

    /// The report order by its definition: total shortfall descending, officers short
    /// descending, competency index ascending, rows without any count left out.
    fn by_definition(rows: &[StoredRow]) -> Vec<StoredRow> {
        let mut keyed: Vec<(u64, u64, StoredRow)> = (rows.iter())
            .filter(|r| r.histogram.iter().any(|&n| n > 0))
            .map(|r| {
                let (short, total) = short_and_shortfall(&r.histogram.map(u64::from));
                (total, short, *r)
            })
            .collect();
        keyed.sort_by(|a, b| {
            (b.0.cmp(&a.0))
                .then(b.1.cmp(&a.1))
                .then(a.2.competency.cmp(&b.2.competency))
        });
        keyed.iter().map(|r| r.2).collect()
    }

    #[test]
    fn rows_in_index_order_come_out_in_report_order() {
        let mut next = crate::model::test_rng::below(0x5851_f42d_4c95_7f2d_u64);
        // One table for every case, as for a thread's departments: each case must leave
        // it at rest for the next.
        let mut ordered = Ordered::default();
        // (rows, most officers per histogram bucket): few and many rows, small counts that
        // tie often, large counts, and counts beyond 32 bits of key.
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
            let found: Vec<StoredRow> = (0..rows)
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
                    StoredRow {
                        competency: c,
                        histogram,
                    }
                })
                .collect();
            let want = by_definition(&found);
            // The officers a row can count at most (its histogram's sum), then a bound
            // some row exceeds: the same order by comparison.
            let officers = (found.iter())
                .map(|r| r.histogram.iter().map(|&n| u64::from(n)).sum::<u64>())
                .max()
                .unwrap_or(0);
            for bound in [officers, officers / 2] {
                ordered.clear();
                for &row in &found {
                    ordered.push(row);
                }
                let mut out = vec![StoredRow::default(); 2];
                ordered.append(bound, &mut out);
                assert_eq!(out[2..], want, "{rows} rows up to {most}, bound {bound}");
            }
        }
        assert!(
            ordered
                .by_short
                .iter()
                .chain(&ordered.by_total)
                .all(|&n| n == 0)
        );
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
