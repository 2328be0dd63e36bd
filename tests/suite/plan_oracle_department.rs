//! Department plans under every option combination, against a brute-force oracle over
//! every combination of the officers' course subsets.
//!
//! Instances are those of `plan_oracle` with at most 7 courses and 3 officers. Options:
//! a budget of 0–40 hours (a quarter unbudgeted), an officer cap of 0–20 hours (half the
//! cases), each whole or, half the time, in tenths, seat limits of 0–3 on some courses and default seats of 0–3, type, competency
//! and position weights 0–3 (zeros included), the untagged-level rule, and every solver
//! (the default, `Exact` with 0, 1, 3 and 10⁶ nodes). The oracle keeps, per officer, the
//! subsets closed under pending prerequisites that fit the cap and use no course without
//! seats and that no smaller such subset matches in value, then searches every combination
//! under the budget and the seats for the most value, then the fewest person-hours.
//!
//! Every plan is checked: feasible (prerequisites, cap, budget, seats), minimal and maximal
//! per officer (with the seats left), every open gap's reason (per competency) as
//! documented and true for the plan, every total, the certificate (bound at least the
//! optimum, `Optimal` meaning the optimum with the fewest person-hours, `Bounded` gaps
//! consistent), and byte-identical JSON on 1 and 2 threads; and every other field: gaps,
//! gaps closed and their value, the budget, each course run (seats, limit, hours, mode,
//! person-hours; most seats first), the enrolments (by officer id, their posts, courses
//! in learning order), each competency's officers short, closed and levels closed (most
//! officers short first) and the open counts summed.
//!
//! Up to 13 courses and 8 officers without seat limits, the optimum is a knapsack over the
//! officers' best value per tenth of an hour; larger departments (up to 31 courses, seat
//! limits included) are not enumerated, and every solver's bound and proof is checked
//! against every solver's plan. Odd officers are in another department in a fifth of the
//! cases, and the plan is for `dept` alone.
//!
//! Values and hours are summed exactly by `plan_oracle_exact` (sixteenths of a level,
//! tenths of an hour), so that a last property, with type weights as far apart as
//! competency weights (gaps from a sixteenth to 5·10¹⁸), checks `Optimal` too: the most
//! value, exactly below 2⁵³ sixteenths and within 10⁻⁹ beyond, as documented, and no plan
//! worth as much in fewer hours.
//!
//! Cases per property: `PLAN_ORACLE_CASES`, else 150 (with seats, enumerated: up to 7
//! courses and 3 officers, and up to 12 courses and 4 officers), 40 (larger, knapsack)
//! and 30 (not enumerated).

#![allow(clippy::float_cmp)]

use karmayogi::{AcbpOptions, Cohort, DepartmentPlan, LevelPolicy, Optimality, Solver, Weights};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;

use super::plan_oracle::{
    COMPETENCIES, COURSES, EXTREME, Instance, OFFICERS, Oracle, POSITIONS, instance, run,
};
use super::plan_oracle_exact::{self as exact, Exact, Frontier};

const TOL: f64 = 1e-9;

#[derive(Clone, Debug)]
struct Constraints {
    budget: Option<f64>,
    cap: Option<f64>,
    seats: Vec<Option<u32>>,
    default_seats: Option<u32>,
    type_weights: Option<[u32; 3]>,
    competency_weights: Vec<Option<u32>>,
    position_weights: Vec<Option<u32>>,
    assume: Option<u8>,
    /// Odd officers in another department, and the plan for `dept` only.
    filter: bool,
    /// Competency weights read as codes into [`EXTREME`] rather than as themselves.
    extreme: bool,
    /// Type weights read as codes into [`EXTREME`] too (gaps worth 10¹⁸ beside a
    /// sixteenth: sums a double rounds).
    beyond: bool,
}

/// Up to `max` hours in tenths: whole hours or, half the time, any tenth.
fn tenths(max: u32) -> impl Strategy<Value = f64> {
    prop_oneof![
        (0..=max).prop_map(f64::from),
        (0..=max * 10).prop_map(|t| f64::from(t) / 10.0)
    ]
}

