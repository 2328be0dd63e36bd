//! Messages about a level state the range that really applies: the competency's own
//! levels where the check is made against a framework (a competency of four levels takes
//! 0 to 4; one that exists at 4 and 5 only, 0 or 4 to 5), and no range at all where the
//! competency's levels are not known (a document read before it is checked, a competency
//! the framework does not hold). The JSON readers read a level written as a string holding
//! a whole number as that number, so `"9"` and `9` get the same message, and the schemas
//! say levels may be such strings.

use karmayogi::{
    Cohort, EvidenceProblem, Framework, FrameworkSpec, LevelPolicy, OfficersCsv,
    OfficersCsvOptions, OfficersSpec, Profile, load_officers,
};

const FRAMEWORK: &str =
    include_str!("../data/cases/scales/17-levels-beyond-the-scale-framework.json");
const OFFICERS: &str =
    include_str!("../data/cases/scales/17-levels-beyond-the-scale-officers.json");

/// The messages of every problem of the officers document, through `Cohort::from_json`
/// and through `OfficersSpec::from_json` then `Profile::new`, which must agree.
fn json_messages(fw: &Framework, json: &str) -> Vec<String> {
    let policy = LevelPolicy::default();
    let cohort = Cohort::from_json(fw, json, &policy).expect_err("refused");
    let doc = OfficersSpec::from_json(json).expect("every level reads");
    let mut profiles = Vec::new();
    for officer in &doc.officers {
        if let Err(errors) = Profile::new(fw, officer, &policy) {
            profiles.extend(errors.into_vec());
        }
    }
    let messages = |errors: Vec<karmayogi::Error>| -> Vec<String> {
        errors.iter().map(ToString::to_string).collect()
    };
    let cohort = messages(cohort.into_vec());
    assert_eq!(cohort, messages(profiles), "the two paths agree");
    cohort
}

/// The messages of every problem of an HR export whose files are `officers` and
/// `evidence`, read by `load_officers`.
fn csv_messages(fw: &Framework, officers: &str, evidence: &str) -> Vec<String> {
    let csv = OfficersCsv::new(officers).evidence(evidence);
    let errors = load_officers(fw, &csv, &OfficersCsvOptions::default()).expect_err("refused");
    errors.iter().map(ToString::to_string).collect()
}

// scales/17: a passbook whose levels lie beyond their competency's scale, written as
// strings (`"9"`, `"Level 6"`) and as numbers, for a competency of four levels, one that
// exists at levels 4 and 5 only, and one of five.

#[test]
fn a_level_beyond_its_competency_is_refused_with_the_competency_s_own_levels() {
    let fw = Framework::from_json(FRAMEWORK).expect("string levels read in a framework too");
    assert_eq!(
        json_messages(&fw, OFFICERS),
        [
            "officer `user-0001` passbook entry 0 (competency `FC1`): level 9: expected 0 to 4",
            "officer `user-0001` passbook entry 1 (competency `SFIA-DTAN`): level 2 is below \
             the competency's lowest level: expected 0 (none) or 4 to 5",
            "officer `user-0001` passbook entry 2 (competency `BC7`): level 6: expected 0 to 5",
            "officer `user-0002` passbook entry 0 (competency `FC1`): level 9: expected 0 to 4",
        ]
    );
    // The same passbook from CSV names the same levels.
    let csv = "officer,competency,level,source\nuser-0001,FC1,9,self_declared\n\
               user-0001,SFIA-DTAN,2,assessment\n";
    let officers = "id,department,position\nuser-0001,dopt,p-so\n";
    assert_eq!(
        csv_messages(&fw, officers, csv),
        [
            "evidence.csv line 2, column `level`: officer `user-0001` passbook entry 0 \
             (competency `FC1`): found `9`, expected a level from 0 to 4",
            // The row before was not read: this one is the passbook's first entry.
            "evidence.csv line 3, column `level`: officer `user-0001` passbook entry 1 \
             (competency `SFIA-DTAN`): level 2 is below the competency's lowest level: \
             expected 0 (none) or 4 to 5",
        ]
    );
}

