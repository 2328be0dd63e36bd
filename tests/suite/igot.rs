//! The iGOT Karmayogi platform's data shapes: the real files in `data/igot` (the KCM
//! dictionary, the position master list, real course records with `competencies_v5` tags)
//! and hand-written fixtures of each generation in `tests/data/igot` (FRAC-era positions
//! and `competencies_v3` course tags, `competencies_v5` and `competencies_v6` tags, profile
//! competencies, a master list), each load asserted whole: what was built and every entry
//! of the report.
//!
//! Expected counts on the real files are read here from the JSON values, without the
//! loaders.

use std::collections::{BTreeMap, BTreeSet};

use karmayogi::{
    Cohort, CompetencyType, DocumentKind, Error, Evidence, EvidenceSource, FracOptions, Framework,
    FrameworkSpec, GroupKind, IgotCourseOptions, IgotWhat, KcmOptions, KcmSubThemes, KcmTagKey,
    LevelPolicy, OfficerSpec, PositionMatch, ReviewStatus, RollupOptions, kcm_id,
    load_frac_positions, load_igot_courses, load_igot_profile, load_kcm, load_position_master,
};
use serde_json::Value;

use crate::support::case_export;

/// A course as compared here: id, hours, and (competency, level) per outcome.
type Course<'a> = (&'a str, f64, Vec<(&'a str, Option<u8>)>);

fn data(path: &str) -> String {
    let full = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

/// `(path, id, what)` of report entries, for whole-list comparisons.
fn entries(list: &[karmayogi::IgotEntry]) -> Vec<(String, String, String)> {
    list.iter()
        .map(|e| (e.path.clone(), e.id.clone(), e.what.to_string()))
        .collect()
}

fn kcm_framework() -> Framework {
    let kcm = load_kcm(
        &data("data/igot/kcm_competencies.json"),
        &KcmOptions::default(),
    )
    .unwrap();
    Framework::new(kcm.value).unwrap()
}

// ---------------------------------------------------------------------------------------
// The KCM dictionary (real)
// ---------------------------------------------------------------------------------------

#[test]
fn the_real_kcm_loads_with_identity_intact() {
    let text = data("data/igot/kcm_competencies.json");
    let raw: Value = serde_json::from_str(&text).unwrap();
    let areas = raw.as_array().unwrap();
    let themes: Vec<&Value> = areas
        .iter()
        .flat_map(|a| a["competency_theme"].as_array().unwrap())
        .collect();
    let subs: usize = themes
        .iter()
        .map(|t| t["competency_sub_theme"].as_array().unwrap().len())
        .sum();
    assert_eq!((areas.len(), themes.len(), subs), (2, 35, 112));

    let kcm = load_kcm(&text, &KcmOptions::default()).unwrap();
    assert!(kcm.report.set_aside.is_empty() && kcm.report.notes.is_empty());
    assert!(kcm.report.ignored_fields.is_empty());
    let spec = &kcm.value;
    assert_eq!(spec.groups.len(), 2 + 35);
    assert_eq!(spec.competencies.len(), 112);
    let names: BTreeSet<&str> = spec.competencies.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names.len(), 110, "two names repeat under different themes");

    let fw = Framework::new(spec.clone()).unwrap();
    // The two "Research & Need Analysis" and the two "Data Use and Governance" stay
    // distinct competencies, each in its own theme.
    for (name, themes) in [
        (
            "Research & Need Analysis",
            ["Government Program Formulation", "Policy Architecture"],
        ),
        (
            "Data Use and Governance",
            ["Data Analytics", "Data Protection"],
        ),
    ] {
        let found: Vec<&str> = fw
            .competencies()
            .iter()
            .filter(|c| c.name == name)
            .map(|c| c.id.as_str())
            .collect();
        let expected: Vec<String> = themes
            .iter()
            .map(|t| kcm_id(&["Functional", t, name]))
            .collect();
        assert_eq!(found, expected);
        for (id, theme) in found.iter().zip(themes) {
            let groups = fw.groups_of(id).unwrap();
            assert_eq!(groups[0].as_str(), kcm_id(&["Functional", theme]));
        }
    }
    // The theme "Financial Management" and its sub-theme of the same name are a group and
    // a competency, with different ids.
    let theme = fw
        .group(&kcm_id(&["Functional", "Financial Management"]))
        .unwrap();
    assert_eq!(
        (theme.kind, theme.parents[0].as_str()),
        (GroupKind::Theme, "kcm:Functional")
    );
    assert_eq!(fw.members(theme.id.as_str()).unwrap().len(), 5);
    let sub = kcm_id(&["Functional", "Financial Management", "Financial Management"]);
    assert_eq!(
        fw.competency(&sub).unwrap().kind,
        CompetencyType::Functional
    );
    // Names with `/` are escaped in ids, never split.
    assert!(
        fw.competency("kcm:Functional/Policy Architecture/Policy design%2F amendment")
            .is_some()
    );

    // Sub-themes as groups: 2 + 35 + 112 groups, the duplicate names still distinct.
    let groups = load_kcm(
        &text,
        &KcmOptions::default().sub_themes(KcmSubThemes::Groups),
    )
    .unwrap();
    let fw = Framework::new(groups.value).unwrap();
    assert_eq!(fw.groups().len(), 149);
    let research: Vec<&str> = fw
        .groups()
        .iter()
        .filter(|g| g.name == "Research & Need Analysis")
        .map(|g| g.id.as_str())
        .collect();
    assert_eq!(research.len(), 2);
    assert!(
        fw.groups()
            .iter()
            .filter(|g| g.kind == GroupKind::SubTheme)
            .count()
            == 112
    );
}

#[test]
fn kcm_problems_are_set_aside_and_noted() {
    let json = r#"[
      {"name": "Behavioural", "icon": "b.svg", "competency_theme": [
        {"name": "Self-Awareness ", "competency_sub_theme": ["Self-Analysis", "Self-Analysis", 7, " "]},
        {"competency_sub_theme": ["Orphan"]}]},
      {"name": "Leadership", "competency_theme": [
        {"name": "Vision", "competency_sub_theme": ["Forward thinking"]}]},
      {"name": "Behavioural", "competency_theme": "none"},
      "Functional"
    ]"#;
    let kcm = load_kcm(json, &KcmOptions::default()).unwrap();
    let ids: Vec<&str> = kcm
        .value
        .competencies
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(ids, ["kcm:Behavioural/Self-Awareness /Self-Analysis"]);
    assert_eq!(
        entries(&kcm.report.set_aside),
        [
            ("$[0].competency_theme[0].competency_sub_theme[1]".into(), "kcm:Behavioural/Self-Awareness /Self-Analysis".into(), "repeats an earlier id; the first is kept".into()),
            ("$[0].competency_theme[0].competency_sub_theme[2]".into(), String::new(), "`sub-theme` is an integer: expected a string".into()),
            ("$[0].competency_theme[0].competency_sub_theme[3]".into(), String::new(), "`sub-theme` is blank".into()),
            ("$[0].competency_theme[1]".into(), String::new(), "no `name`".into()),
            ("$[1].competency_theme[0].competency_sub_theme[0]".into(), "kcm:Leadership/Vision/Forward thinking".into(), "area `Leadership` is not Behavioural, Functional or Domain: no competency type for its sub-themes".into()),
            ("$[2]".into(), "kcm:Behavioural".into(), "`competency_theme` is a string: expected an array".into()),
            ("$[3]".into(), String::new(), "`area` is a string: expected an object".into()),
        ]
    );
    assert_eq!(
        entries(&kcm.report.notes),
        [(
            "$[0].competency_theme[0]".into(),
            "kcm:Behavioural/Self-Awareness ".into(),
            "name with trailing whitespace, kept as written".into()
        ),]
    );
    assert_eq!(kcm.report.ignored_fields[0].field, "area.icon");
    // The groups of the unknown area still exist; the spec builds.
    Framework::new(kcm.value).unwrap();
    // Shapes that are not a dictionary are errors.
    let e = load_kcm(r#"{"name": "Behavioural"}"#, &KcmOptions::default()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "1 problem found:\n  - kcm dictionary at `$`: found an object, expected an array of areas"
    );
    assert_eq!(e.as_slice()[0].code(), "igot_shape");
    let e = load_kcm(r#"[{"name": "A", "name": "B"}]"#, &KcmOptions::default()).unwrap_err();
    assert_eq!(e.as_slice()[0].code(), "json");
}

/// Names copied from spreadsheets and web pages carry a no-break space at an end, a tab
/// or a zero-width space: the dictionary loads, its ids escape those characters so the
/// framework validates, each name is kept as written and noted, and course tags written
/// with the same names find their sub-themes.
#[test]
fn kcm_names_with_hidden_characters_load_and_tags_find_them() {
    let json = r#"[{"name": "Functional", "competency_theme": [
        {"name": "Policy\u00a0", "competency_sub_theme": ["Drafting\u200b", "Drafting", "Re\tview"]}]}]"#;
    let kcm = load_kcm(json, &KcmOptions::default()).unwrap();
    let ids: Vec<String> = kcm
        .value
        .competencies
        .iter()
        .map(|c| c.id.to_string())
        .collect();
    assert_eq!(
        ids,
        [
            "kcm:Functional/Policy%C2%A0/Drafting%E2%80%8B",
            "kcm:Functional/Policy%C2%A0/Drafting",
            "kcm:Functional/Policy%C2%A0/Re%09view",
        ]
    );
    assert_eq!(
        ids[0],
        kcm_id(&["Functional", "Policy\u{a0}", "Drafting\u{200b}"])
    );
    let names: Vec<&str> = kcm
        .value
        .competencies
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["Drafting\u{200b}", "Drafting", "Re\tview"]);
    assert!(kcm.report.set_aside.is_empty());
    assert_eq!(
        entries(&kcm.report.notes),
        [
            (
                "$[0].competency_theme[0]".into(),
                "kcm:Functional/Policy%C2%A0".into(),
                "name with trailing, hidden whitespace, kept as written".into()
            ),
            (
                "$[0].competency_theme[0].competency_sub_theme[0]".into(),
                ids[0].clone(),
                "name with hidden whitespace, kept as written".into()
            ),
            (
                "$[0].competency_theme[0].competency_sub_theme[2]".into(),
                ids[2].clone(),
                "name with repeated, hidden whitespace, kept as written".into()
            ),
        ]
    );
    let fw = Framework::new(kcm.value).unwrap();
    let course = r#"[{"identifier": "do_1", "name": "Drafting notes", "duration": "3600", "competencies_v5": [
        {"competencyArea": "Functional", "competencyTheme": "Policy\u00a0",
         "competencySubTheme": "Drafting\u200b"}]}]"#;
    let load = load_igot_courses(course, &fw, &IgotCourseOptions::default()).unwrap();
    assert!(!load.value.is_empty(), "{:?}", load.report);
    let tagged: Vec<&str> = load.value[0]
        .provides
        .iter()
        .map(|o| o.competency.as_str())
        .collect();
    assert_eq!(tagged, [ids[0].as_str()]);
}

