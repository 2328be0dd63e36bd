//! One officer's learning path against a budget near the sum of thousands of courses'
//! hours. The path's search summed the hours of the courses it chose one at a time in
//! floating point, and compared that sum with the budget within 10⁻⁹ h: 2,000 courses of
//! 19.9 hours drift by 1.5·10⁻⁹ h, so a budget equal to their exact sum (39,800 h) left a
//! course out with a false `Budget` reason, and 5,000 drift by -6.5·10⁻⁹ h, so a budget
//! 2·10⁻⁹ h short of theirs admitted every course, a plan over budget with a bound
//! claiming it was at most 0 from the best.
//! Department plans sum hours exactly in pico-hours (`tests/suite/budget_sums.rs`); a path
//! now does too. The reference here is exact: hours in tenths, summed as integers.

use karmayogi::{
    Framework, LevelPolicy, OpenReason, Optimality, Profile, RecommendOptions, Solver,
};

use crate::support::officer;

/// A framework whose post `p` requires `n` competencies, each built by a course of its own
/// of `hours` hours.
fn courses(n: usize, hours: &str) -> Framework {
    let ids: Vec<String> = (0..n).map(|i| format!("c{i:05}")).collect();
    let competencies: Vec<String> = (ids.iter())
        .map(|c| format!(r#"{{"id": "{c}", "name": "{c}", "type": "functional"}}"#))
        .collect();
    let requires: Vec<String> = (ids.iter())
        .map(|c| format!(r#"{{"competency": "{c}", "level": 1}}"#))
        .collect();
    let courses: Vec<String> = (ids.iter())
        .map(|c| {
            format!(
                r#"{{"id": "k{c}", "name": "{c}", "hours": {hours},
                    "provides": [{{"competency": "{c}", "level": 1}}]}}"#
            )
        })
        .collect();
    Framework::from_json(&format!(
        r#"{{"format_version": 2, "competencies": [{}],
            "roles": [{{"id": "r", "name": "Clerk", "requires": [{}]}}],
            "positions": [{{"id": "p", "name": "Post", "department": "d", "roles": ["r"]}}],
            "courses": [{}]}}"#,
        competencies.join(","),
        requires.join(","),
        courses.join(",")
    ))
    .expect("valid")
}

const SOLVERS: [Option<Solver>; 3] = [
    None,
    Some(Solver::Greedy),
    Some(Solver::Exact { node_limit: 0 }),
];

/// `(courses taken, gaps left open for the budget, total hours)` of the path of an officer
/// holding nothing under `budget`, with its claims checked: every course of the same hours
/// and value, the best plan takes as many courses as fit in the budget, exactly, so the
/// plan's value is the optimum and its bound at least that.
fn path(fw: &Framework, budget: f64, solver: Option<Solver>) -> (usize, usize, String) {
    let officer = officer("o1", "d", "p", vec![]);
    let profile = Profile::new(fw, &officer, &LevelPolicy::default()).expect("valid");
    let mut options = RecommendOptions::default().budget(budget).unwrap();
    if let Some(solver) = solver {
        options = options.solver(solver);
    }
    let plan = fw.recommend(&profile, "p", &options).unwrap();
    let budget_open = (plan.open.iter())
        .filter(|g| g.reason == OpenReason::Budget)
        .count();
    assert!(plan.bound >= plan.value_closed, "{solver:?}: {plan}");
    if plan.optimality == Optimality::Optimal {
        assert!(plan.bound <= plan.value_closed, "{solver:?}: {plan}");
    }
    (plan.steps.len(), budget_open, plan.total_hours.to_string())
}

/// The most courses of `tenths` tenths of an hour a budget of `budget` nano-hours holds,
/// in integers.
fn fit(tenths: u128, budget_nanos: u128) -> usize {
    (budget_nanos / (tenths * 100_000_000)) as usize
}

#[test]
fn a_budget_equal_to_the_hours_of_every_course_takes_them_all() {
    // 2,000 × 19.9 = 39,800 exactly; summed in floating point, 1.5·10⁻⁹ h more.
    let fw = courses(2_000, "19.9");
    assert_eq!(fit(199, 39_800_000_000_000), 2_000);
    assert_eq!(fit(199, 39_799_999_999_998), 1_999);
    for solver in SOLVERS {
        assert_eq!(
            path(&fw, 39_800.0, solver),
            (2_000, 0, "39800".to_owned()),
            "{solver:?}"
        );
        // Two nano-hours less leaves one course out, for the budget.
        assert_eq!(
            path(&fw, 39_799.999_999_998, solver),
            (1_999, 1, "39780.1".to_owned()),
            "{solver:?}"
        );
    }
}

#[test]
fn a_budget_just_short_of_the_hours_of_every_course_leaves_one_out() {
    // 5,000 × 19.9 = 99,500 exactly; summed in floating point, 6.5·10⁻⁹ h less.
    let fw = courses(5_000, "19.9");
    assert_eq!(fit(199, 99_499_999_999_998), 4_999);
    for solver in SOLVERS {
        assert_eq!(
            path(&fw, 99_499.999_999_998, solver),
            (4_999, 1, "99480.1".to_owned()),
            "{solver:?}"
        );
        assert_eq!(
            path(&fw, 99_500.0, solver),
            (5_000, 0, "99500".to_owned()),
            "{solver:?}"
        );
    }
}
