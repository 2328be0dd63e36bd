//! Competency groups: the checks on their hierarchy, and its dense, read-only form.
//!
//! Groups and competencies are numbered by id (the tables' dense indices). The hierarchy is
//! kept as compressed adjacency lists in both directions, plus a topological order, so that
//! walks up or down (roll-ups, inference) need no hashing and no recursion.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashSet};

use petgraph::graph::{DiGraph, NodeIndex};

use super::adjacency::Adjacency;
use super::rules::{self, Context, Rules};
use super::table::{Table, hidden_character, table};
use crate::model::cycles::cycles;
use crate::model::order;
use crate::model::quote::{has_hidden, is_blank};
use crate::model::spec::{CompetencySpec, GroupKind, GroupSpec, area_group_id};
use crate::{EntityKind, Error, GroupId};

/// The validated group hierarchy.
#[derive(Clone, Debug)]
pub(crate) struct Hierarchy {
    /// Every group, sorted by id: the spec's own and those its areas name.
    pub(crate) groups: Table<GroupSpec>,
    /// Per group, whether the framework created it for an area the spec does not declare.
    pub(crate) implicit: Vec<bool>,
    /// Per group, its parent groups.
    pub(crate) parents: Adjacency,
    /// Per group, its child groups.
    pub(crate) children: Adjacency,
    /// Per group, the competencies directly in it.
    pub(crate) members: Adjacency,
    /// Per competency, the groups it is directly in.
    pub(crate) of_competency: Adjacency,
    /// Every group after all of its parents; among groups ready together, the smallest id
    /// first. Empty while the hierarchy has a cycle (the framework is then rejected).
    pub(crate) top_down: Vec<u32>,
    /// The groups' rules, compiled in evaluation order.
    pub(crate) rules: Rules,
}

/// The distinct valid `area` names of the competencies, sorted; blank areas and areas with
/// hidden characters are reported instead.
fn areas<'a>(competencies: &'a Table<CompetencySpec>, errors: &mut Vec<Error>) -> Vec<&'a str> {
    let mut areas: Vec<&str> = Vec::new();
    for c in &competencies.items {
        match c.area.as_deref() {
            Some(area) if is_blank(area) => errors.push(Error::BlankArea {
                competency: c.id.clone(),
            }),
            // The area names a group id, so it follows the rule for ids.
            Some(area) if has_hidden(area) => {
                errors.push(hidden_character(
                    EntityKind::Competency,
                    c.id.as_str(),
                    "area",
                    area,
                ));
            }
            Some(area) => areas.push(area),
            None => {}
        }
    }
    order::sort_unstable(&mut areas);
    areas.dedup();
    areas
}

/// Checks the groups and the competencies' membership, reporting into `errors`: empty or
/// duplicate group ids, blank group names, blank areas, unknown or repeated parents and
/// groups, cycles (each with its path), and the groups' rules (see `rules`). `min` and
/// `max` are the competencies' level ranges.
pub(crate) fn hierarchy(
    declared: Vec<GroupSpec>,
    competencies: &Table<CompetencySpec>,
    (min, max): (&[u8], &[u8]),
    errors: &mut Vec<Error>,
) -> Hierarchy {
    let explicit: HashSet<&str> = declared.iter().map(|g| g.id.as_str()).collect();
    let implied: Vec<GroupSpec> = areas(competencies, errors)
        .into_iter()
        .map(|area| GroupSpec {
            kind: GroupKind::Area,
            ..GroupSpec::new(area_group_id(area), area)
        })
        .filter(|g| !explicit.contains(g.id.as_str()))
        .collect();
    // As `String`s, a set type the module already compiles.
    let implied_ids: HashSet<String> = implied.iter().map(|g| g.id.as_str().to_owned()).collect();
    let mut all = declared;
    all.extend(implied);
    let groups = table(
        all,
        EntityKind::Group,
        |g| g.id.as_str(),
        |g| &g.name,
        errors,
    );
    let implicit = groups
        .items
        .iter()
        .map(|g| implied_ids.contains(g.id.as_str()))
        .collect();

    let mut up = Vec::new();
    for (g, group) in groups.items.iter().enumerate() {
        let parents = group.parents.iter().map(GroupId::as_str);
        for p in resolve(
            EntityKind::Group,
            group.id.as_str(),
            parents,
            &groups,
            errors,
        ) {
            up.push((g as u32, p));
        }
    }
    let mut membership = Vec::new();
    for (c, competency) in competencies.items.iter().enumerate() {
        // `area: "X"` is a shorthand for membership of `area:X`: listing the group too
        // says the same once more, not twice.
        let area = competency
            .area
            .as_deref()
            .filter(|a| !is_blank(a) && !has_hidden(a))
            .map(area_group_id)
            .filter(|a| !competency.groups.contains(a));
        let listed = competency
            .groups
            .iter()
            .chain(area.as_ref())
            .map(GroupId::as_str);
        let id = competency.id.as_str();
        for g in resolve(EntityKind::Competency, id, listed, &groups, errors) {
            membership.push((c as u32, g));
        }
    }

    let n = groups.len();
    let graph = parent_graph(n, &up);
    let found = cycles(&graph);
    errors.extend(found.iter().map(|cycle| Error::GroupCycle {
        groups: cycle.iter().map(|&i| groups.items[i].id.clone()).collect(),
    }));
    let top_down = if found.is_empty() {
        top_down(n, &up)
    } else {
        Vec::new()
    };
    let down: Vec<(u32, u32)> = up.iter().map(|&(child, parent)| (parent, child)).collect();
    let members: Vec<(u32, u32)> = membership.iter().map(|&(c, g)| (g, c)).collect();
    let children = Adjacency::from_pairs(n, down);
    let members = Adjacency::from_pairs(n, members);
    let cx = Context {
        groups: &groups,
        competencies,
        min,
        max,
        members: &members,
        children: &children,
    };
    let rules = rules::compile(&cx, errors);
    Hierarchy {
        implicit,
        parents: Adjacency::from_pairs(n, up),
        children,
        members,
        of_competency: Adjacency::from_pairs(competencies.len(), membership),
        top_down,
        rules,
        groups,
    }
}

