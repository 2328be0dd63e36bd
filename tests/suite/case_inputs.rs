//! CASE packages in shapes real servers and publishers write that earlier fixtures lacked
//! (`tests/data/cases/case/15` to `18` and `21`, `tests/data/cases/scales/13` and `14`): a
//! package without its `CFDocument`, as CASE API endpoints answer, or with several; JSON-LD
//! language lists; UUIDs in braces and item types written as links; `null` at list
//! positions; a rubric criterion with no scores at all; level labels with Roman numerals
//! and letter grades with `+` and `-`. Each test asserts what is imported, what is
//! reported, and a round trip.

use karmayogi::{
    CaseDropReason, CaseElement, CaseExportOptions, CaseFieldReason, CaseImport, CaseImportOptions,
    CaseLevelRule, CasePackage, CaseScoreOrder, CaseScoreReading, Error, Framework, Level,
};
use serde_json::{Value, json};

const NO_DOCUMENT: &str = include_str!("../data/cases/case/15-no-cfdocument.json");
const LANGUAGE_LISTS: &str = include_str!("../data/cases/case/16-json-ld-language-lists.json");
const BRACED: &str = include_str!("../data/cases/case/17-braced-uuids-and-type-objects.json");
const NULL_POSITIONS: &str = include_str!("../data/cases/case/18-null-at-list-positions.json");
const SEVERAL_DOCUMENTS: &str = include_str!("../data/cases/case/21-several-documents.json");
const NO_SCORES: &str = include_str!("../data/cases/scales/13-criterion-without-scores.json");
const LABELS: &str = include_str!("../data/cases/scales/14-level-labels-and-grade-modifiers.json");

const DOC: &str = "d0000000-0000-4000-8000-000000000001";
const AREA: &str = "a0000000-0000-4000-8000-000000000001";

fn c(n: u8) -> String {
    format!("c0000000-0000-4000-8000-00000000000{n}")
}

