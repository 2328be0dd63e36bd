//! What the JSON parser says of a key or value it read (an unknown field, an unknown
//! variant, a duplicate field, a string of the wrong value) is passed on in the crate's
//! errors; a byte-order mark, zero-width space, no-break space, control character or
//! noncharacter in that key must show escaped there as in the crate's own messages,
//! or "unknown field positions" beside a document that seems to hold `positions` cannot
//! be acted on.

use karmayogi::{Cohort, Error, Errors, Framework, LevelPolicy, OfficersSpec};

// Each message is pinned where it is short; the officers' five are checked for the value
// each names, since their tails list every field of an officer.

const FIELDS: &str =
    include_str!("../data/cases/framework/23-unknown-fields-with-invisible-characters.json");
const NONCHARACTER: &str = include_str!("../data/cases/framework/24-noncharacter-in-a-key.json");
const OFFICERS: &str =
    include_str!("../data/cases/ids/08-invisible-characters-in-keys-officers.json");

/// Whether `c` prints as nothing, as a space or as a box: what a message must escape.
fn unseen(c: char) -> bool {
    let n = u32::from(c);
    c.is_control()
        || matches!(c, '\u{a0}' | '\u{200b}' | '\u{feff}')
        || (0xfdd0..=0xfdef).contains(&n)
        || n & 0xfffe == 0xfffe
}

/// Every error's text, checked to hold no character that prints as nothing.
#[track_caller]
fn all_shown(errors: &Errors) -> Vec<String> {
    let texts: Vec<String> = errors.iter().map(ToString::to_string).collect();
    for text in &texts {
        assert!(!text.chars().any(unseen), "unescaped in {text:?}");
    }
    texts
}

/// Every error's message, after its place.
fn messages(errors: &Errors) -> Vec<String> {
    errors
        .iter()
        .map(|e| match e {
            Error::Json { message, .. } => message.clone(),
            other => panic!("not a json error: {other:?}"),
        })
        .collect()
}

#[test]
fn unknown_fields_of_a_framework_show_their_invisible_characters() {
    let errors = Framework::from_json(FIELDS).expect_err("unknown fields");
    all_shown(&errors);
    let expected = "expected one of `format_version`, `competencies`, `groups`, `activities`, \
                    `roles`, `positions`, `courses`";
    assert_eq!(
        messages(&errors),
        [
            r#"unknown field "lev\u{a0}els", expected one of `id`, `name`, `description`, `type`, `area`, `groups`, `levels`, `min_level`, `max_level`"#.to_owned(),
            r#"unknown field "na\u{7}me2", expected one of `id`, `name`, `activities`, `requires`"#.to_owned(),
            format!(r#"unknown field "pos\u{{feff}}itions", {expected}"#),
            format!(r#"unknown field "cour\u{{200b}}ses", {expected}"#),
        ]
    );
}

#[test]
fn a_noncharacter_in_a_key_shows_escaped_in_path_and_message() {
    let errors = Framework::from_json(NONCHARACTER).expect_err("unknown field");
    assert_eq!(
        all_shown(&errors),
        [
            r#"invalid json at line 3, column 90 ("positions[0].depart\u{fffe}ment", id `p`): unknown field "depart\u{fffe}ment", expected one of `id`, `name`, `department`, `roles`"#
        ]
    );
}

#[test]
fn unknown_fields_and_sources_of_officers_show_their_invisible_characters() {
    let first = OfficersSpec::from_json(OFFICERS).expect_err("unknown field");
    let all = OfficersSpec::from_json_all(OFFICERS).expect_err("unknown fields");
    assert_eq!(all.iter().next(), Some(&first));
    let texts = all_shown(&all);
    assert_eq!(texts.len(), 5, "{texts:#?}");
    for (text, shown) in texts.iter().zip([
        r#""depart\u{200b}ment""#,
        "missing field `department`",
        r#""assess\u{a0}ment""#,
        r#""\u{feff}name""#,
        r#""sour\u{1b}ce""#,
    ]) {
        assert!(text.contains(shown), "{text}");
    }
    let framework = Framework::from_json(
        r#"{"format_version": 2,
            "competencies": [{"id": "c", "name": "Noting", "type": "functional"}],
            "roles": [{"id": "r", "name": "Role", "requires": [{"competency": "c", "level": 2}]}],
            "positions": [{"id": "p", "name": "Post", "department": "d", "roles": ["r"]}]}"#,
    )
    .expect("valid");
    let errors = Cohort::from_json(&framework, OFFICERS, &LevelPolicy::default())
        .expect_err("unknown fields");
    assert_eq!(all_shown(&errors), texts);
}
