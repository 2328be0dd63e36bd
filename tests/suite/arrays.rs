//! Objects written as lists of their fields (`tests/data/cases/framework/18-…`,
//! `tests/data/cases/officers/24-…`): serde's derived readers would take `["o1", "dopt",
//! "dopt", "us"]` for an officer field by field; the schema types each as an object, so
//! every reader of every document refuses each such list at its path, all at once, and
//! reads the objects beside them.

use karmayogi::{
    Cohort, CompetencySpec, Error, Evidence, Framework, FrameworkSpec, LevelPolicy, OfficerSpec,
    OfficersSpec, PositionSpec, Target,
};

const FRAMEWORK: &str = include_str!("../data/cases/framework/18-arrays-in-place-of-objects.json");
const OFFICERS: &str = include_str!("../data/cases/officers/24-arrays-in-place-of-objects.json");

/// The path and message of each error, which must all be JSON errors.
#[track_caller]
fn placed<'e>(errors: impl IntoIterator<Item = &'e Error>) -> Vec<(&'e str, &'e str)> {
    errors
        .into_iter()
        .map(|e| match e {
            Error::Json { path, message, .. } => (path.as_str(), message.as_str()),
            other => panic!("not a JSON error: {other:?}"),
        })
        .collect()
}

/// "invalid type: a list, expected a(n) `what` object".
fn list_for(what: &str) -> String {
    let article = if what.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("invalid type: a list, expected {article} {what} object")
}

#[test]
fn arrays_in_place_of_framework_objects_are_each_refused_at_their_path() {
    let errors = Framework::from_json(FRAMEWORK).expect_err("lists in place of objects");
    let want = [
        ("competencies[0]", "competency"),
        ("competencies[1].levels[0]", "level descriptor"),
        ("groups[0].rule", "group rule"),
        ("groups[1]", "group"),
        ("activities[0].requires[0]", "requirement"),
        ("roles[0]", "role"),
        ("roles[1].requires[0]", "requirement"),
        ("positions[0]", "position"),
        ("courses[0]", "course"),
        ("courses[1].provides[0]", "course outcome"),
    ];
    let got = placed(errors.iter());
    assert_eq!(got.len(), want.len(), "{got:#?}");
    for ((path, message), (want_path, what)) in got.iter().zip(want) {
        assert_eq!(*path, want_path);
        assert_eq!(*message, list_for(what), "at {path}");
    }
    // The one-error reader gives the first.
    let first = FrameworkSpec::from_json(FRAMEWORK).expect_err("the first list");
    assert_eq!(placed([&first]), [got[0]]);
}

