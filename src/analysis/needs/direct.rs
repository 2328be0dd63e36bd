//! Counting few officers pair by pair: each officer's held levels merged with their
//! position's requirements.
//!
//! The row kernel ([`Framework::count`]) pays per position met for pointing its
//! requirements at counter rows, and per (competency, required level) row met for turning
//! the row's counts into a histogram; that is cheap when a position's officers are many and
//! dear when they are few (a team, a small department), where each officer's ~40
//! requirements would each become a row. Here each officer–requirement pair costs one
//! step of a merge (both lists are sorted by competency) and one count in its competency's
//! histogram, with nothing per row. [`prefer_pairs`] chooses between the two by their
//! expected work; both give the same tally.

use std::ops::Range;

use super::dense::{Dense, with_dense};
use super::kernel::{Tally, shortfall};
use crate::{Cohort, Framework};

/// Officers per position met below which counting pair by pair is expected to be cheaper
/// than the row kernel. Under callgrind on ESCO, a pair costs some 30 instructions counted
/// directly (one merge step and one histogram count), about 1,300 per officer of 41
/// requirements; the row kernel spends about 5 per held level (some 115 per officer) but
/// per position met some 740 pointing its requirements at rows and back, plus about 60 for
/// each of up to 41 rows it turns into a histogram: break-even near 2.6 officers per
/// position, so pairs only below 2.
const PAIRS_BELOW: usize = 2;

/// Whether `officers` officers in `positions` positions met are better counted pair by
/// pair than by the row kernel.
pub(super) fn prefer_pairs(officers: usize, positions: usize) -> bool {
    officers < PAIRS_BELOW.saturating_mul(positions)
}

impl Framework {
    /// Counts the officers in `slots` (a range of the cohort's storage order) pair by pair:
    /// each officer's held levels merged with their position's requirements, each pair's
    /// shortfall counted in its competency's histogram. No allocation but the tally
    /// returned.
    ///
    /// # Complexity
    /// O(H + P + k) for H held levels of the officers in `slots`, P officer–requirement
    /// pairs and k competencies met; the first use on a thread fills its tables, O(c) for
    /// c competencies.
    pub(super) fn count_pairs(&self, cohort: &Cohort, slots: Range<usize>) -> Tally {
        with_dense(self.competencies.len(), |dense| {
            let Dense { slot: index, .. } = dense;
            let mut hists: Vec<(u32, [u64; 6])> =
                Vec::with_capacity(self.requirements_met(cohort, &slots));
            let (mut officers, mut pairs) = (0u64, 0u64);
            for (this, range) in cohort.groups_in(slots.clone()) {
                let reqs = self
                    .reqs
                    .get(self.position_reqs_range(this.position))
                    .unwrap_or(&[]);
                for s in range.clone() {
                    let held = cohort.held_in(s as u32);
                    let mut h = 0;
                    for r in reqs {
                        // Both lists are sorted by competency: skip what is held but not
                        // required, then read the level held of this one (0 when none).
                        while held.get(h).is_some_and(|x| x >> 3 < r.competency) {
                            h += 1;
                        }
                        let level = match held.get(h) {
                            Some(x) if x >> 3 == r.competency => (x & 7) as u8,
                            _ => 0,
                        };
                        let Some(at) = index.get_mut(r.competency as usize) else {
                            continue;
                        };
                        if *at == Dense::FREE {
                            *at = hists.len() as u32;
                            hists.push((r.competency, [0; 6]));
                        }
                        if let Some((_, counts)) = hists.get_mut(*at as usize) {
                            counts[shortfall(r.level, level)] += 1;
                        }
                    }
                }
                let n = range.len();
                officers += n as u64;
                pairs += (n * reqs.len()) as u64;
            }
            for &(c, _) in &hists {
                if let Some(at) = index.get_mut(c as usize) {
                    *at = Dense::FREE;
                }
            }
            Tally {
                hists,
                officers,
                pairs,
            }
        })
    }

    /// An upper bound on the competencies the officers in `slots` are required to have:
    /// the requirements of each group's position, at most the framework's competencies.
    fn requirements_met(&self, cohort: &Cohort, slots: &Range<usize>) -> usize {
        let first = (cohort.groups)
            .partition_point(|g| g.start as usize <= slots.start)
            .saturating_sub(1);
        let groups = (cohort.groups.get(first..)).unwrap_or(&[]);
        let within = groups.iter().take_while(|g| (g.start as usize) < slots.end);
        let sum: usize = within
            .map(|g| self.position_reqs_range(g.position).len())
            .sum();
        sum.min(self.competencies.len())
    }
}
