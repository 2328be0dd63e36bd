//! Learning paths, career paths and successors under every option combination, against a
//! brute-force oracle over every course subset.
//!
//! Generated instances: 1–6 competencies of random types (default five-level scale), one
//! to three positions (ids not in generation order) each requiring some of them at levels
//! 1–5 through a role, 0–12 courses building 1–3 competencies each (so courses overlap)
//! at levels 1–5 (one outcome in eight untagged), with 0–2 prerequisites among the courses
//! generated earlier, and one or two officers (up to four for career paths) at random
//! posts with assessed levels 0–4 and random completed courses. Half the catalogues have uniform hours (every course 1, 2,
//! 4 or 10 hours, so plans tie), the others whole or half hours from 1 to 20 or (two in
//! five) tenths of an hour from 0.1 to 20, whose sums round. Some officers copy an earlier
//! one (identical problems that tie). Sums of hours are compared within 1e-6.
//!
//! Each case plans every officer at their post with both objectives (least hours and a
//! budget of 0–60 hours, whole or, half the time, in tenths) and every solver (`Greedy`, `Exact` with 0, 1, 3 and 10⁶ nodes, and
//! the default), under one drawn combination of the other options: untagged-level rule,
//! type weights and competency weights 0–3 (weighted levels, zeros included), a term cap,
//! and a 70-20-10 share (0.1, 0.25, 0.3, 0.5, 0.7 or 1). The oracle enumerates every subset of the
//! courses not completed that is closed under pending prerequisites and checks every plan
//! against the laws of `Framework::recommend`: feasible (prerequisites first, within the
//! budget, terms within the cap unless one longer course is alone and marked, each course
//! in the earliest term after its prerequisites' with room for it), minimal,
//! maximal under a budget, every open gap's reason true, every total, the certificate
//! (bound on the right side of the optimum, `Optimal` meaning the optimum with the fewest
//! selection hours among plans of equal value, `Bounded` gaps consistent), and the same
//! JSON on a second run. Career paths and successors rank what `recommend` gives post by
//! post and officer by officer, and each fit's gaps, unclosable gaps, readiness (under
//! drawn type weights) and hours (no fewer than the enumerated least) are checked against
//! the oracle.
//!
//! Larger catalogues (up to 31 courses and 12 competencies) are not enumerated: there
//! every law but the optimum's is checked, and every solver's bound and proof against
//! every solver's plan. With type weights as far apart as competency weights (gaps worth
//! a sixteenth of a level beside 5·10¹⁸, sums a double rounds), the laws about sets are
//! checked: feasible, minimal, maximal, every open gap's reason (600 cases, about 3 s).
//!
//! Cases per property: `PLAN_ORACLE_CASES`, else 150 (enumerated learning paths), 40
//! (larger catalogues) and 100 (career paths and successors, every post and officer); the
//! two files run in about 16 s in debug mode on two cores at load average 10. Heavy runs:
//! `PLAN_ORACLE_CASES=2000 cargo test --test suite plan_oracle` (about 15 minutes there).

// Hours of whole levels and counts are compared exactly; sums of hours within 1e-6.
#![allow(clippy::float_cmp)]

use karmayogi::{
    CareerOptions, CompetencyType, CourseOutcome, Evidence, EvidenceSource, Framework,
    FrameworkSpec, LevelPolicy, Mode, OfficerSpec, OpenReason, Optimality, Plan, Profile,
    RecommendOptions, RequirementSpec, RoleSpec, Solver, UntaggedLevel, Weights,
};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use crate::support;

pub const COMPETENCIES: [&str; 12] = [
    "k-risk", "b-law", "m-audit", "a-data", "x-ethics", "f-lead", "q-budget", "d-policy",
    "w-media", "h-health", "s-safety", "e-energy",
];
pub const COURSES: [&str; 31] = [
    "c03", "c10", "c17", "c24", "c00", "c07", "c14", "c21", "c28", "c04", "c11", "c18", "c25",
    "c01", "c08", "c15", "c22", "c29", "c05", "c12", "c19", "c26", "c02", "c09", "c16", "c23",
    "c30", "c06", "c13", "c20", "c27",
];
pub const POSITIONS: [&str; 3] = ["p-z", "p-a", "p-m"];
pub const OFFICERS: [&str; 8] = ["o-d", "o-b", "o-h", "o-c", "o-a", "o-g", "o-e", "o-f"];
/// A competency no post requires, on which completions are recorded at level 0.
pub const COMPLETION: &str = "zz-completion";
pub const MODES: [Mode; 3] = [Mode::Formal, Mode::Social, Mode::Experiential];
const DATE: &str = "2025-01-15";
const TOL: f64 = 1e-9;
/// Catalogues of at most this many courses are enumerated.
pub const EXHAUSTIVE: usize = 13;

// ---------------------------------------------------------------------------------------
// Instances
// ---------------------------------------------------------------------------------------

#[derive(Clone, Debug)]
pub struct GenCourse {
    pub hours: f64,
    pub mode: usize,
    /// (competency, level; `None` untagged), competencies distinct.
    pub provides: Vec<(usize, Option<u8>)>,
    /// Earlier courses, distinct, ascending.
    pub prerequisites: Vec<usize>,
}

#[derive(Clone, Debug)]
pub struct GenOfficer {
    pub position: usize,
    /// Assessed level per competency (0: no evidence).
    pub held: Vec<u8>,
    pub completed: Vec<bool>,
}

#[derive(Clone, Debug)]
pub struct Instance {
    /// Type index into `CompetencyType::ALL` per competency.
    pub kinds: Vec<usize>,
    /// Per position, the required level per competency (0: not required).
    pub required: Vec<Vec<u8>>,
    pub courses: Vec<GenCourse>,
    pub officers: Vec<GenOfficer>,
}

fn dedup_first<T: Copy, K: PartialEq>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    let mut out: Vec<T> = Vec::new();
    for &i in items.iter() {
        if !out.iter().any(|o| key(o) == key(&i)) {
            out.push(i);
        }
    }
    *items = out;
}

