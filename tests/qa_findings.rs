//! Faults found by adversarial testing, one test per fault, each asserting what a user
//! expects. Every test here fails on the code it was written against; a fix makes it pass.
//! The inputs in `tests/data/qa/` are the reduced real-world cases of the same names (the
//! planning and scale cases), copied so that the repository stays complete on its own.

use std::collections::{BTreeMap, BTreeSet};

use karmayogi::{
    AcbpOptions, CaseDocument, CaseExportOptions, CaseIds, CaseImport, CaseImportOptions,
    CasePackage, Cohort, Framework, GapOptions, LevelPolicy, NeedsOptions, OfficerSpec,
    OfficersSpec, OpenReason, Profile, RecommendOptions, Solver,
};

const BUDGET_FRAMEWORK: &str = include_str!("data/qa/budget_framework.json");
const BUDGET_OFFICER: &str = include_str!("data/qa/budget_officer.json");
const ACBP_FRAMEWORK: &str = include_str!("data/qa/acbp_exact_framework.json");
const ACBP_OFFICERS: &str = include_str!("data/qa/acbp_exact_officers.json");
const UNDATED_FRAMEWORK: &str = include_str!("data/qa/07-undated-framework.json");
const UNDATED_OFFICERS: &str = include_str!("data/qa/07-undated-officers.json");

const DOC: &str = r#""CFDocument": {"identifier": "d0000000-0000-4000-8000-000000000000",
    "creator": "Board", "title": "T", "lastChangeDateTime": "2024-01-01T00:00:00Z"}"#;

#[track_caller]
fn framework(json: &str) -> Framework {
    Framework::from_json(json).unwrap_or_else(|e| panic!("{e}"))
}

#[track_caller]
fn officers(json: &str) -> Vec<OfficerSpec> {
    OfficersSpec::from_json(json)
        .unwrap_or_else(|e| panic!("{e}"))
        .officers
}

fn document() -> CaseDocument {
    CaseDocument::new(
        "d0000000-0000-4000-8000-000000000009",
        "Export",
        "Board",
        "2024-01-01T00:00:00Z",
    )
}

// ---------------------------------------------------------------------------------------
// Planning
// ---------------------------------------------------------------------------------------

/// `planning/budget_*`: within 30 hours the best plan is `big` + `d4` + `e3`, 14 weighted
/// levels in 27 hours. The budgeted greedy takes the single most valuable course (`big`,
/// 9 levels in 20 hours) and stops, leaving 10 hours unspent, and then says `d`, `e` and
/// `f` are "not within the hour budget" although `d4` (4 h) and `e3` (3 h) fit.
#[test]
fn budgeted_greedy_stops_after_the_single_best_course_and_leaves_hours_unused() {
    let fw = framework(BUDGET_FRAMEWORK);
    let officer = &officers(BUDGET_OFFICER)[0];
    let profile = Profile::new(&fw, officer, &LevelPolicy::default()).unwrap();
    let options = RecommendOptions::default().budget(30.0).unwrap();
    let plan = fw.recommend(&profile, "p", &options).unwrap();
    let left = 30.0 - plan.total_hours;
    for open in &plan.open {
        if open.reason != OpenReason::Budget {
            continue;
        }
        let fitting: Vec<&str> = fw
            .courses()
            .iter()
            .filter(|c| c.hours <= left + 1e-9)
            .filter(|c| {
                c.provides.iter().any(|o| {
                    o.competency == *open.competency
                        && o.level.is_some_and(|l| l >= open.required.get())
                })
            })
            .map(|c| c.id.as_str())
            .collect();
        assert!(
            fitting.is_empty(),
            "gap {} is reported as not within the budget, but {fitting:?} close it in the \
             {left} hours left\n{plan}",
            open.competency
        );
    }
    assert_eq!(
        (plan.value_closed, plan.total_hours),
        (14.0, 27.0),
        "expected 14 weighted levels in 27 hours\n{plan}"
    );
}

