//! Structs read only from JSON objects. serde's derived `Deserialize` for a struct also
//! reads it from a JSON array, field by field in declaration order (`["o1", null, "dopt",
//! "us"]` as an officer), which the schema (each an object with `additionalProperties:
//! false`) and the documents' docs do not allow. Reading through [`Object`] gives the
//! derived visitor's list to none of its fields, so `serde_json` refuses `[`
//! (`invalid type: sequence, expected struct OfficerSpec`, which the crate's messages
//! give as `invalid type: a list, expected an officer object`).
//!
//! A wrapper at each type rather than at each reader: every document type and its parts
//! are read so, whoever reads them (the crate's readers, the JavaScript package, a caller
//! using `serde_json` directly). The derived readers stay the definition of each shape:
//! [`object_struct`] derives them for a mirror of a struct's fields, and the structs read
//! through a `from` type (`Evidence`, `RequirementSpec`, …) pass that type's reader
//! through [`object`]. O(1) per value read.

use std::fmt;

use serde::de::{Deserialize, Deserializer, Error, MapAccess, SeqAccess, Unexpected, Visitor};

/// A [`Deserializer`] that forwards everything to the one it holds, except that a struct's
/// visitor is not given a list: its fields are read by name only, never by position.
pub(crate) struct Object<D>(pub(crate) D);

/// Forwards each named `deserialize_*` method, with its arguments, to the inner reader.
macro_rules! forward {
    ($($method:ident($($arg:ident: $ty:ty),*)),* $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
            self.0.$method($($arg,)* visitor)
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Object<D> {
    type Error = D::Error;

    forward! {
        deserialize_any(), deserialize_bool(), deserialize_i8(), deserialize_i16(),
        deserialize_i32(), deserialize_i64(), deserialize_i128(), deserialize_u8(),
        deserialize_u16(), deserialize_u32(), deserialize_u64(), deserialize_u128(),
        deserialize_f32(), deserialize_f64(), deserialize_char(), deserialize_str(),
        deserialize_string(), deserialize_bytes(), deserialize_byte_buf(),
        deserialize_option(), deserialize_unit(),
        deserialize_unit_struct(name: &'static str),
        deserialize_newtype_struct(name: &'static str),
        deserialize_seq(), deserialize_tuple(len: usize),
        deserialize_tuple_struct(name: &'static str, len: usize),
        deserialize_map(),
        deserialize_enum(name: &'static str, variants: &'static [&'static str]),
        deserialize_identifier(), deserialize_ignored_any(),
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_struct(name, fields, NoList(visitor))
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

/// A struct's visitor without its reading of a list: a list is refused with the visitor's
/// own expectation (`struct OfficerSpec`), after `serde_json` has read its `[`, so the
/// error stands at the list as the other errors of a value of the wrong type do.
struct NoList<V>(V);

impl<'de, V: Visitor<'de>> Visitor<'de> for NoList<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.0.visit_map(map)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<V::Value, A::Error> {
        Err(A::Error::invalid_type(Unexpected::Seq, &self))
    }
}

/// `T` read from an object only (see [`Object`]).
pub(crate) fn object<'de, T, D>(deserializer: D) -> Result<T, D::Error>
where
    T: Deserialize<'de>,
    D: Deserializer<'de>,
{
    T::deserialize(Object(deserializer))
}

/// Declares a struct read from a JSON object only: the struct as written (its derives
/// without `Deserialize`, its `#[serde(...)]` container attributes after them), and a
/// `Deserialize` reading it through [`Object`]: serde's derived reading of a mirror of the
/// struct (of the same name, so messages name it), moved into the struct. Each field keeps
/// its `#[serde(...)]` attributes and documentation in one place.
macro_rules! object_struct {
    (
        $(#[doc = $doc:literal])*
        #[derive($($derive:ident),* $(,)?)]
        #[serde($($container:tt)*)]
        pub struct $name:ident {
            $(
                $(#[$attr:meta])*
                pub $field:ident: $ty:ty,
            )*
        }
    ) => {
        $(#[doc = $doc])*
        #[derive($($derive),*)]
        #[serde($($container)*)]
        pub struct $name {
            $(
                $(#[$attr])*
                pub $field: $ty,
            )*
        }

        const _: () = {
            // The mirror; `self::` names the struct above.
            #[derive(serde::Deserialize)]
            #[serde($($container)*)]
            struct $name {
                $(
                    $(#[$attr])*
                    $field: $ty,
                )*
            }

            /// Read from a JSON object only, never field by field from a list.
            impl<'de> serde::Deserialize<'de> for self::$name {
                fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                    let read = <$name as serde::Deserialize>::deserialize(
                        crate::model::object::Object(d),
                    )?;
                    Ok(self::$name {
                        $($field: read.$field,)*
                    })
                }
            }
        };
    };
}
pub(crate) use object_struct;
