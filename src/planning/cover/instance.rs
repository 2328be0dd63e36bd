//! The cover problem ([`Instance`]) and its answer ([`Solution`]), shared by every solver.

/// Slack on comparisons of summed hours and values (room for rounding).
pub(crate) const EPS: f64 = 1e-9;

/// 2⁵³: every whole number of smaller magnitude is a double, so sums of whole numbers
/// that stay below it are exact.
pub(crate) const EXACT_BELOW: f64 = 9_007_199_254_740_992.0;

/// Whether a lower bound `bound` proves every cover costs more than `cutoff`.
pub(super) fn beyond(bound: f64, cutoff: f64) -> bool {
    bound > cutoff + EPS * cutoff.abs().max(1.0)
}

pub(crate) mod spare;

/// A cover problem.
#[derive(Clone, Debug, Default)]
pub(crate) struct Instance {
    /// Value of closing each element (budgeted mode); least-cost mode ignores it.
    pub(crate) values: Vec<f64>,
    /// Selection cost per candidate (hours, possibly weighted by a blend target).
    pub(super) cost: Vec<f64>,
    /// Real hours per candidate, which a budget limits.
    pub(super) hours: Vec<f64>,
    pub(super) covers: Rows,
    /// Direct prerequisites among the candidates.
    pub(super) pre: Rows,
    /// Derived by [`Instance::finish`]: the candidates closing each element.
    pub(super) closers: Rows,
    /// Derived: the candidates directly requiring each candidate.
    pub(super) deps: Rows,
    /// Derived: every candidate after its prerequisites.
    pub(super) topo: Vec<u32>,
    /// Derived: the costs' common unit (see [`common_unit`]), if any; a lower bound can
    /// then be rounded up to it.
    pub(super) unit: Option<f64>,
    /// Derived: the values' common unit (see [`common_unit`]), if any; every plan's value
    /// is a whole multiple of it, so an upper bound can be rounded down to it.
    pub(super) value_unit: Option<f64>,
    /// Derived: how far apart two plans' values must be to differ (see [`value_floor`]).
    pub(super) value_floor: f64,
}

/// The largest number every one of `values` is a whole multiple of, when they are all
/// whole multiples of 1, 1/2, 1/4 or 1/8 (below 10¹²): their greatest common divisor. Sums
/// of such values are multiples of it too, so bounds on sums can be rounded to it.
// Whole, non-negative numbers below 10^12 (checked first) convert exactly.
#[allow(clippy::cast_sign_loss)]
pub(super) fn common_unit(values: &[f64]) -> Option<f64> {
    common_unit_of(|| values.iter().copied())
}

/// [`common_unit`] of values read twice through `values` (so that values spread over
/// several instances need no copy). O(values).
#[allow(clippy::cast_sign_loss)]
pub(crate) fn common_unit_of<I: Iterator<Item = f64>>(values: impl Fn() -> I) -> Option<f64> {
    // Range first: a number in it converts to `i64` exactly when whole, so the round trip
    // (one instruction each way) tells what `fract() == 0.0` does without `trunc`, a call
    // into software floating point on the baseline x86-64 target. The comparison is
    // meant exact.
    #[allow(clippy::float_cmp)]
    let whole = |x: f64| (0.0..1e12).contains(&x) && (x as i64) as f64 == x;
    let q = [1.0, 0.5, 0.25, 0.125]
        .into_iter()
        .find(|&q| values().all(|v| whole(v / q)))?;
    let mut g = 0u64;
    for v in values() {
        g = gcd(g, (v / q) as u64);
        // No divisor of 1 is larger than 1.
        if g == 1 {
            break;
        }
    }
    Some(if g == 0 { q } else { g as f64 * q })
}

/// The least difference between two plans' values that is not rounding. With a common
/// `unit` whose multiples sum exactly (the values' total below 2⁵³ units), any two plans'
/// values are equal or a unit apart: half the unit. Otherwise a bound on the rounding of a
/// plan's value, summed afresh over at most `values.len()` terms in element order (Higham,
/// *Accuracy and Stability of Numerical Algorithms*, 2002, §4.2: at most
/// (n − 1)·u·Σ|v| each), twice over for the difference of two such sums, with room. O(n).
fn value_floor(values: &[f64], unit: Option<f64>) -> f64 {
    value_floor_of(values.iter().copied(), unit)
}

