//! The official ESCO v1.1.1 CSV files, read by `load_esco` as published: real rows of the
//! official download in `tests/data/esco-official` (see its README) give what the compact
//! files of `data/esco` give for the same occupations, compared by URI, and broken copies
//! of them give errors naming the file, line, column and URI.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;

use karmayogi::{
    CompetencyType, Error, EscoCsv, EscoHierarchy, EscoOptions, FrameworkSpec, load_esco,
    load_esco_report,
};

const WITHDRAWN: &str =
    "http://data.europa.eu/esco/occupation/a9e54177-a185-404d-b6e6-15663d31137e";

/// The texts of the official files of the fixture, or of `data/esco`'s compact ones.
struct Files {
    occupations: String,
    skills: String,
    relations: String,
    broader: String,
    groups: String,
}

fn read(dir: &str, names: [&str; 5]) -> Files {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(dir);
    let text = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    Files {
        occupations: text(names[0]),
        skills: text(names[1]),
        relations: text(names[2]),
        broader: text(names[3]),
        groups: text(names[4]),
    }
}

fn official() -> Files {
    read(
        "tests/data/esco-official",
        [
            "occupations_en.csv",
            "skills_en.csv",
            "occupationSkillRelations.csv",
            "broaderRelationsSkillPillar.csv",
            "skillsHierarchy_en.csv",
        ],
    )
}

fn compact() -> Files {
    read(
        "data/esco",
        [
            "occupations.csv",
            "skills.csv",
            "occupation_skills.csv",
            "skill_broader.csv",
            "skill_groups.csv",
        ],
    )
}

impl Files {
    fn csv(&self) -> EscoCsv<'_> {
        EscoCsv::new(&self.occupations, &self.skills, &self.relations)
            .hierarchy(&self.broader, &self.groups)
    }
}

/// The records of a CSV text as maps from header to field, read with the `csv` crate; a
/// field a short row leaves out is empty.
fn records(text: &str) -> Vec<HashMap<String, String>> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (header.iter().enumerate())
                .map(|(at, name)| (name.clone(), r.get(at).unwrap_or("").to_owned()))
                .collect()
        })
        .collect()
}

/// What each id of a load stands for: occupation and skill URIs by id, group URIs by id.
struct Uris {
    occupations: Vec<String>,
    skills: Vec<String>,
    groups: Vec<String>,
}

impl Uris {
    /// Ids as the documentation says the official layout forms them.
    fn official(files: &Files) -> Self {
        let sorted = |text: &str| {
            let mut uris: Vec<String> = records(text)
                .into_iter()
                .map(|r| r["conceptUri"].clone())
                .collect();
            uris.sort();
            uris
        };
        let mut groups: Vec<(String, String)> = Vec::new();
        for r in records(&files.groups) {
            for level in 0..4 {
                let uri = &r[&format!("Level {level} URI")];
                if !uri.is_empty() && groups.iter().all(|(_, u)| u != uri) {
                    groups.push((r[&format!("Level {level} code")].clone(), uri.clone()));
                }
            }
        }
        groups.sort_by(|a, b| (a.0.is_empty(), &a.0, &a.1).cmp(&(b.0.is_empty(), &b.0, &b.1)));
        Uris {
            occupations: sorted(&files.occupations),
            skills: sorted(&files.skills),
            groups: groups.into_iter().map(|(_, uri)| uri).collect(),
        }
    }

    /// Ids as `data/esco` gives them, with the URI of each.
    fn compact(files: &Files) -> Self {
        let by_id = |text: &str, id: &str, uri: &str, prefix: &str| {
            let mut rows: Vec<(usize, String)> = records(text)
                .into_iter()
                .map(|r| (r[id].parse().unwrap(), format!("{prefix}{}", r[uri])))
                .collect();
            rows.sort();
            assert!(rows.iter().enumerate().all(|(i, r)| r.0 == i));
            rows.into_iter().map(|r| r.1).collect()
        };
        Uris {
            occupations: by_id(
                &files.occupations,
                "occ_id",
                "uuid",
                "http://data.europa.eu/esco/occupation/",
            ),
            skills: by_id(
                &files.skills,
                "skill_id",
                "uuid",
                "http://data.europa.eu/esco/skill/",
            ),
            groups: by_id(&files.groups, "group_id", "uri", ""),
        }
    }

