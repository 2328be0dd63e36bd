//! Least-cost cover by a lazy greedy with prerequisite closures, then redundancy removal
//! and exchanges.

use std::collections::BinaryHeap;

use super::below::Below;
use super::instance::{EPS, Instance, Solution};
use super::keys::Keys;
use super::state::{State, chosen_by_cost, most_expensive_first, remove_redundant};
use crate::model::order;

/// Buffers reused across greedy completions.
#[derive(Clone, Default)]
pub(crate) struct Scratch {
    pooled: Vec<bool>,
    pool: Vec<u32>,
    /// Per candidate without prerequisites: the gain it alone would bring, kept current.
    gain: Vec<f64>,
    /// Per pooled candidate: the gain and exact marginal cost behind its newest heap entry
    /// (the gain an upper bound), and that entry's version.
    key_gain: Vec<f64>,
    key_cost: Vec<f64>,
    version: Vec<u32>,
    newly: Vec<u32>,
    touched: Vec<u32>,
    pub(crate) buffer: Vec<u32>,
    chosen_now: Vec<u32>,
    hole: Vec<u32>,
    below: Vec<u32>,
    /// The candidates requiring one (a banned one, or a pick taken out), when marked.
    requiring: Below,
}

impl Scratch {
    pub(crate) fn new(inst: &Instance) -> Scratch {
        let n = inst.len();
        Scratch {
            pooled: vec![false; n],
            gain: vec![0.0; n],
            key_gain: vec![0.0; n],
            key_cost: vec![0.0; n],
            version: vec![0; n],
            ..Scratch::default()
        }
    }
}

/// What a greedy completion aims at.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Goal {
    /// Close every coverable element; gains count elements.
    Cover,
    /// Add value while total hours stay within `limit`; gains are values.
    Budget { limit: f64 },
}

/// Whether `(gain, cost)` beats `(best_gain, best_cost)`: a higher gain per unit cost (a
/// zero cost counts as infinitely cost-effective), then the lower cost. Equal pairs do not
/// beat each other, so the earlier index wins.
pub(crate) fn beats(gain: f64, cost: f64, best_gain: f64, best_cost: f64) -> bool {
    match (gain / cost).total_cmp(&(best_gain / best_cost)) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal => cost < best_cost,
    }
}

/// The order of `(gain, cost, candidate)` triples the greedy prefers, best first: as
/// [`beats`], then the lower candidate index.
pub(crate) fn preferred(a: &(f64, f64, u32), b: &(f64, f64, u32)) -> std::cmp::Ordering {
    if beats(a.0, a.1, b.0, b.1) {
        std::cmp::Ordering::Less
    } else if beats(b.0, b.1, a.0, a.1) {
        std::cmp::Ordering::Greater
    } else {
        a.2.cmp(&b.2)
    }
}

/// Chooses, for every coverable element only one candidate closes, that candidate (with
/// its prerequisites): every cover holds it.
pub(crate) fn choose_forced(inst: &Instance, state: &mut State, buffer: &mut Vec<u32>) {
    for e in 0..inst.values.len() as u32 {
        if let [only] = inst.closers(e)
            && !state.chosen[*only as usize]
        {
            state.choose(inst, *only, buffer);
        }
    }
}

/// Greedy least-cost cover of every coverable element: first the candidates some element
/// cannot do without, then repeatedly the candidate (with its unchosen prerequisites)
/// closing the most new elements per unit of marginal cost; ties go to the smaller marginal
/// cost, then the smaller index. Then [`clean_up`] removes redundant picks and tries
/// improving exchanges.
///
/// # Guarantee
/// Costs at most `H(g)` times the cheapest cover in which every pick pays its whole
/// prerequisite closure (`g`: most elements one closure closes; `H(g) ≤ ln g + 1`). Without
/// shared prerequisites that is the true optimum. Forced picks are in every cover, and the
/// clean-up only lowers the cost.
///
/// # Complexity
/// O(k · w + min(p · w, n + q) + n + q + z) for k pops, p pooled candidates, w the work of
/// walking one closure, n candidates, q links and z covered elements (see [`complete`]),
/// plus O(Σ covers) to keep gains current; the clean-up repeats a greedy completion over
/// the closers of what each pick closed alone while it improves.
pub(crate) fn greedy_cover(inst: &Instance) -> Solution {
    let mut scratch = Scratch::new(inst);
    let mut state = greedy_state(inst, &mut scratch);
    clean_up(inst, &mut state, &mut scratch);
    state.solution(inst, 0.0, false, 0)
}

