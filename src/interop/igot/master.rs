//! The platform's position master list: government designations by id, names as
//! written.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use serde_json::Value;

use super::alike::KeptIds;
use super::json::{
    Report, parse, refuse_other_kinds, refuse_unread, required_text, shape, whitespace, written_id,
};
use super::report::{IgotLoad, IgotWhat};
use super::same_names::SameNames;
use crate::DocumentKind;
use crate::model::names::one_line;
use crate::{Errors, PositionId};

const DOCUMENT: &str = "position master list";

/// One designation of the position master list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MasterPosition {
    /// Its id, e.g. `PID355`.
    pub id: PositionId,
    /// Its name exactly as written, stray spaces included (`"ASSISTANT PROVIDENT FUND
    /// COMMISSIONER "`).
    pub name: String,
    /// Its description as written (empty when absent).
    pub description: String,
}

/// The position master list, with a lookup by name that says how a name matched.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PositionMaster {
    positions: Vec<MasterPosition>,
    /// Normalised name → the positions with that form, in list order.
    #[serde(skip)]
    by_name: HashMap<String, Vec<u32>>,
}

/// How a name matched a designation of the [`PositionMaster`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PositionMatch<'a> {
    /// Exactly one designation has this name, character for character.
    Exact(&'a MasterPosition),
    /// No designation has this name exactly; one does once runs of whitespace are made
    /// one space and the ends trimmed. Say so to the person whose data it is.
    IgnoringWhitespace(&'a MasterPosition),
    /// Several designations match (exactly, or all of them only ignoring whitespace).
    Ambiguous(Vec<&'a MasterPosition>),
    /// None matches.
    NotFound,
}

impl PositionMaster {
    /// The designations, in list order.
    pub fn positions(&self) -> &[MasterPosition] {
        &self.positions
    }

    /// The designation named `name`: exactly, else ignoring whitespace, never silently.
    ///
    /// # Complexity
    /// O(|name| + m) for m designations sharing the name's normalised form.
    pub fn find(&self, name: &str) -> PositionMatch<'_> {
        let Some(same) = self.by_name.get(&one_line(name)) else {
            return PositionMatch::NotFound;
        };
        let all: Vec<&MasterPosition> = same.iter().map(|&i| &self.positions[i as usize]).collect();
        let exact: Vec<&MasterPosition> = all.iter().copied().filter(|p| p.name == name).collect();
        match (exact.as_slice(), all.as_slice()) {
            ([one], _) => PositionMatch::Exact(one),
            ([], [one]) => PositionMatch::IgnoringWhitespace(one),
            ([], _) => PositionMatch::Ambiguous(all),
            (_, _) => PositionMatch::Ambiguous(exact),
        }
    }
}

/// Reads the position master list (`{"positions": [{"id", "name", "description"}]}`, as in
/// `data/igot/positionMasterList.json`, or the bare array) into a [`PositionMaster`].
///
/// Names are kept exactly as written. A name with stray whitespace (trailing, leading, a
/// run of spaces inside) is noted, and so is a name equal to an earlier one once
/// whitespace is normalised (`PID195` "ASSISTANT  PROVIDENT FUND COMMISSIONER" and `PID355`
/// "ASSISTANT PROVIDENT FUND COMMISSIONER " in the real list,
/// [`IgotWhat::SameNameApartFromWhitespace`]), or written exactly alike
/// ([`IgotWhat::SameName`]): both are kept, and
/// [`PositionMaster::find`] says whether a name matched exactly or only ignoring
/// whitespace. Set aside, each reported: an entry that is not an object, lacks an `id` or
/// `name`, or repeats an earlier id; a list beside `positions` (`morePositions`,
/// [`IgotWhat::ListNotRead`]), whose key is counted ignored as every other key beside it
/// is. Noted: a `description` of another type than text, read as empty
/// ([`IgotWhat::WrongType`]); an id with stray whitespace ([`IgotWhat::IdWhitespace`]),
/// and ids that differ only in letter case or whitespace around them (`PID1`, `"PID1 "`,
/// `pid1`: [`IgotWhat::LookalikeIds`]), each kept as its own designation (igot/25).
///
/// # Errors
/// [`Error::Json`](crate::Error::Json) for malformed JSON or a repeated key;
/// [`Error::DocumentOfAnotherKind`](crate::Error::DocumentOfAnotherKind) for a document
/// of another kind: another iGOT export, or a framework, officers or CASE document (see
/// [`DocumentKind::of_json`](crate::DocumentKind::of_json); a list is of another kind
/// only when every entry is, so an export with some bad entries is read, and they are
/// reported);
/// profile competencies (igot/15) and a framework's `positions` (igot/11) are no master
/// list's; [`Error::IgotShape`](crate::Error::IgotShape) when the document is neither
/// shape; [`Error::IgotUnreadEntries`](crate::Error::IgotUnreadEntries) for a list holding entries none of which is an object holding
/// `id`, `name` or `description` (another export, the flat KCM among them: igot/33),
/// which would otherwise load as an empty list. `[]` is an empty master list.
///
/// # Complexity
/// Linear in the text.
///
/// # Example
/// ```
/// use karmayogi::{PositionMatch, load_position_master};
///
/// let json = r#"{"positions": [
///   {"id": "PID1", "name": "ACCOUNTANT", "description": "ACCOUNTANT"},
///   {"id": "PID2", "name": "CAMPAIGN OFFICER ", "description": "CAMPAIGN OFFICER "}]}"#;
/// let master = load_position_master(json)?;
/// assert_eq!(master.report.notes.len(), 1); // the trailing space, kept and reported
/// assert!(matches!(master.value.find("CAMPAIGN OFFICER"), PositionMatch::IgnoringWhitespace(p)
///     if p.id.as_str() == "PID2"));
/// assert!(matches!(master.value.find("ACCOUNTANT"), PositionMatch::Exact(_)));
/// # Ok::<(), karmayogi::Errors>(())
/// ```
pub fn load_position_master(json: &str) -> Result<IgotLoad<PositionMaster>, Errors> {
    let doc = parse(json)?;
    refuse_other_kinds(
        &doc,
        DocumentKind::PositionMaster,
        "the position master list",
    )?;
    let (entries, base) = match &doc {
        Value::Array(list) => (list.as_slice(), "$"),
        Value::Object(map) => match map.get("positions") {
            Some(Value::Array(list)) => (list.as_slice(), "$.positions"),
            Some(other) => {
                return Err(shape(
                    DOCUMENT,
                    "$.positions",
                    other,
                    "an array of positions",
                ));
            }
            None => return Err(shape(DOCUMENT, "$", &doc, "an object holding `positions`")),
        },
        other => return Err(shape(DOCUMENT, "$", other, "an object holding `positions`")),
    };
    refuse_unread(DOCUMENT, base, entries, &["id", "name", "description"])?;
    let mut report = Report::default();
    if let Value::Object(map) = &doc {
        report.ignore_around("$", map, &["positions"], Some("$.positions"));
    }
    let mut master = PositionMaster {
        positions: Vec::new(),
        by_name: HashMap::new(),
    };
    let mut ids: HashSet<String> = HashSet::new();
    let mut names = SameNames::default();
    let mut kept = KeptIds::default();
    for (i, entry) in entries.iter().enumerate() {
        let path = format!("{base}[{i}]");
        let Some(entry) = entry.as_object() else {
            report.set_aside(
                &path,
                "",
                IgotWhat::wrong_type("position", entry, "an object"),
            );
            continue;
        };
        report.ignore_others("position", entry, &["id", "name", "description"]);
        let id = match required_text(entry, "id") {
            Ok(id) => id,
            Err(what) => {
                report.set_aside(&path, &written_id(entry, "id"), what);
                continue;
            }
        };
        let name = match required_text(entry, "name") {
            Ok(n) => n,
            Err(what) => {
                report.set_aside(&path, id, what);
                continue;
            }
        };
        if !ids.insert(id.to_owned()) {
            report.set_aside(&path, id, IgotWhat::DuplicateId);
            continue;
        }
        kept.keep(&mut report, &path, id);
        if let Some(kinds) = whitespace(name) {
            report.note(&path, id, IgotWhat::Whitespace { kinds });
        }
        names.note(&mut report, (&path, id), "", name);
        let same = master.by_name.entry(one_line(name)).or_default();
        same.push(master.positions.len() as u32);
        master.positions.push(MasterPosition {
            id: id.into(),
            name: name.to_owned(),
            description: (report.optional_text((&path, id), entry, "description", "description"))
                .unwrap_or("")
                .to_owned(),
        });
    }
    kept.note_alike(&mut report);
    Ok(IgotLoad {
        value: master,
        report: report.finish(),
    })
}
