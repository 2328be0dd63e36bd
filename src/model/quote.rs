//! Quoting the values that errors show, so that what cannot be seen can be.
//!
//! A value read from an HR export may carry a carriage return, a byte-order mark, a tab, a
//! zero-width space or a trailing space; printed as it is, `faceless-sop\r` looks exactly
//! like `faceless-sop` and the error cannot be acted on. So a *plain* value (non-empty,
//! no control, invisible or non-space whitespace character, no backslash, quote or
//! backtick, no space at either end, in Unicode's composed form) is shown in backticks as
//! it is, and any other value in double quotes with those characters escaped: `\t`, `\r`,
//! `\n`, `\0`, `\\`, `\"`, and `\u{hex}` for every other control or invisible
//! character, for a noncharacter (`U+FDD0`–`U+FDEF` and the last two code points of
//! every plane, `U+FFFE`, `U+FFFF`, `U+1FFFE`, …: Unicode keeps them for a program's own
//! use, and a font shows them as nothing or as an empty box, so `a\u{fffe}b` would print
//! like `ab` or like another id holding any other missing glyph), for a space at either
//! end, for a combining diacritical mark (`U+0300`–`U+036F`), for the characters that keep the value from being in NFC, and for
//! a Greek or Cyrillic letter that looks like a Latin letter or digit in a word that holds
//! Latin letters or digits (`"u\u{455}"` for `uѕ` with a Cyrillic `ѕ`, which prints like
//! `us`; see `confusable.rs`).
//!
//! Text can be written in several Unicode forms that print alike and are different ids:
//! `José` with a precomposed `é` and `Jose` followed by `U+0301` (decomposed, as macOS file
//! names and some exports hold it), `Åland` with `Å` (`U+00C5`) and with the Angstrom sign
//! (`U+212B`), `Ω` and the Ohm sign (`U+2126`), the Devanagari `ज़` as one character
//! (`U+095B`) and as `ज` followed by a nukta (`U+091C U+093C`). Of the forms of one text
//! exactly one is in NFC (Unicode's composed form, UAX #15), and a text in NFC prints as
//! it is: `José`, `Åland`, `ज़िला कार्यालय` (which NFC writes with the nukta apart: `U+095B`
//! is excluded from composition), Hindi with its vowel signs, virama and anusvara. In a
//! value not in NFC, the characters NFC would change are escaped: the value is cut before
//! each character that NFC leaves alone and joins to nothing before it (combining class
//! 0, `NFC_Quick_Check` Yes), and in each piece that is not its own NFC every character is
//! escaped but a first such one. So `"Jose\u{301}"`, `"\u{212b}land"`, `"\u{2126}-law"`,
//! `"\u{95b}िला"`, and marks out of canonical order are shown escaped. What a message
//! prints for a value, escapes included, is then itself in NFC, and two values of at
//! most [`SHOWN`] characters print the same only when they are the same: two ids that are one text in different forms never
//! print alike (checked against `unicode-normalization` on generated texts in
//! `nfc/tests.rs`). The marks of `U+0300`–`U+036F` are escaped even in NFC (`x\u{301}`),
//! as they were before this rule: with no letter to sit on (at the start of a value) they
//! print over the quote.
//!
//! A value longer than [`SHOWN`] characters (an id cell holding a whole pasted document, a
//! 2 MB key) is shown by its first [`SHOWN`] characters, quoted and escaped as above,
//! followed by `…` and its length: `` `aaaa…aaaa`… (2097152 characters) ``; when the
//! part cut off holds a character that would be escaped (a control or invisible character,
//! a combining mark, a character escaped for the value's form, a space ending the value),
//! the first such one is shown escaped with
//! its place, `` `yyyy…yyyy`… (1000001 characters; "\u{7}" at character 1000001) ``, since
//! it is what tells the value from one that looks the same. The message stays readable
//! and its size bounded; the error's data keeps the whole value.

