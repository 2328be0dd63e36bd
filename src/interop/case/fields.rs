//! The fields CASE defines on each element that this crate models, and how a field the
//! crate does not read is classified for the report.

use crate::interop::case::numbers::SAFE_INTEGER;
use serde_json::Value;

use crate::interop::case::huge::{huge, unheld_type};
use crate::interop::case::package::CaseExtra;

/// The fields CASE defines on each element that this crate models, with the JSON type CASE
/// gives each and whether the import cannot do without a value of that type.
pub(crate) struct Known {
    pub(crate) name: &'static str,
    pub(crate) expected: &'static str,
    pub(crate) needed: bool,
}

const fn known(name: &'static str, expected: &'static str, needed: bool) -> Known {
    Known {
        name,
        expected,
        needed,
    }
}

const STRING: &str = "a string";
const INTEGER: &str = "an integer";
const NUMBER: &str = "a number";
const LINK: &str = "a link object or a uri string";
pub(crate) const OBJECTS: &str = "an array of objects";

pub(crate) const PACKAGE: &[Known] = &[
    known("CFDocument", "an object", true),
    known("CFItems", OBJECTS, true),
    known("CFAssociations", OBJECTS, true),
    known("CFRubrics", OBJECTS, true),
];
pub(crate) const DOCUMENT: &[Known] = &[
    known("identifier", STRING, true),
    known("uri", STRING, false),
    known("creator", STRING, false),
    known("title", STRING, false),
    known("lastChangeDateTime", STRING, false),
    known("caseVersion", STRING, false),
    known("description", STRING, false),
];
/// The fields CASE 1.1 defines on a package's document (`CFPckgDocument`) that the crate
/// keeps in the document's `extra` and export writes back as given, with the JSON type
/// CASE gives each: text (`frameworkType`, `officialSourceURL`, `publisher`, `language`,
/// `version`, `adoptionStatus`, `statusStartDate`, `statusEndDate`, `notes`) and a list
/// of texts (`subject`, also read as one text: JSON-LD writes a list of one so), a link
/// object (`licenseURI`) and a list of them (`subjectURI`, also read as one object); a
/// link object's `title`, `identifier` and `uri`, where written, are text. A value
/// of another type (`"version": 1.1`) is reported by the import as `caseVersion`'s is and
/// refused by export ([`misfit`]); CASE 1.0 types these fields alike.
pub(crate) const DOCUMENT_KEPT: &[Known] = &[
    known("frameworkType", STRING, false),
    known("officialSourceURL", STRING, false),
    known("publisher", STRING, false),
    known("language", STRING, false),
    known("version", STRING, false),
    known("adoptionStatus", STRING, false),
    known("statusStartDate", STRING, false),
    known("statusEndDate", STRING, false),
    known("notes", STRING, false),
    known("subject", STRINGS, false),
    known("licenseURI", LINK_OBJECT, false),
    known("subjectURI", LINK_OBJECTS, false),
];

const STRINGS: &str = "a string or an array of strings";
const LINK_OBJECT: &str = "a link object";
const LINK_OBJECTS: &str = "a link object or an array of link objects";

/// The field of [`DOCUMENT_KEPT`] named `field` when `value` is not of the type CASE gives
/// it; `None` for any other field or a value of that type. O(size of the value).
pub(crate) fn misfit(field: &str, value: &Value) -> Option<&'static Known> {
    let known = DOCUMENT_KEPT.iter().find(|k| k.name == field)?;
    // A number beyond a double's range is held as a marked string (see `huge`).
    let text = |v: &Value| v.as_str().is_some_and(|s| huge(s).is_none());
    // A link object's `title`, `identifier` and `uri`, where written, are text.
    let link = |v: &Value| {
        v.as_object().is_some_and(|o| {
            ["title", "identifier", "uri"]
                .iter()
                .all(|k| o.get(*k).is_none_or(text))
        })
    };
    let fits = match (known.expected, value) {
        (STRINGS, Value::Array(list)) => list.iter().all(text),
        (LINK_OBJECTS, Value::Array(list)) => list.iter().all(link),
        (LINK_OBJECT | LINK_OBJECTS, other) => link(other),
        (_, other) => text(other),
    };
    (!fits).then_some(known)
}

pub(crate) const ITEM: &[Known] = &[
    known("identifier", STRING, true),
    known("uri", STRING, false),
    known("fullStatement", STRING, false),
    known("abbreviatedStatement", STRING, false),
    known("humanCodingScheme", STRING, false),
    known("CFItemType", STRING, false),
    known("CFItemTypeURI", LINK, false),
    known("lastChangeDateTime", STRING, false),
];
pub(crate) const ASSOCIATION: &[Known] = &[
    known("identifier", STRING, true),
    known("uri", STRING, false),
    known("associationType", STRING, true),
    known("sequenceNumber", INTEGER, false),
    known("originNodeURI", LINK, true),
    known("destinationNodeURI", LINK, true),
    known("lastChangeDateTime", STRING, false),
];
// A link's identifier of another type (a server's row id, `"identifier": 17`) is set aside
// and reported when its `uri` names the node, as a link written as a URI string is read;
// a link with no `uri` to go by is refused (see `shape::link`).
pub(crate) const NODE_LINK: &[Known] = &[
    known("title", STRING, false),
    known("identifier", STRING, false),
    known("uri", STRING, false),
];
// The identifiers of rubrics, criteria and levels are optional to the import (an element
// without one is named by its path, and export writes new ones): one of another type, as a
// server writing its table's row ids (`"identifier": 7`) gives, is set aside and reported.
pub(crate) const RUBRIC: &[Known] = &[
    known("identifier", STRING, false),
    known("uri", STRING, false),
    known("title", STRING, false),
    known("description", STRING, false),
    known("lastChangeDateTime", STRING, false),
    known("CFRubricCriteria", OBJECTS, true),
];
pub(crate) const CRITERION: &[Known] = &[
    known("identifier", STRING, false),
    known("uri", STRING, false),
    known("category", STRING, false),
    known("description", STRING, false),
    known("CFItemURI", LINK, true),
    known("weight", NUMBER, false),
    known("position", INTEGER, false),
    known("rubricId", STRING, false),
    known("lastChangeDateTime", STRING, false),
    known("CFRubricCriterionLevels", OBJECTS, true),
];
pub(crate) const LEVEL: &[Known] = &[
    known("identifier", STRING, false),
    known("uri", STRING, false),
    known("description", STRING, false),
    known("quality", STRING, false),
    known("score", NUMBER, false),
    known("feedback", STRING, false),
    known("position", INTEGER, false),
    known("rubricCriterionId", STRING, false),
    known("lastChangeDateTime", STRING, false),
];

