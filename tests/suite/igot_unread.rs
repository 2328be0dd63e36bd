//! What the iGOT loaders cannot read is reported, never dropped or merged in silence
//! (igot/21–26): a text field of another JSON type than text (a description, an area, a
//! level's name, a department), a field the loader has no place for, a list or key beside
//! the records read, a search page's count that is not its records', a course tag set
//! aside (named by its course), and ids that differ only in letter case or whitespace.

use crate::support::{entries, owned};
use karmayogi::{
    FracOptions, Framework, IgotCourseOptions, IgotField, IgotWhat, KcmOptions,
    load_frac_positions, load_igot_courses, load_igot_profile, load_kcm, load_position_master,
};

const FRAC: &str = include_str!("../data/cases/igot/21-frac-text-fields-of-another-type.json");
const BESIDE: &str = include_str!("../data/cases/igot/22-courses-records-beside-the-result.json");
const TAGS: &str =
    include_str!("../data/cases/igot/23-courses-tags-set-aside-name-their-course.json");
const ALIKE: &str = include_str!("../data/cases/igot/24-courses-ids-that-look-alike.json");
const MASTER: &str = include_str!("../data/cases/igot/25-master-text-types-keys-and-ids.json");
const PROFILE: &str = include_str!("../data/cases/igot/26-profile-text-types-and-ids.json");

fn ignored(list: &[IgotField]) -> Vec<(&str, u64)> {
    list.iter().map(|f| (f.field.as_str(), f.count)).collect()
}

/// The real KCM dictionary, which the course tags name.
fn kcm() -> Framework {
    let json = include_str!("../../data/igot/kcm_competencies.json");
    Framework::new(load_kcm(json, &KcmOptions::default()).unwrap().value).unwrap()
}

const CID9: &str = "$.responseData[0].children[0].children[0].children[0]";

/// The notes of igot/21 for the competency CID9, met first under AID2 and again under RID3.
fn frac_notes() -> Vec<(String, String, String)> {
    let again = "$.responseData[0].children[0].children[1]";
    owned(&[
        (
            &format!("{CID9}.description"),
            "CID9",
            "`description` is an integer: expected a string",
        ),
        (
            &format!("{CID9}.additionalProperties.competencyArea"),
            "CID9",
            "`additionalProperties.competencyArea` is an integer: expected a string",
        ),
        (
            &format!("{CID9}.children[0].description"),
            "CLID31",
            "`description` is an integer: expected a string",
        ),
        (
            &format!("{CID9}.children[1].name"),
            "CLID32",
            "`name` is an array: expected a string",
        ),
        (
            &format!("{again}.description"),
            "CID9",
            "`description` is a boolean: expected a string",
        ),
        (
            &format!("{again}.additionalProperties.competencyArea"),
            "CID9",
            "`additionalProperties.competencyArea` is an object: expected a string",
        ),
    ])
}

/// igot/21: every text field of another type in a FRAC tree is noted with its node's id;
/// a department of another type is no missing department; a position's, role's or
/// activity's `description`, which the model has no place for, is counted ignored.
#[test]
fn frac_text_fields_of_another_type_are_reported() {
    let load = load_frac_positions(FRAC, &FracOptions::default()).unwrap();
    let c = &load.value.competencies[0];
    assert_eq!((c.id.as_str(), c.description.as_str()), ("CID9", ""));
    assert_eq!(c.area, None);
    let levels: Vec<(u8, Option<&str>, &str)> = (c.levels.iter())
        .map(|l| (l.level, l.name.as_deref(), l.description.as_str()))
        .collect();
    assert_eq!(
        levels,
        [
            (1, Some("Basic"), ""),
            (2, None, "Closes the daily account"),
            (3, Some("Advanced"), "Reconciles"),
        ]
    );
    assert_eq!(entries(&load.report.notes), frac_notes());
    assert_eq!(
        entries(&load.report.set_aside),
        owned(&[
            (
                "$.responseData[0].children[0].children[2]",
                "CID11",
                "`additionalProperties.competencyType` is an integer: expected a string"
            ),
            (
                "$.responseData[1]",
                "PID9",
                "`department` is an integer: expected a string"
            ),
        ])
    );
    assert!(matches!(
        load.report.set_aside[1].what,
        IgotWhat::WrongType {
            field: "department",
            found: "an integer",
            ..
        }
    ));
    assert_eq!(
        ignored(&load.report.ignored_fields),
        [
            ("activity.department", 1),
            ("activity.description", 1),
            ("position.description", 1),
            ("role.description", 1),
        ]
    );
}

