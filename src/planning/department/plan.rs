//! The department ([`Department`]), a plan ([`Plan`]: one `Stepper` per officer and the
//! shared capacities left), the lazy greedy over all officers and
//! [`settle`](Department::settle), which makes a plan minimal and maximal.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use crate::analysis::parallel::map_ranges;
use crate::planning::cover::{EPS, Instance, StepChoice, Stepper};

/// One officer's selection problem: the cover instance and the course behind each of its
/// candidates.
pub(crate) struct Subproblem {
    pub(crate) inst: Instance,
    pub(crate) courses: Vec<u32>,
    /// The fewest hours of any candidate (infinite without candidates): with fewer hours
    /// left, the officer has no step, found without a scan.
    pub(crate) min_hours: f64,
}

impl Subproblem {
    pub(crate) fn new(inst: Instance, courses: Vec<u32>) -> Subproblem {
        let min_hours = (0..inst.len() as u32)
            .map(|c| inst.hours(c))
            .fold(f64::INFINITY, f64::min);
        Subproblem {
            inst,
            courses,
            min_hours,
        }
    }
}

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
}

/// A plan being built: each officer's chosen candidates and the capacities left.
#[derive(Clone, Debug)]
pub(crate) struct Plan {
    pub(crate) steppers: Vec<Stepper>,
    pub(crate) seats_left: Vec<u32>,
    pub(crate) budget_left: f64,
}

