//! The HR export loader: officers and passbooks from CSV, as spreadsheets and HR systems
//! write them (byte-order mark, CRLF, padded cells), every mistake reported at once.

use karmayogi::{
    Cohort, CourseLevels, Error, EvidenceProblem, EvidenceSource, LevelPolicy, OfficersCsv,
    OfficersCsvOptions, OfficersSpec, Profile, ReviewOptions, load_officers,
};

use crate::support::hr_framework as framework;

/// Lines joined with CRLF, behind a byte-order mark: what a spreadsheet saves.
fn spreadsheet(lines: &[&str]) -> String {
    format!("\u{feff}{}\r\n", lines.join("\r\n"))
}

#[track_caller]
fn assert_messages(errors: &[Error], expected: &[&str]) {
    let found: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(found, expected);
}

/// An export with nineteen mistakes of sixteen kinds, behind a byte-order mark with CRLF.
fn mistaken_export() -> (String, String) {
    let officers = spreadsheet(&[
        "id,name,department,position,target",
        "o1, Asha Rao ,dopt,us,",
        "o2,Vikram,dopt,aso,us",
        "o3,Meera,itd-mumbai,so-mumbai,",
        "o2,Repeated,dopt,aso,",
        "o4,,dopt,a-so,",
        "o5,Ravi,,aso,",
        "o6,Lata,dopt,aso,US",
        "   ,Nobody,dopt,aso,",
        "o7,\"Kiran \"\"KK\"\"\",dopt,aso",
    ]);
    let evidence = spreadsheet(&[
        "officer, competency, level, source, date, verified, course",
        "o1,rti,2,course_completion,2024-03-15T10:00:00+05:30,yes,rti-101",
        "o1,rti,3,course_completion,2024-03-16,,rti-101",
        "o1,rti,1,self_declared,,,",
        "o2,noting,2,assessment,45657,true,",
        "o2,noting,4,assessment,2024-01-05,,",
        "o2,notng,1,assessment,2024-01-05,,",
        "o3,rti,2,course_completion,2024-02-01,,",
        "o3,integrity,2,course_completion,2024-02-01,,rti-101",
        "o9,rti,1,assessment,2024-02-01,,",
        "o3,rti,7,assesment,2024-02-01,maybe,",
        "o3,rti,1,assessment,45296,,",
        "o3,rti,1,assessment,2024-01-05,,rti-999",
        "o3,rti,1,assessment,2024-01-05,\"y\"es,",
    ]);
    (officers, evidence)
}

#[test]
fn an_export_with_a_dozen_mistakes_reports_them_all_at_once() {
    let (officers, evidence) = mistaken_export();
    let csv = OfficersCsv::new(&officers).evidence(&evidence);
    let errors = load_officers(&framework(), &csv, &OfficersCsvOptions::default())
        .expect_err("a dozen mistakes")
        .into_vec();
    assert_messages(
        &errors,
        &[
            "officers.csv line 5: id `o2` repeats line 3",
            "officers.csv line 6, column `position`: `a-so` is not in the framework's \
             positions, did you mean `aso`?",
            "officers.csv line 7, column `department`: found \"\", expected a non-empty value",
            "officers.csv line 8, column `target`: `US` is not in the framework's positions, \
             did you mean `us`?",
            "officers.csv line 9, column `id`: found \"\", expected a non-empty value",
            "officers.csv line 10 has 4 fields: expected 5, as in the header",
            "evidence.csv line 3, column `level`: officer `o1` passbook entry 1 (competency \
             `rti`): level 3 is above level 2, the level course `rti-101` builds it to",
            "evidence.csv line 5, column `date`: officer `o2` passbook entry 0 (competency \
             `noting`): date `45657` is not an iso date: expected yyyy-mm-dd, an iso 8601 \
             date-time, or no date (did you mean `2024-12-31`?)",
            "evidence.csv line 6, column `level`: officer `o2` passbook entry 1 (competency \
             `noting`): level 4: expected 0 to 3",
            "evidence.csv line 7, column `competency`: officer `o2` passbook entry 2 \
             (competency `notng`): unknown competency, did you mean `noting`?",
            "evidence.csv line 8, column `course`: officer `o3` passbook entry 0 (competency \
             `rti`): a course completion names no course: expected the course's id",
            "evidence.csv line 9, column `course`: officer `o3` passbook entry 1 (competency \
             `integrity`): course `rti-101` does not build this competency",
            "evidence.csv line 10, column `officer`: `o9` is not in officers.csv",
            "evidence.csv line 11, column `level`: officer `o3` passbook entry 2 (competency \
             `rti`): found `7`, expected a level from 0 to 5",
            "evidence.csv line 11, column `source`: officer `o3` passbook entry 2 (competency \
             `rti`): found `assesment`, expected \
             `course_completion`, `assessment`, `feedback360` or `self_declared`",
            "evidence.csv line 11, column `verified`: officer `o3` passbook entry 2 (competency \
             `rti`): found `maybe`, expected `true` or \
             `false` (or yes/no, 1/0), or nothing",
            "evidence.csv line 12, column `date`: officer `o3` passbook entry 3 (competency \
             `rti`): date `45296` is not an iso date: expected yyyy-mm-dd, an iso 8601 \
             date-time, or no date (did you mean `2024-01-05`?)",
            "evidence.csv line 13, column `course`: officer `o3` passbook entry 4 (competency \
             `rti`): unknown course `rti-999`",
            "evidence.csv line 14, field 6: misplaced quote, expected the whole field in \
             quotes with inner quotes doubled",
        ],
    );
}

