//! Hardening against bad input: hostile and malformed JSON and CSV, corrupted frameworks
//! and passbooks, option values at their edges, and determinism of every serialized output.
//!
//! Property suites, with the cases each runs (`ProptestConfig::with_cases`):
//! - `arbitrary_json_reaches_every_entry_point`, 2000 cases: generated JSON text (nested
//!   arrays and objects up to depth 5, keys mostly the formats' own field names, strings
//!   with odd Unicode, `\u0000`, lone-surrogate and invalid escapes, huge, negative,
//!   fractional and malformed numbers), whole and cut at a random byte, through
//!   `FrameworkSpec::from_json`, `Framework::from_json`, `OfficersSpec::from_json`,
//!   `CasePackage::from_json`, `CaseImport::from_json` and `serde_json::from_str` into
//!   every public `Deserialize` type; whatever parses is then validated, profiled or planned.
//! - `one_mutation_of_a_valid_document_fails_precisely`, 500 cases: a valid framework and a
//!   valid officers document, each with one key deleted, one key repeated textually, one
//!   unknown key inserted at any depth, one value changed to another JSON type, or the text
//!   cut at a random byte; each gives the exact error its mutation calls for.
//! - `many_mutations_never_panic`, 500 cases: one to four of those mutations at once, on a
//!   framework, an officers document and the framework's CASE export.
//! - `corrupted_frameworks_name_what_was_corrupted`, 2000 cases: a valid generated framework
//!   with one to four corruptions (duplicate ids, dangling references, levels 0, 6, 255 or
//!   above a scale, malformed scales, empty names and ids, prerequisite cycles, hours of 0,
//!   −0, −1, NaN, ±inf or above 10,000, positions without roles, repeated references,
//!   another format version; unknown, repeated and cyclic group parents, unknown groups,
//!   blank group names, areas and level names, inverted level ranges): every error names a
//!   corrupted id, and the same spec gives the same errors twice.
//! - `corrupted_passbooks_name_their_officers`, 2000 cases: officers with unknown
//!   positions, targets, competencies and courses, levels above a scale, invalid dates,
//!   empty and duplicate ids: `Profile::new` and `Cohort::new` fail exactly for them, and
//!   every error names one of them.
//! - `every_analysis_survives_edge_options`, 500 cases: every analysis on valid generated
//!   frameworks and officers, with options at their edges (k of 0, 1 and `usize::MAX`,
//!   budgets of 0, the smallest subnormal and `f64::MAX`, node limits 0 and 1, 0, 1, 2 and
//!   64 threads, zero and the largest weights, every untagged-level rule, seat limits of 0
//!   and `u32::MAX`, unknown ids), and the CASE export and import: no panic, typed errors,
//!   finite hours within budget, results independent of the thread count.
//! - `outputs_are_deterministic_across_threads_and_round_trips`, 128 cases: the serialized
//!   and displayed outputs of every analysis, and the CASE export, are byte-identical when
//!   the framework is built again on another thread, from its JSON, or from reversed lists.
//! - `csv_text_reaches_both_loaders`, 1000 cases: valid ESCO and O*NET files, most left
//!   intact and the rest with cells replaced by wrong values or broken quoting, lines
//!   deleted, repeated, moved or inserted, the text cut, CRLF line ends, a byte-order mark
//!   or a header column dropped, with options at their edges: `load_esco` and `load_onet`
//!   fail with typed errors or return a spec that builds.
//!
//! Named tests pin down the deserialisation limits (deep nesting, a million-element array,
//! a hundred thousand repeated references, duplicate and unknown keys at every level,
//! `\u0000`, lone surrogates, byte-order marks and odd top levels, numbers out of range,
//! CASE nesting beyond `serde_json`'s recursion limit, CSV quirks), invalid option values,
//! profiles and cohorts used with another framework, empty inputs, prerequisite chains of
//! 100,000 courses, and determinism on the example data.
//!
//! Known limits the properties step around, rather than assert: `officers_for` overflows
//! for k near `usize::MAX`; budgets and caps admit 1e-9 hours of slack; planning a prerequisite chain takes time cubic in its
//! length, so the planned chain is short. The whole file runs in about 15 s in debug mode on
//! 2 cores, 7 s of them in the million-element test.

use std::collections::BTreeSet;
use std::fmt::{Debug, Display};
use std::sync::OnceLock;

use karmayogi::{
    AcbpOptions, ActivityId, ActivitySpec, CareerOptions, CaseAssociation, CaseCriterion,
    CaseCriterionLevel, CaseDocument, CaseElement, CaseExportOptions, CaseIds, CaseImport,
    CaseImportOptions, CaseItem, CaseLink, CasePackage, CaseRubric, Cohort, CompareOptions,
    CompetencyId, CompetencySpec, CompetencyType, CourseId, CourseOutcome, CourseSpec,
    DepartmentId, EntityKind, Error, Errors, EscoCsv, EscoOptions, Evidence, EvidenceProblem,
    EvidenceSource, Framework, FrameworkSpec, GapOptions, GapReport, GroupId, GroupKind, GroupRule,
    GroupSpec, Level, LevelDescriptor, LevelPolicy, Mode, NeedsOptions, OfficerId, OfficerSpec,
    OfficersSpec, OnetCsv, OnetOptions, Plan, PositionId, PositionSpec, Profile, RankOptions,
    RecommendOptions, RequirementSpec, ReviewStatus, RoleId, RoleSpec, Solver, Target,
    UntaggedLevel, Weights, load_esco, load_onet,
};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

use crate::support::{
    self, SOURCES, competency_ids, distinct, earlier_courses, picked_course, valid_completion,
};

// Cases per property; the `//!` header repeats them.
const CASES_JSON: u32 = 2000;
const CASES_MUTATION: u32 = 500;
const CASES_CORRUPTION: u32 = 2000;
const CASES_ANALYSIS: u32 = 500;
const CASES_DETERMINISM: u32 = 128;
const CASES_CSV: u32 = 1000;

// ---------------------------------------------------------------------------------------
// Error checks
// ---------------------------------------------------------------------------------------

/// Asserts an error reads as the crate promises: a non-empty message led by a lowercase
/// letter; a JSON error carries a 1-based line, a column and the parser's message.
#[track_caller]
fn check_error(error: &Error) {
    let text = error.to_string();
    assert!(
        text.chars().next().is_some_and(char::is_lowercase),
        "message not lowercase-led: {text:?}"
    );
    if let Error::Json {
        line,
        column,
        message,
        ..
    } = error
    {
        assert!(*line >= 1, "json error without a line: {error:?}");
        assert!(!message.is_empty(), "json error without a message");
        assert!(
            text.contains(&format!("line {line}, column {column}")),
            "position missing from {text:?}"
        );
    }
}

/// Asserts a list of errors is non-empty, says how many it holds, and each entry reads well.
#[track_caller]
fn check_errors(errors: &Errors) {
    assert!(!errors.is_empty());
    assert_eq!(errors.len(), errors.iter().count());
    let text = errors.to_string();
    let count = errors.len();
    assert!(
        text.starts_with(&format!("{count} problem")),
        "listing does not start with its count: {text:?}"
    );
    for error in errors {
        check_error(error);
    }
}

#[track_caller]
fn check_result<T>(result: &Result<T, Error>) {
    if let Err(error) = result {
        check_error(error);
    }
}

#[track_caller]
fn check_results<T>(result: &Result<T, Errors>) {
    if let Err(errors) = result {
        check_errors(errors);
    }
}

/// Asserts a `serde_json` error (from deserialising a public type directly) has a message,
/// led by a lowercase letter except `serde_json`'s own `EOF while parsing …`.
#[track_caller]
fn check_serde_error(error: &serde_json::Error) {
    let text = error.to_string();
    assert!(
        text.chars().next().is_some_and(char::is_lowercase) || text.starts_with("EOF"),
        "serde message: {text:?}"
    );
}

/// Unwraps a JSON error, asserting it is one and that it reads well.
#[track_caller]
fn json_error<T: Debug>(result: Result<T, Error>) -> (usize, usize, String) {
    match result {
        Err(error @ Error::Json { .. }) => {
            check_error(&error);
            let Error::Json {
                line,
                column,
                message,
                ..
            } = error
            else {
                unreachable!()
            };
            (line, column, message)
        }
        other => panic!("expected a json error, got {other:?}"),
    }
}

/// Asserts the result is `Error::UnknownId` naming `id` as a `kind`.
#[track_caller]
fn expect_unknown<T: Debug>(result: Result<T, Error>, kind: EntityKind, id: &str) {
    match result {
        Err(Error::UnknownId { kind: k, id: i, .. }) if k == kind && i == id => {}
        other => panic!("expected unknown {kind} `{id}`, got {other:?}"),
    }
}

/// The ids an error names; empty for errors about no id.
fn named_ids(error: &Error) -> Vec<&str> {
    match error {
        Error::HiddenCharacter { id, value, .. } => vec![id.as_str(), value.as_str()],
        Error::EmptyName { id, .. }
        | Error::EmptyField { id, .. }
        | Error::DuplicateId { id, .. }
        | Error::UnknownId { id, .. }
        | Error::InvalidIdWeight { id, .. } => vec![id.as_str()],
        Error::UnknownReference { from, to, .. } | Error::DuplicateReference { from, to, .. } => {
            vec![from.as_str(), to.as_str()]
        }
        Error::InvalidLevel {
            owner, competency, ..
        }
        | Error::LevelNameMismatch {
            owner, competency, ..
        } => vec![owner.as_str(), competency.as_str()],
        Error::InvalidLevelScale { competency, .. }
        | Error::InvalidLevelRange { competency, .. }
        | Error::BlankLevelName { competency, .. }
        | Error::LevelNamedAsNumber { competency, .. }
        | Error::SameLevelNames { competency, .. } => vec![competency.as_str()],
        Error::BlankArea { competency } => vec![competency.as_str()],
        Error::GroupCycle { groups } | Error::GroupRuleCycle { groups } => {
            groups.iter().map(GroupId::as_str).collect()
        }
        Error::InvalidGroupRule { group, .. } => vec![group.as_str()],
        Error::PositionWithoutRoles { position } => vec![position.as_str()],
        Error::PrerequisiteCycle { courses } => courses.iter().map(CourseId::as_str).collect(),
        Error::InvalidHours { course, .. } => vec![course.as_str()],
        Error::InvalidEvidence {
            officer,
            competency,
            problem,
            ..
        } => {
            let mut ids = vec![officer.as_str(), competency.as_str()];
            match problem {
                EvidenceProblem::UnknownCourse { course, .. } => ids.push(course),
                EvidenceProblem::CourseDoesNotBuild { course }
                | EvidenceProblem::AboveCourseLevel { course, .. } => ids.push(course.as_str()),
                _ => {}
            }
            ids
        }
        _ => Vec::new(),
    }
}

/// Asserts text shown to a person is not empty.
#[track_caller]
fn shown(value: &impl Display) -> String {
    let text = value.to_string();
    assert!(!text.is_empty());
    text
}

#[track_caller]
fn serialized(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).expect("outputs serialize")
}

// ---------------------------------------------------------------------------------------
// Reference data
// ---------------------------------------------------------------------------------------

const EXAMPLE_FRAMEWORK: &str = include_str!("../../examples/data/head_post_office.json");
const EXAMPLE_OFFICERS: &str = include_str!("../../examples/data/head_post_office_officers.json");

fn example() -> &'static Framework {
    static FRAMEWORK: OnceLock<Framework> = OnceLock::new();
    FRAMEWORK.get_or_init(|| Framework::from_json(EXAMPLE_FRAMEWORK).expect("example builds"))
}

fn example_officers() -> Vec<OfficerSpec> {
    OfficersSpec::from_json(EXAMPLE_OFFICERS)
        .expect("example officers parse")
        .officers
}

// ---------------------------------------------------------------------------------------
// JSON text generation
// ---------------------------------------------------------------------------------------

/// A JSON document as text pieces: strings are kept escaped, numbers as written, objects
/// as member lists, so the text may hold what no `serde_json::Value` can (lone surrogates,
/// repeated keys, malformed numbers).
#[derive(Clone, Debug)]
enum Json {
    Null,
    Bool(bool),
    Number(String),
    /// The text between the quotes, escapes included.
    Str(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    fn render(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Number(n) => out.push_str(n),
            Json::Str(s) => {
                out.push('"');
                out.push_str(s);
                out.push('"');
            }
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.render(out);
                }
                out.push(']');
            }
            Json::Object(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push('"');
                    out.push_str(key);
                    out.push_str("\":");
                    value.render(out);
                }
                out.push('}');
            }
        }
    }

    fn text(&self) -> String {
        let mut out = String::new();
        self.render(&mut out);
        out
    }

    /// 0 null, 1 boolean, 2 number, 3 string, 4 array, 5 object.
    fn kind(&self) -> u8 {
        match self {
            Json::Null => 0,
            Json::Bool(_) => 1,
            Json::Number(_) => 2,
            Json::Str(_) => 3,
            Json::Array(_) => 4,
            Json::Object(_) => 5,
        }
    }

    fn from_value(value: &serde_json::Value) -> Json {
        match value {
            serde_json::Value::Null => Json::Null,
            serde_json::Value::Bool(b) => Json::Bool(*b),
            serde_json::Value::Number(n) => Json::Number(n.to_string()),
            serde_json::Value::String(s) => Json::Str(escaped(s)),
            serde_json::Value::Array(items) => {
                Json::Array(items.iter().map(Json::from_value).collect())
            }
            serde_json::Value::Object(members) => Json::Object(
                members
                    .iter()
                    .map(|(k, v)| (escaped(k), Json::from_value(v)))
                    .collect(),
            ),
        }
    }

    /// Paths (child positions from the root) of every node, in pre-order.
    fn paths(&self, here: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
        out.push(here.clone());
        let children: Vec<&Json> = match self {
            Json::Array(items) => items.iter().collect(),
            Json::Object(members) => members.iter().map(|(_, v)| v).collect(),
            _ => Vec::new(),
        };
        for (i, child) in children.into_iter().enumerate() {
            here.push(i);
            child.paths(here, out);
            here.pop();
        }
    }

    fn at(&self, path: &[usize]) -> &Json {
        match (path.split_first(), self) {
            (Some((&i, rest)), Json::Array(items)) => items[i].at(rest),
            (Some((&i, rest)), Json::Object(members)) => members[i].1.at(rest),
            (_, node) => node,
        }
    }

    fn at_mut(&mut self, path: &[usize]) -> &mut Json {
        match (path.split_first(), self) {
            (Some((&i, rest)), Json::Array(items)) => items[i].at_mut(rest),
            (Some((&i, rest)), Json::Object(members)) => members[i].1.at_mut(rest),
            (_, node) => node,
        }
    }
}

/// `s` escaped as JSON string contents.
fn escaped(s: &str) -> String {
    let quoted = serde_json::to_string(s).expect("strings serialize");
    quoted[1..quoted.len() - 1].to_owned()
}

/// Every field name of the interchange format.
const FIELDS: &[&str] = &[
    "format_version",
    "competencies",
    "activities",
    "roles",
    "positions",
    "courses",
    "officers",
    "id",
    "name",
    "description",
    "type",
    "area",
    "levels",
    "level",
    "requires",
    "competency",
    "status",
    "department",
    "position",
    "target_position",
    "passbook",
    "source",
    "date",
    "verified",
    "course",
    "hours",
    "mode",
    "provides",
    "prerequisites",
    "provider",
    "language",
    "current",
    "required",
    "CFDocument",
    "CFItems",
    "CFAssociations",
    "CFRubrics",
    "CFRubricCriteria",
    "CFRubricCriterionLevels",
    "CFItemType",
    "CFItemURI",
    "identifier",
    "uri",
    "title",
    "creator",
    "fullStatement",
    "humanCodingScheme",
    "lastChangeDateTime",
    "associationType",
    "originNodeURI",
    "destinationNodeURI",
    "sequenceNumber",
    "score",
];

/// Enum names, dates and ids the format uses, and blanks.
const WORDS: &[&str] = &[
    "behavioural",
    "functional",
    "domain",
    "draft",
    "verified",
    "formal",
    "social",
    "experiential",
    "course_completion",
    "assessment",
    "feedback360",
    "self_declared",
    "competency",
    "2024-02-29",
    "2023-02-29",
    "c",
    "p",
    "k",
    "",
    " ",
];

/// Escapes and characters, valid and not: NUL, lone and paired surrogates, short and
/// non-hex escapes, an unknown escape, a raw control character, odd Unicode.
const PIECES: &[&str] = &[
    r"\u0000",
    r"\ud800",
    r"\udc00",
    r"\ud83d\ude00",
    r"\ud800\u0041",
    r"\udbff\udfff",
    r"\n",
    r#"\""#,
    r"\\",
    r"\/",
    r"\b",
    r"\f",
    r"\t",
    r"\x",
    r"\u12",
    r"\uZZZZ",
    "\u{1}",
    "\u{7f}",
    "é",
    "😀",
    "\u{202e}",
    "\u{feff}",
    "\u{fffd}",
    "कौशल",
];

/// Numbers as written: out of every range, negative zero, fractional, and not JSON at all.
const NUMBERS: &[&str] = &[
    "0",
    "-0",
    "1",
    "2",
    "5",
    "6",
    "255",
    "256",
    "300",
    "-1",
    "1e400",
    "-1e400",
    "1e-400",
    "18446744073709551616",
    "18446744073709551615",
    "4294967296",
    "-9223372036854775809",
    "1.5",
    "1.0",
    "0.25",
    "10000",
    "10000.0000001",
    "1E2",
    "NaN",
    "01",
    "1.",
    "+1",
    ".5",
    "Infinity",
    "-",
];

fn json_string() -> impl Strategy<Value = String> {
    vec(
        prop_oneof![
            3 => "[a-z0-9 _-]{0,6}",
            2 => select(WORDS).prop_map(str::to_owned),
            2 => select(PIECES).prop_map(str::to_owned),
            1 => any::<char>().prop_map(|c| escaped(&c.to_string())),
        ],
        0..4,
    )
    .prop_map(|parts| parts.concat())
}

fn json_number() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => select(NUMBERS).prop_map(str::to_owned),
        1 => any::<i64>().prop_map(|n| n.to_string()),
        1 => any::<u64>().prop_map(|n| n.to_string()),
        1 => any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| format!("{f:?}")),
    ]
}

fn json_key() -> impl Strategy<Value = String> {
    prop_oneof![3 => select(FIELDS).prop_map(str::to_owned), 1 => json_string()]
}

fn json_value() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        json_number().prop_map(Json::Number),
        json_string().prop_map(Json::Str),
    ];
    leaf.prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..6).prop_map(Json::Array),
            vec((json_key(), inner), 0..6).prop_map(Json::Object),
        ]
    })
}

/// Any JSON, or an object that starts like a document (a version, then anything).
fn json_document() -> impl Strategy<Value = Json> {
    prop_oneof![
        json_value(),
        (
            prop_oneof![Just("1".to_owned()), json_number()],
            vec((json_key(), json_value()), 0..6)
        )
            .prop_map(|(version, mut members)| {
                members.insert(0, ("format_version".to_owned(), Json::Number(version)));
                Json::Object(members)
            }),
    ]
}

/// Deserialises `text` into each public type, checking any error.
macro_rules! each_type {
    ($text:expr; $($t:ty),* $(,)?) => {
        $(
            if let Err(e) = serde_json::from_str::<$t>($text) {
                check_serde_error(&e);
            }
        )*
    };
}

/// A document refused by a reader of every bad entry: its first error is the one the
/// single-error reader gives (`first`), and several errors are all JSON errors in the
/// order of their places in the text.
#[track_caller]
fn check_every_entry(first: &Error, errors: &Errors) {
    assert_eq!(&errors.as_slice()[0], first);
    let places: Vec<_> = (errors.iter())
        .map(|e| match e {
            Error::Json { line, column, .. } if errors.len() > 1 => (*line, *column),
            _ if errors.len() > 1 => panic!("not a JSON error among several: {e}"),
            _ => (0, 0),
        })
        .collect();
    assert!(places.is_sorted(), "{errors:?}");
}

