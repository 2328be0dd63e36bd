//! Learning paths for arbitrary targets (`Framework::recommend_targets`) against an
//! enumeration of every prerequisite-closed course subset, written here without the crate's
//! solvers.
//!
//! Instances are tiny (at most four competencies and eight courses) and drawn to reach what
//! the post-based oracle (`plan_oracle`) draws rarely: hours in tenths and quarters that
//! tie and round (`0.1 + 0.2`), targets already met or exceeded, courses completed in the
//! middle of a prerequisite chain or diamond, a course id order unlike the learning order,
//! a term cap with a budget and a 70-20-10 share at once, and every solver. Each plan is
//! checked against the laws of `Framework::recommend`: feasible, within the budget,
//! optimal when it says so (fewest selection hours among plans of equal value), its bound
//! on the right side of the optimum, minimal, maximal under a budget, every open gap's
//! reason true, every total, terms within the cap (a longer course alone) with each course
//! in the earliest term after its prerequisites' that has room for it, and each gap
//! credited to the first step closing it.
//!
//! Cases: `PLAN_ORACLE_CASES`, else 200 (a few seconds in debug mode).

#![allow(clippy::float_cmp)]

use karmayogi::{
    CompetencyType, CourseOutcome, Framework, Level, Mode, OpenReason, Optimality, Plan,
    RecommendOptions, Solver, Target, UntaggedLevel,
};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use crate::support;

const COMPETENCIES: [&str; 4] = ["t-law", "c-data", "p-risk", "a-lead"];
/// Course ids in an order unlike their generation (and prerequisite) order.
const COURSES: [&str; 8] = ["m5", "b2", "x9", "a0", "k4", "d1", "z8", "c3"];
const MODES: [Mode; 3] = [Mode::Formal, Mode::Social, Mode::Experiential];
const HOURS: [f64; 12] = [
    0.1, 0.2, 0.3, 0.25, 0.5, 1.0, 1.0, 2.0, 3.0, 5e-13, 10_000.0, 5e-13,
];
const WEIGHTS: [f64; 8] = [0.0, 0.1, 0.2, 0.3, 0.6, 1.0, 2.0, 3.0];
const TOL: f64 = 1e-9;
const SOLVERS: [Solver; 5] = [
    Solver::Greedy,
    Solver::Exact { node_limit: 0 },
    Solver::Exact { node_limit: 2 },
    Solver::Exact {
        node_limit: Solver::DEFAULT_NODES,
    },
    Solver::Exact {
        node_limit: 1_000_000,
    },
];

#[derive(Clone, Debug)]
struct Course {
    hours: f64,
    mode: usize,
    /// (competency, level; `None` untagged), competencies distinct.
    provides: Vec<(usize, Option<u8>)>,
    /// Earlier courses, distinct.
    prerequisites: Vec<usize>,
}

#[derive(Clone, Debug)]
struct Case {
    /// Per competency: (current, required), or none.
    targets: Vec<Option<(u8, u8)>>,
    courses: Vec<Course>,
    completed: Vec<bool>,
    assume: Option<u8>,
    /// Competency weights, decimals among them (0.1 + 0.2 is not 0.3 in binary).
    weights: Vec<Option<f64>>,
    budget: Option<f64>,
    /// Tenths of an hour.
    term: Option<u32>,
    share: Option<f64>,
}

