//! CSV as spreadsheets, data frames and HR systems save it, beyond the crate's own
//! fixtures: levels written as decimals (`2.0`, a pandas column with a gap; `"2,0"` with a
//! decimal comma), evidence sources as an HR system labels them (`Assessment`, `Self
//! Declared`), a trailing `,` on every row, Excel's `sep=,` line, rows of empty fields
//! left by cleared cells, and files separated by `;` or tabs, quoted or not. `load_officers` and `Cohort::from_csv` must agree on every one.

use karmayogi::{
    Cohort, Error, EscoCsv, EscoOptions, EvidenceSource, OfficerSpec, OfficersCsv,
    OfficersCsvOptions, load_esco, load_officers,
};

use crate::support::hr_framework as framework;

const OFFICERS: &str = "id,name,department,position\no1,Asha,dopt,us\n";
const HEADER: &str = "officer,competency,level,source,date\n";

/// Loads with both readers, checks they agree, and gives the officers or the messages.
fn load(officers: &str, evidence: &str) -> Result<Vec<OfficerSpec>, Vec<String>> {
    let csv = OfficersCsv::new(officers).evidence(evidence);
    let options = OfficersCsvOptions::default();
    let loaded = load_officers(&framework(), &csv, &options);
    let streamed = Cohort::from_csv(&framework(), &csv, &options);
    let messages = |e: karmayogi::Errors| e.iter().map(ToString::to_string).collect::<Vec<_>>();
    match (loaded, streamed) {
        (Ok(load), Ok(cohort)) => {
            assert_eq!(cohort.cohort.len(), load.officers.len());
            Ok(load.officers)
        }
        (Err(a), Err(b)) => {
            let (a, b) = (messages(a), messages(b));
            assert_eq!(a, b, "the two readers report alike");
            Err(a)
        }
        (a, b) => panic!("the readers disagree: {:?} / {:?}", a.is_ok(), b.is_ok()),
    }
}

/// The (level, source) of each passbook entry of the one officer.
fn entries(officers: &[OfficerSpec]) -> Vec<(u8, EvidenceSource)> {
    officers[0]
        .passbook
        .iter()
        .map(|e| (e.level, e.source))
        .collect()
}

#[test]
fn levels_written_with_a_fraction_of_zeros_are_whole_levels() {
    let evidence = format!(
        "{HEADER}o1,rti,2.0,assessment,2024-01-05\n\
         o1,rti,\"1,0\",assessment,2024-01-06\n\
         o1,rti,0.00,assessment,2024-01-07\n\
         o1,integrity,3,assessment,2024-01-08\n"
    );
    let officers = load(OFFICERS, &evidence).unwrap();
    let a = EvidenceSource::Assessment;
    assert_eq!(entries(&officers), [(2, a), (1, a), (0, a), (3, a)]);
    // Leading zeros are read past, as officers' JSON reads a level string.
    for (padded, level) in [("02", 2), ("00", 0), ("005.0", 5)] {
        let evidence = format!("{HEADER}o1,rti,{padded},assessment,2024-01-05\n");
        let officers = load(OFFICERS, &evidence).unwrap();
        assert_eq!(entries(&officers), [(level, a)], "{padded}");
    }
    // A fraction, a bare point, a level above the scale (leading zeros or not) or a sign
    // stay errors naming the cell.
    for bad in [
        "2.5", "2.", ".0", "6.0", "06", "-1", "+2", "2.0.0", "2e0", "two",
    ] {
        let evidence = format!("{HEADER}o1,rti,\"{bad}\",assessment,2024-01-05\n");
        // A word may be a level's name, which the message says is read too: one no
        // level has is reported as from JSON.
        let found = if bad == "two" {
            "level written as the name `two`, which no level of the competency has: \
             expected a level from 0 to 5, or the name of one of the competency's levels"
                .to_owned()
        } else {
            format!("found `{bad}`, expected a level from 0 to 5")
        };
        assert_eq!(
            load(OFFICERS, &evidence).unwrap_err(),
            [format!(
                "evidence.csv line 2, column `level`: officer `o1` passbook entry 0 (competency \
                 `rti`): {found}"
            )],
            "{bad}"
        );
    }
}

#[test]
fn sources_are_read_as_hr_systems_label_them() {
    let cases = [
        ("Assessment", EvidenceSource::Assessment),
        ("ASSESSMENT", EvidenceSource::Assessment),
        ("Self Declared", EvidenceSource::SelfDeclared),
        ("self-declared", EvidenceSource::SelfDeclared),
        ("SELF_DECLARED", EvidenceSource::SelfDeclared),
        ("Feedback360", EvidenceSource::Feedback360),
        ("feedback 360", EvidenceSource::Feedback360),
        ("360 Feedback", EvidenceSource::Feedback360),
        ("Course Completion", EvidenceSource::CourseCompletion),
    ];
    for (label, source) in cases {
        let course = if source == EvidenceSource::CourseCompletion {
            ",rti-101"
        } else {
            ","
        };
        let evidence = format!(
            "officer,competency,level,source,date,course\no1,rti,1,{label},2024-01-05{course}\n"
        );
        let officers = load(OFFICERS, &evidence).unwrap_or_else(|e| panic!("{label}: {e:?}"));
        assert_eq!(entries(&officers), [(1, source)], "{label}");
    }
    // Near misses are still errors: a misspelling, another separator, a 360 alone.
    for bad in [
        "assesment",
        "self__declared",
        "self.declared",
        "360",
        "selfdeclared",
    ] {
        let evidence = format!("{HEADER}o1,rti,1,{bad},2024-01-05\n");
        let errors = load(OFFICERS, &evidence).unwrap_err();
        assert_eq!(errors.len(), 1, "{bad}");
        assert!(errors[0].contains("column `source`"), "{bad}: {errors:?}");
    }
}

