//! CASE node links (`originNodeURI`, `destinationNodeURI`, `CFItemURI`, `CFDocumentURI`)
//! whose `identifier` has another JSON type than a string, as servers writing their
//! table's row ids give (`"identifier": 17`): read from the link's `uri` when it names the
//! node, the identifier set aside and reported; refused, naming the link, when it has no
//! `uri` to go by. And links written as lists of one, as a JSON-LD processor asked not to
//! compact arrays writes them: read as the link. And `CFItemTypeURI` given by its `uri`
//! alone (a CASE 1.0 link, a plain URI string): the item type of the package's
//! `CFDefinitions` it names, found as node links are found.

use karmayogi::{
    CaseElement, CaseFieldReason, CaseImport, CaseImportOptions, CaseItemMapping, CaseTypeSource,
    CompetencyType, Error, GroupKind,
};

use crate::support::{dropped_fields, import, kept_associations, level_names, memberships};

const OTHER_TYPE: &str = include_str!("../data/cases/case/26-link-identifier-of-another-type.json");
const LISTS_OF_ONE: &str = include_str!("../data/cases/case/28-links-as-lists-of-one.json");

const AREA: &str = "a0000000-0000-4000-8000-000000000001";
const ITEM: &str = "c0000000-0000-4000-8000-000000000001";

fn wrong(found: &'static str) -> CaseFieldReason {
    CaseFieldReason::WrongType {
        found,
        expected: "a string",
    }
}

// case/26: every link of the package gives its identifier as a number or an object, and
// the node by its `uri`.

#[test]
fn a_link_identifier_of_another_type_is_read_from_the_uri_and_reported() {
    let import = import(OTHER_TYPE);
    // The association was followed (the item is in its area) and the criterion's levels
    // describe the item.
    assert_eq!(memberships(&import.spec), [(ITEM, vec![AREA])]);
    let levels = level_names(&import.spec.competencies[0]);
    assert_eq!(levels, [(1, Some("Beginning")), (2, Some("Secure"))]);
    assert!(import.report.dropped.is_empty(), "{:?}", import.report);
    assert!(import.report.associations.is_empty(), "{:?}", import.report);
    let mut fields = dropped_fields(&import.report);
    fields.sort_by_key(|f| f.2);
    assert_eq!(
        fields,
        [
            (
                CaseElement::Item,
                AREA,
                "CFDocumentURI.identifier",
                &wrong("an integer")
            ),
            (
                CaseElement::Criterion,
                "b1000000-0000-4000-8000-000000000001",
                "CFItemURI.identifier",
                &wrong("an integer")
            ),
            (
                CaseElement::Association,
                "e0000000-0000-4000-8000-000000000001",
                "destinationNodeURI.identifier",
                &wrong("an object")
            ),
            (
                CaseElement::Association,
                "e0000000-0000-4000-8000-000000000001",
                "originNodeURI.identifier",
                &wrong("an integer")
            ),
        ]
    );
    assert!(!import.report.is_complete());
}

/// The errors of importing `json`, which must fail.
#[track_caller]
fn errors(json: &str) -> Vec<Error> {
    match CaseImport::from_json(json, &CaseImportOptions::default()) {
        Ok(import) => panic!("imported: {:?}", import.report),
        Err(errors) => errors.into_iter().collect(),
    }
}

