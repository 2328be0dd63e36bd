//! The official ESCO CSV download (`occupations_<lang>.csv`, `skills_<lang>.csv`,
//! `occupationSkillRelations.csv`, `broaderRelationsSkillPillar.csv`,
//! `skillsHierarchy_<lang>.csv`), read into the tables the compact layout gives: every
//! concept keyed by URI, then numbered by the rank of its URI, as the compact conversion
//! numbers them, so that both layouts of one release give the same ids.

use std::collections::{HashMap, HashSet};

use super::hierarchy::{Edge, Hierarchy, Node};
use super::uris::Near;
use super::{Occupation, Rows, Skill, Tables};
use crate::interop::csv::{Row, Seen, Table};
use crate::model::names::one_line;
use crate::model::order;
use crate::{Error, EscoOptions};

pub(super) const OCCUPATIONS: &str = "occupations_<lang>.csv";
pub(super) const SKILLS: &str = "skills_<lang>.csv";
pub(super) const RELATIONS: &str = "occupationSkillRelations.csv";
pub(super) const BROADER: &str = "broaderRelationsSkillPillar.csv";
pub(super) const HIERARCHY: &str = "skillsHierarchy_<lang>.csv";

/// The hierarchy file's columns, per level 0 to 3: URI, preferred term, code.
const LEVELS: [[&str; 3]; 4] = [
    ["Level 0 URI", "Level 0 preferred term", "Level 0 code"],
    ["Level 1 URI", "Level 1 preferred term", "Level 1 code"],
    ["Level 2 URI", "Level 2 preferred term", "Level 2 code"],
    ["Level 3 URI", "Level 3 preferred term", "Level 3 code"],
];

/// Whether `occupations` is the official file: its header names `conceptUri` or
/// `preferredLabel`, which the compact layout has no column for.
pub(super) fn is_official(occupations: &str) -> bool {
    let mut scratch = Vec::new();
    ["conceptUri", "preferredLabel"]
        .into_iter()
        .any(|column| Table::open(OCCUPATIONS, occupations, &[column], &mut scratch).is_some())
}

/// URI → id: the rank of the URI among the file's.
type Ids = HashMap<String, u32>;

/// A file's ids, the keys of its records not read with their line (see
/// [`Rows::refused`]), and its URIs by their form without scheme and trailing slash.
type Known<'a> = (&'a Ids, &'a HashMap<String, usize>, &'a Near);

/// Reads the official files; a relation naming a URI the files do not hold goes to
/// `aside` when given, else to `errors`.
pub(super) fn read(
    csv: &super::EscoCsv<'_>,
    options: &EscoOptions,
    errors: &mut Vec<Error>,
    aside: Option<&mut Vec<Error>>,
) -> Tables {
    let mut notes = Vec::new();
    let occupations = read_occupations(csv.occupations, errors, &mut notes);
    let skills = read_skills(csv.skills, options, errors, &mut notes);
    let requires = read_relations(
        csv.occupation_skills,
        occupations.as_ref().map(|o| (&o.0, &o.1.refused, &o.2)),
        skills.as_ref().map(|s| (&s.0, &s.1.refused, &s.2)),
        options,
        errors,
        aside,
    );
    let hierarchy = csv.hierarchy.map(|h| {
        read_hierarchy(
            (h.skill_broader, h.skill_groups),
            skills.as_ref().map(|s| (&s.0, &s.1.refused, &s.2)),
            errors,
            &mut notes,
        )
    });
    Tables {
        notes,
        occupations: occupations.map(|o| o.1),
        skills: skills.map(|s| s.1),
        requires,
        hierarchy,
    }
}

/// Numbers rows keyed by URI by the rank of their URI (byte order).
fn rank<T>(mut rows: Vec<(String, Option<T>)>) -> (Ids, Rows<T>) {
    order::sort_unstable_by(&mut rows, |a, b| a.0.cmp(&b.0));
    numbered(rows)
}

/// Numbers rows in the order given.
fn numbered<T>(rows: Vec<(String, Option<T>)>) -> (Ids, Rows<T>) {
    let mut ids = HashMap::with_capacity(rows.len());
    let mut out = Rows::new();
    for (at, (uri, row)) in rows.into_iter().enumerate() {
        let id = u32::try_from(at).unwrap_or(u32::MAX);
        ids.insert(uri, id);
        out.insert(id, row);
    }
    (ids, out.finish())
}

/// The row's URI in `column`, when it is a usable id and not repeated.
fn uri<'r>(
    row: &Row<'r>,
    column: &'static str,
    seen: &mut Seen<String>,
    errors: &mut Vec<Error>,
) -> Option<&'r str> {
    let uri = row.id_text(column, row.text(column), errors)?;
    match seen.check(row, uri.to_owned(), column, true, |_| uri.to_owned()) {
        Ok(()) => Some(uri),
        Err(e) => {
            errors.push(e);
            None
        }
    }
}

