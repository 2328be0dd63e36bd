//! CASE 1.1's `hasSkillLevel` associations (case/95): an item linked to the items that
//! are its proficiency levels. Those level items were imported as competencies of their
//! own; they are now the competency's level descriptors, placed by the association's
//! `sequenceNumber`, else the level item's `listEnumeration`, else the number its name
//! carries, and a level item the package gives no number is set aside and reported with
//! its identifier. The export of the framework imports again to the same levels.

use crate::support::named_level as level;
use karmayogi::{
    CaseDropReason, CaseElement, CaseExportOptions, CaseImport, CaseImportOptions, CasePackage,
    Framework, LevelDescriptor,
};

const PACKAGE: &str = include_str!("../data/cases/case/95-skill-level-items.json");

const DRAFTING: &str = "c9500000-0000-4000-8000-000000000001";
const RTI: &str = "c9500000-0000-4000-8000-000000000002";
const FILES: &str = "c9500000-0000-4000-8000-000000000003";

/// The levels each competency has, read by hand from the package.
fn expected() -> Vec<(&'static str, Vec<LevelDescriptor>)> {
    vec![
        (
            DRAFTING,
            vec![
                level(1, "Beginning", "Drafts a simple note with guidance."),
                level(2, "Developing", "Drafts routine notes alone."),
                level(3, "Proficient", "Drafts notes on complex cases."),
                level(4, "Accomplished", "Reviews and improves others' drafts."),
            ],
        ),
        (
            RTI,
            vec![
                // `listEnumeration` 1 and II, and the number in `Level 3: Decides appeals`.
                level(1, "Knows the Act exists", ""),
                level(2, "Answers routine requests", ""),
                level(3, "Level 3: Decides appeals", ""),
            ],
        ),
        // The level item it shares with drafting; its other one has no number.
        (
            FILES,
            vec![level(1, "Beginning", "Drafts a simple note with guidance.")],
        ),
    ]
}

/// How a skill level was read: its association (the last two digits of its identifier),
/// number, where the number was read, and level.
type How<'a> = (&'a str, Option<i64>, Option<&'a str>, Option<u8>);

/// A competency's id, descriptors, `min_level` and `max_level`.
type Levels = (String, Vec<LevelDescriptor>, Option<u8>, Option<u8>);

fn levels_of(import: &CaseImport) -> Vec<Levels> {
    (import.spec.competencies.iter())
        .map(|c| (c.id.to_string(), c.levels.clone(), c.min_level, c.max_level))
        .collect()
}

#[test]
fn skill_level_items_are_the_competency_s_levels_not_competencies() {
    let import = CaseImport::from_json(PACKAGE, &CaseImportOptions::default()).expect("imports");
    let want: Vec<_> = (expected().into_iter())
        .map(|(id, levels)| (id.to_owned(), levels, None, None))
        .collect();
    assert_eq!(levels_of(&import), want);
    // Nothing is left of the level items among competencies, and no `hasSkillLevel`
    // association is kept aside unread.
    assert!(
        import.report.associations.is_empty(),
        "{:?}",
        import.report.associations
    );
    let dropped: Vec<(CaseElement, &str, CaseDropReason)> = (import.report.dropped.iter())
        .map(|d| (d.element, d.identifier.as_str(), d.reason))
        .collect();
    assert_eq!(
        dropped,
        [
            (
                CaseElement::Item,
                "f9500000-0000-4000-8000-000000000001",
                CaseDropReason::UnreadSkillLevel
            ),
            (
                CaseElement::Association,
                "a9500000-0000-4000-8000-000000000009",
                CaseDropReason::UnreadSkillLevel
            ),
        ]
    );
    // Every association is accounted for: nine read as levels (one set aside), none kept.
    let read = &import.report.skill_levels;
    assert_eq!(read.len(), 9);
    let how: Vec<How<'_>> = (read.iter())
        .map(|s| {
            let level = s.level.map(karmayogi::Level::get);
            (&s.association[34..], s.number, s.source, level)
        })
        .collect();
    assert_eq!(
        how,
        [
            ("01", Some(1), Some("sequenceNumber"), Some(1)),
            ("02", Some(2), Some("sequenceNumber"), Some(2)),
            ("03", Some(3), Some("sequenceNumber"), Some(3)),
            ("04", Some(4), Some("sequenceNumber"), Some(4)),
            ("05", Some(1), Some("listEnumeration"), Some(1)),
            ("06", Some(2), Some("listEnumeration"), Some(2)),
            ("07", Some(3), Some("name"), Some(3)),
            ("08", Some(1), Some("sequenceNumber"), Some(1)),
            ("09", None, None, None),
        ]
    );
    assert!(read.iter().all(|s| s.competency.is_some()));
    // The counts add up: the package's 11 items are 3 competencies, 7 level items giving
    // a level (one of them to two competencies) and 1 set aside; its 9 associations are
    // the 9 skill levels read.
    let mut level_items: Vec<&str> = (read.iter())
        .filter(|s| s.level.is_some())
        .map(|s| s.level_item.as_str())
        .collect();
    level_items.sort_unstable();
    level_items.dedup();
    let items_dropped = (import.report.dropped.iter())
        .filter(|d| d.element == CaseElement::Item)
        .count();
    let package: serde_json::Value = serde_json::from_str(PACKAGE).expect("json");
    let items = package["CFItems"].as_array().expect("items").len();
    let associations = package["CFAssociations"]
        .as_array()
        .expect("associations")
        .len();
    assert_eq!(
        (
            import.spec.competencies.len(),
            level_items.len(),
            items_dropped
        ),
        (3, 7, 1)
    );
    assert_eq!(items, 3 + 7 + 1);
    assert_eq!(associations, read.len());
}

#[test]
fn an_export_of_skill_levels_imports_again_to_the_same_levels() {
    let import = CaseImport::from_json(PACKAGE, &CaseImportOptions::default()).expect("imports");
    let framework = Framework::new(import.spec.clone()).expect("valid");
    let package = CasePackage::from_framework(
        &framework,
        &import.report.document,
        &CaseExportOptions::default(),
    )
    .expect("exports");
    let again = CaseImport::from_json(&package.to_json(), &CaseImportOptions::default())
        .expect("imports again");
    assert_eq!(levels_of(&again), levels_of(&import));
}
