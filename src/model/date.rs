//! ISO 8601 calendar dates, `YYYY-MM-DD`, as a comparable integer.
//!
//! Evidence dates are ISO dates; an ISO 8601 date-time (`2024-02-10T09:30:00.000+0530`, as
//! the platform's profiles hold them), a date with a time zone (`2024-02-10+05:30`) and the
//! basic format (`20240210`, `20240210T093000Z`) are read by their date as written,
//! whatever the time zone, and so is a date followed by a time as spreadsheets write one
//! (`2024-02-10 9:30`, `2024-02-10 9:30 AM`; see [`parse_iso_date_or_time`]). Anything
//! else is refused, with a suggestion when the intended date is unambiguous.

/// Parses `YYYY-MM-DD` (a real calendar day, years 0000–9999) into `yyyymmdd`.
pub(crate) fn parse_iso_date(text: &str) -> Option<u32> {
    iso_date_bytes(text.as_bytes())
}

/// The high bit of each byte of a word.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// [`parse_iso_date`] on the bytes of a CSV cell: the eight digits checked and read as one
/// 64-bit word, their values combined in pairs within it.
#[inline]
pub(crate) fn iso_date_bytes(bytes: &[u8]) -> Option<u32> {
    let bytes: &[u8; 10] = bytes.try_into().ok()?;
    // `YYYY-MM-` as one word, and `DD`.
    let (head, day) = bytes.split_at(8);
    let head = u64::from_le_bytes(head.try_into().ok()?);
    let day = u64::from(u16::from_le_bytes(day.try_into().ok()?));
    if head & 0xff00_00ff_0000_0000 != 0x2d00_002d_0000_0000 {
        return None;
    }
    // The digits `YYYYMMDD` in one word: the month moved over the first dash, the day
    // over the month's place and the second dash.
    let word = head & 0xffff_ffff | (head >> 8) & 0xffff_0000_0000 | day << 48;
    // Every byte a digit: none below `0` (no borrow then, so no byte is disturbed) and
    // none above `9` (adding 0x46 carries a byte past 0x7f exactly from 0x3a on; no byte
    // carries into the next, since all are below 0x80 once the first test passed).
    let below = word.wrapping_sub(0x3030_3030_3030_3030);
    if (below | word) & HIGH != 0 || (word + 0x4646_4646_4646_4646) & HIGH != 0 {
        return None;
    }
    // Each even byte becomes ten times itself plus the next (at most 99, no carry); the
    // 16-bit lanes then hold the century, the year in it, the month and the day.
    let pairs = (below * 10 + (below >> 8)) & 0x00ff_00ff_00ff_00ff;
    let lane = |k: u32| (pairs >> (16 * k)) as u32 & 0xff;
    day_number(lane(0) * 100 + lane(1), lane(2), lane(3))
}

