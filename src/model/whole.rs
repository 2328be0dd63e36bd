//! Whole numbers as JSON writers emit them: `2`, `2.0` and `2e0` are the same number, and
//! the interchange schema's `"type": "integer"` (JSON Schema 2020-12) accepts each. pandas,
//! Python's `json` on a float column and JavaScript's `JSON.stringify` after arithmetic
//! write the second form, so every integer field of the documents reads all three. A
//! fractional value (`2.5`), a negative one or one above the field's range is refused
//! with a message naming the field.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, Unexpected, Visitor};

/// Reads a whole number from 0 to `max` for the field named `field`, written as an
/// integer or as a number with no fractional part. O(1).
#[derive(Clone, Copy)]
pub(crate) struct Whole {
    /// The field's name, as the error names it.
    pub(crate) field: &'static str,
    /// The largest value the field holds.
    pub(crate) max: u64,
}

impl Whole {
    /// A field holding 0 to 255.
    pub(crate) const fn byte(field: &'static str) -> Whole {
        Whole {
            field,
            max: u8::MAX as u64,
        }
    }

    /// A field holding 0 to 4294967295.
    pub(crate) const fn word(field: &'static str) -> Whole {
        Whole {
            field,
            max: u32::MAX as u64,
        }
    }
}

impl<'de> DeserializeSeed<'de> for Whole {
    type Value = u64;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<u64, D::Error> {
        d.deserialize_u64(self)
    }
}

impl Visitor<'_> for Whole {
    type Value = u64;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "a whole number from 0 to {} for `{}`",
            self.max, self.field
        )
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<u64, E> {
        if v <= self.max {
            Ok(v)
        } else {
            Err(E::invalid_value(Unexpected::Unsigned(v), &self))
        }
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<u64, E> {
        match u64::try_from(v) {
            Ok(v) => self.visit_u64(v),
            Err(_) => Err(E::invalid_value(Unexpected::Signed(v), &self)),
        }
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<u64, E> {
        // `max + 1` rounds to 2^64 for `u64::MAX`, so the bound stays exclusive and exact.
        #[allow(clippy::cast_precision_loss)]
        let above = self.max as f64 + 1.0;
        if v.fract() == 0.0 && v >= 0.0 && v < above {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            Ok(v as u64)
        } else {
            Err(E::invalid_value(Unexpected::Float(v), &self))
        }
    }
}

/// An optional whole number: `null` is absent.
struct Optional(Whole);

impl<'de> Visitor<'de> for Optional {
    type Value = Option<u64>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)?;
        f.write_str(" or null")
    }
    fn visit_none<E: de::Error>(self) -> Result<Option<u64>, E> {
        Ok(None)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Option<u64>, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<u64>, D::Error> {
        self.0.deserialize(d).map(Some)
    }
}

/// Reads `field` as an optional whole number from 0 to `max`.
pub(crate) fn optional<'de, D: Deserializer<'de>>(
    d: D,
    whole: Whole,
) -> Result<Option<u64>, D::Error> {
    d.deserialize_option(Optional(whole))
}

// The readers `#[serde(deserialize_with)]` names, one per field name and width. Each
// value is within its type's range, so the casts keep it.

/// An optional `at_least`: 0 to 4294967295.
pub(crate) fn at_least<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    Ok(optional(d, Whole::word("at_least"))?.map(|v| v as u32))
}

/// `format_version`: 0 to 4294967295 (which of them this crate reads is checked apart).
pub(crate) fn format_version<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    Whole::word("format_version")
        .deserialize(d)
        .map(|v| v as u32)
}

/// `format_version` as the version probe reads it: any whole number, so one this crate
/// does not read is reported as such.
pub(crate) fn probe_version<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    optional(
        d,
        Whole {
            field: "format_version",
            max: u64::MAX,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::Whole;
    use serde::de::DeserializeSeed;

    fn read(text: &str, whole: Whole) -> Result<u64, String> {
        let mut d = serde_json::Deserializer::from_str(text);
        whole.deserialize(&mut d).map_err(|e| e.to_string())
    }

    #[test]
    fn whole_values_read_in_any_spelling_and_others_are_named() {
        let byte = Whole::byte("level");
        for (text, value) in [
            ("3", 3),
            ("3.0", 3),
            ("3e0", 3),
            ("0.3e1", 3),
            ("255.0", 255),
        ] {
            assert_eq!(read(text, byte), Ok(value), "{text}");
        }
        for text in ["3.5", "256", "256.0", "-1", "-1.0", "1e300", "\"3\""] {
            let message = read(text, byte).unwrap_err();
            assert!(
                message.contains("a whole number from 0 to 255 for `level`"),
                "{text}: {message}"
            );
        }
        let any = Whole {
            field: "format_version",
            max: u64::MAX,
        };
        assert_eq!(read("18446744073709551615", any), Ok(u64::MAX));
        // 2^64 as a float: one above the range, not rounded down into it.
        assert!(read("18446744073709551616.0", any).is_err());
        assert_eq!(read("9007199254740992.0", any), Ok(1 << 53));
    }
}
