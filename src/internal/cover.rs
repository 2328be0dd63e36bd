//! Set cover with prerequisite closures: the solvers behind course recommendation.
//!
//! An [`Instance`] has elements (gaps to close, each with a value) and candidates (courses,
//! each with a selection cost, real hours, the elements it closes and the candidates it
//! requires, transitively). Choosing a candidate chooses its whole closure. Indices are local
//! and ordered so that a smaller index wins ties, which makes every solver deterministic.
//!
//! Everything is stored flat (compressed rows) and partial solutions are changed in place
//! with a journal that can be rolled back, so local search and branch and bound allocate
//! little per step.

/// A cover problem.
#[derive(Clone, Debug, Default)]
pub(crate) struct Instance {
    /// Value of closing each element (budgeted mode); least-cost mode ignores it.
    pub(crate) values: Vec<f64>,
    /// Selection cost per candidate (hours, possibly weighted by a blend target).
    cost: Vec<f64>,
    /// Real hours per candidate, which a budget limits.
    hours: Vec<f64>,
    cover_start: Vec<u32>,
    covers: Vec<u32>,
    closure_start: Vec<u32>,
    closures: Vec<u32>,
}

impl Instance {
    /// An instance with these element values and no candidates yet.
    pub(crate) fn new(values: Vec<f64>) -> Instance {
        Instance {
            values,
            cover_start: vec![0],
            closure_start: vec![0],
            ..Instance::default()
        }
    }

    /// An instance with room for `candidates` candidates closing `pairs` elements in all.
    pub(crate) fn with_capacity(values: Vec<f64>, candidates: usize, pairs: usize) -> Instance {
        let mut inst = Instance::new(values);
        inst.cost.reserve(candidates);
        inst.hours.reserve(candidates);
        inst.cover_start.reserve(candidates);
        inst.closure_start.reserve(candidates);
        inst.covers.reserve(pairs);
        inst
    }

    /// Adds a candidate. `covers` and `closure` are sorted; `closure` holds earlier or later
    /// candidate indices, never the candidate itself.
    pub(crate) fn push(&mut self, cost: f64, hours: f64, covers: &[u32], closure: &[u32]) {
        self.cost.push(cost);
        self.hours.push(hours);
        self.covers.extend_from_slice(covers);
        self.cover_start.push(self.covers.len() as u32);
        self.closures.extend_from_slice(closure);
        self.closure_start.push(self.closures.len() as u32);
    }

    /// How many candidates there are.
    pub(crate) fn len(&self) -> usize {
        self.cost.len()
    }

    /// The elements candidate `c` closes, sorted.
    pub(crate) fn covers(&self, c: u32) -> &[u32] {
        let c = c as usize;
        &self.covers[self.cover_start[c] as usize..self.cover_start[c + 1] as usize]
    }

    /// The candidates `c` requires, transitively, sorted.
    pub(crate) fn closure(&self, c: u32) -> &[u32] {
        let c = c as usize;
        &self.closures[self.closure_start[c] as usize..self.closure_start[c + 1] as usize]
    }

    /// Sum of selection costs of a set, in the order given.
    pub(crate) fn cost_of(&self, chosen: &[u32]) -> f64 {
        // Folded from +0.0: an empty `f64` sum is -0.0.
        chosen
            .iter()
            .fold(0.0, |sum, &c| sum + self.cost[c as usize])
    }

    /// Elements some candidate closes.
    fn coverable(&self) -> Vec<bool> {
        let mut ok = vec![false; self.values.len()];
        for &e in &self.covers {
            ok[e as usize] = true;
        }
        ok
    }
}

/// A solution: chosen candidates (closed under prerequisites), sorted.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Solution {
    pub(crate) chosen: Vec<u32>,
    pub(crate) cost: f64,
    /// Whether the solver proved it optimal.
    pub(crate) proven: bool,
    /// Search nodes used (exact solvers).
    pub(crate) nodes: u64,
}

/// A point to roll a [`State`] back to.
#[derive(Clone, Copy)]
pub(crate) struct Mark {
    journal: usize,
    cost: f64,
    hours: f64,
}

/// A partial solution, changed in place and journalled.
struct State {
    chosen: Vec<bool>,
    /// How many chosen candidates close each element.
    cover_count: Vec<u32>,
    cost: f64,
    hours: f64,
    /// `(candidate, chosen afterwards)` for every change since the journal was cleared.
    journal: Vec<(u32, bool)>,
}