/// Parses an ISO date, or an ISO 8601 date-time by its date, as HR systems and the
/// platform write them:
/// - `YYYY-MM-DD`, alone or followed by a zone (`2024-02-10Z`, `2024-02-10+05:30`, the XML
///   Schema date with time zone);
/// - `YYYY-MM-DD` followed by `T` (or `t`, or a space) and `hh:mm`, optional `:ss` and
///   fraction, and an optional zone `Z`, `±hh:mm`, `±hhmm` or `±hh`, the offset also after
///   a space (`2024-02-10 09:30:00 +0530`, as Ruby's `Time#to_s` and Go's `Time.String`
///   write it);
/// - the ISO 8601 basic format, `YYYYMMDD` (as SAP writes dates), alone, with a zone, or
///   followed by `T` and `hhmm`, optional `ss` and fraction, and an optional zone `Z`,
///   `±hhmm` or `±hh`;
/// - a date-time with a zone followed by RFC 9557 suffixes such as `[Asia/Kolkata]`, as
///   Java's `ZonedDateTime` writes them;
/// - any of these followed by a space and a zone's abbreviation (`2024-02-10 09:30:00
///   IST`, two to five capital letters), as Java's `yyyy-MM-dd HH:mm:ss z` writes it;
/// - `YYYY-MM-DD` followed by whitespace and a time as spreadsheets write one
///   (`model::clock`): the hour in one or two digits (`2024-02-10 9:30`, `2024-02-10
///   9:30:05`), on the 12-hour clock with ` AM` or ` PM` (`2024-02-10 9:30 AM`), no zone.
///   Only after a date in this form: its order is ISO's, so the date is unambiguous.
///
/// `Z` may be lowercase, as RFC 3339 allows. The time must be a real time of day (`24:00`
/// is refused).
pub(crate) fn parse_iso_date_or_time(text: &str) -> Option<u32> {
    if let Some((date, _)) = super::clock::split_clock(text)
        && date.len() == 10
    {
        return parse_iso_date(date);
    }
    let b = text.as_bytes();
    let extended = b.len() >= 10 && b[4] == b'-';
    let (date, rest) = if extended {
        (parse_iso_date(text.get(..10)?)?, text.get(10..)?)
    } else {
        let day = b.get(..8)?;
        let (y, m, d) = (digits(&day[..4])?, digits(&day[4..6])?, digits(&day[6..])?);
        (day_number(y, m, d)?, text.get(8..)?)
    };
    let rest = without_zone_name(rest);
    let (rest, suffixed) = without_suffixes(rest)?;
    let valid = match rest.as_bytes() {
        [] => !suffixed,
        [b'T' | b't', time @ ..] => valid_time(time, extended),
        [b' ', time @ ..] => extended && valid_time(time, true),
        zone => !suffixed && valid_zone(zone, extended),
    };
    valid.then_some(date)
}

/// `text` without a time zone named by its abbreviation after a space (`IST`, `UTC`, two
/// to five capital ASCII letters, as Java's `yyyy-MM-dd HH:mm:ss z` writes it). The date is read as written whatever the zone, so an abbreviation, however
/// ambiguous (`IST` is India's, Ireland's and Israel's), changes nothing.
pub(crate) fn without_zone_name(text: &str) -> &str {
    match text.rsplit_once(' ') {
        // `AM` and `PM` name halves of a day (`model::clock`), never zones.
        Some((head, name))
            if (2..=5).contains(&name.len())
                && name.bytes().all(|b| b.is_ascii_uppercase())
                && !matches!(name, "AM" | "PM") =>
        {
            head
        }
        _ => text,
    }
}

/// `text` without RFC 9557 suffixes (`[Asia/Kolkata]`, `[u-ca=iso8601]`), and whether it
/// had any; `None` when a suffix is empty or holds a bracket or a space.
fn without_suffixes(mut text: &str) -> Option<(&str, bool)> {
    let mut suffixed = false;
    while let Some(open) = text.strip_suffix(']') {
        let at = open.rfind('[')?;
        let inside = &open[at + 1..];
        if inside.is_empty() || inside.contains([']', ' ']) {
            return None;
        }
        text = &open[..at];
        suffixed = true;
    }
    Some((text, suffixed))
}

/// Whether `hh:mm[:ss[.f+]][zone]` (extended) or `hhmm[ss[.f+]][zone]` (basic) is a valid
/// time of day.
fn valid_time(b: &[u8], extended: bool) -> bool {
    let two = |at: usize, max: u32| b.get(at..at + 2).and_then(digits).is_some_and(|n| n <= max);
    let colon = usize::from(extended);
    if !(two(0, 23) && (!extended || b.get(2) == Some(&b':')) && two(2 + colon, 59)) {
        return false;
    }
    let mut i = 4 + colon;
    let seconds = if extended {
        b.get(i) == Some(&b':')
    } else {
        b.get(i).is_some_and(u8::is_ascii_digit)
    };
    if seconds {
        if !two(i + colon, 60) {
            return false;
        }
        i += 2 + colon;
        if matches!(b.get(i), Some(b'.' | b',')) {
            let fraction = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
            if fraction == 0 {
                return false;
            }
            i += 1 + fraction;
        }
    }
    // A space before a numeric offset in the extended format, as Ruby's `Time#to_s` and
    // Go's `Time.String` write one (`2024-02-10 09:30:00 +0530`).
    let zone = match &b[i..] {
        [b' ', zone @ ..] if extended && zone.starts_with(b"+") | zone.starts_with(b"-") => zone,
        zone => zone,
    };
    b.len() == i || valid_zone(zone, extended)
}

