//! Every problem of an HR export's row is reported at once: a passbook row whose level,
//! source or verified flag does not read is still checked for its officer, competency,
//! date and course, and an officer row whose department or position is wrong still has
//! its target checked and its passbook read as that officer's. Before, the first kind of
//! problem hid the others until it was fixed, and the passbook of an officer whose
//! department cell was empty was reported as naming an officer missing from the file.

use std::fmt::Write;

use karmayogi::{Cohort, CohortCsvReader, Error, OfficersCsv, OfficersCsvOptions, load_officers};

use crate::support::hr_framework as framework;

/// Lines joined with CRLF, behind a byte-order mark: what a spreadsheet saves.
fn spreadsheet(lines: &[&str]) -> String {
    format!("\u{feff}{}\r\n", lines.join("\r\n"))
}

/// The messages of both loaders, which must agree, and of the streaming reader fed the
/// evidence in pieces.
#[track_caller]
fn messages(officers: &str, evidence: &str) -> Vec<String> {
    let fw = framework();
    let csv = OfficersCsv::new(officers).evidence(evidence);
    let text =
        |errors: Vec<Error>| -> Vec<String> { errors.iter().map(ToString::to_string).collect() };
    let options = OfficersCsvOptions::default();
    let loaded = text(
        load_officers(&fw, &csv, &options)
            .expect_err("mistakes")
            .into_vec(),
    );
    let cohort = text(
        Cohort::from_csv(&fw, &csv, &options)
            .expect_err("mistakes")
            .into_vec(),
    );
    assert_eq!(loaded, cohort);
    for piece in [1, 7, 64] {
        let mut reader = CohortCsvReader::new(&fw, &options);
        reader.push_officers(officers.as_bytes());
        for part in evidence.as_bytes().chunks(piece) {
            reader.push_evidence(part);
        }
        let streamed = text(reader.finish().expect_err("mistakes").into_vec());
        assert_eq!(streamed, loaded, "pieces of {piece} bytes");
    }
    loaded
}

#[test]
fn a_passbook_row_with_a_bad_level_is_checked_for_everything_else() {
    let officers = spreadsheet(&["id,department,position", "o1,dopt,aso"]);
    let evidence = spreadsheet(&[
        "officer,competency,level,source,date,verified,course",
        // A level that does not read, and a competency and a date that are wrong.
        "o1,notng,9,assessment,2024-13-40,,",
        // A source that does not read, and an unknown course.
        "o1,rti,2,assesment,2024-01-05,,rti-999",
        // A verified flag that does not read, and a completion naming no course.
        "o1,rti,2,course_completion,2024-01-05,maybe,",
        // Nothing else wrong: only the level is reported, a name no level has, as from
        // JSON (scales/28), the entry numbered as there.
        "o1,rti,x,assessment,2024-01-05,,",
        // An officer missing from officers.csv, with a level that does not read.
        "o9,rti,x,assessment,2024-01-05,,",
        // The fifth entry: a row set aside is still an entry of the passbook, numbered as
        // the same passbook's JSON numbers it.
        "o1,noting,9,assessment,45657,,",
    ]);
    assert_eq!(
        messages(&officers, &evidence),
        [
            "evidence.csv line 2, column `level`: officer `o1` passbook entry 0 (competency \
             `notng`): found `9`, expected a level, 0 (none) or one of the competency's \
             levels (at most 5)",
            "evidence.csv line 2, column `competency`: officer `o1` passbook entry 0 \
             (competency `notng`): unknown competency, did you mean `noting`?",
            "evidence.csv line 2, column `date`: officer `o1` passbook entry 0 (competency \
             `notng`): date `2024-13-40` is not an iso date: expected yyyy-mm-dd, an iso 8601 \
             date-time, or no date",
            "evidence.csv line 3, column `source`: officer `o1` passbook entry 1 (competency \
             `rti`): found `assesment`, expected \
             `course_completion`, `assessment`, `feedback360` or `self_declared`",
            "evidence.csv line 3, column `course`: officer `o1` passbook entry 1 (competency \
             `rti`): unknown course `rti-999`",
            "evidence.csv line 4, column `verified`: officer `o1` passbook entry 2 (competency \
             `rti`): found `maybe`, expected `true` or \
             `false` (or yes/no, 1/0), or nothing",
            "evidence.csv line 4, column `course`: officer `o1` passbook entry 2 (competency \
             `rti`): a course completion names no course: expected the course's id",
            "evidence.csv line 5, column `level`: officer `o1` passbook entry 3 (competency \
             `rti`): level written as the name `x`, which no level of the competency has: \
             expected a level from 0 to 5, or the name of one of the competency's levels",
            "evidence.csv line 6, column `level`: officer `o9` (competency `rti`): found `x`, \
             expected a level from 0 to 5, or \
             the name of one of the competency's levels",
            "evidence.csv line 6, column `officer`: `o9` is not in officers.csv",
            "evidence.csv line 7, column `level`: officer `o1` passbook entry 4 (competency \
             `noting`): found `9`, expected a level from 0 to 3",
            "evidence.csv line 7, column `date`: officer `o1` passbook entry 4 (competency \
             `noting`): date `45657` is not an iso date: expected yyyy-mm-dd, an iso \
             8601 date-time, or no date (did you mean `2024-12-31`?)",
        ]
    );
}

