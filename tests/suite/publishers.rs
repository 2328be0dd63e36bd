//! Inputs as publishers and HR systems really write them, and the rule the crate follows
//! for each: CSV headers naming one column twice, CASE association types in another
//! capitalisation, CASE documents whose identifier is not a UUID, passbook levels below a
//! competency's lowest level, zero-weighted gaps, and the importers fed byte-order marks,
//! CRLF, trailing commas, invisible characters, empty files and extreme numbers. Each
//! fault gives a structured error naming what is wrong, or a documented acceptance whose
//! report says what was set aside.

use std::collections::BTreeSet;

use karmayogi::{
    AcbpOptions, CaseDocument, CaseDropReason, CaseElement, CaseExportOptions, CaseFieldReason,
    CaseIds, CaseImport, CaseImportOptions, CasePackage, Cohort, EntityKind, Error, EscoCsv,
    EscoOptions, Evidence, EvidenceProblem, Framework, FrameworkSpec, GapOptions, Level,
    LevelPolicy, OfficerSpec, OfficersCsv, OfficersCsvOptions, OnetCsv, OnetOptions, OpenReason,
    Profile, RecommendOptions, Solver, Target, Weights, load_esco, load_officers, load_onet,
};

use crate::support::{self, dropped, exported, import, kept_associations};

const ASSOCIATION_CASE: &str = include_str!("../data/case/association-type-case.json");

fn uuid(prefix: &str, n: u8) -> String {
    format!("{prefix}000000-0000-4000-8000-00000000000{n}")
}

/// The `(child, parent)` identifiers of every association of `package` whose type is
/// `isChildOf` in any capitalisation.
fn child_of_any_case(package: &karmayogi::CasePackage) -> BTreeSet<(String, String)> {
    package
        .associations
        .iter()
        .filter(|a| a.association_type.trim().eq_ignore_ascii_case("isChildOf"))
        .map(crate::support::ends)
        .collect()
}

// ---------------------------------------------------------------------------------------
// CASE association types in another capitalisation

#[test]
fn child_of_in_any_capitalisation_places_items_and_sets_nothing_aside() {
    let import: CaseImport = import(ASSOCIATION_CASE);
    let area = uuid("a1", 1);
    let memberships: Vec<(String, Vec<String>)> = import
        .spec
        .competencies
        .iter()
        .map(|c| {
            (
                c.id.to_string(),
                c.groups.iter().map(ToString::to_string).collect(),
            )
        })
        .collect();
    assert_eq!(
        memberships,
        [
            (uuid("c1", 1), vec![area.clone()]),
            (uuid("c1", 2), vec![area.clone()]),
            (uuid("c1", 3), vec![area.clone()]),
        ]
    );
    assert_eq!(import.spec.groups.len(), 1);
    assert!(import.spec.groups[0].parents.is_empty());
    // Only the `Precedes` association is kept aside, as every association other than
    // `isChildOf` is; nothing else is dropped or reported.
    let kept = kept_associations(&import.report);
    assert_eq!(kept, [uuid("e1", 5)]);
    assert!(
        import.report.dropped.is_empty(),
        "{:?}",
        import.report.dropped
    );
    assert!(
        import.report.dropped_fields.is_empty(),
        "{:?}",
        import.report.dropped_fields
    );
    // A round trip writes every edge back, as `isChildOf`.
    let original = karmayogi::CasePackage::from_json(ASSOCIATION_CASE).unwrap();
    let again = exported(&import);
    assert_eq!(
        crate::support::child_of_edges(&again),
        child_of_any_case(&original)
    );
}

#[test]
fn child_of_with_a_hidden_character_is_kept_aside_not_read() {
    // A zero-width space is not a capitalisation: the association is another type, kept
    // whole in the report, and the competency it would place stays at the top level.
    let text = ASSOCIATION_CASE.replace("\"IsChildOf\"", "\"IsChildOf\\u200b\"");
    let import: CaseImport = import(&text);
    let kept = kept_associations(&import.report);
    assert_eq!(kept, [uuid("e1", 2), uuid("e1", 5)]);
    let first = &import.spec.competencies[0];
    assert_eq!(first.id.as_str(), uuid("c1", 1));
    assert!(first.groups.is_empty());
}

// ---------------------------------------------------------------------------------------
// Passbook levels below a competency's lowest level

const SFIA_PARTIAL: &str = include_str!("../data/cases/scales/02-sfia-partial-levels.json");

/// The SFIA case with the skill existing at levels 4 and 5 only.
fn four_and_five() -> Framework {
    let mut spec = FrameworkSpec::from_json(SFIA_PARTIAL).unwrap();
    spec.competencies[0].min_level = Some(4);
    Framework::new(spec).unwrap()
}

fn planner(passbook: Vec<Evidence>) -> OfficerSpec {
    support::officer("o1", "it", "p-planner", passbook)
}

