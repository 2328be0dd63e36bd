//! O*NET importances and levels written with more digits than a `u64` or a double holds
//! (`csv/34`): read exactly from every digit, never refused as out of range.

use karmayogi::{OnetCsv, OnetOptions, load_onet};

const RATINGS: &str = include_str!("../data/cases/csv/34-decimal-with-many-digits.csv");
const OCCUPATIONS: &str = "soc,title\n13-1041.00,Compliance Officers\n";
const ELEMENTS: &str = "element_id,parent_id,depth,name,description\n\
    2.A.1,,2,Content,Background structures\n\
    2.A.1.c,2.A.1,3,Writing,Communicating effectively in writing\n\
    2.B.1,,2,Social Skills,Developed capacities\n\
    2.B.1.d,2.B.1,3,Negotiation,Bringing others together\n\
    2.B.1.e,2.B.1,3,Persuasion,Persuading others\n\
    2.B.1.f,2.B.1,3,Service Orientation,Looking for ways to help\n";

/// The requirements of the one role: (element, level).
fn required(ratings: &str, options: &OnetOptions) -> Result<Vec<(String, u8)>, Vec<String>> {
    let csv = OnetCsv::new(OCCUPATIONS, ELEMENTS, ratings);
    match load_onet(&csv, options) {
        Ok(spec) => Ok(spec.roles[0]
            .requires
            .iter()
            .map(|r| (r.competency.as_str().to_owned(), r.level))
            .collect()),
        Err(errors) => Err(errors.iter().map(ToString::to_string).collect()),
    }
}

/// `1.4000000000000000000001` (23 digits) is a level from 0 to 7, just above 1.4, so
/// `⌈LV × 5 / 7⌉` is 2; `1.4000000000000000000000` is 1.4 exactly, level 1. An importance
/// of `2.9999999999999999999999` is below 3 although its nearest double is 3, and
/// `3.0000000000000000000000` is 3. Only `7.0000000000000000000001`, above 7, is refused,
/// and by the message the other values once got although they are in range.
#[test]
fn decimals_with_many_digits_are_read_exactly() {
    let errors = required(RATINGS, &OnetOptions::default()).expect_err("a level above 7");
    assert_eq!(
        errors,
        [
            "onet/occupation_skill_levels.csv line 5, column `level_0_7`: found \
          `7.0000000000000000000001`, expected a decimal number from 0 to 7"
        ]
    );
    let in_range = RATINGS.lines().take(4).collect::<Vec<_>>().join("\n");
    let levels = required(&in_range, &OnetOptions::default()).expect("every value in range");
    let element = |id: &str, level: u8| (format!("onet-{id}"), level);
    assert_eq!(levels, [element("2.A.1.c", 2), element("2.B.1.e", 1)]);
    let lower = OnetOptions::default().importance_threshold(2.5);
    let levels = required(&in_range, &lower).expect("every value in range");
    assert_eq!(
        levels,
        [
            element("2.A.1.c", 2),
            element("2.B.1.d", 3),
            element("2.B.1.e", 1)
        ]
    );
}
