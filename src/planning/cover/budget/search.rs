//! The exact budgeted search: include or exclude each candidate closing something of value,
//! bounded at each node by the density bound and, when the root solved the relaxation with
//! prerequisite rows, by that relaxation at the root's multipliers ([`super::priced`]),
//! which also fixes candidates at the root.

use super::super::chain_marginals::marginals;
use super::super::density::{tightest, upper_bound};
use super::super::greedy::preferred;
use super::super::instance::{EPS, Instance, Solution};
use super::super::state::{Mark, State};
use super::priced::Priced;
use super::{better, useful};
use crate::model::order;

struct BudgetFrame {
    pos: usize,
    /// 0: include next, 1: exclude next, 2: done.
    phase: u8,
    mark: Mark,
    excluded_len: usize,
    bound: f64,
}

pub(super) struct BudgetSearch<'a> {
    inst: &'a Instance,
    budget: f64,
    order: Vec<u32>,
    state: State,
    excluded: Vec<bool>,
    blocked: Vec<bool>,
    log: Vec<u32>,
    /// The incumbent: the best plan found so far.
    pub(super) best: Vec<u32>,
    best_value: f64,
    best_cost: f64,
    /// Nodes evaluated.
    pub(super) nodes: u64,
    /// Largest bound among subtrees left when the limit stopped the search.
    pub(super) open_bound: f64,
    buffer: Vec<u32>,
    /// The relaxation with prerequisite rows at the root's multipliers, when the root
    /// solved it.
    priced: Option<Priced>,
    /// Whether every candidate's cost is its hours: a plan cheaper than the incumbent then
    /// fits in fewer hours, which bounds its value ([`BudgetSearch::node`]).
    cost_is_hours: bool,
}

