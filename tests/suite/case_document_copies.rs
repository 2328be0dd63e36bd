//! A `CFDocument` listing one document twice with copies that differ (case/87): a
//! package assembled from the document of a CASE 1.1 `CFPackages` answer and the answer of
//! a 1.0 `CFDocuments` endpoint, which writes the identifier in upper case, its own `uri`,
//! the creator more fully, a newer `lastChangeDateTime` and adoption status and a
//! `version`, and leaves out the `description`, `subject` and 1.1's fields. Both copies
//! have one identifier and one title, so they are one document, read as copies of an item
//! are (case/88). The package was refused as holding several documents.

use karmayogi::{
    CaseDropReason, CaseElement, CaseFieldReason, CaseIds, CaseImport, CaseImportOptions, Error,
    Framework,
};
use serde_json::{Value, json};

const WRITTEN_TWICE: &str = include_str!("../data/cases/case/87-document-written-twice.json");
const DOCUMENT: &str = "d0000000-0000-4000-8000-000000000087";

fn package() -> Value {
    serde_json::from_str(WRITTEN_TWICE).unwrap()
}

fn import(package: &Value, ids: CaseIds) -> Result<CaseImport, Vec<Error>> {
    CaseImport::from_json(&package.to_string(), &CaseImportOptions::default().ids(ids))
        .map_err(karmayogi::Errors::into_vec)
}

/// The document's fields set aside for differing copies: field, the place and value set
/// aside, the place and value kept.
fn differing(import: &CaseImport) -> Vec<(&str, &str, &str, &str, &str)> {
    (import.report.dropped_fields.iter())
        .filter(|f| f.reason == CaseFieldReason::CopyDiffers)
        .map(|f| {
            assert_eq!(f.element, CaseElement::Document);
            assert_eq!(f.identifier.to_lowercase(), DOCUMENT);
            let c = f.copy.as_ref().expect("the copies' values");
            (
                f.field.as_str(),
                c.at.as_str(),
                c.value.as_str(),
                c.kept_at.as_str(),
                c.kept.as_str(),
            )
        })
        .collect()
}

#[test]
fn a_document_written_twice_with_other_fields_is_one_document() {
    for ids in [CaseIds::Identifier, CaseIds::HumanCodingScheme] {
        let import = import(&package(), ids).unwrap_or_else(|e| panic!("{e:?}"));
        let document = &import.report.document;
        // The first copy's values hold; what only the second writes is taken from it.
        assert_eq!(document.identifier, DOCUMENT);
        assert_eq!(document.title, "Office procedure");
        assert_eq!(document.creator, "Capacity Building Commission");
        assert_eq!(document.last_change_date_time, "2024-01-01T00:00:00+00:00");
        assert_eq!(
            document.description.as_deref(),
            Some("Competencies of office procedure in the Central Secretariat.")
        );
        assert_eq!(document.extra["version"], json!("2"));
        assert_eq!(document.extra["adoptionStatus"], json!("Draft"));
        assert_eq!(document.extra["subject"], json!(["Office procedure"]));
        // Every value set aside is reported with both places (`null` counted) and values.
        let v1p0 = "\"https://case.example.org/ims/case/v1p0/CFDocuments/d0000000-0000-4000-8000-000000000087\"";
        let v1p1 = "\"https://case.example.org/ims/case/v1p1/CFDocuments/d0000000-0000-4000-8000-000000000087\"";
        assert_eq!(
            differing(&import),
            [
                (
                    "adoptionStatus",
                    "CFDocument[2]",
                    "\"Adopted\"",
                    "CFDocument[0]",
                    "\"Draft\""
                ),
                (
                    "creator",
                    "CFDocument[2]",
                    "\"Capacity Building Commission, Government of India\"",
                    "CFDocument[0]",
                    "\"Capacity Building Commission\""
                ),
                (
                    "lastChangeDateTime",
                    "CFDocument[2]",
                    "\"2024-03-01T00:00:00+00:00\"",
                    "CFDocument[0]",
                    "\"2024-01-01T00:00:00+00:00\""
                ),
                ("uri", "CFDocument[2]", v1p0, "CFDocument[0]", v1p1),
            ]
        );
        // The second copy is set aside as read into the first, by its identifier as
        // written.
        let dropped: Vec<_> = (import.report.dropped.iter())
            .map(|d| (d.element, d.identifier.as_str(), d.reason))
            .collect();
        assert_eq!(
            dropped,
            [(
                CaseElement::Document,
                DOCUMENT.to_uppercase().as_str(),
                CaseDropReason::Repeated
            )]
        );
        assert!(!import.report.is_complete());
        assert_eq!(import.spec.competencies.len(), 1);
        Framework::new(import.spec).unwrap();
    }
}

