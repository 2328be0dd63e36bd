//! The CASE round trip on generated frameworks: odd text (very long, over several lines,
//! right-to-left with bidi marks), lookalike ids (a Cyrillic `а` for a Latin `a`, a UUID
//! in upper and in lower case), groups of the same name under different parents, areas
//! beside groups, competencies in no group, and levels described only at some levels.
//! Exported and imported again, under either `CaseIds`, the framework's dictionary comes
//! back whole and the import is complete; an export refused names only text a
//! `NormalizedString` cannot hold.

use std::collections::{BTreeMap, BTreeSet};

use karmayogi::{
    CaseDocument, CaseExportOptions, CaseIds, CaseImport, CaseImportOptions, CasePackage, Error,
    Framework,
};
use proptest::prelude::*;
use serde_json::{Value, json};

const IDS: [&str; 8] = [
    "drafting",
    "dr\u{0430}fting",
    "Drafting",
    "office.procedure",
    "6f1c1e1e-5a9b-4c3d-8e2f-0a1b2c3d4e5f",
    "6F1C1E1E-5A9B-4C3D-8E2F-0A1B2C3D4E5F",
    "https://example.org/c/1",
    "RTI 2005",
];

/// Names and descriptions: plain, repeated, right-to-left with marks, very long, blank,
/// and one in `1 + on_lines` over several lines (CASE holds a name so only as a
/// `fullStatement`, when there is no description).
fn text(on_lines: u32) -> impl Strategy<Value = String> {
    let one_line = prop_oneof![
        Just("Noting and drafting".to_owned()),
        Just("Office procedure".to_owned()),
        Just(
            "\u{202B}\u{0627}\u{0644}\u{0645}\u{0643}\u{062A}\u{0628}\u{202C} (office)".to_owned()
        ),
        Just("Right to Information\u{200F}".to_owned()),
        Just(" ".to_owned()),
        Just(String::new()),
        (1usize..400).prop_map(|n| "Procurement ".repeat(n)),
    ];
    let several = prop_oneof![
        Just("Line one\nline two".to_owned()),
        Just("Tab\tseparated".to_owned()),
        Just("Carriage\r\nreturn".to_owned()),
    ];
    prop_oneof![on_lines => one_line, 1 => several]
}

fn name() -> impl Strategy<Value = String> {
    text(40).prop_filter("a name shows something", |t| !t.trim().is_empty())
}

fn levels() -> impl Strategy<Value = ((u8, u8), Vec<Value>)> {
    let range = prop_oneof![Just((1u8, 5u8)), Just((1, 3)), Just((2, 5)), Just((1, 4))];
    (
        range,
        proptest::collection::vec((any::<bool>(), proptest::option::of(name()), text(2)), 5),
    )
        .prop_map(|((min, max), described)| {
            let levels = (min..=max)
                .zip(described)
                .filter(|(_, (kept, ..))| *kept)
                .map(|(level, (_, name, description))| match name {
                    Some(name) => json!({"level": level, "name": name, "description": description}),
                    None => json!({"level": level, "description": description}),
                })
                .collect();
            ((min, max), levels)
        })
}

/// A framework's JSON: up to 4 groups (each under some earlier ones), 1 to 6
/// competencies with ids from [`IDS`], in some groups and an area or none.
fn framework() -> impl Strategy<Value = Value> {
    let groups = proptest::collection::vec((name(), text(2), 0usize..4, any::<u8>()), 0..4);
    let competencies = proptest::collection::vec(
        (
            name(),
            text(2),
            0usize..3,
            proptest::option::of(prop_oneof![Just("Office procedure"), Just("Finance")]),
            any::<u8>(),
            levels(),
        ),
        1..6,
    );
    (
        groups,
        competencies,
        proptest::sample::subsequence(IDS.to_vec(), 6),
    )
        .prop_map(|(groups, competencies, ids)| {
            let kinds = ["area", "theme", "sub_theme", "free"];
            let group_ids: Vec<String> = (0..groups.len()).map(|g| format!("g{g}")).collect();
            let in_some = |mask: u8, upto: usize| -> Vec<&String> {
                (0..upto)
                    .filter(|i| mask >> i & 1 == 1)
                    .map(|i| &group_ids[i])
                    .collect()
            };
            let groups: Vec<Value> = (groups.iter().enumerate())
                .map(|(g, (name, description, kind, parents))| {
                    json!({"id": group_ids[g], "name": name, "description": description,
                           "kind": kinds[*kind], "parents": in_some(*parents, g)})
                })
                .collect();
            let types = ["behavioural", "functional", "domain"];
            let competencies: Vec<Value> = (competencies.iter().zip(&ids))
                .map(
                    |((name, description, kind, area, member, ((min, max), levels)), id)| {
                        let mut c = json!({"id": id, "name": name, "description": description,
                        "type": types[*kind], "groups": in_some(*member, group_ids.len()),
                        "min_level": min, "max_level": max, "levels": levels});
                        if let Some(area) = area {
                            c["area"] = json!(area);
                        }
                        c
                    },
                )
                .collect();
            json!({"format_version": 2, "groups": groups, "competencies": competencies})
        })
}

