//! Officers of two snapshots matched by id: the merge in the id order each cohort keeps,
//! and the order a cohort stores its officers' levels in.

use std::cmp::Ordering;

use crate::Cohort;

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
        if before.id_end == after.id_end && before.ids == after.ids {
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
