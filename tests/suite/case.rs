//! CASE 1.1 import and export: a realistic hand-written package, round trips in both
//! directions, determinism, and one test per malformed shape.

use std::collections::BTreeSet;

use karmayogi::{
    CaseDocument, CaseDropReason, CaseElement, CaseExportOptions, CaseFieldReason, CaseIds,
    CaseImport, CaseImportOptions, CaseImportReport, CaseItemMapping, CaseLevelRule, CasePackage,
    CaseTypeSource, CompetencyId, CompetencyType, EntityKind, Error, Framework, FrameworkSpec,
    GroupId, GroupKind, Level,
};
use serde_json::{Value, json};

use crate::support::{
    case_export, child_of_edges, competency_ids, dropped, ends, exported, import, memberships,
};

const SECTION_OFFICER: &str = include_str!("../data/case/section_officer.json");
const DOC: &str = "c4a8e2b6-51d3-4f0a-9b7e-3d2c1a0f9e8d";
const STAMP: &str = "2025-04-01T09:00:00Z";

/// The realistic package's item identifiers: areas `a1`..`a3`, competencies `c01`..`c10`.
fn area(n: u8) -> String {
    format!("0a6e1c52-8f3b-4d27-9e14-5b7c9d2f6a0{n}")
}

fn comp(n: u8) -> String {
    format!("1c3d5e7f-2a4b-4c6d-8e0f-1a2b3c4d5e{n:02}")
}

fn assoc(n: u8) -> String {
    format!("2e4f6a8b-3c5d-4e7f-9a1b-2c3d4e5f6a{n:02}")
}

#[track_caller]
fn import_errors(package: &Value) -> Vec<Error> {
    CaseImport::from_json(&package.to_string(), &CaseImportOptions::default())
        .expect_err("the package should be rejected")
        .into_vec()
}

/// A level's `quality` and `description`.
type Described = (Option<String>, Option<String>);

fn dropped_fields(report: &CaseImportReport) -> Vec<String> {
    report
        .dropped_fields
        .iter()
        .map(|f| format!("{} {} {}", f.element, f.identifier, f.field))
        .collect()
}

fn document() -> CaseDocument {
    CaseDocument::new(
        "7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6",
        "Office competencies",
        "DoPT",
        STAMP,
    )
}

/// A small valid package around the given items, associations and rubrics.
fn package(items: &Value, associations: &Value, rubrics: &Value) -> Value {
    json!({
        "CFDocument": {"identifier": DOC, "uri": "https://x.example/d", "creator": "c",
                       "title": "t", "lastChangeDateTime": STAMP},
        "CFItems": items,
        "CFAssociations": associations,
        "CFRubrics": rubrics,
    })
}

fn item(id: &str, statement: &str, item_type: &str) -> Value {
    json!({"identifier": id, "fullStatement": statement, "CFItemType": item_type})
}

fn link(kind: &str, id: &str, from: &str, to: &str) -> Value {
    json!({"identifier": id, "associationType": kind,
           "originNodeURI": {"identifier": from}, "destinationNodeURI": {"identifier": to}})
}

fn criterion(id: &str, item: &str, levels: usize) -> Value {
    let levels: Vec<Value> = (1..=levels)
        .map(|n| {
            json!({"identifier": format!("{id}-l{n}"), "description": format!("level {n}"),
                        "position": n, "score": n})
        })
        .collect();
    json!({"identifier": id, "CFItemURI": {"identifier": item}, "CFRubricCriterionLevels": levels})
}

// ---------------------------------------------------------------------------------------
// The realistic package

/// One line per competency: id tail, name, kind, groups (tails), has a description,
/// levels, range.
fn summary(import: &CaseImport) -> Vec<String> {
    import
        .spec
        .competencies
        .iter()
        .map(|c| {
            let levels: Vec<String> = c
                .levels
                .iter()
                .map(|l| format!("{}:{}", l.level, l.name.as_deref().unwrap_or("-")))
                .collect();
            let groups: Vec<&str> = c.groups.iter().map(|g| &g.as_str()[33..]).collect();
            format!(
                "{} | {} | {} | {} | {} | {} | {:?}-{:?}",
                &c.id.as_str()[33..],
                c.name,
                c.kind,
                groups.join(","),
                !c.description.is_empty(),
                levels.join(" "),
                c.min_level,
                c.max_level,
            )
        })
        .collect()
}

#[test]
fn section_officer_competencies_and_groups() {
    let import = import(SECTION_OFFICER);
    // Integrity's rubric is scored 10, 20, 30 and Government accounting's has no scores:
    // the default rule (the score is the level) maps neither, so both are set aside.
    assert_eq!(
        summary(&import),
        [
            "e01 | Noting and drafting | functional | a01 | true | 1:Basic 2:Proficient 3:Advanced 4:Expert 5:Ustad | None-None",
            "e02 | File management | functional | a01 | false |  | None-None",
            "e03 | Right to Information handling | functional | a01 | true |  | None-None",
            "e05 | Empathy | behavioural | a02 | false |  | None-None",
            "e06 | Citizen centricity | behavioural | a02 | false |  | None-None",
            "e08 | Budget preparation | domain | a03 | false |  | None-None",
            "e09 | Public procurement | functional | a03 | false |  | None-None",
            "e10 | Digital literacy | functional |  | false |  | None-None",
        ]
    );
    let groups: Vec<(String, &str, GroupKind, bool)> = import
        .spec
        .groups
        .iter()
        .map(|g| {
            (
                g.id.as_str()[33..].to_owned(),
                g.name.as_str(),
                g.kind,
                g.description.is_empty(),
            )
        })
        .collect();
    assert_eq!(
        groups,
        [
            ("a01".to_owned(), "Office procedure", GroupKind::Area, true),
            (
                "a02".to_owned(),
                "Public service values",
                GroupKind::Free,
                false
            ),
            (
                "a03".to_owned(),
                "Financial management",
                GroupKind::Area,
                true
            ),
        ]
    );
    assert_eq!(
        import.spec.groups[1].description,
        "Values and conduct expected of every public servant in dealing with colleagues and citizens"
    );
    let framework = Framework::new(import.spec).expect("the imported dictionary is valid");
    assert_eq!(framework.competencies().len(), 8);
    assert_eq!(framework.members(&area(1)).unwrap().len(), 3);
}

#[test]
fn section_officer_rubric_scored_in_points_maps_by_rank() {
    let options = CaseImportOptions::default().level_rule(CaseLevelRule::Rank);
    let import = CaseImport::from_json(SECTION_OFFICER, &options).unwrap();
    let lines = summary(&import);
    assert_eq!(lines.len(), 9);
    assert_eq!(
        lines[3],
        "e04 | Integrity | behavioural | a02 | true | 1:Basic 2:Proficient 3:Advanced | None-None"
    );
    let integrity = &import.spec.competencies[3];
    assert_eq!(
        integrity.description,
        "Acts honestly and transparently, declares conflicts of interest and refuses undue influence."
    );
    assert_eq!(
        integrity.levels[0].description,
        "Follows the conduct rules and declares gifts and interests."
    );
    // Government accounting's levels have positions but no scores: still set aside.
    let accounting = &import.report.scales[2];
    assert_eq!(accounting.item, comp(7));
    assert_eq!(accounting.competency, None);
    assert!(
        accounting
            .levels
            .iter()
            .all(|l| l.score.is_none() && l.level.is_none())
    );
    let rank = &import.report.scales[1];
    assert_eq!(rank.rule, CaseLevelRule::Rank);
    assert_eq!(
        rank.competency.as_ref().map(CompetencyId::as_str),
        Some(comp(4).as_str())
    );
    let mapped: Vec<(Option<f64>, Option<u8>)> = rank
        .levels
        .iter()
        .map(|l| (l.score, l.level.map(Level::get)))
        .collect();
    assert_eq!(
        mapped,
        [
            (Some(10.0), Some(1)),
            (Some(20.0), Some(2)),
            (Some(30.0), Some(3))
        ]
    );
}

#[test]
#[allow(clippy::too_many_lines)] // one line per expected mapping: the list is the point
fn section_officer_mappings_are_reported() {
    use CaseItemMapping::{Competency, Group};
    use CompetencyType::{Behavioural, Domain, Functional};
    let import = import(SECTION_OFFICER);
    let report = &import.report;
    assert_eq!(report.document.identifier, DOC);
    assert_eq!(
        report.document.extra["publisher"],
        "Department of Personnel and Training"
    );
    let types: Vec<(Option<&str>, CaseTypeSource, CaseItemMapping, bool, usize)> = report
        .item_types
        .iter()
        .map(|t| {
            (
                t.item_type.as_deref(),
                t.source,
                t.mapping,
                t.by_default,
                t.items.len(),
            )
        })
        .collect();
    let given = CaseTypeSource::ItemType;
    assert_eq!(
        types,
        [
            (Some("Area"), given, Group(GroupKind::Area), false, 2),
            (
                Some("Behavioral Competency"),
                given,
                Competency(Behavioural),
                false,
                1
            ),
            (
                Some("Behavioural Competency"),
                given,
                Competency(Behavioural),
                false,
                2
            ),
            (Some("Competency"), given, Competency(Functional), true, 1),
            (
                Some("Competency Area"),
                given,
                Group(GroupKind::Free),
                true,
                1
            ),
            (
                Some("Domain Competency"),
                given,
                Competency(Domain),
                false,
                2
            ),
            (
                Some("Functional Competency"),
                given,
                Competency(Functional),
                false,
                4
            ),
        ]
    );
    assert_eq!(report.item_types[3].items, [comp(3)]);
    let groups: Vec<(&str, &str, &str)> = report
        .groups
        .iter()
        .map(|g| (g.identifier.as_str(), g.id.as_str(), g.name.as_str()))
        .collect();
    assert_eq!(
        groups,
        [
            (area(1).as_str(), area(1).as_str(), "Office procedure"),
            (area(2).as_str(), area(2).as_str(), "Public service values"),
            (area(3).as_str(), area(3).as_str(), "Financial management"),
        ]
    );
    let kept: Vec<(&str, &str, Option<&str>, Option<&str>)> = report
        .associations
        .iter()
        .map(|k| {
            (
                k.association.identifier.as_str(),
                k.association.association_type.as_str(),
                k.origin.as_ref().map(CompetencyId::as_str),
                k.destination.as_ref().map(CompetencyId::as_str),
            )
        })
        .collect();
    // The isChildOf of the two competencies set aside have nothing to link in the spec.
    assert_eq!(
        kept,
        [
            (assoc(21).as_str(), "isChildOf", None, None),
            (assoc(31).as_str(), "isChildOf", None, None),
            (
                assoc(41).as_str(),
                "precedes",
                Some(comp(2).as_str()),
                Some(comp(1).as_str())
            ),
            (
                assoc(42).as_str(),
                "isRelatedTo",
                None,
                Some(comp(6).as_str())
            ),
            (assoc(43).as_str(), "exactMatchOf", None, None),
        ]
    );
    let dropped: Vec<(CaseElement, &str, CaseDropReason)> = report
        .dropped
        .iter()
        .map(|d| (d.element, &d.identifier[33..], d.reason))
        .collect();
    assert_eq!(
        dropped,
        [
            (CaseElement::Item, "e04", CaseDropReason::UnmappedScale),
            // Government accounting's levels have no score at all.
            (CaseElement::Item, "e07", CaseDropReason::Unscored),
            (CaseElement::Criterion, "d02", CaseDropReason::UnmappedScale),
            (CaseElement::Criterion, "d03", CaseDropReason::Unscored),
            (CaseElement::Level, "d31", CaseDropReason::Unscored),
            (CaseElement::Level, "d32", CaseDropReason::Unscored),
            (CaseElement::Level, "d33", CaseDropReason::Unscored),
            (CaseElement::Level, "d34", CaseDropReason::Unscored),
        ]
    );
    assert!(!report.is_complete());
}

#[test]
fn section_officer_dropped_fields_are_listed() {
    let import = import(SECTION_OFFICER);
    let report = &import.report;
    let mut expected = vec![
        format!("CFPackage {DOC} CFDefinitions"),
        format!("CFItem {} humanCodingScheme", area(1)),
        format!("CFItem {} humanCodingScheme", comp(1)),
        format!("CFItem {} notes", comp(1)),
        format!("CFItem {} humanCodingScheme", comp(2)),
        format!("CFItem {} humanCodingScheme", comp(3)),
    ];
    for n in [5, 6, 8] {
        expected.push(format!("CFItem {} humanCodingScheme", comp(n)));
    }
    expected.push(format!("CFItem {} humanCodingScheme", comp(9)));
    expected.push(format!("CFItem {} language", comp(9)));
    // A sequenceNumber is lost only where exporting the spec would number the children
    // differently: items e04 and e07 are set aside, so their siblings move up one.
    for n in [22, 23, 32, 33] {
        expected.push(format!("CFAssociation {} sequenceNumber", assoc(n)));
    }
    expected.extend([
        "CFRubric 3a5b7c9d-4e6f-4a8b-8c0d-1e2f3a4b5c01 description".to_owned(),
        "CFRubric 3a5b7c9d-4e6f-4a8b-8c0d-1e2f3a4b5c01 title".to_owned(),
        "CFRubricCriterion 4b6c8d0e-5f7a-4b9c-9d1e-2f3a4b5c6d01 category".to_owned(),
        "CFRubricCriterion 4b6c8d0e-5f7a-4b9c-9d1e-2f3a4b5c6d01 weight".to_owned(),
        "CFRubricCriterionLevel 5c7d9e1f-6a8b-4c0d-a1e2-3f4a5b6c7d13 feedback".to_owned(),
    ]);
    assert_eq!(dropped_fields(report), expected);
    assert!(
        report
            .dropped_fields
            .iter()
            .all(|f| f.reason == CaseFieldReason::NoPlace)
    );
}

