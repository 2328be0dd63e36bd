//! Elements and lists wrapped in an object named after their elements
//! (`tests/data/cases/case/41-…`): `"CFItems": {"CFItem": […]}`, as a converter from
//! XML writes `<CFItems><CFItem>…`, and `{"CFItem": {…}}` among `CFItems`, the answer of
//! the CASE API's endpoint for one element, as a package assembled from the answers for
//! each item holds it. Each imports as the package without the wrappers does.

use karmayogi::{CaseImport, CaseImportOptions, Framework, GroupKind};
use serde_json::{Value, json};

use crate::support::{import, level_names, memberships, rewrite_objects};

const WRAPPED: &str = include_str!("../data/cases/case/41-elements-wrapped-in-their-names.json");
const KEYED: &str = include_str!("../data/cases/case/46-keyed-lists-of-wrapped-elements.json");
const BY_URI: &str = include_str!("../data/cases/case/50-lists-keyed-by-uri-or-code.json");

const AREA: &str = "a0000000-0000-4000-8000-000000000001";
const DRAFTING: &str = "c0000000-0000-4000-8000-000000000001";
const RECORDS: &str = "c0000000-0000-4000-8000-000000000002";

/// The element names of CASE's lists, the wrappers a package may hold.
const NAMES: [&str; 5] = [
    "CFItem",
    "CFAssociation",
    "CFRubric",
    "CFRubricCriterion",
    "CFRubricCriterionLevel",
];

/// `value` with every object whose one key is an element name replaced by what it holds:
/// the package as CASE writes it, independently of the crate's reading.
fn unwrapped(value: &Value) -> Value {
    rewrite_objects(value, &|mut map| {
        let named = map.len() == 1
            && (NAMES.iter()).any(|n| n.eq_ignore_ascii_case(map.keys().next().unwrap()));
        match map.values_mut().next() {
            Some(content) if named => content.take(),
            _ => Value::Object(map),
        }
    })
}

#[test]
fn lists_and_elements_wrapped_in_their_names_import_as_without_the_wrappers() {
    let wrapped = import(WRAPPED);
    let value: Value = serde_json::from_str(WRAPPED).unwrap();
    let plain = import(&unwrapped(&value).to_string());
    assert_eq!(wrapped, plain);
    assert!(wrapped.report.is_complete(), "{:?}", wrapped.report);
    let groups: Vec<(&str, GroupKind)> = wrapped
        .spec
        .groups
        .iter()
        .map(|g| (g.id.as_str(), g.kind))
        .collect();
    assert_eq!(groups, [(AREA, GroupKind::Area)]);
    assert_eq!(
        memberships(&wrapped.spec),
        [(DRAFTING, vec![AREA]), (RECORDS, vec![AREA])]
    );
    let levels = level_names(&wrapped.spec.competencies[0]);
    assert_eq!(levels, [(1, Some("Basic")), (2, Some("Proficient"))]);
    Framework::new(wrapped.spec).unwrap();
}

#[test]
fn each_element_of_a_list_may_be_wrapped_and_its_fields_are_read_as_any_elements() {
    let value: Value = serde_json::from_str(WRAPPED).unwrap();
    let mut package = unwrapped(&value);
    // Every item wrapped alone, one of them with its fields in another case (as a writer
    // keeping a class's property names gives), and the wrapper in camel case.
    let items = package["CFItems"].as_array().unwrap().clone();
    let mut wrapped: Vec<Value> = items.iter().map(|i| json!({"CFItem": i})).collect();
    let mut renamed = items[2].clone();
    let identifier = renamed
        .as_object_mut()
        .unwrap()
        .remove("identifier")
        .unwrap();
    renamed["Identifier"] = identifier;
    wrapped[2] = json!({"cfItem": renamed});
    package["CFItems"] = Value::Array(wrapped);
    let read = CaseImport::from_json(&package.to_string(), &CaseImportOptions::default()).unwrap();
    assert_eq!(read.spec, import(&unwrapped(&value).to_string()).spec);
    let renamed: Vec<(&str, &str)> = read
        .report
        .renamed
        .iter()
        .map(|r| (r.found.as_str(), r.read_as))
        .collect();
    assert_eq!(renamed, [("Identifier", "identifier")]);
}

#[test]
fn a_wrapper_beside_other_keys_is_not_an_element_name_alone() {
    // `{"CFItem": {…}, "CFAssociations": […]}` is what `CFItemAssociations` answers: an
    // element with its associations, not a wrapper; among `CFItems` it is no item.
    let value: Value = serde_json::from_str(WRAPPED).unwrap();
    let mut package = unwrapped(&value);
    let item = package["CFItems"][1].clone();
    package["CFItems"][1] = json!({"CFItem": item, "CFAssociations": []});
    let errors = CaseImport::from_json(&package.to_string(), &CaseImportOptions::default())
        .unwrap_err()
        .to_string();
    assert!(errors.contains("CFItems[1]"), "{errors}");
}

