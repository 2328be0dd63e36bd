//! Course recommendation: named scenarios on small hand-written frameworks (asserting whole
//! plans), and property tests over small generated instances checked against a brute-force
//! oracle written independently of the library's solvers.
//!
//! Generated instances come in two shapes, both with one position whose role requires
//! competencies directly or through an activity, courses of whole or half hours (so every
//! sum is exact) in random modes with prerequisites only on courses of a smaller index, and
//! ids not generated in sorted order (so internal indices differ from generation order):
//! - varied (two in three): 1–8 competencies of random types, about a third on a 3-level
//!   scale, some required; 0–9 courses (mostly 3–9) of 1 to 40 hours, each building 1–3
//!   competencies at random levels (a fifth untagged); an officer with a random passbook
//!   (every source, some unverified, some naming a course) and random completed courses;
//! - dense: 4–8 competencies nearly all required and none held; 6–9 courses of 4 to 20
//!   hours, each building 2–3 competencies at levels 3–5, at most one prerequisite; few
//!   completed courses. Here the solvers have real choices to get wrong.
//!
//! Options vary too: the untagged-level rule (a quarter assume a level), budgets of 0 to
//! 60 hours, competency weights of 0 to 3, term caps.
//!
//! The oracle enumerates every subset of the courses not completed that is closed under
//! pending prerequisites (a completed course's own prerequisites are not needed).
//!
//! Cases per property (`ProptestConfig::with_cases`):
//! - exact least hours against brute force: 2000
//! - greedy feasibility and its `H(g)` bound: 2000
//! - budgeted exact and greedy against brute force: 2000
//! - adding a course never worsens the optimum: 1000
//! - raising a held level never raises the optimum: 1000
//! - more budget never closes less: 1000
//! - term splits: 1000
//! - determinism and input-order independence: 500
//!
//! Greedy is rarely beaten on instances this small (a few cases in a thousand), hence
//! the high counts; the named scenarios pin down instances where it is. The whole file
//! runs in about 10 s in debug mode on two cores.

// Hours are whole or half numbers, so sums of them are exact and compared exactly.
#![allow(clippy::float_cmp)]

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::ops::RangeInclusive;

use karmayogi::{
    ActivitySpec, CompetencySpec, CompetencyType, CourseId, CourseSpec, EntityKind, Error,
    Evidence, EvidenceSource, Framework, FrameworkSpec, Level, LevelPolicy, Mode, OfficerSpec,
    OpenReason, Optimality, Plan, Profile, RecommendOptions, RequirementSpec, RoleSpec, Solver,
    Target, UntaggedLevel, Weights,
};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;

use crate::support::{self, SOURCES, course, evidence, fit_level, planning_case, scale_of};

const EXACT: Solver = Solver::Exact {
    node_limit: 1_000_000,
};
const DATE: &str = "2025-01-15";

// ---------------------------------------------------------------------------------------
// Scenario builders
// ---------------------------------------------------------------------------------------

/// A functional competency; `levels` 0 means the default five-level scale.
fn competency(id: &str, levels: u8) -> CompetencySpec {
    support::competency(
        id,
        format!("{id} skills"),
        CompetencyType::Functional,
        1..=levels,
    )
}

/// A framework with one position `post` whose role `duty` does activity `work`, which
/// requires `required`.
fn framework(
    competencies: Vec<CompetencySpec>,
    required: &[(&str, u8)],
    courses: Vec<CourseSpec>,
) -> Framework {
    let required = required
        .iter()
        .map(|&(c, level)| RequirementSpec::new(c, level))
        .collect();
    Framework::new(one_post(competencies, required, Vec::new(), courses))
        .expect("scenario framework is valid")
}

/// A spec with one position `post` in department `dept` whose role `duty` requires
/// `direct` and does activity `work`, which requires `through_activity`.
fn one_post(
    competencies: Vec<CompetencySpec>,
    through_activity: Vec<RequirementSpec>,
    direct: Vec<RequirementSpec>,
    courses: Vec<CourseSpec>,
) -> FrameworkSpec {
    support::framework_spec(
        competencies,
        vec![ActivitySpec {
            id: "work".into(),
            name: "Daily work".into(),
            requires: through_activity,
        }],
        vec![RoleSpec {
            id: "duty".into(),
            name: "Duty".into(),
            activities: vec!["work".into()],
            requires: direct,
        }],
        vec![support::position("post", "Post", "dept", ["duty"])],
        courses,
    )
}

/// An officer holding `held` (assessed) who completed `completed` as
/// `(course, competency, level recorded)`.
fn officer(held: &[(&str, u8)], completed: &[(&str, &str, u8)]) -> OfficerSpec {
    let mut passbook: Vec<Evidence> = held
        .iter()
        .map(|&(c, level)| evidence(c, level, EvidenceSource::Assessment, DATE, None))
        .collect();
    passbook.extend(completed.iter().map(|&(course, c, level)| {
        evidence(
            c,
            level,
            EvidenceSource::CourseCompletion,
            DATE,
            Some(course),
        )
    }));
    support::officer("officer", "dept", "post", passbook)
}

#[track_caller]
fn profile(fw: &Framework, officer: &OfficerSpec) -> Profile {
    Profile::new(fw, officer, &LevelPolicy::default()).expect("scenario officer is valid")
}

#[track_caller]
fn plan<'f>(fw: &'f Framework, profile: &Profile, options: &RecommendOptions) -> Plan<'f> {
    fw.recommend(profile, "post", options)
        .expect("recommendation succeeds")
}

/// Each term's hours and whether it is over the cap.
fn term_hours(plan: &Plan<'_>) -> Vec<(f64, bool)> {
    plan.terms.iter().map(|t| (t.hours, t.over_cap)).collect()
}

/// `Optimal` or `Bounded`, for outlines.
fn tag(optimality: Optimality) -> &'static str {
    match optimality {
        Optimality::Optimal => "Optimal",
        Optimality::Bounded { .. } => "Bounded",
    }
}

fn level(value: u8) -> Level {
    Level::new(value).expect("level in range")
}

/// The whole plan as lines: one per step (course, hours, mode, term, what it closes, what
/// it is a prerequisite for), one per open gap, and a summary line.
fn outline(plan: &Plan<'_>) -> Vec<String> {
    let mut lines = Vec::new();
    for s in &plan.steps {
        let mut line = format!("{} {}h {:?}", s.course, s.hours, s.mode);
        if s.term > 0 {
            let _ = write!(line, " term {}", s.term);
        }
        for c in &s.closes {
            let _ = write!(line, " closes {} {}->{}", c.competency, c.from, c.to);
        }
        for p in &s.prerequisite_for {
            let _ = write!(line, " before {p}");
        }
        lines.push(line);
    }
    for o in &plan.open {
        lines.push(format!(
            "open {} {}->{} {:?}",
            o.competency, o.current, o.required, o.reason
        ));
    }
    lines.push(format!(
        "total {}h, {} closed, value {}, {}",
        plan.total_hours,
        plan.closed,
        plan.value_closed,
        tag(plan.optimality)
    ));
    lines
}

#[track_caller]
fn assert_outline(plan: &Plan<'_>, expected: &[&str]) {
    assert_eq!(outline(plan), expected, "plan:\n{plan}");
}

/// Both solvers give `expected` (the summary line's optimality aside), proven optimal.
#[track_caller]
fn assert_both_solvers(
    fw: &Framework,
    profile: &Profile,
    options: &RecommendOptions,
    expected: &[&str],
) {
    let (last, steps) = expected.split_last().expect("a summary line");
    for solver in [Solver::Greedy, EXACT] {
        let got = plan(fw, profile, &options.clone().solver(solver));
        // The search proves the plan; the heuristics alone may only bound it (a budgeted
        // plan's hours are proven least only by the search).
        let tag = match (solver, got.optimality) {
            (Solver::Greedy, Optimality::Bounded { .. }) => "Bounded",
            _ => "Optimal",
        };
        let mut want: Vec<String> = steps.iter().map(|s| (*s).to_owned()).collect();
        want.push(format!("{last}, {tag}"));
        assert_eq!(outline(&got), want, "solver {solver:?}, plan:\n{got}");
    }
}

#[track_caller]
/// Asserts an invalid option (named by its setter) or an invalid weight of one competency
/// (named by its id), with the value given.
fn assert_invalid_weight<T: std::fmt::Debug>(result: Result<T, Error>, name: &str, value: f64) {
    let (n, v) = match result {
        Err(Error::InvalidOption { option, value, .. }) => (option.to_owned(), value),
        Err(Error::InvalidIdWeight {
            kind: EntityKind::Competency,
            id,
            value,
        }) => (id, value),
        other => panic!("expected an invalid `{name}`, got {other:?}"),
    };
    assert_eq!(n, name, "option or competency named");
    assert!(
        v.to_bits() == value.to_bits(),
        "value {v} reported, {value} given"
    );
}

// ---------------------------------------------------------------------------------------
// Scenarios
// ---------------------------------------------------------------------------------------

/// `intro` (completed) requires `basics`; `adv-a` requires `intro`. `quick-b` (completed)
/// and `long-b` both close `b`.
fn completions_framework() -> Framework {
    framework(
        vec![competency("a", 0), competency("b", 0)],
        &[("a", 3), ("b", 2)],
        vec![
            course("adv-a", 10.0, Mode::Formal, &[("a", Some(3))], &["intro"]),
            course("basics", 3.0, Mode::Formal, &[("a", Some(1))], &[]),
            course("intro", 4.0, Mode::Formal, &[("a", Some(2))], &["basics"]),
            course("long-b", 6.0, Mode::Formal, &[("b", Some(2))], &[]),
            course("quick-b", 2.0, Mode::Formal, &[("b", Some(2))], &[]),
        ],
    )
}

#[test]
fn completed_courses_are_never_recommended_and_count_as_done_prerequisites() {
    let fw = completions_framework();
    let fresh = profile(&fw, &officer(&[], &[]));
    assert_both_solvers(
        &fw,
        &fresh,
        &RecommendOptions::default(),
        &[
            "basics 3h Formal before intro",
            "intro 4h Formal before adv-a",
            "adv-a 10h Formal closes a 0->3",
            "quick-b 2h Formal closes b 0->2",
            "total 19h, 2 closed, value 5",
        ],
    );

    // `intro` done: `adv-a` needs nothing more, and `intro`'s own prerequisite `basics`
    // is not pulled in. `quick-b` done: the dearer `long-b` is the only way left.
    let done = profile(
        &fw,
        &officer(&[], &[("intro", "a", 2), ("quick-b", "b", 1)]),
    );
    assert_eq!(
        done.completed_courses(&fw).unwrap(),
        [&"intro".into(), &"quick-b".into()]
    );
    assert_both_solvers(
        &fw,
        &done,
        &RecommendOptions::default(),
        &[
            "adv-a 10h Formal closes a 2->3",
            "long-b 6h Formal closes b 1->2",
            "total 16h, 2 closed, value 2",
        ],
    );
}

#[test]
fn completed_courses_are_never_recommended_for_targets_either() {
    let fw = completions_framework();
    let targets = [Target {
        competency: "a".into(),
        current: level(0),
        required: level(3),
    }];
    let got = fw
        .recommend_targets(&targets, &["intro".into()], &RecommendOptions::default())
        .unwrap();
    assert_outline(
        &got,
        &[
            "adv-a 10h Formal closes a 0->3",
            "total 10h, 1 closed, value 3, Optimal",
        ],
    );
}

