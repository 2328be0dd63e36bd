//! Set cover with prerequisites: the engine behind course recommendation.
//!
//! An [`Instance`] has elements (gaps to close, each with a value) and candidates (courses,
//! each with a selection cost, real hours, the elements it closes and the candidates it
//! directly requires). Choosing a candidate chooses everything it requires, transitively;
//! closures are never stored, only walked, so memory stays linear in the instance and a
//! prerequisite chain of n courses costs O(n), not O(n²). Indices are local and ordered so
//! that a smaller index wins ties, which makes every solver deterministic.
//!
//! The layer, bottom up:
//! - `state`: a partial solution changed in place under an undo journal, and the walks
//!   over a candidate's unchosen prerequisites;
//! - `greedy`: least-cost cover by lazy greedy, redundancy removal and exchanges;
//! - `trade`: trades of two or three picks for fewer or cheaper ones, each repair searched
//!   exhaustively within a count of evaluations;
//! - `tabu`: tabu search over swaps for budgets, and for covers through a budget of one
//!   unit less than the cover's cost;
//! - `lagrange`: proven lower bounds on the least cost (Lagrangian relaxation of the cover
//!   rows, prerequisite rows handled by pushing reduced costs down the prerequisite DAG);
//! - `split`: reductions that keep the optimum (dominated candidates, independent parts);
//! - `exact`: forced picks, those reductions, then per part branch and bound on those
//!   bounds, best bound first with dives, the tree kept explicitly (no depth limit);
//! - `knapsack`: proven upper bounds on the most value within hours (Lagrangian relaxation
//!   of the element–candidate links, a fractional knapsack inside);
//! - `budget`: the budgeted problem (most value within hours): greedy, fill, exchanges and
//!   branch and bound on those bounds;
//! - `stepper`: one instance's partial solution driven by an outer search (department plans).
//!
//! Nothing here allocates per step of a search beyond amortised buffers, and every limit is
//! counted in search nodes, never in time.

mod budget;
mod exact;
mod greedy;
mod knapsack;
mod lagrange;
mod split;
mod state;
mod stepper;
mod tabu;
mod trade;

pub(crate) use budget::{exact_budget, greedy_budget};
pub(crate) use exact::{bounded_cover, exact_cover};
pub(crate) use state::{Mark, value_of_chosen};
pub(crate) use stepper::{StepChoice, Stepper};

/// Slack on comparisons of summed hours and values (room for rounding).
pub(crate) const EPS: f64 = 1e-9;

/// A cover problem.
#[derive(Clone, Debug, Default)]
pub(crate) struct Instance {
    /// Value of closing each element (budgeted mode); least-cost mode ignores it.
    pub(crate) values: Vec<f64>,
    /// Selection cost per candidate (hours, possibly weighted by a blend target).
    cost: Vec<f64>,
    /// Real hours per candidate, which a budget limits.
    hours: Vec<f64>,
    covers: Rows,
    /// Direct prerequisites among the candidates.
    pre: Rows,
    /// Derived by [`Instance::finish`]: the candidates closing each element.
    closers: Rows,
    /// Derived: the candidates directly requiring each candidate.
    deps: Rows,
    /// Derived: every candidate after its prerequisites.
    topo: Vec<u32>,
    /// Derived: the costs' common unit (see [`common_unit`]), if any; a lower bound can
    /// then be rounded up to it.
    unit: Option<f64>,
}

/// The largest number every one of `values` is a whole multiple of, when they are all
/// whole multiples of 1, 1/2, 1/4 or 1/8 (below 10¹²): their greatest common divisor. Sums
/// of such values are multiples of it too, so bounds on sums can be rounded to it.
fn common_unit(values: &[f64]) -> Option<f64> {
    let q = [1.0, 0.5, 0.25, 0.125].into_iter().find(|&q| {
        values
            .iter()
            .all(|&v| (v / q).fract() == 0.0 && (0.0..1e12).contains(&(v / q)))
    })?;
    // Whole, non-negative numbers below 10^12, exact in both types.
    #[allow(clippy::cast_sign_loss)]
    let g = values.iter().fold(0u64, |g, &v| gcd(g, (v / q) as u64));
    Some(if g == 0 { q } else { g as f64 * q })
}

fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// Rows of `u32`s: a compact `Vec<Vec<u32>>`.
#[derive(Clone, Debug)]
pub(crate) struct Rows {
    start: Vec<u32>,
    items: Vec<u32>,
}

impl Default for Rows {
    fn default() -> Rows {
        Rows {
            start: vec![0],
            items: Vec::new(),
        }
    }
}

