//! Ids that are one text in two Unicode forms (`framework/20`, `officers/26`): the
//! Devanagari `ज़` written as one character (`U+095B`, which NFC never holds) and as `ज`
//! followed by a nukta (`U+091C U+093C`, as NFC writes it), `Å` as the Angstrom sign
//! (`U+212B`) and as the letter (`U+00C5`), `Ω` as the Ohm sign (`U+2126`) and as the
//! Greek letter (`U+03A9`). Each pair prints alike, so a message naming both must show
//! what tells them apart: the form that is not NFC is shown with its characters escaped,
//! and a "did you mean" naming the other form says that it is the same text.

use karmayogi::{Cohort, Framework, LevelPolicy, NeedsOptions, OfficersSpec, ReviewOptions};

const FRAMEWORK: &str = include_str!("../data/cases/framework/20-unicode-forms-framework.json");
const OFFICERS: &str = include_str!("../data/cases/officers/26-unicode-forms-departments.json");

/// The district office's department as NFC writes it, and with `U+095B`.
const DISTRICT: &str =
    "\u{91c}\u{93c}\u{93f}\u{932}\u{93e} \u{915}\u{93e}\u{930}\u{94d}\u{92f}\u{93e}\u{932}\u{92f}";
const DISTRICT_095B: &str =
    "\u{95b}\u{93f}\u{932}\u{93e} \u{915}\u{93e}\u{930}\u{94d}\u{92f}\u{93e}\u{932}\u{92f}";

fn framework() -> Framework {
    Framework::from_json(FRAMEWORK).expect("valid")
}

#[test]
fn a_department_in_another_form_is_shown_escaped_and_named_the_same_text() {
    let fw = framework();
    let officers = OfficersSpec::from_json(OFFICERS).expect("valid").officers;
    let messages: Vec<String> = (fw.review_officers(&officers, &ReviewOptions::default()))
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        messages,
        [
            format!(
                "officer `o2` is in department \"\\u{{95b}}{}\" but position `p` belongs to \
                 `{DISTRICT}`, did you mean `{DISTRICT}` (the same text in another unicode form)?",
                &DISTRICT_095B[3..]
            ),
            "officer `o3` is in department \"\\u{212b}land\" but position `q` belongs to \
             `\u{c5}land`, did you mean `\u{c5}land` (the same text in another unicode form)?"
                .to_owned(),
        ]
    );
}

#[test]
fn an_unknown_id_in_another_form_is_suggested_as_the_same_text() {
    let fw = framework();
    let officers = OfficersSpec::from_json(OFFICERS).expect("valid").officers;
    let error = Cohort::new(&fw, &officers, &LevelPolicy::default())
        .expect_err("an unknown competency")
        .to_string();
    assert!(
        error.ends_with(
            "officer `o3` passbook entry 0 (competency \"\\u{2126}-law\"): unknown competency, \
             did you mean `\u{3a9}-law` (the same text in another unicode form)?"
        ),
        "{error}"
    );
    let Err(atlas) = fw.competency_atlas("\u{2126}-law") else {
        panic!("an unknown competency");
    };
    assert_eq!(
        atlas.to_string(),
        "unknown competency \"\\u{2126}-law\", did you mean `\u{3a9}-law` (the same text in \
         another unicode form)?"
    );

    // A department asked in the other form, of a cohort holding the NFC one alone.
    let cohort = Cohort::new(&fw, &officers[..1], &LevelPolicy::default()).expect("valid");
    let options = NeedsOptions::default().department(DISTRICT_095B);
    let Err(error) = fw.training_needs(&cohort, &options) else {
        panic!("an unknown department");
    };
    assert_eq!(
        error.to_string(),
        format!(
            "unknown department \"\\u{{95b}}{}\", did you mean `{DISTRICT}` (the same text in \
             another unicode form)?",
            &DISTRICT_095B[3..]
        )
    );
    // Both departments exist in a cohort of both officers: each names its own.
    let both = Cohort::new(&fw, &officers[..2], &LevelPolicy::default()).expect("valid");
    for department in [DISTRICT, DISTRICT_095B] {
        let needs = fw
            .training_needs(&both, &NeedsOptions::default().department(department))
            .expect("a department of the cohort");
        assert_eq!(needs.officers, 1);
    }
}

/// Asked in another form and in another case at once, or in a decomposed form, an id
/// is still suggested (it used to get no suggestion: `"Jose\u{301}"`).
#[test]
fn ids_decomposed_or_in_another_case_are_suggested() {
    let fw = Framework::from_json(
        r#"{"format_version": 2,
            "competencies": [{"id": "c", "name": "C", "type": "domain"}],
            "roles": [{"id": "r", "name": "R", "requires": [{"competency": "c", "level": 3}]}],
            "positions": [{"id": "Jos\u00e9", "name": "Q", "department": "D\u00e9partement",
                           "roles": ["r"]}]}"#,
    )
    .expect("valid");
    let Err(requirements) = fw.requirements("Jose\u{301}") else {
        panic!("an unknown position");
    };
    assert_eq!(
        requirements.to_string(),
        "unknown position \"Jose\\u{301}\", did you mean `Jos\u{e9}` (the same text in another \
         unicode form)?"
    );
    let Err(requirements) = fw.requirements("jose\u{301}") else {
        panic!("an unknown position");
    };
    assert_eq!(
        requirements.to_string(),
        "unknown position \"jose\\u{301}\", did you mean `Jos\u{e9}`?"
    );
}
