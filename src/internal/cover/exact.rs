//! Least-cost cover with a proven lower bound: the greedy, Lagrangian-guided repairs, and
//! branch and bound on Lagrangian bounds with reduced-cost fixing.

use super::greedy::{Goal, Scratch, choose_forced, clean_up, complete, greedy_cover};
use super::lagrange::Lagrange;
use super::state::{Mark, State, chosen_by_cost, remove_redundant};
use super::{Instance, Solution};

/// Subgradient steps at the root, and at every other node (warm-started).
const ROOT_STEPS: u32 = 300;
const NODE_STEPS: u32 = 15;

/// The least-cost cover the heuristics find, with a proven lower bound: the greedy, then
/// repairs of the Lagrangian relaxation's selections (take what the relaxation takes,
/// complete greedily, drop redundant picks, exchange), then the bound at the root.
///
/// # Complexity
/// The greedy's, plus O(s · (n + z + q)) for s subgradient steps over n candidates, z
/// (candidate, element) pairs and q prerequisite pairs, and a few greedy completions.
pub(crate) fn bounded_cover(inst: &Instance) -> Solution {
    let mut search = Search::new(inst, 0);
    search.root();
    search.finish()
}

/// Exact least-cost cover by branch and bound within `node_limit` search nodes, starting
/// from [`bounded_cover`]. The bound at every node is the Lagrangian one (warm-started from
/// the previous node), candidates whose reduced cost rules them out are fixed out, and the
/// branching element is an open one with the fewest candidates left, children trying each
/// candidate (with the earlier ones excluded), smallest reduced cost first. The stack is
/// explicit, so depth is limited only by memory. When the limit stops the search, the bound
/// reported is the least bound among the subtrees left, so the gap stays proven.
pub(crate) fn exact_cover(inst: &Instance, node_limit: u64) -> Solution {
    let mut search = Search::new(inst, node_limit);
    if search.root() {
        search.branch_and_bound();
    }
    search.finish()
}

struct Frame {
    /// Its children: `options[start..end]`, the next one to try at `next`.
    start: usize,
    end: usize,
    next: usize,
    mark: Mark,
    excluded_len: usize,
    bound: f64,
}

struct Search<'a> {
    inst: &'a Instance,
    state: State,
    lagrange: Lagrange,
    scratch: Scratch,
    excluded: Vec<bool>,
    excluded_log: Vec<u32>,
    best: Vec<u32>,
    best_cost: f64,
    /// Proven lower bound on the optimum.
    lower: f64,
    nodes: u64,
    limit: u64,
    proven: bool,
}

