//! Passbook entries as HR exports and JSON documents give them: a verification marked not
//! available is no verification, and entries that repeat or contradict each other are
//! reported, never merged unseen. The exports are in `tests/data/cases/passbook/`.

use karmayogi::{
    Cohort, Error, Evidence, EvidenceProblem, EvidenceSource, Framework, LevelPolicy, OfficerSpec,
    OfficersCsv, OfficersCsvOptions, ReviewOptions, load_officers,
};
use proptest::prelude::*;

use crate::support::{hr_framework as framework, is_duplicate_warning};

const OFFICERS: &str = include_str!("../data/cases/passbook/duplicates_officers.csv");
const EVIDENCE: &str = include_str!("../data/cases/passbook/duplicates_evidence.csv");

/// The first officer's level in `rti`.
fn rti(fw: &Framework, cohort: &Cohort) -> u8 {
    let profile = cohort.profile(0).expect("an officer");
    profile.level(fw, "rti").expect("same framework").into()
}

/// `rti` assessed at level 3 by `o1`, with the verified cell `flag`.
fn assessed_with_flag(flag: &str) -> String {
    format!(
        "officer,competency,level,source,date,verified\no1,rti,3,assessment,2024-01-05,{flag}\n"
    )
}

/// An HR export's `verified` cell that marks the value as missing (`N/A`, `NA`, `-`,
/// `NULL`, any case) was read as empty, and empty means verified: an assessment nobody
/// verified counted as verified evidence. It now reads as not verified, is counted among
/// the cells read as missing, and counts only under a policy that counts unverified
/// evidence; both loaders agree.
#[test]
fn a_verified_cell_marked_missing_is_not_a_verification() {
    let fw = framework();
    let officers = "id,department,position\no1,dopt,us\n";
    for flag in [
        "N/A", "n/a", "NA", "na", "-", "--", "NULL", "null", "#N/A", "\\N",
    ] {
        let evidence = assessed_with_flag(flag);
        let csv = OfficersCsv::new(officers).evidence(&evidence);
        let load = load_officers(&fw, &csv, &OfficersCsvOptions::default()).unwrap();
        assert!(!load.officers[0].passbook[0].verified, "{flag}");
        let missing = &load.files[1].missing;
        assert_eq!(
            (missing.len(), missing[0].column, missing[0].cells),
            (1, "verified", 1),
            "{flag}"
        );
        // The default policy counts verified evidence only.
        let streamed = Cohort::from_csv(&fw, &csv, &OfficersCsvOptions::default()).unwrap();
        assert_eq!(rti(&fw, &streamed.cohort), 0, "{flag}");
        let unverified = LevelPolicy::default().verified_only(false);
        let options = OfficersCsvOptions::default().level_policy(unverified.clone());
        let counted = Cohort::from_csv(&fw, &csv, &options).unwrap();
        assert_eq!(rti(&fw, &counted.cohort), 3, "{flag}");
        let built = Cohort::new(&fw, &load.officers, &unverified).unwrap();
        assert_eq!(rti(&fw, &built), 3, "{flag}");
    }
    // Empty is verified, as documented (and as an absent JSON field is); yes and no as said.
    for (flag, verified) in [("", true), ("yes", true), ("no", false)] {
        let evidence = assessed_with_flag(flag);
        let csv = OfficersCsv::new(officers).evidence(&evidence);
        let load = load_officers(&fw, &csv, &OfficersCsvOptions::default()).unwrap();
        assert_eq!(load.officers[0].passbook[0].verified, verified, "{flag:?}");
        assert!(load.files[1].missing.is_empty(), "{flag:?}");
        let streamed = Cohort::from_csv(&fw, &csv, &OfficersCsvOptions::default()).unwrap();
        let level = if verified { 3 } else { 0 };
        assert_eq!(rti(&fw, &streamed.cohort), level);
    }
    // A word that says neither is still refused, naming the row and column.
    let evidence = assessed_with_flag("none");
    let csv = OfficersCsv::new(officers).evidence(&evidence);
    let errors = load_officers(&fw, &csv, &OfficersCsvOptions::default()).unwrap_err();
    assert_eq!(
        errors.as_slice()[0].to_string(),
        "evidence.csv line 2, column `verified`: officer `o1` passbook entry 0 (competency \
         `rti`): found `none`, expected `true` or `false` (or yes/no, 1/0), or nothing"
    );
}

