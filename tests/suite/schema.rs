//! The JSON Schema of the interchange format (`schema/karmayogi-v2.schema.json`, also
//! `karmayogi::JSON_SCHEMA`) checked against the serde types that read the documents.
//!
//! - Every example document validates.
//! - The schema's properties per object are exactly the fields serde reads: a document with
//!   every optional field filled validates and visits every property of the schema.
//! - A property is `required` in the schema exactly when serde fails without it.
//! - An object written as a list of its fields (in the order the crate writes them, the
//!   order serde's derived readers would take them in) is rejected by both.
//! - Unknown properties are rejected by both; every enum value is accepted by serde and an
//!   unknown one rejected by both.
//! - The schema text is pinned to the format version: changing it without bumping
//!   `FORMAT_VERSION` (and recording the new fingerprint here) fails.
//!
//! The validator below implements the part of JSON Schema the file uses (`$ref` into
//! `$defs`, `oneOf`, `type`, `properties`, `required`, `additionalProperties: false`,
//! `items`, `enum`, `const`, `minimum`, `maximum`, and patterns made of `[0-9]{n}` and
//! literal characters); anything else in the schema fails a test, so the validator cannot
//! silently skip a rule.

use std::collections::{BTreeMap, BTreeSet};

use karmayogi::{FORMAT_VERSION, FrameworkSpec, JSON_SCHEMA, OLDEST_FORMAT_VERSION, OfficersSpec};
use serde_json::{Map, Value, json};

/// FNV-1a fingerprints of the schema text, per format version. A version's entry changes only
/// while that version is unreleased (`CHANGELOG.md`, "Unreleased").
const PINNED: &[(u32, u64)] = &[(1, 0xbb90_4be4_d7da_eb0d), (2, 0xb596_cd55_44ba_e1da)];

fn schema() -> Value {
    serde_json::from_str(JSON_SCHEMA).expect("the schema is JSON")
}

fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Validation errors, and which `(definition, property)` pairs a document visited.
#[derive(Default)]
struct Report {
    errors: Vec<String>,
    visited: BTreeSet<(String, String)>,
    /// `(JSON pointer, definition)` of every object validated against a definition.
    objects: Vec<(String, String)>,
}

struct Validator {
    root: Value,
}

const KEYWORDS: &[&str] = &[
    "$schema",
    "$id",
    "$ref",
    "$defs",
    "title",
    "description",
    "default",
    "oneOf",
    "type",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "enum",
    "const",
    "minimum",
    "maximum",
    "pattern",
];

impl Validator {
    fn new() -> Validator {
        Validator { root: schema() }
    }

    fn validate(&self, doc: &Value) -> Report {
        let mut report = Report::default();
        self.check(&self.root, doc, "", None, &mut report);
        report
    }

