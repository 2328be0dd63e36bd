//! Department plans (Annual Capacity Building Plans): named scenarios on small hand-written
//! frameworks (asserting whole plans), and property tests over small generated instances
//! checked against a brute-force oracle written independently of the library's planner.
//!
//! Generated instances: 1–5 competencies of random types; one or two positions, each
//! requiring 1–5 of them at levels 1–4 through a role; 1–5 courses of 1 to 10 whole hours,
//! each building 1–3 competencies at levels 1–5 (mostly 3–5, a tenth untagged), with
//! prerequisites only on courses generated earlier (so acyclic); 2–4 officers with assessed
//! levels 0–3 (0 for two in five) and each course completed with probability 1/5. Options:
//! a budget of 0 to 30 hours (a tenth unbudgeted), an officer cap of 0 to 15 hours (a third
//! of cases), per-course seat limits of 0 to 3 (a third of cases, half the courses) and
//! default seats of 0 to 3 (a sixth), integer type, competency and position weights (mostly
//! 1, zero allowed). Ids are not generated in sorted order. Every number is an integer, so
//! sums of hours and values are exact and compared exactly.
//!
//! The oracle enumerates, per officer, every subset of the courses not completed that is
//! closed under pending prerequisites (a completed course's own prerequisites are not
//! needed), keeps the feasible ones (officer cap, no course with zero seats) that cannot
//! lose a course without losing value, and searches all combinations across officers under
//! the budget and the seat limits for the most weighted shortfall closed.
//!
//! Cases per property (`ProptestConfig::with_cases`):
//! - every law of `DepartmentPlan`'s `# Properties` (caps, budget, seats, prerequisites
//!   earlier in the same officer's list unless completed, `officers_short = closed +
//!   open.total()`), every total and count against the enrolments, the open reasons against
//!   the final plan (where seats are unlimited), `value_closed` equal to the oracle's value
//!   of the enrolments, at most the optimum, and at least `(1 − 1/e)/2` of it where the
//!   documented guarantee applies (no seat limits, no officer cap, no course a prerequisite
//!   of two): 4000
//! - more budget never lowers the optimum; removing a course (with the courses requiring
//!   it) never raises the optimum, and the smaller catalogue's plan obeys the laws: 1000 each
//! - determinism (byte-identical JSON over two runs, threads 1 and 2, a rebuilt framework
//!   and cohort, and the officers listed in another order): 500
//! - the exact solver (`Solver::Exact`) proves the brute-force optimum and obeys every law;
//!   on its plans, more budget never closes less and removing a course (with the courses
//!   requiring it) never helps: 500 each
//! - no budget, cap or seat limit closes every closable gap of positive value: 500
//!
//! `quality_against_the_optimum` plans 4000 fixed instances (proptest's deterministic
//! runner, so the figures are reproducible) and prints the ratio of plan value to optimum
//! (`cargo test --test acbp quality -- --nocapture`). Observed over the 1884 instances with
//! a positive optimum: mean 0.9987, worst 0.6000; over the 609 of them where the guarantee
//! applies: mean 0.9994, worst 0.8000, against the bound 0.3161.
//!
//! Not asserted of the greedy planner, because it does not hold there: that more budget
//! never closes less and that removing a course never helps. Both hold for the optimum,
//! and so for the exact solver's proven plans, which is where they are asserted; the greedy
//! breaks them on hand-built instances with a shared prerequisite or a scarce course (see
//! `greedy_can_close_less_with_more_budget`).
//!
//! The whole file runs in about 9 s in debug mode on two cores.

// Hours and weights are whole numbers, so sums of them are exact and compared exactly.
#![allow(clippy::float_cmp)]

use std::fmt::Write as _;

use karmayogi::{
    AcbpOptions, Cohort, CompetencySpec, CompetencyType, CourseSpec, DepartmentPlan, EntityKind,
    Error, Evidence, EvidenceSource, FORMAT_VERSION, Framework, FrameworkSpec, LevelPolicy, Mode,
    OfficerSpec, OfficersSpec, OpenCounts, Optimality, PositionSpec, RequirementSpec, RoleSpec,
    Solver, Weights,
};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;

use crate::support::{self, evidence, planning_case};
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;

const DATE: &str = "2025-01-15";
const FUNCTIONAL: CompetencyType = CompetencyType::Functional;
const BEHAVIOURAL: CompetencyType = CompetencyType::Behavioural;
const DOMAIN: CompetencyType = CompetencyType::Domain;

// ---------------------------------------------------------------------------------------
// Scenario builders
// ---------------------------------------------------------------------------------------

/// A course of the catalogue: `(id, name, hours, mode, provides, prerequisites)`.
type Course<'a> = (
    &'a str,
    &'a str,
    f64,
    Mode,
    &'a [(&'a str, Option<u8>)],
    &'a [&'a str],
);

/// A position `(id, department, requirements)`; its one role `role-{id}` requires them.
type Position<'a> = (&'a str, &'a str, &'a [(&'a str, u8)]);

fn course_spec(c: &Course<'_>) -> CourseSpec {
    let &(id, name, hours, mode, provides, prerequisites) = c;
    CourseSpec {
        name: name.to_owned(),
        ..support::course(id, hours, mode, provides, prerequisites)
    }
}

#[track_caller]
fn framework(
    competencies: &[(&str, CompetencyType)],
    positions: &[Position<'_>],
    courses: &[Course<'_>],
) -> Framework {
    let spec = FrameworkSpec {
        format_version: FORMAT_VERSION,
        competencies: competencies
            .iter()
            .map(|&(id, kind)| CompetencySpec {
                id: id.into(),
                name: format!("{id} skills"),
                description: String::new(),
                kind,
                area: None,
                levels: Vec::new(),
                groups: Vec::new(),
                max_level: None,
                min_level: None,
            })
            .collect(),
        activities: Vec::new(),
        roles: positions
            .iter()
            .map(|&(id, _, requires)| RoleSpec {
                id: format!("role-{id}").into(),
                name: format!("Duties of {id}"),
                activities: Vec::new(),
                requires: requires
                    .iter()
                    .map(|&(c, level)| RequirementSpec::new(c, level))
                    .collect(),
            })
            .collect(),
        positions: positions
            .iter()
            .map(|&(id, department, _)| PositionSpec {
                id: id.into(),
                name: format!("Post {id}"),
                department: department.into(),
                roles: vec![format!("role-{id}").into()],
            })
            .collect(),
        courses: courses.iter().map(course_spec).collect(),
        groups: Vec::new(),
    };
    Framework::new(spec).expect("scenario framework is valid")
}

/// An officer with assessed levels `held` who completed `completed` (recorded at level 0
/// against `completion_competency`, so a completion never raises a level by itself).
fn officer(
    id: &str,
    department: &str,
    position: &str,
    held: &[(&str, u8)],
    completed: &[&str],
    completion_competency: &str,
) -> OfficerSpec {
    let mut passbook: Vec<Evidence> = held
        .iter()
        .map(|&(c, level)| evidence(c, level, EvidenceSource::Assessment, DATE, None))
        .collect();
    passbook.extend(completed.iter().map(|&course| {
        evidence(
            completion_competency,
            0,
            EvidenceSource::CourseCompletion,
            DATE,
            Some(course),
        )
    }));
    support::officer(id, department, position, passbook)
}

#[track_caller]
fn cohort(fw: &Framework, officers: &[OfficerSpec]) -> Cohort {
    Cohort::new(fw, officers, &LevelPolicy::default()).expect("scenario officers are valid")
}

const EXACT: Solver = Solver::Exact {
    node_limit: 2_000_000,
};

/// The exact solver's plan, which must be proven optimal on instances this small.
#[track_caller]
fn exact_plan<'f>(fw: &'f Framework, cohort: &Cohort, options: &AcbpOptions) -> DepartmentPlan<'f> {
    let plan = plan(fw, cohort, &options.clone().solver(EXACT));
    assert_eq!(
        plan.optimality,
        Optimality::Optimal,
        "the exact search finishes on small instances"
    );
    plan
}

#[track_caller]
fn plan<'f>(fw: &'f Framework, cohort: &Cohort, options: &AcbpOptions) -> DepartmentPlan<'f> {
    fw.department_plan(cohort, options)
        .expect("department plan succeeds")
}

fn open_text(o: &OpenCounts) -> String {
    let parts: Vec<String> = [
        ("no_course", o.no_course),
        ("level_too_low", o.level_too_low),
        ("untagged_only", o.untagged_only),
        ("completed_only", o.completed_only),
        ("budget", o.budget),
        ("seats", o.seats),
        ("officer_cap", o.officer_cap),
    ]
    .iter()
    .filter(|(_, n)| *n > 0)
    .map(|(name, n)| format!("{name} {n}"))
    .collect();
    if parts.is_empty() {
        "none".to_owned()
    } else {
        parts.join(", ")
    }
}

/// Every field of a plan, one line per course run, enrolment and competency outcome.
fn summary(plan: &DepartmentPlan<'_>) -> String {
    let mut s = String::new();
    let budget = plan.budget.map_or("none".to_owned(), |b| b.to_string());
    let _ = writeln!(
        s,
        "{} officers, {} gaps, {} closed, value {}/{}, {} h, budget {budget}",
        plan.officers, plan.gaps, plan.gaps_closed, plan.value_closed, plan.value_total, plan.hours
    );
    for r in &plan.courses {
        let limit = r.seat_limit.map_or("-".to_owned(), |l| l.to_string());
        let _ = writeln!(
            s,
            "run {} ({}, {:?}, {} h): {} seats of {limit}, {} person-hours",
            r.course, r.name, r.mode, r.hours, r.seats, r.person_hours
        );
    }
    for e in &plan.enrolments {
        let courses: Vec<&str> = e.courses.iter().map(|c| c.as_str()).collect();
        let _ = writeln!(
            s,
            "enrol {} ({}): {} = {} h, {} closed",
            e.officer,
            e.position,
            courses.join(" > "),
            e.hours,
            e.gaps_closed
        );
    }
    for c in &plan.competencies {
        let _ = writeln!(
            s,
            "{} ({}): {} short, {} closed ({} levels), open {}",
            c.competency,
            c.kind,
            c.officers_short,
            c.closed,
            c.levels_closed,
            open_text(&c.open)
        );
    }
    let _ = writeln!(s, "open {}", open_text(&plan.open));
    s
}

#[track_caller]
fn assert_plan(plan: &DepartmentPlan<'_>, expected: &str) {
    let got = summary(plan);
    assert_eq!(
        got.trim_end(),
        expected.trim(),
        "\n--- got ---\n{got}--- expected ---\n{}",
        expected.trim()
    );
}