use std::fmt::{self, Write};

use crate::model::confusable::mixed_lookalikes;
use crate::model::nfc::uncomposed;

/// `value` as the crate's error messages show an id, a key or a path: a plain value
/// (non-empty, no control, invisible or non-space whitespace character, no backslash,
/// quote or backtick, no space at either end, in Unicode's composed form) in backticks as
/// it is, any other in double quotes with `\t`, `\r`, `\n`, `\0`, `\\`, `\"` and
/// `\u{hex}` escapes for every character that would not show (a zero-width space, a
/// right-to-left override, a noncharacter, a space at either end, a combining mark, a
/// character keeping the value from NFC, a Greek or Cyrillic lookalike among Latin
/// letters); longer than 200 characters, its first 200 and its length. For a program
/// showing ids beside the crate's messages (the JavaScript package's own messages) so
/// that both print one value alike.
///
/// Displaying it is O(length of `value`).
///
/// # Example
///
/// ```
/// assert_eq!(karmayogi::quoted("postmaster-hpo").to_string(), "`postmaster-hpo`");
/// assert_eq!(karmayogi::quoted("bud\u{200b}get").to_string(), r#""bud\u{200b}get""#);
/// ```
#[must_use]
pub fn quoted(value: &str) -> Quoted<'_> {
    Quoted(value)
}

/// Whether only a quoted CSV cell holds `id`: it has whitespace at either end (the CSV
/// readers trim an unquoted cell), a quote, a comma or a semicolon (delimiters the
/// readers take). O(length).
pub(crate) fn needs_csv_quotes(id: &str) -> bool {
    id.trim() != id || id.contains(['"', ',', ';'])
}

/// `id` as a quoted CSV cell writes it: between double quotes, a quote inside doubled
/// (RFC 4180). O(length).
pub(crate) fn csv_quoted(id: &str) -> String {
    format!("\"{}\"", id.replace('"', "\"\""))
}

/// How many characters of a value a message shows at most; a longer value is cut there
/// and its length given.
pub(crate) const SHOWN: usize = 200;

/// A value shown as error messages show it ([`quoted`]): its [`fmt::Display`] writes it.
#[derive(Debug, Clone, Copy)]
pub struct Quoted<'a>(&'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let value = self.0;
        // The characters shown escaped for the value's form, found in the whole value: a
        // character past a cut can make one before it not in NFC.
        // Greek and Cyrillic lookalikes of Latin letters in a word with Latin letters are
        // escaped too, so `u\u{455}` does not print as `us`.
        let mut forms = uncomposed(value);
        let mixed = mixed_lookalikes(value);
        if !mixed.is_empty() {
            forms.extend(mixed);
            forms.sort_unstable();
        }
        let formed = |at: usize| forms.binary_search(&at).is_ok();
        // Past `SHOWN` characters, the first `SHOWN` and the length: the byte offset of
        // the character after the prefix, if there is one.
        if let Some((cut, _)) = value.char_indices().nth(SHOWN) {
            let length = value.chars().count();
            write_quoted(f, &value[..cut], &formed)?;
            write!(f, "\u{2026} ({length} characters")?;
            // The cut would hide what makes the value differ from one that looks the same
            // (an id refused for a control character in its millionth place): the first
            // such character past it, escaped, and its place.
            if let Some((at, c)) = unseen(&value[cut..], |i| formed(cut + i)) {
                let c = &value[cut + at..cut + at + c.len_utf8()];
                let place = SHOWN + value[cut..cut + at].chars().count() + 1;
                f.write_str("; ")?;
                write_quoted(f, c, &|_| true)?;
                write!(f, " at character {place}")?;
            }
            return f.write_char(')');
        }
        write_quoted(f, value, &formed)
    }
}