fn case() -> impl Strategy<Value = Case> {
    (1usize..=4, 0usize..=8).prop_flat_map(|(nc, nk)| {
        let course = move |i: usize| {
            (
                0..HOURS.len(),
                0usize..3,
                vec((0..nc, option::weighted(0.85, 1u8..=5)), 1..=3),
                vec(0..i.max(1), if i == 0 { 0..=0 } else { 0..=2 }),
            )
                .prop_map(move |(h, mode, mut provides, mut prerequisites)| {
                    let mut seen = Vec::new();
                    provides.retain(|p| {
                        let fresh = !seen.contains(&p.0);
                        seen.push(p.0);
                        fresh
                    });
                    prerequisites.sort_unstable();
                    prerequisites.dedup();
                    if i == 0 {
                        prerequisites.clear();
                    }
                    Course {
                        hours: HOURS[h],
                        mode,
                        provides,
                        prerequisites,
                    }
                })
        };
        (
            vec(option::weighted(0.8, (0u8..=5, 1u8..=5)), nc),
            (0..nk).map(course).collect::<Vec<_>>(),
            vec(prop::bool::weighted(0.2), nk),
            option::weighted(0.2, 1u8..=5),
            vec(
                option::weighted(0.4, prop::sample::select(WEIGHTS.to_vec())),
                nc,
            ),
            option::weighted(
                0.5,
                prop_oneof![
                    3 => (0u32..=40).prop_map(|q| f64::from(q) / 4.0),
                    1 => prop::sample::select(vec![5e-13, 10_000.0, 10_000.3, 20_001.0]),
                ],
            ),
            option::weighted(0.4, 1u32..=40),
            option::weighted(0.3, prop::sample::select(vec![0.1, 0.3, 0.5, 1.0])),
        )
            .prop_map(
                |(targets, courses, completed, assume, weights, budget, term, share)| Case {
                    targets,
                    courses,
                    completed,
                    assume,
                    weights,
                    budget,
                    term,
                    share,
                },
            )
    })
}

impl Case {
    fn framework(&self) -> Framework {
        let competencies = (0..self.targets.len())
            .map(|c| {
                support::competency(
                    COMPETENCIES[c],
                    format!("C{c}"),
                    CompetencyType::Functional,
                    [],
                )
            })
            .collect();
        let courses = self
            .courses
            .iter()
            .enumerate()
            .map(|(i, k)| {
                support::course_spec(
                    COURSES[i],
                    COURSES[i],
                    k.hours,
                    MODES[k.mode],
                    k.provides
                        .iter()
                        .map(|&(c, level)| CourseOutcome {
                            competency: COMPETENCIES[c].into(),
                            level,
                            level_name: None,
                        })
                        .collect(),
                    k.prerequisites.iter().map(|&p| COURSES[p].into()).collect(),
                )
            })
            .collect();
        let spec =
            support::framework_spec(competencies, Vec::new(), Vec::new(), Vec::new(), courses);
        Framework::new(spec).expect("generated framework is valid")
    }

    fn options(&self, solver: Solver) -> RecommendOptions {
        let mut o = RecommendOptions::default().solver(solver);
        if let Some(l) = self.assume {
            o = o.untagged(UntaggedLevel::Assume(Level::new(l).unwrap()));
        }
        for (c, w) in self.weights.iter().enumerate() {
            if let Some(w) = w {
                o = o.competency_weight(COMPETENCIES[c], *w).unwrap();
            }
        }
        if let Some(b) = self.budget {
            o = o.budget(b).unwrap();
        }
        if let Some(t) = self.term {
            o = o.term_hours(f64::from(t) / 10.0).unwrap();
        }
        if let Some(s) = self.share {
            o = o.max_formal_share(s).unwrap();
        }
        o
    }

    fn done(&self) -> u32 {
        (0..self.courses.len())
            .filter(|&k| self.completed[k])
            .fold(0, |m, k| m | 1 << k)
    }

    /// A course with its pending prerequisites, transitively.
    fn closure(&self, k: usize) -> u32 {
        let done = self.done();
        let mut set = 1u32 << k;
        let mut stack = vec![k];
        while let Some(d) = stack.pop() {
            for &p in &self.courses[d].prerequisites {
                if done & 1 << p == 0 && set & 1 << p == 0 {
                    set |= 1 << p;
                    stack.push(p);
                }
            }
        }
        set
    }

    fn hours(&self, set: u32) -> f64 {
        (0..self.courses.len())
            .filter(|&k| set & 1 << k != 0)
            .map(|k| self.courses[k].hours)
            .sum()
    }

