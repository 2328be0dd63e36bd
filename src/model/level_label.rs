//! The prefix of a level label (`Level 3`, `Lvl-3`, `L3`, `Level III`, `L-III`), as
//! proficiency scales, HR systems and Indian government grade scales name their levels:
//! read once here for every reader of a level's number, decimal (`model::level`) or Roman
//! (`model::roman`), so that the two take the same labels.

/// What may stand between a level label's word and its number, besides a run of
/// whitespace: one `-`, `_` or `.` (`Level-3`, `Lvl_3`, `L.3`).
const SEPARATORS: [char; 3] = ['-', '_', '.'];

/// The text after a level label's word and its separator, or `None` when `text` does not
/// start with one: the word is `Level`, `Lvl` or `L` in any ASCII case, then a run of
/// whitespace, one of `-`, `_`, `.`, or nothing (`Level3`, `LVL 3`, `level  3`, as
/// the platform's exports space it). With `separated` set, the word `L` needs the
/// separator: a Roman numeral follows it (`L IV`, `L-IV`), and `LIV` is a numeral of its
/// own (54); a decimal number after `L` (`L3`) needs none. What follows is not looked
/// at: the caller reads its number from it. O(1) besides the whitespace read past.
pub(crate) fn after_label(text: &str, separated: bool) -> Option<&str> {
    // The first word that matches is the only one that can: after `Level` or `Lvl`, the
    // word `L` leaves `evel…` or `vl…`, which no reader takes for a number.
    let word = ["level", "lvl", "l"].into_iter().find(|w| {
        text.get(..w.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(w))
    })?;
    let rest = &text[word.len()..];
    let spaced = rest.trim_start();
    let after = if spaced.len() < rest.len() {
        Some(spaced)
    } else {
        rest.strip_prefix(SEPARATORS)
    };
    match after {
        Some(after) => Some(after),
        None if separated && word == "l" => None,
        None => Some(rest),
    }
}

#[cfg(test)]
mod tests {
    use super::after_label;

    #[test]
    fn the_word_and_separator_are_read_past() {
        for separated in [false, true] {
            for (text, rest) in [
                ("Level 3", "3"),
                ("LEVEL-III", "III"),
                ("level  4", "4"),
                ("Lvl_5", "5"),
                ("lvl.2", "2"),
                ("LevelIII", "III"),
                ("Lvl3", "3"),
                ("L 3", "3"),
                ("L-IV", "IV"),
                ("l.2", "2"),
                ("Level", ""),
                ("Level --3", "--3"),
                ("Level-_3", "_3"),
            ] {
                assert_eq!(after_label(text, separated), Some(rest), "{text}");
            }
            for text in ["", "3", "Band 3", "é", "Grade III"] {
                assert_eq!(after_label(text, separated), None, "{text}");
            }
        }
    }

    /// `L` and a decimal number need nothing between them; `L` and a Roman numeral need
    /// a separator, since `LIV` is 54 and `LV` 55.
    #[test]
    fn the_word_l_needs_a_separator_before_a_numeral() {
        assert_eq!(after_label("L3", false), Some("3"));
        assert_eq!(after_label("LIV", false), Some("IV"));
        assert_eq!(after_label("L3", true), None);
        assert_eq!(after_label("LIV", true), None);
        assert_eq!(after_label("L", true), None);
        assert_eq!(after_label("Lé 3", true), None);
        assert_eq!(after_label("Lé 3", false), Some("é 3"));
        // `Levels` is the word `Level` and an `s`, which no reader reads as a number.
        assert_eq!(after_label("Levels 3", true), Some("s 3"));
    }
}
