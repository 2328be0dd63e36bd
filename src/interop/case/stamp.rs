//! `lastChangeDateTime` as publishers write it, and as the crate's export writes it.
//!
//! CASE defines the field as an ISO 8601 date-time (`xs:dateTime`). Publishers also write
//! a date alone (`2024-03-01`), a space for the `T` (`2024-03-01 10:15:00`, a SQL time
//! stamp), minutes without seconds, zones as `+0530` or `+05`, also after a space (`10:15:00
//! +0530`, as Ruby and Go write time stamps), a lowercase `z`, and the basic format
//! (`20240301T101500Z`), and a time as spreadsheets write one (`2024-03-01 9:30`,
//! `2024-03-01 9:30 PM`, no zone). Every text an evidence date accepts
//! ([`parse_iso_date_or_time`]) reads, and is written in the extended format CASE
//! defines: `YYYY-MM-DDThh:mm:ss`, the fraction of a second as given, and the zone as `Z`
//! or `±hh:mm` when one is given (none stays none). A date alone is the start of that day.
//! RFC 9557 suffixes (`[Asia/Kolkata]`) are left out: CASE has no place for them.
//!
//! Export always writes a zone ([`export_date_time`]): CASE 1.1's JSON Schema gives
//! `lastChangeDateTime` the `date-time` format, RFC 3339's, which requires one, and
//! `OpenSALT` and `OpenCASE` validate packages against it. A zone's abbreviation after a
//! space (`2024-03-01 10:15:00 IST`, as Java's `yyyy-MM-dd HH:mm:ss z` writes) is written
//! as its offset when it names one zone ([`ZONE_NAMES`]); a stamp without a zone is read
//! as UTC, and the export's report says so.

use serde_json::Value;

use crate::interop::case::huge::unescape_owned;
use crate::model::clock::split_clock;
use crate::model::date::{parse_iso_date_or_time, without_zone_name};
use crate::model::epoch::{days_from_civil, epoch_instant};

/// A `lastChangeDateTime` as read: a string, or a count of Unix epoch milliseconds (12 or
/// 13 digits) or seconds (9 or 10 digits), as servers storing times as numbers export
/// them (`1704067200000`, also written as text or as a double, `1704067200000.0`): the
/// instant it stands for, written in UTC (`2024-01-01T00:00:00Z`, with the milliseconds
/// when there are any; see [`epoch_instant`]). A count is an instant, as CASE's date-time
/// is, so nothing is lost. Text that is neither a date-time nor such a count is the text
/// (the import reports it); any other value comes back, for the element's `extra`.
pub(crate) fn stamp(value: Value) -> Result<String, Value> {
    match value {
        Value::String(s) => Ok(
            match (case_date_time(&s).is_none()).then(|| epoch_instant(s.trim())) {
                Some(Some(instant)) => instant,
                _ => unescape_owned(s),
            },
        ),
        Value::Number(n) => epoch_instant(&n.to_string()).ok_or(Value::Number(n)),
        other => Err(other),
    }
}

