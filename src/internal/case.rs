//! CASE 1.1 import and export behind [`crate::case`]. This file checks a package and works
//! out its `isChildOf` structure and what each item becomes; `map` builds the spec and the
//! report, `export` writes packages, `uuid` derives name-based identifiers.

mod export;
mod map;
mod uuid;

pub(crate) use export::export;

use std::collections::HashMap;

use self::map::{Assembly, Reporter, rubric_levels};
use crate::case::{
    CaseAssociation, CaseDocument, CaseElement, CaseIds, CaseImport, CaseImportOptions,
    CaseImportReport, CaseItem, CaseItemMapping, CaseLink, CasePackage, type_key,
};
use crate::{CompetencyId, EntityKind, Error, Errors};

const CHILD_OF: &str = "isChildOf";
const MAX_LEVELS: usize = 5;

fn non_blank(text: &str) -> Option<&str> {
    (!text.trim().is_empty()).then_some(text)
}

fn opt_non_blank(text: Option<&String>) -> Option<&str> {
    text.map(String::as_str).and_then(non_blank)
}

/// The name an item gives its competency or area: the abbreviated statement, else the full one.
fn item_name(item: &CaseItem) -> &str {
    opt_non_blank(item.abbreviated_statement.as_ref()).unwrap_or(&item.full_statement)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Parent {
    Item(usize),
    Document,
}

/// An association with every field the mapping needs.
struct Assoc<'p> {
    a: &'p CaseAssociation,
    origin: &'p str,
    destination: &'p str,
}

/// The package's uniquely identified items and complete associations.
struct Parsed<'p> {
    items: Vec<&'p CaseItem>,
    index: HashMap<&'p str, usize>,
    assocs: Vec<Assoc<'p>>,
}

/// Identifiers met so far; each duplicate is reported once.
#[derive(Default)]
struct Seen<'p>(HashMap<&'p str, bool>);

impl<'p> Seen<'p> {
    /// The identifier when present and new; reports it as missing or duplicate otherwise.
    fn first(
        &mut self,
        id: &'p str,
        element: CaseElement,
        path: impl FnOnce() -> String,
        errors: &mut Vec<Error>,
    ) -> Option<&'p str> {
        if non_blank(id).is_none() {
            errors.push(Error::CaseMissingIdentifier {
                element,
                path: path(),
            });
            return None;
        }
        match self.0.get_mut(id) {
            None => {
                self.0.insert(id, false);
                Some(id)
            }
            Some(reported) => {
                if !*reported {
                    errors.push(Error::CaseDuplicateIdentifier {
                        identifier: id.to_owned(),
                    });
                    *reported = true;
                }
                None
            }
        }
    }
}

fn missing(element: CaseElement, identifier: &str, field: &'static str) -> Error {
    Error::CaseMissingField {
        element,
        identifier: identifier.to_owned(),
        field,
    }
}

/// Checks identifiers (present, unique across the package) and required fields.
fn parse<'p>(package: &'p CasePackage, doc_id: &'p str, errors: &mut Vec<Error>) -> Parsed<'p> {
    let mut seen = Seen::default();
    if non_blank(doc_id).is_some() {
        seen.0.insert(doc_id, false);
    }
    let mut parsed = Parsed {
        items: Vec::new(),
        index: HashMap::new(),
        assocs: Vec::new(),
    };
    for (i, item) in package.items.iter().enumerate() {
        let path = || format!("CFItems[{i}]");
        let Some(id) = seen.first(&item.identifier, CaseElement::Item, path, errors) else {
            continue;
        };
        if non_blank(&item.full_statement).is_none() {
            errors.push(missing(CaseElement::Item, id, "fullStatement"));
        }
        parsed.index.insert(id, parsed.items.len());
        parsed.items.push(item);
    }
    for (i, a) in package.associations.iter().enumerate() {
        let path = || format!("CFAssociations[{i}]");
        let Some(id) = seen.first(&a.identifier, CaseElement::Association, path, errors) else {
            continue;
        };
        let node = |link: Option<&'p CaseLink>| link.and_then(|l| non_blank(&l.identifier));
        let kind = non_blank(&a.association_type);
        let origin = node(a.origin_node_uri.as_ref());
        let destination = node(a.destination_node_uri.as_ref());
        if kind.is_none() {
            errors.push(missing(CaseElement::Association, id, "associationType"));
        }
        if origin.is_none() {
            errors.push(missing(CaseElement::Association, id, "originNodeURI"));
        }
        if destination.is_none() {
            errors.push(missing(CaseElement::Association, id, "destinationNodeURI"));
        }
        if let (Some(_), Some(origin), Some(destination)) = (kind, origin, destination) {
            parsed.assocs.push(Assoc {
                a,
                origin,
                destination,
            });
        }
    }
    for (r, rubric) in package.rubrics.iter().enumerate() {
        let path = || format!("CFRubrics[{r}]");
        seen.first(&rubric.identifier, CaseElement::Rubric, path, errors);
        for (c, criterion) in rubric.criteria.iter().enumerate() {
            let path = || format!("CFRubrics[{r}].CFRubricCriteria[{c}]");
            seen.first(&criterion.identifier, CaseElement::Criterion, path, errors);
            for (l, level) in criterion.levels.iter().enumerate() {
                let path =
                    || format!("CFRubrics[{r}].CFRubricCriteria[{c}].CFRubricCriterionLevels[{l}]");
                seen.first(&level.identifier, CaseElement::Level, path, errors);
            }
        }
    }
    parsed
}

