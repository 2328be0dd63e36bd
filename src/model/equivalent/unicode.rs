//! Each character's canonical decomposition and canonical combining class, from tables of
//! the crate's own, sorted by code point and searched by bisection: the officer lookalike
//! check's in WebAssembly, where the module's size counts (natively it uses
//! `unicode-normalization`'s hash tables, one hash per lookup).
//!
//! The tables hold what `unicode-normalization` 0.1.26 gives (its Unicode version 18.0.0): the full
//! canonical decomposition of each of the 2,081 characters that have one (Hangul
//! syllables aside, which decompose by arithmetic), and the class of each of the 1,002
//! characters whose class is not 0. `unicode-normalization` keeps the same data as
//! perfect hash tables, 40,622 bytes that gzip cannot shrink much (about 21 KB in the
//! JavaScript package's WebAssembly); sorted, and written as below, they are 22,822
//! bytes, 6,671 gzipped (zlib level 9, each file alone).
//! The test `tables_are_unicode_normalization_s` builds both tables from
//! `unicode-normalization` and compares them with these byte for byte (with
//! `KARMAYOGI_WRITE_UNICODE_TABLES=1` it writes them instead, after an update of that
//! crate), and `every_code_point_decomposes_as_unicode_normalization_says` compares both
//! functions with it on every code point.
//!
//! `decompositions.bin`: the number n of characters that decompose and the number m of
//! characters of their decompositions (u32 each); the n code points, increasing, as three
//! planes of bytes (the n lowest bytes, the n middle ones, the n highest); the length of
//! each one's decomposition (n bytes); where the decompositions of every 32nd character
//! start (u16 each, from character 0); the m characters of the decompositions, in three
//! planes of bytes. `classes.bin`: the code points of the characters of a class other
//! than 0, increasing, in three planes of bytes, then their classes (a byte each).
//! Integers are little-endian. Planes of bytes compress better than whole integers: the
//! high bytes of nearby code points repeat.

use std::cmp::Ordering;

/// See the module's documentation.
static DECOMPOSITIONS: &[u8] = include_bytes!("decompositions.bin");

/// See the module's documentation.
static CLASSES: &[u8] = include_bytes!("classes.bin");

/// The first Hangul syllable; the syllables decompose by arithmetic (Unicode §3.12).
const S_BASE: u32 = 0xAC00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const T_COUNT: u32 = 28;
const N_COUNT: u32 = 21 * T_COUNT;
const S_COUNT: u32 = 19 * N_COUNT;

/// Characters per stored start of a decomposition in `decompositions.bin`.
const BLOCK: usize = 32;

/// Calls `emit` with each character of the full canonical decomposition of `c`, or with
/// `c` alone when it has none, as `unicode_normalization::char::decompose_canonical`
/// does. O(log n) for the n characters that decompose.
pub(super) fn decompose_canonical(c: char, mut emit: impl FnMut(char)) {
    let code = u32::from(c);
    let syllable = code.wrapping_sub(S_BASE);
    if syllable < S_COUNT {
        let lead = L_BASE + syllable / N_COUNT;
        let vowel = V_BASE + (syllable % N_COUNT) / T_COUNT;
        let trail = T_BASE + syllable % T_COUNT;
        let jamo = [lead, vowel, trail];
        let parts = if trail == T_BASE {
            &jamo[..2]
        } else {
            &jamo[..]
        };
        parts
            .iter()
            .filter_map(|&j| char::from_u32(j))
            .for_each(emit);
        return;
    }
    let table = DECOMPOSITIONS;
    let (n, m) = (word(table, 0) as usize, word(table, 4) as usize);
    let keys = 8;
    let Some(k) = position(n, |i| planar(table, keys, n, i).cmp(&code)) else {
        emit(c);
        return;
    };
    let lengths = keys + 3 * n;
    let length = |i: usize| usize::from(table.get(lengths + i).copied().unwrap_or(0));
    let blocks = lengths + n;
    let block = k / BLOCK;
    let first = table
        .get(blocks + 2 * block..blocks + 2 * block + 2)
        .map_or(0, |b| usize::from(u16::from_le_bytes([b[0], b[1]])));
    let start = first + (block * BLOCK..k).map(length).sum::<usize>();
    let chars = blocks + 2 * (n / BLOCK + 1);
    for i in start..start + length(k) {
        if let Some(d) = char::from_u32(planar(table, chars, m, i)) {
            emit(d);
        }
    }
}

