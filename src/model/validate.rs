//! Checks a [`FrameworkSpec`] and resolves its references to dense indices, collecting every
//! problem rather than stopping at the first.

mod adjacency;
mod by_name;
mod hierarchy;
mod rules;
mod same_names;
mod table;

pub(crate) use hierarchy::Hierarchy;
pub(crate) use table::{MAX_COMPETENCIES, Table, hidden_character};

use std::collections::HashSet;

use petgraph::graph::{DiGraph, NodeIndex};

use self::hierarchy::hierarchy;
use self::table::table;
use super::cycles::cycles;
use super::nearest::Nearest;
use super::quote::{has_hidden, is_blank};
use crate::model::level::{beyond_every_scale, beyond_every_scale_error};
use crate::model::level_name;
use crate::model::level_text::BY_NAME;
use crate::model::spec::{CompetencySpec, CourseSpec, FrameworkSpec, RequirementSpec};
use crate::{CourseId, EntityKind, Error, FORMAT_VERSION, OLDEST_FORMAT_VERSION};

/// The validated framework data, before compilation.
pub(crate) struct Validated {
    pub(crate) competencies: Table<CompetencySpec>,
    /// Per competency, the lowest and highest level at which it exists.
    pub(crate) competency_min: Vec<u8>,
    pub(crate) competency_max: Vec<u8>,
    pub(crate) groups: Hierarchy,
    pub(crate) activities: Table<crate::ActivitySpec>,
    pub(crate) roles: Table<crate::RoleSpec>,
    pub(crate) positions: Table<crate::PositionSpec>,
    pub(crate) courses: Table<CourseSpec>,
    /// Node `i` is course `i`; an edge `a → b` says course `a` requires course `b`.
    pub(crate) prerequisites: DiGraph<(), ()>,
}

/// Validates a spec; on success every reference resolves and every level is in range.
pub(crate) fn validate(spec: FrameworkSpec) -> Result<Validated, Vec<Error>> {
    let mut errors = Vec::new();
    if !(OLDEST_FORMAT_VERSION..=FORMAT_VERSION).contains(&spec.format_version) {
        errors.push(Error::UnsupportedFormatVersion {
            found: u64::from(spec.format_version),
            expected: FORMAT_VERSION,
        });
    }
    let competencies = table(
        spec.competencies,
        EntityKind::Competency,
        |c| c.id.as_str(),
        |c| &c.name,
        &mut errors,
    );
    let mut activities = table(
        spec.activities,
        EntityKind::Activity,
        |a| a.id.as_str(),
        |a| &a.name,
        &mut errors,
    );
    let mut roles = table(
        spec.roles,
        EntityKind::Role,
        |r| r.id.as_str(),
        |r| &r.name,
        &mut errors,
    );
    let positions = table(
        spec.positions,
        EntityKind::Position,
        |p| p.id.as_str(),
        |p| &p.name,
        &mut errors,
    );
    let mut courses = table(
        spec.courses,
        EntityKind::Course,
        |c| c.id.as_str(),
        |c| &c.name,
        &mut errors,
    );

    let (competency_min, competency_max): (Vec<u8>, Vec<u8>) = competencies
        .items
        .iter()
        .map(|c| level_scale(c, &mut errors))
        .unzip();
    let scales = by_name::Scales {
        competencies: &competencies,
        min: &competency_min,
        max: &competency_max,
    };
    let requires = (activities.items.iter_mut().flat_map(|a| &mut a.requires))
        .chain(roles.items.iter_mut().flat_map(|r| &mut r.requires));
    for r in requires {
        scales.read(r.competency.as_str(), &mut r.level, &mut r.level_name);
    }
    for o in courses.items.iter_mut().flat_map(|c| &mut c.provides) {
        if let Some(level) = &mut o.level {
            scales.read(o.competency.as_str(), level, &mut o.level_name);
        }
    }
    let mut group_specs = spec.groups;
    for rule in group_specs.iter_mut().filter_map(|g| g.rule.as_mut()) {
        scales.read(
            rule.competency.as_str(),
            &mut rule.level,
            &mut rule.level_name,
        );
    }
    let levels = LevelCheck {
        competencies: &competencies,
        min: &competency_min,
        max: &competency_max,
    };

    check_mapping(&activities, &roles, &positions, &levels, &mut errors);
    check_courses(&courses, &levels, &mut errors);
    let prerequisites = prerequisite_graph(&courses);
    errors.extend(prerequisite_cycles(&prerequisites, &courses));
    let groups = hierarchy(
        group_specs,
        &competencies,
        (&competency_min, &competency_max),
        &mut errors,
    );

    if !errors.is_empty() {
        let tables = (&competencies, &activities, &roles, &positions, &courses);
        return Err(name_nearest(errors, tables, &groups.groups));
    }
    Ok(Validated {
        competencies,
        competency_min,
        competency_max,
        groups,
        activities,
        roles,
        positions,
        courses,
        prerequisites,
    })
}

