//! The budgeted problem: the most value within an hour budget, then the fewest hours.
//!
//! Plans are compared lexicographically: more value, then (within rounding) lower cost.
//! Every plan returned is maximal (no candidate that would add value fits the hours left)
//! and minimal (every chosen candidate closes some element worth something no other chosen
//! candidate closes, or is required by one).

use super::budget_lp::budget_lp_bound;
use super::budget_round::rounded;
use super::chain_marginals::marginals;
use super::cuts::with_owned_rows;
use super::density::{tightest, upper_bound};
use super::greedy::{Scratch, fill, preferred};
use super::implied::without_implied_closers;
use super::instance::{EPS, Instance, Solution};
use super::knapsack::Knapsack;
use super::split;
use super::state::{State, chosen_by_cost, remove_redundant, value_of_chosen};
use super::tabu::{Aim, tabu_budget};
use crate::model::{hours, order};
use priced::Priced;

/// Whether `(value, cost)` is lexicographically better than `(best_value, best_cost)`.
pub(super) fn better(
    inst: &Instance,
    value: f64,
    cost: f64,
    best_value: f64,
    best_cost: f64,
) -> bool {
    let tol = inst.value_tol(best_value);
    value > best_value + tol
        || (value >= best_value - tol && cost < best_cost - inst.step(best_cost) / 2.0)
}

/// Greedy budgeted cover: the best of (a) the greedy by value per unit of marginal cost
/// among affordable candidates, and (b) each of the [`SEEDS`] most valuable affordable
/// candidates (with prerequisites) as a first pick followed by that greedy; each filled
/// until maximal and cleaned of redundant picks, and (c) each pair of the [`PAIR_SEEDS`]
/// most valuable as the first two picks. When the best of these has more than
/// [`PAIR_PICKS`] picks and falls short of the bound from the relaxation with
/// prerequisite rows, a plan rounded from the relaxation ([`rounded`]) replaces it if
/// better. That plan is then improved by exchanges (take one pick out, refill without
/// it, keep it if the plan is better), by exchanges of two picks ([`exchange_pairs`]) and
/// by a tabu search over swaps ([`tabu_budget`](super::tabu::tabu_budget)), all bounded
/// in steps ([`improve`]). All of it runs without
/// dominated candidates ([`undominated`]). Carries a proven upper bound on the best value
/// ([`upper_bound`], the knapsack bound and the relaxation's).
///
/// # Guarantee
/// Without shared prerequisites, at least `(1 − 1/e)/2 ≈ 0.316` of the optimal value
/// (Khuller, Moss and Naor, 1999): (a) and the single most valuable closure, which (b)
/// contains, are both considered, and the later changes only improve a plan. Setting
/// dominated candidates aside keeps the optimum, and a most valuable closure among those
/// left is worth at least as much as any (its dominating candidate is worth as much in no
/// more hours).
pub(crate) fn greedy_budget(inst: &Instance, budget: f64) -> Solution {
    undominated(inst, budget, |sub| greedy_budget_on(sub, budget))
}

/// Solves the instance without the candidates no plan within `budget` hours can hold,
/// and without those [`split::exclude_dominated`] then sets aside (with nothing chosen,
/// every element worth something open): some plan of the most value and then the least
/// cost avoids them all, and a plan maximal and minimal without them is so with them (a
/// dominated candidate that fits and adds value has a dominating one that fits and adds at
/// least as much). A candidate cannot fit when its closure takes more hours than the
/// budget, as its heaviest chain of prerequisites or a walk of the closure shows
/// ([`unaffordable`]). The solution is mapped back to `inst`'s indices.
///
/// # Complexity
/// `solve`'s, plus O(n + q) for the chains, [`split::exclude_dominated`]'s and O(n + z + q)
/// to build the part.
fn undominated(inst: &Instance, budget: f64, solve: impl Fn(&Instance) -> Solution) -> Solution {
    let mut excluded = unaffordable(inst, budget);
    let none = vec![false; inst.len()];
    let mut dirty = vec![true; inst.len()];
    let marked = split::exclude_dominated(inst, &none, &mut excluded, &mut dirty, |e| {
        inst.values[e as usize] > 0.0
    });
    if marked == 0 && !excluded.contains(&true) {
        return solve(inst);
    }
    let part = split::restrict(inst, &excluded);
    let mut solution = solve(&part.inst);
    for j in &mut solution.chosen {
        *j = part.candidates[*j as usize];
    }
    solution
}

