//! iGOT course records with their competency tags, in the three generations the platform
//! has written: `competencies_v3` (FRAC era), `competencies_v5` and `competencies_v6`
//! (Karmayogi Competency Model).

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use super::alike::KeptIds;
use super::by_id::ById;
use super::json::{Report, parse, refuse_other_kinds, refuse_unread, required_text, written_id};
use super::report::{IgotLoad, IgotWhat};
use super::responses;
use super::tags::{KcmTagKey, Tag, Tags, tag_list};
use crate::DocumentKind;
use crate::interop::case::huge;
use crate::interop::case::read::json_type;
use crate::model::hours::{HOURS_EXPECTED, course_hours};
use crate::model::json_underflow::{NEAR_ZERO, reads_as_zero};
use crate::model::names::one_line;
use crate::model::nearest::Nearest;
use crate::{CourseOutcome, CourseSpec, EntityKind, Errors, Framework, Mode};

const DOCUMENT: &str = "igot course records";
const KNOWN: &[&str] = &[
    "identifier",
    "name",
    "duration",
    "competencies_v3",
    "competencies_v5",
    "competencies_v6",
];
/// The two keys real records misspell, in the order their note lists them (sorted).
const MISSPELT: [&str; 2] = [
    "competecnySubThemeDescription",
    "competecnyThemeDescription",
];

/// A tag kept for a course: the competency id, its level, the tag's path, and the level's
/// name the tag wrote (`selectedLevelName`), kept beside the level for the framework's
/// check of the outcome.
type Kept = (String, Option<u8>, String, Option<String>);

/// Options for [`load_igot_courses`].
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct IgotCourseOptions {
    key: KcmTagKey,
    hours_when_missing: Option<f64>,
}

impl IgotCourseOptions {
    /// Which fields name a KCM tag's competency (default [`KcmTagKey::Names`]).
    pub fn key(mut self, key: KcmTagKey) -> Self {
        self.key = key;
        self
    }

    /// The hours to give a record without a duration (the platform's search results carry
    /// `duration` in seconds; extracts often do not). Default: none, and such a course is
    /// set aside; given, each course it applies to is noted.
    pub fn hours_when_missing(mut self, hours: f64) -> Self {
        self.hours_when_missing = Some(hours);
        self
    }
}

