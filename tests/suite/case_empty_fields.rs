//! Optional fields written empty. case/66: a server writing every field of its CASE types,
//! `""` for an absent text and `null` in each field of an absent link (`CFItemTypeURI`),
//! as servers serializing records with every column do. The import read `""` and `null`
//! in fields it does not model (`notes`, `listEnumeration`) as nothing, but reported an
//! empty `humanCodingScheme`, a `CFItemTypeURI` of nulls, and an empty rubric `title`
//! and `description`, criterion `category` and `description` and level `feedback` as set
//! aside, so an import that lost nothing was not complete.

use karmayogi::{
    CaseElement, CaseFieldReason, CaseIds, CaseImport, CaseImportOptions, CasePackage, Framework,
};
use serde_json::{Value, json};

use crate::support::case_export;

const WRITTEN_EMPTY: &str =
    include_str!("../data/cases/case/66-optional-fields-written-empty.json");
const C1: &str = "c0000000-0000-4000-8000-000000000001";

fn import(package: &Value, ids: CaseIds) -> CaseImport {
    CaseImport::from_json(&package.to_string(), &CaseImportOptions::default().ids(ids))
        .unwrap_or_else(|e| panic!("{e}"))
}

fn package() -> Value {
    serde_json::from_str(WRITTEN_EMPTY).unwrap()
}

fn fields(import: &CaseImport) -> Vec<(CaseElement, &str, CaseFieldReason)> {
    (import.report.dropped_fields.iter())
        .map(|f| (f.element, f.field.as_str(), f.reason))
        .collect()
}

#[test]
fn optional_fields_written_empty_lose_nothing() {
    for ids in [CaseIds::Identifier, CaseIds::HumanCodingScheme] {
        let import = import(&package(), ids);
        assert_eq!(fields(&import), [], "{ids:?}");
        assert!(import.report.is_complete(), "{ids:?}: {:?}", import.report);
        let competency = &import.spec.competencies[0];
        assert_eq!(competency.id.as_str(), C1);
        assert_eq!(competency.name, "Noting and drafting");
        assert_eq!(competency.levels.len(), 2);
        // Complete, so it round-trips: exported with the report's document and read back.
        let framework = Framework::new(import.spec.clone()).unwrap();
        let json = case_export(&framework, &import.report.document).to_json();
        let again = CaseImport::from_json(&json, &CaseImportOptions::default().ids(ids)).unwrap();
        assert_eq!(again.spec, import.spec);
        assert!(again.report.is_complete());
    }
    // A blank code is read as none, as under `CaseIds::HumanCodingScheme`.
    let mut p = package();
    p["CFItems"][0]["humanCodingScheme"] = json!("  ");
    assert_eq!(fields(&import(&p, CaseIds::Identifier)), []);
    assert_eq!(
        import(&p, CaseIds::HumanCodingScheme).spec.competencies[0]
            .id
            .as_str(),
        C1
    );
}

/// A change to the package, and the element and field it makes the import report.
type Variant = (fn(&mut Value), (CaseElement, &'static str));

#[test]
fn the_same_fields_holding_something_are_reported() {
    use CaseElement::{Criterion, Item, Level, Rubric};
    let variants: [Variant; 7] = [
        (
            |p| p["CFItems"][0]["humanCodingScheme"] = json!("OP.1"),
            (Item, "humanCodingScheme"),
        ),
        (
            |p| p["CFItems"][0]["CFItemTypeURI"]["title"] = json!("Functional Competency"),
            (Item, "CFItemTypeURI"),
        ),
        (
            |p| p["CFItems"][0]["CFItemTypeURI"]["targetType"] = json!("CFItemType"),
            (Item, "CFItemTypeURI"),
        ),
        (
            |p| p["CFRubrics"][0]["title"] = json!("Drafting"),
            (Rubric, "title"),
        ),
        (
            |p| p["CFRubrics"][0]["description"] = json!(" "),
            (Rubric, "description"),
        ),
        (
            |p| p["CFRubrics"][0]["CFRubricCriteria"][0]["category"] = json!("Office"),
            (Criterion, "category"),
        ),
        (
            |p| {
                p["CFRubrics"][0]["CFRubricCriteria"][0]["CFRubricCriterionLevels"][1]["feedback"] =
                    json!("Good");
            },
            (Level, "feedback"),
        ),
    ];
    for (change, (element, field)) in variants {
        let mut p = package();
        change(&mut p);
        let import = import(&p, CaseIds::Identifier);
        assert_eq!(
            fields(&import),
            [(element, field, CaseFieldReason::NoPlace)],
            "{p}"
        );
        assert!(!import.report.is_complete());
    }
}

#[test]
fn the_package_reads_back_as_written() {
    // What holds nothing is still kept in the package as read, for a caller to see.
    let package = CasePackage::from_json(WRITTEN_EMPTY).unwrap();
    assert_eq!(package.items[0].human_coding_scheme.as_deref(), Some(""));
    assert!(package.items[0].item_type_uri.is_some());
}