/// `value` with each list CASE defines that is written as an object (keyed by identifiers
/// or positions) written as the array of its values, in key order.
fn listed(value: &Value) -> Value {
    const LISTS: [&str; 5] = [
        "CFItems",
        "CFAssociations",
        "CFRubrics",
        "CFRubricCriteria",
        "CFRubricCriterionLevels",
    ];
    rewrite_objects(value, &|mut map| {
        for (key, list) in &mut map {
            if let (true, Value::Object(keyed)) = (LISTS.contains(&key.as_str()), &*list) {
                *list = Value::Array(keyed.values().cloned().collect());
            }
        }
        Value::Object(map)
    })
}

// case/46: lists written as objects keyed by identifiers or positions, each element
// wrapped in its name, at every level of the package.

#[test]
fn keyed_lists_of_wrapped_elements_import_as_their_arrays_without_the_wrappers() {
    let keyed = import(KEYED);
    let value: Value = serde_json::from_str(KEYED).unwrap();
    let plain = import(&listed(&unwrapped(&value)).to_string());
    assert_eq!(keyed, plain);
    assert!(keyed.report.is_complete(), "{:?}", keyed.report);
    assert_eq!(
        memberships(&keyed.spec),
        [(DRAFTING, vec![AREA]), (RECORDS, vec![AREA])]
    );
    let levels = level_names(&keyed.spec.competencies[0]);
    assert_eq!(levels, [(1, Some("Basic")), (2, Some("Proficient"))]);
}

// case/50: lists written as objects keyed by each element's URI (with or without a `uri`
// field beside) or its `humanCodingScheme`, as a server keys the map it looks elements up
// in: the keys say nothing the elements do not.

#[test]
fn lists_keyed_by_uri_or_code_import_as_their_arrays() {
    let keyed = import(BY_URI);
    let value: Value = serde_json::from_str(BY_URI).unwrap();
    assert_eq!(keyed, import(&listed(&value).to_string()));
    assert_eq!(
        memberships(&keyed.spec),
        [(DRAFTING, vec![AREA]), (RECORDS, vec![AREA])]
    );
    assert_eq!(keyed.report.associations, []);
    assert_eq!(keyed.report.dropped, []);
    // A key naming something the element does not say would be lost: refused.
    let mut other = value.clone();
    let items = other["CFItems"].as_object_mut().unwrap();
    let item = items.remove("OP.1").unwrap();
    items.insert("OP.2".to_owned(), item);
    let errors = CaseImport::from_json(&other.to_string(), &CaseImportOptions::default())
        .unwrap_err()
        .to_string();
    assert!(
        errors.contains("CFPackage.CFItems is an object"),
        "{errors}"
    );
}

// case/51: `null` under an element's key in a list written as an object (a Go map holding
// a nil pointer), an absent element as `null` in a list is.

#[test]
fn a_null_under_an_identifier_key_is_an_absent_element() {
    let json = include_str!("../data/cases/case/51-null-under-an-identifier-key.json");
    let keyed = import(json);
    let mut value: Value = serde_json::from_str(json).unwrap();
    for list in ["CFItems", "CFAssociations"] {
        value[list]
            .as_object_mut()
            .unwrap()
            .retain(|_, v| !v.is_null());
    }
    assert_eq!(keyed, import(&listed(&value).to_string()));
    assert_eq!(memberships(&keyed.spec), [(DRAFTING, vec![])]);
    assert!(keyed.report.is_complete(), "{:?}", keyed.report);
}

/// `tests/data/cases/case/52-…`: a converter from XML writes an empty element
/// (`<CFRubrics/>`) as empty text (`"CFRubrics": ""`, xml2js's default for an empty tag);
/// the list it stands for is empty, as `null` or `[]` is.
#[test]
fn a_list_written_as_empty_text_is_an_empty_list() {
    let json = include_str!("../data/cases/case/52-empty-lists-as-empty-text.json");
    let text = import(json);
    let mut value: Value = serde_json::from_str(json).unwrap();
    value["CFRubrics"] = json!([]);
    assert_eq!(text, import(&value.to_string()));
    assert!(text.report.is_complete(), "{:?}", text.report);
    assert_eq!(memberships(&text.spec), [(DRAFTING, vec![AREA])]);
    // Blank text alike, in every list, at every level.
    value["CFRubrics"] = json!([{
        "identifier": "b0000000-0000-4000-8000-000000000001",
        "title": "Levels",
        "CFRubricCriteria": " ",
        "CFRubricCriterionLevels": "",
    }]);
    value["CFAssociations"] = json!("\n");
    let blank = import(&value.to_string());
    value["CFRubrics"][0]["CFRubricCriteria"] = json!([]);
    value["CFRubrics"][0]["CFRubricCriterionLevels"] = json!([]);
    value["CFAssociations"] = json!([]);
    assert_eq!(blank, import(&value.to_string()));
}