#[test]
fn the_first_copy_listed_holds() {
    let mut p = package();
    p["CFDocument"].as_array_mut().unwrap().swap(0, 2);
    let import = import(&p, CaseIds::Identifier).unwrap_or_else(|e| panic!("{e:?}"));
    let document = &import.report.document;
    assert_eq!(document.identifier, DOCUMENT.to_uppercase());
    assert_eq!(
        document.creator,
        "Capacity Building Commission, Government of India"
    );
    assert_eq!(document.extra["adoptionStatus"], json!("Adopted"));
    // Taken from the other copy, the only one writing them.
    assert_eq!(document.case_version.as_deref(), Some("1.1"));
    assert_eq!(document.extra["subject"], json!(["Office procedure"]));
    let found = differing_fields(&import);
    assert_eq!(
        found,
        ["adoptionStatus", "creator", "lastChangeDateTime", "uri"]
    );
    assert!(
        differing(&import)
            .iter()
            .all(|d| (d.1, d.3) == ("CFDocument[2]", "CFDocument[0]"))
    );
    let dropped: Vec<_> = import
        .report
        .dropped
        .iter()
        .map(|d| d.identifier.as_str())
        .collect();
    assert_eq!(dropped, [DOCUMENT]);
}

fn differing_fields(import: &CaseImport) -> Vec<&str> {
    differing(import).into_iter().map(|d| d.0).collect()
}

#[test]
fn copies_with_other_titles_are_refused_naming_both_places() {
    let mut p = package();
    p["CFDocument"][2]["title"] = json!("Office procedure (draft)");
    assert_eq!(
        import(&p, CaseIds::Identifier).unwrap_err(),
        [Error::CaseDuplicateIdentifier {
            identifier: DOCUMENT.to_uppercase(),
            path: "CFDocument[2]".to_owned(),
            earlier: DOCUMENT.to_owned(),
            earlier_path: "CFDocument[0]".to_owned(),
        }]
    );
    // With another problem, both are reported.
    p["CFItems"][1]["identifier"] = p["CFItems"][0]["identifier"].clone();
    let errors = import(&p, CaseIds::Identifier).unwrap_err();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors.iter().any(
            |e| matches!(e, Error::CaseDuplicateIdentifier { path, .. } if path == "CFItems[1]")
        )
    );
    // A copy without a title is no copy of a titled document either.
    let mut p = package();
    p["CFDocument"][2].as_object_mut().unwrap().remove("title");
    assert!(matches!(
        &import(&p, CaseIds::Identifier).unwrap_err()[..],
        [Error::CaseDuplicateIdentifier { path, .. }] if path == "CFDocument[2]"
    ));
    // Other identifiers: several documents, as before.
    let mut p = package();
    p["CFDocument"][2]["identifier"] = json!("d0000000-0000-4000-8000-000000000088");
    assert!(matches!(
        &import(&p, CaseIds::Identifier).unwrap_err()[..],
        [Error::CaseSeveralDocuments { documents }] if documents.len() == 2
    ));
}

#[test]
fn the_joined_import_is_deterministic() {
    let run = || {
        let i = import(&package(), CaseIds::Identifier).unwrap();
        (
            serde_json::to_string(&i.spec).unwrap(),
            serde_json::to_string(&i.report).unwrap(),
        )
    };
    let first = run();
    for _ in 0..3 {
        assert_eq!(run(), first);
    }
}
