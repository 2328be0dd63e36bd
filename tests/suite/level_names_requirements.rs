//! A requirement's, course outcome's and group rule's level written as a competency's own
//! level name holding a number (`"Foundation 2"`, `"Band 2"`) is that level, as a
//! passbook's is (scales/29, 31); where the competency has no level so named, it is the
//! number with the name before it, checked as such (scales/32).

use karmayogi::{EntityKind, Error, Framework, FrameworkSpec};

const FRAMEWORK: &str =
    include_str!("../data/cases/scales/32-requirement-level-names-holding-numbers-framework.json");

/// The levels required of `us` by competency, built by the course, granted by the rule.
type Levels = (Vec<(String, u8)>, Vec<(String, Option<u8>)>, u8);

/// The levels `fw` requires of `us`, its course builds and its group rule grants.
fn levels(fw: &Framework) -> Levels {
    let required = (fw.requirements("us").expect("known").iter())
        .map(|r| (r.competency.to_string(), r.level.get()))
        .collect();
    let built = (fw.courses()[0].provides.iter())
        .map(|o| (o.competency.to_string(), o.level))
        .collect();
    let rule = fw
        .group("skills")
        .and_then(|g| g.rule.as_ref())
        .expect("a rule");
    (required, built, rule.level)
}

#[test]
fn requirement_level_names_holding_a_number_read_as_a_passbook_reads_them() {
    let fw = Framework::from_json(FRAMEWORK).expect("valid");
    let expected = (
        // `Foundation 2` is digital's level 2 and records' level 1 (whose level 2 is
        // `Foundation`), `band 2` planning's level 4.
        vec![
            ("digital".to_owned(), 2),
            ("planning".to_owned(), 4),
            ("records".to_owned(), 1),
        ],
        vec![
            ("digital".to_owned(), Some(2)),
            ("planning".to_owned(), Some(5)),
            ("records".to_owned(), Some(3)),
        ],
        3,
    );
    assert_eq!(levels(&fw), expected);
    // Written and read again: the same framework.
    let again = Framework::from_json(&fw.to_spec().to_json()).expect("reads back");
    assert_eq!(levels(&again), expected);
    assert_eq!(again.to_spec(), fw.to_spec());
    // The document read without building it writes back what it read.
    let spec = FrameworkSpec::from_json(FRAMEWORK).expect("reads");
    assert_eq!(
        FrameworkSpec::from_json(&spec.to_json()).expect("reads back"),
        spec
    );
}

/// `Foundation 3` names no level of digital (its level 3 is `Intermediate 3`): it is level
/// 3 with the name `Foundation`, which is digital's level 1: refused naming both readings.
#[test]
fn a_name_holding_a_number_no_level_has_is_a_number_with_a_name() {
    let text = FRAMEWORK.replacen(
        r#"{"competency": "digital", "level": "Foundation 2"},
                               {"competency": "planning""#,
        r#"{"competency": "digital", "level": "Foundation 3"},
                               {"competency": "planning""#,
        1,
    );
    assert_ne!(text, FRAMEWORK);
    let errors = Framework::from_json(&text).expect_err("refused");
    assert_eq!(
        errors.into_vec(),
        [Error::LevelNameMismatch {
            owner_kind: EntityKind::Activity,
            owner: "portal".into(),
            competency: "digital".into(),
            level: 3,
            name: "Foundation".into(),
            level_named: Some("Intermediate 3".into()),
            named: Some(1),
        }]
    );
}
