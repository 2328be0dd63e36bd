//! The competency atlas.

use std::fmt;

use super::gap::Why;
use super::plan::mode;
use super::table::{Align, HoursProse, Label, Table, count};
use crate::{Atlas, AtlasEntry, AtlasSubject};

impl fmt::Display for Atlas<'_> {
    /// A headline naming the competency or group, then per competency: its groups, the
    /// positions demanding it (department, level, and the roles and activities that
    /// demand it), the roles and activities requiring it, and the courses building it with
    /// the level they reach.
    ///
    /// ```text
    /// Atlas of Right to Information [rti] (functional), in Office procedure [area:Office procedure]
    ///   demanded by 1 position in 1 department, at level 3 (1)
    ///     position               department  level  via
    ///     Section Officer [so]   dopt            3  pio / reply @3
    ///   required by 1 role and 1 activity
    ///     role or activity                                 level
    ///     Public Information Officer [pio]                     3  through reply
    ///     Reply to RTI applications [reply]                    3
    ///   built by 1 course
    ///     course                    level  hours  mode
    ///     RTI Act basics [rti-101]      2      4  formal
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.subject {
            AtlasSubject::Competency { .. } => {
                if let Some(entry) = self.entries.first() {
                    write_entry(f, entry, "Atlas of ", 0)?;
                }
                Ok(())
            }
            AtlasSubject::Group { id, name, kind } => {
                writeln!(
                    f,
                    "Atlas of {} ({kind}): {}",
                    Label::new(name, id.as_str()),
                    count(self.entries.len(), "competency", "competencies"),
                )?;
                for entry in &self.entries {
                    write_entry(f, entry, "", 2)?;
                }
                Ok(())
            }
        }
    }
}

fn write_entry(
    f: &mut fmt::Formatter<'_>,
    e: &AtlasEntry<'_>,
    lead: &str,
    indent: usize,
) -> fmt::Result {
    write!(
        f,
        "{:indent$}{lead}{} ({})",
        "",
        Label::new(e.name, e.competency.as_str()),
        e.kind
    )?;
    if !e.groups.is_empty() {
        f.write_str(", in ")?;
        for (i, g) in e.groups.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{}", Label::new(g.name, g.group.as_str()))?;
        }
    }
    writeln!(f)?;
    let inner = indent + 2;
    write_positions(f, e, inner)?;
    write_roles(f, e, inner)?;
    write_courses(f, e, inner)
}

fn write_positions(f: &mut fmt::Formatter<'_>, e: &AtlasEntry<'_>, inner: usize) -> fmt::Result {
    if e.positions.is_empty() {
        writeln!(f, "{:inner$}demanded by no position", "")?;
    } else {
        let levels: Vec<String> = (1..6)
            .filter(|&l| e.positions_at[l] > 0)
            .map(|l| format!("{l} ({})", e.positions_at[l]))
            .collect();
        writeln!(
            f,
            "{:inner$}demanded by {} in {}, at level {}",
            "",
            count(e.positions.len(), "position", "positions"),
            count(e.departments.len(), "department", "departments"),
            levels.join(", "),
        )?;
        let mut table = Table::new(&[
            ("position", Align::Left),
            ("department", Align::Left),
            ("level", Align::Right),
            ("via", Align::Left),
        ]);
        for p in &e.positions {
            table.row([
                Label::new(p.name, p.position.as_str()).to_string(),
                p.department.to_string(),
                p.level.get().to_string(),
                Why(p.provenance).to_string(),
            ]);
        }
        table.write(f, inner + 2)?;
    }
    Ok(())
}

fn write_roles(f: &mut fmt::Formatter<'_>, e: &AtlasEntry<'_>, inner: usize) -> fmt::Result {
    if !e.roles.is_empty() || !e.activities.is_empty() {
        writeln!(
            f,
            "{:inner$}required by {} and {}",
            "",
            count(e.roles.len(), "role", "roles"),
            count(e.activities.len(), "activity", "activities"),
        )?;
        let mut table = Table::new(&[
            ("role or activity", Align::Left),
            ("level", Align::Right),
            ("", Align::Left),
        ]);
        for r in &e.roles {
            let through: Vec<&str> = r.activities.iter().map(|a| a.as_str()).collect();
            let how = match (r.direct, through.is_empty()) {
                (Some(_), true) => "directly".to_owned(),
                (Some(d), false) => format!("directly at {d}, and through {}", through.join(", ")),
                (None, _) => format!("through {}", through.join(", ")),
            };
            table.row([
                Label::new(r.name, r.role.as_str()).to_string(),
                r.level.get().to_string(),
                how,
            ]);
        }
        for a in &e.activities {
            table.row([
                Label::new(a.name, a.activity.as_str()).to_string(),
                a.level.get().to_string(),
                String::new(),
            ]);
        }
        table.write(f, inner + 2)?;
    }
    Ok(())
}

fn write_courses(f: &mut fmt::Formatter<'_>, e: &AtlasEntry<'_>, inner: usize) -> fmt::Result {
    if e.courses.is_empty() {
        return writeln!(f, "{:inner$}built by no course", "");
    }
    writeln!(
        f,
        "{:inner$}built by {}",
        "",
        count(e.courses.len(), "course", "courses")
    )?;
    let mut table = Table::new(&[
        ("course", Align::Left),
        ("level", Align::Right),
        ("hours", Align::Right),
        ("mode", Align::Left),
    ]);
    for k in &e.courses {
        table.row([
            Label::new(k.name, k.course.as_str()).to_string(),
            k.level
                .map_or_else(|| "untagged".to_owned(), |l| l.get().to_string()),
            HoursProse(k.hours).to_string(),
            mode(k.mode).to_owned(),
        ]);
    }
    table.write(f, inner + 2)
}
