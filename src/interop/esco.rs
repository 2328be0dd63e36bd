//! ESCO CSVs (the official download, or the compact layout of `data/esco`) →
//! [`FrameworkSpec`].

mod hierarchy;
mod official;
mod uris;

use std::collections::HashMap;

use crate::interop::csv::{Row, Seen, Table};
use crate::model::names::lf_lines;
use crate::model::order;
use crate::{
    CompetencySpec, CompetencyType, Error, Errors, FrameworkSpec, GroupId, GroupSpec, PositionSpec,
    RequirementSpec, RoleSpec,
};

const OCCUPATIONS: &str = "esco/occupations.csv";
const SKILLS: &str = "esco/skills.csv";
const LINKS: &str = "esco/occupation_skills.csv";
const BROADER: &str = "esco/skill_broader.csv";
const GROUPS: &str = "esco/skill_groups.csv";

const SKILL_TYPES: &[&str] = &["knowledge", "skill/competence", ""];
const REUSE_LEVELS: &[&str] = &[
    "transversal",
    "cross-sector",
    "sector-specific",
    "occupation-specific",
    "",
];

/// Chooses a competency type from an ESCO skill's `skill_type` and `reuse_level` columns.
///
/// The loader calls it only with the values ESCO uses: `skill_type` is `knowledge`,
/// `skill/competence` or empty; `reuse_level` is `transversal`, `cross-sector`,
/// `sector-specific`, `occupation-specific` or empty.
pub type EscoTypeRule = fn(skill_type: &str, reuse_level: &str) -> CompetencyType;

/// The texts of the ESCO CSV files, in either of two layouts, told from the header of
/// `occupations` (every file is then read in that layout):
///
/// - the **official download** of the European Commission, as unzipped from
///   `ESCO dataset - v1.1.1 - classification - en - csv.zip` (or another language's) and
///   the language-independent `ESCO dataset - v1.1.1 - classification -  - csv.zip`: its
///   `occupations` header names `conceptUri` or `preferredLabel`. Needed columns:
///   - `occupations`: `occupations_<lang>.csv`, `conceptUri,iscoGroup,preferredLabel`;
///   - `skills`: `skills_<lang>.csv`, `conceptUri,skillType,reuseLevel,preferredLabel`;
///   - `occupation_skills`: `occupationSkillRelations.csv`,
///     `occupationUri,relationType,skillUri` (`essential` or `optional`);
///   - with the [hierarchy](EscoCsv::hierarchy), `skill_broader`:
///     `broaderRelationsSkillPillar.csv`, `conceptType,conceptUri,broaderType,broaderUri`
///     (types `KnowledgeSkillCompetence` or `SkillGroup`), and `skill_groups`:
///     `skillsHierarchy_<lang>.csv`, `Level N URI`, `Level N preferred term` and
///     `Level N code` for N = 0 to 3 (not `skillGroups_<lang>.csv`, which lacks 7 of the
///     647 groups of v1.1.1 that the broader relations name).
///
///   Labels are the preferred labels, in the files' language, runs of whitespace and line
///   breaks made one space. Ids are numbered as the compact conversion numbers them, so
///   that both layouts of one release give the same [`FrameworkSpec`]: an occupation's or
///   skill's `<id>` (in `occ-<id>`, `skill-<id>`) is the 0-based rank of its URI among
///   the URIs of its file, in byte order; a group's (in `group-<id>`) is its rank among
///   the hierarchy file's groups ordered by code, groups without a code last, then by URI.
///   Ids therefore depend on the whole file: a file with fewer or more concepts (a subset,
///   another release) numbers them anew, so compare such loads by URI.
///   URIs compare as written: two that differ only in a trailing slash or in
///   `http`/`https` are two concepts, which [`load_esco_report`] notes
///   ([`EscoLoad::notes`]).
/// - the **compact layout** of the repository's `data/esco` (described in
///   `data/README.md`), made from the official files by a converter (integer ids):
///   - `occupations`: `occ_id,isco_group,label`;
///   - `skills`: `skill_id,skill_type,reuse_level,label`;
///   - `occupation_skills`: `occ_id,skill_id,relation` (`E` essential, `O` optional);
///   - `skill_broader` and `skill_groups`: see [`EscoHierarchyCsv`].
///
///   Labels are read as written, but for a line break inside a quoted label, read as `\n`
///   whether the file writes it `\r\n`, `\r` or `\n`: one file saved on Windows or not
///   gives the same names.
///
/// Columns are found by name in each header; other columns are ignored. A file in the
/// other layout than `occupations` is reported by the columns it lacks.
///
/// ESCO is published under Commission Decision 2011/833/EU (CC BY 4.0): reuse is
/// authorised provided the source is acknowledged. Wherever the data or results derived
/// from it are shown, say so, e.g. "This product uses the ESCO classification of the
/// European Commission. ESCO v1.1.1, © European Union, <https://esco.ec.europa.eu/>",
/// and do not imply that the Commission endorses the use.
///
/// # Example
/// The official layout, ids by the rank of each URI:
/// ```
/// use karmayogi::{EscoCsv, EscoOptions, load_esco};
///
/// let occupations = "conceptType,conceptUri,iscoGroup,preferredLabel,altLabels\n\
///     Occupation,http://data.europa.eu/esco/occupation/b,2422,policy officer,\"policy adviser\n\
///     policy analyst\"\n\
///     Occupation,http://data.europa.eu/esco/occupation/a,2654,technical director,\n";
/// let skills = "conceptType,conceptUri,skillType,reuseLevel,preferredLabel\n\
///     KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/s,knowledge,cross-sector,law\n";
/// let relations = "occupationUri,relationType,skillType,skillUri\n\
///     http://data.europa.eu/esco/occupation/b,essential,knowledge,http://data.europa.eu/esco/skill/s\n";
///
/// let spec = load_esco(&EscoCsv::new(occupations, skills, relations), &EscoOptions::default())?;
/// assert_eq!(spec.positions[1].id.as_str(), "occ-1");
/// assert_eq!(spec.positions[1].name, "policy officer");
/// assert_eq!(spec.roles[1].requires[0].competency.as_str(), "skill-0");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct EscoCsv<'a> {
    /// `occupations.csv`.
    pub occupations: &'a str,
    /// `skills.csv`.
    pub skills: &'a str,
    /// `occupation_skills.csv`.
    pub occupation_skills: &'a str,
    /// The skill hierarchy, mapped to competency groups (or areas, see
    /// [`EscoOptions::hierarchy`]); `None` leaves competencies without groups.
    pub hierarchy: Option<EscoHierarchyCsv<'a>>,
}