/// `planning/acbp_exact_*`: with the exact solver, officer IT02 is enrolled in
/// `it-act-foundation` (20 hours), which closes none of IT02's gaps (IT02 holds `it-act` at
/// 3; the course brings it to 2) and is the prerequisite of none of IT02's other courses.
#[test]
fn exact_department_plan_enrols_an_officer_in_a_course_that_closes_none_of_their_gaps() {
    let fw = framework(ACBP_FRAMEWORK);
    let people = officers(ACBP_OFFICERS);
    let cohort = Cohort::new(&fw, &people, &LevelPolicy::default()).unwrap();
    let options = AcbpOptions::default()
        .officer_cap(30.0)
        .unwrap()
        .solver(Solver::Exact {
            node_limit: 1_000_000,
        });
    let plan = fw.department_plan(&cohort, &options).unwrap();
    for enrolment in &plan.enrolments {
        let spec = people
            .iter()
            .find(|o| o.id == enrolment.officer)
            .expect("an officer of the cohort");
        let profile = Profile::new(&fw, spec, &LevelPolicy::default()).unwrap();
        let report = fw
            .gap_for(
                &profile,
                enrolment.position.as_str(),
                &GapOptions::default(),
            )
            .unwrap();
        let gaps: BTreeMap<&str, u8> = report
            .gaps
            .iter()
            .map(|g| (g.competency.as_str(), g.required.get()))
            .collect();
        let taken: BTreeSet<&str> = enrolment.courses.iter().map(|c| c.as_str()).collect();
        for course in &enrolment.courses {
            let spec = fw.course(course.as_str()).unwrap();
            let closes = spec.provides.iter().any(|o| {
                gaps.get(o.competency.as_str())
                    .is_some_and(|&required| o.level.is_some_and(|l| l >= required))
            });
            let prerequisite = taken.iter().any(|other| {
                fw.course(other)
                    .unwrap()
                    .prerequisites
                    .iter()
                    .any(|p| p == *course)
            });
            assert!(
                closes || prerequisite,
                "{} is enrolled in {course}, which closes none of their gaps and is no \
                 prerequisite of their other courses\n{plan}",
                enrolment.officer
            );
        }
    }
}

// ---------------------------------------------------------------------------------------
// Evidence dates
// ---------------------------------------------------------------------------------------

/// `scales/07-undated-*`: the platform's profiles hold self-declared evidence with an
/// empty date and with an ISO date-time. DESIGN.md says format version 2 adds "evidence
/// without a date", yet `Evidence::date` is required, `""` and a missing date are refused,
/// and `2024-02-10T09:30:00.000+0530` is not read by its date.
#[test]
fn undated_and_date_time_evidence_is_refused_though_format_2_promises_undated_evidence() {
    let fw = framework(UNDATED_FRAMEWORK);
    let policy = LevelPolicy::default().self_declared(true);
    let officer = &officers(UNDATED_OFFICERS)[0];
    let profile = Profile::new(&fw, officer, &policy).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(profile.level(&fw, "BC7").unwrap().get(), 3);
    let no_date = r#"{"format_version": 2, "officers": [{"id": "u", "department": "dopt",
        "position": "p-so", "passbook": [{"competency": "FC1", "level": 1,
        "source": "self_declared"}]}]}"#;
    let parsed = OfficersSpec::from_json(no_date).unwrap_or_else(|e| panic!("{e}"));
    Profile::new(&fw, &parsed.officers[0], &policy).unwrap_or_else(|e| panic!("{e}"));
}

/// Two passbook entries with bad dates give two identical lines ("officer `u` has evidence
/// dated `x`"): neither names the entry nor the competency, so the user cannot tell which
/// entry to fix.
#[test]
fn evidence_date_errors_name_neither_the_entry_nor_the_competency() {
    let fw = framework(UNDATED_FRAMEWORK);
    let json = r#"{"format_version": 2, "officers": [{"id": "u", "department": "dopt",
        "position": "p-so", "passbook": [
          {"competency": "FC1", "level": 1, "source": "assessment", "date": "x"},
          {"competency": "BC7", "level": 1, "source": "assessment", "date": "x"}]}]}"#;
    let officer = &officers(json)[0];
    let errors = Profile::new(&fw, officer, &LevelPolicy::default())
        .unwrap_err()
        .to_string();
    assert!(
        errors.contains("FC1") && errors.contains("BC7"),
        "each error should name its competency (and entry):\n{errors}"
    );
}

// ---------------------------------------------------------------------------------------
// Reports
// ---------------------------------------------------------------------------------------

