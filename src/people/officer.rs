//! Officers as the caller supplies them ([`OfficerSpec`], [`OfficersSpec`]) and the
//! entries of their competency passbooks ([`Evidence`]).

use serde::{Deserialize, Serialize};

use crate::model::json::null_as_default;
use crate::model::json_all::{Fault, List, fault, faults, from_versioned_json_all, read_each};
use crate::model::json_path::top_level_string;
use crate::model::level_text;
use crate::model::object::object_struct;
use crate::model::quote::quoted;

/// What the officers readers read, for a document of another kind.
const OFFICERS_DOCUMENT: crate::model::json::Own = (
    crate::model::document_kind::DocumentKind::Officers,
    "an officers document",
);
use crate::people::json_text::DateText;
use crate::{CompetencyId, CourseId, DepartmentId, Error, Errors, OfficerId, PositionId};

object_struct! {
/// An officer as supplied by the caller: who they are, where they serve, and their passbook.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OfficerSpec {
    /// Unique, non-empty id.
    pub id: OfficerId,
    /// The officer's name as reports print it, e.g. `"Meena Iyer"`; not blank when given.
    /// Optional (format version 2 and later): reports show the id alone without it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The ministry, department or organisation the officer belongs to.
    pub department: DepartmentId,
    /// The position the officer holds now.
    pub position: PositionId,
    /// A position the officer is moving to (transfer, promotion), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_position: Option<PositionId>,
    /// The competency passbook: everything the officer has shown. `null` in JSON is
    /// absent (none).
    #[serde(default, deserialize_with = "null_as_default")]
    pub passbook: Vec<Evidence>,
}}

object_struct! {
/// A document of officers: the interchange format for officer profiles.
///
/// # Example
/// ```
/// use karmayogi::OfficersSpec;
///
/// let doc = OfficersSpec::from_json(r#"{"format_version": 1, "officers": [
///   {"id": "o1", "department": "posts", "position": "postmaster",
///    "passbook": [{"competency": "accounts", "level": 2, "source": "assessment",
///                  "date": "2025-06-30"}]}
/// ]}"#)?;
/// assert_eq!(doc.officers[0].passbook[0].level, 2);
/// assert_eq!(OfficersSpec::from_json(&doc.to_json())?, doc);
/// # Ok::<(), karmayogi::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OfficersSpec {
    /// From [`OLDEST_FORMAT_VERSION`](crate::OLDEST_FORMAT_VERSION) to
    /// [`FORMAT_VERSION`](crate::FORMAT_VERSION).
    #[serde(deserialize_with = "crate::model::whole::format_version")]
    pub format_version: u32,
    /// The officers.
    pub officers: Vec<OfficerSpec>,
}}

impl Default for OfficersSpec {
    /// An empty document at the current [`FORMAT_VERSION`](crate::FORMAT_VERSION), as
    /// [`OfficersSpec::new`].
    fn default() -> Self {
        OfficersSpec::new()
    }
}

impl OfficersSpec {
    /// An empty document at the current format version.
    pub fn new() -> Self {
        OfficersSpec {
            format_version: crate::FORMAT_VERSION,
            officers: Vec::new(),
        }
    }

    /// The byte range of each officer in `json`, the text of an officers document that
    /// `serde_json` has already read (as an `OfficersSpec`, or a type of the same shape
    /// that leaves the officers unread), in order, each without the white space around
    /// it: for a reader that reads the officers one at a time and places each one's
    /// problems in the whole text, as the JavaScript package does. Empty when `json` has
    /// no `officers` list. On text that is not such a document the ranges mean nothing,
    /// but the call ends and does not panic.
    ///
    /// # Complexity
    /// O(length of `json`): one scan, without reading any value.
    ///
    /// # Example
    /// ```
    /// use karmayogi::OfficersSpec;
    ///
    /// let json = r#"{"format_version": 1, "officers": [ {"id": "o1"}, {"id": "o2"} ]}"#;
    /// let spans = OfficersSpec::officer_spans(json);
    /// assert_eq!(&json[spans[1].clone()], r#"{"id": "o2"}"#);
    /// ```
    pub fn officer_spans(json: &str) -> Vec<std::ops::Range<usize>> {
        crate::model::json_spans::list_elements(json, "officers")
    }