fn import(json: &str) -> CaseImport {
    CaseImport::from_json(json, &CaseImportOptions::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn errors(json: &str) -> Vec<Error> {
    match CaseImport::from_json(json, &CaseImportOptions::default()) {
        Ok(_) => panic!("expected errors"),
        Err(e) => e.into_vec(),
    }
}

fn dropped(import: &CaseImport) -> Vec<(CaseElement, String, CaseDropReason)> {
    (import.report.dropped.iter())
        .map(|d| (d.element, d.identifier.clone(), d.reason))
        .collect()
}

fn fields(import: &CaseImport) -> Vec<(CaseElement, String, String, CaseFieldReason)> {
    (import.report.dropped_fields.iter())
        .map(|f| (f.element, f.identifier.clone(), f.field.clone(), f.reason))
        .collect()
}

/// Exports the import's spec with its document (given a creator and a time stamp when it
/// lacks them) and imports the export again: the spec must come back the same.
#[track_caller]
fn round_trip(import: &CaseImport) -> CaseImport {
    let framework = Framework::new(import.spec.clone()).expect("the spec builds");
    let mut document = import.report.document.clone();
    if document.creator.is_empty() {
        "Example Board".clone_into(&mut document.creator);
    }
    if document.last_change_date_time.is_empty() {
        "2024-03-01T10:15:00+00:00".clone_into(&mut document.last_change_date_time);
    }
    let package = CasePackage::from_framework(&framework, &document, &CaseExportOptions::default())
        .unwrap_or_else(|e| panic!("{e:?}"));
    let again = self::import(&package.to_json());
    assert_eq!(again.spec, import.spec);
    again
}

// case/15: items and associations alone, each naming the document in `CFDocumentURI`.

#[test]
fn a_package_without_a_document_is_read_as_the_document_its_elements_name() {
    let import = import(NO_DOCUMENT);
    let document = &import.report.document;
    assert_eq!(document.identifier, DOC);
    assert_eq!(document.title, "Office procedure");
    assert_eq!(
        document.uri,
        format!("https://case.example.org/ims/case/v1p0/CFDocuments/{DOC}")
    );
    // The area and the competency in it, placed under the document: both `isChildOf`
    // associations are used, none is kept aside as a crosswalk.
    assert_eq!(import.spec.competencies.len(), 1);
    assert_eq!(import.spec.competencies[0].id.as_str(), c(1));
    assert_eq!(import.spec.competencies[0].groups[0].as_str(), AREA);
    assert_eq!(import.spec.groups[0].id.as_str(), AREA);
    assert!(import.report.associations.is_empty());
    assert!(import.report.dropped.is_empty());
    // What the package lacks is reported, the `CFDocumentURI` links that name the
    // document are not (they say nothing the document does not).
    let missing = CaseFieldReason::Missing;
    assert_eq!(
        fields(&import),
        [
            (
                CaseElement::Package,
                DOC.to_owned(),
                "CFDocument".to_owned(),
                missing
            ),
            (
                CaseElement::Document,
                DOC.to_owned(),
                "creator".to_owned(),
                missing
            ),
            (
                CaseElement::Document,
                DOC.to_owned(),
                "lastChangeDateTime".to_owned(),
                missing
            ),
        ]
    );
    assert!(!import.report.is_complete());
    // Given a creator and a time, the document exports, and the export is complete.
    let again = round_trip(&import);
    assert!(again.report.is_complete(), "{:?}", again.report);
    assert_eq!(again.report.document.identifier, DOC);
}

#[test]
fn a_package_without_a_document_naming_none_or_several_is_refused_naming_them() {
    let mut package: Value = serde_json::from_str(NO_DOCUMENT).unwrap();
    let other = "d0000000-0000-4000-8000-000000000002";
    package["CFItems"][1]["CFDocumentURI"]["identifier"] = json!(other.to_uppercase());
    let found = errors(&package.to_string());
    // Sorted, as written.
    let documents = vec![other.to_uppercase(), DOC.to_owned()];
    assert_eq!(found, [Error::CaseMissingDocument { documents }]);
    assert_eq!(
        found[0].to_string(),
        format!(
            "case package has no CFDocument, and its elements name 2 documents in \
             CFDocumentURI: `{}`, `{DOC}`: expected one",
            other.to_uppercase()
        )
    );
    // One document written in two spellings of its UUID is one document.
    package["CFItems"][1]["CFDocumentURI"]["identifier"] =
        json!(format!("urn:uuid:{}", DOC.to_uppercase()));
    assert_eq!(import(&package.to_string()).report.document.identifier, DOC);
    // Nothing names a document.
    for element in ["CFItems", "CFAssociations"] {
        for e in package[element].as_array_mut().unwrap() {
            e.as_object_mut().unwrap().remove("CFDocumentURI");
        }
    }
    let found = errors(&package.to_string());
    assert_eq!(
        found,
        [Error::CaseMissingDocument {
            documents: Vec::new()
        }]
    );
    assert_eq!(found[0].to_string(), "case package has no CFDocument");
}

// case/16: statements written as JSON-LD language lists and value objects.

#[test]
fn json_ld_language_lists_are_read_like_language_maps() {
    let import = import(LANGUAGE_LISTS);
    let named: Vec<(&str, &str, &str)> = (import.spec.competencies.iter())
        .map(|c| (c.id.as_str(), c.name.as_str(), c.description.as_str()))
        .collect();
    assert_eq!(
        named,
        [
            (
                c(1).as_str(),
                "Noting and drafting",
                "Writes clear notes and drafts replies on files."
            ),
            (c(2).as_str(), "Keeps files in order.", ""),
            // No English: the first tag in byte order.
            (c(3).as_str(), "नागरिकों की शिकायतों का निवारण करता है।", ""),
        ]
    );
    // Each other language is reported by its tag; `null` holds nothing.
    let no_place = CaseFieldReason::NoPlace;
    assert_eq!(
        fields(&import),
        [
            (
                CaseElement::Item,
                c(1),
                "abbreviatedStatement.hi".to_owned(),
                no_place
            ),
            (
                CaseElement::Item,
                c(1),
                "fullStatement.hi".to_owned(),
                no_place
            ),
            (
                CaseElement::Item,
                c(3),
                "fullStatement.mr".to_owned(),
                no_place
            ),
        ]
    );
    assert!(import.report.dropped.is_empty());
    assert!(round_trip(&import).report.is_complete());
}

// case/17: UUIDs in braces and upper case, item types written as link objects.

#[test]
fn braced_uuids_resolve_and_item_types_written_as_links_give_their_title() {
    let import = import(BRACED);
    assert_eq!(import.spec.competencies.len(), 1);
    let competency = &import.spec.competencies[0];
    assert_eq!(competency.id.as_str(), c(1));
    assert_eq!(competency.kind, karmayogi::CompetencyType::Functional);
    assert_eq!(competency.groups[0].as_str(), AREA);
    assert_eq!(import.spec.groups[0].kind, karmayogi::GroupKind::Area);
    assert!(import.report.associations.is_empty());
    assert!(import.report.item_types.iter().all(|t| !t.by_default));
    // The link to each type's definition is not kept; the title was used.
    let no_place = CaseFieldReason::NoPlace;
    let (a, c1) = (
        "{A0000000-0000-4000-8000-000000000001}",
        "{C0000000-0000-4000-8000-000000000001}",
    );
    assert_eq!(
        fields(&import),
        [
            (
                CaseElement::Item,
                a.to_owned(),
                "CFItemType".to_owned(),
                no_place
            ),
            (
                CaseElement::Item,
                c1.to_owned(),
                "CFItemType".to_owned(),
                no_place
            ),
            (
                CaseElement::Item,
                c1.to_owned(),
                "educationLevel".to_owned(),
                no_place
            ),
        ]
    );
    // The document's identifier is written canonically on export.
    let again = round_trip(&import);
    assert_eq!(again.report.document.identifier, DOC);
    assert!(again.report.is_complete(), "{:?}", again.report);
    // The same UUID without braces on another item is the same identifier.
    let mut package: Value = serde_json::from_str(BRACED).unwrap();
    let copy = json!({"identifier": c(1), "fullStatement": "Another."});
    package["CFItems"].as_array_mut().unwrap().push(copy);
    assert_eq!(
        errors(&package.to_string()),
        [Error::CaseDuplicateIdentifier {
            identifier: c(1),
            path: "CFItems[2]".to_owned(),
            earlier: c1.to_owned(),
            earlier_path: "CFItems[1]".to_owned(),
        }]
    );
}

// case/18: lists written as objects keyed by position, with `null` at some positions.

#[test]
fn null_at_a_list_position_is_an_absent_element() {
    let import = import(NULL_POSITIONS);
    assert!(import.report.is_complete(), "{:?}", import.report);
    let levels: Vec<(u8, Option<&str>)> = (import.spec.competencies[0].levels.iter())
        .map(|l| (l.level, l.name.as_deref()))
        .collect();
    assert_eq!(levels, [(1, Some("Basic")), (2, Some("Advanced"))]);
    assert!(round_trip(&import).report.is_complete());
}

// scales/13: criteria whose levels have display positions but no scores.

#[test]
fn a_criterion_without_scores_is_set_aside_with_its_item_as_unscored() {
    for (rule, order) in [
        (CaseLevelRule::Score, CaseScoreOrder::HigherIsBetter),
        (CaseLevelRule::Rank, CaseScoreOrder::LowerIsBetter),
    ] {
        let options = CaseImportOptions::default()
            .level_rule(rule.clone())
            .score_order(order);
        let import = CaseImport::from_json(NO_SCORES, &options).unwrap();
        // `position` is display order, never a proficiency order: no rule orders these
        // levels, so neither competency is imported on a scale its rubric does not state.
        assert!(import.spec.competencies.is_empty(), "{rule:?}");
        let level = |prefix: &str, n: u8| format!("{prefix}000000-0000-4000-8000-00000000000{n}");
        let unscored = CaseDropReason::Unscored;
        let mut expected = vec![
            (CaseElement::Item, c(1), unscored),
            (CaseElement::Item, c(2), unscored),
            (
                CaseElement::Criterion,
                "b2000000-0000-4000-8000-000000000001".to_owned(),
                unscored,
            ),
            (
                CaseElement::Criterion,
                "b2000000-0000-4000-8000-000000000002".to_owned(),
                unscored,
            ),
        ];
        expected.extend((1..=4).map(|n| (CaseElement::Level, level("b3", n), unscored)));
        expected.extend((1..=2).map(|n| (CaseElement::Level, level("b4", n), unscored)));
        assert_eq!(dropped(&import), expected, "{rule:?}");
        // The text that gave no score is reported with the fields of a wrong type.
        let wrong = CaseFieldReason::WrongType {
            found: "a string",
            expected: "a number",
        };
        assert_eq!(
            fields(&import),
            [(
                CaseElement::Level,
                level("b4", 1),
                "score".to_owned(),
                wrong
            )]
        );
        // The report lists both criteria, their levels without a score or a level.
        assert_eq!(import.report.scales.len(), 2);
        assert!(
            (import.report.scales.iter())
                .flat_map(|s| &s.levels)
                .all(|l| l.score.is_none() && l.level.is_none())
        );
    }
}

// scales/14: Roman numerals in level labels, letter grades with `+` and `-`, and a label
// of numerals among numbers.

#[test]
fn level_labels_and_graded_letters_are_read_when_the_criterion_uses_one_scheme() {
    let import = import(LABELS);
    let levels = |n: usize| -> Vec<(u8, String)> {
        (import.spec.competencies[n].levels.iter())
            .map(|l| (l.level, l.name.clone().unwrap_or_default()))
            .collect()
    };
    let owned = |v: &[(u8, &str)]| -> Vec<(u8, String)> {
        v.iter().map(|&(l, n)| (l, n.to_owned())).collect()
    };
    assert_eq!(
        levels(0),
        owned(&[
            (1, "Foundation"),
            (2, "Intermediate"),
            (3, "Advanced"),
            (4, "Expert")
        ])
    );
    // Grades with modifiers, in their order: the lowest used scores 1.
    assert_eq!(
        levels(1),
        owned(&[
            (1, "Satisfactory"),
            (2, "Good"),
            (3, "Very good"),
            (4, "Excellent"),
            (5, "Outstanding")
        ])
    );
    // `Level 2` and `L3` are numbers, so `Level I` is not read as a numeral among them.
    assert_eq!(levels(2), owned(&[(2, "Intermediate"), (3, "Advanced")]));
    assert_eq!(import.spec.competencies[2].min_level, Some(2));
    let readings: Vec<CaseScoreReading> = import.report.scales.iter().map(|s| s.reading).collect();
    assert_eq!(
        readings,
        [
            CaseScoreReading::RomanNumerals,
            CaseScoreReading::Letters,
            CaseScoreReading::Numbers
        ]
    );
    let written: Vec<Option<&str>> = (import.report.scales[0].levels.iter())
        .map(|l| l.written.as_deref())
        .collect();
    assert_eq!(
        written,
        [
            Some("Level I"),
            Some("Level II"),
            Some("Level III"),
            Some("Level IV")
        ]
    );
    let first = "b5000000-0000-4000-8000-000000000001".to_owned();
    assert_eq!(
        dropped(&import),
        [(CaseElement::Level, first.clone(), CaseDropReason::Unscored)]
    );
    let wrong = CaseFieldReason::WrongType {
        found: "a string",
        expected: "a number",
    };
    assert_eq!(
        fields(&import),
        [(CaseElement::Level, first, "score".to_owned(), wrong)]
    );
    let scores: Vec<Option<Level>> = (import.report.scales[1].levels.iter())
        .map(|l| l.level)
        .collect();
    assert_eq!(
        scores,
        (1..=5).map(|n| Level::new(n).ok()).collect::<Vec<_>>()
    );
    assert!(round_trip(&import).report.is_complete());
}

// case/19: links whose `identifier` names nothing in the package (a code, a document's
// code) while their `uri` names an element of it; and a crosswalk to another framework.

const DISAGREE: &str = include_str!("../data/cases/case/19-link-identifier-and-uri-disagree.json");

#[test]
fn a_link_whose_identifier_names_nothing_here_resolves_by_its_uri_and_says_so() {
    let import = import(DISAGREE);
    // The competency is in its area, and the area under the document.
    assert_eq!(import.spec.competencies[0].groups[0].as_str(), AREA);
    assert!(import.spec.groups[0].parents.is_empty());
    // Only the crosswalk, whose `uri` names nothing here either, is kept aside.
    let kept: Vec<&str> = (import.report.associations.iter())
        .map(|k| k.association.identifier.as_str())
        .collect();
    assert_eq!(kept, ["e0000000-0000-4000-8000-000000000003"]);
    // The identifiers written are not carried: each is reported, superseded by the uri.
    let by_uri = CaseFieldReason::Superseded { by: "uri" };
    assert_eq!(
        fields(&import),
        [
            (
                CaseElement::Association,
                "e0000000-0000-4000-8000-000000000001".to_owned(),
                "destinationNodeURI.identifier".to_owned(),
                by_uri
            ),
            (
                CaseElement::Association,
                "e0000000-0000-4000-8000-000000000002".to_owned(),
                "originNodeURI.identifier".to_owned(),
                by_uri
            ),
        ]
    );
    let again = round_trip(&import);
    assert!(again.report.is_complete(), "{:?}", again.report);
}

// case/20: a link whose identifier names one area and whose `uri` another.

const CROSSED: &str =
    include_str!("../data/cases/case/20-link-identifier-and-uri-name-different-items.json");

#[test]
fn a_link_whose_identifier_and_uri_name_different_items_follows_the_identifier_and_says_so() {
    let import = import(CROSSED);
    // The competency is under the area its link's identifier names.
    assert_eq!(import.spec.competencies[0].groups[0].as_str(), AREA);
    // The `uri`, naming the other area, is not followed and not dropped in silence.
    assert_eq!(
        fields(&import),
        [(
            CaseElement::Association,
            "e0000000-0000-4000-8000-000000000003".to_owned(),
            "destinationNodeURI.uri".to_owned(),
            CaseFieldReason::Superseded { by: "identifier" }
        )]
    );
    assert!(!import.report.is_complete());
    let again = round_trip(&import);
    assert!(again.report.is_complete(), "{:?}", again.report);
}

// case/21: a `CFDocument` listing two documents, as a server answering with every version
// of a framework writes it.

#[test]
fn a_document_list_of_several_is_refused_naming_each_and_a_list_of_one_is_read() {
    let errors = errors(SEVERAL_DOCUMENTS);
    assert_eq!(
        errors,
        [Error::CaseSeveralDocuments {
            documents: vec![
                DOC.to_owned(),
                "d0000000-0000-4000-8000-000000000002".to_owned()
            ],
        }]
    );
    assert_eq!(
        errors[0].to_string(),
        "case package holds 2 CFDocuments: `d0000000-0000-4000-8000-000000000001`, \
         `d0000000-0000-4000-8000-000000000002`: expected one, a package is one framework"
    );
    // A document without an identifier is named by its place; invisible characters show;
    // `null`s are absent documents.
    let mut package: Value = serde_json::from_str(SEVERAL_DOCUMENTS).unwrap();
    package["CFDocument"][0]["identifier"] = json!("d1\u{200b}");
    package["CFDocument"][1]["identifier"] = json!(" ");
    package["CFDocument"]
        .as_array_mut()
        .unwrap()
        .insert(1, Value::Null);
    let errors = self::errors(&package.to_string());
    assert_eq!(
        errors,
        [Error::CaseSeveralDocuments {
            documents: vec!["d1\u{200b}".to_owned(), "CFDocument[2]".to_owned()],
        }]
    );
    assert!(
        errors[0]
            .to_string()
            .contains(r#""d1\u{200b}", `CFDocument[2]`"#)
    );
    // One document among `null`s is that document, as in any list.
    let mut package: Value = serde_json::from_str(SEVERAL_DOCUMENTS).unwrap();
    package["CFDocument"][1] = Value::Null;
    package["CFItems"].as_array_mut().unwrap().pop();
    let import = import(&package.to_string());
    assert_eq!(import.report.document.identifier, DOC);
    assert_eq!(import.spec.competencies.len(), 1);
    round_trip(&import);
}
