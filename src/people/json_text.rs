//! Strings of an officers document as its readers take them: borrowed from the text
//! unless they hold escapes, and an evidence date's text, whose reader refuses a number
//! naming the instant an epoch count stands for. Shared by the derived reader of
//! [`Evidence`](crate::Evidence) and the one-pass reader of `cohort_json`.

use std::borrow::Cow;
use std::fmt;

use serde::de::Visitor;

use crate::model::epoch::number_as_date;

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
