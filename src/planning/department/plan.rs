//! The department ([`Department`]) and a plan ([`Plan`]: one `Stepper` per officer and the
//! shared capacities left), with what changes a plan: steps, enrolments replaced, redundant
//! picks dropped (the settle that uses them is in `greedy`).

pub(crate) use super::subproblem::Subproblem;
use crate::analysis::parallel::{map_items, map_parts, workers};
use crate::model::hours::{hours_of, picos, total_of};
use crate::planning::cover::{
    EPS, EXACT_BELOW, Known, Scan, StepChoice, Stepper, common_unit_of, value_floor_of, whole,
};

/// The officers' problems and the constraints they share.
pub(crate) struct Department<'a> {
    pub(crate) officers: &'a [&'a Subproblem],
    /// Seats per course (`u32::MAX`: unlimited).
    pub(crate) seat_limit: &'a [u32],
    /// Person-hours (infinite without a budget).
    pub(crate) budget: f64,
    /// Hours per officer (infinite without a cap).
    pub(crate) cap: f64,
    /// Threads for the work done per officer independently of the others (the bound's
    /// parts); results are combined in officer order, so they do not depend on it.
    pub(crate) threads: usize,
    /// Whether every value is a whole number and all of them sum below 2⁵³ (see
    /// [`whole_values`]): every plan's value is then a whole number, summed exactly.
    pub(crate) whole: bool,
    /// How far apart two plans' values must be to differ (see [`value_floor`]).
    pub(crate) value_floor: f64,
}

#[cfg(test)]
impl<'a> Department<'a> {
    /// A department of `officers` with `seats` per course and `cap` hours per officer, no
    /// budget, on one thread, whole values a unit apart: the unit tests' department.
    pub(crate) fn for_tests(officers: &'a [&'a Subproblem], seats: &'a [u32], cap: f64) -> Self {
        Department {
            officers,
            seat_limit: seats,
            budget: f64::INFINITY,
            cap,
            threads: 1,
            whole: true,
            value_floor: 1.0,
        }
    }
}

/// Whether every officer's values are whole numbers summing below 2⁵³, so that every sum
/// of them is exact and two plans' values are equal or at least 1 apart. O(values).
pub(crate) fn whole_values(officers: &[&Subproblem]) -> bool {
    let mut total = 0.0;
    for p in officers {
        for &v in &p.inst.values {
            if !whole(v) {
                return false;
            }
            total += v.abs();
        }
    }
    total < EXACT_BELOW
}

/// The least difference between two department plans' values that is not rounding: half
/// the common unit of every officer's values when their sums are exact (a department of
/// gaps worth quarters tells 10⁹ + 0.25 from 10⁹), else a bound on the rounding of a sum
/// of all of them. O(values).
pub(crate) fn value_floor(officers: &[&Subproblem]) -> f64 {
    let values = || officers.iter().flat_map(|p| p.inst.values.iter().copied());
    value_floor_of(values(), common_unit_of(values))
}

/// A plan being built: each officer's chosen candidates and the capacities left.
///
/// The person-hours enrolled are kept in whole pico-hours (`model::hours`): each officer's
/// hours taken to the nearest pico-hour, summed as integers, so the budget left is exact
/// however many steps, withdrawals and undos led to the plan (a sum kept in floating point
/// drifts by more than the 10⁻⁹ h the budget is compared within after a few thousand).
#[derive(Clone, Debug)]
pub(crate) struct Plan {
    pub(crate) steppers: Vec<Stepper>,
    pub(crate) seats_left: Vec<u32>,
    /// Hours left of the budget (infinite without one): the nearest double to the budget
    /// less [`spent`](Self::spent), both in pico-hours. Changed only through
    /// [`Plan::charge`] and [`Plan::set_spent`].
    pub(crate) budget_left: f64,
    /// Person-hours enrolled in pico-hours: the sum over officers of their hours, each
    /// taken to the nearest pico-hour.
    pub(crate) spent: i128,
    /// The budget in pico-hours (`None` without a budget).
    budget: Option<i128>,
}

impl Plan {
    /// Records that an officer's hours went from `before` to `after`.
    pub(crate) fn charge(&mut self, before: f64, after: f64) {
        self.set_spent(self.spent - picos(before) + picos(after));
    }

