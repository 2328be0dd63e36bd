//! Ids and headers that look like others: letters of another script (`uѕ` with a Cyrillic
//! `ѕ` for the framework's `us`: `ids/04`, `ids/05`, `framework/22`), officer ids that
//! differ only in leading zeros (`0123` and `123`, an Excel round trip: `officers/27`,
//! `officers/28`), and headers with a bracketed suffix or gloss or in two languages
//! (`Target Position (optional)`, `Employee ID (कर्मचारी आईडी)`, `पदनाम / Designation`:
//! `csv/36`, `csv/37`). Each must be read, or named with what it looks like, never shown
//! exactly like the id it is not nor set aside unseen.

use karmayogi::{
    Cohort, CohortCsvReader, EntityKind, Error, EvidenceProblem, Framework, FrameworkSpec,
    LevelPolicy, OfficersCsv, OfficersCsvOptions, OfficersSpec, ReviewOptions, load_officers,
};

const FRAMEWORK: &str = include_str!("../data/cases/ids/04-cyrillic-lookalike-ids-framework.json");

fn framework() -> Framework {
    Framework::from_json(FRAMEWORK).expect("valid")
}

fn messages(errors: &[Error]) -> Vec<String> {
    errors.iter().map(ToString::to_string).collect()
}

/// `ids/04`: positions typed with Cyrillic letters. `uѕ` (Cyrillic `ѕ`) is the framework's
/// `us` written in another script: named as the nearest id, and printed escaped with the
/// letter named, where it printed exactly like `us` with no suggestion before. `UС`
/// (Cyrillic `С`, which looks like `C`) is no known id, but is shown escaped all the same.
#[test]
fn positions_typed_in_another_script_name_the_latin_id_and_show_the_difference() {
    let fw = framework();
    let officers = include_str!("../data/cases/ids/04-cyrillic-lookalike-ids-officers.csv");
    let errors = load_officers(
        &fw,
        &OfficersCsv::new(officers),
        &OfficersCsvOptions::default(),
    )
    .expect_err("unknown positions")
    .into_vec();
    let nearest: Vec<(usize, &str, Option<&str>)> = (errors.iter())
        .map(|e| match e {
            Error::CsvUnknownReference {
                line,
                found,
                nearest,
                ..
            } => (*line, found.as_str(), nearest.as_deref()),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        nearest,
        [
            (2, "u\u{455}", Some("us")),
            (3, "U\u{421}", None),
            (4, "\u{455}\u{43e}", Some("so")),
        ]
    );
    assert_eq!(
        messages(&errors),
        [
            r#"officers.csv line 2, column `position`: "u\u{455}" is not in the framework's positions, did you mean `us` (written with letters of another script: "\u{455}" for `s`)?"#,
            r#"officers.csv line 3, column `position`: "U\u{421}" is not in the framework's positions"#,
            "officers.csv line 4, column `target`: `\u{455}\u{43e}` is not in the framework's positions, did you mean `so` (written with letters of another script: \"\\u{455}\" for `s`, \"\\u{43e}\" for `o`)?",
        ]
    );
}

/// `ids/05`: a passbook naming `nοting` with a Greek omicron: the competency `noting` is
/// suggested, the letter named, through every reader of officers.
#[test]
fn a_passbook_competency_typed_with_a_greek_letter_names_the_latin_one() {
    let fw = framework();
    let csv = OfficersCsv::new(include_str!(
        "../data/cases/ids/05-greek-lookalike-competency-officers.csv"
    ))
    .evidence(include_str!(
        "../data/cases/ids/05-greek-lookalike-competency-evidence.csv"
    ));
    let options = OfficersCsvOptions::default();
    let expected = r#"evidence.csv line 2, column `competency`: officer `o1` passbook entry 0 (competency "n\u{3bf}ting"): unknown competency, did you mean `noting` (written with letters of another script: "\u{3bf}" for `o`)?"#;
    let loaded = load_officers(&fw, &csv, &options).expect_err("an unknown competency");
    assert_eq!(messages(loaded.as_slice()), [expected]);
    let Error::CsvRow { error, .. } = &loaded.as_slice()[0] else {
        panic!("{loaded:?}");
    };
    let Error::InvalidEvidence { problem, .. } = error.as_ref() else {
        panic!("{error:?}");
    };
    assert!(matches!(
        problem,
        EvidenceProblem::UnknownCompetency { nearest: Some(n), .. } if n == "noting"
    ));
    let cohort = Cohort::from_csv(&fw, &csv, &options).expect_err("an unknown competency");
    assert_eq!(messages(cohort.as_slice()), [expected]);
}

/// `framework/22`: a framework whose role requires `nоting` (Cyrillic `о`), whose position
/// lists `сpio` (Cyrillic `с`), and whose course needs `rti-1O1` (a letter O for a zero):
/// each unknown reference names the id it looks like (an `UnknownReference` had no
/// `nearest` at all), and the ids typed in another script show it.
#[test]
fn framework_references_typed_in_another_script_name_the_nearest_id() {
    let text =
        include_str!("../data/cases/framework/22-lookalike-references-from-another-script.json");
    let spec = FrameworkSpec::from_json(text).expect("a spec");
    let errors = Framework::new(spec)
        .expect_err("unknown references")
        .into_vec();
    let unknown =
        |from_kind, from: &str, to_kind, to: &str, nearest: &str| Error::UnknownReference {
            from_kind,
            from: from.into(),
            to_kind,
            to: to.into(),
            nearest: Some(nearest.into()),
        };
    assert_eq!(
        errors,
        [
            unknown(
                EntityKind::Role,
                "cpio",
                EntityKind::Competency,
                "n\u{43e}ting",
                "noting"
            ),
            unknown(
                EntityKind::Position,
                "us",
                EntityKind::Role,
                "\u{441}pio",
                "cpio"
            ),
            unknown(
                EntityKind::Course,
                "c",
                EntityKind::Course,
                "rti-1O1",
                "rti-101"
            ),
        ]
    );
    assert_eq!(
        messages(&errors),
        [
            r#"role `cpio` refers to unknown competency "n\u{43e}ting", did you mean `noting` (written with letters of another script: "\u{43e}" for `o`)?"#,
            r#"position `us` refers to unknown role "\u{441}pio", did you mean `cpio` (written with letters of another script: "\u{441}" for `c`)?"#,
            "course `c` refers to unknown course `rti-1O1`, did you mean `rti-101`?",
        ]
    );
    let json = serde_json::to_value(&errors[0]).expect("serializes");
    assert_eq!(json["nearest"], "noting");
}

/// `officers/27`: officers `0123` and `123`, one name and post, their passbooks split
/// between them (a spreadsheet dropped the zeros of one row), and `00` beside `0`: each
/// later one warned about as `E7` beside `e7` is, by every CSV reader of officers, and
/// nothing merged.
#[test]
fn officer_ids_differing_in_leading_zeros_are_warned_about_in_csv() {
    let fw = framework();
    let officers =
        include_str!("../data/cases/officers/27-ids-differing-in-leading-zeros-officers.csv");
    let evidence =
        include_str!("../data/cases/officers/27-ids-differing-in-leading-zeros-evidence.csv");
    let csv = OfficersCsv::new(officers).evidence(evidence);
    let options = OfficersCsvOptions::default();
    let expected = [
        r#"officers.csv line 3, column `id`: officer ids "0123", "123" differ only in leading zeros: distinct ids that print alike"#,
        r#"officers.csv line 5, column `id`: officer ids "E7", "e7" differ only in letter case or surrounding whitespace: distinct ids that print alike"#,
        r#"officers.csv line 7, column `id`: officer ids "0", "00" differ only in leading zeros: distinct ids that print alike"#,
    ];
    let load = load_officers(&fw, &csv, &options).expect("valid");
    assert_eq!(load.officers.len(), 6);
    assert_eq!(messages(&load.warnings), expected);
    let Error::CsvRow { error, .. } = &load.warnings[0] else {
        panic!("{:?}", load.warnings[0]);
    };
    assert_eq!(
        **error,
        Error::LookalikeIds {
            kind: EntityKind::Officer,
            ids: vec!["0123".into(), "123".into()],
            other_script: vec![],
        }
    );
    let load = Cohort::from_csv(&fw, &csv, &options).expect("valid");
    assert_eq!(load.cohort.len(), 6);
    assert_eq!(messages(&load.warnings), expected);
    let mut reader = CohortCsvReader::new(&fw, &options);
    reader.push_officers(officers.as_bytes());
    reader.push_evidence(evidence.as_bytes());
    assert_eq!(
        messages(&reader.finish().expect("valid").warnings),
        expected
    );
}

/// `officers/28`: the same in an officers document, through the review every JSON reader
/// runs; `4560` is another number, not warned about.
#[test]
fn officer_ids_differing_in_leading_zeros_are_warned_about_in_json() {
    let fw = framework();
    let doc =
        include_str!("../data/cases/officers/28-ids-differing-in-leading-zeros-officers.json");
    let spec = OfficersSpec::from_json(doc).expect("valid");
    let warnings = fw.review_officers(&spec.officers, &ReviewOptions::default());
    let set = r#"officer ids "00456", "0456", "456" differ only in leading zeros: distinct ids that print alike"#;
    assert_eq!(messages(&warnings), [set, set]);
    let cohort = Cohort::from_json(&fw, doc, &LevelPolicy::default()).expect("valid");
    assert_eq!(cohort.len(), 4);
}

/// `csv/36`: `Target Position (optional)` and `Position [ID]` are read as `target` and
/// `position`, each noted with the part read (the target was dropped, the column listed as
/// not read with no nearest column); `Traget Position (optional)` is not read, and names
/// `target` as the column it looks like.
#[test]
fn headers_with_a_bracketed_suffix_are_read_and_noted() {
    let fw = framework();
    let officers = include_str!("../data/cases/csv/36-bracketed-suffix-headers-officers.csv");
    let load = load_officers(
        &fw,
        &OfficersCsv::new(officers),
        &OfficersCsvOptions::default(),
    )
    .expect("valid");
    assert_eq!(load.officers[0].position.as_str(), "us");
    assert_eq!(
        load.officers[0]
            .target_position
            .as_ref()
            .map(karmayogi::PositionId::as_str),
        Some("so")
    );
    assert!(
        load.columns_not_read.is_empty(),
        "{:?}",
        load.columns_not_read
    );
    let parts: Vec<(&str, usize, &str, &str)> = (load.files[0].header_parts.iter())
        .map(|p| (p.column, p.position, p.header.as_str(), p.part.as_str()))
        .collect();
    assert_eq!(
        parts,
        [
            ("position", 4, "Position [ID]", "Position"),
            ("target", 5, "Target Position (optional)", "Target Position"),
        ]
    );
    let misspelt =
        include_str!("../data/cases/csv/36-bracketed-suffix-headers-misspelt-officers.csv");
    let load = load_officers(
        &fw,
        &OfficersCsv::new(misspelt),
        &OfficersCsvOptions::default(),
    )
    .expect("valid");
    assert_eq!(load.officers[0].target_position, None);
    let unread: Vec<(&str, Option<&str>)> = (load.columns_not_read.iter())
        .map(|c| (c.header.as_str(), c.nearest))
        .collect();
    assert_eq!(unread, [("Traget Position (optional)", Some("target"))]);
    assert!(load.files[0].header_parts.is_empty());
}

/// `csv/37`: headers in Hindi and English (`Employee ID (कर्मचारी आईडी)`, `नाम / Name`,
/// `पदनाम / Designation`) are read by their English part, and noted; with the id header
/// misspelt, the missing column's error names that cell.
#[test]
fn bilingual_headers_are_read_and_a_misspelt_one_is_named() {
    let fw = framework();
    let officers = include_str!("../data/cases/csv/37-bilingual-headers-officers.csv");
    let load = load_officers(
        &fw,
        &OfficersCsv::new(officers),
        &OfficersCsvOptions::default(),
    )
    .expect("valid");
    let o = &load.officers[0];
    assert_eq!(
        (o.id.as_str(), o.name.as_deref(), o.position.as_str()),
        ("o1", Some("Asha"), "us")
    );
    let parts: Vec<(&str, &str)> = (load.files[0].header_parts.iter())
        .map(|p| (p.column, p.part.as_str()))
        .collect();
    assert_eq!(
        parts,
        [
            ("id", "Employee ID"),
            ("position", "Designation"),
            ("name", "Name")
        ]
    );
    let misspelt = include_str!("../data/cases/csv/37-bilingual-headers-misspelt-officers.csv");
    let errors = load_officers(
        &fw,
        &OfficersCsv::new(misspelt),
        &OfficersCsvOptions::default(),
    )
    .expect_err("no id column")
    .into_vec();
    assert_eq!(
        errors,
        [Error::CsvMissingColumn {
            file: "officers.csv",
            column: "id",
            header_line: None,
            nearest: Some("Employe ID (\u{915}\u{930}\u{94d}\u{92e}\u{91a}\u{93e}\u{930}\u{940} \u{906}\u{908}\u{921}\u{940})".into()),
        }]
    );
    assert_eq!(
        errors[0].to_string(),
        "officers.csv has no column `id` in its header, did you mean the header `Employe ID (\u{915}\u{930}\u{94d}\u{92e}\u{91a}\u{93e}\u{930}\u{940} \u{906}\u{908}\u{921}\u{940})`?"
    );
}