    /// The URI an id of the load stands for, kind first (`group-` before `skill-group-`).
    fn of(&self, id: &str) -> String {
        let at = |rest: &str| -> usize { rest.parse().unwrap() };
        if let Some(n) = id.strip_prefix("skill-group-") {
            format!("skill-group {}", self.skills[at(n)])
        } else if let Some(n) = id.strip_prefix("group-") {
            format!("group {}", self.groups[at(n)])
        } else if let Some(n) = id.strip_prefix("skill-") {
            self.skills[at(n)].clone()
        } else if let Some(n) = id.strip_prefix("occ-").or_else(|| id.strip_prefix("role-")) {
            self.occupations[at(n)].clone()
        } else {
            panic!("unexpected id {id}")
        }
    }
}

/// A position's name, department, role name and requirements (skill URI, level).
type Position = (String, String, String, Vec<(String, u8)>);

/// A framework document keyed by URI.
#[derive(Debug, PartialEq)]
struct ByUri {
    /// Occupation URI → name, department, role name, requirements (skill URI, level).
    positions: BTreeMap<String, Position>,
    /// Skill URI → name, type, groups.
    competencies: BTreeMap<String, (String, CompetencyType, BTreeSet<String>)>,
    /// Group → name, parents.
    groups: BTreeMap<String, (String, BTreeSet<String>)>,
}

fn by_uri(spec: &FrameworkSpec, uris: &Uris) -> ByUri {
    let roles: HashMap<&str, _> = spec.roles.iter().map(|r| (r.id.as_str(), r)).collect();
    let positions = spec
        .positions
        .iter()
        .map(|p| {
            let role = roles[p.roles[0].as_str()];
            let requires = role
                .requires
                .iter()
                .map(|r| (uris.of(r.competency.as_str()), r.level))
                .collect();
            let entry = (
                p.name.clone(),
                p.department.as_str().to_owned(),
                role.name.clone(),
                requires,
            );
            (uris.of(p.id.as_str()), entry)
        })
        .collect();
    let competencies = spec
        .competencies
        .iter()
        .map(|c| {
            let groups = c.groups.iter().map(|g| uris.of(g.as_str())).collect();
            (uris.of(c.id.as_str()), (c.name.clone(), c.kind, groups))
        })
        .collect();
    let groups = spec
        .groups
        .iter()
        .map(|g| {
            let parents = g.parents.iter().map(|p| uris.of(p.as_str())).collect();
            (uris.of(g.id.as_str()), (g.name.clone(), parents))
        })
        .collect();
    ByUri {
        positions,
        competencies,
        groups,
    }
}

#[test]
fn official_rows_give_what_the_compact_files_give_for_the_same_occupations() {
    let files = official();
    let load = load_esco_report(&files.csv(), &EscoOptions::default()).unwrap();
    let got = by_uri(&load.spec, &Uris::official(&files));
    let full = compact();
    let spec = load_esco(&full.csv(), &EscoOptions::default()).unwrap();
    let want = by_uri(&spec, &Uris::compact(&full));

    assert_eq!(got.positions.len(), 10);
    for (uri, position) in &got.positions {
        assert_eq!(Some(position), want.positions.get(uri), "{uri}");
    }
    assert_eq!(got.competencies.len(), 160);
    for (uri, (name, kind, groups)) in &got.competencies {
        let (want_name, want_kind, want_groups) = &want.competencies[uri];
        assert_eq!((name, kind), (want_name, want_kind), "{uri}");
        // The fixture holds every concept above its skills, not every one below them: a
        // skill is a group of its own here only when a narrower skill is kept.
        let own = format!("skill-group {uri}");
        let others =
            |g: &BTreeSet<String>| g.iter().filter(|&x| *x != own).cloned().collect::<Vec<_>>();
        assert_eq!(others(groups), others(want_groups), "{uri}");
        assert!(
            !groups.contains(&own) || want_groups.contains(&own),
            "{uri}"
        );
    }
    assert!(got.groups.len() > 100);
    for (id, group) in &got.groups {
        assert_eq!(Some(group), want.groups.get(id), "{id}");
    }
    // The withdrawn occupation's relations are set aside, and said to be.
    assert_eq!(load.set_aside.len(), 3);
    for error in &load.set_aside {
        assert!(
            matches!(error, Error::CsvUnknownReference { file: "occupationSkillRelations.csv", column: "occupationUri", found, target: "occupations_<lang>.csv", .. } if found == WITHDRAWN),
            "{error:?}"
        );
    }
}