fn constraints() -> impl Strategy<Value = Constraints> {
    (
        option::weighted(0.75, tenths(40)),
        option::weighted(0.5, tenths(20)),
        vec(option::weighted(0.3, 0u32..=3), 13),
        option::weighted(0.15, 0u32..=3),
        option::weighted(0.3, [0u32..=3, 0u32..=3, 0u32..=3]),
        vec(option::weighted(0.25, 0u32..=3), 12),
        vec(option::weighted(0.25, 0u32..=3), 3),
        option::weighted(0.25, 1u8..=5),
        prop::bool::weighted(0.2),
    )
        .prop_map(
            |(budget, cap, seats, default_seats, type_weights, cw, pw, assume, filter)| {
                Constraints {
                    budget,
                    cap,
                    seats,
                    default_seats,
                    type_weights,
                    competency_weights: cw,
                    position_weights: pw,
                    assume,
                    filter,
                    extreme: false,
                    beyond: false,
                }
            },
        )
}

impl Constraints {
    fn competency_weight(&self, c: usize) -> f64 {
        match self.competency_weights[c] {
            None => 1.0,
            Some(w) if self.extreme => EXTREME[w as usize],
            Some(w) => f64::from(w),
        }
    }

    fn type_weight(&self, kind: usize) -> f64 {
        match self.type_weights {
            None => 1.0,
            Some(w) if self.beyond => EXTREME[w[kind] as usize],
            Some(w) => f64::from(w[kind]),
        }
    }

    /// A gap's value in sixteenths of a level, exactly: type and competency weights are
    /// whole numbers or quarters.
    fn exact(&self, inst: &Instance, position: usize, c: usize, shortfall: u8) -> u128 {
        // Weights are at most 10⁹: four times one is a whole number a `u128` holds.
        #[allow(clippy::cast_sign_loss, clippy::cast_possible_truncation)]
        let quarters = |w: f64| {
            let q = w * 4.0;
            assert!(
                q >= 0.0 && q.fract() == 0.0 && q < 1e12,
                "a weight of {w} is not a whole number of quarters up to 10⁹"
            );
            q as u128
        };
        u128::from(shortfall)
            * quarters(self.type_weight(inst.kinds[c]))
            * quarters(self.competency_weight(c))
            * u128::from(self.position_weights[position].unwrap_or(1))
    }

    fn seat_limit(&self, k: usize) -> Option<u32> {
        self.seats[k].or(self.default_seats)
    }

    fn value(&self, inst: &Instance, position: usize, c: usize, shortfall: u8) -> f64 {
        f64::from(shortfall)
            * self.type_weight(inst.kinds[c])
            * self.competency_weight(c)
            * self.position_weights[position].map_or(1.0, f64::from)
    }

    fn options(&self, inst: &Instance, solver: Solver, threads: usize) -> AcbpOptions {
        let mut o = AcbpOptions::default().solver(solver).threads(threads);
        if self.filter {
            o = o.department("dept");
        }
        if let Some(b) = self.budget {
            o = o.budget(b).unwrap();
        }
        if let Some(c) = self.cap {
            o = o.officer_cap(c).unwrap();
        }
        if let Some(d) = self.default_seats {
            o = o.default_seats(d);
        }
        for (k, seats) in self.seats.iter().enumerate().take(inst.courses.len()) {
            if let Some(n) = *seats {
                o = o.seats(COURSES[k], n);
            }
        }
        if self.type_weights.is_some() {
            let [b, f, d] = [0, 1, 2].map(|kind| self.type_weight(kind));
            o = o.weights(Weights::new(b, f, d).unwrap());
        }
        let weights = self.competency_weights.iter().enumerate();
        for (c, w) in weights.take(inst.kinds.len()) {
            if w.is_some() {
                o = o
                    .competency_weight(COMPETENCIES[c], self.competency_weight(c))
                    .unwrap();
            }
        }
        let weights = self.position_weights.iter().enumerate();
        for (p, w) in weights.take(inst.required.len()) {
            if let Some(w) = *w {
                o = o.position_weight(POSITIONS[p], f64::from(w)).unwrap();
            }
        }
        if let Some(l) = self.assume {
            let level = karmayogi::Level::new(l).unwrap();
            o = o.untagged(karmayogi::UntaggedLevel::Assume(level));
        }
        o
    }
}

fn fail(what: String) -> TestCaseError {
    TestCaseError::fail(what)
}

