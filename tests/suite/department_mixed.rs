//! Department plans of tiny mixed departments against an enumeration of every combination
//! of the officers' enrolments, written here without the crate's solvers.
//!
//! What `department_enumerated` does not draw: two posts in one department with position
//! weights (0 included), type and competency weights in quarters (0 included, so gaps worth
//! nothing that a course chosen for another gap may close), completed courses (in the middle
//! of a chain too), untagged outcomes with and without an assumed level, courses that build
//! nothing and are only prerequisites, exact copies of another course, chains, diamonds and
//! prerequisites shared by several courses, a default seat limit beside per-course limits
//! (0 included), budgets and caps that some plan fills exactly, and levels 1–5. Values are
//! counted in 64ths (three quarter weights) and hours in tenths, so the enumeration's
//! optimum (the most value, then the fewest person-hours) is exact.
//!
//! Every plan (each solver, and the default on 1 and 4 threads, which must agree byte for
//! byte) is checked: feasible (prerequisites first, caps, budget, seats), its value and
//! hours, minimal, maximal, every open gap's reason as `Framework::department_plan`
//! defines it, the bound at least the optimum, `Optimal` meaning the most value in the
//! fewest person-hours (within the 10⁻⁹ of them `Optimality::Optimal` documents: the
//! 20,000 cases of a heavy run found seven plans one unit above the fewest), and a
//! `Bounded` gap of `1 − value / bound`.
//!
//! Cases: `PLAN_ORACLE_CASES`, else 150, from a fixed seed (a failure names its case).

// Values are sums of 64ths and hours sums of tenths, far below 2⁵³: compared exactly.
// `ensure!` negates comparisons of doubles (false for NaN, which then fails the check);
// a case's generator and checks read as one list of steps.
#![allow(
    clippy::float_cmp,
    clippy::neg_cmp_op_on_partial_ord,
    clippy::too_many_lines
)]

use karmayogi::{
    AcbpOptions, Cohort, DepartmentPlan, Framework, LevelPolicy, Mode, Optimality, Solver,
    UntaggedLevel, Weights,
};

use crate::drawn::{self, Officer, Rng, cases};
use crate::support;

const COMPETENCIES: [&str; 4] = ["cd", "ca", "cc", "cb"];
const COMPLETION: &str = "zz-done";
const COURSES: [&str; 8] = ["k7", "k2", "k5", "k0", "k6", "k1", "k3", "k4"];
const POSTS: [&str; 2] = ["p-b", "p-a"];
const IDS: drawn::Ids = drawn::Ids {
    competencies: &COMPETENCIES,
    completion: COMPLETION,
    posts: &POSTS,
    courses: &COURSES,
};
const OFFICERS: [&str; 4] = ["o2", "o0", "o3", "o1"];
/// Hours are counted in units of 4·10⁻¹⁰ h: a tenth is this many.
const TENTH: u64 = 250_000_000;
/// Course hours in tenths, 0 standing for one unit (4·10⁻¹⁰ h: two fit the 10⁻⁹ h of room
/// a cap or budget of 0 has, three do not). 0.1, 0.2 and 0.3 sum as doubles do not.
const TENTHS: [u32; 10] = [1, 2, 3, 5, 10, 10, 15, 20, 40, 0];
/// Weights in quarters.
const QUARTERS: [u32; 6] = [0, 1, 2, 4, 8, 12];
const SOLVERS: [Option<Solver>; 8] = [
    None,
    Some(Solver::Greedy),
    Some(Solver::Exact { node_limit: 0 }),
    Some(Solver::Exact { node_limit: 1 }),
    Some(Solver::Exact { node_limit: 2 }),
    Some(Solver::Exact { node_limit: 5 }),
    Some(Solver::Exact { node_limit: 30 }),
    Some(Solver::Exact {
        node_limit: 1_000_000,
    }),
];

#[derive(Clone, Debug)]
struct Course {
    /// In units of 4·10⁻¹⁰ h.
    units: u64,
    /// (competency, level; `None` untagged), competencies distinct.
    provides: Vec<(usize, Option<u8>)>,
    /// Earlier courses, distinct.
    prerequisites: Vec<usize>,
}

