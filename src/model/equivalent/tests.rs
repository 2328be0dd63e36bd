//! The unit tests of `equivalent.rs`, and its canonical keys checked against keys built
//! with `unicode-normalization`'s own iterators (`nfc()`, `nfd()`), the oracle.

use std::collections::{BTreeMap, BTreeSet};

use unicode_normalization::{UnicodeNormalization, is_nfc, is_nfd};

use super::{
    alike_officers, byte_classes, decomposed, equivalent_ids, fold_into, is_decomposed,
    lookalike_ids,
};
use crate::model::{quote, test_rng};
use crate::{EntityKind, Error};

#[test]
fn ids_differing_in_case_or_surrounding_whitespace_are_grouped() {
    assert_eq!(
        lookalike_ids(&["rti", "x", "RTI", "rti ", "rti", "Noting", "noting\t"]),
        [
            vec!["Noting".to_owned(), "noting\t".to_owned()],
            vec!["RTI".to_owned(), "rti".to_owned(), "rti ".to_owned()],
        ]
    );
    // Ids differing only in Unicode form are equivalent, not lookalike; a lookalike
    // that also differs in form is one.
    let (nfc, nfd) = ("Jos\u{e9}", "Jose\u{301}");
    assert!(lookalike_ids(&[nfc, nfd]).is_empty());
    assert_eq!(
        lookalike_ids(&[nfc, "jose\u{301}"]),
        [vec![nfc.to_owned(), "jose\u{301}".to_owned()]]
    );
    assert!(lookalike_ids(&["a", "b", "a-b"]).is_empty());
    assert!(lookalike_ids(&["A"]).is_empty());
}

#[test]
fn ascii_ids_fold_as_the_unicode_rule_folds_them() {
    let mut out = String::new();
    for text in ["o1", "O1 ", " EMP-7\t", "Ab_C.9", "", "  ", "\u{b}x\u{c}"] {
        fold_into(text, &mut out);
        assert_eq!(out, library_fold(text), "{text:?}");
    }
}

#[test]
fn only_texts_with_one_nfc_form_are_grouped() {
    let nfc = "Jos\u{e9}";
    let nfd = "Jose\u{301}";
    assert_eq!(
        equivalent_ids(&[nfc, "x", nfd, nfd]),
        [vec![nfd.to_owned(), nfc.to_owned()]]
    );
    // The Kelvin sign's NFC form is the letter K.
    assert_eq!(
        equivalent_ids(&["K", "\u{212a}", "k"]),
        [vec!["K".to_owned(), "\u{212a}".to_owned()]]
    );
    assert!(equivalent_ids(&["a", "b", nfc]).is_empty());
    assert!(equivalent_ids(&[nfd]).is_empty());
}

#[test]
fn decompositions_cover_hangul_singletons_and_mark_order() {
    // A Hangul syllable decomposes by rule into its jamo, as an LV syllable and a final
    // jamo do; the three spellings are one text.
    let (syllable, jamo, two) = ("\u{ac01}", "\u{1100}\u{1161}\u{11a8}", "\u{ac00}\u{11a8}");
    assert_eq!(decomposed(syllable), jamo);
    assert_eq!(decomposed(two), jamo);
    assert_eq!(
        equivalent_ids(&[syllable, jamo, two]),
        [vec![jamo.to_owned(), two.to_owned(), syllable.to_owned()]]
    );
    // Singleton decompositions: a CJK compatibility ideograph, the Angstrom and Ohm signs.
    assert_eq!(decomposed("\u{f900}"), "\u{8c48}");
    assert_eq!(decomposed("\u{212b}\u{2126}"), "A\u{30a}\u{3a9}");
    // Marks of different classes in canonical order, a class's marks kept in order:
    // dot below (220) before dot above and acute (230).
    assert_eq!(
        decomposed("\u{1e0b}\u{323}\u{301}"),
        "d\u{323}\u{307}\u{301}"
    );
    assert!(is_decomposed("d\u{323}\u{307}") && !is_decomposed("d\u{307}\u{323}"));
    // A long run of marks is sorted, not inserted mark by mark.
    let run = format!(
        "a\u{307}\u{323}\u{301}{}",
        "\u{301}\u{323}\u{345}".repeat(3_000)
    );
    assert_eq!(decomposed(&run), run.nfd().collect::<String>());
    assert!(!is_decomposed("\u{e9}") && !is_decomposed("\u{f900}") && is_decomposed("x"));
    // Lowering I with a dot above gives a dot above before the dot below: put back in
    // order, so it folds as its decomposition's lower case does.
    let mut out = String::new();
    fold_into("\u{130}\u{323}", &mut out);
    assert_eq!(out, "i\u{323}\u{307}");
    fold_into("\u{1eca}\u{307}", &mut out);
    assert_eq!(out, "i\u{323}\u{307}");
}

