//! What a recommendation optimises and how: [`RecommendOptions`], the objective, the
//! solver, and the rule for courses without a level.

use crate::model::hours::SMALLEST_HOURS;
use crate::model::id_values::IdValues;
use crate::{CompetencyId, EntityKind, Error, Level, Weights};

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
/// [`Solver::Greedy`], then a search of 2,000 nodes (a budget's search on an instance of
/// fewer than 1,000 candidates and gaps: more, 2·10⁶ over their number) that proves most
/// plans optimal (see BENCHMARKS.md) while keeping a plan's time bounded.
///
/// [`Plan::bound`]: crate::Plan::bound
/// [`Plan::optimality`]: crate::Plan::optimality
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Solver {
    /// Heuristics with a certificate, no search. Least hours: forced picks, a lazy greedy by
    /// cost-effectiveness with prerequisite closures, redundancy removal and exchanges, and
    /// repairs of the selections of a Lagrangian relaxation whose value is the proven lower
    /// bound. Budget: the best of a greedy by value per hour and of greedy completions of
    /// the most valuable single courses, filled until no course adding value fits, then
    /// exchanges; bounded by a fractional knapsack and a Lagrangian relaxation. See
    /// [`Framework::recommend`](crate::Framework::recommend) for the guarantees.
    Greedy,
    /// The heuristics, then branch and bound on Lagrangian bounds with reduced-cost fixing
    /// (least hours) or on knapsack bounds (budget), stopping after `node_limit` search
    /// nodes: deterministic, as the limit counts nodes, not time. A budget's search also
    /// bounds each node by the relaxation with prerequisite rows at the multipliers its
    /// root found, and first fixes the courses those multipliers show every plan as
    /// valuable as the heuristics' holds or avoids. No depth limit: the search
    /// keeps its own stack. Least hours: at the root of each independent part whose plan
    /// the bounds leave unproven, courses every cheaper plan must hold or avoid are fixed by
    /// their reduced costs and the rest is split and solved part by part again; each such
    /// round counts as a node. A part the bounds read with the rows shared prerequisites
    /// imply leave unproven is searched again without those rows, within the same limit,
    /// and the better bound and the cheaper plan are kept (so such a part may use up to
    /// twice `node_limit` nodes). When the limit stops it, the plan is the best found
    /// (never worse than [`Solver::Greedy`]'s) and the bound the weakest among the parts
    /// of the search left, so the reported gap stays proven.
    ///
    /// A budget's search with a `node_limit` of at least [`Solver::DEFAULT_NODES`] (the
    /// default's) takes at least 2·10⁶ nodes over the instance's size (its candidate
    /// courses and gaps), so a learning path of fewer than 1,000 of them is searched
    /// further than its limit, for about 2·10⁶ candidate visits at most: a budget's node
    /// costs about linear time in the instance. A larger limit never searches fewer nodes.
    ///
    /// With the `lp` feature (off by default; not on wasm32), a plan this search leaves
    /// unproven on an instance of at least 1,000 candidate courses is searched again, within another `node_limit` nodes, by branch and bound
    /// on the linear relaxation with the same rows, re-solved at every node by a bounded
    /// dual simplex from its parent's basis: depth first, branching on the course whose
    /// share is nearest one half, each node's bound the relaxation's value (widened by a
    /// relative 10⁻⁶ for the simplex's tolerance) rounded to the hours' or the values'
    /// unit. A budget's search proves the most value, not the fewest hours for it (the plan
    /// is then [`Optimality::Bounded`](crate::Optimality::Bounded) with a gap of 0). Each
    /// node costs simplex pivots (the root's a solve from scratch), not a fixed amount of
    /// work: the limit counts nodes.
    Exact {
        /// Search nodes allowed.
        node_limit: u64,
    },
}

impl Solver {
    /// Nodes the default solver may search after its heuristics (a budget's search on a
    /// small instance takes more: see [`Solver::Exact`]).
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

/// Options for [`Framework::recommend`](crate::Framework::recommend).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RecommendOptions {
    pub(super) objective: Objective,
    pub(super) solver: Solver,
    pub(super) untagged: UntaggedLevel,
    pub(super) weights: Weights,
    pub(super) competency_weights: IdValues<CompetencyId, f64>,
    pub(super) term_hours: Option<f64>,
    pub(super) max_formal_share: Option<f64>,
}

