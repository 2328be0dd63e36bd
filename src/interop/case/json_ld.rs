//! CASE packages as CASE's JSON-LD binding writes them: elements identified only by their
//! node IRI, and the `@graph` form, whose nodes carry their type.

use serde_json::{Map, Value};

use super::node::{each_element, uuid_tail};

/// The package lists whose objects are elements, each with the list of elements its
/// elements hold (a rubric's criteria, then a criterion's levels), if any.
const ELEMENTS: [(&str, &[&str]); 4] = [
    ("CFDocument", &[]),
    ("CFItems", &[]),
    ("CFAssociations", &[]),
    (
        "CFRubrics",
        &["CFRubricCriteria", "CFRubricCriterionLevels"],
    ),
];

/// Gives each element of the package (the document, items, associations, rubrics, criteria
/// and levels) that has no `identifier` (or a `null` one) and whose `uri` (after JSON-LD's
/// `@id` was read as it) ends in a UUID that UUID as its identifier: CASE servers write
/// an element's URI ending in its identifier (`…/CFItems/{identifier}`, as `OpenSALT` and
/// this crate's export do), and a JSON-LD writer
/// that gives a node its IRI often leaves the identifier out as saying nothing more. Node
/// links are left alone: a link is resolved by its `uri`. Returns whether one was given.
/// O(elements), one key looked up per element when it has its identifier.
pub(super) fn identifiers_from_uris(map: &mut Map<String, Value>) -> bool {
    let mut given = false;
    for (key, nested) in ELEMENTS {
        if let Some(value) = map.get_mut(key) {
            given_in(value, key, nested, &mut given);
        }
    }
    given
}

/// Gives the identifier to each element `value`, the list `list`, holds in any shape the
/// reader reads a list in (see [`each_element`]), and to the elements of the lists
/// `nested` names inside them (the first inside these, the next inside those); sets
/// `given` when one was given.
fn given_in(value: &mut Value, list: &str, nested: &[&str], given: &mut bool) {
    each_element(value, list, &mut |element| {
        if element.get("identifier").is_none_or(Value::is_null)
            && let Some(tail) = element
                .get("uri")
                .and_then(Value::as_str)
                .and_then(uuid_tail)
        {
            element.insert("identifier".to_owned(), Value::from(tail));
            *given = true;
        }
        if let Some((inner, deeper)) = nested.split_first()
            && let Some(value) = element.get_mut(*inner)
        {
            given_in(value, inner, deeper, given);
        }
    });
}

/// Where a node of a JSON-LD `@graph` goes in the package, by its `@type`: the package
/// key (and, for definitions, the list within `CFDefinitions`) of its kind of element.
const GRAPH_PLACES: [(&str, &str, Option<&str>); 9] = [
    ("CFDocument", "CFDocument", None),
    ("CFItem", "CFItems", None),
    ("CFAssociation", "CFAssociations", None),
    ("CFRubric", "CFRubrics", None),
    ("CFItemType", "CFDefinitions", Some("CFItemTypes")),
    ("CFConcept", "CFDefinitions", Some("CFConcepts")),
    ("CFSubject", "CFDefinitions", Some("CFSubjects")),
    ("CFLicense", "CFDefinitions", Some("CFLicenses")),
    (
        "CFAssociationGrouping",
        "CFDefinitions",
        Some("CFAssociationGroupings"),
    ),
];

/// The CASE class a graph node's `@type` names (`CFItem`, a list of one type, or the
/// type's IRI or compact IRI ending in it: `…/vocab#CFItem`, `case:CFItem`), with its
/// place in the package; `None` for a node of no CASE type. A node without `@type` is
/// typed by `type`, the alias of `@type` that 1EdTech's JSON-LD contexts define and
/// publishers of CASE-LD write (`"type": "CFItem"`, case/68); the key stays as written.
fn graph_place(node: &Value) -> Option<(&'static str, Option<&'static str>)> {
    let typed = node.get("@type").or_else(|| node.get("type"))?;
    let named = match typed {
        Value::String(name) => name.as_str(),
        Value::Array(list) => match list.as_slice() {
            [Value::String(name)] => name.as_str(),
            _ => return None,
        },
        _ => return None,
    };
    let class = named
        .trim()
        .rsplit(['#', '/', ':'])
        .next()
        .unwrap_or_default();
    (GRAPH_PLACES.iter())
        .find(|(name, _, _)| *name == class)
        .map(|(_, key, list)| (*key, *list))
}

/// Takes the nodes of a JSON-LD document's `@graph` (a list of nodes, or one node) that
/// CASE's `@type`s name into the package, each where its kind of element goes (see
/// [`GRAPH_PLACES`]), in their order: the JSON-LD form of a package, whose nodes carry
/// their type rather than sit under their list's key. Nodes of another type (or none)
/// stay in `@graph`, which the import reports as a field without a place; a graph none
/// of whose nodes has a CASE type is left whole. A package key both in the graph and
/// beside it is refused, as a key both inside and beside an envelope is. O(nodes).
pub(super) fn ungraph(map: &mut Map<String, Value>) -> Result<(), String> {
    let placed = |node: &Value| graph_place(node).is_some();
    let graph = match map.get("@graph") {
        Some(Value::Array(nodes)) if nodes.iter().any(placed) => map.remove("@graph"),
        Some(node) if placed(node) => map.remove("@graph"),
        _ => return Ok(()),
    };
    let nodes = match graph {
        Some(Value::Array(nodes)) => nodes,
        Some(node) => vec![node],
        None => Vec::new(),
    };
    let mut lists: Map<String, Value> = Map::new();
    let mut definitions: Map<String, Value> = Map::new();
    let mut rest = Vec::new();
    for node in nodes {
        match graph_place(&node) {
            Some((_, Some(list))) => push(&mut definitions, list, node),
            Some((key, None)) => push(&mut lists, key, node),
            None => rest.push(node),
        }
    }
    if !definitions.is_empty() {
        lists.insert("CFDefinitions".to_owned(), Value::Object(definitions));
    }
    for (key, value) in lists {
        if map.contains_key(&key) {
            return Err(format!(
                "the key `{key}` is both in the JSON-LD `@graph` and beside it: expected it once"
            ));
        }
        // One document is the document; several stay a list, which the import refuses
        // naming each.
        let value = match value {
            Value::Array(mut one) if key == "CFDocument" && one.len() == 1 => one.remove(0),
            value => value,
        };
        map.insert(key, value);
    }
    if !rest.is_empty() {
        map.insert("@graph".to_owned(), Value::Array(rest));
    }
    Ok(())
}

/// Appends `node` to the list under `key`.
fn push(map: &mut Map<String, Value>, key: &str, node: Value) {
    if let Value::Array(list) = (map.entry(key)).or_insert_with(|| Value::Array(Vec::new())) {
        list.push(node);
    }
}
