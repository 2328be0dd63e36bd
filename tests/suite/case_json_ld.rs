//! CASE 1.1's JSON-LD binding (`tests/data/cases/case/45-…`): node links written as
//! `{"@id": "https://…/CFItems/<uuid>"}`, elements giving their `uri` as `@id`, and
//! `@context` and `@type` keys on the package and its elements. `@id` is read as the `uri`
//! it stands for (links resolve as links given by their `uri` do; listed once in
//! `renamed`); `@context` and `@type` are set aside and reported as any field the crate
//! does not model, never fatal. An element written with its IRI and no `identifier`
//! (`tests/data/cases/case/53-…`) is identified by the UUID its IRI ends in, and a
//! JSON-LD `@graph` of nodes typed `CFDocument`, `CFItem`, … (`54-…`) is the package
//! they make.

use karmayogi::{CaseElement, CaseFieldReason, CaseImport, CaseImportOptions, GroupKind};
use serde_json::Value;

use crate::support::{dropped_fields, exported, import, level_names, memberships, rewrite_objects};

const JSON_LD: &str = include_str!("../data/cases/case/45-json-ld-node-links.json");
const GRAPH: &str = include_str!("../data/cases/case/54-json-ld-graph.json");
const IRIS_ONLY: &str = include_str!("../data/cases/case/53-identifiers-only-in-node-iris.json");

const DOC: &str = "d0000000-0000-4000-8000-000000000001";
const AREA: &str = "a0000000-0000-4000-8000-000000000001";
const RECORDS: &str = "c0000000-0000-4000-8000-000000000002";

/// The errors the import of `json` is refused with, as text.
#[track_caller]
fn import_error(json: &str) -> String {
    let errors = CaseImport::from_json(json, &CaseImportOptions::default()).unwrap_err();
    errors.to_string()
}

/// `value` with every `@id` key written `uri` (where no `uri` is beside it): the package
/// as CASE's JSON binding writes it, independently of the crate's reading.
fn with_uris(value: &Value) -> Value {
    rewrite_objects(value, &|mut map| {
        if !map.contains_key("uri")
            && let Some(id) = map.remove("@id")
        {
            map.insert("uri".to_owned(), id);
        }
        Value::Object(map)
    })
}

#[test]
fn json_ld_node_links_resolve_as_uri_links_and_nothing_is_lost() {
    let import = import(JSON_LD);
    assert_eq!(
        memberships(&import.spec),
        [("OP.1", vec![AREA]), (RECORDS, vec![AREA])]
    );
    let groups: Vec<&str> = import.spec.groups.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(groups, [AREA]);
    let levels = level_names(&import.spec.competencies[0]);
    assert_eq!(levels, [(1, Some("Basic")), (2, Some("Proficient"))]);
    assert_eq!(import.report.dropped, []);
    assert_eq!(import.report.associations, []);
    assert_eq!(
        import.report.document.uri,
        format!("https://case.example/ims/case/v1p1/CFDocuments/{DOC}")
    );
    let renamed: Vec<(&str, &str)> = (import.report.renamed.iter())
        .map(|r| (r.found.as_str(), r.read_as))
        .collect();
    assert_eq!(renamed, [("@id", "uri")]);
    // What the JSON binding would have written is read as it would be.
    let value: Value = serde_json::from_str(JSON_LD).unwrap();
    let plain = self::import(&with_uris(&value).to_string());
    assert_eq!(import.spec, plain.spec);
}

#[test]
fn context_and_type_keys_are_reported_as_fields_without_a_place() {
    let import = import(JSON_LD);
    let no_place = CaseFieldReason::NoPlace;
    let at_type = |element, identifier| (element, identifier, "@type", &no_place);
    assert_eq!(
        dropped_fields(&import.report),
        [
            (CaseElement::Package, DOC, "@context", &no_place),
            (CaseElement::Package, DOC, "CFDefinitions", &no_place),
            at_type(CaseElement::Item, "OP.1"),
            at_type(CaseElement::Item, AREA),
            (CaseElement::Item, AREA, "CFItemTypeURI", &no_place),
            at_type(CaseElement::Item, RECORDS),
            at_type(
                CaseElement::Association,
                "e0000000-0000-4000-8000-000000000001"
            ),
            at_type(
                CaseElement::Association,
                "e0000000-0000-4000-8000-000000000002"
            ),
            (
                CaseElement::Association,
                "e0000000-0000-4000-8000-000000000002",
                "originNodeURI.@type",
                &no_place
            ),
            at_type(
                CaseElement::Association,
                "e0000000-0000-4000-8000-000000000003"
            ),
            at_type(CaseElement::Rubric, "99999999-9999-4999-8999-000000000045"),
            at_type(
                CaseElement::Criterion,
                "f0000000-0000-4000-8000-000000000001"
            ),
            at_type(CaseElement::Level, "b0000000-0000-4000-8000-000000000001"),
            at_type(CaseElement::Level, "b0000000-0000-4000-8000-000000000002"),
        ]
    );
    // The document is kept whole, its JSON-LD keys with it.
    let kept: Vec<&str> = import
        .report
        .document
        .extra
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(kept, ["@context", "@type"]);
}

