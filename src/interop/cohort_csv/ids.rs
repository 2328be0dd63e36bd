//! The officers read so far, found by id: while every id comes after the one before (in
//! byte order, as exports list officers), by binary search in the cohort's columns, with no
//! table at all; from the first id out of that order on, officer numbers in a table hashed
//! by id, the ids themselves in the cohort's columns.
//!
//! Without the table, adding an officer compares its id with the one before only: at a
//! million officers the table's inserts (each at a random place in 16 MiB, and its growths)
//! were most of what adding an officer row cost on the calling thread. Looking up an id
//! that is not the last is then O(log n) comparisons of ids, which the readers need only
//! for a passbook row that names neither the officer of the row before nor the next one;
//! once such searches become frequent (passbooks not listed in the officers' order), the
//! table is built after all ([`Ids::settle`]).
//!
//! In the table, each number is kept with half of its id's hash and filed under that half
//! alone, so the table grows without reading the ids again (at a million officers, reads
//! at random places in the ids), and a lookup reads an id only where the halves agree.

use std::sync::atomic::{AtomicUsize, Ordering};

use hashbrown::HashTable;

use crate::people::columns::Officers;

/// Officer numbers by id (see the module).
pub(super) struct Ids {
    /// Each officer's number and the half of its id's hash the table files it under;
    /// `None` while the ids added are in increasing order.
    table: Option<HashTable<(u32, u32)>>,
    hash: crate::model::hash::IdHasher,
    /// The binary searches [`Ids::find`] made without the table, counted by the threads
    /// that look ids up.
    searches: AtomicUsize,
}

/// The hash the table files a half under: the half twice, so that the slot (the low bits)
/// and the tag (the top seven bits) both come from it.
fn filed(half: u32) -> u64 {
    u64::from(half) << 32 | u64::from(half)
}

impl Ids {
    /// An empty index, randomly seeded.
    pub(super) fn new() -> Self {
        Ids {
            table: None,
            hash: crate::model::hash::IdHasher::default(),
            searches: AtomicUsize::new(0),
        }
    }

    /// The hash of `id` as [`Ids::find`] and [`Ids::insert`] take it.
    pub(super) fn hash(&self, id: &str) -> u64 {
        let h = std::hash::BuildHasher::hash_one(&self.hash, id);
        filed((h >> 32) as u32)
    }

    /// Whether `id` comes after the last id of `columns` while there is no table (every id
    /// added came after the one before): such an id was not added before, and adding it
    /// keeps the order. One comparison of ids; `false` once there is a table.
    pub(super) fn follows(&self, id: &[u8], columns: &Officers) -> bool {
        self.table.is_none()
            && columns
                .len()
                .checked_sub(1)
                .is_none_or(|last| id > columns.id_bytes(last))
    }

    /// Whether the ids are in a table: [`Ids::find`] and [`Ids::insert`] then use the
    /// ids' hashes.
    pub(super) fn has_table(&self) -> bool {
        self.table.is_some()
    }

    /// The officer whose id, of hash `hash`, is `id`, among those of `columns` (every one
    /// of which was added with [`Ids::insert`]).
    ///
    /// # Complexity
    /// Without the table: O(1) for an id after the last one, O(log n) comparisons
    /// otherwise; with it, expected O(1).
    pub(super) fn find(&self, hash: u64, id: &[u8], columns: &Officers) -> Option<u32> {
        let Some(table) = &self.table else {
            let n = columns.len();
            if n == 0 || id > columns.id_bytes(n - 1) {
                return None;
            }
            self.searches.fetch_add(1, Ordering::Relaxed);
            let (mut lo, mut hi) = (0, n);
            while lo < hi {
                let mid = lo + (hi - lo) / 2;
                match columns.id_bytes(mid).cmp(id) {
                    std::cmp::Ordering::Less => lo = mid + 1,
                    std::cmp::Ordering::Greater => hi = mid,
                    std::cmp::Ordering::Equal => return Some(mid as u32),
                }
            }
            return None;
        };
        let half = hash as u32;
        table
            .find(hash, |&(k, h)| {
                h == half && columns.id_bytes(k as usize) == id
            })
            .map(|&(k, _)| k)
    }

    /// Adds officer `k`, the last of `columns`, whose id has hash `hash` (`None`: hashed
    /// here when the table needs it) and is not among those added before. The first id
    /// that does not come after the one before builds the table of all the ids, O(k) once.
    pub(super) fn insert(&mut self, hash: Option<u64>, k: u32, columns: &Officers) {
        if self.table.is_none() {
            if columns.ordered() {
                return;
            }
            self.table = Some(self.table_of(columns, k as usize));
        }
        let hash = hash.unwrap_or_else(|| self.hash(columns.id(k as usize)));
        if let Some(table) = &mut self.table {
            table.insert_unique(hash, (k, hash as u32), |&(_, h)| filed(h));
        }
    }

