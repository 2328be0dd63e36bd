//! Set cover with prerequisite closures: the solvers behind course recommendation.
//!
//! An [`Instance`] has elements (gaps to close, each with a value) and candidates (courses,
//! each with a selection cost, the elements it closes and the candidates it requires,
//! transitively). Choosing a candidate chooses its whole closure. Indices are local and
//! ordered so that a smaller index wins ties, which makes every solver deterministic.

/// One candidate course.
#[derive(Clone, Debug, Default)]
pub(crate) struct Cand {
    /// Cost used for selection (hours, possibly weighted by a blend target).
    pub(crate) cost: f64,
    /// Real hours, which a budget limits.
    pub(crate) hours: f64,
    /// Elements it closes, sorted.
    pub(crate) covers: Vec<u32>,
    /// Candidates it requires, transitively, sorted; never itself.
    pub(crate) closure: Vec<u32>,
}

/// A cover problem.
#[derive(Clone, Debug, Default)]
pub(crate) struct Instance {
    /// Value of closing each element (budgeted mode); least-hours mode ignores it.
    pub(crate) values: Vec<f64>,
    pub(crate) cands: Vec<Cand>,
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

/// Mutable state of a partial solution.
#[derive(Clone)]
struct State {
    chosen: Vec<bool>,
    /// How many chosen candidates close each element.
    cover_count: Vec<u32>,
    cost: f64,
    hours: f64,
}

impl State {
    fn new(inst: &Instance) -> State {
        State {
            chosen: vec![false; inst.cands.len()],
            cover_count: vec![0; inst.values.len()],
            cost: 0.0,
            hours: 0.0,
        }
    }

    fn choose_one(&mut self, inst: &Instance, c: u32) {
        if !self.chosen[c as usize] {
            self.chosen[c as usize] = true;
            self.cost += inst.cands[c as usize].cost;
            self.hours += inst.cands[c as usize].hours;
            for &e in &inst.cands[c as usize].covers {
                self.cover_count[e as usize] += 1;
            }
        }
    }

    fn choose(&mut self, inst: &Instance, c: u32) {
        for &p in &inst.cands[c as usize].closure {
            self.choose_one(inst, p);
        }
        self.choose_one(inst, c);
    }

    fn unchoose_one(&mut self, inst: &Instance, c: u32) {
        if self.chosen[c as usize] {
            self.chosen[c as usize] = false;
            self.cost -= inst.cands[c as usize].cost;
            self.hours -= inst.cands[c as usize].hours;
            for &e in &inst.cands[c as usize].covers {
                self.cover_count[e as usize] -= 1;
            }
        }
    }

    /// Selection cost of the part of `c`'s closure (with `c`) not yet chosen.
    fn marginal_cost(&self, inst: &Instance, c: u32) -> f64 {
        self.marginal(inst, c, |cand| cand.cost)
    }

    /// Real hours of the part of `c`'s closure (with `c`) not yet chosen.
    fn marginal_hours(&self, inst: &Instance, c: u32) -> f64 {
        self.marginal(inst, c, |cand| cand.hours)
    }

    fn marginal(&self, inst: &Instance, c: u32, of: impl Fn(&Cand) -> f64) -> f64 {
        let mut sum = 0.0;
        for &p in inst.cands[c as usize]
            .closure
            .iter()
            .chain(std::iter::once(&c))
        {
            if !self.chosen[p as usize] {
                sum += of(&inst.cands[p as usize]);
            }
        }
        sum
    }

