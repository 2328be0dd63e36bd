//! What an iGOT loader returns: the value it built ([`IgotLoad`]) and the report
//! ([`IgotReport`]) of every record, tag or field it set aside or noted.

use std::fmt;

use serde::Serialize;

use crate::model::error::text::lookalike_how;
use crate::model::quote::quoted;

/// What an iGOT loader built, and the report of what it set aside.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IgotLoad<T> {
    /// What the loader built.
    pub value: T,
    /// What it set aside, what it noted, and the fields it has no place for.
    pub report: IgotReport,
}

/// What an iGOT loader set aside, noted and ignored: nothing is dropped silently.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct IgotReport {
    /// Records, tags and nodes left out of the result, each with why, in the order met (a
    /// repeated tag is reported when its repeat is read, even when the earlier tag is the
    /// one set aside).
    pub set_aside: Vec<IgotEntry>,
    /// Records kept, with something the reader should know (a draft mapping kept as
    /// draft, a name with stray spaces kept as written, a name matched ignoring
    /// whitespace, a key read in the platform's misspelling, a field of another type not
    /// read), in document order; then the records whose ids look like an earlier one's
    /// ([`IgotWhat::LookalikeIds`], [`IgotWhat::EquivalentIds`]), in document order.
    pub notes: Vec<IgotEntry>,
    /// Fields the crate has no place for (e.g. a course's `posterImage`), by name, with
    /// how many records carried them; sorted by name.
    pub ignored_fields: Vec<IgotField>,
}

/// One record, tag or node of a report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IgotEntry {
    /// Where, as a JSON path: `$[3].competencies_v5[1]`.
    pub path: String,
    /// The record's id or key, when it has one (a course identifier, a node id, a KCM
    /// path), as written: an id field holding a number, `true` or `false`, a list or an
    /// object (the record then set aside as [`IgotWhat::WrongType`]) gives its JSON text
    /// (`7`); empty when the record has none (no id field, or `null`).
    pub id: String,
    /// What was found.
    pub what: IgotWhat,
}

/// A field some records carried that the crate has no place for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct IgotField {
    /// The field's name, with the record kind it was met on: `course.posterImage`; a key
    /// of the document around the records by its JSON path: `$.result.facets`, or
    /// `$.content` beside the records read at `$.result.content`.
    pub field: String,
    /// How many records carried it.
    pub count: u64,
}

