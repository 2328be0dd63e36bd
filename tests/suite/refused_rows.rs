//! An officer row that is not read for a problem of its record (too few or too many
//! fields, a misplaced quote) still names its officer: the passbook rows of that officer
//! are reported as naming a row not read ([`Error::CsvRefusedReference`], with its line),
//! never as naming an officer `officers.csv` does not hold. The same on both loaders,
//! whole or in pieces of any size, on any number of threads.

use std::fmt::Write as _;

use karmayogi::{
    Cohort, CohortCsvReader, Error, Errors, Framework, OfficersCsv, OfficersCsvOptions,
    load_officers,
};

const FRAMEWORK: &str = r#"{
  "format_version": 2,
  "competencies": [{"id": "rti", "name": "Right to Information", "type": "domain"}],
  "roles": [{"id": "r", "name": "CPIO", "requires": [{"competency": "rti", "level": 3}]}],
  "positions": [{"id": "us", "name": "Under Secretary", "department": "dopt", "roles": ["r"]}]
}"#;

/// `o2` lacks a field, `o3` has one too many, `o4` has a misplaced quote; `o5` is nowhere.
const OFFICERS: &str = "id,name,department,position\r\n\
                        o1,Asha,dopt,us\r\n\
                        o2,Ravi,dopt\r\n\
                        o3,Rao, Ravi,dopt,us\r\n\
                        o4,Mi\"ra,dopt,us\r\n";
const EVIDENCE: &str = "officer,competency,level,source\r\n\
                        o1,rti,2,assessment\r\n\
                        o2,rti,2,assessment\r\n\
                        o3,rti,2,assessment\r\n\
                        o4,rti,2,assessment\r\n\
                        o5,rti,2,assessment\r\n\
                        o2,rti,3,assessment\r\n";

fn refused(line: usize, found: &str, target_line: usize) -> Error {
    Error::CsvRefusedReference {
        file: "evidence.csv",
        line,
        column: "officer",
        found: found.to_owned(),
        target: "officers.csv",
        target_line,
    }
}

/// What each error is (`unknown` for a reference, `invalid` for a cell, `repeated` for an
/// id, or the code of the error a passbook row holds), with its line and column.
#[track_caller]
fn places(errors: &[Error]) -> Vec<(&str, usize, &str)> {
    errors
        .iter()
        .map(|e| match e {
            Error::CsvUnknownReference { line, column, .. } => ("unknown", *line, *column),
            Error::CsvInvalidValue { line, column, .. } => ("invalid", *line, *column),
            Error::CsvDuplicateKey { line, column, .. } => ("repeated", *line, *column),
            Error::CsvRow {
                line,
                column,
                error,
                ..
            } => (error.code(), *line, *column),
            other => panic!("{other}"),
        })
        .collect()
}

/// The reader fed pieces of `size` bytes (no evidence file when `evidence` is `None`).
fn in_pieces(
    fw: &Framework,
    officers: &str,
    evidence: Option<&str>,
    size: usize,
    threads: usize,
) -> Result<usize, Vec<Error>> {
    let options = OfficersCsvOptions::default().threads(threads);
    let mut reader = CohortCsvReader::new(fw, &options);
    for piece in officers.as_bytes().chunks(size) {
        reader.push_officers(piece);
    }
    if let Some(evidence) = evidence {
        reader.push_evidence(&[]);
        for piece in evidence.as_bytes().chunks(size) {
            reader.push_evidence(piece);
        }
    }
    reader
        .finish()
        .map(|load| load.cohort.len())
        .map_err(Errors::into_vec)
}

