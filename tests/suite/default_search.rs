//! What the default solvers' searches prove on small instances, against optima found by an
//! independent MIP solver (`HiGHS` 1.16, on the instances as written here) and by the exact
//! search with a large node limit.
//!
//! `planning/20`–`22` were found by an outside check of the planning claims against `HiGHS`
//! and brute force: random departments of 1–12 officers and 4–17 courses (seats, caps and
//! a budget together), and random learning paths of 10–90 courses swept over budgets. With
//! a fixed cap of `Solver::DEFAULT_NODES` nodes for every size, the default plan of each
//! was short of the optimum, and two closed less with more budget. The optima written in
//! the tests are `HiGHS`'s.

#![allow(clippy::float_cmp)]

use karmayogi::{
    AcbpOptions, Cohort, Framework, LevelPolicy, Optimality, RecommendOptions, Solver, Weights,
};
use proptest::prelude::*;

use super::plan_oracle::run;

/// The framework of the planning case `NN-name` and its cohort.
fn case(name: &str) -> (Framework, String) {
    let fw = Framework::from_json(&crate::support::planning_case(&format!(
        "{name}-framework.json"
    )))
    .unwrap();
    (
        fw,
        crate::support::planning_case(&format!("{name}-officers.json")),
    )
}

/// `planning/20`: four officers, 16 courses of 1–12 hours (7 with a prerequisite), a
/// budget of 39 hours, a cap of 12 per officer, behavioural gaps weighted 2, and seat
/// limits of 1–3 on four courses. The default plan closed 37, `Bounded { gap: 0.051 }`,
/// after 2,000 nodes; the optimum is 38 in 36 person-hours (`HiGHS`), which the search
/// proves in about 12,000 nodes.
#[test]
fn a_small_department_is_searched_through_by_default() {
    let (fw, officers) = case("20-default-department-plan-searched-through");
    let cohort = Cohort::from_json(&fw, &officers, &LevelPolicy::default()).unwrap();
    let options = AcbpOptions::default()
        .budget(39.0)
        .unwrap()
        .officer_cap(12.0)
        .unwrap()
        .weights(Weights::new(2.0, 1.0, 1.0).unwrap())
        .seats("k00", 1)
        .seats("k02", 2)
        .seats("k09", 1)
        .seats("k11", 3);
    let plan = fw.department_plan(&cohort, &options).unwrap();
    assert_eq!(plan.optimality, Optimality::Optimal, "{plan:?}");
    assert_eq!((plan.value_closed, plan.hours), (38.0, 36.0));
    assert!(plan.nodes > 2_000, "{} nodes", plan.nodes);
}

/// `planning/21`: seven officers in three posts (one weighted 3), three competencies
/// (domain weighted 2), eight four-hour courses without prerequisites, four seats a course
/// (two on `k01`, one on `k03`). With 2,000 nodes at most, the default closed 45 within 16
/// hours (proven) but 42 within 18 and 45 within 22 (unproven), where the 16-hour and
/// 20-hour plans fit. `HiGHS`'s optima for budgets 14 to 24 are below; the default now
/// proves each, so more budget never closes less.
#[test]
fn more_budget_never_closes_less_in_a_small_department() {
    let (fw, officers) = case("21-more-budget-closes-no-less");
    let cohort = Cohort::from_json(&fw, &officers, &LevelPolicy::default()).unwrap();
    // (budget, most value, fewest person-hours for it), from `HiGHS`.
    let optima = [
        (14.0, 39.0, 12.0),
        (16.0, 45.0, 16.0),
        (18.0, 45.0, 16.0),
        (20.0, 48.0, 20.0),
        (22.0, 48.0, 20.0),
        (24.0, 51.0, 24.0),
    ];
    let mut before = 0.0;
    for (budget, value, hours) in optima {
        let options = AcbpOptions::default()
            .budget(budget)
            .unwrap()
            .weights(Weights::new(1.0, 1.0, 2.0).unwrap())
            .position_weight("p1", 3.0)
            .unwrap()
            .default_seats(4)
            .seats("k01", 2)
            .seats("k03", 1);
        let plan = fw.department_plan(&cohort, &options).unwrap();
        assert_eq!(plan.optimality, Optimality::Optimal, "budget {budget}");
        assert_eq!(
            (plan.value_closed, plan.hours),
            (value, hours),
            "budget {budget}"
        );
        assert!(plan.value_closed >= before, "budget {budget}");
        before = plan.value_closed;
    }
}

