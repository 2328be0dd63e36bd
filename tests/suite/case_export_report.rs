//! The CASE export's report: everything of the framework and the document the package
//! does not hold as given is reported, each once, and everything not reported imports
//! back as the framework holds it.

use karmayogi::{
    CaseDocument, CaseExportOptions, CaseIds, CaseImport, CaseImportOptions, CaseLeftOutReason,
    CasePackage, EntityKind, Framework, FrameworkSpec,
};
use serde_json::json;

const DOC: &str = "d0000000-0000-4000-8000-000000000001";
const RTI: &str = "c0000000-0000-4000-8000-000000000001";
const LEFT_OUT: &str = include_str!("../data/cases/case/82-export-left-out.json");

fn document() -> CaseDocument {
    CaseDocument::new(DOC, "Transparency", "DoPT", "2024-03-01T00:00:00Z")
}

fn left_out(framework: &Framework, document: &CaseDocument) -> Vec<String> {
    let export =
        CasePackage::from_framework_with_report(framework, document, &CaseExportOptions::default())
            .expect("exports");
    let plain = CasePackage::from_framework(framework, document, &CaseExportOptions::default())
        .expect("exports");
    assert_eq!(export.package, plain, "the report changes nothing written");
    (export.report.document.iter().map(ToString::to_string))
        .chain(export.report.left_out.iter().map(ToString::to_string))
        .collect()
}

// case/82: a framework with a blank competency and group description, a level with only
// blank text, a named level with blank text, a level written beside its name, a group
// rule, and an activity, role, position and course.
#[test]
fn everything_the_package_cannot_hold_is_reported_once() {
    use CaseLeftOutReason::{BlankText, EmptyLevel, GroupRule, LevelName, NotInCase};
    let framework = Framework::from_json(LEFT_OUT).expect("valid");
    let export = CasePackage::from_framework_with_report(
        &framework,
        &document(),
        &CaseExportOptions::default(),
    )
    .expect("exports");
    let entries: Vec<_> = (export.report.left_out.iter())
        .map(|l| (l.kind, l.id.as_str(), l.level, l.reason))
        .collect();
    assert_eq!(
        entries,
        [
            (EntityKind::Competency, RTI, None, BlankText),
            (EntityKind::Competency, RTI, Some(1), EmptyLevel),
            (EntityKind::Competency, RTI, Some(2), BlankText),
            (EntityKind::Competency, RTI, Some(3), LevelName),
            (EntityKind::Activity, "dispose-appeals", None, NotInCase),
            (EntityKind::Role, "appellate-authority", None, NotInCase),
            (EntityKind::Position, "deputy-secretary", None, NotInCase),
            (EntityKind::Course, "rti-appeals", None, NotInCase),
            (EntityKind::Group, "transparency", None, BlankText),
            (EntityKind::Group, "transparency", None, GroupRule),
        ]
    );
    assert!(export.report.document.is_empty());
    assert_eq!(
        export.report.left_out[1].to_string(),
        format!(
            "competency `{RTI}` level 1: level without name or description written by its \
             score alone"
        )
    );
    let serialized = serde_json::to_value(&export.report.left_out[1]).expect("serializes");
    assert_eq!(
        serialized,
        json!({"kind": "competency", "id": RTI, "level": 1, "reason": "empty_level",
               "message": export.report.left_out[1].to_string()})
    );
}

/// The spec a framework holds without what the report names: what must come back.
fn without_left_out(framework: &Framework) -> FrameworkSpec {
    let mut spec = framework.to_spec();
    spec.activities.clear();
    spec.roles.clear();
    spec.positions.clear();
    spec.courses.clear();
    for c in &mut spec.competencies {
        if c.description.trim().is_empty() || c.description.trim_matches('\u{200b}').is_empty() {
            c.description.clear();
        }
        c.levels.retain(|d| d.name.is_some() || d.level != 1);
        for d in &mut c.levels {
            d.level_name = None;
            if d.level == 2 {
                d.description.clear();
            }
        }
    }
    for g in &mut spec.groups {
        g.description.clear();
        g.rule = None;
    }
    spec
}

// case/82: exported and imported again, what the report does not name comes back whole.
#[test]
fn what_the_report_does_not_name_round_trips() {
    let framework = Framework::from_json(LEFT_OUT).expect("valid");
    let package =
        CasePackage::from_framework(&framework, &document(), &CaseExportOptions::default())
            .expect("exports");
    let options = CaseImportOptions::default().ids(CaseIds::HumanCodingScheme);
    let back = CaseImport::from_json(&package.to_json(), &options).expect("imports");
    let rebuilt = Framework::new(back.spec).expect("valid");
    let expected = Framework::new(without_left_out(&framework)).expect("valid");
    assert_eq!(rebuilt.to_spec(), expected.to_spec());
}

#[test]
fn a_framework_the_package_holds_whole_gets_an_empty_report() {
    let framework = Framework::from_json(
        &json!({"format_version": 2,
            "competencies": [
                {"id": RTI, "name": "Right to Information", "type": "domain",
                 "description": "Applies the RTI Act.", "groups": ["transparency"],
                 "levels": [{"level": 1, "name": "Aware"},
                            {"level": 3, "description": "Decides appeals."}]}],
            "groups": [{"id": "transparency", "name": "Transparency",
                        "description": "Open government."}]})
        .to_string(),
    )
    .expect("valid");
    assert_eq!(left_out(&framework, &document()), Vec::<String>::new());
    let export = CasePackage::from_framework_with_report(
        &framework,
        &document(),
        &CaseExportOptions::default(),
    )
    .expect("exports");
    assert!(export.report.is_empty());
    let options = CaseImportOptions::default().ids(CaseIds::HumanCodingScheme);
    let back = CaseImport::from_json(&export.package.to_json(), &options).expect("imports");
    assert_eq!(
        Framework::new(back.spec).expect("valid").to_spec(),
        framework.to_spec()
    );
}

/// Document fields written otherwise than given: an identifier that is no CASE UUID, a
/// date alone, an older `caseVersion`, a blank description, and `extra` fields the
/// package does not write.
#[test]
fn document_fields_written_otherwise_are_reported() {
    let framework = Framework::from_json(
        r#"{"format_version": 2, "competencies": [
            {"id": "drafting", "name": "Noting and drafting", "type": "functional"}]}"#,
    )
    .expect("valid");
    let mut document = CaseDocument::new("MATH-2024", "Maths", "Board", "2024-03-01");
    document.case_version = Some("1.0".to_owned());
    document.description = Some("\u{a0}".to_owned());
    document.extra.insert("version".to_owned(), json!([]));
    document.extra.insert("title".to_owned(), json!(null));
    document.extra.insert("notes".to_owned(), json!("Kept."));
    assert_eq!(
        left_out(&framework, &document),
        [
            "document field `caseVersion`: written in CASE's form",
            "document field `description`: description showing nothing not written",
            "document field `identifier`: replaced by a CASE UUID",
            "document field `lastChangeDateTime`: given without a time zone, read as UTC and \
             written with Z",
            "document field `title`: named as a typed field, not written",
            "document field `version`: holding nothing in a type CASE does not give it, not \
             written",
        ]
    );
    // With CASE's own forms there is nothing to report.
    let export = CasePackage::from_framework(&framework, &document, &CaseExportOptions::default())
        .expect("exports");
    let mut written = export.document.expect("a document");
    written.extra.clear();
    assert_eq!(left_out(&framework, &written), Vec::<String>::new());
}
