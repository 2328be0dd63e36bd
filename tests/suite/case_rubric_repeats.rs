//! Rubrics and criteria saying one thing twice. case/63: a rubric covering two items,
//! sent twice whole. `OpenSALT`'s CASE API answers
//! `/CFRubrics/{id}` with the whole rubric, every criterion and level in it
//! (`opensalt/opensalt`, `core/src/Controller/Api/CaseV1P0Controller.php`, route
//! `api_v1p0_cfrubric`; criteria carry their levels as `CFRubricCriterionLevels`,
//! `core/src/Entity/Framework/CfRubricCriterion.php`), so a client assembling a package
//! item by item fetches a rubric once per item it covers. Items and associations repeated
//! whole were set aside and reported; a rubric repeated whole refused the package with a
//! duplicate identifier for the rubric and each of its criteria and levels.

use karmayogi::{
    CaseCopyValues, CaseDropReason, CaseElement, CaseFieldReason, CaseImport, CaseImportOptions,
    Error, Framework, LevelDescriptor,
};
use serde_json::Value;

const REPEATED: &str = include_str!("../data/cases/case/63-rubric-repeated-whole.json");
const RUBRIC: &str = "b1000000-0000-4000-8000-000000000001";

fn import(package: &Value) -> Result<CaseImport, Vec<Error>> {
    CaseImport::from_json(&package.to_string(), &CaseImportOptions::default())
        .map_err(karmayogi::Errors::into_vec)
}

/// Each competency's levels as `(level, name, description)`.
fn levels(import: &CaseImport) -> Vec<Vec<(u8, String, String)>> {
    let level = |l: &LevelDescriptor| {
        let name = l.name.clone().unwrap_or_default();
        (l.level, name, l.description.clone())
    };
    (import.spec.competencies.iter())
        .map(|c| c.levels.iter().map(level).collect())
        .collect()
}

fn described(texts: [&str; 3]) -> Vec<(u8, String, String)> {
    let names = ["Basic", "Proficient", "Advanced"];
    (1..=3)
        .zip(names.iter().zip(texts))
        .map(|(l, (n, t))| (l, (*n).to_owned(), t.to_owned()))
        .collect()
}

fn repeats(import: &CaseImport) -> Vec<(CaseElement, &str, CaseDropReason)> {
    (import.report.dropped.iter())
        .map(|d| (d.element, d.identifier.as_str(), d.reason))
        .collect()
}

#[test]
fn a_rubric_repeated_whole_is_set_aside_and_reported() {
    let package: Value = serde_json::from_str(REPEATED).unwrap();
    let expected = vec![
        described([
            "Drafts a routine note.",
            "Drafts notes on most files.",
            "Drafts notes on policy.",
        ]),
        described([
            "Opens and closes files.",
            "Keeps files moving.",
            "Designs a file plan.",
        ]),
    ];
    // As sent, and with the repeat's identifier spelled in upper case or as a URN, as
    // items repeated so are read.
    for spelling in [
        RUBRIC.to_owned(),
        RUBRIC.to_uppercase(),
        format!("urn:uuid:{RUBRIC}"),
    ] {
        let mut package = package.clone();
        package["CFRubrics"][1]["identifier"] = spelling.clone().into();
        let import = import(&package).unwrap_or_else(|e| panic!("{spelling}: {e:?}"));
        assert_eq!(levels(&import), expected, "{spelling}");
        assert_eq!(
            repeats(&import),
            [(
                CaseElement::Rubric,
                spelling.as_str(),
                CaseDropReason::Repeated
            )]
        );
        assert!(!import.report.is_complete());
        Framework::new(import.spec).unwrap();
    }
}

#[test]
fn a_rubric_repeated_with_a_difference_is_still_a_duplicate() {
    // Which of the two is meant is unknowable: refused, naming both places.
    let mut package: Value = serde_json::from_str(REPEATED).unwrap();
    let level = &mut package["CFRubrics"][1]["CFRubricCriteria"][0]["CFRubricCriterionLevels"][2];
    level["description"] = "Drafts notes on policy and law.".into();
    let errors = import(&package).unwrap_err();
    assert_eq!(
        errors[0],
        Error::CaseDuplicateIdentifier {
            identifier: RUBRIC.to_owned(),
            path: "CFRubrics[1]".to_owned(),
            earlier: RUBRIC.to_owned(),
            earlier_path: "CFRubrics[0]".to_owned(),
        }
    );
    assert_eq!(errors.len(), 9, "{errors:?}");
}