/// The texts of the two ESCO files describing the skill hierarchy, in the layout of the
/// other files (see [`EscoCsv`]).
#[derive(Clone, Copy, Debug)]
pub struct EscoHierarchyCsv<'a> {
    /// `skill_broader.csv`: `child_kind,child_id,parent_kind,parent_id`, kinds `S` (a
    /// `skill_id`) or `G` (a `group_id`); officially `broaderRelationsSkillPillar.csv`.
    pub skill_broader: &'a str,
    /// `skill_groups.csv`: `group_id,label` (other columns ignored); officially
    /// `skillsHierarchy_<lang>.csv`.
    pub skill_groups: &'a str,
}

impl<'a> EscoCsv<'a> {
    /// The three files every load needs, without the hierarchy.
    pub fn new(occupations: &'a str, skills: &'a str, occupation_skills: &'a str) -> Self {
        EscoCsv {
            occupations,
            skills,
            occupation_skills,
            hierarchy: None,
        }
    }

    /// Adds the skill hierarchy, so that competencies get their groups (or an `area`):
    /// `skill_broader.csv` and `skill_groups.csv`, or officially
    /// `broaderRelationsSkillPillar.csv` and `skillsHierarchy_<lang>.csv`.
    pub fn hierarchy(mut self, skill_broader: &'a str, skill_groups: &'a str) -> Self {
        self.hierarchy = Some(EscoHierarchyCsv {
            skill_broader,
            skill_groups,
        });
        self
    }
}

/// How [`load_esco`] maps ESCO's skill hierarchy, when [`EscoCsv::hierarchy`] gives it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum EscoHierarchy {
    /// The whole poly-hierarchy as competency groups with ids (skill → skill → group →
    /// group), several parents kept. The default.
    #[default]
    Groups,
    /// Each competency's `area` is the label of its nearest skill group, and no group is
    /// declared: one flat label per skill, as before groups had ids. Skills with the same
    /// nearest label share one `area:` group, and the rest of the hierarchy is not kept.
    NearestArea,
}