/// `a-advanced-drafting` (6 h) requires `b-noting-basics` (4 h); `c-drafting-bootcamp`
/// (12 h) closes the same gap alone.
fn prerequisite_framework() -> Framework {
    framework(
        vec![competency("drafting", 0), competency("rti", 0)],
        &[("drafting", 3), ("rti", 2)],
        vec![
            course(
                "a-advanced-drafting",
                6.0,
                Mode::Formal,
                &[("drafting", Some(3))],
                &["b-noting-basics"],
            ),
            course(
                "b-noting-basics",
                4.0,
                Mode::Social,
                &[("drafting", Some(1))],
                &[],
            ),
            course(
                "c-drafting-bootcamp",
                12.0,
                Mode::Formal,
                &[("drafting", Some(3))],
                &[],
            ),
        ],
    )
}

#[test]
fn a_prerequisite_is_pulled_in_and_ordered_before_its_dependant() {
    let fw = prerequisite_framework();
    let p = profile(&fw, &officer(&[], &[]));
    assert_both_solvers(
        &fw,
        &p,
        &RecommendOptions::default(),
        &[
            "b-noting-basics 4h Social before a-advanced-drafting",
            "a-advanced-drafting 6h Formal closes drafting 0->3",
            "open rti 0->2 NoCourse",
            "total 10h, 1 closed, value 3",
        ],
    );
    let got = plan(&fw, &p, &RecommendOptions::default());
    assert_eq!(got.blend.formal, 6.0);
    assert_eq!(got.blend.social, 4.0);
    assert_eq!(got.blend.experiential, 0.0);
    assert!(got.terms.is_empty());
    assert_eq!(got.blend_target_met, None);
}

#[test]
fn a_gap_only_lower_level_courses_build_is_open_as_level_too_low() {
    let fw = framework(
        vec![competency("gem", 0), competency("rti", 0)],
        &[("gem", 4), ("rti", 1)],
        vec![
            course("gem-intro", 3.0, Mode::Formal, &[("gem", Some(2))], &[]),
            course("gem-advanced", 5.0, Mode::Formal, &[("gem", Some(3))], &[]),
            course("gem-talk", 1.0, Mode::Social, &[("gem", None)], &[]),
            course("rti-primer", 2.0, Mode::Formal, &[("rti", Some(1))], &[]),
        ],
    );
    let p = profile(&fw, &officer(&[("gem", 1)], &[]));
    assert_both_solvers(
        &fw,
        &p,
        &RecommendOptions::default(),
        &[
            "rti-primer 2h Formal closes rti 0->1",
            "open gem 1->4 LevelTooLow { best: Level(3) }",
            "total 2h, 1 closed, value 1",
        ],
    );
}

#[test]
fn a_gap_no_course_builds_is_open_as_no_course() {
    let fw = framework(
        vec![competency("budgeting", 0), competency("other", 0)],
        &[("budgeting", 2)],
        vec![course(
            "other-course",
            3.0,
            Mode::Formal,
            &[("other", Some(5))],
            &[],
        )],
    );
    let p = profile(&fw, &officer(&[], &[]));
    assert_both_solvers(
        &fw,
        &p,
        &RecommendOptions::default(),
        &[
            "open budgeting 0->2 NoCourse",
            "total 0h, 0 closed, value 0",
        ],
    );
}

#[test]
fn untagged_courses_close_nothing_by_default_and_close_under_an_assumed_level() {
    let fw = framework(
        vec![competency("rti", 3)],
        &[("rti", 2)],
        vec![
            course("rti-talk", 2.0, Mode::Social, &[("rti", None)], &[]),
            course("rti-workshop", 5.0, Mode::Formal, &[("rti", None)], &[]),
        ],
    );
    let p = profile(&fw, &officer(&[], &[]));
    assert_both_solvers(
        &fw,
        &p,
        &RecommendOptions::default(),
        &["open rti 0->2 UntaggedOnly", "total 0h, 0 closed, value 0"],
    );
    assert_both_solvers(
        &fw,
        &p,
        &RecommendOptions::default().untagged(UntaggedLevel::Assume(level(2))),
        &[
            "rti-talk 2h Social closes rti 0->2",
            "total 2h, 1 closed, value 2",
        ],
    );
    assert_both_solvers(
        &fw,
        &p,
        &RecommendOptions::default().untagged(UntaggedLevel::Assume(level(1))),
        &[
            "open rti 0->2 LevelTooLow { best: Level(1) }",
            "total 0h, 0 closed, value 0",
        ],
    );
}

#[test]
fn a_gap_only_completed_courses_close_is_open_as_completed_only() {
    let fw = framework(
        vec![competency("ethics", 0)],
        &[("ethics", 3)],
        vec![
            course("ethics-101", 5.0, Mode::Formal, &[("ethics", Some(3))], &[]),
            course(
                "ethics-intro",
                1.0,
                Mode::Formal,
                &[("ethics", Some(1))],
                &[],
            ),
        ],
    );
    // The completion was recorded at level 1 (say, the assessment lapsed).
    let p = profile(&fw, &officer(&[], &[("ethics-101", "ethics", 1)]));
    assert_both_solvers(
        &fw,
        &p,
        &RecommendOptions::default(),
        &[
            "open ethics 1->3 CompletedOnly",
            "total 0h, 0 closed, value 0",
        ],
    );
}

/// accounts 0→3 by an 8-hour course, rti 0→1 by 2 hours, gem 0→2 by 5 hours.
fn budget_framework() -> Framework {
    framework(
        vec![
            competency("accounts", 0),
            competency("gem", 0),
            competency("rti", 0),
        ],
        &[("accounts", 3), ("gem", 2), ("rti", 1)],
        vec![
            course(
                "accounts-course",
                8.0,
                Mode::Formal,
                &[("accounts", Some(3))],
                &[],
            ),
            course("gem-course", 5.0, Mode::Formal, &[("gem", Some(2))], &[]),
            course("rti-course", 2.0, Mode::Formal, &[("rti", Some(1))], &[]),
        ],
    )
}

#[test]
fn a_budget_leaves_gaps_open_with_the_budget_reason() {
    let fw = budget_framework();
    let p = profile(&fw, &officer(&[], &[]));
    let ten = RecommendOptions::default().budget(10.0).unwrap();
    // Greedy by value per hour takes rti (0.5/h) and gem (0.4/h), then accounts no longer
    // fits; both solvers go on to the optimum, accounts and rti, and prove it. gem's
    // 5-hour course does not fit in the hour left, so its reason is true.
    assert_both_solvers(
        &fw,
        &p,
        &ten,
        &[
            "accounts-course 8h Formal closes accounts 0->3",
            "rti-course 2h Formal closes rti 0->1",
            "open gem 0->2 Budget",
            "total 10h, 2 closed, value 4",
        ],
    );
    // Weighting gem three times makes gem and rti worth 7 in 7 hours.
    let weighted = ten.clone().competency_weight("gem", 3.0).unwrap();
    assert_outline(
        &plan(&fw, &p, &weighted.solver(EXACT)),
        &[
            "gem-course 5h Formal closes gem 0->2",
            "rti-course 2h Formal closes rti 0->1",
            "open accounts 0->3 Budget",
            "total 7h, 2 closed, value 7, Optimal",
        ],
    );
    let zero = RecommendOptions::default().budget(0.0).unwrap();
    assert_both_solvers(
        &fw,
        &p,
        &zero,
        &[
            "open accounts 0->3 Budget",
            "open gem 0->2 Budget",
            "open rti 0->1 Budget",
            "total 0h, 0 closed, value 0",
        ],
    );
}

/// With the largest weights (10⁹ for the type and near it for each competency) a gap is
/// worth about 10¹⁸, past exact sums: whatever the solver and budget, a budgeted plan's
/// bound is at least its reported value, equal to it when the plan is proven optimal, and
/// any other plan's gap is 1 − value / bound of the figures it reports.
#[test]
#[allow(clippy::float_cmp)] // the reported figures must agree exactly
fn the_largest_weights_keep_a_budgeted_plans_bound_true_to_its_value() {
    let fw = budget_framework();
    let p = profile(&fw, &officer(&[], &[]));
    let heavy = RecommendOptions::default()
        .weights(Weights::new(1e9, 1e9, 1e9).unwrap())
        .competency_weight("accounts", 1e9)
        .unwrap()
        .competency_weight("gem", 999_999_999.0)
        .unwrap()
        .competency_weight("rti", 700_000_001.0)
        .unwrap();
    for budget in [2.0, 7.0, 10.0, 13.0, 15.0] {
        for solver in [Solver::Greedy, EXACT] {
            let options = heavy.clone().budget(budget).unwrap().solver(solver);
            let plan = plan(&fw, &p, &options);
            assert!(plan.bound >= plan.value_closed, "{plan:?}");
            match plan.optimality {
                Optimality::Optimal => assert_eq!(plan.bound, plan.value_closed, "{plan:?}"),
                Optimality::Bounded { gap } => {
                    let expected = 1.0 - plan.value_closed / plan.bound;
                    assert!((gap - expected).abs() <= 1e-12, "{plan:?}");
                }
            }
        }
    }
}

#[test]
fn the_lagrangian_repair_finds_what_exchanges_miss() {
    // A sampler closes four gaps at the best rate; the two halves then cost more than a
    // remainder, which greedy takes. Each pick has a twin, so exchanging one pick for a
    // greedy completion without it only brings in the twin.
    let comps = ["a", "b", "c", "d", "e", "f"];
    let fw = framework(
        comps.iter().map(|c| competency(c, 0)).collect(),
        &comps.map(|c| (c, 1)),
        vec![
            course(
                "p-first-half",
                4.0,
                Mode::Formal,
                &[("a", Some(1)), ("b", Some(1)), ("c", Some(1))],
                &[],
            ),
            course(
                "q-second-half",
                4.0,
                Mode::Formal,
                &[("d", Some(1)), ("e", Some(1)), ("f", Some(1))],
                &[],
            ),
            course(
                "r-remainder",
                4.5,
                Mode::Formal,
                &[("c", Some(1)), ("f", Some(1))],
                &[],
            ),
            course(
                "s-remainder",
                4.5,
                Mode::Social,
                &[("c", Some(1)), ("f", Some(1))],
                &[],
            ),
            course(
                "t-sampler",
                4.5,
                Mode::Formal,
                &[
                    ("a", Some(1)),
                    ("b", Some(1)),
                    ("d", Some(1)),
                    ("e", Some(1)),
                ],
                &[],
            ),
            course(
                "u-sampler",
                4.5,
                Mode::Social,
                &[
                    ("a", Some(1)),
                    ("b", Some(1)),
                    ("d", Some(1)),
                    ("e", Some(1)),
                ],
                &[],
            ),
        ],
    );
    let p = profile(&fw, &officer(&[], &[]));
    // The greedy with exchanges stops at the sampler and a remainder (9 h); repairing the
    // Lagrangian relaxation's selection finds the two halves, and the bound proves them.
    let best = [
        "p-first-half 4h Formal closes a 0->1 closes b 0->1 closes c 0->1",
        "q-second-half 4h Formal closes d 0->1 closes e 0->1 closes f 0->1",
        "total 8h, 6 closed, value 6",
    ];
    assert_both_solvers(&fw, &p, &RecommendOptions::default(), &best);
    let exact = plan(&fw, &p, &RecommendOptions::default().solver(EXACT));
    assert_eq!(exact.bound, 8.0);
    // Without nodes to search, the exact solver keeps what the root found.
    let cut = plan(
        &fw,
        &p,
        &RecommendOptions::default().solver(Solver::Exact { node_limit: 0 }),
    );
    assert_eq!(cut.total_hours, 8.0);
    assert_eq!(cut.optimality, Optimality::Optimal);
}

