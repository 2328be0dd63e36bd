//! Title lines above the header of an HR export (`Officers report`, `Generated on
//! 2026-03-01`, a blank line), as spreadsheet and HR tools write them: read past by every
//! reader of officers and passbooks (`load_officers`, `Cohort::from_csv`,
//! `CohortCsvReader` fed in pieces cut anywhere), each reported with its line and text;
//! a line of two cells or more above the header is refused as a possible misplaced header
//! or row, naming it; ESCO's files, whose publisher writes the header first, still refuse
//! any line above it.

use karmayogi::{
    Cohort, CohortCsvReader, CsvFileRead, Error, Errors, EscoCsv, Framework, OfficersCsv,
    OfficersCsvOptions, TITLE_LINES_MAX, load_esco, load_officers,
};

use crate::support::HEADER_FRAMEWORK as FRAMEWORK;

const OFFICERS: &str = include_str!("../data/cases/csv/11-title-lines-officers.csv");
const EVIDENCE: &str = include_str!("../data/cases/csv/13-title-lines-evidence.csv");
const MISPLACED: &str = include_str!("../data/cases/csv/14-misplaced-header-officers.csv");
const BOM_OFFICERS: &str =
    include_str!("../data/cases/csv/16-title-above-a-byte-order-mark-officers.csv");
const BOM_EVIDENCE: &str =
    include_str!("../data/cases/csv/16-title-above-a-byte-order-mark-evidence.csv");

/// Title lines as `(file, line, text)`.
type Titles = Vec<(&'static str, usize, String)>;

/// The files' title lines.
fn titles(files: &[CsvFileRead]) -> Titles {
    files
        .iter()
        .flat_map(|f| {
            f.title_lines
                .iter()
                .map(|t| (f.file, t.line, t.text.clone()))
        })
        .collect()
}

/// Loads through the three readers (the reader fed in pieces of `sizes` bytes); they must
/// agree. The titles of the files, or the errors.
#[track_caller]
fn load_all(officers: &str, evidence: &str) -> Result<(Titles, usize), Vec<Error>> {
    let fw = Framework::from_json(FRAMEWORK).expect("valid");
    let csv = OfficersCsv::new(officers).evidence(evidence);
    let options = OfficersCsvOptions::default();
    let two_step = load_officers(&fw, &csv, &options)
        .map(|l| (titles(&l.files), l.officers.len()))
        .map_err(Errors::into_vec);
    let cohort = Cohort::from_csv(&fw, &csv, &options)
        .map(|l| (titles(&l.files), l.cohort.len()))
        .map_err(Errors::into_vec);
    assert_eq!(two_step, cohort, "load_officers and Cohort::from_csv");
    for size in [1, 2, 7, 16, 64, 1 << 20] {
        let mut reader = CohortCsvReader::new(&fw, &options);
        for piece in officers.as_bytes().chunks(size) {
            reader.push_officers(piece);
        }
        for piece in evidence.as_bytes().chunks(size) {
            reader.push_evidence(piece);
        }
        let streamed = reader
            .finish()
            .map(|l| (titles(&l.files), l.cohort.len()))
            .map_err(Errors::into_vec);
        assert_eq!(two_step, streamed, "pieces of {size} bytes");
    }
    two_step
}

// csv/11 and csv/13: a title, a date of export and a blank line above the header, in a
// comma-separated officers file and in a passbook separated by `;` with CRLF, whose
// title is quoted and whose date line has empty cells after it.

#[test]
fn title_lines_above_the_header_are_read_past_and_reported() {
    let (read, officers) = load_all(OFFICERS, EVIDENCE).expect("read");
    assert_eq!(officers, 2);
    assert_eq!(
        read,
        [
            ("officers.csv", 1, "Officers report".to_owned()),
            ("officers.csv", 2, "Generated on 2026-11-30".to_owned()),
            (
                "evidence.csv",
                1,
                "Department of Posts \u{2014} Competency passbook export".to_owned()
            ),
            ("evidence.csv", 2, "Generated 2026-03-01".to_owned()),
        ]
    );
    // The rows are read under the header, with their lines.
    let fw = Framework::from_json(FRAMEWORK).expect("valid");
    let csv = OfficersCsv::new(OFFICERS).evidence(EVIDENCE);
    let load = load_officers(&fw, &csv, &OfficersCsvOptions::default()).expect("read");
    let passbooks: Vec<(&str, &str, u8)> = (load.officers.iter())
        .flat_map(|o| {
            (o.passbook.iter()).map(move |e| (o.id.as_str(), e.competency.as_str(), e.level))
        })
        .collect();
    assert_eq!(passbooks, [("1042", "rti", 2), ("1043", "noting", 3)]);
    // In the JSON form of the report, each with its line and text as written.
    let json = serde_json::to_value(&load.files[1].title_lines).expect("serializes");
    assert_eq!(
        json,
        serde_json::json!([
            {"line": 1, "text": "Department of Posts \u{2014} Competency passbook export"},
            {"line": 2, "text": "Generated 2026-03-01"}
        ])
    );
    // A file whose header comes first has none.
    let (read, _) = load_all(
        "id,department,position\no1,dopt,us\n",
        "officer,competency,level,source\n",
    )
    .expect("read");
    assert!(read.is_empty(), "{read:?}");
}

#[test]
fn a_title_line_is_shown_escaped() {
    let hidden = "Report\u{200b}\u{202e}2026";
    let officers = format!("x\n\n\"{hidden}\"\nid,department,position\no1,dopt,us\n");
    let (read, _) = load_all(&officers, "officer,competency,level,source\n").expect("read");
    assert_eq!(
        read,
        [
            ("officers.csv", 1, "x".to_owned()),
            ("officers.csv", 3, hidden.to_owned())
        ]
    );
    let fw = Framework::from_json(FRAMEWORK).expect("valid");
    let options = OfficersCsvOptions::default();
    let load = load_officers(&fw, &OfficersCsv::new(&officers), &options).expect("read");
    let shown: Vec<String> = (load.files[0].title_lines.iter())
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        shown,
        ["line 1: `x`", "line 3: \"Report\\u{200b}\\u{202e}2026\""]
    );
}

