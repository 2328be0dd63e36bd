//! Fields that hold a level's number read every spelling the level readers read: decimal,
//! `Level 3`, `L3`, and Roman numerals alone or in a label (`III`, `Level III`, `L-IV`),
//! as Indian government scales write levels. A competency's `min_level` and
//! `max_level` and a level descriptor's `level` (scales/36), iGOT's `selectedLevelLevel`
//! (igot/16) and a FRAC node's `level` (igot/17) read them; text that is no level is
//! still set aside or refused naming the field and the id.

use karmayogi::{
    FracOptions, Framework, FrameworkSpec, IgotCourseOptions, IgotWhat, Level, RecommendOptions,
    Target, load_frac_positions, load_igot_courses,
};

const BOUNDS: &str = include_str!("../data/cases/scales/36-roman-scale-bounds-framework.json");
const TAGS_FRAMEWORK: &str =
    include_str!("../data/cases/igot/05-v3-tags-with-level-names-framework.json");
const TAGS: &str = include_str!("../data/cases/igot/16-roman-selected-levels-courses.json");
const FRAC: &str = include_str!("../data/cases/igot/17-frac-roman-levels.json");

#[test]
fn scale_bounds_and_descriptor_levels_read_roman_numerals() {
    let framework = Framework::from_json(BOUNDS).expect("the Roman levels read");
    let level = |l: u8| Some(Level::new(l).unwrap());
    assert_eq!(framework.min_level("GA"), level(2));
    assert_eq!(framework.max_level("GA"), level(4));
    assert_eq!(framework.max_level("ND"), level(3));
    // The same document with the bounds and descriptor levels as numbers reads to the
    // same spec (the requirement's `Level III` is read by the competency's own names,
    // none of them a numeral, as level 3).
    let numbers = BOUNDS
        .replace(
            r#""min_level": "II", "max_level": "Level IV""#,
            r#""min_level": 2, "max_level": 4"#,
        )
        .replace(r#""level": "Level II""#, r#""level": 2"#)
        .replace(r#""level": "III""#, r#""level": 3"#)
        .replace(r#""level": "L-IV""#, r#""level": 4"#)
        .replace(r#""max_level": "Level III""#, r#""max_level": 3"#);
    assert_eq!(numbers.matches("II").count(), 1, "{numbers}");
    assert_eq!(
        FrameworkSpec::from_json(BOUNDS).unwrap(),
        FrameworkSpec::from_json(&numbers).unwrap()
    );
    let required: Vec<(&str, u8)> = (framework.requirements("p-ao").unwrap().iter())
        .map(|r| (r.competency.as_str(), r.level.get()))
        .collect();
    assert_eq!(required, [("GA", 3), ("ND", 2)]);
}

#[test]
fn a_bound_that_is_no_numeral_is_refused_naming_the_field_and_competency() {
    for written in ["IIII", "Level XI", "LIV"] {
        let json = BOUNDS.replace(
            r#""min_level": "II""#,
            &format!(r#""min_level": "{written}""#),
        );
        let errors = Framework::from_json(&json).unwrap_err().into_vec();
        let karmayogi::Error::Json {
            path, id, message, ..
        } = &errors[0]
        else {
            panic!("{written}: {errors:?}");
        };
        assert_eq!(
            (path.as_str(), id.as_deref()),
            ("competencies[0].min_level", Some("GA")),
            "{written}"
        );
        assert!(message.contains(written), "{written}: {message}");
    }
    // `VI` reads as 6, and is refused with the competency's range.
    let json = BOUNDS.replace(r#""max_level": "Level IV""#, r#""max_level": "VI""#);
    let errors = Framework::from_json(&json).unwrap_err().into_vec();
    assert!(
        errors.iter().any(|e| matches!(
            e,
            karmayogi::Error::InvalidLevelRange { competency, max: 6, .. } if competency == "GA"
        )),
        "{errors:?}"
    );
}

#[test]
fn selected_levels_read_roman_numerals() {
    let fw = Framework::from_json(TAGS_FRAMEWORK).expect("valid");
    let load = load_igot_courses(TAGS, &fw, &IgotCourseOptions::default()).expect("reads");
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
            ("do_2", "CID4", Some(2), None),
            ("do_3", "CID4", Some(4), None),
        ]
    );
    let set_aside: Vec<(&str, &IgotWhat)> = (load.report.set_aside.iter())
        .map(|e| (e.id.as_str(), &e.what))
        .collect();
    // A tag set aside is named by its course (igot/23).
    assert_eq!(
        set_aside,
        [(
            "do_4",
            &IgotWhat::UnreadableLevel {
                field: "selectedLevelLevel",
                found: "Level IIII".into(),
            }
        )]
    );
}

#[test]
fn frac_levels_read_roman_numerals() {
    let load = load_frac_positions(FRAC, &FracOptions::default()).expect("reads");
    assert!(load.report.set_aside.is_empty(), "{}", load.report);
    let spec = &load.value;
    let levels: Vec<(u8, Option<&str>)> = (spec.competencies[0].levels.iter())
        .map(|d| (d.level, d.name.as_deref()))
        .collect();
    assert_eq!(
        levels,
        [
            (1, Some("Basic")),
            (2, Some("Proficient")),
            (3, Some("Advanced"))
        ]
    );
    assert_eq!(spec.roles[0].requires[0].level, 3);
}

const TARGETS: &str = include_str!("../data/cases/scales/37-target-level-spellings-targets.json");

/// The targets of `recommend_targets` read their `current` and `required` levels as every
/// other level field reads a level's number (`Level II`, `IV`, `1.0`, `3 (Advanced)`):
/// `Level`'s reader took JSON numbers only. Against the framework of scales/36, whose
/// courses are none, each target is an open gap between the levels written.
#[test]
fn targets_read_every_spelling_of_a_level() {
    let targets: Vec<Target> = serde_json::from_str(TARGETS).expect("the levels read");
    let level = |l: u8| Level::new(l).unwrap();
    let pairs: Vec<(&str, Level, Level)> = targets
        .iter()
        .map(|t| (t.competency.as_str(), t.current, t.required))
        .collect();
    assert_eq!(
        pairs,
        [("GA", level(2), level(4)), ("ND", level(1), level(3))]
    );
    let numbers: Vec<Target> = serde_json::from_str(
        r#"[{"competency": "GA", "current": 2, "required": 4},
            {"competency": "ND", "current": 1, "required": 3}]"#,
    )
    .unwrap();
    assert_eq!(targets, numbers);
    for written in [r#""III""#, r#""Level 3""#, r#""L3""#, r#"" 3 ""#, "3.0"] {
        assert_eq!(serde_json::from_str::<Level>(written).unwrap(), level(3));
    }
    let framework = Framework::from_json(BOUNDS).unwrap();
    let plan = framework
        .recommend_targets(&targets, &[], &RecommendOptions::default())
        .unwrap();
    let open: Vec<(&str, u8, u8)> = (plan.open.iter())
        .map(|g| (g.competency.as_str(), g.current.get(), g.required.get()))
        .collect();
    assert_eq!(open, [("GA", 2, 4), ("ND", 1, 3)]);

    // Text that is no level is refused naming the field, with the forms it reads; a
    // level above 5 with the range.
    for (written, message) in [
        (
            r#""three""#,
            "invalid value: string `three`, expected a level's number for `required`: the \
             text is neither a level's number nor one of the platform's level names (Basic, \
             Proficient, Advanced, Expert, Ustad); write a whole number (`3`) or a string \
             holding one (`\"3\"`, `\"3.0\"`, `\"L3\"`, `\"Level 3\"`), or a Roman numeral \
             (`\"III\"`, `\"Level III\"`) at line 1 column 54",
        ),
        (
            r#""Level VI""#,
            "level 6 is out of range: expected 0 to 5 at line 1 column 58",
        ),
        (
            r#""2 (Advanced)""#,
            "invalid value: string `2 (Advanced)`, expected a level's number for \
             `required`: `Advanced` is not the platform's name of level 2 (`2 (Proficient)`), \
             the only name JSON reads beside a number (a competency's own level names are \
             not known where JSON is read); write the level's number alone, or with that \
             name at line 1 column 61",
        ),
    ] {
        let text = format!(r#"{{"competency": "GA", "current": 0, "required": {written}}}"#);
        let error = serde_json::from_str::<Target>(&text).unwrap_err();
        assert_eq!(error.to_string(), message, "{written}");
    }
}