type Levels = Vec<(u8, Option<String>, String)>;

/// The ids of `groups`, as a set.
fn strings(groups: &[&karmayogi::GroupId]) -> BTreeSet<String> {
    groups.iter().map(ToString::to_string).collect()
}

/// What a round trip keeps of a framework: per competency its name, description (blank
/// as empty), type, levels, range and groups; per group its name, description, kind and
/// parents.
#[allow(clippy::type_complexity)]
fn dictionary(
    fw: &Framework,
) -> (
    BTreeMap<String, (String, String, String, Levels, String, BTreeSet<String>)>,
    BTreeMap<String, (String, String, String, BTreeSet<String>)>,
) {
    let blank = |t: &str| {
        if t.trim().is_empty() {
            String::new()
        } else {
            t.to_owned()
        }
    };
    let competencies = (fw.competencies().iter())
        .map(|c| {
            let id = c.id.as_str();
            // Blank text is no text in CASE: a level described by blank text alone is
            // undescribed, its range kept by the scores.
            let levels = (c.levels.iter())
                .map(|l| (l.level, l.name.clone(), blank(&l.description)))
                .filter(|(_, name, description)| name.is_some() || !description.is_empty())
                .collect();
            let range = format!("{:?}..{:?}", fw.min_level(id), fw.max_level(id));
            let groups = strings(&fw.groups_of(id).expect("a competency"));
            let view = (
                c.name.clone(),
                blank(&c.description),
                c.kind.to_string(),
                levels,
            );
            (
                id.to_owned(),
                (view.0, view.1, view.2, view.3, range, groups),
            )
        })
        .collect();
    let groups = (fw.groups().iter())
        .map(|g| {
            let parents = strings(&fw.parent_groups(g.id.as_str()).unwrap_or_default());
            let view = (
                g.name.clone(),
                blank(&g.description),
                g.kind.as_str().to_owned(),
            );
            (g.id.to_string(), (view.0, view.1, view.2, parents))
        })
        .collect();
    (competencies, groups)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::support::oracle_cases(256)))]

    #[test]
    fn export_then_import_keeps_the_dictionary(spec in framework()) {
        let Ok(fw) = Framework::from_json(&spec.to_string()) else {
            // Text the framework refuses (a hidden character) never reaches export.
            return Ok(());
        };
        let document = CaseDocument::new(
            "d0000000-0000-4000-8000-000000000001", "Office procedure", "DoPT",
            "2024-01-01T00:00:00Z");
        let package = match CasePackage::from_framework(&fw, &document, &CaseExportOptions::default()) {
            Ok(package) => package,
            Err(errors) => {
                for e in errors.into_vec() {
                    match &e {
                        Error::CaseTextOnSeveralLines { value, .. } => {
                            prop_assert!(value.contains(['\t', '\n', '\r']), "{e}");
                        }
                        other => prop_assert!(false, "{other}"),
                    }
                }
                return Ok(());
            }
        };
        let json = package.to_json();
        let expected = dictionary(&fw);
        for ids in [CaseIds::Identifier, CaseIds::HumanCodingScheme] {
            let import = CaseImport::from_json(&json, &CaseImportOptions::default().ids(ids))
                .map_err(|e| TestCaseError::fail(format!("{e}")))?;
            prop_assert!(import.report.is_complete(), "{:?}", import.report);
            let again = Framework::new(import.spec).expect("an imported spec builds");
            prop_assert_eq!(dictionary(&again), expected.clone());
        }
    }
}