#[test]
fn a_budget_takes_the_best_single_course_when_the_greedy_sequence_is_poor() {
    let fw = framework(
        vec![competency("deep", 0), competency("quick", 0)],
        &[("deep", 5), ("quick", 1)],
        vec![
            course("deep-course", 10.0, Mode::Formal, &[("deep", Some(5))], &[]),
            course(
                "quick-course",
                1.0,
                Mode::Social,
                &[("quick", Some(1))],
                &[],
            ),
        ],
    );
    let p = profile(&fw, &officer(&[], &[]));
    // By value per hour the quick course (1/h) goes first, after which the deep one
    // (0.5/h) no longer fits: value 1, against 5 for the deep course alone.
    assert_both_solvers(
        &fw,
        &p,
        &RecommendOptions::default().budget(10.0).unwrap(),
        &[
            "deep-course 10h Formal closes deep 0->5",
            "open quick 0->1 Budget",
            "total 10h, 1 closed, value 5",
        ],
    );
}

/// `b-adv` requires `a-found`; `c-short` and `d-short` stand alone.
fn terms_framework() -> Framework {
    framework(
        vec![competency("x", 0), competency("y", 0), competency("z", 0)],
        &[("x", 3), ("y", 2), ("z", 2)],
        vec![
            course("a-found", 6.0, Mode::Formal, &[("x", Some(1))], &[]),
            course("b-adv", 6.0, Mode::Formal, &[("x", Some(3))], &["a-found"]),
            course("c-short", 4.0, Mode::Social, &[("y", Some(2))], &[]),
            course("d-short", 3.0, Mode::Experiential, &[("z", Some(2))], &[]),
        ],
    )
}

#[test]
fn terms_respect_the_cap_and_put_dependants_in_later_terms() {
    let fw = terms_framework();
    let p = profile(&fw, &officer(&[], &[]));
    let ten = RecommendOptions::default().term_hours(10.0).unwrap();
    assert_both_solvers(
        &fw,
        &p,
        &ten,
        &[
            "a-found 6h Formal term 1 before b-adv",
            "c-short 4h Social term 1 closes y 0->2",
            "b-adv 6h Formal term 2 closes x 0->3",
            "d-short 3h Experiential term 2 closes z 0->2",
            "total 19h, 3 closed, value 7",
        ],
    );
    assert_eq!(
        term_hours(&plan(&fw, &p, &ten)),
        [(10.0, false), (9.0, false)]
    );

    // A course longer than the cap gets a term of its own, marked as over the cap.
    let five = RecommendOptions::default().term_hours(5.0).unwrap();
    let got = plan(&fw, &p, &five);
    assert_outline(
        &got,
        &[
            "a-found 6h Formal term 1 before b-adv",
            "b-adv 6h Formal term 2 closes x 0->3",
            "c-short 4h Social term 3 closes y 0->2",
            "d-short 3h Experiential term 4 closes z 0->2",
            "total 19h, 3 closed, value 7, Optimal",
        ],
    );
    assert_eq!(
        term_hours(&got),
        [(6.0, true), (6.0, true), (4.0, false), (3.0, false)]
    );
}

/// a: a 4-hour lecture or a 10-hour rotation; b: only a 3-hour lecture; c: a 2-hour
/// lecture or 3 hours of mentoring.
fn blend_framework() -> Framework {
    framework(
        vec![competency("a", 0), competency("b", 0), competency("c", 0)],
        &[("a", 2), ("b", 2), ("c", 1)],
        vec![
            course("a-lecture", 4.0, Mode::Formal, &[("a", Some(2))], &[]),
            course(
                "a-rotation",
                10.0,
                Mode::Experiential,
                &[("a", Some(2))],
                &[],
            ),
            course("b-lecture", 3.0, Mode::Formal, &[("b", Some(2))], &[]),
            course("c-lecture", 2.0, Mode::Formal, &[("c", Some(1))], &[]),
            course("c-mentoring", 3.0, Mode::Social, &[("c", Some(1))], &[]),
        ],
    )
}

#[test]
fn a_formal_share_target_steers_to_alternatives_and_is_reported_truthfully() {
    let fw = blend_framework();
    let p = profile(&fw, &officer(&[], &[]));
    let all_formal = [
        "a-lecture 4h Formal closes a 0->2",
        "b-lecture 3h Formal closes b 0->2",
        "c-lecture 2h Formal closes c 0->1",
        "total 9h, 3 closed, value 5",
    ];
    assert_both_solvers(&fw, &p, &RecommendOptions::default(), &all_formal);
    assert_eq!(
        plan(&fw, &p, &RecommendOptions::default()).blend_target_met,
        None
    );

    let steered = [
        "a-rotation 10h Experiential closes a 0->2",
        "b-lecture 3h Formal closes b 0->2",
        "c-mentoring 3h Social closes c 0->1",
        "total 16h, 3 closed, value 5",
    ];
    // (share, expected plan, formal hours, target met): at 0.5 a formal hour costs two,
    // so the 4-hour lecture (8) still beats the 10-hour rotation, but mentoring (3) beats
    // the 2-hour lecture (4). b has no alternative, so 10% cannot be met.
    let half = [
        "a-lecture 4h Formal closes a 0->2",
        "b-lecture 3h Formal closes b 0->2",
        "c-mentoring 3h Social closes c 0->1",
        "total 10h, 3 closed, value 5",
    ];
    for (share, expected, formal, met) in [
        (0.3, &steered, 3.0, true),
        (0.1, &steered, 3.0, false),
        (0.5, &half, 7.0, false),
    ] {
        let options = RecommendOptions::default().max_formal_share(share).unwrap();
        assert_both_solvers(&fw, &p, &options, expected);
        let got = plan(&fw, &p, &options);
        assert_eq!(got.blend.formal, formal, "share {share}");
        assert_eq!(got.blend_target_met, Some(met), "share {share}");
        assert_eq!(
            got.blend.formal_share() <= share,
            met,
            "share {share} against blend {:?}",
            got.blend
        );
    }
    // A share of 1 changes nothing and is met by any plan.
    let one = RecommendOptions::default().max_formal_share(1.0).unwrap();
    let got = plan(&fw, &p, &one);
    assert_eq!(got.total_hours, 9.0);
    assert_eq!(got.blend_target_met, Some(true));
}

/// A least-hours plan reports its total rounded to 9 decimals (`model::hours`); its bound
/// was reported as computed, so with courses of a trillionth of an hour a plan of three
/// courses read "0 hours" beside a bound of 5e-12 ("no plan takes fewer hours"). The
/// bound is rounded as the total is, so it is never printed above a plan's hours.
#[test]
fn a_least_hours_bound_is_never_reported_above_the_plans_total() {
    for (x, y) in [(1e-12, 2e-12), (1.4e-9, 1.4e-9), (0.1, 0.2), (5e-13, 1.0)] {
        let fw = framework(
            vec![competency("a", 0), competency("b", 0), competency("c", 0)],
            &[("a", 3), ("b", 2), ("c", 1)],
            vec![
                course("x", x, Mode::Formal, &[("a", Some(3))], &[]),
                course("y", y, Mode::Formal, &[("b", Some(2))], &["x"]),
                course("z", y, Mode::Social, &[("c", Some(1))], &[]),
            ],
        );
        let p = profile(&fw, &officer(&[], &[]));
        for solver in [Solver::Greedy, Solver::default()] {
            let got = plan(&fw, &p, &RecommendOptions::default().solver(solver));
            assert_eq!(got.steps.len(), 3);
            assert!(
                got.bound <= got.total_hours,
                "hours {x}, {y}, {solver:?}: bound {} above the total {}",
                got.bound,
                got.total_hours
            );
            assert_eq!(got.optimality, Optimality::Optimal, "hours {x}, {y}");
        }
    }
}

/// A formal hour costs `1 / share` hours in selection. Below 1e-9 that cost times a
/// course's hours could overflow to infinity: every plan with a formal course then cost
/// the same, and the solver returned one with more formal hours than needed while
/// claiming it optimal with an infinite bound. Such shares are refused; the smallest
/// accepted one still steers, with a finite bound.
#[test]
fn a_formal_share_too_small_for_finite_costs_is_refused() {
    let fw = blend_framework();
    let p = profile(&fw, &officer(&[], &[]));
    let o = RecommendOptions::default;
    for bad in [5e-10, 1e-300, f64::MIN_POSITIVE, 5e-324] {
        assert_invalid_weight(o().max_formal_share(bad), "max_formal_share", bad);
    }
    let smallest = o().max_formal_share(1e-9).unwrap();
    for solver in [Solver::Greedy, Solver::default()] {
        let got = plan(&fw, &p, &smallest.clone().solver(solver));
        // b has only a formal course: 3 formal hours is the least possible.
        assert_eq!(got.blend.formal, 3.0, "{solver:?}");
        assert!(got.bound.is_finite(), "{solver:?}: bound {}", got.bound);
        assert!(
            got.bound <= 3.0 / 1e-9 + 13.0,
            "{solver:?}: bound {}",
            got.bound
        );
    }
}

#[test]
fn targets_reporting_names_every_unknown_id_and_level_above_scale() {
    let fw = framework(
        vec![competency("noting", 3), competency("rti", 0)],
        &[("rti", 1)],
        vec![course(
            "rti-basics",
            2.0,
            Mode::Formal,
            &[("rti", Some(3))],
            &[],
        )],
    );
    let t = |c: &str, current: u8, required: u8| Target {
        competency: c.into(),
        current: level(current),
        required: level(required),
    };
    let errors = fw
        .recommend_targets(
            &[
                t("budgeting", 0, 2),
                t("noting", 0, 4),
                t("rti", 1, 2),
                t("rti", 1, 3),
            ],
            &["rti-basics".into(), "no-such-course".into()],
            &RecommendOptions::default(),
        )
        .unwrap_err();
    assert_eq!(
        errors.as_slice(),
        [
            Error::UnknownId {
                kind: EntityKind::Competency,
                id: "budgeting".into(),
                nearest: None,
            },
            Error::InvalidLevel {
                owner_kind: EntityKind::Competency,
                owner: "noting".into(),
                competency: "noting".into(),
                level: 4,
                min: 0,
                max: 3
            },
            Error::DuplicateId {
                kind: EntityKind::Competency,
                id: "rti".into()
            },
            Error::UnknownId {
                kind: EntityKind::Course,
                id: "no-such-course".into(),
                nearest: None,
            },
        ]
    );
    let text = errors.to_string();
    for id in ["budgeting", "noting", "no-such-course"] {
        assert!(text.contains(id), "{id} not named in: {text}");
    }

    // Valid targets: a met target is ignored, a completed course is not recommended.
    let got = fw
        .recommend_targets(
            &[t("noting", 3, 2), t("rti", 1, 3)],
            &[],
            &RecommendOptions::default(),
        )
        .unwrap();
    assert_outline(
        &got,
        &[
            "rti-basics 2h Formal closes rti 1->3",
            "total 2h, 1 closed, value 2, Optimal",
        ],
    );
    let got = fw
        .recommend_targets(
            &[t("rti", 1, 3)],
            &["rti-basics".into()],
            &RecommendOptions::default(),
        )
        .unwrap();
    assert_outline(
        &got,
        &[
            "open rti 1->3 CompletedOnly",
            "total 0h, 0 closed, value 0, Optimal",
        ],
    );
    // Completed courses are a set: listed twice, the same plan as listed once.
    let twice = fw
        .recommend_targets(
            &[t("rti", 1, 3)],
            &["rti-basics".into(), "rti-basics".into()],
            &RecommendOptions::default(),
        )
        .unwrap();
    assert_eq!(twice, got);
}

