//! ESCO's skill hierarchy (`skill_broader.csv`, `skill_groups.csv`; the official layout's
//! are read in `official.rs`): read once, then mapped
//! either to competency groups with ids (the whole poly-hierarchy) or to each skill's
//! nearest group label (the flat `area` of earlier versions).

use crate::model::order;
use std::collections::{HashMap, HashSet};

use petgraph::graph::{DiGraph, NodeIndex};

use super::{BROADER, GROUPS, Rows, SKILLS, Skill};
use crate::interop::csv::{Seen, Table};
use crate::model::cycles::cycles;
use crate::{Error, GroupId, GroupSpec};

/// One end of a `skill_broader.csv` edge: a skill or a skill group, by ESCO id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum Node {
    Skill(u32),
    Group(u32),
}

/// One broader (is-a) edge and the line it was read from.
pub(super) struct Edge {
    pub(super) line: usize,
    pub(super) child: Node,
    pub(super) parent: Node,
}

/// The hierarchy as read: group labels, and every edge whose two ends are known.
pub(super) struct Hierarchy {
    /// Group id → label; `None` for a row with a valid id but an empty label.
    pub(super) labels: Rows<String>,
    pub(super) edges: Vec<Edge>,
    /// The file the edges were read from, and its column of an edge's parent: where a
    /// cycle is reported.
    pub(super) file: &'static str,
    pub(super) parent_column: &'static str,
}

/// Reads both files, reporting malformed rows, unknown ends and repeated edges.
pub(super) fn read(
    skill_broader: &str,
    skill_groups: &str,
    skills: Option<&Rows<Skill>>,
    errors: &mut Vec<Error>,
) -> Hierarchy {
    let mut labels: Rows<String> = Rows::new();
    let groups = Table::open(GROUPS, skill_groups, &["group_id", "label"], errors);
    let groups_ok = groups.is_some();
    let mut refused = Vec::new();
    if let Some(table) = groups {
        let mut seen = Seen::new();
        refused = table.rows(errors, |row, errors| {
            let id = row.number("group_id", errors);
            let label = row.non_empty("label", errors);
            if let Some(id) = id {
                match seen.check_number(row, id, "group_id") {
                    Ok(()) => {
                        labels.insert(id, label.map(str::to_owned));
                    }
                    Err(e) => errors.push(e),
                }
            }
        });
    }
    let labels = labels.finish().refused(&refused);
    let mut edges = Vec::new();
    let columns = ["child_kind", "child_id", "parent_kind", "parent_id"];
    if let Some(table) = Table::open(BROADER, skill_broader, &columns, errors) {
        let mut seen = Seen::new();
        table.rows(errors, |row, errors| {
            let mut end = |kind_column, id_column| {
                let kind = row.one_of(kind_column, &["S", "G"], "`S` or `G`", errors);
                let id = row.number(id_column, errors);
                let (kind, id) = (kind?, id?);
                let missing = if kind == "S" {
                    skills
                        .filter(|s| !s.contains_key(id))
                        .map(|s| s.missing(row, id_column, SKILLS))
                } else {
                    (groups_ok && !labels.contains_key(id))
                        .then(|| labels.missing(row, id_column, GROUPS))
                };
                if let Some(missing) = missing {
                    errors.push(missing);
                    return None;
                }
                Some(if kind == "S" {
                    Node::Skill(id)
                } else {
                    Node::Group(id)
                })
            };
            let child = end("child_kind", "child_id");
            let parent = end("parent_kind", "parent_id");
            let (Some(child), Some(parent)) = (child, parent) else {
                return;
            };
            let shown = |written: bool| {
                let text = |n: Node, column| match (n, written) {
                    (Node::Skill(_), true) => format!("S {}", row.text(column)),
                    (Node::Group(_), true) => format!("G {}", row.text(column)),
                    (Node::Skill(id), false) => format!("S {id}"),
                    (Node::Group(id), false) => format!("G {id}"),
                };
                format!("{}, {}", text(child, "child_id"), text(parent, "parent_id"))
            };
            let plain = row.plain_numbers(&["child_id", "parent_id"]);
            match seen.check(row, (child, parent), "child, parent", plain, shown) {
                Ok(()) => edges.push(Edge {
                    line: row.line(),
                    child,
                    parent,
                }),
                Err(e) => errors.push(e),
            }
        });
    }
    Hierarchy {
        labels,
        edges,
        file: BROADER,
        parent_column: "parent_id",
    }
}