/// W and J with a mark that only their lower case letters have precomposed (`ẘ`, `ǰ`):
/// the `nfc()`-based key lowered `W\u{30a}` to `w\u{30a}`, not in NFC, so it differed
/// from `\u{1e98}`'s key though the two are one text but for letter case. Compared by
/// canonical decomposition, they look alike, as they should.
#[test]
fn letters_whose_lower_case_alone_is_precomposed_look_alike() {
    for (upper, lower) in [("W\u{30a}", "\u{1e98}"), ("J\u{30c}", "\u{1f0}")] {
        assert_ne!(old_fold(upper), old_fold(lower));
        let mut set = vec![upper.to_owned(), lower.to_owned()];
        set.sort();
        assert_eq!(lookalike_ids(&[upper, lower]), [set.clone()]);
        assert_eq!(
            alike_officers(2, |k| [upper, lower][k]),
            [(
                1,
                Error::LookalikeIds {
                    kind: EntityKind::Officer,
                    ids: set,
                    other_script: Vec::new(),
                }
            )]
        );
    }
}

/// Ids that differ only in characters of another script standing for ASCII letters or
/// digits look alike, and the warning names those characters: `us` and `u\u{455}` (a
/// Cyrillic `ѕ`), `EMP012` and `EMP\u{966}\u{967}\u{968}` (Devanagari digits), and
/// `\u{966}\u{967}\u{968}` beside `12` (a number without its leading zero). A word of one
/// other script (`\u{441}\u{43e}\u{440}\u{442}`) is compared as written.
#[test]
fn ids_in_characters_of_another_script_look_alike() {
    let ids = [
        "us",
        "u\u{455}",
        "EMP012",
        "EMP\u{966}\u{967}\u{968}",
        "\u{966}\u{967}\u{968}",
        "12",
        "\u{441}\u{43e}\u{440}\u{442}",
        "copt",
    ];
    let sets = lookalike_ids(&ids);
    assert_eq!(
        sets,
        [
            vec!["12".to_owned(), "\u{966}\u{967}\u{968}".to_owned()],
            vec!["EMP012".to_owned(), "EMP\u{966}\u{967}\u{968}".to_owned()],
            vec!["us".to_owned(), "u\u{455}".to_owned()],
        ]
    );
    let warnings = alike_officers(ids.len(), |k| ids[k]);
    let shown: Vec<(usize, String)> = (warnings.iter())
        .map(|(k, w)| (*k, w.to_string()))
        .collect();
    assert_eq!(
        shown,
        [
            (
                1,
                r#"officer ids "us", "u\u{455}" differ only in letters of another script ("\u{455}" for `s`): distinct ids that print alike"#
                    .to_owned()
            ),
            (
                3,
                r#"officer ids "EMP012", "EMP\u{966}\u{967}\u{968}" differ only in digits of another script ("\u{966}" for `0`, "\u{967}" for `1`, "\u{968}" for `2`): distinct ids that print alike"#
                    .to_owned()
            ),
            (
                5,
                r#"officer ids "12", "\u{966}\u{967}\u{968}" differ only in letter case, surrounding whitespace, leading zeros or digits of another script ("\u{966}" for `0`, "\u{967}" for `1`, "\u{968}" for `2`): distinct ids that print alike"#
                    .to_owned()
            ),
        ]
    );
    let Error::LookalikeIds { other_script, .. } = &warnings[0].1 else {
        panic!("{warnings:?}");
    };
    let named: Vec<(char, &str, char)> = (other_script.iter())
        .map(|c| (c.character, c.script, c.stands_for))
        .collect();
    assert_eq!(named, [('\u{455}', "Cyrillic", 's')]);
    let json = serde_json::to_value(&warnings[0].1).expect("serializes");
    assert_eq!(
        json["other_script"],
        serde_json::json!([{"character": "\u{455}", "script": "Cyrillic", "stands_for": "s"}])
    );
}

