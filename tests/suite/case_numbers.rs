//! Numbers beyond a double's range in a CASE package (`1e400`, `-1e400`, an integer of
//! 400 digits), which the JSON parser refuses before the import sees them: in a field the
//! crate does not model or does not need, set aside and reported by element, identifier and
//! field, never fatal; in one it needs (a statement, a rubric score), the element set
//! aside saying why; and the package written back as it was read.

use karmayogi::{CaseDropReason, CaseElement, CaseFieldReason, CasePackage};
use serde_json::Value;

use crate::support::{dropped, dropped_fields, import};

const HUGE: &str = include_str!("../data/cases/case/33-numbers-beyond-a-double.json");

const HUGE_TYPE: &str = "a number beyond a double's range";

// case/33: such numbers in a document's extension, items' fields CASE defines and the crate
// does not read, an item's statement, an association's `sequenceNumber` and a level's
// `score`.

#[test]
fn numbers_beyond_a_double_are_set_aside_and_reported() {
    let import = import(HUGE);
    let wrong = |expected| CaseFieldReason::WrongType {
        found: HUGE_TYPE,
        expected,
    };
    assert_eq!(
        dropped_fields(&import.report),
        [
            (
                CaseElement::Item,
                "c3300000-0000-4000-8000-000000000001",
                "listEnumeration",
                &CaseFieldReason::NoPlace
            ),
            (
                CaseElement::Item,
                "c3300000-0000-4000-8000-000000000002",
                "statusStartDate",
                &CaseFieldReason::NoPlace
            ),
            (
                CaseElement::Association,
                "e3300000-0000-4000-8000-000000000001",
                "sequenceNumber",
                &wrong("an integer")
            ),
            (
                CaseElement::Level,
                "b3300000-0000-4000-8000-000000000012",
                "score",
                &wrong("a number")
            ),
        ]
    );
    // The item named by such a number, and the level scored by one, are set aside saying
    // why; the value is shown as written.
    assert_eq!(
        dropped(&import.report),
        [
            (
                CaseElement::Item,
                "c3300000-0000-4000-8000-000000000003",
                CaseDropReason::StatementOfWrongType
            ),
            (
                CaseElement::Level,
                "b3300000-0000-4000-8000-000000000012",
                CaseDropReason::Unscored
            ),
        ]
    );
    let statement = import.report.dropped[0].statement.as_ref().expect("told");
    assert_eq!(
        (statement.field, statement.found, statement.value.as_str()),
        ("fullStatement", HUGE_TYPE, "1E+999")
    );
    let names: Vec<&str> = (import.spec.competencies.iter())
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["Adds numbers", "Subtracts numbers"]);
    assert_eq!(import.spec.competencies[1].levels.len(), 1);
    assert!(!import.report.is_complete());
    // The document's own extension is kept, and an export under it writes it as read.
    let written = crate::support::exported(&import).to_json();
    assert!(written.contains("\"revision\": 1e400"), "{written}");
    // Serialized otherwise (as the JavaScript package's report is), the number is a string
    // holding U+FDD0 and its text, which the reader takes back: an export under the
    // document read again writes the number.
    let json = serde_json::to_string(&import.report.document).expect("serializes");
    assert!(json.contains("\"\u{fdd0}1e400\""), "{json}");
    let document: karmayogi::CaseDocument = serde_json::from_str(&json).expect("reads");
    let framework = karmayogi::Framework::new(import.spec.clone()).expect("builds");
    let again = crate::support::case_export(&framework, &document).to_json();
    assert!(again.contains("\"revision\": 1e400"), "{again}");
}

