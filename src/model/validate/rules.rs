//! Group rules (Moodle's "all" and "points", the CASS roll-up): their checks, their compiled
//! form in evaluation order, and their application to an officer's held levels.
//!
//! A rule of group `g` names a competency `c` and a level `L`: an officer holding at least
//! `need` of `g`'s children at `L` or above holds `c` at `L`. The children are the
//! competencies directly in `g` and the competencies named by the rules of `g`'s child
//! groups. Rule `r` *feeds* rule `s` when `r`'s competency is a child of `s`'s group; rules
//! are evaluated in an order in which every rule comes after those feeding it (Kahn's
//! algorithm, smallest group index first), so one pass over them reaches the fixpoint.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use petgraph::graph::{DiGraph, NodeIndex};

use super::adjacency::Adjacency;
use super::table::Table;
use crate::model::cycles::cycles;
use crate::model::level::{beyond_every_scale, beyond_every_scale_error};
use crate::model::level_name;
use crate::model::level_text::BY_NAME;
use crate::model::order;
use crate::model::spec::{CompetencySpec, GroupRule, GroupSpec};
use crate::{EntityKind, Error};

/// One compiled rule.
#[derive(Clone, Copy, Debug)]
struct Rule {
    /// The competency granted.
    grants: u32,
    /// The level each counted child must reach, and the level granted.
    level: u8,
    /// How many children must reach it.
    need: u32,
    /// Its children: `inputs[start..end]`, competency indices, sorted and distinct.
    start: u32,
    end: u32,
}

/// Every valid rule of a framework, in evaluation order.
#[derive(Clone, Debug, Default)]
pub(crate) struct Rules {
    rules: Vec<Rule>,
    inputs: Vec<u32>,
}

/// What the checks need to know about the competencies and the hierarchy.
pub(super) struct Context<'a> {
    pub(super) groups: &'a Table<GroupSpec>,
    pub(super) competencies: &'a Table<CompetencySpec>,
    pub(super) min: &'a [u8],
    pub(super) max: &'a [u8],
    pub(super) members: &'a Adjacency,
    pub(super) children: &'a Adjacency,
}

/// Checks every group's rule and compiles the valid ones, reporting unknown competencies,
/// levels outside a competency's range, counts no officer could or every officer would
/// meet, and rules feeding each other in a cycle.
pub(super) fn compile(cx: &Context<'_>, errors: &mut Vec<Error>) -> Rules {
    let n = cx.groups.len();
    // Per group, the competency its rule grants, for the rules whose competency and level
    // are valid.
    let mut grants: Vec<Option<(u32, u8)>> = vec![None; n];
    for (g, group) in cx.groups.items.iter().enumerate() {
        let Some(rule) = &group.rule else { continue };
        let Some(c) = cx.competencies.get(rule.competency.as_str()) else {
            errors.push(Error::UnknownReference {
                from_kind: EntityKind::Group,
                from: group.id.to_string(),
                to_kind: EntityKind::Competency,
                to: rule.competency.to_string(),
                nearest: None,
            });
            if beyond_every_scale(rule.level) && !by_name(rule) {
                errors.push(beyond_every_scale_error(
                    EntityKind::Group,
                    group.id.as_str(),
                    rule.competency.as_str(),
                    rule.level,
                ));
            }
            continue;
        };
        let (min, max) = (cx.min[c as usize], cx.max[c as usize]);
        if let Some(name) = rule.level_name.as_deref().filter(|_| by_name(rule)) {
            // A level left given by name only names no level of the competency: the name
            // is reported, not the placeholder 255 it holds.
            let scale = (&cx.competencies.items[c as usize], min, max);
            let owner = (EntityKind::Group, group.id.as_str());
            errors.extend(level_name::name_mismatch(owner, scale, rule.level, name));
            continue;
        }
        if !(min..=max).contains(&rule.level) {
            errors.push(Error::InvalidLevel {
                owner_kind: EntityKind::Group,
                owner: group.id.to_string(),
                competency: rule.competency.to_string(),
                level: rule.level,
                min,
                max,
            });
            continue;
        }
        if let Some(name) = &rule.level_name {
            let scale = (&cx.competencies.items[c as usize], min, max);
            let owner = (EntityKind::Group, group.id.as_str());
            errors.extend(level_name::name_mismatch(owner, scale, rule.level, name));
        }
        grants[g] = Some((c, rule.level));
    }
    // Per valid rule: its group, and its children.
    let mut compiled: Vec<(u32, Rule)> = Vec::new();
    let mut inputs: Vec<u32> = Vec::new();
    for (g, group) in cx.groups.items.iter().enumerate() {
        let (Some(rule), Some((c, level))) = (&group.rule, grants[g]) else {
            continue;
        };
        let start = inputs.len();
        inputs.extend_from_slice(cx.members.get(g as u32));
        inputs.extend(
            cx.children
                .get(g as u32)
                .iter()
                .filter_map(|&child| grants[child as usize].map(|(c, _)| c)),
        );
        order::sort_unstable(&mut inputs[start..]);
        let mut w = start;
        for r in start..inputs.len() {
            if w == start || inputs[w - 1] != inputs[r] {
                inputs[w] = inputs[r];
                w += 1;
            }
        }
        inputs.truncate(w);
        let children = (w - start) as u32;
        let need = rule.at_least.unwrap_or(children);
        if children == 0 || need == 0 || need > children {
            errors.push(Error::InvalidGroupRule {
                group: group.id.clone(),
                at_least: rule.at_least,
                children,
            });
            inputs.truncate(start);
            continue;
        }
        compiled.push((
            g as u32,
            Rule {
                grants: c,
                level,
                need,
                start: start as u32,
                end: w as u32,
            },
        ));
    }
    let order = evaluation_order(cx, &compiled, &inputs, errors);
    Rules {
        rules: order.into_iter().map(|k| compiled[k].1).collect(),
        inputs,
    }
}

