//! An association written twice, its ends as URI strings in one copy (CASE 1.0's form)
//! and as link objects carrying CASE 1.1's `targetType` in the other, as a package
//! assembled from a 1.0 and a 1.1 endpoint holds it (case/89). Both copies name the same
//! nodes, so they are one association; the link fields only one copy writes are
//! reported, never dropped. The package was refused with a duplicate identifier.

use karmayogi::{CaseDropReason, CaseElement, CaseFieldReason, CaseImport, Error, Framework};
use serde_json::{Value, json};

use crate::support::{import, import_refused};

const END_FORMS: &str = include_str!("../data/cases/case/89-association-end-forms.json");
const ASSOCIATION: &str = "e0000000-0000-4000-8000-000000000089";
const COMPETENCY: &str = "c0000000-0000-4000-8000-000000000089";
const AREA: &str = "a0000000-0000-4000-8000-000000000089";

fn package() -> Value {
    serde_json::from_str(END_FORMS).unwrap()
}

/// A field reported: its name, the reason, and for [`CaseFieldReason::CopyDiffers`] the
/// place and value set aside and the place and value kept.
type Reported = (
    String,
    CaseFieldReason,
    Option<(String, String, String, String)>,
);

/// The association's fields reported: field, reason, and the places and values of the
/// copies for [`CaseFieldReason::CopyDiffers`].
fn reported(import: &CaseImport) -> Vec<Reported> {
    (import.report.dropped_fields.iter())
        .filter(|f| f.element == CaseElement::Association && f.identifier == ASSOCIATION)
        .map(|f| {
            let copy = (f.copy.as_ref()).map(|c| {
                (
                    c.at.clone(),
                    c.value.clone(),
                    c.kept_at.clone(),
                    c.kept.clone(),
                )
            });
            (f.field.clone(), f.reason, copy)
        })
        .collect()
}

fn dropped(import: &CaseImport) -> Vec<(CaseElement, &str, CaseDropReason)> {
    (import.report.dropped.iter())
        .map(|d| (d.element, d.identifier.as_str(), d.reason))
        .collect()
}

fn grouped(import: &CaseImport) {
    let competency = (import.spec.competencies.iter())
        .find(|c| c.id.as_str() == COMPETENCY)
        .expect("the competency imports");
    assert_eq!(competency.groups, [AREA.into()]);
    Framework::new(import.spec.clone()).unwrap();
}

#[test]
fn ends_as_strings_then_as_objects_are_one_association_and_the_objects_fields_reported() {
    let import = import(END_FORMS);
    grouped(&import);
    assert_eq!(
        dropped(&import),
        [(
            CaseElement::Association,
            ASSOCIATION,
            CaseDropReason::Repeated
        )]
    );
    // Each end: the string holds (the first copy's), and the object, whose
    // `targetType` the string cannot say, is reported with both values.
    let found = reported(&import);
    assert_eq!(found.len(), 2, "{found:?}");
    let ends = [("destinationNodeURI", AREA), ("originNodeURI", COMPETENCY)];
    for ((field, reason, copy), (end, node)) in found.iter().zip(ends) {
        assert_eq!(
            (field.as_str(), *reason),
            (end, CaseFieldReason::CopyDiffers)
        );
        let (at, value, kept_at, kept) = copy.as_ref().expect("both copies");
        assert_eq!(
            (at.as_str(), kept_at.as_str()),
            ("CFAssociations[1]", "CFAssociations[0]")
        );
        let value: Value = serde_json::from_str(value).unwrap();
        assert_eq!(value["targetType"], json!("CASE"), "{value}");
        assert_eq!(value["identifier"], json!(node), "{value}");
        assert!(kept.ends_with(&format!("/CFItems/{node}\"}}")), "{kept}");
        assert!(!kept.contains("targetType"), "{kept}");
    }
    assert!(!import.report.is_complete());
}

#[test]
fn ends_as_objects_then_as_strings_are_one_association_the_strings_saying_nothing_more() {
    let mut p = package();
    p["CFAssociations"].as_array_mut().unwrap().swap(0, 1);
    let import = import(&p.to_string());
    grouped(&import);
    assert_eq!(
        dropped(&import),
        [(
            CaseElement::Association,
            ASSOCIATION,
            CaseDropReason::Repeated
        )]
    );
    // The objects hold: their `targetType`s are reported as fields the spec has no place
    // for, as any link's are; the strings differ in nothing else.
    let found: Vec<(String, CaseFieldReason)> = reported(&import)
        .into_iter()
        .map(|(f, r, _)| (f, r))
        .collect();
    assert_eq!(
        found,
        [
            (
                "destinationNodeURI.targetType".to_owned(),
                CaseFieldReason::NoPlace
            ),
            (
                "originNodeURI.targetType".to_owned(),
                CaseFieldReason::NoPlace
            ),
        ]
    );
}

#[test]
fn an_end_naming_another_node_is_still_another_association() {
    // The string names the area, the object the competency: other ends under one
    // identifier, refused naming both places.
    let mut p = package();
    p["CFAssociations"][0]["destinationNodeURI"] = p["CFItems"][1]["uri"].clone();
    p["CFAssociations"][0]["originNodeURI"] = p["CFItems"][0]["uri"].clone();
    assert_eq!(
        import_refused(&p.to_string()),
        [Error::CaseDuplicateIdentifier {
            identifier: ASSOCIATION.to_owned(),
            path: "CFAssociations[1]".to_owned(),
            earlier: ASSOCIATION.to_owned(),
            earlier_path: "CFAssociations[0]".to_owned(),
        }]
    );
    // An object naming the node by another `uri` than the string's is not resolved to
    // the string's node here either.
    let mut p = package();
    p["CFAssociations"][1]["destinationNodeURI"]["identifier"] = json!(COMPETENCY);
    assert!(matches!(
        &import_refused(&p.to_string())[..],
        [Error::CaseDuplicateIdentifier { .. }]
    ));
}
