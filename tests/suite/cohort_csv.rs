//! `Cohort::from_csv`, the HR export streamed straight into a cohort, against the two-step
//! path it replaces (`load_officers` then `Cohort::new`): the same cohort, the same
//! warnings, and on bad input the same errors, for any export.

use karmayogi::{
    Cohort, CohortCsvReader, CourseLevels, Error, Errors, Framework, LevelPolicy, NeedsOptions,
    OfficersCsv, OfficersCsvOptions, ReviewOptions, UndatedEvidence, load_officers,
};
use std::fmt::Write as _;

use proptest::prelude::*;

use crate::support::{NOT_REPLACED, hr_framework as framework, level_policies};

/// What a load gives, in comparable form: per officer its id, name and profile; the
/// departments; the heatmap; the warnings — or the errors.
type Loaded = (Vec<String>, Vec<String>, String, Vec<Error>);
type Outcome = Result<Loaded, Vec<Error>>;

fn describe(fw: &Framework, cohort: &Cohort, warnings: Vec<Error>) -> Loaded {
    let officers = crate::support::officer_lines(cohort);
    let departments = cohort
        .departments()
        .iter()
        .map(|d| d.as_str().to_owned())
        .collect();
    let needs = fw
        .training_needs(cohort, &NeedsOptions::default())
        .expect("same framework");
    (officers, departments, format!("{:?}", needs.rows), warnings)
}

/// The two-step path: specs, then a cohort; without the warnings about repeated or
/// contradicting passbook rows, which the streamed path does not look for.
fn two_step(
    fw: &Framework,
    csv: &OfficersCsv<'_>,
    options: &OfficersCsvOptions,
    policy: &LevelPolicy,
) -> Outcome {
    let load = load_officers(fw, csv, options).map_err(Errors::into_vec)?;
    let cohort = Cohort::new(fw, &load.officers, policy).map_err(Errors::into_vec)?;
    let mut warnings = load.warnings;
    warnings.retain(|w| !crate::support::is_duplicate_warning(w));
    Ok(describe(fw, &cohort, warnings))
}

/// The streamed path.
fn streamed(fw: &Framework, csv: &OfficersCsv<'_>, options: &OfficersCsvOptions) -> Outcome {
    let load = Cohort::from_csv(fw, csv, options).map_err(Errors::into_vec)?;
    Ok(describe(fw, &load.cohort, load.warnings))
}

/// The reader fed in pieces: each text cut before the byte offsets of `cuts` (taken
/// modulo its length, so any list of numbers serves).
fn in_pieces(
    fw: &Framework,
    csv: &OfficersCsv<'_>,
    options: &OfficersCsvOptions,
    cuts: &[usize],
) -> Outcome {
    fn pieces<'t>(text: &'t [u8], cuts: &[usize]) -> Vec<&'t [u8]> {
        let mut at: Vec<usize> = cuts.iter().map(|c| c % (text.len() + 1)).collect();
        at.push(0);
        at.push(text.len());
        at.sort_unstable();
        at.windows(2).map(|w| &text[w[0]..w[1]]).collect()
    }
    let mut reader = CohortCsvReader::new(fw, options);
    for piece in pieces(csv.officers.as_bytes(), cuts) {
        reader.push_officers(piece);
    }
    if let Some(evidence) = csv.evidence {
        reader.push_evidence(&[]);
        for piece in pieces(evidence.as_bytes(), cuts) {
            reader.push_evidence(piece);
        }
    }
    let load = reader.finish().map_err(Errors::into_vec)?;
    Ok(describe(fw, &load.cohort, load.warnings))
}

/// Asserts the reader gives `want` on 1, 2 and 3 threads, the texts whole and fed in
/// pieces cut before the offsets of `cuts` (each piece cut into parts at its line ends).
#[track_caller]
fn assert_every_thread_count_gives(
    fw: &Framework,
    csv: &OfficersCsv<'_>,
    options: &OfficersCsvOptions,
    cuts: &[usize],
    want: &Outcome,
) {
    for threads in [1, 2, 3] {
        let options = options.clone().threads(threads);
        assert_eq!(&streamed(fw, csv, &options), want, "{threads} threads");
        let got = in_pieces(fw, csv, &options, cuts);
        assert_eq!(&got, want, "{threads} threads, pieces");
    }
}

/// How many of `errors` report a repeated id.
fn duplicate_keys(errors: &[Error]) -> usize {
    errors
        .iter()
        .filter(|e| matches!(e, Error::CsvDuplicateKey { .. }))
        .count()
}

/// Loads with `policy` both ways and checks they agree; returns the outcome.
#[track_caller]
fn agree(officers: &str, evidence: Option<&str>, policy: &LevelPolicy, as_of: bool) -> Outcome {
    agree_in_pieces(officers, evidence, policy, as_of, &[])
}

/// [`agree`], and the reader fed pieces cut at `cuts` (and byte by byte) agrees too.
#[track_caller]
fn agree_in_pieces(
    officers: &str,
    evidence: Option<&str>,
    policy: &LevelPolicy,
    as_of: bool,
    cuts: &[usize],
) -> Outcome {
    let fw = framework();
    let mut csv = OfficersCsv::new(officers);
    if let Some(e) = evidence {
        csv = csv.evidence(e);
    }
    let mut options = OfficersCsvOptions::default().level_policy(policy.clone());
    if as_of {
        options = options.review(ReviewOptions::default().as_of("2024-06-30").expect("date"));
    }
    let want = two_step(&fw, &csv, &options, policy);
    let got = streamed(&fw, &csv, &options);
    assert_eq!(got, want, "officers:\n{officers}\nevidence:\n{evidence:?}");
    // Deterministic: the same text gives the same result again.
    assert_eq!(streamed(&fw, &csv, &options), got);
    let cut = in_pieces(&fw, &csv, &options, cuts);
    assert_eq!(
        cut, want,
        "cut at {cuts:?}; officers:\n{officers}\nevidence:\n{evidence:?}"
    );
    let every: Vec<usize> = (0..officers.len().max(evidence.map_or(0, str::len))).collect();
    let bytes = in_pieces(&fw, &csv, &options, &every);
    assert_eq!(
        bytes, want,
        "byte by byte; officers:\n{officers}\nevidence:\n{evidence:?}"
    );
    got
}