#[test]
fn an_id_beside_another_uri_is_reported_and_beside_the_same_says_nothing_more() {
    let value: Value = serde_json::from_str(JSON_LD).unwrap();
    let mut package = value.clone();
    // The record-keeping item has both, the same: nothing more is said.
    let import = self::import(&package.to_string());
    assert!(
        !(import.report.dropped_fields.iter()).any(|f| f.identifier == RECORDS && f.field == "@id")
    );
    package["CFItems"][2]["@id"] = Value::from("https://elsewhere.example/records");
    let import = self::import(&package.to_string());
    let reported: Vec<(&str, &str)> = (import.report.dropped_fields.iter())
        .filter(|f| f.field == "@id")
        .map(|f| (f.identifier.as_str(), f.field.as_str()))
        .collect();
    assert_eq!(reported, [(RECORDS, "@id")]);
}

#[test]
fn a_json_ld_package_round_trips_complete() {
    let import = import(JSON_LD);
    let package = exported(&import);
    let again = CaseImport::from_json(&package.to_json(), &CaseImportOptions::default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again.spec, import.spec);
    assert!(again.report.is_complete(), "{:?}", again.report);
}

#[test]
fn elements_without_identifier_are_identified_by_the_uuid_their_iri_ends_in() {
    let import = import(IRIS_ONLY);
    assert_eq!(
        import.report.document.identifier,
        "d0000000-0000-4000-8000-000000000053"
    );
    assert_eq!(memberships(&import.spec), [(RECORDS, vec![AREA])]);
    let levels = level_names(&import.spec.competencies[0]);
    assert_eq!(levels, [(1, Some("Basic")), (2, Some("Proficient"))]);
    assert_eq!(import.report.dropped, []);
    assert_eq!(import.report.associations, []);
    let renamed: Vec<(&str, &str)> = (import.report.renamed.iter())
        .map(|r| (r.found.as_str(), r.read_as))
        .collect();
    assert_eq!(renamed, [("@id", "uri"), ("uri", "identifier")]);
    // Written with its identifier beside its IRI, the package reads the same.
    let mut value: Value = serde_json::from_str(IRIS_ONLY).unwrap();
    let with_identifiers = rewrite_objects(&value, &|mut map| {
        let tail = (map.get("@id").or_else(|| map.get("uri")))
            .and_then(Value::as_str)
            .filter(|_| map.contains_key("@type"))
            .map(|iri| iri.rsplit('/').next().unwrap_or_default().to_owned());
        if let Some(tail) = tail {
            map.insert("identifier".to_owned(), Value::from(tail));
        }
        Value::Object(map)
    });
    let plain = self::import(&with_identifiers.to_string());
    assert_eq!(import.spec, plain.spec);
    assert_eq!(import.report.dropped_fields, plain.report.dropped_fields);
    // An IRI that does not end in a UUID gives no identifier: the element still lacks one.
    value["CFItems"][0]["@id"] = Value::from("https://case.example/items/area");
    let error = import_error(&value.to_string());
    assert!(
        error.contains("no identifier on CFItem at CFItems[0]"),
        "{error}"
    );
}

#[test]
fn a_json_ld_graph_reads_as_the_package_its_typed_nodes_make() {
    let import = import(GRAPH);
    let area = "a0000000-0000-4000-8000-000000000001";
    let records = "c0000000-0000-4000-8000-000000000002";
    assert_eq!(
        import.report.document.identifier,
        "d0000000-0000-4000-8000-000000000054"
    );
    assert_eq!(memberships(&import.spec), [(records, vec![area])]);
    let groups: Vec<(&str, GroupKind)> = (import.spec.groups.iter())
        .map(|g| (g.id.as_str(), g.kind))
        .collect();
    assert_eq!(groups, [(area, GroupKind::Area)]);
    let levels = level_names(&import.spec.competencies[0]);
    assert_eq!(levels, [(1, Some("Basic")), (2, Some("Proficient"))]);
    assert_eq!(import.report.dropped, []);
    assert_eq!(import.report.associations, []);
    // The node of no CASE type is kept in `@graph` and reported, not lost.
    let package_fields: Vec<&str> = (import.report.dropped_fields.iter())
        .filter(|f| f.element == CaseElement::Package)
        .map(|f| f.field.as_str())
        .collect();
    assert_eq!(package_fields, ["@context", "@graph", "CFDefinitions"]);
    // The same nodes under their lists' keys read the same.
    let value: Value = serde_json::from_str(GRAPH).unwrap();
    let nodes = value["@graph"].as_array().unwrap();
    let listed = serde_json::json!({
        "@context": value["@context"],
        "CFDocument": nodes[0],
        "CFItems": [nodes[1], nodes[2]],
        "CFAssociations": [nodes[3]],
        "CFRubrics": [nodes[4]],
        "CFDefinitions": {"CFItemTypes": [nodes[5]]},
        "@graph": [nodes[6]],
    });
    let plain = self::import(&listed.to_string());
    assert_eq!(import.spec, plain.spec);
    assert_eq!(import.report.dropped_fields, plain.report.dropped_fields);
}