impl Department<'_> {
    /// The course behind officer `o`'s candidate `c`.
    pub(crate) fn course(&self, o: usize, c: u32) -> usize {
        self.officers[o].courses[c as usize] as usize
    }

    /// The empty plan.
    pub(crate) fn empty(&self) -> Plan {
        Plan {
            steppers: self
                .officers
                .iter()
                .map(|p| Stepper::new(&p.inst))
                .collect(),
            seats_left: self.seat_limit.to_vec(),
            budget_left: self.budget,
        }
    }

    /// Recounts the capacities left from the steppers.
    pub(crate) fn recount(&self, plan: &mut Plan) {
        plan.seats_left.copy_from_slice(self.seat_limit);
        plan.budget_left = self.budget;
        for (o, stepper) in plan.steppers.iter().enumerate() {
            for c in stepper.chosen() {
                let seats = &mut plan.seats_left[self.course(o, c)];
                *seats = seats.saturating_sub(1);
            }
            plan.budget_left -= stepper.hours();
        }
    }

    /// Weighted shortfall the plan closes, summed in officer order.
    pub(crate) fn value(&self, plan: &Plan) -> f64 {
        self.officers
            .iter()
            .zip(&plan.steppers)
            .fold(0.0, |sum, (p, s)| sum + s.value(&p.inst))
    }

    /// Person-hours of the plan, summed in officer order.
    pub(crate) fn hours(plan: &Plan) -> f64 {
        plan.steppers.iter().fold(0.0, |sum, s| sum + s.hours())
    }

    /// Officer `o`'s [`RUNNERS`] best next steps under the shared constraints (their cap,
    /// the budget left, the seats left), best first, never choosing `banned` (an officer and
    /// one of their candidates), each with the one course it adds when it adds its
    /// candidate alone.
    fn best_few(
        &self,
        plan: &Plan,
        o: usize,
        banned: Option<(usize, u32)>,
    ) -> [Option<Runner>; RUNNERS] {
        let stepper = &plan.steppers[o];
        let hours_left = (self.cap - stepper.hours()).min(plan.budget_left);
        let p = &self.officers[o];
        // Every step adds at least its candidate's own hours (`Stepper::best_steps` skips
        // those that do not fit): late in the greedy, when the budget or the officer's cap
        // is nearly spent, this answers without reading the officer's candidates.
        if p.min_hours > hours_left + EPS {
            return [None; RUNNERS];
        }
        let ban = banned.and_then(|(b, c)| (b == o).then_some(c));
        let steps: [Option<StepChoice>; RUNNERS] = stepper.best_steps(&p.inst, hours_left, |c| {
            Some(c) != ban && plan.seats_left[p.courses[c as usize] as usize] > 0
        });
        steps.map(|step| {
            step.map(|step| {
                // A chosen candidate's prerequisites are chosen, so with every direct
                // prerequisite chosen the step adds its candidate alone.
                let alone = p
                    .inst
                    .prerequisites(step.cand)
                    .iter()
                    .all(|&d| stepper.is_chosen(d));
                Runner {
                    step,
                    course: if alone {
                        p.courses[step.cand as usize]
                    } else {
                        u32::MAX
                    },
                }
            })
        })
    }

    /// Whether officer `o`, with `cap_left` hours left under their cap, can still take
    /// `runner` (found by [`Department::best_few`] with their enrolment as it is): it fits
    /// their cap and the budget left, and every course it adds has a seat left. A step
    /// adding one course reads that course's seats alone, without the officer's instance.
    fn still_feasible(
        &self,
        plan: &Plan,
        o: usize,
        runner: Runner,
        cap_left: f64,
        banned: Option<(usize, u32)>,
    ) -> bool {
        let step = runner.step;
        let ban = banned.and_then(|(b, c)| (b == o).then_some(c));
        debug_assert_eq!(
            cap_left.to_bits(),
            (self.cap - plan.steppers[o].hours()).to_bits(),
            "the hours left under the cap kept as the officer's enrolment gives them"
        );
        if step.hours > cap_left.min(plan.budget_left) + EPS {
            return false;
        }
        let p = &self.officers[o];
        let walked = || {
            plan.steppers[o].all_pending(&p.inst, step.cand, |c| {
                Some(c) != ban && plan.seats_left[p.courses[c as usize] as usize] > 0
            })
        };
        if runner.course != u32::MAX {
            let fits = Some(step.cand) != ban && plan.seats_left[runner.course as usize] > 0;
            debug_assert_eq!(fits, walked(), "one course's seats decide the step");
            return fits;
        }
        walked()
    }

    /// Applies `step` for officer `o`.
    fn take(&self, plan: &mut Plan, o: usize, step: StepChoice, added: &mut Vec<u32>) {
        added.clear();
        let p = &self.officers[o];
        plan.steppers[o].take(&p.inst, step.cand, added);
        for &c in added.iter() {
            let seats = &mut plan.seats_left[p.courses[c as usize] as usize];
            *seats = seats.saturating_sub(1);
        }
        plan.budget_left -= step.hours;
    }

    /// Replaces officer `o`'s enrolment by `chosen` (closed under prerequisites), updating
    /// the capacities.
    pub(crate) fn replace(&self, plan: &mut Plan, o: usize, chosen: &[u32]) {
        let p = &self.officers[o];
        for c in plan.steppers[o].chosen() {
            plan.seats_left[self.course(o, c)] += 1;
        }
        plan.budget_left += plan.steppers[o].hours();
        plan.steppers[o] = Stepper::with_chosen(&p.inst, chosen);
        for &c in chosen {
            let seats = &mut plan.seats_left[self.course(o, c)];
            *seats = seats.saturating_sub(1);
        }
        plan.budget_left -= plan.steppers[o].hours();
    }

    /// The lazy greedy over all officers: every officer's best next enrolment (most value
    /// per hour, prerequisites included) in one heap; an officer's best ratio only falls as
    /// their gaps close and seats and budget run out, so a popped entry still best after
    /// re-evaluation is taken. Ties go to fewer hours, then the officer listed first.
    /// Returns whether it took anything.
    pub(crate) fn select(&self, plan: &mut Plan) -> bool {
        self.select_without(plan, None)
    }

    /// [`Department::select`] never choosing `banned` (an officer and one of their
    /// candidates).
    pub(crate) fn select_without(&self, plan: &mut Plan, banned: Option<(usize, u32)>) -> bool {
        let mut added = Vec::new();
        let entry = |step: StepChoice, o: usize| Entry {
            ratio: step.gain / step.hours,
            hours: step.hours,
            officer: o as u32,
        };
        // Each officer's best steps as last found, best first; the heap holds the first.
        // Found in parallel (each officer's alone, in officer order).
        let mut runners: Vec<[Option<Runner>; RUNNERS]> =
            map_ranges(self.officers.len(), self.threads, |range| {
                range
                    .map(|o| self.best_few(plan, o, banned))
                    .collect::<Vec<_>>()
            })
            .concat();
        // Each officer's hours left under their cap, computed as `best_few` does; it
        // changes only when they take a step.
        let mut cap_left: Vec<f64> = plan.steppers.iter().map(|s| self.cap - s.hours()).collect();
        let mut heap = BinaryHeap::with_capacity(self.officers.len());
        for (o, few) in runners.iter().enumerate() {
            if let Some(r) = few[0] {
                heap.push(entry(r.step, o));
            }
        }
        let mut took = false;
        while let Some(top) = heap.pop() {
            let o = top.officer as usize;
            // Nothing of the officer's changed since their steps were found and the feasible
            // steps only shrank, so the first of them still feasible is still the best (the
            // order of `beats` is total); only when none is left are they scanned again.
            // The officer's one entry in the heap was made from their first step, which is
            // still `few[0]`: their steps change only when their entry is popped.
            let few = &mut runners[o];
            let first = few.iter().position(|r| {
                r.is_none_or(|r| self.still_feasible(plan, o, r, cap_left[o], banned))
            });
            let step = if let (Some(0), Some(r)) = (first, few[0]) {
                r.step
            } else {
                match first {
                    Some(i) => few.rotate_left(i),
                    None => *few = self.best_few(plan, o, banned),
                }
                let Some(r) = few[0] else {
                    continue;
                };
                let fresh = entry(r.step, o);
                if heap.peek().is_some_and(|next| next > &fresh) {
                    heap.push(fresh);
                    continue;
                }
                r.step
            };
            self.take(plan, o, step, &mut added);
            took = true;
            cap_left[o] = self.cap - plan.steppers[o].hours();
            runners[o] = self.best_few(plan, o, banned);
            if let Some(next) = runners[o][0] {
                heap.push(entry(next.step, o));
            }
        }
        took
    }

    /// Drops every officer's redundant picks (closing nothing of value no other pick closes,
    /// required by no pick), returning their seats and hours; says whether any went.
    pub(crate) fn drop_redundant(&self, plan: &mut Plan) -> bool {
        let mut removed = Vec::new();
        let mut any = false;
        for (o, p) in self.officers.iter().enumerate() {
            removed.clear();
            let before = plan.steppers[o].hours();
            plan.steppers[o].drop_redundant(&p.inst, &mut removed);
            for &c in &removed {
                plan.seats_left[self.course(o, c)] += 1;
                any = true;
            }
            plan.budget_left += before - plan.steppers[o].hours();
        }
        any
    }

    /// Fills and cleans the plan until it is maximal (no officer has a step adding value
    /// that fits their cap, the budget left and the seats left) and minimal (no redundant
    /// pick): fill, drop, and again while dropping freed something and filling used it.
    /// Each round that continues closes strictly more value.
    pub(crate) fn settle(&self, plan: &mut Plan) {
        self.select(plan);
        while self.drop_redundant(plan) && self.select(plan) {}
    }
}

