//! Training-needs analysis: per competency, how many officers are short and by how much.

use serde::Serialize;

use crate::analysis::parallel::{map_ranges, workers};
use crate::model::order;
use crate::model::spec::CompetencyType;
use crate::people::cohort::unpack;
use crate::{Cohort, CompetencyId, DepartmentId, Error, Framework};
use dense::{Dense, with_dense};

mod dense;

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

/// Shortfall histograms per requirement entry of a [`Plan`], accumulated by one worker;
/// folded into per-competency rows at the end.
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

/// The requirement entries one count needs: those of the positions the counted officers
/// hold, numbered compactly, so that a call's buffers and its fold grow with the positions
/// it meets rather than with the whole framework.
struct Plan {
    /// The cohort's groups counted: `groups[first..first + group_entry.len()]`.
    first: usize,
    /// Positions met, ascending.
    positions: Vec<u32>,
    /// Compact index of the first entry of `positions[k]`; the total at the end.
    offset: Vec<usize>,
    /// Per group counted, the compact index of its position's first entry.
    group_entry: Vec<usize>,
}

impl Plan {
    fn entries(&self) -> usize {
        self.offset.last().copied().unwrap_or(0)
    }
}

/// Per-thread counters of the counting kernel.
struct Kernel {
    /// Counters per entry of the plan, 32-bit to stay in cache.
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
    /// O(n·(r + h) / t + t·e + k log k) time for n officers counted, r requirements and h
    /// held competencies each, e requirement entries (competencies) of the positions those
    /// officers hold, k rows returned and t threads actually used (see
    /// [`NeedsOptions::threads`]); memory O(t·e), and no per-officer allocation. Each
    /// thread keeps 5 bytes per competency of the framework between calls (a held level and
    /// a row slot, restored entry by entry after use), filled once, O(c), on its first
    /// call. A small team's counting and sorting cover its own positions only.
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
        let plan = self.needs_plan(cohort, groups.clone());
        let slots = Self::group_slots(cohort, &groups);
        if workers(options.threads, slots.len()) <= 1 {
            // One worker: its 32-bit counters are folded as they are (a cohort holds fewer
            // than 2³² officers, so none can overflow).
            let mut kernel = Self::kernel(plan.entries());
            let (officers, pairs) = self.count(cohort, &plan, slots, &mut kernel);
            return Ok(self.needs_from(&plan, &kernel.by_entry, officers, pairs));
        }
        let parts = map_ranges(slots.len(), options.threads, |range| {
            let mut kernel = Self::kernel(plan.entries());
            let range = slots.start + range.start..slots.start + range.end;
            let (officers, pairs) = self.count(cohort, &plan, range, &mut kernel);
            Counts {
                by_entry: kernel.by_entry.iter().map(|c| c.map(u64::from)).collect(),
                officers,
                pairs,
            }
        });
        let counts = merge(parts, plan.entries());
        Ok(self.needs_from(&plan, &counts.by_entry, counts.officers, counts.pairs))
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
    /// O(n·(r + h) / t + t·E + Σ (e + k log k)) time for d departments, e requirement
    /// entries of the positions held in each department, k rows of each, E entries in the
    /// framework and t threads actually used (see [`NeedsOptions::threads`]); memory
    /// O(t·E + Σ e) for each thread's counters and the results, plus the per-thread tables
    /// of [`Framework::training_needs`]. The cohort already stores its officers grouped
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
            // One kernel per thread, reused: its counters are zeroed after each department.
            let mut kernel = Self::kernel(self.reqs.len());
            range
                .map(|k| {
                    let groups = selected
                        .get(k)
                        .map_or(0..0, |&d| department_groups(cohort, d as u32));
                    let plan = self.needs_plan(cohort, groups.clone());
                    let slots = Self::group_slots(cohort, &groups);
                    let (officers, pairs) = self.count(cohort, &plan, slots, &mut kernel);
                    let used = kernel.by_entry.get_mut(..plan.entries()).unwrap_or(&mut []);
                    let needs = self.needs_from(&plan, used, officers, pairs);
                    used.fill([0; 6]);
                    needs
                })
                .collect::<Vec<_>>()
        });
        Ok(selected
            .iter()
            .map(|&d| cohort.departments[d].clone())
            .zip(parts.into_iter().flatten())
            .collect())
    }

    /// The plan for counting the cohort's groups `groups` (a range of group indices).
    fn needs_plan(&self, cohort: &Cohort, groups: std::ops::Range<usize>) -> Plan {
        let counted = cohort.groups.get(groups.clone()).unwrap_or(&[]);
        let mut positions: Vec<u32> = counted.iter().map(|g| g.position).collect();
        order::sort_unstable(&mut positions);
        positions.dedup();
        let mut offset = Vec::with_capacity(positions.len() + 1);
        offset.push(0);
        let mut total = 0;
        for &p in &positions {
            total += self.position_reqs_range(p).len();
            offset.push(total);
        }
        let group_entry = counted
            .iter()
            .map(|g| {
                positions
                    .binary_search(&g.position)
                    .ok()
                    .and_then(|k| offset.get(k).copied())
                    .unwrap_or(0)
            })
            .collect();
        Plan {
            first: groups.start,
            positions,
            offset,
            group_entry,
        }
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

    fn kernel(entries: usize) -> Kernel {
        Kernel {
            by_entry: vec![[0; 6]; entries],
        }
    }

    /// The counting kernel over the officers in `slots` (within the plan's groups). Officers
    /// are visited in storage order, grouped by department and position, so their held
    /// levels stream from memory while their position's requirements and counters stay in
    /// cache; each officer's held levels are scattered into a dense byte array, every
    /// requirement is then one load and one increment, and the scatter is undone. No
    /// per-officer report, no hashing, no allocation in the loop.
    fn count(
        &self,
        cohort: &Cohort,
        plan: &Plan,
        slots: std::ops::Range<usize>,
        kernel: &mut Kernel,
    ) -> (u64, u64) {
        with_dense(self.competencies.len(), |dense| {
            self.count_with(cohort, plan, slots, &mut kernel.by_entry, &mut dense.held)
        })
    }

    /// [`Framework::count`] with the byte per competency to scatter held levels into (all
    /// zero, and left so).
    fn count_with(
        &self,
        cohort: &Cohort,
        plan: &Plan,
        slots: std::ops::Range<usize>,
        by_entry: &mut [[u32; 6]],
        scratch: &mut [u8],
    ) -> (u64, u64) {
        let (mut officers, mut pairs) = (0u64, 0u64);
        let mut group = (cohort.groups)
            .partition_point(|g| g.start as usize <= slots.start)
            .saturating_sub(1)
            .max(plan.first);
        let mut at = slots.start;
        while at < slots.end {
            let (Some(this), Some(&entry)) = (
                cohort.groups.get(group),
                plan.group_entry.get(group.wrapping_sub(plan.first)),
            ) else {
                break;
            };
            let end = (cohort.groups.get(group + 1))
                .map_or(cohort.len(), |next| next.start as usize)
                .min(slots.end);
            let range = self.position_reqs_range(this.position);
            let reqs = self.reqs.get(range.clone()).unwrap_or(&[]);
            let Some(counters) = by_entry.get_mut(entry..entry + reqs.len()) else {
                break;
            };
            for slot in at..end {
                let held = cohort.held_in(slot as u32);
                for &x in held {
                    let (competency, level) = unpack(x);
                    if let Some(cell) = scratch.get_mut(competency as usize) {
                        *cell = level;
                    }
                }
                for (counter, r) in counters.iter_mut().zip(reqs) {
                    let current = scratch.get(r.competency as usize).copied().unwrap_or(0);
                    counter[r.level.saturating_sub(current).min(5) as usize] += 1;
                }
                for &x in held {
                    if let Some(cell) = scratch.get_mut(unpack(x).0 as usize) {
                        *cell = 0;
                    }
                }
            }
            let n = (end.saturating_sub(at)) as u64;
            officers += n;
            pairs += n * reqs.len() as u64;
            at = end;
            group += 1;
        }
        (officers, pairs)
    }

    /// Folds a plan's counts into one row per competency, in the order of the report.
    fn needs_from<E: Copy + Into<u64>>(
        &self,
        plan: &Plan,
        by_entry: &[[E; 6]],
        officers: u64,
        pairs: u64,
    ) -> TrainingNeeds<'_> {
        // (competency, entry) for every entry counted.
        let entries = plan
            .positions
            .iter()
            .zip(&plan.offset)
            .flat_map(|(&p, &offset)| {
                let reqs = self.reqs.get(self.position_reqs_range(p)).unwrap_or(&[]);
                reqs.iter()
                    .enumerate()
                    .map(move |(j, r)| (r.competency, offset + j))
            });
        let add = |h: &mut [u64; 6], e: usize| {
            if let Some(entry) = by_entry.get(e) {
                for s in 0..6 {
                    h[s] += entry[s].into();
                }
            }
        };
        // Per competency met, its histogram, in the order competencies are first met: a
        // slot per competency in this thread's dense index, so a team's fold costs its
        // entries, not a sort of them nor a fill of the framework's competencies.
        let mut hists: Vec<(u32, [u64; 6])> =
            Vec::with_capacity(plan.entries().min(self.competencies.len()));
        let rows = with_dense(self.competencies.len(), |dense| {
            for (c, e) in entries {
                let Some(slot) = dense.slot.get_mut(c as usize) else {
                    continue;
                };
                if *slot == Dense::FREE {
                    *slot = hists.len() as u32;
                    hists.push((c, [0; 6]));
                }
                if let Some((_, h)) = hists.get_mut(*slot as usize) {
                    add(h, e);
                }
            }
            // Rows with a count, in the order of the report: total shortfall descending,
            // officers short descending, then competency index (id order), which makes
            // the order total.
            let order = report_order(&hists);
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
            for &(c, _) in &hists {
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

/// Adds up the workers' counts (one worker's are taken as they are).
fn merge(parts: Vec<Counts>, entries: usize) -> Counts {
    let mut parts = parts.into_iter();
    let mut total = parts.next().unwrap_or_else(|| Counts::new(entries));
    for part in parts {
        total.merge(&part);
    }
    total
}
