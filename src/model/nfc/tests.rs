//! The canonical forms of `nfc.rs` against `unicode-normalization`'s own iterators
//! (`nfc()`, `nfd()`, `is_nfc`), the oracle, on many generated texts; and what quoting
//! shows of texts in different forms.

use std::fmt::Write;

use unicode_normalization::{UnicodeNormalization, is_nfc};

use super::{canonically_equivalent, decomposed, is_decomposed, uncomposed};
use crate::model::quote::quoted;
use crate::model::test_rng;

/// Characters whose forms matter: Latin letters and marks, precomposed letters (some
/// composed twice), singletons (Angstrom, Ohm, Kelvin, a CJK compatibility ideograph,
/// Greek punctuation and accents), Devanagari with its nukta, vowel signs, virama and
/// anusvara and the letters excluded from composition (`U+0958`–`U+095F`) or not
/// (`U+0929`), Bengali, Tamil and Kannada vowel signs that compose with a vowel sign
/// before them (`NFC_Quick_Check` Maybe though of class 0), Hangul jamo and syllables,
/// kana with voicing marks, Tibetan and Hebrew marks, musical symbols excluded from
/// composition, and a joiner.
const TRICKY: &[char] = &[
    'a',
    'A',
    'e',
    'E',
    'o',
    's',
    'd',
    'l',
    ' ',
    '-',
    '\u{300}',
    '\u{301}',
    '\u{307}',
    '\u{308}',
    '\u{30a}',
    '\u{323}',
    '\u{327}',
    '\u{345}',
    '\u{e9}',
    '\u{c5}',
    '\u{e5}',
    '\u{1e61}',
    '\u{1e63}',
    '\u{1e69}',
    '\u{1fa}',
    '\u{212b}',
    '\u{2126}',
    '\u{3a9}',
    '\u{212a}',
    '\u{f900}',
    '\u{340}',
    '\u{341}',
    '\u{374}',
    '\u{37e}',
    '\u{387}',
    '\u{3b1}',
    '\u{342}',
    '\u{1fb3}',
    '\u{1f71}',
    '\u{3ac}',
    '\u{915}',
    '\u{91c}',
    '\u{921}',
    '\u{928}',
    '\u{930}',
    '\u{93c}',
    '\u{93f}',
    '\u{940}',
    '\u{94d}',
    '\u{902}',
    '\u{901}',
    '\u{958}',
    '\u{95b}',
    '\u{95c}',
    '\u{929}',
    '\u{931}',
    '\u{9c7}',
    '\u{9be}',
    '\u{9d7}',
    '\u{9cb}',
    '\u{9bc}',
    '\u{9dc}',
    '\u{9a1}',
    '\u{b95}',
    '\u{bc6}',
    '\u{bc7}',
    '\u{bbe}',
    '\u{bd7}',
    '\u{bca}',
    '\u{bcc}',
    '\u{cbf}',
    '\u{cc6}',
    '\u{cc2}',
    '\u{cd5}',
    '\u{cd6}',
    '\u{cc0}',
    '\u{cca}',
    '\u{1100}',
    '\u{1161}',
    '\u{11a8}',
    '\u{ac00}',
    '\u{ac01}',
    '\u{304b}',
    '\u{304c}',
    '\u{3099}',
    '\u{309a}',
    '\u{f40}',
    '\u{f71}',
    '\u{f72}',
    '\u{f73}',
    '\u{5d0}',
    '\u{5b0}',
    '\u{5b7}',
    '\u{5bc}',
    '\u{fb2e}',
    '\u{1d157}',
    '\u{1d165}',
    '\u{1d15e}',
    '\u{200d}',
];

/// A text of one to eight characters from [`TRICKY`], or a form of `base`: its NFC, its
/// NFD, or one of its characters decomposed or composed with the next.
fn draw(below: &mut impl FnMut(u64) -> u64, base: &str) -> String {
    match below(6) {
        0 | 1 => (0..=below(8))
            .map(|_| TRICKY[below(TRICKY.len() as u64) as usize])
            .collect(),
        2 => base.nfc().collect(),
        3 => base.nfd().collect(),
        4 => {
            let chars: Vec<char> = base.chars().collect();
            let at = below(chars.len().max(1) as u64) as usize;
            let mut out: String = chars.iter().take(at).collect();
            out.extend(
                chars
                    .iter()
                    .skip(at)
                    .take(1)
                    .flat_map(|c| c.to_string().nfd().collect::<Vec<_>>()),
            );
            out.extend(chars.iter().skip(at + 1));
            out
        }
        _ => {
            let chars: Vec<char> = base.chars().collect();
            let at = below(chars.len().max(1) as u64) as usize;
            let mut out: String = chars.iter().take(at).collect();
            let pair: String = chars.iter().skip(at).take(2).collect();
            out.extend(pair.nfc());
            out.extend(chars.iter().skip(at + 2));
            out
        }
    }
}

