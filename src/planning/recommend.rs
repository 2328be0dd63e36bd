//! Course recommendation: which courses close an officer's gaps, in what order.

use crate::model::order;
use std::collections::BTreeMap;

use serde::Serialize;

use crate::analysis::gap::merge_held;
use crate::model::spec::Mode;
use crate::planning::cover::{self, Instance};
use crate::{CompetencyId, CourseId, EntityKind, Error, Framework, Level, Paths, Profile, Weights};

/// What the recommender optimises.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Objective {
    /// Close every gap some course can close, in the fewest total hours (the default).
    #[default]
    CloseAll,
    /// Close the most weighted shortfall within this many hours.
    Budget(f64),
}

/// Which algorithm solves the selection. Both return a plan with a proven bound on the
/// optimum ([`Plan::bound`]) and say how far from it the plan can be ([`Plan::optimality`]).
///
/// The default is `Exact { node_limit: Solver::DEFAULT_NODES }`: the heuristics of
/// [`Solver::Greedy`], then a search of at most 2,000 nodes that proves most plans optimal
/// (see BENCHMARKS.md) while keeping a plan's time bounded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Solver {
    /// Heuristics with a certificate, no search. Least hours: forced picks, a lazy greedy by
    /// cost-effectiveness with prerequisite closures, redundancy removal and exchanges, and
    /// repairs of the selections of a Lagrangian relaxation whose value is the proven lower
    /// bound. Budget: the best of a greedy by value per hour and of greedy completions of
    /// the most valuable single courses, filled until no course adding value fits, then
    /// exchanges; bounded by a fractional knapsack and a Lagrangian relaxation. See
    /// [`Framework::recommend`] for the guarantees.
    Greedy,
    /// The heuristics, then branch and bound on Lagrangian bounds with reduced-cost fixing
    /// (least hours) or on knapsack bounds (budget), stopping after `node_limit` search
    /// nodes: deterministic, as the limit counts nodes, not time. No depth limit: the search
    /// keeps its own stack. When the limit stops it, the plan is the best found (never
    /// worse than [`Solver::Greedy`]'s) and the bound the weakest among the parts of the
    /// search left, so the reported gap stays proven.
    Exact {
        /// Search nodes allowed.
        node_limit: u64,
    },
}

impl Solver {
    /// Nodes the default solver may search after its heuristics.
    pub const DEFAULT_NODES: u64 = 2_000;
}

impl Default for Solver {
    fn default() -> Self {
        Solver::Exact {
            node_limit: Solver::DEFAULT_NODES,
        }
    }
}

/// How to treat a course that tags a competency without saying the level it reaches.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum UntaggedLevel {
    /// It closes no gap in that competency (the default): no level is guessed.
    #[default]
    Ignore,
    /// Treat it as reaching this level.
    Assume(Level),
}

/// Options for [`Framework::recommend`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RecommendOptions {
    objective: Objective,
    solver: Solver,
    untagged: UntaggedLevel,
    weights: Weights,
    competency_weights: BTreeMap<CompetencyId, f64>,
    term_hours: Option<f64>,
    max_formal_share: Option<f64>,
}

fn check_number(option: &'static str, value: f64, positive: bool) -> Result<f64, Error> {
    if value.is_finite() && (value > 0.0 || (!positive && value >= 0.0)) {
        Ok(value)
    } else {
        let expected = if positive {
            "a finite number above 0"
        } else {
            "a finite number at least 0"
        };
        Err(Error::InvalidOption {
            option,
            value,
            expected,
        })
    }
}

impl RecommendOptions {
    /// Close every closable gap in the fewest hours (the default).
    pub fn close_all(mut self) -> Self {
        self.objective = Objective::CloseAll;
        self
    }