#[test]
fn the_nearest_area_mapping_agrees_too() {
    let files = official();
    let options = EscoOptions::default()
        .hierarchy(EscoHierarchy::NearestArea)
        .include_optional(false);
    let got = load_esco_report(&files.csv(), &options).unwrap().spec;
    let uris = Uris::official(&files);
    let full = compact();
    let want = load_esco(&full.csv(), &options).unwrap();
    let want_uris = Uris::compact(&full);
    let want: HashMap<String, _> = want
        .competencies
        .iter()
        .map(|c| (want_uris.of(c.id.as_str()), c.area.clone()))
        .collect();
    for c in &got.competencies {
        // The nearest group is among those kept: every concept above a skill is.
        assert_eq!(c.area, want[&uris.of(c.id.as_str())], "{}", c.id);
    }
}

/// The 1-based line of the first record of `text` holding `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text[..text.find(needle).unwrap()].matches('\n').count() + 1
}

#[test]
fn a_relation_naming_a_concept_the_files_do_not_hold_is_an_error_naming_its_uri() {
    let files = official();
    let errors = load_esco(&files.csv(), &EscoOptions::default()).unwrap_err();
    let lines: Vec<usize> = errors
        .as_slice()
        .iter()
        .map(|e| match e {
            Error::CsvUnknownReference { line, found, .. } if found == WITHDRAWN => *line,
            _ => panic!("{e:?}"),
        })
        .collect();
    let first = line_of(&files.relations, WITHDRAWN);
    assert_eq!(lines, [first, first + 1, first + 2]);
    assert_eq!(
        errors.as_slice()[0].to_string(),
        format!(
            "occupationSkillRelations.csv line {first}, column `occupationUri`: `{WITHDRAWN}` is not in occupations_<lang>.csv"
        )
    );

    // An unknown skill is set aside too.
    let mut broken = official();
    let skill = "http://data.europa.eu/esco/skill/fed5b267-73fa-461d-9f69-827c78beb39d";
    assert!(broken.relations.contains(skill));
    broken.relations =
        broken
            .relations
            .replacen(skill, "http://data.europa.eu/esco/skill/nowhere", 1);
    let load = load_esco_report(&broken.csv(), &EscoOptions::default()).unwrap();
    let shown: Vec<String> = load.set_aside.iter().map(ToString::to_string).collect();
    let line = line_of(&broken.relations, "skill/nowhere");
    assert_eq!(shown.len(), 4, "{shown:#?}");
    assert_eq!(
        shown[0],
        format!(
            "occupationSkillRelations.csv line {line}, column `skillUri`: `http://data.europa.eu/esco/skill/nowhere` is not in skills_<lang>.csv"
        )
    );

    // A URI with a line break in it is no URI, and is shown escaped.
    for piece in ["\"", WITHDRAWN, "\nx\",optional,knowledge,", skill, "\n"] {
        broken.relations.push_str(piece);
    }
    let last = broken.relations.lines().count() - 1;
    let errors = load_esco_report(&broken.csv(), &EscoOptions::default()).unwrap_err();
    assert!(
        matches!(errors.as_slice(), [Error::CsvInvalidValue { line, column: "occupationUri", .. }] if *line == last),
        "{errors:?}"
    );
    assert!(
        errors.as_slice()[0]
            .to_string()
            .contains("15663d31137e\\nx\""),
        "{}",
        errors.as_slice()[0]
    );
}

