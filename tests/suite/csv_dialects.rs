//! HR exports as spreadsheets and HR tools write them in other dialects of CSV: fields
//! separated by `;` (Excel where the decimal mark is a comma), tabs or `|`. Every case is
//! read by `load_officers`, `Cohort::from_csv` and a `CohortCsvReader` fed byte by byte,
//! which must agree on the officers, the errors and the report of how each file was read.

use std::fmt::Write as _;

use karmayogi::{
    Cohort, CohortCsvReader, CsvFileRead, Delimiter, DelimiterFrom, Error, EscoCsv, EscoOptions,
    EvidenceSource, LevelPolicy, OfficerSpec, OfficersCsv, OfficersCsvOptions, OnetCsv,
    OnetOptions, load_esco, load_officers, load_onet,
};

use crate::support::{NOT_REPLACED, hr_framework as framework, officer_lines};

const SEMICOLON_OFFICERS: &str = include_str!("../data/cases/csv/01-semicolon-officers.csv");
const SEMICOLON_EVIDENCE: &str = include_str!("../data/cases/csv/01-semicolon-evidence.csv");
const TAB_OFFICERS: &str = include_str!("../data/cases/csv/02-tab-officers.csv");
const TAB_EVIDENCE: &str = include_str!("../data/cases/csv/02-tab-evidence.csv");

/// What a load gave: the officers and how the files were read, or the error messages.
type Outcome = Result<(Vec<OfficerSpec>, Vec<CsvFileRead>), Vec<String>>;

fn messages(errors: &karmayogi::Errors) -> Vec<String> {
    errors.iter().map(ToString::to_string).collect()
}

/// Loads with every reader, checks they agree, and gives what `load_officers` gave.
#[track_caller]
fn load(officers: &str, evidence: Option<&str>, options: &OfficersCsvOptions) -> Outcome {
    let fw = framework();
    let mut csv = OfficersCsv::new(officers);
    if let Some(e) = evidence {
        csv = csv.evidence(e);
    }
    let loaded = load_officers(&fw, &csv, options);
    let streamed = Cohort::from_csv(&fw, &csv, options);
    let mut reader = CohortCsvReader::new(&fw, options);
    for b in officers.as_bytes().chunks(1) {
        reader.push_officers(b);
    }
    if let Some(e) = evidence {
        for b in e.as_bytes().chunks(1) {
            reader.push_evidence(b);
        }
    }
    let bytes = reader.finish();
    match (loaded, streamed, bytes) {
        (Ok(load), Ok(cohort), Ok(bytes)) => {
            let built = Cohort::new(&fw, &load.officers, &LevelPolicy::default()).expect("valid");
            assert_eq!(officer_lines(&cohort.cohort), officer_lines(&built));
            assert_eq!(officer_lines(&bytes.cohort), officer_lines(&built));
            assert_eq!(cohort.files, load.files);
            assert_eq!(bytes.files, load.files);
            assert_eq!(cohort.warnings, load.warnings);
            assert_eq!(bytes.warnings, load.warnings);
            Ok((load.officers, load.files))
        }
        (Err(a), Err(b), Err(c)) => {
            let (a, b, c) = (messages(&a), messages(&b), messages(&c));
            assert_eq!(a, b, "the two readers report alike");
            assert_eq!(a, c, "byte by byte, the reader reports alike");
            Err(a)
        }
        (a, b, c) => panic!(
            "the readers disagree: {:?} / {:?} / {:?}",
            a.map(|_| ()),
            b.map(|_| ()),
            c.map(|_| ())
        ),
    }
}

/// The (file, delimiter, how) of each file read.
fn delimiters(files: &[CsvFileRead]) -> Vec<(&'static str, char, DelimiterFrom)> {
    files
        .iter()
        .map(|f| (f.file, f.delimiter.as_char(), f.delimiter_from))
        .collect()
}

