//! Property tests over small generated frameworks and officers.
//!
//! Each case is a valid framework (1–8 competencies on random scales, 1–6 activities, 1–4
//! roles, 1–4 positions in two departments, 0–5 courses with acyclic prerequisites, some
//! draft requirements), 1–8 officers with random passbooks, a random level policy and random
//! readiness weights (zero allowed).
//!
//! Every property runs 256 cases, the two order laws of career paths and of JSON keys 64
//! (`ORACLE_CASES` sets another number for all): determinism, order independence (of career
//! paths and successors too, and of the keys of the JSON documents), serde round trips,
//! raising a held level, adding a requirement, requirements against a walk of the spec,
//! training needs against per-officer gap reports, rankings against sorted gap reports,
//! training-needs row laws, readiness and gap-report laws, and prerequisite closures. The
//! whole file takes about 5 s in debug mode on 2 cores.
//!
//! `arbitrary_hours_survive_json` checks that any valid course hours survive the JSON round
//! trip bit for bit (it needs `serde_json`'s `float_roundtrip` parsing).

use std::collections::{BTreeMap, BTreeSet};

use karmayogi::{
    ActivitySpec, CareerOptions, Cohort, CompareOptions, CompetencyType, Evidence, EvidenceSource,
    FORMAT_VERSION, Fit, Framework, FrameworkSpec, GapOptions, GapReport, LevelPolicy, Mode,
    NeedRow, NeedsOptions, OfficerSpec, OfficersSpec, PositionSpec, Profile, Provenance,
    RankOptions, RequirementSpec, ReviewStatus, RoleSpec, TrainingNeeds, Weights,
};
use karmayogi::{EntityKind, Error};

/// Whether a department option names a department of the framework's positions or (with a
/// cohort) of its officers; any other is refused rather than giving an empty result.
fn known_department(fw: &Framework, cohort: Option<&Cohort>, department: Option<&str>) -> bool {
    department.is_none_or(|d| {
        fw.positions().iter().any(|p| p.department.as_str() == d)
            || cohort.is_some_and(|c| c.departments().iter().any(|x| x.as_str() == d))
    })
}

/// The result of an analysis given a department option: `Some` when the department is
/// known, `None` after checking that an unknown one is refused with `UnknownId`.
#[track_caller]
fn unless_unknown<T: std::fmt::Debug>(result: Result<T, Error>, known: bool) -> Option<T> {
    if known {
        Some(result.expect("a known department"))
    } else {
        match result {
            Err(Error::UnknownId {
                kind: EntityKind::Department,
                ..
            }) => None,
            other => panic!("expected an unknown department, got {other:?}"),
        }
    }
}
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;

use crate::support::{
    RawEvidence, course_spec, distinct, earlier_courses, fit_level, framework_spec,
    generated_competencies, generated_evidence, outcomes, position, raw_evidence, requirements,
    scale_of,
};

// ---------------------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------------------

// Ids are deliberately not generated in sorted order.
const COMPETENCIES: [&str; 8] = [
    "mu", "alpha", "zeta", "beta", "kappa", "delta", "omega", "eta",
];
const ACTIVITIES: [&str; 6] = ["file", "audit", "visit", "brief", "count", "draft"];
const ROLES: [&str; 4] = ["supervisor", "clerk", "inspector", "cashier"];
const POSITIONS: [&str; 4] = ["postmaster", "assistant", "director", "head-clerk"];
const COURSES: [&str; 5] = ["k3", "k1", "k4", "k0", "k2"];
const DEPARTMENTS: [&str; 2] = ["revenue", "posts"];
const DATES: [&str; 4] = ["2019-01-31", "2022-04-01", "2024-02-29", "2025-12-31"];
/// Dated on or after every policy cut-off, so it always counts when verified.
const LATEST: &str = "2025-12-31";

/// (competency pick, level pick 1–5, draft)
type RawReq = (usize, u8, bool);
/// (scale: 0 for the default five levels, else 1–5; type)
type RawCompetency = (u8, usize);
/// (role picks, direct requirements)
type RawRole = (Vec<usize>, Vec<RawReq>);
/// (role picks, department)
type RawPosition = (Vec<usize>, usize);
/// (hours, outcomes as (competency pick, level pick), prerequisite picks)
type RawCourse = (f64, Vec<(usize, Option<u8>)>, Vec<usize>);
/// (position pick, target pick, department, passbook)
type RawOfficer = (usize, Option<usize>, usize, Vec<RawEvidence>);

fn raw_req() -> impl Strategy<Value = RawReq> {
    (0usize..8, 1u8..=5, prop::bool::weighted(0.2))
}

/// Course hours in quarter hours, as catalogues give them, and the bounds.
fn hours() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(10_000.0),
        Just(5e-13),
        (1u32..=40_000).prop_map(|q| f64::from(q) / 4.0)
    ]
}

/// Any valid number of hours, including a value the default `serde_json` parser misreads.
fn any_hours() -> impl Strategy<Value = f64> {
    prop_oneof![Just(1_542.776_196_356_713_9), 5e-13..=10_000.0]
}

fn weight() -> impl Strategy<Value = f64> {
    prop_oneof![Just(0.0), Just(1.0), 0.01f64..8.0]
}

fn build_spec(
    competencies: &[RawCompetency],
    activities: &[Vec<RawReq>],
    roles: &[RawRole],
    positions: &[RawPosition],
    courses: &[RawCourse],
) -> FrameworkSpec {
    let competencies = generated_competencies(competencies.iter().copied(), &COMPETENCIES);
    let activities: Vec<ActivitySpec> = activities
        .iter()
        .enumerate()
        .map(|(i, reqs)| ActivitySpec {
            id: ACTIVITIES[i].into(),
            name: format!("Activity {i}"),
            requires: requirements(reqs.iter().copied(), &competencies),
        })
        .collect();
    let roles: Vec<RoleSpec> = roles
        .iter()
        .enumerate()
        .map(|(i, (acts, reqs))| RoleSpec {
            id: ROLES[i].into(),
            name: format!("Role {i}"),
            activities: distinct(acts, activities.len())
                .into_iter()
                .map(|a| activities[a].id.clone())
                .collect(),
            requires: requirements(reqs.iter().copied(), &competencies),
        })
        .collect();
    let positions = positions
        .iter()
        .enumerate()
        .map(|(i, (picks, dept))| {
            position(
                POSITIONS[i],
                format!("Position {i}"),
                DEPARTMENTS[dept % 2],
                distinct(picks, roles.len())
                    .into_iter()
                    .map(|r| roles[r].id.clone()),
            )
        })
        .collect();
    let courses = courses
        .iter()
        .enumerate()
        .map(|(i, (hours, provides, prerequisites))| {
            course_spec(
                COURSES[i],
                format!("Course {i}"),
                *hours,
                Mode::Formal,
                outcomes(provides, &competencies),
                earlier_courses(i, prerequisites, &COURSES),
            )
        })
        .collect();
    framework_spec(competencies, activities, roles, positions, courses)
}