#[test]
fn invalid_options_are_rejected_naming_the_setting() {
    let o = RecommendOptions::default;
    assert_invalid_weight(o().budget(-1.0), "budget", -1.0);
    assert_invalid_weight(o().budget(f64::NAN), "budget", f64::NAN);
    assert_invalid_weight(o().budget(f64::INFINITY), "budget", f64::INFINITY);
    assert_invalid_weight(o().term_hours(0.0), "term_hours", 0.0);
    assert_invalid_weight(o().term_hours(-2.0), "term_hours", -2.0);
    assert_invalid_weight(o().max_formal_share(0.0), "max_formal_share", 0.0);
    assert_invalid_weight(o().max_formal_share(1.5), "max_formal_share", 1.5);
    assert_invalid_weight(o().max_formal_share(f64::NAN), "max_formal_share", f64::NAN);
    assert_invalid_weight(o().competency_weight("rti", -1.0), "rti", -1.0);
    assert_invalid_weight(o().competency_weight("rti", f64::NAN), "rti", f64::NAN);
    // The boundaries themselves are accepted.
    assert!(o().budget(0.0).is_ok());
    assert!(o().max_formal_share(1.0).is_ok());
    assert!(o().competency_weight("rti", 0.0).is_ok());
    assert!(o().term_hours(0.5).is_ok());
}

/// Every unknown id a request names is reported at once: the position, then each
/// competency weight naming no competency (in id order), by `recommend`, a `Recommender`
/// and `career_step` alike, each error as the id alone gets it.
#[test]
fn every_unknown_id_of_a_request_is_reported_at_once() {
    let fw = budget_framework();
    let p = profile(&fw, &officer(&[], &[]));
    let options = RecommendOptions::default()
        .competency_weight("zz-law", 2.0)
        .unwrap()
        .competency_weight("aa-law", 1.0)
        .unwrap();
    let ids = |errors: karmayogi::Errors| -> Vec<(EntityKind, String)> {
        errors
            .into_iter()
            .map(|e| match e {
                Error::UnknownId { kind, id, .. } => (kind, id),
                other => panic!("{other:?}"),
            })
            .collect()
    };
    let weights = [
        (EntityKind::Competency, "aa-law".to_owned()),
        (EntityKind::Competency, "zz-law".to_owned()),
    ];
    let mut all = vec![(EntityKind::Position, "no-such-post".to_owned())];
    all.extend(weights.clone());
    assert_eq!(
        ids(fw.recommend(&p, "no-such-post", &options).unwrap_err()),
        all
    );
    assert_eq!(
        ids(fw.recommend(&p, "post", &options).unwrap_err()),
        weights
    );
    let mut recommender = karmayogi::Recommender::new(&fw, &options);
    assert_eq!(
        ids(recommender.recommend(&p, "no-such-post").unwrap_err()),
        all
    );
    assert_eq!(ids(recommender.recommend(&p, "post").unwrap_err()), weights);
    let gap = karmayogi::GapOptions::default();
    let step = fw.career_step(&p, "no-such-post", &gap, &options);
    assert_eq!(ids(step.unwrap_err()), all);
    assert_eq!(
        ids(fw.career_step(&p, "post", &gap, &options).unwrap_err()),
        weights
    );
}

#[test]
fn unknown_ids_and_foreign_profiles_are_reported_by_recommend() {
    let fw = budget_framework();
    let p = profile(&fw, &officer(&[], &[]));
    let options = RecommendOptions::default()
        .competency_weight("no-such-competency", 2.0)
        .unwrap();
    assert_eq!(
        crate::support::the_only(fw.recommend(&p, "post", &options).unwrap_err()),
        Error::UnknownId {
            kind: EntityKind::Competency,
            id: "no-such-competency".into(),
            nearest: None,
        }
    );
    assert_eq!(
        crate::support::the_only(
            fw.recommend(&p, "no-such-post", &RecommendOptions::default())
                .unwrap_err()
        ),
        Error::UnknownId {
            kind: EntityKind::Position,
            id: "no-such-post".into(),
            nearest: None,
        }
    );
    let other = budget_framework();
    assert_eq!(
        other
            .recommend(&p, "post", &RecommendOptions::default())
            .unwrap_err(),
        Error::FrameworkMismatch.into()
    );
}

#[test]
fn display_names_each_course_and_the_gaps_it_closes() {
    let fw = prerequisite_framework();
    let p = profile(&fw, &officer(&[("drafting", 1)], &[]));
    let got = plan(
        &fw,
        &p,
        &RecommendOptions::default().term_hours(5.0).unwrap(),
    );
    assert_eq!(
        got.to_string(),
        "Learning path: 2 courses, 10 hours (6.0 formal, 4.0 social, 0.0 experiential); \
         1 gap closed, 1 open; proven optimal\n\
         \x20 term 1: 4 hours\n\
         \x20  1. Course b-noting-basics [b-noting-basics]          4.0 h  social\n\
         \x20       prerequisite for Course a-advanced-drafting [a-advanced-drafting]\n\
         \x20 term 2: 6 hours, one course longer than a term\n\
         \x20  2. Course a-advanced-drafting [a-advanced-drafting]  6.0 h  formal\n\
         \x20       closes drafting skills [drafting] 1 -> 3, for duty / work @3\n\
         \x20 open: rti skills [rti] 0 -> 2: no course builds it\n"
    );
}

// ---------------------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------------------

const COMPETENCIES: [&str; 8] = [
    "mu", "alpha", "zeta", "beta", "kappa", "delta", "omega", "eta",
];
const COURSES: [&str; 9] = ["k3", "k7", "k1", "k8", "k0", "k5", "k2", "k6", "k4"];
/// Sorts before every generated course id, so adding it shifts every internal index.
const ADDED: &str = "added";

/// (3-level scale, type, required level pick, through the activity)
type RawCompetency = (bool, usize, Option<u8>, bool);
/// (half hours, mode, outcomes as (competency pick, level pick), prerequisite picks)
type RawCourse = (u32, usize, Vec<(usize, Option<u8>)>, Vec<usize>);
/// (competency pick, level pick, source, verified, course pick)
type RawEvidence = (usize, u8, usize, bool, Option<usize>);
/// (competency pick, level pick, verified) of a completion, per course when completed
type RawCompletion = Option<(usize, u8, bool)>;

fn raw_competency(
    required: f64,
    levels: RangeInclusive<u8>,
) -> impl Strategy<Value = RawCompetency> {
    (
        prop::bool::weighted(0.3),
        0usize..3,
        option::weighted(required, levels),
        any::<bool>(),
    )
}

fn course_with(
    half_hours: RangeInclusive<u32>,
    outcomes: RangeInclusive<usize>,
    levels: RangeInclusive<u8>,
    tagged: f64,
    prerequisites: RangeInclusive<usize>,
) -> impl Strategy<Value = RawCourse> {
    (
        half_hours,
        0usize..3,
        vec((0usize..8, option::weighted(tagged, levels)), outcomes),
        vec(0usize..9, prerequisites),
    )
}

fn raw_course() -> impl Strategy<Value = RawCourse> {
    course_with(2..=80, 1..=3, 1..=5, 0.8, 0..=3)
}

fn raw_completions(p: f64) -> impl Strategy<Value = Vec<RawCompletion>> {
    vec(
        option::weighted(p, (0usize..8, 0u8..=5, prop::bool::weighted(0.85))),
        9,
    )
}

fn raw_evidence() -> impl Strategy<Value = RawEvidence> {
    (
        0usize..8,
        0u8..=5,
        0usize..4,
        prop::bool::weighted(0.85),
        option::weighted(0.2, 0usize..9),
    )
}

const MODES: [Mode; 3] = [Mode::Formal, Mode::Social, Mode::Experiential];
fn build_course(i: usize, raw: &RawCourse, competencies: &[CompetencySpec]) -> CourseSpec {
    let (half_hours, mode, outcomes, prerequisites) = raw;
    let mut prereqs: Vec<usize> = if i == 0 {
        Vec::new()
    } else {
        prerequisites.iter().map(|p| p % i).collect()
    };
    prereqs.sort_unstable();
    prereqs.dedup();
    support::course_spec(
        COURSES[i],
        format!("Course {}", COURSES[i]),
        f64::from(*half_hours) / 2.0,
        MODES[*mode],
        support::outcomes(outcomes, competencies),
        prereqs.iter().map(|&p| COURSES[p].into()).collect(),
    )
}

fn build_spec(raw_competencies: &[RawCompetency], raw_courses: &[RawCourse]) -> FrameworkSpec {
    let competencies: Vec<CompetencySpec> = raw_competencies
        .iter()
        .enumerate()
        .map(|(i, &(three, kind, _, _))| CompetencySpec {
            kind: CompetencyType::ALL[kind],
            ..competency(COMPETENCIES[i], if three { 3 } else { 0 })
        })
        .collect();
    let mut direct = Vec::new();
    let mut through_activity = Vec::new();
    for (c, &(_, _, required, via_activity)) in competencies.iter().zip(raw_competencies) {
        if let Some(pick) = required {
            let r = RequirementSpec::new(c.id.clone(), fit_level(pick, scale_of(c)));
            if via_activity {
                through_activity.push(r);
            } else {
                direct.push(r);
            }
        }
    }
    let courses = raw_courses
        .iter()
        .enumerate()
        .map(|(i, raw)| build_course(i, raw, &competencies))
        .collect();
    one_post(competencies, through_activity, direct, courses)
}

fn build_officer(
    spec: &FrameworkSpec,
    raw_evidence: &[RawEvidence],
    completions: &[RawCompletion],
) -> OfficerSpec {
    let comps = &spec.competencies;
    let n_courses = spec.courses.len();
    let mut passbook = Vec::new();
    for &(pick, level, source, verified, course) in raw_evidence {
        let c = &comps[pick % comps.len()];
        passbook.push(Evidence {
            competency: c.id.clone(),
            level: level % (scale_of(c) + 1),
            level_name: None,
            source: SOURCES[source],
            date: DATE.to_owned(),
            verified,
            course: course
                .filter(|_| n_courses > 0)
                .map(|k| spec.courses[k % n_courses].id.clone()),
        });
    }
    for (course, completion) in spec.courses.iter().zip(completions) {
        if let &Some((pick, level, verified)) = completion {
            let c = &comps[pick % comps.len()];
            passbook.push(Evidence {
                competency: c.id.clone(),
                level: level % (scale_of(c) + 1),
                level_name: None,
                source: EvidenceSource::CourseCompletion,
                date: DATE.to_owned(),
                verified,
                course: Some(course.id.clone()),
            });
        }
    }
    valid_completions(spec, &mut passbook);
    support::officer("officer", "dept", "post", passbook)
}

