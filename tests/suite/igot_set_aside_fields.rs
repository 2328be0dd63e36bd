//! What the iGOT loaders' reports name: exactly what was set aside, by its path. A field
//! left out of a record that is kept is reported at the field's path (a profile entry's
//! level, a FRAC requirement's `level`, a flat KCM entry's `sub_theme`), and a record
//! dropped at its own, so a program reading the report tells the two apart (igot/38).

use crate::support::{igot_entries, json_part};
use karmayogi::{
    EvidenceSource, FracOptions, IgotWhat, KcmOptions, kcm_id, load_frac_positions,
    load_igot_profile, load_kcm,
};

const FIELDS: &str = include_str!("../data/cases/igot/38-set-aside-fields-of-kept-records.json");

/// igot/38: an entry whose self-attested level was out of range and whose CBP level was
/// read was reported as set aside whole (`$…[0]`) while its CBP evidence was kept. Now the
/// field is named, and the entry itself only when nothing of it is kept.
#[test]
fn a_profile_level_set_aside_is_named_by_its_field() {
    let load = load_igot_profile(&json_part(FIELDS, "profile")).expect("reads");
    let read = crate::support::evidence_read(&load.value);
    assert_eq!(
        read,
        [
            ("CID9", EvidenceSource::Assessment, 3),
            ("CID12", EvidenceSource::SelfDeclared, 2),
        ]
    );
    let base = "$.profileDetails.competencies";
    let declared = "competencySelfAttestedLevelValue";
    let raised = "competencyCBPCompletionLevel";
    let out = |level| IgotWhat::LevelOutOfRange {
        level,
        min: 0,
        max: 5,
    };
    let unreadable = |found: &str| IgotWhat::UnreadableLevel {
        field: "competencyCBPCompletionLevel",
        found: found.into(),
    };
    let paths: Vec<String> = [
        format!("{base}[0].{declared}"),
        format!("{base}[1].{raised}"),
        format!("{base}[2].{declared}"),
        format!("{base}[2].{raised}"),
        format!("{base}[2]"),
    ]
    .into();
    assert_eq!(
        igot_entries(&load.report.set_aside),
        [
            (paths[0].as_str(), "CID9", &out(7)),
            (paths[1].as_str(), "CID12", &unreadable("CLID33")),
            (paths[2].as_str(), "CID4", &out(9)),
            (paths[3].as_str(), "CID4", &unreadable("4.5")),
            (paths[4].as_str(), "CID4", &IgotWhat::NoLevel),
        ]
    );
    // The entries kept are exactly those no entry-level path names.
    let dropped: Vec<&str> = (load.report.set_aside.iter())
        .filter(|e| !e.path.trim_start_matches(base).contains('.'))
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(dropped, ["CID4"]);
}

/// igot/38: a requirement whose level is out of range was reported at the competency node
/// (kept in the dictionary), and a repeated requirement at the role (kept) with the level
/// of the one kept. Now each is reported at what was left out: the node's `level`, and
/// the node of the lower requirement with its own level.
#[test]
fn a_frac_requirement_set_aside_is_named_by_its_node_and_field() {
    let load = load_frac_positions(&json_part(FIELDS, "frac"), &FracOptions::default()).unwrap();
    let spec = &load.value;
    let ids: Vec<&str> = spec.competencies.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["CID4", "CID9"]);
    let requires: Vec<(&str, u8)> = (spec.roles[0].requires.iter())
        .map(|r| (r.competency.as_str(), r.level))
        .collect();
    assert_eq!(requires, [("CID4", 3)]);
    let repeat = IgotWhat::RepeatedRequirement {
        competency: "CID4".into(),
        level: 2,
    };
    let out = IgotWhat::LevelOutOfRange {
        level: 9,
        min: 1,
        max: 5,
    };
    assert_eq!(
        igot_entries(&load.report.set_aside),
        [
            ("$.children[0].children[0].level", "CID9", &out),
            ("$.children[0].children[1]", "CID4", &repeat),
        ]
    );
    assert_eq!(
        load.report.set_aside[1].what.to_string(),
        "competency `CID4` required again: this requirement (level 2) is set aside, the \
         highest level is kept"
    );
}

/// igot/38: a flat KCM entry whose sub-theme is set aside (repeated, or of an area
/// without a type) was reported at the entry, whose area and theme are kept; now at its
/// `sub_theme`.
#[test]
fn a_flat_kcm_sub_theme_set_aside_is_named_by_its_field() {
    let load = load_kcm(&json_part(FIELDS, "kcm"), &KcmOptions::default()).unwrap();
    let analysis = kcm_id(&["Behavioural", "Self-Awareness", "Self-Analysis"]);
    let vision = kcm_id(&["Leadership", "Vision", "Strategic thinking"]);
    let unknown = IgotWhat::UnknownArea {
        area: "Leadership".into(),
    };
    assert_eq!(
        igot_entries(&load.report.set_aside),
        [
            ("$[1].sub_theme", analysis.as_str(), &IgotWhat::DuplicateId),
            ("$[2].sub_theme", vision.as_str(), &unknown),
        ]
    );
    let groups: Vec<&str> = load.value.groups.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(
        groups,
        [
            "kcm:Behavioural",
            "kcm:Behavioural/Self-Awareness",
            "kcm:Leadership",
            "kcm:Leadership/Vision"
        ]
    );
}