#[test]
fn a_link_with_an_identifier_of_another_type_and_no_uri_is_refused_naming_it() {
    let item_uri = format!(r#""uri": "https://case.example.org/ims/case/v1p0/CFItems/{ITEM}""#);
    for (uri_of, path, found) in [
        (
            "originNodeURI",
            "CFAssociations[0].originNodeURI.identifier",
            "an integer",
        ),
        (
            "CFItemURI",
            "CFRubrics[0].CFRubricCriteria[0].CFItemURI.identifier",
            "an integer",
        ),
    ] {
        // Only the link named loses its `uri`.
        let at = OTHER_TYPE.find(uri_of).unwrap();
        let (head, tail) = OTHER_TYPE.split_at(at);
        let json = format!(
            "{head}{}",
            tail.replacen(&item_uri, r#""title": "Ratios""#, 1)
        );
        let errors = errors(&json);
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [format!(
                "case field {path} is {found}: expected a string (or a `uri` naming the node)"
            )],
            "{uri_of}"
        );
    }
}

// case/28: every link of the package (node links, `CFItemURI`, `CFDocumentURI`) is a list
// holding the link.

#[test]
fn links_as_lists_of_one_are_the_link() {
    let import = import(LISTS_OF_ONE);
    let c = "c2800000-0000-4000-8000-000000000001";
    let a = "a2800000-0000-4000-8000-000000000001";
    assert_eq!(memberships(&import.spec), [(c, vec![a])]);
    let levels = level_names(&import.spec.competencies[0]);
    assert_eq!(levels, [(1, Some("Basic")), (2, Some("Proficient"))]);
    // Nothing set aside: the links name the package's own document and items.
    assert!(import.report.is_complete(), "{:?}", import.report);
    // The same package with each link written alone imports alike.
    let mut plain: serde_json::Value = serde_json::from_str(LISTS_OF_ONE).unwrap();
    unlist(&mut plain);
    let alone = CaseImport::from_json(&plain.to_string(), &CaseImportOptions::default()).unwrap();
    assert_eq!(alone.spec, import.spec);
    assert!(alone.report.is_complete(), "{:?}", alone.report);
    // A list of two links names no one node: refused by field.
    let with = |links: &str| {
        let text = LISTS_OF_ONE.replacen(
            r#""CFItemURI": ["#,
            &format!(r#""CFItemURI": {links}, "was": ["#),
            1,
        );
        CaseImport::from_json(&text, &CaseImportOptions::default())
    };
    let errors = with(r#"[{"identifier": "x"}, {"identifier": "y"}]"#).unwrap_err();
    assert!(
        matches!(errors.as_slice(), [Error::CaseFieldType { .. }]),
        "{errors:?}"
    );
    // An empty list, or one of `null`s, is no link, as `null` is.
    for nothing in ["[]", "[null]"] {
        assert_eq!(with(nothing), with("null"), "{nothing}");
    }
}

/// Replaces every list of one object under a key ending in `URI` by the object.
fn unlist(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                if k.ends_with("URI")
                    && let serde_json::Value::Array(list) = v
                    && list.len() == 1
                {
                    *v = list.remove(0);
                }
                unlist(v);
            }
        }
        serde_json::Value::Array(list) => list.iter_mut().for_each(unlist),
        _ => {}
    }
}

// case/42: `CFItemTypeURI` as a CASE 1.0 link, a plain URI string (and an object with only
// a `uri`), and `CFItemType` as a link object without a title, naming an item type of the
// package's `CFDefinitions`.

const TYPE_LINKS: &str = include_str!("../data/cases/case/42-item-type-links-as-uris.json");

#[test]
fn an_item_type_link_given_by_its_uri_names_the_defined_type() {
    let import = import(TYPE_LINKS);
    let types: Vec<(Option<&str>, CaseTypeSource, CaseItemMapping, bool)> = import
        .report
        .item_types
        .iter()
        .map(|t| (t.item_type.as_deref(), t.source, t.mapping, t.by_default))
        .collect();
    // The area's link is its definition's `uri`; the competency's ends in its definition's
    // UUID under another host, as a link copied from another server does; the theme's
    // `CFItemType` is a link object without a title, naming its definition.
    assert_eq!(
        types,
        [
            (
                Some("Area"),
                CaseTypeSource::ItemTypeUri,
                CaseItemMapping::Group(GroupKind::Area),
                false
            ),
            (
                Some("Functional Competency"),
                CaseTypeSource::ItemTypeUri,
                CaseItemMapping::Competency(CompetencyType::Functional),
                false
            ),
            (
                Some("Theme"),
                CaseTypeSource::ItemType,
                CaseItemMapping::Group(GroupKind::Theme),
                false
            ),
        ]
    );
    assert_eq!(import.spec.groups[0].kind, GroupKind::Area);
    assert_eq!(import.spec.groups[1].kind, GroupKind::Theme);
    // The links themselves are reported as any `CFItemTypeURI` is: the label is used,
    // the link to the definition is not kept.
    let fields: Vec<(&str, &str)> = import
        .report
        .dropped_fields
        .iter()
        .map(|f| (f.identifier.as_str(), f.field.as_str()))
        .collect();
    assert_eq!(
        fields,
        [
            ("d0000000-0000-4000-8000-000000000001", "CFDefinitions"),
            ("a0000000-0000-4000-8000-000000000001", "CFItemTypeURI"),
            ("a0000000-0000-4000-8000-000000000002", "CFItemType"),
            ("c0000000-0000-4000-8000-000000000001", "CFItemTypeURI"),
        ]
    );
}

/// Each item type of a report: its label, source, whether it was mapped by default, and
/// its items.
fn types_and_items(
    report: &karmayogi::CaseImportReport,
) -> Vec<(Option<&str>, CaseTypeSource, bool, Vec<&str>)> {
    (report.item_types.iter())
        .map(|t| {
            let items = t.items.iter().map(String::as_str).collect();
            (t.item_type.as_deref(), t.source, t.by_default, items)
        })
        .collect()
}

// case/43: two `CFDefinitions` item types under one `uri` (or one identifier) with
// different titles.

const SHARED_DEFINITIONS: &str =
    include_str!("../data/cases/case/43-item-type-definitions-sharing-a-uri.json");

