//! How HR systems spell a passbook entry's verified flag, and the marks of a missing
//! value (`model::missing`): read alike from CSV cells (`evidence.csv`) and from JSON strings (an officers
//! document converted from such a file), so a value one reader accepts the other accepts
//! too. The source's spellings are beside [`EvidenceSource`](crate::EvidenceSource)'s
//! reading.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, Visitor};

pub(crate) use crate::model::missing::is_missing;

/// A verified flag: empty is `true` (as in JSON), and `true`/`false`, `yes`/`no`, `y`/`n`
/// or `1`/`0` in any case. (A mark of a missing value, `N/A`, is read as `false` before
/// this, by each reader.)
pub(crate) fn yes_no(text: &str) -> Option<bool> {
    // As an export writes it, most of the time.
    match text {
        "true" => return Some(true),
        "false" => return Some(false),
        _ => {}
    }
    let is = |words: [&str; 4]| words.iter().any(|w| w.eq_ignore_ascii_case(text));
    if text.is_empty() || is(["true", "yes", "y", "1"]) {
        Some(true)
    } else if is(["false", "no", "n", "0"]) {
        Some(false)
    } else {
        None
    }
}

/// A passbook entry's verified flag as a JSON document holds it: `true` or `false`; `null`
/// (or absent, through the field's default) is `true`; a string is read as a CSV cell is
/// (`"true"`, `"Yes"`, `"n"`, `"1"` in any case, surrounding spaces ignored; `""` is
/// `true` and a mark of a missing value such as `"N/A"` is `false`, a verification not
/// available being none). Anything else, a number included, is refused, saying what the
/// flag takes.
pub(crate) struct Verified(pub(crate) bool);

/// What a verified flag takes, for messages.
const VERIFIED: &str = "a verified flag: `true` or `false` (or the text yes/no, y/n, 1/0), or null";

impl<'de> Deserialize<'de> for Verified {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Verified, D::Error> {
        deserializer.deserialize_any(VerifiedVisitor)
    }
}

struct VerifiedVisitor;

impl<'de> Visitor<'de> for VerifiedVisitor {
    type Value = Verified;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(VERIFIED)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Verified, E> {
        Ok(Verified(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Verified, E> {
        Ok(Verified(true))
    }

    fn visit_none<E: de::Error>(self) -> Result<Verified, E> {
        Ok(Verified(true))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Verified, E> {
        let text = v.trim();
        if is_missing(text) {
            return Ok(Verified(false));
        }
        yes_no(text).map(Verified).ok_or_else(|| {
            E::custom(format_args!(
                "invalid verified flag {}, expected {}",
                crate::model::quote::quoted(v),
                &VERIFIED["a verified flag: ".len()..]
            ))
        })
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        crate::model::object::refuse_list(seq, &self)
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        crate::model::object::refuse_object(map, &self)
    }
}

#[cfg(test)]
mod tests {
    use super::yes_no;

    #[test]
    fn verified_flags_in_any_case() {
        for (text, expected) in [
            ("", Some(true)),
            ("true", Some(true)),
            ("TRUE", Some(true)),
            ("Yes", Some(true)),
            ("y", Some(true)),
            ("1", Some(true)),
            ("false", Some(false)),
            ("False", Some(false)),
            ("NO", Some(false)),
            ("n", Some(false)),
            ("0", Some(false)),
            ("truth", None),
            ("2", None),
        ] {
            assert_eq!(yes_no(text), expected, "{text:?}");
        }
    }
}