#[test]
fn a_framework_s_level_beyond_its_competency_names_the_competency_s_levels() {
    let text = FRAMEWORK.replace(r#""level": "3""#, r#""level": "9""#);
    let errors = Framework::from_json(&text).expect_err("refused");
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(messages[0].contains("level 9"), "{messages:?}");
    assert!(messages[0].contains("1 to 4"), "{messages:?}");
    // Read before the competencies are known, a spec holds the number as written.
    let spec = FrameworkSpec::from_json(&text).expect("reads");
    assert_eq!(spec.roles[0].requires[0].level, 9);
}

#[test]
fn a_level_read_without_its_competency_claims_no_range() {
    // Beyond what the field holds, or not a level at all: refused while reading, before
    // any competency is looked at, so the message names none of their ranges.
    for (level, found) in [
        ("300", "integer `300`"),
        (r#""300""#, "string \"300\""),
        ("2.5", "floating point `2.5`"),
        ("-1", "integer `-1`"),
        ("true", "boolean `true`"),
    ] {
        let json = format!(
            r#"{{"format_version": 2, "officers": [{{"id": "o1", "department": "dopt",
                 "position": "p-so", "passbook": [{{"competency": "FC1", "level": {level},
                 "source": "assessment"}}]}}]}}"#
        );
        let error = OfficersSpec::from_json(&json).expect_err(level).to_string();
        assert!(error.contains(found), "{level}: {error}");
        for claim in ["0 to 5", "0 to 255", "from 0"] {
            assert!(!error.contains(claim), "{level}: {error}");
        }
        assert!(error.contains("`level`"), "{level}: {error}");
    }
    // A number with a word (`3 pts`) reads as a level with a name, which the competency's
    // names then refuse, naming no range either.
    let fw = Framework::from_json(FRAMEWORK).expect("valid");
    let json = r#"{"format_version": 2, "officers": [{"id": "o1", "department": "dopt",
        "position": "p-so", "passbook": [{"competency": "FC1", "level": "3 pts",
        "source": "assessment"}]}]}"#;
    assert_eq!(
        json_messages(&fw, json),
        [
            "officer `o1` passbook entry 0 (competency `FC1`): level 3 written with the name \
             `pts`, which the competency gives no level: its level 3 is `Advanced`; write the \
             number alone, or with that name"
        ]
    );
    // A passbook row of a competency the framework does not hold, from CSV.
    let messages = csv_messages(
        &fw,
        "id,department,position\no1,dopt,p-so\n",
        "officer,competency,level,source\no1,XX9,9,assessment\n",
    );
    assert!(
        messages.iter().any(|m| m.contains(
            "found `9`, expected a level, 0 (none) or one of the competency's levels (at most 5)"
        )),
        "{messages:?}"
    );
    assert!(
        messages.iter().all(|m| !m.contains("0 to 5")),
        "{messages:?}"
    );
}

// scales/18: a passbook whose levels are written with their names, as HR systems and the
// platform write them (`3 (Advanced)`, `Advanced (3)`, `L3`, `Level 3 - Advanced`,
// `4 [Expert]`), in JSON and in CSV: both read the same levels; a level with another
// level's name (`Level 3 - Proficient`) is refused by both.