    /// Close the most weighted shortfall within `hours`.
    ///
    /// # Errors
    /// [`Error::InvalidOption`] (named `budget`) unless `hours` is finite and at least 0.
    pub fn budget(mut self, hours: f64) -> Result<Self, Error> {
        self.objective = Objective::Budget(check_number("budget", hours, false)?);
        Ok(self)
    }

    /// The algorithm (default `Solver::Exact { node_limit: Solver::DEFAULT_NODES }`).
    pub fn solver(mut self, solver: Solver) -> Self {
        self.solver = solver;
        self
    }

    /// How courses without a level count (default [`UntaggedLevel::Ignore`]).
    pub fn untagged(mut self, rule: UntaggedLevel) -> Self {
        self.untagged = rule;
        self
    }

    /// Value weights per competency type, for [`Objective::Budget`] (default 1 each).
    pub fn weights(mut self, weights: Weights) -> Self {
        self.weights = weights;
        self
    }

    /// Value weight of one competency, multiplying its type weight (default 1).
    ///
    /// # Errors
    /// [`Error::InvalidIdWeight`] naming the competency unless `weight` is finite and at
    /// least 0. An unknown competency is reported by [`Framework::recommend`].
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

    /// Split the learning path into terms of at most `hours` each.
    ///
    /// Each course, in learning order, goes to the earliest term after its prerequisites'
    /// terms that has room for it. Courses are never split: a course longer than `hours`
    /// gets a term of its own, marked [`Term::over_cap`] (and shown as such), so every
    /// other term is within the cap and a longer one is never silent.
    ///
    /// # Errors
    /// [`Error::InvalidOption`] (named `term_hours`) unless `hours` is finite and above 0.
    pub fn term_hours(mut self, hours: f64) -> Result<Self, Error> {
        self.term_hours = Some(check_number("term_hours", hours, true)?);
        Ok(self)
    }

    /// Aim for at most this share of hours in formal courses (70-20-10 asks about 0.1).
    ///
    /// The target is soft: in selection a formal hour costs `1 / share` hours, steering the
    /// solver to social and experiential resources where they close the same gaps; hours
    /// reported are real, and [`Plan::blend_target_met`] says whether the plan meets it.
    ///
    /// # Errors
    /// [`Error::InvalidOption`] (named `max_formal_share`) unless `0 < share ≤ 1`.
    pub fn max_formal_share(mut self, share: f64) -> Result<Self, Error> {
        if !(share.is_finite() && share > 0.0 && share <= 1.0) {
            return Err(Error::InvalidOption {
                option: "max_formal_share",
                value: share,
                expected: "a number above 0 and at most 1",
            });
        }
        self.max_formal_share = Some(share);
        Ok(self)
    }
}

/// A competency to reach: for [`Framework::recommend_targets`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// The competency.
    pub competency: CompetencyId,
    /// The level held now.
    pub current: Level,
    /// The level to reach.
    pub required: Level,
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
    /// It is worth nothing under the weights given, so a budgeted plan does not aim at it.
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
    Optimal,
    /// Not proven optimal, but at most `gap` from the optimum: for least hours, the plan's
    /// hours are at most `(1 + gap)` times the fewest possible; for a budget, its value is
    /// at least `(1 − gap)` times the most possible (a department plan's value likewise). A
    /// budgeted plan with `gap` 0 closes the most value, but no search has ruled out the
    /// same value in fewer hours.
    Bounded {
        /// The largest relative distance from the optimum the bound allows.
        gap: f64,
    },
}

impl Optimality {
    /// The proven relative distance from the optimum: 0 when optimal, else the
    /// [`Optimality::Bounded`] gap. Every plan carries a bound, so every plan has one.
    pub fn gap(&self) -> f64 {
        match *self {
            Optimality::Optimal => 0.0,
            Optimality::Bounded { gap } => gap,
        }
    }
}