/// The ids of `table`'s items, `id` giving each one's.
fn ids_of<T>(table: &Table<T>, id: impl Fn(&T) -> &str) -> Vec<&str> {
    table.items.iter().map(id).collect()
}

/// The tables of a spec's competencies, activities, roles, positions and courses.
type Tables<'a> = (
    &'a Table<CompetencySpec>,
    &'a Table<crate::ActivitySpec>,
    &'a Table<crate::RoleSpec>,
    &'a Table<crate::PositionSpec>,
    &'a Table<CourseSpec>,
);

/// `errors`, with each [`Error::UnknownReference`] given the nearest id of its target's kind in
/// `tables` and `groups` (see `model/nearest.rs`): one search for all of them, bounded in
/// the distinct unknown ids it answers (1,000) and the edit distances it computes, so a
/// spec written against another framework is reported as fast.
fn name_nearest(
    mut errors: Vec<Error>,
    (competencies, activities, roles, positions, courses): Tables<'_>,
    groups: &Table<crate::GroupSpec>,
) -> Vec<Error> {
    let ids = |kind| -> Vec<&str> {
        match kind {
            EntityKind::Competency => ids_of(competencies, |c| c.id.as_str()),
            EntityKind::Activity => ids_of(activities, |a| a.id.as_str()),
            EntityKind::Role => ids_of(roles, |r| r.id.as_str()),
            EntityKind::Position => ids_of(positions, |p| p.id.as_str()),
            EntityKind::Course => ids_of(courses, |c| c.id.as_str()),
            EntityKind::Group => ids_of(groups, |g| g.id.as_str()),
            _ => Vec::new(),
        }
    };
    let mut memo = Nearest::new(1_000);
    for error in &mut errors {
        if let Error::UnknownReference {
            to_kind,
            to,
            nearest,
            ..
        } = error
        {
            *nearest = memo.get(*to_kind, to, || ids(*to_kind));
        }
    }
    errors
}

/// Checks activities, roles and positions: references, repeats and levels.
fn check_mapping(
    activities: &Table<crate::ActivitySpec>,
    roles: &Table<crate::RoleSpec>,
    positions: &Table<crate::PositionSpec>,
    levels: &LevelCheck<'_>,
    errors: &mut Vec<Error>,
) {
    for a in &activities.items {
        levels.requirements(EntityKind::Activity, a.id.as_str(), &a.requires, errors);
    }
    for r in &roles.items {
        check_refs(
            EntityKind::Role,
            r.id.as_str(),
            EntityKind::Activity,
            r.activities.iter().map(crate::ActivityId::as_str),
            |id| activities.get(id).is_some(),
            errors,
        );
        levels.requirements(EntityKind::Role, r.id.as_str(), &r.requires, errors);
    }
    for p in &positions.items {
        if p.roles.is_empty() {
            errors.push(Error::PositionWithoutRoles {
                position: p.id.clone(),
            });
        }
        let department = p.department.as_str();
        if department.trim().is_empty() {
            errors.push(Error::EmptyField {
                kind: EntityKind::Position,
                id: p.id.to_string(),
                field: "department",
            });
        } else if has_hidden(department) {
            errors.push(hidden_character(
                EntityKind::Position,
                p.id.as_str(),
                "department",
                department,
            ));
        }
        check_refs(
            EntityKind::Position,
            p.id.as_str(),
            EntityKind::Role,
            p.roles.iter().map(crate::RoleId::as_str),
            |id| roles.get(id).is_some(),
            errors,
        );
    }
}

