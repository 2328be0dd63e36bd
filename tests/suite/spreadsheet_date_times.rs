//! Dates as spreadsheets write a cell holding a date and a time: a serial number with the
//! time of day as its fraction (`45366.5`, `evidence/12`), refused with the date it means
//! as the whole serial is; and an ISO date with the hour in one digit or on the 12-hour
//! clock (`2024-02-10 9:30`, `2024-02-10 9:30:05 PM`, `evidence/13`), read by its date as
//! `2024-02-10 09:30` is. The same in officers' JSON, an HR export's evidence CSV and the
//! streamed reader.

use karmayogi::{
    Cohort, CohortCsvReader, Framework, LevelPolicy, OfficersCsv, OfficersCsvOptions, OfficersSpec,
    Profile, load_officers,
};

const FRAMEWORK: &str = include_str!("../data/cases/scales/07-undated-framework.json");
const OFFICERS_CSV: &str = "id,department,position\nuser-0001,dopt,p-so\n";

fn framework() -> Framework {
    Framework::from_json(FRAMEWORK).expect("the case framework is valid")
}

fn messages(errors: &karmayogi::Errors) -> Vec<String> {
    errors.iter().map(ToString::to_string).collect()
}

#[test]
fn serial_date_times_suggest_their_date_in_json_and_csv() {
    let fw = framework();
    let json = include_str!("../data/cases/evidence/12-serial-date-times-officers.json");
    let expected = [
        "`officers[0].passbook[0].date`, id `user-0001`): officer `user-0001` passbook entry 0 \
         (competency `FC1`): invalid type: floating point `45366.5`, expected a string (an iso \
         date or date-time; did you mean `2024-03-15`?)",
        "officer `user-0001` passbook entry 1 (competency `BC7`): date `45366.75` is not an iso \
         date: expected yyyy-mm-dd, an iso 8601 date-time, or no date (did you mean \
         `2024-03-15`?)",
    ];
    let policy = LevelPolicy::default();
    for errors in [
        OfficersSpec::from_json_all(json)
            .map(|_| ())
            .expect_err("no dates"),
        Cohort::from_json(&fw, json, &policy)
            .map(|_| ())
            .expect_err("no dates"),
    ] {
        let found = messages(&errors);
        assert!(found[0].ends_with(expected[0]), "{found:?}");
        // The string is read, then checked as a date where the passbook meets the
        // framework (the document's reader alone stops at the number).
        if found.len() > 1 {
            assert!(found[1].ends_with(expected[1]), "{found:?}");
        }
    }
    let spec = OfficersSpec::from_json(&json.replace("45366.5", "\"2024-03-15\"")).expect("read");
    let errors = Profile::new(&fw, &spec.officers[0], &policy).expect_err("a serial");
    assert_eq!(messages(&errors), [expected[1]]);

    let evidence = include_str!("../data/cases/evidence/12-serial-date-times-evidence.csv");
    let csv = OfficersCsv::new(OFFICERS_CSV).evidence(evidence);
    let at_lines = [
        "evidence.csv line 2, column `date`: officer `user-0001` passbook entry 0 (competency \
         `FC1`): date `45366.5` is not an iso date: expected yyyy-mm-dd, an iso 8601 \
         date-time, or no date (did you mean `2024-03-15`?)",
        "evidence.csv line 3, column `date`: officer `user-0001` passbook entry 1 (competency \
         `BC7`): date `45366,75` is not an iso date: expected yyyy-mm-dd, an iso 8601 \
         date-time, or no date (did you mean `2024-03-15`?)",
    ];
    let options = OfficersCsvOptions::default();
    let loaded = load_officers(&fw, &csv, &options).expect_err("serials are no dates");
    assert_eq!(messages(&loaded), at_lines);
    let streamed = Cohort::from_csv(&fw, &csv, &options).expect_err("serials are no dates");
    assert_eq!(messages(&streamed), at_lines);
}

/// The level of competency `id` the single officer of `cohort` holds.
fn held(fw: &Framework, cohort: &Cohort, id: &str) -> u8 {
    let profile = cohort.profile(0).expect("one officer");
    profile.level(fw, id).expect("same framework").get()
}

#[test]
fn one_digit_hours_and_twelve_hour_clocks_are_read_by_their_date() {
    let fw = framework();
    let json =
        include_str!("../data/cases/evidence/13-date-times-with-one-digit-hours-officers.json");
    let evidence =
        include_str!("../data/cases/evidence/13-date-times-with-one-digit-hours-evidence.csv");
    let csv = OfficersCsv::new(OFFICERS_CSV).evidence(evidence);
    let options = OfficersCsvOptions::default();
    // Both entries are of 10 February: counted from that day, not from the next.
    for (from, level) in [("2024-02-10", 2), ("2024-02-11", 0)] {
        let policy = LevelPolicy::default().not_before(from).expect("a date");
        let spec = OfficersSpec::from_json(json).expect("the dates read");
        let loaded = load_officers(&fw, &csv, &options).expect("the dates read");
        let profiles = [
            Profile::new(&fw, &spec.officers[0], &policy).expect("the dates read"),
            Profile::new(&fw, &loaded.officers[0], &policy).expect("the dates read"),
        ];
        let options = options.clone().level_policy(policy.clone());
        let cohorts = [
            Cohort::from_json(&fw, json, &policy).expect("the dates read"),
            Cohort::from_csv(&fw, &csv, &options)
                .expect("the dates read")
                .cohort,
            {
                let mut reader = CohortCsvReader::new(&fw, &options);
                reader.push_officers(OFFICERS_CSV.as_bytes());
                reader.push_evidence(evidence.as_bytes());
                reader.finish().expect("the dates read").cohort
            },
        ];
        for id in ["FC1", "BC7"] {
            for profile in &profiles {
                assert_eq!(
                    profile.level(&fw, id).expect("known").get(),
                    level,
                    "{from} {id}"
                );
            }
            for cohort in &cohorts {
                assert_eq!(held(&fw, cohort, id), level, "{from} {id}");
            }
        }
    }
}