/// Instances of the header's shape with at most `max_courses` courses and `max_officers`
/// officers.
pub fn instance(max_courses: usize, max_officers: usize) -> impl Strategy<Value = Instance> {
    instance_sized(6, max_courses, max_officers)
}

/// Instances with at most `max_competencies` competencies (at most 12).
pub fn instance_sized(
    max_competencies: usize,
    max_courses: usize,
    max_officers: usize,
) -> impl Strategy<Value = Instance> {
    (1usize..=max_competencies, 0..=max_courses, 1..=max_officers).prop_flat_map(
        move |(nc, nk, no)| {
            let course = |i: usize| {
                (
                    0u32..=38,
                    0usize..3,
                    vec((0..nc, option::weighted(0.875, 1u8..=5)), 1..=3),
                    vec(0..i.max(1), if i == 0 { 0..=0 } else { 0..=2 }),
                )
                    .prop_map(
                        move |(half, mode, mut provides, mut prerequisites)| {
                            dedup_first(&mut provides, |p| p.0);
                            prerequisites.sort_unstable();
                            prerequisites.dedup();
                            if i == 0 {
                                prerequisites.clear();
                            }
                            GenCourse {
                                hours: f64::from(half + 2) / 2.0,
                                mode,
                                provides,
                                prerequisites,
                            }
                        },
                    )
            };
            let courses: Vec<_> = (0..nk).map(course).collect();
            (
                vec(0usize..3, nc),
                vec(vec(option::weighted(0.7, 1u8..=5), nc), 1..=3),
                courses,
                option::weighted(0.5, prop::sample::select(vec![1.0, 2.0, 4.0, 10.0])),
                prop::bool::weighted(0.4),
                vec(0u32..=199, nk),
                vec(option::weighted(0.3, 0usize..8), no),
                vec(
                    (
                        0usize..3,
                        vec(option::weighted(0.5, 0u8..=4), nc),
                        vec(prop::bool::weighted(0.15), nk),
                    ),
                    no,
                ),
            )
                .prop_map(
                    |(kinds, required, mut courses, uniform, tenths, tenth, clones, officers)| {
                        if let Some(h) = uniform {
                            for c in &mut courses {
                                c.hours = h;
                            }
                        } else if tenths {
                            for (c, &t) in courses.iter_mut().zip(&tenth) {
                                c.hours = f64::from(t + 1) / 10.0;
                            }
                        }
                        let positions = required.len();
                        // Some officers copy an earlier one: identical problems that tie.
                        let mut officers = officers;
                        for (o, pick) in clones.iter().enumerate() {
                            if let Some(&Some(from)) = Some(pick).filter(|_| o > 0) {
                                officers[o] = officers[from % o].clone();
                            }
                        }
                        Instance {
                            kinds,
                            required: required
                                .into_iter()
                                .map(|r| r.into_iter().map(|l| l.unwrap_or(0)).collect())
                                .collect(),
                            courses,
                            officers: officers
                                .into_iter()
                                .map(|(p, held, completed)| GenOfficer {
                                    position: p % positions,
                                    held: held.into_iter().map(|l| l.unwrap_or(0)).collect(),
                                    completed,
                                })
                                .collect(),
                        }
                    },
                )
        },
    )
}

impl Instance {
    pub fn spec(&self) -> FrameworkSpec {
        let mut competencies: Vec<_> = self
            .kinds
            .iter()
            .enumerate()
            .map(|(i, &k)| {
                support::competency(
                    COMPETENCIES[i],
                    format!("Competency {i}"),
                    CompetencyType::ALL[k],
                    [],
                )
            })
            .collect();
        competencies.push(support::competency(
            COMPLETION,
            "Completions",
            CompetencyType::Functional,
            [],
        ));
        let roles = self
            .required
            .iter()
            .enumerate()
            .map(|(p, levels)| RoleSpec {
                id: format!("role-{}", POSITIONS[p]).into(),
                name: format!("Duties of {}", POSITIONS[p]),
                activities: Vec::new(),
                requires: levels
                    .iter()
                    .enumerate()
                    .filter(|&(_, &l)| l > 0)
                    .map(|(c, &l)| RequirementSpec::new(COMPETENCIES[c], l))
                    .collect(),
            })
            .collect();
        let positions = (0..self.required.len())
            .map(|p| {
                support::position(
                    POSITIONS[p],
                    format!("Post {}", POSITIONS[p]),
                    "dept",
                    [format!("role-{}", POSITIONS[p])],
                )
            })
            .collect();
        let courses = self
            .courses
            .iter()
            .enumerate()
            .map(|(i, c)| {
                support::course_spec(
                    COURSES[i],
                    format!("Course {}", COURSES[i]),
                    c.hours,
                    MODES[c.mode],
                    c.provides
                        .iter()
                        .map(|&(k, level)| CourseOutcome {
                            competency: COMPETENCIES[k].into(),
                            level,
                            level_name: None,
                        })
                        .collect(),
                    c.prerequisites.iter().map(|&p| COURSES[p].into()).collect(),
                )
            })
            .collect();
        support::framework_spec(competencies, Vec::new(), roles, positions, courses)
    }

    pub fn framework(&self) -> Framework {
        Framework::new(self.spec()).expect("generated framework is valid")
    }

    pub fn officer_spec(&self, o: usize) -> OfficerSpec {
        let g = &self.officers[o];
        let mut passbook: Vec<Evidence> = g
            .held
            .iter()
            .enumerate()
            .filter(|&(_, &l)| l > 0)
            .map(|(c, &l)| support::assessed(COMPETENCIES[c], l, DATE))
            .collect();
        for (k, _) in g.completed.iter().enumerate().filter(|&(_, &done)| done) {
            passbook.push(support::evidence(
                COMPLETION,
                0,
                EvidenceSource::CourseCompletion,
                DATE,
                Some(COURSES[k]),
            ));
        }
        support::officer(OFFICERS[o], "dept", POSITIONS[g.position], passbook)
    }

