//! Documents the iGOT loaders read, and those they refuse rather than load as empty
//! (igot/33): the platform's flat KCM export (`withidentifier_competencies.json`, one entry
//! per sub-theme) is read as the same dictionary as the nested one; given to another
//! loader it is refused as the KCM; a list none of whose entries is a record a loader
//! reads is refused naming the fields found; a KCM area or theme whose list holds another
//! type is set aside and absent.

use karmayogi::{
    DocumentKind, Error, FracOptions, Framework, GroupKind, IgotCourseOptions, KcmOptions,
    KcmSubThemes, kcm_id, load_frac_positions, load_igot_courses, load_igot_profile, load_kcm,
    load_position_master,
};

const FLAT: &str = include_str!("../data/cases/igot/33-kcm-flat-export-with-identifiers.json");
const NESTED: &str = include_str!("../../data/igot/kcm_competencies.json");

/// igot/33: the flat export loaded as an empty dictionary, every entry set aside as
/// "missing name". It now gives the competencies (and groups) the nested dictionary gives
/// for the same sub-themes, with the descriptions the flat file adds.
#[test]
fn the_flat_kcm_export_is_read_as_the_dictionary() {
    let load = load_kcm(FLAT, &KcmOptions::default()).unwrap();
    assert_eq!(load.report.set_aside, []);
    assert_eq!(load.report.notes, []);
    let ignored: Vec<(&str, u64)> = (load.report.ignored_fields.iter())
        .map(|f| (f.field.as_str(), f.count))
        .collect();
    // `competency_id` is read (igot/41): no longer among the ignored fields.
    assert_eq!(ignored, []);
    let spec = &load.value;
    let ids: Vec<&str> = spec.competencies.iter().map(|c| c.id.as_str()).collect();
    let want = [
        kcm_id(&["Behavioural", "Self-Awareness", "Self-Analysis"]),
        kcm_id(&["Behavioural", "Self-Awareness", "Self Confidence"]),
        kcm_id(&["Functional", "Financial Management", "Government accounts"]),
        kcm_id(&[
            "Functional",
            "Financial Management",
            "PFMS Portal Management",
        ]),
        kcm_id(&["Functional", "Financial Management", "Financial Management"]),
    ];
    assert_eq!(ids, want);
    // The same ids as the nested dictionary's, so course tags resolve alike.
    let nested = load_kcm(NESTED, &KcmOptions::default()).unwrap().value;
    for id in &ids {
        assert!(
            nested.competencies.iter().any(|c| c.id.as_str() == *id),
            "{id}"
        );
    }
    let text: serde_json::Value = serde_json::from_str(FLAT).unwrap();
    for (c, entry) in spec.competencies.iter().zip(text.as_array().unwrap()) {
        assert_eq!(c.name, entry["sub_theme"]);
        assert_eq!(c.description, entry["sub_theme_description"]);
        assert_eq!(
            c.groups[0].as_str(),
            kcm_id(&[
                entry["type"].as_str().unwrap(),
                entry["theme"].as_str().unwrap()
            ])
        );
    }
    let groups: Vec<(&str, GroupKind, bool)> = (spec.groups.iter())
        .map(|g| (g.id.as_str(), g.kind, g.description.is_empty()))
        .collect();
    assert_eq!(
        groups,
        [
            ("kcm:Behavioural", GroupKind::Area, true),
            ("kcm:Behavioural/Self-Awareness", GroupKind::Theme, false),
            ("kcm:Functional", GroupKind::Area, true),
            (
                "kcm:Functional/Financial Management",
                GroupKind::Theme,
                false
            ),
        ]
    );
    assert_eq!(spec.groups[1].description, text[0]["theme_description"]);
    Framework::new(load.value).unwrap();
    // As groups: the sub-themes are groups under their themes, described.
    let groups = load_kcm(
        FLAT,
        &KcmOptions::default().sub_themes(KcmSubThemes::Groups),
    )
    .unwrap()
    .value;
    assert!(groups.competencies.is_empty());
    let subs: Vec<&str> = (groups.groups.iter())
        .filter(|g| g.kind == GroupKind::SubTheme)
        .map(|g| g.id.as_str())
        .collect();
    assert_eq!(subs, want.iter().map(String::as_str).collect::<Vec<_>>());
}