fn spec_strategy() -> impl Strategy<Value = FrameworkSpec> {
    (
        vec((0u8..=5, 0usize..3), 1..=8),
        vec(vec(raw_req(), 0..=4), 1..=6),
        vec((vec(0usize..6, 0..=3), vec(raw_req(), 0..=2)), 1..=4),
        vec((vec(0usize..4, 1..=3), 0usize..2), 1..=4),
        vec(
            (
                hours(),
                vec((0usize..8, option::of(1u8..=5)), 0..=3),
                vec(0usize..5, 0..=2),
            ),
            0..=5,
        ),
    )
        .prop_map(|(c, a, r, p, k)| build_spec(&c, &a, &r, &p, &k))
}

fn raw_officer() -> impl Strategy<Value = RawOfficer> {
    let evidence = raw_evidence(8, 0.85, DATES.len(), 0.3, 5);
    (
        0usize..4,
        option::weighted(0.3, 0usize..4),
        0usize..2,
        vec(evidence, 0..=6),
    )
}

fn build_officers(spec: &FrameworkSpec, raw: &[RawOfficer]) -> Vec<OfficerSpec> {
    raw.iter()
        .enumerate()
        .map(|(i, (position, target, dept, passbook))| OfficerSpec {
            // Distinct, and not in input order, so "input order" and "id order" differ.
            id: format!("o{}", (i * 5 + 3) % 11).into(),
            name: (i % 3 != 1).then(|| format!("Officer {i}")),
            department: DEPARTMENTS[dept % 2].into(),
            position: spec.positions[position % spec.positions.len()].id.clone(),
            target_position: target.map(|t| spec.positions[t % spec.positions.len()].id.clone()),
            passbook: passbook
                .iter()
                .map(|&raw| generated_evidence(spec, raw, &DATES))
                .collect(),
        })
        .collect()
}

fn policy_strategy() -> impl Strategy<Value = LevelPolicy> {
    (
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        option::of(0usize..DATES.len()),
    )
        .prop_map(|(verified_only, self_declared, feedback, cut)| {
            let policy = LevelPolicy::default()
                .verified_only(verified_only)
                .self_declared(self_declared)
                .feedback_360(feedback);
            match cut {
                Some(d) => policy.not_before(DATES[d]).expect("valid date"),
                None => policy,
            }
        })
}

/// (officer pick, competency pick, extra levels) for raising one held level.
fn raise_pick() -> impl Strategy<Value = (usize, usize, u8)> {
    (0usize..8, 0usize..8, 0u8..5)
}

/// (role pick, competency pick, level pick 1–5) for a requirement to add.
fn added_requirement() -> impl Strategy<Value = (usize, usize, u8)> {
    (0usize..4, 0usize..8, 1u8..=5)
}

/// One generated input: a valid framework, officers, a policy and readiness weights.
#[derive(Clone, Debug)]
struct Case {
    spec: FrameworkSpec,
    officers: Vec<OfficerSpec>,
    policy: LevelPolicy,
    weights: Weights,
    /// Drives shuffles and picks made after generation.
    seed: u64,
}

fn case() -> impl Strategy<Value = Case> {
    (
        spec_strategy(),
        vec(raw_officer(), 1..=8),
        policy_strategy(),
        (weight(), weight(), weight()),
        any::<u64>(),
    )
        .prop_map(|(spec, raw, policy, (b, f, d), seed)| Case {
            officers: build_officers(&spec, &raw),
            spec,
            policy,
            weights: Weights::new(b, f, d).expect("valid weights"),
            seed,
        })
}

impl Case {
    fn framework(&self) -> Framework {
        Framework::new(self.spec.clone()).expect("generated spec is valid")
    }

    fn profiles(&self, fw: &Framework) -> Vec<Profile> {
        self.officers
            .iter()
            .map(|o| Profile::new(fw, o, &self.policy).expect("generated officer is valid"))
            .collect()
    }

    fn cohort(&self, fw: &Framework) -> Cohort {
        Cohort::new(fw, &self.officers, &self.policy).expect("generated officers are valid")
    }

    fn gap_options(&self) -> GapOptions {
        GapOptions::default().weights(self.weights)
    }

    fn all_weights_positive(&self) -> bool {
        CompetencyType::ALL
            .iter()
            .all(|&t| self.weights.get(t) > 0.0)
    }
}

/// A small deterministic generator (`SplitMix64`) for shuffles driven by a case's seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

/// The spec with every list, at every level, shuffled.
fn shuffled_spec(spec: &FrameworkSpec, rng: &mut Rng) -> FrameworkSpec {
    let mut s = spec.clone();
    rng.shuffle(&mut s.competencies);
    for c in &mut s.competencies {
        rng.shuffle(&mut c.levels);
    }
    rng.shuffle(&mut s.activities);
    for a in &mut s.activities {
        rng.shuffle(&mut a.requires);
    }
    rng.shuffle(&mut s.roles);
    for r in &mut s.roles {
        rng.shuffle(&mut r.activities);
        rng.shuffle(&mut r.requires);
    }
    rng.shuffle(&mut s.positions);
    for p in &mut s.positions {
        rng.shuffle(&mut p.roles);
    }
    rng.shuffle(&mut s.courses);
    for c in &mut s.courses {
        rng.shuffle(&mut c.provides);
        rng.shuffle(&mut c.prerequisites);
    }
    s
}

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("outputs serialize")
}

/// Ranking key: readiness (highest first), then shortfall (smallest first).
fn rank_order(a: (f64, u32), b: (f64, u32)) -> std::cmp::Ordering {
    b.0.total_cmp(&a.0).then(a.1.cmp(&b.1))
}