const OFFICERS: &str = "\u{feff}id,name,department,position,target\r\n\
    o3, Asha Rao ,dopt,us,\r\n\
    o1,Vikram,itd-mumbai,aso,us\r\n\
    o2,,itd-mumbai,so-mumbai,\r\n\
    o0,\"Meera \"\"M\"\"\",dopt,aso,\r\n";

const EVIDENCE: &str = "officer, competency, level, source, date, verified, course\n\
    o1,noting,3,course_completion,2024-04-01,N,noting-lab\n\
    o3,rti,2,course_completion,2024-03-15T10:00:00+05:30,yes,rti-101\n\
    o3,rti,3,self_declared,,,\n\
    o2,noting,2,feedback360,2024-12-31,,\n\
    o3,integrity,0,course_completion,,,rti-101\n\
    o1,noting,1,assessment,2023-01-01,,\n\
    o0,integrity,4,assessment,2025-01-01,true,\n";

#[test]
fn a_clean_export_gives_the_cohort_of_the_two_step_path() {
    let out =
        agree(OFFICERS, Some(EVIDENCE), &LevelPolicy::default(), true).expect("a clean export");
    assert_eq!(out.0.len(), 4);
    // o1 in itd-mumbai holds aso (dopt); o2's and o0's evidence is after the as-of date.
    assert_eq!(out.3.len(), 3, "{:?}", out.3);
    assert!(
        out.3[0]
            .to_string()
            .starts_with("officers.csv line 3, column `department`")
    );
    agree(OFFICERS, None, &LevelPolicy::default(), false).expect("officers alone");
    let lenient = LevelPolicy::default()
        .self_declared(true)
        .verified_only(false)
        .course_levels(CourseLevels::Cap);
    agree(OFFICERS, Some(EVIDENCE), &lenient, false).expect("a clean export");
}

#[test]
fn bad_rows_give_the_errors_of_the_two_step_path_with_codes_and_ids() {
    let officers = format!("{OFFICERS}o1,Again,dopt,aso,\r\no5,,dopt,a-so,US\r\n ,x,dopt,aso,\r\n");
    let evidence = format!(
        "{EVIDENCE}o9,rti,1,assessment,,,\n\
         o5,rti,7,assesment,45296,maybe,\n\
         o3,rti,3,course_completion,2024-01-01,,rti-101\n\
         o0,notng,1,assessment,,,rti-999\n\
         \"o\u{200b}3\",rti,1,assessment,,,\n"
    );
    let errors =
        agree(&officers, Some(&evidence), &LevelPolicy::default(), false).expect_err("bad rows");
    let codes: Vec<&str> = errors.iter().map(Error::code).collect();
    assert_eq!(
        codes,
        [
            "csv_duplicate_key",
            "csv_unknown_reference",
            "csv_unknown_reference",
            "csv_invalid_value",
            "csv_unknown_reference",
            "csv_invalid_value",
            "csv_invalid_value",
            "csv_invalid_value",
            "csv_row",
            "csv_row",
            "csv_row",
            "csv_row",
            "csv_unknown_reference",
        ]
    );
    let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
    // A row whose level, source and flag do not read is still checked for its date.
    assert_eq!(
        text[8],
        "evidence.csv line 10, column `date`: officer `o5` passbook entry 0 (competency \
         `rti`): date `45296` is not an iso date: expected yyyy-mm-dd, an iso 8601 \
         date-time, or no date (did you mean `2024-01-05`?)"
    );
    assert_eq!(
        text[9],
        "evidence.csv line 11, column `level`: officer `o3` passbook entry 3 (competency \
         `rti`): level 3 is above level 2, the level course `rti-101` builds it to"
    );
    // The offending id is escaped, so an invisible character shows.
    assert!(text[12].contains("o\\u{200b}3"), "{}", text[12]);
}

#[test]
fn a_missing_column_or_empty_file_is_reported_as_by_the_two_step_path() {
    let policy = LevelPolicy::default();
    agree("id,department\no1,dopt\n", Some(EVIDENCE), &policy, false).expect_err("no position");
    agree(OFFICERS, Some("officer,level\n"), &policy, false).expect_err("no competency");
    let empty = agree("", Some(""), &policy, false).expect_err("empty files");
    assert!(empty.iter().all(|e| e.code() == "csv_missing_column"));
    agree("id,department,position\n", None, &policy, false).expect("no officers is a cohort");
}

/// One cell from a pool holding valid values and the mistakes HR exports make.
fn cell(pool: &'static [&'static str]) -> impl Strategy<Value = &'static str> {
    prop::sample::select(pool)
}

fn officer_row() -> impl Strategy<Value = String> {
    (
        cell(&["o1", "o2", "o3", "o4", "o5", "o6", "o7", "o8", "", "o\u{7}"]),
        cell(&["", "Asha", " Ravi ", "\"Lata, K\""]),
        cell(&["dopt", "itd-mumbai", "", "mea"]),
        cell(&["us", "aso", "so-mumbai", "US", ""]),
        cell(&["", "", "us", "aso", "nowhere"]),
    )
        .prop_map(|(id, name, dept, pos, target)| format!("{id},{name},{dept},{pos},{target}"))
}

fn evidence_row() -> impl Strategy<Value = String> {
    (
        cell(&["o1", "o2", "o3", "o4", "o5", "o6", "o7", "o8", "o9"]),
        cell(&["rti", "noting", "integrity", "noting", "rti", "notng"]),
        cell(&["0", "1", "2", "3", "4", "5", "1", "2", "7", "x"]),
        cell(&[
            "assessment",
            "course_completion",
            "feedback360",
            "self_declared",
            "assessment",
            "course_completion",
            "guess",
        ]),
        cell(&[
            "",
            "2024-03-15",
            "2025-01-01",
            "2023-12-31T10:00:00Z",
            "15/03/2024",
        ]),
        cell(&["", "yes", "n", "true", "0", "maybe"]),
        cell(&["", "", "rti-101", "noting-lab", "rti-999"]),
    )
        .prop_map(|(o, c, l, s, d, v, k)| format!("{o},{c},{l},{s},{d},{v},{k}"))
}