/// One term of a learning path split with [`RecommendOptions::term_hours`].
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
    /// The courses in learning order: every course after its prerequisites, ties by id.
    pub steps: Vec<Step<'f>>,
    /// Total hours of all steps.
    pub total_hours: f64,
    /// Hours by learning mode.
    pub blend: Blend,
    /// With [`RecommendOptions::max_formal_share`], whether the blend meets it.
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
    /// hours). Budget: no plan within the hours closes more weighted shortfall.
    pub bound: f64,
    /// How far from the optimum the plan can be, from [`Plan::bound`].
    pub optimality: Optimality,
    /// Search nodes the exact solver used (0 for greedy).
    pub nodes: u64,
}

/// The level a course offer reaches under the untagged-level rule.
pub(crate) fn reaches(level: Option<u8>, untagged: UntaggedLevel) -> Option<u8> {
    match (level, untagged) {
        (Some(l), _) => Some(l),
        (None, UntaggedLevel::Assume(l)) => Some(l.get()),
        (None, UntaggedLevel::Ignore) => None,
    }
}

/// A gap in solver-ready form.
pub(crate) struct GapItem<'f> {
    pub(crate) competency: u32,
    pub(crate) current: u8,
    pub(crate) required: u8,
    pub(crate) provenance: Paths<'f>,
}

