//! Least-cost cover of one part with a proven lower bound: the greedy, Lagrangian-guided
//! repairs, and branch and bound on Lagrangian bounds with reduced-cost fixing.

use super::blocks::kept_rows_bound;
use super::cuts::with_shared_prerequisite_rows;
use super::greedy::{Scratch, choose_forced, greedy_cover};
use super::implied::without_implied_closers;
use super::instance::{Instance, Solution, Within, beyond};
use super::lagrange::Lagrange;
use super::pdhg::lp_solve;
use super::queue::{Node, Queued};
use super::state::{Mark, State, chosen_by_cost, remove_redundant};
use crate::model::order;
use std::collections::BinaryHeap;

/// Counters of what the search did on this thread, read by tests.
#[cfg(test)]
pub(super) mod counters;
mod deferred;
mod first;
mod repairs;
pub(super) mod rows;
mod targets;

/// Subgradient steps at the root, and at every other node (warm-started).
const ROOT_STEPS: u32 = 300;
const NODE_STEPS: u32 = 15;

/// Iterations of the primal–dual method at the root ([`lp_solve`]), when the subgradient
/// steps leave the incumbent unproven.
const LP_ITERATIONS: u32 = 2_000;

/// The root rounds the relaxation's primal solution into a cover ([`Search::round`]) only
/// when the repairs leave the incumbent more than this share above the bound. On the
/// department-sized instances of `bench_plans` the repairs left the parts of `uniform` 5%
/// and `overlapping` 8% above their bounds, and the rounded covers were 3–4% cheaper
/// (least hours 24,720 h → 24,580 h and 18,010 h → 17,660 h); on `current` the repairs
/// are within 1.2% on every part, and rounding there (at 1% or at every part) found a
/// cheaper cover of one part but slowed the plan by a third or left it unproven within
/// 2,000 nodes (47,498 h against the 47,493 h proven without it).
const ROUND_GAP: f64 = 0.02;

/// Candidate evaluations the trades of [`trade_picks`](super::trade::trade_picks) may spend on one part's incumbent,
/// at the root and again after the search.
const TRADE_WORK: u64 = 20_000;

/// Parts of more candidates than this get the bound with kept rows at the root; its
/// blocks (at most [`super::blocks::BLOCK`] candidates) never do, so it does not recurse.
const KEPT_ROWS_FROM: usize = 4 * super::blocks::BLOCK;

/// Search nodes for each block of the bound with kept rows.
const BLOCK_NODES: u64 = 200;

/// Parts that a search follows run the tabu search of [`Search::improve`] only after the
/// search, when it leaves the plan unproven, unless they have more candidates than this
/// and an incumbent beyond [`TABU_AFTER_SEARCH_GAP`] of the root's bound. On the
/// department-sized `current` instance of `bench_plans` (0.3% at the root) it took about
/// half of the plan's time at the root and found nothing the search's fixing needed
/// (BENCHMARKS.md, "Department-sized covers: the tabu search after the search"); on the
/// officer-sized parts of `career_paths` it was a quarter of all the instructions, most of
/// it on parts the search then proves. Plans without a search (`bounded_cover`) keep it at
/// the root, and so do large parts with wider gaps, where its plan is what the search
/// starts from (on the department-sized `overlapping` instance, 8% at the root, running
/// it only after the search left the plan 110 h longer). On those parts the search is
/// made first all the same, and the tabu search run only when the search's outcome does
/// not show that it would find nothing (`exact/deferred.rs`): the plan is the one of the
/// tabu search at the root.
pub(super) const TABU_AFTER_SEARCH_FROM: usize = KEPT_ROWS_FROM;

/// Parts of at most this many candidates that a search follows run the tabu search of
/// [`TABU_AFTER_SEARCH_FROM`]'s large parts after the search, and only when needed
/// (`exact/deferred.rs`); larger parts keep it at the root. The officer-sized parts of
/// `bench_career` (194–280 candidates) and `bench_plans` (194–415) gain: the search
/// mostly proves the root's cover optimal without it (`successors` for the laden occ-1673
/// about half the instructions, `bench_plans`' officer covers on `overlapping` 4.9 → 3.3 s).
/// The department-sized parts of `bench_plans --large-only` (4,115 and 8,278 candidates)
/// end their searches unproven at the node limit, where the tabu search then finds a
/// cheaper cover and the search is made again (`uniform`'s cover 47.6 → 65 s).
const DEFER_TABU_UP_TO: usize = 1_024;

