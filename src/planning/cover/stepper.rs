//! One instance's partial solution, extended one step at a time by an outer search (the
//! department planner), which owns the constraints shared across instances.

use super::chains::{ChainSums, OFF, TOP, down_chains, link};
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
        self.state.hours().max(0.0)
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
        self.state
            .marginal_hours_if(inst, c, |_| true)
            .unwrap_or_default()
            .hours
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

    /// Per candidate, whether it would close with its unchosen closure an element of
    /// positive value not yet closed: whether itself or an unchosen prerequisite,
    /// transitively, [`opens`](Stepper::opens) one. With no negative value, that is
    /// whether its gain is positive; a candidate marked `false` has no positive gain
    /// whatever the values. Found prerequisites first in O(n + q + z) for n candidates, q
    /// prerequisite links and z covered elements, rather than by a walk of each closure.
    pub(crate) fn adding_value(&self, inst: &Instance) -> Vec<bool> {
        let mut adding = vec![false; inst.len()];
        for &c in inst.topo() {
            let cu = c as usize;
            adding[cu] = !self.state.chosen[cu]
                && (self.opens(inst, c)
                    || inst.prerequisites(c).iter().any(|&d| adding[d as usize]));
        }
        adding
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
    ///
    /// With [`Scan::Pass`], the steps [`Stepper::known`] knows are not walked.
    pub(crate) fn best_steps<const K: usize>(
        &self,
        inst: &Instance,
        hours_left: f64,
        scan: Scan,
        allowed: impl Fn(u32) -> bool,
    ) -> [Option<StepChoice>; K] {
        let mut best: [Option<StepChoice>; K] = [None; K];
        let known = match scan {
            Scan::Walks => Vec::new(),
            Scan::Pass { exact } => self.known(inst, exact, &allowed),
        };
        for c in 0..inst.len() as u32 {
            let step = match known.get(c as usize) {
                Some(Known::Blocked) => continue,
                Some(&Known::Step(gain, hours)) => {
                    self.step_known(inst, c, gain, hours, hours_left)
                }
                _ => self.step_if(inst, c, hours_left, &allowed),
            };
            let Some(m) = step else {
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

    /// Per candidate, what one pass prerequisites first knows of the step it would be, in
    /// O(n + q + z) for n candidates, q prerequisite links and z covered elements instead
    /// of a walk of each unchosen closure (O(n²) on a chain of n): whether something it
    /// would add fails `allowed` ([`Known::Blocked`], as [`Stepper::blocked`]), else its
    /// marginal value and hours when its unchosen closure is a chain ([`Known::Step`]),
    /// else nothing ([`Known::Walk`], chosen candidates included).
    ///
    /// The steps of chained candidates are found in the pass down the forest of chains
    /// that [`chain_marginals::marginals`](super::chain_marginals::marginals) makes for
    /// `recommend` ([`chains::down_chains`](super::chains::down_chains)): a candidate's
    /// step is its prerequisite's plus itself and what it newly closes, whatever other
    /// closers the elements have (on a chain of n courses each closing the same gap, every
    /// step known in O(n), where walks take n(n + 1)/2 candidates). The sums are those of
    /// a walk, bit for bit, only when every sum of hours and of values is exact (`exact`,
    /// as [`sums_exact`] finds it); otherwise nothing but blocks is known. Checked against
    /// walks and a union of sets in `stepper_tests`.
    ///
    /// A candidate requiring nothing whose row repeats an element not yet closed is left
    /// to its walk, which reads its row alone and counts the element once per repeat
    /// (`State::marginal_alone`); the candidates below it are valued as a walk of theirs
    /// counts, each element once.
    pub(crate) fn known(
        &self,
        inst: &Instance,
        exact: bool,
        allowed: impl Fn(u32) -> bool,
    ) -> Vec<Known> {
        debug_assert!(
            !exact || sums_exact(inst),
            "sums are exact only when they are"
        );
        let chosen = &self.state.chosen;
        let mut known = vec![Known::Walk; inst.len()];
        // The forest of chains (see `chains::link`), a blocked candidate marked `OFF` too.
        let mut above = vec![OFF; if exact { inst.len() } else { 0 }];
        for &c in inst.topo() {
            let cu = c as usize;
            if chosen[cu] {
                continue;
            }
            let pre = inst.prerequisites(c);
            if !allowed(c) || pre.iter().any(|&d| known[d as usize] == Known::Blocked) {
                known[cu] = Known::Blocked;
                continue;
            }
            if !exact {
                continue;
            }
            let unchosen = pre.iter().copied().filter(|&d| !chosen[d as usize]);
            above[cu] = link(&above, unchosen);
        }
        if exact {
            let mut steps = Steps {
                state: &self.state,
                known,
                repeating: Vec::new(),
            };
            let tops = (0..inst.len() as u32).filter(|&c| above[c as usize] == TOP);
            down_chains(inst, &self.state.cover_count, &above, tops, &mut steps);
            known = steps.known;
            for d in steps.repeating {
                known[d as usize] = Known::Walk;
            }
        }
        known
    }

    /// [`Stepper::step_if`] for unchosen candidate `c` whose every added candidate passes,
    /// with its marginal `gain` and `hours` known ([`Known::Step`]): the same tests, no walk.
    fn step_known(
        &self,
        inst: &Instance,
        c: u32,
        gain: f64,
        hours: f64,
        hours_left: f64,
    ) -> Option<StepChoice> {
        if inst.hours(c) > hours_left + EPS
            || (!inst.prerequisites(c).is_empty() && !self.opens(inst, c))
            || hours > hours_left + EPS
            || gain <= 0.0
        {
            return None;
        }
        Some(StepChoice {
            cand: c,
            gain,
            hours,
        })
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
        let m = self.state.marginal_hours_if(inst, c, allowed)?;
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

    /// A point to roll back to with [`Stepper::revert`].
    pub(crate) fn mark(&self) -> Mark {
        self.state.mark()
    }

    /// Undoes every step since `mark`.
    pub(crate) fn revert(&mut self, inst: &Instance, mark: Mark) {
        self.state.revert(inst, mark);
    }

    /// Drops chosen candidates that close nothing of value others do not (an element worth
    /// 0 is not a reason to keep a course) and that nothing chosen requires, appending them
    /// to `removed`.
    pub(crate) fn drop_redundant(&mut self, inst: &Instance, removed: &mut Vec<u32>) {
        let order = chosen_by_cost(inst, &self.state);
        let from = self.state.journal.len();
        remove_redundant(inst, &mut self.state, &order, true);
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
        let budget = self.state.hours() + room;
        super::density::upper_bound(inst, &self.state, excluded, budget, None)
    }

    /// The chosen candidates, sorted.
    pub(crate) fn chosen(&self) -> Vec<u32> {
        self.state.chosen_list()
    }
}

/// How [`Stepper::best_steps`] scans an instance's candidates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Scan {
    /// A walk of each candidate's unchosen closure.
    Walks,
    /// The pass of [`Stepper::known`] first (`exact`: with [`sums_exact`]), then walks of
    /// the steps it does not know.
    Pass {
        /// Whether every sum of hours and values is exact.
        exact: bool,
    },
}

impl Scan {
    /// How to scan `inst` (see [`pass_pays`]). O(n + q + elements).
    pub(crate) fn of(inst: &Instance) -> Scan {
        if pass_pays(inst) {
            Scan::Pass {
                exact: sums_exact(inst),
            }
        } else {
            Scan::Walks
        }
    }
}

/// Whether scans of [`Stepper::best_steps`] on `inst` should first make the pass of
/// [`Stepper::known`] (O(n + q + z)) rather than walk every candidate's closure: when some
/// candidate has prerequisites, and there are at least [`BLOCKED_FROM`] candidates or the
/// closures may sum to more than [`DEEP`] times the candidates and links. The sum is
/// bounded by counting paths (a shared prerequisite counted once per path, saturating).
/// An officer's few hundred candidates with short closures are walked at once (the pass
/// cost 2% more instructions on `acbp -- 20000`); a chain of n candidates, closures
/// summing to n²/2, is not. O(n + q).
fn pass_pays(inst: &Instance) -> bool {
    if !inst.has_prerequisites() {
        return false;
    }
    if inst.len() >= BLOCKED_FROM {
        return true;
    }
    let mut paths = vec![0_u64; inst.len()];
    let mut total = 0_u64;
    let mut links = 0_u64;
    for &c in inst.topo() {
        let pre = inst.prerequisites(c);
        links += pre.len() as u64;
        let n = pre
            .iter()
            .fold(1_u64, |n, &d| n.saturating_add(paths[d as usize]));
        paths[c as usize] = n;
        total = total.saturating_add(n);
    }
    deep(inst.len(), total, links)
}

/// [`pass_pays`] for an instance of `len` candidates with prerequisites: whether it has
/// at least [`BLOCKED_FROM`] candidates, or the closures' paths, `total` (each candidate's
/// paths to the candidates it requires, itself included, counted as `pass_pays` counts
/// them, saturating), exceed [`DEEP`] times the candidates and `links`. O(1).
pub(crate) fn deep(len: usize, total: u64, links: u64) -> bool {
    len >= BLOCKED_FROM || total > DEEP.saturating_mul(len as u64 + links)
}

/// The fewest candidates for which [`Stepper::best_steps`] makes the pass of
/// [`Stepper::known`] before its walks whatever their closures.
const BLOCKED_FROM: usize = 1_024;

/// How many times the candidates and links the closures of an instance may sum to before
/// a scan's walks cost more than the pass of [`Stepper::known`] ([`pass_pays`]).
const DEEP: u64 = 8;

/// The steps [`Stepper::known`] finds in its pass down the chains: a chained candidate's
/// marginal value and real hours, as `(gain, hours)`.
struct Steps<'a> {
    state: &'a State,
    /// Per candidate, what is known of its step.
    known: Vec<Known>,
    /// The candidates requiring nothing whose row repeats an element not yet closed, to be
    /// left to their walks once the pass is over (the candidates below them take their
    /// steps from them meanwhile).
    repeating: Vec<u32>,
}

impl ChainSums for Steps<'_> {
    type Sum = (f64, f64);

    #[inline]
    fn enter(&self, inst: &Instance, d: u32, prerequisite: Option<u32>) -> Option<(f64, f64)> {
        let (gain, hours) = match prerequisite {
            None => (0.0, 0.0),
            // Visited before it, top down; were it not, this candidate and those below it
            // would be left to walks.
            Some(p) => match self.known[p as usize] {
                Known::Step(gain, hours) => (gain, hours),
                _ => return None,
            },
        };
        Some((gain, hours + inst.hours(d)))
    }

    #[inline]
    fn closes(&self, inst: &Instance, (gain, _): &mut (f64, f64), e: u32) {
        *gain += inst.values[e as usize];
    }

    #[inline]
    fn found(&mut self, inst: &Instance, d: u32, (gain, hours): (f64, f64)) {
        self.known[d as usize] = Known::Step(gain, hours);
        if inst.prerequisites(d).is_empty()
            && inst
                .covers(d)
                .windows(2)
                .any(|w| w[0] == w[1] && self.state.cover_count[w[0] as usize] == 0)
        {
            self.repeating.push(d);
        }
    }
}

/// What [`Stepper::known`] finds of a candidate's step without walking its closure.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Known {
    /// Nothing: a walk finds it (or the candidate is chosen).
    Walk,
    /// Something it would add fails the test.
    Blocked,
    /// Its marginal value and real hours, as a walk finds them.
    Step(f64, f64),
}