/// Feeds text to every JSON entry point; whatever parses is used.
#[track_caller]
fn feed(text: &str) {
    let spec = FrameworkSpec::from_json(text);
    check_result(&spec);
    let framework = Framework::from_json(text);
    check_results(&framework);
    match (&spec, &framework) {
        // Every bad entry at once, the first the one the spec's reader gives.
        (Err(e), Err(errors)) => check_every_entry(e, errors),
        (Err(e), Ok(_)) => panic!("spec rejected ({e}) but framework built"),
        (Ok(spec), built) => {
            let again = Framework::new(spec.clone());
            assert_eq!(
                built.as_ref().map(Framework::to_spec),
                again.as_ref().map(Framework::to_spec)
            );
        }
    }
    let officers = OfficersSpec::from_json(text);
    check_result(&officers);
    if let Ok(doc) = officers {
        check_results(&Cohort::new(
            example(),
            &doc.officers,
            &LevelPolicy::default(),
        ));
    }
    each_type!(text;
        Level, Target, OfficerSpec, OfficersSpec, Evidence, EvidenceSource, CourseSpec,
        CourseOutcome, CompetencySpec, CompetencyType, LevelDescriptor, ReviewStatus,
        RequirementSpec, ActivitySpec, RoleSpec, PositionSpec, FrameworkSpec, Mode, EntityKind,
        CompetencyId, ActivityId, RoleId, PositionId, CourseId, OfficerId, DepartmentId,
        GroupSpec, GroupRule, GroupKind, GroupId, Vec<Target>, Vec<OfficerSpec>,
    );
    if let Ok(spec) = serde_json::from_str::<FrameworkSpec>(text) {
        check_results(&Framework::new(spec));
    }
    if let Ok(officer) = serde_json::from_str::<OfficerSpec>(text) {
        check_results(&Profile::new(example(), &officer, &LevelPolicy::default()));
    }
    if let Ok(targets) = serde_json::from_str::<Vec<Target>>(text) {
        let plan = example().recommend_targets(&targets, &[], &RecommendOptions::default());
        check_results(&plan);
    }
    feed_case(text);
}

/// Feeds text to the CASE entry points; whatever imports is validated.
#[track_caller]
fn feed_case(text: &str) {
    let package = CasePackage::from_json(text);
    check_result(&package);
    for ids in [CaseIds::Identifier, CaseIds::HumanCodingScheme] {
        let import = CaseImport::from_json(text, &CaseImportOptions::default().ids(ids));
        check_results(&import);
        match (&package, import) {
            // Every bad entry at once, the first the one the spec's reader gives.
            (Err(e), Err(errors)) => check_every_entry(e, &errors),
            (Err(e), Ok(_)) => panic!("package rejected ({e}) but imported"),
            (Ok(_), Ok(import)) => check_results(&Framework::new(import.spec)),
            (Ok(_), Err(_)) => {}
        }
    }
    each_type!(text;
        CasePackage, CaseDocument, CaseItem, CaseAssociation, CaseLink, CaseRubric,
        CaseCriterion, CaseCriterionLevel,
    );
}

// ---------------------------------------------------------------------------------------
// Valid frameworks and officers
// ---------------------------------------------------------------------------------------

// Ids in every script (right-to-left too), with combining marks, quotes, backslashes and
// spaces; some shared between kinds (ids are unique per kind only). None is in `GHOSTS`.
// Ids with control or invisible characters are refused (`HIDDEN`).
const COMPETENCY_IDS: [&str; 8] = [
    "c",
    "Ω-ohm",
    "c\u{301}",
    "कौशल",
    "😀",
    "a b",
    "עברית",
    "q\"\\",
];
const ACTIVITY_IDS: [&str; 6] = ["a", "audit", "·", "ä", "𝔞", "a\\nb"];
const ROLE_IDS: [&str; 5] = ["r", "clerk", "Ρόλος", "r\\t", "c"];
const POSITION_IDS: [&str; 5] = ["p", "पद", "p~", "head clerk", "c"];
const COURSE_IDS: [&str; 7] = ["k", "k1", "課程", "k…", "x", "c", "𝕜"];
const OFFICER_IDS: [&str; 8] = ["o1", "o2", "ऑफिसर", "o\\0", "O1", "😀", "o 3", "o/4"];
// A department may be any non-blank text without hidden characters; a blank one is an error
// (`EmptyField`), one with a hidden character too (`HiddenCharacter`).
const DEPARTMENTS: [&str; 4] = ["posts", "revenue", "विभाग", "d\"q"];
/// Ids and departments with a control or invisible character, which validation refuses.
const HIDDEN: [&str; 8] = [
    "c\u{0}",
    "a\nb",
    "r\t",
    "p\u{7f}",
    "k\u{feff}",
    "\u{202e}rtl",
    "zero\u{200b}width",
    "nbsp\u{a0}",
];
const NAMES: [&str; 4] = ["Name", "नाम", "a\u{0}b", "x y"];
/// Ids no generated entity has.
const GHOSTS: [&str; 6] = ["ghost", "", "c ", "K", "😀😀", "\u{0}\u{0}"];
const GHOST: &str = "ghost";
const DATES: [&str; 5] = [
    "2019-01-31",
    "2024-02-29",
    "2025-12-31",
    "0000-01-01",
    "9999-12-31",
];
const BAD_DATES: [&str; 10] = [
    "2023-02-29",
    "2024-13-01",
    "2024-03-15\r",
    "2024-1-01",
    "२०२४-01-01",
    "2024-01-01T25:00",
    "0000-00-00",
    "9999-12-32",
    "2024-02-29 ",
    "\u{0}",
];

/// Valid course hours, from the smallest held (half a pico-hour) to the limit.
fn valid_hours(pick: usize) -> f64 {
    const HOURS: [f64; 9] = [
        0.25,
        1.0,
        6.0,
        12.5,
        40.0,
        10_000.0,
        SMALLEST_HOURS,
        1e-9,
        9_999.75,
    ];
    HOURS[pick % HOURS.len()]
}

/// (scale: 0 for no descriptors, else 1–5; type; area; descriptors reversed)
type RawCompetency = (u8, u8, bool, bool);
/// (competency pick, level 1–5, draft)
type RawReq = (usize, u8, bool);
/// (activity picks, direct requirements)
type RawRole = (Vec<usize>, Vec<RawReq>);
/// (role picks, department)
type RawPosition = (Vec<usize>, usize);
/// (hours pick, mode, outcomes as (competency pick, level), prerequisite picks)
type RawCourse = (usize, u8, Vec<(usize, Option<u8>)>, Vec<usize>);
type RawFramework = (
    Vec<RawCompetency>,
    Vec<Vec<RawReq>>,
    Vec<RawRole>,
    Vec<RawPosition>,
    Vec<RawCourse>,
    usize,
);
/// (competency pick, level 0–5, source, verified, date, course pick)
type RawEvidence = (usize, u8, u8, bool, usize, Option<usize>);
/// (position pick, target pick, department, passbook)
type RawOfficer = (usize, Option<usize>, usize, Vec<RawEvidence>);

fn raw_req() -> impl Strategy<Value = RawReq> {
    (any::<usize>(), 1u8..=5, prop::bool::weighted(0.2))
}

fn raw_framework() -> impl Strategy<Value = RawFramework> {
    (
        vec((0u8..=5, 0u8..3, any::<bool>(), any::<bool>()), 1..=6),
        vec(vec(raw_req(), 0..=3), 0..=5),
        vec((vec(any::<usize>(), 0..=3), vec(raw_req(), 0..=2)), 1..=4),
        vec((vec(any::<usize>(), 1..=3), any::<usize>()), 1..=4),
        vec(
            (
                any::<usize>(),
                0u8..3,
                vec((any::<usize>(), option::of(1u8..=5)), 0..=3),
                vec(any::<usize>(), 0..=2),
            ),
            0..=6,
        ),
        any::<usize>(),
    )
}

fn raw_officers() -> impl Strategy<Value = Vec<RawOfficer>> {
    vec(
        (
            any::<usize>(),
            option::weighted(0.3, any::<usize>()),
            any::<usize>(),
            vec(
                (
                    any::<usize>(),
                    0u8..=5,
                    0u8..4,
                    prop::bool::weighted(0.8),
                    any::<usize>(),
                    option::weighted(0.3, any::<usize>()),
                ),
                0..=5,
            ),
        ),
        0..=6,
    )
}

/// A level 1–5 brought onto a scale of `max` levels.
fn on_scale(level: u8, max: u8) -> u8 {
    1 + (level.max(1) - 1) % max
}

fn scale_of(raw: RawCompetency) -> u8 {
    if raw.0 == 0 { 5 } else { raw.0 }
}

fn requirements(raw: &[RawReq], scales: &[u8]) -> Vec<RequirementSpec> {
    let mut seen = BTreeSet::new();
    raw.iter()
        .filter(|r| seen.insert(r.0 % scales.len()))
        .map(|&(c, level, draft)| {
            let c = c % scales.len();
            let mut r = RequirementSpec::new(COMPETENCY_IDS[c], on_scale(level, scales[c]));
            if draft {
                r.status = ReviewStatus::Draft;
            }
            r
        })
        .collect()
}

fn competency(i: usize, raw: RawCompetency, name: &str) -> CompetencySpec {
    let mut levels: Vec<LevelDescriptor> = (1..=raw.0)
        .map(|level| LevelDescriptor {
            level,
            name: (level == 2).then(|| "Proficient".to_owned()),
            level_name: None,
            description: format!("level {level}"),
        })
        .collect();
    if raw.3 {
        levels.reverse();
    }
    CompetencySpec {
        id: COMPETENCY_IDS[i].into(),
        name: name.to_owned(),
        description: String::new(),
        kind: CompetencyType::ALL[usize::from(raw.1)],
        area: raw.2.then(|| "Area".to_owned()),
        levels,
        groups: Vec::new(),
        max_level: None,
        min_level: None,
    }
}

fn course(i: usize, raw: &RawCourse, scales: &[u8], name: &str) -> CourseSpec {
    let (hours, mode, outcomes, prerequisites) = raw;
    let mut seen = BTreeSet::new();
    CourseSpec {
        id: COURSE_IDS[i].into(),
        name: name.to_owned(),
        hours: valid_hours(*hours),
        mode: [Mode::Formal, Mode::Social, Mode::Experiential][usize::from(*mode)],
        provides: outcomes
            .iter()
            .filter(|(c, _)| seen.insert(c % scales.len()))
            .map(|&(c, level)| {
                let c = c % scales.len();
                CourseOutcome {
                    competency: COMPETENCY_IDS[c].into(),
                    level: level.map(|l| on_scale(l, scales[c])),
                    level_name: None,
                }
            })
            .collect(),
        // Only courses generated earlier, so the prerequisites are acyclic.
        prerequisites: earlier_courses(i, prerequisites, &COURSE_IDS),
        provider: i.is_multiple_of(2).then(|| "iGOT".to_owned()),
        language: None,
    }
}

fn build_spec(raw: &RawFramework) -> FrameworkSpec {
    let (competencies, activities, roles, positions, courses, seed) = raw;
    let name = |i: usize| NAMES[(seed + i) % NAMES.len()];
    let scales: Vec<u8> = competencies.iter().copied().map(scale_of).collect();
    let mut spec = FrameworkSpec::new();
    spec.competencies = competencies
        .iter()
        .enumerate()
        .map(|(i, &c)| competency(i, c, name(i)))
        .collect();
    spec.activities = activities
        .iter()
        .enumerate()
        .map(|(i, reqs)| ActivitySpec {
            id: ACTIVITY_IDS[i].into(),
            name: name(i + 1).to_owned(),
            requires: requirements(reqs, &scales),
        })
        .collect();
    spec.roles = roles
        .iter()
        .enumerate()
        .map(|(i, (acts, reqs))| RoleSpec {
            id: ROLE_IDS[i].into(),
            name: name(i + 2).to_owned(),
            activities: if activities.is_empty() {
                Vec::new()
            } else {
                distinct(acts, activities.len())
                    .into_iter()
                    .map(|a| ACTIVITY_IDS[a].into())
                    .collect()
            },
            requires: requirements(reqs, &scales),
        })
        .collect();
    spec.positions = positions
        .iter()
        .enumerate()
        .map(|(i, (role_picks, dept))| {
            support::position(
                POSITION_IDS[i],
                name(i + 3),
                DEPARTMENTS[dept % DEPARTMENTS.len()],
                distinct(role_picks, roles.len())
                    .into_iter()
                    .map(|r| ROLE_IDS[r]),
            )
        })
        .collect();
    spec.courses = courses
        .iter()
        .enumerate()
        .map(|(i, c)| course(i, c, &scales, name(i + 4)))
        .collect();
    // A small hierarchy with a group of two parents; the seed's bits put competencies in it.
    spec.groups = vec![
        group(GROUP_IDS[0], GroupKind::Area, &[]),
        group(GROUP_IDS[1], GroupKind::Theme, &[GROUP_IDS[0]]),
        group(GROUP_IDS[2], GroupKind::Free, &[GROUP_IDS[0], GROUP_IDS[1]]),
    ];
    for (i, c) in spec.competencies.iter_mut().enumerate() {
        if (seed >> i) & 1 == 1 {
            c.groups
                .push(GROUP_IDS[(seed + i) % GROUP_IDS.len()].into());
        }
    }
    spec
}

const GROUP_IDS: [&str; 3] = ["g-area", "g-theme", "g-𝔤"];

fn group(id: &str, kind: GroupKind, parents: &[&str]) -> GroupSpec {
    GroupSpec {
        kind,
        parents: parents.iter().map(|&p| p.into()).collect(),
        ..GroupSpec::new(id, "Group")
    }
}

/// Breaks the group hierarchy, a competency's membership, an area, a level name or a
/// level range; returns the ids an error may name.
fn corrupt_groups(spec: &mut FrameworkSpec, pick: usize, value: usize) -> Vec<String> {
    let n = spec.competencies.len();
    let g = pick % spec.groups.len();
    let group_id = spec.groups[g].id.to_string();
    let c = &mut spec.competencies[pick % n];
    let competency = c.id.to_string();
    let rule = |competency: &str, level: u8, at_least: Option<u32>| {
        Some(GroupRule {
            competency: competency.into(),
            level,
            level_name: None,
            at_least,
        })
    };
    match value % 12 {
        8 => {
            spec.groups[g].rule = rule(GHOST, 1, None);
            vec![group_id, GHOST.to_owned()]
        }
        9 => {
            spec.groups[g].rule = rule(&competency, 9, None);
            vec![group_id, competency]
        }
        10 => {
            spec.groups[g].rule = rule(&competency, 1, Some(1_000));
            vec![group_id]
        }
        11 => {
            // The competency standing for the group is one of its own children.
            if !c.groups.iter().any(|x| x.as_str() == group_id) {
                c.groups.push(group_id.as_str().into());
            }
            spec.groups[g].rule = rule(&competency, 1, None);
            vec![group_id, competency]
        }
        0 => {
            spec.groups[g].parents.push(GHOST.into());
            vec![group_id, GHOST.to_owned()]
        }
        1 => {
            c.groups.push(GHOST.into());
            vec![competency, GHOST.to_owned()]
        }
        2 => {
            // The area lists its free descendant as a parent: a cycle through all three.
            spec.groups[0].parents.push(GROUP_IDS[2].into());
            GROUP_IDS.iter().map(|&g| g.to_owned()).collect()
        }
        3 => {
            " ".clone_into(&mut spec.groups[g].name);
            vec![group_id]
        }
        4 => {
            let copy = spec.groups[g].clone();
            spec.groups.push(copy);
            vec![group_id]
        }
        5 => {
            c.area = Some("\t".to_owned());
            vec![competency]
        }
        6 => {
            c.levels.push(LevelDescriptor {
                level: 9,
                name: Some(String::new()),
                level_name: None,
                description: String::new(),
            });
            vec![competency]
        }
        _ => {
            c.min_level = Some(5);
            c.max_level = Some(4);
            vec![competency]
        }
    }
}

fn max_level(spec: &FrameworkSpec, competency: &str) -> u8 {
    spec.competencies
        .iter()
        .find(|c| c.id.as_str() == competency)
        .map_or(5, |c| {
            if c.levels.is_empty() {
                5
            } else {
                c.levels.len() as u8
            }
        })
}

fn build_officers(spec: &FrameworkSpec, raw: &[RawOfficer]) -> Vec<OfficerSpec> {
    let positions = &spec.positions;
    raw.iter()
        .enumerate()
        .map(|(i, (position, target, dept, passbook))| OfficerSpec {
            id: OFFICER_IDS[i].into(),
            name: None,
            department: DEPARTMENTS[dept % DEPARTMENTS.len()].into(),
            position: positions[position % positions.len()].id.clone(),
            target_position: target.map(|t| positions[t % positions.len()].id.clone()),
            passbook: passbook
                .iter()
                .map(|&(c, level, source, verified, date, course)| {
                    let c = &spec.competencies[c % spec.competencies.len()].id;
                    let max = max_level(spec, c.as_str());
                    let course = picked_course(spec, course);
                    let mut e = Evidence {
                        competency: c.clone(),
                        level: level % (max + 1),
                        level_name: None,
                        source: SOURCES[usize::from(source)],
                        date: DATES[date % DATES.len()].to_owned(),
                        verified,
                        course: course.map(|k| k.id.clone()),
                    };
                    valid_completion(&mut e, course);
                    e
                })
                .collect(),
        })
        .collect()
}

/// A valid framework and officers against it, with ids in every script.
pub(crate) fn world() -> impl Strategy<Value = (FrameworkSpec, Vec<OfficerSpec>)> {
    (raw_framework(), raw_officers()).prop_map(|(f, o)| {
        let spec = build_spec(&f);
        let officers = build_officers(&spec, &o);
        (spec, officers)
    })
}

// ---------------------------------------------------------------------------------------
// Document mutations
// ---------------------------------------------------------------------------------------

/// Keys no struct of the format has; each reads the same escaped and unescaped.
const UNKNOWN_KEYS: [&str; 7] = ["extra", "ID", "Format_Version", "x-y", "ñ", "😀", "level s"];

/// (operation, node pick, member pick, replacement)
type RawMutation = (u8, usize, usize, Json);

/// What one mutation did, and so what a parser must say.
#[derive(Debug)]
enum Expect {
    /// A key was deleted: the document parses, or lacks that field.
    Deleted(String),
    /// A key was repeated.
    Duplicate(String),
    /// An unknown key was inserted.
    Unknown(String),
    /// A value became one of another JSON type.
    Retyped,
    /// The text was cut short.
    Truncated,
    /// Nothing applicable (no object to touch).
    Nothing,
}

fn raw_mutation() -> impl Strategy<Value = RawMutation> {
    (0u8..5, any::<usize>(), any::<usize>(), json_value())
}

