//! Numbers written as text in a rubric level's `score`: decimal, with a decimal comma, or
//! as a percentage.

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
}