/// An export listing one assessment twice, or the same competency, source, course and day
/// at two levels, was kept silently, the highest level counting. Each such row is now a
/// warning at its line naming the earlier row's line; progress over time (another day),
/// another source or another course is not reported, and neither are two rows of one day
/// at two times that agree.
#[test]
fn repeated_and_contradicting_passbook_rows_are_warned_about() {
    let fw = framework();
    let csv = OfficersCsv::new(OFFICERS).evidence(EVIDENCE);
    let load = load_officers(&fw, &csv, &OfficersCsvOptions::default()).unwrap();
    let messages: Vec<String> = load.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "evidence.csv line 3, column `level`: officer `o1` passbook entry 1 (competency \
             `rti`): level 3 (verified) conflicts with level 2 (verified) of passbook entry 0 \
             (line 2), of the same competency, source, course and day",
            "evidence.csv line 5, column `level`: officer `o1` passbook entry 2 (competency \
             `rti`): repeats passbook entry 0 (line 2): the same competency, level, source, \
             course and day",
            "evidence.csv line 10, column `level`: officer `o1` passbook entry 7 (competency \
             `integrity`): level 2 (verified) conflicts with level 2 (unverified) of passbook \
             entry 6 (line 9), of the same competency, source, course and day",
            "evidence.csv line 11, column `level`: officer `o2` passbook entry 1 (competency \
             `noting`): repeats passbook entry 0 (line 4): the same competency, level, source, \
             course and day",
        ]
    );
    // As data a program reads: the code, the officer, both entries and both lines.
    let json = serde_json::to_value(&load.warnings[0]).unwrap();
    assert_eq!(json["code"], "csv_row");
    assert_eq!(json["line"], 3);
    assert_eq!(json["error"]["officer"], "o1");
    assert_eq!(json["error"]["competency"], "rti");
    assert_eq!(json["error"]["problem"]["problem"], "duplicate");
    assert_eq!(json["error"]["problem"]["first"], 0);
    assert_eq!(json["error"]["problem"]["first_line"], 2);
    assert_eq!(json["error"]["problem"]["level"], 3);
    assert_eq!(json["error"]["problem"]["first_level"], 2);
    // Nothing is dropped: every row is an entry.
    let entries: usize = load.officers.iter().map(|o| o.passbook.len()).sum();
    assert_eq!(entries, 12);

    // The same officers as JSON documents: the review names the same entries.
    let json = serde_json::to_string(&load.officers).unwrap();
    let officers: Vec<OfficerSpec> = serde_json::from_str(&json).unwrap();
    let review = fw.review_officers(&officers, &ReviewOptions::default());
    let inner: Vec<Error> = load
        .warnings
        .iter()
        .map(|w| match w {
            Error::CsvRow { error, .. } => without_line(error),
            other => panic!("not a row warning: {other}"),
        })
        .collect();
    assert_eq!(review, inner);
    assert!(review[0].to_string().ends_with(
        "level 3 (verified) conflicts with level 2 (verified) of passbook entry 0, of the same \
         competency, source, course and day"
    ));
    // Validation accepts them (the review warns); the highest verified level counts.
    let cohort = Cohort::new(&fw, &officers, &LevelPolicy::default()).unwrap();
    assert_eq!(rti(&fw, &cohort), 3);

    // The streamed load does not look for them, and says so; all else is the same.
    let streamed = Cohort::from_csv(&fw, &csv, &OfficersCsvOptions::default()).unwrap();
    assert!(streamed.warnings.is_empty());
    assert!(load.warnings.iter().all(is_duplicate_warning));
}

/// `error` (an `InvalidEvidence` duplicate) without the CSV line of the earlier entry.
fn without_line(error: &Error) -> Error {
    let mut error = error.clone();
    if let Error::InvalidEvidence {
        problem: EvidenceProblem::Duplicate { first_line, .. },
        ..
    } = &mut error
    {
        *first_line = None;
    }
    error
}

/// Two entries of one competency on different days are progress, whatever their levels;
/// an undated entry repeated is a repeat; dates that do not read are left to validation.
#[test]
fn distinct_days_are_progress_and_bad_dates_are_left_to_validation() {
    let fw: Framework = framework();
    let officer: OfficerSpec = serde_json::from_str(
        r#"{"id": "o1", "department": "dopt", "position": "us", "passbook": [
            {"competency": "rti", "level": 1, "source": "assessment", "date": "2023-01-05"},
            {"competency": "rti", "level": 2, "source": "assessment", "date": "2024-01-05"},
            {"competency": "rti", "level": 3, "source": "assessment", "date": "2025-01-05"},
            {"competency": "rti", "level": 1, "source": "self_declared"},
            {"competency": "rti", "level": 2, "source": "self_declared", "date": null},
            {"competency": "rti", "level": 2, "source": "assessment", "date": "5/1/2024"},
            {"competency": "rti", "level": 3, "source": "assessment", "date": "5/1/2024"}]}"#,
    )
    .unwrap();
    let review = fw.review_officers([&officer], &ReviewOptions::default());
    let problems: Vec<(usize, &EvidenceProblem)> = review
        .iter()
        .map(|w| match w {
            Error::InvalidEvidence { index, problem, .. } => (*index, problem),
            other => panic!("{other}"),
        })
        .collect();
    assert_eq!(
        problems,
        [(
            4,
            &EvidenceProblem::Duplicate {
                first: 3,
                first_line: None,
                level: 2,
                first_level: 1,
                verified: true,
                first_verified: true,
            }
        )]
    );
}

