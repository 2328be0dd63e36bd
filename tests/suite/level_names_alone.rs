//! A passbook level written as a name alone (`"Expert"`, `"Proficient"`) is read by the
//! competency's own level names (its descriptors' `name`, else the platform's default for
//! that level) wherever a passbook meets a framework, in JSON as in CSV; a name no level or
//! several levels have is refused by both as `EvidenceProblem::UnresolvedLevelName`, from
//! CSV inside the row's error (scales/28).

use karmayogi::{
    Cohort, CohortCsvReader, Error, Errors, Evidence, EvidenceProblem, Framework, LevelPolicy,
    OfficersCsv, OfficersCsvOptions, OfficersSpec, Profile, ReviewOptions, load_officers,
};

const FRAMEWORK: &str = include_str!("../data/cases/scales/28-level-names-alone-framework.json");
const OFFICERS: &str = include_str!("../data/cases/scales/28-level-names-alone-officers.json");
const EVIDENCE: &str = include_str!("../data/cases/scales/28-level-names-alone-evidence.csv");
const ROSTER: &str = "id,department,position\no1,dopt,us\no2,dopt,us\n";

/// The problems of `o2`'s passbook: `rti` names its levels Beginner, Intermediate,
/// Expert (so not `Proficient`, nor `Level VI`, a numeral beyond every scale; `Level III`
/// reads as level 3, see `roman_levels`); `drafting`'s level 1 keeps the default
/// `Basic` and its level 3 is named `basic` too; `noting` stops at level 4; `drafting`, described to level 3, stops there.
fn expected() -> Vec<Error> {
    let unresolved = |index: usize, competency: &str, name: &str, named: &[u8], max: u8| {
        Error::InvalidEvidence {
            officer: "o2".into(),
            index,
            competency: competency.into(),
            problem: EvidenceProblem::UnresolvedLevelName {
                name: name.into(),
                named: named.to_vec(),
                min: 1,
                max,
            },
        }
    };
    vec![
        unresolved(0, "rti", "Proficient", &[], 3),
        unresolved(1, "drafting", "Basic", &[1, 3], 3),
        unresolved(2, "noting", "Ustad", &[], 4),
        unresolved(3, "rti", "Level VI", &[], 3),
    ]
}

/// The levels `officer` holds of the four competencies, read through `profile`.
fn held(fw: &Framework, profile: &Profile) -> Vec<u8> {
    (["rti", "noting", "drafting", "sfia-plan"].iter())
        .map(|c| profile.level(fw, c).expect("known").get())
        .collect()
}