/// What an [`IgotEntry`] reports.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "what", rename_all = "snake_case")]
#[non_exhaustive]
pub enum IgotWhat {
    /// A field the record cannot do without is missing (or `null`).
    MissingField {
        /// The field.
        field: &'static str,
    },
    /// A field holds a value of another JSON type. In
    /// [`IgotReport::set_aside`], a field the record cannot do without; in
    /// [`IgotReport::notes`], an optional text field (a description, an area, a level's
    /// name) not read, the record kept without it: a number there is not taken for its
    /// text, as the platform writes these fields as strings.
    WrongType {
        /// The field.
        field: &'static str,
        /// The JSON type found.
        found: &'static str,
        /// What the loader reads there.
        expected: &'static str,
    },
    /// A field the record cannot do without is empty or whitespace only.
    Blank {
        /// The field.
        field: &'static str,
    },
    /// The id repeats an earlier record's; the first is kept.
    DuplicateId,
    /// An area or theme of the KCM listed again: its contents are read under the first; or
    /// a profile competency listed again: both entries' levels are read.
    Repeated,
    /// A KCM area that is not Behavioural, Functional or Domain: its sub-themes have no
    /// competency type.
    UnknownArea {
        /// The area's name.
        area: String,
    },
    /// A FRAC competency whose `competencyType` is not Behavioural, Functional or Domain.
    UnknownType {
        /// The type found (empty when absent).
        found: String,
    },
    /// A FRAC node whose review state is not VERIFIED: only verified mappings count, as in
    /// the platform's own gap computation.
    NotVerified {
        /// The state found (empty when absent).
        status: String,
    },
    /// A FRAC competency not VERIFIED: its requirements are kept as drafts (validated,
    /// not counted).
    Draft {
        /// The state found (empty when absent).
        status: String,
    },
    /// A FRAC node the first reviewer verified (`status: VERIFIED`) and the review board
    /// has not (`secondaryStatus` UNVERIFIED or another state), or one the review board
    /// rejected (`secondaryStatus: REJECTED`): only the board's approval puts a node in
    /// the platform's FRAC dictionary (`frac-service` `FRACDictionaryServiceImpl`), so
    /// only it counts. A position, role or activity is set aside with everything below
    /// it, a rejected competency with its requirements.
    SecondaryNotVerified {
        /// The review board's state found (`secondaryStatus`), trimmed.
        secondary_status: String,
    },
    /// A FRAC competency verified by the first reviewer and awaiting the review board
    /// (`secondaryStatus` not VERIFIED): its requirements are kept as drafts (validated,
    /// not counted), as for [`IgotWhat::Draft`].
    SecondaryDraft {
        /// The review board's state found (`secondaryStatus`), trimmed.
        secondary_status: String,
    },
    /// A FRAC node deleted on the platform (`active: false`): set aside with everything
    /// below it (a competency with its requirement, a level node as a descriptor).
    Deleted,
    /// A requirement or profile entry without a level.
    NoLevel,
    /// A level that is not `Level N`, a whole number, a Roman numeral, or a default level
    /// name.
    UnreadableLevel {
        /// The field.
        field: &'static str,
        /// The text found.
        found: String,
    },
    /// A level outside what the competency defines (or above 5).
    LevelOutOfRange {
        /// The level.
        level: u64,
        /// The lowest level allowed.
        min: u8,
        /// The highest.
        max: u8,
    },
    /// A level given by its default name (Basic … Ustad) beside a level name field
    /// holding another name, read as that level so that the name field is checked
    /// against it. A level given by a name alone is kept as the name instead
    /// ([`Evidence::LEVEL_BY_NAME`](crate::Evidence::LEVEL_BY_NAME)), read by the
    /// competency's own names, and not noted.
    LevelFromName {
        /// The name found.
        name: String,
        /// The level read.
        level: u8,
    },
    /// Two fields of a profile entry giving one kind of level (the self-attested level's
    /// `competencySelfAttestedLevelValue` and `competencySelfAttestedLevel`, the
    /// CBP-completion level's `competencyCBPCompletionLevel` and `…Value`) hold different
    /// levels; the one [`load_igot_profile`](crate::load_igot_profile) reads first is kept,
    /// and this is noted at the other's path.
    LevelsDisagree {
        /// The field kept.
        kept: &'static str,
        /// Its level.
        level: u8,
        /// The other field.
        other: &'static str,
        /// The level it holds.
        other_level: u8,
    },
    /// A course tag naming no competency of the framework.
    UnknownCompetency {
        /// The competency id the tag names.
        key: String,
        /// The framework's nearest competency id, when one is close.
        nearest: Option<String>,
    },
    /// A tag's names matched a competency only once runs of whitespace were made single
    /// spaces and the ends trimmed.
    MatchedIgnoringWhitespace {
        /// The id the tag names.
        found: String,
        /// The competency matched.
        matched: String,
    },
    /// The course tags this competency more than once: the tag with the highest level is
    /// kept, and this one (whose level is lower, or equal and later) is set aside.
    RepeatedTag {
        /// The level this tag gave (`None`: no level).
        level: Option<u8>,
    },
    /// A FRAC requirement repeated for one role or activity (among its children, or at
    /// another level than before): the highest level is kept, and the requirement set
    /// aside (the lower, or the later of two equal) is reported at the path of the
    /// competency node that made it, with its own level.
    RepeatedRequirement {
        /// The competency.
        competency: String,
        /// The level of the requirement set aside.
        level: u8,
    },
    /// Tags read with the keys the platform misspells (`competecnyThemeDescription`).
    MisspeltKeys {
        /// The misspelt keys, sorted.
        keys: Vec<String>,
    },
    /// A course without a duration, and no hours to assume
    /// ([`IgotCourseOptions::hours_when_missing`](crate::IgotCourseOptions::hours_when_missing)).
    NoDuration,
    /// A course duration whose hours (seconds / 3600) are outside 5·10⁻¹³ to 10,000: hours
    /// are held in whole pico-hours (10⁻¹² h), to the nearest with halves rounding up, so
    /// smaller hours would count as 0.
    HoursOutOfRange {
        /// The duration in seconds as written: a string's text trimmed, or a JSON number in
        /// the shortest form that reads back as the same double.
        duration: String,
        /// The hours it makes.
        hours: f64,
    },
    /// A course without a duration, given the hours the options assume.
    AssumedHours {
        /// The hours assumed.
        hours: f64,
    },
    /// A course none of whose tags names a competency of the framework.
    NoTags,
    /// A FRAC position without a department, and no default department.
    NoDepartment,
    /// A FRAC position none of whose roles was imported.
    NoRoles,
    /// A node the model has no place for (a knowledge resource, a node of another type, or
    /// a node where its type does not belong).
    NoPlace {
        /// The node's type; empty for a node without `type`.
        kind: String,
    },
    /// A node met again with another value in a field the loader keeps (its `name`; a
    /// competency's `competencyType`, `description`, `competencyArea` or `levels`, a level
    /// node it does not describe alike; a position's `department`; a field the node leaves
    /// out or leaves blank is not compared); the first is kept.
    Conflict {
        /// The field that differs.
        field: &'static str,
    },
    /// A name with stray whitespace (at an end, or a run of spaces inside) or a hidden
    /// character (a no-break space, a tab, a zero-width space), kept as written; a KCM id
    /// made from it escapes the hidden characters ([`kcm_id`](crate::kcm_id)).
    Whitespace {
        /// `trailing`, `leading`, `repeated` or `hidden`, joined by `, ` when several.
        kinds: String,
    },
    /// A name equal to an earlier record's of the same kind (in the KCM, an area's, or a
    /// theme's or sub-theme's in the same area or theme) once runs of whitespace are made
    /// one space and the ends trimmed, and written otherwise (`" Self-Analysis"` after
    /// `"Self-Analysis"`): both are kept, each its own record, and this one is noted, as
    /// the position master list does for `PID355` after `PID195`.
    SameNameApartFromWhitespace {
        /// The earlier record's id.
        other: String,
    },
    /// A list beside the records read (`$.content` beside `$.result.content`, a
    /// `morePositions` beside `positions`): not read, its entries neither kept nor
    /// checked. Its key is also among the ignored fields.
    ListNotRead {
        /// How many entries it holds.
        entries: u64,
        /// The path of the records read.
        read: &'static str,
    },
    /// A search response whose `result.count` is not the number of records it holds: a
    /// page of a larger search (`count` 250, 2 records), not the whole catalogue.
    CountDisagrees {
        /// The count the response gives.
        count: u64,
        /// The records it holds.
        records: u64,
    },
    /// An id with stray whitespace (at an end, a run of spaces inside) or a hidden
    /// character, kept as written: it names no record whose id is written without it.
    IdWhitespace {
        /// `trailing`, `leading`, `repeated` or `hidden`, joined by `, ` when several.
        kinds: String,
    },
    /// Ids of records of one kind that differ only in letter case or in whitespace around
    /// them (`do_1`, ` do_1`, `DO_1`), in leading zeros (ids of digits), or in characters
    /// of another script standing for ASCII letters or digits (`PID1` and `P\u{406}D1`
    /// with a Cyrillic `І`): the records are kept apart, never merged, and each
    /// after the first is noted with the whole set, as
    /// [`Error::LookalikeIds`](crate::Error::LookalikeIds) warns of framework ids.
    LookalikeIds {
        /// The ids, sorted byte by byte.
        ids: Vec<String>,
        /// The characters of other scripts in the ids that stand for ASCII letters or
        /// digits, as [`Error::LookalikeIds`](crate::Error::LookalikeIds) names them.
        other_script: Vec<crate::OtherScriptCharacter>,
    },
    /// Ids of records of one kind that are one text in two Unicode forms (NFC, NFD): kept
    /// apart and noted, as [`Error::EquivalentIds`](crate::Error::EquivalentIds) warns.
    EquivalentIds {
        /// The ids, sorted byte by byte.
        ids: Vec<String>,
    },
    /// A course's tag list (`competencies_v5`) written as JSON text, as some records of the
    /// platform hold it: read as the list the text holds, as the platform's own course page
    /// reads it.
    TagsFromText {
        /// The tag list.
        field: &'static str,
    },
    /// A field holding text that is not JSON where JSON text of a value is read (a course's
    /// tag list written as text): set aside with what the JSON parser says of it.
    NotJson {
        /// The field.
        field: &'static str,
        /// The parser's message, placing the fault by line and column in the text.
        error: String,
    },
    /// A name written exactly as an earlier record's of the same kind, under another id:
    /// both are kept, and this one is noted.
    SameName {
        /// The earlier record's id.
        other: String,
    },
    /// A user record's `profileDetails` (`profiledetails`) written as JSON text, as the
    /// platform stores it in its user table: read as the object the text holds.
    ObjectFromText {
        /// The field.
        field: &'static str,
    },
    /// A profile read from the profile registry's record of one user
    /// (`result.UserProfile[0]` of a registry search, the FRAC-era shape its portal read
    /// a user's `competencies` from).
    ProfileFromRegistry,
    /// An id field an earlier record gave to another record (the flat KCM export's
    /// `competency_id` naming two sub-themes): both records are kept, each under its own
    /// id (a KCM id is the sub-theme's path), and this one is noted with the id in
    /// [`IgotEntry::id`].
    IdOfAnother {
        /// The id field.
        field: &'static str,
        /// The id of the record the earlier entry gave it to.
        other: String,
    },
}

