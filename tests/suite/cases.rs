//! Reduced real-world cases (`tests/data/cases/case/` and `tests/data/cases/scales/`): each
//! file keeps the shape that broke a CASE import, a level scale or an officer's evidence,
//! as people really feed it to the crate, and each test asserts what a demanding user
//! expects of it. Each is one example of a kind of fault; the kind is covered further in
//! `tests/suite/case.rs`, `tests/suite/groups.rs` and `tests/suite/levels.rs`.

use std::collections::BTreeSet;

use karmayogi::{
    CaseDocument, CaseDropReason, CaseElement, CaseFieldReason, CaseImport, CaseImportOptions,
    CasePackage, Cohort, CompetencySpec, EntityKind, Error, EvidenceProblem, Framework,
    FrameworkSpec, GroupKind, Level, LevelPolicy, OfficersCsv, OfficersCsvOptions, OfficersSpec,
    Profile, RequirementSpec, ReviewOptions, UndatedEvidence, load_officers,
};
use serde_json::Value;

use crate::support::{
    case_export, child_of_edges, dropped, dropped_fields, exported, import, kept_associations,
    memberships,
};

const SAME_NAME_AREAS: &str = include_str!("../data/cases/case/01-same-name-areas-merged.json");
const SEQUENCE_STRING: &str = include_str!("../data/cases/case/02-sequence-number-string.json");
const NULL_TITLE: &str = include_str!("../data/cases/case/03-null-link-title.json");
const WRAPPED: &str = include_str!("../data/cases/case/06-cfpackage-wrapper.json");
const STRING_URI: &str = include_str!("../data/cases/case/07-string-node-uri.json");
const BLANK_DESCRIPTION: &str = include_str!("../data/cases/case/10-export-blank-description.json");
const NO_END: &str = include_str!("../data/cases/case/11-association-without-end.json");
const TWO_CRITERIA: &str = include_str!("../data/cases/case/12-two-criteria-one-item.json");
const NULL_IN_LISTS: &str = include_str!("../data/cases/case/14-null-in-lists.json");
const NUMERIC_RUBRIC_IDS: &str =
    include_str!("../data/cases/case/24-numeric-rubric-identifiers.json");
const STATEMENTS: &str =
    include_str!("../data/cases/case/13-unnamed-and-multilingual-statements.json");
const WRONG_STATEMENTS: &str =
    include_str!("../data/cases/case/31-statements-of-the-wrong-type.json");
const SFIA_PARTIAL: &str = include_str!("../data/cases/scales/02-sfia-partial-levels.json");
const BEST_FIRST: &str = include_str!("../data/cases/scales/03-case-rubric-best-first.json");

const AREA_1: &str = "a0000000-0000-4000-8000-000000000001";
const AREA_2: &str = "a0000000-0000-4000-8000-000000000002";
const ITEM_1: &str = "c0000000-0000-4000-8000-000000000001";
const ITEM_2: &str = "c0000000-0000-4000-8000-000000000002";

/// Whether the import kept every element, association and field (the item's missing type
/// is still reported as mapped by default).
fn nothing_set_aside(import: &CaseImport) -> bool {
    let r = &import.report;
    r.associations.is_empty() && r.dropped.is_empty() && r.dropped_fields.is_empty()
}

fn document() -> CaseDocument {
    CaseDocument::new(
        "d0000000-0000-4000-8000-000000000001",
        "Mathematics",
        "Example Board",
        "2024-01-01T00:00:00Z",
    )
}

// case/01: two different area items share the name "Number sense".

#[test]
fn same_name_areas_stay_distinct_through_import() {
    let import = import(SAME_NAME_AREAS);
    let groups: Vec<(&str, &str, GroupKind)> = import
        .spec
        .groups
        .iter()
        .map(|g| (g.id.as_str(), g.name.as_str(), g.kind))
        .collect();
    assert_eq!(
        groups,
        [
            (AREA_1, "Number sense", GroupKind::Area),
            (AREA_2, "Number sense", GroupKind::Area)
        ]
    );
    let membership = memberships(&import.spec);
    assert_eq!(membership, [(ITEM_1, vec![AREA_1]), (ITEM_2, vec![AREA_2])]);
    // Nothing was merged, dropped or guessed: the import holds everything.
    assert!(import.report.is_complete(), "{:?}", import.report);
    let framework = Framework::new(import.spec).unwrap();
    assert_eq!(framework.members(AREA_1).unwrap(), [&ITEM_1.into()]);
    assert_eq!(framework.members(AREA_2).unwrap(), [&ITEM_2.into()]);
}

