//! Elements sent twice, the copies writing what reads as nothing or as the same otherwise.
//! case/67: a package assembled from a CASE 1.1 `CFPackage` answer, whose items and
//! associations carry no `CFDocumentURI`, and the answers of the endpoints serving one
//! item or association (`…/CFItems/{id}`, `…/CFAssociations/{id}`), which write it and
//! their empty optional fields (`""`, `[]`, `null`). Each copy says the same; the package
//! was refused with a duplicate identifier for the item and the association.

use karmayogi::{
    CaseDropReason, CaseElement, CaseFieldReason, CaseIds, CaseImport, CaseImportOptions, Error,
};
use serde_json::{Value, json};

const FROM_ENDPOINTS: &str =
    include_str!("../data/cases/case/67-repeats-from-element-endpoints.json");
const C1: &str = "c0000000-0000-4000-8000-000000000001";
const E2: &str = "e0000000-0000-4000-8000-000000000002";

fn import(package: &Value, ids: CaseIds) -> Result<CaseImport, Vec<Error>> {
    CaseImport::from_json(&package.to_string(), &CaseImportOptions::default().ids(ids))
        .map_err(karmayogi::Errors::into_vec)
}

fn package() -> Value {
    serde_json::from_str(FROM_ENDPOINTS).unwrap()
}

/// The package without its second copies: what the import should give.
fn without_repeats() -> Value {
    let mut p = package();
    p["CFItems"].as_array_mut().unwrap().remove(2);
    p["CFAssociations"].as_array_mut().unwrap().remove(2);
    p
}

fn repeats(import: &CaseImport) -> Vec<(CaseElement, &str, CaseDropReason)> {
    (import.report.dropped.iter())
        .map(|d| (d.element, d.identifier.as_str(), d.reason))
        .collect()
}

#[test]
fn repeats_from_element_endpoints_are_set_aside_and_reported() {
    for ids in [CaseIds::Identifier, CaseIds::HumanCodingScheme] {
        let import = import(&package(), ids).unwrap_or_else(|e| panic!("{e:?}"));
        let alone = self::import(&without_repeats(), ids).unwrap();
        // The same spec as the package without the second copies, nothing else reported.
        assert_eq!(import.spec, alone.spec);
        assert_eq!(
            repeats(&import),
            [
                (CaseElement::Item, C1, CaseDropReason::Repeated),
                (CaseElement::Association, E2, CaseDropReason::Repeated),
            ]
        );
        assert!(
            import.report.dropped_fields.is_empty(),
            "{:?}",
            import.report
        );
        assert!(import.report.associations.is_empty());
        assert_eq!(
            import.spec.competencies[0].groups,
            ["a0000000-0000-4000-8000-000000000001".into()]
        );
        assert!(alone.report.is_complete());
        assert!(!import.report.is_complete());
    }
}

#[test]
fn either_copy_may_come_first() {
    let mut p = package();
    p["CFItems"].as_array_mut().unwrap().swap(1, 2);
    p["CFAssociations"].as_array_mut().unwrap().swap(1, 2);
    let import = import(&p, CaseIds::Identifier).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        import.spec,
        self::import(&without_repeats(), CaseIds::Identifier)
            .unwrap()
            .spec
    );
    assert_eq!(repeats(&import).len(), 2);
}

#[test]
fn other_spellings_the_import_reads_alike_make_a_repeat() {
    // `isChildOf` as OpenSALT stores it, a blank code and type text, a link naming the
    // document by its URI alone, lists of nothing.
    let variants: [fn(&mut Value); 5] = [
        |p| p["CFAssociations"][2]["associationType"] = json!("Is Child Of"),
        |p| p["CFItems"][2]["abbreviatedStatement"] = json!("  "),
        |p| {
            p["CFItems"][2]["CFDocumentURI"] = json!(
                "https://case.example.org/ims/case/v1p1/CFDocuments/d0000000-0000-4000-8000-000000000001"
            );
        },
        |p| p["CFItems"][2]["conceptKeywords"] = json!([null]),
        |p| p["CFAssociations"][2]["originNodeURI"]["targetType"] = json!(""),
    ];
    for change in variants {
        let mut p = package();
        change(&mut p);
        let import = import(&p, CaseIds::Identifier).unwrap_or_else(|e| panic!("{p}: {e:?}"));
        assert_eq!(repeats(&import).len(), 2, "{p}");
        assert!(
            import.report.dropped_fields.is_empty(),
            "{p}: {:?}",
            import.report
        );
    }
}

