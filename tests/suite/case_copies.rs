//! Copies of one element that agree on what identifies their content but not on every
//! other field, read as one element (case/88). Smarter Balanced's CASE server
//! (`case.smarterbalanced.org`) lists the item `81bef0ac-…` of its Grade 3 ELA item
//! specification twice: the same identifier, `uri`, `fullStatement` and
//! `lastChangeDateTime`, one copy with `abbreviatedStatement` `Evidence Required 1` and
//! its `CFItemType`, the other with `Evidence Required 2` and no type. The whole package
//! was refused with a duplicate identifier.

use karmayogi::{
    CaseCopyValues, CaseDropReason, CaseElement, CaseFieldReason, CaseImport, CaseImportOptions,
    CaseTypeSource, Error, Framework,
};
use serde_json::{Value, json};

use crate::support::{import, import_refused};

const WRITTEN_TWICE: &str =
    include_str!("../data/cases/case/88-item-written-twice-with-other-fields.json");
const ELA: &str = include_str!("../data/case/smarterbalanced/item-specification-g3-ela.json");
const EVIDENCE: &str = "81bef0ac-cc76-11e7-943b-9b9ed3d69b53";
const STATEMENT: &str = "The student will identify text evidence (explicit details and/or implicit information) to support a GIVEN inference or conclusion based on the text.";

fn package() -> Value {
    serde_json::from_str(WRITTEN_TWICE).unwrap()
}

fn import_value(package: &Value) -> CaseImport {
    import(&package.to_string())
}

/// The fields set aside for differing copies: element, identifier, field and both values.
fn differing(import: &CaseImport) -> Vec<(CaseElement, &str, &str, &CaseCopyValues)> {
    (import.report.dropped_fields.iter())
        .filter(|f| f.reason == CaseFieldReason::CopyDiffers)
        .map(|f| {
            let copy = f.copy.as_ref().expect("the copies' values");
            (f.element, f.identifier.as_str(), f.field.as_str(), copy)
        })
        .collect()
}

fn values(at: &str, value: &str, kept_at: &str, kept: &str) -> CaseCopyValues {
    CaseCopyValues {
        at: at.to_owned(),
        value: value.to_owned(),
        kept_at: kept_at.to_owned(),
        kept: kept.to_owned(),
    }
}

fn dropped(import: &CaseImport) -> Vec<(CaseElement, &str, CaseDropReason)> {
    (import.report.dropped.iter())
        .map(|d| (d.element, d.identifier.as_str(), d.reason))
        .collect()
}

#[test]
fn an_item_written_twice_with_other_fields_is_one_item() {
    let import = import(WRITTEN_TWICE);
    let evidence = (import.spec.competencies.iter())
        .find(|c| c.id.as_str() == EVIDENCE)
        .expect("the item imports");
    // The first copy's short statement names it; its type is the first copy's, the only
    // one writing it.
    assert_eq!(evidence.name, "Evidence Required 1");
    assert_eq!(evidence.description, STATEMENT);
    let typed = (import.report.item_types.iter())
        .find(|t| t.items.iter().any(|i| i == EVIDENCE))
        .unwrap();
    assert_eq!(typed.item_type.as_deref(), Some("Evidence Required"));
    assert_eq!(typed.source, CaseTypeSource::Both);
    // Under its parent, as the one `isChildOf` says.
    assert_eq!(
        evidence.groups,
        ["81bebc4a-cc76-11e7-999f-5550d020599b".into()]
    );
    // The second copy is set aside as read into the first, and its other short statement
    // is reported with both values, by the places of both copies.
    assert_eq!(
        dropped(&import),
        [(CaseElement::Item, EVIDENCE, CaseDropReason::Repeated)]
    );
    assert_eq!(
        differing(&import),
        [(
            CaseElement::Item,
            EVIDENCE,
            "abbreviatedStatement",
            &values(
                "CFItems[2]",
                "\"Evidence Required 2\"",
                "CFItems[1]",
                "\"Evidence Required 1\""
            )
        )]
    );
    assert!(!import.report.is_complete());
    Framework::new(import.spec).unwrap();
}

#[test]
fn the_first_copy_writing_a_field_holds_it_and_a_field_of_one_copy_is_taken() {
    // The copy without a type first: its short statement holds, the type comes from the
    // other copy, the only one writing it.
    let mut p = package();
    p["CFItems"].as_array_mut().unwrap().swap(1, 2);
    let import = import_value(&p);
    let evidence = (import.spec.competencies.iter())
        .find(|c| c.id.as_str() == EVIDENCE)
        .unwrap();
    assert_eq!(evidence.name, "Evidence Required 2");
    let typed = (import.report.item_types.iter())
        .find(|t| t.items.iter().any(|i| i == EVIDENCE))
        .unwrap();
    assert_eq!(typed.item_type.as_deref(), Some("Evidence Required"));
    assert_eq!(
        differing(&import),
        [(
            CaseElement::Item,
            EVIDENCE,
            "abbreviatedStatement",
            &values(
                "CFItems[2]",
                "\"Evidence Required 1\"",
                "CFItems[1]",
                "\"Evidence Required 2\""
            )
        )]
    );
    // A third copy: each value set aside is reported, against the value held, which the
    // first copy writing the field gave (here the type, from the second copy).
    let mut p = package();
    let mut third = p["CFItems"][2].clone();
    third["abbreviatedStatement"] = json!("Evidence Required 3");
    third["CFItemType"] = json!("Evidence");
    p["CFItems"].as_array_mut().unwrap().push(third);
    p["CFItems"].as_array_mut().unwrap().swap(1, 2);
    let import = import_value(&p);
    assert_eq!(
        differing(&import),
        [
            (
                CaseElement::Item,
                EVIDENCE,
                "CFItemType",
                &values(
                    "CFItems[4]",
                    "\"Evidence\"",
                    "CFItems[2]",
                    "\"Evidence Required\""
                )
            ),
            (
                CaseElement::Item,
                EVIDENCE,
                "abbreviatedStatement",
                &values(
                    "CFItems[2]",
                    "\"Evidence Required 1\"",
                    "CFItems[1]",
                    "\"Evidence Required 2\""
                )
            ),
            (
                CaseElement::Item,
                EVIDENCE,
                "abbreviatedStatement",
                &values(
                    "CFItems[4]",
                    "\"Evidence Required 3\"",
                    "CFItems[1]",
                    "\"Evidence Required 2\""
                )
            ),
        ]
    );
    assert_eq!(dropped(&import).len(), 2);
}