/// Applies a structural mutation; truncation is applied to the text by the caller.
fn mutate(doc: &mut Json, (op, node, member, replacement): &RawMutation) -> Expect {
    let mut paths = Vec::new();
    doc.paths(&mut Vec::new(), &mut paths);
    let objects: Vec<&Vec<usize>> = paths
        .iter()
        .filter(|p| matches!(doc.at(p), Json::Object(m) if !m.is_empty()))
        .collect();
    match op {
        0..=2 if objects.is_empty() => Expect::Nothing,
        0 => {
            let Json::Object(members) = doc.at_mut(objects[node % objects.len()]) else {
                unreachable!()
            };
            let (key, _) = members.remove(member % members.len());
            Expect::Deleted(key)
        }
        1 => {
            let Json::Object(members) = doc.at_mut(objects[node % objects.len()]) else {
                unreachable!()
            };
            let copy = members[member % members.len()].clone();
            let key = copy.0.clone();
            members.push(copy);
            Expect::Duplicate(key)
        }
        2 => {
            let Json::Object(members) = doc.at_mut(objects[node % objects.len()]) else {
                unreachable!()
            };
            let key = UNKNOWN_KEYS[member % UNKNOWN_KEYS.len()].to_owned();
            // A well-formed value: the version probe skips the whole document first, and
            // would report malformed text before the unknown key.
            let value = match replacement {
                Json::Number(_) | Json::Str(_) => Json::Str("x".to_owned()),
                Json::Array(_) => Json::Array(vec![Json::Null, Json::Bool(false)]),
                Json::Object(_) => Json::Object(vec![("id".to_owned(), Json::Null)]),
                other => other.clone(),
            };
            members.insert(member % (members.len() + 1), (key.clone(), value));
            Expect::Unknown(key)
        }
        3 => {
            let path = &paths[node % paths.len()];
            let target = doc.at_mut(path);
            let mut new = replacement.clone();
            if new.kind() == target.kind() {
                new = if target.kind() == 0 {
                    Json::Bool(true)
                } else {
                    Json::Null
                };
            }
            *target = new;
            Expect::Retyped
        }
        _ => Expect::Truncated,
    }
}

/// Cuts `text` at a character boundary strictly inside it (a `&str` cannot hold less).
fn truncate(text: &str, at: usize) -> &str {
    let mut cut = at % text.len().max(1);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    &text[..cut]
}

/// Checks a parse outcome against what one mutation calls for.
#[track_caller]
/// Whether `message` is `what`, alone or after the officer (and passbook entry) it is in.
fn leads(message: &str, what: &str) -> bool {
    message.starts_with(what)
        || ((message.starts_with("officer ") || message.starts_with("an officer without"))
            && message.contains(&format!(": {what}")))
}

fn check_expectation<T: Debug>(result: &Result<T, Error>, expect: &Expect) {
    check_result(result);
    let message = match result {
        Ok(_) => None,
        Err(Error::Json { message, .. }) => Some(message.as_str()),
        // The whole document retyped as a one-element array reads as `[format_version]`.
        Err(Error::UnsupportedFormatVersion { .. }) if matches!(expect, Expect::Retyped) => {
            return;
        }
        Err(other) => panic!("a mutation of a valid document gave {other:?}"),
    };
    match (expect, message) {
        (Expect::Deleted(_) | Expect::Retyped | Expect::Nothing, None)
        | (Expect::Retyped, Some(_)) => {}
        (Expect::Deleted(key), Some(m)) => {
            assert!(leads(m, &format!("missing field `{key}`")), "{m}");
        }
        (Expect::Duplicate(key), Some(m)) => {
            assert!(leads(m, &format!("duplicate field `{key}`")), "{m}");
        }
        (Expect::Unknown(key), Some(m)) => {
            assert!(leads(m, &format!("unknown field `{key}`")), "{m}");
        }
        (Expect::Truncated, Some(m)) => {
            // A number cut after `.`, `e` or `e-` is malformed rather than unfinished.
            assert!(
                m.starts_with("EOF while parsing") || m.starts_with("invalid number"),
                "{m}"
            );
        }
        (expect, None) => panic!("{expect:?} parsed: {result:?}"),
        (Expect::Nothing, Some(m)) => panic!("an unchanged document failed: {m}"),
    }
}

// ---------------------------------------------------------------------------------------
// Framework corruption
// ---------------------------------------------------------------------------------------

/// (operation, first pick, second pick, value pick)
type RawCorruption = (u8, usize, usize, usize);

/// What was corrupted: the ids any error may name, and whether the version was changed.
#[derive(Debug, Default)]
struct Taint {
    ids: BTreeSet<String>,
    version: bool,
}

impl Taint {
    fn add(&mut self, id: impl AsRef<str>) {
        self.ids.insert(id.as_ref().to_owned());
    }
}

fn kind_ids(spec: &FrameworkSpec, kind: usize) -> Vec<String> {
    match kind % 5 {
        0 => spec.competencies.iter().map(|x| x.id.to_string()).collect(),
        1 => spec.activities.iter().map(|x| x.id.to_string()).collect(),
        2 => spec.roles.iter().map(|x| x.id.to_string()).collect(),
        3 => spec.positions.iter().map(|x| x.id.to_string()).collect(),
        _ => spec.courses.iter().map(|x| x.id.to_string()).collect(),
    }
}

/// Appends a copy of entity `pick` of `kind`.
fn duplicate_entity(spec: &mut FrameworkSpec, kind: usize, pick: usize) {
    fn copy<T: Clone>(items: &mut Vec<T>, pick: usize) {
        if !items.is_empty() {
            let item = items[pick % items.len()].clone();
            items.push(item);
        }
    }
    match kind % 5 {
        0 => copy(&mut spec.competencies, pick),
        1 => copy(&mut spec.activities, pick),
        2 => copy(&mut spec.roles, pick),
        3 => copy(&mut spec.positions, pick),
        _ => copy(&mut spec.courses, pick),
    }
}

/// Sets the name (`id == false`) or id of entity `pick` of `kind` to `value`.
fn rename(spec: &mut FrameworkSpec, kind: usize, pick: usize, id: bool, value: &str) {
    fn set<T>(items: &mut [T], pick: usize, field: impl Fn(&mut T) -> &mut String, v: &str) {
        if !items.is_empty() {
            let n = items.len();
            v.clone_into(field(&mut items[pick % n]));
        }
    }
    // Ids are newtypes: rebuild them from the string.
    match (kind % 5, id) {
        (0, false) => set(&mut spec.competencies, pick, |x| &mut x.name, value),
        (1, false) => set(&mut spec.activities, pick, |x| &mut x.name, value),
        (2, false) => set(&mut spec.roles, pick, |x| &mut x.name, value),
        (3, false) => set(&mut spec.positions, pick, |x| &mut x.name, value),
        (_, false) => set(&mut spec.courses, pick, |x| &mut x.name, value),
        (k, true) => {
            let n = kind_ids(spec, k).len();
            if n == 0 {
                return;
            }
            let i = pick % n;
            match k {
                0 => spec.competencies[i].id = value.into(),
                1 => spec.activities[i].id = value.into(),
                2 => spec.roles[i].id = value.into(),
                3 => spec.positions[i].id = value.into(),
                _ => spec.courses[i].id = value.into(),
            }
        }
    }
}

/// Edits one entity's list of references, as id strings, and returns the entity's id.
/// Sites: activity requirements, role activities, role requirements, position roles,
/// course outcomes, course prerequisites.
fn with_references(
    spec: &mut FrameworkSpec,
    site: usize,
    pick: usize,
    edit: impl FnOnce(&mut Vec<String>),
) -> Option<String> {
    /// `make(old, id)` rebuilds an entry from the one it replaces, if any.
    fn go<T, R>(
        items: &mut [T],
        pick: usize,
        owner: impl Fn(&T) -> String,
        list: impl Fn(&mut T) -> &mut Vec<R>,
        to: impl Fn(&R) -> String,
        make: impl Fn(Option<&R>, String) -> R,
        edit: impl FnOnce(&mut Vec<String>),
    ) -> Option<String> {
        if items.is_empty() {
            return None;
        }
        let n = items.len();
        let item = &mut items[pick % n];
        let who = owner(item);
        let refs = list(item);
        let mut ids: Vec<String> = refs.iter().map(&to).collect();
        edit(&mut ids);
        let rebuilt: Vec<R> = ids
            .into_iter()
            .enumerate()
            .map(|(i, id)| make(refs.get(i), id))
            .collect();
        *refs = rebuilt;
        Some(who)
    }
    let req = |old: Option<&RequirementSpec>, id: String| RequirementSpec {
        competency: id.into(),
        ..old.cloned().unwrap_or_else(|| RequirementSpec::new("", 1))
    };
    let req_to = |r: &RequirementSpec| r.competency.to_string();
    match site % 6 {
        0 => go(
            &mut spec.activities,
            pick,
            |a| a.id.to_string(),
            |a| &mut a.requires,
            req_to,
            req,
            edit,
        ),
        1 => go(
            &mut spec.roles,
            pick,
            |r| r.id.to_string(),
            |r| &mut r.activities,
            ActivityId::to_string,
            |_, id| id.into(),
            edit,
        ),
        2 => go(
            &mut spec.roles,
            pick,
            |r| r.id.to_string(),
            |r| &mut r.requires,
            req_to,
            req,
            edit,
        ),
        3 => go(
            &mut spec.positions,
            pick,
            |p| p.id.to_string(),
            |p| &mut p.roles,
            RoleId::to_string,
            |_, id| id.into(),
            edit,
        ),
        4 => go(
            &mut spec.courses,
            pick,
            |c| c.id.to_string(),
            |c| &mut c.provides,
            |o| o.competency.to_string(),
            |old, id| CourseOutcome {
                competency: id.into(),
                level: old.and_then(|o| o.level),
                level_name: None,
            },
            edit,
        ),
        _ => go(
            &mut spec.courses,
            pick,
            |c| c.id.to_string(),
            |c| &mut c.prerequisites,
            CourseId::to_string,
            |_, id| id.into(),
            edit,
        ),
    }
}

/// Sets one level (a requirement's or a course outcome's) out of range.
fn corrupt_level(spec: &mut FrameworkSpec, site: usize, pick: usize, value: usize) {
    let maxes: Vec<(String, u8)> = spec
        .competencies
        .iter()
        .map(|c| (c.id.to_string(), max_level(spec, c.id.as_str())))
        .collect();
    let bad = |competency: &str| {
        let max = maxes
            .iter()
            .find(|(id, _)| id == competency)
            .map_or(5, |m| m.1);
        [0, 6, 255, max + 1][value % 4]
    };
    let entry = value / 4;
    match site % 3 {
        0 if !spec.activities.is_empty() => {
            let n = spec.activities.len();
            let reqs = &mut spec.activities[pick % n].requires;
            if !reqs.is_empty() {
                let n = reqs.len();
                let r = &mut reqs[entry % n];
                r.level = bad(r.competency.as_str());
            }
        }
        1 => {
            let n = spec.roles.len();
            let reqs = &mut spec.roles[pick % n].requires;
            if !reqs.is_empty() {
                let n = reqs.len();
                let r = &mut reqs[entry % n];
                r.level = bad(r.competency.as_str());
            }
        }
        2 if !spec.courses.is_empty() => {
            let n = spec.courses.len();
            let outcomes = &mut spec.courses[pick % n].provides;
            if !outcomes.is_empty() {
                let n = outcomes.len();
                let o = &mut outcomes[entry % n];
                o.level = Some(bad(o.competency.as_str()));
            }
        }
        _ => {}
    }
}

/// The owner and competency of the level `corrupt_level` would touch.
fn level_site(spec: &FrameworkSpec, site: usize, pick: usize, value: usize) -> Vec<String> {
    let entry = value / 4;
    let from = |owner: String, comps: Vec<String>| {
        if comps.is_empty() {
            Vec::new()
        } else {
            vec![owner, comps[entry % comps.len()].clone()]
        }
    };
    match site % 3 {
        0 if !spec.activities.is_empty() => {
            let a = &spec.activities[pick % spec.activities.len()];
            from(
                a.id.to_string(),
                a.requires
                    .iter()
                    .map(|r| r.competency.to_string())
                    .collect(),
            )
        }
        1 => {
            let r = &spec.roles[pick % spec.roles.len()];
            from(
                r.id.to_string(),
                r.requires
                    .iter()
                    .map(|r| r.competency.to_string())
                    .collect(),
            )
        }
        2 if !spec.courses.is_empty() => {
            let c = &spec.courses[pick % spec.courses.len()];
            from(
                c.id.to_string(),
                c.provides
                    .iter()
                    .map(|o| o.competency.to_string())
                    .collect(),
            )
        }
        _ => Vec::new(),
    }
}

fn corrupt_scale(spec: &mut FrameworkSpec, pick: usize, value: usize) -> String {
    const SCALES: [&[u8]; 8] = [
        &[1],
        &[1, 2],
        &[1, 3],
        &[0],
        &[2],
        &[1, 1],
        &[1, 2, 3, 4, 5, 6],
        &[6],
    ];
    let n = spec.competencies.len();
    let c = &mut spec.competencies[pick % n];
    c.levels = SCALES[value % SCALES.len()]
        .iter()
        .map(|&level| LevelDescriptor {
            level,
            name: None,
            level_name: None,
            description: String::new(),
        })
        .collect();
    c.id.to_string()
}

/// Applies one corruption, recording what it touched.
/// Blanks a name or an id, or puts a hidden character in an id (every other id edit).
fn blank_or_hidden(
    spec: &mut FrameworkSpec,
    (site, pick, value): (usize, usize, usize),
    id: bool,
    taint: &mut Taint,
) {
    const BLANKS: [&str; 4] = ["", " ", "\t\n", "\u{3000}"];
    let ids = kind_ids(spec, site);
    if !ids.is_empty() {
        taint.add(&ids[pick % ids.len()]);
    }
    if id && value % 2 == 1 {
        let hidden = HIDDEN[value % HIDDEN.len()];
        taint.add(hidden);
        rename(spec, site, pick, true, hidden);
    } else {
        let blank = if id { "" } else { BLANKS[value % 4] };
        rename(spec, site, pick, id, blank);
    }
}

fn corrupt_once(spec: &mut FrameworkSpec, op: &RawCorruption, taint: &mut Taint) {
    const BAD_HOURS: [f64; 11] = [
        0.0,
        -0.0,
        -1.0,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        10_000.000_1,
        f64::MAX,
        -f64::MIN_POSITIVE,
        f64::MIN_POSITIVE,
        4.999_999_999_999_999e-13,
    ];
    let &(kind, site, pick, value) = op;
    match kind % 12 {
        0 => {
            let ids = kind_ids(spec, site);
            if !ids.is_empty() {
                taint.add(&ids[pick % ids.len()]);
            }
            duplicate_entity(spec, site, pick);
        }
        1 => {
            let ghost = GHOSTS[value % GHOSTS.len()];
            let edit = |ids: &mut Vec<String>| {
                if ids.is_empty() {
                    ids.push(ghost.to_owned());
                } else {
                    let n = ids.len();
                    ghost.clone_into(&mut ids[value % n]);
                }
            };
            if let Some(owner) = with_references(spec, site, pick, edit) {
                taint.add(owner);
                taint.add(ghost);
            }
        }
        2 => {
            for id in level_site(spec, site, pick, value) {
                taint.add(id);
            }
            corrupt_level(spec, site, pick, value);
        }
        3 => {
            let id = corrupt_scale(spec, pick, value);
            taint.add(id);
        }
        4 | 5 => blank_or_hidden(spec, (site, pick, value), kind % 12 == 5, taint),
        6 if !spec.courses.is_empty() => {
            // Generated prerequisites point to earlier courses, so requiring site later one
            // (or itself) may close site cycle; every cycle then uses such an edge.
            let n = spec.courses.len();
            let (i, j) = ((site % n).min(pick % n), (site % n).max(pick % n));
            let later = spec.courses[j].id.clone();
            taint.add(&later);
            taint.add(&spec.courses[i].id);
            spec.courses[i].prerequisites.push(later);
        }
        7 if !spec.courses.is_empty() => {
            let n = spec.courses.len();
            let c = &mut spec.courses[pick % n];
            c.hours = BAD_HOURS[value % BAD_HOURS.len()];
            taint.add(&c.id);
        }
        8 => {
            let n = spec.positions.len();
            let p = &mut spec.positions[pick % n];
            p.roles.clear();
            taint.add(&p.id);
        }
        9 => {
            let edit = |ids: &mut Vec<String>| {
                if !ids.is_empty() {
                    let again = ids[value % ids.len()].clone();
                    ids.push(again);
                }
            };
            if let Some(owner) = with_references(spec, site, pick, edit) {
                taint.add(owner);
            }
        }
        10 => {
            spec.format_version = [0, 3, u32::MAX][value % 3];
            taint.version = true;
        }
        11 => {
            for id in corrupt_groups(spec, pick, value) {
                taint.add(id);
            }
        }
        _ => {}
    }
}

/// Whether entity `index` of `kind` has an empty id in the corrupted spec.
fn empty_id_at(spec: &FrameworkSpec, kind: EntityKind, index: usize) -> bool {
    let ids = match kind {
        EntityKind::Competency => kind_ids(spec, 0),
        EntityKind::Activity => kind_ids(spec, 1),
        EntityKind::Role => kind_ids(spec, 2),
        EntityKind::Position => kind_ids(spec, 3),
        EntityKind::Course => kind_ids(spec, 4),
        EntityKind::Officer | EntityKind::Group | EntityKind::Department => Vec::new(),
    };
    ids.get(index).is_some_and(String::is_empty)
}

