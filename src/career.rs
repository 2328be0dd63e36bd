//! Career paths and deployment by training effort: which posts an officer could be ready for
//! with the least training, and which officers a vacancy could be filled from.

use std::cmp::Ordering;

use serde::Serialize;

use crate::cohort::unpack;
use crate::gap::{Tally, merge_held};
use crate::internal::cover;
use crate::recommend::{GapItem, UntaggedLevel, reaches};
use crate::{
    Cohort, DepartmentId, Error, Framework, GapOptions, GapReport, OfficerId, Plan, PositionId,
    Profile, RecommendOptions,
};

/// Options for [`Framework::career_paths`] and [`Framework::successors`].
#[derive(Clone, Debug, PartialEq)]
pub struct CareerOptions {
    k: usize,
    exclude_current: bool,
    department: Option<DepartmentId>,
    untagged: UntaggedLevel,
    gap: GapOptions,
}

impl Default for CareerOptions {
    fn default() -> Self {
        CareerOptions {
            k: 10,
            exclude_current: true,
            department: None,
            untagged: UntaggedLevel::Ignore,
            gap: GapOptions::default(),
        }
    }
}

impl CareerOptions {
    /// How many results at most (default 10).
    pub fn top(mut self, k: usize) -> Self {
        self.k = k;
        self
    }

    /// Whether to leave out the officer's current post, or officers already holding the
    /// vacancy's post (default `true`).
    pub fn exclude_current(mut self, yes: bool) -> Self {
        self.exclude_current = yes;
        self
    }

    /// Only posts of, or officers in, this department (default: all). A department that
    /// neither the framework's positions nor (for [`Framework::successors`]) the cohort's
    /// officers name is an error ([`Error::UnknownId`], with the nearest known
    /// department), never an empty result.
    pub fn department(mut self, department: impl Into<DepartmentId>) -> Self {
        self.department = Some(department.into());
        self
    }

    /// How courses without a level count when planning (default [`UntaggedLevel::Ignore`]).
    pub fn untagged(mut self, rule: UntaggedLevel) -> Self {
        self.untagged = rule;
        self
    }

    /// Readiness weights reported with each result.
    pub fn gap_options(mut self, options: GapOptions) -> Self {
        self.gap = options;
        self
    }
}

/// An officer and a post, with the training it would take to be ready.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CareerFit {
    /// The officer.
    pub officer: OfficerId,
    /// The officer's name, when their spec gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub officer_name: Option<String>,
    /// The post.
    pub position: PositionId,
    /// Its name.
    pub position_name: String,
    /// Readiness now, as defined on [`GapReport`].
    pub readiness: f64,
    /// Required competencies short now.
    pub gaps: u32,
    /// Of those, gaps no available course can close: the post cannot be fully reached by
    /// training alone.
    pub open: u32,
    /// Hours of the least-hours learning path closing every other gap (the greedy plan of
    /// [`Framework::recommend`]).
    pub hours: f64,
    /// Courses in that path, prerequisites included.
    pub courses: u32,
}

/// A move to a post: the gap now and the learning path that closes it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CareerStep<'a> {
    /// The officer's gaps against the post.
    pub gap: GapReport<'a>,
    /// The recommended learning path; its `total_hours` is the training the move takes.
    pub plan: Plan<'a>,
}

/// Training effort for one officer and post, from the greedy least-hours plan.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Effort {
    open: u32,
    hours: f64,
    courses: u32,
    readiness: f64,
}

/// Order of results: fewest unclosable gaps, fewest hours, highest readiness, then the key.
fn better(a: (u32, f64, f64, u32), b: (u32, f64, f64, u32)) -> Ordering {
    a.0.cmp(&b.0)
        .then(a.1.total_cmp(&b.1))
        .then(b.2.total_cmp(&a.2))
        .then(a.3.cmp(&b.3))
}

