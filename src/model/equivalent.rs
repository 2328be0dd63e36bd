//! Ids that print alike because they are one text in two Unicode normalisation forms, or
//! look alike because they differ only in letter case, surrounding whitespace or
//! characters of another script that stand for ASCII letters or digits (`uѕ` with a
//! Cyrillic `ѕ` for `us`, `EMP०१२` in Devanagari digits for `EMP012`: `confusable.rs`),
//! or, numbers, in leading zeros.
//!
//! Ids compare byte for byte (DESIGN.md, "Why names are escaped in reports and ids
//! refused"), so `José` precomposed (NFC) and decomposed (NFD) are two ids, as are `rti`,
//! `RTI` and `rti `, and none is ever merged. A framework holding both is almost always a
//! mistake of the tool that wrote it, so [`Framework::review`] names them, escaped so the
//! marks and spaces show.
//!
//! Two texts are one text in different forms (canonically equivalent) exactly when their
//! canonical decompositions (NFD) are equal, so ids are keyed on that, built here from
//! each character's canonical decomposition and combining class (`nfc.rs`: in WebAssembly
//! from the crate's own sorted tables). Composing (NFC) is not needed to compare, and
//! `unicode-normalization`'s iterators would bring its compatibility and composition
//! tables into the JavaScript package (about 112 KB of data) where only the canonical
//! decomposition is asked.

use std::collections::HashMap;

use crate::model::confusable::{OtherScriptCharacter, ascii_counterpart};
use crate::model::nfc::{decompose_into, decomposed, is_decomposed};
use crate::model::order;
use crate::{EntityKind, Error, Framework};

impl Framework {
    /// Probable mistakes in the framework that are not errors: ids of one kind that are
    /// the same text in different Unicode normalisation forms ([`Error::EquivalentIds`]),
    /// and ids of one kind that differ only in letter case or whitespace around them
    /// ([`Error::LookalikeIds`]: `rti`, `RTI`, `rti `; or only in characters of another
    /// script that stand for ASCII letters or digits, named in the warning: `us` and `uѕ`
    /// with a Cyrillic `ѕ`, `EMP012` and `EMP०१२` in Devanagari digits; or, ids of digits,
    /// only in leading zeros: `0123`, `123`; ids that also differ in form are
    /// compared by the canonical decompositions of their lower case, so `W\u{30a}` and
    /// `\u{1e98}`, W and w with a ring above, look alike), for competencies, activities,
    /// roles, positions, courses, groups and departments. Such ids are distinct entities
    /// (nothing is merged); the warning says that they print or look alike.
    ///
    /// The warnings are sorted by kind, then by variant (equivalent before lookalike), then
    /// ids; the same framework gives the same list.
    ///
    /// # Complexity
    /// O(total length of the ids) expected time and memory, times the logarithm of the
    /// longest run of combining marks (each run is sorted into canonical order): a text
    /// that is its own canonical decomposition (every ASCII id) is checked without being
    /// copied, only other ids are decomposed, and only ids holding an upper case letter,
    /// surrounding whitespace or a character with a decomposition are copied to be
    /// compared in lower case.
    ///
    /// # Example
    /// ```
    /// use karmayogi::{Error, Framework};
    ///
    /// let fw = Framework::from_json(r#"{"format_version": 2, "competencies": [
    ///   {"id": "Jos\u00e9", "name": "Precomposed", "type": "domain"},
    ///   {"id": "Jose\u0301", "name": "Decomposed", "type": "domain"}]}"#)?;
    /// let warnings = fw.review();
    /// assert_eq!(
    ///     warnings[0].to_string(),
    ///     r#"competency ids "Jose\u{301}", "Jos\u{e9}" are one text in different unicode forms (nfc/nfd): distinct ids that print alike"#
    /// );
    /// # Ok::<(), karmayogi::Errors>(())
    /// ```
    pub fn review(&self) -> Vec<Error> {
        let mut warnings = Vec::new();
        // In the order of `EntityKind`.
        let kinds: [(EntityKind, Vec<&str>); 7] = [
            (
                EntityKind::Competency,
                self.competencies().iter().map(|c| c.id.as_str()).collect(),
            ),
            (
                EntityKind::Activity,
                self.activities().iter().map(|a| a.id.as_str()).collect(),
            ),
            (
                EntityKind::Role,
                self.roles().iter().map(|r| r.id.as_str()).collect(),
            ),
            (
                EntityKind::Position,
                self.positions().iter().map(|p| p.id.as_str()).collect(),
            ),
            (
                EntityKind::Course,
                self.courses().iter().map(|c| c.id.as_str()).collect(),
            ),
            (
                EntityKind::Group,
                self.groups().iter().map(|g| g.id.as_str()).collect(),
            ),
            (
                EntityKind::Department,
                self.positions()
                    .iter()
                    .map(|p| p.department.as_str())
                    .collect(),
            ),
        ];
        for (kind, ids) in kinds {
            for ids in equivalent_ids(&ids) {
                warnings.push(Error::EquivalentIds { kind, ids });
            }
            for ids in lookalike_ids(&ids) {
                warnings.push(lookalike_warning(kind, ids));
            }
        }
        warnings
    }
}

