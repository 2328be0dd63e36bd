//! Entities of one kind as a [`Table`]: sorted by id, indexed, and checked for empty,
//! hidden-character and repeated ids on the way.

use std::collections::HashSet;

use crate::model::hash::IdMap;
use crate::model::order;
use crate::model::quote::{has_hidden, is_blank};
use crate::{EntityKind, Error};

/// Entities of one kind, sorted by id, with an id → dense index map.
#[derive(Clone, Debug)]
pub(crate) struct Table<T> {
    pub(crate) items: Vec<T>,
    index: IdMap<String, u32>,
}

impl<T> Table<T> {
    pub(crate) fn get(&self, id: &str) -> Option<u32> {
        self.index.get(id).copied()
    }

    pub(crate) fn len(&self) -> usize {
        self.items.len()
    }
}

/// The largest number of entities of one kind; dense indices are `u32`.
pub(crate) const MAX_ENTITIES: usize = (u32::MAX >> 4) as usize;

/// The largest number of competencies (2²¹ = 2,097,152; ESCO has 13,896): a cohort packs
/// each held level as `competency << 3 | level` in three bytes, so it names competencies
/// below 2²¹, and a framework holding more would build, answer gap reports, then refuse
/// the cohorts whose officers hold its last competencies.
pub(crate) const MAX_COMPETENCIES: usize = 1 << 21;

/// The error for an id or id-like `field` of entity `id` holding a hidden character.
pub(crate) fn hidden_character(
    kind: EntityKind,
    id: &str,
    field: &'static str,
    value: &str,
) -> Error {
    Error::HiddenCharacter {
        kind,
        id: id.to_owned(),
        field,
        value: value.to_owned(),
    }
}

/// Sorts entities by id and indexes them, reporting empty ids and names, ids holding a
/// control or invisible character, and duplicates, in the order they appear.
pub(crate) fn table<T>(
    items: Vec<T>,
    kind: EntityKind,
    id: impl Fn(&T) -> &str,
    name: impl Fn(&T) -> &str,
    errors: &mut Vec<Error>,
) -> Table<T> {
    let limit = if kind == EntityKind::Competency {
        MAX_COMPETENCIES
    } else {
        MAX_ENTITIES
    };
    if items.len() > limit {
        errors.push(Error::CapacityExceeded {
            what: kind_plural(kind),
            limit: limit as u64,
        });
    }
    // Ids seen, and ids reported as repeated (once each): two sets of the type the other
    // checks use, rather than a map of `&str` to a flag compiled for this one.
    let mut seen: HashSet<&str> = HashSet::with_capacity(items.len());
    let mut reported: HashSet<&str> = HashSet::new();
    let mut keep = vec![false; items.len()];
    for (i, item) in items.iter().enumerate() {
        let key = id(item);
        // An id of whitespace only is as unusable as an empty one.
        if key.trim().is_empty() {
            errors.push(Error::EmptyId { kind, index: i });
            continue;
        }
        if has_hidden(key) {
            errors.push(hidden_character(kind, key, "id", key));
        }
        if is_blank(name(item)) {
            errors.push(Error::EmptyName {
                kind,
                id: key.to_owned(),
            });
        }
        if seen.insert(key) {
            keep[i] = true;
        } else if reported.insert(key) {
            errors.push(Error::DuplicateId {
                kind,
                id: key.to_owned(),
            });
        }
    }
    let mut items: Vec<T> = items
        .into_iter()
        .zip(keep)
        .filter_map(|(item, k)| k.then_some(item))
        .collect();
    order::sort_by(&mut items, |a, b| id(a).cmp(id(b)));
    let index = items
        .iter()
        .enumerate()
        .map(|(i, item)| (id(item).to_owned(), i as u32))
        .collect();
    Table { items, index }
}

fn kind_plural(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Competency => "competencies",
        EntityKind::Activity => "activities",
        EntityKind::Role => "roles",
        EntityKind::Position => "positions",
        EntityKind::Course => "courses",
        EntityKind::Officer => "officers",
        EntityKind::Group => "groups",
        EntityKind::Department => "departments",
    }
}
