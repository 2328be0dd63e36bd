//! Pieces of error messages that list values: ids quoted in a list, the fields of
//! documents of no kind a reader reads, and the entity naming a level out of its scale.

use std::fmt::Write;

use crate::EntityKind;
use crate::model::quote::quoted;

/// Ids quoted as messages quote every value taken from the input, joined by `, `.
pub(super) fn quoted_list(ids: &[String]) -> String {
    let all: Vec<String> = ids.iter().map(|id| quoted(id).to_string()).collect();
    all.join(", ")
}

/// `Error::IgotUnreadEntries`'s text: the list, that no entry holds a field of
/// `expected`, and the fields the entries hold (at most [`FIELDS_SHOWN`], then how many
/// more).
pub(super) fn igot_unread_entries_text(
    document: &str,
    path: &str,
    entries: u64,
    fields: &[String],
    expected: &[&'static str],
) -> String {
    let expected: Vec<String> = expected.iter().map(|m| format!("`{m}`")).collect();
    let mut out = format!(
        "{document} at `{path}`: none of its {entries} {} is a record holding {}",
        if entries == 1 { "entry" } else { "entries" },
        expected.join(", ")
    );
    if fields.is_empty() {
        out.push_str("; no entry is an object");
    } else {
        out.push_str("; the entries hold ");
        out.push_str(&quoted_list(&fields[..fields.len().min(FIELDS_SHOWN)]));
        if fields.len() > FIELDS_SHOWN {
            let _ = write!(out, " and {} more", fields.len() - FIELDS_SHOWN);
        }
    }
    out
}

/// `Error::DocumentOfNoKnownKind`'s text: what was expected, the object's fields and the
/// fields missing. At most [`FIELDS_SHOWN`] fields are listed, then how many more.
pub(super) fn no_known_kind_text(
    expected: &str,
    fields: &[String],
    missing: &[&'static str],
) -> String {
    let mut out = format!("expected {expected}, found an object of no kind this crate reads, ");
    match fields.len() {
        0 => out.push_str("with no fields"),
        1 => out.push_str("with one field "),
        _ => out.push_str("with fields "),
    }
    out.push_str(&quoted_list(&fields[..fields.len().min(FIELDS_SHOWN)]));
    if fields.len() > FIELDS_SHOWN {
        let _ = write!(out, " and {} more", fields.len() - FIELDS_SHOWN);
    }
    if !missing.is_empty() {
        let missing: Vec<String> = missing.iter().map(|m| format!("`{m}`")).collect();
        let _ = write!(out, ": missing {}", missing.join(", "));
    }
    out
}

/// How many fields [`no_known_kind_text`] lists.
const FIELDS_SHOWN: usize = 20;

/// The message of [`Error::InvalidLevel`](super::Error::InvalidLevel): the entity naming
/// the level, or "a target" when a competency names itself (a target of
/// `Framework::recommend_targets`, which has no id of its own).
pub(super) fn invalid_level_text(
    owner_kind: EntityKind,
    owner: &str,
    competency: &str,
    level: u8,
    min: u8,
    max: u8,
) -> String {
    let named = quoted(competency);
    if owner_kind == EntityKind::Competency && owner == competency {
        format!("a target names competency {named} at level {level}: expected {min} to {max}")
    } else {
        let owner = quoted(owner);
        format!(
            "{owner_kind} {owner} names competency {named} at level {level}: expected {min} to {max}"
        )
    }
}