#[test]
fn a_passbook_level_below_the_lowest_level_is_an_error_naming_officer_entry_and_competency() {
    let fw = four_and_five();
    let policy = LevelPolicy::default();
    for level in 1..4 {
        let officer = planner(vec![support::assessed("ITSP", level, "2024-01-01")]);
        let errors = Profile::new(&fw, &officer, &policy).unwrap_err().into_vec();
        assert_eq!(
            errors,
            [Error::InvalidEvidence {
                officer: "o1".into(),
                index: 0,
                competency: "ITSP".into(),
                problem: EvidenceProblem::LevelBelowScale {
                    level,
                    min: 4,
                    max: 5
                },
            }]
        );
        assert_eq!(
            errors[0].to_string(),
            format!(
                "officer `o1` passbook entry 0 (competency `ITSP`): level {level} is below \
                 the competency's lowest level: expected 0 (none) or 4 to 5"
            )
        );
        assert_eq!(errors[0].code(), "invalid_evidence");
        let value = serde_json::to_value(&errors[0]).unwrap();
        assert_eq!(value["problem"]["problem"], "level_below_scale");
        // A cohort refuses it too.
        assert!(Cohort::new(&fw, [&officer], &policy).is_err());
    }
    // 0 (none) and the levels the skill has are accepted.
    for level in [0, 4, 5] {
        let officer = planner(vec![support::assessed("ITSP", level, "2024-01-01")]);
        let profile = Profile::new(&fw, &officer, &policy).expect("a level the skill has");
        let gaps = fw.gap(&profile, &GapOptions::default());
        let gaps = gaps.unwrap();
        assert_eq!(gaps.gaps.len(), usize::from(level < 5));
    }
}

#[test]
fn a_csv_passbook_level_below_the_lowest_level_names_the_row_and_the_level_column() {
    let fw = four_and_five();
    let officers = "id,department,position\r\no1,it,p-planner\r\n";
    let evidence = "officer,competency,level,source,date\r\no1,ITSP,2,assessment,2024-01-01\r\n";
    let csv = OfficersCsv::new(officers).evidence(evidence);
    for errors in [
        load_officers(&fw, &csv, &OfficersCsvOptions::default())
            .unwrap_err()
            .into_vec(),
        Cohort::from_csv(&fw, &csv, &OfficersCsvOptions::default())
            .unwrap_err()
            .into_vec(),
    ] {
        assert_eq!(errors.len(), 1, "{errors:?}");
        let Error::CsvRow {
            file,
            line,
            column,
            error,
        } = &errors[0]
        else {
            panic!("{errors:?}")
        };
        assert_eq!((*file, *line, *column), ("evidence.csv", 2, "level"));
        assert!(matches!(
            **error,
            Error::InvalidEvidence {
                problem: EvidenceProblem::LevelBelowScale {
                    level: 2,
                    min: 4,
                    max: 5
                },
                ..
            }
        ));
    }
}

#[test]
fn a_target_level_below_the_lowest_level_is_an_invalid_level() {
    let fw = four_and_five();
    let level = |n| Level::new(n).unwrap();
    let target = |current, required| Target {
        competency: "ITSP".into(),
        current: level(current),
        required: level(required),
    };
    let options = RecommendOptions::default();
    let errors = fw
        .recommend_targets(&[target(2, 5)], &[], &options)
        .unwrap_err()
        .into_vec();
    assert_eq!(
        errors,
        [Error::InvalidLevel {
            owner_kind: EntityKind::Competency,
            owner: "ITSP".into(),
            competency: "ITSP".into(),
            level: 2,
            min: 4,
            max: 5,
        }]
    );
    let errors = fw
        .recommend_targets(&[target(0, 3)], &[], &options)
        .unwrap_err()
        .into_vec();
    assert_eq!(
        errors[0].to_string(),
        "a target names competency `ITSP` at level 3: expected 4 to 5"
    );
    assert!(fw.recommend_targets(&[target(0, 4)], &[], &options).is_ok());
}

// ---------------------------------------------------------------------------------------
// Zero-weighted gaps: recommend and department_plan follow one rule

/// Position `p` needs `drafting` (functional) and `integrity` (behavioural) at level 2;
/// `draft-101` (5 h) closes drafting, `ethics-101` (3 h) integrity, and `office-102`
/// (`office_hours`) both.
fn weighted_framework(office_hours: f64) -> Framework {
    Framework::from_json(&format!(
        r#"{{"format_version": 1,
        "competencies": [
          {{"id": "drafting", "name": "Noting and drafting", "type": "functional"}},
          {{"id": "integrity", "name": "Integrity", "type": "behavioural"}}],
        "roles": [{{"id": "r", "name": "Desk", "requires": [
          {{"competency": "drafting", "level": 2}}, {{"competency": "integrity", "level": 2}}]}}],
        "positions": [{{"id": "p", "name": "Section officer", "department": "d", "roles": ["r"]}}],
        "courses": [
          {{"id": "draft-101", "name": "Drafting", "hours": 5,
            "provides": [{{"competency": "drafting", "level": 2}}]}},
          {{"id": "ethics-101", "name": "Ethics", "hours": 3,
            "provides": [{{"competency": "integrity", "level": 2}}]}},
          {{"id": "office-102", "name": "Office practice", "hours": {office_hours},
            "provides": [{{"competency": "drafting", "level": 2}},
                         {{"competency": "integrity", "level": 2}}]}}]}}"#
    ))
    .unwrap()
}