/// Options for [`load_esco`].
#[derive(Clone, Copy, Debug)]
pub struct EscoOptions {
    essential_level: u8,
    optional_level: u8,
    include_optional: bool,
    type_rule: EscoTypeRule,
    hierarchy: EscoHierarchy,
}

impl Default for EscoOptions {
    fn default() -> Self {
        EscoOptions {
            essential_level: 3,
            optional_level: 2,
            include_optional: true,
            type_rule: EscoOptions::standard_type,
            hierarchy: EscoHierarchy::Groups,
        }
    }
}

impl EscoOptions {
    /// The level required by an essential link, 1 to 5 (default 3, Advanced).
    pub fn essential_level(mut self, level: u8) -> Self {
        self.essential_level = level;
        self
    }

    /// The level required by an optional link, 1 to 5 (default 2, Proficient).
    pub fn optional_level(mut self, level: u8) -> Self {
        self.optional_level = level;
        self
    }

    /// Whether optional links become requirements (default `true`). When `false` they are
    /// still checked, but only essential links are required.
    pub fn include_optional(mut self, yes: bool) -> Self {
        self.include_optional = yes;
        self
    }

    /// How a skill's type is chosen (default [`EscoOptions::standard_type`]).
    pub fn type_rule(mut self, rule: EscoTypeRule) -> Self {
        self.type_rule = rule;
        self
    }

    /// How the skill hierarchy is mapped (default [`EscoHierarchy::Groups`]).
    pub fn hierarchy(mut self, hierarchy: EscoHierarchy) -> Self {
        self.hierarchy = hierarchy;
        self
    }

    /// The default type rule: reuse level `transversal` → behavioural (ESCO's transversal
    /// skills are values and conduct across all jobs); otherwise skill type `knowledge` →
    /// domain; everything else (`skill/competence` or untyped) → functional.
    pub fn standard_type(skill_type: &str, reuse_level: &str) -> CompetencyType {
        if reuse_level == "transversal" {
            CompetencyType::Behavioural
        } else if skill_type == "knowledge" {
            CompetencyType::Domain
        } else {
            CompetencyType::Functional
        }
    }
}

