//! An officer's best steps found again after they took one ([`Department::refreshed`]):
//! their kept steps and the steps that got cheaper, walked down from what the step added.

use std::cmp::Ordering;

use super::plan::{Department, Plan, Subproblem};
use crate::model::order;
use crate::planning::cover::{EPS, EXACT_BELOW, StepChoice, Stepper, preferred};

impl Department<'_> {
    /// Officer `o`'s `step` with the one course it adds when it adds its candidate alone.
    pub(super) fn runner(&self, plan: &Plan, o: usize, step: StepChoice) -> Runner {
        Runner::of(self.officers[o], &plan.steppers[o], step)
    }

    /// Officer `o`'s best steps just after they took one of `old`, their kept steps (`cut`:
    /// `old` may not hold every step ranking below its last), where `added` lists the
    /// candidates the step added. No step gained value, and only those of candidates
    /// requiring one of `added` (transitively) got cheaper, so every other step not kept
    /// still ranks below the last kept one: the kept steps and those that got cheaper,
    /// valued again, that rank above it are the officer's best, in order, found without a
    /// scan of every candidate. Returns them, best first, with whether steps not kept may
    /// follow.
    ///
    /// The candidates requiring `added` are walked down from it, and below a candidate
    /// whose step surely ranks below what a step must beat (the floor, or a full list's
    /// last) the walk stops when the officer's `reach` shows that no step below can rank
    /// above it: such a step adds that candidate's unchosen closure and more, each further
    /// candidate at most `reach` value per hour (see `Subproblem::reach`), and lasts at
    /// least as long. On a chain of n courses each closing a gap, taken one by one, that
    /// is O(1) candidates per step instead of O(n).
    ///
    /// `keys` holds, sorted by candidate, the gain and hours of the steps valued at the
    /// officer's previous step (with no allowance for seats, the cap or the budget);
    /// `single` is the gain and hours of the step just taken when it added one candidate.
    /// A step requiring that candidate then gains that much less and lasts that much
    /// shorter, so one whose key so updated surely ranks below the floor or a full list's
    /// last is passed over without a walk of its closure (its closure is walked only when
    /// it may be among the best); `keys` is replaced by this step's.
    #[allow(clippy::too_many_arguments)] // the officer's lists, kept by the caller
    #[allow(clippy::too_many_lines)] // one walk down, each candidate valued in place
    pub(super) fn refreshed(
        &self,
        plan: &Plan,
        o: usize,
        old: &[Option<Runner>; RUNNERS],
        cut: bool,
        banned: Option<(usize, u32)>,
        taken: u32,
        added: &[u32],
        single: Option<(f64, f64)>,
        keys: &mut Vec<(u32, f64, f64)>,
        down: &mut Down,
    ) -> ([Option<Runner>; RUNNERS], bool) {
        let stepper = &plan.steppers[o];
        let hours_left = (self.cap - stepper.hours()).min(plan.budget_left);
        let p = &self.officers[o];
        if p.min_hours > hours_left + EPS {
            return ([None; RUNNERS], false);
        }
        let key = |s: &StepChoice| (s.gain, s.hours, s.cand);
        // Without a cut and with room to spare, the old list held every step there was;
        // and when every candidate left requires the one just taken (its heaviest chain
        // below takes all the hours left), the walk down reaches every step there is.
        let all_below = p
            .below
            .get(taken as usize)
            .is_some_and(|&b| b >= p.total_hours - stepper.hours());
        let complete = all_below || (!cut && old.iter().any(Option::is_none));
        let floor = old.iter().flatten().map(|r| key(&r.step)).max_by(preferred);
        let ban = banned.and_then(|(b, c)| (b == o).then_some(c));
        let allowed =
            |c: u32| Some(c) != ban && plan.seats_left[p.courses[c as usize] as usize] > 0;
        let mut few = [None; RUNNERS];
        let mut n = 0;
        // Whether a step ranking above the floor fell off the end of a full list.
        let mut fell = false;
        let kept = |c: u32| old.iter().flatten().any(|r| r.step.cand == c);
        let previous = std::mem::take(keys);
        let known = |c: u32| {
            let (dg, dh) = single?;
            let at = previous.binary_search_by_key(&c, |k| k.0).ok()?;
            Some((previous[at].1 - dg, previous[at].2 - dh))
        };
        // Whole gains and hours are updated exactly, so they are ranked as a walk would
        // rank them, ties included; otherwise a margin absorbs the rounding of keys
        // updated step by step, so no step that may rank above is passed over.
        let whole = |v: f64| v.fract() == 0.0 && v.abs() < EXACT_BELOW;
        let surely_below = |(gain, hours, c): (f64, f64, u32), than: (f64, f64, u32)| {
            if whole(gain) && whole(hours) && whole(than.0) && whole(than.1) {
                preferred(&(gain, hours, c), &than) != Ordering::Less
            } else {
                hours > 0.0 && than.1 > 0.0 && gain / hours < than.0 / than.1 * (1.0 - 1e-9)
            }
        };
        // Whether no step of a candidate requiring `c` (whose step is `(gain, hours)`)
        // ranks above `than`: each is worth at most the greater of `c`'s value per hour and
        // `reach[c]` per hour, and lasts at least `hours` (see `Subproblem::reach`, whose
        // sums are exact).
        let none_below = |c: u32, (gain, hours): (f64, f64), than: (f64, f64, u32)| {
            let Some(&most) = p.reach.get(c as usize) else {
                return false;
            };
            if !(hours > 0.0 && than.1 > 0.0) {
                return false;
            }
            let (ratio, bar) = (gain / hours, than.0 / than.1);
            most <= bar && ((ratio < bar && most < bar) || (ratio <= bar && hours > than.1))
        };
        // Every kept step, valued again; then the steps that got cheaper, walked down from
        // `added`.
        down.start(p.inst.len());
        let mut stack = std::mem::take(&mut down.stack);
        stack.clear();
        for &c in added {
            down.visit(c);
            stack.push((c, 0, 0.0));
        }
        // With exact sums, a candidate requiring one of the walk lasts at least that one's
        // hours and its own: one lasting more than the hours left is no step, nor is any
        // below it, and neither is walked.
        let exact = !p.reach.is_empty();
        let olds: Vec<u32> = old.iter().flatten().map(|r| r.step.cand).collect();
        let mut at = 0;
        loop {
            let (c, fresh, shortest) = if at < olds.len() {
                at += 1;
                (olds[at - 1], false, 0.0)
            } else {
                // Depth first, each candidate's dependants in order from where it left off.
                let Some(top) = stack.last_mut() else {
                    break;
                };
                let (above, next, shortest) = *top;
                let Some(&c) = p.inst.dependants(above).get(next as usize) else {
                    stack.pop();
                    continue;
                };
                top.1 += 1;
                if !down.unseen(c) {
                    continue;
                }
                down.visit(c);
                let shortest = shortest + p.inst.hours(c);
                if exact && shortest > hours_left + EPS {
                    continue;
                }
                (c, true, shortest)
            };
            // Whether the candidates requiring `c` are still to be walked.
            let mut deeper = true;
            let derived = if fresh && !kept(c) { known(c) } else { None };
            let mut valued = derived;
            let bar = |few: &[Option<Runner>; RUNNERS], n: usize| {
                let last = (n == RUNNERS)
                    .then(|| few[n - 1].map(|k: Runner| key(&k.step)))
                    .flatten();
                ((!complete).then_some(floor).flatten(), last)
            };
            'value: {
                if fresh && (kept(c) || stepper.is_chosen(c)) {
                    // Valued with the kept steps (or no step); only the walk goes on.
                    break 'value;
                }
                if let Some((gain, hours)) = derived {
                    keys.push((c, gain, hours));
                    if gain <= 0.0 || hours > hours_left + EPS {
                        deeper = hours <= hours_left + EPS;
                        break 'value;
                    }
                    let (floor, last) = bar(&few, n);
                    if floor.is_some_and(|f| surely_below((gain, hours, c), f)) {
                        break 'value;
                    }
                    if last.is_some_and(|l| surely_below((gain, hours, c), l)) {
                        fell = true;
                        break 'value;
                    }
                }
                let Some(step) = stepper.step_if(&p.inst, c, hours_left, allowed) else {
                    break 'value;
                };
                if fresh && derived.is_none() {
                    keys.push((c, step.gain, step.hours));
                }
                valued = Some((step.gain, step.hours));
                if !complete && floor.is_none_or(|f| preferred(&key(&step), &f) != Ordering::Less) {
                    break 'value;
                }
                // In the order of `Stepper::best_steps`: insertion among at most a few, the
                // last falling off a full list.
                let at = few[..n]
                    .iter()
                    .flatten()
                    .position(|k: &Runner| preferred(&key(&step), &key(&k.step)) == Ordering::Less)
                    .unwrap_or(n);
                if at == RUNNERS {
                    fell = true;
                    break 'value;
                }
                if n == RUNNERS {
                    fell = true;
                    n -= 1;
                }
                few[at..=n].rotate_right(1);
                few[at] = Some(self.runner(plan, o, step));
                n += 1;
            }
            if !fresh {
                continue;
            }
            if let (true, Some(step)) = (deeper, valued) {
                let (floor, last) = bar(&few, n);
                if floor.is_some_and(|f| none_below(c, step, f)) {
                    deeper = false;
                } else if last.is_some_and(|l| none_below(c, step, l)) {
                    fell = true;
                    deeper = false;
                }
            }
            if deeper {
                stack.push((c, 0, valued.map_or(shortest, |(_, hours)| hours)));
            }
        }
        down.stack = stack;
        order::sort_unstable_by(keys, |a, b| a.0.cmp(&b.0));
        (few, !complete || fell)
    }
}