#[test]
fn same_name_areas_stay_distinct_through_a_case_round_trip() {
    let original = CasePackage::from_json(SAME_NAME_AREAS).unwrap();
    let import = CaseImport::from_package(&original, &CaseImportOptions::default()).unwrap();
    let exported = exported(&import);
    // Every item keeps its identifier and every isChildOf edge is written back.
    let items = |p: &CasePackage| -> BTreeSet<String> {
        p.items.iter().map(|i| i.identifier.clone()).collect()
    };
    assert_eq!(items(&exported), items(&original));
    let mut expected = child_of_edges(&original);
    // The areas had no parent in the original; export places them under the document.
    let doc = original.document.as_ref().unwrap().identifier.clone();
    expected.insert((AREA_1.to_owned(), doc.clone()));
    expected.insert((AREA_2.to_owned(), doc));
    assert_eq!(child_of_edges(&exported), expected);
    let again = CaseImport::from_package(&exported, &CaseImportOptions::default()).unwrap();
    assert_eq!(again.spec, import.spec);
}

#[test]
fn same_name_areas_in_a_spec_stay_distinct_through_a_case_round_trip() {
    // The spec side: two groups named alike, written out and read back.
    let spec = FrameworkSpec::from_json(
        r#"{"format_version": 2,
            "groups": [{"id": "g1", "name": "Number sense", "kind": "area"},
                       {"id": "g2", "name": "Number sense", "kind": "area"}],
            "competencies": [
              {"id": "c1", "name": "Adds within twenty", "type": "functional", "groups": ["g1"]},
              {"id": "c2", "name": "Adds within one hundred", "type": "functional",
               "groups": ["g2"]}]}"#,
    )
    .unwrap();
    let framework = Framework::new(spec.clone()).unwrap();
    let json = case_export(&framework, &document()).to_json();
    let options = CaseImportOptions::default().ids(karmayogi::CaseIds::HumanCodingScheme);
    let back = CaseImport::from_json(&json, &options).unwrap();
    assert_eq!(back.spec.groups, spec.groups);
    assert_eq!(back.spec.competencies, spec.competencies);
}

// case/02: an association's sequenceNumber is the string "1", as OpenSALT exports it.