/// For `n` officers whose ids `id` gives in input order, a warning for each officer whose
/// id looks like the id of an officer before it ([`Error::EquivalentIds`] for ids that are
/// one text in two Unicode forms, [`Error::LookalikeIds`] for ids that differ only in
/// letter case, surrounding whitespace, characters of another script that stand for
/// ASCII letters or digits (`uѕ`, `EMP०१२`) or, ids of digits, leading zeros, as
/// [`Framework::review`] names them), each
/// naming the whole set, sorted by officer (an officer's equivalent set before its
/// lookalike set). Ids that validation refuses (blank, or holding a hidden character) and
/// an id repeated exactly are not compared. Nothing is merged.
///
/// # Complexity
/// O(n) when every id is ASCII without surrounding whitespace, no two ids could differ
/// in letter case alone (no id holds an upper case letter, or none a lower case one) and
/// none of two characters or more starts with `0`: a
/// pass over the ids, nothing allocated. Otherwise O(n log n + L log r) time for ids of
/// total length L whose runs of combining marks are at most r long, and 16 bytes per
/// officer: each id's folded form hashed, the hashes sorted, and only ids of one hash
/// compared.
pub(crate) fn alike_officers<'a>(n: usize, id: impl Fn(usize) -> &'a str) -> Vec<(usize, Error)> {
    // In WebAssembly compiled once, calling `id` through a `dyn` reference; natively once
    // per caller (three readers of officers), with `id` inlined.
    if cfg!(target_arch = "wasm32") {
        alike_officers_by(n, &id as &dyn Fn(usize) -> &'a str)
    } else {
        alike_officers_by(n, &id)
    }
}

/// [`alike_officers`], for ids given by a function of any type, `dyn` included.
fn alike_officers_by<'a, F: Fn(usize) -> &'a str + ?Sized>(
    n: usize,
    id: &F,
) -> Vec<(usize, Error)> {
    let usable = |id: &str| {
        // Printable ASCII, as most ids are: hidden characters none, blank when all spaces.
        if id.bytes().all(|b| matches!(b, b' '..=b'~')) {
            return id.bytes().any(|b| b != b' ');
        }
        !crate::model::quote::is_blank(id) && !crate::model::quote::has_hidden(id)
    };
    // Whether every usable id is ASCII without whitespace around it, and whether any holds
    // an upper or a lower case letter: one pass over each id's bytes (this runs for every
    // officer of every load), the general tests only for an id that is not printable ASCII.
    // And whether any starts with a `0` and is longer: `0123` looks like `123`.
    let (mut upper, mut lower, mut simple, mut zero) = (false, false, true, false);
    for k in 0..n {
        let text = id(k);
        let bytes = text.as_bytes();
        let [other, up, low] = byte_classes(bytes);
        let plain = if other {
            if !usable(text) {
                continue;
            }
            text.is_ascii()
                && !bytes[0].is_ascii_whitespace()
                && !bytes[bytes.len() - 1].is_ascii_whitespace()
        } else {
            match (bytes.first(), bytes.last()) {
                // Empty: blank, not compared.
                (None, _) => continue,
                (Some(b' '), _) | (_, Some(b' ')) => {
                    // All spaces: blank, not compared; otherwise a space around it.
                    if bytes.iter().all(|&b| b == b' ') {
                        continue;
                    }
                    false
                }
                _ => true,
            }
        };
        if !plain {
            simple = false;
            break;
        }
        upper |= up;
        lower |= low;
        zero |= bytes.len() > 1 && bytes[0] == b'0';
    }
    if simple && !(upper && lower) && !zero {
        return Vec::new();
    }
    let hasher = crate::model::hash::IdHasher::default();
    let mut folded = String::new();
    let mut fold = |text: &str| -> u64 {
        fold_into(text, &mut folded);
        std::hash::BuildHasher::hash_one(&hasher, folded.as_str())
    };
    let mut keyed: Vec<(u64, u32)> = (0..n)
        .filter(|&k| usable(id(k)))
        .map(|k| (fold(id(k)), k as u32))
        .collect();
    order::sort_unstable(&mut keyed);
    let mut warnings = Vec::new();
    for run in keyed.chunk_by(|a, b| a.0 == b.0).filter(|r| r.len() > 1) {
        // The run's officers by folded id, then officer: a hash is shared by chance too.
        let mut by_key: Vec<(String, usize)> = (run.iter())
            .map(|&(_, k)| {
                let mut key = String::new();
                fold_into(id(k as usize), &mut key);
                (key, k as usize)
            })
            .collect();
        order::sort_unstable(&mut by_key);
        for group in by_key.chunk_by(|a, b| a.0 == b.0) {
            let members: Vec<usize> = group.iter().map(|&(_, k)| k).collect();
            warn_alike(&members, id, &mut warnings);
        }
    }
    order::sort_by_key(&mut warnings, |w| w.0);
    warnings
}

/// Whether `bytes` hold a byte that is not printable ASCII (` ` to `~`), an ASCII upper
/// case letter, an ASCII lower case letter: read eight bytes at a time, each byte's range
/// told by the carry of an addition into its high bit (a byte below 0x80 plus `0x80 − k`
/// reaches 0x80 exactly when it is at least `k`, and never carries into the next byte).
/// A text of fewer than eight bytes is padded with spaces, which are none of the three.
fn byte_classes(bytes: &[u8]) -> [bool; 3] {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    const SPACES: u64 = ONES * 0x20;
    // The high bit of each byte of `low` (bytes below 0x80) that is at least `k`.
    let at_least = |low: u64, k: u8| (low + ONES * u64::from(0x80 - k)) & HIGH;
    let (mut other, mut upper, mut lower) = (0, 0, 0);
    let mut classify = |word: u64| {
        let (high, low) = (word & HIGH, word & !HIGH);
        let ascii = !high & HIGH;
        other |= high | (!at_least(low, b' ') & HIGH) | at_least(low, 0x7f);
        upper |= at_least(low, b'A') & !at_least(low, b'Z' + 1) & ascii;
        lower |= at_least(low, b'a') & !at_least(low, b'z' + 1) & ascii;
    };
    let word = |at: usize| {
        let mut word = [0u8; 8];
        word.copy_from_slice(&bytes[at..at + 8]);
        u64::from_le_bytes(word)
    };
    let n = bytes.len();
    if n >= 8 {
        for at in (0..n - 7).step_by(8) {
            classify(word(at));
        }
        // The last eight bytes, some of them classified already: the classes are only
        // gathered, so reading a byte twice changes nothing.
        if !n.is_multiple_of(8) {
            classify(word(n - 8));
        }
    } else if n > 0 {
        // The first byte lowest, spaces above the last.
        classify((bytes.iter().rev()).fold(SPACES, |word, &b| word << 8 | u64::from(b)));
    }
    [other != 0, upper != 0, lower != 0]
}

/// Writes into `out` (cleared first) the key under which [`lookalike_ids`] compares ids:
/// `text` trimmed, decomposed, each character of another script that stands for an ASCII
/// letter or digit read as that one (`confusable.rs`: the Cyrillic `ѕ` as `s`, the
/// Devanagari `२` as `2`), in lower case and decomposed again (lowering can give a
/// character with a decomposition, or marks out of canonical order: `\u{130}\u{323}`,
/// I with a dot above and a dot below, lowers to `i\u{307}\u{323}`). An ASCII text, as
/// most ids are, is its own decomposition, so its bytes are lowered directly; one of
/// digits alone loses its leading zeros (`0123` and `123`, and `०१२३`: a spreadsheet drops
/// them from an id it takes for a number, as "did you mean" knows).
fn fold_into(text: &str, out: &mut String) {
    out.clear();
    let text = text.trim();
    if text.is_ascii() {
        out.extend(text.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        let mut decomposed = String::new();
        decompose_into(text.chars(), &mut decomposed);
        let ascii = (decomposed.chars()).map(|c| ascii_counterpart(c).unwrap_or(c));
        decompose_into(ascii.flat_map(char::to_lowercase), out);
    }
    if zero_padded(out) {
        // `0` and `00` are one number too.
        let zeros = out.len() - out.trim_start_matches('0').len();
        out.drain(..zeros.min(out.len() - 1));
    }
}

/// Whether `text` is two or more ASCII digits, the first a `0`: a number written with
/// leading zeros, which [`fold_into`] drops.
fn zero_padded(text: &str) -> bool {
    text.len() > 1 && text.starts_with('0') && text.bytes().all(|b| b.is_ascii_digit())
}

/// The warnings about `members` (officers in increasing order whose ids fold to one key):
/// for each Unicode form shared by two or more distinct ids, [`Error::EquivalentIds`] at
/// each of them after the first; and when the ids are not all one form,
/// [`Error::LookalikeIds`] at each officer after the first whose id no officer before it
/// holds.
fn warn_alike<'a, F: Fn(usize) -> &'a str + ?Sized>(
    members: &[usize],
    id: &F,
    warnings: &mut Vec<(usize, Error)>,
) {
    let ids: Vec<&str> = members.iter().map(|&k| id(k)).collect();
    let later = |set: &[String], warnings: &mut Vec<(usize, Error)>, equivalent: bool| {
        let mut seen: Vec<&str> = Vec::new();
        for (&k, &text) in members.iter().zip(&ids) {
            if !set.iter().any(|s| s == text) || seen.contains(&text) {
                continue;
            }
            let first = seen.is_empty();
            seen.push(text);
            if first {
                continue;
            }
            let (kind, ids) = (EntityKind::Officer, set.to_vec());
            let warning = if equivalent {
                Error::EquivalentIds { kind, ids }
            } else {
                lookalike_warning(kind, ids)
            };
            warnings.push((k, warning));
        }
    };
    for set in equivalent_ids(&ids) {
        later(&set, warnings, true);
    }
    for set in lookalike_ids(&ids) {
        later(&set, warnings, false);
    }
}

/// [`Error::LookalikeIds`] for `ids` (a set of [`lookalike_ids`]) of `kind`, naming the
/// characters of other scripts that make them differ.
pub(crate) fn lookalike_warning(kind: EntityKind, ids: Vec<String>) -> Error {
    let other_script = OtherScriptCharacter::in_ids(&ids);
    Error::LookalikeIds {
        kind,
        ids,
        other_script,
    }
}

/// The sets of two or more distinct `ids` that are canonically equivalent (one NFD form,
/// hence one NFC form), each sorted byte by byte, in order of their first id. Two texts
/// that differ and are each their own decomposition are not equivalent, so only a text
/// with a decomposing character or marks out of order can share its form with another.
pub(crate) fn equivalent_ids(ids: &[&str]) -> Vec<Vec<String>> {
    sets_by_key(ids, is_decomposed, decomposed, |_| true)
}

/// The sets of two or more distinct `ids` that are one text but for letter case,
/// whitespace around them and characters of another script that stand for ASCII letters
/// or digits, or, ids of digits, leading zeros (`0123`, `123`), compared by the canonical decompositions of their lower case
/// ([`fold_into`]), each sorted byte by byte, in order of their first id; a set whose ids
/// are all canonically equivalent is [`equivalent_ids`]' instead. Only an id holding a
/// letter with another lower case, whitespace at an end, a character of another script
/// standing for an ASCII one or a text not its own decomposition can look like another,
/// so only those are copied.
pub(crate) fn lookalike_ids(ids: &[&str]) -> Vec<Vec<String>> {
    // Its own key: nothing to trim, its own decomposition, each character its own lower case.
    let plain = |id: &str| {
        id.trim() == id
            && !zero_padded(id)
            && is_decomposed(id)
            && id.chars().all(|c| {
                let mut lower = c.to_lowercase();
                lower.next() == Some(c) && lower.next().is_none() && ascii_counterpart(c).is_none()
            })
    };
    let key = |id: &str| {
        let mut key = String::new();
        fold_into(id, &mut key);
        key
    };
    let not_one_form = |group: &[&str]| {
        let first = decomposed(group[0]);
        !group.iter().all(|id| decomposed(id) == first)
    };
    sets_by_key(ids, plain, key, not_one_form)
}

/// The sets of two or more distinct `ids` of one `key` that `keep` keeps, each sorted byte
/// by byte, in order of their first id. An id that is `plain` is its own key, so it is
/// looked up, not copied, and only when some id is not plain. O(total length of the ids)
/// expected, and the keys of the ids not plain.
fn sets_by_key(
    ids: &[&str],
    plain: impl Fn(&str) -> bool,
    key: impl Fn(&str) -> String,
    keep: impl Fn(&[&str]) -> bool,
) -> Vec<Vec<String>> {
    let mut by_key: HashMap<String, Vec<&str>> = HashMap::new();
    for &id in ids {
        if !plain(id) {
            by_key.entry(key(id)).or_default().push(id);
        }
    }
    if by_key.is_empty() {
        return Vec::new();
    }
    for &id in ids {
        if plain(id)
            && let Some(group) = by_key.get_mut(id)
        {
            group.push(id);
        }
    }
    let mut sets: Vec<Vec<String>> = by_key
        .into_values()
        .filter_map(|mut group| {
            order::sort_by(&mut group, Ord::cmp);
            group.dedup();
            (group.len() > 1 && keep(&group))
                .then(|| group.into_iter().map(str::to_owned).collect())
        })
        .collect();
    order::sort_by(&mut sets, Ord::cmp);
    sets
}

#[cfg(test)]
mod tests;