/// Every output that must not depend on the order of the input lists, as one text: derived
/// requirements, every officer's gap report against every position (by officer id), position
/// rankings, training needs (overall and per department), officer rankings with all officers
/// (whose ties follow input order, so they are listed by rank key and id here) and every
/// prerequisite closure.
fn order_free_outputs(spec: &FrameworkSpec, officers: &[OfficerSpec], case: &Case) -> String {
    let fw = Framework::new(spec.clone()).expect("valid");
    let options = case.gap_options().include_met(true);
    let mut out = Vec::new();
    for p in fw.positions() {
        out.push(json(&fw.requirements(p.id.as_str()).unwrap()));
    }
    let mut by_id: Vec<&OfficerSpec> = officers.iter().collect();
    by_id.sort_by(|a, b| a.id.cmp(&b.id));
    let all_positions = RankOptions::default()
        .top(fw.positions().len())
        .gap_options(case.gap_options());
    for o in by_id {
        let profile = Profile::new(&fw, o, &case.policy).expect("valid");
        out.push(json(&fw.gap(&profile, &options).unwrap()));
        for p in fw.positions() {
            out.push(json(
                &fw.gap_for(&profile, p.id.as_str(), &options).unwrap(),
            ));
        }
        out.push(json(&fw.positions_for(&profile, &all_positions).unwrap()));
        out.push(json(&profile.held(&fw).unwrap()));
        out.push(json(&profile.completed_courses(&fw).unwrap()));
        out.push(json(&profile.target_position(&fw).unwrap()));
    }
    let cohort = Cohort::new(&fw, officers, &case.policy).expect("valid");
    out.push(json(
        &fw.training_needs(&cohort, &NeedsOptions::default())
            .unwrap(),
    ));
    out.push(json(
        &fw.training_needs_by_department(&cohort, &NeedsOptions::default())
            .unwrap(),
    ));
    let all_officers = RankOptions::default()
        .top(officers.len())
        .exclude_current(false)
        .gap_options(case.gap_options());
    for p in fw.positions() {
        let mut fits = fw
            .officers_for(&cohort, p.id.as_str(), &all_officers)
            .unwrap();
        fits.sort_by(|a, b| {
            rank_order(
                (a.readiness, a.shortfall_levels),
                (b.readiness, b.shortfall_levels),
            )
            .then(a.officer.cmp(&b.officer))
        });
        out.push(json(&fits));
    }
    for c in fw.courses() {
        out.push(json(&fw.prerequisite_closure(c.id.as_str()).unwrap()));
    }
    out.join("\n")
}

/// A JSON text with the keys of every object written in reverse alphabetical order (the
/// crate's own writer gives them in field order; `serde_json`'s `Value` in alphabetical
/// order).
fn keys_reversed(json: &str) -> String {
    fn write(value: &serde_json::Value, out: &mut String) {
        match value {
            serde_json::Value::Object(map) => {
                out.push('{');
                for (i, (k, v)) in map.iter().rev().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(&serde_json::to_string(k).unwrap());
                    out.push(':');
                    write(v, out);
                }
                out.push('}');
            }
            serde_json::Value::Array(items) => {
                out.push('[');
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write(v, out);
                }
                out.push(']');
            }
            other => out.push_str(&serde_json::to_string(other).unwrap()),
        }
    }
    let value: serde_json::Value = serde_json::from_str(json).expect("own json parses");
    let mut out = String::new();
    write(&value, &mut out);
    out
}

/// The officers' learning-path queries as one text: every officer's career paths to every
/// post (by officer id) and every post's successors among all officers (ties, which follow
/// input order, listed by officer id here).
fn career_outputs(spec: &FrameworkSpec, officers: &[OfficerSpec], case: &Case) -> String {
    let fw = Framework::new(spec.clone()).expect("valid");
    let cohort = Cohort::new(&fw, officers, &case.policy).expect("valid");
    let options = CareerOptions::default()
        .top(fw.positions().len().max(officers.len()))
        .exclude_current(false)
        .gap_options(case.gap_options());
    let mut out = Vec::new();
    let mut by_id: Vec<&OfficerSpec> = officers.iter().collect();
    by_id.sort_by(|a, b| a.id.cmp(&b.id));
    for o in by_id {
        let profile = Profile::new(&fw, o, &case.policy).expect("valid");
        out.push(json(&fw.career_paths(&profile, &options).unwrap()));
    }
    for p in fw.positions() {
        let mut fits = fw.successors(&cohort, p.id.as_str(), &options).unwrap();
        fits.sort_by(|a, b| {
            a.open
                .cmp(&b.open)
                .then(a.hours.total_cmp(&b.hours))
                .then(b.readiness.total_cmp(&a.readiness))
                .then(a.officer.cmp(&b.officer))
        });
        out.push(json(&fits));
    }
    out.join("\n")
}

/// Officer rankings as returned (ties in input order), for the determinism check.
fn officer_rankings(case: &Case) -> String {
    let fw = case.framework();
    let cohort = case.cohort(&fw);
    let mut out = Vec::new();
    for k in [1, 3] {
        let options = RankOptions::default()
            .top(k)
            .gap_options(case.gap_options());
        for p in fw.positions() {
            out.push(json(
                &fw.officers_for(&cohort, p.id.as_str(), &options).unwrap(),
            ));
        }
    }
    out.join("\n")
}

/// The gap lines of a report as plain values: (competency, required, current, shortfall).
fn gap_lines(report: &GapReport<'_>) -> Vec<(String, u8, u8, u8)> {
    report
        .gaps
        .iter()
        .map(|g| {
            (
                g.competency.to_string(),
                g.required.get(),
                g.current.get(),
                g.shortfall,
            )
        })
        .collect()
}