/// Each skill's area: the label of its nearest broader group, as documented on
/// [`load_esco`](super::load_esco) for [`EscoHierarchy::NearestArea`](super::EscoHierarchy).
///
/// One breadth-first search down from every skill placed in a group, level by level, over
/// the broader → narrower skill edges: a skill first reached at level d is d steps below
/// its nearest groups, and its lowest group id is the lowest of the broader skills at
/// level d − 1 it hangs from. O(V + E) for the skills and edges of the hierarchy (a search
/// up from each skill was O(V · E): 10,000 skills in a chain took 10 s).
pub(super) fn nearest_areas(
    hierarchy: &Hierarchy,
    skills: impl Iterator<Item = u32>,
) -> HashMap<u32, String> {
    let mut in_groups: HashMap<u32, u32> = HashMap::new();
    let mut narrower: HashMap<u32, Vec<u32>> = HashMap::new();
    for e in &hierarchy.edges {
        match (e.child, e.parent) {
            (Node::Skill(skill), Node::Group(group)) => {
                let lowest = in_groups.entry(skill).or_insert(group);
                *lowest = (*lowest).min(group);
            }
            (Node::Skill(skill), Node::Skill(broader)) => {
                narrower.entry(broader).or_default().push(skill);
            }
            // Group → group and group → skill edges place no skill: an area is the
            // nearest group above a skill.
            _ => {}
        }
    }
    // Each skill reached: (its distance below its nearest groups, the lowest of them).
    let mut nearest: HashMap<u32, (u32, u32)> = HashMap::new();
    let mut level: Vec<u32> = Vec::new();
    for (&skill, &group) in &in_groups {
        nearest.insert(skill, (0, group));
        level.push(skill);
    }
    let mut depth = 0;
    while !level.is_empty() {
        depth += 1;
        let mut next = Vec::new();
        for &broader in &level {
            let group = nearest[&broader].1;
            for &skill in narrower.get(&broader).map_or(&[][..], Vec::as_slice) {
                match nearest.get_mut(&skill) {
                    None => {
                        nearest.insert(skill, (depth, group));
                        next.push(skill);
                    }
                    Some((d, lowest)) if *d == depth => *lowest = (*lowest).min(group),
                    Some(_) => {}
                }
            }
        }
        level = next;
    }
    let mut areas = HashMap::new();
    for skill in skills {
        if let Some(Some(label)) = nearest
            .get(&skill)
            .and_then(|&(_, g)| hierarchy.labels.get(g))
        {
            areas.insert(skill, label.clone());
        }
    }
    areas
}

/// The id of the group an ESCO skill group becomes.
pub(super) fn group_id(group: u32) -> GroupId {
    GroupId::new(format!("group-{group}"))
}

/// The id of the group holding a broader skill and the skills narrower than it.
pub(super) fn skill_group_id(skill: u32) -> GroupId {
    GroupId::new(format!("skill-group-{skill}"))
}

fn node_group(node: Node) -> GroupId {
    match node {
        Node::Skill(s) => skill_group_id(s),
        Node::Group(g) => group_id(g),
    }
}

/// The hierarchy as competency groups: the groups, sorted by id, and each skill's groups.
pub(super) struct Groups {
    pub(super) groups: Vec<GroupSpec>,
    pub(super) of_skill: HashMap<Node, Vec<GroupId>>,
}