/// Builds a [`FrameworkSpec`] from the ESCO CSV texts, in the official layout or the
/// compact one (see [`EscoCsv`]; for the official files, read each column below by its
/// official name). The two layouts of one release give the same document.
///
/// The mapping:
/// - each occupation becomes a position `occ-<occ_id>` with one role `role-<occ_id>`, both
///   named by the occupation's label, in department `isco-<d>`, `d` being the first digit of
///   its ISCO-08 unit group (the major group). The group must be written with its 4
///   digits: a code that lost its leading zero (`110` for `0110`) would name another major
///   group, so it is refused (see Errors);
/// - each skill becomes a competency `skill-<skill_id>` named by its label, typed by the
///   [type rule](EscoOptions::type_rule), with the default five levels and no description;
/// - each occupation → skill link becomes a requirement attached directly to the role:
///   essential at [`essential_level`](EscoOptions::essential_level) (3), optional at
///   [`optional_level`](EscoOptions::optional_level) (2). ESCO has no proficiency levels:
///   the two levels only keep the essential/optional distinction.
/// - with the [hierarchy](EscoCsv::hierarchy) and [`EscoHierarchy::Groups`] (the default),
///   the whole poly-hierarchy becomes competency groups (free kind), every edge of
///   `skill_broader.csv` one link, several parents kept:
///   - each skill group becomes a group `group-<group_id>` named by its label;
///   - each skill that has narrower concepts (2,313 in ESCO v1.1.1) also becomes a group
///     `skill-group-<skill_id>`, named by the skill's label, holding the skill itself, so
///     that a roll-up to it counts the skill and everything narrower;
///   - an edge from a skill to its broader group or skill puts the competency
///     `skill-<skill_id>` in the parent's group, and, when the skill has its own group,
///     makes the parent's group a parent of it; an edge from a group makes the parent's
///     group its parent.
///
///   So `groups` lists every group a skill sits in directly, and nothing of the
///   hierarchy is set aside. With [`EscoHierarchy::NearestArea`], a competency's `area` is
///   instead the label of its nearest broader skill group: a group the skill sits in
///   directly (the lowest `group_id` when there are several) or, for a skill whose broader
///   concepts are all skills, the nearest group reached by going up through broader skills
///   (fewest steps, then lowest `group_id`). Without the hierarchy, competencies have no
///   group and no area.
///
/// Competencies, roles and positions are ordered by ESCO's integer ids, and each role's
/// requirements by skill id, so the output does not depend on the order of rows. There are
/// no activities and no courses.
///
/// # Errors
/// Every problem, as [`Errors`]: [`Error::InvalidOption`] for a level outside 1 to 5;
/// [`Error::CsvMissingColumn`], [`Error::CsvAmbiguousColumn`], [`Error::CsvUnclosedQuote`],
/// [`Error::CsvMisplacedQuote`]
/// and [`Error::CsvFieldCount`] for malformed files; [`Error::CsvInvalidValue`] for an id
/// that is not a whole number, an ISCO-08 group that is not a unit group (4 digits, the
/// second and third not 0: `110`, the armed forces' `0110` saved by a spreadsheet as a
/// number, is refused with that suggestion), an empty or blank label, or
/// an unknown skill type, reuse level, relation or hierarchy kind;
/// [`Error::CsvDuplicateKey`] for a repeated occupation, skill, group, link or hierarchy
/// edge (in the official layout: URI, or pair of URIs); [`Error::CsvRefusedReference`] for
/// a link or hierarchy edge naming the id or URI of a row not read for its own problem
/// (a field count, a quoting error); [`Error::CsvUnknownReference`] for
/// a link or hierarchy edge naming an id or URI its file does not hold (the official
/// v1.1.1 relations name a withdrawn occupation 67 times: [`load_esco_report`] sets such
/// relations aside and reports them instead); and, with [`EscoHierarchy::Groups`], an [`Error::CsvRow`] holding an
/// [`Error::GroupCycle`] for hierarchy edges that form a cycle (at the line of the cycle's
/// first edge), which a framework would refuse.
///
/// # Complexity
/// Linear in the size of the texts, plus sorting the requirements of each occupation
/// (and, in the official layout, the URIs of each file: O(n log n) for n concepts).
///
/// # Example
/// ```
/// use karmayogi::{EscoCsv, EscoOptions, Framework, load_esco};
///
/// let occupations = "occ_id,uuid,isco_group,esco_code,label\n\
///                    7,u7,2422,2422.1,policy officer\n";
/// let skills = "skill_id,uuid,skill_type,reuse_level,hier_level,label\n\
///               3,s3,skill/competence,cross-sector,,\"draft rules, orders\"\n\
///               4,s4,knowledge,sector-specific,,public finance\n";
/// let links = "occ_id,skill_id,relation\n7,4,O\n7,3,E\n";
///
/// let spec = load_esco(&EscoCsv::new(occupations, skills, links), &EscoOptions::default())?;
/// assert_eq!(spec.positions[0].id.as_str(), "occ-7");
/// assert_eq!(spec.positions[0].department.as_str(), "isco-2");
/// assert_eq!(spec.competencies[0].name, "draft rules, orders");
/// let required: Vec<(&str, u8)> =
///     spec.roles[0].requires.iter().map(|r| (r.competency.as_str(), r.level)).collect();
/// assert_eq!(required, [("skill-3", 3), ("skill-4", 2)]);
/// let framework = Framework::new(spec)?;
/// assert_eq!(framework.requirements("occ-7")?.len(), 2);
///
/// let broken = "occ_id,skill_id,relation\n7,9,E\n";
/// let errors = load_esco(&EscoCsv::new(occupations, skills, broken), &EscoOptions::default())
///     .unwrap_err();
/// assert_eq!(
///     errors.as_slice()[0].to_string(),
///     "esco/occupation_skills.csv line 2, column `skill_id`: `9` is not in esco/skills.csv"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn load_esco(csv: &EscoCsv<'_>, options: &EscoOptions) -> Result<FrameworkSpec, Errors> {
    load(csv, options, None).map(|(spec, _)| spec)
}