    #[allow(clippy::too_many_lines)]
    fn check(&self, schema: &Value, value: &Value, at: &str, def: Option<&str>, r: &mut Report) {
        let Some(s) = schema.as_object() else {
            r.errors.push(format!("{at}: schema node is not an object"));
            return;
        };
        for key in s.keys() {
            assert!(
                KEYWORDS.contains(&key.as_str()),
                "unsupported schema keyword `{key}`"
            );
        }
        if let Some(reference) = s.get("$ref").and_then(Value::as_str) {
            let name = reference.strip_prefix("#/$defs/").expect("local $ref");
            let target = &self.root["$defs"][name];
            assert!(target.is_object(), "unknown $ref {reference}");
            self.check(target, value, at, Some(name), r);
            return;
        }
        if let Some(options) = s.get("oneOf").and_then(Value::as_array) {
            let passing: Vec<Report> = options
                .iter()
                .map(|o| {
                    let mut sub = Report::default();
                    self.check(o, value, at, def, &mut sub);
                    sub
                })
                .filter(|sub| sub.errors.is_empty())
                .collect();
            match passing.len() {
                1 => {
                    let sub = passing.into_iter().next().expect("one");
                    r.visited.extend(sub.visited);
                    r.objects.extend(sub.objects);
                }
                n => r
                    .errors
                    .push(format!("{at}: matches {n} of the oneOf alternatives")),
            }
            return;
        }
        if let Some(t) = s.get("type") {
            let types: Vec<&str> = match t {
                Value::String(one) => vec![one.as_str()],
                Value::Array(many) => many.iter().filter_map(Value::as_str).collect(),
                _ => panic!("bad type keyword"),
            };
            let ok = types.iter().any(|t| match *t {
                "object" => value.is_object(),
                "array" => value.is_array(),
                "string" => value.is_string(),
                "integer" => value.is_i64() || value.is_u64(),
                "number" => value.is_number(),
                "boolean" => value.is_boolean(),
                "null" => value.is_null(),
                other => panic!("unsupported type {other}"),
            });
            if !ok {
                r.errors
                    .push(format!("{at}: expected {types:?}, found {value}"));
                return;
            }
        }
        if let Some(allowed) = s.get("enum").and_then(Value::as_array)
            && !allowed.contains(value)
        {
            r.errors
                .push(format!("{at}: {value} is not one of {allowed:?}"));
        }
        if let Some(c) = s.get("const")
            && c != value
        {
            r.errors.push(format!("{at}: expected {c}, found {value}"));
        }
        if let (Some(min), Some(v)) = (s.get("minimum").and_then(Value::as_f64), value.as_f64())
            && v < min
        {
            r.errors.push(format!("{at}: {v} is below {min}"));
        }
        if let (Some(max), Some(v)) = (s.get("maximum").and_then(Value::as_f64), value.as_f64())
            && v > max
        {
            r.errors.push(format!("{at}: {v} is above {max}"));
        }
        if let (Some(p), Some(text)) = (s.get("pattern").and_then(Value::as_str), value.as_str())
            && !matches_pattern(p, text)
        {
            r.errors.push(format!("{at}: `{text}` does not match {p}"));
        }
        if let Some(items) = s.get("items")
            && let Some(array) = value.as_array()
        {
            for (i, item) in array.iter().enumerate() {
                self.check(items, item, &format!("{at}/{i}"), None, r);
            }
        }
        if let Some(object) = value.as_object()
            && s.contains_key("properties")
        {
            let properties = s["properties"].as_object().expect("properties object");
            if let Some(name) = def {
                r.objects.push((at.to_owned(), name.to_owned()));
            }
            for required in s
                .get("required")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let key = required.as_str().expect("required names are strings");
                assert!(
                    properties.contains_key(key),
                    "required `{key}` is not a property"
                );
                if !object.contains_key(key) {
                    r.errors.push(format!("{at}: missing required `{key}`"));
                }
            }
            assert_eq!(
                s.get("additionalProperties"),
                Some(&Value::Bool(false)),
                "objects are closed"
            );
            for (key, v) in object {
                match properties.get(key) {
                    Some(p) => {
                        if let Some(name) = def {
                            r.visited.insert((name.to_owned(), key.clone()));
                        }
                        self.check(p, v, &format!("{at}/{key}"), None, r);
                    }
                    None => r.errors.push(format!("{at}: unknown property `{key}`")),
                }
            }
        }
    }
}

/// Matches an anchored pattern made of literal characters and `[0-9]{n}`.
fn matches_pattern(pattern: &str, text: &str) -> bool {
    let body = pattern
        .strip_prefix('^')
        .and_then(|p| p.strip_suffix('$'))
        .expect("anchored pattern");
    let mut chars = text.chars();
    let mut rest = body;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("[0-9]{") {
            let close = after.find('}').expect("closing brace");
            let n: usize = after[..close].parse().expect("a count");
            for _ in 0..n {
                if !chars.next().is_some_and(|c| c.is_ascii_digit()) {
                    return false;
                }
            }
            rest = &after[close + 1..];
        } else {
            let c = rest.chars().next().expect("non-empty");
            assert!(
                c.is_alphanumeric() || c == '-',
                "unsupported pattern construct in {pattern}"
            );
            if chars.next() != Some(c) {
                return false;
            }
            rest = &rest[c.len_utf8()..];
        }
    }
    chars.next().is_none()
}

