//! CASE packages converted from XML (`tests/data/cases/case/55` and `56`). CASE 1.0 and
//! 1.1 define a REST/JSON binding only, but publishers keep frameworks in XML and convert
//! them with generic tools, which write an XML attribute as a key with a prefix
//! (`@identifier` from xmltodict, `@_identifier` from fast-xml-parser, `$` holding the
//! attributes from xml2js) and an element that has attributes as an object holding its
//! text under `#text`.

use karmayogi::{CaseImport, CaseImportOptions, Error};

const ATTRIBUTES: &str = include_str!("../data/cases/case/55-identifiers-as-xml-attributes.json");

#[test]
fn an_identifier_written_as_an_xml_attribute_is_named_in_the_error() {
    // The element is refused, as any element without `identifier` is, but the error
    // names the field the converter wrote, so the publisher knows what to rename.
    let errors = CaseImport::from_json(ATTRIBUTES, &CaseImportOptions::default())
        .expect_err("no element has `identifier`")
        .into_vec();
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
