//! Evidence dates written as epoch time, as the platform's APIs store times (milliseconds
//! since 1970-01-01 UTC), as a JSON number or as text: refused, since the day an instant
//! falls on depends on the time zone, each error naming officer, entry and competency and
//! the instant in UTC, in every reader (`scales/19`).

use karmayogi::{
    Cohort, Error, EvidenceProblem, Framework, LevelPolicy, OfficersCsv, OfficersCsvOptions,
    OfficersSpec, Profile, load_officers,
};

const FRAMEWORK: &str = include_str!("../data/cases/scales/07-undated-framework.json");
const EPOCH: &str = include_str!("../data/cases/scales/19-epoch-milliseconds-officers.json");

/// The instants of the case's two entries: 09:30 and 00:00 on 10 and 11 February in India.
const INSTANTS: [(&str, &str, &str); 2] = [
    ("FC1", "1707537600000", "2024-02-10T04:00:00Z"),
    ("BC7", "1707589800000", "2024-02-10T18:30:00Z"),
];

fn framework() -> Framework {
    Framework::from_json(FRAMEWORK).expect("the case framework is valid")
}

fn messages(errors: &karmayogi::Errors) -> Vec<String> {
    errors.iter().map(ToString::to_string).collect()
}

/// The message of entry `i` of the case whose date is the JSON number `count`.
fn number_message(i: usize, competency: &str, count: &str, instant: &str) -> String {
    format!(
        "officer `user-0001` passbook entry {i} (competency `{competency}`): invalid type: \
         integer `{count}`, expected a string (an iso date or date-time; as epoch time, \
         `{count}` is the instant `{instant}`, whose day depends on the time zone)"
    )
}

/// The message of entry `i` whose date is the text `count`.
fn text_message(i: usize, competency: &str, count: &str, instant: &str) -> String {
    format!(
        "officer `user-0001` passbook entry {i} (competency `{competency}`): date `{count}` is \
         not an iso date: expected yyyy-mm-dd, an iso 8601 date-time, or no date (did you \
         mean `{instant}`?)"
    )
}