    fn cost(&self, set: u32) -> f64 {
        (0..self.courses.len())
            .filter(|&k| set & 1 << k != 0)
            .map(|k| match self.share {
                Some(s) if self.courses[k].mode == 0 => self.courses[k].hours / s,
                _ => self.courses[k].hours,
            })
            .sum()
    }

    /// The level course `k` brings competency `c` to, under the untagged rule.
    fn reach(&self, k: usize, c: usize) -> Option<u8> {
        self.courses[k]
            .provides
            .iter()
            .find(|p| p.0 == c)
            .and_then(|p| p.1.or(self.assume))
    }

    /// The gaps: (competency, current, required, value, closers including completed).
    fn gaps(&self) -> Vec<(usize, u8, u8, f64, u32)> {
        let mut order: Vec<usize> = (0..self.targets.len()).collect();
        order.sort_by_key(|&c| COMPETENCIES[c]);
        order
            .into_iter()
            .filter_map(|c| {
                let (current, required) = self.targets[c]?;
                (required > current).then(|| {
                    let closers = (0..self.courses.len())
                        .filter(|&k| self.reach(k, c).is_some_and(|l| l >= required))
                        .fold(0, |m, k| m | 1 << k);
                    let w = self.weights[c].unwrap_or(1.0);
                    (
                        c,
                        current,
                        required,
                        f64::from(required - current) * w,
                        closers,
                    )
                })
            })
            .collect()
    }
}