#[test]
fn section_officer_ids_can_come_from_the_human_coding_scheme() {
    let options = CaseImportOptions::default()
        .ids(CaseIds::HumanCodingScheme)
        .level_rule(CaseLevelRule::Rank);
    let import = CaseImport::from_json(SECTION_OFFICER, &options).unwrap();
    let ids = competency_ids(&import.spec);
    // Digital literacy has no code, so its identifier stands in; Government accounting
    // (FM.01) is set aside with its unscored rubric.
    assert_eq!(
        ids,
        [
            comp(10).as_str(),
            "FM.02",
            "FM.03",
            "OP.01",
            "OP.02",
            "OP.03",
            "PSV.01",
            "PSV.02",
            "PSV.03"
        ]
    );
    // The area with a code is a group with that id; the others keep their identifiers.
    let groups: Vec<&str> = import.spec.groups.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(groups, [area(2).as_str(), area(3).as_str(), "OP"]);
    assert_eq!(import.spec.competencies[3].groups[0].as_str(), "OP");
    let precedes = &import.report.associations[1];
    assert_eq!(precedes.origin.as_ref().unwrap().as_str(), "OP.02");
    let fields = dropped_fields(&import.report);
    assert!(!fields.contains(&format!("CFItem {} humanCodingScheme", comp(1))));
    assert!(!fields.contains(&format!("CFItem {} humanCodingScheme", area(1))));
}

#[test]
#[allow(clippy::too_many_lines)] // one round trip, checked element by element
fn case_to_spec_to_case_keeps_items_structure_and_levels() {
    let original = CasePackage::from_json(SECTION_OFFICER).unwrap();
    let options = CaseImportOptions::default().level_rule(CaseLevelRule::Rank);
    let import = CaseImport::from_package(&original, &options).unwrap();
    let exported = exported(&import);

    let doc = exported.document.as_ref().unwrap();
    assert_eq!(doc.identifier, DOC);
    assert_eq!(doc.uri, original.document.as_ref().unwrap().uri);
    // Every field kept, the one CASE 1.1 does not define on a package's document
    // (`CFPackageURI`) inside `extensions`.
    let mut extra = original.document.as_ref().unwrap().extra.clone();
    let package_uri = extra.remove("CFPackageURI").unwrap();
    extra.insert(
        "extensions".to_owned(),
        serde_json::json!({ "CFPackageURI": package_uri }),
    );
    assert_eq!(doc.extra, extra);

    // The same items, except the one the report set aside, with the same statements.
    let set_aside: BTreeSet<&str> = import
        .report
        .dropped
        .iter()
        .filter(|d| d.element == CaseElement::Item)
        .map(|d| d.identifier.as_str())
        .collect();
    assert_eq!(set_aside, BTreeSet::from([comp(7).as_str()]));
    let ids = |p: &CasePackage| -> BTreeSet<String> {
        p.items.iter().map(|i| i.identifier.clone()).collect()
    };
    let carried: BTreeSet<String> = ids(&original)
        .into_iter()
        .filter(|i| !set_aside.contains(i.as_str()))
        .collect();
    assert_eq!(ids(&exported), carried);
    for after in &exported.items {
        let before = original
            .items
            .iter()
            .find(|i| i.identifier == after.identifier)
            .unwrap();
        assert_eq!(
            after.full_statement, before.full_statement,
            "{}",
            before.identifier
        );
        assert_eq!(after.abbreviated_statement, before.abbreviated_statement);
        let canonical = [
            "Area",
            "Behavioural Competency",
            "Functional Competency",
            "Domain Competency",
        ];
        if canonical.contains(&before.item_type.as_deref().unwrap_or_default()) {
            assert_eq!(after.item_type, before.item_type, "{}", before.identifier);
        }
    }
    assert_eq!(
        exported
            .items
            .iter()
            .find(|i| i.identifier == area(2))
            .unwrap()
            .item_type
            .as_deref(),
        Some("Competency Group")
    );

    // The same isChildOf edges, except those the report kept aside.
    let edges = child_of_edges;
    let kept: BTreeSet<(String, String)> = import
        .report
        .associations
        .iter()
        .map(|k| ends(&k.association))
        .collect();
    let expected: BTreeSet<(String, String)> =
        edges(&original).difference(&kept).cloned().collect();
    assert_eq!(edges(&exported), expected);
    assert_eq!(edges(&exported).len(), 12);

    // The same criterion levels for the same items, in proficiency (score) order.
    let levels = |p: &CasePackage| -> Vec<(String, Vec<Described>)> {
        let mut out: Vec<_> = p
            .rubrics
            .iter()
            .flat_map(|r| &r.criteria)
            .filter(|c| !set_aside.contains(c.item_uri.as_ref().unwrap().identifier.as_str()))
            .map(|c| {
                let mut levels: Vec<_> = c.levels.iter().collect();
                levels.sort_by(|a, b| a.score.unwrap().total_cmp(&b.score.unwrap()));
                let levels = levels
                    .iter()
                    .map(|l| (l.quality.clone(), l.description.clone()))
                    .collect();
                (c.item_uri.as_ref().unwrap().identifier.clone(), levels)
            })
            .collect();
        out.sort();
        out
    };
    assert_eq!(levels(&exported), levels(&original));

    // And importing the export (scored 1 to n now) gives the same dictionary by default.
    let again = CaseImport::from_package(&exported, &CaseImportOptions::default()).unwrap();
    assert_eq!(again.spec, import.spec);
}

// ---------------------------------------------------------------------------------------
// spec -> CASE -> spec

const OFFICE_SPEC: &str = r#"{
  "format_version": 1,
  "competencies": [
    {"id": "noting-drafting", "name": "Noting and drafting", "type": "functional",
     "description": "Records notes and drafts replies on files.", "area": "Office procedure",
     "levels": [{"level": 1, "name": "Basic", "description": "Uses standard formats."},
                {"level": 2, "description": "Drafts routine replies alone."},
                {"level": 3, "name": "Advanced", "description": ""}]},
    {"id": "e-office", "name": "e-Office", "type": "functional", "area": "Office procedure"},
    {"id": "integrity", "name": "Integrity", "type": "behavioural", "area": "Values",
     "levels": [{"level": 1, "description": "Follows the conduct rules."}]},
    {"id": "postal-ops", "name": "Postal operations", "type": "domain",
     "description": "Knows the Post Office Guide."},
    {"id": "0b3c9f4e-6a43-4c1e-9d0c-2f1a7e5b8c01", "name": "Treasury rules", "type": "domain"}
  ],
  "activities": [{"id": "a1", "name": "Draft replies",
                  "requires": [{"competency": "noting-drafting", "level": 2}]}],
  "roles": [{"id": "r1", "name": "Dealing hand", "activities": ["a1"]}],
  "positions": [{"id": "p1", "name": "Assistant Section Officer", "department": "dopt",
                 "roles": ["r1"]}]
}"#;

#[test]
fn spec_to_case_to_spec_is_lossless_for_the_dictionary() {
    let framework = Framework::from_json(OFFICE_SPEC).unwrap();
    let package = case_export(&framework, &document());
    let json = package.to_json();
    let options = CaseImportOptions::default().ids(CaseIds::HumanCodingScheme);
    let import = CaseImport::from_json(&json, &options).unwrap();
    // Each competency comes back whole; its area comes back as membership of the area's
    // group, which the spec now declares.
    let without_area = |c: &karmayogi::CompetencySpec| karmayogi::CompetencySpec {
        area: None,
        groups: Vec::new(),
        ..c.clone()
    };
    let back: Vec<_> = import.spec.competencies.iter().map(without_area).collect();
    let own: Vec<_> = framework.competencies().iter().map(without_area).collect();
    assert_eq!(back, own);
    let again = Framework::new(import.spec.clone()).unwrap();
    assert_eq!(again.groups(), framework.groups());
    for c in framework.competencies() {
        let id = c.id.as_str();
        assert_eq!(
            again.groups_of(id).unwrap(),
            framework.groups_of(id).unwrap()
        );
    }
    assert_eq!(
        again.groups_of("integrity").unwrap(),
        [&GroupId::from("area:Values")]
    );
    assert!(import.spec.activities.is_empty() && import.spec.positions.is_empty());
    // Every type is mapped and nothing is set aside: the sibling order and the default
    // rubric title export wrote are what exporting the spec writes again, so the round
    // trip is complete.
    let r = &import.report;
    assert!(r.item_types.iter().all(|t| !t.by_default));
    assert!(r.associations.is_empty() && r.dropped.is_empty());
    assert_eq!(r.dropped_fields, []);
    assert!(r.is_complete());
    assert_eq!(import.report.document, *package.document.as_ref().unwrap());
    let sequences = package
        .associations
        .iter()
        .filter(|a| a.sequence_number.is_some())
        .count();
    assert_eq!(sequences, package.associations.len());

    // A title other than the default is lost on import, and reported.
    let titled = CaseExportOptions::default().rubric_title("KCM proficiency");
    let package = CasePackage::from_framework(&framework, &document(), &titled).unwrap();
    let report = CaseImport::from_package(&package, &options).unwrap().report;
    let fields: Vec<(CaseElement, &str)> = report
        .dropped_fields
        .iter()
        .map(|f| (f.element, f.field.as_str()))
        .collect();
    assert_eq!(fields, [(CaseElement::Rubric, "title")]);
    assert!(!report.is_complete());
}

#[test]
fn uuid_ids_round_trip_with_default_options() {
    let framework = Framework::from_json(OFFICE_SPEC).unwrap();
    let package = case_export(&framework, &document());
    let treasury = package
        .items
        .iter()
        .find(|i| i.full_statement == "Treasury rules")
        .unwrap();
    assert_eq!(treasury.identifier, "0b3c9f4e-6a43-4c1e-9d0c-2f1a7e5b8c01");
    assert_eq!(treasury.human_coding_scheme, None);
    let import = CaseImport::from_package(&package, &CaseImportOptions::default()).unwrap();
    assert!(
        import
            .spec
            .competencies
            .iter()
            .any(|c| c.id.as_str() == "0b3c9f4e-6a43-4c1e-9d0c-2f1a7e5b8c01")
    );
}

// ---------------------------------------------------------------------------------------
// Export shape and determinism

#[track_caller]
fn assert_case_uuid(id: &str) {
    let parts: Vec<&str> = id.split('-').collect();
    let lens: Vec<usize> = parts.iter().map(|p| p.len()).collect();
    assert_eq!(lens, [8, 4, 4, 4, 12], "{id}");
    assert!(
        id.chars()
            .all(|c| c == '-' || c.is_ascii_digit() || ('a'..='f').contains(&c)),
        "{id}"
    );
    assert!(
        ('1'..='5').contains(&parts[2].chars().next().unwrap()),
        "{id}"
    );
    assert!("89ab".contains(parts[3].chars().next().unwrap()), "{id}");
}