#[derive(Clone, Debug)]
struct Dept {
    kinds: Vec<usize>,
    /// Per post, the level required per competency (0: none).
    required: Vec<Vec<u8>>,
    courses: Vec<Course>,
    officers: Vec<Officer>,
    seats: Vec<Option<u32>>,
    default_seats: Option<u32>,
    cap: Option<u32>,
    budget: Option<u32>,
    /// Quarters; `None`: not given (1).
    type_weights: Option<[u32; 3]>,
    competency_weights: Vec<Option<u32>>,
    post_weights: Vec<Option<u32>>,
    assume: Option<u8>,
}

fn generate(rng: &mut Rng) -> Dept {
    let nc = 2 + rng.below(3);
    let no = 2 + rng.below(3);
    let most = match no {
        2 => 8,
        3 => 7,
        _ => 5,
    };
    let nk = 3 + rng.below(most - 2);
    let posts = 1 + rng.below(2);
    let kinds = (0..nc).map(|_| rng.below(3)).collect();
    let required = (0..posts)
        .map(|_| {
            (0..nc)
                .map(|_| {
                    if rng.chance(0.2) {
                        0
                    } else {
                        1 + rng.below(5) as u8
                    }
                })
                .collect()
        })
        .collect();
    let uniform = rng.chance(0.3).then(|| rng.pick(&TENTHS));
    let mut courses: Vec<Course> = Vec::new();
    for i in 0..nk {
        if i > 0 && rng.chance(0.15) {
            let copy = courses[rng.below(i)].clone();
            courses.push(copy);
            continue;
        }
        let provides = drawn::provides(rng, nc, 0.12);
        let prerequisites = drawn::prerequisites(rng, i);
        courses.push(Course {
            units: match uniform.unwrap_or_else(|| rng.pick(&TENTHS)) {
                0 => 1,
                t => u64::from(t) * TENTH,
            },
            provides,
            prerequisites,
        });
    }
    let mut officers: Vec<Officer> = Vec::new();
    for o in 0..no {
        if o > 0 && rng.chance(0.3) {
            let copy = officers[o - 1].clone();
            officers.push(copy);
            continue;
        }
        officers.push(Officer::draw(rng, posts, nc, nk));
    }
    let mut dept = Dept {
        kinds,
        required,
        seats: (0..nk)
            .map(|_| rng.chance(0.4).then(|| rng.below(3) as u32))
            .collect(),
        default_seats: rng.chance(0.2).then(|| 1 + rng.below(2) as u32),
        courses,
        officers,
        cap: rng.chance(0.4).then(|| rng.below(61) as u32),
        budget: rng.chance(0.4).then(|| rng.below(61) as u32),
        type_weights: rng.chance(0.3).then(|| [0; 3].map(|_| rng.pick(&QUARTERS))),
        competency_weights: (0..nc)
            .map(|_| rng.chance(0.3).then(|| rng.pick(&QUARTERS)))
            .collect(),
        post_weights: (0..posts)
            .map(|_| rng.chance(0.3).then(|| rng.pick(&QUARTERS)))
            .collect(),
        assume: rng.chance(0.3).then(|| 1 + rng.below(5) as u8),
    };
    // Caps and budgets some plan fills exactly: the hours of a random course's closure.
    let k = rng.below(nk);
    let exact = (dept.units(dept.closure(k, 0)) / TENTH) as u32;
    if rng.chance(0.2) {
        dept.cap = Some(exact);
    }
    if rng.chance(0.2) {
        dept.budget = Some(exact * (1 + rng.below(2)) as u32);
    }
    dept
}

/// Hours of `units`.
fn hours(units: u64) -> f64 {
    if units.is_multiple_of(TENTH) {
        (units / TENTH) as f64 / 10.0
    } else {
        units as f64 * 4e-10
    }
}

/// One officer's gap: its value in 64ths and the courses closing it (completed included).
struct Gap {
    competency: usize,
    value: u64,
    closers: u32,
}

impl Dept {
    fn framework(&self) -> Framework {
        let courses: Vec<_> = (self.courses.iter())
            .map(|c| drawn::Course {
                hours: hours(c.units),
                mode: Mode::Formal,
                provides: &c.provides,
                prerequisites: &c.prerequisites,
            })
            .collect();
        drawn::framework(&IDS, &self.kinds, &self.required, &courses)
    }

