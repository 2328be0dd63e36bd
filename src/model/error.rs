//! The crate's one error type, and [`Errors`], the list validation returns.

use std::fmt;

use crate::model::quote::quoted;
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
///         "to_kind": "role", "to": "counter\r",
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
/// | `unknown_reference` | a reference to an id the framework does not hold |
/// | `duplicate_reference` | the same target listed twice |
/// | `invalid_level` | a requirement or course level outside the competency's scale |
/// | `invalid_level_scale` | level descriptors naming a level twice or outside the competency's range |
/// | `invalid_level_range` | a `min_level`/`max_level` outside 1 to 5, or lowest above highest |
/// | `blank_level_name` | a level descriptor with a blank name |
/// | `blank_area` | a competency with a blank area |
/// | `position_without_roles` | a position with no role |
/// | `prerequisite_cycle` | course prerequisites in a cycle |
/// | `group_cycle` | competency groups listing each other as parents in a cycle |
/// | `invalid_group_rule` | a group rule counting 0 children, more than the group has, or a group with a rule and no child |
/// | `group_rule_cycle` | group rules whose competencies feed each other in a cycle |
/// | `invalid_hours` | course hours not in (0, 10000] |
/// | `invalid_evidence` | a passbook entry that is wrong; `problem.problem` says how ([`EvidenceProblem`]) |
/// | `department_mismatch` | (a warning) an officer in another department than their position's |
/// | `invalid_policy_date` | a cut-off or as-of date that is not an ISO date |
/// | `unknown_id` | a query or option naming an id the framework does not hold |
/// | `framework_mismatch` | a profile or cohort used with another framework |
/// | `invalid_weight` | a weight that is negative or not finite |
/// | `invalid_id_weight` | a per-competency or per-position weight that is negative or not finite |
/// | `capacity_exceeded` | more items than the compact stores index |
/// | `case_missing_document` | a CASE package without a `CFDocument` |
/// | `case_missing_identifier` | a CASE element without an identifier |
/// | `case_missing_field` | a CASE field the mapping needs, missing or blank |
/// | `case_field_name` | a CASE field named in another case or spelling (`Identifier`) |
/// | `case_field_type` | a CASE field the import needs, holding a value of the wrong type |
/// | `case_duplicate_identifier` | two CASE elements with one identifier |
/// | `case_child_of_cycle` | `isChildOf` associations in a cycle |
/// | `case_invalid_identifier` | an export identifier that is not a UUID |
/// | `case_conflicting_identifiers` | two export identifiers given for one group |
/// | `case_identifier_clash` | an export identifier given for a group that another element has |
/// | `case_invalid_date_time` | an export date-time that is not ISO 8601 |
/// | `case_item_type_name` | an export `CFItemType` name that is blank or given to two kinds |
/// | `csv_unclosed_quote` | a quoted CSV field never closed |
/// | `csv_misplaced_quote` | a quote inside an unquoted CSV field, or text after a closing one |
/// | `csv_field_count` | a CSV record with another number of fields than the header |
/// | `csv_missing_column` | a CSV header without a needed column |
/// | `csv_invalid_value` | a CSV field that does not hold what its column needs |
/// | `csv_duplicate_key` | a CSV row repeating an earlier row's key |
/// | `csv_unknown_reference` | a CSV row naming an id its target does not hold |
/// | `csv_row` | a problem of the framework's rules found in a CSV row; `error` holds it |
/// | `invalid_option` | an option outside the values it accepts |
/// | `igot_shape` | an iGOT platform document whose top level (or record list) is another JSON type |
#[derive(Clone, Debug, PartialEq, thiserror::Error, serde::Serialize)]
#[serde(remote = "Self", tag = "code", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Error {
    /// The JSON could not be read: malformed, an unknown field, a missing field or a value
    /// of the wrong type. Fix the document at the given line and column.
    #[error("invalid json at line {line}, column {column}: {message}")]
    Json {
        /// 1-based line of the problem (0 when unknown).
        line: usize,
        /// 1-based column of the problem (0 when unknown).
        column: usize,
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
    /// An entity has an empty name, or one of whitespace only. Give it a name.
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
    /// An entity refers to an id that does not exist. Add the target or fix the reference.
    #[error(
        "{from_kind} {} refers to unknown {to_kind} {}",
        quoted(from),
        quoted(to)
    )]
    UnknownReference {
        /// Kind of the referring entity.
        from_kind: EntityKind,
        /// Id of the referring entity.
        from: String,
        /// Kind of the missing target.
        to_kind: EntityKind,
        /// The missing id.
        to: String,
    },
    /// An entity lists the same target twice (e.g. a role naming an activity twice, or an
    /// activity requiring a competency twice). List each once, at the intended level.
    #[error(
        "{from_kind} {} lists {to_kind} {} more than once",
        quoted(from),
        quoted(to)
    )]
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
    /// [`Error::InvalidEvidence`].)
    #[error(
        "{owner_kind} {} names competency {} at level {level}: expected {min} to {max}",
        quoted(owner),
        quoted(competency)
    )]
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
    /// A competency's level descriptors name a level twice, or a level outside the levels
    /// at which the competency exists. Describe each level once, within its range (or widen
    /// the range with `min_level` and `max_level`).
    #[error(
        "competency {} describes levels {found:?}: expected each level at most once, within {min} to {max}",
        quoted(competency)
    )]
    InvalidLevelScale {
        /// The competency.
        competency: String,
        /// The levels its descriptors name, in the order given.
        found: Vec<u8>,
        /// The lowest level at which the competency exists.
        min: u8,
        /// The highest level at which the competency exists (at most 5).
        max: u8,
    },
    /// A competency's `min_level` or `max_level` is outside 1 to 5, or the lowest level is
    /// above the highest. Give `1 ≤ min_level ≤ max_level ≤ 5`.
    #[error(
        "competency {} exists at levels {min} to {max}: expected 1 to 5, lowest first",
        quoted(competency)
    )]
    InvalidLevelRange {
        /// The competency.
        competency: String,
        /// Its lowest level (`min_level`, or 1 when absent).
        min: u8,
        /// Its highest level (`max_level`, or the default).
        max: u8,
    },
    /// A level descriptor's name is empty or only whitespace. Give the level a name, or
    /// leave the name out to use the platform default.
    #[error(
        "competency {} gives level {level} a blank name: expected a name or none",
        quoted(competency)
    )]
    BlankLevelName {
        /// The competency.
        competency: String,
        /// The level described.
        level: u8,
    },
    /// A competency's area is empty or only whitespace, so it names no group. Give the area
    /// a name, or no area.
    #[error(
        "competency {} has a blank area: expected a name or no area",
        quoted(competency.as_str())
    )]
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
    /// A course's hours are not a finite number above 0 and at most 10,000.
    #[error(
        "course {} has {hours} hours: expected a number above 0 and at most 10000",
        quoted(course.as_str())
    )]
    InvalidHours {
        /// The course.
        course: CourseId,
        /// The hours given.
        hours: f64,
    },
    /// An entry of an officer's passbook is wrong, or (from
    /// [`Framework::review_officers`](crate::Framework::review_officers)) probably wrong.
    /// `problem` says how; `index` is the entry's 0-based position in the passbook.
    #[error(
        "officer {} passbook entry {index} (competency {}): {problem}",
        quoted(officer.as_str()),
        quoted(competency.as_str())
    )]
    InvalidEvidence {
        /// The officer whose passbook holds the entry.
        officer: OfficerId,
        /// The entry's 0-based index in the passbook (from a CSV file: among the officer's
        /// well-formed rows, in file order).
        index: usize,
        /// The competency the entry names.
        competency: CompetencyId,
        /// What is wrong.
        problem: EvidenceProblem,
    },
    /// (A warning, from [`Framework::review_officers`](crate::Framework::review_officers).)
    /// An officer's department is not the department of the position they hold: a
    /// deputation, or a mistake in either. Check both.
    #[error(
        "officer {} is in department {} but position {} belongs to {}",
        quoted(officer.as_str()),
        quoted(department.as_str()),
        quoted(position.as_str()),
        quoted(position_department.as_str())
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
    #[error(
        "policy date {} is not an iso date: expected yyyy-mm-dd{}",
        quoted(value),
        date_hint(value)
    )]
    InvalidPolicyDate {
        /// The text given.
        value: String,
    },
    /// A query or an option named an id the framework (or, for a department, the cohort)
    /// does not hold. `nearest` is the known id closest to it, when one is close (a small
    /// edit distance, or equal but for case and surrounding whitespace).
    #[error("unknown {kind} {}{}", quoted(id), did_you_mean(nearest.as_deref()))]
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
    /// A weight is not a finite number at least 0.
    #[error("weight `{name}` is {value}: expected a finite number at least 0")]
    InvalidWeight {
        /// Which weight.
        name: &'static str,
        /// The value given.
        value: f64,
    },
    /// A priority weight given to one competency or position is not a finite number at
    /// least 0.
    #[error(
        "weight of {kind} {} is {value}: expected a finite number at least 0",
        quoted(id)
    )]
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
    /// A CASE package has no `CFDocument`. Add the framework's document: every package
    /// carries exactly one.
    #[error("case package has no CFDocument")]
    CaseMissingDocument,
    /// A CASE element has no identifier, or a blank one. Give it its UUID.
    #[error("no identifier on {element} at {path}")]
    CaseMissingIdentifier {
        /// What kind of element.
        element: crate::CaseElement,
        /// Where it is in the package, e.g. `CFItems[3]`.
        path: String,
    },
    /// A field CASE requires (and the mapping needs) is missing or blank, e.g. an item's
    /// `fullStatement` or an association's `originNodeURI`. Fill it in.
    #[error("no {field} on {element} {}", quoted(identifier))]
    CaseMissingField {
        /// What kind of element.
        element: crate::CaseElement,
        /// Its identifier.
        identifier: String,
        /// The field's JSON name.
        field: &'static str,
    },
    /// A CASE element has a field whose name differs from one CASE defines only in case,
    /// `-` or `_` (e.g. `Identifier` for `identifier`). CASE field names are case-sensitive:
    /// rename the field.
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
    /// `fullStatement` is a number). Give it the type CASE defines. Fields the import does
    /// not need are set aside and reported instead.
    #[error("case field {path} is {found}: expected {expected}")]
    CaseFieldType {
        /// The field, e.g. `CFItems[3].fullStatement`.
        path: String,
        /// The JSON type found, e.g. `a number`.
        found: &'static str,
        /// What CASE defines, e.g. `a string`.
        expected: &'static str,
    },
    /// Two CASE elements share an identifier, which must be unique across the package
    /// (identifiers that are UUIDs compare without regard to case). Give each its own UUID.
    #[error("duplicate case identifier {}", quoted(identifier))]
    CaseDuplicateIdentifier {
        /// The repeated identifier.
        identifier: String,
    },
    /// `isChildOf` associations form a cycle, so no item is above the others. Remove one of
    /// the associations.
    #[error("isChildOf cycle through CFItems {}", quoted_list(items))]
    CaseChildOfCycle {
        /// The items on the cycle, sorted.
        items: Vec<String>,
    },
    /// An identifier given for export is not a CASE UUID. Use `8-4-4-4-12` hexadecimal
    /// digits with version 1 to 5 and variant `8`, `9`, `a` or `b` (export writes them in
    /// lowercase).
    #[error(
        "case identifier {} is not a uuid: expected 8-4-4-4-12 hex digits, version 1 to 5",
        quoted(identifier)
    )]
    CaseInvalidIdentifier {
        /// The identifier given.
        identifier: String,
    },
    /// An export was given an identifier for one group twice, different each time: by
    /// [`CaseExportOptions::group_identifier`](crate::CaseExportOptions::group_identifier)
    /// and [`area_identifier`](crate::CaseExportOptions::area_identifier) for the area's
    /// group, or by two calls for it. Give each group one identifier.
    #[error(
        "group {} is given {} case identifiers: {}: expected one",
        quoted(group.as_str()),
        identifiers.len(),
        quoted_list(identifiers)
    )]
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
    /// The `lastChangeDateTime` given for export is not an ISO 8601 date-time. Use e.g.
    /// `2025-01-15T10:00:00Z`.
    #[error(
        "lastChangeDateTime {} is not an iso 8601 date-time: expected yyyy-mm-ddThh:mm:ss, optional fraction and time zone",
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
    /// A CSV record has a different number of fields than the header. Quote fields that
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
    /// A CSV header lacks a column the loader needs. Add the column (columns may come in
    /// any order; extra ones are ignored).
    #[error("{file} has no column `{column}` in its header")]
    CsvMissingColumn {
        /// The file, as named in the reference layout.
        file: &'static str,
        /// The missing column.
        column: &'static str,
    },
    /// A CSV field does not hold what its column needs. Correct the value at that line.
    #[error(
        "{file} line {line}, column `{column}`: found {}, expected {expected}",
        quoted(found)
    )]
    CsvInvalidValue {
        /// The file, as named in the reference layout.
        file: &'static str,
        /// 1-based line where the record starts.
        line: usize,
        /// The column.
        column: &'static str,
        /// The text found (surrounding whitespace removed).
        found: String,
        /// What the column needs.
        expected: &'static str,
    },
    /// A CSV row repeats the key of an earlier row. Keep one of the two rows.
    #[error(
        "{file} line {line}: {column} {} repeats line {first_line}",
        quoted(key)
    )]
    CsvDuplicateKey {
        /// The file, as named in the reference layout.
        file: &'static str,
        /// 1-based line of the repeat.
        line: usize,
        /// The key column or columns, comma-separated.
        column: &'static str,
        /// The repeated key; several columns' values are joined by commas.
        key: String,
        /// 1-based line of the first row with this key.
        first_line: usize,
    },
    /// A CSV row refers to an id that the file (or framework) it points into does not hold.
    /// Add the row there or fix the id.
    #[error(
        "{file} line {line}, column `{column}`: {} is not in {target}{}",
        quoted(found),
        did_you_mean(nearest.as_deref())
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
        #[serde(serialize_with = "serialize_boxed")]
        error: Box<Error>,
    },
    /// An option (an hour budget, a cap, a share, a loader setting) is outside the values it
    /// accepts. Pass a value in the stated range.
    #[error("option `{option}` is {value}: expected {expected}")]
    InvalidOption {
        /// The option, as named by its setter.
        option: &'static str,
        /// The value given.
        value: f64,
        /// What the option accepts.
        expected: &'static str,
    },
    /// An iGOT platform document is not shaped as its loader reads it: the top level, or a
    /// list every record of the document sits in, holds another JSON type. Records of the
    /// right shape with problems of their own are set aside and reported instead (see
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
}

