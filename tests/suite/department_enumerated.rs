//! Department plans of tiny departments against an enumeration of every combination of
//! the officers' enrolments, in exact arithmetic.
//!
//! Instances: 2–4 officers at one post requiring 2–4 competencies at levels 1–3, each
//! officer holding 0–3 of each; 3–7 courses (at most 5 with four officers) building 1–3
//! competencies at levels 1–3, with 0–2 prerequisites among the courses before them.
//! Hours are tenths from a short list (0.3 to 4, among them 1 and 1.9, so a course closing
//! two gaps can beat two courses closing one each by a tenth of an hour), and competency
//! weights quarters (0.25 to 3, or all 1, so plans of equal value abound); seats of 1–2
//! on half the courses (so which officer takes a seat decides the hours of plans of equal
//! value), some officers holding what the one before holds, and a cap and a budget of
//! 0–6 hours, each drawn or not. Values are counted
//! in quarters and hours in tenths, so the enumeration's optimum (the most value, then the
//! fewest person-hours) is exact.
//!
//! Every solver's plan is checked: feasible (prerequisites first, cap, budget, seats), its
//! value and hours, minimal (every course closes a gap of value no other course of the
//! officer closes, or is a prerequisite of one they take), maximal (no course left out,
//! with its prerequisites, fits the seats, the officer's cap and the budget left and
//! closes more), every open gap's reason true, the bound at least the optimum, `Optimal` meaning the optimum in the
//! fewest person-hours, and a `Bounded` gap of `1 − value / bound`.
//!
//! Cases: `PLAN_ORACLE_CASES`, else 300.

// Values are sums of quarters and hours of tenths, far below 2⁵³ quarters: compared
// exactly.
#![allow(clippy::float_cmp)]

use karmayogi::{
    AcbpOptions, Cohort, CompetencyType, CourseOutcome, DepartmentPlan, LevelPolicy, Mode,
    Optimality, RequirementSpec, RoleSpec, Solver,
};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;

use super::plan_oracle::run;
use crate::support;

const COMPETENCIES: [&str; 4] = ["ca", "cb", "cc", "cd"];
const COURSES: [&str; 7] = ["k0", "k1", "k2", "k3", "k4", "k5", "k6"];
const OFFICERS: [&str; 4] = ["o0", "o1", "o2", "o3"];
/// Course hours, in tenths of an hour.
const TENTHS: [u32; 9] = [3, 5, 10, 10, 15, 19, 20, 25, 40];
/// Competency weights, in quarters.
const QUARTERS: [u32; 6] = [1, 2, 4, 6, 8, 12];

#[derive(Clone, Debug)]
struct Course {
    tenths: u32,
    /// (competency, level), competencies distinct.
    provides: Vec<(usize, u8)>,
    /// Earlier courses, distinct.
    prerequisites: Vec<usize>,
}

#[derive(Clone, Debug)]
struct Dept {
    /// Per competency, the post's level.
    required: Vec<u8>,
    /// Per competency, the weight in quarters (`None`: unweighted, 4 quarters).
    weights: Vec<Option<u32>>,
    courses: Vec<Course>,
    /// Per officer, the level held per competency.
    held: Vec<Vec<u8>>,
    seats: Vec<Option<u32>>,
    /// In tenths of an hour.
    cap: Option<u32>,
    budget: Option<u32>,
}

