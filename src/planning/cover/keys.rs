//! Bounds on every candidate's greedy key at once, prerequisites first, for a lazy greedy
//! whose pool would cost more to walk closure by closure than to bound in one pass.

use super::instance::Instance;
use super::state::State;

/// Per candidate, an upper bound on the gain and a lower bound on the marginal cost of
/// choosing it now with its unchosen prerequisites, for every candidate at once in
/// O(n + q + z) (n candidates, q prerequisite links, z covered elements), where walking
/// each unchosen closure costs their sizes' sum (O(n²) on a chain of n).
///
/// The gain is bounded by what the candidate closes itself plus its unchosen direct
/// prerequisites' bounds (a shared prerequisite counted once per path), capped at what all
/// open elements give; the cost by its own plus the most of its unchosen direct
/// prerequisites' (the costliest path of its unchosen closure). `weighted`: gains are the
/// values of open elements worth something, else counts of open elements. Both bounds are
/// widened by a relative 10⁻⁹, so that a sum's rounding never makes a bound fall on the
/// wrong side of the sum a walk finds. Chosen candidates get `(0, 0)`.
///
/// A key `gain / cost` from these bounds is at least the key of a walk, and with a lower
/// or equal cost ranks at least as high in the greedy's order, so a lazy greedy started
/// from them takes the same candidates as one started from walks.
pub(super) fn key_bounds(inst: &Instance, state: &State, weighted: bool) -> Vec<(f64, f64)> {
    let open = |e: u32| state.cover_count[e as usize] == 0;
    let worth = |e: u32| {
        if weighted {
            inst.values[e as usize].max(0.0)
        } else {
            1.0
        }
    };
    let cap = (0..inst.values.len() as u32)
        .filter(|&e| open(e))
        .fold(0.0, |sum, e| sum + worth(e))
        * WIDEN_UP;
    let mut bounds = vec![(0.0, 0.0); inst.len()];
    for &c in inst.topo() {
        if state.chosen[c as usize] {
            continue;
        }
        let mut gain = inst
            .covers(c)
            .iter()
            .filter(|&&e| open(e))
            .fold(0.0, |sum, &e| sum + worth(e));
        let mut most = 0.0_f64;
        for &p in inst.prerequisites(c) {
            if !state.chosen[p as usize] {
                let (g, cost) = bounds[p as usize];
                gain += g;
                most = most.max(cost);
            }
        }
        bounds[c as usize] = ((gain * WIDEN_UP).min(cap), inst.cost(c) * WIDEN_DOWN + most);
    }
    bounds
}

/// Widens an upper bound past the rounding of any sum of at most 2²⁰ terms.
const WIDEN_UP: f64 = 1.0 + 1e-9;

/// Widens a lower bound past the rounding of any sum of at most 2²⁰ terms.
const WIDEN_DOWN: f64 = 1.0 - 1e-9;

/// The keys a lazy greedy starts from and refreshes: from walks of the candidates' unchosen
/// closures while those cost at most [`WALKS_BEFORE_BOUNDS`] passes over the instance, then
/// from [`key_bounds`], found for every candidate in one pass and again after each pick
/// that needs them. A key above the candidate's own makes its first pop walk it, so the
/// picks are those of keys from walks.
pub(super) struct Keys {
    allowance: u64,
    walked: u64,
    bounds: Option<Vec<(f64, f64)>>,
}

impl Keys {
    pub(super) fn new(inst: &Instance) -> Keys {
        Keys {
            allowance: walks_before_bounds() * (inst.len() + inst.links()) as u64,
            walked: 0,
            bounds: None,
        }
    }

    /// The gain and cost of a key at least candidate `c`'s in the greedy's order (its own
    /// while walks are within the allowance); `gains` holds the gains of candidates without
    /// prerequisites, `weighted` says whether gains are values or counts.
    pub(super) fn of(
        &mut self,
        inst: &Instance,
        state: &State,
        gains: &[f64],
        c: u32,
        weighted: bool,
    ) -> (f64, f64) {
        if inst.prerequisites(c).is_empty() {
            return (gains[c as usize], inst.cost(c));
        }
        if self.bounds.is_none() && self.walked <= self.allowance {
            let m = state.marginal(inst, c);
            self.walked += u64::from(m.walked);
            let gain = if weighted {
                m.value
            } else {
                f64::from(m.count)
            };
            return (gain, m.cost);
        }
        self.bounds
            .get_or_insert_with(|| key_bounds(inst, state, weighted))[c as usize]
    }

    /// Forgets the bounds: the state changed.
    pub(super) fn changed(&mut self) {
        self.bounds = None;
    }
}

/// How many passes over an instance's candidates and links the first keys of a lazy
/// greedy may walk before the rest come from [`key_bounds`].
const WALKS_BEFORE_BOUNDS: u64 = 8;

/// [`WALKS_BEFORE_BOUNDS`], or in tests the passes a test sets on this thread.
fn walks_before_bounds() -> u64 {
    #[cfg(test)]
    if let Some(passes) = PASSES.with(std::cell::Cell::get) {
        return passes;
    }
    WALKS_BEFORE_BOUNDS
}

#[cfg(test)]
thread_local! {
    /// The passes of walks a lazy greedy allows before bounds on this thread, when set.
    pub(super) static PASSES: std::cell::Cell<Option<u64>> = const { std::cell::Cell::new(None) };
}