/// [`greedy_cover`]'s cover before its clean-up (the forced picks, the greedy, redundant
/// picks dropped): a guess at a cover's cost for a caller that only ranks guesses, at
/// about half of [`greedy_cover`]'s instructions on `bench_career`'s instances.
///
/// # Complexity
/// That of [`greedy_cover`] without [`clean_up`].
pub(crate) fn plain_greedy_cover(inst: &Instance) -> Solution {
    let mut scratch = Scratch::new(inst);
    greedy_state(inst, &mut scratch).solution(inst, 0.0, false, 0)
}

/// The forced picks, the greedy completion and the redundant picks dropped: the cover both
/// [`greedy_cover`] and [`plain_greedy_cover`] start from.
fn greedy_state(inst: &Instance, scratch: &mut Scratch) -> State {
    let mut state = State::new(inst);
    choose_forced(inst, &mut state, &mut scratch.buffer);
    complete(inst, &mut state, None, Goal::Cover, scratch);
    let order = chosen_by_cost(inst, &state);
    remove_redundant(inst, &mut state, &order, false);
    state
}

/// Adds candidates greedily, never choosing `banned` (directly or as a prerequisite):
/// for [`Goal::Cover`] until every coverable element is closed (returns whether it got
/// there); for [`Goal::Budget`] until no candidate adding value fits the hours (returns
/// `true`). Each step takes the candidate, with its unchosen prerequisites, bringing the
/// most gain per unit of marginal cost; ties go to the smaller marginal cost, then the
/// smaller index.
///
/// Only candidates closing a still-open element (worth something, under a budget) can gain
/// anything, so only those are pooled: after an exchange removes one pick, a handful.
/// Evaluation is lazy: every pooled candidate's newest heap entry is at least its current
/// key, because a gain only falls as elements close and a marginal cost only falls when a
/// prerequisite is chosen, which updates the entries of the pooled candidates requiring it.
/// An entry whose fresh key is still the best is taken; otherwise it goes back.
///
/// The first keys come from walks of the pooled candidates' unchosen closures while those
/// cost at most `keys::WALKS_BEFORE_BOUNDS` passes over the instance's candidates and links,
/// then from bounds found for every candidate in one pass (`keys::key_bounds`): a bound
/// is at least the candidate's key in the greedy's order, so its first pop walks it and
/// the picks are those of keys from walks. Candidates requiring `banned` are found by one
/// walk down from it.
///
/// # Complexity
/// O(min(p · w, n + q) + n + q + z) for the first keys (p pooled candidates whose
/// unchosen closures take w steps to walk; n candidates, q prerequisite links, z covered
/// elements), then per pop one walk O(w), per pick O(d) for its d pooled dependants (a
/// pick of several candidates values them as the first keys are found, O(n + q + z) once
/// walks exceed their allowance), and O(log) per heap entry. On a chain or lattice of n
/// candidates closing the same few elements: O(n + q + z) plus a walk per pop, where
/// walking every closure took O(n²).
pub(crate) fn complete(
    inst: &Instance,
    state: &mut State,
    banned: Option<u32>,
    goal: Goal,
    s: &mut Scratch,
) -> bool {
    complete_within(inst, state, banned, goal, s, None)
}

/// [`complete`], when only elements among `open` (each listed once) can be open: an
/// exchange that took one pick out passes what that pick closed, so the work is that of
/// the hole, not of the whole instance.
pub(crate) fn complete_within(
    inst: &Instance,
    state: &mut State,
    banned: Option<u32>,
    goal: Goal,
    s: &mut Scratch,
    open: Option<&[u32]>,
) -> bool {
    let weighted = goal != Goal::Cover;
    let counts = |e: u32| -> bool {
        state.cover_count[e as usize] == 0 && (!weighted || inst.values[e as usize] > 0.0)
    };
    s.pool.clear();
    let mut left = 0usize;
    let all: Vec<u32>;
    let elements = if let Some(open) = open {
        open
    } else {
        all = (0..inst.values.len() as u32).collect();
        &all
    };
    for &e in elements {
        let closers = inst.closers(e);
        if counts(e) && !closers.is_empty() {
            left += 1;
            for &c in closers {
                if !s.pooled[c as usize] {
                    s.pooled[c as usize] = true;
                    s.pool.push(c);
                }
            }
        }
    }
    // In index order, so that equal keys go to the smaller index.
    order::sort_unstable(&mut s.pool);
    let mut pool = std::mem::take(&mut s.pool);
    // A candidate requires an unchosen `banned` through unchosen candidates exactly when
    // it requires it at all (a chosen candidate's prerequisites are chosen): those are
    // `banned` and what lies below it, marked in one walk down instead of a walk up each.
    if let Some(b) = banned.filter(|&b| !state.chosen[b as usize]) {
        s.requiring.mark(inst, b);
    }
    pool.retain(|&c| {
        let keep = !state.chosen[c as usize] && !s.requiring.holds(c);
        if !keep {
            s.pooled[c as usize] = false;
        }
        keep
    });
    s.requiring.clear();
    for &c in &pool {
        let mut gain = 0.0;
        for &e in inst.covers(c) {
            if counts(e) {
                gain += if weighted {
                    inst.values[e as usize]
                } else {
                    1.0
                };
            }
        }
        s.gain[c as usize] = gain;
    }
    s.pool = pool;
    let done = lazy_greedy(inst, state, s, left, goal);
    for &c in &s.pool {
        s.pooled[c as usize] = false;
    }
    done
}

