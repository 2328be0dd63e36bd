//! The crate's export read strictly against CASE 1.1's information model. Text CASE types
//! as `NormalizedString` (no tab, line feed or carriage return): a framework whose names
//! span lines (`tests/data/cases/case/57`) exports a package a strict CASE reading
//! accepts, and the crate's own import gives every name back as written; text CASE has
//! no place for on several lines (`58`) refuses the export, naming it. The fields of a
//! CASE 1.0 document that CASE 1.1 does not define on a package's document (`59`) are
//! written in its `extensions`.

use karmayogi::{
    CaseElement, CaseExportOptions, CaseFieldReason, CaseIds, CaseImport, CaseImportOptions,
    CasePackage, Error, Framework,
};

use crate::support::case_export;

const SEVERAL_LINES: &str =
    include_str!("../data/cases/case/57-export-names-on-several-lines.json");

fn document() -> karmayogi::CaseDocument {
    karmayogi::CaseDocument::new(
        "d0000000-0000-4000-8000-000000000001",
        "Office procedure",
        "Example Board",
        "2024-01-01T00:00:00Z",
    )
}

#[track_caller]
fn on_one_line(field: &str, text: &str) {
    assert!(
        !text.contains(['\t', '\n', '\r']),
        "{field} {text:?} is a NormalizedString"
    );
}

#[test]
fn link_titles_of_names_on_several_lines_are_written_on_one_line() {
    let framework = Framework::from_json(SEVERAL_LINES).expect("the framework builds");
    let package = case_export(&framework, &document());
    let links = (package.associations.iter())
        .flat_map(|a| [&a.origin_node_uri, &a.destination_node_uri])
        .chain(
            package
                .rubrics
                .iter()
                .flat_map(|r| &r.criteria)
                .map(|c| &c.item_uri),
        );
    let mut titles: Vec<&str> = links
        .map(|link| link.as_ref().expect("a link").title.as_str())
        .inspect(|title| on_one_line("link title", title))
        .collect();
    titles.sort_unstable();
    titles.dedup();
    assert_eq!(
        titles,
        [
            "File  management",
            "Noting and drafting (Hindi and English)",
            "Office procedure"
        ]
    );
    // The names themselves come back as written, under either option.
    for ids in [CaseIds::Identifier, CaseIds::HumanCodingScheme] {
        let import =
            CaseImport::from_json(&package.to_json(), &CaseImportOptions::default().ids(ids))
                .expect("the export imports");
        assert!(import.report.is_complete(), "{:?}", import.report);
        let names: Vec<&str> = (import.spec.competencies.iter().map(|c| c.name.as_str()))
            .chain(import.spec.groups.iter().map(|g| g.name.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                "Noting and drafting\n(Hindi and English)",
                "File\r\nmanagement",
                "Office\tprocedure"
            ]
        );
    }
}

const NO_ONE_LINE: &str =
    include_str!("../data/cases/case/58-export-text-that-cannot-be-on-one-line.json");

#[test]
fn text_a_normalized_string_cannot_hold_refuses_the_export() {
    // A name beside a description is written as `abbreviatedStatement`, and a level's
    // name as `quality`: both `NormalizedString`s, with no other place in CASE for the
    // text. Writing it otherwise would change the name, so export refuses, naming each.
    let framework = Framework::from_json(NO_ONE_LINE).expect("the framework builds");
    let errors =
        CasePackage::from_framework(&framework, &document(), &CaseExportOptions::default())
            .expect_err("the names cannot be written")
            .into_vec();
    assert_eq!(
        errors,
        [
            Error::CaseTextOnSeveralLines {
                element: CaseElement::Item,
                id: "drafting".to_owned(),
                level: None,
                field: "abbreviatedStatement",
                value: "Noting and drafting\n(Hindi and English)".to_owned(),
            },
            Error::CaseTextOnSeveralLines {
                element: CaseElement::Level,
                id: "filing".to_owned(),
                level: Some(2),
                field: "quality",
                value: "Keeps files\tmoving".to_owned(),
            },
        ]
    );
    assert_eq!(
        errors[1].to_string(),
        "export CFRubricCriterionLevel `filing` level 2: quality \"Keeps files\\tmoving\" \
         holds a tab or line break: expected text on one line, as CASE's NormalizedString"
    );
}

const CASE_1_0_DOCUMENT: &str = include_str!("../data/cases/case/59-case-1-0-document-fields.json");

/// The fields CASE 1.1 defines on a package's `CFDocument` (`CFPckgDocument`, which
/// allows no other), in the order of its JSON schema.
const PACKAGE_DOCUMENT: &str = "identifier uri frameworkType caseVersion creator title \
    lastChangeDateTime officialSourceURL publisher description subject subjectURI language \
    version adoptionStatus statusStartDate statusEndDate licenseURI notes extensions";