/// A passbook row as hand edits leave them: quoted cells, stray quotes, spaces, a cell
/// too many or too few, text that is not ASCII.
fn tricky_evidence_row() -> impl Strategy<Value = String> {
    (
        evidence_row(),
        cell(&[
            "",
            "",
            "",
            "o1,\"rti\",2,assessment,,,",
            "\"o3\",\"noting\",\"1\",\"assessment\",\"2024-01-02\",\"yes\",\"\"",
            "o2 , rti , 3 , assessment , , ,",
            "o1,rti,2,assessment,\"2024-\n03-15\",,",
            "o1,r\"ti,2,assessment,,,",
            "o1,\"rti\"x,2,assessment,,,",
            "o1,rti,2,assessment,,,,",
            "o1,rti,2",
            "o2,rti\u{e9},2,assessment,,,",
            "\u{a0}o1,rti,2,assessment,,,",
            "o1,rti,2,assessment,,\"yes\n\",",
            "\u{feff}o1,rti,2,assessment,,,",
        ]),
    )
        .prop_map(|(plain, odd)| {
            if odd.is_empty() {
                plain
            } else {
                odd.to_owned()
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Any export, clean or not: the streamed cohort, warnings and errors are those of the
    /// two-step path.
    #[test]
    fn any_export_streams_to_what_the_two_step_path_gives(
        officers in prop::collection::vec(officer_row(), 0..9),
        evidence in prop::collection::vec(evidence_row(), 0..30),
        policy in level_policies(),
        as_of in any::<bool>(),
    ) {
        let officers = format!("id,name,department,position,target\n{}\n", officers.join("\n"));
        let evidence =
            format!("officer,competency,level,source,date,verified,course\n{}\n", evidence.join("\n"));
        agree(&officers, Some(&evidence), &policy, as_of).ok();
    }

    /// What spreadsheets and hand edits put in an export — quoted fields (with commas,
    /// doubled quotes and line breaks), misplaced and unclosed quotes, CRLF and lone CR
    /// line ends, a byte-order mark, blank and whitespace-only lines, spaces around
    /// fields, non-ASCII text, rows of the wrong width, repeated officers — read whole and
    /// in pieces cut anywhere: the same cohort, warnings and errors as the two-step path.
    #[test]
    fn tricky_texts_read_in_pieces_give_what_the_two_step_path_gives(
        officers in prop::collection::vec(
            (officer_row(), cell(&["\n", "\n", "\r\n", "\r", "\n\n", "\n \t\n"])), 0..8),
        evidence in prop::collection::vec(
            (tricky_evidence_row(), cell(&["\n", "\n", "\n", "\r\n", "\r", "\n\r\n"])), 0..24),
        bom in any::<bool>(),
        last_newline in any::<bool>(),
        policy in level_policies(),
        as_of in any::<bool>(),
        cuts in prop::collection::vec(0usize..2000, 0..6),
    ) {
        let join = |rows: &[(String, &str)]| -> String {
            rows.iter().flat_map(|(r, end)| [r.as_str(), end]).collect()
        };
        let mut officers =
            format!("{}id,name,department,position,target\n{}", if bom { "\u{feff}" } else { "" },
                    join(&officers));
        let mut evidence =
            format!("officer,competency,level,source,date,verified,course\r\n{}", join(&evidence));
        if !last_newline {
            officers = officers.trim_end_matches(['\r', '\n']).to_owned();
            evidence = evidence.trim_end_matches(['\r', '\n']).to_owned();
        }
        agree_in_pieces(&officers, Some(&evidence), &policy, as_of, &cuts).ok();
    }

    /// Exports that are clean by construction, so the cohorts themselves are compared.
    #[test]
    fn clean_exports_stream_to_the_same_cohort(
        officers in prop::collection::vec(
            (cell(&["dopt", "itd-mumbai", "mea"]), cell(&["us", "aso", "so-mumbai"])), 0..12),
        evidence in prop::collection::vec(
            (0usize..12, cell(&["rti", "noting", "integrity"]), 0u8..4,
             cell(&["assessment", "feedback360", "self_declared"]),
             cell(&["", "2024-03-15", "2025-01-01"]), cell(&["", "no"])), 0..40),
        policy in level_policies(),
    ) {
        let n = officers.len();
        // Ids in an order that is not sorted, so the cohort keeps an id index.
        let rows: Vec<String> = officers
            .iter()
            .enumerate()
            .map(|(i, (d, p))| format!("x{},{d},{p}", (i * 7) % 13))
            .collect();
        let text = format!("id,department,position\n{}\n", rows.join("\n"));
        let entries: Vec<String> = evidence
            .iter()
            .filter(|e| e.0 < n)
            .map(|(k, c, l, s, d, v)| format!("x{},{c},{l},{s},{d},{v}", (k * 7) % 13))
            .collect();
        let evidence =
            format!("officer,competency,level,source,date,verified\n{}\n", entries.join("\n"));
        prop_assert!(agree(&text, Some(&evidence), &policy, false).is_ok());
    }
}

#[test]
fn bytes_that_are_not_utf8_are_reported_in_a_column_read_and_ignored_in_others() {
    let fw = framework();
    let mut reader = CohortCsvReader::new(&fw, &OfficersCsvOptions::default());
    reader.push_officers(b"id,department,position,note\no1,dopt,us,caf\xe9\no\xff2,dopt,us,\n");
    reader.push_officers(b"o3,dopt,us,x\n");
    reader.push_evidence(b"officer,competency,level,source\no1,rti,2,assessment\n");
    let errors = reader
        .finish()
        .expect_err("an id that is not UTF-8")
        .into_vec();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(
        errors[0].to_string(),
        format!("officers.csv line 3, column `id`: found `o\u{fffd}2`, {NOT_REPLACED}")
    );
    // Without it, the other rows load: the note column is not read.
    let mut reader = CohortCsvReader::new(&fw, &OfficersCsvOptions::default());
    reader.push_officers(b"id,department,position,note\no1,dopt,us,caf\xe9\no3,dopt,us,x\n");
    let load = reader
        .finish()
        .expect("the bad bytes are in a column not read");
    assert_eq!(load.cohort.len(), 2);
}

/// A row refused for a name in Windows-1252 (`Jos\xe9`, as Excel saves "CSV" outside
/// UTF-8 locales) is refused like a row of the wrong width: its passbook names the row
/// that was not read, never "not in officers.csv, did you mean" another officer.
#[test]
fn a_row_refused_for_bytes_that_are_not_utf8_is_named_by_its_passbook() {
    let fw = framework();
    let mut reader = CohortCsvReader::new(&fw, &OfficersCsvOptions::default());
    reader.push_officers(b"id,name,department,position\no1,Jos\xe9,dopt,us\no2,Asha,dopt,us\n");
    reader.push_evidence(b"officer,competency,level,source\no1,rti,2,assessment\n");
    let errors = reader.finish().expect_err("a name that is not UTF-8");
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            format!("officers.csv line 2, column `name`: found `Jos\u{fffd}`, {NOT_REPLACED}"),
            "evidence.csv line 2, column `officer`: `o1` is the id of officers.csv line 2, \
             which was not read for its own problem"
                .into(),
        ]
    );
}

/// An export of a few megabytes, so that pieces are read in parts on several threads:
/// every fifth officer in a department other than their position's (a warning each), a
/// late date every so many rows (another warning); `odd` puts a quoted record running
/// over two lines and a problem every so many rows.
fn big_export(odd: bool) -> (String, String) {
    let mut officers = String::from("id,name,department,position,target\n");
    for i in 0..3_000 {
        let department = if i % 5 == 0 { "mea" } else { "dopt" };
        writeln!(officers, "o{i},,{department},{},", ["us", "aso"][i % 2]).expect("a string");
    }
    let mut evidence = String::from("officer,competency,level,source,date,verified,course\n");
    for i in 0..80_000 {
        let officer = i / 27;
        let row = match i % 997 {
            13 if odd => format!("o{officer},\"rti\",2,assessment,\"2024-\n01-02\",,\n"),
            101 if odd => format!("o{officer},rti,9,assessment,,,\n"),
            202 if odd => "nobody,rti,2,assessment,,,\n".to_owned(),
            303 => format!("o{officer},noting,2,assessment,2025-01-01,,\n"),
            _ => format!(
                "o{officer},{},{},assessment,2024-0{}-15,yes,\n",
                ["rti", "noting", "integrity"][i % 3],
                i % 4,
                1 + i % 9
            ),
        };
        evidence += &row;
    }
    (officers, evidence)
}

#[test]
fn pieces_read_on_two_threads_give_what_one_thread_and_the_two_step_path_give() {
    let fw = framework();
    for (odd, as_of) in [(false, true), (false, false), (true, true)] {
        let (officers, evidence) = big_export(odd);
        assert!(evidence.len() > 3 << 20);
        let csv = OfficersCsv::new(&officers).evidence(&evidence);
        let policy = LevelPolicy::default();
        let mut options = OfficersCsvOptions::default();
        if as_of {
            options = options.review(ReviewOptions::default().as_of("2024-06-30").expect("date"));
        }
        let want = two_step(&fw, &csv, &options, &policy);
        assert_eq!(want.is_err(), odd);
        if let Ok((.., warnings)) = &want {
            let mismatches = warnings
                .iter()
                .filter(|w| {
                    matches!(w, Error::CsvRow { error, .. }
                             if matches!(**error, Error::DepartmentMismatch { .. }))
                })
                .count();
            assert_eq!(mismatches, 600);
            // Without an as-of date, no date is late: most rows are read in parts.
            assert_eq!(warnings.len() > 600, as_of);
        }
        // Pieces of 1.5 MiB.
        let cuts: Vec<usize> = (1..4).map(|k| (k * 3) << 19).collect();
        assert_every_thread_count_gives(&fw, &csv, &options, &cuts, &want);
    }
}

/// Excel's `sep=,` line, empty fields past the header, levels written `2.0` and sources
/// labelled as HR systems write them: read in pieces cut anywhere (the separator line cut
/// from its header), the same as the two-step path, and each read.
#[test]
fn spreadsheet_shapes_read_in_pieces_give_what_the_two_step_path_gives() {
    let officers = "sep=,\r\nid,department,position\r\no1,dopt,us,\r\no2,dopt,aso,,\r\n";
    let evidence = "\u{feff}sep=,\nofficer,competency,level,source,date\n\
                    o1,rti,2.0,Assessment,2024-01-05,\no2,noting,\"1,0\",Self Declared,,\n";
    for cuts in [&[][..], &[3], &[5, 6], &[7, 30]] {
        let got = agree_in_pieces(
            officers,
            Some(evidence),
            &LevelPolicy::default(),
            false,
            cuts,
        );
        assert!(got.is_ok(), "{cuts:?}: {got:?}");
    }
    let semicolons = "id;department;position\no1;dopt;us\n";
    let evidence = "officer;competency;level;source\no1;rti;\"2\";assessment\r\n";
    let got = agree_in_pieces(
        semicolons,
        Some(evidence),
        &LevelPolicy::default(),
        false,
        &[4],
    );
    assert!(got.is_ok(), "{got:?}");
}

/// The evidence columns in the format's order, `course` last.
const EVIDENCE_HEADER: [&str; 7] = [
    "officer",
    "competency",
    "level",
    "source",
    "date",
    "verified",
    "course",
];

/// A big export (several MiB, so pieces are read in parts) whose passbook rows are mostly
/// the common shape read straight from its bytes, mixed with rows that look like it but
/// must be read by the general path: quoted cells, spaces around cells, lone CR line ends
/// and CRLF, blank lines, an officer id that is not ASCII, flags and dates written other
/// ways, completions, levels written `2.0`, rows of another officer amid a passbook, ids
/// of one to five words, some the id before with more after it; with `errors`, also bad levels, impossible
/// dates, unknown competencies and officers. `columns` is the header of `evidence.csv`.
fn common_rows_export(columns: &[&str], errors: bool, seed: u64) -> (String, String) {
    let mut state = seed | 1;
    let mut next = move |n: usize| {
        // xorshift64: the same rows for the same seed.
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    // Ids of 2 to 33 bytes (one word, 8 and 16 bytes exactly, longer), some the id of
    // the officer before with more after it.
    let ids: Vec<String> = (0..2_000)
        .map(|i| match i % 6 {
            _ if i % 400 == 7 => format!("\u{f3}{i}"),
            1 => format!("o{}-{i}", i - 1),
            2 => format!("off{i:05}"),
            3 => format!("officer-{i:08}"),
            4 => format!("officer-of-the-department-{i:07}"),
            _ => format!("o{i}"),
        })
        .collect();
    let mut officers = String::from("id,department,position\n");
    for (i, id) in ids.iter().enumerate() {
        writeln!(officers, "{id},dopt,{}", ["us", "aso"][i % 2]).expect("a string");
    }
    let mut evidence = format!("{}\n", columns.join(","));
    let with_course = columns.contains(&"course");
    for i in 0..70_000 {
        let officer = ids[i / 35].as_str();
        let competency = ["rti", "noting", "integrity"][next(3)];
        let most = if competency == "noting" { 3 } else { 5 };
        let level = next(most + 1).to_string();
        let source = ["assessment", "feedback360", "self_declared"][next(3)];
        let date = ["", "2024-03-15", "2023-12-31", "2025-01-01", "2020-02-29"][next(5)];
        let verified = ["", "true", "false", "true"][next(4)];
        let mut cells =
            [officer, competency, &level, source, date, verified, ""].map(str::to_owned);
        let mut end = "\n";
        match next(60) {
            0 => cells[1] = format!("\"{}\"", cells[1]),
            1 => cells[2] = format!(" {} ", cells[2]),
            2 => end = "\r",
            3 => end = "\r\n",
            4 => end = "\n\n",
            5 => ["yes", "TRUE", "N", "0"][next(4)].clone_into(&mut cells[5]),
            6 => "2024-03-15T10:00:00+05:30".clone_into(&mut cells[4]),
            7 if with_course => {
                let (competency, course) = [("rti", "rti-101"), ("noting", "noting-lab")][next(2)];
                competency.clone_into(&mut cells[1]);
                "1".clone_into(&mut cells[2]);
                "course_completion".clone_into(&mut cells[3]);
                course.clone_into(&mut cells[6]);
            }
            8 => cells[2] = format!("{}.0", cells[2].trim()),
            9 if errors => ["9", "x", "-1"][next(3)].clone_into(&mut cells[2]),
            10 if errors => {
                ["2024-02-30", "2024-13-01", "15/03/2024"][next(3)].clone_into(&mut cells[4]);
            }
            11 if errors => "notng".clone_into(&mut cells[1]),
            12 if errors => "nobody".clone_into(&mut cells[0]),
            13 if errors => "4".clone_into(&mut cells[2]),
            // A row of another officer amid a passbook.
            14 | 15 => ids[next(ids.len())].clone_into(&mut cells[0]),
            _ => {}
        }
        let row: Vec<&str> = columns
            .iter()
            .map(|c| {
                EVIDENCE_HEADER
                    .iter()
                    .position(|n| n == c)
                    .map_or("x", |k| cells[k].as_str())
            })
            .collect();
        evidence += &row.join(",");
        evidence += end;
    }
    (officers, evidence)
}

#[test]
fn common_rows_read_from_their_bytes_give_what_the_two_step_path_gives() {
    let fw = framework();
    let standard = EVIDENCE_HEADER;
    let headers: [&[&str]; 4] = [
        &standard,
        &standard[..6],
        // Other orders and an extra column: the rows are read through the general split.
        &[
            "competency",
            "officer",
            "level",
            "source",
            "date",
            "verified",
            "course",
        ],
        &[
            "officer",
            "competency",
            "level",
            "source",
            "date",
            "verified",
            "course",
            "note",
        ],
    ];
    for (h, columns) in headers.into_iter().enumerate() {
        // The general split is tested above: one export each for the other headers.
        let variants: &[(bool, bool)] = if h < 2 {
            &[(false, false), (false, true), (true, false)]
        } else {
            &[(false, true)]
        };
        for &(errors, as_of) in variants {
            let (officers, evidence) = common_rows_export(columns, errors, 7 + h as u64);
            assert!(evidence.len() > 2 << 20, "{}", evidence.len());
            let csv = OfficersCsv::new(&officers).evidence(&evidence);
            let policy = LevelPolicy::default()
                .self_declared(as_of)
                .verified_only(!as_of);
            let mut options = OfficersCsvOptions::default().level_policy(policy.clone());
            if as_of {
                options =
                    options.review(ReviewOptions::default().as_of("2024-06-30").expect("date"));
            }
            let want = two_step(&fw, &csv, &options, &policy);
            let first = want.as_ref().err().map(|e| e[0].to_string());
            assert_eq!(want.is_err(), errors, "{columns:?}: {first:?}");
            for threads in [1, 2] {
                let options = options.clone().threads(threads);
                assert_eq!(
                    streamed(&fw, &csv, &options),
                    want,
                    "{columns:?}, {threads} threads"
                );
                // Pieces of about 1 MiB cut inside lines.
                let cuts: Vec<usize> = (1..4).map(|k| (k << 20) + 17 * k).collect();
                let got = in_pieces(&fw, &csv, &options, &cuts);
                assert_eq!(got, want, "{columns:?}, {threads} threads, pieces");
            }
        }
    }
}

/// Common rows under level policies with a cut-off date, each rule for undated
/// evidence, and 360-degree feedback counted or not: each policy's test, settled once for
/// the reader, gives the cohort of the two-step path.
#[test]
fn common_rows_under_every_undated_rule_and_a_cut_off_give_what_the_two_step_path_gives() {
    let fw = framework();
    let rules = [
        UndatedEvidence::Counts,
        UndatedEvidence::CountsWithoutCutoff,
        UndatedEvidence::Ignored,
    ];
    for (h, columns) in [&EVIDENCE_HEADER[..], &EVIDENCE_HEADER[..6]]
        .into_iter()
        .enumerate()
    {
        let (officers, evidence) = common_rows_export(columns, false, 11 + h as u64);
        let csv = OfficersCsv::new(&officers).evidence(&evidence);
        for (r, rule) in rules.into_iter().enumerate() {
            let policy = LevelPolicy::default()
                .undated(rule)
                .feedback_360(r != 1)
                .self_declared(r != 2)
                .not_before("2024-01-01")
                .expect("a date");
            for as_of in [false, true] {
                let mut options = OfficersCsvOptions::default().level_policy(policy.clone());
                if as_of {
                    options =
                        options.review(ReviewOptions::default().as_of("2024-06-30").expect("date"));
                }
                let want = two_step(&fw, &csv, &options, &policy);
                assert!(want.is_ok(), "{rule:?}: {want:?}");
                for threads in [1, 2] {
                    let options = options.clone().threads(threads);
                    assert_eq!(
                        streamed(&fw, &csv, &options),
                        want,
                        "{columns:?}, {rule:?}, as of {as_of}, {threads} threads"
                    );
                }
            }
        }
    }
}

#[test]
fn bytes_that_are_not_utf8_in_a_common_row_are_reported_on_any_thread_count() {
    let fw = framework();
    let (officers, evidence) = common_rows_export(
        &[
            "officer",
            "competency",
            "level",
            "source",
            "date",
            "verified",
        ],
        false,
        3,
    );
    let mut evidence = evidence.into_bytes();
    // A bad byte in the competency of a common row far into the text.
    let mut start = evidence.len() / 2;
    loop {
        start += evidence[start..]
            .iter()
            .position(|&b| b == b'\n')
            .expect("a line")
            + 1;
        let end = start
            + evidence[start..]
                .iter()
                .position(|&b| b == b'\n')
                .expect("a line");
        let row = &evidence[start..end];
        if row.starts_with(b"o")
            && row
                .iter()
                .all(|&b| b == b',' || b == b'-' || b.is_ascii_alphanumeric())
        {
            break;
        }
    }
    let comma = start
        + evidence[start..]
            .iter()
            .position(|&b| b == b',')
            .expect("a cell");
    evidence[comma + 1] = 0xff;
    // Lines end at LF, CRLF and a lone CR.
    let ends = evidence[..start]
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && evidence.get(i + 1) != Some(&b'\n')))
        .count();
    let line = 1 + ends;
    let mut seen = Vec::new();
    for threads in [1, 2] {
        for piece in [evidence.len(), 1 << 20, 777_777] {
            let options = OfficersCsvOptions::default().threads(threads);
            let mut reader = CohortCsvReader::new(&fw, &options);
            reader.push_officers(officers.as_bytes());
            reader.push_evidence(&[]);
            for part in evidence.chunks(piece) {
                reader.push_evidence(part);
            }
            let errors: Vec<String> = reader
                .finish()
                .expect_err("a competency that is not UTF-8")
                .into_vec()
                .iter()
                .map(ToString::to_string)
                .collect();
            assert_eq!(errors.len(), 1, "{errors:?}");
            assert!(
                errors[0].starts_with(&format!("evidence.csv line {line}, column `competency`")),
                "{errors:?}"
            );
            seen.push(errors);
        }
    }
    assert!(seen.windows(2).all(|w| w[0] == w[1]));
}