    /// Reads a document from JSON, checking `format_version` first.
    ///
    /// # Complexity
    /// O(n) time in the length n of the text (read twice: once for the version, once for
    /// the officers) and O(size of the officers) memory beside it. Only on an error is
    /// the text scanned again, twice at most (O(n) time, without recursion, however deep
    /// its values nest), to name the officer and passbook entry at fault.
    ///
    /// # Errors
    /// [`Error::UnsupportedFormatVersion`] when the version is not one this crate reads;
    /// [`Error::DocumentOfAnotherKind`] for a document of another kind that does not read
    /// (a framework, a CASE package, an iGOT export; see
    /// [`DocumentKind::of_json`](crate::DocumentKind::of_json));
    /// [`Error::DocumentOfNoKnownKind`] for an object of no kind the crate reads holding
    /// neither `format_version` nor `officers` (officers/23);
    /// [`Error::Json`] for malformed JSON, a
    /// missing version, unknown fields, or values of the wrong type. A problem inside an
    /// officer names the officer, and one inside a passbook entry also the entry's index
    /// and competency, before the parser's message (``officer `o1` passbook entry 2
    /// (competency `accounts`): invalid type: boolean `true`, expected a level for
    /// `level`: 0 (none) or one of the competency's levels (at most 5), as a whole number
    /// or a string holding one (`"3"`, `"Level 3"`)``). A `level` written as a string
    /// holding a whole number (`"3"`, `"Level 3"`) is read as the number; a level's name,
    /// alone or beside a number, is kept in [`Evidence::level_name`], to be read by the
    /// competency's names where the passbook meets a framework (see [`Evidence::level`]);
    /// a mark of a missing value (`"N/A"`, `"-"`) is refused. A level above the competency's
    /// levels is refused where the passbook is checked against a framework, naming them.
    /// A problem outside `officers` names no officer. The first problem only:
    /// [`OfficersSpec::from_json_all`] reports every bad field of every
    /// officer and passbook entry at once.
    pub fn from_json(json: &str) -> Result<OfficersSpec, Error> {
        crate::model::json::from_versioned_json(json, OFFICERS_DOCUMENT)
            .map_err(|error| in_officer(json, error))
    }

    /// Reads a document as [`OfficersSpec::from_json`] does, but on values it cannot read
    /// reports every problem at once: every bad field of every officer and of every
    /// passbook entry (several in one entry), and every unknown, repeated or missing member
    /// of the document itself, in the order of their positions, each with the line, column,
    /// path (`officers[2].passbook[0].level`; an empty key keeps its step, `officers[0].`)
    /// and message [`OfficersSpec::from_json`] would give it were it the first problem,
    /// and the id of the officer holding it. These are the errors
    /// [`Cohort::from_json`](crate::Cohort::from_json) reports for a document that does
    /// not read, without building a cohort or checking the officers against a framework.
    ///
    /// # Errors
    /// [`Error::UnsupportedFormatVersion`] alone when the version is not one this crate
    /// reads; [`Error::DocumentOfAnotherKind`] alone for a document of another kind that
    /// does not read, and [`Error::DocumentOfNoKnownKind`] alone for an object of no kind
    /// (as [`OfficersSpec::from_json`]); otherwise one [`Error::Json`] for each problem as above, or a single one for
    /// a syntax error or a document that ends early, after which nothing more can be read.
    ///
    /// # Complexity
    /// O(n) time and memory in the length n of the text beyond what
    /// [`OfficersSpec::from_json`] costs on a valid document; only a failed read costs
    /// another O(n).
    ///
    /// # Example
    /// ```
    /// use karmayogi::{Error, OfficersSpec};
    ///
    /// let doc = r#"{"format_version": 2, "officers": [
    ///   {"id": "o1", "department": 12, "position": "us", "": 1},
    ///   {"id": "o2", "department": "dopt", "position": "us",
    ///    "passbook": [{"competency": "rti", "level": "3.25", "source": "assessment"}]}]}"#;
    /// let errors = OfficersSpec::from_json_all(doc).unwrap_err();
    /// let paths: Vec<&str> = errors
    ///     .iter()
    ///     .filter_map(|e| match e {
    ///         Error::Json { path, .. } => Some(path.as_str()),
    ///         _ => None,
    ///     })
    ///     .collect();
    /// assert_eq!(paths, ["officers[0].department", "officers[0].", "officers[1].passbook[0].level"]);
    /// ```
    pub fn from_json_all(json: &str) -> Result<OfficersSpec, Errors> {
        const OFFICERS: [List; 1] = [List {
            name: "officers",
            read: officer_faults,
        }];
        from_versioned_json_all(
            json,
            read_each::<OfficersSpec>,
            &OFFICERS,
            in_officer,
            OFFICERS_DOCUMENT,
        )
    }

