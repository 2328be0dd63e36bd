//! Training-needs analysis: per competency, how many officers are short and by how much.

use crate::analysis::parallel::map_ranges;
use crate::model::order;
use crate::{Cohort, DepartmentId, Error, Framework};
use by_department::{Entry, StoredRow};
use dense::{Dense, with_dense};
use kernel::Tally;
use rows::{need_row, short_and_shortfall};

pub use by_department::{DepartmentNeeds, NeedsByDepartment};
pub use rows::{NeedRow, TrainingNeeds};

mod by_department;
mod dense;
mod department;
mod direct;
mod kernel;
mod rows;

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
    /// O(min(H + g·r, H + P) / t + t·m + k) time for H held levels of the officers
    /// counted, g positions met (the whole cohort) or groups (officers of one department
    /// and position, one department), r requirements per position, P officer–requirement
    /// pairs, m (competency, required level) pairs the positions of those officers require,
    /// k rows returned and t threads actually used (see [`NeedsOptions::threads`]): the work
    /// follows the stored evidence, not officers × requirements. Many officers per
    /// position (2 or more on average) are counted by the rows of their positions'
    /// requirements, each position's rows pointed at once; fewer, as a team's or a small
    /// department's, pair by pair with nothing per row (deciding that for the whole cohort
    /// counts its positions, O(g), only when it has fewer than 2 officers per framework
    /// position). Memory O(t·m), and no per-officer allocation. Each thread keeps about
    /// 201 bytes per competency of the framework between calls (counters per required
    /// level, a counter row, a row slot and a mark per counter row, restored row by row
    /// after use), filled once, O(c), on
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
        // The groups of one department are one per position; the whole cohort's positions
        // are counted only when the officers are few enough for it to matter.
        let pairs = match options.department {
            Some(_) => direct::prefer_pairs(slots.len(), groups.len()),
            None => {
                direct::prefer_pairs(slots.len(), self.positions.len())
                    && direct::prefer_pairs(slots.len(), positions_met(cohort))
            }
        };
        let tallies = if pairs {
            map_ranges(slots.len(), options.threads, |range| {
                self.count_pairs(cohort, slots.start + range.start..slots.start + range.end)
            })
        } else if options.department.is_none() {
            // The whole cohort: position by position, each position's groups of every
            // department together.
            let len = cohort.by_position.len();
            map_ranges(len, options.threads, |range| {
                let start = kernel::position_bounds(cohort, range.start);
                let end = kernel::position_bounds(cohort, range.end);
                self.count_positions(cohort, start..end)
            })
        } else {
            map_ranges(slots.len(), options.threads, |range| {
                self.count(cohort, slots.start + range.start..slots.start + range.end)
            })
        };
        Ok(self.needs_from(&tallies))
    }

    /// [`Framework::training_needs`] for each department of the cohort, sorted by department,
    /// each department read where the cohort stores it, all their rows kept in one compact
    /// store (see [`NeedsByDepartment`]). With [`NeedsOptions::department`], only that
    /// department's entry (none when it is a department of the framework's positions that
    /// no officer of the cohort belongs to).
    ///
    /// # Errors
    /// [`Error::FrameworkMismatch`] when the cohort was built from another framework;
    /// [`Error::UnknownId`] for a department neither the framework's positions nor the
    /// cohort's officers name (with the nearest known department).
    ///
    /// # Complexity
    /// O((H + Σ (min(g·r, P) + m + k + n + c/512) + t·R) / t + K) time for H held levels,
    /// g groups (one per position met) of each department, r requirements per position and
    /// P officer–requirement pairs of each department, m (competency, required level)
    /// pairs required in each department, k rows and n officers of each, K rows in all, c
    /// competencies and R requirements of the framework, and t threads actually used (see
    /// [`NeedsOptions::threads`]; the K is joining the threads' rows, with more than one);
    /// each department is counted as [`Framework::training_needs`] counts one. A
    /// department of many officers per position has the rows it touches marked in a
    /// bitmap, a byte per competency, and only the marked words read back, in competency
    /// order (after a summary of c/512 words), so its report is sorted on the two counts
    /// alone (two counting passes, over ranges at most its officers and five times them)
    /// and each row stored once, in its place. Memory: 28 bytes per row and 48 bytes per
    /// department (with a copy of its id) for the result (a [`NeedRow`] is built when
    /// read), plus per thread 8 bytes per requirement of the framework for the call,
    /// buffers of one department's rows, tables of at most 6·n + 2 counts for the n
    /// officers of its largest department, and the per-thread tables of
    /// [`Framework::training_needs`]. The cohort
    /// already stores its officers grouped by department, so no regrouping is done.
    pub fn training_needs_by_department<'f>(
        &'f self,
        cohort: &Cohort,
        options: &NeedsOptions,
    ) -> Result<NeedsByDepartment<'f>, Error> {
        self.check_stamp(cohort.stamp)?;
        self.check_department(options.department.as_ref(), Some(cohort))?;
        // With a department option, only that department (absent from the cohort: none).
        let selected: Vec<usize> = (0..cohort.departments.len())
            .filter(|&d| (options.department.as_ref()).is_none_or(|x| *x == cohort.departments[d]))
            .collect();
        // Each worker fills a store of its own departments, ends counted from its start.
        let parts = map_ranges(selected.len(), options.threads, |range| {
            let mut scratch = department::Scratch::default();
            let mut part = NeedsByDepartment {
                framework: self,
                entries: Vec::with_capacity(range.len()),
                rows: Vec::new(),
            };
            for &d in selected.get(range).unwrap_or(&[]) {
                let groups = department_groups(cohort, d as u32);
                let slots = Self::group_slots(cohort, &groups);
                let (officers, pairs) = if direct::prefer_pairs(slots.len(), groups.len()) {
                    let tally = self.count_pairs(cohort, slots);
                    self.rows_from(std::slice::from_ref(&tally), &mut part.rows, |c, h| {
                        Some(StoredRow::new(c, &h))
                    })
                } else {
                    self.department_needs(cohort, slots, &mut scratch, &mut part.rows)
                };
                part.entries.push(Entry {
                    department: cohort.departments[d].clone(),
                    officers,
                    pairs,
                    end: part.rows.len(),
                });
            }
            part
        });
        let mut parts = parts.into_iter();
        let mut all = parts.next().unwrap_or(NeedsByDepartment {
            framework: self,
            entries: Vec::new(),
            rows: Vec::new(),
        });
        for part in parts {
            let before = all.rows.len();
            all.rows.extend_from_slice(&part.rows);
            all.entries.extend(part.entries.into_iter().map(|e| Entry {
                end: before + e.end,
                ..e
            }));
        }
        Ok(all)
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
        let mut rows = Vec::new();
        let (officers, pairs) = self.rows_from(tallies, &mut rows, |c, h| need_row(self, c, h));
        TrainingNeeds {
            officers,
            pairs,
            rows,
        }
    }

    /// Appends to `rows` the rows of one count from its tallies (one per worker), each
    /// made by `make` from its competency index and histogram, in the order of the report;
    /// returns the officers and pairs counted.
    fn rows_from<T>(
        &self,
        tallies: &[Tally],
        rows: &mut Vec<T>,
        make: impl Fn(u32, [u64; 6]) -> Option<T>,
    ) -> (u64, u64) {
        let officers = tallies.iter().map(|t| t.officers).sum();
        let pairs = tallies.iter().map(|t| t.pairs).sum();
        with_dense(self.competencies.len(), |dense| {
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
            let order = report_order(hists, officers, self.competencies.len());
            rows.reserve(order.len());
            rows.extend(order.iter().filter_map(|&c| {
                let (_, h) = *hists.get(*dense.slot.get(c as usize)? as usize)?;
                make(c, h)
            }));
            for &(c, _) in hists {
                if let Some(slot) = dense.slot.get_mut(c as usize) {
                    *slot = Dense::FREE;
                }
            }
        });
        (officers, pairs)
    }
}