/// A rubric written again with another `title` and a `description` only the second copy
/// writes: its criteria, which give the items' levels, are the same, so the copies are one
/// rubric (case/88): the title of the first holds and the other is reported, the
/// description is taken from the second.
#[test]
fn a_rubric_repeated_with_other_fields_is_one_rubric() {
    let whole: Value = serde_json::from_str(REPEATED).unwrap();
    let mut package = whole.clone();
    package["CFRubrics"][1]["title"] = "Proficiency (revised)".into();
    package["CFRubrics"][1]["description"] = "Levels for noting and drafting.".into();
    let import = import(&package).unwrap_or_else(|e| panic!("{e:?}"));
    let original = import_whole(&whole);
    assert_eq!(import.spec, original.spec);
    let reported: Vec<_> = (import.report.dropped_fields.iter())
        .filter(|f| f.element == CaseElement::Rubric)
        .map(|f| {
            (
                f.identifier.as_str(),
                f.field.as_str(),
                f.reason,
                f.copy.clone(),
            )
        })
        .collect();
    let title = whole["CFRubrics"][0]["title"].to_string();
    assert_eq!(
        reported,
        [
            (RUBRIC, "description", CaseFieldReason::NoPlace, None),
            (
                RUBRIC,
                "title",
                CaseFieldReason::CopyDiffers,
                Some(CaseCopyValues {
                    at: "CFRubrics[1]".to_owned(),
                    value: "\"Proficiency (revised)\"".to_owned(),
                    kept_at: "CFRubrics[0]".to_owned(),
                    kept: title,
                })
            ),
            // The title kept, a field the spec has no place for, as ever.
            (RUBRIC, "title", CaseFieldReason::NoPlace, None),
        ]
    );
    assert!(
        import
            .report
            .dropped
            .iter()
            .any(|d| d.element == CaseElement::Rubric && d.reason == CaseDropReason::Repeated)
    );
}

fn import_whole(package: &Value) -> CaseImport {
    import(package).unwrap_or_else(|e| panic!("{e:?}"))
}

const ONE_SCALE: &str = include_str!("../data/cases/case/64-two-criteria-giving-one-scale.json");

/// case/64: two rubrics each with a criterion for one item, giving it the same levels
/// alike (`OpenSALT` lets an item have many criteria: `CfRubricCriterion` names its item
/// `ManyToOne`, `opensalt/opensalt`, `core/src/Entity/Framework/CfRubricCriterion.php`).
/// Each was set aside as `ConflictingCriteria` and the import called incomplete, while
/// the criteria conflict in nothing and the competency holds every level they give. They
/// are now read as a single criterion is, each listed in the scales; criteria that differ
/// in a level's text or range still conflict.
#[test]
fn criteria_giving_one_item_the_same_scale_do_not_conflict() {
    let package: Value = serde_json::from_str(ONE_SCALE).unwrap();
    let read = import(&package).unwrap();
    assert_eq!(levels(&read), [described(DRAFTING)]);
    assert!(read.report.is_complete(), "{:?}", read.report);
    let criteria: Vec<&str> = (read.report.scales.iter())
        .map(|s| s.criterion.as_str())
        .collect();
    assert_eq!(
        criteria,
        [
            "b2000000-0000-4000-8000-000000000001",
            "b2000000-0000-4000-8000-000000000002"
        ]
    );
    // A level's text differing, or a level missing from one: the criteria conflict.
    let levels_of = |p: &Value| -> Vec<Value> {
        p["CFRubrics"][1]["CFRubricCriteria"][0]["CFRubricCriterionLevels"]
            .as_array()
            .unwrap()
            .clone()
    };
    let mut edits: Vec<Value> = Vec::new();
    let mut reworded = package.clone();
    let mut changed = levels_of(&reworded);
    changed[2]["description"] = "Drafts notes on policy and law.".into();
    reworded["CFRubrics"][1]["CFRubricCriteria"][0]["CFRubricCriterionLevels"] = changed.into();
    edits.push(reworded);
    let mut shorter = package.clone();
    let mut changed = levels_of(&shorter);
    changed.pop();
    shorter["CFRubrics"][1]["CFRubricCriteria"][0]["CFRubricCriterionLevels"] = changed.into();
    edits.push(shorter);
    for edited in edits {
        let import = import(&edited).unwrap();
        let reasons: Vec<CaseDropReason> =
            (import.report.dropped.iter()).map(|d| d.reason).collect();
        assert_eq!(reasons, [CaseDropReason::ConflictingCriteria; 2]);
        assert!(!import.report.is_complete());
    }
}

