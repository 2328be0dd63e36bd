//! `Framework::review_officers` leaves out of its comparison of entries an entry whose
//! level is outside its competency's scale, as it leaves out every entry validation
//! refuses: validation (`Cohort::new`, `Profile::new`) reports the level, the review does
//! not compare it with another entry's as a repeat or a contradiction (officers/11).

use karmayogi::{
    Cohort, Error, EvidenceProblem, Framework, LevelPolicy, OfficersSpec, ReviewOptions,
};

const FRAMEWORK: &str = include_str!("../data/cases/scales/28-level-names-alone-framework.json");
const OFFICERS: &str =
    include_str!("../data/cases/officers/11-levels-outside-the-scale-on-one-day-officers.json");

/// An entry of `o1` at `index`, competency `competency`, with `problem`.
fn entry(index: usize, competency: &str, problem: EvidenceProblem) -> Error {
    Error::InvalidEvidence {
        officer: "o1".into(),
        index,
        competency: competency.into(),
        problem,
    }
}

#[test]
fn review_leaves_out_levels_outside_the_scale_that_validation_reports() {
    let fw = Framework::from_json(FRAMEWORK).expect("valid");
    let doc = OfficersSpec::from_json(OFFICERS).expect("reads");
    // Validation: `rti` stops at 3, `sfia-plan` starts at 4.
    let above = EvidenceProblem::LevelAboveScale {
        level: 7,
        min: 1,
        max: 3,
    };
    let below = EvidenceProblem::LevelBelowScale {
        level: 2,
        min: 4,
        max: 5,
    };
    let errors = Cohort::new(&fw, &doc.officers, &LevelPolicy::default()).expect_err("refused");
    assert_eq!(
        errors.into_vec(),
        [
            entry(0, "rti", above.clone()),
            entry(1, "rti", above),
            entry(3, "sfia-plan", below),
        ]
    );
    // The review: only the two entries of `noting` at level 2, which validation accepts.
    let warnings = fw.review_officers(&doc.officers, &ReviewOptions::default());
    assert_eq!(
        warnings,
        [entry(
            6,
            "noting",
            EvidenceProblem::Duplicate {
                first: 5,
                first_line: None,
                level: 2,
                first_level: 2,
                verified: true,
                first_verified: true,
            }
        )]
    );
}
