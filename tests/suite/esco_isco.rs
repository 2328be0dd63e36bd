//! ESCO occupations' ISCO-08 groups (`esco/05`): a unit group that lost its leading zero
//! (`110`, as a spreadsheet saves the armed forces' `0110`) is refused with the code it
//! probably was, in both layouts, rather than read by its first digit into the managers'
//! major group.

use karmayogi::{EscoCsv, EscoOptions, load_esco};

fn case(file: &str) -> String {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!(
        "tests/data/cases/esco/05-isco-leading-zero-lost-{file}.csv"
    ));
    std::fs::read_to_string(path).expect("the case's file")
}

fn messages(occupations: &str, skills: &str, links: &str) -> Vec<String> {
    let csv = EscoCsv::new(occupations, skills, links);
    let errors = load_esco(&csv, &EscoOptions::default()).expect_err("codes without a zero");
    errors.iter().map(ToString::to_string).collect()
}

const UNIT: &str = "expected an isco-08 unit group: 4 digits, the second and third not 0";

/// The compact layout: `110` and `310` are refused with `0110` and `0310` suggested;
/// `0210` and `1120` (a unit group may end in 0) are read.
#[test]
fn a_compact_isco_group_that_lost_its_leading_zero_is_refused() {
    let found = messages(
        &case("occupations"),
        &case("skills"),
        &case("occupation_skills"),
    );
    let at = |line: usize, code: &str| {
        format!(
            "esco/occupations.csv line {line}, column `isco_group`: found `{code}`, {UNIT} \
             (`0{code}`, its leading zero lost?)"
        )
    };
    assert_eq!(found, [at(2, "110"), at(4, "310")]);
}

/// The official layout, the same rows by URI: the same refusals.
#[test]
fn an_official_isco_group_that_lost_its_leading_zero_is_refused() {
    let found = messages(
        &case("occupations_en"),
        &case("skills_en"),
        &case("occupationSkillRelations"),
    );
    let at = |line: usize, code: &str| {
        format!(
            "occupations_<lang>.csv line {line}, column `iscoGroup`: found `{code}`, {UNIT} \
             (`0{code}`, its leading zero lost?)"
        )
    };
    assert_eq!(found, [at(2, "110"), at(4, "310")]);
}

/// Codes that are no ISCO-08 unit group for another reason get no suggestion: a 0 second
/// or third digit (ISCO-08 numbers sub-major and minor groups from 1), fewer or more than
/// 4 digits (a major, sub-major or minor group, whose leading zeros cannot be told lost or
/// not), a code starting with 0 other than the armed forces' three.
#[test]
fn codes_of_no_unit_group_are_refused_without_a_suggestion() {
    let skills = case("skills");
    for code in [
        "1020", "1102", "11", "1", "242", "24221", "0120", "0011", " 0110a",
    ] {
        let occupations = format!("occ_id,isco_group,label\n1,{code},fleet commander\n");
        let found = messages(&occupations, &skills, "occ_id,skill_id,relation\n");
        assert_eq!(
            found,
            [format!(
                "esco/occupations.csv line 2, column `isco_group`: found `{}`, {UNIT}",
                code.trim()
            )],
            "{code}"
        );
    }
    let occupations = "occ_id,isco_group,label\n1,0210,a\n2,1120,b\n3,9629,c\n";
    let csv = EscoCsv::new(occupations, &skills, "occ_id,skill_id,relation\n");
    let spec = load_esco(&csv, &EscoOptions::default()).expect("unit groups");
    let departments: Vec<&str> = spec
        .positions
        .iter()
        .map(|p| p.department.as_str())
        .collect();
    assert_eq!(departments, ["isco-0", "isco-1", "isco-9"]);
}