/// Makes generated course completions valid: a completion without a course becomes an
/// assessment; above level 0, a completion counts only for a competency its course builds
/// and at most at the course's level (level 0 otherwise).
fn valid_completions(spec: &FrameworkSpec, passbook: &mut [Evidence]) {
    for e in passbook {
        if e.source != EvidenceSource::CourseCompletion {
            continue;
        }
        let course = (e.course.as_ref()).and_then(|k| spec.courses.iter().find(|c| c.id == *k));
        match course {
            None => e.source = EvidenceSource::Assessment,
            Some(k) => {
                e.level = match k.provides.iter().find(|o| o.competency == e.competency) {
                    Some(o) => e.level.min(o.level.unwrap_or(5)),
                    None => 0,
                };
            }
        }
    }
}

/// A generated instance and the options the properties vary.
#[derive(Clone)]
struct Case {
    spec: FrameworkSpec,
    officer: OfficerSpec,
    /// `None` for [`UntaggedLevel::Ignore`], else the level assumed.
    assume: Option<u8>,
}

impl Case {
    fn framework(&self) -> Framework {
        Framework::new(self.spec.clone()).expect("generated framework is valid")
    }

    fn profile(&self, fw: &Framework) -> Profile {
        Profile::new(fw, &self.officer, &LevelPolicy::default()).expect("generated officer")
    }

    fn options(&self) -> RecommendOptions {
        let rule = match self.assume {
            None => UntaggedLevel::Ignore,
            Some(l) => UntaggedLevel::Assume(level(l)),
        };
        RecommendOptions::default().untagged(rule)
    }

    fn model(&self) -> Model {
        Model::new(&self.spec, &self.officer, self.assume, &BTreeMap::new())
    }
}

/// Instances of the two shapes of the file's header: varied ones reach every open reason,
/// dense ones give the solvers choices.
/// One line per item, so that a failing case reads as a reproduction.
impl std::fmt::Debug for Case {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "Case (untagged assumed at {:?})", self.assume)?;
        for c in &self.spec.competencies {
            writeln!(f, "  competency {} scale {}", c.id, scale_of(c))?;
        }
        let role = &self.spec.roles[0];
        let required = role
            .requires
            .iter()
            .chain(&self.spec.activities[0].requires);
        for r in required {
            writeln!(f, "  required {} {}", r.competency, r.level)?;
        }
        for c in &self.spec.courses {
            let provides: Vec<String> = c
                .provides
                .iter()
                .map(|o| format!("{}@{:?}", o.competency, o.level))
                .collect();
            let prerequisites: Vec<&str> = c.prerequisites.iter().map(CourseId::as_str).collect();
            writeln!(
                f,
                "  course {} {} h {:?} provides {provides:?} after {prerequisites:?}",
                c.id, c.hours, c.mode
            )?;
        }
        for e in &self.officer.passbook {
            writeln!(
                f,
                "  evidence {} {} {:?} verified {} course {:?}",
                e.competency,
                e.level,
                e.source,
                e.verified,
                e.course.as_ref().map(CourseId::as_str)
            )?;
        }
        Ok(())
    }
}

fn case() -> impl Strategy<Value = Case> {
    let varied = (
        vec(raw_competency(0.7, 1..=5), 1..=8),
        prop_oneof![
            1 => vec(raw_course(), 0..=2),
            5 => vec(raw_course(), 3..=9),
        ],
        vec(raw_evidence(), 0..=6),
        raw_completions(0.25),
    );
    let dense = (
        vec(raw_competency(0.99, 1..=5), 4..=8),
        vec(course_with(8..=40, 2..=3, 3..=5, 0.95, 0..=1), 6..=9),
        Just(Vec::new()),
        raw_completions(0.04),
    );
    (
        prop_oneof![2 => varied, 1 => dense],
        option::weighted(0.25, 1u8..=5),
    )
        .prop_map(|((comps, courses, evidence, completions), assume)| {
            let spec = build_spec(&comps, &courses);
            let officer = build_officer(&spec, &evidence, &completions);
            Case {
                spec,
                officer,
                assume,
            }
        })
}

// ---------------------------------------------------------------------------------------
// The oracle: an independent model of the instance and brute force over course subsets
// ---------------------------------------------------------------------------------------

struct ModelGap {
    competency: String,
    current: u8,
    required: u8,
    value: f64,
}

struct ModelCourse {
    id: String,
    name: String,
    hours: f64,
    mode: Mode,
    /// Direct prerequisites, as model indices.
    prerequisites: Vec<usize>,
    /// Gaps it closes, as a bit set over `Model::gaps`.
    closes: u64,
}

struct Model {
    /// Sorted by competency id.
    gaps: Vec<ModelGap>,
    courses: Vec<ModelCourse>,
    completed: Vec<bool>,
    /// Level an untagged outcome is taken to reach.
    assume: Option<u8>,
    /// Every outcome, as (competency, level given, course index).
    outcomes: Vec<(String, Option<u8>, usize)>,
}

impl Model {
    fn new(
        spec: &FrameworkSpec,
        officer: &OfficerSpec,
        assume: Option<u8>,
        weights: &BTreeMap<String, f64>,
    ) -> Model {
        let position = &spec.positions[0];
        let mut required: BTreeMap<String, u8> = BTreeMap::new();
        let mut need = |r: &RequirementSpec| {
            let l = required.entry(r.competency.to_string()).or_insert(0);
            *l = (*l).max(r.level);
        };
        for role in spec.roles.iter().filter(|r| position.roles.contains(&r.id)) {
            role.requires.iter().for_each(&mut need);
            for a in spec
                .activities
                .iter()
                .filter(|a| role.activities.contains(&a.id))
            {
                a.requires.iter().for_each(&mut need);
            }
        }
        // Default policy: verified evidence, not self-declared, highest level wins.
        let mut held: BTreeMap<String, u8> = BTreeMap::new();
        for e in &officer.passbook {
            if e.verified && e.source != EvidenceSource::SelfDeclared {
                let l = held.entry(e.competency.to_string()).or_insert(0);
                *l = (*l).max(e.level);
            }
        }
        let gaps: Vec<ModelGap> = required
            .iter()
            .filter_map(|(c, &req)| {
                let current = held.get(c).copied().unwrap_or(0);
                (req > current).then(|| ModelGap {
                    competency: c.clone(),
                    current,
                    required: req,
                    value: f64::from(req - current) * weights.get(c).copied().unwrap_or(1.0),
                })
            })
            .collect();
        let index: HashMap<&str, usize> = spec
            .courses
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), i))
            .collect();
        let reach = |l: Option<u8>| l.or(assume);
        let mut outcomes = Vec::new();
        let courses = spec
            .courses
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let mut closes = 0u64;
                for o in &c.provides {
                    outcomes.push((o.competency.to_string(), o.level, i));
                    for (g, gap) in gaps.iter().enumerate() {
                        if gap.competency == o.competency.as_str()
                            && reach(o.level).is_some_and(|l| l >= gap.required)
                        {
                            closes |= 1 << g;
                        }
                    }
                }
                ModelCourse {
                    id: c.id.to_string(),
                    name: c.name.clone(),
                    hours: c.hours,
                    mode: c.mode,
                    prerequisites: c.prerequisites.iter().map(|p| index[p.as_str()]).collect(),
                    closes,
                }
            })
            .collect();
        let mut completed = vec![false; spec.courses.len()];
        for e in &officer.passbook {
            if let (EvidenceSource::CourseCompletion, Some(c)) = (e.source, &e.course) {
                completed[index[c.as_str()]] = true;
            }
        }
        Model {
            gaps,
            courses,
            completed,
            assume,
            outcomes,
        }
    }

    /// Gaps some course not completed closes.
    fn closable(&self) -> u64 {
        self.open_courses()
            .fold(0, |m, c| m | self.courses[c].closes)
    }

    fn open_courses(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.courses.len()).filter(|&c| !self.completed[c])
    }

    /// Bit set of the courses not completed.
    fn open_set(&self) -> u32 {
        self.open_courses().fold(0, |m, c| m | 1 << c)
    }

    /// Whether every prerequisite of a course in `set` is in `set` or completed.
    fn is_closed(&self, set: u32) -> bool {
        (0..self.courses.len())
            .filter(|&c| set & (1 << c) != 0)
            .all(|c| {
                self.courses[c]
                    .prerequisites
                    .iter()
                    .all(|&p| self.completed[p] || set & (1 << p) != 0)
            })
    }

    /// Every prerequisite-closed set of courses not completed.
    fn closed_sets(&self) -> Vec<u32> {
        let open = self.open_set();
        (0..1u32 << self.courses.len())
            .filter(|&s| s & !open == 0 && self.is_closed(s))
            .collect()
    }

    fn covers(&self, set: u32) -> u64 {
        (0..self.courses.len())
            .filter(|&c| set & (1 << c) != 0)
            .fold(0, |m, c| m | self.courses[c].closes)
    }

    fn hours(&self, set: u32) -> f64 {
        (0..self.courses.len())
            .filter(|&c| set & (1 << c) != 0)
            .map(|c| self.courses[c].hours)
            .sum()
    }

    fn value(&self, gaps: u64) -> f64 {
        (0..self.gaps.len())
            .filter(|&g| gaps & (1 << g) != 0)
            .map(|g| self.gaps[g].value)
            .sum()
    }

    /// The fewest hours of a prerequisite-closed set closing every closable gap.
    fn least_hours(&self) -> f64 {
        let need = self.closable();
        self.closed_sets()
            .into_iter()
            .filter(|&s| self.covers(s) & need == need)
            .map(|s| self.hours(s))
            .fold(f64::INFINITY, f64::min)
    }

    /// The most value closable within `budget` hours.
    fn best_value(&self, budget: f64) -> f64 {
        self.closed_sets()
            .into_iter()
            .filter(|&s| self.hours(s) <= budget + 1e-9)
            .map(|s| self.value(self.covers(s)))
            .fold(0.0, f64::max)
    }

    /// The fewest hours of a plan within `budget` closing `value`.
    fn fewest_hours_for(&self, value: f64, budget: f64) -> f64 {
        self.closed_sets()
            .into_iter()
            .filter(|&s| {
                self.hours(s) <= budget + 1e-9 && self.value(self.covers(s)) >= value - 1e-9
            })
            .map(|s| self.hours(s))
            .fold(f64::INFINITY, f64::min)
    }

    /// A course with its pending prerequisites (stopping at completed courses).
    fn unit(&self, c: usize) -> u32 {
        let mut set = 1u32 << c;
        let mut stack = vec![c];
        while let Some(d) = stack.pop() {
            for &p in &self.courses[d].prerequisites {
                if !self.completed[p] && set & (1 << p) == 0 {
                    set |= 1 << p;
                    stack.push(p);
                }
            }
        }
        set
    }

    /// `(OPT_relaxed, g)`: the cheapest cover in which every pick pays its whole pending
    /// closure, and the most closable gaps one course with its closure closes.
    fn relaxed_optimum(&self) -> (f64, usize) {
        let need = self.closable();
        let units: Vec<(u64, f64)> = self
            .open_courses()
            .map(|c| {
                let u = self.unit(c);
                (self.covers(u) & need, self.hours(u))
            })
            .collect();
        let g = units
            .iter()
            .map(|(m, _)| m.count_ones() as usize)
            .max()
            .unwrap_or(0);
        let mut best = f64::INFINITY;
        for pick in 0..1u32 << units.len() {
            let (mut covered, mut cost) = (0u64, 0.0);
            for (k, (m, h)) in units.iter().enumerate() {
                if pick & (1 << k) != 0 {
                    covered |= m;
                    cost += h;
                }
            }
            if covered & need == need {
                best = best.min(cost);
            }
        }
        (best, g)
    }

    /// Whether no course is a prerequisite of two courses.
    fn no_shared_prerequisites(&self) -> bool {
        let mut seen = BTreeSet::new();
        self.courses
            .iter()
            .flat_map(|c| c.prerequisites.iter())
            .all(|&p| seen.insert(p))
    }

    /// Why an unclosable gap stays open.
    fn reason(&self, g: usize) -> OpenReason {
        let gap = &self.gaps[g];
        let offers: Vec<Option<u8>> = self
            .outcomes
            .iter()
            .filter(|(c, _, _)| *c == gap.competency)
            .map(|&(_, l, _)| l.or(self.assume))
            .collect();
        if offers.is_empty() {
            OpenReason::NoCourse
        } else if offers.iter().any(|l| l.is_some_and(|l| l >= gap.required)) {
            OpenReason::CompletedOnly
        } else {
            match offers.iter().flatten().max() {
                Some(&best) => OpenReason::LevelTooLow { best: level(best) },
                None => OpenReason::UntaggedOnly,
            }
        }
    }
}