impl Rows {
    /// Rows built from `(row, value)` pairs; each row keeps the pairs' order.
    fn from_pairs(rows: usize, pairs: impl Iterator<Item = (u32, u32)> + Clone) -> Rows {
        let mut start = vec![0u32; rows + 1];
        for (r, _) in pairs.clone() {
            start[r as usize + 1] += 1;
        }
        for r in 0..rows {
            start[r + 1] += start[r];
        }
        let mut fill = start.clone();
        let mut items = vec![0; start[rows] as usize];
        for (r, v) in pairs {
            items[fill[r as usize] as usize] = v;
            fill[r as usize] += 1;
        }
        Rows { start, items }
    }

    fn push(&mut self, row: &[u32]) {
        self.items.extend_from_slice(row);
        self.start.push(self.items.len() as u32);
    }

    fn row(&self, r: u32) -> &[u32] {
        let r = r as usize;
        &self.items[self.start[r] as usize..self.start[r + 1] as usize]
    }
}

impl Instance {
    /// An instance with room for `candidates` candidates closing `pairs` elements in all.
    pub(crate) fn with_capacity(values: Vec<f64>, candidates: usize, pairs: usize) -> Instance {
        let mut inst = Instance {
            values,
            ..Instance::default()
        };
        inst.cost.reserve(candidates);
        inst.hours.reserve(candidates);
        inst.covers.items.reserve(pairs);
        inst
    }

    /// Adds a candidate. `covers` is sorted; `prerequisites` are the candidate indices it
    /// directly requires (earlier or later, never itself), sorted.
    pub(crate) fn push(&mut self, cost: f64, hours: f64, covers: &[u32], prerequisites: &[u32]) {
        self.cost.push(cost);
        self.hours.push(hours);
        self.covers.push(covers);
        self.pre.push(prerequisites);
    }

    /// Derives the indexes the solvers use; call once after the last [`Instance::push`].
    /// The prerequisites must form a DAG (the framework guarantees it).
    pub(crate) fn finish(&mut self) {
        let n = self.len() as u32;
        let covers = &self.covers;
        self.closers = Rows::from_pairs(
            self.values.len(),
            (0..n).flat_map(|c| covers.row(c).iter().map(move |&e| (e, c))),
        );
        let pre = &self.pre;
        self.deps = Rows::from_pairs(
            self.len(),
            (0..n).flat_map(|c| pre.row(c).iter().map(move |&p| (p, c))),
        );
        // Kahn's algorithm, smallest index first among the ready ones is not needed: any
        // topological order gives the same results, as the solvers only use it for passes.
        let mut missing: Vec<u32> = (0..n).map(|c| self.pre.row(c).len() as u32).collect();
        let mut topo: Vec<u32> = (0..n).filter(|&c| missing[c as usize] == 0).collect();
        let mut next = 0;
        while next < topo.len() {
            let c = topo[next];
            next += 1;
            for &d in self.deps.row(c) {
                missing[d as usize] -= 1;
                if missing[d as usize] == 0 {
                    topo.push(d);
                }
            }
        }
        self.topo = topo;
        self.unit = common_unit(&self.cost);
    }

    /// The same elements with only the candidates `keep` marks whose every prerequisite is
    /// kept too (transitively), renumbered in order; returns it with each new candidate's
    /// index here.
    pub(crate) fn restricted(&self, keep: impl Fn(u32) -> bool) -> (Instance, Vec<u32>) {
        let mut kept = vec![false; self.len()];
        for &c in &self.topo {
            kept[c as usize] = keep(c) && self.prerequisites(c).iter().all(|&p| kept[p as usize]);
        }
        let mut new_index = vec![u32::MAX; self.len()];
        let mut map = Vec::new();
        for c in 0..self.len() as u32 {
            if kept[c as usize] {
                new_index[c as usize] = map.len() as u32;
                map.push(c);
            }
        }
        let pairs: usize = map.iter().map(|&c| self.covers(c).len()).sum();
        let mut inst = Instance::with_capacity(self.values.clone(), map.len(), pairs);
        let mut pre = Vec::new();
        for &c in &map {
            pre.clear();
            pre.extend(self.prerequisites(c).iter().map(|&p| new_index[p as usize]));
            crate::model::order::sort_unstable(&mut pre);
            inst.push(self.cost(c), self.hours(c), self.covers(c), &pre);
        }
        inst.finish();
        (inst, map)
    }

    /// Every candidate after its prerequisites.
    pub(crate) fn topo(&self) -> &[u32] {
        &self.topo
    }

    /// How many candidates there are.
    pub(crate) fn len(&self) -> usize {
        self.cost.len()
    }