/// A change to the package, and the identifier and list of the copy it makes a duplicate.
type Variant = (fn(&mut Value), &'static str, &'static str);

#[test]
fn copies_saying_something_else_of_their_content_are_still_duplicates() {
    // Another association type, another end: which copy holds is unknowable.
    let variants: [Variant; 2] = [
        (
            |p| p["CFAssociations"][2]["associationType"] = json!("isPartOf"),
            E2,
            "CFAssociations",
        ),
        (
            |p| {
                p["CFAssociations"][2]["destinationNodeURI"]["identifier"] =
                    json!("d0000000-0000-4000-8000-000000000001");
            },
            E2,
            "CFAssociations",
        ),
    ];
    for (change, identifier, list) in variants {
        let mut p = package();
        change(&mut p);
        let errors = import(&p, CaseIds::Identifier).unwrap_err();
        assert_eq!(
            errors,
            [Error::CaseDuplicateIdentifier {
                identifier: identifier.to_owned(),
                path: format!("{list}[2]"),
                earlier: identifier.to_owned(),
                earlier_path: format!("{list}[1]"),
            }],
            "{p}"
        );
    }
}

/// A change to the package, and the element, identifier and field it makes the copies
/// write differently (case/88).
type Differing = (fn(&mut Value), CaseElement, &'static str, &'static str);

#[test]
fn copies_saying_something_else_besides_their_content_are_joined_and_reported() {
    // Another document, another link title: the first copy's value holds, the other is
    // reported with the places of both copies. (A `CFDocumentURI` naming another
    // document in the second copy alone is taken from it, and reported as ever.)
    let variants: [Differing; 2] = [
        (
            |p| {
                // The first copy names the package's document, the second another.
                p["CFItems"][1]["CFDocumentURI"] = p["CFItems"][2]["CFDocumentURI"].clone();
                p["CFItems"][2]["CFDocumentURI"]["identifier"] =
                    json!("d0000000-0000-4000-8000-000000000002");
            },
            CaseElement::Item,
            C1,
            "CFDocumentURI",
        ),
        (
            |p| p["CFAssociations"][2]["destinationNodeURI"]["title"] = json!("Office Work"),
            CaseElement::Association,
            E2,
            "destinationNodeURI.title",
        ),
    ];
    for (change, element, identifier, field) in variants {
        let mut p = package();
        change(&mut p);
        let import = import(&p, CaseIds::Identifier).unwrap_or_else(|e| panic!("{p}: {e:?}"));
        assert_eq!(repeats(&import).len(), 2, "{p}");
        let differing: Vec<_> = (import.report.dropped_fields.iter())
            .filter(|f| f.reason == CaseFieldReason::CopyDiffers)
            .map(|f| {
                let copy = f.copy.as_ref().unwrap();
                (
                    f.element,
                    f.identifier.as_str(),
                    f.field.as_str(),
                    copy.at.as_str(),
                    copy.kept_at.as_str(),
                )
            })
            .collect();
        let list = if element == CaseElement::Item {
            "CFItems"
        } else {
            "CFAssociations"
        };
        assert_eq!(
            differing,
            [(
                element,
                identifier,
                field,
                format!("{list}[2]").as_str(),
                format!("{list}[1]").as_str()
            )],
            "{p}"
        );
        assert_eq!(
            import.spec,
            self::import(&without_repeats(), CaseIds::Identifier)
                .unwrap()
                .spec
        );
    }
    // A text or code only the second copy writes is taken from it: the code is reported
    // as the package without repeats reports it, and the text as a field without place.
    for (field, value) in [
        ("alternativeLabel", "Drafting"),
        ("humanCodingScheme", "OP.1"),
    ] {
        let mut p = package();
        p["CFItems"][2][field] = json!(value);
        let import = import(&p, CaseIds::Identifier).unwrap_or_else(|e| panic!("{p}: {e:?}"));
        let reported: Vec<_> = (import.report.dropped_fields.iter())
            .map(|f| (f.identifier.as_str(), f.field.as_str(), f.reason))
            .collect();
        assert_eq!(reported, [(C1, field, CaseFieldReason::NoPlace)], "{p}");
        let mut alone = without_repeats();
        alone["CFItems"][1][field] = json!(value);
        let alone = self::import(&alone, CaseIds::HumanCodingScheme).unwrap();
        let by_code = self::import(&p, CaseIds::HumanCodingScheme).unwrap();
        assert_eq!(by_code.spec, alone.spec);
    }
}