/// Asserts every error names something corrupted.
#[track_caller]
fn check_blame(errors: &Errors, spec: &FrameworkSpec, taint: &Taint) {
    check_errors(errors);
    for error in errors {
        match error {
            Error::UnsupportedFormatVersion { .. } => assert!(taint.version, "{error}"),
            Error::EmptyId { kind, index } => {
                assert!(empty_id_at(spec, *kind, *index), "{error}");
            }
            _ => {
                let ids = named_ids(error);
                assert!(
                    ids.iter().any(|id| taint.ids.contains(*id)),
                    "{error} names none of the corrupted ids {:?}",
                    taint.ids
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Passbook corruption
// ---------------------------------------------------------------------------------------

/// (officer pick, operation, pick, value pick)
type RawOfficerCorruption = (usize, u8, usize, usize);

/// Corrupts officers; returns the indices of officers a profile must reject, and whether a
/// duplicate id was made.
fn corrupt_officers(
    spec: &FrameworkSpec,
    officers: &mut Vec<OfficerSpec>,
    ops: &[RawOfficerCorruption],
) -> (BTreeSet<usize>, bool) {
    let mut bad = BTreeSet::new();
    let mut duplicated = false;
    for &(who, op, pick, value) in ops {
        if officers.is_empty() {
            break;
        }
        let n = officers.len();
        let i = who % n;
        let ghost = GHOSTS[value % GHOSTS.len()];
        let o = &mut officers[i];
        let evidence = |o: &mut OfficerSpec| -> usize {
            if o.passbook.is_empty() {
                o.passbook.push(Evidence {
                    competency: spec.competencies[0].id.clone(),
                    level: 1,
                    level_name: None,
                    source: EvidenceSource::Assessment,
                    date: DATES[0].to_owned(),
                    verified: true,
                    course: None,
                });
            }
            pick % o.passbook.len()
        };
        match op % 9 {
            8 => {
                // A hidden character in the department (the id is left as it is, so the
                // officer stays named).
                o.department = HIDDEN[value % HIDDEN.len()].into();
            }
            0 => o.position = ghost.into(),
            1 => o.target_position = Some(ghost.into()),
            2 => {
                let e = evidence(o);
                o.passbook[e].competency = ghost.into();
            }
            3 => {
                let e = evidence(o);
                let max = max_level(spec, o.passbook[e].competency.as_str());
                o.passbook[e].level = [6, 255, max + 1][value % 3];
            }
            4 => {
                let e = evidence(o);
                BAD_DATES[value % BAD_DATES.len()].clone_into(&mut o.passbook[e].date);
            }
            5 => {
                let e = evidence(o);
                // A blank course is no course, an error only on a completion (a later
                // corruption could make it valid again): corrupt with a named one.
                let ghost = if ghost.is_empty() { GHOST } else { ghost };
                o.passbook[e].course = Some(ghost.into());
            }
            6 => {
                // Rejected for as long as the id stays empty: counted at the end.
                o.id = "".into();
                continue;
            }
            _ => {
                duplicated = true;
                if n == 1 {
                    // A copy of a rejected officer is rejected too.
                    let copy = o.clone();
                    officers.push(copy);
                    if bad.contains(&i) {
                        bad.insert(n);
                    }
                } else {
                    let k = (i + 1 + pick % (n - 1)) % n;
                    officers[k].id = officers[i].id.clone();
                }
                continue;
            }
        }
        bad.insert(i);
    }
    bad.extend(
        officers
            .iter()
            .enumerate()
            .filter(|(_, o)| o.id.as_str().is_empty())
            .map(|(i, _)| i),
    );
    (bad, duplicated)
}

// ---------------------------------------------------------------------------------------
// Analyses with options at their edges
// ---------------------------------------------------------------------------------------

/// Raw choices for every option, each taken modulo the list of its edge values.
#[derive(Clone, Debug)]
struct Knobs([u16; 20]);

impl Knobs {
    fn pick<T: Clone>(&self, slot: usize, values: &[T]) -> T {
        values[usize::from(self.0[slot]) % values.len()].clone()
    }
}

/// The smallest positive `f64`, a subnormal.
const TINY: f64 = f64::from_bits(1);
const THREADS: [usize; 4] = [0, 1, 2, 64];
const TOPS: [usize; 6] = [0, 1, 2, 3, 1000, usize::MAX];
/// `officers_for` prunes its buffer at `2k + 64` officers, which overflows for k above
/// `(usize::MAX - 64) / 2` and then panics; these are the values it survives.
const OFFICER_TOPS: [usize; 5] = [0, 1, 2, 1000, 1 << 40];
const NODE_LIMITS: [u64; 5] = [0, 1, 2, 64, 10_000];
const BUDGETS: [f64; 7] = [0.0, TINY, 0.5, 7.5, 40.0, 1e9, f64::MAX];
/// The smallest hours held: half a pico-hour, rounding up to one.
const SMALLEST_HOURS: f64 = 5e-13;
const TERMS: [Option<f64>; 5] = [
    None,
    Some(SMALLEST_HOURS),
    Some(1.0),
    Some(8.0),
    Some(f64::MAX),
];
const SHARES: [Option<f64>; 5] = [
    None,
    Some(RecommendOptions::MIN_FORMAL_SHARE),
    Some(0.1),
    Some(0.5),
    Some(1.0),
];
const WEIGHTS: [[f64; 3]; 5] = [
    [1.0, 1.0, 1.0],
    [0.0, 0.0, 0.0],
    [0.0, 1.0, 0.0],
    [Weights::MAX, 1.0, Weights::MAX],
    [Weights::MIN_POSITIVE, 2.0, 0.5],
];
const COMPETENCY_WEIGHTS: [Option<f64>; 4] = [None, Some(0.0), Some(2.5), Some(Weights::MAX)];
const SEATS: [Option<u32>; 5] = [None, Some(0), Some(1), Some(2), Some(u32::MAX)];
const CAPS: [Option<f64>; 5] = [None, Some(0.0), Some(1.0), Some(12.0), Some(f64::MAX)];

fn untagged_rules() -> [UntaggedLevel; 7] {
    let assume = |l: u8| UntaggedLevel::Assume(Level::new(l).expect("level in range"));
    [
        UntaggedLevel::Ignore,
        assume(0),
        assume(1),
        assume(2),
        assume(3),
        assume(4),
        assume(5),
    ]
}

fn policy(pick: u16) -> LevelPolicy {
    let base = LevelPolicy::default();
    match pick % 7 {
        0 => base,
        1 => base.self_declared(true),
        2 => base.verified_only(false),
        3 => base.feedback_360(false),
        4 => base.not_before("2024-02-29").expect("valid date"),
        5 => base.not_before("9999-12-31").expect("valid date"),
        _ => base
            .self_declared(true)
            .verified_only(false)
            .not_before("0000-01-01")
            .expect("valid date"),
    }
}

fn weights(knobs: &Knobs, slot: usize) -> Weights {
    let [b, f, d] = knobs.pick(slot, &WEIGHTS);
    Weights::new(b, f, d).expect("edge weights are valid")
}

fn gap_options(knobs: &Knobs) -> GapOptions {
    GapOptions::default()
        .weights(weights(knobs, 1))
        .include_met(knobs.0[2].is_multiple_of(2))
}

/// A competency id of the framework, or an unknown one.
fn some_competency(fw: &Framework, pick: u16) -> String {
    let comps = fw.competencies();
    let i = usize::from(pick) % (comps.len() + 1);
    comps.get(i).map_or(GHOST.to_owned(), |c| c.id.to_string())
}

/// Recommendation options from the knobs, and whether they name an unknown competency.
fn recommend_options(fw: &Framework, knobs: &Knobs) -> (RecommendOptions, Option<f64>, bool) {
    let mut options = RecommendOptions::default()
        .untagged(knobs.pick(3, &untagged_rules()))
        .weights(weights(knobs, 4));
    if knobs.0[5].is_multiple_of(3) {
        options = options.solver(Solver::Exact {
            node_limit: knobs.pick(6, &NODE_LIMITS),
        });
    }
    let mut budget = None;
    if knobs.0[7].is_multiple_of(2) {
        let b = knobs.pick(8, &BUDGETS);
        options = options.budget(b).expect("edge budgets are valid");
        budget = Some(b);
    }
    if let Some(t) = knobs.pick(9, &TERMS) {
        options = options.term_hours(t).expect("edge terms are valid");
    }
    if let Some(s) = knobs.pick(10, &SHARES) {
        options = options.max_formal_share(s).expect("edge shares are valid");
    }
    let mut unknown = false;
    if let Some(w) = knobs.pick(11, &COMPETENCY_WEIGHTS) {
        let id = some_competency(fw, knobs.0[12]);
        unknown = id == GHOST;
        options = options
            .competency_weight(id, w)
            .expect("edge weights are valid");
    }
    (options, budget, unknown)
}

#[track_caller]
fn check_plan(plan: &Plan<'_>, budget: Option<f64>) {
    assert!(
        plan.total_hours.is_finite() && plan.total_hours >= 0.0,
        "{plan:?}"
    );
    if let Some(b) = budget {
        // The solvers allow an absolute 1e-9 hours over a budget, which only courses of
        // less than 1e-9 hours can use.
        assert!(
            plan.total_hours <= b + 1e-9 + b * 1e-12,
            "{} > {b}",
            plan.total_hours
        );
    }
    let mut seen = BTreeSet::new();
    for step in &plan.steps {
        assert!(seen.insert(step.course), "course twice in {plan:?}");
    }
    shown(plan);
    serialized(plan);
}

#[track_caller]
fn check_report(report: &GapReport<'_>) {
    assert!((0.0..=1.0).contains(&report.readiness), "{report:?}");
    shown(report);
    serialized(report);
}

/// Everything about one officer: accessors, gaps, rankings, plans and career moves.
fn exercise_profile(fw: &Framework, profile: &Profile, knobs: &Knobs) {
    for c in fw.competencies() {
        let level = profile.level(fw, c.id.as_str()).expect("same framework");
        assert!(level <= fw.max_level(c.id.as_str()).expect("known competency"));
    }
    assert_eq!(profile.level(fw, GHOST), Ok(Level::NONE));
    profile.held(fw).expect("same framework");
    profile.completed_courses(fw).expect("same framework");
    let here = profile.position(fw).expect("same framework").clone();
    profile.target_position(fw).expect("same framework");

    let gap = gap_options(knobs);
    check_report(&fw.gap(profile, &gap).expect("same framework"));
    for p in fw.positions() {
        let report = fw
            .gap_for(profile, p.id.as_str(), &gap)
            .expect("known position");
        check_report(&report);
    }
    expect_unknown(
        fw.gap_for(profile, GHOST, &gap),
        EntityKind::Position,
        GHOST,
    );

    let mut rank = RankOptions::default()
        .top(knobs.pick(13, &TOPS))
        .gap_options(gap.clone())
        .exclude_current(knobs.0[14].is_multiple_of(2));
    if knobs.0[15].is_multiple_of(3)
        && let Some(d) = department_pick(fw, knobs)
    {
        rank = rank.department(d);
    }
    let fits = fw.positions_for(profile, &rank).expect("same framework");
    assert!(fits.iter().all(|f| (0.0..=1.0).contains(&f.readiness)));
    serialized(&fits);

    let (options, budget, unknown) = recommend_options(fw, knobs);
    let positions: Vec<&PositionSpec> = fw.positions().iter().take(2).collect();
    for p in positions
        .iter()
        .map(|p| p.id.as_str())
        .chain([here.as_str()])
    {
        match fw.recommend(profile, p, &options) {
            Ok(plan) => check_plan(&plan, budget),
            Err(e) if unknown => {
                expect_unknown(
                    Err::<(), _>(crate::support::the_only(e)),
                    EntityKind::Competency,
                    GHOST,
                );
            }
            Err(e) => panic!("recommend failed: {e}"),
        }
    }
    check_results(&fw.recommend(profile, GHOST, &options));
    let step = fw.career_step(profile, here.as_str(), &gap, &options);
    check_results(&step);
    if let Ok(step) = step {
        check_report(&step.gap);
        check_plan(&step.plan, budget);
        serialized(&step);
    }
    expect_unknown(
        fw.career_step(profile, GHOST, &gap, &RecommendOptions::default())
            .map_err(crate::support::the_only),
        EntityKind::Position,
        GHOST,
    );

    let career = career_options(fw, knobs, gap);
    let paths = fw.career_paths(profile, &career).expect("same framework");
    assert!(paths.iter().all(|f| f.hours.is_finite() && f.hours >= 0.0));
    serialized(&paths);
}

/// A department option: one that a position of the framework names. A department nothing
/// names is an error, checked in `exercise_cohort`.
fn department_pick(fw: &Framework, knobs: &Knobs) -> Option<String> {
    let known: Vec<&str> = DEPARTMENTS
        .into_iter()
        .filter(|d| fw.positions().iter().any(|p| p.department.as_str() == *d))
        .collect();
    (!known.is_empty()).then(|| knobs.pick(16, &known).to_owned())
}

fn career_options(fw: &Framework, knobs: &Knobs, gap: GapOptions) -> CareerOptions {
    let mut career = CareerOptions::default()
        .top(knobs.pick(17, &TOPS))
        .untagged(knobs.pick(18, &untagged_rules()))
        .exclude_current(knobs.0[14] % 2 == 1)
        .gap_options(gap);
    if knobs.0[15] % 3 == 1
        && let Some(d) = department_pick(fw, knobs)
    {
        career = career.department(d);
    }
    career
}

/// Department-level analyses: needs, rankings of officers, successors, plans.
fn exercise_cohort(fw: &Framework, cohort: &Cohort, knobs: &Knobs) {
    assert_eq!(cohort.is_empty(), cohort.officer_id(0).is_none());
    assert!(cohort.heap_bytes() < usize::MAX);
    for i in 0..=cohort.len() {
        let id = cohort.officer_id(i);
        assert_eq!(id.is_some(), i < cohort.len());
        if let Some(id) = id {
            assert!(cohort.find(id).is_some());
            let profile = cohort.profile(i).expect("in range");
            fw.gap(&profile, &GapOptions::default())
                .expect("same framework");
        }
    }
    assert!(cohort.profile(cohort.len()).is_none());
    assert!(cohort.find(GHOST).is_none());

    let one = fw
        .training_needs(cohort, &NeedsOptions::default())
        .expect("same framework");
    shown(&one);
    let reference = serialized(&one);
    for threads in THREADS {
        let needs = fw
            .training_needs(cohort, &NeedsOptions::default().threads(threads))
            .expect("same framework");
        assert_eq!(serialized(&needs), reference, "{threads} threads");
    }
    for d in cohort.departments().iter().map(DepartmentId::as_str) {
        let options = NeedsOptions::default().department(d).threads(2);
        let needs = fw.training_needs(cohort, &options).expect("same framework");
        assert!(needs.officers <= cohort.len() as u64);
    }
    // A department nothing names is an error, never an empty heatmap or plan.
    let ghost = NeedsOptions::default().department(GHOST);
    expect_unknown(
        fw.training_needs(cohort, &ghost),
        EntityKind::Department,
        GHOST,
    );
    expect_unknown(
        fw.training_needs_by_department(cohort, &ghost),
        EntityKind::Department,
        GHOST,
    );
    expect_unknown(
        fw.department_plan(cohort, &AcbpOptions::default().department(GHOST))
            .map_err(crate::support::the_only),
        EntityKind::Department,
        GHOST,
    );
    let by_department: Vec<String> = [1, 2]
        .into_iter()
        .map(|threads| {
            let options = NeedsOptions::default().threads(threads);
            let parts = fw
                .training_needs_by_department(cohort, &options)
                .expect("same framework");
            serialized(&parts)
        })
        .collect();
    assert_eq!(by_department[0], by_department[1]);

    let rank = RankOptions::default()
        .top(knobs.pick(13, &OFFICER_TOPS))
        .gap_options(gap_options(knobs))
        .exclude_current(knobs.0[14].is_multiple_of(2));
    let career = career_options(fw, knobs, gap_options(knobs));
    for p in fw.positions().iter().take(3) {
        let fits = fw
            .officers_for(cohort, p.id.as_str(), &rank)
            .expect("known");
        serialized(&fits);
        let next = fw
            .successors(cohort, p.id.as_str(), &career)
            .expect("known");
        serialized(&next);
    }
    expect_unknown(
        fw.officers_for(cohort, GHOST, &rank)
            .map_err(crate::support::the_only),
        EntityKind::Position,
        GHOST,
    );
    expect_unknown(
        fw.successors(cohort, GHOST, &career)
            .map_err(crate::support::the_only),
        EntityKind::Position,
        GHOST,
    );
    exercise_plan(fw, cohort, knobs);
}

/// Department plans with every constraint at its edges.
fn exercise_plan(fw: &Framework, cohort: &Cohort, knobs: &Knobs) {
    let mut options = AcbpOptions::default()
        .weights(weights(knobs, 4))
        .untagged(knobs.pick(3, &untagged_rules()));
    let budget = (knobs.0[7] % 2 == 1).then(|| knobs.pick(8, &BUDGETS));
    if let Some(b) = budget {
        options = options.budget(b).expect("edge budgets are valid");
    }
    if let Some(cap) = knobs.pick(19, &CAPS) {
        options = options.officer_cap(cap).expect("edge caps are valid");
    }
    if let Some(seats) = knobs.pick(9, &SEATS) {
        options = options.default_seats(seats);
    }
    if let (Some(seats), Some(c)) = (knobs.pick(10, &SEATS), fw.courses().first()) {
        options = options.seats(c.id.clone(), seats);
    }
    if let Some(w) = knobs.pick(11, &COMPETENCY_WEIGHTS) {
        if let Some(c) = fw.competencies().first() {
            options = options.competency_weight(c.id.clone(), w).expect("valid");
        }
        let p = &fw.positions()[0];
        options = options.position_weight(p.id.clone(), w).expect("valid");
    }
    if knobs.0[15] % 3 == 2
        && let Some(d) = department_pick(fw, knobs)
    {
        options = options.department(d);
    }
    if knobs.0[5] % 3 == 1 {
        options = options.solver(Solver::Exact {
            node_limit: knobs.pick(6, &[0, 1, 64]),
        });
    }
    let plans: Vec<String> = [1, knobs.pick(0, &THREADS)]
        .into_iter()
        .map(|threads| {
            let plan = fw
                .department_plan(cohort, &options.clone().threads(threads))
                .expect("known ids");
            assert!(plan.hours.is_finite() && plan.hours >= 0.0, "{plan:?}");
            if let Some(b) = budget {
                assert!(plan.hours <= b + 1e-9 + b * 1e-12, "{} > {b}", plan.hours);
            }
            assert!(plan.gaps_closed <= plan.gaps);
            shown(&plan);
            serialized(&plan)
        })
        .collect();
    assert_eq!(plans[0], plans[1], "department plan depends on threads");
    for bad in [
        options.clone().seats(GHOST, 1),
        options
            .clone()
            .competency_weight(GHOST, 1.0)
            .expect("valid"),
        options.clone().position_weight(GHOST, 1.0).expect("valid"),
    ] {
        let result = fw
            .department_plan(cohort, &bad)
            .map_err(crate::support::the_only);
        assert!(matches!(&result, Err(Error::UnknownId { id, .. }) if id == GHOST));
        check_result(&result);
    }
}

/// Targets for an IDP: known, unknown and repeated competencies, levels above a scale.
fn exercise_targets(fw: &Framework, knobs: &Knobs) {
    let levels = |a: u16, b: u16| {
        (
            Level::new((a % 6) as u8).expect("in range"),
            Level::new((b % 6) as u8).expect("in range"),
        )
    };
    let mut targets: Vec<Target> = knobs.0[..6]
        .iter()
        .zip(&knobs.0[6..12])
        .enumerate()
        .map(|(i, (&a, &b))| {
            let (current, required) = levels(a, b);
            Target {
                competency: some_competency(fw, knobs.0[12].wrapping_add(i as u16)).into(),
                current,
                required,
            }
        })
        .collect();
    let mut completed: Vec<CourseId> = fw.courses().iter().map(|c| c.id.clone()).collect();
    if knobs.0[13].is_multiple_of(2) {
        completed.push(GHOST.into());
        targets.truncate(1);
    }
    let (options, budget, _) = recommend_options(fw, knobs);
    match fw.recommend_targets(&targets, &completed, &options) {
        Ok(plan) => check_plan(&plan, budget),
        Err(errors) => {
            check_errors(&errors);
            for e in &errors {
                assert!(!named_ids(e).is_empty(), "{e} names no id");
            }
        }
    }
    let none = fw.recommend_targets(&[], &[], &RecommendOptions::default());
    assert!(none.expect("no targets").steps.is_empty());
}

/// Closures, the spec round trip, and two snapshots compared.
fn exercise_framework(fw: &Framework, cohort: &Cohort, officers: &[OfficerSpec], knobs: &Knobs) {
    for c in fw.courses() {
        let closure = fw
            .prerequisite_closure(c.id.as_str())
            .expect("known course");
        assert_eq!(closure.last().copied(), Some(&c.id));
    }
    expect_unknown(fw.prerequisite_closure(GHOST), EntityKind::Course, GHOST);
    for p in fw.positions() {
        let reqs = fw.requirements(p.id.as_str()).expect("known position");
        serialized(&reqs);
    }
    expect_unknown(fw.requirements(GHOST), EntityKind::Position, GHOST);
    let spec = fw.to_spec();
    let again = Framework::new(spec.clone()).expect("to_spec builds");
    assert_eq!(again.to_spec(), spec);
    for c in fw.competencies() {
        shown(&c.id);
        shown(&c.kind);
    }

    let later = later_snapshot(officers, fw);
    let policy = policy(knobs.0[0]);
    let after = Cohort::new(fw, &later, &policy).expect("later snapshot is valid");
    let options = CompareOptions::default().weights(weights(knobs, 4));
    for (a, b) in [(cohort, &after), (&after, cohort), (cohort, cohort)] {
        let eval = fw.compare(a, b, &options).expect("same framework");
        assert!(eval.overall.closed <= eval.overall.gaps_before);
        shown(&eval);
        shown(&eval.overall);
        serialized(&eval);
    }
}

/// The same officers later: a level raised, a course completed, one officer gone, one
/// moved, one new.
fn later_snapshot(officers: &[OfficerSpec], fw: &Framework) -> Vec<OfficerSpec> {
    let mut later: Vec<OfficerSpec> = officers.iter().skip(1).cloned().collect();
    for (i, o) in later.iter_mut().enumerate() {
        if let Some(e) = o.passbook.first_mut() {
            let max = fw.max_level(e.competency.as_str()).map_or(5, Level::get);
            e.level = (e.level + 1).min(max);
            "2025-12-31".clone_into(&mut e.date);
            // A level above the course's is not a completion; an assessment shows it.
            e.source = match e.source {
                EvidenceSource::CourseCompletion => EvidenceSource::Assessment,
                other => other,
            };
        }
        if let Some(c) = fw.courses().get(i) {
            o.passbook.push(Evidence {
                competency: fw.competencies()[0].id.clone(),
                level: 0,
                level_name: None,
                source: EvidenceSource::CourseCompletion,
                date: "2025-12-31".to_owned(),
                verified: true,
                course: Some(c.id.clone()),
            });
        }
        if i == 0 {
            o.position = fw.positions()[fw.positions().len() - 1].id.clone();
        }
    }
    later.push(support::officer(
        "new-joiner",
        "posts",
        fw.positions()[0].id.as_str(),
        Vec::new(),
    ));
    later
}

/// Officers with unique ids only (a cohort rejects repeats).
fn unique(officers: &[OfficerSpec]) -> Vec<OfficerSpec> {
    let mut seen = BTreeSet::new();
    officers
        .iter()
        .filter(|o| seen.insert(o.id.clone()))
        .cloned()
        .collect()
}

/// A valid `CFDocument` to export under.
fn case_document() -> CaseDocument {
    CaseDocument::new(
        "0b3c9f4e-6a43-4c1e-9d0c-2f1a7e5b8c01",
        "Office competencies",
        "DoPT",
        "2025-01-15T10:00:00Z",
    )
}

/// The framework's dictionary as CASE JSON, under a valid document and default options.
fn case_json(fw: &Framework) -> String {
    CasePackage::from_framework(fw, &case_document(), &CaseExportOptions::default())
        .expect("a valid framework exports")
        .to_json()
}

/// CASE export with documents and options at their edges, and the import back.
fn exercise_case(fw: &Framework, knobs: &Knobs) {
    let json = case_json(fw);
    let options = CaseImportOptions::default().ids(CaseIds::HumanCodingScheme);
    let import = CaseImport::from_json(&json, &options).expect("own export imports");
    let ids = competency_ids(&import.spec);
    let own: Vec<&str> = fw.competencies().iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, own, "ids change through CASE");
    Framework::new(import.spec.clone()).expect("an imported dictionary builds");
    let by_identifier = CaseImport::from_json(&json, &CaseImportOptions::default());
    Framework::new(by_identifier.expect("own export imports").spec).expect("builds");

    let base = case_document();
    let document = match knobs.0[2] % 6 {
        0 => CaseDocument {
            identifier: "not-a-uuid".to_owned(),
            ..base
        },
        1 => CaseDocument {
            identifier: "0B3C9F4E-6A43-4C1E-9D0C-2F1A7E5B8C01".to_owned(),
            ..base
        },
        2 => CaseDocument {
            last_change_date_time: "yesterday".to_owned(),
            ..base
        },
        3 => CaseDocument {
            title: " ".to_owned(),
            ..base
        },
        4 => CaseDocument {
            creator: String::new(),
            ..base
        },
        _ => base,
    };
    let mut export = CaseExportOptions::default();
    match knobs.0[5] % 6 {
        0 => export = export.base_uri(""),
        1 => export = export.base_uri("https://case.example.org///"),
        2 => export = export.item_type(CompetencyType::Domain, ""),
        3 => export = export.area_item_type("\u{0}"),
        4 => export = export.area_identifier("Area", "not-a-uuid"),
        _ => export = export.rubric_title(""),
    }
    match CasePackage::from_framework(fw, &document, &export) {
        Ok(package) => {
            let json = package.to_json();
            let back = CasePackage::from_json(&json).expect("own json parses");
            assert_eq!(back, package, "package changes through json");
            let import = CaseImport::from_json(&json, &CaseImportOptions::default());
            check_results(&import);
            if let Ok(import) = import {
                check_results(&Framework::new(import.spec));
            }
        }
        Err(errors) => check_errors(&errors),
    }
}

// ---------------------------------------------------------------------------------------
// Determinism
// ---------------------------------------------------------------------------------------

/// Every output of every analysis, serialized and displayed, in one string.
fn all_outputs(spec: FrameworkSpec, officers: &[OfficerSpec]) -> String {
    use std::fmt::Write as _;
    let fw = Framework::new(spec).expect("valid spec");
    let mut out = String::new();
    let mut put = |label: &str, json: String, text: String| {
        writeln!(out, "{label}\n{json}\n{text}").expect("write to string");
    };
    let policy = LevelPolicy::default().self_declared(true);
    let cohort = Cohort::new(&fw, officers, &policy).expect("valid officers");
    for o in officers {
        let profile = Profile::new(&fw, o, &policy).expect("valid officer");
        for p in fw.positions() {
            let gap = GapOptions::default().include_met(true);
            let report = fw.gap_for(&profile, p.id.as_str(), &gap).expect("known");
            put("gap", serialized(&report), report.to_string());
            for options in [
                RecommendOptions::default(),
                RecommendOptions::default().solver(Solver::Exact { node_limit: 200 }),
                RecommendOptions::default()
                    .budget(10.0)
                    .expect("valid")
                    .term_hours(6.0)
                    .expect("valid")
                    .max_formal_share(0.1)
                    .expect("valid"),
            ] {
                let plan = fw
                    .recommend(&profile, p.id.as_str(), &options)
                    .expect("known");
                put("plan", serialized(&plan), plan.to_string());
            }
        }
        let paths = fw
            .career_paths(&profile, &CareerOptions::default())
            .expect("same framework");
        let fits = fw
            .positions_for(&profile, &RankOptions::default())
            .expect("same framework");
        put("career", serialized(&paths), serialized(&fits));
    }
    let needs = fw
        .training_needs(&cohort, &NeedsOptions::default().threads(2))
        .expect("same framework");
    put("needs", serialized(&needs), needs.to_string());
    for budget in [None, Some(12.0)] {
        let mut options = AcbpOptions::default().default_seats(2).threads(2);
        if let Some(b) = budget {
            options = options.budget(b).expect("valid");
        }
        let plan = fw
            .department_plan(&cohort, &options)
            .expect("no unknown ids");
        put("acbp", serialized(&plan), plan.to_string());
    }
    for p in fw.positions() {
        let next = fw
            .successors(&cohort, p.id.as_str(), &CareerOptions::default())
            .expect("known");
        let fits = fw
            .officers_for(&cohort, p.id.as_str(), &RankOptions::default())
            .expect("known");
        put("successors", serialized(&next), serialized(&fits));
    }
    let later = Cohort::new(&fw, later_snapshot(officers, &fw), &policy).expect("valid");
    let eval = fw
        .compare(&cohort, &later, &CompareOptions::default())
        .expect("same framework");
    put("evaluation", serialized(&eval), eval.to_string());
    put("spec", fw.to_spec().to_json(), case_json(&fw));
    out
}

fn reversed(mut spec: FrameworkSpec) -> FrameworkSpec {
    spec.competencies.reverse();
    spec.activities.reverse();
    spec.roles.reverse();
    spec.positions.reverse();
    spec.courses.reverse();
    spec
}

/// Asserts outputs are identical when built again on another thread, from JSON, and from
/// reversed lists.
#[track_caller]
fn check_deterministic(spec: &FrameworkSpec, officers: &[OfficerSpec]) {
    let first = all_outputs(spec.clone(), officers);
    let json = spec.to_json();
    let (spec2, officers2) = (spec.clone(), officers.to_vec());
    let other_thread = std::thread::spawn(move || all_outputs(spec2, &officers2))
        .join()
        .expect("no panic");
    assert_eq!(first, other_thread, "differs on another thread");
    let from_json = FrameworkSpec::from_json(&json).expect("own json parses");
    assert_eq!(&from_json, spec, "spec changes through json");
    assert_eq!(
        first,
        all_outputs(from_json, officers),
        "differs through json"
    );
    assert_eq!(first, all_outputs(reversed(spec.clone()), officers));
    let doc = OfficersSpec {
        format_version: karmayogi::FORMAT_VERSION,
        officers: officers.to_vec(),
    };
    let back = OfficersSpec::from_json(&doc.to_json()).expect("own json parses");
    assert_eq!(back, doc, "officers change through json");
}

// ---------------------------------------------------------------------------------------
// CSV text for the loaders
// ---------------------------------------------------------------------------------------

/// Valid ESCO files: occupations, skills, links, skill hierarchy, skill groups.
const ESCO_FILES: [&str; 5] = [
    "occ_id,uuid,isco_group,esco_code,label\n7,u7,2422,2422.1,policy officer\n8,u8,3311,3311.2,\"analyst, budget\"\n",
    "skill_id,uuid,skill_type,reuse_level,hier_level,label\n3,s3,skill/competence,cross-sector,,\"draft rules, orders\"\n4,s4,knowledge,sector-specific,,public finance\n5,s5,,transversal,,\"say \"\"no\"\"\"\n",
    "occ_id,skill_id,relation\n7,4,O\n7,3,E\n8,5,E\n8,3,O\n",
    "child_kind,child_id,parent_kind,parent_id\nS,3,G,1\nS,4,S,3\nS,5,G,2\nG,1,G,2\n",
    "group_id,uri,code,hier_level,label\n1,u1,S1,1,communication\n2,u2,T,0,transversal skills\n",
];

/// Valid O*NET files: occupations, elements, ratings, tasks.
const ONET_FILES: [&str; 4] = [
    "soc,title\n13-1041.00,Compliance Officers\n11-1011.00,Chief Executives\n",
    "element_id,parent_id,depth,name,description\n2.A.1,,2,Content,Background structures\n2.A.1.c,2.A.1,3,Writing,Communicating effectively in writing\n2.B.1,,2,Social Skills,Developed capacities used to work with people\n2.B.1.d,2.B.1,3,Negotiation,\"Bringing others together, reconciling differences\"\n",
    "soc,element_id,importance_1_5,level_0_7,n,recommend_suppress,not_relevant,date,source\n13-1041.00,2.A.1.c,3.88,4.12,8,N,N,07/2014,Analyst\n13-1041.00,2.B.1.d,2.75,3,8,N,N,07/2014,Analyst\n11-1011.00,2.B.1.d,4.5,6.9,8,Y,N,07/2014,Analyst\n",
    "soc,task_id,task_type,task\n13-1041.00,1,Core,Review files\n11-1011.00,2,Supplemental,\"Direct, plan\"\n",
];

/// Cells a mutation writes: wrong types, out-of-range numbers, broken quoting, odd text.
const CSV_CELLS: &[&str] = &[
    "",
    "x",
    "-1",
    "0",
    "9",
    "4294967296",
    "1.5",
    "NaN",
    "5.5",
    "7.5",
    "1e3",
    " 7",
    "E",
    "O",
    "G",
    "S",
    "\"unclosed",
    "a\"b",
    "\"q\"x",
    "\"two\nlines\"",
    "\"a, b\"",
    "नाम",
    "\u{0}",
    "2.B.1.d",
    "13-1041.00",
];

/// (operation, line pick, field pick, cell pick, stray text)
type RawCsvEdit = (u8, usize, usize, usize, String);

fn raw_csv_edits() -> impl Strategy<Value = Vec<RawCsvEdit>> {
    // Most files are left valid, so that whole loads succeed often enough.
    prop_oneof![
        2 => Just(Vec::new()),
        3 => vec((0u8..9, any::<usize>(), any::<usize>(), any::<usize>(), json_string()), 1..=3),
    ]
}

/// A valid CSV text with edits: a cell replaced, a line deleted, repeated, moved or
/// inserted, the text cut, CRLF line ends, a byte-order mark, a header column dropped.
fn edited_csv(base: &str, edits: &[RawCsvEdit]) -> String {
    let mut lines: Vec<String> = base.lines().map(str::to_owned).collect();
    let mut text = None;
    for (op, line, field, cell, stray) in edits {
        let n = lines.len().max(1);
        let i = line % n;
        match op {
            0 if !lines.is_empty() => {
                let mut cells: Vec<String> = lines[i].split(',').map(str::to_owned).collect();
                let j = field % cells.len();
                CSV_CELLS[cell % CSV_CELLS.len()].clone_into(&mut cells[j]);
                lines[i] = cells.join(",");
            }
            1 if !lines.is_empty() => {
                lines.remove(i);
            }
            2 if !lines.is_empty() => lines.insert(i, lines[i].clone()),
            3 if !lines.is_empty() => {
                let j = field % n;
                lines.swap(i, j);
            }
            4 => lines.insert(line % (lines.len() + 1), stray.clone()),
            5 => {
                let full = lines.join("\n");
                text = Some(truncate(&full, *line).to_owned());
            }
            6 => text = Some(lines.join("\r\n") + "\r\n"),
            7 => text = Some(format!("\u{feff}{}\n", lines.join("\n"))),
            _ if !lines.is_empty() => {
                let mut header: Vec<&str> = lines[0].split(',').collect();
                header.remove(field % header.len());
                lines[0] = header.join(",");
            }
            _ => {}
        }
    }
    text.unwrap_or_else(|| lines.join("\n") + "\n")
}

/// Asserts a loader either fails with typed errors or returns a spec that builds.
#[track_caller]
fn check_loaded(result: Result<FrameworkSpec, Errors>) {
    match result {
        Ok(spec) => {
            let built = Framework::new(spec);
            check_results(&built);
            if let Err(errors) = built {
                panic!("a loaded spec does not build: {errors}");
            }
        }
        Err(errors) => check_errors(&errors),
    }
}

// ---------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES_JSON))]

    #[test]
    fn arbitrary_json_reaches_every_entry_point(doc in json_document(), cut in any::<usize>()) {
        let text = doc.text();
        feed(&text);
        feed(truncate(&text, cut));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES_MUTATION))]

    #[test]
    fn one_mutation_of_a_valid_document_fails_precisely(
        (spec, officers) in world(),
        mutation in raw_mutation(),
        example_doc in prop::bool::weighted(0.1),
    ) {
        let framework_json = if example_doc { EXAMPLE_FRAMEWORK.to_owned() } else { spec.to_json() };
        let officers_json = OfficersSpec { format_version: 1, officers }.to_json();
        for (json, framework) in [(framework_json, true), (officers_json, false)] {
            let value: serde_json::Value = serde_json::from_str(&json).expect("valid json");
            let mut doc = Json::from_value(&value);
            let expect = mutate(&mut doc, &mutation);
            let full = doc.text();
            let text = if matches!(expect, Expect::Truncated) {
                truncate(&full, mutation.1)
            } else {
                &full
            };
            if framework {
                let parsed = FrameworkSpec::from_json(text);
                check_expectation(&parsed, &expect);
                if let Ok(spec) = parsed {
                    check_results(&Framework::new(spec));
                }
            } else {
                let parsed = OfficersSpec::from_json(text);
                check_expectation(&parsed, &expect);
                if let Ok(doc) = parsed {
                    check_results(&Cohort::new(example(), &doc.officers, &LevelPolicy::default()));
                }
            }
        }
    }

    #[test]
    fn many_mutations_never_panic(
        (spec, officers) in world(),
        mutations in vec(raw_mutation(), 1..=4),
    ) {
        let officers_json = OfficersSpec { format_version: 1, officers }.to_json();
        let case = case_json(&Framework::new(spec.clone()).expect("valid spec"));
        for json in [spec.to_json(), officers_json, case] {
            let value: serde_json::Value = serde_json::from_str(&json).expect("valid json");
            let mut doc = Json::from_value(&value);
            let mut cut = None;
            for m in &mutations {
                if matches!(mutate(&mut doc, m), Expect::Truncated) {
                    cut = Some(m.1);
                }
            }
            let full = doc.text();
            feed(cut.map_or(full.as_str(), |at| truncate(&full, at)));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES_CORRUPTION))]

    #[test]
    fn corrupted_frameworks_name_what_was_corrupted(
        (spec, _) in world(),
        ops in vec((0u8..12, any::<usize>(), any::<usize>(), any::<usize>()), 1..=4),
    ) {
        let mut corrupted = spec.clone();
        let mut taint = Taint::default();
        for op in &ops {
            corrupt_once(&mut corrupted, op, &mut taint);
        }
        let first = Framework::new(corrupted.clone());
        let again = Framework::new(corrupted.clone());
        match (first, again) {
            (Ok(fw), Ok(_)) => {
                // Harmless corruptions only: an extra prerequisite closing no cycle, a
                // smaller scale nobody exceeds, a reference list left empty.
                let back = Framework::new(fw.to_spec()).expect("to_spec builds");
                prop_assert_eq!(back.to_spec(), fw.to_spec());
            }
            (Err(errors), Err(repeat)) => {
                // Debug text, as NaN hours compare unequal to themselves.
                prop_assert_eq!(format!("{errors:?}"), format!("{repeat:?}"));
                check_blame(&errors, &corrupted, &taint);
            }
            (a, b) => panic!("same spec, different outcomes: {:?} / {:?}", a.err(), b.err()),
        }
        if taint.ids.is_empty() && !taint.version {
            prop_assert!(Framework::new(corrupted).is_ok(), "nothing corrupted, yet rejected");
        }
    }

    #[test]
    fn corrupted_passbooks_name_their_officers(
        (spec, officers) in world(),
        ops in vec((any::<usize>(), 0u8..9, any::<usize>(), any::<usize>()), 0..=3),
        policy_pick in any::<u16>(),
    ) {
        let fw = Framework::new(spec.clone()).expect("valid spec");
        let mut officers = officers;
        let (bad, duplicated) = corrupt_officers(&spec, &mut officers, &ops);
        let policy = policy(policy_pick);
        let bad_ids: BTreeSet<&str> = bad.iter().map(|&i| officers[i].id.as_str()).collect();
        for (i, o) in officers.iter().enumerate() {
            let profile = Profile::new(&fw, o, &policy);
            check_results(&profile);
            prop_assert_eq!(
                profile.is_err(), bad.contains(&i), "officer {}: {:?}", i, profile.as_ref().err()
            );
            if let Err(errors) = profile {
                for e in &errors {
                    let named = named_ids(e);
                    prop_assert!(
                        named.contains(&o.id.as_str())
                            || matches!(e, Error::EmptyId { kind: EntityKind::Officer, .. }),
                        "{} does not name officer {:?}", e, o.id
                    );
                }
            }
        }
        let cohort = Cohort::new(&fw, &officers, &policy);
        check_results(&cohort);
        prop_assert_eq!(cohort.is_ok(), bad.is_empty() && !duplicated, "{:?}", cohort.as_ref().err());
        if let Err(errors) = cohort {
            for e in &errors {
                let ok = match e {
                    Error::EmptyId { kind: EntityKind::Officer, index } => {
                        officers[*index].id.as_str().is_empty()
                    }
                    Error::DuplicateId { kind: EntityKind::Officer, .. } => duplicated,
                    _ => named_ids(e).iter().any(|id| bad_ids.contains(id)),
                };
                prop_assert!(ok, "{} names no corrupted officer", e);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES_ANALYSIS))]

    #[test]
    fn every_analysis_survives_edge_options(
        (spec, officers) in world(),
        knobs in proptest::array::uniform20(any::<u16>()).prop_map(Knobs),
    ) {
        let fw = Framework::new(spec).expect("valid spec");
        let policy = policy(knobs.0[0]);
        let officers = unique(&officers);
        for o in &officers {
            let profile = Profile::new(&fw, o, &policy).expect("valid officer");
            exercise_profile(&fw, &profile, &knobs);
        }
        let cohort = Cohort::new(&fw, &officers, &policy).expect("valid officers");
        exercise_cohort(&fw, &cohort, &knobs);
        exercise_targets(&fw, &knobs);
        exercise_framework(&fw, &cohort, &officers, &knobs);
        exercise_case(&fw, &knobs);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES_DETERMINISM))]

    #[test]
    fn outputs_are_deterministic_across_threads_and_round_trips((spec, officers) in world()) {
        check_deterministic(&spec, &unique(&officers));
    }
}

