//! Evidence dates as officers' records hold them, under every undated-evidence rule and
//! cut-off: the level each path derives (`Cohort::from_json`, `OfficersSpec::from_json` then
//! `Cohort::new`, `Profile::new`, `Cohort::from_csv`) against a reference written here from
//! the documented rules, and an error naming officer, entry and competency when a date does
//! not read.

use std::fmt::Write as _;

use karmayogi::{
    Cohort, Framework, LevelPolicy, OfficersCsv, OfficersCsvOptions, OfficersSpec, Profile,
    UndatedEvidence,
};

const FRAMEWORK: &str = r#"{"format_version": 2,
  "competencies": [{"id": "rti", "name": "RTI", "type": "domain"},
                   {"id": "ethics", "name": "Ethics", "type": "behavioural"}],
  "roles": [{"id": "r", "name": "R", "requires": [{"competency": "rti", "level": 3}]}],
  "positions": [{"id": "us", "name": "US", "department": "dopt", "roles": ["r"]}]}"#;

/// How a date text reads: `None` undated, `Some(Ok(day))` (ISO), `Some(Err(()))` refused.
type Reading = Option<Result<&'static str, ()>>;

/// Date texts and how the documented rules read them.
const DATES: &[(&str, Reading)] = &[
    ("", None),
    (" ", None),
    ("\t", None),
    (" 2024-02-10 ", Some(Err(()))),
    ("2024-02-10 ", Some(Err(()))),
    ("\u{a0}2024-02-10", Some(Err(()))),
    ("20240210", Some(Ok("2024-02-10"))),
    ("20240210T093000Z", Some(Ok("2024-02-10"))),
    (" 20240210T093000Z", Some(Err(()))),
    ("20240210T093000Z ", Some(Err(()))),
    ("2024-02-10T09:30:00,5Z", Some(Ok("2024-02-10"))),
    ("2024-02-10t09:30z", Some(Ok("2024-02-10"))),
    ("+2024-02-10", Some(Err(()))),
    (
        "2024-02-10T09:30:00+05:30[Asia/Kolkata]",
        Some(Ok("2024-02-10")),
    ),
    ("2024-02-10", Some(Ok("2024-02-10"))),
    ("2024-02-10T09:30:00Z", Some(Ok("2024-02-10"))),
    ("2024-02-10T23:59:59.123456Z", Some(Ok("2024-02-10"))),
    ("2024-02-10T09:30:00.000+0530", Some(Ok("2024-02-10"))),
    ("2024-02-10T23:30:00-05:00", Some(Ok("2024-02-10"))),
    ("2024-02-30", Some(Err(()))),
    ("2023-02-29", Some(Err(()))),
    ("2024-02-29", Some(Ok("2024-02-29"))),
    ("04/12/2026", Some(Err(()))),
    ("9999-12-31", Some(Ok("9999-12-31"))),
    ("1899-12-31", Some(Ok("1899-12-31"))),
    ("0001-01-01", Some(Ok("0001-01-01"))),
    ("2024-13-01", Some(Err(()))),
    ("2024-02-10T24:00:00Z", Some(Err(()))),
    ("2024-02-10 09:30:00 +0530", Some(Ok("2024-02-10"))),
    ("2024-02-10 23:30:00.5 -0300 BRT", Some(Ok("2024-02-10"))),
    ("2024-02-10 09:30:00  +0530", Some(Err(()))),
    // Epoch time, milliseconds and seconds: an instant, whose day depends on the zone.
    ("1707537600000", Some(Err(()))),
    ("1707537600", Some(Err(()))),
];

/// The cut-offs tried: none, one before every dated entry, one between them, one after.
const CUTOFFS: [Option<&str>; 4] = [
    None,
    Some("1000-01-01"),
    Some("2024-02-10"),
    Some("2024-02-11"),
];

/// How every error about the dated entry names it.
const ENTRY: &str = "officer `o1` passbook entry 1 (competency `rti`)";

const RULES: [UndatedEvidence; 3] = [
    UndatedEvidence::Counts,
    UndatedEvidence::CountsWithoutCutoff,
    UndatedEvidence::Ignored,
];

/// The reference: whether evidence read so counts under the rule and cut-off.
fn counts(reading: Reading, rule: UndatedEvidence, cutoff: Option<&str>) -> bool {
    match reading {
        None => match rule {
            UndatedEvidence::Counts => true,
            UndatedEvidence::CountsWithoutCutoff => cutoff.is_none(),
            UndatedEvidence::Ignored => false,
        },
        // ISO days of four-digit years compare as text.
        Some(Ok(d)) => cutoff.is_none_or(|c| d >= c),
        Some(Err(())) => unreachable!(),
    }
}

fn json_of(date: &str, source: &str) -> String {
    let date = serde_json::to_string(date).unwrap();
    format!(
        r#"{{"format_version": 2, "officers": [{{"id": "o1", "department": "dopt",
        "position": "us", "passbook": [
          {{"competency": "ethics", "level": 1, "source": "assessment", "date": "2020-01-01"}},
          {{"competency": "rti", "level": 2, "source": "{source}", "date": {date}}}]}}]}}"#
    )
}

fn csv_of(date: &str, source: &str) -> String {
    format!(
        "officer,competency,level,source,date\no1,ethics,1,assessment,2020-01-01\n\
         o1,rti,2,{source},\"{}\"\n",
        date.replace('"', "\"\"")
    )
}

