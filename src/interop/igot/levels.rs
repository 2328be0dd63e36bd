//! The COMPETENCIESLEVEL children of a FRAC competency node: each read as a level
//! descriptor, or set aside and reported. Read alike for the node first met under an id,
//! which gives the competency its levels, and for one met again, whose levels are compared
//! with them: either way, every child is used or reported.

use serde_json::{Map, Value};

use super::json::{Report, level, not_text, optional_text, written_id};
use super::nodes::{Review, level_review, review};
use super::report::IgotWhat;
use crate::LevelDescriptor;
use crate::model::order;

/// A node's type, upper-cased.
pub(super) fn kind(node: &Map<String, Value>) -> String {
    optional_text(node, "type")
        .unwrap_or("")
        .trim()
        .to_ascii_uppercase()
}

/// The level descriptors of a competency's `children` (at `path`), sorted by level. A
/// child that is not an object or not a COMPETENCIESLEVEL node (a `type` of another JSON
/// type than text reported as such), a deleted one (`active: false`), one whose review
/// state, where written, is not VERIFIED in every tier (as [`level_review`] reads it), a
/// level node without a level, with one that
/// does not read or lies outside 1–5, or repeating a level of an earlier sibling, is set
/// aside in `report` under its path and its own id (`CLID62`, igot/43); `known` are the
/// node fields read (others are counted as ignored). O(children × levels).
pub(super) fn level_nodes(
    report: &mut Report,
    path: &str,
    children: &[Value],
    known: &[&str],
) -> Levels {
    let mut levels: Vec<LevelDescriptor> = Vec::new();
    let mut awaiting = 0;
    for (k, child) in children.iter().enumerate() {
        let path = format!("{path}.children[{k}]");
        let Some(child) = child.as_object() else {
            let what = IgotWhat::wrong_type("node", child, "an object");
            report.set_aside(&path, "", what);
            continue;
        };
        // A level node is reported under its own id (`CLID62`), as every node is; the
        // competency's is its parent's path's.
        let own = written_id(child, "id");
        let id = own.as_str();
        if kind(child) != "COMPETENCIESLEVEL" {
            let kind = optional_text(child, "type").unwrap_or("").to_owned();
            let what = not_text(child, "type").unwrap_or(IgotWhat::NoPlace { kind });
            report.set_aside(&path, id, what);
            continue;
        }
        report.ignore_others("competencieslevel", child, known);
        // Deleted, or a review state written and not VERIFIED in a tier (see
        // `nodes::level_review`): no descriptor of the competency.
        if let Some(what) = level_review(child) {
            if matches!(review(child), Review::Pending(_))
                && let Some(Ok(l @ 1..=5)) = child.get("level").map(level)
            {
                awaiting = awaiting.max(l as u8);
            }
            report.set_aside(&path, id, what);
            continue;
        }
        let what = match child.get("level").map(level) {
            Some(Ok(l)) if (1..=5).contains(&l) => {
                let level = l as u8;
                if levels.iter().any(|d| d.level == level) {
                    report.set_aside(&path, id, IgotWhat::DuplicateId);
                    continue;
                }
                // A name or description of another type is noted, not dropped (igot/21).
                let at = (path.as_str(), id);
                let name = report.optional_text(at, child, "name", "name");
                let description = report.optional_text(at, child, "description", "description");
                levels.push(LevelDescriptor {
                    level,
                    name: name.filter(|n| !n.trim().is_empty()).map(str::to_owned),
                    level_name: None,
                    description: description.unwrap_or("").to_owned(),
                });
                continue;
            }
            Some(Ok(l)) => IgotWhat::LevelOutOfRange {
                level: l,
                min: 1,
                max: 5,
            },
            Some(Err(found)) => IgotWhat::UnreadableLevel {
                field: "level",
                found,
            },
            None => IgotWhat::NoLevel,
        };
        report.set_aside(&path, id, what);
    }
    order::sort_by_key(&mut levels, |d| d.level);
    let described = levels.iter().map(|d| d.level).max();
    // A level awaiting review above every level described still is a level of the
    // competency: its descriptor does not count yet, its place in the scale does.
    let max_level = described.filter(|&top| awaiting > top).map(|_| awaiting);
    Levels { levels, max_level }
}

/// The levels [`level_nodes`] read from a competency's children.
pub(super) struct Levels {
    /// The descriptors kept, sorted by level.
    pub(super) levels: Vec<LevelDescriptor>,
    /// The competency's highest level when a level node awaiting review (not VERIFIED in
    /// a tier, neither rejected nor deleted) names a level above every descriptor kept:
    /// its descriptor is set aside until it is verified, and the level stays in the
    /// competency's scale, so that a verified requirement at that level is read (igot/44).
    /// `None` otherwise: the scale ends at the highest descriptor, as a competency's does.
    pub(super) max_level: Option<u8>,
}
