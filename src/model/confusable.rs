//! Characters of other scripts that stand for ASCII letters or digits in an id.
//!
//! Letters of the Greek and Cyrillic scripts that look like Latin letters or digits: the
//! Cyrillic `ѕ` (`U+0455`) in `uѕ` prints exactly like the `s` of `us`, the Cyrillic `о`
//! in `nоting` like the `o` of `noting`. A keyboard switched to a Russian, Ukrainian or
//! Greek layout, or text pasted from a document that had one, puts them in ids.
//!
//! The table is the part of Unicode's confusables (UTS #39, `confusables.txt`, Unicode 16)
//! that maps a Greek or Cyrillic character (the blocks `U+0370`–`U+052F`) to one ASCII
//! letter or digit, the prototype taken in lower case: UTS #39 maps the Latin `I` and `l`
//! to one prototype, `l`, and ids here compare without regard to case, so a Greek or
//! Cyrillic capital I (`Ι`, `І`, `Ӏ`) is an `i`. About 70 characters, a few hundred bytes,
//! where a crate with every script's confusables (`unicode-security`, whose skeleton also
//! maps ASCII to ASCII: `l` and `1` to one) would add tens of kilobytes to the JavaScript
//! package for scripts no id of this crate's users is typed in.
//!
//! Digits of the scripts of India (and the Arabic-Indic digits Urdu is written with),
//! which HR systems and spreadsheets set to an Indian locale write (`EMP०१२`, Windows'
//! digit substitution, `toLocaleString("hi-IN-u-nu-deva")`, a form typed with a Hindi
//! keyboard): `०` to `९` are the digits 0 to 9 (Unicode's decimal digits, general category
//! `Nd`, each run of ten in order), so `EMP०१२` is `EMP012` written in Devanagari digits.
//! They do not look like ASCII digits, but an id holding them is almost always the same
//! employee code typed in another locale, so ids compare them as the digits they are.
//! The runs: Arabic-Indic (`U+0660`), Extended Arabic-Indic (`U+06F0`, Urdu), Devanagari
//! (`U+0966`), Bengali (`U+09E6`), Gurmukhi (`U+0A66`), Gujarati (`U+0AE6`), Odia
//! (`U+0B66`), Tamil (`U+0BE6`), Telugu (`U+0C66`), Kannada (`U+0CE6`), Malayalam
//! (`U+0D66`), Ol Chiki (`U+1C50`), Meetei Mayek (`U+ABF0`).
//!
//! Used by "did you mean" (`nearest.rs`), which reads such a character as the ASCII one,
//! by the lookalike warnings (`equivalent.rs`), which compare ids so, and by quoting
//! (`quote.rs`), which escapes such a character in a word holding Latin letters or
//! digits, so `"u\u{455}"` shows what `uѕ` hides and `"EMP\u{966}\u{967}\u{968}"` what
//! `EMP०१२` is.

use serde::Serialize;

/// Each Greek or Cyrillic character that looks like an ASCII letter or digit, with that
/// letter (in lower case) or digit, sorted by code point (see the module docs).
const LOOKALIKES: &[(char, u8)] = &[
    ('\u{37f}', b'j'),
    ('\u{391}', b'a'),
    ('\u{392}', b'b'),
    ('\u{395}', b'e'),
    ('\u{396}', b'z'),
    ('\u{397}', b'h'),
    ('\u{399}', b'i'),
    ('\u{39a}', b'k'),
    ('\u{39c}', b'm'),
    ('\u{39d}', b'n'),
    ('\u{39f}', b'o'),
    ('\u{3a1}', b'p'),
    ('\u{3a4}', b't'),
    ('\u{3a5}', b'y'),
    ('\u{3a7}', b'x'),
    ('\u{3b1}', b'a'),
    ('\u{3b3}', b'y'),
    ('\u{3b9}', b'i'),
    ('\u{3bd}', b'v'),
    ('\u{3bf}', b'o'),
    ('\u{3c1}', b'p'),
    ('\u{3c3}', b'o'),
    ('\u{3c5}', b'u'),
    ('\u{3d2}', b'y'),
    ('\u{3dc}', b'f'),
    ('\u{3e8}', b'2'),
    ('\u{3f1}', b'p'),
    ('\u{3f2}', b'c'),
    ('\u{3f3}', b'j'),
    ('\u{3f9}', b'c'),
    ('\u{3fa}', b'm'),
    ('\u{405}', b's'),
    ('\u{406}', b'i'),
    ('\u{408}', b'j'),
    ('\u{410}', b'a'),
    ('\u{412}', b'b'),
    ('\u{415}', b'e'),
    ('\u{417}', b'3'),
    ('\u{41a}', b'k'),
    ('\u{41c}', b'm'),
    ('\u{41d}', b'h'),
    ('\u{41e}', b'o'),
    ('\u{420}', b'p'),
    ('\u{421}', b'c'),
    ('\u{422}', b't'),
    ('\u{423}', b'y'),
    ('\u{425}', b'x'),
    ('\u{42c}', b'b'),
    ('\u{430}', b'a'),
    ('\u{431}', b'6'),
    ('\u{433}', b'r'),
    ('\u{435}', b'e'),
    ('\u{43e}', b'o'),
    ('\u{440}', b'p'),
    ('\u{441}', b'c'),
    ('\u{443}', b'y'),
    ('\u{445}', b'x'),
    ('\u{455}', b's'),
    ('\u{456}', b'i'),
    ('\u{458}', b'j'),
    ('\u{461}', b'w'),
    ('\u{474}', b'v'),
    ('\u{475}', b'v'),
    ('\u{4ae}', b'y'),
    ('\u{4af}', b'y'),
    ('\u{4bb}', b'h'),
    ('\u{4bd}', b'e'),
    ('\u{4c0}', b'i'),
    ('\u{4cf}', b'i'),
    ('\u{4e0}', b'3'),
    ('\u{501}', b'd'),
    ('\u{50c}', b'g'),
    ('\u{51b}', b'q'),
    ('\u{51c}', b'w'),
    ('\u{51d}', b'w'),
];