#[test]
fn the_mistakes_are_data_a_frontend_can_highlight() {
    let (officers, evidence) = mistaken_export();
    let csv = OfficersCsv::new(&officers).evidence(&evidence);
    let errors = load_officers(&framework(), &csv, &OfficersCsvOptions::default())
        .expect_err("a dozen mistakes")
        .into_vec();
    // The row to highlight, and what is wrong there.
    let json = serde_json::to_value(&errors[6]).expect("errors serialize");
    assert_eq!(json["code"], "csv_row");
    assert_eq!(json["file"], "evidence.csv");
    assert_eq!(json["line"], 3);
    assert_eq!(json["column"], "level");
    assert_eq!(json["error"]["code"], "invalid_evidence");
    assert_eq!(json["error"]["officer"], "o1");
    assert_eq!(json["error"]["problem"]["problem"], "above_course_level");
    assert_eq!(json["error"]["problem"]["course_level"], 2);
    let codes: Vec<&str> = errors.iter().map(Error::code).collect();
    assert_eq!(
        codes,
        [
            "csv_duplicate_key",
            "csv_unknown_reference",
            "csv_invalid_value",
            "csv_unknown_reference",
            "csv_invalid_value",
            "csv_field_count",
            "csv_row",
            "csv_row",
            "csv_row",
            "csv_row",
            "csv_row",
            "csv_row",
            "csv_unknown_reference",
            "csv_invalid_value",
            "csv_invalid_value",
            "csv_invalid_value",
            "csv_row",
            "csv_row",
            "csv_misplaced_quote",
        ]
    );
}

/// The valid part of the export above.
fn clean_export() -> (String, String) {
    let officers = spreadsheet(&[
        "id,name,department,position,target",
        "o1, Asha Rao ,dopt,us,",
        "o2,Vikram,dopt,aso,us",
        "o3,Meera,itd-mumbai,so-mumbai,",
    ]);
    let evidence = spreadsheet(&[
        "officer, competency, level, source, date, verified, course",
        "o1,rti,2,course_completion,2024-03-15T10:00:00+05:30,yes,rti-101",
        "o1,rti,3,self_declared,,,",
        "o2,noting,3,course_completion,2024-04-01,N,noting-lab",
        "o3,noting,2,feedback360,2024-12-31,,",
        "",
        "o3,integrity,0,course_completion,,,rti-101",
    ]);
    (officers, evidence)
}