/// See [`TABU_AFTER_SEARCH_FROM`]: the incumbent's cost over the root's bound, less one.
const TABU_AFTER_SEARCH_GAP: f64 = 0.01;

/// [`solve_part`] searching only to prove that no cover costs `cutoff` or less
/// ([`Role::Refute`]). Its plan is not [`solve_part`]'s, but its `Err` is as true: a
/// proven bound exceeding `cutoff`.
pub(super) fn refute_part(inst: &Instance, limit: u64, cutoff: f64) -> Within {
    solve_part_as(inst, limit, true, cutoff, Role::Refute)
}

/// What a part's search is for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// The plan and bound of a part as callers get them.
    Whole,
    /// A part of an instance restricted by reduced-cost fixing against a target
    /// (`targets.rs`): only covers below the target, its cutoff, matter there, the caller
    /// keeps the better incumbent, and the local search of [`Search::improve`] (most of a
    /// root's time on parts of thousands of candidates) is skipped.
    Restricted,
    /// Only whether a proven bound exceeds the cutoff: as [`Role::Restricted`], and
    /// without the repairs of the relaxation's selections, which only improve the
    /// incumbent; the parts of its reduced-cost fixing are searched the same way.
    Refute,
}

/// [`solve_part`], for the part's `role`.
fn solve_part_as(inst: &Instance, limit: u64, search: bool, cutoff: f64, role: Role) -> Within {
    let implied = without_implied_closers(inst);
    let implied = implied.as_ref().unwrap_or(inst);
    let tight = with_shared_prerequisite_rows(implied);
    solve_with(
        inst,
        tight.as_ref().unwrap_or(implied),
        limit,
        search,
        cutoff,
        role,
    )
}

/// [`solve_part_as`] with the instance the bounds read given: `tight`, the part's own
/// candidates (same indices) with the same plans. `Err` holds the bound the part's root
/// or search reached once it exceeds `cutoff`.
fn solve_with(
    inst: &Instance,
    tight: &Instance,
    limit: u64,
    search: bool,
    cutoff: f64,
    role: Role,
) -> Within {
    let mut part = Search::new(inst, tight, limit);
    part.cutoff = cutoff;
    part.role = role;
    part.searched = search;
    #[cfg(test)]
    if role == Role::Restricted {
        counters::RESTRICTED_ROOTS.with(|roots| roots.set(roots.get() + 1));
    }
    let open = part.root();
    if beyond(part.lower, cutoff) {
        return Err(part.lower);
    }
    if open && search {
        part.search_with_deferred_tabu();
        if beyond(part.lower, cutoff) {
            return Err(part.lower);
        }
        if !part.proven && part.role == Role::Whole {
            // The search may have found an incumbent the root's trades never saw.
            part.improve(part.lower, true);
            part.proven = part.beaten(part.lower);
        }
    }
    Ok(part.finish())
}

#[derive(Clone)]
struct Search<'a> {
    inst: &'a Instance,
    /// The same instance without the closings prerequisites already make
    /// ([`without_implied_closers`]), with the rows shared prerequisites imply added after
    /// its elements ([`with_shared_prerequisite_rows`]): the same plans, a tighter
    /// relaxation. The bounds, the fixing and the branching read it; the heuristics and
    /// the state read `inst` (an element is closed in one exactly when in the other, since
    /// a state holds the prerequisites of what it holds, and every such state closing
    /// every element of `inst` closes the added rows).
    tight: &'a Instance,
    state: State,
    lagrange: Lagrange,
    scratch: Scratch,
    excluded: Vec<bool>,
    excluded_log: Vec<u32>,
    /// Buffer of [`Search::replay`]: (node, child) pairs from a node up to the root.
    path: Vec<(u32, u32)>,
    best: Vec<u32>,
    best_cost: f64,
    /// Proven lower bound on the optimum.
    lower: f64,
    nodes: u64,
    limit: u64,
    proven: bool,
    /// The root stops once its bound exceeds this ([`bounded_cover_within`]).
    cutoff: f64,
    /// The root's bound with kept rows, if computed, and the candidates of its blocks.
    kept: Option<(f64, Vec<bool>)>,
    /// What the search is for.
    role: Role,
    /// Whether a search follows the root.
    searched: bool,
    /// The root's tabu search, left for after the search ([`Search::defer_tabu`]).
    deferred: Option<deferred::Deferred>,
    /// The cover the last settled tabu search left, on which it would find nothing again
    /// ([`Search::tabu`]).
    settled: Option<Vec<u32>>,
    /// The picks of the last repair ([`Search::complete_and_offer`]) and the state it
    /// started from: the same picks from the same state complete to the same cover, which
    /// was offered then, so a repair repeating them offers nothing new.
    last_repair: Option<repairs::LastRepair>,
}