/// The CASE date-time `text` states, written as CASE defines it; `None` when `text` does
/// not read as a date or date-time (see the module docs).
pub(crate) fn case_date_time(text: &str) -> Option<String> {
    parse_iso_date_or_time(text)?;
    // A spreadsheet's time (`9:30`, `9:30 PM`) has no zone and no fixed places.
    if let Some((date, t)) = split_clock(text) {
        let fraction = if t.fraction.is_empty() { "" } else { "." };
        return Some(format!(
            "{date}T{:02}:{:02}:{:02}{fraction}{}",
            t.hour, t.minute, t.second, t.fraction
        ));
    }
    // A zone's abbreviation says no offset (`IST` is India's, Ireland's and Israel's).
    let text = without_zone_name(text);
    // The text is valid, so it splits at fixed places and marks.
    let b = text.as_bytes();
    let extended = b[4] == b'-';
    let (date, rest) = if extended {
        (text[..10].to_owned(), &text[10..])
    } else {
        let (y, m, d) = (&text[..4], &text[4..6], &text[6..8]);
        (format!("{y}-{m}-{d}"), &text[8..])
    };
    let rest = rest.split('[').next().unwrap_or_default();
    let (time, zone) = match rest.as_bytes().first() {
        Some(b'T' | b't' | b' ') => {
            let time = &rest[1..];
            let at = time.find(['Z', 'z', '+', '-']).unwrap_or(time.len());
            // An offset may follow a space (`10:15:00 +0530`).
            (time[..at].trim_end(), &time[at..])
        }
        _ => ("", rest),
    };
    let (clock, fraction) = match time.find(['.', ',']) {
        Some(at) => (&time[..at], &time[at + 1..]),
        None => (time, ""),
    };
    let digits: String = clock.chars().filter(char::is_ascii_digit).collect();
    let part = |at: usize| digits.get(at..at + 2).unwrap_or("00");
    let mut out = format!("{date}T{}:{}:{}", part(0), part(2), part(4));
    if !fraction.is_empty() {
        out.push('.');
        out.push_str(fraction);
    }
    match zone.as_bytes() {
        [] => {}
        [b'Z' | b'z'] => out.push('Z'),
        [sign, ..] => {
            let digits: String = zone.chars().filter(char::is_ascii_digit).collect();
            let minutes = digits.get(2..4).unwrap_or("00");
            out.push(char::from(*sign));
            out.push_str(&digits[..2]);
            out.push(':');
            out.push_str(minutes);
        }
    }
    Some(out)
}

/// Zone abbreviations export reads as their offset: `UT` and `GMT` and the North
/// American zones RFC 5322 defines (section 4.3: `EST` −05:00 … `PDT` −07:00), `UTC`,
/// and `IST` as India Standard Time, +05:30: the zone of the civil service this crate
/// models, and the zone Java's `ZoneId.SHORT_IDS` maps `IST` to (`Asia/Kolkata`), which
/// Indian servers writing `yyyy-MM-dd HH:mm:ss z` write. Any other abbreviation
/// (`BST`, `NZST`) names no offset the crate knows, and export refuses it.
pub(crate) const ZONE_NAMES: [(&str, &str); 12] = [
    ("UT", "Z"),
    ("UTC", "Z"),
    ("GMT", "Z"),
    ("IST", "+05:30"),
    ("EST", "-05:00"),
    ("EDT", "-04:00"),
    ("CST", "-06:00"),
    ("CDT", "-05:00"),
    ("MST", "-07:00"),
    ("MDT", "-06:00"),
    ("PST", "-08:00"),
    ("PDT", "-07:00"),
];

/// How export wrote a `lastChangeDateTime`'s zone ([`export_date_time`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum WrittenZone {
    /// As given: `Z` or an offset.
    Given,
    /// The offset a zone's abbreviation names ([`ZONE_NAMES`]).
    Named,
    /// None was given: the time is read as UTC and written with `Z`.
    ReadAsUtc,
}

/// `text` as export writes it, with a zone always (see the module docs): the text
/// [`case_date_time`] gives, with the offset of a zone's abbreviation after a space
/// ([`ZONE_NAMES`]) or, without a zone, `Z`; and how the zone was written. `None` when
/// `text` does not read as a date or date-time, or names a zone by an abbreviation
/// [`ZONE_NAMES`] does not hold. O(length).
pub(crate) fn export_date_time(text: &str) -> Option<(String, WrittenZone)> {
    let written = case_date_time(text)?;
    let zoned = written.ends_with('Z') || {
        let tail = written.as_bytes();
        tail.len() > 6 && matches!(tail[tail.len() - 6], b'+' | b'-')
    };
    if zoned {
        return Some((written, WrittenZone::Given));
    }
    let trimmed = text.trim();
    let without = without_zone_name(trimmed);
    if without.len() == trimmed.len() {
        return Some((written + "Z", WrittenZone::ReadAsUtc));
    }
    let name = trimmed[without.len()..].trim_start();
    let (_, offset) = ZONE_NAMES.iter().find(|(n, _)| *n == name)?;
    Some((written + offset, WrittenZone::Named))
}

