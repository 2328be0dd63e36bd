//! Reduced real-world cases kept in `tests/data/cases/`: each is one example of a kind of
//! input that people really feed the crate, with the behaviour a demanding user expects.

use karmayogi::{
    Error, EvidenceProblem, Framework, LevelPolicy, OfficersSpec, Profile, UndatedEvidence,
};

const UNDATED_FRAMEWORK: &str = include_str!("../data/cases/scales/07-undated-framework.json");
const UNDATED_OFFICERS: &str = include_str!("../data/cases/scales/07-undated-officers.json");

/// `scales/07`: self-declared evidence with `"date": ""` and one with an ISO date-time, as
/// the platform's profiles hold them. Accepted under the documented policy for undated
/// evidence; the date-time is read by its date; an evidence error names officer, entry and
/// competency.
#[test]
fn undated_and_date_time_evidence_is_accepted_under_a_documented_policy() {
    let fw = Framework::from_json(UNDATED_FRAMEWORK).expect("the case framework is valid");
    let officers = OfficersSpec::from_json(UNDATED_OFFICERS).expect("the case officers parse");
    let officer = &officers.officers[0];
    let level = |policy: &LevelPolicy, competency: &str| {
        let profile = Profile::new(&fw, officer, policy).expect("the case officer is valid");
        profile
            .level(&fw, competency)
            .expect("same framework")
            .get()
    };

    // Self-declared evidence counts only when the policy says so.
    let default = LevelPolicy::default();
    assert_eq!((level(&default, "FC1"), level(&default, "BC7")), (0, 0));
    // Undated evidence counts while no cut-off is set; the date-time is 2024-02-10.
    let claims = LevelPolicy::default().self_declared(true);
    assert_eq!((level(&claims, "FC1"), level(&claims, "BC7")), (1, 3));
    let cut = claims.clone().not_before("2024-02-10").expect("a date");
    assert_eq!((level(&cut, "FC1"), level(&cut, "BC7")), (0, 3));
    let later = claims.clone().not_before("2024-02-11").expect("a date");
    assert_eq!(level(&later, "BC7"), 0);
    // ... unless undated evidence is declared never to lapse, or never to count.
    let never_lapses = cut.clone().undated(UndatedEvidence::Counts);
    assert_eq!(level(&never_lapses, "FC1"), 1);
    let ignored = claims.undated(UndatedEvidence::Ignored);
    assert_eq!(level(&ignored, "FC1"), 0);

    // Written back at format version 2, the empty date is left out, and reads the same.
    let mut written = officers.clone();
    written.format_version = karmayogi::FORMAT_VERSION;
    let json = written.to_json();
    assert!(!json.contains(r#""date": """#), "{json}");
    assert_eq!(OfficersSpec::from_json(&json).expect("reads back"), written);
}

/// Evidence with no `date` field at all is undated evidence too, as format version 2
/// allows.
#[test]
fn evidence_without_a_date_field_is_undated_evidence() {
    let fw = Framework::from_json(UNDATED_FRAMEWORK).expect("the case framework is valid");
    let policy = LevelPolicy::default().self_declared(true);
    let no_date = r#"{"format_version": 2, "officers": [{"id": "u", "department": "dopt",
        "position": "p-so", "passbook": [{"competency": "FC1", "level": 1,
        "source": "self_declared"}]}]}"#;
    let parsed = OfficersSpec::from_json(no_date).expect("no date field");
    assert_eq!(parsed.officers[0].passbook[0].date, "");
    let profile = Profile::new(&fw, &parsed.officers[0], &policy).expect("valid");
    assert_eq!(profile.level(&fw, "FC1").expect("same framework").get(), 1);
    let cut = policy.not_before("2024-01-01").expect("a date");
    let profile = Profile::new(&fw, &parsed.officers[0], &cut).expect("valid");
    assert_eq!(profile.level(&fw, "FC1").expect("same framework").get(), 0);
}

#[test]
fn evidence_errors_in_the_undated_case_name_officer_entry_and_competency() {
    let fw = Framework::from_json(UNDATED_FRAMEWORK).expect("the case framework is valid");
    // Two bad entries no longer give two identical lines.
    let broken = UNDATED_OFFICERS
        .replace(r#""date": """#, r#""date": "10/02/2024""#)
        .replace(
            "2024-02-10T09:30:00.000+0530",
            "2024-02-10T09:30:00.000+05:30:00",
        );
    let officers = OfficersSpec::from_json(&broken).expect("parses");
    let errors = Profile::new(&fw, &officers.officers[0], &LevelPolicy::default())
        .expect_err("two bad dates")
        .into_vec();
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "officer `user-0001` passbook entry 0 (competency `FC1`): date `10/02/2024` is not \
             an iso date: expected yyyy-mm-dd, an iso 8601 date-time, or no date",
            "officer `user-0001` passbook entry 1 (competency `BC7`): date \
             `2024-02-10T09:30:00.000+05:30:00` is not an iso date: expected yyyy-mm-dd, an \
             iso 8601 date-time, or no date",
        ]
    );
    // The same bad text in two entries still gives two distinguishable lines.
    let same = UNDATED_OFFICERS
        .replace(r#""date": """#, r#""date": "x""#)
        .replace("2024-02-10T09:30:00.000+0530", "x");
    let officers = OfficersSpec::from_json(&same).expect("parses");
    let twice: Vec<String> = Profile::new(&fw, &officers.officers[0], &LevelPolicy::default())
        .expect_err("two bad dates")
        .into_vec()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(twice.len(), 2);
    assert!(twice[0].contains("entry 0 (competency `FC1`)"), "{twice:?}");
    assert!(twice[1].contains("entry 1 (competency `BC7`)"), "{twice:?}");
    assert!(matches!(
        &errors[1],
        Error::InvalidEvidence {
            index: 1,
            problem: EvidenceProblem::InvalidDate {
                suggestion: None,
                ..
            },
            ..
        }
    ));
}