/// Whether `b` is a zone: `Z` (or `z`), `±hh`, `±hhmm`, or in the extended format also
/// `±hh:mm`.
fn valid_zone(b: &[u8], extended: bool) -> bool {
    match b {
        [b'Z' | b'z'] => true,
        [b'+' | b'-', zone @ ..] => {
            let z = |at: usize, max: u32| {
                zone.get(at..at + 2)
                    .and_then(digits)
                    .is_some_and(|n| n <= max)
            };
            match zone.len() {
                2 => z(0, 23),
                4 => z(0, 23) && z(2, 59),
                5 => extended && z(0, 23) && zone[2] == b':' && z(3, 59),
                _ => false,
            }
        }
        _ => false,
    }
}

/// The ISO date a malformed date text most probably means, when that is unambiguous: the
/// text without surrounding whitespace or a byte-order mark; single-digit month or day
/// padded (`2024-1-5`); a day-first date whose day is above 12 (`31/12/2024`, `31-12-2024`,
/// `31.12.2024`); a year-first date with other separators (`2024/12/31`); a date with its
/// month named in English (`5 Jan 2024`, `05-Jan-2024` as spreadsheets in India format
/// dates, `March 15, 2024`); a spreadsheet's serial day number (`45366`, days since
/// 1899-12-30 as Excel and `LibreOffice` count them, 20000 to 80000, that is 1954 to 2119),
/// which a cell formatted as a number exports, also with the fraction of a date-time
/// (`45366.5`, noon of that day). `None` when the text is valid, or the
/// reading would be a guess (`01/02/2024`, a two-digit year).
pub(crate) fn suggest_iso_date(text: &str) -> Option<String> {
    if parse_iso_date_or_time(text).is_some() {
        return None;
    }
    let trimmed = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if trimmed != text {
        // The date read, not the text cut: a basic-format date is eight characters.
        if let Some(day) = parse_iso_date_or_time(trimmed) {
            return Some(format_day(day));
        }
    }
    numeric_date(trimmed)
        .or_else(|| month_named(trimmed))
        .or_else(|| serial_day(trimmed))
}

/// A date of three numbers (see [`suggest_iso_date`]).
fn numeric_date(trimmed: &str) -> Option<String> {
    let parts: Vec<&str> = trimmed.split(['-', '/', '.']).collect();
    let [first, second, third] = parts[..] else {
        return None;
    };
    let number = |s: &str| {
        (!s.is_empty() && s.len() <= 4)
            .then(|| digits(s.as_bytes()))
            .flatten()
    };
    let numbers = (number(first)?, number(second)?, number(third)?);
    let (year, month, day) = if first.len() == 4 && second.len() <= 2 && third.len() <= 2 {
        numbers
    } else if third.len() == 4 && first.len() <= 2 && second.len() <= 2 && numbers.0 > 12 {
        (numbers.2, numbers.1, numbers.0)
    } else {
        return None;
    };
    day_number(year, month, day)?;
    let iso = format!("{year:04}-{month:02}-{day:02}");
    (iso != trimmed).then_some(iso)
}