/// igot/21 with a default department: the position whose department is a number is kept
/// under the default, and the department it gave is noted, not taken for none.
#[test]
fn frac_department_of_another_type_is_noted_beside_the_default() {
    let options = FracOptions::default().department("Department of Posts");
    let load = load_frac_positions(FRAC, &options).unwrap();
    let p = (load.value.positions.iter())
        .find(|p| p.id.as_str() == "PID9")
        .unwrap();
    assert_eq!(p.department.as_str(), "Department of Posts");
    let mut notes = frac_notes();
    notes.extend(owned(&[(
        "$.responseData[1].department",
        "PID9",
        "`department` is an integer: expected a string",
    )]));
    assert_eq!(entries(&load.report.notes), notes);
}

/// igot/22: lists beside the records read are set aside and their keys counted ignored;
/// a search page holding 2 of the 250 records its `count` gives says so.
#[test]
fn courses_beside_the_result_and_a_partial_page_are_reported() {
    let load = load_igot_courses(BESIDE, &kcm(), &IgotCourseOptions::default()).unwrap();
    let ids: Vec<&str> = load.value.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["do_1", "do_2"]);
    assert_eq!(
        entries(&load.report.set_aside),
        owned(&[
            (
                "$.content",
                "",
                "a list of 2 entries beside the records read at `$.result.content`: not read"
            ),
            (
                "$.result.collections",
                "",
                "a list of 1 entry beside the records read at `$.result.content`: not read"
            ),
        ])
    );
    assert_eq!(
        entries(&load.report.notes),
        owned(&[(
            "$.result.count",
            "",
            "the response counts 250 records and holds 2: a page of a larger result, not the whole"
        )])
    );
    assert_eq!(
        load.report.notes[0].what,
        IgotWhat::CountDisagrees {
            count: 250,
            records: 2
        }
    );
    // The envelope (`id`, `ver`, `responseCode`) says nothing of the records.
    assert_eq!(
        ignored(&load.report.ignored_fields),
        [("$.content", 1), ("$.result.collections", 1)]
    );
    // A whole result (its count its records) and a search's facets give nothing.
    let whole = r#"{"result": {"count": 1, "facets": [{"name": "x", "values": []}],
      "content": [{"identifier": "do_1", "name": "A", "duration": 60}]}}"#;
    let load = load_igot_courses(whole, &kcm(), &IgotCourseOptions::default()).unwrap();
    assert!(load.report.set_aside.is_empty(), "{}", load.report);
    assert_eq!(
        ignored(&load.report.ignored_fields),
        [("$.result.facets", 1)]
    );
}

/// igot/23: a KCM or FRAC-era tag set aside for a missing or mistyped field is named by
/// its course's identifier, as every other tag entry is; a level's name of another type
/// is noted.
#[test]
fn course_tags_set_aside_name_their_course() {
    let load = load_igot_courses(TAGS, &kcm(), &IgotCourseOptions::default()).unwrap();
    assert_eq!(
        entries(&load.report.set_aside),
        owned(&[
            ("$[0].competencies_v5[0]", "do_1", "no `competencySubTheme`"),
            (
                "$[0].competencies_v5[1]",
                "do_1",
                "`competencySubTheme` is an integer: expected a string"
            ),
            (
                "$[1].competencies_v6[0]",
                "do_2",
                "no `competencySubThemeName`"
            ),
            ("$[2].competencies_v3[0]", "do_3", "no `id`"),
            (
                "$[2].competencies_v3[1]",
                "do_3",
                "`selectedLevelLevel` is `Level two`: expected `Level N`, a whole number, a Roman numeral (`III`, `Level III`) or a level name"
            ),
        ])
    );
    assert!(
        (load.report.notes.iter()).any(|e| e.path == "$[2].competencies_v3[1].selectedLevelName"
            && e.id == "do_3"
            && e.what
                == IgotWhat::WrongType {
                    field: "selectedLevelName",
                    found: "an integer",
                    expected: "a string"
                }),
        "{}",
        load.report
    );
}

