//! What the interchange documents' errors say when a value has the wrong type: every
//! field of a framework and of an officers document, and each document as a whole, is
//! replaced by each JSON type in turn, and every message that results must speak of the
//! document (a whole number from 0 to 255, a role object, a list) and never of the Rust
//! type that reads it (`u8`, `struct RoleSpec`), which a document's author cannot know.

use std::collections::BTreeSet;

use karmayogi::{
    Cohort, CompetencyType, Error, Framework, FrameworkSpec, GroupKind, LevelPolicy, Mode,
    OfficersSpec,
};
use serde_json::{Value, json};

use crate::schema::{full_framework, full_officers};

/// Rust and serde names a message must not hold, and serde's bare `expected value` (what
/// it says of a number where a name such as `"type": "domain"` belongs).
const RUST_NAMES: [&str; 20] = [
    "variant",
    "sequence",
    "map",
    "expected value",
    "u8",
    "u16",
    "u32",
    "u64",
    "usize",
    "i8",
    "i16",
    "i32",
    "i64",
    "f32",
    "f64",
    "struct ",
    "enum ",
    "Spec",
    "Probe",
    "Descriptor",
];

/// The message of parsing `doc` with the type its kind names, if it fails.
fn message(doc: &Value, officers: bool) -> Option<String> {
    let text = doc.to_string();
    let result = if officers {
        OfficersSpec::from_json(&text).map(drop)
    } else {
        FrameworkSpec::from_json(&text).map(drop)
    };
    result.err().map(|e| e.to_string())
}