#[test]
fn document_fields_case_1_1_does_not_define_go_into_extensions() {
    // OpenSALT's CASE 1.0 exports carry `CFPackageURI` on the document (the test package
    // reduced from its `Utf8TestFramework.json` fixture, with the `subjectURL` its sample
    // CCSS export writes). The import keeps the document whole; export declares CASE 1.1,
    // whose package document has no such fields, and writes them in `extensions`.
    let import = CaseImport::from_json(CASE_1_0_DOCUMENT, &CaseImportOptions::default())
        .expect("the package imports");
    let framework = Framework::new(import.spec.clone()).expect("the framework builds");
    let package = case_export(&framework, &import.report.document);
    let written: serde_json::Value =
        serde_json::from_str(&package.to_json()).expect("the export is JSON");
    let document = written["CFDocument"].as_object().expect("a document");
    let foreign: Vec<&String> = (document.keys())
        .filter(|k| !PACKAGE_DOCUMENT.split_whitespace().any(|f| f == k.as_str()))
        .collect();
    assert!(foreign.is_empty(), "{foreign:?}");
    assert_eq!(document["language"], "en");
    let extensions = document["extensions"].as_object().expect("extensions");
    let moved: Vec<&str> = extensions.keys().map(String::as_str).collect();
    assert_eq!(moved, ["CFPackageURI", "subjectURL"]);
    assert_eq!(
        extensions["CFPackageURI"]["uri"],
        "https://server/ims/case/v1p0/CFPackages/d0000000-0000-4000-8000-000000000000"
    );
    // Imported again, the spec is the same, and exporting it again writes the same package.
    let again = CaseImport::from_json(&package.to_json(), &CaseImportOptions::default())
        .expect("the export imports");
    assert_eq!(again.spec, import.spec);
    assert!(again.report.is_complete(), "{:?}", again.report);
    let twice = case_export(&framework, &again.report.document);
    assert_eq!(twice.to_json(), package.to_json());
}

#[test]
fn a_field_extensions_holds_already_stays_where_it_is() {
    // Moving it would lose one of the two values: it stays beside, as written.
    let mut document = document();
    document
        .extra
        .insert("CFPackageURI".to_owned(), serde_json::json!("a"));
    document
        .extra
        .insert("ext".to_owned(), serde_json::json!(1));
    document.extra.insert(
        "extensions".to_owned(),
        serde_json::json!({"CFPackageURI": "b"}),
    );
    let framework = Framework::from_json(SEVERAL_LINES).expect("the framework builds");
    let package = case_export(&framework, &document);
    let extra = &package.document.as_ref().expect("a document").extra;
    assert_eq!(extra["CFPackageURI"], "a");
    assert_eq!(
        extra["extensions"],
        serde_json::json!({"CFPackageURI": "b", "ext": 1})
    );
}

const SEVERAL_LINES_IMPORTED: &str =
    include_str!("../data/cases/case/60-normalized-strings-on-several-lines.json");

/// What the import reports a `NormalizedString` on several lines as.
const ONE_LINE: CaseFieldReason = CaseFieldReason::Unreadable {
    expected: "text on one line, as CASE's NormalizedString",
};

/// The import of `json`, which is not complete, and the errors refusing the export of its
/// spec with its document.
#[track_caller]
fn imported_and_refused(json: &str) -> (CaseImport, Vec<Error>) {
    let import =
        CaseImport::from_json(json, &CaseImportOptions::default()).expect("the package imports");
    assert!(!import.report.is_complete());
    let framework = Framework::new(import.spec.clone()).expect("the framework builds");
    let errors = CasePackage::from_framework(
        &framework,
        &import.report.document,
        &CaseExportOptions::default(),
    )
    .expect_err("export refuses the same text")
    .into_vec();
    (import, errors)
}

