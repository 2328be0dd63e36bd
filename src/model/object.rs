//! Structs read only from JSON objects. serde's derived `Deserialize` for a struct also
//! reads it from a JSON array, field by field in declaration order (`["o1", null, "dopt",
//! "us"]` as an officer), which the schema (each an object with `additionalProperties:
//! false`) and the documents' docs do not allow. Reading through [`Object`] asks for a
//! map, so `serde_json` refuses a `[` on seeing it, before reading any of the list
//! (`invalid type: sequence, expected struct OfficerSpec`, which the crate's messages
//! give as `invalid type: a list, expected an officer object`), as it refuses a list
//! where a string or a number belongs. It reports that error on the byte before the `[`;
//! [`problem_at`](crate::model::json_path::problem_at) moves it onto the `[`, so that a
//! list after a comma is not taken for the element before it.
//!
//! A wrapper at each type rather than at each reader: every document type and its parts
//! are read so, whoever reads them (the crate's readers, the JavaScript package, a caller
//! using `serde_json` directly). The derived readers stay the definition of each shape:
//! [`object_struct`] derives them for a mirror of a struct's fields, and the structs read
//! through a `from` type (`Evidence`, `RequirementSpec`, …) pass that type's reader
//! through [`object`]. O(1) per value read.

use std::fmt;

use serde::de::{
    Deserialize, Deserializer, Error, Expected, IgnoredAny, MapAccess, SeqAccess, Unexpected,
    Visitor,
};

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
        // As a map: `serde_json` then refuses a list on seeing its `[`, before any of it
        // is read, and no visitor of ours is shown it. Its name and fields are for a
        // format that writes structs otherwise, which these documents are not.
        let _ = (name, fields);
        self.0.deserialize_map(NoList(visitor))
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

/// A struct's visitor without its reading of a list, for a reader whose map may yet show
/// it one (`serde_json`'s does not: it refuses the `[` first): the list is refused with
/// the visitor's own expectation (`struct OfficerSpec`), as [`refuse_list`] refuses it.
struct NoList<V>(V);

impl<'de, V: Visitor<'de>> Visitor<'de> for NoList<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.0.visit_map(map)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        refuse_list(seq, &self)
    }
}

/// Refuses a list where a value of another type (`expected`) belongs, for a visitor that
/// is shown the list only once `serde_json` has read its `[`: one of a reader that takes
/// values of several types (`deserialize_any`). The list is first read to its `]`, each
/// element skipped (in a loop, not by recursion, however deep it nests), so that the
/// error stands at the list's last byte, as a number's or a string's does, and is placed
/// at the list's path rather than at its first element's
/// ([`Stop::WrongType`](crate::model::json_path::Stop::WrongType)). O(length of the list).
pub(crate) fn refuse_list<'de, A: SeqAccess<'de>, T>(
    mut seq: A,
    expected: &dyn Expected,
) -> Result<T, A::Error> {
    while seq.next_element::<IgnoredAny>()?.is_some() {}
    Err(A::Error::invalid_type(Unexpected::Seq, expected))
}

/// [`refuse_list`] for an object: read to its `}`, then refused, so that the error stands
/// at the object's path and the object's own `id` is not taken for its entity's.
pub(crate) fn refuse_object<'de, A: MapAccess<'de>, T>(
    mut map: A,
    expected: &dyn Expected,
) -> Result<T, A::Error> {
    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Err(A::Error::invalid_type(Unexpected::Map, expected))
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