/// Whether every sum of `inst`'s hours and every sum of its values is exact in floating
/// point, in any order: all of them multiples of 2⁻¹⁰, in all below 2⁴³ in absolute value
/// (so every partial sum is a multiple of 2⁻¹⁰ below 2⁵³ units). O(n + elements).
pub(crate) fn sums_exact(inst: &Instance) -> bool {
    const UNIT: f64 = 1024.0;
    const BELOW: f64 = (1u64 << 43) as f64;
    // Over slices, not a `dyn Iterator`: a call per value cost more than the test.
    let fits = |values: &[f64]| {
        let mut total = 0.0;
        for &v in values {
            if !whole(v * UNIT) {
                return false;
            }
            total += v.abs();
        }
        total < BELOW
    };
    fits(&inst.hours) && fits(&inst.values)
}

/// Whether `x` is a whole number, as `x.fract() == 0.0` tells (`false` for infinities and
/// NaN), without `fract`'s `trunc`, a call into software floating point on the baseline
/// x86-64 target: below 2⁵², a float converts to `i64` exactly when whole; at or above it,
/// every finite float is whole. O(1).
#[allow(
    clippy::float_cmp,
    clippy::cast_possible_truncation,
    clippy::cast_precision_loss
)]
pub(crate) fn whole(x: f64) -> bool {
    const WHOLE_FROM: f64 = 4_503_599_627_370_496.0;
    if x.abs() < WHOLE_FROM {
        (x as i64) as f64 == x
    } else {
        x.is_finite()
    }
}