/// A platform profile listing one competency twice, with two declared levels, gave both
/// as evidence without a word. The later entry is now noted as repeated, both are still
/// read, and the review names the two declarations that disagree.
#[test]
fn a_profile_competency_listed_twice_is_noted_and_reviewed() {
    let json = r#"{"competencies": [
        {"id": "rti", "competencySelfAttestedLevelValue": "Level 3",
         "competencyCBPCompletionLevel": "2"},
        {"id": "rti", "competencySelfAttestedLevelValue": "Level 1"},
        {"id": "noting", "competencySelfAttestedLevelValue": "Level 2"}]}"#;
    let load = karmayogi::load_igot_profile(json).unwrap();
    let read: Vec<(&str, u8)> = (load.value.iter())
        .map(|e| (e.competency.as_str(), e.level))
        .collect();
    assert_eq!(read, [("rti", 3), ("rti", 2), ("rti", 1), ("noting", 2)]);
    let notes: Vec<(&str, &str, String)> = (load.report.notes.iter())
        .map(|n| (n.path.as_str(), n.id.as_str(), n.what.to_string()))
        .collect();
    assert_eq!(
        notes,
        [(
            "$.competencies[1]",
            "rti",
            "listed again; read together with the first".to_owned()
        )]
    );
    let fw = framework();
    let officer = OfficerSpec {
        id: "o1".into(),
        name: None,
        department: "dopt".into(),
        position: "us".into(),
        target_position: None,
        passbook: load.value,
    };
    let review: Vec<String> = (fw.review_officers([&officer], &ReviewOptions::default()))
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        review,
        [
            "officer `o1` passbook entry 2 (competency `rti`): level 1 (verified) conflicts with \
          level 3 (verified) of passbook entry 0, of the same competency, source, course and day"
        ]
    );
}

/// The day a test date falls on (the dates below are on 1 or 2 March, or undated).
fn day(date: &str) -> Option<u8> {
    (!date.is_empty()).then(|| date.as_bytes()[9] - b'0')
}

/// The review's duplicate warnings against their definition checked pair by pair: for each
/// entry, the earliest entry with the same competency, source, course and day that gives
/// another level or verified flag or the same date text.
fn oracle(passbook: &[Evidence]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, e) in passbook.iter().enumerate() {
        let earlier = passbook[..i].iter().position(|f| {
            f.competency == e.competency
                && f.source == e.source
                && f.course == e.course
                && day(&f.date) == day(&e.date)
                && (f.level != e.level || f.verified != e.verified || f.date == e.date)
        });
        if let Some(first) = earlier {
            out.push((i, first));
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn duplicate_warnings_match_their_definition(
        entries in proptest::collection::vec(
            (0..2usize, 1..3u8, 0..2usize, 0..5usize, any::<bool>(), 0..2usize), 0..14)
    ) {
        const DATES: [&str; 5] =
            ["", "2024-03-01", "2024-03-01T10:00", "2024-03-01T15:00", "2024-03-02"];
        let sources = [EvidenceSource::Assessment, EvidenceSource::SelfDeclared];
        let passbook: Vec<Evidence> = entries
            .iter()
            .map(|&(c, level, s, d, verified, course)| Evidence {
                competency: ["rti", "integrity"][c].into(),
                level,
                level_name: None,
                source: sources[s],
                date: DATES[d].into(),
                verified,
                course: (course == 1).then(|| "rti-101".into()),
            })
            .collect();
        let officer = OfficerSpec {
            id: "o1".into(),
            name: None,
            department: "dopt".into(),
            position: "us".into(),
            target_position: None,
            passbook: passbook.clone(),
        };
        let found: Vec<(usize, usize)> = framework()
            .review_officers([&officer], &ReviewOptions::default())
            .iter()
            .map(|w| match w {
                Error::InvalidEvidence {
                    index,
                    problem: EvidenceProblem::Duplicate { first, .. },
                    ..
                } => (*index, *first),
                other => panic!("{other}"),
            })
            .collect();
        prop_assert_eq!(found, oracle(&passbook));
    }
}