#[test]
fn export_writes_valid_linked_case() {
    let framework = Framework::from_json(OFFICE_SPEC).unwrap();
    let options = CaseExportOptions::default().base_uri("https://case.example.org/ims/case/v1p1/");
    let package = CasePackage::from_framework(&framework, &document(), &options).unwrap();
    let doc = package.document.as_ref().unwrap();
    assert_eq!(doc.case_version.as_deref(), Some("1.1"));
    assert_eq!(
        doc.uri,
        format!(
            "https://case.example.org/ims/case/v1p1/CFDocuments/{}",
            doc.identifier
        )
    );

    let mut identifiers = vec![doc.identifier.clone()];
    for i in &package.items {
        assert_eq!(
            i.uri,
            format!(
                "https://case.example.org/ims/case/v1p1/CFItems/{}",
                i.identifier
            )
        );
        assert_eq!(i.last_change_date_time, STAMP);
        identifiers.push(i.identifier.clone());
    }
    let nodes: BTreeSet<String> = identifiers.iter().cloned().collect();
    for a in &package.associations {
        assert_eq!(a.association_type, "isChildOf");
        assert_eq!(a.last_change_date_time, STAMP);
        assert!(nodes.contains(&a.origin_node_uri.as_ref().unwrap().identifier));
        assert!(nodes.contains(&a.destination_node_uri.as_ref().unwrap().identifier));
        identifiers.push(a.identifier.clone());
    }
    let [rubric] = package.rubrics.as_slice() else {
        panic!("one rubric expected");
    };
    assert_eq!(rubric.title.as_deref(), Some("Proficiency levels"));
    identifiers.push(rubric.identifier.clone());
    assert_eq!(rubric.criteria.len(), 2);
    for c in &rubric.criteria {
        assert_eq!(c.rubric_id.as_ref(), Some(&rubric.identifier));
        assert!(nodes.contains(&c.item_uri.as_ref().unwrap().identifier));
        identifiers.push(c.identifier.clone());
        for (l, n) in c.levels.iter().zip(1..) {
            assert_eq!((l.position, l.score), (Some(n), Some(n as f64)));
            assert_eq!(l.rubric_criterion_id.as_ref(), Some(&c.identifier));
            identifiers.push(l.identifier.clone());
        }
    }
    for id in &identifiers {
        assert_case_uuid(id);
    }
    let unique: BTreeSet<&String> = identifiers.iter().collect();
    assert_eq!(unique.len(), identifiers.len());

    // Areas first by name, then competencies by id; top-level nodes numbered in that order.
    let statements: Vec<&str> = package
        .items
        .iter()
        .map(|i| i.full_statement.as_str())
        .collect();
    assert_eq!(
        statements,
        [
            "Office procedure",
            "Values",
            "Treasury rules",
            "e-Office",
            "Integrity",
            "Records notes and drafts replies on files.",
            "Knows the Post Office Guide.",
        ]
    );
}

#[test]
fn export_is_deterministic_whatever_the_input_order() {
    let framework = Framework::from_json(OFFICE_SPEC).unwrap();
    let mut spec = FrameworkSpec::from_json(OFFICE_SPEC).unwrap();
    spec.competencies.reverse();
    let reversed = Framework::new(spec).unwrap();
    let export = |f: &Framework| {
        CasePackage::from_framework(f, &document(), &CaseExportOptions::default())
            .unwrap()
            .to_json()
    };
    assert_eq!(export(&framework), export(&framework));
    assert_eq!(export(&framework), export(&reversed));
}

#[test]
fn import_does_not_depend_on_list_order() {
    let original = CasePackage::from_json(SECTION_OFFICER).unwrap();
    let mut shuffled = original.clone();
    shuffled.items.reverse();
    shuffled.associations.reverse();
    for rubric in &mut shuffled.rubrics {
        rubric.criteria.reverse();
        for criterion in &mut rubric.criteria {
            criterion.levels.reverse();
        }
    }
    let options = CaseImportOptions::default();
    assert_eq!(
        CaseImport::from_package(&shuffled, &options).unwrap(),
        CaseImport::from_package(&original, &options).unwrap()
    );
}

// ---------------------------------------------------------------------------------------
// Mapping rules

#[test]
fn item_types_can_be_mapped_ignored_and_defaulted() {
    let pkg = package(
        &json!([
            item(
                "a0000000-0000-4000-8000-000000000001",
                "Domain one",
                "Domain"
            ),
            item(
                "c0000000-0000-4000-8000-000000000001",
                "Standard one",
                "Standard"
            ),
            item(
                "c0000000-0000-4000-8000-000000000002",
                "Indicator one",
                "Indicator"
            ),
            json!({"identifier": "c0000000-0000-4000-8000-000000000003", "fullStatement": "No type"}),
        ]),
        &json!([
            link(
                "isChildOf",
                "e1",
                "c0000000-0000-4000-8000-000000000001",
                "a0000000-0000-4000-8000-000000000001"
            ),
            link(
                "isChildOf",
                "e2",
                "c0000000-0000-4000-8000-000000000002",
                "c0000000-0000-4000-8000-000000000001"
            ),
        ]),
        &json!([]),
    );
    let options = CaseImportOptions::default()
        .item_type(
            "standard",
            CaseItemMapping::Competency(CompetencyType::Domain),
        )
        .item_type("Indicator", CaseItemMapping::Ignore)
        .default_type(CompetencyType::Behavioural);
    let import = CaseImport::from_json(&pkg.to_string(), &options).unwrap();
    let kinds: Vec<(&str, CompetencyType, Vec<&str>)> = import
        .spec
        .competencies
        .iter()
        .map(|c| {
            (
                c.name.as_str(),
                c.kind,
                c.groups.iter().map(GroupId::as_str).collect(),
            )
        })
        .collect();
    // "Domain" is a grouping here: unmapped, and a parent, so a free group by default.
    assert_eq!(
        kinds,
        [
            (
                "Standard one",
                CompetencyType::Domain,
                vec!["a0000000-0000-4000-8000-000000000001"]
            ),
            ("No type", CompetencyType::Behavioural, vec![]),
        ]
    );
    assert_eq!(import.spec.groups[0].name, "Domain one");
    assert_eq!(import.spec.groups[0].kind, GroupKind::Free);
    let r = &import.report;
    assert_eq!(r.dropped.len(), 1);
    assert_eq!(r.dropped[0].element, CaseElement::Item);
    assert_eq!(r.dropped[0].reason, CaseDropReason::IgnoredType);
    // The ignored item's isChildOf has nowhere to go, so it is kept.
    assert_eq!(r.associations.len(), 1);
    assert_eq!(r.associations[0].association.identifier, "e2");
    let defaulted: Vec<(Option<&str>, bool)> = r
        .item_types
        .iter()
        .map(|t| (t.item_type.as_deref(), t.by_default))
        .collect();
    assert_eq!(
        defaulted,
        [
            (None, true),
            (Some("Domain"), true),
            (Some("Indicator"), false),
            (Some("Standard"), false)
        ]
    );
}

#[test]
fn an_item_keeps_every_group_above_it() {
    let pkg = package(
        &json!([
            item("a1", "First area", "Area"),
            item("a2", "Second area", "Area"),
            item("c1", "Shared competency", "Functional Competency"),
        ]),
        &json!([
            link("isChildOf", "e-9", "c1", "a1"),
            link("isChildOf", "e-1", "c1", "a2"),
            link("isChildOf", "e-5", "c1", DOC),
            link("isChildOf", "e-7", "c1", "a1"),
        ]),
        &json!([]),
    );
    let import = import(&pkg.to_string());
    let groups: Vec<&str> = import.spec.competencies[0]
        .groups
        .iter()
        .map(GroupId::as_str)
        .collect();
    assert_eq!(groups, ["a1", "a2"]);
    // The link to the document says less than the links to groups; the second link to a1
    // (the larger identifier) repeats the first. Both are kept aside, not merged silently.
    let kept: Vec<&str> = import
        .report
        .associations
        .iter()
        .map(|k| k.association.identifier.as_str())
        .collect();
    assert_eq!(kept, ["e-5", "e-9"]);
}

#[test]
fn criteria_that_give_no_levels_are_reported() {
    let pkg = package(
        &json!([
            item("a1", "An area", "Area"),
            item("c1", "A competency", "Functional Competency")
        ]),
        &json!([link("isChildOf", "e1", "c1", "a1")]),
        &json!([
            {"identifier": "r1", "CFRubricCriteria": [
                criterion("k-area", "a1", 3),
                criterion("k-empty", "c1", 0),
                {"identifier": "k-loose", "CFRubricCriterionLevels": []},
            ]},
            {"identifier": "r2", "title": "Empty rubric"},
        ]),
    );
    let import = import(&pkg.to_string());
    assert!(import.spec.competencies[0].levels.is_empty());
    let dropped = dropped(&import.report);
    assert_eq!(
        dropped,
        [
            (CaseElement::Rubric, "r2", CaseDropReason::NoCriteria),
            (
                CaseElement::Criterion,
                "k-area",
                CaseDropReason::NotACompetency
            ),
            (CaseElement::Criterion, "k-empty", CaseDropReason::NoLevels),
            (CaseElement::Criterion, "k-loose", CaseDropReason::NoItem),
        ]
    );
}

#[test]
fn a_very_deep_hierarchy_imports_without_exhausting_the_stack() {
    let n = 20_000;
    let items: Vec<Value> = (0..n)
        .map(|i| json!({"identifier": format!("i{i}"), "fullStatement": format!("Level {i}")}))
        .collect();
    let associations: Vec<Value> = (1..n)
        .map(|i| {
            link(
                "isChildOf",
                &format!("e{i}"),
                &format!("i{i}"),
                &format!("i{}", i - 1),
            )
        })
        .collect();
    let pkg = package(&json!(items), &json!(associations), &json!([]));
    let import = import(&pkg.to_string());
    // Only the leaf is a competency; every other item is a group (by default), each in the
    // one above it.
    assert_eq!(import.spec.competencies.len(), 1);
    assert_eq!(import.spec.competencies[0].groups[0].as_str(), "i19998");
    assert_eq!(import.report.groups.len(), n - 1);
    assert!(import.report.associations.is_empty());
    let framework = Framework::new(import.spec).expect("a deep hierarchy builds");
    let order = framework.groups_top_down();
    assert_eq!(order.len(), n - 1);
    assert_eq!(order[0].id.as_str(), "i0");
    assert_eq!(order[n - 2].id.as_str(), "i19998");
}

// ---------------------------------------------------------------------------------------
// Malformed shapes, one each

#[test]
fn non_json_and_wrong_types_are_json_errors_with_positions() {
    let errors = CaseImport::from_json("{\"CFItems\": [", &CaseImportOptions::default())
        .unwrap_err()
        .into_vec();
    assert!(
        matches!(errors.as_slice(), [Error::Json { line: 1, .. }]),
        "{errors:?}"
    );
    let repeated =
        "{\n  \"CFItems\": [\n    {\"identifier\": \"c1\", \"identifier\": \"c2\"}\n  ]\n}";
    let errors = CaseImport::from_json(repeated, &CaseImportOptions::default())
        .unwrap_err()
        .into_vec();
    assert!(
        matches!(errors.as_slice(), [Error::Json { line: 3, message, .. }] if message.starts_with("duplicate field `identifier`")),
        "{errors:?}"
    );
    let errors = CaseImport::from_json("[1, 2]", &CaseImportOptions::default()).unwrap_err();
    assert!(
        errors.to_string().contains("invalid json at line 1"),
        "{errors}"
    );
}

#[test]
fn missing_document_is_an_error() {
    let errors = import_errors(&json!({"CFItems": [item("c1", "A", "Functional Competency")]}));
    assert_eq!(
        errors,
        [Error::CaseMissingDocument {
            documents: Vec::new()
        }]
    );
    assert_eq!(errors[0].to_string(), "case package has no CFDocument");
}

/// Items and associations need identifiers; rubric elements do not (see
/// `rubric_elements_without_identifier_import_named_by_their_path`).
#[test]
fn items_and_associations_without_identifier_are_errors() {
    let pkg = package(
        &json!([item("c1", "A", "Area"), {"fullStatement": "No id"}, item(" ", "Blank id", "x")]),
        &json!([{"associationType": "isChildOf"}]),
        &json!([{"identifier": "r1", "CFRubricCriteria": [
            {"CFRubricCriterionLevels": [{"description": "no id either"}]}]}]),
    );
    let errors = import_errors(&pkg);
    let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        text,
        [
            "no identifier on CFItem at CFItems[1]",
            "no identifier on CFItem at CFItems[2]",
            "no identifier on CFAssociation at CFAssociations[0]",
        ]
    );
}

/// CASE requires `fullStatement`, but the abbreviated statement names an item as well
/// (see `tests/suite/cases.rs`, case 13).
#[test]
fn an_abbreviated_statement_alone_names_an_item_and_an_association_without_an_end_is_set_aside() {
    let pkg = package(
        &json!([{"identifier": "c1", "abbreviatedStatement": "Short only"}]),
        &json!([{"identifier": "e1", "originNodeURI": {"identifier": "c1"}}]),
        &json!([]),
    );
    let import = import(&pkg.to_string());
    assert_eq!(import.spec.competencies[0].name, "Short only");
    assert_eq!(
        dropped(&import.report),
        [(
            CaseElement::Association,
            "e1",
            CaseDropReason::NoAssociationType
        )]
    );
}

#[test]
fn duplicate_identifiers_are_errors_across_element_kinds() {
    let pkg = package(
        &json!([
            item("x1", "A", "Area"),
            item("x1", "B", "Area"),
            item(DOC, "C", "Area")
        ]),
        &json!([link("precedes", "x1", "x1", DOC)]),
        &json!([]),
    );
    let errors = import_errors(&pkg);
    assert_eq!(
        errors,
        [
            Error::CaseDuplicateIdentifier {
                identifier: "x1".into(),
                path: "CFItems[1]".into(),
                earlier: "x1".into(),
                earlier_path: "CFItems[0]".into(),
            },
            Error::CaseDuplicateIdentifier {
                identifier: DOC.into(),
                path: "CFItems[2]".into(),
                earlier: DOC.into(),
                earlier_path: "CFDocument".into(),
            },
        ]
    );
    assert_eq!(
        errors[0].to_string(),
        "duplicate case identifier `x1` at CFItems[1]: CFItems[0] has it too"
    );
}

