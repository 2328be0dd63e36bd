//! The package object and the envelopes of API responses around it: `{"CFPackage": …}`,
//! a `CFPackages` list of one, the one key of a response (`{"data": …}`), and a list of
//! one package at the document root.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::huge;
use super::read::{
    Checked, Fields, association, checked_map, document, fold, item, json_type, rubric,
};
use crate::interop::case::field_case::rename_fields;
use crate::interop::case::fields::PACKAGE;
use crate::interop::case::json_ld::{identifiers_from_uris, ungraph};
use crate::interop::case::node::unwrap_elements;
use crate::interop::case::package::{CasePackage, CaseRenamedKey};
use crate::interop::case::repeats::one_document;
use crate::model::quote::quoted;

/// Parses a package from `json`, a publisher's text, read in the package types' serde form
/// (see `huge::read_marked`).
pub(super) fn parse(json: &str) -> Result<CasePackage, (Cow<'_, str>, serde_json::Error)> {
    huge::read_marked(json, |text| serde_json::from_str(text))
}

/// Reads a package object, unwrapping `{"CFPackage": {…}}` (see [`package`]).
pub(crate) struct PackageVisitor;

impl<'de> Visitor<'de> for PackageVisitor {
    type Value = CasePackage;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a CASE CFPackage object")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        package(checked_map(map)?).map_err(de::Error::custom)
    }

    /// A package written as JSON text inside a JSON string (encoded twice, as a response
    /// body stored or logged as a string is) is the package that text holds, read as any
    /// document is; a problem in it is refused saying that it is in the string's text. A
    /// string holding anything else is refused as not a package.
    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        let inner = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
        if !inner.starts_with(['{', '[']) {
            return Err(de::Error::invalid_type(de::Unexpected::Str(text), &self));
        }
        parse(inner).map_err(|(text, e)| {
            de::Error::custom(format_args!(
                "the document is a JSON string holding a package's JSON text (encoded twice), \
                 and that text does not read: {}",
                crate::model::json::json_error(&text, &e)
            ))
        })
    }

    /// A list of one package is the package, as under a `CFPackages` key; a list of
    /// several is refused, naming how many: which one is meant is unknowable.
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut list = Vec::new();
        while let Some(Checked(value)) = seq.next_element()? {
            list.push(value);
        }
        match <[Value; 1]>::try_from(list) {
            Ok([Value::Object(map)]) => package(map).map_err(de::Error::custom),
            Ok([other]) => Err(de::Error::custom(format_args!(
                "the document root is a list holding {}: expected a CASE CFPackage object",
                json_type(&other)
            ))),
            Err(list) => {
                let n = list.len();
                let packages = if n == 1 { "package" } else { "packages" };
                Err(de::Error::custom(format_args!(
                    "the document root is a list of {n} {packages}: expected one CASE \
                     CFPackage object"
                )))
            }
        }
    }
}

