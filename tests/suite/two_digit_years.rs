//! Dates whose year has two digits (`15/03/24`, `15-Mar-24`), as spreadsheets in a short
//! date format export them: refused, since the century is a guess, with the readings in
//! the 1900s and the 2000s listed (in the message and in
//! `EvidenceProblem::InvalidDate::two_digit_year`) rather than the generic "not an iso
//! date" alone. The same from officers' JSON (`evidence/14`), an HR export's evidence CSV
//! read whole or streamed (`csv/30`), and a policy's cut-off.

use karmayogi::{
    Cohort, Error, EvidenceProblem, Framework, LevelPolicy, OfficersCsv, OfficersCsvOptions,
    Profile, ReviewOptions, load_officers,
};

const FRAMEWORK: &str = include_str!("../data/cases/scales/07-undated-framework.json");

fn framework() -> Framework {
    Framework::from_json(FRAMEWORK).expect("the case framework is valid")
}

fn messages(errors: &karmayogi::Errors) -> Vec<String> {
    errors.iter().map(ToString::to_string).collect()
}

const NOT_ISO: &str = "is not an iso date: expected yyyy-mm-dd, an iso 8601 date-time, or no date";

#[test]
fn a_two_digit_year_in_json_lists_both_centuries() {
    let fw = framework();
    let json = include_str!("../data/cases/evidence/14-two-digit-years-officers.json");
    let errors = Cohort::from_json(&fw, json, &LevelPolicy::default())
        .map(|_| ())
        .expect_err("two-digit years");
    assert_eq!(
        messages(&errors),
        [
            format!(
                "officer `user-0001` passbook entry 0 (competency `FC1`): date `15/03/24` \
                 {NOT_ISO}; the year has two digits, so the century is not known: write \
                 `1924-03-15` or `2024-03-15`"
            ),
            // 1900 is no leap year: one reading, named as the only real day.
            format!(
                "officer `user-0001` passbook entry 1 (competency `BC7`): date `29.02.00` \
                 {NOT_ISO}; the year has two digits, and only `2000-02-29` is a real day of \
                 the two centuries"
            ),
        ]
    );
    let Error::InvalidEvidence { problem, .. } = &errors.iter().next().unwrap() else {
        panic!("{errors:?}");
    };
    assert_eq!(
        problem,
        &EvidenceProblem::InvalidDate {
            found: "15/03/24".into(),
            suggestion: None,
            two_digit_year: Box::new(["1924-03-15".into(), "2024-03-15".into()]),
        }
    );
    let spec = karmayogi::OfficersSpec::from_json(json).expect("the document reads");
    let one = Profile::new(&fw, &spec.officers[0], &LevelPolicy::default()).expect_err("dates");
    assert_eq!(messages(&one), messages(&errors));
}

#[test]
fn a_two_digit_year_in_an_hr_export_lists_both_centuries() {
    let fw = framework();
    let officers = include_str!("../data/cases/csv/30-two-digit-years-officers.csv");
    let evidence = include_str!("../data/cases/csv/30-two-digit-years-evidence.csv");
    let csv = OfficersCsv::new(officers).evidence(evidence);
    let at_lines = [
        format!(
            "evidence.csv line 2, column `date`: officer `user-0001` passbook entry 0 \
             (competency `FC1`): date `15/03/24` {NOT_ISO}; the year has two digits, so the \
             century is not known: write `1924-03-15` or `2024-03-15`"
        ),
        format!(
            "evidence.csv line 3, column `date`: officer `user-0001` passbook entry 1 \
             (competency `BC7`): date `15-Mar-24` {NOT_ISO}; the year has two digits, so the \
             century is not known: write `1924-03-15` or `2024-03-15`"
        ),
        // Day and month could be either: no reading is offered.
        format!(
            "evidence.csv line 4, column `date`: officer `user-0001` passbook entry 2 \
             (competency `FC1`): date `01/02/24` {NOT_ISO}"
        ),
    ];
    let options = OfficersCsvOptions::default();
    let loaded = load_officers(&fw, &csv, &options).expect_err("two-digit years");
    assert_eq!(messages(&loaded), at_lines);
    let streamed = Cohort::from_csv(&fw, &csv, &options).expect_err("two-digit years");
    assert_eq!(messages(&streamed), at_lines);
}

#[test]
fn a_two_digit_year_in_a_policy_date_lists_both_centuries() {
    let hint = "; the year has two digits, so the century is not known: write `1924-03-15` or \
                `2024-03-15`";
    let cutoff = LevelPolicy::default().not_before("15/03/24").unwrap_err();
    assert_eq!(
        cutoff.to_string(),
        format!("policy date `15/03/24` is not an iso date: expected yyyy-mm-dd{hint}")
    );
    let as_of = ReviewOptions::default().as_of("15-Mar-24").unwrap_err();
    assert_eq!(
        as_of.to_string(),
        format!("policy date `15-Mar-24` is not an iso date: expected yyyy-mm-dd{hint}")
    );
}