    pub fn profile(&self, fw: &Framework, o: usize) -> Profile {
        Profile::new(fw, &self.officer_spec(o), &LevelPolicy::default()).expect("officer")
    }

    /// Bit set of a course with its prerequisites, transitively, stopping at `done`.
    pub fn closure(&self, k: usize, done: u32) -> u32 {
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

    /// Every subset of the courses not in `done` that holds the pending prerequisites of
    /// each of its courses.
    pub fn closed_sets(&self, done: u32) -> Vec<u32> {
        let n = self.courses.len();
        let closures: Vec<u32> = (0..n).map(|k| self.closure(k, done)).collect();
        (0..1u32 << n)
            .filter(|&s| s & done == 0)
            .filter(|&s| (0..n).all(|k| s & 1 << k == 0 || closures[k] & !s == 0))
            .collect()
    }

    pub fn hours(&self, set: u32) -> f64 {
        (0..self.courses.len())
            .filter(|&k| set & 1 << k != 0)
            .map(|k| self.courses[k].hours)
            .sum()
    }

    pub fn course_index(&self, id: &str) -> usize {
        COURSES[..self.courses.len()]
            .iter()
            .position(|&c| c == id)
            .unwrap_or_else(|| panic!("unknown course {id}"))
    }

    /// A plan's courses as indices, in the plan's order, and as a bit set.
    pub fn plan_courses(&self, plan: &Plan<'_>) -> (Vec<usize>, u32) {
        let steps: Vec<usize> = plan
            .steps
            .iter()
            .map(|s| self.course_index(s.course.as_str()))
            .collect();
        let set = steps.iter().fold(0u32, |m, &k| m | 1 << k);
        (steps, set)
    }
}

// ---------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------

/// The options other than objective and solver, as drawn.
#[derive(Clone, Debug)]
pub struct Drawn {
    pub assume: Option<u8>,
    /// Behavioural, functional, domain.
    pub type_weights: Option<[u32; 3]>,
    pub competency_weights: Vec<Option<u32>>,
    pub term_hours: Option<u32>,
    pub share: Option<f64>,
    /// In tenths of an hour.
    pub budget: u32,
    /// Competency weights read as codes into [`EXTREME`] rather than as themselves.
    pub extreme: bool,
    /// Type weights read as codes into [`EXTREME`] too, so that a gap can be worth 10¹⁸
    /// (both weights `Weights::MAX`) beside one worth a quarter: beyond a double's precision.
    pub beyond: bool,
}

/// The competency weights of [`drawn_extreme`], by code: 0, a quarter, 1, and the largest
/// the options accept (`Weights::MAX`). Quarters and whole values sum exactly, so a gap
/// worth a quarter beside gaps worth billions is told apart; weights such as 0.1 that far
/// apart are below a double's precision.
pub const EXTREME: [f64; 4] = [0.0, 0.25, 1.0, 1e9];

pub fn drawn() -> impl Strategy<Value = Drawn> {
    (
        option::weighted(0.25, 1u8..=5),
        option::weighted(0.3, [0u32..=3, 0u32..=3, 0u32..=3]),
        vec(option::weighted(0.3, 0u32..=3), 12),
        option::weighted(0.3, 1u32..=30),
        option::weighted(
            0.3,
            prop::sample::select(vec![0.1, 0.25, 0.3, 0.5, 0.7, 1.0]),
        ),
        prop_oneof![0u32..=60, 0u32..=600].prop_map(|b| if b <= 60 { b * 10 } else { b }),
    )
        .prop_map(
            |(assume, type_weights, competency_weights, term_hours, share, budget)| Drawn {
                assume,
                type_weights,
                competency_weights,
                term_hours,
                share,
                budget,
                extreme: false,
                beyond: false,
            },
        )
}

/// As [`drawn`], with competency weights of far apart magnitudes ([`EXTREME`]): gaps worth
/// a level beside gaps worth a billion, each worth something.
pub fn drawn_extreme() -> impl Strategy<Value = Drawn> {
    (drawn(), vec(option::weighted(0.8, 0u32..4), 12)).prop_map(|(d, weights)| Drawn {
        competency_weights: weights,
        extreme: true,
        ..d
    })
}

/// As [`drawn_extreme`], with type weights of [`EXTREME`] too (always given): values from a
/// sixteenth of a level to 5·10¹⁸, whose sums a double does not hold exactly.
pub fn drawn_beyond() -> impl Strategy<Value = Drawn> {
    (drawn_extreme(), [0u32..4, 0u32..4, 0u32..4]).prop_map(|(d, types)| Drawn {
        type_weights: Some(types),
        beyond: true,
        ..d
    })
}

pub const SOLVERS: [Solver; 6] = [
    Solver::Greedy,
    Solver::Exact { node_limit: 0 },
    Solver::Exact { node_limit: 1 },
    Solver::Exact { node_limit: 3 },
    Solver::Exact {
        node_limit: Solver::DEFAULT_NODES,
    },
    Solver::Exact {
        node_limit: 1_000_000,
    },
];

impl Drawn {
    pub fn untagged(&self) -> UntaggedLevel {
        match self.assume {
            None => UntaggedLevel::Ignore,
            Some(l) => UntaggedLevel::Assume(support_level(l)),
        }
    }

    pub fn budget_hours(&self) -> f64 {
        f64::from(self.budget) / 10.0
    }

    pub fn type_weight(&self, kind: usize) -> f64 {
        match self.type_weights {
            None => 1.0,
            Some(w) if self.beyond => EXTREME[w[kind] as usize],
            Some(w) => f64::from(w[kind]),
        }
    }

    pub fn competency_weight(&self, c: usize) -> f64 {
        match self.competency_weights[c] {
            None => 1.0,
            Some(w) if self.extreme => EXTREME[w as usize],
            Some(w) => f64::from(w),
        }
    }

