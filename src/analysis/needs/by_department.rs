//! The training needs of every department of a cohort in one compact store.
//!
//! A report per department as a `Vec` of [`NeedRow`]s costs 112 bytes a row in fresh
//! memory, and a cohort spread over thousands of departments has millions of rows: writing
//! them cost more than counting them. Here every department's rows sit in one vector of
//! 28-byte rows (a competency index and the six-bucket histogram), each department a range
//! of it; officers required, officers short, total and mean shortfall follow from the
//! histogram, and ids, names and types from the framework, when a row is read.

use serde::Serialize;
use serde::ser::{SerializeSeq, SerializeStruct};

use super::rows::{NeedRow, TrainingNeeds, mean_shortfall, short_and_shortfall};
use crate::{DepartmentId, Framework};

/// One row of the store: a competency (its index in the framework) and its histogram.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct StoredRow {
    pub(super) competency: u32,
    /// Officers short by `s` levels at `[s]`: a cohort holds fewer than 2³² officers (it
    /// refuses more), so every count fits.
    pub(super) histogram: [u32; 6],
}

impl StoredRow {
    /// The row of competency `c` with histogram `h`, each count below 2³² (a department's
    /// officers; see [`StoredRow::histogram`]).
    #[inline]
    pub(super) fn new(c: u32, h: &[u64; 6]) -> StoredRow {
        StoredRow {
            competency: c,
            histogram: h.map(|n| u32::try_from(n).unwrap_or(u32::MAX)),
        }
    }
}

/// One department's entry: its id, its counts and where its rows end in the store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Entry {
    pub(super) department: DepartmentId,
    pub(super) officers: u64,
    pub(super) pairs: u64,
    pub(super) end: usize,
}

/// The training needs of each department of a cohort, as
/// [`Framework::training_needs_by_department`] returns them: one [`DepartmentNeeds`] per
/// department, in department id order, all their rows kept in one compact store.
///
/// Each row is stored as a competency index and its six-bucket shortfall histogram (28
/// bytes); a [`NeedRow`] is built from it, with the framework's id, name and type and
/// the counts that follow from the histogram, when it is read: O(1) per row, no
/// allocation.
///
/// # Properties
/// - Each department's rows are those of [`Framework::training_needs`] with
///   [`NeedsOptions::department`](crate::NeedsOptions::department) set to it, in the
///   same order, with the same officers and pairs counted.
/// - Serialized, it is a sequence of `[department, needs]` pairs, `needs` as a
///   [`TrainingNeeds`] serializes (`officers`, `pairs`, `rows`).
/// - Two values are equal when they list the same departments with equal rows.
#[derive(Clone)]
pub struct NeedsByDepartment<'f> {
    pub(super) framework: &'f Framework,
    pub(super) entries: Vec<Entry>,
    pub(super) rows: Vec<StoredRow>,
}

/// The training needs of one department, read from a [`NeedsByDepartment`]: what
/// [`TrainingNeeds`] holds, its rows built as they are read.
#[derive(Clone, Copy)]
pub struct DepartmentNeeds<'a, 'f> {
    framework: &'f Framework,
    entry: &'a Entry,
    rows: &'a [StoredRow],
}

impl<'f> NeedsByDepartment<'f> {
    /// How many departments it holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether it holds no department.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The rows of every department together.
    pub fn total_rows(&self) -> usize {
        self.rows.len()
    }

    /// The department at `index` (0 is the first in id order), if there is one.
    ///
    /// # Complexity
    /// O(1).
    pub fn get(&self, index: usize) -> Option<DepartmentNeeds<'_, 'f>> {
        (index < self.entries.len()).then(|| self.at(index))
    }

    /// The department at `index`, below [`NeedsByDepartment::len`]: the entries' ends
    /// rise and the last is the store's length, so its rows are in the store.
    fn at(&self, index: usize) -> DepartmentNeeds<'_, 'f> {
        let entry = &self.entries[index];
        let start = index.checked_sub(1).map_or(0, |i| self.entries[i].end);
        DepartmentNeeds {
            framework: self.framework,
            entry,
            rows: &self.rows[start..entry.end],
        }
    }

    /// The department `department`, if it is one of the cohort's (with
    /// [`NeedsOptions::department`](crate::NeedsOptions::department), the one asked for).
    ///
    /// # Complexity
    /// O(log d) for d departments.
    pub fn department(&self, department: &str) -> Option<DepartmentNeeds<'_, 'f>> {
        let index = (self.entries)
            .binary_search_by(|e| e.department.as_str().cmp(department))
            .ok()?;
        self.get(index)
    }

    /// Every department, in id order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = DepartmentNeeds<'_, 'f>> + '_ {
        (0..self.entries.len()).map(|k| self.at(k))
    }

    /// Every department's id and training needs as a [`TrainingNeeds`] of its own, in id
    /// order.
    ///
    /// # Complexity
    /// O(d + k) time and memory for d departments and k rows in all (a [`NeedRow`] is 112
    /// bytes on 64-bit targets, a stored row 28).
    pub fn to_vec(&self) -> Vec<(DepartmentId, TrainingNeeds<'f>)> {
        (self.iter())
            .map(|d| (d.department().clone(), d.to_training_needs()))
            .collect()
    }
}