    /// Sets the person-hours enrolled, in pico-hours, and the budget left with them.
    pub(crate) fn set_spent(&mut self, spent: i128) {
        self.spent = spent;
        if let Some(budget) = self.budget {
            self.budget_left = hours_of(budget - spent);
        }
    }
}

impl Department<'_> {
    /// How far apart two plans' values near `value` must be to differ: rounding's `EPS` of
    /// the value, but never more than [`Department::value_floor`] allows, so that a gap
    /// worth 1 (or 0.25) beside plans worth 10⁹ still counts.
    pub(crate) fn value_tol(&self, value: f64) -> f64 {
        (EPS * value.abs().max(1.0)).min(self.value_floor)
    }

    /// The course behind officer `o`'s candidate `c`.
    pub(crate) fn course(&self, o: usize, c: u32) -> usize {
        self.officers[o].courses[c as usize] as usize
    }

    /// The empty plan, its officers' steppers made on the plan's threads.
    pub(crate) fn empty(&self) -> Plan {
        self.empty_with(map_items(self.officers.len(), self.threads, |o| {
            Stepper::new(&self.officers[o].inst)
        }))
    }

    /// The empty plan with `steppers`, one per officer in officer order, each empty
    /// (`Stepper::new` of the officer's instance): made by a caller that makes them with
    /// the officers' problems.
    pub(crate) fn empty_with(&self, steppers: Vec<Stepper>) -> Plan {
        debug_assert!(
            steppers.len() == self.officers.len()
                && steppers
                    .iter()
                    .all(|s| s.chosen().is_empty() && s.hours() <= 0.0),
            "one empty stepper per officer"
        );
        Plan {
            steppers,
            seats_left: self.seat_limit.to_vec(),
            budget_left: self.budget,
            spent: 0,
            budget: self.budget.is_finite().then(|| picos(self.budget)),
        }
    }

    /// Recounts the capacities left from the steppers.
    pub(crate) fn recount(&self, plan: &mut Plan) {
        plan.seats_left.copy_from_slice(self.seat_limit);
        let mut spent = 0;
        for (o, stepper) in plan.steppers.iter().enumerate() {
            for c in stepper.chosen() {
                let seats = &mut plan.seats_left[self.course(o, c)];
                *seats = seats.saturating_sub(1);
            }
            spent += picos(stepper.hours());
        }
        plan.set_spent(spent);
    }

    /// Weighted shortfall the plan closes, summed in officer order.
    pub(crate) fn value(&self, plan: &Plan) -> f64 {
        self.officers
            .iter()
            .zip(&plan.steppers)
            .fold(0.0, |sum, (p, s)| sum + s.value(&p.inst))
    }

    /// Person-hours of the plan: each officer's hours to the nearest pico-hour, summed
    /// exactly and rounded to 9 decimal places (`model::hours`). O(1).
    pub(crate) fn hours(plan: &Plan) -> f64 {
        total_of(plan.spent)
    }

    /// Applies `step` for officer `o`.
    pub(super) fn take(&self, plan: &mut Plan, o: usize, step: StepChoice, added: &mut Vec<u32>) {
        added.clear();
        let p = &self.officers[o];
        let before = plan.steppers[o].hours();
        plan.steppers[o].take(&p.inst, step.cand, added);
        for &c in added.iter() {
            let seats = &mut plan.seats_left[p.courses[c as usize] as usize];
            *seats = seats.saturating_sub(1);
        }
        plan.charge(before, plan.steppers[o].hours());
    }

    /// Replaces officer `o`'s enrolment by `chosen` (closed under prerequisites), updating
    /// the capacities.
    pub(crate) fn replace(&self, plan: &mut Plan, o: usize, chosen: &[u32]) {
        let p = &self.officers[o];
        for c in plan.steppers[o].chosen() {
            plan.seats_left[self.course(o, c)] += 1;
        }
        let before = plan.steppers[o].hours();
        plan.steppers[o] = Stepper::with_chosen(&p.inst, chosen);
        for &c in chosen {
            let seats = &mut plan.seats_left[self.course(o, c)];
            *seats = seats.saturating_sub(1);
        }
        plan.charge(before, plan.steppers[o].hours());
    }

    /// Drops every officer's redundant picks (closing nothing of value no other pick closes,
    /// required by no pick), returning their seats and hours; says whether any went. Each
    /// officer's picks are dropped alone, in parallel; the capacities are given back after,
    /// in officer order, so the budget left is the same sum on any number of threads.
    pub(crate) fn drop_redundant(&self, plan: &mut Plan) -> bool {
        let n = plan.steppers.len();
        let size = n.div_ceil(workers(self.threads, n));
        let parts: Vec<(usize, &mut [Stepper])> = plan
            .steppers
            .chunks_mut(size.max(1))
            .enumerate()
            .map(|(i, chunk)| (i * size, chunk))
            .collect();
        // Per part: each officer's hours before and after, and the candidates dropped with the
        // officer they were dropped from.
        let dropped = map_parts(parts, |(first, chunk)| {
            let mut freed = Vec::with_capacity(chunk.len());
            let mut removed = Vec::new();
            let mut from = Vec::new();
            for (i, stepper) in chunk.iter_mut().enumerate() {
                let o = first + i;
                let before = stepper.hours();
                stepper.drop_redundant(&self.officers[o].inst, &mut removed);
                from.resize(removed.len(), o);
                freed.push((before, stepper.hours()));
            }
            (freed, removed, from)
        });
        let mut any = false;
        for (freed, removed, from) in dropped {
            for (&c, &o) in removed.iter().zip(&from) {
                plan.seats_left[self.course(o, c)] += 1;
                any = true;
            }
            for (before, after) in freed {
                plan.charge(before, after);
            }
        }
        any
    }
}

