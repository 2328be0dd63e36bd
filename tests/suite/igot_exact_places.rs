//! What the iGOT loaders' reports name is exactly where a thing was found: a note about one
//! field of a profile entry at that field's path (igot/42), a FRAC level node set aside
//! under its own id (igot/43), and a competency's levels not narrowed by level nodes still
//! awaiting review (igot/44).

use crate::support::igot_entries;
use karmayogi::{
    EvidenceSource, FracOptions, Framework, IgotWhat, load_frac_positions, load_igot_profile,
};

/// igot/42: `LevelsDisagree`, `LevelFromName` and a kept entry's unreadable level were
/// noted at the entry's path (`…competencies[0]`), which names no field; each is now at
/// the path of the field it is about.
#[test]
fn profile_notes_name_the_field_they_are_about() {
    let json = include_str!("../data/cases/igot/42-profile-notes-at-their-fields.json");
    let load = load_igot_profile(json).expect("reads");
    let read = crate::support::evidence_read(&load.value);
    assert_eq!(
        read,
        [
            ("CID9", EvidenceSource::SelfDeclared, 3),
            ("CID12", EvidenceSource::SelfDeclared, 3),
            ("CID14", EvidenceSource::Assessment, 2),
        ]
    );
    let base = "$.profileDetails.competencies";
    let paths = [
        format!("{base}[0].competencySelfAttestedLevel"),
        format!("{base}[1].competencySelfAttestedLevelValue"),
        format!("{base}[2].competencyCBPCompletionLevel"),
    ];
    assert_eq!(
        igot_entries(&load.report.notes),
        [
            (
                paths[0].as_str(),
                "CID9",
                &IgotWhat::LevelsDisagree {
                    kept: "competencySelfAttestedLevelValue",
                    level: 3,
                    other: "competencySelfAttestedLevel",
                    other_level: 2,
                }
            ),
            (
                paths[1].as_str(),
                "CID12",
                &IgotWhat::LevelFromName {
                    name: "Advanced".into(),
                    level: 3,
                }
            ),
            (
                paths[2].as_str(),
                "CID14",
                &IgotWhat::UnreadableLevel {
                    field: "competencyCBPCompletionLevel",
                    found: "4.5".into(),
                }
            ),
        ]
    );
    assert!(
        load.report.set_aside.is_empty(),
        "{:?}",
        load.report.set_aside
    );
}

/// igot/43: a level node set aside (rejected, a level that does not read, a repeated
/// level, no level, a node of another type) was reported under its competency's id
/// (`CID12`); it is now reported under its own (`CLID61`), as every other node is.
#[test]
fn frac_level_nodes_set_aside_are_named_by_their_own_ids() {
    let json = include_str!("../data/cases/igot/43-frac-level-nodes-set-aside-by-their-ids.json");
    let load = load_frac_positions(json, &FracOptions::default()).expect("reads");
    let base = "$.children[0].children[0].children";
    let set_aside: Vec<(String, String)> = (load.report.set_aside.iter())
        .map(|e| (e.path.clone(), e.id.clone()))
        .collect();
    let want: Vec<(String, String)> = [
        (1, "CLID61"),
        (2, "CLID62"),
        (3, "CLID63"),
        (4, "CLID64"),
        (5, "KRID5"),
    ]
    .into_iter()
    .map(|(k, id)| (format!("{base}[{k}]"), id.to_owned()))
    .collect();
    assert_eq!(set_aside, want);
    let competency = &load.value.competencies[0];
    assert_eq!(competency.id.as_str(), "CID12");
    assert_eq!(competency.levels.len(), 1);
}

/// igot/44: level nodes 3 (DRAFT) and 4 (verified by the first reviewer only) of `CID12`
/// were set aside, so the competency ended at level 2 and the verified requirement at
/// level 4 was set aside as outside 1 to 2. A descriptor awaiting review is still set
/// aside, and its level stays in the scale; a rejected (level 5) or deleted (`CID13`'s
/// level 3) level node holds no level, so `CID13`'s requirement at 3 is still outside.
#[test]
fn levels_awaiting_review_do_not_narrow_the_scale() {
    let json = include_str!("../data/cases/igot/44-frac-unverified-top-levels.json");
    let load = load_frac_positions(json, &FracOptions::default()).expect("reads");
    let scales: Vec<(&str, Vec<u8>, Option<u8>)> = (load.value.competencies.iter())
        .map(|c| {
            let levels = c.levels.iter().map(|d| d.level).collect();
            (c.id.as_str(), levels, c.max_level)
        })
        .collect();
    assert_eq!(
        scales,
        [("CID12", vec![1, 2], Some(4)), ("CID13", vec![1, 2], None)]
    );
    let base = "$.children[0].children";
    let set_aside: Vec<(String, String, String)> = (load.report.set_aside.iter())
        .map(|e| (e.path.clone(), e.id.clone(), e.what.to_string()))
        .collect();
    let entry = |path: String, id: &str, what: &str| (path, id.to_owned(), what.to_owned());
    assert_eq!(
        set_aside,
        [
            entry(
                format!("{base}[0].children[2]"),
                "CLID62",
                &IgotWhat::NotVerified {
                    status: "DRAFT".into()
                }
                .to_string()
            ),
            entry(
                format!("{base}[0].children[3]"),
                "CLID63",
                &IgotWhat::SecondaryNotVerified {
                    secondary_status: "UNVERIFIED".into()
                }
                .to_string()
            ),
            entry(
                format!("{base}[0].children[4]"),
                "CLID64",
                &IgotWhat::NotVerified {
                    status: "REJECTED".into()
                }
                .to_string()
            ),
            entry(
                format!("{base}[1].children[2]"),
                "CLID72",
                &IgotWhat::Deleted.to_string()
            ),
            entry(
                format!("{base}[1].level"),
                "CID13",
                &IgotWhat::LevelOutOfRange {
                    level: 3,
                    min: 1,
                    max: 2
                }
                .to_string()
            ),
        ]
    );
    let framework = Framework::new(load.value).expect("valid");
    let required: Vec<(String, u8)> = (framework.requirements("PID7").expect("known").iter())
        .map(|r| (r.competency.to_string(), r.level.get()))
        .collect();
    assert_eq!(required, [("CID12".to_owned(), 4)]);
}