/// What a position requires, computed by walking the spec: per competency, the highest level
/// over every verified role → activity path and every verified direct role requirement.
fn walk_requirements<'s>(
    spec: &'s FrameworkSpec,
    position: &PositionSpec,
) -> BTreeMap<String, (u8, Vec<Provenance<'s>>)> {
    let mut found: BTreeMap<String, (u8, Vec<Provenance<'s>>)> = BTreeMap::new();
    let mut add =
        |req: &RequirementSpec, role: &'s RoleSpec, activity: Option<&'s ActivitySpec>| {
            if req.status == ReviewStatus::Verified {
                let entry = found.entry(req.competency.to_string()).or_default();
                entry.0 = entry.0.max(req.level);
                entry.1.push(Provenance {
                    role: &role.id,
                    activity: activity.map(|a| &a.id),
                    level: karmayogi::Level::new(req.level).unwrap(),
                });
            }
        };
    for role_id in &position.roles {
        let role = spec
            .roles
            .iter()
            .find(|r| r.id == *role_id)
            .expect("known role");
        for req in &role.requires {
            add(req, role, None);
        }
        for activity_id in &role.activities {
            let activity = spec
                .activities
                .iter()
                .find(|a| a.id == *activity_id)
                .expect("known activity");
            for req in &activity.requires {
                add(req, role, Some(activity));
            }
        }
    }
    for (_, provenance) in found.values_mut() {
        provenance.sort();
    }
    found
}

/// Training needs counted from one gap report per officer (with met requirements listed).
fn needs_from_reports<'f>(
    fw: &'f Framework,
    profiles: &[Profile],
    department: Option<&str>,
) -> TrainingNeeds<'f> {
    let mut hist: BTreeMap<String, [u64; 6]> = BTreeMap::new();
    let mut officers = 0;
    let mut pairs = 0;
    let options = GapOptions::default().include_met(true);
    for profile in profiles
        .iter()
        .filter(|p| department.is_none_or(|d| p.department().as_str() == d))
    {
        let report = fw.gap(profile, &options).unwrap();
        officers += 1;
        pairs += report.requirements as u64;
        assert_eq!(report.gaps.len(), report.requirements);
        for g in &report.gaps {
            hist.entry(g.competency.to_string()).or_default()[usize::from(g.shortfall)] += 1;
        }
    }
    crate::support::needs_from_histograms(fw, hist, officers, pairs)
}

/// Checks two fit lists are equal, readiness bit for bit.
fn same_fits(got: &[Fit], want: &[Fit]) -> Result<(), TestCaseError> {
    prop_assert_eq!(got, want);
    let bits = |fits: &[Fit]| {
        fits.iter()
            .map(|f| f.readiness.to_bits())
            .collect::<Vec<_>>()
    };
    prop_assert_eq!(bits(got), bits(want));
    Ok(())
}

fn fit_of(report: &GapReport<'_>) -> Fit {
    Fit {
        officer: report.officer.clone(),
        officer_name: report.officer_name.map(str::to_owned),
        position: report.position.clone(),
        position_name: report.position_name.to_owned(),
        readiness: report.readiness,
        shortfall_levels: report.shortfall_levels,
        gaps: report.gaps.len() as u32,
    }
}

/// The ranking options tried against the oracles: a few `k`, both `exclude_current`, and
/// every department filter (including one nobody belongs to).
fn rank_variants(case: &Case, n: usize) -> Vec<(RankOptions, usize, bool, Option<&'static str>)> {
    let mut out = Vec::new();
    for k in [0, 1, 2, n] {
        for exclude in [true, false] {
            for dept in [
                None,
                Some(DEPARTMENTS[0]),
                Some(DEPARTMENTS[1]),
                Some("nowhere"),
            ] {
                let mut options = RankOptions::default()
                    .top(k)
                    .exclude_current(exclude)
                    .gap_options(case.gap_options());
                if let Some(d) = dept {
                    options = options.department(d);
                }
                out.push((options, k, exclude, dept));
            }
        }
    }
    out
}

/// The course ids of a closure, computed independently: everything reachable through
/// prerequisites, then repeatedly the smallest id whose prerequisites are all placed.
fn walk_closure(spec: &FrameworkSpec, course: &str) -> Vec<String> {
    let prereqs = |id: &str| -> Vec<String> {
        spec.courses
            .iter()
            .find(|c| c.id.as_str() == id)
            .map(|c| c.prerequisites.iter().map(ToString::to_string).collect())
            .unwrap_or_default()
    };
    let mut reach = BTreeSet::from([course.to_owned()]);
    let mut stack = vec![course.to_owned()];
    while let Some(c) = stack.pop() {
        for p in prereqs(&c) {
            if reach.insert(p.clone()) {
                stack.push(p);
            }
        }
    }
    let mut order: Vec<String> = Vec::new();
    while order.len() < reach.len() {
        let next = reach
            .iter()
            .find(|c| !order.contains(c) && prereqs(c).iter().all(|p| order.contains(p)))
            .expect("acyclic")
            .clone();
        order.push(next);
    }
    order
}

// ---------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------

/// The properties, one function each, run by the `proptest!` block below.
mod law {
    use super::*;

    /// (a) The same input gives byte-identical outputs, including from separately built
    /// frameworks (whose internal hash maps are seeded differently).
    pub(super) fn same_input_same_bytes(case: &Case) -> Result<(), TestCaseError> {
        let first = order_free_outputs(&case.spec, &case.officers, case);
        let second = order_free_outputs(&case.spec, &case.officers, case);
        prop_assert_eq!(first, second);
        prop_assert_eq!(officer_rankings(case), officer_rankings(case));
        let fw = case.framework();
        let cohort = case.cohort(&fw);
        let one = json(
            &fw.training_needs(&cohort, &NeedsOptions::default())
                .unwrap(),
        );
        let two = json(
            &fw.training_needs(&cohort, &NeedsOptions::default().threads(2))
                .unwrap(),
        );
        prop_assert_eq!(one, two);
        Ok(())
    }

    /// (b) Shuffling every list of the spec, every passbook and the officers changes
    /// nothing but the order of officer-ranking ties.
    pub(super) fn input_order_does_not_matter(case: &Case) -> Result<(), TestCaseError> {
        let mut rng = Rng(case.seed);
        let spec = shuffled_spec(&case.spec, &mut rng);
        let mut officers = case.officers.clone();
        rng.shuffle(&mut officers);
        for o in &mut officers {
            rng.shuffle(&mut o.passbook);
        }
        prop_assert_eq!(
            order_free_outputs(&case.spec, &case.officers, case),
            order_free_outputs(&spec, &officers, case)
        );
        Ok(())
    }

    /// (b2) Career paths and successors do not depend on the order of the input lists
    /// either (successor ties aside, which follow input order).
    pub(super) fn career_order_does_not_matter(case: &Case) -> Result<(), TestCaseError> {
        let mut rng = Rng(case.seed ^ 0x5eed);
        let spec = shuffled_spec(&case.spec, &mut rng);
        let mut officers = case.officers.clone();
        rng.shuffle(&mut officers);
        for o in &mut officers {
            rng.shuffle(&mut o.passbook);
        }
        prop_assert_eq!(
            career_outputs(&case.spec, &case.officers, case),
            career_outputs(&spec, &officers, case)
        );
        Ok(())
    }