/// Each association the import kept aside: its identifier and the competency of its origin.
fn kept_origins(import: &CaseImport) -> Vec<(&str, Option<&str>)> {
    import
        .report
        .associations
        .iter()
        .map(|k| {
            (
                k.association.identifier.as_str(),
                k.origin.as_ref().map(CompetencyId::as_str),
            )
        })
        .collect()
}

#[test]
fn child_of_outside_the_package_is_kept_aside_like_a_crosswalk() {
    let pkg = package(
        &json!([item("c1", "A", "Functional Competency")]),
        &json!([
            link("isChildOf", "e1", "c1", "nowhere"),
            link("isChildOf", "e2", DOC, "c1"),
            link("exactMatchOf", "e3", "c1", "another-framework-item"),
        ]),
        &json!([]),
    );
    let import = import(&pkg.to_string());
    assert!(import.spec.competencies[0].groups.is_empty());
    let kept = kept_origins(&import);
    assert_eq!(kept, [("e1", Some("c1")), ("e2", None), ("e3", Some("c1"))]);
    assert!(!import.report.is_complete());
}

#[test]
fn child_of_cycles_are_errors() {
    let pkg = package(
        &json!([
            item("a", "A", "Area"),
            item("b", "B", "Area"),
            item("c", "C", "Area"),
            item("s", "S", "Area")
        ]),
        &json!([
            link("isChildOf", "e1", "a", "b"),
            link("isChildOf", "e2", "b", "c"),
            link("isChildOf", "e3", "c", "a"),
            link("isChildOf", "e4", "s", "s"),
        ]),
        &json!([]),
    );
    let errors = import_errors(&pkg);
    assert_eq!(
        errors,
        [
            Error::CaseChildOfCycle {
                items: vec!["a".into(), "b".into(), "c".into()]
            },
            Error::CaseChildOfCycle {
                items: vec!["s".into()]
            },
        ]
    );
    assert_eq!(
        errors[0].to_string(),
        "isChildOf cycle through CFItems `a`, `b`, `c`"
    );
}

#[test]
fn criterion_for_an_item_outside_the_package_is_set_aside() {
    let pkg = package(
        &json!([item("c1", "A", "Functional Competency")]),
        &json!([]),
        &json!([{"identifier": "r1", "CFRubricCriteria": [criterion("k1", "ghost", 3)]}]),
    );
    let import = import(&pkg.to_string());
    assert_eq!(import.spec.competencies.len(), 1);
    assert_eq!(
        dropped(&import.report),
        [(CaseElement::Criterion, "k1", CaseDropReason::OutsidePackage)]
    );
}

#[test]
fn six_scored_levels_set_aside_the_criterion_and_its_item_only() {
    let pkg = package(
        &json!([
            item("c1", "A", "Functional Competency"),
            item("c2", "B", "Functional Competency")
        ]),
        &json!([]),
        &json!([{"identifier": "r1", "CFRubricCriteria": [
            criterion("k1", "c1", 6), criterion("k2", "c2", 4)]}]),
    );
    let import = import(&pkg.to_string());
    let ids = competency_ids(&import.spec);
    assert_eq!(ids, ["c2"]);
    assert_eq!(import.spec.competencies[0].levels.len(), 4);
    assert_eq!(
        dropped(&import.report),
        [
            (CaseElement::Item, "c1", CaseDropReason::UnmappedScale),
            (CaseElement::Criterion, "k1", CaseDropReason::UnmappedScale),
        ]
    );
    let scale = &import.report.scales[0];
    assert_eq!(
        (scale.item.as_str(), scale.competency.as_ref()),
        ("c1", None)
    );
    let levels: Vec<Option<u8>> = scale
        .levels
        .iter()
        .map(|l| l.level.map(Level::get))
        .collect();
    // The rule maps five of the six scores; the sixth is why the criterion is set aside.
    assert_eq!(levels, [Some(1), Some(2), Some(3), Some(4), Some(5), None]);
    assert_eq!(
        import.report.scales[1]
            .competency
            .as_ref()
            .unwrap()
            .as_str(),
        "c2"
    );
    // With the rule the caller chooses, the six levels map onto five, as the report says.
    let options = CaseImportOptions::default().level_rule(CaseLevelRule::Proportional { top: 6 });
    let mapped = CaseImport::from_json(&pkg.to_string(), &options).unwrap();
    assert_eq!(mapped.spec.competencies.len(), 2);
    let levels: Vec<Option<u8>> = mapped.report.scales[0]
        .levels
        .iter()
        .map(|l| l.level.map(Level::get))
        .collect();
    assert_eq!(
        levels,
        [Some(1), Some(2), Some(3), Some(4), Some(5), Some(5)]
    );
    assert_eq!(
        dropped(&mapped.report),
        [(CaseElement::Level, "k1-l6", CaseDropReason::MergedLevel)]
    );
}

/// Which criterion holds is unknowable: both are set aside, and the competency imports
/// with the levels they agree on (see `tests/suite/cases.rs`, case 12).
#[test]
fn two_criteria_for_one_item_set_aside_the_criteria_not_the_item() {
    let pkg = package(
        &json!([item("c1", "A", "Functional Competency")]),
        &json!([]),
        &json!([
            {"identifier": "r1", "CFRubricCriteria": [criterion("k2", "c1", 3)]},
            {"identifier": "r2", "CFRubricCriteria": [criterion("k1", "c1", 5)]},
        ]),
    );
    let import = import(&pkg.to_string());
    // Both describe levels 1 to 3 alike; only one goes on to 4 and 5.
    let c = &import.spec.competencies[0];
    assert_eq!(c.id.as_str(), "c1");
    assert_eq!(c.levels, crate::support::descriptors(1..=3));
    assert_eq!((c.min_level, c.max_level), (None, None));
    assert!(!import.report.is_complete());
    let scales: Vec<(&str, Option<&str>)> = (import.report.scales.iter())
        .map(|s| {
            (
                s.criterion.as_str(),
                s.competency.as_ref().map(karmayogi::CompetencyId::as_str),
            )
        })
        .collect();
    assert_eq!(scales, [("k1", Some("c1")), ("k2", Some("c1"))]);
    assert_eq!(
        dropped(&import.report),
        [
            (
                CaseElement::Criterion,
                "k1",
                CaseDropReason::ConflictingCriteria
            ),
            (
                CaseElement::Criterion,
                "k2",
                CaseDropReason::ConflictingCriteria
            ),
        ]
    );
}

/// A code two items share identifies neither: both keep their identifiers (see
/// `a_human_coding_scheme_two_items_share_identifies_neither`). An item whose code is
/// another item's identifier still gives two competencies one id, an error.
#[test]
fn repeated_coding_schemes_identify_neither_item() {
    let mut a = item("c1", "A", "Functional Competency");
    a["humanCodingScheme"] = json!("OP.1");
    let mut b = item("c2", "B", "Functional Competency");
    b["humanCodingScheme"] = json!("OP.1");
    let pkg = package(&json!([a, b]), &json!([]), &json!([]));
    let options = CaseImportOptions::default().ids(CaseIds::HumanCodingScheme);
    let import = CaseImport::from_json(&pkg.to_string(), &options).unwrap();
    assert_eq!(competency_ids(&import.spec), ["c1", "c2"]);
    let mut a = item("c1", "A", "Functional Competency");
    a["humanCodingScheme"] = json!("c2");
    let b = item("c2", "B", "Functional Competency");
    let pkg = package(&json!([a, b]), &json!([]), &json!([]));
    let errors = CaseImport::from_json(&pkg.to_string(), &options)
        .unwrap_err()
        .into_vec();
    assert_eq!(
        errors,
        [Error::CaseDuplicateId {
            kind: EntityKind::Competency,
            id: "c2".into(),
            items: Box::new(karmayogi::CaseIdItems {
                identifier: "c2".into(),
                path: "CFItems[1]".into(),
                field: "identifier",
                earlier: "c1".into(),
                earlier_path: "CFItems[0]".into(),
                earlier_field: "humanCodingScheme",
            }),
        }]
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let pkg = json!({
        "CFItems": [{"fullStatement": "No id"}, item("c1", "A", "Functional Competency"),
                    item("c1", "Again", "Area"), {"_identifier": "c2", "fullStatement": "B"},
                    {"identifier": ["c3", "c4"], "fullStatement": "C"}],
        "CFAssociations": [link("isChildOf", "e1", "c1", "c1")],
        "CFRubrics": [{"identifier": "r1", "CFRubricCriteria": [criterion("k1", "c1", 7)]}],
    });
    let errors = import_errors(&pkg);
    let kinds: Vec<&str> = errors
        .iter()
        .map(|e| match e {
            Error::CaseMissingDocument { .. } => "document",
            Error::CaseMissingIdentifier { .. } => "identifier",
            Error::CaseDuplicateIdentifier { .. } => "duplicate",
            Error::CaseFieldName { .. } => "name",
            Error::CaseFieldType { .. } => "type",
            Error::CaseChildOfCycle { .. } => "cycle",
            _ => "other",
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "name",
            "type",
            "document",
            "identifier",
            "duplicate",
            "cycle"
        ]
    );
}

#[test]
fn export_rejects_a_malformed_document_or_area_identifier() {
    let framework = Framework::from_json(OFFICE_SPEC).unwrap();
    let bad = CaseDocument::new("DOC-1", " ", "", "01/04/2025 09:00");
    let options = CaseExportOptions::default().area_identifier("Values", "not-a-uuid");
    let errors = CasePackage::from_framework(&framework, &bad, &options)
        .unwrap_err()
        .into_vec();
    let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        text,
        [
            // `DOC-1` is not a CASE UUID, but a document identifier gives a derived one
            // (`CaseDocument::case_identifier`); an area identifier must be a CASE UUID.
            "lastChangeDateTime `01/04/2025 09:00` is not an iso 8601 date-time: expected yyyy-mm-ddThh:mm:ss, optional fraction and time zone (an offset, or UTC, GMT, IST or an RFC 5322 zone after a space), or a date",
            "no title on CFDocument `DOC-1`",
            "no creator on CFDocument `DOC-1`",
            "case identifier `not-a-uuid` is not a uuid: expected 8-4-4-4-12 hex digits, version 1 to 5",
        ]
    );
}

#[test]
fn export_never_writes_blank_strings() {
    let mut spec = FrameworkSpec::from_json(OFFICE_SPEC).unwrap();
    spec.competencies[1].description = " \t".into();
    // An id of whitespace is rejected when the framework is built, so no export holds one.
    let mut blank_id = spec.clone();
    blank_id.competencies.push(karmayogi::CompetencySpec::new(
        "   ",
        "Blank id",
        CompetencyType::Domain,
    ));
    assert!(Framework::new(blank_id).is_err());
    let framework = Framework::new(spec).unwrap();
    let options = CaseExportOptions::default().rubric_title(" ").base_uri(" ");
    let package = CasePackage::from_framework(&framework, &document(), &options).unwrap();
    let json = package.to_json();
    let value: Value = serde_json::from_str(&json).unwrap();
    let mut blanks = Vec::new();
    find_blank_strings(&value, "", &mut blanks);
    assert!(blanks.is_empty(), "{blanks:?}");
    assert!(package.rubrics[0].title.is_none());
    assert!(package.items.iter().all(|i| i.uri.starts_with("urn:uuid:")));
    // And it imports again.
    let import = CaseImport::from_json(&json, &CaseImportOptions::default()).unwrap();
    assert_eq!(
        import.spec.competencies.len(),
        framework.competencies().len()
    );
}