impl Error {
    /// The error's stable machine-readable code: its variant's name in snake case (e.g.
    /// `"unknown_reference"` for [`Error::UnknownReference`]). The table in [`Error`]'s
    /// docs lists them; a code never changes meaning once released.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Json { .. } => "json",
            Error::UnsupportedFormatVersion { .. } => "unsupported_format_version",
            Error::LevelOutOfRange { .. } => "level_out_of_range",
            Error::EmptyId { .. } => "empty_id",
            Error::EmptyName { .. } => "empty_name",
            Error::EmptyField { .. } => "empty_field",
            Error::HiddenCharacter { .. } => "hidden_character",
            Error::DuplicateId { .. } => "duplicate_id",
            Error::UnknownReference { .. } => "unknown_reference",
            Error::DuplicateReference { .. } => "duplicate_reference",
            Error::InvalidLevel { .. } => "invalid_level",
            Error::InvalidLevelScale { .. } => "invalid_level_scale",
            Error::InvalidLevelRange { .. } => "invalid_level_range",
            Error::BlankLevelName { .. } => "blank_level_name",
            Error::BlankArea { .. } => "blank_area",
            Error::PositionWithoutRoles { .. } => "position_without_roles",
            Error::PrerequisiteCycle { .. } => "prerequisite_cycle",
            Error::GroupCycle { .. } => "group_cycle",
            Error::InvalidGroupRule { .. } => "invalid_group_rule",
            Error::GroupRuleCycle { .. } => "group_rule_cycle",
            Error::InvalidHours { .. } => "invalid_hours",
            Error::InvalidEvidence { .. } => "invalid_evidence",
            Error::DepartmentMismatch { .. } => "department_mismatch",
            Error::InvalidPolicyDate { .. } => "invalid_policy_date",
            Error::UnknownId { .. } => "unknown_id",
            Error::FrameworkMismatch => "framework_mismatch",
            Error::InvalidWeight { .. } => "invalid_weight",
            Error::InvalidIdWeight { .. } => "invalid_id_weight",
            Error::CapacityExceeded { .. } => "capacity_exceeded",
            Error::CaseMissingDocument => "case_missing_document",
            Error::CaseMissingIdentifier { .. } => "case_missing_identifier",
            Error::CaseMissingField { .. } => "case_missing_field",
            Error::CaseFieldName { .. } => "case_field_name",
            Error::CaseFieldType { .. } => "case_field_type",
            Error::CaseDuplicateIdentifier { .. } => "case_duplicate_identifier",
            Error::CaseChildOfCycle { .. } => "case_child_of_cycle",
            Error::CaseInvalidIdentifier { .. } => "case_invalid_identifier",
            Error::CaseConflictingIdentifiers { .. } => "case_conflicting_identifiers",
            Error::CaseIdentifierClash { .. } => "case_identifier_clash",
            Error::CaseInvalidDateTime { .. } => "case_invalid_date_time",
            Error::CaseItemTypeName { .. } => "case_item_type_name",
            Error::CsvUnclosedQuote { .. } => "csv_unclosed_quote",
            Error::CsvMisplacedQuote { .. } => "csv_misplaced_quote",
            Error::CsvFieldCount { .. } => "csv_field_count",
            Error::CsvMissingColumn { .. } => "csv_missing_column",
            Error::CsvInvalidValue { .. } => "csv_invalid_value",
            Error::CsvDuplicateKey { .. } => "csv_duplicate_key",
            Error::CsvUnknownReference { .. } => "csv_unknown_reference",
            Error::CsvRow { .. } => "csv_row",
            Error::InvalidOption { .. } => "invalid_option",
            Error::IgotShape { .. } => "igot_shape",
        }
    }
}