/// Writes `value` (the whole value or its first [`SHOWN`] characters) as the module docs
/// describe, `formed` telling the byte offsets of the characters escaped for the form
/// of the value.
fn write_quoted(
    f: &mut fmt::Formatter<'_>,
    value: &str,
    formed: &dyn Fn(usize) -> bool,
) -> fmt::Result {
    if is_plain(value, formed) {
        f.write_char('`')?;
        f.write_str(value)?;
        return f.write_char('`');
    }
    f.write_char('"')?;
    let last = value.chars().count().saturating_sub(1);
    for (i, (at, c)) in value.char_indices().enumerate() {
        match c {
            '\t' => f.write_str("\\t")?,
            '\r' => f.write_str("\\r")?,
            '\n' => f.write_str("\\n")?,
            '\0' => f.write_str("\\0")?,
            '\\' => f.write_str("\\\\")?,
            '"' => f.write_str("\\\"")?,
            ' ' if i == 0 || i == last => f.write_str("\\u{20}")?,
            c if hidden(c) || is_noncharacter(c) || is_latin_mark(c) || formed(at) => {
                write!(f, "\\u{{{:x}}}", u32::from(c))?;
            }
            c => f.write_char(c)?,
        }
    }
    f.write_char('"')
}

/// The byte offset and the first character of `rest` (the end of a value) that quoting
/// would escape as unseen: a control or invisible character, a combining mark, a
/// character escaped for the value's form (`formed`, by offset in `rest`), or a space
/// ending the value. O(length of `rest`).
fn unseen(rest: &str, formed: impl Fn(usize) -> bool) -> Option<(usize, char)> {
    let found = rest
        .char_indices()
        .find(|&(at, c)| hidden(c) || is_noncharacter(c) || is_latin_mark(c) || formed(at));
    found.or_else(|| rest.ends_with(' ').then(|| (rest.len() - 1, ' ')))
}

/// Whether a value prints as it is, between backticks.
fn is_plain(value: &str, formed: &dyn Fn(usize) -> bool) -> bool {
    !value.is_empty()
        && !value.starts_with(' ')
        && !value.ends_with(' ')
        && !value.char_indices().any(|(at, c)| {
            matches!(c, '\\' | '"' | '`')
                || hidden(c)
                || is_noncharacter(c)
                || is_latin_mark(c)
                || formed(at)
        })
}

/// Whether `c` is one of Unicode's 66 noncharacters (`U+FDD0`–`U+FDEF`, and `U+nFFFE`,
/// `U+nFFFF` for each plane n; Unicode §23.7, "Noncharacters"). They are not [`hidden`]
/// (an id may hold one, as an exporter's sentinel), but a message escapes them: no font
/// draws them.
pub(crate) fn is_noncharacter(c: char) -> bool {
    let c = u32::from(c);
    (0xfdd0..=0xfdef).contains(&c) || c & 0xfffe == 0xfffe
}

/// A combining diacritical mark of the block Latin, Greek and Cyrillic text use
/// (`U+0300`–`U+036F`): printed as it is, decomposed text looks like precomposed text.
fn is_latin_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}')
}

/// Whether a character printed as it is would break a line of text or the text around it:
/// a control character (line breaks, tabs, `DEL`, C1), a line or paragraph separator, a
/// bidirectional control (which reorders what follows), or an invisible format character
/// or filler. Joiners (`U+200C`, `U+200D`), variation selectors and the Egyptian
/// hieroglyph format controls are not: Indic scripts, emoji sequences and hieroglyphs
/// need them. The prepended concatenation marks (`U+0600` to `U+0605`, an Arabic number
/// sign) are not either: they print, over the digits that follow. Spaces of other widths
/// (no-break, ideographic) are not either: they print as spaces. Reports escape these in
/// names; [`hidden`] is the stricter rule for ids.
pub(crate) fn disrupts_text(c: char) -> bool {
    match c {
        '\u{200c}'
        | '\u{200d}'
        | '\u{fe00}'..='\u{fe0f}'
        | '\u{13430}'..='\u{1343f}'
        | '\u{e0100}'..='\u{e01ef}' => false,
        c if prepended(c) => false,
        '\u{2028}' | '\u{2029}' => true,
        c if c.is_control() => true,
        c if c.is_whitespace() => false,
        c => hidden(c),
    }
}