    fn cohort(&self, fw: &Framework) -> Cohort {
        let specs: Vec<_> = self
            .officers
            .iter()
            .enumerate()
            .map(|(o, officer)| {
                let passbook =
                    drawn::passbook(&IDS, &officer.held, officer.done, self.courses.len());
                support::officer(OFFICERS[o], "dept", POSTS[officer.post], passbook)
            })
            .collect();
        Cohort::new(fw, &specs, &LevelPolicy::default()).expect("a valid cohort")
    }

    fn options(&self, solver: Option<Solver>) -> AcbpOptions {
        let mut o = AcbpOptions::default();
        if let Some(solver) = solver {
            o = o.solver(solver);
        }
        if let Some(l) = self.assume {
            o = o.untagged(UntaggedLevel::Assume(karmayogi::Level::new(l).unwrap()));
        }
        if let Some(cap) = self.cap {
            o = o.officer_cap(f64::from(cap) / 10.0).unwrap();
        }
        if let Some(budget) = self.budget {
            o = o.budget(f64::from(budget) / 10.0).unwrap();
        }
        if let Some(n) = self.default_seats {
            o = o.default_seats(n);
        }
        for (k, seats) in self.seats.iter().enumerate() {
            if let Some(n) = *seats {
                o = o.seats(COURSES[k], n);
            }
        }
        if let Some(w) = self.type_weights {
            let [b, f, d] = w.map(|q| f64::from(q) / 4.0);
            o = o.weights(Weights::new(b, f, d).unwrap());
        }
        for (c, w) in self.competency_weights.iter().enumerate() {
            if let Some(q) = *w {
                o = o
                    .competency_weight(COMPETENCIES[c], f64::from(q) / 4.0)
                    .unwrap();
            }
        }
        for (p, w) in self.post_weights.iter().enumerate() {
            if let Some(q) = *w {
                o = o.position_weight(POSTS[p], f64::from(q) / 4.0).unwrap();
            }
        }
        o
    }

    fn seat_limit(&self, k: usize) -> Option<u32> {
        self.seats[k].or(self.default_seats)
    }

    /// The level an outcome reaches under the untagged rule.
    fn reaches(&self, level: Option<u8>) -> Option<u8> {
        level.or(self.assume)
    }

    fn gaps(&self, o: usize) -> Vec<Gap> {
        let officer = &self.officers[o];
        let required = &self.required[officer.post];
        let quarter = |w: Option<u32>| u64::from(w.unwrap_or(4));
        (0..self.kinds.len())
            .filter(|&c| required[c] > officer.held[c])
            .map(|c| Gap {
                competency: c,
                value: u64::from(required[c] - officer.held[c])
                    * self.type_weights.map_or(4, |w| u64::from(w[self.kinds[c]]))
                    * quarter(self.competency_weights[c])
                    * quarter(self.post_weights[officer.post]),
                closers: (0..self.courses.len())
                    .filter(|&k| {
                        self.courses[k].provides.iter().any(|&(comp, l)| {
                            comp == c && self.reaches(l).is_some_and(|l| l >= required[c])
                        })
                    })
                    .fold(0, |m, k| m | 1 << k),
            })
            .collect()
    }

    fn units(&self, set: u32) -> u64 {
        (0..self.courses.len())
            .filter(|&k| set & 1 << k != 0)
            .map(|k| self.courses[k].units)
            .sum()
    }