/// The officers of each enrolment, in the plan's order.
fn enrolled(plan: &DepartmentPlan<'_>) -> Vec<String> {
    plan.enrolments
        .iter()
        .map(|e| {
            let courses: Vec<&str> = e.courses.iter().map(|c| c.as_str()).collect();
            format!("{}: {}", e.officer, courses.join(" > "))
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Named scenarios
// ---------------------------------------------------------------------------------------

/// A head post office: three posts in two departments; a catalogue where accounts to
/// level 3 needs a prerequisite, one course builds two competencies, one competency has no
/// course, one only a course too low, and one only an untagged course.
fn post_office() -> Framework {
    framework(
        &[
            ("accounts", FUNCTIONAL),
            ("integrity", BEHAVIOURAL),
            ("postal-ops", DOMAIN),
            ("gst", DOMAIN),
            ("drafting", FUNCTIONAL),
            ("ethics", BEHAVIOURAL),
        ],
        &[
            (
                "postmaster",
                "posts",
                &[
                    ("accounts", 3),
                    ("integrity", 2),
                    ("postal-ops", 2),
                    ("gst", 1),
                    ("drafting", 3),
                    ("ethics", 2),
                ],
            ),
            ("clerk", "posts", &[("accounts", 2), ("postal-ops", 2)]),
            ("inspector", "revenue", &[("integrity", 3), ("accounts", 3)]),
        ],
        &[
            (
                "acc-101",
                "Accounts basics",
                6.0,
                Mode::Formal,
                &[("accounts", Some(2))],
                &[],
            ),
            (
                "acc-201",
                "Post office accounts",
                12.0,
                Mode::Formal,
                &[("accounts", Some(3))],
                &["acc-101"],
            ),
            (
                "counter",
                "Counter rotation",
                20.0,
                Mode::Experiential,
                &[("postal-ops", Some(3))],
                &[],
            ),
            (
                "cash",
                "Cash handling",
                8.0,
                Mode::Social,
                &[("accounts", Some(2)), ("postal-ops", Some(2))],
                &[],
            ),
            (
                "integrity",
                "Integrity module",
                4.0,
                Mode::Formal,
                &[("integrity", Some(3))],
                &[],
            ),
            (
                "draft",
                "Drafting basics",
                5.0,
                Mode::Formal,
                &[("drafting", Some(2))],
                &[],
            ),
            (
                "ethics-talk",
                "Ethics talk",
                2.0,
                Mode::Social,
                &[("ethics", None)],
                &[],
            ),
        ],
    )
}

/// Four officers: a postmaster short in five competencies (two closable), a clerk whose
/// two gaps one course closes, an inspector (department `revenue`) who completed the
/// accounts prerequisite, and a postmaster whose only closable gap needs a course they
/// already completed.
fn post_office_officers() -> Vec<OfficerSpec> {
    vec![
        officer(
            "pm-1",
            "posts",
            "postmaster",
            &[("accounts", 1), ("integrity", 3)],
            &[],
            "accounts",
        ),
        officer("clerk-1", "posts", "clerk", &[], &[], "accounts"),
        officer(
            "insp-1",
            "revenue",
            "inspector",
            &[("integrity", 1)],
            &["acc-101"],
            "accounts",
        ),
        officer(
            "pm-2",
            "posts",
            "postmaster",
            &[
                ("accounts", 2),
                ("integrity", 2),
                ("postal-ops", 2),
                ("drafting", 3),
            ],
            &["acc-101", "acc-201"],
            "accounts",
        ),
    ]
}

const POST_OFFICE_PLAN: &str = "
4 officers, 12 gaps, 6 closed, value 13/23, 50 h, budget none
run acc-201 (Post office accounts, Formal, 12 h): 2 seats of -, 24 person-hours
run cash (Cash handling, Social, 8 h): 2 seats of -, 16 person-hours
run acc-101 (Accounts basics, Formal, 6 h): 1 seats of -, 6 person-hours
run integrity (Integrity module, Formal, 4 h): 1 seats of -, 4 person-hours
enrol clerk-1 (clerk): cash = 8 h, 2 closed
enrol insp-1 (inspector): acc-201 > integrity = 16 h, 2 closed
enrol pm-1 (postmaster): acc-101 > acc-201 > cash = 26 h, 2 closed
accounts (functional): 4 short, 3 closed (7 levels), open completed_only 1
ethics (behavioural): 2 short, 0 closed (0 levels), open untagged_only 2
gst (domain): 2 short, 0 closed (0 levels), open no_course 2
postal-ops (domain): 2 short, 2 closed (4 levels), open none
drafting (functional): 1 short, 0 closed (0 levels), open level_too_low 1
integrity (behavioural): 1 short, 1 closed (2 levels), open none
open no_course 2, level_too_low 1, untagged_only 2, completed_only 1
";

#[test]
fn unlimited_budget_closes_everything_closable() {
    let fw = post_office();
    let cohort = cohort(&fw, &post_office_officers());
    let plan = plan(&fw, &cohort, &AcbpOptions::default());
    // pm-1: cash (8 h) closes postal-ops at 2 per hour better than the counter rotation;
    // accounts to 3 needs acc-201 with its prerequisite. insp-1 completed acc-101, so only
    // acc-201 is enrolled and acc-101 is not re-run. Open gaps are the unclosable ones.
    assert_plan(&plan, POST_OFFICE_PLAN);
}

#[test]
fn a_budget_that_forces_a_choice_takes_the_most_value_per_hour() {
    let fw = framework(
        &[("a", FUNCTIONAL), ("b", FUNCTIONAL), ("c", FUNCTIONAL)],
        &[("post", "dept", &[("a", 3), ("b", 3), ("c", 3)])],
        &[
            ("ka", "Course a", 4.0, Mode::Formal, &[("a", Some(3))], &[]),
            ("kb", "Course b", 6.0, Mode::Formal, &[("b", Some(3))], &[]),
            ("kc", "Course c", 5.0, Mode::Formal, &[("c", Some(3))], &[]),
        ],
    );
    let officers = [
        officer("o1", "dept", "post", &[("b", 3), ("c", 3)], &[], "a"),
        officer("o2", "dept", "post", &[("a", 3), ("c", 3)], &[], "a"),
        officer(
            "o3",
            "dept",
            "post",
            &[("a", 3), ("b", 3), ("c", 1)],
            &[],
            "a",
        ),
    ];
    let cohort = cohort(&fw, &officers);
    // 10 hours: a (3 levels in 4 h) and b (3 in 6 h) beat c (2 in 5 h); c no longer fits.
    let options = AcbpOptions::default().budget(10.0).unwrap();
    assert_plan(
        &plan(&fw, &cohort, &options),
        "
3 officers, 3 gaps, 2 closed, value 6/8, 10 h, budget 10
run ka (Course a, Formal, 4 h): 1 seats of -, 4 person-hours
run kb (Course b, Formal, 6 h): 1 seats of -, 6 person-hours
enrol o1 (post): ka = 4 h, 1 closed
enrol o2 (post): kb = 6 h, 1 closed
a (functional): 1 short, 1 closed (3 levels), open none
b (functional): 1 short, 1 closed (3 levels), open none
c (functional): 1 short, 0 closed (0 levels), open budget 1
open budget 1
",
    );
    // 9 hours: after a, b no longer fits but c does.
    let options = AcbpOptions::default().budget(9.0).unwrap();
    assert_eq!(
        enrolled(&plan(&fw, &cohort, &options)),
        ["o1: ka", "o3: kc"]
    );
    // A zero budget: every closable gap stays open for the budget.
    let options = AcbpOptions::default().budget(0.0).unwrap();
    assert_plan(
        &plan(&fw, &cohort, &options),
        "
3 officers, 3 gaps, 0 closed, value 0/8, 0 h, budget 0
a (functional): 1 short, 0 closed (0 levels), open budget 1
b (functional): 1 short, 0 closed (0 levels), open budget 1
c (functional): 1 short, 0 closed (0 levels), open budget 1
open budget 3
",
    );
}

#[test]
fn the_single_most_valuable_enrolment_wins_when_worth_more() {
    let fw = framework(
        &[("a", FUNCTIONAL), ("b", FUNCTIONAL), ("c", FUNCTIONAL)],
        &[
            ("small", "dept", &[("a", 1)]),
            ("big", "dept", &[("b", 3), ("c", 2)]),
        ],
        &[
            (
                "k-small",
                "Small",
                1.0,
                Mode::Formal,
                &[("a", Some(1))],
                &[],
            ),
            (
                "k-big",
                "Big",
                10.0,
                Mode::Formal,
                &[("b", Some(3)), ("c", Some(2))],
                &[],
            ),
        ],
    );
    let officers = [
        officer("o1", "dept", "small", &[], &[], "a"),
        officer("o2", "dept", "big", &[], &[], "a"),
    ];
    let cohort = cohort(&fw, &officers);
    // Greedy by value per hour takes k-small (1 per hour), after which k-big (0.5 per hour,
    // worth 5) no longer fits: the single enrolment worth 5 replaces the greedy's 1.
    let options = AcbpOptions::default().budget(10.0).unwrap();
    assert_plan(
        &plan(&fw, &cohort, &options),
        "
2 officers, 3 gaps, 2 closed, value 5/6, 10 h, budget 10
run k-big (Big, Formal, 10 h): 1 seats of -, 10 person-hours
enrol o2 (big): k-big = 10 h, 2 closed
a (functional): 1 short, 0 closed (0 levels), open budget 1
b (functional): 1 short, 1 closed (3 levels), open none
c (functional): 1 short, 1 closed (2 levels), open none
open budget 1
",
    );
}

#[test]
fn seat_limits_are_never_exceeded_and_full_courses_report_seats() {
    let fw = framework(
        &[("a", FUNCTIONAL), ("b", FUNCTIONAL)],
        &[("post", "dept", &[("a", 3), ("b", 3)])],
        &[
            ("x", "Course x", 2.0, Mode::Formal, &[("a", Some(3))], &[]),
            ("y", "Course y", 3.0, Mode::Formal, &[("b", Some(3))], &[]),
        ],
    );
    let officers = [
        officer("o1", "dept", "post", &[], &[], "a"),
        officer("o2", "dept", "post", &[("a", 1), ("b", 1)], &[], "a"),
        officer("o3", "dept", "post", &[("a", 2), ("b", 3)], &[], "a"),
    ];
    let cohort = cohort(&fw, &officers);
    // x has 2 seats, y the default 1: the officers with the larger shortfalls get them.
    let options = AcbpOptions::default().seats("x", 2).default_seats(1);
    assert_plan(
        &plan(&fw, &cohort, &options),
        "
3 officers, 5 gaps, 3 closed, value 8/11, 7 h, budget none
run x (Course x, Formal, 2 h): 2 seats of 2, 4 person-hours
run y (Course y, Formal, 3 h): 1 seats of 1, 3 person-hours
enrol o1 (post): x > y = 5 h, 2 closed
enrol o2 (post): x = 2 h, 1 closed
a (functional): 3 short, 2 closed (5 levels), open seats 1
b (functional): 2 short, 1 closed (3 levels), open seats 1
open seats 2
",
    );
    // No seats at all: nothing runs, every gap is blocked by seats.
    let options = AcbpOptions::default().default_seats(0);
    assert_plan(
        &plan(&fw, &cohort, &options),
        "
3 officers, 5 gaps, 0 closed, value 0/11, 0 h, budget none
a (functional): 3 short, 0 closed (0 levels), open seats 3
b (functional): 2 short, 0 closed (0 levels), open seats 2
open seats 5
",
    );
    // A per-course limit overrides the default; unlimited courses report no limit.
    let options = AcbpOptions::default().seats("y", 3);
    let p = plan(&fw, &cohort, &options);
    let limits: Vec<(&str, u32, Option<u32>)> = p
        .courses
        .iter()
        .map(|r| (r.course.as_str(), r.seats, r.seat_limit))
        .collect();
    assert_eq!(limits, [("x", 3, None), ("y", 2, Some(3))]);
}

#[test]
fn officer_caps_are_respected_and_blocked_gaps_report_the_cap() {
    let fw = framework(
        &[("a", FUNCTIONAL), ("b", FUNCTIONAL), ("c", FUNCTIONAL)],
        &[("post", "dept", &[("a", 3), ("b", 3), ("c", 3)])],
        &[
            ("ka", "Course a", 6.0, Mode::Formal, &[("a", Some(3))], &[]),
            ("kb", "Course b", 6.0, Mode::Formal, &[("b", Some(3))], &[]),
            ("kc", "Course c", 12.0, Mode::Formal, &[("c", Some(3))], &[]),
        ],
    );
    let officers = [
        officer("o1", "dept", "post", &[("b", 1)], &[], "a"),
        officer("o2", "dept", "post", &[("a", 3), ("c", 3)], &[], "a"),
    ];
    let cohort = cohort(&fw, &officers);
    // o1 can train 10 hours: a (3 levels in 6 h) first; b would make 12 h and c alone is
    // 12 h. o2 still gets b: the cap is per officer.
    let expected = "
2 officers, 4 gaps, 2 closed, value 6/11, 12 h, budget {budget}
run ka (Course a, Formal, 6 h): 1 seats of -, 6 person-hours
run kb (Course b, Formal, 6 h): 1 seats of -, 6 person-hours
enrol o1 (post): ka = 6 h, 1 closed
enrol o2 (post): kb = 6 h, 1 closed
b (functional): 2 short, 1 closed (3 levels), open officer_cap 1
a (functional): 1 short, 1 closed (3 levels), open none
c (functional): 1 short, 0 closed (0 levels), open officer_cap 1
open officer_cap 2
";
    let options = AcbpOptions::default().officer_cap(10.0).unwrap();
    assert_plan(
        &plan(&fw, &cohort, &options),
        &expected.replace("{budget}", "none"),
    );
    // With a budget that is exactly used up, the cap is still the reason: the courses with
    // seats do not fit the officer.
    let options = options.budget(12.0).unwrap();
    assert_plan(
        &plan(&fw, &cohort, &options),
        &expected.replace("{budget}", "12"),
    );
    // A cap of zero: nothing fits anyone.
    let options = AcbpOptions::default().officer_cap(0.0).unwrap();
    let p = plan(&fw, &cohort, &options);
    assert!(p.enrolments.is_empty());
    assert_eq!(p.open.officer_cap, 4);
}

#[test]
fn prerequisites_come_first_for_the_same_officer_and_completed_courses_count_as_done() {
    // Ids run against the learning order, so the order cannot come from sorting by id.
    let fw = framework(
        &[("tax", FUNCTIONAL)],
        &[
            ("assessor", "dept", &[("tax", 5)]),
            ("clerk", "dept", &[("tax", 3)]),
        ],
        &[
            (
                "z-basic",
                "Basic",
                2.0,
                Mode::Formal,
                &[("tax", Some(1))],
                &[],
            ),
            (
                "m-inter",
                "Intermediate",
                3.0,
                Mode::Formal,
                &[("tax", Some(3))],
                &["z-basic"],
            ),
            (
                "a-adv",
                "Advanced",
                5.0,
                Mode::Formal,
                &[("tax", Some(5))],
                &["m-inter"],
            ),
        ],
    );
    let officers = [
        officer("o1", "dept", "assessor", &[], &[], "tax"),
        officer("o2", "dept", "assessor", &[], &["z-basic"], "tax"),
        // A completed course's own prerequisites are not needed again.
        officer("o3", "dept", "assessor", &[], &["m-inter"], "tax"),
        officer("o4", "dept", "assessor", &[("tax", 2)], &["a-adv"], "tax"),
        officer("o5", "dept", "clerk", &[], &[], "tax"),
    ];
    let cohort = cohort(&fw, &officers);
    assert_plan(
        &plan(&fw, &cohort, &AcbpOptions::default()),
        "
5 officers, 5 gaps, 4 closed, value 18/21, 28 h, budget none
run a-adv (Advanced, Formal, 5 h): 3 seats of -, 15 person-hours
run m-inter (Intermediate, Formal, 3 h): 3 seats of -, 9 person-hours
run z-basic (Basic, Formal, 2 h): 2 seats of -, 4 person-hours
enrol o1 (assessor): z-basic > m-inter > a-adv = 10 h, 1 closed
enrol o2 (assessor): m-inter > a-adv = 8 h, 1 closed
enrol o3 (assessor): a-adv = 5 h, 1 closed
enrol o5 (clerk): z-basic > m-inter = 5 h, 1 closed
tax (functional): 5 short, 4 closed (18 levels), open completed_only 1
open completed_only 1
",
    );
    // A prerequisite without seats blocks the course that needs it.
    let options = AcbpOptions::default().seats("z-basic", 0);
    let p = plan(&fw, &cohort, &options);
    assert_eq!(enrolled(&p), ["o2: m-inter > a-adv", "o3: a-adv"]);
    assert_eq!((p.open.seats, p.open.completed_only), (2, 1));
    // A cap counts the prerequisites' hours too: 8 hours fit o2 and o3, not o1 (10 h).
    let options = AcbpOptions::default().officer_cap(8.0).unwrap();
    let p = plan(&fw, &cohort, &options);
    assert_eq!(
        enrolled(&p),
        ["o2: m-inter > a-adv", "o3: a-adv", "o5: z-basic > m-inter"]
    );
    assert_eq!(p.open.officer_cap, 1);
}

/// Two officers in two posts, a 4-hour budget and two 4-hour courses: only one can train.
fn weighted_choice() -> (Framework, Cohort) {
    let fw = framework(
        &[("a", FUNCTIONAL), ("d", DOMAIN)],
        &[("pa", "dept", &[("a", 3)]), ("pd", "dept", &[("d", 3)])],
        &[
            ("ka", "Course a", 4.0, Mode::Formal, &[("a", Some(3))], &[]),
            ("kd", "Course d", 4.0, Mode::Formal, &[("d", Some(3))], &[]),
        ],
    );
    let officers = [
        officer("oa", "dept", "pa", &[("a", 1)], &[], "a"),
        officer("od", "dept", "pd", &[("d", 2)], &[], "a"),
    ];
    let cohort = cohort(&fw, &officers);
    (fw, cohort)
}

#[test]
fn competency_position_and_type_weights_change_the_choice() {
    let (fw, cohort) = weighted_choice();
    let budget = AcbpOptions::default().budget(4.0).unwrap();
    let choice = |options: &AcbpOptions| {
        let p = plan(&fw, &cohort, options);
        (enrolled(&p), p.value_closed, p.value_total)
    };
    // Unweighted: a is short by 2, d by 1.
    assert_eq!(choice(&budget), (vec!["oa: ka".to_owned()], 2.0, 3.0));
    // Domain competencies count three times: d is worth 3.
    let typed = budget.clone().weights(Weights::new(1.0, 1.0, 3.0).unwrap());
    assert_eq!(choice(&typed), (vec!["od: kd".to_owned()], 3.0, 5.0));
    // A competency weight multiplies the type weight.
    let d_first = budget.clone().competency_weight("d", 2.5).unwrap();
    assert_eq!(choice(&d_first), (vec!["od: kd".to_owned()], 2.5, 4.5));
    let both = typed.clone().competency_weight("d", 0.5).unwrap();
    assert_eq!(choice(&both), (vec!["oa: ka".to_owned()], 2.0, 3.5));
    // A zero weight makes the gap worth nothing: the budget goes to the other officer.
    let a_ignored = budget.clone().competency_weight("a", 0.0).unwrap();
    assert_eq!(choice(&a_ignored), (vec!["od: kd".to_owned()], 1.0, 1.0));
    // Position weights, up and down.
    let pd_first = budget.clone().position_weight("pd", 3.0).unwrap();
    assert_eq!(choice(&pd_first), (vec!["od: kd".to_owned()], 3.0, 5.0));
    let pa_last = budget.clone().position_weight("pa", 0.25).unwrap();
    assert_eq!(choice(&pa_last), (vec!["od: kd".to_owned()], 1.0, 1.5));
    // Without a budget, weights do not matter: everything closable is closed.
    let all = AcbpOptions::default().competency_weight("a", 5.0).unwrap();
    assert_eq!(
        choice(&all),
        (vec!["oa: ka".to_owned(), "od: kd".to_owned()], 11.0, 11.0)
    );
}

/// With every weight at its largest at once (10⁹ for the type, the competency and the
/// position) a gap is worth up to 10²⁷, far past exact sums: whatever the solver and limits,
/// a plan proven optimal reports its value as its bound, and any other plan's gap is
/// 1 − value / bound of the figures it reports.
#[test]
#[allow(clippy::float_cmp)] // the reported figures must agree exactly
fn the_largest_weights_keep_bound_and_gap_true_to_the_reported_value() {
    let fw = framework(
        &[("a", FUNCTIONAL), ("b", DOMAIN)],
        &[("p", "dept", &[("a", 3), ("b", 2)])],
        &[
            ("k1", "Course 1", 2.0, Mode::Formal, &[("a", Some(3))], &[]),
            (
                "k2",
                "Course 2",
                3.0,
                Mode::Formal,
                &[("b", Some(2))],
                &["k1"],
            ),
        ],
    );
    let officers = [
        officer("o1", "dept", "p", &[], &[], "a"),
        officer("o2", "dept", "p", &[], &[], "a"),
    ];
    let cohort = cohort(&fw, &officers);
    let heavy = AcbpOptions::default()
        .competency_weight("a", 1e9)
        .unwrap()
        .position_weight("p", 1e9)
        .unwrap()
        .weights(Weights::new(1e9, 1e9, 1e9).unwrap());
    let limited = [
        heavy.clone(),
        heavy.clone().budget(5.0).unwrap(),
        heavy.clone().budget(7.0).unwrap(),
        heavy.clone().officer_cap(2.0).unwrap(),
    ];
    for options in limited
        .iter()
        .flat_map(|o| [o.clone(), o.clone().solver(EXACT)])
    {
        let p = plan(&fw, &cohort, &options);
        assert!(p.bound >= p.value_closed, "{p:?}");
        match p.optimality {
            Optimality::Optimal => assert_eq!(p.bound, p.value_closed, "{p:?}"),
            Optimality::Bounded { gap } => {
                let expected = 1.0 - p.value_closed / p.bound;
                assert_eq!(gap, if expected <= 1e-12 { 0.0 } else { expected }, "{p:?}");
            }
        }
    }
}

#[test]
fn the_department_filter_plans_for_that_department_only() {
    let fw = post_office();
    let cohort = cohort(&fw, &post_office_officers());
    let options = AcbpOptions::default().department("revenue");
    assert_plan(
        &plan(&fw, &cohort, &options),
        "
1 officers, 2 gaps, 2 closed, value 5/5, 16 h, budget none
run acc-201 (Post office accounts, Formal, 12 h): 1 seats of -, 12 person-hours
run integrity (Integrity module, Formal, 4 h): 1 seats of -, 4 person-hours
enrol insp-1 (inspector): acc-201 > integrity = 16 h, 2 closed
accounts (functional): 1 short, 1 closed (3 levels), open none
integrity (behavioural): 1 short, 1 closed (2 levels), open none
open none
",
    );
    let posts = plan(&fw, &cohort, &AcbpOptions::default().department("posts"));
    assert_eq!(posts.officers, 3);
    assert_eq!(
        enrolled(&posts),
        ["clerk-1: cash", "pm-1: acc-101 > acc-201 > cash"]
    );
    // A department that no position or officer names is an error, never an empty plan
    // (`unknown_ids_in_options_are_reported`).
}

#[test]
fn unknown_ids_in_options_are_reported() {
    let fw = post_office();
    let cohort = cohort(&fw, &post_office_officers());
    let unknown = |kind, id: &str| {
        Err::<(), _>(Error::UnknownId {
            kind,
            id: id.to_owned(),
            nearest: None,
        })
    };
    let near = |kind, id: &str, nearest: &str| {
        Err::<(), _>(Error::UnknownId {
            kind,
            id: id.to_owned(),
            nearest: Some(nearest.to_owned()),
        })
    };
    let cases = [
        (
            AcbpOptions::default().seats("acc-999", 3),
            unknown(EntityKind::Course, "acc-999"),
        ),
        (
            // A competency id is not a course id.
            AcbpOptions::default().seats("accounts", 3),
            unknown(EntityKind::Course, "accounts"),
        ),
        (
            AcbpOptions::default()
                .competency_weight("law", 2.0)
                .unwrap(),
            unknown(EntityKind::Competency, "law"),
        ),
        (
            AcbpOptions::default()
                .position_weight("director", 2.0)
                .unwrap(),
            unknown(EntityKind::Position, "director"),
        ),
        (
            // A department no position and no officer names: never an empty plan.
            AcbpOptions::default().department("Revenue"),
            near(EntityKind::Department, "Revenue", "revenue"),
        ),
        (
            AcbpOptions::default().department("revenu"),
            near(EntityKind::Department, "revenu", "revenue"),
        ),
        (
            AcbpOptions::default().department("income-tax"),
            unknown(EntityKind::Department, "income-tax"),
        ),
    ];
    for (options, expected) in cases {
        assert_eq!(
            fw.department_plan(&cohort, &options)
                .map(|_| ())
                .map_err(crate::support::the_only),
            expected,
            "{options:?}"
        );
    }
}

/// Every unknown id of the options is reported at once, the department first, then seats,
/// competency weights and position weights, each list in id order: a department that
/// fixed one option id at a time ran the plan once per typo.
#[test]
fn every_unknown_id_in_options_is_reported_at_once() {
    let fw = post_office();
    let cohort = cohort(&fw, &post_office_officers());
    let options = AcbpOptions::default()
        .seats("acc-999", 3)
        .seats("acc-101", 3)
        .seats("acc-000", 1)
        .competency_weight("law", 2.0)
        .unwrap()
        .position_weight("director", 2.0)
        .unwrap()
        .department("revenu");
    let errors = fw.department_plan(&cohort, &options).unwrap_err();
    let found: Vec<(EntityKind, &str)> = errors
        .as_slice()
        .iter()
        .map(|e| match e {
            Error::UnknownId { kind, id, .. } => (*kind, id.as_str()),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        found,
        [
            (EntityKind::Department, "revenu"),
            (EntityKind::Course, "acc-000"),
            (EntityKind::Course, "acc-999"),
            (EntityKind::Competency, "law"),
            (EntityKind::Position, "director"),
        ]
    );
    // Each with its nearest known id, as one unknown id alone gets it.
    for (e, alone) in errors.as_slice().iter().zip([
        AcbpOptions::default().department("revenu"),
        AcbpOptions::default().seats("acc-000", 1),
        AcbpOptions::default().seats("acc-999", 3),
        AcbpOptions::default()
            .competency_weight("law", 2.0)
            .unwrap(),
        AcbpOptions::default()
            .position_weight("director", 2.0)
            .unwrap(),
    ]) {
        let alone = fw.department_plan(&cohort, &alone).unwrap_err();
        assert_eq!(alone.as_slice(), std::slice::from_ref(e));
    }
}

#[test]
fn invalid_numbers_are_rejected_with_their_name() {
    #[track_caller]
    fn assert_invalid(result: Result<AcbpOptions, Error>, name: &str, value: f64) {
        let (n, v) = match result {
            Err(Error::InvalidOption { option, value, .. }) => (option.to_owned(), value),
            Err(Error::InvalidIdWeight { id, value, .. }) => (id, value),
            other => panic!("{name} {value}: expected an invalid option or weight, got {other:?}"),
        };
        assert_eq!(n, name);
        assert!(
            v.to_bits() == value.to_bits(),
            "{name}: value {v}, expected {value}"
        );
    }
    let o = AcbpOptions::default;
    for bad in [
        -1.0,
        -f64::MIN_POSITIVE,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
    ] {
        assert_invalid(o().budget(bad), "budget", bad);
        assert_invalid(o().officer_cap(bad), "officer_cap", bad);
        assert_invalid(o().competency_weight("accounts", bad), "accounts", bad);
        assert_invalid(o().position_weight("clerk", bad), "clerk", bad);
    }
    // Zero is allowed everywhere, and so are large finite numbers: hours of any size,
    // weights up to `Weights::MAX`.
    for fine in [0.0, 1.5, 1e12] {
        assert!(o().budget(fine).is_ok());
        assert!(o().officer_cap(fine).is_ok());
        let weight = fine.min(Weights::MAX);
        assert!(o().competency_weight("accounts", weight).is_ok());
        assert!(o().position_weight("clerk", weight).is_ok());
    }
    for huge in [Weights::MAX * 1.000_001, 1e12, f64::MAX] {
        assert_invalid(o().competency_weight("accounts", huge), "accounts", huge);
        assert_invalid(o().position_weight("clerk", huge), "clerk", huge);
    }
    let e = o().budget(-2.0).unwrap_err();
    assert_eq!(
        e.to_string(),
        "option `budget` is -2: expected a finite number at least 0"
    );
    let e = o().position_weight("clerk", -1.0).unwrap_err();
    assert_eq!(
        e.to_string(),
        "weight of position `clerk` is -1: expected 0 or a number from 1e-9 to 1e9"
    );
}

#[test]
fn a_cohort_from_another_framework_is_rejected() {
    let fw = post_office();
    let twin = post_office();
    let foreign = cohort(&twin, &post_office_officers());
    assert_eq!(
        fw.department_plan(&foreign, &AcbpOptions::default()),
        Err(Error::FrameworkMismatch.into())
    );
    assert!(
        twin.department_plan(&foreign, &AcbpOptions::default())
            .is_ok()
    );
}

#[test]
fn plans_are_the_same_for_one_or_two_threads() {
    let fw = post_office();
    let officers = post_office_officers();
    // Enough officers that both threads get work, with competition for seats and budget.
    let many: Vec<OfficerSpec> = (0..40)
        .map(|i| {
            let mut o = officers[i % officers.len()].clone();
            o.id = format!("officer-{:02}", (i * 7) % 40).into();
            o
        })
        .collect();
    for officers in [&officers, &many] {
        let cohort = cohort(&fw, officers);
        let base = AcbpOptions::default()
            .budget(200.0)
            .unwrap()
            .officer_cap(20.0)
            .unwrap()
            .seats("cash", 6);
        let one = plan(&fw, &cohort, &base.clone().threads(1));
        for threads in [0, 2, 3, 64] {
            let other = plan(&fw, &cohort, &base.clone().threads(threads));
            assert_eq!(one, other, "threads {threads}");
            assert_eq!(
                serde_json::to_string(&one).unwrap(),
                serde_json::to_string(&other).unwrap()
            );
        }
    }
}

// ---------------------------------------------------------------------------------------
// Generated instances
// ---------------------------------------------------------------------------------------

// Ids are deliberately not generated in sorted order.
const COMPETENCIES: [&str; 5] = ["mu", "alpha", "zeta", "beta", "kappa"];
const COURSES: [&str; 5] = ["k3", "k1", "k4", "k0", "k2"];
const OFFICERS: [&str; 4] = ["o-c", "o-a", "o-d", "o-b"];
const POSITIONS: [&str; 2] = ["post-b", "post-a"];

#[derive(Clone, Debug)]
struct GenCourse {
    hours: u32,
    /// `(competency, level)`, each competency once.
    provides: Vec<(usize, Option<u8>)>,
    /// Courses generated earlier, each once.
    prerequisites: Vec<usize>,
}

#[derive(Clone, Debug)]
struct GenOfficer {
    position: usize,
    /// Assessed level per competency (0: no evidence).
    held: Vec<u8>,
    completed: Vec<bool>,
}

#[derive(Clone, Debug)]
struct Case {
    kinds: Vec<CompetencyType>,
    /// Per position, `(competency, level)`, each competency once.
    requirements: Vec<Vec<(usize, u8)>>,
    courses: Vec<GenCourse>,
    officers: Vec<GenOfficer>,
    budget: Option<u32>,
    cap: Option<u32>,
    seats: Vec<Option<u32>>,
    default_seats: Option<u32>,
    type_weights: [u32; 3],
    competency_weights: Vec<Option<u32>>,
    position_weights: Vec<Option<u32>>,
    /// A permutation of the officers, for input-order tests.
    order: Vec<usize>,
}

fn dedup_by_first<T: Copy, K: PartialEq>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    let mut kept: Vec<T> = Vec::new();
    for &item in items.iter() {
        if !kept.iter().any(|k| key(k) == key(&item)) {
            kept.push(item);
        }
    }
    *items = kept;
}

fn gen_course(competencies: usize, index: usize) -> impl Strategy<Value = GenCourse> {
    (
        1..=10u32,
        vec(
            (
                0..competencies,
                option::weighted(0.9, prop_oneof![1 => 1..=2u8, 4 => 3..=5u8]),
            ),
            1..=3usize,
        ),
        vec(0..index.max(1), 0..=if index == 0 { 0 } else { 2 }),
    )
        .prop_map(|(hours, mut provides, mut prerequisites)| {
            dedup_by_first(&mut provides, |p| p.0);
            prerequisites.sort_unstable();
            prerequisites.dedup();
            GenCourse {
                hours,
                provides,
                prerequisites,
            }
        })
}

fn gen_case() -> impl Strategy<Value = Case> {
    (1..=5usize, 1..=5usize, 2..=4usize, 1..=2usize)
        .prop_flat_map(|(nc, nk, no, np)| {
            let kinds = vec(
                prop_oneof![Just(FUNCTIONAL), Just(BEHAVIOURAL), Just(DOMAIN)],
                nc,
            );
            let requirements = vec(vec((0..nc, 1..=4u8), 1..=nc), np);
            let courses: Vec<_> = (0..nk).map(|i| gen_course(nc, i)).collect();
            let officers = vec(
                (
                    0..np,
                    vec(prop_oneof![2 => Just(0u8), 3 => 1..=3u8], nc),
                    vec(prop::bool::weighted(0.2), nk),
                )
                    .prop_map(|(position, held, completed)| GenOfficer {
                        position,
                        held,
                        completed,
                    }),
                no,
            );
            let constraints = (
                option::weighted(0.9, 0..=30u32),
                option::weighted(0.33, 0..=15u32),
                prop::bool::weighted(0.33),
                vec(option::weighted(0.5, 0..=3u32), nk),
                option::weighted(0.17, 0..=3u32),
            );
            let weights = (
                prop_oneof![4 => Just([1, 1, 1]), 1 => [0..=2u32, 0..=2u32, 0..=2u32]],
                vec(option::weighted(0.2, 0..=3u32), nc),
                vec(option::weighted(0.2, 0..=3u32), np),
            );
            let order = Just((0..no).collect::<Vec<usize>>()).prop_shuffle();
            (
                kinds,
                requirements,
                courses,
                officers,
                constraints,
                weights,
                order,
            )
        })
        .prop_map(
            |(
                kinds,
                mut requirements,
                courses,
                officers,
                (budget, cap, seated, seats, default_seats),
                (type_weights, competency_weights, position_weights),
                order,
            )| {
                for r in &mut requirements {
                    dedup_by_first(r, |x| x.0);
                }
                Case {
                    kinds,
                    requirements,
                    courses,
                    officers,
                    budget,
                    cap,
                    seats: if seated { seats } else { Vec::new() },
                    default_seats,
                    type_weights,
                    competency_weights,
                    position_weights,
                    order,
                }
            },
        )
}

impl Case {
    fn seat_limit(&self, course: usize) -> Option<u32> {
        self.seats
            .get(course)
            .copied()
            .flatten()
            .or(self.default_seats)
    }

    /// No seat limits, no officer cap, no course a prerequisite of two: where the
    /// documented `(1 − 1/e)/2` guarantee applies.
    fn guarantee_applies(&self) -> bool {
        let shared = (0..self.courses.len()).any(|p| {
            self.courses
                .iter()
                .filter(|c| c.prerequisites.contains(&p))
                .count()
                > 1
        });
        self.cap.is_none()
            && self.default_seats.is_none()
            && self.seats.iter().all(Option::is_none)
            && !shared
    }

    /// The framework, keeping only the courses in `present` (which must be closed under
    /// prerequisites).
    fn framework(&self, present: &[bool]) -> Framework {
        let competencies = (0..self.kinds.len())
            .map(|c| (COMPETENCIES[c], self.kinds[c]))
            .collect::<Vec<_>>();
        let provides: Vec<Vec<(&str, Option<u8>)>> = self
            .courses
            .iter()
            .map(|k| {
                k.provides
                    .iter()
                    .map(|&(c, l)| (COMPETENCIES[c], l))
                    .collect()
            })
            .collect();
        let prerequisites: Vec<Vec<&str>> = self
            .courses
            .iter()
            .map(|k| k.prerequisites.iter().map(|&p| COURSES[p]).collect())
            .collect();
        let names: Vec<String> = (0..self.courses.len())
            .map(|k| format!("Course {}", COURSES[k]))
            .collect();
        let courses: Vec<Course<'_>> = (0..self.courses.len())
            .filter(|&k| present[k])
            .map(|k| {
                (
                    COURSES[k],
                    names[k].as_str(),
                    f64::from(self.courses[k].hours),
                    Mode::Formal,
                    provides[k].as_slice(),
                    prerequisites[k].as_slice(),
                )
            })
            .collect();
        let requirements: Vec<Vec<(&str, u8)>> = self
            .requirements
            .iter()
            .map(|r| r.iter().map(|&(c, l)| (COMPETENCIES[c], l)).collect())
            .collect();
        let positions: Vec<Position<'_>> = (0..self.requirements.len())
            .map(|p| (POSITIONS[p], "dept", requirements[p].as_slice()))
            .collect();
        framework(&competencies, &positions, &courses)
    }

    /// The officers in `order`, naming only completed courses in `present`.
    fn officers(&self, order: &[usize], present: &[bool]) -> Vec<OfficerSpec> {
        order
            .iter()
            .map(|&i| {
                let o = &self.officers[i];
                let held: Vec<(&str, u8)> = o
                    .held
                    .iter()
                    .enumerate()
                    .filter(|&(_, &l)| l > 0)
                    .map(|(c, &l)| (COMPETENCIES[c], l))
                    .collect();
                let completed: Vec<&str> = (0..self.courses.len())
                    .filter(|&k| o.completed[k] && present[k])
                    .map(|k| COURSES[k])
                    .collect();
                officer(
                    OFFICERS[i],
                    "dept",
                    POSITIONS[o.position],
                    &held,
                    &completed,
                    COMPETENCIES[0],
                )
            })
            .collect()
    }

    fn options(&self, budget: Option<u32>, present: &[bool]) -> AcbpOptions {
        let mut o = AcbpOptions::default();
        if let Some(b) = budget {
            o = o.budget(f64::from(b)).unwrap();
        }
        if let Some(cap) = self.cap {
            o = o.officer_cap(f64::from(cap)).unwrap();
        }
        for (k, s) in self.seats.iter().enumerate() {
            if let (Some(s), true) = (s, present[k]) {
                o = o.seats(COURSES[k], *s);
            }
        }
        if let Some(s) = self.default_seats {
            o = o.default_seats(s);
        }
        let [b, f, d] = self.type_weights.map(f64::from);
        o = o.weights(Weights::new(b, f, d).unwrap());
        for (c, w) in self.competency_weights.iter().enumerate() {
            if let Some(w) = w {
                o = o.competency_weight(COMPETENCIES[c], f64::from(*w)).unwrap();
            }
        }
        for (p, w) in self.position_weights.iter().enumerate() {
            if let Some(w) = w {
                o = o.position_weight(POSITIONS[p], f64::from(*w)).unwrap();
            }
        }
        o
    }

    fn all_present(&self) -> Vec<bool> {
        vec![true; self.courses.len()]
    }

    /// Every course but `removed` and the courses requiring it.
    fn without(&self, removed: usize) -> Vec<bool> {
        let mut present = self.all_present();
        present[removed] = false;
        // Later courses may require earlier ones only, so one pass removes dependants.
        for k in 0..self.courses.len() {
            if self.courses[k].prerequisites.iter().any(|&p| !present[p]) {
                present[k] = false;
            }
        }
        present
    }

    fn identity(&self) -> Vec<usize> {
        (0..self.officers.len()).collect()
    }
}

// ---------------------------------------------------------------------------------------
// The oracle
// ---------------------------------------------------------------------------------------

/// Why a gap no course can close stays open, as the oracle sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unclosable {
    NoCourse,
    LevelTooLow,
    UntaggedOnly,
    CompletedOnly,
}

#[derive(Clone, Debug)]
struct GapModel {
    competency: usize,
    shortfall: u8,
    value: f64,
    /// Courses (bit per course) not completed reaching the required level.
    closers: u32,
    unclosable: Option<Unclosable>,
}

#[derive(Clone, Debug)]
struct OfficerModel {
    gaps: Vec<GapModel>,
    completed: u32,
}

/// The selection problem of a case, built from the case alone.
struct Model {
    hours: Vec<u32>,
    prerequisites: Vec<Vec<usize>>,
    officers: Vec<OfficerModel>,
    seat_limit: Vec<Option<u32>>,
    cap: Option<u32>,
}

impl Model {
    fn new(case: &Case, present: &[bool]) -> Model {
        let officers = case
            .officers
            .iter()
            .map(|o| {
                let completed = (0..case.courses.len())
                    .filter(|&k| o.completed[k] && present[k])
                    .fold(0u32, |m, k| m | 1 << k);
                let position_weight = f64::from(case.position_weights[o.position].unwrap_or(1));
                let gaps = case.requirements[o.position]
                    .iter()
                    .filter(|&&(c, level)| level > o.held[c])
                    .map(|&(c, required)| {
                        let offers: Vec<(usize, Option<u8>)> = (0..case.courses.len())
                            .filter(|&k| present[k])
                            .filter_map(|k| {
                                case.courses[k]
                                    .provides
                                    .iter()
                                    .find(|p| p.0 == c)
                                    .map(|p| (k, p.1))
                            })
                            .collect();
                        let reaching = offers
                            .iter()
                            .filter(|(_, l)| l.is_some_and(|l| l >= required))
                            .fold(0u32, |m, (k, _)| m | 1 << k);
                        let closers = reaching & !completed;
                        let unclosable = if closers != 0 {
                            None
                        } else if offers.is_empty() {
                            Some(Unclosable::NoCourse)
                        } else if reaching != 0 {
                            Some(Unclosable::CompletedOnly)
                        } else if offers.iter().any(|(_, l)| l.is_some()) {
                            Some(Unclosable::LevelTooLow)
                        } else {
                            Some(Unclosable::UntaggedOnly)
                        };
                        let shortfall = required - o.held[c];
                        let value = f64::from(shortfall)
                            * f64::from(case.type_weights[case.kinds[c].index()])
                            * f64::from(case.competency_weights[c].unwrap_or(1))
                            * position_weight;
                        GapModel {
                            competency: c,
                            shortfall,
                            value,
                            closers,
                            unclosable,
                        }
                    })
                    .collect();
                OfficerModel { gaps, completed }
            })
            .collect();
        Model {
            hours: case.courses.iter().map(|k| k.hours).collect(),
            prerequisites: case
                .courses
                .iter()
                .map(|k| k.prerequisites.clone())
                .collect(),
            officers,
            seat_limit: (0..case.courses.len())
                .map(|k| case.seat_limit(k))
                .collect(),
            cap: case.cap,
        }
    }

    fn value(&self, officer: usize, set: u32) -> f64 {
        self.officers[officer]
            .gaps
            .iter()
            .filter(|g| g.closers & set != 0)
            .map(|g| g.value)
            .sum()
    }

    fn hours_of(&self, set: u32) -> u32 {
        (0..self.hours.len())
            .filter(|&k| set & 1 << k != 0)
            .map(|k| self.hours[k])
            .sum()
    }

    /// Whether every course of `set` has each prerequisite in `set` or completed.
    fn closed(&self, officer: usize, set: u32) -> bool {
        let done = self.officers[officer].completed;
        (0..self.hours.len())
            .filter(|&k| set & 1 << k != 0)
            .all(|k| {
                self.prerequisites[k]
                    .iter()
                    .all(|&p| (set | done) & 1 << p != 0)
            })
    }

    /// An officer's feasible course sets that lose value without any one course:
    /// `(set, hours, value)`. Every optimum can use only these (dropping a course that
    /// loses nothing frees hours and seats).
    fn choices(&self, officer: usize) -> Vec<(u32, u32, f64)> {
        let n = self.hours.len();
        let done = self.officers[officer].completed;
        let mut out = Vec::new();
        for set in 0..1u32 << n {
            if set & done != 0 || !self.closed(officer, set) {
                continue;
            }
            let hours = self.hours_of(set);
            if self.cap.is_some_and(|cap| hours > cap)
                || (0..n).any(|k| set & 1 << k != 0 && self.seat_limit[k] == Some(0))
            {
                continue;
            }
            let value = self.value(officer, set);
            let reducible = (0..n).any(|k| {
                let smaller = set & !(1 << k);
                set & 1 << k != 0
                    && self.closed(officer, smaller)
                    && self.value(officer, smaller) == value
            });
            if !reducible {
                out.push((set, hours, value));
            }
        }
        out.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.1.cmp(&b.1)));
        out
    }

    /// The most weighted shortfall any feasible plan closes.
    fn optimum(&self, budget: Option<u32>) -> f64 {
        self.lexicographic_optimum(budget).0
    }

    /// The most weighted shortfall any feasible plan closes and the fewest hours of a plan
    /// closing that much.
    fn lexicographic_optimum(&self, budget: Option<u32>) -> (f64, u32) {
        let choices: Vec<Vec<(u32, u32, f64)>> =
            (0..self.officers.len()).map(|o| self.choices(o)).collect();
        let mut rest = vec![0.0; choices.len() + 1];
        for o in (0..choices.len()).rev() {
            rest[o] = rest[o + 1] + choices[o].first().map_or(0.0, |c| c.2);
        }
        let mut search = Search {
            choices: &choices,
            rest: &rest,
            seat_limit: &self.seat_limit,
            seats: vec![0; self.hours.len()],
            best: 0.0,
            best_hours: 0,
        };
        search.run(0, budget.unwrap_or(u32::MAX), 0.0, 0);
        (search.best, search.best_hours)
    }
}

