//! Training-needs analysis: per competency, how many officers are short and by how much.

use serde::Serialize;

use crate::analysis::parallel::{map_ranges, workers};
use crate::model::order;
use crate::model::spec::CompetencyType;
use crate::{Cohort, CompetencyId, DepartmentId, Error, Framework};
use dense::{Dense, with_dense};
use kernel::Tally;

mod dense;
mod kernel;

/// Options for [`Framework::training_needs`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NeedsOptions {
    threads: usize,
    department: Option<DepartmentId>,
}

impl Default for NeedsOptions {
    fn default() -> Self {
        NeedsOptions {
            threads: 1,
            department: None,
        }
    }
}

impl NeedsOptions {
    /// Worker threads to use (default 1; 0 counts as 1): with more than 1, the work is split
    /// into at most `min(n, rayon::current_num_threads())` parts (never more than one per
    /// officer, nor than `std::thread::available_parallelism`) run as tasks of the current
    /// rayon pool: rayon's global pool, or a caller's own inside `ThreadPool::install`.
    /// `threads(usize::MAX)` thus uses every thread of that pool and starts none of its
    /// own; 1 runs on the calling thread. Without the default `parallel` feature and on
    /// `wasm32` the work runs on the calling thread. The result is the same in every case.
    pub fn threads(mut self, n: usize) -> Self {
        self.threads = n;
        self
    }

    /// Counts only the officers of one department (default: all). A department that
    /// neither the framework's positions nor the cohort's officers name is an error
    /// ([`Error::UnknownId`], with the nearest known department), never an empty heatmap.
    pub fn department(mut self, department: impl Into<DepartmentId>) -> Self {
        self.department = Some(department.into());
        self
    }
}

/// One row of the training-needs heatmap: a competency across many officers.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NeedRow<'f> {
    /// The competency.
    pub competency: &'f CompetencyId,
    /// Its name.
    pub name: &'f str,
    /// Its type.
    pub kind: CompetencyType,
    /// Officers whose position requires it.
    pub officers_required: u64,
    /// Officers below the required level.
    pub officers_short: u64,
    /// Sum of shortfalls over all officers.
    pub total_shortfall: u64,
    /// Mean shortfall among the officers who are short (0 when none is).
    pub mean_shortfall: f64,
    /// `histogram[s]`: officers short by exactly `s` levels (`histogram[0]`: requirement met).
    pub histogram: [u64; 6],
}

/// The training needs of a group of officers: the data of a heatmap.
///
/// # Properties
/// - Every row satisfies `officers_required = Σ histogram`, `officers_short = Σ histogram[1..]`
///   and `total_shortfall = Σ s · histogram[s]`.
/// - Rows are sorted by total shortfall (largest first), then officers short, then id;
///   competencies nobody's position requires are left out.
/// - The result does not depend on the order of officers nor on the number of threads.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TrainingNeeds<'f> {
    /// Officers counted.
    pub officers: u64,
    /// Officer–requirement pairs examined.
    pub pairs: u64,
    /// One row per competency required of at least one officer.
    pub rows: Vec<NeedRow<'f>>,
}

