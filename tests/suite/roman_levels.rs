//! Levels written as Roman numerals, as Indian government scales write them ("Level II"):
//! `III`, `Level III`, `l-ii` are read as the level of their value wherever a level's name
//! is read (a passbook entry in officers' JSON and an HR export's CSV, a framework's
//! requirement), after the competency's own names: a competency that names its levels
//! with numerals (`I`, `II`, `III` for its levels 3 to 5) means its names, and a numeral
//! none of them is names no level (scales/35).

use karmayogi::{
    Cohort, CohortCsvReader, Error, EvidenceProblem, Framework, LevelPolicy, OfficersCsv,
    OfficersCsvOptions, OfficersSpec, Profile, load_officers,
};

const FRAMEWORK: &str = include_str!("../data/cases/scales/35-roman-numeral-levels-framework.json");
const OFFICERS: &str = include_str!("../data/cases/scales/35-roman-numeral-levels-officers.json");
const EVIDENCE: &str = include_str!("../data/cases/scales/35-roman-numeral-levels-evidence.csv");
const ROSTER: &str = "id,department,position\no1,dopt,us\no2,dopt,us\n";

/// `o2`'s problems: `IV` is none of drafting's own numerals, and `Level V` is above rti's
/// last level, 3.
fn expected() -> Vec<Error> {
    let entry = |index: usize, competency: &str, problem| Error::InvalidEvidence {
        officer: "o2".into(),
        index,
        competency: competency.into(),
        problem,
    };
    vec![
        entry(
            0,
            "drafting",
            EvidenceProblem::UnresolvedLevelName {
                name: "IV".into(),
                named: vec![],
                min: 3,
                max: 5,
            },
        ),
        entry(
            1,
            "rti",
            EvidenceProblem::LevelAboveScale {
                level: 5,
                min: 1,
                max: 3,
            },
        ),
    ]
}

/// The levels of noting, drafting and rti in `profile`.
fn held(fw: &Framework, profile: &Profile) -> Vec<u8> {
    (["noting", "drafting", "rti"].iter())
        .map(|c| profile.level(fw, c).expect("known").get())
        .collect()
}

#[test]
fn roman_numerals_are_levels_after_the_competency_s_own_names() {
    let fw = Framework::from_json(FRAMEWORK).expect("the numerals read as levels");
    // The requirements: `Level III` is 3, drafting's own `III` its level 5, `l-ii` 2.
    let required: Vec<(String, u8)> = (fw.requirements("us").expect("known").iter())
        .map(|r| (r.competency.to_string(), r.level.get()))
        .collect();
    assert_eq!(
        required,
        [
            ("drafting".to_owned(), 5),
            ("noting".to_owned(), 3),
            ("rti".to_owned(), 2)
        ]
    );
    // A course outcome alike: `Lvl-IV` is 4, drafting's own `ii` its level 4.
    let outcomes: Vec<(String, Option<u8>)> = (fw.course("c1").expect("known").provides.iter())
        .map(|o| (o.competency.to_string(), o.level))
        .collect();
    assert_eq!(
        outcomes,
        [
            ("noting".to_owned(), Some(4)),
            ("drafting".to_owned(), Some(4))
        ]
    );
    // Written back, the framework reads as the same.
    let written = fw.to_spec().try_to_json().expect("writes");
    let again = Framework::from_json(&written).expect("reads back");
    assert_eq!(
        again.requirements("us").expect("known"),
        fw.requirements("us").expect("known")
    );

    let policy = LevelPolicy::default();
    let errors = Cohort::from_json(&fw, OFFICERS, &policy).expect_err("o2's entries");
    assert_eq!(errors.into_vec(), expected());
    let doc = OfficersSpec::from_json(OFFICERS).expect("numerals are kept as names");
    let profile = Profile::new(&fw, &doc.officers[0], &policy).expect("o1's read");
    assert_eq!(held(&fw, &profile), [3, 4, 2]);
    let errors = Profile::new(&fw, &doc.officers[1], &policy).expect_err("o2's refused");
    assert_eq!(errors.into_vec(), expected());
    let written = doc.try_to_json().expect("writes");
    assert_eq!(OfficersSpec::from_json(&written).expect("reads back"), doc);

    // The HR export: the same levels, and the same problems at the rows' `level`.
    let csv = OfficersCsv::new(ROSTER).evidence(EVIDENCE);
    let options = OfficersCsvOptions::default();
    let in_rows: Vec<String> = (expected().iter().enumerate())
        .map(|(i, e)| format!("evidence.csv line {}, column `level`: {e}", i + 5))
        .collect();
    let messages = |errors: karmayogi::Errors| -> Vec<String> {
        errors.into_vec().iter().map(ToString::to_string).collect()
    };
    let loaded = load_officers(&fw, &csv, &options).expect_err("o2's entries");
    assert_eq!(messages(loaded), in_rows);
    let streamed = Cohort::from_csv(&fw, &csv, &options).expect_err("o2's entries");
    assert_eq!(messages(streamed), in_rows);
    let mut reader = CohortCsvReader::new(&fw, &options);
    reader.push_officers(ROSTER.as_bytes());
    reader.push_evidence(EVIDENCE.as_bytes());
    assert_eq!(
        messages(reader.finish().expect_err("o2's entries")),
        in_rows
    );
    // Without o2's rows, o1's levels read as from JSON.
    let o1: String = EVIDENCE.split_inclusive('\n').take(4).collect();
    let csv = OfficersCsv::new("id,department,position\no1,dopt,us\n").evidence(&o1);
    let cohort = Cohort::from_csv(&fw, &csv, &options)
        .expect("o1's read")
        .cohort;
    assert_eq!(held(&fw, &cohort.profile(0).expect("o1")), [3, 4, 2]);
    let loaded = load_officers(&fw, &csv, &options).expect("o1's read");
    let profile = Profile::new(&fw, &loaded.officers[0], &policy).expect("o1's read");
    assert_eq!(held(&fw, &profile), [3, 4, 2]);
}