fn find_blank_strings(value: &Value, at: &str, out: &mut Vec<String>) {
    match value {
        Value::String(s) if s.trim().is_empty() => out.push(at.to_owned()),
        Value::Array(a) => {
            for (i, v) in a.iter().enumerate() {
                find_blank_strings(v, &format!("{at}/{i}"), out);
            }
        }
        Value::Object(o) => {
            for (k, v) in o {
                find_blank_strings(v, &format!("{at}/{k}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn a_competency_uuid_that_is_the_documents_identifier_gets_a_derived_one() {
    let framework = Framework::from_json(OFFICE_SPEC).unwrap();
    let mut doc = document();
    let uuid = "0b3c9f4e-6a43-4c1e-9d0c-2f1a7e5b8c01";
    doc.identifier = uuid.into();
    let package = case_export(&framework, &doc);
    let treasury = package
        .items
        .iter()
        .find(|i| i.full_statement == "Treasury rules")
        .unwrap();
    assert_ne!(treasury.identifier, uuid);
    assert_eq!(treasury.human_coding_scheme.as_deref(), Some(uuid));
    let options = CaseImportOptions::default().ids(CaseIds::HumanCodingScheme);
    let back = CaseImport::from_package(&package, &options).unwrap();
    assert!(back.spec.competencies.iter().any(|c| c.id.as_str() == uuid));
    assert!(back.report.is_complete(), "{:?}", back.report);
}

// ---------------------------------------------------------------------------------------
// Packages as publishers write them

/// The `(element, identifier, field, reason)` of every dropped field.
fn fields_with_reasons(
    report: &CaseImportReport,
) -> Vec<(CaseElement, &str, &str, CaseFieldReason)> {
    report
        .dropped_fields
        .iter()
        .map(|f| (f.element, f.identifier.as_str(), f.field.as_str(), f.reason))
        .collect()
}

#[test]
fn values_of_another_type_are_set_aside_and_reported_wherever_they_are() {
    let mut c1 = item("c1", "A", "Functional Competency");
    c1["lastChangeDateTime"] = json!(20_240_101);
    c1["humanCodingScheme"] = json!(7);
    let mut e1 = link("isChildOf", "e1", "c1", DOC);
    e1["sequenceNumber"] = json!(1.5);
    let rubric = json!([{"identifier": "r1", "title": 5, "CFRubricCriteria": [
        {"identifier": "k1", "CFItemURI": {"identifier": "c1"}, "weight": "1", "position": "2",
         "CFRubricCriterionLevels": [
            {"identifier": "l1", "score": 1, "position": "1", "quality": ["Basic", "Elementary"]},
            {"identifier": "l2", "score": 2, "feedback": false}]}]}]);
    let import = import(&package(&json!([c1]), &json!([e1]), &rubric).to_string());
    let wrong = |found, expected| CaseFieldReason::WrongType { found, expected };
    assert_eq!(
        fields_with_reasons(&import.report),
        [
            (
                CaseElement::Item,
                "c1",
                "humanCodingScheme",
                wrong("an integer", "a string")
            ),
            (
                CaseElement::Item,
                "c1",
                "lastChangeDateTime",
                wrong("an integer", "a string")
            ),
            (
                CaseElement::Association,
                "e1",
                "sequenceNumber",
                wrong("a fractional number", "an integer")
            ),
            (
                CaseElement::Rubric,
                "r1",
                "title",
                wrong("an integer", "a string")
            ),
            (
                CaseElement::Criterion,
                "k1",
                "position",
                wrong("a string", "an integer")
            ),
            (
                CaseElement::Criterion,
                "k1",
                "weight",
                wrong("a string", "a number")
            ),
            (
                CaseElement::Level,
                "l1",
                "position",
                wrong("a string", "an integer")
            ),
            (
                CaseElement::Level,
                "l1",
                "quality",
                wrong("an array", "a string")
            ),
            (
                CaseElement::Level,
                "l2",
                "feedback",
                wrong("a boolean", "a string")
            ),
        ]
    );
    // The rest imports: the levels carry no text (the quality was set aside), so the
    // competency describes none, and exists at levels 1 and 2.
    let c = &import.spec.competencies[0];
    assert_eq!(
        (c.levels.len(), c.min_level, c.max_level),
        (0, None, Some(2))
    );
}

#[test]
fn a_score_of_another_type_sets_its_level_aside() {
    let rubric = json!([{"identifier": "r1", "CFRubricCriteria": [
        {"identifier": "k1", "CFItemURI": {"identifier": "c1"}, "CFRubricCriterionLevels": [
            {"identifier": "l1", "score": "one"}, {"identifier": "l2", "score": 2}]}]}]);
    let pkg = package(
        &json!([item("c1", "A", "Functional Competency")]),
        &json!([]),
        &rubric,
    );
    let import = import(&pkg.to_string());
    // The scored level gives the competency its range; the other is set aside, reported.
    let c = &import.spec.competencies[0];
    assert_eq!((c.min_level, c.max_level), (Some(2), Some(2)));
    assert_eq!(
        dropped(&import.report),
        [(CaseElement::Level, "l1", CaseDropReason::Unscored)]
    );
    assert_eq!(import.report.scales[0].levels[1].score, None);
    assert!(!import.report.is_complete());
}

#[test]
fn null_is_absent_in_every_field() {
    let pkg = json!({
        "CFDocument": {"identifier": DOC, "uri": null, "creator": "c", "title": "t",
                       "lastChangeDateTime": STAMP, "description": null, "publisher": null},
        "CFItems": [{"identifier": "c1", "fullStatement": "A", "abbreviatedStatement": null,
                     "humanCodingScheme": null, "CFItemType": null, "CFItemTypeURI": null,
                     "notes": null, "uri": null}],
        "CFAssociations": [{"identifier": "e1", "associationType": "isChildOf",
                            "sequenceNumber": null, "notes": null,
                            "originNodeURI": {"identifier": "c1", "title": null, "uri": null},
                            "destinationNodeURI": {"identifier": DOC, "title": null}}],
        "CFRubrics": null,
        "CFDefinitions": null,
    });
    let import = import(&pkg.to_string());
    assert_eq!(import.spec.competencies[0].name, "A");
    assert!(
        import.report.dropped_fields.is_empty(),
        "{:?}",
        import.report
    );
    assert!(import.report.associations.is_empty());
    assert!(import.report.document.extra.is_empty());
}

#[test]
fn the_item_type_comes_from_either_field_and_the_report_says_which() {
    use CaseTypeSource::{Both, ItemType, ItemTypeOverUri, ItemTypeUri, Neither};
    use CompetencyType::{Behavioural, Domain, Functional};
    let with =
        |id: &str, item_type: Option<&str>, uri_title: Option<&str>, uri_id: Option<&str>| {
            let mut v = json!({"identifier": id, "fullStatement": id});
            if let Some(t) = item_type {
                v["CFItemType"] = json!(t);
            }
            if uri_title.is_some() || uri_id.is_some() {
                v["CFItemTypeURI"] = json!({"title": uri_title, "identifier": uri_id,
                                        "uri": "https://x.example/CFItemTypes/t"});
            }
            v
        };
    let mut pkg = package(
        &json!([
            with("c1", Some("Domain Competency"), None, None),
            with("c2", None, Some("Domain Competency"), None),
            with(
                "c3",
                Some("domain competency"),
                Some("Domain Competency"),
                None
            ),
            with("c4", Some("Domain Competency"), Some("Standard"), None),
            with("c5", None, None, None),
            with(
                "c6",
                None,
                None,
                Some("7a000000-0000-4000-8000-000000000001")
            ),
        ]),
        &json!([]),
        &json!([]),
    );
    pkg["CFDefinitions"] = json!({"CFItemTypes": [
        {"identifier": "7A000000-0000-4000-8000-000000000001", "title": "Behavioural Competency"}]});
    let import = import(&pkg.to_string());
    let types: Vec<(Option<&str>, CaseTypeSource, Vec<&str>)> = import
        .report
        .item_types
        .iter()
        .map(|t| {
            (
                t.item_type.as_deref(),
                t.source,
                t.items.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        types,
        [
            (None, Neither, vec!["c5"]),
            (Some("Behavioural Competency"), ItemTypeUri, vec!["c6"]),
            (Some("Domain Competency"), ItemType, vec!["c1"]),
            (Some("Domain Competency"), ItemTypeUri, vec!["c2"]),
            (Some("Domain Competency"), ItemTypeOverUri, vec!["c4"]),
            (Some("domain competency"), Both, vec!["c3"]),
        ]
    );
    let kinds: Vec<CompetencyType> = import.spec.competencies.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds,
        [Domain, Domain, Domain, Domain, Functional, Behavioural]
    );
    let superseded: Vec<(&str, CaseFieldReason)> = import
        .report
        .dropped_fields
        .iter()
        .filter(|f| f.field == "CFItemTypeURI")
        .map(|f| (f.identifier.as_str(), f.reason))
        .collect();
    let no_place = CaseFieldReason::NoPlace;
    assert_eq!(
        superseded,
        [
            ("c2", no_place),
            ("c3", no_place),
            ("c4", CaseFieldReason::Superseded { by: "CFItemType" }),
            ("c6", no_place),
        ]
    );
}

#[test]
fn uuid_identifiers_compare_without_regard_to_case() {
    let upper = "C0000000-0000-4000-8000-0000000000AA";
    let lower = upper.to_ascii_lowercase();
    let pkg = package(
        &json!([
            item(upper, "A", "Functional Competency"),
            item("a1", "Area one", "Area")
        ]),
        &json!([
            link("isChildOf", "e1", &lower, "a1"),
            link("isChildOf", "e2", "a1", &DOC.to_ascii_uppercase()),
        ]),
        &json!([{"identifier": "r1", "CFRubricCriteria": [criterion("k1", &lower, 2)]}]),
    );
    let import = import(&pkg.to_string());
    let c = &import.spec.competencies[0];
    // The id is the canonical, lowercase form; the links found the item and the document.
    assert_eq!(c.id.as_str(), lower);
    assert_eq!(c.groups[0].as_str(), "a1");
    assert_eq!(c.levels.len(), 2);
    assert!(import.report.associations.is_empty());
    // The same UUID in another case is the same identifier.
    let twice = package(
        &json!([
            item(upper, "A", "Functional Competency"),
            item(&lower, "B", "Functional Competency")
        ]),
        &json!([]),
        &json!([]),
    );
    assert_eq!(
        import_errors(&twice),
        [Error::CaseDuplicateIdentifier {
            identifier: lower.clone(),
            path: "CFItems[1]".into(),
            earlier: upper.to_owned(),
            earlier_path: "CFItems[0]".into(),
        }]
    );
    // The message says the two are one UUID written differently, each as written.
    assert_eq!(
        import_errors(&twice)[0].to_string(),
        format!(
            "duplicate case identifier `{lower}` at CFItems[1]: the same uuid as `{upper}` at \
             CFItems[0] \
             (uuids compare without regard to case, a `urn:uuid:` prefix and spaces around \
             them)"
        )
    );
    // Identifiers that are not UUIDs compare as written.
    let coded = package(
        &json!([
            item("OP.1", "A", "Functional Competency"),
            item("op.1", "B", "Functional Competency")
        ]),
        &json!([]),
        &json!([]),
    );
    assert_eq!(import_of(&coded).spec.competencies.len(), 2);
}

fn import_of(pkg: &Value) -> CaseImport {
    import(&pkg.to_string())
}

#[test]
fn links_without_identifier_resolve_by_uri() {
    let mut c1 = item("c1", "A", "Functional Competency");
    c1["uri"] = json!("https://case.example.org/items/first");
    let mut a1 = item("a1", "Area", "Area");
    a1["uri"] = json!("https://case.example.org/items/area");
    let uuid = "b0000000-0000-4000-8000-000000000001";
    let c2 = item(uuid, "B", "Functional Competency");
    let pkg = package(
        &json!([c1, a1, c2]),
        &json!([
            {"identifier": "e1", "associationType": "isChildOf",
             "originNodeURI": {"uri": "https://case.example.org/items/first", "title": "A"},
             "destinationNodeURI": "https://case.example.org/items/area"},
            {"identifier": "e2", "associationType": "isChildOf",
             "originNodeURI": format!("urn:uuid:{}", uuid.to_ascii_uppercase()),
             "destinationNodeURI": {"uri": "https://case.example.org/items/area/"}},
            {"identifier": "e3", "associationType": "exactMatchOf",
             "originNodeURI": {"uri": format!("https://other.example/CFItems/{uuid}?v=2")},
             "destinationNodeURI": "https://other.example/standards/4.NF.1"},
        ]),
        &json!([]),
    );
    let import = import_of(&pkg);
    let groups = memberships(&import.spec);
    // e2's destination ends in a slash and is not a package uri nor a UUID: outside.
    assert_eq!(groups, [(uuid, vec![]), ("c1", vec!["a1"])]);
    let kept = kept_origins(&import);
    assert_eq!(kept, [("e2", Some(uuid)), ("e3", Some(uuid))]);
}

#[test]
fn misnamed_fields_are_errors_naming_what_case_expects() {
    let pkg = json!({
        // Another case alone is CASE's name (`tests/suite/case_field_case.rs`); beside
        // CASE's own name, or with `_` or `-`, it is a misnamed field.
        "CFDocument": {"Identifier": DOC, "identifier": DOC, "creator": "c", "title": "t"},
        "cfItems": [],
        "CFItems": [{"identifier": "c1", "full_statement": "A", "fullStatement": "A"}],
        "CFAssociations": [{"identifier": "e1", "association_type": "isChildOf",
                            "originNodeURI": {"Identifier": "c1", "IDENTIFIER": "c1"},
                            "destinationNodeURI": {"identifier": DOC}}],
    });
    let errors = import_errors(&pkg);
    let names: Vec<(String, String, &str)> = errors
        .iter()
        .filter_map(|e| match e {
            Error::CaseFieldName {
                path,
                found,
                expected,
            } => Some((path.clone(), found.clone(), *expected)),
            _ => None,
        })
        .collect();
    assert_eq!(
        names,
        [
            ("CFPackage".to_owned(), "cfItems".to_owned(), "CFItems"),
            (
                "CFDocument".to_owned(),
                "Identifier".to_owned(),
                "identifier"
            ),
            (
                "CFItems[0]".to_owned(),
                "full_statement".to_owned(),
                "fullStatement"
            ),
            (
                "CFAssociations[0]".to_owned(),
                "association_type".to_owned(),
                "associationType"
            ),
            (
                "CFAssociations[0].originNodeURI".to_owned(),
                "IDENTIFIER".to_owned(),
                "identifier"
            ),
            (
                "CFAssociations[0].originNodeURI".to_owned(),
                "Identifier".to_owned(),
                "identifier"
            ),
        ]
    );
    assert_eq!(
        errors[0].to_string(),
        "case field `cfItems` at CFPackage: expected `CFItems`"
    );
}

#[test]
fn a_level_scored_zero_is_none_never_level_one() {
    let rubric = json!([{"identifier": "r1", "CFRubricCriteria": [
        {"identifier": "k1", "CFItemURI": {"identifier": "c1"}, "CFRubricCriterionLevels": [
            {"identifier": "l3", "score": 3, "quality": "Leads", "position": 1},
            {"identifier": "l0", "score": 0, "quality": "Not evident", "position": 4},
            {"identifier": "l1", "score": 1, "quality": "Emerging", "position": 3},
            {"identifier": "l2", "score": 2, "quality": "Secure", "position": 2}]}]}]);
    let pkg = package(
        &json!([item("c1", "A", "Functional Competency")]),
        &json!([]),
        &rubric,
    );
    for rule in [CaseLevelRule::Score, CaseLevelRule::Rank] {
        let options = CaseImportOptions::default().level_rule(rule);
        let import = CaseImport::from_json(&pkg.to_string(), &options).unwrap();
        let names: Vec<(u8, Option<&str>)> = import.spec.competencies[0]
            .levels
            .iter()
            .map(|l| (l.level, l.name.as_deref()))
            .collect();
        // Level 0 is none, described as none: never level 1, never set aside.
        assert_eq!(
            names,
            [
                (0, Some("Not evident")),
                (1, Some("Emerging")),
                (2, Some("Secure")),
                (3, Some("Leads"))
            ]
        );
        assert_eq!(dropped(&import.report), []);
        let framework = Framework::new(import.spec).unwrap();
        assert_eq!(framework.max_level("c1").map(Level::get), Some(3));
    }
}

#[test]
fn a_table_maps_a_longer_scale_and_the_report_states_it() {
    // DigComp's eight levels, mapped by the caller's table.
    let levels: Vec<Value> = (1..=8)
        .map(|n| json!({"identifier": format!("l{n}"), "score": n, "description": format!("digcomp {n}")}))
        .collect();
    let rubric = json!([{"identifier": "r1", "CFRubricCriteria": [
        {"identifier": "k1", "CFItemURI": {"identifier": "c1"}, "CFRubricCriterionLevels": levels}]}]);
    let pkg = package(
        &json!([item("c1", "Digital content", "Functional Competency")]),
        &json!([]),
        &rubric,
    );
    let level = |n| Level::new(n).unwrap();
    let table = CaseLevelRule::Table(
        [
            (1, 1),
            (2, 1),
            (3, 2),
            (4, 2),
            (5, 3),
            (6, 4),
            (7, 5),
            (8, 5),
        ]
        .into_iter()
        .map(|(s, l)| (f64::from(s), level(l)))
        .collect(),
    );
    let options = CaseImportOptions::default().level_rule(table.clone());
    let import = CaseImport::from_json(&pkg.to_string(), &options).unwrap();
    let described: Vec<(u8, &str)> = import.spec.competencies[0]
        .levels
        .iter()
        .map(|l| (l.level, l.description.as_str()))
        .collect();
    // Each level is described by the lowest score that reaches it.
    assert_eq!(
        described,
        [
            (1, "digcomp 1"),
            (2, "digcomp 3"),
            (3, "digcomp 5"),
            (4, "digcomp 6"),
            (5, "digcomp 7")
        ]
    );
    let merged: Vec<&str> = import
        .report
        .dropped
        .iter()
        .filter(|d| d.reason == CaseDropReason::MergedLevel)
        .map(|d| d.identifier.as_str())
        .collect();
    assert_eq!(merged, ["l2", "l4", "l8"]);
    assert_eq!(import.report.scales[0].rule, table);
    // Without a rule, the eight levels are set aside: nothing is truncated silently.
    let plain = import_of(&pkg);
    assert!(plain.spec.competencies.is_empty());
    // A rule that cannot map scores in order is refused.
    let bad = CaseImportOptions::default().level_rule(CaseLevelRule::Proportional { top: 0 });
    let errors = CaseImport::from_json(&pkg.to_string(), &bad).unwrap_err();
    assert_eq!(
        errors.to_string(),
        "1 problem found:\n  - option `level_rule` is 0: expected a proportional rule's top score of at least 1"
    );
}

#[test]
fn own_exports_of_level_ranges_and_partial_descriptors_round_trip() {
    let spec = FrameworkSpec::from_json(
        r#"{"format_version": 2, "competencies": [
          {"id": "a", "name": "A", "type": "functional", "max_level": 3},
          {"id": "b", "name": "B", "type": "functional", "min_level": 2, "max_level": 4,
           "levels": [{"level": 3, "name": "Able", "description": ""}]},
          {"id": "c", "name": "C", "type": "functional", "max_level": 5,
           "levels": [{"level": 1, "description": "starts"}, {"level": 3, "description": "leads"}]},
          {"id": "d", "name": "D", "type": "domain", "min_level": 5},
          {"id": "e", "name": "E", "type": "domain",
           "levels": [{"level": 1, "description": "x"}, {"level": 2, "description": "y"}]}]}"#,
    )
    .unwrap();
    let framework = Framework::new(spec.clone()).unwrap();
    let json = case_export(&framework, &document()).to_json();
    let options = CaseImportOptions::default().ids(CaseIds::HumanCodingScheme);
    let back = CaseImport::from_json(&json, &options).unwrap();
    assert_eq!(back.spec.competencies, spec.competencies);
    assert!(back.report.dropped.is_empty());
}

#[test]
fn export_writes_uuids_in_lowercase() {
    let framework = Framework::from_json(OFFICE_SPEC).unwrap();
    let mut doc = document();
    doc.identifier = doc.identifier.to_ascii_uppercase();
    let package = case_export(&framework, &doc);
    assert_eq!(package.document.unwrap().identifier, document().identifier);
    let lower = case_export(&framework, &document());
    assert_eq!(package.items, lower.items);
}

#[test]
fn a_document_field_of_another_type_is_reported_and_not_written_back() {
    let mut pkg = package(
        &json!([item("c1", "A", "Functional Competency")]),
        &json!([]),
        &json!([]),
    );
    pkg["CFDocument"]["title"] = json!(["Office", "competencies"]);
    pkg["CFDocument"]["publisher"] = json!("DoPT");
    let import = import_of(&pkg);
    assert_eq!(
        fields_with_reasons(&import.report),
        [(
            CaseElement::Document,
            DOC,
            "title",
            CaseFieldReason::WrongType {
                found: "an array",
                expected: "a string"
            }
        )]
    );
    // Exported with a title of its own, the document keeps its other fields, once each.
    let mut document = import.report.document.clone();
    document.title = "Office competencies".to_owned();
    let framework = Framework::new(import.spec).unwrap();
    let json = case_export(&framework, &document).to_json();
    let again = CaseImport::from_json(&json, &CaseImportOptions::default()).unwrap();
    assert_eq!(again.report.document.title, "Office competencies");
    assert_eq!(again.report.document.extra["publisher"], "DoPT");
}

#[test]
fn a_wrapper_named_in_another_case_is_unwrapped_and_reported() {
    let inner = package(
        &json!([item("c1", "A", "Functional Competency")]),
        &json!([]),
        &json!([]),
    );
    let import = import_of(&json!({"cfPackage": inner}));
    assert_eq!(import.spec.competencies.len(), 1);
    let renamed: Vec<(&str, &str)> = import
        .report
        .renamed
        .iter()
        .map(|r| (r.found.as_str(), r.read_as))
        .collect();
    assert_eq!(renamed, [("cfPackage", "CFPackage")]);
    // With `-` or `_` it is no CASE name in another case: the error names it.
    let errors = import_errors(&json!({"CF_Package": inner}));
    assert_eq!(
        errors,
        [Error::CaseFieldName {
            path: "the document root".to_owned(),
            found: "CF_Package".to_owned(),
            expected: "CFPackage",
        }]
    );
    assert_eq!(
        errors[0].to_string(),
        "case field `CF_Package` at the document root: expected `CFPackage`"
    );
}

// ---------------------------------------------------------------------------------------
// Nothing set aside unreported, nothing given ignored

/// Fields of a node link other than `identifier`, `uri` and a string `title` (and a
/// `title` of another type) were neither carried nor reported, and the import said it was
/// complete. They are reported under the link's field name.
#[test]
fn extra_fields_inside_node_links_are_reported() {
    let items = json!([
        {"identifier": area(1), "fullStatement": "Area", "CFItemType": "Area"},
        {"identifier": comp(1), "fullStatement": "C", "CFItemType": "Functional Competency",
         "CFItemTypeURI": {"identifier": "t", "title": "Functional Competency", "x": 1}}
    ]);
    let associations = json!([
        {"identifier": assoc(1), "associationType": "isChildOf",
         "originNodeURI": {"identifier": comp(1), "targetType": "CFItem", "note": "keep me"},
         "destinationNodeURI": {"identifier": area(1), "title": 5}}
    ]);
    let criteria = json!([{
        "identifier": "4b6c8d0e-5f7a-4b9c-9d1e-2f3a4b5c6d01",
        "CFItemURI": {"identifier": comp(1), "targetType": "CFItem"},
        "CFRubricCriterionLevels": [
            {"identifier": "5c7d9e1f-6a8b-4c0d-a1e2-3f4a5b6c7d11", "score": 1},
            {"identifier": "5c7d9e1f-6a8b-4c0d-a1e2-3f4a5b6c7d12", "score": 2}]
    }]);
    let rubrics = json!([{"identifier": "3a5b7c9d-4e6f-4a8b-8c0d-1e2f3a4b5c01",
                          "CFRubricCriteria": criteria}]);
    let import = import(&package(&items, &associations, &rubrics).to_string());
    let fields: Vec<(CaseElement, String, String, CaseFieldReason)> = import
        .report
        .dropped_fields
        .iter()
        .map(|f| (f.element, f.identifier.clone(), f.field.clone(), f.reason))
        .collect();
    let criterion = "4b6c8d0e-5f7a-4b9c-9d1e-2f3a4b5c6d01".to_owned();
    assert_eq!(
        fields,
        [
            (
                CaseElement::Item,
                comp(1),
                "CFItemTypeURI".to_owned(),
                CaseFieldReason::NoPlace
            ),
            (
                CaseElement::Association,
                assoc(1),
                "destinationNodeURI.title".to_owned(),
                CaseFieldReason::WrongType {
                    found: "an integer",
                    expected: "a string"
                }
            ),
            (
                CaseElement::Association,
                assoc(1),
                "originNodeURI.note".to_owned(),
                CaseFieldReason::NoPlace
            ),
            (
                CaseElement::Association,
                assoc(1),
                "originNodeURI.targetType".to_owned(),
                CaseFieldReason::NoPlace
            ),
            (
                CaseElement::Criterion,
                criterion,
                "CFItemURI.targetType".to_owned(),
                CaseFieldReason::NoPlace
            ),
        ]
    );
    assert!(!import.report.is_complete());
}

/// Keys beside a `{"CFPackage": …}` wrapper that the wrapped package also has were thrown
/// away (a second `CFItems` list, and the import said it was complete). Which of the two
/// is meant is unknowable, as with a key repeated in one object, so it is refused.
#[test]
fn keys_both_inside_and_beside_the_cfpackage_wrapper_are_refused() {
    let inner = package(
        &json!([{"identifier": comp(1), "fullStatement": "Inner",
                 "CFItemType": "Functional Competency"}]),
        &json!([]),
        &json!([]),
    );
    let wrapped = json!({
        "CFPackage": inner,
        "CFItems": [{"identifier": comp(2), "fullStatement": "Outer",
                     "CFItemType": "Functional Competency"}]
    });
    let errors = import_errors(&wrapped);
    assert_eq!(errors.len(), 1);
    let Error::Json { message, line, .. } = &errors[0] else {
        panic!("{errors:?}");
    };
    assert_eq!(
        message,
        "the key `CFItems` is both inside and beside the CFPackage wrapper: expected each once"
    );
    assert_eq!(*line, 1);
    // Keys only beside the wrapper join the package and are reported like its own.
    let beside = json!({"CFPackage": package(&json!([]), &json!([]), &json!([])),
                        "extensions": {"x": 1}});
    let report = import(&beside.to_string()).report;
    assert_eq!(
        dropped_fields(&report),
        [format!("CFPackage {DOC} extensions")]
    );
}

/// A package saved with a UTF-8 byte-order mark (as Windows tools write files) imports.
#[test]
fn a_package_with_a_byte_order_mark_imports() {
    let items = json!([{"identifier": comp(1), "fullStatement": "C",
                        "CFItemType": "Functional Competency"}]);
    let text = package(&items, &json!([]), &json!([])).to_string();
    let plain = import(&text);
    let marked = import(&format!("\u{feff}{text}"));
    assert_eq!(marked.spec, plain.spec);
    assert_eq!(marked.spec.competencies.len(), 1);
    // Positions in errors count from after the mark.
    let broken = format!("\u{feff}{}", text.replacen('{', "{,", 1));
    let errors = CaseImport::from_json(&broken, &CaseImportOptions::default())
        .expect_err("malformed")
        .into_vec();
    assert!(
        matches!(
            errors[0],
            Error::Json {
                line: 1,
                column: 2,
                ..
            }
        ),
        "{errors:?}"
    );
}

/// The crate's own export of a framework with a group re-imported as incomplete: the
/// `sequenceNumber` it writes on every `isChildOf` came back as set aside.
#[test]
fn the_crates_own_export_of_a_group_reimports_complete() {
    let fw = Framework::from_json(
        r#"{"format_version": 2,
          "groups": [{"id": "g", "name": "Office procedure", "kind": "area"},
                     {"id": "h", "name": "Records", "kind": "theme", "parents": ["g"]}],
          "competencies": [{"id": "c", "name": "Noting", "type": "functional", "groups": ["g"]},
                           {"id": "d", "name": "Filing", "type": "functional",
                            "groups": ["g", "h"]},
                           {"id": "e", "name": "Integrity", "type": "behavioural"}]}"#,
    )
    .unwrap();
    let package = case_export(&fw, &document());
    assert!(
        package
            .associations
            .iter()
            .all(|a| a.sequence_number.is_some())
    );
    let options = CaseImportOptions::default().ids(CaseIds::HumanCodingScheme);
    let back = CaseImport::from_json(&package.to_json(), &options).unwrap();
    assert!(
        back.report.is_complete(),
        "{:?}",
        back.report.dropped_fields
    );
    assert_eq!(Framework::new(back.spec).unwrap().to_spec(), fw.to_spec());

    // Reordered siblings are an order the spec cannot give back: reported.
    let mut reordered = package.clone();
    for a in &mut reordered.associations {
        a.sequence_number = a.sequence_number.map(|n| 10 - n);
    }
    let back = CaseImport::from_package(&reordered, &options).unwrap();
    assert!(
        back.report
            .dropped_fields
            .iter()
            .all(|f| f.field == "sequenceNumber")
    );
    assert!(!back.report.is_complete());
}

#[track_caller]
fn export_errors(fw: &Framework, options: &CaseExportOptions) -> Vec<Error> {
    CasePackage::from_framework(fw, &document(), options)
        .expect_err("the export should be refused")
        .into_vec()
}

/// An identifier given for a group or area the framework does not have was ignored
/// without a word (a typo in a group id silently exported a derived identifier instead).
#[test]
fn export_refuses_identifiers_for_unknown_groups_and_areas() {
    let fw = Framework::from_json(
        r#"{"format_version": 2, "groups": [{"id": "g", "name": "G"}],
          "competencies": [{"id": "c", "name": "C", "type": "functional", "groups": ["g"],
                            "area": "Values"}]}"#,
    )
    .unwrap();
    let options = CaseExportOptions::default()
        .group_identifier("G", "a0000000-0000-4000-8000-000000000001")
        .area_identifier("Nowhere", "a0000000-0000-4000-8000-000000000002")
        .area_identifier("values", "a0000000-0000-4000-8000-000000000003");
    let errors = export_errors(&fw, &options);
    assert_eq!(
        errors,
        [
            Error::UnknownId {
                kind: EntityKind::Group,
                id: "G".to_owned(),
                nearest: Some("g".to_owned()),
            },
            Error::UnknownId {
                kind: EntityKind::Group,
                id: "area:Nowhere".to_owned(),
                nearest: None,
            },
            Error::UnknownId {
                kind: EntityKind::Group,
                id: "area:values".to_owned(),
                nearest: Some("area:Values".to_owned()),
            },
        ]
    );
    assert_eq!(
        errors[0].to_string(),
        "unknown group `G`, did you mean `g`?"
    );
    // One unknown group named twice, as a group and as its area, is reported once, in the
    // order the options name the groups.
    let options = CaseExportOptions::default()
        .group_identifier("area:Nowhere", "a0000000-0000-4000-8000-000000000001")
        .group_identifier("G", "a0000000-0000-4000-8000-000000000002")
        .area_identifier("Nowhere", "a0000000-0000-4000-8000-000000000003");
    let ids: Vec<String> = export_errors(&fw, &options)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        ids,
        [
            "unknown group `area:Nowhere`",
            "unknown group `G`, did you mean `g`?"
        ]
    );
    // Given for groups that exist, they are written.
    let options = CaseExportOptions::default()
        .group_identifier("g", "A0000000-0000-4000-8000-000000000001")
        .area_identifier("Values", "a0000000-0000-4000-8000-000000000003");
    let package = CasePackage::from_framework(&fw, &document(), &options).unwrap();
    let identifiers: BTreeSet<&str> = package
        .items
        .iter()
        .map(|i| i.identifier.as_str())
        .collect();
    assert!(identifiers.contains("a0000000-0000-4000-8000-000000000001"));
    assert!(identifiers.contains("a0000000-0000-4000-8000-000000000003"));
}

/// A framework whose group and competency share a UUID id is valid (they are different
/// kinds), but its export failed with "duplicate case identifier", naming neither. The
/// competency keeps the UUID; the group's item gets the identifier derived from its id
/// and keeps the id as `humanCodingScheme`, so the round trip gives both back.
#[test]
fn a_group_and_a_competency_sharing_a_uuid_id_export_and_round_trip() {
    let id = "a0000000-0000-4000-8000-000000000001";
    let fw = Framework::from_json(&format!(
        r#"{{"format_version": 2, "groups": [{{"id": "{id}", "name": "G"}}],
          "competencies": [{{"id": "{id}", "name": "C", "type": "functional",
                             "groups": ["{id}"]}}]}}"#
    ))
    .unwrap();
    let package = case_export(&fw, &document());
    let competency = package
        .items
        .iter()
        .find(|i| i.full_statement == "C")
        .unwrap();
    let group = package
        .items
        .iter()
        .find(|i| i.full_statement == "G")
        .unwrap();
    assert_eq!(competency.identifier, id);
    assert_eq!(competency.human_coding_scheme, None);
    assert_ne!(group.identifier, id);
    assert_eq!(group.human_coding_scheme.as_deref(), Some(id));
    // Deterministic: the derived identifier depends only on the document and the id.
    let again = case_export(&fw, &document());
    assert_eq!(again.to_json(), package.to_json());

    let options = CaseImportOptions::default().ids(CaseIds::HumanCodingScheme);
    let back = CaseImport::from_package(&package, &options).unwrap();
    assert!(back.report.is_complete(), "{:?}", back.report);
    let rebuilt = Framework::new(back.spec).unwrap();
    assert_eq!(rebuilt.to_spec(), fw.to_spec());
}