/// `(courses, closed competencies, open competencies with their reasons)` of a plan.
type Outcome = (Vec<String>, Vec<String>, Vec<(String, OpenReason)>);

fn recommend_outcome(fw: &Framework, options: &RecommendOptions) -> Outcome {
    let officer = support::officer("o1", "d", "p", Vec::new());
    let profile = Profile::new(fw, &officer, &LevelPolicy::default()).unwrap();
    let plan = fw.recommend(&profile, "p", options).unwrap();
    let courses = plan.steps.iter().map(|s| s.course.to_string()).collect();
    let closed = plan
        .steps
        .iter()
        .flat_map(|s| s.closes.iter().map(|c| c.competency.to_string()))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let open = plan
        .open
        .iter()
        .map(|o| (o.competency.to_string(), o.reason))
        .collect();
    (courses, closed, open)
}

fn department_outcome(fw: &Framework, options: &AcbpOptions) -> (Vec<String>, u64, u64) {
    let officer = support::officer("o1", "d", "p", Vec::new());
    let cohort = Cohort::new(fw, [&officer], &LevelPolicy::default()).unwrap();
    let plan = fw.department_plan(&cohort, options).unwrap();
    let courses = plan.enrolments[0]
        .courses
        .iter()
        .map(ToString::to_string)
        .collect();
    (courses, plan.gaps_closed, plan.open.not_prioritised)
}

#[test]
fn a_gap_weighted_zero_is_not_aimed_at_with_or_without_a_budget() {
    let fw = weighted_framework(9.0);
    let zero_type = Weights::new(0.0, 1.0, 1.0).unwrap();
    let not_prioritised = vec![("integrity".to_owned(), OpenReason::NotPrioritised)];
    for options in [
        RecommendOptions::default().weights(zero_type),
        RecommendOptions::default()
            .competency_weight("integrity", 0.0)
            .unwrap(),
        RecommendOptions::default()
            .solver(Solver::Greedy)
            .competency_weight("integrity", 0.0)
            .unwrap(),
        RecommendOptions::default()
            .budget(100.0)
            .unwrap()
            .competency_weight("integrity", 0.0)
            .unwrap(),
    ] {
        assert_eq!(
            recommend_outcome(&fw, &options),
            (
                vec!["draft-101".to_owned()],
                vec!["drafting".to_owned()],
                not_prioritised.clone()
            ),
            "{options:?}"
        );
    }
    // The department plan, with or without a budget, does the same.
    for options in [
        AcbpOptions::default().weights(zero_type),
        AcbpOptions::default()
            .competency_weight("integrity", 0.0)
            .unwrap(),
        AcbpOptions::default()
            .budget(100.0)
            .unwrap()
            .competency_weight("integrity", 0.0)
            .unwrap(),
    ] {
        assert_eq!(
            department_outcome(&fw, &options),
            (vec!["draft-101".to_owned()], 1, 1),
            "{options:?}"
        );
    }
    // Unweighted, both close both gaps in the fewest hours (5 + 3 < 9).
    let both = recommend_outcome(&fw, &RecommendOptions::default());
    assert_eq!(both.0, ["draft-101", "ethics-101"]);
    assert!(both.2.is_empty());
    assert_eq!(
        department_outcome(&fw, &AcbpOptions::default()),
        (vec!["draft-101".to_owned(), "ethics-101".to_owned()], 2, 0)
    );
}

#[test]
fn a_gap_weighted_zero_closed_by_a_course_chosen_for_another_counts_as_closed() {
    // `office-102` (4 h) is the cheapest course for drafting, and closes integrity too.
    let fw = weighted_framework(4.0);
    let options = RecommendOptions::default()
        .competency_weight("integrity", 0.0)
        .unwrap();
    assert_eq!(
        recommend_outcome(&fw, &options),
        (
            vec!["office-102".to_owned()],
            vec!["drafting".to_owned(), "integrity".to_owned()],
            Vec::new()
        )
    );
    let options = AcbpOptions::default()
        .competency_weight("integrity", 0.0)
        .unwrap();
    assert_eq!(
        department_outcome(&fw, &options),
        (vec!["office-102".to_owned()], 2, 0)
    );
}

#[test]
fn every_gap_weighted_zero_gives_an_empty_plan() {
    let fw = weighted_framework(9.0);
    let options = RecommendOptions::default().weights(Weights::new(0.0, 0.0, 0.0).unwrap());
    let (courses, closed, open) = recommend_outcome(&fw, &options);
    assert!(courses.is_empty() && closed.is_empty());
    assert_eq!(
        open,
        [
            ("drafting".to_owned(), OpenReason::NotPrioritised),
            ("integrity".to_owned(), OpenReason::NotPrioritised)
        ]
    );
}