/// The gain, marginal cost and marginal hours of choosing `c` now.
fn evaluate(inst: &Instance, state: &State, gains: &[f64], c: u32, goal: Goal) -> (f64, f64, f64) {
    if inst.prerequisites(c).is_empty() {
        (gains[c as usize], inst.cost(c), inst.hours(c))
    } else {
        let m = state.marginal(inst, c);
        let gain = match goal {
            Goal::Cover => f64::from(m.count),
            Goal::Budget { .. } => m.value,
        };
        (gain, m.cost, m.hours)
    }
}

/// Chooses `c` and keeps the cached gains current; returns how many elements it closed
/// and their gain.
fn take(inst: &Instance, state: &mut State, s: &mut Scratch, c: u32, goal: Goal) -> (usize, f64) {
    s.newly.clear();
    state.choose_tracking(inst, c, &mut s.buffer, &mut s.newly);
    let mut gain = 0.0;
    let mut counted = 0;
    for &e in &s.newly {
        let g = match goal {
            Goal::Cover => 1.0,
            Goal::Budget { .. } => inst.values[e as usize],
        };
        if goal == Goal::Cover || g > 0.0 {
            counted += 1;
        }
        gain += g;
        for &d in inst.closers(e) {
            s.gain[d as usize] = (s.gain[d as usize] - g).max(0.0);
        }
    }
    (counted, gain)
}

/// A heap entry: candidate `c` with a key at least its true (gain / cost, −cost, −index).
#[derive(Clone, Copy)]
struct Entry {
    ratio: f64,
    cost: f64,
    c: u32,
    version: u32,
}

impl Entry {
    fn new(gain: f64, cost: f64, c: u32, version: u32) -> Entry {
        Entry {
            ratio: gain / cost,
            cost,
            c,
            version,
        }
    }
}

impl PartialEq for Entry {
    fn eq(&self, other: &Entry) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for Entry {}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Entry) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Entry {
    /// The greedy's preference order, as [`beats`]: better ratio, then lower cost, then
    /// lower index.
    fn cmp(&self, other: &Entry) -> std::cmp::Ordering {
        self.ratio
            .total_cmp(&other.ratio)
            .then(other.cost.total_cmp(&self.cost))
            .then(other.c.cmp(&self.c))
    }
}

/// Pushes a fresh entry for `c`, making older ones stale.
fn push(heap: &mut BinaryHeap<Entry>, s: &mut Scratch, c: u32, gain: f64, cost: f64) {
    let v = s.version[c as usize].wrapping_add(1);
    s.version[c as usize] = v;
    s.key_gain[c as usize] = gain;
    s.key_cost[c as usize] = cost;
    if gain > 0.0 {
        heap.push(Entry::new(gain, cost, c, v));
    }
}