/// The ASCII letter (in lower case) or digit that `c`, a Greek or Cyrillic character,
/// looks like; `None` for every other character, ASCII included. O(log 75).
pub(crate) fn latin_lookalike(c: char) -> Option<char> {
    if !('\u{37f}'..='\u{51d}').contains(&c) {
        return None;
    }
    let at = LOOKALIKES.binary_search_by_key(&c, |&(k, _)| k).ok()?;
    Some(char::from(LOOKALIKES[at].1))
}

/// The first digit (zero) of each run of ten decimal digits that HR exports from Indian
/// locales write, with the run's script, sorted (see the module docs).
const DIGIT_ZEROS: [(char, &str); 13] = [
    ('\u{660}', "Arabic-Indic"),
    ('\u{6f0}', "Extended Arabic-Indic"),
    ('\u{966}', "Devanagari"),
    ('\u{9e6}', "Bengali"),
    ('\u{a66}', "Gurmukhi"),
    ('\u{ae6}', "Gujarati"),
    ('\u{b66}', "Odia"),
    ('\u{be6}', "Tamil"),
    ('\u{c66}', "Telugu"),
    ('\u{ce6}', "Kannada"),
    ('\u{d66}', "Malayalam"),
    ('\u{1c50}', "Ol Chiki"),
    ('\u{abf0}', "Meetei Mayek"),
];

/// The ASCII digit that `c`, a digit of a script of India or an Arabic-Indic digit
/// (`DIGIT_ZEROS`), stands for (`'\u{969}'`, Devanagari ३, is `3`), with the script's
/// name; `None` for every other character, ASCII digits included. O(13).
pub(crate) fn indic_digit(c: char) -> Option<(char, &'static str)> {
    let code = u32::from(c);
    DIGIT_ZEROS.iter().find_map(|&(zero, script)| {
        let value = code.checked_sub(u32::from(zero)).filter(|&d| d < 10)?;
        Some((char::from_digit(value, 10)?, script))
    })
}

/// `text` with its digits of a script of India ([`indic_digit`]) written as ASCII digits,
/// as a number field reads them (`३` is 3, `Level ४` is `Level 4`: an HR system set to an
/// Indian locale writes its numbers so); `text` itself when it holds none. `None` when its
/// digits are of two scripts or more (`3३`, `१੨`): which number was meant cannot be known,
/// so the field refuses it. O(length); nothing allocated for text without such digits.
pub(crate) fn with_ascii_digits(text: &str) -> Option<std::borrow::Cow<'_, str>> {
    if text.is_ascii() {
        return Some(text.into());
    }
    let mut script: Option<&str> = None;
    let mut ascii = false;
    for c in text.chars() {
        if c.is_ascii_digit() {
            ascii = true;
        } else if let Some((_, s)) = indic_digit(c) {
            if script.is_some_and(|one| one != s) {
                return None;
            }
            script = Some(s);
        }
    }
    match script {
        None => Some(text.into()),
        Some(_) if ascii => None,
        Some(_) => Some(
            (text.chars())
                .map(|c| indic_digit(c).map_or(c, |(d, _)| d))
                .collect::<String>()
                .into(),
        ),
    }
}