    /// Writes the document as pretty-printed JSON.
    ///
    /// A passbook entry whose level JSON cannot hold is written all the same, and the
    /// document then does not read back, or reads back as another: one given by name only
    /// ([`Evidence::LEVEL_BY_NAME`]) whose name is no level's text (`"N/A"`, `"3.25"`,
    /// `"NaN"`, `"999"`), or a number with a name beside it that does not read as one
    /// (`3` with `4`, `6` with `Advanced`, which reads back as the level given by the
    /// name `6 - Advanced`). A format version this crate does not read is written as
    /// given. [`OfficersSpec::try_to_json`] reports them.
    pub fn to_json(&self) -> String {
        crate::model::json::to_pretty_json(self)
    }

    /// Writes the document as [`OfficersSpec::to_json`] does, when the text reads back
    /// ([`OfficersSpec::from_json`] accepts it) with the content written. The content is
    /// compared as the reader means it: a level's name trimmed, and an entry given by
    /// name only whose name is a level's number (`"3"`, `"3 - Advanced"`) equal to that
    /// number with the name beside it, which it means (see [`Evidence::LEVEL_BY_NAME`]);
    /// every other field reads back as held.
    ///
    /// # Errors
    /// Every problem [`OfficersSpec::from_json_all`] finds in the text
    /// [`OfficersSpec::to_json`] writes, each [`Error::Json`] naming the officer, the
    /// passbook entry and its competency, and the `level` it could not read, when an
    /// entry's level cannot be written so that it reads back
    /// ([`Error::UnsupportedFormatVersion`] for a version this crate does not read). When
    /// the text reads, an [`Error::Json`] for each entry whose level reads back as another
    /// (`6` named `Advanced` is written `"6 - Advanced"`, which reads back as the level
    /// given by that name), at its `level`, naming the officer and entry, what is held
    /// and what reads back.
    ///
    /// # Complexity
    /// O(n) time and memory in the length n of the text, which is read back once.
    pub fn try_to_json(&self) -> Result<String, Errors> {
        use crate::model::read_back::{Pair, Step, differences};
        let text = self.to_json();
        let back = OfficersSpec::from_json_all(&text)?;
        let officers = self.officers.iter().zip(&back.officers).enumerate();
        let pairs = officers.flat_map(|(i, (held, read))| {
            let entries = held.passbook.iter().zip(&read.passbook).enumerate();
            entries.map(move |(j, (x, y))| Pair {
                list: ("officers", i),
                steps: vec![Step::Key("passbook"), Step::Index(j), Step::Key("level")],
                id: held.id.as_str(),
                held: (Some(x.level), x.level_name.as_deref()),
                read: (Some(y.level), y.level_name.as_deref()),
            })
        });
        let errors: Vec<Error> = differences(&text, pairs)
            .into_iter()
            .map(|e| in_officer(&text, e))
            .collect();
        if errors.is_empty() {
            Ok(text)
        } else {
            Err(Errors(errors))
        }
    }
}