struct Search<'a> {
    choices: &'a [Vec<(u32, u32, f64)>],
    /// Best value each officer onwards could add, ignoring shared constraints.
    rest: &'a [f64],
    seat_limit: &'a [Option<u32>],
    seats: Vec<u32>,
    best: f64,
    best_hours: u32,
}

impl Search<'_> {
    fn run(&mut self, officer: usize, budget_left: u32, value: f64, hours: u32) {
        if value > self.best || (value == self.best && hours < self.best_hours) {
            self.best = value;
            self.best_hours = hours;
        }
        if officer == self.choices.len()
            || value + self.rest[officer] < self.best
            || (value + self.rest[officer] == self.best && hours >= self.best_hours)
        {
            return;
        }
        // The empty enrolment first, then the officer's choices.
        self.run(officer + 1, budget_left, value, hours);
        for &(set, h, v) in &self.choices[officer] {
            if h > budget_left || set == 0 {
                continue;
            }
            let courses: Vec<usize> = (0..self.seats.len())
                .filter(|&k| set & 1 << k != 0)
                .collect();
            if courses
                .iter()
                .any(|&k| self.seat_limit[k].is_some_and(|l| self.seats[k] >= l))
            {
                continue;
            }
            for &k in &courses {
                self.seats[k] += 1;
            }
            self.run(officer + 1, budget_left - h, value + v, hours + h);
            for &k in &courses {
                self.seats[k] -= 1;
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Laws
// ---------------------------------------------------------------------------------------

fn index_of(ids: &[&str], id: &str) -> usize {
    ids.iter()
        .position(|&x| x == id)
        .unwrap_or_else(|| panic!("unknown id `{id}` in the plan"))
}

/// Each officer's enrolled courses as a bit set, by generation index.
fn sets_of(plan: &DepartmentPlan<'_>, officers: usize) -> Vec<u32> {
    let mut sets = vec![0u32; officers];
    for e in &plan.enrolments {
        let o = index_of(&OFFICERS, e.officer.as_str());
        for c in &e.courses {
            sets[o] |= 1 << index_of(&COURSES, c.as_str());
        }
    }
    sets
}

/// Every law of `DepartmentPlan`'s `# Properties` and every total, checked against the
/// model; returns the plan's value as the oracle computes it.
#[track_caller]
#[allow(clippy::too_many_lines)] // one law after another, each short
fn check_laws(case: &Case, model: &Model, plan: &DepartmentPlan<'_>, budget: Option<u32>) -> f64 {
    let n = case.officers.len();
    assert_eq!(plan.officers, n);
    assert_eq!(plan.budget, budget.map(f64::from));

    // Enrolments: by officer id, non-empty, the right position, hours within the cap,
    // no completed course, every prerequisite earlier unless completed.
    let ids: Vec<&str> = plan.enrolments.iter().map(|e| e.officer.as_str()).collect();
    assert!(
        ids.windows(2).all(|w| w[0] < w[1]),
        "enrolments by id: {ids:?}"
    );
    for e in &plan.enrolments {
        let o = index_of(&OFFICERS, e.officer.as_str());
        let officer = &case.officers[o];
        assert_eq!(e.position.as_str(), POSITIONS[officer.position]);
        assert!(!e.courses.is_empty(), "empty enrolment of {}", e.officer);
        let mut seen: Vec<usize> = Vec::new();
        for c in &e.courses {
            let k = index_of(&COURSES, c.as_str());
            assert!(!officer.completed[k], "{} re-enrolled in {c}", e.officer);
            assert!(!seen.contains(&k), "{} enrolled twice in {c}", e.officer);
            for &p in &case.courses[k].prerequisites {
                assert!(
                    officer.completed[p] || seen.contains(&p),
                    "{}: {c} before its prerequisite {}",
                    e.officer,
                    COURSES[p]
                );
            }
            seen.push(k);
        }
        let hours: u32 = seen.iter().map(|&k| case.courses[k].hours).sum();
        assert_eq!(e.hours, f64::from(hours), "{}", e.officer);
        if let Some(cap) = case.cap {
            assert!(
                hours <= cap,
                "{} trains {hours} h over the cap {cap}",
                e.officer
            );
        }
    }
    let sets = sets_of(plan, n);

    // Hours within the budget.
    let hours: u32 = sets.iter().map(|&s| model.hours_of(s)).sum();
    assert_eq!(plan.hours, f64::from(hours));
    if let Some(b) = budget {
        assert!(hours <= b, "{hours} h over the budget {b}");
    }

    // Course runs: seats as enrolled, within limits, most seats first then by id.
    let mut run_hours = 0.0;
    for r in &plan.courses {
        let k = index_of(&COURSES, r.course.as_str());
        let enrolled = sets.iter().filter(|&&s| s & 1 << k != 0).count() as u32;
        assert_eq!(r.seats, enrolled, "{}", r.course);
        assert!(r.seats > 0);
        assert_eq!(r.seat_limit, case.seat_limit(k), "{}", r.course);
        if let Some(limit) = r.seat_limit {
            assert!(
                r.seats <= limit,
                "{}: {} seats of {limit}",
                r.course,
                r.seats
            );
        }
        assert_eq!(r.hours, f64::from(case.courses[k].hours));
        assert_eq!(r.person_hours, f64::from(r.seats) * r.hours);
        run_hours += r.person_hours;
    }
    assert_eq!(run_hours, plan.hours);
    let run_count = (0..case.courses.len())
        .filter(|&k| sets.iter().any(|&s| s & 1 << k != 0))
        .count();
    assert_eq!(plan.courses.len(), run_count);
    assert!(plan.courses.windows(2).all(|w| {
        w[0].seats > w[1].seats || (w[0].seats == w[1].seats && w[0].course < w[1].course)
    }));

    // Per officer: gaps closed by the enrolled set.
    for e in &plan.enrolments {
        let o = index_of(&OFFICERS, e.officer.as_str());
        let closed = model.officers[o]
            .gaps
            .iter()
            .filter(|g| g.closers & sets[o] != 0)
            .count() as u32;
        assert_eq!(e.gaps_closed, closed, "{}", e.officer);
    }

    // Per competency: short, closed, levels, reasons; and the totals.
    let nc = case.kinds.len();
    let mut short = vec![0u64; nc];
    let mut closed = vec![0u64; nc];
    let mut levels = vec![0u64; nc];
    let mut unclosable = vec![[0u64; 4]; nc];
    let mut blocked = vec![0u64; nc];
    let mut not_prioritised = vec![0u64; nc];
    let (mut value_total, mut value_closed) = (0.0, 0.0);
    for (o, m) in model.officers.iter().enumerate() {
        for g in &m.gaps {
            let c = g.competency;
            short[c] += 1;
            value_total += g.value;
            if g.closers & sets[o] != 0 {
                closed[c] += 1;
                levels[c] += u64::from(g.shortfall);
                value_closed += g.value;
            } else if let Some(u) = g.unclosable {
                unclosable[c][u as usize] += 1;
            } else if g.value > 0.0 {
                blocked[c] += 1;
            } else {
                not_prioritised[c] += 1;
            }
        }
    }
    let mut total = OpenCounts::default();
    for (i, out) in plan.competencies.iter().enumerate() {
        let c = index_of(&COMPETENCIES, out.competency.as_str());
        assert_eq!(out.kind, case.kinds[c]);
        assert_eq!(out.officers_short, out.closed + out.open.total());
        assert_eq!(
            (out.officers_short, out.closed, out.levels_closed),
            (short[c], closed[c], levels[c]),
            "{}",
            out.competency
        );
        let o = &out.open;
        assert_eq!(
            [
                o.no_course,
                o.level_too_low,
                o.untagged_only,
                o.completed_only
            ],
            unclosable[c],
            "{}",
            out.competency
        );
        assert_eq!(o.budget + o.seats + o.officer_cap, blocked[c]);
        assert_eq!(
            o.not_prioritised, not_prioritised[c],
            "{}: weighted zero",
            out.competency
        );
        if let Some(next) = plan.competencies.get(i + 1) {
            assert!(
                out.officers_short > next.officers_short
                    || (out.officers_short == next.officers_short
                        && out.competency < next.competency)
            );
        }
        total.no_course += o.no_course;
        total.level_too_low += o.level_too_low;
        total.untagged_only += o.untagged_only;
        total.completed_only += o.completed_only;
        total.budget += o.budget;
        total.seats += o.seats;
        total.officer_cap += o.officer_cap;
        total.not_prioritised += o.not_prioritised;
    }
    assert_eq!(
        plan.competencies.len(),
        short.iter().filter(|&&s| s > 0).count()
    );
    assert_eq!(plan.open, total);
    assert_eq!(plan.gaps, short.iter().sum::<u64>());
    assert_eq!(plan.gaps_closed, closed.iter().sum::<u64>());
    assert_eq!(plan.gaps, plan.gaps_closed + plan.open.total());
    assert_eq!(plan.value_total, value_total);
    assert_eq!(plan.value_closed, value_closed);
    check_reasons(case, model, plan, &sets);
    check_minimal_and_maximal(case, model, &sets, budget);
    value_closed
}

/// Minimality: every enrolled course closes a gap worth something that none of the
/// officer's other courses closes, or is a prerequisite of one of them. Maximality: no
/// course (with its pending prerequisites) that would close more weighted shortfall for an
/// officer fits in their cap, the budget left and a free seat of everything it adds.
#[track_caller]
fn check_minimal_and_maximal(case: &Case, model: &Model, sets: &[u32], budget: Option<u32>) {
    let nk = case.courses.len();
    let taken: Vec<u32> = (0..nk)
        .map(|k| sets.iter().filter(|&&s| s & 1 << k != 0).count() as u32)
        .collect();
    let total: u32 = sets.iter().map(|&s| model.hours_of(s)).sum();
    for (o, &set) in sets.iter().enumerate() {
        for k in (0..nk).filter(|&k| set & 1 << k != 0) {
            let needed = model.officers[o].gaps.iter().any(|g| {
                g.value > 0.0 && g.closers & set & 1 << k != 0 && g.closers & set == 1 << k
            });
            let required =
                (0..nk).any(|j| set & 1 << j != 0 && case.courses[j].prerequisites.contains(&k));
            assert!(
                needed || required,
                "{} takes {}, which closes nothing needed and is no prerequisite",
                OFFICERS[o],
                COURSES[k]
            );
        }
        let hours = model.hours_of(set);
        let value = model.value(o, set);
        for k in (0..nk).filter(|&k| set & 1 << k == 0 && model.officers[o].completed & 1 << k == 0)
        {
            let add = pending(case, model, o, k, set);
            let extra = model.hours_of(add);
            let fits = case.cap.is_none_or(|cap| hours + extra <= cap)
                && budget.is_none_or(|b| total + extra <= b)
                && (0..nk)
                    .filter(|&j| add & 1 << j != 0)
                    .all(|j| model.seat_limit[j].is_none_or(|l| taken[j] < l));
            assert!(
                !fits || model.value(o, set | add) <= value,
                "{} could also take {} ({extra} h) and close more",
                OFFICERS[o],
                COURSES[k]
            );
        }
    }
}

/// The courses officer `o` would add to take course `k`: itself and its prerequisites,
/// transitively, stopping at completed ones, less what the officer is enrolled in.
fn pending(case: &Case, model: &Model, o: usize, k: usize, enrolled: u32) -> u32 {
    let done = model.officers[o].completed;
    let mut need = 1u32 << k;
    loop {
        let mut more = need;
        for j in (0..case.courses.len()).filter(|&j| need & 1 << j != 0) {
            for &p in &case.courses[j].prerequisites {
                if done & 1 << p == 0 {
                    more |= 1 << p;
                }
            }
        }
        if more == need {
            return need & !enrolled;
        }
        need = more;
    }
}

/// Open reasons recomputed from the final plan, per competency as `[budget, seats, cap]`:
/// a closable gap left open is blocked by the budget when some course closing it has a seat
/// in everything it adds and fits the officer's cap, else by the cap when some has seats,
/// else by seats.
fn reasons_from_plan(case: &Case, model: &Model, sets: &[u32]) -> Vec<[u64; 3]> {
    let nk = case.courses.len();
    let taken: Vec<u32> = (0..nk)
        .map(|k| sets.iter().filter(|&&s| s & 1 << k != 0).count() as u32)
        .collect();
    let mut out = vec![[0u64; 3]; case.kinds.len()];
    for (o, m) in model.officers.iter().enumerate() {
        let hours = model.hours_of(sets[o]);
        for g in m
            .gaps
            .iter()
            .filter(|g| g.unclosable.is_none() && g.value > 0.0)
        {
            if g.closers & sets[o] != 0 {
                continue;
            }
            let best = (0..nk)
                .filter(|&k| g.closers & 1 << k != 0)
                .map(|k| {
                    let add = pending(case, model, o, k, sets[o]);
                    let seated = (0..nk)
                        .filter(|&j| add & 1 << j != 0)
                        .all(|j| model.seat_limit[j].is_none_or(|l| taken[j] < l));
                    let fits = case
                        .cap
                        .is_none_or(|cap| hours + model.hours_of(add) <= cap);
                    // Preference: budget, then cap, then seats.
                    match (seated, fits) {
                        (true, true) => 0,
                        (true, false) => 1,
                        (false, _) => 2,
                    }
                })
                .min()
                .unwrap_or(2);
            out[g.competency][[0, 2, 1][best]] += 1;
        }
    }
    out
}

/// Every open reason against [`reasons_from_plan`], seat limits included.
#[track_caller]
fn check_reasons(case: &Case, model: &Model, plan: &DepartmentPlan<'_>, sets: &[u32]) {
    let expected = reasons_from_plan(case, model, sets);
    for out in &plan.competencies {
        let c = index_of(&COMPETENCIES, out.competency.as_str());
        let got = [out.open.budget, out.open.seats, out.open.officer_cap];
        assert_eq!(got, expected[c], "{}: [budget, seats, cap]", out.competency);
    }
}

/// The bound is at least the optimum and the gap is the one it gives.
#[track_caller]
fn check_certificate(plan: &DepartmentPlan<'_>, optimum: f64) {
    assert!(
        plan.bound >= optimum - 1e-9,
        "bound {} below the optimum {optimum}",
        plan.bound
    );
    assert!(plan.bound >= plan.value_closed);
    match plan.optimality {
        Optimality::Optimal => assert_eq!(plan.value_closed, optimum, "claimed optimal"),
        Optimality::Bounded { gap } => {
            assert!(plan.bound > 0.0);
            let expected = 1.0 - plan.value_closed / plan.bound;
            assert!(
                (gap - expected).abs() <= 1e-12,
                "gap {gap}, expected {expected}"
            );
            assert!((0.0..1.0 + 1e-12).contains(&gap));
        }
    }
}

/// `(1 − 1/e)/2`, the documented guarantee.
fn guarantee() -> f64 {
    (1.0 - (-1.0f64).exp()) / 2.0
}

/// The heuristics alone: no search after them.
const HEURISTICS: Solver = Solver::Exact { node_limit: 0 };

/// What [`plan_and_check`] measured on one case.
struct Measured {
    /// The default plan's value.
    value: f64,
    /// Whether the default proved its plan optimal.
    proven: bool,
    /// The value of the heuristics' plan, before any search.
    heuristics: f64,
    optimum: f64,
}

/// Plans a case by default, by the heuristics alone and with a search stopped after a few
/// nodes, and checks every law and certificate of each against the oracle.
#[track_caller]
fn plan_and_check(case: &Case) -> Measured {
    let present = case.all_present();
    let fw = case.framework(&present);
    let cohort = cohort(&fw, &case.officers(&case.identity(), &present));
    let model = Model::new(case, &present);
    let optimum = model.optimum(case.budget);
    let options = case.options(case.budget, &present);
    let check = |options: &AcbpOptions| {
        let plan = plan(&fw, &cohort, options);
        let value = check_laws(case, &model, &plan, case.budget);
        assert!(
            value <= optimum,
            "plan value {value} above the optimum {optimum}"
        );
        check_certificate(&plan, optimum);
        (value, plan.optimality == Optimality::Optimal)
    };
    let (value, proven) = check(&options);
    let (heuristics, _) = check(&options.clone().solver(HEURISTICS));
    check(&options.clone().solver(Solver::Exact { node_limit: 3 }));
    if case.guarantee_applies() {
        assert!(
            heuristics >= guarantee() * optimum - 1e-9,
            "plan value {heuristics} below (1 - 1/e)/2 of the optimum {optimum}"
        );
    }
    Measured {
        value,
        proven,
        heuristics,
        optimum,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    /// Constraint laws, totals, the value against the oracle, and the guarantee.
    #[test]
    fn plans_obey_every_law_and_the_guarantee(case in gen_case()) {
        plan_and_check(&case);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// More budget never lowers the optimum (the oracle's own sanity check).
    #[test]
    fn more_budget_never_lowers_the_optimum(case in gen_case(), extra in 1..=10u32) {
        let model = Model::new(&case, &case.all_present());
        let base = case.budget.unwrap_or(0);
        let less = model.optimum(Some(base));
        let more = model.optimum(Some(base + extra));
        prop_assert!(less <= more, "{less} with {base} h, {more} with {} h", base + extra);
        prop_assert!(more <= model.optimum(None));
    }

    /// Removing a course (with every course requiring it) never raises the optimum.
    #[test]
    fn removing_a_course_never_raises_the_optimum(case in gen_case(), pick in 0..5usize) {
        let removed = pick % case.courses.len();
        let present = case.without(removed);
        let with = Model::new(&case, &case.all_present()).optimum(case.budget);
        let without = Model::new(&case, &present).optimum(case.budget);
        prop_assert!(
            without <= with,
            "{without} without {}, {with} with it",
            COURSES[removed]
        );
        // The smaller framework is valid and its plans obey the laws too.
        let fw = case.framework(&present);
        let cohort = cohort(&fw, &case.officers(&case.identity(), &present));
        let plan = plan(&fw, &cohort, &case.options(case.budget, &present));
        let value = check_laws(&case, &Model::new(&case, &present), &plan, case.budget);
        prop_assert!(value <= without);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// The same inputs give byte-identical plans: run twice, on one or two threads, and
    /// against a framework and cohort rebuilt from scratch.
    #[test]
    fn plans_are_deterministic(case in gen_case()) {
        let present = case.all_present();
        let officers = case.officers(&case.identity(), &present);
        let options = case.options(case.budget, &present);
        let fw = case.framework(&present);
        let first = cohort(&fw, &officers);
        let json = serde_json::to_string(&plan(&fw, &first, &options)).unwrap();
        let again = serde_json::to_string(&plan(&fw, &first, &options)).unwrap();
        prop_assert_eq!(&json, &again);
        let two = options.clone().threads(2);
        let threaded = serde_json::to_string(&plan(&fw, &first, &two)).unwrap();
        prop_assert_eq!(&json, &threaded);
        let fw2 = case.framework(&present);
        let cohort2 = cohort(&fw2, &officers);
        let rebuilt = serde_json::to_string(&plan(&fw2, &cohort2, &options)).unwrap();
        prop_assert_eq!(&json, &rebuilt);
        // Officers listed in another order: ties go by officer id, so the same plan.
        let shuffled = cohort(&fw, &case.officers(&case.order, &present));
        let reordered = serde_json::to_string(&plan(&fw, &shuffled, &options)).unwrap();
        prop_assert_eq!(&json, &reordered);
    }

    /// With no budget, cap or seat limit, every closable gap of positive value is closed.
    #[test]
    fn no_constraint_closes_every_valuable_closable_gap(case in gen_case()) {
        let present = case.all_present();
        let fw = case.framework(&present);
        let cohort = cohort(&fw, &case.officers(&case.identity(), &present));
        let unconstrained = Case {
            cap: None,
            seats: Vec::new(),
            default_seats: None,
            ..case.clone()
        };
        let plan = plan(&fw, &cohort, &unconstrained.options(None, &present));
        let model = Model::new(&unconstrained, &present);
        check_laws(&unconstrained, &model, &plan, None);
        let sets = sets_of(&plan, case.officers.len());
        for (o, m) in model.officers.iter().enumerate() {
            for g in &m.gaps {
                if g.unclosable.is_none() && g.value > 0.0 {
                    prop_assert!(
                        g.closers & sets[o] != 0,
                        "{} {}",
                        OFFICERS[o],
                        COMPETENCIES[g.competency]
                    );
                }
            }
        }
    }
}

/// Median, 10th percentile, worst and mean of ratios, and how many are below 0.97.
fn ratio_stats(ratios: &mut [f64]) -> String {
    ratios.sort_by(f64::total_cmp);
    let at = |percent: usize| ratios[(ratios.len() - 1) * percent / 100];
    let mean = ratios.iter().sum::<f64>() / ratios.len() as f64;
    let below = ratios.iter().filter(|&&r| r < 0.97).count();
    format!(
        "{} instances: median {:.4}, p10 {:.4}, worst {:.4}, mean {mean:.4}, below 0.97: {below}",
        ratios.len(),
        at(50),
        at(10),
        ratios[0],
    )
}

/// Plans 4000 fixed instances and reports how close the plans come to the optimum: the
/// default (heuristics, then a search within a fixed amount of work) and the heuristics
/// alone, over all instances, those with an officer cap or seat limits, and those where the
/// documented guarantee applies. The default reaches at least 0.97 of the optimum on every
/// instance with a cap or seat limits; the heuristics alone keep the guarantee.
#[test]
fn quality_against_the_optimum() {
    let mut runner = TestRunner::deterministic();
    let strategy = gen_case();
    let (mut all, mut constrained, mut guaranteed) = (Vec::new(), Vec::new(), Vec::new());
    let mut proven = 0;
    for _ in 0..4000 {
        let case = strategy
            .new_tree(&mut runner)
            .expect("a case is generated")
            .current();
        let m = plan_and_check(&case);
        if m.optimum <= 0.0 {
            continue;
        }
        proven += usize::from(m.proven);
        let ratios = (m.value / m.optimum, m.heuristics / m.optimum);
        all.push(ratios);
        if case.cap.is_some() || case.default_seats.is_some() || !case.seats.is_empty() {
            constrained.push(ratios);
        }
        if case.guarantee_applies() {
            guaranteed.push(ratios);
        }
    }
    println!("default proved {proven} of {} optimal", all.len());
    for (name, set) in [
        ("all", &all),
        ("with a cap or seat limits", &constrained),
        ("where the guarantee applies", &guaranteed),
    ] {
        let mut default: Vec<f64> = set.iter().map(|r| r.0).collect();
        let mut heuristics: Vec<f64> = set.iter().map(|r| r.1).collect();
        println!("{name}, default: {}", ratio_stats(&mut default));
        println!("{name}, heuristics alone: {}", ratio_stats(&mut heuristics));
    }
    println!("guarantee of the heuristics alone: {:.4}", guarantee());
    assert!(!guaranteed.is_empty() && !constrained.is_empty());
    assert!(constrained.iter().all(|r| r.0 >= 0.97));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// The exact solver reaches the brute-force optimum and obeys every law.
    #[test]
    fn exact_plans_are_optimal(case in gen_case()) {
        let present = case.all_present();
        let fw = case.framework(&present);
        let cohort = cohort(&fw, &case.officers(&case.identity(), &present));
        let plan = exact_plan(&fw, &cohort, &case.options(case.budget, &present));
        let model = Model::new(&case, &present);
        let value = check_laws(&case, &model, &plan, case.budget);
        let (optimum, hours) = model.lexicographic_optimum(case.budget);
        prop_assert_eq!(value, optimum);
        prop_assert_eq!(plan.hours, f64::from(hours), "fewest hours for the most value");
        check_certificate(&plan, optimum);
    }

    /// More budget never closes less, on the exact solver's plans.
    #[test]
    fn more_budget_never_closes_less(case in gen_case(), extra in 1..=10u32) {
        let present = case.all_present();
        let fw = case.framework(&present);
        let cohort = cohort(&fw, &case.officers(&case.identity(), &present));
        let base = case.budget.unwrap_or(0);
        let less = exact_plan(&fw, &cohort, &case.options(Some(base), &present)).value_closed;
        let more = exact_plan(&fw, &cohort, &case.options(Some(base + extra), &present)).value_closed;
        prop_assert!(less <= more, "{less} with {base} h, {more} with {} h", base + extra);
    }

    /// Removing a course (with every course requiring it) never helps, on the exact
    /// solver's plans.
    #[test]
    fn removing_a_course_never_helps(case in gen_case(), pick in 0..5usize) {
        let removed = pick % case.courses.len();
        let present = case.without(removed);
        let full = case.framework(&case.all_present());
        let with = exact_plan(&full, &cohort(&full, &case.officers(&case.identity(), &case.all_present())), &case.options(case.budget, &case.all_present())).value_closed;
        let fewer = case.framework(&present);
        let without = exact_plan(&fewer, &cohort(&fewer, &case.officers(&case.identity(), &present)), &case.options(case.budget, &present)).value_closed;
        prop_assert!(without <= with, "{without} without {}, {with} with it", COURSES[removed]);
    }
}

/// The instance on which the department greedy alone closed less with more budget: with a
/// shared prerequisite, one more hour let it start on the course whose value per hour is
/// best but which then left less to spend (8 with 6 hours, 7 with 7). The exchanges that
/// follow the greedy take that course out again, so the default now closes 8 with both,
/// as the exact solver does.
#[test]
fn a_shared_prerequisite_no_longer_makes_more_budget_close_less() {
    let fw = Framework::from_json(
        r#"{"format_version": 1,
            "competencies": [
              {"id": "a", "name": "A", "type": "domain"}, {"id": "b", "name": "B", "type": "domain"},
              {"id": "c", "name": "C", "type": "domain"}, {"id": "d", "name": "D", "type": "domain"}],
            "roles": [
              {"id": "r1", "name": "R1", "requires": [{"competency": "a", "level": 4}, {"competency": "b", "level": 4}]},
              {"id": "r2", "name": "R2", "requires": [{"competency": "c", "level": 4}, {"competency": "d", "level": 3}]}],
            "positions": [
              {"id": "p1", "name": "P1", "department": "x", "roles": ["r1"]},
              {"id": "p2", "name": "P2", "department": "x", "roles": ["r2"]}],
            "courses": [
              {"id": "pre", "name": "Pre", "hours": 4, "provides": []},
              {"id": "ka", "name": "KA", "hours": 1, "provides": [{"competency": "a", "level": 4}], "prerequisites": ["pre"]},
              {"id": "kb", "name": "KB", "hours": 1, "provides": [{"competency": "b", "level": 4}], "prerequisites": ["pre"]},
              {"id": "x", "name": "X", "hours": 7, "provides": [{"competency": "c", "level": 4}, {"competency": "d", "level": 4}]}]}"#,
    )
    .unwrap();
    let officer = |id: &str, post: &str| OfficerSpec {
        id: id.into(),
        name: None,
        department: "x".into(),
        position: post.into(),
        target_position: None,
        passbook: vec![],
    };
    let cohort = cohort(&fw, &[officer("o1", "p1"), officer("o2", "p2")]);
    let at = |hours: f64, solver: Solver| {
        let options = AcbpOptions::default().budget(hours).unwrap().solver(solver);
        plan(&fw, &cohort, &options).value_closed
    };
    assert_eq!(
        (at(6.0, Solver::Greedy), at(7.0, Solver::Greedy)),
        (8.0, 8.0)
    );
    assert_eq!((at(6.0, EXACT), at(7.0, EXACT)), (8.0, 8.0));
}

/// More budget never closes less on 3,000 fixed generated instances (proptest's
/// deterministic runner, so reproducible). Measured, not proven: the default planner is a
/// heuristic, and no constant-factor argument makes it monotone; the exact solver's proven
/// plans are monotone by definition (`more_budget_never_closes_less`).
#[test]
fn the_default_closes_no_less_with_more_budget_on_generated_instances() {
    let mut runner = TestRunner::deterministic();
    let strategy = (gen_case(), 1..=10u32);
    for _ in 0..3000 {
        let (case, extra) = strategy
            .new_tree(&mut runner)
            .expect("a case is generated")
            .current();
        let present = case.all_present();
        let fw = case.framework(&present);
        let cohort = cohort(&fw, &case.officers(&case.identity(), &present));
        let base = case.budget.unwrap_or(0);
        let less = plan(&fw, &cohort, &case.options(Some(base), &present)).value_closed;
        let more = plan(&fw, &cohort, &case.options(Some(base + extra), &present)).value_closed;
        assert!(
            less <= more,
            "{less} with {base} h, {more} with {} h: {case:?}",
            base + extra
        );
    }
}

/// An income-tax ward: officer IT02 (Income Tax Officer) and IT05 (Inspector), a 30-hour
/// cap each. `it-act-foundation` (20 h) only raises `it-act` to 2, which both already hold
/// at 3; it is the prerequisite of `it-act-advanced`, `faceless-sop` and, through the
/// latter, `mentored-scrutiny`. Before, the exact plan enrolled IT02 in it without any of
/// the courses needing it and called the plan optimal.
#[test]
fn the_exact_ward_plan_books_no_course_that_closes_nothing() {
    let fw = Framework::from_json(&planning_case("acbp_exact_framework.json")).expect("valid");
    let officers = OfficersSpec::from_json(&planning_case("acbp_exact_officers.json"))
        .expect("valid officers");
    let cohort = cohort(&fw, &officers.officers);
    let capped = AcbpOptions::default().officer_cap(30.0).expect("valid cap");
    let exact = plan(
        &fw,
        &cohort,
        &capped.clone().solver(Solver::Exact {
            node_limit: 1_000_000,
        }),
    );
    let expected = "
2 officers, 15 gaps, 6 closed, value 17/39, 33 h, budget none
run ask-desk (Attachment to Aaykar Sampark Kendra desk, Experiential, 20 h): 1 seats of -, 20 person-hours
run drafting-circle (Peer circle: drafting orders and notices, Social, 6 h): 1 seats of -, 6 person-hours
run eoffice-igot (e-Office and noting on iGOT, Formal, 3 h): 1 seats of -, 3 person-hours
run rti-cpio (RTI Act for CPIOs, Formal, 4 h): 1 seats of -, 4 person-hours
enrol IT02 (ito-ward): drafting-circle = 6 h, 1 closed
enrol IT05 (inspector): ask-desk > eoffice-igot > rti-cpio = 27 h, 5 closed
accountability (behavioural): 1 short, 0 closed (0 levels), open level_too_low 1
attention-to-detail (behavioural): 1 short, 0 closed (0 levels), open officer_cap 1
conduct-rules (functional): 1 short, 0 closed (0 levels), open officer_cap 1
conflict-management (behavioural): 1 short, 0 closed (0 levels), open officer_cap 1
e-office (functional): 1 short, 1 closed (2 levels), open none
empathy (behavioural): 1 short, 1 closed (3 levels), open none
faceless-assessment (domain): 1 short, 0 closed (0 levels), open officer_cap 1
grievance (functional): 1 short, 1 closed (3 levels), open none
it-act (domain): 1 short, 0 closed (0 levels), open officer_cap 1
legal-know-how (functional): 1 short, 0 closed (0 levels), open officer_cap 1
mentoring (behavioural): 1 short, 0 closed (0 levels), open no_course 1
noting-drafting (functional): 1 short, 1 closed (3 levels), open none
responsiveness (behavioural): 1 short, 1 closed (3 levels), open none
rti (functional): 1 short, 1 closed (3 levels), open none
sound-judgement (behavioural): 1 short, 0 closed (0 levels), open officer_cap 1
open no_course 1, level_too_low 1, officer_cap 7";
    assert_plan(&exact, expected);
    assert_eq!(exact.optimality, Optimality::Optimal);
    assert_eq!(exact.bound, 17.0);
    for e in &exact.enrolments {
        assert!(
            e.courses.iter().all(|c| c.as_str() != "it-act-foundation"),
            "{} takes it-act-foundation without a course needing it",
            e.officer
        );
    }
    // The default planner's search is small enough here to finish: the same plan, proven.
    let default = plan(&fw, &cohort, &capped);
    assert_plan(&default, expected);
    assert_eq!(default.optimality, Optimality::Optimal);
    // The heuristics alone find it too; their bound comes from the relaxations, not a search.
    let greedy = plan(&fw, &cohort, &capped.clone().solver(HEURISTICS));
    assert_plan(&greedy, expected);
    assert_eq!(greedy.nodes, 0);
    let Optimality::Bounded { gap } = greedy.optimality else {
        panic!("the heuristics do not search, so they do not claim optimality");
    };
    assert!(greedy.bound >= 17.0);
    assert_eq!(gap, 1.0 - 17.0 / greedy.bound);
    println!("the heuristics' bound {} (gap {gap:.4})", greedy.bound);
}

/// `planning/03`: three officers whose RTI gap is weighted a billion times
/// (`Weights::MAX`) and whose file-noting gap is worth one level. Within 31 hours each can
/// take the 9-hour course closing both (27 hours; two courses take 9.5 or 10): the optimum
/// is worth 3·(10⁹ + 1), and no plan worth less is called optimal, whatever the
/// magnitudes.
#[test]
fn a_gap_worth_little_beside_the_department_plan_is_not_given_up() {
    let fw = Framework::from_json(&planning_case("03-weights-far-apart-framework.json")).unwrap();
    let officers = planning_case("03-weights-far-apart-officers.json");
    let cohort = Cohort::from_json(&fw, &officers, &LevelPolicy::default()).unwrap();
    for weight in [1.0, 1e9] {
        let options = AcbpOptions::default()
            .budget(31.0)
            .unwrap()
            .competency_weight("rti-act", weight)
            .unwrap();
        for solver in [Solver::Greedy, Solver::default(), EXACT] {
            let got = fw
                .department_plan(&cohort, &options.clone().solver(solver))
                .unwrap();
            assert!(got.value_closed <= 3.0 * (weight + 1.0));
            assert!(got.bound >= 3.0 * (weight + 1.0), "{solver:?}: {got}");
            if solver != Solver::Greedy {
                assert_eq!(got.value_closed, 3.0 * (weight + 1.0), "{solver:?}: {got}");
                assert_eq!(got.optimality, Optimality::Optimal, "{solver:?}: {got}");
                assert_eq!(got.hours, 27.0, "{solver:?}: {got}");
            }
        }
    }
}

/// `planning/04`: officer `o1` lacks the RTI Act (weighted 1 or a billion) and three small
/// competencies weighted a quarter each; 10 person-hours. The eight course subsets: RTI
/// appeals (1 h) with the 9-hour e-Office week closes 3 quarters in 10 h, with noting basics
/// (2 h) only 1 quarter in 3 h, and the three together take 12 h. Before, department plans
/// told values apart only beyond 10⁻⁹ of the plan's value, so beside a billion the two
/// quarters were nothing: the 3-hour plan was called optimal, with a bound below the optimum.
#[test]
fn quarter_weights_beside_a_billion_are_not_given_up() {
    let fw = Framework::from_json(&planning_case("04-quarter-weights-framework.json")).unwrap();
    let officers = planning_case("04-quarter-weights-officers.json");
    let cohort = Cohort::from_json(&fw, &officers, &LevelPolicy::default()).unwrap();
    for weight in [1.0, 1e9] {
        let mut options = AcbpOptions::default()
            .budget(10.0)
            .unwrap()
            .competency_weight("rti-act", weight)
            .unwrap();
        for small in ["file-noting", "e-office", "record-keeping", "citizen-desk"] {
            options = options.competency_weight(small, 0.25).unwrap();
        }
        let best = weight + 0.75;
        for solver in [Solver::Greedy, HEURISTICS, Solver::default(), EXACT] {
            let got = fw
                .department_plan(&cohort, &options.clone().solver(solver))
                .unwrap();
            assert!(got.value_closed <= best, "{solver:?}: {got}");
            assert!(got.bound >= best, "{solver:?}: bound below {best}: {got}");
            if got.optimality == Optimality::Optimal {
                assert_eq!(got.value_closed, best, "{solver:?}: {got}");
                assert_eq!(got.hours, 10.0, "{solver:?}: {got}");
            }
            if solver != HEURISTICS {
                assert_eq!(got.optimality, Optimality::Optimal, "{solver:?}: {got}");
            }
        }
    }
}

/// `planning/06`: an assistant lacks public procurement (worth 3·10¹⁸: the functional
/// weight and the competency's both `Weights::MAX`), record keeping and file noting (worth
/// a level each) and courtesy (behavioural, weighted 0). The 15-minute records course (with
/// its 1-hour prerequisite) closes records and file noting; the counter day closes file
/// noting and courtesy. Beside 3·10¹⁸ the levels are below the rounding of the plan's value,
/// so the counter day could come in for file noting before the records course; dropping
/// redundant courses then kept it for courtesy, a gap worth nothing, and the plan of 2.25
/// hours was called optimal. Every course of a plan closes a gap of value that no other
/// closes, or is a prerequisite: 1.75 hours.
#[test]
fn a_course_closing_only_a_gap_worth_nothing_is_dropped() {
    let fw = Framework::from_json(&planning_case(
        "06-course-kept-for-a-gap-worth-nothing-framework.json",
    ))
    .unwrap();
    let officers = planning_case("06-course-kept-for-a-gap-worth-nothing-officers.json");
    let cohort = Cohort::from_json(&fw, &officers, &LevelPolicy::default()).unwrap();
    for domain in [0.7, 1.0] {
        let options = AcbpOptions::default()
            .weights(Weights::new(0.0, Weights::MAX, domain).unwrap())
            .competency_weight("gem-procurement", Weights::MAX)
            .unwrap();
        for solver in [Solver::Greedy, HEURISTICS, Solver::default(), EXACT] {
            let got = fw
                .department_plan(&cohort, &options.clone().solver(solver))
                .unwrap();
            let courses: Vec<&str> = got.enrolments[0]
                .courses
                .iter()
                .map(|c| c.as_str())
                .collect();
            assert_eq!(
                courses,
                ["gem-basics", "office-intro", "office-records"],
                "{solver:?}: {got}"
            );
            assert_eq!(got.hours, 1.75, "{solver:?}: {got}");
            assert_eq!(got.open.not_prioritised, 1, "{solver:?}: {got}");
        }
    }
}

/// `planning/07`: an under secretary lacks the RTI Act (domain, 3 levels) and file noting
/// (functional, 2 levels). Weights of 10⁻²⁰⁰ for the domain type and for the RTI Act are
/// each above 0, but their product is below the smallest double and rounds to 0, so the
/// RTI gap was worth exactly nothing: left open as "not prioritised" (which the docs tie to
/// a weight of 0) and its 20-hour course never planned, with no weight of 0 given. Positive
/// weights below `Weights::MIN_POSITIVE` are now refused by name, and with every factor at
/// the smallest accepted (type, competency and position: 10⁻²⁷ in all) the gap is worth
/// something and closed, in learning paths and department plans alike.
#[test]
fn positive_weights_never_make_a_gap_worth_nothing() {
    let fw = Framework::from_json(&planning_case(
        "07-positive-weights-whose-product-rounds-to-zero-framework.json",
    ))
    .unwrap();
    let officers = planning_case("07-positive-weights-whose-product-rounds-to-zero-officers.json");
    let cohort = Cohort::from_json(&fw, &officers, &LevelPolicy::default()).unwrap();
    let doc = OfficersSpec::from_json(&officers).unwrap();
    let profile = karmayogi::Profile::new(&fw, &doc.officers[0], &LevelPolicy::default()).unwrap();
    assert_eq!(
        Weights::new(1.0, 1.0, 1e-200),
        Err(Error::InvalidWeight {
            name: "domain",
            value: 1e-200
        })
    );
    assert_eq!(
        karmayogi::RecommendOptions::default()
            .competency_weight("rti-act", 1e-200)
            .unwrap_err(),
        Error::InvalidIdWeight {
            kind: EntityKind::Competency,
            id: "rti-act".into(),
            value: 1e-200
        }
    );
    for tiny in [f64::from_bits(1), f64::MIN_POSITIVE, 1e-10] {
        assert!(Weights::new(tiny, 1.0, 1.0).is_err(), "{tiny:e}");
        assert!(
            AcbpOptions::default()
                .position_weight("us-rti", tiny)
                .is_err(),
            "{tiny:e}"
        );
        assert!(
            AcbpOptions::default()
                .competency_weight("rti-act", tiny)
                .is_err(),
            "{tiny:e}"
        );
    }
    let least = Weights::MIN_POSITIVE;
    let weights = Weights::new(1.0, 1.0, least).unwrap();
    let plan = fw
        .recommend(
            &profile,
            "us-rti",
            &karmayogi::RecommendOptions::default()
                .weights(weights)
                .competency_weight("rti-act", least)
                .unwrap(),
        )
        .unwrap();
    assert_eq!(plan.closed, 2, "{plan}");
    assert!(plan.open.is_empty(), "{plan}");
    for solver in [Solver::Greedy, Solver::default(), EXACT] {
        let options = AcbpOptions::default()
            .weights(weights)
            .competency_weight("rti-act", least)
            .unwrap()
            .position_weight("us-rti", least)
            .unwrap()
            .solver(solver);
        let got = fw.department_plan(&cohort, &options).unwrap();
        assert_eq!(got.gaps_closed, 2, "{solver:?}: {got}");
        assert_eq!(got.open.not_prioritised, 0, "{solver:?}: {got}");
        assert!(got.value_closed > 0.0, "{solver:?}: {got}");
    }
}