/// `code`, the variant's fields, then `message`: one flat object.
impl serde::Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        /// The derived, internally tagged form: `code` and the fields.
        struct Fields<'a>(&'a Error);
        impl serde::Serialize for Fields<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                Error::serialize(self.0, serializer)
            }
        }
        #[derive(serde::Serialize)]
        struct WithMessage<'a> {
            #[serde(flatten)]
            fields: Fields<'a>,
            message: String,
        }
        WithMessage {
            fields: Fields(self),
            message: self.to_string(),
        }
        .serialize(serializer)
    }
}

#[allow(clippy::borrowed_box)] // serde's `serialize_with` passes a reference to the field
fn serialize_boxed<S: serde::Serializer>(
    error: &Box<Error>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serde::Serialize::serialize(&**error, serializer)
}

/// What is wrong with a passbook entry, in [`Error::InvalidEvidence`].
///
/// Serialized inside the error as `"problem": {"problem": "<code>", fields…}`, the code
/// being the variant's name in snake case (also [`EvidenceProblem::code`]).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
#[non_exhaustive]
pub enum EvidenceProblem {
    /// The competency is not in the framework. Fix the id or add the competency.
    UnknownCompetency {
        /// The closest known competency id, if one is close.
        nearest: Option<String>,
    },
    /// The level is above the competency's highest level (evidence may name 0 to it).
    LevelAboveScale {
        /// The level given.
        level: u8,
        /// The competency's highest level.
        max: u8,
    },
    /// The date is neither empty (undated) nor an ISO 8601 date `YYYY-MM-DD` or date-time.
    InvalidDate {
        /// The text found.
        found: String,
        /// The ISO date it most probably means, when that is unambiguous (e.g. `2024-01-05`
        /// for `2024-1-5`, `2024-12-31` for `31/12/2024`).
        suggestion: Option<String>,
    },
    /// The course is not in the framework. Fix the id or add the course.
    UnknownCourse {
        /// The course id given.
        course: String,
        /// The closest known course id, if one is close.
        nearest: Option<String>,
    },
    /// A course completion names no course. Name the course completed.
    CompletionWithoutCourse,
    /// A course completion names a course that does not build the entry's competency.
    /// Fix the competency or the course, or record the evidence as an assessment.
    CourseDoesNotBuild {
        /// The course.
        course: CourseId,
    },
    /// A course completion claims a level above the one the course brings a learner to.
    /// Fix the level, or let [`LevelPolicy::course_levels`](crate::LevelPolicy::course_levels)
    /// cap it.
    AboveCourseLevel {
        /// The course.
        course: CourseId,
        /// The level claimed.
        level: u8,
        /// The level the course builds the competency to.
        course_level: u8,
    },
    /// (A warning, from [`Framework::review_officers`](crate::Framework::review_officers).)
    /// The entry is dated after the review's as-of date: a mistyped year, or data newer
    /// than the snapshot.
    AfterAsOf {
        /// The entry's date.
        date: String,
        /// The as-of date of the review.
        as_of: String,
    },
}