impl Framework {
    /// Recommends courses closing an officer's gaps against a position.
    ///
    /// A course closes a gap when the level it brings the learner to is at least the
    /// required level; a course reaching a lower level closes nothing for that competency
    /// (partial progress does not count, so every pick is a completed requirement).
    /// Courses the officer has completed are never recommended, and count as done where
    /// they are prerequisites. A chosen course brings its prerequisites (their hours count).
    ///
    /// # Objective
    /// The value of closing a gap is `shortfall × type weight × competency weight`.
    /// - [`Objective::CloseAll`]: close every gap some course can close, in the fewest
    ///   selection hours (hours, with formal hours counted at `1 / share` under
    ///   [`RecommendOptions::max_formal_share`]).
    /// - [`Objective::Budget`]: close the most value within the hours; among plans of equal
    ///   value, the fewest selection hours win (a lexicographic objective).
    ///
    /// # Properties
    /// Every plan, from either solver:
    /// - is **minimal**: each course is a prerequisite of another course of the plan, or
    ///   closes a gap (worth something, under a budget) no other course of it closes;
    /// - under a budget, is **maximal**: no course left out, with its prerequisites not in
    ///   the plan, fits in the hours left and closes a gap worth something that stays open.
    ///   So a gap is open with [`OpenReason::Budget`] only when no course closing it fits in
    ///   the hours left, and with [`OpenReason::NotPrioritised`] only when it is worth nothing;
    ///   the other reasons say why no course can close it at all;
    /// - carries a **proven bound** on the optimum, [`Plan::bound`], and [`Plan::optimality`]
    ///   is `Optimal` when the plan meets it, else `Bounded { gap }` with the relative
    ///   distance the bound allows. Least-hours bounds come from a Lagrangian relaxation of
    ///   the cover rows (prerequisite rows handled by pushing reduced costs down the
    ///   prerequisite graph), rounded up to whole (or half, quarter, eighth) hours when every
    ///   cost is a multiple of one; budget bounds from a fractional knapsack over the open gaps
    ///   and a Lagrangian knapsack relaxation, rounded down when every value is whole.
    ///
    /// # Guarantees
    /// - [`Objective::CloseAll`], [`Solver::Greedy`]: every closable gap is closed; the
    ///   hours are at most `H(g)` times those of the best plan in which each pick pays its
    ///   whole prerequisite closure (`g`: most gaps one course and its prerequisites close,
    ///   `H(g) = 1 + 1/2 + … + 1/g ≤ ln g + 1`), without shared prerequisites the true
    ///   optimum; repairs and exchanges only lower them.
    /// - [`Objective::Budget`], [`Solver::Greedy`]: without shared prerequisites, at least
    ///   `(1 − 1/e)/2` of the most value closable (the greedy is compared with the most
    ///   valuable single course).
    /// - [`Solver::Exact`] (the default, with [`Solver::DEFAULT_NODES`] nodes): at least as
    ///   good as [`Solver::Greedy`]; optimal when it says so. Where both plans are proven
    ///   optimal, more budget never closes less.
    ///
    /// On ESCO-shaped instances (BENCHMARKS.md) the default least-hours plan was optimal on
    /// every instance checked against an independent MIP solver, and proven so in most.
    ///
    /// # Complexity
    /// With g gaps, o offers per competency, m candidate courses (those closing a gap, and
    /// their pending prerequisites), z (course, gap) pairs and q prerequisite pairs among
    /// them: finding candidates is O(g·o + m + q) with a hash set; the greedy walks each
    /// evaluated course's unchosen prerequisites instead of storing closures, so a pick
    /// costs O(w + d) for w courses walked and d pooled courses requiring it, and a plan
    /// O((m + z + q) log m) when prerequisites are not shared by many picks (a chain of
    /// 100,000 courses is linear); each Lagrangian step is O(m + z + q), with 300 at the
    /// root and 30 per search node, and the search is bounded by its node limit. Memory is
    /// O(m + z + q) plus the plan.
    ///
    /// # Errors
    /// [`Error::UnknownId`] for an unknown position or a competency weight naming an
    /// unknown competency; [`Error::FrameworkMismatch`] for a profile from another framework.
    pub fn recommend<'f>(
        &'f self,
        profile: &Profile,
        position: &str,
        options: &RecommendOptions,
    ) -> Result<Plan<'f>, Error> {
        self.check_stamp(profile.stamp)?;
        let p = self.position_index(position)?;
        let gaps = self.gaps_at(p, &profile.held);
        self.plan(&gaps, &profile.completed, options)
    }

    /// The gaps of an officer holding `held` (sorted by competency) against post `p`, in
    /// competency order, with their provenance.
    pub(crate) fn gaps_at(&self, p: u32, held: &[(u32, u8)]) -> Vec<GapItem<'_>> {
        let reqs = self.position_reqs(p);
        let mut gaps = Vec::new();
        merge_held(reqs, held, |i, current| {
            let r = reqs[i];
            if r.level > current {
                gaps.push(GapItem {
                    competency: r.competency,
                    current,
                    required: r.level,
                    provenance: Paths::new(self, p, r.competency),
                });
            }
        });
        gaps
    }

    /// Recommends courses reaching arbitrary targets (e.g. an IDP's goals).
    ///
    /// Targets whose required level does not exceed the current one are already met and
    /// ignored. Behaves as [`Framework::recommend`] otherwise, with the same objective,
    /// properties, guarantees and complexity (g is the number of targets not met, plus
    /// O(c log c) for c completed courses).
    ///
    /// # Errors
    /// [`Errors`](crate::Errors) naming every unknown competency or course, level above a
    /// competency's scale, and competency listed twice.
    pub fn recommend_targets<'f>(
        &'f self,
        targets: &[Target],
        completed: &[CourseId],
        options: &RecommendOptions,
    ) -> Result<Plan<'f>, crate::Errors> {
        let mut errors = Vec::new();
        let mut gaps = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for t in targets {
            let Some(c) = self.competencies.get(t.competency.as_str()) else {
                errors.push(self.unknown_id(EntityKind::Competency, t.competency.as_str()));
                continue;
            };
            if !seen.insert(c) {
                errors.push(Error::DuplicateId {
                    kind: EntityKind::Competency,
                    id: t.competency.to_string(),
                });
                continue;
            }
            let max = self.competency_max[c as usize];
            for level in [t.current, t.required] {
                if level.get() > max {
                    errors.push(Error::InvalidLevel {
                        owner_kind: EntityKind::Competency,
                        owner: t.competency.to_string(),
                        competency: t.competency.to_string(),
                        level: level.get(),
                        min: 0,
                        max,
                    });
                }
            }
            if t.required > t.current {
                gaps.push(GapItem {
                    competency: c,
                    current: t.current.get(),
                    required: t.required.get(),
                    provenance: Paths::default(),
                });
            }
        }
        let mut done = Vec::new();
        for c in completed {
            match self.courses.get(c.as_str()) {
                Some(i) => done.push(i),
                None => errors.push(self.unknown_id(EntityKind::Course, c.as_str())),
            }
        }
        if let Some(e) = crate::Errors::from_vec(errors) {
            return Err(e);
        }
        order::sort_by_key(&mut gaps, |g| g.competency);
        done.sort_unstable();
        done.dedup();
        Ok(self.plan(&gaps, &done, options)?)
    }

    fn plan<'f>(
        &'f self,
        gaps: &[GapItem<'f>],
        completed: &[u32],
        options: &RecommendOptions,
    ) -> Result<Plan<'f>, Error> {
        // Only the competencies named get a weight other than 1.
        let mut comp_weight: BTreeMap<u32, f64> = BTreeMap::new();
        for (id, &w) in &options.competency_weights {
            let c = self
                .competencies
                .get(id.as_str())
                .ok_or_else(|| self.unknown_id(EntityKind::Competency, id.as_str()))?;
            comp_weight.insert(c, w);
        }
        let (courses, open) = self.candidates(gaps, completed, options.untagged);
        let closable: Vec<&GapItem<'f>> = gaps
            .iter()
            .enumerate()
            .filter(|(i, _)| !open.iter().any(|(o, _)| o == i))
            .map(|(_, g)| g)
            .collect();
        let open: Vec<(&GapItem<'f>, OpenReason)> =
            open.into_iter().map(|(i, r)| (&gaps[i], r)).collect();
        let values = closable
            .iter()
            .map(|g| {
                let kind = self.competency_kind[g.competency as usize];
                let w = options.weights.get(kind)
                    * comp_weight.get(&g.competency).copied().unwrap_or(1.0);
                f64::from(g.required - g.current) * w
            })
            .collect();
        let inst = self.instance(
            &courses,
            &closable,
            completed,
            values,
            options.untagged,
            options.max_formal_share,
        );
        let solution = match (options.objective, options.solver) {
            (Objective::CloseAll, Solver::Greedy) => cover::bounded_cover(&inst),
            (Objective::CloseAll, Solver::Exact { node_limit }) => {
                cover::exact_cover(&inst, node_limit)
            }
            (Objective::Budget(b), Solver::Greedy) => cover::greedy_budget(&inst, b),
            (Objective::Budget(b), Solver::Exact { node_limit }) => {
                cover::exact_budget(&inst, b, node_limit)
            }
        };
        let optimality = match options.objective {
            _ if solution.proven => Optimality::Optimal,
            Objective::CloseAll if solution.bound > 0.0 => Optimality::Bounded {
                gap: (solution.cost / solution.bound - 1.0).max(0.0),
            },
            Objective::Budget(_) if solution.bound > 0.0 => Optimality::Bounded {
                gap: (1.0 - cover::value_of_chosen(&inst, &solution.chosen) / solution.bound)
                    .max(0.0),
            },
            // A zero bound is met by the empty plan, which every solver then returns.
            _ => Optimality::Optimal,
        };
        // A least-hours plan meeting its bound is optimal; a budgeted one is then the most
        // value, but only the search proves no plan of equal value takes fewer hours.
        let optimality = match (optimality, options.objective) {
            (Optimality::Bounded { gap }, Objective::CloseAll) if gap <= 1e-12 => {
                Optimality::Optimal
            }
            (Optimality::Bounded { gap }, _) if gap <= 1e-12 => Optimality::Bounded { gap: 0.0 },
            (other, _) => other,
        };
        let picked: Vec<u32> = solution
            .chosen
            .iter()
            .map(|&i| courses[i as usize])
            .collect();
        Ok(self.assemble(
            &picked,
            &closable,
            open,
            &inst,
            &solution.chosen,
            (optimality, solution.bound, solution.nodes),
            options,
        ))
    }

    /// Courses that may be chosen, sorted: those closing some gap (not completed) and their
    /// pending prerequisites; and the gaps no course can close, with the reason.
    pub(crate) fn candidates(
        &self,
        gaps: &[GapItem<'_>],
        completed: &[u32],
        untagged: UntaggedLevel,
    ) -> (Vec<u32>, Vec<(usize, OpenReason)>) {
        let mut chosen = Vec::new();
        let mut open = Vec::new();
        for (i, g) in gaps.iter().enumerate() {
            let mut closable = false;
            for o in self.offers_of(g.competency) {
                if reaches(o.level, untagged).is_some_and(|l| l >= g.required)
                    && completed.binary_search(&o.course).is_err()
                {
                    chosen.push(o.course);
                    closable = true;
                }
            }
            if !closable {
                open.push((i, self.open_reason(g, untagged)));
            }
        }
        chosen.sort_unstable();
        chosen.dedup();
        // Pending prerequisites of them all, each found once: O(closure), however many
        // candidates share it.
        let mut seen: std::collections::HashSet<u32> = chosen.iter().copied().collect();
        let mut stack = chosen.clone();
        while let Some(c) = stack.pop() {
            for &p in self.direct_prerequisites(c) {
                if completed.binary_search(&p).is_err() && seen.insert(p) {
                    chosen.push(p);
                    stack.push(p);
                }
            }
        }
        chosen.sort_unstable();
        (chosen, open)
    }

    /// The cover instance over candidate `courses` (local index = position in the list,
    /// so ties go to the smaller course id) and the `closable` gaps.
    /// `values` gives each closable gap's value; a formal course's selection cost is its
    /// hours divided by `formal_share` when one is given.
    pub(crate) fn instance(
        &self,
        courses: &[u32],
        closable: &[&GapItem<'_>],
        completed: &[u32],
        values: Vec<f64>,
        untagged: UntaggedLevel,
        formal_share: Option<f64>,
    ) -> Instance {
        // Each candidate's gaps as one contiguous, ascending run: (candidate, gap) pairs in
        // gap order, then a counting sort by candidate, which keeps gaps ascending.
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        for (e, g) in closable.iter().enumerate() {
            for o in self.offers_of(g.competency) {
                if reaches(o.level, untagged).is_some_and(|l| l >= g.required)
                    && let Ok(local) = courses.binary_search(&o.course)
                {
                    pairs.push((local as u32, e as u32));
                }
            }
        }
        let mut start = vec![0u32; courses.len() + 1];
        for &(local, _) in &pairs {
            start[local as usize + 1] += 1;
        }
        for i in 0..courses.len() {
            start[i + 1] += start[i];
        }
        let mut fill = start.clone();
        let mut gaps_of = vec![0u32; pairs.len()];
        for &(local, e) in &pairs {
            gaps_of[fill[local as usize] as usize] = e;
            fill[local as usize] += 1;
        }
        let mut inst = Instance::with_capacity(values, courses.len(), pairs.len());
        let mut prerequisites = Vec::new();
        for (local, &course) in courses.iter().enumerate() {
            let covers = &gaps_of[start[local] as usize..start[local + 1] as usize];
            let hours = self.course_hours[course as usize];
            let mut cost = hours;
            if let Some(share) = formal_share
                && self.course_mode[course as usize] == Mode::Formal
            {
                cost /= share;
            }
            // Direct pending prerequisites, as local indices (ascending, as `courses` is).
            prerequisites.clear();
            prerequisites.extend(
                self.direct_prerequisites(course)
                    .iter()
                    .filter(|p| completed.binary_search(p).is_err())
                    .filter_map(|p| courses.binary_search(p).ok().map(|i| i as u32)),
            );
            inst.push(cost, hours, covers, &prerequisites);
        }
        inst.finish();
        inst
    }

    fn open_reason(&self, g: &GapItem<'_>, untagged: UntaggedLevel) -> OpenReason {
        let offers = self.offers_of(g.competency);
        if offers.is_empty() {
            return OpenReason::NoCourse;
        }
        if offers
            .iter()
            .any(|o| reaches(o.level, untagged).is_some_and(|l| l >= g.required))
        {
            // Closable in principle, so only completed courses do it.
            return OpenReason::CompletedOnly;
        }
        match offers
            .iter()
            .filter_map(|o| reaches(o.level, untagged))
            .max()
        {
            Some(best) => OpenReason::LevelTooLow {
                best: Level::saturating(best),
            },
            None => OpenReason::UntaggedOnly,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn assemble<'f>(
        &'f self,
        picked: &[u32],
        closable: &[&GapItem<'f>],
        open: Vec<(&GapItem<'f>, OpenReason)>,
        inst: &Instance,
        chosen_local: &[u32],
        (optimality, bound, nodes): (Optimality, f64, u64),
        options: &RecommendOptions,
    ) -> Plan<'f> {
        let mut order: Vec<(u32, u32)> = picked
            .iter()
            .zip(chosen_local)
            .map(|(&c, &l)| (c, l))
            .collect();
        order::sort_by_key(&mut order, |&(c, _)| self.course_rank[c as usize]);
        // Each step's dependants in the plan, in learning order: one pass over the
        // steps' direct prerequisites.
        let position: std::collections::HashMap<u32, usize> = order
            .iter()
            .enumerate()
            .map(|(i, &(c, _))| (c, i))
            .collect();
        let mut prerequisite_for: Vec<Vec<&'f CourseId>> = vec![Vec::new(); order.len()];
        for &(course, _) in &order {
            for p in self.direct_prerequisites(course) {
                if let Some(&i) = position.get(p) {
                    prerequisite_for[i].push(self.course_id(course));
                }
            }
        }
        let mut steps: Vec<Step<'f>> = Vec::with_capacity(order.len());
        let mut blend = Blend::default();
        for (&(course, _), prerequisite_for) in order.iter().zip(prerequisite_for) {
            let spec = &self.courses.items[course as usize];
            match spec.mode {
                Mode::Formal => blend.formal += spec.hours,
                Mode::Social => blend.social += spec.hours,
                Mode::Experiential => blend.experiential += spec.hours,
            }
            steps.push(Step {
                course: &spec.id,
                name: &spec.name,
                hours: spec.hours,
                mode: spec.mode,
                term: 0,
                closes: Vec::new(),
                prerequisite_for,
            });
        }
        let mut locals: Vec<u32> = order.iter().map(|&(_, l)| l).collect();
        let terms = match options.term_hours {
            Some(cap) => {
                let terms = self.split_terms(&mut steps, cap);
                // Learning order: by term, then the order within the path (a stable sort).
                let mut by_term: Vec<usize> = (0..steps.len()).collect();
                order::sort_by_key(&mut by_term, |&i| steps[i].term);
                steps = by_term.iter().map(|&i| steps[i].clone()).collect();
                locals = by_term.iter().map(|&i| locals[i]).collect();
                terms
            }
            None => Vec::new(),
        };
        // Each gap is credited to the first step in the final order that closes it.
        let mut credited = vec![false; closable.len()];
        for (step, &l) in steps.iter_mut().zip(&locals) {
            for &e in inst.covers(l) {
                if !credited[e as usize] {
                    credited[e as usize] = true;
                    let g = closable[e as usize];
                    step.closes.push(Closed {
                        competency: self.competency_id(g.competency),
                        name: self.competency_name(g.competency),
                        from: Level::saturating(g.current),
                        to: Level::saturating(g.required),
                        provenance: g.provenance,
                    });
                }
            }
        }
        let open = self.open_gaps(open, closable, &credited, inst);
        let value_closed = cover::value_of_chosen(inst, chosen_local);
        // Summed from +0.0: an empty `f64` sum is -0.0.
        let total_hours = steps.iter().fold(0.0, |sum, s| sum + s.hours);
        Plan {
            closed: credited.iter().filter(|&&c| c).count(),
            steps,
            total_hours,
            blend_target_met: options
                .max_formal_share
                .map(|share| blend.formal_share() <= share + 1e-12),
            blend,
            value_closed,
            open,
            terms,
            bound,
            optimality,
            nodes,
        }
    }

    /// The gaps a plan leaves open, sorted by competency id: those no course closes, with
    /// their reason, and closable ones not credited to a step (budget, or weighted zero).
    fn open_gaps<'f>(
        &'f self,
        unclosable: Vec<(&GapItem<'f>, OpenReason)>,
        closable: &[&GapItem<'f>],
        credited: &[bool],
        inst: &Instance,
    ) -> Vec<OpenGap<'f>> {
        let gap = |g: &GapItem<'f>, reason| OpenGap {
            competency: self.competency_id(g.competency),
            name: self.competency_name(g.competency),
            current: Level::saturating(g.current),
            required: Level::saturating(g.required),
            reason,
        };
        let mut open: Vec<OpenGap<'f>> = unclosable
            .into_iter()
            .map(|(g, reason)| gap(g, reason))
            .collect();
        for (e, g) in closable.iter().enumerate() {
            if !credited.get(e).copied().unwrap_or(false) {
                let worthless = inst.values.get(e).is_some_and(|&v| v <= 0.0);
                open.push(gap(
                    g,
                    if worthless {
                        OpenReason::NotPrioritised
                    } else {
                        OpenReason::Budget
                    },
                ));
            }
        }
        order::sort_by(&mut open, |a, b| a.competency.cmp(b.competency));
        open
    }

    /// Assigns steps (in learning order) to terms of at most `cap` hours: each step goes to
    /// the earliest term after all its prerequisites' terms that has room; a step longer than
    /// `cap` gets a term of its own, marked over the cap. Returns the terms.
    fn split_terms(&self, steps: &mut [Step<'_>], cap: f64) -> Vec<Term> {
        let mut terms: Vec<Term> = Vec::new();
        let mut term_of: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
        // Terms before `first_open` have less room than the shortest step, so the first-fit
        // search starts there: linear when courses are of similar length.
        let shortest = steps.iter().map(|s| s.hours).fold(f64::INFINITY, f64::min);
        let mut first_open = 0;
        for step in steps.iter_mut() {
            let course = self.courses.get(step.course.as_str());
            let earliest = course.map_or(0, |c| {
                self.direct_prerequisites(c)
                    .iter()
                    .filter_map(|p| term_of.get(p))
                    .map(|&t| t + 1)
                    .max()
                    .unwrap_or(0)
            });
            let hours = step.hours;
            let t = if hours > cap + 1e-9 {
                terms.push(Term {
                    hours: 0.0,
                    over_cap: true,
                });
                terms.len() - 1
            } else {
                (earliest.max(first_open)..terms.len())
                    .find(|&t| !terms[t].over_cap && terms[t].hours + hours <= cap + 1e-9)
                    .unwrap_or_else(|| {
                        terms.push(Term {
                            hours: 0.0,
                            over_cap: false,
                        });
                        terms.len() - 1
                    })
            };
            terms[t].hours += hours;
            while terms
                .get(first_open)
                .is_some_and(|t| t.over_cap || t.hours + shortest > cap + 1e-9)
            {
                first_open += 1;
            }
            if let Some(c) = course {
                term_of.insert(c, t);
            }
            step.term = t as u32 + 1;
        }
        terms
    }
}