    /// (b3) The order of the keys in the framework's and the officers' JSON documents changes
    /// nothing: the documents parse to the same specs, and every output (including career
    /// paths, successors and a before/after comparison, with 1 and 2 threads) is
    /// byte-identical.
    pub(super) fn json_key_order_does_not_matter(case: &Case) -> Result<(), TestCaseError> {
        let doc = OfficersSpec {
            format_version: FORMAT_VERSION,
            officers: case.officers.clone(),
        };
        let spec = FrameworkSpec::from_json(&keys_reversed(&case.spec.to_json())).unwrap();
        let officers = OfficersSpec::from_json(&keys_reversed(&doc.to_json()))
            .unwrap()
            .officers;
        prop_assert_eq!(&spec, &case.spec);
        prop_assert_eq!(&officers, &case.officers);
        let sorted = serde_json::to_string(&serde_json::to_value(&case.spec).unwrap()).unwrap();
        prop_assert_eq!(&FrameworkSpec::from_json(&sorted).unwrap(), &case.spec);
        let compared = |spec: &FrameworkSpec, officers: &[OfficerSpec], threads: usize| {
            let fw = Framework::new(spec.clone()).expect("valid");
            let before = Cohort::new(&fw, officers, &case.policy).expect("valid");
            // The after snapshot: every officer's last evidence gone.
            let later: Vec<OfficerSpec> = officers
                .iter()
                .map(|o| {
                    let mut o = o.clone();
                    o.passbook.pop();
                    o
                })
                .collect();
            let after = Cohort::new(&fw, &later, &case.policy).expect("valid");
            let options = CompareOptions::default()
                .weights(case.weights)
                .threads(threads);
            json(&fw.compare(&before, &after, &options).unwrap())
        };
        prop_assert_eq!(
            order_free_outputs(&case.spec, &case.officers, case),
            order_free_outputs(&spec, &officers, case)
        );
        prop_assert_eq!(
            career_outputs(&case.spec, &case.officers, case),
            career_outputs(&spec, &officers, case)
        );
        let first = compared(&case.spec, &case.officers, 1);
        prop_assert_eq!(&first, &compared(&spec, &officers, 1));
        prop_assert_eq!(&first, &compared(&spec, &officers, 2));
        Ok(())
    }

    /// (e) Training needs equal the counts over one gap report per officer, with 1 and 2
    /// threads, overall, per department and through `training_needs_by_department`.
    pub(super) fn training_needs_match_gap_reports(case: &Case) -> Result<(), TestCaseError> {
        let fw = case.framework();
        let profiles = case.profiles(&fw);
        let cohort = case.cohort(&fw);
        for threads in [1, 2] {
            let options = NeedsOptions::default().threads(threads);
            prop_assert_eq!(
                fw.training_needs(&cohort, &options).unwrap(),
                needs_from_reports(&fw, &profiles, None)
            );
            for dept in DEPARTMENTS.into_iter().chain(["nowhere"]) {
                let known = known_department(&fw, Some(&cohort), Some(dept));
                let needs = fw.training_needs(&cohort, &options.clone().department(dept));
                if let Some(needs) = unless_unknown(needs, known) {
                    prop_assert_eq!(needs, needs_from_reports(&fw, &profiles, Some(dept)));
                }
            }
            let present: BTreeSet<&str> = case
                .officers
                .iter()
                .map(|o| o.department.as_str())
                .collect();
            let by_department: Vec<_> = present
                .into_iter()
                .map(|d| {
                    (
                        karmayogi::DepartmentId::from(d),
                        needs_from_reports(&fw, &profiles, Some(d)),
                    )
                })
                .collect();
            prop_assert_eq!(
                fw.training_needs_by_department(&cohort, &options)
                    .unwrap()
                    .to_vec(),
                by_department
            );
        }
        Ok(())
    }

    /// Sorts `fits` by [`rank_order`] (stable: equal keys keep their order) and keeps the
    /// first `k`.
    fn ranked(fits: &mut Vec<Fit>, k: usize) {
        fits.sort_by(|a, b| {
            rank_order(
                (a.readiness, a.shortfall_levels),
                (b.readiness, b.shortfall_levels),
            )
        });
        fits.truncate(k);
    }

    /// (e) Rankings equal sorting every per-officer or per-position gap report by
    /// readiness (highest first), then shortfall (smallest first), then input order (for
    /// officers) or position id (for positions), and taking `k`; readiness bit for bit.
    pub(super) fn rankings_match_sorted_gap_reports(case: &Case) -> Result<(), TestCaseError> {
        let fw = case.framework();
        let profiles = case.profiles(&fw);
        let cohort = case.cohort(&fw);
        let options = case.gap_options();
        for (rank, k, exclude, dept) in rank_variants(case, profiles.len()) {
            for p in fw.positions() {
                let mut fits: Vec<Fit> = profiles
                    .iter()
                    .filter(|o| !(exclude && o.position(&fw).unwrap() == &p.id))
                    .filter(|o| dept.is_none_or(|d| o.department().as_str() == d))
                    .map(|o| fit_of(&fw.gap_for(o, p.id.as_str(), &options).unwrap()))
                    .collect();
                ranked(&mut fits, k);
                let known = known_department(&fw, Some(&cohort), dept);
                if let Some(found) = unless_unknown(
                    fw.officers_for(&cohort, p.id.as_str(), &rank)
                        .map_err(crate::support::the_only),
                    known,
                ) {
                    same_fits(&found, &fits)?;
                }
            }
        }
        for (rank, k, exclude, dept) in rank_variants(case, fw.positions().len()) {
            for o in &profiles {
                let current = o.position(&fw).unwrap();
                // `positions()` is in id order and the sort is stable: ties go by id.
                let mut fits: Vec<Fit> = fw
                    .positions()
                    .iter()
                    .filter(|p| !(exclude && &p.id == current))
                    .filter(|p| dept.is_none_or(|d| p.department.as_str() == d))
                    .map(|p| fit_of(&fw.gap_for(o, p.id.as_str(), &options).unwrap()))
                    .collect();
                ranked(&mut fits, k);
                let known = known_department(&fw, None, dept);
                if let Some(found) = unless_unknown(fw.positions_for(o, &rank), known) {
                    same_fits(&found, &fits)?;
                }
            }
        }
        Ok(())
    }

