//! The iGOT loaders' number, type and name checks where they were first missed
//! (igot/27–29): a course duration nearer 0 than a double holds, named as written rather
//! than read as 0 hours; a KCM theme's sub-themes that differ only in letter case; a FRAC
//! node's `status` or `type` of another JSON type.

use karmayogi::{
    Error, FracOptions, Framework, IgotCourseOptions, IgotEntry, IgotWhat, KcmOptions,
    KcmSubThemes, ReviewStatus, load_frac_positions, load_igot_courses, load_kcm,
};

const KCM_CASE: &str = include_str!("../data/cases/igot/28-kcm-names-apart-from-case.json");
const FRAC_TYPES: &str =
    include_str!("../data/cases/igot/29-frac-status-and-type-of-another-type.json");
const NEAR_ZERO: &str =
    include_str!("../data/cases/igot/27-courses-duration-nearer-zero-than-a-double.json");

/// The real KCM dictionary, which course tags name.
fn kcm() -> Framework {
    let json = include_str!("../../data/igot/kcm_competencies.json");
    Framework::new(load_kcm(json, &KcmOptions::default()).unwrap().value).unwrap()
}

/// igot/27: a duration written `1e-400` was read as 0 seconds and the course set aside as
/// "0 hours"; the document is now refused as the framework reader refuses such a number,
/// naming it as written with its place.
#[test]
fn a_duration_nearer_zero_than_a_double_is_named_as_written() {
    let errors = load_igot_courses(NEAR_ZERO, &kcm(), &IgotCourseOptions::default()).unwrap_err();
    assert_eq!(errors.as_slice().len(), 1);
    match &errors.as_slice()[0] {
        Error::Json {
            line,
            path,
            id,
            message,
            ..
        } => {
            assert_eq!(*line, 3);
            assert_eq!(path, "[1].duration");
            // The place names the record; JSON errors carry an `id` field's value only.
            assert_eq!(id.as_deref(), None);
            assert!(message.contains("`1e-400` is not 0"), "{message}");
        }
        other => panic!("not a JSON error: {other}"),
    }
    // A small number a double holds is read, as the number it is, and set aside as hours
    // below the smallest held (igot/30), with the duration as written.
    let smallest = load_igot_courses(
        &NEAR_ZERO.replace("1e-400", "1e-300"),
        &kcm(),
        &IgotCourseOptions::default(),
    )
    .unwrap();
    assert_eq!(smallest.value.len(), 1);
    assert_eq!(
        smallest.report.set_aside[0].what,
        IgotWhat::HoursOutOfRange {
            duration: "1e-300".to_owned(),
            hours: 1e-300 / 3600.0
        }
    );
    // Written as text, the record is set aside as a number nearer 0 than a double holds.
    let text = load_igot_courses(
        &NEAR_ZERO.replace("1e-400", "\" 1e-400\""),
        &kcm(),
        &IgotCourseOptions::default(),
    )
    .unwrap();
    assert_eq!(text.value.len(), 1);
    let entry = &text.report.set_aside[0];
    assert_eq!((entry.path.as_str(), entry.id.as_str()), ("$[1]", "do_2"));
    assert_eq!(
        entry.what.to_string(),
        "`duration` is a number nearer 0 than a double holds (about 5e-324): expected seconds"
    );
    // `0e-400` is 0 as written: a course of 0 hours, as before (a JSON number is named in
    // its shortest form).
    let zero = load_igot_courses(
        &NEAR_ZERO.replace("1e-400", "0e-400"),
        &kcm(),
        &IgotCourseOptions::default(),
    )
    .unwrap();
    assert!(matches!(
        zero.report.set_aside[0].what,
        IgotWhat::HoursOutOfRange { ref duration, hours } if duration == "0.0" && hours == 0.0
    ));
}

