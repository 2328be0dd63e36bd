//! HR exports that write a passbook level by the name the platform shows (`Proficient`)
//! rather than its number: read as the level of the row's competency with that name, its
//! descriptor's name or else the platform's default (Basic, Proficient, Advanced, Expert,
//! Ustad); a name no level or several levels of the competency have is an error.

use karmayogi::{Cohort, Framework, OfficersCsv, OfficersCsvOptions, load_officers};

/// `drafting` names its levels, and names level 3 `Basic` too, as level 1's default;
/// `rti` names none; `sfia` exists at 4 and 5 only; `noting` has four levels.
const FRAMEWORK: &str = r#"{
  "format_version": 2,
  "competencies": [
    {"id": "drafting", "name": "Drafting", "type": "functional",
     "levels": [{"level": 2, "name": "Works alone", "description": ""},
                {"level": 3, "name": "basic", "description": ""}]},
    {"id": "rti", "name": "Right to Information", "type": "domain"},
    {"id": "sfia", "name": "Strategic planning", "type": "functional",
     "min_level": 4, "max_level": 5},
    {"id": "noting", "name": "Noting", "type": "functional", "max_level": 4}
  ],
  "roles": [{"id": "r", "name": "Dealing hand",
             "requires": [{"competency": "rti", "level": 3}]}],
  "positions": [{"id": "aso", "name": "ASO", "department": "dopt", "roles": ["r"]}]
}"#;

const OFFICERS: &str = "id,department,position\r\no1,dopt,aso\r\n";

#[test]
fn levels_written_as_names_are_read_as_the_competency_names_them() {
    let fw = Framework::from_json(FRAMEWORK).expect("valid");
    let evidence = "officer,competency,level,source,date\r\n\
                    o1,rti, proficient ,assessment,2024-01-05\r\n\
                    o1,rti,USTAD,assessment,2024-01-05\r\n\
                    o1,drafting,Works Alone,assessment,2024-01-05\r\n\
                    o1,sfia,Expert,assessment,2024-01-05\r\n";
    let csv = OfficersCsv::new(OFFICERS).evidence(evidence);
    let options = OfficersCsvOptions::default();
    let loaded = load_officers(&fw, &csv, &options).expect("names read");
    let levels = first_officer_levels(&loaded);
    assert_eq!(
        levels,
        [("rti", 2), ("rti", 5), ("drafting", 2), ("sfia", 4)]
    );
    Cohort::from_csv(&fw, &csv, &options).expect("the cohort reads them too");
}

#[test]
fn a_name_no_level_or_two_levels_have_is_an_error() {
    let fw = Framework::from_json(FRAMEWORK).expect("valid");
    let evidence = "officer,competency,level,source,date\r\n\
                    o1,drafting,Basic,assessment,2024-01-05\r\n\
                    o1,drafting,Proficient,assessment,2024-01-05\r\n\
                    o1,sfia,Basic,assessment,2024-01-05\r\n\
                    o1,rti,Level VI,assessment,2024-01-05\r\n\
                    o1,rti,7,assessment,2024-01-05\r\n";
    let csv = OfficersCsv::new(OFFICERS).evidence(evidence);
    let options = OfficersCsvOptions::default();
    let messages = |errors: karmayogi::Errors| -> Vec<String> {
        errors.into_vec().iter().map(ToString::to_string).collect()
    };
    // The levels each competency has: drafting's are 1 to 3, sfia's 4 and 5. A name that
    // reads as no level is the same data as from JSON (`UnresolvedLevelName`), its entry
    // numbered as there.
    let named = |levels: &str| {
        format!("expected a level {levels}, or the name of one of the competency's levels")
    };
    let expected = [
        // Level 1's default name and level 3's own name.
        "evidence.csv line 2, column `level`: officer `o1` passbook entry 0 (competency \
         `drafting`): level written as the name `Basic`, which levels 1 and 3 of the \
         competency have: expected a level from 0 to 3, or a name only one of the \
         competency's levels has"
            .to_owned(),
        // Level 2 is named `Works alone` instead.
        format!(
            "evidence.csv line 3, column `level`: officer `o1` passbook entry 1 (competency \
                 `drafting`): level written as the name `Proficient`, which no level of the \
                 competency has: {}",
            named("from 0 to 3")
        ),
        // sfia has no level 1.
        format!(
            "evidence.csv line 4, column `level`: officer `o1` passbook entry 2 (competency \
                 `sfia`): level written as the name `Basic`, which no level of the competency \
                 has: {}",
            named("0 (none) or 4 to 5")
        ),
        format!(
            "evidence.csv line 5, column `level`: officer `o1` passbook entry 3 (competency \
                 `rti`): level written as the name `Level VI`, which no level of the \
                 competency has: {}",
            named("from 0 to 5")
        ),
        "evidence.csv line 6, column `level`: officer `o1` passbook entry 4 (competency `rti`): \
         found `7`, expected a level from 0 to 5"
            .to_owned(),
    ];
    let loaded = messages(load_officers(&fw, &csv, &options).expect_err("bad names"));
    assert_eq!(loaded, expected);
    let cohort = messages(Cohort::from_csv(&fw, &csv, &options).expect_err("bad names"));
    assert_eq!(cohort, expected);
}