impl State {
    fn new(inst: &Instance) -> State {
        State {
            chosen: vec![false; inst.len()],
            cover_count: vec![0; inst.values.len()],
            cost: 0.0,
            hours: 0.0,
            journal: Vec::new(),
        }
    }

    fn mark(&self) -> Mark {
        Mark {
            journal: self.journal.len(),
            cost: self.cost,
            hours: self.hours,
        }
    }

    /// Undoes every change since `mark`, restoring the totals exactly.
    fn revert(&mut self, inst: &Instance, mark: Mark) {
        while self.journal.len() > mark.journal {
            let Some((c, on)) = self.journal.pop() else {
                break;
            };
            self.flip(inst, c, !on);
        }
        self.cost = mark.cost;
        self.hours = mark.hours;
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

    fn set(&mut self, inst: &Instance, c: u32, on: bool) {
        if self.chosen[c as usize] != on {
            self.flip(inst, c, on);
            let sign = if on { 1.0 } else { -1.0 };
            self.cost += sign * inst.cost[c as usize];
            self.hours += sign * inst.hours[c as usize];
            self.journal.push((c, on));
        }
    }

    /// Chooses `c` with its closure.
    fn choose(&mut self, inst: &Instance, c: u32) {
        for &p in inst.closure(c) {
            self.set(inst, p, true);
        }
        self.set(inst, c, true);
    }

    /// Chooses `c` with its closure, appending the elements this newly closes.
    fn choose_tracking(&mut self, inst: &Instance, c: u32, newly: &mut Vec<u32>) {
        for &p in inst.closure(c).iter().chain(std::iter::once(&c)) {
            if !self.chosen[p as usize] {
                newly.extend(
                    inst.covers(p)
                        .iter()
                        .filter(|&&e| self.cover_count[e as usize] == 0),
                );
                self.set(inst, p, true);
            }
        }
    }

    fn marginal(&self, inst: &Instance, c: u32, of: &[f64]) -> f64 {
        let closure = inst.closure(c);
        let own = if self.chosen[c as usize] {
            0.0
        } else {
            of[c as usize]
        };
        if closure.is_empty() {
            return own;
        }
        let mut sum = 0.0;
        for &p in closure {
            if !self.chosen[p as usize] {
                sum += of[p as usize];
            }
        }
        sum + own
    }

    /// Selection cost of the part of `c`'s closure (with `c`) not yet chosen.
    fn marginal_cost(&self, inst: &Instance, c: u32) -> f64 {
        self.marginal(inst, c, &inst.cost)
    }

    /// Real hours of the part of `c`'s closure (with `c`) not yet chosen.
    fn marginal_hours(&self, inst: &Instance, c: u32) -> f64 {
        self.marginal(inst, c, &inst.hours)
    }

    /// Value of the elements `c` and its unchosen closure would newly close (each once):
    /// their count, or their summed values when `weighted`.
    fn marginal_gain(&self, inst: &Instance, c: u32, weighted: bool, seen: &mut Vec<u32>) -> f64 {
        if inst.closure(c).is_empty() {
            // No prerequisites: the candidate's own open elements, each listed once.
            if self.chosen[c as usize] {
                return 0.0;
            }
            let open = inst
                .covers(c)
                .iter()
                .filter(|&&e| self.cover_count[e as usize] == 0);
            return if weighted {
                open.map(|&e| inst.values[e as usize]).sum()
            } else {
                open.count() as f64
            };
        }
        seen.clear();
        for &p in inst.closure(c).iter().chain(std::iter::once(&c)) {
            if self.chosen[p as usize] {
                continue;
            }
            for &e in inst.covers(p) {
                // Closures are small, so a linear check beats sorting.
                if self.cover_count[e as usize] == 0 && !seen.contains(&e) {
                    seen.push(e);
                }
            }
        }
        if weighted {
            seen.iter().map(|&e| inst.values[e as usize]).sum()
        } else {
            seen.len() as f64
        }
    }

    fn chosen_list(&self) -> Vec<u32> {
        (0..self.chosen.len() as u32)
            .filter(|&c| self.chosen[c as usize])
            .collect()
    }

    /// Total value of the elements closed.
    fn value(&self, inst: &Instance) -> f64 {
        self.cover_count
            .iter()
            .zip(&inst.values)
            .filter(|(n, _)| **n > 0)
            .fold(0.0, |sum, (_, v)| sum + v)
    }

    /// The chosen set, its cost summed afresh in index order so equal sets give equal costs.
    fn solution(&self, inst: &Instance, proven: bool, nodes: u64) -> Solution {
        let chosen = self.chosen_list();
        Solution {
            cost: inst.cost_of(&chosen),
            chosen,
            proven,
            nodes,
        }
    }
}

/// Whether `(gain, cost)` beats `(best_gain, best_cost)`: a higher gain per unit cost (a
/// zero cost counts as infinitely cost-effective), then the lower cost. Equal pairs do not
/// beat each other, so the earlier index wins.
fn beats(gain: f64, cost: f64, best_gain: f64, best_cost: f64) -> bool {
    match (gain / cost).total_cmp(&(best_gain / best_cost)) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal => cost < best_cost,
    }
}

