//! Multilingual text beyond item statements (`tests/data/cases/case/22`): publishers who
//! write `fullStatement` as a language map write the document's `title` and `creator`
//! and the rubric levels' `quality` and `description` so too (language maps and JSON-LD
//! lists). Each is read in one language, as statements are, and every other language is
//! reported by its field and tag; the document exports without being given a title.

use karmayogi::{
    CaseElement, CaseExportOptions, CaseFieldReason, CaseImport, CaseImportOptions, CasePackage,
    Framework, LevelDescriptor,
};

const MULTILINGUAL: &str = include_str!("../data/cases/case/22-multilingual-title-and-levels.json");

const DOC: &str = "d0000000-0000-4000-8000-000000000001";
const ITEM: &str = "c0000000-0000-4000-8000-000000000001";

fn level(n: u8) -> String {
    format!("b3000000-0000-4000-8000-00000000000{n}")
}

#[test]
fn titles_and_level_texts_in_several_languages_are_read_in_one() {
    let import = CaseImport::from_json(MULTILINGUAL, &CaseImportOptions::default())
        .unwrap_or_else(|e| panic!("{e}"));
    let document = &import.report.document;
    assert_eq!(document.title, "Competency framework");
    assert_eq!(document.creator, "Capacity Building Commission");
    assert!(document.extra.is_empty(), "{:?}", document.extra);

    let competency = &import.spec.competencies[0];
    assert_eq!(competency.name, "Resolves citizens' grievances.");
    let described = |level: u8, name: &str, description: &str| LevelDescriptor {
        level,
        name: Some(name.to_owned()),
        level_name: None,
        description: description.to_owned(),
    };
    assert_eq!(
        competency.levels,
        [
            described(1, "Basic", "Logs a grievance."),
            described(2, "Proficient", "Resolves a grievance.")
        ]
    );
    assert_eq!(competency.max_level, None);

    // Every Hindi text is reported, by its element, field and tag: nothing else is.
    let no_place = CaseFieldReason::NoPlace;
    let fields: Vec<(CaseElement, String, String, CaseFieldReason)> =
        (import.report.dropped_fields.iter())
            .map(|f| (f.element, f.identifier.clone(), f.field.clone(), f.reason))
            .collect();
    let field = |element, id: &str, name: &str| (element, id.to_owned(), name.to_owned(), no_place);
    assert_eq!(
        fields,
        [
            field(CaseElement::Document, DOC, "creator.hi"),
            field(CaseElement::Document, DOC, "title.hi"),
            field(CaseElement::Item, ITEM, "fullStatement.hi"),
            field(CaseElement::Level, &level(1), "description.hi"),
            field(CaseElement::Level, &level(1), "quality.hi"),
            field(CaseElement::Level, &level(2), "description.hi"),
            field(CaseElement::Level, &level(2), "quality.hi"),
        ]
    );
    assert!(
        import.report.dropped.is_empty(),
        "{:?}",
        import.report.dropped
    );

    // The document read exports as it is, and the export imports again to the same spec.
    let framework = Framework::new(import.spec.clone()).expect("the spec builds");
    let package = CasePackage::from_framework(&framework, document, &CaseExportOptions::default())
        .unwrap_or_else(|e| panic!("{e:?}"));
    let again = CaseImport::from_json(&package.to_json(), &CaseImportOptions::default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again.spec, import.spec);
    assert!(again.report.is_complete(), "{:?}", again.report);
}

/// An item type written in several languages is read in one, as statements are: the area
/// stays an area (not a free group), and the field is reported as a link's is.
#[test]
fn an_item_type_in_several_languages_is_read_in_one() {
    let json = r#"{
      "CFDocument": {"identifier": "d0000000-0000-4000-8000-000000000001", "creator": "Board",
                     "title": "Framework", "lastChangeDateTime": "2024-01-01T00:00:00Z"},
      "CFItems": [
        {"identifier": "a0000000-0000-4000-8000-000000000001", "fullStatement": "Governance",
         "CFItemType": {"en": "Area", "hi": "क्षेत्र"}},
        {"identifier": "c0000000-0000-4000-8000-000000000001", "fullStatement": "Drafts notes.",
         "CFItemType": {"@value": "Functional Competency", "@language": "en"}}
      ],
      "CFAssociations": [
        {"identifier": "e0000000-0000-4000-8000-000000000001", "associationType": "isChildOf",
         "originNodeURI": {"identifier": "c0000000-0000-4000-8000-000000000001"},
         "destinationNodeURI": {"identifier": "a0000000-0000-4000-8000-000000000001"}}
      ]
    }"#;
    let import = CaseImport::from_json(json, &CaseImportOptions::default())
        .unwrap_or_else(|e| panic!("{e}"));
    let groups: Vec<(&str, karmayogi::GroupKind)> = (import.spec.groups.iter())
        .map(|g| (g.name.as_str(), g.kind))
        .collect();
    assert_eq!(groups, [("Governance", karmayogi::GroupKind::Area)]);
    assert_eq!(
        import.spec.competencies[0].kind,
        karmayogi::CompetencyType::Functional
    );
    let fields: Vec<(&str, &str, CaseFieldReason)> = (import.report.dropped_fields.iter())
        .map(|f| (f.identifier.as_str(), f.field.as_str(), f.reason))
        .collect();
    assert_eq!(
        fields,
        [
            (
                "a0000000-0000-4000-8000-000000000001",
                "CFItemType",
                CaseFieldReason::NoPlace
            ),
            (
                "c0000000-0000-4000-8000-000000000001",
                "CFItemType",
                CaseFieldReason::NoPlace
            ),
        ]
    );
}