#[test]
fn a_package_holding_numbers_beyond_a_double_is_written_back_as_read() {
    let package = CasePackage::from_json(HUGE).expect("reads");
    let written = package.to_json();
    assert!(written.contains("\"revision\": 1e400"), "{written}");
    assert!(written.contains("\"sequenceNumber\": 1e400"), "{written}");
    assert!(
        written.contains(&format!("-{}", "9".repeat(400))),
        "{written}"
    );
    assert!(!written.contains('\u{fdd0}'), "{written}");
    assert_eq!(
        CasePackage::from_json(&written).expect("reads again"),
        package
    );
    // Encoded twice (a JSON string holding the package's text), it reads the same.
    let twice = Value::from(HUGE).to_string();
    assert_eq!(CasePackage::from_json(&twice).expect("reads"), package);
    // Where the import cannot do without the value, the error names the field.
    let errors = karmayogi::CaseImport::from_json(
        &HUGE.replace(
            r#""identifier": "e3300000-0000-4000-8000-000000000001""#,
            r#""identifier": 1e400"#,
        ),
        &karmayogi::CaseImportOptions::default(),
    )
    .expect_err("refused");
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("CFAssociations[0].identifier") && m.contains(HUGE_TYPE)),
        "{messages:?}"
    );
    // Other JSON errors of such a text are still errors, at their line.
    let broken = HUGE.replacen("\"CFItems\": [", "\"CFItems\": [,", 1);
    let error = CasePackage::from_json(&broken).expect_err("malformed");
    assert!(
        matches!(error, karmayogi::Error::Json { line: 2, .. }),
        "{error}"
    );
}

// case/34: whole numbers written as doubles (`1.0`, `1e0`), as writers holding every number
// as a double write them: a `sequenceNumber` and rubric `position`s, read as the integers
// they are; a rubric `title` of such a number is of the wrong type, reported as the
// integer it is (it was called a fractional number).

#[test]
fn whole_numbers_written_as_doubles_are_read_as_integers() {
    let import = import(include_str!(
        "../data/cases/case/34-whole-numbers-written-as-doubles.json"
    ));
    assert_eq!(
        dropped_fields(&import.report),
        [(
            CaseElement::Rubric,
            "b3400000-0000-4000-8000-000000000001",
            "title",
            &CaseFieldReason::WrongType {
                found: "an integer",
                expected: "a string"
            }
        )]
    );
    assert!(import.report.dropped.is_empty(), "{:?}", import.report);
    let package = CasePackage::from_json(include_str!(
        "../data/cases/case/34-whole-numbers-written-as-doubles.json"
    ))
    .expect("reads");
    let numbers: Vec<Option<i64>> = (package.associations.iter())
        .map(|a| a.sequence_number)
        .collect();
    assert_eq!(numbers, [Some(1), Some(1), Some(2)]);
    let criterion = &package.rubrics[0].criteria[0];
    assert_eq!(criterion.position, Some(1));
    let positions: Vec<Option<i64>> = criterion.levels.iter().map(|l| l.position).collect();
    assert_eq!(positions, [Some(1), Some(2)]);
}

// case/35: U+FDD0, the character a number beyond a double's range is kept behind, at the
// start of texts a publisher wrote (a document's title, an item's statements) in a package
// holding no such number: each is the text it is, never taken for a number.

#[test]
fn a_text_starting_with_the_mark_of_a_number_is_text() {
    let json = include_str!("../data/cases/case/35-noncharacter-in-text.json");
    let import = import(json);
    assert!(import.report.is_complete(), "{:?}", import.report);
    assert_eq!(import.report.document.title, "\u{fdd0}Arithmetic");
    let texts: Vec<(&str, &str)> = (import.spec.competencies.iter())
        .map(|c| (c.name.as_str(), c.description.as_str()))
        .collect();
    assert_eq!(
        texts,
        [
            ("\u{fdd0}Adds numbers", ""),
            ("\u{fdd0}", "Subtracts numbers")
        ]
    );
    let package = CasePackage::from_json(json).expect("reads");
    let written = package.to_json();
    assert!(written.contains("\"\u{fdd0}Adds numbers\""), "{written}");
    assert_eq!(
        CasePackage::from_json(&written).expect("reads again"),
        package
    );
}

// case/36: texts starting with U+FDD0 (a title, statements, an extension's text, a key, a
// text holding the very characters of a number beyond a double) beside such numbers in one
// package: the package imports, each text is the text it is and each number is set aside
// as it was; written back, each is as it was read, whether the package holds such
// numbers or not.