/// `csv/01`: officers and passbooks as Excel saves "CSV" where the decimal mark is a
/// comma: `;` between fields, a byte-order mark, CRLF, a name holding a comma unquoted
/// and one holding a `;` quoted, a row of cleared cells (`;;;`), levels written `2,0`.
#[test]
fn semicolon_exports_are_read_with_their_delimiter() {
    let options = OfficersCsvOptions::default();
    let (officers, files) = load(SEMICOLON_OFFICERS, Some(SEMICOLON_EVIDENCE), &options)
        .unwrap_or_else(|e| panic!("{e:?}"));
    let names: Vec<(&str, Option<&str>, &str)> = officers
        .iter()
        .map(|o| (o.id.as_str(), o.name.as_deref(), o.position.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("E-001", Some("Rao, Asha"), "us"),
            ("E-002", Some("Kumar; Ravi"), "so-mumbai"),
            ("E-003", Some("Meera"), "aso"),
        ]
    );
    let levels: Vec<(u8, EvidenceSource)> = officers
        .iter()
        .flat_map(|o| o.passbook.iter().map(|e| (e.level, e.source)))
        .collect();
    let (a, s) = (EvidenceSource::Assessment, EvidenceSource::SelfDeclared);
    assert_eq!(levels, [(2, a), (1, s), (2, a), (3, a)]);
    let detected = DelimiterFrom::Detected;
    assert_eq!(
        delimiters(&files),
        [
            ("officers.csv", ';', detected),
            ("evidence.csv", ';', detected)
        ]
    );
    // Problems are named by line and column as in a comma file.
    let wrong = SEMICOLON_EVIDENCE.replace("3,0", "7");
    assert_eq!(
        load(SEMICOLON_OFFICERS, Some(&wrong), &options).unwrap_err(),
        [
            "evidence.csv line 5, column `level`: officer `E-003` passbook entry 0 (competency \
             `noting`): found `7`, expected a level from 0 to 3"
        ]
    );
    let short = SEMICOLON_OFFICERS.replace("E-003;Meera;dopt;aso", "E-003;Meera;dopt");
    assert_eq!(
        load(&short, None, &options).unwrap_err(),
        ["officers.csv line 5 has 3 fields: expected 4, as in the header"]
    );
}

/// `csv/02`: tab-separated files (a name holding a comma, an empty date).
#[test]
fn tab_and_pipe_exports_are_read_with_their_delimiter() {
    let options = OfficersCsvOptions::default();
    for (officers, evidence, d) in [
        (TAB_OFFICERS.to_owned(), TAB_EVIDENCE.to_owned(), '\t'),
        (
            TAB_OFFICERS.replace('\t', "|"),
            TAB_EVIDENCE.replace('\t', "|"),
            '|',
        ),
    ] {
        let (officers, files) =
            load(&officers, Some(&evidence), &options).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(officers[0].name.as_deref(), Some("Asha Rao, IAS"));
        assert_eq!(officers[0].passbook.len(), 2);
        assert!(!officers[0].passbook[1].verified);
        assert_eq!(
            delimiters(&files),
            [
                ("officers.csv", d, DelimiterFrom::Detected),
                ("evidence.csv", d, DelimiterFrom::Detected)
            ]
        );
    }
}

#[test]
fn a_delimiter_given_or_declared_is_used_and_a_wrong_one_named() {
    let given = OfficersCsvOptions::default().delimiter(Delimiter::Tab);
    let (_, files) = load(TAB_OFFICERS, Some(TAB_EVIDENCE), &given).unwrap();
    assert_eq!(files[0].delimiter_from, DelimiterFrom::Given);
    // Excel's `sep=;` line declares it.
    let declared = format!(
        "sep=;\r\n{}",
        SEMICOLON_OFFICERS.trim_start_matches('\u{feff}')
    );
    let (officers, files) = load(&declared, None, &OfficersCsvOptions::default()).unwrap();
    assert_eq!(officers.len(), 3);
    assert_eq!(
        delimiters(&files),
        [("officers.csv", ';', DelimiterFrom::Declared)]
    );
    // A delimiter given that the header is not separated by: named with the one it is.
    assert_eq!(
        load(SEMICOLON_OFFICERS, Some(TAB_EVIDENCE), &given).unwrap_err(),
        ["officers.csv separates the fields of its header with `;`: expected `\\t`"]
    );
    let errors = load_officers(
        &framework(),
        &OfficersCsv::new(SEMICOLON_OFFICERS),
        &OfficersCsvOptions::default().delimiter(Delimiter::Comma),
    )
    .unwrap_err();
    assert_eq!(
        errors.as_slice(),
        [Error::CsvDelimiter {
            file: "officers.csv",
            found: ';',
            expected: ',',
        }]
    );
    let json = serde_json::to_value(&errors.as_slice()[0]).unwrap();
    assert_eq!(json["code"], "csv_delimiter");
    assert_eq!(json["found"], ";");
    assert_eq!(json["expected"], ",");
    let files = serde_json::to_value(&files).unwrap();
    assert_eq!(files[0]["delimiter"], ";");
    assert_eq!(files[0]["delimiter_from"], "declared");
}

