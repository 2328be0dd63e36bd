//! Roman numerals, as proficiency scales and Indian government pay and grade scales
//! write levels (`III`, `Level III`): read by CASE rubric scores written as numerals
//! (`interop::case::scores`) and by a passbook's or framework's level written as one where
//! the competency names no level so (`model::level_name`).

use crate::model::level_label::after_label;

/// The value of a Roman numeral from I to X, in any case, written in its standard form,
/// alone or as a level label (`"Level IV"`, `"Lvl IV"`, `"L IV"`, `"L-IV"`: the label's
/// word and separator as `model::level_label::after_label` reads them, the word `L` with
/// a separator, since `LIV` would be a numeral of its own).
pub(crate) fn roman(text: &str) -> Option<u8> {
    const NUMERALS: [&str; 10] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
    let value = |t: &str| {
        let at = NUMERALS.iter().position(|n| n.eq_ignore_ascii_case(t))?;
        u8::try_from(at + 1).ok()
    };
    value(text).or_else(|| after_label(text, true).and_then(value))
}

#[cfg(test)]
mod tests {
    use super::roman;

    #[test]
    fn numerals_alone_and_in_level_labels() {
        for (text, value) in [
            ("I", 1),
            ("iii", 3),
            ("IV", 4),
            ("X", 10),
            ("Level III", 3),
            ("level-ii", 2),
            ("LVL IV", 4),
            ("Lvl_V", 5),
            ("L III", 3),
            ("L-III", 3),
            ("Level.I", 1),
            ("LevelIII", 3),
            ("Level  III", 3),
            ("LEVEL\tIV", 4),
        ] {
            assert_eq!(roman(text), Some(value), "{text}");
        }
        // `LIII` and `LV` would be numerals of their own, beyond X.
        for text in [
            "",
            "IIII",
            "XI",
            "LIII",
            "LV",
            "Level",
            "Level 3",
            "III.",
            "Ⅲ",
            "L",
            "Levels III",
        ] {
            assert_eq!(roman(text), None, "{text}");
        }
    }
}