/// `error`, of reading the document `json`, its message naming the officer and passbook
/// entry its path is in (`officers[3].passbook[1].level`), by the officer's id and the
/// entry's index and competency; as it is elsewhere, or when the text is no JSON. Only run
/// when reading failed.
fn in_officer(json: &str, error: Error) -> Error {
    match error {
        Error::Json {
            line,
            column,
            path,
            id,
            message,
        } => {
            let message = match named_at(json, &path) {
                Some(context) => format!("{context}: {message}"),
                None => message,
            };
            Error::Json {
                line,
                column,
                path,
                id,
                message,
            }
        }
        other => other,
    }
}

/// The officer, and the passbook entry, at `path` in the document `json`, as an error
/// names them; `None` outside `officers`, or when `json` is no JSON object. The officer
/// is found in the document's first `officers` member: an error's path into `officers`
/// is always into the first, as the reader stops at a second `officers` key ("duplicate
/// field"), before its value. The document's values are scanned, not read into a tree,
/// so that one nested deeper than `serde_json` reads into values (128 levels) still
/// names its officer by id, as the error's place does.
fn named_at(json: &str, path: &str) -> Option<String> {
    /// The index at the start of `rest` (`3]…`), and what follows its bracket.
    fn index(rest: &str) -> Option<(usize, &str)> {
        let (digits, rest) = rest.split_once(']')?;
        Some((digits.parse().ok()?, rest))
    }
    let (officer_index, rest) = index(path.strip_prefix("officers[")?)?;
    let json = crate::model::json::without_bom(json);
    let officer = list_element(json, "officers", officer_index)?;
    let entry = rest
        .strip_prefix(".passbook[")
        .and_then(index)
        .and_then(|(i, _)| Some((i, list_element(officer, "passbook", i)?)));
    Some(match entry {
        Some((i, entry)) => entry_named(officer, i, entry),
        None => officer_named(officer),
    })
}

/// The text of element `index` of the list in the first member `name` of `text`, a JSON
/// object; `None` when `text` is no well-formed JSON object or has no such element.
/// O(length of `text`), without recursion.
fn list_element<'t>(text: &'t str, name: &str, index: usize) -> Option<&'t str> {
    let members = crate::model::json_spans::members(text)?;
    let (_, list) = members.into_iter().find(|(key, _)| key == name)?;
    let element = crate::model::json_spans::elements(text, list)?
        .into_iter()
        .nth(index)?;
    text.get(element)
}

/// How an error names an officer, from its text: by its id (the first string `id`, as
/// the error's place finds it).
fn officer_named(officer: &str) -> String {
    top_level_string(officer, "id").map_or_else(
        || "an officer without a string id".to_owned(),
        |id| format!("officer {}", quoted(&id)),
    )
}

/// How an error names entry `index` of an officer's passbook, from their texts: by the
/// officer, the index and the competency.
fn entry_named(officer: &str, index: usize, entry: &str) -> String {
    let competency = top_level_string(entry, "competency");
    let competency = competency.map_or_else(|| "none".to_owned(), |c| quoted(&c).to_string());
    let who = officer_named(officer);
    format!("{who} passbook entry {index} (competency {competency})")
}

/// The faults of one officer's text (an element of a document's `officers`): none when it
/// reads; else each bad passbook entry's, and the first outside the passbook, each named
/// as [`in_officer`] names the officer and entry.
fn officer_faults(text: &str) -> Vec<Fault> {
    let Err(error) = serde_json::from_str::<OfficerSpec>(text) else {
        return Vec::new();
    };
    let passbook = [List {
        name: "passbook",
        read: read_each::<Evidence>,
    }];
    let Some(mut found) =
        faults(text, read_each::<OfficerSpec>, &passbook).filter(|found| !found.is_empty())
    else {
        let mut only = fault(text, error);
        only.context = Some(officer_named(text));
        return vec![only];
    };
    for fault in &mut found {
        fault.context = Some(match &fault.element {
            Some((_, index, span)) => {
                entry_named(text, *index, text.get(span.clone()).unwrap_or_default())
            }
            None => officer_named(text),
        });
    }
    found
}

