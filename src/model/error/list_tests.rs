//! Tests of errors in a list and of errors nested in another: their JSON form and text.

use super::*;
use crate::EntityKind;

#[test]
fn nested_errors_and_lists_serialize_whole() {
    let e = Error::CsvRow {
        file: "evidence.csv",
        line: 4,
        column: "course",
        error: Box::new(Error::InvalidEvidence {
            officer: "o1".into(),
            index: 2,
            competency: "rti".into(),
            problem: EvidenceProblem::AboveCourseLevel {
                course: "rti-101".into(),
                level: 5,
                course_level: 2,
            },
        }),
    };
    let errors = Errors(vec![e]);
    assert_eq!(
        serde_json::to_value(&errors).unwrap(),
        serde_json::json!([{
            "code": "csv_row", "file": "evidence.csv", "line": 4, "column": "course",
            "error": {
                "code": "invalid_evidence", "officer": "o1", "index": 2, "competency": "rti",
                "problem": {"problem": "above_course_level", "course": "rti-101", "level": 5, "course_level": 2},
                "message": "officer `o1` passbook entry 2 (competency `rti`): level 5 is above level 2, the level course `rti-101` builds it to"
            },
            "message": "evidence.csv line 4, column `course`: officer `o1` passbook entry 2 (competency `rti`): level 5 is above level 2, the level course `rti-101` builds it to"
        }])
    );
}

#[test]
fn cycle_message_closes_the_loop() {
    let e = Error::PrerequisiteCycle {
        courses: vec!["a".into(), "b".into()],
    };
    assert_eq!(e.to_string(), "prerequisite cycle: `a` -> `b` -> `a`");
}

#[test]
fn errors_display_lists_every_problem() {
    let errors = Errors::from_vec(vec![
        Error::PositionWithoutRoles {
            position: "p".into(),
        },
        Error::DuplicateId {
            kind: EntityKind::Role,
            id: "r".into(),
        },
    ])
    .unwrap();
    assert_eq!(
        errors.to_string(),
        "2 problems found:\n  - position `p` has no roles\n  - duplicate role id `r`"
    );
}