/// A one-competency, one-course framework whose names are given.
fn named_framework(competency: &str, course: &str) -> Framework {
    let q = |s: &str| serde_json::to_string(s).unwrap();
    framework(&format!(
        r#"{{"format_version": 2,
          "competencies": [{{"id": "c", "name": {}, "type": "functional"}},
                           {{"id": "plain", "name": "Plain", "type": "functional"}}],
          "roles": [{{"id": "r", "name": "R", "requires": [{{"competency": "c", "level": 3}},
                                                         {{"competency": "plain", "level": 3}}]}}],
          "positions": [{{"id": "p", "name": "Post", "department": "d", "roles": ["r"]}}],
          "courses": [{{"id": "k", "name": {}, "hours": 4,
                       "provides": [{{"competency": "c", "level": 3}}]}}]}}"#,
        q(competency),
        q(course)
    ))
}

/// A name holding a newline is accepted and printed raw, so it starts a line of its own in
/// every report: a course name can add a fake "Attendance by officer" section and a fake
/// officer line to the department plan a department files.
#[test]
fn a_newline_in_a_name_injects_fake_lines_into_reports() {
    let injected = "Course\nAttendance by officer, courses in learning order\n  \
                    FAKE as Post [p]: 9 courses, 90 hours, 9 gaps closed";
    let Ok(fw) = Framework::from_json(&format!(
        r#"{{"format_version": 2,
          "competencies": [{{"id": "c", "name": "C", "type": "functional"}}],
          "roles": [{{"id": "r", "name": "R", "requires": [{{"competency": "c", "level": 3}}]}}],
          "positions": [{{"id": "p", "name": "Post", "department": "d", "roles": ["r"]}}],
          "courses": [{{"id": "k", "name": {}, "hours": 4,
                       "provides": [{{"competency": "c", "level": 3}}]}}]}}"#,
        serde_json::to_string(injected).unwrap()
    )) else {
        return; // refusing control characters in names is a fix too
    };
    let people = officers(
        r#"{"format_version": 2, "officers": [
            {"id": "o1", "name": "Ravi\n  o2 as Post [p]: 0 courses", "department": "d", "position": "p"}]}"#,
    );
    let cohort = Cohort::new(&fw, &people, &LevelPolicy::default()).unwrap();
    let plan = fw
        .department_plan(&cohort, &AcbpOptions::default())
        .unwrap()
        .to_string();
    let fake: Vec<&str> = plan
        .lines()
        .filter(|l| l.trim_start().starts_with("FAKE") || l.trim_start().starts_with("o2 as"))
        .collect();
    assert!(fake.is_empty(), "lines injected by names: {fake:?}\n{plan}");
    assert_eq!(
        plan.matches("Attendance by officer").count(),
        1,
        "a course name added a section heading:\n{plan}"
    );
}

/// The printed width of a cell, as a terminal shows it: wide East Asian characters and
/// emoji take two columns, combining marks and zero-width characters none.
fn display_width(text: &str) -> usize {
    text.chars()
        .map(|c| match c as u32 {
            0x0300..=0x036F
            | 0x0900..=0x0902
            | 0x093A
            | 0x093C
            | 0x0941..=0x0948
            | 0x094D
            | 0x0951..=0x0957
            | 0x0962..=0x0963
            | 0x200B..=0x200F
            | 0xFE00..=0xFE0F => 0,
            0x1100..=0x115F
            | 0x2E80..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFF00..=0xFF60
            | 0x1F300..=0x1F64F
            | 0x1F900..=0x1F9FF
            | 0x20000..=0x3FFFD => 2,
            _ => 1,
        })
        .sum()
}

/// Tables size columns by counting characters, so names in Hindi (combining vowel signs),
/// Chinese or with emoji push the next columns out of line.
#[test]
fn table_columns_misalign_for_hindi_chinese_and_emoji_names() {
    for name in ["हिन्दी में टिप्पणी लेखन", "行政管理", "📋 Filing"]
    {
        let fw = named_framework(name, "Course");
        let people = officers(
            r#"{"format_version": 2, "officers": [{"id": "o", "department": "d", "position": "p"}]}"#,
        );
        let profile = Profile::new(&fw, &people[0], &LevelPolicy::default()).unwrap();
        let report = fw
            .gap(&profile, &GapOptions::default())
            .unwrap()
            .to_string();
        let columns: Vec<usize> = report
            .lines()
            .filter_map(|l| l.find("functional").map(|i| display_width(&l[..i])))
            .collect();
        assert!(
            columns.len() == 2 && columns[0] == columns[1],
            "the type column starts at display columns {columns:?} for `{name}`:\n{report}"
        );
    }
}

