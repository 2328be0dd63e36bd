//! A passbook level that marks a missing value (`N/A`, `NA`, `#N/A`, `NULL`, `\N`, `-`,
//! `--`, in any ASCII case) is refused alike by the JSON and the CSV readers, as a mark
//! of a missing value at the entry's `level`: one entry per error, naming the officer,
//! the entry and the competency, never read as a level's name (officers/10), not even
//! where the competency names a level so (officers/12).

use karmayogi::{
    Cohort, CohortCsvReader, Error, Errors, Framework, LevelPolicy, OfficersCsv,
    OfficersCsvOptions, OfficersSpec, PassbookRow, load_officers,
};

const FRAMEWORK: &str = include_str!("../data/cases/scales/28-level-names-alone-framework.json");
const OFFICERS: &str =
    include_str!("../data/cases/officers/10-levels-marked-missing-officers.json");
const EVIDENCE: &str = include_str!("../data/cases/officers/10-levels-marked-missing-evidence.csv");
/// A competency whose levels are named `NA` and `N/A`, another `Null` and `-`.
const NAMED_FRAMEWORK: &str =
    include_str!("../data/cases/officers/12-levels-named-as-missing-marks-framework.json");
const NAMED_OFFICERS: &str =
    include_str!("../data/cases/officers/12-levels-named-as-missing-marks-officers.json");
const NAMED_EVIDENCE: &str =
    include_str!("../data/cases/officers/12-levels-named-as-missing-marks-evidence.csv");
const ROSTER: &str = "id,department,position\no1,dopt,us\no2,dopt,us\n";

/// What both readers expect instead of a mark of a missing value.
const NOT_MISSING: &str =
    "a value, not a mark of a missing one (`NA`, `N/A`, `#N/A`, `NULL`, `\\N`, `-`, `--`)";

/// The entries refused: officer, index in the passbook, competency, the text written.
const REFUSED: [(&str, usize, &str, &str); 7] = [
    ("o1", 1, "noting", "N/A"),
    ("o1", 2, "drafting", "n/a"),
    ("o2", 0, "rti", "NA"),
    ("o2", 1, "rti", " null "),
    ("o2", 2, "noting", "#N/A"),
    ("o2", 3, "noting", "-"),
    ("o2", 4, "drafting", "\\N"),
];

/// The entries the JSON errors name, each checked to be a mark of a missing value at the
/// entry's `level`.
#[track_caller]
fn from_json(errors: Errors) -> Vec<(String, usize, String, String)> {
    (errors.into_vec().into_iter())
        .map(|e| {
            let Error::Json {
                path, id, message, ..
            } = e
            else {
                panic!("not a JSON error: {e}");
            };
            let (entry, rest) = message
                .split_once(": invalid value: string ")
                .expect(&message);
            let (found, expected) = rest.split_once(", expected ").expect(&message);
            assert_eq!(expected, NOT_MISSING, "{message}");
            let id = id.expect("the officer's id");
            // `officer `o2` passbook entry 3 (competency `noting`)`
            let index: usize = entry
                .split("entry ")
                .nth(1)
                .and_then(|t| t.split(' ').next())
                .and_then(|t| t.parse().ok())
                .expect(&message);
            let competency = entry.split('`').nth(3).expect(&message).to_owned();
            assert!(
                path.ends_with(&format!("passbook[{index}].level")),
                "{path}"
            );
            let found: String = serde_json::from_str(found).expect(found);
            (id, index, competency, found)
        })
        .collect()
}

/// The entries the CSV errors name, each checked to be a mark of a missing value in the
/// row's `level` cell.
#[track_caller]
fn from_csv(errors: Errors) -> Vec<(String, usize, String, String)> {
    (errors.into_vec().into_iter())
        .map(|e| {
            let Error::CsvInvalidValue {
                file: "evidence.csv",
                column: "level",
                found,
                expected,
                entry: Some(entry),
                ..
            } = e
            else {
                panic!("not a level's cell: {e}");
            };
            let PassbookRow {
                officer,
                index: Some(index),
                competency,
            } = *entry
            else {
                panic!("no entry number: {entry:?}");
            };
            assert_eq!(expected, NOT_MISSING);
            (officer.to_string(), index, competency.to_string(), found)
        })
        .collect()
}

/// Checks that `framework` with `officers` (JSON) and `evidence` (CSV, beside `ROSTER`)
/// refuse exactly the entries `refused` (officer, index, competency, text), alike.
#[track_caller]
fn refused_alike(
    framework: &str,
    officers: &str,
    evidence: &str,
    refused: &[(&str, usize, &str, &str)],
) {
    let fw = Framework::from_json(framework).expect("valid");
    let policy = LevelPolicy::default();
    let expected: Vec<(String, usize, String, String)> = (refused.iter())
        .map(|&(o, i, c, f)| (o.to_owned(), i, c.to_owned(), f.to_owned()))
        .collect();
    // JSON, with and without the framework, in one pass and on two threads.
    assert_eq!(
        from_json(OfficersSpec::from_json_all(officers).expect_err("refused")),
        expected
    );
    assert_eq!(
        from_json(Cohort::from_json(&fw, officers, &policy).expect_err("refused")),
        expected
    );
    let two = Cohort::from_json_with_threads(&fw, officers, &policy, 2);
    assert_eq!(from_json(two.expect_err("refused")), expected);
    // CSV: the cells as written (the JSON string's spaces trimmed, as a CSV field's are).
    let trimmed: Vec<_> = (expected.iter().cloned())
        .map(|(o, i, c, f)| (o, i, c, f.trim().to_owned()))
        .collect();
    let csv = OfficersCsv::new(ROSTER).evidence(evidence);
    let options = OfficersCsvOptions::default();
    let loaded = load_officers(&fw, &csv, &options)
        .map(|_| ())
        .expect_err("refused");
    assert_eq!(from_csv(loaded), trimmed);
    let read = Cohort::from_csv(&fw, &csv, &options)
        .map(|_| ())
        .expect_err("refused");
    assert_eq!(from_csv(read), trimmed);
    let mut reader = CohortCsvReader::new(&fw, &options);
    reader.push_officers(ROSTER.as_bytes());
    reader.push_evidence(evidence.as_bytes());
    assert_eq!(
        from_csv(reader.finish().map(|_| ()).expect_err("refused")),
        trimmed
    );
}

#[test]
fn a_level_marked_missing_is_refused_alike_from_json_and_csv() {
    refused_alike(FRAMEWORK, OFFICERS, EVIDENCE, &REFUSED);
}

/// A mark of a missing value is refused even where the competency gives a level that name
/// (`NA`, `N/A`, `Null`, `-`): the JSON readers cannot tell it from a missing value
/// without the framework, so the CSV readers, which have it, read it alike. The entries
/// written by another name (`Expert`) are read.
#[test]
fn a_level_marked_missing_is_refused_where_a_level_is_named_so() {
    let refused = [
        ("o1", 0, "rti", "NA"),
        ("o1", 2, "rti", "n/a"),
        ("o2", 0, "noting", "NULL"),
        ("o2", 1, "noting", "-"),
        ("o2", 2, "rti", "Na"),
    ];
    refused_alike(NAMED_FRAMEWORK, NAMED_OFFICERS, NAMED_EVIDENCE, &refused);
}
