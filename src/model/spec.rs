//! The plain, serde-(de)serializable input: the JSON interchange format.
//!
//! A [`FrameworkSpec`] is unvalidated data. Turn it into a [`Framework`](crate::Framework)
//! with [`Framework::new`](crate::Framework::new), which checks everything at once.
//! Levels are plain numbers here so that an out-of-range level is reported by the
//! framework's validation, with the ids around it, together with every other problem.

use serde::{Deserialize, Serialize};

use crate::model::json::null_as_default;
use crate::model::level_text;
use crate::model::object::object_struct;
use crate::{
    ActivityId, CompetencyId, CourseId, DepartmentId, Error, Errors, FORMAT_VERSION, GroupId,
    PositionId, RoleId,
};

/// The JSON Schema (draft 2020-12) of the interchange format at [`FORMAT_VERSION`]: a
/// document is either a framework ([`FrameworkSpec`]) or an officers document
/// ([`OfficersSpec`](crate::OfficersSpec)). It describes the shape; the rules beyond shape
/// (unique ids, known references, levels within a competency's scale, acyclic
/// prerequisites) are checked by [`Framework::new`](crate::Framework::new) and
/// [`Profile::new`](crate::Profile::new). The same text is in the repository as
/// `schema/karmayogi-v2.schema.json` (version 1's is kept beside it, unchanged).
pub const JSON_SCHEMA: &str = include_str!("../../schema/karmayogi-v2.schema.json");

object_struct! {
/// A whole framework: the competency dictionary, the FRAC mapping and the course catalogue.
///
/// Every list may come in any order: a [`Framework`](crate::Framework) orders everything by id.
/// Unknown JSON fields are rejected.
///
/// # Example
/// ```
/// use karmayogi::FrameworkSpec;
///
/// let json = r#"{
///   "format_version": 1,
///   "competencies": [{"id": "c1", "name": "Noting and drafting", "type": "functional"}],
///   "activities": [{"id": "a1", "name": "Draft replies",
///                   "requires": [{"competency": "c1", "level": 2}]}],
///   "roles": [{"id": "r1", "name": "Dealing hand", "activities": ["a1"]}],
///   "positions": [{"id": "p1", "name": "Assistant Section Officer",
///                  "department": "dopt", "roles": ["r1"]}]
/// }"#;
/// let spec = FrameworkSpec::from_json(json)?;
/// assert_eq!(spec.competencies.len(), 1);
/// assert_eq!(FrameworkSpec::from_json(&spec.to_json())?, spec);
/// # Ok::<(), karmayogi::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FrameworkSpec {
    /// From [`OLDEST_FORMAT_VERSION`](crate::OLDEST_FORMAT_VERSION) to [`FORMAT_VERSION`](crate::FORMAT_VERSION).
    #[serde(deserialize_with = "crate::model::whole::format_version")]
    pub format_version: u32,
    /// The competency dictionary.
    pub competencies: Vec<CompetencySpec>,
    /// Competency groups (areas, themes, sub-themes, …) above the competencies: a directed
    /// acyclic hierarchy in which a competency or group may have several parents. Since
    /// format version 2.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "null_as_default"
    )]
    pub groups: Vec<GroupSpec>,
    /// Activities and the competencies they need.
    #[serde(default, deserialize_with = "null_as_default")]
    pub activities: Vec<ActivitySpec>,
    /// Roles, their activities and any competencies attached to the role directly.
    #[serde(default, deserialize_with = "null_as_default")]
    pub roles: Vec<RoleSpec>,
    /// Positions (posts) and their roles.
    #[serde(default, deserialize_with = "null_as_default")]
    pub positions: Vec<PositionSpec>,
    /// The course catalogue.
    #[serde(default, deserialize_with = "null_as_default")]
    pub courses: Vec<CourseSpec>,
}}

/// The three competency types of the FRAC dictionary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CompetencyType {
    /// Values and conduct across all jobs: integrity, empathy, teamwork.
    Behavioural,
    /// Applying skills in a family of jobs: noting and drafting, procurement.
    Functional,
    /// Knowledge of a sector or department: postal operations, direct taxes.
    Domain,
}