#[test]
fn an_officer_row_with_an_empty_department_keeps_its_passbook() {
    let officers = spreadsheet(&[
        "id,department,position,target",
        // An empty department and an unknown position and target.
        "o1,,a-so,US",
        // An empty position: only that is reported for it.
        "o2,dopt,,",
        "o3,dopt,aso,",
    ]);
    let evidence = spreadsheet(&[
        "officer,competency,level,source,date",
        "o1,rti,1,assessment,2024-01-05",
        "o1,notng,1,assessment,2024-01-05",
        "o2,rti,7,assessment,2024-01-05",
        "o3,rti,1,assessment,2024-01-05",
    ]);
    assert_eq!(
        messages(&officers, &evidence),
        [
            "officers.csv line 2, column `department`: found \"\", expected a non-empty value",
            "officers.csv line 2, column `position`: `a-so` is not in the framework's \
             positions, did you mean `aso`?",
            "officers.csv line 2, column `target`: `US` is not in the framework's positions, \
             did you mean `us`?",
            "officers.csv line 3, column `position`: found \"\", expected a non-empty value",
            // Not "`o1` is not in officers.csv": o1 is on line 2, and its passbook is read.
            "evidence.csv line 3, column `competency`: officer `o1` passbook entry 1 \
             (competency `notng`): unknown competency, did you mean `noting`?",
            "evidence.csv line 4, column `level`: officer `o2` passbook entry 0 (competency \
             `rti`): found `7`, expected a level from 0 to 5",
        ]
    );
}

#[test]
fn rows_set_aside_in_a_large_export_give_the_same_errors_on_any_thread_count() {
    // Large enough to be read in parts on several threads.
    let mut officers = vec!["id,department,position".to_owned()];
    let mut evidence = vec!["officer,competency,level,source,date".to_owned()];
    for i in 0..3000 {
        officers.push(format!("o{i},dopt,aso"));
        for c in ["rti", "noting"] {
            evidence.push(format!("o{i},{c},1,assessment,2024-01-05"));
        }
        if i % 997 == 5 {
            evidence.push(format!("o{i},notng,x,assessment,2024-01-05"));
        }
    }
    let officers = officers.join("\n");
    let evidence = evidence.join("\n");
    assert!(evidence.len() > 1 << 16);
    let fw = framework();
    let mut seen = Vec::new();
    for threads in [1, 2, 4] {
        let options = OfficersCsvOptions::default().threads(threads);
        let csv = OfficersCsv::new(&officers).evidence(&evidence);
        let errors: Vec<String> = Cohort::from_csv(&fw, &csv, &options)
            .expect_err("mistakes")
            .into_vec()
            .iter()
            .map(ToString::to_string)
            .collect();
        // Each bad row: its level, then its competency.
        assert_eq!(errors.len(), 2 * 4, "{errors:?}");
        assert!(errors[1].contains("unknown competency, did you mean `noting`?"));
        seen.push(errors);
    }
    assert!(seen.windows(2).all(|w| w[0] == w[1]));
}