/// The walk down from the candidates a step added ([`Department::refreshed`]): visit
/// stamps per candidate, kept across the steps of a select so that a walk costs what it
/// visits, and its stack of candidates with the next of their dependants to look at and
/// the shortest hours their step adds.
#[derive(Default)]
pub(super) struct Down {
    seen: Vec<u32>,
    stamp: u32,
    stack: Vec<(u32, u32, f64)>,
}

impl Down {
    /// Starts a walk over an instance of `n` candidates.
    fn start(&mut self, n: usize) {
        if self.seen.len() < n {
            self.seen.resize(n, 0);
        }
        if self.stamp == u32::MAX {
            self.seen.fill(0);
            self.stamp = 0;
        }
        self.stamp += 1;
    }

    fn visit(&mut self, c: u32) {
        self.seen[c as usize] = self.stamp;
    }

    fn unseen(&self, c: u32) -> bool {
        self.seen[c as usize] != self.stamp
    }
}

/// Steps kept per officer in the department greedy, so that a step lost to a full course
/// or the budget is replaced without a new scan of the officer's candidates.
/// With 4, about 260,000 of the 410,000 scans of the `acbp -- 100000` example's greedy came
/// after all the steps kept were lost (to full courses and the budget running out).
pub(super) const RUNNERS: usize = 8;

/// One of an officer's kept steps in the department greedy.
#[derive(Clone, Copy, PartialEq)]
pub(super) struct Runner {
    pub(super) step: StepChoice,
    /// The course of the step's candidate when the step adds that candidate alone (its
    /// prerequisites all chosen), else `u32::MAX`: checking the step again then reads that
    /// course's seats instead of walking the officer's instance, read cold.
    pub(super) course: u32,
}

impl Runner {
    /// `step` of the officer of problem `p` in enrolment state `stepper`, with the one
    /// course it adds when it adds its candidate alone. O(prerequisites of the candidate).
    pub(super) fn of(p: &Subproblem, stepper: &Stepper, step: StepChoice) -> Runner {
        // A chosen candidate's prerequisites are chosen, so with every direct prerequisite
        // chosen the step adds its candidate alone.
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
    }
}