/// A date of ten NUL bytes in a common row read from its bytes is refused as the two-step
/// path refuses it (an invalid date), on any thread count and whatever the dates read
/// before it: the dates remembered never take it for one of theirs.
#[test]
fn a_date_of_nul_bytes_in_a_common_row_is_refused() {
    let fw = framework();
    let (officers, evidence) = common_rows_export(&EVIDENCE_HEADER[..6], false, 5);
    // Rows with a date, by their byte offsets: the first row of the text and one far in.
    let dated: Vec<usize> = evidence
        .match_indices(",2024-03-15,")
        .map(|(at, _)| at + 1)
        .collect();
    for at in [dated[0], dated[dated.len() / 2]] {
        let mut text = evidence.clone();
        text.replace_range(at..at + 10, &"\0".repeat(10));
        // Lines end at LF, CRLF and a lone CR.
        let bytes = text.as_bytes();
        let line = 1 + bytes[..at]
            .iter()
            .enumerate()
            .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
            .count();
        let csv = OfficersCsv::new(&officers).evidence(&text);
        for threads in [1, 2] {
            let options = OfficersCsvOptions::default().threads(threads);
            let want = two_step(&fw, &csv, &options, &LevelPolicy::default());
            let got = streamed(&fw, &csv, &options);
            assert_eq!(got, want, "line {line}, {threads} threads");
            let errors = got.expect_err("an invalid date");
            assert!(
                errors.iter().any(|e| e
                    .to_string()
                    .starts_with(&format!("evidence.csv line {line}, column `date`"))),
                "{errors:?}"
            );
        }
    }
}

