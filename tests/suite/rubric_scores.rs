//! CASE rubric levels as proficiency-scale authors write them: a level without a score
//! ("Not assessed", "Not applicable"), scores written as level labels (`"L1"`, `"Level
//! 2"`), two levels sharing a score, scores starting at 0 or with gaps. One odd level is set
//! aside alone and reported; the competency and its other levels import.

use karmayogi::{CaseDropReason, CaseElement, CaseImport, Framework, LevelDescriptor};
use serde_json::{Value, json};

use crate::support::import;

const UNSCORED: &str = include_str!("../data/cases/scales/08-unscored-level.json");
const C1: &str = "c0000000-0000-4000-8000-000000000001";

fn level(n: usize) -> String {
    format!("b3000000-0000-4000-8000-00000000000{n}")
}

fn dropped(import: &CaseImport) -> Vec<(CaseElement, String, CaseDropReason)> {
    import
        .report
        .dropped
        .iter()
        .map(|d| (d.element, d.identifier.clone(), d.reason))
        .collect()
}

/// The package of case 08 with the criterion's levels replaced by `levels` (score, quality;
/// `Value::Null` for no `score` key).
fn with_levels(levels: &[(Value, &str)]) -> String {
    let mut p: Value = serde_json::from_str(UNSCORED).unwrap();
    let levels: Vec<Value> = levels
        .iter()
        .enumerate()
        .map(|(i, (score, quality))| {
            let mut l = json!({"identifier": format!("l{i}"), "quality": quality,
                               "description": format!("{quality}.")});
            if !score.is_null() {
                l["score"] = score.clone();
            }
            l
        })
        .collect();
    p["CFRubrics"][0]["CFRubricCriteria"][0]["CFRubricCriterionLevels"] = json!(levels);
    p.to_string()
}

#[test]
fn an_unscored_level_is_set_aside_alone() {
    let import = import(UNSCORED);
    let c = &import.spec.competencies[0];
    assert_eq!(c.id.as_str(), C1);
    // "L1" and "Level 2" are levels 1 and 2; the two levels without a score are reported.
    let levels: Vec<(u8, Option<&str>)> = c
        .levels
        .iter()
        .map(|l| (l.level, l.name.as_deref()))
        .collect();
    assert_eq!(
        levels,
        [
            (1, Some("Basic")),
            (2, Some("Intermediate")),
            (3, Some("Advanced"))
        ]
    );
    assert_eq!((c.min_level, c.max_level), (None, None));
    assert_eq!(
        dropped(&import),
        [
            (CaseElement::Level, level(4), CaseDropReason::Unscored),
            (CaseElement::Level, level(5), CaseDropReason::Unscored),
        ]
    );
    assert!(!import.report.is_complete());
    Framework::new(import.spec).expect("valid");
}

#[test]
fn level_labels_are_scores() {
    for (labels, expected) in [
        (["L1", "L2", "L3"], [1, 2, 3]),
        (["Level 1", "level 2", "LEVEL-3"], [1, 2, 3]),
        (["lvl 3", " L4 ", "Lvl_5"], [3, 4, 5]),
    ] {
        let levels: Vec<(Value, &str)> = labels.iter().map(|l| (json!(l), "x")).collect();
        let import = import(&with_levels(&levels));
        let got: Vec<u8> = import.spec.competencies[0]
            .levels
            .iter()
            .map(|l| l.level)
            .collect();
        assert_eq!(got, expected, "{labels:?}");
        assert!(import.report.dropped.is_empty(), "{labels:?}");
    }
}

#[test]
fn levels_sharing_a_score_leave_that_level_undescribed() {
    let import = import(&with_levels(&[
        (json!(1), "Basic"),
        (json!(2), "Proficient"),
        (json!(2), "Competent"),
        (json!(3), "Expert"),
    ]));
    let c = &import.spec.competencies[0];
    let levels: Vec<(u8, Option<&str>)> = c
        .levels
        .iter()
        .map(|l| (l.level, l.name.as_deref()))
        .collect();
    // Neither text is chosen for level 2: both are reported, and the level still exists.
    assert_eq!(levels, [(1, Some("Basic")), (3, Some("Expert"))]);
    assert_eq!((c.min_level, c.max_level), (None, None));
    assert_eq!(
        dropped(&import),
        [
            (
                CaseElement::Level,
                "l1".to_owned(),
                CaseDropReason::SharedScore
            ),
            (
                CaseElement::Level,
                "l2".to_owned(),
                CaseDropReason::SharedScore
            ),
        ]
    );
    let fw = Framework::new(import.spec).expect("valid");
    assert_eq!(fw.max_level(C1).map(karmayogi::Level::get), Some(3));
    assert_eq!(fw.min_level(C1).map(karmayogi::Level::get), Some(1));
}

#[test]
fn a_shared_top_score_keeps_the_top_level() {
    let import = import(&with_levels(&[
        (json!(1), "Basic"),
        (json!(4), "Expert"),
        (json!(4), "Master"),
    ]));
    let c = &import.spec.competencies[0];
    assert_eq!(
        c.levels,
        [LevelDescriptor {
            level: 1,
            name: Some("Basic".to_owned()),
            level_name: None,
            description: "Basic.".to_owned()
        }]
    );
    assert_eq!((c.min_level, c.max_level), (None, Some(4)));
    let fw = Framework::new(import.spec).expect("valid");
    assert_eq!(fw.max_level(C1).map(karmayogi::Level::get), Some(4));
}

#[test]
fn scores_from_zero_and_with_gaps_keep_their_numbers() {
    let import = import(&with_levels(&[
        (json!(0), "Not evident"),
        (json!(1), "Aware"),
        (json!(3), "Practitioner"),
        (json!(5), "Expert"),
    ]));
    let c = &import.spec.competencies[0];
    let got: Vec<u8> = c.levels.iter().map(|l| l.level).collect();
    // Level 0 is none, described as such.
    assert_eq!(got, [0, 1, 3, 5]);
    assert_eq!(dropped(&import), []);
    Framework::new(import.spec).expect("valid");
}

#[test]
fn a_criterion_without_any_score_is_set_aside_with_its_item_as_unscored() {
    let import = import(&with_levels(&[
        (Value::Null, "Basic"),
        (json!("n/a"), "Advanced"),
    ]));
    // No order at all, and no rule could give one.
    assert!(import.spec.competencies.is_empty());
    let dropped: Vec<(CaseElement, &str, CaseDropReason)> = (import.report.dropped.iter())
        .map(|d| (d.element, &d.identifier[..2], d.reason))
        .collect();
    assert_eq!(
        dropped,
        [
            (CaseElement::Item, "c0", CaseDropReason::Unscored),
            (CaseElement::Criterion, "b2", CaseDropReason::Unscored),
            (CaseElement::Level, "l0", CaseDropReason::Unscored),
            (CaseElement::Level, "l1", CaseDropReason::Unscored),
        ]
    );
    assert_eq!(import.report.dropped_fields[0].identifier, "l1");
    assert_eq!(import.report.dropped_fields[0].field, "score");
}
