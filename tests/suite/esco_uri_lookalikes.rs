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