/// An officers file of about 3 MiB, so that its pieces are read in parts on several
/// threads: names, targets and departments other than the position's here and there, and
/// with `odd`, ids repeated (from far back, from the row before and across parts),
/// unknown positions and targets, empty departments and quoted records.
fn big_roster(odd: bool) -> (String, String) {
    let mut officers = String::from("id,name,department,position,target\n");
    for i in 0..120_000 {
        let name = if i % 7 == 0 {
            format!("Officer {i}")
        } else {
            String::new()
        };
        let department = if i % 5 == 0 { "mea" } else { "dopt" };
        let target = if i % 11 == 0 { "aso" } else { "" };
        let position = ["us", "aso"][i % 2];
        // Repeated ids often; rows that stop a part's reading (read in order after
        // them) rarely, so that most repeats are found among rows read in parts.
        let row = match (i % 1009, i % 30_011) {
            (17, _) if odd && i > 500 => format!("o{},,dopt,us,\n", i - 500),
            (19, _) if odd => format!("o{},,dopt,us,\n", i - 1),
            (_, 24) if odd => format!("o{i},,dopt,nowhere,\n"),
            (_, 20) if odd => format!("o{i},,dopt,us,nowhere\n"),
            (_, 21) if odd => format!("o{},,dopt,nowhere,\n", i - 3),
            (_, 22) if odd => format!("o{i},,,us,\n"),
            (_, 23) if odd => format!("o{i},\"Quoted, Name\",dopt,us,\n"),
            _ => format!("o{i},{name},{department},{position},{target}\n"),
        };
        officers += &row;
    }
    let mut evidence = String::from("officer,competency,level,source,date,verified\n");
    for i in (0..120_000).step_by(97) {
        writeln!(evidence, "o{i},rti,{},assessment,2024-01-15,true", i % 5).expect("a string");
    }
    (officers, evidence)
}

