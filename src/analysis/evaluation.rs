//! The sweep behind [`Framework::compare`](crate::Framework::compare): both cohorts in
//! officer-id order, merged; each matched officer's held levels scattered into dense
//! arrays, counted into dense per-competency, per-position, per-department and per-course
//! counters, and cleared again.

use std::cmp::Ordering;

use crate::analysis::evaluate::{
    CompareOptions, CompetencyProgress, CourseEffect, DepartmentProgress, Evaluation, Move,
    OutcomeEffect, PositionProgress, Progress, Unmatched,
};
use crate::model::order;
use crate::people::cohort::unpack;
use crate::{Cohort, Error, Framework, Level, OfficerId, Weights};

impl Framework {
    /// Compares two snapshots of officers (before and after training): gaps closed and
    /// opened and readiness gained, overall, per competency, per position and per
    /// department, and how the courses completed in between did. See [`Evaluation`] for
    /// the definitions.
    ///
    /// # Errors
    /// [`Error::FrameworkMismatch`] when either cohort was built from another framework.
    ///
    /// # Complexity
    /// O(n) id comparisons to match n officers (a merge in the id order each cohort keeps
    /// from its construction; no sort per call), plus O(Σ (r + h + k·o)) over matched
    /// officers with r requirements, h held competencies and k new completions of courses
    /// building o competencies each, plus O(C + P + K + D) for the dictionary, positions,
    /// courses and departments. Memory O(C + P + K + D + n). No per-officer report is built.
    ///
    /// # Example
    /// ```
    /// use karmayogi::*;
    ///
    /// let fw = Framework::from_json(r#"{"format_version": 1,
    ///   "competencies": [{"id": "accounts", "name": "Accounts", "type": "functional"}],
    ///   "roles": [{"id": "r", "name": "Treasury",
    ///              "requires": [{"competency": "accounts", "level": 3}]}],
    ///   "positions": [{"id": "p", "name": "Postmaster", "department": "posts", "roles": ["r"]}],
    ///   "courses": [{"id": "po-accounts", "name": "PO accounts", "hours": 12,
    ///                "provides": [{"competency": "accounts", "level": 3}]}]}"#)?;
    /// let officer = |level: u8, source, course: Option<&str>| OfficerSpec {
    ///     id: "o1".into(), name: None, department: "posts".into(), position: "p".into(),
    ///     target_position: None,
    ///     passbook: vec![Evidence {
    ///         competency: "accounts".into(), level, date: "2025-06-30".into(),
    ///         source, verified: true,
    ///         course: course.map(CourseId::from),
    ///     }],
    /// };
    /// let policy = LevelPolicy::default();
    /// let before = Cohort::new(&fw, [officer(1, EvidenceSource::Assessment, None)], &policy)?;
    /// let completed = officer(3, EvidenceSource::CourseCompletion, Some("po-accounts"));
    /// let after = Cohort::new(&fw, [completed], &policy)?;
    /// let eval = fw.compare(&before, &after, &CompareOptions::default())?;
    /// assert_eq!((eval.overall.gaps_before, eval.overall.closed), (1, 1));
    /// assert_eq!(eval.overall.readiness_gained, 1.0 - 1.0 / 3.0);
    /// assert_eq!(eval.courses[0].rate, Some(1.0));
    /// println!("{eval}");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn compare<'f>(
        &'f self,
        before: &Cohort,
        after: &Cohort,
        options: &CompareOptions,
    ) -> Result<Evaluation<'f>, Error> {
        self.check_stamp(before.stamp)?;
        self.check_stamp(after.stamp)?;
        Ok(evaluate(self, before, after, &options.weights))
    }
}

/// Compares two cohorts of `fw` (already checked to belong to it), as documented on
/// [`Evaluation`].
pub(crate) fn evaluate<'f>(
    fw: &'f Framework,
    before: &Cohort,
    after: &Cohort,
    weights: &Weights,
) -> Evaluation<'f> {
    let mut run = Run::new(fw, before, after, weights);
    let (mut only_before, mut only_after) = (Vec::new(), Vec::new());
    pair_by_id(before, after, |pair| match pair {
        Pairing::OnlyBefore(x) => only_before.push(unmatched(before, x)),
        Pairing::OnlyAfter(y) => only_after.push(unmatched(after, y)),
        Pairing::Both(x, y) => run.officer(x, y),
    });
    run.finish(only_before, only_after)
}

/// The officer at index `x` of `cohort`, with the name the cohort gives.
fn unmatched(cohort: &Cohort, x: u32) -> Unmatched {
    Unmatched {
        officer: OfficerId::new(cohort.id_str(x)),
        officer_name: cohort.officer_name(x as usize).map(str::to_owned),
    }
}

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