/// Passes over the candidates and their prerequisite links that [`unaffordable`]'s walks of
/// closures may take in all.
const WALK_PASSES: usize = 4;

/// Marks the candidates no plan within `budget` hours can hold, as their closure (itself
/// and its pending prerequisites) takes more. First the heaviest chain of prerequisites,
/// itself included, a lower bound on a closure's hours found prerequisites first; then,
/// prerequisites first, each candidate left whose prerequisites are not marked has its
/// closure walked until its hours exceed the budget, within [`WALK_PASSES`] passes over the
/// candidates and links in all (a walk stops at the first course past the budget, so one of
/// 50,000 one-hour prerequisites under 50 hours visits 51). A dependant of a marked
/// candidate is marked too, walked or not: its closure holds that one's. A closure is
/// marked only when its hours, summed in walk order, exceed the budget by more than any
/// rounding of a plan's sum could hide. O(n + q).
fn unaffordable(inst: &Instance, budget: f64) -> Vec<bool> {
    let n = inst.len();
    // Chains summed exactly in pico-hours and read as a plan's hours are
    // ([`State::hours`]): a chain that fits as a plan is never marked, whatever the order
    // its hours would be added in as doubles.
    let mut chain = vec![0i128; n];
    let mut marked = vec![false; n];
    for &c in inst.topo() {
        let before = inst
            .prerequisites(c)
            .iter()
            .map(|&d| chain[d as usize])
            .fold(0, i128::max);
        chain[c as usize] = before + hours::picos(inst.hours(c));
        marked[c as usize] = hours::hours_of(chain[c as usize]) > budget + EPS;
    }
    let links: usize = inst
        .topo()
        .iter()
        .map(|&c| inst.prerequisites(c).len())
        .sum();
    let mut allowance = WALK_PASSES * (n + links);
    // A sum of at most n hours, each positive, is within n·ε of its value however it is
    // added up, in a walk as in a plan.
    let limit = budget + EPS;
    #[allow(clippy::cast_precision_loss)] // n < 2^28
    let rounding = 2.0 * n as f64 * f64::EPSILON;
    let mut seen = vec![u32::MAX; n];
    let mut stack: Vec<u32> = Vec::new();
    for (walk, &c) in inst.topo().iter().enumerate() {
        let c = c as usize;
        if marked[c] {
            continue;
        }
        if inst
            .prerequisites(c as u32)
            .iter()
            .any(|&d| marked[d as usize])
        {
            marked[c] = true;
            continue;
        }
        // Once the walks' allowance is spent, the candidates left are only marked through
        // their prerequisites, as above: a dependant of a marked candidate stays marked
        // however the walks ended, so the restricted instance never drops a prerequisite
        // from under a candidate it keeps (`split::restrict`).
        let Some(left) = allowance.checked_sub(1) else {
            continue;
        };
        allowance = left;
        #[allow(clippy::cast_possible_truncation)] // fewer than 2^28 candidates
        let walk = walk as u32;
        seen[c] = walk;
        stack.push(c as u32);
        let mut hours = 0.0;
        while let Some(d) = stack.pop() {
            hours += inst.hours(d);
            if hours * (1.0 - rounding) > limit {
                marked[c] = true;
                break;
            }
            let next = inst.prerequisites(d);
            allowance = allowance.saturating_sub(next.len() + 1);
            for &p in next {
                if seen[p as usize] != walk {
                    seen[p as usize] = walk;
                    stack.push(p);
                }
            }
        }
        stack.clear();
    }
    marked
}

fn greedy_budget_on(inst: &Instance, budget: f64) -> Solution {
    greedy_budget_priced(inst, budget).0
}