fn lazy_greedy(
    inst: &Instance,
    state: &mut State,
    s: &mut Scratch,
    mut left: usize,
    goal: Goal,
) -> bool {
    let limit = match goal {
        Goal::Cover => f64::INFINITY,
        Goal::Budget { limit } => limit,
    };
    let mut heap = BinaryHeap::with_capacity(s.pool.len());
    let mut keys = Keys::new(inst);
    for i in 0..s.pool.len() {
        let c = s.pool[i];
        let (gain, cost) = keys.of(inst, state, &s.gain, c, goal != Goal::Cover);
        push(&mut heap, s, c, gain, cost);
    }
    while left > 0 {
        let Some(top) = heap.pop() else {
            return goal != Goal::Cover;
        };
        if state.chosen[top.c as usize] || top.version != s.version[top.c as usize] {
            continue;
        }
        let (gain, cost, hours) = evaluate(inst, state, &s.gain, top.c, goal);
        // Nothing is longer than an infinite limit (a cover's): the state's hours are then
        // not read, which saves converting their exact sum on every pop.
        if gain <= 0.0 || (limit < f64::INFINITY && state.hours() + hours > limit + EPS) {
            // Worth nothing now, or too long: only a prerequisite chosen later can change
            // that, which pushes a fresh entry.
            s.version[top.c as usize] = s.version[top.c as usize].wrapping_add(1);
            continue;
        }
        let fresh = Entry::new(gain, cost, top.c, top.version);
        if heap.peek().is_some_and(|next| next > &fresh) {
            push(&mut heap, s, top.c, gain, cost);
            continue;
        }
        let mark = state.journal.len();
        let (closed, gained) = take(inst, state, s, top.c, goal);
        left -= closed;
        if left == 0 {
            // Nothing is left to pick: no key is read again.
            break;
        }
        s.chosen_now.clear();
        s.chosen_now
            .extend(state.journal[mark..].iter().map(|&(c, _)| c));
        refresh_dependants(inst, state, s, &mut heap, gained, goal, &mut keys);
    }
    true
}

/// After a pick, updates the entries of pooled candidates requiring what it chose: their
/// marginal cost fell. With one candidate chosen, `n`, each such candidate's cost falls by
/// exactly `n`'s and its gain by at least what `n` closed (`gained`), so the keys are
/// updated without walking their closures; otherwise they are evaluated afresh.
fn refresh_dependants(
    inst: &Instance,
    state: &State,
    s: &mut Scratch,
    heap: &mut BinaryHeap<Entry>,
    gained: f64,
    goal: Goal,
    keys: &mut Keys,
) {
    keys.changed();
    if s.chosen_now.iter().all(|&c| inst.dependants(c).is_empty()) {
        return;
    }
    s.below.clear();
    let pooled = &s.pooled;
    let below = &mut s.below;
    State::walk_down(inst, &s.chosen_now, |d| {
        if pooled[d as usize] && !state.chosen[d as usize] {
            below.push(d);
        }
    });
    let single = match s.chosen_now.as_slice() {
        [n] => Some(inst.cost(*n)),
        _ => None,
    };
    for i in 0..s.below.len() {
        let d = s.below[i];
        let (gain, cost) = if let Some(cost) = single {
            (
                (s.key_gain[d as usize] - gained).max(0.0),
                (s.key_cost[d as usize] - cost).max(0.0),
            )
        } else {
            keys.of(inst, state, &s.gain, d, goal != Goal::Cover)
        };
        push(heap, s, d, gain, cost);
    }
}

/// Whether taking chosen `out` away could be repaired: every element only it closes has
/// another candidate closing it that does not require `out`. Each closer's closure is
/// walked for `out` up to [`SHORT_WALK`] candidates; past that, whether it requires `out`
/// is read from the candidates below `out`, marked in one walk down (a chain's closers of
/// one element cost their closures' sum otherwise, O(n²)).
fn replaceable(inst: &Instance, state: &State, out: u32, s: &mut Scratch) -> bool {
    let mut marked = false;
    let repairable = inst.covers(out).iter().all(|&e| {
        state.cover_count[e as usize] > 1
            || inst.closers(e).iter().any(|&d| {
                if d == out {
                    return false;
                }
                let (mut steps, mut found) = (0, false);
                let stopped = state.walk_up(inst, d, false, |x| {
                    steps += 1;
                    found = x == out;
                    found || steps > SHORT_WALK
                });
                if !stopped || found {
                    return !stopped;
                }
                if !marked {
                    marked = true;
                    s.requiring.mark(inst, out);
                }
                !s.requiring.holds(d)
            })
    });
    s.requiring.clear();
    repairable
}

/// Candidates a closure walk of [`replaceable`] visits before it asks the walk down.
const SHORT_WALK: u32 = 64;

/// Local search after the greedy: for each chosen candidate that no other requires, most
/// expensive first, take it out (with prerequisites only it needed), close what it left open
/// greedily without it, drop picks that became redundant, and keep the exchange if the total
/// cost drops; otherwise roll it back. Repeats until no exchange improves, at most a bounded
/// number of rounds, so it always ends.
pub(crate) fn clean_up(inst: &Instance, state: &mut State, s: &mut Scratch) {
    let max_rounds = 4 * inst.len().max(1);
    let mut ancestors = Vec::new();
    for _ in 0..max_rounds {
        let order = chosen_by_cost(inst, state);
        let mut improved = false;
        for out in order {
            if !state.chosen[out as usize]
                || state.required_by_chosen(inst, out)
                || !replaceable(inst, state, out, s)
            {
                continue;
            }
            if improve_without(inst, state, s, &[out], &mut ancestors) {
                improved = true;
                break;
            }
        }
        state.journal.clear();
        if !improved {
            return;
        }
    }
}

