//! Elements identified only by their node IRI, as CASE's JSON-LD binding writes them.

use serde_json::{Map, Value};

use super::node::uuid_tail;

/// The package lists whose objects are elements, and within a rubric and a criterion, the
/// lists of elements they hold.
const ELEMENTS: [&str; 4] = ["CFDocument", "CFItems", "CFAssociations", "CFRubrics"];
const NESTED: [&str; 2] = ["CFRubricCriteria", "CFRubricCriterionLevels"];

/// Gives each element of the package (the document, items, associations, rubrics, criteria
/// and levels) that has no `identifier` (or a `null` one) and whose `uri` (after JSON-LD's
/// `@id` was read as it) ends in a UUID that UUID as its identifier: CASE builds an
/// element's URI from its identifier (`…/CFItems/{identifier}`), and a JSON-LD writer
/// that gives a node its IRI often leaves the identifier out as saying nothing more. Node
/// links are left alone: a link is resolved by its `uri`. Returns whether one was given.
/// O(size of the lists' elements' keys).
pub(super) fn identifiers_from_uris(map: &mut Map<String, Value>) -> bool {
    let mut given = false;
    for key in ELEMENTS {
        if let Some(value) = map.get_mut(key) {
            given |= each_element(value);
        }
    }
    given
}

/// Gives the identifier to the element `value` is, or to each element of the list it is,
/// and to the criteria and levels inside them.
fn each_element(value: &mut Value) -> bool {
    match value {
        Value::Array(list) => list
            .iter_mut()
            .fold(false, |given, v| each_element(v) | given),
        Value::Object(element) => {
            let mut given = false;
            if element.get("identifier").is_none_or(Value::is_null)
                && let Some(tail) = element
                    .get("uri")
                    .and_then(Value::as_str)
                    .and_then(uuid_tail)
            {
                element.insert("identifier".to_owned(), Value::from(tail));
                given = true;
            }
            for key in NESTED {
                if let Some(inner) = element.get_mut(key) {
                    given |= each_element(inner);
                }
            }
            given
        }
        _ => false,
    }
}