/// What [`load_esco_report`] built, and the relations it set aside.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct EscoLoad {
    /// The framework document, as [`load_esco`] builds it without the relations set aside.
    pub spec: FrameworkSpec,
    /// The relations naming an occupation or skill the files do not hold, each an
    /// [`Error::CsvUnknownReference`] naming the file, line, column and the id or URI
    /// (one per unknown column of a row), in file order. ESCO v1.1.1's official
    /// `occupationSkillRelations.csv` has 67 such rows, all naming the withdrawn
    /// occupation `http://data.europa.eu/esco/occupation/a9e54177-a185-404d-b6e6-15663d31137e`
    /// (the compact files of `data/esco` were made without them).
    pub set_aside: Vec<Error>,
    /// Probable mistakes that are not errors, nothing of them merged or left out: the
    /// concepts of the official `occupations_<lang>.csv` or `skills_<lang>.csv`, and the
    /// skill groups of `skillsHierarchy_<lang>.csv` (each at the line of the first row
    /// giving it, as every row names the groups above it), whose URIs differ only in a
    /// trailing slash or in `http`/`https`, each set an [`Error::LookalikeUris`] with the
    /// URIs and their lines, sets in the order of their least URI, occupations first, then
    /// skills, then groups. Each is read as its own concept (URIs compare as written). A
    /// relation naming such a variant of a URI its file does not hold is set aside with
    /// that URI as its `nearest`; a broader relation naming such a variant of a skill's or
    /// group's URI is refused ([`Error::CsvUnknownReference`]) with that URI as its
    /// `nearest` (esco/07).
    pub notes: Vec<Error>,
}

/// [`load_esco`] that sets aside, and reports, each relation naming an occupation or skill
/// the files do not hold, rather than refusing the files for it.
///
/// A publisher's release can name a concept it no longer lists (ESCO v1.1.1 does, see
/// [`EscoLoad::set_aside`]); such a relation cannot become a requirement, and everything
/// else of the files still can. Every other problem is an error, as for [`load_esco`],
/// and so is an edge of the hierarchy naming an unknown concept.
///
/// # Errors
/// As [`load_esco`], without the [`Error::CsvUnknownReference`]s of relations.
///
/// # Complexity
/// As [`load_esco`].
///
/// # Example
/// ```
/// use karmayogi::{Error, EscoCsv, EscoOptions, load_esco_report};
///
/// let occupations = "occ_id,uuid,isco_group,esco_code,label\n7,u7,2422,2422.1,policy officer\n";
/// let skills = "skill_id,uuid,skill_type,reuse_level,hier_level,label\n\
///               3,s3,skill/competence,cross-sector,,draft rules\n";
/// let links = "occ_id,skill_id,relation\n7,3,E\n8,3,O\n";
///
/// let load = load_esco_report(&EscoCsv::new(occupations, skills, links), &EscoOptions::default())?;
/// assert_eq!(load.spec.roles[0].requires.len(), 1);
/// assert!(matches!(
///     &load.set_aside[..],
///     [Error::CsvUnknownReference { line: 3, column: "occ_id", .. }]
/// ));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn load_esco_report(csv: &EscoCsv<'_>, options: &EscoOptions) -> Result<EscoLoad, Errors> {
    let mut set_aside = Vec::new();
    let (spec, notes) = load(csv, options, Some(&mut set_aside))?;
    Ok(EscoLoad {
        spec,
        set_aside,
        notes,
    })
}

/// The tables of either layout, ids numbered as the compact layout numbers them.
struct Tables {
    /// Probable mistakes that are not errors ([`Error::LookalikeUris`]).
    notes: Vec<Error>,
    occupations: Option<Rows<Occupation>>,
    skills: Option<Rows<Skill>>,
    /// Per occupation, its required skills and levels, in row order.
    requires: HashMap<u32, Vec<(u32, u8)>>,
    hierarchy: Option<hierarchy::Hierarchy>,
}

