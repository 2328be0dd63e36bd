//! A fast keyed hash for the id → index maps that loading looks up once per row.
//!
//! The standard library's `SipHash` costs about as much as everything else a passbook row
//! needs (an eleven-byte competency id: tens of nanoseconds, thirty million times for a
//! national export). Ids come from users, though, so the hash must still keep crafted ids
//! from piling into one bucket: [`IdHashState`] draws a secret key per map from the
//! standard library's random source (as `RandomState` does) and mixes every eight bytes
//! with a folded 64 × 64 → 128-bit multiply by it (the construction of wyhash and
//! foldhash), so collisions cannot be aimed at without the key. Where the platform gives
//! no randomness (`wasm32-unknown-unknown`) the key is fixed; a caller there can slow only
//! their own lookups.
//!
//! Hash values never reach an output: maps are only looked up, and anything iterated is
//! sorted first.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};

/// Builds [`IdHasher`]s with one secret key.
#[derive(Clone, Debug)]
pub(crate) struct IdHashState {
    key: u64,
}

impl Default for IdHashState {
    fn default() -> Self {
        // Odd, so multiplying by it loses no bit.
        IdHashState {
            key: RandomState::new().hash_one(0x6b61_726d_6179_6f67_u64) | 1,
        }
    }
}

impl BuildHasher for IdHashState {
    type Hasher = IdHasher;

    fn build_hasher(&self) -> IdHasher {
        IdHasher {
            state: self.key,
            key: self.key,
        }
    }
}

/// The hasher of [`IdHashState`].
pub(crate) struct IdHasher {
    state: u64,
    key: u64,
}

/// The high and low halves of the 128-bit product, folded together.
#[inline]
fn fold(a: u64, b: u64) -> u64 {
    let product = u128::from(a) * u128::from(b);
    (product as u64) ^ ((product >> 64) as u64)
}

impl Hasher for IdHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        // The length first, so texts differing only by trailing zero bytes differ.
        self.state = fold(self.state ^ bytes.len() as u64, self.key);
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            let mut w = [0u8; 8];
            w.copy_from_slice(word);
            self.state = fold(self.state ^ u64::from_le_bytes(w), self.key);
        }
        let tail = words.remainder();
        if !tail.is_empty() {
            let mut w = [0u8; 8];
            w[..tail.len()].copy_from_slice(tail);
            self.state = fold(self.state ^ u64::from_le_bytes(w), self.key);
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.state = fold(self.state ^ u64::from(i), self.key);
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.state = fold(self.state ^ u64::from(i), self.key);
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.state = fold(self.state ^ i, self.key);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.state = fold(self.state ^ i as u64, self.key);
    }

    #[inline]
    fn finish(&self) -> u64 {
        fold(self.state, self.key.rotate_left(32) | 1)
    }
}

/// A map from ids to values with [`IdHashState`].
pub(crate) type IdMap<K, V> = std::collections::HashMap<K, V, IdHashState>;

#[cfg(test)]
mod tests {
    use std::hash::BuildHasher;

    use super::{IdHashState, IdMap};

    #[test]
    fn equal_texts_hash_equal_and_near_texts_apart() {
        let state = IdHashState::default();
        assert_eq!(state.hash_one("skill-123"), state.hash_one("skill-123"));
        let mut seen = std::collections::HashSet::new();
        for text in [
            "", "\0", "\0\0", "a", "a\0", "skill-1", "skill-2", "skill-10",
        ] {
            assert!(seen.insert(state.hash_one(text)), "{text:?}");
        }
        // Another map draws another key.
        assert_ne!(
            IdHashState::default().hash_one("skill-123"),
            state.hash_one("skill-123")
        );
    }

    #[test]
    fn a_map_finds_what_it_holds() {
        let mut map: IdMap<String, u32> = IdMap::default();
        for i in 0..10_000u32 {
            map.insert(format!("officer-{i:07}"), i);
        }
        assert!((0..10_000u32).all(|i| map.get(format!("officer-{i:07}").as_str()) == Some(&i)));
        assert_eq!(map.get("officer-0010000"), None);
    }
}
