//! `Cohort::from_json`, an officers document read straight into a cohort, against the
//! two-step path it replaces (`OfficersSpec::from_json` then `Cohort::new`), and
//! `Cohort::from_json_with_threads` on two threads against it: the same cohort, and on bad
//! input the same errors (of several JSON errors, the first), for any document — fields in any order, the
//! version anywhere, nulls, escapes, duplicate and unknown fields, wrong types, broken
//! JSON.

use karmayogi::{Cohort, Error, Errors, Framework, LevelPolicy, NeedsOptions, OfficersSpec};
use std::fmt::Write as _;

use proptest::prelude::*;

use crate::support::{hr_framework, level_policies};

/// What a load gives, in comparable form: per officer its id, name and profile; the
/// departments; the heatmap — or the errors.
type Outcome = Result<(Vec<String>, Vec<String>, String), Vec<Error>>;

fn describe(fw: &Framework, cohort: &Cohort) -> (Vec<String>, Vec<String>, String) {
    let officers = crate::support::officer_lines(cohort);
    let departments = (cohort.departments().iter())
        .map(|d| d.as_str().to_owned())
        .collect();
    let needs = fw
        .training_needs(cohort, &NeedsOptions::default())
        .expect("same framework");
    (officers, departments, format!("{:?}", needs.rows))
}

/// The two-step path: the document's specs, then a cohort.
fn two_step(fw: &Framework, json: &str, policy: &LevelPolicy) -> Outcome {
    let doc = OfficersSpec::from_json(json).map_err(|e| vec![e])?;
    let cohort = Cohort::new(fw, &doc.officers, policy).map_err(Errors::into_vec)?;
    Ok(describe(fw, &cohort))
}

/// The streamed path, on one thread and on two (which must agree).
fn streamed(fw: &Framework, json: &str, policy: &LevelPolicy) -> Outcome {
    let on = |threads| -> Outcome {
        let cohort = if threads == 1 {
            Cohort::from_json(fw, json, policy)
        } else {
            Cohort::from_json_with_threads(fw, json, policy, threads)
        };
        Ok(describe(fw, &cohort.map_err(Errors::into_vec)?))
    };
    let one = on(1);
    assert_eq!(on(2), one, "on two threads, document:\n{json}");
    one
}

/// `outcome` with only the first of several JSON errors, after checking they come in the
/// order of their positions: the two-step path's `OfficersSpec::from_json` gives the first
/// of them (`tests/suite/json_every_error.rs` checks each of the others against it).
#[track_caller]
fn first_json(outcome: Outcome) -> Outcome {
    let Err(errors) = &outcome else {
        return outcome;
    };
    let places: Option<Vec<(usize, usize)>> = (errors.iter())
        .map(|e| match e {
            Error::Json { line, column, .. } => Some((*line, *column)),
            _ => None,
        })
        .collect();
    match places {
        Some(places) if places.len() > 1 => {
            assert!(places.is_sorted(), "{errors:?}");
            Err(errors[..1].to_vec())
        }
        _ => outcome,
    }
}

/// Reads `json` both ways with `policy`, checks they agree, and returns the outcome.
#[track_caller]
fn agree_on(fw: &Framework, json: &str, policy: &LevelPolicy) -> Outcome {
    let want = two_step(fw, json, policy);
    let got = streamed(fw, json, policy);
    assert_eq!(first_json(got.clone()), want, "document:\n{json}");
    got
}

#[track_caller]
fn agree(json: &str) -> Outcome {
    agree_on(&hr_framework(), json, &LevelPolicy::default())
}

#[test]
fn the_bundled_examples_give_the_cohort_of_the_two_step_path() {
    let post_office =
        Framework::from_json(include_str!("../../examples/data/head_post_office.json"))
            .expect("the example framework");
    let officers = include_str!("../../examples/data/head_post_office_officers.json");
    for policy in [
        LevelPolicy::default(),
        LevelPolicy::default()
            .self_declared(true)
            .verified_only(false),
    ] {
        let out = agree_on(&post_office, officers, &policy).expect("the example officers");
        assert!(!out.0.is_empty());
    }
    for (framework, officers) in [
        (
            include_str!("../data/cases/planning/acbp_exact_framework.json"),
            include_str!("../data/cases/planning/acbp_exact_officers.json"),
        ),
        (
            include_str!("../data/cases/planning/budget_framework.json"),
            include_str!("../data/cases/planning/budget_officer.json"),
        ),
        (
            include_str!("../data/cases/scales/07-undated-framework.json"),
            include_str!("../data/cases/scales/07-undated-officers.json"),
        ),
    ] {
        let fw = Framework::from_json(framework).expect("the case's framework");
        agree_on(&fw, officers, &LevelPolicy::default()).expect("the case's officers");
    }
}