// csv/14: a line of three cells between a title and the header: a misplaced header, or a
// row above it.

#[test]
fn a_line_of_several_cells_above_the_header_is_refused_naming_it() {
    let errors = load_all(MISPLACED, "officer,competency,level,source\n").expect_err("refused");
    assert_eq!(
        errors,
        [Error::CsvLineAboveHeader {
            file: "officers.csv",
            line: 2,
            header_line: 4,
            cells: vec!["Emp".into(), "Dept".into(), "Post".into()],
        }]
    );
    assert_eq!(
        errors[0].to_string(),
        "officers.csv line 2, above the header on line 4, has 3 cells (`Emp`, `Dept`, \
         `Post`): only title lines of one cell are read past above a header, and this may \
         be a misplaced header or a row; remove it"
    );
    assert_eq!(errors[0].code(), "csv_line_above_header");
    // Every such line is named, in both files at once; cells are counted under the
    // header's delimiter (`a,b` is one cell of a file separated by `;`).
    let errors = load_all(
        "x,y\nTitle\nz,w\nid,department,position\n",
        "a,b\nofficer;competency;level;source\n",
    )
    .expect_err("refused");
    let lines: Vec<(&str, usize, usize)> = (errors.iter())
        .map(|e| match e {
            Error::CsvLineAboveHeader {
                file,
                line,
                header_line,
                ..
            } => (*file, *line, *header_line),
            other => panic!("{other}"),
        })
        .collect();
    assert_eq!(lines, [("officers.csv", 1, 4), ("officers.csv", 3, 4)]);
}

