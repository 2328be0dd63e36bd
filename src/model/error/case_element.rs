//! The kinds of element of a CASE package, which CASE errors name.

use std::fmt;

use serde::Serialize;

/// The kinds of CASE element, for reports and errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum CaseElement {
    /// The `CFPackage` itself.
    Package,
    /// A `CFDocument`.
    Document,
    /// A `CFItem`.
    Item,
    /// A `CFAssociation`.
    Association,
    /// A `CFRubric`.
    Rubric,
    /// A `CFRubricCriterion`.
    Criterion,
    /// A `CFRubricCriterionLevel`.
    Level,
}

impl fmt::Display for CaseElement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Package => "CFPackage",
            Self::Document => "CFDocument",
            Self::Item => "CFItem",
            Self::Association => "CFAssociation",
            Self::Rubric => "CFRubric",
            Self::Criterion => "CFRubricCriterion",
            Self::Level => "CFRubricCriterionLevel",
        })
    }
}

/// The two CASE items of an [`Error::CaseDuplicateId`](crate::Error::CaseDuplicateId):
/// the later item and the earlier one that got the id first. Its fields are serialized
/// inside the error, beside the error's own.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct CaseIdItems {
    /// The later item's CASE identifier, as written.
    pub identifier: String,
    /// Where the later item is, e.g. `CFItems[1]`.
    pub path: String,
    /// The field the later item's id came from: `identifier` or `humanCodingScheme`.
    pub field: &'static str,
    /// The earlier item's CASE identifier, as written.
    pub earlier: String,
    /// Where the earlier item is, written as `path`.
    pub earlier_path: String,
    /// The field the earlier item's id came from, written as `field`.
    pub earlier_field: &'static str,
}
