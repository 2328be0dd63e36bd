//! Annual Capacity Building Plans: a department's course portfolio and enrolments.

use crate::model::order;
use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::analysis::parallel::map_ranges;
use crate::model::spec::{CompetencyType, Mode};
use crate::people::cohort::unpack;
use crate::planning::cover::{EPS, Stepper, exact_budget};
use crate::planning::department::{
    Department, Plan, Subproblem, best_single_if_better, exact, exchange, improve, prices,
};
use crate::planning::recommend::{GapItem, Optimality, Solver, UntaggedLevel};
use crate::{
    Cohort, CompetencyId, CourseId, DepartmentId, EntityKind, Error, Framework, OfficerId,
    OpenReason, PositionId, Weights,
};

/// Constraints and priorities of a department plan. Everything is optional: by default the
/// plan closes every gap some course can close, for all officers of the cohort.
#[derive(Clone, Debug, PartialEq)]
pub struct AcbpOptions {
    department: Option<DepartmentId>,
    budget: Option<f64>,
    officer_cap: Option<f64>,
    default_seats: Option<u32>,
    seats: BTreeMap<CourseId, u32>,
    weights: Weights,
    competency_weights: BTreeMap<CompetencyId, f64>,
    position_weights: BTreeMap<PositionId, f64>,
    untagged: UntaggedLevel,
    threads: usize,
    solver: Solver,
}

impl Default for AcbpOptions {
    fn default() -> Self {
        AcbpOptions {
            department: None,
            budget: None,
            officer_cap: None,
            default_seats: None,
            seats: BTreeMap::new(),
            weights: Weights::default(),
            competency_weights: BTreeMap::new(),
            position_weights: BTreeMap::new(),
            untagged: UntaggedLevel::Ignore,
            threads: 1,
            solver: Solver::Greedy,
        }
    }
}

fn non_negative(option: &'static str, value: f64) -> Result<f64, Error> {
    if value.is_finite() && value >= 0.0 {
        Ok(value)
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
    /// # Errors
    /// [`Error::InvalidOption`] (named `budget`) unless finite and at least 0.
    pub fn budget(mut self, hours: f64) -> Result<Self, Error> {
        self.budget = Some(non_negative("budget", hours)?);
        Ok(self)
    }

    /// Most hours one officer may train in the year.
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

    /// Priority weights per competency type (default 1 each).
    pub fn weights(mut self, weights: Weights) -> Self {
        self.weights = weights;
        self
    }

    /// Priority of one competency, multiplying its type weight (default 1).
    ///
    /// # Errors
    /// [`Error::InvalidIdWeight`] naming the id unless finite and at least 0.
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
    /// [`Error::InvalidIdWeight`] naming the id unless finite and at least 0.
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
    /// within a fixed amount of work, which proves small departments optimal).
    /// [`Solver::Exact`] searches for `node_limit` nodes from the heuristics' plan
    /// (`node_limit: 0`: the heuristics alone); [`DepartmentPlan::optimality`] says whether
    /// the search proved the optimum. See [`Framework::department_plan`].
    pub fn solver(mut self, solver: Solver) -> Self {
        self.solver = solver;
        self
    }

    /// Threads for building the officers' candidate sets (default 1; 0 counts as 1; the
    /// selection itself is sequential), as [`NeedsOptions::threads`](crate::NeedsOptions::threads):
    /// at most `min(n, rayon::current_num_threads())` parts, one per officer at most, run in
    /// the current rayon pool (a caller's inside `ThreadPool::install`), on the calling
    /// thread without the `parallel` feature or on `wasm32`. The plan is the same for any
    /// number.
    pub fn threads(mut self, n: usize) -> Self {
        self.threads = n;
        self
    }
}

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
    /// `seats × hours`.
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
    /// Courses in learning order (prerequisites first, ties by id).
    pub courses: Vec<&'f CourseId>,
    /// Their hours.
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
    fn add(&mut self, reason: OpenReason) {
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
    /// Weighted shortfall of all gaps.
    pub value_total: f64,
    /// Weighted shortfall the plan closes (the objective).
    pub value_closed: f64,
    /// Person-hours of all enrolments.
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
    /// closes (at least `value_closed`; equal to it when the plan is proven optimal).
    pub bound: f64,
    /// How far from the optimum the plan can be: [`Optimality::Optimal`] when the exact
    /// search proved it (most value, then fewest person-hours), else
    /// [`Optimality::Bounded`] with `gap = 1 − value_closed / bound`.
    pub optimality: Optimality,
    /// Search nodes the branch and bound used (0 when it did not search).
    pub nodes: u64,
}

/// One officer's gaps and how each is valued.
struct Problem<'f> {
    position: u32,
    gaps: Vec<GapItem<'f>>,
    /// Value of closing each gap.
    values: Vec<f64>,
    /// Reason for each gap no course can close; `None` for closable ones.
    unclosable: Vec<Option<OpenReason>>,
    /// Gap index of each instance element.
    closable: Vec<u32>,
}

