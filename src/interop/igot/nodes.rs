//! The fields of a FRAC node the loader reads, by node type, and those it reads alike on
//! every node: its review state, a position's department.

use serde_json::{Map, Value};

use super::json::{Text, optional_text, text};
use super::report::IgotWhat;
use crate::DepartmentId;

/// The fields read of each node type: others are counted as ignored, a position's, role's
/// or activity's `description` among them, which the model has no place for.
pub(super) const POSITION: &[&str] = &["type", "id", "name", "status", "department", "children"];
pub(super) const STRUCTURE: &[&str] = &["type", "id", "name", "status", "children"];
pub(super) const COMPETENCY: &[&str] = &[
    "type",
    "id",
    "name",
    "description",
    "status",
    "level",
    "additionalProperties",
    "children",
];
/// A level node is known by its `level`; its `id` (`CLID33`) names it and is not kept.
pub(super) const LEVEL: &[&str] = &["type", "id", "name", "description", "status", "level"];

/// The fields read of a node of type `kind` (upper-cased).
pub(super) fn known(kind: &str) -> &'static [&'static str] {
    match kind {
        "POSITION" => POSITION,
        "COMPETENCY" => COMPETENCY,
        _ => STRUCTURE,
    }
}

/// A node's review state as written, and whether it is VERIFIED.
pub(super) fn status(node: &Map<String, Value>) -> (String, bool) {
    let s = optional_text(node, "status")
        .unwrap_or("")
        .trim()
        .to_owned();
    let verified = s.eq_ignore_ascii_case("verified");
    (s, verified)
}

/// The department of position `node`: its own (a string, not blank), else `default`.
/// `Err` when it holds a value of another type and there is no default, so that a
/// position whose department is a number is set aside for that, not for having none
/// (igot/21). O(length).
pub(super) fn department(
    node: &Map<String, Value>,
    default: Option<&DepartmentId>,
) -> Result<Option<DepartmentId>, IgotWhat> {
    match text(node, "department") {
        Text::Str(d) if !d.trim().is_empty() => Ok(Some(DepartmentId::from(d))),
        Text::Other(_) if default.is_none() => {
            Err(department_note(node).unwrap_or(IgotWhat::NoDepartment))
        }
        _ => Ok(default.cloned()),
    }
}

/// The note of a department of another type than text, kept aside for the default.
pub(super) fn department_note(node: &Map<String, Value>) -> Option<IgotWhat> {
    match text(node, "department") {
        Text::Other(found) => Some(IgotWhat::WrongType {
            field: "department",
            found,
            expected: "a string",
        }),
        _ => None,
    }
}