#[test]
fn key_order_version_last_nulls_and_escapes_read_as_the_two_step_path_reads_them() {
    let doc = r#"{"officers": [
        {"passbook": [{"source": "course_completion", "course": "rti-101", "level": 2,
                       "competency": "rti", "date": "2024-03-15", "verified": true},
                      {"competency": "n\u006fting", "level": 1, "source": "assessment",
                       "date": null, "course": null}],
         "position": "us", "department": "dopt", "id": "o\u00e91", "name": null,
         "target_position": null},
        {"id": "o2", "department": "itd-mumbai", "position": "so-mumbai", "name": "Ravi \"R\"",
         "target_position": "us", "passbook": []}
      ], "format_version": 2}"#;
    let (officers, departments, _) = agree(doc).expect("a valid document");
    assert_eq!(officers.len(), 2);
    assert!(officers[0].starts_with("oé1 None"), "{}", officers[0]);
    assert!(
        officers[1].starts_with("o2 Some(\"Ravi \\\"R\\\"\")"),
        "{}",
        officers[1]
    );
    assert_eq!(departments, ["dopt", "itd-mumbai"]);
    agree(&format!("\u{feff}{doc}")).expect("a byte-order mark is ignored");
    agree(r#"{"format_version": 1, "officers": []}"#).expect("no officers is a cohort");
}

#[test]
fn bad_documents_give_the_errors_of_the_two_step_path() {
    let officer = r#"{"id": "o1", "department": "dopt", "position": "us"}"#;
    let cases = [
        // The version: unsupported first or last, missing, twice, of the wrong type.
        format!(r#"{{"format_version": 3, "officers": [{officer}]}}"#),
        format!(r#"{{"officers": [{officer}], "format_version": 0}}"#),
        r#"{"officers": [{"id": 5}], "format_version": 9}"#.to_owned(),
        format!(r#"{{"officers": [{officer}]}}"#),
        r#"{"format_version": 2, "format_version": 2, "officers": []}"#.to_owned(),
        format!(r#"{{"format_version": "2", "officers": [{officer}]}}"#),
        // Unknown and duplicate fields, wrong types, missing fields.
        format!(r#"{{"format_version": 2, "officers": [{officer}], "extra": 1}}"#),
        r#"{"format_version": 2, "officers": [{"id": "o1", "id": "o2", "department": "dopt", "position": "us"}]}"#.to_owned(),
        r#"{"format_version": 2, "officers": [{"id": "o1", "department": "dopt", "position": "us", "grade": 7}]}"#.to_owned(),
        r#"{"format_version": 2, "officers": [{"id": "o1", "department": "dopt"}]}"#.to_owned(),
        r#"{"format_version": 2, "officers": [{"id": "o1", "department": "dopt", "position": "us",
            "passbook": [{"competency": "rti", "level": 2, "source": "guess"}]}]}"#.to_owned(),
        // Broken JSON, and a document that is not an object.
        format!(r#"{{"format_version": 2, "officers": [{officer}"#),
        format!(r#"{{"format_version": 2, "officers": [{officer}]}} x"#),
        "null".to_owned(),
        // Problems `Cohort::new` finds: all of them, ids escaped.
        r#"{"format_version": 2, "officers": [
            {"id": "o\u200b1", "department": "dopt", "position": "usec"},
            {"id": " ", "department": "", "position": "us", "target_position": "nowhere"},
            {"id": "o2", "department": "dopt", "position": "us",
             "passbook": [{"competency": "rti", "level": 3, "source": "course_completion",
                           "course": "rti-101"}, {"competency": "notng", "level": 1,
                           "source": "assessment", "date": "15/03/2024"}]},
            {"id": "o2", "department": "dopt", "position": "aso"}]}"#.to_owned(),
    ];
    for doc in &cases {
        let errors = agree(doc).expect_err(doc);
        assert!(!errors.is_empty());
    }
    // A version this crate does not read is reported wherever it stands.
    let last = agree(&cases[1]).expect_err("version 0");
    assert_eq!(last[0].code(), "unsupported_format_version");
    let validation = agree(cases.last().expect("cases")).expect_err("bad officers");
    assert!(validation.len() >= 6, "{validation:?}");
    assert!(
        validation
            .iter()
            .any(|e| e.to_string().contains("o\\u{200b}1"))
    );
}

#[test]
fn structs_written_as_arrays_are_refused_as_the_two_step_path_refuses_them() {
    // Officers and passbook entries are objects: a list of their fields in order is
    // refused at its path, as the schema says; a whole document too (its version is
    // probed first).
    let officer = agree(
        r#"{"format_version": 2, "officers": [["o1", null, "dopt", "us", null,
            [["rti", 2, "assessment", "", true, null]]]]}"#,
    )
    .expect_err("an officer as an array");
    assert_eq!(officer.len(), 1, "{officer:?}");
    let Error::Json { path, message, .. } = &officer[0] else {
        panic!("{officer:?}");
    };
    assert_eq!(path, "officers[0]");
    assert!(
        message.ends_with("invalid type: a list, expected an officer object"),
        "{message}"
    );
    let entry = agree(
        r#"{"format_version": 2, "officers": [{"id": "o1", "department": "dopt",
            "position": "us", "passbook": [["rti", 2, "assessment", "", true, null]]}]}"#,
    )
    .expect_err("an entry as an array");
    let Error::Json { path, message, .. } = &entry[0] else {
        panic!("{entry:?}");
    };
    assert_eq!((entry.len(), path.as_str()), (1, "officers[0].passbook[0]"));
    assert!(
        message.ends_with("expected an evidence object"),
        "{message}"
    );
    agree(r#"{"format_version": 2, "officers": [["o1", "Asha", "dopt"]]}"#)
        .expect_err("too few fields");
    agree("[2, []]").expect_err("a document as an array");
}