#[track_caller]
fn assert_valid(doc: &Value) -> Report {
    let report = Validator::new().validate(doc);
    assert!(
        report.errors.is_empty(),
        "schema errors: {:#?}",
        report.errors
    );
    report
}

/// A framework document with every optional field filled somewhere.
pub(crate) fn full_framework() -> Value {
    json!({
        "format_version": 1,
        "competencies": [
            {"id": "c1", "name": "Noting", "description": "Notes on files", "type": "functional",
             "area": "Office procedure",
             "levels": [{"level": 1, "name": "Basic", "description": "Simple notes"},
                        {"level": 2, "description": "Routine notes"},
                        {"level": 3, "description": "Complex notes"}]},
            {"id": "c2", "name": "Integrity", "type": "behavioural", "groups": ["g-values"]},
            {"id": "c3", "name": "Postal operations", "type": "domain", "min_level": 1,
             "max_level": 4, "levels": [{"level": 4, "description": "Runs a head office"}]}
        ],
        "groups": [
            {"id": "g-behavioural", "name": "Behavioural", "kind": "area"},
            {"id": "g-values", "name": "Values", "description": "Public service values",
             "kind": "theme", "parents": ["g-behavioural"],
             "rule": {"competency": "c1", "level": 2, "at_least": 1}}
        ],
        "activities": [
            {"id": "a1", "name": "Draft", "requires": [
                {"competency": "c1", "level": 2},
                {"competency": "c3", "level": 1, "status": "draft"}]}
        ],
        "roles": [
            {"id": "r1", "name": "Dealing hand", "activities": ["a1"],
             "requires": [{"competency": "c2", "level": 3, "status": "verified"}]}
        ],
        "positions": [{"id": "p1", "name": "Assistant", "department": "d", "roles": ["r1"]}],
        "courses": [
            {"id": "k1", "name": "Noting basics", "hours": 4.5, "mode": "formal",
             "provides": [{"competency": "c1", "level": 2}]},
            {"id": "k2", "name": "Shadowing", "hours": 20, "mode": "experiential",
             "provides": [{"competency": "c1", "level": 3}, {"competency": "c2"}],
             "prerequisites": ["k1"], "provider": "On the job", "language": "hi"}
        ]
    })
}

/// An officers document with every optional field filled somewhere.
pub(crate) fn full_officers() -> Value {
    json!({
        "format_version": 1,
        "officers": [
            {"id": "o1", "name": "Officer One", "department": "d", "position": "p1",
             "target_position": "p1",
             "passbook": [
                {"competency": "c1", "level": 2, "source": "course_completion", "date": "2025-03-31",
                 "course": "k1", "verified": true},
                {"competency": "c2", "level": 1, "source": "self_declared", "date": "2025-01-01",
                 "verified": false},
                {"competency": "c3", "level": 1, "source": "assessment", "date": "2024-12-31"},
                {"competency": "c2", "level": 2, "source": "feedback360", "date": "2024-06-30"}]},
            {"id": "o2", "department": "d", "position": "p1"}
        ]
    })
}

/// Parses a document with the serde type its kind names.
fn parses(doc: &Value) -> bool {
    let text = doc.to_string();
    if doc.get("officers").is_some() {
        OfficersSpec::from_json(&text).is_ok()
    } else {
        FrameworkSpec::from_json(&text).is_ok()
    }
}

fn object_at<'a>(doc: &'a mut Value, pointer: &str) -> &'a mut Map<String, Value> {
    doc.pointer_mut(pointer)
        .and_then(Value::as_object_mut)
        .unwrap_or_else(|| panic!("no object at {pointer}"))
}

