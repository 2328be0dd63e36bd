//! A competency's `min_level` and `max_level` written as its levels are written (`"4"`,
//! `"Level 5"`), as a framework converted from SFIA's spreadsheets writes every number as
//! text: read as the numbers, and refused, naming the competency, when no level is written
//! (`scales/20`).

use karmayogi::{Error, Framework, FrameworkSpec, Level};

const BOUNDS: &str = include_str!("../data/cases/scales/20-scale-bounds-as-text-framework.json");

#[test]
fn scale_bounds_written_as_text_read_as_numbers() {
    let framework = Framework::from_json(BOUNDS).expect("the bounds read");
    let level = |l: u8| Some(Level::new(l).unwrap());
    assert_eq!(framework.min_level("DTAN"), level(4));
    assert_eq!(framework.max_level("DTAN"), level(5));
    assert_eq!(framework.min_level("FC1"), level(1));
    assert_eq!(framework.max_level("FC1"), level(3));
    // The same document with numbers reads to the same spec.
    let numbers = BOUNDS
        .replace(
            r#""min_level": "4", "max_level": "Level 5""#,
            r#""min_level": 4, "max_level": 5"#,
        )
        .replace(r#""max_level": "3""#, r#""max_level": 3"#);
    assert_ne!(numbers, BOUNDS);
    assert_eq!(
        FrameworkSpec::from_json(BOUNDS).unwrap(),
        FrameworkSpec::from_json(&numbers).unwrap()
    );
    // A level below the skill's scale is still refused, naming role and competency.
    let below = BOUNDS.replace(
        r#"{"competency": "DTAN", "level": "4"}"#,
        r#"{"competency": "DTAN", "level": "3"}"#,
    );
    let errors = Framework::from_json(&below).unwrap_err().into_vec();
    assert_eq!(
        errors[0].to_string(),
        "role `r-analyst` names competency `DTAN` at level 3: expected 4 to 5"
    );
}

#[test]
fn a_scale_bound_that_is_no_level_is_refused_naming_the_competency() {
    for (written, found) in [
        (r#""Advanced""#, "string `Advanced`"),
        ("4.5", "floating point `4.5`"),
        ("true", "boolean `true`"),
    ] {
        let json = BOUNDS.replace(r#""min_level": "4""#, &format!(r#""min_level": {written}"#));
        let errors = Framework::from_json(&json).unwrap_err().into_vec();
        let Error::Json {
            path, id, message, ..
        } = &errors[0]
        else {
            panic!("{errors:?}");
        };
        assert_eq!(
            (path.as_str(), id.as_deref()),
            ("competencies[0].min_level", Some("DTAN")),
            "{written}"
        );
        assert!(message.contains(found), "{written}: {message}");
        assert!(message.contains("for `min_level`"), "{written}: {message}");
    }
    // A bound outside 1 to 5 reads, and is refused with the competency's range.
    let json = BOUNDS.replace(r#""min_level": "4""#, r#""min_level": "Level 0""#);
    let errors = Framework::from_json(&json).unwrap_err().into_vec();
    assert!(
        errors.iter().any(
            |e| matches!(e, Error::InvalidLevelRange { competency, .. } if competency == "DTAN")
        ),
        "{errors:?}"
    );
}