#[test]
fn a_sequence_number_string_is_set_aside_and_reported() {
    let import = import(SEQUENCE_STRING);
    assert_eq!(import.spec.competencies.len(), 1);
    let fields: Vec<(CaseElement, &str, &str, CaseFieldReason)> = import
        .report
        .dropped_fields
        .iter()
        .map(|f| (f.element, f.identifier.as_str(), f.field.as_str(), f.reason))
        .collect();
    assert_eq!(
        fields,
        [(
            CaseElement::Association,
            "e0000000-0000-4000-8000-000000000001",
            "sequenceNumber",
            CaseFieldReason::WrongType {
                found: "a string",
                expected: "an integer"
            }
        )]
    );
    // A fractional number is another type too (`1.0` is the integer 1: see case/34).
    let fractional =
        SEQUENCE_STRING.replace(r#""sequenceNumber": "1""#, r#""sequenceNumber": 1.5"#);
    let import = self::import(&fractional);
    assert_eq!(
        import.report.dropped_fields[0].reason,
        CaseFieldReason::WrongType {
            found: "a fractional number",
            expected: "an integer"
        }
    );
}

// case/03: `"title": null` in a node link.

#[test]
fn null_reads_as_absent() {
    let import = import(NULL_TITLE);
    assert_eq!(import.spec.competencies.len(), 1);
    assert!(nothing_set_aside(&import), "{:?}", import.report);
    // The same for a null in any field, modelled or not.
    let nulls = NULL_TITLE
        .replace(
            r#""fullStatement": "Reasons with ratios.""#,
            r#""fullStatement": "Reasons with ratios.", "abbreviatedStatement": null, "CFItemType": null, "notes": null, "CFItemTypeURI": null"#,
        )
        .replace(r#""associationType""#, r#""sequenceNumber": null, "associationType""#);
    let again = self::import(&nulls);
    assert_eq!(again.spec, import.spec);
    assert!(nothing_set_aside(&again), "{:?}", again.report);
}

// case/06: the package wrapped in {"CFPackage": …}, as a CASE API returns it.

#[test]
fn a_wrapped_package_is_unwrapped() {
    let import = import(WRAPPED);
    assert_eq!(import.spec.competencies.len(), 1);
    assert_eq!(import.spec.competencies[0].name, "Reasons with ratios.");
    let inner: Value = serde_json::from_str::<Value>(WRAPPED).unwrap()["CFPackage"].clone();
    assert_eq!(self::import(&inner.to_string()).spec, import.spec);
}

// case/07: CASE 1.0 node links given as plain URI strings.

#[test]
fn string_node_uris_are_resolved() {
    let import = import(STRING_URI);
    // The isChildOf to the document was resolved and used: nothing is kept aside.
    assert!(nothing_set_aside(&import), "{:?}", import.report);
    // A URI that names nothing in the package points outside it: kept aside, no error.
    let outside = STRING_URI.replace(
        "CFDocuments/d0000000-0000-4000-8000-000000000001",
        "CFDocuments/elsewhere",
    );
    let import = self::import(&outside);
    assert_eq!(
        import.report.associations[0].association.identifier,
        "e0000000-0000-4000-8000-000000000001"
    );
    // A link of a type that is neither: the error names the association and the field.
    let number = STRING_URI.replace(
        r#""originNodeURI": "https://case.example.org/ims/case/v1p0/CFItems/c0000000-0000-4000-8000-000000000001""#,
        r#""originNodeURI": 17"#,
    );
    let errors = CaseImport::from_json(&number, &CaseImportOptions::default())
        .unwrap_err()
        .into_vec();
    assert_eq!(
        errors,
        [Error::CaseFieldType {
            path: "CFAssociations[0].originNodeURI".to_owned(),
            found: "an integer",
            expected: "a link object or a uri string",
        }]
    );
}

// case/10: a competency whose description is a single space.

#[test]
fn the_export_of_a_blank_description_imports_again() {
    let framework = Framework::from_json(BLANK_DESCRIPTION).unwrap();
    let package = case_export(&framework, &document());
    let item = &package.items[0];
    assert_eq!(item.full_statement, "C");
    assert_eq!(item.abbreviated_statement, None);
    let options = CaseImportOptions::default().ids(karmayogi::CaseIds::HumanCodingScheme);
    let import = CaseImport::from_json(&package.to_json(), &options).unwrap();
    let c = &import.spec.competencies[0];
    assert_eq!(
        (c.id.as_str(), c.name.as_str(), c.description.as_str()),
        ("c", "C", "")
    );
}

// scales/02: a competency described at levels 4 and 5 only, as SFIA skills are.

#[test]
fn a_competency_described_at_some_levels_loads() {
    let framework = Framework::from_json(SFIA_PARTIAL).unwrap();
    assert_eq!(framework.max_level("ITSP"), Some(Level::new(5).unwrap()));
    assert_eq!(framework.min_level("ITSP"), Some(Level::new(1).unwrap()));
    assert_eq!(
        framework.requirements("p-planner").unwrap()[0].level.get(),
        5
    );
}

#[test]
fn a_framework_can_say_a_skill_exists_at_four_and_five_only() {
    let mut spec = FrameworkSpec::from_json(SFIA_PARTIAL).unwrap();
    spec.competencies[0].min_level = Some(4);
    let framework = Framework::new(spec.clone()).unwrap();
    assert_eq!(framework.min_level("ITSP"), Some(Level::new(4).unwrap()));
    // A requirement at level 3, which the skill does not have, names the ids at fault.
    spec.roles[0].requires = vec![RequirementSpec::new("ITSP", 3)];
    let errors = Framework::new(spec).unwrap_err().into_vec();
    assert_eq!(
        errors,
        [Error::InvalidLevel {
            owner_kind: EntityKind::Role,
            owner: "r-planner".into(),
            competency: "ITSP".into(),
            level: 3,
            min: 4,
            max: 5,
        }]
    );
    assert_eq!(
        errors[0].to_string(),
        "role `r-planner` names competency `ITSP` at level 3: expected 4 to 5"
    );
    // The range goes through JSON and through CASE.
    let only = CompetencySpec {
        min_level: Some(4),
        ..FrameworkSpec::from_json(SFIA_PARTIAL).unwrap().competencies[0].clone()
    };
    let spec = FrameworkSpec {
        competencies: vec![only.clone()],
        ..FrameworkSpec::new()
    };
    assert_eq!(FrameworkSpec::from_json(&spec.to_json()).unwrap(), spec);
    let framework = Framework::new(spec).unwrap();
    let json = case_export(&framework, &document()).to_json();
    let options = CaseImportOptions::default().ids(karmayogi::CaseIds::HumanCodingScheme);
    assert_eq!(
        CaseImport::from_json(&json, &options)
            .unwrap()
            .spec
            .competencies,
        [only]
    );
}

// scales/03: a rubric listed best-first (position 1 is "Exemplary", score 4).

#[test]
fn rubric_levels_follow_the_score_not_the_position() {
    let import = import(BEST_FIRST);
    let levels: Vec<(u8, Option<&str>, &str)> = import.spec.competencies[0]
        .levels
        .iter()
        .map(|l| (l.level, l.name.as_deref(), l.description.as_str()))
        .collect();
    assert_eq!(
        levels,
        [
            (1, Some("Beginning"), "needs close help"),
            (2, Some("Developing"), "needs some help"),
            (3, Some("Proficient"), "works alone"),
            (4, Some("Exemplary"), "leads others"),
        ]
    );
    let framework = Framework::new(import.spec).unwrap();
    let id = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
    assert_eq!(framework.max_level(id), Some(Level::new(4).unwrap()));
}

const UNDATED_FRAMEWORK: &str = include_str!("../data/cases/scales/07-undated-framework.json");
const UNDATED_OFFICERS: &str = include_str!("../data/cases/scales/07-undated-officers.json");

/// `scales/07`: self-declared evidence with `"date": ""` and one with an ISO date-time, as
/// the platform's profiles hold them. Accepted under the documented policy for undated
/// evidence; the date-time is read by its date; an evidence error names officer, entry and
/// competency.
#[test]
fn undated_and_date_time_evidence_is_accepted_under_a_documented_policy() {
    let fw = Framework::from_json(UNDATED_FRAMEWORK).expect("the case framework is valid");
    let officers = OfficersSpec::from_json(UNDATED_OFFICERS).expect("the case officers parse");
    let officer = &officers.officers[0];
    let level = |policy: &LevelPolicy, competency: &str| {
        let profile = Profile::new(&fw, officer, policy).expect("the case officer is valid");
        profile
            .level(&fw, competency)
            .expect("same framework")
            .get()
    };

    // Self-declared evidence counts only when the policy says so.
    let default = LevelPolicy::default();
    assert_eq!((level(&default, "FC1"), level(&default, "BC7")), (0, 0));
    // Undated evidence counts while no cut-off is set; the date-time is 2024-02-10.
    let claims = LevelPolicy::default().self_declared(true);
    assert_eq!((level(&claims, "FC1"), level(&claims, "BC7")), (1, 3));
    let cut = claims.clone().not_before("2024-02-10").expect("a date");
    assert_eq!((level(&cut, "FC1"), level(&cut, "BC7")), (0, 3));
    let later = claims.clone().not_before("2024-02-11").expect("a date");
    assert_eq!(level(&later, "BC7"), 0);
    // ... unless undated evidence is declared never to lapse, or never to count.
    let never_lapses = cut.clone().undated(UndatedEvidence::Counts);
    assert_eq!(level(&never_lapses, "FC1"), 1);
    let ignored = claims.undated(UndatedEvidence::Ignored);
    assert_eq!(level(&ignored, "FC1"), 0);

    // Written back at format version 2, the empty date is left out, and reads the same.
    let mut written = officers.clone();
    written.format_version = karmayogi::FORMAT_VERSION;
    let json = written.to_json();
    assert!(!json.contains(r#""date": """#), "{json}");
    assert_eq!(OfficersSpec::from_json(&json).expect("reads back"), written);
}

/// Evidence with no `date` field at all is undated evidence too, as format version 2
/// allows.
#[test]
fn evidence_without_a_date_field_is_undated_evidence() {
    let fw = Framework::from_json(UNDATED_FRAMEWORK).expect("the case framework is valid");
    let policy = LevelPolicy::default().self_declared(true);
    let no_date = r#"{"format_version": 2, "officers": [{"id": "u", "department": "dopt",
        "position": "p-so", "passbook": [{"competency": "FC1", "level": 1,
        "source": "self_declared"}]}]}"#;
    let parsed = OfficersSpec::from_json(no_date).expect("no date field");
    assert_eq!(parsed.officers[0].passbook[0].date, "");
    let profile = Profile::new(&fw, &parsed.officers[0], &policy).expect("valid");
    assert_eq!(profile.level(&fw, "FC1").expect("same framework").get(), 1);
    let cut = policy.not_before("2024-01-01").expect("a date");
    let profile = Profile::new(&fw, &parsed.officers[0], &cut).expect("valid");
    assert_eq!(profile.level(&fw, "FC1").expect("same framework").get(), 0);
}

#[test]
fn evidence_errors_in_the_undated_case_name_officer_entry_and_competency() {
    let fw = Framework::from_json(UNDATED_FRAMEWORK).expect("the case framework is valid");
    // Two bad entries no longer give two identical lines.
    let broken = UNDATED_OFFICERS
        .replace(r#""date": """#, r#""date": "10/02/2024""#)
        .replace(
            "2024-02-10T09:30:00.000+0530",
            "2024-02-10T09:30:00.000+05:30:00",
        );
    let officers = OfficersSpec::from_json(&broken).expect("parses");
    let errors = Profile::new(&fw, &officers.officers[0], &LevelPolicy::default())
        .expect_err("two bad dates")
        .into_vec();
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "officer `user-0001` passbook entry 0 (competency `FC1`): date `10/02/2024` is not \
             an iso date: expected yyyy-mm-dd, an iso 8601 date-time, or no date",
            "officer `user-0001` passbook entry 1 (competency `BC7`): date \
             `2024-02-10T09:30:00.000+05:30:00` is not an iso date: expected yyyy-mm-dd, an \
             iso 8601 date-time, or no date",
        ]
    );
    // The same bad text in two entries still gives two distinguishable lines.
    let same = UNDATED_OFFICERS
        .replace(r#""date": """#, r#""date": "x""#)
        .replace("2024-02-10T09:30:00.000+0530", "x");
    let officers = OfficersSpec::from_json(&same).expect("parses");
    let twice: Vec<String> = Profile::new(&fw, &officers.officers[0], &LevelPolicy::default())
        .expect_err("two bad dates")
        .into_vec()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(twice.len(), 2);
    assert!(twice[0].contains("entry 0 (competency `FC1`)"), "{twice:?}");
    assert!(twice[1].contains("entry 1 (competency `BC7`)"), "{twice:?}");
    assert!(matches!(
        &errors[1],
        Error::InvalidEvidence {
            index: 1,
            problem: EvidenceProblem::InvalidDate {
                suggestion: None,
                ..
            },
            ..
        }
    ));
}

const ZONE_NAME_OFFICERS: &str = include_str!("../data/cases/evidence/09-zone-name-officers.csv");
const ZONE_NAME_EVIDENCE: &str = include_str!("../data/cases/evidence/09-zone-name-evidence.csv");

/// `evidence/09`: an HR export whose time stamps end in the zone's abbreviation
/// (`2024-03-15 10:00:00 IST`, as Java's `yyyy-MM-dd HH:mm:ss z` writes them). Both
/// loaders read every entry, keep the text as written and read it by its date as written:
/// reviewed as of 2024-03-15, only the entry stamped `2024-03-16 00:30:00 IST` is after
/// it (in UTC it would be the 15th).
#[test]
fn date_times_ending_in_a_zone_abbreviation_are_read_by_their_date() {
    let fw = Framework::from_json(UNDATED_FRAMEWORK).expect("the case framework is valid");
    let csv = OfficersCsv::new(ZONE_NAME_OFFICERS).evidence(ZONE_NAME_EVIDENCE);
    let review = ReviewOptions::default()
        .as_of("2024-03-15")
        .expect("a date");
    let options = OfficersCsvOptions::default().review(review);
    let load = load_officers(&fw, &csv, &options).unwrap_or_else(|e| panic!("{e}"));
    let dates: Vec<(&str, &str)> = load
        .officers
        .iter()
        .flat_map(|o| o.passbook.iter().map(|e| (o.id.as_str(), e.date.as_str())))
        .collect();
    assert_eq!(
        dates,
        [
            ("user-0001", "2024-03-15 10:00:00 IST"),
            ("user-0001", "2024-03-16 00:30:00 IST"),
            ("user-0002", "2024-03-15T23:30:00+05:30 IST"),
            ("user-0002", "2024-03-15 IST"),
        ]
    );
    let warnings: Vec<String> = load.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("`user-0001`") && warnings[0].contains("2024-03-16 00:30:00 IST"),
        "{warnings:?}"
    );
    let cohort = Cohort::from_csv(&fw, &csv, &options).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(cohort.cohort.len(), 2);
    let cohort_warnings: Vec<String> = cohort.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(cohort_warnings, warnings);
    // A single capital letter is no zone's abbreviation here (`Z` after a space is not
    // UTC's mark): refused, naming officer, entry and competency.
    let one_letter = ZONE_NAME_EVIDENCE.replace("2024-03-15 10:00:00 IST", "2024-03-15 10:00 Z");
    let errors = load_officers(
        &fw,
        &OfficersCsv::new(ZONE_NAME_OFFICERS).evidence(&one_letter),
        &OfficersCsvOptions::default(),
    )
    .expect_err("a one-letter zone is refused");
    assert_eq!(
        errors.as_slice()[0].to_string(),
        "evidence.csv line 2, column `date`: officer `user-0001` passbook entry 0 (competency \
         `FC1`): date `2024-03-15 10:00 Z` is not an iso date: expected yyyy-mm-dd, an iso \
         8601 date-time, or no date"
    );
}