fn defs() -> BTreeMap<String, Value> {
    schema()["$defs"]
        .as_object()
        .expect("$defs")
        .clone()
        .into_iter()
        .collect()
}

#[test]
fn example_documents_validate() {
    for (name, text) in [
        (
            "head_post_office.json",
            include_str!("../../examples/data/head_post_office.json"),
        ),
        (
            "head_post_office_officers.json",
            include_str!("../../examples/data/head_post_office_officers.json"),
        ),
    ] {
        let doc: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let report = Validator::new().validate(&doc);
        assert!(report.errors.is_empty(), "{name}: {:#?}", report.errors);
        assert!(parses(&doc), "{name} does not parse");
    }
}

#[test]
fn documents_written_by_the_crate_validate() {
    let spec = FrameworkSpec::from_json(&full_framework().to_string()).unwrap();
    assert_valid(&serde_json::from_str(&spec.to_json()).unwrap());
    let framework = karmayogi::Framework::new(spec).unwrap();
    assert_valid(&serde_json::from_str(&framework.to_spec().to_json()).unwrap());
    let officers = OfficersSpec::from_json(&full_officers().to_string()).unwrap();
    assert_valid(&serde_json::from_str(&officers.to_json()).unwrap());
}

#[test]
fn schema_properties_are_exactly_the_serde_fields() {
    let mut visited = BTreeSet::new();
    for doc in [full_framework(), full_officers()] {
        assert!(parses(&doc), "the full document parses");
        visited.extend(assert_valid(&doc).visited);
    }
    for (name, def) in defs() {
        for property in def["properties"].as_object().expect("properties").keys() {
            assert!(
                visited.contains(&(name.clone(), property.clone())),
                "schema property {name}.{property} is never written by the full documents: \
                 serde has no such field, or the documents miss it"
            );
        }
    }
}

