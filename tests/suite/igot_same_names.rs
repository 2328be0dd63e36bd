//! Names that differ only in whitespace (igot/19): every iGOT loader keeps each record as
//! its own and notes the later one with the earlier one's id, as the position master list
//! does for `PID355` after `PID195`: never two records made in silence, never two merged.

use crate::support::{entries, owned};
use karmayogi::{
    FracOptions, IgotWhat, KcmOptions, KcmSubThemes, load_frac_positions, load_kcm,
    load_position_master,
};

const KCM: &str = include_str!("../data/cases/igot/19-kcm-names-apart-from-whitespace.json");

/// The notes a KCM load gives for igot/19, whatever the sub-themes become.
fn kcm_notes() -> Vec<(String, String, String)> {
    let theme = "$[0].competency_theme";
    owned(&[
        (
            &format!("{theme}[0].competency_sub_theme[1]"),
            "kcm:Behavioural/Self-Awareness/ Self-Analysis",
            "name with leading whitespace, kept as written",
        ),
        (
            &format!("{theme}[0].competency_sub_theme[1]"),
            "kcm:Behavioural/Self-Awareness/ Self-Analysis",
            "same name as `kcm:Behavioural/Self-Awareness/Self-Analysis` apart from whitespace; both kept",
        ),
        (
            &format!("{theme}[0].competency_sub_theme[3]"),
            "kcm:Behavioural/Self-Awareness/Self  Analysis",
            "name with repeated whitespace, kept as written",
        ),
        (
            &format!("{theme}[1]"),
            "kcm:Behavioural/Self-Awareness ",
            "name with trailing whitespace, kept as written",
        ),
        (
            &format!("{theme}[1]"),
            "kcm:Behavioural/Self-Awareness ",
            "same name as `kcm:Behavioural/Self-Awareness` apart from whitespace; both kept",
        ),
    ])
}

#[test]
fn kcm_sub_themes_apart_from_whitespace_are_kept_and_noted() {
    let load = load_kcm(KCM, &KcmOptions::default()).unwrap();
    let ids: Vec<&str> = (load.value.competencies.iter())
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "kcm:Behavioural/Self-Awareness/Self-Analysis",
            "kcm:Behavioural/Self-Awareness/ Self-Analysis",
            "kcm:Behavioural/Self-Awareness/Self  Analysis",
            "kcm:Behavioural/Self-Awareness /Self-Analysis",
            "kcm:Behavioural/Empathy/Self-Analysis",
        ]
    );
    assert_eq!(entries(&load.report.notes), kcm_notes());
    // The exact repeat is set aside, as before; "Self  Analysis" is another name (a
    // hyphen apart), noted only for its run of spaces.
    assert_eq!(
        entries(&load.report.set_aside),
        owned(&[(
            "$[0].competency_theme[0].competency_sub_theme[2]",
            "kcm:Behavioural/Self-Awareness/Self-Analysis",
            "repeats an earlier id; the first is kept",
        )])
    );
    // As data: the note names the id kept first.
    let other = load.report.notes.iter().find_map(|n| match &n.what {
        IgotWhat::SameNameApartFromWhitespace { other } => Some(other.as_str()),
        _ => None,
    });
    assert_eq!(other, Some("kcm:Behavioural/Self-Awareness/Self-Analysis"));

    let groups = load_kcm(KCM, &KcmOptions::default().sub_themes(KcmSubThemes::Groups)).unwrap();
    assert_eq!(entries(&groups.report.notes), kcm_notes());
}

#[test]
fn frac_names_apart_from_whitespace_are_noted_as_in_the_master_list() {
    let frac = r#"[
      {"type": "POSITION", "id": "PID1", "name": "CLERK", "status": "VERIFIED",
       "department": "Posts", "children": [
        {"type": "ROLE", "id": "RID1", "name": "Counter work", "status": "VERIFIED",
         "children": [
          {"type": "COMPETENCY", "id": "CID1", "name": "Noting", "status": "VERIFIED",
           "level": "Level 2", "additionalProperties": {"competencyType": "Functional"}},
          {"type": "COMPETENCY", "id": "CID2", "name": "Noting ", "status": "VERIFIED",
           "level": "Level 2", "additionalProperties": {"competencyType": "Functional"}}]}]},
      {"type": "POSITION", "id": "PID2", "name": "CLERK", "status": "VERIFIED",
       "department": "Posts", "children": [
        {"type": "ROLE", "id": "RID1", "name": "Counter work", "status": "VERIFIED"}]}]"#;
    let load = load_frac_positions(frac, &FracOptions::default()).unwrap();
    assert_eq!(load.value.competencies.len(), 2);
    assert_eq!(load.value.positions.len(), 2);
    let path = "$[0].children[0].children[1]";
    assert_eq!(
        entries(&load.report.notes),
        owned(&[
            (
                path,
                "CID2",
                "name with trailing whitespace, kept as written"
            ),
            (
                path,
                "CID2",
                "same name as `CID1` apart from whitespace; both kept"
            ),
            ("$[1]", "PID2", "same name as `PID1`; both kept"),
        ])
    );
}

/// Two designations written exactly alike are noted as such, not as differing in
/// whitespace.
#[test]
fn master_names_written_alike_are_noted_as_the_same_name() {
    let json = r#"{"positions": [{"id": "PID1", "name": "CLERK"}, {"id": "PID2", "name": "CLERK"},
      {"id": "PID3", "name": "CLERK "}]}"#;
    let load = load_position_master(json).unwrap();
    assert_eq!(
        entries(&load.report.notes),
        owned(&[
            ("$.positions[1]", "PID2", "same name as `PID1`; both kept"),
            (
                "$.positions[2]",
                "PID3",
                "name with trailing whitespace, kept as written"
            ),
            (
                "$.positions[2]",
                "PID3",
                "same name as `PID1` apart from whitespace; both kept"
            ),
        ])
    );
}