fn dept() -> impl Strategy<Value = Dept> {
    (2usize..=4, 2usize..=4)
        .prop_flat_map(|(officers, competencies)| {
            let most = if officers == 4 { 5 } else { 7 };
            (Just((officers, competencies)), 3usize..=most)
        })
        .prop_flat_map(|((officers, nc), nk)| {
            let course = |i: usize| {
                (
                    prop::sample::select(TENTHS.to_vec()),
                    vec((0..nc, 1u8..=3), 1..=3),
                    vec(0..i.max(1), if i == 0 { 0..=0 } else { 0..=2 }),
                    prop::bool::weighted(0.4),
                )
                    .prop_map(
                        move |(tenths, mut provides, mut prerequisites, linked)| {
                            let mut seen = Vec::new();
                            provides.retain(|&(c, _)| {
                                let new = !seen.contains(&c);
                                seen.push(c);
                                new
                            });
                            prerequisites.sort_unstable();
                            prerequisites.dedup();
                            if i == 0 || !linked {
                                prerequisites.clear();
                            }
                            Course {
                                tenths,
                                provides,
                                prerequisites,
                            }
                        },
                    )
            };
            (
                vec(1u8..=3, nc),
                prop_oneof![
                    Just(vec![None; nc]),
                    vec(option::of(prop::sample::select(QUARTERS.to_vec())), nc),
                ],
                (0..nk).map(course).collect::<Vec<_>>(),
                vec(vec(prop_oneof![3 => Just(0u8), 2 => 1u8..=3], nc), officers),
                vec(prop::bool::weighted(0.3), officers),
                vec(
                    option::weighted(0.5, prop_oneof![2 => Just(1u32), 1 => Just(2)]),
                    nk,
                ),
                option::weighted(0.4, 0u32..=60),
                option::weighted(0.4, 0u32..=60),
            )
                .prop_map(
                    |(required, weights, courses, mut held, copy, seats, cap, budget)| {
                        // Some officers hold what the one before holds: they bid for the
                        // same seats.
                        for o in (1..held.len()).filter(|&o| copy[o]) {
                            let (before, from) = held.split_at_mut(o);
                            from[0].clone_from(&before[o - 1]);
                        }
                        Dept {
                            required,
                            weights,
                            courses,
                            held,
                            seats,
                            cap,
                            budget,
                        }
                    },
                )
        })
}

/// One officer's gap: its value in quarters and the courses closing it.
struct Gap {
    competency: usize,
    quarters: u64,
    closers: u32,
}

impl Dept {
    fn framework(&self) -> karmayogi::Framework {
        let nc = self.required.len();
        let competencies = (0..nc)
            .map(|c| {
                support::competency(
                    COMPETENCIES[c],
                    c.to_string(),
                    CompetencyType::Functional,
                    [],
                )
            })
            .collect();
        let role = RoleSpec {
            id: "r".into(),
            name: "R".into(),
            activities: Vec::new(),
            requires: (0..nc)
                .map(|c| RequirementSpec::new(COMPETENCIES[c], self.required[c]))
                .collect(),
        };
        let courses = self
            .courses
            .iter()
            .enumerate()
            .map(|(k, c)| {
                support::course_spec(
                    COURSES[k],
                    COURSES[k],
                    f64::from(c.tenths) / 10.0,
                    Mode::Formal,
                    c.provides
                        .iter()
                        .map(|&(comp, level)| CourseOutcome {
                            competency: COMPETENCIES[comp].into(),
                            level: Some(level),
                            level_name: None,
                        })
                        .collect(),
                    c.prerequisites.iter().map(|&p| COURSES[p].into()).collect(),
                )
            })
            .collect();
        let position = support::position("p", "P", "dept", ["r"]);
        let spec = support::framework_spec(
            competencies,
            Vec::new(),
            vec![role],
            vec![position],
            courses,
        );
        karmayogi::Framework::new(spec).expect("a valid framework")
    }

    fn cohort(&self, fw: &karmayogi::Framework) -> Cohort {
        let specs: Vec<_> = self
            .held
            .iter()
            .enumerate()
            .map(|(o, held)| {
                let passbook = (0..held.len())
                    .filter(|&c| held[c] > 0)
                    .map(|c| support::assessed(COMPETENCIES[c], held[c], "2025-01-15"))
                    .collect();
                support::officer(OFFICERS[o], "dept", "p", passbook)
            })
            .collect();
        Cohort::new(fw, &specs, &LevelPolicy::default()).expect("a valid cohort")
    }

