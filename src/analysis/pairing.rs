//! Officers of two snapshots matched by id: the merge in the id order each cohort keeps,
//! and the order a cohort stores its officers' levels in.

use std::cmp::Ordering;

use crate::Cohort;
use crate::people::held::Levels;

/// An officer of one or both of two cohorts, by index in each.
pub(crate) enum Pairing {
    /// Only in the first cohort.
    OnlyBefore(u32),
    /// Only in the second cohort.
    OnlyAfter(u32),
    /// In both, with the same id.
    Both(u32, u32),
}

/// Visits every officer of `before` and `after` once, matched by id, in id order.
/// `O(n + m)` comparisons of ids, in the id order each cohort keeps; no allocation.
pub(crate) fn pair_by_id(before: &Cohort, after: &Cohort, mut visit: impl FnMut(Pairing)) {
    let (b_len, a_len) = (before.len(), after.len());
    let (mut i, mut j) = (0, 0);
    loop {
        let x = (i < b_len).then(|| nth_by_id(before, i));
        let y = (j < a_len).then(|| nth_by_id(after, j));
        let order = match (x, y) {
            (Some(x), Some(y)) => before.id_str(x).cmp(after.id_str(y)),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => break,
        };
        match (order, x, y) {
            (Ordering::Less, Some(x), _) => {
                visit(Pairing::OnlyBefore(x));
                i += 1;
            }
            (Ordering::Greater, _, Some(y)) => {
                visit(Pairing::OnlyAfter(y));
                j += 1;
            }
            (Ordering::Equal, Some(x), Some(y)) => {
                visit(Pairing::Both(x, y));
                i += 1;
                j += 1;
            }
            _ => break,
        }
    }
}

/// The index of the `k`-th officer of a cohort in id order, from the order the cohort
/// keeps (ids are unique within a cohort), so no call sorts again.
fn nth_by_id(cohort: &Cohort, k: usize) -> u32 {
    cohort.by_id.as_ref().map_or(k as u32, |by_id| by_id[k])
}

/// No officer: the partner of an officer of the first snapshot only.
pub(crate) const NONE: u32 = u32::MAX;

/// The officers of two cohorts matched by id.
pub(crate) struct Partners {
    /// Per officer of the first cohort, its index in the second or [`NONE`]; `None` when
    /// both cohorts hold the same ids in the same order (officer `i` is officer `i`).
    pub(crate) after_of: Option<Vec<u32>>,
    /// Officers of one cohort only, by index, in id order.
    pub(crate) only_before: Vec<u32>,
    pub(crate) only_after: Vec<u32>,
}

impl Partners {
    /// Matches the officers: a comparison of the two id columns when they are the same
    /// (snapshots of one export), else a merge in the id order each cohort keeps.
    pub(crate) fn new(before: &Cohort, after: &Cohort) -> Partners {
        if (&before.id_end, before.id_width) == (&after.id_end, after.id_width)
            && before.ids == after.ids
        {
            return Partners {
                after_of: None,
                only_before: Vec::new(),
                only_after: Vec::new(),
            };
        }
        let mut after_of = vec![NONE; before.len()];
        let (mut only_before, mut only_after) = (Vec::new(), Vec::new());
        pair_by_id(before, after, |pair| match pair {
            Pairing::OnlyBefore(x) => only_before.push(x),
            Pairing::OnlyAfter(y) => only_after.push(y),
            Pairing::Both(x, y) => {
                if let Some(slot) = after_of.get_mut(x as usize) {
                    *slot = y;
                }
            }
        });
        Partners {
            after_of: Some(after_of),
            only_before,
            only_after,
        }
    }
}

/// The officer stored in each slot of `cohort` (the inverse of its slot column), or `None`
/// when officer `s` is in slot `s`.
pub(crate) fn storage_order(cohort: &Cohort) -> Option<Vec<u32>> {
    let slot = cohort.slot.as_ref()?;
    let mut order = vec![0u32; slot.len()];
    for (i, &s) in slot.iter().enumerate() {
        if let Some(o) = order.get_mut(s as usize) {
            *o = i as u32;
        }
    }
    Some(order)
}

/// How the officers of the first cohort, in the order it stores their levels, find
/// themselves in the second.
pub(crate) struct Matching<'a> {
    pub(crate) after: &'a Cohort,
    /// See [`Partners::after_of`].
    pub(crate) partner: Option<&'a [u32]>,
    /// See [`storage_order`]; also `None` when no count needs to know the officer of a slot
    /// (both cohorts hold the same ids in the same slots, nobody moved and nobody completed
    /// a course), and then the officer indices of a [`Block`] are not meaningful.
    pub(crate) order: Option<&'a [u32]>,
    /// Both cohorts hold the same ids in the same order, stored in the same slots: the
    /// second snapshot's levels of slot `s` are its slot `s`, read in place.
    pub(crate) same_slots: bool,
    /// Whether some officer may hold another position in the second snapshot.
    pub(crate) moves: bool,
}

/// A run of consecutive slots of the first cohort, looked up together: per slot the
/// officer in each cohort and the position in the second, and the second snapshot's levels
/// copied one officer after the other. Each step is a short loop of independent reads, so
/// that the processor overlaps their cache misses where the second cohort stores its
/// officers in another order, instead of waiting for one officer's at a time.
#[derive(Default)]
pub(crate) struct Block {
    /// Per slot, the officer in the first cohort and in the second ([`NONE`] when only in
    /// the first).
    pub(crate) officers: Vec<[u32; 2]>,
    /// Per slot, the second snapshot's position of the officer (when [`Matching::moves`]).
    pub(crate) positions: Vec<u32>,
    slots: Vec<u32>,
    levels: Vec<u8>,
    ends: Vec<u32>,
}

impl Block {
    /// Looks up the officers of `slots` (of the first cohort).
    pub(crate) fn fill(&mut self, m: &Matching<'_>, slots: std::ops::Range<usize>) {
        self.officers.clear();
        for s in slots {
            let was = m
                .order
                .map_or(s as u32, |o| o.get(s).copied().unwrap_or(NONE));
            let now = match m.partner {
                Some(p) => p.get(was as usize).copied().unwrap_or(NONE),
                None => was,
            };
            self.officers.push([was, now]);
        }
        self.positions.clear();
        if m.moves {
            let positions = self.officers.iter().map(|&[_, now]| {
                if now < m.after.len() as u32 {
                    m.after.position_of(now)
                } else {
                    u32::MAX
                }
            });
            self.positions.extend(positions);
        }
        if m.same_slots {
            return;
        }
        self.slots.clear();
        (self.slots).extend(self.officers.iter().map(|&[_, now]| m.after.slot_of(now)));
        self.levels.clear();
        self.ends.clear();
        for &slot in &self.slots {
            self.levels
                .extend_from_slice(m.after.held_in(slot).packed());
            self.ends.push((self.levels.len() / 3) as u32);
        }
        // The closing byte of a packed column.
        self.levels.push(0);
    }

    /// The second snapshot's levels of the `k`-th officer of the block (not read in place).
    pub(crate) fn levels(&self, k: usize) -> Levels<'_> {
        let start = k.checked_sub(1).and_then(|j| self.ends.get(j)).copied();
        let end = self.ends.get(k).copied().unwrap_or(0) as usize;
        Levels::of(&self.levels, start.unwrap_or(0) as usize, end)
    }
}
