//! CASE node links (`originNodeURI`, `destinationNodeURI`, `CFItemURI`, `CFDocumentURI`)
//! whose `identifier` has another JSON type than a string, as servers writing their
//! table's row ids give (`"identifier": 17`): read from the link's `uri` when it names the
//! node, the identifier set aside and reported; refused, naming the link, when it has no
//! `uri` to go by.

use karmayogi::{CaseElement, CaseFieldReason, CaseImport, CaseImportOptions, Error};

use crate::support::{dropped_fields, import, memberships};

const OTHER_TYPE: &str = include_str!("../data/cases/case/26-link-identifier-of-another-type.json");

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
    let levels: Vec<(u8, Option<&str>)> = import.spec.competencies[0]
        .levels
        .iter()
        .map(|l| (l.level, l.name.as_deref()))
        .collect();
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