/// Per item, its `isChildOf` parents as `(association, parent)`; and whether it has children.
struct Tree {
    parents: Vec<Vec<(usize, Parent)>>,
    has_children: Vec<bool>,
}

fn child_of_tree(parsed: &Parsed<'_>, doc_id: &str, errors: &mut Vec<Error>) -> Tree {
    let n = parsed.items.len();
    let mut tree = Tree {
        parents: vec![Vec::new(); n],
        has_children: vec![false; n],
    };
    for (k, assoc) in parsed.assocs.iter().enumerate() {
        if assoc.a.association_type != CHILD_OF {
            continue;
        }
        let child = parsed.index.get(assoc.origin).copied();
        let parent = if non_blank(doc_id).is_some() && assoc.destination == doc_id {
            Some(Parent::Document)
        } else {
            parsed
                .index
                .get(assoc.destination)
                .map(|&p| Parent::Item(p))
        };
        for (found, end, node) in [
            (child.is_some(), "origin", assoc.origin),
            (parent.is_some(), "destination", assoc.destination),
        ] {
            if !found {
                errors.push(Error::CaseUnknownNode {
                    association: assoc.a.identifier.clone(),
                    end,
                    node: node.to_owned(),
                });
            }
        }
        if let (Some(child), Some(parent)) = (child, parent) {
            if let Parent::Item(p) = parent {
                tree.has_children[p] = true;
            }
            tree.parents[child].push((k, parent));
        }
    }
    tree
}

