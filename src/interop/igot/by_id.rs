//! Entities by id for the FRAC reader, compiled once for every entity type.

use std::collections::HashMap;

use crate::model::order;

/// Entities of one kind by id, in the order first met, sorted by id at the end (the order
/// a `BTreeMap` by id gives).
///
/// One `HashMap<String, usize>` type for every kind, which the WebAssembly module compiles
/// for other readers anyway, rather than a B-tree per entity type: the four B-trees and the
/// requirements' one were about 30 KB of WebAssembly code for these few maps.
pub(super) struct ById<T> {
    pub(super) index: HashMap<String, usize>,
    items: Vec<T>,
}

impl<T> Default for ById<T> {
    fn default() -> Self {
        ById {
            index: HashMap::new(),
            items: Vec::new(),
        }
    }
}

impl<T> ById<T> {
    pub(super) fn get(&self, id: &str) -> Option<&T> {
        self.index.get(id).and_then(|&i| self.items.get(i))
    }

    pub(super) fn get_mut(&mut self, id: &str) -> Option<&mut T> {
        self.index.get(id).and_then(|&i| self.items.get_mut(i))
    }

    /// The entity with this id, made by `make` when there is none yet.
    pub(super) fn get_or_insert_with(&mut self, id: &str, make: impl FnOnce() -> T) -> &mut T {
        let i = if let Some(&i) = self.index.get(id) {
            i
        } else {
            self.index.insert(id.to_owned(), self.items.len());
            self.items.push(make());
            self.items.len() - 1
        };
        &mut self.items[i]
    }

    /// The entities sorted by their ids (`id` gives an entity's), each id once.
    pub(super) fn into_sorted(self, id: impl Fn(&T) -> &str) -> Vec<T> {
        let mut items = self.items;
        order::sort_unstable_by(&mut items, |a, b| id(a).cmp(id(b)));
        items
    }
}