/// `value` with the characters [`uncomposed`] names written as `\u{hex}`, as quoting
/// shows them.
fn shown(value: &str) -> String {
    let escaped = uncomposed(value);
    let mut out = String::new();
    for (at, c) in value.char_indices() {
        if escaped.contains(&at) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// On many generated texts and forms of them: the decomposition is `nfd()`'s; a text gets
/// escapes exactly when it is not in NFC (so NFC text, Hindi included, prints as it is);
/// with its escapes it is in NFC; and two texts that are one text in different forms
/// never quote alike, not even once each quoted text is put in NFC (as a screen shows
/// texts that are one text alike).
#[test]
fn texts_in_other_forms_never_print_alike() {
    let mut below = test_rng::below(0x0f0e_5eed);
    let (mut pairs, mut escaped, mut plain) = (0, 0, 0);
    for _ in 0..4_000 {
        let bases: Vec<String> = (0..2).map(|_| draw(&mut below, "")).collect();
        let texts: Vec<String> = (0..10)
            .map(|_| {
                let base = &bases[below(2) as usize];
                let once = draw(&mut below, base);
                draw(&mut below, &once)
            })
            .collect();
        for text in &texts {
            assert_eq!(decomposed(text), text.nfd().collect::<String>(), "{text:?}");
            assert_eq!(is_decomposed(text), unicode_normalization::is_nfd(text));
            let nfc = is_nfc(text);
            assert_eq!(uncomposed(text).is_empty(), nfc, "{text:?}");
            assert!(is_nfc(&shown(text)), "{text:?} {}", shown(text));
            let q = quoted(text).to_string();
            assert!(is_nfc(&q), "{text:?} {q}");
            if nfc {
                plain += 1;
            } else {
                escaped += 1;
            }
        }
        for (i, a) in texts.iter().enumerate() {
            for b in &texts[i + 1..] {
                let equivalent = a.nfd().eq(b.nfd());
                assert_eq!(canonically_equivalent(a, b), equivalent, "{a:?} {b:?}");
                if a == b || !equivalent {
                    continue;
                }
                pairs += 1;
                let (qa, qb) = (quoted(a).to_string(), quoted(b).to_string());
                assert_ne!(qa, qb, "{a:?} {b:?}");
                assert_ne!(
                    qa.nfc().collect::<String>(),
                    qb.nfc().collect::<String>(),
                    "{a:?} {b:?}"
                );
            }
        }
    }
    assert!(
        pairs > 2_000 && escaped > 10_000 && plain > 10_000,
        "{pairs} {escaped} {plain}"
    );
}

#[test]
fn text_in_nfc_prints_as_it_is_and_other_forms_escaped() {
    let q = |value: &str| quoted(value).to_string();
    // Hindi in NFC: vowel signs, virama, anusvara, the nukta apart from `ज` (`U+095B` is
    // excluded from composition) and `U+0929`, which NFC composes.
    for hindi in [
        "\u{91c}\u{93c}\u{93f}\u{932}\u{93e} \u{915}\u{93e}\u{930}\u{94d}\u{92f}\u{93e}\u{932}\u{92f}",
        "\u{939}\u{93f}\u{928}\u{94d}\u{926}\u{940}",
        "\u{905}\u{902}\u{917}\u{94d}\u{930}\u{947}\u{91c}\u{93c}\u{940}",
        "\u{929}",
    ] {
        assert_eq!(q(hindi), format!("`{hindi}`"));
    }
    assert_eq!(q("Jos\u{e9}"), "`Jos\u{e9}`");
    assert_eq!(q("\u{c5}land"), "`\u{c5}land`");
    assert_eq!(q("\u{3a9}-law"), "`\u{3a9}-law`");
    // The other forms.
    assert_eq!(q("\u{212b}land"), r#""\u{212b}land""#);
    assert_eq!(q("\u{2126}-law"), r#""\u{2126}-law""#);
    assert_eq!(
        q("\u{95b}\u{93f}\u{932}\u{93e}"),
        "\"\\u{95b}\u{93f}\u{932}\u{93e}\""
    );
    assert_eq!(q("\u{928}\u{93c}"), "\"\u{928}\\u{93c}\"");
    assert_eq!(q("Jose\u{301}"), r#""Jose\u{301}""#);
    // Marks out of canonical order: a nukta (class 7) after a virama (class 9).
    assert_eq!(q("\u{915}\u{94d}\u{93c}"), "\"\u{915}\\u{94d}\\u{93c}\"");
    // Tamil `கொ` written as its two vowel signs, which compose: the second is escaped.
    assert_eq!(q("\u{b95}\u{bc6}\u{bbe}"), "\"\u{b95}\u{bc6}\\u{bbe}\"");
    assert_eq!(q("\u{b95}\u{bca}"), "`\u{b95}\u{bca}`");
    // Hangul jamo that compose to a syllable.
    assert_eq!(q("\u{1100}\u{1161}"), "\"\u{1100}\\u{1161}\"");
    assert_eq!(q("\u{ac00}"), "`\u{ac00}`");
}

/// A value cut for its length still shows the first character escaped for its form past
/// the cut, with its place, even when the character before the cut is what it composes
/// with.
#[test]
fn a_long_value_shows_a_character_not_in_nfc_past_the_cut() {
    let value = format!(
        "{}\u{928}\u{93c}",
        "\u{915}".repeat(crate::model::quote::SHOWN - 1)
    );
    let shown = quoted(&value).to_string();
    assert!(
        shown.ends_with("(201 characters; \"\\u{93c}\" at character 201)"),
        "{shown}"
    );
}