    /// (c) A spec survives JSON both ways; a framework's own spec rebuilds the same
    /// framework; officers survive JSON.
    pub(super) fn serde_round_trips(case: &Case) -> Result<(), TestCaseError> {
        let text = case.spec.to_json();
        prop_assert_eq!(&FrameworkSpec::from_json(&text).unwrap(), &case.spec);
        let compact = serde_json::to_string(&case.spec).unwrap();
        prop_assert_eq!(
            &serde_json::from_str::<FrameworkSpec>(&compact).unwrap(),
            &case.spec
        );
        for o in &case.officers {
            prop_assert_eq!(&serde_json::from_str::<OfficerSpec>(&json(o)).unwrap(), o);
        }
        let doc = OfficersSpec {
            format_version: FORMAT_VERSION,
            officers: case.officers.clone(),
        };
        prop_assert_eq!(OfficersSpec::from_json(&doc.to_json()).unwrap(), doc);

        let fw = case.framework();
        let again = Framework::new(fw.to_spec()).unwrap();
        prop_assert_eq!(again.to_spec(), fw.to_spec());
        for p in fw.positions() {
            prop_assert_eq!(
                fw.requirements(p.id.as_str()).unwrap(),
                again.requirements(p.id.as_str()).unwrap()
            );
        }
        let from_text = Framework::from_json(&text).unwrap();
        prop_assert_eq!(from_text.to_spec(), fw.to_spec());
        Ok(())
    }

    /// (c) Any valid course hours survive JSON exactly, as the spec's round trip promises.
    pub(super) fn arbitrary_hours_survive_json(hours: &[f64]) -> Result<(), TestCaseError> {
        let mut spec = FrameworkSpec::new();
        spec.courses = hours
            .iter()
            .enumerate()
            .map(|(i, &hours)| {
                course_spec(
                    COURSES[i],
                    format!("Course {i}"),
                    hours,
                    Mode::Formal,
                    Vec::new(),
                    Vec::new(),
                )
            })
            .collect();
        let back = FrameworkSpec::from_json(&spec.to_json()).unwrap();
        let bits = |s: &FrameworkSpec| {
            s.courses
                .iter()
                .map(|c| c.hours.to_bits())
                .collect::<Vec<_>>()
        };
        prop_assert_eq!(bits(&back), bits(&spec));
        Ok(())
    }

    /// (d) Raising one held level never adds a gap, never increases a shortfall and never
    /// lowers readiness, against any position; in a cohort, no competency's shortfall grows.
    pub(super) fn raising_a_held_level_never_hurts(
        case: &Case,
        pick: (usize, usize, u8),
    ) -> Result<(), TestCaseError> {
        let fw = case.framework();
        let (who, which, extra) = pick;
        let who = who % case.officers.len();
        let competency = &fw.competencies()[which % fw.competencies().len()];
        let max = fw.max_level(competency.id.as_str()).unwrap().get();
        let before = Profile::new(&fw, &case.officers[who], &case.policy).unwrap();
        let current = before.level(&fw, competency.id.as_str()).unwrap().get();
        let raised = if current < max {
            current + 1 + extra % (max - current)
        } else {
            max
        };
        let mut officers = case.officers.clone();
        officers[who].passbook.push(Evidence {
            competency: competency.id.clone(),
            level: raised,
            level_name: None,
            source: EvidenceSource::Assessment,
            date: LATEST.into(),
            verified: true,
            course: None,
        });
        let after = Profile::new(&fw, &officers[who], &case.policy).unwrap();
        prop_assert_eq!(
            after.level(&fw, competency.id.as_str()).unwrap().get(),
            raised
        );

        let options = case.gap_options();
        for p in fw.positions() {
            let old = fw.gap_for(&before, p.id.as_str(), &options).unwrap();
            let new = fw.gap_for(&after, p.id.as_str(), &options).unwrap();
            for g in &new.gaps {
                let was = old.gaps.iter().find(|o| o.competency == g.competency);
                prop_assert!(was.is_some(), "new gap in {}", g.competency);
                prop_assert!(g.shortfall <= was.unwrap().shortfall);
            }
            prop_assert!(
                new.readiness >= old.readiness,
                "{} < {}",
                new.readiness,
                old.readiness
            );
            prop_assert!(new.shortfall_levels <= old.shortfall_levels);
            prop_assert!(new.met >= old.met);
        }

        let old = fw
            .training_needs(&case.cohort(&fw), &NeedsOptions::default())
            .unwrap();
        let cohort = Cohort::new(&fw, &officers, &case.policy).unwrap();
        let new = fw
            .training_needs(&cohort, &NeedsOptions::default())
            .unwrap();
        prop_assert_eq!(old.rows.len(), new.rows.len());
        for row in &new.rows {
            let was = old
                .rows
                .iter()
                .find(|r| r.competency == row.competency)
                .unwrap();
            prop_assert!(row.total_shortfall <= was.total_shortfall);
            prop_assert!(row.officers_short <= was.officers_short);
            prop_assert_eq!(row.officers_required, was.officers_required);
        }
        Ok(())
    }

