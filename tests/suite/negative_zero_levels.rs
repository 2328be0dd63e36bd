//! A level of zero written with a minus sign (`-0`, `-0.0`), as a spreadsheet writes a
//! zero computed as negative: JSON's number `-0` read as level 0, but the same zero
//! written as text, in an HR export's cell or an officers document's string, was refused
//! as "expected a level from 0 to 5" (`tests/data/cases/csv/20-…`,
//! `tests/data/cases/officers/02-…`), and so was an O*NET rating's level `-0` ("expected
//! a decimal number from 0 to 7"). Each now reads as the zero it is; any other negative
//! number is still refused.

use karmayogi::{
    Cohort, LevelPolicy, OfficersCsv, OfficersCsvOptions, OfficersSpec, OnetCsv, OnetOptions,
    load_officers, load_onet,
};

use crate::support::hr_framework;

const OFFICERS: &str = include_str!("../data/cases/csv/20-negative-zero-levels-officers.csv");
const EVIDENCE: &str = include_str!("../data/cases/csv/20-negative-zero-levels-evidence.csv");
const DOCUMENT: &str = include_str!("../data/cases/officers/02-negative-zero-levels-officers.json");

/// `text` with every level the case files write as a negative zero written `0`.
fn unsigned(text: &str) -> String {
    let mut text = text.to_owned();
    for zero in [",-0,", ",-0.0,", ",\"-0,0\","] {
        text = text.replace(zero, ",0,");
    }
    for zero in ["\"-0\"", "\"-0.0\"", "-0"] {
        text = text.replace(&format!("\"level\": {zero},"), "\"level\": 0,");
    }
    text
}

#[test]
fn a_negative_zero_in_an_hr_export_is_level_zero() {
    let fw = hr_framework();
    let options = OfficersCsvOptions::default();
    let plain = unsigned(EVIDENCE);
    assert_ne!(plain, EVIDENCE);
    let read = load_officers(
        &fw,
        &OfficersCsv::new(OFFICERS).evidence(EVIDENCE),
        &options,
    )
    .unwrap_or_else(|e| panic!("{e:?}"));
    let expected = load_officers(&fw, &OfficersCsv::new(OFFICERS).evidence(&plain), &options)
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(read.officers, expected.officers);
    let levels: Vec<u8> = (read.officers.iter())
        .flat_map(|o| o.passbook.iter().map(|e| e.level))
        .collect();
    assert_eq!(levels, [0, 0, 0, 0]);
    let cohort = Cohort::from_csv(
        &fw,
        &OfficersCsv::new(OFFICERS).evidence(EVIDENCE),
        &options,
    )
    .unwrap_or_else(|e| panic!("{e:?}"))
    .cohort;
    let expected = Cohort::from_csv(&fw, &OfficersCsv::new(OFFICERS).evidence(&plain), &options)
        .unwrap_or_else(|e| panic!("{e:?}"))
        .cohort;
    assert_eq!(cohort.len(), 2);
    assert_eq!(cohort.len(), expected.len());
    for i in 0..cohort.len() {
        assert_eq!(cohort.profile(i), expected.profile(i));
    }
}

#[test]
fn a_negative_zero_in_an_officers_document_is_level_zero() {
    let read = OfficersSpec::from_json(DOCUMENT).unwrap_or_else(|e| panic!("{e}"));
    let plain = unsigned(DOCUMENT);
    assert_ne!(plain, DOCUMENT);
    assert_eq!(read, OfficersSpec::from_json(&plain).unwrap());
    let fw = hr_framework();
    assert!(Cohort::from_json(&fw, DOCUMENT, &LevelPolicy::default()).is_ok());
}

#[test]
fn any_other_negative_level_is_refused_naming_the_cell() {
    let fw = hr_framework();
    let evidence = "officer,competency,level,source,date\nE1,rti,-1,assessment,2024-01-01\n";
    let errors = load_officers(
        &fw,
        &OfficersCsv::new(OFFICERS).evidence(evidence),
        &OfficersCsvOptions::default(),
    )
    .unwrap_err()
    .into_vec();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0]
            .to_string()
            .starts_with("evidence.csv line 2, column `level`: officer `E1`"),
        "{}",
        errors[0]
    );
    let document = DOCUMENT.replacen("\"-0\"", "\"-1\"", 1);
    let error = OfficersSpec::from_json(&document).unwrap_err();
    assert!(error.to_string().contains("string \"-1\""), "{error}");
}

#[test]
fn a_negative_zero_onet_level_is_level_zero() {
    let occupations = "soc,title\n13-1041.00,Compliance Officers\n";
    let elements = "element_id,parent_id,depth,name,description\n\
        2.A.1,,2,Content,Background structures\n\
        2.A.1.c,2.A.1,3,Writing,Communicating effectively in writing\n";
    let ratings = |level: &str, importance: &str| {
        format!(
            "soc,element_id,importance_1_5,level_0_7,n,recommend_suppress,not_relevant\n\
             13-1041.00,2.A.1.c,{importance},{level},8,N,N\n"
        )
    };
    let load = |ratings: &str| {
        load_onet(
            &OnetCsv::new(occupations, elements, ratings),
            &OnetOptions::default(),
        )
    };
    let signed = load(&ratings("-0.00", "3.88")).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(signed, load(&ratings("0", "3.88")).unwrap());
    // An importance of -0 is 0, below O*NET's scale of 1 to 5: refused as such.
    let errors = load(&ratings("4.12", "-0")).unwrap_err().into_vec();
    assert_eq!(
        errors[0].to_string(),
        "onet/occupation_skill_levels.csv line 2, column `importance_1_5`: found `-0`, \
         expected a decimal number from 1 to 5"
    );
    assert!(load(&ratings("-1", "3.88")).is_err());
}

/// A ratings file saved by a spreadsheet in most of Europe: `;` between fields, a decimal
/// comma in the numbers. Read as the file with points; `1,000` (thousands or a decimal
/// comma: unknowable) refused by name.
#[test]
fn onet_ratings_with_a_decimal_comma_read_as_with_a_point() {
    let occupations = "soc,title\n13-1041.00,Compliance Officers\n";
    let elements = "element_id,parent_id,depth,name,description\n\
        2.A.1,,2,Content,Background structures\n\
        2.A.1.c,2.A.1,3,Writing,Communicating effectively in writing\n";
    let header = "soc;element_id;importance_1_5;level_0_7;n;recommend_suppress;not_relevant\n";
    let ratings = |level: &str, importance: &str| {
        format!("{header}13-1041.00;2.A.1.c;{importance};{level};8;N;N\n")
    };
    let load = |ratings: &str| {
        load_onet(
            &OnetCsv::new(occupations, elements, ratings),
            &OnetOptions::default(),
        )
    };
    let comma = load(&ratings("4,25", "3,88")).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(comma, load(&ratings("4.25", "3.88")).unwrap());
    let errors = load(&ratings("1,000", "3,88")).unwrap_err().into_vec();
    assert_eq!(
        errors[0].to_string(),
        "onet/occupation_skill_levels.csv line 2, column `level_0_7`: found `1,000`, \
         expected a decimal number from 0 to 7"
    );
}