#[test]
fn required_exactly_when_serde_needs_it() {
    for doc in [full_framework(), full_officers()] {
        let report = assert_valid(&doc);
        let defs = defs();
        for (pointer, def) in &report.objects {
            let required: BTreeSet<&str> = defs[def]["required"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            let keys: Vec<String> = doc
                .pointer(pointer)
                .and_then(Value::as_object)
                .unwrap()
                .keys()
                .cloned()
                .collect();
            for key in keys {
                let mut without = doc.clone();
                object_at(&mut without, pointer).remove(&key);
                assert_eq!(
                    parses(&without),
                    !required.contains(key.as_str()),
                    "{def}.{key} at {pointer}: the schema says required = {}, serde disagrees",
                    required.contains(key.as_str())
                );
                let schema_ok = Validator::new().validate(&without).errors.is_empty();
                assert_eq!(
                    schema_ok,
                    !required.contains(key.as_str()),
                    "{def}.{key}: the schema disagrees with itself"
                );
            }
        }
    }
}

#[test]
fn unknown_properties_are_rejected_by_both() {
    for doc in [full_framework(), full_officers()] {
        let report = assert_valid(&doc);
        for (pointer, def) in &report.objects {
            let mut with = doc.clone();
            object_at(&mut with, pointer).insert("surprise".into(), json!(1));
            assert!(
                !parses(&with),
                "serde accepts an unknown property in {def} at {pointer}"
            );
            assert!(
                !Validator::new().validate(&with).errors.is_empty(),
                "the schema accepts it in {def}"
            );
        }
    }
}

#[test]
fn enum_values_match_serde() {
    // (pointer to the value, the schema path of its enum)
    let cases: &[(&str, &str, &str)] = &[
        ("framework", "/competencies/0/type", "competency/type"),
        (
            "framework",
            "/activities/0/requires/1/status",
            "requirement/status",
        ),
        ("framework", "/courses/0/mode", "course/mode"),
        (
            "officers",
            "/officers/0/passbook/0/source",
            "evidence/source",
        ),
    ];
    let defs = defs();
    for &(kind, pointer, path) in cases {
        let (def, property) = path.split_once('/').unwrap();
        let values = defs[def]["properties"][property]["enum"]
            .as_array()
            .unwrap()
            .clone();
        let base = if kind == "framework" {
            full_framework()
        } else {
            full_officers()
        };
        for v in values
            .iter()
            .chain(std::iter::once(&json!("no-such-value")))
        {
            let mut doc = base.clone();
            *doc.pointer_mut(pointer).unwrap() = v.clone();
            let known = v != &json!("no-such-value");
            assert_eq!(parses(&doc), known, "serde on {path} = {v}");
            assert_eq!(
                Validator::new().validate(&doc).errors.is_empty(),
                known,
                "schema on {path} = {v}"
            );
        }
    }
}

#[test]
fn schema_is_pinned_to_the_format_version() {
    let root = schema();
    for def in ["framework", "officers"] {
        let versions: Vec<Value> = (OLDEST_FORMAT_VERSION..=FORMAT_VERSION)
            .map(|v| json!(v))
            .collect();
        assert_eq!(
            root["$defs"][def]["properties"]["format_version"]["enum"],
            json!(versions),
            "the schema's format_version is not every version the crate reads"
        );
    }
    let fingerprint = fnv1a(JSON_SCHEMA);
    let pinned = PINNED
        .iter()
        .find(|(v, _)| *v == FORMAT_VERSION)
        .map(|&(_, h)| h);
    assert_eq!(
        pinned,
        Some(fingerprint),
        "the schema for format version {FORMAT_VERSION} changed (fingerprint {fingerprint:#018x}): \
         a changed format needs a new FORMAT_VERSION and a new entry in PINNED"
    );
    assert_eq!(
        JSON_SCHEMA,
        include_str!("../../schema/karmayogi-v2.schema.json")
    );
    // Older versions' schemas stay in the repository, pinned alike.
    let v1 = include_str!("../../schema/karmayogi-v1.schema.json");
    assert_eq!(
        Some(fnv1a(v1)),
        PINNED.iter().find(|(v, _)| *v == 1).map(|&(_, h)| h)
    );
}

/// `value` with every `level` (and a competency's `min_level` and `max_level`) that is a
/// number written as a string holding it, in turn as digits, with a fraction of zeros and
/// as a label.
fn levels_as_strings(value: &mut Value, n: &mut usize) {
    match value {
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                if matches!(key.as_str(), "level" | "min_level" | "max_level")
                    && let Some(level) = v.as_u64()
                {
                    *n += 1;
                    *v = json!(match *n % 3 {
                        0 => format!("{level}"),
                        1 => format!(" {level}.0 "),
                        _ => format!("Level {level}"),
                    });
                } else {
                    levels_as_strings(v, n);
                }
            }
        }
        Value::Array(list) => list.iter_mut().for_each(|v| levels_as_strings(v, n)),
        _ => {}
    }
}

#[test]
fn levels_written_as_strings_are_what_the_schema_describes() {
    // Every `level` of both documents, written as the strings the readers read: the schema
    // accepts each, and the documents read as with numbers.
    let v = Validator::new();
    for (doc, framework) in [(full_framework(), true), (full_officers(), false)] {
        let mut strings = doc.clone();
        let mut n = 0;
        levels_as_strings(&mut strings, &mut n);
        assert!(n >= 3, "{n} levels");
        let report = v.validate(&strings);
        assert!(report.errors.is_empty(), "{:?}", report.errors);
        if framework {
            assert_eq!(
                FrameworkSpec::from_json(&strings.to_string()).expect("reads"),
                FrameworkSpec::from_json(&doc.to_string()).expect("reads")
            );
        } else {
            assert_eq!(
                OfficersSpec::from_json(&strings.to_string()).expect("reads"),
                OfficersSpec::from_json(&doc.to_string()).expect("reads")
            );
        }
    }
}

