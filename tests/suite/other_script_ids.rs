//! Ids and numbers written in characters of another script: officer ids apart only in a
//! Cyrillic letter that looks like a Latin one (`us` and `uѕ`: officers/29, officers/30),
//! employee codes in the digits of a script of India (`EMP012` and `EMP०१२`: ids/06), and
//! levels written in those digits (`३`, `Level २`: scales/40). Lookalike officers are
//! warned about by every reader of a cohort, with the characters named as data; a level in
//! the digits of one script is read as its number, and one in digits of two scripts is
//! refused at its cell.

use karmayogi::{
    Cohort, CohortCsvReader, Error, Framework, LevelPolicy, OfficersCsv, OfficersCsvOptions,
    OfficersSpec, Profile, ReviewOptions, load_officers,
};

const FRAMEWORK: &str = include_str!("../data/cases/ids/04-cyrillic-lookalike-ids-framework.json");

fn framework() -> Framework {
    Framework::from_json(FRAMEWORK).expect("valid")
}

fn messages(errors: &[Error]) -> Vec<String> {
    errors.iter().map(ToString::to_string).collect()
}

/// The characters named by a `LookalikeIds` warning (inside its row, for CSV), as
/// (character, script, ASCII counterpart).
#[track_caller]
fn named(warning: &Error) -> Vec<(char, &'static str, char)> {
    let warning = match warning {
        Error::CsvRow { error, .. } => error.as_ref(),
        other => other,
    };
    let Error::LookalikeIds { other_script, .. } = warning else {
        panic!("{warning:?}");
    };
    (other_script.iter())
        .map(|c| (c.character, c.script, c.stands_for))
        .collect()
}

/// `officers/29`: officers `us` and `uѕ` (a Cyrillic `ѕ`), one name and post, their
/// passbooks split between them, and `US` beside them: the later two are warned about
/// in every CSV reader, the Cyrillic letter named, nothing merged.
#[test]
fn officer_ids_in_another_script_are_warned_about_in_csv() {
    let fw = framework();
    let officers = include_str!("../data/cases/officers/29-ids-in-another-script-officers.csv");
    let evidence = include_str!("../data/cases/officers/29-ids-in-another-script-evidence.csv");
    let csv = OfficersCsv::new(officers).evidence(evidence);
    let options = OfficersCsvOptions::default();
    let set = r#"officer ids "US", "us", "u\u{455}" differ only in letter case, surrounding whitespace, leading zeros or letters of another script ("\u{455}" for `s`): distinct ids that print alike"#;
    let expected = [
        format!("officers.csv line 3, column `id`: {set}"),
        format!("officers.csv line 4, column `id`: {set}"),
    ];
    let load = load_officers(&fw, &csv, &options).expect("valid");
    assert_eq!(load.officers.len(), 3);
    assert_eq!(messages(&load.warnings), expected);
    assert_eq!(named(&load.warnings[0]), [('\u{455}', "Cyrillic", 's')]);
    let Error::CsvRow { error, .. } = &load.warnings[0] else {
        panic!("{:?}", load.warnings[0]);
    };
    let json = serde_json::to_value(error.as_ref()).expect("serializes");
    assert_eq!(json["code"], "lookalike_ids");
    assert_eq!(
        json["other_script"],
        serde_json::json!([{"character": "\u{455}", "script": "Cyrillic", "stands_for": "s"}])
    );
    let load = Cohort::from_csv(&fw, &csv, &options).expect("valid");
    assert_eq!(load.cohort.len(), 3);
    assert_eq!(messages(&load.warnings), expected);
    let mut reader = CohortCsvReader::new(&fw, &options);
    reader.push_officers(officers.as_bytes());
    reader.push_evidence(evidence.as_bytes());
    let load = reader.finish().expect("valid");
    assert_eq!(messages(&load.warnings), expected);
    assert_eq!(named(&load.warnings[1]), [('\u{455}', "Cyrillic", 's')]);
}

/// `officers/30`: the same officers in an officers document, and `EMP012` beside
/// `EMP०१२` (Devanagari digits): each later one warned about by the review every JSON
/// reader runs, the characters named.
#[test]
fn officer_ids_in_another_script_are_warned_about_in_json() {
    let fw = framework();
    let doc = include_str!("../data/cases/officers/30-ids-in-another-script-officers.json");
    let spec = OfficersSpec::from_json(doc).expect("valid");
    let warnings = fw.review_officers(&spec.officers, &ReviewOptions::default());
    assert_eq!(
        messages(&warnings),
        [
            r#"officer ids "us", "u\u{455}" differ only in letters of another script ("\u{455}" for `s`): distinct ids that print alike"#,
            r#"officer ids "EMP012", "EMP\u{966}\u{967}\u{968}" differ only in digits of another script ("\u{966}" for `0`, "\u{967}" for `1`, "\u{968}" for `2`): distinct ids that print alike"#,
        ]
    );
    assert_eq!(named(&warnings[0]), [('\u{455}', "Cyrillic", 's')]);
    assert_eq!(
        named(&warnings[1]),
        [
            ('\u{966}', "Devanagari", '0'),
            ('\u{967}', "Devanagari", '1'),
            ('\u{968}', "Devanagari", '2')
        ]
    );
    let cohort = Cohort::from_json(&fw, doc, &LevelPolicy::default()).expect("valid");
    assert_eq!(cohort.len(), 4);
}

