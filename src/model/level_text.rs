//! A `level` written as text with a name beside its number (`"3 - Advanced"`), read with
//! the name kept and written back with it, for a passbook entry, a requirement, a course
//! outcome, a group rule and a level descriptor: the name is checked against the competency's own level names
//! (`model::level_name`) once the competency is known.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, Unexpected, Visitor};

use crate::model::level::{
    Written, name_alone, name_then_number_any_length, number_like, numbered_name_any_length,
    whole_text,
};
use crate::model::missing::{NotMissing, is_missing};
use crate::model::roman::roman;
use crate::model::whole::Whole;

/// Starts writing struct `name` of `len` fields with fields `competency` and `level`: the
/// number, or the number and the name kept beside it (`"3 - Advanced"`), which [`Named`]
/// reads back as the same two (`numbered_name`).
pub(crate) fn competency_at_level<S: serde::Serializer>(
    serializer: S,
    (name, len): (&'static str, usize),
    competency: &crate::CompetencyId,
    (level, level_name): (u8, Option<&str>),
) -> Result<S::SerializeStruct, S::Error> {
    use serde::ser::SerializeStruct;
    let mut s = serializer.serialize_struct(name, len)?;
    s.serialize_field("competency", competency)?;
    match level_name {
        // Given by name only, not yet read by the competency's names: the name alone,
        // which reads back the same.
        Some(named) if level == BY_NAME => s.serialize_field("level", named)?,
        Some(named) => s.serialize_field("level", &numbered_text(level, named, true))?,
        None => s.serialize_field("level", &level)?,
    }
    Ok(s)
}

/// A level's number with a name beside it as text that [`Named`] reads back as the two
/// (`keep` as the field's reader has it), the name trimmed: `"3 - Advanced"`; or, where
/// that reads as something else, `"3 (Foundation 2)"`: a name followed by a number
/// (`Foundation 2`, `Level 3`) after a number and a dash is a name followed by a number
/// as a whole, which a requirement's reader keeps whole and a descriptor's splits at the
/// last number, while in brackets it is the name beside the first; and a name starting
/// with what may stand between a number and a name (`(Senior)`, `- Works alone`) is
/// read exactly in brackets (`"3 ((Senior))"`, `"3 (- Works alone)"`: the readers keep
/// what stands inside the bracket opened after the number). A name of any length reads
/// back (`numbered_name_any_length`), and so does a name with no letter (`3.25`, `***`,
/// `IV`'s digits `4`), in brackets only (`"3 (3.25)"`). Neither reads back when the name
/// is blank or the number is above every scale's 5; the first form is then written, and
/// the writers' `try_to_json` reports it. O(`NUMBERED_NAME_MAX` × length of the name), as
/// [`Named`] reads.
pub(crate) fn numbered_text(level: u8, named: &str, keep: bool) -> String {
    let reads_back = |text: &str| {
        // `serde_json`'s error type, as in `read_back::meaning`: one compiled reader.
        let d = serde::de::value::StrDeserializer::<serde_json::Error>::new(text);
        let read = read_named(d, false, keep).ok();
        read.is_some_and(|(n, name)| n == level && name.as_deref() == Some(named.trim()))
    };
    let dashed = format!("{level} - {named}");
    if reads_back(&dashed) {
        return dashed;
    }
    let bracketed = format!("{level} ({named})");
    if reads_back(&bracketed) {
        return bracketed;
    }
    dashed
}

/// A `level` as [`Written`] reads it, with the name written beside the number kept: a level written as its number and a name (`"3 - Advanced"`, `"Advanced
/// (3)"`, see `numbered_name`) gives the number and the name, whichever name it is, for
/// the name to be checked against the competency's own name of that level once the
/// competency is known: where a passbook meets a framework, and where a framework's
/// requirements meet its competencies (both are read before). Anything else reads as
/// [`Written`] reads it, with no name. The name is borrowed from the text unless the string
/// holds escapes. O(length).
///
/// With `alone` set (a passbook entry's level), a level's name alone (`"Proficient"`,
/// `"Works alone"`: text with a letter that reads as no number, as the officers CSV
/// reader takes a level cell for a name) gives [`BY_NAME`] and the name, trimmed, for
/// the name to be read by the competency's own names where the passbook meets a
/// framework; without it such text is refused as [`Written`] refuses it. So is a name
/// followed by a number (`"Foundation 2"`, `"Band 1"`), which may be a competency's own
/// name of a level: where the competency has no level of that name, it is the number with
/// the name beside it (`people::resolve::as_read_back`); and so is a Roman numeral
/// (`"III"`, `"Level III"`), the name of a level of a competency that names its levels
/// so, else the level of its value (`model::level_name::named_level`). A mark of a
/// missing value (`"N/A"`, `"-"`, see `model::missing`) is then refused as the officers
/// CSV reader refuses it in a `level` cell, never kept as a name.
#[derive(Clone, Copy)]
pub(crate) struct Named {
    pub(crate) whole: Whole,
    pub(crate) alone: bool,
    /// Whether a name followed by a number (`"Foundation 2"`) is kept whole as
    /// [`BY_NAME`], for a level whose competency's names are read later (a passbook
    /// entry's, a requirement's, a course outcome's, a group rule's); a level descriptor,
    /// which names its level itself, splits it.
    pub(crate) keep: bool,
}

/// The level a passbook entry holds when it is written as a name alone, the name in the
/// entry's `level_name` ([`crate::Evidence::LEVEL_BY_NAME`]): above every level a number
/// beside a name can give (at most 5), so the pair is unambiguous.
pub(crate) const BY_NAME: u8 = u8::MAX;

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
        if self.alone && is_missing(t) {
            return Some(Err(E::invalid_value(Unexpected::Str(text), &NotMissing)));
        }
        if whole_text(t).is_some() || number_like(t) {
            return None;
        }
        // A name then a number (`Foundation 2`) may be a competency's own name of a
        // level: kept whole, as the CSV reader reads it, for the competency to say.
        // So may a Roman numeral (`III`, `Level III`): a competency's name, else its value.
        let kept = name_then_number_any_length(t) || roman(t).is_some();
        // A long name beside a number is that number and name, as a short one is.
        let alone = self.alone && name_alone(t) && numbered_name_any_length(t).is_none();
        // Text with no letter is a number with a name only in brackets after it (`3
        // (3.25)`, as `numbered_name` reads it), never a name alone or kept whole.
        if t.contains(char::is_alphabetic) && (alone || (self.keep && kept)) {
            return Some(Ok((u64::from(BY_NAME), t)));
        }
        // Of any length: the writers write a long name beside its number so
        // (`numbered_text`), and text too long for `numbered_name` is refused otherwise.
        let (n, name) = numbered_name_any_length(t)?;
        Some(
            self.whole
                .visit_u64(u64::from(n))
                .map(|n| (n, name))
                .map_err(|_: E| E::invalid_value(Unexpected::Str(text), &Written(self.whole))),
        )
    }
}