impl CompetencyType {
    /// All three types, in their canonical order.
    pub const ALL: [CompetencyType; 3] = [Self::Behavioural, Self::Functional, Self::Domain];

    /// The type's position in [`CompetencyType::ALL`].
    pub const fn index(self) -> usize {
        match self {
            Self::Behavioural => 0,
            Self::Functional => 1,
            Self::Domain => 2,
        }
    }

    /// The lowercase name used in JSON and reports.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Behavioural => "behavioural",
            Self::Functional => "functional",
            Self::Domain => "domain",
        }
    }
}

impl std::fmt::Display for CompetencyType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

object_struct! {
/// One competency of the dictionary.
///
/// # Levels
/// A competency exists at the levels `min_level..=max_level`, a sub-range of FRAC's 1 to 5.
/// By default it starts at level 1 and ends at its highest described level, or at 5 when no
/// level is described (so descriptors for levels 1 to 3 say the competency has three
/// levels, as on the platform). Requirements and course outcomes must name a level in its
/// range; evidence may name 0 (none) or a level in its range: a level between 0 and its
/// lowest level does not exist, and is [`EvidenceProblem::LevelBelowScale`](crate::EvidenceProblem::LevelBelowScale). Descriptors are optional per level: a competency may describe only some
/// of the levels at which it exists, e.g. an SFIA skill that exists at levels 4 and 5 only
/// (`"min_level": 4`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CompetencySpec {
    /// Unique, non-empty id.
    pub id: CompetencyId,
    /// Non-empty display name.
    pub name: String,
    /// Free-text description.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "null_as_default"
    )]
    pub description: String,
    /// Behavioural, functional or domain.
    #[serde(rename = "type")]
    pub kind: CompetencyType,
    /// Optional area name, kept from format version 1: a shorthand for membership of the
    /// group whose id is `area:` followed by the name (see [`GroupSpec`]). When the spec
    /// declares no such group, the framework creates it, with the name as its name and
    /// [`GroupKind::Area`] as its kind. Competencies with the same area are in the same
    /// group; for distinct groups that share a name, use [`groups`](Self::groups).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    /// The groups the competency belongs to directly, each at most once. Since format
    /// version 2.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "null_as_default"
    )]
    pub groups: Vec<GroupId>,
    /// Level descriptors, each level at most once, all within the competency's levels. Empty
    /// means no level is described.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "null_as_default"
    )]
    pub levels: Vec<LevelDescriptor>,
    /// The lowest level at which the competency exists, 1 to 5 (default 1). Since format
    /// version 2. JSON may write it as a level's number is written (`4`, `"4"`, `"Level 4"`,
    /// `"L4"`, `"IV"`, `"Level IV"`).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::model::level::optional_min_level"
    )]
    pub min_level: Option<u8>,
    /// The highest level at which the competency exists, 1 to 5 (default: the highest
    /// described level, or 5 when none is described). Since format version 2. JSON may
    /// write it as a level's number is written (`5`, `"5"`, `"Level 5"`, `"V"`,
    /// `"Level V"`).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::model::level::optional_max_level"
    )]
    pub max_level: Option<u8>,
}}

impl CompetencySpec {
    /// A competency with no description, area, group or level descriptor, existing at
    /// levels 1 to 5.
    pub fn new(id: impl Into<CompetencyId>, name: impl Into<String>, kind: CompetencyType) -> Self {
        CompetencySpec {
            id: id.into(),
            name: name.into(),
            description: String::new(),
            kind,
            area: None,
            groups: Vec::new(),
            levels: Vec::new(),
            min_level: None,
            max_level: None,
        }
    }
}

/// The id of the group a competency's [`area`](CompetencySpec::area) names: `area:` followed
/// by the name.
pub(crate) fn area_group_id(area: &str) -> GroupId {
    GroupId::new(format!("{AREA_PREFIX}{area}"))
}

/// The prefix of the group ids that areas name.
pub(crate) const AREA_PREFIX: &str = "area:";

/// What the framework readers read, for a document of another kind.
const FRAMEWORK: crate::model::json::Own = (
    crate::model::document_kind::DocumentKind::Framework,
    "a framework document",
);