#[test]
fn a_header_two_delimiters_read_alike_is_ambiguous() {
    // Split at `,` or at `;`, this header names `id`, `department` and `position`.
    let officers = "id,department,position,x;id;department;position\n1,2,3,4;5;6;7\n";
    let errors = load(officers, None, &OfficersCsvOptions::default()).unwrap_err();
    assert_eq!(
        errors,
        [
            "officers.csv header names the columns needed when split at any of `,`, `;`: \
             expected one delimiter"
        ]
    );
    // Given, it is read: the row is officer `5` in position `7`, unknown.
    let given = OfficersCsvOptions::default().delimiter(Delimiter::Semicolon);
    let errors = load(officers, None, &given).unwrap_err();
    assert_eq!(
        errors,
        ["officers.csv line 2, column `position`: `7` is not in the framework's positions"]
    );
}

#[test]
fn other_loaders_tell_the_delimiter_too() {
    let semicolons = EscoCsv::new(
        "occ_id;uuid;isco_group;esco_code;label\n7;u7;2422;2422.1;policy officer\n",
        "skill_id,uuid,skill_type,reuse_level,hier_level,label\n4,s4,knowledge,sector-specific,,finance\n",
        "occ_id\tskill_id\trelation\n7\t4\tE\n",
    );
    let spec = load_esco(&semicolons, &EscoOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(spec.positions.len(), 1);
}

#[test]
fn line_breaks_in_quoted_labels_read_alike_whatever_the_line_ends() {
    // One file saved with LF, CRLF (Windows) and CR (old Macs) line ends: a line break
    // inside a quoted label is `\n` in all three, so the names do not depend on where the
    // file was saved.
    let ends = |text: &str, end: &str| text.replace('\n', end);
    let occupations = "occ_id,isco_group,label\n7,2422,\"policy\nofficer\"\n";
    let skills =
        "skill_id,skill_type,reuse_level,label\n4,knowledge,sector-specific,\"public\nfinance\"\n";
    let links = "occ_id,skill_id,relation\n7,4,E\n";
    let esco = |end: &str| {
        let (o, s, l) = (ends(occupations, end), ends(skills, end), ends(links, end));
        load_esco(&EscoCsv::new(&o, &s, &l), &EscoOptions::default())
            .unwrap_or_else(|e| panic!("{e}"))
    };
    let lf = esco("\n");
    assert_eq!(lf.positions[0].name, "policy\nofficer");
    assert_eq!(lf.competencies[0].name, "public\nfinance");
    assert_eq!(esco("\r\n"), lf);
    assert_eq!(esco("\r"), lf);

    let occupations = "soc,title\n13-1041.00,\"Compliance\nOfficers\"\n";
    let elements = "element_id,parent_id,depth,name,description\n\
        2.B,,2,Social Skills,\"Developed capacities\nused to work with people\"\n\
        2.B.1.a,2.B,4,\"Social\nPerceptiveness\",\"Being aware\nof others\"\n";
    let levels = "soc,element_id,importance_1_5,level_0_7,recommend_suppress,not_relevant\n\
        13-1041.00,2.B.1.a,3.5,4.0,N,\n";
    let tasks = "soc,task_id,task_type,task\n13-1041.00,1,Core,\"File\nreports\"\n";
    let onet = |end: &str| {
        let (o, e, l, t) = (
            ends(occupations, end),
            ends(elements, end),
            ends(levels, end),
            ends(tasks, end),
        );
        load_onet(&OnetCsv::new(&o, &e, &l).tasks(&t), &OnetOptions::default())
            .unwrap_or_else(|e| panic!("{e}"))
    };
    let lf = onet("\n");
    assert_eq!(lf.positions[0].name, "Compliance\nOfficers");
    assert_eq!(lf.competencies[0].name, "Social\nPerceptiveness");
    assert_eq!(lf.competencies[0].description, "Being aware\nof others");
    assert_eq!(lf.activities[0].name, "File\nreports");
    assert_eq!(onet("\r\n"), lf);
    assert_eq!(onet("\r"), lf);
}

/// `csv/21`: an HR export saved on Windows, whose names hold a line break inside their
/// quotes. `load_officers` and the cohort readers kept it as `\r\n` (as `\r` from an old
/// Mac), where the same file saved with LF line ends gave `\n`.
#[test]
fn line_breaks_in_quoted_officer_names_read_alike_whatever_the_line_ends() {
    let windows = include_str!("../data/cases/csv/21-line-breaks-in-quoted-names-officers.csv");
    let lf = windows.replace("\r\n", "\n");
    let read = |text: &str| {
        load(text, None, &OfficersCsvOptions::default())
            .unwrap_or_else(|e| panic!("{e:?}"))
            .0
    };
    let expected = read(&lf);
    let names: Vec<Option<&str>> = expected.iter().map(|o| o.name.as_deref()).collect();
    assert_eq!(names, [Some("Rao,\nAsha"), Some("Meera\n(on deputation)")]);
    // `load` checks that the cohort readers hold the names `load_officers` gives.
    assert_eq!(read(windows), expected);
    assert_eq!(read(&lf.replace('\n', "\r")), expected);
}

/// `csv/31`: an HR export saved as "CSV (Macintosh)" (lines ended by a CR alone) with
/// fields separated by `;`, whose name and remarks cells hold a line feed inside their
/// quotes. The cohort readers took the line feed for the end of the header's record,
/// before they knew the delimiter, and reported a quoted field never closed and a
/// misplaced quote where `load_officers` read both files. Every reader, in pieces and on
/// two threads, must read the same officers with `;`, tabs and `|`, told from the header
/// or given.
#[test]
fn mac_line_ends_with_quoted_line_feeds_read_alike_in_every_dialect() {
    let officers =
        include_str!("../data/cases/csv/31-mac-line-ends-and-quoted-line-feeds-officers.csv");
    let evidence =
        include_str!("../data/cases/csv/31-mac-line-ends-and-quoted-line-feeds-evidence.csv");
    let fw = framework();
    for d in [';', '\t', '|'] {
        let (o, e) = (
            officers.replace(';', &d.to_string()),
            evidence.replace(';', &d.to_string()),
        );
        let given = OfficersCsvOptions::default().delimiter(Delimiter::from_char(d).expect("one"));
        for options in [OfficersCsvOptions::default(), given] {
            let (read, files) = load(&o, Some(&e), &options).unwrap_or_else(|e| panic!("{e:?}"));
            let names: Vec<(&str, Option<&str>)> = read
                .iter()
                .map(|o| (o.id.as_str(), o.name.as_deref()))
                .collect();
            assert_eq!(
                names,
                [("E-001", Some("Rao,\nAsha")), ("E-002", Some("Meera"))]
            );
            let entries: Vec<(&str, &str, u8)> = (read.iter())
                .flat_map(|o| {
                    o.passbook
                        .iter()
                        .map(|p| (o.id.as_str(), p.competency.as_str(), p.level))
                })
                .collect();
            assert_eq!(entries, [("E-001", "rti", 2), ("E-002", "noting", 1)]);
            assert!(
                files.iter().all(|f| f.delimiter.as_char() == d),
                "{files:?}"
            );
            let csv = OfficersCsv::new(&o).evidence(&e);
            let loaded = load_officers(&fw, &csv, &options).expect("read");
            let two = Cohort::from_csv(&fw, &csv, &options.clone().threads(2)).expect("read");
            assert_eq!(two.columns_not_read, loaded.columns_not_read);
            assert_eq!(two.files, loaded.files);
            let remarks: Vec<(&str, &str)> = loaded
                .columns_not_read
                .iter()
                .map(|c| (c.file, c.header.as_str()))
                .collect();
            assert_eq!(remarks, [("evidence.csv", "remarks")]);
        }
    }
}

const MARKED_OFFICERS: &str = include_str!("../data/cases/csv/03-missing-markers-officers.csv");
const MARKED_EVIDENCE: &str = include_str!("../data/cases/csv/03-missing-markers-evidence.csv");

/// The (column, cells, first line) of each file's cells read as missing.
fn missing(files: &[CsvFileRead]) -> Vec<(&'static str, &'static str, usize, usize)> {
    files
        .iter()
        .flat_map(|f| {
            f.missing
                .iter()
                .map(|m| (f.file, m.column, m.cells, m.first_line))
        })
        .collect()
}

/// `csv/03`: optional cells that mark a missing value as R (`NA`), Excel (`#N/A`),
/// databases (`NULL`, `\N`) and people (`N/A`, `-`, `--`) write it: read as empty (a
/// `verified` cell as not verified), and counted per column.
#[test]
fn missing_value_marks_in_optional_columns_are_read_as_empty_and_counted() {
    let (officers, files) = load(
        MARKED_OFFICERS,
        Some(MARKED_EVIDENCE),
        &OfficersCsvOptions::default(),
    )
    .unwrap_or_else(|e| panic!("{e:?}"));
    let read: Vec<(&str, Option<&str>, Option<&str>)> = officers
        .iter()
        .map(|o| {
            let target = o
                .target_position
                .as_ref()
                .map(karmayogi::PositionId::as_str);
            (o.id.as_str(), o.name.as_deref(), target)
        })
        .collect();
    assert_eq!(
        read,
        [
            ("o1", None, None),
            ("o2", Some("Ravi Kumar"), None),
            ("o3", None, Some("us")),
        ]
    );
    let entries: Vec<(&str, &str, bool, Option<&str>)> = officers
        .iter()
        .flat_map(|o| &o.passbook)
        .map(|e| {
            let course = e.course.as_ref().map(karmayogi::CourseId::as_str);
            (e.competency.as_str(), e.date.as_str(), e.verified, course)
        })
        .collect();
    assert_eq!(
        entries,
        [
            // A verification marked missing is none: not verified.
            ("rti", "", false, None),
            ("integrity", "2024-02-01", true, None),
            ("noting", "", false, None),
            ("noting", "", true, None),
        ]
    );
    assert_eq!(
        missing(&files),
        [
            ("officers.csv", "name", 2, 2),
            ("officers.csv", "target", 2, 2),
            ("evidence.csv", "date", 3, 2),
            ("evidence.csv", "verified", 2, 2),
            ("evidence.csv", "course", 3, 2),
        ]
    );
    let json = serde_json::to_value(&files[1]).unwrap();
    assert_eq!(json["missing"][0]["column"], "date");
    assert_eq!(json["missing"][0]["cells"], 3);
    // A file without marks reports none.
    let (_, files) = load(
        TAB_OFFICERS,
        Some(TAB_EVIDENCE),
        &OfficersCsvOptions::default(),
    )
    .unwrap_or_else(|e| panic!("{e:?}"));
    assert!(missing(&files).is_empty());
}

#[test]
fn missing_value_marks_in_required_columns_are_errors_naming_row_and_column() {
    let expected = "expected a value, not a mark of a missing one (`NA`, `N/A`, `#N/A`, \
                    `NULL`, `\\N`, `-`, `--`)";
    let officers = "id,department,position\nNA,dopt,us\no1,#N/A,us\no2,dopt,null\no3,dopt,us\n";
    let evidence = "officer,competency,level,source\nN/A,rti,2,assessment\no3,-,2,assessment\n\
                    o3,rti,NA,assessment\no3,rti,2,NULL\no3,rti,2,assessment\n";
    let errors = load(officers, Some(evidence), &OfficersCsvOptions::default()).unwrap_err();
    assert_eq!(
        errors,
        [
            format!("officers.csv line 2, column `id`: found `NA`, {expected}"),
            format!("officers.csv line 3, column `department`: found `#N/A`, {expected}"),
            format!("officers.csv line 4, column `position`: found `null`, {expected}"),
            format!("evidence.csv line 2, column `officer`: found `N/A`, {expected}"),
            format!("evidence.csv line 3, column `competency`: found `-`, {expected}"),
            format!(
                "evidence.csv line 4, column `level`: officer `o3` passbook entry 0 (competency \
                 `rti`): found `NA`, {expected}"
            ),
            format!(
                "evidence.csv line 5, column `source`: officer `o3` passbook entry 1 (competency \
                 `rti`): found `NULL`, {expected}"
            ),
        ]
    );
}

const ZEROS_OFFICERS: &str = include_str!("../data/cases/csv/04-leading-zeros-officers.csv");
const ZEROS_EVIDENCE: &str = include_str!("../data/cases/csv/04-leading-zeros-evidence.csv");

/// `csv/04`: a spreadsheet took the ids `00123` (a position) and `007` (a competency) for
/// numbers and saved them as `123` and `7`: each unknown id names the known one, and is
/// not read as it.
#[test]
fn ids_stripped_of_leading_zeros_are_named_not_guessed() {
    let fw = karmayogi::Framework::from_json(
        &crate::support::HR_FRAMEWORK
            .replace(r#"{"id": "aso","#, r#"{"id": "00123","#)
            .replace(r#"{"id": "rti","#, r#"{"id": "007","#)
            .replace(r#""competency": "rti""#, r#""competency": "007""#),
    )
    .expect("a valid framework");
    let csv = OfficersCsv::new(ZEROS_OFFICERS).evidence(ZEROS_EVIDENCE);
    let options = OfficersCsvOptions::default();
    let errors = messages(&load_officers(&fw, &csv, &options).unwrap_err());
    assert_eq!(
        errors,
        [
            "officers.csv line 2, column `position`: `123` is not in the framework's positions, \
             did you mean `00123`?",
            "evidence.csv line 2, column `competency`: officer `1043` passbook entry 0 \
             (competency `7`): unknown competency, did you mean `007`?",
        ]
    );
    let streamed = messages(&Cohort::from_csv(&fw, &csv, &options).unwrap_err());
    assert_eq!(streamed, errors);
    // The error carries the known id as data.
    let errors = load_officers(&fw, &csv, &options).unwrap_err();
    assert!(matches!(
        &errors.as_slice()[0],
        Error::CsvUnknownReference { nearest: Some(n), .. } if n == "00123"
    ));
}

const DEPARTMENT_ZEROS: &str = include_str!("../data/cases/csv/05-department-zeros-officers.csv");

/// `csv/05`: departments are codes `0042` in the framework, and a spreadsheet saved one
/// officer's as `42`: the warning that the officer is outside their position's department
/// asks whether `0042` was meant; a department that is another (a deputation) gets no
/// such question, and neither is read as the other.
#[test]
fn departments_stripped_of_leading_zeros_are_named_in_the_warning() {
    let fw = karmayogi::Framework::from_json(
        &crate::support::HR_FRAMEWORK.replace(r#""department": "dopt""#, r#""department": "0042""#),
    )
    .expect("a valid framework");
    let csv = OfficersCsv::new(DEPARTMENT_ZEROS);
    let options = OfficersCsvOptions::default();
    let load = load_officers(&fw, &csv, &options).expect("warnings only");
    let warnings: Vec<String> = load.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            "officers.csv line 2, column `department`: officer `1042` is in department `42` \
             but position `us` belongs to `0042`, did you mean `0042`?",
            "officers.csv line 4, column `department`: officer `1044` is in department \
             `DOPT-north` but position `so-mumbai` belongs to `itd-mumbai`",
        ]
    );
    assert_eq!(load.officers[0].department.as_str(), "42");
    let streamed = Cohort::from_csv(&fw, &csv, &options).expect("warnings only");
    assert_eq!(streamed.warnings, load.warnings);
}

const EXCEL_TEXT_IDS: &str = include_str!("../data/cases/csv/09-excel-text-ids-officers.csv");

/// `csv/09`: ids Excel keeps as text so that their leading zeros survive, written as the
/// formula `="0123"` (and quoted, `"=""0456"""`), are read as `0123` and `0456`; a
/// delimiter inside the unquoted formula splits the field for any reader, so it is a
/// misplaced quote, not a value.
#[test]
fn ids_excel_writes_as_text_formulas_are_read_as_their_text() {
    let errors = load(EXCEL_TEXT_IDS, None, &OfficersCsvOptions::default()).unwrap_err();
    assert_eq!(
        errors,
        [
            "officers.csv line 4, field 1: misplaced quote, expected the whole field in quotes \
          with inner quotes doubled"
        ]
    );
    let good = EXCEL_TEXT_IDS.replace("=\"07,8\",dopt,us\r\n", "");
    let (officers, _) = load(&good, None, &OfficersCsvOptions::default()).expect("reads");
    let ids: Vec<&str> = officers.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["0123", "0456"]);
}

const NUMBER_IDS_OFFICERS: &str =
    include_str!("../data/cases/officers/07-ids-written-as-numbers-officers.csv");
const NUMBER_IDS_EVIDENCE: &str =
    include_str!("../data/cases/officers/07-ids-written-as-numbers-evidence.csv");

/// `officers/07`: officer ids a spreadsheet rewrote as numbers, `1.23457E+11` (Excel's
/// scientific notation for a long number, its last digits lost) and `4512.0` (a data
/// frame's float column), in either file, are refused by row and column with the reason,
/// never read as ids. Before, both were read as written: the two officers whose ids Excel
/// cut to `1.23457E+11` were reported as one id written twice, the passbook row of
/// `1.23457E+11` was given to the first of them, and `4513.0` was "not in officers.csv, did
/// you mean `4512.0`?".
#[test]
fn officer_ids_written_as_numbers_are_refused_with_the_reason() {
    let scientific = "expected an officer id, not a number in scientific notation as a \
                      spreadsheet writes a long number, its last digits lost: format the \
                      column as text before exporting";
    let fraction = |n: &str| {
        format!(
            "expected an officer id, not the number `{n}` written with a fraction as a data \
             frame writes numbers: write the id as text"
        )
    };
    let options = OfficersCsvOptions::default();
    let errors = load(NUMBER_IDS_OFFICERS, Some(NUMBER_IDS_EVIDENCE), &options).unwrap_err();
    assert_eq!(
        errors,
        [
            format!("officers.csv line 2, column `id`: found `1.23457E+11`, {scientific}"),
            format!("officers.csv line 3, column `id`: found `1.23457E+11`, {scientific}"),
            format!(
                "officers.csv line 4, column `id`: found `4512.0`, {}",
                fraction("4512")
            ),
            format!("evidence.csv line 2, column `officer`: found `1.23457E+11`, {scientific}"),
            format!(
                "evidence.csv line 3, column `officer`: found `4513.0`, {}",
                fraction("4513")
            ),
        ]
    );
    // Ids of digits alone, and ids that only hold such a number, are read as before.
    let officers = "id,department,position\n4513,dopt,us\n1.2E+11x,dopt,us\nE1.0,dopt,aso\n";
    let evidence = "officer,competency,level,source\n4513,noting,2,assessment\n";
    let (read, _) = load(officers, Some(evidence), &options).expect("reads");
    let ids: Vec<&str> = read.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["4513", "1.2E+11x", "E1.0"]);
}

const REPLACED_OFFICERS: &str =
    include_str!("../data/cases/officers/08-replacement-characters-officers.csv");
const REPLACED_EVIDENCE: &str =
    include_str!("../data/cases/officers/08-replacement-characters-evidence.csv");

/// `officers/08`: an export Excel saved as plain "CSV" (Windows-1252), read as UTF-8 by
/// the caller (a browser's `TextDecoder`, `String::from_utf8_lossy`), holds U+FFFD where
/// each accented letter was (`Jos\u{fffd} Kumar`). A read column holding one is refused
/// by row and column, as `CohortCsvReader` refuses the bytes themselves; a column not
/// read (`note`) is not. Before, the text readers read `Jos\u{fffd} Kumar` as the name,
/// and the course `r\u{fffd}ti-101` only as unknown.
#[test]
fn cells_holding_replacement_characters_are_refused_with_the_reason() {
    let options = OfficersCsvOptions::default();
    let errors = load(REPLACED_OFFICERS, Some(REPLACED_EVIDENCE), &options).unwrap_err();
    assert_eq!(
        errors,
        [
            format!(
                "officers.csv line 2, column `name`: found `Jos\u{fffd} Kumar`, {NOT_REPLACED}"
            ),
            format!(
                "evidence.csv line 3, column `course`: officer `o2` passbook entry 0 \
                 (competency `rti`): found `r\u{fffd}ti-101`, {NOT_REPLACED}"
            ),
            "evidence.csv line 3, column `course`: officer `o2` passbook entry 0 (competency \
             `rti`): unknown course `r\u{fffd}ti-101`, did you mean `rti-101`?"
                .into(),
        ]
    );
    // A piece large enough to be read in parts (its rows checked away from the reader's
    // order) reports it alike, with the line.
    let mut officers = String::from("id,name,department,position\r\n");
    for k in 0..5000 {
        write!(officers, "o{k},Asha Rao,dopt,aso\r\n").expect("a string takes it");
    }
    officers.push_str("o5000,Jos\u{fffd} Kumar,dopt,us\r\n");
    let errors = Cohort::from_csv(&framework(), &OfficersCsv::new(&officers), &options)
        .unwrap_err()
        .into_vec();
    assert_eq!(
        errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [format!(
            "officers.csv line 5002, column `name`: found `Jos\u{fffd} Kumar`, {NOT_REPLACED}"
        )]
    );
}

/// A quote after a closing quote and a space or tab (`"Kumar ""Ravi"" "` mistyped as
/// `"Kumar ""Ravi"<tab>"`, the cell's closing quote pushed along): a misplaced quote,
/// named by line and field alike by every reader. Before, the quote check read it as the
/// second half of a doubled quote, reopening the field: `load_officers` then reported the
/// line's number of fields, and the streaming readers, given the record alone, "a quoted
/// field opened here is never closed".
#[test]
fn a_quote_after_a_closing_quote_and_whitespace_is_misplaced() {
    for gap in [" ", "\t", " \t "] {
        let officers = format!(
            "id,name,department,position\r\no1,\"Kumar \"\"Ravi\"{gap}\"\nJr\",dopt,us\r\n\
             o2,Meera,dopt,aso\r\n"
        );
        let errors = load(&officers, None, &OfficersCsvOptions::default()).unwrap_err();
        assert_eq!(
            errors,
            [
                "officers.csv line 2, field 2: misplaced quote, expected the whole field in \
                 quotes with inner quotes doubled",
                "officers.csv line 3, field 1: misplaced quote, expected the whole field in \
                 quotes with inner quotes doubled"
            ],
            "{gap:?}"
        );
    }
    // Whitespace alone after the closing quote is still read, as before.
    let officers = "id,name,department,position\r\no1,\"Kumar \"\"Ravi\"\"\" \t,dopt,us\r\n";
    let (read, _) = load(officers, None, &OfficersCsvOptions::default()).expect("reads");
    assert_eq!(read[0].name.as_deref(), Some("Kumar \"Ravi\""));
}