#[test]
fn a_clean_export_loads_and_builds_a_cohort() {
    let fw = framework();
    let (officers, evidence) = clean_export();
    let csv = OfficersCsv::new(&officers).evidence(&evidence);
    let load = load_officers(&fw, &csv, &OfficersCsvOptions::default()).expect("clean");
    assert!(load.warnings.is_empty(), "{:?}", load.warnings);
    let names: Vec<Option<&str>> = load.officers.iter().map(|o| o.name.as_deref()).collect();
    assert_eq!(names, [Some("Asha Rao"), Some("Vikram"), Some("Meera")]);
    let ids: Vec<&str> = load.officers.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["o1", "o2", "o3"]);
    assert_eq!(
        load.officers[1]
            .target_position
            .as_ref()
            .map(karmayogi::PositionId::as_str),
        Some("us")
    );
    let o1 = &load.officers[0].passbook;
    assert_eq!(o1[0].date, "2024-03-15T10:00:00+05:30");
    assert_eq!(
        o1[0].course.as_ref().map(karmayogi::CourseId::as_str),
        Some("rti-101")
    );
    assert_eq!(o1[1].date, "");
    assert_eq!(o1[1].source, EvidenceSource::SelfDeclared);
    assert!(!load.officers[1].passbook[0].verified);

    // What the loader accepts, the analyses accept, and the JSON format carries.
    let cohort = Cohort::new(&fw, &load.officers, &LevelPolicy::default()).expect("valid");
    assert_eq!(cohort.len(), 3);
    let mut doc = OfficersSpec::new();
    doc.officers = load.officers.clone();
    assert_eq!(OfficersSpec::from_json(&doc.to_json()).expect("json"), doc);
    let profile = Profile::new(&fw, &load.officers[0], &LevelPolicy::default()).expect("o1");
    assert_eq!(profile.level(&fw, "rti").expect("same framework").get(), 2);
    let with_claims = LevelPolicy::default().self_declared(true);
    let profile = Profile::new(&fw, &load.officers[0], &with_claims).expect("o1");
    assert_eq!(profile.level(&fw, "rti").expect("same framework").get(), 3);
}

/// Every field in quotes behind a byte-order mark, as Windows PowerShell's `Export-Csv`
/// and other HR systems write: the quoted first header is a header, not a misplaced quote.
#[test]
fn an_export_quoting_every_field_behind_a_byte_order_mark_loads() {
    let fw = framework();
    let quoted = |lines: &[&str]| -> String {
        let quoted: Vec<String> = lines
            .iter()
            .map(|line| {
                line.split(',')
                    .map(|field| format!("\"{}\"", field.trim()))
                    .collect::<Vec<_>>()
                    .join(",")
            })
            .collect();
        spreadsheet(&quoted.iter().map(String::as_str).collect::<Vec<_>>())
    };
    let officers = quoted(&["id,name,department,position,target", "o1,Asha Rao,dopt,us,"]);
    let evidence = quoted(&[
        "officer,competency,level,source,date,verified,course",
        "o1,rti,2,course_completion,2024-03-15,yes,rti-101",
    ]);
    let csv = OfficersCsv::new(&officers).evidence(&evidence);
    let load = load_officers(&fw, &csv, &OfficersCsvOptions::default()).expect("quoted export");
    assert_eq!(load.officers.len(), 1);
    assert_eq!(load.officers[0].name.as_deref(), Some("Asha Rao"));
    assert_eq!(load.officers[0].passbook.len(), 1);
    assert_eq!(load.officers[0].passbook[0].level, 2);
}

/// Headers as HR systems capitalise them (`ID`, `Name`, `Department`) are the columns the
/// loader reads; two headers differing only in capitalisation (or spelt the same) name
/// neither and are reported.
#[test]
fn headers_in_another_capitalisation_are_read() {
    let fw = framework();
    let officers = spreadsheet(&["ID,Name,Department,Position,Target", "o1,Asha Rao,dopt,us,"]);
    let evidence = spreadsheet(&[
        "Officer,Competency,Level,Source,Date,Verified,Course",
        "o1,rti,2,course_completion,2024-03-15,Yes,rti-101",
    ]);
    let csv = OfficersCsv::new(&officers).evidence(&evidence);
    let load = load_officers(&fw, &csv, &OfficersCsvOptions::default()).expect("capitalised");
    assert_eq!(load.officers.len(), 1);
    assert_eq!(load.officers[0].department.as_str(), "dopt");
    assert_eq!(load.officers[0].passbook[0].date, "2024-03-15");

    // Two headers naming one column, even when one is spelt exactly so, name neither:
    // their values may differ, and which is the officer's id cannot be known.
    for header in ["id,ID", "Id,ID", "id,id"] {
        let ambiguous = spreadsheet(&[&format!("{header},Department,Position"), "o1,o2,dopt,us"]);
        let errors = load_officers(
            &fw,
            &OfficersCsv::new(&ambiguous),
            &OfficersCsvOptions::default(),
        )
        .expect_err("two headers for one column")
        .into_vec();
        let (first, second) = header.split_once(',').unwrap();
        assert_messages(
            &errors,
            &[&format!(
                "officers.csv has 2 headers naming column `id`: `{first}`, `{second}`; expected one"
            )],
        );
    }
    // An optional column too (`name`): the load fails rather than read either.
    let ambiguous = spreadsheet(&["id,Name,NAME,Department,Position", "o1,A,B,dopt,us"]);
    let errors = load_officers(
        &fw,
        &OfficersCsv::new(&ambiguous),
        &OfficersCsvOptions::default(),
    )
    .expect_err("two headers for the optional name column")
    .into_vec();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].code(), "csv_ambiguous_column");
}