/// Where a piece of evidence came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceSource {
    /// Completing a course (name it in [`Evidence::course`]).
    CourseCompletion,
    /// A formal assessment.
    Assessment,
    /// 360-degree feedback (self, peer, manager or subordinate).
    Feedback360,
    /// The officer's own claim.
    SelfDeclared,
}

impl EvidenceSource {
    /// Every source, in declaration order.
    pub(crate) const ALL: [EvidenceSource; 4] = [
        EvidenceSource::CourseCompletion,
        EvidenceSource::Assessment,
        EvidenceSource::Feedback360,
        EvidenceSource::SelfDeclared,
    ];
}

/// One entry of a competency passbook: a competency shown at a level.
///
/// As JSON, `level` is written as the number, or as the number and [`Evidence::level_name`]
/// (`"3 - Advanced"`) when the entry holds a name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evidence {
    /// The competency shown.
    pub competency: CompetencyId,
    /// The level shown, 0 up to the competency's highest level. JSON may also give it as
    /// a string holding a whole number as HR exports write it (`"3"`, `"3.0"`, `"Level
    /// 3"`; the platform's profiles hold levels as strings; `"-0"` is 0, as the number
    /// `-0` is), read as the number and
    /// checked against the competency's levels as a number is. A level's name alone
    /// (`"Proficient"`, or a competency's own name such as `"Works alone"`: text with a
    /// letter that is no number) is read as [`Evidence::LEVEL_BY_NAME`] with the name in
    /// [`Evidence::level_name`], as the document does not say which scale names it;
    /// wherever the passbook meets a framework it is the level of the competency that has
    /// that name (its descriptor's `name`, else the platform's default, level by level,
    /// as the officers CSV reader reads the cell), and a name no level or several levels
    /// have is
    /// [`EvidenceProblem::UnresolvedLevelName`](crate::EvidenceProblem::UnresolvedLevelName).
    /// A number with a name (`"3 - Advanced"`, `"Advanced
    /// (3)"`, `"Level 3: Advanced"`) is the number, the name kept in
    /// [`Evidence::level_name`]. A mark of a missing value (`"N/A"`, `"NA"`, `"#N/A"`,
    /// `"NULL"`, `"\N"`, `"-"`, `"--"`, in any ASCII case) is no level and no name, even
    /// where the competency names a level so: the readers refuse it
    /// ([`Error::Json`](crate::Error::Json) expecting "a value, not a mark of a missing
    /// one"), as the officers CSV readers refuse the same cell, so one passbook gives the
    /// same entries refused from either format (officers/10, 12).
    pub level: u8,
    /// The name written beside the level's number, trimmed (`"3 - Advanced"` gives
    /// `Advanced`), as HR systems export a level picked from a list, or the name a level
    /// is given by alone when [`Evidence::level`] is [`Evidence::LEVEL_BY_NAME`]; `None`
    /// for a level written as a number alone. Wherever the passbook is checked against a framework
    /// ([`Cohort::new`](crate::Cohort::new), [`Profile::new`](crate::Profile::new)), the
    /// name must be the competency's own name of that level (its descriptor's `name`, else
    /// the platform's default, Basic to Ustad; compared trimmed, in any case, characters that print nothing left out), as the
    /// officers CSV reader requires of the same text: another name is
    /// [`EvidenceProblem::LevelNameMismatch`](crate::EvidenceProblem::LevelNameMismatch),
    /// naming both readings, since which of the two is meant is unknowable. One exception:
    /// a competency's own level name that holds a number (`Foundation 2`, or `Band 2` for
    /// its level 4), split into a number and a name (level 2, `Foundation`, as a JSON
    /// document of an earlier version holds it), is the level of that name, as the
    /// officers CSV reader reads the cell whole (scales/29). The JSON readers keep a name
    /// followed by a number (`"Foundation 2"`) whole, given by name only: it is the level
    /// the competency names so, else the number with the name before it, as the CSV
    /// reader reads it, so `Foundation 2` is level 1 where level 1 is named so and level 2
    /// `Foundation` (scales/31).
    pub level_name: Option<String>,
    /// Where the evidence came from. JSON may also spell it as the CSV reader reads it
    /// (`evidence.csv`): in any capitalisation with a space or `-` for each `_`
    /// (`"Self Declared"`, `"course-completion"`), and 360-degree feedback as
    /// `"Feedback 360"`, `"360 feedback"` or `"360-degree feedback"`; surrounding spaces
    /// are ignored. Any other text, a mark of a missing value (`"N/A"`) included, is refused.
    pub source: EvidenceSource,
    /// When, as an ISO 8601 date `YYYY-MM-DD` supplied by the caller; an ISO 8601
    /// date-time (`2024-02-10T09:30:00.000+0530`, also with lowercase `t` and `z` or a
    /// region as in `…+05:30[Asia/Kolkata]`, or a zone's abbreviation or offset after a
    /// space as in `2024-02-10 09:30:00 IST` and `2024-02-10 09:30:00 +0530`), a date with a time zone (`2024-02-10+05:30`) and the
    /// basic format (`20240210`, `20240210T093000Z`) are read by their date as written. Empty (or whitespace only, or absent in JSON) when the evidence is undated,
    /// as the platform's self-attestations are: [`LevelPolicy::undated`] says whether it
    /// counts. Format version 1 requires a date; version 2 lets it be absent.
    ///
    /// `null` in JSON is absent, as for the optional fields read into an `Option`.
    ///
    /// Epoch time is refused: a JSON number (`1707537600000`, milliseconds since
    /// 1970-01-01 UTC as the platform's APIs store times) fails to read, and a text holding
    /// a count of epoch milliseconds or seconds is
    /// [`EvidenceProblem::InvalidDate`](crate::EvidenceProblem::InvalidDate), since the
    /// day an instant falls on depends on the time zone (`1707589800000` is 10 February in
    /// UTC and 11 February in India); each error names the instant in UTC
    /// (`2024-02-10T18:30:00Z`), which reads by its date when written so.
    ///
    /// [`LevelPolicy::undated`]: crate::LevelPolicy::undated
    pub date: String,
    /// Whether an authority has verified it. Defaults to `true` when absent (or `null` in
    /// JSON, which is absent for every optional field). JSON may also give it as the CSV
    /// reader reads the cell: a string `"true"`/`"false"`, `"yes"`/`"no"`, `"y"`/`"n"` or
    /// `"1"`/`"0"` in any case (surrounding spaces ignored), `""` as `true` and a mark of a
    /// missing value (`"N/A"`, `"NA"`, `"#N/A"`, `"NULL"`, `"\N"`, `"-"`, `"--"`) as
    /// `false`, a verification not available being none. Any other value (a number
    /// too) is refused.
    pub verified: bool,
    /// The course completed, for [`EvidenceSource::CourseCompletion`] (required there; a
    /// blank id counts as none). Other sources may name a course too (an assessment at
    /// the end of one); it must then exist.
    pub course: Option<CourseId>,
}