/// Whether `(value, hours)` is lexicographically better than `(best_value, best_hours)`:
/// more value, then fewer hours (beyond rounding).
pub(crate) fn better(value: f64, hours: f64, best_value: f64, best_hours: f64) -> bool {
    let tol = EPS * best_value.abs().max(1.0);
    value > best_value + tol
        || (value >= best_value - tol && hours < best_hours - EPS * best_hours.abs().max(1.0))
}

/// Steps kept per officer in the department greedy, so that a step lost to a full course
/// or the budget is replaced without a new scan of the officer's candidates.
/// With 4, about 260,000 of the 410,000 scans of the `acbp -- 100000` example's greedy came
/// after all the steps kept were lost (to full courses and the budget running out).
const RUNNERS: usize = 8;

/// One of an officer's kept steps in the department greedy.
#[derive(Clone, Copy)]
struct Runner {
    step: StepChoice,
    /// The course of the step's candidate when the step adds that candidate alone (its
    /// prerequisites all chosen), else `u32::MAX`: checking the step again then reads that
    /// course's seats instead of walking the officer's instance, read cold.
    course: u32,
}

/// A heap entry: the ratio and hours of an officer's best next step (the step itself is
/// the first of the officer's runners). Kept small: the heap holds one per officer and
/// every pop sifts through it.
struct Entry {
    ratio: f64,
    hours: f64,
    officer: u32,
}

impl Ord for Entry {
    fn cmp(&self, other: &Entry) -> Ordering {
        self.ratio
            .total_cmp(&other.ratio)
            .then(other.hours.total_cmp(&self.hours))
            .then(other.officer.cmp(&self.officer))
    }
}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Entry) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Entry {
    fn eq(&self, other: &Entry) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for Entry {}

/// Replaces the plan by the single most valuable feasible enrolment when that is worth
/// more, which the budgeted-coverage guarantee needs, and says whether it did. Skipped when
/// no single officer's gaps are worth more than the plan already closes.
pub(crate) fn best_single_if_better(dept: &Department<'_>, plan: &mut Plan) -> bool {
    let closed = dept.value(plan);
    let richest = dept
        .officers
        .iter()
        .map(|p| p.inst.values.iter().sum::<f64>())
        .fold(0.0, f64::max);
    if richest <= closed {
        return false;
    }
    let limit = dept.cap.min(dept.budget);
    let mut seen = Vec::new();
    let mut best: Option<(f64, usize, u32)> = None;
    for (o, p) in dept.officers.iter().enumerate() {
        let empty = Stepper::new(&p.inst);
        let allowed = |c: u32| dept.seat_limit[p.courses[c as usize] as usize] > 0;
        for c in 0..p.inst.len() as u32 {
            if !empty.opens(&p.inst, c) {
                continue;
            }
            let hours = empty.marginal_hours(&p.inst, c);
            if hours > limit + EPS || !empty.all_pending(&p.inst, c, allowed) {
                continue;
            }
            let gain = empty.gain(&p.inst, c, &mut seen);
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