    /// The department's options with `solver` (`None`: the default).
    fn options(&self, solver: Option<Solver>) -> AcbpOptions {
        let mut o = AcbpOptions::default();
        if let Some(solver) = solver {
            o = o.solver(solver);
        }
        if let Some(cap) = self.cap {
            o = o.officer_cap(f64::from(cap) / 10.0).unwrap();
        }
        if let Some(budget) = self.budget {
            o = o.budget(f64::from(budget) / 10.0).unwrap();
        }
        for (k, seats) in self.seats.iter().enumerate() {
            if let Some(n) = *seats {
                o = o.seats(COURSES[k], n);
            }
        }
        for (c, w) in self.weights.iter().enumerate() {
            if let Some(q) = *w {
                o = o
                    .competency_weight(COMPETENCIES[c], f64::from(q) / 4.0)
                    .unwrap();
            }
        }
        o
    }

    fn gaps(&self, o: usize) -> Vec<Gap> {
        (0..self.required.len())
            .filter(|&c| self.required[c] > self.held[o][c])
            .map(|c| Gap {
                competency: c,
                quarters: u64::from(self.required[c] - self.held[o][c])
                    * u64::from(self.weights[c].unwrap_or(4)),
                closers: (0..self.courses.len())
                    .filter(|&k| {
                        self.courses[k]
                            .provides
                            .iter()
                            .any(|&(comp, l)| comp == c && l >= self.required[c])
                    })
                    .fold(0, |m, k| m | 1 << k),
            })
            .collect()
    }

    fn tenths(&self, set: u32) -> u32 {
        (0..self.courses.len())
            .filter(|&k| set & 1 << k != 0)
            .map(|k| self.courses[k].tenths)
            .sum()
    }

    /// Course `k` with its prerequisites, transitively.
    fn closure(&self, k: usize) -> u32 {
        let mut set = 1u32 << k;
        for &p in &self.courses[k].prerequisites {
            set |= self.closure(p);
        }
        set
    }

    fn within_cap(&self, tenths: u32) -> bool {
        self.cap.is_none_or(|cap| tenths <= cap)
    }

    fn within_budget(&self, tenths: u32) -> bool {
        self.budget.is_none_or(|budget| tenths <= budget)
    }
}

fn quarters(gaps: &[Gap], set: u32) -> u64 {
    gaps.iter()
        .filter(|g| g.closers & set != 0)
        .map(|g| g.quarters)
        .sum()
}

/// The enumeration: per officer every course set holding its prerequisites within the
/// cap, combined under the budget and the seats. The best plan's (quarters, tenths).
struct Enumeration<'a> {
    dept: &'a Dept,
    /// Per officer: (set, quarters, tenths).
    sets: Vec<Vec<(u32, u64, u32)>>,
    taken: Vec<u32>,
    best: (u64, u32),
}

impl Enumeration<'_> {
    fn new(dept: &Dept) -> Enumeration<'_> {
        let n = dept.courses.len();
        let closures: Vec<u32> = (0..n).map(|k| dept.closure(k)).collect();
        let sets = (0..dept.held.len())
            .map(|o| {
                let gaps = dept.gaps(o);
                (0..1u32 << n)
                    .filter(|&s| (0..n).all(|k| s & 1 << k == 0 || closures[k] & !s == 0))
                    .filter(|&s| dept.within_cap(dept.tenths(s)))
                    .map(|s| (s, quarters(&gaps, s), dept.tenths(s)))
                    .collect()
            })
            .collect();
        Enumeration {
            dept,
            sets,
            taken: vec![0; n],
            best: (0, 0),
        }
    }

    fn go(&mut self, o: usize, value: u64, tenths: u32) {
        if o == self.sets.len() {
            let (best_value, best_tenths) = self.best;
            if value > best_value || (value == best_value && tenths < best_tenths) {
                self.best = (value, tenths);
            }
            return;
        }
        let n = self.dept.courses.len();
        for i in 0..self.sets[o].len() {
            let (set, v, h) = self.sets[o][i];
            let seated = (0..n)
                .all(|k| set & 1 << k == 0 || self.dept.seats[k].is_none_or(|s| self.taken[k] < s));
            if !seated || !self.dept.within_budget(tenths + h) {
                continue;
            }
            (0..n)
                .filter(|&k| set & 1 << k != 0)
                .for_each(|k| self.taken[k] += 1);
            self.go(o + 1, value + v, tenths + h);
            (0..n)
                .filter(|&k| set & 1 << k != 0)
                .for_each(|k| self.taken[k] -= 1);
        }
    }
}