/// Checks courses: hours, outcomes and prerequisite references.
fn check_courses(courses: &Table<CourseSpec>, levels: &LevelCheck<'_>, errors: &mut Vec<Error>) {
    for c in &courses.items {
        if !crate::model::hours::course_hours(c.hours) {
            errors.push(Error::InvalidHours {
                course: c.id.clone(),
                hours: c.hours,
            });
        }
        let mut seen = HashSet::new();
        let mut repeated = HashSet::new();
        for o in &c.provides {
            let first = seen.insert(o.competency.as_str());
            if !first && repeated.insert(o.competency.as_str()) {
                errors.push(duplicate_ref(
                    EntityKind::Course,
                    c.id.as_str(),
                    EntityKind::Competency,
                    o.competency.as_str(),
                ));
            }
            let by_name = o.level == Some(BY_NAME) && o.level_name.is_some();
            levels.level(
                (EntityKind::Course, c.id.as_str()),
                (o.competency.as_str(), first),
                o.level.filter(|_| !by_name),
                errors,
            );
            if let (Some(level), Some(name)) = (o.level, &o.level_name) {
                let at = (o.competency.as_str(), level);
                levels.level_name(EntityKind::Course, c.id.as_str(), at, name, errors);
            }
        }
        check_refs(
            EntityKind::Course,
            c.id.as_str(),
            EntityKind::Course,
            c.prerequisites.iter().map(CourseId::as_str),
            |id| courses.get(id).is_some(),
            errors,
        );
    }
}

/// The lowest and highest level at which a competency exists, checking its range and its
/// descriptors (each level once, within the range, names not blank nor another level's
/// number, a name written beside
/// a level's number consistent with the competency's names). An invalid range
/// falls back to 1 to 5 so that the rest of the checks still run.
fn level_scale(c: &CompetencySpec, errors: &mut Vec<Error>) -> (u8, u8) {
    let competency = || c.id.to_string();
    // Level 0 (none) may be named, as a rubric names its "not yet" level: it says nothing
    // of the levels at which the competency exists.
    let described = (c.levels.iter()).map(|d| d.level).filter(|&l| l > 0).max();
    let min = c.min_level.unwrap_or(1);
    let max = c
        .max_level
        .unwrap_or_else(|| described.map_or(5, |top| top.max(min).min(5)));
    let (min, max) = if (1..=max).contains(&min) && max <= 5 {
        (min, max)
    } else {
        errors.push(Error::InvalidLevelRange {
            competency: competency(),
            min,
            max,
        });
        (1, 5)
    };
    // Levels are within 1 to 5 once in range: flags by level rather than a hash set of
    // `u8`, which would be compiled for this one check.
    let mut seen = [false; 6];
    let valid = c.levels.iter().all(|d| {
        (d.level == 0 || (min..=max).contains(&d.level))
            && !std::mem::replace(&mut seen[usize::from(d.level)], true)
    });
    if !valid {
        // Without `max_level` the competency exists up to its highest descriptor, so any
        // level up to 5 could have been described: the range to name is `min` to 5, not
        // the one the faulty descriptors imply (`[0]` would give "1 to 1").
        errors.push(Error::InvalidLevelScale {
            competency: competency(),
            found: c.levels.iter().map(|d| d.level).collect(),
            min,
            max: if c.max_level.is_some() { max } else { 5 },
        });
    }
    for d in &c.levels {
        if d.name.as_deref().is_some_and(is_blank) {
            errors.push(Error::BlankLevelName {
                competency: competency(),
                level: d.level,
            });
        }
        // Every reader reads `Level 2` or `2` as that number before any name, so such a
        // name of another level could only ever be read as the wrong level.
        if let Some(name) = &d.name
            && let Some(reads_as) = level_name::reads_as_another_level(name, d.level)
        {
            errors.push(Error::LevelNamedAsNumber {
                competency: competency(),
                level: d.level,
                name: name.clone(),
                reads_as,
            });
        }
        if let Some(name) = &d.level_name {
            let scale = (c, min, max);
            errors.extend(level_name::descriptor_name_mismatch(scale, d.level, name));
        }
    }
    same_names::same_level_names(c, errors);
    (min, max)
}

struct LevelCheck<'a> {
    competencies: &'a Table<CompetencySpec>,
    min: &'a [u8],
    max: &'a [u8],
}