/// [`load_esco`], with a relation naming an unknown occupation or skill set aside in
/// `aside` when it is given, and the notes of [`EscoLoad::notes`].
fn load(
    csv: &EscoCsv<'_>,
    options: &EscoOptions,
    aside: Option<&mut Vec<Error>>,
) -> Result<(FrameworkSpec, Vec<Error>), Errors> {
    let mut errors = Vec::new();
    for (option, level) in [
        ("essential_level", options.essential_level),
        ("optional_level", options.optional_level),
    ] {
        if !(1..=5).contains(&level) {
            errors.push(Error::InvalidOption {
                option,
                value: f64::from(level),
                expected: "a level from 1 to 5",
            });
        }
    }
    let tables = if official::is_official(csv.occupations) {
        official::read(csv, options, &mut errors, aside)
    } else {
        let occupations = read_occupations(csv.occupations, &mut errors);
        let skills = read_skills(csv.skills, options.type_rule, &mut errors);
        let requires = read_links(
            csv.occupation_skills,
            occupations.as_ref(),
            skills.as_ref(),
            options,
            &mut errors,
            aside,
        );
        let hierarchy = csv.hierarchy.map(|h| {
            hierarchy::read(
                h.skill_broader,
                h.skill_groups,
                skills.as_ref(),
                &mut errors,
            )
        });
        Tables {
            notes: Vec::new(),
            occupations,
            skills,
            requires,
            hierarchy,
        }
    };
    let mut shape = Shape::default();
    if let (Some(read), Some(skills)) = (&tables.hierarchy, &tables.skills) {
        match options.hierarchy {
            EscoHierarchy::NearestArea => {
                shape.areas = hierarchy::nearest_areas(read, skills.keys().copied());
            }
            EscoHierarchy::Groups => {
                let groups = hierarchy::groups(read, skills, &mut errors);
                shape.groups = groups.groups;
                shape.of_skill = groups.of_skill;
            }
        }
    }
    if let Some(errors) = Errors::from_vec(errors) {
        return Err(errors);
    }
    // Without errors, both tables were read and every row in them is complete.
    let occupations = tables.occupations.into_iter().flatten();
    let skills = tables.skills.into_iter().flatten();
    Ok((
        build(occupations, skills, tables.requires, shape),
        tables.notes,
    ))
}

/// What the hierarchy gives each competency: an area, or groups (declared in `groups`).
#[derive(Default)]
struct Shape {
    areas: HashMap<u32, String>,
    groups: Vec<GroupSpec>,
    /// Each skill's groups, by `Node::Skill`.
    of_skill: HashMap<hierarchy::Node, Vec<GroupId>>,
}

struct Occupation {
    major: char,
    label: String,
}

struct Skill {
    kind: CompetencyType,
    label: String,
}

/// A file's rows by id, in id order; `None` for a row with a valid id but another malformed
/// field, so that references to it are not reported as unknown as well. The keys of the
/// records not read at all (a quoting error, a ragged row) are kept apart with their line,
/// so that a reference to one names that line ([`Error::CsvRefusedReference`]).
///
/// A vector sorted once when the file is read, rather than a `BTreeMap`: rows are only added
/// while the file is read (each id once, as [`Seen`] checks) and looked up afterwards, and
/// every `BTreeMap` key and value type compiles its own tree code into the WebAssembly.
struct Rows<T> {
    rows: Vec<(u32, Option<T>)>,
    /// The keys of the records not read, as written, with their first line.
    refused: HashMap<String, usize>,
}

impl<T> Rows<T> {
    fn new() -> Self {
        Rows {
            rows: Vec::new(),
            refused: HashMap::new(),
        }
    }

    /// Adds a row whose id is not in the table yet.
    fn insert(&mut self, id: u32, row: Option<T>) {
        self.rows.push((id, row));
    }

    /// The table in id order, once every row is added. Ids are distinct, so the order is
    /// total.
    fn finish(mut self) -> Self {
        order::sort_unstable_by(&mut self.rows, |a, b| a.0.cmp(&b.0));
        self
    }

    /// The row with id `id`, after [`Rows::finish`].
    fn get(&self, id: u32) -> Option<&Option<T>> {
        let at = self.rows.binary_search_by(|(k, _)| k.cmp(&id)).ok()?;
        self.rows.get(at).map(|(_, row)| row)
    }

    fn contains_key(&self, id: u32) -> bool {
        self.get(id).is_some()
    }

    /// Keeps the keys of the file's records not read (see [`Table::rows`]).
    fn refused(mut self, refused: &[crate::interop::csv::Refused]) -> Self {
        self.refused = crate::interop::csv::refused_keys(refused);
        self
    }

    /// The error of `row`'s `column` naming no row of this table, the file `target`.
    fn missing(&self, row: &Row<'_>, column: &'static str, target: &'static str) -> Error {
        row.not_in(column, target, &self.refused)
    }

    /// The ids, in order.
    fn keys(&self) -> impl Iterator<Item = &u32> {
        self.rows.iter().map(|(id, _)| id)
    }

    /// The rows, in id order.
    fn iter(&self) -> impl Iterator<Item = (&u32, &Option<T>)> {
        self.rows.iter().map(|(id, row)| (id, row))
    }
}

impl<T> IntoIterator for Rows<T> {
    type Item = (u32, Option<T>);
    type IntoIter = std::vec::IntoIter<(u32, Option<T>)>;