#[test]
fn a_level_s_name_alone_is_read_by_the_competency_s_own_names_in_json_as_in_csv() {
    let fw = Framework::from_json(FRAMEWORK).expect("valid");
    let policy = LevelPolicy::default();
    // JSON read with the framework, in one pass and on two threads.
    let errors = Cohort::from_json(&fw, OFFICERS, &policy).expect_err("refused");
    assert_eq!(errors.into_vec(), expected());
    let errors = Cohort::from_json_with_threads(&fw, OFFICERS, &policy, 2).expect_err("refused");
    assert_eq!(errors.into_vec(), expected());
    // Without a framework the name is kept, marked as a level given by name only, and
    // written back as it was.
    let doc = OfficersSpec::from_json(OFFICERS).expect("names alone are kept");
    let first = &doc.officers[0].passbook;
    assert_eq!(first[0].level, Evidence::LEVEL_BY_NAME);
    assert_eq!(first[0].level_name.as_deref(), Some("Expert"));
    assert_eq!(first[1].level_name.as_deref(), Some("proficient"));
    let written = doc.to_json();
    assert!(written.contains(r#""level": "Works Alone""#), "{written}");
    assert_eq!(OfficersSpec::from_json(&written).expect("reads"), doc);
    // The document meets the framework: the same problems.
    let errors = Cohort::new(&fw, &doc.officers, &policy).expect_err("refused");
    assert_eq!(errors.into_vec(), expected());
    let errors = Profile::new(&fw, &doc.officers[1], &policy).expect_err("refused");
    assert_eq!(errors.into_vec(), expected());
    // The names read: Expert is rti's 3 and sfia-plan's 4, proficient noting's 2 by the
    // platform's default, Works Alone drafting's own 2.
    let profile = Profile::new(&fw, &doc.officers[0], &policy).expect("reads");
    assert_eq!(held(&fw, &profile), [3, 2, 2, 4]);
    let one = OfficersSpec {
        officers: vec![doc.officers[0].clone()],
        ..doc.clone()
    };
    let cohort = Cohort::from_json(&fw, &one.to_json(), &policy).expect("reads");
    assert_eq!(held(&fw, &cohort.profile(0).expect("one")), [3, 2, 2, 4]);
    // CSV: the same levels.
    let csv = OfficersCsv::new(ROSTER).evidence(EVIDENCE);
    let options = OfficersCsvOptions::default();
    // The header and o1's four rows.
    let o1_rows: Vec<&str> = EVIDENCE.lines().take(5).collect();
    let o1_rows = o1_rows.join("\n");
    let cohort = Cohort::from_csv(&fw, &OfficersCsv::new(ROSTER).evidence(&o1_rows), &options);
    let cohort = cohort.expect("o1's names read");
    assert_eq!(
        held(&fw, &cohort.cohort.profile(0).expect("o1")),
        [3, 2, 2, 4]
    );
    // The same names refused there are refused by the CSV readers as the same data, each
    // at its row's `level`: `load_officers`, `Cohort::from_csv` and `CohortCsvReader` gave
    // them as `CsvInvalidValue` text (scales/28).
    let at_rows = |errors: Errors| -> Vec<Error> {
        (errors.into_vec().into_iter())
            .map(|e| match e {
                Error::CsvRow {
                    file: "evidence.csv",
                    line,
                    column: "level",
                    error,
                } => {
                    assert_eq!(line, 6 + at_line(&error), "{error}");
                    *error
                }
                other => panic!("{other}"),
            })
            .collect()
    };
    let mut reader = CohortCsvReader::new(&fw, &options);
    reader.push_officers(ROSTER.as_bytes());
    reader.push_evidence(EVIDENCE.as_bytes());
    let [loaded, streamed] = refused_by_both(&fw, &csv, &options);
    for errors in [
        loaded,
        streamed,
        reader.finish().map(|_| ()).expect_err("refused"),
    ] {
        assert_eq!(at_rows(errors), expected());
    }
}

/// The errors of `load_officers` and `Cohort::from_csv` on an export they refuse.
fn refused_by_both(
    fw: &Framework,
    csv: &OfficersCsv<'_>,
    options: &OfficersCsvOptions,
) -> [Errors; 2] {
    [
        load_officers(fw, csv, options)
            .map(|_| ())
            .expect_err("refused"),
        Cohort::from_csv(fw, csv, options)
            .map(|_| ())
            .expect_err("refused"),
    ]
}

/// The row of `o2`'s passbook entry an error names, counted from its first row.
fn at_line(error: &Error) -> usize {
    match error {
        Error::InvalidEvidence { index, .. } => *index,
        other => panic!("{other}"),
    }
}

/// A passbook row of an officer not in `officers.csv` whose level is a name no level has
/// is reported as the cell's value, naming the officer without an entry number, as the
/// row's other cells are: the officer has no passbook to number it in.
#[test]
fn a_level_s_name_alone_of_an_officer_not_read_names_no_entry() {
    let fw = Framework::from_json(FRAMEWORK).expect("valid");
    let roster = "id,department,position\no1,dopt,us\n";
    let csv = OfficersCsv::new(roster).evidence(EVIDENCE);
    let options = OfficersCsvOptions::default();
    for errors in refused_by_both(&fw, &csv, &options) {
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages[..2],
            [
                "evidence.csv line 6, column `level`: officer `o2` (competency `rti`): found \
                 `Proficient`, expected a level from 0 to 3, or the name of one of the \
                 competency's levels",
                "evidence.csv line 6, column `officer`: `o2` is not in officers.csv",
            ]
        );
        assert_eq!(messages.len(), 8, "{messages:#?}");
    }
}

#[test]
fn a_level_s_name_alone_that_does_not_resolve_says_which_levels_have_it() {
    let fw = Framework::from_json(FRAMEWORK).expect("valid");
    let errors = Cohort::from_json(&fw, OFFICERS, &LevelPolicy::default()).expect_err("refused");
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "officer `o2` passbook entry 0 (competency `rti`): level written as the name \
             `Proficient`, which no level of the competency has: expected a level from 0 to \
             3, or the name of one of the competency's levels",
            "officer `o2` passbook entry 1 (competency `drafting`): level written as the name \
             `Basic`, which levels 1 and 3 of the competency have: expected a level from 0 to \
             3, or a name only one of the competency's levels has",
            "officer `o2` passbook entry 2 (competency `noting`): level written as the name \
             `Ustad`, which no level of the competency has: expected a level from 0 to 4, or \
             the name of one of the competency's levels",
            "officer `o2` passbook entry 3 (competency `rti`): level written as the name \
             `Level VI`, which no level of the competency has: expected a level from 0 to 3, \
             or the name of one of the competency's levels",
        ]
    );
}

/// officers/09: four entries of one competency, source and day: `Proficient` and `Ustad`,
/// names no level of `rti` has (refused by validation), the number 2, and `Intermediate`,
/// `rti`'s own name of level 2. Only the last is a duplicate, repeating the number; the
/// names that name no level are not compared as a level they do not give.
#[test]
fn review_compares_levels_given_by_name_as_the_levels_they_name() {
    const REPEATED: &str =
        include_str!("../data/cases/officers/09-unresolved-level-names-on-one-day-officers.json");
    let fw = Framework::from_json(FRAMEWORK).expect("valid");
    let doc = OfficersSpec::from_json(REPEATED).expect("names alone are kept");
    let warnings = fw.review_officers(&doc.officers, &ReviewOptions::default());
    assert_eq!(
        warnings,
        [Error::InvalidEvidence {
            officer: "o1".into(),
            index: 3,
            competency: "rti".into(),
            problem: EvidenceProblem::Duplicate {
                first: 2,
                first_line: None,
                level: 2,
                first_level: 2,
                verified: true,
                first_verified: true,
            },
        }]
    );
    assert_eq!(
        warnings[0].to_string(),
        "officer `o1` passbook entry 3 (competency `rti`): repeats passbook entry 2: the same \
         competency, level, source, course and day"
    );
}