// case/71: a JSON-LD `@graph` joined from files that each hold the document's node, so the
// graph holds the document three times (once with its UUID in upper case). The package was
// refused as holding several documents; the copies say the same, so the first is the
// document and the others are set aside as repeats.

const DOCUMENT_REPEATED: &str =
    include_str!("../data/cases/case/71-document-repeated-in-a-graph.json");
const DOCUMENT: &str = "d0000000-0000-4000-8000-000000000001";

#[test]
fn a_document_repeated_in_a_graph_is_one_document() {
    let value: Value = serde_json::from_str(DOCUMENT_REPEATED).unwrap();
    for ids in [CaseIds::Identifier, CaseIds::HumanCodingScheme] {
        let import = import(&value, ids).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(import.report.document.identifier, DOCUMENT);
        assert_eq!(
            repeats(&import),
            [
                (
                    CaseElement::Document,
                    DOCUMENT.to_uppercase().as_str(),
                    CaseDropReason::Repeated
                ),
                (CaseElement::Document, DOCUMENT, CaseDropReason::Repeated),
            ]
        );
        assert_eq!(import.spec.competencies.len(), 1);
        assert_eq!(import.spec.groups.len(), 1);
        assert!(!import.report.is_complete());
    }
    // The same documents listed under `CFDocument`, as a package writes them.
    let nodes = value["@graph"].as_array().unwrap();
    let listed = json!({
        "CFDocument": [nodes[0], null, nodes[2]],
        "CFItems": [nodes[1], nodes[3]],
        "CFAssociations": [nodes[5]],
    });
    let import = import(&listed, CaseIds::Identifier).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(repeats(&import).len(), 1);
}

#[test]
fn copies_of_the_document_with_other_titles_are_refused_naming_both_places() {
    // Copies agreeing on the identifier and title are one document (case/87,
    // `case_document_copies.rs`); another title is another framework.
    let mut value: Value = serde_json::from_str(DOCUMENT_REPEATED).unwrap();
    value["@graph"][4]["title"] = json!("Office procedure (draft)");
    let errors = import(&value, CaseIds::Identifier).unwrap_err();
    assert_eq!(
        errors,
        [Error::CaseDuplicateIdentifier {
            identifier: DOCUMENT.to_owned(),
            path: "CFDocument[2]".to_owned(),
            earlier: DOCUMENT.to_owned(),
            earlier_path: "CFDocument[0]".to_owned(),
        }]
    );
    // Another identifier: several documents.
    value["@graph"][4]["identifier"] = json!("d0000000-0000-4000-8000-000000000002");
    let errors = import(&value, CaseIds::Identifier).unwrap_err();
    assert_eq!(
        errors,
        [Error::CaseSeveralDocuments {
            documents: vec![
                DOCUMENT.to_owned(),
                DOCUMENT.to_uppercase(),
                "d0000000-0000-4000-8000-000000000002".to_owned()
            ]
        }]
    );
}