    fn into_iter(self) -> Self::IntoIter {
        self.rows.into_iter()
    }
}

fn read_occupations(text: &str, errors: &mut Vec<Error>) -> Option<Rows<Occupation>> {
    let table = Table::open(
        OCCUPATIONS,
        text,
        &["occ_id", "isco_group", "label"],
        errors,
    )?;
    let mut out = Rows::new();
    let mut seen = Seen::new();
    let refused = table.rows(errors, |row, errors| {
        let id = row.number("occ_id", errors);
        let major = isco_major(row, "isco_group", errors);
        let label = row.non_empty("label", errors);
        if let Some(id) = id {
            match seen.check_number(row, id, "occ_id") {
                Ok(()) => {
                    let occupation = major.zip(label).map(|(major, label)| Occupation {
                        major,
                        label: lf_lines(label),
                    });
                    out.insert(id, occupation);
                }
                Err(e) => errors.push(e),
            }
        }
    });
    Some(out.finish().refused(&refused))
}

/// What an occupation's ISCO-08 group must be (see [`isco_major`]).
const ISCO_UNIT: &str = "an isco-08 unit group: 4 digits, the second and third not 0";

/// The unit groups of ISCO-08's major group 0, armed forces occupations: the only codes
/// starting with 0.
const ARMED_FORCES: [&str; 3] = ["0110", "0210", "0310"];

/// The major group (first digit) of the ISCO-08 unit group in `column`.
///
/// ESCO maps each occupation to one ISCO-08 unit group, 4 digits. ISCO-08 numbers major
/// groups 0 to 9 and, within each parent, sub-major and minor groups from 1 (ILO,
/// *International Standard Classification of Occupations: ISCO-08*, vol. 1, 2012; none
/// of the 619 groups of ESCO v1.1.1's `ISCOGroups_en.csv` has a 0 second or third), so a
/// code of another length, or with a 0 there, is refused rather than read by its first
/// digit: `110` is what a spreadsheet saves for the armed forces' `0110`, and its first
/// digit would put the occupation among the managers. The error suggests the code with
/// its leading zero when that is an armed forces unit group.
fn isco_major(row: &Row<'_>, column: &'static str, errors: &mut Vec<Error>) -> Option<char> {
    let isco = row.text(column);
    let digits = |code: &str| code.bytes().all(|b| b.is_ascii_digit());
    let unit = |code: &str| match code.as_bytes() {
        [b'0', ..] => ARMED_FORCES.contains(&code),
        [_, second, third, _] => digits(code) && *second != b'0' && *third != b'0',
        _ => false,
    };
    if unit(isco) {
        return isco.chars().next();
    }
    let padded = format!("0{isco}");
    let expected = if isco.len() == 3 && ARMED_FORCES.contains(&padded.as_str()) {
        std::borrow::Cow::Owned(format!("{ISCO_UNIT} (`{padded}`, its leading zero lost?)"))
    } else {
        std::borrow::Cow::Borrowed(ISCO_UNIT)
    };
    errors.push(row.invalid(column, expected));
    None
}

/// A skill's competency type and label, from its skill type, reuse level and label
/// `columns`.
fn skill_of<'r>(
    row: &Row<'r>,
    columns: &[&'static str],
    rule: EscoTypeRule,
    errors: &mut Vec<Error>,
) -> Option<(CompetencyType, &'r str)> {
    let [kind, reuse, label] = columns else {
        return None;
    };
    let skill_type = row.one_of(
        kind,
        SKILL_TYPES,
        "`knowledge`, `skill/competence` or nothing",
        errors,
    );
    let reuse = row.one_of(
        reuse,
        REUSE_LEVELS,
        "`transversal`, `cross-sector`, `sector-specific`, `occupation-specific` or nothing",
        errors,
    );
    let label = row.non_empty(label, errors);
    Some((rule(skill_type?, reuse?), label?))
}

fn read_skills(text: &str, rule: EscoTypeRule, errors: &mut Vec<Error>) -> Option<Rows<Skill>> {
    let columns = ["skill_id", "skill_type", "reuse_level", "label"];
    let table = Table::open(SKILLS, text, &columns, errors)?;
    let mut out = Rows::new();
    let mut seen = Seen::new();
    let refused = table.rows(errors, |row, errors| {
        let id = row.number("skill_id", errors);
        let skill = skill_of(row, &columns[1..], rule, errors);
        if let Some(id) = id {
            match seen.check_number(row, id, "skill_id") {
                Ok(()) => {
                    let skill = skill.map(|(kind, label)| Skill {
                        kind,
                        label: lf_lines(label),
                    });
                    out.insert(id, skill);
                }
                Err(e) => errors.push(e),
            }
        }
    });
    Some(out.finish().refused(&refused))
}

