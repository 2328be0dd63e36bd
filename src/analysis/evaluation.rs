//! The sweep behind [`Framework::compare`](crate::Framework::compare): the officers of the
//! first cohort in the order it stores their levels (by department and position), each
//! matched by id to the second; each officer's held levels of both snapshots merged and
//! looked up in the marks of their position's requirements, and counted into dense
//! per-competency, per-position, per-department and per-course counters. Requirements held
//! in neither snapshot are counted once per group, not once per officer.

use std::cmp::Ordering;

use crate::analysis::evaluate::{
    CompareOptions, CompetencyProgress, CourseEffect, DepartmentProgress, Evaluation, Move,
    OutcomeEffect, PositionProgress, Unmatched,
};
use crate::analysis::pair_counts::{
    CELLS, GroupAcc, Joint, OutcomeAcc, PairAdds, ProgressSum, RUN, competency_counts, fixed,
    held_pairs, level_in, mark, pair_adds,
};
use crate::analysis::pairing::{Block, Matching, NONE, Partners, storage_order};
use crate::analysis::parallel;
use crate::analysis::readiness::ExactWeights;
use crate::model::order;
use crate::people::held::Levels;
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
    /// O(n) id comparisons to match n officers (one comparison of the two id columns when
    /// both cohorts hold the same ids in the same order, else a merge in the id order each
    /// cohort keeps from its construction; no sort per call), plus O(Σ (h + k·o·log h))
    /// over matched officers with h competencies held in either snapshot and k new
    /// completions of courses building o competencies each, plus O(r) per (department,
    /// position) group of the first cohort for the position's r requirements (the
    /// requirements an officer holds in neither snapshot are counted once per group, not
    /// once per officer), plus O(C + P + K + D) for the dictionary, positions, courses and
    /// departments per thread, plus O(m log m) for m officers who moved. The officers are
    /// counted in the order the first cohort stores their levels (by department and
    /// position), split over [`CompareOptions::threads`]. Memory O(t·(C + P + K + D) + n)
    /// for t threads. No per-officer report is built.
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
    ///         competency: "accounts".into(), level, level_name: None, date: "2025-06-30".into(),
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
        Ok(evaluate(
            self,
            before,
            after,
            &options.weights,
            options.threads,
        ))
    }
}

/// Compares two cohorts of `fw` (already checked to belong to it), as documented on
/// [`Evaluation`]: officers matched by id, then counted in the order the first cohort
/// stores their levels (by department and position), over `threads` contiguous ranges
/// whose integer sums are added; readiness is summed in fixed point, so the result does
/// not depend on how the ranges fall.
pub(crate) fn evaluate<'f>(
    fw: &'f Framework,
    before: &Cohort,
    after: &Cohort,
    weights: &Weights,
    threads: usize,
) -> Evaluation<'f> {
    let partners = Partners::new(before, after);
    let outcomes = Outcomes::new(fw);
    // Two snapshots of one export: the same ids in the same order, and often the same
    // slots and positions, so that the second's levels are read in place.
    let same_ids = partners.after_of.is_none();
    let same_slots = same_ids && before.slot == after.slot;
    let moves = !(same_ids && before.same_positions(after));
    let courses = before.completed.is_some() || after.completed.is_some();
    let order = (!same_slots || moves || courses)
        .then(|| storage_order(before))
        .flatten();
    let shared = Shared {
        fw,
        before,
        after,
        weights: weights.exact(),
        outcomes: &outcomes,
        matching: Matching {
            after,
            partner: partners.after_of.as_deref(),
            order: order.as_deref(),
            same_slots,
            moves,
        },
        courses,
    };
    let tallies = parallel::map_ranges(before.len(), threads, |range| shared.tally(range));
    let mut tallies = tallies.into_iter();
    let mut total = tallies
        .next()
        .unwrap_or_else(|| Tally::new(fw, before, &outcomes));
    for t in tallies {
        total.absorb(t);
    }
    // Officers were counted in storage order; moves are listed in id order.
    order::sort_by(&mut total.moved, |&(x, _), &(y, _)| {
        before.id_str(x).cmp(before.id_str(y))
    });
    let unmatched = |cohort: &Cohort, list: &[u32]| -> Vec<Unmatched> {
        list.iter().map(|&x| unmatched(cohort, x)).collect()
    };
    let only_before = unmatched(before, &partners.only_before);
    let only_after = unmatched(after, &partners.only_after);
    total.finish(&shared, only_before, only_after)
}

