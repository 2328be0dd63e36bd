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
    /// The hash's keys: two for the first two words of an id, one for each word after.
    seed: [u64; 3],
}

/// One competency in the table.
#[derive(Clone, Copy, Default)]
struct Slot {
    /// The id's first 16 bytes as two little-endian words, zero after its end.
    words: [u64; 2],
    /// The id's length in bytes; 0 for a free slot.
    len: u16,
    /// The levels the competency's scale accepts, as [`scale`] gives them.
    levels: u8,
    /// The competency, shifted as a held level stores it (`competency << 3`).
    code: u32,
}

/// A competency found in a cell: its number and scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Found {
    /// The length of the cell, without the comma that ends it.
    pub(super) len: usize,
    /// The competency, shifted as a held level stores it (`competency << 3`).
    pub(super) code: u32,
    /// The levels its scale accepts, as [`scale`] gives them.
    pub(super) levels: u8,
}

/// The levels 0 to 7 that a competency of scale `min` to `max` accepts in a passbook, as
/// bits (bit `l` for level `l`): level 0 and the levels of the scale.
pub(super) fn scale(min: u8, max: u8) -> u8 {
    (0..8u8).fold(0, |bits, level| {
        let refused = level > max || (level > 0 && level < min);
        bits | u8::from(!refused) << level
    })
}

/// A folded multiply, as foldhash and wyhash mix words: the high and low halves of the
/// 128-bit product.
#[inline]
fn fold(a: u64, b: u64) -> u64 {
    let p = u128::from(a) * u128::from(b);
    (p as u64) ^ (p >> 64) as u64
}

/// The hash of an id whose first two words (zero after its end) are `first`: one folded
/// multiply, the words after them folded in one at a time by [`more`]. An id holds no
/// zero byte (see the module), so the zeros after its end tell its length and two ids of
/// different lengths have different words.
#[inline]
fn start(seed: &[u64; 3], [w0, w1]: [u64; 2]) -> u64 {
    fold(w0 ^ seed[0], w1 ^ seed[1])
}

/// The hash `h` with the id's next word after the first two.
#[inline]
fn more(seed: &[u64; 3], h: u64, word: u64) -> u64 {
    fold(h ^ word, seed[2])
}

/// The eight bytes of `word` before byte `at` (0 to 7), zero after.
#[inline]
fn below(word: u64, at: usize) -> u64 {
    word & !(u64::MAX << (8 * at))
}

