//! The requirements of a FRAC role or activity, merged over every place it is met: each
//! competency once, at the highest level, and each requirement left out reported at the
//! path of the node that made it.

use std::collections::HashMap;

use super::by_id::ById;
use super::json::Report;
use super::report::IgotWhat;
use crate::{RequirementSpec, ReviewStatus};

/// Where each requirement kept was read: (owner's node type, owner id, competency id) →
/// the path of the competency node that made it. One entry per requirement kept.
#[derive(Default)]
pub(super) struct Places(HashMap<(&'static str, String, String), String>);

/// The requirements of role or activity `owner` (of node type `kind`) met again: those
/// read before (`have`) and those of this node's children (`new`, each with the path of
/// the competency node that made it), each competency once. The same requirement read
/// again (a role expanded under a second position) is the same edge; a competency listed
/// twice among one node's children, or at another level or state than before, keeps the
/// highest level (verified before draft at the same level), and the other requirement is
/// set aside at the path of its own node, with its own level (the earlier one's when the
/// later one is kept), so that the report names what was left out and not the owner,
/// which is kept. O(requirements).
pub(super) fn merged(
    report: &mut Report,
    places: &mut Places,
    (kind, owner): (&'static str, &str),
    have: Vec<RequirementSpec>,
    new: Vec<(RequirementSpec, String)>,
) -> Vec<RequirementSpec> {
    let rank = |q: &RequirementSpec| (q.level, q.status == ReviewStatus::Verified);
    // The requirements by competency: those read before first (`before` of them), then
    // new ones; `listed` holds the competencies among this node's children.
    let before = have.len();
    let mut by: ById<RequirementSpec> = ById::default();
    for r in have {
        let key = r.competency.to_string();
        by.get_or_insert_with(&key, || r);
    }
    let mut listed: HashMap<String, usize> = HashMap::new();
    for (r, path) in new {
        let key = r.competency.to_string();
        let again_here = listed.insert(key.clone(), 0).is_some();
        let was_before = by.index.get(&key).is_some_and(|&i| i < before);
        let place = (kind, owner.to_owned(), key.clone());
        match by.get_mut(&key) {
            None => {
                by.get_or_insert_with(&key, || r);
                places.0.insert(place, path);
            }
            Some(have) if *have == r && !again_here && was_before => {}
            Some(have) => {
                let (left, level, at) = if rank(&r) > rank(have) {
                    let level = have.level;
                    *have = r;
                    let at = places.0.insert(place, path).unwrap_or_default();
                    (key.clone(), level, at)
                } else {
                    (key.clone(), r.level, path)
                };
                let what = IgotWhat::RepeatedRequirement {
                    competency: key,
                    level,
                };
                report.set_aside(&at, &left, what);
            }
        }
    }
    by.into_sorted(|r| r.competency.as_str())
}