#[test]
fn warnings_name_the_row_and_column() {
    let fw = framework();
    let (officers, evidence) = clean_export();
    let officers = officers.replace("o2,Vikram,dopt,aso,us", "o2,Vikram,itd-mumbai,aso,us");
    let csv = OfficersCsv::new(&officers).evidence(&evidence);
    let options = OfficersCsvOptions::default().review(
        ReviewOptions::default()
            .as_of("2024-06-30")
            .expect("a date"),
    );
    let load = load_officers(&fw, &csv, &options).expect("warnings are not errors");
    assert_messages(
        &load.warnings,
        &[
            "officers.csv line 3, column `department`: officer `o2` is in department \
             `itd-mumbai` but position `aso` belongs to `dopt`",
            "evidence.csv line 5, column `date`: officer `o3` passbook entry 0 (competency \
             `noting`): dated `2024-12-31`, after the as-of date `2024-06-30`",
        ],
    );
    // The same officers as JSON give the same warnings, without rows.
    let review = fw.review_officers(
        &load.officers,
        &ReviewOptions::default()
            .as_of("2024-06-30")
            .expect("a date"),
    );
    let inner: Vec<Error> = load
        .warnings
        .into_iter()
        .map(|w| match w {
            Error::CsvRow { error, .. } => *error,
            other => other,
        })
        .collect();
    assert_eq!(review, inner);
}

#[test]
fn a_completion_above_the_course_level_can_be_capped() {
    let fw = framework();
    let officers = "id,department,position\no1,dopt,us\n";
    let evidence = "officer,competency,level,source,date,course\no1,rti,5,course_completion,2024-01-01,rti-101\n";
    let csv = OfficersCsv::new(officers).evidence(evidence);
    let errors = load_officers(&fw, &csv, &OfficersCsvOptions::default())
        .expect_err("rti-101 reaches level 2");
    assert!(matches!(
        &errors.as_slice()[0],
        Error::CsvRow { error, .. } if matches!(**error, Error::InvalidEvidence {
            problem: EvidenceProblem::AboveCourseLevel { level: 5, course_level: 2, .. }, ..
        })
    ));
    let capped = LevelPolicy::default().course_levels(CourseLevels::Cap);
    let options = OfficersCsvOptions::default().level_policy(capped.clone());
    let load = load_officers(&fw, &csv, &options).expect("capped");
    let profile = Profile::new(&fw, &load.officers[0], &capped).expect("capped");
    assert_eq!(profile.level(&fw, "rti").expect("same framework").get(), 2);
}

#[test]
fn missing_columns_and_empty_files_are_reported() {
    let fw = framework();
    let csv = OfficersCsv::new("sep=,\nid;department;position\n").evidence("officer,level\n");
    let errors = load_officers(&fw, &csv, &OfficersCsvOptions::default())
        .expect_err("semicolons and missing columns")
        .into_vec();
    assert_messages(
        &errors,
        &[
            // Declared `,`, the header is separated by `;`: the separator is named, not each
            // column.
            "officers.csv separates the fields of its header with `;`: expected `,`",
            "evidence.csv has no column `competency` in its header",
            "evidence.csv has no column `source` in its header",
        ],
    );
    let load = load_officers(
        &fw,
        &OfficersCsv::new("id,department,position\n"),
        &OfficersCsvOptions::default(),
    )
    .expect("no officers is not an error");
    assert!(load.officers.is_empty());
    let errors = load_officers(&fw, &OfficersCsv::new(""), &OfficersCsvOptions::default())
        .expect_err("no header");
    assert_eq!(errors.len(), 3);
}

