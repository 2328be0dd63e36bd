//! Department plans on the shapes of `plan_shapes` (hours a billionth apart, huge,
//! decimal or uniform; duplicates, chains, diamonds, partial levels), against an
//! enumeration of every officer's every prerequisite-closed course set.
//!
//! Options: a department budget drawn as in `plan_shapes` (0, a sum of course hours, that
//! sum ± 10⁻⁹, ± 2·10⁻⁹ or ± 10⁻¹⁰, tenths), an officer cap of 0, 10⁻⁹, 0.1, 0.3, 1 or
//! 10,000 h (often smaller than every course), 0, 1 or 2 seats for every course or one
//! course, the weights of `plan_shapes`, and the solvers `Greedy`, `Exact` with 0 nodes and
//! with 10⁶.
//!
//! Every plan: seats, caps and budget respected (10⁻⁹ h of room), prerequisites first, no
//! completed course; the value closed exactly; minimal and maximal for every officer;
//! every competency's open gaps counted under the reason that is true for the plan;
//! `bound` at least the most value any plan within the constraints closes; `Optimal`
//! meaning the most value and, for it, the fewest person-hours within the room of
//! `Optimality::Optimal`; `Bounded` within its gap; the same JSON on a second run. Where a
//! sum of hours lies within a few units of the last place of a limit, a set counts as
//! fitting or not either way.
//!
//! Cases: `PLAN_ORACLE_CASES`, else 200.

#![allow(clippy::float_cmp)]

use karmayogi::{
    AcbpOptions, Cohort, DepartmentPlan, LevelPolicy, OpenReason, Optimality, Solver, Weights,
};
use proptest::option;
use proptest::prelude::*;

use super::plan_oracle::{COMPETENCIES, COURSES, Instance, OFFICERS, run};
use super::plan_shapes::{Options, Oracle, fits, options, room, shaped, ulps};

const CAPS: [f64; 6] = [0.0, 1e-9, 0.1, 0.3, 1.0, 10_000.0];

#[derive(Clone, Debug)]
struct Limits {
    cap: Option<usize>,
    /// (seats, every course or only this one).
    seats: Option<(u32, Option<usize>)>,
    budget: bool,
}

fn limits() -> impl Strategy<Value = Limits> {
    (
        option::weighted(0.6, 0..CAPS.len()),
        option::weighted(0.5, (0u32..=2, option::of(0usize..6))),
        prop::bool::weighted(0.6),
    )
        .prop_map(|(cap, seats, budget)| Limits { cap, seats, budget })
}

impl Limits {
    fn seat_limit(&self, k: usize) -> Option<u32> {
        match self.seats {
            Some((s, None)) => Some(s),
            Some((s, Some(j))) if j == k => Some(s),
            _ => None,
        }
    }

    fn acbp(&self, inst: &Instance, opts: &Options, solver: Solver) -> AcbpOptions {
        let mut o = AcbpOptions::default().solver(solver).untagged(
            opts.assume().map_or(karmayogi::UntaggedLevel::Ignore, |l| {
                karmayogi::UntaggedLevel::Assume(karmayogi::Level::new(l).unwrap())
            }),
        );
        if opts.has_type_weights() {
            let [b, f, d] = [0, 1, 2].map(|k| opts.type_weight(k));
            o = o.weights(Weights::new(b, f, d).unwrap());
        }
        for (c, id) in COMPETENCIES.iter().enumerate().take(inst.kinds.len()) {
            if opts.has_competency_weight(c) {
                o = o.competency_weight(*id, opts.competency_weight(c)).unwrap();
            }
        }
        if let Some(c) = self.cap {
            o = o.officer_cap(CAPS[c]).unwrap();
        }
        match self.seats {
            Some((s, None)) => o = o.default_seats(s),
            Some((s, Some(j))) if j < inst.courses.len() => o = o.seats(COURSES[j], s),
            _ => {}
        }
        if self.budget {
            o = o.budget(opts.budget(inst)).unwrap();
        }
        o
    }
}

fn fail(what: String) -> TestCaseError {
    TestCaseError::fail(what)
}

