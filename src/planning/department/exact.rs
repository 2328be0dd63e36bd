//! Exact department plans by branch and bound over enrolments.
//!
//! Decisions are `(officer, course)` pairs, officers in order and each officer's courses
//! closing something of value by value per hour: include the course (with its pending
//! prerequisites) or exclude it (and so everything requiring it). A course that would add
//! no value at its turn is passed over without a decision: its value can only fall further
//! down, and it still comes in as a prerequisite when a later pick needs it. Each node is
//! bounded twice, and the smaller bound kept:
//! - the value so far, plus for the officer being decided the density bound of `cover`
//!   over the courses still free within their cap and the budget left, plus for every later
//!   officer a bound on what they can close alone (`alone`: the density bound, or the
//!   budgeted search's proven bound);
//! - the department bound of `bound` continued: with the root prices `λ, σ` and each
//!   officer's part `φ_o`, the plan's value less the current officer's, plus `λ` times the
//!   budget left, the priced seats left, the current officer's priced hours and seats, and
//!   `φ` of the current and every later officer. Any plan of the subtree pays its later
//!   hours and seats from what is left, so the bound holds.
//!
//! Plans are compared lexicographically (more value, then fewer hours), so a finished search
//! proves the plan is the best and no plan of equal value takes fewer hours. The stack is
//! explicit: depth is limited only by memory. When the node limit stops the search, the
//! bound reported is the largest among the subtrees left.

use super::bound::Prices;
use super::plan::{Department, Plan, better};
use crate::model::order;
use crate::planning::cover::EPS;
use crate::planning::cover::{Known, Stepper, sums_exact};

/// What a search returns: whether it finished, the nodes used, and (when it did not) a
/// bound on the value of every plan it left unexplored.
pub(crate) struct Outcome {
    pub(crate) proven: bool,
    pub(crate) nodes: u64,
    pub(crate) open_bound: f64,
}

struct Undo {
    officer: u32,
    mark: crate::planning::cover::Mark,
    seats_from: usize,
    spent: i128,
    value: f64,
    priced_seats: f64,
    priced: f64,
}

struct Frame {
    next: usize,
    phase: u8,
    undo: usize,
    excluded: usize,
    bound: f64,
}

struct Search<'a, 'd> {
    dept: &'a Department<'d>,
    prices: &'a Prices,
    items: Vec<(u32, u32)>,
    plan: Plan,
    value: f64,
    excluded: Vec<Vec<bool>>,
    excluded_log: Vec<(u32, u32)>,
    undo: Vec<Undo>,
    seat_log: Vec<u32>,
    /// Per officer: the priced hours and seats of their enrolment.
    priced: Vec<f64>,
    priced_seats: f64,
    /// Suffix sums over officers of the density bound from an empty plan and of `φ`.
    density_after: Vec<f64>,
    phi_after: Vec<f64>,
    whole: bool,
    best: Vec<Vec<u32>>,
    best_value: f64,
    best_hours: f64,
    nodes: u64,
    added: Vec<u32>,
    /// Per officer, which candidates would add value with their unchosen closure (see
    /// `Stepper::adding_value`), found for the officer's enrolment as it is, or `None`
    /// once it changed: read for the items that close nothing open themselves, so that
    /// passing over them costs one pass per enrolment rather than a walk per item.
    adding: Vec<Option<Vec<bool>>>,
}

