//! A partial solution changed in place under an undo journal, and walks over the part of a
//! candidate's prerequisite closure not chosen yet.

use crate::model::{hours, order};
use std::cell::RefCell;

use super::instance::{Instance, Solution};

/// A point to roll a [`State`] back to.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Mark {
    pub(crate) journal: usize,
    pub(crate) cost: f64,
    picos: i128,
}

/// What choosing a candidate now would add: itself with its unchosen prerequisites.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Marginal {
    /// Elements newly closed, each counted once.
    pub(crate) count: u32,
    /// Their summed values.
    pub(crate) value: f64,
    /// Selection cost added.
    pub(crate) cost: f64,
    /// Real hours added.
    pub(crate) hours: f64,
    /// Candidates walked to find it (the work it took).
    pub(crate) walked: u32,
}

/// Visit stamps, so that a walk touches each candidate and element once without clearing.
/// One per thread, shared by every state the thread walks (stamps only grow, so a mark left
/// by a walk over another instance never matches), sized to the largest instance walked.
#[derive(Debug, Default)]
struct Walk {
    seen: Vec<u32>,
    element_seen: Vec<u32>,
    stamp: u32,
    stack: Vec<u32>,
}

impl Walk {
    /// Makes room for `inst`'s candidates and elements.
    fn fit(&mut self, inst: &Instance) {
        if self.seen.len() < inst.len() {
            self.seen.resize(inst.len(), 0);
        }
        if self.element_seen.len() < inst.values.len() {
            self.element_seen.resize(inst.values.len(), 0);
        }
    }

    fn next_stamp(&mut self) -> u32 {
        if self.stamp == u32::MAX {
            self.seen.fill(0);
            self.element_seen.fill(0);
            self.stamp = 0;
        }
        self.stamp += 1;
        self.stamp
    }
}

thread_local! {
    static WALK: RefCell<Walk> = RefCell::new(Walk::default());
}