/// [`Evidence`] as JSON writes it: the derived reader's fields, the level with its name.
#[derive(Deserialize)]
#[serde(rename = "Evidence", deny_unknown_fields)]
struct EvidenceRead {
    competency: CompetencyId,
    #[serde(deserialize_with = "crate::model::level_text::passbook_level")]
    level: (u8, Option<String>),
    source: EvidenceSource,
    #[serde(default, deserialize_with = "null_as_empty")]
    date: String,
    #[serde(default = "yes", deserialize_with = "null_as_yes")]
    verified: bool,
    #[serde(default)]
    course: Option<CourseId>,
}

impl From<EvidenceRead> for Evidence {
    fn from(read: EvidenceRead) -> Evidence {
        Evidence {
            competency: read.competency,
            level: read.level.0,
            level_name: read.level.1,
            source: read.source,
            date: read.date,
            verified: read.verified,
            course: read.course,
        }
    }
}

impl Serialize for Evidence {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let level = (self.level, self.named());
        let mut s = match self.by_name() {
            // A level given by its name alone is written so, and reads back the same.
            Some(name) => {
                let mut s = serializer.serialize_struct("Evidence", 6)?;
                s.serialize_field("competency", &self.competency)?;
                s.serialize_field("level", name)?;
                s
            }
            None => level_text::competency_at_level(
                serializer,
                ("Evidence", 6),
                &self.competency,
                level,
            )?,
        };
        s.serialize_field("source", &self.source)?;
        if !self.date.is_empty() {
            s.serialize_field("date", &self.date)?;
        }
        if !self.verified {
            s.serialize_field("verified", &self.verified)?;
        }
        if let Some(course) = &self.course {
            s.serialize_field("course", course)?;
        }
        s.end()
    }
}