impl EvidenceProblem {
    /// The problem's stable machine-readable code: its variant's name in snake case (e.g.
    /// `"above_course_level"`).
    pub fn code(&self) -> &'static str {
        match self {
            EvidenceProblem::UnknownCompetency { .. } => "unknown_competency",
            EvidenceProblem::LevelAboveScale { .. } => "level_above_scale",
            EvidenceProblem::InvalidDate { .. } => "invalid_date",
            EvidenceProblem::UnknownCourse { .. } => "unknown_course",
            EvidenceProblem::CompletionWithoutCourse => "completion_without_course",
            EvidenceProblem::CourseDoesNotBuild { .. } => "course_does_not_build",
            EvidenceProblem::AboveCourseLevel { .. } => "above_course_level",
            EvidenceProblem::AfterAsOf { .. } => "after_as_of",
        }
    }
}

impl fmt::Display for EvidenceProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EvidenceProblem::UnknownCompetency { nearest } => {
                write!(f, "unknown competency{}", did_you_mean(nearest.as_deref()))
            }
            EvidenceProblem::LevelAboveScale { level, max } => {
                write!(f, "level {level}: expected 0 to {max}")
            }
            EvidenceProblem::InvalidDate { found, suggestion } => {
                write!(
                    f,
                    "date {} is not an iso date: expected yyyy-mm-dd, an iso 8601 date-time, or no date",
                    quoted(found)
                )?;
                match suggestion {
                    Some(s) => write!(f, " (did you mean {}?)", quoted(s)),
                    None => Ok(()),
                }
            }
            EvidenceProblem::UnknownCourse { course, nearest } => write!(
                f,
                "unknown course {}{}",
                quoted(course),
                did_you_mean(nearest.as_deref())
            ),
            EvidenceProblem::CompletionWithoutCourse => {
                f.write_str("a course completion names no course: expected the course's id")
            }
            EvidenceProblem::CourseDoesNotBuild { course } => write!(
                f,
                "course {} does not build this competency",
                quoted(course.as_str())
            ),
            EvidenceProblem::AboveCourseLevel {
                course,
                level,
                course_level,
            } => write!(
                f,
                "level {level} is above level {course_level}, the level course {} builds it to",
                quoted(course.as_str())
            ),
            EvidenceProblem::AfterAsOf { date, as_of } => write!(
                f,
                "dated {}, after the as-of date {}",
                quoted(date),
                quoted(as_of)
            ),
        }
    }
}