/// What one proficiency level means for a competency.
///
/// As JSON, `level` is written as the number, or as the number and
/// [`LevelDescriptor::level_name`] (`"3 - Expert"`) when the descriptor holds a name
/// beside its number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LevelDescriptor {
    /// The level described, within the competency's levels, or 0 (none), which a
    /// competency may name as a rubric names its "not yet" level: evidence naming it holds
    /// nothing, and it says nothing of the levels at which the competency exists. JSON may also give it as a
    /// string holding a whole number (`"3"`, `"3.0"`, `"Level 3"`) or a Roman numeral
    /// (`"III"`, `"Level III"`, as Indian government scales write levels); a level's name
    /// alone is refused. A number with a name (`"3 - Expert"`, `"Expert (3)"`) is the number,
    /// the name kept in [`LevelDescriptor::level_name`].
    pub level: u8,
    /// Optional name; the platform default (Basic … Ustad) applies when absent. When given,
    /// it must not be blank.
    pub name: Option<String>,
    /// The name written beside the level's number in `level`, trimmed (`"3 - Expert"`
    /// gives `Expert`), as a FRAC export writes a level picked from a list; `None` for a
    /// level written as a number alone. [`Framework::new`](crate::Framework::new) requires
    /// it to be the competency's own name of that level (this descriptor's `name`, else
    /// the platform's default) or the platform's name of that number (Basic, Proficient,
    /// Advanced, Expert, Ustad for 1 to 5) when no other level of the competency has that
    /// name; compared trimmed, in any case, whitespace such as a no-break space as a space
    /// and characters that print nothing (a zero-width space) left out. Another name
    /// (another level's, or none's) is
    /// [`Error::LevelNameMismatch`](crate::Error::LevelNameMismatch), its `owner_kind`
    /// `competency`, naming the competency and both readings.
    pub level_name: Option<String>,
    /// What an officer at this level can do. Absent or `null` in a document is the empty
    /// text: a publisher may describe its levels by name only (SFIA levels, CASE rubrics
    /// with only a quality). Always written, so a document that has one reads back the same.
    pub description: String,
}

impl LevelDescriptor {
    /// A descriptor of `level` with no name and an empty description, its level written
    /// as a number; set the other fields with struct update syntax
    /// (`LevelDescriptor { name: Some("Expert".into()), ..LevelDescriptor::new(3) }`).
    pub fn new(level: u8) -> Self {
        LevelDescriptor {
            level,
            name: None,
            level_name: None,
            description: String::new(),
        }
    }
}

object_struct! {
/// A competency group: an area, theme, sub-theme or any other grouping, with an identity of
/// its own so that two groups with the same name stay distinct.
///
/// Groups form a directed acyclic hierarchy above the competencies: a group lists its
/// parent groups, a competency its groups ([`CompetencySpec::groups`]), and either may have
/// several parents (as in ESCO's skill hierarchy). [`Framework::new`](crate::Framework::new)
/// rejects unknown parents, cycles, duplicate ids and blank names.
///
/// # Example
/// ```
/// use karmayogi::{Framework, GroupKind};
///
/// let framework = Framework::from_json(r#"{
///   "format_version": 2,
///   "groups": [
///     {"id": "behavioural", "name": "Behavioural", "kind": "area"},
///     {"id": "t-ethics", "name": "Ethics and integrity", "kind": "theme",
///      "parents": ["behavioural"]}
///   ],
///   "competencies": [
///     {"id": "integrity", "name": "Integrity", "type": "behavioural", "groups": ["t-ethics"]}
///   ]
/// }"#)?;
/// assert_eq!(framework.group("t-ethics").unwrap().kind, GroupKind::Theme);
/// assert_eq!(framework.members("t-ethics")?[0].as_str(), "integrity");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GroupSpec {
    /// Unique, non-empty id. Ids starting with `area:` are the groups that competencies'
    /// [`area`](CompetencySpec::area) names.
    pub id: GroupId,
    /// Non-empty display name; several groups may share one.
    pub name: String,
    /// Free-text description.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "null_as_default"
    )]
    pub description: String,
    /// What level of a taxonomy the group is (default [`GroupKind::Free`]).
    #[serde(
        default,
        skip_serializing_if = "GroupKind::is_free",
        deserialize_with = "null_as_default"
    )]
    pub kind: GroupKind,
    /// The groups directly above this one, each at most once.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "null_as_default"
    )]
    pub parents: Vec<GroupId>,
    /// A rule by which holding the group's children implies holding the group, used when
    /// [`LevelPolicy::infer_group_rules`](crate::LevelPolicy::infer_group_rules) is on (off
    /// by default). Since format version 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<GroupRule>,
}}