fn department_case(inst: &Instance, c: &Constraints) -> Result<(), TestCaseError> {
    let fw = inst.framework();
    let away = |o: usize| c.filter && o % 2 == 1;
    let specs: Vec<_> = (0..inst.officers.len())
        .map(|o| {
            let mut spec = inst.officer_spec(o);
            if away(o) {
                spec.department = "dept-b".into();
            }
            spec
        })
        .collect();
    let members: Vec<usize> = (0..inst.officers.len()).filter(|&o| !away(o)).collect();
    let cohort = Cohort::new(&fw, &specs, &LevelPolicy::default()).unwrap();
    let n = inst.courses.len();
    let oracles: Vec<Oracle<'_>> = members
        .iter()
        .map(|&o| {
            let position = inst.officers[o].position;
            let value = |comp: usize, s: u8| c.value(inst, position, comp, s);
            Oracle::new(inst, o, position, c.assume, value, None)
        })
        .collect();
    let exact: Vec<Exact<'_>> = (members.iter().zip(&oracles))
        .map(|(&o, oracle)| {
            let position = inst.officers[o].position;
            let values = (oracle.gaps.iter())
                .map(|g| c.exact(inst, position, g.competency, g.required - g.current))
                .collect();
            Exact { oracle, values }
        })
        .collect();
    // Every sum of the values is a double, exactly, below 2⁵³ sixteenths; beyond, values
    // are compared within 10⁻⁹ of the plan's (`department_plan`'s docs).
    let total: u128 = exact.iter().flat_map(|e| &e.values).sum();
    let slack = |v: u128| {
        if total < 1 << 53 {
            0
        } else {
            v / 1_000_000_000 + 1
        }
    };
    let limits: Vec<Option<u32>> = (0..n).map(|k| c.seat_limit(k)).collect();
    let optimum = if n > super::plan_oracle::EXHAUSTIVE {
        None
    } else if limits.iter().all(Option::is_none) {
        Some(exact::knapsack(inst, &exact, c.cap, c.budget))
    } else {
        exact::search(inst, &exact, &limits, c.cap, c.budget)
    };
    // (value, exact value, tenths of person-hours, bound, proven) of each solver's plan.
    let mut seen: Vec<(f64, u128, usize, f64, bool)> = Vec::new();
    for solver in [
        Solver::Greedy,
        Solver::Exact { node_limit: 0 },
        Solver::Exact { node_limit: 1 },
        Solver::Exact { node_limit: 3 },
        Solver::Exact {
            node_limit: 1_000_000,
        },
    ] {
        let plan = fw
            .department_plan(&cohort, &c.options(inst, solver, 1))
            .unwrap();
        let (v, h) = check(inst, c, (&members, &oracles), &limits, &plan)
            .and_then(|sets| {
                let v: u128 = exact.iter().zip(&sets).map(|(e, &s)| e.of(s)).sum();
                let h = sets.iter().map(|&s| exact::tenths(inst.hours(s))).sum();
                check_certificate(&plan, (v, h, slack(v)), optimum.as_ref())?;
                Ok((v, h))
            })
            .map_err(|e| fail(format!("{e}\n{solver:?}\n{plan:#?}")))?;
        seen.push((
            plan.value_closed,
            v,
            h,
            plan.bound,
            plan.optimality == Optimality::Optimal,
        ));
        let two = fw
            .department_plan(&cohort, &c.options(inst, solver, 2))
            .unwrap();
        prop_assert_eq!(
            serde_json::to_string(&plan).unwrap(),
            serde_json::to_string(&two).unwrap(),
            "1 and 2 threads differ"
        );
    }
    // Every bound against every plan, and a proven plan the best of all.
    for &(_, value, hours, _, proven) in &seen {
        for &(other_value, other, other_hours, bound, _) in &seen {
            prop_assert!(
                bound >= other_value - TOL * (1.0 + other_value),
                "bound {bound} below a plan's {other_value}"
            );
            if proven {
                prop_assert!(
                    other <= value + slack(value) && (other < value || hours <= other_hours),
                    "proven ({value}, {hours} tenths) beaten by ({other}, {other_hours} tenths), \
                     in sixteenths"
                );
            }
        }
    }
    Ok(())
}

