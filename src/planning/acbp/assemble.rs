//! From the department's chosen enrolments to a [`DepartmentPlan`]: courses run with their
//! seats, enrolments, per-competency outcomes and why each open gap stayed open.

use super::certify::Certificate;
use super::plan::{CompetencyOutcome, CourseRun, DepartmentPlan, Enrolment, OpenCounts};
use super::problem::Problem;
use crate::analysis::parallel::map_items;
use crate::model::hours::{picos, total_of};
use crate::model::order;
use crate::planning::cover::{EPS, Known, Scan, Stepper};
use crate::planning::department::{Department, Plan, Subproblem};
use crate::{Cohort, Framework, OfficerId, OpenReason, Optimality};

impl Framework {
    pub(super) fn assemble_plan<'f>(
        &'f self,
        cohort: &Cohort,
        problems: &[(u32, &Problem<'f>)],
        dept: &Department<'_>,
        plan: &Plan,
        certificate: &Certificate,
    ) -> DepartmentPlan<'f> {
        let n = self.competencies.len();
        let mut short = vec![0u64; n];
        let mut closed = vec![0u64; n];
        let mut levels = vec![0u64; n];
        let mut open = vec![OpenCounts::default(); n];
        let mut seats = vec![0u32; self.courses.len()];
        let (mut gaps, mut gaps_closed, mut value_open, mut value_closed) = (0u64, 0u64, 0.0, 0.0);
        // Why each open gap stayed open and each enrolled officer's record, each officer's
        // alone, so on the plan's threads; the counts and sums below, in officer order.
        let records = map_items(dept.officers.len(), dept.threads, |o| {
            let (officer, p) = problems[o];
            let (sub, stepper) = (dept.officers[o], &plan.steppers[o]);
            let reasons = why_open(dept, sub, stepper, plan);
            let chosen = stepper.chosen();
            let enrolment = (!chosen.is_empty()).then(|| {
                let mut courses: Vec<u32> =
                    chosen.iter().map(|&c| sub.courses[c as usize]).collect();
                self.learning_order_by(&mut courses, |&c| c);
                let closed = (0..p.closable.len())
                    .filter(|&e| reasons.get(e).copied().flatten().is_none())
                    .count();
                let enrolment = Enrolment {
                    officer: OfficerId::new(cohort.id_str(officer)),
                    officer_name: cohort.name_owned(officer),
                    position: self.position_id(p.position),
                    position_name: self.position_name(p.position),
                    courses: courses.iter().map(|&c| self.course_id(c)).collect(),
                    hours: total_of(picos(stepper.hours())),
                    gaps_closed: closed as u32,
                };
                (enrolment, courses)
            });
            (reasons, enrolment)
        });
        let mut enrolments = Vec::new();
        for ((&(_, p), sub), (reasons, enrolment)) in
            problems.iter().zip(dept.officers).zip(records)
        {
            let mut officer_closed = 0u32;
            for g in &p.gaps {
                short[g.competency as usize] += 1;
            }
            gaps += p.gaps.len() as u64;
            for &(i, reason, value) in &p.unclosable {
                open[p.gaps[i as usize].competency as usize].add(reason);
                value_open += value;
            }
            for (e, &gi) in p.closable.iter().enumerate() {
                let g = &p.gaps[gi as usize];
                let c = g.competency as usize;
                if let Some(reason) = reasons.get(e).copied().flatten() {
                    open[c].add(reason);
                    value_open += sub.inst.values[e];
                } else {
                    closed[c] += 1;
                    levels[c] += u64::from(g.required - g.current);
                    officer_closed += 1;
                    value_closed += sub.inst.values[e];
                }
            }
            gaps_closed += u64::from(officer_closed);
            let Some((enrolment, courses)) = enrolment else {
                continue;
            };
            debug_assert_eq!(enrolment.gaps_closed, officer_closed, "counted alike");
            for c in courses {
                seats[c as usize] += 1;
            }
            enrolments.push(enrolment);
        }
        order::sort_by(&mut enrolments, |a, b| a.officer.cmp(&b.officer));
        let courses = self.course_runs(&seats, dept.seat_limit);
        let (competencies, open) = self.competency_outcomes(&short, &closed, &levels, &open);
        // The whole is what is closed plus what stays open, each summed gap by gap: a plan
        // leaving nothing of value open then reports exactly its total (`planning/12`),
        // which the total summed in another order could pass by a rounding. What stays
        // open keeps the total above what is closed even when the sum rounds it away (1
        // beside 10¹⁸, `planning/13`), so no share of it reads as 100%.
        let whole = value_closed + value_open;
        let value_total = if value_open > 0.0 && whole <= value_closed {
            value_closed.next_up()
        } else {
            whole
        };
        let (bound, optimality) = reported(certificate, value_closed);
        DepartmentPlan {
            officers: problems.len(),
            gaps,
            gaps_closed,
            value_total,
            value_closed,
            hours: Department::hours(plan),
            budget: dept.budget.is_finite().then_some(dept.budget),
            courses,
            enrolments,
            competencies,
            open,
            bound,
            optimality,
            nodes: certificate.nodes,
        }
    }