impl GroupSpec {
    /// A free group with no description, no parent and no rule.
    pub fn new(id: impl Into<GroupId>, name: impl Into<String>) -> Self {
        GroupSpec {
            id: id.into(),
            name: name.into(),
            description: String::new(),
            kind: GroupKind::Free,
            parents: Vec::new(),
            rule: None,
        }
    }
}

/// When holding a group's children implies holding the group: Moodle's "complete all
/// children" and "points" rules, the roll-up of narrower competencies in the Competency and
/// Skills System (CASS), stated with a proficiency level.
///
/// A group is held through a competency that stands for it, [`competency`](Self::competency)
/// (as a Moodle parent competency stands for its children): an officer who holds at least
/// [`at_least`](Self::at_least) of the group's *children* — all of them when absent — at
/// [`level`](Self::level) or above holds that competency at `level`, unless they hold it
/// higher already. The children are the competencies directly in the group and, for each
/// child group that has a rule, the competency its rule names; a child group without a
/// rule is not a child here. Each competency counts once.
///
/// Rules apply only when a [`LevelPolicy`](crate::LevelPolicy) asks for it
/// ([`infer_group_rules`](crate::LevelPolicy::infer_group_rules)); `DESIGN.md` ("Why group
/// rules infer a competency, bottom-up, off by default") gives the reasons and the
/// properties.
///
/// [`Framework::new`](crate::Framework::new) rejects a rule naming an unknown competency,
/// a level outside that competency's range, a count of 0 or above the number of children,
/// a group with a rule and no child, and rules that depend on each other in a cycle (a
/// rule's competency among the children of its own group, or of a rule it feeds).
///
/// # Example
/// ```
/// use karmayogi::*;
///
/// let framework = Framework::from_json(r#"{
///   "format_version": 2,
///   "groups": [{"id": "t-finance", "name": "Financial Management", "kind": "theme",
///               "rule": {"competency": "finance", "level": 2, "at_least": 2}}],
///   "competencies": [
///     {"id": "finance", "name": "Financial management", "type": "functional"},
///     {"id": "budget", "name": "Budgeting", "type": "functional", "groups": ["t-finance"]},
///     {"id": "audit", "name": "Audit", "type": "functional", "groups": ["t-finance"]},
///     {"id": "gfr", "name": "General Financial Rules", "type": "functional",
///      "groups": ["t-finance"]}
///   ],
///   "roles": [{"id": "r", "name": "Accounts", "requires": [{"competency": "finance", "level": 2}]}],
///   "positions": [{"id": "p", "name": "Accounts officer", "department": "d", "roles": ["r"]}]
/// }"#)?;
/// let officer: OfficerSpec = serde_json::from_str(r#"{"id": "o1", "department": "d",
///   "position": "p", "passbook": [
///     {"competency": "budget", "level": 3, "source": "assessment"},
///     {"competency": "audit", "level": 2, "source": "assessment"}]}"#)?;
/// let plain = Profile::new(&framework, &officer, &LevelPolicy::default())?;
/// assert_eq!(plain.level(&framework, "finance")?.get(), 0);
/// let inferring = LevelPolicy::default().infer_group_rules(true);
/// let profile = Profile::new(&framework, &officer, &inferring)?;
/// assert_eq!(profile.level(&framework, "finance")?.get(), 2); // two of three at level 2
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupRule {
    /// The competency that stands for the group: held at [`level`](Self::level) when the
    /// rule is met. It must not be one of the group's own children.
    pub competency: CompetencyId,
    /// The level each counted child must be held at (or above), and the level the rule
    /// grants; within the competency's range. JSON may give it as a requirement's level
    /// is given: a number, a string holding one, or a number with a name (`"3 -
    /// Expert"`), the name kept in [`GroupRule::level_name`]; a name followed by a number
    /// (`"Band 1"`) is [`RequirementSpec::LEVEL_BY_NAME`] with the text in
    /// [`GroupRule::level_name`], read as a requirement's is.
    pub level: u8,
    /// The name written beside the level's number, trimmed; `None` for a number alone.
    /// [`Framework::new`](crate::Framework::new) requires it to be the competency's own
    /// name of that level, as a requirement's name is checked: another name is
    /// [`Error::LevelNameMismatch`](crate::Error::LevelNameMismatch), naming the group,
    /// the competency and both readings.
    pub level_name: Option<String>,
    /// How many children must be held at `level`, 1 up to the number of children; absent
    /// means all of them.
    pub at_least: Option<u32>,
}