/// `Cohort::from_csv`, and the reader fed pieces of 1, 7 and 64 bytes on one and two
/// threads, give the `errors` `load_officers` gave on the same files.
#[track_caller]
fn same_on_every_reader(
    fw: &Framework,
    (csv, officers, evidence): (&OfficersCsv<'_>, &str, Option<&str>),
    errors: &[Error],
) {
    let whole = Cohort::from_csv(fw, csv, &OfficersCsvOptions::default())
        .expect_err("bad rows")
        .into_vec();
    assert_eq!(whole, errors);
    for size in [1, 7, 64] {
        for threads in [1, 2] {
            let got = in_pieces(fw, officers, evidence, size, threads).expect_err("bad rows");
            assert_eq!(got, errors, "pieces of {size} bytes, {threads} threads");
        }
    }
}

#[test]
fn passbook_rows_of_an_officer_row_not_read_name_that_row() {
    let fw = Framework::from_json(FRAMEWORK).expect("valid");
    let csv = OfficersCsv::new(OFFICERS).evidence(EVIDENCE);
    let errors = load_officers(&fw, &csv, &OfficersCsvOptions::default())
        .expect_err("bad rows")
        .into_vec();
    let codes: Vec<&str> = errors.iter().map(Error::code).collect();
    assert_eq!(
        codes,
        [
            "csv_field_count",
            "csv_field_count",
            "csv_misplaced_quote",
            "csv_refused_reference",
            "csv_refused_reference",
            "csv_refused_reference",
            "csv_unknown_reference",
            "csv_refused_reference",
        ]
    );
    assert_eq!(errors[3], refused(3, "o2", 3));
    assert_eq!(errors[4], refused(4, "o3", 4));
    assert_eq!(errors[5], refused(5, "o4", 5));
    assert_eq!(errors[7], refused(7, "o2", 3));
    assert_eq!(
        errors[3].to_string(),
        "evidence.csv line 3, column `officer`: `o2` is the id of officers.csv line 3, \
         which was not read for its own problem"
    );
    // Only the officer nobody listed is "not in officers.csv".
    assert!(matches!(&errors[6], Error::CsvUnknownReference { found, .. } if found == "o5"));

    let whole = Cohort::from_csv(&fw, &csv, &OfficersCsvOptions::default())
        .expect_err("bad rows")
        .into_vec();
    assert_eq!(whole, errors);
    for size in [1, 7, 64] {
        for threads in [1, 2, 4] {
            let got =
                in_pieces(&fw, OFFICERS, Some(EVIDENCE), size, threads).expect_err("bad rows");
            assert_eq!(got, errors, "pieces of {size} bytes, {threads} threads");
        }
    }
}

#[test]
fn a_refused_row_is_named_when_the_files_are_read_in_parts_on_several_threads() {
    let fw = Framework::from_json(FRAMEWORK).expect("valid");
    // About 3 MiB of officers and 4 MiB of passbook rows, read in parts of a piece on
    // several threads; every 10,007th officer row lacks its position.
    let mut officers = String::from("id,name,department,position\n");
    let mut lines = Vec::new();
    for i in 0..120_000 {
        if i % 10_007 == 5_000 {
            lines.push(i + 2);
            writeln!(officers, "officer-{i:08},Name {i},dopt").expect("a string");
        } else {
            writeln!(officers, "officer-{i:08},Name {i},dopt,us").expect("a string");
        }
    }
    let mut evidence = String::from("officer,competency,level,source\n");
    for i in 0..120_000 {
        writeln!(evidence, "officer-{i:08},rti,{},assessment", i % 4).expect("a string");
    }
    let csv = OfficersCsv::new(&officers).evidence(&evidence);
    let want = load_officers(&fw, &csv, &OfficersCsvOptions::default())
        .expect_err("bad rows")
        .into_vec();
    let (counts, named): (Vec<_>, Vec<_>) = want
        .iter()
        .partition(|e| matches!(e, Error::CsvFieldCount { .. }));
    assert_eq!(counts.len(), lines.len());
    let named: Vec<usize> = named
        .iter()
        .map(|e| match e {
            Error::CsvRefusedReference { target_line, .. } => *target_line,
            other => panic!("{other}"),
        })
        .collect();
    assert_eq!(named, lines);
    for threads in [1, 2, 4] {
        let options = OfficersCsvOptions::default().threads(threads);
        let whole = Cohort::from_csv(&fw, &csv, &options).expect_err("bad rows");
        assert_eq!(whole.into_vec(), want, "{threads} threads");
        for size in [1 << 20, 777_777] {
            let got =
                in_pieces(&fw, &officers, Some(&evidence), size, threads).expect_err("bad rows");
            assert_eq!(got, want, "pieces of {size} bytes, {threads} threads");
        }
    }
}

/// `csv/19`: a passbook row naming an officer `officers.csv` does not hold still has its
/// entry checked, as a known officer's row has: `07,C,2` names an unknown competency too
/// and `07,rti,2,course_completion` a completion without its course, each reported with
/// the unknown officer, the entries numbered in the order the rows name `07`.
#[test]
fn an_unknown_officer_does_not_hide_the_rest_of_its_row() {
    let fw = Framework::from_json(FRAMEWORK).expect("valid");
    let officers = include_str!("../data/cases/csv/19-unknown-officer-bad-entry-officers.csv");
    let evidence = include_str!("../data/cases/csv/19-unknown-officer-bad-entry-evidence.csv");
    let csv = OfficersCsv::new(officers).evidence(evidence);
    let errors = load_officers(&fw, &csv, &OfficersCsvOptions::default())
        .expect_err("bad rows")
        .into_vec();
    assert_eq!(
        places(&errors),
        [
            ("unknown", 3, "officer"),
            ("invalid_evidence", 3, "competency"),
            ("unknown", 4, "officer"),
            ("invalid_evidence", 4, "course"),
        ]
    );
    let entries: Vec<(String, usize)> = errors
        .iter()
        .filter_map(|e| match e {
            Error::CsvRow { error, .. } => match &**error {
                Error::InvalidEvidence { officer, index, .. } => {
                    Some((officer.to_string(), *index))
                }
                _ => None,
            },
            _ => None,
        })
        .collect();
    assert_eq!(entries, [("07".to_owned(), 0), ("07".to_owned(), 1)]);

    same_on_every_reader(&fw, (&csv, officers, Some(evidence)), &errors);
}

/// `csv/22`: a row whose id does not read (a zero-width space in it, or no id) or repeats
/// an earlier row's still has its position and target checked, so that one run names
/// every problem of the row: the unknown post `under-secretary`, target
/// `deputy-secretary`, and `us` written with a zero-width space inside. The same on both
/// loaders, whole or in pieces, on one or two threads.
#[test]
fn a_row_whose_id_does_not_read_or_repeats_has_its_posts_checked_too() {
    let fw = Framework::from_json(FRAMEWORK).expect("valid");
    let officers = include_str!("../data/cases/csv/22-bad-ids-beside-unknown-posts-officers.csv");
    let csv = OfficersCsv::new(officers);
    let errors = load_officers(&fw, &csv, &OfficersCsvOptions::default())
        .expect_err("bad rows")
        .into_vec();
    assert_eq!(
        places(&errors),
        [
            ("invalid", 3, "id"),
            ("unknown", 3, "position"),
            ("invalid", 4, "id"),
            ("unknown", 4, "target"),
            ("repeated", 5, "id"),
            ("unknown", 5, "position"),
        ]
    );
    let texts: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        texts[5],
        "officers.csv line 5, column `position`: \"u\\u{200b}s\" is not in the framework's \
         positions, did you mean `us`?"
    );
    same_on_every_reader(&fw, (&csv, officers, None), &errors);
}