// ---------------------------------------------------------------------------------------
// CASE documents whose identifier is not a CASE UUID

#[test]
fn a_document_identifier_that_is_not_a_uuid_exports_under_a_derived_uuid() {
    let fw = Framework::from_json(SFIA_PARTIAL).unwrap();
    let stamp = "2024-01-01T00:00:00Z";
    // Expected values from Python's `uuid.uuid5(uuid.NAMESPACE_URL, name)`.
    for (given, expected) in [
        ("MATH-2024", "a3b1f38f-5a1c-5df7-aba3-2e62bab61bdd"),
        (" MATH-2024\r\n", "a3b1f38f-5a1c-5df7-aba3-2e62bab61bdd"),
        ("not-a-uuid", "6892d5c5-a618-5b00-a8f6-5e57b68e64b9"),
        // A version-7 UUID is not a CASE UUID (versions 1 to 5); its case does not matter.
        (
            "0190A6B2-3C4D-7E5F-8A6B-7C8D9E0F1A2B",
            "646a2a89-dfcf-5482-a42e-afd7b09853f4",
        ),
    ] {
        let document = CaseDocument::new(given, "Planning", "Example Board", stamp);
        assert_eq!(document.case_identifier().as_deref(), Some(expected));
        let package = support::case_export(&fw, &document);
        let written = package.document.as_ref().unwrap();
        assert_eq!(written.identifier, expected, "{given:?}");
        // Everything links to the identifier written, and the package imports again.
        assert!(
            package.associations.iter().all(|a| a
                .destination_node_uri
                .as_ref()
                .unwrap()
                .identifier
                != given)
        );
        let options = CaseImportOptions::default().ids(CaseIds::HumanCodingScheme);
        let back = CaseImport::from_json(&package.to_json(), &options).unwrap();
        assert_eq!(back.report.document.identifier, expected);
        assert_eq!(back.spec.competencies.len(), 1);
        // Exporting what was imported gives the same package, byte for byte.
        assert_eq!(exported(&back).to_json(), package.to_json());
    }
    // A CASE UUID is kept (in lowercase, without a URN prefix).
    let document = CaseDocument::new(
        "urn:uuid:0B3C9F4E-6A43-4C1E-9D0C-2F1A7E5B8C01",
        "Planning",
        "Example Board",
        stamp,
    );
    let package = support::case_export(&fw, &document);
    assert_eq!(
        package.document.unwrap().identifier,
        "0b3c9f4e-6a43-4c1e-9d0c-2f1a7e5b8c01"
    );
}

#[test]
fn a_document_identifier_that_is_blank_or_hides_a_character_is_refused() {
    let fw = Framework::from_json(SFIA_PARTIAL).unwrap();
    for given in ["", "  ", "MATH-2024\u{feff}", "MATH\u{0}2024"] {
        let document = CaseDocument::new(given, "Planning", "Board", "2024-01-01T00:00:00Z");
        assert_eq!(document.case_identifier(), None);
        let errors = CasePackage::from_framework(&fw, &document, &CaseExportOptions::default())
            .unwrap_err()
            .into_vec();
        assert_eq!(
            errors,
            [Error::CaseInvalidIdentifier {
                identifier: given.to_owned()
            }]
        );
    }
}

#[test]
fn an_imported_document_with_a_code_for_identifier_round_trips() {
    // A publisher's CFDocument identified by a code: the import keeps it as written in the
    // report; export writes the derived UUID, and the items keep their identifiers.
    let text = ASSOCIATION_CASE.replace("d1000000-0000-4000-8000-000000000001", "OFFICE-SKILLS-1");
    let first = import(&text);
    assert_eq!(first.report.document.identifier, "OFFICE-SKILLS-1");
    let package = exported(&first);
    assert_eq!(
        package.document.as_ref().unwrap().identifier,
        first.report.document.case_identifier().unwrap()
    );
    let items = |p: &CasePackage| -> BTreeSet<String> {
        p.items.iter().map(|i| i.identifier.clone()).collect()
    };
    assert_eq!(
        items(&package),
        items(&CasePackage::from_json(&text).unwrap())
    );
    let again = import(&package.to_json());
    assert_eq!(again.spec, first.spec);
}

// ---------------------------------------------------------------------------------------
// The importers on bad and extreme input: a structured error naming the place, or a
// documented acceptance

/// A framework for the officers loaders: competency `rti` (levels 1 to 5).
fn hr_framework() -> Framework {
    Framework::from_json(
        r#"{"format_version": 1,
        "competencies": [{"id": "rti", "name": "RTI", "type": "functional"}],
        "roles": [{"id": "r", "name": "Desk", "requires": [{"competency": "rti", "level": 2}]}],
        "positions": [{"id": "us", "name": "Under secretary", "department": "dopt",
                       "roles": ["r"]}]}"#,
    )
    .unwrap()
}