/// Each officer's courses, checked for order and totals.
fn enrolled(
    inst: &Instance,
    (members, oracles): (&[usize], &[Oracle<'_>]),
    plan: &DepartmentPlan<'_>,
) -> Result<Vec<u32>, TestCaseError> {
    let no = members.len();
    prop_assert_eq!(plan.officers, no);
    let mut sets = vec![0u32; no];
    for e in &plan.enrolments {
        let o = members
            .iter()
            .position(|&m| OFFICERS[m] == e.officer.as_str())
            .unwrap_or_else(|| panic!("{} is not planned for", e.officer));
        for (i, k) in e.courses.iter().enumerate() {
            let k = inst.course_index(k.as_str());
            prop_assert!(sets[o] & 1 << k == 0, "{} twice", COURSES[k]);
            sets[o] |= 1 << k;
            for &p in &inst.courses[k].prerequisites {
                if oracles[o].done & 1 << p == 0 {
                    let at = e.courses.iter().position(|d| d.as_str() == COURSES[p]);
                    prop_assert!(
                        at.is_some_and(|at| at < i),
                        "{} takes {} without {} first",
                        OFFICERS[members[o]],
                        COURSES[k],
                        COURSES[p]
                    );
                }
            }
        }
        prop_assert!((e.hours - inst.hours(sets[o])).abs() <= 1e-6);
        prop_assert_eq!(e.gaps_closed, oracles[o].covers(sets[o]).count_ones());
    }
    Ok(sets)
}

fn check(
    inst: &Instance,
    c: &Constraints,
    (members, oracles): (&[usize], &[Oracle<'_>]),
    limits: &[Option<u32>],
    plan: &DepartmentPlan<'_>,
) -> Result<Vec<u32>, TestCaseError> {
    let n = inst.courses.len();
    let sets = enrolled(inst, (members, oracles), plan)?;
    let taken: Vec<u32> = (0..n)
        .map(|k| sets.iter().filter(|&&s| s & 1 << k != 0).count() as u32)
        .collect();
    let total: f64 = sets.iter().map(|&s| inst.hours(s)).sum();
    prop_assert!((plan.hours - total).abs() <= 1e-6);
    let cap = c.cap.unwrap_or(f64::INFINITY);
    let budget = c.budget.unwrap_or(f64::INFINITY);
    prop_assert!(total <= budget + TOL, "{total} h over the budget");
    for (k, (limit, &taken)) in limits.iter().zip(&taken).enumerate() {
        prop_assert!(
            limit.is_none_or(|l| taken <= l),
            "{} has {taken} seats taken",
            COURSES[k]
        );
        let run = plan
            .courses
            .iter()
            .find(|r| r.course.as_str() == COURSES[k]);
        prop_assert_eq!(run.map_or(0, |r| r.seats), taken);
    }
    let mut value = 0.0;
    // Per competency: closed, and open as [no course, level too low, untagged only,
    // completed only, budget, seats, cap, not prioritised].
    let mut closed = vec![0u64; COMPETENCIES.len()];
    let mut open = vec![[0u64; 8]; COMPETENCIES.len()];
    for (o, or) in oracles.iter().enumerate() {
        let set = sets[o];
        prop_assert_eq!(
            set & or.done,
            0,
            "{} retakes a completed course",
            OFFICERS[members[o]]
        );
        let hours = inst.hours(set);
        prop_assert!(hours <= cap + TOL, "{} over the cap", OFFICERS[members[o]]);
        let covered = or.covers(set);
        value += or.value(covered);
        // Minimal.
        prop_assert_eq!(
            or.needless(set).map(|k| COURSES[k]),
            None,
            "{} takes a course that closes nothing needed and is no prerequisite",
            OFFICERS[members[o]]
        );
        // Maximal, and the status of each course left out.
        let mut status = vec![0u8; or.gaps.len()];
        for k in (0..n).filter(|&k| (set | or.done) & 1 << k == 0) {
            let add = inst.closure(k, or.done) & !set;
            let extra = inst.hours(add);
            let seated = (0..n)
                .filter(|&j| add & 1 << j != 0)
                .all(|j| limits[j].is_none_or(|l| taken[j] < l));
            let fits = hours + extra <= cap + TOL;
            if seated && fits && total + extra <= budget + TOL {
                let gain = or.covers(add) & !covered;
                prop_assert!(
                    or.value(gain) <= 0.0,
                    "{} could also take {} ({extra} h) and close {} more",
                    OFFICERS[members[o]],
                    COURSES[k],
                    or.value(gain)
                );
            }
            let s = match (seated, fits) {
                (false, _) => 1,
                (true, false) => 2,
                (true, true) => 3,
            };
            for (i, g) in or.gaps.iter().enumerate() {
                if g.closers & 1 << k != 0 {
                    status[i] = status[i].max(s);
                }
            }
        }
        tally(or, covered, &status, c.assume, (&mut closed, &mut open));
    }
    prop_assert!(
        (plan.value_closed - value).abs() <= TOL * (1.0 + value),
        "closes {}, the gaps closed are worth {value}",
        plan.value_closed
    );
    check_outcomes(plan, &closed, &open)?;
    check_fields(inst, c, (members, oracles), limits, plan, &sets)?;
    Ok(sets)
}

/// Every other field: the totals, each course run, the enrolments' order and learning
/// order, and each competency's counts, against the oracle's gaps.
fn check_fields(
    inst: &Instance,
    c: &Constraints,
    (members, oracles): (&[usize], &[Oracle<'_>]),
    limits: &[Option<u32>],
    plan: &DepartmentPlan<'_>,
    sets: &[u32],
) -> Result<(), TestCaseError> {
    let n = inst.courses.len();
    let gaps: usize = oracles.iter().map(|or| or.gaps.len()).sum();
    prop_assert_eq!(plan.gaps, gaps as u64);
    let closed: u32 = (oracles.iter().zip(sets))
        .map(|(or, &s)| or.covers(s).count_ones())
        .sum();
    prop_assert_eq!(plan.gaps_closed, u64::from(closed));
    let value_total: f64 = oracles.iter().map(|or| or.value(u64::MAX)).sum();
    prop_assert!(
        (plan.value_total - value_total).abs() <= TOL * (1.0 + value_total),
        "value_total {}, gaps worth {value_total}",
        plan.value_total
    );
    prop_assert_eq!(plan.budget, c.budget);
    // The courses run, most seats first, then by id.
    let mut runs: Vec<(u32, &str)> = (0..n)
        .map(|k| {
            let taken = sets.iter().filter(|&&s| s & 1 << k != 0).count() as u32;
            (taken, COURSES[k])
        })
        .filter(|&(taken, _)| taken > 0)
        .collect();
    runs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    let got: Vec<(u32, &str)> = plan
        .courses
        .iter()
        .map(|r| (r.seats, r.course.as_str()))
        .collect();
    prop_assert_eq!(got, runs, "courses run");
    for r in &plan.courses {
        let k = inst.course_index(r.course.as_str());
        prop_assert_eq!(r.name, format!("Course {}", COURSES[k]));
        prop_assert_eq!(r.hours, inst.courses[k].hours);
        prop_assert_eq!(r.mode, super::plan_oracle::MODES[inst.courses[k].mode]);
        prop_assert_eq!(r.seat_limit, limits[k]);
        let person = f64::from(r.seats) * r.hours;
        prop_assert_eq!(r.person_hours, super::plan_claims::round_total(person));
    }
    // Enrolments: officers with a course, by id, each in learning order at their post.
    let mut want: Vec<&str> = (0..members.len())
        .filter(|&o| sets[o] != 0)
        .map(|o| OFFICERS[members[o]])
        .collect();
    want.sort_unstable();
    let got: Vec<&str> = plan.enrolments.iter().map(|e| e.officer.as_str()).collect();
    prop_assert_eq!(got, want, "enrolments");
    for e in &plan.enrolments {
        let o = members
            .iter()
            .position(|&m| OFFICERS[m] == e.officer.as_str())
            .unwrap();
        let post = POSITIONS[inst.officers[members[o]].position];
        prop_assert_eq!(e.position.as_str(), post);
        prop_assert_eq!(e.position_name, format!("Post {post}"));
        // Summed in learning order and rounded as `Plan::total_hours` is.
        let summed = e.courses.iter().fold(0.0, |sum, k| {
            sum + inst.courses[inst.course_index(k.as_str())].hours
        });
        prop_assert_eq!(e.hours, super::plan_claims::round_total(summed));
        let order = super::plan_claims::learning_order(inst, sets[o]);
        let got: Vec<&str> = e.courses.iter().map(|k| k.as_str()).collect();
        let want: Vec<&str> = order.iter().map(|&k| COURSES[k]).collect();
        prop_assert_eq!(got, want, "learning order of {}", e.officer);
    }
    check_competency_rows(inst, oracles, plan, sets)
}

/// Per competency with a gap, most officers short first, then by id: officers short,
/// closed, levels closed, type and name; and the open counts summed over them.
fn check_competency_rows(
    inst: &Instance,
    oracles: &[Oracle<'_>],
    plan: &DepartmentPlan<'_>,
    sets: &[u32],
) -> Result<(), TestCaseError> {
    let mut rows: Vec<(u64, &str, u64, u64)> = Vec::new();
    for (comp, &id) in COMPETENCIES.iter().enumerate().take(inst.kinds.len()) {
        let (mut short, mut shut, mut levels) = (0u64, 0u64, 0u64);
        for (or, &s) in oracles.iter().zip(sets) {
            let covered = or.covers(s);
            for (i, g) in or.gaps.iter().enumerate() {
                if g.competency == comp {
                    short += 1;
                    if covered & 1 << i != 0 {
                        shut += 1;
                        levels += u64::from(g.required - g.current);
                    }
                }
            }
        }
        if short > 0 {
            rows.push((short, id, shut, levels));
        }
    }
    rows.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    let got: Vec<(u64, &str, u64, u64)> = plan
        .competencies
        .iter()
        .map(|r| {
            (
                r.officers_short,
                r.competency.as_str(),
                r.closed,
                r.levels_closed,
            )
        })
        .collect();
    prop_assert_eq!(got, rows, "(short, competency, closed, levels closed)");
    let mut open = karmayogi::OpenCounts::default();
    for r in &plan.competencies {
        let comp = COMPETENCIES
            .iter()
            .position(|&x| x == r.competency.as_str())
            .unwrap();
        prop_assert_eq!(r.kind, karmayogi::CompetencyType::ALL[inst.kinds[comp]]);
        prop_assert_eq!(r.name, format!("Competency {comp}"));
        prop_assert_eq!(r.officers_short, r.closed + r.open.total());
        open.no_course += r.open.no_course;
        open.level_too_low += r.open.level_too_low;
        open.untagged_only += r.open.untagged_only;
        open.completed_only += r.open.completed_only;
        open.budget += r.open.budget;
        open.seats += r.open.seats;
        open.officer_cap += r.open.officer_cap;
        open.not_prioritised += r.open.not_prioritised;
    }
    prop_assert_eq!(plan.open, open);
    Ok(())
}

/// Adds an officer's gaps to the per-competency counts: closed, or open by reason
/// (`status`: the best course left out closing the gap, as in `check`).
fn tally(
    or: &Oracle<'_>,
    covered: u64,
    status: &[u8],
    assume: Option<u8>,
    (closed, open): (&mut [u64], &mut [[u64; 8]]),
) {
    for (i, g) in or.gaps.iter().enumerate() {
        let slot = if covered & 1 << i != 0 {
            closed[g.competency] += 1;
            continue;
        } else if !or.closable(g) {
            match or.reason(g, assume) {
                karmayogi::OpenReason::NoCourse => 0,
                karmayogi::OpenReason::LevelTooLow { .. } => 1,
                karmayogi::OpenReason::UntaggedOnly => 2,
                _ => 3,
            }
        } else if g.value <= 0.0 {
            7
        } else {
            match status[i] {
                3 => 4,
                2 => 6,
                _ => 5,
            }
        };
        open[g.competency][slot] += 1;
    }
}

/// Per competency, the gaps closed and open by reason against the oracle's.
fn check_outcomes(
    plan: &DepartmentPlan<'_>,
    closed: &[u64],
    open: &[[u64; 8]],
) -> Result<(), TestCaseError> {
    for out in &plan.competencies {
        let k = COMPETENCIES
            .iter()
            .position(|&x| x == out.competency.as_str())
            .unwrap();
        let o = out.open;
        let got = [
            o.no_course,
            o.level_too_low,
            o.untagged_only,
            o.completed_only,
            o.budget,
            o.seats,
            o.officer_cap,
            o.not_prioritised,
        ];
        prop_assert_eq!(
            got,
            open[k],
            "{}: [no course, level, untagged, completed, budget, seats, cap, not prioritised]",
            out.competency
        );
        prop_assert_eq!(out.closed, closed[k]);
    }
    Ok(())
}

/// The bound against the optimum (`None`: not enumerated), and what `Optimal` claims: the
/// plan's exact value `value` (sixteenths) within `slack` of the most, and no plan worth
/// as much in fewer than its `tenths` of an hour.
fn check_certificate(
    plan: &DepartmentPlan<'_>,
    (value, tenths, slack): (u128, usize, u128),
    optimum: Option<&Frontier>,
) -> Result<(), TestCaseError> {
    let sixteenths = |v: u128| v as f64 / 16.0;
    if let Some(frontier) = optimum {
        let most = frontier.most();
        prop_assert!(
            value <= most,
            "{value} above the optimum {most} (sixteenths)"
        );
        let optimum = sixteenths(most);
        prop_assert!(
            plan.bound >= optimum - TOL * (1.0 + optimum),
            "bound {} below {optimum}",
            plan.bound
        );
        if plan.optimality == Optimality::Optimal {
            prop_assert!(
                most <= value + slack,
                "optimal at {value}, optimum {most} (sixteenths)"
            );
            let fewest = frontier.fewest_tenths(value);
            prop_assert!(
                fewest == Some(tenths),
                "optimal in {tenths} tenths of an hour, as much ({value} sixteenths) \
                 possible in {fewest:?}"
            );
        }
    }
    if let Optimality::Bounded { gap } = plan.optimality {
        prop_assert!(plan.bound > 0.0);
        let want = 1.0 - plan.value_closed / plan.bound;
        prop_assert!((gap - want).abs() <= 1e-12, "gap {gap}, expected {want}");
    }
    Ok(())
}

/// Larger departments, as real ones are shaped: up to 13 courses and 8 officers, caps and
/// budgets but no seat limits, against the knapsack.
#[test]
fn larger_department_plans_obey_their_laws() {
    let unseated = constraints().prop_map(|mut c| {
        c.seats.iter_mut().for_each(|s| *s = None);
        c.default_seats = None;
        c
    });
    run((instance(13, 8), unseated), 40, |(inst, c)| {
        department_case(&inst, &c)
    });
}

/// Departments too large to enumerate (up to 31 courses, 12 competencies, 8 officers),
/// seat limits included: every law but the optimum's, and every solver's bound and proof
/// against every solver's plan.
#[test]
fn department_plans_too_large_to_enumerate_obey_their_laws() {
    let wide = constraints().prop_map(|mut c| {
        c.seats.resize(31, None);
        c
    });
    run(
        (super::plan_oracle::instance_sized(12, 31, 8), wide),
        30,
        |(inst, c)| department_case(&inst, &c),
    );
}

/// Seat limits, officer caps, budgets, prerequisites and weights at once on catalogues of
/// up to 12 courses and departments of up to 4 officers, every combination enumerated.
#[test]
fn department_plans_of_twelve_courses_with_seats_obey_their_laws() {
    run((instance(12, 4), constraints()), 150, |(inst, c)| {
        department_case(&inst, &c)
    });
}

#[test]
fn every_department_plan_obeys_its_laws_under_every_option() {
    run((instance(7, 3), constraints()), 150, |(inst, c)| {
        department_case(&inst, &c)
    });
}

/// Gaps worth from one to billions of levels in one department: the laws hold whatever
/// the magnitudes (a gap worth 1 beside plans worth 10⁹ is worth something).
#[test]
fn department_plans_obey_their_laws_with_weights_far_apart() {
    let extreme =
        (constraints(), vec(option::weighted(0.8, 0u32..4), 12)).prop_map(|(c, weights)| {
            Constraints {
                competency_weights: weights,
                extreme: true,
                ..c
            }
        });
    run((instance(7, 3), extreme), 150, |(inst, c)| {
        department_case(&inst, &c)
    });
}

/// As [`department_plans_obey_their_laws_with_weights_far_apart`], with type weights as far
/// apart (always given): gaps from a sixteenth of a level to 5·10¹⁸, whose sums a double
/// rounds, against the optimum summed exactly.
#[test]
fn department_plans_obey_their_laws_with_values_beyond_a_double() {
    let beyond = (
        constraints(),
        vec(option::weighted(0.8, 0u32..4), 12),
        [0u32..4, 0u32..4, 0u32..4],
    )
        .prop_map(|(c, weights, types)| Constraints {
            competency_weights: weights,
            type_weights: Some(types),
            extreme: true,
            beyond: true,
            ..c
        });
    run((instance(7, 3), beyond), 150, |(inst, c)| {
        department_case(&inst, &c)
    });
}
