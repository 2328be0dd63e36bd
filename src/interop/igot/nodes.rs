//! The fields of a FRAC node the loader reads, by node type, and those it reads alike on
//! every node: its review state (both review tiers, and whether it is deleted), a
//! position's department.

use serde_json::{Map, Value};

use super::json::{Text, not_text, optional_text, text};
use super::report::IgotWhat;
use crate::DepartmentId;

/// The fields read of each node type: others are counted as ignored, a position's, role's
/// or activity's `description` among them, which the model has no place for.
pub(super) const POSITION: &[&str] = &[
    "type",
    "id",
    "name",
    "status",
    "secondaryStatus",
    "active",
    "department",
    "children",
];
pub(super) const STRUCTURE: &[&str] = &[
    "type",
    "id",
    "name",
    "status",
    "secondaryStatus",
    "active",
    "children",
];
pub(super) const COMPETENCY: &[&str] = &[
    "type",
    "id",
    "name",
    "description",
    "status",
    "secondaryStatus",
    "active",
    "level",
    "additionalProperties",
    "children",
];
/// A level node is known by its `level`; its `id` (`CLID33`) names it and is not kept. Its
/// review states are read as [`level_review`] reads them.
pub(super) const LEVEL: &[&str] = &[
    "type",
    "id",
    "name",
    "description",
    "status",
    "secondaryStatus",
    "active",
    "level",
];

/// The fields read of a node of type `kind` (upper-cased).
pub(super) fn known(kind: &str) -> &'static [&'static str] {
    match kind {
        "POSITION" => POSITION,
        "COMPETENCY" => COMPETENCY,
        _ => STRUCTURE,
    }
}

/// Where a FRAC node stands in the platform's review, as [`review`] reads it.
pub(super) enum Review {
    /// Counts: verified in every tier the node was reviewed in, and not deleted.
    Verified,
    /// Not yet verified in a tier (UNVERIFIED, DRAFT, no state, a state of another JSON
    /// type): a competency's requirements are kept as drafts; a structural node is set
    /// aside.
    Pending(IgotWhat),
    /// Rejected in a tier, or deleted: set aside, whatever the node's type.
    Excluded(IgotWhat),
}

/// How node `node` stands in the FRAC service's review (`ssreenaths1985/frac-service`
/// @ f5d6929). The service reviews in two tiers: the first reviewer's approval writes
/// `status: VERIFIED, secondaryStatus: UNVERIFIED`, a rejection `status: REJECTED`; only
/// the review board's approval writes `secondaryStatus: VERIFIED` (its rejection
/// `secondaryStatus: REJECTED, status: UNVERIFIED`), and only then does the node enter
/// the FRAC dictionary (`VerificationServiceImpl.verificationList`,
/// `FRACDictionaryServiceImpl`; the FRAC web UI tests `secondaryStatus === VERIFIED`
/// too). A deleted node is returned with `active: false` (`GET_NODE` reads `is_active AS
/// active`; child lists keep only active nodes). So a node counts only when it is not
/// deleted, its `status` is VERIFIED and its `secondaryStatus`, where written (not
/// absent, `null` or blank: nodes reviewed before the second tier have none), is
/// VERIFIED too. States are read trimmed, in any case. O(1).
pub(super) fn review(node: &Map<String, Value>) -> Review {
    match node.get("active") {
        None | Some(Value::Null | Value::Bool(true)) => {}
        Some(Value::Bool(false)) => return Review::Excluded(IgotWhat::Deleted),
        Some(other) => {
            return Review::Excluded(IgotWhat::wrong_type("active", other, "true or false"));
        }
    }
    let (first, first_verified) = status(node);
    let second = match text(node, "secondaryStatus") {
        Text::Str(s) if !s.trim().is_empty() => Some(Ok(s.trim().to_owned())),
        Text::Other(found) => Some(Err(found)),
        Text::Str(_) | Text::Absent => None,
    };
    let rejected = |s: &str| s.eq_ignore_ascii_case("rejected");
    if rejected(&first) {
        return Review::Excluded(IgotWhat::NotVerified { status: first });
    }
    if let Some(Ok(s)) = &second
        && rejected(s)
    {
        return Review::Excluded(IgotWhat::SecondaryNotVerified {
            secondary_status: s.clone(),
        });
    }
    if let Some(wrong) = not_text(node, "status") {
        return Review::Pending(wrong);
    }
    if !first_verified {
        return Review::Pending(IgotWhat::NotVerified { status: first });
    }
    match second {
        Some(Err(found)) => Review::Pending(IgotWhat::WrongType {
            field: "secondaryStatus",
            found,
            expected: "a string",
        }),
        Some(Ok(s)) if !s.eq_ignore_ascii_case("verified") => {
            Review::Pending(IgotWhat::SecondaryNotVerified {
                secondary_status: s,
            })
        }
        _ => Review::Verified,
    }
}

/// Why level node `node` (COMPETENCIESLEVEL) does not count, if it does not: by the rule
/// of [`review`], with the same reasons, where the node carries a review state. The FRAC
/// service never puts a level node in its review queue (`TaggingConstants`: its draft and
/// dictionary node maps leave COMPETENCIESLEVEL out) and attaches the default levels
/// itself, so a level node with no state at all (no `status` and no `secondaryStatus`,
/// or both `null` or blank) was never reviewed and counts when it is not deleted; one
/// that carries a state is read as any other node: it counts only when its `status` is
/// VERIFIED and its `secondaryStatus`, where written, too. A level that does not count is no descriptor of its competency, whatever
/// its state, as a descriptor has no draft form. O(1).
pub(super) fn level_review(node: &Map<String, Value>) -> Option<IgotWhat> {
    let unwritten = |field: &str| match node.get(field) {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.trim().is_empty(),
        Some(_) => false,
    };
    if unwritten("status") && unwritten("secondaryStatus") {
        return match node.get("active") {
            None | Some(Value::Null | Value::Bool(true)) => None,
            Some(Value::Bool(false)) => Some(IgotWhat::Deleted),
            Some(other) => Some(IgotWhat::wrong_type("active", other, "true or false")),
        };
    }
    match review(node) {
        Review::Verified => None,
        Review::Pending(what) | Review::Excluded(what) => Some(what),
    }
}

/// What a pending competency's requirements are noted with: its state's reason, as a
/// draft kept ([`IgotWhat::Draft`], [`IgotWhat::SecondaryDraft`]); a state of another
/// JSON type as itself. O(1).
pub(super) fn as_draft(what: IgotWhat) -> IgotWhat {
    match what {
        IgotWhat::NotVerified { status } => IgotWhat::Draft { status },
        IgotWhat::SecondaryNotVerified { secondary_status } => {
            IgotWhat::SecondaryDraft { secondary_status }
        }
        other => other,
    }
}

/// A competency node's `additionalProperties`: `None` when absent or `null`; `Err` naming
/// the type found when it is not an object. The service writes an object (`DataNode`'s
/// `Map<String, Object>`), so text there is reported as text, never parsed nor read as a
/// missing type. O(1).
pub(super) fn properties(
    node: &Map<String, Value>,
) -> Result<Option<&Map<String, Value>>, IgotWhat> {
    match node.get("additionalProperties") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(map)) => Ok(Some(map)),
        Some(other) => Err(IgotWhat::wrong_type(
            "additionalProperties",
            other,
            "an object",
        )),
    }
}

/// A node's review state as written, and whether it is VERIFIED.
fn status(node: &Map<String, Value>) -> (String, bool) {
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
