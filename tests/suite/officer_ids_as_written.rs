//! Every reader of officers reads an id as written: a JSON string, and a CSV field's text
//! between its quotes, whitespace around it kept; only the spaces around an unquoted CSV
//! field (`o3 , dopt`) are the format's layout, and removed. So one export gives the same
//! officers, departments and references in either format (officers/32–33, csv/39–40),
//! and ids apart only in such spaces are kept apart and named as lookalikes.

use karmayogi::{
    Cohort, CohortCsvReader, EntityKind, Error, Errors, Framework, LevelPolicy, OfficerSpec,
    OfficersCsv, OfficersCsvOptions, OfficersSpec, ReviewOptions, load_officers,
};

use crate::support::HEADER_FRAMEWORK;

/// An officer as `(id, department, position, [(competency, level)])`.
type Read = (String, String, String, Vec<(String, u8)>);

/// Each officer as [`Read`].
fn officers(list: &[OfficerSpec]) -> Vec<Read> {
    (list.iter())
        .map(|o| {
            let passbook = (o.passbook.iter())
                .map(|e| (e.competency.to_string(), e.level))
                .collect();
            let (id, department) = (o.id.to_string(), o.department.to_string());
            (id, department, o.position.to_string(), passbook)
        })
        .collect()
}

/// officers/32 and csv/39: `"department": "dopt "` and `"id": "o2 "` were kept as written
/// by the JSON readers while the CSV reader trimmed the same quoted fields, so one export
/// in two formats gave two cohorts (`dopt ` and `dopt`). The CSV reader now keeps a quoted
/// field as written, as the JSON is: the same officers, on every CSV path, and the same
/// warning naming the department written apart from the position's.
#[test]
fn one_export_gives_one_cohort_in_either_format() {
    let fw = Framework::from_json(HEADER_FRAMEWORK).expect("valid");
    let doc = include_str!("../data/cases/officers/32-space-around-ids-officers.json");
    let spec = OfficersSpec::from_json(doc).expect("valid");
    let from_json = officers(&spec.officers);
    let csv_officers = include_str!("../data/cases/csv/39-space-around-ids-officers.csv");
    let csv_evidence = include_str!("../data/cases/csv/39-space-around-ids-evidence.csv");
    let csv = OfficersCsv::new(csv_officers).evidence(csv_evidence);
    let options = OfficersCsvOptions::default();
    let load = load_officers(&fw, &csv, &options).expect("valid");
    assert_eq!(officers(&load.officers), from_json);
    assert_eq!(from_json[0].1, "dopt ");
    assert_eq!(from_json[1].0, "o2 ");
    // Unquoted, `o3 , Meena Iyer , dopt , ds` is `o3`, `dopt`, `ds`.
    assert_eq!(from_json[2].0, "o3");

    let policy = LevelPolicy::default();
    let json_cohort = Cohort::from_json(&fw, doc, &policy).expect("valid");
    let csv_cohort = Cohort::from_csv(&fw, &csv, &options).expect("valid");
    let mut reader = CohortCsvReader::new(&fw, &options);
    reader.push_officers(csv_officers.as_bytes());
    reader.push_evidence(csv_evidence.as_bytes());
    let pushed = reader.finish().expect("valid");
    for cohort in [&csv_cohort.cohort, &pushed.cohort] {
        assert_eq!(cohort.len(), json_cohort.len());
        for i in 0..cohort.len() {
            let (a, b) = (cohort.profile(i).unwrap(), json_cohort.profile(i).unwrap());
            assert_eq!(a.id(), b.id());
            assert_eq!(a.department(), b.department());
        }
    }
    // The department written apart from its position's is named alike in both.
    let json_warnings: Vec<String> = (fw
        .review_officers(&spec.officers, &ReviewOptions::default()))
    .iter()
    .map(ToString::to_string)
    .collect();
    let department = "officer `o1` is in department \"dopt\\u{20}\" but position `us` belongs to `dopt`, did you mean `dopt`?";
    assert_eq!(json_warnings, [department]);
    let csv_warnings: Vec<String> = load.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        csv_warnings,
        [format!(
            "officers.csv line 2, column `department`: {department}"
        )]
    );
}

/// officers/33 and csv/40: a position `"us "` and a competency `" rti"` where the
/// framework holds `us` and `rti`. The JSON readers report both as unknown, the nearest
/// named; the CSV reader read the trimmed `us` and `rti` without a word. It now reports
/// them as the JSON readers do.
#[test]
fn a_quoted_framework_id_with_a_space_names_no_other_id() {
    let fw = Framework::from_json(HEADER_FRAMEWORK).expect("valid");
    let doc = include_str!("../data/cases/officers/33-framework-id-with-a-space-officers.json");
    let json_errors = Cohort::from_json(&fw, doc, &LevelPolicy::default())
        .map_err(Errors::into_vec)
        .expect_err("unknown ids");
    let text = |errors: &[Error]| errors.iter().map(ToString::to_string).collect::<Vec<_>>();
    assert_eq!(json_errors.len(), 2, "{:?}", text(&json_errors));
    let officers = include_str!("../data/cases/csv/40-framework-id-with-a-space-officers.csv");
    let evidence = include_str!("../data/cases/csv/40-framework-id-with-a-space-evidence.csv");
    let csv = OfficersCsv::new(officers).evidence(evidence);
    let errors = load_officers(&fw, &csv, &OfficersCsvOptions::default())
        .map_err(Errors::into_vec)
        .expect_err("unknown ids");
    assert_eq!(
        text(&errors),
        [
            "officers.csv line 2, column `position`: \"us\\u{20}\" is not in the framework's positions, did you mean `us`?",
            "evidence.csv line 2, column `competency`: officer `o1` passbook entry 0 (competency \"\\u{20}rti\"): unknown competency, did you mean `rti`?",
        ]
    );
}

/// Framework ids (competencies, positions, courses, and positions' departments) are kept
/// as written, spaces included (csv/27): two that differ only in a space around them are
/// two entities, never merged, and `Framework::review` names each set as lookalikes.
#[test]
fn framework_ids_apart_only_in_spaces_are_kept_apart_and_named() {
    let doc = r#"{"format_version": 1,
 "competencies": [{"id": "rti", "name": "RTI", "type": "functional"},
                  {"id": "rti ", "name": "RTI, spaced", "type": "functional"}],
 "roles": [{"id": "r", "name": "R", "requires": [{"competency": "rti ", "level": 3}]}],
 "positions": [{"id": "p ", "name": "P", "department": "d", "roles": ["r"]},
               {"id": "p", "name": "Q", "department": "d ", "roles": ["r"]}],
 "courses": [{"id": "k ", "name": "K", "hours": 2, "provides": [{"competency": "rti ", "level": 2}]},
             {"id": "k", "name": "K", "hours": 2, "provides": [{"competency": "rti", "level": 2}]}]}"#;
    let fw = Framework::from_json(doc).expect("valid");
    assert_eq!(fw.competencies().len(), 2);
    let warned: Vec<(EntityKind, Vec<String>)> = (fw.review().into_iter())
        .map(|w| match w {
            Error::LookalikeIds { kind, ids, .. } => (kind, ids),
            other => panic!("{other:?}"),
        })
        .collect();
    let pair = |a: &str| vec![a.to_owned(), format!("{a} ")];
    assert_eq!(
        warned,
        [
            (EntityKind::Competency, pair("rti")),
            (EntityKind::Position, pair("p")),
            (EntityKind::Course, pair("k")),
            (EntityKind::Department, pair("d")),
        ]
    );
}
