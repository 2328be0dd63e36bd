//! An `Evidence` built in Rust whose level's name is missing or blank: given by name only
//! (`Evidence::LEVEL_BY_NAME`) it is refused where the passbook meets a framework as a
//! level given by name without one, naming the officer and entry, before and after its
//! JSON is read back (the writer writes what the reader reads); beside a number, a blank
//! name says nothing and is none, as in the document written.

use karmayogi::{
    Cohort, Error, Evidence, EvidenceProblem, EvidenceSource, Framework, LevelPolicy, OfficersSpec,
};

const FRAMEWORK: &str = include_str!("../data/cases/scales/28-level-names-alone-framework.json");

/// An officers document of one officer whose one entry of `rti` has `level` and `name`.
fn document(level: u8, name: Option<&str>) -> OfficersSpec {
    let entry = Evidence {
        competency: "rti".into(),
        level,
        level_name: name.map(Into::into),
        source: EvidenceSource::Assessment,
        date: "2024-01-05".into(),
        verified: true,
        course: None,
    };
    let officer = crate::support::officer("o1", "dopt", "us", vec![entry]);
    let mut doc = OfficersSpec::from_json(r#"{"format_version": 2, "officers": []}"#)
        .expect("an empty document");
    doc.officers.push(officer);
    doc
}

#[test]
fn a_level_given_by_name_without_one_is_refused_alike_before_and_after_json() {
    let fw = Framework::from_json(FRAMEWORK).expect("valid");
    let policy = LevelPolicy::default();
    let expected = vec![Error::InvalidEvidence {
        officer: "o1".into(),
        index: 0,
        competency: "rti".into(),
        problem: EvidenceProblem::UnresolvedLevelName {
            name: String::new(),
            named: Vec::new(),
            min: 1,
            max: 3,
        },
    }];
    for name in [None, Some(""), Some("  ")] {
        let doc = document(Evidence::LEVEL_BY_NAME, name);
        let errors = Cohort::new(&fw, &doc.officers, &policy).expect_err("refused");
        assert_eq!(errors.into_vec(), expected, "{name:?}");
        let again = OfficersSpec::from_json(&doc.to_json()).expect("its JSON reads back");
        let errors = Cohort::new(&fw, &again.officers, &policy).expect_err("refused");
        assert_eq!(errors.into_vec(), expected, "{name:?}");
        assert_eq!(
            expected[0].to_string(),
            "officer `o1` passbook entry 0 (competency `rti`): level 255, which marks a \
             level given by name only, without a name: expected a level from 0 to 3, or the name of one of the \
             competency's levels"
        );
    }
    // Beside a number, a blank name is none: level 2, written and read back as 2.
    for name in [Some(""), Some(" ")] {
        let doc = document(2, name);
        let cohort = Cohort::new(&fw, &doc.officers, &policy).expect("level 2");
        let held = cohort
            .profile(0)
            .expect("o1")
            .level(&fw, "rti")
            .expect("known");
        assert_eq!(held.get(), 2);
        let again = OfficersSpec::from_json(&doc.to_json()).expect("its JSON reads back");
        assert_eq!(again, document(2, None));
    }
}
