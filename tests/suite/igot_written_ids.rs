//! Records the iGOT loaders set aside for an id that is not text (igot/20): each is named
//! by its id as written (`7`, `true`, `1e400`, a list or object as its JSON text), never by
//! an empty id, in every loader that reads ids: the position master list, FRAC nodes,
//! course records, profile competencies. A course's tag is named by its course (igot/23).

use crate::support::{entries, owned};
use karmayogi::{
    FracOptions, Framework, IgotCourseOptions, KcmOptions, load_frac_positions, load_igot_courses,
    load_igot_profile, load_kcm, load_position_master,
};

#[test]
fn master_list_ids_that_are_not_text_are_named_as_written() {
    let json = include_str!("../data/cases/igot/20-ids-that-are-not-text.json");
    let load = load_position_master(json).unwrap();
    let kept: Vec<&str> = (load.value.positions().iter())
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(kept, ["PID1"]);
    assert_eq!(
        entries(&load.report.set_aside),
        owned(&[
            (
                "$.positions[1]",
                "7",
                "`id` is an integer: expected a string"
            ),
            (
                "$.positions[2]",
                "1e400",
                "`id` is a number beyond a double's range: expected a string"
            ),
            (
                "$.positions[3]",
                "true",
                "`id` is a boolean: expected a string"
            ),
            (
                "$.positions[4]",
                "[\"PID9\"]",
                "`id` is an array: expected a string"
            ),
            (
                "$.positions[5]",
                "{\"value\":\"PID10\"}",
                "`id` is an object: expected a string"
            ),
            ("$.positions[6]", "", "no `id`"),
            ("$.positions[7]", " ", "`id` is blank"),
        ])
    );
    // The text form names the id quoted, as every report line does.
    let text = load.report.to_string();
    assert!(
        text.contains("$.positions[1] `7`: `id` is an integer"),
        "{text}"
    );
}

/// A long id of the wrong type is shown by its first 200 characters and its length.
#[test]
fn a_long_id_of_the_wrong_type_is_shown_shortened() {
    let list: Vec<u32> = (0..100).collect();
    let json = serde_json::json!([{ "id": list, "name": "CLERK" }]).to_string();
    let load = load_position_master(&json).unwrap();
    let id = &load.report.set_aside[0].id;
    let text = serde_json::to_string(&list).unwrap();
    assert_eq!(
        *id,
        format!(
            "{}\u{2026} ({} characters)",
            &text[..200],
            text.chars().count()
        )
    );
}

#[test]
fn frac_course_and_profile_ids_that_are_not_text_are_named_as_written() {
    let frac = r#"[
      {"type": "POSITION", "id": 7, "name": "CLERK", "status": "VERIFIED",
       "department": "Posts", "children": []},
      {"type": "ROLE", "id": 8.5, "name": "Counter", "status": "VERIFIED"}]"#;
    let load = load_frac_positions(frac, &FracOptions::default()).unwrap();
    let ids: Vec<&str> = (load.report.set_aside.iter())
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(ids, ["7", "8.5"]);

    let kcm = r#"[{"name": "Functional", "competency_theme": [
      {"name": "Office Management", "competency_sub_theme": ["Noting"]}]}]"#;
    let framework = Framework::new(load_kcm(kcm, &KcmOptions::default()).unwrap().value).unwrap();
    let courses = r#"[
      {"identifier": 7, "name": "Noting", "duration": "3600"},
      {"identifier": "do_2", "name": "Noting", "duration": "3600", "competencies_v5": [
        {"id": 12, "competencyArea": "Functional", "competencyTheme": "Office Management"}]}]"#;
    let load = load_igot_courses(courses, &framework, &IgotCourseOptions::default()).unwrap();
    assert_eq!(
        entries(&load.report.set_aside)[..2],
        owned(&[
            ("$[0]", "7", "`identifier` is an integer: expected a string"),
            // A tag is named by its course (igot/23), its own `id` being no field of a v5 tag.
            ("$[1].competencies_v5[0]", "do_2", "no `competencySubTheme`"),
        ])[..]
    );

    let profile = r#"[{"type": "COMPETENCY", "id": false, "name": "Noting",
      "competencySelfAttestedLevelValue": "Level 2"}]"#;
    let load = load_igot_profile(profile).unwrap();
    assert_eq!(
        entries(&load.report.set_aside),
        owned(&[("$[0]", "false", "`id` is a boolean: expected a string")])
    );
}