// ---------------------------------------------------------------------------------------
// Deserialisation limits
// ---------------------------------------------------------------------------------------

/// A small valid framework touching every struct of the format, for targeted edits.
const BASE: &str = r#"{"format_version":1,"competencies":[{"id":"c","name":"C","type":"domain","levels":[{"level":1,"description":"d"}]}],"activities":[{"id":"a","name":"A","requires":[{"competency":"c","level":1}]}],"roles":[{"id":"r","name":"R","activities":["a"],"requires":[{"competency":"c","level":1}]}],"positions":[{"id":"p","name":"P","department":"d","roles":["r"]}],"courses":[{"id":"k","name":"K","hours":1,"provides":[{"competency":"c","level":1}]}]}"#;

/// An officers document touching every struct of the format.
const BASE_OFFICERS: &str = r#"{"format_version":1,"officers":[{"id":"o","department":"d","position":"p","passbook":[{"competency":"c","level":1,"source":"assessment","date":"2024-01-01"}]}]}"#;

/// `BASE` with the first `from` replaced by `to`.
#[track_caller]
fn edited(base: &str, from: &str, to: &str) -> String {
    assert!(base.contains(from), "{from} not in the document");
    base.replacen(from, to, 1)
}

/// Asserts a framework document fails with exactly this JSON error.
#[track_caller]
fn assert_framework_json(doc: &str, line: usize, column: usize, message: &str) {
    let expected = (line, column, message.to_owned());
    assert_eq!(json_error(FrameworkSpec::from_json(doc)), expected);
    let errors = Framework::from_json(doc).expect_err("rejected");
    // The first problem first; after it, only a required field the document lacks as well
    // (a document of one unknown key has no `format_version` either).
    assert_eq!(
        json_error(Err::<(), _>(errors.as_slice()[0].clone())),
        expected
    );
    for later in &errors.as_slice()[1..] {
        assert!(later.to_string().contains("missing field"), "{later}");
    }
    check_errors(&errors);
}