/// The department plan's headline prints the closed share with `{:.1}`: 2,499 of 2,500
/// equal gaps closed reads "(100.0% of the weighted shortfall)". The crate's own rule
/// (`Percent`) is never to print 100% for less.
#[test]
fn department_plan_headline_claims_100_percent_when_a_gap_stays_open() {
    let fw = framework(
        r#"{"format_version": 2,
          "competencies": [{"id": "c", "name": "C", "type": "functional"}],
          "roles": [{"id": "r", "name": "R", "requires": [{"competency": "c", "level": 1}]}],
          "positions": [{"id": "p", "name": "P", "department": "d", "roles": ["r"]}],
          "courses": [{"id": "k", "name": "K", "hours": 1,
                       "provides": [{"competency": "c", "level": 1}]}]}"#,
    );
    let list: Vec<String> = (0..2500)
        .map(|i| format!(r#"{{"id": "o{i:04}", "department": "d", "position": "p"}}"#))
        .collect();
    let people = officers(&format!(
        r#"{{"format_version": 2, "officers": [{}]}}"#,
        list.join(",")
    ));
    let cohort = Cohort::new(&fw, &people, &LevelPolicy::default()).unwrap();
    let options = AcbpOptions::default().budget(2499.0).unwrap();
    let plan = fw.department_plan(&cohort, &options).unwrap();
    assert_eq!((plan.gaps_closed, plan.gaps), (2499, 2500));
    let summary = plan.summary().to_string();
    assert!(
        !summary.contains("(100.0%"),
        "a gap is open but the headline says 100.0%:\n{summary}"
    );
}

/// A course of 0.04 hours (valid: above 0) prints as `0.0 h` and the path as "0.0 hours".
#[test]
fn a_short_course_prints_as_zero_hours() {
    let fw = framework(
        r#"{"format_version": 2,
          "competencies": [{"id": "c", "name": "C", "type": "functional"}],
          "roles": [{"id": "r", "name": "R", "requires": [{"competency": "c", "level": 1}]}],
          "positions": [{"id": "p", "name": "P", "department": "d", "roles": ["r"]}],
          "courses": [{"id": "k", "name": "Micro lesson", "hours": 0.04,
                       "provides": [{"competency": "c", "level": 1}]}]}"#,
    );
    let people = officers(
        r#"{"format_version": 2, "officers": [{"id": "o", "department": "d", "position": "p"}]}"#,
    );
    let profile = Profile::new(&fw, &people[0], &LevelPolicy::default()).unwrap();
    let plan = fw
        .recommend(&profile, "p", &RecommendOptions::default())
        .unwrap()
        .to_string();
    assert!(
        !plan.contains(" 0.0 h") && !plan.contains("0.0 hours"),
        "a 0.04-hour course is shown as taking no time:\n{plan}"
    );
}

/// The heatmap legend says `met` counts "officers at the level", but an officer above the
/// required level is counted there too.
#[test]
fn heatmap_legend_says_met_is_at_the_level_but_counts_officers_above_it() {
    let fw = framework(
        r#"{"format_version": 2,
          "competencies": [{"id": "c", "name": "C", "type": "functional"}],
          "roles": [{"id": "r", "name": "R", "requires": [{"competency": "c", "level": 2}]}],
          "positions": [{"id": "p", "name": "P", "department": "d", "roles": ["r"]}]}"#,
    );
    let people = officers(
        r#"{"format_version": 2, "officers": [{"id": "o", "department": "d", "position": "p",
            "passbook": [{"competency": "c", "level": 5, "source": "assessment", "date": "2024-01-01"}]}]}"#,
    );
    let cohort = Cohort::new(&fw, &people, &LevelPolicy::default()).unwrap();
    let needs = fw
        .training_needs(&cohort, &NeedsOptions::default())
        .unwrap();
    assert_eq!(needs.rows[0].histogram[0], 1);
    let text = needs.to_string();
    assert!(
        !text.contains("officers at the level,"),
        "the officer at level 5 of a required 2 is not \"at the level\":\n{text}"
    );
}