/// Reads iGOT course records into [`CourseSpec`]s whose outcomes name competencies of
/// `framework`, with a report of every record and tag set aside.
///
/// The document is an array of course records, one record, or one of the platform's API
/// responses (Sunbird's content APIs, as iGOT serves them; igot/34, igot/37):
/// - a search page (`composite/v1/search`, `content/v1/search`):
///   `{"id": "api.content.search", …, "result": {"count": N, "content": [...]}}`, or
///   `{"content": [...]}`;
/// - a search page on which nothing matched, `{"result": {"count": 0}}`: the platform
///   writes `content` only when it holds a record (`Sunbird-Knowlg/knowledge-platform`,
///   `SearchBaseActor.getCompositeSearchResponse`), so this is an empty load;
/// - a content or hierarchy read (`content/v3/read`, `course/v1/hierarchy`):
///   `{"id": "api.content.read", …, "result": {"content": {<one record>}}}` (its
///   `ContentActor.read`, `HierarchyManager.getHierarchy`), the record at
///   `$.result.content`.
///
/// Per record:
/// - `identifier` → the course id, `name` → its name; both needed;
/// - `duration` (seconds: a number, or text holding a number as JSON writes one, such as
///   `"5400"`, `"5400.5"` or `"5.4e3"`; other text such as `"+5400"`, `".5"` or `"1,800"`
///   is set aside, as is text of a number not 0 that a double holds only as 0, `"1e-400"`,
///   where the number `1e-400` refuses the document, as in every iGOT document
///   ([`Error::Json`](crate::Error::Json), igot/27)) → hours; without one, the hours of
///   [`IgotCourseOptions::hours_when_missing`], or the course is set aside;
/// - mode formal; no prerequisites (the records carry none);
/// - each tag of `competencies_v3`, `competencies_v5` and `competencies_v6` (all that are
///   present; a list written as JSON text, as some records hold it and the platform's own
///   course page parses it, is read as the list the text holds, and noted:
///   [`IgotWhat::TagsFromText`]; igot/35) → an outcome:
///   - v3 (FRAC era): the competency `id`, at `selectedLevelLevel` (the text `Level N`,
///     or any spelling of a level's number the crate reads: `3`, `L3`, `III`,
///     `Level III`),
///     with the level's name `selectedLevelName` kept beside it in
///     [`CourseOutcome::level_name`](crate::CourseOutcome::level_name), so that
///     [`Framework::new`] refuses a name the competency gives another level
///     ([`Error::LevelNameMismatch`](crate::Error::LevelNameMismatch) naming the course);
///     a name without `selectedLevelLevel` is the level of the competency that has that
///     name (its descriptor's `name`, else the platform's default), and one no level or
///     several levels have sets the tag aside ([`IgotWhat::UnreadableLevel`]); a name
///     marking a missing value (`NA`, `N/A`, `null`, `-`) is none (igot/08);
///   - v5: by default the competency [`kcm_id`](crate::kcm_id)`(competencyArea,
///     competencyTheme, competencySubTheme)`, or by identifier ([`KcmTagKey`]); no level.
///     Real records misspell two keys (`competecnyThemeDescription`,
///     `competecnySubThemeDescription`): they are read as descriptions and noted;
///   - v6: by default `kcm_id(competencyAreaName, competencyThemeName,
///     competencySubThemeName)`, or by `competencySubThemeIdentifier` or
///     `competencySubThemeRefId`; no level.
///
///   KCM tags carry no level, so their outcomes have none: the crate's untagged-level
///   policy decides what they close ([`UntaggedLevel`](crate::UntaggedLevel)), never a
///   guess here.
///
/// Set aside, each reported with its path, the load going on so that every problem of a
/// catalogue is reported at once (igot/35): a record that is not an object, or lacks an
/// identifier or name; a tag list of another type (a number, an object), or text that is
/// not JSON ([`IgotWhat::NotJson`]) or JSON of another value, the record kept with its
/// other lists; a tag that is not an object (a `null` in the list); a record repeating an
/// earlier identifier; a course without a duration (and no hours assumed) or whose
/// duration makes hours outside 5·10⁻¹³ to 10,000 (the smallest hours held, half a pico-hour; reported with the duration as
/// written); a tag naming no
/// competency of `framework` (with the nearest id), with a level that is not `Level N` (or a label, `LN`,
/// `Lvl-N`) or a whole number (`N`, or `N.0` as spreadsheet exports write one), or outside the competency's range, or lacking the names or id it is keyed by; a second tag
/// of the same competency in a course (the highest level is kept). Noted: a tag matched
/// ignoring whitespace, misspelt keys, assumed hours, a course none of whose tags is known,
/// a `selectedLevelName` of another type than text ([`IgotWhat::WrongType`], not read).
/// A tag set aside or noted is named by its course's identifier, its path giving the
/// tag's place (igot/23).
///
/// Around the records, nothing is dropped in silence (igot/22): a key of a search response
/// the loader does not read (other than the envelope's `id`, `ver`, `ts`, `params`,
/// `responseCode`) is counted in [`IgotReport::ignored_fields`](crate::IgotReport) by its
/// path (`$.result.facets`), and one holding a list (`$.content` beside
/// `$.result.content`, `$.result.collections`) is also set aside as
/// [`IgotWhat::ListNotRead`] (a search of several object types lists the others under
/// their own keys, `$.result.QuestionSet`); a `result.count` other than the records held
/// is noted ([`IgotWhat::CountDisagrees`]: a page of 2 of a search of 250 is not the
/// catalogue, and a page past the last holds none of the 250), as paging makes it, never
/// refused.
/// Course identifiers that differ only in letter case or whitespace around them (`do_1`,
/// `" do_1"`, `DO_1`) are different courses, never merged, and noted
/// ([`IgotWhat::LookalikeIds`], and [`IgotWhat::IdWhitespace`] for the spaces; igot/24).
///
/// # Errors
/// [`Error::Json`](crate::Error::Json) for malformed JSON or a repeated key;
/// [`Error::DocumentOfAnotherKind`](crate::Error::DocumentOfAnotherKind) for a document
/// of another kind: another iGOT export, or a framework, officers or CASE document (see
/// [`DocumentKind::of_json`](crate::DocumentKind::of_json); a list is of another kind
/// only when every entry is, so an export with some bad entries is read, and they are
/// reported);
/// the KCM dictionary among them (igot/12);
/// [`Error::IgotShape`](crate::Error::IgotShape) for a document that is none of the shapes
/// above: at its top level, or in the response around the records (a `content` neither a
/// list nor a record; a `result` with neither `content` nor `count`, as a question set's
/// read response, `result.questionset`, holds no course);
/// [`Error::IgotUnreadEntries`](crate::Error::IgotUnreadEntries) for a list of records holding entries none of which is an object
/// holding `identifier`, `name`, `duration` or a tag list (igot/33), which would
/// otherwise load as an empty catalogue; [`Error::InvalidOption`](crate::Error::InvalidOption)
/// for assumed hours outside `[5e-13, 10000]` (hours are held in whole pico-hours,
/// 10⁻¹² h, to the nearest with halves rounding up: smaller hours would count as 0).
///
/// # Complexity
/// Linear in the text, plus O(C) once to index the framework's competencies by normalised
/// id and, for up to 1,000 distinct unknown tags, a nearest-id search each, by edit
/// distance within 2²⁷ character pairs compared in all (about half a second), then only
/// for ids written otherwise (case, spaces, invisible characters, Unicode form, leading
/// zeros).
///
/// # Example
/// ```
/// use karmayogi::*;
///
/// let kcm = load_kcm(r#"[{"name": "Behavioural", "competency_theme": [
///   {"name": "Self-Awareness", "competency_sub_theme": ["Self-Analysis"]}]}]"#,
///   &KcmOptions::default())?;
/// let framework = Framework::new(kcm.value).map_err(|e| e.to_string())?;
/// let records = r#"[{"identifier": "do_1", "name": "Yoga Break at Workplace", "duration": "1800",
///   "competencies_v5": [{"competencyArea": "Behavioural", "competencyTheme": "Self-Awareness",
///     "competencySubTheme": "Self-Analysis", "competencyAreaId": 1, "competencyThemeId": 2,
///     "competencySubThemeId": 3}]}]"#;
/// let courses = load_igot_courses(records, &framework, &IgotCourseOptions::default())?;
/// let course = &courses.value[0];
/// assert_eq!(course.hours, 0.5);
/// assert_eq!(course.provides[0].competency.as_str(), "kcm:Behavioural/Self-Awareness/Self-Analysis");
/// assert_eq!(course.provides[0].level, None); // KCM tags carry no level
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn load_igot_courses(
    json: &str,
    framework: &Framework,
    options: &IgotCourseOptions,
) -> Result<IgotLoad<Vec<CourseSpec>>, Errors> {
    if let Some(h) = options.hours_when_missing
        && !course_hours(h)
    {
        return Err(crate::Error::InvalidOption {
            option: "hours_when_missing",
            value: h,
            expected: HOURS_EXPECTED,
        }
        .into());
    }
    let doc = parse(json)?;
    refuse_other_kinds(&doc, DocumentKind::IgotCourses, "iGOT course records")?;
    let records = responses::records(&doc)?;
    if let Some(base) = records.list_path() {
        refuse_unread(DOCUMENT, base, records.list, KNOWN)?;
    }
    let mut reader = Reader {
        framework,
        options,
        report: Report::default(),
        ids: HashSet::new(),
        normalised: framework
            .competencies()
            .iter()
            .map(|c| (one_line(c.id.as_str()), c.id.as_str()))
            .fold(HashMap::new(), |mut m, (k, v)| {
                m.entry(k).or_insert_with(Vec::new).push(v);
                m
            }),
        nearest: Nearest::new(1_000),
        kept: KeptIds::default(),
    };
    responses::around(&doc, records.list.len(), &mut reader.report);
    let mut courses: Vec<CourseSpec> = Vec::new();
    for (i, record) in records.list.iter().enumerate() {
        let path = records.path(i);
        let Some(record) = record.as_object() else {
            let found = json_type(record);
            reader.report.set_aside(
                &path,
                "",
                IgotWhat::WrongType {
                    field: "record",
                    found,
                    expected: "an object",
                },
            );
            continue;
        };
        courses.extend(reader.course(&path, record));
    }
    reader.kept.note_alike(&mut reader.report);
    Ok(IgotLoad {
        value: courses,
        report: reader.report.finish(),
    })
}