/// [`greedy_budget_on`]'s plan, with the root's multipliers as profits when it solved the
/// relaxation with prerequisite rows (for [`search::BudgetSearch`]'s node bounds).
fn greedy_budget_priced(inst: &Instance, budget: f64) -> (Solution, Option<Priced>) {
    let mut s = Scratch::new(inst);
    let mut state = State::new(inst);
    fill(inst, &mut state, budget, None, &mut s);
    // (b) and partial enumeration: each of the most valuable affordable closures as a
    // first pick, filled greedily; the best plan of all is kept.
    let empty = State::new(inst);
    let firsts = marginals(inst, &empty);
    let mut seeds: Vec<(f64, f64, u32)> = useful(inst)
        .filter_map(|c| {
            let m = firsts[c as usize];
            (m.hours <= budget + EPS).then_some((m.value, m.cost, c))
        })
        .collect();
    order::sort_by(&mut seeds, |a, b| {
        b.0.total_cmp(&a.0)
            .then(a.1.total_cmp(&b.1))
            .then(a.2.cmp(&b.2))
    });
    seeds.truncate(SEEDS);
    for &(_, _, c) in &seeds {
        let mut seeded = State::new(inst);
        seeded.choose(inst, c, &mut s.buffer);
        fill(inst, &mut seeded, budget, None, &mut s);
        if better(
            inst,
            seeded.value(inst),
            seeded.cost,
            state.value(inst),
            state.cost,
        ) {
            state = seeded;
        }
    }
    // Partial enumeration of two first picks among the most valuable.
    for (i, &(_, _, a)) in seeds.iter().enumerate().take(PAIR_SEEDS) {
        for &(_, _, b) in seeds.iter().take(PAIR_SEEDS).skip(i + 1) {
            let mut seeded = State::new(inst);
            seeded.choose(inst, a, &mut s.buffer);
            if seeded.hours() + seeded.marginal(inst, b).hours > budget + EPS {
                continue;
            }
            seeded.choose(inst, b, &mut s.buffer);
            fill(inst, &mut seeded, budget, None, &mut s);
            if better(
                inst,
                seeded.value(inst),
                seeded.cost,
                state.value(inst),
                state.cost,
            ) {
                state = seeded;
            }
        }
    }
    // The bound first: the local search stops once the plan meets it.
    let empty = State::new(inst);
    let mut knapsack = Knapsack::new(inst);
    let start = state.value(inst);
    let mut bound = tightest(
        inst,
        upper_bound(inst, &empty, &[], budget, None),
        knapsack.bound(inst, &empty, |_| true, budget, start, ROOT_STEPS),
    );
    let mut relaxed = None;
    let mut priced = None;
    if bound > start {
        // The relaxation with its prerequisite rows, which the knapsack bound drops, read
        // without the closings prerequisites already make and with the rows shared
        // prerequisites imply (`implied.rs`, `cuts.rs`): the same plans, a tighter
        // relaxation. On the department-sized `current` instances of `bench_plans` this
        // takes the relaxation from 15,362.6 to 15,341.3 (sample 0; HiGHS, one thread).
        let implied = without_implied_closers(inst);
        let implied = implied.as_ref().unwrap_or(inst);
        let cut = with_owned_rows(implied);
        let lp = match &cut {
            Some((tight, rows_of)) => budget_lp_bound(tight, rows_of, budget, start, LP_ITERATIONS),
            None => budget_lp_bound(implied, &[], budget, start, LP_ITERATIONS),
        };
        bound = tightest(inst, bound, lp.bound);
        relaxed = Some(lp.x);
        priced = lp
            .priced
            .and_then(|(constant, profit)| Priced::new(inst, constant, profit));
    }
    // A second start, rounded from the relaxation, when a department-sized plan falls
    // short of the bound; the better of the two starts gets the local search, which is
    // almost all of the time (on the department-sized instances of `bench_plans`, 8–11 s
    // each, the rounding a few milliseconds), so the plan is never worth less than the
    // greedy's start and the search runs once. There the rounded start was the better one
    // (15,309 against 15,222 on `current`, 14,166 against 13,851 on `uniform`) and ended
    // better after the search than the greedy's start did (15,327 against 15,258, 14,250
    // against 14,211). Officers' plans (tens of picks) skip it: on the 724 of `bench_plans`
    // it improved none, and the median time per plan was 1.3 to 8 times as long.
    let short = |state: &State| {
        state.chosen_count() > PAIR_PICKS && state.value(inst) < bound - inst.value_tol(bound)
    };
    if let Some(x) = relaxed.filter(|_| short(&state)) {
        #[cfg(test)]
        tests::ROUNDED_STARTS.with(|starts| starts.set(starts.get() + 1));
        let other = rounded(inst, &x, budget, &mut s);
        if better(
            inst,
            other.value(inst),
            other.cost,
            state.value(inst),
            state.cost,
        ) {
            state = other;
        }
    }
    improve(inst, &mut state, budget, bound, &mut s);
    refill_below_rounding(inst, &mut state, budget, &mut s);
    let value = state.value(inst);
    let bound = bound.max(value);
    // A value meeting the bound is the most value, but fewer hours for it are not ruled
    // out without a search; only the empty plan, when nothing of value can be closed, is
    // proven here.
    let proven = bound <= 0.0 && state.cost <= 0.0;
    (state.solution(inst, bound, proven, 0), priced)
}