/// A date's text, `null` read as the empty one (absent); a number is refused, naming the
/// instant an epoch count stands for, as the one-pass reader refuses it ([`DateText`]).
fn null_as_empty<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    let date = Option::<DateText<'de>>::deserialize(deserializer)?;
    Ok(date.map(|d| d.0.0.into_owned()).unwrap_or_default())
}

impl Evidence {
    /// The [`level`](Evidence::level) of an entry whose level is written as a name alone
    /// (`"Proficient"`, or a competency's own name such as `"Works alone"`), the name
    /// held in [`level_name`](Evidence::level_name): 255, above every level a number
    /// written beside a name can give (at most 5), so the pair says "level given by name
    /// only". [`OfficersSpec::from_json`] reads such an entry so, as it has no framework
    /// to read the name by; wherever the passbook meets a framework the name is read as
    /// the level of the entry's competency that has it, as the officers CSV reader reads
    /// the same cell. [`OfficersSpec::to_json`] writes the name alone back. A name that
    /// is not a name alone, as an entry built in Rust may hold (`"3"`, `"Level 3"`,
    /// `"3 - Advanced"`), means what that text written as the `level` reads as (the
    /// number, and the name beside it), as it reads once written and read back. Without
    /// a name, or with a blank one, it is refused there as
    /// [`EvidenceProblem::UnresolvedLevelName`](crate::EvidenceProblem::UnresolvedLevelName)
    /// with an empty name, and written as the number 255, which reads back as the same
    /// entry and is refused alike; a blank name beside a number is none, and written so.
    pub const LEVEL_BY_NAME: u8 = level_text::BY_NAME;

    /// The name of a level given by name only ([`Evidence::LEVEL_BY_NAME`]).
    pub(crate) fn by_name(&self) -> Option<&str> {
        self.named().filter(|_| self.level == Self::LEVEL_BY_NAME)
    }

    /// [`Evidence::level_name`], a blank one as none: it names nothing, and JSON has no
    /// `level` text that reads back as it.
    fn named(&self) -> Option<&str> {
        self.level_name.as_deref().filter(|n| !n.trim().is_empty())
    }

    /// The entry as borrowed fields, a blank course as none.
    #[inline]
    pub(crate) fn view(&self) -> EvidenceView<'_> {
        EvidenceView {
            competency: self.competency.as_str(),
            level: self.level,
            level_name: self.named(),
            source: self.source,
            date: &self.date,
            verified: self.verified,
            course: self
                .course
                .as_ref()
                .map(CourseId::as_str)
                .filter(|c| !c.trim().is_empty()),
        }
    }
}

