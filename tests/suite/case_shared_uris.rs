//! Elements sharing a `uri`. case/69: a publisher writing the framework's page as the
//! `uri` of two areas named alike, and CASE 1.0 links given as plain URI strings. A link
//! given by that `uri` alone was resolved to whichever area came first, so the second
//! area's competency was put under the first area, silently, and the import claimed to
//! be complete. A `uri` several elements share names none of them: the link is an end
//! outside the package, kept aside and reported.

use karmayogi::{CaseDropReason, CaseElement, CaseIds, CaseImport, CaseImportOptions};
use serde_json::{Value, json};

use crate::support::{kept_associations, memberships};

const SHARED: &str = include_str!("../data/cases/case/69-items-sharing-a-uri.json");
const A1: &str = "a0000000-0000-4000-8000-000000000001";
const A2: &str = "a0000000-0000-4000-8000-000000000002";
const C1: &str = "c0000000-0000-4000-8000-000000000001";
const C2: &str = "c0000000-0000-4000-8000-000000000002";
const SHARED_URI: &str = "https://case.example.org/frameworks/office-procedure";

fn import(package: &Value, ids: CaseIds) -> CaseImport {
    CaseImport::from_json(&package.to_string(), &CaseImportOptions::default().ids(ids))
        .unwrap_or_else(|e| panic!("{e}"))
}

fn package() -> Value {
    serde_json::from_str(SHARED).unwrap()
}

#[test]
fn a_link_by_a_uri_two_areas_share_names_neither() {
    for ids in [CaseIds::Identifier, CaseIds::HumanCodingScheme] {
        let import = import(&package(), ids);
        // The link naming its area by identifier too is followed; the other is kept aside.
        assert_eq!(
            memberships(&import.spec),
            [(C1, vec![A1]), (C2, vec![])],
            "{ids:?}"
        );
        assert_eq!(import.spec.groups.len(), 2);
        assert_eq!(
            kept_associations(&import.report),
            ["e0000000-0000-4000-8000-000000000002"]
        );
        assert!(!import.report.is_complete());
    }
}

#[test]
fn a_uri_of_one_element_still_names_it() {
    // The second area with its own page: the link by that page names it.
    let mut p = package();
    p["CFItems"][1]["uri"] = json!(format!("{SHARED_URI}/office-work-2"));
    p["CFAssociations"][1]["destinationNodeURI"] = json!(format!("{SHARED_URI}/office-work-2"));
    let import = import(&p, CaseIds::Identifier);
    assert_eq!(memberships(&import.spec), [(C1, vec![A1]), (C2, vec![A2])]);
    assert!(import.report.is_complete(), "{:?}", import.report);
}

#[test]
fn a_uri_the_document_shares_with_an_item_names_neither() {
    // A link to the document by a `uri` an item has too; and a rubric's criterion naming
    // its item by a `uri` two competencies share: neither is given to the first element.
    let mut p = package();
    p["CFItems"][2]["uri"] = p["CFDocument"]["uri"].clone();
    let document_uri = p["CFDocument"]["uri"].clone();
    p["CFAssociations"].as_array_mut().unwrap().push(
        json!({"identifier": "e0000000-0000-4000-8000-000000000003",
                      "associationType": "isChildOf",
                      "originNodeURI": {"identifier": A1},
                      "destinationNodeURI": {"uri": document_uri}}),
    );
    p["CFItems"][3]["uri"] = p["CFItems"][2]["uri"].clone();
    p["CFRubrics"] = json!([{"identifier": "b1000000-0000-4000-8000-000000000001",
        "CFRubricCriteria": [{"identifier": "b2000000-0000-4000-8000-000000000001",
            "CFItemURI": {"uri": document_uri},
            "CFRubricCriterionLevels": [
                {"identifier": "b3000000-0000-4000-8000-000000000001", "score": 1,
                 "quality": "Basic", "description": "Drafts a routine note."}]}]}]);
    let import = import(&p, CaseIds::Identifier);
    let kept = kept_associations(&import.report);
    assert!(
        kept.contains(&"e0000000-0000-4000-8000-000000000003"),
        "{kept:?}"
    );
    assert!(import.spec.competencies.iter().all(|c| c.levels.is_empty()));
    let criteria: Vec<(CaseElement, &str, CaseDropReason)> = (import.report.dropped.iter())
        .filter(|d| d.element == CaseElement::Criterion)
        .map(|d| (d.element, d.identifier.as_str(), d.reason))
        .collect();
    assert_eq!(criteria.len(), 1, "{:?}", import.report.dropped);
}