#[test]
fn texts_starting_with_u_fdd0_beside_numbers_beyond_a_double_are_both_kept() {
    let json = include_str!("../data/cases/case/36-noncharacter-text-beside-a-huge-number.json");
    let import = import(json);
    assert_eq!(import.report.document.title, "\u{fdd0}Arithmetic");
    let names: Vec<&str> = (import.spec.competencies.iter())
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["\u{fdd0}1e400", "\u{fdd0}\u{fdd0}Subtracts"]);
    assert_eq!(
        dropped_fields(&import.report),
        [
            (
                CaseElement::Item,
                "c3600000-0000-4000-8000-000000000002",
                "listEnumeration",
                &CaseFieldReason::NoPlace
            ),
            (
                CaseElement::Item,
                "c3600000-0000-4000-8000-000000000002",
                "notes",
                &CaseFieldReason::NoPlace
            ),
        ]
    );
    assert!(import.report.dropped.is_empty(), "{:?}", import.report);
    assert!(!import.report.is_complete());
    for (json, number) in [
        (json.to_owned(), "1e400"),
        (json.replace("1e400,", "1,"), "1"),
    ] {
        let package = CasePackage::from_json(&json).expect("reads");
        assert_eq!(
            package.document.as_ref().unwrap().title,
            "\u{fdd0}Arithmetic"
        );
        assert_eq!(package.items[0].full_statement, "\u{fdd0}1e400");
        let written = package.to_json();
        for shown in [
            format!("\"revision\": {number}"),
            "\"note\": \"\u{fdd0}1e400\"".to_owned(),
            "\"\u{fdd0}1e400\": \"a key\"".to_owned(),
            "\"fullStatement\": \"\u{fdd0}1e400\"".to_owned(),
            "\"abbreviatedStatement\": \"\u{fdd0}\u{fdd0}Subtracts\"".to_owned(),
            format!("\"listEnumeration\": -{number}"),
            "\"\u{fdd0}-1e400\"".to_owned(),
            "\"a \\\"\u{fdd0}1e400\\\" quoted\"".to_owned(),
        ] {
            assert!(written.contains(&shown), "{shown} in {written}");
        }
        let again = CasePackage::from_json(&written).expect("reads again");
        assert_eq!(again, package);
        assert_eq!(again.to_json(), written);
        // Through serde (as the JavaScript package holds it) and back, nothing changes.
        let serde_form = serde_json::to_string(&package).expect("serializes");
        let back: CasePackage = serde_json::from_str(&serde_form).expect("reads");
        assert_eq!(back, package);
    }
}

// case/38: integer fields (`sequenceNumber`, rubric `position`s) holding numbers an `i64`
// cannot hold (`1e19`, `-1e19`) or that a double holds only approximately (`9.21e18`,
// `9007199254740993.0`, an integer below −2^63, which the parser reads as a double): each
// set aside and reported by element, identifier and field, saying truly what it is; a
// whole double a double holds exactly (`9007199254740991.0`) is the integer.

#[test]
fn integers_beyond_the_integer_type_are_set_aside_saying_truly_why() {
    let json = include_str!("../data/cases/case/38-integers-beyond-the-integer-type.json");
    let import = import(json);
    let beyond = "a number beyond 64-bit integers";
    let approximate =
        "a whole number beyond 2^53 - 1 read as a double, which holds it only approximately";
    let wrong = |found| CaseFieldReason::WrongType {
        found,
        expected: "an integer",
    };
    let mut fields = dropped_fields(&import.report);
    fields.sort_by_key(|&(_, id, field, _)| (id, field));
    assert_eq!(
        fields,
        [
            (
                CaseElement::Criterion,
                "b3800000-0000-4000-8000-000000000002",
                "position",
                &wrong(beyond)
            ),
            (
                CaseElement::Level,
                "b3800000-0000-4000-8000-000000000011",
                "position",
                &wrong(approximate)
            ),
            (
                CaseElement::Level,
                "b3800000-0000-4000-8000-000000000012",
                "position",
                &wrong(approximate)
            ),
            (
                CaseElement::Association,
                "e3800000-0000-4000-8000-000000000001",
                "sequenceNumber",
                &wrong(beyond)
            ),
            (
                CaseElement::Association,
                "e3800000-0000-4000-8000-000000000002",
                "sequenceNumber",
                &wrong(approximate)
            ),
        ]
    );
    assert!(!import.report.is_complete());
    assert_eq!(import.spec.competencies.len(), 2);
    let package = CasePackage::from_json(json).expect("reads");
    let positions: Vec<Option<i64>> = (package.rubrics[0].criteria[0].levels.iter())
        .map(|l| l.position)
        .collect();
    assert_eq!(positions, [None, None, Some(9_007_199_254_740_991)]);
    assert!(
        package
            .associations
            .iter()
            .all(|a| a.sequence_number.is_none())
    );
}

