//! Every field of a plan, against what the oracle of `plan_oracle` derives on its own.
//!
//! `plan_oracle` checks each plan's selection (feasible, minimal, maximal, optimal when it
//! says so), its open gaps and reasons, its totals and terms. This file checks the rest of
//! what a learning path states, on the same generated instances and option draws
//! (budgets, terms, the 70-20-10 share, weights, the untagged rule, prerequisites and
//! completed courses, every solver): each step's course, hours and mode; the learning
//! order (every course after the prerequisites it still needs, and among the courses
//! ready at once the smallest id first; by term first when split); the gaps each step
//! closes (each credited to the first step closing it, from the level held to the level
//! required); each step's dependants in the plan; the blend by mode; the total hours
//! summed in learning order and rounded to 9 decimals; the search nodes of the greedy
//! (none).
//!
//! Cases: `PLAN_ORACLE_CASES`, else 300 (about 1 s in debug mode).

#![allow(clippy::float_cmp)]

use karmayogi::{Mode, Optimality, Plan, Solver};
use proptest::prelude::*;

use super::plan_oracle::{
    COMPETENCIES, COURSES, Instance, MODES, Oracle, POSITIONS, SOLVERS, drawn, each_plan, instance,
    run,
};

/// The learning order of a set of courses: repeatedly the smallest id among the courses
/// whose prerequisites in the set are placed.
pub fn learning_order(inst: &Instance, set: u32) -> Vec<usize> {
    let n = inst.courses.len();
    let mut placed = 0u32;
    let mut order = Vec::new();
    while placed != set {
        let next = (0..n)
            .filter(|&k| set & !placed & 1 << k != 0)
            .filter(|&k| {
                inst.courses[k]
                    .prerequisites
                    .iter()
                    .all(|&p| set & 1 << p == 0 || placed & 1 << p != 0)
            })
            .min_by_key(|&k| COURSES[k])
            .expect("prerequisites are acyclic");
        placed |= 1 << next;
        order.push(next);
    }
    order
}

/// Hours rounded to 9 decimal places, as the crate documents its totals (those of a
/// million hours or more left as summed).
pub fn round_total(hours: f64) -> f64 {
    if hours.abs() < 1e6 {
        (hours * 1e9).round() / 1e9 + 0.0
    } else {
        hours
    }
}

/// Every field of a plan `plan_oracle` leaves unchecked.
fn check_fields(
    or: &Oracle<'_>,
    plan: &Plan<'_>,
    split: bool,
    solver: Solver,
) -> Result<(), TestCaseError> {
    let inst = or.inst;
    let (steps, set) = inst.plan_courses(plan);
    for (s, &k) in plan.steps.iter().zip(&steps) {
        prop_assert_eq!(s.name, format!("Course {}", COURSES[k]));
        prop_assert_eq!(s.hours, inst.courses[k].hours);
        prop_assert_eq!(s.mode, MODES[inst.courses[k].mode]);
        if !split {
            prop_assert_eq!(s.term, 0);
        }
    }
    // Learning order, by term first when split.
    let order = learning_order(inst, set);
    let mut want = order.clone();
    if split {
        let term = |k: usize| plan.steps[steps.iter().position(|&d| d == k).unwrap()].term;
        want.sort_by_key(|&k| term(k));
    }
    prop_assert_eq!(
        steps.iter().map(|&k| COURSES[k]).collect::<Vec<_>>(),
        want.iter().map(|&k| COURSES[k]).collect::<Vec<_>>(),
        "learning order"
    );
    // Each gap credited to the first step closing it.
    let mut credited = 0u64;
    for (s, &k) in plan.steps.iter().zip(&steps) {
        let mut want = Vec::new();
        for (i, g) in or.gaps.iter().enumerate() {
            if g.closers & 1 << k != 0 && credited & 1 << i == 0 {
                credited |= 1 << i;
                want.push((COMPETENCIES[g.competency].to_owned(), g.current, g.required));
            }
        }
        let mut got: Vec<(String, u8, u8)> = s
            .closes
            .iter()
            .map(|c| (c.competency.to_string(), c.from.get(), c.to.get()))
            .collect();
        got.sort();
        want.sort();
        prop_assert_eq!(got, want, "what {} closes", COURSES[k]);
        for c in &s.closes {
            let at = COMPETENCIES
                .iter()
                .position(|&x| x == c.competency.as_str());
            prop_assert_eq!(c.name, format!("Competency {}", at.unwrap()));
        }
        // Its dependants: the later steps listing it as a prerequisite.
        let mut got: Vec<&str> = s.prerequisite_for.iter().map(|d| d.as_str()).collect();
        let mut want: Vec<&str> = steps
            .iter()
            .filter(|&&d| inst.courses[d].prerequisites.contains(&k))
            .map(|&d| COURSES[d])
            .collect();
        got.sort_unstable();
        want.sort_unstable();
        prop_assert_eq!(got, want, "the dependants of {}", COURSES[k]);
    }
    prop_assert_eq!(credited, or.covers(set));
    // The total summed in learning order and rounded.
    let summed = plan.steps.iter().fold(0.0, |sum, s| sum + s.hours);
    prop_assert_eq!(plan.total_hours, round_total(summed));
    // The blend by mode.
    for (mode, hours) in [
        (Mode::Formal, plan.blend.formal),
        (Mode::Social, plan.blend.social),
        (Mode::Experiential, plan.blend.experiential),
    ] {
        let want: f64 = (steps.iter())
            .filter(|&&k| MODES[inst.courses[k].mode] == mode)
            .map(|&k| inst.courses[k].hours)
            .sum();
        prop_assert!(
            (hours - want).abs() <= 1e-6,
            "{mode:?}: {hours} h, {want} h"
        );
    }
    if solver == Solver::Greedy {
        prop_assert_eq!(plan.nodes, 0);
    }
    if plan.optimality == Optimality::Optimal {
        prop_assert_eq!(plan.optimality.gap(), 0.0);
    }
    Ok(())
}