#[test]
fn hidden_characters_in_cells_are_shown() {
    let fw = framework();
    // A quoted cell keeps a zero-width space that trimming does not remove.
    let csv = OfficersCsv::new("id,department,position\no1,dopt,\"aso\u{200b}\"\n");
    let errors =
        load_officers(&fw, &csv, &OfficersCsvOptions::default()).expect_err("a zero-width space");
    assert_messages(
        errors.as_slice(),
        &[
            "officers.csv line 2, column `position`: \"aso\\u{200b}\" is not in the framework's \
           positions, did you mean `aso`?",
        ],
    );
}

/// An officer id or department with a control or invisible character would print like
/// another in every report: refused by row and column, as JSON refuses it.
#[test]
fn ids_and_departments_with_hidden_characters_are_refused() {
    let fw = framework();
    let csv = OfficersCsv::new(
        "id,name,department,position\n\"o\u{200b}1\",Asha,dopt,us\no2,\"Line\nbreak\",\"do\tpt\",us\n",
    );
    let errors = load_officers(&fw, &csv, &OfficersCsvOptions::default())
        .expect_err("hidden characters")
        .into_vec();
    assert_messages(
        &errors,
        &[
            "officers.csv line 2, column `id`: found \"o\\u{200b}1\", expected an id without \
             control or invisible characters",
            "officers.csv line 3, column `department`: found \"do\\tpt\", expected an id \
             without control or invisible characters",
        ],
    );
}

mod edited_exports {
    use super::*;
    use proptest::prelude::*;

    /// Cells an HR export might hold where another was expected.
    const CELLS: [&str; 16] = [
        "",
        " ",
        "o1",
        "o9",
        "dopt",
        "us",
        "US",
        "rti",
        "noting",
        "9",
        "-1",
        "2024-1-5",
        "2024-02-10T09:30:00Z",
        "course_completion",
        "rti-101",
        "\"q\"x",
    ];

    /// The clean export with some cells replaced and some lines dropped or repeated.
    fn edited(text: &str, edits: &[(usize, usize, usize, u8)]) -> String {
        let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
        for &(line, field, cell, op) in edits {
            let i = line % lines.len();
            match op % 3 {
                0 => {
                    let mut cells: Vec<String> = lines[i].split(',').map(str::to_owned).collect();
                    let j = field % cells.len();
                    CELLS[cell % CELLS.len()].clone_into(&mut cells[j]);
                    lines[i] = cells.join(",");
                }
                1 if lines.len() > 1 => {
                    lines.remove(i);
                }
                _ => lines.insert(i, lines[i].clone()),
            }
        }
        lines.join("\r\n")
    }

