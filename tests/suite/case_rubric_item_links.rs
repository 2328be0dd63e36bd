//! A rubric written twice whose criteria name their items otherwise in each copy. case/91:
//! by `identifier` alone in one copy and by `uri` alone in the other, as association ends
//! may be (case/90); both name the same items as the import resolves them, so the copies
//! are one rubric, each criterion's item link taking the fields either copy writes. The
//! rubric was refused as a duplicate identifier, its criteria compared whole. case/92: by
//! a mirror's URI string in one copy and, in the other, by an object with that `uri` and
//! the item's identifier written as a URI ending in its UUID: the string and the object
//! name one item as the import resolves links, so the later copy repeats the earlier
//! whole.

use karmayogi::{CaseDropReason, CaseElement, CaseFieldReason, CaseImport, Error, Framework};
use serde_json::Value;

use crate::support::{import, import_refused};

const OTHERWISE: &str =
    include_str!("../data/cases/case/91-rubric-criteria-naming-items-otherwise.json");
const MIRROR: &str =
    include_str!("../data/cases/case/92-rubric-item-string-and-identifier-uri.json");
const RUBRIC: &str = "b1000000-0000-4000-8000-000000000001";

fn dropped(import: &CaseImport) -> Vec<(CaseElement, &str, CaseDropReason)> {
    (import.report.dropped.iter())
        .map(|d| (d.element, d.identifier.as_str(), d.reason))
        .collect()
}

/// Each competency's id and its levels' numbers and descriptions.
fn scales(import: &CaseImport) -> Vec<(String, Vec<(u8, String)>)> {
    (import.spec.competencies.iter())
        .map(|c| {
            let levels = c.levels.iter().map(|l| (l.level, l.description.clone()));
            (c.id.to_string(), levels.collect())
        })
        .collect()
}

/// Both copies give the two competencies their three levels once, the later copy set
/// aside as a repeat, no value of either copy set aside.
#[track_caller]
fn one_rubric(import: &CaseImport) {
    assert_eq!(
        dropped(import),
        [(CaseElement::Rubric, RUBRIC, CaseDropReason::Repeated)]
    );
    let scales = scales(import);
    assert_eq!(scales.len(), 2);
    for (id, levels) in &scales {
        let numbers: Vec<u8> = levels.iter().map(|l| l.0).collect();
        assert_eq!(numbers, [1, 2, 3], "{id}");
    }
    assert_eq!(scales[0].1[0].1, "Drafts a routine note.");
    // Of the rubric, only its `title`, which the spec has no place for, as for any
    // rubric: no value of either copy set aside.
    let rubric: Vec<(&str, CaseFieldReason)> = (import.report.dropped_fields.iter())
        .filter(|f| f.element == CaseElement::Rubric || f.element == CaseElement::Criterion)
        .map(|f| (f.field.as_str(), f.reason))
        .collect();
    assert_eq!(rubric, [("title", CaseFieldReason::NoPlace)]);
    Framework::new(import.spec.clone()).unwrap();
}

#[test]
fn criteria_naming_one_item_by_identifier_and_by_uri_are_one_rubric() {
    let import = import(OTHERWISE);
    one_rubric(&import);
    // Either order: the copy naming items by `uri` first.
    let mut package: Value = serde_json::from_str(OTHERWISE).unwrap();
    package["CFRubrics"].as_array_mut().unwrap().swap(0, 1);
    one_rubric(&crate::support::import(&package.to_string()));
}

#[test]
fn criteria_naming_other_items_are_still_another_rubric() {
    // The later copy's first criterion names the second item: two scales under one
    // identifier, refused naming both places.
    let mut package: Value = serde_json::from_str(OTHERWISE).unwrap();
    let second = package["CFItems"][1]["uri"].clone();
    package["CFRubrics"][1]["CFRubricCriteria"][0]["CFItemURI"]["uri"] = second;
    let errors = import_refused(&package.to_string());
    assert!(
        errors.contains(&Error::CaseDuplicateIdentifier {
            identifier: RUBRIC.to_owned(),
            path: "CFRubrics[1]".to_owned(),
            earlier: RUBRIC.to_owned(),
            earlier_path: "CFRubrics[0]".to_owned(),
        }),
        "{errors:?}"
    );
}

#[test]
fn criteria_naming_one_item_by_a_string_and_by_an_identifier_uri_repeat_the_rubric() {
    one_rubric(&import(MIRROR));
}
