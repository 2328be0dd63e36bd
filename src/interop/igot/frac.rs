//! FRAC-era position trees (2020–23): typed nodes POSITION → ROLE → {ACTIVITY, COMPETENCY},
//! ACTIVITY → {KNOWLEDGERESOURCE, COMPETENCY}, COMPETENCY → COMPETENCIESLEVEL, each with a
//! review state.

use crate::model::order;

use super::alike::KeptIds;
use super::by_id::ById;

use serde_json::{Map, Value};

use super::json::{
    Report, Text, level, not_text, optional_text, parse, refuse_other_kinds, refuse_unread,
    required_text, shape, text, written_id,
};
use super::kcm::area_type;
use super::levels::{kind, level_nodes};
use super::merge::{Places, merged};
use super::met_again::{competency_conflicts, position_conflicts};
use super::nodes::{
    LEVEL, Review, as_draft, department, department_note, known, properties, review,
};
use super::report::{IgotLoad, IgotWhat};
use super::same_names::SameNames;
use crate::DocumentKind;
use crate::{
    ActivitySpec, CompetencySpec, DepartmentId, Error, Errors, FrameworkSpec, PositionSpec,
    RequirementSpec, ReviewStatus, RoleSpec,
};

const DOCUMENT: &str = "frac positions";
/// Options for [`load_frac_positions`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FracOptions {
    department: Option<DepartmentId>,
}

impl FracOptions {
    /// The department (MDO) of positions whose node names none (default: none, and such a
    /// position is set aside).
    pub fn department(mut self, department: impl Into<DepartmentId>) -> Self {
        self.department = Some(department.into());
        self
    }
}