/// The ASCII letter (in lower case) or digit that `c` looks like ([`latin_lookalike`]) or,
/// a digit of another script, stands for ([`indic_digit`]); `None` for every other
/// character, ASCII included. O(log 75 + 13).
pub(crate) fn ascii_counterpart(c: char) -> Option<char> {
    if c.is_ascii() {
        return None;
    }
    latin_lookalike(c).or_else(|| indic_digit(c).map(|(d, _)| d))
}

/// A character of another script in an id that stands for an ASCII letter or digit: a
/// Greek or Cyrillic letter that looks like a Latin one (the Cyrillic `ѕ`, `U+0455`, for
/// `s`, from Unicode's confusables, UTS #39), or a digit of a script of India (the
/// Devanagari `०`, `U+0966`, for `0`). Named by
/// [`Error::LookalikeIds`](crate::Error::LookalikeIds), so a program can show which
/// character makes two ids that print alike differ. Serialized as
/// `{"character": "ѕ", "script": "Cyrillic", "stands_for": "s"}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct OtherScriptCharacter {
    /// The character as written in the id.
    pub character: char,
    /// Its script: `Greek`, `Cyrillic`, or the script of a digit (`Devanagari`,
    /// `Bengali`, `Gurmukhi`, `Gujarati`, `Odia`, `Tamil`, `Telugu`, `Kannada`,
    /// `Malayalam`, `Ol Chiki`, `Meetei Mayek`, `Arabic-Indic`, `Extended Arabic-Indic`).
    pub script: &'static str,
    /// The ASCII letter (in lower case) or digit it looks like or stands for.
    pub stands_for: char,
}

impl OtherScriptCharacter {
    /// `c` as a character of another script, when it stands for an ASCII letter or digit.
    pub(crate) fn of(c: char) -> Option<OtherScriptCharacter> {
        if let Some(stands_for) = latin_lookalike(c) {
            let script = if c < '\u{400}' { "Greek" } else { "Cyrillic" };
            return Some(OtherScriptCharacter {
                character: c,
                script,
                stands_for,
            });
        }
        let (stands_for, script) = indic_digit(c)?;
        Some(OtherScriptCharacter {
            character: c,
            script,
            stands_for,
        })
    }

    /// The characters of other scripts in `ids`, each once, sorted by code point.
    /// O(total length of the ids · log of the number found).
    pub(crate) fn in_ids<S: AsRef<str>>(ids: &[S]) -> Vec<OtherScriptCharacter> {
        let mut found: Vec<OtherScriptCharacter> = (ids.iter())
            .filter(|id| !id.as_ref().is_ascii())
            .flat_map(|id| id.as_ref().chars().filter_map(OtherScriptCharacter::of))
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }
}

