//! Waiting officers' scans done ahead on a second thread ([`Ahead`]) while the greedy's
//! loop goes on with the others.
//!
//! An officer waits for a scan once all their kept steps are lost; the loop scans the
//! officers waiting only when the top of its heap no longer beats their bounds, a few
//! pops later. Meanwhile nothing of theirs changes but the capacities they share, which
//! only shrink within a select: so a scan of their candidates at any moment from their
//! wait on, against the seats and budget left as then read, finds the best of a set of
//! steps holding every step feasible when the loop uses the list. The first of its steps
//! still feasible then is their best, as with any kept list (see
//! [`Department::select_without`]), and the plan is the same whoever scanned and when.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};

use super::plan::{Department, Plan};
use super::refresh::{RUNNERS, Runner};
use crate::planning::cover::{EPS, StepChoice, Stepper};

/// An officer's best steps as a scan found them.
pub(super) type Few = [Option<Runner>; RUNNERS];

/// What the greedy's loop and the thread scanning ahead share during one select.
pub(super) struct Ahead {
    /// Officers waiting for a scan, not yet begun, each with their enrolment, lent out
    /// while they wait (the loop reads nobody's enrolment but the officer it pops).
    queue: Mutex<VecDeque<(u32, Stepper)>>,
    /// Scans done: the officer, their enrolment back and their best steps.
    done: Mutex<Vec<(u32, Stepper, Few)>>,
    /// Scans begun and not yet in `done`.
    busy: AtomicUsize,
    /// Set once the loop is over: the helper returns.
    stop: AtomicBool,
    /// The seats left per course and the budget left (its bits), as the loop last stored
    /// them: never fewer than the plan's now.
    seats: Vec<AtomicU32>,
    budget: AtomicU64,
}

impl Ahead {
    /// The shared state at the start of a select on `plan`. O(courses).
    pub(super) fn new(plan: &Plan) -> Ahead {
        Ahead {
            queue: Mutex::new(VecDeque::new()),
            done: Mutex::new(Vec::new()),
            busy: AtomicUsize::new(0),
            stop: AtomicBool::new(false),
            seats: plan.seats_left.iter().map(|&s| AtomicU32::new(s)).collect(),
            budget: AtomicU64::new(plan.budget_left.to_bits()),
        }
    }

    /// Stores the capacities officer `o`'s step changed: the seats of the courses of
    /// `added`, their candidates, and the budget left.
    pub(super) fn store(&self, dept: &Department<'_>, plan: &Plan, o: usize, added: &[u32]) {
        for &c in added {
            let course = dept.course(o, c);
            self.seats[course].store(plan.seats_left[course], Ordering::Relaxed);
        }
        self.budget
            .store(plan.budget_left.to_bits(), Ordering::Relaxed);
    }

    /// Hands officer `o`, waiting, to be scanned ahead, lending their enrolment.
    pub(super) fn send(&self, plan: &mut Plan, o: usize) {
        let stepper = std::mem::take(&mut plan.steppers[o]);
        lock(&self.queue).push_back((o as u32, stepper));
    }

    /// Every officer sent since the last call, their enrolments put back in `plan`: those
    /// scanned ahead with their steps, those not begun with `None` (scanned by the caller
    /// against the plan as it is). Waits for the scans begun. O(officers sent).
    pub(super) fn collect(&self, plan: &mut Plan) -> Vec<(u32, Option<Few>)> {
        let mut back = Vec::new();
        // Queued scans are taken back, last first, while the helper takes the first.
        while let Some((o, stepper)) = lock(&self.queue).pop_back() {
            plan.steppers[o as usize] = stepper;
            back.push((o, None));
        }
        // The queue's lock orders the helper's count of a scan it took before this read.
        while self.busy.load(Ordering::Acquire) > 0 {
            std::hint::spin_loop();
        }
        for (o, stepper, few) in lock(&self.done).drain(..) {
            plan.steppers[o as usize] = stepper;
            back.push((o, Some(few)));
        }
        back
    }

    /// Tells the helper to return.
    pub(super) fn finish(&self) {
        self.stop.store(true, Ordering::Release);
    }

    /// The helper: scans the officers sent, first sent first, until told to return.
    pub(super) fn help(&self, dept: &Department<'_>, banned: Option<(usize, u32)>) {
        let mut idle = 0u32;
        while !self.stop.load(Ordering::Acquire) {
            let job = {
                let mut queue = lock(&self.queue);
                let job = queue.pop_front();
                if job.is_some() {
                    self.busy.fetch_add(1, Ordering::Relaxed);
                }
                job
            };
            let Some((o, stepper)) = job else {
                // Nothing sent: wait a little, giving the core away after a while.
                idle = idle.saturating_add(1);
                if idle < 1_000 {
                    std::hint::spin_loop();
                } else {
                    std::thread::yield_now();
                }
                continue;
            };
            idle = 0;
            let budget = f64::from_bits(self.budget.load(Ordering::Relaxed));
            let seats = |course: usize| self.seats[course].load(Ordering::Relaxed) > 0;
            let few = dept.best_few_of(&stepper, o as usize, banned, budget, seats);
            lock(&self.done).push((o, stepper, few));
            self.busy.fetch_sub(1, Ordering::Release);
        }
    }
}

/// Sets the helper's flag to return when dropped: at the end of the loop, or when it
/// panics (the scope the helper runs in waits for it).
pub(super) struct Finish<'a>(pub(super) &'a Ahead);

impl Drop for Finish<'_> {
    fn drop(&mut self) {
        self.0.finish();
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Department<'_> {
    /// Officer `o`'s [`RUNNERS`] best next steps, as [`Department::best_few`] finds them,
    /// with their enrolment `stepper`, `budget_left` hours of the budget and `has_seat`
    /// telling which courses have a seat left. O(m) for m candidates (closure walks).
    pub(super) fn best_few_of(
        &self,
        stepper: &Stepper,
        o: usize,
        banned: Option<(usize, u32)>,
        budget_left: f64,
        has_seat: impl Fn(usize) -> bool,
    ) -> Few {
        let hours_left = (self.cap - stepper.hours()).min(budget_left);
        let p = &self.officers[o];
        if p.min_hours > hours_left + EPS {
            return [None; RUNNERS];
        }
        let ban = banned.and_then(|(b, c)| (b == o).then_some(c));
        let allowed = |c: u32| Some(c) != ban && has_seat(p.courses[c as usize] as usize);
        let steps: [Option<StepChoice>; RUNNERS] =
            stepper.best_steps(&p.inst, hours_left, p.scan, allowed);
        steps.map(|step| step.map(|step| self.runner_of(stepper, o, step)))
    }
}
