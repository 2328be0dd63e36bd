//! The JSON form of an [`Error`]: `code`, the variant's fields, then `message`.

use super::Error;

/// `code`, the variant's fields, then `message`: one flat object.
impl serde::Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        /// The derived, internally tagged form: `code` and the fields.
        struct Fields<'a>(&'a Error);
        impl serde::Serialize for Fields<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                Error::serialize(self.0, serializer)
            }
        }
        #[derive(serde::Serialize)]
        struct WithMessage<'a> {
            #[serde(flatten)]
            fields: Fields<'a>,
            message: String,
        }
        WithMessage {
            fields: Fields(self),
            message: self.to_string(),
        }
        .serialize(serializer)
    }
}

/// A boxed error inside another, serialized as the error it holds.
#[allow(clippy::borrowed_box)] // serde's `serialize_with` passes a reference to the field
pub(super) fn serialize_boxed<S: serde::Serializer>(
    error: &Box<Error>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serde::Serialize::serialize(&**error, serializer)
}
