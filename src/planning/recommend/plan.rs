//! What a recommendation returns: the [`Plan`], its steps, the gaps it closes and leaves
//! open and why; and the gaps in the solvers' form.

use serde::Serialize;

use crate::model::object::object_struct;
use crate::model::spec::Mode;
use crate::{CompetencyId, CourseId, Level, Paths};

object_struct! {
/// A competency to reach: for [`Framework::recommend_targets`].
///
/// [`Framework::recommend_targets`]: crate::Framework::recommend_targets
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// The competency.
    pub competency: CompetencyId,
    /// The level held now. Read from JSON as every level field reads a level's number
    /// (`0`, `"3"`, `"Level 3"`, `"III"`, `"3 (Advanced)"`; see [`Level`]).
    #[serde(deserialize_with = "current")]
    pub current: Level,
    /// The level to reach, read as `current` is.
    #[serde(deserialize_with = "required")]
    pub required: Level,
}}

/// A target's `current` level, its messages naming the field.
fn current<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Level, D::Error> {
    crate::model::level::level_of("current", d)
}

/// A target's `required` level, its messages naming the field.
fn required<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Level, D::Error> {
    crate::model::level::level_of("required", d)
}

/// A gap a step closes.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Closed<'f> {
    /// The competency.
    pub competency: &'f CompetencyId,
    /// Its name.
    pub name: &'f str,
    /// Level held before.
    pub from: Level,
    /// Level required (the course reaches at least this).
    pub to: Level,
    /// Roles and activities that demand it (empty for plain targets), derived when
    /// iterated.
    pub provenance: Paths<'f>,
}

/// One course of a learning path.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Step<'f> {
    /// The course.
    pub course: &'f CourseId,
    /// Its name.
    pub name: &'f str,
    /// Its hours.
    pub hours: f64,
    /// Formal, social or experiential.
    pub mode: Mode,
    /// Term number (from 1) when the plan is split into terms, else 0.
    pub term: u32,
    /// The gaps this step closes (each gap is credited to the first step closing it).
    pub closes: Vec<Closed<'f>>,
    /// Later steps that require this one (it may close nothing itself).
    pub prerequisite_for: Vec<&'f CourseId>,
}

/// Why a gap stays open.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "reason")]
pub enum OpenReason {
    /// No course in the catalogue builds the competency.
    NoCourse,
    /// Courses build it, but the best reaches only `best`, below the required level.
    LevelTooLow {
        /// The highest level any course reaches.
        best: Level,
    },
    /// Only courses without a level build it, and [`UntaggedLevel::Ignore`] is in force.
    ///
    /// [`UntaggedLevel::Ignore`]: crate::UntaggedLevel::Ignore
    UntaggedOnly,
    /// Only courses the officer has already completed close it.
    CompletedOnly,
    /// Courses could close it, but not within the hour budget.
    Budget,
    /// Every course that could close it is full (department plans).
    Seats,
    /// Every course that could close it with seats left would exceed the officer's yearly
    /// hour cap (department plans).
    OfficerCap,
    /// It is worth nothing under the weights given (a weight of 0), so the plan does not
    /// aim at it, with or without a budget.
    NotPrioritised,
}

/// A gap the plan does not close, and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OpenGap<'f> {
    /// The competency.
    pub competency: &'f CompetencyId,
    /// Its name.
    pub name: &'f str,
    /// Level held.
    pub current: Level,
    /// Level required.
    pub required: Level,
    /// Why it stays open.
    pub reason: OpenReason,
}

/// Hours by learning mode: the plan's 70-20-10 blend.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Blend {
    /// Hours of formal courses.
    pub formal: f64,
    /// Hours of social learning.
    pub social: f64,
    /// Hours of experiential learning.
    pub experiential: f64,
}

impl Blend {
    /// Share of hours that are formal (0 for an empty plan).
    pub fn formal_share(&self) -> f64 {
        let total = self.formal + self.social + self.experiential;
        if total > 0.0 {
            self.formal / total
        } else {
            0.0
        }
    }
}

/// How good a selection is known to be.
///
/// Learning paths ([`Plan::bound`]) and department plans ([`DepartmentPlan::bound`]) always
/// carry a proven bound on the optimum, so every plan is [`Optimality::Optimal`] or
/// [`Optimality::Bounded`].
///
/// [`DepartmentPlan::bound`]: crate::DepartmentPlan::bound
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum Optimality {
    /// Proven optimal: the plan meets its bound.
    ///
    /// Hours are compared as sums of doubles are, with room for rounding: two plans whose
    /// (selection or person-) hours differ by at most 10⁻⁹ of the larger, or 10⁻⁹ h when
    /// that is under one hour, count as taking the same hours. So an optimal plan takes
    /// at most that more than the fewest possible (a 10-hour course after a pledge of
    /// 4·10⁻⁹ h is as optimal as another 10-hour course alone); its value is the most
    /// possible.
    Optimal,
    /// Not proven optimal, but at most `gap` from the optimum: for least hours, the plan's
    /// selection hours (its hours, with formal hours counted at `1 / share` under
    /// [`RecommendOptions::max_formal_share`](crate::RecommendOptions::max_formal_share))
    /// are at most `(1 + gap)` times the fewest possible (taken with the room of
    /// [`Optimality::Optimal`]: `(1 + gap)·(fewest + 10⁻⁹·max(1, bound))` exactly, as
    /// [`Plan::bound`](crate::Plan::bound) says); under a formal share its hours may be
    /// more, as the share asks (a 30-hour experiential course chosen over a 10-hour formal
    /// one under a share of 0.1); for a budget, its value is
    /// at least `(1 − gap)` times the most possible (a department plan's value likewise). A
    /// budgeted plan with `gap` 0 closes the most value, but no search has ruled out the
    /// same value in fewer hours. A budgeted learning path takes no more selection hours
    /// than the least-hours solver's cover of the gaps it closes, when that cover fits the
    /// budget: with a budget that does not bind, no more than the unbudgeted plan's
    /// ([`RecommendOptions::budget`](crate::RecommendOptions::budget)).
    Bounded {
        /// The largest relative distance from the optimum the bound allows.
        gap: f64,
    },
}