/// The competencies of `hists` (competency, histogram) with a count, in the order of the
/// report: total shortfall descending, officers short descending, competency index
/// ascending. Each row gets one integer key, its total shortfall, officers short and the
/// complement of its index packed in as few bits as the largest of each can need; when
/// that fits in 64 bits, the keys are sorted ascending by a radix sort and read backwards,
/// otherwise sorted by comparison on 128-bit keys. The keys are distinct (they hold the
/// index), so the order is the same either way.
///
/// The field widths come from bounds known before reading the rows, so the keys are built
/// in one reading of `hists`: a position requires a competency at most once, so no row
/// counts more than the `officers` counted short nor a total shortfall above
/// `5 · officers`, and every index is below `competencies`, the framework's count. A row
/// beyond those bounds would send every row to the comparison sort on 128-bit keys
/// instead, with the same order. Total shortfall sits in the high bits as it is, so the
/// sort covers only the bits some key sets (see [`radix_sort`]).
///
/// # Complexity
/// O(k·b) for k rows and b digits per key (b ≤ 8), O(k log k) beyond 64 bits.
fn report_order(hists: &[(u32, [u64; 6])], officers: u64, competencies: usize) -> Vec<u32> {
    let bits = |x: u64| 64 - x.leading_zeros();
    let most_total = officers.saturating_mul(5);
    let (index_bits, short_bits) = (bits(competencies.saturating_sub(1) as u64), bits(officers));
    let key_bits = index_bits + short_bits + bits(most_total);
    if key_bits <= 64 {
        let mask = (1u64 << index_bits) - 1;
        let mut keys = vec![0u64; hists.len()];
        let (mut n, mut within) = (0usize, true);
        for &(c, ref h) in hists {
            let (short, total) = short_and_shortfall(h);
            within &= total <= most_total && short <= officers && u64::from(c) <= mask;
            if let Some(key) = keys.get_mut(n) {
                // Shifts below 64: each field's bits fit in the 64 the three add up to.
                *key = total.checked_shl(short_bits + index_bits).unwrap_or(0)
                    | (short << index_bits)
                    | (mask - (u64::from(c) & mask));
            }
            // Rows without any count are left out.
            n += usize::from(h[0] | short != 0);
        }
        if within {
            keys.truncate(n);
            radix_sort(&mut keys);
            return keys
                .iter()
                .rev()
                .map(|&k| (mask - (k & mask)) as u32)
                .collect();
        }
    }
    let mut keys: Vec<u128> = Vec::with_capacity(hists.len());
    for &(c, ref h) in hists {
        let (short, total) = short_and_shortfall(h);
        if h[0] | short != 0 {
            let short = u32::try_from(short).unwrap_or(u32::MAX);
            keys.push((u128::from(!total) << 64) | (u128::from(!short) << 32) | u128::from(c));
        }
    }
    order::sort_unstable_by(&mut keys, u128::cmp);
    keys.iter().map(|&k| k as u32).collect()
}

