//! Elements named by their positions in the lists as written (`tests/data/cases/case/84-…`):
//! a `null` in a list is an absent element, and reading leaves it out, but errors and the
//! report named each element by its position among those left, so `[item, null, []]`
//! was refused as `CFItems[1] is null`, naming the absent element the docs accept rather
//! than the array after it. Every list (`CFItems`, `CFAssociations`, `CFRubrics`,
//! `CFRubricCriteria`, `CFRubricCriterionLevels`) counts its `null`s.

use karmayogi::{CaseDropReason, CaseElement, CaseImport, CaseImportOptions, Error};
use serde_json::{Value, json};

const NULLS_BEFORE: &str =
    include_str!("../data/cases/case/84-nulls-before-elements-of-other-types.json");

const CRITERION: &str = "CFRubrics[1].CFRubricCriteria[2]";

#[test]
fn errors_name_elements_by_their_positions_as_written() {
    let errors = CaseImport::from_json(NULLS_BEFORE, &CaseImportOptions::default())
        .expect_err("the package is refused")
        .into_vec();
    let mut found: Vec<(&str, &str)> = (errors.iter())
        .map(|e| match e {
            Error::CaseFieldType { path, found, .. } => (path.as_str(), *found),
            other => panic!("{other}"),
        })
        .collect();
    found.sort_unstable();
    let item_uri = format!("{CRITERION}.CFItemURI");
    assert_eq!(
        found,
        [
            ("CFAssociations[1].identifier", "an integer"),
            ("CFPackage.CFItems[2]", "an array"),
            (item_uri.as_str(), "an integer"),
        ]
    );
}

#[test]
fn the_report_names_elements_by_their_positions_as_written() {
    let mut package: Value = serde_json::from_str(NULLS_BEFORE).unwrap();
    let item = "c0000000-0000-4000-8000-000000000001";
    package["CFItems"].as_array_mut().unwrap().pop();
    package["CFAssociations"][1]["identifier"] = json!("e0000000-0000-4000-8000-000000000001");
    package["CFRubrics"][1]["CFRubricCriteria"][2]["CFItemURI"] = json!({"identifier": item});
    let import =
        CaseImport::from_json(&package.to_string(), &CaseImportOptions::default()).unwrap();
    let levels = format!("{CRITERION}.CFRubricCriterionLevels");
    let dropped: Vec<(CaseElement, &str, CaseDropReason)> = (import.report.dropped.iter())
        .map(|d| (d.element, d.identifier.as_str(), d.reason))
        .collect();
    let unscored = format!("{levels}[2]");
    assert_eq!(
        dropped,
        [(
            CaseElement::Level,
            unscored.as_str(),
            CaseDropReason::Unscored
        )]
    );
    let scale: Vec<(&str, Option<u8>)> = (import.report.scales[0].levels.iter())
        .map(|l| (l.identifier.as_str(), l.level.map(karmayogi::Level::get)))
        .collect();
    let scored = format!("{levels}[1]");
    assert_eq!(
        scale,
        [(scored.as_str(), Some(1)), (unscored.as_str(), None)]
    );
    let fields: Vec<(&str, &str)> = (import.report.dropped_fields.iter())
        .map(|f| (f.identifier.as_str(), f.field.as_str()))
        .collect();
    assert_eq!(fields, [(unscored.as_str(), "score")]);
}