/// The `rti` level of officer `o1` by each path, or each path's messages.
fn levels(
    fw: &Framework,
    date: &str,
    source: &str,
    policy: &LevelPolicy,
) -> Vec<Result<u8, Vec<String>>> {
    let json = json_of(date, source);
    let rti = |cohort: &Cohort| {
        let p = cohort.profile(0).unwrap();
        p.level(fw, "rti").unwrap().get()
    };
    let messages = |e: karmayogi::Errors| e.iter().map(ToString::to_string).collect::<Vec<_>>();
    let streamed = Cohort::from_json(fw, &json, policy)
        .map(|c| rti(&c))
        .map_err(messages);
    let doc = OfficersSpec::from_json(&json).expect("the document parses");
    let two_step = Cohort::new(fw, &doc.officers, policy)
        .map(|c| rti(&c))
        .map_err(messages);
    let profile = Profile::new(fw, &doc.officers[0], policy)
        .map(|p| p.level(fw, "rti").unwrap().get())
        .map_err(messages);
    let evidence = csv_of(date, source);
    let csv = OfficersCsv::new("id,department,position\no1,dopt,us\n").evidence(&evidence);
    let options = OfficersCsvOptions::default().level_policy(policy.clone());
    let from_csv = Cohort::from_csv(fw, &csv, &options)
        .map(|l| rti(&l.cohort))
        .map_err(messages);
    vec![streamed, two_step, profile, from_csv]
}

#[test]
fn every_path_reads_each_date_as_the_rules_say() {
    let fw = Framework::from_json(FRAMEWORK).unwrap();
    let mut report = String::new();
    for &(date, reading) in DATES {
        for source in ["assessment", "self_declared"] {
            for rule in RULES {
                for cutoff in CUTOFFS {
                    let mut policy = LevelPolicy::default().self_declared(true).undated(rule);
                    if let Some(c) = cutoff {
                        policy = policy.not_before(c).unwrap();
                    }
                    let got = levels(&fw, date, source, &policy);
                    let want = match reading {
                        Some(Err(())) => None,
                        _ => Some(if counts(reading, rule, cutoff) { 2 } else { 0 }),
                    };
                    // CSV reads every field trimmed (documented for the CSV readers); JSON
                    // refuses a date with whitespace around it, suggesting the date.
                    let trimmed = date.trim();
                    let padded = !trimmed.is_empty() && trimmed != date;
                    let want_csv = if padded {
                        let day = DATES.iter().find(|d| d.0 == trimmed).unwrap().1;
                        Some(if counts(day, rule, cutoff) { 2 } else { 0 })
                    } else {
                        want
                    };
                    let paths = ["from_json", "two-step", "profile", "from_csv"];
                    for (path, g) in paths.iter().zip(&got) {
                        let csv = *path == "from_csv";
                        let ok = match (if csv { want_csv } else { want }, g) {
                            (Some(w), Ok(l)) => w == *l,
                            // One error, naming what it is about.
                            (None, Err(m)) => {
                                m.len() == 1
                                    && if csv {
                                        // A date of both orders is told by its line alone.
                                        m[0].contains("line 3, column `date`")
                                            && (date == "04/12/2026" || m[0].contains(ENTRY))
                                    } else {
                                        m[0].contains(
                                            "officer `o1` passbook entry 1 (competency `rti`)",
                                        ) && (!padded || m[0].contains("did you mean `2024-02-10`"))
                                    }
                            }
                            _ => false,
                        };
                        if !ok {
                            writeln!(
                                report,
                                "{date:?} {source} {rule:?} {cutoff:?} {path}: want {want:?}, got {g:?}"
                            )
                            .unwrap();
                        }
                    }
                }
            }
        }
    }
    assert!(report.is_empty(), "{report}");
}

const CASE_FRAMEWORK: &str = include_str!("../data/cases/scales/07-undated-framework.json");
const PADDED_BASIC: &str =
    include_str!("../data/cases/evidence/10-padded-basic-date-times-officers.json");

/// `evidence/10`: date-times in the ISO 8601 basic format (`20240315T100000Z`, as SAP
/// writes them) with a space around them. JSON keeps the space, so each is refused, naming
/// officer, entry and competency, and suggesting the date it holds, never a cut of the
/// text (the basic format's date is eight characters, not ten).
#[test]
fn padded_basic_date_times_suggest_their_date() {
    let fw = Framework::from_json(CASE_FRAMEWORK).expect("the case framework is valid");
    let messages: Vec<String> = Cohort::from_json(&fw, PADDED_BASIC, &LevelPolicy::default())
        .expect_err("padded dates are refused")
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        messages,
        [
            "officer `user-0001` passbook entry 0 (competency `FC1`): date \
             \"20240315T100000Z\\u{20}\" is not an iso date: expected yyyy-mm-dd, an iso 8601 \
             date-time, or no date (did you mean `2024-03-15`?)",
            "officer `user-0001` passbook entry 1 (competency `BC7`): date \
             \"\\u{20}20240316T093000+0530\" is not an iso date: expected yyyy-mm-dd, an iso \
             8601 date-time, or no date (did you mean `2024-03-16`?)",
        ]
    );
    let doc = OfficersSpec::from_json(PADDED_BASIC).expect("the document parses");
    let two_step: Vec<String> = Cohort::new(&fw, &doc.officers, &LevelPolicy::default())
        .expect_err("padded dates are refused")
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(two_step, messages);
}