/// Per occupation, its required skills and levels, in row order.
fn read_links(
    text: &str,
    occupations: Option<&Rows<Occupation>>,
    skills: Option<&Rows<Skill>>,
    options: &EscoOptions,
    errors: &mut Vec<Error>,
    mut aside: Option<&mut Vec<Error>>,
) -> HashMap<u32, Vec<(u32, u8)>> {
    let mut out: HashMap<u32, Vec<(u32, u8)>> = HashMap::new();
    let columns = ["occ_id", "skill_id", "relation"];
    let Some(table) = Table::open(LINKS, text, &columns, errors) else {
        return out;
    };
    let mut seen = Seen::new();
    table.rows(errors, |row, errors| {
        let occ = row.number("occ_id", errors);
        let skill = row.number("skill_id", errors);
        let relation = row.one_of("relation", &["E", "O"], "`E` or `O`", errors);
        let (Some(occ), Some(skill), Some(relation)) = (occ, skill, relation) else {
            return;
        };
        let mut known = true;
        // Only an id the file does not hold is set aside: one of a row not read is that
        // row's problem, an error with it.
        let mut unknown = |error: Error| match aside.as_deref_mut() {
            Some(aside) if matches!(error, Error::CsvUnknownReference { .. }) => aside.push(error),
            _ => errors.push(error),
        };
        if let Some(o) = occupations.filter(|o| !o.contains_key(occ)) {
            unknown(o.missing(row, "occ_id", OCCUPATIONS));
            known = false;
        }
        if let Some(s) = skills.filter(|s| !s.contains_key(skill)) {
            unknown(s.missing(row, "skill_id", SKILLS));
            known = false;
        }
        let shown = |written: bool| {
            if written {
                format!("{}, {}", row.text("occ_id"), row.text("skill_id"))
            } else {
                format!("{occ}, {skill}")
            }
        };
        let plain = row.plain_numbers(&columns[..2]);
        let key = (occ as usize, skill as usize);
        if let Err(e) = seen.check(row, key, "occ_id, skill_id", plain, shown) {
            errors.push(e);
            known = false;
        }
        let level = if relation == "E" {
            Some(options.essential_level)
        } else {
            options.include_optional.then_some(options.optional_level)
        };
        if let (true, Some(level)) = (known, level) {
            out.entry(occ).or_default().push((skill, level));
        }
    });
    out
}

fn build(
    occupations: impl Iterator<Item = (u32, Option<Occupation>)>,
    skills: impl Iterator<Item = (u32, Option<Skill>)>,
    mut requires: HashMap<u32, Vec<(u32, u8)>>,
    mut shape: Shape,
) -> FrameworkSpec {
    let mut spec = FrameworkSpec::new();
    spec.groups = std::mem::take(&mut shape.groups);
    spec.competencies = skills
        .filter_map(|(id, skill)| Some((id, skill?)))
        .map(|(id, skill)| CompetencySpec {
            id: format!("skill-{id}").into(),
            name: skill.label,
            description: String::new(),
            kind: skill.kind,
            area: shape.areas.remove(&id),
            groups: shape
                .of_skill
                .remove(&hierarchy::Node::Skill(id))
                .unwrap_or_default(),
            levels: Vec::new(),
            min_level: None,
            max_level: None,
        })
        .collect();
    for (id, occupation) in occupations.filter_map(|(id, o)| Some((id, o?))) {
        let mut links = requires.remove(&id).unwrap_or_default();
        order::sort_unstable(&mut links);
        spec.roles.push(RoleSpec {
            id: format!("role-{id}").into(),
            name: occupation.label.clone(),
            activities: Vec::new(),
            requires: links
                .into_iter()
                .map(|(skill, level)| RequirementSpec::new(format!("skill-{skill}"), level))
                .collect(),
        });
        spec.positions.push(PositionSpec {
            id: format!("occ-{id}").into(),
            name: occupation.label,
            department: format!("isco-{}", occupation.major).into(),
            roles: vec![format!("role-{id}").into()],
        });
    }
    spec
}
