//! Inputs as publishers and HR systems really write them, and the rule the crate follows
//! for each: CSV headers naming one column twice, CASE association types in another
//! capitalisation, CASE documents whose identifier is not a UUID, passbook levels below a
//! competency's lowest level, zero-weighted gaps, and the importers fed byte-order marks,
//! CRLF, trailing commas, invisible characters, empty files and extreme numbers. Each
//! fault gives a structured error naming what is wrong, or a documented acceptance whose
//! report says what was set aside.

use std::collections::BTreeSet;

use karmayogi::{
    AcbpOptions, CaseDocument, CaseExportOptions, CaseIds, CaseImport, CaseImportOptions,
    CasePackage, Cohort, EntityKind, Error, Evidence, EvidenceProblem, Framework, FrameworkSpec,
    GapOptions, Level, LevelPolicy, OfficerSpec, OfficersCsv, OfficersCsvOptions, OpenReason,
    Profile, RecommendOptions, Solver, Target, Weights, load_officers,
};

use crate::support::{self, exported, import};

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
    let kept: Vec<&str> = import
        .report
        .associations
        .iter()
        .map(|a| a.association.identifier.as_str())
        .collect();
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
    let kept: Vec<&str> = import
        .report
        .associations
        .iter()
        .map(|a| a.association.identifier.as_str())
        .collect();
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
        "competency `ITSP` names competency `ITSP` at level 3: expected 4 to 5"
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