fn read_occupations(
    text: &str,
    errors: &mut Vec<Error>,
    notes: &mut Vec<Error>,
) -> Option<(Ids, Rows<Occupation>, Near)> {
    let columns = ["conceptUri", "iscoGroup", "preferredLabel"];
    let table = Table::open(OCCUPATIONS, text, &columns, errors)?;
    let mut rows = Vec::new();
    let mut lines = Vec::new();
    let mut seen = Seen::new();
    let refused = table.rows(errors, |row, errors| {
        let uri = uri(row, "conceptUri", &mut seen, errors);
        let major = super::isco_major(row, "iscoGroup", errors);
        let label = row.non_empty("preferredLabel", errors);
        if let Some(uri) = uri {
            let occupation = major.zip(label).map(|(major, label)| Occupation {
                major,
                label: one_line(label),
            });
            rows.push((uri.to_owned(), occupation));
            lines.push((uri.to_owned(), row.line()));
        }
    });
    let near = Near::new(OCCUPATIONS, lines, notes);
    let (ids, rows) = rank(rows);
    Some((ids, rows.refused(&refused), near))
}

fn read_skills(
    text: &str,
    options: &EscoOptions,
    errors: &mut Vec<Error>,
    notes: &mut Vec<Error>,
) -> Option<(Ids, Rows<Skill>, Near)> {
    let columns = ["conceptUri", "skillType", "reuseLevel", "preferredLabel"];
    let table = Table::open(SKILLS, text, &columns, errors)?;
    let mut rows = Vec::new();
    let mut lines = Vec::new();
    let mut seen = Seen::new();
    let refused = table.rows(errors, |row, errors| {
        let uri = uri(row, "conceptUri", &mut seen, errors);
        let skill = super::skill_of(row, &columns[1..], options.type_rule, errors);
        if let Some(uri) = uri {
            let skill = skill.map(|(kind, label)| Skill {
                kind,
                label: one_line(label),
            });
            rows.push((uri.to_owned(), skill));
            lines.push((uri.to_owned(), row.line()));
        }
    });
    let near = Near::new(SKILLS, lines, notes);
    let (ids, rows) = rank(rows);
    Some((ids, rows.refused(&refused), near))
}

/// Per occupation id, its required skill ids and levels, in row order.
fn read_relations(
    text: &str,
    occupations: Option<Known<'_>>,
    skills: Option<Known<'_>>,
    options: &EscoOptions,
    errors: &mut Vec<Error>,
    mut aside: Option<&mut Vec<Error>>,
) -> HashMap<u32, Vec<(u32, u8)>> {
    let mut out: HashMap<u32, Vec<(u32, u8)>> = HashMap::new();
    let columns = ["occupationUri", "relationType", "skillUri"];
    let Some(table) = Table::open(RELATIONS, text, &columns, errors) else {
        return out;
    };
    let (mut seen, mut unchecked) = (Seen::new(), Seen::new());
    table.rows(errors, |row, errors| {
        let relation = row.one_of(
            "relationType",
            &["essential", "optional"],
            "`essential` or `optional`",
            errors,
        );
        let mut end = |column, known: Option<Known<'_>>, target| {
            let uri = row.id_text(column, row.text(column), errors)?;
            let found = known.map(|(ids, _, _)| ids.get(uri).copied());
            if let (Some(None), Some((_, refused, near))) = (found, known) {
                let unknown = near.missing(row, column, target, refused);
                match aside.as_deref_mut() {
                    Some(aside) if matches!(unknown, Error::CsvUnknownReference { .. }) => {
                        aside.push(unknown);
                    }
                    _ => errors.push(unknown),
                }
            }
            // Without the file's table (itself in error), an id that checks nothing.
            Some(found.unwrap_or(Some(u32::MAX)))
        };
        let occ = end("occupationUri", occupations, OCCUPATIONS);
        let skill = end("skillUri", skills, SKILLS);
        let (Some(Some(occ)), Some(Some(skill)), Some(relation)) = (occ, skill, relation) else {
            return;
        };
        let shown = |_| format!("{}, {}", row.text("occupationUri"), row.text("skillUri"));
        let column = "occupationUri, skillUri";
        // An end whose file is in error is unchecked (`u32::MAX`): such rows are one pair
        // only when they write the same URIs.
        let repeated = if occ == u32::MAX || skill == u32::MAX {
            let text = format!("{}\n{}", row.text("occupationUri"), row.text("skillUri"));
            unchecked.check(row, text, column, true, shown)
        } else {
            seen.check(row, (occ as usize, skill as usize), column, true, shown)
        };
        if let Err(e) = repeated {
            errors.push(e);
            return;
        }
        let level = if relation == "essential" {
            Some(options.essential_level)
        } else {
            options.include_optional.then_some(options.optional_level)
        };
        if let Some(level) = level {
            out.entry(occ).or_default().push((skill, level));
        }
    });
    out
}