/// The plan's course set per officer, each course after its prerequisites.
fn enrolled(dept: &Dept, plan: &DepartmentPlan<'_>) -> Result<Vec<u32>, TestCaseError> {
    let mut sets = vec![0u32; dept.held.len()];
    for e in &plan.enrolments {
        let o = OFFICERS
            .iter()
            .position(|&x| x == e.officer.as_str())
            .unwrap();
        for course in &e.courses {
            let k = COURSES.iter().position(|&x| x == course.as_str()).unwrap();
            for &p in &dept.courses[k].prerequisites {
                prop_assert!(
                    sets[o] & 1 << p != 0,
                    "{} takes {course} before {}",
                    e.officer,
                    COURSES[p]
                );
            }
            prop_assert!(sets[o] & 1 << k == 0, "{} takes {course} twice", e.officer);
            sets[o] |= 1 << k;
        }
    }
    Ok(sets)
}

fn check(dept: &Dept, plan: &DepartmentPlan<'_>, best: (u64, u32)) -> Result<(), TestCaseError> {
    let n = dept.courses.len();
    let sets = enrolled(dept, plan)?;
    let taken: Vec<u32> = (0..n)
        .map(|k| sets.iter().filter(|&&s| s & 1 << k != 0).count() as u32)
        .collect();
    for k in 0..n {
        prop_assert!(
            dept.seats[k].is_none_or(|s| taken[k] <= s),
            "{} over its seats",
            COURSES[k]
        );
    }
    let total: u32 = sets.iter().map(|&s| dept.tenths(s)).sum();
    prop_assert!(dept.within_budget(total), "{total} tenths over the budget");
    prop_assert!(
        (plan.hours * 10.0 - f64::from(total)).abs() < 1e-6,
        "hours {}",
        plan.hours
    );
    let mut value = 0;
    for (o, &set) in sets.iter().enumerate() {
        let gaps = dept.gaps(o);
        let hours = dept.tenths(set);
        prop_assert!(dept.within_cap(hours), "{} over the cap", OFFICERS[o]);
        value += quarters(&gaps, set);
        for k in (0..n).filter(|&k| set & 1 << k != 0) {
            let required =
                (0..n).any(|d| set & 1 << d != 0 && dept.courses[d].prerequisites.contains(&k));
            let own = quarters(&gaps, set) - quarters(&gaps, set & !(1 << k));
            prop_assert!(
                required || own > 0,
                "{} takes {}, which closes nothing of its own",
                OFFICERS[o],
                COURSES[k]
            );
        }
        for k in (0..n).filter(|&k| set & 1 << k == 0) {
            let add = dept.closure(k) & !set;
            let extra = dept.tenths(add);
            let seated =
                (0..n).all(|j| add & 1 << j == 0 || dept.seats[j].is_none_or(|s| taken[j] < s));
            if seated && dept.within_cap(hours + extra) && dept.within_budget(total + extra) {
                prop_assert!(
                    quarters(&gaps, set | add) == quarters(&gaps, set),
                    "{} could also take {} in {extra} tenths and close more",
                    OFFICERS[o],
                    COURSES[k]
                );
            }
        }
    }
    check_reasons(dept, plan, &sets, &taken)?;
    let value_f = value as f64 / 4.0;
    prop_assert_eq!(plan.value_closed, value_f);
    let (most, fewest) = best;
    prop_assert!(value <= most, "{value} quarters above the optimum {most}");
    prop_assert!(
        plan.bound >= most as f64 / 4.0 - 1e-9,
        "bound {} below the optimum {}",
        plan.bound,
        most as f64 / 4.0
    );
    match plan.optimality {
        Optimality::Optimal => prop_assert!(
            value == most && total == fewest,
            "Optimal with {value} quarters in {total} tenths; the optimum is {most} in {fewest}"
        ),
        Optimality::Bounded { gap } => {
            let want = 1.0 - value_f / plan.bound;
            prop_assert!((gap - want).abs() <= 1e-12, "gap {gap}, expected {want}");
        }
    }
    Ok(())
}