    pub fn options(&self, competencies: usize, budget: bool, solver: Solver) -> RecommendOptions {
        let mut o = RecommendOptions::default()
            .solver(solver)
            .untagged(self.untagged());
        if self.type_weights.is_some() {
            let [b, f, d] = [0, 1, 2].map(|kind| self.type_weight(kind));
            o = o.weights(Weights::new(b, f, d).unwrap());
        }
        for (c, w) in self
            .competency_weights
            .iter()
            .enumerate()
            .take(competencies)
        {
            if w.is_some() {
                o = o
                    .competency_weight(COMPETENCIES[c], self.competency_weight(c))
                    .unwrap();
            }
        }
        if let Some(t) = self.term_hours {
            o = o.term_hours(f64::from(t)).unwrap();
        }
        if let Some(s) = self.share {
            o = o.max_formal_share(s).unwrap();
        }
        if budget {
            o = o.budget(self.budget_hours()).unwrap();
        }
        o
    }
}

fn support_level(l: u8) -> karmayogi::Level {
    karmayogi::Level::new(l).expect("level 1 to 5")
}

// ---------------------------------------------------------------------------------------
// The oracle for one officer at one post
// ---------------------------------------------------------------------------------------

pub struct Gap {
    pub competency: usize,
    pub current: u8,
    pub required: u8,
    pub value: f64,
    /// Courses closing it, completed ones included.
    pub closers: u32,
}

/// One officer's problem at one post under one option draw.
pub struct Oracle<'a> {
    pub inst: &'a Instance,
    pub done: u32,
    pub gaps: Vec<Gap>,
    /// Selection cost per course (formal hours divided by the share).
    pub cost: Vec<f64>,
    pub sets: Vec<u32>,
}

impl<'a> Oracle<'a> {
    pub fn new(
        inst: &'a Instance,
        o: usize,
        position: usize,
        assume: Option<u8>,
        value: impl Fn(usize, u8) -> f64,
        share: Option<f64>,
    ) -> Self {
        let officer = &inst.officers[o];
        let done = (0..inst.courses.len())
            .filter(|&k| officer.completed[k])
            .fold(0u32, |m, k| m | 1 << k);
        // Competency ids sort in the order of their first letters, which is the plan's order.
        let mut order: Vec<usize> = (0..inst.kinds.len()).collect();
        order.sort_by_key(|&c| COMPETENCIES[c]);
        let gaps = order
            .into_iter()
            .filter(|&c| inst.required[position][c] > officer.held[c])
            .map(|c| {
                let required = inst.required[position][c];
                let closers = (0..inst.courses.len())
                    .filter(|&k| {
                        inst.courses[k]
                            .provides
                            .iter()
                            .any(|&(pc, l)| pc == c && l.or(assume).is_some_and(|l| l >= required))
                    })
                    .fold(0u32, |m, k| m | 1 << k);
                Gap {
                    competency: c,
                    current: officer.held[c],
                    required,
                    value: value(c, required - officer.held[c]),
                    closers,
                }
            })
            .collect();
        let cost = inst
            .courses
            .iter()
            .map(|k| match share {
                Some(s) if MODES[k.mode] == Mode::Formal => k.hours / s,
                _ => k.hours,
            })
            .collect();
        Oracle {
            inst,
            done,
            gaps,
            cost,
            // Enumerated on small catalogues only.
            sets: if inst.courses.len() <= EXHAUSTIVE {
                inst.closed_sets(done)
            } else {
                Vec::new()
            },
        }
    }

    /// Whether every closed subset was enumerated.
    pub fn exhaustive(&self) -> bool {
        self.inst.courses.len() <= EXHAUSTIVE
    }

    pub fn closable(&self, g: &Gap) -> bool {
        g.closers & !self.done != 0
    }

    /// Gaps (bit set over `gaps`) a set of courses closes.
    pub fn covers(&self, set: u32) -> u64 {
        self.gaps
            .iter()
            .enumerate()
            .filter(|(_, g)| g.closers & set != 0)
            .fold(0u64, |m, (i, _)| m | 1 << i)
    }

    pub fn value(&self, gaps: u64) -> f64 {
        self.gaps
            .iter()
            .enumerate()
            .filter(|&(i, _)| gaps & 1 << i != 0)
            .map(|(_, g)| g.value)
            .sum()
    }

    pub fn cost(&self, set: u32) -> f64 {
        (0..self.inst.courses.len())
            .filter(|&k| set & 1 << k != 0)
            .map(|k| self.cost[k])
            .sum()
    }

    /// The first course of `set` that is no prerequisite of another course of `set` and
    /// alone closes no gap worth something: a plan holding it is not minimal.
    pub fn needless(&self, set: u32) -> Option<usize> {
        let courses = &self.inst.courses;
        (0..courses.len())
            .filter(|&k| set & 1 << k != 0)
            .find(|&k| {
                let required = (0..courses.len())
                    .any(|d| set & 1 << d != 0 && courses[d].prerequisites.contains(&k));
                let own = self.covers(1 << k) & !self.covers(set & !(1 << k));
                !required && self.value(own) <= 0.0
            })
    }

    /// Closable gaps worth something.
    pub fn wanted(&self) -> u64 {
        self.gaps
            .iter()
            .enumerate()
            .filter(|(_, g)| self.closable(g) && g.value > 0.0)
            .fold(0u64, |m, (i, _)| m | 1 << i)
    }

    /// The least selection cost closing every wanted gap.
    pub fn least_cost(&self) -> f64 {
        let want = self.wanted();
        self.sets
            .iter()
            .filter(|&&s| self.covers(s) & want == want)
            .map(|&s| self.cost(s))
            .fold(f64::INFINITY, f64::min)
    }

    /// The most value within `budget` hours, and the least selection cost for it.
    pub fn best_within(&self, budget: f64) -> (f64, f64) {
        let fits: Vec<u32> = self
            .sets
            .iter()
            .copied()
            .filter(|&s| self.inst.hours(s) <= budget + TOL)
            .collect();
        let best = fits
            .iter()
            .map(|&s| self.value(self.covers(s)))
            .fold(0.0, f64::max);
        let cost = fits
            .iter()
            .filter(|&&s| self.value(self.covers(s)) >= best - TOL)
            .map(|&s| self.cost(s))
            .fold(f64::INFINITY, f64::min);
        (best, cost)
    }