/// Keys from which [`radix_sort`] takes digits of 11 bits instead of 8: enough keys that
/// the 2,048 counters of a wider digit cost less than the passes they save.
const WIDE_FROM: usize = 4096;

/// Sorts `keys` ascending: a least-significant-digit radix sort, one stable counting pass
/// per digit (8 bits, 11 from [`WIDE_FROM`] keys) up to the highest bit any key sets,
/// through one buffer of the keys' size; a digit every key shares is not moved.
///
/// # Complexity
/// O(d · (k + 2^w)) for k keys of d digits of w bits.
fn radix_sort(keys: &mut Vec<u64>) {
    if keys.len() < 2 {
        return;
    }
    let width = if keys.len() < WIDE_FROM { 8 } else { 11 };
    let highest = 64 - keys.iter().fold(0, |or, &k| or | k).leading_zeros();
    let digit_mask = (1u64 << width) - 1;
    // Every entry is written before it is read: only the length matters.
    let mut other = vec![0u64; keys.len()];
    let (mut narrow, mut wide) = ([0usize; 256], Vec::new());
    let start: &mut [usize] = if width == 8 {
        &mut narrow
    } else {
        wide.resize(1 << width, 0);
        &mut wide
    };
    for shift in (0..highest).step_by(width) {
        start.fill(0);
        for &k in keys.iter() {
            if let Some(s) = start.get_mut(((k >> shift) & digit_mask) as usize) {
                *s += 1;
            }
        }
        let first = keys
            .first()
            .map_or(0, |&k| ((k >> shift) & digit_mask) as usize);
        if start.get(first) == Some(&keys.len()) {
            continue;
        }
        let mut sum = 0;
        for s in start.iter_mut() {
            let n = *s;
            *s = sum;
            sum += n;
        }
        for &k in keys.iter() {
            let Some(at) = start.get_mut(((k >> shift) & digit_mask) as usize) else {
                continue;
            };
            if let Some(out) = other.get_mut(*at) {
                *out = k;
            }
            *at += 1;
        }
        std::mem::swap(keys, &mut other);
    }
}