/// A JSON value from a pool of valid values and the mistakes hand-edited documents make.
fn value(pool: &'static [&'static str]) -> impl Strategy<Value = &'static str> {
    prop::sample::select(pool)
}

/// An object of the fields given (`None`: absent), in a random order; unless `clean`,
/// sometimes with one repeated or an unknown one.
fn object(
    fields: impl Strategy<Value = Vec<Option<String>>>,
    clean: bool,
) -> impl Strategy<Value = String> {
    (fields, 0..12u8)
        .prop_flat_map(move |(fields, odd)| {
            let mut fields: Vec<String> = fields.into_iter().flatten().collect();
            match odd {
                0 if !clean => fields.push(r#""unknown": 1"#.to_owned()),
                1 if !clean && !fields.is_empty() => fields.push(fields[0].clone()),
                _ => {}
            }
            Just(fields).prop_shuffle()
        })
        .prop_map(|fields| format!("{{{}}}", fields.join(", ")))
}

/// A field `"key": value`, absent when the value is empty: a value of `good` (right for
/// the test framework), of `wrong` (of the field's type but wrong for the framework), or
/// unless `clean` of `bad` (of another type, or absent when required). When `clean`, the
/// good values are ten times as likely as the wrong ones, so that many documents give a
/// cohort.
fn field(
    key: &'static str,
    [good, wrong, bad]: [&'static [&'static str]; 3],
    clean: bool,
) -> impl Strategy<Value = Option<String>> {
    let mut pool: Vec<&'static str> = Vec::new();
    for _ in 0..if clean { 10 } else { 1 } {
        pool.extend_from_slice(good);
    }
    pool.extend_from_slice(wrong);
    if !clean {
        pool.extend_from_slice(bad);
    }
    prop::sample::select(pool).prop_map(move |v| (!v.is_empty()).then(|| format!("\"{key}\": {v}")))
}