impl Optimality {
    /// The proven relative distance from the optimum: 0 when optimal, else the
    /// [`Optimality::Bounded`] gap. Every plan carries a bound, so every plan has one.
    ///
    /// A gap of 0 does not by itself mean optimal: a budgeted plan `Bounded { gap: 0.0 }`
    /// closes the most value, but fewer hours for it are not ruled out. Compare with
    /// [`Optimality::Optimal`] to know whether the plan is proven optimal.
    pub fn gap(&self) -> f64 {
        match *self {
            Optimality::Optimal => 0.0,
            Optimality::Bounded { gap } => gap,
        }
    }
}

/// One term of a learning path split with [`RecommendOptions::term_hours`].
///
/// [`RecommendOptions::term_hours`]: crate::RecommendOptions::term_hours
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Term {
    /// Hours of the term's courses.
    pub hours: f64,
    /// The term holds a single course longer than the cap (courses are not split), so it
    /// is longer than the cap; every other term is within it.
    pub over_cap: bool,
}

/// A recommended learning path.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Plan<'f> {
    /// The courses in learning order: every course after its prerequisites in the plan,
    /// and among the courses whose prerequisites are placed the smallest id first (a
    /// prerequisite the officer completed holds no course back); by term first when the
    /// plan is split into terms.
    pub steps: Vec<Step<'f>>,
    /// Total hours of all steps, each course's hours taken to the nearest pico-hour
    /// (10⁻¹² h), summed exactly as integers and rounded to 9 decimal places, so that a
    /// sum of decimal hours is the decimal sum on any number of courses, with no
    /// floating-point noise (courses of 0.8, 9.9 and 1.3 hours total `12`, not
    /// `12.000000000000002`). The blend's and the terms' hours are summed the same way.
    pub total_hours: f64,
    /// Hours by learning mode.
    pub blend: Blend,
    /// With [`RecommendOptions::max_formal_share`], whether the blend meets it.
    ///
    /// [`RecommendOptions::max_formal_share`]: crate::RecommendOptions::max_formal_share
    pub blend_target_met: Option<bool>,
    /// Gaps closed.
    pub closed: usize,
    /// Weighted shortfall closed (the budgeted objective).
    pub value_closed: f64,
    /// Gaps left open, sorted by competency id, with the reason.
    pub open: Vec<OpenGap<'f>>,
    /// The terms when split into terms (index 0 is term 1).
    pub terms: Vec<Term>,
    /// A proven bound on the optimum. Least hours ([`Objective::CloseAll`]): no plan
    /// closing every closable gap takes fewer selection hours than this (formal hours
    /// counted at `1 / share` under [`RecommendOptions::max_formal_share`], else plain
    /// hours), rounded to 9 decimals as every total of hours is, so that without a formal
    /// share it is never above [`Plan::total_hours`]; proven with the room
    /// [`Optimality::Optimal`] gives hours, so what holds exactly is that no such plan
    /// takes fewer than `bound − 10⁻⁹·max(1, bound)` selection hours (one 2-hour course
    /// beside a plan of 2 + 8·10⁻¹⁰ h proven optimal with `bound` 2.000000001:
    /// `tests/data/cases/planning/11-*`). Budget: no plan within the hours closes more
    /// weighted shortfall. A plan proven optimal ([`Optimality::Optimal`]) meets it: the
    /// bound is then the plan's own selection hours (summed exactly and rounded, so
    /// without a formal share [`Plan::total_hours`]) or its [`Plan::value_closed`].
    ///
    /// [`Objective::CloseAll`]: crate::Objective::CloseAll
    /// [`RecommendOptions::max_formal_share`]: crate::RecommendOptions::max_formal_share
    pub bound: f64,
    /// How far from the optimum the plan can be, from [`Plan::bound`].
    pub optimality: Optimality,
    /// Search nodes the exact solver used (0 for greedy).
    pub nodes: u64,
}

/// A gap in solver-ready form.
pub(crate) struct GapItem<'f> {
    pub(crate) competency: u32,
    pub(crate) current: u8,
    pub(crate) required: u8,
    pub(crate) provenance: Paths<'f>,
}