/// What level of a taxonomy a [`GroupSpec`] is, as the Karmayogi Competency Model names
/// them (area → theme → sub-theme), or a free grouping (an ESCO skill group, a CASE
/// cluster).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupKind {
    /// A competency area (e.g. KCM's Behavioural or Functional).
    Area,
    /// A theme within an area.
    Theme,
    /// A sub-theme within a theme.
    SubTheme,
    /// Any other grouping. The default.
    #[default]
    Free,
}

impl GroupKind {
    /// All four kinds, in their canonical order.
    pub const ALL: [GroupKind; 4] = [Self::Area, Self::Theme, Self::SubTheme, Self::Free];

    /// The kind's position in [`GroupKind::ALL`].
    pub const fn index(self) -> usize {
        match self {
            Self::Area => 0,
            Self::Theme => 1,
            Self::SubTheme => 2,
            Self::Free => 3,
        }
    }

    /// The snake-case name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Area => "area",
            Self::Theme => "theme",
            Self::SubTheme => "sub_theme",
            Self::Free => "free",
        }
    }

    #[allow(clippy::trivially_copy_pass_by_ref)] // serde's `skip_serializing_if` passes a reference
    fn is_free(&self) -> bool {
        *self == GroupKind::Free
    }
}

impl std::fmt::Display for GroupKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Review state of a FRAC mapping. Only verified mappings count in requirements.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewStatus {
    /// Proposed, not yet reviewed: validated but ignored by requirements.
    Draft,
    /// Reviewed and approved: counts. The default.
    #[default]
    Verified,
}

impl ReviewStatus {
    #[allow(clippy::trivially_copy_pass_by_ref)] // serde's `skip_serializing_if` passes a reference
    fn is_verified(&self) -> bool {
        *self == ReviewStatus::Verified
    }
}

/// A competency needed at a level, by an activity or directly by a role.
///
/// As JSON, `level` is written as the number, or as the number and
/// [`RequirementSpec::level_name`] (`"3 - Advanced"`) when the requirement holds a name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequirementSpec {
    /// The competency needed.
    pub competency: CompetencyId,
    /// The level needed, 1 up to the competency's highest level. JSON may also give it as
    /// a string holding a whole number (`"3"`, `"3.0"`, `"Level 3"`), as a passbook
    /// entry's level; a level's name alone is refused. A number with a name (`"3 -
    /// Advanced"`, `"Expert (3)"`, `"Level 3: Expert"`) is the number, the name kept in
    /// [`RequirementSpec::level_name`]. A name followed by a number (`"Foundation 2"`,
    /// `"Band 1"`), which may be a competency's own level name, is read as a passbook
    /// entry's is: [`RequirementSpec::LEVEL_BY_NAME`] with the text kept whole in
    /// [`RequirementSpec::level_name`], read by the competency's names where the framework
    /// is built.
    pub level: u8,
    /// The name written beside the level's number, trimmed (`"3 - Expert"` gives
    /// `Expert`), as a FRAC export names a level picked from a list; `None` for a level
    /// written as a number alone. [`Framework::new`](crate::Framework::new) requires it to
    /// be the competency's own name of that level (its descriptor's `name`, else the
    /// platform's default, Basic to Ustad; compared trimmed, in any case, characters that print nothing left out), as a passbook
    /// entry's name is checked: another name is [`Error::LevelNameMismatch`](crate::Error::LevelNameMismatch),
    /// naming the activity or role, the competency and both readings.
    pub level_name: Option<String>,
    /// Review state; only verified requirements count. Defaults to verified.
    pub status: ReviewStatus,
}