/// A package, unwrapping the envelopes of API responses (see [`envelope`]): keys beside an
/// envelope join the wrapped package's (and are reported by the import like its own). A
/// key both beside and inside an envelope is refused, as a repeated key is: which value is
/// meant is unknowable.
pub(crate) fn package(mut map: Map<String, Value>) -> Result<CasePackage, String> {
    let mut renamed = Vec::new();
    rename_keys(&mut map, &mut renamed);
    while let Some(key) = envelope(&map)? {
        let inner = match map.remove(&key) {
            Some(Value::Object(inner)) => inner,
            Some(Value::Array(list)) => match list.into_iter().next() {
                Some(Value::Object(inner)) => inner,
                _ => Map::new(),
            },
            _ => Map::new(),
        };
        let mut inner = inner;
        rename_keys(&mut inner, &mut renamed);
        let outer = std::mem::replace(&mut map, inner);
        let mut both = Vec::new();
        for (key, value) in outer {
            if map.contains_key(&key) {
                both.push(key);
            } else {
                map.insert(key, value);
            }
        }
        if !both.is_empty() {
            let keys: Vec<String> = both.iter().map(|k| format!("`{k}`")).collect();
            let (the_keys, are) = if keys.len() == 1 {
                ("the key", "is")
            } else {
                ("the keys", "are")
            };
            return Err(format!(
                "{the_keys} {} {are} both inside and beside the {key} wrapper: expected each \
                 once",
                keys.join(", ")
            ));
        }
    }
    ungraph(&mut map)?;
    if !map.contains_key("CFDocument")
        && let Some(Value::Array(documents)) = map.get("CFDocuments")
    {
        // The answer of the CASE API's `CFDocuments` endpoint: the frameworks a server
        // holds, without their items.
        let n = documents.len();
        let documents = if n == 1 { "document" } else { "documents" };
        return Err(format!(
            "the key `CFDocuments` holds a list of {n} {documents}, as the CASE API lists \
             frameworks: expected one CASE CFPackage object, a framework with its items"
        ));
    }
    if !map.contains_key("CFDocument")
        && let Some((key, list, endpoint)) = ONE_ELEMENT
            .iter()
            .find(|(key, list, _)| map.contains_key(*key) && !map.contains_key(*list))
    {
        // The answer of an endpoint serving one element, saved in place of a package:
        // its element sits under a key the package does not have, and the import would
        // find no document (or, through its `CFDocumentURI`, an empty framework).
        return Err(format!(
            "the key `{key}` holds one element, as the CASE API's {endpoint} endpoint answers: \
             expected one CASE CFPackage object, a framework with its `{list}`"
        ));
    }
    if !map.keys().any(|key| is_case_key(key)) {
        return Err(no_case_key(&map));
    }
    hoist_lists(&mut map)?;
    unwrap_elements(&mut map, &["CFItems", "CFAssociations", "CFRubrics"]);
    rename_fields(&mut map, &mut renamed);
    for (alias, name) in ALIASES {
        let mut found = false;
        for (key, value) in &mut map {
            if PACKAGE.iter().any(|k| k.name == key) || key == "CFDefinitions" {
                found |= read_as(value, alias, name);
            }
        }
        if found {
            renamed.push(CaseRenamedKey {
                found: alias.to_owned(),
                read_as: name,
            });
        }
    }
    if identifiers_from_uris(&mut map) {
        renamed.push(CaseRenamedKey {
            found: "uri".to_owned(),
            read_as: "identifier",
        });
    }
    let repeated_documents = one_document(&mut map);
    let mut f = Fields(map);
    let (items, null_items) = f.objects("CFItems", item);
    let (associations, null_associations) = f.objects("CFAssociations", association);
    let (rubrics, null_rubrics) = f.objects("CFRubrics", rubric);
    Ok(CasePackage {
        repeated_documents,
        document: f.object("CFDocument", document),
        items,
        associations,
        rubrics,
        extra: f.extra(),
        renamed,
        null_items,
        null_associations,
        null_rubrics,
    })
}

/// The keys under which the CASE API answers for one element (`GET …/CFItems/{id}`
/// answers `{"CFItem": {…}}`, `…/CFItemAssociations/{id}` the item with its
/// `CFAssociations`), the package's list of such elements, and the endpoint.
const ONE_ELEMENT: [(&str, &str, &str); 3] = [
    ("CFItem", "CFItems", "CFItems"),
    ("CFAssociation", "CFAssociations", "CFAssociations"),
    ("CFRubric", "CFRubrics", "CFRubrics"),
];

/// Fields that other specifications name otherwise, read under CASE's name: the name
/// `OneRoster` and the 1EdTech APIs built on it give an element's identifier, which CASE
/// servers built on those APIs write in `CFItems`, their links and the other elements
/// (`"sourcedId": "<uuid>"`, as `TimeBack`'s CASE 1.1 API documents its `CFItem`); and
/// JSON-LD's `@id`, the node's IRI, which CASE 1.1's JSON-LD binding writes for an element's
/// `uri` and for the one field of a node link (`"originNodeURI": {"@id":
/// "https://…/CFItems/<uuid>"}`).
const ALIASES: [(&str, &str); 2] = [("sourcedId", "identifier"), ("@id", "uri")];

/// Renames `alias` to `name` in every object within an element list or `CFDefinitions`
/// (elements, their links, criteria and levels, at any depth, apart from `extensions`,
/// which are kept as written) that has a string `alias` and no `name` (or a `null` one):
/// the field under the other specification's name, which says the same. One beside a
/// `name` holding another value stays, for the import to report; beside the same text
/// (spaces around either aside), it says nothing more and is removed. Returns whether one
/// was renamed or removed. O(size of the value).
fn read_as(value: &mut Value, alias: &str, name: &str) -> bool {
    let mut renamed = false;
    match value {
        Value::Array(list) => {
            for v in list {
                renamed |= read_as(v, alias, name);
            }
        }
        Value::Object(map) => {
            let held = map.get(name).filter(|v| !v.is_null());
            let same = match (held.and_then(Value::as_str), map.get(alias)) {
                (Some(held), Some(Value::String(found))) => held.trim() == found.trim(),
                _ => false,
            };
            if (held.is_none() || same)
                && map.get(alias).is_some_and(Value::is_string)
                && let Some(found) = map.remove(alias)
            {
                if !same {
                    map.insert(name.to_owned(), found);
                }
                renamed = true;
            }
            for (key, v) in map.iter_mut() {
                if key != "extensions" {
                    renamed |= read_as(v, alias, name);
                }
            }
        }
        _ => {}
    }
    renamed
}

