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