/// What both officer CSV loaders give: each officer's id and passbook levels, or the
/// messages of every problem (the two loaders must agree).
fn hr_load(officers: &str, evidence: Option<&str>) -> Result<Vec<(String, Vec<u8>)>, Vec<String>> {
    let fw = hr_framework();
    let mut csv = OfficersCsv::new(officers);
    if let Some(evidence) = evidence {
        csv = csv.evidence(evidence);
    }
    let options = OfficersCsvOptions::default();
    let messages = |e: karmayogi::Errors| e.iter().map(ToString::to_string).collect::<Vec<_>>();
    let loaded = load_officers(&fw, &csv, &options).map_err(messages);
    let cohort = Cohort::from_csv(&fw, &csv, &options).map_err(messages);
    match (&loaded, &cohort) {
        (Ok(load), Ok(c)) => assert_eq!(c.cohort.len(), load.officers.len()),
        (Err(a), Err(b)) => assert_eq!(a, b),
        _ => panic!(
            "the loaders disagree: {loaded:?} / {:?}",
            cohort.map(|c| c.cohort.len())
        ),
    }
    loaded.map(|load| {
        load.officers
            .iter()
            .map(|o| {
                (
                    o.id.to_string(),
                    o.passbook.iter().map(|e| e.level).collect(),
                )
            })
            .collect()
    })
}

const HR_HEADER: &str = "id,department,position\n";

#[test]
fn officer_csv_byte_order_marks_line_ends_and_trailing_commas() {
    let one = Ok(vec![("o1".to_owned(), vec![2])]);
    let evidence = "officer,competency,level,source,date\no1,rti,2,assessment,2024-01-01\n";
    // A byte-order mark, CRLF or lone CR line ends, and a trailing comma on every line (an
    // extra, empty, unnamed column) are what spreadsheets write: all read alike.
    for (officers, evidence) in [
        (
            format!("\u{feff}{HR_HEADER}o1,dopt,us\n"),
            evidence.to_owned(),
        ),
        (
            "id,department,position\r\no1,dopt,us\r\n".to_owned(),
            evidence.replace('\n', "\r\n"),
        ),
        (
            "id,department,position\ro1,dopt,us\r".to_owned(),
            evidence.replace('\n', "\r"),
        ),
        (
            "id,department,position,\no1,dopt,us,\n".to_owned(),
            "\u{feff}officer,competency,level,source,date,\r\no1,rti,2,assessment,2024-01-01,\r\n"
                .to_owned(),
        ),
    ] {
        assert_eq!(hr_load(&officers, Some(&evidence)), one, "{officers:?}");
    }
    // A trailing comma on the rows only is an empty field the header does not have: it
    // holds nothing to lose, so it is read as the row. A value there is a field too many.
    assert_eq!(
        hr_load(&format!("{HR_HEADER}o1,dopt,us,\n"), None),
        Ok(vec![("o1".to_owned(), vec![])])
    );
    assert_eq!(
        hr_load(&format!("{HR_HEADER}o1,dopt,us,x\n"), None),
        Err(vec![
            "officers.csv line 2 has 4 fields: expected 3, as in the header".to_owned()
        ])
    );
}

#[test]
fn officer_csv_empty_files_name_every_missing_column() {
    for empty in ["", "\u{feff}", "\r\n\r\n", "  \n"] {
        assert_eq!(
            hr_load(empty, None),
            Err(["id", "department", "position"]
                .map(|c| format!("officers.csv has no column `{c}` in its header"))
                .to_vec()),
            "{empty:?}"
        );
    }
    // A header alone is a valid export of nobody.
    assert_eq!(hr_load("id,department,position\r\n", None), Ok(Vec::new()));
    let errors = hr_load(&format!("{HR_HEADER}o1,dopt,us\n"), Some("")).unwrap_err();
    assert_eq!(errors.len(), 4, "{errors:?}");
}

