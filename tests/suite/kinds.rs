//! A document of another kind is named, not misread: every JSON reader of the crate given
//! every kind of document it does not read (real files of `data/`, the repository's
//! examples and fixtures) refuses it with `Error::DocumentOfAnotherKind`, naming what the
//! document looks like and so the reader that takes it, and still reads its own kind. The
//! reduced inputs of `tests/data/cases/{igot,officers,framework,case}` (igot/12 to igot/15,
//! officers/15 to officers/17, framework/05 to framework/07, case/75 and case/77 to
//! case/79) are each one pairing that was misread before: an iGOT loader returning an
//! empty load with every entry set aside, a framework or officers reader reporting the
//! other document's keys as unknown fields, a CASE reader listing them.

use karmayogi::{
    CaseImport, CaseImportOptions, Cohort, DocumentKind, Error, FracOptions, FrameworkSpec,
    IgotCourseOptions, KcmOptions, LevelPolicy, OfficersSpec, load_frac_positions,
    load_igot_courses, load_igot_profile, load_kcm, load_position_master,
};
use serde_json::Value;

fn data(path: &str) -> String {
    let full = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

/// The text of the value at `pointer` in the file at `path`.
fn part(path: &str, pointer: &str) -> String {
    let doc: Value = serde_json::from_str(&data(path)).unwrap();
    doc.pointer(pointer)
        .unwrap_or_else(|| panic!("{path}{pointer}"))
        .to_string()
}

/// Every kind of document, each as the real files and fixtures hold it (whole, and the
/// list inside it where a loader reads that list alone).
fn documents() -> Vec<(String, DocumentKind, String)> {
    use DocumentKind::*;
    let file = |path: &str, kind| (path.to_owned(), kind, data(path));
    let inner =
        |path: &str, pointer: &str, kind| (format!("{path}{pointer}"), kind, part(path, pointer));
    vec![
        file("data/igot/kcm_competencies.json", KcmDictionary),
        inner(
            "data/igot/igot_sample_courses_kcm_v5.json",
            "/default_courses",
            IgotCourses,
        ),
        file("tests/data/igot/courses_v3.json", IgotCourses),
        file("tests/data/igot/courses_v5.json", IgotCourses),
        file("tests/data/igot/courses_v6.json", IgotCourses),
        file("data/igot/positionMasterList.json", PositionMaster),
        inner(
            "data/igot/positionMasterList.json",
            "/positions",
            PositionMaster,
        ),
        file("tests/data/igot/position_master.json", PositionMaster),
        file("tests/data/igot/frac_positions.json", FracPositions),
        inner(
            "tests/data/igot/frac_positions.json",
            "/responseData",
            FracPositions,
        ),
        file("tests/data/igot/profile_competencies.json", IgotProfile),
        inner(
            "tests/data/igot/profile_competencies.json",
            "/profileDetails/competencies",
            IgotProfile,
        ),
        file("examples/data/head_post_office.json", Framework),
        file("examples/data/head_post_office_officers.json", Officers),
        file("tests/data/case/section_officer.json", CasePackage),
        file("tests/data/case/opensalt/Ordering.json", CasePackage),
        file(
            "tests/data/case/opensalt/SmartLevelFramework.json",
            CasePackage,
        ),
    ]
}

/// A call of a reader on a text, giving its errors (empty when it read the document).
type Read = Box<dyn Fn(&str) -> Vec<Error>>;

/// A reader: its name, the kind it reads, what its errors say it expects, and a call
/// giving its errors (empty when it read the document).
struct Reader {
    name: &'static str,
    own: DocumentKind,
    expected: &'static str,
    read: Read,
}

fn errors<T, E: IntoIterator<Item = Error>>(result: Result<T, E>) -> Vec<Error> {
    result
        .err()
        .map(|e| e.into_iter().collect())
        .unwrap_or_default()
}

fn readers() -> Vec<Reader> {
    use DocumentKind::*;
    let kcm = load_kcm(
        &data("data/igot/kcm_competencies.json"),
        &KcmOptions::default(),
    )
    .unwrap();
    let kcm = karmayogi::Framework::new(kcm.value).unwrap();
    let post = std::rc::Rc::new(
        karmayogi::Framework::from_json(&data("examples/data/head_post_office.json")).unwrap(),
    );
    let reader = |name, own, expected, read: Read| Reader {
        name,
        own,
        expected,
        read,
    };
    vec![
        reader(
            "load_kcm",
            KcmDictionary,
            "the iGOT KCM dictionary",
            Box::new(|j| errors(load_kcm(j, &KcmOptions::default()))),
        ),
        reader(
            "load_igot_courses",
            IgotCourses,
            "iGOT course records",
            Box::new(move |j| errors(load_igot_courses(j, &kcm, &IgotCourseOptions::default()))),
        ),
        reader(
            "load_frac_positions",
            FracPositions,
            "FRAC position nodes",
            Box::new(|j| errors(load_frac_positions(j, &FracOptions::default()))),
        ),
        reader(
            "load_position_master",
            PositionMaster,
            "the position master list",
            Box::new(|j| errors(load_position_master(j))),
        ),
        reader(
            "load_igot_profile",
            IgotProfile,
            "iGOT profile competencies",
            Box::new(|j| errors(load_igot_profile(j))),
        ),
        reader(
            "FrameworkSpec::from_json",
            Framework,
            "a framework document",
            Box::new(|j| errors(FrameworkSpec::from_json(j).map_err(|e| [e]))),
        ),
        reader(
            "Framework::from_json",
            Framework,
            "a framework document",
            Box::new(|j| errors(karmayogi::Framework::from_json(j))),
        ),
        reader(
            "OfficersSpec::from_json",
            Officers,
            "an officers document",
            Box::new(|j| errors(OfficersSpec::from_json(j).map_err(|e| [e]))),
        ),
        reader(
            "OfficersSpec::from_json_all",
            Officers,
            "an officers document",
            Box::new(|j| errors(OfficersSpec::from_json_all(j))),
        ),
        reader(
            "Cohort::from_json",
            Officers,
            "an officers document",
            Box::new(move |j| errors(Cohort::from_json(&post, j, &LevelPolicy::default()))),
        ),
        reader(
            "CasePackage::from_json",
            CasePackage,
            "a CASE package",
            Box::new(|j| errors(karmayogi::CasePackage::from_json(j).map_err(|e| [e]))),
        ),
        reader(
            "CaseImport::from_json",
            CasePackage,
            "a CASE package",
            Box::new(|j| errors(CaseImport::from_json(j, &CaseImportOptions::default()))),
        ),
    ]
}

/// Every reader × every kind of document: its own kind reads (a real export with some
/// entries set aside included: the FRAC fixture, the v3 course records, and the real
/// course extract whose four records lack a duration); every other kind is the one error
/// `DocumentOfAnotherKind`, naming the kind found and the reader that takes it.
#[test]
fn every_reader_names_every_document_of_another_kind() {
    let documents = documents();
    for (path, kind, json) in &documents {
        assert_eq!(DocumentKind::of_json(json), Some(*kind), "{path}");
    }
    let mut refused = 0;
    for reader in readers() {
        for (path, kind, json) in &documents {
            let found = (reader.read)(json);
            if *kind == reader.own {
                assert_eq!(found, [], "{} given {path}", reader.name);
                continue;
            }
            let expected = [Error::DocumentOfAnotherKind {
                expected: reader.expected,
                found: *kind,
            }];
            assert_eq!(found, expected, "{} given {path}", reader.name);
            assert_eq!(found[0].code(), "document_of_another_kind");
            assert_eq!(
                found[0].to_string(),
                format!(
                    "expected {}, found {}: it is read by {}",
                    reader.expected,
                    kind.description(),
                    kind.readers()
                )
            );
            let value = serde_json::to_value(&found[0]).unwrap();
            assert_eq!(value["found"], serde_json::to_value(kind).unwrap());
            refused += 1;
        }
    }
    // 12 readers × 17 documents, less the 23 pairs of a reader and its own kind (1 KCM
    // dictionary, 4 course documents, 2 FRAC, 3 master lists, 2 profiles, a framework
    // read by 2 readers, an officers document by 3, 3 CASE packages by 2).
    assert_eq!(refused, 12 * 17 - (1 + 4 + 2 + 3 + 2 + 2 + 3 + 3 * 2));
}

/// An array is of a kind only when every entry is: a real export with some entries of no
/// kind, or one of another export among its own, is read as before, its bad entries set
/// aside and reported; and `[]` is still an empty load.
#[test]
fn a_list_mixing_kinds_is_read_with_its_bad_entries_set_aside() {
    let master = part("data/igot/positionMasterList.json", "/positions/0");
    let profile = part(
        "tests/data/igot/profile_competencies.json",
        "/profileDetails/competencies/0",
    );
    let mixed = format!("[{master}, {profile}]");
    assert_eq!(DocumentKind::of_json(&mixed), None);
    let load = load_igot_profile(&mixed).unwrap();
    assert_eq!(load.value.len(), 2);
    assert_eq!(load.report.set_aside.len(), 1);
    assert_eq!(load.report.set_aside[0].path, "$[0]");
    let load = load_position_master(&mixed).unwrap();
    assert_eq!(load.value.positions().len(), 2);
    assert!(load_kcm("[]", &KcmOptions::default()).is_ok());
    assert!(load_frac_positions("[]", &FracOptions::default()).is_ok());
    assert!(load_position_master("[]").is_ok());
    assert!(load_igot_profile("[]").is_ok());
    // A list holding no record at all is refused, not loaded as empty (igot/33).
    let json = "[1, 2]";
    for errors in [
        load_kcm(json, &KcmOptions::default()).map(|_| ()),
        load_frac_positions(json, &FracOptions::default()).map(|_| ()),
        load_position_master(json).map(|_| ()),
        load_igot_profile(json).map(|_| ()),
    ] {
        assert_eq!(
            errors.unwrap_err().as_slice()[0].code(),
            "igot_unread_entries"
        );
    }
    // A document of no kind keeps the iGOT loader's own error; the framework reader says
    // it is of no kind (`messages.rs`).
    let errors = load_kcm("{}", &KcmOptions::default())
        .unwrap_err()
        .into_vec();
    assert_eq!(errors[0].code(), "igot_shape");
    let error = FrameworkSpec::from_json("{}").unwrap_err();
    assert_eq!(
        error.to_string(),
        "expected a framework document, found an object of no kind this crate reads, with \
         no fields: missing `format_version`"
    );
    // A document of the reader's own kind with a fault of its own is reported as before.
    let error = FrameworkSpec::from_json(r#"{"format_version": 1, "competencies": [], "x": 1}"#)
        .unwrap_err();
    assert_eq!(error.code(), "json");
    // A version the crate does not read is said first, whatever the document holds.
    let error = FrameworkSpec::from_json(r#"{"format_version": 99, "officers": []}"#).unwrap_err();
    assert_eq!(error.code(), "unsupported_format_version");
}

/// The reduced inputs: each file given to the reader it was misread by.
#[test]
fn the_reduced_inputs_are_named() {
    use DocumentKind::*;
    let cases: [(&str, &str, DocumentKind); 14] = [
        (
            "igot/12-courses-given-the-kcm-dictionary.json",
            "load_igot_courses",
            KcmDictionary,
        ),
        (
            "igot/13-kcm-given-course-records.json",
            "load_kcm",
            IgotCourses,
        ),
        (
            "igot/14-profile-given-the-position-master.json",
            "load_igot_profile",
            PositionMaster,
        ),
        (
            "igot/15-position-master-given-profile-competencies.json",
            "load_position_master",
            IgotProfile,
        ),
        (
            "officers/15-framework-given-as-officers.json",
            "Cohort::from_json",
            Framework,
        ),
        (
            "officers/16-case-package-given-as-officers.json",
            "OfficersSpec::from_json",
            CasePackage,
        ),
        (
            "officers/17-igot-profile-given-as-officers.json",
            "OfficersSpec::from_json_all",
            IgotProfile,
        ),
        (
            "framework/05-officers-document-given-as-a-framework.json",
            "Framework::from_json",
            Officers,
        ),
        (
            "framework/06-case-package-given-as-a-framework.json",
            "FrameworkSpec::from_json",
            CasePackage,
        ),
        (
            "framework/07-frac-positions-given-as-a-framework.json",
            "Framework::from_json",
            FracPositions,
        ),
        (
            "case/75-framework-given-as-a-case-package.json",
            "CaseImport::from_json",
            Framework,
        ),
        (
            "case/77-officers-document-given-as-a-case-package.json",
            "CasePackage::from_json",
            Officers,
        ),
        (
            "case/78-position-master-given-as-a-case-package.json",
            "CaseImport::from_json",
            PositionMaster,
        ),
        (
            "case/79-kcm-dictionary-given-as-a-case-package.json",
            "CaseImport::from_json",
            KcmDictionary,
        ),
    ];
    let readers = readers();
    for (file, name, kind) in cases {
        let json = data(&format!("tests/data/cases/{file}"));
        let reader = readers.iter().find(|r| r.name == name).unwrap();
        let found = (reader.read)(&json);
        assert_eq!(
            found,
            [Error::DocumentOfAnotherKind {
                expected: reader.expected,
                found: kind,
            }],
            "{file}"
        );
        // Each is read by the reader its kind names.
        let own = readers.iter().find(|r| r.own == kind).unwrap();
        assert_eq!((own.read)(&json), [], "{file} by {}", own.name);
    }
}