/// Fills `state` again when some element is worth something but no more than the rounding
/// of the plan's value (a gap worth 1 beside one worth 10¹⁸, as the weights' largest,
/// `Weights::MAX`, times itself gives: 10¹⁸ + 1 is 10¹⁸ in a double). The exchanges keep a
/// plan of equal value in fewer hours, so they could drop the course of such an element
/// while it fits, leaving the plan not maximal and its element open as over the budget;
/// filling puts it back. Elsewhere the plan is maximal already and this is one pass over
/// the values, O(e).
fn refill_below_rounding(inst: &Instance, state: &mut State, budget: f64, s: &mut Scratch) {
    // Twice the tolerance: a value just above it can still lose a rounding unit in the sum.
    let hidden = 2.0 * inst.value_tol(state.value(inst));
    if inst.values.iter().any(|&v| v > 0.0 && v <= hidden) {
        fill(inst, state, budget, None, s);
    }
}

/// The local search every budgeted plan gets: [`exchange`], then [`exchange_pairs`] on
/// plans of at most [`PAIR_PICKS`] picks, then the tabu search of [`tabu_budget`], then, on
/// instances [`chain_search_pays`] admits, a shorter one from its plan with chain moves (a
/// course in with its missing prerequisites; run second rather than in the first search,
/// whose walk it would change: on the 122 `overlapping` officers of `bench_plans` one plan
/// gained and another lost when the first search had them). `bound` is a proven upper
/// bound on the value within `budget`: the searches stop once the plan meets it, and do not
/// start when the exchanges' plan does ([`Aim`]).
pub(super) fn improve(
    inst: &Instance,
    state: &mut State,
    budget: f64,
    bound: f64,
    s: &mut Scratch,
) {
    #[cfg(test)]
    tests::LOCAL_SEARCHES.with(|searches| searches.set(searches.get() + 1));
    let mut fills = fills_allowed(inst);
    exchange(inst, state, budget, s, &mut fills);
    if state.chosen_count() <= PAIR_PICKS {
        exchange_pairs(inst, state, budget, s, &mut fills);
    }
    state.journal.clear();
    let better = |v, c, bv, bc| better(inst, v, c, bv, bc);
    let aim = Aim::new(inst, budget, bound);
    tabu_budget(inst, state, aim, s, 0, false, better);
    if chain_search_pays(inst) {
        tabu_budget(inst, state, aim, s, 1, true, better);
    }
}