/// `planning/22`: one officer short of 19 competencies, 68 courses (16 with a
/// prerequisite), default weights. With 2,000 nodes the default closed 39 within 78
/// hours and within 80 (proven) but 37 within 79.5, `Bounded { gap: 0.051 }`; `HiGHS` finds
/// 39 in 78 hours at all three (and 40 in 89 hours within 90).
#[test]
fn more_budget_never_closes_less_on_a_small_learning_path() {
    let (fw, officers) = case("22-budgeted-path-searched-through");
    let cohort = Cohort::from_json(&fw, &officers, &LevelPolicy::default()).unwrap();
    let profile = cohort.profile(1).unwrap();
    let mut before = 0.0;
    for (budget, value, hours) in [
        (78.0, 39.0, 78.0),
        (79.5, 39.0, 78.0),
        (80.0, 39.0, 78.0),
        (90.0, 40.0, 89.0),
    ] {
        let options = RecommendOptions::default().budget(budget).unwrap();
        let plan = fw.recommend(&profile, "p", &options).unwrap();
        assert_eq!(plan.optimality, Optimality::Optimal, "budget {budget}");
        assert_eq!(
            (plan.value_closed, plan.total_hours),
            (value, hours),
            "budget {budget}"
        );
        assert!(plan.value_closed >= before, "budget {budget}");
        before = plan.value_closed;
        // The exact search with a limit below the default's is not widened.
        let few = options.solver(Solver::Exact { node_limit: 10 });
        assert!(fw.recommend(&profile, "p", &few).unwrap().nodes <= 20);
    }
}

/// A random department: `officers` officers in two posts over `competencies` competencies,
/// `courses` courses (each closing one or two competencies at a level of 2–5, 1–9 hours,
/// some after an earlier course), held levels 0–4, and the options drawn beside it.
/// A course: its hours, the competencies it closes at a level, and its prerequisite.
type Course = (u32, Vec<(usize, u8)>, Option<usize>);

#[derive(Clone, Debug)]
struct Small {
    competencies: usize,
    courses: Vec<Course>,
    required: [Vec<u8>; 2],
    officers: Vec<(usize, Vec<u8>)>,
    budget: Option<u32>,
    cap: Option<u32>,
    seats: Option<u32>,
}

fn small(max_officers: usize, max_courses: usize) -> impl Strategy<Value = Small> {
    (2..=4usize, 1..=max_courses, 1..=max_officers).prop_flat_map(move |(nc, m, n)| {
        let course = (
            1..=9u32,
            proptest::collection::vec((0..nc, 2..=5u8), 1..=2),
            proptest::option::weighted(0.25, 0..m),
        );
        (
            proptest::collection::vec(course, m),
            [
                proptest::collection::vec(0..=5u8, nc),
                proptest::collection::vec(0..=5u8, nc),
            ],
            proptest::collection::vec((0..2usize, proptest::collection::vec(0..=4u8, nc)), n),
            proptest::option::of(0..=(6 * n as u32)),
            proptest::option::of(2..=12u32),
            proptest::option::of(1..=3u32),
        )
            .prop_map(move |(courses, required, officers, budget, cap, seats)| {
                // A prerequisite only on an earlier course, so the catalogue has no cycle.
                let courses = courses
                    .into_iter()
                    .enumerate()
                    .map(|(i, (h, mut p, pre))| {
                        // A course names each competency once.
                        p.dedup_by_key(|x| x.0);
                        (h, p, pre.filter(|&j| j < i))
                    })
                    .collect();
                Small {
                    competencies: nc,
                    courses,
                    required,
                    officers,
                    budget,
                    cap,
                    seats,
                }
            })
    })
}

