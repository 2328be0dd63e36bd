//! The FRAC-era course tags (`competencies_v3`) carry the level's name,
//! `selectedLevelName`, beside (or instead of) `selectedLevelLevel`: it is read by the
//! competency's own level names, as a level written with a name is read elsewhere. A name
//! alone is the level of the competency that has it (one no level has is set aside); a
//! name beside a number is kept beside it, and a name the competency gives another level
//! is refused by the framework's check naming the course (igot/05). A profile's level
//! names are kept beside its levels likewise (igot/06).

use karmayogi::{
    EntityKind, Error, Evidence, EvidenceProblem, Framework, FrameworkSpec, IgotCourseOptions,
    IgotWhat, LevelPolicy, Profile, load_igot_courses, load_igot_profile,
};

const FRAMEWORK: &str =
    include_str!("../data/cases/igot/05-v3-tags-with-level-names-framework.json");
const COURSES: &str = include_str!("../data/cases/igot/05-v3-tags-with-level-names-courses.json");

#[test]
fn selected_level_names_are_read_by_the_competency_s_own_names() {
    let fw = Framework::from_json(FRAMEWORK).expect("valid");
    let load = load_igot_courses(COURSES, &fw, &IgotCourseOptions::default()).expect("reads");
    // `Advanced` is no level of CID9, whose level 3 is `Reconciles`: set aside.
    let set_aside: Vec<(&str, &IgotWhat)> = (load.report.set_aside.iter())
        .map(|e| (e.id.as_str(), &e.what))
        .collect();
    assert_eq!(
        set_aside,
        [(
            "do_3",
            &IgotWhat::UnreadableLevel {
                field: "selectedLevelName",
                found: "Advanced".into(),
            }
        )]
    );
    let read: Vec<(&str, &str, Option<u8>, Option<&str>)> = (load.value.iter())
        .flat_map(|c| {
            (c.provides.iter()).map(move |o| {
                (
                    c.id.as_str(),
                    o.competency.as_str(),
                    o.level,
                    o.level_name.as_deref(),
                )
            })
        })
        .collect();
    assert_eq!(
        read,
        [
            ("do_1", "CID9", Some(3), Some("Reconciles")),
            ("do_2", "CID4", Some(2), Some("Proficient")),
            ("do_4", "CID4", Some(3), Some("Proficient")),
        ]
    );
    // The framework's check: `Proficient` beside level 3 of CID4 (its level 2's name).
    let mut spec: FrameworkSpec = serde_json::from_str(FRAMEWORK).expect("a spec");
    spec.courses = load.value;
    let errors = Framework::new(spec).expect_err("refused").into_vec();
    assert_eq!(
        errors,
        [Error::LevelNameMismatch {
            owner_kind: EntityKind::Course,
            owner: "do_4".into(),
            competency: "CID4".into(),
            level: 3,
            name: "Proficient".into(),
            level_named: Some("Advanced".into()),
            named: Some(2),
        }]
    );
}

/// A profile's level names beside its levels (`competencySelfAttestedLevelName`,
/// `competencyCBPCompletionLevelName`) are kept with them and checked by the competency's
/// own names where the passbook meets a framework; a name alone is the level that has it
/// (igot/06).
#[test]
fn profile_level_names_are_read_by_the_competency_s_own_names() {
    const PROFILE: &str = include_str!("../data/cases/igot/06-profile-level-names.json");
    let fw = Framework::from_json(FRAMEWORK).expect("valid");
    let load = load_igot_profile(PROFILE).expect("reads");
    assert!(load.report.set_aside.is_empty(), "{:?}", load.report);
    let read: Vec<(&str, u8, Option<&str>)> = (load.value.iter())
        .map(|e| (e.competency.as_str(), e.level, e.level_name.as_deref()))
        .collect();
    assert_eq!(
        read,
        [
            ("CID9", 3, Some("Reconciles")),
            ("CID4", 2, Some("Advanced")),
            ("CID4", Evidence::LEVEL_BY_NAME, Some("Proficient")),
        ]
    );
    let officer = crate::support::officer("o1", "posts", "p", load.value);
    let policy = LevelPolicy::default().self_declared(true);
    let errors = Profile::new(&fw, &officer, &policy).expect_err("refused");
    assert_eq!(
        errors.into_vec(),
        [Error::InvalidEvidence {
            officer: "o1".into(),
            index: 1,
            competency: "CID4".into(),
            problem: EvidenceProblem::LevelNameMismatch {
                level: 2,
                name: "Advanced".into(),
                level_named: Some("Proficient".into()),
                named: Some(3),
            },
        }]
    );
    let mut agreeing = officer.clone();
    agreeing.passbook.remove(1);
    let profile = Profile::new(&fw, &agreeing, &policy).expect("reads");
    assert_eq!(profile.level(&fw, "CID9").expect("known").get(), 3);
    assert_eq!(profile.level(&fw, "CID4").expect("known").get(), 2);
}