#[test]
fn a_header_repeated_in_the_middle_is_named_and_the_rows_around_it_read() {
    // Two exports joined into one file, each behind its own byte-order mark and CRLF
    // lines: the second header is reported by its line, not as a row of unknown ids,
    // and the rows before and after it are read and checked.
    let officers = format!(
        "{}{}",
        spreadsheet(&["id,department,position", "o1,dopt,aso"]),
        spreadsheet(&["ID,Department,Position", "o2,dopt,aso", "o3,dopt,asx"])
    );
    let evidence = format!(
        "{}{}",
        spreadsheet(&["officer,competency,level,source", "o1,noting,2,assessment"]),
        spreadsheet(&["officer,competency,level,source,,", "o2,notng,2,assessment"])
    );
    let messages = messages(&officers, &evidence);
    assert_eq!(
        messages,
        [
            "officers.csv line 3 repeats the header: two exports joined into one file?",
            "officers.csv line 5, column `position`: `asx` is not in the framework's positions",
            "evidence.csv line 3 repeats the header: two exports joined into one file?",
            "evidence.csv line 4, column `competency`: officer `o2` passbook entry 0 \
             (competency `notng`): unknown competency, did you mean `noting`?",
        ],
        "{messages:#?}"
    );
}

#[test]
fn a_plain_copy_of_the_header_is_named_by_every_reader() {
    // Two exports joined without byte-order marks or quotes (`cat a.csv b.csv`): the
    // second header is a plain line, which the streaming reader splits itself. It read
    // the copy as a row before (an officer `id` in a position `position`, a passbook row
    // of officer `officer`), while `load_officers` named it (csv/23).
    let officers = include_str!("../data/cases/csv/23-plain-repeated-header-officers.csv");
    let evidence = include_str!("../data/cases/csv/23-plain-repeated-header-evidence.csv");
    let expected = [
        "officers.csv line 3 repeats the header: two exports joined into one file?",
        "officers.csv line 5, column `position`: `asx` is not in the framework's positions",
        "evidence.csv line 3 repeats the header: two exports joined into one file?",
        "evidence.csv line 4, column `competency`: officer `o2` passbook entry 0 \
         (competency `notng`): unknown competency, did you mean `noting`?",
    ];
    assert_eq!(messages(officers, evidence), expected);

    // Large pieces are read in parts at once, each part's plain lines on its own: the
    // copy far down each file is named there too, on one thread or two.
    let mut officers = String::from("id,department,position\n");
    let mut evidence = String::from("officer,competency,level,source\n");
    for i in 0..12_000 {
        if i == 9_000 {
            officers.push_str("id,department,position\n");
            evidence.push_str("OFFICER,Competency,Level,Source\n");
        }
        writeln!(officers, "o{i:05},dopt,aso").expect("a string takes it");
        writeln!(evidence, "o{i:05},noting,2,assessment").expect("a string takes it");
    }
    let fw = framework();
    let csv = OfficersCsv::new(&officers).evidence(&evidence);
    let expected = [
        "officers.csv line 9002 repeats the header: two exports joined into one file?",
        "evidence.csv line 9002 repeats the header: two exports joined into one file?",
    ];
    for threads in [1, 2] {
        let options = OfficersCsvOptions::default().threads(threads);
        let text = |errors: karmayogi::Errors| -> Vec<String> {
            errors.into_vec().iter().map(ToString::to_string).collect()
        };
        let loaded = text(load_officers(&fw, &csv, &options).expect_err("copies"));
        assert_eq!(loaded, expected);
        let mut reader = CohortCsvReader::new(&fw, &options);
        reader.push_officers(officers.as_bytes());
        reader.push_evidence(evidence.as_bytes());
        assert_eq!(
            text(reader.finish().expect_err("copies")),
            expected,
            "{threads} threads"
        );
    }
}
