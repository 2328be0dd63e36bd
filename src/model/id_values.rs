//! Values an options builder sets per id, without a map type per key and value.
//!
//! The options of a learning path and of a department plan set a weight or a seat limit
//! per id, and CASE import's options a mapping per item type; each is read back once, in
//! id order, to look the ids up. A `BTreeMap` per key
//! and value type compiled its search, insertion, node splits, iteration and drop for each
//! (3–6 KB of WebAssembly each); [`IdValues`] is a list of what was set, read back in the
//! order a `BTreeMap` would give.

use std::fmt;

use crate::model::order;

/// Values set per id, in the order they were set. Read back ([`sorted`](Self::sorted), or
/// by iterating a reference) it is what a `BTreeMap` holding the same insertions would be:
/// each id once, in id order, with the last value set for it.
#[derive(Clone)]
pub(crate) struct IdValues<K, V>(Vec<(K, V)>);

impl<K, V> Default for IdValues<K, V> {
    fn default() -> Self {
        IdValues(Vec::new())
    }
}

impl<K: Ord, V> IdValues<K, V> {
    /// Sets the value of `id`, replacing any value set for it before.
    ///
    /// # Complexity
    /// O(1) amortised; the list keeps every value set until it is read back.
    pub(crate) fn insert(&mut self, id: K, value: V) {
        self.0.push((id, value));
    }

    /// Each id once, in id order, with the last value set for it.
    ///
    /// # Complexity
    /// O(n log n) comparisons of ids, O(n) memory, for the n values set.
    pub(crate) fn sorted(&self) -> Vec<(&K, &V)> {
        let mut set: Vec<&(K, V)> = self.0.iter().collect();
        // Stable: the values set for one id stay in the order they were set.
        order::sort_by(&mut set, |a, b| a.0.cmp(&b.0));
        let mut out: Vec<(&K, &V)> = Vec::with_capacity(set.len());
        for (id, value) in set {
            match out.last_mut() {
                Some(last) if last.0 == id => last.1 = value,
                _ => out.push((id, value)),
            }
        }
        out
    }
}

impl<'a, K: Ord, V> IntoIterator for &'a IdValues<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = std::vec::IntoIter<(&'a K, &'a V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.sorted().into_iter()
    }
}

/// Equal when they hold the same value for the same ids, as the maps would be.
impl<K: Ord, V: PartialEq> PartialEq for IdValues<K, V> {
    fn eq(&self, other: &Self) -> bool {
        self.sorted() == other.sorted()
    }
}

/// Shown as the map, `{id: value, ...}` in id order.
impl<K: Ord + fmt::Debug, V: fmt::Debug> fmt::Debug for IdValues<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.sorted()).finish()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    /// Random insertions with repeated ids read back as the `BTreeMap` of the same
    /// insertions: the same entries in the same order, the same `Debug`, equal exactly when
    /// the maps are.
    #[test]
    fn reads_back_as_the_btree_map_of_the_same_insertions() {
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let mut previous: Option<(IdValues<String, u64>, BTreeMap<String, u64>)> = None;
        for round in 0..300 {
            let mut ours = IdValues::default();
            let mut map = BTreeMap::new();
            for _ in 0..next(1 + round % 40) {
                let id = format!("id-{}", next(12));
                let value = next(4);
                ours.insert(id.clone(), value);
                map.insert(id, value);
            }
            let theirs: Vec<(&String, &u64)> = map.iter().collect();
            assert_eq!(ours.sorted(), theirs);
            assert_eq!((&ours).into_iter().collect::<Vec<_>>(), theirs);
            assert_eq!(format!("{ours:?}"), format!("{map:?}"));
            if let Some((their_ours, their_map)) = &previous {
                assert_eq!(ours == *their_ours, map == *their_map);
            }
            assert!(ours == ours.clone());
            previous = Some((ours, map));
        }
    }

    #[test]
    fn a_later_value_replaces_an_earlier_one() {
        let mut ours = IdValues::default();
        ours.insert("b", 1);
        ours.insert("a", 2);
        ours.insert("b", 3);
        assert_eq!(ours.sorted(), vec![(&"a", &2), (&"b", &3)]);
        let mut same = IdValues::default();
        same.insert("a", 2);
        same.insert("b", 3);
        assert!(ours == same);
        assert_eq!(format!("{ours:?}"), r#"{"a": 2, "b": 3}"#);
    }
}
