//! The framework's competency ids in a table looked up straight from the bytes of a
//! passbook line: the competency cell is scanned for its comma eight bytes at a time, and
//! the same words are hashed on the way, so finding the competency costs a few
//! instructions more than finding the cell's end (the framework's own index hashes the
//! cell's text again and compares it through `memcmp`).
//!
//! Only ids the line reader can take are in the table: not empty, every byte ASCII and at
//! or above `-` (see `stops`), at most `u16::MAX` bytes. A cell that is not such an id is
//! not found, and its line goes to the general checks, which look it up in the
//! framework's index; so the table finds exactly what that index finds for these cells.

use crate::Framework;
use crate::interop::csv::{stops, word_at};

/// A randomly seeded open-addressing table of the framework's competency ids.
pub(super) struct Competencies {
    /// A power of two of slots, at most half of them taken, probed linearly.
    slots: Vec<Slot>,
    /// `64 − log2(slots.len())`: a hash's top bits are its first slot.
    shift: u32,
    seed: u64,
}

/// One competency in the table.
#[derive(Clone, Copy, Default)]
struct Slot {
    /// The id's first 16 bytes as two little-endian words, zero after its end.
    words: [u64; 2],
    /// The id's length in bytes; 0 for a free slot.
    len: u16,
    /// The lowest and highest level of the competency's scale.
    min: u8,
    max: u8,
    /// The competency.
    c: u32,
}

/// A competency found in a cell: its number and scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Found {
    /// The length of the cell, without the comma that ends it.
    pub(super) len: usize,
    pub(super) c: u32,
    pub(super) min: u8,
    pub(super) max: u8,
}

/// The hash state after `word`, the `j`-th word of a cell (`first` keeps the first two).
#[inline]
fn mix(h: u64, word: u64, j: usize, first: &mut [u64; 2]) -> u64 {
    if let Some(w) = first.get_mut(j) {
        *w = word;
    }
    // A folded multiply, as foldhash and wyhash mix words.
    let p = u128::from(h ^ word) * u128::from(0x9e37_79b9_7f4a_7c15_u64 ^ (j as u64));
    (p as u64) ^ (p >> 64) as u64
}