/// Asserts an officers document fails with exactly this JSON error.
#[track_caller]
fn assert_officers_json(doc: &str, line: usize, column: usize, message: &str) {
    let expected = (line, column, message.to_owned());
    assert_eq!(json_error(OfficersSpec::from_json(doc)), expected);
}

/// Asserts a framework document parses and validation reports exactly `expected`.
#[track_caller]
fn assert_invalid(doc: &str, expected: &str) {
    FrameworkSpec::from_json(doc).expect("the document parses");
    let errors = Framework::from_json(doc).expect_err("validation rejects it");
    check_errors(&errors);
    assert_eq!(errors.to_string(), expected);
}

#[test]
fn the_base_documents_are_valid() {
    let fw = Framework::from_json(BASE).expect("valid");
    let officers = OfficersSpec::from_json(BASE_OFFICERS)
        .expect("valid")
        .officers;
    Cohort::new(&fw, &officers, &LevelPolicy::default()).expect("valid");
}

#[test]
fn deep_nesting_is_rejected_without_overflowing_the_stack() {
    let depth = 10_000;
    let arrays = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let objects = format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth));
    // Where a document is expected, the outermost levels already have the wrong shape: the
    // typed parse stops there, long before serde_json's recursion limit of 128.
    let (line, column, message) = json_error(FrameworkSpec::from_json(&arrays));
    assert_eq!((line, column), (1, 1));
    assert!(message.starts_with("invalid type: a list"), "{message}");
    let (line, column, message) = json_error(OfficersSpec::from_json(&arrays));
    assert_eq!((line, column), (1, 1));
    assert!(message.starts_with("invalid type: a list"), "{message}");
    assert_framework_json(
        &objects,
        1,
        4,
        "unknown field `a`, expected one of `format_version`, `competencies`, `groups`, \
         `activities`, `roles`, `positions`, `courses`",
    );
    // The list where the first competency belongs is refused as what it is, at its `[`
    // (column 37), not read as the competency's fields with a list for its `id`.
    let inside = format!("{{\"format_version\":1,\"competencies\":{arrays}}}");
    assert_framework_json(
        &inside,
        1,
        37,
        "invalid type: a list, expected a competency object",
    );
    let in_officer = format!("{{\"format_version\":1,\"officers\":[{{\"id\":{objects}}}]}}");
    // At the `{` of the object where the id belongs (column 39), the officer named as
    // what it is, however deep its id nests.
    assert_officers_json(
        &in_officer,
        1,
        39,
        "an officer without a string id: invalid type: an object, expected a string",
    );
    // serde_json's own limit stays on (no `unbounded_depth`) for untyped parsing.
    let untyped = serde_json::from_str::<serde_json::Value>(&arrays).expect_err("too deep");
    assert!(untyped.to_string().starts_with("recursion limit exceeded"));
}

#[test]
fn a_million_levels_under_an_unknown_key_are_skipped_then_rejected() {
    // The version probe skips unknown values iteratively, so even this depth costs no
    // stack; the typed parse then rejects the key before reading its value.
    let depth = 1_000_000;
    let doc = format!("{{\"x\":{}{}}}", "[".repeat(depth), "]".repeat(depth));
    assert_framework_json(
        &doc,
        1,
        4,
        "unknown field `x`, expected one of `format_version`, `competencies`, `groups`, \
         `activities`, `roles`, `positions`, `courses`",
    );
    let unclosed = format!("{{\"format_version\":1,\"x\":{}", "{\"y\":".repeat(depth));
    let (line, _, message) = json_error(FrameworkSpec::from_json(&unclosed));
    assert_eq!(line, 1);
    assert!(message.starts_with("EOF while parsing"), "{message}");
}