#[test]
fn an_import_export_would_refuse_for_text_on_several_lines_is_not_complete() {
    // A publisher wrote line breaks where CASE types text as a `NormalizedString`: the
    // import keeps the text as read and reports each field, so an import it calls
    // complete always exports; a `fullStatement` on several lines (a `String`) is fine.
    let (import, errors) = imported_and_refused(SEVERAL_LINES_IMPORTED);
    let fields: Vec<(CaseElement, &str, &str, CaseFieldReason)> =
        (import.report.dropped_fields.iter())
            .map(|f| (f.element, f.identifier.as_str(), f.field.as_str(), f.reason))
            .collect();
    let one_line = ONE_LINE;
    assert_eq!(
        fields,
        [
            (
                CaseElement::Document,
                "d0000000-0000-4000-8000-000000000001",
                "title",
                one_line
            ),
            (
                CaseElement::Item,
                "c0000000-0000-4000-8000-000000000001",
                "abbreviatedStatement",
                one_line
            ),
            (
                CaseElement::Item,
                "c0000000-0000-4000-8000-000000000002",
                "quality (level 2)",
                one_line
            ),
        ]
    );
    let refused: Vec<&str> = (errors.iter())
        .map(|e| match e {
            Error::CaseTextOnSeveralLines { field, .. } => *field,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(refused, ["title", "abbreviatedStatement", "quality"]);
}

const DOCUMENT_TEXTS: &str =
    include_str!("../data/cases/case/61-document-texts-on-several-lines.json");

#[test]
fn document_texts_a_normalized_string_cannot_hold_are_reported_and_refused() {
    // A publisher's own document fields are kept whole and written back as given:
    // `publisher`, each `subject` and a link's `title` are `NormalizedString`s, so one on
    // several lines is reported on import (the import is not complete) and refused on
    // export, as `title` and `creator` are; `notes`, a `String`, may span lines.
    let (import, errors) = imported_and_refused(DOCUMENT_TEXTS);
    let one_line = ONE_LINE;
    let fields: Vec<(&str, CaseFieldReason)> = (import.report.dropped_fields.iter())
        .map(|f| (f.field.as_str(), f.reason))
        .collect();
    assert_eq!(
        fields,
        [
            ("licenseURI.title", one_line),
            ("publisher", one_line),
            ("subject", one_line)
        ]
    );
    let refused = |field: &'static str, value: &str| Error::CaseTextOnSeveralLines {
        element: CaseElement::Document,
        id: "d0000000-0000-4000-8000-000000000001".to_owned(),
        level: None,
        field,
        value: value.to_owned(),
    };
    assert_eq!(
        errors,
        [
            refused(
                "publisher",
                "Capacity Building Commission\nGovernment of India"
            ),
            refused("subject", "Noting and\r\ndrafting"),
            refused("licenseURI.title", "Creative Commons\tAttribution 4.0"),
        ]
    );
    // On one line, the package imports complete and exports.
    let fixed = DOCUMENT_TEXTS
        .replace("Commission\\nGovernment", "Commission, Government")
        .replace("and\\r\\ndrafting", "and drafting")
        .replace("Commons\\tAttribution", "Commons Attribution");
    let import =
        CaseImport::from_json(&fixed, &CaseImportOptions::default()).expect("the package imports");
    assert!(import.report.is_complete(), "{:?}", import.report);
    let framework = Framework::new(import.spec.clone()).expect("the framework builds");
    case_export(&framework, &import.report.document);
}

#[test]
fn option_texts_a_normalized_string_cannot_hold_refuse_the_export() {
    // The `CFItemType` of every item of a kind and the rubric's `title` come from the
    // options: a line break there is refused, naming the option, whether or not an
    // element of that kind is written.
    let framework = Framework::from_json(SEVERAL_LINES).expect("the framework builds");
    let options = CaseExportOptions::default()
        .item_type(
            karmayogi::CompetencyType::Functional,
            "Functional\nCompetency",
        )
        .group_item_type(karmayogi::GroupKind::Theme, "Competency\ttheme")
        .rubric_title("Proficiency\r\nlevels");
    let errors = CasePackage::from_framework(&framework, &document(), &options)
        .expect_err("the options' texts cannot be written")
        .into_vec();
    assert_eq!(
        errors,
        [
            Error::CaseTextOnSeveralLines {
                element: CaseElement::Item,
                id: "item_type(functional)".to_owned(),
                level: None,
                field: "CFItemType",
                value: "Functional\nCompetency".to_owned(),
            },
            Error::CaseTextOnSeveralLines {
                element: CaseElement::Item,
                id: "group_item_type(theme)".to_owned(),
                level: None,
                field: "CFItemType",
                value: "Competency\ttheme".to_owned(),
            },
            Error::CaseTextOnSeveralLines {
                element: CaseElement::Rubric,
                id: "rubric_title".to_owned(),
                level: None,
                field: "title",
                value: "Proficiency\r\nlevels".to_owned(),
            },
        ]
    );
    assert_eq!(
        errors[2].to_string(),
        "export CFRubric `rubric_title`: title \"Proficiency\\r\\nlevels\" holds a tab or line \
         break: expected text on one line, as CASE's NormalizedString"
    );
    // Every text of a package exported with options on one line is on one line.
    let options = CaseExportOptions::default()
        .item_type(
            karmayogi::CompetencyType::Functional,
            "Functional competency",
        )
        .rubric_title("Levels");
    let package = CasePackage::from_framework(&framework, &document(), &options)
        .expect("the framework exports");
    for item in &package.items {
        on_one_line("CFItemType", item.item_type.as_deref().unwrap_or_default());
    }
    for rubric in &package.rubrics {
        on_one_line("title", rubric.title.as_deref().unwrap_or_default());
    }
}
