//! Role-based deployment: best-fit officers for a position, nearest positions for an officer.

use std::cmp::Ordering;

use serde::Serialize;

use crate::analysis::gap::{Tally, merge_held, tally};
use crate::analysis::readiness::{Readiness, clearly_below};
use crate::model::order;
use crate::people::cohort::unpack;
use crate::{
    Cohort, DepartmentId, Error, Errors, Framework, GapOptions, OfficerId, PositionId, Profile,
};

/// Options for rankings.
#[derive(Clone, Debug, PartialEq)]
pub struct RankOptions {
    k: usize,
    gap: GapOptions,
    exclude_current: bool,
    department: Option<DepartmentId>,
}

impl Default for RankOptions {
    fn default() -> Self {
        RankOptions {
            k: 10,
            gap: GapOptions::default(),
            exclude_current: true,
            department: None,
        }
    }
}

impl RankOptions {
    /// How many results to return at most (default 10).
    pub fn top(mut self, k: usize) -> Self {
        self.k = k;
        self
    }

    /// The readiness definition (weights) to rank by.
    pub fn gap_options(mut self, options: GapOptions) -> Self {
        self.gap = options;
        self
    }

    /// Whether to leave out the officer's current position, or officers already holding the
    /// position (default `true`).
    pub fn exclude_current(mut self, yes: bool) -> Self {
        self.exclude_current = yes;
        self
    }

    /// Only positions of, or officers in, this department (default: all). A department that
    /// neither the framework's positions nor (for [`Framework::officers_for`]) the cohort's
    /// officers name is an error ([`Error::UnknownId`], with the nearest known
    /// department), never an empty result.
    pub fn department(mut self, department: impl Into<DepartmentId>) -> Self {
        self.department = Some(department.into());
        self
    }
}

/// How well an officer fits a position.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Fit {
    /// The officer.
    pub officer: OfficerId,
    /// The officer's name, when their spec gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub officer_name: Option<String>,
    /// The position.
    pub position: PositionId,
    /// Its name.
    pub position_name: String,
    /// Readiness as defined on [`GapReport`](crate::GapReport).
    pub readiness: f64,
    /// Sum of shortfalls in levels.
    pub shortfall_levels: u32,
    /// How many required competencies are short.
    pub gaps: u32,
}

/// What a ranking orders by: readiness (exact), total shortfall, the tie-breaking key.
type Key = (Readiness, u32, u32);

/// Ranking order: readiness (highest first, compared exactly), then total shortfall
/// (smallest first), then the tie-breaking key (smallest first).
fn better(a: &Key, b: &Key) -> Ordering {
    b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2))
}