#[test]
fn a_header_is_looked_for_below_at_most_so_many_title_lines() {
    let with = |n: usize| {
        format!(
            "{}\nid,department,position\no1,dopt,us\n",
            (1..=n)
                .map(|i| format!("Title {i}"))
                .collect::<Vec<_>>()
                .join("\n\n")
        )
    };
    let evidence = "officer,competency,level,source\n";
    let (read, officers) = load_all(&with(TITLE_LINES_MAX), evidence).expect("read");
    assert_eq!((read.len(), officers), (TITLE_LINES_MAX, 1));
    assert_eq!(read[99], ("officers.csv", 199, "Title 100".to_owned()));
    // One more is no title: the header is missing, and the error says where one is.
    let errors = load_all(&with(TITLE_LINES_MAX + 1), evidence).expect_err("refused");
    assert!(
        errors.iter().all(|e| matches!(
            e,
            Error::CsvMissingColumn {
                file: "officers.csv",
                header_line: Some(202),
                nearest: None,
                ..
            }
        )),
        "{errors:?}"
    );
}

// csv/15: title lines above a header that lacks a column.

#[test]
fn a_header_below_title_lines_that_lacks_a_column_is_named_by_what_it_lacks() {
    // The missing column is named against the header, the first line of two cells or
    // more, not against the title (which names no column at all).
    let officers =
        include_str!("../data/cases/csv/15-title-lines-and-a-column-missing-officers.csv");
    let evidence = "officer,competency,level,source\n";
    let errors = load_all(officers, evidence).expect_err("refused");
    assert_eq!(
        errors,
        [Error::CsvMissingColumn {
            file: "officers.csv",
            column: "position",
            header_line: None,
            nearest: None,
        }]
    );
    // A file of title lines alone names every column as missing, as before.
    let errors = load_all("Officers report\nGenerated\n", evidence).expect_err("refused");
    assert_eq!(errors.len(), 3, "{errors:?}");
}

#[test]
fn a_publisher_s_file_with_a_line_above_its_header_is_still_refused() {
    let occupations = "ESCO occupations\nocc_id,label,isco_group\n7,Clerk,4110\n";
    let errors = load_esco(
        &EscoCsv {
            occupations,
            skills: "skill_id,label,kind\n",
            occupation_skills: "occ_id,skill_id,relation\n",
            hierarchy: None,
        },
        &karmayogi::EscoOptions::default(),
    )
    .expect_err("refused")
    .into_vec();
    assert!(
        errors.iter().any(|e| matches!(
            e,
            Error::CsvMissingColumn {
                file: "esco/occupations.csv",
                header_line: Some(2),
                nearest: None,
                ..
            }
        )),
        "{errors:?}"
    );
}

// csv/16: a title line written above an export that starts with a byte-order mark (a tool
// that writes a title, then the export as Excel saved it), so the mark starts the header's
// line, not the file; in the passbook, marks start a title line too.

#[test]
fn a_header_starting_with_a_byte_order_mark_below_a_title_is_read() {
    let (read, officers) = load_all(BOM_OFFICERS, BOM_EVIDENCE).expect("read");
    assert_eq!(officers, 2);
    assert_eq!(
        read,
        [
            ("officers.csv", 1, "Officers report".to_owned()),
            ("evidence.csv", 1, "Competency passbook export".to_owned()),
            ("evidence.csv", 2, "Generated 2026-03-01".to_owned()),
        ]
    );
    let fw = Framework::from_json(FRAMEWORK).expect("valid");
    let csv = OfficersCsv::new(BOM_OFFICERS).evidence(BOM_EVIDENCE);
    let load = load_officers(&fw, &csv, &OfficersCsvOptions::default()).expect("read");
    let passbooks: Vec<(&str, &str, u8)> = (load.officers.iter())
        .flat_map(|o| {
            (o.passbook.iter()).map(move |e| (o.id.as_str(), e.competency.as_str(), e.level))
        })
        .collect();
    assert_eq!(passbooks, [("1042", "rti", 2)]);
}