/// Code points that decompose, compose, reorder or change case in ways that matter:
/// marks of several classes, precomposed letters (some precomposed in one case only),
/// Hangul syllables and jamo, singletons (Angstrom, Ohm, Kelvin, a CJK compatibility
/// ideograph, Greek punctuation), characters excluded from composition, letters whose
/// case changes their length (`İ`, `ẞ`) and the three sigmas.
const TRICKY: &[char] = &[
    'a',
    'A',
    'e',
    'E',
    'i',
    'I',
    'j',
    'J',
    'k',
    'K',
    's',
    'S',
    'w',
    'W',
    'd',
    'D',
    'o',
    ' ',
    '\u{300}',
    '\u{301}',
    '\u{307}',
    '\u{308}',
    '\u{30a}',
    '\u{30c}',
    '\u{313}',
    '\u{31b}',
    '\u{323}',
    '\u{327}',
    '\u{328}',
    '\u{334}',
    '\u{338}',
    '\u{340}',
    '\u{341}',
    '\u{342}',
    '\u{343}',
    '\u{344}',
    '\u{345}',
    '\u{5b0}',
    '\u{93c}',
    '\u{f71}',
    '\u{f72}',
    '\u{3099}',
    '\u{c5}',
    '\u{e5}',
    '\u{c9}',
    '\u{e9}',
    '\u{1e0c}',
    '\u{1e0d}',
    '\u{1e0a}',
    '\u{1e0b}',
    '\u{1e68}',
    '\u{1e69}',
    '\u{1eca}',
    '\u{1ecb}',
    '\u{12e}',
    '\u{12f}',
    '\u{1fa}',
    '\u{1fb}',
    '\u{1e98}',
    '\u{1f0}',
    '\u{1e96}',
    '\u{1e97}',
    '\u{1e99}',
    '\u{130}',
    '\u{131}',
    '\u{df}',
    '\u{1e9e}',
    '\u{212b}',
    '\u{212a}',
    '\u{2126}',
    '\u{3a9}',
    '\u{3c9}',
    '\u{3a3}',
    '\u{3c3}',
    '\u{3c2}',
    '\u{399}',
    '\u{3b9}',
    '\u{3b1}',
    '\u{391}',
    '\u{1fb3}',
    '\u{1fbc}',
    '\u{1f80}',
    '\u{1f88}',
    '\u{390}',
    '\u{1fbe}',
    '\u{374}',
    '\u{37e}',
    '\u{387}',
    '\u{1fef}',
    '\u{ac00}',
    '\u{ac01}',
    '\u{d7a3}',
    '\u{1100}',
    '\u{1161}',
    '\u{11a8}',
    '\u{f900}',
    '\u{8c48}',
    '\u{2f800}',
    '\u{4e3d}',
    '\u{f73}',
    '\u{958}',
    '\u{915}',
    '\u{2adc}',
    '\u{1d15e}',
    '\u{1d165}',
    '\u{2000}',
    '\u{a0}',
    // Characters of other scripts standing for ASCII ones, beside those ones.
    '\u{455}',
    's',
    '\u{966}',
    '\u{967}',
    '0',
    '1',
];

/// The lookalike key by the library's iterators: `nfd()` of the lower case of `nfd()`,
/// each character of another script read as the ASCII one it stands for, and a number
/// without its leading zeros.
fn library_fold(text: &str) -> String {
    unpadded(
        text.trim()
            .nfd()
            .map(ascii)
            .flat_map(char::to_lowercase)
            .nfd()
            .collect(),
    )
}

/// The lookalike key the check used before: the lower case of `nfc()`, with characters
/// of other scripts and numbers read as [`library_fold`] reads them.
fn old_fold(text: &str) -> String {
    let ascii: String = text.trim().nfd().map(ascii).collect();
    unpadded(ascii.nfc().flat_map(char::to_lowercase).collect())
}