// ---------------------------------------------------------------------------------------
// Course records
// ---------------------------------------------------------------------------------------

#[test]
fn the_real_v5_course_records_load_against_the_real_kcm() {
    let raw: Value =
        serde_json::from_str(&data("data/igot/igot_sample_courses_kcm_v5.json")).unwrap();
    let records = raw["default_courses"].to_string();
    let tags: usize = raw["default_courses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["competencies_v5"].as_array().unwrap().len())
        .sum();
    assert_eq!(tags, 18);
    let fw = kcm_framework();
    // The extract carries no duration.
    let none = load_igot_courses(&records, &fw, &IgotCourseOptions::default()).unwrap();
    assert!(none.value.is_empty());
    assert_eq!(none.report.set_aside.len(), 4);
    let load = load_igot_courses(
        &records,
        &fw,
        &IgotCourseOptions::default().hours_when_missing(1.0),
    )
    .unwrap();
    let outcomes: Vec<(&str, usize)> = load
        .value
        .iter()
        .map(|c| (c.id.as_str(), c.provides.len()))
        .collect();
    assert_eq!(
        outcomes,
        [
            ("do_1138113442611445761187", 5),
            ("do_1141534070151987201679", 8),
            ("do_113569878939262976132", 1),
            ("do_11359618144357580811", 1),
        ]
    );
    // 15 of the 18 tags name a KCM sub-theme; the three Domain tags name sub-themes the
    // dictionary does not hold (domain competencies are each department's own).
    let unknown: Vec<String> = load
        .report
        .set_aside
        .iter()
        .map(|e| match &e.what {
            IgotWhat::UnknownCompetency { key, .. } => key.clone(),
            other => panic!("{other}"),
        })
        .collect();
    assert_eq!(
        unknown,
        [
            "kcm:Domain/Innovation Management/Innovation Management",
            "kcm:Domain/Public Sector Transformation and Innovation/Public Sector Transformation and Innovation",
            "kcm:Domain/Strategic Service Excellence/Strategic Service Excellence",
        ]
    );
    assert!(
        load.value
            .iter()
            .flat_map(|c| &c.provides)
            .all(|o| o.level.is_none())
    );
    // Four assumed durations and the misspelt keys of the record that has them.
    let notes = entries(&load.report.notes);
    assert_eq!(notes.len(), 5);
    assert!(notes.contains(&(
        "$[1]".into(),
        "do_1141534070151987201679".into(),
        "read the platform's misspelt keys competecnySubThemeDescription, competecnyThemeDescription".into()
    )));
    let ignored: BTreeMap<&str, u64> = load
        .report
        .ignored_fields
        .iter()
        .map(|f| (f.field.as_str(), f.count))
        .collect();
    assert_eq!(ignored, BTreeMap::from([("course.objectType", 4)]));
    // The courses join the framework.
    let mut spec = fw.to_spec();
    spec.courses = load.value;
    Framework::new(spec).unwrap();
}

#[test]
fn v5_fixture_matches_by_names_with_whitespace_said() {
    let fw = kcm_framework();
    let load = load_igot_courses(
        &data("tests/data/igot/courses_v5.json"),
        &fw,
        &IgotCourseOptions::default(),
    )
    .unwrap();
    let courses: Vec<(&str, f64, Vec<&str>)> = load
        .value
        .iter()
        .map(|c| {
            (
                c.id.as_str(),
                c.hours,
                c.provides.iter().map(|o| o.competency.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        courses,
        [
            (
                "do_1141534070151987201679",
                0.75,
                vec![
                    "kcm:Behavioural/Strategic Leadership/Global mindset",
                    "kcm:Functional/Government Program Formulation/Research & Need Analysis",
                ]
            ),
            (
                "do_11359618144357580811",
                1.5,
                vec!["kcm:Functional/Vigilance Administration/Conduct Rules"]
            ),
        ]
    );
    assert_eq!(
        entries(&load.report.set_aside),
        [
            ("$[0].competencies_v5[2]".into(), "do_1141534070151987201679".into(), "no competency `kcm:Domain/Innovation Management/Innovation Management` in the framework".into()),
            ("$[1].competencies_v5[1]".into(), "do_11359618144357580811".into(), "the competency is tagged again (no level); the highest level is kept".into()),
            ("$[1].competencies_v5[2]".into(), "do_11359618144357580811".into(), "no `competencySubTheme`".into()),
        ]
    );
    assert_eq!(
        entries(&load.report.notes),
        [
            ("$[0]".into(), "do_1141534070151987201679".into(), "read the platform's misspelt keys competecnySubThemeDescription, competecnyThemeDescription".into()),
            ("$[1].competencies_v5[0]".into(), "do_11359618144357580811".into(), "\"kcm:Functional/Vigilance  Administration/Conduct Rules\\u{20}\" matched `kcm:Functional/Vigilance Administration/Conduct Rules` ignoring whitespace".into()),
        ]
    );
}

#[test]
fn v6_fixture_keeps_the_two_data_use_and_governance_apart() {
    let fw = kcm_framework();
    let text = data("tests/data/igot/courses_v6.json");
    let load = load_igot_courses(&text, &fw, &IgotCourseOptions::default()).unwrap();
    let provides: Vec<Vec<&str>> = load
        .value
        .iter()
        .map(|c| c.provides.iter().map(|o| o.competency.as_str()).collect())
        .collect();
    assert_eq!(
        provides,
        [
            vec!["kcm:Functional/Administration Matters/Handling Allowances & Reimbursement"],
            vec![
                "kcm:Functional/Data Analytics/Data Use and Governance",
                "kcm:Functional/Data Protection/Data Use and Governance",
            ],
        ]
    );
    assert_eq!(
        entries(&load.report.set_aside),
        [
            ("$[0].competencies_v6[1]".into(), "do_114245613526".into(), "no competency `kcm:Domain/Adherence to Vigilance Guidelines/Adherence to Vigilance Guidelines` in the framework".into()),
            ("$[1].competencies_v6[0]".into(), "do_114245613527".into(), "the competency is tagged again (no level); the highest level is kept".into()),
        ]
    );
    // Keyed by the platform's identifiers or ref ids, the tags name competencies a
    // framework with the platform's ids would hold; the KCM file has none.
    for (key, first) in [
        (
            KcmTagKey::Identifiers,
            "kcmfinal_fw_subtheme_35bf9d51-7299-45a5-ad99-1f7c7db1e4ba",
        ),
        (KcmTagKey::RefIds, "COMSUBTHEME-000276"),
    ] {
        let load = load_igot_courses(&text, &fw, &IgotCourseOptions::default().key(key)).unwrap();
        match &load.report.set_aside[0].what {
            IgotWhat::UnknownCompetency { key, .. } => assert_eq!(key, first),
            other => panic!("{other}"),
        }
        assert!(load.value.iter().all(|c| c.provides.is_empty()));
    }
}

/// The FRAC fixture, loaded with a default department for the position that names none.
fn frac() -> karmayogi::IgotLoad<FrameworkSpec> {
    let options = FracOptions::default().department("Department of Posts");
    load_frac_positions(&data("tests/data/igot/frac_positions.json"), &options).unwrap()
}

#[test]
fn v3_fixture_reads_level_n_against_a_frac_dictionary() {
    let fw = Framework::new(frac().value).unwrap();
    let text = data("tests/data/igot/courses_v3.json");
    let load = load_igot_courses(&text, &fw, &IgotCourseOptions::default()).unwrap();
    let courses: Vec<Course<'_>> = load
        .value
        .iter()
        .map(|c| {
            (
                c.id.as_str(),
                c.hours,
                c.provides
                    .iter()
                    .map(|o| (o.competency.as_str(), o.level))
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        courses,
        [
            (
                "do_113210487456",
                4.5,
                vec![("CID12", Some(2)), ("CID9", Some(3))]
            ),
            ("do_113210487457", 2.0, vec![("CID12", None)]),
        ]
    );
    assert_eq!(
        entries(&load.report.set_aside),
        [
            ("$.result.content[1].competencies_v3[0]".into(), "do_113210487457".into(), "`selectedLevelLevel` is `Level three`: expected `Level N`, a whole number, a Roman numeral (`III`, `Level III`) or a level name".into()),
            ("$.result.content[1].competencies_v3[1]".into(), "do_113210487457".into(), "no competency `CID99` in the framework (did you mean `CID9`?)".into()),
            ("$.result.content[1].competencies_v3[2]".into(), "do_113210487457".into(), "level 6 is outside 1 to 4".into()),
            ("$.result.content[2]".into(), "do_113210487458".into(), "no duration, and no hours to assume".into()),
            ("$.result.content[3]".into(), "do_113210487456".into(), "repeats an earlier id; the first is kept".into()),
        ]
    );
    // With hours assumed, the course without a duration comes in, its repeated tag said.
    let load = load_igot_courses(
        &text,
        &fw,
        &IgotCourseOptions::default().hours_when_missing(2.0),
    )
    .unwrap();
    let savings = load
        .value
        .iter()
        .find(|c| c.id.as_str() == "do_113210487458")
        .unwrap();
    assert_eq!((savings.hours, savings.provides[0].level), (2.0, Some(3)));
    assert!(entries(&load.report.set_aside).contains(&(
        "$.result.content[2].competencies_v3[0]".into(),
        "do_113210487458".into(),
        "the competency is tagged again (level 2); the highest level is kept".into()
    )));
    assert_eq!(
        load_igot_courses(
            &text,
            &fw,
            &IgotCourseOptions::default().hours_when_missing(0.0)
        )
        .unwrap_err()
        .as_slice()[0]
            .code(),
        "invalid_option"
    );
}

// ---------------------------------------------------------------------------------------
// FRAC-era positions, profiles, the master list
// ---------------------------------------------------------------------------------------

#[test]
#[allow(clippy::too_many_lines)] // one load, asserted whole
fn frac_fixture_counts_only_verified_mappings() {
    let load = frac();
    let spec = &load.value;
    let ids = |v: Vec<&str>| v.into_iter().map(str::to_owned).collect::<Vec<_>>();
    assert_eq!(
        ids(spec.positions.iter().map(|p| p.id.as_str()).collect()),
        ["PID11", "PID7", "PID9"]
    );
    assert_eq!(
        ids(spec.roles.iter().map(|r| r.id.as_str()).collect()),
        ["RID3", "RID5"]
    );
    assert_eq!(
        ids(spec.activities.iter().map(|a| a.id.as_str()).collect()),
        ["AID11"]
    );
    assert_eq!(
        ids(spec.competencies.iter().map(|c| c.id.as_str()).collect()),
        ["CID12", "CID21", "CID22", "CID4", "CID9"]
    );
    let rid3 = &spec.roles[0];
    let reqs: Vec<(&str, u8, ReviewStatus)> = rid3
        .requires
        .iter()
        .map(|r| (r.competency.as_str(), r.level, r.status))
        .collect();
    assert_eq!(
        reqs,
        [
            ("CID12", 4, ReviewStatus::Verified),
            ("CID4", 2, ReviewStatus::Draft)
        ]
    );
    let cid9 = spec
        .competencies
        .iter()
        .find(|c| c.id.as_str() == "CID9")
        .unwrap();
    assert_eq!(cid9.levels.len(), 4);
    assert_eq!(cid9.area.as_deref(), Some("Finance"));
    assert_eq!(cid9.levels[2].name.as_deref(), Some("Advanced"));
    assert_eq!(
        entries(&load.report.set_aside),
        [
            (
                "$.responseData[0].children[0].children[0].children[0]".into(),
                "KRID2".into(),
                "a `KNOWLEDGERESOURCE` node has no place here".into()
            ),
            (
                "$.responseData[0].children[0].children[3]".into(),
                "CID15".into(),
                "review state `REJECTED` is not VERIFIED: only verified mappings count".into()
            ),
            (
                "$.responseData[0].children[0].children[4].level".into(),
                "CID9".into(),
                "level 5 is outside 1 to 4".into()
            ),
            (
                "$.responseData[0].children[0].children[5].level".into(),
                "CID21".into(),
                "`level` is `Advanced`: expected `Level N`, a whole number, a Roman numeral (`III`, `Level III`) or a level name".into()
            ),
            (
                "$.responseData[0].children[0].children[6].level".into(),
                "CID22".into(),
                "no level".into()
            ),
            (
                "$.responseData[0].children[1].children[1]".into(),
                "AID14".into(),
                "review state `DRAFT` is not VERIFIED: only verified mappings count".into()
            ),
            (
                "$.responseData[0].children[2]".into(),
                "RID8".into(),
                "review state `UNVERIFIED` is not VERIFIED: only verified mappings count".into()
            ),
            (
                "$.responseData[3]".into(),
                "PID13".into(),
                "review state `UNVERIFIED` is not VERIFIED: only verified mappings count".into()
            ),
            (
                "$.responseData[4]".into(),
                "RID30".into(),
                "a `ROLE` node has no place here".into()
            ),
        ]
    );
    assert_eq!(
        entries(&load.report.notes),
        [(
            "$.responseData[0].children[0].children[1]".into(),
            "CID4".into(),
            "review state `UNVERIFIED` is not VERIFIED: its requirements are kept as drafts".into()
        )]
    );
    let ignored: Vec<(&str, u64)> = load
        .report
        .ignored_fields
        .iter()
        .map(|f| (f.field.as_str(), f.count))
        .collect();
    assert_eq!(
        ignored,
        [
            ("competency.additionalProperties.cod", 1),
            ("position.createdDate", 1),
            ("position.source", 1),
        ]
    );
    // Built, only verified requirements count: the draft CID4 is validated, not required.
    let fw = Framework::new(spec.clone()).unwrap();
    let reqs: Vec<(String, u8)> = fw
        .requirements("PID7")
        .unwrap()
        .iter()
        .map(|r| (r.competency.to_string(), r.level.get()))
        .collect();
    assert_eq!(reqs, [("CID12".to_owned(), 4), ("CID9".to_owned(), 3)]);
    // Without a default department, PID11 is set aside for want of one.
    let plain = load_frac_positions(
        &data("tests/data/igot/frac_positions.json"),
        &FracOptions::default(),
    )
    .unwrap();
    assert!(entries(&plain.report.set_aside).contains(&(
        "$.responseData[2]".into(),
        "PID11".into(),
        "no department, and no default department".into()
    )));
}

#[test]
fn profile_fixture_becomes_passbook_evidence_with_matching_sources() {
    let load = load_igot_profile(&data("tests/data/igot/profile_competencies.json")).unwrap();
    let read = levels_read(&load.value);
    assert_eq!(
        read,
        [
            ("CID9", 3, EvidenceSource::SelfDeclared),
            ("CID9", 2, EvidenceSource::Assessment),
            ("CID12", 4, EvidenceSource::SelfDeclared),
            // A level written as a name is read by the competency's own names where the
            // passbook meets a framework (igot/07).
            (
                "CID4",
                Evidence::LEVEL_BY_NAME,
                EvidenceSource::SelfDeclared
            ),
        ]
    );
    assert!(
        load.value
            .iter()
            .all(|e| e.date.is_empty() && e.verified && e.course.is_none())
    );
    let base = "$.profileDetails.competencies";
    assert_eq!(
        entries(&load.report.set_aside),
        [
            (format!("{base}[3].competencySelfAttestedLevel"), "CID21".into(), "`competencySelfAttestedLevel` is `CLID52`: expected `Level N`, a whole number, a Roman numeral (`III`, `Level III`) or a level name".into()),
            (format!("{base}[3]"), "CID21".into(), "no level".into()),
            (format!("{base}[4].competencyCBPCompletionLevel"), "CID22".into(), "level 7 is outside 0 to 5".into()),
            (format!("{base}[4]"), "CID22".into(), "no level".into()),
            (format!("{base}[5]"), "CID30".into(), "no level".into()),
            (format!("{base}[6]"), String::new(), "no `id`".into()),
        ]
    );
    assert!(load.report.notes.is_empty(), "{}", load.report);
    // The evidence builds an officer of the FRAC fixture; by default only the level the
    // platform raised counts, and with self-declared levels the declared ones (as the
    // platform's own gap does).
    let fw = Framework::new(frac().value).unwrap();
    let officer = OfficerSpec {
        id: "meena".into(),
        name: Some("Meena Iyer".into()),
        department: "Department of Posts".into(),
        position: "PID7".into(),
        target_position: None,
        passbook: load.value,
    };
    let levels = |policy: &LevelPolicy| {
        let cohort = Cohort::new(&fw, [&officer], policy).unwrap();
        let profile = cohort.profile(0).unwrap();
        (
            profile.level(&fw, "CID9").unwrap().get(),
            profile.level(&fw, "CID12").unwrap().get(),
        )
    };
    assert_eq!(levels(&LevelPolicy::default()), (2, 0));
    assert_eq!(levels(&LevelPolicy::default().self_declared(true)), (3, 4));
}

#[test]
fn the_real_position_master_keeps_names_as_written_and_says_where_they_differ() {
    let text = data("data/igot/positionMasterList.json");
    let raw: Value = serde_json::from_str(&text).unwrap();
    let names: Vec<(String, String)> = raw["positions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["id"].as_str().unwrap().to_owned(),
                p["name"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let trailing = names.iter().filter(|(_, n)| n.ends_with(' ')).count();
    let inner = names
        .iter()
        .filter(|(_, n)| n.trim().contains("  "))
        .count();
    assert_eq!((names.len(), trailing, inner), (2_464, 17, 15));

    let master = load_position_master(&text).unwrap();
    assert!(master.report.set_aside.is_empty() && master.report.ignored_fields.is_empty());
    assert_eq!(master.value.positions().len(), 2_464);
    for (p, (id, name)) in master.value.positions().iter().zip(&names) {
        assert_eq!(
            (p.id.as_str(), p.name.as_str()),
            (id.as_str(), name.as_str())
        );
    }
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    let mut same = Vec::new();
    for note in &master.report.notes {
        match &note.what {
            IgotWhat::Whitespace { kinds: k } => *kinds.entry(k.clone()).or_default() += 1,
            IgotWhat::SameNameApartFromWhitespace { other } => {
                same.push((note.id.clone(), other.clone()));
            }
            other => panic!("{other}"),
        }
    }
    let with = |k: &str| {
        kinds
            .iter()
            .filter(|(n, _)| n.contains(k))
            .map(|(_, c)| c)
            .sum::<usize>()
    };
    assert_eq!(
        (with("trailing"), with("repeated"), with("leading")),
        (trailing, inner, 0)
    );
    assert_eq!(same, [("PID355".to_owned(), "PID195".to_owned())]);
    // Lookups say how a name matched: exactly, ignoring whitespace, or ambiguously.
    let id = |m: PositionMatch<'_>| match m {
        PositionMatch::Exact(p) => format!("exact {}", p.id),
        PositionMatch::IgnoringWhitespace(p) => format!("ignoring whitespace {}", p.id),
        PositionMatch::Ambiguous(ps) => format!("ambiguous {}", ps.len()),
        PositionMatch::NotFound => "not found".to_owned(),
    };
    let m = &master.value;
    assert_eq!(id(m.find("ACCOUNTANT")), "exact PID2");
    assert_eq!(id(m.find("CAMPAIGN OFFICER")), "ignoring whitespace PID457");
    assert_eq!(
        id(m.find("ASSISTANT PROVIDENT FUND COMMISSIONER ")),
        "exact PID355"
    );
    assert_eq!(
        id(m.find("ASSISTANT PROVIDENT FUND COMMISSIONER")),
        "ambiguous 2"
    );
    assert_eq!(id(m.find("accountant")), "not found");
}

#[test]
fn master_fixture_reports_every_kind_of_entry() {
    let master = load_position_master(&data("tests/data/igot/position_master.json")).unwrap();
    let ids: Vec<&str> = master
        .value
        .positions()
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(ids, ["PID1", "PID195", "PID355", "PID400", "PID501"]);
    assert_eq!(
        entries(&master.report.set_aside),
        [
            (
                "$.positions[4]".into(),
                "PID1".into(),
                "repeats an earlier id; the first is kept".into()
            ),
            (
                "$.positions[5]".into(),
                "PID500".into(),
                "`name` is blank".into()
            ),
        ]
    );
    assert_eq!(
        entries(&master.report.notes),
        [
            (
                "$.positions[1]".into(),
                "PID195".into(),
                "name with repeated whitespace, kept as written".into()
            ),
            (
                "$.positions[2]".into(),
                "PID355".into(),
                "name with trailing whitespace, kept as written".into()
            ),
            (
                "$.positions[2]".into(),
                "PID355".into(),
                "same name as `PID195` apart from whitespace; both kept".into()
            ),
            (
                "$.positions[3]".into(),
                "PID400".into(),
                "name with trailing whitespace, kept as written".into()
            ),
        ]
    );
    assert_eq!(master.report.ignored_fields[0].field, "position.grade");
    let text = master.report.to_string();
    assert!(
        text.starts_with(
            "2 set aside, 4 notes, 1 field ignored\nset aside:\n  $.positions[4] `PID1`: repeats"
        ),
        "{text}"
    );
}

// ---------------------------------------------------------------------------------------
// All together: a KCM framework with real courses, rolled up by theme
// ---------------------------------------------------------------------------------------

#[test]
fn kcm_heatmap_by_theme_from_the_real_dictionary() {
    let kcm = load_kcm(
        &data("data/igot/kcm_competencies.json"),
        &KcmOptions::default(),
    )
    .unwrap();
    let mut spec = kcm.value;
    // A department post requiring three sub-themes of two themes.
    let requires = [
        (
            kcm_id(&[
                "Functional",
                "Policy Architecture",
                "Research & Need Analysis",
            ]),
            3,
        ),
        (
            kcm_id(&[
                "Functional",
                "Government Program Formulation",
                "Research & Need Analysis",
            ]),
            2,
        ),
        (
            kcm_id(&["Functional", "Policy Architecture", "Policy implementation"]),
            2,
        ),
    ];
    spec.roles.push(karmayogi::RoleSpec {
        id: "policy".into(),
        name: "Policy support".into(),
        activities: vec![],
        requires: requires
            .iter()
            .map(|(c, l)| karmayogi::RequirementSpec::new(c.as_str(), *l))
            .collect(),
    });
    spec.positions.push(karmayogi::PositionSpec {
        id: "us".into(),
        name: "Under Secretary".into(),
        department: "dopt".into(),
        roles: vec!["policy".into()],
    });
    let fw = Framework::new(spec).unwrap();
    let officer = |id: &str, level: u8| OfficerSpec {
        id: id.into(),
        name: None,
        department: "dopt".into(),
        position: "us".into(),
        target_position: None,
        passbook: vec![karmayogi::Evidence {
            competency: requires[0].0.as_str().into(),
            level,
            level_name: None,
            source: EvidenceSource::Assessment,
            date: String::new(),
            verified: true,
            course: None,
        }],
    };
    let cohort = Cohort::new(
        &fw,
        [officer("o1", 3), officer("o2", 1)],
        &LevelPolicy::default(),
    )
    .unwrap();
    let themes = fw
        .training_needs_by_group(&cohort, &RollupOptions::default().kind(GroupKind::Theme))
        .unwrap();
    let rows: Vec<(&str, u64, u64, u64)> = themes
        .rows
        .iter()
        .map(|r| {
            (
                r.name,
                r.officers_required,
                r.officers_short,
                r.total_shortfall,
            )
        })
        .collect();
    // Policy Architecture: o1 short of implementation only (2), o2 of both (2 + 2).
    // Government Program Formulation: both short by 2.
    assert_eq!(
        rows,
        [
            ("Policy Architecture", 2, 2, 6),
            ("Government Program Formulation", 2, 2, 4)
        ]
    );
}

// ---------------------------------------------------------------------------------------
// The KCM through CASE
// ---------------------------------------------------------------------------------------

/// The `isChildOf` edges of a package, as (child with its parent, parent) statements: the
/// full statement names an item whatever identifiers a round trip gives it, and KCM names
/// repeat only under different parents. The document has no statement (empty).
fn child_of_edges(p: &karmayogi::CasePackage) -> BTreeSet<(String, String)> {
    let statement = |id: &str| -> String {
        p.items
            .iter()
            .find(|i| i.identifier == id)
            .map(|i| i.full_statement.clone())
            .unwrap_or_default()
    };
    let path = |id: &str| -> String {
        // The item's statement with its parent's: unique in the KCM.
        let parent = p
            .associations
            .iter()
            .find(|a| {
                a.association_type == "isChildOf"
                    && a.origin_node_uri
                        .as_ref()
                        .is_some_and(|o| o.identifier == id)
            })
            .and_then(|a| a.destination_node_uri.as_ref())
            .map(|d| statement(&d.identifier))
            .unwrap_or_default();
        format!("{parent} > {}", statement(id))
    };
    p.associations
        .iter()
        .filter(|a| a.association_type == "isChildOf")
        .map(|a| {
            let child = &a.origin_node_uri.as_ref().unwrap().identifier;
            let parent = &a.destination_node_uri.as_ref().unwrap().identifier;
            (path(child), statement(parent))
        })
        .collect()
}

#[test]
fn the_real_kcm_survives_a_case_round_trip_with_every_child_of() {
    use karmayogi::{CaseDocument, CaseExportOptions, CaseImport, CaseImportOptions, CasePackage};

    let fw = kcm_framework();
    let document = CaseDocument::new(
        "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b",
        "Karmayogi Competency Model",
        "Capacity Building Commission",
        "2025-01-15T10:00:00Z",
    );
    let exported = case_export(&fw, &document);
    let edges = child_of_edges(&exported);
    // 2 areas under the document, 35 themes under their areas, 112 sub-themes under their
    // themes.
    assert_eq!(edges.len(), 2 + 35 + 112);

    let text = exported.to_json();
    let import = CaseImport::from_package(
        &CasePackage::from_json(&text).unwrap(),
        &CaseImportOptions::default(),
    )
    .unwrap();
    assert!(
        import.report.dropped.is_empty(),
        "{:?}",
        import.report.dropped
    );
    let again = Framework::new(import.spec).unwrap();
    assert_eq!(
        (again.groups().len(), again.competencies().len()),
        (37, 112)
    );
    // The two "Research & Need Analysis" stay two, each in its own theme.
    let themes: BTreeSet<String> = again
        .competencies()
        .iter()
        .filter(|c| c.name == "Research & Need Analysis")
        .flat_map(|c| c.groups.iter())
        .map(|g| again.group(g.as_str()).unwrap().name.clone())
        .collect();
    assert_eq!(
        themes,
        BTreeSet::from([
            "Government Program Formulation".to_owned(),
            "Policy Architecture".to_owned()
        ])
    );
    // Exported again, every isChildOf edge is there, and no other.
    let back = CasePackage::from_framework(
        &again,
        &import.report.document,
        &CaseExportOptions::default(),
    )
    .unwrap();
    assert_eq!(child_of_edges(&back), edges);
}

#[test]
fn the_real_frac_level_names_and_labels_read_as_their_levels() {
    let raw: Value =
        serde_json::from_str(&data("data/igot/frac_default_proficiency_levels.json")).unwrap();
    let levels = raw["levels"].as_array().unwrap();
    assert_eq!(levels.len(), 5);
    let fw = Framework::from_json(
        r#"{"format_version": 2,
            "competencies": [{"id": "CID9", "name": "Government accounts", "type": "functional"}],
            "roles": [{"id": "r", "name": "Accounts", "requires": [{"competency": "CID9", "level": 1}]}],
            "positions": [{"id": "p", "name": "Postmaster", "department": "d", "roles": ["r"]}]}"#,
    )
    .unwrap();
    for entry in levels {
        let level = u8::try_from(entry["level"].as_u64().unwrap()).unwrap();
        for field in ["name", "label"] {
            let written = entry[field].as_str().unwrap();
            let profile = serde_json::json!([
                {"id": "CID9", "competencySelfAttestedLevelValue": written}
            ]);
            let load = load_igot_profile(&profile.to_string()).unwrap();
            assert!(
                load.report.set_aside.is_empty(),
                "{written}: {}",
                load.report
            );
            let read: Vec<(EvidenceSource, u8, Option<&str>)> = (load.value.iter())
                .map(|e| (e.source, e.level, e.level_name.as_deref()))
                .collect();
            // A label is the platform's own form of the number; a name is kept, to be read
            // by the competency's own names where the passbook meets a framework (igot/07),
            // and is the default's level for a competency that names none of its own.
            let expected = match field {
                "name" => (Evidence::LEVEL_BY_NAME, Some(written)),
                _ => (level, None),
            };
            let source = EvidenceSource::SelfDeclared;
            assert_eq!(read, [(source, expected.0, expected.1)], "{written}");
            assert!(load.report.notes.is_empty(), "{written}: {}", load.report);
            let officer = crate::support::officer("o1", "d", "p", load.value);
            let policy = LevelPolicy::default().self_declared(true);
            let profile = karmayogi::Profile::new(&fw, &officer, &policy).expect("reads");
            assert_eq!(profile.level(&fw, "CID9").expect("known").get(), level);
        }
    }
}

#[test]
fn whole_levels_written_with_a_fraction_of_zeros_read_as_their_levels() {
    // Spreadsheet exports and data frames write a whole number as `4.0`; every loader
    // reads it as 4, and a negative zero as 0 (`tests/suite/negative_zero_levels.rs`),
    // and nothing else that only looks like a number.
    let profile = serde_json::json!([
        {"id": "CID1", "competencySelfAttestedLevel": "4.0"},
        {"id": "CID2", "competencySelfAttestedLevel": "3.00"},
        {"id": "CID3", "competencyCBPCompletionLevel": 2.0},
        {"id": "CID4", "competencySelfAttestedLevel": "4.5"},
        {"id": "CID5", "competencySelfAttestedLevel": "-0"},
        {"id": "CID6", "competencySelfAttestedLevel": "4e0"},
        {"id": "CID7", "competencyCBPCompletionLevel": 4.5},
        {"id": "CID8", "competencySelfAttestedLevel": "7.0"}
    ]);
    let load = load_igot_profile(&profile.to_string()).unwrap();
    let read = levels_read(&load.value);
    assert_eq!(
        read,
        [
            ("CID1", 4, EvidenceSource::SelfDeclared),
            ("CID2", 3, EvidenceSource::SelfDeclared),
            ("CID3", 2, EvidenceSource::Assessment),
            ("CID5", 0, EvidenceSource::SelfDeclared),
        ]
    );
    let unreadable = |field: &str, found: &str| {
        format!(
            "`{field}` is `{found}`: expected `Level N`, a whole number, a Roman numeral (`III`, `Level III`) or a level name"
        )
    };
    assert_eq!(
        entries(&load.report.set_aside),
        [
            (
                "$[3].competencySelfAttestedLevel".into(),
                "CID4".into(),
                unreadable("competencySelfAttestedLevel", "4.5")
            ),
            ("$[3]".into(), "CID4".into(), "no level".into()),
            (
                "$[5].competencySelfAttestedLevel".into(),
                "CID6".into(),
                unreadable("competencySelfAttestedLevel", "4e0")
            ),
            ("$[5]".into(), "CID6".into(), "no level".into()),
            (
                "$[6].competencyCBPCompletionLevel".into(),
                "CID7".into(),
                unreadable("competencyCBPCompletionLevel", "4.5")
            ),
            ("$[6]".into(), "CID7".into(), "no level".into()),
            (
                "$[7].competencySelfAttestedLevel".into(),
                "CID8".into(),
                "level 7 is outside 0 to 5".into()
            ),
            ("$[7]".into(), "CID8".into(), "no level".into()),
        ]
    );
    // The HR CSV passbook and officers' JSON read `4.0` the same way (`csv_exports`).
}

#[test]
fn frac_requirements_met_again_are_one_edge_and_repeats_keep_the_highest() {
    // Two positions share the role R1 and the activity A1. Under P1 the role lists C1
    // twice (levels 1 and 3); under P2 it lists C2 at the same level as before (the same
    // edge: nothing said) and C1 at level 2 (another level than before). The activity
    // lists C3 at level 2 under P1 and at level 4 under P2.
    let c = |id: &str, level: u8| {
        format!(
            r#"{{"type": "COMPETENCY", "id": "{id}", "name": "{id}", "status": "VERIFIED",
               "level": "Level {level}", "additionalProperties": {{"competencyType": "Functional"}}}}"#
        )
    };
    let position = |id: &str, role: &[String], activity: &[String]| {
        format!(
            r#"{{"type": "POSITION", "id": "{id}", "name": "{id}", "status": "VERIFIED",
               "department": "D", "children": [{{"type": "ROLE", "id": "R1", "name": "Role",
               "status": "VERIFIED", "children": [{{"type": "ACTIVITY", "id": "A1",
               "name": "Act", "status": "VERIFIED", "children": [{}]}}, {}]}}]}}"#,
            activity.join(","),
            role.join(",")
        )
    };
    let json = format!(
        "[{}, {}]",
        position("P9", &[c("C2", 2), c("C1", 1), c("C1", 3)], &[c("C3", 2)]),
        position("P1", &[c("C2", 2), c("C1", 2)], &[c("C3", 4)])
    );
    let load = load_frac_positions(&json, &FracOptions::default()).unwrap();
    let spec = &load.value;
    let ids = |v: Vec<&str>| v.into_iter().map(str::to_owned).collect::<Vec<_>>();
    assert_eq!(
        ids(spec.positions.iter().map(|p| p.id.as_str()).collect()),
        ["P1", "P9"]
    );
    assert_eq!(
        ids(spec.competencies.iter().map(|c| c.id.as_str()).collect()),
        ["C1", "C2", "C3"]
    );
    let levels = |r: &[karmayogi::RequirementSpec]| {
        r.iter()
            .map(|q| (q.competency.to_string(), q.level))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        levels(&spec.roles[0].requires),
        [("C1".to_owned(), 3), ("C2".to_owned(), 2)]
    );
    assert_eq!(levels(&spec.activities[0].requires), [("C3".to_owned(), 4)]);
    // Each requirement set aside is named by the node that made it, with its own level:
    // the lower of two (the earlier one under P1, whose C3 at level 2 the activity's
    // level 4 under P2 replaces), the roles and the activity being kept.
    let again = |c: &str, level: u8| {
        format!(
            "competency `{c}` required again: this requirement (level {level}) is set aside, \
             the highest level is kept"
        )
    };
    let repeats: Vec<(String, String, String)> = entries(&load.report.set_aside);
    assert_eq!(
        repeats,
        [
            (
                "$[0].children[0].children[2]".into(),
                "C1".into(),
                again("C1", 1)
            ),
            (
                "$[0].children[0].children[0].children[0]".into(),
                "C3".into(),
                again("C3", 2)
            ),
            (
                "$[1].children[0].children[2]".into(),
                "C1".into(),
                again("C1", 2)
            ),
        ]
    );
}

#[test]
fn level_labels_read_as_their_levels_as_the_other_readers_read_them() {
    // HR systems and spreadsheets shorten `Level 3` to `L3`; the passbook CSV and CASE
    // scores read it, and so do the iGOT loaders. Nothing else that only looks like one.
    let profile = serde_json::json!([
        {"id": "CID1", "competencySelfAttestedLevel": "L3"},
        {"id": "CID2", "competencySelfAttestedLevel": "Lvl-2"},
        {"id": "CID3", "competencyCBPCompletionLevel": "level_4"},
        {"id": "CID4", "competencySelfAttestedLevel": "L 3.5"},
        {"id": "CID5", "competencySelfAttestedLevel": "L9"}
    ]);
    let load = load_igot_profile(&profile.to_string()).unwrap();
    assert_eq!(
        levels_read(&load.value),
        [
            ("CID1", 3, EvidenceSource::SelfDeclared),
            ("CID2", 2, EvidenceSource::SelfDeclared),
            ("CID3", 4, EvidenceSource::Assessment),
        ]
    );
    assert_eq!(
        entries(&load.report.set_aside),
        [
            (
                "$[3].competencySelfAttestedLevel".into(),
                "CID4".into(),
                "`competencySelfAttestedLevel` is `L 3.5`: expected `Level N`, a whole number, \
                 a Roman numeral (`III`, `Level III`) or a level name"
                    .into()
            ),
            ("$[3]".into(), "CID4".into(), "no level".into()),
            (
                "$[4].competencySelfAttestedLevel".into(),
                "CID5".into(),
                "level 9 is outside 0 to 5".into()
            ),
            ("$[4]".into(), "CID5".into(), "no level".into()),
        ]
    );
}

#[test]
fn durations_are_read_as_json_numbers_whether_written_as_numbers_or_text() {
    let fw = kcm_framework();
    let record = |id: &str, duration: &str| {
        format!(r#"{{"identifier": "{id}", "name": "{id}", "duration": {duration}}}"#)
    };
    let cases = [
        ("n", "5400"),
        ("t", "\"5400\""),
        ("f", "\"5400.5\""),
        ("e", "\"5.4e3\""),
        ("s", "\" 1800 \""),
        ("plus", "\"+5400\""),
        ("point", "\".5\""),
        ("dot", "\"5.\""),
        ("comma", "\"1,800\""),
        ("zeros", "\"0036\""),
        ("word", "\"an hour\""),
        ("negative", "\"-60\""),
    ];
    let json = format!(
        "[{}]",
        cases
            .iter()
            .map(|(id, d)| record(id, d))
            .collect::<Vec<_>>()
            .join(",")
    );
    let load = load_igot_courses(&json, &fw, &IgotCourseOptions::default()).unwrap();
    let hours: Vec<(&str, f64)> = load
        .value
        .iter()
        .map(|c| (c.id.as_str(), c.hours))
        .collect();
    assert_eq!(
        hours,
        [
            ("n", 1.5),
            ("t", 1.5),
            ("f", 5400.5 / 3600.0),
            ("e", 1.5),
            ("s", 0.5)
        ]
    );
    let set_aside: Vec<(String, String)> = load
        .report
        .set_aside
        .iter()
        .map(|e| (e.id.clone(), e.what.to_string()))
        .collect();
    let not_a_number = |id: &str| {
        (
            id.to_owned(),
            "`duration` is a string that is not a JSON number: expected seconds".to_owned(),
        )
    };
    let negative = load
        .report
        .set_aside
        .iter()
        .find(|e| e.id == "negative")
        .map(|e| e.what.clone());
    assert_eq!(
        negative,
        Some(IgotWhat::HoursOutOfRange {
            duration: "-60".to_owned(),
            hours: -60.0 / 3600.0
        })
    );
    assert_eq!(
        set_aside[..6],
        [
            not_a_number("plus"),
            not_a_number("point"),
            not_a_number("dot"),
            not_a_number("comma"),
            not_a_number("zeros"),
            not_a_number("word"),
        ]
    );
    assert_eq!(set_aside.len(), 7);
}

/// Each passbook entry a profile gave: its competency, level and source, in order.
fn levels_read(evidence: &[Evidence]) -> Vec<(&str, u8, EvidenceSource)> {
    evidence
        .iter()
        .map(|e| (e.competency.as_str(), e.level, e.source))
        .collect()
}

/// A FRAC export holds a competency once per role that requires it, and a position once
/// per listing: here `CID9` comes again under `PID8` as a domain competency of another
/// area, description and level 3 descriptor, and `PID7` again under another department
/// (its `CID9` as before: nothing noted). The loader compared only names, so the second
/// type, area, description, level and department were dropped without a word and `CID9`
/// stayed functional. Each field the dictionary keeps that differs is
/// now noted as a conflict (the first is kept, as for a name).
#[test]
fn frac_nodes_met_again_saying_otherwise_are_noted_field_by_field() {
    let json = data("tests/data/cases/igot/01-frac-node-met-again-saying-otherwise.json");
    let load = load_frac_positions(&json, &FracOptions::default()).unwrap();
    let c = &load.value.competencies[0];
    assert_eq!(
        (c.kind, c.area.as_deref(), c.description.as_str()),
        (
            CompetencyType::Functional,
            Some("Finance"),
            "Keeps the cash book."
        )
    );
    let conflicts: Vec<(String, String, String)> = entries(&load.report.notes)
        .into_iter()
        .filter(|(_, _, what)| what.starts_with("met again"))
        .collect();
    let note = |path: &str, id: &str, field: &str| {
        (
            path.to_owned(),
            id.to_owned(),
            format!("met again with another `{field}`; the first is kept"),
        )
    };
    let cid9 = "$.responseData[1].children[0].children[0]";
    assert_eq!(
        conflicts,
        [
            note(cid9, "CID9", "competencyType"),
            note(cid9, "CID9", "description"),
            note(cid9, "CID9", "competencyArea"),
            note(cid9, "CID9", "levels"),
            note("$.responseData[2]", "PID7", "department"),
        ]
    );
    Framework::new(load.value).unwrap();
}

// igot/02: a competency met again under a second role whose level nodes are badly formed
// (a level that does not read, none, one outside 1–5, one repeated, a node of another type,
// a bare string), and under a third role with `children` that is not a list: each is
// reported as it is when the competency is first met, and the well-formed level node
// alike to the kept level says nothing.

#[test]
fn a_competency_met_again_reports_every_badly_formed_level_node() {
    let json = data("tests/data/cases/igot/02-frac-repeated-competency-bad-levels.json");
    let load = load_frac_positions(&json, &FracOptions::default()).unwrap();
    let c = &load.value.competencies[0];
    let levels: Vec<(u8, Option<&str>)> = c
        .levels
        .iter()
        .map(|d| (d.level, d.name.as_deref()))
        .collect();
    assert_eq!(levels, [(3, Some("Advanced"))]);
    let cid9 = "$.responseData[0].children[1].children[0]";
    let at = |k: usize| format!("{cid9}.children[{k}]");
    let entry = |path: String, id: &str, what: &str| (path, id.to_owned(), what.to_owned());
    assert_eq!(
        entries(&load.report.set_aside),
        [
            entry(
                at(1),
                "CLID32",
                "`level` is `Level four`: expected `Level N`, a whole number, a Roman numeral (`III`, `Level III`) or a level name"
            ),
            entry(at(2), "CLID33", "no level"),
            entry(at(3), "CLID34", "level 7 is outside 1 to 5"),
            entry(at(4), "CLID35", "repeats an earlier id; the first is kept"),
            entry(
                at(5),
                "KRID1",
                "a `KNOWLEDGERESOURCE` node has no place here"
            ),
            entry(at(6), "", "`node` is a string: expected an object"),
            entry(
                "$.responseData[0].children[2].children[0]".to_owned(),
                "CID9",
                "`children` is a string: expected an array"
            ),
        ]
    );
    assert!(
        entries(&load.report.notes).is_empty(),
        "{:?}",
        load.report.notes
    );
    let ignored: Vec<(&str, u64)> = (load.report.ignored_fields.iter())
        .map(|f| (f.field.as_str(), f.count))
        .collect();
    assert_eq!(ignored, [("competency.additionalProperties.cod", 1)]);
}

/// igot/03: numbers beyond a double's range (`1e400`, an integer of 300 digits) in a FRAC
/// export, which the JSON parser refuses: in fields the loader does not need (the
/// response's `statusInfo`, a node's `createdDate`, an extra property) counted ignored as
/// any value; in a competency's `level`, the requirement set aside saying what was found;
/// never the document refused. A text starting with U+FDD0, the mark such numbers are
/// read behind, is the text it is, one holding such a number's characters too.
#[test]
fn frac_numbers_beyond_a_double_are_set_aside_not_fatal() {
    let json = data("tests/data/cases/igot/03-numbers-beyond-a-double.json");
    let load = load_frac_positions(&json, &FracOptions::default()).expect("loads");
    let names: Vec<(&str, &str)> = (load.value.roles.iter())
        .map(|r| (r.id.as_str(), r.name.as_str()))
        .collect();
    assert_eq!(names, [("RID3", "\u{fdd0}Cash and accounts")]);
    let c = (load
        .value
        .competencies
        .iter()
        .find(|c| c.id.as_str() == "CID9"))
    .expect("CID9");
    assert_eq!(c.description, "\u{fdd0}1e400");
    assert_eq!(
        entries(&load.report.set_aside),
        [(
            "$.responseData[0].children[0].children[1].level".to_owned(),
            "CID10".to_owned(),
            "`level` is `1e400`: expected `Level N`, a whole number, a Roman numeral (`III`, `Level III`) or a level name".to_owned()
        )]
    );
    let ignored: Vec<(&str, u64)> = (load.report.ignored_fields.iter())
        .map(|f| (f.field.as_str(), f.count))
        .collect();
    assert_eq!(
        ignored,
        [
            ("competency.additionalProperties.weight", 1),
            ("position.createdDate", 1)
        ]
    );
}

// igot/04: a profile entry whose two fields of one level disagree (`"2"` beside
// `"Level 3"`): the field read first is kept, and the other is noted rather than dropped.

#[test]
fn profile_fields_of_one_level_that_disagree_are_noted() {
    let json = include_str!("../data/cases/igot/04-profile-levels-that-disagree.json");
    let load = load_igot_profile(json).unwrap();
    let read = crate::support::evidence_read(&load.value);
    assert_eq!(
        read,
        [
            ("CID9", EvidenceSource::SelfDeclared, 3),
            ("CID9", EvidenceSource::Assessment, 2),
            ("CID12", EvidenceSource::SelfDeclared, 2),
            ("CID12", EvidenceSource::Assessment, 1),
        ]
    );
    let notes: Vec<(String, &str, String)> = (load.report.notes.iter())
        .map(|n| (n.path.clone(), n.id.as_str(), n.what.to_string()))
        .collect();
    let said = |kept: &str, level: u8, other: &str, other_level: u8| {
        let what = format!(
            "`{kept}` says level {level} and `{other}` level {other_level}; `{kept}` is kept"
        );
        (
            format!("$.profileDetails.competencies[0].{other}"),
            "CID9",
            what,
        )
    };
    let (declared, raised) = (
        "competencySelfAttestedLevel",
        "competencyCBPCompletionLevel",
    );
    assert_eq!(
        notes,
        [
            said(&format!("{declared}Value"), 3, declared, 2),
            said(raised, 2, &format!("{raised}Value"), 4),
        ]
    );
    assert!(matches!(
        load.report.notes[0].what,
        IgotWhat::LevelsDisagree {
            level: 3,
            other_level: 2,
            ..
        }
    ));
    let value = serde_json::to_value(&load.report.notes[1].what).unwrap();
    assert_eq!(value["what"], "levels_disagree");
}

// igot/09: an officers document given to the FRAC loader. The whole document was read as
// one node without `type`, set aside as "a `` node has no place here", and the load
// returned an empty framework as if it had read a FRAC export with nothing verified. An
// officers or framework document is now `Error::DocumentOfAnotherKind` naming it (see
// `kinds.rs` for every reader and kind), and a root object of no kind with neither
// `type` nor `responseData` (`{}`) `Error::IgotShape`; a node without `type` inside a list
// is still set aside, and says so.
#[test]
fn frac_refuses_a_document_of_another_kind() {
    let officers = data("tests/data/cases/igot/09-frac-given-an-officers-document.json");
    let framework = data("examples/data/head_post_office.json");
    for (json, found) in [
        (officers.as_str(), DocumentKind::Officers),
        (framework.as_str(), DocumentKind::Framework),
    ] {
        let errors = load_frac_positions(json, &FracOptions::default())
            .unwrap_err()
            .into_vec();
        let expected = Error::DocumentOfAnotherKind {
            expected: "FRAC position nodes",
            found,
        };
        assert_eq!(errors, [expected], "{json}");
    }
    let errors = load_frac_positions("{}", &FracOptions::default())
        .unwrap_err()
        .into_vec();
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "frac positions at `$`: found an object without `type`, expected a POSITION node, \
          an array of them, or a FRAC service response"
        ]
    );
    assert_eq!(errors[0].code(), "igot_shape");
    // A list of it holds no node at all: refused naming its fields (igot/33), no longer
    // loaded as an empty framework with the entry set aside.
    let errors = load_frac_positions(&format!("[{officers}]"), &FracOptions::default())
        .unwrap_err()
        .into_vec();
    assert_eq!(
        errors,
        [Error::IgotUnreadEntries {
            document: "frac positions",
            path: "$".to_owned(),
            entries: 1,
            fields: vec!["format_version".to_owned(), "officers".to_owned()],
            expected: vec!["type"],
        }]
    );
    // Beside a node, the entry is set aside and reported.
    let load = load_frac_positions(
        &format!(r#"[{officers}, {{"type": "POSITION", "id": "PID1"}}]"#),
        &FracOptions::default(),
    )
    .unwrap();
    assert_eq!(
        entries(&load.report.set_aside)[0],
        (
            "$[0]".to_owned(),
            String::new(),
            "a node without `type` has no place here".to_owned()
        )
    );
}

// igot/10, igot/11: a framework document given to the profile loader, and to the position
// master loader. Its `competencies` were read as profile entries (each set aside for
// want of a level, the load an empty profile), its `positions` as designations of the
// master list (the load a master list of the framework's positions). A framework or
// officers document (a root object holding `format_version`, which no iGOT export
// writes) is now `Error::DocumentOfAnotherKind` naming it; `[]` is still an empty load.
#[test]
fn profile_and_position_master_refuse_a_framework_document() {
    let profile = data("tests/data/cases/igot/10-profile-given-a-framework.json");
    let master = data("tests/data/cases/igot/11-position-master-given-a-framework.json");
    let officers = data("tests/data/cases/igot/09-frac-given-an-officers-document.json");
    let framework = data("examples/data/head_post_office.json");
    let refused = |expected, found| vec![Error::DocumentOfAnotherKind { expected, found }];
    for json in [profile.as_str(), master.as_str(), framework.as_str()] {
        let errors = load_igot_profile(json).unwrap_err().into_vec();
        assert_eq!(
            errors,
            refused("iGOT profile competencies", DocumentKind::Framework),
            "{json}"
        );
        assert_eq!(
            errors[0].to_string(),
            "expected iGOT profile competencies, found a framework document (an object \
             holding `format_version` and `competencies`): it is read by \
             `FrameworkSpec::from_json` or `Framework::from_json`"
        );
        assert_eq!(errors[0].code(), "document_of_another_kind");
    }
    for (json, found) in [
        (master.as_str(), DocumentKind::Framework),
        (framework.as_str(), DocumentKind::Framework),
        (officers.as_str(), DocumentKind::Officers),
    ] {
        let errors = load_position_master(json).unwrap_err().into_vec();
        assert_eq!(errors, refused("the position master list", found), "{json}");
    }
    // The case files are the documents they stand for.
    assert!(FrameworkSpec::from_json(&profile).is_ok());
    assert!(FrameworkSpec::from_json(&master).is_ok());
    // An empty list is an empty profile, an empty master list.
    assert!(load_igot_profile("[]").unwrap().value.is_empty());
    assert!(
        load_position_master("[]")
            .unwrap()
            .value
            .positions()
            .is_empty()
    );
}
