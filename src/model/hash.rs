//! The hash of the id → index maps that loading looks up once per row.
//!
//! The standard library's `SipHash` costs about as much as everything else a passbook row
//! needs (an eleven-byte competency id: tens of nanoseconds, thirty million times for a
//! national export). Ids come from users, so the hash must still keep crafted ids from
//! piling into one bucket: `foldhash`'s quality hasher (the default of `hashbrown`) seeds
//! every map with a random key, so collisions cannot be aimed at without it.
//!
//! Hash values never reach an output: maps are only looked up, and anything iterated is
//! sorted first.

/// The randomly seeded hasher of the id maps and tables: `foldhash`'s quality hasher.
#[cfg(not(target_family = "wasm"))]
pub(crate) type IdHasher = foldhash::quality::RandomState;

/// The hasher of the id maps and tables in WebAssembly: the standard library's `SipHash`,
/// which the module's other maps compile anyway, so that `foldhash`'s code (its seeding,
/// its string and slice hashing) is not compiled in beside it. WebAssembly in a page has no
/// random source for either hasher to seed from; speed there is within its targets
/// (BENCHMARKS.md, "The JavaScript package").
#[cfg(target_family = "wasm")]
pub(crate) type IdHasher = std::collections::hash_map::RandomState;

/// A hash map keyed by ids, with the randomly seeded [`IdHasher`].
pub(crate) type IdMap<K, V> = std::collections::HashMap<K, V, IdHasher>;

#[cfg(test)]
mod tests {
    use super::IdMap;

    #[test]
    fn ids_differing_in_one_byte_are_distinct_keys() {
        let mut map: IdMap<String, u32> = IdMap::default();
        for i in 0..10_000u32 {
            map.insert(format!("competency-{i:05}"), i);
        }
        assert_eq!(map.len(), 10_000);
        for i in 0..10_000u32 {
            assert_eq!(map.get(&format!("competency-{i:05}")), Some(&i));
        }
        assert_eq!(map.get("competency-10000"), None);
    }
}