#[test]
fn levels_written_with_their_names_read_alike_in_json_and_csv() {
    let fw = Framework::from_json(FRAMEWORK).expect("valid");
    let json = include_str!("../data/cases/scales/18-levels-with-their-names-officers.json");
    let evidence = include_str!("../data/cases/scales/18-levels-with-their-names-evidence.csv");
    let expected: Vec<(&str, u8)> = vec![
        ("BC7", 3),
        ("BC7", 3),
        ("BC7", 3),
        ("BC7", 3),
        ("FC1", 2),
        ("FC1", 4),
    ];
    let doc = OfficersSpec::from_json(json).expect("every level reads");
    let from_json: Vec<(&str, u8)> = (doc.officers[0].passbook.iter())
        .map(|e| (e.competency.as_str(), e.level))
        .collect();
    assert_eq!(from_json, expected);
    Cohort::from_json(&fw, json, &LevelPolicy::default()).expect("the cohort reads them");
    let officers = "id,department,position\nuser-0001,dopt,p-so\n";
    let csv = OfficersCsv::new(officers).evidence(evidence);
    let loaded = load_officers(&fw, &csv, &OfficersCsvOptions::default()).expect("reads");
    let from_csv: Vec<(&str, u8)> = (loaded.officers[0].passbook.iter())
        .map(|e| (e.competency.as_str(), e.level))
        .collect();
    assert_eq!(from_csv, expected);
    // Another level's name beside the number is refused by both, the number not guessed:
    // in JSON where the passbook meets the framework, the document keeping the name.
    let contradicts = "Level 3 - Proficient";
    let json = json.replacen("3 (Advanced)", contradicts, 1);
    let doc = OfficersSpec::from_json(&json).expect("the name is kept, to be checked");
    assert_eq!(
        doc.officers[0].passbook[0].level_name.as_deref(),
        Some("Proficient")
    );
    assert_eq!(
        json_messages(&fw, &json),
        [
            "officer `user-0001` passbook entry 0 (competency `BC7`): level 3 written with the \
             name `Proficient`, which the competency gives level 2: its level 3 is `Advanced`; \
             write the number alone, or with that name"
        ]
    );
    let evidence = evidence.replacen("3 (Advanced)", contradicts, 1);
    assert_eq!(
        csv_messages(&fw, officers, &evidence),
        [
            "evidence.csv line 2, column `level`: officer `user-0001` passbook entry 0 \
             (competency `BC7`): level 3 written with the name `Proficient`, which the \
             competency gives level 2: its level 3 is `Advanced`; write the number alone, or \
             with that name"
        ]
    );
}

// scales/22: a competency names its own levels (Beginner, Intermediate, Expert) and a
// requirement writes `"3 - Expert"`, its own name for level 3. JSON checked a name beside
// a number against the platform's names only, and refused it saying `Expert` is not the
// name of level 3, which for this competency it is: it now reads, the name kept and
// checked against the competency's own names (scales/25 has the contradictions).

#[test]
fn a_competency_s_own_level_name_beside_its_number_is_not_called_wrong() {
    let doc = include_str!("../data/cases/scales/22-own-level-names-beside-numbers-framework.json");
    let fw = karmayogi::Framework::from_json(doc).expect("its own name of level 3");
    let rti = fw.requirements("us").expect("a position");
    assert_eq!(rti[0].level.get(), 3);
    let spec = FrameworkSpec::from_json(doc).expect("reads");
    assert_eq!(
        spec.roles[0].requires[0].level_name.as_deref(),
        Some("Expert")
    );
    // The platform's name of 3, which this competency does not use, is refused.
    let errors = karmayogi::Framework::from_json(&doc.replace("3 - Expert", "3 - Advanced"))
        .expect_err("not this competency's name of 3")
        .into_vec();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].code(), "level_name_mismatch");
}

// scales/23: a competency names its own levels (Beginner, Intermediate, Expert), and a
// passbook writes levels with names: `3 - Advanced` (the platform's name of 3, which the
// competency does not use), `2 (Expert)` (the competency's name of 3 beside 2), and two
// right ones. JSON read the first as 3 by the platform's names while the CSV reader refused
// it: both now read the same two entries and refuse the same two, JSON naming the
// officer, the competency and both readings.