// ---------------------------------------------------------------------------------------
// Groups
// ---------------------------------------------------------------------------------------

/// `area: "X"` is documented as shorthand for membership of `area:X`; a competency that
/// says both (as one migrating to format 2 does) is told it "lists group `area:X` more than
/// once", which it does not: the message should name the area, or the two should agree.
#[test]
fn area_and_its_group_together_are_reported_as_a_group_listed_twice() {
    let result = Framework::from_json(
        r#"{"format_version": 2, "competencies": [{"id": "c", "name": "C",
            "type": "functional", "area": "X", "groups": ["area:X"]}]}"#,
    );
    if let Err(e) = result {
        let text = e.to_string();
        assert!(
            !text.contains("more than once"),
            "the competency lists `area:X` once and names area `X` once: {text}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// CASE import and export
// ---------------------------------------------------------------------------------------

/// Fields of a node link other than `title`, `identifier` and `uri` (and a `title` of
/// another type) are neither carried nor reported, and the import says it is complete.
#[test]
fn case_node_link_fields_are_dropped_without_a_report() {
    let json = format!(
        r#"{{{DOC}, "CFItems": [
            {{"identifier": "a1", "fullStatement": "Area", "CFItemType": "Area"}},
            {{"identifier": "c1", "fullStatement": "C", "CFItemType": "Functional Competency"}}],
          "CFAssociations": [{{"identifier": "e1", "associationType": "isChildOf",
            "originNodeURI": {{"identifier": "c1", "targetType": "CFItem", "note": "keep me"}},
            "destinationNodeURI": {{"identifier": "a1", "title": 5}}}}]}}"#
    );
    let import = CaseImport::from_json(&json, &CaseImportOptions::default()).unwrap();
    let fields: Vec<&str> = import
        .report
        .dropped_fields
        .iter()
        .map(|f| f.field.as_str())
        .collect();
    assert!(
        !import.report.is_complete(),
        "`targetType`, `note` and a numeric `title` were set aside, yet the import is \
         complete; fields reported: {fields:?}"
    );
}

/// Keys beside a `{"CFPackage": …}` wrapper that the wrapped package also has are thrown
/// away: here a second `CFItems` list with item `c2`, and the import says it is complete.
#[test]
fn case_items_beside_the_cfpackage_wrapper_are_dropped_without_a_report() {
    let json = format!(
        r#"{{"CFPackage": {{{DOC},
              "CFItems": [{{"identifier": "c1", "fullStatement": "Inner", "CFItemType": "Functional Competency"}}],
              "CFAssociations": []}},
            "CFItems": [{{"identifier": "c2", "fullStatement": "Outer", "CFItemType": "Functional Competency"}}]}}"#
    );
    let import = CaseImport::from_json(&json, &CaseImportOptions::default()).unwrap();
    let carried = import
        .spec
        .competencies
        .iter()
        .any(|c| c.id.as_str() == "c2");
    let reported = import
        .report
        .dropped_fields
        .iter()
        .any(|f| f.field == "CFItems");
    assert!(
        carried || reported,
        "item `c2` vanished; complete = {}",
        import.report.is_complete()
    );
}

/// The crate's own export of a framework with a group re-imports as incomplete: the
/// `sequenceNumber` it writes on every `isChildOf` comes back as a dropped field, so
/// `is_complete` cannot be used to check a round trip.
#[test]
fn case_own_export_reimports_as_incomplete() {
    let fw = framework(
        r#"{"format_version": 2,
          "groups": [{"id": "g", "name": "Office procedure", "kind": "area"}],
          "competencies": [{"id": "c", "name": "Noting", "type": "functional", "groups": ["g"]}]}"#,
    );
    let package =
        CasePackage::from_framework(&fw, &document(), &CaseExportOptions::default()).unwrap();
    let options = CaseImportOptions::default().ids(CaseIds::HumanCodingScheme);
    let back = CaseImport::from_json(&package.to_json(), &options).unwrap();
    let fields: Vec<String> = back
        .report
        .dropped_fields
        .iter()
        .map(|f| format!("{} {}", f.identifier, f.field))
        .collect();
    assert!(
        back.report.is_complete(),
        "the crate's own package reports fields it wrote as set aside: {fields:?}"
    );
}

