//! Totals of hours as reports show them: a plan's total, blend and terms, a department
//! plan's enrolments, course runs and total, and a career move's hours are sums of course
//! hours written as decimals. Summed in binary floating point they carry noise
//! (`0.8 + 9.9 + 1.3` is `12.000000000000002`); the library rounds every reported total
//! to 9 decimal places, so JSON and prose show the decimal sum.
//!
//! The reference is exact: hours are generated in tenths, summed as integers, and the
//! decimal text of that integer sum is what the reports must print.

use karmayogi::{AcbpOptions, Cohort, Framework, LevelPolicy, Mode, Profile, RecommendOptions};
use proptest::collection::vec;
use proptest::prelude::*;

use crate::support::{course, officer};

/// A framework whose one position requires competencies `c0..cn` at level 1, each built
/// by its own course `k{i}` of `tenths[i]` tenths of an hour, in varied modes.
fn framework(tenths: &[u32]) -> Framework {
    let competencies: Vec<String> = (0..tenths.len())
        .map(|i| format!(r#"{{"id": "c{i}", "name": "Competency {i}", "type": "functional"}}"#))
        .collect();
    let requires: Vec<String> = (0..tenths.len())
        .map(|i| format!(r#"{{"competency": "c{i}", "level": 1}}"#))
        .collect();
    let modes = [Mode::Formal, Mode::Social, Mode::Experiential];
    let courses: Vec<String> = tenths
        .iter()
        .enumerate()
        .map(|(i, &t)| {
            let spec = course(
                &format!("k{i}"),
                f64::from(t) / 10.0,
                modes[i % 3],
                &[(&format!("c{i}"), Some(1))],
                &[],
            );
            serde_json::to_string(&spec).unwrap()
        })
        .collect();
    Framework::from_json(&format!(
        r#"{{"format_version": 2, "competencies": [{}],
            "roles": [{{"id": "r", "name": "Role", "requires": [{}]}}],
            "positions": [{{"id": "p", "name": "Post", "department": "d", "roles": ["r"]}}],
            "courses": [{}]}}"#,
        competencies.join(","),
        requires.join(","),
        courses.join(",")
    ))
    .expect("valid")
}

/// The decimal text of `tenths` tenths, as Rust prints the `f64` nearest it.
fn decimal(tenths: u32) -> String {
    (f64::from(tenths) / 10.0).to_string()
}

#[test]
fn a_plan_of_decimal_hours_totals_the_decimal_sum() {
    // 0.8 + 9.9 + 1.3 is 12.000000000000002 summed in `f64`.
    let fw = framework(&[8, 99, 13]);
    let profile = Profile::new(
        &fw,
        &officer("o", "d", "p", vec![]),
        &LevelPolicy::default(),
    )
    .expect("valid");
    let plan = fw
        .recommend(&profile, "p", &RecommendOptions::default())
        .expect("plans");
    assert_eq!(plan.steps.len(), 3);
    assert_eq!(plan.total_hours.to_string(), "12");
    let json = serde_json::to_value(&plan).unwrap();
    assert_eq!(json["total_hours"].to_string(), "12.0");
    let text = plan.to_string();
    assert!(!text.contains("000000"), "{text}");
}

#[test]
fn a_plan_filling_its_budget_exactly_reports_a_total_within_it() {
    // 0.1 + 0.2 is 0.30000000000000004 summed in `f64`: a total above the budget of 0.3
    // the plan was made within.
    let fw = framework(&[1, 2]);
    let profile = Profile::new(
        &fw,
        &officer("o", "d", "p", vec![]),
        &LevelPolicy::default(),
    )
    .expect("valid");
    let options = RecommendOptions::default()
        .budget(0.3)
        .expect("a valid budget");
    let plan = fw.recommend(&profile, "p", &options).expect("plans");
    assert_eq!(plan.steps.len(), 2, "both courses fit");
    assert!(plan.total_hours <= 0.3, "{}", plan.total_hours);
    assert_eq!(plan.total_hours.to_string(), "0.3");
}

#[test]
fn a_department_plan_of_decimal_hours_totals_the_decimal_sum() {
    let fw = framework(&[1, 2, 8, 99, 13]);
    let officers: Vec<_> = (0..3)
        .map(|i| officer(&format!("o{i}"), "d", "p", vec![]))
        .collect();
    let cohort = Cohort::new(&fw, &officers, &LevelPolicy::default()).expect("valid");
    let plan = fw
        .department_plan(&cohort, &AcbpOptions::default())
        .expect("plans");
    // Each officer takes every course: 0.1 + 0.2 + 0.8 + 9.9 + 1.3 = 12.3 hours.
    for enrolment in &plan.enrolments {
        assert_eq!(enrolment.hours.to_string(), "12.3");
    }
    assert_eq!(plan.hours.to_string(), "36.9");
    let run = |id: &str| {
        plan.courses
            .iter()
            .find(|r| r.course.as_str() == id)
            .unwrap()
    };
    // 3 × 0.1 is 0.30000000000000004 multiplied in `f64`.
    assert_eq!(run("k0").person_hours.to_string(), "0.3");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Every total a plan reports prints as the exact decimal sum of its courses' hours.
    #[test]
    fn plan_totals_print_as_the_exact_decimal_sum(
        tenths in vec(1u32..2_000, 1..8),
        cap in prop::option::of(1u32..400),
    ) {
        let fw = framework(&tenths);
        let profile = Profile::new(&fw, &officer("o", "d", "p", vec![]), &LevelPolicy::default())
            .expect("valid");
        let mut options = RecommendOptions::default();
        if let Some(cap) = cap {
            options = options.term_hours(f64::from(cap) / 10.0).expect("a valid cap");
        }
        let plan = fw.recommend(&profile, "p", &options).expect("plans");
        let tenths_of = |id: &str| tenths[id[1..].parse::<usize>().unwrap()];
        let total: u32 = plan.steps.iter().map(|s| tenths_of(s.course.as_str())).sum();
        prop_assert_eq!(plan.total_hours.to_string(), decimal(total));
        let mut by_mode = [0u32; 3];
        for s in &plan.steps {
            let m = match s.mode {
                Mode::Formal => 0,
                Mode::Social => 1,
                Mode::Experiential => 2,
            };
            by_mode[m] += tenths_of(s.course.as_str());
        }
        prop_assert_eq!(plan.blend.formal.to_string(), decimal(by_mode[0]));
        prop_assert_eq!(plan.blend.social.to_string(), decimal(by_mode[1]));
        prop_assert_eq!(plan.blend.experiential.to_string(), decimal(by_mode[2]));
        let mut by_term = vec![0u32; plan.terms.len()];
        for s in &plan.steps {
            if s.term > 0 {
                by_term[s.term as usize - 1] += tenths_of(s.course.as_str());
            }
        }
        for (term, &t) in plan.terms.iter().zip(&by_term) {
            prop_assert_eq!(term.hours.to_string(), decimal(t));
        }
    }
}
