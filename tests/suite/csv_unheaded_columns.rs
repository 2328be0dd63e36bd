//! Columns without a header (`tests/data/cases/csv/33-…`): a header ending in `,` (or
//! holding an empty cell) names no column, so nothing is read from it; a row writing a
//! value there (`on leave till 31/03`, `REVOKED - certificate withdrawn`) lost it without
//! a word, as `columns_not_read` listed named columns only. Such a column is reported as
//! not read, by its position, with the rows holding a value, by every reader alike; one
//! empty in every row (a spreadsheet's trailing `,`) holds nothing to lose, and is silent.

use std::fmt::Write;

use karmayogi::{
    Cohort, CohortCsvReader, ColumnNotRead, ColumnValues, Framework, OfficersCsv,
    OfficersCsvOptions, load_officers,
};

const FRAMEWORK: &str = include_str!("../data/cases/csv/33-unheaded-columns-framework.json");
const OFFICERS: &str = include_str!("../data/cases/csv/33-unheaded-columns-officers.csv");
const EVIDENCE: &str = include_str!("../data/cases/csv/33-unheaded-columns-evidence.csv");

fn unheaded(file: &'static str, column: usize, rows: usize, first_line: usize) -> ColumnNotRead {
    ColumnNotRead {
        file,
        column,
        header: String::new(),
        nearest: None,
        values: Some(ColumnValues { rows, first_line }),
    }
}

/// `columns_not_read` of every reader: `load_officers` and `Cohort::from_csv` on 1 and 2
/// threads, and the reader fed one byte at a time.
fn every_reader(fw: &Framework, officers: &str, evidence: &str) -> Vec<Vec<ColumnNotRead>> {
    let csv = OfficersCsv::new(officers).evidence(evidence);
    let mut found = Vec::new();
    for threads in [1, 2] {
        let options = OfficersCsvOptions::default().threads(threads);
        found.push(load_officers(fw, &csv, &options).unwrap().columns_not_read);
        found.push(
            Cohort::from_csv(fw, &csv, &options)
                .unwrap()
                .columns_not_read,
        );
    }
    let options = OfficersCsvOptions::default();
    let mut reader = CohortCsvReader::new(fw, &options);
    for byte in officers.as_bytes().chunks(1) {
        reader.push_officers(byte);
    }
    for byte in evidence.as_bytes().chunks(1) {
        reader.push_evidence(byte);
    }
    found.push(reader.finish().unwrap().columns_not_read);
    found
}

#[test]
fn values_under_no_header_are_reported_by_every_reader() {
    let fw = Framework::from_json(FRAMEWORK).unwrap();
    let expected = [
        unheaded("officers.csv", 7, 1, 3),
        unheaded("evidence.csv", 8, 1, 2),
    ];
    for (reader, found) in every_reader(&fw, OFFICERS, EVIDENCE).iter().enumerate() {
        assert_eq!(found, &expected, "reader {reader}");
    }
}

/// A trailing `,` on every line holds nothing to lose: nothing is reported.
#[test]
fn columns_under_no_header_empty_in_every_row_are_silent() {
    let fw = Framework::from_json(FRAMEWORK).unwrap();
    let officers = OFFICERS.replace("on leave till 31/03", "");
    let evidence = EVIDENCE.replace("REVOKED - certificate withdrawn", " ");
    for found in every_reader(&fw, &officers, &evidence) {
        assert!(found.is_empty(), "{found:?}");
    }
}

/// Many rows, read in parts at once on several threads: the count and the first line are
/// those of the whole file, whatever part read each row.
#[test]
fn values_under_no_header_are_counted_alike_in_a_long_file() {
    let fw = Framework::from_json(FRAMEWORK).unwrap();
    let mut officers = String::from("id,name,department,position,target,,note\n");
    let mut held = 0;
    let mut first = None;
    for i in 0..20_000 {
        let aside = if i % 7 == 3 { "seconded" } else { "" };
        if !aside.is_empty() {
            held += 1;
            first.get_or_insert(i + 2);
        }
        writeln!(officers, "o{i},Officer {i},dopt,so,,{aside},").unwrap();
    }
    let evidence = "officer,competency,level,source,date,verified,course\n";
    let expected = [
        unheaded("officers.csv", 6, held, first.unwrap()),
        ColumnNotRead {
            file: "officers.csv",
            column: 7,
            header: "note".to_owned(),
            nearest: None,
            values: None,
        },
    ];
    for (reader, found) in every_reader(&fw, &officers, evidence).iter().enumerate() {
        assert_eq!(found, &expected, "reader {reader}");
    }
}
