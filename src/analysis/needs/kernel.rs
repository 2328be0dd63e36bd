//! The counting kernel of training needs: it counts the stored evidence, not every
//! officer–requirement pair.
//!
//! The cohort stores its officers grouped by department and position, each group's held
//! levels one after the other. For a group, every competency its position requires is
//! pointed at the counter row of (competency, required level) in a per-thread table; the
//! group's held levels are then read as one stream, each one lookup of its competency's
//! row and one increment of that row's count at the held level (a competency the position
//! does not require lands in a row nobody reads). As the rows are unpointed, each one's
//! officers required grows by the group's officers (over the whole cohort, by the
//! position's officers in all its groups). The
//! shortfall histogram of a row at required level r follows from its counts: officers
//! holding level l are short by max(r − l, 0), the officers required who hold none of it by
//! r. The work is one step per held level plus two per requirement of each group; scattering each officer's levels and probing each
//! requirement cost two steps per held level and one per officer–requirement pair. Over
//! the whole cohort ([`Framework::count_positions`]) the groups are taken position by
//! position, so each position's requirements are pointed at their rows once for all its
//! groups rather than once per group.

use std::ops::Range;

use super::dense::{Dense, LEVELS, with_dense};
use crate::model::framework::Req;
use crate::people::held::Levels;
use crate::{Cohort, Framework};
/// The slot of a counter row that counts the officers required; slots 0–5 count officers
/// by held level (a held level is at most 5, [`Level::MAX`](crate::Level::MAX)).
pub(super) const REQUIRED: usize = 7;

/// What one count found: per competency met, its shortfall histogram (`[s]` officers short
/// by `s` levels), in the order first met.
pub(super) struct Tally {
    /// `(competency, histogram)`, each competency once.
    pub(super) hists: Vec<(u32, [u64; 6])>,
    /// Officers counted.
    pub(super) officers: u64,
    /// Officer–requirement pairs counted.
    pub(super) pairs: u64,
}

/// Adds up `items` (competency, histogram) per competency, in the order competencies are
/// first met, with `slot` (per competency, all [`Dense::FREE`], and left so) to find each
/// competency's entry: the cost follows the items, not the framework's competencies.
pub(super) fn fold(
    slot: &mut [u32],
    items: impl Iterator<Item = (u32, [u64; 6])>,
    capacity: usize,
) -> Vec<(u32, [u64; 6])> {
    let mut hists: Vec<(u32, [u64; 6])> = Vec::with_capacity(capacity);
    for (c, histogram) in items {
        let Some(at) = slot.get_mut(c as usize) else {
            continue;
        };
        if *at == Dense::FREE {
            *at = hists.len() as u32;
            hists.push((c, [0; 6]));
        }
        if let Some((_, h)) = hists.get_mut(*at as usize) {
            for s in 0..6 {
                h[s] += histogram[s];
            }
        }
    }
    for &(c, _) in &hists {
        if let Some(at) = slot.get_mut(c as usize) {
            *at = Dense::FREE;
        }
    }
    hists
}

/// The competency of a counter row and the shortfall histogram of its counts: officers
/// holding level l against a requirement at level r are short by max(r − l, 0), the
/// officers required who hold none of it by r.
pub(super) fn histogram(row: u32, counts: &[u32; 8]) -> (u32, [u64; 6]) {
    let row = row.saturating_sub(1) as usize;
    let (competency, required) = (row / LEVELS, (row % LEVELS) as u8);
    let mut h = [0u64; 6];
    let mut holding = 0u32;
    for (level, &n) in counts.iter().take(LEVELS).enumerate() {
        h[shortfall(required, level as u8)] += u64::from(n);
        holding += n;
    }
    h[shortfall(required, 0)] += u64::from(counts[REQUIRED].saturating_sub(holding));
    (competency as u32, h)
}

/// The histogram bucket of an officer at level `held` against a requirement at `required`.
pub(super) fn shortfall(required: u8, held: u8) -> usize {
    usize::from(required.saturating_sub(held).min(5))
}

impl Framework {
    /// Counts the officers in `slots` (a range of the cohort's storage order), group by
    /// group in storage order, so held levels stream from memory while the rows of a
    /// group's requirements stay in cache. No per-officer work beyond its held levels, no
    /// hashing, and no allocation but the tally returned.
    ///
    /// # Complexity
    /// O(H + g·r + m) for H held levels of the officers in `slots`, g groups of them, r
    /// requirements per position and m (competency, required level) rows met, folded per
    /// competency; the first use on a thread fills its tables, O(c) for c competencies.
    pub(super) fn count(&self, cohort: &Cohort, slots: Range<usize>) -> Tally {
        self.tally(|dense| self.count_with(cohort, slots, dense))
    }

    /// Counts the officers of the groups `cohort.by_position[order]`, position by position:
    /// each position's requirements are pointed at their rows once for all its groups
    /// (across departments), and its rows stay in cache while their levels are counted.
    /// `order` should start and end where the position changes (see
    /// [`position_bounds`]); a position split between two calls is counted right, only
    /// pointed twice.
    ///
    /// # Complexity
    /// O(H + p·r + m) for H held levels of the groups counted, p positions met, r
    /// requirements per position and m rows met; the first use on a thread fills its
    /// tables, O(c) for c competencies.
    pub(super) fn count_positions(&self, cohort: &Cohort, order: Range<usize>) -> Tally {
        let order = cohort.by_position.get(order).unwrap_or(&[]);
        self.tally(|dense| self.count_positions_with(cohort, order, dense))
    }