/// [`RequirementSpec`] as JSON writes it: the level with its name.
#[derive(Deserialize)]
#[serde(rename = "RequirementSpec", deny_unknown_fields)]
struct RequirementRead {
    competency: CompetencyId,
    #[serde(deserialize_with = "crate::model::level_text::required_level")]
    level: (u8, Option<String>),
    #[serde(default, deserialize_with = "null_as_default")]
    status: ReviewStatus,
}

impl From<RequirementRead> for RequirementSpec {
    fn from(read: RequirementRead) -> RequirementSpec {
        RequirementSpec {
            competency: read.competency,
            level: read.level.0,
            level_name: read.level.1,
            status: read.status,
        }
    }
}

impl Serialize for RequirementSpec {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let level = (self.level, self.level_name.as_deref());
        let mut s = level_text::competency_at_level(
            serializer,
            ("RequirementSpec", 3),
            &self.competency,
            level,
        )?;
        if !self.status.is_verified() {
            s.serialize_field("status", &self.status)?;
        }
        s.end()
    }
}

impl RequirementSpec {
    /// The [`level`](RequirementSpec::level) of a requirement, course outcome or group
    /// rule whose level is given by name only, the name held in its `level_name`: 255,
    /// above every level a number can give, as [`Evidence::LEVEL_BY_NAME`](crate::Evidence::LEVEL_BY_NAME)
    /// is for a passbook entry. The JSON readers give it to a level written as a name
    /// followed by a number (`"Foundation 2"`, `"Band 1"`), as competencies name their
    /// levels, since only the competency can say whether that is one of its level names.
    /// [`Framework::new`](crate::Framework::new) reads it as the level of the competency
    /// with that name (its descriptor's `name`, else the platform's default; compared
    /// trimmed, in any case, characters that print nothing left out), the name kept, as the passbook's readers and the officers
    /// CSV reader read it; else as the number with the name before it (`Foundation 3` is
    /// level 3 named `Foundation`), checked as such (scales/32). [`Framework::to_spec`](crate::Framework::to_spec)
    /// gives the level read; a spec not yet built writes the name alone back.
    pub const LEVEL_BY_NAME: u8 = level_text::BY_NAME;

    /// A verified requirement, its level written as a number.
    pub fn new(competency: impl Into<CompetencyId>, level: u8) -> Self {
        RequirementSpec {
            competency: competency.into(),
            level,
            level_name: None,
            status: ReviewStatus::Verified,
        }
    }
}

object_struct! {
/// An activity: a concrete action, needing competencies at levels.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ActivitySpec {
    /// Unique, non-empty id.
    pub id: ActivityId,
    /// Non-empty display name.
    pub name: String,
    /// The competencies the activity needs; each competency at most once.
    #[serde(default, deserialize_with = "null_as_default")]
    pub requires: Vec<RequirementSpec>,
}}

object_struct! {
/// A role: a responsibility made of activities, possibly with competencies attached directly.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RoleSpec {
    /// Unique, non-empty id.
    pub id: RoleId,
    /// Non-empty display name.
    pub name: String,
    /// The role's activities; each at most once.
    #[serde(default, deserialize_with = "null_as_default")]
    pub activities: Vec<ActivityId>,
    /// Competencies required by the role itself rather than through an activity.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "null_as_default"
    )]
    pub requires: Vec<RequirementSpec>,
}}

object_struct! {
/// A position (post) in a department, carrying roles.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PositionSpec {
    /// Unique, non-empty id.
    pub id: PositionId,
    /// Non-empty display name.
    pub name: String,
    /// The owning ministry, department or organisation (MDO).
    pub department: DepartmentId,
    /// The roles the post carries: at least one, each at most once.
    pub roles: Vec<RoleId>,
}}