#[test]
fn officer_csv_levels_outside_zero_to_five_or_not_whole_numbers_name_the_cell() {
    let load = |level: &str| {
        hr_load(
            &format!("{HR_HEADER}o1,dopt,us\n"),
            Some(&format!(
                "officer,competency,level,source,date\no1,rti,{level},assessment,2024-01-01\n"
            )),
        )
    };
    assert_eq!(load("0"), Ok(vec![("o1".to_owned(), vec![0])]));
    assert_eq!(load(" 5 "), Ok(vec![("o1".to_owned(), vec![5])]));
    // A whole number written with a fraction of zeros, as data frames write a numeric
    // column, is that level.
    assert_eq!(load("3.0"), Ok(vec![("o1".to_owned(), vec![3])]));
    // Leading zeros, as a column formatted to two digits writes a level, as JSON reads it.
    assert_eq!(load("03"), Ok(vec![("o1".to_owned(), vec![3])]));
    assert_eq!(load("00"), Ok(vec![("o1".to_owned(), vec![0])]));
    assert_eq!(load("005.0"), Ok(vec![("o1".to_owned(), vec![5])]));
    for bad in [
        "6",
        "-1",
        "3.5",
        "3.",
        "6.0",
        "06",
        ".5",
        "+2",
        "NaN",
        "inf",
        "1e1",
        "99999999999999999999",
        "\u{ff12}",
        "two",
    ] {
        let shown = karmayogi_quoted(bad);
        // A word may be a level's name, which the message says is read too: one no level
        // has is reported as from JSON.
        let found = if bad == "two" {
            "level written as the name `two`, which no level of the competency has: \
             expected a level from 0 to 5, or the name of one of the competency's levels"
                .to_owned()
        } else {
            format!("found {shown}, expected a level from 0 to 5")
        };
        assert_eq!(
            load(bad),
            Err(vec![format!(
                "evidence.csv line 2, column `level`: officer `o1` passbook entry 0 (competency \
                 `rti`): {found}"
            )]),
            "{bad:?}"
        );
    }
}

/// A value as the crate's messages show it: in backticks when plain.
fn karmayogi_quoted(value: &str) -> String {
    format!("`{value}`")
}

#[test]
fn officer_ids_differing_by_an_invisible_character_are_refused_and_by_a_space_repeat() {
    let errors = hr_load(
        &format!("{HR_HEADER}o1,dopt,us\no1\u{200b},dopt,us\n"),
        None,
    )
    .unwrap_err();
    assert_eq!(
        errors,
        [
            "officers.csv line 3, column `id`: found \"o1\\u{200b}\", expected an id without \
             control or invisible characters"
        ]
    );
    // A no-break space around an id is whitespace, trimmed like any: the id repeats.
    let errors = hr_load(
        &format!("{HR_HEADER}o1,dopt,us\n\u{a0}o1\u{a0},dopt,us\n"),
        None,
    );
    assert_eq!(
        errors,
        Err(vec![
            "officers.csv line 3: id `o1` repeats line 2".to_owned()
        ])
    );
}

#[test]
fn onet_ratings_that_are_not_finite_or_out_of_range_name_the_cell() {
    let hdr =
        "soc,element_id,importance_1_5,level_0_7,n,recommend_suppress,not_relevant,date,source\n";
    let load = |importance: &str, level: &str| {
        load_onet(
            &OnetCsv::new(
                "soc,title\n13-1041.00,Compliance Officers\n",
                "element_id,parent_id,depth,name,description\n2.A.1,,2,Content,Background\n\
                 2.A.1.c,2.A.1,3,Writing,Communicating\n",
                &format!("{hdr}13-1041.00,2.A.1.c,{importance},{level},8,N,N,07/2014,A\r\n"),
            ),
            &OnetOptions::default(),
        )
        .map_err(|e| e.iter().map(ToString::to_string).collect::<Vec<_>>())
    };
    for (column, importance, level, expected) in [
        ("importance_1_5", "NaN", "4", "a decimal number from 1 to 5"),
        ("importance_1_5", "inf", "4", "a decimal number from 1 to 5"),
        (
            "importance_1_5",
            "5.01",
            "4",
            "a decimal number from 1 to 5",
        ),
        ("level_0_7", "3", "-1", "a decimal number from 0 to 7"),
        ("level_0_7", "3", "7.0001", "a decimal number from 0 to 7"),
        ("level_0_7", "3", "1e1", "a decimal number from 0 to 7"),
        ("level_0_7", "3", "NaN", "a decimal number from 0 to 7"),
    ] {
        let found = if column == "level_0_7" {
            level
        } else {
            importance
        };
        assert_eq!(
            load(importance, level),
            Err(vec![format!(
                "onet/occupation_skill_levels.csv line 2, column `{column}`: found `{found}`, \
                 expected {expected}"
            )]),
        );
    }
    assert!(load(" 5 ", " 7 ").is_ok());
}

#[test]
fn esco_ids_out_of_range_name_the_cell_and_empty_files_every_column() {
    let occupations = "occ_id,uuid,isco_group,esco_code,label\n7,u7,2422,2422.1,policy officer\n";
    let skills = "skill_id,uuid,skill_type,reuse_level,hier_level,label\n\
                  3,s3,skill/competence,cross-sector,,draft\n";
    let load = |links: &str| {
        load_esco(
            &EscoCsv::new(occupations, skills, links),
            &EscoOptions::default(),
        )
        .map_err(|e| e.iter().map(ToString::to_string).collect::<Vec<_>>())
    };
    for id in ["-3", "99999999999999999999999", "3.0", "NaN"] {
        assert_eq!(
            load(&format!("occ_id,skill_id,relation\n7,{id},E\n")),
            Err(vec![format!(
                "esco/occupation_skills.csv line 2, column `skill_id`: found `{id}`, expected \
                 a whole number below 4294967296"
            )])
        );
    }
    let errors = load_esco(
        &EscoCsv::new("", "\u{feff}", "\r\n"),
        &EscoOptions::default(),
    )
    .unwrap_err()
    .into_vec();
    assert_eq!(errors.len(), 10, "{errors:?}");
    assert!(errors.iter().all(|e| e.code() == "csv_missing_column"));
}

