//! A department's budget against the sum of thousands of enrolments' hours. Hours are
//! decimals held as binary floating point: summed (or taken off a budget) one enrolment at
//! a time in floating point, 1,658 enrolments of 19.9 hours drift by 6·10⁻⁹ h, more than
//! the 10⁻⁹ h the budget is compared within, so a budget equal to their exact sum turned
//! one officer away (with a false `Budget` reason) and one 2·10⁻⁹ h short of it admitted
//! them all. The library sums hours in whole nano-hours (`model::hours`); the reference
//! here is exact: hours in tenths, summed as integers.

use karmayogi::{AcbpOptions, Cohort, Framework, LevelPolicy, Optimality, Solver};
use proptest::prelude::*;

use crate::support::{officer, planning_case};

/// `n` officers of post `p` of department `d`, with no evidence.
fn cohort(fw: &Framework, n: usize) -> Cohort {
    let officers: Vec<_> = (0..n)
        .map(|i| officer(&format!("o{i:06}"), "d", "p", vec![]))
        .collect();
    Cohort::new(fw, &officers, &LevelPolicy::default()).expect("valid")
}

/// A framework whose post `p` requires one competency, built by one course `k` of
/// `tenths` tenths of an hour.
fn one_course(tenths: u32) -> Framework {
    let hours = format!("{}.{}", tenths / 10, tenths % 10);
    Framework::from_json(&format!(
        r#"{{"format_version": 1,
            "competencies": [{{"id": "c", "name": "Accounts", "type": "functional"}}],
            "roles": [{{"id": "r", "name": "Cashier", "requires": [{{"competency": "c", "level": 1}}]}}],
            "positions": [{{"id": "p", "name": "Post", "department": "d", "roles": ["r"]}}],
            "courses": [{{"id": "k", "name": "Course", "hours": {hours},
                "provides": [{{"competency": "c", "level": 1}}]}}]}}"#
    ))
    .expect("valid")
}

/// `tenths` tenths of an hour as the decimal a publisher writes, read as a double.
fn decimal(tenths: u64) -> f64 {
    format!("{}.{}", tenths / 10, tenths % 10).parse().unwrap()
}

/// `planning/16`: 1,658 postmasters each need a 19.9-hour course, and the budget is
/// 32,994.2 hours, exactly 1,658 × 19.9. Every officer fits; the plan enrolled 1,657,
/// left one gap open for the budget and called itself bounded with a gap of 0.0006.
#[test]
fn a_budget_equal_to_the_hours_of_every_officer_enrols_them_all() {
    let fw = Framework::from_json(&planning_case(
        "16-budget-equal-to-the-hours-of-every-officer-framework.json",
    ))
    .expect("valid");
    let cohort = cohort(&fw, 1_658);
    for solver in [
        None,
        Some(Solver::Greedy),
        Some(Solver::Exact { node_limit: 0 }),
    ] {
        let mut options = AcbpOptions::default().budget(32_994.2).unwrap();
        if let Some(solver) = solver {
            options = options.solver(solver);
        }
        let plan = fw.department_plan(&cohort, &options).unwrap();
        let what = format!("{solver:?}");
        assert_eq!(plan.enrolments.len(), 1_658, "{what}");
        assert_eq!(plan.open.budget, 0, "{what}");
        assert_eq!(plan.hours.to_string(), "32994.2", "{what}");
        assert_eq!(
            plan.courses[0].person_hours.to_string(),
            "32994.2",
            "{what}"
        );
        assert_eq!(plan.optimality, Optimality::Optimal, "{what}");
        // Two nano-hours less is more than the budget's tolerance below the sum.
        let options = AcbpOptions::default().budget(32_994.199_999_998).unwrap();
        let plan = fw.department_plan(&cohort, &options).unwrap();
        assert_eq!(plan.enrolments.len(), 1_657, "{what}");
        assert_eq!(plan.open.budget, 1, "{what}");
        assert_eq!(plan.hours.to_string(), "32974.3", "{what}");
    }
}

/// 2,989 officers of a 19.7-hour course under a budget 2·10⁻⁹ h short of their 58,883.3
/// hours: all were enrolled, the plan labelled optimal at 58,883.299999997 hours.
#[test]
fn a_budget_short_of_the_hours_by_more_than_its_tolerance_leaves_an_officer_out() {
    let fw = one_course(197);
    let cohort = cohort(&fw, 2_989);
    let options = AcbpOptions::default().budget(58_883.299_999_998).unwrap();
    let plan = fw.department_plan(&cohort, &options).unwrap();
    assert_eq!(plan.enrolments.len(), 2_988);
    assert_eq!(plan.open.budget, 1);
    assert_eq!(plan.hours.to_string(), "58863.6");
    assert!(plan.hours <= 58_883.299_999_998);
}

/// 2,320 enrolments of 5.1 hours: the plan reported 11,832.000000001 person-hours while
/// its one course run reported 11,832.
#[test]
fn a_department_plan_reports_the_decimal_sum_of_its_hours() {
    let fw = one_course(51);
    let cohort = cohort(&fw, 2_320);
    let plan = fw
        .department_plan(&cohort, &AcbpOptions::default())
        .unwrap();
    assert_eq!(plan.enrolments.len(), 2_320);
    assert_eq!(plan.hours.to_string(), "11832");
    assert_eq!(plan.courses[0].person_hours.to_string(), "11832");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// A budget equal to the exact sum of `n` enrolments of a decimal number of hours
    /// enrols all `n`, and one a hair (2·10⁻⁹ h) more than the tolerance below it `n − 1`;
    /// the plan's hours print as the decimal sum either way.
    #[test]
    fn a_budget_equal_to_the_sum_enrols_every_officer(
        tenths in 1u32..1_000,
        n in 1usize..3_000,
    ) {
        let fw = one_course(tenths);
        let cohort = cohort(&fw, n);
        let total = u64::from(tenths) * n as u64;
        let budget = decimal(total);
        let plan = fw
            .department_plan(&cohort, &AcbpOptions::default().budget(budget).unwrap())
            .unwrap();
        prop_assert_eq!(plan.enrolments.len(), n);
        prop_assert_eq!(plan.open.budget, 0);
        prop_assert_eq!(plan.hours.to_string(), budget.to_string());
        prop_assert_eq!(plan.optimality, Optimality::Optimal);
        let short = budget - 2e-9;
        let plan = fw
            .department_plan(&cohort, &AcbpOptions::default().budget(short).unwrap())
            .unwrap();
        prop_assert_eq!(plan.enrolments.len(), n - 1);
        prop_assert_eq!(plan.open.budget, 1);
        let less = decimal(total - u64::from(tenths));
        prop_assert_eq!(plan.hours.to_string(), less.to_string());
    }
}
