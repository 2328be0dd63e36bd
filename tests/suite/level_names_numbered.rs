//! A competency's level names that differ by a trailing number, or where one is another
//! with a number after it (`Foundation` and `Foundation 2`, `Band` and `Band 1`), read
//! alike from a JSON passbook and from CSV: a level written as a competency's own name is
//! that level, whatever number the name ends in; a number with another name beside it
//! (`2 - Foundation`) is checked as a number with a name (scales/31).

use karmayogi::{
    Cohort, Framework, LevelPolicy, OfficersCsv, OfficersCsvOptions, OfficersSpec, Profile,
    ReviewOptions,
};

const FRAMEWORK: &str =
    include_str!("../data/cases/scales/31-level-names-differing-by-a-number-framework.json");
const OFFICERS: &str =
    include_str!("../data/cases/scales/31-level-names-differing-by-a-number-officers.json");
const EVIDENCE: &str =
    include_str!("../data/cases/scales/31-level-names-differing-by-a-number-evidence.csv");
const ROSTER: &str = "id,department,position\no1,meity,us\no2,meity,us\no3,meity,us\n";

/// The levels of `digital` and `planning` each officer holds: `Foundation 2` is
/// `digital`'s level 1 and `Band 1` `planning`'s level 2, their own names (not level 2
/// named `Foundation`, nor level 1 named `Band`); `2 - Foundation` is level 2, which
/// `digital` names `Foundation`; `Band` is level 1; `Foundation` 2; `band 3` 4.
const HELD: [[u8; 2]; 3] = [[1, 2], [2, 1], [2, 4]];

/// The levels each officer of `cohort` holds.
fn held(fw: &Framework, cohort: &Cohort) -> Vec<[u8; 2]> {
    (0..cohort.len())
        .map(|k| {
            let profile = cohort.profile(k).expect("in the cohort");
            ["digital", "planning"].map(|c| profile.level(fw, c).expect("known").get())
        })
        .collect()
}

#[test]
fn level_names_differing_by_a_number_read_alike_in_json_and_csv() {
    let fw = Framework::from_json(FRAMEWORK).expect("valid");
    let policy = LevelPolicy::default();
    let from_json = Cohort::from_json(&fw, OFFICERS, &policy).expect("reads");
    assert_eq!(held(&fw, &from_json), HELD);
    let two = Cohort::from_json_with_threads(&fw, OFFICERS, &policy, 2).expect("reads");
    assert_eq!(held(&fw, &two), HELD);
    let csv = OfficersCsv::new(ROSTER).evidence(EVIDENCE);
    let from_csv = Cohort::from_csv(&fw, &csv, &OfficersCsvOptions::default()).expect("reads");
    assert_eq!(held(&fw, &from_csv.cohort), HELD);
    // The document read without the framework, checked officer by officer, and written
    // and read again: the same levels.
    let doc = OfficersSpec::from_json(OFFICERS).expect("reads");
    for (officer, levels) in doc.officers.iter().zip(HELD) {
        let profile = Profile::new(&fw, officer, &policy).expect("reads");
        let read = ["digital", "planning"].map(|c| profile.level(&fw, c).expect("known").get());
        assert_eq!(read, levels, "{}", officer.id);
    }
    let again = OfficersSpec::from_json(&doc.to_json()).expect("reads back");
    assert_eq!(again, doc);
    let cohort = Cohort::new(&fw, &again.officers, &policy).expect("reads");
    assert_eq!(held(&fw, &cohort), HELD);
    // The review compares each entry at the level it names: nothing to report.
    let review = fw.review_officers(&doc.officers, &ReviewOptions::default());
    assert!(review.is_empty(), "{review:?}");
}