impl<'a> BudgetSearch<'a> {
    /// A search from `greedy`'s plan as incumbent, bounded at its nodes by `priced` too
    /// when given.
    pub(super) fn new(
        inst: &'a Instance,
        budget: f64,
        greedy: &Solution,
        priced: Option<Priced>,
    ) -> BudgetSearch<'a> {
        let firsts = marginals(inst, &State::new(inst));
        let mut order: Vec<(f64, f64, u32)> = useful(inst)
            .map(|c| {
                let m = firsts[c as usize];
                (m.value, m.cost, c)
            })
            .collect();
        order::sort_by(&mut order, preferred);
        BudgetSearch {
            inst,
            budget,
            order: order.into_iter().map(|(_, _, c)| c).collect(),
            state: State::new(inst),
            excluded: vec![false; inst.len()],
            blocked: vec![false; inst.len()],
            log: Vec::new(),
            best: greedy.chosen.clone(),
            best_value: value_of(inst, &greedy.chosen),
            best_cost: greedy.cost,
            nodes: 0,
            open_bound: 0.0,
            buffer: Vec::new(),
            priced,
            cost_is_hours: inst.cost == inst.hours && !within_the_budget(),
        }
    }

    fn restore(&mut self, mark: Mark, len: usize) {
        self.state.revert(self.inst, mark);
        while self.log.len() > len {
            if let Some(j) = self.log.pop() {
                self.excluded[j as usize] = false;
            }
        }
    }

    /// Marks the candidates requiring an excluded one.
    fn block(&mut self) {
        for &j in &self.inst.topo {
            let ju = j as usize;
            self.blocked[ju] = self.excluded[ju]
                || self
                    .inst
                    .prerequisites(j)
                    .iter()
                    .any(|&p| self.blocked[p as usize]);
        }
    }

    /// Makes the current plan, worth `value`, the incumbent if it is better.
    fn offer(&mut self, value: f64) {
        if better(
            self.inst,
            value,
            self.state.cost,
            self.best_value,
            self.best_cost,
        ) {
            self.best = self.state.chosen_list();
            self.best_value = value;
            self.best_cost = self.state.cost;
        }
    }

    /// The bound on every plan below the current node within `budget` hours: the density
    /// bound and, when the root solved it, the relaxation at the root's multipliers.
    fn bound_within(&self, budget: f64) -> f64 {
        let inst = self.inst;
        let density = upper_bound(
            inst,
            &self.state,
            &self.excluded,
            budget,
            Some(&self.blocked),
        );
        let priced = self.priced.as_ref().map_or(f64::INFINITY, |p| {
            let out = |j: u32| self.excluded[j as usize] || self.blocked[j as usize];
            p.bound(inst, &self.state, out, budget)
        });
        tightest(inst, density, priced)
    }

    /// When costs are hours, the most hours of a plan cheaper than the incumbent (by more
    /// than half a step, as [`better`] counts it): the incumbent's less a step when costs
    /// have a unit (they are then multiples of it), less half a step otherwise.
    fn fewer_hours(&self) -> f64 {
        let step = self.inst.step(self.best_cost);
        let less = if self.inst.unit.is_some() {
            step
        } else {
            step / 2.0
        };
        self.best_cost - less
    }

    /// Evaluates the current node: records it if better, returns its bound unless pruned.
    ///
    /// The subtree is pruned unless it can hold more value than the incumbent, or as much
    /// at a lower cost. When costs are hours, a plan cheaper than the incumbent by more
    /// than half a step fits in `best_cost − step` hours (a whole step when costs have a
    /// unit, half of it otherwise), so a subtree whose bound within those hours is below
    /// the incumbent's value holds no such plan: on plans that use their budget to the
    /// hour, this prunes nodes whose bound within the budget only reaches the incumbent's
    /// value, where the search would otherwise look for the same value in fewer hours.
    fn node(&mut self) -> Option<f64> {
        self.nodes += 1;
        let inst = self.inst;
        let value = self.state.value(inst);
        self.offer(value);
        self.block();
        let bound = self.bound_within(self.budget);
        let tol = inst.value_tol(self.best_value);
        if bound < self.best_value - tol {
            return None;
        }
        if bound <= self.best_value + tol {
            let step = inst.step(self.best_cost);
            if self.state.cost >= self.best_cost - step / 2.0 {
                return None;
            }
            if self.cost_is_hours {
                let fewer = self.fewer_hours();
                if fewer < self.budget && self.bound_within(fewer) < self.best_value - tol {
                    return None;
                }
            }
        }
        Some(bound)
    }

    /// Applies the root's fixings ([`Priced::fixings`]) against the plans that beat the
    /// incumbent: those worth more (at least its value plus the values' unit, when they
    /// have one) within the budget, and those worth as much at a lower cost (when costs
    /// are hours, within the incumbent's hours less a step, as in [`BudgetSearch::node`];
    /// else within the budget). It excludes the candidates no such plan holds and chooses
    /// those every such plan holds, with their prerequisites. Returns `false` when no plan
    /// beats the incumbent: none is worth either, or the fixings contradict each other or
    /// the budget (a candidate fixed in requires one fixed out, or the fixed-in candidates
    /// take more hours than the budget).
    fn fix_at_root(&mut self) -> bool {
        let Some(priced) = &self.priced else {
            return true;
        };
        let inst = self.inst;
        let rounded = |b| tightest(inst, b, f64::INFINITY);
        let tol = inst.value_tol(self.best_value);
        let more = match inst.value_unit {
            _ if within_the_budget() => self.best_value - tol,
            Some(q) => self.best_value + q - tol,
            None => self.best_value + tol,
        };
        let worth_more = priced.fixings(inst, self.budget, more, rounded);
        let cheaper_within = if self.cost_is_hours {
            self.fewer_hours().min(self.budget)
        } else {
            self.budget
        };
        let as_cheap = if cheaper_within < 0.0 {
            None
        } else {
            priced.fixings(inst, cheaper_within, self.best_value - tol, rounded)
        };
        let (ins, outs) = match (worth_more, as_cheap) {
            (None, None) => return false,
            (Some(fixed), None) | (None, Some(fixed)) => fixed,
            (Some((a_in, a_out)), Some((b_in, b_out))) => {
                let both = |a: Vec<u32>, b: &[u32]| -> Vec<u32> {
                    // Both lists ascend.
                    a.into_iter()
                        .filter(|j| b.binary_search(j).is_ok())
                        .collect()
                };
                (both(a_in, &b_in), both(a_out, &b_out))
            }
        };
        for j in outs {
            self.excluded[j as usize] = true;
            self.log.push(j);
        }
        for j in ins {
            if self
                .state
                .walk_up(inst, j, true, |d| self.excluded[d as usize])
            {
                return false;
            }
            self.state.choose(inst, j, &mut self.buffer);
        }
        self.state.hours() <= self.budget + EPS
    }

    /// Returns whether the search finished (the best plan is then optimal).
    pub(super) fn run(&mut self, limit: u64) -> bool {
        let root = self.state.mark();
        if !self.fix_at_root() {
            self.restore(root, 0);
            return true;
        }
        let mut stack: Vec<BudgetFrame> = Vec::new();
        if let Some(bound) = self.node() {
            stack.push(BudgetFrame {
                pos: 0,
                phase: 0,
                mark: self.state.mark(),
                excluded_len: self.log.len(),
                bound,
            });
        }
        while let Some(frame) = stack.last_mut() {
            let (pos, mark, len, phase) = (frame.pos, frame.mark, frame.excluded_len, frame.phase);
            if phase >= 2 {
                stack.pop();
                continue;
            }
            self.restore(mark, len);
            // The next undecided candidate.
            let Some(next) = (pos..self.order.len()).find(|&i| {
                let c = self.order[i] as usize;
                !self.state.chosen[c] && !self.excluded[c]
            }) else {
                stack.pop();
                continue;
            };
            if self.nodes >= limit {
                self.open_bound = stack.iter().map(|f| f.bound).fold(0.0, f64::max);
                self.restore(root, 0);
                return false;
            }
            let c = self.order[next];
            if let Some(frame) = stack.last_mut() {
                frame.phase += 1;
            }
            if phase == 0 {
                let m = self.state.marginal(self.inst, c);
                let blocked = self
                    .state
                    .walk_up(self.inst, c, true, |d| self.excluded[d as usize]);
                if blocked || self.state.hours() + m.hours > self.budget + EPS || m.value <= 0.0 {
                    continue;
                }
                self.state.choose(self.inst, c, &mut self.buffer);
            } else {
                self.excluded[c as usize] = true;
                self.log.push(c);
            }
            if let Some(bound) = self.node() {
                stack.push(BudgetFrame {
                    pos: next + 1,
                    phase: 0,
                    mark: self.state.mark(),
                    excluded_len: self.log.len(),
                    bound,
                });
            }
        }
        self.restore(root, 0);
        true
    }
}

/// Whether a test asked for the search as it was before it read the incumbent's hours and
/// the values' unit (`WITHIN_THE_BUDGET` of its tests); always `false` outside tests.
fn within_the_budget() -> bool {
    #[cfg(test)]
    let before = super::tests::WITHIN_THE_BUDGET.with(std::cell::Cell::get);
    #[cfg(not(test))]
    let before = false;
    before
}

fn value_of(inst: &Instance, chosen: &[u32]) -> f64 {
    super::super::state::value_of_chosen(inst, chosen)
}