#[test]
fn case_numbers_beyond_64_bit_integers_are_named_truly_and_set_aside() {
    let doc = r#""CFDocument": {"identifier": "d0000000-0000-4000-8000-000000000001",
        "creator": "c", "title": "t", "lastChangeDateTime": "2024-01-01T00:00:00Z"}"#;
    let package = |sequence: &str| {
        format!(
            r#"{{{doc}, "CFItems": [{{"identifier": "c0000000-0000-4000-8000-000000000001",
            "fullStatement": "x"}}], "CFAssociations": [{{"identifier": "e1",
            "associationType": "isChildOf", "sequenceNumber": {sequence},
            "originNodeURI": {{"identifier": "c0000000-0000-4000-8000-000000000001"}},
            "destinationNodeURI": {{"identifier": "d0000000-0000-4000-8000-000000000001"}}}}]}}"#
        )
    };
    for (sequence, found) in [
        (
            "9223372036854775808",
            "an integer above 9223372036854775807",
        ),
        ("18446744073709551616", "a number beyond 64-bit integers"),
        ("1e300", "a number beyond 64-bit integers"),
        ("1.5", "a fractional number"),
        // Beyond a double's range: the JSON parser refuses it, the import sets it aside.
        ("1e400", "a number beyond a double's range"),
        (&"9".repeat(400), "a number beyond a double's range"),
    ] {
        let import = import(&package(sequence));
        assert_eq!(import.spec.competencies.len(), 1);
        let fields: Vec<(&str, CaseFieldReason)> = import
            .report
            .dropped_fields
            .iter()
            .map(|f| (f.field.as_str(), f.reason))
            .collect();
        assert_eq!(
            fields,
            [(
                "sequenceNumber",
                CaseFieldReason::WrongType {
                    found,
                    expected: "an integer"
                }
            )],
            "{sequence}"
        );
    }
    // Empty text and trailing commas are JSON errors with a place.
    for (text, message) in [
        (String::new(), "EOF while parsing a value"),
        (package("1").replace("}]}", "},]}"), "trailing comma"),
    ] {
        let errors = CaseImport::from_json(&text, &CaseImportOptions::default())
            .unwrap_err()
            .into_vec();
        assert!(
            matches!(&errors[..], [Error::Json { message: m, .. }] if m == message),
            "{errors:?}"
        );
    }
}

#[test]
fn case_scores_that_are_not_numbers_set_their_level_aside() {
    let doc = r#""CFDocument": {"identifier": "d0000000-0000-4000-8000-000000000001",
        "creator": "c", "title": "t", "lastChangeDateTime": "2024-01-01T00:00:00Z"}"#;
    for score in [
        r#""NaN""#,
        r#""inf""#,
        r#""0x10""#,
        r#""1e2""#,
        "null",
        "[3]",
    ] {
        let text = format!(
            r#"{{{doc}, "CFItems": [{{"identifier": "c0000000-0000-4000-8000-000000000001",
            "fullStatement": "x"}}], "CFRubrics": [{{"identifier": "r1", "CFRubricCriteria": [
            {{"identifier": "k1", "CFItemURI": {{"identifier":
            "c0000000-0000-4000-8000-000000000001"}}, "CFRubricCriterionLevels": [
            {{"identifier": "l1", "score": {score}}}, {{"identifier": "l2", "score": 2}}]}}]}}]}}"#
        );
        let import = import(&text);
        let c = &import.spec.competencies[0];
        assert_eq!((c.min_level, c.max_level), (Some(2), Some(2)), "{score}");
        let dropped = dropped(&import.report);
        assert_eq!(
            dropped,
            [(CaseElement::Level, "l1", CaseDropReason::Unscored)],
            "{score}"
        );
        assert!(!import.report.is_complete());
    }
}

#[test]
fn ids_differing_only_by_unicode_normalisation_are_distinct_never_merged() {
    // DESIGN.md, "Why names are escaped in reports and ids refused": ids compare byte for
    // byte. `José` precomposed (NFC) and decomposed (NFD) are two officers, both kept.
    let nfc = "Jos\u{e9}";
    let nfd = "Jose\u{301}";
    assert_eq!(
        hr_load(&format!("{HR_HEADER}{nfc},dopt,us\n{nfd},dopt,us\n"), None),
        Ok(vec![
            (nfc.to_owned(), Vec::new()),
            (nfd.to_owned(), Vec::new())
        ])
    );
    // Evidence naming the other spelling of an officer is an unknown reference, never
    // credited to the officer that looks the same.
    let errors = hr_load(
        &format!("{HR_HEADER}{nfc},dopt,us\n"),
        Some(&format!(
            "officer,competency,level,source\n{nfd},rti,2,assessment\n"
        )),
    )
    .unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("evidence.csv line 2, column `officer`"),
        "{errors:?}"
    );
}

