//! The lazy greedy over all officers ([`Department::select`]): every officer's best next
//! steps kept, the best of each in one heap, and the officers' steps found again only when
//! needed; and [`settle`](Department::settle), which makes a plan minimal and maximal.

use std::sync::{Mutex, PoisonError};

use super::heap::Heap;
use super::lazy::Lazy;
#[cfg(test)]
use super::lazy::VALUED;
use super::opening::{Opening, steps_of};
use super::plan::{Department, Plan};
use super::refresh::{Down, RUNNERS, Runner};
use crate::analysis::parallel::map_items;
use crate::planning::cover::{EPS, StepChoice};

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
        let Some((hours_left, allowed)) = self.room(plan, o, banned) else {
            return [None; RUNNERS];
        };
        steps_of(self.officers[o], &plan.steppers[o], hours_left, allowed)
    }

    /// Officer `o`'s room for another step: the hours left under their cap and the
    /// budget, and which of their candidates may be taken (not `banned` for them, a seat
    /// left). `None` when not even their shortest candidate fits: every step adds at least
    /// its candidate's own hours, so late in the greedy, when the budget or the officer's
    /// cap is nearly spent, this answers without reading the officer's candidates. O(1).
    #[inline]
    pub(super) fn room<'a>(
        &'a self,
        plan: &'a Plan,
        o: usize,
        banned: Option<(usize, u32)>,
    ) -> Option<(f64, impl Fn(u32) -> bool + Copy + 'a)> {
        let hours_left = (self.cap - plan.steppers[o].hours()).min(plan.budget_left);
        let p = &self.officers[o];
        if p.min_hours > hours_left + EPS {
            return None;
        }
        let ban = banned.and_then(|(b, c)| (b == o).then_some(c));
        let allowed =
            move |c: u32| Some(c) != ban && plan.seats_left[p.courses[c as usize] as usize] > 0;
        Some((hours_left, allowed))
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
        let entry = |step: StepChoice, o: usize| Entry::new(step.gain / step.hours, step.hours, o);
        // Each officer's best steps as last found, best first; the heap holds the first.
        let mut runners = start.0;
        debug_assert_eq!(runners.len(), self.officers.len(), "one list per officer");
        // Each officer's hours left under their cap, computed as `best_few` does; it
        // changes only when they take a step.
        let mut cap_left: Vec<f64> = plan.steppers.iter().map(|s| self.cap - s.hours()).collect();
        let mut heap = Heap::with_capacity(self.officers.len());
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
        // Per officer, the heap their steps are found again from (`Department::lazy_pays`),
        // built at its first use in this select; each officer's is used by one thread at a
        // time.
        let lazies: Vec<Mutex<Option<Lazy>>> =
            (0..self.officers.len()).map(|_| Mutex::new(None)).collect();
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
                    let o = waiting[i] as usize;
                    if !self.lazy_pays(o) {
                        #[cfg(test)]
                        VALUED.with(|v| v.set(v.get() + self.officers[o].inst.len() as u64));
                        return self.best_few(plan, o, banned);
                    }
                    let mut lazy = lazies[o].lock().unwrap_or_else(PoisonError::into_inner);
                    let few = self.best_few_lazy(plan, o, banned, &mut lazy);
                    debug_assert!(
                        agrees(&few, false, &self.best_few(plan, o, banned)),
                        "a lazy heap finds the steps a scan finds"
                    );
                    few
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
            // The top stays in the heap while it is looked at: most pops are followed by a
            // push of the same officer's next entry, which then replaces it in one sift
            // down (`Top::replace`) instead of a sift to the bottom and one up again.
            if heap.is_empty() {
                break;
            }
            let top = Top(&mut heap);
            let o = top.officer();
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
                    top.remove();
                    continue;
                };
                few.rotate_left(i);
                let Some(r) = few[0] else {
                    top.remove();
                    continue;
                };
                let fresh = entry(r.step, o);
                if top.next().is_some_and(|next| next > fresh) || bound.is_some_and(|b| b > fresh) {
                    top.replace(fresh);
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
                Some(r) => top.replace(entry(r.step, o)),
                None if short => {
                    let last = old.iter().flatten().map(|r| entry(r.step, o)).min();
                    wait(&mut waiting, &mut bound, o, last);
                    top.remove();
                }
                None => top.remove(),
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

/// Puts officer `o` among those waiting for their steps to be found, with an upper bound on
/// their best step (`None`: none known, so they are found before the next pop).
fn wait(waiting: &mut Vec<u32>, bound: &mut Option<Entry>, o: usize, at_most: Option<Entry>) {
    waiting.push(o as u32);
    let at_most = at_most.unwrap_or(Entry::new(f64::INFINITY, 0.0, o));
    if bound.is_none_or(|b| at_most > b) {
        *bound = Some(at_most);
    }
}

/// The fewest officers waiting for their steps that are scanned on the plan's threads
/// rather than on the calling one (a scan reads a few hundred candidates, microseconds).
const PARALLEL_WAITING: usize = 256;

/// Every officer's best steps at the start of a select ([`Department::first_steps`]), in
/// officer order.
pub(crate) struct FirstSteps(Vec<[Option<Runner>; RUNNERS]>);

impl FirstSteps {
    /// The first steps of the empty plan of officers sharing problems: officer `o`'s are
    /// `openings[problem_of[o]]` (see `opening`), taken as they are when every officer has
    /// a problem of their own, in officer order. O(n) for n officers.
    pub(crate) fn of_openings(openings: Vec<Opening>, problem_of: &[u32]) -> FirstSteps {
        let own = openings.len() == problem_of.len()
            && problem_of.iter().enumerate().all(|(o, &k)| k as usize == o);
        if own {
            return FirstSteps(openings.into_iter().map(|o| o.0).collect());
        }
        FirstSteps(problem_of.iter().map(|&k| openings[k as usize].0).collect())
    }

    /// Whether `self` and `other` hold the same steps for every officer (debug checks).
    pub(crate) fn same_as(&self, other: &FirstSteps) -> bool {
        self.0 == other.0
    }
}

/// A heap entry: the ratio and hours of an officer's best next step (the step itself is
/// the first of the officer's runners). Kept small: the heap holds one per officer and
/// every pop sifts through it. Ordered by the ratio, then fewer hours, then the officer
/// listed first, as `f64::total_cmp` orders the numbers: each is kept as the integer that
/// order compares ([`total_key`]), so the fields compare as integers, in the order they
/// are declared, the hours and the officer reversed.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Entry {
    ratio: i64,
    /// The hours' key, bitwise negated: fewer hours rank higher.
    hours: i64,
    /// The officer, bitwise negated: the officer listed first ranks higher.
    officer: u32,
}