    /// Course `k` with its prerequisites, transitively, stopping at completed ones.
    fn closure(&self, k: usize, done: u32) -> u32 {
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

    /// Within the cap, with the 10⁻⁹ h (2.5 units) of room documented for rounding.
    fn within_cap(&self, units: u64) -> bool {
        self.cap
            .is_none_or(|cap| units <= u64::from(cap) * TENTH + 2)
    }

    fn within_budget(&self, units: u64) -> bool {
        self.budget
            .is_none_or(|budget| units <= u64::from(budget) * TENTH + 2)
    }

    /// Whether every course of `add` has a seat left after `taken`.
    fn seated(&self, add: u32, taken: &[u32]) -> bool {
        (0..self.courses.len())
            .all(|j| add & 1 << j == 0 || self.seat_limit(j).is_none_or(|s| taken[j] < s))
    }
}

fn value(gaps: &[Gap], set: u32) -> u64 {
    gaps.iter()
        .filter(|g| g.closers & set != 0)
        .map(|g| g.value)
        .sum()
}

/// Whether every course of `set` is a pending prerequisite of another of it or closes a
/// gap worth something that no other of it closes.
fn minimal(dept: &Dept, gaps: &[Gap], set: u32) -> bool {
    let n = dept.courses.len();
    (0..n).filter(|&k| set & 1 << k != 0).all(|k| {
        let required =
            (0..n).any(|d| set & 1 << d != 0 && dept.courses[d].prerequisites.contains(&k));
        required || value(gaps, set & !(1 << k)) < value(gaps, set)
    })
}

/// The best (value, tenths) over every combination of the officers' minimal course sets
/// (removing a course no other requires and that closes nothing of its own keeps the
/// value and saves hours and a seat, so an optimum is made of minimal sets).
struct Enumeration<'a> {
    dept: &'a Dept,
    /// Per officer: (set, value, tenths).
    sets: Vec<Vec<(u32, u64, u64)>>,
    taken: Vec<u32>,
    best: (u64, u64),
}