impl Small {
    fn framework(&self) -> Framework {
        let comps: Vec<String> = (0..self.competencies)
            .map(|c| format!(r#"{{"id": "c{c}", "name": "C{c}", "type": "functional"}}"#))
            .collect();
        let roles: Vec<String> = (0..2)
            .map(|r| {
                let requires: Vec<String> = (0..self.competencies)
                    .filter(|&c| self.required[r][c] > 0)
                    .map(|c| {
                        format!(
                            r#"{{"competency": "c{c}", "level": {}}}"#,
                            self.required[r][c]
                        )
                    })
                    .collect();
                format!(
                    r#"{{"id": "r{r}", "name": "R{r}", "requires": [{}]}}"#,
                    requires.join(",")
                )
            })
            .collect();
        let courses: Vec<String> = self
            .courses
            .iter()
            .enumerate()
            .map(|(i, (h, provides, pre))| {
                let provides: Vec<String> = provides
                    .iter()
                    .map(|(c, l)| format!(r#"{{"competency": "c{c}", "level": {l}}}"#))
                    .collect();
                let pre = pre.map_or(String::new(), |j| format!(r#""k{j}""#));
                format!(
                    r#"{{"id": "k{i}", "name": "K{i}", "hours": {h}, "provides": [{}], "prerequisites": [{pre}]}}"#,
                    provides.join(",")
                )
            })
            .collect();
        Framework::from_json(&format!(
            r#"{{"format_version": 1, "competencies": [{}], "roles": [{}],
               "positions": [{{"id": "p0", "name": "P0", "department": "d", "roles": ["r0"]}},
                             {{"id": "p1", "name": "P1", "department": "d", "roles": ["r1"]}}],
               "courses": [{}]}}"#,
            comps.join(","),
            roles.join(","),
            courses.join(",")
        ))
        .unwrap()
    }

    fn cohort(&self, fw: &Framework) -> Cohort {
        let officers: Vec<String> = self
            .officers
            .iter()
            .enumerate()
            .map(|(o, (p, held))| {
                let passbook: Vec<String> = (0..self.competencies)
                    .filter(|&c| held[c] > 0)
                    .map(|c| {
                        format!(
                            r#"{{"competency": "c{c}", "level": {}, "source": "assessment", "date": "2024-01-01"}}"#,
                            held[c]
                        )
                    })
                    .collect();
                format!(
                    r#"{{"id": "o{o}", "department": "d", "position": "p{p}", "passbook": [{}]}}"#,
                    passbook.join(",")
                )
            })
            .collect();
        Cohort::from_json(
            fw,
            &format!(
                r#"{{"format_version": 1, "officers": [{}]}}"#,
                officers.join(",")
            ),
            &LevelPolicy::default(),
        )
        .unwrap()
    }

    fn options(&self) -> AcbpOptions {
        let mut options = AcbpOptions::default();
        if let Some(b) = self.budget {
            options = options.budget(f64::from(b)).unwrap();
        }
        if let Some(c) = self.cap {
            options = options.officer_cap(f64::from(c)).unwrap();
        }
        if let Some(s) = self.seats {
            options = options.default_seats(s);
        }
        options
    }

    /// At least the department's size as the default search counts it: each officer's
    /// candidate courses (at most every course) and gaps (at most every competency).
    fn size_at_most(&self) -> usize {
        self.officers.len() * (self.courses.len() + self.competencies)
    }
}

/// The default plan against the exact search's optimum: proven optimal, or its `Bounded`
/// gap true; and proven whenever the department's size is at most 16, as
/// `Framework::department_plan` says.
fn default_plan_is_proven_or_truly_bounded(d: &Small) -> Result<(), TestCaseError> {
    let fw = d.framework();
    let cohort = d.cohort(&fw);
    let plan = fw.department_plan(&cohort, &d.options()).unwrap();
    let exact = Solver::Exact {
        node_limit: 100_000_000,
    };
    let best = fw
        .department_plan(&cohort, &d.options().solver(exact))
        .unwrap();
    // The most value when the exact search proves it (a gap of 0: the most value, fewer
    // hours for it not ruled out).
    prop_assume!(best.optimality.gap() == 0.0);
    match plan.optimality {
        Optimality::Optimal => {
            prop_assert_eq!(plan.value_closed, best.value_closed);
            if best.optimality == Optimality::Optimal {
                prop_assert!((plan.hours - best.hours).abs() <= 1e-9);
            }
        }
        Optimality::Bounded { gap } => {
            prop_assert!(d.size_at_most() > 16, "size {} unproven", d.size_at_most());
            prop_assert!(plan.value_closed >= (1.0 - gap) * best.value_closed - 1e-9);
        }
    }
    prop_assert!(plan.bound >= best.value_closed - 1e-9);
    Ok(())
}

/// Departments of size 16 or less: always searched through.
#[test]
fn tiny_departments_are_proven_by_default() {
    run(small(2, 3), 200, |d| {
        default_plan_is_proven_or_truly_bounded(&d)
    });
}

/// Departments of up to 6 officers and 8 courses: proven, or within their stated gap.
#[test]
fn small_departments_are_proven_or_truly_bounded_by_default() {
    run(small(6, 8), 40, |d| {
        default_plan_is_proven_or_truly_bounded(&d)
    });
}
