//! The crate's one error type, and [`Errors`], the list validation returns.

use std::fmt;

use crate::{CompetencyId, CourseId, EntityKind, GroupId, OfficerId, PositionId};

/// Everything that can go wrong, each variant naming the offending ids.
///
/// Messages are lowercase and say what was expected and what was found.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
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
        /// The parser's description.
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
    /// An entity has an empty id. Give it a non-empty id.
    #[error("{kind} at index {index} has an empty id")]
    EmptyId {
        /// What kind of entity.
        kind: EntityKind,
        /// Its index in the list it came in.
        index: usize,
    },
    /// An entity has an empty name. Give it a name.
    #[error("{kind} `{id}` has an empty name")]
    EmptyName {
        /// What kind of entity.
        kind: EntityKind,
        /// Its id.
        id: String,
    },
    /// Two entities of the same kind share an id. Ids must be unique per kind.
    #[error("duplicate {kind} id `{id}`")]
    DuplicateId {
        /// What kind of entity.
        kind: EntityKind,
        /// The repeated id.
        id: String,
    },
    /// An entity refers to an id that does not exist. Add the target or fix the reference.
    #[error("{from_kind} `{from}` refers to unknown {to_kind} `{to}`")]
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
    #[error("{from_kind} `{from}` lists {to_kind} `{to}` more than once")]
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
    /// 1 to the competency's highest level, evidence 0 to it.
    #[error(
        "{owner_kind} `{owner}` names competency `{competency}` at level {level}: expected {min} to {max}"
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
        "competency `{competency}` describes levels {found:?}: expected each level at most once, within {min} to {max}"
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
        "competency `{competency}` exists at levels {min} to {max}: expected 1 to 5, lowest first"
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
    #[error("competency `{competency}` gives level {level} a blank name: expected a name or none")]
    BlankLevelName {
        /// The competency.
        competency: String,
        /// The level described.
        level: u8,
    },
    /// A competency's area is empty or only whitespace, so it names no group. Give the area
    /// a name, or no area.
    #[error("competency `{competency}` has a blank area: expected a name or no area")]
    BlankArea {
        /// The competency.
        competency: CompetencyId,
    },
    /// A position carries no role, so nothing could be required of it. Give it a role.
    #[error("position `{position}` has no roles")]
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
    /// A course's hours are not a finite number above 0 and at most 10,000.
    #[error("course `{course}` has {hours} hours: expected a number above 0 and at most 10000")]
    InvalidHours {
        /// The course.
        course: CourseId,
        /// The hours given.
        hours: f64,
    },
    /// An evidence date is not an ISO 8601 calendar date `YYYY-MM-DD`.
    #[error("officer `{officer}` has evidence dated `{value}`: expected an iso date yyyy-mm-dd")]
    InvalidDate {
        /// The officer whose passbook holds the date.
        officer: OfficerId,
        /// The text given.
        value: String,
    },
    /// A cut-off date given to a policy is not an ISO 8601 calendar date `YYYY-MM-DD`.
    #[error("policy date `{value}` is not an iso date yyyy-mm-dd")]
    InvalidPolicyDate {
        /// The text given.
        value: String,
    },
    /// A query named an id the framework does not hold.
    #[error("unknown {kind} `{id}`")]
    UnknownId {
        /// What kind of entity was asked for.
        kind: EntityKind,
        /// The id asked for.
        id: String,
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
    #[error("weight of {kind} `{id}` is {value}: expected a finite number at least 0")]
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
    #[error("no {field} on {element} `{identifier}`")]
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
    #[error("case field `{found}` at {path}: expected `{expected}`")]
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
    #[error("duplicate case identifier `{identifier}`")]
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
        "case identifier `{identifier}` is not a uuid: expected 8-4-4-4-12 hex digits, version 1 to 5"
    )]
    CaseInvalidIdentifier {
        /// The identifier given.
        identifier: String,
    },
    /// The `lastChangeDateTime` given for export is not an ISO 8601 date-time. Use e.g.
    /// `2025-01-15T10:00:00Z`.
    #[error(
        "lastChangeDateTime `{value}` is not an iso 8601 date-time: expected yyyy-mm-ddThh:mm:ss, optional fraction and time zone"
    )]
    CaseInvalidDateTime {
        /// The text given.
        value: String,
    },
    /// A `CFItemType` given to export is blank, or is given to two kinds of element, so the
    /// import could not tell the kinds apart. Give each competency type and group kind its
    /// own non-blank name.
    #[error(
        "export CFItemType `{name}` is blank or names two kinds of element: expected one non-blank name per kind"
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
    #[error("{file} line {line}, column `{column}`: found `{found}`, expected {expected}")]
    CsvInvalidValue {
        /// The file, as named in the reference layout.
        file: &'static str,
        /// 1-based line where the record starts.
        line: usize,
        /// The column.
        column: &'static str,
        /// The text found.
        found: String,
        /// What the column needs.
        expected: &'static str,
    },
    /// A CSV row repeats the key of an earlier row. Keep one of the two rows.
    #[error("{file} line {line}: {column} `{key}` repeats line {first_line}")]
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
    /// A CSV row refers to an id that the file it points into does not hold. Add the row
    /// there or fix the id.
    #[error("{file} line {line}, column `{column}`: `{found}` is not in {target}")]
    CsvUnknownReference {
        /// The file, as named in the reference layout.
        file: &'static str,
        /// 1-based line where the record starts.
        line: usize,
        /// The referring column.
        column: &'static str,
        /// The id found.
        found: String,
        /// The file that should hold it.
        target: &'static str,
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
}

fn quoted_list(ids: &[String]) -> String {
    let quoted: Vec<String> = ids.iter().map(|id| format!("`{id}`")).collect();
    quoted.join(", ")
}

fn cycle_text(courses: &[CourseId]) -> String {
    closed_cycle(courses.iter().map(CourseId::as_str))
}

fn group_cycle_text(groups: &[GroupId]) -> String {
    closed_cycle(groups.iter().map(GroupId::as_str))
}

/// `` `a` -> `b` -> `a` ``: the ids in order, back to the first.
fn closed_cycle<'a>(ids: impl Iterator<Item = &'a str> + Clone) -> String {
    let mut out = String::new();
    for id in ids.clone() {
        out.push('`');
        out.push_str(id);
        out.push_str("` -> ");
    }
    if let Some(first) = ids.into_iter().next() {
        out.push('`');
        out.push_str(first);
        out.push('`');
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

#[cfg(test)]
mod tests {
    use super::*;

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
