//! A competency whose level names carry their own number, as rubrics and HR scales print
//! them (`1 - Beginning`, `Level 3: Proficient`, `L4 Accomplished`), and evidence naming
//! the level by its name alone (`Beginning`), by its number (`1`, `Level 2`) or by both
//! (`2 - Developing`): each is the level, in a JSON passbook and in CSV alike. Names alone
//! were refused as naming no level, and `2 - Developing` as a name the competency does not
//! give level 2. A name two levels fit (`Aware`: `1 - Aware` without its number, and level
//! 3's own `Aware`) is refused naming both (scales/42).

use karmayogi::{
    Cohort, Error, EvidenceProblem, Framework, LevelPolicy, OfficersCsv, OfficersCsvOptions,
    OfficersSpec, Profile,
};

const FRAMEWORK: &str =
    include_str!("../data/cases/scales/42-level-names-carrying-their-numbers-framework.json");
const OFFICERS: &str =
    include_str!("../data/cases/scales/42-level-names-carrying-their-numbers-officers.json");
const EVIDENCE: &str =
    include_str!("../data/cases/scales/42-level-names-carrying-their-numbers-evidence.csv");
const ROSTER: &str = "id,department,position\no1,dopt,so\no2,dopt,so\no3,dopt,so\n";

/// The levels of `drafting` and `rti` that `o1` to `o3` hold, read by hand from the
/// framework: `Beginning` is drafting's `1 - Beginning`, `Applies` rti's `2 - Applies`,
/// `Proficient` drafting's `Level 3: Proficient` (its level 2 has a name of its own, so
/// the platform's `Proficient` names none), `1` and `Level 2` the numbers, `2 - Developing`
/// level 2 with its own name.
const HELD: [[u8; 2]; 3] = [[1, 2], [3, 1], [2, 2]];

fn held(fw: &Framework, profile: &Profile) -> [u8; 2] {
    ["drafting", "rti"].map(|c| profile.level(fw, c).expect("known").get())
}

#[test]
fn names_carrying_their_number_are_read_with_or_without_it() {
    let fw = Framework::from_json(FRAMEWORK).expect("valid");
    let doc = OfficersSpec::from_json(OFFICERS).expect("reads");
    let policy = LevelPolicy::default();
    for (officer, levels) in doc.officers.iter().zip(HELD) {
        let profile = Profile::new(&fw, officer, &policy).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(held(&fw, &profile), levels, "{}", officer.id);
    }
    // The same rows from CSV.
    let rows: Vec<&str> = EVIDENCE.lines().take(7).collect();
    let rows = rows.join("\n");
    let csv = OfficersCsv::new(ROSTER).evidence(&rows);
    let cohort = Cohort::from_csv(&fw, &csv, &OfficersCsvOptions::default())
        .unwrap_or_else(|e| panic!("{e}"));
    for (k, levels) in HELD.iter().enumerate() {
        let profile = cohort.cohort.profile(k).expect("in the cohort");
        assert_eq!(&held(&fw, &profile), levels, "o{}", k + 1);
    }
}

#[test]
fn a_name_two_levels_fit_is_refused_naming_both() {
    let fw = Framework::from_json(FRAMEWORK).expect("valid");
    let doc = OfficersSpec::from_json(OFFICERS).expect("reads");
    let errors = Profile::new(&fw, &doc.officers[3], &LevelPolicy::default())
        .expect_err("refused")
        .into_vec();
    let [
        Error::InvalidEvidence {
            index: 1,
            problem: EvidenceProblem::UnresolvedLevelName { name, named, .. },
            ..
        },
    ] = &errors[..]
    else {
        panic!("{errors:?}");
    };
    assert_eq!((name.as_str(), named.as_slice()), ("Aware", &[1, 3][..]));
    // `accomplished` (entry 0) is drafting's `L4 Accomplished`: no problem.
}