fn harmonic(g: usize) -> f64 {
    (1..=g).map(|k| 1.0 / k as f64).sum()
}

// ---------------------------------------------------------------------------------------
// Plan laws
// ---------------------------------------------------------------------------------------

/// What the plan was asked for.
#[derive(Clone, Copy, Debug)]
struct Asked {
    budget: Option<f64>,
    term_hours: Option<f64>,
}

const CLOSE_ALL: Asked = Asked {
    budget: None,
    term_hours: None,
};

/// The plan is feasible and self-consistent against the model; returns its course set.
fn check_plan(model: &Model, plan: &Plan<'_>, asked: Asked) -> Result<u32, TestCaseError> {
    let index: HashMap<&str, usize> = model
        .courses
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    let steps: Vec<usize> = plan
        .steps
        .iter()
        .map(|s| index[s.course.as_str()])
        .collect();
    let set = steps.iter().fold(0u32, |m, &c| m | 1 << c);
    prop_assert_eq!(set.count_ones() as usize, steps.len(), "a course twice");
    check_steps(model, plan, &steps)?;
    let credited = check_credits(model, plan, &steps)?;
    prop_assert_eq!(credited, model.covers(set), "every gap closed is credited");
    if asked.budget.is_none() {
        prop_assert_eq!(credited, model.closable(), "every closable gap is closed");
    }
    let want_open: Vec<(String, u8, u8, OpenReason)> = (0..model.gaps.len())
        .filter(|&g| credited & (1 << g) == 0)
        .map(|g| {
            let gap = &model.gaps[g];
            let reason = if model.closable() & (1 << g) != 0 {
                // A closable gap stays open only under a budget: weighted zero, it is not
                // aimed at; otherwise the hours ran out.
                if gap.value > 0.0 {
                    OpenReason::Budget
                } else {
                    OpenReason::NotPrioritised
                }
            } else {
                model.reason(g)
            };
            (gap.competency.clone(), gap.current, gap.required, reason)
        })
        .collect();
    let got_open = support::open_rows(&plan.open);
    prop_assert_eq!(got_open, want_open);
    prop_assert_eq!(plan.closed, credited.count_ones() as usize);
    prop_assert_eq!(plan.closed + plan.open.len(), model.gaps.len());
    prop_assert!((plan.value_closed - model.value(credited)).abs() < 1e-9);
    check_hours(model, plan, set, asked)?;
    check_terms(model, plan, &steps, asked.term_hours)?;
    check_minimal(model, set, asked)?;
    check_certificate(model, plan, asked)?;
    if let Some(budget) = asked.budget {
        check_maximal(model, plan, set, budget)?;
    }
    prop_assert_eq!(plan.blend_target_met, None);
    Ok(set)
}

/// Minimality: every course of the plan is a prerequisite of another of its courses, or
/// closes a gap no other course of the plan closes (one worth something, under a budget).
fn check_minimal(model: &Model, set: u32, asked: Asked) -> Result<(), TestCaseError> {
    for c in (0..model.courses.len()).filter(|&c| set & (1 << c) != 0) {
        let required = (0..model.courses.len())
            .any(|d| set & (1 << d) != 0 && model.courses[d].prerequisites.contains(&c));
        if required {
            continue;
        }
        let own = model.courses[c].closes & !model.covers(set & !(1 << c));
        let counts = (0..model.gaps.len())
            .any(|g| own & (1 << g) != 0 && (asked.budget.is_none() || model.gaps[g].value > 0.0));
        prop_assert!(
            counts,
            "{} closes nothing the plan needs",
            model.courses[c].id
        );
    }
    Ok(())
}

/// The bound is on the right side of the brute-force optimum, an optimal plan is optimal
/// (and, under a budget, the fewest hours among the most valuable plans), and a bounded
/// plan is within its gap of the bound.
fn check_certificate(model: &Model, plan: &Plan<'_>, asked: Asked) -> Result<(), TestCaseError> {
    match asked.budget {
        None => {
            let least = model.least_hours();
            prop_assert!(
                plan.bound <= least + 1e-9,
                "bound {} above the optimum {least}",
                plan.bound
            );
            match plan.optimality {
                Optimality::Optimal => prop_assert!((plan.total_hours - least).abs() < 1e-9),
                Optimality::Bounded { gap } => {
                    prop_assert!(gap > 0.0);
                    prop_assert!(plan.total_hours <= (1.0 + gap) * plan.bound + 1e-6);
                }
            }
        }
        Some(budget) => {
            let best = model.best_value(budget);
            prop_assert!(
                plan.bound >= best - 1e-9,
                "bound {} below the optimum {best}",
                plan.bound
            );
            match plan.optimality {
                Optimality::Optimal => {
                    prop_assert!(
                        (plan.value_closed - best).abs() < 1e-9,
                        "optimal {} < {best}",
                        plan.value_closed
                    );
                    let fewest = model.fewest_hours_for(best, budget);
                    prop_assert_eq!(
                        plan.total_hours,
                        fewest,
                        "more hours than needed for {}",
                        best
                    );
                }
                Optimality::Bounded { gap } => {
                    prop_assert!((0.0..=1.0).contains(&gap));
                    prop_assert!(plan.value_closed >= (1.0 - gap) * plan.bound - 1e-6);
                }
            }
        }
    }
    Ok(())
}

/// Maximality, which makes every "not within the budget" reason true: no course left out,
/// with its prerequisites not in the plan, fits in the hours left and closes a gap worth
/// something that the plan leaves open.
fn check_maximal(
    model: &Model,
    plan: &Plan<'_>,
    set: u32,
    budget: f64,
) -> Result<(), TestCaseError> {
    let left = budget - plan.total_hours;
    let closed = model.covers(set);
    for c in model.open_courses().filter(|&c| set & (1 << c) == 0) {
        let extra = model.unit(c) & !set;
        if model.hours(extra) <= left + 1e-9 {
            let gain = model.covers(extra) & !closed;
            prop_assert!(
                model.value(gain) <= 0.0,
                "{} fits in the {left} hours left and closes more",
                model.courses[c].id
            );
        }
    }
    Ok(())
}

/// Steps match the catalogue, skip completed courses, follow their prerequisites, and say
/// which later steps require them.
fn check_steps(model: &Model, plan: &Plan<'_>, steps: &[usize]) -> Result<(), TestCaseError> {
    for (i, (s, &c)) in plan.steps.iter().zip(steps).enumerate() {
        let course = &model.courses[c];
        prop_assert!(!model.completed[c], "completed course {} chosen", course.id);
        prop_assert_eq!(s.name, course.name.as_str());
        prop_assert_eq!(s.hours, course.hours);
        prop_assert_eq!(s.mode, course.mode);
        for &p in &course.prerequisites {
            if !model.completed[p] {
                let at = steps.iter().position(|&d| d == p);
                prop_assert!(
                    at.is_some_and(|at| at < i),
                    "{} needs {} first",
                    course.id,
                    model.courses[p].id
                );
            }
        }
        let mut want: Vec<&str> = steps
            .iter()
            .filter(|&&d| model.courses[d].prerequisites.contains(&c))
            .map(|&d| model.courses[d].id.as_str())
            .collect();
        want.sort_unstable();
        let mut got: Vec<&str> = s.prerequisite_for.iter().map(|p| p.as_str()).collect();
        got.sort_unstable();
        prop_assert_eq!(got, want, "prerequisite_for of {}", course.id);
    }
    Ok(())
}

/// Each gap closed is credited to exactly one step that closes it, the first one in the
/// plan's order (terms included), with its levels.
fn check_credits(model: &Model, plan: &Plan<'_>, steps: &[usize]) -> Result<u64, TestCaseError> {
    let mut credited = 0u64;
    for (s, &c) in plan.steps.iter().zip(steps) {
        for closed in &s.closes {
            let g = model
                .gaps
                .iter()
                .position(|g| g.competency == closed.competency.as_str());
            let Some(g) = g else {
                return Err(TestCaseError::fail(format!(
                    "{} is credited with {}, not a gap",
                    s.course, closed.competency
                )));
            };
            prop_assert!(
                model.courses[c].closes & (1 << g) != 0,
                "{} does not close {}",
                s.course,
                closed.competency
            );
            prop_assert!(
                credited & (1 << g) == 0,
                "{} credited twice",
                closed.competency
            );
            credited |= 1 << g;
            let mut earlier = steps.iter().take_while(|&&d| d != c);
            prop_assert!(
                earlier.all(|&d| model.courses[d].closes & (1 << g) == 0),
                "{} is credited to {}, not to the first step closing it",
                closed.competency,
                s.course
            );
            prop_assert_eq!(closed.from.get(), model.gaps[g].current);
            prop_assert_eq!(closed.to.get(), model.gaps[g].required);
        }
    }
    Ok(credited)
}

/// Total hours, blend and budget.
fn check_hours(
    model: &Model,
    plan: &Plan<'_>,
    set: u32,
    asked: Asked,
) -> Result<(), TestCaseError> {
    let by_mode = |mode: Mode| -> f64 {
        plan.steps
            .iter()
            .filter(|s| s.mode == mode)
            .map(|s| s.hours)
            .sum()
    };
    let step_sum: f64 = plan.steps.iter().map(|s| s.hours).sum();
    prop_assert_eq!(plan.total_hours, step_sum);
    prop_assert_eq!(plan.total_hours, model.hours(set));
    prop_assert_eq!(plan.blend.formal, by_mode(Mode::Formal));
    prop_assert_eq!(plan.blend.social, by_mode(Mode::Social));
    prop_assert_eq!(plan.blend.experiential, by_mode(Mode::Experiential));
    prop_assert_eq!(
        plan.blend.formal + plan.blend.social + plan.blend.experiential,
        plan.total_hours
    );
    if let Some(b) = asked.budget {
        prop_assert!(
            plan.total_hours <= b + 1e-9,
            "{} h over budget {b}",
            plan.total_hours
        );
    }
    Ok(())
}