#[test]
fn arrays_in_place_of_officers_and_entries_are_refused_by_every_reader() {
    let framework = Framework::from_json(
        r#"{"format_version": 2,
            "competencies": [{"id": "rti", "name": "Right to Information", "type": "domain"}],
            "roles": [{"id": "cpio", "name": "CPIO", "requires": [{"competency": "rti", "level": 3}]}],
            "positions": [{"id": "us", "name": "Under Secretary", "department": "dopt",
                           "roles": ["cpio"]}]}"#,
    )
    .expect("framework");
    let want = [
        (
            "officers[0]",
            format!("an officer without a string id: {}", list_for("officer")),
        ),
        (
            "officers[1].passbook[0]",
            format!(
                "officer `o2` passbook entry 0 (competency none): {}",
                list_for("evidence")
            ),
        ),
    ];
    let want: Vec<(&str, &str)> = want.iter().map(|(p, m)| (*p, m.as_str())).collect();
    let policy = LevelPolicy::default();
    let all = OfficersSpec::from_json_all(OFFICERS).expect_err("all");
    assert_eq!(placed(all.iter()), want);
    let one = Cohort::from_json(&framework, OFFICERS, &policy).expect_err("one thread");
    assert_eq!(placed(one.iter()), want);
    let two = Cohort::from_json_with_threads(&framework, OFFICERS, &policy, 2).expect_err("two");
    assert_eq!(placed(two.iter()), want);
    let first = OfficersSpec::from_json(OFFICERS).expect_err("first");
    assert_eq!(placed([&first]), want[..1]);
    // With the lists taken out, the objects beside them read.
    let mended = OFFICERS
        .replace(r#"["o1", "dopt", "dopt", "us"],"#, "")
        .replace(r#"["rti", 2, "assessment"], "#, "");
    let cohort = Cohort::from_json(&framework, &mended, &policy).expect("the objects read");
    assert_eq!(cohort.len(), 2);
}

#[test]
fn arrays_in_place_of_objects_are_refused_when_serde_reads_the_types_directly() {
    // As a caller (or the JavaScript package) reads one officer, a list of targets or of
    // positions: each type whose JSON is an object refuses a list of its fields.
    let refused = |e: serde_json::Error| e.to_string();
    let officer = serde_json::from_str::<OfficerSpec>(r#"["o1", "dopt", "dopt", "us"]"#);
    assert!(
        refused(officer.unwrap_err())
            .starts_with("invalid type: sequence, expected struct OfficerSpec")
    );
    let targets = serde_json::from_str::<Vec<Target>>(r#"[["rti", 1, 3]]"#);
    assert!(
        refused(targets.unwrap_err()).starts_with("invalid type: sequence, expected struct Target")
    );
    let positions = serde_json::from_str::<Vec<PositionSpec>>(r#"[["us", "US", "dopt", []]]"#);
    assert!(
        refused(positions.unwrap_err())
            .starts_with("invalid type: sequence, expected struct PositionSpec")
    );
    let competency =
        serde_json::from_str::<CompetencySpec>(r#"["rti", "Right to Information", "", "domain"]"#);
    assert!(competency.is_err());
    let entry = serde_json::from_str::<Evidence>(r#"["rti", 2, "assessment"]"#);
    assert!(
        refused(entry.unwrap_err()).starts_with("invalid type: sequence, expected struct Evidence")
    );
    // The same values as objects read.
    let target: Vec<Target> =
        serde_json::from_str(r#"[{"competency": "rti", "current": 1, "required": 3}]"#)
            .expect("an object reads");
    assert_eq!(target[0].required.get(), 3);
}

/// The byte of `text` at a 1-based line and column, as `Error::Json` gives them.
#[track_caller]
fn byte_at(text: &str, line: usize, column: usize) -> u8 {
    assert!(line >= 1 && column >= 1, "no position: {line}:{column}");
    let start: usize = text.split('\n').take(line - 1).map(|l| l.len() + 1).sum();
    text.as_bytes()[start + column - 1]
}

/// Line, column, path, id and message of a JSON error.
#[track_caller]
fn json_fields(e: &Error) -> (usize, usize, &str, Option<&str>, &str) {
    match e {
        Error::Json {
            line,
            column,
            path,
            id,
            message,
        } => (*line, *column, path, id.as_deref(), message),
        other => panic!("not a JSON error: {other:?}"),
    }
}

const ONE_POSITION: &str = r#"{"format_version": 2,
    "competencies": [{"id": "rti", "name": "Right to Information", "type": "domain"}],
    "roles": [{"id": "cpio", "name": "CPIO", "requires": [{"competency": "rti", "level": 3}]}],
    "positions": [{"id": "us", "name": "Under Secretary", "department": "dopt",
                   "roles": ["cpio"]}]}"#;

/// Every reader of an officers document gives `text` exactly these errors: the
/// one-error reader the first.
#[track_caller]
fn officers_readers_agree(text: &str) -> Vec<Error> {
    let framework = Framework::from_json(ONE_POSITION).expect("framework");
    let policy = LevelPolicy::default();
    let all = OfficersSpec::from_json_all(text)
        .expect_err("all")
        .into_iter()
        .collect::<Vec<_>>();
    let one = Cohort::from_json(&framework, text, &policy).expect_err("one thread");
    assert_eq!(one.as_slice(), all.as_slice());
    let two = Cohort::from_json_with_threads(&framework, text, &policy, 2).expect_err("two");
    assert_eq!(two.as_slice(), all.as_slice());
    let first = OfficersSpec::from_json(text).expect_err("first");
    assert_eq!(first, all[0]);
    all
}

#[test]
fn every_kind_of_value_in_place_of_an_object_is_placed_on_it() {
    // `serde_json` refuses a list or object where an object (or a string) belongs on
    // seeing its `[` or `{`, and reports the byte before it: after a comma that byte
    // read as the element before, and at the start of a line it was column 0. A number,
    // string or boolean is read whole and reported at its last byte.
    let officer = r#"{"id": "o1", "department": "dopt", "position": "us"}"#;
    let entry = r#"{"competency": "rti", "level": 2, "source": "assessment"}"#;
    for (value, first) in [
        (r#"["o9", "dopt", "dopt", "us"]"#, b'['),
        ("[]", b'['),
        (r#"{"id": "zz"}"#, b'{'),
        (r#""o9""#, b'"'),
        ("7", b'7'),
        ("true", b'e'),
    ] {
        for gap in [",", ", ", ",\n"] {
            // An officer after another, and a passbook entry after another.
            let object_expected = !value.starts_with('{');
            let doc = format!(
                r#"{{"format_version": 2, "officers": [{officer}{gap}{value}, {{"id": "o2",
                "department": "dopt", "position": "us", "passbook": [{entry}{gap}{value}]}}]}}"#
            );
            let errors = officers_readers_agree(&doc);
            let mut want = Vec::new();
            if object_expected {
                want.push(("officers[1]", None, "an officer without a string id: "));
            } else {
                // An object where an officer or entry belongs is one, of the wrong fields.
                want.push(("officers[1]", Some("zz"), "officer `zz`: missing field"));
            }
            if object_expected {
                want.push((
                    "officers[2].passbook[1]",
                    Some("o2"),
                    "officer `o2` passbook entry 1 (competency none): ",
                ));
            } else {
                want.push((
                    "officers[2].passbook[1].id",
                    Some("zz"),
                    "officer `o2` passbook",
                ));
                want.push((
                    "officers[2].passbook[1]",
                    Some("zz"),
                    "officer `o2` passbook",
                ));
            }
            let got: Vec<_> = errors.iter().map(json_fields).collect();
            assert_eq!(got.len(), want.len(), "{value} after {gap:?}: {got:#?}");
            for ((line, column, path, id, message), (want_path, want_id, start)) in
                got.into_iter().zip(want)
            {
                assert_eq!((path, id), (want_path, want_id), "{value} after {gap:?}");
                assert!(message.starts_with(start), "{message}");
                if object_expected {
                    assert!(message.contains("invalid type: "), "{message}");
                    assert_eq!(byte_at(&doc, line, column), first, "{value} after {gap:?}");
                }
            }
        }
    }
    // The same in a framework, one-error and every-error readers alike, and for a list
    // where a string belongs (a role of a position).
    for (value, first) in [("[1, 2]", b'['), (r#"{"id": "zz"}"#, b'{'), ("5", b'5')] {
        let doc = format!(
            r#"{{"format_version": 2, "competencies": [
                {{"id": "c1", "name": "C", "type": "domain",
                  "levels": [{{"level": 1, "description": "d"}},{value}]}},{value}],
              "positions": [{{"id": "p", "name": "P", "department": "d",
                              "roles": ["r",{value}]}}]}}"#
        );
        let all = Framework::from_json(&doc).expect_err("refused");
        let first_error = FrameworkSpec::from_json(&doc).expect_err("refused");
        assert_eq!(first_error, all.as_slice()[0]);
        let got: Vec<_> = all.iter().map(json_fields).collect();
        let paths: Vec<_> = got.iter().map(|g| (g.2, g.3)).collect();
        if value.starts_with('{') {
            // An object where a level descriptor or competency belongs is one.
            assert!(
                paths.contains(&("positions[0].roles[1]", Some("p"))),
                "{paths:?}"
            );
        } else {
            assert_eq!(
                paths,
                [
                    ("competencies[0].levels[1]", Some("c1")),
                    ("competencies[1]", None),
                    ("positions[0].roles[1]", Some("p")),
                ],
                "{value}"
            );
        }
        for (line, column, path, _, message) in got {
            if message.starts_with("invalid type: ") {
                assert_eq!(byte_at(&doc, line, column), first, "{path}: {message}");
            }
        }
    }
}

#[test]
fn lists_and_objects_where_a_level_date_or_flag_belongs_are_placed_on_that_field() {
    // These fields take values of several types, so their readers see a list or object
    // only once it is open: it is read to its end and refused there, at the field's
    // path, not at its first element's, and an `id` inside it is not the entity's.
    for (field, value) in [
        ("level", "[1]"),
        ("level", "[[1], 2]"),
        ("level", r#"{"id": "zz"}"#),
        ("date", r#"["2024-03-15"]"#),
        ("date", r#"{"id": "zz"}"#),
        ("verified", "[true]"),
        ("verified", r#"{"id": "zz"}"#),
    ] {
        let (level, other) = if field == "level" {
            (value, String::new())
        } else {
            ("2", format!(r#", "{field}": {value}"#))
        };
        let entry =
            format!(r#"{{"competency": "rti", "source": "assessment", "level": {level}{other}}}"#);
        let doc = format!(
            r#"{{"format_version": 2, "officers": [{{"id": "o1", "department": "dopt",
                "position": "us", "passbook": [{entry}]}}]}}"#
        );
        let errors = officers_readers_agree(&doc);
        assert_eq!(errors.len(), 1, "{field}: {value}: {errors:?}");
        let (line, column, path, id, message) = json_fields(&errors[0]);
        assert_eq!(path, format!("officers[0].passbook[0].{field}"), "{value}");
        assert_eq!(id, Some("o1"), "{field}: {value}");
        assert!(
            message.starts_with("officer `o1` passbook entry 0 (competency `rti`): invalid type: "),
            "{message}"
        );
        let last = value.as_bytes()[value.len() - 1];
        assert_eq!(byte_at(&doc, line, column), last, "{field}: {value}");
    }
}

const DEEP: &str = include_str!("../data/cases/officers/25-deep-nesting.json");

#[test]
fn values_nested_past_the_parsers_depth_name_their_officer_once() {
    // Values 130 lists deep, past the 128 levels `serde_json` reads into a tree: the
    // officer is named by its id, as the error's place names it, never as "an officer
    // without a string id" beside `id d`; on one thread and two alike.
    let errors = officers_readers_agree(DEEP);
    let got: Vec<_> = errors
        .iter()
        .map(|e| {
            let (_, _, path, id, message) = json_fields(e);
            (
                path,
                id,
                message.split(": ").take(2).collect::<Vec<_>>().join(": "),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("officers[1].x", Some("d"), "officer `d`: unknown field `x`, expected one of `id`, `name`, `department`, `position`, `target_position`, `passbook`".to_owned()),
            ("officers[2].name", Some("e"), "officer `e`: invalid type".to_owned()),
            (
                "officers[3].passbook[0].level",
                Some("f"),
                "officer `f` passbook entry 0 (competency `rti`): invalid type".to_owned()
            ),
        ]
    );
    for e in &errors {
        let text = e.to_string();
        assert!(!text.contains("without a string id"), "{text}");
    }
    // Either side of the depth, and far past it: the same words.
    let framework = Framework::from_json(ONE_POSITION).expect("framework");
    for depth in [1, 125, 126, 127, 128, 129, 10_000] {
        let deep = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let doc = format!(
            r#"{{"format_version": 2, "officers": [{{"id": "d", "department": "dopt",
                "position": "us", "passbook": [{deep}]}}]}}"#
        );
        let errors = officers_readers_agree(&doc);
        let (_, _, path, id, message) = json_fields(&errors[0]);
        assert_eq!(
            (path, id),
            ("officers[0].passbook[0]", Some("d")),
            "depth {depth}"
        );
        assert_eq!(
            message,
            "officer `d` passbook entry 0 (competency none): invalid type: a list, expected an \
             evidence object",
            "depth {depth}"
        );
        let policy = LevelPolicy::default();
        assert!(Cohort::from_json(&framework, &doc, &policy).is_err());
    }
}