impl<'a> Search<'a> {
    fn new(inst: &'a Instance, limit: u64) -> Search<'a> {
        let greedy = greedy_cover(inst);
        Search {
            inst,
            state: State::new(inst),
            lagrange: Lagrange::new(inst),
            scratch: Scratch::new(inst),
            excluded: vec![false; inst.len()],
            excluded_log: Vec::new(),
            best_cost: greedy.cost,
            best: greedy.chosen,
            lower: 0.0,
            nodes: 0,
            limit,
            proven: false,
        }
    }

    /// Whether `cost` cannot beat the incumbent.
    fn beaten(&self, cost: f64) -> bool {
        self.inst.round_up(cost) >= self.best_cost - self.inst.step(self.best_cost) / 2.0
    }

    fn offer(&mut self, chosen: Vec<u32>, cost: f64) {
        if cost < self.best_cost - self.inst.step(self.best_cost) / 2.0 {
            self.best = chosen;
            self.best_cost = cost;
        }
    }

    /// The root: forced picks, the bound, repairs of the relaxation. Returns whether the
    /// search must go on (optimality not yet proven).
    fn root(&mut self) -> bool {
        let inst = self.inst;
        choose_forced(inst, &mut self.state, &mut self.scratch.buffer);
        self.state.journal.clear();
        if !self.lagrange.prepare(inst, &self.state, &self.excluded) {
            // Only when nothing is coverable at all would this happen; the greedy's cover
            // is then the empty one.
            self.lower = self.best_cost;
            self.proven = true;
            return false;
        }
        self.lagrange.initialise(inst);
        let mut lower = f64::NEG_INFINITY;
        // Three rounds of steps, each followed by a repair of what the relaxation takes.
        for round in 0..3 {
            let theta = [2.0, 1.0, 0.5][round];
            let b = self
                .lagrange
                .bound(inst, &self.state, self.best_cost, ROOT_STEPS / 3, theta);
            lower = lower.max(b);
            if self.beaten(lower) {
                break;
            }
            self.repair();
        }
        self.lower = self.inst.round_up(lower).min(self.best_cost);
        self.proven = self.beaten(lower);
        !self.proven
    }

    /// Takes what the relaxation selects, completes it greedily, drops redundant picks,
    /// tries exchanges, and offers the result.
    fn repair(&mut self) {
        let inst = self.inst;
        let mut state = self.state.clone();
        let mut picks: Vec<u32> = (0..inst.len() as u32)
            .filter(|&j| self.lagrange.free[j as usize] && self.lagrange.selected[j as usize])
            .collect();
        picks.sort_by(|&a, &b| {
            self.lagrange.reduced[a as usize]
                .total_cmp(&self.lagrange.reduced[b as usize])
                .then(a.cmp(&b))
        });
        for j in picks {
            state.choose(inst, j, &mut self.scratch.buffer);
        }
        if complete(inst, &mut state, None, Goal::Cover, &mut self.scratch) {
            let order = chosen_by_cost(inst, &state);
            remove_redundant(inst, &mut state, &order, false);
            state.journal.clear();
            clean_up(inst, &mut state, &mut self.scratch);
            let solution = state.solution(inst, 0.0, false, 0);
            self.offer(solution.chosen, solution.cost);
        }
    }

    /// Chooses every candidate that is the last free one for some open element; `false` if
    /// an open element has none left.
    fn propagate(&mut self) -> bool {
        let mut forced = Vec::new();
        loop {
            if !self
                .lagrange
                .prepare(self.inst, &self.state, &self.excluded)
            {
                return false;
            }
            // Every last free candidate of an open element at once, then check again.
            forced.clear();
            for &e in &self.lagrange.open {
                let mut free = self
                    .inst
                    .closers(e)
                    .iter()
                    .filter(|&&j| self.lagrange.free[j as usize]);
                if let (Some(&j), None) = (free.next(), free.next()) {
                    forced.push(j);
                }
            }
            if forced.is_empty() {
                return true;
            }
            for &j in &forced {
                self.state.choose(self.inst, j, &mut self.scratch.buffer);
            }
        }
    }

    fn exclude(&mut self, j: u32) {
        if !self.excluded[j as usize] {
            self.excluded[j as usize] = true;
            self.excluded_log.push(j);
        }
    }

    fn restore(&mut self, mark: Mark, excluded_len: usize) {
        self.state.revert(self.inst, mark);
        while self.excluded_log.len() > excluded_len {
            if let Some(j) = self.excluded_log.pop() {
                self.excluded[j as usize] = false;
            }
        }
    }

    /// Evaluates the node the state now describes: prunes it, records a cover, or returns
    /// its bound and the element to branch on with its candidates (appended to `options`).
    fn node(&mut self, options: &mut Vec<u32>) -> Option<f64> {
        let inst = self.inst;
        self.nodes += 1;
        if !self.propagate() || self.beaten(self.state.cost) {
            return None;
        }
        if self.lagrange.open.is_empty() {
            let solution = self.state.solution(inst, 0.0, false, 0);
            self.offer(solution.chosen, solution.cost);
            return None;
        }
        let bound = self
            .lagrange
            .bound(inst, &self.state, self.best_cost, NODE_STEPS, 0.5);
        if self.beaten(bound) {
            return None;
        }
        // Reduced-cost fixing: a cover holding j costs at least bound + r_j.
        let room = self.best_cost - inst.step(self.best_cost) / 2.0;
        for j in 0..inst.len() as u32 {
            if self.lagrange.free[j as usize]
                && inst.round_up(bound + self.lagrange.reduced[j as usize]) >= room
            {
                self.exclude(j);
            }
        }
        if !self.lagrange.prepare(inst, &self.state, &self.excluded) {
            return None;
        }
        let mut pick: Option<(u32, usize)> = None;
        for &e in &self.lagrange.open {
            let n = inst
                .closers(e)
                .iter()
                .filter(|&&j| self.lagrange.free[j as usize])
                .count();
            if pick.is_none_or(|(_, m)| n < m) {
                pick = Some((e, n));
            }
        }
        let (e, _) = pick?;
        let start = options.len();
        options.extend(
            inst.closers(e)
                .iter()
                .filter(|&&j| self.lagrange.free[j as usize]),
        );
        let reduced = &self.lagrange.reduced;
        options[start..].sort_by(|&a, &b| {
            reduced[a as usize]
                .total_cmp(&reduced[b as usize])
                .then(a.cmp(&b))
        });
        Some(bound)
    }

    fn branch_and_bound(&mut self) {
        let inst = self.inst;
        let mut options: Vec<u32> = Vec::new();
        let mut stack: Vec<Frame> = Vec::new();
        let root_mark = self.state.mark();
        if let Some(bound) = self.node(&mut options) {
            stack.push(Frame {
                start: 0,
                end: options.len(),
                next: 0,
                mark: self.state.mark(),
                excluded_len: self.excluded_log.len(),
                bound,
            });
        }
        while let Some(frame) = stack.last_mut() {
            if frame.next == frame.end || self.beaten(frame.bound) {
                let (start, mark, len) = (frame.start, frame.mark, frame.excluded_len);
                stack.pop();
                options.truncate(start);
                self.restore(mark, len);
                continue;
            }
            if self.nodes >= self.limit {
                break;
            }
            let (k, start, mark, len) = (frame.next, frame.start, frame.mark, frame.excluded_len);
            frame.next += 1;
            self.restore(mark, len);
            for &j in &options[start..k] {
                self.exclude(j);
            }
            let j = options[k];
            self.state.choose(inst, j, &mut self.scratch.buffer);
            let child_start = options.len();
            if let Some(bound) = self.node(&mut options) {
                stack.push(Frame {
                    start: child_start,
                    end: options.len(),
                    next: child_start,
                    mark: self.state.mark(),
                    excluded_len: self.excluded_log.len(),
                    bound,
                });
            } else {
                options.truncate(child_start);
            }
        }
        if stack.is_empty() {
            self.lower = self.best_cost;
            self.proven = true;
        } else {
            let open = stack
                .iter()
                .filter(|f| f.next < f.end)
                .map(|f| f.bound)
                .fold(self.best_cost, f64::min);
            self.lower = self.lower.max(self.inst.round_up(open)).min(self.best_cost);
            let (mark, len) = (root_mark, 0);
            stack.clear();
            self.restore(mark, len);
        }
    }

    fn finish(self) -> Solution {
        let inst = self.inst;
        let mut state = State::new(inst);
        state.load(inst, &self.best);
        let order = chosen_by_cost(inst, &state);
        remove_redundant(inst, &mut state, &order, false);
        let mut solution = state.solution(inst, self.lower, self.proven, self.nodes);
        solution.bound = solution.bound.min(solution.cost);
        solution
    }
}