#[allow(clippy::too_many_lines)] // one plan, checked law by law against the enumeration
fn check(case: &Case, plan: &Plan<'_>) -> Result<(), TestCaseError> {
    let n = case.courses.len();
    let done = case.done();
    let gaps = case.gaps();
    let steps: Vec<usize> = plan
        .steps
        .iter()
        .map(|s| {
            COURSES
                .iter()
                .position(|&c| c == s.course.as_str())
                .unwrap()
        })
        .collect();
    let set = steps.iter().fold(0u32, |m, &k| m | 1 << k);
    prop_assert_eq!(set.count_ones() as usize, steps.len());
    prop_assert_eq!(set & done, 0, "a completed course");
    for (i, &k) in steps.iter().enumerate() {
        for &p in &case.courses[k].prerequisites {
            if done & 1 << p == 0 {
                let at = steps.iter().position(|&d| d == p);
                prop_assert!(
                    at.is_some_and(|at| at < i),
                    "{} before {}",
                    COURSES[k],
                    COURSES[p]
                );
            }
        }
    }
    let hours = case.hours(set);
    prop_assert!((plan.total_hours - hours).abs() <= 1e-6);
    let budget = case.budget;
    if let Some(b) = budget {
        prop_assert!(hours <= b + TOL, "{hours} h over {b}");
    }
    let covers = |s: u32| -> u64 {
        gaps.iter()
            .enumerate()
            .filter(|g| g.1.4 & s != 0)
            .fold(0, |m, (i, _)| m | 1 << i)
    };
    let value = |g: u64| -> f64 {
        (0..gaps.len())
            .filter(|i| g & 1 << i != 0)
            .map(|i| gaps[i].3)
            .sum()
    };
    let covered = covers(set);
    prop_assert!((plan.value_closed - value(covered)).abs() <= TOL * (1.0 + value(covered)));
    prop_assert_eq!(plan.closed, covered.count_ones() as usize);
    // Each gap credited to the first step that closes it.
    let mut credited = 0u64;
    for (s, &k) in plan.steps.iter().zip(&steps) {
        let first = covers(1 << k) & !credited;
        credited |= first;
        let got: Vec<&str> = s.closes.iter().map(|c| c.competency.as_str()).collect();
        let want: Vec<&str> = (0..gaps.len())
            .filter(|i| first & 1 << i != 0)
            .map(|i| COMPETENCIES[gaps[i].0])
            .collect();
        prop_assert_eq!(got, want, "what {} closes", s.course);
    }
    // Every prerequisite-closed subset of the courses not completed.
    let closures: Vec<u32> = (0..n).map(|k| case.closure(k)).collect();
    let sets: Vec<u32> = (0..1u32 << n)
        .filter(|&s| s & done == 0 && (0..n).all(|k| s & 1 << k == 0 || closures[k] & !s == 0))
        .collect();
    let closable = |g: &(usize, u8, u8, f64, u32)| g.4 & !done != 0;
    let want: u64 = (0..gaps.len())
        .filter(|&i| closable(&gaps[i]) && gaps[i].3 > 0.0)
        .fold(0, |m, i| m | 1 << i);
    let left = budget.map(|b| b - hours);
    // Open gaps and their reasons.
    let mut want_open = Vec::new();
    for (i, g) in gaps.iter().enumerate() {
        if covered & 1 << i != 0 {
            continue;
        }
        let reason = if !closable(g) {
            let levels: Vec<Option<u8>> = (0..n)
                .filter(|&k| case.courses[k].provides.iter().any(|p| p.0 == g.0))
                .map(|k| case.reach(k, g.0))
                .collect();
            if levels.is_empty() {
                OpenReason::NoCourse
            } else if g.4 != 0 {
                OpenReason::CompletedOnly
            } else if let Some(&best) = levels.iter().flatten().max() {
                OpenReason::LevelTooLow {
                    best: Level::new(best).unwrap(),
                }
            } else {
                OpenReason::UntaggedOnly
            }
        } else if g.3 <= 0.0 {
            OpenReason::NotPrioritised
        } else {
            let Some(left) = left else {
                return Err(TestCaseError::fail(format!(
                    "least hours leaves {} open",
                    COMPETENCIES[g.0]
                )));
            };
            for k in (0..n).filter(|&k| g.4 & !done & 1 << k != 0) {
                let add = closures[k] & !set;
                prop_assert!(
                    case.hours(add) > left + TOL,
                    "{} over the budget, but {} fits in {left} h",
                    COMPETENCIES[g.0],
                    COURSES[k]
                );
            }
            OpenReason::Budget
        };
        want_open.push((COMPETENCIES[g.0].to_owned(), g.1, g.2, reason));
    }
    let got_open = support::open_rows(&plan.open);
    prop_assert_eq!(got_open, want_open);
    // Minimal, and maximal under a budget.
    for k in (0..n).filter(|&k| set & 1 << k != 0) {
        let needed = steps
            .iter()
            .any(|&d| case.courses[d].prerequisites.contains(&k));
        let own = covers(1 << k) & !covers(set & !(1 << k));
        prop_assert!(needed || value(own) > 0.0, "{} is not needed", COURSES[k]);
    }
    if let Some(left) = left {
        for k in (0..n).filter(|&k| (set | done) & 1 << k == 0) {
            let add = closures[k] & !set;
            if case.hours(add) <= left + TOL {
                prop_assert!(
                    value(covers(add) & !covered) <= 0.0,
                    "{} fits in the {left} h left and closes more",
                    COURSES[k]
                );
            }
        }
    }
    // The optimum and the certificate.
    let cost = case.cost(set);
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-7 * (1.0 + a.abs().max(b.abs()));
    match budget {
        None => {
            prop_assert_eq!(covered & want, want, "a wanted gap left open");
            let least = sets
                .iter()
                .filter(|&&s| covers(s) & want == want)
                .map(|&s| case.cost(s))
                .fold(f64::INFINITY, f64::min);
            prop_assert!(
                plan.bound <= least + 1e-7 * (1.0 + least),
                "bound {} above {least}",
                plan.bound
            );
            match plan.optimality {
                Optimality::Optimal => {
                    prop_assert!(close(cost, least), "optimal {cost}, least {least}");
                }
                Optimality::Bounded { gap } => {
                    prop_assert!(gap > 0.0 && close(gap, cost / plan.bound - 1.0));
                }
            }
        }
        Some(b) => {
            let fits: Vec<u32> = sets
                .iter()
                .copied()
                .filter(|&s| case.hours(s) <= b + TOL)
                .collect();
            let best = fits.iter().map(|&s| value(covers(s))).fold(0.0, f64::max);
            let least = fits
                .iter()
                .filter(|&&s| value(covers(s)) >= best - TOL)
                .map(|&s| case.cost(s))
                .fold(f64::INFINITY, f64::min);
            prop_assert!(
                plan.bound >= best - 1e-7 * (1.0 + best),
                "bound {} below {best}",
                plan.bound
            );
            match plan.optimality {
                Optimality::Optimal => {
                    prop_assert!(
                        close(plan.value_closed, best),
                        "optimal {} < {best}",
                        plan.value_closed
                    );
                    prop_assert!(close(cost, least), "optimal at {cost}, {best} at {least}");
                }
                Optimality::Bounded { gap } => {
                    prop_assert!((0.0..=1.0).contains(&gap));
                    prop_assert!(close(gap, (1.0 - plan.value_closed / plan.bound).max(0.0)));
                }
            }
        }
    }
    check_terms(case, plan, &steps)
}