/// `, did you mean `x`?` when there is a nearest id.
fn did_you_mean(nearest: Option<&str>) -> String {
    nearest.map_or_else(String::new, |n| format!(", did you mean {}?", quoted(n)))
}

/// ` (did you mean `2024-12-31`?)` when the text is most probably that date.
fn date_hint(value: &str) -> String {
    crate::model::date::suggest_iso_date(value)
        .map_or_else(String::new, |s| format!(" (did you mean {}?)", quoted(&s)))
}

/// `competency id "a\u{202e}b" holds …`, or `position `p` has department "d\n" holding …`.
fn hidden_text(kind: EntityKind, id: &str, field: &str, value: &str) -> String {
    const WHAT: &str = "a control or invisible character";
    if field == "id" {
        format!("{kind} id {} holds {WHAT}", quoted(value))
    } else {
        format!(
            "{kind} {} has {field} {} holding {WHAT}",
            quoted(id),
            quoted(value)
        )
    }
}

/// `case identifier `…` given for group `g` is already competency `c`'s`.
fn clash_text(identifier: &str, group: &GroupId, kind: Option<EntityKind>, other: &str) -> String {
    let holder = match kind {
        Some(kind) => format!("{kind} {}'s", quoted(other)),
        None => "the document's".to_owned(),
    };
    format!(
        "case identifier {} given for group {} is already {holder}",
        quoted(identifier),
        quoted(group.as_str())
    )
}

