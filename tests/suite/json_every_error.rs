//! Documents with several bad entries (`tests/data/cases/framework/`,
//! `tests/data/cases/officers/03-…`): the readers that return a list of errors give one
//! [`Error::Json`] per bad entry, in the order of their positions, each exactly the error
//! the one-error reader gives when that entry is the document's only fault (the oracle:
//! the same document with the other faults mended in place, so no position moves).

use karmayogi::{Cohort, Error, Framework, FrameworkSpec, LevelPolicy, OfficersSpec};

const FRAMEWORK: &str = include_str!("../data/cases/framework/01-three-bad-entries.json");
const OFFICERS: &str =
    include_str!("../data/cases/officers/03-two-officers-with-unreadable-levels.json");

/// The framework's faults, each with a mend of the same length.
const FRAMEWORK_FAULTS: [(&str, &str); 3] = [
    (r#""type": "sectoral"}"#, r#""type": "domain"}  "#),
    (r#""level": "three"}"#, r#""level": 3      }"#),
    (r#", "provder": "NIFM""#, "                   "),
];

/// The officers' faults, each with a mend of the same length.
const OFFICER_FAULTS: [(&str, &str); 3] = [
    (
        r#""rti", "level": "3.25", "source": "feedback360""#,
        r#""rti", "level": 3     , "source": "feedback360""#,
    ),
    (
        r#""rti", "level": "3.25", "source": "self_declared""#,
        r#""rti", "level": 3     , "source": "self_declared""#,
    ),
    (r#", "verifed": true"#, "                 "),
];

/// `doc` with every fault but `keep` mended.
fn only(doc: &str, faults: &[(&str, &str)], keep: usize) -> String {
    let mut doc = doc.to_owned();
    for (i, (bad, good)) in faults.iter().enumerate() {
        assert_eq!(bad.len(), good.len());
        assert_eq!(doc.matches(bad).count(), 1, "{bad}");
        if i != keep {
            doc = doc.replace(bad, good);
        }
    }
    doc
}

/// `doc` with every fault mended.
fn mended(doc: &str, faults: &[(&str, &str)]) -> String {
    only(doc, faults, usize::MAX)
}

/// The fields of a JSON error: line, column, path, id, message.
fn fields(e: &Error) -> (usize, usize, &str, Option<&str>, &str) {
    let Error::Json {
        line,
        column,
        path,
        id,
        message,
    } = e
    else {
        panic!("not a JSON error: {e:?}");
    };
    (*line, *column, path, id.as_deref(), message)
}

#[test]
fn a_framework_with_three_bad_entries_reports_all_three() {
    let errors = Framework::from_json(FRAMEWORK).unwrap_err().into_vec();
    let found: Vec<_> = errors.iter().map(fields).collect();
    assert_eq!(
        found,
        [
            (
                5,
                72,
                "competencies[1].type",
                Some("postal-ops"),
                "unknown competency type `sectoral`, expected one of `behavioural`, \
                 `functional`, `domain`"
            ),
            (
                12,
                56,
                "roles[1].requires[0].level",
                Some("cpio"),
                "invalid value: string `three`, expected a level's number for `level`: the \
                 text is neither a level's number nor one of the platform's level names \
                 (Basic, Proficient, Advanced, Expert, Ustad); write a whole number (`3`) or \
                 a string holding one (`\"3\"`, `\"3.0\"`, `\"L3\"`, `\"Level 3\"`), or \
                 a Roman numeral (`\"III\"`, `\"Level III\"`)"
            ),
            (
                21,
                79,
                "courses[1].provder",
                Some("acc-201"),
                "unknown field `provder`, expected one of `id`, `name`, `hours`, `mode`, \
                 `provides`, `prerequisites`, `provider`, `language`"
            ),
        ]
    );
    // Each is the error of the document with that fault alone.
    for (k, error) in errors.iter().enumerate() {
        let alone = only(FRAMEWORK, &FRAMEWORK_FAULTS, k);
        assert_eq!(&FrameworkSpec::from_json(&alone).unwrap_err(), error);
        assert_eq!(
            Framework::from_json(&alone).unwrap_err().as_slice(),
            std::slice::from_ref(error)
        );
    }
    // The first is what the one-error reader gives for the whole document.
    assert_eq!(FrameworkSpec::from_json(FRAMEWORK).unwrap_err(), errors[0]);
    Framework::from_json(&mended(FRAMEWORK, &FRAMEWORK_FAULTS)).expect("mended");
}

#[test]
fn two_bad_officers_are_reported_with_every_bad_passbook_entry() {
    let (framework, errors) = cohort_errors(OFFICERS);
    let found: Vec<_> = errors.iter().map(fields).collect();
    let level = "invalid value: string \"3.25\", expected a level for `level`: 0 (none) or one \
                 of the competency's levels (at most 5), as a whole number or a string holding \
                 one (`\"3\"`, `\"Level 3\"`, `\"III\"`)";
    assert_eq!(
        found,
        [
            (
                6,
                53,
                "officers[1].passbook[1].level",
                Some("o2"),
                &*format!("officer `o2` passbook entry 1 (competency `rti`): {level}")
            ),
            (
                9,
                53,
                "officers[3].passbook[0].level",
                Some("o4"),
                &*format!("officer `o4` passbook entry 0 (competency `rti`): {level}")
            ),
            (
                10,
                96,
                "officers[3].passbook[1].verifed",
                Some("o4"),
                "officer `o4` passbook entry 1 (competency `accounts`): unknown field \
                 `verifed`, expected one of `competency`, `level`, `source`, `date`, \
                 `verified`, `course`"
            ),
        ]
    );
    for (k, error) in errors.iter().enumerate() {
        let alone = only(OFFICERS, &OFFICER_FAULTS, k);
        assert_eq!(&OfficersSpec::from_json(&alone).unwrap_err(), error);
    }
    assert_eq!(OfficersSpec::from_json(OFFICERS).unwrap_err(), errors[0]);
    same_on_threads_and_mended(&framework, OFFICERS, &OFFICER_FAULTS, &errors, 4);
}

/// The mended framework/01, and the errors of reading the officers document `doc` with it.
fn cohort_errors(doc: &str) -> (Framework, Vec<Error>) {
    let framework = Framework::from_json(&mended(FRAMEWORK, &FRAMEWORK_FAULTS)).expect("valid");
    let errors = Cohort::from_json(&framework, doc, &LevelPolicy::default());
    (framework, errors.unwrap_err().into_vec())
}

/// On several threads `doc` gives the same `errors`, and mended it gives `officers`.
#[track_caller]
fn same_on_threads_and_mended(
    framework: &Framework,
    doc: &str,
    faults: &[(&str, &str)],
    errors: &[Error],
    officers: usize,
) {
    let policy = LevelPolicy::default();
    let threaded = Cohort::from_json_with_threads(framework, doc, &policy, 2);
    assert_eq!(threaded.unwrap_err().into_vec(), errors);
    let cohort = Cohort::from_json(framework, &mended(doc, faults), &policy);
    assert_eq!(cohort.expect("mended").len(), officers);
}

#[test]
fn a_problem_outside_the_lists_comes_in_its_place() {
    // An unknown top-level field before the lists, a bad entry after it.
    let doc = "{\"format_version\": 2, \"titel\": \"Posts\",\n \"competencies\": [\
               {\"id\": \"a\", \"name\": \"A\", \"type\": 3}]}";
    let errors = Framework::from_json(doc).unwrap_err().into_vec();
    let found: Vec<_> = errors.iter().map(fields).collect();
    assert_eq!(found[0].2, "titel");
    assert_eq!(
        (found[1].0, found[1].2, found[1].3),
        (2, "competencies[0].type", Some("a"))
    );
    assert_eq!(errors.len(), 2);
    assert_eq!(FrameworkSpec::from_json(doc).unwrap_err(), errors[0]);
    // A list that is no list is reported as today, beside the bad entries of another.
    let doc = r#"{"format_version": 2, "competencies": [{"id": 1}], "roles": {}}"#;
    let errors = Framework::from_json(doc).unwrap_err().into_vec();
    let paths: Vec<_> = errors.iter().map(|e| fields(e).2.to_owned()).collect();
    assert_eq!(paths, ["competencies[0].id", "roles"]);
}

#[test]
fn a_syntax_error_after_a_bad_entry_leaves_the_first_error_alone() {
    let doc = r#"{"format_version": 2, "competencies": [{"id": 1}], "roles": [{,}]}"#;
    let errors = Framework::from_json(doc).unwrap_err().into_vec();
    assert_eq!(errors, [FrameworkSpec::from_json(doc).unwrap_err()]);
    // A syntax error first: one error, where found.
    let doc = r#"{"format_version": 2, "competencies": [{"id": "a",,}]}"#;
    let errors = Framework::from_json(doc).unwrap_err().into_vec();
    assert_eq!(errors, [FrameworkSpec::from_json(doc).unwrap_err()]);
    // An early end.
    let doc = r#"{"format_version": 2, "competencies": [{"id": 1}"#;
    assert_eq!(Framework::from_json(doc).unwrap_err().len(), 1);
}

#[test]
fn a_byte_order_mark_and_lines_keep_their_positions() {
    let doc = format!("\u{feff}{FRAMEWORK}");
    let with_mark = Framework::from_json(&doc).unwrap_err().into_vec();
    let without = Framework::from_json(FRAMEWORK).unwrap_err().into_vec();
    assert_eq!(with_mark, without);
    // Windows line ends: the same lines, the same columns.
    let crlf = FRAMEWORK.replace('\n', "\r\n");
    let errors = Framework::from_json(&crlf).unwrap_err().into_vec();
    let lines: Vec<_> = errors.iter().map(|e| (fields(e).0, fields(e).1)).collect();
    assert_eq!(lines, [(5, 72), (12, 56), (21, 79)]);
}

// officers/04 and framework/02: one entry with several problems (a level written as a
// word, an epoch date, a misspelt field; a source given twice; a bad flag beside a field
// missing; a competency with two bad fields, a role whose name and two requirements are
// bad, a course with bad hours and mode): each is reported, none hides another.

const SEVERAL: &str =
    include_str!("../data/cases/officers/04-one-entry-several-problems-officers.json");
const SEVERAL_FRAMEWORK: &str =
    include_str!("../data/cases/framework/02-one-entry-several-problems.json");

/// officers/04's faults, each with a mend of the same length.
const SEVERAL_FAULTS: [(&str, &str); 8] = [
    (r#""department": 12"#, r#""department":"p""#),
    (r#""level": "3.25""#, r#""level": 3     "#),
    (r#""date": 1707537600000"#, r#""date": "2024-02-10" "#),
    (r#", "verifed": true"#, "                 "),
    (r#""self_declarde""#, r#""self_declared""#),
    (r#", "source": "Assessment""#, "                        "),
    (r#""verified": "maybe""#, r#""verified": "no"   "#),
    (
        r#""date": "2024-01-05T09:00""#,
        r#""source": "assessment"    "#,
    ),
];

/// framework/02's faults, each with a mend of the same length.
const SEVERAL_FRAMEWORK_FAULTS: [(&str, &str); 7] = [
    (r#""type": "sectoral""#, r#""type": "domain"  "#),
    (r#", "min_level": "high""#, "                     "),
    (r#""name": 7,"#, r#""name":"","#),
    (r#""level": "three""#, r#""level": 3      "#),
    (r#", "weight": 1"#, "             "),
    (r#""hours": "four""#, r#""hours": 4     "#),
    (r#""mode": "online""#, r#""mode": "social""#),
];

/// Every error of `errors` is the one-error reader's for `doc` with that fault alone.
#[track_caller]
fn each_alone(errors: &[Error], doc: &str, faults: &[(&str, &str)], one: impl Fn(&str) -> Error) {
    assert_eq!(errors.len(), faults.len(), "{errors:#?}");
    let mut alone: Vec<Error> = (0..faults.len())
        .map(|k| one(&only(doc, faults, k)))
        .collect();
    alone.sort_by_key(|e| (fields(e).0, fields(e).1));
    assert_eq!(errors, alone);
    assert_eq!(one(doc), errors[0]);
}

#[test]
fn one_passbook_entry_with_several_problems_reports_each() {
    let (framework, errors) = cohort_errors(SEVERAL);
    let paths: Vec<&str> = errors.iter().map(|e| fields(e).2).collect();
    assert_eq!(
        paths,
        [
            "officers[1].department",
            "officers[1].passbook[0].level",
            "officers[1].passbook[0].date",
            "officers[1].passbook[0].verifed",
            "officers[1].passbook[1].source",
            "officers[1].passbook[1].source",
            "officers[2].passbook[0].verified",
            "officers[2].passbook[0]",
        ]
    );
    assert_eq!(
        fields(&errors[5]).4,
        "officer `o2` passbook entry 1 (competency `accounts`): duplicate field `source`"
    );
    assert_eq!(
        fields(&errors[7]).4,
        "officer `o3` passbook entry 0 (competency `rti`): missing field `source`"
    );
    each_alone(&errors, SEVERAL, &SEVERAL_FAULTS, |doc| {
        OfficersSpec::from_json(doc).unwrap_err()
    });
    same_on_threads_and_mended(&framework, SEVERAL, &SEVERAL_FAULTS, &errors, 3);
}

#[test]
fn one_framework_entry_with_several_problems_reports_each() {
    let errors = Framework::from_json(SEVERAL_FRAMEWORK)
        .unwrap_err()
        .into_vec();
    let paths: Vec<&str> = errors.iter().map(|e| fields(e).2).collect();
    assert_eq!(
        paths,
        [
            "competencies[1].type",
            "competencies[1].min_level",
            "roles[1].name",
            "roles[1].requires[0].level",
            "roles[1].requires[1].weight",
            "courses[0].hours",
            "courses[0].mode",
        ]
    );
    each_alone(
        &errors,
        SEVERAL_FRAMEWORK,
        &SEVERAL_FRAMEWORK_FAULTS,
        |doc| FrameworkSpec::from_json(doc).unwrap_err(),
    );
    // Two bad fields in one element of a role's `requires`: both, by their paths.
    let nested = SEVERAL_FRAMEWORK.replace(
        r#"{"competency": "rti", "level": "three"}"#,
        r#"{"competency": 5, "level": "three"}"#,
    );
    let errors = Framework::from_json(&nested).unwrap_err().into_vec();
    let paths: Vec<&str> = errors.iter().map(|e| fields(e).2).collect();
    assert_eq!(
        paths[3..5],
        [
            "roles[1].requires[0].competency",
            "roles[1].requires[0].level"
        ]
    );
    assert_eq!(errors.len(), SEVERAL_FRAMEWORK_FAULTS.len() + 1);
}

// officers/06: empty keys (in the document, in an officer, in a passbook entry) beside
// other bad fields in three officers. `OfficersSpec::from_json_all` reports each, an empty
// key by a path that keeps its step (`officers[0].`), as `Cohort::from_json` does.

const EMPTY_KEYS: &str =
    include_str!("../data/cases/officers/06-empty-keys-in-several-officers.json");

/// officers/06's faults, each with a mend of the same length.
const EMPTY_KEY_FAULTS: [(&str, &str); 7] = [
    (r#", "": 0"#, "       "),
    (r#", "": "x""#, "         "),
    (r#""level": "3.25""#, r#""level": 3     "#),
    (r#", "": 1}"#, r"       }"),
    (r#""department": 12"#, r#""department":"p""#),
    (r#""position": 4"#, r#""position":"""#),
    (r#", "target_position": []"#, "                       "),
];

#[test]
fn every_problem_of_an_officers_document_with_empty_keys_is_reported_without_a_cohort() {
    let errors = OfficersSpec::from_json_all(EMPTY_KEYS)
        .unwrap_err()
        .into_vec();
    let found: Vec<(&str, Option<&str>)> =
        errors.iter().map(|e| (fields(e).2, fields(e).3)).collect();
    assert_eq!(
        found,
        [
            ("", None),
            ("officers[0].", Some("o1")),
            ("officers[0].passbook[0].level", Some("o1")),
            ("officers[0].passbook[0].", Some("o1")),
            ("officers[1].department", Some("o2")),
            ("officers[2].position", Some("o3")),
            ("officers[2].target_position", Some("o3")),
        ]
    );
    each_alone(&errors, EMPTY_KEYS, &EMPTY_KEY_FAULTS, |doc| {
        OfficersSpec::from_json(doc).unwrap_err()
    });
    // The same errors as the cohort's reader, which builds a cohort besides.
    let (_, from_cohort) = cohort_errors(EMPTY_KEYS);
    assert_eq!(errors, from_cohort);
    let mended = mended(EMPTY_KEYS, &EMPTY_KEY_FAULTS);
    assert_eq!(
        OfficersSpec::from_json_all(&mended).map(|d| d.officers.len()),
        Ok(3)
    );
}
