//! Numbers written as text in a rubric level's `score`: decimal, with a decimal comma, as
//! a percentage, in points, or out of the scale's top; and integers written as doubles.

use crate::model::level::label_number;

/// The number a decimal text written with a decimal comma holds (`"2,5"` is 2.5, as
/// spreadsheets in most of Europe and in Indonesia write it): one comma, no point, digits
/// around it as [`decimal`] reads them. A comma followed by exactly three digits after a
/// whole part other than 0 (`"1,000"`) is refused: it is a thousands separator in English
/// and a decimal comma elsewhere, and which is meant is unknowable (`"0,125"` is 0.125
/// either way).
pub(super) fn decimal_comma(text: &str) -> Option<f64> {
    let t = text.trim();
    let (whole, fraction) = t.split_once(',')?;
    let digits = !fraction.is_empty() && fraction.bytes().all(|b| b.is_ascii_digit());
    if !digits || whole.contains('.') {
        return None;
    }
    let zero = whole
        .trim_start_matches(['+', '-'])
        .bytes()
        .all(|b| b == b'0');
    let thousands = fraction.len() == 3 && !zero;
    if thousands {
        return None;
    }
    decimal(&format!("{whole}.{fraction}"))
}

/// The number a percentage holds, in points out of 100 (`"75%"` and `"75 %"` are 75,
/// `"12,5%"` is 12.5): a number as [`decimal`] or [`decimal_comma`] reads it, then `%`.
/// A rubric scored in percentages orders its levels by them; mapped to FRAC's levels by
/// [`CaseLevelRule::Rank`](crate::CaseLevelRule::Rank) or
/// [`CaseLevelRule::Proportional`](crate::CaseLevelRule::Proportional) `{ top: 100 }`.
pub(super) fn percentage(text: &str) -> Option<f64> {
    let number = text.trim().strip_suffix('%')?;
    decimal(number).or_else(|| decimal_comma(number))
}

/// The score a rubric level writes in points or out of its scale's top, as rubrics printed
/// for people write scores: a number as [`decimal`] or [`decimal_comma`] reads it followed
/// by a unit of points (`"3 pts"`, `"3 points"`, `"2,5 marks"`: `pt`, `pts`, `point`,
/// `points`, `mark` or `marks` in any case, with or without a space, an optional final
/// `.`), or such a number or a level label (`"Level 3"`) out of a top (`"3 of 5"`, `"3 out
/// of 5"`, `"3/5"`, `"Level 3 of 7"`, `"2 out of 4 points"`): the score is the number
/// before the top, which only says where the scale ends. The top must be a number above 0
/// and not below the score; anything else is `None`. O(length).
pub(super) fn points(text: &str) -> Option<f64> {
    let t = without_unit(text.trim());
    // ASCII lower-casing keeps every byte where it was, so places in `lower` are places in `t`.
    let lower = t.to_ascii_lowercase();
    let of = [" out of ", " of ", "/"].into_iter().find_map(|sep| {
        let at = lower.find(sep)?;
        Some((&t[..at], &t[at + sep.len()..]))
    });
    let Some((score, top)) = of else {
        // A unit alone: `"3 pts"`; a bare number is not this reader's.
        return (t.len() < text.trim().len()).then(|| number(t)).flatten();
    };
    let score = number(without_unit(score)).or_else(|| label_number(score).map(f64::from))?;
    let top = number(top)?;
    (top > 0.0 && score <= top).then_some(score)
}

/// `text` without a unit of points at its end (see [`points`]), trimmed.
fn without_unit(text: &str) -> &str {
    const UNITS: [&str; 6] = ["points", "point", "pts", "pt", "marks", "mark"];
    let t = text.strip_suffix('.').unwrap_or(text);
    let lower = t.to_ascii_lowercase();
    UNITS
        .into_iter()
        .find(|u| {
            lower.ends_with(u)
                && t[..t.len() - u.len()]
                    .trim_end()
                    .ends_with(|c: char| c.is_ascii_digit())
        })
        .map_or(text, |u| t[..t.len() - u.len()].trim_end())
}