/// Maps the whole hierarchy to groups, as documented on [`load_esco`](super::load_esco):
/// every skill group becomes `group-<id>`; every skill with narrower skills also becomes a
/// group `skill-group-<id>`, holding the skill itself and standing where the skill stands;
/// every edge becomes a membership or a parent link. Reports a cycle among the edges (each
/// with the line of its first edge), which [`Framework::new`](crate::Framework::new) would
/// refuse.
pub(super) fn groups(
    hierarchy: &Hierarchy,
    skills: &Rows<Skill>,
    errors: &mut Vec<Error>,
) -> Groups {
    // Skills that have narrower concepts (skills or groups) below them become groups too.
    // Skill ids as `usize`: a set type the module already has.
    let broader: HashSet<usize> = hierarchy
        .edges
        .iter()
        .filter_map(|e| match e.parent {
            Node::Skill(s) => Some(s as usize),
            Node::Group(_) => None,
        })
        .collect();
    let mut parents: HashMap<Node, Vec<GroupId>> = HashMap::new();
    let mut of_skill: HashMap<Node, Vec<GroupId>> = HashMap::new();
    for e in &hierarchy.edges {
        let parent = node_group(e.parent);
        match e.child {
            Node::Skill(s) => {
                of_skill.entry(e.child).or_default().push(parent.clone());
                if broader.contains(&(s as usize)) {
                    parents.entry(e.child).or_default().push(parent);
                }
            }
            Node::Group(_) => parents.entry(e.child).or_default().push(parent),
        }
    }
    for s in broader.iter().map(|&s| s as u32) {
        of_skill
            .entry(Node::Skill(s))
            .or_default()
            .push(skill_group_id(s));
    }
    for list in of_skill.values_mut() {
        order::sort_unstable(list);
    }
    let mut groups = Vec::new();
    for (&id, label) in hierarchy.labels.iter() {
        if let Some(label) = label {
            groups.push(GroupSpec::new(group_id(id), label.clone()));
        }
    }
    for s in broader.iter().map(|&s| s as u32) {
        if let Some(skill) = skills.get(s).and_then(Option::as_ref) {
            let mut group = GroupSpec::new(skill_group_id(s), skill.label.clone());
            group.description = format!("skill-{s} and the skills narrower than it");
            groups.push(group);
        }
    }
    for g in &mut groups {
        let node = match g.id.as_str().strip_prefix("skill-group-") {
            Some(s) => s.parse().ok().map(Node::Skill),
            None => (g.id.as_str().strip_prefix("group-"))
                .and_then(|s| s.parse().ok())
                .map(Node::Group),
        };
        if let Some(mut list) = node.and_then(|n| parents.remove(&n)) {
            order::sort_unstable(&mut list);
            g.parents = list;
        }
    }
    order::sort_by(&mut groups, |a, b| a.id.cmp(&b.id));
    errors.extend(cycle_errors(hierarchy, &broader));
    Groups { groups, of_skill }
}

/// A cycle among the group-to-group links the edges make, reported at the line of the
/// cycle's first edge.
fn cycle_errors(hierarchy: &Hierarchy, broader: &HashSet<usize>) -> Vec<Error> {
    let mut index: HashMap<Node, usize> = HashMap::new();
    let mut links: Vec<(usize, usize, usize)> = Vec::new();
    for e in &hierarchy.edges {
        let child_is_group = match e.child {
            Node::Group(_) => true,
            Node::Skill(s) => broader.contains(&(s as usize)),
        };
        if !child_is_group {
            continue;
        }
        let next = index.len();
        let child = *index.entry(e.child).or_insert(next);
        let next = index.len();
        let parent = *index.entry(e.parent).or_insert(next);
        links.push((child, parent, e.line));
    }
    let mut graph = DiGraph::<(), ()>::with_capacity(index.len(), links.len());
    for _ in 0..index.len() {
        graph.add_node(());
    }
    let mut line_of: HashMap<(usize, usize), usize> = HashMap::new();
    for &(child, parent, line) in &links {
        graph.add_edge(NodeIndex::new(child), NodeIndex::new(parent), ());
        line_of.entry((child, parent)).or_insert(line);
    }
    let nodes: Vec<Node> = {
        let mut v = vec![Node::Group(0); index.len()];
        for (&n, &i) in &index {
            v[i] = n;
        }
        v
    };
    cycles(&graph)
        .into_iter()
        .map(|cycle| {
            let first = cycle.first().copied().unwrap_or(0);
            let second = cycle.get(1).copied().unwrap_or(first);
            let line = line_of.get(&(first, second)).copied().unwrap_or(0);
            Error::CsvRow {
                file: hierarchy.file,
                line,
                column: hierarchy.parent_column,
                error: Box::new(Error::GroupCycle {
                    groups: cycle.iter().map(|&i| node_group(nodes[i])).collect(),
                }),
            }
        })
        .collect()
}