fn quoted_list(ids: &[String]) -> String {
    let all: Vec<String> = ids.iter().map(|id| quoted(id).to_string()).collect();
    all.join(", ")
}

fn cycle_text(courses: &[CourseId]) -> String {
    closed_cycle(courses.iter().map(CourseId::as_str))
}

fn group_cycle_text(groups: &[GroupId]) -> String {
    closed_cycle(groups.iter().map(GroupId::as_str))
}

fn group_rule_text(group: &GroupId, at_least: Option<u32>, children: u32) -> String {
    let group = quoted(group.as_str());
    match (children, at_least) {
        (0, _) => format!(
            "group {group} has a rule but no child to infer it from: expected a competency \
             in the group or a child group with a rule"
        ),
        (_, Some(n)) => format!(
            "rule of group {group} needs {n} of its {children} children: expected 1 to \
             {children}"
        ),
        (_, None) => format!("rule of group {group} cannot be met by its {children} children"),
    }
}

/// `` `a` -> `b` -> `a` ``: the ids in order, back to the first.
fn closed_cycle<'a>(ids: impl Iterator<Item = &'a str> + Clone) -> String {
    let mut out = String::new();
    for id in ids.clone() {
        out.push_str(&quoted(id).to_string());
        out.push_str(" -> ");
    }
    if let Some(first) = ids.into_iter().next() {
        out.push_str(&quoted(first).to_string());
    }
    out
}

/// Every problem validation found, in a deterministic order.
///
/// Returned by constructors that check many things at once, so a caller can fix all
/// problems in one pass. Never empty.
#[derive(Clone, Debug, PartialEq)]
pub struct Errors(pub(crate) Vec<Error>);

impl Errors {
    /// Wraps a non-empty list; `None` when it is empty.
    pub(crate) fn from_vec(errors: Vec<Error>) -> Option<Errors> {
        if errors.is_empty() {
            None
        } else {
            Some(Errors(errors))
        }
    }

    /// The problems, in the order found.
    pub fn as_slice(&self) -> &[Error] {
        &self.0
    }

    /// Iterates over the problems.
    pub fn iter(&self) -> std::slice::Iter<'_, Error> {
        self.0.iter()
    }

    /// How many problems there are (at least one).
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Always `false`: an `Errors` holds at least one problem.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The problems as a vector.
    pub fn into_vec(self) -> Vec<Error> {
        self.0
    }
}

impl From<Error> for Errors {
    fn from(error: Error) -> Errors {
        Errors(vec![error])
    }
}