/// 2^53 − 1 (JavaScript's `Number.MAX_SAFE_INTEGER`): up to it, a double holds every
/// whole number exactly, so a whole double is the integer written; beyond it, a double
/// holds only every other one, then fewer, and `9007199254740993.0` reads as
/// `9007199254740992`.
pub(crate) const SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// The integer `value` is, or the whole number a double holds up to [`SAFE_INTEGER`] in
/// magnitude (`1.0` is 1, `-0.0` is 0); a whole double beyond it is no integer the
/// text surely wrote.
pub(super) fn whole(value: &serde_json::Value) -> Option<i64> {
    value.as_i64().or_else(|| {
        let f = value.as_f64()?;
        #[allow(clippy::cast_possible_truncation)] // whole, and within `i64`: checked
        (f.fract() == 0.0 && f.abs() <= SAFE_INTEGER).then_some(f as i64)
    })
}

/// A number as [`decimal`] or [`decimal_comma`] reads it.
fn number(text: &str) -> Option<f64> {
    decimal(text).or_else(|| decimal_comma(text))
}

/// The number a decimal text holds (digits, at most one point, an optional sign, spaces
/// around); `None` for anything else, `inf`, `NaN` and exponents included. The text is
/// rewritten as a JSON number (no `+`, no leading zeros, digits on both sides of a point)
/// and read by `serde_json`, whose parser the package already holds.
pub(super) fn decimal(text: &str) -> Option<f64> {
    let t = text.trim();
    let (negative, digits) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let plain = !digits.is_empty()
        && digits.bytes().any(|b| b.is_ascii_digit())
        && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && digits.bytes().filter(|&b| b == b'.').count() <= 1;
    if !plain {
        return None;
    }
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let whole = whole.trim_start_matches('0');
    let mut json = String::with_capacity(digits.len() + 3);
    if negative {
        json.push('-');
    }
    json.push_str(if whole.is_empty() { "0" } else { whole });
    if !fraction.is_empty() {
        json.push('.');
        json.push_str(fraction);
    }
    serde_json::from_str(&json).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_texts_read_as_the_standard_parse_reads_them() {
        for text in [
            "3",
            " 4 ",
            "+3",
            "-1",
            "03.50",
            ".5",
            "3.",
            "0",
            "-0.25",
            "000",
            "2.718281828459045",
            "0.1",
            "123456789012345678901234567890.5",
        ] {
            let standard: f64 = text.trim().trim_start_matches('+').parse().unwrap();
            assert_eq!(
                decimal(text).map(f64::to_bits),
                Some(standard.to_bits()),
                "{text}"
            );
        }
        for text in [
            "", ".", "-", "1e3", "inf", "NaN", "1.2.3", "3 4", "0x10", "++3",
        ] {
            assert_eq!(decimal(text), None, "{text}");
        }
    }

    #[test]
    fn points_and_scores_out_of_a_top_read_as_the_score() {
        for (text, score) in [
            ("3 pts", 3.0),
            ("3pts", 3.0),
            (" 3 Points ", 3.0),
            ("1 point", 1.0),
            ("2,5 marks", 2.5),
            ("4 PT.", 4.0),
            ("3 of 5", 3.0),
            ("3 out of 5", 3.0),
            ("3/5", 3.0),
            ("3 / 5", 3.0),
            ("Level 6 of 7", 6.0),
            ("L2 Out Of 4", 2.0),
            ("2 out of 4 points", 2.0),
            ("3 points of 5 points", 3.0),
            ("0 of 4", 0.0),
            ("4 of 4", 4.0),
        ] {
            assert_eq!(points(text), Some(score), "{text}");
        }
        for text in [
            "3",
            "pts",
            "three points",
            "3 pointers",
            "5 of 3",
            "3 of 0",
            "3 of",
            "of 5",
            "3/5/7",
            "1e3 pts",
            "3 points of 5 points x",
            "3 of 5 of 7",
            "Level 3",
            "3 of five",
        ] {
            assert_eq!(points(text), None, "{text}");
        }
    }
}