    /// Value of the elements `c` and its unchosen closure would newly close (each once).
    fn marginal_gain(&self, inst: &Instance, c: u32, weighted: bool, seen: &mut Vec<u32>) -> f64 {
        seen.clear();
        for &p in inst.cands[c as usize]
            .closure
            .iter()
            .chain(std::iter::once(&c))
        {
            if self.chosen[p as usize] {
                continue;
            }
            for &e in &inst.cands[p as usize].covers {
                if self.cover_count[e as usize] == 0 {
                    seen.push(e);
                }
            }
        }
        seen.sort_unstable();
        seen.dedup();
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

impl Instance {
    /// Elements some candidate closes.
    pub(crate) fn coverable(&self) -> Vec<bool> {
        let mut ok = vec![false; self.values.len()];
        for c in &self.cands {
            for &e in &c.covers {
                ok[e as usize] = true;
            }
        }
        ok
    }

    /// Sum of selection costs of a prerequisite-closed set.
    pub(crate) fn cost_of(&self, chosen: &[u32]) -> f64 {
        chosen.iter().map(|&c| self.cands[c as usize].cost).sum()
    }
}

/// Whether `(gain, cost)` beats `(best_gain, best_cost)`: a higher gain per unit cost
/// (compared by cross-multiplication, so zero costs count as infinitely cost-effective),
/// then the lower cost. Equal pairs do not beat each other, so the earlier index wins.
fn beats(gain: f64, cost: f64, best_gain: f64, best_cost: f64) -> bool {
    match (gain * best_cost).total_cmp(&(best_gain * cost)) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal => cost < best_cost,
    }
}

/// Greedy least-cost cover of every coverable element: repeatedly choose the candidate
/// (with its unchosen prerequisites) closing the most new elements per unit of marginal
/// cost; ties go to the smaller marginal cost, then the smaller index. Then
/// [`clean_up`] removes redundant picks and tries improving swaps.
///
/// # Guarantee
/// Costs at most `H(g)` times the cheapest cover in which every pick pays its whole
/// prerequisite closure (`g`: most elements one closure closes; `H(g) ≤ ln g + 1`). Without
/// shared prerequisites that is the true optimum.
pub(crate) fn greedy_cover(inst: &Instance) -> Solution {
    let coverable = inst.coverable();
    let mut state = State::new(inst);
    let mut left = coverable.iter().filter(|&&c| c).count();
    let mut seen = Vec::new();
    while left > 0 {
        let mut best: Option<(u32, f64, f64)> = None;
        for c in 0..inst.cands.len() as u32 {
            if state.chosen[c as usize] {
                continue;
            }
            let gain = state.marginal_gain(inst, c, false, &mut seen);
            if gain == 0.0 {
                continue;
            }
            let cost = state.marginal_cost(inst, c);
            let wins = match best {
                None => true,
                Some((_, bg, bc)) => beats(gain, cost, bg, bc),
            };
            if wins {
                best = Some((c, gain, cost));
            }
        }
        let Some((c, _, _)) = best else { break };
        state.choose(inst, c);
        left = coverable
            .iter()
            .enumerate()
            .filter(|&(e, &ok)| ok && state.cover_count[e] == 0)
            .count();
    }
    clean_up(inst, &mut state, &coverable);
    state.solution(inst, false, 0)
}

/// Whether candidate `c` is required by another chosen candidate.
fn required_by_chosen(inst: &Instance, state: &State, c: u32) -> bool {
    inst.cands
        .iter()
        .enumerate()
        .any(|(d, cand)| state.chosen[d] && cand.closure.binary_search(&c).is_ok())
}

/// Removes chosen candidates that no other chosen one requires and whose elements stay
/// covered, most expensive first; repeats until none can go.
fn remove_redundant(inst: &Instance, state: &mut State) {
    loop {
        let mut order: Vec<u32> = (0..inst.cands.len() as u32)
            .filter(|&c| state.chosen[c as usize])
            .collect();
        order.sort_by(|&a, &b| {
            inst.cands[b as usize]
                .cost
                .total_cmp(&inst.cands[a as usize].cost)
                .then(a.cmp(&b))
        });
        let removable = order.into_iter().find(|&c| {
            inst.cands[c as usize]
                .covers
                .iter()
                .all(|&e| state.cover_count[e as usize] > 1)
                && !required_by_chosen(inst, state, c)
        });
        match removable {
            Some(c) => state.unchoose_one(inst, c),
            None => return,
        }
    }
}

/// Redundancy removal, then first-improvement swaps: take out one chosen candidate that no
/// other requires and that is not a prerequisite, put in the cheapest single unchosen
/// candidate (with its closure) that restores coverage, keep it if the total cost drops.
/// Bounded by a pass count so it always ends.
fn clean_up(inst: &Instance, state: &mut State, coverable: &[bool]) {
    remove_redundant(inst, state);
    let max_passes = 4 * inst.cands.len().max(1);
    for _ in 0..max_passes {
        let mut improved = false;
        let chosen: Vec<u32> = (0..inst.cands.len() as u32)
            .filter(|&c| state.chosen[c as usize])
            .collect();
        'outer: for &out in &chosen {
            if required_by_chosen(inst, state, out) {
                continue;
            }
            let mut trial = state.clone();
            trial.unchoose_one(inst, out);
            // Prerequisites only `out` needed go too.
            remove_orphans(inst, &mut trial);
            let missing: Vec<u32> = (0..coverable.len() as u32)
                .filter(|&e| coverable[e as usize] && trial.cover_count[e as usize] == 0)
                .collect();
            for inn in 0..inst.cands.len() as u32 {
                if inn == out || trial.chosen[inn as usize] {
                    continue;
                }
                let cand = &inst.cands[inn as usize];
                let closes_all = missing.iter().all(|e| {
                    cand.covers.binary_search(e).is_ok()
                        || cand
                            .closure
                            .iter()
                            .any(|&p| inst.cands[p as usize].covers.binary_search(e).is_ok())
                });
                if !closes_all {
                    continue;
                }
                if trial.cost + trial.marginal_cost(inst, inn) < state.cost - 1e-9 {
                    trial.choose(inst, inn);
                    remove_redundant(inst, &mut trial);
                    *state = trial;
                    improved = true;
                    break 'outer;
                }
            }
        }
        if !improved {
            return;
        }
    }
}

/// Unchooses chosen candidates that close nothing uncovered-otherwise and that no chosen
/// candidate requires (prerequisites left behind by a removal).
fn remove_orphans(inst: &Instance, state: &mut State) {
    loop {
        let orphan = (0..inst.cands.len() as u32).find(|&c| {
            state.chosen[c as usize]
                && inst.cands[c as usize]
                    .covers
                    .iter()
                    .all(|&e| state.cover_count[e as usize] > 1)
                && !required_by_chosen(inst, state, c)
        });
        match orphan {
            Some(c) => state.unchoose_one(inst, c),
            None => return,
        }
    }
}

/// Exact least-cost cover by branch and bound, within `node_limit` search nodes.
///
/// Branches on the uncovered element with the fewest candidates, trying each candidate
/// that closes it (cheapest marginal cost first); prunes with the bound "current cost plus
/// the largest, over uncovered elements, of the cheapest marginal cost closing it". Starts
/// from the greedy solution, so it always returns a cover at least as good.
pub(crate) fn exact_cover(inst: &Instance, node_limit: u64) -> Solution {
    let coverable = inst.coverable();
    let mut closers: Vec<Vec<u32>> = vec![Vec::new(); inst.values.len()];
    for (c, cand) in inst.cands.iter().enumerate() {
        for &e in &cand.covers {
            closers[e as usize].push(c as u32);
        }
    }
    let greedy = greedy_cover(inst);
    let mut search = Search {
        inst,
        closers: &closers,
        coverable: &coverable,
        best_cost: greedy.cost,
        best: greedy.chosen,
        nodes: 0,
        limit: node_limit,
        exhausted: false,
    };
    let mut state = State::new(inst);
    search.branch(&mut state);
    let proven = !search.exhausted;
    Solution {
        cost: inst.cost_of(&search.best),
        chosen: search.best,
        proven,
        nodes: search.nodes,
    }
}

struct Search<'a> {
    inst: &'a Instance,
    closers: &'a [Vec<u32>],
    coverable: &'a [bool],
    best_cost: f64,
    best: Vec<u32>,
    nodes: u64,
    limit: u64,
    exhausted: bool,
}

