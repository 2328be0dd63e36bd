//! Documents with several bad entries (`tests/data/cases/framework/`,
//! `tests/data/cases/officers/03-…`): the readers that return a list of errors give one
//! [`Error::Json`] per bad entry, in the order of their positions, each exactly the error
//! the one-error reader gives when that entry is the document's only fault (the oracle:
//! the same document with the other faults mended in place, so no position moves).

use karmayogi::{Cohort, Error, Framework, FrameworkSpec, LevelPolicy, OfficersSpec};

const FRAMEWORK: &str = include_str!("../data/cases/framework/01-three-bad-entries.json");
const OFFICERS: &str = include_str!("../data/cases/officers/03-two-officers-with-level-names.json");

/// The framework's faults, each with a mend of the same length.
const FRAMEWORK_FAULTS: [(&str, &str); 3] = [
    (r#""type": "sectoral"}"#, r#""type": "domain"}  "#),
    (r#""level": "three"}"#, r#""level": 3      }"#),
    (r#", "provder": "NIFM""#, "                   "),
];

/// The officers' faults, each with a mend of the same length.
const OFFICER_FAULTS: [(&str, &str); 3] = [
    (
        r#""rti", "level": "high", "source": "feedback360""#,
        r#""rti", "level": 3     , "source": "feedback360""#,
    ),
    (
        r#""rti", "level": "high", "source": "self_declared""#,
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
                 a string holding one (`\"3\"`, `\"3.0\"`, `\"L3\"`, `\"Level 3\"`)"
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
    let framework = Framework::from_json(&mended(FRAMEWORK, &FRAMEWORK_FAULTS)).expect("valid");
    let policy = LevelPolicy::default();
    let errors = Cohort::from_json(&framework, OFFICERS, &policy)
        .unwrap_err()
        .into_vec();
    let found: Vec<_> = errors.iter().map(fields).collect();
    let level = "invalid value: string `high`, expected a level's number for `level`: the text \
                 is neither a level's number nor one of the platform's level names (Basic, \
                 Proficient, Advanced, Expert, Ustad); write a whole number (`3`) or a string \
                 holding one (`\"3\"`, `\"3.0\"`, `\"L3\"`, `\"Level 3\"`)";
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
    // On several threads, the same errors.
    let threaded = Cohort::from_json_with_threads(&framework, OFFICERS, &policy, 2);
    assert_eq!(threaded.unwrap_err().into_vec(), errors);
    let cohort = Cohort::from_json(&framework, &mended(OFFICERS, &OFFICER_FAULTS), &policy);
    assert_eq!(cohort.expect("mended").len(), 4);
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
