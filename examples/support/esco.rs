//! Loads the real ESCO v1.1.1 data from `data/esco` into a `FrameworkSpec`.
//!
//! Shared by the `esco_transition` example, the real-data tests and the benchmarks
//! (included with `#[path]`). The mapping is the library's [`karmayogi::load_esco`] with its
//! default options:
//!
//! - each ESCO occupation becomes a position `occ-<occ_id>` with one role `role-<occ_id>`,
//!   named by the occupation's label, in department `isco-<major group>` (first ISCO digit);
//! - each ESCO skill becomes a competency `skill-<skill_id>`: `transversal` reuse level →
//!   behavioural, `knowledge` skill type → domain, everything else → functional;
//! - each occupation → skill link becomes a requirement attached directly to the role:
//!   essential → level 3 (Advanced), optional → level 2 (Proficient).
//!
//! The raw tables are also parsed here, independently of the library, so that tests can
//! check the library against the rows themselves.
//!
//! ESCO has no proficiency levels; the two levels only preserve the essential/optional
//! distinction. This product uses the ESCO classification of the European Commission.
//! ESCO v1.1.1, © European Union, <https://esco.ec.europa.eu/>. The data was converted to
//! compact CSV (integer ids, labels only); the European Commission has not endorsed this use.
#![allow(dead_code)]

use std::path::PathBuf;

use karmayogi::{EscoCsv, EscoOptions, FrameworkSpec, load_esco};

/// Level given to an essential skill.
pub const ESSENTIAL_LEVEL: u8 = 3;
/// Level given to an optional skill.
pub const OPTIONAL_LEVEL: u8 = 2;

/// `data/esco` in the repository.
pub fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/esco")
}

/// The raw ESCO tables, parsed independently of the library, and the spec the library
/// builds from the same files.
pub struct Esco {
    /// `(occ_id, isco_group, label)`.
    pub occupations: Vec<(u32, String, String)>,
    /// `(skill_id, skill_type, reuse_level, label)`.
    pub skills: Vec<(u32, String, String, String)>,
    /// `(occ_id, skill_id, essential)`.
    pub links: Vec<(u32, u32, bool)>,
    /// `(child skill_id, parent group_id)`: skill → skill group edges of the hierarchy.
    pub skill_groups: Vec<(u32, u32)>,
    /// The framework spec built by the library from the same files.
    spec: FrameworkSpec,
}

/// Splits one CSV line, honouring double quotes (ESCO labels may contain commas).
pub fn split_csv(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(ch) = chars.next() {
        match (ch, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(std::mem::take(&mut field)),
            _ => field.push(ch),
        }
    }
    fields.push(field);
    fields
}

/// The text of one file of [`data_dir`].
fn read_text(name: &str) -> Result<String, String> {
    let path = data_dir().join(name);
    std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// The data rows of a CSV text (the header skipped), split into fields.
fn rows(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(split_csv)
        .collect()
}

fn num(field: &str, file: &str) -> Result<u32, String> {
    field
        .parse()
        .map_err(|_| format!("{file}: `{field}` is not a number"))
}

impl Esco {
    /// Reads the ESCO CSVs from [`data_dir`].
    pub fn load() -> Result<Esco, String> {
        let occupations_csv = read_text("occupations.csv")?;
        let skills_csv = read_text("skills.csv")?;
        let links_csv = read_text("occupation_skills.csv")?;
        let options = EscoOptions::default()
            .essential_level(ESSENTIAL_LEVEL)
            .optional_level(OPTIONAL_LEVEL);
        let spec = load_esco(
            &EscoCsv::new(&occupations_csv, &skills_csv, &links_csv),
            &options,
        )
        .map_err(|e| e.to_string())?;
        let occupations = rows(&occupations_csv)
            .into_iter()
            .map(|r| Ok((num(&r[0], "occupations.csv")?, r[2].clone(), r[4].clone())))
            .collect::<Result<Vec<_>, String>>()?;
        let skills = rows(&skills_csv)
            .into_iter()
            .map(|r| {
                Ok((
                    num(&r[0], "skills.csv")?,
                    r[2].clone(),
                    r[3].clone(),
                    r[5].clone(),
                ))
            })
            .collect::<Result<Vec<_>, String>>()?;
        let links = rows(&links_csv)
            .into_iter()
            .map(|r| {
                Ok((
                    num(&r[0], "occupation_skills.csv")?,
                    num(&r[1], "occupation_skills.csv")?,
                    r[2] == "E",
                ))
            })
            .collect::<Result<Vec<_>, String>>()?;
        let skill_groups = rows(&read_text("skill_broader.csv")?)
            .into_iter()
            .filter(|r| r[0] == "S" && r[2] == "G")
            .map(|r| {
                Ok((
                    num(&r[1], "skill_broader.csv")?,
                    num(&r[3], "skill_broader.csv")?,
                ))
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(Esco {
            occupations,
            skills,
            links,
            skill_groups,
            spec,
        })
    }

    /// The framework spec under the mapping in this module's docs (no courses), as
    /// [`karmayogi::load_esco`] builds it.
    pub fn framework_spec(&self) -> FrameworkSpec {
        self.spec.clone()
    }

    /// The occupation id whose label is exactly `label`.
    pub fn occupation_by_label(&self, label: &str) -> Option<u32> {
        self.occupations.iter().find(|o| o.2 == label).map(|o| o.0)
    }
}

/// Competency id of an ESCO skill.
pub fn competency_id(skill: u32) -> String {
    format!("skill-{skill}")
}

/// Role id of an ESCO occupation.
pub fn role_id(occ: u32) -> String {
    format!("role-{occ}")
}

/// Position id of an ESCO occupation.
pub fn position_id(occ: u32) -> String {
    format!("occ-{occ}")
}
