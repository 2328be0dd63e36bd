//! One instance's partial solution, extended one step at a time by an outer search (the
//! department planner), which owns the constraints shared across instances.

use super::greedy::beats;
use super::instance::{EPS, Instance};
use super::state::{Mark, State, chosen_by_cost, remove_redundant};

/// A partial solution of one instance driven from outside.
#[derive(Clone, Debug)]
pub(crate) struct Stepper {
    state: State,
}

/// A step a [`Stepper`] can take: a candidate with its unchosen closure.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct StepChoice {
    pub(crate) cand: u32,
    /// Value newly closed.
    pub(crate) gain: f64,
    /// Real hours added.
    pub(crate) hours: f64,
}

impl Stepper {
    pub(crate) fn new(inst: &Instance) -> Stepper {
        Stepper {
            state: State::new(inst),
        }
    }

    /// A stepper holding exactly `chosen` (closed under prerequisites).
    pub(crate) fn with_chosen(inst: &Instance, chosen: &[u32]) -> Stepper {
        let mut state = State::new(inst);
        state.load(inst, chosen);
        state.journal.clear();
        Stepper { state }
    }

    /// Total value of the elements closed.
    pub(crate) fn value(&self, inst: &Instance) -> f64 {
        self.state.value(inst)
    }

    /// Real hours chosen so far.
    pub(crate) fn hours(&self) -> f64 {
        self.state.hours.max(0.0)
    }

    /// Whether candidate `c` is chosen.
    pub(crate) fn is_chosen(&self, c: u32) -> bool {
        self.state.chosen.get(c as usize).copied().unwrap_or(false)
    }

    /// Whether element `e` is closed.
    pub(crate) fn closes(&self, e: u32) -> bool {
        self.state
            .cover_count
            .get(e as usize)
            .is_some_and(|&n| n > 0)
    }

    /// Real hours `c` would add with its unchosen closure.
    pub(crate) fn marginal_hours(&self, inst: &Instance, c: u32) -> f64 {
        self.state.marginal(inst, c).hours
    }

    /// Value `c` with its unchosen closure would newly close.
    pub(crate) fn gain(&self, inst: &Instance, c: u32, _seen: &mut Vec<u32>) -> f64 {
        self.state.marginal(inst, c).value
    }

    /// Whether `c` itself closes an element of positive value not yet closed (without it,
    /// `c` with its closure can still add value only through its prerequisites, which are
    /// candidates of their own).
    pub(crate) fn opens(&self, inst: &Instance, c: u32) -> bool {
        inst.covers(c)
            .iter()
            .any(|&e| inst.values.get(e as usize).is_some_and(|&v| v > 0.0) && !self.closes(e))
    }

    /// Whether every candidate `c` would add passes `allowed`.
    pub(crate) fn all_pending(
        &self,
        inst: &Instance,
        c: u32,
        allowed: impl Fn(u32) -> bool,
    ) -> bool {
        !self.state.walk_up(inst, c, true, |d| !allowed(d))
    }

    /// The `K` steps with the most value per real hour among candidates adding at most
    /// `hours_left` hours and whose every added candidate passes `allowed`, best first
    /// (`None` past the last); ties go to fewer hours, then the smaller index. As the
    /// feasible steps shrink while this solution stays as it is, the first of them still
    /// feasible is the best step, since every other step ranks below all of them.
    pub(crate) fn best_steps<const K: usize>(
        &self,
        inst: &Instance,
        hours_left: f64,
        allowed: impl Fn(u32) -> bool,
    ) -> [Option<StepChoice>; K] {
        let mut best: [Option<StepChoice>; K] = [None; K];
        let blocked = self.blocked_for_scan(inst, &allowed);
        for c in 0..inst.len() as u32 {
            if blocked.get(c as usize).copied().unwrap_or(false) {
                continue;
            }
            let Some(m) = self.step_if(inst, c, hours_left, &allowed) else {
                continue;
            };
            // After every step it does not beat: candidates come in index order, so among
            // equals the smaller index stays first. The steps kept are in that order (a
            // total one), so a step not beating the last kept beats none of them.
            if let Some(Some(last)) = best.last()
                && !beats(m.gain, m.hours, last.gain, last.hours)
            {
                continue;
            }
            let Some(at) = best.iter().position(|b| {
                b.is_none_or(|b: StepChoice| beats(m.gain, m.hours, b.gain, b.hours))
            }) else {
                continue;
            };
            best[at..].rotate_right(1);
            best[at] = Some(m);
        }
        best
    }