impl Competencies {
    /// The table of `fw`'s competencies that a line can name (see the module).
    ///
    /// # Complexity
    /// O(C) for C competencies (their ids' bytes); under 96 bytes per competency.
    pub(super) fn new(fw: &Framework) -> Self {
        let items = &fw.competencies.items;
        let size = (2 * items.len()).next_power_of_two().max(16);
        let random = crate::model::hash::IdHasher::default();
        // Odd keys: no key zeroes a product.
        let seed = [0u64, 1, 2].map(|k| std::hash::BuildHasher::hash_one(&random, k) | 1);
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
            let words: Vec<u64> = id
                .chunks(8)
                .map(|chunk| {
                    let mut word = [0u8; 8];
                    word[..chunk.len()].copy_from_slice(chunk);
                    u64::from_le_bytes(word)
                })
                .collect();
            let first = [words[0], words.get(1).copied().unwrap_or(0)];
            let h = words
                .iter()
                .skip(2)
                .fold(start(&seed, first), |h, &w| more(&seed, h, w));
            let mut s = table.slot(h);
            while table.slots[s].len != 0 {
                s = (s + 1) & mask;
            }
            table.slots[s] = Slot {
                words: first,
                len: id.len() as u16,
                levels: scale(fw.competency_min[c], fw.competency_max[c]),
                code: (c as u32) << 3,
            };
        }
        table
    }

    /// The first slot of hash `h`.
    #[inline]
    fn slot(&self, h: u64) -> usize {
        (h.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    /// The competency named by the cell at the start of `bytes`, when a comma ends the
    /// cell, every byte before it is ASCII and at or above `-`, and the framework has that
    /// id; `None` otherwise.
    // Once per passbook line, in the loop of `Shared::quick`: the compiler left it out of
    // line otherwise.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    pub(super) fn cell(&self, fw: &Framework, bytes: &[u8]) -> Option<Found> {
        let w0 = word_at(bytes, 0);
        let m0 = stops(w0);
        let (len, slot) = if m0 != 0 {
            let at = m0.trailing_zeros() as usize / 8;
            if at == 0 || !comma(w0, at) {
                return None;
            }
            (at, self.short([below(w0, at), 0])?)
        } else {
            let w1 = word_at(bytes, 8);
            let m1 = stops(w1);
            if m1 != 0 {
                let at = m1.trailing_zeros() as usize / 8;
                if !comma(w1, at) {
                    return None;
                }
                (8 + at, self.short([w0, below(w1, at)])?)
            } else {
                self.long(fw, bytes, [w0, w1])?
            }
        };
        Some(Found {
            len,
            code: slot.code,
            levels: slot.levels,
        })
    }

    /// The slot of the id of 1 to 15 bytes whose words are `first`. Such an id is told
    /// by its words alone: they hold no zero byte up to its end and only zeros after, so
    /// two ids of 15 bytes or fewer with the same words are the same, and an id of 16
    /// bytes or more fills both words.
    #[inline]
    fn short(&self, first: [u64; 2]) -> Option<&Slot> {
        let mask = self.slots.len() - 1;
        let mut s = self.slot(start(&self.seed, first));
        loop {
            let slot = &self.slots[s];
            if slot.words == first {
                return Some(slot);
            }
            if slot.len == 0 {
                return None;
            }
            s = (s + 1) & mask;
        }
    }

    /// The length and slot of the id in a cell of 16 bytes or more (no comma in its first
    /// two words, `first`), as [`Competencies::cell`] finds it.
    #[inline(never)]
    fn long(&self, fw: &Framework, bytes: &[u8], first: [u64; 2]) -> Option<(usize, &Slot)> {
        let mut h = start(&self.seed, first);
        let mut i = 16;
        // Past the end of `bytes` the words read zero, a byte that stops the scan and is
        // not a comma.
        let len = loop {
            let word = word_at(bytes, i);
            let mask = stops(word);
            if mask != 0 {
                let at = mask.trailing_zeros() as usize / 8;
                if !comma(word, at) {
                    return None;
                }
                if at > 0 {
                    h = more(&self.seed, h, below(word, at));
                }
                break i + at;
            }
            h = more(&self.seed, h, word);
            i += 8;
        };
        if len > usize::from(u16::MAX) {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut s = self.slot(h);
        loop {
            let slot = &self.slots[s];
            if slot.len == 0 {
                return None;
            }
            if usize::from(slot.len) == len
                && slot.words == first
                && fw.competencies.items[(slot.code >> 3) as usize]
                    .id
                    .as_str()
                    .as_bytes()[16..]
                    == bytes[16..len]
            {
                return Some((len, slot));
            }
            s = (s + 1) & mask;
        }
    }
}

/// Whether byte `at` of `word` is a comma. Past the end of a cell's bytes the words read
/// zero, a byte that stops the scan and is not a comma: the stop byte is read from its
/// word, with no check of the end.
#[inline]
fn comma(word: u64, at: usize) -> bool {
    (word >> (8 * at)) as u8 == b','
}

/// Whether `id` holds a byte below `-` or not ASCII.
fn stops_in(id: &[u8]) -> bool {
    id.iter().any(|&b| b < b'-' || !b.is_ascii())
}

#[cfg(test)]
mod tests {
    use super::{Competencies, Found, scale};
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
                        code: c << 3,
                        levels: scale(fw.competency_min[c as usize], fw.competency_max[c as usize]),
                    });
                assert_eq!(table.cell(&fw, line.as_bytes()), expected, "{line:?}");
            }
        }
    }
}