#[test]
fn validator_rejects_what_it_should() {
    let v = Validator::new();
    let mut doc = full_framework();
    doc["courses"][0]["hours"] = json!("four");
    assert!(!v.validate(&doc).errors.is_empty(), "a string for hours");
    let mut doc = full_officers();
    doc["officers"][0]["passbook"][0]["date"] = json!(20_250_331);
    assert!(!v.validate(&doc).errors.is_empty(), "a number for a date");
    let mut doc = full_framework();
    doc["format_version"] = json!(FORMAT_VERSION + 1);
    assert!(
        !v.validate(&doc).errors.is_empty(),
        "another format version"
    );
    assert!(
        !v.validate(&json!({"format_version": 1})).errors.is_empty(),
        "neither document kind"
    );
    assert!(matches_pattern(
        "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
        "2025-03-31"
    ));
    assert!(!matches_pattern(
        "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
        "2025-03-311"
    ));
}

#[test]
fn passbook_levels_written_as_strings_validate_as_serde_reads_them() {
    let with_level = |level: Value| {
        let mut doc = full_officers();
        doc["officers"][0]["passbook"][0]["level"] = level;
        doc
    };
    // Every form the reader takes is a document the schema accepts.
    for level in [
        "3",
        " 3 ",
        "3.0",
        "3,0",
        "L3",
        "Level 3",
        "lvl-3",
        "LEVEL_2",
        "0",
        "3 (Advanced)",
        "Advanced (3)",
        "Level 3 - Advanced",
    ] {
        let doc = with_level(json!(level));
        assert!(parses(&doc), "{level:?} is read");
        assert_valid(&doc);
    }
    // Types the reader refuses, the schema refuses.
    for level in [
        json!(true),
        json!([3]),
        json!({"level": 3}),
        json!(-1),
        json!(256),
    ] {
        let doc = with_level(level.clone());
        assert!(!parses(&doc), "{level} is refused by serde");
        assert!(
            !Validator::new().validate(&doc).errors.is_empty(),
            "{level} is refused by the schema"
        );
    }
    // A fraction is refused, as the description says; a whole number above 5 in text is
    // read as the number, which a framework's check refuses naming the competency's
    // levels, as it does the number.
    // A name beside a number, or alone, is kept and read where the passbook meets a
    // framework, by the competency's own names (scales/23, scales/28).
    assert!(!parses(&with_level(json!("3.5"))), "3.5 is refused");
    for level in ["6", "Level 6", "Level 3 - Proficient", "Proficient"] {
        let doc = with_level(json!(level));
        assert!(parses(&doc), "{level:?} is read");
        assert_valid(&doc);
    }
    let description = schema()["$defs"]["evidence"]["properties"]["level"]["description"]
        .as_str()
        .expect("a description")
        .to_owned();
    for said in [
        "\"Level 3\"",
        "\"3.0\"",
        "\"3 (Advanced)\"",
        "name alone (\"Proficient\"",
        "the name kept and checked where the passbook meets a framework",
        "the competency's own name of that level",
        "unresolved_level_name",
    ] {
        assert!(description.contains(said), "{description}");
    }
}

#[test]
fn default_documents_are_at_the_current_format_version() {
    assert_eq!(FrameworkSpec::default(), FrameworkSpec::new());
    assert_eq!(FrameworkSpec::default().format_version, FORMAT_VERSION);
    assert_eq!(OfficersSpec::default(), OfficersSpec::new());
    assert_eq!(OfficersSpec::default().format_version, FORMAT_VERSION);
    // Both read back, and a spec filled in from the default is one `Framework::new` takes.
    FrameworkSpec::from_json(&FrameworkSpec::default().to_json()).unwrap();
    OfficersSpec::from_json(&OfficersSpec::default().to_json()).unwrap();
    let spec = FrameworkSpec {
        competencies: FrameworkSpec::from_json(
            r#"{"format_version": 2, "competencies": [{"id": "rti", "name": "RTI", "type": "domain"}]}"#,
        )
        .unwrap()
        .competencies,
        ..Default::default()
    };
    karmayogi::Framework::new(spec).unwrap();
}