impl Entry {
    fn new(ratio: f64, hours: f64, officer: usize) -> Entry {
        Entry {
            ratio: total_key(ratio),
            hours: !total_key(hours),
            officer: !(officer as u32),
        }
    }
}

/// The integer whose order is `f64::total_cmp`'s order of the numbers (the same
/// transformation that method makes of both operands before comparing them).
fn total_key(x: f64) -> i64 {
    let bits = x.to_bits().cast_signed();
    bits ^ ((bits >> 63).cast_unsigned() >> 1).cast_signed()
}

/// The top of the greedy's heap while it is looked at, left in the heap: what follows a
/// look either removes it or, much more often, replaces it by the same officer's next
/// entry, one sift down from the top ([`Heap::replace_top`]) instead of a pop and a push.
/// The entries are distinct (one per officer) and totally ordered, so the heap's layout
/// does not change which entry comes out first.
struct Top<'h>(&'h mut Heap<Entry>);

impl Top<'_> {
    /// The officer of the top entry.
    fn officer(&self) -> usize {
        self.0.peek().map_or(0, |e| !e.officer as usize)
    }

    /// The greatest entry after the top.
    fn next(&self) -> Option<Entry> {
        self.0.second()
    }

    /// Replaces the top by `entry`.
    fn replace(self, entry: Entry) {
        self.0.replace_top(entry);
    }

    /// Removes the top.
    fn remove(self) {
        self.0.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::{Entry, total_key};

    /// The integer keys order numbers as `f64::total_cmp` does, and entries as the ratio,
    /// then fewer hours, then the officer listed first.
    #[test]
    fn keys_order_as_total_cmp() {
        let numbers = [
            f64::NEG_INFINITY,
            -3.5,
            -f64::MIN_POSITIVE,
            -0.0,
            0.0,
            f64::MIN_POSITIVE / 4.0,
            1.0 / 3.0,
            1.0,
            7.25,
            f64::MAX,
            f64::INFINITY,
            f64::NAN,
        ];
        for a in numbers {
            for b in numbers {
                assert_eq!(total_key(a).cmp(&total_key(b)), a.total_cmp(&b), "{a} {b}");
            }
        }
        let (ratio, hours) = (0.5, 4.0);
        assert!(Entry::new(ratio, hours, 9) > Entry::new(ratio / 2.0, hours, 0));
        assert!(Entry::new(ratio, hours, 9) > Entry::new(ratio, hours + 1.0, 0));
        assert!(Entry::new(ratio, hours, 0) > Entry::new(ratio, hours, 9));
        assert!(Entry::new(f64::INFINITY, 0.0, 9) > Entry::new(f64::MAX, 0.0, 0));
    }
}