fn entry(clean: bool) -> impl Strategy<Value = String> {
    let fields = (
        field(
            "competency",
            [
                &[
                    r#""rti""#,
                    r#""noting""#,
                    r#""integrity""#,
                    r#""n\u006fting""#,
                ],
                &[r#""notng""#],
                &["", "7"],
            ],
            clean,
        ),
        field(
            "level",
            [
                &["0", "1", "2", "3", "2.0", "2e0"],
                &["9", "9.0"],
                &["2.5", r#""2""#, "-1", ""],
            ],
            clean,
        ),
        field(
            "source",
            [
                &[
                    r#""assessment""#,
                    r#""course_completion""#,
                    r#""feedback360""#,
                    r#""self_declared""#,
                    r#""assessment""#,
                ],
                &[],
                &[r#""guess""#, "", "null"],
            ],
            clean,
        ),
        field(
            "date",
            [
                &[
                    "",
                    "",
                    r#""2024-03-15""#,
                    r#""2023-12-31T10:00:00Z""#,
                    "null",
                    r#""  ""#,
                ],
                &[r#""15/03/2024""#],
                &["3"],
            ],
            clean,
        ),
        field(
            "verified",
            [&["", "true", "false"], &[], &["null", r#""yes""#]],
            clean,
        ),
        field(
            "course",
            [
                &["", "", r#""rti-101""#, r#""noting-lab""#, "null", r#""  ""#],
                &[r#""rti-999""#],
                &["[]"],
            ],
            clean,
        ),
    );
    object(
        fields.prop_map(|(a, b, c, d, e, f)| vec![a, b, c, d, e, f]),
        clean,
    )
}

fn officer(clean: bool) -> impl Strategy<Value = String> {
    let passbook = prop::collection::vec(entry(clean), 0..4)
        .prop_map(|entries| Some(format!(r#""passbook": [{}]"#, entries.join(", "))));
    let fields = (
        field(
            "id",
            [
                &[
                    r#""o1""#,
                    r#""o2""#,
                    r#""o3""#,
                    r#""o4""#,
                    r#""o\u0031""#,
                    r#""o6""#,
                    r#""o7""#,
                    r#""o8""#,
                    r#""o9""#,
                    r#""o10""#,
                    r#""o11""#,
                    r#""o12""#,
                    r#""o13""#,
                    r#""o14""#,
                    r#""o15""#,
                    r#""o16""#,
                ],
                &[r#""o\u200b5""#, r#""""#],
                &["", "5", "null"],
            ],
            clean,
        ),
        field(
            "name",
            [&["", "", r#""Asha""#, "null"], &[r#""  ""#], &["1"]],
            clean,
        ),
        field(
            "department",
            [
                &[r#""dopt""#, r#""itd-mumbai""#, r#""mea""#],
                &[r#""""#],
                &[""],
            ],
            clean,
        ),
        field(
            "position",
            [
                &[r#""us""#, r#""aso""#, r#""so-mumbai""#],
                &[r#""US""#],
                &["", "null"],
            ],
            clean,
        ),
        field(
            "target_position",
            [&["", "", r#""us""#, "null"], &[r#""nowhere""#], &["{}"]],
            clean,
        ),
        prop_oneof![
            4 => passbook,
            1 => Just(None),
            1 => Just(Some(if clean { r#""passbook": []"# } else { r#""passbook": null"# }.to_owned())),
        ],
    );
    let odd: &'static [&'static str] = if clean {
        &[r#"{"id": "o7", "department": "dopt", "position": "us"}"#]
    } else {
        &[
            r#"["o7", null, "dopt", "us", null, []]"#,
            r#"["o7", "dopt"]"#,
            "null",
            "3",
        ]
    };
    prop_oneof![
        20 => object(fields.prop_map(|(a, b, c, d, e, f)| vec![a, b, c, d, e, f]), clean),
        1 => value(odd).prop_map(str::to_owned),
    ]
}

/// An officers document; when `clean`, every value has its field's type (the officers may
/// still be wrong for the framework).
fn document(clean: bool) -> impl Strategy<Value = String> {
    let officers = prop::collection::vec(officer(clean), 0..6)
        .prop_map(|officers| Some(format!(r#""officers": [{}]"#, officers.join(",\n"))));
    let fields = (
        field(
            "format_version",
            [
                &["2", "1", "2.0"],
                &["3", "0", "3.0"],
                &[r#""2""#, "null", "2.5", "-1", ""],
            ],
            clean,
        ),
        if clean {
            officers.boxed()
        } else {
            prop_oneof![
                8 => officers,
                1 => Just(None),
                1 => Just(Some(r#""officers": {}"#.to_owned())),
            ]
            .boxed()
        },
    );
    object(fields.prop_map(|(a, b)| vec![a, b]), clean)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Any document, valid or not: the streamed cohort or errors are those of the two-step
    /// path.
    #[test]
    fn any_document_streams_to_what_the_two_step_path_gives(
        doc in document(false),
        policy in level_policies(),
    ) {
        let fw = hr_framework();
        prop_assert_eq!(first_json(streamed(&fw, &doc, &policy)), two_step(&fw, &doc, &policy), "{}", doc);
    }

    /// Broken text: the document cut short, or a byte replaced.
    #[test]
    fn broken_text_gives_the_error_of_the_two_step_path(
        doc in document(false),
        at in any::<prop::sample::Index>(),
        cut in any::<bool>(),
        with in value(&["", "}", "]", ",", "\"", "x", "{", "\\"]),
    ) {
        let fw = hr_framework();
        let at = at.index(doc.len() + 1);
        let at = (0..=at).rev().find(|&i| doc.is_char_boundary(i)).unwrap_or(0);
        let mut broken = doc[..at].to_owned();
        if !cut {
            broken.push_str(with);
            let rest = &doc[at..];
            let skip = rest.chars().next().map_or(0, char::len_utf8);
            let _ = write!(broken, "{}", &rest[skip..]);
        }
        let policy = LevelPolicy::default();
        prop_assert_eq!(first_json(streamed(&fw, &broken, &policy)), two_step(&fw, &broken, &policy), "{}", broken);
    }
}

/// Documents whose values all have their fields' types, read in one pass: the cohort or the
/// problems `Cohort::new` finds, as the two-step path gives them; at least a quarter of them
/// give a cohort, so the levels are compared, not only the errors.
#[test]
fn well_typed_documents_stream_to_what_the_two_step_path_gives() {
    use proptest::test_runner::{Config, TestRunner};
    let fw = hr_framework();
    let mut runner = TestRunner::new(Config::with_cases(400));
    let cohorts = std::cell::Cell::new(0u32);
    runner
        .run(&(document(true), level_policies()), |(doc, policy)| {
            let got = streamed(&fw, &doc, &policy);
            prop_assert_eq!(
                &first_json(got.clone()),
                &two_step(&fw, &doc, &policy),
                "{}",
                doc
            );
            cohorts.set(cohorts.get() + u32::from(got.is_ok()));
            Ok(())
        })
        .expect("the same outcome both ways");
    assert!(
        cohorts.get() >= 100,
        "{} cohorts in 400 documents",
        cohorts.get()
    );
}

/// A document with `officers` twice: an error inside the first list names the officer
/// of the first list (the reader stops at the second key), never the one at the same index
/// of the last; both paths agree.
#[test]
fn an_error_in_the_first_of_two_officers_lists_names_its_own_officer() {
    let fw = hr_framework();
    let policy = LevelPolicy::default();
    let message = |doc: &str| match OfficersSpec::from_json(doc) {
        Err(Error::Json { message, path, .. }) => format!("{path}: {message}"),
        other => panic!("{other:?}"),
    };
    let doc =
        r#"{"format_version": 2, "officers": [5], "officers": [{"id": "o3", "position": "us"}]}"#;
    assert_eq!(
        message(doc),
        "officers[0]: an officer without a string id: invalid type: integer `5`, expected an \
         officer object"
    );
    assert_eq!(
        first_json(streamed(&fw, doc, &policy)),
        two_step(&fw, doc, &policy)
    );
    let doc =
        r#"{"format_version": 2, "officers": [{"id": "o3", "position": "us"}], "officers": []}"#;
    assert_eq!(
        message(doc),
        "officers[0]: officer `o3`: missing field `department`"
    );
    assert_eq!(
        first_json(streamed(&fw, doc, &policy)),
        two_step(&fw, doc, &policy)
    );
}