/// Rows of `u32`s built from `(row, value)` pairs: a compact `Vec<Vec<u32>>`.
struct Rows {
    start: Vec<u32>,
    items: Vec<u32>,
}

impl Rows {
    fn new(rows: usize, pairs: impl Iterator<Item = (u32, u32)> + Clone) -> Rows {
        let mut start = vec![0u32; rows + 1];
        for (r, _) in pairs.clone() {
            start[r as usize + 1] += 1;
        }
        for r in 0..rows {
            start[r + 1] += start[r];
        }
        let mut fill = start.clone();
        let mut items = vec![0; start[rows] as usize];
        // Pairs come in increasing value order per row, so rows stay sorted.
        for (r, v) in pairs {
            items[fill[r as usize] as usize] = v;
            fill[r as usize] += 1;
        }
        Rows { start, items }
    }

    fn row(&self, r: u32) -> &[u32] {
        &self.items[self.start[r as usize] as usize..self.start[r as usize + 1] as usize]
    }
}

/// Indexes derived once from an instance, and reusable buffers.
struct Index {
    /// The candidates closing each element.
    closers: Rows,
    /// The candidates requiring each candidate, transitively.
    required_by: Rows,
}

impl Index {
    fn new(inst: &Instance) -> Index {
        let n = inst.len() as u32;
        let closers = Rows::new(
            inst.values.len(),
            (0..n).flat_map(|c| inst.covers(c).iter().map(move |&e| (e, c))),
        );
        let required_by = Rows::new(
            inst.len(),
            (0..n).flat_map(|c| inst.closure(c).iter().map(move |&p| (p, c))),
        );
        Index {
            closers,
            required_by,
        }
    }

    /// Whether taking chosen `out` away could be repaired: every element only it closes has
    /// another candidate closing it that does not require `out`.
    fn replaceable(&self, inst: &Instance, state: &State, out: u32) -> bool {
        inst.covers(out).iter().all(|&e| {
            state.cover_count[e as usize] > 1
                || self
                    .closers
                    .row(e)
                    .iter()
                    .any(|&d| d != out && inst.closure(d).binary_search(&out).is_err())
        })
    }

    /// Whether another chosen candidate requires `c`.
    fn required_by_chosen(&self, state: &State, c: u32) -> bool {
        self.required_by
            .row(c)
            .iter()
            .any(|&d| state.chosen[d as usize])
    }

    /// Whether `c` is chosen and can go: nothing chosen requires it and every element it
    /// closes stays closed.
    fn redundant(&self, inst: &Instance, state: &State, c: u32) -> bool {
        state.chosen[c as usize]
            && inst
                .covers(c)
                .iter()
                .all(|&e| state.cover_count[e as usize] > 1)
            && !self.required_by_chosen(state, c)
    }
}

/// Sorts candidates most expensive first, ties by index, and drops repeats.
fn most_expensive_first(inst: &Instance, list: &mut Vec<u32>) {
    list.sort_unstable_by(|&a, &b| {
        inst.cost[b as usize]
            .total_cmp(&inst.cost[a as usize])
            .then(a.cmp(&b))
    });
    list.dedup();
}

/// The chosen candidates, most expensive first.
fn chosen_by_cost(inst: &Instance, state: &State) -> Vec<u32> {
    let mut order = state.chosen_list();
    most_expensive_first(inst, &mut order);
    order
}

/// Buffers reused across greedy completions.
#[derive(Default)]
struct Scratch {
    pooled: Vec<bool>,
    pool: Vec<u32>,
    gain: Vec<u32>,
    newly: Vec<u32>,
    seen: Vec<u32>,
    touched: Vec<u32>,
}