struct Reader<'a> {
    framework: &'a Framework,
    options: &'a IgotCourseOptions,
    report: Report,
    /// The course identifiers read so far.
    ids: HashSet<String>,
    /// Normalised competency id → the competency ids with that form.
    normalised: HashMap<String, Vec<&'a str>>,
    nearest: Nearest,
    /// The identifiers of the courses kept, to note those that look alike.
    kept: KeptIds,
}

impl Reader<'_> {
    /// One record: the course, or `None` when it is set aside.
    fn course(&mut self, path: &str, record: &Map<String, Value>) -> Option<CourseSpec> {
        self.report.ignore_others("course", record, KNOWN);
        let id = match required_text(record, "identifier") {
            Ok(id) => id,
            Err(what) => {
                self.report
                    .set_aside(path, &written_id(record, "identifier"), what);
                return None;
            }
        };
        if !self.ids.insert(id.to_owned()) {
            self.report.set_aside(path, id, IgotWhat::DuplicateId);
            return None;
        }
        let name = match required_text(record, "name") {
            Ok(n) => n,
            Err(what) => {
                self.report.set_aside(path, id, what);
                return None;
            }
        };
        let hours = self.hours(path, id, record)?;
        // (competency id, level, tag path) kept so far, by competency id: the reader's
        // one id-map type rather than a B-tree of its own (sorted by id at the end).
        let mut kept: ById<Kept> = ById::default();
        // Which of `MISSPELT` the course's tags use.
        let mut misspelt = [false; 2];
        for generation in ["competencies_v3", "competencies_v5", "competencies_v6"] {
            let Some(tags) = tag_list(
                &mut self.report,
                (path, id),
                generation,
                record.get(generation),
            ) else {
                continue;
            };
            for (t, tag) in tags.iter().enumerate() {
                let path = format!("{path}.{generation}[{t}]");
                // A tag of another type (a `null` in the list) is set aside, as one
                // naming no competency is: the record's other tags are read.
                let Some(tag) = tag.as_object() else {
                    let what = IgotWhat::wrong_type("tag", tag, "an object");
                    self.report.set_aside(&path, id, what);
                    continue;
                };
                for (seen, key) in misspelt.iter_mut().zip(MISSPELT) {
                    *seen |= tag.contains_key(key);
                }
                let mut tags = Tags {
                    report: &mut self.report,
                    course: id,
                    key: self.options.key,
                };
                let read = match generation {
                    "competencies_v3" => tags.v3(&path, tag),
                    "competencies_v5" => tags.v5(&path, tag),
                    _ => tags.v6(&path, tag),
                };
                let Some(read) = read else { continue };
                self.add(&path, id, read, &mut kept);
            }
        }
        if misspelt.contains(&true) {
            let mut keys = Vec::new();
            for (key, seen) in MISSPELT.into_iter().zip(misspelt) {
                if seen {
                    keys.push(key.to_owned());
                }
            }
            self.report.note(path, id, IgotWhat::MisspeltKeys { keys });
        }
        if kept.index.is_empty() {
            self.report.note(path, id, IgotWhat::NoTags);
        }
        self.kept.keep(&mut self.report, path, id);
        Some(CourseSpec {
            id: id.into(),
            name: name.to_owned(),
            hours,
            mode: Mode::Formal,
            provides: kept
                .into_sorted(|k| &k.0)
                .into_iter()
                .map(|(competency, level, _, level_name)| CourseOutcome {
                    competency: competency.into(),
                    level,
                    level_name,
                })
                .collect(),
            prerequisites: Vec::new(),
            provider: None,
            language: None,
        })
    }

    /// The course's hours, or `None` when it is set aside.
    fn hours(&mut self, path: &str, id: &str, record: &Map<String, Value>) -> Option<f64> {
        let seconds = match record.get("duration") {
            None | Some(Value::Null) => None,
            Some(Value::Number(n)) => n.as_f64().map(|v| (v, n.to_string())),
            Some(Value::String(s)) if s.trim().is_empty() => None,
            Some(v @ Value::String(s)) if huge::is_huge(v) => {
                self.report.set_aside(
                    path,
                    id,
                    IgotWhat::WrongType {
                        field: "duration",
                        found: huge::huge(s).map_or(huge::HUGE, huge::unheld_type),
                        expected: "seconds",
                    },
                );
                return None;
            }
            // Read as a JSON number, with `serde_json`'s own parser: `str::parse::<f64>`
            // would compile the standard library's float parser and its tables into the
            // WebAssembly for this one text (about 13 KB gzipped).
            Some(Value::String(s)) if reads_as_zero(s.trim()) => {
                self.report.set_aside(
                    path,
                    id,
                    IgotWhat::WrongType {
                        field: "duration",
                        found: NEAR_ZERO,
                        expected: "seconds",
                    },
                );
                return None;
            }
            Some(Value::String(s)) => {
                if let Ok(v) = serde_json::from_str::<f64>(s.trim()) {
                    Some((v, s.trim().to_owned()))
                } else {
                    self.report.set_aside(
                        path,
                        id,
                        IgotWhat::WrongType {
                            field: "duration",
                            found: "a string that is not a JSON number",
                            expected: "seconds",
                        },
                    );
                    return None;
                }
            }
            Some(other) => {
                self.report
                    .set_aside(path, id, IgotWhat::wrong_type("duration", other, "seconds"));
                return None;
            }
        };
        match (seconds, self.options.hours_when_missing) {
            (Some((s, duration)), _) => {
                let hours = s / 3600.0;
                if course_hours(hours) {
                    Some(hours)
                } else {
                    // Named as written: 5e-324 seconds is 0 hours once divided.
                    self.report
                        .set_aside(path, id, IgotWhat::HoursOutOfRange { duration, hours });
                    None
                }
            }
            // Checked against the same range when the options were read.
            (None, Some(h)) => {
                self.report
                    .note(path, id, IgotWhat::AssumedHours { hours: h });
                Some(h)
            }
            (None, None) => {
                self.report.set_aside(path, id, IgotWhat::NoDuration);
                None
            }
        }
    }

    /// Resolves a tag to a competency of the framework and checks its level; keeps the
    /// highest level per competency in `kept`.
    fn add(&mut self, path: &str, course: &str, tag: Tag, kept: &mut ById<Kept>) {
        let fw = self.framework;
        let competency = if fw.competency(&tag.key).is_some() {
            tag.key.clone()
        } else if let Some([one]) = self.normalised.get(&one_line(&tag.key)).map(Vec::as_slice) {
            self.report.note(
                path,
                course,
                IgotWhat::MatchedIgnoringWhitespace {
                    found: tag.key.clone(),
                    matched: (*one).to_owned(),
                },
            );
            (*one).to_owned()
        } else {
            let nearest = self.nearest.get(EntityKind::Competency, &tag.key, || {
                fw.competencies().iter().map(|c| c.id.as_str())
            });
            self.report.set_aside(
                path,
                course,
                IgotWhat::UnknownCompetency {
                    key: tag.key,
                    nearest,
                },
            );
            return;
        };
        let level = match (tag.level, tag.name.as_deref()) {
            (None, None) => None,
            // A name alone is the level of the competency that has it, by its own names.
            (None, Some(name)) => {
                let spec = fw.competency(&competency).map(|c| {
                    let min = fw.min_level(&competency).map_or(1, u8::from);
                    let max = fw.max_level(&competency).map_or(5, u8::from);
                    (c, min, max)
                });
                let Ok(l) = crate::model::level_name::named_level(spec, name) else {
                    let found = name.to_owned();
                    let what = IgotWhat::UnreadableLevel {
                        field: "selectedLevelName",
                        found,
                    };
                    self.report.set_aside(path, course, what);
                    return;
                };
                Some(l)
            }
            (Some(l), _) => {
                let min = fw.min_level(&competency).map_or(1, u8::from);
                let max = fw.max_level(&competency).map_or(5, u8::from);
                if l < u64::from(min) || l > u64::from(max) {
                    self.report.set_aside(
                        path,
                        course,
                        IgotWhat::LevelOutOfRange { level: l, min, max },
                    );
                    return;
                }
                Some(l as u8)
            }
        };
        match kept.get_mut(&competency) {
            None => {
                kept.get_or_insert_with(&competency, || {
                    (competency.clone(), level, path.to_owned(), tag.name)
                });
            }
            Some((_, have, at, name)) => {
                // The tag giving the lower level is the one set aside (the later one when
                // they tie), reported at its own path with its own level.
                if level > *have {
                    let lower = std::mem::replace(have, level);
                    let at = std::mem::replace(at, path.to_owned());
                    *name = tag.name;
                    self.report
                        .set_aside(&at, course, IgotWhat::RepeatedTag { level: lower });
                } else {
                    self.report
                        .set_aside(path, course, IgotWhat::RepeatedTag { level });
                }
            }
        }
    }
}