/// `c`, or the ASCII letter or digit it stands for.
fn ascii(c: char) -> char {
    crate::model::confusable::ascii_counterpart(c).unwrap_or(c)
}

/// `text` without leading zeros when it is two ASCII digits or more (`0` stays).
fn unpadded(text: String) -> String {
    if text.len() > 1 && text.bytes().all(|b| b.is_ascii_digit()) {
        let kept = text.trim_start_matches('0');
        return if kept.is_empty() {
            "0".into()
        } else {
            kept.into()
        };
    }
    text
}

/// The sets of two or more distinct `ids` of one `key` that `keep` keeps, each sorted
/// byte by byte, the sets sorted: by brute force, as `sets_by_key` should give them.
fn sets(
    ids: &[&str],
    key: impl Fn(&str) -> String,
    keep: impl Fn(&[&str]) -> bool,
) -> Vec<Vec<String>> {
    let mut by_key: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for &id in ids {
        by_key.entry(key(id)).or_default().insert(id);
    }
    let mut sets: Vec<Vec<String>> = (by_key.into_values())
        .map(|set| set.into_iter().collect::<Vec<&str>>())
        .filter(|set| set.len() > 1 && keep(set))
        .map(|set| set.into_iter().map(str::to_owned).collect())
        .collect();
    sets.sort();
    sets
}

/// The officers' warnings of `alike_officers` with the ids grouped by `key` (by brute
/// force instead of hashes), each group's warnings by `warn_alike`, sorted by officer.
fn officers(ids: &[&str], key: impl Fn(&str) -> String) -> Vec<(usize, Error)> {
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (k, id) in ids.iter().enumerate() {
        if !quote::is_blank(id) && !quote::has_hidden(id) {
            groups.entry(key(id)).or_default().push(k);
        }
    }
    let mut warnings = Vec::new();
    for members in groups.values().filter(|m| m.len() > 1) {
        super::warn_alike(members, &|k| ids[k], &mut warnings);
    }
    warnings.sort_by_key(|w| w.0);
    warnings
}

/// A text of one to five characters drawn from [`TRICKY`], or a variant of `base`: in
/// another form, another case, with a space around it.
fn draw(below: &mut impl FnMut(u64) -> u64, base: &str) -> String {
    let pick = |below: &mut dyn FnMut(u64) -> u64| TRICKY[below(TRICKY.len() as u64) as usize];
    match below(8) {
        0 => (0..=below(5)).map(|_| pick(below)).collect(),
        1 => base.nfc().collect(),
        2 => base.nfd().collect(),
        3 => base.to_uppercase(),
        4 => base.to_lowercase().nfc().collect(),
        5 => format!(" {base}"),
        // One character in another case.
        6 => base
            .chars()
            .enumerate()
            .flat_map(|(i, c)| {
                let flip = i as u64 == below(4);
                let upper: Vec<char> = c.to_uppercase().collect();
                let lower: Vec<char> = c.to_lowercase().collect();
                match flip {
                    true if upper != [c] => upper,
                    true => lower,
                    false => vec![c],
                }
            })
            .collect(),
        _ => base.to_owned(),
    }
}

