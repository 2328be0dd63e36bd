//! ISO 8601 calendar dates, `YYYY-MM-DD`, as a comparable integer.

/// Parses `YYYY-MM-DD` (a real calendar day, years 0000–9999) into `yyyymmdd`.
pub(crate) fn parse_iso_date(text: &str) -> Option<u32> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |range: std::ops::Range<usize>| -> Option<u32> {
        b[range].iter().try_fold(0u32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&d).then_some(y * 10_000 + m * 100 + d)
}

#[cfg(test)]
mod tests {
    use super::parse_iso_date;

    #[test]
    fn accepts_real_days_only() {
        assert_eq!(parse_iso_date("2024-02-29"), Some(20_240_229));
        assert_eq!(parse_iso_date("2023-02-29"), None);
        assert_eq!(parse_iso_date("1900-02-29"), None);
        assert_eq!(parse_iso_date("2000-02-29"), Some(20_000_229));
        assert_eq!(parse_iso_date("2024-13-01"), None);
        assert_eq!(parse_iso_date("2024-1-01"), None);
        assert_eq!(parse_iso_date("2024-01-01T00:00"), None);
        assert_eq!(parse_iso_date("२०२४-01-01"), None);
        assert_eq!(parse_iso_date(""), None);
    }
}