fn check_terms(case: &Case, plan: &Plan<'_>, steps: &[usize]) -> Result<(), TestCaseError> {
    let Some(cap) = case.term.map(|t| f64::from(t) / 10.0) else {
        prop_assert!(plan.terms.is_empty() && plan.steps.iter().all(|s| s.term == 0));
        return Ok(());
    };
    // Replays the placement rule: each course in learning order to the earliest term after
    // its prerequisites' with room, a longer course to a term of its own.
    let mut terms: Vec<(f64, bool)> = Vec::new();
    let mut term_of = vec![usize::MAX; case.courses.len()];
    for (s, &k) in plan.steps.iter().zip(steps) {
        let after = case.courses[k]
            .prerequisites
            .iter()
            .filter(|&&p| term_of[p] != usize::MAX)
            .map(|&p| term_of[p] + 1)
            .max()
            .unwrap_or(0);
        prop_assert!(
            s.term as usize > after,
            "{} not after its prerequisites",
            s.course
        );
        let t = s.term as usize - 1;
        term_of[k] = t;
        if terms.len() <= t {
            terms.resize(t + 1, (0.0, false));
        }
        terms[t].0 += s.hours;
        terms[t].1 |= s.hours > cap + 1e-9;
    }
    prop_assert_eq!(plan.terms.len(), terms.len());
    for (t, (got, want)) in plan.terms.iter().zip(&terms).enumerate() {
        prop_assert!((got.hours - want.0).abs() <= 1e-6, "term {} hours", t + 1);
        prop_assert_eq!(got.over_cap, want.1, "term {} over the cap", t + 1);
        let alone = plan
            .steps
            .iter()
            .filter(|s| s.term as usize == t + 1)
            .count();
        prop_assert!(alone > 0 && (!want.1 || alone == 1));
        prop_assert!(
            want.1 || want.0 <= cap + 1e-6,
            "term {} of {} h over {cap}",
            t + 1,
            want.0
        );
    }
    Ok(())
}

fn run_case(case: &Case) -> Result<(), TestCaseError> {
    let fw = case.framework();
    let targets: Vec<Target> = case
        .targets
        .iter()
        .enumerate()
        .filter_map(|(c, t)| {
            t.map(|(current, required)| Target {
                competency: COMPETENCIES[c].into(),
                current: Level::new(current).unwrap(),
                required: Level::new(required).unwrap(),
            })
        })
        .collect();
    let completed: Vec<karmayogi::CourseId> = (0..case.courses.len())
        .filter(|&k| case.completed[k])
        .map(|k| COURSES[k].into())
        .collect();
    for solver in SOLVERS {
        let plan = fw
            .recommend_targets(&targets, &completed, &case.options(solver))
            .unwrap();
        check(case, &plan).map_err(|e| TestCaseError::fail(format!("{e}\n{solver:?}\n{plan}")))?;
    }
    Ok(())
}

#[test]
fn learning_paths_for_targets_match_an_enumeration() {
    let cases = std::env::var("PLAN_ORACLE_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    if let Err(e) = runner.run(&case(), |c| run_case(&c)) {
        panic!("{e}");
    }
}