/// Whether `(value, hours)` is lexicographically better than `(best_value, best_hours)`:
/// more value (beyond [`Department::value_tol`]), then fewer hours (beyond rounding).
pub(crate) fn better(
    dept: &Department<'_>,
    (value, hours): (f64, f64),
    (best_value, best_hours): (f64, f64),
) -> bool {
    let tol = dept.value_tol(best_value);
    value > best_value + tol
        || (value >= best_value - tol && hours < best_hours - EPS * best_hours.abs().max(1.0))
}

/// The most any one officer's gaps are worth (each officer's values summed in element
/// order): what [`best_single_if_better`] compares a plan with. It does not depend on the
/// plan, so it can be found beside the greedy. O(values).
pub(crate) fn richest(officers: &[&Subproblem]) -> f64 {
    officers
        .iter()
        .map(|p| p.inst.values.iter().sum::<f64>())
        .fold(0.0, f64::max)
}

/// Replaces the plan by the single most valuable feasible enrolment when that is worth
/// more, which the budgeted-coverage guarantee needs, and says whether it did. Skipped when
/// no single officer's gaps are worth more than the plan already closes (`richest`, the
/// department's [`richest`]).
pub(crate) fn best_single_if_better(dept: &Department<'_>, plan: &mut Plan, richest: f64) -> bool {
    let closed = dept.value(plan);
    if richest <= closed {
        return false;
    }
    let limit = dept.cap.min(dept.budget);
    let mut seen = Vec::new();
    let mut best: Option<(f64, usize, u32)> = None;
    for (o, p) in dept.officers.iter().enumerate() {
        let empty = Stepper::new(&p.inst);
        let allowed = |c: u32| dept.seat_limit[p.courses[c as usize] as usize] > 0;
        // Each closure's seats, and its hours and gain where they follow from a
        // prerequisite's, in one pass; the rest walked.
        let known = match p.scan {
            Scan::Walks => Vec::new(),
            Scan::Pass { exact } => empty.known(&p.inst, exact, allowed),
        };
        for c in 0..p.inst.len() as u32 {
            if !empty.opens(&p.inst, c) {
                continue;
            }
            let (hours, gain) = match known.get(c as usize) {
                Some(Known::Blocked) => continue,
                Some(&Known::Step(gain, hours)) => (hours, Some(gain)),
                _ => (empty.marginal_hours(&p.inst, c), None),
            };
            if hours > limit + EPS || (gain.is_none() && !empty.all_pending(&p.inst, c, allowed)) {
                continue;
            }
            let gain = gain.unwrap_or_else(|| empty.gain(&p.inst, c, &mut seen));
            if best.is_none_or(|(v, _, _)| gain > v) {
                best = Some((gain, o, c));
            }
        }
    }
    if let Some((value, o, c)) = best
        && value > closed + EPS
    {
        *plan = dept.empty();
        let step = StepChoice {
            cand: c,
            gain: value,
            hours: plan.steppers[o].marginal_hours(&dept.officers[o].inst, c),
        };
        dept.take(plan, o, step, &mut Vec::new());
        return true;
    }
    false
}