#[test]
fn empty_fields_beyond_the_header_are_ignored_and_others_are_not() {
    let officers = "id,name,department,position\no1,Asha,dopt,us,\r\n";
    let evidence = format!("{HEADER}o1,rti,2,assessment,2024-01-05,,\n");
    let loaded = load(officers, &evidence).unwrap();
    assert_eq!(entries(&loaded), [(2, EvidenceSource::Assessment)]);
    // A value beyond the header could be a shifted row: still an error, by line.
    let evidence = format!("{HEADER}o1,rti,2,assessment,2024-01-05,,x\n");
    assert_eq!(
        load(OFFICERS, &evidence).unwrap_err(),
        ["evidence.csv line 2 has 7 fields: expected 5, as in the header"]
    );
    // A short row still is one.
    let evidence = format!("{HEADER}o1,rti,2,assessment\n");
    assert_eq!(
        load(OFFICERS, &evidence).unwrap_err(),
        ["evidence.csv line 2 has 4 fields: expected 5, as in the header"]
    );
}

/// A trailing `,` on the header alone (a column added and left unnamed, or a header typed
/// by hand): the empty names at its end name no column, and rows without those fields
/// lose nothing. Every row of such an export was refused for its number of fields.
#[test]
fn rows_without_the_fields_of_empty_names_ending_the_header_are_read() {
    let officers = "id,name,department,position,\r\no1,Asha,dopt,us\r\n";
    let evidence = "officer,competency,level,source,date,,\n\
                    o1,rti,2,assessment,2024-01-05\n\
                    o1,noting,1,assessment,2024-01-06,\n\
                    o1,integrity,2,assessment,2024-01-07,,\n";
    let loaded = load(officers, evidence).unwrap();
    let a = EvidenceSource::Assessment;
    assert_eq!(entries(&loaded), [(2, a), (1, a), (2, a)]);
    // A row short of a named column, or holding a value beyond the header, still is an
    // error by line.
    let evidence = "officer,competency,level,source,date,,\n\
                    o1,rti,2,assessment\n\
                    o1,rti,2,assessment,2024-01-05,,,x\n";
    assert_eq!(
        load(OFFICERS, evidence).unwrap_err(),
        [
            "evidence.csv line 2 has 4 fields: expected 7, as in the header",
            "evidence.csv line 3 has 8 fields: expected 7, as in the header"
        ]
    );
}

#[test]
fn an_excel_separator_line_is_skipped_and_lines_keep_their_numbers() {
    let officers = format!("sep=,\r\n{}", OFFICERS.replace('\n', "\r\n"));
    let evidence = format!("\u{feff}SEP=,\n{HEADER}o1,rti,2,assessment,2024-01-05\n");
    let loaded = load(&officers, &evidence).unwrap();
    assert_eq!(entries(&loaded), [(2, EvidenceSource::Assessment)]);
    let evidence = format!("sep=,\n{HEADER}o1,rti,9,assessment,2024-01-05\n");
    assert_eq!(
        load(OFFICERS, &evidence).unwrap_err(),
        [
            "evidence.csv line 3, column `level`: officer `o1` passbook entry 0 (competency \
             `rti`): found `9`, expected a level from 0 to 5"
        ]
    );
}