/// Greedy least-cost cover of every coverable element: repeatedly choose the candidate
/// (with its unchosen prerequisites) closing the most new elements per unit of marginal
/// cost; ties go to the smaller marginal cost, then the smaller index. Then [`clean_up`]
/// removes redundant picks and tries improving exchanges.
///
/// # Guarantee
/// Costs at most `H(g)` times the cheapest cover in which every pick pays its whole
/// prerequisite closure (`g`: most elements one closure closes; `H(g) ≤ ln g + 1`). Without
/// shared prerequisites that is the true optimum. The clean-up only lowers the cost.
///
/// # Complexity
/// O(k · m) for k picks and m candidates, plus O(Σ covers) to keep gains current; the
/// clean-up repeats a greedy completion over a few candidates per pick while it improves.
pub(crate) fn greedy_cover(inst: &Instance) -> Solution {
    let index = Index::new(inst);
    let mut scratch = Scratch {
        pooled: vec![false; inst.len()],
        gain: vec![0; inst.len()],
        ..Scratch::default()
    };
    let mut state = State::new(inst);
    complete_greedily(inst, &index, &mut state, None, &mut scratch);
    let order = chosen_by_cost(inst, &state);
    remove_redundant(inst, &index, &mut state, &order);
    clean_up(inst, &index, &mut state, &mut scratch);
    state.solution(inst, false, 0)
}

/// Adds candidates greedily until every coverable element is closed, never choosing
/// `banned` (directly or as a prerequisite). Returns whether everything coverable was closed.
///
/// Only candidates closing a still-open element can gain anything, so only those are
/// scanned: after an exchange removes one pick, that is a handful.
fn complete_greedily(
    inst: &Instance,
    index: &Index,
    state: &mut State,
    banned: Option<u32>,
    s: &mut Scratch,
) -> bool {
    s.pool.clear();
    let mut left = 0usize;
    for e in 0..inst.values.len() {
        let closers = index.closers.row(e as u32);
        if state.cover_count[e] == 0 && !closers.is_empty() {
            left += 1;
            for &c in closers {
                if !s.pooled[c as usize] {
                    s.pooled[c as usize] = true;
                    s.pool.push(c);
                }
            }
        }
    }
    for &c in &s.pool {
        s.pooled[c as usize] = false;
    }
    // Scanned in index order so that ties go to the smaller index.
    s.pool.sort_unstable();
    s.pool.retain(|&c| {
        !state.chosen[c as usize]
            && banned.is_none_or(|b| b != c && inst.closure(c).binary_search(&b).is_err())
    });
    // New elements each pooled candidate alone would close, kept current as elements get
    // closed; candidates with prerequisites are evaluated afresh, their closure changes too.
    for &c in &s.pool {
        s.gain[c as usize] = inst
            .covers(c)
            .iter()
            .filter(|&&e| state.cover_count[e as usize] == 0)
            .count() as u32;
    }
    if s.pool.len() > LAZY_FROM {
        return lazy_greedy(inst, index, state, s, left);
    }
    while left > 0 {
        let mut best: Option<(u32, f64, f64)> = None;
        for &c in &s.pool {
            if state.chosen[c as usize] {
                continue;
            }
            let (gain, cost) = evaluate(inst, state, &s.gain, &mut s.seen, c);
            if gain == 0.0 {
                continue;
            }
            if best.is_none_or(|(_, bg, bc)| beats(gain, cost, bg, bc)) {
                best = Some((c, gain, cost));
            }
        }
        let Some((c, _, _)) = best else { return false };
        left -= take(inst, index, state, s, c);
    }
    true
}

/// Pools larger than this use lazy evaluation.
const LAZY_FROM: usize = 24;

/// The gain (new elements) and marginal cost of choosing `c` now.
fn evaluate(
    inst: &Instance,
    state: &State,
    gains: &[u32],
    seen: &mut Vec<u32>,
    c: u32,
) -> (f64, f64) {
    if inst.closure(c).is_empty() {
        (f64::from(gains[c as usize]), inst.cost[c as usize])
    } else {
        (
            state.marginal_gain(inst, c, false, seen),
            state.marginal_cost(inst, c),
        )
    }
}

/// Chooses `c` and keeps the cached gains current; returns how many elements it closed.
fn take(inst: &Instance, index: &Index, state: &mut State, s: &mut Scratch, c: u32) -> usize {
    s.newly.clear();
    state.choose_tracking(inst, c, &mut s.newly);
    for &e in &s.newly {
        for &d in index.closers.row(e) {
            s.gain[d as usize] = s.gain[d as usize].saturating_sub(1);
        }
    }
    s.newly.len()
}