impl<'a> Search<'a> {
    fn new(inst: &'a Instance, tight: &'a Instance, limit: u64) -> Search<'a> {
        let greedy = greedy_cover(inst);
        Search {
            inst,
            tight,
            state: State::new(inst),
            lagrange: Lagrange::new(tight),
            scratch: Scratch::new(inst),
            excluded: vec![false; inst.len()],
            excluded_log: Vec::new(),
            path: Vec::new(),
            best_cost: greedy.cost,
            best: greedy.chosen,
            lower: 0.0,
            nodes: 0,
            limit,
            proven: false,
            cutoff: f64::INFINITY,
            kept: None,
            role: Role::Whole,
            searched: false,
            deferred: None,
            settled: None,
            last_repair: None,
        }
    }

    /// Whether `cost` cannot beat the incumbent.
    fn beaten(&self, cost: f64) -> bool {
        self.inst.reaches(cost, self.best_cost)
    }

    /// The cost a node of the search is measured against: the incumbent's or, in a part
    /// searched under a cutoff ([`Role::Restricted`], [`Role::Refute`]), the least above
    /// the cutoff ([`Search::past_cutoff`]) if lower. Only covers at most the cutoff
    /// matter in such a part, so a subtree whose covers all cost that much or more
    /// ([`Search::pruned`]) holds none worth searching.
    fn prune_at(&self) -> f64 {
        self.past_cutoff()
            .map_or(self.best_cost, |past| past.min(self.best_cost))
    }

    /// Whether a node whose covers cost at least `cost` is pruned: `cost` reaches
    /// [`Search::prune_at`] within half a step.
    fn pruned(&self, cost: f64) -> bool {
        self.inst.reaches(cost, self.prune_at())
    }

    /// The cost the root's bounds aim at and stop at: the incumbent's, or when refuting
    /// ([`Role::Refute`]) the least above the cutoff that refutes it, if lower.
    fn aim(&self) -> f64 {
        match self.past_cutoff() {
            Some(past) if self.role == Role::Refute => past.min(self.best_cost),
            _ => self.best_cost,
        }
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
        let tight = self.tight;
        if !self.lagrange.prepare(tight, &self.state, &self.excluded) {
            // Only when nothing is coverable at all would this happen; the greedy's cover
            // is then the empty one.
            self.lower = self.best_cost;
            self.proven = true;
            return false;
        }
        self.lagrange.initialise(tight);
        if let Some(lower) = self.proven_by_relaxation_first() {
            self.settle_root(lower);
            return false;
        }
        let mut lower = f64::NEG_INFINITY;
        // Three rounds of steps, each followed by a repair of what the relaxation takes.
        for round in 0..3 {
            let theta = [2.0, 1.0, 0.5][round];
            let b = self
                .lagrange
                .bound(tight, &self.state, self.aim(), ROOT_STEPS / 3, theta);
            lower = lower.max(b);
            if self.beaten(lower) {
                break;
            }
            if beyond(lower, self.cutoff) {
                self.lower = lower;
                return false;
            }
            if self.repairs_each_round() {
                self.repair(true);
            }
        }
        if !self.beaten(lower) {
            // The relaxation with its prerequisite rows, which the subgradient steps reach
            // slowly on large instances; its multipliers then serve the repair, the
            // reduced-cost fixing and the search's first nodes.
            let aim = self.aim();
            let x;
            (lower, x) = lp_solve(
                tight,
                &mut self.lagrange,
                &self.state,
                aim,
                lower,
                LP_ITERATIONS,
            );
            if beyond(lower, self.cutoff) {
                self.lower = lower;
                return false;
            }
            if !self.beaten(lower) && self.role != Role::Refute {
                self.repair(true);
                if self.best_cost > (1.0 + ROUND_GAP) * lower {
                    self.round(&x);
                }
            }
        }
        if !self.beaten(lower) && inst.len() > KEPT_ROWS_FROM {
            lower = lower.max(self.kept_rows());
            if beyond(lower, self.cutoff) {
                self.lower = lower;
                return false;
            }
        }
        if !self.beaten(lower) && self.role == Role::Whole {
            let tabu = !self.searched
                || (inst.len() > TABU_AFTER_SEARCH_FROM
                    && self.best_cost > (1.0 + TABU_AFTER_SEARCH_GAP) * lower);
            if tabu && self.defers_tabu() {
                self.defer_tabu(lower);
            } else {
                self.improve(lower, tabu);
            }
        }
        self.settle_root(lower);
        !self.proven
    }

    /// The root's proven lower bound `lower`, rounded up to the costs' unit and at most
    /// the incumbent's cost, and whether it proves the incumbent optimal.
    fn settle_root(&mut self, lower: f64) {
        self.lower = self.inst.round_up(lower).min(self.best_cost);
        self.proven = self.beaten(lower);
    }

    /// Whether the root repairs the relaxation's selection after each round of subgradient
    /// steps: not when refuting (repairs only improve the incumbent), nor on a restricted
    /// part large enough for the bound with kept rows: on the department-sized instances of
    /// `bench_plans` those three never beat the repairs after the primal–dual method and
    /// the bound with kept rows, and took about a third of a restricted root's time.
    fn repairs_each_round(&self) -> bool {
        match self.role {
            Role::Whole => true,
            Role::Restricted => self.inst.len() <= KEPT_ROWS_FROM,
            Role::Refute => false,
        }
    }

    /// The bound with kept rows ([`kept_rows_bound`]) at the current multipliers, each
    /// block searched within [`BLOCK_NODES`] nodes; the relaxation's choice it leaves is
    /// then repaired into a cover. Run on parts of more than [`KEPT_ROWS_FROM`] candidates
    /// whose root bounds leave the incumbent unproven; at most n blocks of at most
    /// [`super::blocks::BLOCK`] candidates, so linear in n.
    fn kept_rows(&mut self) -> f64 {
        let (bound, taken, in_block) = kept_rows_bound(
            self.tight,
            &self.lagrange,
            &self.state,
            |sub| match solve_part_as(sub, BLOCK_NODES, true, f64::INFINITY, Role::Whole) {
                Ok(s) => (s.bound, Some(s.chosen)),
                Err(_) => (0.0, None),
            },
        );
        self.lagrange.selected = taken;
        self.kept = Some((bound, in_block));
        if self.role != Role::Refute {
            self.repair(false);
        }
        bound
    }

    /// Improves the incumbent by trading two picks for others
    /// ([`exchange_pairs`](super::greedy::exchange_pairs)), what single exchanges miss when
    /// costs tie, then two or three picks for fewer or cheaper ones found by an exhaustive
    /// repair ([`trade_picks`](super::trade::trade_picks), at most [`TRADE_WORK`]
    /// evaluations), then, when `tabu`, a tabu search for a cover one unit cheaper
    /// ([`tabu_cover`](super::tabu_cover::tabu_cover)), which stops once the cover meets
    /// the proven lower bound `lower`. Run only when a bound does not prove the incumbent,
    /// so plans proven at the root pay nothing for it.
    fn improve(&mut self, lower: f64, tabu: bool) {
        let (mut state, exchanged) = self.exchanges();
        let tabu = tabu && self.tabu(&mut state, lower);
        if tabu || exchanged {
            self.offer_state(&state);
        }
    }

    /// Chooses every candidate that is the last free one for some open element; `false` if
    /// an open element has none left.
    fn propagate(&mut self) -> bool {
        let mut forced = Vec::new();
        loop {
            if !self
                .lagrange
                .prepare(self.tight, &self.state, &self.excluded)
            {
                return false;
            }
            // Every last free candidate of an open element at once, then check again.
            forced.clear();
            for &e in &self.lagrange.open {
                let mut free = self
                    .tight
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
    fn node(&mut self, options: &mut Vec<u32>, steps: u32) -> Option<f64> {
        let inst = self.inst;
        self.nodes += 1;
        if !self.propagate() || self.pruned(self.state.cost) {
            return None;
        }
        if self.lagrange.open.is_empty() {
            let solution = self.state.solution(inst, 0.0, false, 0);
            self.offer(solution.chosen, solution.cost);
            return None;
        }
        let tight = self.tight;
        let at = self.prune_at();
        let bound = self.lagrange.bound(tight, &self.state, at, steps, 0.5);
        if self.pruned(bound) {
            return None;
        }
        // Reduced-cost fixing: a cover holding j costs at least bound + r_j.
        let room = at - inst.step(at) / 2.0;
        for j in 0..inst.len() as u32 {
            if self.lagrange.free[j as usize]
                && inst.round_up(bound + self.lagrange.reduced[j as usize]) >= room
            {
                self.exclude(j);
            }
        }
        if !self.lagrange.prepare(tight, &self.state, &self.excluded) {
            return None;
        }
        let mut pick: Option<(u32, usize)> = None;
        for &e in &self.lagrange.open {
            let n = tight
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
            tight
                .closers(e)
                .iter()
                .filter(|&&j| self.lagrange.free[j as usize]),
        );
        let reduced = &self.lagrange.reduced;
        order::sort_by(&mut options[start..], |&a, &b| {
            reduced[a as usize]
                .total_cmp(&reduced[b as usize])
                .then(a.cmp(&b))
        });
        Some(bound)
    }

    /// Applies the decisions leading from the root to child `index` of node `id`.
    fn replay(&mut self, tree: &[Node], options: &[u32], id: u32, index: u32) {
        let mut path = std::mem::take(&mut self.path);
        path.clear();
        path.push((id, index));
        let mut at = id;
        while let Some(node) = tree.get(at as usize).filter(|n| n.parent != u32::MAX) {
            path.push((node.parent, node.index));
            at = node.parent;
        }
        for &(p, i) in path.iter().rev() {
            let node = &tree[p as usize];
            let first = node.start as usize;
            for &j in &options[first..first + i as usize] {
                self.exclude(j);
            }
            let j = options[first + i as usize];
            if !self.excluded[j as usize] {
                self.state.choose(self.inst, j, &mut self.scratch.buffer);
            }
        }
        self.path = path;
    }

    fn branch_and_bound(&mut self) {
        let inst = self.inst;
        let mut options: Vec<u32> = Vec::new();
        let mut tree: Vec<Node> = Vec::new();
        let mut queue: BinaryHeap<Queued> = BinaryHeap::new();
        let root_mark = self.state.mark();
        // The child to evaluate next, its decisions applied: (parent, index, parent bound).
        let mut pending: Option<(u32, u32, f64)> = None;
        let mut steps = NODE_STEPS;
        if let Some(bound) = self.node(&mut options, steps) {
            tree.push(Node {
                parent: u32::MAX,
                index: 0,
                start: 0,
                end: options.len() as u32,
                next: 0,
                bound,
            });
            queue.push(Queued { bound, id: 0 });
        }
        loop {
            if pending.is_none() {
                // Best bound first: the next untried child of the queued node.
                let Some(top) = queue.pop() else { break };
                let node = &mut tree[top.id as usize];
                if self.pruned(node.bound) || node.next >= node.end - node.start {
                    continue;
                }
                let index = node.next;
                node.next += 1;
                let bound = node.bound;
                if node.next < node.end - node.start {
                    queue.push(top);
                }
                if self.nodes >= self.limit {
                    pending = Some((top.id, index, bound));
                    break;
                }
                self.restore(root_mark, 0);
                self.replay(&tree, &options, top.id, index);
                pending = Some((top.id, index, bound));
                // Multipliers come from elsewhere in the tree: more steps.
                steps = 2 * NODE_STEPS;
            }
            if self.nodes >= self.limit {
                break;
            }
            let Some((parent, index, _)) = pending.take() else {
                continue;
            };
            let start = options.len() as u32;
            let Some(bound) = self.node(&mut options, steps) else {
                options.truncate(start as usize);
                continue;
            };
            steps = NODE_STEPS;
            let id = tree.len() as u32;
            let end = options.len() as u32;
            tree.push(Node {
                parent,
                index,
                start,
                end,
                next: 1,
                bound,
            });
            if end - start > 1 {
                queue.push(Queued { bound, id });
            }
            // Dive: the first child, from this node's state.
            let j = options[start as usize];
            self.state.choose(inst, j, &mut self.scratch.buffer);
            pending = Some((id, 0, bound));
        }
        // Every subtree pruned or left holds no cover below the least of the bounds left,
        // the incumbent and, under a cutoff, the least cost above it.
        let at = self.prune_at();
        let floor = if at < self.best_cost {
            at - inst.step(at) / 2.0
        } else {
            self.best_cost
        };
        let open = queue
            .iter()
            .map(|q| q.bound)
            .chain(pending.map(|p| p.2))
            .fold(floor, f64::min);
        self.lower = self.lower.max(self.inst.round_up(open)).min(self.best_cost);
        self.proven = self.beaten(open);
        if self.proven {
            self.lower = self.best_cost;
        }
        self.restore(root_mark, 0);
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