/// igot/33: an entry without a sub-theme is set aside named by the platform's id; a theme
/// described otherwise than before is noted; a sub-theme listed twice is set aside.
#[test]
fn flat_entries_with_problems_are_named_by_their_identifier() {
    let json = FLAT
        .replacen(r#""sub_theme": "Self Confidence","#, r#""sub_theme": "","#, 1)
        .replacen(
            r#""sub_theme": "PFMS Portal Management","#,
            r#""sub_theme": "Government accounts","#,
            1,
        )
        .replacen("Develops proficiency in handling PFMS (Public Financial Management System).\",\n    \"sub_theme\": \"Financial Management\"", "\",\n    \"sub_theme\": \"Financial Management\"", 1);
    let load = load_kcm(&json, &KcmOptions::default()).unwrap();
    let entries = |list: &[karmayogi::IgotEntry]| -> Vec<(String, String, String)> {
        list.iter()
            .map(|e| (e.path.clone(), e.id.clone(), e.what.to_string()))
            .collect()
    };
    let accounts = kcm_id(&["Functional", "Financial Management", "Government accounts"]);
    assert_eq!(
        entries(&load.report.set_aside),
        [
            (
                "$[1]".to_owned(),
                "BEH-002".to_owned(),
                "`sub_theme` is blank".to_owned()
            ),
            (
                "$[3].sub_theme".to_owned(),
                accounts,
                "repeats an earlier id; the first is kept".to_owned()
            ),
        ]
    );
    // The sub-theme repeated under another `competency_id` (FUN-070 after FUN-069) is
    // noted at that field too (igot/41).
    assert_eq!(
        entries(&load.report.notes),
        [
            (
                "$[3].competency_id".to_owned(),
                kcm_id(&["Functional", "Financial Management", "Government accounts"]),
                "met again with another `competency_id`; the first is kept".to_owned()
            ),
            (
                "$[4]".to_owned(),
                "kcm:Functional/Financial Management".to_owned(),
                "met again with another `theme_description`; the first is kept".to_owned()
            )
        ]
    );
    assert_eq!(load.value.competencies.len(), 3);
}

/// igot/33: the flat export given to the other loaders was loaded as empty; it is now
/// refused as the KCM dictionary, which `DocumentKind::of_json` tells.
#[test]
fn the_flat_kcm_export_is_refused_by_the_other_loaders() {
    assert_eq!(
        DocumentKind::of_json(FLAT),
        Some(DocumentKind::KcmDictionary)
    );
    let kcm = Framework::new(load_kcm(NESTED, &KcmOptions::default()).unwrap().value).unwrap();
    let errors = [
        load_position_master(FLAT).map(|_| ()),
        load_igot_profile(FLAT).map(|_| ()),
        load_frac_positions(FLAT, &FracOptions::default()).map(|_| ()),
        load_igot_courses(FLAT, &kcm, &IgotCourseOptions::default()).map(|_| ()),
    ];
    for result in errors {
        let errors = result.unwrap_err();
        assert!(
            matches!(
                errors.as_slice(),
                [Error::DocumentOfAnotherKind {
                    found: DocumentKind::KcmDictionary,
                    ..
                }]
            ),
            "{errors:?}"
        );
    }
}

/// A list none of whose entries is a record a loader reads (another program's entries, or
/// no objects at all) is refused naming the fields found, never loaded as empty; a list
/// with one record is read, and `[]` is an empty load.
#[test]
fn lists_of_no_record_a_loader_reads_are_refused() {
    let kcm = Framework::new(load_kcm(NESTED, &KcmOptions::default()).unwrap().value).unwrap();
    let load = |json: &str| -> Vec<Result<(), karmayogi::Errors>> {
        vec![
            load_kcm(json, &KcmOptions::default()).map(|_| ()),
            load_position_master(json).map(|_| ()),
            load_igot_profile(json).map(|_| ()),
            load_frac_positions(json, &FracOptions::default()).map(|_| ()),
            load_igot_courses(json, &kcm, &IgotCourseOptions::default()).map(|_| ()),
        ]
    };
    let documents = [
        "kcm dictionary",
        "position master list",
        "igot profile competencies",
        "frac positions",
        "igot course records",
    ];
    let other = r#"[{"setting": "theme", "value": "dark"}, {"setting": "font"}]"#;
    for (result, document) in load(other).into_iter().zip(documents) {
        match result.unwrap_err().as_slice() {
            [
                Error::IgotUnreadEntries {
                    document: d,
                    path,
                    entries,
                    fields,
                    expected,
                },
            ] => {
                assert_eq!(*d, document);
                assert_eq!(path, "$");
                assert_eq!(*entries, 2);
                assert_eq!(fields, &["setting", "value"]);
                assert!(!expected.is_empty());
            }
            other => panic!("{document}: {other:?}"),
        }
    }
    for (result, document) in load("[1, \"x\"]").into_iter().zip(documents) {
        let errors = result.unwrap_err();
        assert!(
            matches!(errors.as_slice(), [Error::IgotUnreadEntries { fields, .. }] if fields.is_empty()),
            "{document}: {errors:?}"
        );
        assert!(
            errors.to_string().contains("no entry is an object"),
            "{errors}"
        );
    }
    let message = load_position_master(other).unwrap_err().as_slice()[0].to_string();
    assert_eq!(
        message,
        "position master list at `$`: none of its 2 entries is a record holding `id`, `name`, \
         `description`; the entries hold `setting`, `value`"
    );
    // Wrapped lists are checked where the records are.
    let wrapped = r#"{"positions": [{"setting": "theme"}]}"#;
    assert!(matches!(
        load_position_master(wrapped).unwrap_err().as_slice(),
        [Error::IgotUnreadEntries { path, .. }] if path == "$.positions"
    ));
    // One record among other entries: read, the others set aside and reported.
    let some = r#"[{"setting": "theme"}, {"id": "PID1", "name": "ACCOUNTANT"}]"#;
    let master = load_position_master(some).unwrap();
    assert_eq!(master.value.positions().len(), 1);
    assert_eq!(master.report.set_aside.len(), 1);
    for result in load("[]") {
        result.unwrap();
    }
}

/// A KCM area or theme whose list of themes or sub-themes holds another type was reported
/// set aside while its group stayed in the result; it is now absent. An area that is not
/// Behavioural, Functional or Domain keeps its groups, and each of its sub-themes is set
/// aside by its own path and id (the area itself was named, though kept).
#[test]
fn kcm_entries_set_aside_are_absent_from_the_result() {
    let json = r#"[
      {"name": "Behavioural", "competency_theme": "Self-Awareness"},
      {"name": "Functional", "competency_theme": [
        {"name": "Financial Management", "competency_sub_theme": "Government accounts"},
        {"name": "Data Analytics", "competency_sub_theme": ["Data Management"]}]},
      {"name": "Leadership", "competency_theme": [
        {"name": "Vision", "competency_sub_theme": ["Forward thinking", "Strategy"]}]}
    ]"#;
    let load = load_kcm(json, &KcmOptions::default()).unwrap();
    let set_aside: Vec<(&str, &str)> = (load.report.set_aside.iter())
        .map(|e| (e.path.as_str(), e.id.as_str()))
        .collect();
    assert_eq!(
        set_aside,
        [
            ("$[0]", "kcm:Behavioural"),
            (
                "$[1].competency_theme[0]",
                "kcm:Functional/Financial Management"
            ),
            (
                "$[2].competency_theme[0].competency_sub_theme[0]",
                "kcm:Leadership/Vision/Forward thinking"
            ),
            (
                "$[2].competency_theme[0].competency_sub_theme[1]",
                "kcm:Leadership/Vision/Strategy"
            ),
        ]
    );
    let groups: Vec<&str> = load.value.groups.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(
        groups,
        [
            "kcm:Functional",
            "kcm:Functional/Data Analytics",
            "kcm:Leadership",
            "kcm:Leadership/Vision"
        ]
    );
    let kept: Vec<&str> = (load.value.competencies.iter())
        .map(|c| c.id.as_str())
        .chain(groups.iter().copied())
        .collect();
    for entry in &load.report.set_aside {
        assert!(!kept.contains(&entry.id.as_str()), "{entry:?}");
    }
    assert_eq!(
        load.report.set_aside[2].what.to_string(),
        "area `Leadership` is not Behavioural, Functional or Domain: no competency type for \
         its sub-themes"
    );
}