/// A profile's level written as a name in its level field
/// (`competencySelfAttestedLevelValue` `"Reconciles"`) is kept as a level given by name
/// only and read by the competency's own names where the passbook meets a framework, as a
/// JSON passbook's `"level": "Reconciles"` is: not by the platform's default names alone,
/// so a competency's own name is read, and a default name another level of it has or none
/// has is not taken for the default's number (igot/07).
#[test]
fn profile_levels_written_as_names_are_read_by_the_competency_s_own_names() {
    const PROFILE: &str =
        include_str!("../data/cases/igot/07-profile-levels-written-as-names.json");
    let fw = Framework::from_json(FRAMEWORK).expect("valid");
    let load = load_igot_profile(PROFILE).expect("reads");
    assert!(load.report.set_aside.is_empty(), "{}", load.report);
    let read: Vec<(&str, u8, Option<&str>)> = (load.value.iter())
        .map(|e| (e.competency.as_str(), e.level, e.level_name.as_deref()))
        .collect();
    let by_name = Evidence::LEVEL_BY_NAME;
    assert_eq!(
        read,
        [
            ("CID9", by_name, Some("Reconciles")),
            ("CID9", by_name, Some("Balances")),
            ("CID4", by_name, Some("Proficient")),
        ]
    );
    let officer = crate::support::officer("o1", "posts", "p", load.value);
    let profile =
        Profile::new(&fw, &officer, &LevelPolicy::default().self_declared(true)).expect("reads");
    assert_eq!(profile.level(&fw, "CID9").expect("known").get(), 3);
    assert_eq!(profile.level(&fw, "CID4").expect("known").get(), 2);
    // `Advanced` is the platform's name of level 3, and no level of CID9: refused where
    // the passbook meets the framework, not read as 3.
    let advanced = r#"[{"id": "CID9", "competencySelfAttestedLevelValue": "Advanced"}]"#;
    let load = load_igot_profile(advanced).expect("reads");
    let officer = crate::support::officer("o1", "posts", "p", load.value);
    let errors = Profile::new(&fw, &officer, &LevelPolicy::default().self_declared(true))
        .expect_err("refused");
    assert_eq!(
        errors.into_vec(),
        [Error::InvalidEvidence {
            officer: "o1".into(),
            index: 0,
            competency: "CID9".into(),
            problem: EvidenceProblem::UnresolvedLevelName {
                name: "Advanced".into(),
                named: Vec::new(),
                min: 1,
                max: 3,
            },
        }]
    );
}

/// A level's name that marks a missing value (`N/A`, `null`, `-`, `NA`, `#N/A`), in a
/// profile or a course tag, is no name: the level beside it is read alone, a tag with
/// nothing else has no level, a profile entry with nothing else is set aside for want of
/// a level, and the passbook's JSON reads back (igot/08).
#[test]
fn level_names_marking_a_missing_value_are_none() {
    const CASE: &str = include_str!("../data/cases/igot/08-level-names-marked-missing.json");
    let case: serde_json::Value = serde_json::from_str(CASE).expect("JSON");
    let fw = Framework::from_json(FRAMEWORK).expect("valid");
    let load = load_igot_profile(&case["profile"].to_string()).expect("reads");
    let read: Vec<(&str, u8, Option<&str>)> = (load.value.iter())
        .map(|e| (e.competency.as_str(), e.level, e.level_name.as_deref()))
        .collect();
    assert_eq!(read, [("CID4", 2, None), ("CID9", 3, None)]);
    let set_aside: Vec<(&str, &IgotWhat)> = (load.report.set_aside.iter())
        .map(|e| (e.id.as_str(), &e.what))
        .collect();
    assert_eq!(set_aside, [("CID12", &IgotWhat::NoLevel)]);
    let officer = crate::support::officer("o1", "posts", "p", load.value);
    let policy = LevelPolicy::default().self_declared(true);
    let profile = Profile::new(&fw, &officer, &policy).expect("reads");
    assert_eq!(profile.level(&fw, "CID4").expect("known").get(), 2);
    assert_eq!(profile.level(&fw, "CID9").expect("known").get(), 3);
    let doc = karmayogi::OfficersSpec {
        officers: vec![officer],
        ..Default::default()
    };
    let back = karmayogi::OfficersSpec::from_json(&doc.to_json()).expect("reads back");
    assert_eq!(back, doc);
    // The course tags: `NA` beside level 2 is level 2; `#N/A` alone is no level.
    let courses = case["courses"].to_string();
    let load = load_igot_courses(&courses, &fw, &IgotCourseOptions::default()).expect("reads");
    assert!(load.report.set_aside.is_empty(), "{:?}", load.report);
    let read: Vec<(&str, Option<u8>, Option<&str>)> = (load.value.iter())
        .flat_map(|c| c.provides.iter())
        .map(|o| (o.competency.as_str(), o.level, o.level_name.as_deref()))
        .collect();
    assert_eq!(read, [("CID4", Some(2), None), ("CID9", None, None)]);
    let mut spec: FrameworkSpec = serde_json::from_str(FRAMEWORK).expect("a spec");
    spec.courses = load.value;
    Framework::new(spec).expect("valid");
}