const NEAR_ZERO: &str = include_str!("../data/cases/case/86-number-nearer-zero-than-a-double.json");

const NEAR_ZERO_TYPE: &str = "a number nearer 0 than a double holds (about 5e-324)";

// case/86: numbers nearer 0 than a double holds, which the JSON parser read as 0 in
// silence (a `sequenceNumber` of 0, a level scored 0, a statement `0`), where case/33 has
// numbers beyond its range: set aside and reported alike; `5e-324` is read.
#[test]
fn numbers_nearer_zero_than_a_double_are_set_aside_and_reported() {
    let import = import(NEAR_ZERO);
    let wrong = |expected| CaseFieldReason::WrongType {
        found: NEAR_ZERO_TYPE,
        expected,
    };
    assert_eq!(
        dropped_fields(&import.report),
        [
            (
                CaseElement::Item,
                "c8600000-0000-4000-8000-000000000001",
                "listEnumeration",
                &CaseFieldReason::NoPlace
            ),
            (
                CaseElement::Item,
                "c8600000-0000-4000-8000-000000000002",
                "statusStartDate",
                &CaseFieldReason::NoPlace
            ),
            (
                CaseElement::Association,
                "e8600000-0000-4000-8000-000000000001",
                "sequenceNumber",
                &wrong("an integer")
            ),
            (
                CaseElement::Level,
                "b8600000-0000-4000-8000-000000000012",
                "score",
                &wrong("a number")
            ),
        ]
    );
    assert_eq!(
        dropped(&import.report),
        [
            (
                CaseElement::Item,
                "c8600000-0000-4000-8000-000000000003",
                CaseDropReason::StatementOfWrongType
            ),
            (
                CaseElement::Level,
                "b8600000-0000-4000-8000-000000000012",
                CaseDropReason::Unscored
            ),
        ]
    );
    let statement = import.report.dropped[0].statement.as_ref().expect("told");
    assert_eq!(
        (statement.field, statement.found, statement.value.as_str()),
        ("fullStatement", NEAR_ZERO_TYPE, "1E-999")
    );
    assert_eq!(import.spec.competencies[1].levels.len(), 1);
    // The smallest double above 0 is the number it is.
    let least = &import.report.document.extra["extensions"]["least"];
    assert_eq!(least.as_f64(), Some(5e-324));
    assert!(!import.report.is_complete());
    // Written back as read, through an export and through the package.
    let written = crate::support::exported(&import).to_json();
    assert!(written.contains("\"revision\": 1e-400"), "{written}");
    let package = CasePackage::from_json(NEAR_ZERO).expect("reads");
    let written = package.to_json();
    for number in [
        "1e-400",
        "-1e-400",
        "1E-999",
        &format!("0.{}1", "0".repeat(400)),
    ] {
        assert!(
            written.contains(&format!(": {number}")),
            "{number}: {written}"
        );
    }
    assert!(!written.contains('\u{fdd0}'), "{written}");
    assert_eq!(
        CasePackage::from_json(&written).expect("reads again"),
        package
    );
    // Where the import cannot do without the value, the error names the field.
    let errors = karmayogi::CaseImport::from_json(
        &NEAR_ZERO.replace(
            r#""identifier": "e8600000-0000-4000-8000-000000000001""#,
            r#""identifier": 1e-400"#,
        ),
        &karmayogi::CaseImportOptions::default(),
    )
    .expect_err("refused");
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("CFAssociations[0].identifier") && m.contains(NEAR_ZERO_TYPE)),
        "{messages:?}"
    );
}