    /// The elements candidate `c` closes, sorted.
    pub(crate) fn covers(&self, c: u32) -> &[u32] {
        self.covers.row(c)
    }

    /// The candidates `c` directly requires, sorted.
    pub(crate) fn prerequisites(&self, c: u32) -> &[u32] {
        self.pre.row(c)
    }

    /// The candidates directly requiring `c`.
    pub(crate) fn dependants(&self, c: u32) -> &[u32] {
        self.deps.row(c)
    }

    /// The candidates closing element `e`.
    pub(crate) fn closers(&self, e: u32) -> &[u32] {
        self.closers.row(e)
    }

    /// Selection cost of candidate `c`.
    pub(crate) fn cost(&self, c: u32) -> f64 {
        self.cost[c as usize]
    }

    /// Real hours of candidate `c`.
    pub(crate) fn hours(&self, c: u32) -> f64 {
        self.hours[c as usize]
    }

    /// Sum of selection costs of a set, in the order given.
    pub(crate) fn cost_of(&self, chosen: &[u32]) -> f64 {
        // Folded from +0.0: an empty `f64` sum is -0.0.
        chosen.iter().fold(0.0, |sum, &c| sum + self.cost(c))
    }

    /// Whether some candidate closes element `e`.
    pub(crate) fn coverable(&self, e: u32) -> bool {
        !self.closers(e).is_empty()
    }

    /// Rounds a lower bound on a cost up to the costs' common unit, when there is one:
    /// every cost is then a whole multiple of it, so no cover costs strictly between.
    pub(crate) fn round_up(&self, bound: f64) -> f64 {
        match self.unit {
            Some(q) if bound.is_finite() => {
                let units = bound / q;
                (units - 1e-7 * units.abs().max(1.0)).ceil() * q + 0.0
            }
            _ => bound,
        }
    }

    /// The smallest strict improvement of a cost worth searching for: the unit when costs
    /// have one (less cannot be saved), else a relative tolerance.
    pub(crate) fn step(&self, cost: f64) -> f64 {
        self.unit.unwrap_or(EPS * cost.abs().max(1.0))
    }
}

/// A solution: chosen candidates (closed under prerequisites), sorted, with a proven bound.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Solution {
    pub(crate) chosen: Vec<u32>,
    pub(crate) cost: f64,
    /// Least-cost mode: a proven lower bound on the least cost. Budgeted mode: a proven
    /// upper bound on the most value.
    pub(crate) bound: f64,
    /// Whether the solver proved it optimal.
    pub(crate) proven: bool,
    /// Search nodes used (exact solvers).
    pub(crate) nodes: u64,
}

#[cfg(test)]
// Costs here are whole numbers, exact in floating point.
#[allow(clippy::float_cmp)]
pub(super) mod tests {
    use super::*;

    /// `n` candidates, candidate `i` closing element `i` alone for one hour; candidate `i`
    /// requires `i - 1` when `chain`.
    fn line(n: u32, chain: bool) -> Instance {
        let mut inst = Instance::with_capacity(vec![1.0; n as usize], n as usize, n as usize);
        for i in 0..n {
            let pre = if chain && i > 0 { vec![i - 1] } else { vec![] };
            inst.push(1.0, 1.0, &[i], &pre);
        }
        inst.finish();
        inst
    }

    #[test]
    fn plans_of_thousands_of_picks_are_proven_without_a_depth_limit() {
        for chain in [false, true] {
            let inst = line(5_000, chain);
            let cover = exact_cover(&inst, 10);
            assert!(cover.proven, "every element has one closer");
            assert_eq!(cover.chosen.len(), 5_000);
            assert_eq!(cover.bound, 5_000.0);
        }
    }

    #[test]
    fn bounds_round_up_to_the_unit_of_the_costs() {
        let mut inst = line(3, false);
        assert_eq!(inst.round_up(2.2), 3.0);
        assert_eq!(inst.round_up(3.0 - 1e-12), 3.0);
        inst.cost[0] = 0.5;
        inst.finish();
        assert_eq!(inst.round_up(2.2), 2.5);
        inst.cost[0] = 0.3;
        inst.finish();
        assert_eq!(inst.round_up(2.2), 2.2, "no common unit: no rounding");
    }

    #[test]
    fn bounds_round_up_to_the_greatest_common_unit() {
        let mut inst = line(3, false);
        inst.cost = vec![10.0, 20.0, 30.0];
        inst.finish();
        assert_eq!(
            inst.round_up(11.0),
            20.0,
            "every cover costs a multiple of 10"
        );
        assert_eq!(inst.step(30.0), 10.0);
    }