#[test]
fn every_field_of_a_learning_path_is_true() {
    run((instance(12, 2), drawn()), 300, |(inst, d)| {
        each_plan(&inst, &d, |or, plan, o, _, solver| {
            check_fields(or, plan, d.term_hours.is_some(), solver)
                .map_err(|e| TestCaseError::fail(format!("{e}\nofficer {o}, {solver:?}\n{plan}")))
        })
    });
}

/// The smallest instance found with a course after a completed prerequisite placed behind
/// a course of a larger id: `c00` requires `c17`, which the officer completed, so `c00`
/// and `c03` are both ready from the start and `c00` comes first.
#[test]
fn a_course_after_a_completed_prerequisite_takes_its_place_by_id() {
    use super::plan_oracle::{GenCourse, GenOfficer};
    let untagged = |c: usize| GenCourse {
        hours: 1.0,
        mode: 0,
        provides: vec![(c, None)],
        prerequisites: vec![],
    };
    let inst = Instance {
        kinds: vec![0, 0],
        required: vec![vec![5, 4]],
        courses: vec![
            GenCourse {
                provides: vec![(1, Some(4))],
                ..untagged(1)
            },
            untagged(0),
            untagged(0),
            untagged(0),
            GenCourse {
                provides: vec![(0, Some(5))],
                prerequisites: vec![2],
                ..untagged(0)
            },
        ],
        officers: vec![GenOfficer {
            position: 0,
            held: vec![0, 0],
            completed: vec![false, false, true, false, false],
        }],
    };
    let fw = inst.framework();
    let profile = inst.profile(&fw, 0);
    for solver in SOLVERS {
        let options = karmayogi::RecommendOptions::default().solver(solver);
        let plan = fw.recommend(&profile, POSITIONS[0], &options).unwrap();
        let steps: Vec<&str> = plan.steps.iter().map(|s| s.course.as_str()).collect();
        assert_eq!(steps, ["c00", "c03"], "{solver:?}");
    }
    let cohort = karmayogi::Cohort::new(
        &fw,
        [inst.officer_spec(0)],
        &karmayogi::LevelPolicy::default(),
    )
    .unwrap();
    let plan = fw
        .department_plan(&cohort, &karmayogi::AcbpOptions::default())
        .unwrap();
    let courses: Vec<&str> = plan.enrolments[0]
        .courses
        .iter()
        .map(|c| c.as_str())
        .collect();
    assert_eq!(courses, ["c00", "c03"]);
}

