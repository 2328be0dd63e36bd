//! CASE text fields written as lists, as a JSON-LD processor asked not to compact arrays
//! writes every value (`"fullStatement": ["Adds numbers"]`): a list of one string (among
//! `null`s, absent elements) is the string, wherever CASE has a string; a list of several
//! strings is set aside and reported, never joined or cut to one.

use karmayogi::{CaseDropReason, CaseElement, CaseFieldReason};

use crate::support::{dropped_fields, import, memberships};

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
    let dropped: Vec<(CaseElement, &str, CaseDropReason)> = (import.report.dropped.iter())
        .map(|d| (d.element, d.identifier.as_str(), d.reason))
        .collect();
    assert_eq!(
        dropped,
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