impl LevelCheck<'_> {
    fn requirements(
        &self,
        owner_kind: EntityKind,
        owner: &str,
        requires: &[RequirementSpec],
        errors: &mut Vec<Error>,
    ) {
        let mut seen = HashSet::new();
        let mut repeated = HashSet::new();
        for r in requires {
            let first = seen.insert(r.competency.as_str());
            if !first && repeated.insert(r.competency.as_str()) {
                errors.push(duplicate_ref(
                    owner_kind,
                    owner,
                    EntityKind::Competency,
                    r.competency.as_str(),
                ));
            }
            // A level left given by name only names no level of the competency: the name
            // is reported (`LevelCheck::level_name`), not the placeholder 255 it holds.
            let by_name = r.level == BY_NAME && r.level_name.is_some();
            self.level(
                (owner_kind, owner),
                (r.competency.as_str(), first),
                Some(r.level).filter(|_| !by_name),
                errors,
            );
            if let Some(name) = &r.level_name {
                let at = (r.competency.as_str(), r.level);
                self.level_name(owner_kind, owner, at, name, errors);
            }
        }
    }

    /// Checks that `name`, written beside the level `level` at which `owner` (a
    /// requirement's activity or role, or a course outcome's course) names `competency`,
    /// is the competency's own name of that level (`level_name::name_mismatch`); an unknown
    /// competency is reported by [`LevelCheck::level`]. O(levels).
    fn level_name(
        &self,
        owner_kind: EntityKind,
        owner: &str,
        (competency, level): (&str, u8),
        name: &str,
        errors: &mut Vec<Error>,
    ) {
        let Some(c) = self.competencies.get(competency) else {
            return;
        };
        let c = c as usize;
        let scale = (&self.competencies.items[c], self.min[c], self.max[c]);
        errors.extend(level_name::name_mismatch(
            (owner_kind, owner),
            scale,
            level,
            name,
        ));
    }

    /// Checks the competency exists and `level` (when given) lies in its range. An
    /// unknown competency is reported where `owner` names it `first`, and not again where
    /// it names it once more (the repetition is reported as such); a level beyond every
    /// scale is reported each time.
    fn level(
        &self,
        (owner_kind, owner): (EntityKind, &str),
        (competency, first): (&str, bool),
        level: Option<u8>,
        errors: &mut Vec<Error>,
    ) {
        let Some(c) = self.competencies.get(competency) else {
            if first {
                errors.push(Error::UnknownReference {
                    from_kind: owner_kind,
                    from: owner.to_owned(),
                    to_kind: EntityKind::Competency,
                    to: competency.to_owned(),
                    nearest: None,
                });
            }
            // Wrong whatever the id was meant to be: said now, not once the id is fixed.
            if let Some(level) = level.filter(|&l| beyond_every_scale(l)) {
                errors.push(beyond_every_scale_error(
                    owner_kind, owner, competency, level,
                ));
            }
            return;
        };
        let (min, max) = (self.min[c as usize], self.max[c as usize]);
        if let Some(level) = level
            && !(min..=max).contains(&level)
        {
            errors.push(Error::InvalidLevel {
                owner_kind,
                owner: owner.to_owned(),
                competency: competency.to_owned(),
                level,
                min,
                max,
            });
        }
    }
}

fn duplicate_ref(from_kind: EntityKind, from: &str, to_kind: EntityKind, to: &str) -> Error {
    Error::DuplicateReference {
        from_kind,
        from: from.to_owned(),
        to_kind,
        to: to.to_owned(),
    }
}

fn check_refs<'a>(
    from_kind: EntityKind,
    from: &str,
    to_kind: EntityKind,
    targets: impl Iterator<Item = &'a str>,
    exists: impl Fn(&str) -> bool,
    errors: &mut Vec<Error>,
) {
    let mut seen = HashSet::new();
    let mut repeated = HashSet::new();
    for to in targets {
        if !seen.insert(to) {
            // Once per repeated target, however often it repeats.
            if repeated.insert(to) {
                errors.push(duplicate_ref(from_kind, from, to_kind, to));
            }
        } else if !exists(to) {
            errors.push(Error::UnknownReference {
                from_kind,
                from: from.to_owned(),
                to_kind,
                to: to.to_owned(),
                nearest: None,
            });
        }
    }
}

fn prerequisite_graph(courses: &Table<CourseSpec>) -> DiGraph<(), ()> {
    let mut graph = DiGraph::with_capacity(courses.len(), 0);
    for _ in 0..courses.len() {
        graph.add_node(());
    }
    for (i, c) in courses.items.iter().enumerate() {
        // Course positions as `usize`, the key type the module's other sets of positions
        // already compile.
        let mut seen: HashSet<usize> = HashSet::new();
        for p in &c.prerequisites {
            if let Some(j) = courses.get(p.as_str())
                && seen.insert(j as usize)
            {
                graph.add_edge(NodeIndex::new(i), NodeIndex::new(j as usize), ());
            }
        }
    }
    graph
}

/// Each prerequisite cycle, as course ids in "requires" order from the smallest id.
///
/// # Complexity
/// O(V + E) for the components, plus a breadth-first search inside each cyclic one.
fn prerequisite_cycles(graph: &DiGraph<(), ()>, courses: &Table<CourseSpec>) -> Vec<Error> {
    cycles(graph)
        .into_iter()
        .map(|cycle| Error::PrerequisiteCycle {
            courses: cycle
                .into_iter()
                .map(|i| courses.items[i].id.clone())
                .collect(),
        })
        .collect()
}