#[test]
fn a_file_separated_by_semicolons_tabs_or_pipes_is_read_with_them() {
    for separator in [';', '\t', '|'] {
        let officers = OFFICERS.replace(',', &separator.to_string());
        let evidence = format!("{HEADER}o1,rti,2,assessment,2024-01-05\n")
            .replace(',', &separator.to_string());
        let loaded = load(&officers, &evidence).unwrap();
        assert_eq!(entries(&loaded), [(2, EvidenceSource::Assessment)]);
    }
    // An export that quotes every field (`"id";"name"`) too.
    let quote = |text: &str| {
        let lines: Vec<String> = text
            .lines()
            .map(|l| format!("\"{}\"", l.split(',').collect::<Vec<_>>().join("\";\"")))
            .collect();
        format!("\u{feff}{}\r\n", lines.join("\r\n"))
    };
    let evidence = format!("{HEADER}o1,rti,2,assessment,2024-01-05\n");
    let loaded = load(&quote(OFFICERS), &quote(&evidence)).unwrap();
    assert_eq!(entries(&loaded), [(2, EvidenceSource::Assessment)]);
    // Excel's own declaration of a semicolon.
    let officers = format!("sep=;\n{}", OFFICERS.replace(',', ";"));
    let csv = OfficersCsv::new(&officers);
    let load = load_officers(&framework(), &csv, &OfficersCsvOptions::default()).unwrap();
    assert_eq!(load.officers.len(), 1);
    // A one-column header holding a `;` in a file that needs that one column is read
    // with commas: each ESCO file's delimiter is its own.
    let semicolons = EscoCsv::new(
        "occ_id;uuid;isco_group;esco_code;label\n7;u7;2422;2422.1;policy officer\n",
        "skill_id,uuid,skill_type,reuse_level,hier_level,label\n4,s4,knowledge,sector-specific,,finance\n",
        "occ_id,skill_id,relation\n7,4,E\n",
    );
    assert!(load_esco(&semicolons, &EscoOptions::default()).is_ok());
    // Declared, a delimiter the header is not written with is named as such.
    let declared = "sep=,\noffice_id;uuid;isco_group\n".replace("office_id", "occ_id");
    let wrong = EscoCsv::new(
        &declared,
        "skill_id,uuid,skill_type,reuse_level,hier_level,label\n",
        "occ_id,skill_id,relation\n",
    );
    let errors = load_esco(&wrong, &EscoOptions::default()).unwrap_err();
    assert!(
        matches!(
            errors.as_slice()[0],
            Error::CsvMissingColumn { .. } | Error::CsvDelimiter { .. }
        ),
        "{errors}"
    );
}

#[test]
fn rows_of_empty_fields_are_skipped_as_blank_lines() {
    // Spreadsheets save the rows of cleared cells as `,,,`: nothing in them to lose, and
    // the lines after them keep their numbers.
    let officers = format!("{OFFICERS},,,\r\n\"\",\"\",,\r\n");
    let evidence = format!(
        "{HEADER},,,,\no1,rti,2,assessment,2024-01-05\n,,,,\n\n,,,,\no1,rti,9,assessment,2024-01-06\n,,,,\n"
    );
    assert_eq!(
        load(&officers, &evidence).unwrap_err(),
        [
            "evidence.csv line 7, column `level`: officer `o1` passbook entry 1 (competency \
             `rti`): found `9`, expected a level from 0 to 5"
        ]
    );
    let evidence = evidence.replace(",9,", ",1,");
    let officers = load(&officers, &evidence).unwrap();
    let a = EvidenceSource::Assessment;
    assert_eq!(officers.len(), 1);
    assert_eq!(entries(&officers), [(2, a), (1, a)]);
    // A row with one field filled is a row: its empty fields are reported.
    let partial = format!("{HEADER}o1,,,,\n");
    assert_eq!(load(OFFICERS, &partial).unwrap_err().len(), 3);
}

/// `text` as UTF-16 bytes, little- or big-endian, behind a byte-order mark or not.
fn utf16(text: &str, little: bool, mark: bool) -> Vec<u8> {
    let mut bytes = Vec::new();
    let units = mark
        .then_some(0xfeff)
        .into_iter()
        .chain(text.encode_utf16());
    for unit in units {
        if little {
            bytes.extend(unit.to_le_bytes());
        } else {
            bytes.extend(unit.to_be_bytes());
        }
    }
    bytes
}

#[test]
fn a_file_saved_as_utf16_is_named_by_its_encoding() {
    // Excel's "Unicode Text" and some HR systems save UTF-16. Read as UTF-8 (lossily, as
    // the byte reader and `String::from_utf8_lossy` read it) its header names no column:
    // the error says which encoding the file is in instead.
    let evidence = "officer,competency,level,source\no1,noting,2,assessment\n";
    for (little, mark, encoding) in [
        (true, true, "UTF-16LE with a byte-order mark"),
        (false, true, "UTF-16BE with a byte-order mark"),
        (true, false, "UTF-16LE"),
        (false, false, "UTF-16BE"),
    ] {
        let bytes = utf16(OFFICERS, little, mark);
        let officers = String::from_utf8_lossy(&bytes);
        let messages = load(&officers, evidence).expect_err("utf-16 is refused");
        assert_eq!(
            messages,
            [format!("officers.csv is in {encoding}: expected UTF-8")]
        );
        // The byte reader, fed the bytes in pieces, says the same.
        let fw = framework();
        let mut reader = karmayogi::CohortCsvReader::new(&fw, &OfficersCsvOptions::default());
        for piece in bytes.chunks(5) {
            reader.push_officers(piece);
        }
        reader.push_evidence(evidence.as_bytes());
        let errors = reader.finish().expect_err("utf-16 is refused").into_vec();
        assert_eq!(
            errors,
            [Error::CsvEncoding {
                file: "officers.csv",
                encoding
            }]
        );
    }
    // The same text in UTF-8 (with its byte-order mark) loads.
    let officers = format!("\u{feff}{OFFICERS}");
    assert_eq!(load(&officers, evidence).expect("utf-8 loads").len(), 1);
}