/// Whether [`improve`] runs the second tabu search, with chain moves: only when some
/// candidate has a prerequisite (else it has no move the first lacks) and the instance has
/// at most [`CHAIN_PAIRS`] candidate–element pairs (an officer's plan: there it costs a few
/// milliseconds; a department's plan of thousands of gaps would pay seconds).
fn chain_search_pays(inst: &Instance) -> bool {
    let mut pairs = 0;
    let mut prerequisites = false;
    for c in 0..inst.len() as u32 {
        pairs += inst.covers(c).len();
        prerequisites |= !inst.prerequisites(c).is_empty();
    }
    prerequisites && pairs <= CHAIN_PAIRS
}

/// Candidate–element pairs above which [`improve`] skips the chain search.
const CHAIN_PAIRS: usize = 50_000;

/// Candidates closing an element worth something.
fn useful(inst: &Instance) -> impl Iterator<Item = u32> + '_ {
    (0..inst.len() as u32).filter(|&c| {
        inst.covers(c)
            .iter()
            .any(|&e| inst.values[e as usize] > 0.0)
    })
}

/// Local search: for each chosen candidate no other requires, most expensive first, take
/// it out (with the prerequisites only it needed), refill without it (greedily, or after
/// first taking one of the [`SWAPS`] best candidates that now fit), and keep the change
/// when the plan is lexicographically better; repeat while something improves, at most
/// [`MAX_EXCHANGES`] exchanges in all, and while `fills` (refills left, see
/// [`fills_allowed`]) lasts.
fn exchange(inst: &Instance, state: &mut State, budget: f64, s: &mut Scratch, fills: &mut usize) {
    let rounds = 2 * inst.len().max(1);
    let mut ancestors = Vec::new();
    // The candidates requiring the one taken out, whose closure holds it.
    let mut requiring = vec![false; inst.len()];
    let mut attempts = 0;
    for _ in 0..rounds {
        let mut improved = false;
        for out in chosen_by_cost(inst, state) {
            if !state.chosen[out as usize] || state.required_by_chosen(inst, out) {
                continue;
            }
            if attempts == MAX_EXCHANGES {
                return;
            }
            attempts += 1;
            state.journal.clear();
            let (value, mark) = (state.value(inst), state.mark());
            ancestors.clear();
            state.walk_up(inst, out, false, |d| {
                ancestors.push(d);
                false
            });
            state.set(inst, out, false);
            remove_redundant(inst, state, &ancestors, true);
            // Refill greedily, or first take one of the best few candidates that now fit.
            let removed = state.mark();
            let added = marginals(inst, state);
            requiring.fill(false);
            State::walk_down(inst, &[out], |d| requiring[d as usize] = true);
            let mut firsts: Vec<(f64, f64, u32)> = useful(inst)
                .filter(|&c| c != out && !state.chosen[c as usize])
                .filter_map(|c| {
                    let m = added[c as usize];
                    (m.value > 0.0
                        && state.hours() + m.hours <= budget + EPS
                        && !requiring[c as usize])
                        .then_some((m.value, m.cost, c))
                })
                .collect();
            order::sort_by(&mut firsts, preferred);
            firsts.truncate(SWAPS);
            for first in std::iter::once(None).chain(firsts.into_iter().map(|f| Some(f.2))) {
                let Some(left) = fills.checked_sub(1) else {
                    state.revert(inst, mark);
                    state.journal.clear();
                    return;
                };
                *fills = left;
                #[cfg(test)]
                tests::EXCHANGE_REFILLS.with(|refills| refills.set(refills.get() + 1));
                if let Some(c) = first {
                    state.revert(inst, removed);
                    state.choose(inst, c, &mut s.buffer);
                }
                fill(inst, state, budget, Some(out), s);
                if better(inst, state.value(inst), state.cost, value, mark.cost) {
                    improved = true;
                    break;
                }
            }
            if improved {
                break;
            }
            state.revert(inst, mark);
        }
        state.journal.clear();
        if !improved {
            return;
        }
    }
}