#[test]
fn a_graph_and_the_same_list_beside_it_are_refused_and_an_untyped_graph_stays_whole() {
    let mut value: Value = serde_json::from_str(GRAPH).unwrap();
    value["CFItems"] = Value::Array(Vec::new());
    let error = import_error(&value.to_string());
    assert!(
        error.contains("the key `CFItems` is both in the JSON-LD `@graph` and beside it"),
        "{error}"
    );
    let untyped = r#"{"@context": "x", "@graph": [{"@id": "https://case.example/a"}]}"#;
    let error = import_error(untyped);
    assert!(
        error.contains("its keys are `@context`, `@graph`"),
        "{error}"
    );
}

/// `53-…` with its items and associations written as objects keyed by each element's IRI
/// (as a JavaScript object keyed by `@id` is written): the elements still take the UUID
/// their IRI ends in, in every shape a list is read in, and read as in the lists.
#[test]
fn elements_without_identifier_in_a_list_keyed_by_their_iris_are_identified_too() {
    let mut value: Value = serde_json::from_str(IRIS_ONLY).unwrap();
    for list in ["CFItems", "CFAssociations"] {
        let keyed: serde_json::Map<String, Value> = (value[list].as_array().unwrap().iter())
            .map(|e| {
                let iri = e.get("@id").or_else(|| e.get("uri")).unwrap();
                (iri.as_str().unwrap().to_owned(), e.clone())
            })
            .collect();
        value[list] = Value::Object(keyed);
    }
    let keyed = import(&value.to_string());
    let listed = import(IRIS_ONLY);
    assert_eq!(memberships(&keyed.spec), memberships(&listed.spec));
    assert_eq!(
        level_names(&keyed.spec.competencies[0]),
        level_names(&listed.spec.competencies[0])
    );
    assert_eq!(keyed.report.dropped, []);
    assert_eq!(keyed.report.associations, []);
}

// case/68: a JSON-LD `@graph` whose nodes carry their type as `type`, the alias of `@type`
// that 1EdTech's JSON-LD contexts define (`"type": "CFItem"`, `"id": "https://…"`), as
// publishers of CASE-LD frameworks write them. The graph was left whole, so the package
// was refused as an object holding no key of CASE's.

const TYPED_BY_TYPE: &str = include_str!("../data/cases/case/68-json-ld-graph-typed-by-type.json");

#[test]
fn a_json_ld_graph_typed_by_the_type_alias_reads_as_its_package() {
    let import = import(TYPED_BY_TYPE);
    let noting = "c0000000-0000-4000-8000-000000000001";
    assert_eq!(import.report.document.identifier, DOC);
    assert_eq!(memberships(&import.spec), [(noting, vec![AREA])]);
    let groups: Vec<(&str, GroupKind)> = (import.spec.groups.iter())
        .map(|g| (g.id.as_str(), g.kind))
        .collect();
    assert_eq!(groups, [(AREA, GroupKind::Area)]);
    assert_eq!(import.report.dropped, []);
    assert_eq!(import.report.associations, []);
    // `type` and `id` stay as written and are reported, as `@type` is.
    let item_fields: Vec<(&str, &str)> = (import.report.dropped_fields.iter())
        .filter(|f| f.element == CaseElement::Item)
        .map(|f| (f.identifier.as_str(), f.field.as_str()))
        .collect();
    assert_eq!(
        item_fields,
        [
            (AREA, "id"),
            (AREA, "type"),
            (noting, "id"),
            (noting, "type")
        ]
    );
    // The same nodes under their lists' keys read the same.
    let value: Value = serde_json::from_str(TYPED_BY_TYPE).unwrap();
    let nodes = value["@graph"].as_array().unwrap();
    let listed = serde_json::json!({
        "@context": value["@context"],
        "CFDocument": nodes[0],
        "CFItems": [nodes[1], nodes[2]],
        "CFAssociations": [nodes[3]],
    });
    let plain = self::import(&listed.to_string());
    assert_eq!(import.spec, plain.spec);
    assert_eq!(import.report.dropped_fields, plain.report.dropped_fields);
}

#[test]
fn a_type_alias_naming_no_case_class_types_no_node() {
    // `@type` is the node's type when both are written; a `type` naming another class
    // leaves the node in `@graph`, reported; a graph of such nodes alone stays whole.
    let mut value: Value = serde_json::from_str(TYPED_BY_TYPE).unwrap();
    value["@graph"][2]["@type"] = Value::from("schema:DefinedTerm");
    let import = import(&value.to_string());
    assert_eq!(import.spec.competencies, []);
    let package_fields: Vec<&str> = (import.report.dropped_fields.iter())
        .filter(|f| f.element == CaseElement::Package)
        .map(|f| f.field.as_str())
        .collect();
    assert_eq!(package_fields, ["@context", "@graph"]);
    let untyped =
        r#"{"@context": "x", "@graph": [{"type": "Skill", "id": "https://case.example/a"}]}"#;
    let error = import_error(untyped);
    assert!(
        error.contains("its keys are `@context`, `@graph`"),
        "{error}"
    );
}