impl IntoIterator for Errors {
    type Item = Error;
    type IntoIter = std::vec::IntoIter<Error>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Errors {
    type Item = &'a Error;
    type IntoIter = std::slice::Iter<'a, Error>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl fmt::Display for Errors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} problem{} found:",
            self.0.len(),
            if self.0.len() == 1 { "" } else { "s" }
        )?;
        for e in &self.0 {
            write!(f, "\n  - {e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Errors {}

/// A list of [`Error`] objects, each as described there.
impl serde::Serialize for Errors {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One value of every variant. The match in `index` is exhaustive, so a new variant
    /// does not compile until it is added here.
    #[allow(clippy::too_many_lines)] // one value per variant
    fn every_variant() -> Vec<Error> {
        let s = || "x\r".to_owned();
        let all = vec![
            Error::Json {
                line: 1,
                column: 2,
                message: s(),
            },
            Error::UnsupportedFormatVersion {
                found: 9,
                expected: 2,
            },
            Error::LevelOutOfRange { value: 6 },
            Error::EmptyId {
                kind: EntityKind::Role,
                index: 0,
            },
            Error::EmptyName {
                kind: EntityKind::Role,
                id: s(),
            },
            Error::EmptyField {
                kind: EntityKind::Position,
                id: s(),
                field: "department",
            },
            Error::HiddenCharacter {
                kind: EntityKind::Position,
                id: s(),
                field: "department",
                value: "d\n".to_owned(),
            },
            Error::DuplicateId {
                kind: EntityKind::Role,
                id: s(),
            },
            Error::UnknownReference {
                from_kind: EntityKind::Role,
                from: s(),
                to_kind: EntityKind::Activity,
                to: s(),
            },
            Error::DuplicateReference {
                from_kind: EntityKind::Role,
                from: s(),
                to_kind: EntityKind::Activity,
                to: s(),
            },
            Error::InvalidLevel {
                owner_kind: EntityKind::Role,
                owner: s(),
                competency: s(),
                level: 6,
                min: 1,
                max: 5,
            },
            Error::InvalidLevelScale {
                competency: s(),
                found: vec![2],
                min: 1,
                max: 5,
            },
            Error::InvalidLevelRange {
                competency: s(),
                min: 4,
                max: 2,
            },
            Error::BlankLevelName {
                competency: s(),
                level: 2,
            },
            Error::BlankArea {
                competency: s().into(),
            },
            Error::PositionWithoutRoles {
                position: s().into(),
            },
            Error::PrerequisiteCycle {
                courses: vec![s().into()],
            },
            Error::GroupCycle {
                groups: vec![s().into()],
            },
            Error::InvalidGroupRule {
                group: s().into(),
                at_least: Some(0),
                children: 2,
            },
            Error::GroupRuleCycle {
                groups: vec![s().into()],
            },
            Error::InvalidHours {
                course: s().into(),
                hours: f64::NAN,
            },
            Error::InvalidEvidence {
                officer: s().into(),
                index: 0,
                competency: s().into(),
                problem: EvidenceProblem::AboveCourseLevel {
                    course: s().into(),
                    level: 3,
                    course_level: 2,
                },
            },
            Error::DepartmentMismatch {
                officer: s().into(),
                department: s().into(),
                position: s().into(),
                position_department: s().into(),
            },
            Error::InvalidPolicyDate { value: s() },
            Error::UnknownId {
                kind: EntityKind::Department,
                id: s(),
                nearest: Some(s()),
            },
            Error::FrameworkMismatch,
            Error::InvalidWeight {
                name: "w",
                value: -1.0,
            },
            Error::InvalidIdWeight {
                kind: EntityKind::Competency,
                id: s(),
                value: -1.0,
            },
            Error::CapacityExceeded {
                what: "roles",
                limit: 1,
            },
            Error::CaseMissingDocument,
            Error::CaseMissingIdentifier {
                element: crate::CaseElement::Item,
                path: "CFItems[0]".to_owned(),
            },
            Error::CaseMissingField {
                element: crate::CaseElement::Item,
                identifier: s(),
                field: "f",
            },
            Error::CaseFieldName {
                path: "CFItems[0]".to_owned(),
                found: s(),
                expected: "identifier",
            },
            Error::CaseFieldType {
                path: "CFItems[0].fullStatement".to_owned(),
                found: "a number",
                expected: "a string",
            },
            Error::CaseDuplicateIdentifier { identifier: s() },
            Error::CaseChildOfCycle { items: vec![s()] },
            Error::CaseInvalidIdentifier { identifier: s() },
            Error::CaseConflictingIdentifiers {
                group: GroupId::from("g"),
                identifiers: vec![s(), s()],
            },
            Error::CaseIdentifierClash {
                identifier: s(),
                group: GroupId::from("g"),
                other_kind: None,
                other: s(),
            },
            Error::CaseInvalidDateTime { value: s() },
            Error::CaseItemTypeName { name: s() },
            Error::CsvUnclosedQuote {
                file: "f.csv",
                line: 2,
            },
            Error::CsvMisplacedQuote {
                file: "f.csv",
                line: 2,
                field: 1,
            },
            Error::CsvFieldCount {
                file: "f.csv",
                line: 2,
                expected: 3,
                found: 2,
            },
            Error::CsvMissingColumn {
                file: "f.csv",
                column: "id",
            },
            Error::CsvInvalidValue {
                file: "f.csv",
                line: 2,
                column: "id",
                found: s(),
                expected: "e",
            },
            Error::CsvDuplicateKey {
                file: "f.csv",
                line: 3,
                column: "id",
                key: s(),
                first_line: 2,
            },
            Error::CsvUnknownReference {
                file: "f.csv",
                line: 2,
                column: "id",
                found: s(),
                target: "t",
                nearest: None,
            },
            Error::CsvRow {
                file: "f.csv",
                line: 2,
                column: "id",
                error: Box::new(Error::FrameworkMismatch),
            },
            Error::InvalidOption {
                option: "o",
                value: 0.0,
                expected: "e",
            },
            Error::IgotShape {
                document: "kcm dictionary",
                path: "$".to_owned(),
                found: "an object",
                expected: "an array",
            },
        ];
        let mut seen = vec![false; all.len()];
        for e in &all {
            seen[index(e)] = true;
        }
        assert!(
            seen.iter().all(|&s| s),
            "every variant once, in declaration order"
        );
        all
    }

    fn index(e: &Error) -> usize {
        match e {
            Error::Json { .. } => 0,
            Error::UnsupportedFormatVersion { .. } => 1,
            Error::LevelOutOfRange { .. } => 2,
            Error::EmptyId { .. } => 3,
            Error::EmptyName { .. } => 4,
            Error::EmptyField { .. } => 5,
            Error::HiddenCharacter { .. } => 6,
            Error::DuplicateId { .. } => 7,
            Error::UnknownReference { .. } => 8,
            Error::DuplicateReference { .. } => 9,
            Error::InvalidLevel { .. } => 10,
            Error::InvalidLevelScale { .. } => 11,
            Error::InvalidLevelRange { .. } => 12,
            Error::BlankLevelName { .. } => 13,
            Error::BlankArea { .. } => 14,
            Error::PositionWithoutRoles { .. } => 15,
            Error::PrerequisiteCycle { .. } => 16,
            Error::GroupCycle { .. } => 17,
            Error::InvalidHours { .. } => 18,
            Error::InvalidEvidence { .. } => 19,
            Error::DepartmentMismatch { .. } => 20,
            Error::InvalidPolicyDate { .. } => 21,
            Error::UnknownId { .. } => 22,
            Error::FrameworkMismatch => 23,
            Error::InvalidWeight { .. } => 24,
            Error::InvalidIdWeight { .. } => 25,
            Error::CapacityExceeded { .. } => 26,
            Error::CaseMissingDocument => 27,
            Error::CaseMissingIdentifier { .. } => 28,
            Error::CaseMissingField { .. } => 29,
            Error::CaseFieldName { .. } => 30,
            Error::CaseFieldType { .. } => 31,
            Error::CaseDuplicateIdentifier { .. } => 32,
            Error::CaseChildOfCycle { .. } => 33,
            Error::CaseInvalidIdentifier { .. } => 34,
            Error::CaseConflictingIdentifiers { .. } => 35,
            Error::CaseIdentifierClash { .. } => 36,
            Error::CaseInvalidDateTime { .. } => 37,
            Error::CaseItemTypeName { .. } => 38,
            Error::CsvUnclosedQuote { .. } => 39,
            Error::CsvMisplacedQuote { .. } => 40,
            Error::CsvFieldCount { .. } => 41,
            Error::CsvMissingColumn { .. } => 42,
            Error::CsvInvalidValue { .. } => 43,
            Error::CsvDuplicateKey { .. } => 44,
            Error::CsvUnknownReference { .. } => 45,
            Error::CsvRow { .. } => 46,
            Error::InvalidOption { .. } => 47,
            Error::InvalidGroupRule { .. } => 48,
            Error::GroupRuleCycle { .. } => 49,
            Error::IgotShape { .. } => 50,
        }
    }

    #[test]
    fn every_variant_has_a_distinct_code_and_serializes_flat() {
        let all = every_variant();
        let mut codes: Vec<&str> = all.iter().map(Error::code).collect();
        for e in &all {
            let value = serde_json::to_value(e).expect("errors serialize");
            let object = value.as_object().expect("one flat object");
            assert_eq!(object["code"], e.code(), "{e:?}");
            assert_eq!(object["message"], e.to_string(), "{e:?}");
            assert!(
                e.code()
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'_')
            );
            // A value with a carriage return is never shown bare (the JSON parser's own
            // message is shown as it words it).
            if e.code() != "json" {
                assert!(!e.to_string().contains('\r'), "{e}");
            }
        }
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), all.len(), "codes are distinct");
    }

