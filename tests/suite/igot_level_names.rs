//! The FRAC-era course tags (`competencies_v3`) carry the level's name,
//! `selectedLevelName`, beside (or instead of) `selectedLevelLevel`: it is read by the
//! competency's own level names, as a level written with a name is read elsewhere. A name
//! alone is the level of the competency that has it (one no level has is set aside); a
//! name beside a number is kept beside it, and a name the competency gives another level
//! is refused by the framework's check naming the course (igot/05).

use karmayogi::{
    EntityKind, Error, Framework, FrameworkSpec, IgotCourseOptions, IgotWhat, load_igot_courses,
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
