//! Level scales as real frameworks write them: a competency described only at some levels,
//! and one that exists at some levels only (an SFIA skill at 4–5), within FRAC's 1 to 5.

use karmayogi::{
    CompetencySpec, CompetencyType, CourseOutcome, CourseSpec, Error, Evidence, EvidenceProblem,
    EvidenceSource, Framework, FrameworkSpec, GapOptions, Level, LevelDescriptor, LevelPolicy,
    OfficerSpec, OfficersCsv, OfficersCsvOptions, OfficersSpec, PositionSpec, Profile,
    RequirementSpec, RoleSpec, load_officers,
};

use crate::support;

fn described(id: &str, levels: &[u8]) -> CompetencySpec {
    support::competency(
        id,
        format!("Skill {id}"),
        CompetencyType::Functional,
        levels.iter().copied(),
    )
}

fn ranged(id: &str, min: Option<u8>, max: Option<u8>, levels: &[u8]) -> CompetencySpec {
    CompetencySpec {
        min_level: min,
        max_level: max,
        ..described(id, levels)
    }
}

/// A post whose one role requires `requires`, and a course building `provides`.
fn spec(
    competencies: Vec<CompetencySpec>,
    requires: &[(&str, u8)],
    provides: &[(&str, u8)],
) -> FrameworkSpec {
    FrameworkSpec {
        competencies,
        roles: vec![RoleSpec {
            id: "planner".into(),
            name: "Planner".into(),
            activities: vec![],
            requires: requires
                .iter()
                .map(|&(c, l)| RequirementSpec::new(c, l))
                .collect(),
        }],
        positions: vec![PositionSpec {
            id: "lead".into(),
            name: "Planning lead".into(),
            department: "it".into(),
            roles: vec!["planner".into()],
        }],
        courses: vec![CourseSpec {
            id: "k".into(),
            name: "Course".into(),
            hours: 10.0,
            mode: karmayogi::Mode::Formal,
            provides: provides
                .iter()
                .map(|&(c, l)| CourseOutcome {
                    competency: c.into(),
                    level: Some(l),
                    level_name: None,
                })
                .collect(),
            prerequisites: vec![],
            provider: None,
            language: None,
        }],
        ..FrameworkSpec::new()
    }
}

fn range(fw: &Framework, id: &str) -> (u8, u8) {
    (
        fw.min_level(id).map(Level::get).unwrap(),
        fw.max_level(id).map(Level::get).unwrap(),
    )
}

#[test]
fn descriptors_are_optional_per_level() {
    let fw = Framework::new(spec(
        vec![
            described("plain", &[]),
            described("three", &[1, 2, 3]),
            described("gappy", &[2, 4]),
            ranged("stated", None, Some(5), &[1, 3]),
            ranged("sfia", Some(4), None, &[]),
            ranged("sfia-5", Some(4), Some(5), &[5]),
        ],
        &[("gappy", 3), ("sfia", 5)],
        &[("stated", 4)],
    ))
    .unwrap();
    // Without a stated range a competency ends at its highest described level, as the
    // platform's three-to-five-level competencies do.
    assert_eq!(range(&fw, "plain"), (1, 5));
    assert_eq!(range(&fw, "three"), (1, 3));
    assert_eq!(range(&fw, "gappy"), (1, 4));
    assert_eq!(range(&fw, "stated"), (1, 5));
    assert_eq!(range(&fw, "sfia"), (4, 5));
    assert_eq!(range(&fw, "sfia-5"), (4, 5));
    assert_eq!(fw.min_level("nowhere"), None);
}

#[test]
fn requirements_and_courses_outside_a_range_name_the_ids() {
    let errors = Framework::new(spec(
        vec![
            ranged("ITSP", Some(4), Some(5), &[4, 5]),
            described("three", &[1, 2, 3]),
        ],
        &[("ITSP", 3), ("three", 4)],
        &[("ITSP", 2)],
    ))
    .unwrap_err()
    .into_vec();
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "role `planner` names competency `ITSP` at level 3: expected 4 to 5",
            "role `planner` names competency `three` at level 4: expected 1 to 3",
            "course `k` names competency `ITSP` at level 2: expected 4 to 5",
        ]
    );
}

