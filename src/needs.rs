//! Training-needs analysis: per competency, how many officers are short and by how much.

use std::fmt;

use serde::Serialize;

use crate::cohort::unpack;
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
    /// Worker threads to use (default 1; 0 counts as 1). Where threads are unavailable
    /// (e.g. `wasm32-unknown-unknown`) or cannot be started, the work runs on the calling
    /// thread with the same result.
    pub fn threads(mut self, n: usize) -> Self {
        self.threads = n;
        self
    }

    /// Counts only the officers of one department (default: all).
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

/// Per-competency shortfall histograms, accumulated by one worker.
struct Counts {
    hist: Vec<[u64; 6]>,
    officers: u64,
    pairs: u64,
}

impl Counts {
    fn new(competencies: usize) -> Counts {
        Counts {
            hist: vec![[0; 6]; competencies],
            officers: 0,
            pairs: 0,
        }
    }

    fn merge(&mut self, other: &Counts) {
        for (a, b) in self.hist.iter_mut().zip(&other.hist) {
            for s in 0..6 {
                a[s] += b[s];
            }
        }
        self.officers += other.officers;
        self.pairs += other.pairs;
    }
}

impl Framework {
    /// Aggregates the gaps of a cohort's officers against their current positions, per
    /// competency, without building any per-officer report.
    ///
    /// # Errors
    /// [`Error::FrameworkMismatch`] when the cohort was built from another framework.
    ///
    /// # Complexity
    /// O(n·(r + h) / threads + c) for n officers, r requirements and h held competencies
    /// each, and c competencies; memory O(c) per thread.
    ///
    /// # Example
    /// ```
    /// # use karmayogi::*;
    /// # let fw = Framework::from_json(r#"{"format_version":1,
    /// #   "competencies":[{"id":"c","name":"C","type":"domain"}],
    /// #   "roles":[{"id":"r","name":"R","requires":[{"competency":"c","level":3}]}],
    /// #   "positions":[{"id":"p","name":"P","department":"d","roles":["r"]}]}"#).unwrap();
    /// let officers = vec![OfficerSpec {
    ///     id: "o1".into(), department: "d".into(), position: "p".into(),
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
        let department = match &options.department {
            None => None,
            Some(d) => match cohort.departments.binary_search(d) {
                Ok(i) => Some(i as u32),
                Err(_) => return Ok(self.needs_from(&Counts::new(self.competencies.len()))),
            },
        };
        let order = officer_order(cohort, department);
        let threads = options.threads.max(1);
        let counts = run_chunks(&order, threads, |chunk| self.count_chunk(cohort, chunk));
        Ok(self.needs_from(&counts))
    }

    /// [`Framework::training_needs`] for each department of the cohort, sorted by department.
    ///
    /// # Errors
    /// [`Error::FrameworkMismatch`] when the cohort was built from another framework.
    pub fn training_needs_by_department<'f>(
        &'f self,
        cohort: &Cohort,
        options: &NeedsOptions,
    ) -> Result<Vec<(DepartmentId, TrainingNeeds<'f>)>, Error> {
        self.check_stamp(cohort.stamp)?;
        cohort
            .departments
            .iter()
            .map(|d| {
                let opts = options.clone().department(d.clone());
                Ok((d.clone(), self.training_needs(cohort, &opts)?))
            })
            .collect()
    }

    /// The counting kernel: officers of one position share a small table of counters
    /// indexed by (requirement, shortfall); held levels are scattered into a dense array
    /// so each requirement is one load.
    fn count_chunk(&self, cohort: &Cohort, officers: &[u32]) -> Counts {
        let mut counts = Counts::new(self.competencies.len());
        let mut scratch = vec![0u8; self.competencies.len()];
        let mut local: Vec<[u32; 6]> = Vec::new();
        let mut k = 0;
        while k < officers.len() {
            let p = cohort.position[officers[k] as usize];
            let reqs = self.position_reqs(p);
            local.clear();
            local.resize(reqs.len(), [0; 6]);
            let run_start = k;
            while k < officers.len() && cohort.position[officers[k] as usize] == p {
                let held = cohort.held_of(officers[k]);
                for &x in held {
                    let (c, l) = unpack(x);
                    if let Some(s) = scratch.get_mut(c as usize) {
                        *s = l;
                    }
                }
                for (slot, r) in local.iter_mut().zip(reqs) {
                    let current = scratch.get(r.competency as usize).copied().unwrap_or(0);
                    let short = r.level.saturating_sub(current).min(5);
                    slot[short as usize] += 1;
                }
                for &x in held {
                    if let Some(s) = scratch.get_mut(unpack(x).0 as usize) {
                        *s = 0;
                    }
                }
                k += 1;
            }
            let run = (k - run_start) as u64;
            counts.officers += run;
            counts.pairs += run * reqs.len() as u64;
            for (slot, r) in local.iter().zip(reqs) {
                if let Some(h) = counts.hist.get_mut(r.competency as usize) {
                    for s in 0..6 {
                        h[s] += u64::from(slot[s]);
                    }
                }
            }
        }
        counts
    }

    fn needs_from(&self, counts: &Counts) -> TrainingNeeds<'_> {
        let mut rows: Vec<NeedRow<'_>> = counts
            .hist
            .iter()
            .enumerate()
            .filter(|(_, h)| h.iter().any(|&n| n > 0))
            .map(|(c, h)| {
                let short: u64 = h[1..].iter().sum();
                let total: u64 = (1..6).map(|s| s as u64 * h[s]).sum();
                NeedRow {
                    competency: self.competency_id(c as u32),
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
        rows.sort_by(|a, b| {
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

/// Officer indices of the selection, grouped by position so each position's requirements
/// stay in cache.
fn officer_order(cohort: &Cohort, department: Option<u32>) -> Vec<u32> {
    let mut order: Vec<u32> = (0..cohort.len() as u32)
        .filter(|&i| department.is_none_or(|d| cohort.department[i as usize] == d))
        .collect();
    order.sort_by_key(|&i| cohort.position[i as usize]);
    order
}

/// Runs `work` over `threads` contiguous chunks of `items` and merges the counts. Falls back
/// to the calling thread where threads cannot be started.
fn run_chunks(items: &[u32], threads: usize, work: impl Fn(&[u32]) -> Counts + Sync) -> Counts {
    let threads = threads.min(items.len().max(1));
    if threads <= 1 || cfg!(target_family = "wasm") {
        return work(items);
    }
    let size = items.len().div_ceil(threads);
    let chunks: Vec<&[u32]> = items.chunks(size).collect();
    let results: Vec<Counts> = std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .iter()
            .skip(1)
            .map(|&chunk| {
                std::thread::Builder::new()
                    .spawn_scoped(scope, || work(chunk))
                    .map_err(|_| chunk)
            })
            .collect();
        let mut out = vec![work(chunks[0])];
        for h in handles {
            match h {
                Ok(handle) => match handle.join() {
                    Ok(c) => out.push(c),
                    Err(panic) => std::panic::resume_unwind(panic),
                },
                Err(chunk) => out.push(work(chunk)),
            }
        }
        out
    });
    let mut iter = results.into_iter();
    let mut total = iter.next().unwrap_or_else(|| Counts::new(0));
    for c in iter {
        total.merge(&c);
    }
    total
}

impl fmt::Display for TrainingNeeds<'_> {
    /// A person-readable heatmap: one line per competency with its histogram.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} officers, {} officer-requirement pairs",
            self.officers, self.pairs
        )?;
        writeln!(
            f,
            "  {:<40} {:<11} {:>8} {:>6} {:>6} {:>5}   shortfall histogram 0|1|2|3|4|5",
            "competency", "type", "required", "short", "total", "mean"
        )?;
        for r in &self.rows {
            writeln!(
                f,
                "  {:<40} {:<11} {:>8} {:>6} {:>6} {:>5.2}   {}",
                r.competency.as_str(),
                r.kind.as_str(),
                r.officers_required,
                r.officers_short,
                r.total_shortfall,
                r.mean_shortfall,
                r.histogram.map(|n| n.to_string()).join("|")
            )?;
        }
        Ok(())
    }
}
