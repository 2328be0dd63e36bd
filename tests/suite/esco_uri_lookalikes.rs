//! ESCO's official files with URIs that differ only in a trailing slash or in
//! `http`/`https` (`esco/06`): each concept read as written and the lookalikes noted; a
//! relation naming such a variant of a URI its file does not hold is set aside naming the
//! concept it matches.

use karmayogi::{Error, EscoCsv, EscoOptions, load_esco_report};

fn case(file: &str) -> String {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!(
        "tests/data/cases/esco/06-uri-lookalikes-{file}.csv"
    ));
    std::fs::read_to_string(path).expect("the case's file")
}

const OCC: &str = "http://data.europa.eu/esco/occupation";
const SKILL: &str = "http://data.europa.eu/esco/skill";

#[test]
fn lookalike_uris_are_noted_and_named_in_what_is_set_aside() {
    let (occupations, skills) = (case("occupations_en"), case("skills_en"));
    let relations = case("occupationSkillRelations");
    let csv = EscoCsv::new(&occupations, &skills, &relations);
    let load = load_esco_report(&csv, &EscoOptions::default()).expect("the files load");
    // Nothing merged: three occupations, three skills.
    assert_eq!(load.spec.positions.len(), 3);
    assert_eq!(load.spec.competencies.len(), 3);
    let policy = format!("{OCC}/caf7b8fb-b2d6-46b7-bffa-bea7f8e4aed8");
    let teams = "data.europa.eu/esco/skill/60c78287-22eb-4103-9c8c-28deaa460da0";
    assert_eq!(
        load.notes,
        [
            Error::LookalikeUris {
                file: "occupations_<lang>.csv",
                uris: vec![policy.clone(), format!("{policy}/")],
                lines: vec![2, 4],
            },
            Error::LookalikeUris {
                file: "skills_<lang>.csv",
                uris: vec![format!("http://{teams}"), format!("https://{teams}")],
                lines: vec![3, 4],
            },
        ]
    );
    assert_eq!(
        load.notes[0].to_string(),
        format!(
            "occupations_<lang>.csv lines 2, 4: uris `{policy}`, `{policy}/` differ only in a \
             trailing slash or in `http`/`https`: read as distinct concepts"
        )
    );
    let set_aside: Vec<String> = load.set_aside.iter().map(ToString::to_string).collect();
    let analysis = format!("{SKILL}/c5449667-9b40-4114-8d74-f51177669984");
    let director = "data.europa.eu/esco/occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34";
    assert_eq!(
        set_aside,
        [
            format!(
                "occupationSkillRelations.csv line 2, column `skillUri`: `{analysis}/` is not \
                 in skills_<lang>.csv, did you mean `{analysis}`?"
            ),
            format!(
                "occupationSkillRelations.csv line 4, column `occupationUri`: \
                 `https://{director}` is not in occupations_<lang>.csv, did you mean \
                 `http://{director}`?"
            ),
            format!(
                "occupationSkillRelations.csv line 5, column `skillUri`: \
                 `{SKILL}/1f1d2ff8-c4c1-45cc-9812-6a7ee84a73cb` is not in skills_<lang>.csv"
            ),
        ]
    );
    // The relation naming the `https` skill, which its file holds, is read.
    assert_eq!(load.spec.roles[0].requires.len(), 1);
}

// esco/07: the skill groups of `skillsHierarchy_<lang>.csv`, whose URIs the broader
// relations key on, are checked as occupations and skills are. Real ESCO v1.1.1 rows (the
// transversal pillar down to `working efficiently`), the last written again by hand with a
// trailing slash on its level 1 URI and `https` on its level 2 URI.

fn case07(file: &str) -> String {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!(
        "tests/data/cases/esco/07-skill-group-uri-lookalikes-{file}.csv"
    ));
    std::fs::read_to_string(path).expect("the case's file")
}

const MANAGEMENT: &str = "data.europa.eu/esco/skill/021a23e1-907e-4627-b05a-555f889cbb65";
const EFFICIENTLY: &str = "data.europa.eu/esco/skill/14c41899-0224-4cbc-bd8c-e946ada2da87";

#[test]
fn lookalike_skill_group_uris_are_noted() {
    let (occupations, skills) = (case07("occupations_en"), case07("skills_en"));
    let relations = case07("occupationSkillRelations");
    let (broader, groups) = (
        case07("broaderRelationsSkillPillar"),
        case07("skillsHierarchy_en"),
    );
    let csv = EscoCsv::new(&occupations, &skills, &relations).hierarchy(&broader, &groups);
    let load = load_esco_report(&csv, &EscoOptions::default()).expect("the files load");
    // Nothing merged: five groups, the two lookalikes each its own.
    assert_eq!(load.spec.groups.len(), 5);
    assert_eq!(
        load.notes,
        [
            Error::LookalikeUris {
                file: "skillsHierarchy_<lang>.csv",
                uris: vec![
                    format!("http://{MANAGEMENT}"),
                    format!("http://{MANAGEMENT}/")
                ],
                lines: vec![3, 5],
            },
            Error::LookalikeUris {
                file: "skillsHierarchy_<lang>.csv",
                uris: vec![
                    format!("http://{EFFICIENTLY}"),
                    format!("https://{EFFICIENTLY}")
                ],
                lines: vec![4, 5],
            },
        ]
    );
    assert!(load.set_aside.is_empty());
}

#[test]
fn a_broader_relation_naming_a_lookalike_of_a_group_names_the_group() {
    let (occupations, skills) = (case07("occupations_en"), case07("skills_en"));
    let relations = case07("occupationSkillRelations");
    let (broader, groups) = (
        case07("broaderRelationsSkillPillar-variants"),
        case07("skillsHierarchy_en"),
    );
    let csv = EscoCsv::new(&occupations, &skills, &relations).hierarchy(&broader, &groups);
    let errors = load_esco_report(&csv, &EscoOptions::default()).unwrap_err();
    let transversal = "data.europa.eu/esco/skill/04a13491-b58c-4d33-8b59-8fad0d55fe9e";
    let found: Vec<(usize, &str, Option<&str>)> = (errors.as_slice().iter())
        .map(|e| match e {
            Error::CsvUnknownReference {
                line,
                found,
                nearest,
                file: "broaderRelationsSkillPillar.csv",
                column: "broaderUri",
                target: "skillsHierarchy_<lang>.csv",
                ..
            } => (*line, found.as_str(), nearest.as_deref()),
            other => panic!("{other:?}"),
        })
        .collect();
    let (https, slash) = (
        format!("https://{transversal}"),
        format!("http://{EFFICIENTLY}/"),
    );
    let (http, efficiently) = (
        format!("http://{transversal}"),
        format!("http://{EFFICIENTLY}"),
    );
    assert_eq!(
        found,
        [
            (2, https.as_str(), Some(http.as_str())),
            (4, slash.as_str(), Some(efficiently.as_str())),
        ]
    );
    assert_eq!(
        errors.as_slice()[0].to_string(),
        format!(
            "broaderRelationsSkillPillar.csv line 2, column `broaderUri`: `{https}` is not in \
             skillsHierarchy_<lang>.csv, did you mean `{http}`?"
        )
    );
}