/// How a learning resource is delivered, for the 70-20-10 blend.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// A course, online or in a classroom (the "10").
    #[default]
    Formal,
    /// Learning with others: mentoring, communities (the "20").
    Social,
    /// Learning on the job: assignments, rotations (the "70").
    Experiential,
}

/// A competency a course builds.
///
/// As JSON, `level` is written as the number, or as the number and
/// [`CourseOutcome::level_name`] (`"3 - Expert"`) when the outcome holds a name, as a
/// [`RequirementSpec`]'s level is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CourseOutcome {
    /// The competency built.
    pub competency: CompetencyId,
    /// The level the course brings a learner to, 1 up to the competency's highest level.
    /// Absent when the catalogue tags the competency without a level (as KCM tags do):
    /// consumers must then choose a documented default, never guess silently. JSON may
    /// give it as a requirement's level is given: a number, a string holding one, or a
    /// number with a name (`"3 - Expert"`), the name kept in
    /// [`CourseOutcome::level_name`]; a level's name alone is refused. A name followed by
    /// a number (`"Foundation 2"`) is `Some(`[`RequirementSpec::LEVEL_BY_NAME`]`)` with
    /// the text in [`CourseOutcome::level_name`], read as a requirement's is.
    pub level: Option<u8>,
    /// The name written beside the level's number, trimmed (`"3 - Expert"` gives
    /// `Expert`), as a catalogue export names a level picked from a list; `None` for a
    /// level written as a number alone, and for no level.
    /// [`Framework::new`](crate::Framework::new) requires it to be the competency's own
    /// name of that level (its descriptor's `name`, else the platform's default, Basic to
    /// Ustad; compared trimmed, in any case, characters that print nothing left out), as a requirement's name is checked: another
    /// name is [`Error::LevelNameMismatch`](crate::Error::LevelNameMismatch), naming the
    /// course, the competency and both readings.
    pub level_name: Option<String>,
}

impl CourseOutcome {
    /// An outcome building `competency` to `level` (`None`: untagged), the level written
    /// as a number.
    pub fn new(competency: impl Into<CompetencyId>, level: Option<u8>) -> Self {
        CourseOutcome {
            competency: competency.into(),
            level,
            level_name: None,
        }
    }
}

object_struct! {
/// A course or other learning resource (a CBP) in the catalogue.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CourseSpec {
    /// Unique, non-empty id.
    pub id: CourseId,
    /// Non-empty display name.
    pub name: String,
    /// Duration in hours: from 5·10⁻¹³ to 10,000. Hours are held in whole pico-hours
    /// (10⁻¹² h), taken to the nearest with halves rounding up, so half a pico-hour is the
    /// smallest held ([`Error::InvalidHours`](crate::Error::InvalidHours) below it).
    pub hours: f64,
    /// Formal, social or experiential.
    #[serde(default, deserialize_with = "null_as_default")]
    pub mode: Mode,
    /// The competencies the course builds; each competency at most once.
    pub provides: Vec<CourseOutcome>,
    /// Courses to complete first; no cycles.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "null_as_default"
    )]
    pub prerequisites: Vec<CourseId>,
    /// Who offers the course.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// Language of instruction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}}

impl Default for FrameworkSpec {
    /// An empty spec at the current [`FORMAT_VERSION`], as [`FrameworkSpec::new`]: a spec
    /// built as `FrameworkSpec { competencies, ..Default::default() }` is one
    /// [`Framework::new`](crate::Framework::new) reads.
    fn default() -> Self {
        FrameworkSpec::new()
    }
}

impl FrameworkSpec {
    /// An empty spec at the current [`FORMAT_VERSION`].
    pub fn new() -> Self {
        FrameworkSpec {
            format_version: FORMAT_VERSION,
            competencies: Vec::new(),
            groups: Vec::new(),
            activities: Vec::new(),
            roles: Vec::new(),
            positions: Vec::new(),
            courses: Vec::new(),
        }
    }