/// Counters of one competency, summed over officers.
#[derive(Clone, Copy, Default)]
struct CompetencyAcc {
    required: u64,
    short: [u64; 2],
    closed: u64,
    opened: u64,
    shortfall: [u64; 2],
    gained: u64,
    lost: u64,
}

/// Counters of one course outcome, summed over completers.
#[derive(Clone, Copy, Default)]
struct OutcomeAcc {
    reached: [u64; 2],
    gained: i64,
}

impl Progress {
    /// Adds another officer's (or group's) counts; readiness fields hold sums until
    /// [`Progress::finish`].
    fn absorb(&mut self, o: &Progress) {
        self.officers += o.officers;
        self.requirements += o.requirements;
        self.gaps_before += o.gaps_before;
        self.gaps_after += o.gaps_after;
        self.closed += o.closed;
        self.opened += o.opened;
        self.shortfall_before += o.shortfall_before;
        self.shortfall_after += o.shortfall_after;
        self.levels_gained += o.levels_gained;
        self.levels_lost += o.levels_lost;
        self.without_gaps_before += o.without_gaps_before;
        self.without_gaps_after += o.without_gaps_after;
        self.readiness_before += o.readiness_before;
        self.readiness_after += o.readiness_after;
    }

    /// Turns readiness sums into means.
    fn finish(mut self) -> Progress {
        if self.officers > 0 {
            let n = self.officers as f64;
            self.readiness_before /= n;
            self.readiness_after /= n;
        } else {
            self.readiness_before = 0.0;
            self.readiness_after = 0.0;
        }
        self.readiness_gained = self.readiness_after - self.readiness_before;
        self
    }
}

/// The state of one comparison: dense counters indexed by competency, position, department
/// and course outcome, and the scratch arrays officers' levels are scattered into.
struct Run<'a, 'f> {
    fw: &'f Framework,
    before: &'a Cohort,
    after: &'a Cohort,
    weights: &'a Weights,
    /// Levels of the current officer, `[before, after]`, indexed by competency; all 0
    /// between officers.
    levels: [Vec<u8>; 2],
    overall: Progress,
    competencies: Vec<CompetencyAcc>,
    positions: Vec<Progress>,
    departments: Vec<Progress>,
    /// Per course, `outcomes[outcome_start[k]..outcome_start[k + 1]]`: the competencies it
    /// builds (sorted) and the claimed level, with counters alongside.
    outcome_start: Vec<u32>,
    outcomes: Vec<(u32, Option<u8>)>,
    outcome_acc: Vec<OutcomeAcc>,
    completers: Vec<u64>,
    moved: Vec<Move<'f>>,
}

impl<'a, 'f> Run<'a, 'f> {
    fn new(fw: &'f Framework, before: &'a Cohort, after: &'a Cohort, weights: &'a Weights) -> Self {
        let competencies = fw.competencies.len();
        let courses = fw.courses.len();
        // Per-course outcome lists, from the competency → course index.
        let mut outcome_start = vec![0u32; courses + 1];
        for c in 0..competencies as u32 {
            for offer in fw.offers_of(c) {
                if let Some(n) = outcome_start.get_mut(offer.course as usize + 1) {
                    *n += 1;
                }
            }
        }
        for k in 0..courses {
            outcome_start[k + 1] += outcome_start[k];
        }
        let mut fill = outcome_start.clone();
        let mut outcomes = vec![(0, None); outcome_start[courses] as usize];
        for c in 0..competencies as u32 {
            for offer in fw.offers_of(c) {
                if let Some(at) = fill.get_mut(offer.course as usize)
                    && let Some(slot) = outcomes.get_mut(*at as usize)
                {
                    *slot = (c, offer.level);
                    *at += 1;
                }
            }
        }
        Run {
            fw,
            before,
            after,
            weights,
            levels: [vec![0; competencies], vec![0; competencies]],
            overall: Progress::default(),
            competencies: vec![CompetencyAcc::default(); competencies],
            positions: vec![Progress::default(); fw.positions.len()],
            departments: vec![Progress::default(); before.departments.len()],
            outcome_start,
            outcome_acc: vec![OutcomeAcc::default(); outcomes.len()],
            outcomes,
            completers: vec![0; courses],
            moved: Vec::new(),
        }
    }

    /// Counts one matched officer: `was` in the first cohort, `now` in the second.
    fn officer(&mut self, was: u32, now: u32) {
        let (Some(&position), Some(&department)) = (
            self.before.position.get(was as usize),
            self.before.department.get(was as usize),
        ) else {
            return;
        };
        let held = [self.before.held_of(was), self.after.held_of(now)];
        scatter(&mut self.levels, held, true);
        let delta = self.count_requirements(position);
        self.overall.absorb(&delta);
        if let Some(g) = self.positions.get_mut(position as usize) {
            g.absorb(&delta);
        }
        if let Some(g) = self.departments.get_mut(department as usize) {
            g.absorb(&delta);
        }
        if let Some(&to) = self.after.position.get(now as usize)
            && to != position
            && to < self.fw.positions.len() as u32
        {
            self.moved.push(Move {
                officer: OfficerId::new(self.before.id_str(was)),
                officer_name: (self.after.name_owned(now)).or_else(|| self.before.name_owned(was)),
                from: self.fw.position_id(position),
                from_name: self.fw.position_name(position),
                to: self.fw.position_id(to),
                to_name: self.fw.position_name(to),
            });
        }
        self.count_courses(was, now);
        scatter(&mut self.levels, held, false);
    }