/// The canonical combining class of `c` (0 for most characters), as
/// `unicode_normalization::char::canonical_combining_class` gives it. O(log n) for the n
/// characters of another class.
pub(super) fn canonical_combining_class(c: char) -> u8 {
    let code = u32::from(c);
    let n = CLASSES.len() / 4;
    position(n, |i| planar(CLASSES, 0, n, i).cmp(&code))
        .and_then(|k| CLASSES.get(3 * n + k).copied())
        .unwrap_or(0)
}

/// The little-endian u32 at byte `at` of `bytes` (0 past its end).
fn word(bytes: &[u8], at: usize) -> u32 {
    bytes
        .get(at..at + 4)
        .map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// The `i`th of `count` code points stored from byte `at` of `bytes` as three planes of
/// bytes, lowest first (0 past the end).
fn planar(bytes: &[u8], at: usize, count: usize, i: usize) -> u32 {
    let byte = |plane: usize| u32::from(bytes.get(at + plane * count + i).copied().unwrap_or(0));
    byte(0) | byte(1) << 8 | byte(2) << 16
}

/// The index in `0..n` at which `compare`, increasing over the indices, gives `Equal`.
fn position(n: usize, compare: impl Fn(usize) -> Ordering) -> Option<usize> {
    let (mut low, mut high) = (0, n);
    while low < high {
        let middle = low + (high - low) / 2;
        match compare(middle) {
            Ordering::Less => low = middle + 1,
            Ordering::Greater => high = middle,
            Ordering::Equal => return Some(middle),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::char as oracle;

    /// Code points as three planes of bytes, lowest first.
    fn planes(codes: &[u32]) -> Vec<u8> {
        (0..3)
            .flat_map(|plane| codes.iter().map(move |&c| (c >> (8 * plane)) as u8))
            .collect()
    }

    /// Both tables as `unicode-normalization` gives them, in the files' layout.
    fn tables() -> (Vec<u8>, Vec<u8>) {
        let (mut keys, mut lengths, mut chars) = (vec![], vec![], vec![]);
        let (mut marks, mut classes) = (vec![], vec![]);
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let class = oracle::canonical_combining_class(c);
            if class != 0 {
                marks.push(u32::from(c));
                classes.push(class);
            }
            if (S_BASE..S_BASE + S_COUNT).contains(&u32::from(c)) {
                continue;
            }
            let mut full = Vec::new();
            oracle::decompose_canonical(c, |d| full.push(u32::from(d)));
            if full != [u32::from(c)] {
                keys.push(u32::from(c));
                lengths.push(u8::try_from(full.len()).unwrap());
                chars.extend(full);
            }
        }
        let mut decompositions = Vec::new();
        decompositions.extend(u32::try_from(keys.len()).unwrap().to_le_bytes());
        decompositions.extend(u32::try_from(chars.len()).unwrap().to_le_bytes());
        decompositions.extend(planes(&keys));
        decompositions.extend(&lengths);
        let mut start = 0u16;
        for (i, &length) in lengths.iter().enumerate() {
            if i % BLOCK == 0 {
                decompositions.extend(start.to_le_bytes());
            }
            start += u16::from(length);
        }
        if lengths.len() % BLOCK == 0 {
            decompositions.extend(start.to_le_bytes());
        }
        decompositions.extend(planes(&chars));
        let mut class_table = planes(&marks);
        class_table.extend(classes);
        (decompositions, class_table)
    }

    #[test]
    fn tables_are_unicode_normalization_s() {
        let (decompositions, classes) = tables();
        if std::env::var_os("KARMAYOGI_WRITE_UNICODE_TABLES").is_some() {
            let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/model/equivalent/");
            std::fs::write(format!("{dir}decompositions.bin"), &decompositions).unwrap();
            std::fs::write(format!("{dir}classes.bin"), &classes).unwrap();
        }
        assert!(
            DECOMPOSITIONS == decompositions,
            "decompositions.bin is out of date"
        );
        assert!(CLASSES == classes, "classes.bin is out of date");
    }

    #[test]
    fn every_code_point_decomposes_as_unicode_normalization_says() {
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let (mut ours, mut theirs) = (Vec::new(), Vec::new());
            decompose_canonical(c, |d| ours.push(d));
            oracle::decompose_canonical(c, |d| theirs.push(d));
            assert_eq!(ours, theirs, "{c:?}");
            assert_eq!(
                canonical_combining_class(c),
                oracle::canonical_combining_class(c),
                "{c:?}"
            );
        }
    }
}