/// What the iGOT loaders read as a level, as [`IgotWhat::UnreadableLevel`] says it.
const LEVEL_FORMS: &str =
    "`Level N`, a whole number, a Roman numeral (`III`, `Level III`) or a level name";

/// ` (did you mean `x`?)` for the competency nearest to an unknown `key`, saying so when
/// it is the same text in another Unicode form; empty for none.
fn suggestion(key: &str, nearest: Option<&str>) -> String {
    match nearest {
        Some(n) if crate::model::nfc::canonically_equivalent(key, n) => format!(
            " (did you mean {}, the same text in another unicode form?)",
            quoted(n)
        ),
        Some(n) => format!(" (did you mean {}?)", quoted(n)),
        None => String::new(),
    }
}

impl IgotWhat {
    /// [`IgotWhat::WrongType`] for `value` found in `field` where the loader reads
    /// `expected`, its JSON type named as the CASE reader names it. O(1).
    pub(super) fn wrong_type(
        field: &'static str,
        value: &serde_json::Value,
        expected: &'static str,
    ) -> Self {
        IgotWhat::WrongType {
            field,
            found: crate::interop::case::read::json_type(value),
            expected,
        }
    }
}

impl fmt::Display for IgotWhat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IgotWhat::MissingField { field } => write!(f, "no `{field}`"),
            IgotWhat::WrongType {
                field,
                found,
                expected,
            } => write!(f, "`{field}` is {found}: expected {expected}"),
            IgotWhat::Blank { field } => write!(f, "`{field}` is blank"),
            IgotWhat::DuplicateId => f.write_str("repeats an earlier id; the first is kept"),
            IgotWhat::Repeated => f.write_str("listed again; read together with the first"),
            IgotWhat::UnknownArea { area } => write!(
                f,
                "area {} is not Behavioural, Functional or Domain: no competency type for its \
                 sub-themes",
                quoted(area)
            ),
            IgotWhat::UnknownType { found } => write!(
                f,
                "competency type {} is not Behavioural, Functional or Domain",
                quoted(found)
            ),
            IgotWhat::NotVerified { .. }
            | IgotWhat::Draft { .. }
            | IgotWhat::SecondaryNotVerified { .. }
            | IgotWhat::SecondaryDraft { .. }
            | IgotWhat::Deleted => review(f, self),
            IgotWhat::NoLevel => f.write_str("no level"),
            IgotWhat::UnreadableLevel { field, found } => {
                write!(f, "`{field}` is {}: expected {LEVEL_FORMS}", quoted(found))
            }
            IgotWhat::LevelOutOfRange { level, min, max } => {
                write!(f, "level {level} is outside {min} to {max}")
            }
            IgotWhat::LevelFromName { name, level } => {
                write!(f, "level name {} read as level {level}", quoted(name))
            }
            IgotWhat::UnknownCompetency { key, nearest } => {
                write!(f, "no competency {} in the framework", quoted(key))?;
                f.write_str(&suggestion(key, nearest.as_deref()))
            }
            IgotWhat::MatchedIgnoringWhitespace { found, matched } => write!(
                f,
                "{} matched {} ignoring whitespace",
                quoted(found),
                quoted(matched)
            ),
            IgotWhat::RepeatedTag { level } => repeated_tag(f, *level),
            IgotWhat::RepeatedRequirement { competency, level } => write!(
                f,
                "competency {} required again: this requirement (level {level}) is set \
                 aside, the highest level is kept",
                quoted(competency)
            ),
            IgotWhat::MisspeltKeys { keys } => {
                write!(f, "read the platform's misspelt keys {}", keys.join(", "))
            }
            IgotWhat::NoDuration => f.write_str("no duration, and no hours to assume"),
            IgotWhat::HoursOutOfRange { duration, hours } => write!(
                f,
                "`duration` {} seconds is {} hours: expected {}",
                quoted(duration),
                crate::model::error::text::number(*hours),
                crate::model::hours::HOURS_EXPECTED
            ),
            IgotWhat::AssumedHours { hours } => write!(f, "no duration: {hours} hours assumed"),
            IgotWhat::NoTags => f.write_str("no tag names a competency of the framework"),
            IgotWhat::NoDepartment => f.write_str("no department, and no default department"),
            IgotWhat::NoRoles => f.write_str("none of its roles was imported"),
            IgotWhat::NoPlace { kind } => no_place(f, kind),
            IgotWhat::LevelsDisagree {
                kept,
                level,
                other,
                other_level,
            } => disagree(f, (kept, *level), (other, *other_level)),
            IgotWhat::Conflict { field } => {
                write!(f, "met again with another `{field}`; the first is kept")
            }
            IgotWhat::TagsFromText { .. }
            | IgotWhat::NotJson { .. }
            | IgotWhat::ListNotRead { .. }
            | IgotWhat::CountDisagrees { .. }
            | IgotWhat::IdWhitespace { .. }
            | IgotWhat::LookalikeIds { .. }
            | IgotWhat::EquivalentIds { .. }
            | IgotWhat::Whitespace { .. }
            | IgotWhat::SameNameApartFromWhitespace { .. }
            | IgotWhat::SameName { .. }
            | IgotWhat::IdOfAnother { .. } => records_names_and_ids(f, self),
            IgotWhat::ObjectFromText { field } => {
                write!(f, "`{field}` is JSON text: read as the object it holds")
            }
            IgotWhat::ProfileFromRegistry => f.write_str(
                "read as the profile registry's record of one user (`result.UserProfile`)",
            ),
        }
    }
}