    /// One officer's progress against `position`, while their levels are scattered; also
    /// adds to the per-competency counters.
    fn count_requirements(&mut self, position: u32) -> Progress {
        let reqs = self.fw.position_reqs(position);
        let mut delta = Progress {
            officers: 1,
            requirements: reqs.len() as u64,
            ..Progress::default()
        };
        let mut met = [[0u32; 3]; 2];
        for r in reqs {
            let c = r.competency as usize;
            let h1 = self.levels[0].get(c).copied().unwrap_or(0);
            let h2 = self.levels[1].get(c).copied().unwrap_or(0);
            let (s1, s2) = (r.level.saturating_sub(h1), r.level.saturating_sub(h2));
            for (m, s) in met.iter_mut().zip([s1, s2]) {
                if let Some(m) = m.get_mut(usize::from(r.kind)) {
                    *m += u32::from(r.level - s);
                }
            }
            let closed = u64::from(s1 > 0 && s2 == 0);
            let opened = u64::from(s1 == 0 && s2 > 0);
            let gained = u64::from(s1.saturating_sub(s2));
            let lost = u64::from(s2.saturating_sub(s1));
            delta.gaps_before += u64::from(s1 > 0);
            delta.gaps_after += u64::from(s2 > 0);
            delta.closed += closed;
            delta.opened += opened;
            delta.shortfall_before += u64::from(s1);
            delta.shortfall_after += u64::from(s2);
            delta.levels_gained += gained;
            delta.levels_lost += lost;
            if let Some(k) = self.competencies.get_mut(c) {
                k.required += 1;
                k.short[0] += u64::from(s1 > 0);
                k.short[1] += u64::from(s2 > 0);
                k.closed += closed;
                k.opened += opened;
                k.shortfall[0] += u64::from(s1);
                k.shortfall[1] += u64::from(s2);
                k.gained += gained;
                k.lost += lost;
            }
        }
        let sums = (self.fw.level_sums.get(position as usize))
            .copied()
            .unwrap_or([0; 3]);
        delta.readiness_before = self.weights.readiness(met[0], sums);
        delta.readiness_after = self.weights.readiness(met[1], sums);
        delta.without_gaps_before = u64::from(delta.gaps_before == 0);
        delta.without_gaps_after = u64::from(delta.gaps_after == 0);
        delta
    }

    /// Counts the courses in `now`'s completions and not in `was`'s (both sorted), while
    /// the officer's levels are scattered.
    fn count_courses(&mut self, was: u32, now: u32) {
        let earlier = self.before.completed_of(was);
        let mut at = 0;
        for &course in self.after.completed_of(now) {
            while at < earlier.len() && earlier[at] < course {
                at += 1;
            }
            if earlier.get(at) == Some(&course) {
                continue;
            }
            let course = course as usize;
            let (Some(&start), Some(&end), Some(count)) = (
                self.outcome_start.get(course),
                self.outcome_start.get(course + 1),
                self.completers.get_mut(course),
            ) else {
                continue;
            };
            *count += 1;
            for o in start as usize..end as usize {
                let (Some(&(c, claimed)), Some(acc)) =
                    (self.outcomes.get(o), self.outcome_acc.get_mut(o))
                else {
                    continue;
                };
                let h1 = self.levels[0].get(c as usize).copied().unwrap_or(0);
                let h2 = self.levels[1].get(c as usize).copied().unwrap_or(0);
                acc.gained += i64::from(h2) - i64::from(h1);
                if let Some(l) = claimed {
                    acc.reached[0] += u64::from(h1 >= l);
                    acc.reached[1] += u64::from(h2 >= l);
                }
            }
        }
    }