#[test]
fn malformed_ranges_and_descriptors_are_reported_together() {
    let errors = Framework::new(spec(
        vec![
            ranged("a-zero", Some(0), None, &[]),
            ranged("b-six", None, Some(6), &[]),
            ranged("c-upside-down", Some(5), Some(2), &[]),
            ranged("d-below", Some(4), None, &[2, 4]),
            ranged("e-above", None, Some(3), &[1, 5]),
            CompetencySpec {
                levels: vec![LevelDescriptor {
                    level: 2,
                    name: Some(String::new()),
                    level_name: None,
                    description: "x".into(),
                }],
                ..described("f-unnamed", &[])
            },
        ],
        &[],
        &[],
    ))
    .unwrap_err()
    .into_vec();
    assert_eq!(
        errors,
        [
            Error::InvalidLevelRange {
                competency: "a-zero".into(),
                min: 0,
                max: 5
            },
            Error::InvalidLevelRange {
                competency: "b-six".into(),
                min: 1,
                max: 6
            },
            Error::InvalidLevelRange {
                competency: "c-upside-down".into(),
                min: 5,
                max: 2
            },
            Error::InvalidLevelScale {
                competency: "d-below".into(),
                found: vec![2, 4],
                min: 4,
                max: 5
            },
            Error::InvalidLevelScale {
                competency: "e-above".into(),
                found: vec![1, 5],
                min: 1,
                max: 3
            },
            Error::BlankLevelName {
                competency: "f-unnamed".into(),
                level: 2
            },
        ]
    );
}

/// The competency exists at levels 4 and 5 only: an officer holds none of it (0) or one of
/// those; a level between is a level it does not have, and an error.
#[test]
fn an_officer_holds_none_or_a_level_the_competency_has() {
    let fw = Framework::new(spec(
        vec![ranged("ITSP", Some(4), Some(5), &[4, 5])],
        &[("ITSP", 5)],
        &[("ITSP", 5)],
    ))
    .unwrap();
    let officer = |level: u8| OfficerSpec {
        id: "o1".into(),
        name: None,
        department: "it".into(),
        position: "lead".into(),
        target_position: None,
        passbook: vec![Evidence {
            competency: "ITSP".into(),
            level,
            level_name: None,
            source: EvidenceSource::Assessment,
            date: "2025-01-31".into(),
            verified: true,
            course: None,
        }],
    };
    let profile = Profile::new(&fw, &officer(0), &LevelPolicy::default()).unwrap();
    let report = fw.gap(&profile, &GapOptions::default()).unwrap();
    assert_eq!(report.shortfall_levels, 5);
    let profile = Profile::new(&fw, &officer(4), &LevelPolicy::default()).unwrap();
    let report = fw.gap(&profile, &GapOptions::default()).unwrap();
    assert_eq!(report.shortfall_levels, 1);
    let errors = Profile::new(&fw, &officer(2), &LevelPolicy::default()).unwrap_err();
    assert!(
        matches!(
            errors.as_slice(),
            [Error::InvalidEvidence {
                index: 0,
                problem: EvidenceProblem::LevelBelowScale {
                    level: 2,
                    min: 4,
                    max: 5
                },
                ..
            }]
        ),
        "{errors:?}"
    );
    let errors = Profile::new(&fw, &officer(6), &LevelPolicy::default()).unwrap_err();
    assert!(
        matches!(
            errors.as_slice(),
            [Error::InvalidEvidence {
                index: 0,
                problem: EvidenceProblem::LevelAboveScale {
                    level: 6,
                    min: 4,
                    max: 5
                },
                ..
            }]
        ),
        "{errors:?}"
    );
    // The message names the levels the competency has, not 0 to 5.
    assert_eq!(
        errors.as_slice()[0].to_string(),
        "officer `o1` passbook entry 0 (competency `ITSP`): level 6: expected 0 (none) or 4 to 5"
    );
}

// scales/21: a skill that exists at levels 4 and 5 only, required at 5. Levels are FRAC's
// 1 to 5 in every output: an officer holding none of it is 5 levels short (not 2, the
// levels of its scale, nor 4, the levels up to its lowest), one holding 4 is 1 short.

const PARTIAL_FRAMEWORK: &str =
    include_str!("../data/cases/scales/21-nothing-held-of-a-partial-scale-framework.json");
const PARTIAL_OFFICERS: &str =
    include_str!("../data/cases/scales/21-nothing-held-of-a-partial-scale-officers.json");