    /// Reads a spec from JSON, checking `format_version` first.
    ///
    /// # Complexity
    /// O(n) time in the length n of the text (read twice: once for the version, once for
    /// the spec) and O(size of the spec) memory beside it.
    ///
    /// # Errors
    /// [`Error::UnsupportedFormatVersion`] when the version is not one this crate reads;
    /// [`Error::DocumentOfAnotherKind`] for a document of another kind that does not read
    /// (an officers document, a CASE package, an iGOT export; see
    /// [`DocumentKind::of_json`](crate::DocumentKind::of_json)), parsed again to tell;
    /// [`Error::DocumentOfNoKnownKind`] for an object of no kind the crate reads holding
    /// none of a framework document's fields (framework/17);
    /// [`Error::Json`] for malformed JSON, unknown fields, or values of the wrong type.
    pub fn from_json(json: &str) -> Result<FrameworkSpec, Error> {
        crate::model::json::from_versioned_json(json, FRAMEWORK)
    }

    /// Reads a spec from JSON as [`FrameworkSpec::from_json`] does, but on values it cannot
    /// read reports every bad field of every competency, group, activity, role, position
    /// and course, and of the document around them, at once (see `model::json_all`), in
    /// the order of their positions. O(n) time beyond the
    /// one read of a valid document; only a failed read costs another O(n).
    pub(crate) fn read_all(json: &str) -> Result<FrameworkSpec, Errors> {
        use crate::model::json_all::{List, from_versioned_json_all, read_each};
        const LISTS: [List; 6] = [
            List {
                name: "competencies",
                read: read_each::<CompetencySpec>,
            },
            List {
                name: "groups",
                read: read_each::<GroupSpec>,
            },
            List {
                name: "activities",
                read: read_each::<ActivitySpec>,
            },
            List {
                name: "roles",
                read: read_each::<RoleSpec>,
            },
            List {
                name: "positions",
                read: read_each::<PositionSpec>,
            },
            List {
                name: "courses",
                read: read_each::<CourseSpec>,
            },
        ];
        from_versioned_json_all(
            json,
            read_each::<FrameworkSpec>,
            &LISTS,
            |_, error| error,
            FRAMEWORK,
        )
    }

    /// Writes the spec as pretty-printed JSON.
    ///
    /// What the spec holds is written all the same when JSON cannot hold it, and the
    /// document then does not read back, or reads back as another: hours that are not
    /// finite (written `null`), a `format_version` this crate does not read, a level with
    /// a name beside it that no text reads back as the two (a level above 254 or a
    /// blank name; a name in brackets, starting with a dash or holding no letter is
    /// written in brackets, `"3 ((Senior))"`, `"3 (3.25)"`, and reads back), a name
    /// kept beside no level (not written). [`FrameworkSpec::try_to_json`] reports them.
    pub fn to_json(&self) -> String {
        crate::model::json::to_pretty_json(self)
    }
}

impl<'de> Deserialize<'de> for CompetencyType {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        const NAMES: &[(&str, CompetencyType)] = &[
            ("behavioural", CompetencyType::Behavioural),
            ("functional", CompetencyType::Functional),
            ("domain", CompetencyType::Domain),
        ];
        crate::model::names::deserialize(deserializer, "a competency type", NAMES)
    }
}

impl<'de> Deserialize<'de> for GroupKind {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        const NAMES: &[(&str, GroupKind)] = &[
            ("area", GroupKind::Area),
            ("theme", GroupKind::Theme),
            ("sub_theme", GroupKind::SubTheme),
            ("free", GroupKind::Free),
        ];
        crate::model::names::deserialize(deserializer, "a group kind", NAMES)
    }
}

impl<'de> Deserialize<'de> for ReviewStatus {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        const NAMES: &[(&str, ReviewStatus)] = &[
            ("draft", ReviewStatus::Draft),
            ("verified", ReviewStatus::Verified),
        ];
        crate::model::names::deserialize(deserializer, "a review status", NAMES)
    }
}

impl<'de> Deserialize<'de> for Mode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        const NAMES: &[(&str, Mode)] = &[
            ("formal", Mode::Formal),
            ("social", Mode::Social),
            ("experiential", Mode::Experiential),
        ];
        crate::model::names::deserialize(deserializer, "a delivery mode", NAMES)
    }
}

/// Read from a JSON object only, never field by field from a list.
impl<'de> Deserialize<'de> for RequirementSpec {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::model::object::object::<RequirementRead, D>(deserializer).map(Self::from)
    }
}