/// Reports every `isChildOf` cycle (a strongly connected component, or an item its own
/// parent) with its items sorted.
fn child_of_cycles(parsed: &Parsed<'_>, tree: &Tree, errors: &mut Vec<Error>) {
    let parents: Vec<Vec<usize>> = tree
        .parents
        .iter()
        .map(|list| {
            list.iter()
                .filter_map(|&(_, p)| match p {
                    Parent::Item(p) => Some(p),
                    Parent::Document => None,
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
            ids.sort();
            ids
        })
        .collect();
    cycles.sort();
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

/// What each item becomes, and whether the default rule decided it.
fn classify(
    parsed: &Parsed<'_>,
    tree: &Tree,
    options: &CaseImportOptions,
) -> Vec<(CaseItemMapping, bool)> {
    parsed
        .items
        .iter()
        .zip(&tree.has_children)
        .map(|(item, &has_children)| {
            let configured = item
                .item_type
                .as_deref()
                .and_then(|t| options.item_types.get(&type_key(t)));
            match configured {
                Some(&mapping) => (mapping, false),
                None if has_children => (CaseItemMapping::Area, true),
                None => (CaseItemMapping::Competency(options.default_type), true),
            }
        })
        .collect()
}

/// The competency id of each item that becomes one; repeated ids are reported once each.
fn competency_ids(
    parsed: &Parsed<'_>,
    mapping: &[(CaseItemMapping, bool)],
    options: &CaseImportOptions,
    errors: &mut Vec<Error>,
) -> Vec<Option<CompetencyId>> {
    let mut seen: HashMap<&str, bool> = HashMap::new();
    let mut ids = Vec::with_capacity(parsed.items.len());
    for (item, (m, _)) in parsed.items.iter().zip(mapping) {
        if !matches!(m, CaseItemMapping::Competency(_)) {
            ids.push(None);
            continue;
        }
        let id = match options.ids {
            CaseIds::Identifier => item.identifier.as_str(),
            CaseIds::HumanCodingScheme => {
                opt_non_blank(item.human_coding_scheme.as_ref()).unwrap_or(&item.identifier)
            }
        };
        match seen.get_mut(id) {
            None => {
                seen.insert(id, false);
                ids.push(Some(CompetencyId::from(id)));
            }
            Some(reported) => {
                if !*reported {
                    errors.push(Error::DuplicateId {
                        kind: EntityKind::Competency,
                        id: id.to_owned(),
                    });
                    *reported = true;
                }
                ids.push(None);
            }
        }
    }
    ids
}

/// For each item, the `isChildOf` association that places it: a competency's to an area
/// parent, else to the document; an area's to the document. Ties: smallest identifier.
fn placements(
    parsed: &Parsed<'_>,
    tree: &Tree,
    mapping: &[(CaseItemMapping, bool)],
) -> Vec<Option<(usize, Parent)>> {
    let smallest = |list: &[(usize, Parent)], want: &dyn Fn(Parent) -> bool| {
        list.iter()
            .filter(|&&(_, p)| want(p))
            .min_by_key(|&&(k, _)| parsed.assocs[k].a.identifier.as_str())
            .copied()
    };
    let is_area = |p: Parent| matches!(p, Parent::Item(q) if mapping[q].0 == CaseItemMapping::Area);
    let is_document = |p: Parent| p == Parent::Document;
    tree.parents
        .iter()
        .zip(mapping)
        .map(|(list, (m, _))| match m {
            CaseItemMapping::Competency(_) => {
                smallest(list, &is_area).or_else(|| smallest(list, &is_document))
            }
            CaseItemMapping::Area => smallest(list, &is_document),
            CaseItemMapping::Ignore => None,
        })
        .collect()
}

pub(crate) fn import(
    package: &CasePackage,
    options: &CaseImportOptions,
) -> Result<CaseImport, Errors> {
    let mut errors = Vec::new();
    let no_document = CaseDocument::default();
    let document = if let Some(document) = &package.document {
        if non_blank(&document.identifier).is_none() {
            errors.push(Error::CaseMissingIdentifier {
                element: CaseElement::Document,
                path: "CFDocument".to_owned(),
            });
        }
        document
    } else {
        errors.push(Error::CaseMissingDocument);
        &no_document
    };
    let doc_id = document.identifier.as_str();
    let parsed = parse(package, doc_id, &mut errors);
    let tree = child_of_tree(&parsed, doc_id, &mut errors);
    child_of_cycles(&parsed, &tree, &mut errors);
    let mapping = classify(&parsed, &tree, options);
    let ids = competency_ids(&parsed, &mapping, options, &mut errors);
    let mut reporter = Reporter {
        report: CaseImportReport {
            document: document.clone(),
            ..CaseImportReport::default()
        },
    };
    let levels = rubric_levels(package, &parsed, &mapping, &mut reporter, &mut errors);
    if let Some(errors) = Errors::from_vec(errors) {
        return Err(errors);
    }
    let placed = placements(&parsed, &tree, &mapping);
    let context = Assembly {
        parsed: &parsed,
        mapping: &mapping,
        ids: &ids,
        placed: &placed,
        options,
    };
    let spec = context.assemble(levels, &mut reporter);
    reporter.fields(CaseElement::Package, doc_id, &[], &package.extra);
    let mut report = reporter.report;
    report.dropped.sort_by(|a, b| {
        (a.element, &a.identifier, a.reason).cmp(&(b.element, &b.identifier, b.reason))
    });
    report.dropped_fields.sort_by(|a, b| {
        (a.element, &a.identifier, &a.field).cmp(&(b.element, &b.identifier, &b.field))
    });
    Ok(CaseImport { spec, report })
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