const OFFSET_AFTER_SPACE: &str =
    include_str!("../data/cases/scales/16-offset-after-a-space-officers.json");

/// `scales/16`: time stamps whose offset follows a space (`2024-03-15 10:00:00 +0530`, as
/// Ruby's `Time#to_s` writes them; with a fraction and the zone's abbreviation after, as
/// Go's `Time.String` does). Every entry reads, by its date as written: reviewed as of
/// 2024-03-15, only the entry stamped `2024-03-16 00:30:00 +0530` is after it (in UTC it
/// would be the 15th), and the one stamped `2024-03-14 21:00:00 -0300` is not (in UTC the
/// 15th).
#[test]
fn date_times_with_an_offset_after_a_space_are_read_by_their_date() {
    let fw = Framework::from_json(UNDATED_FRAMEWORK).expect("the case framework is valid");
    let officers = OfficersSpec::from_json(OFFSET_AFTER_SPACE).unwrap_or_else(|e| panic!("{e}"));
    let review = ReviewOptions::default()
        .as_of("2024-03-15")
        .expect("a date");
    let warnings: Vec<String> = fw
        .review_officers(&officers.officers, &review)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("`user-0001`") && warnings[0].contains("2024-03-16 00:30:00 +0530"),
        "{warnings:?}"
    );
    for officer in &officers.officers {
        Profile::new(&fw, officer, &LevelPolicy::default()).unwrap_or_else(|e| panic!("{e}"));
    }
    let cohort = Cohort::from_json(&fw, OFFSET_AFTER_SPACE, &LevelPolicy::default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(cohort.len(), 2);
}