/// A heap entry: candidate `c` with a key at least its true (gain / cost, −cost, −index).
#[derive(Clone, Copy)]
struct Entry {
    ratio: f64,
    cost: f64,
    c: u32,
}

impl Entry {
    fn new(gain: f64, cost: f64, c: u32) -> Entry {
        Entry {
            ratio: gain / cost,
            cost,
            c,
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

/// The same choices as the scan in [`complete_greedily`], with lazy evaluation: every
/// candidate's best entry in the heap is at least its current key, because a gain only
/// falls as elements close and a marginal cost only falls when a prerequisite is chosen,
/// which pushes a fresh entry for the candidates requiring it. An entry whose fresh key is
/// still the best is chosen; otherwise it goes back with its fresh key.
fn lazy_greedy(
    inst: &Instance,
    index: &Index,
    state: &mut State,
    s: &mut Scratch,
    mut left: usize,
) -> bool {
    let mut heap = std::collections::BinaryHeap::with_capacity(s.pool.len());
    for &c in &s.pool {
        let (gain, cost) = evaluate(inst, state, &s.gain, &mut s.seen, c);
        if gain > 0.0 {
            heap.push(Entry::new(gain, cost, c));
        }
    }
    let mut completed = true;
    while left > 0 {
        let Some(top) = heap.pop() else {
            completed = false;
            break;
        };
        if state.chosen[top.c as usize] {
            continue;
        }
        let (gain, cost) = evaluate(inst, state, &s.gain, &mut s.seen, top.c);
        if gain == 0.0 {
            continue;
        }
        let fresh = Entry::new(gain, cost, top.c);
        if heap.peek().is_some_and(|next| next > &fresh) {
            heap.push(fresh);
            continue;
        }
        let mark = state.journal.len();
        left -= take(inst, index, state, s, top.c);
        // Candidates whose prerequisites were just chosen may have become cheaper.
        for j in mark..state.journal.len() {
            let (p, _) = state.journal[j];
            for &d in index.required_by.row(p) {
                if !state.chosen[d as usize] {
                    let (gain, cost) = evaluate(inst, state, &s.gain, &mut s.seen, d);
                    if gain > 0.0 {
                        heap.push(Entry::new(gain, cost, d));
                    }
                }
            }
        }
    }
    completed
}

/// Removes redundant chosen candidates among `order` (most expensive first), repeating
/// while a pass removes something, since a removal can free a prerequisite.
fn remove_redundant(inst: &Instance, index: &Index, state: &mut State, order: &[u32]) {
    loop {
        let mut removed = false;
        for &c in order {
            if index.redundant(inst, state, c) {
                state.set(inst, c, false);
                removed = true;
            }
        }
        if !removed {
            return;
        }
    }
}

/// Local search after the greedy: for each chosen candidate that no other requires, most
/// expensive first, take it out (with prerequisites only it needed), close what it left open
/// greedily without it, drop picks that became redundant, and keep the exchange if the total
/// cost drops; otherwise roll it back. Repeats until no exchange improves, at most a bounded
/// number of rounds, so it always ends.
fn clean_up(inst: &Instance, index: &Index, state: &mut State, s: &mut Scratch) {
    let max_rounds = 4 * inst.len().max(1);
    for _ in 0..max_rounds {
        let order = chosen_by_cost(inst, state);
        let mut improved = false;
        for out in order {
            if !state.chosen[out as usize]
                || index.required_by_chosen(state, out)
                || !index.replaceable(inst, state, out)
            {
                continue;
            }
            state.journal.clear();
            let mark = state.mark();
            state.set(inst, out, false);
            remove_redundant(inst, index, state, inst.closure(out));
            if complete_greedily(inst, index, state, Some(out), s) {
                // Only picks sharing an element with what was added can have become redundant.
                s.touched.clear();
                for &(a, on) in &state.journal[mark.journal..] {
                    if on {
                        for &e in inst.covers(a) {
                            s.touched.extend(
                                index
                                    .closers
                                    .row(e)
                                    .iter()
                                    .filter(|&&d| state.chosen[d as usize]),
                            );
                        }
                    }
                }
                most_expensive_first(inst, &mut s.touched);
                let touched = std::mem::take(&mut s.touched);
                remove_redundant(inst, index, state, &touched);
                s.touched = touched;
                if state.cost < mark.cost - 1e-9 {
                    improved = true;
                    break;
                }
            }
            state.revert(inst, mark);
        }
        state.journal.clear();
        if !improved {
            return;
        }
    }
}

/// Deepest recursion the exact searches go to. Beyond it they stop as at the node limit
/// (best plan found, not proven optimal), so no input can exhaust the stack.
pub(crate) const MAX_DEPTH: usize = 1_000;

/// Exact least-cost cover by branch and bound, within `node_limit` search nodes.
///
/// Branches on the open element with the fewest candidates, trying each candidate that
/// closes it (cheapest marginal cost first); prunes with the bound "current cost plus the
/// largest, over open elements, of the cheapest marginal cost closing it". Starts from the
/// greedy solution, so it always returns a cover at least as good.
pub(crate) fn exact_cover(inst: &Instance, node_limit: u64) -> Solution {
    let index = Index::new(inst);
    let greedy = greedy_cover(inst);
    let mut search = Search {
        inst,
        index: &index,
        coverable: inst.coverable(),
        best_cost: greedy.cost,
        best: greedy.chosen,
        nodes: 0,
        limit: node_limit,
        exhausted: false,
    };
    let mut state = State::new(inst);
    search.branch(&mut state, 0);
    Solution {
        cost: inst.cost_of(&search.best),
        chosen: search.best,
        proven: !search.exhausted,
        nodes: search.nodes,
    }
}

struct Search<'a> {
    inst: &'a Instance,
    index: &'a Index,
    coverable: Vec<bool>,
    best_cost: f64,
    best: Vec<u32>,
    nodes: u64,
    limit: u64,
    exhausted: bool,
}

impl Search<'_> {
    fn branch(&mut self, state: &mut State, depth: usize) {
        if self.nodes >= self.limit || depth >= MAX_DEPTH {
            self.exhausted = true;
            return;
        }
        self.nodes += 1;
        let mut pick: Option<(u32, usize)> = None;
        let mut bound = 0.0f64;
        for e in 0..self.coverable.len() as u32 {
            if !self.coverable[e as usize] || state.cover_count[e as usize] > 0 {
                continue;
            }
            let closers = self.index.closers.row(e);
            if pick.is_none_or(|(_, n)| closers.len() < n) {
                pick = Some((e, closers.len()));
            }
            let cheapest = closers
                .iter()
                .map(|&c| state.marginal_cost(self.inst, c))
                .fold(f64::INFINITY, f64::min);
            bound = bound.max(cheapest);
        }
        let Some((e, _)) = pick else {
            if state.cost < self.best_cost - 1e-9 {
                self.best_cost = state.cost;
                self.best = state.chosen_list();
            }
            return;
        };
        if state.cost + bound >= self.best_cost - 1e-9 {
            return;
        }
        let mut options: Vec<(f64, u32)> = self
            .index
            .closers
            .row(e)
            .iter()
            .map(|&c| (state.marginal_cost(self.inst, c), c))
            .collect();
        options.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        for (_, c) in options {
            let mark = state.mark();
            state.choose(self.inst, c);
            self.branch(state, depth + 1);
            state.revert(self.inst, mark);
            if self.exhausted {
                return;
            }
        }
    }
}

/// Greedy budgeted cover: the better of (a) repeatedly choosing the affordable candidate
/// with the most new value per unit of marginal cost, and (b) the single most valuable
/// affordable closure.
///
/// # Guarantee
/// Without shared prerequisites, at least `(1 − 1/e)/2 ≈ 0.316` of the optimal value
/// (Khuller, Moss and Naor, 1999).
pub(crate) fn greedy_budget(inst: &Instance, budget: f64) -> Solution {
    let index = Index::new(inst);
    let mut state = State::new(inst);
    let mut seen = Vec::new();
    loop {
        let mut best: Option<(u32, f64, f64)> = None;
        for c in 0..inst.len() as u32 {
            if state.chosen[c as usize]
                || state.hours + state.marginal_hours(inst, c) > budget + 1e-9
            {
                continue;
            }
            let gain = state.marginal_gain(inst, c, true, &mut seen);
            if gain <= 0.0 {
                continue;
            }
            let cost = state.marginal_cost(inst, c);
            if best.is_none_or(|(_, bg, bc)| beats(gain, cost, bg, bc)) {
                best = Some((c, gain, cost));
            }
        }
        let Some((c, _, _)) = best else { break };
        state.choose(inst, c);
    }
    let order = chosen_by_cost(inst, &state);
    remove_redundant(inst, &index, &mut state, &order);
    let greedy_value = state.value(inst);
    let empty = State::new(inst);
    let mut single: Option<(f64, u32)> = None;
    for c in 0..inst.len() as u32 {
        if empty.marginal_hours(inst, c) <= budget + 1e-9 {
            let v = empty.marginal_gain(inst, c, true, &mut seen);
            if single.is_none_or(|(bv, _)| v > bv) {
                single = Some((v, c));
            }
        }
    }
    if let Some((v, c)) = single
        && v > greedy_value + 1e-9
    {
        let mut s = State::new(inst);
        s.choose(inst, c);
        return s.solution(inst, false, 0);
    }
    state.solution(inst, false, 0)
}

/// Value closed by a set of chosen candidates.
pub(crate) fn value_of_chosen(inst: &Instance, chosen: &[u32]) -> f64 {
    let mut state = State::new(inst);
    for &c in chosen {
        state.set(inst, c, true);
    }
    state.value(inst)
}

/// Exact budgeted cover by branch and bound over include/exclude decisions, within
/// `node_limit` nodes. The bound is the value already closed plus every element still
/// closable by an undecided, affordable candidate. Starts from the greedy solution; among
/// plans of equal value it keeps the one with fewer hours.
pub(crate) fn exact_budget(inst: &Instance, budget: f64, node_limit: u64) -> Solution {
    let greedy = greedy_budget(inst, budget);
    let mut b = BudgetSearch {
        inst,
        budget,
        best_value: value_of_chosen(inst, &greedy.chosen),
        best_cost: greedy.cost,
        best: greedy.chosen,
        nodes: 0,
        limit: node_limit,
        exhausted: false,
    };
    let mut state = State::new(inst);
    let mut excluded = vec![false; inst.len()];
    b.branch(&mut state, &mut excluded, 0, 0);
    Solution {
        cost: inst.cost_of(&b.best),
        chosen: b.best,
        proven: !b.exhausted,
        nodes: b.nodes,
    }
}

struct BudgetSearch<'a> {
    inst: &'a Instance,
    budget: f64,
    best_value: f64,
    best_cost: f64,
    best: Vec<u32>,
    nodes: u64,
    limit: u64,
    exhausted: bool,
}