#[test]
fn copies_with_other_statements_are_still_refused_naming_both() {
    let mut p = package();
    p["CFItems"][2]["fullStatement"] = json!("The student will identify text evidence.");
    assert_eq!(
        import_refused(&p.to_string()),
        [Error::CaseDuplicateIdentifier {
            identifier: EVIDENCE.to_owned(),
            path: "CFItems[2]".to_owned(),
            earlier: EVIDENCE.to_owned(),
            earlier_path: "CFItems[1]".to_owned(),
        }]
    );
}

#[test]
fn the_joined_import_is_deterministic() {
    let first = {
        let i = import(WRITTEN_TWICE);
        (
            serde_json::to_string(&i.spec).unwrap(),
            serde_json::to_string(&i.report).unwrap(),
        )
    };
    for _ in 0..3 {
        assert_eq!(
            {
                let i = import(WRITTEN_TWICE);
                (
                    serde_json::to_string(&i.spec).unwrap(),
                    serde_json::to_string(&i.report).unwrap(),
                )
            },
            first
        );
    }
}

/// The package's first `isChildOf`, written again with another `sequenceNumber` and
/// another title on its destination link: one association, both values reported. With
/// another destination, it is another association under the same identifier.
#[test]
fn association_copies_join_on_their_type_and_ends() {
    let mut p = package();
    let mut copy = p["CFAssociations"][0].clone();
    copy["sequenceNumber"] = json!(2);
    copy["destinationNodeURI"]["title"] = json!("Guidelines");
    p["CFAssociations"]
        .as_array_mut()
        .unwrap()
        .push(copy.clone());
    let import = import_value(&p);
    let identifier = copy["identifier"].as_str().unwrap();
    let title = p["CFAssociations"][0]["destinationNodeURI"]["title"]
        .as_str()
        .unwrap();
    let found: Vec<_> = (differing(&import).into_iter())
        .filter(|d| d.0 == CaseElement::Association)
        .collect();
    let [(element, id, field, copy)] = found[..] else {
        panic!("{found:?}")
    };
    assert_eq!(
        (element, id, field),
        (
            CaseElement::Association,
            identifier,
            "destinationNodeURI.title"
        )
    );
    assert_eq!(
        (copy.at.as_str(), copy.kept_at.as_str()),
        ("CFAssociations[3]", "CFAssociations[0]")
    );
    // The ends name one node, so they are joined field by field: only the title differs.
    assert_eq!(copy.value, "\"Guidelines\"", "{copy:?}");
    assert_eq!(copy.kept, format!("\"{title}\""), "{copy:?}");
    // The `sequenceNumber` only the copy writes is taken from it (and, as export numbers
    // children itself, reported as a field the spec has no place for).
    assert!(
        import
            .report
            .dropped_fields
            .iter()
            .any(|f| f.identifier == identifier
                && f.field == "sequenceNumber"
                && f.reason == CaseFieldReason::NoPlace)
    );
    assert_eq!(
        dropped(&import),
        [
            (CaseElement::Item, EVIDENCE, CaseDropReason::Repeated),
            (
                CaseElement::Association,
                identifier,
                CaseDropReason::Repeated
            ),
        ]
    );
    let mut p = package();
    let mut copy = p["CFAssociations"][0].clone();
    copy["destinationNodeURI"] = p["CFAssociations"][1]["destinationNodeURI"].clone();
    p["CFAssociations"].as_array_mut().unwrap().push(copy);
    let errors = import_refused(&p.to_string());
    assert!(
        matches!(&errors[..], [Error::CaseDuplicateIdentifier { path, earlier_path, .. }]
            if path == "CFAssociations[3]" && earlier_path == "CFAssociations[0]"),
        "{errors:?}"
    );
}

#[test]
fn the_real_ela_item_specification_imports_and_round_trips() {
    let import = import(ELA);
    assert_eq!(
        dropped(&import),
        [(CaseElement::Item, EVIDENCE, CaseDropReason::Repeated)]
    );
    assert_eq!(differing(&import).len(), 1);
    // 38 entries in `CFItems`, one of them the second copy.
    let carried = import.spec.competencies.len() + import.spec.groups.len();
    assert_eq!(carried, 37);
    Framework::new(import.spec.clone()).unwrap();
    crate::case_real::round_trip("item-specification-g3-ela", ELA);
    // By code too: the item's copies join whatever gives the ids.
    let options = CaseImportOptions::default().ids(karmayogi::CaseIds::HumanCodingScheme);
    let by_code = CaseImport::from_json(ELA, &options).unwrap();
    assert_eq!(by_code.report.dropped, import.report.dropped);
    assert_eq!(differing(&by_code), differing(&import));
}