/// How many positions the cohort's officers hold.
///
/// # Complexity
/// O(g) for g groups.
fn positions_met(cohort: &Cohort) -> usize {
    let position = |&g: &u32| cohort.groups.get(g as usize).map(|g| g.position);
    let order = &cohort.by_position;
    let changes = order
        .windows(2)
        .filter(|w| position(&w[0]) != position(&w[1]));
    usize::from(!order.is_empty()) + changes.count()
}

/// The range of the cohort's groups in department `d` (groups are sorted by department).
fn department_groups(cohort: &Cohort, d: u32) -> std::ops::Range<usize> {
    let groups = &cohort.groups;
    groups.partition_point(|g| g.department < d)..groups.partition_point(|g| g.department <= d)
}

#[cfg(test)]
mod tests {
    use super::{radix_sort, report_order, short_and_shortfall};

    /// The report order by its definition: total shortfall descending, officers short
    /// descending, competency index ascending, rows without any count left out.
    fn by_definition(hists: &[(u32, [u64; 6])]) -> Vec<u32> {
        let mut rows: Vec<(u64, u64, u32)> = (hists.iter())
            .filter(|(_, h)| h.iter().any(|&n| n > 0))
            .map(|&(c, ref h)| {
                let (short, total) = short_and_shortfall(h);
                (total, short, c)
            })
            .collect();
        rows.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        rows.iter().map(|r| r.2).collect()
    }

    #[test]
    fn report_order_follows_its_definition_within_and_beyond_its_bounds() {
        let mut next = crate::model::test_rng::below(0x2545_f491_4f6c_dd1du64);
        for (officers, competencies, rows) in [(0, 1, 0), (1, 1, 1), (20, 13_896, 700), (3, 50, 40)]
        {
            // Each competency once, in an order of first meeting, each row's counts adding
            // up to at most `officers`; some rows empty.
            let mut cs: Vec<u32> = (0..competencies as u32).collect();
            for i in (1..cs.len()).rev() {
                cs.swap(i, next(i as u64 + 1) as usize);
            }
            let hists: Vec<(u32, [u64; 6])> = (cs.iter().take(rows))
                .map(|&c| {
                    let mut h = [0u64; 6];
                    for _ in 0..next(officers + 1) {
                        h[next(6) as usize] += 1;
                    }
                    (c, h)
                })
                .collect();
            let want = by_definition(&hists);
            assert_eq!(report_order(&hists, officers, competencies), want);
            // Bounds too small for some row (fewer officers than a row counts, or fewer
            // competencies than an index needs): the same order, by comparison.
            if officers > 1 {
                assert_eq!(report_order(&hists, officers / 2, competencies), want);
                assert_eq!(report_order(&hists, officers, 1), want);
            }
        }
    }

    #[test]
    fn radix_sort_sorts_like_a_comparison_sort() {
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        for (n, bytes) in [
            (0, 1),
            (1, 3),
            (2, 1),
            (300, 1),
            (300, 3),
            (1000, 5),
            (257, 8),
            (5000, 2),
            (5000, 6),
            (20_000, 8),
        ] {
            let keys: Vec<u64> = (0..n)
                .map(|_| {
                    x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    x.checked_shr(64 - 8 * bytes).unwrap_or(x)
                })
                .collect();
            let mut want = keys.clone();
            want.sort_unstable();
            let mut got = keys;
            radix_sort(&mut got);
            assert_eq!(got, want, "{n} keys of {bytes} bytes");
        }
    }
}