/// Searches from the plan in `plan` (the incumbent) within `node_limit` nodes and replaces
/// it with the best plan found.
pub(crate) fn exact(
    dept: &Department<'_>,
    plan: &mut Plan,
    prices: &Prices,
    alone: &[f64],
    node_limit: u64,
) -> Outcome {
    let n = dept.officers.len();
    let mut density_after = vec![0.0; n + 1];
    let mut phi_after = vec![0.0; n + 1];
    let mut items = Vec::new();
    for o in (0..n).rev() {
        density_after[o] = density_after[o + 1] + alone[o];
        phi_after[o] = phi_after[o + 1] + prices.phi[o];
    }
    for (o, p) in dept.officers.iter().enumerate() {
        let empty = Stepper::new(&p.inst);
        // Each step found in one pass where it follows from a prerequisite's, else walked.
        let known = empty.known(&p.inst, sums_exact(&p.inst), |_| true);
        let mut own: Vec<(f64, f64, u32)> = (0..p.inst.len() as u32)
            .filter(|&c| {
                p.inst
                    .covers(c)
                    .iter()
                    .any(|&e| p.inst.values[e as usize] > 0.0)
            })
            .map(|c| {
                if let Known::Step(gain, hours) = known[c as usize] {
                    (gain, hours, c)
                } else {
                    let gain = empty.gain(&p.inst, c, &mut Vec::new());
                    (gain, empty.marginal_hours(&p.inst, c), c)
                }
            })
            .collect();
        order::sort_by(&mut own, |a, b| {
            (b.0 / b.1)
                .total_cmp(&(a.0 / a.1))
                .then(a.1.total_cmp(&b.1))
                .then(a.2.cmp(&b.2))
        });
        items.extend(own.into_iter().map(|(_, _, c)| (o as u32, c)));
    }
    let priced_seats = (0..dept.seat_limit.len())
        .filter(|&c| dept.seat_limit[c] != u32::MAX)
        .map(|c| prices.sigma[c] * f64::from(dept.seat_limit[c]))
        .sum();
    let mut search = Search {
        dept,
        prices,
        items,
        plan: dept.empty(),
        value: 0.0,
        excluded: dept
            .officers
            .iter()
            .map(|p| vec![false; p.inst.len()])
            .collect(),
        excluded_log: Vec::new(),
        undo: Vec::new(),
        seat_log: Vec::new(),
        priced: vec![0.0; n],
        priced_seats,
        density_after,
        phi_after,
        whole: dept.whole,
        best: plan.steppers.iter().map(Stepper::chosen).collect(),
        best_value: dept.value(plan),
        best_hours: Department::hours(plan),
        nodes: 0,
        added: Vec::new(),
        adding: vec![None; n],
    };
    let (proven, open_bound) = search.run(node_limit);
    for (o, chosen) in search.best.iter().enumerate() {
        plan.steppers[o] = Stepper::with_chosen(&dept.officers[o].inst, chosen);
    }
    dept.recount(plan);
    Outcome {
        proven,
        nodes: search.nodes,
        open_bound,
    }
}

impl Search<'_, '_> {
    fn hours(&self) -> f64 {
        Department::hours(&self.plan)
    }

    /// Undoes every include and exclusion after the given log lengths.
    fn restore(&mut self, undo: usize, excluded: usize) {
        while self.undo.len() > undo {
            let Some(u) = self.undo.pop() else { break };
            let o = u.officer as usize;
            self.plan.steppers[o].revert(&self.dept.officers[o].inst, u.mark);
            self.adding[o] = None;
            for &c in &self.seat_log[u.seats_from..] {
                self.plan.seats_left[c as usize] += 1;
            }
            self.seat_log.truncate(u.seats_from);
            self.plan.set_spent(u.spent);
            self.value = u.value;
            self.priced_seats = u.priced_seats;
            self.priced[o] = u.priced;
        }
        while self.excluded_log.len() > excluded {
            if let Some((o, c)) = self.excluded_log.pop() {
                self.excluded[o as usize][c as usize] = false;
            }
        }
    }

    /// The next item from `from` that is still a decision: not chosen, not excluded, and
    /// adding value now. An item closing nothing open itself adds value only through a
    /// prerequisite, which the officer's `adding` pass tells (found once per enrolment, in
    /// O(n + q + z)); the gain itself is walked only for an item that may add value, so
    /// passing over a run of items of a chain that add nothing costs no walk each (on a
    /// chain of n courses closing one gap, O(n) per node rather than O(n²)).
    fn next_item(&mut self, from: usize) -> Option<usize> {
        for k in from..self.items.len() {
            let (o, c) = self.items[k];
            let (o, cu) = (o as usize, c as usize);
            let p = &self.dept.officers[o];
            let stepper = &self.plan.steppers[o];
            if stepper.is_chosen(c) || self.excluded[o][cu] {
                continue;
            }
            let may_add = stepper.opens(&p.inst, c)
                || (!p.inst.prerequisites(c).is_empty()
                    && self.adding[o]
                        .get_or_insert_with(|| stepper.adding_value(&p.inst))
                        .get(cu)
                        .copied()
                        .unwrap_or(true));
            if may_add && stepper.gain(&p.inst, c, &mut Vec::new()) > 0.0 {
                return Some(k);
            }
        }
        None
    }