// case/11: associations without an origin, a type or a destination beside a good one.

#[test]
fn associations_without_type_or_end_are_set_aside_and_the_rest_imports() {
    let import = import(NO_END);
    // The good `isChildOf` is used: the competency is in its area.
    assert_eq!(memberships(&import.spec), [(ITEM_1, vec![AREA_1])]);
    let dropped = dropped(&import.report);
    assert_eq!(
        dropped,
        [
            (
                CaseElement::Association,
                "e0000000-0000-4000-8000-000000000002",
                CaseDropReason::NoOrigin
            ),
            (
                CaseElement::Association,
                "e0000000-0000-4000-8000-000000000003",
                CaseDropReason::NoAssociationType
            ),
            (
                CaseElement::Association,
                "e0000000-0000-4000-8000-000000000004",
                CaseDropReason::NoDestination
            ),
            (
                CaseElement::Association,
                "e0000000-0000-4000-8000-000000000005",
                CaseDropReason::NoAssociationType
            ),
        ]
    );
    // Set aside, not kept: none of them is among the kept associations.
    assert!(import.report.associations.is_empty(), "{:?}", import.report);
    assert!(!import.report.is_complete());
    let json = serde_json::to_value(&import.report).unwrap();
    assert_eq!(json["dropped"][0]["reason"], "no_origin");
}