#[test]
fn officers_read_in_parts_give_what_one_thread_and_the_two_step_path_give() {
    let fw = framework();
    for odd in [false, true] {
        let (officers, evidence) = big_roster(odd);
        assert!(officers.len() > 2 << 20);
        let csv = OfficersCsv::new(&officers).evidence(&evidence);
        let options = OfficersCsvOptions::default();
        let want = two_step(&fw, &csv, &options, &LevelPolicy::default());
        match &want {
            Ok((cohort, ..)) => assert!(!odd && cohort.len() == 120_000),
            Err(errors) => {
                assert!(odd);
                let duplicates = duplicate_keys(errors);
                assert!(duplicates > 200, "{duplicates} repeated ids");
            }
        }
        // Pieces of 2.5 MiB and less.
        let cuts = [5 << 19, (5 << 19) + 70_000];
        assert_every_thread_count_gives(&fw, &csv, &options, &cuts, &want);
    }
}

/// An officers file of about 3 MiB whose ids come in increasing byte order (as exports
/// sorted by id list them, so no table of the ids is built while they do), most officers
/// in their position's department and some in another one, or in a department seen first
/// far into the file; with `odd`, ids repeated (the row before's, one from far back, one
/// read in another part), and, from `out_of_order` on, ids out of order (the table is then
/// built with the rows of a piece read before it).
fn ordered_roster(odd: bool, out_of_order: usize) -> (String, String) {
    let mut officers = String::from("id,department,position\n");
    let mut evidence = String::from("officer,competency,level,source,date,verified\n");
    for i in 0..120_000usize {
        let position = ["us", "aso", "so-mumbai"][i % 3];
        let department = match i % 13 {
            0 => "mea",
            1 if i > 90_000 => "late-dept",
            2 => "dopt",
            _ if position == "so-mumbai" => "itd-mumbai",
            _ => "dopt",
        };
        let id = match (i % 997, i % 3_001) {
            (5, _) if odd => format!("o{:07}", i - 1),
            (7, _) if odd && i > 70_000 => format!("o{:07}", i - 70_000),
            (_, 9) if odd => format!("o{:07}", i - 40_000.min(i)),
            _ if i >= out_of_order && i % 2 == 0 => format!("n{i:07}"),
            _ => format!("o{i:07}"),
        };
        writeln!(officers, "{id},{department},{position}").expect("a string");
        if i % 89 == 0 {
            writeln!(evidence, "{id},rti,{},assessment,2024-01-15,true", i % 5).expect("a string");
        }
    }
    (officers, evidence)
}