/// A JSON value with each object's members in the order of the text (`Value` sorts them).
enum Ordered {
    Object(Vec<(String, Ordered)>),
    List(Vec<Ordered>),
    Plain(Value),
}

impl<'de> serde::Deserialize<'de> for Ordered {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Ordered, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Ordered;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_bool<E>(self, v: bool) -> Result<Ordered, E> {
                Ok(Ordered::Plain(v.into()))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Ordered, E> {
                Ok(Ordered::Plain(v.into()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Ordered, E> {
                Ok(Ordered::Plain(v.into()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Ordered, E> {
                Ok(Ordered::Plain(v.into()))
            }
            fn visit_str<E>(self, v: &str) -> Result<Ordered, E> {
                Ok(Ordered::Plain(v.into()))
            }
            fn visit_unit<E>(self) -> Result<Ordered, E> {
                Ok(Ordered::Plain(Value::Null))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut s: A,
            ) -> Result<Ordered, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = s.next_element()? {
                    items.push(item);
                }
                Ok(Ordered::List(items))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut m: A,
            ) -> Result<Ordered, A::Error> {
                let mut members = Vec::new();
                while let Some(member) = m.next_entry()? {
                    members.push(member);
                }
                Ok(Ordered::Object(members))
            }
        }
        d.deserialize_any(Visit)
    }
}

impl Ordered {
    fn to_value(&self) -> Value {
        match self {
            Ordered::Object(members) => Value::Object(
                members
                    .iter()
                    .map(|(k, v)| (k.clone(), v.to_value()))
                    .collect(),
            ),
            Ordered::List(items) => Value::Array(items.iter().map(Ordered::to_value).collect()),
            Ordered::Plain(value) => value.clone(),
        }
    }

    /// The value at a JSON pointer made of member names and indexes.
    fn at(&self, pointer: &str) -> &Ordered {
        pointer
            .split('/')
            .skip(1)
            .fold(self, |value, step| match value {
                Ordered::Object(members) => {
                    &members.iter().find(|(k, _)| k == step).expect("member").1
                }
                Ordered::List(items) => &items[step.parse::<usize>().expect("index")],
                Ordered::Plain(_) => panic!("no value at {pointer}"),
            })
    }
}

#[test]
fn objects_written_as_lists_of_their_fields_are_rejected_by_both() {
    // serde's derived readers take a struct from a list of its fields in declaration
    // order, the order the crate writes them in; the schema types each as an object.
    let written = [
        FrameworkSpec::from_json(&full_framework().to_string())
            .expect("full framework")
            .to_json(),
        OfficersSpec::from_json(&full_officers().to_string())
            .expect("full officers")
            .to_json(),
    ];
    for text in written {
        let doc: Value = serde_json::from_str(&text).expect("written JSON");
        let ordered: Ordered = serde_json::from_str(&text).expect("written JSON");
        let report = assert_valid(&doc);
        assert!(report.objects.len() > 5, "{:?}", report.objects);
        for (pointer, def) in &report.objects {
            let Ordered::Object(members) = ordered.at(pointer) else {
                panic!("{def} at {pointer} is no object");
            };
            let mut with = doc.clone();
            *with.pointer_mut(pointer).expect("pointer") =
                Value::Array(members.iter().map(|(_, v)| v.to_value()).collect());
            assert!(
                !parses(&with),
                "serde reads {def} at {pointer} from a list of its fields"
            );
            assert!(
                !Validator::new().validate(&with).errors.is_empty(),
                "the schema accepts a list in place of {def}"
            );
        }
    }
}