/// A package saved with a UTF-8 byte-order mark (as Windows tools write files) is refused
/// with "expected value at line 1 column 1", which does not say what is wrong.
#[test]
fn case_package_with_a_byte_order_mark_gets_an_unhelpful_error() {
    let json = format!(
        "\u{feff}{{{DOC}, \"CFItems\": [{{\"identifier\": \"c1\", \"fullStatement\": \"C\"}}], \"CFAssociations\": []}}"
    );
    match CaseImport::from_json(&json, &CaseImportOptions::default()) {
        Ok(_) => {}
        Err(e) => {
            let text = e.to_string().to_lowercase();
            assert!(
                text.contains("byte-order mark") || text.contains("bom"),
                "the error does not say the text starts with a byte-order mark: {e}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------
// Examples
// ---------------------------------------------------------------------------------------

#[cfg(unix)]
fn example(name: &str) -> std::process::Command {
    let exe = std::env::current_exe().expect("the test's own path");
    let profile = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target/<profile>/deps");
    std::process::Command::new(
        profile
            .join("examples")
            .join(format!("{name}{}", std::env::consts::EXE_SUFFIX)),
    )
}

/// `quickstart` takes no arguments and `learning_path` at most two, but both run to the
/// end with exit code 0 when given more (a typo such as `--ful` goes unnoticed), instead of
/// exit code 1 and one line on standard error as the README promises for bad arguments.
#[cfg(unix)]
#[test]
fn examples_accept_unexpected_arguments_silently() {
    for (name, args) in [
        ("quickstart", &["--bogus"][..]),
        ("learning_path", &["arjun-rao", "aso-division", "extra"][..]),
    ] {
        let output = example(name)
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("{name} is not built (run `cargo build --examples`): {e}"));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            output.status.code() == Some(1) && stderr.lines().count() == 1,
            "{name} {args:?}: {:?}, standard error: {stderr:?}",
            output.status
        );
    }
}

/// An identifier given for a group or area the framework does not have is ignored without
/// a word (a typo in a group id silently exports a derived identifier instead).
#[test]
fn case_export_ignores_identifiers_given_for_unknown_groups_and_areas() {
    let fw = framework(
        r#"{"format_version": 2, "groups": [{"id": "g", "name": "G"}],
          "competencies": [{"id": "c", "name": "C", "type": "functional", "groups": ["g"]}]}"#,
    );
    let options = CaseExportOptions::default()
        .group_identifier("G", "a0000000-0000-4000-8000-000000000001")
        .area_identifier("Nowhere", "a0000000-0000-4000-8000-000000000002");
    let result = CasePackage::from_framework(&fw, &document(), &options);
    assert!(
        result.is_err(),
        "identifiers for group `G` and area `Nowhere` (neither exists) were accepted and unused"
    );
}

/// A framework whose group and competency share a UUID id is valid (`Framework::new`
/// accepts it: they are different kinds), but its export fails with "duplicate case
/// identifier", naming neither the group nor the competency.
#[test]
fn case_export_refuses_a_valid_framework_whose_group_and_competency_share_a_uuid() {
    let id = "a0000000-0000-4000-8000-000000000001";
    let fw = framework(&format!(
        r#"{{"format_version": 2, "groups": [{{"id": "{id}", "name": "G"}}],
          "competencies": [{{"id": "{id}", "name": "C", "type": "functional"}}]}}"#
    ));
    let result = CasePackage::from_framework(&fw, &document(), &CaseExportOptions::default());
    if let Err(e) = result {
        let text = e.to_string();
        assert!(
            text.contains("group") && text.contains("competency"),
            "the export of a valid framework fails, and the error does not say which two \
             entities collide: {text}"
        );
    }
}

/// Empty ids are refused, and blank names are, but an id of spaces is accepted: reports
/// then print `Name [ ]`.
#[test]
fn ids_of_only_spaces_are_accepted() {
    for json in [
        r#"{"format_version": 2, "competencies": [{"id": " ", "name": "C", "type": "functional"}]}"#,
        r#"{"format_version": 2, "groups": [{"id": "  ", "name": "G"}], "competencies": []}"#,
    ] {
        assert!(
            Framework::from_json(json).is_err(),
            "a blank id was accepted: {json}"
        );
    }
}