#[test]
fn malformed_official_files_give_every_problem_with_file_line_and_column() {
    let mut broken = official();
    // A missing column, a wrong relation type, a skill type of another language, an edge
    // to an unknown group and a repeated occupation: all at once.
    broken.occupations = broken.occupations.replacen("iscoGroup", "isco", 1);
    let relation = broken.relations.lines().nth(1).unwrap().to_owned();
    broken.relations = broken.relations.replacen(
        &relation,
        &relation.replacen(",essential,", ",Essential,", 1),
        1,
    );
    broken.broader.push_str("KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/fed5b267-73fa-461d-9f69-827c78beb39d,SkillGroup,http://data.europa.eu/esco/isced-f/9999\n");
    let last = broken.broader.lines().count();
    let errors = load_esco_report(&broken.csv(), &EscoOptions::default()).unwrap_err();
    let errors = errors.as_slice();
    assert!(
        errors.contains(&Error::CsvMissingColumn {
            file: "occupations_<lang>.csv",
            column: "iscoGroup",
            header_line: None,
            nearest: None,
        }),
        "{errors:#?}"
    );
    assert!(
        errors.contains(&Error::CsvInvalidValue {
            file: "occupationSkillRelations.csv",
            line: 2,
            column: "relationType",
            found: "Essential".into(),
            expected: "`essential` or `optional`".into(),
            entry: None,
        }),
        "{errors:#?}"
    );
    assert!(
        errors.contains(&Error::CsvUnknownReference {
            file: "broaderRelationsSkillPillar.csv",
            line: last,
            column: "broaderUri",
            found: "http://data.europa.eu/esco/isced-f/9999".into(),
            target: "skillsHierarchy_<lang>.csv",
            nearest: None,
            quote_nearest: false,
        }),
        "{errors:#?}"
    );

    // A repeated relation is named by its URIs and both lines.
    let mut repeated = official();
    let row = repeated.relations.lines().nth(1).unwrap().to_owned();
    repeated.relations.push_str(&row);
    repeated.relations.push('\n');
    let last = repeated.relations.lines().count();
    let errors = load_esco_report(&repeated.csv(), &EscoOptions::default()).unwrap_err();
    let fields: Vec<&str> = row.split(',').collect();
    let key = format!("{}, {}", fields[0], fields[3]);
    assert_eq!(
        errors.as_slice(),
        [Error::CsvDuplicateKey {
            file: "occupationSkillRelations.csv",
            line: last,
            column: "occupationUri, skillUri",
            key,
            first_line: 2,
            first_key: None,
        }]
    );

    // Official occupations with compact skills: the skills file lacks the official columns.
    let mut mixed = official();
    mixed.skills = compact().skills;
    let errors = load_esco_report(&mixed.csv(), &EscoOptions::default()).unwrap_err();
    assert!(
        errors.as_slice().contains(&Error::CsvMissingColumn {
            file: "skills_<lang>.csv",
            column: "conceptUri",
            header_line: None,
            nearest: None,
        }),
        "{errors:?}"
    );
}

#[test]
fn a_byte_order_mark_and_crlf_line_ends_change_nothing() {
    let files = official();
    let want = load_esco_report(&files.csv(), &EscoOptions::default()).unwrap();
    let windows = |text: &str| {
        format!(
            "\u{feff}{}",
            text.replace("\r\n", "\n").replace('\n', "\r\n")
        )
    };
    let saved = Files {
        occupations: windows(&files.occupations),
        skills: windows(&files.skills),
        relations: windows(&files.relations),
        broader: windows(&files.broader),
        groups: windows(&files.groups),
    };
    let got = load_esco_report(&saved.csv(), &EscoOptions::default()).unwrap();
    assert_eq!(got.spec, want.spec);
    let lines = |load: &karmayogi::EscoLoad| {
        load.set_aside
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
    };
    assert_eq!(lines(&got), lines(&want));
}

#[test]
fn labels_come_in_the_files_language_on_one_line() {
    // Another language's files have the same columns: only the labels change.
    let files = official();
    let occupation = records(&files.occupations).into_iter().next().unwrap();
    let label = occupation["preferredLabel"].clone();
    let translated = Files {
        occupations: files.occupations.replacen(
            &format!(",{label},"),
            ",\"directeur  technique\u{a0}/\ndirectrice\",",
            1,
        ),
        ..official()
    };
    let spec = load_esco_report(&translated.csv(), &EscoOptions::default())
        .unwrap()
        .spec;
    let uris = Uris::official(&files);
    let at = uris
        .occupations
        .iter()
        .position(|u| *u == occupation["conceptUri"])
        .unwrap();
    let position = spec
        .positions
        .iter()
        .find(|p| p.id.as_str() == format!("occ-{at}"))
        .unwrap();
    assert_eq!(position.name, "directeur technique / directrice");
}

/// `esco/02`: an occupations file whose header lacks `preferredLabel` is refused, and the
/// relations beside it cannot be checked against it. Two relations of two occupations to
/// one skill are two pairs, not a repeat (they were, as every occupation then read as one
/// unchecked id); a relation written twice is still one.
#[test]
fn relations_beside_a_broken_occupations_file_repeat_only_when_they_write_the_same_uris() {
    let case = |file: &str| {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!(
            "tests/data/cases/esco/02-relations-beside-a-broken-occupations-file-{file}.csv"
        ));
        std::fs::read_to_string(path).expect("the case's file")
    };
    let (occupations, skills, relations) = (
        case("occupations_en"),
        case("skills_en"),
        case("occupationSkillRelations"),
    );
    let errors = load_esco(
        &EscoCsv::new(&occupations, &skills, &relations),
        &EscoOptions::default(),
    )
    .expect_err("a header without a label");
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "occupations_<lang>.csv has no column `preferredLabel` in its header",
            "occupationSkillRelations.csv line 4: occupationUri, skillUri \
             `http://data.europa.eu/esco/occupation/000e93a3-d956-4e45-aacb-f12c83fedf84, \
             http://data.europa.eu/esco/skill/fed5b267-73fa-461d-9f69-827c78beb39d` \
             repeats line 3",
        ]
    );
}

