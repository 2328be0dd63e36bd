//! Level names holding characters that print nothing, as a rubric's `quality` pasted
//! from HTML holds them (`Fully\u00a0proficient` with a no-break space, `Advanced\u200b`
//! with a zero-width space; scales/41). Evidence naming the level as it prints (`Fully
//! proficient`, `Advanced`) was refused as a name no level has, with a message showing
//! neither the hidden character nor the level nearly named. Names now compare with each
//! run of whitespace as one space and characters that print nothing left out; two levels
//! whose names differ only so are both named, and refused as such.

use karmayogi::{Error, EvidenceProblem, Framework, LevelPolicy, OfficersSpec, Profile};

const FRAMEWORK: &str =
    include_str!("../data/cases/scales/41-level-names-with-invisible-characters-framework.json");
const OFFICERS: &str =
    include_str!("../data/cases/scales/41-level-names-with-invisible-characters-officers.json");

#[test]
fn names_differing_only_by_characters_that_print_nothing_are_one_name() {
    let fw = Framework::from_json(FRAMEWORK).expect("valid");
    let doc = OfficersSpec::from_json(OFFICERS).expect("reads");
    let policy = LevelPolicy::default();
    for (officer, level) in [(0, 2), (1, 3), (2, 2)] {
        let profile = Profile::new(&fw, &doc.officers[officer], &policy)
            .unwrap_or_else(|e| panic!("o{officer}: {e}"));
        assert_eq!(profile.level(&fw, "drafting").expect("known").get(), level);
    }
}

#[test]
fn two_levels_whose_names_differ_only_so_are_both_named() {
    let fw = Framework::from_json(FRAMEWORK).expect("valid");
    let doc = OfficersSpec::from_json(OFFICERS).expect("reads");
    let errors = Profile::new(&fw, &doc.officers[3], &LevelPolicy::default())
        .expect_err("refused")
        .into_vec();
    let [
        Error::InvalidEvidence {
            problem: EvidenceProblem::UnresolvedLevelName { name, named, .. },
            ..
        },
    ] = &errors[..]
    else {
        panic!("{errors:?}");
    };
    assert_eq!((name.as_str(), named.as_slice()), ("Advanced", &[2, 3][..]));
    let message = errors[0].to_string();
    assert!(
        message.contains("which levels 2 and 3 of the competency have"),
        "{message}"
    );
}