/// The groupings by canonical decomposition are those of the `nfc()`-based keys used
/// before, on many draws of tricky texts and their variants, but where lowering a text in
/// NFC gives a text not in NFC (`W\u{30a}` to `w\u{30a}`, while `\u{1e98}` is
/// precomposed): there the keys of two texts could differ though their lower cases are
/// one text, and the canonical decomposition groups them (as the `nfc()` key put in NFC
/// again does).
#[test]
fn canonical_keys_group_as_the_nfc_keys_did() {
    let mut below = test_rng::below(0x5eed_c0de_f00d);
    let (mut differing, mut lookalike, mut equivalent) = (0, 0, 0);
    for _ in 0..12_000 {
        let bases: Vec<String> = (0..3).map(|_| draw(&mut below, "")).collect();
        let owned: Vec<String> = (0..12)
            .map(|_| {
                let base = below(3) as usize;
                draw(&mut below, &bases[base])
            })
            .collect();
        let ids: Vec<&str> = owned.iter().map(String::as_str).collect();
        let mut out = String::new();
        for &id in &ids {
            assert_eq!(decomposed(id), id.nfd().collect::<String>(), "{id:?}");
            assert_eq!(is_decomposed(id), is_nfd(id), "{id:?}");
            fold_into(id, &mut out);
            assert_eq!(out, library_fold(id), "{id:?}");
        }

        let nfc = |id: &str| id.nfc().collect::<String>();
        let equivalent_now = equivalent_ids(&ids);
        assert_eq!(equivalent_now, sets(&ids, nfc, |_| true), "{ids:?}");
        equivalent += equivalent_now.len();

        let not_one_form = |set: &[&str]| set.iter().any(|id| nfc(id) != nfc(set[0]));
        let lookalike_now = lookalike_ids(&ids);
        let closed = |id: &str| old_fold(id).nfc().collect::<String>();
        assert_eq!(lookalike_now, sets(&ids, closed, not_one_form), "{ids:?}");
        assert_eq!(
            alike_officers(ids.len(), |k| ids[k]),
            officers(&ids, closed)
        );
        lookalike += lookalike_now.len();

        let before = sets(&ids, old_fold, not_one_form);
        if ids.iter().all(|id| is_nfc(&old_fold(id))) {
            assert_eq!(lookalike_now, before, "{ids:?}");
            assert_eq!(
                alike_officers(ids.len(), |k| ids[k]),
                officers(&ids, old_fold)
            );
        } else if lookalike_now != before {
            differing += 1;
        }
    }
    // The draws reach both warnings often, and the difference explained above.
    assert!(
        equivalent > 1_000 && lookalike > 10_000,
        "{equivalent} {lookalike}"
    );
    assert!(differing > 0);
}

/// `alike_officers` gives what grouping by brute force gives on sets of short ids of
/// printable ASCII (letters in both cases, digits, spaces, empty ids), mixed with a few
/// ids holding a tab, a control character or a letter that is not ASCII: so both the
/// one pass that settles plain ids without comparing them and the comparison are checked,
/// whatever id of a set is the first that is not plain.
#[test]
fn plain_ascii_ids_are_settled_as_comparing_them_would() {
    const BYTES: &[&str] = &["a", "A", "b", "B", "1", " ", "-"];
    const ODD: &[&str] = &["\t", "\u{1}", "\u{e9}", "\u{a0}"];
    let mut below = test_rng::below(0x0a5c_11d5);
    let (mut none, mut some) = (0, 0);
    for _ in 0..20_000 {
        let n = 1 + below(6) as usize;
        let owned: Vec<String> = (0..n)
            .map(|_| {
                let len = below(4);
                (0..len)
                    .map(|_| match below(40) {
                        0 => ODD[below(ODD.len() as u64) as usize],
                        _ => BYTES[below(BYTES.len() as u64) as usize],
                    })
                    .collect()
            })
            .collect();
        let ids: Vec<&str> = owned.iter().map(String::as_str).collect();
        let closed = |id: &str| old_fold(id).nfc().collect::<String>();
        let got = alike_officers(ids.len(), |k| ids[k]);
        assert_eq!(got, officers(&ids, closed), "{ids:?}");
        if got.is_empty() {
            none += 1;
        } else {
            some += 1;
        }
    }
    assert!(none > 1_000 && some > 1_000, "{none} {some}");
}

/// `byte_classes` tells what testing each byte tells, for every byte value at every place
/// of texts of 1 to 19 bytes (so in the first, a middle and a padded last word), the other
/// bytes printable and of no class or of each class.
#[test]
fn byte_classes_are_those_of_each_byte() {
    let reference = |bytes: &[u8]| {
        [
            bytes.iter().any(|b| !matches!(b, b' '..=b'~')),
            bytes.iter().any(u8::is_ascii_uppercase),
            bytes.iter().any(u8::is_ascii_lowercase),
        ]
    };
    assert_eq!(byte_classes(b""), [false; 3]);
    for len in 1..20 {
        for fill in [b'-', b'Q', b'q', b'~', b' '] {
            for at in 0..len {
                for b in 0..=255u8 {
                    let mut bytes = vec![fill; len];
                    bytes[at] = b;
                    assert_eq!(byte_classes(&bytes), reference(&bytes), "{bytes:?}");
                }
            }
        }
    }
}