/// The last step of a hash, over the cell's length: its top bits pick the slot.
#[inline]
fn end(h: u64, len: usize) -> u64 {
    let p = u128::from(h ^ len as u64) * u128::from(0xa076_1d64_78bd_642f_u64);
    ((p as u64) ^ (p >> 64) as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

impl Competencies {
    /// The table of `fw`'s competencies that a line can name (see the module).
    ///
    /// # Complexity
    /// O(C) for C competencies (their ids' bytes); under 96 bytes per competency.
    pub(super) fn new(fw: &Framework) -> Self {
        let items = &fw.competencies.items;
        let size = (2 * items.len()).next_power_of_two().max(16);
        let seed =
            std::hash::BuildHasher::hash_one(&foldhash::quality::RandomState::default(), size);
        let mut table = Competencies {
            slots: vec![Slot::default(); size],
            shift: 64 - size.trailing_zeros(),
            seed,
        };
        let mask = size - 1;
        for (c, item) in items.iter().enumerate() {
            let id = item.id.as_str().as_bytes();
            if id.is_empty() || id.len() > usize::from(u16::MAX) || stops_in(id) {
                continue;
            }
            let mut h = seed;
            let mut first = [0u64; 2];
            for (j, chunk) in id.chunks(8).enumerate() {
                let mut word = [0u8; 8];
                word[..chunk.len()].copy_from_slice(chunk);
                h = mix(h, u64::from_le_bytes(word), j, &mut first);
            }
            let mut s = (end(h, id.len()) >> table.shift) as usize;
            while table.slots[s].len != 0 {
                s = (s + 1) & mask;
            }
            table.slots[s] = Slot {
                words: first,
                len: id.len() as u16,
                min: fw.competency_min[c],
                max: fw.competency_max[c],
                c: c as u32,
            };
        }
        table
    }

    /// The competency named by the cell at the start of `bytes`, when a comma ends the
    /// cell, every byte before it is ASCII and at or above `-`, and the framework has that
    /// id; `None` otherwise.
    #[inline]
    pub(super) fn cell(&self, fw: &Framework, bytes: &[u8]) -> Option<Found> {
        let mut h = self.seed;
        let mut first = [0u64; 2];
        let mut i = 0;
        // Past the end of `bytes` the words read zero, a byte that stops the scan.
        let len = loop {
            let word = word_at(bytes, i);
            let mask = stops(word);
            if mask != 0 {
                let at = mask.trailing_zeros() as usize / 8;
                if bytes.get(i + at) != Some(&b',') {
                    return None;
                }
                if at > 0 {
                    h = mix(h, word & ((1u64 << (8 * at)) - 1), i / 8, &mut first);
                }
                break i + at;
            }
            h = mix(h, word, i / 8, &mut first);
            i += 8;
        };
        if len == 0 || len > usize::from(u16::MAX) {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut s = (end(h, len) >> self.shift) as usize;
        loop {
            let slot = &self.slots[s];
            if slot.len == 0 {
                return None;
            }
            if usize::from(slot.len) == len
                && slot.words == first
                && (len <= 16
                    || fw.competencies.items[slot.c as usize]
                        .id
                        .as_str()
                        .as_bytes()[16..]
                        == bytes[16..len])
            {
                return Some(Found {
                    len,
                    c: slot.c,
                    min: slot.min,
                    max: slot.max,
                });
            }
            s = (s + 1) & mask;
        }
    }
}

/// Whether `id` holds a byte below `-` or not ASCII.
fn stops_in(id: &[u8]) -> bool {
    id.iter().any(|&b| b < b'-' || !b.is_ascii())
}

#[cfg(test)]
mod tests {
    use super::{Competencies, Found};
    use crate::Framework;

    /// The table against the framework's index, for ids of every length from 1 to 40
    /// (across the 8- and 16-byte words), cells cut short, run on, or followed by no comma.
    #[test]
    fn finds_what_the_index_finds() {
        let mut ids: Vec<String> = (1..=40).map(|n| "k".repeat(n)).collect();
        ids.extend((0..300).map(|i| format!("skill-{i}")));
        ids.extend(["a-b.c", "x:y", "Ünï", "a/b", "A_Z~"].map(String::from));
        let competencies: Vec<String> = ids
            .iter()
            .map(|id| {
                format!(
                    r#"{{"id": {}, "name": "n", "type": "domain"}}"#,
                    serde_json::json!(id)
                )
            })
            .collect();
        let json = format!(
            r#"{{"format_version": 2, "competencies": [{}], "roles": [], "positions": []}}"#,
            competencies.join(",")
        );
        let fw = Framework::from_json(&json).expect("a framework");
        let table = Competencies::new(&fw);
        let mut probes: Vec<String> = ids.clone();
        probes.extend(ids.iter().map(|id| format!("{id}x")));
        probes.extend(ids.iter().map(|id| {
            let mut shorter = id.clone();
            shorter.pop();
            shorter
        }));
        probes.extend(["", "skill-3000", "kkkkkkkkkkkkkkkkK"].map(String::from));
        for probe in &probes {
            for tail in [",rest", ",", "", "\n", " ,"] {
                let line = format!("{probe}{tail}");
                let expected = tail.starts_with(',')
                    && !probe.is_empty()
                    && probe.bytes().all(|b| b >= b'-' && b.is_ascii());
                let expected = expected
                    .then(|| fw.competencies.get(probe))
                    .flatten()
                    .map(|c| Found {
                        len: probe.len(),
                        c,
                        min: fw.competency_min[c as usize],
                        max: fw.competency_max[c as usize],
                    });
                assert_eq!(table.cell(&fw, line.as_bytes()), expected, "{line:?}");
            }
        }
    }
}
