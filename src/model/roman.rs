//! Roman numerals, as proficiency scales and Indian government pay and grade scales
//! write levels (`III`, `Level III`): read by CASE rubric scores written as numerals
//! (`interop::case::scores`) and by a passbook's or framework's level written as one where
//! the competency names no level so (`model::level_name`).

/// The value of a Roman numeral from I to X, in any case, written in its standard form,
/// alone or as a level label (`"Level IV"`, `"Lvl IV"`, `"L IV"`, `"L-IV"`: `Level` or
/// `Lvl` and an optional space, `-`, `_` or `.`, or `L` and one of them, since `LIV`
/// would be a numeral of its own).
pub(crate) fn roman(text: &str) -> Option<u8> {
    const NUMERALS: [&str; 10] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
    let value = |t: &str| {
        let at = NUMERALS.iter().position(|n| n.eq_ignore_ascii_case(t))?;
        u8::try_from(at + 1).ok()
    };
    if let Some(v) = value(text) {
        return Some(v);
    }
    ["level", "lvl", "l"].into_iter().find_map(|prefix| {
        let head = text.get(..prefix.len())?;
        let rest = &text[prefix.len()..];
        if !head.eq_ignore_ascii_case(prefix) {
            return None;
        }
        let separated = rest.strip_prefix([' ', '-', '_', '.']);
        let numeral = if prefix == "l" {
            separated?
        } else {
            separated.unwrap_or(rest)
        };
        value(numeral)
    })
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
            "Level  III",
            "III.",
            "Ⅲ",
            "L",
            "Levels III",
        ] {
            assert_eq!(roman(text), None, "{text}");
        }
    }
}
