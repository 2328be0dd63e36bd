//! The common passbook row read from its bytes: a level `0`–`5`, a source written as the
//! format names it, a `YYYY-MM-DD` date or none, `true`, `false` or nothing for the
//! verified flag, no course, a known competency within its scale. Such a row has no
//! problem and gives what the reader's general row checks give; any other row is left to them.

use hashbrown::HashTable;

use crate::interop::csv::Row;
use crate::model::date::iso_date_bytes;
use crate::{EvidenceSource, Framework, OfficersCsvOptions};

/// The framework's competency ids, each looked up by the bytes of a cell without making a
/// string of it: the ids side by side in one buffer, and their numbers hashed by id.
pub(super) struct CompetencyIds {
    bytes: Vec<u8>,
    /// Where id `c` ends in `bytes` (it starts where `c − 1` ends).
    ends: Vec<usize>,
    table: HashTable<u32>,
    /// A random seed of the hash, so that no set of ids collides on every run.
    seed: u64,
}

impl CompetencyIds {
    /// The ids of `framework`'s competencies, numbered as the framework numbers them.
    pub(super) fn new(framework: &Framework) -> Self {
        let items = &framework.competencies.items;
        let seed = std::hash::BuildHasher::hash_one(&foldhash::fast::RandomState::default(), 0u8);
        let mut ids = CompetencyIds {
            bytes: Vec::with_capacity(items.iter().map(|c| c.id.as_str().len()).sum()),
            ends: Vec::with_capacity(items.len()),
            table: HashTable::with_capacity(items.len()),
            seed,
        };
        for (c, item) in items.iter().enumerate() {
            ids.bytes.extend_from_slice(item.id.as_str().as_bytes());
            ids.ends.push(ids.bytes.len());
            let h = hash(seed, item.id.as_str().as_bytes());
            let (bytes, ends) = (&ids.bytes, &ids.ends);
            (ids.table).insert_unique(h, c as u32, |&k| hash(seed, id(bytes, ends, k)));
        }
        ids
    }

    /// The number of the competency whose id is `cell`.
    #[inline]
    fn get(&self, cell: &[u8]) -> Option<u32> {
        let h = hash(self.seed, cell);
        (self.table)
            .find(h, |&k| same(id(&self.bytes, &self.ends, k), cell))
            .copied()
    }
}

/// Id `k` of `bytes` ended at `ends`.
#[inline]
fn id<'a>(bytes: &'a [u8], ends: &[usize], k: u32) -> &'a [u8] {
    let k = k as usize;
    let start = if k == 0 { 0 } else { ends[k - 1] };
    &bytes[start..ends[k]]
}

/// The words of `bytes` in order, little-endian: every 8 bytes from the start and then the
/// last 8 (which may overlap the word before); shorter ids are one word, zero-padded. Two
/// ids of the same length are the same exactly when their words are.
#[inline]
fn words(bytes: &[u8], mut each: impl FnMut(u64) -> bool) -> bool {
    let n = bytes.len();
    let at = |i: usize| {
        let w = bytes.get(i..i + 8).and_then(|w| w.try_into().ok());
        u64::from_le_bytes(w.unwrap_or([0; 8]))
    };
    if n < 8 {
        return each(bytes.iter().rev().fold(0, |w, &b| w << 8 | u64::from(b)));
    }
    let mut i = 0;
    while i + 8 < n {
        if !each(at(i)) {
            return false;
        }
        i += 8;
    }
    each(at(n - 8))
}

/// A hash of an id, a word at a time: each word and the length folded into the seeded
/// state by a 128-bit multiply (as foldhash does).
#[inline]
fn hash(seed: u64, bytes: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let fold = |a: u64, b: u64| {
        let m = u128::from(a) * u128::from(b);
        (m as u64) ^ ((m >> 64) as u64)
    };
    let mut h = seed ^ bytes.len() as u64;
    words(bytes, |w| {
        h = fold(h ^ w, K);
        true
    });
    fold(h, seed | 1)
}

/// Whether two ids are the same, compared a word at a time.
#[inline]
fn same(id: &[u8], cell: &[u8]) -> bool {
    if id.len() != cell.len() {
        return false;
    }
    let len = cell.len();
    let mut offset = 0;
    // The words of `cell` in the order `words` gives those of `id`.
    words(id, |word| {
        let theirs = if len < 8 {
            cell.iter()
                .rev()
                .fold(0, |w, &byte| w << 8 | u64::from(byte))
        } else {
            let at = offset.min(len - 8);
            let bytes = cell.get(at..at + 8).and_then(|w| w.try_into().ok());
            u64::from_le_bytes(bytes.unwrap_or([0; 8]))
        };
        offset += 8;
        word == theirs
    })
}

impl CompetencyIds {
    /// For a common row (see the module), its officer cell and `competency << 3 | level`
    /// when the level counts under the options' policy (`None` when it does not); `None`
    /// for any other row, to be read by the general checks.
    pub(super) fn common<'r>(
        &self,
        fw: &Framework,
        options: &OfficersCsvOptions,
        row: &Row<'r>,
    ) -> Option<(&'r [u8], Option<u32>)> {
        // The columns by their place in `EVIDENCE_COLUMNS`.
        let level = match *row.nth_bytes(2) {
            [b @ b'0'..=b'5'] => b - b'0',
            _ => return None,
        };
        let source = match row.nth_bytes(3) {
            b"assessment" => EvidenceSource::Assessment,
            b"feedback360" => EvidenceSource::Feedback360,
            b"self_declared" => EvidenceSource::SelfDeclared,
            // A completion names its course, which the general checks look up.
            _ => return None,
        };
        let date = match row.nth_bytes(4) {
            b"" => None,
            date => Some(iso_date_bytes(date)?),
        };
        let verified = match row.nth_bytes(5) {
            b"" | b"true" => true,
            b"false" => false,
            _ => return None,
        };
        if !row.nth_bytes(6).is_empty() {
            return None;
        }
        let c = self.get(row.nth_bytes(1))?;
        let (min, max) = (fw.competency_min[c as usize], fw.competency_max[c as usize]);
        if level > max || (level > 0 && level < min) {
            return None;
        }
        if let (Some(as_of), Some(day)) = (options.review.as_of, date)
            && day > as_of
        {
            return None;
        }
        let officer = row.nth_bytes(0);
        if officer.is_empty() {
            return None;
        }
        let counts = level > 0 && options.policy.counts(source, verified, date);
        Some((officer, counts.then_some(c << 3 | u32::from(level))))
    }
}

#[cfg(test)]
mod tests {
    use super::{hash, same};

    #[test]
    fn ids_compare_and_hash_by_every_byte() {
        let ids: Vec<Vec<u8>> = (0..40)
            .flat_map(|n| {
                let base: Vec<u8> = (0..n).map(|i| b'a' + (i % 26) as u8).collect();
                (0..n.max(1)).map(move |i| {
                    let mut id = base.clone();
                    if let Some(b) = id.get_mut(i) {
                        *b = b'Z';
                    }
                    id
                })
            })
            .collect();
        for a in &ids {
            assert_eq!(hash(7, a), hash(7, &a.clone()));
            for b in &ids {
                assert_eq!(same(a, b), a == b, "{a:?} {b:?}");
            }
        }
    }
}
