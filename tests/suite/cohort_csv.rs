//! `Cohort::from_csv`, the HR export streamed straight into a cohort, against the two-step
//! path it replaces (`load_officers` then `Cohort::new`): the same cohort, the same
//! warnings, and on bad input the same errors, for any export.

use karmayogi::{
    Cohort, CourseLevels, Error, Errors, Framework, LevelPolicy, NeedsOptions, OfficersCsv,
    OfficersCsvOptions, ReviewOptions, load_officers,
};
use proptest::prelude::*;

use crate::support::hr_framework as framework;

/// What a load gives, in comparable form: per officer its id, name and profile; the
/// departments; the heatmap; the warnings — or the errors.
type Loaded = (Vec<String>, Vec<String>, String, Vec<Error>);
type Outcome = Result<Loaded, Vec<Error>>;

fn describe(fw: &Framework, cohort: &Cohort, warnings: Vec<Error>) -> Loaded {
    let officers = (0..cohort.len())
        .map(|i| {
            let id = cohort.officer_id(i).expect("in range");
            assert_eq!(cohort.find(id), Some(i), "find({id})");
            format!(
                "{id} {:?} {:?}",
                cohort.officer_name(i),
                cohort.profile(i).expect("in range")
            )
        })
        .collect();
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

/// The two-step path: specs, then a cohort.
fn two_step(
    fw: &Framework,
    csv: &OfficersCsv<'_>,
    options: &OfficersCsvOptions,
    policy: &LevelPolicy,
) -> Outcome {
    let load = load_officers(fw, csv, options).map_err(Errors::into_vec)?;
    let cohort = Cohort::new(fw, &load.officers, policy).map_err(Errors::into_vec)?;
    Ok(describe(fw, &cohort, load.warnings))
}

/// The streamed path.
fn streamed(fw: &Framework, csv: &OfficersCsv<'_>, options: &OfficersCsvOptions) -> Outcome {
    let load = Cohort::from_csv(fw, csv, options).map_err(Errors::into_vec)?;
    Ok(describe(fw, &load.cohort, load.warnings))
}

/// Loads with `policy` both ways and checks they agree; returns the outcome.
#[track_caller]
fn agree(officers: &str, evidence: Option<&str>, policy: &LevelPolicy, as_of: bool) -> Outcome {
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
         o5,rti,7,assesment,2024-1-5,maybe,\n\
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
            "csv_unknown_reference",
        ]
    );
    let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        text[8],
        "evidence.csv line 11, column `level`: officer `o3` passbook entry 3 (competency \
         `rti`): level 3 is above level 2, the level course `rti-101` builds it to"
    );
    // The offending id is escaped, so an invisible character shows.
    assert!(text[11].contains("o\\u{200b}3"), "{}", text[11]);
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

fn policy() -> impl Strategy<Value = LevelPolicy> {
    (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>()).prop_map(|(s, v, f, cap)| {
        LevelPolicy::default()
            .self_declared(s)
            .verified_only(v)
            .feedback_360(f)
            .course_levels(if cap {
                CourseLevels::Cap
            } else {
                CourseLevels::Reject
            })
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
        policy in policy(),
        as_of in any::<bool>(),
    ) {
        let officers = format!("id,name,department,position,target\n{}\n", officers.join("\n"));
        let evidence =
            format!("officer,competency,level,source,date,verified,course\n{}\n", evidence.join("\n"));
        agree(&officers, Some(&evidence), &policy, as_of).ok();
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
        policy in policy(),
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