/// Reads FRAC-era position trees into a [`FrameworkSpec`]: positions, roles, activities,
/// the competencies they require at their levels, and those competencies' level
/// descriptors.
///
/// The document is one POSITION node, an array of them, or a FRAC service response
/// (`{"responseData": …}`; its other keys than `statusInfo` are counted as ignored, and a
/// list among them set aside as [`IgotWhat::ListNotRead`](crate::IgotWhat::ListNotRead)).
/// A node is an object with `type`, `id`, `name`, `status`, `secondaryStatus`, `active`
/// and `children`; a position's `department`; a competency's `description`, `level` and
/// `additionalProperties`; a level node's `level`, `name` and `description`. Other fields
/// are counted as ignored: a
/// position's, role's or activity's `description` among them, which the model has no
/// place for. A text field read of another JSON type than text (a competency's
/// `description: 5`, `competencyArea: 17`, a level's `description`) is not read, and
/// noted with the node's id ([`IgotWhat::WrongType`](crate::IgotWhat::WrongType)); a
/// `department` of another type sets the position aside as such, or with
/// [`FracOptions::department`] is noted and the default used (igot/21). Node types are
/// read in any case:
/// - POSITION → a position (its `department`, or [`FracOptions::department`]), its ROLE
///   children its roles;
/// - ROLE → a role, its ACTIVITY children its activities, its COMPETENCY children its
///   direct requirements;
/// - ACTIVITY → an activity, its COMPETENCY children its requirements (KNOWLEDGERESOURCE
///   children have no place and are set aside);
/// - COMPETENCY → a competency of the dictionary: `additionalProperties.competencyType`
///   (Behavioural, Functional or Domain) its type, `additionalProperties.competencyArea`
///   its area, its COMPETENCIESLEVEL children (`level` "Level N", `name`, `description`)
///   its level descriptors. The required level sits on the edge: the COMPETENCY node's
///   `level` ("Level N") where it hangs under a role or activity.
///
/// **Review states**: only what the platform counts counts. The FRAC service
/// (`ssreenaths1985/frac-service`, `VerificationServiceImpl`, `FRACDictionaryServiceImpl`)
/// reviews in two tiers: the first reviewer's approval writes `status: VERIFIED,
/// secondaryStatus: UNVERIFIED`, and only the review board's writes `secondaryStatus:
/// VERIFIED`, which puts the node in the FRAC dictionary; the board's rejection writes
/// `secondaryStatus: REJECTED`. A deleted node comes with `active: false`. So a node
/// counts only when it is not deleted, its `status` is VERIFIED, and its
/// `secondaryStatus`, where written (a node reviewed before the second tier has none),
/// is VERIFIED too. A position, role or activity that does not count (UNVERIFIED, DRAFT,
/// REJECTED or no `status`; a `secondaryStatus` not VERIFIED,
/// [`IgotWhat::SecondaryNotVerified`](crate::IgotWhat::SecondaryNotVerified); deleted,
/// [`IgotWhat::Deleted`](crate::IgotWhat::Deleted)) is set aside with everything below
/// it; a competency awaiting review (UNVERIFIED, DRAFT or no `status`; or verified by the
/// first reviewer and not the board) is kept with its requirements as drafts
/// ([`ReviewStatus::Draft`]: validated, not counted) and noted
/// ([`IgotWhat::Draft`](crate::IgotWhat::Draft),
/// [`IgotWhat::SecondaryDraft`](crate::IgotWhat::SecondaryDraft)); a competency rejected
/// in either tier, or deleted, is set aside with its requirement, and a deleted level node
/// as a descriptor (igot/31). A level node (COMPETENCIESLEVEL) carrying a review state is
/// read by the same rule, with the same reasons: one not VERIFIED in a tier (UNVERIFIED,
/// DRAFT, REJECTED, a `secondaryStatus` not VERIFIED, a state of another JSON type) is
/// set aside as a descriptor, as a descriptor has no draft form, and reported under the
/// level node's own id (`CLID62`; igot/43); one awaiting review (not rejected, not
/// deleted) above every descriptor kept still keeps its level in the competency's scale,
/// [`CompetencySpec::max_level`](crate::CompetencySpec::max_level) set to it, so that a
/// descriptor not yet verified never narrows the levels a verified requirement may name
/// (igot/44); one with no state at all
/// counts unless deleted, as the service never sends level nodes to review (its
/// `TaggingConstants` leave COMPETENCIESLEVEL out of the draft and dictionary node types;
/// igot/40). States are read trimmed, in any case; the first tier's is
/// reported first. A `status`, `secondaryStatus` or `type` of another JSON type than text
/// (`"status": 5`), or an `active` other than `true` or `false`, is reported as
/// [`IgotWhat::WrongType`](crate::IgotWhat::WrongType) naming the field and the type
/// found, where a node without one is set aside as not verified or of no place (a
/// competency's requirements then kept as drafts, as with no state; igot/29; a node whose
/// `active` does not read is set aside, as it may be deleted).
///
/// A node met again (a role shared by positions, a competency required by many roles) is
/// one entity: its children are read under the first, and each field it gives otherwise
/// (name, type, description, area, level descriptors; a position's department) is noted. Ids
/// are the platform's (`PID12`, `RID5`, `AID3`, `CID40`), kept as written. Names are kept
/// as written too, and noted as the position master list notes them: one with stray
/// whitespace ([`IgotWhat::Whitespace`](crate::IgotWhat::Whitespace)), and one equal to an
/// earlier node's of the same type apart from whitespace
/// ([`IgotWhat::SameNameApartFromWhitespace`](crate::IgotWhat::SameNameApartFromWhitespace))
/// or written alike under another id ([`IgotWhat::SameName`](crate::IgotWhat::SameName)).
/// Ids of one node type that differ only in letter case or whitespace around them are
/// kept apart and noted ([`IgotWhat::LookalikeIds`](crate::IgotWhat::LookalikeIds)), an
/// id with stray whitespace too ([`IgotWhat::IdWhitespace`](crate::IgotWhat::IdWhitespace)).
///
/// Also set aside, each reported: a node that is not an object, lacks an `id` or `name`,
/// or sits where its type does not belong; a node whose `children` is not an array (text
/// among them), with everything below it, so that it is absent from the result as the
/// report says (a position, role, activity, or a competency with its requirement), and a
/// competency first met whose `additionalProperties` is not an object (text among them:
/// the service writes an object), with its requirement, as
/// [`IgotWhat::WrongType`](crate::IgotWhat::WrongType) saying what was found; met again,
/// such an `additionalProperties` is noted and the competency kept as first read
/// (igot/32); a requirement without a level, with a level
/// that is not `Level N` (or a label, `LN`, `Lvl-N`) or a whole number (`N`, or `N.0` as
/// spreadsheet exports write one), or outside its competency's levels, reported at the
/// node's `level` (`$[0].children[0].children[1].level`: the competency itself is kept in
/// the dictionary, only the requirement is left out); a requirement repeated in a role or
/// activity (the highest level is kept, and the other reported at the path of the node
/// that made it, with its own level; igot/38); a competency without a known type (and its requirements);
/// a level descriptor that is not an object, not a COMPETENCIESLEVEL node, or has no level,
/// an unreadable, out-of-range or repeated one, under a competency met first or again
/// (the well-formed descriptors of a competency met again are compared with those kept); a
/// position without a department or without any imported role.
///
/// # Errors
/// [`Error::Json`](crate::Error::Json) for malformed JSON or a repeated key;
/// [`Error::DocumentOfAnotherKind`](crate::Error::DocumentOfAnotherKind) for a document
/// of another kind: another iGOT export, or a framework, officers or CASE document (see
/// [`DocumentKind::of_json`](crate::DocumentKind::of_json); a list is of another kind
/// only when every entry is, so an export with some bad entries is read, and they are
/// reported);
/// an officers document among them (igot/09);
/// [`Error::IgotShape`](crate::Error::IgotShape) for a document that is none of the shapes
/// above, an object with neither `type` nor `responseData` (`{}`) among them;
/// [`Error::IgotUnreadEntries`](crate::Error::IgotUnreadEntries) for a list of nodes (or `responseData`) holding entries none of
/// which is an object holding `type` (igot/33), which would otherwise load as an empty
/// framework. `[]` is an empty one.
///
/// # Complexity
/// Linear in the text, plus sorting the entities by id.
///
/// # Example
/// ```
/// use karmayogi::{FracOptions, Framework, ReviewStatus, load_frac_positions};
///
/// let json = r#"{"type": "POSITION", "id": "PID7", "name": "ACCOUNTS OFFICER",
///   "status": "VERIFIED", "department": "Department of Posts", "children": [
///   {"type": "ROLE", "id": "RID3", "name": "Cash and accounts", "status": "VERIFIED",
///    "children": [
///     {"type": "COMPETENCY", "id": "CID9", "name": "Government accounts", "status": "VERIFIED",
///      "level": "Level 3", "additionalProperties": {"competencyType": "Functional"}},
///     {"type": "COMPETENCY", "id": "CID4", "name": "Noting", "status": "UNVERIFIED",
///      "level": "Level 2", "additionalProperties": {"competencyType": "Functional"}}]}]}"#;
/// let load = load_frac_positions(json, &FracOptions::default())?;
/// let role = &load.value.roles[0];
/// assert_eq!(role.requires[0].competency.as_str(), "CID4");
/// assert_eq!(role.requires[0].status, ReviewStatus::Draft); // not verified: kept, not counted
/// let framework = Framework::new(load.value).map_err(|e| e.to_string())?;
/// assert_eq!(framework.requirements("PID7")?.len(), 1); // only the verified one counts
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn load_frac_positions(
    json: &str,
    options: &FracOptions,
) -> Result<IgotLoad<FrameworkSpec>, Errors> {
    let doc = parse(json)?;
    refuse_other_kinds(&doc, DocumentKind::FracPositions, "FRAC position nodes")?;
    let (nodes, base) = match &doc {
        Value::Array(list) => (list.as_slice(), "$"),
        Value::Object(map) => match map.get("responseData") {
            Some(Value::Array(list)) => (list.as_slice(), "$.responseData"),
            Some(node @ Value::Object(_)) => (std::slice::from_ref(node), "$.responseData"),
            Some(other) => {
                return Err(shape(DOCUMENT, "$.responseData", other, "position nodes"));
            }
            // An object with neither `type` nor `responseData` is no FRAC node at all (an
            // officers, framework or CASE document given here): refused, not set aside,
            // so a document of another kind never loads as an empty framework.
            None if !map.contains_key("type") => {
                return Err(Errors::from(Error::IgotShape {
                    document: DOCUMENT,
                    path: "$".to_owned(),
                    found: "an object without `type`",
                    expected: "a POSITION node, an array of them, or a FRAC service response",
                }));
            }
            None => (std::slice::from_ref(&doc), ""),
        },
        other => return Err(shape(DOCUMENT, "$", other, "position nodes")),
    };
    refuse_unread(DOCUMENT, base, nodes, &["type"])?;
    let mut report = Report::default();
    if let Value::Object(map) = &doc
        && base == "$.responseData"
    {
        report.ignore_around(
            "$",
            map,
            &["statusInfo", "responseData"],
            Some("$.responseData"),
        );
    }
    let mut tree = Tree {
        options,
        report,
        competencies: ById::default(),
        activities: ById::default(),
        roles: ById::default(),
        positions: ById::default(),
        names: SameNames::default(),
        kept: Default::default(),
        places: Places::default(),
    };
    for (i, node) in nodes.iter().enumerate() {
        let path = if base.is_empty() {
            "$".to_owned()
        } else {
            format!("{base}[{i}]")
        };
        let Some(node) = tree.node(&path, node, &["POSITION"]) else {
            continue;
        };
        tree.position(&path, node);
    }
    for kept in tree.kept {
        kept.note_alike(&mut tree.report);
    }
    let mut spec = FrameworkSpec::new();
    spec.competencies = tree.competencies.into_sorted(|c| c.id.as_str());
    spec.activities = tree.activities.into_sorted(|a| a.id.as_str());
    spec.roles = tree.roles.into_sorted(|r| r.id.as_str());
    spec.positions = tree.positions.into_sorted(|p| p.id.as_str());
    Ok(IgotLoad {
        value: spec,
        report: tree.report.finish(),
    })
}

