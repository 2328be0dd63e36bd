//! `null` for an optional field is the field absent, in every document the crate reads:
//! servers and JSON libraries (a Java or C# serializer, a database export) write `null`
//! for an unset field, whether the field is a string, a list, a flag or a choice with a
//! default. Each optional field of the framework and officers documents is set to `null`
//! in turn, and the document must read as the one without the field; the v2 schema must
//! say the same. Required fields stay required: `null` there is an error naming the field.

use karmayogi::{Cohort, Error, Framework, FrameworkSpec, LevelPolicy, OfficersSpec};
use serde_json::{Value, json};

/// A framework with every optional field present (non-null).
fn framework_doc() -> Value {
    json!({
        "format_version": 2,
        "competencies": [
            {"id": "rti", "name": "Right to Information", "type": "domain",
             "description": "The Act", "area": "Law", "groups": ["g"],
             "levels": [{"level": 1, "name": "Basic", "description": "Knows it"}],
             "min_level": 1, "max_level": 5},
            {"id": "lead", "name": "Leadership", "type": "behavioural"}
        ],
        "groups": [{"id": "g", "name": "Group", "description": "A group", "kind": "theme",
                    "parents": [], "rule": {"competency": "lead", "level": 1, "at_least": 1}}],
        "activities": [{"id": "a", "name": "Act", "requires": [{"competency": "rti", "level": 1,
                        "status": "verified"}]}],
        "roles": [{"id": "r", "name": "Role", "activities": ["a"],
                   "requires": [{"competency": "rti", "level": 2}]}],
        "positions": [{"id": "p", "name": "Post", "department": "d", "roles": ["r"]}],
        "courses": [{"id": "k", "name": "Course", "hours": 4, "mode": "social",
                     "provides": [{"competency": "rti", "level": 2}], "prerequisites": [],
                     "provider": "iGOT", "language": "en"}]
    })
}

/// Every `(path to an object, optional field)` of the framework document.
const FRAMEWORK_OPTIONAL: &[(&str, &str)] = &[
    ("", "groups"),
    ("", "activities"),
    ("", "roles"),
    ("", "positions"),
    ("", "courses"),
    ("/competencies/0", "description"),
    ("/competencies/0", "area"),
    ("/competencies/0", "groups"),
    ("/competencies/0", "levels"),
    ("/competencies/0", "min_level"),
    ("/competencies/0", "max_level"),
    ("/competencies/0/levels/0", "name"),
    ("/competencies/0/levels/0", "description"),
    ("/groups/0", "description"),
    ("/groups/0", "kind"),
    ("/groups/0", "parents"),
    ("/groups/0", "rule"),
    ("/groups/0/rule", "at_least"),
    ("/activities/0", "requires"),
    ("/activities/0/requires/0", "status"),
    ("/roles/0", "activities"),
    ("/roles/0", "requires"),
    ("/courses/0", "mode"),
    ("/courses/0", "prerequisites"),
    ("/courses/0", "provider"),
    ("/courses/0", "language"),
    ("/courses/0/provides/0", "level"),
];

/// `doc` with `field` of the object at `path` set to `null`, and without it.
fn nulled_and_absent(doc: &Value, path: &str, field: &str) -> (Value, Value) {
    let mut nulled = doc.clone();
    let mut absent = doc.clone();
    nulled.pointer_mut(path).unwrap()[field] = Value::Null;
    absent
        .pointer_mut(path)
        .unwrap()
        .as_object_mut()
        .unwrap()
        .remove(field);
    (nulled, absent)
}

#[test]
fn null_for_an_optional_framework_field_is_the_field_absent() {
    let doc = framework_doc();
    FrameworkSpec::from_json(&doc.to_string()).expect("the full document reads");
    for &(path, field) in FRAMEWORK_OPTIONAL {
        let (nulled, absent) = nulled_and_absent(&doc, path, field);
        let read = FrameworkSpec::from_json(&nulled.to_string());
        let expected = FrameworkSpec::from_json(&absent.to_string()).expect("absent reads");
        assert_eq!(
            read.as_ref().ok(),
            Some(&expected),
            "{path}/{field}: {read:?}"
        );
    }
}

#[test]
fn null_for_a_required_framework_field_is_an_error_naming_it() {
    let doc = framework_doc();
    for (path, field) in [
        ("", "competencies"),
        ("/competencies/0", "name"),
        ("/positions/0", "roles"),
        ("/courses/0", "hours"),
        ("/courses/0", "provides"),
        ("/positions/0", "department"),
        ("/positions/0", "name"),
        ("/competencies/0/levels/0", "level"),
        ("/courses/0/provides/0", "competency"),
    ] {
        let (nulled, _) = nulled_and_absent(&doc, path, field);
        let error =
            FrameworkSpec::from_json(&nulled.to_string()).expect_err("null for a required field");
        let text = error.to_string();
        assert!(text.contains("null"), "{path}/{field}: {text}");
        // The error names the field as data: its path, and the entity holding it.
        let Error::Json { path: at, id, .. } = &error else {
            panic!("{error:?}")
        };
        assert_eq!(*at, dotted(path, field), "{text}");
        let entity = path.split('/').take(3).collect::<Vec<_>>().join("/");
        let expected = doc
            .pointer(&entity)
            .and_then(|e| e.get("id"))
            .and_then(Value::as_str);
        assert_eq!(id.as_deref(), expected, "{text}");
        assert!(text.contains(&format!("`{at}`")), "{text}");
    }
}