/// An identifier or `humanCodingScheme` that becomes an id follows the rule for ids: a
/// control or invisible character in it is refused, naming the item. Statements keep
/// their line breaks (Markdown) and reports print them escaped.
#[test]
fn ids_from_case_with_hidden_characters_are_refused() {
    let items = json!([
        {"identifier": comp(1), "fullStatement": "Line one\nline two",
         "humanCodingScheme": "OP\t.1", "CFItemType": "Functional Competency"},
        {"identifier": "urn:x:\u{200b}2", "fullStatement": "Two",
         "CFItemType": "Functional Competency"}
    ]);
    let text = package(&items, &json!([]), &json!([])).to_string();
    let options = CaseImportOptions::default().ids(CaseIds::HumanCodingScheme);
    let errors = CaseImport::from_json(&text, &options)
        .expect_err("hidden characters")
        .into_vec();
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            format!(
                "competency `{}` has humanCodingScheme \"OP\\t.1\" holding a control or \
                 invisible character",
                comp(1)
            ),
            "competency id \"urn:x:\\u{200b}2\" holds a control or invisible character".to_owned(),
        ]
    );
    // By identifier, the first item imports, its statement whole.
    let items = json!([{"identifier": comp(1), "fullStatement": "Line one\nline two",
                        "CFItemType": "Functional Competency"}]);
    let import = import(&package(&items, &json!([]), &json!([])).to_string());
    assert_eq!(import.spec.competencies[0].name, "Line one\nline two");
    Framework::new(import.spec).expect("a name may hold a line break");
}