impl Framework {
    /// Aggregates the gaps of a cohort's officers against their current positions, per
    /// competency, without building any per-officer report.
    ///
    /// # Errors
    /// [`Error::FrameworkMismatch`] when the cohort was built from another framework;
    /// [`Error::UnknownId`] for a department neither the framework's positions nor the
    /// cohort's officers name (with the nearest known department).
    ///
    /// # Complexity
    /// O((H + g·r) / t + t·m + k log k) time for H held levels of the officers counted, g
    /// groups of them (officers of one department and position; g ≤ officers), r
    /// requirements per position, m (competency, required level) pairs the positions of
    /// those officers require, k rows returned and t threads actually used (see
    /// [`NeedsOptions::threads`]): the work follows the stored evidence, not officers ×
    /// requirements. Memory O(t·m), and no per-officer allocation. Each thread keeps 200
    /// bytes per competency of the framework between calls (counters per required level, a
    /// counter row and a row slot, restored row by row after use), filled once, O(c), on
    /// its first call; a small team's counting and sorting cover its own positions only.
    ///
    /// # Example
    /// ```
    /// # use karmayogi::*;
    /// # let fw = Framework::from_json(r#"{"format_version":1,
    /// #   "competencies":[{"id":"c","name":"C","type":"domain"}],
    /// #   "roles":[{"id":"r","name":"R","requires":[{"competency":"c","level":3}]}],
    /// #   "positions":[{"id":"p","name":"P","department":"d","roles":["r"]}]}"#).unwrap();
    /// let officers = vec![OfficerSpec {
    ///     id: "o1".into(), name: None, department: "d".into(), position: "p".into(),
    ///     target_position: None, passbook: vec![],
    /// }];
    /// let cohort = Cohort::new(&fw, &officers, &LevelPolicy::default())?;
    /// let needs = fw.training_needs(&cohort, &NeedsOptions::default())?;
    /// assert_eq!(needs.rows[0].histogram, [0, 0, 0, 1, 0, 0]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn training_needs<'f>(
        &'f self,
        cohort: &Cohort,
        options: &NeedsOptions,
    ) -> Result<TrainingNeeds<'f>, Error> {
        self.check_stamp(cohort.stamp)?;
        self.check_department(options.department.as_ref(), Some(cohort))?;
        let groups = match &options.department {
            None => 0..cohort.groups.len(),
            Some(d) => match cohort.departments.binary_search(d) {
                Ok(d) => department_groups(cohort, d as u32),
                Err(_) => 0..0,
            },
        };
        let slots = Self::group_slots(cohort, &groups);
        let tallies = if workers(options.threads, slots.len()) <= 1 {
            vec![self.count(cohort, slots)]
        } else {
            map_ranges(slots.len(), options.threads, |range| {
                self.count(cohort, slots.start + range.start..slots.start + range.end)
            })
        };
        Ok(self.needs_from(&tallies))
    }

    /// [`Framework::training_needs`] for each department of the cohort, sorted by department,
    /// each department read where the cohort stores it. With
    /// [`NeedsOptions::department`], only that department's entry (none when it is a
    /// department of the framework's positions that no officer of the cohort belongs to).
    ///
    /// # Errors
    /// [`Error::FrameworkMismatch`] when the cohort was built from another framework;
    /// [`Error::UnknownId`] for a department neither the framework's positions nor the
    /// cohort's officers name (with the nearest known department).
    ///
    /// # Complexity
    /// O((H + g·r) / t + Σ (m + k log k)) time for H held levels, g groups and r
    /// requirements as in [`Framework::training_needs`], m (competency, required level)
    /// pairs required in each department, k rows of each and t threads actually used (see
    /// [`NeedsOptions::threads`]); memory O(Σ m) for the counts and the results, plus the
    /// per-thread tables of [`Framework::training_needs`]. The cohort already stores its officers grouped
    /// by department, so no regrouping is done.
    pub fn training_needs_by_department<'f>(
        &'f self,
        cohort: &Cohort,
        options: &NeedsOptions,
    ) -> Result<Vec<(DepartmentId, TrainingNeeds<'f>)>, Error> {
        self.check_stamp(cohort.stamp)?;
        self.check_department(options.department.as_ref(), Some(cohort))?;
        // With a department option, only that department (absent from the cohort: none).
        let selected: Vec<usize> = (0..cohort.departments.len())
            .filter(|&d| (options.department.as_ref()).is_none_or(|x| *x == cohort.departments[d]))
            .collect();
        let parts = map_ranges(selected.len(), options.threads, |range| {
            range
                .map(|k| {
                    let groups = selected
                        .get(k)
                        .map_or(0..0, |&d| department_groups(cohort, d as u32));
                    let slots = Self::group_slots(cohort, &groups);
                    self.needs_from(std::slice::from_ref(&self.count(cohort, slots)))
                })
                .collect::<Vec<_>>()
        });
        Ok(selected
            .iter()
            .map(|&d| cohort.departments[d].clone())
            .zip(parts.into_iter().flatten())
            .collect())
    }

    /// The index range in `reqs` of position `p`'s requirements.
    fn position_reqs_range(&self, p: u32) -> std::ops::Range<usize> {
        let p = p as usize;
        match (self.req_start.get(p), self.req_start.get(p + 1)) {
            (Some(&from), Some(&to)) if from <= to => from as usize..to as usize,
            _ => 0..0,
        }
    }

    /// The slots of the cohort's groups `groups`: one range, as a group's officers are
    /// stored together and groups follow each other.
    fn group_slots(cohort: &Cohort, groups: &std::ops::Range<usize>) -> std::ops::Range<usize> {
        let start = |k: usize| {
            cohort
                .groups
                .get(k)
                .map_or(cohort.len(), |g| g.start as usize)
        };
        if groups.is_empty() {
            return 0..0;
        }
        start(groups.start)..start(groups.end)
    }

    /// The report of one count from its tallies (one per worker), rows in the order of the
    /// report.
    fn needs_from(&self, tallies: &[Tally]) -> TrainingNeeds<'_> {
        let officers = tallies.iter().map(|t| t.officers).sum();
        let pairs = tallies.iter().map(|t| t.pairs).sum();
        let rows = with_dense(self.competencies.len(), 0, |dense| {
            // One worker's histograms as they are; several workers' added up per competency.
            let merged;
            let hists = if let [one] = tallies {
                &one.hists
            } else {
                let met = tallies.iter().map(|t| t.hists.len()).max().unwrap_or(0);
                let all = tallies.iter().flat_map(|t| t.hists.iter().copied());
                merged = kernel::fold(&mut dense.slot, all, met);
                &merged
            };
            for (k, &(c, _)) in hists.iter().enumerate() {
                if let Some(slot) = dense.slot.get_mut(c as usize) {
                    *slot = k as u32;
                }
            }
            // Rows with a count, in the order of the report: total shortfall descending,
            // officers short descending, then competency index (id order), which makes
            // the order total.
            let order = report_order(hists);
            let mut rows: Vec<NeedRow<'_>> = Vec::with_capacity(order.len());
            rows.extend(order.iter().filter_map(|&c| {
                let (_, h) = *hists.get(*dense.slot.get(c as usize)? as usize)?;
                let (short, total) = short_and_shortfall(&h);
                Some(NeedRow {
                    competency: self.competency_id(c),
                    name: self.competency_name(c),
                    kind: *self.competency_kind.get(c as usize)?,
                    officers_required: h.iter().sum(),
                    officers_short: short,
                    total_shortfall: total,
                    mean_shortfall: if short == 0 {
                        0.0
                    } else {
                        total as f64 / short as f64
                    },
                    histogram: h,
                })
            }));
            for &(c, _) in hists {
                if let Some(slot) = dense.slot.get_mut(c as usize) {
                    *slot = Dense::FREE;
                }
            }
            rows
        });
        TrainingNeeds {
            officers,
            pairs,
            rows,
        }
    }
}