/// A passbook entry borrowed from wherever it is held (an [`Evidence`], a CSV record), so
/// that it can be checked and counted without building an `Evidence`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct EvidenceView<'a> {
    pub(crate) competency: &'a str,
    pub(crate) level: u8,
    /// The name written beside the level's number, if any (see [`Evidence::level_name`]).
    pub(crate) level_name: Option<&'a str>,
    pub(crate) source: EvidenceSource,
    pub(crate) date: &'a str,
    pub(crate) verified: bool,
    /// The course named; `None` for none or a blank id.
    pub(crate) course: Option<&'a str>,
}

fn yes() -> bool {
    true
}

/// A verified flag, `null` read as absent (`true`), a string as a CSV cell (see
/// [`Verified`](crate::people::spellings::Verified)).
fn null_as_yes<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    Ok(crate::people::spellings::Verified::deserialize(deserializer)?.0)
}

impl<'de> Deserialize<'de> for EvidenceSource {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // The spellings the CSV reader accepts (`Self Declared`, `Feedback 360`), so a
        // document converted from `evidence.csv` reads as the file does.
        crate::model::names::deserialize_or(deserializer, "an evidence source", SOURCES, |t| {
            source(t.trim())
        })
    }
}

/// The sources by the names the interchange format gives them.
pub(crate) const SOURCES: &[(&str, EvidenceSource)] = &[
    ("course_completion", EvidenceSource::CourseCompletion),
    ("assessment", EvidenceSource::Assessment),
    ("feedback360", EvidenceSource::Feedback360),
    ("self_declared", EvidenceSource::SelfDeclared),
];

/// The source a `source` cell names (see [`same_source`]), or 360-degree feedback as HR
/// systems label it: `Feedback 360`, `360 feedback`, `360-degree feedback`, in any case.
pub(crate) fn source(text: &str) -> Option<EvidenceSource> {
    SOURCES
        .iter()
        .find(|(name, _)| same_source(name, text))
        .map(|&(_, source)| source)
        .or_else(|| {
            let folded: String = text
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_lowercase())
                .collect();
            let named = ["feedback360", "360feedback", "360degreefeedback"];
            named
                .contains(&folded.as_str())
                .then_some(EvidenceSource::Feedback360)
        })
}

/// Whether `text` names the source `name` (`self_declared`): in any ASCII capitalisation,
/// with a space or `-` for each `_` (`Self Declared`, `self-declared`), as HR systems write
/// their labels. `feedback360` has no `_` to vary.
fn same_source(name: &str, text: &str) -> bool {
    name.len() == text.len()
        && name
            .bytes()
            .zip(text.bytes())
            .all(|(n, t)| n.eq_ignore_ascii_case(&t) || (n == b'_' && matches!(t, b' ' | b'-')))
}

/// Read from a JSON object only, never field by field from a list.
impl<'de> Deserialize<'de> for Evidence {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::model::object::object::<EvidenceRead, D>(deserializer).map(Self::from)
    }
}

#[cfg(test)]
mod tests {
    use super::{SOURCES, source};

    #[test]
    fn a_source_is_one_of_the_names_as_hr_systems_label_it() {
        for &(name, expected) in SOURCES {
            assert_eq!(source(name), Some(expected));
            assert_eq!(source(&name.to_uppercase()), Some(expected));
            assert_eq!(source(&name.replace('_', " ")), Some(expected));
            assert_eq!(source(&name.replace('_', "-")), Some(expected));
            let mut near = name.to_owned();
            near.pop();
            near.push('x');
            assert_eq!(source(&near), None);
        }
        assert_eq!(
            source("Self Declared"),
            Some(crate::EvidenceSource::SelfDeclared)
        );
        // 360-degree feedback as HR systems label it.
        for text in [
            "feedback_360",
            "Feedback 360",
            "360 feedback",
            "360-Degree Feedback",
        ] {
            assert_eq!(
                source(text),
                Some(crate::EvidenceSource::Feedback360),
                "{text}"
            );
        }
        for text in [
            "",
            "assessments",
            "course  completion",
            "self_declared ",
            "360",
            "feedback",
            "360 degree",
        ] {
            assert_eq!(source(text), None, "{text}");
        }
    }
}