impl Framework {
    /// An officer's move to a post: the gap report and the recommended learning path.
    ///
    /// # Errors
    /// As [`Framework::gap_for`] and [`Framework::recommend`].
    pub fn career_step<'a>(
        &'a self,
        profile: &'a Profile,
        position: &str,
        gap: &GapOptions,
        recommend: &RecommendOptions,
    ) -> Result<CareerStep<'a>, Error> {
        Ok(CareerStep {
            gap: self.gap_for(profile, position, gap)?,
            plan: self.recommend(profile, position, recommend)?,
        })
    }

    /// The `k` posts the officer could be ready for with the least training: ranked by
    /// gaps no course can close, then hours of the least-hours learning path, then
    /// readiness, then post id.
    ///
    /// Best-first search: every post gets a lower bound on its hours (each gap needs a
    /// course reaching its level, and a course of `h` hours building `n` competencies
    /// contributes at most `h / n` per gap) and on its unclosable gaps; posts are planned in
    /// bound order until the next bound exceeds the k-th result, so most posts are never
    /// planned. The result equals planning every post and sorting.
    ///
    /// # Errors
    /// [`Error::FrameworkMismatch`] when the profile was built from another framework;
    /// [`Error::UnknownId`] for a department no position names.
    ///
    /// # Complexity
    /// O(Σ requirements + t · P) for t posts planned at cost P each.
    pub fn career_paths(
        &self,
        profile: &Profile,
        options: &CareerOptions,
    ) -> Result<Vec<CareerFit>, Error> {
        self.check_stamp(profile.stamp)?;
        self.check_department(options.department.as_ref(), None)?;
        let candidates: Vec<u32> = (0..self.positions.len() as u32)
            .filter(|&p| !(options.exclude_current && p == profile.position))
            .filter(|&p| {
                options
                    .department
                    .as_ref()
                    .is_none_or(|d| self.positions.items[p as usize].department == *d)
            })
            .collect();
        let held = &profile.held;
        let mut need = vec![0u8; self.competencies.len()];
        let best = Self::best_first(
            &candidates,
            options.k,
            |p| self.effort_bound(p, held),
            |p| self.tight_bound(p, held, &profile.completed, options.untagged, &mut need),
            |p| self.effort(p, held, &profile.completed, options.untagged, &options.gap),
        );
        Ok(best
            .into_iter()
            .map(|(p, effort)| {
                let officer = (profile.id.clone(), profile.name.clone());
                self.fit(officer, p, held, effort)
            })
            .collect())
    }

    /// The `k` officers of a cohort who could be ready for `position` with the least
    /// training, ranked as [`Framework::career_paths`] ranks posts (ties by input order).
    ///
    /// # Errors
    /// [`Error::UnknownId`] for an unknown position or department; [`Error::FrameworkMismatch`]
    /// when the cohort was built from another framework.
    ///
    /// # Complexity
    /// O(n·(r + h) + t · P) for n officers, t of them planned at cost P each.
    pub fn successors(
        &self,
        cohort: &Cohort,
        position: &str,
        options: &CareerOptions,
    ) -> Result<Vec<CareerFit>, Error> {
        self.check_stamp(cohort.stamp)?;
        let p = self.position_index(position)?;
        self.check_department(options.department.as_ref(), Some(cohort))?;
        let department = match &options.department {
            None => None,
            Some(d) => match cohort.departments.binary_search(d) {
                Ok(i) => Some(i as u32),
                Err(_) => return Ok(Vec::new()),
            },
        };
        let officers: Vec<u32> = (0..cohort.len() as u32)
            .filter(|&i| !(options.exclude_current && cohort.position[i as usize] == p))
            .filter(|&i| department.is_none_or(|d| cohort.department[i as usize] == d))
            .collect();
        let held_of =
            |i: u32| -> Vec<(u32, u8)> { cohort.held_of(i).iter().map(|&x| unpack(x)).collect() };
        let mut need = vec![0u8; self.competencies.len()];
        let best = Self::best_first(
            &officers,
            options.k,
            |i| self.effort_bound(p, &held_of(i)),
            |i| {
                self.tight_bound(
                    p,
                    &held_of(i),
                    cohort.completed_of(i),
                    options.untagged,
                    &mut need,
                )
            },
            |i| {
                self.effort(
                    p,
                    &held_of(i),
                    cohort.completed_of(i),
                    options.untagged,
                    &options.gap,
                )
            },
        );
        Ok(best
            .into_iter()
            .map(|(i, effort)| {
                let officer = (OfficerId::new(cohort.id_str(i)), cohort.name_owned(i));
                self.fit(officer, p, &held_of(i), effort)
            })
            .collect())
    }

    /// Plans items in order of their lower bounds, keeping the `k` best by actual effort,
    /// and stops once the next bound cannot beat the k-th. Ties go to the smaller item.
    fn best_first(
        items: &[u32],
        k: usize,
        bound: impl Fn(u32) -> (u32, f64),
        mut tight: impl FnMut(u32) -> f64,
        effort: impl Fn(u32) -> Effort,
    ) -> Vec<(u32, Effort)> {
        if k == 0 {
            return Vec::new();
        }
        let mut order: Vec<(u32, f64, u32)> = items
            .iter()
            .map(|&i| {
                let (open, hours) = bound(i);
                (open, hours, i)
            })
            .collect();
        order.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut best: Vec<(u32, Effort)> = Vec::new();
        for (open_bound, hours_bound, i) in order {
            if best.len() == k {
                let last = best[k - 1].1;
                // Bounds never exceed the truth, so an item whose bound is beyond the k-th
                // cannot enter; ties on (open, hours) are still planned for readiness.
                if (open_bound, hours_bound).partial_cmp(&(last.open, last.hours + 1e-9))
                    == Some(Ordering::Greater)
                {
                    break;
                }
            }
            if best.len() == k {
                let last = best[k - 1].1;
                if open_bound == last.open && tight(i) > last.hours + 1e-9 {
                    continue;
                }
            }
            best.push((i, effort(i)));
            best.sort_by(|a, b| better(Self::key(a), Self::key(b)));
            best.truncate(k);
        }
        best
    }

    fn key(entry: &(u32, Effort)) -> (u32, f64, f64, u32) {
        (entry.1.open, entry.1.hours, entry.1.readiness, entry.0)
    }

    /// Lower bounds on (unclosable gaps, hours) for an officer holding `held` in post `p`.
    fn effort_bound(&self, p: u32, held: &[(u32, u8)]) -> (u32, f64) {
        let reqs = self.position_reqs(p);
        let (mut open, mut hours) = (0u32, 0.0f64);
        merge_held(reqs, held, |i, current| {
            let r = reqs[i];
            if r.level > current {
                let share = self
                    .min_share
                    .get(r.competency as usize)
                    .map_or(f64::INFINITY, |s| s[r.level as usize - 1]);
                if share.is_finite() {
                    hours += share;
                } else {
                    open += 1;
                }
            }
        });
        (open, hours)
    }

    /// A tighter lower bound on the hours, for posts the cheap bound lets through: each gap
    /// costs at least, over the courses (not completed) closing it, `hours / number of this
    /// post's gaps the course closes`; and the plan holds at least the cheapest course
    /// closing its hardest gap. `need` is a scratch array of zeros, one per competency.
    fn tight_bound(
        &self,
        p: u32,
        held: &[(u32, u8)],
        completed: &[u32],
        untagged: UntaggedLevel,
        need: &mut [u8],
    ) -> f64 {
        let reqs = self.position_reqs(p);
        let mut gaps = Vec::new();
        merge_held(reqs, held, |i, current| {
            let r = reqs[i];
            if r.level > current {
                gaps.push((r.competency, r.level));
            }
        });
        for &(c, l) in &gaps {
            need[c as usize] = l;
        }
        let (mut shares, mut hardest) = (0.0f64, 0.0f64);
        for &(c, l) in &gaps {
            let (mut share, mut single) = (f64::INFINITY, f64::INFINITY);
            for o in self.offers_of(c) {
                if reaches(o.level, untagged).is_none_or(|r| r < l)
                    || completed.binary_search(&o.course).is_ok()
                {
                    continue;
                }
                let closes = self
                    .builds_of(o.course)
                    .iter()
                    .filter(|&&(b, level)| {
                        let n = need[b as usize];
                        n > 0 && reaches(level, untagged).is_some_and(|r| r >= n)
                    })
                    .count()
                    .max(1);
                let hours = self.course_hours[o.course as usize];
                share = share.min(hours / closes as f64);
                single = single.min(hours);
            }
            // Unclosable gaps cost nothing in the plan.
            if share.is_finite() {
                shares += share;
                hardest = hardest.max(single);
            }
        }
        for &(c, _) in &gaps {
            need[c as usize] = 0;
        }
        shares.max(hardest)
    }

    /// The greedy least-hours plan's effort for an officer holding `held` in post `p`.
    fn effort(
        &self,
        p: u32,
        held: &[(u32, u8)],
        completed: &[u32],
        untagged: UntaggedLevel,
        gap: &GapOptions,
    ) -> Effort {
        let reqs = self.position_reqs(p);
        let gaps = self.gaps_at(p, held);
        let (courses, open) = self.candidates(&gaps, completed, untagged);
        let closable: Vec<&GapItem<'_>> = gaps
            .iter()
            .enumerate()
            .filter(|(i, _)| !open.iter().any(|(o, _)| o == i))
            .map(|(_, g)| g)
            .collect();
        let inst = self.instance(
            &courses,
            &closable,
            completed,
            vec![1.0; closable.len()],
            untagged,
            None,
        );
        let solution = cover::greedy_cover(&inst);
        let hours = solution.chosen.iter().fold(0.0, |sum, &l| {
            sum + self.course_hours[courses[l as usize] as usize]
        });
        let met = crate::gap::tally(reqs, held).met_levels;
        Effort {
            open: open.len() as u32,
            hours,
            courses: solution.chosen.len() as u32,
            readiness: gap
                .get_weights()
                .readiness(met, self.level_sums[p as usize]),
        }
    }

    fn fit(
        &self,
        (officer, officer_name): (OfficerId, Option<String>),
        p: u32,
        held: &[(u32, u8)],
        effort: Effort,
    ) -> CareerFit {
        let Tally { short_count, .. } = crate::gap::tally(self.position_reqs(p), held);
        CareerFit {
            officer,
            officer_name,
            position: self.position_id(p).clone(),
            position_name: self.position_name(p).to_owned(),
            readiness: effort.readiness,
            gaps: short_count,
            open: effort.open,
            hours: effort.hours,
            courses: effort.courses,
        }
    }
}