/// The solvers `planning/10` is planned with: the greedy, the default (the exact search
/// with its default nodes), and the exact search with a small and a large node limit.
const CASE_10_SOLVERS: [Solver; 4] = [
    Solver::Greedy,
    Solver::Exact {
        node_limit: Solver::DEFAULT_NODES,
    },
    Solver::Exact { node_limit: 5 },
    Solver::Exact {
        node_limit: 1_000_000,
    },
];

/// `planning/10`'s framework, and its officers' document as text.
fn case_10() -> (karmayogi::Framework, String) {
    case("10-optimal-in-more-hours-at-equal-value")
}

/// The framework of the planning case `NN-name` (`NN-name-framework.json`), and its
/// officers' document (`NN-name-officers.json`) as text.
fn case(name: &str) -> (karmayogi::Framework, String) {
    let fw = karmayogi::Framework::from_json(&crate::support::planning_case(&format!(
        "{name}-framework.json"
    )))
    .unwrap();
    (
        fw,
        crate::support::planning_case(&format!("{name}-officers.json")),
    )
}

/// `planning/10`: values far apart (behavioural weight 10⁹, `k-u8` weighted 10⁶ more, so
/// a level of it is worth 10¹⁵ beside gaps worth 2 to 8) under a budget every course fits
/// (138 h). Two plans close every gap, the same four competencies at the same levels:
/// `m0b m1b m6a z5a` in 34 h and `m0b m6a c9b z7b` in 36 h. The greedy returns the first
/// (not proven); the exact search, from 5 nodes on, replaces it with the second and labels
/// it `Optimal`, a plan worth exactly as much in more hours (found by `DENSE=1
/// benches/plan_claims.py rechuge 9111 5 40`). Values compared within their rounding
/// (17.8 here, above the 4 of a gap) let the search keep a 22-hour plan worth 4·10¹⁵ as
/// its best; the fill after the search made it the 36-hour plan, still marked proven. A
/// plan the fill changes is no longer proven, and the exact solver keeps the heuristics'
/// plan when it is better.
#[test]
fn an_optimal_budgeted_plan_takes_the_fewest_hours_for_its_value() {
    use karmayogi::{Cohort, LevelPolicy, RecommendOptions, Weights};
    let (fw, officers) = case_10();
    let cohort = Cohort::from_json(&fw, &officers, &LevelPolicy::default()).unwrap();
    let profile = cohort.profile(0).unwrap();
    for solver in CASE_10_SOLVERS {
        let options = RecommendOptions::default()
            .weights(Weights::new(1e9, 2.0, 1.0).unwrap())
            .competency_weight("k-u8", 1e6)
            .unwrap()
            .budget(138.0)
            .unwrap()
            .solver(solver);
        let plan = fw.recommend(&profile, "p1", &options).unwrap();
        assert_eq!(plan.value_closed, 4e15 + 18.0, "{solver:?}:\n{plan}");
        if plan.optimality == Optimality::Optimal {
            assert_eq!(plan.total_hours, 34.0, "{solver:?}: optimal in\n{plan}");
        }
    }
}

/// `planning/10` as a department: the officer alone and three copies of her, with the same
/// weights, no budget or cap. The exact search, then the settle after it, gave 36 hours a
/// head (108 for three) marked `Optimal`, beside plans of the same value in 34 (102, which
/// a search of 5 nodes found); the settled plan is now proven only when the settle added
/// no hours, and never worse than the plan the search started from.
#[test]
fn an_optimal_department_plan_takes_the_fewest_hours_for_its_value() {
    use karmayogi::{AcbpOptions, Cohort, LevelPolicy, Weights};
    let (fw, one) = case_10();
    let three = one.replace(
        r#"{"id": "o0", "department": "dep", "position": "p1", "passbook": []}"#,
        r#"{"id": "o0", "department": "dep", "position": "p1", "passbook": []},
           {"id": "o1", "department": "dep", "position": "p1", "passbook": []},
           {"id": "o2", "department": "dep", "position": "p1", "passbook": []}"#,
    );
    for (officers, n) in [(&one, 1.0), (&three, 3.0)] {
        let cohort = Cohort::from_json(&fw, officers, &LevelPolicy::default()).unwrap();
        assert_eq!(cohort.len() as f64, n);
        for solver in CASE_10_SOLVERS {
            let options = AcbpOptions::default()
                .weights(Weights::new(1e9, 2.0, 1.0).unwrap())
                .competency_weight("k-u8", 1e6)
                .unwrap()
                .solver(solver);
            let plan = fw.department_plan(&cohort, &options).unwrap();
            assert_eq!(
                plan.value_closed,
                n * (4e15 + 18.0),
                "{solver:?}, {n} officers"
            );
            if plan.optimality == Optimality::Optimal {
                assert_eq!(
                    plan.hours,
                    n * 34.0,
                    "{solver:?}, {n} officers: optimal in {} h",
                    plan.hours
                );
            }
        }
    }
}