/// The rules in an order where each comes after every rule feeding it; on a cycle, the
/// cycles are reported and no order is given.
fn evaluation_order(
    cx: &Context<'_>,
    compiled: &[(u32, Rule)],
    inputs: &[u32],
    errors: &mut Vec<Error>,
) -> Vec<usize> {
    let k = compiled.len();
    // Per competency, the rules granting it.
    let mut granting: Vec<(u32, usize)> = compiled
        .iter()
        .enumerate()
        .map(|(i, (_, r))| (r.grants, i))
        .collect();
    order::sort_unstable(&mut granting);
    let mut graph = DiGraph::<(), ()>::with_capacity(k, 0);
    for _ in 0..k {
        graph.add_node(());
    }
    let mut feeds: Vec<Vec<usize>> = vec![Vec::new(); k];
    let mut waiting = vec![0usize; k];
    for (s, (_, rule)) in compiled.iter().enumerate() {
        for &child in &inputs[rule.start as usize..rule.end as usize] {
            let from = granting.partition_point(|&(c, _)| c < child);
            for &(_, r) in granting[from..].iter().take_while(|&&(c, _)| c == child) {
                graph.add_edge(NodeIndex::new(r), NodeIndex::new(s), ());
                feeds[r].push(s);
                waiting[s] += 1;
            }
        }
    }
    let found = cycles(&graph);
    if !found.is_empty() {
        errors.extend(found.into_iter().map(|cycle| {
            Error::GroupRuleCycle {
                groups: cycle
                    .into_iter()
                    .map(|i| cx.groups.items[compiled[i].0 as usize].id.clone())
                    .collect(),
            }
        }));
        return Vec::new();
    }
    // `compiled` is in group index order, so the smallest index is the smallest group.
    let mut ready: BinaryHeap<Reverse<usize>> =
        (0..k).filter(|&i| waiting[i] == 0).map(Reverse).collect();
    let mut order = Vec::with_capacity(k);
    while let Some(Reverse(i)) = ready.pop() {
        order.push(i);
        for &s in &feeds[i] {
            waiting[s] -= 1;
            if waiting[s] == 0 {
                ready.push(Reverse(s));
            }
        }
    }
    order
}

impl Rules {
    /// Whether the framework has no valid rule.
    pub(crate) fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// Applies every rule, in evaluation order, to the held levels `held`: `(competency,
    /// level > 0)` pairs sorted by competency, each competency once. A rule met raises its
    /// competency to its level (inserting it when not held); the list stays sorted.
    ///
    /// # Complexity
    /// O(Σ children · log h + g·h) for h held competencies and g rules granting a
    /// competency not held before; nothing when `held` is empty (no rule can be met).
    pub(crate) fn apply(&self, held: &mut Vec<(u32, u8)>) {
        if held.is_empty() {
            return;
        }
        for rule in &self.rules {
            let children = &self.inputs[rule.start as usize..rule.end as usize];
            let mut met = 0u32;
            for &child in children {
                if let Ok(i) = held.binary_search_by_key(&child, |&(c, _)| c)
                    && held[i].1 >= rule.level
                {
                    met += 1;
                    if met >= rule.need {
                        break;
                    }
                }
            }
            if met < rule.need {
                continue;
            }
            match held.binary_search_by_key(&rule.grants, |&(c, _)| c) {
                Ok(i) => held[i].1 = held[i].1.max(rule.level),
                Err(i) => held.insert(i, (rule.grants, rule.level)),
            }
        }
    }
}

/// Whether `rule`'s level is still given by name only ([`BY_NAME`] with a name): a name
/// that names no level of its competency, reported as such rather than as level 255.
fn by_name(rule: &GroupRule) -> bool {
    rule.level == BY_NAME && rule.level_name.is_some()
}