// case/12: two rubrics (a 2019 and a 2023 edition) each give levels to one competency.

#[test]
fn two_criteria_for_one_item_keep_the_competency_at_the_levels_they_agree_on() {
    let import = import(TWO_CRITERIA);
    // Both competencies import; the one both rubrics describe exists at levels 1 to 3,
    // where both give it a level, described where both describe a level alike.
    let ids: Vec<&str> = import
        .spec
        .competencies
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(ids, [ITEM_1, ITEM_2]);
    let c = &import.spec.competencies[0];
    let levels: Vec<(u8, Option<&str>, &str)> = (c.levels.iter())
        .map(|l| (l.level, l.name.as_deref(), l.description.as_str()))
        .collect();
    assert_eq!(
        levels,
        [
            (1, Some("Basic"), "Drafts a routine note."),
            (2, Some("Working"), "Drafts notes on most files.")
        ]
    );
    assert_eq!((c.min_level, c.max_level), (None, Some(3)));
    // Each criterion is reported set aside, with its levels in the scales.
    assert_eq!(
        dropped(&import.report),
        [
            (
                CaseElement::Criterion,
                "b2000000-0000-4000-8000-000000000001",
                CaseDropReason::ConflictingCriteria
            ),
            (
                CaseElement::Criterion,
                "b2000000-0000-4000-8000-000000000002",
                CaseDropReason::ConflictingCriteria
            ),
        ]
    );
    let scales: Vec<(&str, usize)> = (import.report.scales.iter())
        .map(|s| (s.criterion.as_str(), s.levels.len()))
        .collect();
    assert_eq!(
        scales,
        [
            ("b2000000-0000-4000-8000-000000000001", 4),
            ("b2000000-0000-4000-8000-000000000002", 3)
        ]
    );
    assert!(!import.report.is_complete());
    // The spec is valid, and its CASE export imports again to the same spec.
    let again = CaseImport::from_package(&exported(&import), &CaseImportOptions::default());
    assert_eq!(again.unwrap().spec, import.spec);
}

// case/13: statements as publishers write them: a language map, a blank full statement
// beside an abbreviated one or a code, and items nothing names.

