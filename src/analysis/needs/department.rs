//! One department's training needs straight to its report: the row kernel's counter rows
//! read back in competency order, so the report order needs a stable sort on the counts
//! alone.
//!
//! [`Framework::count`] lists the counter rows it touches in the order it meets them, so
//! its tally must be folded per competency through a slot table and then sorted on keys
//! that carry the competency index. Here the rows a count touches are marked in a bitmap
//! over the counter rows instead (one `or` per requirement of a group, no branch). A
//! competency's rows are adjacent (`1 + competency · 6 + level`), so reading the marks in
//! order gives each competency's histogram in one run, competencies in index order, with
//! no slot table; the report order (total shortfall descending, officers short
//! descending, index ascending) is then a stable radix sort on the two counts, which fit
//! in fewer bits than keys holding the index as well. Each department's rows are built
//! once, in their final order.

use std::ops::Range;

use super::dense::{Dense, with_dense};
use super::kernel::{REQUIRED, count_levels, histogram, row_of};
use super::{NeedRow, TrainingNeeds, need_row, radix_sort_from, short_and_shortfall};
use crate::{Cohort, Framework};

/// What one department's count leaves besides its report: the buffers of a sequence of
/// departments, reused from one to the next.
#[derive(Default)]
pub(super) struct Scratch {
    /// Per competency met, in index order: `(competency, histogram)`.
    found: Vec<(u32, [u64; 6])>,
    /// One sort key per row of the report (see [`order_found`]).
    keys: Vec<u64>,
    /// Per requirement of the framework (its `reqs`, in order), `competency | row << 32`
    /// for its counter row (see [`row_of`]): filled on first use, so that pointing a
    /// group's requirements at their rows reads one word each.
    pointers: Vec<u64>,
}

impl Framework {
    /// The training needs of the officers in `slots` (one department's groups, a range of
    /// the cohort's storage order), counted by the row kernel, with the rows in the order
    /// of the report. The same report as [`Framework::count`] and its fold and sort give.
    ///
    /// # Complexity
    /// O(H + g·r + w + m + k·b) for H held levels of the officers in `slots`, g groups of
    /// them, r requirements per position, w = 6c/64 words of marks for c competencies of
    /// the framework, m (competency, required level) rows met, k rows returned and b radix
    /// digits of the two counts (b ≤ 3 up to about 2²¹ officers); the first use on a
    /// thread fills its tables, O(c).
    pub(super) fn department_needs(
        &self,
        cohort: &Cohort,
        slots: Range<usize>,
        scratch: &mut Scratch,
    ) -> TrainingNeeds<'_> {
        if scratch.pointers.len() != self.reqs.len() {
            scratch.pointers = (self.reqs.iter())
                .map(|&r| u64::from(r.competency) | u64::from(row_of(r)) << 32)
                .collect();
        }
        with_dense(self.competencies.len(), |dense| {
            let (officers, pairs) = self.count_marked(cohort, slots, &scratch.pointers, dense);
            let rows = self.department_rows(dense, scratch);
            TrainingNeeds {
                officers,
                pairs,
                rows,
            }
        })
    }

    /// [`Framework::count_with`] marking each row it touches in `dense.marks` rather than
    /// listing it: leaves the counts in the marked rows and row 0.
    fn count_marked(
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
                if let Some(word) = marks.get_mut(row / 64) {
                    *word |= 1 << (row % 64);
                }
            }
            officers += n as u64;
            pairs += (n * reqs.len()) as u64;
        }
        (officers, pairs)
    }

    /// The report's rows from the marked counter rows, leaving the tables at rest: the
    /// marks read in order (competencies ascending, each one's rows together) give each
    /// competency's histogram in index order, [`order_found`] puts them in the order of
    /// the report, and each row is built once, in its place.
    fn department_rows(&self, dense: &mut Dense, scratch: &mut Scratch) -> Vec<NeedRow<'_>> {
        let Dense { counts, marks, .. } = dense;
        let Scratch { found, keys, .. } = scratch;
        found.clear();
        for (w, word) in marks.iter_mut().enumerate() {
            let mut bits = std::mem::take(word);
            while bits != 0 {
                let row = w * 64 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                let Some(count) = counts.get_mut(row) else {
                    continue;
                };
                let (c, h) = histogram(row as u32, &std::mem::take(count));
                match found.last_mut() {
                    Some((last, sum)) if *last == c => {
                        for s in 0..6 {
                            sum[s] += h[s];
                        }
                    }
                    _ => found.push((c, h)),
                }
            }
        }
        // Row 0 took the levels of competencies not required.
        if let Some(row) = counts.first_mut() {
            *row = [0; 8];
        }
        order_found(found, keys);
        let mut rows = Vec::with_capacity(keys.len());
        rows.extend(keys.iter().filter_map(|&k| {
            let &(c, h) = found.get(k as usize)?;
            need_row(self, c, h)
        }));
        rows
    }
}

