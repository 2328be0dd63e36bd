//! case/73: a package whose `CFDocument` writes `"version": 1.1` and `"caseVersion": 1.1`
//! (a number where CASE types text, as a writer that takes `1.1` for a number writes
//! them) and a lone `subject` text. The import reported `caseVersion` and not `version`,
//! and export wrote `"version": 1.1` back, a number a CASE reading refuses. Every document
//! field export writes back as given is now read and written with CASE's type.
//!
//! case/76: a `CFDocument` whose `licenseURI` has only a `uri` and whose `subjectURI`
//! has no `identifier`. CASE's `LinkURI` requires `title`, `identifier` and `uri`; the
//! import reported nothing and export wrote the links back as read, which a CASE reading
//! refuses. The import now reports each missing part, and export refuses the document
//! naming them.

use std::path::Path;

use karmayogi::{
    CaseDocument, CaseElement, CaseExportOptions, CaseFieldReason, CaseImport, CaseImportOptions,
    CasePackage, Error, Framework,
};
use serde_json::{Value, json};

use crate::support::case_export;

const NUMBERS: &str = include_str!("../data/cases/case/73-document-texts-as-numbers.json");
const LINK_PARTS: &str = include_str!("../data/cases/case/76-document-links-lacking-parts.json");
const DOCUMENT: &str = "d0000000-0000-4000-8000-000000000001";