impl BudgetSearch<'_> {
    fn branch(&mut self, state: &mut State, excluded: &mut [bool], next: usize, depth: usize) {
        if self.nodes >= self.limit || depth >= MAX_DEPTH {
            self.exhausted = true;
            return;
        }
        self.nodes += 1;
        let value = state.value(self.inst);
        if value > self.best_value + 1e-9
            || (value > self.best_value - 1e-9 && state.cost < self.best_cost - 1e-9)
        {
            self.best_value = value;
            self.best_cost = state.cost;
            self.best = state.chosen_list();
        }
        // Optimistic bound: every element an undecided, affordable candidate closes.
        let mut reachable: Vec<bool> = state.cover_count.iter().map(|&n| n > 0).collect();
        for (c, &out) in excluded.iter().enumerate().skip(next) {
            if out
                || state.chosen[c]
                || state.hours + state.marginal_hours(self.inst, c as u32) > self.budget + 1e-9
            {
                continue;
            }
            for &e in self.inst.covers(c as u32) {
                reachable[e as usize] = true;
            }
        }
        let bound: f64 = reachable
            .iter()
            .zip(&self.inst.values)
            .filter(|(r, _)| **r)
            .map(|(_, v)| v)
            .sum();
        if bound < self.best_value + 1e-9 {
            return;
        }
        let Some(c) = (next..self.inst.len()).find(|&c| !excluded[c] && !state.chosen[c]) else {
            return;
        };
        let hours = state.marginal_hours(self.inst, c as u32);
        let closure_ok = self
            .inst
            .closure(c as u32)
            .iter()
            .all(|&p| !excluded[p as usize]);
        if closure_ok && state.hours + hours <= self.budget + 1e-9 {
            let mark = state.mark();
            state.choose(self.inst, c as u32);
            self.branch(state, excluded, c + 1, depth + 1);
            state.revert(self.inst, mark);
            if self.exhausted {
                return;
            }
        }
        excluded[c] = true;
        self.branch(state, excluded, c + 1, depth + 1);
        excluded[c] = false;
    }
}