/// Sets `order` to the indices in `found` (competencies in index order, each with its
/// histogram) of the rows with a count, in the order of the report: total shortfall
/// descending, officers short descending, then index. Each row's key holds the complements
/// of its total shortfall and officers short (from the largest of each, so descending
/// becomes ascending) above its index; the keys are built in index order and sorted
/// stably by the bits above the index alone, so rows of equal counts stay in index order.
/// Keys wider than 64 bits are sorted by comparison instead, with the same order.
///
/// # Complexity
/// O(k·b) for k rows and b radix digits of the two counts, O(k log k) beyond 64 bits.
fn order_found(found: &[(u32, [u64; 6])], order: &mut Vec<u64>) {
    order.clear();
    let (mut most_total, mut most_short) = (0u64, 0u64);
    for (_, h) in found {
        let (short, total) = short_and_shortfall(h);
        most_total = most_total.max(total);
        most_short = most_short.max(short);
    }
    let bits = |x: u64| 64 - x.leading_zeros();
    let index_bits = bits(found.len().saturating_sub(1) as u64);
    let short_bits = bits(most_short);
    if index_bits + short_bits + bits(most_total) <= 64 {
        for (k, (_, h)) in found.iter().enumerate() {
            let (short, total) = short_and_shortfall(h);
            // Rows without any count are left out.
            if h[0] | short != 0 {
                let counts = ((most_total - total) << short_bits) | (most_short - short);
                order.push(counts.checked_shl(index_bits).unwrap_or(0) | k as u64);
            }
        }
        radix_sort_from(order, index_bits);
        let mask = (1u64 << index_bits) - 1;
        for k in order.iter_mut() {
            *k &= mask;
        }
    } else {
        // The counts read again per comparison rather than kept beside the indices: this
        // branch (keys wider than 64 bits) then compiles no key type and sort of its own.
        // The index breaks ties, so the order is total.
        let key = |k: u64| {
            let (short, total) = short_and_shortfall(&found[k as usize].1);
            (!total, !short, k)
        };
        order.extend((0..found.len() as u64).filter(|&k| {
            let h = &found[k as usize].1;
            h[0] | short_and_shortfall(h).0 != 0
        }));
        crate::model::order::sort_unstable_by(order, |&a, &b| key(a).cmp(&key(b)));
    }
}

#[cfg(test)]
mod tests {
    use super::order_found;
    use crate::analysis::needs::short_and_shortfall;

    /// The report order by its definition: total shortfall descending, officers short
    /// descending, competency index ascending, rows without any count left out.
    fn by_definition(found: &[(u32, [u64; 6])]) -> Vec<u64> {
        let mut rows: Vec<(u64, u64, u64)> = (found.iter().enumerate())
            .filter(|(_, (_, h))| h.iter().any(|&n| n > 0))
            .map(|(k, (_, h))| {
                let (short, total) = short_and_shortfall(h);
                (total, short, k as u64)
            })
            .collect();
        rows.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        rows.iter().map(|r| r.2).collect()
    }

    #[test]
    fn rows_in_index_order_come_out_in_report_order() {
        let mut next = crate::model::test_rng::below(0x5851_f42d_4c95_7f2d_u64);
        let mut order = vec![7];
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
            (300, u64::from(u32::MAX)),
            (300, 1 << 40),
        ] {
            let mut c = 0u32;
            let found: Vec<(u32, [u64; 6])> = (0..rows)
                .map(|_| {
                    c += 1 + next(3) as u32;
                    let mut h = [0u64; 6];
                    for n in &mut h {
                        // Some buckets empty, and now and then a whole row.
                        *n = if next(3) == 0 { 0 } else { next(most + 1) };
                    }
                    (c, h)
                })
                .collect();
            order_found(&found, &mut order);
            assert_eq!(order, by_definition(&found), "{rows} rows up to {most}");
        }
    }
}
