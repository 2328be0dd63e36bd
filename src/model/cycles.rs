//! Cycles in a directed graph of dense indices, for the checks that reject them
//! (course prerequisites, competency groups), and the learning order of an acyclic one.

use std::collections::{HashMap, HashSet, VecDeque};

use crate::model::order;
use petgraph::graph::{DiGraph, NodeIndex};

/// One cycle per strongly connected component that has one, as node indices in edge order
/// starting from the component's smallest index (the shortest such cycle through it),
/// sorted.
///
/// # Complexity
/// O(V + E) for the components, plus a breadth-first search inside each cyclic one.
pub(crate) fn cycles(graph: &DiGraph<(), ()>) -> Vec<Vec<usize>> {
    let mut cycles: Vec<Vec<usize>> = Vec::new();
    // Kosaraju over petgraph's iterative depth-first searches: a recursive search would
    // overflow the stack on a long chain.
    for scc in petgraph::algo::kosaraju_scc(graph) {
        let start = scc.iter().map(|n| n.index()).min().unwrap_or(0);
        let self_loop = graph.contains_edge(NodeIndex::new(start), NodeIndex::new(start));
        if scc.len() == 1 && !self_loop {
            continue;
        }
        if self_loop {
            cycles.push(vec![start]);
            continue;
        }
        let members: HashSet<usize> = scc.iter().map(|n| n.index()).collect();
        if let Some(cycle) = shortest_cycle_through(graph, start, &members) {
            cycles.push(cycle);
        }
    }
    order::sort(&mut cycles);
    cycles
}

fn shortest_cycle_through(
    graph: &DiGraph<(), ()>,
    start: usize,
    members: &HashSet<usize>,
) -> Option<Vec<usize>> {
    let mut parent: HashMap<usize, usize> = HashMap::new();
    let mut queue = VecDeque::from([start]);
    while let Some(node) = queue.pop_front() {
        let mut next: Vec<usize> = graph
            .neighbors(NodeIndex::new(node))
            .map(NodeIndex::index)
            .collect();
        order::sort_unstable(&mut next);
        for n in next {
            if n == start {
                let mut path = vec![node];
                let mut at = node;
                while at != start {
                    let Some(&up) = parent.get(&at) else { break };
                    at = up;
                    path.push(at);
                }
                path.reverse();
                return Some(path);
            }
            if members.contains(&n) && !parent.contains_key(&n) {
                parent.insert(n, node);
                queue.push_back(n);
            }
        }
    }
    None
}

/// Learning order of an acyclic prerequisite graph (Kahn's algorithm, smallest index first
/// among the courses whose prerequisites are all placed).
pub(crate) fn course_ranks(graph: &DiGraph<(), ()>) -> Vec<u32> {
    let n = graph.node_count();
    // An edge a → b says a requires b, so b must come first: count what each course waits on.
    let mut waiting: Vec<usize> = (0..n)
        .map(|i| graph.neighbors(NodeIndex::new(i)).count())
        .collect();
    let mut ready: std::collections::BinaryHeap<std::cmp::Reverse<usize>> = (0..n)
        .filter(|&i| waiting[i] == 0)
        .map(std::cmp::Reverse)
        .collect();
    let mut rank = vec![0u32; n];
    let mut next = 0u32;
    while let Some(std::cmp::Reverse(i)) = ready.pop() {
        rank[i] = next;
        next += 1;
        for dependant in graph.neighbors_directed(NodeIndex::new(i), petgraph::Direction::Incoming)
        {
            let w = &mut waiting[dependant.index()];
            *w -= 1;
            if *w == 0 {
                ready.push(std::cmp::Reverse(dependant.index()));
            }
        }
    }
    rank
}