/// The known groups among `targets`, reporting unknown and repeated ones.
fn resolve<'a>(
    from_kind: EntityKind,
    from: &str,
    targets: impl Iterator<Item = &'a str>,
    groups: &Table<GroupSpec>,
    errors: &mut Vec<Error>,
) -> Vec<u32> {
    let mut seen = HashSet::new();
    let mut repeated = HashSet::new();
    let mut found = Vec::new();
    for to in targets {
        if !seen.insert(to) {
            if repeated.insert(to) {
                errors.push(Error::DuplicateReference {
                    from_kind,
                    from: from.to_owned(),
                    to_kind: EntityKind::Group,
                    to: to.to_owned(),
                });
            }
            continue;
        }
        match groups.get(to) {
            Some(g) => found.push(g),
            None => errors.push(Error::UnknownReference {
                from_kind,
                from: from.to_owned(),
                to_kind: EntityKind::Group,
                to: to.to_owned(),
                nearest: None,
            }),
        }
    }
    found
}

/// Node `i` is group `i`; an edge `a → b` says `a` lists `b` as a parent.
fn parent_graph(n: usize, up: &[(u32, u32)]) -> DiGraph<(), ()> {
    let mut graph = DiGraph::with_capacity(n, up.len());
    for _ in 0..n {
        graph.add_node(());
    }
    for &(child, parent) in up {
        graph.add_edge(
            NodeIndex::new(child as usize),
            NodeIndex::new(parent as usize),
            (),
        );
    }
    graph
}

/// Kahn's algorithm over an acyclic hierarchy: parents first, smallest index first among
/// the groups whose parents are all placed.
fn top_down(n: usize, up: &[(u32, u32)]) -> Vec<u32> {
    let mut waiting = vec![0usize; n];
    let mut children = vec![Vec::new(); n];
    for &(child, parent) in up {
        waiting[child as usize] += 1;
        children[parent as usize].push(child);
    }
    let mut ready: BinaryHeap<Reverse<u32>> = (0..n as u32)
        .filter(|&g| waiting[g as usize] == 0)
        .map(Reverse)
        .collect();
    let mut order = Vec::with_capacity(n);
    while let Some(Reverse(g)) = ready.pop() {
        order.push(g);
        for &child in &children[g as usize] {
            let w = &mut waiting[child as usize];
            *w -= 1;
            if *w == 0 {
                ready.push(Reverse(child));
            }
        }
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adjacency_lists_are_sorted_and_deduplicated() {
        let lists = Adjacency::from_pairs(3, vec![(2, 5), (0, 4), (2, 1), (2, 5)]);
        assert_eq!(lists.get(0), [4]);
        assert_eq!(lists.get(1), [] as [u32; 0]);
        assert_eq!(lists.get(2), [1, 5]);
        assert_eq!(lists.get(9), [] as [u32; 0]);
    }

    #[test]
    fn parents_come_before_children_and_ties_by_index() {
        // 3 under 0 and 2; 1 under 3; 0 and 2 at the top.
        let order = top_down(4, &[(3, 0), (3, 2), (1, 3)]);
        assert_eq!(order, [0, 2, 3, 1]);
    }

    #[test]
    fn a_long_chain_orders_without_recursion() {
        let up: Vec<(u32, u32)> = (1..200_000).map(|i| (i, i - 1)).collect();
        let order = top_down(200_000, &up);
        assert_eq!(order.len(), 200_000);
        assert_eq!(order[199_999], 199_999);
    }
}
