//! The sweep behind [`Framework::compare`](crate::Framework::compare): both cohorts in
//! officer-id order, merged; each matched officer's held levels scattered into dense
//! arrays, counted into dense per-competency, per-position, per-department and per-course
//! counters, and cleared again.

use std::cmp::Ordering;

use crate::analysis::evaluate::{
    CompareOptions, CompetencyProgress, CourseEffect, DepartmentProgress, Evaluation, Move,
    OutcomeEffect, PositionProgress, Progress, Unmatched,
};
use crate::analysis::parallel;
use crate::model::framework::Req;
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
    /// O(n) id comparisons to match n officers (one comparison of the two id columns when
    /// both cohorts hold the same ids in the same order, else a merge in the id order each
    /// cohort keeps from its construction; no sort per call), plus O(Σ (r + h + k·o)) over matched
    /// officers with r requirements, h held competencies and k new completions of courses
    /// building o competencies each, plus O(C + P + K + D) for the dictionary, positions,
    /// courses and departments per thread, plus O(m log m) for m officers who moved. The
    /// officers are counted in the order the first cohort stores their levels (by
    /// department and position), split over [`CompareOptions::threads`]. Memory
    /// O(t·(C + P + K + D) + n) for t threads. No per-officer report is built.
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
    let order = storage_order(before);
    let shared = Shared {
        fw,
        before,
        after,
        weights,
        outcomes: &outcomes,
        partner: partners.after_of.as_deref(),
        order: order.as_deref(),
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

/// No officer: the partner of an officer of the first snapshot only.
const NONE: u32 = u32::MAX;

/// The officers of two cohorts matched by id.
struct Partners {
    /// Per officer of the first cohort, its index in the second or [`NONE`]; `None` when
    /// both cohorts hold the same ids in the same order (officer `i` is officer `i`).
    after_of: Option<Vec<u32>>,
    /// Officers of one cohort only, by index, in id order.
    only_before: Vec<u32>,
    only_after: Vec<u32>,
}

impl Partners {
    /// Matches the officers: a comparison of the two id columns when they are the same
    /// (snapshots of one export), else a merge in the id order each cohort keeps.
    fn new(before: &Cohort, after: &Cohort) -> Partners {
        if before.id_end == after.id_end && before.ids == after.ids {
            return Partners {
                after_of: None,
                only_before: Vec::new(),
                only_after: Vec::new(),
            };
        }
        let mut after_of = vec![NONE; before.len()];
        let (mut only_before, mut only_after) = (Vec::new(), Vec::new());
        pair_by_id(before, after, |pair| match pair {
            Pairing::OnlyBefore(x) => only_before.push(x),
            Pairing::OnlyAfter(y) => only_after.push(y),
            Pairing::Both(x, y) => {
                if let Some(slot) = after_of.get_mut(x as usize) {
                    *slot = y;
                }
            }
        });
        Partners {
            after_of: Some(after_of),
            only_before,
            only_after,
        }
    }
}

/// The officer stored in each slot of `cohort` (the inverse of its slot column), or `None`
/// when officer `s` is in slot `s`.
fn storage_order(cohort: &Cohort) -> Option<Vec<u32>> {
    let slot = cohort.slot.as_ref()?;
    let mut order = vec![0u32; slot.len()];
    for (i, &s) in slot.iter().enumerate() {
        if let Some(o) = order.get_mut(s as usize) {
            *o = i as u32;
        }
    }
    Some(order)
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

/// Shortfalls `s₁, s₂` run from 0 to 5: a pair of them is one of 36 cells.
const CELLS: usize = 36;

/// The counts of one competency's requirement pairs by `(s₁, s₂)`, cell `6·s₁ + s₂`.
type Joint = [u32; CELLS];

/// Requirements counted in one run of bytes: each adds at most 5 to a byte.
const RUN: usize = 51;

/// Per cell `6·s₁ + s₂`, what one requirement pair adds to an officer's counts, a byte each:
/// gap before, gap after, levels short before, after, gap closed, opened, levels gained,
/// lost.
const PAIR: [u64; CELLS] = {
    let mut table = [0u64; CELLS];
    let mut cell = 0;
    while cell < CELLS {
        let (s1, s2) = ((cell / 6) as u64, (cell % 6) as u64);
        let bytes = [
            (s1 > 0) as u64,
            (s2 > 0) as u64,
            s1,
            s2,
            (s1 > 0 && s2 == 0) as u64,
            (s1 == 0 && s2 > 0) as u64,
            s1.saturating_sub(s2),
            s2.saturating_sub(s1),
        ];
        let mut k = 0;
        while k < 8 {
            table[cell] |= bytes[k] << (8 * k);
            k += 1;
        }
        cell += 1;
    }
    table
};

/// The counters of [`CompetencyProgress`] from a competency's joint counts.
fn competency_counts(joint: &Joint) -> CompetencyAcc {
    let mut k = CompetencyAcc::default();
    for (cell, &n) in joint.iter().enumerate().filter(|&(_, &n)| n > 0) {
        let n = u64::from(n);
        let (s1, s2) = ((cell / 6) as u64, (cell % 6) as u64);
        k.required += n;
        k.short[0] += n * u64::from(s1 > 0);
        k.short[1] += n * u64::from(s2 > 0);
        k.closed += n * u64::from(s1 > 0 && s2 == 0);
        k.opened += n * u64::from(s1 == 0 && s2 > 0);
        k.shortfall[0] += n * s1;
        k.shortfall[1] += n * s2;
        k.gained += n * s1.saturating_sub(s2);
        k.lost += n * s2.saturating_sub(s1);
    }
    k
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

/// Readiness in fixed point: units of 2⁻⁹⁴, so that 2³² officers of readiness 1 still fit
/// in an `i128` and any `f64` readiness of at least 2⁻⁴² converts exactly.
const FIXED: f64 = (1u128 << 94) as f64;

/// A [`Progress`] being summed: readiness in fixed point, so sums are exact and do not
/// depend on their order.
#[derive(Clone, Copy, Default)]
struct ProgressSum {
    counts: Progress,
    readiness: [i128; 2],
}

impl ProgressSum {
    /// Adds another officer's (or group's) counts.
    fn absorb(&mut self, o: &ProgressSum) {
        let (p, q) = (&mut self.counts, &o.counts);
        p.officers += q.officers;
        p.requirements += q.requirements;
        p.gaps_before += q.gaps_before;
        p.gaps_after += q.gaps_after;
        p.closed += q.closed;
        p.opened += q.opened;
        p.shortfall_before += q.shortfall_before;
        p.shortfall_after += q.shortfall_after;
        p.levels_gained += q.levels_gained;
        p.levels_lost += q.levels_lost;
        p.without_gaps_before += q.without_gaps_before;
        p.without_gaps_after += q.without_gaps_after;
        self.readiness[0] += o.readiness[0];
        self.readiness[1] += o.readiness[1];
    }

    /// The progress, with readiness summed turned into means.
    fn finish(self) -> Progress {
        let mut p = self.counts;
        if p.officers > 0 {
            let n = p.officers as f64;
            p.readiness_before = self.readiness[0] as f64 / FIXED / n;
            p.readiness_after = self.readiness[1] as f64 / FIXED / n;
        } else {
            p.readiness_before = 0.0;
            p.readiness_after = 0.0;
        }
        p.readiness_gained = p.readiness_after - p.readiness_before;
        p
    }
}

/// A readiness in `[0, 1]` in the fixed point of [`ProgressSum`].
fn fixed(readiness: f64) -> i128 {
    (readiness * FIXED) as i128
}

/// What every range of a comparison reads.
struct Shared<'a, 'f> {
    fw: &'f Framework,
    before: &'a Cohort,
    after: &'a Cohort,
    weights: &'a Weights,
    outcomes: &'a Outcomes,
    /// See [`Partners::after_of`].
    partner: Option<&'a [u32]>,
    /// See [`storage_order`].
    order: Option<&'a [u32]>,
}

/// The counts of a range of officers: dense counters indexed by competency, position,
/// department and course outcome, and the scratch arrays an officer's levels are
/// scattered into.
struct Tally {
    /// Levels of the current officer, `[before, after]`, indexed by competency; all 0
    /// between officers.
    levels: Vec<[u8; 2]>,
    overall: ProgressSum,
    /// Per competency, the [`Joint`] counts of its requirement pairs.
    competencies: Vec<Joint>,
    positions: Vec<ProgressSum>,
    departments: Vec<ProgressSum>,
    outcome_acc: Vec<OutcomeAcc>,
    completers: Vec<u64>,
    /// Officers who moved: index in the first cohort and in the second.
    moved: Vec<(u32, u32)>,
}

impl Tally {
    fn new(fw: &Framework, before: &Cohort, outcomes: &Outcomes) -> Tally {
        let competencies = fw.competencies.len();
        Tally {
            levels: vec![[0; 2]; competencies],
            overall: ProgressSum::default(),
            competencies: vec![[0; CELLS]; competencies],
            positions: vec![ProgressSum::default(); fw.positions.len()],
            departments: vec![ProgressSum::default(); before.departments.len()],
            outcome_acc: vec![OutcomeAcc::default(); outcomes.list.len()],
            completers: vec![0; fw.courses.len()],
            moved: Vec::new(),
        }
    }

    /// Adds the counts of another range.
    fn absorb(&mut self, o: Tally) {
        self.overall.absorb(&o.overall);
        for (a, b) in self.competencies.iter_mut().zip(&o.competencies) {
            for (x, y) in a.iter_mut().zip(b) {
                *x += y;
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
    /// (each group one department and position).
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
            for s in from..to {
                let was = self.order.map_or(s as u32, |o| o[s]);
                let now = self.partner.map_or(was, |p| p[was as usize]);
                if now == NONE {
                    continue;
                }
                let held = [self.before.held_in(s as u32), self.after.held_of(now)];
                scatter(&mut t.levels, held, true);
                let delta = self.count_requirements(&mut t, g.position, reqs);
                t.overall.absorb(&delta);
                if let Some(p) = t.positions.get_mut(g.position as usize) {
                    p.absorb(&delta);
                }
                if let Some(d) = t.departments.get_mut(g.department as usize) {
                    d.absorb(&delta);
                }
                if let Some(&to) = self.after.position.get(now as usize)
                    && to != g.position
                    && to < self.fw.positions.len() as u32
                {
                    t.moved.push((was, now));
                }
                self.count_courses(&mut t, was, now);
                scatter(&mut t.levels, held, false);
            }
        }
        t
    }

    /// One officer's progress against `position` (requiring `reqs`), while their levels
    /// are scattered into `t`; also adds each requirement pair to its competency's
    /// [`Joint`] counts.
    ///
    /// Each pair adds its row of [`PAIR`] to one word and its shortfalls to another, byte
    /// by byte; the bytes are emptied every [`RUN`] requirements, before they could carry.
    fn count_requirements(&self, t: &mut Tally, position: u32, reqs: &[Req]) -> ProgressSum {
        // The eight counts of `PAIR`, and the levels short per competency type before and
        // after.
        let mut counts = [0u32; 8];
        let mut short = [[0u32; 3]; 2];
        for run in reqs.chunks(RUN) {
            let (mut pairs, mut kinds) = (0u64, 0u64);
            for r in run {
                let c = r.competency as usize;
                let [h1, h2] = t.levels.get(c).copied().unwrap_or([0, 0]);
                let (s1, s2) = (r.level.saturating_sub(h1), r.level.saturating_sub(h2));
                let cell = usize::from(s1) * 6 + usize::from(s2);
                pairs += PAIR.get(cell).copied().unwrap_or(0);
                kinds += (u64::from(s1) | u64::from(s2) << 32) << (8 * (r.kind % 3));
                if let Some(n) = t.competencies.get_mut(c).and_then(|j| j.get_mut(cell)) {
                    *n += 1;
                }
            }
            for (k, n) in counts.iter_mut().enumerate() {
                *n += (pairs >> (8 * k)) as u32 & 0xff;
            }
            for (k, n) in short.iter_mut().flatten().enumerate() {
                *n += (kinds >> (32 * (k / 3) + 8 * (k % 3))) as u32 & 0xff;
            }
        }
        let sums = (self.fw.level_sums.get(position as usize))
            .copied()
            .unwrap_or([0; 3]);
        let met = |short: [u32; 3]| [0, 1, 2].map(|k| sums[k].saturating_sub(short[k]));
        let [
            gaps_before,
            gaps_after,
            short_before,
            short_after,
            closed,
            opened,
            gained,
            lost,
        ] = counts.map(u64::from);
        let counts = Progress {
            officers: 1,
            requirements: reqs.len() as u64,
            gaps_before,
            gaps_after,
            closed,
            opened,
            shortfall_before: short_before,
            shortfall_after: short_after,
            levels_gained: gained,
            levels_lost: lost,
            without_gaps_before: u64::from(gaps_before == 0),
            without_gaps_after: u64::from(gaps_after == 0),
            ..Progress::default()
        };
        ProgressSum {
            counts,
            readiness: [
                fixed(self.weights.readiness(met(short[0]), sums)),
                fixed(self.weights.readiness(met(short[1]), sums)),
            ],
        }
    }

    /// Counts the courses in `now`'s completions and not in `was`'s (both sorted), while
    /// the officer's levels are scattered into `t`.
    fn count_courses(&self, t: &mut Tally, was: u32, now: u32) {
        let earlier = self.before.completed_of(was);
        let mut at = 0;
        for &course in self.after.completed_of(now) {
            while at < earlier.len() && earlier[at] < course {
                at += 1;
            }
            if earlier.get(at) == Some(&course) {
                continue;
            }
            let Some(count) = t.completers.get_mut(course as usize) else {
                continue;
            };
            *count += 1;
            for o in self.outcomes.of(course as usize) {
                let (Some(&(c, claimed)), Some(acc)) =
                    (self.outcomes.list.get(o), t.outcome_acc.get_mut(o))
                else {
                    continue;
                };
                let [h1, h2] = t.levels.get(c as usize).copied().unwrap_or([0, 0]);
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
        let from = before.position.get(was as usize).copied().unwrap_or(0);
        let to = after.position.get(now as usize).copied().unwrap_or(0);
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

/// Writes an officer's held levels (`set`) into the dense per-competency array, `held[0]`
/// as the first of each pair and `held[1]` as the second, or clears them again, so that
/// each requirement costs one load.
fn scatter(levels: &mut [[u8; 2]], held: [&[u32]; 2], set: bool) {
    for (t, held) in held.into_iter().enumerate() {
        for &x in held {
            let (c, l) = unpack(x);
            if let Some(s) = levels.get_mut(c as usize).and_then(|p| p.get_mut(t)) {
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
