//! Strings of an officers document as its readers take them: borrowed from the text
//! unless they hold escapes, and an evidence date's text, whose reader refuses a number
//! naming the instant an epoch count stands for. Shared by the derived reader of
//! [`Evidence`](crate::Evidence) and the one-pass reader of `cohort_json`; and a passbook
//! entry's level with the name written beside its number ([`Named`]).

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, Unexpected, Visitor};

use crate::model::epoch::number_as_date;
use crate::model::level::{Written, number_like, numbered_name, whole_text};
use crate::model::whole::Whole;

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

/// A passbook entry's `level` as [`Written`] reads it, with the name written beside the
/// number kept: a level written as its number and a name (`"3 - Advanced"`, `"Advanced
/// (3)"`, see `numbered_name`) gives the number and the name, whichever name it is, for
/// the name to be checked against the competency's own name of that level where the
/// passbook meets a framework (a passbook is read before). Anything else reads as
/// [`Written`] reads it, with no name. The name is borrowed from the text unless the string
/// holds escapes. O(length).
#[derive(Clone, Copy)]
pub(crate) struct Named(pub(crate) Whole);

impl<'de> DeserializeSeed<'de> for Named {
    type Value = (u64, Option<Cow<'de, str>>);
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl Named {
    /// The number and name of a level written as both, when `text` is so written and the
    /// number is within the field's range.
    fn numbered<E: de::Error>(self, text: &str) -> Option<Result<(u64, &str), E>> {
        let t = text.trim();
        if whole_text(t).is_some() || !t.contains(char::is_alphabetic) || number_like(t) {
            return None;
        }
        let (n, name) = numbered_name(t)?;
        Some(
            self.0
                .visit_u64(u64::from(n))
                .map(|n| (n, name))
                .map_err(|_: E| E::invalid_value(Unexpected::Str(text), &Written(self.0))),
        )
    }
}

impl<'de> Visitor<'de> for Named {
    type Value = (u64, Option<Cow<'de, str>>);
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Written(self.0).expecting(f)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Written(self.0).visit_u64(v).map(|n| (n, None))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Written(self.0).visit_i64(v).map(|n| (n, None))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Written(self.0).visit_f64(v).map(|n| (n, None))
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        match self.numbered(v) {
            Some(read) => read.map(|(n, name)| (n, Some(Cow::Borrowed(name)))),
            None => Written(self.0).visit_str(v).map(|n| (n, None)),
        }
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        match self.numbered(v) {
            Some(read) => read.map(|(n, name)| (n, Some(Cow::Owned(name.to_owned())))),
            None => Written(self.0).visit_str(v).map(|n| (n, None)),
        }
    }
}

/// A passbook entry's `level` with the name written beside its number ([`Named`]), owned.
/// O(length).
pub(crate) fn named_written_level<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<(u8, Option<String>), D::Error> {
    // Within 0 to 255: `Whole::byte` read it.
    Named(Whole::byte("level"))
        .deserialize(d)
        .map(|(n, name)| (n as u8, name.map(Cow::into_owned)))
}
