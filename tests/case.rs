//! CASE 1.1 import and export: a realistic hand-written package, round trips in both
//! directions, determinism, and one test per malformed shape.

use std::collections::BTreeSet;

use karmayogi::{
    CaseDocument, CaseDropReason, CaseElement, CaseExportOptions, CaseIds, CaseImport,
    CaseImportOptions, CaseImportReport, CaseItemMapping, CasePackage, CompetencyId,
    CompetencyType, EntityKind, Error, Framework, FrameworkSpec,
};
use serde_json::{Value, json};

const SECTION_OFFICER: &str = include_str!("data/case/section_officer.json");
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
fn import(json: &str) -> CaseImport {
    match CaseImport::from_json(json, &CaseImportOptions::default()) {
        Ok(import) => import,
        Err(errors) => panic!("{errors}"),
    }
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
                        "position": n})
        })
        .collect();
    json!({"identifier": id, "CFItemURI": {"identifier": item}, "CFRubricCriterionLevels": levels})
}

// ---------------------------------------------------------------------------------------
// The realistic package

#[test]
fn section_officer_competencies_are_whole() {
    let import = import(SECTION_OFFICER);
    let summary: Vec<String> = import
        .spec
        .competencies
        .iter()
        .map(|c| {
            let levels: Vec<String> = c
                .levels
                .iter()
                .map(|l| format!("{}:{}", l.level, l.name.as_deref().unwrap_or("-")))
                .collect();
            format!(
                "{} | {} | {} | {} | {} | {}",
                &c.id.as_str()[33..],
                c.name,
                c.kind,
                c.area.as_deref().unwrap_or("-"),
                !c.description.is_empty(),
                levels.join(" ")
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            "e01 | Noting and drafting | functional | Office procedure | true | 1:Basic 2:Proficient 3:Advanced 4:Expert 5:Ustad",
            "e02 | File management | functional | Office procedure | false | ",
            "e03 | Right to Information handling | functional | Office procedure | true | ",
            "e04 | Integrity | behavioural | Public service values | true | 1:Basic 2:Proficient 3:Advanced",
            "e05 | Empathy | behavioural | Public service values | false | ",
            "e06 | Citizen centricity | behavioural | Public service values | false | ",
            "e07 | Government accounting | domain | Financial management | true | 1:- 2:Proficient 3:Advanced 4:Expert",
            "e08 | Budget preparation | domain | Financial management | false | ",
            "e09 | Public procurement | functional | Financial management | false | ",
            "e10 | Digital literacy | functional | - | false | ",
        ]
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
    let framework = Framework::new(import.spec).expect("the imported dictionary is valid");
    assert_eq!(framework.competencies().len(), 10);
}

#[test]
fn section_officer_mappings_are_reported() {
    use CaseItemMapping::{Area, Competency};
    use CompetencyType::{Behavioural, Domain, Functional};
    let import = import(SECTION_OFFICER);
    let report = &import.report;
    assert_eq!(report.document.identifier, DOC);
    assert_eq!(
        report.document.extra["publisher"],
        "Department of Personnel and Training"
    );
    let types: Vec<(Option<&str>, CaseItemMapping, bool, usize)> = report
        .item_types
        .iter()
        .map(|t| {
            (
                t.item_type.as_deref(),
                t.mapping,
                t.by_default,
                t.items.len(),
            )
        })
        .collect();
    assert_eq!(
        types,
        [
            (Some("Area"), Area, false, 2),
            (
                Some("Behavioral Competency"),
                Competency(Behavioural),
                false,
                1
            ),
            (
                Some("Behavioural Competency"),
                Competency(Behavioural),
                false,
                2
            ),
            (Some("Competency"), Competency(Functional), true, 1),
            (Some("Competency Area"), Area, true, 1),
            (Some("Domain Competency"), Competency(Domain), false, 2),
            (
                Some("Functional Competency"),
                Competency(Functional),
                false,
                4
            ),
        ]
    );
    assert_eq!(report.item_types[3].items, [comp(3)]);
    let areas: Vec<(&str, &str)> = report
        .areas
        .iter()
        .map(|a| (a.identifier.as_str(), a.name.as_str()))
        .collect();
    assert_eq!(
        areas,
        [
            (area(1).as_str(), "Office procedure"),
            (area(2).as_str(), "Public service values"),
            (area(3).as_str(), "Financial management"),
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
    assert_eq!(
        kept,
        [
            (
                assoc(41).as_str(),
                "precedes",
                Some(comp(2).as_str()),
                Some(comp(1).as_str())
            ),
            (
                assoc(42).as_str(),
                "isRelatedTo",
                Some(comp(4).as_str()),
                Some(comp(6).as_str())
            ),
            (
                assoc(43).as_str(),
                "exactMatchOf",
                Some(comp(7).as_str()),
                None
            ),
        ]
    );
    assert!(report.dropped.is_empty());
}

#[test]
fn section_officer_dropped_fields_are_listed() {
    let import = import(SECTION_OFFICER);
    let report = &import.report;
    let mut expected = vec![
        format!("CFPackage {DOC} CFDefinitions"),
        format!("CFItem {} humanCodingScheme", area(1)),
        format!("CFItem {} fullStatement", area(2)),
        format!("CFItem {} humanCodingScheme", comp(1)),
        format!("CFItem {} notes", comp(1)),
        format!("CFItem {} humanCodingScheme", comp(2)),
        format!("CFItem {} humanCodingScheme", comp(3)),
        format!("CFItem {} conceptKeywords", comp(4)),
        format!("CFItem {} humanCodingScheme", comp(4)),
    ];
    for n in 5..=8 {
        expected.push(format!("CFItem {} humanCodingScheme", comp(n)));
    }
    expected.push(format!("CFItem {} humanCodingScheme", comp(9)));
    expected.push(format!("CFItem {} language", comp(9)));
    for n in [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31, 32, 33] {
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
    assert!(!report.is_complete());
}

#[test]
fn section_officer_ids_can_come_from_the_human_coding_scheme() {
    let options = CaseImportOptions::default().ids(CaseIds::HumanCodingScheme);
    let import = CaseImport::from_json(SECTION_OFFICER, &options).unwrap();
    let ids: Vec<&str> = import
        .spec
        .competencies
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    // Digital literacy has no code, so its identifier stands in.
    assert_eq!(
        ids,
        [
            comp(10).as_str(),
            "FM.01",
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
    let precedes = &import.report.associations[0];
    assert_eq!(precedes.origin.as_ref().unwrap().as_str(), "OP.02");
    let fields = dropped_fields(&import.report);
    assert!(!fields.contains(&format!("CFItem {} humanCodingScheme", comp(1))));
    // The area's code gives no id, so it is still reported.
    assert!(fields.contains(&format!("CFItem {} humanCodingScheme", area(1))));
}

#[test]
fn case_to_spec_to_case_keeps_items_structure_and_levels() {
    let original = CasePackage::from_json(SECTION_OFFICER).unwrap();
    let import = CaseImport::from_package(&original, &CaseImportOptions::default()).unwrap();
    let mut options = CaseExportOptions::default();
    for a in &import.report.areas {
        options = options.area_identifier(&a.name, &a.identifier);
    }
    let framework = Framework::new(import.spec.clone()).unwrap();
    let exported =
        CasePackage::from_framework(&framework, &import.report.document, &options).unwrap();

    let doc = exported.document.as_ref().unwrap();
    assert_eq!(doc.identifier, DOC);
    assert_eq!(doc.uri, original.document.as_ref().unwrap().uri);
    assert_eq!(doc.extra, original.document.as_ref().unwrap().extra);

    // The same items, with the same statements; only what the report lists differs.
    let ids = |p: &CasePackage| -> BTreeSet<String> {
        p.items.iter().map(|i| i.identifier.clone()).collect()
    };
    assert_eq!(ids(&exported), ids(&original));
    for before in &original.items {
        let after = exported
            .items
            .iter()
            .find(|i| i.identifier == before.identifier)
            .unwrap();
        if before.identifier == area(2) {
            // Reported: the area's full statement gave way to its name.
            assert_eq!(after.full_statement, "Public service values");
            continue;
        }
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

    // The same isChildOf edges.
    let edges = |p: &CasePackage| -> BTreeSet<(String, String)> {
        p.associations
            .iter()
            .filter(|a| a.association_type == "isChildOf")
            .map(|a| {
                (
                    a.origin_node_uri.as_ref().unwrap().identifier.clone(),
                    a.destination_node_uri.as_ref().unwrap().identifier.clone(),
                )
            })
            .collect()
    };
    assert_eq!(edges(&exported), edges(&original));
    assert_eq!(edges(&exported).len(), 13);

    // The same criterion levels for the same items, in proficiency order.
    let levels = |p: &CasePackage| -> Vec<(String, Vec<Described>)> {
        let mut out: Vec<_> = p
            .rubrics
            .iter()
            .flat_map(|r| &r.criteria)
            .map(|c| {
                let mut levels: Vec<_> = c.levels.iter().collect();
                levels.sort_by(|a, b| {
                    (a.position, a.score.map(|s| s as i64))
                        .cmp(&(b.position, b.score.map(|s| s as i64)))
                });
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

    // And importing the export gives the same dictionary.
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
    let package =
        CasePackage::from_framework(&framework, &document(), &CaseExportOptions::default())
            .unwrap();
    let json = package.to_json();
    let options = CaseImportOptions::default().ids(CaseIds::HumanCodingScheme);
    let import = CaseImport::from_json(&json, &options).unwrap();
    assert_eq!(import.spec.competencies, framework.competencies());
    assert!(import.spec.activities.is_empty() && import.spec.positions.is_empty());
    // Every type is mapped and nothing is set aside; only the presentation data export
    // adds (sibling order, the rubric's title) is reported.
    let r = &import.report;
    assert!(r.item_types.iter().all(|t| !t.by_default));
    assert!(r.associations.is_empty() && r.dropped.is_empty());
    let fields: BTreeSet<(CaseElement, &str)> = r
        .dropped_fields
        .iter()
        .map(|f| (f.element, f.field.as_str()))
        .collect();
    assert_eq!(
        fields,
        BTreeSet::from([
            (CaseElement::Association, "sequenceNumber"),
            (CaseElement::Rubric, "title")
        ])
    );
    assert_eq!(r.dropped_fields.len(), package.associations.len() + 1);
    assert_eq!(import.report.document, *package.document.as_ref().unwrap());
}

#[test]
fn uuid_ids_round_trip_with_default_options() {
    let framework = Framework::from_json(OFFICE_SPEC).unwrap();
    let package =
        CasePackage::from_framework(&framework, &document(), &CaseExportOptions::default())
            .unwrap();
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
    let kinds: Vec<(&str, CompetencyType, Option<&str>)> = import
        .spec
        .competencies
        .iter()
        .map(|c| (c.name.as_str(), c.kind, c.area.as_deref()))
        .collect();
    // "Domain" is a grouping here: unmapped, and a parent, so an area by default.
    assert_eq!(
        kinds,
        [
            ("Standard one", CompetencyType::Domain, Some("Domain one")),
            ("No type", CompetencyType::Behavioural, None),
        ]
    );
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
fn smallest_association_names_the_area_of_an_item_with_two_parents() {
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
        ]),
        &json!([]),
    );
    let import = import(&pkg.to_string());
    assert_eq!(
        import.spec.competencies[0].area.as_deref(),
        Some("Second area")
    );
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
    let dropped: Vec<(CaseElement, &str, CaseDropReason)> = import
        .report
        .dropped
        .iter()
        .map(|d| (d.element, d.identifier.as_str(), d.reason))
        .collect();
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
    // Only the leaf is a competency; every other item is an area (by default) and the
    // area-in-area links are kept aside.
    assert_eq!(import.spec.competencies.len(), 1);
    assert_eq!(
        import.spec.competencies[0].area.as_deref(),
        Some("Level 19998")
    );
    assert_eq!(import.report.areas.len(), n - 1);
    assert_eq!(import.report.associations.len(), n - 2);
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
    let wrong = "{\n  \"CFItems\": [\n    {\"identifier\": \"c1\", \"fullStatement\": 5}\n  ]\n}";
    let errors = CaseImport::from_json(wrong, &CaseImportOptions::default())
        .unwrap_err()
        .into_vec();
    assert!(
        matches!(errors.as_slice(), [Error::Json { line: 3, .. }]),
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
    assert_eq!(errors, [Error::CaseMissingDocument]);
    assert_eq!(errors[0].to_string(), "case package has no CFDocument");
}

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
            "no identifier on CFRubricCriterion at CFRubrics[0].CFRubricCriteria[0]",
            "no identifier on CFRubricCriterionLevel at CFRubrics[0].CFRubricCriteria[0].CFRubricCriterionLevels[0]",
        ]
    );
}

#[test]
fn missing_statements_and_links_are_errors() {
    let pkg = package(
        &json!([{"identifier": "c1", "abbreviatedStatement": "Short only"}]),
        &json!([{"identifier": "e1", "originNodeURI": {"identifier": "c1"}}]),
        &json!([]),
    );
    assert_eq!(
        import_errors(&pkg),
        [
            Error::CaseMissingField {
                element: CaseElement::Item,
                identifier: "c1".into(),
                field: "fullStatement"
            },
            Error::CaseMissingField {
                element: CaseElement::Association,
                identifier: "e1".into(),
                field: "associationType"
            },
            Error::CaseMissingField {
                element: CaseElement::Association,
                identifier: "e1".into(),
                field: "destinationNodeURI"
            },
        ]
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
                identifier: "x1".into()
            },
            Error::CaseDuplicateIdentifier {
                identifier: DOC.into()
            },
        ]
    );
    assert_eq!(errors[0].to_string(), "duplicate case identifier `x1`");
}

#[test]
fn child_of_an_unknown_node_is_an_error_but_crosswalks_are_not() {
    let pkg = package(
        &json!([item("c1", "A", "Functional Competency")]),
        &json!([
            link("isChildOf", "e1", "c1", "nowhere"),
            link("isChildOf", "e2", DOC, "c1"),
            link("exactMatchOf", "e3", "c1", "another-framework-item"),
        ]),
        &json!([]),
    );
    let errors = import_errors(&pkg);
    let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        text,
        [
            "isChildOf association `e1` has unknown destination `nowhere`: expected a CFItem or the CFDocument of the package",
            format!("isChildOf association `e2` has unknown origin `{DOC}`: expected a CFItem of the package").as_str(),
        ]
    );
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
fn criterion_for_an_unknown_item_is_an_error() {
    let pkg = package(
        &json!([item("c1", "A", "Functional Competency")]),
        &json!([]),
        &json!([{"identifier": "r1", "CFRubricCriteria": [criterion("k1", "ghost", 3)]}]),
    );
    let errors = import_errors(&pkg);
    assert_eq!(
        errors[0].to_string(),
        "rubric criterion `k1` refers to unknown CFItem `ghost`"
    );
}

#[test]
fn more_than_five_levels_is_an_error_naming_the_item() {
    let pkg = package(
        &json!([item("c1", "A", "Functional Competency")]),
        &json!([]),
        &json!([{"identifier": "r1", "CFRubricCriteria": [criterion("k1", "c1", 6)]}]),
    );
    let errors = import_errors(&pkg);
    assert_eq!(
        errors,
        [Error::CaseTooManyLevels {
            item: "c1".into(),
            criterion: "k1".into(),
            count: 6
        }]
    );
    assert_eq!(
        errors[0].to_string(),
        "rubric criterion `k1` gives CFItem `c1` 6 levels: expected 1 to 5"
    );
}

#[test]
fn two_criteria_for_one_item_are_an_error() {
    let pkg = package(
        &json!([item("c1", "A", "Functional Competency")]),
        &json!([]),
        &json!([
            {"identifier": "r1", "CFRubricCriteria": [criterion("k2", "c1", 3)]},
            {"identifier": "r2", "CFRubricCriteria": [criterion("k1", "c1", 5)]},
        ]),
    );
    let errors = import_errors(&pkg);
    assert_eq!(
        errors[0].to_string(),
        "rubric criteria `k1`, `k2` all give levels to CFItem `c1`: expected one"
    );
}

#[test]
fn repeated_coding_schemes_are_duplicate_competency_ids() {
    let mut a = item("c1", "A", "Functional Competency");
    a["humanCodingScheme"] = json!("OP.1");
    let mut b = item("c2", "B", "Functional Competency");
    b["humanCodingScheme"] = json!("OP.1");
    let pkg = package(&json!([a, b]), &json!([]), &json!([]));
    let options = CaseImportOptions::default().ids(CaseIds::HumanCodingScheme);
    let errors = CaseImport::from_json(&pkg.to_string(), &options)
        .unwrap_err()
        .into_vec();
    assert_eq!(
        errors,
        [Error::DuplicateId {
            kind: EntityKind::Competency,
            id: "OP.1".into()
        }]
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let pkg = json!({
        "CFItems": [{"fullStatement": "No id"}, item("c1", "A", "Functional Competency"),
                    item("c1", "Again", "Area")],
        "CFAssociations": [link("isChildOf", "e1", "c1", "ghost")],
        "CFRubrics": [{"identifier": "r1", "CFRubricCriteria": [criterion("k1", "c1", 7)]}],
    });
    let errors = import_errors(&pkg);
    let kinds: Vec<&str> = errors
        .iter()
        .map(|e| match e {
            Error::CaseMissingDocument => "document",
            Error::CaseMissingIdentifier { .. } => "identifier",
            Error::CaseDuplicateIdentifier { .. } => "duplicate",
            Error::CaseUnknownNode { .. } => "node",
            Error::CaseTooManyLevels { .. } => "levels",
            _ => "other",
        })
        .collect();
    assert_eq!(
        kinds,
        ["document", "identifier", "duplicate", "node", "levels"]
    );
}

#[test]
fn export_rejects_a_malformed_document_or_area_identifier() {
    let framework = Framework::from_json(OFFICE_SPEC).unwrap();
    let bad = CaseDocument::new("DOC-1", " ", "", "2025-04-01 09:00");
    let options = CaseExportOptions::default().area_identifier("Values", "not-a-uuid");
    let errors = CasePackage::from_framework(&framework, &bad, &options)
        .unwrap_err()
        .into_vec();
    let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        text,
        [
            "case identifier `DOC-1` is not a uuid: expected lowercase 8-4-4-4-12 hex digits, version 1 to 5",
            "lastChangeDateTime `2025-04-01 09:00` is not an iso 8601 date-time: expected yyyy-mm-ddThh:mm:ss, optional fraction and time zone",
            "no title on CFDocument `DOC-1`",
            "no creator on CFDocument `DOC-1`",
            "case identifier `not-a-uuid` is not a uuid: expected lowercase 8-4-4-4-12 hex digits, version 1 to 5",
        ]
    );
}

#[test]
fn export_rejects_a_blank_area() {
    let mut spec = FrameworkSpec::from_json(OFFICE_SPEC).unwrap();
    spec.competencies[1].area = Some("  ".into());
    let framework = Framework::new(spec).unwrap();
    let errors =
        CasePackage::from_framework(&framework, &document(), &CaseExportOptions::default())
            .unwrap_err()
            .into_vec();
    assert_eq!(
        errors,
        [Error::CaseBlankArea {
            competency: "e-office".into()
        }]
    );
}

#[test]
fn export_rejects_a_competency_uuid_that_collides() {
    let framework = Framework::from_json(OFFICE_SPEC).unwrap();
    let mut doc = document();
    doc.identifier = "0b3c9f4e-6a43-4c1e-9d0c-2f1a7e5b8c01".into();
    let errors = CasePackage::from_framework(&framework, &doc, &CaseExportOptions::default())
        .unwrap_err()
        .into_vec();
    assert_eq!(
        errors,
        [Error::CaseDuplicateIdentifier {
            identifier: "0b3c9f4e-6a43-4c1e-9d0c-2f1a7e5b8c01".into()
        }]
    );
}