impl Enumeration<'_> {
    fn new(dept: &Dept) -> Enumeration<'_> {
        let n = dept.courses.len();
        let sets = (0..dept.officers.len())
            .map(|o| {
                let done = dept.officers[o].done;
                let closures: Vec<u32> = (0..n).map(|k| dept.closure(k, done)).collect();
                let gaps = dept.gaps(o);
                (0..1u32 << n)
                    .filter(|&s| s & done == 0)
                    .filter(|&s| (0..n).all(|k| s & 1 << k == 0 || closures[k] & !s == 0))
                    .filter(|&s| dept.within_cap(dept.units(s)) && minimal(dept, &gaps, s))
                    .map(|s| (s, value(&gaps, s), dept.units(s)))
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

    fn go(&mut self, o: usize, value: u64, tenths: u64) {
        if o == self.sets.len() {
            if value > self.best.0 || (value == self.best.0 && tenths < self.best.1) {
                self.best = (value, tenths);
            }
            return;
        }
        let n = self.dept.courses.len();
        for i in 0..self.sets[o].len() {
            let (set, v, h) = self.sets[o][i];
            if !self.dept.seated(set, &self.taken) || !self.dept.within_budget(tenths + h) {
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

type Outcome = Result<(), String>;

macro_rules! ensure {
    ($cond:expr, $($arg:tt)+) => {
        if !$cond {
            return Err(format!($($arg)+));
        }
    };
}

/// The plan's course set per officer, each course after its pending prerequisites.
fn enrolled(dept: &Dept, plan: &DepartmentPlan<'_>) -> Result<Vec<u32>, String> {
    let mut sets = vec![0u32; dept.officers.len()];
    for e in &plan.enrolments {
        let o = OFFICERS
            .iter()
            .position(|&x| x == e.officer.as_str())
            .unwrap();
        let done = dept.officers[o].done;
        for course in &e.courses {
            let k = COURSES.iter().position(|&x| x == course.as_str()).unwrap();
            ensure!(done & 1 << k == 0, "{} takes completed {course}", e.officer);
            for &p in &dept.courses[k].prerequisites {
                ensure!(
                    sets[o] & 1 << p != 0 || done & 1 << p != 0,
                    "{} takes {course} before {}",
                    e.officer,
                    COURSES[p]
                );
            }
            ensure!(sets[o] & 1 << k == 0, "{} takes {course} twice", e.officer);
            sets[o] |= 1 << k;
        }
        let tenths = dept.units(sets[o]);
        ensure!(
            (e.hours - hours(tenths)).abs() < 1e-6,
            "{} hours {} for {tenths} units",
            e.officer,
            e.hours
        );
    }
    Ok(sets)
}

fn check(dept: &Dept, plan: &DepartmentPlan<'_>, best: (u64, u64)) -> Outcome {
    let n = dept.courses.len();
    let sets = enrolled(dept, plan)?;
    let taken: Vec<u32> = (0..n)
        .map(|k| sets.iter().filter(|&&s| s & 1 << k != 0).count() as u32)
        .collect();
    for k in 0..n {
        ensure!(
            dept.seat_limit(k).is_none_or(|s| taken[k] <= s),
            "{} over its seats",
            COURSES[k]
        );
    }
    let total: u64 = sets.iter().map(|&s| dept.units(s)).sum();
    ensure!(dept.within_budget(total), "{total} units over the budget");
    ensure!(
        (plan.hours - hours(total)).abs() < 1e-6,
        "hours {} for {total} units",
        plan.hours
    );
    let mut got = 0;
    for (o, &set) in sets.iter().enumerate() {
        let gaps = dept.gaps(o);
        let hours = dept.units(set);
        ensure!(dept.within_cap(hours), "{} over the cap", OFFICERS[o]);
        got += value(&gaps, set);
        ensure!(
            minimal(dept, &gaps, set),
            "{} takes a course that closes nothing of its own",
            OFFICERS[o]
        );
        for k in (0..n).filter(|&k| set & 1 << k == 0 && dept.officers[o].done & 1 << k == 0) {
            let add = dept.closure(k, dept.officers[o].done) & !set;
            let extra = dept.units(add);
            if dept.seated(add, &taken)
                && dept.within_cap(hours + extra)
                && dept.within_budget(total + extra)
            {
                ensure!(
                    value(&gaps, set | add) == value(&gaps, set),
                    "{} could also take {} in {extra} units and close more",
                    OFFICERS[o],
                    COURSES[k]
                );
            }
        }
    }
    check_reasons(dept, plan, &sets, &taken)?;
    ensure!(
        plan.value_closed == got as f64 / 64.0,
        "value {} for {got} 64ths",
        plan.value_closed
    );
    let (most, fewest) = best;
    ensure!(got <= most, "{got} 64ths above the optimum {most}");
    ensure!(
        plan.bound >= most as f64 / 64.0 - 1e-9,
        "bound {} below the optimum {}",
        plan.bound,
        most as f64 / 64.0
    );
    match plan.optimality {
        // Person-hours within 10⁻⁹ of the larger (10⁻⁹ h, 2.5 units, under one hour)
        // count as equal (`Optimality::Optimal`).
        Optimality::Optimal => ensure!(
            got == most
                && total >= fewest
                && (total - fewest) as f64 <= 2.5f64.max(total as f64 * 1e-9),
            "Optimal with {got} 64ths in {total} units; the optimum is {most} in {fewest}"
        ),
        Optimality::Bounded { gap } => {
            let want = 1.0 - plan.value_closed / plan.bound;
            ensure!(
                plan.bound > 0.0 && (gap - want).abs() <= 1e-12,
                "gap {gap}, expected {want} (bound {})",
                plan.bound
            );
        }
    }
    Ok(())
}

/// Slots of the per-competency counts: closed, then each open reason.
const CLOSED: usize = 0;
const NO_COURSE: usize = 1;
const LEVEL: usize = 2;
const UNTAGGED: usize = 3;
const COMPLETED: usize = 4;
const BUDGET: usize = 5;
const SEATS: usize = 6;
const CAP: usize = 7;
const NOT_PRIORITISED: usize = 8;

/// Why officer `o`'s gap stays open under the plan (or [`CLOSED`]), by the definitions of
/// `OpenReason` and `Framework::department_plan`.
fn slot(dept: &Dept, o: usize, gap: &Gap, set: u32, taken: &[u32]) -> usize {
    let done = dept.officers[o].done;
    if gap.closers & set != 0 {
        return CLOSED;
    }
    if gap.closers & !done == 0 {
        let levels: Vec<Option<u8>> = dept
            .courses
            .iter()
            .flat_map(|k| k.provides.iter())
            .filter(|p| p.0 == gap.competency)
            .map(|p| dept.reaches(p.1))
            .collect();
        return if levels.is_empty() {
            NO_COURSE
        } else if gap.closers != 0 {
            COMPLETED
        } else if levels.iter().any(Option::is_some) {
            LEVEL
        } else {
            UNTAGGED
        };
    }
    if gap.value == 0 {
        return NOT_PRIORITISED;
    }
    let hours = dept.units(set);
    let mut best = SEATS;
    for k in (0..dept.courses.len()).filter(|&k| gap.closers & !done & 1 << k != 0) {
        let add = dept.closure(k, done) & !set;
        if dept.seated(add, taken) {
            if dept.within_cap(hours + dept.units(add)) {
                best = BUDGET;
            } else if best == SEATS {
                best = CAP;
            }
        }
    }
    best
}

fn check_reasons(dept: &Dept, plan: &DepartmentPlan<'_>, sets: &[u32], taken: &[u32]) -> Outcome {
    let mut want = vec![[0u64; 9]; dept.kinds.len()];
    for (o, &set) in sets.iter().enumerate() {
        for gap in dept.gaps(o) {
            want[gap.competency][slot(dept, o, &gap, set, taken)] += 1;
        }
    }
    ensure!(
        plan.gaps == want.iter().flatten().sum::<u64>(),
        "{} gaps",
        plan.gaps
    );
    ensure!(
        plan.gaps_closed == want.iter().map(|w| w[CLOSED]).sum::<u64>(),
        "{} gaps closed",
        plan.gaps_closed
    );
    for c in 0..dept.kinds.len() {
        let out = plan
            .competencies
            .iter()
            .find(|out| out.competency.as_str() == COMPETENCIES[c]);
        let got = out.map_or([0; 9], |out| {
            let o = out.open;
            [
                out.closed,
                o.no_course,
                o.level_too_low,
                o.untagged_only,
                o.completed_only,
                o.budget,
                o.seats,
                o.officer_cap,
                o.not_prioritised,
            ]
        });
        ensure!(
            got == want[c],
            "{}: [closed, no course, level, untagged, completed, budget, seats, cap, \
             not prioritised] {got:?}, expected {:?}",
            COMPETENCIES[c],
            want[c]
        );
    }
    Ok(())
}

fn case(dept: &Dept) -> Outcome {
    let fw = dept.framework();
    let cohort = dept.cohort(&fw);
    let mut enumeration = Enumeration::new(dept);
    enumeration.go(0, 0, 0);
    let best = enumeration.best;
    for solver in SOLVERS {
        let plan = fw
            .department_plan(&cohort, &dept.options(solver))
            .map_err(|e| format!("{e}"))?;
        check(dept, &plan, best).map_err(|e| format!("{e}\nsolver {solver:?}\n{plan:#?}"))?;
        if solver.is_none() {
            let json = serde_json::to_string(&plan).unwrap();
            let threads = fw
                .department_plan(&cohort, &dept.options(solver).threads(4))
                .unwrap();
            ensure!(
                serde_json::to_string(&threads).unwrap() == json,
                "4 threads give another plan"
            );
        }
    }
    Ok(())
}

/// Every solver's plan of a tiny mixed department against the enumeration.
#[test]
fn mixed_department_plans_match_the_enumeration() {
    let mut failures = Vec::new();
    for seed in 0..cases(150) {
        let dept = generate(&mut Rng::new(seed));
        if let Err(e) = case(&dept) {
            failures.push(format!("case {seed}: {e}\n{dept:?}"));
        }
    }
    let n = failures.len();
    assert!(
        failures.is_empty(),
        "{n} failing cases; the first:\n{}",
        failures.first().map_or("", String::as_str)
    );
}

/// Case 50391 of a run of 60,000 (four officers on three courses of 4·10⁻¹⁰ h, a cap of
/// 0, two seats a course, untagged outcomes assumed at level 4): plans may give an officer
/// two of the courses (8·10⁻¹⁰ h, within the 10⁻⁹ h a cap is compared with), and the
/// bounds once filled the cap without that room, so the default solver's plan reported
/// `Optimal` with a bound of 13 where 14 is possible.
#[test]
fn known_bound_below_the_optimum() {
    let dept = generate(&mut Rng::new(50391));
    assert_eq!(case(&dept), Ok(()));
}
