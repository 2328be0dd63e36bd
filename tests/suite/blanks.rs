//! Reduced inputs from trying the crate on files written elsewhere: every problem of an
//! entry is reported in one round, a level no competency could have beside an unknown id
//! too (framework/11).

use karmayogi::{Cohort, EntityKind, Error, Errors, EvidenceProblem, Framework, LevelPolicy};

const LEVEL_BESIDE_UNKNOWN_ID: &str =
    include_str!("../data/cases/framework/11-level-beside-unknown-id.json");

fn unknown(from_kind: EntityKind, from: &str, to: &str) -> Error {
    Error::UnknownReference {
        from_kind,
        from: from.into(),
        to_kind: EntityKind::Competency,
        to: to.into(),
    }
}

fn beyond(owner_kind: EntityKind, owner: &str, competency: &str, level: u8) -> Error {
    Error::InvalidLevel {
        owner_kind,
        owner: owner.into(),
        competency: competency.into(),
        level,
        min: 1,
        max: 5,
    }
}

// framework/11: a role requires an unknown competency at 9, a course provides it at 0 and
// a group's rule grants another at 6; no competency exists at any of these levels, so
// each is said beside the unknown id, while level 4 of an unknown id could be right.
#[test]
fn a_level_no_competency_has_is_reported_beside_the_unknown_id() {
    let mut errors = Framework::from_json(LEVEL_BESIDE_UNKNOWN_ID)
        .map_err(Errors::into_vec)
        .unwrap_err();
    errors.sort_by_key(ToString::to_string);
    let mut expected = vec![
        unknown(EntityKind::Group, "g", "zy"),
        beyond(EntityKind::Group, "g", "zy", 6),
        unknown(EntityKind::Role, "r", "zz"),
        beyond(EntityKind::Role, "r", "zz", 9),
        unknown(EntityKind::Role, "r", "zx"),
        unknown(EntityKind::Course, "k", "zz"),
        beyond(EntityKind::Course, "k", "zz", 0),
    ];
    expected.sort_by_key(ToString::to_string);
    assert_eq!(errors, expected);
}

#[test]
fn a_passbook_level_above_every_scale_is_reported_beside_the_unknown_id() {
    let fw = Framework::from_json(
        r#"{"format_version": 2,
        "competencies": [{"id": "rti", "name": "RTI", "type": "domain"}],
        "roles": [{"id": "r", "name": "R", "requires": [{"competency": "rti", "level": 3}]}],
        "positions": [{"id": "p", "name": "P", "department": "d", "roles": ["r"]}]}"#,
    )
    .unwrap();
    let doc = r#"{"format_version": 2, "officers": [{"id": "o1", "department": "d",
        "position": "p", "passbook": [
          {"competency": "rtx", "level": 9, "source": "assessment"},
          {"competency": "rtx", "level": 4, "source": "assessment"}]}]}"#;
    let errors = Cohort::from_json(&fw, doc, &LevelPolicy::default())
        .map_err(Errors::into_vec)
        .unwrap_err();
    let problems: Vec<_> = errors
        .iter()
        .map(|e| match e {
            Error::InvalidEvidence { index, problem, .. } => (*index, problem.clone()),
            other => panic!("{other}"),
        })
        .collect();
    let nearest = None;
    assert_eq!(
        problems,
        [
            (
                0,
                EvidenceProblem::UnknownCompetency {
                    nearest: nearest.clone()
                }
            ),
            (
                0,
                EvidenceProblem::LevelAboveScale {
                    level: 9,
                    min: 1,
                    max: 5
                }
            ),
            (1, EvidenceProblem::UnknownCompetency { nearest }),
        ]
    );
}