/// `ids/06`: employee codes written in Devanagari (`EMP०१२`) and Bengali (`৪৫`) digits
/// beside the same codes in ASCII digits: warned about, each later one, and shown escaped;
/// `EMP013` is another code.
#[test]
fn employee_codes_in_indian_digits_are_warned_about() {
    let fw = framework();
    let officers = include_str!("../data/cases/ids/06-indian-digit-ids-officers.csv");
    let load = load_officers(
        &fw,
        &OfficersCsv::new(officers),
        &OfficersCsvOptions::default(),
    )
    .expect("valid");
    assert_eq!(load.officers.len(), 5);
    assert_eq!(
        messages(&load.warnings),
        [
            r#"officers.csv line 3, column `id`: officer ids "EMP012", "EMP\u{966}\u{967}\u{968}" differ only in digits of another script ("\u{966}" for `0`, "\u{967}" for `1`, "\u{968}" for `2`): distinct ids that print alike"#,
            r#"officers.csv line 5, column `id`: officer ids "45", "\u{9ea}\u{9eb}" differ only in digits of another script ("\u{9ea}" for `4`, "\u{9eb}" for `5`): distinct ids that print alike"#,
        ]
    );
    assert_eq!(
        named(&load.warnings[1]),
        [('\u{9ea}', "Bengali", '4'), ('\u{9eb}', "Bengali", '5')]
    );
}

/// `scales/40`: levels written in Devanagari (`३`, `Level २`) and Bengali (`২.০`) digits
/// read as 3, 2 and 2, in officers' JSON and in every CSV reader; `3३`, digits of two
/// scripts, is refused at its cell (which number was meant cannot be known).
#[test]
fn levels_in_indian_digits_are_read_and_mixed_digits_refused() {
    let fw = framework();
    let doc = include_str!("../data/cases/scales/40-levels-in-indian-digits-officers.json");
    let evidence = include_str!("../data/cases/scales/40-levels-in-indian-digits-evidence.csv");
    let policy = LevelPolicy::default();
    let errors = Cohort::from_json(&fw, doc, &policy).expect_err("o2's `3३`");
    assert_eq!(
        messages(errors.as_slice()),
        [
            "invalid json at line 36, column 20 (`officers[1].passbook[1].level`, id `o2`): officer `o2` passbook entry 1 (competency `noting`): invalid value: string \"3\u{969}\", expected a level for `level`: 0 (none) or one of the competency's levels (at most 5), as a whole number or a string holding one (`\"3\"`, `\"Level 3\"`, `\"III\"`)"
        ]
    );
    let fixed = doc.replace("3\u{969}", "\u{969}");
    let spec = OfficersSpec::from_json(&fixed).expect("levels read");
    let held: Vec<Vec<u8>> = (spec.officers.iter())
        .map(|o| {
            let profile = Profile::new(&fw, o, &policy).expect("levels read");
            (["rti", "noting"].iter())
                .map(|c| profile.level(&fw, c).expect("known").get())
                .collect()
        })
        .collect();
    assert_eq!(held, [[3, 2], [2, 3]]);
    assert_eq!(
        Cohort::from_json(&fw, &fixed, &policy).expect("read").len(),
        2
    );

    let roster = "id,department,position\no1,dopt,us\no2,dopt,us\n";
    let csv = OfficersCsv::new(roster).evidence(evidence);
    let options = OfficersCsvOptions::default();
    let loaded = load_officers(&fw, &csv, &options).expect_err("o2's `3३`");
    let expected = [
        r#"evidence.csv line 5, column `level`: officer `o2` passbook entry 1 (competency `noting`): found "3\u{969}", expected a level from 0 to 5"#,
    ];
    assert_eq!(messages(loaded.as_slice()), expected);
    let streamed = Cohort::from_csv(&fw, &csv, &options).expect_err("o2's `3३`");
    assert_eq!(messages(streamed.as_slice()), expected);
    let fixed = evidence.replace("3\u{969}", "\u{969}");
    let csv = OfficersCsv::new(roster).evidence(&fixed);
    let load = load_officers(&fw, &csv, &options).expect("every level read");
    let levels: Vec<(&str, &str, u8)> = (load.officers.iter())
        .flat_map(|o| {
            (o.passbook.iter()).map(move |e| (o.id.as_str(), e.competency.as_str(), e.level))
        })
        .collect();
    assert_eq!(
        levels,
        [
            ("o1", "rti", 3),
            ("o1", "noting", 2),
            ("o2", "rti", 2),
            ("o2", "noting", 3)
        ]
    );
}