#[test]
fn a_level_s_name_is_checked_against_the_competency_s_own_names_in_json_and_csv() {
    let fw = Framework::from_json(include_str!(
        "../data/cases/scales/23-level-names-against-own-names-framework.json"
    ))
    .expect("valid");
    let json = include_str!("../data/cases/scales/23-level-names-against-own-names-officers.json");
    let evidence =
        include_str!("../data/cases/scales/23-level-names-against-own-names-evidence.csv");
    let policy = LevelPolicy::default();
    let errors = Cohort::from_json(&fw, json, &policy).expect_err("refused");
    let problems: Vec<(usize, &str, EvidenceProblem)> = (errors.iter())
        .map(|e| match e {
            karmayogi::Error::InvalidEvidence {
                officer,
                index,
                competency,
                problem,
            } => {
                assert_eq!(officer.as_str(), "o1");
                (*index, competency.as_str(), problem.clone())
            }
            other => panic!("{other}"),
        })
        .collect();
    assert_eq!(
        problems,
        [
            (
                0,
                "rti",
                EvidenceProblem::LevelNameMismatch {
                    level: 3,
                    name: "Advanced".into(),
                    level_named: Some("Expert".into()),
                    named: None,
                }
            ),
            (
                1,
                "rti",
                EvidenceProblem::LevelNameMismatch {
                    level: 2,
                    name: "Expert".into(),
                    level_named: Some("Intermediate".into()),
                    named: Some(3),
                }
            ),
        ]
    );
    assert_eq!(
        json_messages(&fw, json)[0],
        "officer `o1` passbook entry 0 (competency `rti`): level 3 written with the name \
         `Advanced`, which the competency gives no level: its level 3 is `Expert`; write the \
         number alone, or with that name"
    );
    // The CSV reader refuses the same two rows, and reads the same two levels.
    let officers = "id,department,position\no1,dopt,us\n";
    let refused = csv_messages(&fw, officers, evidence);
    assert_eq!(refused.len(), 2, "{refused:?}");
    assert!(
        refused[0].contains("line 2") && refused[1].contains("line 3"),
        "{refused:?}"
    );
    let right = |text: &str| {
        let lines: Vec<&str> = text.lines().collect();
        [lines[0], lines[3], lines[4]].join("\n")
    };
    let right = right(evidence);
    let csv = OfficersCsv::new(officers).evidence(&right);
    let loaded = load_officers(&fw, &csv, &OfficersCsvOptions::default()).expect("reads");
    let levels = |passbook: &[karmayogi::Evidence]| -> Vec<u8> {
        passbook.iter().map(|e| e.level).collect()
    };
    assert_eq!(levels(&loaded.officers[0].passbook), [3, 2]);
    let mut doc = OfficersSpec::from_json(json).expect("reads");
    doc.officers[0].passbook.drain(..2);
    assert_eq!(levels(&doc.officers[0].passbook), [3, 2]);
    let cohort = Cohort::new(&fw, &doc.officers, &policy).expect("the right names read");
    assert_eq!(cohort.len(), 1);
    // Written back with its name, and read again the same.
    assert_eq!(OfficersSpec::from_json(&doc.to_json()).expect("reads"), doc);
    assert!(doc.to_json().contains("\"3 - Expert\""));
}

// scales/24: levels written with a name that contradicts their number, for a competency
// naming its own levels (`3 - Advanced`, `Expert (2)`) and one with the platform's names
// (`4 - Ustad` of a four-level competency, `3 pts`, `Proficient (3)`), beside two right
// ones, for two officers. `Cohort::from_json` gave each as
// `EvidenceProblem::LevelNameMismatch` data while both CSV loaders gave it as
// `CsvInvalidValue` text, numbering the rows after it as if it were no entry: a program
// now reads the same problems from either format, the CSV ones at their row and column.