/// The room `Optimality::Optimal` gives hours near `hours`: 10⁻⁹ of them, or 10⁻⁹ h under
/// an hour.
fn room(hours: f64) -> f64 {
    1e-9 * hours.max(1.0)
}

/// `planning/11`: a section officer lacks e-Office, noting and the conduct rules; one
/// 2-hour induction closes all three, and so do two 1-hour modules with an acknowledgement
/// of 8·10⁻¹⁰ h. The solvers plan the modules (2.000000001 h, as reported), and every
/// exact solver labels it `Optimal` with `bound` 2.000000001, though the induction takes
/// 2 hours: what holds is what `Plan::bound` and `Optimality` state with the room of
/// 10⁻⁹, checked here against the least hours, 2, for every solver, with budgets of 2 and
/// 3 hours (the plan then 8·10⁻¹⁰ h over a budget of 2, within the documented 10⁻⁹) and
/// as a department of two.
#[test]
fn a_bound_proven_within_a_billionth_says_so() {
    use karmayogi::{AcbpOptions, Cohort, LevelPolicy, RecommendOptions};
    let (fw, officers) = case("11-optimal-a-billionth-above-one-course");
    let cohort = Cohort::from_json(&fw, &officers, &LevelPolicy::default()).unwrap();
    let profile = cohort.profile(0).unwrap();
    let least = 2.0;
    for solver in CASE_10_SOLVERS {
        let options = RecommendOptions::default().solver(solver);
        let plan = fw.recommend(&profile, "so-admin", &options).unwrap();
        assert_eq!(plan.closed, 3, "{solver:?}:\n{plan}");
        assert!(
            plan.bound - room(plan.bound) <= least,
            "{solver:?}: bound {} less its room above the least, {least}",
            plan.bound
        );
        match plan.optimality {
            Optimality::Optimal => assert!(
                plan.total_hours <= least + room(plan.total_hours),
                "{solver:?}: optimal in {} h",
                plan.total_hours
            ),
            Optimality::Bounded { gap } => assert!(
                plan.total_hours <= (1.0 + gap) * (least + room(plan.bound)),
                "{solver:?}: {} h beyond a gap of {gap}",
                plan.total_hours
            ),
        }
        for budget in [2.0, 3.0] {
            let plan = fw
                .recommend(
                    &profile,
                    "so-admin",
                    &options.clone().budget(budget).unwrap(),
                )
                .unwrap();
            assert_eq!(plan.value_closed, 6.0, "{solver:?}, {budget} h:\n{plan}");
            assert!(plan.total_hours <= budget + 1e-9, "{solver:?}, {budget} h");
            if plan.optimality == Optimality::Optimal {
                assert!(
                    plan.total_hours <= least + room(plan.total_hours),
                    "{solver:?}, {budget} h: optimal in {} h",
                    plan.total_hours
                );
            }
        }
        let plan = fw
            .department_plan(&cohort, &AcbpOptions::default().solver(solver))
            .unwrap();
        assert_eq!(plan.gaps_closed, 6, "{solver:?}");
        if plan.optimality == Optimality::Optimal {
            assert!(
                plan.hours <= 2.0 * least + room(plan.hours),
                "{solver:?}: a department optimal in {} h",
                plan.hours
            );
        }
    }
}

