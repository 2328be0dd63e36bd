//! The lazy greedy over all officers ([`Department::select`]): every officer's best next
//! steps kept, the best of each in one heap, and the officers' steps found again only when
//! needed; and [`settle`](Department::settle), which makes a plan minimal and maximal.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use super::plan::{Department, Plan};
use crate::analysis::parallel::map_items;
use crate::model::order;
use crate::planning::cover::{EPS, EXACT_BELOW, StepChoice, preferred};

impl Department<'_> {
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
        let steps: [Option<StepChoice>; RUNNERS] =
            stepper.best_steps(&p.inst, hours_left, p.scan, |c| {
                Some(c) != ban && plan.seats_left[p.courses[c as usize] as usize] > 0
            });
        steps.map(|step| step.map(|step| self.runner(plan, o, step)))
    }

    /// Officer `o`'s `step` with the one course it adds when it adds its candidate alone.
    fn runner(&self, plan: &Plan, o: usize, step: StepChoice) -> Runner {
        let p = &self.officers[o];
        // A chosen candidate's prerequisites are chosen, so with every direct prerequisite
        // chosen the step adds its candidate alone.
        let alone = p
            .inst
            .prerequisites(step.cand)
            .iter()
            .all(|&d| plan.steppers[o].is_chosen(d));
        Runner {
            step,
            course: if alone {
                p.courses[step.cand as usize]
            } else {
                u32::MAX
            },
        }
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
    fn refreshed(
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
            stack.push((c, 0));
        }
        let olds: Vec<u32> = old.iter().flatten().map(|r| r.step.cand).collect();
        let mut at = 0;
        loop {
            let (c, fresh) = if at < olds.len() {
                at += 1;
                (olds[at - 1], false)
            } else {
                // Depth first, each candidate's dependants in order from where it left off.
                let Some(top) = stack.last_mut() else {
                    break;
                };
                let (above, next) = *top;
                let Some(&c) = p.inst.dependants(above).get(next as usize) else {
                    stack.pop();
                    continue;
                };
                top.1 += 1;
                if !down.unseen(c) {
                    continue;
                }
                down.visit(c);
                (c, true)
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
                stack.push((c, 0));
            }
        }
        down.stack = stack;
        order::sort_unstable_by(keys, |a, b| a.0.cmp(&b.0));
        (few, !complete || fell)
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

    /// Fills and cleans the plan until it is maximal (no officer has a step adding value
    /// that fits their cap, the budget left and the seats left) and minimal (no redundant
    /// pick): fill, drop, and again while dropping freed something and filling used it.
    /// Each round that continues closes strictly more value.
    pub(crate) fn settle(&self, plan: &mut Plan) {
        let start = self.first_steps(plan, None);
        self.settle_from(plan, start);
    }

    /// [`Department::settle`] with the first select started from `start`, every officer's
    /// best steps found by [`Department::first_steps`] on `plan` as it is now: found
    /// beforehand, on every thread, when the settle is to run beside other work.
    pub(crate) fn settle_from(&self, plan: &mut Plan, start: FirstSteps) {
        self.select_from(plan, None, start);
        while self.drop_redundant(plan) && self.select(plan) {}
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
    ///
    /// An officer's steps are found again (a scan of their candidates) only when needed.
    /// After a step, their kept steps and the candidates requiring what it added (the only
    /// steps that got cheaper) are valued again instead ([`Department::refreshed`]; debug
    /// builds check the answer against a scan). When all their kept steps are lost, or
    /// none of those ranks above the last kept one, the officer waits with an upper bound
    /// on their next best step;
    /// the officers waiting are scanned together, on the plan's threads, once the top of
    /// the heap no longer beats every bound. Whatever the moment of a scan, the first of an
    /// officer's kept steps still feasible is their best (the capacities only shrink), so
    /// the steps taken, and the plan, are those of one scan after every step.
    pub(crate) fn select_without(&self, plan: &mut Plan, banned: Option<(usize, u32)>) -> bool {
        let start = self.first_steps(plan, banned);
        self.select_from(plan, banned, start)
    }

    /// Every officer's best steps on `plan` as it is, never choosing `banned`: where
    /// [`Department::select_from`] starts. Found on the plan's threads (each officer's
    /// alone), collected in officer order straight into one vector. O(n·m) for n officers
    /// of m candidates each, 8 steps (a few hundred bytes) per officer.
    pub(crate) fn first_steps(&self, plan: &Plan, banned: Option<(usize, u32)>) -> FirstSteps {
        FirstSteps(map_items(self.officers.len(), self.threads, |o| {
            self.best_few(plan, o, banned)
        }))
    }

    /// [`Department::select_without`] from `start`, every officer's best steps found by
    /// [`Department::first_steps`] on `plan` as it is now.
    #[allow(clippy::too_many_lines)] // one loop over the heap, its officers' lists kept here
    pub(crate) fn select_from(
        &self,
        plan: &mut Plan,
        banned: Option<(usize, u32)>,
        start: FirstSteps,
    ) -> bool {
        let mut added = Vec::new();
        let mut down = Down::default();
        // Per officer, the keys of the steps that got cheaper at their last step (see
        // `Department::refreshed`); empty for officers whose steps require nothing.
        let mut keys: Vec<Vec<(u32, f64, f64)>> = vec![Vec::new(); self.officers.len()];
        let entry = |step: StepChoice, o: usize| Entry {
            ratio: step.gain / step.hours,
            hours: step.hours,
            officer: o as u32,
        };
        // Each officer's best steps as last found, best first; the heap holds the first.
        let mut runners = start.0;
        debug_assert_eq!(runners.len(), self.officers.len(), "one list per officer");
        // Each officer's hours left under their cap, computed as `best_few` does; it
        // changes only when they take a step.
        let mut cap_left: Vec<f64> = plan.steppers.iter().map(|s| self.cap - s.hours()).collect();
        let mut heap = BinaryHeap::with_capacity(self.officers.len());
        for (o, few) in runners.iter().enumerate() {
            if let Some(r) = few[0] {
                heap.push(entry(r.step, o));
            }
        }
        // Whether an officer's kept steps were valued again after a step rather than found
        // by a scan (`Department::refreshed`): steps not kept may then rank below them, so
        // once they are lost the officer's steps are found again.
        let mut cut = vec![false; self.officers.len()];
        // Officers whose steps are to be found again (they have no entry in the heap), and
        // the greatest of their bounds: no step of theirs ranks above it.
        let mut waiting: Vec<u32> = Vec::new();
        let mut bound: Option<Entry> = None;
        let mut took = false;
        loop {
            if let Some(b) = &bound
                && heap.peek().is_none_or(|top| b > top)
            {
                // On the plan's threads only when there are enough of them to be worth
                // handing over: a group of a few costs more to hand to another thread
                // (more so on a busy machine) than to scan here.
                let threads = if waiting.len() >= PARALLEL_WAITING {
                    self.threads
                } else {
                    1
                };
                let found = map_items(waiting.len(), threads, |i| {
                    self.best_few(plan, waiting[i] as usize, banned)
                });
                for (&o, few) in waiting.iter().zip(found) {
                    if let Some(r) = few[0] {
                        heap.push(entry(r.step, o as usize));
                    }
                    runners[o as usize] = few;
                    cut[o as usize] = false;
                }
                waiting.clear();
                bound = None;
            }
            let Some(top) = heap.pop() else {
                break;
            };
            let o = top.officer as usize;
            // Nothing of the officer's changed since their steps were found and the feasible
            // steps only shrank, so the first of them still feasible is still the best (the
            // order of `beats` is total). The officer's one entry in the heap was made from
            // their first step, which is still `few[0]`: their steps change only when their
            // entry is popped.
            let few = &mut runners[o];
            let first = few.iter().position(|r| {
                r.is_none_or(|r| self.still_feasible(plan, o, r, cap_left[o], banned))
            });
            let step = if let (Some(0), Some(r)) = (first, few[0]) {
                r.step
            } else {
                let gone = first.is_none_or(|i| few[i].is_none() && cut[o]);
                let (Some(i), false) = (first, gone) else {
                    // All kept steps lost, and the list held not every step: every step
                    // still feasible ranked below the last of them when they were found.
                    let last = few.iter().flatten().map(|r| entry(r.step, o)).min();
                    wait(&mut waiting, &mut bound, o, last);
                    continue;
                };
                few.rotate_left(i);
                let Some(r) = few[0] else {
                    continue;
                };
                let fresh = entry(r.step, o);
                if heap.peek().is_some_and(|next| next > &fresh)
                    || bound.as_ref().is_some_and(|b| b > &fresh)
                {
                    heap.push(fresh);
                    continue;
                }
                r.step
            };
            self.take(plan, o, step, &mut added);
            took = true;
            cap_left[o] = self.cap - plan.steppers[o].hours();
            // The officer's kept steps and the steps that got cheaper (those requiring
            // what the step added), valued again, give their next best, or bound it: every
            // other step not kept ranks below the last kept.
            let old = runners[o];
            let single = (added.len() == 1).then_some((step.gain, step.hours));
            let (few, short) = self.refreshed(
                plan,
                o,
                &old,
                cut[o],
                banned,
                step.cand,
                &added,
                single,
                &mut keys[o],
                &mut down,
            );
            debug_assert!(
                agrees(&few, short, &self.best_few(plan, o, banned)),
                "the steps valued again are the first of a scan's"
            );
            runners[o] = few;
            cut[o] = short;
            match few[0] {
                Some(r) => heap.push(entry(r.step, o)),
                None if short => {
                    let last = old.iter().flatten().map(|r| entry(r.step, o)).min();
                    wait(&mut waiting, &mut bound, o, last);
                }
                None => {}
            }
        }
        took
    }
}

/// Whether `few`, an officer's steps valued again (`short`: steps not kept may follow),
/// are the first of `scan`, the officer's steps found by a scan: all of them unless short.
fn agrees(few: &[Option<Runner>; RUNNERS], short: bool, scan: &[Option<Runner>; RUNNERS]) -> bool {
    let step = |r: &Option<Runner>| {
        r.map(|r| {
            (
                r.step.cand,
                r.step.gain.to_bits(),
                r.step.hours.to_bits(),
                r.course,
            )
        })
    };
    few.iter()
        .zip(scan)
        .all(|(a, b)| step(a) == step(b) || (short && a.is_none()))
}

/// The walk down from the candidates a step added ([`Department::refreshed`]): visit
/// stamps per candidate, kept across the steps of a select so that a walk costs what it
/// visits, and its stack of candidates with the next of their dependants to look at.
#[derive(Default)]
pub(super) struct Down {
    seen: Vec<u32>,
    stamp: u32,
    stack: Vec<(u32, u32)>,
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

/// Puts officer `o` among those waiting for their steps to be found, with an upper bound on
/// their best step (`None`: none known, so they are found before the next pop).
fn wait(waiting: &mut Vec<u32>, bound: &mut Option<Entry>, o: usize, at_most: Option<Entry>) {
    waiting.push(o as u32);
    let at_most = at_most.unwrap_or(Entry {
        ratio: f64::INFINITY,
        hours: 0.0,
        officer: o as u32,
    });
    if bound.as_ref().is_none_or(|b| at_most > *b) {
        *bound = Some(at_most);
    }
}

/// The fewest officers waiting for their steps that are scanned on the plan's threads
/// rather than on the calling one (a scan reads a few hundred candidates, microseconds).
const PARALLEL_WAITING: usize = 256;

/// Steps kept per officer in the department greedy, so that a step lost to a full course
/// or the budget is replaced without a new scan of the officer's candidates.
/// With 4, about 260,000 of the 410,000 scans of the `acbp -- 100000` example's greedy came
/// after all the steps kept were lost (to full courses and the budget running out).
const RUNNERS: usize = 8;

/// Every officer's best steps at the start of a select ([`Department::first_steps`]), in
/// officer order.
pub(crate) struct FirstSteps(Vec<[Option<Runner>; RUNNERS]>);

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