#[test]
fn a_level_name_contradicting_its_number_is_the_same_data_from_json_and_csv() {
    let fw = Framework::from_json(include_str!(
        "../data/cases/scales/24-level-name-contradictions-as-data-framework.json"
    ))
    .expect("valid");
    let json =
        include_str!("../data/cases/scales/24-level-name-contradictions-as-data-officers.json");
    let evidence =
        include_str!("../data/cases/scales/24-level-name-contradictions-as-data-evidence.csv");
    let policy = LevelPolicy::default();
    let from_json = Cohort::from_json(&fw, json, &policy)
        .expect_err("refused")
        .into_vec();
    let mismatch = |level: u8, name: &str, level_named: &str, named: Option<u8>| {
        EvidenceProblem::LevelNameMismatch {
            level,
            name: name.into(),
            level_named: Some(level_named.into()),
            named,
        }
    };
    let expected = [
        ("o1", 0, "rti", mismatch(3, "Advanced", "Expert", None)),
        (
            "o1",
            1,
            "rti",
            mismatch(2, "Expert", "Intermediate", Some(3)),
        ),
        ("o1", 3, "noting", mismatch(4, "Ustad", "Expert", None)),
        ("o1", 4, "noting", mismatch(3, "pts", "Advanced", None)),
        (
            "o2",
            1,
            "noting",
            mismatch(3, "Proficient", "Advanced", Some(2)),
        ),
    ];
    let expected: Vec<karmayogi::Error> = (expected.into_iter())
        .map(
            |(officer, index, competency, problem)| karmayogi::Error::InvalidEvidence {
                officer: officer.into(),
                index,
                competency: competency.into(),
                problem,
            },
        )
        .collect();
    assert_eq!(from_json, expected);
    let officers = "id,department,position\no1,dopt,us\no2,dopt,us\n";
    let csv = OfficersCsv::new(officers).evidence(evidence);
    let options = OfficersCsvOptions::default();
    for errors in [
        load_officers(&fw, &csv, &options).expect_err("refused"),
        Cohort::from_csv(&fw, &csv, &options)
            .map(|_| ())
            .expect_err("refused"),
    ] {
        let mut lines = Vec::new();
        let inner: Vec<karmayogi::Error> = (errors.into_vec().into_iter())
            .map(|e| match e {
                karmayogi::Error::CsvRow {
                    file: "evidence.csv",
                    line,
                    column: "level",
                    error,
                } => {
                    lines.push(line);
                    *error
                }
                other => panic!("{other}"),
            })
            .collect();
        assert_eq!(inner, expected);
        assert_eq!(lines, [2, 3, 5, 6, 8]);
    }
    // The right names read as from JSON, the name kept.
    let kept = ["Level 2: Proficient", "1 - Beginner"];
    let evidence: Vec<&str> = (evidence.lines())
        .filter(|l| l.starts_with("officer") || kept.iter().any(|k| l.contains(k)))
        .collect();
    let evidence = evidence.join("\n");
    let csv = OfficersCsv::new(officers).evidence(&evidence);
    let loaded = load_officers(&fw, &csv, &options).expect("the right names read");
    let pairs = |passbook: &[karmayogi::Evidence]| -> Vec<(u8, Option<String>)> {
        passbook
            .iter()
            .map(|e| (e.level, e.level_name.clone()))
            .collect()
    };
    assert_eq!(
        pairs(&loaded.officers[0].passbook),
        [(2, Some("Proficient".into()))]
    );
    assert_eq!(
        pairs(&loaded.officers[1].passbook),
        [(1, Some("Beginner".into()))]
    );
    let doc = OfficersSpec::from_json(json).expect("reads");
    assert_eq!(doc.officers[0].passbook[2], loaded.officers[0].passbook[0]);
}

// scales/26: a level counted out of a scale (`3 of 5`, `2 out of 4`), as survey and
// appraisal exports write a rating. The readers split it as a number and a name (`of 5`)
// and reported that the competency gives no level that name: an untrue account, as
// `of 5` names no level; and which scale the number is counted on is not the
// competency's to say. Both now refuse it as a level that does not read.