    fn edits() -> impl Strategy<Value = Vec<(usize, usize, usize, u8)>> {
        proptest::collection::vec(
            (any::<usize>(), any::<usize>(), any::<usize>(), any::<u8>()),
            0..4,
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        /// Whatever the edits, the loader returns typed errors naming a file, or officers
        /// that a cohort then accepts with the same policy: the loader checks everything
        /// `Cohort::new` checks.
        #[test]
        fn what_the_loader_accepts_a_cohort_accepts(
            officer_edits in edits(),
            evidence_edits in edits(),
            cap in any::<bool>(),
        ) {
            let fw = framework();
            let (officers, evidence) = clean_export();
            let (officers, evidence) = (edited(&officers, &officer_edits), edited(&evidence, &evidence_edits));
            let policy = if cap {
                LevelPolicy::default().course_levels(CourseLevels::Cap)
            } else {
                LevelPolicy::default()
            };
            let options = OfficersCsvOptions::default().level_policy(policy.clone());
            match load_officers(&fw, &OfficersCsv::new(&officers).evidence(&evidence), &options) {
                Ok(load) => {
                    let cohort = Cohort::new(&fw, &load.officers, &policy);
                    prop_assert!(cohort.is_ok(), "{:?}", cohort.err());
                }
                Err(errors) => {
                    for e in &errors {
                        let text = e.to_string();
                        prop_assert!(
                            text.starts_with("officers.csv") || text.starts_with("evidence.csv"),
                            "{}", text
                        );
                        prop_assert!(!text.contains('\r'), "{}", text);
                        serde_json::to_string(e).expect("errors serialize");
                    }
                }
            }
        }
    }
}

/// Levels and sources as HR systems label them: `L3`, `Level 3`; `Feedback 360`, `360
/// feedback`, `360-degree feedback`. Each reads as the number or source it names, in the
/// loader and in the cohort's own CSV reader alike; labels above 5 or of another word stay
/// errors naming the cell.
#[test]
fn levels_and_sources_written_as_labels_are_read() {
    let fw = framework();
    let officers = spreadsheet(&["id,department,position", "o1,dopt,us"]);
    let evidence = spreadsheet(&[
        "officer,competency,level,source,date",
        "o1,rti,L3,assessment,2024-01-05",
        "o1,noting,Level 2,Feedback 360,2024-01-05",
        "o1,rti,lvl-1,360 feedback,2024-01-06",
        "o1,rti,LEVEL_4,360-Degree Feedback,2024-01-06",
    ]);
    let csv = OfficersCsv::new(&officers).evidence(&evidence);
    let load = load_officers(&fw, &csv, &OfficersCsvOptions::default()).expect("labels");
    let read: Vec<(&str, u8, EvidenceSource)> = load.officers[0]
        .passbook
        .iter()
        .map(|e| (e.competency.as_str(), e.level, e.source))
        .collect();
    assert_eq!(
        read,
        [
            ("rti", 3, EvidenceSource::Assessment),
            ("noting", 2, EvidenceSource::Feedback360),
            ("rti", 1, EvidenceSource::Feedback360),
            ("rti", 4, EvidenceSource::Feedback360),
        ]
    );
    let streamed = Cohort::from_csv(&fw, &csv, &OfficersCsvOptions::default()).expect("labels");
    assert_eq!(streamed.cohort.len(), 1);

    let evidence = spreadsheet(&[
        "officer,competency,level,source,date",
        "o1,rti,L6,assessment,2024-01-05",
        "o1,rti,Levels 3,assessment,2024-01-05",
        "o1,rti,2,360,2024-01-05",
    ]);
    let csv = OfficersCsv::new(&officers).evidence(&evidence);
    let errors = load_officers(&fw, &csv, &OfficersCsvOptions::default())
        .expect_err("not levels")
        .into_vec();
    let streamed = Cohort::from_csv(&fw, &csv, &OfficersCsvOptions::default())
        .expect_err("not levels")
        .into_vec();
    assert_eq!(streamed, errors);
    assert_messages(
        &errors,
        &[
            "evidence.csv line 2, column `level`: officer `o1` passbook entry 0 (competency \
             `rti`): found `L6`, expected a level from 0 to 5, or \
             the name of one of the competency's levels",
            "evidence.csv line 3, column `level`: officer `o1` passbook entry 1 (competency \
             `rti`): level written as the name `Levels 3`, which no level of the competency \
             has: expected a level from 0 to 5, or the name of one of the competency's levels",
            "evidence.csv line 4, column `source`: officer `o1` passbook entry 2 (competency \
             `rti`): found `360`, expected `course_completion`, \
             `assessment`, `feedback360` or `self_declared`",
        ],
    );
}

/// Dates as spreadsheets export them when a cell is formatted as a number: refused (no
/// ISO date), with the date it means; with the month's name: read; day or month first
/// with nothing to settle which: refused, never guessed.
#[test]
fn spreadsheet_dates_are_read_or_refused_with_the_date_they_mean() {
    let fw = framework();
    let officers = spreadsheet(&["id,department,position", "o1,dopt,us"]);
    let evidence = spreadsheet(&[
        "officer,competency,level,source,date",
        "o1,rti,2,assessment,45366",
        "o1,rti,2,assessment,15-Mar-2024",
        "o1,rti,2,assessment,01/02/2024",
    ]);
    let csv = OfficersCsv::new(&officers).evidence(&evidence);
    let errors = load_officers(&fw, &csv, &OfficersCsvOptions::default())
        .expect_err("a serial number and a date read both ways")
        .into_vec();
    let hint = |line: usize, entry: usize, date: &str, meant: Option<&str>| {
        format!(
            "evidence.csv line {line}, column `date`: officer `o1` passbook entry {entry} \
             (competency `rti`): date `{date}` is not an iso date: expected yyyy-mm-dd, an \
             iso 8601 date-time, or no date{}",
            meant.map_or(String::new(), |m| format!(" (did you mean `{m}`?)"))
        )
    };
    let found: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        found,
        [
            hint(2, 0, "45366", Some("2024-03-15")),
            // Day first or month first: a guess, so an error of its own.
            "evidence.csv line 4, column `date`: officer `o1` passbook entry 2 (competency \
             `rti`): date `01/02/2024` reads day first and month \
             first, and no date of the column settles which: give the date order, or write \
             yyyy-mm-dd"
                .to_owned(),
        ]
    );
}