#[test]
fn items_are_named_by_the_best_field_and_an_item_nothing_names_is_set_aside() {
    let import = import(STATEMENTS);
    let c = |n: u8| format!("c0000000-0000-4000-8000-00000000000{n}");
    let names: Vec<(&str, &str, Vec<&str>)> = (import.spec.competencies.iter())
        .map(|c| {
            let groups = c.groups.iter().map(karmayogi::GroupId::as_str).collect();
            (c.id.as_str(), c.name.as_str(), groups)
        })
        .collect();
    assert_eq!(
        names,
        [
            // The language map read in English.
            (c(1).as_str(), "Reasons with ratios.", vec![AREA_1]),
            // A blank full statement beside an abbreviated one, or a code.
            (c(2).as_str(), "Keeps records", vec![]),
            (c(3).as_str(), "OP.3", vec![]),
            // Its area has no name: it imports without it.
            (c(5).as_str(), "Compares quantities.", vec![]),
        ]
    );
    let groups: Vec<&str> = import.spec.groups.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(groups, [AREA_1]);
    // The items nothing names are set aside, with the criterion describing one; the
    // `isChildOf` associations to and from them are kept in the report.
    assert_eq!(
        dropped(&import.report),
        [
            (CaseElement::Item, AREA_2, CaseDropReason::NoStatement),
            (
                CaseElement::Item,
                c(4).as_str(),
                CaseDropReason::NoStatement
            ),
            (
                CaseElement::Criterion,
                "b2000000-0000-4000-8000-000000000004",
                CaseDropReason::NoStatement
            ),
        ]
    );
    let kept = kept_associations(&import.report);
    assert_eq!(
        kept,
        [
            "e0000000-0000-4000-8000-000000000004",
            "e0000000-0000-4000-8000-000000000005"
        ]
    );
    // The language not read is reported, by its tag; the code that names an item is not.
    let fields: Vec<(&str, &str, CaseFieldReason)> = (import.report.dropped_fields.iter())
        .map(|f| (f.identifier.as_str(), f.field.as_str(), f.reason))
        .collect();
    assert_eq!(
        fields,
        [(ITEM_1, "fullStatement.hi", CaseFieldReason::NoPlace)]
    );
    assert!(!import.report.is_complete());
    // What imported exports and imports again to the same spec.
    let again = CaseImport::from_package(&exported(&import), &CaseImportOptions::default());
    assert_eq!(again.unwrap().spec, import.spec);
}

#[test]
fn a_statement_of_another_type_gives_way_to_the_next_field_and_is_reported() {
    let text = STATEMENTS.replace(
        r#""fullStatement": "", "humanCodingScheme": "OP.3""#,
        r#""fullStatement": 5, "humanCodingScheme": "OP.3""#,
    );
    let import = import(&text);
    let c3 = "c0000000-0000-4000-8000-000000000003";
    let c = import
        .spec
        .competencies
        .iter()
        .find(|c| c.id.as_str() == c3);
    assert_eq!(c.map(|c| c.name.as_str()), Some("OP.3"));
    assert!(
        import
            .report
            .dropped_fields
            .iter()
            .any(|f| f.identifier == c3
                && f.field == "fullStatement"
                && f.reason
                    == CaseFieldReason::WrongType {
                        found: "an integer",
                        expected: "a string"
                    })
    );
}

// case/31: items whose only statement is of another JSON type than text (a number, a list
// of several strings, a code as an object). They were set aside as having no statement; they are
// set aside saying the statement was of the wrong type, with its field, type and value
// (cut past 200 characters as messages cut values). An empty statement is still none, and
// a criterion of an unnamed item is set aside as describing an item without a statement.

/// A dropped element: its kind, identifier, reason and statement of the wrong type.
type Dropped<'r> = (
    CaseElement,
    &'r str,
    CaseDropReason,
    Option<(&'r str, &'r str, &'r str)>,
);