    #[test]
    fn nested_errors_and_lists_serialize_whole() {
        let e = Error::CsvRow {
            file: "evidence.csv",
            line: 4,
            column: "course",
            error: Box::new(Error::InvalidEvidence {
                officer: "o1".into(),
                index: 2,
                competency: "rti".into(),
                problem: EvidenceProblem::AboveCourseLevel {
                    course: "rti-101".into(),
                    level: 5,
                    course_level: 2,
                },
            }),
        };
        let errors = Errors(vec![e]);
        assert_eq!(
            serde_json::to_value(&errors).unwrap(),
            serde_json::json!([{
                "code": "csv_row", "file": "evidence.csv", "line": 4, "column": "course",
                "error": {
                    "code": "invalid_evidence", "officer": "o1", "index": 2, "competency": "rti",
                    "problem": {"problem": "above_course_level", "course": "rti-101", "level": 5, "course_level": 2},
                    "message": "officer `o1` passbook entry 2 (competency `rti`): level 5 is above level 2, the level course `rti-101` builds it to"
                },
                "message": "evidence.csv line 4, column `course`: officer `o1` passbook entry 2 (competency `rti`): level 5 is above level 2, the level course `rti-101` builds it to"
            }])
        );
    }

    #[test]
    fn cycle_message_closes_the_loop() {
        let e = Error::PrerequisiteCycle {
            courses: vec!["a".into(), "b".into()],
        };
        assert_eq!(e.to_string(), "prerequisite cycle: `a` -> `b` -> `a`");
    }

    #[test]
    fn errors_display_lists_every_problem() {
        let errors = Errors::from_vec(vec![
            Error::PositionWithoutRoles {
                position: "p".into(),
            },
            Error::DuplicateId {
                kind: EntityKind::Role,
                id: "r".into(),
            },
        ])
        .unwrap();
        assert_eq!(
            errors.to_string(),
            "2 problems found:\n  - position `p` has no roles\n  - duplicate role id `r`"
        );
    }
}