/// Local search beyond [`exchange`]: take two chosen candidates no other requires out (with
/// the prerequisites only they needed), refill greedily, and keep the change when the plan
/// is lexicographically better, then exchange single candidates again; repeat while
/// something improves, at most [`MAX_PAIRS`] pairs in all, and while `fills` (refills
/// left, shared with [`exchange`]) lasts. A plan no single exchange improves can still
/// gain from trading two courses for two others that overlap less.
fn exchange_pairs(
    inst: &Instance,
    state: &mut State,
    budget: f64,
    s: &mut Scratch,
    fills: &mut usize,
) {
    let mut ancestors = Vec::new();
    let mut attempts = 0;
    loop {
        let outs: Vec<u32> = chosen_by_cost(inst, state)
            .into_iter()
            .filter(|&o| !state.required_by_chosen(inst, o))
            .collect();
        let mut improved = false;
        'pairs: for (i, &a) in outs.iter().enumerate() {
            for &b in &outs[i + 1..] {
                let Some(left) = fills.checked_sub(1).filter(|_| attempts < MAX_PAIRS) else {
                    state.journal.clear();
                    return;
                };
                *fills = left;
                #[cfg(test)]
                tests::EXCHANGE_REFILLS.with(|refills| refills.set(refills.get() + 1));
                attempts += 1;
                state.journal.clear();
                let (value, mark) = (state.value(inst), state.mark());
                for out in [a, b] {
                    if !state.chosen[out as usize] {
                        continue;
                    }
                    ancestors.clear();
                    state.walk_up(inst, out, false, |d| {
                        ancestors.push(d);
                        false
                    });
                    state.set(inst, out, false);
                    remove_redundant(inst, state, &ancestors, true);
                }
                fill(inst, state, budget, Some(a), s);
                if better(inst, state.value(inst), state.cost, value, mark.cost) {
                    improved = true;
                    break 'pairs;
                }
                state.revert(inst, mark);
            }
        }
        state.journal.clear();
        if !improved {
            return;
        }
        exchange(inst, state, budget, s, fills);
    }
}

/// Pairs tried in all by [`exchange_pairs`].
const MAX_PAIRS: usize = 256;

/// Plans of more picks skip [`exchange_pairs`]: each pair refills the whole instance, so
/// on plans of thousands of courses it costs seconds (a department's 6,479 gaps: 8.0 s
/// instead of 5.6 s, for 0.02% more value), while an officer's plan has tens of picks.
const PAIR_PICKS: usize = 64;

/// Exchanges tried in all, so that plans of thousands of courses stay bounded in time.
const MAX_EXCHANGES: usize = 400;

/// Candidates, prerequisite links and candidate–element pairs the refills of one local
/// search ([`exchange`] and [`exchange_pairs`]) may pass over in all on an instance
/// larger than [`SMALL`] (a refill is charged the whole instance).
const EXCHANGE_WORK: usize = 2_000_000;

/// Instances of at most this many candidates, links and pairs in all get refills
/// without a limit: [`EXCHANGE_WORK`] over the size is at least the `MAX_EXCHANGES · (1 +
/// SWAPS)` refills one [`exchange`] can make.
const SMALL: usize = EXCHANGE_WORK / (MAX_EXCHANGES * (1 + SWAPS));

/// The refills one local search ([`improve`]'s exchanges) may make: unlimited on an
/// instance of at most [`SMALL`] candidates, links and pairs, else [`EXCHANGE_WORK`] over
/// the instance's size, and never fewer than [`MAX_EXCHANGES`]. Up to `MAX_EXCHANGES`
/// exchanges of up to `1 + SWAPS` refills each, each refill a pass over the instance,
/// made a search of a department-sized officer (thousands of picks) quadratic, outside
/// the work the department charges for it: a wide diamond of 2,000 courses of varied
/// hours and 20 officers took 12 s of CPU. O(1).
fn fills_allowed(inst: &Instance) -> usize {
    #[cfg(test)]
    if tests::UNBOUNDED_EXCHANGES.with(std::cell::Cell::get) {
        return usize::MAX;
    }
    let size = inst.len() + inst.links() + inst.cover_rows().1.len();
    if size <= SMALL {
        usize::MAX
    } else {
        (EXCHANGE_WORK / size).max(MAX_EXCHANGES)
    }
}