/// `esco/03`: a row of `occupations.csv`, of `skills.csv` and of `skill_groups.csv` with a
/// field more than the header is not read, and each is reported once. The links and
/// hierarchy edges naming their ids were each reported as naming an id the file does not
/// hold, though its row is there; they now name the row not read, as `officers.csv` rows
/// are named by the passbook, and an id truly missing is still unknown.
#[test]
fn links_to_rows_not_read_name_those_rows_not_an_unknown_id() {
    let case = |file: &str| {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join(format!("tests/data/cases/esco/03-ragged-rows-{file}.csv"));
        std::fs::read_to_string(path).expect("the case's file")
    };
    let (occupations, skills, links) = (
        case("occupations"),
        case("skills"),
        case("occupation_skills"),
    );
    let (broader, groups) = (case("skill_broader"), case("skill_groups"));
    let csv = EscoCsv::new(&occupations, &skills, &links).hierarchy(&broader, &groups);
    let errors = load_esco(&csv, &EscoOptions::default()).expect_err("ragged rows");
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    let not_read = |file: &str, line: usize, column: &str, id: &str, target: &str, at: usize| {
        format!(
            "esco/{file}.csv line {line}, column `{column}`: `{id}` is the id of \
             esco/{target}.csv line {at}, which was not read for its own problem"
        )
    };
    let expected = [
        "esco/occupations.csv line 2 has 6 fields: expected 5, as in the header".to_owned(),
        "esco/skills.csv line 3 has 7 fields: expected 6, as in the header".to_owned(),
        not_read("occupation_skills", 2, "occ_id", "0", "occupations", 2),
        not_read("occupation_skills", 3, "occ_id", "0", "occupations", 2),
        not_read("occupation_skills", 3, "skill_id", "1", "skills", 3),
        not_read("occupation_skills", 4, "skill_id", "1", "skills", 3),
        "esco/occupation_skills.csv line 5, column `skill_id`: `2` is not in esco/skills.csv"
            .to_owned(),
        "esco/skill_groups.csv line 2 has 3 fields: expected 2, as in the header".to_owned(),
        not_read("skill_broader", 2, "child_id", "1", "skills", 3),
        not_read("skill_broader", 2, "parent_id", "7", "skill_groups", 2),
        not_read("skill_broader", 3, "parent_id", "7", "skill_groups", 2),
    ];
    assert_eq!(messages, expected);
}

/// `esco/04`: the same in the official files: a relation naming the URI of an occupation
/// whose row has a field more than the header names that row, not an unknown URI.
#[test]
fn official_relations_to_rows_not_read_name_those_rows() {
    let case = |file: &str| {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!(
            "tests/data/cases/esco/04-official-ragged-rows-{file}.csv"
        ));
        std::fs::read_to_string(path).expect("the case's file")
    };
    let (occupations, skills, relations) = (
        case("occupations_en"),
        case("skills_en"),
        case("occupationSkillRelations"),
    );
    let csv = EscoCsv::new(&occupations, &skills, &relations);
    let errors = load_esco(&csv, &EscoOptions::default()).expect_err("a ragged row");
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    let occupation = "http://data.europa.eu/esco/occupation";
    assert_eq!(
        messages,
        [
            "occupations_<lang>.csv line 2 has 5 fields: expected 4, as in the header".to_owned(),
            format!(
                "occupationSkillRelations.csv line 2, column `occupationUri`: \
                 `{occupation}/a1` is the id of occupations_<lang>.csv line 2, which was \
                 not read for its own problem"
            ),
            format!(
                "occupationSkillRelations.csv line 3, column `occupationUri`: \
                 `{occupation}/a3` is not in occupations_<lang>.csv"
            ),
        ]
    );
    // A report sets aside the relation naming an unknown URI, not the one naming a row
    // not read, which is that row's problem.
    let report = load_esco_report(&csv, &EscoOptions::default()).expect_err("a ragged row");
    let reported: Vec<String> = report.iter().map(ToString::to_string).collect();
    assert_eq!(reported, messages[..2]);
}