/// The officer at index `x` of `cohort`, with the name the cohort gives.
fn unmatched(cohort: &Cohort, x: u32) -> Unmatched {
    Unmatched {
        officer: OfficerId::new(cohort.id_str(x)),
        officer_name: cohort.officer_name(x as usize).map(str::to_owned),
    }
}

/// Per course, the competencies it builds (sorted) and the claimed level:
/// `list[start[k]..start[k + 1]]`.
struct Outcomes {
    start: Vec<u32>,
    list: Vec<(u32, Option<u8>)>,
}

impl Outcomes {
    /// The per-course outcome lists, from the competency → course index.
    fn new(fw: &Framework) -> Outcomes {
        let competencies = fw.competencies.len() as u32;
        let courses = fw.courses.len();
        let mut start = vec![0u32; courses + 1];
        for c in 0..competencies {
            for offer in fw.offers_of(c) {
                if let Some(n) = start.get_mut(offer.course as usize + 1) {
                    *n += 1;
                }
            }
        }
        for k in 0..courses {
            start[k + 1] += start[k];
        }
        let mut fill = start.clone();
        let mut list = vec![(0, None); start[courses] as usize];
        for c in 0..competencies {
            for offer in fw.offers_of(c) {
                if let Some(at) = fill.get_mut(offer.course as usize)
                    && let Some(slot) = list.get_mut(*at as usize)
                {
                    *slot = (c, offer.level);
                    *at += 1;
                }
            }
        }
        Outcomes { start, list }
    }

    /// The outcomes of course `k`, as a range of `list`.
    fn of(&self, k: usize) -> std::ops::Range<usize> {
        let start = self.start.get(k).copied().unwrap_or(0) as usize;
        let end = self.start.get(k + 1).copied().unwrap_or(0) as usize;
        start..end.max(start)
    }
}

/// Slots of the first cohort looked up together (see [`Block`]).
const BLOCK: usize = 64;

/// What every range of a comparison reads.
struct Shared<'a, 'f> {
    fw: &'f Framework,
    before: &'a Cohort,
    after: &'a Cohort,
    weights: ExactWeights,
    outcomes: &'a Outcomes,
    matching: Matching<'a>,
    /// Whether some officer completed a course in either snapshot.
    courses: bool,
}

/// The counts of a range of officers: dense counters indexed by competency, position,
/// department and course outcome, and the marks of the requirements of the group being
/// counted.
struct Tally {
    /// What each requirement pair adds ([`pair_adds`]).
    adds: Vec<PairAdds>,
    /// Per competency, the mark of its requirement by the position being counted (see
    /// [`mark`]); all 0 between groups.
    required: Vec<u8>,
    overall: ProgressSum,
    /// Per competency, the [`Joint`] counts of its requirement pairs, kept modulo 2³²: a
    /// range's counts can fall below zero where a pair left the cell of nothing held before
    /// its group's officers were added to it, and sum to the true counts.
    competencies: Vec<Joint>,
    positions: Vec<ProgressSum>,
    departments: Vec<ProgressSum>,
    outcome_acc: Vec<OutcomeAcc>,
    completers: Vec<u64>,
    /// Officers who moved: index in the first cohort and in the second.
    moved: Vec<(u32, u32)>,
    /// The officers being counted, looked up together.
    block: Block,
}

impl Tally {
    fn new(fw: &Framework, before: &Cohort, outcomes: &Outcomes) -> Tally {
        let competencies = fw.competencies.len();
        Tally {
            adds: pair_adds(),
            required: vec![0; competencies],
            overall: ProgressSum::default(),
            competencies: vec![[0; CELLS]; competencies],
            positions: vec![ProgressSum::default(); fw.positions.len()],
            departments: vec![ProgressSum::default(); before.departments.len()],
            outcome_acc: vec![OutcomeAcc::default(); outcomes.list.len()],
            completers: vec![0; fw.courses.len()],
            moved: Vec::new(),
            block: Block::default(),
        }
    }

    /// Adds the counts of another range.
    fn absorb(&mut self, o: Tally) {
        self.overall.absorb(&o.overall);
        for (a, b) in self.competencies.iter_mut().zip(&o.competencies) {
            for (x, y) in a.iter_mut().zip(b) {
                *x = x.wrapping_add(*y);
            }
        }
        for (a, b) in self.positions.iter_mut().zip(&o.positions) {
            a.absorb(b);
        }
        for (a, b) in self.departments.iter_mut().zip(&o.departments) {
            a.absorb(b);
        }
        for (a, b) in self.outcome_acc.iter_mut().zip(&o.outcome_acc) {
            a.reached[0] += b.reached[0];
            a.reached[1] += b.reached[1];
            a.gained += b.gained;
        }
        for (a, b) in self.completers.iter_mut().zip(&o.completers) {
            *a += b;
        }
        self.moved.extend(o.moved);
    }
}