/// Whether two `lastChangeDateTime`s, as read, state one instant: the same text, or two
/// date-times with a zone that [`case_date_time`] reads and that fall on the same
/// instant (`2024-01-01T00:00:00+00:00` and `2024-01-01T00:00:00Z`,
/// `2024-01-01T05:30:00+05:30`; a fraction of a second `.5` and `.50`). A time without a
/// zone is local to a place unknown, so it is the same instant as no other text.
/// O(length).
pub(crate) fn same_instant(a: &str, b: &str) -> bool {
    a == b || matches!((instant(a), instant(b)), (Some(x), Some(y)) if x == y)
}

/// The instant a date-time with a zone states: the day (counted from 1970-01-01, in UTC), the
/// second of that day and the fraction of a second without trailing zeros; `None` without
/// a zone or when the text does not read.
fn instant(text: &str) -> Option<(i64, i64, String)> {
    let t = case_date_time(text)?;
    // `YYYY-MM-DDThh:mm:ss[.fraction](Z|±hh:mm)`, as `case_date_time` writes it.
    let (clock, offset) = if let Some(clock) = t.strip_suffix('Z') {
        (clock, 0_i64)
    } else {
        let at = t.len().checked_sub(6)?;
        let zone = t.get(at..)?.as_bytes();
        let sign = match zone.first()? {
            b'+' => 1,
            b'-' => -1,
            _ => return None,
        };
        let part = |r: std::ops::Range<usize>| t[at..].get(r)?.parse::<i64>().ok();
        (&t[..at], sign * (part(1..3)? * 60 + part(4..6)?) * 60)
    };
    let (clock, fraction) = clock.split_once('.').unwrap_or((clock, ""));
    let number = |r: std::ops::Range<usize>| clock.get(r)?.parse::<i64>().ok();
    let (y, m, d) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let second = number(11..13)? * 3_600 + number(14..16)? * 60 + number(17..19)?;
    let days = days_from_civil(y, m, d) + (second - offset).div_euclid(86_400);
    let second = (second - offset).rem_euclid(86_400);
    let fraction = fraction.trim_end_matches('0').to_owned();
    Some((days, second, fraction))
}

#[cfg(test)]
mod tests {
    use super::{case_date_time, same_instant};

    #[test]
    fn publishers_stamps_are_written_as_case_defines() {
        for (given, written) in [
            ("2025-01-15T10:00:00Z", "2025-01-15T10:00:00Z"),
            ("2025-01-15T10:00:00", "2025-01-15T10:00:00"),
            (
                "2025-01-15T10:00:00.123+05:30",
                "2025-01-15T10:00:00.123+05:30",
            ),
            ("2024-02-29T23:59:60-00:00", "2024-02-29T23:59:60-00:00"),
            ("2025-01-15", "2025-01-15T00:00:00"),
            ("2025-01-15Z", "2025-01-15T00:00:00Z"),
            ("2025-01-15+05:30", "2025-01-15T00:00:00+05:30"),
            ("2025-01-15 10:00:00", "2025-01-15T10:00:00"),
            ("2025-01-15t10:00z", "2025-01-15T10:00:00Z"),
            ("2025-01-15T10:00:00,5+0530", "2025-01-15T10:00:00.5+05:30"),
            ("2025-01-15T10:00:00-03", "2025-01-15T10:00:00-03:00"),
            ("20250115T101500Z", "2025-01-15T10:15:00Z"),
            ("20250115", "2025-01-15T00:00:00"),
            (
                "2025-01-15T10:00:00+05:30[Asia/Kolkata]",
                "2025-01-15T10:00:00+05:30",
            ),
            ("2025-01-15 10:00:00 IST", "2025-01-15T10:00:00"),
            ("2025-01-15T10:00:00+05:30 IST", "2025-01-15T10:00:00+05:30"),
            ("2025-01-15 10:00 NZST", "2025-01-15T10:00:00"),
            ("2025-01-15 10:00:00 +0530", "2025-01-15T10:00:00+05:30"),
            (
                "2025-01-15 10:00:00.25 -0300 BRT",
                "2025-01-15T10:00:00.25-03:00",
            ),
            ("2025-01-15 9:30", "2025-01-15T09:30:00"),
            ("2025-01-15 9:30:05.5", "2025-01-15T09:30:05.5"),
            ("2025-01-15 9:30 PM", "2025-01-15T21:30:00"),
            // `PM` is half a day, not a zone's abbreviation to be dropped.
            ("2025-01-15 09:30 PM", "2025-01-15T21:30:00"),
            ("2025-01-15 12:00:07 am", "2025-01-15T00:00:07"),
        ] {
            assert_eq!(case_date_time(given).as_deref(), Some(written), "{given}");
        }
        for bad in [
            "",
            " ",
            "yesterday",
            "15/01/2025",
            "2025-02-30T10:00:00Z",
            "2025-01-15T24:00:00Z",
            "2025-01-15T10:00:00.Z",
            "2025-01-15 13:30 PM",
            "2025-01-15 9:30 +0530",
        ] {
            assert_eq!(case_date_time(bad), None, "{bad}");
        }
    }