/// `value` if finite and at least 0 (`-0.0` as `0.0`), else [`Error::InvalidOption`]
/// named `option`.
fn check_number(option: &'static str, value: f64) -> Result<f64, Error> {
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

impl RecommendOptions {
    /// The smallest share [`max_formal_share`](Self::max_formal_share) accepts: 1e-9.
    ///
    /// A formal hour costs `1 / share` hours in selection, so below this the costs of a
    /// large catalogue (up to 10,000 hours a course) could overflow to infinity, where
    /// every plan with a formal course costs the same and no bound or proof is true. At
    /// 1e-9 the costs of any framework stay finite, and a formal hour already outweighs
    /// every other hour of a plan.
    pub const MIN_FORMAL_SHARE: f64 = 1e-9;

    /// Close every closable gap in the fewest hours (the default).
    pub fn close_all(mut self) -> Self {
        self.objective = Objective::CloseAll;
        self
    }

    /// Close the most weighted shortfall within `hours`.
    ///
    /// The objective is lexicographic: the most weighted value first, then, among plans of
    /// that value, the fewest selection hours (hours, with formal hours counted at
    /// `1 / share` under [`max_formal_share`](Self::max_formal_share)). After the budgeted
    /// search, the gaps its plan closes are covered again by the least-hours solver of the
    /// unbudgeted plan (the same [`Solver`]); when that cover takes fewer selection hours
    /// and fits the budget it replaces the plan (same gaps closed or more, in fewer hours),
    /// and any course that then fits and closes an open gap is added. So with a budget at
    /// least the unbudgeted plan's hours, a plan closing every gap takes no more selection
    /// hours than the unbudgeted plan ([`Framework::recommend`](crate::Framework::recommend)),
    /// and is [`Optimality::Optimal`](crate::Optimality::Optimal) when that cover's hours
    /// are proven the fewest.
    ///
    /// Sums of hours are compared with the budget within 10⁻⁹ hours, room for the rounding
    /// of decimal hours (0.1 + 0.2 fits a budget of 0.3), the precision to which totals are
    /// reported, so a plan can be over the budget by at most that (a course of 10⁻⁹ hours
    /// fits a budget of 0).
    ///
    /// # Errors
    /// [`Error::InvalidOption`] (named `budget`) unless `hours` is finite and at least 0.
    pub fn budget(mut self, hours: f64) -> Result<Self, Error> {
        self.objective = Objective::Budget(check_number("budget", hours)?);
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

    /// Value weights per competency type (default 1 each). A gap's value is its shortfall
    /// times its type's weight times its [`competency_weight`](Self::competency_weight):
    /// the two multiply, one per type and one per competency. Under [`Objective::Budget`]
    /// the plan closes the most value; under either objective a gap worth 0 is not aimed
    /// at (see [`Framework::recommend`](crate::Framework::recommend)).
    pub fn weights(mut self, weights: Weights) -> Self {
        self.weights = weights;
        self
    }

    /// Value weight of one competency, multiplying its type's weight from
    /// [`weights`](Self::weights) (default 1). A weight of 0 says the competency's gap is not
    /// wanted: it is left open as not prioritised unless a course chosen for another gap
    /// closes it.
    ///
    /// # Errors
    /// [`Error::InvalidIdWeight`] naming the competency unless `weight` is 0 or from
    /// [`Weights::MIN_POSITIVE`](crate::Weights::MIN_POSITIVE) to
    /// [`Weights::MAX`](crate::Weights::MAX). An unknown competency is reported by
    /// [`Framework::recommend`].
    ///
    /// [`Framework::recommend`]: crate::Framework::recommend
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
    /// other term is within the cap and a longer one is never silent. Hours are compared
    /// with the cap within 10⁻⁹ hours, as with a [`budget`](Self::budget) (0.1 + 0.2 fits
    /// a term of 0.3), so a term within the cap can exceed it by at most that.
    ///
    /// # Errors
    /// [`Error::InvalidOption`] (named `term_hours`) unless `hours` is finite and at least
    /// 5·10⁻¹³: hours are held in whole pico-hours (10⁻¹² h), to the nearest with halves
    /// rounding up, so a smaller cap would be held as 0, which is refused.
    ///
    /// [`Term::over_cap`]: crate::Term::over_cap
    pub fn term_hours(mut self, hours: f64) -> Result<Self, Error> {
        if !(hours.is_finite() && hours >= SMALLEST_HOURS) {
            return Err(Error::InvalidOption {
                option: "term_hours",
                value: hours,
                expected: "a finite number of at least 5e-13 (hours are held in whole \
                    pico-hours, 1e-12 h, to the nearest with halves rounding up, so 5e-13 is \
                    the smallest above 0)",
            });
        }
        self.term_hours = Some(hours);
        Ok(self)
    }

    /// Aim for at most this share of hours in formal courses (70-20-10 asks about 0.1).
    ///
    /// The target is soft: in selection a formal hour costs `1 / share` hours, steering the
    /// solver to social and experiential resources where they close the same gaps; hours
    /// reported are real, and [`Plan::blend_target_met`] says whether the plan meets it.
    ///
    /// # Errors
    /// [`Error::InvalidOption`] (named `max_formal_share`) unless
    /// [`MIN_FORMAL_SHARE`](Self::MIN_FORMAL_SHARE) `≤ share ≤ 1`.
    ///
    /// [`Plan::blend_target_met`]: crate::Plan::blend_target_met
    pub fn max_formal_share(mut self, share: f64) -> Result<Self, Error> {
        if !(share.is_finite() && (Self::MIN_FORMAL_SHARE..=1.0).contains(&share)) {
            return Err(Error::InvalidOption {
                option: "max_formal_share",
                value: share,
                expected: "a number from 1e-9 to 1",
            });
        }
        self.max_formal_share = Some(share);
        Ok(self)
    }
}

/// The level a course offer reaches under the untagged-level rule.
pub(crate) fn reaches(level: Option<u8>, untagged: UntaggedLevel) -> Option<u8> {
    match (level, untagged) {
        (Some(l), _) => Some(l),
        (None, UntaggedLevel::Assume(l)) => Some(l.get()),
        (None, UntaggedLevel::Ignore) => None,
    }
}
