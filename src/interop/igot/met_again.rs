//! What a FRAC node met again (a competency under another role, a position listed twice)
//! says otherwise than the node kept: the fields the loader keeps, compared where the
//! node gives them, so that nothing is merged in silence.

use serde_json::{Map, Value};

use super::json::optional_text;
use super::kcm::area_type;
use crate::{CompetencySpec, LevelDescriptor, PositionSpec};

/// `text` when it shows something: a field left out or left blank says nothing.
fn given(text: Option<&str>) -> Option<&str> {
    text.filter(|t| !t.trim().is_empty())
}

/// The fields of competency `node` (named `name`, its `description` and area as the loader
/// read them) that differ from `have`, the competency first read under its id, in the order the report gives them: `levels` when one of
/// `levels`, the node's level descriptors as [`level_nodes`](super::levels::level_nodes)
/// read them, is not among `have`'s with that name and description.
/// O(length of the texts + level nodes × levels).
pub(super) fn competency_conflicts(
    have: &CompetencySpec,
    (name, description, area): (&str, Option<&str>, Option<&str>),
    node: &Map<String, Value>,
    levels: &[LevelDescriptor],
) -> Vec<&'static str> {
    let props = node.get("additionalProperties").and_then(Value::as_object);
    let kind = given(props.and_then(|p| optional_text(p, "competencyType"))).map(area_type);
    let area = given(area);
    let description = given(description);
    // A level the node gives that the kept competency does not describe so.
    let level_differs = levels.iter().any(|l| !have.levels.contains(l));
    [
        ("name", have.name != name),
        ("competencyType", kind.is_some_and(|k| k != Some(have.kind))),
        (
            "description",
            description.is_some_and(|d| d != have.description),
        ),
        (
            "competencyArea",
            area.is_some_and(|a| have.area.as_deref() != Some(a)),
        ),
        ("levels", level_differs),
    ]
    .into_iter()
    .filter_map(|(field, differs)| differs.then_some(field))
    .collect()
}

/// The fields of position `node` (named `name`) that differ from `have`, the position first
/// read under its id: its name, and its own department (the default given for a node
/// without one says nothing).
pub(super) fn position_conflicts(
    have: &PositionSpec,
    name: &str,
    node: &Map<String, Value>,
) -> Vec<&'static str> {
    let department = given(optional_text(node, "department"));
    [
        ("name", have.name != name),
        (
            "department",
            department.is_some_and(|d| have.department.as_str() != d),
        ),
    ]
    .into_iter()
    .filter_map(|(field, differs)| differs.then_some(field))
    .collect()
}