/// A skill group of the hierarchy file: its code and label (`None` when blank).
struct Group {
    code: String,
    label: Option<String>,
}

/// The groups of the hierarchy file, numbered by code (groups without one last), then
/// URI: the order the compact conversion numbers them in; and their URIs by their form
/// without scheme and trailing slash, each set of lookalikes noted in `notes` with the
/// line of the row first giving each group (a group is named on every row below it).
fn read_groups(
    text: &str,
    errors: &mut Vec<Error>,
    notes: &mut Vec<Error>,
) -> Option<(Ids, Rows<String>, Near)> {
    let columns: Vec<&'static str> = LEVELS.iter().flatten().copied().collect();
    // Its rows leave out the empty fields that end them.
    let table = Table::open(HIERARCHY, text, &columns, errors)?.ragged();
    let mut groups: Vec<(String, Option<Group>)> = Vec::new();
    let mut known: HashSet<String> = HashSet::new();
    let mut lines = Vec::new();
    table.rows(errors, |row, errors| {
        for [uri, term, code] in LEVELS {
            let text = row.text(uri);
            // Each row is a path from a pillar down; a group's first row gives it.
            if text.is_empty() || known.contains(text) {
                continue;
            }
            let Some(text) = row.id_text(uri, text, errors) else {
                continue;
            };
            known.insert(text.to_owned());
            lines.push((text.to_owned(), row.line()));
            let group = Group {
                code: row.text(code).to_owned(),
                label: row.non_empty(term, errors).map(one_line),
            };
            groups.push((text.to_owned(), Some(group)));
        }
    });
    order::sort_unstable_by(&mut groups, |a, b| {
        let code = |g: &Option<Group>| g.as_ref().map_or("", |g| g.code.as_str()).to_owned();
        let (ca, cb) = (code(&a.1), code(&b.1));
        (ca.is_empty(), ca, &a.0).cmp(&(cb.is_empty(), cb, &b.0))
    });
    let labels = groups
        .into_iter()
        .map(|(uri, g)| (uri, g.and_then(|g| g.label)))
        .collect();
    let near = Near::new(HIERARCHY, lines, notes);
    let (ids, labels) = numbered(labels);
    Some((ids, labels, near))
}

/// The hierarchy from the broader relations and the hierarchy file (`files`), the
/// lookalike URIs of the hierarchy file's groups noted in `notes`.
fn read_hierarchy(
    (broader, hierarchy): (&str, &str),
    skills: Option<Known<'_>>,
    errors: &mut Vec<Error>,
    notes: &mut Vec<Error>,
) -> Hierarchy {
    let groups = read_groups(hierarchy, errors, notes);
    let (group_ids, labels, near) = match groups {
        Some((ids, labels, near)) => (Some(ids), labels, near),
        None => (None, Rows::new(), Near::default()),
    };
    let mut edges = Vec::new();
    let columns = ["conceptType", "conceptUri", "broaderType", "broaderUri"];
    if let Some(table) = Table::open(BROADER, broader, &columns, errors) {
        let mut seen = Seen::new();
        table.rows(errors, |row, errors| {
            let mut end = |type_column, uri_column| {
                let kind = row.one_of(
                    type_column,
                    &["KnowledgeSkillCompetence", "SkillGroup"],
                    "`KnowledgeSkillCompetence` or `SkillGroup`",
                    errors,
                );
                let uri = row.id_text(uri_column, row.text(uri_column), errors);
                let (kind, uri) = (kind?, uri?);
                let skill = kind == "KnowledgeSkillCompetence";
                let (ids, target) = if skill {
                    (skills, SKILLS)
                } else {
                    (
                        group_ids.as_ref().map(|ids| (ids, &labels.refused, &near)),
                        HIERARCHY,
                    )
                };
                let id = match ids.map(|(ids, _, _)| ids.get(uri).copied()) {
                    Some(Some(id)) => id,
                    Some(None) => {
                        let (refused, near) =
                            ids.map_or((&labels.refused, &near), |(_, r, n)| (r, n));
                        errors.push(near.missing(row, uri_column, target, refused));
                        return None;
                    }
                    // Without the file's table (itself in error), nothing to check.
                    None => return None,
                };
                Some(if skill {
                    Node::Skill(id)
                } else {
                    Node::Group(id)
                })
            };
            let child = end("conceptType", "conceptUri");
            let parent = end("broaderType", "broaderUri");
            let (Some(child), Some(parent)) = (child, parent) else {
                return;
            };
            let shown = |_| format!("{}, {}", row.text("conceptUri"), row.text("broaderUri"));
            match seen.check(row, (child, parent), "conceptUri, broaderUri", true, shown) {
                Ok(()) => edges.push(Edge {
                    line: row.line(),
                    child,
                    parent,
                }),
                Err(e) => errors.push(e),
            }
        });
    }
    Hierarchy {
        labels: labels.finish(),
        edges,
        file: BROADER,
        parent_column: "broaderUri",
    }
}
