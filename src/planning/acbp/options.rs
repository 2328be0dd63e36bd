//! Constraints and priorities of a department plan ([`AcbpOptions`]).

use crate::model::id_values::IdValues;
use crate::planning::recommend::{Solver, UntaggedLevel};
use crate::{CompetencyId, CourseId, DepartmentId, EntityKind, Error, PositionId, Weights};

/// Constraints and priorities of a department plan. Everything is optional: by default the
/// plan closes every gap some course can close, for all officers of the cohort.
#[derive(Clone, Debug, PartialEq)]
pub struct AcbpOptions {
    pub(super) department: Option<DepartmentId>,
    pub(super) budget: Option<f64>,
    pub(super) officer_cap: Option<f64>,
    pub(super) default_seats: Option<u32>,
    pub(super) seats: IdValues<CourseId, u32>,
    pub(super) weights: Weights,
    pub(super) competency_weights: IdValues<CompetencyId, f64>,
    pub(super) position_weights: IdValues<PositionId, f64>,
    pub(super) untagged: UntaggedLevel,
    pub(super) threads: usize,
    pub(super) solver: Solver,
}

impl Default for AcbpOptions {
    fn default() -> Self {
        AcbpOptions {
            department: None,
            budget: None,
            officer_cap: None,
            default_seats: None,
            seats: IdValues::default(),
            weights: Weights::default(),
            competency_weights: IdValues::default(),
            position_weights: IdValues::default(),
            untagged: UntaggedLevel::Ignore,
            threads: 1,
            solver: Solver::Greedy,
        }
    }
}

fn non_negative(option: &'static str, value: f64) -> Result<f64, Error> {
    if value.is_finite() && value >= 0.0 {
        // `-0.0` passes the test above; adding `0.0` makes it `0.0`, so that no report or
        // JSON says a budget of "-0" hours.
        Ok(value + 0.0)
    } else {
        Err(Error::InvalidOption {
            option,
            value,
            expected: "a finite number at least 0",
        })
    }
}

impl AcbpOptions {
    /// Plan for the officers of one department only (default: every officer of the cohort).
    /// A department that neither the framework's positions nor the cohort's officers name
    /// is an error ([`Error::UnknownId`], with the nearest known department), never an
    /// empty plan.
    pub fn department(mut self, department: impl Into<DepartmentId>) -> Self {
        self.department = Some(department.into());
        self
    }

    /// Total training hours the department can fund, summed over officers (person-hours).
    ///
    /// Sums of hours are compared with the budget, and an officer's with the
    /// [`officer_cap`](Self::officer_cap), within 10⁻⁹ hours, as in
    /// [`RecommendOptions::budget`](crate::RecommendOptions::budget), so a plan can be over
    /// either by at most that. The person-hours are summed exactly (each officer's hours
    /// taken to the nearest 10⁻¹² h, summed as integers), so a budget equal to the decimal
    /// sum of the hours enrolled admits them however many officers there are, and one more
    /// than 10⁻⁹ h below it does not.
    ///
    /// # Errors
    /// [`Error::InvalidOption`] (named `budget`) unless finite and at least 0.
    pub fn budget(mut self, hours: f64) -> Result<Self, Error> {
        self.budget = Some(non_negative("budget", hours)?);
        Ok(self)
    }

    /// Most hours one officer may train in the year (compared within 10⁻⁹ hours, as the
    /// [`budget`](Self::budget) is).
    ///
    /// # Errors
    /// [`Error::InvalidOption`] (named `officer_cap`) unless finite and at least 0.
    pub fn officer_cap(mut self, hours: f64) -> Result<Self, Error> {
        self.officer_cap = Some(non_negative("officer_cap", hours)?);
        Ok(self)
    }

    /// Seats of one course in the year (batch size × number of batches).
    pub fn seats(mut self, course: impl Into<CourseId>, seats: u32) -> Self {
        self.seats.insert(course.into(), seats);
        self
    }

    /// Seats of every course not given its own limit (default: unlimited).
    pub fn default_seats(mut self, seats: u32) -> Self {
        self.default_seats = Some(seats);
        self
    }

    /// Priority weights per competency type (default 1 each). They multiply with
    /// [`competency_weight`](Self::competency_weight) and
    /// [`position_weight`](Self::position_weight); a gap worth 0 is not aimed at.
    pub fn weights(mut self, weights: Weights) -> Self {
        self.weights = weights;
        self
    }

    /// Priority of one competency, multiplying its type's weight from
    /// [`weights`](Self::weights) (default 1). A weight of 0 says its gaps are not wanted:
    /// they are open as not prioritised unless a course chosen for another gap closes them,
    /// as in [`Framework::recommend`](crate::Framework::recommend).
    ///
    /// # Errors
    /// [`Error::InvalidIdWeight`] naming the id unless 0 or from
    /// [`Weights::MIN_POSITIVE`](crate::Weights::MIN_POSITIVE) to
    /// [`Weights::MAX`](crate::Weights::MAX).
    pub fn competency_weight(
        mut self,
        competency: impl Into<CompetencyId>,
        weight: f64,
    ) -> Result<Self, Error> {
        let competency = competency.into();
        let weight = crate::analysis::gap::check_id_weight(
            EntityKind::Competency,
            competency.as_str(),
            weight,
        )?;
        self.competency_weights.insert(competency, weight);
        Ok(self)
    }

    /// Priority of the officers holding one position (default 1).
    ///
    /// # Errors
    /// [`Error::InvalidIdWeight`] naming the id unless 0 or from
    /// [`Weights::MIN_POSITIVE`](crate::Weights::MIN_POSITIVE) to
    /// [`Weights::MAX`](crate::Weights::MAX).
    pub fn position_weight(
        mut self,
        position: impl Into<PositionId>,
        weight: f64,
    ) -> Result<Self, Error> {
        let position = position.into();
        let weight =
            crate::analysis::gap::check_id_weight(EntityKind::Position, position.as_str(), weight)?;
        self.position_weights.insert(position, weight);
        Ok(self)
    }

    /// How courses without a level count (default [`UntaggedLevel::Ignore`]).
    pub fn untagged(mut self, rule: UntaggedLevel) -> Self {
        self.untagged = rule;
        self
    }

    /// The algorithm (default [`Solver::Greedy`]: the heuristics, then a branch and bound
    /// within a fixed amount of work, which proves every department of size 16 or less
    /// optimal, and most small ones: see [`Framework::department_plan`]).
    /// [`Solver::Exact`] searches for `node_limit` nodes from the heuristics' plan
    /// (`node_limit: 0`: the heuristics alone); [`DepartmentPlan::optimality`] says whether
    /// the search proved the optimum. See [`Framework::department_plan`].
    ///
    /// [`DepartmentPlan::optimality`]: crate::DepartmentPlan::optimality
    /// [`Framework::department_plan`]: crate::Framework::department_plan
    pub fn solver(mut self, solver: Solver) -> Self {
        self.solver = solver;
        self
    }

    /// Threads for building the officers' candidate sets and for the bound's per-officer
    /// parts (default 1; 0 counts as 1; the selection itself is sequential), as
    /// [`NeedsOptions::threads`](crate::NeedsOptions::threads): at most `min(n, rayon::current_num_threads())` parts, one per officer at most, run in
    /// the current rayon pool (a caller's inside `ThreadPool::install`), on the calling
    /// thread without the `parallel` feature or on `wasm32`. The plan is the same for any
    /// number.
    pub fn threads(mut self, n: usize) -> Self {
        self.threads = n;
        self
    }
}