/// Whether an id holds a character that [`hidden`] describes: such an id prints like
/// another, or not at all, so it is refused at validation.
pub(crate) fn has_hidden(value: &str) -> bool {
    // Among ASCII characters, [`hidden`] holds exactly for the controls: printable ASCII,
    // as most ids are, is settled in one pass over the bytes.
    if value.bytes().all(|b| matches!(b, b' '..=b'~')) {
        return false;
    }
    value.chars().any(hidden)
}

/// Whether `text` shows nothing: empty, or only whitespace and [`hidden`] characters
/// (a name of a zero-width space prints as no name at all) other than the prepended
/// concatenation marks, which print.
pub(crate) fn is_blank(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_whitespace() || (hidden(c) && !prepended(c)))
}

/// The prepended concatenation marks (`U+0600` to `U+0605`, `U+06DD`, `U+070F`,
/// `U+0890`, `U+0891`, `U+08E2`, `U+110BD`, `U+110CD`): format characters (category Cf)
/// that print, as a sign spanning the digits after them.
fn prepended(c: char) -> bool {
    matches!(
        c,
        '\u{600}'
            ..='\u{605}'
                | '\u{6dd}'
                | '\u{70f}'
                | '\u{890}'
                | '\u{891}'
                | '\u{8e2}'
                | '\u{110bd}'
                | '\u{110cd}'
    )
}

/// Control characters (category Cc), whitespace other than the space (Unicode's
/// `White_Space`), every format character (category Cf: zero-width and bidirectional
/// controls, the interlinear annotation marks, the Egyptian hieroglyph format controls
/// `U+13430` to `U+1343F`, which lay out hieroglyphs and print nothing of their own, and
/// the prepended concatenation marks, which change how the digits after them print),
/// Unicode's default-ignorable code points (the fillers that render as nothing, the
/// variation selectors, which after a letter render as nothing: `a\u{fe0f}` prints as
/// `a`, and the unassigned code points reserved as such, which render as nothing once
/// assigned), and two symbols whose glyph is blank: the braille pattern blank
/// (`U+2800`) and the musical null notehead (`U+1D159`). Unicode 16; a unit test checks
/// the list against the Cc, Cf, `White_Space` and `Default_Ignorable_Code_Point` tables.
pub(crate) fn hidden(c: char) -> bool {
    c.is_control()
        || (c.is_whitespace() && c != ' ')
        || prepended(c)
        || matches!(
            c,
            '\u{ad}'
                | '\u{34f}'
                | '\u{61c}'
                | '\u{115f}'
                | '\u{1160}'
                | '\u{17b4}'
                | '\u{17b5}'
                | '\u{180b}'..='\u{180f}'
                | '\u{200b}'..='\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2060}'..='\u{206f}'
                | '\u{2800}'
                | '\u{3164}'
                | '\u{fe00}'..='\u{fe0f}'
                | '\u{feff}'
                | '\u{ffa0}'
                | '\u{fff0}'..='\u{fffb}'
                | '\u{13430}'..='\u{1343f}'
                | '\u{1bca0}'..='\u{1bca3}'
                | '\u{1d159}'
                | '\u{1d173}'..='\u{1d17a}'
                | '\u{e0000}'..='\u{e0fff}'
        )
}

#[cfg(test)]
mod tests {
    use super::{SHOWN, has_hidden, hidden, is_blank, quoted};