    /// Per candidate, whether something it would add (itself and its unchosen
    /// prerequisites, transitively) fails `allowed`, so that it is no step: found
    /// prerequisites first in O(n + q) rather than by a walk of each closure, as a chosen
    /// candidate's prerequisites are chosen.
    pub(crate) fn blocked(&self, inst: &Instance, allowed: impl Fn(u32) -> bool) -> Vec<bool> {
        let mut blocked = vec![false; inst.len()];
        for &c in inst.topo() {
            let cu = c as usize;
            blocked[cu] = !self.state.chosen[cu]
                && (!allowed(c) || inst.prerequisites(c).iter().any(|&d| blocked[d as usize]));
        }
        blocked
    }

    /// [`Stepper::blocked`] for a scan of [`Stepper::best_steps`]; empty when no candidate
    /// has prerequisites (then [`Stepper::step_if`] tests the candidate alone, at no cost)
    /// or when there are fewer than [`BLOCKED_FROM`] candidates (their walks cost less than
    /// the pass).
    fn blocked_for_scan(&self, inst: &Instance, allowed: impl Fn(u32) -> bool) -> Vec<bool> {
        if !inst.has_prerequisites() || inst.len() < BLOCKED_FROM {
            return Vec::new();
        }
        self.blocked(inst, allowed)
    }

    /// Candidate `c` as a step of [`Stepper::best_steps`]: `None` unless it is unchosen,
    /// adds at most `hours_left` hours and some value, and every candidate it adds passes
    /// `allowed`.
    pub(crate) fn step_if(
        &self,
        inst: &Instance,
        c: u32,
        hours_left: f64,
        allowed: impl Fn(u32) -> bool,
    ) -> Option<StepChoice> {
        // Only a candidate closing something of value still open adds value; the check
        // costs its row, where the closure walk costs its whole closure. Without
        // prerequisites the marginal is that row, and a zero gain is skipped below. A step
        // adds at least the candidate's own hours (its closure's are added to them, never
        // subtracted), so one whose own hours do not fit is skipped before any walk: late
        // in a department's greedy, when the budget or an officer's cap is nearly spent,
        // that is most of them.
        if self.state.chosen[c as usize]
            || inst.hours(c) > hours_left + EPS
            || (!inst.prerequisites(c).is_empty() && !self.opens(inst, c))
        {
            return None;
        }
        let m = self.state.marginal_if(inst, c, allowed)?;
        if m.hours > hours_left + EPS || m.value <= 0.0 {
            return None;
        }
        Some(StepChoice {
            cand: c,
            gain: m.value,
            hours: m.hours,
        })
    }

    /// Chooses `c` with its closure, appending the candidates newly chosen.
    pub(crate) fn take(&mut self, inst: &Instance, c: u32, added: &mut Vec<u32>) {
        let from = added.len();
        self.state.pending(inst, c, added);
        for &d in &added[from..] {
            self.state.set(inst, d, true);
        }
    }

    /// Appends to `out` every unchosen candidate requiring one of `from`, transitively, once
    /// each: after `from` were chosen, the only candidates whose steps can have got cheaper.
    pub(crate) fn dependants(&self, inst: &Instance, from: &[u32], out: &mut Vec<u32>) {
        State::walk_down(inst, from, |d| {
            if !self.state.chosen[d as usize] {
                out.push(d);
            }
        });
    }

    /// A point to roll back to with [`Stepper::revert`].
    pub(crate) fn mark(&self) -> Mark {
        self.state.mark()
    }

    /// Undoes every step since `mark`.
    pub(crate) fn revert(&mut self, inst: &Instance, mark: Mark) {
        self.state.revert(inst, mark);
    }

    /// Drops chosen candidates that close nothing others do not and that nothing chosen
    /// requires, appending them to `removed`.
    pub(crate) fn drop_redundant(&mut self, inst: &Instance, removed: &mut Vec<u32>) {
        let order = chosen_by_cost(inst, &self.state);
        let from = self.state.journal.len();
        remove_redundant(inst, &mut self.state, &order, false);
        removed.extend(
            self.state.journal[from..]
                .iter()
                .filter(|&&(_, on)| !on)
                .map(|&(c, _)| c),
        );
        self.state.journal.clear();
    }

    /// A proven upper bound on the value of any extension of this solution within `room`
    /// more hours that chooses none of the `excluded` candidates (see `density::upper_bound`).
    pub(crate) fn upper_bound(&self, inst: &Instance, excluded: &[bool], room: f64) -> f64 {
        let budget = self.state.hours + room;
        super::density::upper_bound(inst, &self.state, excluded, budget, None)
    }

    /// The chosen candidates, sorted.
    pub(crate) fn chosen(&self) -> Vec<u32> {
        self.state.chosen_list()
    }
}

/// The fewest candidates for which [`Stepper::best_steps`] finds the candidates a failing
/// `allowed` blocks in one pass before its walks: an officer's few hundred candidates are
/// walked at once (the pass cost 2% more instructions on `acbp -- 20000`), a long chain's
/// thousands would be walked one closure per candidate.
const BLOCKED_FROM: usize = 1_024;