#[test]
fn officers_with_ids_in_order_give_what_the_two_step_path_gives() {
    let fw = framework();
    for (odd, out_of_order) in [
        (false, usize::MAX),
        (false, 80_000),
        (true, usize::MAX),
        (true, 80_000),
    ] {
        let (officers, evidence) = ordered_roster(odd, out_of_order);
        assert!(officers.len() > 2 << 20);
        let csv = OfficersCsv::new(&officers).evidence(&evidence);
        let options = OfficersCsvOptions::default();
        let want = two_step(&fw, &csv, &options, &LevelPolicy::default());
        match &want {
            Ok((cohort, departments, ..)) => {
                assert!(!odd && cohort.len() == 120_000);
                assert_eq!(departments, &["dopt", "itd-mumbai", "late-dept", "mea"]);
            }
            Err(errors) => {
                assert!(odd);
                let duplicates = duplicate_keys(errors);
                assert!(duplicates > 150, "{duplicates} repeated ids");
            }
        }
        let cuts = [5 << 19, (5 << 19) + 70_000];
        assert_every_thread_count_gives(&fw, &csv, &options, &cuts, &want);
    }
}

/// An export of about 3 MiB of common passbook lines whose dates take every shape the
/// reader accepts (`YYYY-MM-DD` over 30 years, more distinct dates than the common lines
/// remember at once, dates at the cut-off and the as-of date, none, ISO date-times and
/// zones, `YYYYMMDD`, day first, a named month, year first with slashes, a month or day
/// of one digit) and, with `errors`, dates it refuses (impossible days and months, a digit
/// too many, a letter after the day; a row without its last cell followed by a line of a
/// flag alone). Returns the files and the line of each refused date.
fn dated_rows_export(errors: bool, seed: u64) -> (String, String, Vec<usize>) {
    let mut state = seed | 1;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let ids: Vec<String> = (0..2_000).map(|i| format!("officer-{i:05}")).collect();
    let mut officers = String::from("id,department,position\n");
    for (i, id) in ids.iter().enumerate() {
        writeln!(officers, "{id},dopt,{}", ["us", "aso"][i % 2]).expect("a string");
    }
    let mut evidence = String::from("officer,competency,level,source,date,verified\n");
    let (mut refused, mut line) = (Vec::new(), 1);
    for i in 0..60_000 {
        line += 1;
        let date = match next(100) {
            0..70 => format!(
                "{}-{:02}-{:02}",
                1995 + next(30),
                1 + next(12),
                1 + next(28)
            ),
            70..78 => ["2023-12-31", "2024-01-01", "2024-06-30", "2024-07-01"][next(4)].into(),
            78..84 => String::new(),
            84 => "2024-03-15T10:00:00+05:30".into(),
            85 => "2024-03-15Z".into(),
            86 => "20240315".into(),
            87 => "25/03/2024".into(),
            88 => "03-Dec-2024".into(),
            89 => "2024/11/05".into(),
            90 => ["2024-1-05", "2024-03-1"][next(2)].into(),
            91..97 if errors => {
                refused.push(line);
                [
                    "2024-02-30",
                    "2023-02-29",
                    "2024-13-01",
                    "2024-00-10",
                    "2024-01-050",
                    "2024-03-15x",
                ][next(6)]
                .into()
            }
            _ => "2024-02-29".into(),
        };
        let competency = ["rti", "noting", "integrity"][next(3)];
        let level = next(if competency == "noting" { 4 } else { 6 });
        let source = ["assessment", "feedback360", "self_declared"][next(3)];
        let verified = ["", "true", "false"][next(3)];
        let officer = &ids[i / 30];
        if errors && next(500) == 0 && date.len() == 10 && refused.last() != Some(&line) {
            // A row without its last cell, then a line of a flag alone: the line end
            // where the comma after the date belongs.
            line += 1;
            writeln!(
                evidence,
                "{officer},{competency},{level},{source},{date}\ntrue"
            )
        } else {
            writeln!(
                evidence,
                "{officer},{competency},{level},{source},{date},{verified}"
            )
        }
        .expect("a string");
    }
    (officers, evidence, refused)
}

