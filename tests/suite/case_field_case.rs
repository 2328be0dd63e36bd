//! Fields of CASE elements written in another case than CASE's, as servers whose JSON
//! writers change the case of names publish them: a writer keeping a class's property
//! names gives `Identifier`, `FullStatement`, `OriginNodeURI`; a camel-casing one gives
//! `cfItemType`, `cfDocumentURI`, `cfRubricCriteria`. Each is read under CASE's name and
//! reported in `CaseImportReport::renamed`: the package imports as the same package
//! written with CASE's names does (`tests/data/cases/case/39-…`).

use karmayogi::{
    CaseExportOptions, CaseImport, CaseImportOptions, CaseImportReport, CasePackage, Framework,
};
use serde_json::{Map, Value};

const ANOTHER_CASE: &str = include_str!("../data/cases/case/39-fields-in-another-case.json");

/// The names of the CASE fields the package uses, as the CASE 1.1 specification spells
/// them.
const CASE_NAMES: [&str; 21] = [
    "identifier",
    "uri",
    "creator",
    "title",
    "lastChangeDateTime",
    "fullStatement",
    "abbreviatedStatement",
    "humanCodingScheme",
    "CFItemType",
    "CFItemTypeURI",
    "CFDocumentURI",
    "associationType",
    "sequenceNumber",
    "originNodeURI",
    "destinationNodeURI",
    "CFRubricCriteria",
    "CFItemURI",
    "CFRubricCriterionLevels",
    "description",
    "quality",
    "score",
];

/// `value` with every key that is one of [`CASE_NAMES`] in another case written as CASE
/// writes it, at every depth but the document's `CFPackageURI` (which the crate keeps as
/// written).
fn in_case_names(value: &Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut out = Map::new();
            for (key, v) in map {
                let name = CASE_NAMES
                    .iter()
                    .find(|n| n.eq_ignore_ascii_case(key))
                    .map_or(key.as_str(), |n| n);
                let v = if key == "CFPackageURI" {
                    v.clone()
                } else {
                    in_case_names(v)
                };
                out.insert(name.to_owned(), v);
            }
            Value::Object(out)
        }
        Value::Array(list) => Value::Array(list.iter().map(in_case_names).collect()),
        other => other.clone(),
    }
}

#[track_caller]
fn imported(json: &str) -> CaseImport {
    CaseImport::from_json(json, &CaseImportOptions::default())
        .unwrap_or_else(|e| panic!("the package imports: {e:?}"))
}

fn without_renamed(report: &CaseImportReport) -> CaseImportReport {
    CaseImportReport {
        renamed: Vec::new(),
        ..report.clone()
    }
}

#[test]
fn fields_in_another_case_import_as_written_with_case_names() {
    let written: Value = serde_json::from_str(ANOTHER_CASE).unwrap();
    let canonical = in_case_names(&written);
    assert_ne!(written, canonical, "the case file spells fields otherwise");
    let import = imported(ANOTHER_CASE);
    let expected = imported(&canonical.to_string());
    assert!(expected.report.renamed.is_empty());
    assert_eq!(import.spec, expected.spec);
    assert_eq!(
        without_renamed(&import.report),
        without_renamed(&expected.report)
    );
    // Each spelling is named once, however many elements have it.
    let renamed: Vec<(&str, &str)> = (import.report.renamed.iter())
        .map(|r| (r.found.as_str(), r.read_as))
        .collect();
    assert_eq!(
        renamed,
        [
            ("Identifier", "identifier"),
            ("Uri", "uri"),
            ("Creator", "creator"),
            ("Title", "title"),
            ("LastChangeDateTime", "lastChangeDateTime"),
            ("cfItemType", "CFItemType"),
            ("cfDocumentURI", "CFDocumentURI"),
            ("FullStatement", "fullStatement"),
            ("AbbreviatedStatement", "abbreviatedStatement"),
            ("HumanCodingScheme", "humanCodingScheme"),
            ("cfItemTypeURI", "CFItemTypeURI"),
            ("AssociationType", "associationType"),
            ("SequenceNumber", "sequenceNumber"),
            ("OriginNodeURI", "originNodeURI"),
            ("DestinationNodeURI", "destinationNodeURI"),
            ("cfRubricCriteria", "CFRubricCriteria"),
            ("cfItemURI", "CFItemURI"),
            ("cfRubricCriterionLevels", "CFRubricCriterionLevels"),
            ("Description", "description"),
            ("Quality", "quality"),
            ("Score", "score"),
        ]
    );
    // What was read is what the package meant: the noting competency under its area, with
    // its three scored levels.
    let noting = import
        .spec
        .competencies
        .iter()
        .find(|c| c.name == "Noting and drafting")
        .expect("the item named in `AbbreviatedStatement`");
    assert_eq!(
        noting.groups[0].as_str(),
        "a3900000-0000-4000-8000-000000000001"
    );
    let levels: Vec<u8> = noting.levels.iter().map(|l| l.level).collect();
    assert_eq!(levels, [1, 2, 3]);
}

#[test]
fn fields_in_another_case_survive_a_round_trip_written_with_case_names() {
    let import = imported(ANOTHER_CASE);
    let framework = Framework::new(import.spec.clone()).expect("a valid framework");
    let package = CasePackage::from_framework(
        &framework,
        &import.report.document,
        &CaseExportOptions::default(),
    )
    .expect("the document read exports");
    let json = package.to_json();
    // Written with CASE's names (the document's `CFPackageURI`, kept whole, aside).
    for other in [
        "\"cfItemType\"",
        "\"FullStatement\"",
        "\"OriginNodeURI\"",
        "\"Score\"",
    ] {
        assert!(!json.contains(other), "{other} in {json}");
    }
    let again = imported(&json);
    assert_eq!(again.spec, import.spec);
    assert!(again.report.renamed.is_empty());
}
