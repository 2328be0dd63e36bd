//! CASE packages converted from XML (`tests/data/cases/case/55` and `56`). CASE 1.0 and
//! 1.1 define a REST/JSON binding only, but publishers keep frameworks in XML and convert
//! them with generic tools, which write an XML attribute as a key with a prefix
//! (`@identifier` from xmltodict, `@_identifier` from fast-xml-parser, `$` holding the
//! attributes from xml2js) and an element that has attributes as an object holding its
//! text under `#text`.

use karmayogi::{
    CaseDropReason, CaseElement, CaseFieldReason, CaseImport, CaseImportOptions, Error,
};

const ATTRIBUTES: &str = include_str!("../data/cases/case/55-identifiers-as-xml-attributes.json");

#[test]
fn an_identifier_written_as_an_xml_attribute_is_named_in_the_error() {
    // The element is refused, as any element without `identifier` is, but the error
    // names the field the converter wrote, so the publisher knows what to rename.
    let errors = crate::support::import_refused(ATTRIBUTES);
    let named: Vec<(&str, &str)> = (errors.iter())
        .map(|e| match e {
            Error::CaseFieldName {
                path,
                found,
                expected: "identifier",
            } => (path.as_str(), found.as_str()),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        named,
        [
            ("CFItems[0]", "@identifier"),
            ("CFItems[1]", "@_identifier"),
            ("CFItems[2]", "$.identifier"),
            ("CFAssociations[0]", "@identifier"),
        ]
    );
    assert_eq!(
        errors[0].to_string(),
        "case field `@identifier` at CFItems[0]: expected `identifier`"
    );
}

const TEXT_OBJECTS: &str = include_str!("../data/cases/case/56-text-objects-from-xml.json");

#[test]
fn text_objects_from_xml_are_reported_as_of_the_wrong_type() {
    // No CASE binding writes text as an object: `{"#text": …}` comes from a converter
    // given an element with attributes (`xml:lang`), which CASE's JSON has no place for.
    // The text is not guessed out of it: each field is reported with its value, and an
    // item the next field names (`humanCodingScheme`) imports under it.
    let import = CaseImport::from_json(TEXT_OBJECTS, &CaseImportOptions::default())
        .expect("the package reads");
    let dropped: Vec<_> = (import.report.dropped.iter())
        .map(|d| {
            let s = d.statement.as_ref().expect("a statement of the wrong type");
            (d.identifier.as_str(), d.reason, s.field, s.value.as_str())
        })
        .collect();
    assert_eq!(
        dropped,
        [(
            "c0000000-0000-4000-8000-000000000001",
            CaseDropReason::StatementOfWrongType,
            "fullStatement",
            r##"{"#text":"Adds numbers","@xml:lang":"en"}"##
        )]
    );
    let names: Vec<(&str, &str)> = (import.spec.competencies.iter())
        .map(|c| (c.id.as_str(), c.name.as_str()))
        .collect();
    assert_eq!(names, [("c0000000-0000-4000-8000-000000000002", "M.2")]);
    let fields: Vec<_> = (import.report.dropped_fields.iter())
        .map(|f| (f.element, f.identifier.as_str(), f.field.as_str(), f.reason))
        .collect();
    assert_eq!(
        fields,
        [
            (
                CaseElement::Document,
                "d0000000-0000-4000-8000-000000000001",
                "title",
                CaseFieldReason::WrongType {
                    found: "an object",
                    expected: "a string"
                }
            ),
            (
                CaseElement::Item,
                "c0000000-0000-4000-8000-000000000002",
                "fullStatement",
                CaseFieldReason::WrongType {
                    found: "an object",
                    expected: "a string"
                }
            ),
        ]
    );
    assert!(!import.report.is_complete());
}
