//! Training-needs analysis: per competency, how many officers are short and by how much.

use serde::Serialize;

use crate::cohort::unpack;
use crate::internal::order;
use crate::internal::parallel::map_ranges;
use crate::spec::CompetencyType;
use crate::{Cohort, CompetencyId, DepartmentId, Error, Framework};

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
    /// Worker threads to use (default 1; 0 counts as 1), capped at the parallelism the
    /// operating system grants the process (`std::thread::available_parallelism`, read once)
    /// and at one per officer: `threads(usize::MAX)` uses every core and starts no more
    /// threads than that. The calling thread is one of them. Where threads are unavailable
    /// (e.g. `wasm32-unknown-unknown`) or cannot be started, the work runs on the calling
    /// thread with the same result.
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

/// Shortfall histograms per requirement entry (position × competency), accumulated by one
/// worker; folded into per-competency rows at the end.
struct Counts {
    by_entry: Vec<[u64; 6]>,
    officers: u64,
    pairs: u64,
}

impl Counts {
    fn new(entries: usize) -> Counts {
        Counts {
            by_entry: vec![[0; 6]; entries],
            officers: 0,
            pairs: 0,
        }
    }

    fn merge(&mut self, other: &Counts) {
        for (a, b) in self.by_entry.iter_mut().zip(&other.by_entry) {
            for s in 0..6 {
                a[s] += b[s];
            }
        }
        self.officers += other.officers;
        self.pairs += other.pairs;
    }
}

