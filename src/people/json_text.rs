//! Strings of an officers document as its readers take them: borrowed from the text
//! unless they hold escapes, and an evidence date's text, whose reader refuses a number
//! naming the instant an epoch count stands for. Shared by the derived reader of
//! [`Evidence`](crate::Evidence) and the one-pass reader of `cohort_json`.

use std::borrow::Cow;
use std::fmt;

use serde::de::Visitor;

use crate::model::date::{format_day, parse_iso_date_or_time, serial_day, suggest_iso_date};
use crate::model::epoch::epoch_instant;

/// A string of the text: borrowed unless it holds escapes.
pub(crate) struct Text<'de>(pub(crate) Cow<'de, str>);

/// The visitor of [`Text`] and [`DateText`]: a string, `expecting` what the field holds.
/// Only [`DateText`] asks for any value, so only it meets numbers: each is refused, naming
/// the instant an epoch count stands for.
struct TextOf {
    expecting: &'static str,
}

impl<'de> Visitor<'de> for TextOf {
    type Value = Text<'de>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Text(Cow::Borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Text(Cow::Owned(v.to_owned())))
    }
    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Text(Cow::Owned(v)))
    }
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Err(number_as_date(serde::de::Unexpected::Unsigned(v)))
    }
    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Err(number_as_date(serde::de::Unexpected::Signed(v)))
    }
    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Err(number_as_date(serde::de::Unexpected::Float(v)))
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        crate::model::object::refuse_list(seq, &self)
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        crate::model::object::refuse_object(map, &self)
    }
}

impl<'de> serde::Deserialize<'de> for Text<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(TextOf {
            expecting: "a string",
        })
    }
}

/// An evidence date's text, as [`Text`]; a number is refused, naming the instant an epoch
/// count stands for, as [`Evidence::date`](crate::Evidence::date) refuses it.
pub(crate) struct DateText<'de>(pub(crate) Text<'de>);

impl<'de> serde::Deserialize<'de> for DateText<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TextOf {
            expecting: "a date as text",
        })
        .map(DateText)
    }
}

/// The error refusing a JSON number written as an evidence date, as serde words a value
/// of the wrong type ("invalid type: integer `…`, expected a string"), saying what a date
/// is and, for a count of epoch milliseconds or seconds, the instant it stands for, whose
/// day depends on the time zone; for a spreadsheet's serial day (`45366`) or a date in
/// the basic format (`20240315`), the date it is, as the same text is suggested in a
/// string or a CSV cell; so for a date-time's serial too (`45366.5`, noon of that day).
fn number_as_date<E: serde::de::Error>(unexpected: serde::de::Unexpected<'_>) -> E {
    use serde::de::Unexpected;
    let count = match unexpected {
        Unexpected::Unsigned(n) => Some(n),
        // A whole number below 10^16 converts exactly.
        #[allow(clippy::cast_sign_loss, clippy::cast_possible_truncation)]
        Unexpected::Float(x) if x.fract() == 0.0 && (0.0..1e16).contains(&x) => Some(x as u64),
        _ => None,
    };
    let text = count.map(|n| n.to_string()).unwrap_or_default();
    // A spreadsheet's serial day (`45366`, as a data frame writes a date column Excel
    // stored as a number) or a basic-format date (`20240315`), as the same text in a
    // string or a CSV cell suggests it.
    let date =
        || (parse_iso_date_or_time(&text).map(format_day)).or_else(|| suggest_iso_date(&text));
    // A date-time's serial (`45366.5`, noon): the time of day is its fraction.
    let serial = match unexpected {
        Unexpected::Float(x) if count.is_none() && x.is_finite() => serial_day(&x.to_string()),
        _ => None,
    };
    let expected = if let Some(instant) = epoch_instant(&text) {
        format!(
            "a string (an iso date or date-time; as epoch time, `{text}` is the instant \
             `{instant}`, whose day depends on the time zone)"
        )
    } else if let Some(date) = serial.or_else(|| count.and_then(|_| date())) {
        format!("a string (an iso date or date-time; did you mean `{date}`?)")
    } else {
        "a string (an iso date or date-time)".to_owned()
    };
    E::invalid_type(unexpected, &expected.as_str())
}
