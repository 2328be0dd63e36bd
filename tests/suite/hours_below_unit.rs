//! Hours below the unit they are held in (framework/21, igot/30): hours are held in whole
//! pico-hours (10⁻¹² h), to the nearest with halves rounding up, so a positive number of
//! hours below half a pico-hour was accepted and then counted as 0 in every sum of a plan.
//! It is now refused wherever hours enter, naming the course (or the duration as written),
//! with the rule.

use karmayogi::{
    Error, Framework, IgotCourseOptions, IgotWhat, KcmOptions, RecommendOptions, load_igot_courses,
    load_kcm,
};

const FRAMEWORK: &str = include_str!("../data/cases/framework/21-hours-below-a-pico-hour.json");
const RECORDS: &str = include_str!("../data/cases/igot/30-duration-below-the-unit.json");

/// The rule as every message states it.
const RULE: &str = "a number from 5e-13 to 10000 (hours are held in whole pico-hours, \
    1e-12 h, to the nearest with halves rounding up, so 5e-13 is the smallest above 0)";

/// framework/21: courses of 1e-13 and 4.9e-13 hours built, each counting 0 pico-hours in a
/// plan's sums; both are refused at once, named, and 5e-13 (one pico-hour) is kept.
#[test]
fn course_hours_below_half_a_pico_hour_are_refused_naming_each_course() {
    let errors = Framework::from_json(FRAMEWORK).unwrap_err();
    let refused: Vec<(String, f64)> = errors
        .as_slice()
        .iter()
        .map(|e| match e {
            Error::InvalidHours { course, hours } => (course.to_string(), *hours),
            other => panic!("not an hours error: {other}"),
        })
        .collect();
    assert_eq!(
        refused,
        [
            ("noting-101".to_owned(), 1e-13),
            ("noting-102".to_owned(), 4.9e-13)
        ]
    );
    assert_eq!(
        errors.as_slice()[0].to_string(),
        format!("course `noting-101` has 1e-13 hours: expected {RULE}")
    );
    assert_eq!(errors.as_slice()[0].code(), "invalid_hours");
    // The smallest hours held, and the double just below them.
    let smallest = FRAMEWORK
        .replace("1e-13", "5e-13")
        .replace("4.9e-13", "0.0000000000005");
    let framework = Framework::from_json(&smallest).unwrap();
    assert_eq!(framework.course("noting-101").map(|c| c.hours), Some(5e-13));
    let below = FRAMEWORK
        .replace("1e-13", "4.999999999999999e-13")
        .replace("4.9e-13", "5e-13");
    let errors = Framework::from_json(&below).unwrap_err();
    assert_eq!(errors.as_slice().len(), 1, "{errors:?}");
    assert!(matches!(
        &errors.as_slice()[0],
        Error::InvalidHours { course, .. } if course.as_str() == "noting-101"
    ));
}

/// igot/30: a duration of 1e-9 seconds (2.8e-13 hours) was kept and counted as 0 hours,
/// and one of 5e-324 seconds was set aside as "0 hours"; each is now set aside with the
/// duration as written and the rule, and the durations that make hours held are kept.
#[test]
fn igot_durations_below_the_unit_are_set_aside_as_written() {
    let kcm = include_str!("../../data/igot/kcm_competencies.json");
    let framework = Framework::new(load_kcm(kcm, &KcmOptions::default()).unwrap().value).unwrap();
    let load = load_igot_courses(RECORDS, &framework, &IgotCourseOptions::default()).unwrap();
    let kept: Vec<(&str, f64)> = load
        .value
        .iter()
        .map(|c| (c.id.as_str(), c.hours))
        .collect();
    assert_eq!(kept, [("do_1", 0.5), ("do_5", 0.0018 / 3600.0)]);
    let set_aside: Vec<(&str, String)> = load
        .report
        .set_aside
        .iter()
        .map(|e| (e.id.as_str(), e.what.to_string()))
        .collect();
    assert_eq!(
        set_aside,
        [
            (
                "do_2",
                format!(
                    "`duration` `1e-9` seconds is 2.777777777777778e-13 hours: expected {RULE}"
                )
            ),
            (
                "do_3",
                format!("`duration` `5e-324` seconds is 0 hours: expected {RULE}")
            ),
            (
                "do_4",
                format!("`duration` `3.6E-10` seconds is 1e-13 hours: expected {RULE}")
            ),
        ]
    );
    assert_eq!(
        load.report.set_aside[1].what,
        IgotWhat::HoursOutOfRange {
            duration: "5e-324".to_owned(),
            hours: 0.0
        }
    );
    // Assumed hours are held to the same rule.
    let options = IgotCourseOptions::default().hours_when_missing(1e-13);
    let error = load_igot_courses(RECORDS, &framework, &options).unwrap_err();
    assert_eq!(
        error.as_slice()[0].to_string(),
        format!("option `hours_when_missing` is 1e-13: expected {RULE}")
    );
}

/// A term's cap below half a pico-hour would be held as 0 pico-hours: refused as 0 is.
#[test]
fn a_term_cap_below_half_a_pico_hour_is_refused() {
    let error = RecommendOptions::default().term_hours(1e-13).unwrap_err();
    assert!(matches!(
        error,
        Error::InvalidOption { option: "term_hours", value, .. } if value.to_bits() == 1e-13_f64.to_bits()
    ));
    assert!(error.to_string().contains("at least 5e-13"), "{error}");
    assert!(RecommendOptions::default().term_hours(5e-13).is_ok());
}