    #[test]
    fn export_always_writes_a_zone() {
        use super::{WrittenZone, export_date_time};
        for (given, written, zone) in [
            (
                "2025-01-15T10:00:00Z",
                "2025-01-15T10:00:00Z",
                WrittenZone::Given,
            ),
            (
                "2025-01-15+05:30",
                "2025-01-15T00:00:00+05:30",
                WrittenZone::Given,
            ),
            (
                "2025-01-15T10:00:00",
                "2025-01-15T10:00:00Z",
                WrittenZone::ReadAsUtc,
            ),
            ("2025-01-15", "2025-01-15T00:00:00Z", WrittenZone::ReadAsUtc),
            (
                "2025-01-15 9:30 PM",
                "2025-01-15T21:30:00Z",
                WrittenZone::ReadAsUtc,
            ),
            (
                "2025-01-15 10:00:00 IST",
                "2025-01-15T10:00:00+05:30",
                WrittenZone::Named,
            ),
            (
                "2025-01-15 10:00 UTC",
                "2025-01-15T10:00:00Z",
                WrittenZone::Named,
            ),
            (
                "2025-01-15 10:00:00.5 CDT",
                "2025-01-15T10:00:00.5-05:00",
                WrittenZone::Named,
            ),
            // An offset given holds, whatever abbreviation follows it.
            (
                "2025-01-15T10:00:00+05:30 IST",
                "2025-01-15T10:00:00+05:30",
                WrittenZone::Given,
            ),
            (
                "2025-01-15 10:00:00 -0300 BRT",
                "2025-01-15T10:00:00-03:00",
                WrittenZone::Given,
            ),
        ] {
            let got = export_date_time(given);
            assert_eq!(got, Some((written.to_owned(), zone)), "{given}");
        }
        for refused in [
            "2025-01-15 10:00 NZST",
            "2025-01-15 10:00:00 BST",
            "yesterday",
            "",
        ] {
            assert_eq!(export_date_time(refused), None, "{refused}");
        }
    }

    #[test]
    fn stamps_stating_one_instant_are_the_same() {
        for (a, b) in [
            ("2024-01-01T00:00:00+00:00", "2024-01-01T00:00:00Z"),
            ("2024-01-01T00:00:00-00:00", "2024-01-01T00:00:00z"),
            ("2024-01-01T05:30:00+05:30", "2024-01-01T00:00:00Z"),
            ("2024-01-01T01:00:00+05:30", "2023-12-31T19:30:00Z"),
            ("2024-02-29T23:00:00-03:00", "2024-03-01T02:00:00Z"),
            ("2024-01-01T00:00:00.5Z", "2024-01-01T00:00:00.50+00:00"),
            ("2024-01-01 00:00:00 +0000", "20240101T000000Z"),
            ("2024-01-01T00:00:00", "2024-01-01T00:00:00"),
        ] {
            assert!(same_instant(a, b), "{a} {b}");
            assert!(same_instant(b, a), "{b} {a}");
        }
        for (a, b) in [
            ("2024-01-01T00:00:00", "2024-01-01T00:00:00Z"),
            ("2024-01-01T00:00:00+05:30", "2024-01-01T00:00:00Z"),
            ("2024-01-01T00:00:00.5Z", "2024-01-01T00:00:00Z"),
            ("2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z"),
            ("yesterday", "2024-01-01T00:00:00Z"),
        ] {
            assert!(!same_instant(a, b), "{a} {b}");
        }
    }
}