impl<'de> Visitor<'de> for Named {
    type Value = (u64, Option<Cow<'de, str>>);
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Written(self.whole).expecting(f)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Written(self.whole).visit_u64(v).map(|n| (n, None))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Written(self.whole).visit_i64(v).map(|n| (n, None))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Written(self.whole).visit_f64(v).map(|n| (n, None))
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        match self.numbered(v) {
            Some(read) => read.map(|(n, name)| (n, Some(Cow::Borrowed(name)))),
            None => Written(self.whole).visit_str(v).map(|n| (n, None)),
        }
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        match self.numbered(v) {
            Some(read) => read.map(|(n, name)| (n, Some(Cow::Owned(name.to_owned())))),
            None => Written(self.whole).visit_str(v).map(|n| (n, None)),
        }
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        crate::model::object::refuse_list(seq, &self)
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        crate::model::object::refuse_object(map, &self)
    }
}

/// A level descriptor's `level` with the name written beside its number ([`Named`]),
/// owned: a name followed by a number is split. O(length).
pub(crate) fn named_written_level<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<(u8, Option<String>), D::Error> {
    read_named(d, false, false)
}

/// A requirement's or group rule's `level`: as [`named_written_level`], and a name
/// followed by a number (`"Foundation 2"`) kept whole as [`BY_NAME`] with the name, for
/// the framework to read by the competency's own names (`model::validate`). O(length).
pub(crate) fn required_level<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<(u8, Option<String>), D::Error> {
    read_named(d, false, true)
}

/// A passbook entry's `level`: as [`named_written_level`], and a level's name alone
/// ([`Named`] with `alone`) as [`BY_NAME`] with the name. O(length).
pub(crate) fn passbook_level<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<(u8, Option<String>), D::Error> {
    read_named(d, true, true)
}

/// A `level` read by [`Named`], owned.
fn read_named<'de, D: Deserializer<'de>>(
    d: D,
    alone: bool,
    keep: bool,
) -> Result<(u8, Option<String>), D::Error> {
    let whole = Whole::byte("level");
    // Within 0 to 255: `Whole::byte` read it.
    Named { whole, alone, keep }
        .deserialize(d)
        .map(|(n, name)| (n as u8, name.map(Cow::into_owned)))
}

/// A course outcome's optional `level`, read as [`required_level`] reads a requirement's:
/// absent or `null` is none. O(length).
pub(crate) fn optional_named_written_level<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<(u8, Option<String>)>, D::Error> {
    <Option<NamedLevel> as serde::Deserialize>::deserialize(d)
        .map(|level| level.map(|l| (l.0, l.1)))
}

/// A level read by [`required_level`], for `Option`'s reader.
struct NamedLevel(u8, Option<String>);

impl<'de> serde::Deserialize<'de> for NamedLevel {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        required_level(d).map(|(n, name)| NamedLevel(n, name))
    }
}

#[cfg(test)]
mod tests {
    use crate::model::level::{
        NUMBERED_NAME_MAX, name_then_number, name_then_number_any_length, numbered_name,
        numbered_name_any_length,
    };

    #[test]
    fn long_names_split_as_short_ones_where_the_number_is_near_an_end() {
        let long = "Drafts notes, letters and orders on any case of the section, reviews those \
                    of others and answers for them to the Joint Secretary";
        assert!(long.len() > NUMBERED_NAME_MAX);
        let first = format!("3 - {long}");
        assert_eq!(numbered_name(&first), None);
        assert_eq!(numbered_name_any_length(&first), Some((3, long)));
        let last = format!("{long} (Level 4)");
        assert_eq!(numbered_name_any_length(&last), Some((4, long)));
        let kept = format!("{long}: Band 2");
        assert!(!name_then_number(&kept) && name_then_number_any_length(&kept));
        // The same split as `numbered_name`'s on the text it splits.
        for short in [
            "3 - Advanced",
            "Advanced (3)",
            "3 (Foundation 2)",
            "L3 Works alone",
        ] {
            assert_eq!(
                numbered_name_any_length(short),
                numbered_name(short),
                "{short}"
            );
        }
        // A number further than `NUMBERED_NAME_MAX` bytes from both ends is no level's.
        assert_eq!(numbered_name_any_length(&format!("{long} 3 {long}")), None);
    }
}