#[test]
fn an_item_whose_statement_is_of_another_type_is_set_aside_saying_so() {
    let import = import(WRONG_STATEMENTS);
    let c = |n: u8| format!("c0000000-0000-4000-8000-00000000000{n}");
    let names: Vec<&str> = (import.spec.competencies.iter())
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["Keeps files."]);
    let long = format!("[\"Drafts {}", "x".repeat(191));
    let long = format!("{long}\u{2026} (251 characters)");
    let wrong = CaseDropReason::StatementOfWrongType;
    let dropped: Vec<Dropped<'_>> = (import.report.dropped.iter())
        .map(|d| {
            let statement = d.statement.as_ref();
            let statement = statement.map(|s| (s.field, s.found, s.value.as_str()));
            (d.element, d.identifier.as_str(), d.reason, statement)
        })
        .collect();
    assert_eq!(
        dropped,
        [
            (
                CaseElement::Item,
                c(1).as_str(),
                wrong,
                Some(("fullStatement", "an integer", "5"))
            ),
            (
                CaseElement::Item,
                c(2).as_str(),
                wrong,
                Some((
                    "fullStatement",
                    "an array",
                    r#"["Drafts notes","Drafts letters"]"#
                ))
            ),
            (
                CaseElement::Item,
                c(3).as_str(),
                wrong,
                Some(("humanCodingScheme", "an object", r#"{"code":"OP.3"}"#))
            ),
            (
                CaseElement::Item,
                c(4).as_str(),
                wrong,
                Some(("fullStatement", "an array", long.as_str()))
            ),
            (
                CaseElement::Item,
                c(5).as_str(),
                CaseDropReason::NoStatement,
                None
            ),
            (
                CaseElement::Criterion,
                "b2000000-0000-4000-8000-000000000001",
                CaseDropReason::NoStatement,
                None
            ),
        ]
    );
    // Only the statement of a dropped item tells: its JSON form holds no `statement`.
    let json = serde_json::to_value(&import.report.dropped).expect("serializes");
    assert_eq!(
        json[0]["statement"],
        serde_json::json!({"field": "fullStatement", "found": "an integer", "value": "5"})
    );
    assert!(json[4].get("statement").is_none(), "{}", json[4]);
}

// case/14: `null` among the elements of a list, as serializers write a removed element.

#[test]
fn null_in_a_list_is_an_absent_element() {
    let import = import(NULL_IN_LISTS);
    let c = &import.spec.competencies[..];
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].levels.len(), 1);
    assert!(import.report.is_complete(), "{:?}", import.report);
}

// case/24: a rubric, a criterion and levels identified by numbers, as a server writes its
// table's row ids. Their identifiers are optional to the import (export writes new ones),
// so the values of the wrong type are set aside and reported, each element named by its
// path; the package was refused before ("case field CFRubrics[0].identifier is an
// integer").

#[test]
fn numbers_identifying_rubric_elements_are_set_aside_and_reported() {
    let import = import(NUMERIC_RUBRIC_IDS);
    let c = &import.spec.competencies[0];
    let names: Vec<Option<&str>> = c.levels.iter().map(|l| l.name.as_deref()).collect();
    assert_eq!(
        names,
        [Some("Beginning"), Some("Developing"), Some("Secure")]
    );
    assert!(import.report.dropped.is_empty(), "{:?}", import.report);
    let fields = dropped_fields(&import.report);
    let integer = CaseFieldReason::WrongType {
        found: "an integer",
        expected: "a string",
    };
    let criterion = "CFRubrics[0].CFRubricCriteria[0]";
    let level = |l: usize| format!("{criterion}.CFRubricCriterionLevels[{l}]");
    let (level_0, level_1) = (level(0), level(1));
    assert_eq!(
        fields,
        [
            (CaseElement::Rubric, "CFRubrics[0]", "identifier", &integer),
            (CaseElement::Criterion, criterion, "identifier", &integer),
            (CaseElement::Level, level_0.as_str(), "identifier", &integer),
            (CaseElement::Level, level_1.as_str(), "identifier", &integer),
        ]
    );
    assert!(!import.report.is_complete());
    Framework::new(import.spec).unwrap();
}

// case/25: items whose `CFDocumentURI` names the package's own document with its
// identifier as a `urn:uuid:` URN in upper case, in braces, with spaces around it, or by
// its `uri` alone: spellings the import reads as that identifier everywhere else. The
// link says nothing the document does not, yet it was reported as a field set aside, so
// a package that lost nothing did not import complete.

#[test]
fn a_document_link_in_any_spelling_of_the_document_says_nothing_lost() {
    let text = include_str!("../data/cases/case/25-document-link-spellings.json");
    let import = import(text);
    assert_eq!(import.spec.competencies.len(), 4);
    assert!(
        import.report.dropped_fields.is_empty(),
        "{:?}",
        import.report.dropped_fields
    );
    assert!(import.report.is_complete(), "{:?}", import.report);
    // A link to another document is still reported.
    let other = text.replacen(
        "{d0000000-0000-4000-8000-000000000001}",
        "{d0000000-0000-4000-8000-000000000009}",
        1,
    );
    let import = self::import(&other);
    let fields: Vec<(&str, &str)> = (import.report.dropped_fields.iter())
        .map(|f| (f.identifier.as_str(), f.field.as_str()))
        .collect();
    assert_eq!(
        fields,
        [("c0000000-0000-4000-8000-000000000002", "CFDocumentURI")]
    );
}