#[test]
fn epoch_numbers_are_refused_naming_entry_and_instant() {
    let fw = framework();
    let error = OfficersSpec::from_json(EPOCH).expect_err("a number is no date");
    let Error::Json {
        line,
        path,
        id,
        message,
        ..
    } = &error
    else {
        panic!("{error:?}");
    };
    let (competency, count, instant) = INSTANTS[0];
    assert_eq!(
        (*line, path.as_str(), id.as_deref()),
        (9, "officers[0].passbook[0].date", Some("user-0001"))
    );
    assert_eq!(message, &number_message(0, competency, count, instant));
    // The one-pass reader reports both entries at once.
    let errors = Cohort::from_json(&fw, EPOCH, &LevelPolicy::default()).expect_err("refused");
    let expected: Vec<String> = (INSTANTS.iter().enumerate())
        .map(|(i, &(c, count, instant))| number_message(i, c, count, instant))
        .collect();
    let found: Vec<String> = (errors.iter())
        .map(|e| match e {
            Error::Json { message, .. } => message.clone(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(found, expected);
    // The threaded reader, in pieces, reports them alike.
    let threaded = Cohort::from_json_with_threads(&fw, EPOCH, &LevelPolicy::default(), 2)
        .expect_err("refused");
    assert_eq!(messages(&threaded), messages(&errors));
    // A negative number or one of no epoch length is refused without an instant; a whole
    // number written with a point is named as the count it is.
    for (number, found, instant) in [
        ("-1", "integer `-1`", None),
        ("1.5", "floating point `1.5`", None),
        (
            "1707537600000.0",
            "floating point `1707537600000.0`",
            Some("2024-02-10T04:00:00Z"),
        ),
    ] {
        let json = EPOCH.replace("1707537600000", number);
        let message = OfficersSpec::from_json(&json).unwrap_err().to_string();
        let expected = match instant {
            None => format!("{found}, expected a string (an iso date or date-time)"),
            Some(i) => format!(
                "{found}, expected a string (an iso date or date-time; as epoch \
                               time, `1707537600000` is the instant `{i}`"
            ),
        };
        assert!(message.contains(&expected), "{message}");
    }
    // A basic-format date as a number is no instant: the date it writes is suggested, as
    // for the text (evidence/11).
    let json = EPOCH.replace("1707537600000", "20240210");
    let message = OfficersSpec::from_json(&json).unwrap_err().to_string();
    assert!(
        message.contains(
            "integer `20240210`, expected a string (an iso date or date-time; did you mean \
             `2024-02-10`?)"
        ),
        "{message}"
    );
}

#[test]
fn epoch_counts_as_text_are_refused_suggesting_the_instant() {
    let fw = framework();
    let mut json = EPOCH.to_owned();
    for (_, count, _) in INSTANTS {
        json = json.replace(count, &format!("\"{count}\""));
    }
    let doc = OfficersSpec::from_json(&json).expect("text dates parse");
    let policy = LevelPolicy::default();
    let errors = Profile::new(&fw, &doc.officers[0], &policy).expect_err("refused");
    let expected: Vec<String> = (INSTANTS.iter().enumerate())
        .map(|(i, &(c, count, instant))| text_message(i, c, count, instant))
        .collect();
    assert_eq!(messages(&errors), expected);
    let Error::InvalidEvidence { problem, .. } = &errors.as_slice()[0] else {
        panic!("{errors:?}");
    };
    assert_eq!(
        *problem,
        EvidenceProblem::InvalidDate {
            found: "1707537600000".into(),
            suggestion: Some("2024-02-10T04:00:00Z".into()),
            two_digit_year: Box::default(),
        }
    );
    let one_pass = Cohort::from_json(&fw, &json, &policy).expect_err("refused");
    assert_eq!(messages(&one_pass), expected);
    let threaded = Cohort::from_json_with_threads(&fw, &json, &policy, 2).expect_err("refused");
    assert_eq!(messages(&threaded), expected);
    // Seconds since the epoch, as Unix tools write them, name the same instant.
    let seconds = json.replace("1707537600000", "1707537600");
    let doc = OfficersSpec::from_json(&seconds).expect("parses");
    let errors = Profile::new(&fw, &doc.officers[0], &policy).expect_err("refused");
    assert_eq!(
        messages(&errors)[0],
        text_message(0, "FC1", "1707537600", "2024-02-10T04:00:00Z")
    );
    // An HR export's cell holding the count is refused alike, at its line.
    let evidence = format!(
        "officer,competency,level,source,date\nuser-0001,FC1,2,assessment,{}\n\
         user-0001,BC7,2,assessment,{}\n",
        INSTANTS[0].1, INSTANTS[1].1
    );
    let csv = OfficersCsv::new("id,department,position\nuser-0001,dopt,p-so\n").evidence(&evidence);
    let errors = load_officers(&fw, &csv, &OfficersCsvOptions::default()).expect_err("refused");
    let at_lines: Vec<String> = (expected.iter().enumerate())
        .map(|(i, m)| format!("evidence.csv line {}, column `date`: {m}", i + 2))
        .collect();
    assert_eq!(messages(&errors), at_lines);
    let streamed = Cohort::from_csv(&fw, &csv, &OfficersCsvOptions::default()).expect_err("no");
    assert_eq!(messages(&streamed), at_lines);
}

/// The instant suggested is what the writer meant exactly: written as suggested, each
/// entry reads, on its day in UTC.
#[test]
fn the_suggested_instant_reads_on_its_day_in_utc() {
    let fw = framework();
    let mut json = EPOCH.to_owned();
    for (_, count, instant) in INSTANTS {
        json = json.replace(count, &format!("\"{instant}\""));
    }
    let doc = OfficersSpec::from_json(&json).expect("parses");
    let cut = LevelPolicy::default()
        .not_before("2024-02-10")
        .expect("a date");
    let profile = Profile::new(&fw, &doc.officers[0], &cut).expect("the instants read");
    assert_eq!(profile.level(&fw, "BC7").expect("same framework").get(), 2);
    let later = LevelPolicy::default()
        .not_before("2024-02-11")
        .expect("a date");
    let profile = Profile::new(&fw, &doc.officers[0], &later).expect("the instants read");
    assert_eq!(profile.level(&fw, "BC7").expect("same framework").get(), 0);
}

#[test]
fn dates_as_spreadsheet_numbers_in_json_suggest_the_date_as_text_does() {
    // evidence/11: a date column a spreadsheet stored as numbers, written by a data frame
    // as JSON numbers: a serial day (`45366`) and a basic-format date (`20240315`). The
    // same text in a string or an HR export's cell is answered with the date it means;
    // the JSON numbers were refused with no suggestion.
    let fw = framework();
    let json = include_str!("../data/cases/evidence/11-dates-as-spreadsheet-numbers-officers.json");
    let expected = [
        "`officers[0].passbook[0].date`, id `user-0001`): officer `user-0001` passbook entry 0 \
         (competency `FC1`): invalid type: integer `45366`, expected a string (an iso date or \
         date-time; did you mean `2024-03-15`?)",
        "`officers[0].passbook[1].date`, id `user-0001`): officer `user-0001` passbook entry 1 \
         (competency `BC7`): invalid type: integer `20240315`, expected a string (an iso date \
         or date-time; did you mean `2024-03-15`?)",
    ];
    let policy = LevelPolicy::default();
    for errors in [
        OfficersSpec::from_json_all(json).expect_err("numbers are no dates"),
        Cohort::from_json(&fw, json, &policy).expect_err("numbers are no dates"),
    ] {
        let found = messages(&errors);
        assert_eq!(found.len(), expected.len(), "{found:?}");
        for (found, expected) in found.iter().zip(expected) {
            assert!(found.ends_with(expected), "{found}");
        }
    }
    // The cell of an HR export suggests the same date.
    let evidence =
        include_str!("../data/cases/evidence/11-dates-as-spreadsheet-numbers-evidence.csv");
    let csv = OfficersCsv::new("id,department,position\nuser-0001,dopt,p-so\n").evidence(evidence);
    let errors = load_officers(&fw, &csv, &OfficersCsvOptions::default()).expect_err("refused");
    assert_eq!(
        messages(&errors),
        [
            "evidence.csv line 2, column `date`: officer `user-0001` passbook entry 0 (competency \
          `FC1`): date `45366` is not an iso date: expected yyyy-mm-dd, an iso 8601 date-time, \
          or no date (did you mean `2024-03-15`?)"
        ]
    );
}