/// The byte offsets, increasing, of the characters of `value` that look like a Latin
/// letter or digit or stand for a digit ([`ascii_counterpart`]) and stand in a word that
/// holds an ASCII letter or digit: a word mixing scripts that way (`uѕ`, `nоting`, `UС`,
/// `EMP०१२`) prints like a Latin word it is not, or hides the digits it holds, while a
/// word of one script (`сорт`, `Ω`, `१२`) or a Cyrillic word beside a Latin one
/// (`Иван Ivanov`) is left as it is. A word is a run of letters, digits and marks.
/// O(length); nothing allocated for ASCII text.
pub(crate) fn mixed_lookalikes(value: &str) -> Vec<usize> {
    let mut found = Vec::new();
    if value.is_ascii() {
        return found;
    }
    let in_word =
        |c: char| c.is_alphanumeric() || crate::model::nfc::canonical_combining_class(c) != 0;
    let mut chars = value.char_indices().peekable();
    while let Some(&(_, c)) = chars.peek() {
        if !in_word(c) {
            chars.next();
            continue;
        }
        let (mut latin, mut lookalikes) = (false, Vec::new());
        while let Some((at, c)) = chars.next_if(|&(_, c)| in_word(c)) {
            latin |= c.is_ascii_alphanumeric();
            if ascii_counterpart(c).is_some() {
                lookalikes.push(at);
            }
        }
        if latin {
            found.extend(lookalikes);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::{
        DIGIT_ZEROS, LOOKALIKES, OtherScriptCharacter, ascii_counterpart, indic_digit,
        latin_lookalike, mixed_lookalikes, with_ascii_digits,
    };

    #[test]
    fn the_table_is_sorted_and_holds_greek_and_cyrillic_only() {
        assert!(LOOKALIKES.windows(2).all(|w| w[0].0 < w[1].0));
        for &(c, latin) in LOOKALIKES {
            assert!(('\u{370}'..='\u{52f}').contains(&c), "{c:?}");
            assert!(latin.is_ascii_lowercase() || latin.is_ascii_digit());
        }
        assert_eq!(latin_lookalike('\u{455}'), Some('s'));
        assert_eq!(latin_lookalike('\u{421}'), Some('c'));
        assert_eq!(latin_lookalike('\u{3bf}'), Some('o'));
        assert_eq!(latin_lookalike('s'), None);
        assert_eq!(latin_lookalike('\u{3a9}'), None);
        assert_eq!(latin_lookalike('\u{436}'), None);
    }

    #[test]
    fn lookalikes_are_found_in_words_mixing_scripts_only() {
        let at = |v: &str| mixed_lookalikes(v);
        assert_eq!(at("u\u{455}"), [1]);
        assert_eq!(at("U\u{421}"), [1]);
        assert_eq!(at("n\u{43e}ting"), [1]);
        assert_eq!(at("r\u{43e}le-\u{441}\u{43e}rt"), [1, 6, 8]);
        assert_eq!(at("\u{417}1"), [0]);
        // One script a word: nothing.
        assert!(at("\u{441}\u{43e}\u{440}\u{442}").is_empty());
        assert!(at("\u{418}\u{432}\u{430}\u{43d} Ivanov").is_empty());
        assert!(at("\u{3a9}-law").is_empty());
        assert!(at("us").is_empty());
        assert!(at("\u{915}\u{93f}a").is_empty());
    }

    #[test]
    fn digits_of_indian_scripts_stand_for_ascii_digits() {
        assert!(DIGIT_ZEROS.windows(2).all(|w| w[0].0 < w[1].0));
        for &(zero, script) in &DIGIT_ZEROS {
            for d in 0..10u32 {
                let c = char::from_u32(u32::from(zero) + d).unwrap();
                // Each run is ten decimal digits in order, as `char::is_numeric` agrees.
                assert!(c.is_numeric(), "{c:?}");
                assert_eq!(
                    indic_digit(c),
                    Some((char::from_digit(d, 10).unwrap(), script))
                );
            }
        }
        assert_eq!(indic_digit('\u{969}'), Some(('3', "Devanagari")));
        assert_eq!(ascii_counterpart('\u{96f}'), Some('9'));
        assert_eq!(ascii_counterpart('\u{455}'), Some('s'));
        assert_eq!(indic_digit('3'), None);
        assert_eq!(ascii_counterpart('3'), None);
        // The letters beside the digits are none.
        assert_eq!(indic_digit('\u{915}'), None);
        assert_eq!(indic_digit('\u{970}'), None);
        assert_eq!(mixed_lookalikes("EMP\u{966}\u{967}\u{968}"), [3, 6, 9]);
        let ascii = |t: &str| with_ascii_digits(t).map(std::borrow::Cow::into_owned);
        assert_eq!(ascii("\u{969}").as_deref(), Some("3"));
        assert_eq!(ascii("Level \u{96a}").as_deref(), Some("Level 4"));
        assert_eq!(ascii("\u{9e8}.\u{9e6}").as_deref(), Some("2.0"));
        assert_eq!(ascii("Advanced").as_deref(), Some("Advanced"));
        assert_eq!(ascii("\u{915}").as_deref(), Some("\u{915}"));
        // Digits of two scripts: no number.
        assert_eq!(ascii("3\u{969}"), None);
        assert_eq!(ascii("\u{967}\u{a68}"), None);
        assert!(mixed_lookalikes("\u{967}\u{968}").is_empty());
    }

    #[test]
    fn other_script_characters_are_named_with_their_script() {
        let found =
            OtherScriptCharacter::in_ids(&["us", "u\u{455}", "EMP\u{966}1", "\u{3bf}\u{455}"]);
        let named: Vec<(char, &str, char)> = (found.iter())
            .map(|c| (c.character, c.script, c.stands_for))
            .collect();
        assert_eq!(
            named,
            [
                ('\u{3bf}', "Greek", 'o'),
                ('\u{455}', "Cyrillic", 's'),
                ('\u{966}', "Devanagari", '0'),
            ]
        );
        assert!(OtherScriptCharacter::in_ids(&["us", "US "]).is_empty());
    }
}