/// The text of what a report says of a FRAC node's review: a state not VERIFIED in
/// either tier, set aside or kept as a draft, or a deleted node.
fn review(f: &mut fmt::Formatter<'_>, what: &IgotWhat) -> fmt::Result {
    match what {
        IgotWhat::NotVerified { status } => write!(
            f,
            "review state {} is not VERIFIED: only verified mappings count",
            quoted(status)
        ),
        IgotWhat::Draft { status } => write!(
            f,
            "review state {} is not VERIFIED: its requirements are kept as drafts",
            quoted(status)
        ),
        IgotWhat::SecondaryNotVerified { secondary_status } => write!(
            f,
            "review board state (`secondaryStatus`) {} is not VERIFIED: only mappings the \
             review board verified count",
            quoted(secondary_status)
        ),
        IgotWhat::SecondaryDraft { secondary_status } => write!(
            f,
            "review board state (`secondaryStatus`) {} is not VERIFIED: its requirements \
             are kept as drafts",
            quoted(secondary_status)
        ),
        IgotWhat::Deleted => f.write_str("deleted on the platform (`active` is false)"),
        // Never met: `fmt` sends only the kinds above here.
        _ => Ok(()),
    }
}

/// The text of what a report says of the records as a whole, of their lists, of their
/// names and of their ids: a tag list read from text or not JSON, a list not read, a count
/// not the records', a name or an id with whitespace, names alike, ids that look alike.
fn records_names_and_ids(f: &mut fmt::Formatter<'_>, what: &IgotWhat) -> fmt::Result {
    match what {
        IgotWhat::TagsFromText { field } => {
            write!(f, "`{field}` is JSON text: read as the list it holds")
        }
        IgotWhat::NotJson { field, error } => write!(
            f,
            "`{field}` is a string that is not JSON ({error}): expected an array of tag \
             objects, or JSON text of one"
        ),
        IgotWhat::Whitespace { kinds } => {
            write!(f, "name with {kinds} whitespace, kept as written")
        }
        IgotWhat::SameNameApartFromWhitespace { other } => write!(
            f,
            "same name as {} apart from whitespace; both kept",
            quoted(other)
        ),
        IgotWhat::SameName { other } => {
            write!(f, "same name as {}; both kept", quoted(other))
        }
        IgotWhat::IdOfAnother { field, other } => write!(
            f,
            "`{field}` given before to {}; both kept, each under its own id",
            quoted(other)
        ),
        IgotWhat::ListNotRead { entries, read } => write!(
            f,
            "a list of {entries} {} beside the records read at `{read}`: not read",
            if *entries == 1 { "entry" } else { "entries" }
        ),
        IgotWhat::CountDisagrees { count, records } => {
            write!(f, "the response counts {count} records and holds {records}")?;
            if count > records {
                f.write_str(": a page of a larger result, not the whole")?;
            }
            Ok(())
        }
        IgotWhat::IdWhitespace { kinds } => {
            write!(f, "id with {kinds} whitespace, kept as written")
        }
        IgotWhat::LookalikeIds { ids, other_script } => {
            alike(f, ids, &lookalike_how(ids, other_script))
        }
        IgotWhat::EquivalentIds { ids } => {
            alike(f, ids, "are one text in different unicode forms (nfc/nfd)")
        }
        // Never met: `fmt` sends only the kinds above here.
        _ => Ok(()),
    }
}