// ---------------------------------------------------------------------------------------
// Identifiers under another specification's name

#[test]
fn case_source_ids_are_read_as_identifiers_and_reported() {
    // TimeBack's CASE 1.1 API (built on OneRoster) documents every `CFItem` and every link
    // with `sourcedId` (a UUID) where CASE writes `identifier`.
    let package = r#"{"CFPackage": {
      "CFDocument": {"sourcedId": "d0000000-0000-4000-8000-000000000001", "title": "T",
                     "creator": "C", "lastChangeDateTime": "2025-01-01T00:00:00Z"},
      "CFItems": [
        {"sourcedId": "a1000000-0000-4000-8000-000000000001", "fullStatement": "Office",
         "CFItemType": "Area",
         "CFDocumentURI": {"sourcedId": "d0000000-0000-4000-8000-000000000001",
                           "title": "T", "uri": "https://example.org/d"}},
        {"sourcedId": "c1000000-0000-4000-8000-000000000001", "fullStatement": "Drafting",
         "CFItemType": "Functional Competency", "identifier": null}
      ],
      "CFAssociations": [
        {"sourcedId": "e1000000-0000-4000-8000-000000000001", "associationType": "isChildOf",
         "originNodeURI": {"sourcedId": "c1000000-0000-4000-8000-000000000001",
                           "title": "Drafting", "uri": "https://example.org/c1"},
         "destinationNodeURI": {"sourcedId": "a1000000-0000-4000-8000-000000000001",
                                "title": "Office", "uri": "https://example.org/a1"}},
        {"sourcedId": "e1000000-0000-4000-8000-000000000002", "associationType": "isChildOf",
         "originNodeURI": {"sourcedId": "a1000000-0000-4000-8000-000000000001",
                           "title": "Office", "uri": "https://example.org/a1"},
         "destinationNodeURI": {"sourcedId": "d0000000-0000-4000-8000-000000000001",
                                "title": "T", "uri": "https://example.org/d"}}
      ]
    }}"#;
    let import = CaseImport::from_json(package, &CaseImportOptions::default())
        .expect("a package identified by sourcedId imports");
    assert_eq!(
        import.report.document.identifier,
        "d0000000-0000-4000-8000-000000000001"
    );
    let competency = &import.spec.competencies[0];
    assert_eq!(
        competency.id.as_str(),
        "c1000000-0000-4000-8000-000000000001"
    );
    assert_eq!(
        competency
            .groups
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        ["a1000000-0000-4000-8000-000000000001"]
    );
    // Said once, however many elements had it; nothing is set aside (the item's link to
    // its own document says nothing the package does not).
    let renamed: Vec<(&str, &str)> = (import.report.renamed.iter())
        .map(|r| (r.found.as_str(), r.read_as))
        .collect();
    assert_eq!(renamed, [("sourcedId", "identifier")]);
    assert!(import.report.is_complete(), "{:?}", import.report);
}

#[test]
fn case_identifier_under_another_name_is_named_in_the_error() {
    // Any other name an identifier goes by elsewhere (`id` of generic JSON, `sourcedId`
    // in another case) is no CASE name, and its value may be a local key rather than the
    // element's UUID: it is named, never read.
    let package = r#"{
      "CFDocument": {"identifier": "d0000000-0000-4000-8000-000000000001", "title": "T"},
      "CFItems": [
        {"id": "c1000000-0000-4000-8000-000000000002", "fullStatement": "Noting"},
        {"fullStatement": "Filing"},
        {"identifier": "c1000000-0000-4000-8000-000000000004", "id": "x",
         "fullStatement": "Kept"}
      ],
      "CFAssociations": [
        {"SourcedId": "e1000000-0000-4000-8000-000000000001", "associationType": "isChildOf",
         "originNodeURI": {"identifier": "c1000000-0000-4000-8000-000000000004"},
         "destinationNodeURI": {"identifier": "d0000000-0000-4000-8000-000000000001"}}
      ]
    }"#;
    let errors = CaseImport::from_json(package, &CaseImportOptions::default())
        .expect_err("no element without an identifier imports")
        .into_vec();
    let named = |path: &str, found: &str| Error::CaseFieldName {
        path: path.to_owned(),
        found: found.to_owned(),
        expected: "identifier",
    };
    assert_eq!(
        errors,
        [
            named("CFItems[0]", "id"),
            Error::CaseMissingIdentifier {
                element: CaseElement::Item,
                path: "CFItems[1]".to_owned(),
            },
            named("CFAssociations[0]", "SourcedId"),
        ]
    );
    assert_eq!(
        errors[0].to_string(),
        "case field `id` at CFItems[0]: expected `identifier`"
    );
}