#[test]
fn a_million_competencies_parse_and_build() {
    let n = 1_000_000;
    let mut doc = String::with_capacity(40 * n);
    doc.push_str(r#"{"format_version":1,"competencies":["#);
    for i in 0..n {
        if i > 0 {
            doc.push(',');
        }
        doc.push_str(r#"{"id":""#);
        doc.push_str(&i.to_string());
        doc.push_str(r#"","name":"n","type":"domain"}"#);
    }
    doc.push_str("]}");
    let fw = Framework::from_json(&doc).expect("a million tiny competencies are valid");
    assert_eq!(fw.competencies().len(), n);
    assert_eq!(fw.competencies()[0].id.as_str(), "0");
    assert_eq!(fw.competencies()[n - 1].id.as_str(), "999999");
    assert_eq!(fw.max_level("123456"), Some(Level::MAX));
}

#[test]
fn a_hundred_thousand_repeats_of_a_reference_are_reported_by_name() {
    let n = 100_000;
    let doc = edited(
        BASE,
        r#""activities":["a"]"#,
        &format!(r#""activities":[{}]"#, vec![r#""a""#; n].join(",")),
    );
    let errors = Framework::from_json(&doc).expect_err("repeats are rejected");
    check_errors(&errors);
    for e in &errors {
        assert_eq!(
            e.to_string(),
            "role `r` lists activity `a` more than once",
            "every problem names the role and the activity"
        );
    }
    // A million entries that each fail: each reported, where it stands.
    let n = 1_000_000;
    let empties = format!(
        r#"{{"format_version":1,"competencies":[{}]}}"#,
        vec!["{}"; n].join(",")
    );
    assert_eq!(
        json_error(FrameworkSpec::from_json(&empties)),
        (1, 38, "missing field `id`".to_owned())
    );
    let errors = Framework::from_json(&empties).expect_err("rejected");
    assert_eq!(errors.len(), n);
    for (i, e) in errors.iter().enumerate() {
        let Error::Json {
            line,
            column,
            path,
            message,
            ..
        } = e
        else {
            panic!("not a JSON error: {e}");
        };
        assert_eq!((*line, *column), (1, 38 + 3 * i));
        assert_eq!(*path, format!("competencies[{i}]"));
        assert_eq!(message, "missing field `id`");
    }
}

#[test]
fn duplicate_keys_are_rejected_at_every_level() {
    let cases = [
        (
            r#"{"format_version":1,"#,
            r#"{"format_version":1,"format_version":1,"#,
            36,
            "format_version",
        ),
        (
            r#""type":"domain","#,
            r#""type":"domain","type":"domain","#,
            79,
            "type",
        ),
        (
            r#""description":"d"}"#,
            r#""description":"d","level":1}"#,
            119,
            "level",
        ),
        (r#""name":"A","#, r#""name":"A","name":"A","#, 157, "name"),
        (
            r#"{"competency":"c","level":1}]}],"roles""#,
            r#"{"competency":"c","level":1,"level":1}]}],"roles""#,
            198,
            "level",
        ),
        (
            r#""activities":["a"],"#,
            r#""activities":["a"],"activities":["a"],"#,
            256,
            "activities",
        ),
        (
            r#""roles":["r"]}"#,
            r#""roles":["r"],"roles":["r"]}"#,
            360,
            "roles",
        ),
        (r#""hours":1,"#, r#""hours":1,"hours":1,"#, 404, "hours"),
        (
            r#"{"competency":"c","level":1}]}]}"#,
            r#"{"competency":"c","competency":"c","level":1}]}]}"#,
            439,
            "competency",
        ),
    ];
    for (from, to, column, key) in cases {
        let doc = edited(BASE, from, to);
        assert_framework_json(&doc, 1, column, &format!("duplicate field `{key}`"));
    }
    // Inside an officer, the message names the officer (and the passbook entry).
    let cases = [
        (
            r#""officers":["#,
            r#""officers":[],"officers":["#,
            44,
            "",
            "officers",
        ),
        (
            r#""department":"d","#,
            r#""department":"d","department":"d","#,
            71,
            "officer `o`: ",
            "department",
        ),
        (
            r#""source":"assessment","#,
            r#""source":"assessment","source":"assessment","#,
            144,
            "officer `o` passbook entry 0 (competency `c`): ",
            "source",
        ),
    ];
    for (from, to, column, context, key) in cases {
        let doc = edited(BASE_OFFICERS, from, to);
        assert_officers_json(
            &doc,
            1,
            column,
            &format!("{context}duplicate field `{key}`"),
        );
    }
}

#[test]
fn unknown_keys_are_rejected_at_every_level() {
    let cases = [
        (
            r#"{"format_version":1,"#,
            27,
            "one of `format_version`, `competencies`, `groups`, `activities`, `roles`, `positions`, `courses`",
        ),
        (
            r#""type":"domain","#,
            80,
            "one of `id`, `name`, `description`, `type`, `area`, `groups`, `levels`, `min_level`, `max_level`",
        ),
        (
            r#""description":"d""#,
            119,
            "one of `level`, `name`, `description`",
        ),
        (r#""name":"A","#, 158, "one of `id`, `name`, `requires`"),
        (
            r#"{"competency":"c","level":1"#,
            198,
            "one of `competency`, `level`, `status`",
        ),
        (
            r#""activities":["a"],"#,
            251,
            "one of `id`, `name`, `activities`, `requires`",
        ),
        (
            r#""roles":["r"]"#,
            360,
            "one of `id`, `name`, `department`, `roles`",
        ),
        (
            r#""hours":1,"#,
            404,
            "one of `id`, `name`, `hours`, `mode`, `provides`, `prerequisites`, `provider`, `language`",
        ),
    ];
    for (from, column, expected) in cases {
        let to = if from.ends_with(',') {
            format!("{from}\"extra\":1,")
        } else {
            format!("{from},\"extra\":1")
        };
        // Requirements come twice in BASE; the outcome's is the last `"level":1}]}]}`.
        let doc = edited(BASE, from, &to);
        assert_framework_json(
            &doc,
            1,
            column,
            &format!("unknown field `extra`, expected {expected}"),
        );
    }
    let outcome = edited(
        BASE,
        r#"{"competency":"c","level":1}]}]}"#,
        r#"{"competency":"c","level":1,"extra":1}]}]}"#,
    );
    assert_framework_json(
        &outcome,
        1,
        444,
        "unknown field `extra`, expected `competency` or `level`",
    );
    let cases = [
        (
            r#""officers":["#,
            r#""extra":1,"officers":["#,
            27,
            "`format_version` or `officers`",
        ),
        (
            r#""department":"d","#,
            r#""department":"d","extra":1,"#,
            66,
            "one of `id`, `name`, `department`, `position`, `target_position`, `passbook`",
        ),
        (
            r#""source":"assessment","#,
            r#""source":"assessment","extra":1,"#,
            143,
            "one of `competency`, `level`, `source`, `date`, `verified`, `course`",
        ),
    ];
    // Inside an officer, the message names the officer, and inside an entry the entry too.
    let contexts = [
        "",
        "officer `o`: ",
        "officer `o` passbook entry 0 (competency `c`): ",
    ];
    for ((from, to, column, expected), context) in cases.into_iter().zip(contexts) {
        let doc = edited(BASE_OFFICERS, from, to);
        assert_officers_json(
            &doc,
            1,
            column,
            &format!("{context}unknown field `extra`, expected {expected}"),
        );
    }
}

/// NUL is kept in names, which reports print escaped, and refused in ids and departments,
/// which would print like other ids.
#[test]
fn nul_is_kept_in_names_and_refused_in_ids() {
    let doc = BASE.replace(r#""name":"C""#, r#""name":"C\u0000""#);
    let fw = Framework::from_json(&doc).expect("NUL in a name is kept");
    assert_eq!(fw.competencies()[0].name, "C\u{0}");
    let json = fw.to_spec().to_json();
    assert!(json.contains(r#""C\u0000""#), "{json}");
    assert_eq!(
        FrameworkSpec::from_json(&json).expect("round trip"),
        fw.to_spec()
    );
    let requirements = fw.requirements("p").expect("known position");
    assert!(requirements[0].name.ends_with('\u{0}'));

    let doc = BASE
        .replace(r#""c""#, r#""c\u0000""#)
        .replace(r#""department":"d""#, r#""department":"\u0000""#);
    let errors = Framework::from_json(&doc)
        .expect_err("NUL in ids")
        .into_vec();
    assert_eq!(
        errors,
        [
            Error::HiddenCharacter {
                kind: EntityKind::Competency,
                id: "c\u{0}".into(),
                field: "id",
                value: "c\u{0}".into(),
            },
            Error::HiddenCharacter {
                kind: EntityKind::Position,
                id: "p".into(),
                field: "department",
                value: "\u{0}".into(),
            },
        ]
    );
    assert_eq!(
        errors[0].to_string(),
        r#"competency id "c\0" holds a control or invisible character"#
    );
    let officer = edited(BASE_OFFICERS, r#""id":"o""#, r#""id":"\u0000""#);
    let officers = OfficersSpec::from_json(&officer).expect("parses").officers;
    let fw = Framework::from_json(BASE).expect("valid");
    let errors = Cohort::new(&fw, &officers, &LevelPolicy::default())
        .expect_err("NUL as an officer id")
        .into_vec();
    assert_eq!(errors[0].code(), "hidden_character");
}

#[test]
fn lone_surrogates_are_rejected() {
    let id = r#"{"id":"c","name""#;
    let cases = [
        (
            r#"{"id":"\ud800","name""#,
            50,
            "unexpected end of hex escape",
        ),
        (
            r#"{"id":"x\ud800y","name""#,
            51,
            "unexpected end of hex escape",
        ),
        (
            r#"{"id":"\udc00","name""#,
            49,
            "lone leading surrogate in hex escape",
        ),
        (
            r#"{"id":"\ud800\u0041","name""#,
            55,
            "lone leading surrogate in hex escape",
        ),
    ];
    for (to, column, message) in cases {
        assert_framework_json(&edited(BASE, id, to), 1, column, message);
    }
    let key = edited(
        BASE,
        r#"{"format_version":1,"#,
        r#"{"format_version":1,"\ud800":1,"#,
    );
    assert_framework_json(&key, 1, 28, "unexpected end of hex escape");
    let dept = edited(BASE, r#""department":"d""#, r#""department":"\ud800""#);
    assert_framework_json(&dept, 1, 343, "unexpected end of hex escape");
    let date = edited(
        BASE_OFFICERS,
        r#""date":"2024-01-01""#,
        r#""date":"\udc00""#,
    );
    // Inside a passbook entry, named as every other problem there is.
    assert_officers_json(
        &date,
        1,
        150,
        "officer `o` passbook entry 0 (competency `c`): lone leading surrogate in hex escape",
    );
    // A proper pair is one character.
    let pair = edited(BASE, r#""name":"C""#, r#""name":"\ud83d\ude00""#);
    let fw = Framework::from_json(&pair).expect("a surrogate pair is valid");
    assert_eq!(fw.competencies()[0].name, "😀");
}

#[test]
fn levels_out_of_range_are_clear_errors() {
    let req = r#"{"competency":"c","level":1}]}],"roles""#;
    let level = |l: &str| {
        edited(
            BASE,
            req,
            &req.replace("\"level\":1", &format!("\"level\":{l}")),
        )
    };
    assert_framework_json(
        &level("300"),
        1,
        192,
        "invalid value: integer `300`, expected a level for `level`: 0 (none) or one of the competency's levels (at most 5), as a whole number or a string holding one (`\"3\"`, `\"Level 3\"`, `\"III\"`)",
    );
    assert_framework_json(
        &level("-1"),
        1,
        191,
        "invalid value: integer `-1`, expected a level for `level`: 0 (none) or one of the competency's levels (at most 5), as a whole number or a string holding one (`\"3\"`, `\"Level 3\"`, `\"III\"`)",
    );
    // A whole number written as a float is that number (the schema's `integer`), however
    // written; a fraction is not.
    let one = FrameworkSpec::from_json(&level("1")).expect("level 1");
    for whole in ["1.0", "1e0", "0.1e1", "1.000"] {
        assert_eq!(
            FrameworkSpec::from_json(&level(whole)),
            Ok(one.clone()),
            "{whole}"
        );
    }
    assert_framework_json(
        &level("1.5"),
        1,
        192,
        "invalid value: floating point `1.5`, expected a level for `level`: 0 (none) or one of the competency's levels (at most 5), as a whole number or a string holding one (`\"3\"`, `\"Level 3\"`, `\"III\"`)",
    );
    assert_framework_json(
        &level("300.0"),
        1,
        194,
        "invalid value: floating point `300.0`, expected a level for `level`: 0 (none) or one of the competency's levels (at most 5), as a whole number or a string holding one (`\"3\"`, `\"Level 3\"`, `\"III\"`)",
    );
    assert_invalid(
        &level("6"),
        "1 problem found:\n  - activity `a` names competency `c` at level 6: expected 1 to 1",
    );
    let descriptor = edited(
        BASE,
        r#"{"level":1,"description""#,
        r#"{"level":256,"description""#,
    );
    assert_framework_json(
        &descriptor,
        1,
        95,
        "invalid value: integer `256`, expected a level for `level`: 0 (none) or one of the competency's levels (at most 5), as a whole number or a string holding one (`\"3\"`, `\"Level 3\"`, `\"III\"`)",
    );
    let outcome = edited(
        BASE,
        r#"{"competency":"c","level":1}]}]}"#,
        r#"{"competency":"c","level":0}]}]}"#,
    );
    assert_invalid(
        &outcome,
        "1 problem found:\n  - course `k` names competency `c` at level 0: expected 1 to 1",
    );
}

#[test]
fn hours_out_of_range_are_clear_errors() {
    let hours = |h: &str| edited(BASE, r#""hours":1,"#, &format!(r#""hours":{h},"#));
    assert_framework_json(&hours("1e400"), 1, 400, "number out of range");
    assert_framework_json(&hours("-1e400"), 1, 401, "number out of range");
    assert_framework_json(&hours("NaN"), 1, 396, "expected value");
    assert_framework_json(
        &hours(r#""1""#),
        1,
        398,
        r#"invalid type: string "1", expected a number"#,
    );
    let course = "1 problem found:\n  - course `k` has";
    let tail = "hours: expected a number from 5e-13 to 10000 (hours are held in whole pico-hours, 1e-12 h, to the nearest with halves rounding up, so 5e-13 is the smallest above 0)";
    // 1e-400 is not 0, though a double holds it as 0: refused as written (framework/19).
    assert_framework_json(
        &hours("1e-400"),
        1,
        401,
        "number out of range: `1e-400` is not 0 and is nearer 0 than a double holds (about 5e-324): it would read as 0",
    );
    assert_invalid(&hours("-1"), &format!("{course} -1 {tail}"));
    assert_invalid(&hours("100000"), &format!("{course} 100000 {tail}"));
}

#[test]
fn format_versions_out_of_range_are_clear_errors() {
    let version = |v: &str| {
        edited(
            BASE,
            r#"{"format_version":1,"#,
            &format!(r#"{{"format_version":{v},"#),
        )
    };
    assert_framework_json(
        &version("18446744073709551616"),
        1,
        38,
        "invalid value: floating point `1.8446744073709552e+19`, expected a whole number from 0 to 4294967295 for `format_version`",
    );
    assert_framework_json(
        &version("-1"),
        1,
        20,
        "invalid value: integer `-1`, expected a whole number from 0 to 4294967295 for `format_version`",
    );
    assert_framework_json(
        &version("1.5"),
        1,
        21,
        "invalid value: floating point `1.5`, expected a whole number from 0 to 4294967295 for `format_version`",
    );
    let one = FrameworkSpec::from_json(&version("1")).expect("version 1");
    for whole in ["1.0", "1e0", "10e-1"] {
        assert_eq!(
            FrameworkSpec::from_json(&version(whole)),
            Ok(one.clone()),
            "{whole}"
        );
    }
    for (v, found) in [
        ("18446744073709551615", u64::MAX),
        ("4294967296", 1 << 32),
        ("0", 0),
        ("3.0", 3),
        ("4294967296.0", 1 << 32),
    ] {
        let expected = Error::UnsupportedFormatVersion { found, expected: 2 };
        assert_eq!(FrameworkSpec::from_json(&version(v)), Err(expected.clone()));
        check_error(&expected);
    }
}

#[test]
fn evidence_and_target_levels_out_of_range_are_clear_errors() {
    let evidence = |l: &str| edited(BASE_OFFICERS, r#""level":1"#, &format!(r#""level":{l}"#));
    assert_officers_json(
        &evidence("300"),
        1,
        115,
        "officer `o` passbook entry 0 (competency `c`): invalid value: integer `300`, expected \
         a level for `level`: 0 (none) or one of the competency's levels (at most 5), as a whole number or a string holding one (`\"3\"`, `\"Level 3\"`, `\"III\"`)",
    );
    assert_officers_json(
        &evidence("-1"),
        1,
        114,
        "officer `o` passbook entry 0 (competency `c`): invalid value: integer `-1`, expected \
         a level for `level`: 0 (none) or one of the competency's levels (at most 5), as a whole number or a string holding one (`\"3\"`, `\"Level 3\"`, `\"III\"`)",
    );
    assert_officers_json(
        &evidence("0.5"),
        1,
        115,
        "officer `o` passbook entry 0 (competency `c`): invalid value: floating point `0.5`, \
         expected a level for `level`: 0 (none) or one of the competency's levels (at most 5), as a whole number or a string holding one (`\"3\"`, `\"Level 3\"`, `\"III\"`)",
    );
    assert_eq!(
        OfficersSpec::from_json(&evidence("1.0")),
        OfficersSpec::from_json(&evidence("1"))
    );
    let officers = OfficersSpec::from_json(&evidence("6"))
        .expect("parses")
        .officers;
    let fw = Framework::from_json(BASE).expect("valid");
    let errors = Profile::new(&fw, &officers[0], &LevelPolicy::default()).expect_err("level 6");
    assert_eq!(
        errors.to_string(),
        "1 problem found:\n  - officer `o` passbook entry 0 (competency `c`): level 6: expected 0 to 1"
    );

    // `Level` itself is checked when read, so targets carry the crate's own message.
    let target = serde_json::from_str::<Target>(r#"{"competency":"c","current":0,"required":6}"#);
    assert_eq!(
        target.expect_err("level 6").to_string(),
        "level 6 is out of range: expected 0 to 5 at line 1 column 43"
    );
    for (text, message) in [
        (
            "300",
            "invalid value: integer `300`, expected a level for `level`: 0 (none) or one of the \
             competency's levels (at most 5), as a whole number or a string holding one \
             (`\"3\"`, `\"Level 3\"`, `\"III\"`) at line 1 column 3",
        ),
        (
            "-1",
            "invalid value: integer `-1`, expected a level for `level`: 0 (none) or one of the \
             competency's levels (at most 5), as a whole number or a string holding one \
             (`\"3\"`, `\"Level 3\"`, `\"III\"`) at line 1 column 2",
        ),
        (
            "5.5",
            "invalid value: floating point `5.5`, expected a level for `level`: 0 (none) or one of the \
             competency's levels (at most 5), as a whole number or a string holding one \
             (`\"3\"`, `\"Level 3\"`, `\"III\"`) at line 1 column 3",
        ),
        ("6.0", "level 6 is out of range: expected 0 to 5"),
    ] {
        let e = serde_json::from_str::<Level>(text).expect_err("out of range");
        assert_eq!(e.to_string(), message);
    }
    // A whole level written as a float is that level.
    assert_eq!(
        serde_json::from_str::<Level>("5.0").ok(),
        Level::new(5).ok()
    );
    assert_eq!(Level::new(255), Err(Error::LevelOutOfRange { value: 255 }));
}

#[test]
fn odd_top_levels_are_rejected_and_byte_order_marks_skipped() {
    // A byte-order mark is skipped (Windows editors write one); columns count after it.
    assert_eq!(
        FrameworkSpec::from_json(&format!("\u{feff}{BASE}")).expect("a bom"),
        FrameworkSpec::from_json(BASE).expect("the base")
    );
    assert_framework_json(&format!("\u{feff}{BASE} x"), 1, 443, "trailing characters");
    assert_framework_json("\u{feff}\u{feff}{}", 1, 1, "expected value");
    assert_framework_json("", 1, 0, "EOF while parsing a value");
    assert_framework_json(" \n ", 2, 1, "EOF while parsing a value");
    // An empty object holds none of a framework's fields: of no kind the crate reads.
    assert_eq!(
        FrameworkSpec::from_json("{}").map_err(|e| e.code()),
        Err("document_of_no_known_kind")
    );
    assert_framework_json(&format!("{BASE} x"), 1, 443, "trailing characters");
    assert_framework_json(&format!("{BASE}{BASE}"), 1, 442, "trailing characters");
    assert_framework_json(&format!("// note\n{BASE}"), 1, 1, "expected value");
    assert_framework_json("{'format_version':1}", 1, 2, "key must be a string");
    assert_framework_json(
        &edited(BASE, r#""name":"C""#, "\"name\":\"C\nD\""),
        1,
        55,
        r"control character (\u0000-\u001F) found while parsing a string",
    );
    // A document that is not an object is refused where it starts, saying what it is.
    for (doc, found) in [
        ("[]", "a list"),
        ("null", "null"),
        ("1", "a number"),
        ("\"x\"", "a string"),
        ("true", "a boolean"),
    ] {
        let (line, col, message) = json_error(FrameworkSpec::from_json(doc));
        assert_eq!((line, col), (1, 1), "{doc}");
        assert_eq!(
            message,
            format!("the document is {found}: expected an object with `format_version`")
        );
        check_result(&OfficersSpec::from_json(doc));
    }
    // Whitespace around a document and CRLF line ends are fine.
    Framework::from_json(&format!(" \r\n{BASE}\r\n ")).expect("padded document");
    Framework::from_json(&BASE.replace(',', ",\r\n")).expect("crlf document");
}

#[test]
fn invalid_utf8_cannot_reach_the_parser() {
    // Every entry point takes `&str`: bytes must become valid UTF-8 first, which is where
    // invalid sequences are refused, before any of this crate's code runs.
    let bytes = [BASE.as_bytes(), b"\xff"].concat();
    assert!(std::str::from_utf8(&bytes).is_err());
    let lossy = String::from_utf8_lossy(&bytes);
    assert_framework_json(&lossy, 1, 442, "trailing characters");
}

// ---------------------------------------------------------------------------------------
// Options, mismatched frameworks, empty inputs, the example
// ---------------------------------------------------------------------------------------

/// Asserts an option setter refused `value` as the option `name`, expecting `expected`.
#[track_caller]
fn assert_invalid_option<T: Debug>(
    result: Result<T, Error>,
    name: &str,
    value: f64,
    expected: &str,
) {
    match result {
        Err(error @ Error::InvalidOption { .. }) => {
            check_error(&error);
            let Error::InvalidOption {
                option,
                value: v,
                expected: e,
            } = error
            else {
                unreachable!()
            };
            assert_eq!((option, e), (name, expected));
            assert_eq!(v.to_bits(), value.to_bits());
        }
        other => panic!("expected invalid option `{name}`, got {other:?}"),
    }
}

/// Asserts a weight setter refused `value` for `id` of `kind`.
#[track_caller]
fn assert_invalid_id_weight<T: Debug>(
    result: Result<T, Error>,
    kind: EntityKind,
    id: &str,
    value: f64,
) {
    match result {
        Err(error @ Error::InvalidIdWeight { .. }) => {
            check_error(&error);
            // Plain ids in backticks, others in quotes with hidden characters escaped.
            let shown = if id.chars().all(char::is_alphanumeric) {
                format!("`{id}`")
            } else {
                format!("{id:?}")
            };
            assert!(
                error.to_string().contains(&format!("{kind} {shown}")),
                "{error}"
            );
            let Error::InvalidIdWeight {
                kind: k,
                id: i,
                value: v,
            } = error
            else {
                unreachable!()
            };
            assert_eq!((k, i.as_str()), (kind, id));
            assert_eq!(v.to_bits(), value.to_bits());
        }
        other => panic!("expected invalid weight of {kind} `{id}`, got {other:?}"),
    }
}

/// Asserts `Weights::new` refused `value` as the weight `name`.
#[track_caller]
fn assert_invalid_weight<T: Debug>(result: Result<T, Error>, name: &str, value: f64) {
    match result {
        Err(Error::InvalidWeight { name: n, value: v }) => {
            assert_eq!(n, name);
            assert_eq!(v.to_bits(), value.to_bits());
            check_error(&Error::InvalidWeight { name: n, value: v });
        }
        other => panic!("expected invalid weight `{name}`, got {other:?}"),
    }
}

#[test]
fn invalid_option_values_are_typed_errors() {
    let recommend = RecommendOptions::default;
    let acbp = AcbpOptions::default;
    let at_least_0 = "a finite number at least 0";
    for bad in [-1.0, -TINY, f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        assert_invalid_option(recommend().budget(bad), "budget", bad, at_least_0);
        assert_invalid_option(acbp().budget(bad), "budget", bad, at_least_0);
        assert_invalid_option(acbp().officer_cap(bad), "officer_cap", bad, at_least_0);
        let competency = EntityKind::Competency;
        assert_invalid_id_weight(
            recommend().competency_weight("c", bad),
            competency,
            "c",
            bad,
        );
        assert_invalid_id_weight(acbp().competency_weight("c", bad), competency, "c", bad);
        let position = EntityKind::Position;
        assert_invalid_id_weight(
            acbp().position_weight("p\u{0}", bad),
            position,
            "p\u{0}",
            bad,
        );
        assert_invalid_weight(Weights::new(1.0, bad, 1.0), "functional", bad);
        assert_invalid_weight(Weights::new(bad, bad, bad), "behavioural", bad);
        assert_invalid_weight(Weights::new(1.0, 1.0, bad), "domain", bad);
    }
    let held = "a finite number of at least 5e-13 (hours are held in whole pico-hours, 1e-12 h, to the nearest with halves rounding up, so 5e-13 is the smallest above 0)";
    for bad in [0.0, -0.0, -1.0, f64::NAN, f64::INFINITY] {
        assert_invalid_option(recommend().term_hours(bad), "term_hours", bad, held);
        let share = recommend().max_formal_share(bad);
        assert!(matches!(
            share,
            Err(Error::InvalidOption {
                option: "max_formal_share",
                ..
            })
        ));
        check_result(&share);
    }
    let share = recommend().max_formal_share(1.0 + f64::EPSILON);
    assert!(matches!(
        share,
        Err(Error::InvalidOption {
            option: "max_formal_share",
            ..
        })
    ));
    check_result(&share);
    // Zero and the extremes are accepted.
    recommend().budget(0.0).expect("a zero budget is valid");
    recommend()
        .budget(f64::MAX)
        .expect("a huge budget is valid");
    recommend()
        .term_hours(SMALLEST_HOURS)
        .expect("the smallest term held is valid");
    // Below it a term would be held as 0 hours.
    for bad in [TINY, 1e-13, SMALLEST_HOURS.next_down()] {
        assert_invalid_option(recommend().term_hours(bad), "term_hours", bad, held);
    }
    Weights::new(0.0, -0.0, Weights::MAX).expect("zero and the largest weights are valid");
    for huge in [Weights::MAX * 1.000_001, f64::MAX] {
        assert_eq!(
            Weights::new(1.0, huge, 1.0),
            Err(Error::InvalidWeight {
                name: "functional",
                value: huge
            })
        );
    }
    for bad in [
        "2024-02-30",
        "2023-02-29",
        "",
        "2024-01-01T00:00",
        "۲۰۲۴-۰۱-۰۱",
    ] {
        let result = LevelPolicy::default().not_before(bad);
        assert_eq!(
            result,
            Err(Error::InvalidPolicyDate {
                value: bad.to_owned()
            })
        );
        check_result(&result);
    }
    for value in [6, 7, 255] {
        let result = Level::new(value);
        assert_eq!(
            result,
            Err(Error::LevelOutOfRange {
                value: u32::from(value)
            })
        );
        check_result(&result);
    }
}

#[test]
fn analyses_refuse_profiles_and_cohorts_from_another_framework() {
    let fw = example();
    let other = Framework::new(fw.to_spec()).expect("same spec");
    let officers = example_officers();
    let policy = LevelPolicy::default();
    let profile = Profile::new(fw, &officers[0], &policy).expect("valid");
    let cohort = Cohort::new(fw, &officers, &policy).expect("valid");
    let theirs = Cohort::new(&other, &officers, &policy).expect("valid");
    let position = fw.positions()[0].id.as_str();
    let mismatch = |e: Error| {
        assert_eq!(e, Error::FrameworkMismatch);
        assert_eq!(
            e.to_string(),
            "the profile or cohort was built from a different framework"
        );
    };
    mismatch(
        other
            .gap(&profile, &GapOptions::default())
            .expect_err("mismatch"),
    );
    mismatch(
        other
            .gap_for(&profile, position, &GapOptions::default())
            .expect_err("mismatch"),
    );
    mismatch(
        other
            .recommend(&profile, position, &RecommendOptions::default())
            .map_err(crate::support::the_only)
            .expect_err("mismatch"),
    );
    mismatch(
        other
            .positions_for(&profile, &RankOptions::default())
            .expect_err("mismatch"),
    );
    mismatch(
        other
            .career_paths(&profile, &CareerOptions::default())
            .expect_err("mismatch"),
    );
    let step = other.career_step(
        &profile,
        position,
        &GapOptions::default(),
        &RecommendOptions::default(),
    );
    mismatch(
        step.map_err(crate::support::the_only)
            .expect_err("mismatch"),
    );
    mismatch(profile.level(&other, "integrity").expect_err("mismatch"));
    mismatch(profile.held(&other).expect_err("mismatch"));
    mismatch(profile.completed_courses(&other).expect_err("mismatch"));
    mismatch(profile.position(&other).expect_err("mismatch"));
    mismatch(profile.target_position(&other).expect_err("mismatch"));
    mismatch(
        other
            .training_needs(&cohort, &NeedsOptions::default())
            .expect_err("mismatch"),
    );
    let by_department = other.training_needs_by_department(&cohort, &NeedsOptions::default());
    mismatch(by_department.expect_err("mismatch"));
    mismatch(
        other
            .officers_for(&cohort, position, &RankOptions::default())
            .map_err(crate::support::the_only)
            .expect_err("mismatch"),
    );
    mismatch(
        other
            .successors(&cohort, position, &CareerOptions::default())
            .map_err(crate::support::the_only)
            .expect_err("mismatch"),
    );
    mismatch(
        other
            .department_plan(&cohort, &AcbpOptions::default())
            .map_err(crate::support::the_only)
            .expect_err("mismatch"),
    );
    mismatch(
        fw.compare(&cohort, &theirs, &CompareOptions::default())
            .expect_err("mismatch"),
    );
    mismatch(
        fw.compare(&theirs, &cohort, &CompareOptions::default())
            .expect_err("mismatch"),
    );
}

/// An unknown id's error names the nearest known id, found by an edit distance whose time
/// is the product of the two lengths: against a framework holding a 1 MB id, a 1 MB unknown
/// id took about an hour to report (100,000 characters took 32 s in a release build).
/// Ids longer than 256 characters are now matched only as written otherwise (case,
/// spaces, invisible characters), in time linear in their length.
#[test]
fn a_megabyte_unknown_id_is_reported_at_once_naming_only_a_same_written_id() {
    let id = "a".repeat(1 << 20);
    let json = format!(
        r#"{{"format_version":2,"competencies":[{{"id":"c","name":"n","type":"domain"}}],
        "roles":[{{"id":"r","name":"n"}}],
        "positions":[{{"id":"{id}","name":"n","department":"{id}","roles":["r"]}}]}}"#
    );
    let fw = Framework::from_json(&json).expect("long ids are valid");
    let officer = support::officer("o", &id, &id, Vec::new());
    let profile = Profile::new(&fw, &officer, &LevelPolicy::default()).expect("valid officer");
    let cohort = Cohort::new(&fw, [&officer], &LevelPolicy::default()).expect("valid cohort");
    let edited = format!("{}b", &id[1..]);
    let shouted = format!("A{}", &id[1..]);
    for (asked, nearest) in [(&edited, None), (&shouted, Some(&id))] {
        let error = fw
            .recommend(&profile, asked, &RecommendOptions::default())
            .map_err(crate::support::the_only)
            .expect_err("unknown position");
        let Error::UnknownId {
            kind: EntityKind::Position,
            nearest: found,
            ..
        } = &error
        else {
            panic!("expected an unknown position, got {}", error.code());
        };
        assert_eq!(found.as_ref(), nearest);
        check_error(&error);
        let error = fw
            .training_needs(&cohort, &NeedsOptions::default().department(asked.as_str()))
            .expect_err("unknown department");
        let Error::UnknownId {
            kind: EntityKind::Department,
            nearest: found,
            ..
        } = &error
        else {
            panic!("expected an unknown department, got {}", error.code());
        };
        assert_eq!(found.as_ref(), nearest);
    }
}

#[test]
fn an_empty_framework_and_an_empty_cohort_give_empty_results() {
    let fw = Framework::from_json(r#"{"format_version":1,"competencies":[]}"#).expect("valid");
    let cohort =
        Cohort::new(&fw, Vec::<OfficerSpec>::new(), &LevelPolicy::default()).expect("empty");
    assert!(cohort.is_empty());
    assert!(cohort.departments().is_empty());
    let needs = fw
        .training_needs(&cohort, &NeedsOptions::default().threads(64))
        .expect("same");
    assert_eq!((needs.officers, needs.pairs, needs.rows.len()), (0, 0, 0));
    shown(&needs);
    let parts = fw
        .training_needs_by_department(&cohort, &NeedsOptions::default())
        .expect("same");
    assert!(parts.is_empty());
    let plan = fw
        .department_plan(&cohort, &AcbpOptions::default().threads(2))
        .expect("same");
    assert_eq!((plan.officers, plan.gaps, plan.courses.len()), (0, 0, 0));
    shown(&plan);
    let eval = fw
        .compare(&cohort, &cohort, &CompareOptions::default())
        .expect("same");
    assert_eq!(eval.overall.officers, 0);
    shown(&eval);
    let idp = fw
        .recommend_targets(&[], &[], &RecommendOptions::default())
        .expect("nothing to do");
    assert_eq!(
        (idp.steps.len(), idp.total_hours.to_bits()),
        (0, 0.0f64.to_bits())
    );
    shown(&idp);
    expect_unknown(fw.requirements("p"), EntityKind::Position, "p");
    expect_unknown(fw.prerequisite_closure("k"), EntityKind::Course, "k");
    expect_unknown(
        fw.officers_for(&cohort, "p", &RankOptions::default())
            .map_err(crate::support::the_only),
        EntityKind::Position,
        "p",
    );
    expect_unknown(
        fw.successors(&cohort, "p", &CareerOptions::default())
            .map_err(crate::support::the_only),
        EntityKind::Position,
        "p",
    );
    let officer = support::officer("o", "d", "p", Vec::new());
    let errors = Profile::new(&fw, &officer, &LevelPolicy::default()).expect_err("no posts");
    assert_eq!(
        errors.to_string(),
        "1 problem found:\n  - officer `o` refers to unknown position `p`"
    );
}

#[test]
fn outputs_are_deterministic_on_the_example() {
    check_deterministic(&example().to_spec(), &example_officers());
    let from_text = FrameworkSpec::from_json(EXAMPLE_FRAMEWORK).expect("example parses");
    check_deterministic(&from_text, &example_officers());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES_CSV))]

    #[test]
    fn csv_text_reaches_both_loaders(
        edits in vec(raw_csv_edits(), 9),
        levels in (0u8..=6, 0u8..=6),
        flags in (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>()),
        threshold in select(&[1.0, 3.0, 5.0, 0.0, 5.5, f64::NAN, f64::INFINITY, 2.5][..]),
    ) {
        let esco: Vec<String> =
            ESCO_FILES.iter().zip(&edits).map(|(base, e)| edited_csv(base, e)).collect();
        let mut csv = EscoCsv::new(&esco[0], &esco[1], &esco[2]);
        if flags.0 {
            csv = csv.hierarchy(&esco[3], &esco[4]);
        }
        let options = EscoOptions::default()
            .essential_level(levels.0 % 6)
            .optional_level(levels.1)
            .include_optional(flags.1);
        check_loaded(load_esco(&csv, &options));

        let onet: Vec<String> =
            ONET_FILES.iter().zip(&edits[5..]).map(|(base, e)| edited_csv(base, e)).collect();
        let mut csv = OnetCsv::new(&onet[0], &onet[1], &onet[2]);
        if flags.2 {
            csv = csv.tasks(&onet[3]);
        }
        let options = OnetOptions::default()
            .importance_threshold(threshold)
            .include_suppressed(flags.3)
            .unrated_occupations(flags.1)
            .core_tasks_only(flags.0);
        check_loaded(load_onet(&csv, &options));
    }
}

// ---------------------------------------------------------------------------------------
// CASE, CSV and long prerequisite chains
// ---------------------------------------------------------------------------------------

#[test]
fn case_nesting_beyond_the_recursion_limit_is_an_error() {
    // Unknown CASE fields are kept as `serde_json::Value`, so this is where serde_json's
    // recursion limit of 128 applies.
    let nested = |depth: usize| {
        format!(
            "{{\"CFItems\":[],\"x\":{}1{}}}",
            "{\"a\":".repeat(depth),
            "}".repeat(depth)
        )
    };
    let options = CaseImportOptions::default();
    let errors = CaseImport::from_json(&nested(126), &options).expect_err("no document");
    assert_eq!(
        errors.as_slice(),
        [Error::CaseMissingDocument {
            documents: Vec::new()
        }]
    );
    check_errors(&errors);
    let too_deep = json_error(CasePackage::from_json(&nested(127)));
    assert_eq!(too_deep, (1, 649, "recursion limit exceeded".to_owned()));
    let depth = 10_000;
    let arrays = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let under_key = json_error(CasePackage::from_json(&format!("{{\"x\":{arrays}}}")));
    assert_eq!(under_key, (1, 132, "recursion limit exceeded".to_owned()));
    let objects = format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth));
    let (line, _, message) = json_error(CasePackage::from_json(&objects));
    assert_eq!(line, 1);
    assert!(message.starts_with("recursion limit exceeded"), "{message}");
    let errors = CaseImport::from_json(&arrays, &options).expect_err("not a package");
    assert_eq!(errors.len(), 1);
    check_errors(&errors);
}

#[test]
fn case_duplicate_fields_and_odd_values() {
    let options = CaseImportOptions::default();
    let json = |doc: &str| json_error(CasePackage::from_json(doc));
    assert_eq!(
        json(r#"{"CFDocument":{"identifier":"a","identifier":"b"}}"#),
        (1, 44, "duplicate field `identifier`".to_owned())
    );
    // A number beyond a double's range is kept aside, as written (see `case_numbers`).
    let huge =
        CasePackage::from_json(r#"{"CFAssociations":[{"sequenceNumber":1e400}]}"#).expect("read");
    assert_eq!(huge.associations[0].sequence_number, None);
    assert!(huge.to_json().contains("\"sequenceNumber\": 1e400"));
    // A value of another type in a field CASE defines is kept aside for the import to
    // report, not refused.
    let odd = CasePackage::from_json(r#"{"CFAssociations":[{"sequenceNumber":1.5}]}"#)
        .expect("an odd value is kept");
    assert_eq!(odd.associations[0].sequence_number, None);
    assert_eq!(odd.associations[0].extra["sequenceNumber"], 1.5);
    assert_eq!(
        json(r#"{"x":"\ud800"}"#),
        (1, 13, "unexpected end of hex escape".to_owned())
    );
    // A byte-order mark is skipped, as before framework and officers documents.
    let package =
        CasePackage::from_json("\u{feff}{\"CFItems\":[]}").expect("a bom before a package");
    assert_eq!(
        package,
        CasePackage::from_json(r#"{"CFItems":[]}"#).expect("an empty package")
    );
    for doc in [r#"{"CFItems":[],"x":1}"#, r#"{"CFItems":[]}"#] {
        let errors = CaseImport::from_json(doc, &options).expect_err("no document");
        assert_eq!(
            errors.to_string(),
            "1 problem found:\n  - case package has no CFDocument"
        );
    }
    // An object none of whose keys is CASE's says what it holds.
    let errors = CaseImport::from_json(r#"{"x":1}"#, &options).expect_err("not a package");
    assert!(
        errors.to_string().contains("its one key is `x`"),
        "{errors}"
    );
}

#[test]
fn case_export_names_what_is_wrong_with_the_document() {
    let fw = example();
    let export = |document: &CaseDocument| {
        CasePackage::from_framework(fw, document, &CaseExportOptions::default())
            .expect_err("invalid document")
    };
    let mut document = case_document();
    document.identifier = "0B3C9F4E-6A43-4C1E-9D0C-2F1A7E5B8C01".to_owned();
    document.last_change_date_time = "yesterday".to_owned();
    document.title = " ".to_owned();
    let errors = export(&document);
    check_errors(&errors);
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("`0B3C9F4E-6A43-4C1E-9D0C-2F1A7E5B8C01`")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("`yesterday`")),
        "{messages:?}"
    );
    assert!(messages.iter().any(|m| m.contains("title")), "{messages:?}");
    // The same framework and document give byte-identical packages.
    assert_eq!(case_json(fw), case_json(fw));
}

#[test]
fn csv_quirks_are_reported_by_file_and_line() {
    let [occupations, skills, links, ..] = ESCO_FILES;
    let load =
        |o: &str, s: &str, l: &str| load_esco(&EscoCsv::new(o, s, l), &EscoOptions::default());
    // Valid as given, with CRLF line ends, and behind a byte-order mark.
    let spec = load(occupations, skills, links).expect("valid files");
    Framework::new(spec.clone()).expect("a loaded spec builds");
    let crlf = |t: &str| t.replace('\n', "\r\n");
    let same = load(&crlf(occupations), &crlf(skills), &crlf(links)).expect("crlf");
    assert_eq!(same, spec);
    let bom = load(&format!("\u{feff}{occupations}"), skills, links).expect("bom");
    assert_eq!(bom, spec);
    let unclosed = format!("{occupations}9,u9,1,1.1,\"never closed\n");
    let errors = load(&unclosed, skills, links).expect_err("unclosed quote");
    check_errors(&errors);
    assert_eq!(
        errors.as_slice()[0].to_string(),
        "esco/occupations.csv line 4: a quoted field opened here is never closed"
    );
    let short = format!("{links}8,4\n");
    let errors = load(occupations, skills, &short).expect_err("short row");
    check_errors(&errors);
    assert_eq!(
        errors.as_slice()[0].to_string(),
        "esco/occupation_skills.csv line 6 has 2 fields: expected 3, as in the header"
    );
    let errors = load("", "", "").expect_err("no headers");
    check_errors(&errors);
    assert!(errors.iter().all(|e| e.to_string().starts_with("esco/")));
    for level in [0, 6, 255] {
        let options = EscoOptions::default().essential_level(level);
        let errors = load_esco(&EscoCsv::new(occupations, skills, links), &options);
        let errors = errors.expect_err("level out of range");
        check_errors(&errors);
    }
}

/// A framework whose courses form one prerequisite chain, the last building `c` to 5.
fn chain(n: usize) -> FrameworkSpec {
    let mut spec = FrameworkSpec::new();
    spec.competencies.push(CompetencySpec {
        id: "c".into(),
        name: "C".to_owned(),
        description: String::new(),
        kind: CompetencyType::Domain,
        area: None,
        levels: Vec::new(),
        groups: Vec::new(),
        max_level: None,
        min_level: None,
    });
    spec.roles.push(RoleSpec {
        id: "r".into(),
        name: "R".to_owned(),
        activities: Vec::new(),
        requires: vec![RequirementSpec::new("c", 5)],
    });
    spec.positions.push(PositionSpec {
        id: "p".into(),
        name: "P".to_owned(),
        department: "d".into(),
        roles: vec!["r".into()],
    });
    let id = |i: usize| CourseId::from(format!("k{i:06}"));
    spec.courses = (0..n)
        .map(|i| CourseSpec {
            id: id(i),
            name: "K".to_owned(),
            hours: 1.0,
            mode: Mode::Formal,
            provides: if i + 1 == n {
                vec![CourseOutcome {
                    competency: "c".into(),
                    level: Some(5),
                    level_name: None,
                }]
            } else {
                Vec::new()
            },
            prerequisites: if i == 0 { Vec::new() } else { vec![id(i - 1)] },
            provider: None,
            language: None,
        })
        .collect();
    spec
}

#[test]
fn a_hundred_thousand_course_chain_builds_and_closes() {
    let n = 100_000;
    let fw = Framework::new(chain(n)).expect("a long chain is valid");
    let closure = fw.prerequisite_closure("k099999").expect("known course");
    assert_eq!(closure.len(), n);
    assert_eq!(closure[0].as_str(), "k000000");
    let again = Framework::from_json(&fw.to_spec().to_json()).expect("round trip");
    assert_eq!(again.courses().len(), n);
    // Closing the chain into a cycle is one error listing every course in order.
    let mut cyclic = chain(n);
    cyclic.courses[0].prerequisites.push("k099999".into());
    let errors = Framework::new(cyclic).expect_err("a cycle");
    assert_eq!(errors.len(), 1);
    match &errors.as_slice()[0] {
        Error::PrerequisiteCycle { courses } => {
            assert_eq!(courses.len(), n);
            assert_eq!(courses[0].as_str(), "k000000");
            assert_eq!(courses[1].as_str(), "k099999");
        }
        other => panic!("expected a cycle, got {other}"),
    }
}

#[test]
fn every_analysis_plans_a_prerequisite_chain() {
    // Planning cost grows with the cube of the chain's length (see TESTING.md), so the
    // chain is short enough for debug builds.
    let n = 200;
    let fw = Framework::new(chain(n)).expect("valid");
    let officer = support::officer("o", "d", "p", Vec::new());
    let profile = Profile::new(&fw, &officer, &LevelPolicy::default()).expect("valid");
    for options in [
        RecommendOptions::default(),
        RecommendOptions::default().solver(Solver::Exact { node_limit: 1000 }),
        RecommendOptions::default().budget(1e9).expect("valid"),
        RecommendOptions::default().budget(10.0).expect("valid"),
        RecommendOptions::default().term_hours(7.0).expect("valid"),
    ] {
        let plan = fw
            .recommend(&profile, "p", &options)
            .expect("known position");
        assert!(
            plan.steps.len() == n || plan.steps.is_empty(),
            "{}",
            plan.steps.len()
        );
        shown(&plan);
    }
    let cohort = Cohort::new(&fw, [&officer], &LevelPolicy::default()).expect("valid");
    let plan = fw
        .department_plan(&cohort, &AcbpOptions::default())
        .expect("no unknown ids");
    assert_eq!(plan.enrolments[0].courses.len(), n);
    let stay = CareerOptions::default().exclude_current(false);
    let paths = fw.career_paths(&profile, &stay).expect("same framework");
    assert_eq!(paths[0].courses as usize, n);
    let next = fw.successors(&cohort, "p", &stay).expect("known position");
    assert_eq!(next[0].courses as usize, n);
}

#[test]
fn plain_values_display_as_words_or_numbers() {
    for l in 0..=5 {
        let level = Level::new(l).expect("in range");
        assert_eq!(shown(&level), l.to_string());
    }
    let kinds = [
        EntityKind::Competency,
        EntityKind::Activity,
        EntityKind::Role,
        EntityKind::Position,
        EntityKind::Course,
        EntityKind::Officer,
    ];
    for kind in kinds {
        assert!(
            shown(&kind).chars().all(|c| c.is_ascii_lowercase()),
            "{kind}"
        );
    }
    for kind in CompetencyType::ALL {
        assert_eq!(shown(&kind), kind.as_str());
    }
    let elements = [
        CaseElement::Package,
        CaseElement::Document,
        CaseElement::Item,
        CaseElement::Association,
        CaseElement::Rubric,
        CaseElement::Criterion,
        CaseElement::Level,
    ];
    for element in elements {
        assert!(shown(&element).starts_with("CF"), "{element}");
    }
    for id in ["c\u{0}", "😀", "\u{202e}rtl", "q\"\\"] {
        assert_eq!(CompetencyId::from(id).to_string(), id);
        assert_eq!(OfficerId::from(id).to_string(), id);
    }
}

/// `officers_for` with k = `usize::MAX` returns every officer instead of overflowing.
#[test]
fn officers_for_accepts_the_largest_k() {
    let fw = Framework::from_json(
        r#"{"format_version": 1,
            "competencies": [{"id": "c", "name": "C", "type": "domain"}],
            "roles": [{"id": "r", "name": "R", "requires": [{"competency": "c", "level": 2}]}],
            "positions": [{"id": "p", "name": "P", "department": "d", "roles": ["r"]}]}"#,
    )
    .expect("a valid framework");
    let officers: Vec<OfficerSpec> = (0..200)
        .map(|i| support::officer(&format!("o{i:03}"), "d", "p", Vec::new()))
        .collect();
    let cohort = Cohort::new(&fw, &officers, &LevelPolicy::default()).expect("valid officers");
    let options = RankOptions::default()
        .top(usize::MAX)
        .exclude_current(false);
    let fits = fw
        .officers_for(&cohort, "p", &options)
        .expect("a known position");
    assert_eq!(fits.len(), 200);
}

/// Planning through a long prerequisite chain completes (the closure search was cubic in the
/// chain's length; it is now quadratic overall, as every candidate holds its closure):
/// 1,500 courses, each requiring the previous, the last closing the gap.
#[test]
fn planning_through_a_long_prerequisite_chain() {
    let n = 1_500;
    let mut spec = FrameworkSpec::new();
    spec.competencies.push(CompetencySpec {
        id: "c".into(),
        name: "C".into(),
        description: String::new(),
        kind: CompetencyType::Domain,
        area: None,
        levels: vec![],
        groups: Vec::new(),
        min_level: None,
        max_level: None,
    });
    spec.roles.push(RoleSpec {
        id: "r".into(),
        name: "R".into(),
        activities: vec![],
        requires: vec![RequirementSpec::new("c", 5)],
    });
    spec.positions.push(PositionSpec {
        id: "p".into(),
        name: "P".into(),
        department: "d".into(),
        roles: vec!["r".into()],
    });
    for i in 0..n {
        spec.courses.push(CourseSpec {
            id: format!("k{i:06}").into(),
            name: "K".into(),
            hours: 1.0,
            mode: Mode::Formal,
            provides: if i == n - 1 {
                vec![CourseOutcome {
                    competency: "c".into(),
                    level: Some(5),
                    level_name: None,
                }]
            } else {
                vec![]
            },
            prerequisites: if i > 0 {
                vec![format!("k{:06}", i - 1).into()]
            } else {
                vec![]
            },
            provider: None,
            language: None,
        });
    }
    let fw = Framework::new(spec).expect("an acyclic chain");
    let officer = support::officer("o", "d", "p", Vec::new());
    let profile = Profile::new(&fw, &officer, &LevelPolicy::default()).expect("a valid officer");
    let plan = fw
        .recommend(&profile, "p", &RecommendOptions::default())
        .expect("a plan");
    assert_eq!(plan.steps.len(), n);
}

/// The largest weights give a finite readiness: the formula is scale-invariant.
#[test]
fn enormous_weights_give_a_finite_readiness() {
    let fw = Framework::from_json(
        r#"{"format_version": 1,
            "competencies": [{"id": "c", "name": "C", "type": "domain"},
                             {"id": "b", "name": "B", "type": "behavioural"}],
            "roles": [{"id": "r", "name": "R", "requires": [
              {"competency": "c", "level": 3}, {"competency": "b", "level": 1}]}],
            "positions": [{"id": "p", "name": "P", "department": "d", "roles": ["r"]}]}"#,
    )
    .expect("a valid framework");
    let officer: OfficerSpec = serde_json::from_str(
        r#"{"id": "o", "department": "d", "position": "p", "passbook": [
            {"competency": "c", "level": 2, "source": "assessment", "date": "2025-01-01"}]}"#,
    )
    .expect("an officer");
    let profile = Profile::new(&fw, &officer, &LevelPolicy::default()).expect("a valid officer");
    let weights = Weights::new(1.0, 1.0, Weights::MAX).expect("finite weights");
    let report = fw
        .gap(&profile, &GapOptions::default().weights(weights))
        .expect("a report");
    // Domain dominates: 2 of its 3 levels held; the behavioural weight vanishes beside it
    // (it moves the readiness by less than 1 part in 10⁹).
    assert!(
        (report.readiness - 2.0 / 3.0).abs() < 1e-9,
        "{}",
        report.readiness
    );
}

/// The largest weights every option accepts, all at once, give plans whose values, bounds
/// and gaps are finite numbers: a learning path within a budget and a department plan
/// within one, where a gap's value multiplies three weights and the plan sums them.
#[test]
fn the_largest_weights_give_finite_plans_and_certificates() {
    let fw = example();
    let officers = example_officers();
    let cohort = Cohort::new(fw, &officers, &LevelPolicy::default()).expect("a cohort");
    let max = Weights::MAX;
    let weights = Weights::new(max, max, max).expect("the largest weights");
    let mut acbp = AcbpOptions::default()
        .weights(weights)
        .budget(40.0)
        .expect("a budget");
    for c in fw.competencies() {
        acbp = acbp
            .competency_weight(c.id.as_str(), max)
            .expect("the largest weight");
    }
    for p in fw.positions() {
        acbp = acbp
            .position_weight(p.id.as_str(), max)
            .expect("the largest weight");
    }
    let plan = fw
        .department_plan(&cohort, &acbp)
        .expect("a department plan");
    for (what, value) in [
        ("value_total", plan.value_total),
        ("value_closed", plan.value_closed),
        ("bound", plan.bound),
        ("gap", plan.optimality.gap()),
    ] {
        assert!(value.is_finite(), "{what} is {value}");
    }
    assert!(plan.value_closed > 0.0 && plan.value_closed <= plan.bound);
    let mut options = RecommendOptions::default()
        .weights(weights)
        .budget(10.0)
        .expect("a budget");
    for c in fw.competencies() {
        options = options
            .competency_weight(c.id.as_str(), max)
            .expect("the largest weight");
    }
    for officer in &officers {
        let profile = Profile::new(fw, officer, &LevelPolicy::default()).expect("an officer");
        let plan = fw
            .recommend(&profile, officer.position.as_str(), &options)
            .expect("a plan");
        for (what, value) in [
            ("value_closed", plan.value_closed),
            ("bound", plan.bound),
            ("gap", plan.optimality.gap()),
        ] {
            assert!(value.is_finite(), "{}: {what} is {value}", officer.id);
        }
    }
}
