//! A list CASE defines written as a JSON object, as PHP and Go write arrays and maps.

use serde_json::{Map, Value};

use crate::interop::case::node::{key, uuid_tail};

/// The elements of a list written as an object, as PHP's `json_encode` writes an array
/// whose keys are not `0, 1, 2, …` (after elements were filtered out) and as Go writes a
/// map: every value an object, and the keys either all list positions (`"0"`, `"2"`; the
/// elements come in their order, and a `null` among them is an absent element) or each
/// its element's `identifier` (in key order; or, see [`says_nothing_more`], its `uri`,
/// its `humanCodingScheme`, or a URI ending in its UUID; a `null` under a key is an
/// absent element, as a Go map holding a nil pointer writes it). The
/// keys then say nothing the elements do not, so nothing is lost. So an empty object is
/// the empty list (PHP's `JSON_FORCE_OBJECT` and an empty Go map write it so), never an
/// element without a field. An object holding only objects under other keys comes back
/// whole (the import names it as of the wrong type: its keys would be lost); any other
/// object is one element, a list of one.
///
/// Keys of digits are positions only as PHP writes them: without a leading zero (`"01"`
/// is a text key, an id), and, when an element has no `identifier`, exactly `0` to
/// `n − 1`. A map keyed by numeric ids (`"17"`, `"42"`) whose elements lack their
/// identifier holds them only in its keys, and `"2"` may be a position or an id: such an
/// object also comes back whole, rather than its elements read without the ids or with
/// positions for ids.
pub(super) fn keyed_list(map: Map<String, Value>) -> Result<Vec<Value>, Value> {
    if map.is_empty() {
        return Ok(Vec::new());
    }
    let position = |k: &str| -> Option<u64> {
        (!k.is_empty()
            && k.len() <= 18
            && k.bytes().all(|b| b.is_ascii_digit())
            && (k == "0" || !k.starts_with('0')))
        .then(|| k.parse().ok())
        .flatten()
    };
    let identified = |k: &str, v: &Value| says_nothing_more(k, v);
    let has_identifier = |v: &Value| {
        v.get("identifier")
            .and_then(Value::as_str)
            .is_some_and(|id| !id.trim().is_empty())
    };
    let all_objects = !map.is_empty() && map.values().all(Value::is_object);
    // Without identifiers in the elements, only `0` to `n − 1` are surely positions.
    let list_positions = || {
        let n = map.len() as u64;
        map.keys().all(|k| position(k).is_some_and(|at| at < n))
    };
    // `null` at a list position is an absent element, as `null` in a list is.
    let positioned = map.values().any(Value::is_object)
        && map.values().all(|v| v.is_object() || v.is_null())
        && map.keys().all(|k| position(k).is_some())
        && (map.values().all(|v| v.is_null() || has_identifier(v)) || list_positions());
    if positioned {
        let mut list: Vec<(u64, Value)> = map
            .into_iter()
            .filter(|(_, v)| !v.is_null())
            .map(|(k, v)| (position(&k).unwrap_or_default(), v))
            .collect();
        crate::model::order::sort_by_key(&mut list, |(at, _)| *at);
        Ok(list.into_iter().map(|(_, v)| v).collect())
    } else if map.values().any(Value::is_object)
        && map.iter().all(|(k, v)| v.is_null() || identified(k, v))
    {
        // `null` under an element's key is an absent element, as `null` in a list is.
        Ok(map.into_values().filter(Value::is_object).collect())
    } else if all_objects {
        Err(Value::Object(map))
    } else {
        Ok(vec![Value::Object(map)])
    }
}

/// Whether the key `k` of a list written as an object says nothing its element `v` does
/// not: it is the element's `identifier` (spaces around either aside, as identifiers
/// compare), its `uri` or its `humanCodingScheme` (a map keyed by the field a server
/// looks elements up by), or a URI ending in the UUID the identifier is (a JavaScript
/// object keyed by the element's URI, with no `uri` field beside). A key naming anything
/// else would be lost with the object. O(length of the key).
fn says_nothing_more(k: &str, v: &Value) -> bool {
    let field = |name: &str| {
        v.get(name)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|f| !f.is_empty())
    };
    let k = k.trim();
    let Some(identifier) = field("identifier") else {
        return false;
    };
    identifier == k
        || field("uri") == Some(k)
        || field("humanCodingScheme") == Some(k)
        || uuid_tail(k).is_some_and(|tail| key(tail) == key(identifier))
}