    /// A small random instance: `n` candidates closing 1 to 4 of `m` elements each, costs
    /// from `costs`, one in four requiring an earlier candidate.
    pub(super) fn random(seed: u64, n: u32, m: u32, costs: &[f64]) -> Instance {
        let mut x = seed;
        let mut next = |k: u32| {
            // splitmix64
            x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = x;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            u32::try_from((z ^ (z >> 31)) % u64::from(k)).unwrap_or(0)
        };
        let mut inst = Instance::with_capacity(vec![1.0; m as usize], n as usize, 0);
        for i in 0..n {
            let mut covers: Vec<u32> = (0..=next(4)).map(|_| next(m)).collect();
            covers.sort_unstable();
            covers.dedup();
            let pre = if i > 0 && next(4) == 0 {
                vec![next(i)]
            } else {
                vec![]
            };
            let cost = costs[next(costs.len() as u32) as usize];
            inst.push(cost, cost, &covers, &pre);
        }
        inst.finish();
        inst
    }

    /// The least cost of a cover closing every coverable element, by enumeration.
    fn least_cost(inst: &Instance) -> f64 {
        let n = inst.len();
        let mut best = f64::INFINITY;
        for set in 0u32..1 << n {
            let has = |j: u32| set >> j & 1 == 1;
            let closed =
                (0..n as u32).all(|j| !has(j) || inst.prerequisites(j).iter().all(|&p| has(p)));
            let covered = (0..inst.values.len() as u32)
                .all(|e| !inst.coverable(e) || inst.closers(e).iter().any(|&j| has(j)));
            if closed && covered {
                let chosen: Vec<u32> = (0..n as u32).filter(|&j| has(j)).collect();
                best = best.min(inst.cost_of(&chosen));
            }
        }
        best
    }

    #[test]
    fn reductions_and_search_keep_the_least_cost() {
        // Uniform costs make dominance ties and forced picks common; mixed costs do not.
        for (costs, seeds) in [(&[10.0][..], 0..60), (&[1.0, 2.0, 3.0, 5.0][..], 60..120)] {
            for seed in seeds {
                let inst = random(seed, 12, 9, costs);
                let optimum = least_cost(&inst);
                let exact = exact_cover(&inst, 1_000_000);
                assert!(exact.proven, "seed {seed}");
                assert_eq!(exact.cost, optimum, "seed {seed}");
                assert_eq!(exact.bound, optimum, "seed {seed}");
                let bounded = bounded_cover(&inst);
                assert!(
                    bounded.bound <= optimum && optimum <= bounded.cost,
                    "seed {seed}"
                );
                assert!(!bounded.proven || bounded.cost == optimum, "seed {seed}");
            }
        }
    }

    #[test]
    fn reductions_and_exchanges_keep_the_most_value_within_a_budget() {
        for (costs, budget, seeds) in [
            (&[10.0][..], 30.0, 0..60),
            (&[1.0, 2.0, 3.0, 5.0][..], 6.0, 60..120),
        ] {
            for seed in seeds {
                let inst = random(seed, 12, 9, costs);
                // The most value, then the least cost, by enumeration.
                let mut best = (0.0, 0.0);
                for set in 0u32..1 << inst.len() {
                    let has = |j: u32| set >> j & 1 == 1;
                    let all = 0..inst.len() as u32;
                    if !all
                        .clone()
                        .all(|j| !has(j) || inst.prerequisites(j).iter().all(|&p| has(p)))
                    {
                        continue;
                    }
                    let chosen: Vec<u32> = all.filter(|&j| has(j)).collect();
                    let cost = inst.cost_of(&chosen);
                    let value = value_of_chosen(&inst, &chosen);
                    if cost <= budget && (value > best.0 || (value == best.0 && cost < best.1)) {
                        best = (value, cost);
                    }
                }
                let exact = exact_budget(&inst, budget, 1_000_000);
                assert!(exact.proven, "seed {seed}");
                let value = value_of_chosen(&inst, &exact.chosen);
                assert_eq!((value, exact.cost), best, "seed {seed}");
                let greedy = greedy_budget(&inst, budget);
                let value = value_of_chosen(&inst, &greedy.chosen);
                assert!(value <= best.0 && best.0 <= greedy.bound, "seed {seed}");
                assert!(greedy.cost <= budget, "seed {seed}");
            }
        }
    }

    #[test]
    fn a_budget_keeps_the_most_value_in_the_fewest_hours() {
        let inst = line(20, false);
        let plan = exact_budget(&inst, 7.5, 1_000_000);
        assert!(plan.proven);
        assert_eq!(plan.chosen.len(), 7);
        assert_eq!(plan.bound, 7.0);
    }
}