    /// Includes item `k` if it fits; says whether it did.
    fn include(&mut self, k: usize) -> bool {
        let (o, c) = self.items[k];
        let o = o as usize;
        let dept = self.dept;
        let p = &dept.officers[o];
        let stepper = &self.plan.steppers[o];
        let hours = stepper.marginal_hours(&p.inst, c);
        let room = (dept.cap - stepper.hours()).min(self.plan.budget_left);
        let seats = &self.plan.seats_left;
        let excluded = &self.excluded[o];
        if hours > room + EPS
            || !stepper.all_pending(&p.inst, c, |d| {
                !excluded[d as usize] && seats[p.courses[d as usize] as usize] > 0
            })
        {
            return false;
        }
        let gain = stepper.gain(&p.inst, c, &mut Vec::new());
        self.undo.push(Undo {
            officer: o as u32,
            mark: stepper.mark(),
            seats_from: self.seat_log.len(),
            spent: self.plan.spent,
            value: self.value,
            priced_seats: self.priced_seats,
            priced: self.priced[o],
        });
        self.added.clear();
        let before = self.plan.steppers[o].hours();
        self.plan.steppers[o].take(&p.inst, c, &mut self.added);
        self.plan.charge(before, self.plan.steppers[o].hours());
        self.adding[o] = None;
        for &d in &self.added {
            let course = p.courses[d as usize];
            self.plan.seats_left[course as usize] -= 1;
            self.seat_log.push(course);
            if dept.seat_limit[course as usize] != u32::MAX {
                let sigma = self.prices.sigma[course as usize];
                self.priced_seats -= sigma;
                self.priced[o] += sigma;
            }
        }
        if dept.budget.is_finite() {
            self.priced[o] += self.prices.lambda * hours;
        }
        self.value += gain;
        true
    }

    /// Evaluates the node whose next decision is item `next` or later: offers the plan as
    /// the incumbent, and returns the subtree's bound unless it is pruned.
    fn node(&mut self, next: usize) -> Option<f64> {
        self.nodes += 1;
        let hours = self.hours();
        if better(
            self.dept,
            (self.value, hours),
            (self.best_value, self.best_hours),
        ) {
            self.best_value = self.value;
            self.best_hours = hours;
            self.best = self.plan.steppers.iter().map(Stepper::chosen).collect();
        }
        let bound = match self.items.get(next) {
            None => self.value,
            Some(&(o, _)) => {
                let o = o as usize;
                let dept = self.dept;
                let p = &dept.officers[o];
                let stepper = &self.plan.steppers[o];
                let own = stepper.value(&p.inst);
                let room = (dept.cap - stepper.hours()).min(self.plan.budget_left);
                let density = self.value - own
                    + stepper.upper_bound(&p.inst, &self.excluded[o], room)
                    + self.density_after[o + 1];
                let budget_term = if dept.budget.is_finite() {
                    // Hours left as plans are held to the budget (within EPS).
                    self.prices.lambda * (self.plan.budget_left + EPS)
                } else {
                    0.0
                };
                let priced = self.value - own
                    + budget_term
                    + self.priced_seats
                    + self.priced[o]
                    + self.phi_after[o];
                let bound = density.min(priced);
                if self.whole {
                    (bound + 1e-7 * bound.abs().max(1.0)).floor() + 0.0
                } else {
                    bound
                }
            }
        };
        let tol = self.dept.value_tol(self.best_value);
        if bound < self.best_value - tol
            || (bound <= self.best_value + tol
                && hours >= self.best_hours - EPS * self.best_hours.abs().max(1.0))
        {
            return None;
        }
        Some(bound)
    }

    /// Returns whether the search finished, and the largest bound among the subtrees left
    /// when it did not.
    fn run(&mut self, limit: u64) -> (bool, f64) {
        let mut stack: Vec<Frame> = Vec::new();
        if let Some(bound) = self.node(0) {
            stack.push(Frame {
                next: 0,
                phase: 0,
                undo: 0,
                excluded: 0,
                bound,
            });
        }
        while let Some(frame) = stack.last_mut() {
            let (from, phase, undo, excluded) =
                (frame.next, frame.phase, frame.undo, frame.excluded);
            if phase >= 2 {
                stack.pop();
                continue;
            }
            self.restore(undo, excluded);
            let Some(k) = self.next_item(from) else {
                stack.pop();
                continue;
            };
            if self.nodes >= limit {
                let open = stack.iter().map(|f| f.bound).fold(0.0, f64::max);
                self.restore(0, 0);
                return (false, open);
            }
            if let Some(frame) = stack.last_mut() {
                frame.phase += 1;
            }
            if phase == 0 {
                if !self.include(k) {
                    continue;
                }
            } else {
                let (o, c) = self.items[k];
                self.excluded[o as usize][c as usize] = true;
                self.excluded_log.push((o, c));
            }
            if let Some(bound) = self.node(k + 1) {
                stack.push(Frame {
                    next: k + 1,
                    phase: 0,
                    undo: self.undo.len(),
                    excluded: self.excluded_log.len(),
                    bound,
                });
            }
        }
        self.restore(0, 0);
        (true, 0.0)
    }
}
