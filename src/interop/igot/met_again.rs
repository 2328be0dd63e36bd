//! What a FRAC node met again (a competency under another role, a position listed twice)
//! says otherwise than the node kept: the fields the loader keeps, compared where the
//! node gives them, so that nothing is merged in silence.

use serde_json::{Map, Value};

use super::json::{level, optional_text};
use super::kcm::area_type;
use crate::{CompetencySpec, PositionSpec};

/// `text` when it shows something: a field left out or left blank says nothing.
fn given(text: Option<&str>) -> Option<&str> {
    text.filter(|t| !t.trim().is_empty())
}

/// The fields of competency `node` (named `name`) that differ from `have`, the competency
/// first read under its id, in the order the report gives them: `levels` when one of its
/// level nodes gives a level `have` does not describe with that name and description.
/// O(length of the texts + level nodes × levels).
pub(super) fn competency_conflicts(
    have: &CompetencySpec,
    name: &str,
    node: &Map<String, Value>,
) -> Vec<&'static str> {
    let props = node.get("additionalProperties").and_then(Value::as_object);
    let property = |key| given(props.and_then(|p| optional_text(p, key)));
    let kind = property("competencyType").map(area_type);
    let area = property("competencyArea");
    let description = given(optional_text(node, "description"));
    // A level node whose level reads and that the kept competency does not describe so.
    let children = node.get("children").and_then(Value::as_array);
    let levels = children.into_iter().flatten().filter_map(Value::as_object);
    let level_differs = levels.into_iter().any(|c| {
        let is_level = given(optional_text(c, "type"))
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("COMPETENCIESLEVEL"));
        let Some(Ok(at)) = c.get("level").filter(|_| is_level).map(level) else {
            return false;
        };
        let name = given(optional_text(c, "name"));
        let description = optional_text(c, "description").unwrap_or("");
        !have.levels.iter().any(|d| {
            u64::from(d.level) == at && d.name.as_deref() == name && d.description == description
        })
    });
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
