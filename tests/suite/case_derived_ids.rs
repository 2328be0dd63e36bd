//! A framework whose competencies have UUID ids that are the very identifiers export
//! derives for other elements (`tests/data/cases/case/40-…`): export passes over a taken
//! identifier to the next derivation (`group/g/2`, `group/g/3`, …), and the import must
//! retrace those steps, so that a round trip gives every id back under either
//! [`CaseIds`] and reports itself complete.

use std::collections::BTreeSet;

use karmayogi::{
    CaseDocument, CaseIds, CaseImport, CaseImportOptions, CasePackage, Framework, FrameworkSpec,
};

use crate::support::{case_export, memberships};

const TAKEN: &str = include_str!("../data/cases/case/40-uuid-ids-holding-derived-identifiers.json");

fn document() -> CaseDocument {
    CaseDocument::new(
        "d0000000-0000-4000-8000-000000000001",
        "Office competencies",
        "Example Board",
        "2024-01-01T00:00:00Z",
    )
}

fn group_ids(spec: &FrameworkSpec) -> BTreeSet<&str> {
    spec.groups.iter().map(|g| g.id.as_str()).collect()
}

fn competency_ids(spec: &FrameworkSpec) -> BTreeSet<&str> {
    spec.competencies.iter().map(|c| c.id.as_str()).collect()
}

#[test]
fn ids_whose_derived_identifier_a_uuid_id_holds_come_back_from_a_round_trip() {
    let framework = Framework::from_json(TAKEN).unwrap();
    let original = FrameworkSpec::from_json(TAKEN).unwrap();
    let package = case_export(&framework, &document());
    // The group `g`, the area `Office` and the competency `z` each found their derived
    // identifier taken by a competency's id, and got another.
    let identifiers: BTreeSet<&str> = package
        .items
        .iter()
        .map(|i| i.identifier.as_str())
        .collect();
    assert_eq!(identifiers.len(), package.items.len());
    for ids in [CaseIds::Identifier, CaseIds::HumanCodingScheme] {
        let options = CaseImportOptions::default().ids(ids);
        let back = CaseImport::from_json(&package.to_json(), &options).unwrap();
        assert!(back.report.is_complete(), "{ids:?}: {:?}", back.report);
        assert_eq!(
            competency_ids(&back.spec),
            competency_ids(&original),
            "{ids:?}"
        );
        assert_eq!(
            group_ids(&back.spec),
            BTreeSet::from(["area:Office", "g"]),
            "{ids:?}"
        );
        // Each competency under its own group, an area's as membership of `area:{name}`.
        let expected: BTreeSet<(String, String)> = original
            .competencies
            .iter()
            .flat_map(|c| {
                let area = c.area.iter().map(|a| format!("area:{a}"));
                let groups = c.groups.iter().map(ToString::to_string);
                groups.chain(area).map(|g| (c.id.to_string(), g))
            })
            .collect();
        let found: BTreeSet<(String, String)> = memberships(&back.spec)
            .into_iter()
            .flat_map(|(c, gs)| gs.into_iter().map(move |g| (c.to_owned(), g.to_owned())))
            .collect();
        assert_eq!(found, expected, "{ids:?}");
        // The same framework: exported again, the same package.
        let again = Framework::new(back.spec.clone()).unwrap();
        assert_eq!(case_export(&again, &document()), package, "{ids:?}");
    }
}

#[test]
fn an_identifier_taken_by_an_element_outside_the_chain_is_not_read_as_derived() {
    // An item whose identifier is the second derivation of its code while the first is
    // free was not written by export: its code is set aside and its identifier is its id.
    let framework = Framework::from_json(
        r#"{"format_version": 2, "competencies": [
            {"id": "z", "name": "Competency z", "type": "functional"}]}"#,
    )
    .unwrap();
    let package = case_export(&framework, &document());
    let derived = package.items[0].identifier.clone();
    let mut json: serde_json::Value = serde_json::from_str(&package.to_json()).unwrap();
    // Give the item the identifier export would derive for `z` on its second step.
    let second = {
        let spec = format!(
            r#"{{"format_version": 2, "competencies": [
                {{"id": "{derived}", "name": "Holder", "type": "functional"}},
                {{"id": "z", "name": "Competency z", "type": "functional"}}]}}"#
        );
        let two = case_export(&Framework::from_json(&spec).unwrap(), &document());
        two.items
            .iter()
            .find(|i| i.human_coding_scheme.as_deref() == Some("z"))
            .unwrap()
            .identifier
            .clone()
    };
    json["CFItems"][0]["identifier"] = second.clone().into();
    json["CFAssociations"][0]["originNodeURI"]["identifier"] = second.clone().into();
    let package = CasePackage::from_json(&json.to_string()).unwrap();
    let back = CaseImport::from_package(&package, &CaseImportOptions::default()).unwrap();
    assert_eq!(
        competency_ids(&back.spec),
        BTreeSet::from([second.as_str()])
    );
    assert!(!back.report.is_complete());
}