/// igot/24: course identifiers that differ only in whitespace around them or in letter
/// case are three courses, never merged, each after the first noted with the whole set.
#[test]
fn course_ids_that_look_alike_are_noted() {
    let load = load_igot_courses(ALIKE, &kcm(), &IgotCourseOptions::default()).unwrap();
    let ids: Vec<&str> = load.value.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["do_1", " do_1", "DO_1", "do_2"]);
    let set = vec![" do_1".to_owned(), "DO_1".to_owned(), "do_1".to_owned()];
    let alike: Vec<(&str, &str)> = (load.report.notes.iter())
        .filter(|e| {
            e.what
                == IgotWhat::LookalikeIds {
                    ids: set.clone(),
                    other_script: vec![],
                }
        })
        .map(|e| (e.path.as_str(), e.id.as_str()))
        .collect();
    assert_eq!(alike, [("$[1]", " do_1"), ("$[2]", "DO_1")]);
    assert!(load.report.notes.iter().any(|e| e.id == " do_1"
        && e.what
            == IgotWhat::IdWhitespace {
                kinds: "leading".into()
            }));
    // The text escapes the space, so the ids show apart.
    let text = load.report.to_string();
    assert!(
        text.contains(r#"$[2] `DO_1`: ids "\u{20}do_1", `DO_1`, `do_1` differ only in letter case or surrounding whitespace: kept apart"#),
        "{text}"
    );
}

/// igot/25: the position master list notes a description of another type, names the list
/// beside `positions`, notes ids that differ in whitespace or case, and gives an exact
/// repeat of a name its own label.
#[test]
fn master_list_text_types_keys_and_ids_are_reported() {
    let load = load_position_master(MASTER).unwrap();
    let ids: Vec<&str> = (load.value.positions().iter())
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(ids, ["PID1", "PID2", "PID1 ", "pid1"]);
    assert_eq!(load.value.positions()[1].description, "");
    let set = r#"ids `PID1`, "PID1\u{20}", `pid1` differ only in letter case or surrounding whitespace: kept apart"#;
    assert_eq!(
        entries(&load.report.notes),
        owned(&[
            (
                "$.positions[1].description",
                "PID2",
                "`description` is an integer: expected a string"
            ),
            (
                "$.positions[2]",
                "PID1 ",
                "id with trailing whitespace, kept as written"
            ),
            ("$.positions[3]", "pid1", "same name as `PID2`; both kept"),
            ("$.positions[2]", "PID1 ", set),
            ("$.positions[3]", "pid1", set),
        ])
    );
    assert_eq!(
        load.report.notes[2].what,
        IgotWhat::SameName {
            other: "PID2".into()
        }
    );
    assert_eq!(
        entries(&load.report.set_aside),
        owned(&[(
            "$.morePositions",
            "",
            "a list of 1 entry beside the records read at `$.positions`: not read"
        )])
    );
    assert_eq!(
        ignored(&load.report.ignored_fields),
        [("$.morePositions", 1)]
    );
}

/// igot/26: a profile's level name of another type is noted; ids around which spaces
/// stand, or in another case, are noted as looking alike, each entry read as its own.
#[test]
fn profile_text_types_and_ids_are_reported() {
    let load = load_igot_profile(PROFILE).unwrap();
    let read: Vec<(&str, u8, Option<&str>)> = (load.value.iter())
        .map(|e| (e.competency.as_str(), e.level, e.level_name.as_deref()))
        .collect();
    assert_eq!(
        read,
        [
            ("CID9", 3, Some("Advanced")),
            ("CID9", 2, None),
            (" CID9 ", 2, None),
            ("cid9", 1, None),
        ]
    );
    let set = r#"ids "\u{20}CID9\u{20}", `CID9`, `cid9` differ only in letter case or surrounding whitespace: kept apart"#;
    let entry = "$.profileDetails.competencies";
    assert_eq!(
        entries(&load.report.notes),
        owned(&[
            (
                &format!("{entry}[0].competencyCBPCompletionLevelName"),
                "CID9",
                "`competencyCBPCompletionLevelName` is an integer: expected a string"
            ),
            (
                &format!("{entry}[1]"),
                " CID9 ",
                "id with trailing, leading whitespace, kept as written"
            ),
            (&format!("{entry}[1]"), " CID9 ", set),
            (&format!("{entry}[2]"), "cid9", set),
        ])
    );
    assert_eq!(
        ignored(&load.report.ignored_fields),
        [
            ("$.profileDetails.personalDetails", 1),
            ("competency.name", 3)
        ]
    );
}