impl<'f> Shared<'_, 'f> {
    /// Counts the matched officers stored in `slots` of the first cohort, group by group
    /// (each group one department and position): the position's requirements are marked
    /// per competency once per group, each officer's held levels of both snapshots are
    /// merged and looked up in the marks, and what the requirements not held add is
    /// counted once per group.
    fn tally(&self, slots: std::ops::Range<usize>) -> Tally {
        let mut t = Tally::new(self.fw, self.before, self.outcomes);
        let groups = &self.before.groups;
        // The first group holding a slot of the range.
        let first = groups.partition_point(|g| (g.start as usize) <= slots.start);
        for (k, g) in groups.iter().enumerate().skip(first.saturating_sub(1)) {
            let end = groups
                .get(k + 1)
                .map_or(self.before.len(), |n| n.start as usize);
            let (from, to) = ((g.start as usize).max(slots.start), end.min(slots.end));
            if from >= slots.end {
                break;
            }
            let reqs = self.fw.position_reqs(g.position);
            for r in reqs {
                if let Some(m) = t.required.get_mut(r.competency as usize) {
                    *m = mark(r.level, r.kind);
                }
            }
            let sums = (self.fw.level_sums.get(g.position as usize))
                .copied()
                .unwrap_or([0; 3]);
            // Readiness against the group's one required sum: one division an officer
            // where the sums are exact as doubles, the exact ratio otherwise.
            let quick = self.weights.small_ratios(sums);
            let readiness_of = |met: [u32; 3]| {
                let value = quick.and_then(|q| q.value(met));
                fixed(value.unwrap_or_else(|| self.weights.ratio(met, sums).value()))
            };
            let mut group = GroupAcc::default();
            for block in (from..to).step_by(BLOCK) {
                let block = block..(block + BLOCK).min(to);
                t.block.fill(&self.matching, block.clone());
                for (k, s) in block.enumerate() {
                    let Some(&[was, now]) = t.block.officers.get(k) else {
                        continue;
                    };
                    if now == NONE {
                        continue;
                    }
                    let held = [
                        self.before.held_in(s as u32),
                        if self.matching.same_slots {
                            self.after.held_in(s as u32)
                        } else {
                            t.block.levels(k)
                        },
                    ];
                    let pairs = if reqs.len() <= RUN {
                        held_pairs::<false>(&t.adds, &t.required, &mut t.competencies, held)
                    } else {
                        held_pairs::<true>(&t.adds, &t.required, &mut t.competencies, held)
                    };
                    let before = readiness_of(pairs.met[0]);
                    let after = if pairs.met[1] == pairs.met[0] {
                        before
                    } else {
                        readiness_of(pairs.met[1])
                    };
                    let readiness = [before, after];
                    group.add(&pairs, reqs.len(), readiness);
                    if let Some(&to) = t.block.positions.get(k)
                        && to != g.position
                        && to < self.fw.positions.len() as u32
                    {
                        t.moved.push((was, now));
                    }
                    if self.courses {
                        let counts = (&mut t.completers[..], &mut t.outcome_acc[..]);
                        self.count_courses(counts, was, now, held);
                    }
                }
            }
            // Every officer's requirements start in the cell of nothing held; the pairs
            // held in either snapshot were moved out of it as they were counted.
            let n = group.officers() as u32;
            for r in reqs {
                let c = r.competency as usize;
                if let Some(m) = t.required.get_mut(c) {
                    *m = 0;
                }
                let cell = usize::from(r.level) * 7;
                if let Some(x) = t.competencies.get_mut(c).and_then(|j| j.get_mut(cell)) {
                    *x = x.wrapping_add(n);
                }
            }
            let levels = sums.iter().map(|&x| u64::from(x)).sum();
            let delta = group.finish(reqs.len() as u64, levels);
            t.overall.absorb(&delta);
            if let Some(p) = t.positions.get_mut(g.position as usize) {
                p.absorb(&delta);
            }
            if let Some(d) = t.departments.get_mut(g.department as usize) {
                d.absorb(&delta);
            }
        }
        t
    }

    /// Counts the courses in `now`'s completions and not in `was`'s (both sorted), with the
    /// officer's held levels of both snapshots.
    fn count_courses(
        &self,
        (completers, outcome_acc): (&mut [u64], &mut [OutcomeAcc]),
        was: u32,
        now: u32,
        held: [Levels; 2],
    ) {
        let earlier = self.before.completed_of(was);
        let mut at = 0;
        for &course in self.after.completed_of(now) {
            while at < earlier.len() && earlier[at] < course {
                at += 1;
            }
            if earlier.get(at) == Some(&course) {
                continue;
            }
            let Some(count) = completers.get_mut(course as usize) else {
                continue;
            };
            *count += 1;
            for o in self.outcomes.of(course as usize) {
                let (Some(&(c, claimed)), Some(acc)) =
                    (self.outcomes.list.get(o), outcome_acc.get_mut(o))
                else {
                    continue;
                };
                let [h1, h2] = held.map(|h| level_in(h, c));
                acc.gained += i64::from(h2) - i64::from(h1);
                if let Some(l) = claimed {
                    acc.reached[0] += u64::from(h1 >= l);
                    acc.reached[1] += u64::from(h2 >= l);
                }
            }
        }
    }

    /// The move of officer `was` of the first cohort, `now` of the second.
    fn officer_move(&self, was: u32, now: u32) -> Move<'f> {
        let (fw, before, after) = (self.fw, self.before, self.after);
        let position = |c: &Cohort, i: u32| (i < c.len() as u32).then(|| c.position_of(i));
        let from = position(before, was).unwrap_or(0);
        let to = position(after, now).unwrap_or(0);
        Move {
            officer: OfficerId::new(before.id_str(was)),
            officer_name: (after.name_owned(now)).or_else(|| before.name_owned(was)),
            from: fw.position_id(from),
            from_name: fw.position_name(from),
            to: fw.position_id(to),
            to_name: fw.position_name(to),
        }
    }

    fn course_effect(&self, t: &Tally, k: usize, completers: u64) -> CourseEffect<'f> {
        let n = completers as f64;
        let (mut reached, mut claims) = (0, 0);
        let outcomes = (self.outcomes.of(k))
            .filter_map(|o| Some((*self.outcomes.list.get(o)?, *t.outcome_acc.get(o)?)))
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