/// igot/28: the KCM's ids are made of its names, so sub-themes (or themes) whose names
/// differ only in letter case became two competencies (or groups) with nothing said; each
/// after the first is now noted with the whole set, both kept, as the other loaders note
/// ids that look alike.
#[test]
fn kcm_names_apart_from_case_are_noted_as_lookalike_ids() {
    let theme = "$[0].competency_theme";
    let analysis = [
        "kcm:Behavioural/Self-Awareness/Self-Analysis",
        "kcm:Behavioural/Self-Awareness/self-analysis",
    ];
    let themes = [
        "kcm:Behavioural/Self-Awareness",
        "kcm:Behavioural/self-awareness",
    ];
    for sub_themes in [KcmSubThemes::Competencies, KcmSubThemes::Groups] {
        let options = KcmOptions::default().sub_themes(sub_themes);
        let load = load_kcm(KCM_CASE, &options).unwrap();
        let notes: Vec<(&str, &str, &IgotWhat)> = load
            .report
            .notes
            .iter()
            .map(|e| (e.path.as_str(), e.id.as_str(), &e.what))
            .collect();
        let lookalike = |ids: [&str; 2]| IgotWhat::LookalikeIds {
            ids: ids.iter().map(|&i| i.to_owned()).collect(),
            other_script: vec![],
        };
        let sub = format!("{theme}[0].competency_sub_theme[1]");
        let second = format!("{theme}[1]");
        assert_eq!(
            notes,
            [
                (sub.as_str(), analysis[1], &lookalike(analysis)),
                (second.as_str(), themes[1], &lookalike(themes)),
            ],
            "{sub_themes:?}"
        );
        assert!(load.report.set_aside.is_empty());
        // Both kept, each under its own id.
        let spec = serde_json::to_value(&load.value).unwrap();
        let written = spec.to_string();
        for id in analysis.iter().chain(&themes) {
            assert!(written.contains(&format!("\"{id}\"")), "{id} kept");
        }
    }
    // Names written alike in case are not noted.
    let one_case = KCM_CASE.replace("self-analysis", "Self-Assessment");
    let one_case = one_case.replace("self-awareness", "Self-Management");
    let load = load_kcm(&one_case, &KcmOptions::default()).unwrap();
    assert!(load.report.notes.is_empty(), "{:?}", load.report.notes);
}

/// igot/29: a FRAC node's `status` or `type` of another JSON type was read as absent, so
/// the node was reported as not verified (status `""`) or of no place (type `""`); it is
/// now reported as of the wrong type, naming the field and the type found. A node
/// without a state is still not verified.
#[test]
fn frac_status_and_type_of_another_type_are_named_as_such() {
    let load = load_frac_positions(FRAC_TYPES, &FracOptions::default()).unwrap();
    let entries = |list: &[IgotEntry]| -> Vec<(String, String, String)> {
        list.iter()
            .map(|e| (e.path.clone(), e.id.clone(), e.what.to_string()))
            .collect()
    };
    let role = "$.responseData[0].children[0]";
    let want = |list: &[(&str, &str, &str)]| -> Vec<(String, String, String)> {
        list.iter()
            .map(|(p, i, w)| ((*p).to_owned(), (*i).to_owned(), (*w).to_owned()))
            .collect()
    };
    assert_eq!(
        entries(&load.report.set_aside),
        want(&[
            (
                &format!("{role}.children[0].children[1]"),
                "CLID32",
                "`type` is an array: expected a string"
            ),
            (
                &format!("{role}.children[1]"),
                "AID2",
                "`type` is an integer: expected a string"
            ),
            (
                "$.responseData[0].children[1]",
                "RID4",
                "`status` is an integer: expected a string"
            ),
            (
                "$.responseData[1]",
                "PID9",
                "review state \"\" is not VERIFIED: only verified mappings count"
            ),
        ])
    );
    assert_eq!(
        entries(&load.report.notes),
        want(&[(
            &format!("{role}.children[0]"),
            "CID9",
            "`status` is a boolean: expected a string"
        )])
    );
    // The competency is kept as a draft, as one without a state is.
    let role = &load.value.roles[0];
    assert_eq!(role.requires[0].status, ReviewStatus::Draft);
}