impl<'a, 'f> DepartmentNeeds<'a, 'f> {
    /// The department.
    pub fn department(&self) -> &'a DepartmentId {
        &self.entry.department
    }

    /// Officers counted.
    pub fn officers(&self) -> u64 {
        self.entry.officers
    }

    /// Officer–requirement pairs examined.
    pub fn pairs(&self) -> u64 {
        self.entry.pairs
    }

    /// How many rows: one per competency required of at least one of its officers.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether no competency is required of its officers.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Row `index` in the order of the report (see [`TrainingNeeds`]), if there is one.
    ///
    /// # Complexity
    /// O(1).
    pub fn row(&self, index: usize) -> Option<NeedRow<'f>> {
        self.rows.get(index).map(|r| need_row(self.framework, r))
    }

    /// Its rows in the order of the report (see [`TrainingNeeds`]).
    pub fn rows(&self) -> impl ExactSizeIterator<Item = NeedRow<'f>> + use<'a, 'f> {
        let framework = self.framework;
        self.rows.iter().map(move |r| need_row(framework, r))
    }

    /// The same training needs as a [`TrainingNeeds`] of its own.
    ///
    /// # Complexity
    /// O(k) time and memory for k rows.
    pub fn to_training_needs(&self) -> TrainingNeeds<'f> {
        TrainingNeeds {
            officers: self.officers(),
            pairs: self.pairs(),
            rows: self.rows().collect(),
        }
    }
}

/// The report row of a stored row, whose competency indexes the framework's tables (the
/// store holds only competencies its counts met).
#[inline]
fn need_row<'f>(framework: &'f Framework, r: &StoredRow) -> NeedRow<'f> {
    let c = r.competency as usize;
    let spec = &framework.competencies.items[c];
    let histogram = r.histogram.map(u64::from);
    let (short, total) = short_and_shortfall(&histogram);
    NeedRow {
        competency: &spec.id,
        name: &spec.name,
        kind: framework.competency_kind[c],
        officers_required: histogram[0] + short,
        officers_short: short,
        total_shortfall: total,
        mean_shortfall: mean_shortfall(total, short),
        histogram,
    }
}

impl std::fmt::Debug for DepartmentNeeds<'_, '_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        /// The rows as a list, built one at a time.
        struct Rows<'a, 'b, 'f>(&'b DepartmentNeeds<'a, 'f>);
        impl std::fmt::Debug for Rows<'_, '_, '_> {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_list().entries(self.0.rows()).finish()
            }
        }
        f.debug_struct("DepartmentNeeds")
            .field("department", self.department())
            .field("officers", &self.officers())
            .field("pairs", &self.pairs())
            .field("rows", &Rows(self))
            .finish()
    }
}

impl std::fmt::Debug for NeedsByDepartment<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl PartialEq for DepartmentNeeds<'_, '_> {
    fn eq(&self, other: &Self) -> bool {
        self.entry.department == other.entry.department
            && self.officers() == other.officers()
            && self.pairs() == other.pairs()
            && self.len() == other.len()
            && self.rows().eq(other.rows())
    }
}

impl PartialEq for NeedsByDepartment<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl PartialEq<TrainingNeeds<'_>> for DepartmentNeeds<'_, '_> {
    fn eq(&self, other: &TrainingNeeds<'_>) -> bool {
        self.officers() == other.officers
            && self.pairs() == other.pairs
            && self.len() == other.rows.len()
            && self.rows().eq(other.rows.iter().cloned())
    }
}

impl Serialize for DepartmentNeeds<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        /// The rows as a sequence, built one at a time.
        struct Rows<'a, 'b, 'f>(&'b DepartmentNeeds<'a, 'f>);
        impl Serialize for Rows<'_, '_, '_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
                for row in self.0.rows() {
                    seq.serialize_element(&row)?;
                }
                seq.end()
            }
        }
        // The fields of `TrainingNeeds`, in its order.
        let mut s = serializer.serialize_struct("TrainingNeeds", 3)?;
        s.serialize_field("officers", &self.officers())?;
        s.serialize_field("pairs", &self.pairs())?;
        s.serialize_field("rows", &Rows(self))?;
        s.end()
    }
}

impl Serialize for NeedsByDepartment<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for needs in self.iter() {
            seq.serialize_element(&(needs.department(), needs))?;
        }
        seq.end()
    }
}

#[cfg(test)]
mod tests {
    use super::{Entry, StoredRow};

    #[test]
    fn a_stored_row_takes_28_bytes() {
        // The figures the report's docs give.
        assert_eq!(std::mem::size_of::<StoredRow>(), 28);
        #[cfg(target_pointer_width = "64")]
        assert_eq!(std::mem::size_of::<Entry>(), 48);
        let row = StoredRow::new(7, &[1, 2, 3, 4, 5, u64::from(u32::MAX)]);
        assert_eq!(row.histogram, [1, 2, 3, 4, 5, u32::MAX]);
    }
}