    /// (d) Adding a requirement for competency `c` at level `L` to a role. For a position
    /// carrying the role, let `R` be its old required level of `c` (0 if none), `h` the
    /// officer's level and `w` the weight of `c`'s type. Then:
    /// - if `L ≤ R`, nothing changes but provenance;
    /// - otherwise no gap disappears, no shortfall shrinks, at most one gap appears, and the
    ///   new readiness lies between the old one and `(min(h, L) − min(h, R)) / (L − R)`,
    ///   the share of the added levels the officer holds (the mediant of the two);
    /// - in particular, when the officer holds none of the added levels (`h ≤ R`),
    ///   readiness never rises; when they hold all of them (`h ≥ L`), it never falls.
    ///
    /// Positions without the role do not change.
    pub(super) fn adding_a_requirement_follows_the_mediant_law(
        case: &Case,
        pick: (usize, usize, u8),
    ) -> Result<(), TestCaseError> {
        let fw = case.framework();
        let (role_pick, comp_pick, level_pick) = pick;
        let role = fw.roles()[role_pick % fw.roles().len()].id.clone();
        let competency = fw.competencies()[comp_pick % fw.competencies().len()].clone();
        let level = fit_level(level_pick, scale_of(&competency));
        let mut spec = case.spec.clone();
        spec.activities.push(ActivitySpec {
            id: "zz-added".into(),
            name: "Added".into(),
            requires: vec![RequirementSpec::new(competency.id.clone(), level)],
        });
        spec.roles
            .iter_mut()
            .find(|r| r.id == role)
            .unwrap()
            .activities
            .push("zz-added".into());
        let grown = Framework::new(spec).unwrap();
        let w = case.weights.get(competency.kind);
        let options = case.gap_options();
        for (officer, before) in case.officers.iter().zip(case.profiles(&fw)) {
            let after = Profile::new(&grown, officer, &case.policy).unwrap();
            let h = before.level(&fw, competency.id.as_str()).unwrap().get();
            for p in fw.positions() {
                let old = fw.gap_for(&before, p.id.as_str(), &options).unwrap();
                let new = grown.gap_for(&after, p.id.as_str(), &options).unwrap();
                let r = fw
                    .requirements(p.id.as_str())
                    .unwrap()
                    .iter()
                    .find(|q| q.competency == &competency.id)
                    .map_or(0, |q| q.level.get());
                if !p.roles.contains(&role) || level <= r {
                    prop_assert_eq!(gap_lines(&new), gap_lines(&old));
                    prop_assert_eq!(new.readiness.to_bits(), old.readiness.to_bits());
                    prop_assert_eq!(new.shortfall_levels, old.shortfall_levels);
                    continue;
                }
                let (old_lines, new_lines) = (gap_lines(&old), gap_lines(&new));
                for (c, _, _, short) in &old_lines {
                    let now = new_lines.iter().find(|l| &l.0 == c);
                    prop_assert!(
                        now.is_some_and(|l| l.3 >= *short),
                        "gap {} shrank or vanished",
                        c
                    );
                }
                prop_assert!(new_lines.len() <= old_lines.len() + 1);
                let held_share = f64::from(h.min(level) - h.min(r)) / f64::from(level - r);
                if w > 0.0 {
                    let (lo, hi) = if held_share < old.readiness {
                        (held_share, old.readiness)
                    } else {
                        (old.readiness, held_share)
                    };
                    prop_assert!(
                        new.readiness >= lo - 1e-12 && new.readiness <= hi + 1e-12,
                        "readiness {} not between {} and {}",
                        new.readiness,
                        lo,
                        hi
                    );
                }
                if w == 0.0 {
                    prop_assert_eq!(new.readiness.to_bits(), old.readiness.to_bits());
                }
                if h <= r {
                    prop_assert!(
                        new.readiness <= old.readiness,
                        "{} > {}",
                        new.readiness,
                        old.readiness
                    );
                }
                if h >= level {
                    prop_assert!(
                        new.readiness >= old.readiness - 1e-12,
                        "{} < {}",
                        new.readiness,
                        old.readiness
                    );
                }
            }
        }
        Ok(())
    }

    /// (e) Requirements equal a direct walk of the spec: for each competency the highest
    /// level over verified role → activity paths and verified direct role requirements,
    /// with every such path as provenance, in order (the walk sorts its paths). Every place
    /// that shows provenance gives the same paths: gap reports (met requirements included),
    /// plans' closed gaps, and their serialized form, which is the list of paths.
    pub(super) fn requirements_match_a_walk_of_the_spec(case: &Case) -> Result<(), TestCaseError> {
        let fw = case.framework();
        let profiles = case.profiles(&fw);
        for p in &case.spec.positions {
            let want = walk_requirements(&case.spec, p);
            let got: BTreeMap<String, (u8, Vec<Provenance>)> = fw
                .requirements(p.id.as_str())
                .unwrap()
                .iter()
                .map(|r| {
                    (
                        r.competency.to_string(),
                        (r.level.get(), r.provenance.to_vec()),
                    )
                })
                .collect();
            prop_assert_eq!(&got, &want);
            for r in fw.requirements(p.id.as_str()).unwrap() {
                let paths = r.provenance.to_vec();
                prop_assert_eq!(r.provenance.len(), paths.len());
                prop_assert!(!r.provenance.is_empty());
                prop_assert_eq!(
                    serde_json::to_value(r.provenance).unwrap(),
                    serde_json::to_value(&paths).unwrap()
                );
            }
            let options = GapOptions::default().include_met(true);
            for profile in &profiles {
                let report = fw.gap_for(profile, p.id.as_str(), &options).unwrap();
                prop_assert_eq!(report.gaps.len(), want.len());
                for g in &report.gaps {
                    prop_assert_eq!(&g.provenance.to_vec(), &want[g.competency.as_str()].1);
                }
                let plan = fw
                    .recommend(
                        profile,
                        p.id.as_str(),
                        &karmayogi::RecommendOptions::default(),
                    )
                    .unwrap();
                for closed in plan.steps.iter().flat_map(|s| &s.closes) {
                    prop_assert_eq!(
                        &closed.provenance.to_vec(),
                        &want[closed.competency.as_str()].1
                    );
                }
            }
            let reqs = fw.requirements(p.id.as_str()).unwrap();
            for r in &reqs {
                prop_assert_eq!(
                    Some(r.kind),
                    fw.competency(r.competency.as_str()).map(|c| c.kind)
                );
            }
            let ids: Vec<&str> = reqs.iter().map(|r| r.competency.as_str()).collect();
            prop_assert!(
                ids.windows(2).all(|w| w[0] < w[1]),
                "not sorted by id: {:?}",
                ids
            );
        }
        Ok(())
    }