/// The text of [`IgotWhat::LookalikeIds`] and [`IgotWhat::EquivalentIds`]: the ids
/// escaped, so the whitespace and marks show, and `how` they differ.
fn alike(f: &mut fmt::Formatter<'_>, ids: &[String], how: &str) -> fmt::Result {
    let shown: Vec<String> = ids.iter().map(|id| quoted(id).to_string()).collect();
    write!(f, "ids {} {how}: kept apart", shown.join(", "))
}

/// The text of [`IgotWhat::RepeatedTag`], with the level the repeat gave, if any.
fn repeated_tag(f: &mut fmt::Formatter<'_>, level: Option<u8>) -> fmt::Result {
    match level {
        Some(l) => write!(
            f,
            "the competency is tagged again (level {l}); the highest level is kept"
        ),
        None => f.write_str("the competency is tagged again (no level); the highest level is kept"),
    }
}

/// A node set aside as [`IgotWhat::NoPlace`], by its type, or as a node without one.
fn no_place(f: &mut fmt::Formatter<'_>, kind: &str) -> fmt::Result {
    if kind.is_empty() {
        write!(f, "a node without `type` has no place here")
    } else {
        write!(f, "a {} node has no place here", quoted(kind))
    }
}

/// The text of [`IgotWhat::LevelsDisagree`]: the field kept and its level, the other and
/// its level.
fn disagree(
    f: &mut fmt::Formatter<'_>,
    (kept, level): (&str, u8),
    (other, other_level): (&str, u8),
) -> fmt::Result {
    write!(
        f,
        "`{kept}` says level {level} and `{other}` level {other_level}; `{kept}` is kept"
    )
}

