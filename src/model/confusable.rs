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
//! Used by "did you mean" (`nearest.rs`), which reads such a letter as the Latin one, and
//! by quoting (`quote.rs`), which escapes such a letter in a word holding Latin letters or
//! digits, so `"u\u{455}"` shows what `uѕ` hides.

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

/// The byte offsets, increasing, of the characters of `value` that look like a Latin
/// letter or digit ([`latin_lookalike`]) and stand in a word that holds an ASCII letter or
/// digit: a word mixing scripts that way (`uѕ`, `nоting`, `UС`) prints like a Latin word
/// it is not, while a word of one script (`сорт`, `Ω`) or a Cyrillic word beside a Latin
/// one (`Иван Ivanov`) is left as it is. A word is a run of letters, digits and marks.
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
            if latin_lookalike(c).is_some() {
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
    use super::{LOOKALIKES, latin_lookalike, mixed_lookalikes};

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
}
