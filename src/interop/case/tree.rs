//! The `isChildOf` structure of a package: each item's parents in it, and its cycles.

use super::node::{Node, Parsed, is_child_of};
use crate::Error;
use crate::model::order;

/// Per item, its `isChildOf` parents in the package as `(association, parent)`; and
/// whether it has children there.
pub(super) struct Tree {
    pub(super) parents: Vec<Vec<(usize, Node)>>,
    pub(super) has_children: Vec<bool>,
}

pub(super) fn child_of_tree(parsed: &Parsed<'_>) -> Tree {
    let n = parsed.items.len();
    let mut tree = Tree {
        parents: vec![Vec::new(); n],
        has_children: vec![false; n],
    };
    for (k, assoc) in parsed.assocs.iter().enumerate() {
        // Publishers write the type in other capitalisations and in words (`IsChildOf`,
        // `Is Child Of`); no other CASE association type differs from it only so.
        if !is_child_of(&assoc.a.association_type) {
            continue;
        }
        if let (Node::Item(child), parent @ (Node::Item(_) | Node::Document)) =
            (assoc.origin, assoc.destination)
        {
            if let Node::Item(p) = parent {
                tree.has_children[p] = true;
            }
            tree.parents[child].push((k, parent));
        }
    }
    tree
}

/// Reports every `isChildOf` cycle (a strongly connected component, or an item its own
/// parent) with its items sorted.
pub(super) fn child_of_cycles(parsed: &Parsed<'_>, tree: &Tree, errors: &mut Vec<Error>) {
    let parents: Vec<Vec<usize>> = tree
        .parents
        .iter()
        .map(|list| {
            list.iter()
                .filter_map(|&(_, p)| match p {
                    Node::Item(p) => Some(p),
                    Node::Document | Node::Outside => None,
                })
                .collect()
        })
        .collect();
    let mut cycles: Vec<Vec<String>> = strongly_connected(&parents)
        .into_iter()
        .filter(|scc| match scc.as_slice() {
            [one] => parents[*one].contains(one),
            _ => true,
        })
        .map(|scc| {
            let mut ids: Vec<String> = scc
                .iter()
                .map(|&v| parsed.items[v].identifier.clone())
                .collect();
            order::sort(&mut ids);
            ids
        })
        .collect();
    order::sort(&mut cycles);
    errors.extend(
        cycles
            .into_iter()
            .map(|items| Error::CaseChildOfCycle { items }),
    );
}

/// The strongly connected components of a graph given as adjacency lists: Tarjan's
/// algorithm with an explicit stack, so that no input depth can exhaust the call stack.
///
/// # Complexity
/// O(V + E).
fn strongly_connected(edges: &[Vec<usize>]) -> Vec<Vec<usize>> {
    const UNSEEN: usize = usize::MAX;
    let n = edges.len();
    let (mut index, mut low, mut on_stack) = (vec![UNSEEN; n], vec![0; n], vec![false; n]);
    let (mut stack, mut calls, mut components) = (Vec::new(), Vec::new(), Vec::new());
    let mut next = 0;
    for root in 0..n {
        if index[root] != UNSEEN {
            continue;
        }
        index[root] = next;
        low[root] = next;
        next += 1;
        stack.push(root);
        on_stack[root] = true;
        calls.push((root, 0usize));
        while let Some((v, edge)) = calls.last_mut() {
            let v = *v;
            if let Some(&w) = edges[v].get(*edge) {
                *edge += 1;
                if index[w] == UNSEEN {
                    index[w] = next;
                    low[w] = next;
                    next += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    calls.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            calls.pop();
            if let Some(&(parent, _)) = calls.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                let mut component = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    component.push(w);
                    if w == v {
                        break;
                    }
                }
                components.push(component);
            }
        }
    }
    components
}

#[cfg(test)]
mod tests {
    use super::strongly_connected;

    #[test]
    fn components_are_found_without_recursion() {
        let mut components = strongly_connected(&[vec![1], vec![2], vec![0, 3], vec![], vec![4]]);
        for c in &mut components {
            c.sort_unstable();
        }
        components.sort();
        assert_eq!(components, [vec![0, 1, 2], vec![3], vec![4]]);
        // A chain far deeper than any call stack would allow.
        let chain: Vec<Vec<usize>> = (1..=1_000_000).map(|i| vec![i % 1_000_000]).collect();
        assert_eq!(strongly_connected(&chain).len(), 1);
    }
}