/// Option ids resolved to dense indices.
struct Resolved {
    seat_limit: Vec<u32>,
    competency_weight: BTreeMap<u32, f64>,
    position_weight: BTreeMap<u32, f64>,
    cap: f64,
}

impl Framework {
    /// Plans a department's year of training: which courses to run, how many seats each,
    /// which officers attend what, and the gaps closed and left open (with the reason).
    ///
    /// The objective is the weighted shortfall closed: each officer's gap against their
    /// position is worth `shortfall × type weight × competency weight × position weight`,
    /// and it is closed when the officer attends a course reaching the required level (with
    /// its prerequisites, unless completed). Constraints: the department's hour budget, each
    /// officer's yearly cap, and per-course seat limits.
    ///
    /// Plans are compared lexicographically: more weighted shortfall closed, then, among
    /// equal values, fewer person-hours. Every plan returned is *minimal* (no officer
    /// attends a course that closes none of their gaps of positive value that no other of
    /// their courses closes and that none of their courses requires) and *maximal* (no
    /// course, with its pending prerequisites, that would close more for an officer fits
    /// their cap, the budget left and a free seat of everything it adds), and every open
    /// gap's reason holds for the plan returned: [`OpenReason::Budget`] only when some
    /// course closing it fits the officer's cap and has seats but not the budget left,
    /// [`OpenReason::OfficerCap`] only when some course closing it has seats but none fits
    /// the cap, [`OpenReason::Seats`] only when every course closing it (or a prerequisite
    /// it adds) is full.
    ///
    /// # Algorithm and guarantee
    /// First, each officer's candidate courses are found (as in [`Framework::recommend`]),
    /// in parallel with [`AcbpOptions::threads`]; officers with the same position,
    /// assessed levels and completed courses share one problem, built once. Then a
    /// lazy-evaluation greedy keeps every officer's best next enrolment (most value per
    /// hour, prerequisites included) in one heap; since an officer's best ratio only falls
    /// as seats, budget and their own gaps run out, a popped entry that is still the best
    /// after re-evaluation is taken. Picks that became redundant are then dropped and the
    /// freed hours and seats refilled, and the plan is compared with the single most
    /// valuable enrolment and the better kept. With a budget and no seat limits, officer
    /// caps or shared prerequisites this is the classic budgeted-coverage greedy: at least
    /// `(1 − 1/e)/2 ≈ 0.316` of the optimal value (Khuller, Moss and Naor, 1999). Best
    /// responses (each officer's enrolment re-solved within the hours and seats the others
    /// leave) and exchanges across officers (one course taken out, the department refilled)
    /// follow, within a fixed amount of work, each kept only when lexicographically better.
    ///
    /// Every plan carries a proven upper bound, [`DepartmentPlan::bound`]: a Lagrangian
    /// relaxation of the budget, the seats and the gap–course links, and each officer's
    /// own bound within their cap. Last, a branch and bound over `(officer, course)`
    /// decisions searches from the plan: with [`Solver::Exact`] for `node_limit` nodes;
    /// by default ([`Solver::Greedy`]) for at most [`Solver::DEFAULT_NODES`] nodes and at
    /// most about 4·10⁶ candidate visits in all (nodes × department size), so small
    /// departments are searched through and proven optimal, and department-sized ones get
    /// no search. `Solver::Exact { node_limit: 0 }` is the heuristics alone. A finished
    /// search proves the plan optimal under the lexicographic objective
    /// ([`Optimality::Optimal`]); otherwise the plan is at most [`Optimality::Bounded`]'s
    /// `gap` below the optimum. Seat limits and caps are always respected; for them no
    /// constant factor is claimed, and the tests compare against brute-force optima.
    ///
    /// # Errors
    /// [`Error::FrameworkMismatch`] for a cohort from another framework; [`Error::UnknownId`]
    /// for a seat limit, competency weight or position weight naming an unknown id, or an
    /// unknown department (each with the nearest known id, when one is close).
    ///
    /// # Complexity
    /// With n officers, d distinct officer problems (position, assessed levels, completed
    /// courses), g gaps per problem, o courses per competency and m candidates per problem
    /// (the courses closing a gap with their prerequisite closures):
    /// - time O(d·(g·o + m) + n log n) to build the problems; the greedy O(s·(c + q) +
    ///   s log n) for s enrolment steps, where each step looks at the c candidates closing a
    ///   gap still open and walks the closures q of those of them that do; the best
    ///   responses, exchanges, relaxation and search each stop after a fixed amount of work
    ///   (at most a few 10⁷ candidate visits, counted, not timed, so the plan does not
    ///   depend on the machine), plus O(n·m) per pass to look at the plan;
    /// - memory O(d·(g + m) + n·m): each distinct problem once, and per officer their
    ///   enrolment state (a few bytes per candidate) and the courses they are enrolled in.
    ///   A prerequisite chain is stored once per distinct problem, not once per officer:
    ///   200 officers on a 5,000-course chain, each enrolled in all of it, take about 22
    ///   bytes per officer and enrolled course (`tests/planning.rs`).
    pub fn department_plan<'f>(
        &'f self,
        cohort: &Cohort,
        options: &AcbpOptions,
    ) -> Result<DepartmentPlan<'f>, Error> {
        self.check_stamp(cohort.stamp)?;
        self.check_department(options.department.as_ref(), Some(cohort))?;
        let resolved = self.resolve(options)?;
        let department = match &options.department {
            None => None,
            Some(d) => match cohort.departments.binary_search(d) {
                Ok(i) => Some(i as u32),
                Err(_) => Some(u32::MAX),
            },
        };
        // In officer-id order, so every tie between officers goes to the smaller id and the
        // plan does not depend on the order officers were listed in.
        let mut officers: Vec<u32> = (0..cohort.len() as u32)
            .filter(|&i| department.is_none_or(|d| cohort.department[i as usize] == d))
            .collect();
        order::sort_by(&mut officers, |&a, &b| {
            cohort.id_str(a).cmp(cohort.id_str(b)).then(a.cmp(&b))
        });
        // Officers with the same post, assessed levels and completed courses have the same
        // problem: it is built once and shared, so a long prerequisite chain is held once
        // per distinct problem, not once per officer.
        let mut distinct: Vec<u32> = Vec::new();
        let mut problem_of: Vec<u32> = Vec::with_capacity(officers.len());
        let mut seen: HashMap<(u32, &[u32], &[u32]), u32> = HashMap::new();
        for &o in &officers {
            let key = (
                cohort.position[o as usize],
                cohort.held_of(o),
                cohort.completed_of(o),
            );
            let next = distinct.len() as u32;
            let k = *seen.entry(key).or_insert_with(|| {
                distinct.push(o);
                next
            });
            problem_of.push(k);
        }
        drop(seen);
        let chunks = map_ranges(distinct.len(), options.threads, |range| {
            range
                .map(|k| self.problem(cohort, distinct[k], &resolved, options))
                .collect::<Vec<_>>()
        });
        let (problems, built): (Vec<Problem<'f>>, Vec<Subproblem>) =
            chunks.into_iter().flatten().unzip();
        let subs: Vec<&Subproblem> = problem_of.iter().map(|&k| &built[k as usize]).collect();
        let dept = Department {
            officers: &subs,
            seat_limit: &resolved.seat_limit,
            budget: options.budget.unwrap_or(f64::INFINITY),
            cap: resolved.cap,
        };
        let mut plan = dept.empty();
        dept.settle(&mut plan);
        if best_single_if_better(&dept, &mut plan) {
            dept.settle(&mut plan);
        }
        let mut work = IMPROVE_WORK;
        if improve(&dept, &mut plan, &mut work) {
            dept.settle(&mut plan);
        }
        if exchange(&dept, &mut plan, &mut work) && improve(&dept, &mut plan, &mut work) {
            dept.settle(&mut plan);
        }
        let certificate = certify(&dept, &mut plan, options.solver);
        let problems: Vec<(u32, &Problem<'f>)> = officers
            .iter()
            .zip(&problem_of)
            .map(|(&o, &k)| (o, &problems[k as usize]))
            .collect();
        Ok(self.assemble_plan(cohort, &problems, &dept, &plan, &certificate))
    }

    fn resolve(&self, options: &AcbpOptions) -> Result<Resolved, Error> {
        let unknown = |kind, id: &str| self.unknown_id(kind, id);
        let mut seat_limit = vec![options.default_seats.unwrap_or(u32::MAX); self.courses.len()];
        for (id, &n) in &options.seats {
            let c = self
                .courses
                .get(id.as_str())
                .ok_or_else(|| unknown(EntityKind::Course, id.as_str()))?;
            seat_limit[c as usize] = n;
        }
        let mut competency_weight = BTreeMap::new();
        for (id, &w) in &options.competency_weights {
            let c = self
                .competencies
                .get(id.as_str())
                .ok_or_else(|| unknown(EntityKind::Competency, id.as_str()))?;
            competency_weight.insert(c, w);
        }
        let mut position_weight = BTreeMap::new();
        for (id, &w) in &options.position_weights {
            let p = self
                .positions
                .get(id.as_str())
                .ok_or_else(|| unknown(EntityKind::Position, id.as_str()))?;
            position_weight.insert(p, w);
        }
        Ok(Resolved {
            seat_limit,
            competency_weight,
            position_weight,
            cap: options.officer_cap.unwrap_or(f64::INFINITY),
        })
    }

    /// Value of closing one gap of an officer in position `p`.
    fn gap_value(
        &self,
        g: &GapItem<'_>,
        p: u32,
        resolved: &Resolved,
        options: &AcbpOptions,
    ) -> f64 {
        let kind = self.competency_kind[g.competency as usize];
        f64::from(g.required - g.current)
            * options.weights.get(kind)
            * resolved
                .competency_weight
                .get(&g.competency)
                .copied()
                .unwrap_or(1.0)
            * resolved.position_weight.get(&p).copied().unwrap_or(1.0)
    }

    /// One officer's gaps and candidate courses.
    fn problem(
        &self,
        cohort: &Cohort,
        officer: u32,
        resolved: &Resolved,
        options: &AcbpOptions,
    ) -> (Problem<'_>, Subproblem) {
        let p = cohort.position[officer as usize];
        let held: Vec<(u32, u8)> = cohort.held_of(officer).iter().map(|&x| unpack(x)).collect();
        let gaps = self.gaps_at(p, &held);
        let completed = cohort.completed_of(officer);
        let (courses, open) = self.candidates(&gaps, completed, options.untagged);
        let mut unclosable = vec![None; gaps.len()];
        for (i, reason) in open {
            unclosable[i] = Some(reason);
        }
        let closable: Vec<u32> = (0..gaps.len() as u32)
            .filter(|&i| unclosable[i as usize].is_none())
            .collect();
        let values: Vec<f64> = gaps
            .iter()
            .map(|g| self.gap_value(g, p, resolved, options))
            .collect();
        let closable_gaps: Vec<&GapItem<'_>> =
            closable.iter().map(|&i| &gaps[i as usize]).collect();
        let closable_values = closable.iter().map(|&i| values[i as usize]).collect();
        let inst = self.instance(
            &courses,
            &closable_gaps,
            completed,
            closable_values,
            options.untagged,
            None,
        );
        (
            Problem {
                position: p,
                gaps,
                values,
                unclosable,
                closable,
            },
            Subproblem { inst, courses },
        )
    }
}