/// Per competency, the gaps closed and open by reason: no course builds it, none to the
/// level, and of the courses closing it (each with its prerequisites not taken), one with
/// seats within the officer's cap (so the budget), none with seats, or every one with seats
/// past the cap.
fn check_reasons(
    dept: &Dept,
    plan: &DepartmentPlan<'_>,
    sets: &[u32],
    taken: &[u32],
) -> Result<(), TestCaseError> {
    let n = dept.courses.len();
    // [closed, no course, level too low, budget, seats, cap]
    let mut want = vec![[0u64; 6]; dept.required.len()];
    for (o, &set) in sets.iter().enumerate() {
        let hours = dept.tenths(set);
        for gap in dept.gaps(o) {
            let c = gap.competency;
            let slot = if gap.closers & set != 0 {
                0
            } else if gap.closers == 0 {
                let built = dept
                    .courses
                    .iter()
                    .any(|k| k.provides.iter().any(|p| p.0 == c));
                if built { 2 } else { 1 }
            } else {
                let mut best = 4;
                for k in (0..n).filter(|&k| gap.closers & 1 << k != 0) {
                    let add = dept.closure(k) & !set;
                    let seated = (0..n)
                        .all(|j| add & 1 << j == 0 || dept.seats[j].is_none_or(|s| taken[j] < s));
                    if seated && dept.within_cap(hours + dept.tenths(add)) {
                        best = 3;
                    } else if seated && best == 4 {
                        best = 5;
                    }
                }
                best
            };
            want[c][slot] += 1;
        }
    }
    prop_assert_eq!(plan.gaps, want.iter().flatten().sum::<u64>());
    for out in &plan.competencies {
        let c = COMPETENCIES
            .iter()
            .position(|&x| x == out.competency.as_str())
            .unwrap();
        let o = out.open;
        let got = [
            out.closed,
            o.no_course,
            o.level_too_low,
            o.budget,
            o.seats,
            o.officer_cap,
        ];
        prop_assert_eq!(
            got,
            want[c],
            "{}: [closed, no course, level, budget, seats, cap]",
            out.competency
        );
        prop_assert_eq!(o.untagged_only + o.completed_only + o.not_prioritised, 0);
    }
    Ok(())
}

fn case(dept: &Dept) -> Result<(), TestCaseError> {
    let fw = dept.framework();
    let cohort = dept.cohort(&fw);
    let mut enumeration = Enumeration::new(dept);
    enumeration.go(0, 0, 0);
    let best = enumeration.best;
    for solver in [
        None,
        Some(Solver::Greedy),
        Some(Solver::Exact { node_limit: 0 }),
        Some(Solver::Exact { node_limit: 3 }),
        Some(Solver::Exact {
            node_limit: 1_000_000,
        }),
    ] {
        let plan = fw.department_plan(&cohort, &dept.options(solver)).unwrap();
        check(dept, &plan, best)
            .map_err(|e| TestCaseError::fail(format!("{e}\n{solver:?}\n{plan:#?}")))?;
    }
    Ok(())
}

/// Every solver's plan of a tiny department against the enumeration.
#[test]
fn tiny_department_plans_match_the_enumeration() {
    run(dept(), 300, |d| case(&d));
}