/// A date whose month is named in English, in full or by its first three letters, any
/// case: day, month, four-digit year (`5 Jan 2024`, `05-Jan-2024`, `5 January, 2024`) or
/// month, day, year (`Jan 5, 2024`).
pub(crate) fn month_named(trimmed: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let parts: Vec<&str> = trimmed
        .split([' ', '-', '/', ',', '.'])
        .filter(|p| !p.is_empty())
        .collect();
    let month = |s: &str| {
        let lower = s.to_ascii_lowercase();
        let found = MONTHS.iter().position(|m| {
            lower.len() >= 3 && (*m == lower || (lower.len() == 3 && m.starts_with(&lower)))
        });
        found.map(|i| i as u32 + 1)
    };
    let number = |s: &str, max_len: usize| {
        (!s.is_empty() && s.len() <= max_len)
            .then(|| digits(s.as_bytes()))
            .flatten()
    };
    let [a, b, c] = parts[..] else {
        return None;
    };
    if c.len() != 4 {
        return None;
    }
    let year = number(c, 4)?;
    let (month, day) = match (month(a), month(b)) {
        (None, Some(m)) => (m, number(a, 2)?),
        (Some(m), None) => (m, number(b, 2)?),
        _ => return None,
    };
    day_number(year, month, day)?;
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

/// A spreadsheet's serial day number, 20000 to 80000 (1954-10-03 to 2119-01-10): days since
/// 1899-12-30, as Excel (in its default 1900 date system) and `LibreOffice` count them,
/// with or without a fraction after `.` or `,` (a decimal comma), the time of day of a
/// date-time cell (`45366.5` is noon of 2024-03-15): the date is the whole part.
pub(crate) fn serial_day(trimmed: &str) -> Option<String> {
    let (whole, fraction) = trimmed.split_once(['.', ',']).unwrap_or((trimmed, "0"));
    if whole.len() != 5 || fraction.is_empty() || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let serial = i64::from(digits(whole.as_bytes())?);
    if !(20_000..=80_000).contains(&serial) {
        return None;
    }
    let (year, month, day) = super::epoch::civil_from_days(serial - 25_569);
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

/// The ASCII digits of `b` as a number.
pub(crate) fn digits(b: &[u8]) -> Option<u32> {
    b.iter().try_fold(0u32, |acc, &c| {
        c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
    })
}

/// `yyyymmdd` when the day exists.
// Once per dated passbook entry: called apart otherwise in `Cohort::with_threads`'s workers.
#[allow(clippy::inline_always)]
#[inline(always)]
pub(crate) fn day_number(y: u32, m: u32, d: u32) -> Option<u32> {
    /// The days of each month (index 1 to 12), February's in a leap year.
    const DAYS: [u32; 13] = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let leap = || (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400);
    let days = *DAYS.get(m as usize)?;
    let real = y <= 9999 && d >= 1 && d <= days && (m != 2 || d != 29 || leap());
    real.then_some(y * 10_000 + m * 100 + d)
}

/// `yyyymmdd` back to `YYYY-MM-DD`.
pub(crate) fn format_day(day: u32) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        day / 10_000,
        day / 100 % 100,
        day % 100
    )
}

#[cfg(test)]
mod tests {
    use super::{parse_iso_date, parse_iso_date_or_time, suggest_iso_date};

