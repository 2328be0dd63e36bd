//! Epoch time (a count of milliseconds or seconds since 1970-01-01 UTC, as the platform's
//! APIs store times), which is no date: the day an instant falls on depends on the time
//! zone. Read only to name the instant in the errors that refuse it.

/// The civil date of a day counted from 1970-01-01 (Howard Hinnant's `civil_from_days`).
pub(crate) fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// The days from 1970-01-01 to a civil date (Howard Hinnant's `days_from_civil`, the
/// inverse of [`civil_from_days`]).
pub(crate) fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The instant a count of Unix epoch milliseconds (12 or 13 digits, as the platform's
/// APIs store times) or seconds (9 or 10 digits) stands for, from 1973 to 2286, in UTC as
/// an ISO 8601 date-time (`2024-02-10T04:00:00Z`, with the milliseconds when there are
/// any); `None` for any other text. Such a count is refused as a date, since the day an
/// instant falls on depends on the time zone (2024-02-10T20:00:00Z is 11 February in
/// India); the instant is what an error suggests, exact, for the writer to choose the day.
pub(crate) fn epoch_instant(text: &str) -> Option<String> {
    let whole = text.strip_suffix(".0").unwrap_or(text);
    if whole.starts_with('0') || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let count: u64 = whole.parse().ok()?;
    let (seconds, millis) = match whole.len() {
        9 | 10 => (count, 0),
        12 | 13 => (count / 1_000, count % 1_000),
        _ => return None,
    };
    let (year, month, day) = civil_from_days(i64::try_from(seconds / 86_400).ok()?);
    let time = seconds % 86_400;
    let (hours, minutes, seconds) = (time / 3_600, time / 60 % 60, time % 60);
    let millis = if millis == 0 {
        String::new()
    } else {
        format!(".{millis:03}")
    };
    Some(format!(
        "{year:04}-{month:02}-{day:02}T{hours:02}:{minutes:02}:{seconds:02}{millis}Z"
    ))
}

#[cfg(test)]
mod tests {
    use super::{civil_from_days, days_from_civil, epoch_instant};

    #[test]
    fn days_from_civil_inverts_civil_from_days() {
        // From 1600 to 2400, every day, leap centuries included.
        for days in -135_140..157_000 {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days, "{y}-{m}-{d}");
        }
    }

    #[test]
    fn epoch_counts_are_named_as_instants_in_utc() {
        for (text, instant) in [
            ("1707537600000", Some("2024-02-10T04:00:00Z")),
            ("1707537600123", Some("2024-02-10T04:00:00.123Z")),
            ("1707537600", Some("2024-02-10T04:00:00Z")),
            ("1707537600.0", Some("2024-02-10T04:00:00Z")),
            ("1000000000", Some("2001-09-09T01:46:40Z")),
            ("100000000", Some("1973-03-03T09:46:40Z")),
            ("9999999999999", Some("2286-11-20T17:46:39.999Z")),
            ("951782400000", Some("2000-02-29T00:00:00Z")),
            ("17075376000", None),
            ("20240210", None),
            ("45366", None),
            ("01707537600", None),
            ("-1707537600", None),
            ("1707537600000 ", None),
            ("", None),
        ] {
            assert_eq!(epoch_instant(text).as_deref(), instant, "{text}");
        }
    }
}