/// Takes the `outs` (chosen, none required by a chosen candidate) out with the
/// prerequisites only they needed, closes what opened greedily without the first of them,
/// and drops what became redundant; keeps the change and returns `true` when the cover
/// costs less, else restores the state.
fn improve_without(
    inst: &Instance,
    state: &mut State,
    s: &mut Scratch,
    outs: &[u32],
    ancestors: &mut Vec<u32>,
) -> bool {
    state.journal.clear();
    let mark = state.mark();
    for &out in outs {
        if !state.chosen[out as usize] {
            continue;
        }
        ancestors.clear();
        state.walk_up(inst, out, false, |d| {
            ancestors.push(d);
            false
        });
        state.set(inst, out, false);
        remove_redundant(inst, state, ancestors, false);
    }
    // Only what the removed picks closed can be open now.
    s.hole.clear();
    for &(a, on) in &state.journal[mark.journal..] {
        if !on {
            s.hole.extend(
                inst.covers(a)
                    .iter()
                    .filter(|&&e| state.cover_count[e as usize] == 0),
            );
        }
    }
    order::sort_unstable(&mut s.hole);
    s.hole.dedup();
    let hole = std::mem::take(&mut s.hole);
    let repaired = complete_within(
        inst,
        state,
        outs.first().copied(),
        Goal::Cover,
        s,
        Some(&hole),
    );
    s.hole = hole;
    if repaired {
        // Only picks sharing an element with what was added can have become redundant.
        s.touched.clear();
        for &(a, on) in &state.journal[mark.journal..] {
            if on {
                for &e in inst.covers(a) {
                    s.touched.extend(
                        inst.closers(e)
                            .iter()
                            .filter(|&&d| state.chosen[d as usize]),
                    );
                }
            }
        }
        most_expensive_first(inst, &mut s.touched);
        let touched = std::mem::take(&mut s.touched);
        remove_redundant(inst, state, &touched, false);
        s.touched = touched;
        if state.cost < mark.cost - inst.step(mark.cost) / 2.0 {
            return true;
        }
    }
    state.revert(inst, mark);
    false
}

/// Exchanges of two picks: takes out two chosen candidates no other requires and closes
/// what opened greedily ([`improve_without`]), keeping the first change that lowers the
/// cost (then [`clean_up`] again), at most [`MAX_PAIRS`] pairs in all. When courses all
/// last the same, no single exchange can save anything, but one course may replace two.
/// Returns whether the cover improved.
pub(crate) fn exchange_pairs(inst: &Instance, state: &mut State, s: &mut Scratch) -> bool {
    let mut ancestors = Vec::new();
    let mut attempts = 0;
    let mut any = false;
    'restart: loop {
        let outs: Vec<u32> = chosen_by_cost(inst, state)
            .into_iter()
            .filter(|&o| !state.required_by_chosen(inst, o))
            .collect();
        for (i, &a) in outs.iter().enumerate() {
            for &b in &outs[i + 1..] {
                if attempts == MAX_PAIRS {
                    break 'restart;
                }
                attempts += 1;
                if improve_without(inst, state, s, &[a, b], &mut ancestors) {
                    any = true;
                    state.journal.clear();
                    clean_up(inst, state, s);
                    continue 'restart;
                }
            }
        }
        break;
    }
    state.journal.clear();
    any
}

/// Pairs tried in all by [`exchange_pairs`], so that plans of thousands of courses stay
/// bounded in time.
const MAX_PAIRS: usize = 512;

/// Fills the hours left greedily and drops what became redundant, until neither changes
/// anything: the plan is then maximal and minimal.
pub(super) fn fill(
    inst: &Instance,
    state: &mut State,
    budget: f64,
    banned: Option<u32>,
    s: &mut Scratch,
) {
    loop {
        let before = state.journal.len();
        complete(inst, state, banned, Goal::Budget { limit: budget }, s);
        let added = state.journal.len() > before;
        let order = chosen_by_cost(inst, state);
        let mid = state.journal.len();
        remove_redundant(inst, state, &order, true);
        if !added || state.journal.len() == mid {
            return;
        }
    }
}