/// One instance's partial solution, extended one step at a time by an outer search (the
/// department planner), which owns the constraints shared across instances.
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
        self.state.marginal_hours(inst, c)
    }

    /// Value `c` with its unchosen closure would newly close.
    pub(crate) fn gain(&self, inst: &Instance, c: u32, seen: &mut Vec<u32>) -> f64 {
        self.state.marginal_gain(inst, c, true, seen)
    }

    /// The candidates `c` would add: itself and its unchosen closure.
    pub(crate) fn pending<'a>(
        &'a self,
        inst: &'a Instance,
        c: u32,
    ) -> impl Iterator<Item = u32> + 'a {
        inst.closure(c)
            .iter()
            .copied()
            .chain(std::iter::once(c))
            .filter(|&p| !self.state.chosen[p as usize])
    }

    /// The step with the most value per real hour among candidates adding at most
    /// `hours_left` hours and whose every added candidate passes `allowed`; ties go to fewer
    /// hours, then the smaller index.
    pub(crate) fn best_step(
        &self,
        inst: &Instance,
        hours_left: f64,
        allowed: impl Fn(u32) -> bool,
        seen: &mut Vec<u32>,
    ) -> Option<StepChoice> {
        let mut best: Option<StepChoice> = None;
        for c in 0..inst.len() as u32 {
            if self.state.chosen[c as usize] {
                continue;
            }
            let hours = self.state.marginal_hours(inst, c);
            if hours > hours_left + 1e-9 || !self.pending(inst, c).all(&allowed) {
                continue;
            }
            let gain = self.state.marginal_gain(inst, c, true, seen);
            if gain <= 0.0 {
                continue;
            }
            if best.is_none_or(|b| beats(gain, hours, b.gain, b.hours)) {
                best = Some(StepChoice {
                    cand: c,
                    gain,
                    hours,
                });
            }
        }
        best
    }

    /// Chooses `c` with its closure, appending the candidates newly chosen.
    pub(crate) fn take(&mut self, inst: &Instance, c: u32, added: &mut Vec<u32>) {
        added.extend(self.pending(inst, c));
        self.state.choose(inst, c);
    }

    /// A point to roll back to with [`Stepper::revert`].
    pub(crate) fn mark(&self) -> Mark {
        self.state.mark()
    }

    /// Undoes every step since `mark`.
    pub(crate) fn revert(&mut self, inst: &Instance, mark: Mark) {
        self.state.revert(inst, mark);
    }

    /// Forgets the undo history (after which earlier marks are invalid).
    pub(crate) fn commit(&mut self) {
        self.state.journal.clear();
    }

    /// Drops chosen candidates that close nothing others do not and that nothing chosen
    /// requires, appending them to `removed`.
    pub(crate) fn drop_redundant(&mut self, inst: &Instance, removed: &mut Vec<u32>) {
        let index = Index::new(inst);
        let order = chosen_by_cost(inst, &self.state);
        let from = self.state.journal.len();
        remove_redundant(inst, &index, &mut self.state, &order);
        removed.extend(
            self.state.journal[from..]
                .iter()
                .filter(|&&(_, on)| !on)
                .map(|&(c, _)| c),
        );
        self.state.journal.clear();
    }

    /// The chosen candidates, sorted.
    pub(crate) fn chosen(&self) -> Vec<u32> {
        self.state.chosen_list()
    }
}