impl fmt::Display for IgotReport {
    /// A headline with the counts, then each set-aside record and each note on a line:
    /// path, id, and what was found; then the ignored fields with their counts.
    ///
    /// ```text
    /// 2 set aside, 1 note, 3 fields ignored
    /// set aside:
    ///   $[1].competencies_v5[0] `kcm:Functional/Data Protection/Data use`: no competency … in the framework
    /// notes:
    ///   $[0] `do_1138113442611445761187`: read the platform's misspelt keys competecnyThemeDescription
    /// ignored fields: course.objectType (4), …
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        writeln!(
            f,
            "{}, {}, {}",
            plural(self.set_aside.len(), "set aside", "set aside"),
            plural(self.notes.len(), "note", "notes"),
            plural(self.ignored_fields.len(), "field ignored", "fields ignored"),
        )?;
        for (title, list) in [("set aside", &self.set_aside), ("notes", &self.notes)] {
            if list.is_empty() {
                continue;
            }
            writeln!(f, "{title}:")?;
            for e in list {
                if e.id.is_empty() {
                    writeln!(f, "  {}: {}", e.path, e.what)?;
                } else {
                    writeln!(f, "  {} {}: {}", e.path, quoted(&e.id), e.what)?;
                }
            }
        }
        if !self.ignored_fields.is_empty() {
            let fields: Vec<String> = self
                .ignored_fields
                .iter()
                .map(|x| format!("{} ({})", x.field, x.count))
                .collect();
            writeln!(f, "ignored fields: {}", fields.join(", "))?;
        }
        Ok(())
    }
}