/// Courses tried as the first pick after taking one out, in an exchange.
const SWAPS: usize = 6;

/// The most valuable first picks whose pairs the partial enumeration tries as first two
/// picks (`PAIR_SEEDS · (PAIR_SEEDS − 1) / 2` fills).
const PAIR_SEEDS: usize = 6;

/// First picks tried by the partial enumeration: the most valuable affordable closures.
const SEEDS: usize = 16;

/// Subgradient steps for the knapsack bound at the root. Inside the search the density
/// bound is used, and the relaxation with prerequisite rows at the root's multipliers
/// ([`priced`]) when the root solved it: measured on ESCO instances, the knapsack bound
/// re-solved at every node proved no more plans and took thirty times longer.
const ROOT_STEPS: u32 = 200;

/// Iterations of the primal–dual method for the relaxation with prerequisite rows at the
/// root ([`budget_lp_bound`]), when the other bounds leave the plan unproven.
const LP_ITERATIONS: u32 = 1_000;

/// Exact budgeted cover by branch and bound within `node_limit` nodes, from
/// [`greedy_budget`]'s plan: include or exclude each candidate closing something of value,
/// best value per hour first, bounded by [`upper_bound`] and, when the root solved the
/// relaxation with prerequisite rows, by that relaxation at the root's multipliers, whose
/// reduced profits also fix candidates before the search ([`search::BudgetSearch`]). The
/// stack is explicit, so depth is limited only by memory. Among plans of equal value it
/// keeps the one of least cost; when costs are hours, a node and a fixing look for a plan
/// of equal value only within the incumbent's hours less a step. When
/// the limit stops the search, the bound reported is the largest bound among the subtrees
/// left, so the gap stays proven.
pub(crate) fn exact_budget(inst: &Instance, budget: f64, node_limit: u64) -> Solution {
    undominated(inst, budget, |sub| exact_budget_on(sub, budget, node_limit))
}

fn exact_budget_on(inst: &Instance, budget: f64, node_limit: u64) -> Solution {
    let (greedy, priced) = greedy_budget_priced(inst, budget);
    if greedy.proven {
        return greedy;
    }
    // The search also runs when the value already meets its bound: it then looks for the
    // same value in fewer hours, which proves the lexicographic optimum.
    let mut search = search::BudgetSearch::new(inst, budget, &greedy, priced);
    let mut proven = search.run(node_limit);
    let mut state = State::new(inst);
    state.load(inst, &search.best);
    let mut s = Scratch::new(inst);
    let searched = state.chosen_count();
    fill(inst, &mut state, budget, None, &mut s);
    // The search compares values within their rounding ([`Instance::value_tol`]); where
    // that exceeds a gap's value (a gap worth 4 beside one worth 4·10¹⁵, whose sums a
    // double rounds by more), its best plan can lack a course the fill then adds, and the
    // filled plan is not the one proven: a plan of the same value may take fewer hours.
    proven &= state.chosen_count() == searched;
    // The most any plan is worth: the incumbent's value or a subtree's bound.
    let open = search.open_bound.max(state.value(inst)).min(greedy.bound);
    if !proven && search.best != greedy.chosen {
        // The search's plan has not had the heuristics' local search.
        improve(inst, &mut state, budget, open, &mut s);
        refill_below_rounding(inst, &mut state, budget, &mut s);
    }
    let value = state.value(inst);
    let bound = if proven { value } else { open.max(value) };
    // Never worse than the heuristics' plan, which the search started from.
    let start = value_of_chosen(inst, &greedy.chosen);
    if !proven && better(inst, start, greedy.cost, value, state.cost) {
        return Solution {
            bound: bound.max(start),
            nodes: search.nodes,
            ..greedy
        };
    }
    state.solution(inst, bound, proven, search.nodes)
}

mod priced;
#[cfg(test)]
mod priced_tests;
mod search;
#[cfg(test)]
mod tests;