// ---------------------------------------------------------------------------------------
// Shapes publishers and servers write that change nothing the package means

const D1: &str = "d1000000-0000-4000-8000-000000000000";
const A1: &str = "a1000000-0000-4000-8000-000000000001";
const A2: &str = "a1000000-0000-4000-8000-000000000002";
const C1: &str = "c1000000-0000-4000-8000-000000000001";
const C2: &str = "c1000000-0000-4000-8000-000000000002";
const C3: &str = "c1000000-0000-4000-8000-000000000003";

/// Two areas of one name, a competency of one statement under each, a third competency,
/// `isChildOf` links with full node links, and a rubric listed best-first.
fn publisher_package() -> Value {
    let base = "https://case.example.org/ims/case/v1p1";
    let node = |kind: &str, id: &str| json!({"title": "t", "identifier": id, "uri": format!("{base}/{kind}/{id}")});
    let item = |id: &str, statement: &str, kind: &str, code: &str| {
        json!({"identifier": id, "uri": format!("{base}/CFItems/{id}"), "fullStatement": statement,
               "CFItemType": kind, "humanCodingScheme": code})
    };
    let child = |n: u8, from: &str, to: &str, kind: &str| {
        json!({"identifier": format!("e1000000-0000-4000-8000-00000000000{n}"), "associationType": "isChildOf",
               "originNodeURI": node("CFItems", from), "destinationNodeURI": node(kind, to)})
    };
    let level = |n: u8, quality: &str| {
        json!({"identifier": format!("b3000000-0000-4000-8000-00000000000{n}"), "quality": quality,
               "score": n, "position": 5 - n})
    };
    json!({
        "CFDocument": {"identifier": D1, "uri": format!("{base}/CFDocuments/{D1}"), "creator": "Board",
                       "title": "Numbers", "lastChangeDateTime": "2024-01-01T00:00:00+00:00"},
        "CFItems": [item(A1, "Number sense", "Area", "NS"), item(A2, "Number sense", "Area", "NT"),
                    item(C1, "Counts objects", "Functional Competency", "NS.1"),
                    item(C2, "Counts objects", "Functional Competency", "NT.1"),
                    item(C3, "Compares numbers", "Functional Competency", "NS.2")],
        "CFAssociations": [child(1, A1, D1, "CFDocuments"), child(2, A2, D1, "CFDocuments"),
                           child(3, C1, A1, "CFItems"), child(4, C2, A2, "CFItems"),
                           child(5, C3, A1, "CFItems")],
        "CFRubrics": [{"identifier": "b1000000-0000-4000-8000-000000000001", "CFRubricCriteria": [
            {"identifier": "b2000000-0000-4000-8000-000000000001", "CFItemURI": node("CFItems", C1),
             "CFRubricCriterionLevels": [level(4, "Exemplary"), level(3, "Proficient"),
                                         level(2, "Developing"), level(1, "Beginning")]}]}]
    })
}

/// The spec and report of the publisher package, or of a variant of it, for comparison.
#[track_caller]
fn publisher_import(package: &Value) -> CaseImport {
    CaseImport::from_json(&package.to_string(), &CaseImportOptions::default())
        .unwrap_or_else(|e| panic!("{e}"))
}

/// The variant imports to the same spec and report as the publisher package.
#[track_caller]
fn same_as_publisher_package(variant: &Value) {
    let plain = publisher_import(&publisher_package());
    let import = publisher_import(variant);
    assert_eq!(import.spec, plain.spec);
    assert_eq!(import.report.associations, plain.report.associations);
    assert_eq!(import.report.dropped, plain.report.dropped);
    let groups = |i: &CaseImport| -> Vec<(GroupId, String)> {
        i.report
            .groups
            .iter()
            .map(|g| (g.id.clone(), g.name.clone()))
            .collect()
    };
    assert_eq!(groups(&import), groups(&plain));
}

