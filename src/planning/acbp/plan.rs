//! What a department plan returns ([`DepartmentPlan`]): the courses run, the enrolments,
//! and per competency what was closed and why the rest stayed open.

use serde::Serialize;

use crate::model::spec::{CompetencyType, Mode};
use crate::planning::recommend::Optimality;
use crate::{CompetencyId, CourseId, OfficerId, OpenReason, PositionId};

/// A course the plan runs.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CourseRun<'f> {
    /// The course.
    pub course: &'f CourseId,
    /// Its name.
    pub name: &'f str,
    /// Hours per participant.
    pub hours: f64,
    /// Formal, social or experiential.
    pub mode: Mode,
    /// Officers enrolled.
    pub seats: u32,
    /// The seat limit, if any.
    pub seat_limit: Option<u32>,
    /// `seats × hours`, rounded to 9 decimal places as [`Plan::total_hours`] is.
    ///
    /// [`Plan::total_hours`]: crate::Plan::total_hours
    pub person_hours: f64,
}

/// One officer's courses for the year.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Enrolment<'f> {
    /// The officer.
    pub officer: OfficerId,
    /// The officer's name, when their spec gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub officer_name: Option<String>,
    /// Their position, which the gaps are measured against.
    pub position: &'f PositionId,
    /// Its name.
    pub position_name: &'f str,
    /// Courses in learning order, as [`Plan::steps`] are: prerequisites first, then the
    /// smallest id among the courses ready.
    ///
    /// [`Plan::steps`]: crate::Plan::steps
    pub courses: Vec<&'f CourseId>,
    /// Their hours, summed and rounded as [`Plan::total_hours`] is.
    ///
    /// [`Plan::total_hours`]: crate::Plan::total_hours
    pub hours: f64,
    /// Gaps these courses close.
    pub gaps_closed: u32,
}

/// Gaps left open, by reason.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct OpenCounts {
    /// No course builds the competency.
    pub no_course: u64,
    /// Courses build it, but not to the required level.
    pub level_too_low: u64,
    /// Only courses without a level build it.
    pub untagged_only: u64,
    /// Only courses the officer already completed close it.
    pub completed_only: u64,
    /// Closing courses had seats and fitted the officer's cap, but the budget ran out.
    pub budget: u64,
    /// Every closing course was full.
    pub seats: u64,
    /// Every closing course with seats would exceed the officer's yearly cap.
    pub officer_cap: u64,
    /// The gap is worth nothing under the priority weights, so the plan does not aim at it.
    pub not_prioritised: u64,
}

impl OpenCounts {
    pub(super) fn add(&mut self, reason: OpenReason) {
        match reason {
            OpenReason::NoCourse => self.no_course += 1,
            OpenReason::LevelTooLow { .. } => self.level_too_low += 1,
            OpenReason::UntaggedOnly => self.untagged_only += 1,
            OpenReason::CompletedOnly => self.completed_only += 1,
            OpenReason::Budget => self.budget += 1,
            OpenReason::Seats => self.seats += 1,
            OpenReason::OfficerCap => self.officer_cap += 1,
            OpenReason::NotPrioritised => self.not_prioritised += 1,
        }
    }

    /// All open gaps.
    pub fn total(&self) -> u64 {
        self.no_course
            + self.level_too_low
            + self.untagged_only
            + self.completed_only
            + self.budget
            + self.seats
            + self.officer_cap
            + self.not_prioritised
    }
}

/// What the plan does for one competency across the department.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CompetencyOutcome<'f> {
    /// The competency.
    pub competency: &'f CompetencyId,
    /// Its name.
    pub name: &'f str,
    /// Its type.
    pub kind: CompetencyType,
    /// Officers short of their position's level.
    pub officers_short: u64,
    /// Of those, officers whose gap the plan closes.
    pub closed: u64,
    /// Levels of shortfall the plan closes.
    pub levels_closed: u64,
    /// Gaps left open, by reason.
    pub open: OpenCounts,
}

/// An Annual Capacity Building Plan: which courses to run, with how many seats, who attends
/// what, and what it closes and leaves open.
///
/// Printed (`Display`), it is the whole plan as a department files it, attendance included;
/// [`DepartmentPlan::summary`] leaves the attendance out, for a screen.
///
/// # Properties
/// - For every competency, `officers_short = closed + open.total()`.
/// - Every officer's courses fit the officer cap; all hours fit the budget; no course has
///   more seats than its limit; every course's prerequisites are in the same officer's list,
///   earlier, unless the officer completed them.
/// - The same cohort and options give the same plan, for any number of threads.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DepartmentPlan<'f> {
    /// Officers planned for.
    pub officers: usize,
    /// Their gaps (officer × competency) against their positions.
    pub gaps: u64,
    /// Gaps the plan closes.
    pub gaps_closed: u64,
    /// Weighted shortfall of all gaps: `value_closed` plus the value of the gaps left open,
    /// each summed gap by gap. It equals `value_closed` exactly when no gap worth anything
    /// stays open, and is above it otherwise: when the value left open is too small to
    /// change the sum (1 beside 10¹⁸), by the least step of a double, so that
    /// `value_closed / value_total` is below 1 whenever a gap of value stays open.
    pub value_total: f64,
    /// Weighted shortfall the plan closes (the objective).
    pub value_closed: f64,
    /// Person-hours of all enrolments, summed and rounded as [`Plan::total_hours`] is: each
    /// officer's hours taken to the nearest pico-hour and summed exactly, so the decimal
    /// sum on any number of officers, and what the budget is compared with (within 10⁻⁹ h).
    ///
    /// [`Plan::total_hours`]: crate::Plan::total_hours
    pub hours: f64,
    /// The budget, if one was set.
    pub budget: Option<f64>,
    /// Courses to run, most seats first, then by id.
    pub courses: Vec<CourseRun<'f>>,
    /// Enrolments of officers with at least one course, by officer id.
    pub enrolments: Vec<Enrolment<'f>>,
    /// Per competency with at least one gap, most officers short first, then by id.
    pub competencies: Vec<CompetencyOutcome<'f>>,
    /// All open gaps by reason.
    pub open: OpenCounts,
    /// A proven upper bound on the most weighted shortfall any plan within the constraints
    /// closes, the budget and caps as plans are held to them (within 10⁻⁹ h, see
    /// [`AcbpOptions::budget`](crate::AcbpOptions::budget)); at least `value_closed`, and
    /// equal to it when the plan is proven optimal.
    ///
    /// The least of: the Lagrangian relaxation of the budget, the seats and the gap–course
    /// links at the prices a fixed number of subgradient steps reach (each officer's part
    /// at most their own bound alone); the officers' bounds alone summed; and, for a
    /// department of at most 4·10⁶ candidates and gaps in all, the budget shared by a
    /// fractional knapsack among each officer's concave curve of value against hours (per
    /// gap, the upper hull of the ways a candidate closing it can close it, each
    /// candidate's hours and seat price split among the gaps of value it closes and a
    /// course closing none passing its own to the candidates requiring it), at no seat
    /// price and at the seat prices the officers' bids clear. Any prices give a bound
    /// (weak duality); the module docs of `planning::department::bound` and `envelope` in
    /// the source give each rule and why it is one. Whole values round it down.
    pub bound: f64,
    /// How far from the optimum the plan can be: [`Optimality::Optimal`] when the exact
    /// search proved it (most value, then fewest person-hours), else
    /// [`Optimality::Bounded`] with `gap = 1 − value_closed / bound`.
    pub optimality: Optimality,
    /// Search nodes the branch and bound used (0 when it did not search).
    pub nodes: u64,
}
