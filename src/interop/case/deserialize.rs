//! Serde's entry points into the tolerant reader of `read`: every package type
//! deserializes through it, and [`CasePackage::from_json`] reads a whole package.

use serde::{Deserialize, Deserializer};

use super::envelope::{PackageVisitor, parse};
use super::read::{
    LinkVisitor, ObjectVisitor, association, criterion, document, item, level, rubric,
};
use crate::Error;
use crate::interop::case::package::{
    CaseAssociation, CaseCriterion, CaseCriterionLevel, CaseDocument, CaseItem, CaseLink,
    CasePackage, CaseRubric,
};
use crate::model::document_kind::DocumentKind;
use crate::model::kind_of::other_kind_error;

/// Reading goes through one tolerant reader (`interop::case::read`), whatever the format:
/// each element is read as a JSON object whose keys must not repeat, then its fields are
/// taken by type.
macro_rules! tolerant_deserialize {
    ($($type:ident => $read:ident, $what:literal;)*) => {$(
        impl<'de> Deserialize<'de> for $type {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let object = deserializer.deserialize_map(ObjectVisitor($what))?;
                Ok($read(object))
            }
        }
    )*};
}

impl<'de> Deserialize<'de> for CasePackage {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(PackageVisitor)
    }
}

tolerant_deserialize! {
    CaseDocument => document, "a CASE CFDocument object";
    CaseItem => item, "a CASE CFItem object";
    CaseAssociation => association, "a CASE CFAssociation object";
    CaseRubric => rubric, "a CASE CFRubric object";
    CaseCriterion => criterion, "a CASE CFRubricCriterion object";
    CaseCriterionLevel => level, "a CASE CFRubricCriterionLevel object";
}

impl<'de> Deserialize<'de> for CaseLink {
    /// A link object, or a plain URI string as CASE 1.0 writes node links.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(LinkVisitor)
    }
}

impl CasePackage {
    /// Reads a package from CASE JSON, without checking what it means.
    ///
    /// Tolerant as the type's docs say: a `{"CFPackage": …}` wrapper is removed, a
    /// package encoded twice (a JSON string holding its JSON text) is read from that text,
    /// `null` reads as absent, a string node link as a link with a `uri`, and values of an
    /// unexpected type are kept in `extra`, numbers beyond a double's range (`1e400`, an
    /// integer of 400 digits) included: kept as they were written, and written back so
    /// by [`CasePackage::to_json`]. A text starting with U+FDD0 (which marks such a number
    /// in the package types' serde form) is the text it is, here and written back.
    ///
    /// # Complexity
    /// O(n) time in the length n of the text, and O(n) memory for the package.
    ///
    /// # Errors
    /// [`Error::Json`], with its position, for malformed JSON, a key repeated in one object
    /// or both inside and beside a `{"CFPackage": …}` wrapper, a document that is not a
    /// JSON object (nor a string holding one's JSON text), or an object holding none of
    /// CASE's package keys, the empty object `{}` among them (case/74; an empty package
    /// is written, and read, as `{"CFItems": [], "CFAssociations": []}`);
    /// [`Error::DocumentOfAnotherKind`] instead for a document of another kind (a
    /// framework or officers document, an iGOT export; see
    /// [`DocumentKind::of_json`](crate::DocumentKind::of_json)), parsed again to tell.
    pub fn from_json(json: &str) -> Result<CasePackage, Error> {
        let json = crate::model::json::without_bom(json);
        parse(json).map_err(|(text, e)| {
            // A framework, officers or iGOT document is named as such (case/77 to case/79).
            other_kind_error(json, DocumentKind::CasePackage, "a CASE package")
                .unwrap_or_else(|| crate::model::json::json_error(&text, &e))
        })
    }
}