/// `planning/12`: a postmaster one level short of grievance redressal (weighted 0.3) and
/// an assistant one level short of e-Office (0.2) and noting (0.1); a course closes each.
/// Every plan closes all three gaps, so the weighted shortfall closed is the whole of it:
/// `value_closed` equals `value_total` and the summary says 100%. The total was summed
/// officer by officer (0.3 + (0.2 + 0.1) = 0.6000000000000001) and the closed value gap
/// by gap ((0.3 + 0.2) + 0.1 = 0.6), so the plan read "3 of 3 gaps closed (>99.9% of the
/// weighted shortfall)".
#[test]
fn a_plan_closing_every_gap_closes_the_whole_weighted_shortfall() {
    let options = karmayogi::AcbpOptions::default()
        .competency_weight("grievance", 0.3)
        .unwrap()
        .competency_weight("e-office", 0.2)
        .unwrap()
        .competency_weight("noting", 0.1)
        .unwrap();
    department_case(
        "12-every-gap-closed-short-of-the-total",
        &options,
        "Annual capacity building plan for 2 officers: 3 of 3 gaps closed \
         (100.0% of the weighted shortfall)",
        |solver, plan| {
            assert_eq!((plan.gaps, plan.gaps_closed), (3, 3), "{solver:?}");
            assert_eq!(plan.value_closed, plan.value_total, "{solver:?}");
        },
    );
}

/// Plans the department of the planning case `name` with `options` and each solver of
/// [`CASE_10_SOLVERS`], checks each plan with `check` and that its summary starts with
/// `headline`.
#[track_caller]
fn department_case(
    name: &str,
    options: &karmayogi::AcbpOptions,
    headline: &str,
    check: impl Fn(Solver, &karmayogi::DepartmentPlan<'_>),
) {
    use karmayogi::{Cohort, LevelPolicy};
    let (fw, officers) = case(name);
    let cohort = Cohort::from_json(&fw, &officers, &LevelPolicy::default()).unwrap();
    for solver in CASE_10_SOLVERS {
        let plan = fw
            .department_plan(&cohort, &options.clone().solver(solver))
            .unwrap();
        check(solver, &plan);
        // The headline ends with the plan's own optimality label.
        let summary = plan.summary().to_string();
        let headline = format!("{headline}; {}\n", plan.optimality);
        assert!(summary.starts_with(&headline), "{solver:?}:\n{summary}");
    }
}

/// `planning/13`: a purchase officer a level short of public procurement, weighted 10⁹ on
/// a post weighted 10⁹ (a gap worth 10¹⁸), closed by a course; an assistant a level short
/// of noting, worth 1, which no course builds. 10¹⁸ + 1 is 10¹⁸ in a double, so the whole
/// read as closed: "1 of 2 gaps closed (100.0% of the weighted shortfall)". A gap worth
/// something left open keeps `value_total` above `value_closed`, and the summary below
/// 100%.
#[test]
fn a_gap_left_open_keeps_the_total_above_what_is_closed() {
    let options = karmayogi::AcbpOptions::default()
        .competency_weight("gem-procurement", 1e9)
        .unwrap()
        .position_weight("purchase-officer", 1e9)
        .unwrap();
    department_case(
        "13-gap-open-below-the-total-precision",
        &options,
        "Annual capacity building plan for 2 officers: 1 of 2 gaps closed \
         (>99.9% of the weighted shortfall)",
        |solver, plan| {
            assert_eq!((plan.gaps, plan.gaps_closed), (2, 1), "{solver:?}");
            assert_eq!(plan.value_closed, 1e18, "{solver:?}");
            assert!(plan.value_total > plan.value_closed, "{solver:?}");
        },
    );
}

/// `planning/14`: a postal assistant lacks citizen centricity at level 2, closed by a
/// 10-hour formal e-learning course or by 30 hours of experiential counter shadowing.
/// Under a formal share a formal hour costs `1 / share` selection hours, and
/// `Plan::bound` and `Optimality` speak of selection hours: under a share of 0.5 the
/// e-learning costs 20 (10 hours, `bound` 20, proven optimal: no plan takes fewer than 20
/// selection hours, though this one takes 10 hours); under 0.1 it costs 100 and the
/// shadowing's 30 hours are the optimum. The documentation said a bounded plan's hours
/// were within `1 + gap` of the fewest possible, and the JavaScript package's that no plan
/// took fewer hours than `bound` and that an optimal plan's hours met it.
#[test]
fn a_bound_under_a_formal_share_is_in_selection_hours() {
    use karmayogi::{Cohort, LevelPolicy, RecommendOptions};
    let (fw, officers) = case("14-bound-in-selection-hours");
    let cohort = Cohort::from_json(&fw, &officers, &LevelPolicy::default()).unwrap();
    let profile = cohort.profile(0).unwrap();
    for solver in CASE_10_SOLVERS {
        for (share, course, hours, selection) in [
            (0.5, "citizen-charter", 10.0, 20.0),
            (0.1, "counter-shadowing", 30.0, 30.0),
        ] {
            let options = RecommendOptions::default()
                .max_formal_share(share)
                .unwrap()
                .solver(solver);
            let plan = fw.recommend(&profile, "po-assistant", &options).unwrap();
            let steps: Vec<&str> = plan.steps.iter().map(|s| s.course.as_str()).collect();
            assert_eq!(steps, [course], "{solver:?}, share {share}");
            assert_eq!(plan.total_hours, hours, "{solver:?}, share {share}");
            assert_eq!(plan.bound, selection, "{solver:?}, share {share}");
            assert_eq!(plan.optimality, Optimality::Optimal, "{solver:?}");
        }
    }
}

/// Asserts that every course of `courses` (in learning order) comes after each of its
/// prerequisites.
#[track_caller]
fn prerequisites_first<'a>(
    fw: &karmayogi::Framework,
    courses: impl IntoIterator<Item = &'a str>,
    what: &str,
) {
    let mut placed: Vec<&str> = Vec::new();
    for c in courses {
        for p in &fw.course(c).unwrap().prerequisites {
            assert!(
                placed.contains(&p.as_str()),
                "{what}: {c} without its prerequisite {p} before it, after {placed:?}"
            );
        }
        placed.push(c);
    }
}