#[cfg(test)]
// Values here are sums of ones, exact in floating point.
#[allow(clippy::float_cmp)]
mod tests {
    use super::*;

    /// `n` candidates, candidate `i` closing element `i` alone for one hour.
    fn disjoint(n: u32) -> Instance {
        let mut inst = Instance::with_capacity(vec![1.0; n as usize], n as usize, n as usize);
        for i in 0..n {
            inst.push(1.0, 1.0, &[i], &[]);
        }
        inst
    }

    #[test]
    fn deep_searches_stop_at_the_depth_bound_instead_of_the_stack() {
        let inst = disjoint(5_000);
        let cover = exact_cover(&inst, u64::MAX);
        assert!(!cover.proven, "5,000 picks are deeper than the bound");
        assert_eq!(cover.chosen.len(), 5_000, "the greedy cover is kept");
        // Half an hour short of taking everything: the bound keeps the search going deep.
        let budget = exact_budget(&inst, 4_999.5, u64::MAX);
        assert!(!budget.proven);
        assert_eq!(
            value_of_chosen(&inst, &budget.chosen),
            4_999.0,
            "the greedy plan is kept"
        );
    }

    #[test]
    fn shallow_searches_are_proven() {
        let inst = disjoint(20);
        assert!(exact_cover(&inst, 1_000_000).proven);
        assert!(exact_budget(&inst, 7.0, 1_000_000).proven);
    }
}
