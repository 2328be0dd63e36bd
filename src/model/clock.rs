//! A time of day as spreadsheets write it after a date and a space (`9:30`, `09:30:05`,
//! `9:30 AM`), as Excel and `LibreOffice` export a cell holding a date and a time: the
//! hour in one or two digits, on the 24-hour clock or on the 12-hour clock with ` AM` or
//! ` PM`. Shared by the ISO date reader (`model::date`, after `YYYY-MM-DD`), the CSV date
//! column (`interop::csv::dates`, after a date in any form it reads) and CASE's
//! `lastChangeDateTime` (`interop::case::stamp`), which writes the time it reads.

/// A time of day read by [`split_clock`], on the 24-hour clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Clock<'a> {
    /// 0 to 23.
    pub(crate) hour: u32,
    /// 0 to 59.
    pub(crate) minute: u32,
    /// 0 to 60 (a leap second); 0 when not written.
    pub(crate) second: u32,
    /// The digits of the fraction of a second as written (`""` when none).
    pub(crate) fraction: &'a str,
}

/// `text` split into what stands before a time of day and the time, when `text` ends in
/// whitespace and a time: `h:mm`, `hh:mm`, `h:mm:ss` or `h:mm:ss.f…` (hour 0 to 23), or
/// the same on the 12-hour clock (hour 1 to 12) followed by whitespace and `AM` or `PM` in
/// any case; minutes 0 to 59, seconds 0 to 60 (a leap second). The part before is trimmed
/// at its end. `None` when `text` ends in no such time. O(length).
pub(crate) fn split_clock(text: &str) -> Option<(&str, Clock<'_>)> {
    let (rest, half) = match text.trim_end().rsplit_once(char::is_whitespace) {
        Some((rest, half)) if half.eq_ignore_ascii_case("am") => (rest.trim_end(), Some(false)),
        Some((rest, half)) if half.eq_ignore_ascii_case("pm") => (rest.trim_end(), Some(true)),
        _ => (text, None),
    };
    let (date, time) = rest.rsplit_once(char::is_whitespace)?;
    let clock = clock(time, half)?;
    Some((date.trim_end(), clock))
}

/// `text` without a time of day at its end ([`split_clock`]); `text` itself when it ends
/// in none. O(length).
pub(crate) fn without_clock(text: &str) -> &str {
    split_clock(text).map_or(text, |(date, _)| date)
}

/// The time `time` states, `h:mm[:ss[.f…]]`, on the 12-hour clock when `half` says which
/// half of the day (`Some(true)` after noon).
fn clock(time: &str, half: Option<bool>) -> Option<Clock<'_>> {
    let number = |part: &str, lengths: std::ops::RangeInclusive<usize>| {
        let ok = lengths.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit());
        ok.then(|| part.parse::<u32>().ok()).flatten()
    };
    let mut parts = time.split(':');
    let hour = number(parts.next()?, 1..=2)?;
    let minute = number(parts.next()?, 2..=2).filter(|&m| m <= 59)?;
    let (second, fraction) = match parts.next() {
        None => (0, ""),
        Some(s) => {
            let (whole, fraction) = s.split_once('.').unwrap_or((s, ""));
            let fraction_ok = !s.contains('.')
                || (!fraction.is_empty() && fraction.bytes().all(|b| b.is_ascii_digit()));
            let second = number(whole, 2..=2).filter(|&s| s <= 60 && fraction_ok)?;
            (second, fraction)
        }
    };
    if parts.next().is_some() {
        return None;
    }
    let hour = match half {
        None => (hour <= 23).then_some(hour)?,
        Some(after_noon) => {
            if !(1..=12).contains(&hour) {
                return None;
            }
            hour % 12 + if after_noon { 12 } else { 0 }
        }
    };
    Some(Clock {
        hour,
        minute,
        second,
        fraction,
    })
}

#[cfg(test)]
mod tests {
    use super::{Clock, split_clock, without_clock};

    #[test]
    fn times_as_spreadsheets_write_them() {
        let at = |hour, minute, second, fraction| Clock {
            hour,
            minute,
            second,
            fraction,
        };
        for (text, date, clock) in [
            ("2024-02-10 9:30", "2024-02-10", at(9, 30, 0, "")),
            ("2024-02-10 09:30:05", "2024-02-10", at(9, 30, 5, "")),
            ("2024-02-10 9:30:05.25", "2024-02-10", at(9, 30, 5, "25")),
            ("2024-02-10 9:30 AM", "2024-02-10", at(9, 30, 0, "")),
            ("2024-02-10 12:05 am", "2024-02-10", at(0, 5, 0, "")),
            ("2024-02-10 12:05 PM", "2024-02-10", at(12, 5, 0, "")),
            ("12/3/2026 2:05:00 PM", "12/3/2026", at(14, 5, 0, "")),
            ("03/12/2026  23:59:60", "03/12/2026", at(23, 59, 60, "")),
        ] {
            assert_eq!(split_clock(text), Some((date, clock)), "{text}");
        }
        for text in [
            "2024-02-10",
            "2024-02-10 24:00",
            "2024-02-10 9:60",
            "2024-02-10 9:5",
            "2024-02-10 123:00",
            "2024-02-10 13:00 PM",
            "2024-02-10 0:30 AM",
            "2024-02-10 9:30:05.",
            "2024-02-10 9:30:61",
            "2024-02-10 9:30:05:01",
            "2024-02-10T9:30",
            "2024-02-10 9:30 ZM",
            "9:30",
        ] {
            assert_eq!(split_clock(text), None, "{text}");
            assert_eq!(without_clock(text), text, "{text}");
        }
    }
}