impl Framework {
    fn assemble_plan<'f>(
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
        let mut enrolments = Vec::new();
        let (mut gaps, mut gaps_closed, mut value_total, mut value_closed, mut hours) =
            (0u64, 0u64, 0.0, 0.0, 0.0);
        for ((&(officer, p), sub), stepper) in
            problems.iter().zip(dept.officers).zip(&plan.steppers)
        {
            let chosen = stepper.chosen();
            let officer_hours = stepper.hours();
            let mut officer_closed = 0u32;
            for g in &p.gaps {
                short[g.competency as usize] += 1;
            }
            gaps += p.gaps.len() as u64;
            value_total += p.values.iter().sum::<f64>();
            for (i, reason) in p.unclosable.iter().enumerate() {
                if let (Some(reason), Some(g)) = (reason, p.gaps.get(i)) {
                    open[g.competency as usize].add(*reason);
                }
            }
            let reasons = why_open(dept, sub, stepper, plan);
            for (e, &gi) in p.closable.iter().enumerate() {
                let g = &p.gaps[gi as usize];
                let c = g.competency as usize;
                if let Some(reason) = reasons.get(e).copied().flatten() {
                    open[c].add(reason);
                } else {
                    closed[c] += 1;
                    levels[c] += u64::from(g.required - g.current);
                    officer_closed += 1;
                    value_closed += sub.inst.values[e];
                }
            }
            gaps_closed += u64::from(officer_closed);
            if chosen.is_empty() {
                continue;
            }
            let mut courses: Vec<u32> = chosen.iter().map(|&c| sub.courses[c as usize]).collect();
            order::sort_by_key(&mut courses, |&c| self.course_rank[c as usize]);
            for &c in &courses {
                seats[c as usize] += 1;
            }
            hours += officer_hours;
            enrolments.push(Enrolment {
                officer: OfficerId::new(cohort.id_str(officer)),
                officer_name: cohort.name_owned(officer),
                position: self.position_id(p.position),
                position_name: self.position_name(p.position),
                courses: courses.iter().map(|&c| self.course_id(c)).collect(),
                hours: officer_hours,
                gaps_closed: officer_closed,
            });
        }
        order::sort_by(&mut enrolments, |a, b| a.officer.cmp(&b.officer));
        let courses = self.course_runs(&seats, dept.seat_limit);
        let (competencies, open) = self.competency_outcomes(&short, &closed, &levels, &open);
        DepartmentPlan {
            officers: problems.len(),
            gaps,
            gaps_closed,
            value_total,
            value_closed,
            hours,
            budget: dept.budget.is_finite().then_some(dept.budget),
            courses,
            enrolments,
            competencies,
            open,
            bound: certificate.bound,
            optimality: certificate.optimality,
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
                    person_hours: f64::from(n) * spec.hours,
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
/// cap, else the cap when some has seats, else seats. One pass over the candidates. On a
/// maximal plan ([`Department::settle`]) a course of the first kind does not fit in the
/// budget left, so each reason is true of the plan returned.
fn why_open(
    dept: &Department<'_>,
    p: &Subproblem,
    stepper: &Stepper,
    plan: &Plan,
) -> Vec<Option<OpenReason>> {
    // 0: no closer seen, 1: closers all full, 2: some with seats over the cap, 3: some fits.
    let mut best = vec![0u8; p.inst.values.len()];
    for c in 0..p.inst.len() as u32 {
        if stepper.is_chosen(c) {
            continue;
        }
        let seated = stepper.all_pending(&p.inst, c, |d| {
            plan.seats_left[p.courses[d as usize] as usize] > 0
        });
        let status = match (
            seated,
            stepper.hours() + stepper.marginal_hours(&p.inst, c) <= dept.cap + EPS,
        ) {
            (false, _) => 1,
            (true, false) => 2,
            (true, true) => 3,
        };
        for &e in p.inst.covers(c) {
            best[e as usize] = best[e as usize].max(status);
        }
    }
    best.iter()
        .enumerate()
        .map(|(e, &status)| {
            (!stepper.closes(e as u32)).then_some(match status {
                _ if p.inst.values.get(e).is_some_and(|&v| v <= 0.0) => OpenReason::NotPrioritised,
                3 => OpenReason::Budget,
                2 => OpenReason::OfficerCap,
                _ => OpenReason::Seats,
            })
        })
        .collect()
}

/// How good a plan is known to be.
struct Certificate {
    bound: f64,
    optimality: Optimality,
    nodes: u64,
}

/// Candidate visits (candidates times search nodes) of best responses and exchanges per
/// department plan (see `planning::department::improve`); beyond it the remaining officers
/// keep their enrolments.
const IMPROVE_WORK: u64 = 2_000_000;

/// Candidate evaluations the price search may spend in all: a small department gets the
/// most steps, a department-sized one at least [`MIN_PRICE_STEPS`].
const PRICE_WORK: u64 = 20_000_000;
const MIN_PRICE_STEPS: u32 = 3;
/// Candidate visits (candidates times nodes) of officers bounded alone by the budgeted
/// search, and its nodes per officer.
const ALONE_WORK: u64 = 10_000_000;
const ALONE_NODES: u64 = 1_000;
const MAX_PRICE_STEPS: u32 = 300;
/// Search nodes times the department's size (candidates and gaps of all officers) the
/// default solver may spend after its heuristics, at most [`Solver::DEFAULT_NODES`] nodes:
/// a node costs time linear in the department, so the search adds at most about this much
/// work whatever the department's size.
const SEARCH_WORK: u64 = 4_000_000;

/// Bounds the plan (and, with [`Solver::Exact`], searches for a better one from it): the
/// department bound of `planning::department::bound`, the officers' density bounds, and for
/// whole values the bound rounded down.
fn certify(dept: &Department<'_>, plan: &mut Plan, solver: Solver) -> Certificate {
    let value = dept.value(plan);
    let hours = Department::hours(plan);
    let size: u64 = dept
        .officers
        .iter()
        .map(|p| p.inst.len() as u64 + p.inst.values.len() as u64)
        .sum::<u64>()
        .max(1);
    let steps = u32::try_from(PRICE_WORK / size)
        .unwrap_or(u32::MAX)
        .clamp(MIN_PRICE_STEPS, MAX_PRICE_STEPS);
    // The hour price starts at the plan's value per hour when the budget binds.
    let lambda = if dept.budget.is_finite() && hours > 0.0 && plan.budget_left < 0.5 * dept.budget {
        value / hours
    } else {
        0.0
    };
    let prices = prices(dept, value, lambda, steps);
    // Each officer alone within their cap and the whole budget: the density bound, and
    // while the work allows, the budgeted solver's proven bound (the same search the best
    // responses use).
    let limit = dept.cap.min(dept.budget);
    let mut work = ALONE_WORK;
    let alone: Vec<f64> = dept
        .officers
        .iter()
        .map(|p| {
            let density = Stepper::new(&p.inst).upper_bound(&p.inst, &[], limit);
            // A search of ALONE_NODES nodes visits about its candidates once per node.
            let size = (p.inst.len() as u64 + 1) * ALONE_NODES;
            if work < size || density <= 0.0 {
                return density;
            }
            work -= size;
            density.min(exact_budget(&p.inst, limit, ALONE_NODES).bound)
        })
        .collect();
    let density: f64 = alone.iter().sum();
    let whole = dept
        .officers
        .iter()
        .all(|p| p.inst.values.iter().all(|v| v.fract() == 0.0));
    let round = |bound: f64| {
        if whole && bound.is_finite() {
            (bound + 1e-7 * bound.abs().max(1.0)).floor() + 0.0
        } else {
            bound
        }
    };
    let root = round(prices.bound.min(density));
    // The default searches too, within [`SEARCH_WORK`]: every node of a small department,
    // none of a department-sized one.
    let node_limit = match solver {
        Solver::Greedy => (SEARCH_WORK / size).min(Solver::DEFAULT_NODES),
        Solver::Exact { node_limit } => node_limit,
    };
    let (proven, nodes, bound) = match node_limit {
        0 => (false, 0, root),
        node_limit => {
            let outcome = exact(dept, plan, &prices, &alone, node_limit);
            dept.settle(plan);
            let bound = if outcome.proven {
                dept.value(plan)
            } else {
                root.min(round(outcome.open_bound))
            };
            (outcome.proven, outcome.nodes, bound)
        }
    };
    let value = dept.value(plan);
    let bound = bound.max(value);
    let optimality = if proven || bound <= 0.0 {
        Optimality::Optimal
    } else {
        let gap = 1.0 - value / bound;
        Optimality::Bounded {
            gap: if gap <= 1e-12 { 0.0 } else { gap },
        }
    };
    Certificate {
        bound,
        optimality,
        nodes,
    }
}
