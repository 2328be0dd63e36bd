//! Files in the wild that look like CASE packages but are not: each is refused with an
//! error that names what the file holds, never read as an empty framework that only lacks
//! its document (sources and licences in `tests/data/case/README.md`).

use karmayogi::{CaseImport, CaseImportOptions, CasePackage, Error};

/// `OpenSALT`'s sample export of December 2016, before CASE 1.0 named the package's keys:
/// `lsDoc`, `lsItems`, `lsAssociations` and `definitions` (reduced to one standard, its
/// cluster and domain).
const CFS_DRAFT: &str = include_str!("../data/case/opensalt/math-cfs-draft-2016.json");

#[track_caller]
fn json_error(json: &str) -> String {
    let errors = CaseImport::from_json(json, &CaseImportOptions::default()).unwrap_err();
    match errors.as_slice() {
        [Error::Json { message, .. }] => message.clone(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_package_from_before_case_names_its_keys() {
    assert_eq!(
        json_error(CFS_DRAFT),
        "the object holds no key of a CASE package: its keys are `definitions`, \
         `lsAssociations`, `lsDoc`, `lsItems`: expected a CASE CFPackage object, with \
         `CFDocument`, `CFItems` and `CFAssociations`"
    );
}

#[test]
fn keys_without_a_case_key_are_named_escaped_and_bounded() {
    // What cannot be seen is escaped; past twelve keys, the rest are counted.
    assert_eq!(
        json_error(r#"{"lsDoc\u200b": {}}"#),
        "the object holds no key of a CASE package: its one key is \"lsDoc\\u{200b}\": \
         expected a CASE CFPackage object, with `CFDocument`, `CFItems` and `CFAssociations`"
    );
    let many: Vec<String> = (0..15).map(|i| format!(r#""k{i:02}": 1"#)).collect();
    let message = json_error(&format!("{{{}}}", many.join(", ")));
    assert!(message.contains("`k11`, and 3 more: expected"), "{message}");
    // A key of CASE in another case, or an envelope of one, is no such object: the import
    // says what is wrong with it.
    for json in [
        r#"{"cfItems": [], "lsDoc": {}}"#,
        r#"{"CF_Document": {}}"#,
        r#"{"CFItem": {"identifier": "i"}}"#,
    ] {
        let errors = CaseImport::from_json(json, &CaseImportOptions::default()).unwrap_err();
        assert!(
            !errors.to_string().contains("no key of a CASE package"),
            "{json}: {errors}"
        );
    }
    // A package of CASE's keys without its document is one.
    let errors =
        CaseImport::from_json(r#"{"CFItems": []}"#, &CaseImportOptions::default()).unwrap_err();
    assert!(
        matches!(errors.as_slice(), [Error::CaseMissingDocument { documents }] if documents.is_empty()),
        "{errors:?}"
    );
}

// case/74: an empty object. `CasePackage::from_json` read it as an empty package while
// `CaseImport::from_json` said "case package has no CFDocument"; no publisher writes `{}`
// for a framework (nor does `CasePackage::to_json`, which writes `CFItems` and
// `CFAssociations` even when empty), and an empty object holds none of CASE's keys. Both
// now refuse it alike, as an object of another kind, inside a `CFPackage` wrapper too.
#[test]
fn an_empty_object_is_refused_by_both_readers_alike() {
    let empty = include_str!("../data/cases/case/74-empty-object.json");
    let expected = "the object is empty: expected a CASE CFPackage object, with `CFDocument`, \
                    `CFItems` and `CFAssociations`";
    for json in [empty, "\u{feff} {} ", r#"{"CFPackage": {}}"#] {
        assert_eq!(json_error(json), expected, "{json}");
        match CasePackage::from_json(json) {
            Err(Error::Json { message, .. }) => assert_eq!(message, expected, "{json}"),
            other => panic!("{json}: {other:?}"),
        }
    }
    // What the writer writes for an empty package is still read as one.
    let written = CasePackage::default().to_json();
    assert_eq!(
        CasePackage::from_json(&written).unwrap(),
        CasePackage::default()
    );
}