/// [`value_floor`] of the values `values` yields, whatever they are spread over: a
/// department's values are the sum of its officers'. O(values).
#[allow(clippy::cast_precision_loss)]
pub(crate) fn value_floor_of(values: impl Iterator<Item = f64>, unit: Option<f64>) -> f64 {
    let (mut total, mut n) = (0.0, 0usize);
    for v in values {
        total += v.abs();
        n += 1;
    }
    match unit {
        Some(q) if total / q < EXACT_BELOW => q / 2.0,
        _ => 4.0 * (n as f64 + 1.0) * f64::EPSILON * total,
    }
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
    /// The transpose of `self` (whose rows hold values below `rows`): row `v` lists, in
    /// ascending order, the rows of `self` holding `v`.
    fn transpose(&self, rows: usize) -> Rows {
        self.transpose_into(rows, (Vec::new(), Vec::new()))
    }

    /// Rows from their starts (`start[0] = 0`, ascending, the last the length of `items`)
    /// and their items, row after row.
    pub(crate) fn from_parts(start: Vec<u32>, items: Vec<u32>) -> Rows {
        debug_assert!(start.first() == Some(&0) && start.last() == Some(&(items.len() as u32)));
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
    /// The derived indexes stay empty until [`Instance::finish`] builds them.
    pub(crate) fn with_capacity(values: Vec<f64>, candidates: usize, pairs: usize) -> Instance {
        let rows = |items: usize| {
            let mut start = Vec::with_capacity(candidates + 1);
            start.push(0);
            Rows {
                start,
                items: Vec::with_capacity(items),
            }
        };
        Instance::from_columns(
            values,
            (
                Vec::with_capacity(candidates),
                Vec::with_capacity(candidates),
            ),
            rows(pairs),
            rows(0),
        )
    }

    /// An instance of the candidates whose selection costs, hours, covers and direct
    /// prerequisites are given column by column (row `c` of `covers` sorted, of `pre` as
    /// [`Instance::push`] takes it): the instance pushing them one by one builds. The
    /// derived indexes stay empty until [`Instance::finish`] builds them.
    pub(crate) fn from_columns(
        values: Vec<f64>,
        (cost, hours): (Vec<f64>, Vec<f64>),
        covers: Rows,
        pre: Rows,
    ) -> Instance {
        debug_assert!(
            cost.len() == hours.len()
                && covers.start.len() == cost.len() + 1
                && pre.start.len() == cost.len() + 1
        );
        let empty = || Rows {
            start: Vec::new(),
            items: Vec::new(),
        };
        Instance {
            values,
            cost,
            hours,
            covers,
            pre,
            closers: empty(),
            deps: empty(),
            topo: Vec::new(),
            unit: None,
            value_unit: None,
            value_floor: 0.0,
        }
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
        let closers = self.covers.transpose(self.values.len());
        self.finish_with_closers(closers);
    }

    /// Derives [`Instance::value_unit`] and [`Instance::value_floor`] from the values.
    /// O(elements).
    pub(super) fn set_values_derived(&mut self) {
        self.value_unit = common_unit(&self.values);
        self.value_floor = value_floor(&self.values, self.value_unit);
    }

    /// How far apart two plans' values near `value` must be to differ: `EPS` of the value,
    /// but never more than [`value_floor`] allows, so that a gap worth 1 beside plans
    /// worth 10⁹ still counts.
    pub(crate) fn value_tol(&self, value: f64) -> f64 {
        (EPS * value.abs().max(1.0)).min(self.value_floor)
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

    /// The same candidates (same indices) over only the elements `keep` marks, renumbered
    /// in order: a cover of it closes those and need not close the others.
    pub(crate) fn keeping_elements(&self, keep: impl Fn(u32) -> bool) -> Instance {
        let mut new_index = vec![u32::MAX; self.values.len()];
        let mut values = Vec::new();
        for e in 0..self.values.len() as u32 {
            if keep(e) {
                new_index[e as usize] = values.len() as u32;
                values.push(self.values[e as usize]);
            }
        }
        let mut inst = Instance::with_capacity(values, self.len(), self.covers.items.len());
        let mut covers = Vec::new();
        for c in 0..self.len() as u32 {
            covers.clear();
            covers.extend(
                self.covers(c)
                    .iter()
                    .map(|&e| new_index[e as usize])
                    .filter(|&e| e != u32::MAX),
            );
            inst.push(self.cost(c), self.hours(c), &covers, self.prerequisites(c));
        }
        inst.finish();
        inst
    }

    /// Every candidate after its prerequisites.
    pub(crate) fn topo(&self) -> &[u32] {
        &self.topo
    }

    /// Whether some candidate requires another.
    pub(crate) fn has_prerequisites(&self) -> bool {
        !self.pre.items.is_empty()
    }

    /// How many prerequisite links there are.
    pub(crate) fn links(&self) -> usize {
        self.pre.items.len()
    }

    /// How many candidates there are.
    pub(crate) fn len(&self) -> usize {
        self.cost.len()
    }

    /// The elements candidate `c` closes, sorted.
    pub(crate) fn covers(&self, c: u32) -> &[u32] {
        self.covers.row(c)
    }

    /// Every candidate's covers at once: the start of each candidate's row (one more than
    /// there are candidates, the last the length of the items) and the rows' items, row
    /// after row, so that a pass over all candidates reads `covers` without a lookup each.
    pub(crate) fn cover_rows(&self) -> (&[u32], &[u32]) {
        (&self.covers.start, &self.covers.items)
    }

    /// Every candidate's real hours, by index.
    pub(crate) fn all_hours(&self) -> &[f64] {
        &self.hours
    }

    /// The value candidate `c` alone closes: its elements' positive values summed in cover
    /// order (negative values count as 0). O(elements `c` covers).
    pub(crate) fn own_value(&self, c: u32) -> f64 {
        (self.covers(c).iter())
            .map(|&e| self.values[e as usize].max(0.0))
            .sum()
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

    /// Rounds an upper bound on a plan's value down to the values' common unit, when there
    /// is one: every plan's value is then a whole multiple of it (a sum of values), so no
    /// plan is worth strictly between. Within a relative 10⁻⁷ of a multiple the bound goes
    /// to that multiple, which absorbs the rounding of summed floating-point terms.
    pub(crate) fn round_down_value(&self, bound: f64) -> f64 {
        match self.value_unit {
            Some(q) if bound.is_finite() => {
                let units = bound / q;
                (units + 1e-7 * units.abs().max(1.0)).floor() * q + 0.0
            }
            _ => bound,
        }
    }

    /// The smallest strict improvement of a cost worth searching for: the unit when costs
    /// have one (less cannot be saved), else a relative tolerance.
    pub(crate) fn step(&self, cost: f64) -> f64 {
        self.unit.unwrap_or(EPS * cost.abs().max(1.0))
    }

    /// Whether a lower bound `bound` on a cover's cost, rounded up to the unit, rules out
    /// beating `cost`: it reaches `cost` within half a [`Instance::step`].
    pub(crate) fn reaches(&self, bound: f64, cost: f64) -> bool {
        self.round_up(bound) >= cost - self.step(cost) / 2.0
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

/// A solver's answer under a cutoff: the plan, or `Err(bound)` with `bound` a proven lower
/// bound on the least cost that exceeds the cutoff ([`beyond`] it), which callers may
/// keep to rule out the instance against later, lower cutoffs too.
pub(crate) type Within = Result<Solution, f64>;

#[cfg(test)]
// Costs here are whole numbers, exact in floating point.
#[allow(clippy::float_cmp)]
pub(super) mod tests {
    use super::*;

    /// `n` candidates, candidate `i` closing element `i` alone for one hour; candidate `i`
    /// requires `i - 1` when `chain`.
    pub(crate) fn line(n: u32, chain: bool) -> Instance {
        let mut inst = Instance::with_capacity(vec![1.0; n as usize], n as usize, n as usize);
        for i in 0..n {
            let pre = if chain && i > 0 { vec![i - 1] } else { vec![] };
            inst.push(1.0, 1.0, &[i], &pre);
        }
        inst.finish();
        inst
    }

    /// A post of `n` requirements around a cycle, every 12th held, and `2n` one-hour
    /// candidates closing requirements `i` and `i + 1`, or `i` and `i + 2`: the elements
    /// are the requirements not held, and every candidate closes one or two of them.
    pub(crate) fn post(n: u32) -> Instance {
        let gap = |i: u32| (i % 12 != 11).then(|| i - i / 12);
        let gaps = (0..n).filter(|&i| gap(i).is_some()).count();
        let mut inst = Instance::with_capacity(vec![1.0; gaps], 2 * n as usize, 4 * n as usize);
        for j in 0..2 * n {
            let (a, b) = (j % n, if j < n { (j + 1) % n } else { (j + 2) % n });
            let mut covers: Vec<u32> = [a, b].into_iter().filter_map(gap).collect();
            covers.sort_unstable();
            inst.push(1.0, 1.0, &covers, &[]);
        }
        inst.finish();
        inst
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

    #[test]
    fn value_bounds_round_down_to_the_greatest_common_unit_of_the_values() {
        let mut inst = line(3, false);
        inst.values = vec![3.0, 6.0, 9.0];
        inst.finish();
        assert_eq!(
            inst.round_down_value(17.9),
            15.0,
            "every plan is worth a multiple of 3"
        );
        assert_eq!(inst.round_down_value(18.0 - 1e-12), 18.0);
        inst.values = vec![1.5, 3.0, 0.0];
        inst.finish();
        assert_eq!(inst.round_down_value(4.4), 3.0);
        inst.values = vec![0.3, 1.0, 2.0];
        inst.finish();
        assert_eq!(
            inst.round_down_value(4.4),
            4.4,
            "no common unit: no rounding"
        );
    }

    /// A small random instance: `n` candidates closing 1 to 4 of `m` elements each, costs
    /// from `costs`, one in four requiring an earlier candidate.
    pub(crate) fn random(seed: u64, n: u32, m: u32, costs: &[f64]) -> Instance {
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

    /// [`random`] with a candidate's half-index added to the prerequisites of every
    /// `every`-th candidate: chains of prerequisites through the instance.
    pub(crate) fn laden(seed: u64, n: u32, m: u32, every: u32) -> Instance {
        let base = random(seed, n, m, &[1.0, 2.0, 3.0, 5.0]);
        let mut inst = Instance::with_capacity(base.values.clone(), n as usize, 0);
        for j in 0..n {
            let mut pre = base.prerequisites(j).to_vec();
            if j > 0 && j % every == 0 {
                pre.push(j / 2);
            }
            pre.sort_unstable();
            pre.dedup();
            inst.push(base.cost(j), base.hours(j), base.covers(j), &pre);
        }
        inst.finish();
        inst
    }
}
