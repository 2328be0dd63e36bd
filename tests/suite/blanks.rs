//! Reduced inputs from trying the crate on files written elsewhere: every problem of an
//! entry is reported in one round, a level no competency could have beside an unknown id
//! too (framework/11); an id with spaces around it is named from CSV by a quoted field
//! (csv/27).

use karmayogi::{
    Cohort, CohortCsvReader, EntityKind, Error, Errors, EvidenceProblem, Framework, LevelPolicy,
    OfficersCsv, OfficersCsvOptions, load_officers,
};

const LEVEL_BESIDE_UNKNOWN_ID: &str =
    include_str!("../data/cases/framework/11-level-beside-unknown-id.json");

fn unknown(from_kind: EntityKind, from: &str, to: &str) -> Error {
    Error::UnknownReference {
        from_kind,
        from: from.into(),
        to_kind: EntityKind::Competency,
        to: to.into(),
        nearest: None,
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
                    nearest: nearest.clone(),
                    quote_nearest: false,
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
            (
                1,
                EvidenceProblem::UnknownCompetency {
                    nearest,
                    quote_nearest: false
                }
            ),
        ]
    );
}

const SPACED_FRAMEWORK: &str =
    include_str!("../data/cases/csv/27-ids-with-surrounding-spaces-framework.json");
const SPACED_OFFICERS: &str =
    include_str!("../data/cases/csv/27-ids-with-surrounding-spaces-officers.csv");
const SPACED_EVIDENCE: &str =
    include_str!("../data/cases/csv/27-ids-with-surrounding-spaces-evidence.csv");

// csv/27: positions `p ` and ` q`, competencies `rti ` and ` noting` and course `k `, as
// the framework's JSON writes them; the CSV files quote them so. Each quoted field names
// its id, spaces kept, in every CSV reader.
#[test]
fn a_quoted_field_names_an_id_with_surrounding_spaces() {
    let fw = Framework::from_json(SPACED_FRAMEWORK).unwrap();
    let csv = OfficersCsv::new(SPACED_OFFICERS).evidence(SPACED_EVIDENCE);
    let options = OfficersCsvOptions::default();
    let load = load_officers(&fw, &csv, &options).unwrap();
    let o1 = &load.officers[0];
    assert_eq!(o1.position.as_str(), "p ");
    assert_eq!(
        o1.target_position
            .as_ref()
            .map(karmayogi::PositionId::as_str),
        Some(" q")
    );
    let entries: Vec<_> = (o1.passbook.iter())
        .map(|e| {
            (
                e.competency.as_str(),
                e.course.as_ref().map(karmayogi::CourseId::as_str),
            )
        })
        .collect();
    assert_eq!(entries, [("rti ", Some("k ")), (" noting", None)]);

    let level = |cohort: &Cohort, officer: usize, competency: &str| {
        let profile = cohort.profile(officer).unwrap();
        profile.level(&fw, competency).unwrap().get()
    };
    let from_csv = Cohort::from_csv(&fw, &csv, &options).unwrap().cohort;
    let mut reader = CohortCsvReader::new(&fw, &options);
    reader.push_officers(SPACED_OFFICERS.as_bytes());
    reader.push_evidence(SPACED_EVIDENCE.as_bytes());
    let pushed = reader.finish().unwrap().cohort;
    for cohort in [&from_csv, &pushed] {
        let profile = cohort.profile(0).unwrap();
        assert_eq!(profile.position(&fw).unwrap().as_str(), "p ");
        assert_eq!(
            profile
                .target_position(&fw)
                .unwrap()
                .map(karmayogi::PositionId::as_str),
            Some(" q")
        );
        assert_eq!(
            [
                level(cohort, 0, "rti "),
                level(cohort, 0, " noting"),
                level(cohort, 1, "rti ")
            ],
            [2, 1, 3]
        );
    }
}

// Unquoted, the same cells are trimmed, as every field is, and name no id: each is
// reported, suggesting the id as a quoted field writes it.
#[test]
fn an_unquoted_field_is_trimmed_and_names_no_spaced_id() {
    let fw = Framework::from_json(SPACED_FRAMEWORK).unwrap();
    let officers = SPACED_OFFICERS.replace('"', "");
    let evidence = SPACED_EVIDENCE.replace('"', "");
    let csv = OfficersCsv::new(&officers).evidence(&evidence);
    let errors = load_officers(&fw, &csv, &OfficersCsvOptions::default())
        .map_err(Errors::into_vec)
        .unwrap_err();
    // Positions `p` (twice) and `q`; competencies `rti` (twice) and `noting`; course `k`.
    assert_eq!(errors.len(), 7, "{errors:#?}");
    assert_eq!(
        errors[0],
        Error::CsvUnknownReference {
            file: "officers.csv",
            line: 2,
            column: "position",
            found: "p".into(),
            target: "the framework's positions",
            nearest: Some("p ".into()),
            quote_nearest: true,
        }
    );
}