    /// The courses with at least one seat taken, most seats first, then by id.
    fn course_runs(&self, seats: &[u32], seat_limit: &[u32]) -> Vec<CourseRun<'_>> {
        let mut runs: Vec<CourseRun<'_>> = seats
            .iter()
            .enumerate()
            .filter(|&(_, &n)| n > 0)
            .map(|(c, &n)| {
                let spec = &self.courses.items[c];
                CourseRun {
                    course: &spec.id,
                    name: &spec.name,
                    hours: spec.hours,
                    mode: spec.mode,
                    seats: n,
                    seat_limit: Some(seat_limit[c]).filter(|&l| l != u32::MAX),
                    person_hours: total_of(i128::from(n) * picos(spec.hours)),
                }
            })
            .collect();
        order::sort_by_key(&mut runs, |r| std::cmp::Reverse(r.seats));
        runs
    }

    /// Per competency with a gap, most officers short first, then by id; and the open totals.
    fn competency_outcomes(
        &self,
        short: &[u64],
        closed: &[u64],
        levels: &[u64],
        open: &[OpenCounts],
    ) -> (Vec<CompetencyOutcome<'_>>, OpenCounts) {
        let mut total = OpenCounts::default();
        let mut outcomes: Vec<CompetencyOutcome<'_>> = (0..short.len())
            .filter(|&c| short[c] > 0)
            .map(|c| {
                let o = open[c];
                total.no_course += o.no_course;
                total.level_too_low += o.level_too_low;
                total.untagged_only += o.untagged_only;
                total.completed_only += o.completed_only;
                total.budget += o.budget;
                total.seats += o.seats;
                total.officer_cap += o.officer_cap;
                total.not_prioritised += o.not_prioritised;
                CompetencyOutcome {
                    competency: self.competency_id(c as u32),
                    name: self.competency_name(c as u32),
                    kind: self.competency_kind[c],
                    officers_short: short[c],
                    closed: closed[c],
                    levels_closed: levels[c],
                    open: o,
                }
            })
            .collect();
        order::sort_by_key(&mut outcomes, |o| std::cmp::Reverse(o.officers_short));
        (outcomes, total)
    }
}

/// Why each closable element of an officer stayed open (`None` when closed): budget when
/// some unchosen closing course has a seat in everything it adds and fits the officer's
/// cap, else the cap when some has seats, else seats. On a maximal plan
/// ([`Department::settle`]) a course of the first kind does not fit in the budget left, so
/// each reason is true of the plan returned.
///
/// # Complexity
/// O(n + q + Σ closure) for n candidates with q prerequisite links, the sum over the
/// unchosen candidates closing an open element whose every added course has a seat left:
/// whether a candidate's closure has its seats is found once per candidate, prerequisites
/// first, and only those candidates' closures are walked for their hours (on a chain of
/// courses only the last of which closes a gap, one walk, not one per course), and on an
/// instance scanned with a pass (`Scan::Pass`) not those whose hours follow from a
/// prerequisite's (on a chain of courses each closing a gap, no walk).
fn why_open(
    dept: &Department<'_>,
    p: &Subproblem,
    stepper: &Stepper,
    plan: &Plan,
) -> Vec<Option<OpenReason>> {
    let inst = &p.inst;
    let has_seat = |d: u32| plan.seats_left[p.courses[d as usize] as usize] > 0;
    // Which closures have their seats, and, on a long or deep instance, the hours of those
    // that follow from a prerequisite's (see `Stepper::known`).
    let known = match p.scan {
        Scan::Walks => stepper
            .blocked(inst, has_seat)
            .into_iter()
            .map(|full| if full { Known::Blocked } else { Known::Walk })
            .collect(),
        Scan::Pass { exact } => stepper.known(inst, exact, has_seat),
    };
    // 0: no closer seen, 1: closers all full, 2: some with seats over the cap, 3: some fits.
    let mut best = vec![0u8; inst.values.len()];
    for c in 0..inst.len() as u32 {
        if stepper.is_chosen(c) || inst.covers(c).iter().all(|&e| stepper.closes(e)) {
            continue;
        }
        let full = known[c as usize] == Known::Blocked;
        debug_assert_eq!(
            !full,
            stepper.all_pending(inst, c, has_seat),
            "seats found prerequisites first, as a walk of the closure finds them"
        );
        let hours = |c: u32| match known[c as usize] {
            Known::Step(_, hours) => hours,
            _ => stepper.marginal_hours(inst, c),
        };
        let status = if full {
            1
        } else if stepper.hours() + hours(c) <= dept.cap + EPS {
            3
        } else {
            2
        };
        for &e in inst.covers(c) {
            best[e as usize] = best[e as usize].max(status);
        }
    }
    best.iter()
        .enumerate()
        .map(|(e, &status)| {
            (!stepper.closes(e as u32)).then_some(match status {
                _ if inst.values.get(e).is_some_and(|&v| v <= 0.0) => OpenReason::NotPrioritised,
                3 => OpenReason::Budget,
                2 => OpenReason::OfficerCap,
                _ => OpenReason::Seats,
            })
        })
        .collect()
}

/// The bound and label as reported beside `value_closed`, the plan's value summed gap by
/// gap: the certificate's own sums may add the same values in another order, which past
/// 2⁵³ (weights up to 10⁹ each for type, competency and position) gives another float. An
/// optimal plan's bound is its reported value; any other plan's bound is at least it and
/// its gap is `1 − value_closed / bound` (0 within 10⁻¹²), as [`DepartmentPlan`] states.
fn reported(certificate: &Certificate, value_closed: f64) -> (f64, Optimality) {
    if certificate.proven {
        return (value_closed, Optimality::Optimal);
    }
    let bound = certificate.bound.max(value_closed);
    let gap = if bound > 0.0 {
        1.0 - value_closed / bound
    } else {
        0.0
    };
    let gap = if gap <= 1e-12 { 0.0 } else { gap };
    (bound, Optimality::Bounded { gap })
}
