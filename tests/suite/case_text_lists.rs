//! CASE text fields written as lists, as a JSON-LD processor asked not to compact arrays
//! writes every value (`"fullStatement": ["Adds numbers"]`): a list of one string (among
//! `null`s, absent elements) is the string, wherever CASE has a string; a list of several
//! strings is set aside and reported, never joined or cut to one.

use karmayogi::{CaseDropReason, CaseElement, CaseFieldReason};

use crate::support::{dropped, dropped_fields, import, memberships};

const LISTS: &str = include_str!("../data/cases/case/32-texts-as-lists-of-one.json");

const AREA: &str = "a3200000-0000-4000-8000-000000000001";
const ADDS: &str = "c3200000-0000-4000-8000-000000000001";

// case/32: every text of the package (the document's, items' statements, codes and types,
// an association's type, a node link's fields, a rubric's title, levels' names and
// descriptions) written as a list of one string; one item's statement a list of two.

#[test]
fn a_text_written_as_a_list_of_one_string_is_the_string() {
    let import = import(LISTS);
    let document = &import.report.document;
    assert_eq!(
        (
            document.identifier.as_str(),
            document.title.as_str(),
            document.creator.as_str()
        ),
        (
            "d3200000-0000-4000-8000-000000000001",
            "Arithmetic",
            "Example Board"
        )
    );
    let competencies: Vec<(&str, &str, &str)> = (import.spec.competencies.iter())
        .map(|c| (c.id.as_str(), c.name.as_str(), c.description.as_str()))
        .collect();
    assert_eq!(
        competencies,
        [
            (ADDS, "Adds numbers", ""),
            (
                "c3200000-0000-4000-8000-000000000002",
                "Subtracts",
                "Subtracts whole numbers"
            ),
            ("c3200000-0000-4000-8000-000000000004", "Divides", ""),
        ]
    );
    // The association placed the item in its area, read from its identifier's list.
    let placed: Vec<(&str, Vec<&str>)> = (memberships(&import.spec).into_iter())
        .filter(|(_, groups)| !groups.is_empty())
        .collect();
    assert_eq!(placed, [(ADDS, vec![AREA])]);
    let groups: Vec<&str> = import.spec.groups.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(groups, ["Number sense"]);
    let levels: Vec<(u8, Option<&str>, &str)> = (import.spec.competencies[0].levels)
        .iter()
        .map(|l| (l.level, l.name.as_deref(), l.description.as_str()))
        .collect();
    assert_eq!(
        levels,
        [
            (1, Some("Beginning"), "Adds with help"),
            (2, Some("Secure"), "")
        ]
    );
}

#[test]
fn a_text_written_as_a_list_of_several_strings_is_set_aside_and_reported() {
    let import = import(LISTS);
    assert_eq!(
        dropped(&import.report),
        [(
            CaseElement::Item,
            "c3200000-0000-4000-8000-000000000003",
            CaseDropReason::StatementOfWrongType
        )]
    );
    let statement = import.report.dropped[0].statement.as_ref().expect("told");
    assert_eq!(
        (statement.field, statement.found, statement.value.as_str()),
        (
            "fullStatement",
            "an array",
            r#"["Multiplies","Multiplies and divides"]"#
        )
    );
    // A field CASE does not define stays aside as before, list or not; so does a code
    // the ids are not made of (as a string's would).
    assert_eq!(
        dropped_fields(&import.report),
        [
            (
                CaseElement::Item,
                ADDS,
                "humanCodingScheme",
                &CaseFieldReason::NoPlace
            ),
            (
                CaseElement::Item,
                "c3200000-0000-4000-8000-000000000004",
                "notes",
                &CaseFieldReason::NoPlace
            )
        ]
    );
    assert!(!import.report.is_complete());
}

const EMPTY: &str = include_str!("../data/cases/case/37-empty-text-lists.json");

/// `value` without the fields, at any depth, that hold nothing: `null`, `[]` or a list of
/// `null`s.
fn without_empty_fields(value: &mut serde_json::Value) {
    let empty = |v: &serde_json::Value| {
        v.is_null()
            || v.as_array()
                .is_some_and(|list| list.iter().all(serde_json::Value::is_null))
    };
    match value {
        serde_json::Value::Object(map) => {
            map.retain(|_, v| !empty(v));
            map.values_mut().for_each(without_empty_fields);
        }
        serde_json::Value::Array(list) => list.iter_mut().for_each(without_empty_fields),
        _ => {}
    }
}

/// The package `json` reads as, and what its import gives (or the errors' messages).
fn read(
    json: &str,
) -> (
    karmayogi::CasePackage,
    Result<karmayogi::CaseImport, Vec<String>>,
) {
    let package = karmayogi::CasePackage::from_json(json).expect("reads");
    let import = karmayogi::CaseImport::from_json(json, &karmayogi::CaseImportOptions::default())
        .map_err(|e| e.iter().map(ToString::to_string).collect());
    (package, import)
}

// case/37: text fields of every element written as `[]` or `[null]` (a JSON-LD processor
// writes an absent value as an empty list; a list of `null`s holds only absent elements):
// each reads as absent, as `null` does, in every text field the crate reads (a field it
// does not model, such as `notes`, keeps what it holds).

#[test]
fn empty_lists_in_text_fields_read_as_absent_as_null_does() {
    let mut value: serde_json::Value = serde_json::from_str(EMPTY).expect("json");
    without_empty_fields(&mut value);
    let absent = value.to_string();
    assert_eq!(read(EMPTY), read(&absent));
    let import = read(EMPTY).1.expect("imports");
    let names: Vec<&str> = (import.spec.competencies.iter())
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["Adds", "Subtracts numbers", "M.3"]);
    // Each text field alone, each way of writing nothing, against the field left out.
    let fields: [(&str, &[&str]); 7] = [
        (
            "/CFDocument",
            &["title", "creator", "description", "caseVersion"],
        ),
        (
            "/CFItems/2",
            &[
                "fullStatement",
                "abbreviatedStatement",
                "humanCodingScheme",
                "CFItemType",
            ],
        ),
        ("/CFAssociations/0/originNodeURI", &["title", "uri"]),
        ("/CFRubrics/0", &["title", "description"]),
        (
            "/CFRubrics/0/CFRubricCriteria/0",
            &["category", "description"],
        ),
        (
            "/CFRubrics/0/CFRubricCriteria/0/CFRubricCriterionLevels/0",
            &["quality", "description", "feedback"],
        ),
        (
            "/CFRubrics/0/CFRubricCriteria/0/CFRubricCriterionLevels/1",
            &["description"],
        ),
    ];
    for (pointer, names) in fields {
        for name in names {
            let mut left_out = value.clone();
            let element = left_out.pointer_mut(pointer).expect(pointer);
            element.as_object_mut().expect("object").remove(*name);
            let expected = read(&left_out.to_string());
            for nothing in ["null", "[]", "[null]", "[null, null]"] {
                let mut written = left_out.clone();
                let element = written.pointer_mut(pointer).expect(pointer);
                let nothing: serde_json::Value = serde_json::from_str(nothing).expect("json");
                element
                    .as_object_mut()
                    .expect("object")
                    .insert((*name).to_owned(), nothing.clone());
                assert_eq!(
                    read(&written.to_string()),
                    expected,
                    "{pointer}/{name}: {nothing}"
                );
            }
        }
    }
}