    /// Why a gap no course not completed closes stays open.
    pub fn reason(&self, g: &Gap, assume: Option<u8>) -> OpenReason {
        let levels: Vec<Option<u8>> = self
            .inst
            .courses
            .iter()
            .flat_map(|k| k.provides.iter())
            .filter(|&&(c, _)| c == g.competency)
            .map(|&(_, l)| l.or(assume))
            .collect();
        if levels.is_empty() {
            OpenReason::NoCourse
        } else if g.closers != 0 {
            OpenReason::CompletedOnly
        } else {
            match levels.iter().flatten().max() {
                Some(&best) => OpenReason::LevelTooLow {
                    best: support_level(best),
                },
                None => OpenReason::UntaggedOnly,
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Plan laws
// ---------------------------------------------------------------------------------------

fn fail(what: String) -> TestCaseError {
    TestCaseError::fail(what)
}

/// Every law of a learning path; `budget` and `cap` as asked.
fn check_plan(
    or: &Oracle<'_>,
    plan: &Plan<'_>,
    budget: Option<f64>,
    cap: Option<f64>,
    share: Option<f64>,
    assume: Option<u8>,
) -> Result<(), TestCaseError> {
    let inst = or.inst;
    let (steps, set) = inst.plan_courses(plan);
    prop_assert_eq!(set.count_ones() as usize, steps.len(), "a course twice");
    prop_assert_eq!(set & or.done, 0, "a completed course");
    // Prerequisites first (those not completed).
    for (i, &k) in steps.iter().enumerate() {
        for &p in &inst.courses[k].prerequisites {
            if or.done & 1 << p == 0 {
                let at = steps.iter().position(|&d| d == p);
                prop_assert!(
                    at.is_some_and(|at| at < i),
                    "{} before its prerequisite {}",
                    COURSES[k],
                    COURSES[p]
                );
            }
        }
    }
    let hours = inst.hours(set);
    prop_assert!(
        (plan.total_hours - hours).abs() <= 1e-6,
        "{} h, steps sum to {hours}",
        plan.total_hours
    );
    if let Some(b) = budget {
        prop_assert!(hours <= b + TOL, "{hours} h over the budget {b}");
    }
    // Totals and what each step closes.
    let covered = or.covers(set);
    let closed: usize = plan.steps.iter().map(|s| s.closes.len()).sum();
    prop_assert_eq!(closed, covered.count_ones() as usize);
    prop_assert_eq!(plan.closed, closed);
    let value = or.value(covered);
    prop_assert!(
        (plan.value_closed - value).abs() <= TOL * (1.0 + value),
        "closes {}, the gaps closed are worth {value}",
        plan.value_closed
    );
    let formal: f64 = (0..inst.courses.len())
        .filter(|&k| set & 1 << k != 0 && MODES[inst.courses[k].mode] == Mode::Formal)
        .map(|k| inst.courses[k].hours)
        .sum();
    prop_assert!((plan.blend.formal - formal).abs() <= 1e-6);
    prop_assert_eq!(
        plan.blend_target_met,
        share.map(|s| formal <= s * hours + 1e-9)
    );
    let left = budget.map(|b| b - hours);
    check_open(or, plan, set, left, assume)?;
    check_waste(or, set, left)?;
    check_terms(inst, plan, &steps, cap)?;
    check_certificate(or, plan, set, budget)
}

/// Every open gap and its reason, true for the plan (`left`: the hours a budget leaves).
fn check_open(
    or: &Oracle<'_>,
    plan: &Plan<'_>,
    set: u32,
    left: Option<f64>,
    assume: Option<u8>,
) -> Result<(), TestCaseError> {
    let inst = or.inst;
    let covered = or.covers(set);
    let mut want_open = Vec::new();
    for (i, g) in or.gaps.iter().enumerate() {
        if covered & 1 << i != 0 {
            continue;
        }
        let reason = if !or.closable(g) {
            or.reason(g, assume)
        } else if g.value <= 0.0 {
            OpenReason::NotPrioritised
        } else {
            let Some(left) = left else {
                return Err(fail(format!(
                    "least hours leaves {} open",
                    COMPETENCIES[g.competency]
                )));
            };
            // "Not within the budget": no course closing it fits the hours left, with its
            // pending prerequisites not in the plan.
            for k in (0..inst.courses.len()).filter(|&k| g.closers & !or.done & 1 << k != 0) {
                let add = inst.closure(k, or.done) & !set;
                prop_assert!(
                    inst.hours(add) > left + TOL,
                    "{} open as over the budget, but {} ({} h with prerequisites) fits in {left} h",
                    COMPETENCIES[g.competency],
                    COURSES[k],
                    inst.hours(add)
                );
            }
            OpenReason::Budget
        };
        want_open.push((
            COMPETENCIES[g.competency].to_owned(),
            g.current,
            g.required,
            reason,
        ));
    }
    let got_open = support::open_rows(&plan.open);
    prop_assert_eq!(got_open, want_open);
    Ok(())
}

/// Maximal under a budget (`left`: the hours it leaves) and minimal.
fn check_waste(or: &Oracle<'_>, set: u32, left: Option<f64>) -> Result<(), TestCaseError> {
    let inst = or.inst;
    let covered = or.covers(set);
    // Maximal: no course left out fits the hours left and closes something worth more.
    if let Some(left) = left {
        for k in (0..inst.courses.len()).filter(|&k| (set | or.done) & 1 << k == 0) {
            let add = inst.closure(k, or.done) & !set;
            if inst.hours(add) <= left + TOL {
                let gain = or.covers(add) & !covered;
                prop_assert!(
                    or.value(gain) <= 0.0,
                    "{} fits in the {left} h left and closes {} more",
                    COURSES[k],
                    or.value(gain)
                );
            }
        }
    }
    // Minimal: each course is a prerequisite of another, or alone closes a gap worth
    // something.
    prop_assert_eq!(
        or.needless(set).map(|k| COURSES[k]),
        None,
        "a course closes nothing the plan needs and is no prerequisite"
    );
    Ok(())
}

fn check_terms(
    inst: &Instance,
    plan: &Plan<'_>,
    steps: &[usize],
    cap: Option<f64>,
) -> Result<(), TestCaseError> {
    let Some(cap) = cap else {
        prop_assert!(plan.terms.is_empty());
        return Ok(());
    };
    let mut sums = vec![0.0; plan.terms.len()];
    let mut counts = vec![0usize; plan.terms.len()];
    let mut previous = 1;
    for (s, &k) in plan.steps.iter().zip(steps) {
        prop_assert!(s.term >= previous, "terms out of order");
        previous = s.term;
        let t = s.term as usize;
        prop_assert!((1..=plan.terms.len()).contains(&t));
        sums[t - 1] += s.hours;
        counts[t - 1] += 1;
        for (d, &p) in plan.steps.iter().zip(steps) {
            if inst.courses[k].prerequisites.contains(&p) {
                prop_assert!(
                    d.term < s.term,
                    "{} shares a term with a prerequisite",
                    s.course
                );
            }
        }
    }
    for (t, term) in plan.terms.iter().enumerate() {
        prop_assert!((term.hours - sums[t]).abs() <= 1e-6);
        let over = term.hours > cap + TOL;
        prop_assert_eq!(term.over_cap, over);
        prop_assert!(
            counts[t] > 0 && (!over || counts[t] == 1),
            "term {} of {} h",
            t + 1,
            term.hours
        );
    }
    // Each course goes to the earliest term after its prerequisites' terms that has room
    // for it: terms only fill up, so no earlier term with room at the end had none when
    // the course was placed, and a course within the cap that could still move to one
    // was placed too late.
    for (s, &k) in plan.steps.iter().zip(steps) {
        if s.hours > cap + TOL {
            continue;
        }
        let after = (plan.steps.iter().zip(steps))
            .filter(|&(_, &p)| inst.courses[k].prerequisites.contains(&p))
            .map(|(d, _)| d.term)
            .max()
            .unwrap_or(0);
        for u in after + 1..s.term {
            let term = &plan.terms[u as usize - 1];
            prop_assert!(
                term.over_cap || term.hours + s.hours > cap - 1e-6,
                "{} ({} h) in term {} while term {u} of {} h has room under the cap {cap}",
                s.course,
                s.hours,
                s.term,
                term.hours
            );
        }
    }
    Ok(())
}

fn check_certificate(
    or: &Oracle<'_>,
    plan: &Plan<'_>,
    set: u32,
    budget: Option<f64>,
) -> Result<(), TestCaseError> {
    let cost = or.cost(set);
    let close = |a: f64, b: f64| (a - b).abs() <= TOL * (1.0 + a.abs().max(b.abs()));
    match budget {
        None => {
            // Without enumeration, the plan itself is a cover: the bound is at most its cost.
            let least = if or.exhaustive() {
                or.least_cost()
            } else {
                cost
            };
            prop_assert!(
                plan.bound <= least + TOL * (1.0 + least),
                "bound {} above the least cost {least}",
                plan.bound
            );
            match plan.optimality {
                Optimality::Optimal => {
                    prop_assert!(close(cost, least), "optimal at {cost}, least {least}");
                    prop_assert!(
                        close(plan.bound, cost),
                        "optimal at {cost}, bound {}",
                        plan.bound
                    );
                }
                Optimality::Bounded { gap } => {
                    prop_assert!(gap > 0.0 && plan.bound > 0.0);
                    prop_assert!(
                        close(gap, cost / plan.bound - 1.0),
                        "gap {gap}, cost {cost}, bound {}",
                        plan.bound
                    );
                }
            }
        }
        Some(b) => {
            let value = plan.value_closed;
            let (best, least) = if or.exhaustive() {
                or.best_within(b)
            } else {
                (value, cost)
            };
            prop_assert!(
                plan.bound >= best - TOL * (1.0 + best),
                "bound {} below the optimum {best}",
                plan.bound
            );
            prop_assert!(value <= best + TOL * (1.0 + best));
            match plan.optimality {
                Optimality::Optimal => {
                    prop_assert!(close(value, best), "optimal closes {value}, best {best}");
                    prop_assert!(
                        close(cost, least),
                        "optimal at cost {cost}, {best} possible at {least}"
                    );
                }
                Optimality::Bounded { gap } => {
                    prop_assert!(plan.bound > 0.0 && (0.0..=1.0).contains(&gap));
                    prop_assert!(
                        close(gap, (1.0 - value / plan.bound).max(0.0)),
                        "gap {gap}, value {value}, bound {}",
                        plan.bound
                    );
                }
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Running
// ---------------------------------------------------------------------------------------

/// Cases per property: `PLAN_ORACLE_CASES`, else `default`.
pub fn cases(default: u32) -> u32 {
    std::env::var("PLAN_ORACLE_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

pub fn run<S: Strategy>(
    strategy: S,
    default: u32,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) where
    S::Value: std::fmt::Debug,
{
    let config = Config {
        cases: cases(default),
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner = TestRunner::new(config);
    if let Err(e) = runner.run(&strategy, test) {
        panic!("{e}");
    }
}

/// Plans every officer at their post with both objectives and every solver, and hands
/// each plan to `check` with the officer's oracle, the officer, whether the plan is
/// budgeted and its solver.
pub fn each_plan(
    inst: &Instance,
    d: &Drawn,
    mut check: impl FnMut(&Oracle<'_>, &Plan<'_>, usize, bool, Solver) -> Result<(), TestCaseError>,
) -> Result<(), TestCaseError> {
    let fw = inst.framework();
    let value = |c: usize, shortfall: u8| {
        f64::from(shortfall) * d.type_weight(inst.kinds[c]) * d.competency_weight(c)
    };
    for o in 0..inst.officers.len() {
        let profile = inst.profile(&fw, o);
        let position = inst.officers[o].position;
        let or = Oracle::new(inst, o, position, d.assume, value, d.share);
        for budget in [false, true] {
            for solver in SOLVERS {
                let options = d.options(inst.kinds.len(), budget, solver);
                let plan = fw
                    .recommend(&profile, POSITIONS[position], &options)
                    .unwrap();
                check(&or, &plan, o, budget, solver)?;
            }
        }
    }
    Ok(())
}

/// Plans every officer at their post with both objectives and every solver.
fn recommend_case(inst: &Instance, d: &Drawn) -> Result<(), TestCaseError> {
    let fw = inst.framework();
    let value = |c: usize, shortfall: u8| {
        f64::from(shortfall) * d.type_weight(inst.kinds[c]) * d.competency_weight(c)
    };
    for o in 0..inst.officers.len() {
        let profile = inst.profile(&fw, o);
        let position = inst.officers[o].position;
        let or = Oracle::new(inst, o, position, d.assume, value, d.share);
        for budget in [false, true] {
            // (selection cost, value, bound, proven) of each solver's plan.
            let mut seen: Vec<(f64, f64, f64, bool)> = Vec::new();
            for solver in SOLVERS {
                let options = d.options(inst.kinds.len(), budget, solver);
                let plan = fw
                    .recommend(&profile, POSITIONS[position], &options)
                    .unwrap();
                let asked = budget.then_some(d.budget_hours());
                let cap = d.term_hours.map(f64::from);
                check_plan(&or, &plan, asked, cap, d.share, d.assume).map_err(|e| {
                    fail(format!(
                        "{e}\nofficer {o}, {solver:?}, budget {asked:?}\n{plan}"
                    ))
                })?;
                let again = fw
                    .recommend(&profile, POSITIONS[position], &options)
                    .unwrap();
                prop_assert_eq!(
                    serde_json::to_string(&plan).unwrap(),
                    serde_json::to_string(&again).unwrap()
                );
                let set = plan
                    .steps
                    .iter()
                    .fold(0u32, |m, s| m | 1 << inst.course_index(s.course.as_str()));
                seen.push((
                    or.cost(set),
                    plan.value_closed,
                    plan.bound,
                    plan.optimality == Optimality::Optimal,
                ));
            }
            check_across(&seen, budget).map_err(|e| fail(format!("{e}\nofficer {o}")))?;
        }
    }
    Ok(())
}

/// Every solver's bound against every solver's plan, and each proven plan the best of all:
/// this holds on catalogues too large to enumerate.
fn check_across(seen: &[(f64, f64, f64, bool)], budget: bool) -> Result<(), TestCaseError> {
    let slack = |x: f64| TOL * (1.0 + x.abs());
    for &(cost, value, _, proven) in seen {
        for &(other_cost, other_value, bound, _) in seen {
            if budget {
                prop_assert!(
                    bound >= value - slack(value),
                    "bound {bound} below a plan's {value}"
                );
                if proven {
                    prop_assert!(
                        value > other_value + slack(value)
                            || (value >= other_value - slack(value)
                                && cost <= other_cost + slack(cost)),
                        "proven ({value}, {cost}) beaten by ({other_value}, {other_cost})"
                    );
                }
            } else {
                prop_assert!(
                    bound <= cost + slack(cost),
                    "bound {bound} above a plan's {cost}"
                );
                if proven {
                    prop_assert!(
                        cost <= other_cost + slack(cost),
                        "proven {cost} beaten by {other_cost}"
                    );
                }
            }
        }
    }
    Ok(())
}

#[test]
fn every_learning_path_obeys_its_laws_under_every_option() {
    run((instance(12, 2), drawn()), 150, |(inst, d)| {
        recommend_case(&inst, &d)
    });
}

/// Gaps worth from one to billions of levels in one plan: the laws hold whatever the
/// magnitudes (a gap worth 1 beside one worth 10⁹ is worth something).
#[test]
fn learning_paths_obey_their_laws_with_weights_far_apart() {
    run((instance(12, 2), drawn_extreme()), 150, |(inst, d)| {
        recommend_case(&inst, &d)
    });
}

/// Gaps worth from a sixteenth of a level to 5·10¹⁸ (type and competency weights both up to
/// `Weights::MAX`) in one plan, whose sums a double rounds: every plan of every solver is
/// still feasible, minimal, maximal under a budget (no course closing a gap worth
/// something fits in the hours left, however small that gap beside the plan), and every
/// open gap's reason is true. These laws are about sets, so they are checked exactly; the
/// optimum's value is not, as the sums of the oracle round as the planner's do.
#[test]
fn learning_paths_are_minimal_and_maximal_with_values_beyond_a_doubles_precision() {
    run((instance(12, 2), drawn_beyond()), 600, |(inst, d)| {
        each_plan(&inst, &d, |or, plan, o, budget, solver| {
            let (_, set) = inst.plan_courses(plan);
            let left = budget.then(|| d.budget_hours() - inst.hours(set));
            prop_assert!(left.is_none_or(|left| left >= -TOL), "over the budget");
            check_open(or, plan, set, left, d.assume)
                .and_then(|()| check_waste(or, set, left))
                .map_err(|e| fail(format!("{e}\nofficer {o}, {solver:?}\n{plan}")))
        })
    });
}

/// Catalogues too large to enumerate (up to 31 courses, 12 competencies): every law but
/// the optimum's, and every solver's bound and proof against every solver's plan.
#[test]
fn larger_learning_paths_obey_their_laws_and_agree_across_solvers() {
    run((instance_sized(12, 31, 2), drawn()), 40, |(inst, d)| {
        recommend_case(&inst, &d)
    });
}

/// Career paths and successors rank exactly what `recommend` plans post by post and
/// officer by officer: fewest unclosable gaps, then hours, then readiness, then the key.
fn career_case(
    inst: &Instance,
    assume: Option<u8>,
    solver: Solver,
    weights: Option<[u32; 3]>,
) -> Result<(), TestCaseError> {
    let fw = inst.framework();
    let untagged = match assume {
        None => UntaggedLevel::Ignore,
        Some(l) => UntaggedLevel::Assume(support_level(l)),
    };
    let ro = RecommendOptions::default()
        .solver(solver)
        .untagged(untagged);
    let co = CareerOptions::default()
        .solver(solver)
        .untagged(untagged)
        .exclude_current(false)
        .top(usize::MAX);
    let co = co.gap_options(gap_weights(weights));
    let profiles: Vec<Profile> = (0..inst.officers.len())
        .map(|o| inst.profile(&fw, o))
        .collect();
    let row = |p: &Profile, position: usize| {
        let plan = fw.recommend(p, POSITIONS[position], &ro).unwrap();
        let open = plan
            .open
            .iter()
            .filter(|g| !matches!(g.reason, OpenReason::NotPrioritised | OpenReason::Budget))
            .count() as u32;
        (open, plan.total_hours, plan.steps.len() as u32)
    };
    for (o, p) in profiles.iter().enumerate() {
        let fits = fw.career_paths(p, &co).unwrap();
        prop_assert_eq!(fits.len(), inst.required.len());
        let mut previous: Option<(u32, f64, f64, String)> = None;
        for f in &fits {
            let position = POSITIONS
                .iter()
                .position(|&q| q == f.position.as_str())
                .unwrap();
            let (open, hours, courses) = row(p, position);
            check_fit(inst, f, (o, position), assume, weights)?;
            prop_assert_eq!(
                (f.open, f.hours, f.courses),
                (open, hours, courses),
                "officer {} post {}",
                o,
                POSITIONS[position]
            );
            let key = (f.open, f.hours, f.readiness, f.position.to_string());
            if let Some(prev) = &previous {
                let order = prev
                    .0
                    .cmp(&key.0)
                    .then(prev.1.total_cmp(&key.1))
                    .then(key.2.total_cmp(&prev.2))
                    .then(prev.3.cmp(&key.3));
                prop_assert!(order.is_lt(), "{prev:?} then {key:?}");
            }
            previous = Some(key);
        }
        for k in 0..=fits.len() {
            let top = fw.career_paths(p, &co.clone().top(k)).unwrap();
            prop_assert_eq!(&top[..], &fits[..k]);
        }
    }
    let cohort = karmayogi::Cohort::new(
        &fw,
        (0..inst.officers.len())
            .map(|o| inst.officer_spec(o))
            .collect::<Vec<_>>(),
        &LevelPolicy::default(),
    )
    .unwrap();
    for (q, &post) in POSITIONS[..inst.required.len()].iter().enumerate() {
        let fits = fw.successors(&cohort, post, &co).unwrap();
        prop_assert_eq!(fits.len(), inst.officers.len());
        let mut rows: Vec<(u32, f64, usize)> = Vec::new();
        for f in &fits {
            let o = OFFICERS
                .iter()
                .position(|&x| x == f.officer.as_str())
                .unwrap();
            let (open, hours, courses) = row(&profiles[o], q);
            check_fit(inst, f, (o, q), assume, weights)?;
            prop_assert_eq!((f.open, f.hours, f.courses), (open, hours, courses));
            rows.push((open, hours, o));
        }
        for w in rows.windows(2) {
            prop_assert!(
                w[0].0 < w[1].0 || (w[0].0 == w[1].0 && w[0].1 <= w[1].1),
                "successors out of order: {:?}",
                w
            );
        }
        for k in 0..=fits.len() {
            let top = fw.successors(&cohort, post, &co.clone().top(k)).unwrap();
            prop_assert_eq!(&top[..], &fits[..k]);
        }
    }
    Ok(())
}

/// Gap options with these type weights (behavioural, functional, domain), else the default.
fn gap_weights(weights: Option<[u32; 3]>) -> karmayogi::GapOptions {
    let options = karmayogi::GapOptions::default();
    match weights {
        Some([b, f, d]) => {
            options.weights(Weights::new(f64::from(b), f64::from(f), f64::from(d)).unwrap())
        }
        None => options,
    }
}

/// What a fit states of officer `o` at a post, against the oracle: the gaps, those no
/// course not completed closes, hours no fewer than the least closing the others
/// (enumerated), and readiness as `GapReport` defines it under the type weights.
fn check_fit(
    inst: &Instance,
    f: &karmayogi::CareerFit,
    (o, position): (usize, usize),
    assume: Option<u8>,
    weights: Option<[u32; 3]>,
) -> Result<(), TestCaseError> {
    let or = Oracle::new(inst, o, position, assume, |_, s| f64::from(s), None);
    let open = or.gaps.iter().filter(|g| !or.closable(g)).count() as u32;
    prop_assert_eq!(
        (f.gaps, f.open),
        (or.gaps.len() as u32, open),
        "officer {} post {}",
        o,
        position
    );
    if or.exhaustive() {
        let least = or.least_cost();
        prop_assert!(
            f.hours >= least - 1e-6,
            "{} h, below the least {least} h",
            f.hours
        );
    }
    let (mut met, mut required) = ([0u32; 3], [0u32; 3]);
    for (c, &r) in inst.required[position].iter().enumerate() {
        if r > 0 {
            met[inst.kinds[c]] += u32::from(r.min(inst.officers[o].held[c]));
            required[inst.kinds[c]] += u32::from(r);
        }
    }
    let w = |t: usize| weights.map_or(1.0, |w| f64::from(w[t]));
    let num: f64 = (0..3).map(|t| w(t) * f64::from(met[t])).sum();
    let den: f64 = (0..3).map(|t| w(t) * f64::from(required[t])).sum();
    let readiness = if den > 0.0 { num / den } else { 1.0 };
    prop_assert!(
        (f.readiness - readiness).abs() <= 1e-12,
        "readiness {}, by definition {readiness}",
        f.readiness
    );
    Ok(())
}

#[test]
fn career_paths_and_successors_rank_what_recommend_plans() {
    run(
        (
            instance(10, 4),
            option::weighted(0.25, 1u8..=5),
            prop::sample::select(SOLVERS.to_vec()),
            option::weighted(0.3, [0u32..=3, 0u32..=3, 0u32..=3]),
        ),
        100,
        |(inst, assume, solver, weights)| career_case(&inst, assume, solver, weights),
    );
}
