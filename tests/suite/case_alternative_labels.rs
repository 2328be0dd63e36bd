//! Items whose statement is written in `alternativeLabel` alone, with no `fullStatement`,
//! as the Texas Education Agency's CASE server publishes the TEKS (case/93; `OpenSALT`'s
//! importer copies `alternativeLabel` into `fullStatement` for them). The label is the
//! item's statement: an item with a code was named by the code and its label reported as
//! dropped, and one without a code was set aside as unnamed.

use karmayogi::{CaseElement, CaseFieldReason, CaseImport};

use crate::support::{dropped, dropped_fields, exported, import};

const TEKS: &str = include_str!("../data/cases/case/93-statements-in-alternative-labels.json");

const STRAND: &str = "7e000000-0000-4000-8000-000000000001";
const COMPOSE: &str = "7e000000-0000-4000-8000-000000000002";
const DESCRIBE: &str = "7e000000-0000-4000-8000-000000000003";
const PLACE_VALUE: &str = "7e000000-0000-4000-8000-000000000004";

/// Every competency and group the import gave: id, name and description, by id.
fn named(import: &CaseImport) -> Vec<(String, String, String)> {
    let spec = &import.spec;
    let mut named: Vec<(String, String, String)> = (spec.competencies.iter())
        .map(|c| (c.id.to_string(), c.name.clone(), c.description.clone()))
        .chain(
            (spec.groups.iter()).map(|g| (g.id.to_string(), g.name.clone(), g.description.clone())),
        )
        .collect();
    named.sort();
    named
}

fn statement(of: &str) -> String {
    let package: serde_json::Value = serde_json::from_str(TEKS).unwrap();
    let items = package["CFItems"].as_array().unwrap();
    let item = items.iter().find(|i| i["identifier"] == of).unwrap();
    item["alternativeLabel"].as_str().unwrap().to_owned()
}

#[test]
fn an_alternative_label_is_the_statement_of_an_item_without_one() {
    let import = import(TEKS);
    assert_eq!(
        named(&import),
        [
            (STRAND.into(), "Number and operations".into(), String::new()),
            (COMPOSE.into(), statement(COMPOSE), String::new()),
            (DESCRIBE.into(), statement(DESCRIBE), String::new()),
            // Beside an abbreviated statement the label is the full one: the description.
            (
                PLACE_VALUE.into(),
                "Place value to 100,000".into(),
                statement(PLACE_VALUE)
            ),
        ]
    );
    // No item is set aside, and no label is reported lost: each is the statement.
    assert_eq!(dropped(&import.report), []);
    let fields = dropped_fields(&import.report);
    assert!(
        fields.iter().all(|f| f.2 != "alternativeLabel"),
        "{fields:?}"
    );
    // The codes are not the ids (they are, under `CaseIds::HumanCodingScheme`).
    let codes: Vec<&str> = (fields.iter())
        .filter(|f| f.0 == CaseElement::Item && f.2 == "humanCodingScheme")
        .map(|f| {
            assert_eq!(*f.3, CaseFieldReason::NoPlace);
            f.1
        })
        .collect();
    assert_eq!(codes, [STRAND, COMPOSE, PLACE_VALUE]);
    // The report says, once, that the label was read as the statement.
    let renamed: Vec<(&str, &str)> = (import.report.renamed.iter())
        .map(|r| (r.found.as_str(), r.read_as))
        .collect();
    assert_eq!(renamed, [("alternativeLabel", "fullStatement")]);
}

#[test]
fn a_label_read_as_the_statement_comes_back_from_a_round_trip() {
    let first = import(TEKS);
    let again = import(&exported(&first).to_json());
    assert_eq!(named(&again), named(&first));
    assert_eq!(again.spec.groups.len(), 1);
    assert_eq!(again.spec.competencies.len(), 3);
}

#[test]
fn a_label_gives_way_to_a_full_statement_and_names_no_item_of_another_type() {
    // A `fullStatement` is the statement: the label beside it has no place, and is reported.
    let beside = TEKS.replacen(
        r#""alternativeLabel": "describe"#,
        r#""fullStatement": "Describes place value relationships.", "alternativeLabel": "describe"#,
        1,
    );
    let read = import(&beside);
    let describe = (read.spec.competencies.iter())
        .find(|c| c.id.as_str() == DESCRIBE)
        .unwrap();
    assert_eq!(describe.name, "Describes place value relationships.");
    let fields = dropped_fields(&read.report);
    assert!(fields.contains(&(
        CaseElement::Item,
        DESCRIBE,
        "alternativeLabel",
        &CaseFieldReason::NoPlace
    )));
    // A label of another JSON type names nothing, and is the field the report names.
    let number = TEKS.replacen(
        &format!(r#""alternativeLabel": "{}""#, statement(DESCRIBE)),
        r#""alternativeLabel": 7"#,
        1,
    );
    let read = import(&number);
    let set_aside = (read.report.dropped.iter())
        .find(|d| d.identifier == DESCRIBE)
        .unwrap();
    assert_eq!(
        set_aside.statement.as_ref().unwrap().field,
        "alternativeLabel"
    );
}