impl Tally {
    fn finish<'f>(
        self,
        shared: &Shared<'_, 'f>,
        only_before: Vec<Unmatched>,
        only_after: Vec<Unmatched>,
    ) -> Evaluation<'f> {
        let fw = shared.fw;
        let competencies = (self.competencies.iter().enumerate())
            .map(|(c, joint)| (c, competency_counts(joint)))
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
            .filter(|(_, g)| g.counts.officers > 0)
            .map(|(p, g)| PositionProgress {
                position: fw.position_id(p as u32),
                name: fw.position_name(p as u32),
                progress: g.finish(),
            })
            .collect();
        let departments = (self.departments.iter().zip(&shared.before.departments))
            .filter(|(g, _)| g.counts.officers > 0)
            .map(|(g, d)| DepartmentProgress {
                department: d.clone(),
                progress: g.finish(),
            })
            .collect();
        let mut courses: Vec<CourseEffect<'f>> = (self.completers.iter().enumerate())
            .filter(|&(_, &n)| n > 0)
            .map(|(k, &n)| shared.course_effect(&self, k, n))
            .collect();
        // Courses come in id order; the stable sort keeps ids ascending on equal rates.
        order::sort_by(&mut courses, |x, y| match (x.rate, y.rate) {
            (Some(r), Some(s)) => r.total_cmp(&s),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        });
        let moved = (self.moved.iter())
            .map(|&(was, now)| shared.officer_move(was, now))
            .collect();
        Evaluation {
            overall: self.overall.finish(),
            competencies,
            positions,
            departments,
            courses,
            moved,
            only_before,
            only_after,
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
        assert!(cohort.is_empty());
        let outcomes = Outcomes::new(&fw);
        // Courses k1, k2 and competencies a, b get indices in id order.
        assert_eq!(outcomes.start, [0, 2, 3]);
        assert_eq!(outcomes.list, [(0, Some(2)), (1, Some(3)), (0, None)]);
    }

    #[test]
    fn no_officers_means_zero_readiness_not_nan() {
        let p = ProgressSum::default().finish();
        assert_eq!(
            (p.readiness_before, p.readiness_after, p.readiness_gained),
            (0.0, 0.0, 0.0)
        );
    }
}