/// The levels' descriptions of the criterion of case/64 and case/65.
const DRAFTING: [&str; 3] = [
    "Drafts a routine note.",
    "Drafts notes on most files.",
    "Drafts notes on policy.",
];

const RESPELLED: &str =
    include_str!("../data/cases/case/65-rubric-repeated-with-identifiers-respelled.json");

/// case/65: a rubric repeated whole, the repeat writing every UUID inside it in upper case
/// (its criterion's, its levels' and its item's, the item's as a `urn:uuid:` URN), as a
/// server assembling its answer from sources that spell UUIDs otherwise sends it. Only
/// the rubric's own identifier was compared by its key, so the repeat was refused as a
/// duplicate of the rubric, its criterion and each level; it is set aside as a repeat,
/// as an association whose ends are so respelled is.
#[test]
fn a_rubric_repeated_with_its_uuids_respelled_is_set_aside() {
    let package: Value = serde_json::from_str(RESPELLED).unwrap();
    let read = import(&package).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(levels(&read), [described(DRAFTING)]);
    assert_eq!(
        repeats(&read),
        [(
            CaseElement::Rubric,
            "B1000000-0000-4000-8000-000000000001",
            CaseDropReason::Repeated
        )]
    );
    // A level that differs beside the respelling: still a duplicate.
    let mut differing = package.clone();
    differing["CFRubrics"][1]["CFRubricCriteria"][0]["CFRubricCriterionLevels"][0]["score"] =
        5.into();
    assert!(import(&differing).is_err(), "a differing repeat was read");
}

const REORDERED: &str = include_str!("../data/cases/case/70-rubric-repeated-in-another-order.json");

/// case/70: the rubric of case/63 sent twice, the second time with its criteria and each
/// criterion's levels listed in the other order, as a server reading them without an
/// order sends them. The order of criteria and levels says nothing (a criterion names its
/// item, a level's score orders it, `position` is a field of its own), but the copies
/// were compared criterion by criterion in their order, so the repeat was refused as a
/// duplicate of the rubric, its criteria and each level.
#[test]
fn a_rubric_repeated_with_criteria_and_levels_in_another_order_is_set_aside() {
    let package: Value = serde_json::from_str(REORDERED).unwrap();
    let read = import(&package).unwrap_or_else(|e| panic!("{e:?}"));
    let whole = import(&serde_json::from_str(REPEATED).unwrap()).unwrap();
    assert_eq!(read.spec, whole.spec);
    assert_eq!(
        repeats(&read),
        [(CaseElement::Rubric, RUBRIC, CaseDropReason::Repeated)]
    );
    // In another order and differing in a level: still a duplicate.
    let mut differing = package.clone();
    differing["CFRubrics"][1]["CFRubricCriteria"][0]["CFRubricCriterionLevels"][0]["description"] =
        "Designs a file plan for the ministry.".into();
    let errors = import(&differing).unwrap_err();
    assert_eq!(
        errors[0],
        Error::CaseDuplicateIdentifier {
            identifier: RUBRIC.to_owned(),
            path: "CFRubrics[1]".to_owned(),
            earlier: RUBRIC.to_owned(),
            earlier_path: "CFRubrics[0]".to_owned(),
        }
    );
    // Criteria and levels without identifiers, listed in another order: a repeat too.
    let mut unnamed = package.clone();
    for rubric in unnamed["CFRubrics"].as_array_mut().unwrap() {
        for criterion in rubric["CFRubricCriteria"].as_array_mut().unwrap() {
            criterion.as_object_mut().unwrap().remove("identifier");
            for level in criterion["CFRubricCriterionLevels"].as_array_mut().unwrap() {
                level.as_object_mut().unwrap().remove("identifier");
            }
        }
    }
    let read = import(&unnamed).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(read.spec, whole.spec);
}