#[cfg(test)]
thread_local! {
    /// Candidates walked by [`State::marginal_if`] on this thread, for tests that count work.
    pub(crate) static WALKED: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Runs `f` with this thread's walk buffers, fitted to `inst`; a walk started inside
/// another walk's callback gets buffers of its own.
fn with_walk<R>(inst: &Instance, f: impl FnOnce(&mut Walk) -> R) -> R {
    WALK.with(|cell| {
        if let Ok(mut walk) = cell.try_borrow_mut() {
            walk.fit(inst);
            f(&mut walk)
        } else {
            let mut walk = Walk::default();
            walk.fit(inst);
            f(&mut walk)
        }
    })
}

/// A partial solution: always closed under prerequisites (a chosen candidate's
/// prerequisites are chosen), changed in place and journalled.
#[derive(Clone, Debug)]
pub(crate) struct State {
    pub(crate) chosen: Vec<bool>,
    /// How many chosen candidates close each element.
    pub(crate) cover_count: Vec<u32>,
    pub(crate) cost: f64,
    /// The chosen candidates' hours as their exact sum in pico-hours ([`State::hours`]).
    picos: i128,
    /// `(candidate, chosen afterwards)` for every change since the journal was cleared.
    pub(crate) journal: Vec<(u32, bool)>,
}

impl State {
    pub(crate) fn new(inst: &Instance) -> State {
        State {
            chosen: vec![false; inst.len()],
            cover_count: vec![0; inst.values.len()],
            cost: 0.0,
            picos: 0,
            journal: Vec::new(),
        }
    }

    /// The chosen candidates' hours: their exact sum in pico-hours as the nearest double
    /// (`model::hours`), so that a budget compared with it within 10⁻⁹ h meets the sum a
    /// department plan and the report give, on any number of courses chosen and dropped.
    /// Summed one at a time in floating point, 2,000 courses of 19.9 h drift by
    /// 1.5·10⁻⁹ h (`tests/suite/path_budget_sums.rs`). Converted when read, not on every
    /// change: a least-hours search changes the state far more often than it reads the
    /// hours.
    pub(crate) fn hours(&self) -> f64 {
        hours::hours_of(self.picos)
    }

    pub(crate) fn mark(&self) -> Mark {
        Mark {
            journal: self.journal.len(),
            cost: self.cost,
            picos: self.picos,
        }
    }

    /// Undoes every change since `mark`, restoring the totals exactly.
    pub(crate) fn revert(&mut self, inst: &Instance, mark: Mark) {
        while self.journal.len() > mark.journal {
            let Some((c, on)) = self.journal.pop() else {
                break;
            };
            self.flip(inst, c, !on);
        }
        self.cost = mark.cost;
        self.picos = mark.picos;
    }

    fn flip(&mut self, inst: &Instance, c: u32, on: bool) {
        self.chosen[c as usize] = on;
        for &e in inst.covers(c) {
            if on {
                self.cover_count[e as usize] += 1;
            } else {
                self.cover_count[e as usize] -= 1;
            }
        }
    }

    /// Chooses or drops one candidate alone; the caller keeps the state closed.
    pub(crate) fn set(&mut self, inst: &Instance, c: u32, on: bool) {
        if self.chosen[c as usize] != on {
            self.flip(inst, c, on);
            let sign = if on { 1.0 } else { -1.0 };
            self.cost += sign * inst.cost(c);
            let picos = hours::picos(inst.hours(c));
            self.picos += if on { picos } else { -picos };
            self.journal.push((c, on));
        }
    }

    /// Calls `f` on `c` and each of its prerequisites, transitively, once each: only the
    /// unchosen ones when `unchosen_only` (a chosen candidate's prerequisites are chosen, so
    /// the walk stops there). Returns early, with `true`, when `f` does.
    pub(crate) fn walk_up(
        &self,
        inst: &Instance,
        c: u32,
        unchosen_only: bool,
        mut f: impl FnMut(u32) -> bool,
    ) -> bool {
        // In WebAssembly the walk is compiled once, calling `f` through a `dyn` reference;
        // natively once per caller, with `f` inlined.
        if cfg!(target_arch = "wasm32") {
            self.walk_up_with(
                inst,
                c,
                unchosen_only,
                &mut f as &mut dyn FnMut(u32) -> bool,
            )
        } else {
            self.walk_up_with(inst, c, unchosen_only, &mut f)
        }
    }

    /// [`State::walk_up`], for a callback `f` of any type, `dyn` included.
    fn walk_up_with<F: FnMut(u32) -> bool + ?Sized>(
        &self,
        inst: &Instance,
        c: u32,
        unchosen_only: bool,
        f: &mut F,
    ) -> bool {
        if unchosen_only && self.chosen[c as usize] {
            return false;
        }
        if inst.prerequisites(c).is_empty() {
            return f(c);
        }
        with_walk(inst, |walk| {
            self.walk_up_in(walk, inst, c, unchosen_only, f)
        })
    }

    /// [`State::walk_up`] from an unchosen `c` (or any `c` without `unchosen_only`) with the
    /// buffers given.
    fn walk_up_in<F: FnMut(u32) -> bool + ?Sized>(
        &self,
        walk: &mut Walk,
        inst: &Instance,
        c: u32,
        unchosen_only: bool,
        f: &mut F,
    ) -> bool {
        let stamp = walk.next_stamp();
        let mut stack = std::mem::take(&mut walk.stack);
        stack.clear();
        stack.push(c);
        walk.seen[c as usize] = stamp;
        let mut stopped = false;
        while let Some(d) = stack.pop() {
            if f(d) {
                stopped = true;
                break;
            }
            for &p in inst.prerequisites(d) {
                if walk.seen[p as usize] != stamp && !(unchosen_only && self.chosen[p as usize]) {
                    walk.seen[p as usize] = stamp;
                    stack.push(p);
                }
            }
        }
        walk.stack = stack;
        stopped
    }

    /// Calls `f` on every candidate requiring one of `from`, transitively, once each.
    pub(crate) fn walk_down(inst: &Instance, from: &[u32], mut f: impl FnMut(u32)) {
        with_walk(inst, |walk| {
            let stamp = walk.next_stamp();
            let mut stack = std::mem::take(&mut walk.stack);
            stack.clear();
            for &c in from {
                if walk.seen[c as usize] != stamp {
                    walk.seen[c as usize] = stamp;
                    stack.push(c);
                }
            }
            while let Some(d) = stack.pop() {
                for &n in inst.dependants(d) {
                    if walk.seen[n as usize] != stamp {
                        walk.seen[n as usize] = stamp;
                        f(n);
                        stack.push(n);
                    }
                }
            }
            walk.stack = stack;
        });
    }

    /// The unchosen part of `c`'s closure (with `c`), appended to `out`.
    pub(crate) fn pending(&self, inst: &Instance, c: u32, out: &mut Vec<u32>) {
        self.walk_up(inst, c, true, |d| {
            out.push(d);
            false
        });
    }

    /// What choosing `c` now would add.
    pub(crate) fn marginal(&self, inst: &Instance, c: u32) -> Marginal {
        self.marginal_if(inst, c, |_| true).unwrap_or_default()
    }

    /// What choosing `c` now would add, or `None` when a candidate it would add fails
    /// `allowed`: one walk for both, stopping at the first candidate not allowed. Inlined
    /// into every caller with the case of a candidate requiring nothing
    /// ([`State::marginal_alone`]), the walk called.
    #[allow(clippy::inline_always)] // a scan calls it per candidate, see `marginal_alone`
    #[inline(always)]
    pub(crate) fn marginal_if(
        &self,
        inst: &Instance,
        c: u32,
        allowed: impl Fn(u32) -> bool,
    ) -> Option<Marginal> {
        self.marginal_if_in::<true>(inst, c, allowed)
    }

    /// [`State::marginal_if`] without the selection cost, left at 0: for a caller ranking
    /// steps by value per hour, which then reads no candidate's cost. The costs are a
    /// column of their own, and a department greedy's scans read each officer's instance
    /// cold: a walk reading them took a cache miss for nothing. In WebAssembly the cost is
    /// summed all the same, so that the walk is compiled once there.
    #[allow(clippy::inline_always)] // as `marginal_if`
    #[inline(always)]
    pub(crate) fn marginal_hours_if(
        &self,
        inst: &Instance,
        c: u32,
        allowed: impl Fn(u32) -> bool,
    ) -> Option<Marginal> {
        self.marginal_if_in::<false>(inst, c, allowed)
    }

    /// [`State::marginal_if`], with the selection cost summed when `COST`.
    #[allow(clippy::inline_always)] // as `marginal_if`
    #[inline(always)]
    fn marginal_if_in<const COST: bool>(
        &self,
        inst: &Instance,
        c: u32,
        allowed: impl Fn(u32) -> bool,
    ) -> Option<Marginal> {
        // In WebAssembly compiled once, calling `allowed` through a `dyn` reference;
        // natively once per caller, with `allowed` inlined.
        if cfg!(target_arch = "wasm32") {
            self.marginal_if_with::<_, true>(inst, c, &allowed as &dyn Fn(u32) -> bool)
        } else if !self.chosen[c as usize] && inst.prerequisites(c).is_empty() {
            self.marginal_alone::<_, COST>(inst, c, &allowed)
        } else {
            self.marginal_if_with::<_, COST>(inst, c, &allowed)
        }
    }

    /// [`State::marginal_if`] for an unchosen `c` requiring nothing: its own row. Inlined
    /// into every caller, whatever the compiler makes of the walk beside it: a scan of an
    /// officer's candidates asks this of most of them (left to the compiler, a change
    /// elsewhere in the department greedy turned it into a call per candidate, 6% more
    /// instructions in the greedy's scans).
    #[allow(clippy::inline_always)] // a few loads and one loop, for the reason above
    #[inline(always)]
    fn marginal_alone<F: Fn(u32) -> bool + ?Sized, const COST: bool>(
        &self,
        inst: &Instance,
        c: u32,
        allowed: &F,
    ) -> Option<Marginal> {
        if !allowed(c) {
            return None;
        }
        let mut m = Marginal {
            cost: if COST { inst.cost(c) } else { 0.0 },
            hours: inst.hours(c),
            walked: 1,
            ..Marginal::default()
        };
        for &e in inst.covers(c) {
            if self.cover_count[e as usize] == 0 {
                m.count += 1;
                m.value += inst.values[e as usize];
            }
        }
        Some(m)
    }

    /// [`State::marginal_if`], for a test `allowed` of any type, `dyn` included; the
    /// selection cost summed when `COST`.
    fn marginal_if_with<F: Fn(u32) -> bool + ?Sized, const COST: bool>(
        &self,
        inst: &Instance,
        c: u32,
        allowed: &F,
    ) -> Option<Marginal> {
        let mut m = Marginal::default();
        if self.chosen[c as usize] {
            return Some(m);
        }
        if inst.prerequisites(c).is_empty() {
            return self.marginal_alone::<F, COST>(inst, c, allowed);
        }
        // Elements are stamped with a second walk's stamp, so each is counted once.
        let stopped = with_walk(inst, |walk| {
            let element_stamp = walk.next_stamp();
            let mut element_seen = std::mem::take(&mut walk.element_seen);
            let stopped = self.walk_up_in(walk, inst, c, true, &mut |d| {
                if !allowed(d) {
                    return true;
                }
                if COST {
                    m.cost += inst.cost(d);
                }
                m.hours += inst.hours(d);
                m.walked += 1;
                #[cfg(test)]
                WALKED.with(|w| w.set(w.get() + 1));
                for &e in inst.covers(d) {
                    if self.cover_count[e as usize] == 0
                        && element_seen[e as usize] != element_stamp
                    {
                        element_seen[e as usize] = element_stamp;
                        m.count += 1;
                        m.value += inst.values[e as usize];
                    }
                }
                false
            });
            walk.element_seen = element_seen;
            stopped
        });
        (!stopped).then_some(m)
    }

    /// Chooses `c` with its unchosen prerequisites.
    pub(crate) fn choose(&mut self, inst: &Instance, c: u32, buffer: &mut Vec<u32>) {
        buffer.clear();
        self.pending(inst, c, buffer);
        for &d in buffer.iter() {
            self.set(inst, d, true);
        }
    }

    /// Chooses `c` with its unchosen prerequisites, appending the elements this newly
    /// closes.
    pub(crate) fn choose_tracking(
        &mut self,
        inst: &Instance,
        c: u32,
        buffer: &mut Vec<u32>,
        newly: &mut Vec<u32>,
    ) {
        buffer.clear();
        self.pending(inst, c, buffer);
        for &d in buffer.iter() {
            newly.extend(
                inst.covers(d)
                    .iter()
                    .filter(|&&e| self.cover_count[e as usize] == 0),
            );
            self.set(inst, d, true);
        }
    }

    /// Whether a chosen candidate directly requires `c`.
    pub(crate) fn required_by_chosen(&self, inst: &Instance, c: u32) -> bool {
        inst.dependants(c).iter().any(|&d| self.chosen[d as usize])
    }

    /// Whether chosen `c` can go: nothing chosen requires it and every element it closes
    /// that counts stays closed (with `weighted`, elements worth nothing do not count).
    pub(crate) fn redundant(&self, inst: &Instance, c: u32, weighted: bool) -> bool {
        self.chosen[c as usize]
            && inst.covers(c).iter().all(|&e| {
                self.cover_count[e as usize] > 1 || (weighted && inst.values[e as usize] <= 0.0)
            })
            && !self.required_by_chosen(inst, c)
    }

    /// How many candidates are chosen, without listing them.
    pub(crate) fn chosen_count(&self) -> usize {
        self.chosen.iter().filter(|&&c| c).count()
    }

    pub(crate) fn chosen_list(&self) -> Vec<u32> {
        // Counted first: one allocation of the right size instead of a doubling series.
        let mut list = Vec::with_capacity(self.chosen.iter().filter(|&&on| on).count());
        list.extend((0..self.chosen.len() as u32).filter(|&c| self.chosen[c as usize]));
        list
    }

    /// Total value of the elements closed.
    pub(crate) fn value(&self, inst: &Instance) -> f64 {
        self.cover_count
            .iter()
            .zip(&inst.values)
            .filter(|(n, _)| **n > 0)
            .fold(0.0, |sum, (_, v)| sum + v)
    }

    /// The chosen set, its cost summed afresh in index order so equal sets give equal costs.
    pub(crate) fn solution(
        &self,
        inst: &Instance,
        bound: f64,
        proven: bool,
        nodes: u64,
    ) -> Solution {
        let chosen = self.chosen_list();
        Solution {
            cost: inst.cost_of(&chosen),
            chosen,
            bound,
            proven,
            nodes,
        }
    }

    /// Chooses exactly `chosen` (closed under prerequisites), from an empty state.
    pub(crate) fn load(&mut self, inst: &Instance, chosen: &[u32]) {
        self.journal.reserve(chosen.len());
        for &c in chosen {
            self.set(inst, c, true);
        }
    }
}

/// Value closed by a set of chosen candidates: the values of the elements they close,
/// summed in element order (as [`State::value`] sums them), without building a state.
pub(crate) fn value_of_chosen(inst: &Instance, chosen: &[u32]) -> f64 {
    let mut closed = vec![false; inst.values.len()];
    for &c in chosen {
        for &e in inst.covers(c) {
            closed[e as usize] = true;
        }
    }
    closed
        .iter()
        .zip(&inst.values)
        .filter(|(closed, _)| **closed)
        .fold(0.0, |sum, (_, v)| sum + v)
}

/// Drops redundant chosen candidates among `order` (tried in that order). Dropping one
/// can only free its prerequisites (every other candidate's elements lose a closer), so
/// those are tried right away: one pass, linear in `order` and the prerequisites freed.
pub(crate) fn remove_redundant(inst: &Instance, state: &mut State, order: &[u32], weighted: bool) {
    let mut stack = Vec::new();
    for &c in order {
        stack.push(c);
        while let Some(d) = stack.pop() {
            if state.redundant(inst, d, weighted) {
                state.set(inst, d, false);
                stack.extend(
                    inst.prerequisites(d)
                        .iter()
                        .rev()
                        .filter(|&&p| state.chosen[p as usize]),
                );
            }
        }
    }
}

/// Sorts candidates most expensive first, ties by index, and drops repeats.
pub(crate) fn most_expensive_first(inst: &Instance, list: &mut Vec<u32>) {
    order::sort_unstable_by(list, |&a, &b| {
        inst.cost(b).total_cmp(&inst.cost(a)).then(a.cmp(&b))
    });
    list.dedup();
}

/// The chosen candidates, most expensive first.
pub(crate) fn chosen_by_cost(inst: &Instance, state: &State) -> Vec<u32> {
    let mut order = state.chosen_list();
    most_expensive_first(inst, &mut order);
    order
}
