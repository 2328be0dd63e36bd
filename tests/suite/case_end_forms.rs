//! An association written twice, its ends as URI strings in one copy (CASE 1.0's form)
//! and as link objects carrying CASE 1.1's `targetType` in the other, as a package
//! assembled from a 1.0 and a 1.1 endpoint holds it (case/89), or an end named by its
//! identifier alone in one copy and by its `uri` alone in the other (case/90). Both
//! copies name the same nodes, as the import resolves ends, so they are one association;
//! each end takes the fields only one copy writes, and a field written differently is
//! reported, never dropped. Such packages were refused with a duplicate identifier.

use karmayogi::{CaseDropReason, CaseElement, CaseFieldReason, CaseImport, Error, Framework};
use serde_json::{Value, json};

use crate::support::{import, import_refused};

const END_FORMS: &str = include_str!("../data/cases/case/89-association-end-forms.json");
const BY_IDENTIFIER: &str =
    include_str!("../data/cases/case/90-association-end-by-identifier.json");
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

/// The `targetType`s of both ends reported as fields the spec has no place for, as any
/// link's are, and nothing else of the association.
fn target_types_alone(import: &CaseImport) {
    let found: Vec<(String, CaseFieldReason)> = reported(import)
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
fn ends_as_strings_then_as_objects_are_one_association_taking_the_objects_fields() {
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
    // Each end takes the `title`, `identifier` and `targetType` only the object writes:
    // nothing written differently, and the same report as with the objects first.
    target_types_alone(&import);
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
    target_types_alone(&import);
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

const ASSOCIATION_90: &str = "e0000000-0000-4000-8000-000000000090";
const AREA_90: &str = "a0000000-0000-4000-8000-000000000090";
const AREA_URI_90: &str =
    "https://case.example.org/ims/case/v1p1/CFItems/a0000000-0000-4000-8000-000000000090";

fn by_identifier() -> Value {
    serde_json::from_str(BY_IDENTIFIER).unwrap()
}

/// The fields reported for case/90's association.
/// A field reported for case/90's association: its name, the reason, and for
/// [`CaseFieldReason::CopyDiffers`] the places of the copy set aside and the one kept.
type Reported90 = (String, CaseFieldReason, Option<(String, String)>);

fn reported_90(import: &CaseImport) -> Vec<Reported90> {
    (import.report.dropped_fields.iter())
        .filter(|f| f.element == CaseElement::Association && f.identifier == ASSOCIATION_90)
        .map(|f| {
            let copy = (f.copy.as_ref()).map(|c| (c.at.clone(), c.kept_at.clone()));
            (f.field.clone(), f.reason, copy)
        })
        .collect()
}

#[test]
fn an_end_named_by_identifier_in_one_copy_and_by_uri_in_the_other_is_one_end() {
    // The destination: a URI string in the first copy, an object with the area's
    // identifier and no `uri` in the second. Both name the area.
    let import = import(BY_IDENTIFIER);
    let competency = (import.spec.competencies.iter())
        .find(|c| c.id.as_str() == "c0000000-0000-4000-8000-000000000090")
        .expect("the competency imports");
    assert_eq!(competency.groups, [AREA_90.into()]);
    Framework::new(import.spec.clone()).unwrap();
    assert_eq!(
        dropped(&import),
        [(
            CaseElement::Association,
            ASSOCIATION_90,
            CaseDropReason::Repeated
        )]
    );
    let found: Vec<(String, CaseFieldReason)> = (reported_90(&import).into_iter())
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
fn the_later_copys_uri_is_kept_in_the_joined_end() {
    // The object by identifier first, the URI string second, as an association the spec
    // keeps whole (`isRelatedTo`): the joined end has the object's fields and the
    // string's `uri`.
    let mut p = by_identifier();
    let list = p["CFAssociations"].as_array_mut().unwrap();
    list.swap(0, 1);
    for a in list.iter_mut() {
        a["associationType"] = json!("isRelatedTo");
    }
    let import = import(&p.to_string());
    let kept: Vec<_> = (import.report.associations.iter())
        .filter(|k| k.association.identifier == ASSOCIATION_90)
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    let end = kept[0].association.destination_node_uri.as_ref().unwrap();
    assert_eq!(
        (
            end.identifier.as_str(),
            end.uri.as_str(),
            end.title.as_str()
        ),
        (AREA_90, AREA_URI_90, "Office work")
    );
    assert_eq!(end.extra.get("targetType"), Some(&json!("CASE")));
    assert!(
        reported_90(&import)
            .iter()
            .all(|(_, r, _)| *r != CaseFieldReason::CopyDiffers)
    );
}

#[test]
fn a_field_of_one_end_written_differently_is_reported_with_both_places() {
    // The object names the area by identifier, with another `uri` than the string's:
    // one node (the identifier resolves), the object's `uri` set aside.
    let mut p = by_identifier();
    let other = "https://mirror.example.org/CFItems/a0000000-0000-4000-8000-000000000090";
    p["CFAssociations"][1]["destinationNodeURI"]["uri"] = json!(other);
    let import = import(&p.to_string());
    let differs: Vec<_> = (reported_90(&import).into_iter())
        .filter(|(_, r, _)| *r == CaseFieldReason::CopyDiffers)
        .collect();
    let places = Some((
        "CFAssociations[1]".to_owned(),
        "CFAssociations[0]".to_owned(),
    ));
    assert_eq!(
        differs,
        [(
            "destinationNodeURI.uri".to_owned(),
            CaseFieldReason::CopyDiffers,
            places
        )]
    );
    let entry = (import.report.dropped_fields.iter())
        .find(|f| f.field == "destinationNodeURI.uri")
        .and_then(|f| f.copy.as_ref())
        .unwrap();
    assert_eq!(
        (entry.value.as_str(), entry.kept.as_str()),
        (&*format!("\"{other}\""), &*format!("\"{AREA_URI_90}\""))
    );
}

#[test]
fn ends_naming_nothing_in_the_package_and_differing_are_still_refused() {
    // The object's identifier names no element of the package, and it has no `uri`:
    // which node the string names is not what it names.
    let mut p = by_identifier();
    p["CFAssociations"][1]["destinationNodeURI"]["identifier"] =
        json!("f0000000-0000-4000-8000-000000000090");
    assert_eq!(
        import_refused(&p.to_string()),
        [Error::CaseDuplicateIdentifier {
            identifier: ASSOCIATION_90.to_owned(),
            path: "CFAssociations[1]".to_owned(),
            earlier: ASSOCIATION_90.to_owned(),
            earlier_path: "CFAssociations[0]".to_owned(),
        }]
    );
}