    /// (f) The documented laws of every training-needs row and of the row order.
    pub(super) fn training_needs_rows_obey_their_laws(case: &Case) -> Result<(), TestCaseError> {
        let fw = case.framework();
        let cohort = case.cohort(&fw);
        for dept in [None, Some(DEPARTMENTS[0]), Some(DEPARTMENTS[1])] {
            let mut options = NeedsOptions::default();
            if let Some(d) = dept {
                options = options.department(d);
            }
            let known = known_department(&fw, Some(&cohort), dept);
            let Some(needs) = unless_unknown(fw.training_needs(&cohort, &options), known) else {
                continue;
            };
            let counted = case
                .officers
                .iter()
                .filter(|o| dept.is_none_or(|d| o.department.as_str() == d));
            prop_assert_eq!(needs.officers, counted.count() as u64);
            let mut pairs = 0;
            for row in &needs.rows {
                let h = row.histogram;
                prop_assert!(row.officers_required > 0);
                prop_assert_eq!(row.officers_required, h.iter().sum::<u64>());
                prop_assert_eq!(row.officers_short, h[1..].iter().sum::<u64>());
                prop_assert_eq!(
                    row.total_shortfall,
                    (1..6).map(|s| s as u64 * h[s]).sum::<u64>()
                );
                let mean = if row.officers_short == 0 {
                    0.0
                } else {
                    row.total_shortfall as f64 / row.officers_short as f64
                };
                prop_assert_eq!(row.mean_shortfall.to_bits(), mean.to_bits());
                let max = fw.max_level(row.competency.as_str()).unwrap().get();
                prop_assert!(
                    h[usize::from(max) + 1..].iter().all(|&n| n == 0),
                    "shortfall beyond the scale"
                );
                pairs += row.officers_required;
            }
            prop_assert_eq!(needs.pairs, pairs);
            for w in needs.rows.windows(2) {
                let key = |r: &NeedRow<'_>| {
                    (
                        std::cmp::Reverse(r.total_shortfall),
                        std::cmp::Reverse(r.officers_short),
                        r.competency.clone(),
                    )
                };
                prop_assert!(key(&w[0]) < key(&w[1]), "rows out of order");
            }
        }
        Ok(())
    }

    /// (g) Readiness lies in [0, 1]; with every weight above 0 it is 1 exactly when there
    /// is no gap. The report's counts agree with its lines and with the requirements, and
    /// readiness agrees with its formula.
    pub(super) fn readiness_and_report_laws(case: &Case) -> Result<(), TestCaseError> {
        let fw = case.framework();
        let options = case.gap_options();
        for profile in case.profiles(&fw) {
            for p in fw.positions() {
                let report = fw.gap_for(&profile, p.id.as_str(), &options).unwrap();
                let reqs = fw.requirements(p.id.as_str()).unwrap();
                prop_assert!(
                    (0.0..=1.0).contains(&report.readiness),
                    "readiness {}",
                    report.readiness
                );
                if case.all_weights_positive() {
                    prop_assert_eq!(
                        report.readiness.to_bits() == 1f64.to_bits(),
                        report.gaps.is_empty()
                    );
                }
                prop_assert_eq!(report.requirements, reqs.len());
                prop_assert_eq!(report.met + report.gaps.len(), reqs.len());
                prop_assert_eq!(
                    report.required_levels,
                    reqs.iter().map(|r| u32::from(r.level.get())).sum::<u32>()
                );
                prop_assert_eq!(
                    report.shortfall_levels,
                    report
                        .gaps
                        .iter()
                        .map(|g| u32::from(g.shortfall))
                        .sum::<u32>()
                );
                let (mut num, mut den) = (0.0, 0.0);
                for r in &reqs {
                    let w = case.weights.get(r.kind);
                    let h = profile.level(&fw, r.competency.as_str()).unwrap();
                    num += w * f64::from(h.min(r.level).get());
                    den += w * f64::from(r.level.get());
                    let line = report.gaps.iter().find(|g| g.competency == r.competency);
                    prop_assert_eq!(line.is_some(), h < r.level);
                    if let Some(g) = line {
                        prop_assert_eq!(
                            (g.required, g.current, g.shortfall),
                            (r.level, h, r.level.get() - h.get())
                        );
                    }
                }
                let formula = if den > 0.0 { num / den } else { 1.0 };
                prop_assert!(
                    (report.readiness - formula).abs() < 1e-12,
                    "{} vs {}",
                    report.readiness,
                    formula
                );
                let keys: Vec<(std::cmp::Reverse<u8>, &str)> = report
                    .gaps
                    .iter()
                    .map(|g| (std::cmp::Reverse(g.shortfall), g.competency.as_str()))
                    .collect();
                prop_assert!(
                    keys.windows(2).all(|w| w[0] < w[1]),
                    "gaps out of order: {:?}",
                    keys
                );
                let with_met = fw
                    .gap_for(&profile, p.id.as_str(), &options.clone().include_met(true))
                    .unwrap();
                prop_assert_eq!(with_met.gaps.len(), reqs.len());
                prop_assert_eq!(&with_met.gaps[..report.gaps.len()], &report.gaps[..]);
                prop_assert!(
                    with_met.gaps[report.gaps.len()..]
                        .iter()
                        .all(|g| g.shortfall == 0)
                );
            }
        }
        Ok(())
    }

    /// (h) A prerequisite closure starts nowhere but at its course's prerequisites: it holds
    /// exactly the course and everything it needs, each course after its prerequisites,
    /// ties broken by id.
    pub(super) fn prerequisite_closures_are_closed_and_ordered(
        case: &Case,
    ) -> Result<(), TestCaseError> {
        let fw = case.framework();
        for c in fw.courses() {
            let closure: Vec<String> = fw
                .prerequisite_closure(c.id.as_str())
                .unwrap()
                .iter()
                .map(ToString::to_string)
                .collect();
            prop_assert!(closure.contains(&c.id.to_string()));
            for (i, member) in closure.iter().enumerate() {
                for p in &fw.course(member).unwrap().prerequisites {
                    let at = closure.iter().position(|x| x == p.as_str());
                    prop_assert!(at.is_some_and(|j| j < i), "{} is not before {}", p, member);
                }
            }
            prop_assert_eq!(&closure, &walk_closure(&case.spec, c.id.as_str()));
        }
        Ok(())
    }
}

/// One property per law of [`law`] that takes a generated case alone, each over 256 cases.
macro_rules! laws_of_a_case {
    ($($law:ident),* $(,)?) => {
        proptest! {
            #![proptest_config(ProptestConfig::with_cases(crate::support::oracle_cases(256)))]
            $(
                #[test]
                fn $law(case in case()) {
                    law::$law(&case)?;
                }
            )*
        }
    };
}

laws_of_a_case!(
    same_input_same_bytes,
    input_order_does_not_matter,
    training_needs_match_gap_reports,
    rankings_match_sorted_gap_reports,
    serde_round_trips,
    requirements_match_a_walk_of_the_spec,
    training_needs_rows_obey_their_laws,
    readiness_and_report_laws,
    prerequisite_closures_are_closed_and_ordered,
);

proptest! {
    // Each case plans every officer for every post several times over: 64 cases keep the
    // two laws near a second in debug mode.
    #![proptest_config(ProptestConfig::with_cases(crate::support::oracle_cases(64)))]

    #[test]
    fn career_order_does_not_matter(case in case()) {
        law::career_order_does_not_matter(&case)?;
    }

    #[test]
    fn json_key_order_does_not_matter(case in case()) {
        law::json_key_order_does_not_matter(&case)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::support::oracle_cases(256)))]

    #[test]
    fn arbitrary_hours_survive_json(hours in vec(any_hours(), 1..=5)) {
        law::arbitrary_hours_survive_json(&hours)?;
    }

    #[test]
    fn raising_a_held_level_never_hurts(case in case(), pick in raise_pick()) {
        law::raising_a_held_level_never_hurts(&case, pick)?;
    }

    #[test]
    fn adding_a_requirement_follows_the_mediant_law(case in case(), pick in added_requirement()) {
        law::adding_a_requirement_follows_the_mediant_law(&case, pick)?;
    }
}
