//! Dates whose year is written with two digits (`15/03/24`, `15-Mar-24`), as a
//! spreadsheet's short date format exports them: never read (the century is a guess),
//! but named in errors with their readings in both centuries.

use crate::model::date::{day_number, digits, month_named};

/// The ISO dates a date written with a two-digit year reads as (`15/03/24`, `15.03.24`,
/// `3-15-24`, `15-Mar-24`, `Mar 15, 24`): in the 1900s and in the 2000s, earlier first,
/// those that are real days (`29/02/00` is only 2000-02-29). Empty when the text is no
/// such date, or when its day and month could be either (`01/02/24`). The century is the
/// writer's to say, so no rule picks one of the two: an error lists both. O(length).
pub(crate) fn two_digit_year_readings(text: &str) -> Vec<String> {
    let trimmed = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let Some((yy, month_day)) = numeric_two_digit(trimmed).or_else(|| named_two_digit(trimmed))
    else {
        return Vec::new();
    };
    [1900, 2000]
        .into_iter()
        .filter_map(|century| {
            let year = century + yy;
            month_day.iter().find_map(|&(m, d)| {
                day_number(year, m, d)?;
                Some(format!("{year:04}-{m:02}-{d:02}"))
            })
        })
        .collect()
}

/// The year in its century and the (month, day) readings of `d/m/yy` or `m/d/yy`
/// (separated by `/`, `-` or `.`): the one order a number above 12 leaves, or either
/// when the two numbers are equal.
fn numeric_two_digit(trimmed: &str) -> Option<(u32, Vec<(u32, u32)>)> {
    let parts: Vec<&str> = trimmed.split(['-', '/', '.']).collect();
    let [first, second, third] = parts[..] else {
        return None;
    };
    let sep = trimmed.as_bytes().get(first.len())?;
    if trimmed.as_bytes().get(first.len() + 1 + second.len()) != Some(sep) {
        return None;
    }
    let short = |s: &str| {
        (!s.is_empty() && s.len() <= 2)
            .then(|| digits(s.as_bytes()))
            .flatten()
    };
    let (a, b) = (short(first)?, short(second)?);
    let yy = (third.len() == 2)
        .then(|| digits(third.as_bytes()))
        .flatten()?;
    let order = match (a > 12, b > 12) {
        (true, false) => (b, a),
        (false, true) => (a, b),
        (false, false) if a == b => (a, b),
        _ => return None,
    };
    Some((yy, vec![order]))
}

/// The year in its century and the (month, day) of a date whose month is named, as
/// [`month_named`] reads them but with a two-digit year.
fn named_two_digit(trimmed: &str) -> Option<(u32, Vec<(u32, u32)>)> {
    let (head, yy) = trimmed.rsplit_once([' ', '-', '/', ',', '.'])?;
    if yy.len() != 2 {
        return None;
    }
    let yy = digits(yy.as_bytes())?;
    // The same date with a four-digit year of a leap century, so that `29 Feb` reads.
    let iso = month_named(&format!("{head} 2000"))?;
    let month = digits(iso.get(5..7)?.as_bytes())?;
    let day = digits(iso.get(8..10)?.as_bytes())?;
    Some((yy, vec![(month, day)]))
}

#[cfg(test)]
mod tests {
    use super::two_digit_year_readings;

    #[test]
    fn two_digit_years_read_in_both_centuries() {
        let r = |t| two_digit_year_readings(t);
        let both = |a: &str, b: &str| vec![a.to_owned(), b.to_owned()];
        assert_eq!(r("15/03/24"), both("1924-03-15", "2024-03-15"));
        assert_eq!(r("15.03.24"), both("1924-03-15", "2024-03-15"));
        assert_eq!(r("3-15-24"), both("1924-03-15", "2024-03-15"));
        assert_eq!(r("05/05/99"), both("1999-05-05", "2099-05-05"));
        assert_eq!(r(" 15/03/24\r"), both("1924-03-15", "2024-03-15"));
        assert_eq!(r("15-Mar-24"), both("1924-03-15", "2024-03-15"));
        assert_eq!(r("Mar 15, 24"), both("1924-03-15", "2024-03-15"));
        assert_eq!(r("15 march 24"), both("1924-03-15", "2024-03-15"));
        // Only the real days: 1900 is not a leap year, 2000 is.
        assert_eq!(r("29/02/00"), vec!["2000-02-29".to_owned()]);
        assert_eq!(r("29-Feb-00"), vec!["2000-02-29".to_owned()]);
        // Day and month could be either, or the text is something else.
        for other in [
            "01/02/24",
            "15/03/2024",
            "15/03/024",
            "15/03-24",
            "2024-03-15",
            "15-Mar-2024",
            "31/02/24",
            "13/13/24",
            "yesterday",
            "15/03/2a",
            "1/2/3/24",
            "",
        ] {
            assert_eq!(r(other), Vec::<String>::new(), "{other:?}");
        }
    }
}