impl Framework {
    /// The `k` positions an officer is closest to being ready for, by readiness.
    ///
    /// Readiness is compared exactly (see [`GapReport`](crate::GapReport)): posts whose
    /// readiness ratios are equal tie whatever the weights, and ties are broken by smaller
    /// total shortfall, then position id.
    ///
    /// Uses the competency → positions index: only positions sharing a competency with
    /// the officer are scored; every other position has readiness 0 (or 1 if it requires
    /// nothing that counts) and fills the list in id order if needed.
    ///
    /// # Errors
    /// [`Error::FrameworkMismatch`] when the profile was built from another framework;
    /// [`Error::UnknownId`] for a department no position names.
    ///
    /// # Complexity
    /// O(P + Σ postings of held competencies + k log k + k·r) time for P positions: one
    /// counter per position, the postings of each held competency (instead of P × r for a
    /// scan of every position's r requirements), a linear selection of the k best and the
    /// k results' gap counts. Readiness is estimated in floating point for every post and
    /// held exactly only for the posts whose estimate is within 2⁻⁴⁶ (relatively) of the
    /// k-th best estimate, which include the k best. Memory O(P + k).
    pub fn positions_for<'a>(
        &'a self,
        profile: &'a Profile,
        options: &RankOptions,
    ) -> Result<Vec<Fit>, Error> {
        self.check_stamp(profile.stamp)?;
        self.check_department(options.department.as_ref(), None)?;
        let n = self.positions.len();
        let dept_ok = |p: u32| {
            options
                .department
                .as_ref()
                .is_none_or(|d| self.positions.items[p as usize].department == *d)
        };
        let skip = |p: u32| (options.exclude_current && p == profile.position) || !dept_ok(p);

        let mut met: Vec<[u32; 3]> = vec![[0; 3]; n];
        let mut touched: Vec<u32> = Vec::new();
        for &(c, held) in &profile.held {
            let kind = self.competency_kind[c as usize].index();
            for post in self.postings_of(c) {
                let m = &mut met[post.position as usize];
                if *m == [0; 3] {
                    touched.push(post.position);
                }
                m[kind] += u32::from(held.min(post.level));
            }
        }
        let weights = options.gap.get_weights().exact();
        // Estimates first: exact readiness is computed for the few posts whose estimate
        // is not clearly below the k-th best estimate, which hold the k best.
        let estimate = |p: u32, m: [u32; 3]| {
            let sums = self.level_sums[p as usize];
            let required: u32 = sums.iter().sum();
            let held: u32 = m.iter().sum();
            (weights.estimate(m, sums), required - held, p)
        };
        let mut scored: Vec<(f64, u32, u32)> = touched
            .iter()
            .filter(|&&p| !skip(p))
            .map(|&p| estimate(p, met[p as usize]))
            .collect();
        // Untouched positions have readiness 0, or 1 when they require nothing weighted:
        // those always compete; the rest only fill a short list, or tie with a touched
        // position left at readiness 0 by a zero weight (then shortfall decides). An
        // estimate is 0 exactly when the readiness is.
        let fill = scored.len() < options.k || scored.iter().any(|s| s.0 <= 0.0);
        scored.extend(
            (0..n as u32)
                .filter(|&p| met[p as usize] == [0; 3] && !skip(p))
                .map(|p| estimate(p, [0; 3]))
                .filter(|s| fill || s.0 > 0.0),
        );
        let k = options.k.min(scored.len());
        if k == 0 {
            return Ok(Vec::new());
        }
        if k < scored.len() {
            let mut estimates: Vec<f64> = scored.iter().map(|s| s.0).collect();
            let (_, &mut kth, _) = estimates.select_nth_unstable_by(k - 1, |a, b| b.total_cmp(a));
            scored.retain(|s| !clearly_below(s.0, kth));
        }
        let mut scored: Vec<Key> = scored
            .into_iter()
            .map(|(_, short, p)| {
                (
                    weights.ratio(met[p as usize], self.level_sums[p as usize]),
                    short,
                    p,
                )
            })
            .collect();
        order::keep_first(&mut scored, k, better);
        order::sort_by(&mut scored, better);
        Ok(scored
            .into_iter()
            .map(|(readiness, shortfall_levels, p)| {
                let t = tally(self.position_reqs(p), &profile.held);
                Fit {
                    officer: profile.id.clone(),
                    officer_name: profile.name.clone(),
                    position: self.position_id(p).clone(),
                    position_name: self.position_name(p).to_owned(),
                    readiness: readiness.value(),
                    shortfall_levels,
                    gaps: t.short_count,
                }
            })
            .collect())
    }

    /// The `k` officers of a cohort who best fit `position`, by readiness.
    ///
    /// Readiness is compared exactly (see [`GapReport`](crate::GapReport)): officers
    /// whose readiness ratios are equal tie whatever the weights, and ties are broken by
    /// smaller total shortfall, then input order.
    ///
    /// # Errors
    /// [`Error::FrameworkMismatch`] alone when the cohort was built from another framework;
    /// otherwise every [`Error::UnknownId`] at once: an unknown position's, then an
    /// unknown department's, each with its nearest known id.
    ///
    /// # Complexity
    /// O(n·(r + h) + k log k) time for n officers, r requirements and h held competencies
    /// each (the best k are kept by repeated linear selection); memory O(k + h).
    pub fn officers_for<'a>(
        &'a self,
        cohort: &'a Cohort,
        position: &str,
        options: &RankOptions,
    ) -> Result<Vec<Fit>, Errors> {
        self.check_stamp(cohort.stamp)?;
        let department = options.department.as_ref();
        let p = self.position_and_department(position, department, Some(cohort))?;
        let reqs = self.position_reqs(p);
        let sums = self.level_sums[p as usize];
        let required: u32 = sums.iter().sum();
        let department = match &options.department {
            None => None,
            Some(d) => match cohort.departments.binary_search(d) {
                Ok(i) => Some(i as u32),
                Err(_) => return Ok(Vec::new()),
            },
        };
        let weights = options.gap.get_weights().exact();
        let mut held = Vec::new();
        let mut best: Vec<Key> = Vec::new();
        for i in 0..cohort.len() as u32 {
            if (options.exclude_current && cohort.position_of(i) == p)
                || department.is_some_and(|d| cohort.department_of(i) != d)
            {
                continue;
            }
            held.clear();
            held.extend(cohort.held_of(i).iter().map(unpack));
            let mut t = Tally::default();
            merge_held(reqs, &held, |j, current| {
                let r = reqs[j];
                t.met_levels[r.kind as usize] += u32::from(r.level.min(current));
            });
            let met: u32 = t.met_levels.iter().sum();
            best.push((weights.ratio(t.met_levels, sums), required - met, i));
            // Keep memory at O(k): prune to the best k whenever the buffer doubles.
            // (Saturating, so a huge k never overflows; then the buffer simply holds all.)
            if best.len() >= options.k.max(1).saturating_mul(2).saturating_add(64)
                && options.k < best.len()
            {
                order::keep_first(&mut best, options.k, better);
            }
        }
        order::sort_by(&mut best, better);
        best.truncate(options.k);
        Ok(best
            .into_iter()
            .map(|(readiness, shortfall_levels, i)| {
                held.clear();
                held.extend(cohort.held_of(i).iter().map(unpack));
                Fit {
                    officer: OfficerId::new(cohort.id_str(i)),
                    officer_name: cohort.name_owned(i),
                    position: self.position_id(p).clone(),
                    position_name: self.position_name(p).to_owned(),
                    readiness: readiness.value(),
                    shortfall_levels,
                    gaps: tally(reqs, &held).short_count,
                }
            })
            .collect())
    }
}