    #[test]
    fn blank_texts_show_nothing() {
        for text in [
            "",
            " ",
            "\t\n",
            "\u{200b}",
            " \u{feff}\u{2060} ",
            "\u{200d}",
            "\u{3000}",
        ] {
            assert!(is_blank(text), "{text:?}");
        }
        for text in ["a", " x ", "\u{200b}b", "\u{0915}\u{094d}\u{200d}", "-"] {
            assert!(!is_blank(text), "{text:?}");
        }
    }

    #[test]
    fn ascii_ids_are_hidden_exactly_when_a_character_is() {
        for b in 0..0x80u8 {
            let id = format!("a{}b", char::from(b));
            assert_eq!(has_hidden(&id), hidden(char::from(b)), "{b:#x}");
        }
    }

    fn q(value: &str) -> String {
        quoted(value).to_string()
    }

    #[test]
    fn plain_values_print_as_they_are() {
        assert_eq!(q("faceless-sop"), "`faceless-sop`");
        assert_eq!(
            q("Postmaster, Head Post Office"),
            "`Postmaster, Head Post Office`"
        );
        assert_eq!(q("हिन्दी अधिकारी"), "`हिन्दी अधिकारी`");
        assert_eq!(q("2.B.1.d"), "`2.B.1.d`");
    }

    #[test]
    fn decomposed_text_shows_its_marks() {
        // `José` written decomposed prints like `José` precomposed, yet is another id.
        assert_eq!(q("Jose\u{301}"), "\"Jose\\u{301}\"");
        assert_eq!(q("Jos\u{e9}"), "`Jos\u{e9}`");
        assert_eq!(q("\u{915}\u{93f}"), "`\u{915}\u{93f}`");
    }

