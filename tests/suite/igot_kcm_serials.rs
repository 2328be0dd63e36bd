//! The flat KCM export's `competency_id`, kept against the sub-theme it names (igot/41).

use crate::support::igot_entries;
use karmayogi::{IgotWhat, KcmOptions, kcm_id, load_kcm};

const SERIALS: &str = include_str!("../data/cases/igot/41-kcm-flat-ids-that-disagree.json");

/// igot/41: the flat export's `competency_id` was counted among the ignored fields, so an
/// id naming two sub-themes, or a sub-theme named by two ids, went unsaid. Now it is kept
/// against the sub-theme it names and each disagreement noted at the entry's
/// `competency_id`.
#[test]
fn flat_kcm_ids_that_disagree_with_their_sub_themes_are_noted() {
    let load = load_kcm(SERIALS, &KcmOptions::default()).unwrap();
    let analysis = kcm_id(&["Behavioural", "Self-Awareness", "Self-Analysis"]);
    let accounts = kcm_id(&["Functional", "Financial Management", "Government accounts"]);
    let pfms = kcm_id(&[
        "Functional",
        "Financial Management",
        "PFMS Portal Management",
    ]);
    let another = IgotWhat::IdOfAnother {
        field: "competency_id",
        other: analysis.clone(),
    };
    let conflict = IgotWhat::Conflict {
        field: "competency_id",
    };
    let number = IgotWhat::WrongType {
        field: "competency_id",
        found: "an integer",
        expected: "a string",
    };
    assert_eq!(
        igot_entries(&load.report.notes),
        [
            ("$[1].competency_id", "BEH-001", &another),
            ("$[2].competency_id", analysis.as_str(), &conflict),
            ("$[5].competency_id", pfms.as_str(), &number),
        ]
    );
    assert_eq!(
        igot_entries(&load.report.set_aside),
        [
            ("$[2].sub_theme", analysis.as_str(), &IgotWhat::DuplicateId),
            ("$[4].sub_theme", accounts.as_str(), &IgotWhat::DuplicateId),
        ]
    );
    assert_eq!(load.report.ignored_fields, []);
    assert_eq!(
        load.report.notes[0].what.to_string(),
        format!("`competency_id` given before to `{analysis}`; both kept, each under its own id")
    );
    assert_eq!(load.value.competencies.len(), 4);
}