struct Tree<'a> {
    options: &'a FracOptions,
    report: Report,
    competencies: ById<CompetencySpec>,
    activities: ById<ActivitySpec>,
    roles: ById<RoleSpec>,
    positions: ById<PositionSpec>,
    /// The names kept, by node type, to note those that differ only in whitespace.
    names: SameNames,
    /// The ids kept of competencies, activities, roles and positions, to note those that
    /// look alike among one type.
    kept: [KeptIds; 4],
    /// Where each requirement kept was read, to report the one a repeat sets aside.
    places: Places,
}

impl Tree<'_> {
    /// The node at `path` when it is an object of one of `kinds`, with an id and a name;
    /// otherwise sets it aside.
    fn node<'v>(
        &mut self,
        path: &str,
        node: &'v Value,
        kinds: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        let Some(map) = node.as_object() else {
            self.report
                .set_aside(path, "", IgotWhat::wrong_type("node", node, "an object"));
            return None;
        };
        let kind = kind(map);
        let id = written_id(map, "id");
        if !kinds.contains(&kind.as_str()) {
            let kind = optional_text(map, "type").unwrap_or("").to_owned();
            let what = not_text(map, "type").unwrap_or(IgotWhat::NoPlace { kind });
            self.report.set_aside(path, &id, what);
            return None;
        }
        self.report
            .ignore_others(&kind.to_ascii_lowercase(), map, known(&kind));
        for field in ["id", "name"] {
            if let Err(what) = required_text(map, field) {
                self.report.set_aside(path, &id, what);
                return None;
            }
        }
        Some(map)
    }

    /// A node's children (none when absent or `null`). `None` when `children` holds
    /// another JSON type: the node is then set aside, with everything below it, and its
    /// caller keeps nothing of it, so that the report and the result agree (a node kept
    /// without the children it was written with would claim it requires nothing).
    fn children<'v>(&mut self, path: &str, node: &'v Map<String, Value>) -> Option<&'v [Value]> {
        match node.get("children") {
            None | Some(Value::Null) => Some(&[]),
            Some(Value::Array(list)) => Some(list),
            Some(other) => {
                let id = optional_text(node, "id").unwrap_or("");
                self.report.set_aside(
                    path,
                    id,
                    IgotWhat::wrong_type("children", other, "an array"),
                );
                None
            }
        }
    }

    /// Whether a structural node counts (see `nodes::review`); sets it aside (with its
    /// subtree) when not.
    fn verified(&mut self, path: &str, id: &str, node: &Map<String, Value>) -> bool {
        match review(node) {
            Review::Verified => true,
            Review::Pending(what) | Review::Excluded(what) => {
                self.report.set_aside(path, id, what);
                false
            }
        }
    }

    fn position(&mut self, path: &str, node: &Map<String, Value>) {
        let id = optional_text(node, "id").unwrap_or("").to_owned();
        if !self.verified(path, &id, node) {
            return;
        }
        let name = optional_text(node, "name").unwrap_or("").to_owned();
        let department = match department(node, self.options.department.as_ref()) {
            Ok(department) => department,
            Err(what) => {
                self.report.set_aside(path, &id, what);
                return;
            }
        };
        if let Some(what) = department_note(node)
            && self.options.department.is_some()
        {
            self.report.note(&format!("{path}.department"), &id, what);
        }
        let Some(department) = department else {
            self.report.set_aside(path, &id, IgotWhat::NoDepartment);
            return;
        };
        let Some(children) = self.children(path, node) else {
            return;
        };
        let mut roles = Vec::new();
        for (k, child) in children.iter().enumerate() {
            let path = format!("{path}.children[{k}]");
            if let Some(child) = self.node(&path, child, &["ROLE"])
                && let Some(role) = self.role(&path, child)
            {
                roles.push(role);
            }
        }
        if let Some(have) = self.positions.get_mut(&id) {
            self.report.note(path, &id, IgotWhat::Repeated);
            for field in position_conflicts(have, &name, node) {
                self.report.note(path, &id, IgotWhat::Conflict { field });
            }
            have.roles.extend(roles.into_iter().map(Into::into));
            order::sort(&mut have.roles);
            have.roles.dedup();
            return;
        }
        order::sort(&mut roles);
        roles.dedup();
        if roles.is_empty() {
            self.report.set_aside(path, &id, IgotWhat::NoRoles);
            return;
        }
        let roles = roles.into_iter().map(Into::into).collect();
        (self.names).note_all(&mut self.report, (path, &id), "POSITION", &name);
        self.kept[3].keep(&mut self.report, path, &id);
        self.positions
            .get_or_insert_with(&id.clone(), || PositionSpec {
                id: id.into(),
                name,
                department,
                roles,
            });
    }

    /// A role node: its id when it is kept.
    fn role(&mut self, path: &str, node: &Map<String, Value>) -> Option<String> {
        let id = optional_text(node, "id").unwrap_or("").to_owned();
        if !self.verified(path, &id, node) {
            return None;
        }
        let name = optional_text(node, "name").unwrap_or("").to_owned();
        let children = self.children(path, node)?;
        let mut activities = Vec::new();
        let mut requires = Vec::new();
        for (k, child) in children.iter().enumerate() {
            let path = format!("{path}.children[{k}]");
            let Some(child) = self.node(&path, child, &["ACTIVITY", "COMPETENCY"]) else {
                continue;
            };
            if kind(child) == "ACTIVITY" {
                activities.extend(self.activity(&path, child));
            } else if let Some(r) = self.requirement(&path, child) {
                requires.push((r, path));
            }
        }
        if self.roles.get(&id).is_none() {
            (self.names).note_all(&mut self.report, (path, &id), "ROLE", &name);
            self.kept[2].keep(&mut self.report, path, &id);
        }
        let role = self.roles.get_or_insert_with(&id, || RoleSpec {
            id: id.as_str().into(),
            name: name.clone(),
            activities: Vec::new(),
            requires: Vec::new(),
        });
        if role.name != name {
            self.report
                .note(path, &id, IgotWhat::Conflict { field: "name" });
        }
        role.activities
            .extend(activities.into_iter().map(Into::into));
        order::sort(&mut role.activities);
        role.activities.dedup();
        let have = std::mem::take(&mut role.requires);
        let at = ("ROLE", id.as_str());
        let requires = merged(&mut self.report, &mut self.places, at, have, requires);
        if let Some(role) = self.roles.get_mut(&id) {
            role.requires = requires;
        }
        Some(id)
    }

    /// An activity node: its id when it is kept.
    fn activity(&mut self, path: &str, node: &Map<String, Value>) -> Option<String> {
        let id = optional_text(node, "id").unwrap_or("").to_owned();
        if !self.verified(path, &id, node) {
            return None;
        }
        let name = optional_text(node, "name").unwrap_or("").to_owned();
        let children = self.children(path, node)?;
        let mut requires = Vec::new();
        for (k, child) in children.iter().enumerate() {
            let path = format!("{path}.children[{k}]");
            let Some(child) = self.node(&path, child, &["COMPETENCY"]) else {
                continue;
            };
            if let Some(r) = self.requirement(&path, child) {
                requires.push((r, path));
            }
        }
        if self.activities.get(&id).is_none() {
            (self.names).note_all(&mut self.report, (path, &id), "ACTIVITY", &name);
            self.kept[1].keep(&mut self.report, path, &id);
        }
        let activity = self.activities.get_or_insert_with(&id, || ActivitySpec {
            id: id.as_str().into(),
            name: name.clone(),
            requires: Vec::new(),
        });
        if activity.name != name {
            self.report
                .note(path, &id, IgotWhat::Conflict { field: "name" });
        }
        let have = std::mem::take(&mut activity.requires);
        let at = ("ACTIVITY", id.as_str());
        let requires = merged(&mut self.report, &mut self.places, at, have, requires);
        if let Some(activity) = self.activities.get_mut(&id) {
            activity.requires = requires;
        }
        Some(id)
    }

    /// A competency node under a role or activity: the requirement it makes, when kept.
    fn requirement(&mut self, path: &str, node: &Map<String, Value>) -> Option<RequirementSpec> {
        let id = optional_text(node, "id").unwrap_or("").to_owned();
        let pending = match review(node) {
            Review::Verified => None,
            Review::Pending(what) => Some(what),
            Review::Excluded(what) => {
                self.report.set_aside(path, &id, what);
                return None;
            }
        };
        if !self.competency(path, &id, node) {
            return None;
        }
        // The competency is in the dictionary now: a requirement without a readable level
        // is set aside alone, reported at its `level` (the edge's field), not at the node.
        let at = format!("{path}.level");
        let level = match node.get("level") {
            None | Some(Value::Null) => {
                self.report.set_aside(&at, &id, IgotWhat::NoLevel);
                return None;
            }
            Some(v) => match level(v) {
                Ok(l) => l,
                Err(found) => {
                    self.report.set_aside(
                        &at,
                        &id,
                        IgotWhat::UnreadableLevel {
                            field: "level",
                            found,
                        },
                    );
                    return None;
                }
            },
        };
        let max = self.competencies.get(&id).map_or(5, |c| {
            (c.max_level)
                .or_else(|| c.levels.iter().map(|d| d.level).max())
                .unwrap_or(5)
        });
        if !(1..=u64::from(max)).contains(&level) {
            self.report
                .set_aside(&at, &id, IgotWhat::LevelOutOfRange { level, min: 1, max });
            return None;
        }
        let mut requirement = RequirementSpec::new(id.as_str(), level as u8);
        if let Some(what) = pending {
            // A state of another type is read as none, a draft, and noted as such.
            self.report.note(path, &id, as_draft(what));
            requirement.status = ReviewStatus::Draft;
        }
        Some(requirement)
    }

    /// Adds a competency node to the dictionary (the first time its id is met); whether
    /// it is in the dictionary.
    fn competency(&mut self, path: &str, id: &str, node: &Map<String, Value>) -> bool {
        let Some(children) = self.children(path, node) else {
            return false;
        };
        let name = optional_text(node, "name").unwrap_or("");
        let (props, props_wrong) = properties(node).map_or_else(|w| (None, Some(w)), |p| (p, None));
        if let Some(props) = props {
            self.report.ignore_others(
                "competency.additionalProperties",
                props,
                &["competencyType", "competencyArea"],
            );
        }
        // Read through the report, met first or again, so that one of another type is
        // noted rather than dropped (igot/21).
        let at = (path, id);
        let description = self
            .report
            .optional_text(at, node, "description", "description");
        let area = props.and_then(|p| {
            (self.report).optional_text(
                at,
                p,
                "competencyArea",
                "additionalProperties.competencyArea",
            )
        });
        if self.competencies.get(id).is_some() {
            // Met again: the first is kept, so a container of another type is noted.
            if let Some(what) = props_wrong {
                self.report.note(path, id, what);
            }
            // Its level nodes are read as the first one's were (a badly formed one set
            // aside and reported), then compared with the levels kept.
            let levels = level_nodes(&mut self.report, path, children, LEVEL).levels;
            let conflicts = (self.competencies.get(id))
                .map(|have| competency_conflicts(have, (name, description, area), node, &levels));
            for field in conflicts.into_iter().flatten() {
                self.report.note(path, id, IgotWhat::Conflict { field });
            }
            return true;
        }
        if let Some(what) = props_wrong {
            self.report.set_aside(path, id, what);
            return false;
        }
        let found = match props.map(|p| text(p, "competencyType")) {
            Some(Text::Str(found)) => found,
            Some(Text::Other(found)) => {
                let what = IgotWhat::WrongType {
                    field: "additionalProperties.competencyType",
                    found,
                    expected: "a string",
                };
                self.report.set_aside(path, id, what);
                return false;
            }
            _ => "",
        };
        let Some(competency_type) = area_type(found) else {
            self.report.set_aside(
                path,
                id,
                IgotWhat::UnknownType {
                    found: found.to_owned(),
                },
            );
            return false;
        };
        (self.names).note_all(&mut self.report, (path, id), "COMPETENCY", name);
        self.kept[0].keep(&mut self.report, path, id);
        let mut competency = CompetencySpec::new(id, name, competency_type);
        description
            .unwrap_or("")
            .clone_into(&mut competency.description);
        competency.area = area.filter(|a| !a.trim().is_empty()).map(str::to_owned);
        let levels = level_nodes(&mut self.report, path, children, LEVEL);
        competency.levels = levels.levels;
        competency.max_level = levels.max_level;

        self.competencies.get_or_insert_with(id, || competency);
        true
    }
}