/// Whether `key` names, in any case and with any `-` or `_`, a key of a CASE package, of
/// an envelope around one, or of the answer of a CASE API endpoint.
fn is_case_key(key: &str) -> bool {
    let key = fold(key);
    (PACKAGE.iter().map(|k| k.name))
        .chain(OTHER_PACKAGE_KEYS)
        .chain(ONE_ELEMENT.iter().map(|(one, _, _)| *one))
        .any(|name| fold(name) == key)
}

/// How many of an object's keys the refusal of an object without a CASE key shows.
const KEYS_SHOWN: usize = 12;

/// The refusal of an object none of whose keys is CASE's (an `OpenSALT` export from before
/// CASE 1.0, with `lsDoc`, `lsItems` and `lsAssociations`; another format's document),
/// naming its keys in byte order, each quoted so that what cannot be seen shows: read as
/// a package, it would be an empty framework missing its document, and that error would
/// not say what the object holds. An empty object (`{}`, which no CASE publisher writes,
/// and [`CasePackage::to_json`](crate::CasePackage::to_json) neither) is refused so too.
fn no_case_key(map: &Map<String, Value>) -> String {
    if map.is_empty() {
        return "the object is empty: expected a CASE CFPackage object, with `CFDocument`, \
                `CFItems` and `CFAssociations`"
            .to_owned();
    }
    let mut keys: Vec<&String> = map.keys().collect();
    keys.sort();
    let mut shown: Vec<String> = (keys.iter().take(KEYS_SHOWN))
        .map(|key| quoted(key).to_string())
        .collect();
    if keys.len() > KEYS_SHOWN {
        shown.push(format!("and {} more", keys.len() - KEYS_SHOWN));
    }
    let (its_keys, are) = if keys.len() == 1 {
        ("its one key", "is")
    } else {
        ("its keys", "are")
    };
    format!(
        "the object holds no key of a CASE package: {its_keys} {are} {}: expected a CASE \
         CFPackage object, with `CFDocument`, `CFItems` and `CFAssociations`",
        shown.join(", ")
    )
}

/// The package keys CASE names beside the elements [`PACKAGE`] lists, and those of the
/// envelopes around a package.
const OTHER_PACKAGE_KEYS: [&str; 4] = ["CFDefinitions", "CFPackage", "CFPackages", "CFDocuments"];