    fn finish(self, only_before: Vec<Unmatched>, only_after: Vec<Unmatched>) -> Evaluation<'f> {
        let fw = self.fw;
        let competencies = (self.competencies.iter().enumerate())
            .filter(|(_, k)| k.required > 0)
            .map(|(c, k)| CompetencyProgress {
                competency: fw.competency_id(c as u32),
                name: fw.competency_name(c as u32),
                kind: fw.competency_kind[c],
                officers_required: k.required,
                short_before: k.short[0],
                short_after: k.short[1],
                closed: k.closed,
                opened: k.opened,
                shortfall_before: k.shortfall[0],
                shortfall_after: k.shortfall[1],
                levels_gained: k.gained,
                levels_lost: k.lost,
            })
            .collect();
        let positions = (self.positions.iter().enumerate())
            .filter(|(_, g)| g.officers > 0)
            .map(|(p, g)| PositionProgress {
                position: fw.position_id(p as u32),
                name: fw.position_name(p as u32),
                progress: g.finish(),
            })
            .collect();
        let departments = (self.departments.iter().zip(&self.before.departments))
            .filter(|(g, _)| g.officers > 0)
            .map(|(g, d)| DepartmentProgress {
                department: d.clone(),
                progress: g.finish(),
            })
            .collect();
        let mut courses: Vec<CourseEffect<'f>> = (self.completers.iter().enumerate())
            .filter(|&(_, &n)| n > 0)
            .map(|(k, &n)| self.course_effect(k, n))
            .collect();
        // Courses come in id order; the stable sort keeps ids ascending on equal rates.
        order::sort_by(&mut courses, |x, y| match (x.rate, y.rate) {
            (Some(r), Some(s)) => r.total_cmp(&s),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        });
        Evaluation {
            overall: self.overall.finish(),
            competencies,
            positions,
            departments,
            courses,
            moved: self.moved,
            only_before,
            only_after,
        }
    }

    fn course_effect(&self, k: usize, completers: u64) -> CourseEffect<'f> {
        let start = self.outcome_start.get(k).copied().unwrap_or(0) as usize;
        let end = self.outcome_start.get(k + 1).copied().unwrap_or(0) as usize;
        let n = completers as f64;
        let (mut reached, mut claims) = (0, 0);
        let outcomes = (start..end)
            .filter_map(|o| Some((*self.outcomes.get(o)?, *self.outcome_acc.get(o)?)))
            .map(|((c, claimed), acc)| {
                // Untagged outcomes count nothing reached, and no claim.
                let claims_here = if claimed.is_some() { completers } else { 0 };
                reached += acc.reached[1];
                claims += claims_here;
                OutcomeEffect {
                    competency: self.fw.competency_id(c),
                    name: self.fw.competency_name(c),
                    claimed: claimed.map(Level::saturating),
                    reached: acc.reached[1],
                    not_reached: claims_here - acc.reached[1],
                    reached_before: acc.reached[0],
                    rate: claimed.map(|_| acc.reached[1] as f64 / n),
                    mean_gained: acc.gained as f64 / n,
                }
            })
            .collect();
        CourseEffect {
            course: self.fw.course_id(k as u32),
            name: self.fw.course_name(k as u32),
            completers,
            rate: (claims > 0).then(|| reached as f64 / claims as f64),
            outcomes,
        }
    }
}

/// Writes an officer's held levels (`set`) into the dense per-competency arrays, or clears
/// them again, so that each requirement costs one load.
fn scatter(levels: &mut [Vec<u8>; 2], held: [&[u32]; 2], set: bool) {
    for (levels, held) in levels.iter_mut().zip(held) {
        for &x in held {
            let (c, l) = unpack(x);
            if let Some(s) = levels.get_mut(c as usize) {
                *s = if set { l } else { 0 };
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{LevelPolicy, OfficerSpec};

    #[test]
    fn outcomes_are_indexed_per_course_in_competency_order() {
        let fw = Framework::from_json(
            r#"{"format_version": 1,
              "competencies": [{"id": "b", "name": "B", "type": "domain"},
                               {"id": "a", "name": "A", "type": "functional"}],
              "roles": [{"id": "r", "name": "R", "requires": [{"competency": "a", "level": 2}]}],
              "positions": [{"id": "p", "name": "P", "department": "d", "roles": ["r"]}],
              "courses": [
                {"id": "k2", "name": "K2", "hours": 1, "provides": [{"competency": "a"}]},
                {"id": "k1", "name": "K1", "hours": 1,
                 "provides": [{"competency": "b", "level": 3}, {"competency": "a", "level": 2}]}]}"#,
        )
        .unwrap();
        let cohort = Cohort::new(&fw, Vec::<OfficerSpec>::new(), &LevelPolicy::default()).unwrap();
        let weights = Weights::default();
        let run = Run::new(&fw, &cohort, &cohort, &weights);
        // Courses k1, k2 and competencies a, b get indices in id order.
        assert_eq!(run.outcome_start, [0, 2, 3]);
        assert_eq!(run.outcomes, [(0, Some(2)), (1, Some(3)), (0, None)]);
    }

    #[test]
    fn no_officers_means_zero_readiness_not_nan() {
        let p = Progress::default().finish();
        assert_eq!(
            (p.readiness_before, p.readiness_after, p.readiness_gained),
            (0.0, 0.0, 0.0)
        );
    }
}
