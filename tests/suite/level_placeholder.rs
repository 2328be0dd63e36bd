//! The number 255 that stands for a level given by name only (`RequirementSpec::LEVEL_BY_NAME`,
//! `Evidence::LEVEL_BY_NAME`) never reaches a message as a level someone wrote
//! (framework/25, evidence/15). A requirement, course outcome or group rule written as a
//! Roman numeral beyond V (`"VI"`, `"Level VIII"`) was refused twice, as "level 255" out of
//! range and as "level 255 written with the name": it is now refused once, by its name. A
//! passbook's `"level": 255` was refused as "level given by name only, without a name",
//! though a number was written: the message now names the number, as the officers CSV
//! reader does.

use karmayogi::{
    Cohort, EntityKind, Error, EvidenceProblem, Framework, LevelPolicy, OfficersCsv,
    OfficersCsvOptions, OfficersSpec, RequirementSpec, load_officers,
};

const NAMES: &str = include_str!("../data/cases/framework/25-level-names-no-level-has.json");
const OFFICERS: &str =
    include_str!("../data/cases/evidence/15-level-255-in-a-passbook-officers.json");
const EVIDENCE: &str =
    include_str!("../data/cases/evidence/15-level-255-in-a-passbook-evidence.csv");

/// The framework the passbook of evidence/15 is checked against: framework/25 with its
/// levels written as numbers.
fn valid_framework() -> Framework {
    let text = NAMES
        .replace("\"Level VIII\"", "3")
        .replace("\"VII\"", "2")
        .replace("\"VI\"", "3")
        .replace("\"IX\"", "3")
        .replace(", {\"competency\": \"rtl\", \"level\": \"X\"}", "")
        .replace(",\n      {\"competency\": \"rtl\", \"level\": \"X\"}", "");
    Framework::from_json(&text).expect("framework/25 with numbers is valid")
}

fn mismatch(kind: EntityKind, owner: &str, competency: &str, name: &str) -> Error {
    Error::LevelNameMismatch {
        owner_kind: kind,
        owner: owner.into(),
        competency: competency.into(),
        level: RequirementSpec::LEVEL_BY_NAME,
        name: name.into(),
        level_named: None,
        named: None,
    }
}

/// framework/25: each level written as a name no level has is one error naming it; the
/// requirement of an unknown competency is its unknown reference alone.
#[test]
fn a_level_written_as_a_name_no_level_has_is_refused_once_by_its_name() {
    let errors = Framework::from_json(NAMES).expect_err("refused").into_vec();
    let texts: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(
        texts.iter().all(|t| !t.contains("255")),
        "a placeholder in a message: {texts:#?}"
    );
    let unknown = Error::UnknownReference {
        from_kind: EntityKind::Role,
        from: "pio".into(),
        to_kind: EntityKind::Competency,
        to: "rtl".into(),
        nearest: None,
    };
    let mut expected = vec![
        mismatch(EntityKind::Group, "office", "office-work", "VII"),
        mismatch(EntityKind::Role, "pio", "rti", "VI"),
        mismatch(EntityKind::Role, "pio", "noting", "Level VIII"),
        unknown,
        mismatch(EntityKind::Course, "rti-pio", "rti", "IX"),
    ];
    let mut found = errors.clone();
    let key = |e: &Error| e.to_string();
    expected.sort_by_key(key);
    found.sort_by_key(key);
    assert_eq!(found, expected, "{texts:#?}");
    assert!(
        texts.contains(
            &"role `pio` names competency `rti` at a level written as the name `VI`, which \
              the competency gives no level: write the level's number, or the name of one \
              of its levels"
                .to_owned()
        ),
        "{texts:#?}"
    );
}

/// evidence/15: a passbook's `"level": 255` is refused naming 255, as the CSV reader
/// refuses the same cell; 254 is refused as out of range by both.
#[test]
fn a_passbook_level_of_255_is_refused_naming_the_number() {
    let fw = valid_framework();
    let policy = LevelPolicy::default();
    let doc = OfficersSpec::from_json(OFFICERS).expect("reads");
    let errors = Cohort::new(&fw, &doc.officers, &policy).expect_err("refused");
    let texts: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(errors.len(), 2, "{texts:#?}");
    assert!(matches!(
        &errors.as_slice()[0],
        Error::InvalidEvidence {
            index: 0,
            problem: EvidenceProblem::UnresolvedLevelName { name, .. },
            ..
        } if name.is_empty()
    ));
    assert_eq!(
        texts[0],
        "officer `o1` passbook entry 0 (competency `rti`): level 255, which marks a level \
         given by name only, without a name: expected a level from 0 to 5, or the name of \
         one of the competency's levels"
    );
    assert!(texts[1].contains("254"), "{texts:#?}");
    let from_json = Cohort::from_json(&fw, OFFICERS, &policy).expect_err("refused");
    let again: Vec<String> = from_json.iter().map(ToString::to_string).collect();
    assert!(again.iter().any(|t| t.contains("level 255")), "{again:#?}");

    let roster = "id,department,position\no1,dopt,so\n";
    let csv = OfficersCsv::new(roster).evidence(EVIDENCE);
    let refused = load_officers(&fw, &csv, &OfficersCsvOptions::default()).expect_err("refused");
    let csv_texts: Vec<String> = refused.iter().map(ToString::to_string).collect();
    assert_eq!(csv_texts.len(), 2, "{csv_texts:#?}");
    assert!(csv_texts[0].contains("`255`"), "{csv_texts:#?}");
}