    #[test]
    fn greek_and_cyrillic_lookalikes_in_latin_words_are_escaped() {
        assert_eq!(q("u\u{455}"), r#""u\u{455}""#);
        assert_eq!(q("U\u{421}"), r#""U\u{421}""#);
        assert_eq!(q("n\u{43e}ting"), r#""n\u{43e}ting""#);
        // A word of one script prints as it is.
        assert_eq!(
            q("\u{441}\u{43e}\u{440}\u{442}"),
            "`\u{441}\u{43e}\u{440}\u{442}`"
        );
        assert_eq!(q("\u{3a9}-law"), "`\u{3a9}-law`");
    }

    #[test]
    fn long_values_show_a_bounded_escaped_prefix_and_their_length() {
        let long = "a".repeat(2 << 20);
        let shown = q(&long);
        assert_eq!(
            shown,
            format!("`{}`\u{2026} (2097152 characters)", "a".repeat(SHOWN))
        );
        // Escaping holds in the prefix; characters, not bytes, are counted.
        let hidden = format!("\r{}", "\u{915}".repeat(SHOWN + 1));
        assert_eq!(
            q(&hidden),
            format!(
                "\"\\r{}\"\u{2026} ({} characters)",
                "\u{915}".repeat(SHOWN - 1),
                SHOWN + 2
            )
        );
        // A character past the cut that prints like nothing is shown with its place.
        let bell = format!("{}\u{7}", "y".repeat(1_000_000));
        assert_eq!(
            q(&bell),
            format!(
                "`{}`\u{2026} (1000001 characters; \"\\u{{7}}\" at character 1000001)",
                "y".repeat(SHOWN)
            )
        );
        let spaced = format!("{} ", "\u{915}".repeat(SHOWN));
        assert_eq!(
            q(&spaced),
            format!(
                "`{}`\u{2026} ({} characters; \"\\u{{20}}\" at character {})",
                "\u{915}".repeat(SHOWN),
                SHOWN + 1,
                SHOWN + 1
            )
        );
        // Up to `SHOWN` characters a value is shown whole.
        assert_eq!(q(&"b".repeat(SHOWN)), format!("`{}`", "b".repeat(SHOWN)));
    }

    /// [`hidden`] against Unicode's own tables (regex-syntax's, of Unicode 16): every
    /// control (Cc), format character (Cf), whitespace character but the space
    /// (`White_Space`) and default-ignorable code point, the two blank symbols, and nothing
    /// else.
    #[test]
    fn hidden_characters_are_exactly_unicodes_invisible_classes() {
        use regex_syntax::hir::{Class, HirKind};
        let hir = regex_syntax::parse(
            r"[\p{Cc}\p{Cf}\p{White_Space}\p{Default_Ignorable_Code_Point}\x{2800}\x{1D159}]",
        )
        .expect("a class");
        let HirKind::Class(Class::Unicode(class)) = hir.kind() else {
            panic!("a class of code points");
        };
        let mut oracle = vec![false; 0x11_0000];
        for range in class.ranges() {
            for c in range.start()..=range.end() {
                oracle[c as usize] = true;
            }
        }
        oracle[usize::from(b' ')] = false;
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            assert_eq!(hidden(c), oracle[c as usize], "U+{:04X}", u32::from(c));
        }
        // Blank texts and the marks that print.
        assert!(is_blank("\u{2800}\u{13430}"));
        assert!(!is_blank("\u{600}"));
    }

    #[test]
    fn hidden_characters_are_escaped() {
        assert_eq!(q("faceless-sop\r"), r#""faceless-sop\r""#);
        assert_eq!(q("\u{feff}id"), r#""\u{feff}id""#);
        assert_eq!(q("a\tb"), r#""a\tb""#);
        assert_eq!(q("p-so "), r#""p-so\u{20}""#);
        assert_eq!(q(" p so"), r#""\u{20}p so""#);
        assert_eq!(q("zero\u{200b}width"), r#""zero\u{200b}width""#);
        assert_eq!(q("no\u{a0}break"), r#""no\u{a0}break""#);
        assert_eq!(q(""), r#""""#);
        assert_eq!(q(" "), r#""\u{20}""#);
        assert_eq!(q("a\\r"), r#""a\\r""#);
        assert_eq!(q("say \"x\""), r#""say \"x\"""#);
        assert_eq!(q("tick`"), "\"tick`\"");
        assert_eq!(q("\0\u{7f}\u{85}"), r#""\0\u{7f}\u{85}""#);
    }

    /// Noncharacters print as nothing or a box: escaped wherever they are, also past the
    /// cut of a long value.
    #[test]
    fn noncharacters_are_escaped() {
        assert_eq!(q("CF\u{fffe}Associations"), r#""CF\u{fffe}Associations""#);
        assert_eq!(q("a\u{ffff}"), r#""a\u{ffff}""#);
        assert_eq!(q("\u{fdd0}x\u{fdef}"), r#""\u{fdd0}x\u{fdef}""#);
        assert_eq!(q("p\u{10ffff}"), r#""p\u{10ffff}""#);
        assert_eq!(q("p\u{1fffe}"), r#""p\u{1fffe}""#);
        // Their neighbours print.
        assert_eq!(q("\u{fdcf}\u{fdf0}\u{fffd}"), "`\u{fdcf}\u{fdf0}\u{fffd}`");
        let far = format!("{}\u{fffe}", "y".repeat(SHOWN));
        assert!(q(&far).ends_with(&format!("\"\\u{{fffe}}\" at character {})", SHOWN + 1)));
    }

    /// Exactly the 66 code points Unicode names noncharacters.
    #[test]
    fn noncharacters_are_unicodes_66() {
        use super::is_noncharacter;
        let all: Vec<u32> = (0..0x11_0000)
            .filter_map(char::from_u32)
            .filter(|&c| is_noncharacter(c))
            .map(u32::from)
            .collect();
        let mut expected: Vec<u32> = (0xfdd0..=0xfdef).collect();
        for plane in 0..=0x10 {
            expected.extend([plane << 16 | 0xfffe, plane << 16 | 0xffff]);
        }
        expected.sort_unstable();
        assert_eq!(all, expected);
    }
}