/// A link to a `uri` or identifier two definitions share under different titles names no
/// type: the item is untyped, mapped by default and reported so (the import is not
/// complete), never typed by whichever definition came last. A definition repeated alike
/// still names its type.
#[test]
fn an_item_type_link_to_definitions_that_disagree_types_nothing() {
    let import = import(SHARED_DEFINITIONS);
    let types = types_and_items(&import.report);
    // The theme (a leaf) and the area (a parent) are left untyped, each mapped by default
    // (sorted by mapping).
    assert_eq!(
        types,
        [
            (
                None,
                CaseTypeSource::Neither,
                true,
                vec!["a0000000-0000-4000-8000-000000000002"]
            ),
            (
                None,
                CaseTypeSource::Neither,
                true,
                vec!["a0000000-0000-4000-8000-000000000001"]
            ),
            (
                Some("Functional Competency"),
                CaseTypeSource::ItemTypeUri,
                false,
                vec!["c0000000-0000-4000-8000-000000000001"]
            ),
        ]
    );
    assert!(!import.report.is_complete());
}

// case/44: `CFItemType` written as the URI of a `CFDefinitions` item type.

const TYPE_AS_URI: &str = include_str!("../data/cases/case/44-item-type-written-as-a-uri.json");

/// A `CFItemType` written as a URI names the definition it links to (by its `uri`, or the
/// UUID it ends in, as links resolve); a URI naming no definition stays the label as
/// written, mapped by default.
#[test]
fn an_item_type_written_as_a_uri_names_the_defined_type() {
    let import = import(TYPE_AS_URI);
    let types = types_and_items(&import.report);
    assert_eq!(
        types,
        [
            (
                Some("Area"),
                CaseTypeSource::ItemType,
                false,
                vec!["a0000000-0000-4000-8000-000000000001"]
            ),
            (
                Some("Functional Competency"),
                CaseTypeSource::ItemType,
                false,
                vec!["c0000000-0000-4000-8000-000000000001"]
            ),
            (
                Some("https://case.example/not-defined/Theme"),
                CaseTypeSource::ItemType,
                true,
                vec!["a0000000-0000-4000-8000-000000000002"]
            ),
        ]
    );
    assert_eq!(import.spec.groups[0].kind, GroupKind::Area);
}

// case/48: identifiers written as URIs ending in a UUID on one side, the bare UUID on the
// other: an item and the document identified by their URIs, named by their UUIDs in
// links; links naming an item by its URI in `identifier`, as servers that identify
// elements by URI write them.

const URI_IDS: &str = include_str!("../data/cases/case/48-identifiers-written-as-uris.json");
const AREA_URI: &str =
    "https://case.example/ims/case/v1p0/CFItems/a0000000-0000-4000-8000-000000000001";

#[test]
fn a_uuid_and_a_uri_ending_in_it_name_one_element() {
    let import = import(URI_IDS);
    assert_eq!(memberships(&import.spec), [(ITEM, vec![AREA_URI])]);
    assert_eq!(
        level_names(&import.spec.competencies[0]),
        [(1, Some("Basic")), (2, Some("Proficient"))]
    );
    assert!(import.report.is_complete(), "{:?}", import.report);
}

#[test]
fn elements_whose_uris_end_in_one_uuid_stay_distinct_and_the_uuid_names_neither() {
    let mut package: serde_json::Value = serde_json::from_str(URI_IDS).unwrap();
    // Another item whose identifier is the area's UUID itself: the UUID names it, the
    // area's URI names the area.
    let items = package["CFItems"].as_array_mut().unwrap();
    items.push(
        serde_json::json!({"identifier": AREA, "fullStatement": "Filing",
        "CFItemType": "Functional Competency"}),
    );
    let import = self::import(&package.to_string());
    let mut groups = memberships(&import.spec);
    groups.sort();
    assert_eq!(groups, [(AREA, vec![]), (ITEM, vec![])]);
    // The association naming the area by its UUID now names the competency `Filing`,
    // `isChildOf` the document: the area stays without a parent.
    assert_eq!(
        kept_associations(&import.report),
        ["e0000000-0000-4000-8000-000000000002"]
    );
    // Two items whose URIs end in one UUID: the UUID names neither.
    let mut package: serde_json::Value = serde_json::from_str(URI_IDS).unwrap();
    package["CFItems"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({
        "identifier": "https://elsewhere.example/CFItems/a0000000-0000-4000-8000-000000000001",
        "fullStatement": "Filing", "CFItemType": "Functional Competency"}));
    let import = self::import(&package.to_string());
    let kept = kept_associations(&import.report);
    assert_eq!(
        kept,
        [
            "e0000000-0000-4000-8000-000000000001",
            "e0000000-0000-4000-8000-000000000002"
        ]
    );
}