/// HR systems export a level picked from a list as its number and name together
/// (`3 - Advanced`): read as the number when the name is the competency's name for that
/// level, refused when the two disagree (as `EvidenceProblem::LevelNameMismatch`, as from
/// JSON), never one of them chosen.
#[test]
fn a_level_written_with_its_name_is_read_when_the_two_agree() {
    let fw = Framework::from_json(FRAMEWORK).expect("valid");
    let evidence = "officer,competency,level,source,date\r\n\
                    o1,rti,3 - Advanced,assessment,2024-01-05\r\n\
                    o1,rti,Level 4: Expert,assessment,2024-01-06\r\n\
                    o1,drafting,2 - Works alone,assessment,2024-01-07\r\n\
                    o1,drafting,Basic (3),assessment,2024-01-08\r\n\
                    o1,sfia,L5 \u{2013} Ustad,assessment,2024-01-09\r\n";
    let csv = OfficersCsv::new(OFFICERS).evidence(evidence);
    let options = OfficersCsvOptions::default();
    let loaded = load_officers(&fw, &csv, &options).expect("number and name agree");
    let levels = first_officer_levels(&loaded);
    // `Basic (3)`: `basic` names drafting's level 3 (and its level 1 by default), so the
    // number settles which.
    assert_eq!(
        levels,
        [
            ("rti", 3),
            ("rti", 4),
            ("drafting", 2),
            ("drafting", 3),
            ("sfia", 5)
        ]
    );
    Cohort::from_csv(&fw, &csv, &options).expect("the cohort reads them too");

    // `3 - Proficient` as a 1-to-5 scale naming 3 `Proficient` writes it: the framework's
    // level 3 of `rti` is `Advanced`, so the number and the name disagree.
    let evidence = "officer,competency,level,source,date\r\n\
                    o1,rti,3 - Proficient,assessment,2024-01-05\r\n\
                    o1,drafting,Proficient (2),assessment,2024-01-06\r\n";
    let csv = OfficersCsv::new(OFFICERS).evidence(evidence);
    // Each read as its number and refused as the JSON reader refuses it, naming both
    // readings; the rows stay passbook entries 0 and 1.
    let expected = [
        "evidence.csv line 2, column `level`: officer `o1` passbook entry 0 (competency \
         `rti`): level 3 written with the name `Proficient`, which the competency gives level \
         2: its level 3 is `Advanced`; write the number alone, or with that name",
        "evidence.csv line 3, column `level`: officer `o1` passbook entry 1 (competency \
         `drafting`): level 2 written with the name `Proficient`, which the competency gives \
         no level: its level 2 is `Works alone`; write the number alone, or with that name",
    ];
    for errors in [
        load_officers(&fw, &csv, &options).expect_err("they disagree"),
        Cohort::from_csv(&fw, &csv, &options)
            .map(|_| ())
            .expect_err("they disagree"),
    ] {
        let messages: Vec<String> = errors.into_vec().iter().map(ToString::to_string).collect();
        assert_eq!(messages, expected);
    }
}

/// A level that does not read is refused naming the levels the row's competency has in
/// the framework, as the framework's check of a level that reads does (`level 5: expected
/// 0 to 4`), not the crate's 0 to 5: a four-level competency takes 0 to 4, one that exists
/// at 4 and 5 only takes 0 (none) or 4 to 5. A competency the framework does not hold is
/// given no range.
#[test]
fn a_level_that_does_not_read_is_refused_with_the_competencys_own_levels() {
    let fw = Framework::from_json(FRAMEWORK).expect("valid");
    let evidence = include_str!("../data/cases/csv/12-levels-outside-the-scale-evidence.csv");
    let csv = OfficersCsv::new(OFFICERS).evidence(evidence);
    let options = OfficersCsvOptions::default();
    // A row whose level does not read is still an entry of the passbook, numbered by its
    // place as the same passbook's JSON numbers it.
    let entry = |line: usize, index: usize, competency: &str| {
        format!(
            "evidence.csv line {line}, column `level`: officer `o1` passbook entry {index} \
             (competency `{competency}`): "
        )
    };
    let expected = [
        format!(
            "{}found `9`, expected a level from 0 to 4",
            entry(2, 0, "noting")
        ),
        format!("{}level 5: expected 0 to 4", entry(3, 1, "noting")),
        format!(
            "{}found `Level 6`, expected a level from 0 to 4, or the name of one of the \
             competency's levels",
            entry(4, 2, "noting")
        ),
        // A level that reads, with a name the competency does not give it: an entry.
        format!(
            "{}level 4 written with the name `Ustad`, which the competency gives no level: \
             its level 4 is `Expert`; write the number alone, or with that name",
            entry(5, 3, "noting")
        ),
        format!(
            "{}found `7`, expected a level 0 (none) or 4 to 5",
            entry(6, 4, "sfia")
        ),
        format!(
            "{}found `9`, expected a level from 0 to 5",
            entry(7, 5, "rti")
        ),
        // A competency the framework does not hold: no range claimed.
        format!(
            "{}found `9`, expected a level, 0 (none) or one of the competency's levels (at \
             most 5)",
            entry(8, 6, "notng")
        ),
        "evidence.csv line 8, column `competency`: officer `o1` passbook entry 6 (competency \
         `notng`): unknown competency, did you mean `noting`?"
            .to_owned(),
    ];
    for errors in [
        load_officers(&fw, &csv, &options).expect_err("levels outside the scales"),
        Cohort::from_csv(&fw, &csv, &options)
            .map(|_| ())
            .expect_err("levels outside the scales"),
    ] {
        let messages: Vec<String> = errors.into_vec().iter().map(ToString::to_string).collect();
        assert_eq!(messages, expected);
    }
}

/// The competency and level of each passbook entry of the first officer loaded.
fn first_officer_levels(loaded: &karmayogi::OfficersLoad) -> Vec<(&str, u8)> {
    loaded.officers[0]
        .passbook
        .iter()
        .map(|e| (e.competency.as_str(), e.level))
        .collect()
}