/// The enumeration's optimum: the most value of the plans that surely fit, and its fewest
/// person-hours.
struct Best {
    value: f64,
    hours: f64,
}

fn enumerate(oracles: &[Oracle<'_>], seat_limit: &[Option<u32>], cap: f64, budget: f64) -> Best {
    // Each officer's sets that surely fit the cap.
    let options: Vec<Vec<usize>> = oracles
        .iter()
        .map(|or| {
            (0..or.sets.len())
                .filter(|&i| fits(or.sets[i].hours, cap).0)
                .collect()
        })
        .collect();
    let mut best = Best {
        value: 0.0,
        hours: 0.0,
    };
    let mut pick = vec![0usize; oracles.len()];
    let n = seat_limit.len();
    loop {
        let mut taken = vec![0u32; n];
        let mut hours = 0.0;
        let mut value = 0.0;
        for (o, or) in oracles.iter().enumerate() {
            let s = &or.sets[options[o][pick[o]]];
            for (k, t) in taken.iter_mut().enumerate() {
                *t += u32::from(s.courses & 1 << k != 0);
            }
            hours += s.hours;
            value += s.value;
        }
        let seated = (0..n).all(|k| seat_limit[k].is_none_or(|l| taken[k] <= l));
        if seated
            && fits(hours, budget).0
            && (value > best.value || (value == best.value && hours < best.hours))
        {
            best = Best { value, hours };
        }
        // Next combination.
        let mut o = 0;
        loop {
            if o == oracles.len() {
                return best;
            }
            pick[o] += 1;
            if pick[o] < options[o].len() {
                break;
            }
            pick[o] = 0;
            o += 1;
        }
    }
}

/// Reasons per competency: [budget, seats, cap, not prioritised, other].
#[allow(clippy::too_many_lines)]
fn check(
    inst: &Instance,
    opts: &Options,
    lim: &Limits,
    oracles: &[Oracle<'_>],
    plan: &DepartmentPlan<'_>,
) -> Result<(Vec<u32>, f64, f64), TestCaseError> {
    let n = inst.courses.len();
    let no = oracles.len();
    let seat_limit: Vec<Option<u32>> = (0..n).map(|k| lim.seat_limit(k)).collect();
    let mut sets = vec![0u32; no];
    for e in &plan.enrolments {
        let o = OFFICERS[..no]
            .iter()
            .position(|&m| m == e.officer.as_str())
            .unwrap();
        for (i, k) in e.courses.iter().enumerate() {
            let k = inst.course_index(k.as_str());
            prop_assert!(sets[o] & 1 << k == 0, "{} twice", COURSES[k]);
            sets[o] |= 1 << k;
            for &p in &inst.courses[k].prerequisites {
                if oracles[o].done & 1 << p == 0 {
                    prop_assert!(
                        e.courses[..i].iter().any(|d| d.as_str() == COURSES[p]),
                        "{} takes {} without {} first",
                        OFFICERS[o],
                        COURSES[k],
                        COURSES[p]
                    );
                }
            }
        }
    }
    let taken: Vec<u32> = (0..n)
        .map(|k| sets.iter().filter(|&&s| s & 1 << k != 0).count() as u32)
        .collect();
    for k in 0..n {
        prop_assert!(
            seat_limit[k].is_none_or(|l| taken[k] <= l),
            "{} has {} seats taken",
            COURSES[k],
            taken[k]
        );
    }
    let cap = lim.cap.map_or(f64::INFINITY, |c| CAPS[c]);
    let budget = if lim.budget {
        opts.budget(inst)
    } else {
        f64::INFINITY
    };
    let hours_of: Vec<f64> = (0..no).map(|o| inst.hours(sets[o])).collect();
    let total: f64 = hours_of.iter().sum();
    prop_assert!(fits(total, budget).1, "{total} h over the budget {budget}");
    prop_assert!(
        (plan.hours - total).abs() <= room(total) + ulps(total),
        "{} person-hours, enrolments sum to {total}",
        plan.hours
    );
    let mut value = 0.0;
    // Per competency: closed, and the open counts that must hold exactly when known.
    let mut closed = vec![0u64; COMPETENCIES.len()];
    let mut open: Vec<Vec<OpenReason>> = vec![Vec::new(); COMPETENCIES.len()];
    let mut unsure = vec![false; COMPETENCIES.len()];
    for (o, or) in oracles.iter().enumerate() {
        let set = sets[o];
        prop_assert_eq!(set & or.done, 0, "{} retakes a course", OFFICERS[o]);
        prop_assert!(
            fits(hours_of[o], cap).1,
            "{} takes {} h over the cap {cap}",
            OFFICERS[o],
            hours_of[o]
        );
        let covered = or.covers(set);
        value += or.value(covered);
        prop_assert_eq!(
            or.needless(set).map(|k| COURSES[k]),
            None,
            "{} takes a course that closes nothing needed and is no prerequisite",
            OFFICERS[o]
        );
        for (i, g) in or.gaps.iter().enumerate() {
            if covered & 1 << i != 0 {
                closed[g.competency] += 1;
                continue;
            }
            let reason = if !or.closable(g) {
                Some(or.reason(g, opts.assume()))
            } else if g.value <= 0.0 {
                Some(OpenReason::NotPrioritised)
            } else {
                // (seated, cap surely, cap maybe, budget surely, budget maybe) per closer.
                let mut any_seated = false;
                let (mut cap_sure, mut cap_maybe) = (false, false);
                for k in (0..n).filter(|&k| g.closers & !or.done & 1 << k != 0) {
                    let add = inst.closure(k, or.done) & !set;
                    let seated = (0..n)
                        .filter(|&j| add & 1 << j != 0)
                        .all(|j| seat_limit[j].is_none_or(|l| taken[j] < l));
                    if !seated {
                        continue;
                    }
                    any_seated = true;
                    let extra = inst.hours(add);
                    let c = fits(hours_of[o] + extra, cap);
                    let b = fits(total + extra, budget);
                    prop_assert!(
                        !(c.0 && b.0),
                        "{} could also take {} ({extra} h) and close {} of {}",
                        OFFICERS[o],
                        COURSES[k],
                        COMPETENCIES[g.competency],
                        g.value
                    );
                    cap_sure |= c.0;
                    cap_maybe |= c.1;
                }
                match (any_seated, cap_sure, cap_maybe) {
                    (false, ..) => Some(OpenReason::Seats),
                    (true, true, _) => Some(OpenReason::Budget),
                    (true, false, false) => Some(OpenReason::OfficerCap),
                    (true, false, true) => None,
                }
            };
            match reason {
                Some(r) => open[g.competency].push(r),
                None => unsure[g.competency] = true,
            }
        }
        // Maximal beyond the gaps: a course adding value that fits everything.
        for k in (0..n).filter(|&k| (set | or.done) & 1 << k == 0) {
            let add = inst.closure(k, or.done) & !set;
            let seated = (0..n)
                .filter(|&j| add & 1 << j != 0)
                .all(|j| seat_limit[j].is_none_or(|l| taken[j] < l));
            let extra = inst.hours(add);
            if seated && fits(hours_of[o] + extra, cap).0 && fits(total + extra, budget).0 {
                let gain = or.covers(add) & !covered;
                prop_assert!(
                    or.value(gain) <= 0.0,
                    "{} could also take {} ({extra} h) and close {} more",
                    OFFICERS[o],
                    COURSES[k],
                    or.value(gain)
                );
            }
        }
    }
    prop_assert_eq!(
        plan.value_closed,
        value,
        "value closed against the gaps closed"
    );
    for row in &plan.competencies {
        let c = COMPETENCIES
            .iter()
            .position(|&id| id == row.competency.as_str())
            .unwrap();
        prop_assert_eq!(row.closed, closed[c], "{} closed", COMPETENCIES[c]);
        prop_assert_eq!(row.officers_short, closed[c] + row.open.total());
        if !unsure[c] {
            let mut want = karmayogi::OpenCounts::default();
            for r in &open[c] {
                match r {
                    OpenReason::NoCourse => want.no_course += 1,
                    OpenReason::LevelTooLow { .. } => want.level_too_low += 1,
                    OpenReason::UntaggedOnly => want.untagged_only += 1,
                    OpenReason::CompletedOnly => want.completed_only += 1,
                    OpenReason::Budget => want.budget += 1,
                    OpenReason::Seats => want.seats += 1,
                    OpenReason::OfficerCap => want.officer_cap += 1,
                    OpenReason::NotPrioritised => want.not_prioritised += 1,
                }
            }
            prop_assert_eq!(row.open, want, "open gaps of {}", COMPETENCIES[c]);
        }
    }
    Ok((sets, value, total))
}

fn case(inst: &Instance, opts: &Options, lim: &Limits) -> Result<(), TestCaseError> {
    let fw = inst.framework();
    let specs: Vec<_> = (0..inst.officers.len())
        .map(|o| inst.officer_spec(o))
        .collect();
    let cohort = Cohort::new(&fw, &specs, &LevelPolicy::default()).unwrap();
    let oracles: Vec<Oracle<'_>> = (0..inst.officers.len())
        .map(|o| Oracle::new(inst, o, inst.officers[o].position, &opts.without_share()))
        .collect();
    let n = inst.courses.len();
    let seat_limit: Vec<Option<u32>> = (0..n).map(|k| lim.seat_limit(k)).collect();
    let cap = lim.cap.map_or(f64::INFINITY, |c| CAPS[c]);
    let budget = if lim.budget {
        opts.budget(inst)
    } else {
        f64::INFINITY
    };
    let best = enumerate(&oracles, &seat_limit, cap, budget);
    let all: f64 = oracles
        .iter()
        .flat_map(|or| or.gaps.iter().map(|g| g.value))
        .sum();
    let mut greedy: Option<(f64, f64)> = None;
    for solver in [
        Solver::Greedy,
        Solver::Exact { node_limit: 0 },
        Solver::Exact {
            node_limit: 1_000_000,
        },
    ] {
        let options = lim.acbp(inst, opts, solver);
        let plan = fw.department_plan(&cohort, &options).unwrap();
        let outcome = check(inst, opts, lim, &oracles, &plan).and_then(|(_, value, hours)| {
            prop_assert_eq!(plan.value_total, all, "the weighted shortfall of all gaps");
            match (solver, greedy) {
                (Solver::Greedy, _) => greedy = Some((value, hours)),
                (
                    Solver::Exact {
                        node_limit: 1_000_000,
                    },
                    Some((v, h)),
                ) => prop_assert!(
                    value > v || (value == v && hours <= h + room(h) + ulps(h)),
                    "closes {value} in {hours} person-hours, the greedy {v} in {h}"
                ),
                _ => {}
            }
            prop_assert!(
                plan.bound >= best.value,
                "bound {} below the most value {}",
                plan.bound,
                best.value
            );
            match plan.optimality {
                Optimality::Optimal => {
                    prop_assert!(
                        value >= best.value,
                        "optimal closes {value}, {} possible",
                        best.value
                    );
                    prop_assert!(
                        value > best.value || hours <= best.hours + room(hours) + ulps(hours),
                        "optimal in {hours} person-hours, {} possible for {value}",
                        best.hours
                    );
                }
                Optimality::Bounded { gap } => {
                    prop_assert!((0.0..=1.0).contains(&gap), "gap {gap}");
                    prop_assert!(
                        value >= (1.0 - gap) * best.value - 1e-12 * best.value,
                        "closes {value}, {} possible, gap {gap}",
                        best.value
                    );
                }
            }
            Ok(())
        });
        outcome.map_err(|e| fail(format!("{e}\n{solver:?}\n{plan}")))?;
        let again = fw.department_plan(&cohort, &options).unwrap();
        prop_assert_eq!(
            serde_json::to_string(&plan).unwrap(),
            serde_json::to_string(&again).unwrap()
        );
    }
    Ok(())
}

#[test]
fn department_plans_on_extreme_shapes_match_the_enumeration() {
    run(
        (shaped(6), options(), limits()),
        200,
        |(inst, opts, lim)| case(&inst, &opts, &lim),
    );
}
