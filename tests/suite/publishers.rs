//! Inputs as publishers and HR systems really write them, and the rule the crate follows
//! for each: CSV headers naming one column twice, CASE association types in another
//! capitalisation, CASE documents whose identifier is not a UUID, passbook levels below a
//! competency's lowest level, zero-weighted gaps, and the importers fed byte-order marks,
//! CRLF, trailing commas, invisible characters, empty files and extreme numbers. Each
//! fault gives a structured error naming what is wrong, or a documented acceptance whose
//! report says what was set aside.

use std::collections::BTreeSet;

use karmayogi::CaseImport;

use crate::support::{exported, import};

const ASSOCIATION_CASE: &str = include_str!("../data/case/association-type-case.json");

fn uuid(prefix: &str, n: u8) -> String {
    format!("{prefix}000000-0000-4000-8000-00000000000{n}")
}

/// The `(child, parent)` identifiers of every association of `package` whose type is
/// `isChildOf` in any capitalisation.
fn child_of_any_case(package: &karmayogi::CasePackage) -> BTreeSet<(String, String)> {
    package
        .associations
        .iter()
        .filter(|a| a.association_type.trim().eq_ignore_ascii_case("isChildOf"))
        .map(crate::support::ends)
        .collect()
}

// ---------------------------------------------------------------------------------------
// CASE association types in another capitalisation

#[test]
fn child_of_in_any_capitalisation_places_items_and_sets_nothing_aside() {
    let import: CaseImport = import(ASSOCIATION_CASE);
    let area = uuid("a1", 1);
    let memberships: Vec<(String, Vec<String>)> = import
        .spec
        .competencies
        .iter()
        .map(|c| {
            (
                c.id.to_string(),
                c.groups.iter().map(ToString::to_string).collect(),
            )
        })
        .collect();
    assert_eq!(
        memberships,
        [
            (uuid("c1", 1), vec![area.clone()]),
            (uuid("c1", 2), vec![area.clone()]),
            (uuid("c1", 3), vec![area.clone()]),
        ]
    );
    assert_eq!(import.spec.groups.len(), 1);
    assert!(import.spec.groups[0].parents.is_empty());
    // Only the `Precedes` association is kept aside, as every association other than
    // `isChildOf` is; nothing else is dropped or reported.
    let kept: Vec<&str> = import
        .report
        .associations
        .iter()
        .map(|a| a.association.identifier.as_str())
        .collect();
    assert_eq!(kept, [uuid("e1", 5)]);
    assert!(import.report.dropped.is_empty(), "{:?}", import.report.dropped);
    assert!(
        import.report.dropped_fields.is_empty(),
        "{:?}",
        import.report.dropped_fields
    );
    // A round trip writes every edge back, as `isChildOf`.
    let original = karmayogi::CasePackage::from_json(ASSOCIATION_CASE).unwrap();
    let again = exported(&import);
    assert_eq!(
        crate::support::child_of_edges(&again),
        child_of_any_case(&original)
    );
}

#[test]
fn child_of_with_a_hidden_character_is_kept_aside_not_read() {
    // A zero-width space is not a capitalisation: the association is another type, kept
    // whole in the report, and the competency it would place stays at the top level.
    let text = ASSOCIATION_CASE.replace("\"IsChildOf\"", "\"IsChildOf\\u200b\"");
    let import: CaseImport = import(&text);
    let kept: Vec<&str> = import
        .report
        .associations
        .iter()
        .map(|a| a.association.identifier.as_str())
        .collect();
    assert_eq!(kept, [uuid("e1", 2), uuid("e1", 5)]);
    let first = &import.spec.competencies[0];
    assert_eq!(first.id.as_str(), uuid("c1", 1));
    assert!(first.groups.is_empty());
}