impl Search<'_> {
    fn branch(&mut self, state: &mut State) {
        if self.nodes >= self.limit {
            self.exhausted = true;
            return;
        }
        self.nodes += 1;
        let mut pick: Option<(usize, usize)> = None;
        let mut bound = 0.0f64;
        for e in 0..self.coverable.len() {
            if !self.coverable[e] || state.cover_count[e] > 0 {
                continue;
            }
            let options = self.closers[e].len();
            if pick.is_none_or(|(_, n)| options < n) {
                pick = Some((e, options));
            }
            let cheapest = self.closers[e]
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
        let mut options: Vec<(f64, u32)> = self.closers[e]
            .iter()
            .map(|&c| (state.marginal_cost(self.inst, c), c))
            .collect();
        options.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        for (_, c) in options {
            let saved = state.clone();
            state.choose(self.inst, c);
            self.branch(state);
            *state = saved;
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
    let mut state = State::new(inst);
    let mut seen = Vec::new();
    loop {
        let mut best: Option<(u32, f64, f64)> = None;
        for c in 0..inst.cands.len() as u32 {
            if state.chosen[c as usize] {
                continue;
            }
            if state.hours + state.marginal_hours(inst, c) > budget + 1e-9 {
                continue;
            }
            let cost = state.marginal_cost(inst, c);
            let gain = state.marginal_gain(inst, c, true, &mut seen);
            if gain <= 0.0 {
                continue;
            }
            let wins = match best {
                None => true,
                Some((_, bg, bc)) => beats(gain, cost, bg, bc),
            };
            if wins {
                best = Some((c, gain, cost));
            }
        }
        let Some((c, _, _)) = best else { break };
        state.choose(inst, c);
    }
    remove_orphans(inst, &mut state);
    let greedy_value = value_of(inst, &state);
    let empty = State::new(inst);
    let single = (0..inst.cands.len() as u32)
        .filter(|&c| empty.marginal_hours(inst, c) <= budget + 1e-9)
        .map(|c| (empty.marginal_gain(inst, c, true, &mut seen), c))
        .fold(None::<(f64, u32)>, |acc, (v, c)| match acc {
            Some((bv, _)) if bv >= v => acc,
            _ => Some((v, c)),
        });
    if let Some((v, c)) = single
        && v > greedy_value + 1e-9
    {
        let mut s = State::new(inst);
        s.choose(inst, c);
        return s.solution(inst, false, 0);
    }
    state.solution(inst, false, 0)
}

/// Total value of the elements a state closes.
fn value_of(inst: &Instance, state: &State) -> f64 {
    state
        .cover_count
        .iter()
        .zip(&inst.values)
        .filter(|(n, _)| **n > 0)
        .map(|(_, v)| v)
        .sum()
}

/// Value closed by a set of chosen candidates.
pub(crate) fn value_of_chosen(inst: &Instance, chosen: &[u32]) -> f64 {
    let mut state = State::new(inst);
    for &c in chosen {
        state.choose_one(inst, c);
    }
    value_of(inst, &state)
}

/// Exact budgeted cover by branch and bound over include/exclude decisions, within
/// `node_limit` nodes. The bound is the value already closed plus every element still
/// closable by an undecided candidate. Starts from the greedy solution.
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
    let mut excluded = vec![false; inst.cands.len()];
    b.branch(&mut state, &mut excluded, 0);
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
    fn branch(&mut self, state: &mut State, excluded: &mut [bool], next: usize) {
        if self.nodes >= self.limit {
            self.exhausted = true;
            return;
        }
        self.nodes += 1;
        let value = value_of(self.inst, state);
        // Better value, or equal value for fewer hours.
        if value > self.best_value + 1e-9
            || (value > self.best_value - 1e-9 && state.cost < self.best_cost - 1e-9)
        {
            self.best_value = value;
            self.best_cost = state.cost;
            self.best = state.chosen_list();
        }
        // Optimistic bound: every element an undecided, affordable candidate closes.
        let mut reachable = state
            .cover_count
            .iter()
            .map(|&n| n > 0)
            .collect::<Vec<bool>>();
        for (c, cand) in self.inst.cands.iter().enumerate().skip(next) {
            if excluded[c]
                || state.chosen[c]
                || state.hours + state.marginal_hours(self.inst, c as u32) > self.budget + 1e-9
            {
                continue;
            }
            for &e in &cand.covers {
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
        let Some(c) = (next..self.inst.cands.len()).find(|&c| !excluded[c] && !state.chosen[c])
        else {
            return;
        };
        let hours = state.marginal_hours(self.inst, c as u32);
        let closure_ok = self.inst.cands[c]
            .closure
            .iter()
            .all(|&p| !excluded[p as usize]);
        if closure_ok && state.hours + hours <= self.budget + 1e-9 {
            let saved = state.clone();
            state.choose(self.inst, c as u32);
            self.branch(state, excluded, c + 1);
            *state = saved;
            if self.exhausted {
                return;
            }
        }
        excluded[c] = true;
        self.branch(state, excluded, c + 1);
        excluded[c] = false;
    }
}