    #[test]
    fn digits_are_checked_byte_by_byte() {
        // Every byte value at every place of a valid date, against the digits read one by
        // one.
        let reference = |b: &[u8]| -> Option<u32> {
            let ok = b.len() == 10
                && b[4] == b'-'
                && b[7] == b'-'
                && [0, 1, 2, 3, 5, 6, 8, 9]
                    .iter()
                    .all(|&i| b[i].is_ascii_digit());
            if !ok {
                return None;
            }
            let n =
                |r: std::ops::Range<usize>| r.fold(0u32, |v, i| v * 10 + u32::from(b[i] - b'0'));
            super::day_number(n(0..4), n(5..7), n(8..10))
        };
        for base in ["2024-02-29", "1999-12-31", "0000-01-01", "9999-09-09"] {
            for at in 0..10 {
                for byte in 0..=255u8 {
                    let mut bytes = base.as_bytes().to_vec();
                    bytes[at] = byte;
                    assert_eq!(
                        super::iso_date_bytes(&bytes),
                        reference(&bytes),
                        "{bytes:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn reads_every_date_as_the_calendar_has_it() {
        // The reference: a day exists when the day after the month's last has a lower
        // number, counted by walking the calendar from 0000-01-01 (no leap rule written).
        let mut last = std::collections::HashMap::new();
        let (mut y, mut m, mut d) = (0u32, 1u32, 1u32);
        let leap =
            |y: u32| y.is_multiple_of(4) && (!y.is_multiple_of(100) || y.is_multiple_of(400));
        while y < 2101 {
            last.insert((y, m), d);
            let days = [
                31,
                if leap(y) { 29 } else { 28 },
                31,
                30,
                31,
                30,
                31,
                31,
                30,
                31,
                30,
                31,
            ];
            if d < days[m as usize - 1] {
                d += 1;
            } else if m < 12 {
                (m, d) = (m + 1, 1);
            } else {
                (y, m, d) = (y + 1, 1, 1);
            }
        }
        for y in (0..2101).filter(|y| y % 97 == 0 || (1896..2101).contains(y)) {
            for m in 0..=13 {
                for d in 0..=32 {
                    let text = format!("{y:04}-{m:02}-{d:02}");
                    let real = last.get(&(y, m)).is_some_and(|&end| (1..=end).contains(&d));
                    let expected = real.then_some(y * 10_000 + m * 100 + d);
                    assert_eq!(parse_iso_date(&text), expected, "{text}");
                }
            }
        }
        // A byte next to the digits (`/`, `:`) or any other in place of each digit.
        for at in [0, 1, 2, 3, 5, 6, 8, 9] {
            for b in [b'/', b':', b' ', b'a', 0] {
                let mut text = *b"2024-02-10";
                text[at] = b;
                assert_eq!(parse_iso_date(std::str::from_utf8(&text).unwrap()), None);
            }
        }
    }

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

    #[test]
    fn date_times_are_read_by_their_date() {
        for ok in [
            "2024-02-10T09:30:00.000+0530",
            "2024-02-10T09:30:00Z",
            "2024-02-10T09:30",
            "2024-02-10 09:30:00",
            "2024-02-10T23:59:60,5-05:00",
            "2024-02-10T00:00+05",
            "2024-02-10Z",
            "2024-02-10+05:30",
            "2024-02-10-0300",
            "2024-02-10t09:30:00z",
            "2024-02-10T09:30:00+05:30[Asia/Kolkata]",
            "2024-02-10T09:30Z[UTC][u-ca=iso8601]",
            "20240210",
            "20240210Z",
            "20240210T093000Z",
            "20240210T0930+0530",
            "20240210T093000,25",
            "2024-02-10 09:30:00 IST",
            "2024-02-10T09:30:00.000 UTC",
            "20240210T093000 CEST",
            "2024-02-10T09:30:00+05:30 IST",
            "2024-02-10 IST",
            "2024-02-10+05:30 IST",
            "2024-02-10 09:30:00 +0530",
            "2024-02-10 09:30:00.123456789 +0530 IST",
            "2024-02-10T09:30 -03:00",
            "2024-02-10 09:30:00 +05",
            "2024-02-10 9:30",
            "2024-02-10 9:30:05",
            "2024-02-10 9:30:05.5",
            "2024-02-10 09:30 AM",
            "2024-02-10 9:30 pm",
            "2024-02-10 12:00 AM",
        ] {
            assert_eq!(parse_iso_date_or_time(ok), Some(20_240_210), "{ok}");
        }
        for bad in [
            "2024-02-10T",
            "2024-02-10T24:00",
            "2024-02-10T09:60",
            "2024-02-10T09:30:00.",
            "2024-02-10T09:30:00+5:30",
            "2024-02-10T09:30:00 ",
            "2024-02-10x09:30",
            "2024-02-30T09:30",
            "2024-02-10\r",
            "2024-02-10[Asia/Kolkata]",
            "2024-02-10T09:30[]",
            "2024-02-10T09:30[Asia Kolkata]",
            "2024-02-10Z[UTC]",
            "2024-02-10T0930",
            "20240210T09:30",
            "20240210 0930",
            "20240210T0930+05:30",
            "2024021",
            "20240230",
            "2024-02-10 +05:30",
            "2024-02-10+5",
            "2024-02-10T09:30:00 ist",
            "2024-02-10T09:30:00 ASIAKL",
            "2024-02-10T09:30:00  IST",
            "2024-02-10T09:30:00 I1T",
            "2024-02-10 09:30 Z",
            "2024-02-10 IST[Asia/Kolkata]",
            "2024-02-10 IST ",
            "2024-02-10 09:30:00  +0530",
            "2024-02-10 09:30:00 Z",
            "2024-02-10 09:30:00 +5:30",
            "20240210T093000 +0530",
            "2024-02-10 09:30:00 + 0530",
            "2024-02-10T9:30",
            "2024-02-10 9:30 +0530",
            "2024-02-10 13:30 PM",
            "2024-02-10 9:30 AM IST",
            "20240210 9:30",
            "2024-2-10 9:30",
            "2024-02-30 9:30",
        ] {
            assert_eq!(parse_iso_date_or_time(bad), None, "{bad}");
        }
    }

    #[test]
    fn suggestions_only_when_unambiguous() {
        let s = |t| suggest_iso_date(t);
        assert_eq!(s("2024-1-5").as_deref(), Some("2024-01-05"));
        assert_eq!(s("31/12/2024").as_deref(), Some("2024-12-31"));
        assert_eq!(s("31.12.2024").as_deref(), Some("2024-12-31"));
        assert_eq!(s("2024/12/31").as_deref(), Some("2024-12-31"));
        assert_eq!(s("2024-03-15\r").as_deref(), Some("2024-03-15"));
        assert_eq!(s("\u{feff}2024-03-15").as_deref(), Some("2024-03-15"));
        assert_eq!(s(" 2024-03-15T10:00Z").as_deref(), Some("2024-03-15"));
        // The basic format's date is eight characters, not ten: the suggestion is the
        // date, never a cut of the text.
        assert_eq!(s(" 20240315T100000Z").as_deref(), Some("2024-03-15"));
        assert_eq!(s("20240315T1000+0530\r").as_deref(), Some("2024-03-15"));
        assert_eq!(s("\u{feff}20240315").as_deref(), Some("2024-03-15"));
        assert_eq!(s("01/02/2024"), None);
        assert_eq!(s("31/02/2024"), None);
        assert_eq!(s("yesterday"), None);
        assert_eq!(s("2024-03-15"), None);
        assert_eq!(s("24-03-15"), None);
        // Months named in English, as spreadsheets format dates.
        assert_eq!(s("5 Jan 2024").as_deref(), Some("2024-01-05"));
        assert_eq!(s("05-Jan-2024").as_deref(), Some("2024-01-05"));
        assert_eq!(s("15-MAR-2024").as_deref(), Some("2024-03-15"));
        assert_eq!(s("March 15, 2024").as_deref(), Some("2024-03-15"));
        assert_eq!(s("29 February 2023"), None);
        assert_eq!(s("5 Jan 24"), None);
        assert_eq!(s("5 Janu 2024"), None);
        assert_eq!(s("Jan Feb 2024"), None);
        // A spreadsheet's serial day: 45366 is 2024-03-15, 25569 is 1970-01-01, and the
        // serials around the end of February of a leap year.
        assert_eq!(s("45366").as_deref(), Some("2024-03-15"));
        assert_eq!(s("25569").as_deref(), Some("1970-01-01"));
        assert_eq!(s("45351").as_deref(), Some("2024-02-29"));
        assert_eq!(s("45352").as_deref(), Some("2024-03-01"));
        assert_eq!(s("45366.0").as_deref(), Some("2024-03-15"));
        // A date-time's serial: the time of day is the fraction.
        assert_eq!(s("45366.5").as_deref(), Some("2024-03-15"));
        assert_eq!(s("45366.999988426").as_deref(), Some("2024-03-15"));
        assert_eq!(s("45366,75").as_deref(), Some("2024-03-15"));
        assert_eq!(s("45366."), None);
        assert_eq!(s("45366.5.5"), None);
        assert_eq!(s("45366.5e0"), None);
        assert_eq!(s("12345"), None);
        assert_eq!(s("4536"), None);
        assert_eq!(s("453660"), None);
    }
}
