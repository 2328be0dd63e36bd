//! CASE association types as tools name them (`tests/data/cases/case/27-…`): `OpenSALT`
//! stores `Is Child Of` and writes it so in its spreadsheet export, which converters carry
//! into packages; others write `is_child_of`. Each is `isChildOf`. An association type
//! written as a number (`62-…`) is refused.

use karmayogi::{CaseImport, CaseImportOptions, Error, Framework};

use crate::support::{child_of_edges, exported, import, import_refused, memberships};

const IN_WORDS: &str = include_str!("../data/cases/case/27-association-types-in-words.json");

fn uuid(prefix: &str, n: u8) -> String {
    format!("{prefix}00000-0000-4000-8000-00000000000{n}")
}

#[test]
fn child_of_in_words_places_items_and_sets_nothing_else_aside() {
    let import: CaseImport = import(IN_WORDS);
    let area = uuid("a27", 1);
    let expected: Vec<(String, Vec<&str>)> = (1..=3)
        .map(|n| (uuid("c27", n), vec![area.as_str()]))
        .collect();
    let got: Vec<(String, Vec<&str>)> = memberships(&import.spec)
        .into_iter()
        .map(|(c, g)| (c.to_owned(), g))
        .collect();
    assert_eq!(got, expected);
    assert_eq!(import.spec.groups.len(), 1);
    assert!(import.spec.groups[0].parents.is_empty());
    // Only `Is Related To` is kept aside, as every type other than `isChildOf` is, as
    // written.
    let kept: Vec<(&str, &str)> = (import.report.associations.iter())
        .map(|a| {
            let a = &a.association;
            (a.identifier.as_str(), a.association_type.as_str())
        })
        .collect();
    assert_eq!(kept, [(uuid("e27", 5).as_str(), "Is Related To")]);
    assert!(import.report.dropped.is_empty(), "{:?}", import.report);
    assert!(
        import.report.dropped_fields.is_empty(),
        "{:?}",
        import.report
    );
    // Export writes CASE's name, and the round trip gives the same spec.
    let package = exported(&import);
    let edges = child_of_edges(&package);
    assert_eq!(edges.len(), 4, "{edges:?}");
    let again = CaseImport::from_json(&package.to_json(), &CaseImportOptions::default()).unwrap();
    assert_eq!(again.spec, import.spec);
    assert!(again.report.is_complete(), "{:?}", again.report);
    Framework::new(import.spec).unwrap();
}

const AS_NUMBERS: &str = include_str!("../data/cases/case/62-association-types-as-numbers.json");

#[test]
fn association_types_as_numbers_are_refused_naming_the_association_and_field() {
    // CASE defines `associationType` as a token of an extensible vocabulary, and no
    // version numbers it. Models in public code number the tokens for their own use, in
    // different orders (the `Ims.Case.Model` client of sped-tx.net: `isChildOf` = 1,
    // `isPeerOf` = 2, …; `OpenCredentialPublisher`'s CLR model: `exactMatchOf` = 1,
    // `isChildOf` = 4), and both write the token. A number read as a type would be a
    // guess: each is refused, by the association's place and the field.
    let errors = import_refused(AS_NUMBERS);
    let field = |i: usize| Error::CaseFieldType {
        path: format!("CFAssociations[{i}].associationType"),
        found: "an integer",
        expected: "a string",
    };
    assert_eq!(errors, [field(1), field(2)]);
    assert_eq!(
        errors[0].to_string(),
        "case field CFAssociations[1].associationType is an integer: expected a string"
    );
}

const TYPES_IN_WORDS: &str = include_str!("../data/cases/case/85-item-types-with-words-apart.json");

/// Item types compare as association types do: in any case, with their words apart or
/// together, separated by any whitespace (a no-break space from a spreadsheet), `_` or `-`.
/// A zero-width space makes another type, mapped by default and reported so.
#[test]
fn item_types_with_words_apart_map_as_written_together() {
    use karmayogi::{CaseItemMapping, CompetencyType};
    let import: CaseImport = import(TYPES_IN_WORDS);
    let types: Vec<(&str, CompetencyType)> = (import.spec.competencies.iter())
        .map(|c| (c.id.as_str(), c.kind))
        .collect();
    assert_eq!(
        types,
        [
            (uuid("c00", 1).as_str(), CompetencyType::Behavioural),
            (uuid("c00", 2).as_str(), CompetencyType::Behavioural),
            (uuid("c00", 3).as_str(), CompetencyType::Domain),
            (uuid("c00", 4).as_str(), CompetencyType::Functional),
        ]
    );
    let uses: Vec<(Option<&str>, CaseItemMapping, bool)> = (import.report.item_types.iter())
        .map(|u| (u.item_type.as_deref(), u.mapping, u.by_default))
        .collect();
    let behavioural = CaseItemMapping::Competency(CompetencyType::Behavioural);
    assert_eq!(
        uses,
        [
            (Some("Behavioural_Competency"), behavioural, false),
            (Some("Behavioural\u{a0}Competency"), behavioural, false),
            (
                Some("Functional\u{200b}Competency"),
                CaseItemMapping::Competency(CompetencyType::Functional),
                true
            ),
            (
                Some("domain-competency"),
                CaseItemMapping::Competency(CompetencyType::Domain),
                false
            ),
        ]
    );
    // `is\u{a0}Child\u{a0}Of` is `isChildOf`: used, nothing kept aside.
    assert!(import.report.associations.is_empty(), "{:?}", import.report);
    assert!(import.report.dropped.is_empty(), "{:?}", import.report);
}