/// scales/29: competencies whose own level names hold a number, `Foundation 2` (level 2 of
/// `digital`) and `Band 2` (level 4 of `planning`, which starts at 3). A JSON reader, with
/// no framework, splits such text into a number and a name (level 2, `Foundation`); the
/// CSV reader reads it by the competency's names first. Both give the same levels, and
/// refuse `Foundation 3`, which no level is named and whose level 3 is `Intermediate 3`.
#[test]
fn own_level_names_holding_a_number_read_alike_in_json_and_csv() {
    const FRAMEWORK: &str =
        include_str!("../data/cases/scales/29-own-level-names-holding-numbers-framework.json");
    const OFFICERS: &str =
        include_str!("../data/cases/scales/29-own-level-names-holding-numbers-officers.json");
    const EVIDENCE: &str =
        include_str!("../data/cases/scales/29-own-level-names-holding-numbers-evidence.csv");
    let fw = Framework::from_json(FRAMEWORK).expect("valid");
    let policy = LevelPolicy::default();
    let levels = |profile: &Profile| {
        (["digital", "planning"].iter())
            .map(|c| profile.level(&fw, c).expect("known").get())
            .collect::<Vec<u8>>()
    };
    let doc = OfficersSpec::from_json(OFFICERS).expect("reads");
    let profile = Profile::new(&fw, &doc.officers[0], &policy).expect("o1's names read");
    assert_eq!(levels(&profile), [2, 4]);
    let roster = "id,department,position\no1,meity,us\n";
    let o1_rows: Vec<&str> = EVIDENCE.lines().take(3).collect();
    let o1_rows = o1_rows.join("\n");
    let csv = OfficersCsv::new(roster).evidence(&o1_rows);
    let read = Cohort::from_csv(&fw, &csv, &OfficersCsvOptions::default()).expect("reads");
    assert_eq!(levels(&read.cohort.profile(0).expect("o1")), [2, 4]);
    // `Foundation 3`: level 3 is `Intermediate 3`, and no level is named so.
    let errors = Profile::new(&fw, &doc.officers[1], &policy).expect_err("refused");
    assert_eq!(
        errors.into_vec(),
        [Error::InvalidEvidence {
            officer: "o2".into(),
            index: 0,
            competency: "digital".into(),
            problem: EvidenceProblem::LevelNameMismatch {
                level: 3,
                name: "Foundation".into(),
                level_named: Some("Intermediate 3".into()),
                named: None,
            },
        }]
    );
    let roster = "id,department,position\no1,meity,us\no2,meity,us\n";
    let csv = OfficersCsv::new(roster).evidence(EVIDENCE);
    let refused = Cohort::from_csv(&fw, &csv, &OfficersCsvOptions::default());
    assert_eq!(refused.map(|_| ()).expect_err("refused").len(), 1);
}

/// An entry built in Rust as given by name only ([`Evidence::LEVEL_BY_NAME`]) whose name
/// is not a name alone (`3`, `Level 3`, `3 - Advanced`, `Expert (3)`) means what
/// `OfficersSpec::to_json` writes for it means when read back: the level as a JSON
/// passbook reads that text. It was refused as a name no level has, and read as a level
/// once written and read again.
#[test]
fn a_level_given_by_a_name_that_is_a_number_means_what_its_json_reads_back_as() {
    let fw = Framework::from_json(FRAMEWORK).expect("valid");
    let policy = LevelPolicy::default();
    let doc = OfficersSpec::from_json(OFFICERS).expect("reads");
    // rti names its levels Beginner, Intermediate, Expert.
    for (name, level) in [
        ("3", Ok(3)),
        (" Level 2 ", Ok(2)),
        ("3 - Expert", Ok(3)),
        ("Intermediate (2)", Ok(2)),
        ("3 - Intermediate", Err(())),
        ("Expert", Ok(3)),
    ] {
        let mut officer = doc.officers[0].clone();
        officer.passbook.truncate(1);
        officer.passbook[0].level = Evidence::LEVEL_BY_NAME;
        officer.passbook[0].level_name = Some(name.to_owned());
        let held = |officer: &karmayogi::OfficerSpec| {
            Profile::new(&fw, officer, &policy)
                .map(|p| p.level(&fw, "rti").expect("known").get())
                .map_err(|_| ())
        };
        assert_eq!(held(&officer), level, "{name}");
        let spec = OfficersSpec {
            officers: vec![officer],
            ..doc.clone()
        };
        let back = OfficersSpec::from_json(&spec.to_json()).expect("reads back");
        assert_eq!(held(&back.officers[0]), level, "{name} read back");
    }
}