mod generated {
    //! A generated framework and officers, one object of their JSON replaced by a value of
    //! another kind: every reader names that value, at its path, with the id of the
    //! innermost object around it that has one, and points at it.

    use karmayogi::{Cohort, Error, Framework, FrameworkSpec, LevelPolicy, OfficersSpec};
    use proptest::prelude::*;
    use serde_json::Value;

    use super::{byte_at, json_fields};
    use crate::hardening::world;

    /// The JSON pointers of every object in `value` below its top level, in document order.
    fn objects(value: &Value, at: &str, found: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                if !at.is_empty() {
                    found.push(at.to_owned());
                }
                for (key, v) in map {
                    objects(v, &format!("{at}/{key}"), found);
                }
            }
            Value::Array(list) => {
                for (i, v) in list.iter().enumerate() {
                    objects(v, &format!("{at}/{i}"), found);
                }
            }
            _ => {}
        }
    }

    /// `competencies[3].levels[0]` for `/competencies/3/levels/0` (keys hold no `/`).
    fn path_of(pointer: &str) -> String {
        let mut path = String::new();
        for step in pointer.split('/').skip(1) {
            if step.bytes().all(|b| b.is_ascii_digit()) {
                path.push('[');
                path.push_str(step);
                path.push(']');
            } else {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(step);
            }
        }
        path
    }

    /// The string `id` of the innermost object holding the value at `pointer` (the value
    /// itself excluded), among the innermost 8.
    fn id_around(doc: &Value, pointer: &str) -> Option<String> {
        let steps: Vec<&str> = pointer.split('/').skip(1).collect();
        let mut holders = Vec::new();
        let mut at = doc;
        for step in &steps {
            if at.is_object() {
                holders.push(at);
            }
            at = match at {
                Value::Object(map) => &map[*step],
                Value::Array(list) => &list[step.parse::<usize>().expect("an index")],
                _ => unreachable!("a pointer into a scalar"),
            };
        }
        let mut innermost = holders.iter().rev().take(8);
        innermost
            .find_map(|o| o.get("id").and_then(Value::as_str))
            .map(str::to_owned)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn an_object_replaced_by_another_kind_of_value_is_named_at_its_path(
            (spec, officers) in world(),
            pick in any::<usize>(),
            kind in 0u8..5,
            pretty in any::<bool>(),
        ) {
            let framework = Framework::new(spec.clone()).expect("valid spec");
            let officers = OfficersSpec { format_version: 2, officers };
            for (json, is_framework) in [(spec.to_json(), true), (officers.to_json(), false)] {
                let mut doc: Value = serde_json::from_str(&json).expect("valid json");
                let mut found = Vec::new();
                objects(&doc, "", &mut found);
                if found.is_empty() {
                    continue;
                }
                let pointer = &found[pick % found.len()];
                let target = doc.pointer_mut(pointer).expect("a pointer found");
                // A list of the object's fields, as a row of a table writes it; or a list,
                // string, number or boolean.
                let fields: Vec<Value> = target.as_object().expect("an object").values().cloned().collect();
                let (replacement, first) = match kind {
                    0 => (Value::Array(fields), b'['),
                    1 => (Value::Array(Vec::new()), b'['),
                    2 => (Value::from("x"), b'"'),
                    3 => (Value::from(7), b'7'),
                    _ => (Value::from(false), b'e'),
                };
                *target = replacement;
                let text = if pretty {
                    serde_json::to_string_pretty(&doc)
                } else {
                    serde_json::to_string(&doc)
                }
                .expect("writes");
                let path = path_of(pointer);
                let id = id_around(&doc, pointer);
                let errors: Vec<Error> = if is_framework {
                    let all = Framework::from_json(&text).expect_err("refused");
                    let first_error = FrameworkSpec::from_json(&text).expect_err("refused");
                    prop_assert_eq!(&first_error, &all.as_slice()[0]);
                    all.into_iter().collect()
                } else {
                    let all = OfficersSpec::from_json_all(&text).expect_err("refused");
                    let policy = LevelPolicy::default();
                    let one = Cohort::from_json(&framework, &text, &policy).expect_err("refused");
                    prop_assert_eq!(one.as_slice(), all.as_slice());
                    let two = Cohort::from_json_with_threads(&framework, &text, &policy, 2)
                        .expect_err("refused");
                    prop_assert_eq!(two.as_slice(), all.as_slice());
                    let first_error = OfficersSpec::from_json(&text).expect_err("refused");
                    prop_assert_eq!(&first_error, &all.as_slice()[0]);
                    all.into_iter().collect()
                };
                prop_assert_eq!(errors.len(), 1, "{}: {:?}", pointer, errors);
                let (line, column, got_path, got_id, message) = json_fields(&errors[0]);
                prop_assert_eq!(got_path, path.as_str(), "{}", message);
                prop_assert_eq!(got_id, id.as_deref(), "{}", message);
                prop_assert!(message.contains("invalid type: "), "{}", message);
                prop_assert_eq!(byte_at(&text, line, column), first, "{}", message);
            }
        }
    }
}