    /// Builds the table of all the officers of `columns` once [`Ids::find`] has searched
    /// for more ids than one per 64 officers, and 1,024: passbook rows that are not listed
    /// in the officers' order then cost O(log n) comparisons each only until the next call.
    /// O(1), or O(n) once.
    pub(super) fn settle(&mut self, columns: &Officers) {
        if self.table.is_none() && *self.searches.get_mut() > columns.len() / 64 + 1024 {
            self.table = Some(self.table_of(columns, columns.len()));
        }
    }

    /// The table of the first `n` officers of `columns`.
    fn table_of(&self, columns: &Officers, n: usize) -> HashTable<(u32, u32)> {
        let mut table = HashTable::with_capacity(n + 1);
        for j in 0..n {
            let h = self.hash(columns.id(j));
            table.insert_unique(h, (j as u32, h as u32), |&(_, h)| filed(h));
        }
        table
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::Ids;
    use crate::people::columns::Officers;

    /// The table against a map of the ids, through many growths, for ids of one to
    /// thirty bytes, some the id before with more after it, and ids never added.
    #[test]
    fn finds_what_a_map_of_the_ids_finds() {
        let mut columns = Officers::new();
        let mut ids = Ids::new();
        let mut map = HashMap::new();
        for i in 0..20_000u32 {
            let id = match i % 4 {
                0 => format!("{i}"),
                1 => format!("{}-{i}", i - 1),
                2 => format!("officer-of-the-department-{i}"),
                _ => format!("o{i:05}"),
            };
            assert_eq!(
                ids.find(ids.hash(&id), id.as_bytes(), &columns),
                None,
                "{id}"
            );
            let k = columns.len() as u32;
            columns.push(&id, None, "d", 0, None).expect("room");
            ids.insert(Some(ids.hash(&id)), k, &columns);
            map.insert(id, k);
        }
        for (id, &k) in &map {
            assert_eq!(
                ids.find(ids.hash(id), id.as_bytes(), &columns),
                Some(k),
                "{id}"
            );
            let other = format!("{id}x");
            if !map.contains_key(&other) {
                assert_eq!(ids.find(ids.hash(&other), other.as_bytes(), &columns), None);
            }
        }
    }

    /// Ids in increasing order (no table), looked up whole, cut short, run on and between
    /// two neighbours; then an id out of order builds the table, and every id is still
    /// found where a map finds it.
    #[test]
    fn ids_in_order_are_found_without_a_table_and_after_it() {
        let mut columns = Officers::new();
        let mut ids = Ids::new();
        let mut map = HashMap::new();
        for i in 0..3_000u32 {
            add(
                format!("o-{:04}", 3 * i + 1),
                &mut columns,
                &mut ids,
                &mut map,
            );
        }
        assert!(ids.table.is_none());
        let check = |columns: &Officers, ids: &Ids, map: &HashMap<String, u32>| {
            for (id, &k) in map {
                assert_eq!(
                    ids.find(ids.hash(id), id.as_bytes(), columns),
                    Some(k),
                    "{id}"
                );
            }
            for i in 0..9_100u32 {
                for other in [
                    format!("o-{i:04}"),
                    format!("o-{i:04}x"),
                    format!("o-{i:03}"),
                ] {
                    let found = ids.find(ids.hash(&other), other.as_bytes(), columns);
                    assert_eq!(found, map.get(&other).copied(), "{other}");
                }
            }
            for other in ["", "a", "o-", "p", "o-9999"] {
                assert_eq!(ids.find(ids.hash(other), other.as_bytes(), columns), None);
            }
        };
        check(&columns, &ids, &map);
        // Far more searches than one per 64 officers: the table is built, and finds the same.
        ids.settle(&columns);
        assert!(ids.table.is_some());
        check(&columns, &ids, &map);
        ids.table = None;
        *ids.searches.get_mut() = 0;
        ids.find(ids.hash("o-0004"), b"o-0004", &columns);
        ids.settle(&columns);
        assert!(ids.table.is_none());
        add("o-0000".to_owned(), &mut columns, &mut ids, &mut map);
        assert!(ids.table.is_some());
        add("o-0002".to_owned(), &mut columns, &mut ids, &mut map);
        check(&columns, &ids, &map);
    }

    /// Adds `id`, not added before, as the next officer.
    fn add(id: String, columns: &mut Officers, ids: &mut Ids, map: &mut HashMap<String, u32>) {
        assert_eq!(
            ids.find(ids.hash(&id), id.as_bytes(), columns),
            None,
            "{id}"
        );
        let k = columns.len() as u32;
        columns.push(&id, None, "d", 0, None).expect("room");
        ids.insert(Some(ids.hash(&id)), k, columns);
        map.insert(id, k);
    }
}
