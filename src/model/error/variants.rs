//! [`Error`]: every variant, its code and its JSON form. Every variant's message is built
//! by a function of `text`, one per variant's shape, so `text` is imported whole.

use super::evidence::{
    EvidenceProblem, NameReadings, PassbookRow, date_order_text, evidence_text, invalid_value_text,
};
#[allow(clippy::wildcard_imports)]
use super::text::*;
use crate::model::document_kind::DocumentKind;
use crate::model::json_path::Place;
use crate::{CompetencyId, CourseId, DepartmentId, EntityKind, GroupId, OfficerId, PositionId};

/// Everything that can go wrong, each variant naming the offending ids.
///
/// Messages are lowercase and say what was expected and what was found. Every value taken
/// from the input is quoted: a plain value in backticks as it is (`` `faceless-sop` ``),
/// any other in double quotes with its hidden characters escaped (`"faceless-sop\r"`,
/// `"\u{feff}id"`, `"p-so\u{20}"` for a trailing space), so a carriage return, a
/// byte-order mark, a tab, a zero-width character or a stray space can be seen.
///
/// # Errors as data
/// Every error has a stable machine-readable [`code`](Error::code), its variant's name in
/// snake case, and its fields are public. It serializes (`serde::Serialize`) as one flat
/// object: `code`, the variant's fields by name, and `message`, the `Display` text. A web
/// frontend can so highlight the offending file, line, column or id:
///
/// ```
/// use karmayogi::{Framework, FrameworkSpec};
///
/// let mut spec = FrameworkSpec::new();
/// spec.positions.push(serde_json::from_str(
///     r#"{"id": "p", "name": "Postmaster", "department": "posts", "roles": ["counter\r"]}"#,
/// )?);
/// let errors = Framework::new(spec).unwrap_err();
/// let error = &errors.as_slice()[0];
/// assert_eq!(error.code(), "unknown_reference");
/// assert_eq!(error.to_string(), r#"position `p` refers to unknown role "counter\r""#);
/// assert_eq!(
///     serde_json::to_value(error)?,
///     serde_json::json!({
///         "code": "unknown_reference", "from_kind": "position", "from": "p",
///         "to_kind": "role", "to": "counter\r", "nearest": null,
///         "message": "position `p` refers to unknown role \"counter\\r\""
///     })
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// | code | what went wrong |
/// |---|---|
/// | `json` | malformed JSON, an unknown or missing field, a value of the wrong type |
/// | `unsupported_format_version` | a `format_version` this crate does not read |
/// | `level_out_of_range` | a level above 5 |
/// | `empty_id` | an empty or blank id |
/// | `empty_name` | an empty or blank name |
/// | `empty_field` | another required text (a department) empty or blank |
/// | `hidden_character` | an id, department or area holding a control or invisible character |
/// | `duplicate_id` | two entities of one kind with one id |
/// | `equivalent_ids` | ids of one kind that are one text in different Unicode forms (a review's warning) |
/// | `lookalike_ids` | ids of one kind that differ only in letter case or surrounding whitespace, or, numbers, in leading zeros (a review's warning) |
/// | `lookalike_uris` | concepts of a publisher's file whose URIs differ only in a trailing slash or `http`/`https` (a load's note) |
/// | `unknown_reference` | a reference to an id the framework does not hold |
/// | `duplicate_reference` | the same target listed twice |
/// | `invalid_level` | a requirement or course level outside the competency's scale |
/// | `level_name_mismatch` | a requirement's, course outcome's, group rule's or level descriptor's level written with a name the competency does not give that level |
/// | `invalid_level_scale` | level descriptors naming a level twice or outside the competency's range |
/// | `invalid_level_range` | a `min_level`/`max_level` outside 1 to 5, or lowest above highest |
/// | `blank_level_name` | a level descriptor with a blank name |
/// | `level_named_as_number` | a level descriptor whose name reads as another level's number (`Level 2` naming level 3) |
/// | `same_level_names` | two level descriptors of one competency whose names read as one, differing only by case, spacing or characters that print nothing |
/// | `blank_area` | a competency with a blank area |
/// | `position_without_roles` | a position with no role |
/// | `prerequisite_cycle` | course prerequisites in a cycle |
/// | `group_cycle` | competency groups listing each other as parents in a cycle |
/// | `invalid_group_rule` | a group rule counting 0 children, more than the group has, or a group with a rule and no child |
/// | `group_rule_cycle` | group rules whose competencies feed each other in a cycle |
/// | `invalid_hours` | course hours not in [5e-13, 10000] |
/// | `invalid_evidence` | a passbook entry that is wrong; `problem.problem` says how ([`EvidenceProblem`]) |
/// | `department_mismatch` | (a warning) an officer in another department than their position's |
/// | `invalid_policy_date` | a cut-off or as-of date that is not an ISO date |
/// | `unknown_id` | a query or option naming an id the framework does not hold |
/// | `framework_mismatch` | a profile or cohort used with another framework |
/// | `invalid_weight` | a weight that is negative or not finite |
/// | `invalid_id_weight` | a per-competency or per-position weight that is negative or not finite |
/// | `capacity_exceeded` | more items than the compact stores index |
/// | `case_missing_document` | a CASE package without a `CFDocument` |
/// | `case_several_documents` | a CASE package whose `CFDocument` is a list of several documents |
/// | `case_missing_identifier` | a CASE element without an identifier |
/// | `case_missing_field` | a CASE field the mapping needs, missing or blank |
/// | `case_field_name` | a CASE field named in another case or spelling (`Identifier`) |
/// | `case_field_type` | a CASE field the import needs, holding a value of the wrong type |
/// | `case_duplicate_identifier` | two CASE elements with one identifier |
/// | `case_duplicate_id` | two CASE items that would get one competency or group id (a code that is another item's identifier) |
/// | `case_child_of_cycle` | `isChildOf` associations in a cycle |
/// | `case_invalid_identifier` | an export identifier given that is not a UUID, or a blank or hidden-character document identifier |
/// | `case_conflicting_identifiers` | two export identifiers given for one group |
/// | `case_identifier_clash` | an export identifier given for a group that another element has |
/// | `case_invalid_date_time` | an export date-time that is not ISO 8601 |
/// | `case_item_type_name` | an export `CFItemType` name that is blank or given to two kinds |
/// | `case_text_on_several_lines` | an export text for a CASE `NormalizedString` holding a tab or line break |
/// | `csv_unclosed_quote` | a quoted CSV field never closed |
/// | `csv_misplaced_quote` | a quote inside an unquoted CSV field, or text after a closing one |
/// | `csv_field_count` | a CSV record with another number of fields than the header |
/// | `csv_repeated_header` | a CSV header repeated after the first line (two exports joined) |
/// | `csv_missing_column` | a CSV header without a needed column |
/// | `csv_line_above_header` | a line of two cells or more above an HR export's header, below title lines |
/// | `csv_ambiguous_column` | a CSV header naming a needed column twice (`Id` and `ID`) |
/// | `csv_shared_header` | a CSV header cell naming two needed columns (`Position / Target Position`) |
/// | `csv_name_column` | a CSV header giving a column's items by name (`Position Name`) where ids are read |
/// | `csv_delimiter` | a CSV header separated by another character than the delimiter given or declared |
/// | `csv_ambiguous_delimiter` | a CSV header that two delimiters read as the columns needed |
/// | `csv_encoding` | a CSV file in UTF-16 rather than UTF-8 |
/// | `csv_looks_like_json` | a JSON document given as a CSV file |
/// | `csv_other_layout` | a publisher's file in a layout the loader does not read (O*NET's database files) |
/// | `csv_invalid_value` | a CSV field that does not hold what its column needs |
/// | `csv_date_order` | a CSV date that reads day first and month first, with nothing to settle which |
/// | `csv_duplicate_key` | a CSV row repeating an earlier row's key |
/// | `csv_unknown_reference` | a CSV row naming an id its target does not hold |
/// | `csv_refused_reference` | a CSV row naming the id of a row not read for its own problem |
/// | `csv_row` | a problem of the framework's rules found in a CSV row; `error` holds it |
/// | `invalid_option` | an option outside the values it accepts |
/// | `igot_shape` | an iGOT platform document whose top level, API response around its records, or record list is of another shape |
/// | `igot_unread_entries` | an iGOT export's list none of whose entries is a record the loader reads |
/// | `document_of_another_kind` | a JSON document of another kind than the reader reads (an officers document given as a framework) |
/// | `document_of_no_known_kind` | a JSON object of no kind the crate reads, holding none of the reader's fields |
#[derive(Clone, Debug, PartialEq, thiserror::Error, serde::Serialize)]
#[serde(remote = "Self", tag = "code", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Error {
    /// The JSON could not be read: malformed, an unknown field, a missing field or a value
    /// of the wrong type (`null` in a required field too). Fix the document at the given
    /// line and column, which `path` and `id` also locate: ``invalid json at line 4,
    /// column 31 (`positions[3].department`, id `hpo-1`): invalid type: null, expected a
    /// string``. From a writer's `try_to_json`
    /// ([`FrameworkSpec::try_to_json`](crate::FrameworkSpec::try_to_json),
    /// [`OfficersSpec::try_to_json`](crate::OfficersSpec::try_to_json)), the same about the
    /// text it would write, or a value there that reads back as another: fix the value
    /// the spec holds at that path.
    #[error("invalid json at line {line}, column {column}{}: {message}", Place(.path, .id))]
    Json {
        /// 1-based line of the problem (0 when unknown).
        line: usize,
        /// 1-based column of the problem (0 when unknown): of the last byte the parser
        /// read, which for a number, string or boolean of the wrong type is its last;
        /// for a list or object where a value of another type belongs, its `[` or `{`
        /// when refused on sight (a list for an officer), its `]` or `}` when read
        /// first (a list for a level, which may be a number or a string).
        column: usize,
        /// Where the problem is in the document, as a path from its top level:
        /// `positions[3].department` (a value of the wrong type or an unknown field),
        /// `officers[12].passbook[0]` (an object missing a field names the object). Empty
        /// at the top level, for a document that is no JSON at all, and when the text is
        /// not known (an error converted from a bare `serde_json::Error`).
        path: String,
        /// The `id` of the innermost object on `path` that has a string `id` (the
        /// position, officer, competency or course), wherever it stands in that object;
        /// `None` when none of the innermost 8 objects on the path has one.
        id: Option<String>,
        /// The parser's description, without the position. Serialized as `description`,
        /// since `message` is the whole message of every serialized error.
        #[serde(rename = "description")]
        message: String,
    },
    /// The document's `format_version` is not the one this crate reads. Convert the document
    /// or use a matching crate version.
    #[error("unsupported format_version {found}: expected 1 to {expected}")]
    UnsupportedFormatVersion {
        /// The version in the document.
        found: u64,
        /// The newest version this crate reads; it reads every version from
        /// [`OLDEST_FORMAT_VERSION`](crate::OLDEST_FORMAT_VERSION) (1) up to this.
        expected: u32,
    },
    /// A proficiency level above 5. Levels run from 0 (none) to 5.
    #[error("level {value} is out of range: expected 0 to 5")]
    LevelOutOfRange {
        /// The value given.
        value: u32,
    },
    /// An entity has an empty id, or one of whitespace only. Give it an id.
    #[error("{kind} at index {index} has an empty id")]
    EmptyId {
        /// What kind of entity.
        kind: EntityKind,
        /// Its index in the list it came in.
        index: usize,
    },
    /// An entity has an empty name, or one that shows nothing: whitespace and invisible
    /// characters (such as a zero-width space) only. Give it a name.
    #[error("{kind} {} has an empty name", quoted(id))]
    EmptyName {
        /// What kind of entity.
        kind: EntityKind,
        /// Its id.
        id: String,
    },
    /// A text the entity needs, other than its id and name (a position's or officer's
    /// department), is empty or whitespace only. Fill it in.
    #[error("{kind} {} has an empty {field}", quoted(id))]
    EmptyField {
        /// What kind of entity.
        kind: EntityKind,
        /// Its id.
        id: String,
        /// The field's JSON name.
        field: &'static str,
    },
    /// An id, or a text used as one (a department, a competency's area), holds a
    /// character that cannot be seen or that breaks the line it is printed on: a control
    /// character (line break, tab, carriage return), a bidirectional override, a
    /// zero-width or other invisible character, or whitespace other than the space. Such
    /// an id prints exactly like another, or reorders the report it is printed in, so it is
    /// refused; the message shows the character escaped. Remove it.
    #[error("{}", hidden_text(*kind, id, field, value))]
    HiddenCharacter {
        /// What kind of entity.
        kind: EntityKind,
        /// Its id (the value itself when `field` is `id`).
        id: String,
        /// The field's JSON name: `id`, `department` or `area` (in a CASE import, `id` for
        /// an item's identifier and `humanCodingScheme` when that gives the id).
        field: &'static str,
        /// The value holding the character.
        value: String,
    },
    /// Two entities of the same kind share an id. Ids must be unique per kind.
    #[error("duplicate {kind} id {}", quoted(id))]
    DuplicateId {
        /// What kind of entity.
        kind: EntityKind,
        /// The repeated id.
        id: String,
    },
    /// Ids of one kind that are the same text in different Unicode normalisation forms: `José`
    /// written with a precomposed `é` (NFC) and with `e` and a combining accent (NFD). They
    /// print alike but are distinct ids, never merged: a warning of
    /// [`Framework::review`](crate::Framework::review) (for officer ids, of
    /// [`Framework::review_officers`](crate::Framework::review_officers) and an HR
    /// export's load), not a reason to refuse the framework. Write every id in one form
    /// (NFC is what most keyboards and exports give) unless the entities are meant to
    /// differ.
    #[error("{}", alike(*kind, ids, "are one text in different unicode forms (nfc/nfd)"))]
    EquivalentIds {
        /// What kind of entity.
        kind: EntityKind,
        /// The ids, sorted byte by byte. The message shows each with every character
        /// outside ASCII escaped (`"Jos\u{e9}"`, `"Jose\u{301}"`), as they print alike.
        ids: Vec<String>,
    },
    /// Ids of one kind that differ only in letter case or in whitespace around them (`rti`,
    /// `RTI`, `rti `), as one id typed twice or pasted from a spreadsheet cell with a
    /// trailing space gives. They are distinct ids, never merged: a warning of
    /// [`Framework::review`](crate::Framework::review) (for officer ids, of
    /// [`Framework::review_officers`](crate::Framework::review_officers) and an HR
    /// export's load), not a reason to refuse the framework. Ids of ASCII digits that
    /// differ only in leading zeros (`0123`, `123`: a spreadsheet drops them from an id it
    /// takes for a number) are lookalikes too, and the message says so. So are ids that
    /// differ only in characters of another script that stand for ASCII letters or digits:
    /// a Greek or Cyrillic letter that looks like a Latin one (`us` and `uѕ` with a
    /// Cyrillic `ѕ`, as a keyboard switched to another layout types it) or a digit of a
    /// script of India (`EMP012` and `EMP०१२`, as an HR system set to an Indian locale
    /// writes it), named in `other_script` and in the message. Ids that differ
    /// only in Unicode form are [`Error::EquivalentIds`] instead.
    #[error("{}", alike(*kind, ids, &lookalike_how(ids, other_script)))]
    LookalikeIds {
        /// What kind of entity.
        kind: EntityKind,
        /// The ids, sorted byte by byte. The message shows each escaped, so the whitespace
        /// around them and characters of another script show.
        ids: Vec<String>,
        /// The characters of other scripts in the ids that stand for ASCII letters or
        /// digits, each once, by code point: what makes `u\u{455}` look like `us`. Empty
        /// when the ids differ only in case, whitespace or leading zeros.
        other_script: Vec<crate::OtherScriptCharacter>,
    },
    /// Concepts of a publisher's CSV file (ESCO's official `occupations_<lang>.csv`,
    /// `skills_<lang>.csv`, or the skill groups of `skillsHierarchy_<lang>.csv`, each at the
    /// line of the first row giving it) whose URIs differ only in a trailing slash or in the scheme
    /// `http`/`https` (`http://data.europa.eu/esco/occupation/b`, `…/occupation/b/`): URIs
    /// compare as written, so each is read as its own concept and nothing is merged, but a
    /// URI names one concept, and two written so are almost always one concept written
    /// twice. A note of [`load_esco_report`](crate::load_esco_report)
    /// ([`EscoLoad::notes`](crate::EscoLoad::notes)), not a reason to refuse the files.
    /// Remove the copy or correct its URI.
    #[error("{}", lookalike_uris_text(file, uris, lines))]
    LookalikeUris {
        /// The file, as named in the reference layout.
        file: &'static str,
        /// The URIs, sorted byte by byte. The message shows each escaped.
        uris: Vec<String>,
        /// The 1-based line of each URI's row, in the order of `uris`.
        lines: Vec<usize>,
    },
    /// An entity refers to an id that does not exist. Add the target or fix the reference.
    /// `nearest` is the id of that kind closest to it, when one is close, as for
    /// [`Error::UnknownId`]: equal but for case, surrounding whitespace, invisible
    /// characters, Unicode form, Greek or Cyrillic letters that look like Latin ones
    /// (`n\u{43e}ting`, with a Cyrillic `о`, for `noting`; the message names such letters)
    /// or leading zeros, or a small edit away.
    #[error("{}", unknown_reference_text((*from_kind, from), (*to_kind, to), nearest.as_deref()))]
    UnknownReference {
        /// Kind of the referring entity.
        from_kind: EntityKind,
        /// Id of the referring entity.
        from: String,
        /// Kind of the missing target.
        to_kind: EntityKind,
        /// The missing id.
        to: String,
        /// The closest id of kind `to_kind`, if one is close.
        nearest: Option<String>,
    },
    /// An entity lists the same target twice (e.g. a role naming an activity twice, or an
    /// activity requiring a competency twice). List each once, at the intended level.
    #[error("{}", repeated_reference_text(*from_kind, from, *to_kind, to))]
    DuplicateReference {
        /// Kind of the listing entity.
        from_kind: EntityKind,
        /// Id of the listing entity.
        from: String,
        /// Kind of the repeated target.
        to_kind: EntityKind,
        /// The repeated id.
        to: String,
    },
    /// A level outside what the competency defines: requirements and course outcomes need
    /// 1 to the competency's highest level. (Evidence levels are
    /// [`Error::InvalidEvidence`].) A level outside 1 to 5, which no competency has, is
    /// also reported beside the [`Error::UnknownReference`] of an unknown competency, with
    /// `min` 1 and `max` 5, so that both are fixed in one round. A target of
    /// [`Framework::recommend_targets`](crate::Framework::recommend_targets), which has no
    /// id of its own, is owned by its competency (`owner_kind` `Competency`, `owner` the
    /// competency's id), and the message says "a target".
    #[error("{}", invalid_level_text(*owner_kind, owner, competency, *level, *min, *max))]
    InvalidLevel {
        /// Kind of the entity naming the level.
        owner_kind: EntityKind,
        /// Id of that entity.
        owner: String,
        /// The competency.
        competency: String,
        /// The level given.
        level: u8,
        /// Lowest level allowed there.
        min: u8,
        /// The competency's highest level.
        max: u8,
    },
    /// A requirement's, course outcome's, group rule's or level descriptor's level is
    /// written with a name (`"3 - Advanced"`) that the competency does not give that level:
    /// the number says one level, the name another or none, and which is meant is
    /// unknowable. Names are the competency's own (its level descriptors' `name`), else the
    /// platform's defaults (Basic, Proficient, Advanced, Expert, Ustad), as for a passbook
    /// entry ([`EvidenceProblem::LevelNameMismatch`]); a level descriptor's level may also
    /// carry the platform's name of its number when no other level of the competency has
    /// that name. Write the number alone, or with the competency's name of that level.
    #[error("{owner_kind} {} names competency {} at {}", quoted(owner), quoted(competency),
        NameReadings { level: *level, name, level_named: level_named.as_deref(), named: *named })]
    LevelNameMismatch {
        /// Kind of the entity naming the level (an activity or a role for a requirement, a
        /// course for a course outcome, a group for a group rule, the competency itself for
        /// a level descriptor).
        owner_kind: EntityKind,
        /// Id of that entity.
        owner: String,
        /// The competency.
        competency: String,
        /// The level's number as written; [`RequirementSpec::LEVEL_BY_NAME`] for a level
        /// written as a name alone (`"VI"`, `"Senior"`) that names no level of the
        /// competency.
        ///
        /// [`RequirementSpec::LEVEL_BY_NAME`]: crate::RequirementSpec::LEVEL_BY_NAME
        level: u8,
        /// The name written beside it.
        name: String,
        /// The competency's name of level `level`, if it has one.
        level_named: Option<String>,
        /// The level of the competency that `name` names, if exactly one does.
        named: Option<u8>,
    },
    /// A competency's level descriptors name a level twice, or a level outside the levels
    /// at which the competency exists other than 0 (none, which a competency may name).
    /// Describe each level once, within its range (or widen the range with `min_level` and
    /// `max_level`).
    #[error("{}", level_scale_text(competency, found, *min, *max))]
    InvalidLevelScale {
        /// The competency.
        competency: String,
        /// The levels its descriptors name, in the order given.
        found: Vec<u8>,
        /// The lowest level at which the competency exists.
        min: u8,
        /// The highest level a descriptor may name: the competency's `max_level` when
        /// given, otherwise 5 (without `max_level` the competency exists up to its highest
        /// descriptor).
        max: u8,
    },
    /// A competency's `min_level` or `max_level` is outside 1 to 5, or the lowest level is
    /// above the highest. Give `1 ≤ min_level ≤ max_level ≤ 5`.
    #[error("{}", level_range_text(competency, *min, *max))]
    InvalidLevelRange {
        /// The competency.
        competency: String,
        /// Its lowest level (`min_level`, or 1 when absent).
        min: u8,
        /// Its highest level (`max_level`, or the default).
        max: u8,
    },
    /// A level descriptor's name shows nothing: empty, or only whitespace and invisible
    /// characters such as a zero-width space. Give the level a name, or leave the name out
    /// to use the platform default.
    #[error("{}", blank_level_name_text(competency, *level))]
    BlankLevelName {
        /// The competency.
        competency: String,
        /// The level described.
        level: u8,
    },
    /// A level descriptor's name reads as another level's number (`Level 2` naming level 3,
    /// as a scale counted from 0 names its levels; `2`, `L0`): wherever a level is written
    /// (a passbook entry, a requirement, a course outcome, an HR export's cell), such text
    /// is read as the number it holds, never as the name, so a level given by its name would
    /// be read as another level. Give the level a name that is no other level's number
    /// (`Band 2`), or leave the name out to use the platform default.
    #[error("{}", named_as_number_text(competency, *level, name, *reads_as))]
    LevelNamedAsNumber {
        /// The competency.
        competency: String,
        /// The level described.
        level: u8,
        /// Its name, as given.
        name: String,
        /// The level number the name reads as (possibly beyond 5).
        reads_as: u64,
    },
    /// Two level descriptors of one competency give names that read as one: the same once
    /// each run of whitespace is one space and characters that print nothing (a no-break
    /// or zero-width space, a zero-width joiner, a soft hyphen, a byte order mark) are left
    /// out, in any case, as every reader of a level's name compares names. A level written
    /// by that name (a passbook entry's, a CSV cell's) could be either, so it would be
    /// refused wherever it is read; the message shows both names with such characters
    /// escaped. Give the levels names that differ in what they show.
    #[error("{}", same_level_names_text(competency, *levels, names))]
    SameLevelNames {
        /// The competency.
        competency: String,
        /// The two levels, lower first.
        levels: [u8; 2],
        /// Their names, as given, in the order of `levels`.
        names: [String; 2],
    },
    /// A competency's area shows nothing (empty, or only whitespace and invisible
    /// characters), so it names no group. Give the area a name, or no area.
    #[error("{}", blank_area_text(competency.as_str()))]
    BlankArea {
        /// The competency.
        competency: CompetencyId,
    },
    /// A position carries no role, so nothing could be required of it. Give it a role.
    #[error("position {} has no roles", quoted(position.as_str()))]
    PositionWithoutRoles {
        /// The position.
        position: PositionId,
    },
    /// Course prerequisites form a cycle, so no order could complete them. Break the cycle.
    #[error("prerequisite cycle: {}", cycle_text(courses))]
    PrerequisiteCycle {
        /// The courses in cycle order, starting from the smallest id; each requires the next,
        /// and the last requires the first.
        courses: Vec<CourseId>,
    },
    /// Competency groups list each other as parents in a cycle, so no group is above the
    /// others. Remove one of the parent links.
    #[error("group cycle: {}", group_cycle_text(groups))]
    GroupCycle {
        /// The groups in cycle order, starting from the smallest id; each lists the next as
        /// a parent, and the last lists the first.
        groups: Vec<GroupId>,
    },
    /// A group's rule ([`GroupRule`](crate::GroupRule)) can never be met, or would be met
    /// by everyone: its group has no child to infer it from (no competency directly in it,
    /// no child group with a rule), or its `at_least` is 0 or more than its children. Count
    /// 1 up to the number of children, or leave `at_least` out for all of them.
    #[error("{}", group_rule_text(group, *at_least, *children))]
    InvalidGroupRule {
        /// The group.
        group: GroupId,
        /// The rule's `at_least`; `None` for all children.
        at_least: Option<u32>,
        /// The children the rule counts: competencies directly in the group and the
        /// competencies of child groups' rules, each once.
        children: u32,
    },
    /// Group rules feed each other in a cycle: a rule's competency is one of the children
    /// of the next rule's group, and the last rule's competency one of the first's (a
    /// rule whose competency sits in its own group is a cycle of one). No order could
    /// evaluate them; move the competency out of the group, or drop a rule.
    #[error("group rule cycle: {}", group_cycle_text(groups))]
    GroupRuleCycle {
        /// The rules' groups in cycle order, starting from the smallest id; each rule's
        /// competency is a child of the next group, and the last one's of the first.
        groups: Vec<GroupId>,
    },
    /// A course's hours are not a number from 5·10⁻¹³ to 10,000. Hours are held in whole
    /// pico-hours (10⁻¹² h), taken to the nearest with halves rounding up, so half a
    /// pico-hour is the smallest positive number of hours held: anything smaller would
    /// count as 0 hours in every sum of a plan.
    #[error("course {} has {} hours: expected {}",
        quoted(course.as_str()), number(*hours), crate::model::hours::HOURS_EXPECTED)]
    InvalidHours {
        /// The course.
        course: CourseId,
        /// The hours given.
        hours: f64,
    },
    /// An entry of an officer's passbook is wrong, or (from
    /// [`Framework::review_officers`](crate::Framework::review_officers)) probably wrong.
    /// `problem` says how; `index` is the entry's 0-based position in the passbook.
    #[error("{}", evidence_text(officer, *index, competency, problem))]
    InvalidEvidence {
        /// The officer whose passbook holds the entry.
        officer: OfficerId,
        /// The entry's 0-based index in the passbook (from a CSV file: among the officer's
        /// well-formed rows, in file order; for an officer `officers.csv` does not hold
        /// or did not read, among the rows naming that id).
        index: usize,
        /// The competency the entry names.
        competency: CompetencyId,
        /// What is wrong.
        problem: EvidenceProblem,
    },
    /// (A warning, from [`Framework::review_officers`](crate::Framework::review_officers).)
    /// An officer's department is not the department of the position they hold: a
    /// deputation, or a mistake in either. Check both. When the two are one id written
    /// otherwise (`12` for `0012`, as a spreadsheet drops leading zeros; another case;
    /// another Unicode form, which the message then says), the message asks whether the
    /// position's was meant.
    #[error(
        "{}",
        mismatch_text(officer, department, position, position_department)
    )]
    DepartmentMismatch {
        /// The officer.
        officer: OfficerId,
        /// The officer's department.
        department: DepartmentId,
        /// The position they hold.
        position: PositionId,
        /// That position's department.
        position_department: DepartmentId,
    },
    /// A date given to a policy or review (a cut-off, an as-of date) is not an ISO 8601
    /// calendar date `YYYY-MM-DD`.
    #[error("{}", policy_date_text(value))]
    InvalidPolicyDate {
        /// The text given.
        value: String,
    },
    /// A query or an option named an id the framework (or, for a department, the cohort)
    /// does not hold. `nearest` is the known id closest to it, when one is close (a small
    /// edit distance, or equal but for case, surrounding whitespace and Unicode form); an
    /// id that is the asked id in another Unicode form (`Ω-law` for `"\u{2126}-law"`, with
    /// the Ohm sign) comes first, and the message says it is the same text.
    #[error("unknown {kind} {}{}", quoted(id), did_you_mean(Some(id), nearest.as_deref()))]
    UnknownId {
        /// What kind of entity was asked for.
        kind: EntityKind,
        /// The id asked for.
        id: String,
        /// The closest known id, if one is close.
        nearest: Option<String>,
    },
    /// A profile or cohort was built against a different framework than the one it is used
    /// with. Build it again from this framework.
    #[error("the profile or cohort was built from a different framework")]
    FrameworkMismatch,
    /// A weight is neither 0 nor a number from
    /// [`Weights::MIN_POSITIVE`](crate::Weights::MIN_POSITIVE) (10⁻⁹) to
    /// [`Weights::MAX`](crate::Weights::MAX) (10⁹). Give 0 for what is not wanted.
    #[error("weight `{name}` is {}: expected 0 or a number from 1e-9 to 1e9", number(*value))]
    InvalidWeight {
        /// Which weight.
        name: &'static str,
        /// The value given.
        value: f64,
    },
    /// A priority weight given to one competency or position is neither 0 nor a number
    /// from [`Weights::MIN_POSITIVE`](crate::Weights::MIN_POSITIVE) (10⁻⁹) to
    /// [`Weights::MAX`](crate::Weights::MAX) (10⁹). Give 0 for what is not wanted.
    #[error("weight of {kind} {} is {}: expected 0 or a number from 1e-9 to 1e9",
        quoted(id), number(*value))]
    InvalidIdWeight {
        /// Whether a competency or a position was weighted.
        kind: EntityKind,
        /// Its id.
        id: String,
        /// The weight given.
        value: f64,
    },
    /// More items than the compact stores can index.
    #[error("too many {what}: at most {limit}")]
    CapacityExceeded {
        /// What overflowed.
        what: &'static str,
        /// The largest count supported.
        limit: u64,
    },
    /// A CASE package has no `CFDocument`, and its items and associations do not name
    /// one document in `CFDocumentURI` (a package without one is read as the document its
    /// elements name, as CASE API endpoints answer). Add the framework's document: every
    /// package carries exactly one.
    #[error("{}", missing_document_text(documents))]
    CaseMissingDocument {
        /// The documents the elements name in `CFDocumentURI`, by identifier, sorted:
        /// none, or several (which one the package is, is unknowable).
        documents: Vec<String>,
    },
    /// A CASE package's `CFDocument` is a list of several documents with different
    /// identifiers (one document listed several times is that document: copies saying the
    /// same, or agreeing on its identifier and title, whose other values are joined and
    /// reported; copies of one identifier with other titles are
    /// [`Error::CaseDuplicateIdentifier`]): a package is one framework, and which document
    /// its items belong to is unknowable. Import each framework's package alone (the CASE
    /// API serves one per document).
    #[error("case package holds {} CFDocuments: {}: expected one, a package is one framework",
        documents.len(), quoted_list(documents))]
    CaseSeveralDocuments {
        /// The documents, in package order: each by its identifier, or by its path in the
        /// package (`CFDocument[1]`) when it has none.
        documents: Vec<String>,
    },
    /// A CASE element has no identifier, or a blank one. Give it its UUID.
    #[error("no identifier on {element} at {path}")]
    CaseMissingIdentifier {
        /// What kind of element.
        element: CaseElement,
        /// Where it is in the package, e.g. `CFItems[3]`.
        path: String,
    },
    /// A field CASE requires is missing or blank, e.g. the document's `creator` on export,
    /// or a part CASE's `LinkURI` requires (`title`, `identifier`, `uri`) of the
    /// document's `licenseURI` or a `subjectURI` (`licenseURI.title`). Fill it in. (On import, an item nothing names and an association without a type or
    /// an end are not errors: the import sets them aside and reports them.)
    #[error("no {field} on {element} {}", quoted(identifier))]
    CaseMissingField {
        /// What kind of element.
        element: CaseElement,
        /// Its identifier.
        identifier: String,
        /// The field's JSON name, or its path within the element for a link's part
        /// (`licenseURI.title`).
        field: &'static str,
    },
    /// A CASE element has a field whose name differs from one CASE defines by `-` or `_`
    /// (e.g. `full_statement` for `fullStatement`), or only in case beside CASE's own name
    /// or another such spelling (`Identifier` beside `identifier`: which is meant is
    /// unknowable; alone, it is read as CASE's name), or, on an element without an
    /// `identifier`, a field other specifications name the identifier by (`OneRoster`'s
    /// `sourcedId`, `id`, `uuid`, `guid`) or that a converter from XML wrote for an
    /// `identifier` attribute (`@identifier`, `@_identifier`, `$.identifier`). CASE names
    /// the identifier `identifier`: rename the field, or remove the other spelling.
    #[error("case field {} at {path}: expected `{expected}`", quoted(found))]
    CaseFieldName {
        /// Where the element is in the package, e.g. `CFItems[3]`.
        path: String,
        /// The field name found.
        found: String,
        /// The CASE field name it resembles.
        expected: &'static str,
    },
    /// A CASE field the import needs has a value of the wrong JSON type (e.g. an item whose
    /// `fullStatement` is a number), or a field of the document that export writes back as
    /// given does (`CFDocument.version` holding `1.1`, a number, where CASE types text:
    /// which text it stands for, `1.1` or `1.10`, is unknowable). Give it the type CASE
    /// defines. Fields the import does not need are set aside and reported instead.
    #[error("case field {path} is {found}: expected {expected}")]
    CaseFieldType {
        /// The field, e.g. `CFItems[3].fullStatement`, `CFDocument.version`.
        path: String,
        /// The JSON type found, e.g. `a number`.
        found: &'static str,
        /// What CASE defines, e.g. `a string`.
        expected: &'static str,
    },
    /// Two CASE elements share an identifier, which must be unique across the package.
    /// CASE identifiers are UUIDs, which RFC 4122 and RFC 9562 make case-insensitive, so
    /// UUIDs compare without regard to case, to a `urn:uuid:` prefix and to spaces around
    /// them: `A1B2…` and `a1b2…` are one identifier, and the message says so when the two
    /// are written differently; so are other identifiers (codes) differing only by the
    /// spaces around them, and the message says that. Give each element its own UUID. The
    /// error says where both
    /// elements are, so a frontend can point at them.
    #[error("{}", duplicate_text(identifier, path, earlier, earlier_path))]
    CaseDuplicateIdentifier {
        /// The repeated identifier, as the later element writes it.
        identifier: String,
        /// Where the later element is, e.g. `CFItems[7]` (the element lists of the
        /// package, `CFDocument`, or a rubric's `CFRubrics[0].CFRubricCriteria[1]`).
        path: String,
        /// The identifier as the earlier element holding it writes it: the same text, or
        /// the same UUID written in another case, with a `urn:uuid:` prefix or with spaces.
        earlier: String,
        /// Where the earlier element is, written as `path`.
        earlier_path: String,
    },
    /// Two CASE items would give the same competency (or group) id: one item's
    /// `humanCodingScheme` (the id under
    /// [`CaseIds::HumanCodingScheme`](crate::CaseIds::HumanCodingScheme), or a code the
    /// crate's export derived the identifier from) is another item's identifier, so the two
    /// would merge. The error names both items, where each is and which field gave each the
    /// id; each later item is reported, with the first item that has the id. Give one of
    /// them another code, or import by identifier.
    #[error("{}", case_id_text(*kind, id, items))]
    CaseDuplicateId {
        /// What the two items map to: a competency or a group.
        kind: EntityKind,
        /// The id both would get.
        id: String,
        /// The two items: their identifiers, paths and the fields that gave the id
        /// (serialized beside `kind` and `id`).
        #[serde(flatten)]
        items: Box<CaseIdItems>,
    },
    /// `isChildOf` associations form a cycle, so no item is above the others. Remove one of
    /// the associations.
    #[error("isChildOf cycle through CFItems {}", quoted_list(items))]
    CaseChildOfCycle {
        /// The items on the cycle, sorted.
        items: Vec<String>,
    },
    /// An identifier given for export is not a CASE UUID: a group or area identifier given
    /// in the options (use `8-4-4-4-12` hexadecimal digits with version 1 to 5 and variant
    /// `8`, `9`, `a` or `b`; export writes them in lowercase), or a document identifier
    /// that is blank or holds a control or invisible character (any other document
    /// identifier gives a derived UUID, see
    /// [`CaseDocument::case_identifier`](crate::CaseDocument::case_identifier)).
    #[error("{}", invalid_identifier_text(identifier))]
    CaseInvalidIdentifier {
        /// The identifier given.
        identifier: String,
    },
    /// An export was given an identifier for one group twice, different each time: by
    /// [`CaseExportOptions::group_identifier`](crate::CaseExportOptions::group_identifier)
    /// and [`area_identifier`](crate::CaseExportOptions::area_identifier) for the area's
    /// group, or by two calls for it. Give each group one identifier.
    #[error("{}", conflicting_text(group, identifiers))]
    CaseConflictingIdentifiers {
        /// The group.
        group: GroupId,
        /// The identifiers given for it, sorted, in lowercase.
        identifiers: Vec<String>,
    },
    /// An identifier an export was given for a group is already the identifier of another
    /// element: the document's, one given for another group, or that of a competency whose
    /// id is this UUID. Give the group another identifier.
    #[error("{}", clash_text(identifier, group, *other_kind, other))]
    CaseIdentifierClash {
        /// The identifier, in lowercase.
        identifier: String,
        /// The group it was given for.
        group: GroupId,
        /// The kind of the element that has it already: `None` for the document.
        other_kind: Option<EntityKind>,
        /// That element's id (for the document, its identifier).
        other: String,
    },
    /// The `lastChangeDateTime` given for export does not read as an ISO 8601 date or
    /// date-time (it is blank, or e.g. `15/01/2025`), or names its zone by an
    /// abbreviation of no known offset (`2025-01-15 10:00 NZST`; known: `UTC`, `GMT`,
    /// `UT`, `IST` and RFC 5322's North American zones). Use e.g.
    /// `2025-01-15T10:00:00Z` or `2025-01-15T10:00:00+12:00`.
    #[error(
        "lastChangeDateTime {} is not an iso 8601 date-time: expected yyyy-mm-ddThh:mm:ss, optional fraction and time zone (an offset, or UTC, GMT, IST or an RFC 5322 zone after a space), or a date",
        quoted(value)
    )]
    CaseInvalidDateTime {
        /// The text given.
        value: String,
    },
    /// A `CFItemType` given to export is blank, or is given to two kinds of element, so the
    /// import could not tell the kinds apart. Give each competency type and group kind its
    /// own non-blank name.
    #[error(
        "export CFItemType {} is blank or names two kinds of element: expected one non-blank name per kind",
        quoted(name)
    )]
    CaseItemTypeName {
        /// The name given.
        name: String,
    },
    /// Text that export would write into a CASE field typed `NormalizedString` holds a tab,
    /// line feed or carriage return, which such a string cannot hold: a competency's or
    /// group's name written as `abbreviatedStatement` beside its description, a level's
    /// name written as `quality`, the document's `title`, `creator`, `frameworkType`,
    /// `publisher`, `version`, `adoptionStatus`, a `subject`, or the `title` of its
    /// `licenseURI` or a `subjectURI`, or a text of the export options: a `CFItemType`
    /// ([`CaseExportOptions::item_type`](crate::CaseExportOptions::item_type),
    /// [`group_item_type`](crate::CaseExportOptions::group_item_type)) or the rubric's
    /// `title` ([`rubric_title`](crate::CaseExportOptions::rubric_title)). A strict CASE
    /// reading refuses the package, and a normalizing one reads other text than the
    /// framework's. Write the text on one line (a name without a description is written as
    /// `fullStatement`, a `String`, which may span lines).
    #[error("{}", several_lines_text(*element, id, *level, field, value))]
    CaseTextOnSeveralLines {
        /// The element that would hold the text.
        element: CaseElement,
        /// The competency's or group's id, the document's identifier as given, or for a
        /// text of the options the option: `item_type(functional)`,
        /// `group_item_type(area)` (the kind as JSON names it), `rubric_title`.
        id: String,
        /// For a level's name, the level.
        level: Option<u8>,
        /// The CASE field: `abbreviatedStatement`, `quality`, `title`, `creator`,
        /// `frameworkType`, `publisher`, `version`, `adoptionStatus`, `subject`,
        /// `licenseURI.title`, `subjectURI.title` or `CFItemType`.
        field: &'static str,
        /// The text.
        value: String,
    },
    /// A CSV file has a quoted field that is never closed. Add the closing `"`, and double
    /// any quote inside the field (`""`).
    #[error("{file} line {line}: a quoted field opened here is never closed")]
    CsvUnclosedQuote {
        /// The file, as named in the reference layout (e.g. `esco/skills.csv`).
        file: &'static str,
        /// 1-based line where the field opens.
        line: usize,
    },
    /// A CSV field is only partly quoted: a `"` inside an unquoted field, or text after a
    /// closing quote. Quote the whole field and double the quotes inside it.
    #[error(
        "{file} line {line}, field {field}: misplaced quote, expected the whole field in quotes with inner quotes doubled"
    )]
    CsvMisplacedQuote {
        /// The file, as named in the reference layout.
        file: &'static str,
        /// 1-based line of the quote.
        line: usize,
        /// 1-based position of the field in its record.
        field: usize,
    },
    /// A CSV record has a different number of fields than the header: fewer than up to
    /// its last named column, or a value beyond its last column. Quote fields that
    /// contain commas, and give every record one field per header column.
    #[error("{file} line {line} has {found} fields: expected {expected}, as in the header")]
    CsvFieldCount {
        /// The file, as named in the reference layout.
        file: &'static str,
        /// 1-based line where the record starts.
        line: usize,
        /// The number of header columns.
        expected: usize,
        /// The number of fields in the record.
        found: usize,
    },
    /// A record after the header repeats it (in any ASCII case, a byte-order mark before
    /// it aside), or is Excel's `sep=,` line: two exports joined into one file. The
    /// record is no row and is not read; the rows before and after it are. Remove the line
    /// (and check that the rows of the two exports do not repeat each other).
    #[error("{file} line {line} repeats the header: two exports joined into one file?")]
    CsvRepeatedHeader {
        /// The file, as named in the reference layout.
        file: &'static str,
        /// 1-based line where the repeated header starts.
        line: usize,
    },
    /// A CSV header lacks a column the loader needs. Add the column (columns may come in
    /// any order; extra ones are ignored). When a later line of the file names every
    /// column the loader needs (a spreadsheet export that starts with a title, a date and
    /// a blank line above its header), `header_line` says which, and the message tells to
    /// remove the lines above it.
    #[error("{}", missing_column_text(file, column, *header_line, nearest.as_deref()))]
    CsvMissingColumn {
        /// The file, as named in the reference layout.
        file: &'static str,
        /// The missing column.
        column: &'static str,
        /// The 1-based line of the first record below the header that names every column
        /// the loader needs (read as the header is: any case, the loader's aliases);
        /// `None` when no record of the file does.
        header_line: Option<usize>,
        /// The header cell that looks most like the column, as a loader's
        /// [`ColumnNotRead::nearest`](crate::ColumnNotRead::nearest) names one: its text,
        /// or a part of it before or inside brackets or beside a bilingual ` / `, is a
        /// small edit away from the column's name or another name HR exports give it
        /// (`Employe ID (कर्मचारी आईडी)` for `id`). `None` when no cell is.
        nearest: Option<String>,
    },
    /// A line of two or more cells that are not empty stands above the header of an HR
    /// export's file (officers or passbooks), whose first lines are read past as title
    /// lines (`Officers report`, `Generated on 2026-03-01`: one cell each). Such a line
    /// may be a misplaced header or a row, so the file is not read. Remove the line, or
    /// put the header first.
    #[error("{}", line_above_header_text(file, (*line, *header_line), cells))]
    CsvLineAboveHeader {
        /// The file, as named in the reference layout.
        file: &'static str,
        /// The 1-based line where the record starts.
        line: usize,
        /// The 1-based line of the header below it, the first record naming every column
        /// the loader needs.
        header_line: usize,
        /// Its cells that are not empty, trimmed of whitespace, as written.
        cells: Vec<String>,
    },
    /// A CSV header names a column the loader needs more than once: two headers spelt
    /// alike apart from capitalisation (`Id` and `ID`, `id` and `ID`) or spelt the same.
    /// Which one holds the column cannot be known, so neither is read. Rename or remove
    /// all but one.
    #[error("{}", ambiguous_column_text(file, column, headers))]
    CsvAmbiguousColumn {
        /// The file, as named in the reference layout.
        file: &'static str,
        /// The column the loader needs.
        column: &'static str,
        /// The headers naming it, as written, in header order.
        headers: Vec<String>,
    },
    /// One cell of a CSV header names two or more columns the loader reads, whole or by
    /// its parts (`Position / Target Position`, whose sides name `position` and `target`;
    /// `Employee ID / Position ID`). A cell holds one column's values, and which one these
    /// are cannot be known, so none of the columns is read from it and the file is not
    /// read. Give each column a cell of its own, or rename the cell to the one column it
    /// holds.
    #[error("{}", shared_header_text(file, *position, header, columns))]
    CsvSharedHeader {
        /// The file, as named in the reference layout.
        file: &'static str,
        /// The cell's 1-based position in the header.
        position: usize,
        /// The cell, trimmed of whitespace, as written.
        header: String,
        /// The columns it names, in the order the loader reads them (required ones first).
        columns: Vec<&'static str>,
    },
    /// A CSV header gives a column the loader reads ids from by a header that says its
    /// cells hold names (`Position Name`, `Designation Name`, `Competency Name`,
    /// `Department Name`), and no header gives the ids. The loaders look cells up as ids;
    /// a name read as an id would be unknown or, worse, another item's id, so the column
    /// is not read. Export the id column (`Position ID`, `Competency ID`) or, if the cells
    /// do hold the framework's ids, rename the header to the column's own name.
    #[error("{}", name_column_text(file, column, header))]
    CsvNameColumn {
        /// The file, as named in the reference layout.
        file: &'static str,
        /// The column the loader needs (`position`, `competency`).
        column: &'static str,
        /// The header naming the items by name, as written.
        header: String,
    },
    /// A CSV file's header is separated by another character than the delimiter given
    /// ([`OfficersCsvOptions::delimiter`](crate::OfficersCsvOptions::delimiter)) or declared
    /// by its `sep=` line: under that delimiter it lacks a column the loader needs, and
    /// under `found` it names them all. Give the delimiter the file uses, or none to have
    /// it told from the header.
    #[error("{file} separates the fields of its header with `{}`: expected `{}`",
        found.escape_debug(), expected.escape_debug())]
    CsvDelimiter {
        /// The file, as named in the reference layout.
        file: &'static str,
        /// The separator found: `,`, `;`, a tab or `|`.
        found: char,
        /// The delimiter given or declared.
        expected: char,
    },
    /// A CSV header names every column the loader needs whichever of two or more
    /// delimiters splits it, and they split it differently, so which one the file uses
    /// cannot be told. Give the delimiter
    /// ([`OfficersCsvOptions::delimiter`](crate::OfficersCsvOptions::delimiter)), or
    /// start the file with Excel's `sep=;` line.
    #[error("{}", ambiguous_delimiter_text(file, delimiters))]
    CsvAmbiguousDelimiter {
        /// The file, as named in the reference layout.
        file: &'static str,
        /// The delimiters, in the order `,` `;` tab `|`.
        delimiters: Vec<char>,
    },
    /// A CSV file is UTF-16 text (as Excel's "Unicode Text" and some HR systems save it),
    /// read as UTF-8: its header holds a NUL character between letters, so no column could
    /// be found. Save the file as UTF-8 ("CSV UTF-8" in Excel), or decode it before
    /// passing its text.
    #[error("{file} is in {encoding}: expected UTF-8")]
    CsvEncoding {
        /// The file, as named in the reference layout.
        file: &'static str,
        /// The encoding found: `UTF-16LE` or `UTF-16BE`, with `with a byte-order mark`
        /// when it has one.
        encoding: &'static str,
    },
    /// A CSV file's text is a JSON document: it starts, a byte-order mark and whitespace
    /// aside, with `{` before `"` or `}`, or `[` before `{`, `[`, `"` or `]` (an officers,
    /// framework or iGOT document given where its CSV form was expected). Pass the CSV
    /// file, or give the document to the reader of its kind, which `kind` names when the
    /// text is a document of a kind the crate reads (see [`DocumentKind::of_json`]; the
    /// message then names its readers). Nothing else of the file is read.
    #[error(
        "{file} looks like JSON ({found}): expected CSV, a header line then rows{}",
        json_kind_hint(*kind)
    )]
    CsvLooksLikeJson {
        /// The file, as named in the reference layout.
        file: &'static str,
        /// What the text starts as: `an object` or `an array`.
        found: &'static str,
        /// The kind of document the text is, when it parses as JSON and is of a kind the
        /// crate reads (`framework`, `officers`, …); `None` otherwise.
        kind: Option<DocumentKind>,
    },
    /// A CSV file is in a publisher's layout that the loader does not read: one of
    /// O*NET's database files (`Skills.txt`, `Occupation Data.txt`, `Content Model
    /// Reference.txt`, `Task Statements.txt`, told from their headers `O*NET-SOC Code`,
    /// `Element ID`, `Scale ID`, …) given to [`load_onet`](crate::load_onet), which reads
    /// the compact layout. Convert the file to the layout `expected` names. Nothing else of
    /// the file is read, so its columns are not reported one by one.
    #[error("{file} is in {layout}, which this loader does not read: convert it to {expected}")]
    CsvOtherLayout {
        /// The file, as named in the reference layout.
        file: &'static str,
        /// The layout found, naming the publisher's file it is, e.g. ``O*NET's database
        /// layout (`Occupation Data.txt`)``.
        layout: &'static str,
        /// The layout the loader reads, with its columns.
        expected: &'static str,
    },
    /// A CSV field does not hold what its column needs. Correct the value at that line.
    /// In a passbook row whose officer and competency cells read, the error names the
    /// entry too, as [`Error::InvalidEvidence`] does.
    #[error("{}", invalid_value_text((file, *line, column), entry.as_deref(), found, expected))]
    CsvInvalidValue {
        /// The file, as named in the reference layout.
        file: &'static str,
        /// 1-based line where the record starts.
        line: usize,
        /// The column.
        column: &'static str,
        /// The text found (surrounding whitespace removed).
        found: String,
        /// What the column needs. For a passbook row's level, the levels of the row's
        /// competency in the framework (`a level from 0 to 4`); when the competency is
        /// not the framework's, no range (`a level, 0 (none) or one of the competency's
        /// levels (at most 5)`).
        expected: std::borrow::Cow<'static, str>,
        /// In a passbook row whose officer and competency cells read: the entry it holds
        /// (its fields serialized beside the others; absent otherwise).
        #[serde(flatten)]
        entry: Option<Box<PassbookRow>>,
    },
    /// A date of a CSV file's date column reads both day first and month first
    /// (`03/04/2026`: 3 April or March 4), and no date of the column has a number above
    /// 12 to settle which. Give the order
    /// ([`OfficersCsvOptions::date_order`](crate::OfficersCsvOptions::date_order)), or
    /// write the dates as ISO 8601 (`2026-04-03`). The row is not read.
    #[error("{}", date_order_text((file, *line, column), entry.as_deref(), found))]
    CsvDateOrder {
        /// The file, as named in the reference layout.
        file: &'static str,
        /// 1-based line where the record starts.
        line: usize,
        /// The column.
        column: &'static str,
        /// The text found (surrounding whitespace removed).
        found: String,
        /// The passbook entry the row holds, when its officer and competency cells read
        /// (its fields serialized beside the others; absent otherwise).
        #[serde(flatten)]
        entry: Option<Box<PassbookRow>>,
    },
    /// A CSV row repeats the key of an earlier row. Keep one of the two rows. A numeric
    /// key is one number however it is written, so `01` on one row and `1` on another
    /// repeat each other, and the message shows both texts.
    #[error("{file} line {line}: {column} {} repeats line {first_line}{}", quoted(key), written_there(first_key.as_deref()))]
    CsvDuplicateKey {
        /// The file, as named in the reference layout.
        file: &'static str,
        /// 1-based line of the repeat.
        line: usize,
        /// The key column or columns, comma-separated.
        column: &'static str,
        /// The repeated key as this row writes it; several columns' values are joined by
        /// commas.
        key: String,
        /// 1-based line of the first row with this key.
        first_line: usize,
        /// The key as the first row writes it, when that is another text (a number with
        /// leading zeros: `01` there, `1` here); `None` when the rows write it alike.
        first_key: Option<String>,
    },
    /// A CSV row refers to an id that the file (or framework) it points into does not hold.
    /// Add the row there or fix the id.
    #[error(
        "{file} line {line}, column `{column}`: {} is not in {target}{}{}",
        quoted(found),
        did_you_mean(Some(found), nearest.as_deref()),
        quote_hint(nearest.as_deref(), *quote_nearest)
    )]
    CsvUnknownReference {
        /// The file, as named in the reference layout.
        file: &'static str,
        /// 1-based line where the record starts.
        line: usize,
        /// The referring column.
        column: &'static str,
        /// The id found.
        found: String,
        /// The file (or the part of the framework) that should hold it.
        target: &'static str,
        /// The closest id it holds, if one is close.
        nearest: Option<String>,
        /// Whether only a quoted CSV cell holds `nearest` (`"p "` for the position
        /// `p `): it has spaces around it (an unquoted cell is trimmed), a quote, a comma
        /// or a semicolon. The message then gives the cell to write.
        quote_nearest: bool,
    },
    /// A CSV row refers to an id whose own row, in the file it points into, was not read
    /// for a problem of that row (e.g. [`Error::CsvFieldCount`]): the id is there, so it
    /// is not unknown, but this row is not read either. Correct the row referred to.
    #[error(
        "{file} line {line}, column `{column}`: {} is the id of {target} line {target_line}, which was not read for its own problem",
        quoted(found)
    )]
    CsvRefusedReference {
        /// The file, as named in the reference layout.
        file: &'static str,
        /// 1-based line where the record starts.
        line: usize,
        /// The referring column.
        column: &'static str,
        /// The id found.
        found: String,
        /// The file that holds the row not read.
        target: &'static str,
        /// 1-based line where that row starts (the first, if several rows with this id
        /// were not read).
        target_line: usize,
    },
    /// A row of a CSV file breaks one of the framework's rules; `error` says which (e.g.
    /// [`Error::InvalidEvidence`] for a completion above the course's level). Correct the
    /// value at that line and column.
    #[error("{file} line {line}, column `{column}`: {error}")]
    CsvRow {
        /// The file, as named by the loader.
        file: &'static str,
        /// 1-based line where the record starts.
        line: usize,
        /// The column holding the value at fault.
        column: &'static str,
        /// The problem.
        #[serde(serialize_with = "super::serialize::serialize_boxed")]
        error: Box<Error>,
    },
    /// An option (an hour budget, a cap, a share, a loader setting) is outside the values it
    /// accepts. Pass a value in the stated range.
    #[error("option `{option}` is {}: expected {expected}", number(*value))]
    InvalidOption {
        /// The option, as named by its setter.
        option: &'static str,
        /// The value given.
        value: f64,
        /// What the option accepts.
        expected: &'static str,
    },
    /// An iGOT platform document is not shaped as its loader reads it: the top level, the
    /// API response around the records (`result`, `result.content`, a user record's
    /// `profileDetails`), or a list every record of the document sits in, holds another
    /// JSON type or lacks what the loader reads there. Records, tag lists and tags with
    /// problems of their own are set aside and reported instead (see
    /// [`IgotReport`](crate::IgotReport)). Give the loader the document it names.
    #[error("{document} at `{path}`: found {found}, expected {expected}")]
    IgotShape {
        /// The kind of document, e.g. `kcm dictionary`.
        document: &'static str,
        /// Where, as a JSON path (`$` for the top level, `$.result.content`).
        path: String,
        /// The JSON type found, e.g. `an object`.
        found: &'static str,
        /// What the loader reads there.
        expected: &'static str,
    },
    /// An iGOT loader was given a list of entries none of which is a record it reads:
    /// every entry is an object holding none of the fields its records hold, or no object
    /// at all (another program's export, such as a list of another shape). Setting each
    /// entry aside would load the document as empty; it is refused instead. A list with
    /// at least one such record is read, its other entries set aside and reported (see
    /// [`IgotReport`](crate::IgotReport)); `[]` is an empty load. Give the loader the
    /// document it names.
    #[error("{}", igot_unread_entries_text(document, path, *entries, fields, expected))]
    IgotUnreadEntries {
        /// The kind of document, e.g. `position master list`.
        document: &'static str,
        /// Where the list is, as a JSON path (`$`, `$.positions`).
        path: String,
        /// How many entries it holds.
        entries: u64,
        /// The fields its entries hold, sorted, each once (the message lists the first
        /// 20, escaped); empty when no entry is an object.
        fields: Vec<String>,
        /// The fields the loader reads of a record, one of which a record holds.
        expected: Vec<&'static str>,
    },
    /// A reader was given a JSON document of another kind: an officers document to a
    /// framework reader, a framework or CASE package to an officers reader, one iGOT
    /// export to another's loader (see [`DocumentKind::of_json`] for how a kind is told).
    /// Give the document to the reader the message names, or give this reader the
    /// document it reads.
    #[error("expected {expected}, found {found}: it is read by {}", found.readers())]
    DocumentOfAnotherKind {
        /// What the reader reads, e.g. `a framework document`.
        expected: &'static str,
        /// What the document looks like.
        found: DocumentKind,
    },
    /// A framework or officers reader was given a JSON object of no kind the crate reads
    /// (see [`DocumentKind::of_json`]) and holding none of the fields the reader's
    /// documents hold: another program's file (the FRAC service's default level
    /// descriptors, a settings file), not a document of this kind with faults, which is
    /// reported field by field as before. Give the reader the document it names, with
    /// the fields `missing` lists.
    #[error("{}", no_known_kind_text(expected, fields, missing))]
    DocumentOfNoKnownKind {
        /// What the reader reads, e.g. `a framework document`.
        expected: &'static str,
        /// The object's fields, sorted (the message lists the first 20, escaped).
        fields: Vec<String>,
        /// The fields a document the reader reads must hold, e.g. `format_version`.
        missing: Vec<&'static str>,
    },
}
