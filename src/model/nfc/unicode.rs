//! Each character's canonical decomposition and canonical combining class, and the pairs
//! of characters that compose, from tables of the crate's own, sorted by code point and
//! searched by bisection: the canonical forms' data in WebAssembly, where the module's
//! size counts (natively `unicode-normalization`'s hash tables serve, one hash per lookup).
//!
//! The tables hold what `unicode-normalization` 0.1.26 gives (its Unicode version 18.0.0): the full
//! canonical decomposition of each of the 2,081 characters that have one (Hangul
//! syllables aside, which decompose and compose by arithmetic), the class of each of the
//! 1,002 characters whose class is not 0, and which of the 2,081 are primary composites
//! (the 961 that are their own NFC form). `unicode-normalization` keeps the same data as
//! perfect hash tables, 40,622 bytes that gzip cannot shrink much (about 21 KB in the
//! JavaScript package's WebAssembly) and more for composition; sorted, and written as
//! below, they are 22,822 bytes, 6,671 gzipped (zlib level 9, each file alone), and 261
//! bytes for the composites.
//! The test `tables_are_unicode_normalization_s` builds the tables from
//! `unicode-normalization` and compares them with these byte for byte (with
//! `KARMAYOGI_WRITE_UNICODE_TABLES=1` it writes them instead, after an update of that
//! crate), `every_code_point_decomposes_as_unicode_normalization_says` compares the
//! decompositions, classes and quick checks with it on every code point, and
//! `every_pair_composes_as_unicode_normalization_says` the compositions on every pair
//! that can compose.
//!
//! `decompositions.bin`: the number n of characters that decompose and the number m of
//! characters of their decompositions (u32 each); the n code points, increasing, as three
//! planes of bytes (the n lowest bytes, the n middle ones, the n highest); the length of
//! each one's decomposition (n bytes); where the decompositions of every 32nd character
//! start (u16 each, from character 0); the m characters of the decompositions, in three
//! planes of bytes. `classes.bin`: the code points of the characters of a class other
//! than 0, increasing, in three planes of bytes, then their classes (a byte each).
//! `composites.bin`: a bit for each of the n characters that decompose, in their order,
//! the lowest bit of each byte first, set when the character is a primary composite.
//! Integers are little-endian. Planes of bytes compress better than whole integers: the
//! high bytes of nearby code points repeat.
//!
//! The pairs that compose are not stored: a primary composite's full decomposition is
//! that of the first character of its pair followed by the second (a primary composite
//! or a character without decomposition), which the tests check for every pair.

use std::cmp::Ordering;

/// See the module's documentation.
static DECOMPOSITIONS: &[u8] = include_bytes!("decompositions.bin");

/// See the module's documentation.
static CLASSES: &[u8] = include_bytes!("classes.bin");