/// Every JSON pointer in `value`, the root included.
fn pointers(value: &Value, at: &str, out: &mut Vec<String>) {
    out.push(at.to_owned());
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                pointers(v, &format!("{at}/{k}"), out);
            }
        }
        Value::Array(list) => {
            for (i, v) in list.iter().enumerate() {
                pointers(v, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

#[track_caller]
fn assert_plain(message: &str, context: &str) {
    for name in RUST_NAMES {
        let holds = message.match_indices(name).any(|(i, _)| {
            // A whole word: `u8` but not `menu8`; `struct ` and `enum ` as they are.
            let before = message[..i].chars().next_back();
            let after = message[i + name.len()..].chars().next();
            name.ends_with(' ')
                || (!before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric))
        });
        assert!(!holds, "{context}: `{message}` names the Rust `{name}`");
    }
}

#[test]
fn no_message_names_a_rust_type() {
    let replacements = [
        json!(1),
        json!(-1),
        json!(300),
        json!(1.5),
        json!(1.0),
        json!("x"),
        json!(true),
        json!([]),
        json!([1]),
        json!({}),
        json!({"a": 1}),
    ];
    let mut failures = 0;
    for (doc, officers) in [(full_framework(), false), (full_officers(), true)] {
        let mut all = Vec::new();
        pointers(&doc, "", &mut all);
        for pointer in all {
            for replacement in &replacements {
                let mut changed = doc.clone();
                if pointer.is_empty() {
                    changed = replacement.clone();
                } else {
                    *changed.pointer_mut(&pointer).unwrap() = replacement.clone();
                }
                if let Some(m) = message(&changed, officers) {
                    failures += 1;
                    assert_plain(&m, &format!("{pointer} = {replacement}"));
                }
            }
        }
    }
    assert!(failures > 500, "only {failures} documents failed");
}

#[test]
fn wrong_types_are_named_as_json_holds_them() {
    let cases = [
        (
            "/courses/0/hours",
            json!("4"),
            "invalid type: string \"4\", expected a number",
        ),
        (
            "/competencies/0/levels/0/level",
            json!(300),
            "invalid value: integer `300`, expected a level for `level`: 0 (none) or one of the competency's levels (at most 5), as a whole number or a string holding one (`\"3\"`, `\"Level 3\"`, `\"III\"`)",
        ),
        (
            "/roles/0",
            json!(1),
            "invalid type: integer `1`, expected a role object",
        ),
        (
            "/competencies/0/levels/0",
            json!(3),
            "invalid type: integer `3`, expected a level descriptor object",
        ),
        // A list is no object: refused as a list, not read as an activity's fields.
        (
            "/activities/0",
            json!([]),
            "invalid type: a list, expected an activity object",
        ),
        (
            "/roles/0/requires/0",
            json!(["c", 3]),
            "invalid type: a list, expected a requirement object",
        ),
        // A number, `null` or an object where a name belongs: serde said `expected value`.
        (
            "/competencies/0/type",
            json!(1),
            "invalid type: integer `1`, expected a competency type: one of `behavioural`, \
             `functional`, `domain`",
        ),
        (
            "/competencies/0/type",
            json!({"domain": null}),
            "invalid type: an object, expected a competency type: one of `behavioural`, \
             `functional`, `domain`",
        ),
        (
            "/courses/0/mode",
            json!(2),
            "invalid type: integer `2`, expected a delivery mode: one of `formal`, `social`, \
             `experiential`",
        ),
        (
            "/competencies/0/type",
            json!("Domain"),
            "unknown competency type `Domain`, expected one of `behavioural`, `functional`, \
             `domain`: did you mean `domain`?",
        ),
        (
            "/roles",
            json!({"r": 1}),
            "invalid type: an object, expected a list",
        ),
    ];
    for (pointer, value, expected) in cases {
        let mut doc = full_framework();
        *doc.pointer_mut(pointer).unwrap() = value;
        let error = FrameworkSpec::from_json(&doc.to_string()).unwrap_err();
        let Error::Json { message, path, .. } = &error else {
            panic!("{pointer}: {error:?}");
        };
        assert_eq!(message, expected, "{pointer}");
        // At the value's own path: `/activities/0` is `activities[0]`.
        let mut want = String::new();
        for step in pointer.split('/').skip(1) {
            if step.bytes().all(|b| b.is_ascii_digit()) {
                want.push('[');
                want.push_str(step);
                want.push(']');
            } else {
                if !want.is_empty() {
                    want.push('.');
                }
                want.push_str(step);
            }
        }
        assert_eq!(*path, want, "{pointer}");
    }
}

#[test]
fn a_document_that_is_no_object_says_what_it_is() {
    for (text, found, column) in [
        ("[{\"format_version\": 2}]", "a list", 1),
        ("[1]", "a list", 1),
        ("  \"framework\"", "a string", 3),
        ("\n 2", "a number", 2),
        ("true", "a boolean", 1),
    ] {
        let error = FrameworkSpec::from_json(text).unwrap_err();
        assert_eq!(
            error,
            Error::Json {
                line: if text.starts_with('\n') { 2 } else { 1 },
                column,
                path: String::new(),
                id: None,
                message: format!(
                    "the document is {found}: expected an object with `format_version`"
                ),
            },
            "{text}"
        );
        assert!(OfficersSpec::from_json(text).is_err());
    }
}

/// The names of the properties the v2 schema reads as integers: `"type": "integer"` (alone
/// or with `null`) or an `enum` of integers. JSON Schema 2020-12 counts `2.0` as the
/// integer 2 in both.
fn integer_fields() -> BTreeSet<String> {
    fn walk(value: &Value, out: &mut BTreeSet<String>) {
        match value {
            Value::Object(map) => {
                for (name, property) in map
                    .get("properties")
                    .and_then(Value::as_object)
                    .into_iter()
                    .flatten()
                {
                    let types = match property.get("type") {
                        Some(Value::Array(list)) => list.clone(),
                        Some(one) => vec![one.clone()],
                        None => Vec::new(),
                    };
                    let integer_enum = property
                        .get("enum")
                        .and_then(Value::as_array)
                        .is_some_and(|list| list.iter().all(Value::is_u64));
                    if types.contains(&json!("integer")) || integer_enum {
                        out.insert(name.clone());
                    }
                }
                map.values().for_each(|v| walk(v, out));
            }
            Value::Array(list) => list.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let schema: Value =
        serde_json::from_str(include_str!("../../schema/karmayogi-v2.schema.json")).unwrap();
    let mut out = BTreeSet::new();
    walk(&schema, &mut out);
    out
}

/// Every integer field of both documents, wherever it stands: written `N.0` it reads as
/// `N` (the same spec, and the same cohort through the one-pass reader); written `N.5` it
/// is refused by every reader with a message naming the field.
#[test]
fn integer_fields_read_whole_floats_and_refuse_fractions_by_name() {
    let fields = integer_fields();
    assert!(fields.len() >= 5, "{fields:?}");
    let framework = Framework::from_json(&full_framework().to_string()).expect("valid");
    let policy = LevelPolicy::default();
    let mut seen = BTreeSet::new();
    for (doc, officers) in [(full_framework(), false), (full_officers(), true)] {
        let original = doc.to_string();
        let mut all = Vec::new();
        pointers(&doc, "", &mut all);
        for pointer in all {
            let name = pointer.rsplit('/').next().unwrap_or_default();
            let Some(n) = doc.pointer(&pointer).and_then(Value::as_u64) else {
                continue;
            };
            if !fields.contains(name) {
                continue;
            }
            seen.insert(name.to_owned());
            let with = |value: Value| {
                let mut changed = doc.clone();
                *changed.pointer_mut(&pointer).unwrap() = value;
                changed.to_string()
            };
            #[allow(clippy::cast_precision_loss)]
            let (whole, half) = (with(json!(n as f64)), with(json!(n as f64 + 0.5)));
            assert!(whole.contains(&format!("{n}.0")), "{whole}");
            let named = format!("for `{name}`");
            if officers {
                assert_eq!(
                    OfficersSpec::from_json(&whole),
                    OfficersSpec::from_json(&original),
                    "{pointer}"
                );
                let read = Cohort::from_json(&framework, &whole, &policy).expect("whole");
                let expected = Cohort::from_json(&framework, &original, &policy).expect("valid");
                assert_eq!(format!("{read:?}"), format!("{expected:?}"), "{pointer}");
                let error = Cohort::from_json(&framework, &half, &policy).unwrap_err();
                let message = error.as_slice()[0].to_string();
                assert!(message.contains(&named), "{pointer}: {message}");
            } else {
                assert_eq!(
                    FrameworkSpec::from_json(&whole),
                    FrameworkSpec::from_json(&original),
                    "{pointer}"
                );
                assert!(Framework::from_json(&whole).is_ok(), "{pointer}");
            }
            let message = message(&serde_json::from_str(&half).unwrap(), officers)
                .unwrap_or_else(|| panic!("{pointer} = {n}.5 was read"));
            assert!(
                message.contains(&format!("floating point `{n}.5`")) && message.contains(&named),
                "{pointer}: {message}"
            );
        }
    }
    assert_eq!(
        seen, fields,
        "integer fields the full documents do not hold"
    );
}

/// The message serde gives reading `json` as a `T`.
fn name_message<T: serde::de::DeserializeOwned + std::fmt::Debug>(json: &str) -> String {
    serde_json::from_str::<T>(json).unwrap_err().to_string()
}

/// A name of a fixed set given as another JSON type or an unknown name: the message names
/// the field's meaning and every name, with the near miss meant.
#[test]
fn other_types_and_unknown_names_are_named_with_every_name() {
    assert_eq!(
        name_message::<CompetencyType>("1"),
        "invalid type: integer `1`, expected a competency type: one of `behavioural`, \
         `functional`, `domain` at line 1 column 1"
    );
    assert_eq!(
        name_message::<CompetencyType>("null"),
        "invalid type: null, expected a competency type: one of `behavioural`, \
         `functional`, `domain` at line 1 column 4"
    );
    assert_eq!(
        name_message::<Mode>("\"online\""),
        "unknown delivery mode `online`, expected one of `formal`, `social`, \
         `experiential` at line 1 column 8"
    );
    assert_eq!(
        name_message::<GroupKind>("\"Sub-Theme\""),
        "unknown group kind `Sub-Theme`, expected one of `area`, `theme`, `sub_theme`, \
         `free`: did you mean `sub_theme`? at line 1 column 11"
    );
    assert_eq!(
        serde_json::from_str::<CompetencyType>("\"domain\"").unwrap(),
        CompetencyType::Domain
    );
}