    /// Runs `count` (which leaves its counts in the rows `dense.touched` lists and row 0)
    /// with this thread's tables, and folds the rows it touched per competency, leaving
    /// the tables at rest.
    fn tally(&self, count: impl FnOnce(&mut Dense) -> (u64, u64)) -> Tally {
        with_dense(self.competencies.len(), |dense| {
            let (officers, pairs) = count(dense);
            let Dense {
                counts,
                touched,
                slot,
                ..
            } = dense;
            let rows = touched.iter().map(|&row| {
                let counts = counts.get_mut(row as usize).map(std::mem::take);
                histogram(row, &counts.unwrap_or_default())
            });
            let capacity = touched.len().min(self.competencies.len());
            let hists = fold(slot, rows, capacity);
            touched.clear();
            // Row 0 took the levels of competencies not required.
            if let Some(row) = counts.first_mut() {
                *row = [0; 8];
            }
            Tally {
                hists,
                officers,
                pairs,
            }
        })
    }

    /// [`Framework::count_positions`] with this thread's tables; leaves the counts in the
    /// rows listed in `dense.touched` and row 0, the other tables at rest.
    fn count_positions_with(
        &self,
        cohort: &Cohort,
        order: &[u32],
        dense: &mut Dense,
    ) -> (u64, u64) {
        let Dense {
            row: rows,
            counts,
            touched,
            ..
        } = dense;
        let (mut officers, mut pairs) = (0u64, 0u64);
        let group = |k: usize| {
            let g = *order.get(k)? as usize;
            let this = cohort.groups.get(g)?;
            let end = (cohort.groups.get(g + 1)).map_or(cohort.len(), |next| next.start as usize);
            Some((this.position, this.start as usize..end))
        };
        let mut k = 0;
        while let Some((position, _)) = group(k) {
            let reqs = self
                .reqs
                .get(self.position_reqs_range(position))
                .unwrap_or(&[]);
            for r in reqs {
                if let Some(slot) = rows.get_mut(r.competency as usize) {
                    *slot = row_of(*r);
                }
            }
            let mut n = 0usize;
            while let Some((_, slots)) = group(k).filter(|(p, _)| *p == position) {
                n += slots.len();
                count_levels(cohort.held_in_slots(slots), rows, counts);
                k += 1;
            }
            for r in reqs {
                if let Some(slot) = rows.get_mut(r.competency as usize) {
                    *slot = 0;
                }
                let row = row_of(*r);
                if let Some(count) = counts.get_mut(row as usize) {
                    if count[REQUIRED] == 0 {
                        touched.push(row);
                    }
                    count[REQUIRED] += n as u32;
                }
            }
            officers += n as u64;
            pairs += (n * reqs.len()) as u64;
        }
        (officers, pairs)
    }

    /// [`Framework::count`] with this thread's tables; leaves the counts in the rows listed
    /// in `dense.touched` and row 0, the other tables at rest. Each group's officers are
    /// added to the officers required of its position's rows as the rows are unpointed
    /// (a department holds one group per position, so that is once per position met).
    fn count_with(&self, cohort: &Cohort, slots: Range<usize>, dense: &mut Dense) -> (u64, u64) {
        let Dense {
            row: rows,
            counts,
            touched,
            ..
        } = dense;
        let (mut officers, mut pairs) = (0u64, 0u64);
        for (this, range) in cohort.groups_in(slots) {
            let n = range.len();
            let reqs = self
                .reqs
                .get(self.position_reqs_range(this.position))
                .unwrap_or(&[]);
            for r in reqs {
                if let Some(slot) = rows.get_mut(r.competency as usize) {
                    *slot = row_of(*r);
                }
            }
            count_levels(cohort.held_in_slots(range), rows, counts);
            for r in reqs {
                if let Some(slot) = rows.get_mut(r.competency as usize) {
                    *slot = 0;
                }
                let row = row_of(*r);
                if let Some(count) = counts.get_mut(row as usize) {
                    if count[REQUIRED] == 0 {
                        touched.push(row);
                    }
                    count[REQUIRED] += n as u32;
                }
            }
            officers += n as u64;
            pairs += (n * reqs.len()) as u64;
        }
        (officers, pairs)
    }
}

/// The counter row of a requirement: `1 + competency · 6 + level`.
pub(super) fn row_of(r: Req) -> u32 {
    1 + r.competency * LEVELS as u32 + u32::from(r.level.min(5))
}

/// The inner loop: per held level (`competency << 3 | level`), one lookup of the
/// competency's counter row and one increment.
#[inline]
pub(super) fn count_levels(held: Levels, rows: &[u32], counts: &mut [[u32; 8]]) {
    for x in held {
        let row = rows.get((x >> 3) as usize).copied().unwrap_or(0);
        if let Some(count) = counts.get_mut(row as usize) {
            count[(x & 7) as usize] += 1;
        }
    }
}

/// The start of the position that `k` falls in, within `cohort.by_position`: where a
/// count by positions should begin or end so that no position is split.
pub(super) fn position_bounds(cohort: &Cohort, k: usize) -> usize {
    let order = &cohort.by_position;
    let position = |k: usize| {
        let g = *order.get(k)? as usize;
        cohort.groups.get(g).map(|g| g.position)
    };
    let Some(p) = position(k) else {
        return k.min(order.len());
    };
    // Positions are sorted along `order`: the first index of `p` at or before `k`.
    order[..k].partition_point(|&g| {
        cohort
            .groups
            .get(g as usize)
            .is_some_and(|g| g.position < p)
    })
}