/// The competencies of `hists` (competency, histogram) with a count, in the order of the
/// report: total shortfall descending, officers short descending, competency index
/// ascending. Sorted on one integer key per row: 64 bits when the counts and indices fit
/// (a team's or a department's rows, in a framework of fewer than 2²¹ competencies), 128
/// bits otherwise; the order is the same either way.
///
/// # Complexity
/// O(k log k) for k rows.
fn report_order(hists: &[(u32, [u64; 6])]) -> Vec<u32> {
    /// Bits of the 64-bit key given to total shortfall, officers short and the index.
    const TOTAL: u32 = 22;
    const SHORT: u32 = 21;
    const INDEX: u32 = 21;
    let counted = || {
        (hists.iter())
            .filter(|(_, h)| *h != [0; 6])
            .map(|&(c, ref h)| (c, short_and_shortfall(h)))
    };
    let mut keys: Vec<u64> = Vec::with_capacity(hists.len());
    let mut fits = true;
    keys.extend(counted().map(|(c, (short, total))| {
        fits &= total < 1 << TOTAL && short < 1 << SHORT && c < 1 << INDEX;
        let total = ((1 << TOTAL) - 1 - total.min((1 << TOTAL) - 1)) << (SHORT + INDEX);
        let short = ((1 << SHORT) - 1 - short.min((1 << SHORT) - 1)) << INDEX;
        total | short | u64::from(c & ((1 << INDEX) - 1))
    }));
    if fits {
        order::sort_unstable_by(&mut keys, u64::cmp);
        return keys
            .iter()
            .map(|&k| (k & ((1 << INDEX) - 1)) as u32)
            .collect();
    }
    let mut keys: Vec<u128> = counted()
        .map(|(c, (short, total))| {
            let short = u32::try_from(short).unwrap_or(u32::MAX);
            (u128::from(!total) << 64) | (u128::from(!short) << 32) | u128::from(c)
        })
        .collect();
    order::sort_unstable_by(&mut keys, u128::cmp);
    keys.iter().map(|&k| k as u32).collect()
}

/// Officers short and total shortfall in levels of a shortfall histogram: `Σ h[1..]` and
/// `Σ s · h[s]`.
fn short_and_shortfall(h: &[u64; 6]) -> (u64, u64) {
    let [_, one, two, three, four, five] = *h;
    let short = one + two + three + four + five;
    let total = one + 2 * two + 3 * three + 4 * four + 5 * five;
    (short, total)
}

/// The range of the cohort's groups in department `d` (groups are sorted by department).
fn department_groups(cohort: &Cohort, d: u32) -> std::ops::Range<usize> {
    let groups = &cohort.groups;
    groups.partition_point(|g| g.department < d)..groups.partition_point(|g| g.department <= d)
}