/// API responses wrap the package once or twice (`{"CFPackage": {"CFPackage": …}}` was
/// imported as an empty framework, reporting only a field `CFPackage` set aside), or
/// return it as the one element of a `CFPackages` list or under a response key such as
/// `data` (both refused as having no `CFDocument`).
#[test]
fn a_package_in_any_envelope_imports() {
    let p = publisher_package();
    for variant in [
        json!({"CFPackage": {"CFPackage": p}}),
        json!({"CFPackages": [p]}),
        json!({"CFPackage": [p]}),
        json!({"data": p}),
        json!({"data": {"CFPackage": p}}),
        json!({"status": "ok", "data": p}),
    ] {
        same_as_publisher_package(&variant);
    }
    // Keys beside an envelope join the package, reported like its own.
    let status = publisher_import(&json!({"status": "ok", "data": p}));
    assert!(
        status
            .report
            .dropped_fields
            .iter()
            .any(|f| f.element == CaseElement::Package && f.field == "status"),
        "{:?}",
        status.report.dropped_fields
    );
    // Two packages in one list, or two keys holding packages: which one is meant is
    // unknowable, and the error says where they are.
    let errors = import_errors(&json!({"CFPackages": [p, p]}));
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0]
            .to_string()
            .contains("the key `CFPackages` holds 2 packages: expected one"),
        "{}",
        errors[0]
    );
    let errors = import_errors(&json!({"a": p, "b": p}));
    assert!(
        errors[0]
            .to_string()
            .contains("`a`, `b` each hold a package"),
        "{}",
        errors[0]
    );
    // An envelope around something that is not a package still says what it holds.
    let errors = import_errors(&json!({"data": {"items": []}}));
    assert!(
        matches!(&errors[..], [Error::Json { message, .. }]
            if message.starts_with("the object holds no key of a CASE package: its one key is `data`")),
        "{errors:?}"
    );
}

/// CASE lists written as a single object, the document as a one-element list, and a list
/// inside an object named like itself were refused as having the wrong type.
#[test]
fn single_values_where_case_has_lists_import() {
    let mut p = publisher_package();
    p["CFDocument"] = json!([p["CFDocument"].clone()]);
    same_as_publisher_package(&p);
    let mut p = publisher_package();
    let items = p["CFItems"].as_array().unwrap().clone();
    let rubric = p["CFRubrics"][0].clone();
    p["CFRubrics"] = rubric;
    let criterion = p["CFRubrics"]["CFRubricCriteria"][0].clone();
    p["CFRubrics"]["CFRubricCriteria"] = criterion;
    same_as_publisher_package(&p);
    // Responses pasted where their content belongs: `"CFItems": {"CFItems": […]}`.
    let mut p = publisher_package();
    for key in ["CFDocument", "CFItems", "CFAssociations", "CFRubrics"] {
        p[key] = json!({ key: p[key].clone() });
    }
    same_as_publisher_package(&p);
    // One item alone, not in a list.
    let single = json!({"CFDocument": p["CFDocument"].clone(), "CFItems": items[4].clone()});
    let import = publisher_import(&single);
    assert_eq!(import.spec.competencies.len(), 1);
    assert_eq!(import.spec.competencies[0].id.as_str(), C3);
}

/// Identifiers written as `urn:uuid:…`, in upper case or with spaces or a line break
/// around them name the same element: links to them were kept aside as pointing outside
/// the package, and the rubric dropped as describing an item outside it.
#[test]
fn identifiers_with_urn_prefix_case_or_spaces_resolve() {
    let spell: [fn(&str) -> String; 4] = [
        |id| format!("urn:uuid:{id}"),
        |id| format!("URN:UUID:{}", id.to_uppercase()),
        |id| format!(" {id} "),
        |id| format!("{id}\n"),
    ];
    for respell in spell {
        let fix = |v: &mut Value| {
            let id = v.as_str().unwrap().to_owned();
            *v = Value::String(respell(&id));
        };
        // Respelled in the elements, or in the links to them.
        let mut elements = publisher_package();
        fix(&mut elements["CFDocument"]["identifier"]);
        for item in elements["CFItems"].as_array_mut().unwrap() {
            fix(&mut item["identifier"]);
        }
        same_as_publisher_package(&elements);
        let mut links = publisher_package();
        for a in links["CFAssociations"].as_array_mut().unwrap() {
            fix(&mut a["originNodeURI"]["identifier"]);
            fix(&mut a["destinationNodeURI"]["identifier"]);
        }
        fix(&mut links["CFRubrics"][0]["CFRubricCriteria"][0]["CFItemURI"]["identifier"]);
        same_as_publisher_package(&links);
        // The document as read exports again: its identifier is the same UUID.
        let import = publisher_import(&elements);
        let framework = Framework::new(import.spec).unwrap();
        let again = case_export(&framework, &import.report.document);
        assert_eq!(again.document.unwrap().identifier, D1);
    }
}

/// Scores written as numeric strings (`"score": "3"`) set the rubric and its item aside,
/// so the competency was lost; the number they hold is the score.
#[test]
fn scores_written_as_numeric_strings_are_read() {
    let mut p = publisher_package();
    for (n, level) in p["CFRubrics"][0]["CFRubricCriteria"][0]["CFRubricCriterionLevels"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .enumerate()
    {
        let score = level["score"].as_u64().unwrap();
        level["score"] = json!(
            [
                format!("{score}"),
                format!(" {score} "),
                format!("{score}.0"),
                format!("{score}")
            ][n]
        );
    }
    same_as_publisher_package(&p);
    let import = publisher_import(&p);
    assert!(
        import
            .report
            .dropped_fields
            .iter()
            .all(|f| f.field != "score"),
        "{:?}",
        import.report.dropped_fields
    );
    // A string that is not a number is no score: that level is set aside, reported, and
    // the criterion's other levels import.
    let mut p = publisher_package();
    p["CFRubrics"][0]["CFRubricCriteria"][0]["CFRubricCriterionLevels"][0]["score"] = json!("four");
    let import = publisher_import(&p);
    let level =
        p["CFRubrics"][0]["CFRubricCriteria"][0]["CFRubricCriterionLevels"][0]["identifier"]
            .as_str()
            .unwrap()
            .to_owned();
    let dropped = dropped(&import.report);
    assert_eq!(
        dropped,
        [(CaseElement::Level, level.as_str(), CaseDropReason::Unscored)]
    );
    assert!(import.spec.competencies.iter().any(|c| c.id.as_str() == C1));
}

/// With ids from `humanCodingScheme`, two items under different parents sharing a code
/// made the whole import fail with `duplicate competency id`, naming no CASE item. A code
/// two items share identifies neither: both keep their identifiers, nothing is merged, and
/// the report says the code was superseded. A code is trimmed like an identifier.
#[test]
fn a_human_coding_scheme_two_items_share_identifies_neither() {
    let mut p = publisher_package();
    p["CFItems"][3]["humanCodingScheme"] = json!("NS.1");
    p["CFItems"][4]["humanCodingScheme"] = json!(" NS.2 ");
    let options = CaseImportOptions::default().ids(CaseIds::HumanCodingScheme);
    let import = CaseImport::from_json(&p.to_string(), &options).unwrap_or_else(|e| panic!("{e}"));
    let ids: Vec<&str> = import
        .spec
        .competencies
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(ids, ["NS.2", C1, C2]);
    let memberships = memberships(&import.spec);
    assert_eq!(
        memberships,
        [("NS.2", vec!["NS"]), (C1, vec!["NS"]), (C2, vec!["NT"])]
    );
    let superseded: Vec<&str> = import
        .report
        .dropped_fields
        .iter()
        .filter(|f| {
            f.field == "humanCodingScheme"
                && f.reason == CaseFieldReason::Superseded { by: "identifier" }
        })
        .map(|f| f.identifier.as_str())
        .collect();
    assert_eq!(superseded, [C1, C2]);
    Framework::new(import.spec).unwrap();
}

/// Rubrics, criteria and levels without an identifier (publishers write levels as
/// `{"quality": …, "score": …}` alone) failed the whole import, although the spec keeps
/// none of those identifiers (export writes new ones). They import; the report names such
/// an element by its path in the package.
#[test]
fn rubric_elements_without_identifier_import_named_by_their_path() {
    let mut p = publisher_package();
    let criterion = &mut p["CFRubrics"][0]["CFRubricCriteria"][0];
    for level in criterion["CFRubricCriterionLevels"].as_array_mut().unwrap() {
        level.as_object_mut().unwrap().remove("identifier");
    }
    criterion["identifier"] = json!(" ");
    p["CFRubrics"][0]
        .as_object_mut()
        .unwrap()
        .remove("identifier");
    same_as_publisher_package(&p);
    let import = publisher_import(&p);
    let scale = &import.report.scales[0];
    let criterion = "CFRubrics[0].CFRubricCriteria[0]";
    assert_eq!(scale.criterion, criterion);
    // Levels in score order, each named by its place in the list as written (best first).
    let named: Vec<&str> = scale.levels.iter().map(|l| l.identifier.as_str()).collect();
    let path = |n: usize| format!("{criterion}.CFRubricCriterionLevels[{n}]");
    assert_eq!(named, [path(3), path(2), path(1), path(0)]);
    // A level set aside is reported under its path.
    let mut p = publisher_package();
    let levels = &mut p["CFRubrics"][0]["CFRubricCriteria"][0]["CFRubricCriterionLevels"];
    levels[3]["score"] = json!(null);
    levels[3].as_object_mut().unwrap().remove("identifier");
    let import = publisher_import(&p);
    let dropped = dropped(&import.report);
    assert_eq!(
        dropped,
        [(
            CaseElement::Level,
            "CFRubrics[0].CFRubricCriteria[0].CFRubricCriterionLevels[3]",
            CaseDropReason::Unscored
        )]
    );
    // Identifiers that are present must still be unique.
    let mut p = publisher_package();
    let levels = &mut p["CFRubrics"][0]["CFRubricCriteria"][0]["CFRubricCriterionLevels"];
    levels[1]["identifier"] = levels[0]["identifier"].clone();
    let level = "CFRubrics[0].CFRubricCriteria[0].CFRubricCriterionLevels";
    assert!(matches!(
        import_errors(&p).as_slice(),
        [Error::CaseDuplicateIdentifier { path, earlier_path, .. }]
            if *path == format!("{level}[1]") && *earlier_path == format!("{level}[0]")
    ));
    // An identifier shared by elements of different kinds names both places.
    let mut p = publisher_package();
    p["CFRubrics"][0]["CFRubricCriteria"][0]["identifier"] = p["CFItems"][0]["identifier"].clone();
    assert!(matches!(
        import_errors(&p).as_slice(),
        [Error::CaseDuplicateIdentifier { path, earlier_path, .. }]
            if path == "CFRubrics[0].CFRubricCriteria[0]" && earlier_path == "CFItems[0]"
    ));
    let mut p = publisher_package();
    p["CFAssociations"][0]["identifier"] = p["CFDocument"]["identifier"].clone();
    assert!(matches!(
        import_errors(&p).as_slice(),
        [Error::CaseDuplicateIdentifier { path, earlier_path, .. }]
            if path == "CFAssociations[0]" && earlier_path == "CFDocument"
    ));
}

/// Packages whose identifiers are URIs (the early CCSS export of `OpenSALT` uses ASN URIs), linked
/// CASE 1.0 style by plain URI strings equal to those identifiers, lost every link: the
/// URI named no element's `uri` and ends in no UUID, so each association was kept aside as
/// pointing outside the package.
#[test]
fn plain_uri_links_equal_to_uri_identifiers_resolve() {
    let asn = |s: &str| format!("http://purl.org/ASN/resources/{s}");
    let items = json!([
        {"identifier": asn("S1"), "uri": format!("https://salt.example/uri/{}", asn("S1")),
         "fullStatement": "Cluster", "CFItemType": "Area"},
        {"identifier": asn("S2"), "fullStatement": "Standard", "CFItemType": "Functional Competency"}
    ]);
    let associations = json!([
        {"identifier": assoc(1), "associationType": "isChildOf",
         "originNodeURI": asn("S2"), "destinationNodeURI": asn("S1")},
        {"identifier": assoc(2), "associationType": "isChildOf",
         "originNodeURI": asn("S1"), "destinationNodeURI": DOC}
    ]);
    let import = import(&package(&items, &associations, &json!([])).to_string());
    assert!(
        import.report.associations.is_empty(),
        "{:?}",
        import.report.associations
    );
    assert_eq!(
        memberships(&import.spec),
        [(asn("S2").as_str(), vec![asn("S1").as_str()])]
    );
}

/// case/49: two codes (no UUIDs) differing only by spaces around them, a no-break space
/// pasted after one: one identifier, refused as a duplicate, and the message says why
/// without calling them UUIDs.
#[test]
fn codes_differing_by_spaces_around_them_are_one_identifier_not_a_uuid() {
    let json = include_str!("../data/cases/case/49-codes-differing-by-spaces-around.json");
    let errors = import_errors(&serde_json::from_str(json).unwrap());
    assert_eq!(
        errors,
        [Error::CaseDuplicateIdentifier {
            identifier: "OP.1\u{a0}".into(),
            path: "CFItems[1]".into(),
            earlier: "OP.1".into(),
            earlier_path: "CFItems[0]".into(),
        }]
    );
    assert_eq!(
        errors[0].to_string(),
        "duplicate case identifier \"OP.1\\u{a0}\" at CFItems[1]: the same identifier as \
         `OP.1` at CFItems[0] (identifiers compare without the spaces around them)"
    );
}
