//! The officers read so far, found by id: officer numbers in a table hashed by id, the ids
//! themselves in the cohort's columns.
//!
//! Each number is kept with half of its id's hash, and the table files it under that half
//! alone, so the table grows without reading the ids again (at a million officers, reads
//! at random places in the ids), and a lookup reads an id only where the halves agree.

use hashbrown::HashTable;

use crate::people::columns::Officers;

/// Officer numbers by id (see the module).
pub(super) struct Ids {
    /// Each officer's number and the half of its id's hash the table files it under.
    table: HashTable<(u32, u32)>,
    hash: foldhash::quality::RandomState,
}

/// The hash the table files a half under: the half twice, so that the slot (the low bits)
/// and the tag (the top seven bits) both come from it.
fn filed(half: u32) -> u64 {
    u64::from(half) << 32 | u64::from(half)
}

impl Ids {
    /// An empty table, randomly seeded.
    pub(super) fn new() -> Self {
        Ids {
            table: HashTable::new(),
            hash: foldhash::quality::RandomState::default(),
        }
    }

    /// The hash of `id` as [`Ids::find`] and [`Ids::insert`] take it.
    pub(super) fn hash(&self, id: &str) -> u64 {
        let h = std::hash::BuildHasher::hash_one(&self.hash, id);
        filed((h >> 32) as u32)
    }

    /// The officer whose id, of hash `hash`, is `id`, among those of `columns`.
    pub(super) fn find(&self, hash: u64, id: &[u8], columns: &Officers) -> Option<u32> {
        let half = hash as u32;
        self.table
            .find(hash, |&(k, h)| {
                h == half && columns.id_bytes(k as usize) == id
            })
            .map(|&(k, _)| k)
    }

    /// Adds officer `k`, whose id has hash `hash` and is not in the table.
    pub(super) fn insert(&mut self, hash: u64, k: u32) {
        self.table
            .insert_unique(hash, (k, hash as u32), |&(_, h)| filed(h));
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
            ids.insert(ids.hash(&id), k);
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
}
