//! Loads the real ESCO v1.1.1 data from `../shared/data/esco` into a `FrameworkSpec`.
//!
//! Shared by the `esco_transition` example, the real-data tests and the benchmarks
//! (included with `#[path]`). The mapping:
//!
//! - each ESCO occupation becomes a position `occ-<occ_id>` with one role `role-<occ_id>`,
//!   named by the occupation's label, in department `isco-<major group>` (first ISCO digit);
//! - each ESCO skill becomes a competency `skill-<skill_id>`: `transversal` reuse level →
//!   behavioural, `knowledge` skill type → domain, everything else → functional;
//! - each occupation → skill link becomes a requirement attached directly to the role:
//!   essential → level 3 (Advanced), optional → level 2 (Proficient).
//!
//! ESCO has no proficiency levels; the two levels only preserve the essential/optional
//! distinction. This product uses the ESCO classification of the European Commission.
//! ESCO v1.1.1, © European Union, <https://esco.ec.europa.eu/>. The data was converted to
//! compact CSV (integer ids, labels only); the European Commission has not endorsed this use.
#![allow(dead_code)]

use std::path::PathBuf;

use karmayogi::{
    CompetencySpec, CompetencyType, FrameworkSpec, PositionSpec, RequirementSpec, RoleSpec,
};

/// Level given to an essential skill.
pub const ESSENTIAL_LEVEL: u8 = 3;
/// Level given to an optional skill.
pub const OPTIONAL_LEVEL: u8 = 2;

/// `../shared/data/esco` next to the repository.
pub fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/esco")
}

/// The raw ESCO tables, parsed.
pub struct Esco {
    /// `(occ_id, isco_group, label)`.
    pub occupations: Vec<(u32, String, String)>,
    /// `(skill_id, skill_type, reuse_level, label)`.
    pub skills: Vec<(u32, String, String, String)>,
    /// `(occ_id, skill_id, essential)`.
    pub links: Vec<(u32, u32, bool)>,
    /// `(child skill_id, parent group_id)`: skill → skill group edges of the hierarchy.
    pub skill_groups: Vec<(u32, u32)>,
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

fn read_rows(name: &str) -> Result<Vec<Vec<String>>, String> {
    let path = data_dir().join(name);
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Ok(text
        .lines()
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(split_csv)
        .collect())
}

fn num(field: &str, file: &str) -> Result<u32, String> {
    field
        .parse()
        .map_err(|_| format!("{file}: `{field}` is not a number"))
}

impl Esco {
    /// Reads the ESCO CSVs from [`data_dir`].
    pub fn load() -> Result<Esco, String> {
        let occupations = read_rows("occupations.csv")?
            .into_iter()
            .map(|r| Ok((num(&r[0], "occupations.csv")?, r[2].clone(), r[4].clone())))
            .collect::<Result<Vec<_>, String>>()?;
        let skills = read_rows("skills.csv")?
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
        let links = read_rows("occupation_skills.csv")?
            .into_iter()
            .map(|r| {
                Ok((
                    num(&r[0], "occupation_skills.csv")?,
                    num(&r[1], "occupation_skills.csv")?,
                    r[2] == "E",
                ))
            })
            .collect::<Result<Vec<_>, String>>()?;
        let skill_groups = read_rows("skill_broader.csv")?
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
        })
    }

    /// The framework spec under the mapping in this module's docs (no courses).
    pub fn framework_spec(&self) -> FrameworkSpec {
        let mut spec = FrameworkSpec::new();
        spec.competencies = self
            .skills
            .iter()
            .map(|(id, skill_type, reuse, label)| CompetencySpec {
                id: competency_id(*id).into(),
                name: label.clone(),
                description: String::new(),
                kind: if reuse == "transversal" {
                    CompetencyType::Behavioural
                } else if skill_type == "knowledge" {
                    CompetencyType::Domain
                } else {
                    CompetencyType::Functional
                },
                area: None,
                levels: Vec::new(),
            })
            .collect();
        let mut requires: Vec<Vec<RequirementSpec>> = vec![Vec::new(); self.occupations.len()];
        let row_of: std::collections::HashMap<u32, usize> = self
            .occupations
            .iter()
            .enumerate()
            .map(|(i, o)| (o.0, i))
            .collect();
        for &(occ, skill, essential) in &self.links {
            if let Some(&row) = row_of.get(&occ) {
                let level = if essential {
                    ESSENTIAL_LEVEL
                } else {
                    OPTIONAL_LEVEL
                };
                requires[row].push(RequirementSpec::new(competency_id(skill), level));
            }
        }
        for ((occ, isco, label), requires) in self.occupations.iter().zip(requires) {
            spec.roles.push(RoleSpec {
                id: role_id(*occ).into(),
                name: label.clone(),
                activities: Vec::new(),
                requires,
            });
            spec.positions.push(PositionSpec {
                id: position_id(*occ).into(),
                name: label.clone(),
                department: format!("isco-{}", isco.chars().next().unwrap_or('x')).into(),
                roles: vec![role_id(*occ).into()],
            });
        }
        spec
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