/// Renames each key of `map` that is a package key in another ASCII case (`cfDocument`) to
/// CASE's name, recording it, unless CASE's own name is there too (then both stay, and the
/// import names the other as a misnamed field: which is meant is unknowable). O(keys).
fn rename_keys(map: &mut Map<String, Value>, renamed: &mut Vec<CaseRenamedKey>) {
    let found: Vec<(String, &'static str)> = map
        .keys()
        .filter_map(|key| {
            let name = (PACKAGE.iter().map(|k| k.name))
                .chain(OTHER_PACKAGE_KEYS)
                .find(|name| *name != key && name.eq_ignore_ascii_case(key))?;
            let alone = !map.contains_key(name)
                && map.keys().filter(|k| k.eq_ignore_ascii_case(name)).count() == 1;
            alone.then(|| (key.clone(), name))
        })
        .collect();
    for (key, name) in found {
        if let Some(value) = map.remove(&key) {
            map.insert(name.to_owned(), value);
            renamed.push(CaseRenamedKey {
                found: key,
                read_as: name,
            });
        }
    }
}

/// The key of `map` that wraps the package: `CFPackage` (a CASE API response), or the one
/// key whose value holds a package (an object with a `CFDocument` or a wrapper of one) as a
/// response's `data` or `CFPackages` does; a list of one package counts as the package.
/// Two packages, in one list or under two keys, are refused: which one is meant is
/// unknowable. A key named like `CFPackage` in another case is no envelope: the import
/// names it as a misnamed field. A `CFDocument` beside the envelope does not make it one
/// of the package's fields: the document joins what the envelope holds (and, when the
/// envelope holds one too, is refused as a key both inside and beside it), so that
/// neither is left aside with the whole framework in it.
fn envelope(map: &Map<String, Value>) -> Result<Option<String>, String> {
    let wraps = |value: &Value| match value {
        Value::Object(inner) => ["CFDocument", "CFPackage", "CFPackages"]
            .iter()
            .any(|k| inner.contains_key(*k)),
        _ => false,
    };
    let mut holders = Vec::new();
    for (key, value) in map {
        let named = key == "CFPackage" || key == "CFPackages";
        let element_list = PACKAGE.iter().any(|k| k.name == key) || key == "CFDefinitions";
        if element_list || (!named && fold(key) == "cfpackage") {
            continue;
        }
        match value {
            Value::Object(_) if named || wraps(value) => holders.push(key.as_str()),
            Value::Array(list) if named || list.iter().any(wraps) => {
                if list.len() != 1 || !list[0].is_object() {
                    let n = list.len();
                    let packages = if n == 1 { "package" } else { "packages" };
                    return Err(format!(
                        "the key `{key}` holds {n} {packages}: expected one"
                    ));
                }
                holders.push(key.as_str());
            }
            _ => {}
        }
    }
    match holders.as_slice() {
        [] => Ok(None),
        [key] => Ok(Some((*key).to_owned())),
        keys => {
            let keys: Vec<String> = keys.iter().map(|k| format!("`{k}`")).collect();
            Err(format!(
                "the keys {} each hold a package: expected one",
                keys.join(", ")
            ))
        }
    }
}

/// The package's lists that a publisher nested inside its `CFDocument`
/// (`{"CFDocument": {…, "CFItems": […]}}`) taken out to the package, where CASE has them:
/// kept in the document, they would be no item of the import, which would look complete
/// and empty. A list both inside the document and beside it is refused, as a key both
/// inside and beside an envelope is.
fn hoist_lists(map: &mut Map<String, Value>) -> Result<(), String> {
    const LISTS: [&str; 4] = ["CFItems", "CFAssociations", "CFRubrics", "CFDefinitions"];
    let Some(Value::Object(document)) = map.get_mut("CFDocument") else {
        return Ok(());
    };
    let nested: Vec<(String, Value)> = LISTS
        .iter()
        .filter_map(|&key| document.remove(key).map(|value| (key.to_owned(), value)))
        .collect();
    for (key, value) in nested {
        if map.contains_key(&key) {
            return Err(format!(
                "the key `{key}` is both inside the CFDocument and beside it: expected it once"
            ));
        }
        map.insert(key, value);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn object(json: &str) -> Map<String, Value> {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn a_wrapped_package_is_unwrapped() {
        let package = package(object(
            r#"{"CFPackage": {"CFDocument": {"identifier": "d"}, "CFItems": []}, "x": 1}"#,
        ))
        .unwrap();
        assert_eq!(package.document.unwrap().identifier, "d");
        assert_eq!(package.extra["x"], 1);
    }

    #[test]
    fn keys_both_beside_and_inside_the_wrapper_are_refused() {
        let error = package(object(
            r#"{"CFPackage": {"CFDocument": {}, "CFItems": [], "x": 1}, "CFItems": [], "x": 2, "y": 3}"#,
        ))
        .unwrap_err();
        assert_eq!(
            error,
            "the keys `CFItems`, `x` are both inside and beside the CFPackage wrapper: \
             expected each once"
        );
    }

    #[test]
    fn a_document_beside_the_wrapper_joins_the_package() {
        let package = package(object(
            r#"{"CFDocument": {"identifier": "d"}, "CFPackage": {"CFItems": [{"identifier": "i"}]}}"#,
        ))
        .unwrap();
        assert_eq!(package.document.unwrap().identifier, "d");
        assert_eq!(package.items[0].identifier, "i");
        assert!(package.extra.is_empty(), "{:?}", package.extra);
        let error = package_error(
            r#"{"CFDocument": {"identifier": "d"}, "data": {"CFDocument": {"identifier": "d"}}}"#,
        );
        assert_eq!(
            error,
            "the key `CFDocument` is both inside and beside the data wrapper: expected each once"
        );
    }

    fn package_error(json: &str) -> String {
        package(object(json)).unwrap_err()
    }

    #[test]
    fn a_list_of_documents_is_named_as_such() {
        let error = package(object(
            r#"{"CFDocuments": [{"identifier": "d1"}, {"identifier": "d2"}]}"#,
        ))
        .unwrap_err();
        assert_eq!(
            error,
            "the key `CFDocuments` holds a list of 2 documents, as the CASE API lists \
             frameworks: expected one CASE CFPackage object, a framework with its items"
        );
    }

    #[test]
    fn the_answer_for_one_element_is_named_as_such() {
        let error = package_error(
            r#"{"CFItem": {"identifier": "i"}, "CFAssociations": [{"identifier": "a"}]}"#,
        );
        assert_eq!(
            error,
            "the key `CFItem` holds one element, as the CASE API's CFItems endpoint answers: \
             expected one CASE CFPackage object, a framework with its `CFItems`"
        );
        // Beside the package's own list, or its document, it is a field like any other.
        for json in [
            r#"{"CFItem": {}, "CFItems": [{"identifier": "i"}]}"#,
            r#"{"CFDocument": {"identifier": "d"}, "CFAssociation": {}}"#,
        ] {
            assert!(package(object(json)).is_ok(), "{json}");
        }
    }

    #[test]
    fn arrays_with_non_objects_stay_aside_whole() {
        let package = package(object(r#"{"CFItems": [{"identifier": "i"}, 3]}"#)).unwrap();
        assert!(package.items.is_empty());
        assert_eq!(package.extra["CFItems"][1], 3);
    }
}