/// `planning/15`: a section officer lacks budgeting, public procurement and grievance
/// handling; each is closed by a course at the end of a web of 5-hour prerequisites (45,
/// 40 and 55 hours with them, no two within 50). Under a budget of 45 hours the plan took
/// the procurement course (`do_113411`) with its prerequisites and grievance redressal
/// (`do_113408`) without establishment matters (`do_113413`), its prerequisite, and that
/// one's own leave and service rules: 45 hours of a plan that needs 55, with every solver
/// and in a department plan (under a budget or an officer's cap of 45). The candidates no
/// plan within the budget can hold are set aside before the budgeted search, and a
/// dependant of one set aside must be too; once the walks of the closures had spent their
/// allowance, the candidates after them were no longer looked at, so grievance redressal
/// stayed while establishment matters went, and the restricted instance lost the
/// prerequisite.
#[test]
fn a_budget_never_drops_a_prerequisite_from_a_plan() {
    use karmayogi::{AcbpOptions, Cohort, LevelPolicy, RecommendOptions};
    let (fw, officers) = case("15-prerequisite-dropped-under-a-budget");
    let cohort = Cohort::from_json(&fw, &officers, &LevelPolicy::default()).unwrap();
    let profile = cohort.profile(0).unwrap();
    for solver in CASE_10_SOLVERS {
        for budget in [45.0, 50.0] {
            let options = RecommendOptions::default()
                .budget(budget)
                .unwrap()
                .solver(solver);
            let plan = fw.recommend(&profile, "so-admin", &options).unwrap();
            let what = format!("{solver:?}, {budget} h");
            prerequisites_first(&fw, plan.steps.iter().map(|s| s.course.as_str()), &what);
            assert!(plan.total_hours <= budget, "{what}");
            // One gap of the three fits, procurement in the fewest hours.
            assert_eq!(
                (plan.closed, plan.total_hours),
                (1, 40.0),
                "{what}:\n{plan}"
            );
            for options in [
                AcbpOptions::default().budget(budget).unwrap(),
                AcbpOptions::default().officer_cap(budget).unwrap(),
            ] {
                let plan = fw
                    .department_plan(&cohort, &options.solver(solver))
                    .unwrap();
                let courses = plan.enrolments[0].courses.iter().map(|c| c.as_str());
                prerequisites_first(&fw, courses, &format!("department, {what}"));
                assert_eq!(plan.gaps_closed, 1, "department, {what}");
            }
        }
    }
}