/// A JSON pointer and a field as the path an error gives: `/competencies/0/levels/0` and
/// `level` are `competencies[0].levels[0].level`.
fn dotted(pointer: &str, field: &str) -> String {
    let mut out = String::new();
    for part in pointer.split('/').skip(1).chain([field]) {
        if part.bytes().all(|b| b.is_ascii_digit()) {
            out.push('[');
            out.push_str(part);
            out.push(']');
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(part);
        }
    }
    out
}

fn officers_doc() -> Value {
    json!({
        "format_version": 2,
        "officers": [{"id": "o1", "name": "Meena", "department": "d", "position": "p",
                      "target_position": "p",
                      "passbook": [{"competency": "rti", "level": 2, "source": "course_completion",
                                    "date": "2025-01-15", "verified": false, "course": "k"}]}]
    })
}

const OFFICER_OPTIONAL: &[(&str, &str)] = &[
    ("/officers/0", "name"),
    ("/officers/0", "target_position"),
    ("/officers/0", "passbook"),
    ("/officers/0/passbook/0", "date"),
    ("/officers/0/passbook/0", "verified"),
    ("/officers/0/passbook/0", "course"),
];

#[test]
fn null_for_an_optional_officer_field_is_the_field_absent_on_every_path() {
    let fw = Framework::from_json(&framework_doc().to_string()).expect("valid");
    let policy = LevelPolicy::default();
    let doc = officers_doc();
    for &(path, field) in OFFICER_OPTIONAL {
        let (nulled, absent) = nulled_and_absent(&doc, path, field);
        let expected = OfficersSpec::from_json(&absent.to_string()).expect("absent reads");
        let read = OfficersSpec::from_json(&nulled.to_string());
        assert_eq!(
            read.as_ref().ok(),
            Some(&expected),
            "{path}/{field}: {read:?}"
        );
        // The one-pass reader into a cohort agrees with the two-step path.
        let streamed = Cohort::from_json(&fw, &nulled.to_string(), &policy);
        let built = Cohort::new(&fw, &expected.officers, &policy);
        assert_eq!(
            streamed.as_ref().map(Cohort::len).ok(),
            built.as_ref().map(Cohort::len).ok(),
            "{path}/{field}"
        );
    }
    // An absent (or null) verified flag is `true`, as documented.
    let (nulled, _) = nulled_and_absent(&doc, "/officers/0/passbook/0", "verified");
    let read = OfficersSpec::from_json(&nulled.to_string()).unwrap();
    assert!(read.officers[0].passbook[0].verified);
}

/// The v2 schema allows `null` exactly for the optional fields above.
#[test]
fn the_schema_allows_null_exactly_for_the_optional_fields() {
    let schema: Value = serde_json::from_str(karmayogi::JSON_SCHEMA).unwrap();
    let defs = &schema["$defs"];
    let allows_null = |property: &Value| {
        let types = match &property["type"] {
            Value::String(t) => vec![t.as_str()],
            Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        types.contains(&"null")
            || property["enum"]
                .as_array()
                .is_some_and(|e| e.contains(&Value::Null))
            || property["oneOf"]
                .as_array()
                .is_some_and(|o| o.iter().any(|a| a["type"] == "null"))
    };
    let def_of = |path: &str| match path {
        "" => "framework",
        "/competencies/0" => "competency",
        "/competencies/0/levels/0" => "level_descriptor",
        "/groups/0" => "group",
        "/groups/0/rule" => "group_rule",
        "/activities/0" => "activity",
        "/activities/0/requires/0" => "requirement",
        "/roles/0" => "role",
        "/courses/0" => "course",
        "/courses/0/provides/0" => "course_outcome",
        "/officers/0" => "officer",
        "/officers/0/passbook/0" => "evidence",
        other => panic!("{other}"),
    };
    let optional: Vec<(&str, &str)> = FRAMEWORK_OPTIONAL
        .iter()
        .chain(OFFICER_OPTIONAL)
        .map(|&(path, field)| (def_of(path), field))
        .collect();
    for (def, body) in defs.as_object().unwrap() {
        for (field, property) in body["properties"].as_object().into_iter().flatten() {
            let expected = optional.contains(&(def.as_str(), field.as_str()));
            assert_eq!(allows_null(property), expected, "{def}.{field}");
        }
    }
}