#[test]
fn nothing_held_of_a_partial_scale_is_short_by_the_required_level_everywhere() {
    use karmayogi::{
        AcbpOptions, Cohort, CompareOptions, NeedsOptions, OfficersSpec, RecommendOptions,
        RollupOptions,
    };
    let fw = Framework::from_json(PARTIAL_FRAMEWORK).unwrap();
    assert_eq!(range(&fw, "ITSP"), (4, 5));
    let officers = OfficersSpec::from_json(PARTIAL_OFFICERS).unwrap().officers;
    let policy = LevelPolicy::default();
    let none = Profile::new(&fw, &officers[0], &policy).unwrap();
    let report = fw.gap(&none, &GapOptions::default()).unwrap();
    assert_eq!((report.shortfall_levels, report.gaps[0].shortfall), (5, 5));
    assert!(report.readiness.abs() < 1e-12, "{}", report.readiness);
    let text = report.to_string();
    assert!(text.contains("5 of 5 levels short"), "{text}");
    assert!(
        text.contains("Strategic planning [ITSP]  functional     0         5      5"),
        "{text}"
    );
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["gaps"][0]["shortfall"], 5);
    // Readiness is 1 − shortfall / required: holding 4 of 5 is 80%, one level short.
    let four = Profile::new(&fw, &officers[1], &policy).unwrap();
    let report = fw.gap(&four, &GapOptions::default()).unwrap();
    assert_eq!(report.shortfall_levels, 1);
    assert!(
        (report.readiness - 0.8).abs() < 1e-12,
        "{}",
        report.readiness
    );
    // The plan's open gap, from what is held to what is required.
    let plan = fw
        .recommend(&none, "p-planner", &RecommendOptions::default())
        .unwrap();
    assert!(
        plan.to_string()
            .contains("open: Strategic planning [ITSP] 0 -> 5: courses reach only level 4"),
        "{plan}"
    );
    // The heatmap: one officer short by 5, one by 1; 6 levels in all.
    let cohort = Cohort::new(&fw, &officers, &policy).unwrap();
    let needs = fw
        .training_needs(&cohort, &NeedsOptions::default())
        .unwrap();
    let row = &needs.rows[0];
    assert_eq!(
        (row.total_shortfall, row.histogram),
        (6, [0, 1, 0, 0, 0, 1])
    );
    let groups = fw
        .training_needs_by_group(&cohort, &RollupOptions::default())
        .unwrap();
    assert_eq!(groups.rows[0].total_shortfall, 6);
    let evaluation = fw
        .compare(&cohort, &cohort, &CompareOptions::default())
        .unwrap();
    assert_eq!(evaluation.overall.shortfall_before, 6);
    let acbp = fw
        .department_plan(&cohort, &AcbpOptions::default())
        .unwrap();
    assert!(
        acbp.to_string()
            .contains("2 gaps above every course's level"),
        "{acbp}"
    );
}

#[test]
fn levels_named_as_other_levels_numbers_are_refused_where_the_framework_is_built() {
    // scales/34: a scale counted from 0 put on FRAC's 1 to 3, its levels named `Level 0`
    // to `Level 2`. Every reader reads `Level 2` as level 2 before any name, so a passbook
    // giving the level by its name (`Level 2`, the name of level 3) was read as level 2,
    // a gap of one level that is not there, while `Band 2`, named alike, was read as the
    // level of that name. The framework is now refused naming each such level.
    let json = include_str!("../data/cases/scales/34-levels-named-from-zero-framework.json");
    let errors = Framework::from_json(json).expect_err("refused").into_vec();
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        (1..=3)
            .map(|level| format!(
                "competency `digital` names its level {level} `Level {}`, which reads as level \
                 {} wherever a level is written: expected a name that is no other level's number",
                level - 1,
                level - 1
            ))
            .collect::<Vec<_>>()
    );
    assert!(errors.iter().all(|e| e.code() == "level_named_as_number"));

    // Named from 1, the same scale builds, and `Level 2` is level 2 from JSON and CSV
    // alike, as `Band 2` is the level of that name.
    let mut spec = FrameworkSpec::from_json(json).expect("reads");
    for d in &mut spec.competencies[0].levels {
        d.name = Some(format!("Level {}", d.level));
    }
    let fw = Framework::new(spec).expect("named from 1");
    let officers = include_str!("../data/cases/scales/34-levels-named-from-zero-officers.json");
    let evidence = include_str!("../data/cases/scales/34-levels-named-from-zero-evidence.csv");
    let from_json = OfficersSpec::from_json(officers).expect("reads").officers;
    let csv = OfficersCsv::new("id,department,position\no1,meity,us\n").evidence(evidence);
    let from_csv = load_officers(&fw, &csv, &OfficersCsvOptions::default())
        .expect("reads")
        .officers;
    for officers in [from_json, from_csv] {
        let profile = Profile::new(&fw, &officers[0], &LevelPolicy::default()).expect("valid");
        let report = fw.gap(&profile, &GapOptions::default()).expect("gap");
        let gaps: Vec<(String, u8, u8)> = (report.gaps.iter())
            .map(|g| (g.competency.to_string(), g.current.get(), g.required.get()))
            .collect();
        assert_eq!(gaps, [("digital".to_owned(), 2, 3)]);
    }
}
