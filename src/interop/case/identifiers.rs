//! The identifier of every item an export writes, each unique in the package.
//!
//! In order of precedence: the document's; those the options give for groups (checked:
//! the group exists, one identifier per group, none taken); a competency's id when it is a
//! CASE UUID; a group's id when it is one; otherwise one derived from the id. A framework
//! may give a group and a competency the same UUID id (they are different kinds), and a
//! competency's id may be the document's identifier: the later one then gets the derived
//! identifier, with its id as `humanCodingScheme`, so a valid framework always exports.
//! Only identifiers the caller gave can clash, and those are errors naming both holders.

use std::collections::{HashMap, HashSet};

use super::uuid::{canonical_case_uuid, parse_case_uuid};
use crate::interop::case::package::CaseExportOptions;
use crate::model::by_key::ByKey;
use crate::model::order;
use crate::model::spec::{AREA_PREFIX, area_group_id};
use crate::{EntityKind, Error, Framework, GroupId};

/// The identifiers of a package's items.
pub(super) struct Identifiers {
    /// Per group, by id (as `String`, a map type the module already compiles).
    pub(super) groups: HashMap<String, String>,
    /// Per competency, in the framework's order (by id).
    pub(super) competencies: Vec<String>,
}

/// Who holds an identifier: the document (`None`) or an entity.
type Holder = Option<(EntityKind, String)>;

/// Identifiers taken so far, and who took each.
struct Taken(ByKey<Holder>);

impl Taken {
    /// Only the document's identifier taken.
    fn new(document: &str) -> Self {
        let mut taken = Taken(ByKey::default());
        taken.0.insert(document.to_owned(), None);
        taken
    }

    /// `derive(name)`, or when that is taken (only a crafted framework can do it),
    /// `derive("{name}/2")`, `derive("{name}/3")`, … until one is free; taken for `holder`.
    fn derived(&mut self, derive: &dyn Fn(&str) -> String, name: &str, holder: Holder) -> String {
        let mut identifier = derive(name);
        let mut n = 2u64;
        while self.0.contains_key(&identifier) {
            identifier = derive(&format!("{name}/{n}"));
            n += 1;
        }
        self.0.insert(identifier.clone(), holder);
        identifier
    }

    /// `natural` when it is free, else a derived identifier.
    fn natural_or_derived(
        &mut self,
        natural: Option<&str>,
        derive: &dyn Fn(&str) -> String,
        name: &str,
        holder: Holder,
    ) -> String {
        match natural {
            Some(id) if !self.0.contains_key(id) => {
                self.0.insert(id.to_owned(), holder);
                id.to_owned()
            }
            _ => self.derived(derive, name, holder),
        }
    }
}

/// The identifiers given by the options, per group by id: each group must exist and get
/// one.
fn given(
    framework: &Framework,
    options: &CaseExportOptions,
    errors: &mut Vec<Error>,
) -> Vec<(GroupId, String)> {
    // (group, identifier), sorted and without repeats below.
    let mut pairs: Vec<(GroupId, String)> = Vec::new();
    // Each unknown group is reported once. Its error depends on the id alone, so the ids
    // are compared rather than the errors (a comparison of every variant of `Error`).
    let mut unknown: HashSet<GroupId> = HashSet::new();
    let from_groups = options.group_ids.iter().map(|(g, i)| (g.clone(), i));
    let from_areas = (options.area_ids.iter()).map(|(area, i)| (area_group_id(area), i));
    for (group, identifier) in from_groups.chain(from_areas) {
        if framework.group(group.as_str()).is_none() {
            if !unknown.contains(&group) {
                errors.push(framework.unknown_id(EntityKind::Group, group.as_str()));
                unknown.insert(group);
            }
            continue;
        }
        // One that is not a UUID is reported by the document check.
        if let Some(identifier) = canonical_case_uuid(identifier) {
            pairs.push((group, identifier));
        }
    }
    // Equal pairs are equal values, so any sort gives this order.
    order::sort_unstable(&mut pairs);
    pairs.dedup();
    let mut given = Vec::with_capacity(pairs.len());
    let mut pairs = pairs.into_iter().peekable();
    while let Some((group, identifier)) = pairs.next() {
        let mut identifiers = vec![identifier];
        while let Some((_, more)) = pairs.next_if(|(g, _)| *g == group) {
            identifiers.push(more);
        }
        if identifiers.len() > 1 {
            errors.push(Error::CaseConflictingIdentifiers { group, identifiers });
        } else if let Some(identifier) = identifiers.pop() {
            given.push((group, identifier));
        }
    }
    given
}

/// Every item's identifier, or the errors about the identifiers the options give.
pub(super) fn identifiers(
    framework: &Framework,
    document: &str,
    options: &CaseExportOptions,
    derive: &dyn Fn(&str) -> String,
) -> Result<Identifiers, Vec<Error>> {
    let mut errors = Vec::new();
    let given = given(framework, options, &mut errors);
    let mut taken = Taken::new(document);
    let mut groups = HashMap::with_capacity(framework.groups().len());
    for (group, identifier) in given {
        if let Some(other) = taken.0.get(&identifier) {
            errors.push(clash(identifier, group, other.clone()));
        } else {
            let holder = Some((EntityKind::Group, group.to_string()));
            taken.0.insert(identifier.clone(), holder);
            groups.insert(group.as_str().to_owned(), identifier);
        }
    }
    let mut competencies = Vec::with_capacity(framework.competencies().len());
    for c in framework.competencies() {
        let id = c.id.as_str();
        let natural = parse_case_uuid(id).map(|_| id);
        if let Some(Some((EntityKind::Group, group))) = natural.and_then(|n| taken.0.get(n)) {
            // A group was given this competency's identifier by the options.
            let other = Some((EntityKind::Competency, id.to_owned()));
            errors.push(clash(id.to_owned(), GroupId::from(group.as_str()), other));
        }
        let holder = Some((EntityKind::Competency, id.to_owned()));
        let name = format!("competency/{id}");
        competencies.push(taken.natural_or_derived(natural, derive, &name, holder));
    }
    for g in framework.groups() {
        if groups.contains_key(g.id.as_str()) {
            continue;
        }
        let id = g.id.as_str();
        let natural = parse_case_uuid(id).map(|_| id);
        // An area's group derives from the area name, as earlier versions did, so that
        // re-exports keep their identifiers.
        let name = match id.strip_prefix(AREA_PREFIX) {
            Some(area) => format!("area/{area}"),
            None => format!("group/{id}"),
        };
        let holder = Some((EntityKind::Group, id.to_owned()));
        let identifier = taken.natural_or_derived(natural, derive, &name, holder);
        groups.insert(g.id.as_str().to_owned(), identifier);
    }
    if errors.is_empty() {
        Ok(Identifiers {
            groups,
            competencies,
        })
    } else {
        Err(errors)
    }
}

fn clash(identifier: String, group: GroupId, other: Holder) -> Error {
    let (other_kind, other) = match other {
        Some((kind, id)) => (Some(kind), id),
        None => (None, identifier.clone()),
    };
    Error::CaseIdentifierClash {
        identifier,
        group,
        other_kind,
        other,
    }
}