#[test]
fn a_level_counted_out_of_a_scale_is_not_called_a_name() {
    let fw = Framework::from_json(include_str!(
        "../data/cases/scales/24-level-name-contradictions-as-data-framework.json"
    ))
    .expect("valid");
    let json = include_str!("../data/cases/scales/26-levels-counted-out-of-a-scale-officers.json");
    let evidence =
        include_str!("../data/cases/scales/26-levels-counted-out-of-a-scale-evidence.csv");
    let errors = Cohort::from_json(&fw, json, &LevelPolicy::default()).expect_err("refused");
    let errors = errors.into_vec();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].code(), "json");
    let message = errors[0].to_string();
    assert!(message.contains("string `3 of 5`"), "{message}");
    assert!(!message.contains("name `of 5`"), "{message}");
    let officers = "id,department,position\no1,dopt,us\n";
    let messages = csv_messages(&fw, officers, evidence);
    assert_eq!(
        messages,
        [
            "evidence.csv line 2, column `level`: officer `o1` passbook entry 0 (competency \
             `rti`): found `3 of 5`, expected a level from 0 to 3, or the name of one of the \
             competency's levels",
            "evidence.csv line 3, column `level`: officer `o1` passbook entry 1 (competency \
             `noting`): found `2 out of 4`, expected a level from 0 to 4, or the name of one of \
             the competency's levels",
        ]
    );
}

#[test]
fn a_level_label_counted_out_of_a_scale_is_not_called_a_name() {
    // scales/33: `Level 3 of 7` and `L2 out of 4`, as SFIA-style and appraisal exports
    // write a rating on their own scale. They were split into level 3 named `of 7`, and
    // refused as a name the competency does not give its level 3 (the iGOT profile
    // reader kept the text as a level's name, to the same end); they are refused as
    // `3 of 5` is, as a level that does not read, by every reader.
    let fw = Framework::from_json(include_str!(
        "../data/cases/scales/24-level-name-contradictions-as-data-framework.json"
    ))
    .expect("valid");
    let json =
        include_str!("../data/cases/scales/33-level-labels-counted-out-of-a-scale-officers.json");
    let errors = Cohort::from_json(&fw, json, &LevelPolicy::default()).expect_err("refused");
    let errors = errors.into_vec();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].code(), "json");
    let message = errors[0].to_string();
    assert!(message.contains("string `Level 3 of 7`"), "{message}");
    assert!(!message.contains("`of 7`"), "{message}");
    let evidence =
        include_str!("../data/cases/scales/33-level-labels-counted-out-of-a-scale-evidence.csv");
    let officers = "id,department,position\no1,dopt,us\n";
    assert_eq!(
        csv_messages(&fw, officers, evidence),
        [
            "evidence.csv line 2, column `level`: officer `o1` passbook entry 0 (competency \
             `rti`): found `Level 3 of 7`, expected a level from 0 to 3, or the name of one of \
             the competency's levels",
            "evidence.csv line 3, column `level`: officer `o1` passbook entry 1 (competency \
             `noting`): found `L2 out of 4`, expected a level from 0 to 4, or the name of one \
             of the competency's levels",
        ]
    );
    let profile =
        include_str!("../data/cases/scales/33-level-labels-counted-out-of-a-scale-profile.json");
    let load = karmayogi::load_igot_profile(profile).expect("a profile");
    assert!(load.value.is_empty(), "{:?}", load.value);
    let set_aside: Vec<(String, String, String)> = (load.report.set_aside.iter())
        .map(|e| (e.path.clone(), e.id.clone(), e.what.to_string()))
        .collect();
    // The level is set aside at its field, and the entry, which gives no other, at its
    // own path (igot/38).
    let entry = "$.profileDetails.competencies[0]";
    assert_eq!(
        set_aside,
        [
            (
                format!("{entry}.competencySelfAttestedLevelValue"),
                "rti".to_owned(),
                "`competencySelfAttestedLevelValue` is `Level 3 of 7`: expected `Level N`, a \
                 whole number, a Roman numeral (`III`, `Level III`) or a level name"
                    .to_owned()
            ),
            (entry.to_owned(), "rti".to_owned(), "no level".to_owned()),
        ]
    );
}
