//! Values found by a string key, kept in the order they were added: one
//! `HashMap<String, usize>` of positions into a list, the map type the module already
//! compiles, instead of a hash map compiled for each value type (each costs the
//! WebAssembly module its own table code).

use std::collections::HashMap;

/// Values by string key, in the order they were added.
pub(crate) struct ByKey<V> {
    index: HashMap<String, usize>,
    values: Vec<V>,
}

impl<V> Default for ByKey<V> {
    fn default() -> Self {
        ByKey {
            index: HashMap::new(),
            values: Vec::new(),
        }
    }
}

impl<V> ByKey<V> {
    /// Whether `key` was added.
    pub(crate) fn contains_key(&self, key: &str) -> bool {
        self.index.contains_key(key)
    }

    /// The value added for `key`.
    pub(crate) fn get(&self, key: &str) -> Option<&V> {
        self.index.get(key).and_then(|&i| self.values.get(i))
    }

    /// Adds `value` for `key`, which was not added before (a key added again points at its
    /// latest value).
    ///
    /// # Complexity
    /// O(1) amortised, plus hashing the key.
    pub(crate) fn insert(&mut self, key: String, value: V) {
        self.index.insert(key, self.values.len());
        self.values.push(value);
    }
}

#[cfg(test)]
mod tests {
    use super::ByKey;

    #[test]
    fn finds_what_was_added() {
        let mut map = ByKey::default();
        map.insert("a".to_owned(), 1);
        map.insert("b".to_owned(), 2);
        assert_eq!(map.get("a"), Some(&1));
        assert_eq!(map.get("b"), Some(&2));
        assert_eq!(map.get("c"), None);
        assert!(map.contains_key("b") && !map.contains_key("c"));
        map.insert("a".to_owned(), 3);
        assert_eq!(map.get("a"), Some(&3));
    }
}