/// Per-thread buffers of the counting kernel, reused across calls.
struct Kernel {
    /// Held level per competency of the officer being counted; zero otherwise.
    scratch: Vec<u8>,
    /// Counters per requirement entry, 32-bit to stay in cache.
    by_entry: Vec<[u32; 6]>,
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
    /// O(n·(r + h) / t + t·e) time for n officers, r requirements and h held competencies
    /// each, e requirement entries (positions × their competencies) and t threads actually
    /// used (see [`NeedsOptions::threads`]); memory O(t·(c + e)) for c competencies, and no
    /// per-officer allocation.
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
        let department = match &options.department {
            None => None,
            Some(d) => match cohort.departments.binary_search(d) {
                Ok(i) => Some(i as u32),
                Err(_) => return Ok(self.needs_from(&Counts::new(self.reqs.len()))),
            },
        };
        let parts = map_ranges(cohort.len(), options.threads, |range| {
            let mut kernel = self.kernel();
            let officers = range
                .map(|i| i as u32)
                .filter(|&i| department.is_none_or(|d| cohort.department[i as usize] == d));
            self.count(cohort, officers, &mut kernel)
        });
        Ok(self.needs_from(&merge(&parts, self.reqs.len())))
    }

    /// [`Framework::training_needs`] for each department of the cohort, sorted by department,
    /// in one pass that groups officers by department. With
    /// [`NeedsOptions::department`], only that department's entry (none when it is a
    /// department of the framework's positions that no officer of the cohort belongs to).
    ///
    /// # Errors
    /// [`Error::FrameworkMismatch`] when the cohort was built from another framework;
    /// [`Error::UnknownId`] for a department neither the framework's positions nor the
    /// cohort's officers name (with the nearest known department).
    ///
    /// # Complexity
    /// O(n·(r + h) / t + d·e) time for d departments, e requirement entries and t threads
    /// actually used (see [`NeedsOptions::threads`]); memory O(n + d·e + t·c) for the
    /// grouping, the results and each thread's scratch.
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
        // Officer indices grouped by department (a counting sort, input order within each).
        let departments = cohort.departments.len();
        let mut start = vec![0usize; departments + 1];
        for &d in &cohort.department {
            start[d as usize + 1] += 1;
        }
        for d in 0..departments {
            start[d + 1] += start[d];
        }
        let mut fill = start.clone();
        let mut grouped = vec![0u32; cohort.len()];
        for (i, &d) in cohort.department.iter().enumerate() {
            grouped[fill[d as usize]] = i as u32;
            fill[d as usize] += 1;
        }
        let parts = map_ranges(selected.len(), options.threads, |range| {
            let mut kernel = self.kernel();
            range
                .map(|k| {
                    let d = selected[k];
                    let officers = grouped[start[d]..start[d + 1]].iter().copied();
                    self.needs_from(&self.count(cohort, officers, &mut kernel))
                })
                .collect::<Vec<_>>()
        });
        Ok(selected
            .iter()
            .map(|&d| cohort.departments[d].clone())
            .zip(parts.into_iter().flatten())
            .collect())
    }

    fn kernel(&self) -> Kernel {
        Kernel {
            scratch: vec![0; self.competencies.len()],
            by_entry: vec![[0; 6]; self.reqs.len()],
        }
    }

    /// The counting kernel. Officers are visited in storage order, so their columns stream
    /// from memory; each officer's held levels are scattered into a dense byte array, every
    /// requirement of their position is then one load and one increment of a counter kept
    /// per requirement entry, and the scatter is undone. No per-officer report, no hashing,
    /// no allocation in the loop.
    fn count(
        &self,
        cohort: &Cohort,
        officers: impl Iterator<Item = u32>,
        kernel: &mut Kernel,
    ) -> Counts {
        let (mut officers_counted, mut pairs) = (0u64, 0u64);
        for i in officers {
            let Some(&p) = cohort.position.get(i as usize) else {
                continue;
            };
            let p = p as usize;
            let (Some(&from), Some(&to)) = (self.req_start.get(p), self.req_start.get(p + 1))
            else {
                continue;
            };
            let (from, to) = (from as usize, to as usize);
            let (Some(reqs), Some(slots)) =
                (self.reqs.get(from..to), kernel.by_entry.get_mut(from..to))
            else {
                continue;
            };
            let held = cohort.held_of(i);
            for &x in held {
                let (c, l) = unpack(x);
                if let Some(s) = kernel.scratch.get_mut(c as usize) {
                    *s = l;
                }
            }
            for (slot, r) in slots.iter_mut().zip(reqs) {
                let current = kernel
                    .scratch
                    .get(r.competency as usize)
                    .copied()
                    .unwrap_or(0);
                slot[r.level.saturating_sub(current).min(5) as usize] += 1;
            }
            for &x in held {
                if let Some(s) = kernel.scratch.get_mut(unpack(x).0 as usize) {
                    *s = 0;
                }
            }
            officers_counted += 1;
            pairs += reqs.len() as u64;
        }
        // Hand the counts over and leave the buffer zeroed for the next call.
        let mut counts = Counts::new(0);
        counts.by_entry = kernel.by_entry.iter().map(|c| c.map(u64::from)).collect();
        for c in &mut kernel.by_entry {
            *c = [0; 6];
        }
        counts.officers = officers_counted;
        counts.pairs = pairs;
        counts
    }

    fn needs_from(&self, counts: &Counts) -> TrainingNeeds<'_> {
        let mut hist = vec![[0u64; 6]; self.competencies.len()];
        for (entry, r) in counts.by_entry.iter().zip(&self.reqs) {
            if let Some(h) = hist.get_mut(r.competency as usize) {
                for s in 0..6 {
                    h[s] += entry[s];
                }
            }
        }
        let mut rows: Vec<NeedRow<'_>> = hist
            .iter()
            .enumerate()
            .filter(|(_, h)| h.iter().any(|&n| n > 0))
            .map(|(c, h)| {
                let short: u64 = h[1..].iter().sum();
                let total: u64 = (1..6).map(|s| s as u64 * h[s]).sum();
                NeedRow {
                    competency: self.competency_id(c as u32),
                    name: self.competency_name(c as u32),
                    kind: self.competency_kind[c],
                    officers_required: h.iter().sum(),
                    officers_short: short,
                    total_shortfall: total,
                    mean_shortfall: if short == 0 {
                        0.0
                    } else {
                        total as f64 / short as f64
                    },
                    histogram: *h,
                }
            })
            .collect();
        // Rows come in competency-id order; the stable sort keeps ids ascending on ties.
        order::sort_by(&mut rows, |a, b| {
            b.total_shortfall
                .cmp(&a.total_shortfall)
                .then(b.officers_short.cmp(&a.officers_short))
        });
        TrainingNeeds {
            officers: counts.officers,
            pairs: counts.pairs,
            rows,
        }
    }
}

/// Adds up the workers' counts.
fn merge(parts: &[Counts], entries: usize) -> Counts {
    let mut total = Counts::new(entries);
    for part in parts {
        total.merge(part);
    }
    total
}