fn import(json: &str) -> CaseImport {
    CaseImport::from_json(json, &CaseImportOptions::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn export(framework: &Framework, document: &CaseDocument) -> Result<CasePackage, Vec<Error>> {
    CasePackage::from_framework(framework, document, &CaseExportOptions::default())
        .map_err(karmayogi::Errors::into_vec)
}

/// What CASE 1.1's JSON schema gives each field of a package's `CFDocument`
/// (`CFPckgDocument`, which allows no other): where the export's document writes a field
/// of another type, the field.
fn off_schema(document: &Value) -> Vec<String> {
    // A number beyond a double's range is held as a string marked by U+FDD0 (a text
    // starting with U+FDD0 as one with it twice).
    let string = |v: &Value| {
        v.as_str().is_some_and(|s| {
            s.strip_prefix('\u{fdd0}')
                .is_none_or(|rest| rest.starts_with('\u{fdd0}'))
        })
    };
    let link = |v: &Value| {
        v.as_object().is_some_and(|o| {
            ["title", "identifier", "uri"]
                .iter()
                .all(|k| o.get(*k).is_some_and(Value::is_string))
        })
    };
    let mut off = Vec::new();
    for (field, value) in document.as_object().expect("a document") {
        let fits = match field.as_str() {
            "identifier" | "uri" | "frameworkType" | "caseVersion" | "creator" | "title"
            | "lastChangeDateTime" | "officialSourceURL" | "publisher" | "description"
            | "language" | "version" | "adoptionStatus" | "statusStartDate" | "statusEndDate"
            | "notes" => string(value),
            "subject" => value.as_array().is_some_and(|l| l.iter().all(string)),
            "subjectURI" => value.as_array().is_some_and(|l| l.iter().all(link)),
            "licenseURI" => link(value),
            "extensions" => value.is_object(),
            _ => false,
        };
        if !fits {
            off.push(format!("{field}: {value}"));
        }
    }
    off
}

#[test]
fn document_texts_written_as_numbers_are_reported_as_case_version_is() {
    let import = import(NUMBERS);
    let fields: Vec<(CaseElement, &str, &str, CaseFieldReason)> =
        (import.report.dropped_fields.iter())
            .map(|f| (f.element, f.identifier.as_str(), f.field.as_str(), f.reason))
            .collect();
    let number = CaseFieldReason::WrongType {
        found: "a fractional number",
        expected: "a string",
    };
    assert_eq!(
        fields,
        [
            (CaseElement::Document, DOCUMENT, "caseVersion", number),
            (CaseElement::Document, DOCUMENT, "version", number),
        ]
    );
    assert!(!import.report.is_complete());
    // Export refuses the number it would write back: which text it stands for (`1.1`,
    // `1.10`) is unknowable.
    let framework = Framework::new(import.spec.clone()).expect("the framework builds");
    assert_eq!(
        export(&framework, &import.report.document).unwrap_err(),
        [Error::CaseFieldType {
            path: "CFDocument.version".to_owned(),
            found: "a fractional number",
            expected: "a string",
        }]
    );
}

#[test]
fn written_as_text_the_document_imports_complete_and_exports_as_case_types_it() {
    let text = NUMBERS
        .replace(r#""version": 1.1"#, r#""version": "1.1""#)
        .replace(r#""caseVersion": 1.1"#, r#""caseVersion": "1.1""#);
    let import = import(&text);
    assert!(import.report.is_complete(), "{:?}", import.report);
    let framework = Framework::new(import.spec.clone()).expect("the framework builds");
    let package = case_export(&framework, &import.report.document);
    let written: Value = serde_json::from_str(&package.to_json()).unwrap();
    assert_eq!(off_schema(&written["CFDocument"]), Vec::<String>::new());
    assert_eq!(written["CFDocument"]["version"], "1.1");
    // The lone subject is written as CASE's list of one.
    assert_eq!(
        written["CFDocument"]["subject"],
        json!(["Office procedure"])
    );
    let again = self::import(&package.to_json());
    assert!(again.report.is_complete(), "{:?}", again.report);
    assert_eq!(again.spec, import.spec);
}

#[test]
fn each_text_field_export_writes_back_is_refused_holding_another_type() {
    let framework = Framework::new(import(NUMBERS).spec).expect("the framework builds");
    let fields = [
        "frameworkType",
        "officialSourceURL",
        "publisher",
        "language",
        "version",
        "adoptionStatus",
        "statusStartDate",
        "statusEndDate",
        "notes",
    ];
    for field in fields {
        for (value, found) in [
            (json!(2), "an integer"),
            (json!(true), "a boolean"),
            (json!(["a"]), "an array"),
            (json!({"en": "a"}), "an object"),
        ] {
            let mut document =
                CaseDocument::new(DOCUMENT, "Office procedure", "Board", "2024-01-01");
            document.extra.insert(field.to_owned(), value.clone());
            assert_eq!(
                export(&framework, &document).unwrap_err(),
                [Error::CaseFieldType {
                    path: format!("CFDocument.{field}"),
                    found,
                    expected: "a string",
                }],
                "{field}: {value}"
            );
        }
    }
    let mut document = CaseDocument::new(DOCUMENT, "Office procedure", "Board", "2024-01-01");
    document.extra.insert("subject".to_owned(), json!(["a", 3]));
    assert_eq!(
        export(&framework, &document).unwrap_err(),
        [Error::CaseFieldType {
            path: "CFDocument.subject".to_owned(),
            found: "an array",
            expected: "a string or an array of strings",
        }]
    );
    // A number beyond a double's range, as the import reads it.
    let huge = NUMBERS.replace(r#""version": 1.1"#, r#""version": 1e400"#);
    let import = import(&huge);
    assert!(
        import
            .report
            .dropped_fields
            .iter()
            .any(|f| f.field == "version"
                && f.reason
                    == CaseFieldReason::WrongType {
                        found: "a number beyond a double's range",
                        expected: "a string",
                    })
    );
    assert_eq!(
        export(&framework, &import.report.document).unwrap_err(),
        [Error::CaseFieldType {
            path: "CFDocument.version".to_owned(),
            found: "a number beyond a double's range",
            expected: "a string",
        }]
    );
    // A value holding nothing says nothing: left out, not refused.
    for value in [json!([]), json!({}), json!([null])] {
        let mut document = CaseDocument::new(DOCUMENT, "Office procedure", "Board", "2024-01-01");
        document.extra.insert("version".to_owned(), value.clone());
        let package = export(&framework, &document).unwrap_or_else(|e| panic!("{value}: {e:?}"));
        let written: Value = serde_json::from_str(&package.to_json()).unwrap();
        assert_eq!(
            off_schema(&written["CFDocument"]),
            Vec::<String>::new(),
            "{value}"
        );
    }
}

#[test]
fn link_fields_export_writes_back_are_refused_holding_another_type() {
    let framework = Framework::new(import(NUMBERS).spec).expect("the framework builds");
    // Links: an object whose parts are text; `subjectURI` also a list of them.
    let link = json!({"title": "CC BY 4.0", "identifier": "l1", "uri": "https://l/1"});
    for (field, value, expected) in [
        ("licenseURI", json!("https://l/1"), "a link object"),
        ("licenseURI", json!({"uri": 7}), "a link object"),
        (
            "subjectURI",
            json!([link, "https://l/2"]),
            "a link object or an array of link objects",
        ),
    ] {
        let mut document = CaseDocument::new(DOCUMENT, "Office procedure", "Board", "2024-01-01");
        document.extra.insert(field.to_owned(), value.clone());
        assert!(
            matches!(&export(&framework, &document).unwrap_err()[..],
                [Error::CaseFieldType { path, expected: e, .. }]
                    if *path == format!("CFDocument.{field}") && *e == expected),
            "{field}: {value}"
        );
    }
    let mut document = CaseDocument::new(DOCUMENT, "Office procedure", "Board", "2024-01-01");
    document.extra.insert("licenseURI".to_owned(), link.clone());
    document.extra.insert("subjectURI".to_owned(), link.clone());
    let package = export(&framework, &document).expect("links of CASE's type export");
    let written = serde_json::to_value(package.document.as_ref()).unwrap();
    assert_eq!(off_schema(&written), Vec::<String>::new());
    assert_eq!(written["subjectURI"], json!([link]));
}

#[test]
fn every_case_file_importing_complete_exports_its_document_as_case_types_it() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/cases/case");
    let mut checked = 0;
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    for path in names {
        let text = std::fs::read_to_string(&path).unwrap();
        let Ok(import) = CaseImport::from_json(&text, &CaseImportOptions::default()) else {
            continue;
        };
        let Ok(framework) = Framework::new(import.spec.clone()) else {
            continue;
        };
        let Ok(package) = export(&framework, &import.report.document) else {
            // Refused: only where the import said it would be.
            assert!(!import.report.is_complete(), "{}", path.display());
            continue;
        };
        // The serde form: `to_json` writes a number beyond a double's range (in
        // `extensions`, case/33) as written, which `serde_json` cannot read.
        let written = serde_json::to_value(package.document.as_ref()).unwrap();
        let off = off_schema(&written);
        assert!(off.is_empty(), "{}: {off:?}", path.display());
        checked += 1;
    }
    assert!(checked >= 50, "{checked}");
}

#[test]
fn document_links_lacking_a_part_case_requires_are_reported_and_refused_by_export() {
    let import = import(LINK_PARTS);
    let fields: Vec<(CaseElement, &str, &str, CaseFieldReason)> =
        (import.report.dropped_fields.iter())
            .map(|f| (f.element, f.identifier.as_str(), f.field.as_str(), f.reason))
            .collect();
    let missing = CaseFieldReason::Missing;
    assert_eq!(
        fields,
        [
            (
                CaseElement::Document,
                DOCUMENT,
                "licenseURI.identifier",
                missing
            ),
            (CaseElement::Document, DOCUMENT, "licenseURI.title", missing),
            (
                CaseElement::Document,
                DOCUMENT,
                "subjectURI.identifier",
                missing
            ),
        ]
    );
    assert!(!import.report.is_complete());
    // Kept as read, and refused by export as the import said, naming each part.
    assert_eq!(
        import.report.document.extra["licenseURI"],
        json!({"uri": "https://creativecommons.org/licenses/by/4.0/"})
    );
    let framework = Framework::new(import.spec.clone()).expect("the framework builds");
    let missing = |field| Error::CaseMissingField {
        element: CaseElement::Document,
        identifier: DOCUMENT.to_owned(),
        field,
    };
    assert_eq!(
        export(&framework, &import.report.document).unwrap_err(),
        [
            missing("licenseURI.identifier"),
            missing("licenseURI.title"),
            missing("subjectURI.identifier"),
        ]
    );
    // Given the parts, the document imports complete and exports as CASE types it.
    let mut document = import.report.document.clone();
    let link = json!({"title": "CC BY 4.0", "identifier": "l1", "uri": "https://l/1"});
    document.extra.insert("licenseURI".to_owned(), link.clone());
    document
        .extra
        .insert("subjectURI".to_owned(), json!([link]));
    let package = export(&framework, &document).expect("whole links export");
    let written = serde_json::to_value(package.document.as_ref()).unwrap();
    assert_eq!(off_schema(&written), Vec::<String>::new());
    let again = self::import(&package.to_json());
    assert!(again.report.is_complete(), "{:?}", again.report);
    // One entry of a list lacking a part is enough; a link holding nothing is left out.
    for (value, refused) in [
        (json!([link, {"title": "Law", "uri": "https://l/2"}]), true),
        (json!([link, {}]), true),
        (json!({}), false),
        (json!([{"uri": null}]), false),
    ] {
        let mut document = CaseDocument::new(DOCUMENT, "Office procedure", "Board", "2024-01-01");
        document
            .extra
            .insert("subjectURI".to_owned(), value.clone());
        let result = export(&framework, &document);
        assert_eq!(result.is_err(), refused, "{value}: {result:?}");
    }
}