/// What `extra` holds under `key` when `key` is a field of `fields`: a value of another
/// type. Otherwise, the known field whose name `key` resembles, if any.
pub(crate) enum Extra<'k> {
    WrongType(&'k Known),
    NearMiss(&'k Known),
    Unknown,
}

pub(crate) fn classify<'k>(fields: &'k [Known], key: &str) -> Extra<'k> {
    if let Some(k) = fields.iter().find(|k| k.name == key) {
        return Extra::WrongType(k);
    }
    let folded = fold(key);
    match fields.iter().find(|k| fold(k.name) == folded) {
        Some(k) => Extra::NearMiss(k),
        None => Extra::Unknown,
    }
}

/// Whether `extra` holds `field` (with a value of another type) or a field named like it:
/// either is reported as its own error, so the field is not also reported missing.
pub(crate) fn mentions(extra: &CaseExtra, field: &str) -> bool {
    let folded = fold(field);
    extra.keys().any(|k| k == field || fold(k) == folded)
}

/// Names other specifications give an element's identifier, which publishers carry into
/// CASE: `OneRoster`'s (and other 1EdTech specifications') `sourcedId`, and the `id`,
/// `uuid` and `guid` of generic JSON. CASE defines none of them, and a value under one of
/// them may be a local key rather than the element's UUID, so it is never read as the
/// identifier; an element that has one and no `identifier` is told which it has.
const IDENTIFIER_ALIASES: [&str; 4] = ["sourcedId", "id", "uuid", "guid"];

/// The key of `extra` that names the element's identifier under another specification's
/// name (see [`IDENTIFIER_ALIASES`]), compared as [`fold`] compares names; else the
/// identifier written as an XML attribute (see [`xml_attribute_identifier`]).
pub(crate) fn identifier_alias(extra: &CaseExtra) -> Option<String> {
    IDENTIFIER_ALIASES
        .iter()
        .find_map(|alias| {
            let folded = fold(alias);
            extra.keys().find(|k| fold(k) == folded).cloned()
        })
        .or_else(|| xml_attribute_identifier(extra))
}

/// The identifier as a converter from XML writes an attribute `identifier` (CASE defines
/// no XML binding, but publishers keeping frameworks in XML convert them with generic
/// tools): `@identifier` (xmltodict), `@_identifier` (fast-xml-parser's default prefix),
/// or `identifier` inside the `$` object holding the attributes (xml2js), as
/// `$.identifier`. Never read as the identifier: the attribute belongs to an XML
/// vocabulary that is not CASE's, so what its value identifies is unknowable, and the
/// element is refused naming it.
fn xml_attribute_identifier(extra: &CaseExtra) -> Option<String> {
    let is_identifier = |name: &str| fold(name) == "identifier";
    (extra.keys())
        .find(|k| k.strip_prefix('@').is_some_and(is_identifier))
        .cloned()
        .or_else(|| {
            let attributes = extra.get("$")?.as_object()?;
            let key = attributes.keys().find(|k| is_identifier(k))?;
            Some(format!("$.{key}"))
        })
}

/// A field name without case, `-` or `_`.
pub(crate) fn fold(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, '-' | '_'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The JSON type of a value, as error messages name it.
pub(crate) fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::String(s) if huge(s).is_some() => huge(s).map_or("a string", unheld_type),
        Value::Bool(_) => "a boolean",
        Value::Number(n) if n.is_i64() => "an integer",
        // Whole, but beyond what an `i64` field holds: "an integer" would contradict an
        // expected "an integer", and "fractional" would be untrue.
        Value::Number(n) if n.is_u64() => "an integer above 9223372036854775807",
        // 2^63 and beyond, or below −2^63: no `i64` holds it.
        Value::Number(n)
            if n.as_f64().is_some_and(|f| {
                f.fract() == 0.0
                    && !(-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&f)
            }) =>
        {
            "a number beyond 64-bit integers"
        }
        // Within `i64`, but a double holds such a number only approximately (see
        // `SAFE_INTEGER`): which integer was written is unknowable.
        Value::Number(n)
            if n.as_f64()
                .is_some_and(|f| f.fract() == 0.0 && f.abs() > SAFE_INTEGER) =>
        {
            "a whole number beyond 2^53 - 1 read as a double, which holds it only approximately"
        }
        // Whole, written with a fraction or an exponent (`1.0`, `1e2`): read where an
        // integer is, so found only where another type is expected.
        Value::Number(n) if n.as_f64().is_some_and(|f| f.fract() == 0.0) => "an integer",
        Value::Number(_) => "a fractional number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