/// See the module's documentation.
static COMPOSITES: &[u8] = include_bytes!("composites.bin");

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
pub(crate) fn decompose_canonical(c: char, mut emit: impl FnMut(char)) {
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
pub(crate) fn canonical_combining_class(c: char) -> u8 {
    let code = u32::from(c);
    let n = CLASSES.len() / 4;
    position(n, |i| planar(CLASSES, 0, n, i).cmp(&code))
        .and_then(|k| CLASSES.get(3 * n + k).copied())
        .unwrap_or(0)
}

/// The primary composite that `first` followed by `second` composes to, if any, as
/// `unicode_normalization::char::compose` gives it. O(log p) for the p pairs, which are
/// derived from the tables on the first call.
pub(crate) fn compose(first: char, second: char) -> Option<char> {
    let (a, b) = (u32::from(first), u32::from(second));
    // Hangul: a leading and a vowel jamo, or a syllable of those two and a trailing jamo.
    let (lead, vowel, trail) = (
        a.wrapping_sub(L_BASE),
        b.wrapping_sub(V_BASE),
        b.wrapping_sub(T_BASE),
    );
    if lead < 19 && vowel < 21 {
        return char::from_u32(S_BASE + (lead * 21 + vowel) * T_COUNT);
    }
    let syllable = a.wrapping_sub(S_BASE);
    if syllable < S_COUNT && syllable % T_COUNT == 0 && (1..T_COUNT).contains(&trail) {
        return char::from_u32(a + trail);
    }
    let pairs = &pairs().pairs;
    let k = position(pairs.len(), |i| (pairs[i].0, pairs[i].1).cmp(&(a, b)))?;
    char::from_u32(pairs[k].2)
}

/// Whether NFC never changes `c` or joins it to what precedes it: its combining class is
/// 0, it is not a character that decomposes without being a primary composite
/// (`NFC_Quick_Check` No), and neither it nor the first character of its decomposition is
/// the second of a pair that composes (`NFC_Quick_Check` Maybe: `U+113C5` is `U+113C2`
/// twice, and `U+113C2` composes with one before it), as
/// `unicode_normalization::is_nfc_quick` tells.
pub(crate) fn starts_run(c: char) -> bool {
    if c.is_ascii() {
        return true;
    }
    if canonical_combining_class(c) != 0 {
        return false;
    }
    let code = u32::from(c);
    let n = word(DECOMPOSITIONS, 0) as usize;
    if let Some(k) = position(n, |i| planar(DECOMPOSITIONS, 8, n, i).cmp(&code))
        && !is_primary(k)
    {
        return false;
    }
    let mut first = None;
    decompose_canonical(c, |d| {
        first.get_or_insert(u32::from(d));
    });
    let first = first.unwrap_or(code);
    // Hangul vowel and trailing jamo compose with what precedes them.
    let jamo =
        (V_BASE..V_BASE + 21).contains(&first) || (T_BASE + 1..T_BASE + T_COUNT).contains(&first);
    !jamo && pairs().seconds.binary_search(&first).is_err()
}

/// Whether the `k`th character that decomposes is a primary composite.
fn is_primary(k: usize) -> bool {
    COMPOSITES
        .get(k / 8)
        .is_some_and(|byte| byte >> (k % 8) & 1 == 1)
}

/// The pairs that compose, derived from the tables once.
struct Pairs {
    /// First, second, composite, sorted.
    pairs: Vec<(u32, u32, u32)>,
    /// Every second of a pair, sorted, without repeats.
    seconds: Vec<u32>,
}

/// The pairs that compose: for each primary composite, the last character of its full
/// decomposition is the second, and the first is the character without decomposition
/// (for a decomposition of two) or the primary composite whose full decomposition is
/// the rest. O(n log n) once for the n characters that decompose.
fn pairs() -> &'static Pairs {
    static PAIRS: std::sync::OnceLock<Pairs> = std::sync::OnceLock::new();
    PAIRS.get_or_init(|| {
        let n = word(DECOMPOSITIONS, 0) as usize;
        let full = |c: u32| {
            let mut out = String::new();
            if let Some(c) = char::from_u32(c) {
                decompose_canonical(c, |d| out.push(d));
            }
            out
        };
        let mut primaries: Vec<(String, u32)> = (0..n)
            .filter(|&k| is_primary(k))
            .map(|k| planar(DECOMPOSITIONS, 8, n, k))
            .map(|c| (full(c), c))
            .collect();
        primaries.sort_unstable();
        let mut pairs = Vec::with_capacity(primaries.len());
        for (decomposition, composite) in &primaries {
            let Some((at, second)) = decomposition.char_indices().next_back() else {
                continue;
            };
            let rest = &decomposition[..at];
            let mut chars = rest.chars();
            let first = match (chars.next(), chars.next()) {
                (Some(only), None) => u32::from(only),
                _ => match primaries.binary_search_by(|(d, _)| d.as_str().cmp(rest)) {
                    Ok(i) => primaries[i].1,
                    Err(_) => continue,
                },
            };
            pairs.push((first, u32::from(second), *composite));
        }
        pairs.sort_unstable();
        let mut seconds: Vec<u32> = pairs.iter().map(|p| p.1).collect();
        seconds.sort_unstable();
        seconds.dedup();
        Pairs { pairs, seconds }
    })
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
    use unicode_normalization::{IsNormalized, is_nfc_quick};

    /// Code points as three planes of bytes, lowest first.
    fn planes(codes: &[u32]) -> Vec<u8> {
        (0..3)
            .flat_map(|plane| codes.iter().map(move |&c| (c >> (8 * plane)) as u8))
            .collect()
    }

    /// The three tables as `unicode-normalization` gives them, in the files' layout.
    fn tables() -> (Vec<u8>, Vec<u8>, Vec<u8>) {
        let (mut keys, mut lengths, mut chars) = (vec![], vec![], vec![]);
        let (mut marks, mut classes) = (vec![], vec![]);
        let mut composites = vec![];
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
                let k = keys.len();
                if k % 8 == 0 {
                    composites.push(0u8);
                }
                if unicode_normalization::is_nfc(&c.to_string()) {
                    composites[k / 8] |= 1 << (k % 8);
                }
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
        (decompositions, class_table, composites)
    }

    #[test]
    fn tables_are_unicode_normalization_s() {
        let (decompositions, classes, composites) = tables();
        if std::env::var_os("KARMAYOGI_WRITE_UNICODE_TABLES").is_some() {
            let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/model/nfc/");
            std::fs::write(format!("{dir}decompositions.bin"), &decompositions).unwrap();
            std::fs::write(format!("{dir}classes.bin"), &classes).unwrap();
            std::fs::write(format!("{dir}composites.bin"), &composites).unwrap();
        }
        assert!(
            DECOMPOSITIONS == decompositions,
            "decompositions.bin is out of date"
        );
        assert!(CLASSES == classes, "classes.bin is out of date");
        assert!(COMPOSITES == composites, "composites.bin is out of date");
        assert_eq!(pairs().pairs.len(), 961);
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
            let quick = is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes;
            assert_eq!(
                starts_run(c),
                quick && oracle::canonical_combining_class(c) == 0,
                "{c:?}"
            );
        }
    }

    /// Every pair that can compose: a first that decomposes or begins a decomposition
    /// (a composite's pair begins with a character whose decomposition begins its own),
    /// and a second that is in a decomposition after its start or may compose with a
    /// character before it (`NFC_Quick_Check` Maybe, which Unicode gives exactly the
    /// seconds of pairs); and Hangul's jamo and syllables by sample.
    #[test]
    fn every_pair_composes_as_unicode_normalization_says() {
        use std::collections::BTreeSet;
        let (mut firsts, mut seconds) = (BTreeSet::new(), BTreeSet::new());
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let mut full = Vec::new();
            oracle::decompose_canonical(c, |d| full.push(d));
            if full != [c] {
                firsts.insert(c);
                firsts.insert(full[0]);
                seconds.extend(&full[1..]);
            }
            if is_nfc_quick(std::iter::once(c)) == IsNormalized::Maybe {
                seconds.insert(c);
            }
        }
        let hangul = [
            '\u{1100}', '\u{1112}', '\u{1113}', '\u{1161}', '\u{1175}', '\u{1176}',
        ];
        let hangul = hangul
            .iter()
            .chain(&['\u{11a7}', '\u{11a8}', '\u{11c2}', '\u{11c3}']);
        let hangul = hangul.chain(&['\u{ac00}', '\u{ac01}', '\u{ac1c}', '\u{d788}', '\u{d7a3}']);
        firsts.extend(hangul.clone());
        seconds.extend(hangul);
        let mut composed = 0;
        for &a in &firsts {
            for &b in &seconds {
                let theirs = oracle::compose(a, b);
                assert_eq!(compose(a, b), theirs, "{a:?} {b:?}");
                composed += usize::from(theirs.is_some());
            }
        }
        assert!(composed > 961, "{composed}");
    }
}