/// Common lines with dates of every shape (see `dated_rows_export`), read from their
/// bytes with their dates remembered: on 1 and 2 threads, whole and in pieces cut inside
/// lines, with and without an as-of date and a cut-off, the cohort and warnings, or the
/// errors, are the two-step path's, and each refused date is reported at its line in
/// column `date`.
#[test]
fn common_lines_with_dates_of_every_shape_give_what_the_two_step_path_gives() {
    let fw = framework();
    for errors in [false, true] {
        let (officers, evidence, refused) = dated_rows_export(errors, 13);
        assert!(evidence.len() > 2 << 20, "{}", evidence.len());
        let csv = OfficersCsv::new(&officers).evidence(&evidence);
        for (cutoff, as_of) in [(false, false), (true, false), (false, true), (true, true)] {
            let mut policy = LevelPolicy::default().self_declared(true);
            if cutoff {
                policy = policy.not_before("2024-01-01").expect("a date");
            }
            let mut options = OfficersCsvOptions::default()
                .level_policy(policy.clone())
                .date_order(karmayogi::DateOrder::DayFirst);
            if as_of {
                options =
                    options.review(ReviewOptions::default().as_of("2024-06-30").expect("date"));
            }
            let want = two_step(&fw, &csv, &options, &policy);
            match &want {
                Ok(_) => assert!(!errors),
                Err(found) => {
                    assert!(errors && refused.len() > 100, "{:?}", found.first());
                    let lines: Vec<String> = found.iter().map(ToString::to_string).collect();
                    for line in &refused {
                        let at = format!("evidence.csv line {line}, column `date`");
                        assert!(lines.iter().any(|e| e.starts_with(&at)), "{at}");
                    }
                }
            }
            for threads in [1, 2] {
                let options = options.clone().threads(threads);
                let what =
                    format!("errors {errors}, cut-off {cutoff}, as of {as_of}, {threads} threads");
                assert_eq!(streamed(&fw, &csv, &options), want, "{what}");
                let cuts: Vec<usize> = (1..3).map(|k| (k << 20) + 23 * k).collect();
                assert_eq!(
                    in_pieces(&fw, &csv, &options, &cuts),
                    want,
                    "{what}, pieces"
                );
            }
        }
    }
}

/// The files of [`dates_under_every_line_end_and_course_column_give_what_the_two_step_path_gives`]:
/// 100 officers and 2,000 passbook lines ending in `\r\n` (`crlf`, one in 50 in `\n`) or
/// `\n`, with an empty last `course` cell (`course`), dates of the eleven valid shapes and,
/// with `errors`, a quarter of any shape, the last line then without its end.
fn line_end_export(course: bool, crlf: bool, errors: bool, seed: u64) -> (String, String) {
    // The first eleven are valid dates the common lines read (or no date).
    let shapes = [
        "2024-02-10",
        "2024-02-29",
        "2000-02-29",
        "9999-12-31",
        "2024-06-30",
        "2024-07-01",
        "2023-12-31",
        "2024-01-01",
        "",
        "2024-02-10Z",
        "2024-02-10T00:00",
        "0000-01-01",
        "2023-02-29",
        "1900-02-29",
        " 2024-02-10",
        "2024-02-10 ",
        "\"2024-02-10\"",
        "2024-13-01",
        "2024-00-01",
        "2024-01-00",
        "2024-01-32",
        "2024-1-1",
        "2024/02/10",
        "20240210",
        "2024-02-1x",
        "\u{966}\u{967}\u{968}\u{969}-02-10",
        "2024-02-10\u{a0}",
    ];
    let mut state = seed | 1;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let end = if crlf { "\r\n" } else { "\n" };
    let mut officers = format!("id,department,position{end}");
    for i in 0..100 {
        write!(
            officers,
            "officer-{i:04},dopt,{}{end}",
            ["us", "aso"][i % 2]
        )
        .expect("a string");
    }
    let mut evidence = String::from("officer,competency,level,source,date,verified");
    if course {
        evidence.push_str(",course");
    }
    evidence.push_str(end);
    for i in 0..2_000 {
        let date = shapes[if errors && next(4) == 0 {
            next(shapes.len())
        } else {
            next(11)
        }];
        let competency = ["rti", "noting", "integrity"][next(3)];
        let level = next(if competency == "noting" { 4 } else { 6 });
        let source = ["assessment", "feedback360", "self_declared"][next(3)];
        let verified = ["", "true", "false"][next(3)];
        let comma = if course { "," } else { "" };
        let end = if next(50) == 0 { "\n" } else { end };
        let officer = i / 20;
        write!(
            evidence,
            "officer-{officer:04},{competency},{level},{source},{date},{verified}{comma}{end}"
        )
        .expect("a string");
    }
    if errors {
        evidence.truncate(evidence.len() - end.len());
    }
    (officers, evidence)
}

/// Passbook lines ending in `\r\n` (some in `\n`), with and without a last `course`
/// column, the last line with or without its end, dates of every shape the common lines
/// take and, in every other export, dates they leave to the general checks (leap days of
/// 1900 and 2023, year 0, a space, quotes, a no-break space, a date-time, other digits)
/// and dates both refuse (see [`line_end_export`]): on 1 and 2 threads, whole and in
/// pieces, with and without an as-of date and a cut-off, the cohort and warnings, or the
/// errors with their lines and columns, are the two-step path's.
#[test]
fn dates_under_every_line_end_and_course_column_give_what_the_two_step_path_gives() {
    let fw = framework();
    for (course, crlf) in [(false, true), (true, false), (true, true)] {
        for errors in [false, true] {
            let (officers, evidence) = line_end_export(course, crlf, errors, 7);
            let csv = OfficersCsv::new(&officers).evidence(&evidence);
            for (cutoff, as_of) in [(false, false), (true, true)] {
                let mut policy = LevelPolicy::default().self_declared(true);
                if cutoff {
                    policy = policy.not_before("2024-01-01").expect("a date");
                }
                let mut options = OfficersCsvOptions::default().level_policy(policy.clone());
                if as_of {
                    let review = ReviewOptions::default()
                        .as_of("2024-06-30")
                        .expect("a date");
                    options = options.review(review);
                }
                let want = two_step(&fw, &csv, &options, &policy);
                assert_eq!(want.is_err(), errors, "{:?}", want.as_ref().err());
                for threads in [1, 2] {
                    let options = options.clone().threads(threads);
                    let what = format!(
                        "course {course}, crlf {crlf}, errors {errors}, cut-off and as of \
                         {cutoff}, {threads} threads"
                    );
                    assert_eq!(streamed(&fw, &csv, &options), want, "{what}");
                    let cuts = [1 << 14, 27_777, 50_003];
                    assert_eq!(
                        in_pieces(&fw, &csv, &options, &cuts),
                        want,
                        "{what}, pieces"
                    );
                }
            }
        }
    }
}