/// Terms: numbered from 1 in step order, each within the cap unless it holds a single
/// longer step, each step after its prerequisites' terms.
fn check_terms(
    model: &Model,
    plan: &Plan<'_>,
    steps: &[usize],
    cap: Option<f64>,
) -> Result<(), TestCaseError> {
    let Some(cap) = cap else {
        prop_assert!(plan.terms.is_empty());
        prop_assert!(plan.steps.iter().all(|s| s.term == 0));
        return Ok(());
    };
    let mut sums = vec![0.0; plan.terms.len()];
    let mut counts = vec![0usize; plan.terms.len()];
    let mut previous = 1;
    for (s, &c) in plan.steps.iter().zip(steps) {
        prop_assert!(s.term >= previous, "terms out of order");
        previous = s.term;
        let t = s.term as usize;
        prop_assert!((1..=plan.terms.len()).contains(&t), "term {t} unknown");
        sums[t - 1] += s.hours;
        counts[t - 1] += 1;
        for (d, &p) in plan.steps.iter().zip(steps) {
            if model.courses[c].prerequisites.contains(&p) {
                prop_assert!(
                    d.term < s.term,
                    "{} shares a term with its prerequisite",
                    s.course
                );
            }
        }
    }
    let hours: Vec<f64> = plan.terms.iter().map(|t| t.hours).collect();
    prop_assert_eq!(&sums, &hours);
    for (t, (term, &n)) in plan.terms.iter().zip(&counts).enumerate() {
        prop_assert!(n > 0, "term {} is empty", t + 1);
        // A term is within the cap, or holds exactly one course longer than the cap and
        // says so.
        let over = term.hours > cap + 1e-9;
        prop_assert_eq!(
            term.over_cap,
            over,
            "term {} of {} h, cap {}",
            t + 1,
            term.hours,
            cap
        );
        prop_assert!(
            !over || n == 1,
            "term {} holds {} h over the cap {cap}",
            t + 1,
            term.hours
        );
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Metamorphic and determinism helpers
// ---------------------------------------------------------------------------------------

/// A small deterministic generator for shuffles.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

/// The option sets the determinism property runs.
fn option_variants(case: &Case, budget: f64, cap: f64) -> Vec<RecommendOptions> {
    let base = case.options();
    let mut out = Vec::new();
    for solver in [Solver::Greedy, EXACT] {
        out.push(base.clone().solver(solver));
        out.push(base.clone().solver(solver).budget(budget).unwrap());
        out.push(
            base.clone()
                .solver(solver)
                .term_hours(cap)
                .unwrap()
                .max_formal_share(0.3)
                .unwrap(),
        );
    }
    out
}

fn plans_json(case: &Case, variants: &[RecommendOptions]) -> Vec<String> {
    let fw = case.framework();
    let profile = case.profile(&fw);
    variants
        .iter()
        .map(|o| serde_json::to_string(&fw.recommend(&profile, "post", o).unwrap()).unwrap())
        .collect()
}

fn exact_hours(case: &Case) -> f64 {
    let fw = case.framework();
    let p = case.profile(&fw);
    let plan = fw
        .recommend(&p, "post", &case.options().solver(EXACT))
        .unwrap();
    assert_eq!(plan.optimality, Optimality::Optimal);
    plan.total_hours
}

/// Competencies of the exact plan's open gaps.
fn open_competencies(case: &Case) -> Vec<String> {
    let fw = case.framework();
    let p = case.profile(&fw);
    let plan = fw
        .recommend(&p, "post", &case.options().solver(EXACT))
        .unwrap();
    plan.open.iter().map(|o| o.competency.to_string()).collect()
}

// ---------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// The exact solver finds the brute-force least hours, and its plan obeys every law.
    #[test]
    fn exact_least_hours_matches_brute_force(case in case()) {
        let model = case.model();
        let fw = case.framework();
        let p = case.profile(&fw);
        let plan = fw.recommend(&p, "post", &case.options().solver(EXACT)).unwrap();
        prop_assert_eq!(plan.optimality, Optimality::Optimal);
        check_plan(&model, &plan, CLOSE_ALL)?;
        let best = model.least_hours();
        prop_assert!(
            (plan.total_hours - best).abs() < 1e-9,
            "exact {} h, brute force {best} h\n{plan}",
            plan.total_hours
        );
    }

    /// The greedy plan closes every closable gap legally within `H(g)` of the relaxed
    /// optimum.
    #[test]
    fn greedy_is_feasible_and_within_its_bound(case in case()) {
        let model = case.model();
        let fw = case.framework();
        let p = case.profile(&fw);
        let plan = fw.recommend(&p, "post", &case.options().solver(Solver::Greedy)).unwrap();
        prop_assert_eq!(plan.nodes, 0);
        check_plan(&model, &plan, CLOSE_ALL)?;
        // The default solver searches on and proves the optimum on instances this small.
        let default = fw.recommend(&p, "post", &case.options()).unwrap();
        check_plan(&model, &default, CLOSE_ALL)?;
        prop_assert_eq!(default.optimality, Optimality::Optimal);
        let (relaxed, g) = model.relaxed_optimum();
        let bound = if g == 0 { 0.0 } else { harmonic(g) * relaxed };
        prop_assert!(
            plan.total_hours <= bound + 1e-9,
            "greedy {} h above H({g}) x {relaxed} h\n{plan}",
            plan.total_hours
        );
        prop_assert!(plan.total_hours >= model.least_hours() - 1e-9);
    }

    /// Budgeted: exact closes the brute-force best weighted shortfall; greedy stays within
    /// budget and, without shared prerequisites, reaches (1 − 1/e)/2 of the best.
    #[test]
    fn budgeted_plans_match_brute_force(
        case in case(),
        budget in 0u32..=60,
        weights in vec(option::weighted(0.3, 0u32..=3), 8),
    ) {
        let budget = f64::from(budget);
        let mut options = case.options().budget(budget).unwrap();
        let mut named = BTreeMap::new();
        for (c, w) in case.spec.competencies.iter().zip(&weights) {
            if let Some(w) = w {
                options = options.competency_weight(c.id.clone(), f64::from(*w)).unwrap();
                named.insert(c.id.to_string(), f64::from(*w));
            }
        }
        let model = Model::new(&case.spec, &case.officer, case.assume, &named);
        let fw = case.framework();
        let p = case.profile(&fw);
        let asked = Asked { budget: Some(budget), term_hours: None };
        let best = model.best_value(budget);

        let exact = fw.recommend(&p, "post", &options.clone().solver(EXACT)).unwrap();
        prop_assert_eq!(exact.optimality, Optimality::Optimal);
        check_plan(&model, &exact, asked)?;
        prop_assert!(
            (exact.value_closed - best).abs() < 1e-9,
            "exact closes {}, brute force {best}\n{exact}",
            exact.value_closed
        );

        let default = fw.recommend(&p, "post", &options).unwrap();
        check_plan(&model, &default, asked)?;
        prop_assert_eq!(default.optimality, Optimality::Optimal);

        let greedy = fw.recommend(&p, "post", &options.clone().solver(Solver::Greedy)).unwrap();
        check_plan(&model, &greedy, asked)?;
        prop_assert!(greedy.value_closed <= best + 1e-9);
        if model.no_shared_prerequisites() {
            let floor = (1.0 - (-1.0f64).exp()) / 2.0 * best;
            prop_assert!(
                greedy.value_closed >= floor - 1e-9,
                "greedy closes {} < {floor}\n{greedy}",
                greedy.value_closed
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Adding a course (which no course requires) never makes the least-hours optimum
    /// dearer, compared when it leaves the set of closable gaps unchanged.
    #[test]
    fn adding_a_course_never_worsens_the_optimum(case in case(), extra in raw_course()) {
        let mut bigger = case.clone();
        let n = case.spec.courses.len();
        let mut added = build_course(n.min(COURSES.len() - 1), &extra, &case.spec.competencies);
        added.id = ADDED.into();
        added.name = "Added course".into();
        if n == 0 {
            added.prerequisites.clear();
        } else {
            added.prerequisites = extra
                .3
                .iter()
                .map(|&p| case.spec.courses[p % n].id.clone())
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
        }
        bigger.spec.courses.push(added);
        let before = exact_hours(&case);
        let after = exact_hours(&bigger);
        prop_assert!((after - bigger.model().least_hours()).abs() < 1e-9);
        // A course that makes another gap closable may rightly cost more hours.
        if open_competencies(&bigger) == open_competencies(&case) {
            prop_assert!(after <= before + 1e-9, "{before} h became {after} h");
        }
    }

    /// Raising a held level (by a verified assessment) never raises the optimum.
    #[test]
    fn raising_a_held_level_never_raises_the_optimum(
        case in case(),
        pick in 0usize..8,
        raise in 1u8..=5,
    ) {
        let mut raised = case.clone();
        let c = &case.spec.competencies[pick % case.spec.competencies.len()];
        let held = case
            .officer
            .passbook
            .iter()
            .filter(|e| e.competency == c.id && e.verified && e.source != EvidenceSource::SelfDeclared)
            .map(|e| e.level)
            .max()
            .unwrap_or(0);
        let new_level = (held + raise).min(scale_of(c));
        raised.officer.passbook.push(evidence(c.id.as_str(), new_level, EvidenceSource::Assessment, DATE, None));
        let before = exact_hours(&case);
        let after = exact_hours(&raised);
        prop_assert!(after <= before + 1e-9, "{before} h became {after} h");
        prop_assert!((after - raised.model().least_hours()).abs() < 1e-9);
    }

    /// More budget never closes less value, with the default solver (and the exact one).
    /// The default solver is monotone because it proves its plans optimal here (asserted):
    /// the optimum can only grow with the budget.
    #[test]
    fn more_budget_never_closes_less(case in case(), budget in 0u32..=60, more in 0u32..=30) {
        let fw = case.framework();
        let p = case.profile(&fw);
        for solver in [Solver::default(), EXACT] {
            let value = |b: u32| {
                let options = case.options().solver(solver).budget(f64::from(b)).unwrap();
                let plan = fw.recommend(&p, "post", &options).unwrap();
                assert_eq!(plan.optimality, Optimality::Optimal, "{plan}");
                plan.value_closed
            };
            let (small, large) = (value(budget), value(budget + more));
            prop_assert!(large >= small - 1e-9, "{small} at {budget} h, {large} at {} h", budget + more);
        }
    }

    /// Term splits respect the cap and prerequisites, for every objective and solver.
    #[test]
    fn term_splits_obey_their_laws(
        case in case(),
        cap in 1u32..=60,
        budget in option::of(0u32..=60),
        exact in any::<bool>(),
    ) {
        let cap = f64::from(cap) / 2.0;
        let mut options = case.options().term_hours(cap).unwrap();
        if exact {
            options = options.solver(EXACT);
        }
        if let Some(b) = budget {
            options = options.budget(f64::from(b)).unwrap();
        }
        let fw = case.framework();
        let p = case.profile(&fw);
        let plan = fw.recommend(&p, "post", &options).unwrap();
        let asked = Asked { budget: budget.map(f64::from), term_hours: Some(cap) };
        check_plan(&case.model(), &plan, asked)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// The same input gives byte-identical plans, whatever the order of the spec's lists.
    #[test]
    fn plans_are_deterministic_and_independent_of_input_order(
        case in case(),
        seed in 1u64..,
        budget in 0u32..=60,
        cap in 1u32..=40,
    ) {
        let variants = option_variants(&case, f64::from(budget), f64::from(cap));
        let first = plans_json(&case, &variants);
        prop_assert_eq!(&plans_json(&case, &variants), &first);
        let mut rng = Rng(seed);
        let mut shuffled = case.clone();
        rng.shuffle(&mut shuffled.spec.courses);
        rng.shuffle(&mut shuffled.spec.competencies);
        rng.shuffle(&mut shuffled.officer.passbook);
        for c in &mut shuffled.spec.courses {
            rng.shuffle(&mut c.provides);
            rng.shuffle(&mut c.prerequisites);
        }
        prop_assert_eq!(&plans_json(&shuffled, &variants), &first);
    }
}

/// An empty plan reports +0 hours and value, in numbers, text and JSON.
#[test]
fn empty_plan_totals_are_positive_zero() {
    let fw = Framework::from_json(
        r#"{"format_version": 1,
            "competencies": [{"id": "x", "name": "X", "type": "domain"}],
            "roles": [{"id": "r", "name": "R", "requires": [{"competency": "x", "level": 1}]}],
            "positions": [{"id": "post", "name": "Post", "department": "d", "roles": ["r"]}]}"#,
    )
    .unwrap();
    let officer: OfficerSpec =
        serde_json::from_str(r#"{"id": "o", "department": "d", "position": "post"}"#).unwrap();
    let profile = Profile::new(&fw, &officer, &LevelPolicy::default()).unwrap();
    let plan = fw
        .recommend(&profile, "post", &RecommendOptions::default())
        .unwrap();
    assert!(plan.total_hours.is_sign_positive() && plan.total_hours == 0.0);
    assert!(plan.value_closed.is_sign_positive() && plan.value_closed == 0.0);
    assert!(
        plan.to_string()
            .starts_with("Learning path: 0 courses, 0 hours"),
        "{plan}"
    );
    let json = serde_json::to_string(&plan).unwrap();
    assert!(!json.contains("-0.0"), "{json}");
}

/// With terms, a gap two steps close is credited to the one that comes first after the
/// split, not the one first in prerequisite order.
#[test]
fn credit_follows_the_term_order() {
    let fw = Framework::from_json(
        r#"{"format_version": 1,
            "competencies": [
              {"id": "w", "name": "W", "type": "domain"}, {"id": "x", "name": "X", "type": "domain"},
              {"id": "y", "name": "Y", "type": "domain"}, {"id": "z", "name": "Z", "type": "domain"}],
            "roles": [{"id": "r", "name": "R", "requires": [
              {"competency": "w", "level": 1}, {"competency": "x", "level": 1},
              {"competency": "y", "level": 1}, {"competency": "z", "level": 1}]}],
            "positions": [{"id": "post", "name": "Post", "department": "d", "roles": ["r"]}],
            "courses": [
              {"id": "a", "name": "A", "hours": 6, "provides": [{"competency": "x", "level": 1}]},
              {"id": "b", "name": "B", "hours": 5, "provides": [
                {"competency": "w", "level": 1}, {"competency": "y", "level": 1}]},
              {"id": "c", "name": "C", "hours": 2, "provides": [
                {"competency": "y", "level": 1}, {"competency": "z", "level": 1}]}]}"#,
    )
    .unwrap();
    let officer: OfficerSpec =
        serde_json::from_str(r#"{"id": "o", "department": "d", "position": "post"}"#).unwrap();
    let profile = Profile::new(&fw, &officer, &LevelPolicy::default()).unwrap();
    let options = RecommendOptions::default().term_hours(8.0).unwrap();
    let plan = fw.recommend(&profile, "post", &options).unwrap();
    let summary: Vec<(String, u32, Vec<String>)> = plan
        .steps
        .iter()
        .map(|s| {
            let closes = s.closes.iter().map(|c| c.competency.to_string()).collect();
            (s.course.to_string(), s.term, closes)
        })
        .collect();
    let own = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    assert_eq!(
        summary,
        vec![
            ("a".to_owned(), 1, own(&["x"])),
            ("c".to_owned(), 1, own(&["y", "z"])),
            ("b".to_owned(), 2, own(&["w"])),
        ]
    );
}

/// `planning/03`: a gap weighted a billion times (`Weights::MAX`, "whatever else") beside a
/// gap worth one level (and a weight just under it with a fraction, so the values have no
/// common unit), each closed by a course that fits the budget. The plan closes both:
/// a gap worth something is never left open as over the budget while its course fits,
/// however small its value beside the plan's.
#[test]
fn a_gap_worth_little_beside_the_plan_is_closed_when_its_course_fits() {
    let fw = Framework::from_json(&planning_case("03-weights-far-apart-framework.json")).unwrap();
    let officers = planning_case("03-weights-far-apart-officers.json");
    let cohort = karmayogi::Cohort::from_json(&fw, &officers, &LevelPolicy::default()).unwrap();
    let p = cohort.profile(0).unwrap();
    for weight in [1.0, 1e6, 1e9, 999_999_999.7] {
        let options = RecommendOptions::default()
            .budget(10.0)
            .unwrap()
            .competency_weight("rti-act", weight)
            .unwrap();
        for solver in [Solver::Greedy, Solver::default(), EXACT] {
            let got = fw
                .recommend(&p, "cpio", &options.clone().solver(solver))
                .unwrap();
            assert!(got.open.is_empty(), "weight {weight}, {solver:?}:\n{got}");
            assert_eq!(got.value_closed, weight + 1.0);
            if got.optimality == Optimality::Optimal {
                // rti-casework, in 9 hours rather than 9.5 or 10 for two courses.
                assert_eq!(got.total_hours, 9.0, "weight {weight}, {solver:?}:\n{got}");
            }
        }
    }
}

/// `planning/05`: a gap worth 10¹⁸ (domain weight and the competency's weight both at
/// `Weights::MAX`) beside a gap worth one level, each closed by a course, both within the
/// budget. The second gap is below the rounding of the plan's value (10¹⁸ + 1 is 10¹⁸ in a
/// double), so the greedy's exchanges, which keep a cheaper plan of equal value, dropped
/// its course and left the gap open "not within the hour budget" with 4 hours left for it.
/// Every plan is maximal: it closes both.
#[test]
fn a_gap_below_the_rounding_of_the_plans_value_is_closed_when_its_course_fits() {
    let fw = Framework::from_json(&planning_case(
        "05-values-beyond-double-precision-framework.json",
    ))
    .unwrap();
    let officers = planning_case("05-values-beyond-double-precision-officers.json");
    let cohort = karmayogi::Cohort::from_json(&fw, &officers, &LevelPolicy::default()).unwrap();
    let p = cohort.profile(0).unwrap();
    for budget in [10.0, 12.0] {
        let options = RecommendOptions::default()
            .budget(budget)
            .unwrap()
            .weights(Weights::new(1.0, 1.0, Weights::MAX).unwrap())
            .competency_weight("rti-act", Weights::MAX)
            .unwrap();
        for solver in [Solver::Greedy, Solver::default(), EXACT] {
            let got = fw
                .recommend(&p, "cpio", &options.clone().solver(solver))
                .unwrap();
            let steps: Vec<&str> = got.steps.iter().map(|s| s.course.as_str()).collect();
            assert_eq!(
                steps,
                ["noting-basics", "rti-appeals"],
                "budget {budget}, {solver:?}:\n{got}"
            );
            assert!(got.open.is_empty(), "budget {budget}, {solver:?}:\n{got}");
        }
    }
}

/// A budget holds a plan's hours within 10⁻⁹, as `RecommendOptions::budget` says: room for
/// the rounding of decimal hours, and no more. A course of 10⁻⁹ hours fits a budget of 0
/// (or of 2 beside the 2-hour course worth more); one of 2·10⁻⁹ hours does not, and no
/// plan is over its budget by more.
#[test]
fn a_budget_holds_a_plans_hours_within_a_billionth_of_an_hour() {
    for (short, fits) in [(1e-9, true), (2e-9, false)] {
        let fw = framework(
            vec![competency("a", 0), competency("b", 0)],
            &[("a", 2), ("b", 3)],
            vec![
                course("tiny", short, Mode::Formal, &[("a", Some(2))], &[]),
                course("two", 2.0, Mode::Formal, &[("b", Some(3))], &[]),
            ],
        );
        let p = profile(&fw, &officer(&[], &[]));
        for budget in [0.0, 2.0] {
            for solver in [Solver::Greedy, Solver::default(), EXACT] {
                let options = RecommendOptions::default()
                    .budget(budget)
                    .unwrap()
                    .solver(solver);
                let got = plan(&fw, &p, &options);
                let sum: f64 = got.steps.iter().map(|s| s.hours).sum();
                assert!(sum <= budget + 1e-9, "{short} h, budget {budget}:\n{got}");
                let tiny = got.steps.iter().any(|s| s.course.as_str() == "tiny");
                assert_eq!(tiny, fits, "{short} h, budget {budget}, {solver:?}:\n{got}");
            }
        }
    }
}

/// `planning/08`: an under secretary lacks the RTI Act and file noting, with a formal share
/// of 10⁻⁹ (a formal hour costs 10⁹ hours in selection). The plan takes the 30-hour month
/// at the RTI desk and the 3-hour noting course (the only closer of file noting), about
/// 3·10⁹ + 30 selection hours, and is proven optimal. Its bound was rounded up to the
/// costs' common unit of 30 hours with a slack of 10⁻⁷ of the bound, ten units here: the
/// plan was labelled `Optimal` with a bound 300 selection hours below its own cost, where
/// an optimal plan meets its bound. Every plan proven optimal now reports its own cost (or
/// value) as its bound.
#[test]
fn an_optimal_plan_meets_its_bound_under_a_tiny_formal_share() {
    let fw = Framework::from_json(&planning_case(
        "08-optimal-under-a-tiny-formal-share-framework.json",
    ))
    .unwrap();
    let officers = planning_case("08-optimal-under-a-tiny-formal-share-officers.json");
    let cohort = karmayogi::Cohort::from_json(&fw, &officers, &LevelPolicy::default()).unwrap();
    let p = cohort.profile(0).unwrap();
    for share in [RecommendOptions::MIN_FORMAL_SHARE, 1e-8, 0.1, 1.0] {
        for solver in [Solver::Greedy, Solver::default(), EXACT] {
            for budget in [None, Some(40.0)] {
                let mut options = RecommendOptions::default()
                    .max_formal_share(share)
                    .unwrap()
                    .solver(solver);
                if let Some(b) = budget {
                    options = options.budget(b).unwrap();
                }
                let got = fw.recommend(&p, "us-rti", &options).unwrap();
                let selection: f64 = got
                    .steps
                    .iter()
                    .map(|s| match s.mode {
                        Mode::Formal => s.hours / share,
                        _ => s.hours,
                    })
                    .sum();
                let met = if budget.is_some() {
                    got.value_closed
                } else {
                    selection
                };
                if got.optimality == Optimality::Optimal {
                    assert!(
                        (got.bound - met).abs() <= 1e-9 * met,
                        "share {share}, {solver:?}, budget {budget:?}: optimal at {met}, \
                         bound {}\n{got}",
                        got.bound
                    );
                }
            }
        }
    }
}
