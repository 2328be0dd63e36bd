//! Monitoring and evaluation: a named before/after scenario on the head post office
//! framework (asserting the whole evaluation and its report), and property tests over small
//! generated frameworks and snapshot pairs checked against an oracle built from per-officer
//! gap reports.
//!
//! Generated cases: 1–5 competencies (ids not in sorted order, random types, some on a
//! 3-level scale), 1–3 roles requiring them directly or through an activity, 1–3 positions,
//! 0–4 courses building 1–3 competencies (some untagged); up to 8 officers, each in both
//! snapshots, only the first, or only the second, sometimes moved to another position or
//! department in the second, whose second passbook drops some entries of the first and adds
//! new ones (course completions among them); each snapshot has its own random level policy,
//! so evidence lapses. Each property runs 256 cases; the whole file takes under 1 s in debug
//! mode on two cores.

// Readiness and rates are compared bit for bit with values computed the same way.
#![allow(clippy::float_cmp)]

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

use karmayogi::{
    ActivitySpec, Cohort, CompareOptions, Error, Evaluation, Evidence, EvidenceSource, Framework,
    FrameworkSpec, GapOptions, LevelPolicy, Mode, OfficerSpec, Profile, Progress, RoleSpec,
    Weights,
};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use serde_json::{Value, json};

use crate::support::{
    self, RawEvidence, assessed, course_spec, evidence, framework_spec, generated_competencies,
    generated_evidence, officer, outcomes, position, requirements,
};

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

#[track_caller]
fn assert_json(actual: &Value, expected: &Value) {
    assert!(
        actual == expected,
        "actual:\n{}\nexpected:\n{}",
        serde_json::to_string_pretty(actual).unwrap(),
        serde_json::to_string_pretty(expected).unwrap()
    );
}

fn value<T: serde::Serialize>(x: &T) -> Value {
    serde_json::to_value(x).expect("outputs serialize")
}

/// An expected evaluation with the names a result carries, looked up by id in the
/// framework: of each competency, position, course and outcome, and both posts of a move.
fn named(fw: &Framework, mut expected: Value) -> Value {
    let name = |kind: &str, id: &Value| -> Value {
        let id = id.as_str().expect("ids are strings");
        let found = match kind {
            "competency" => fw.competency(id).map(|c| c.name.clone()),
            "position" => fw.position(id).map(|p| p.name.clone()),
            _ => fw.course(id).map(|c| c.name.clone()),
        };
        Value::String(found.expect("a known id"))
    };
    let add = |object: &mut Value, key: &str, kind: &str, field: &str| {
        let value = name(kind, &object[key]);
        object
            .as_object_mut()
            .expect("an object")
            .insert(field.to_owned(), value);
    };
    for row in expected["competencies"].as_array_mut().expect("a list") {
        add(row, "competency", "competency", "name");
    }
    for row in expected["positions"].as_array_mut().expect("a list") {
        add(row, "position", "position", "name");
    }
    for course in expected["courses"].as_array_mut().expect("a list") {
        add(course, "course", "course", "name");
        for outcome in course["outcomes"].as_array_mut().expect("a list") {
            add(outcome, "competency", "competency", "name");
        }
    }
    for m in expected["moved"].as_array_mut().expect("a list") {
        add(m, "from", "position", "from_name");
        add(m, "to", "position", "to_name");
    }
    expected
}

#[track_caller]
fn compare<'f>(
    fw: &'f Framework,
    before: &Cohort,
    after: &Cohort,
    weights: Weights,
) -> Evaluation<'f> {
    fw.compare(before, after, &CompareOptions::default().weights(weights))
        .expect("same framework")
}

// ---------------------------------------------------------------------------------------
// Scenario: a training cycle in two head post office divisions
// ---------------------------------------------------------------------------------------

fn feedback(competency: &str, level: u8) -> Evidence {
    evidence(
        competency,
        level,
        EvidenceSource::Feedback360,
        "2024-03-31",
        None,
    )
}

fn completed(course: &str, competency: &str, level: u8, date: &str) -> Evidence {
    evidence(
        competency,
        level,
        EvidenceSource::CourseCompletion,
        date,
        Some(course),
    )
}

/// The first snapshot's passbooks of asha, bala, chitra and dev.
fn first_passbooks() -> [Vec<Evidence>; 4] {
    let asha = vec![
        assessed("noting-drafting", 3, "2024-03-01"),
        assessed("digital-literacy", 2, "2024-03-01"),
        assessed("rti", 3, "2024-03-01"),
        assessed("procurement", 2, "2024-03-01"),
        feedback("integrity", 3),
        feedback("teamwork", 2),
        feedback("people-management", 1),
        feedback("decision-making", 2),
    ];
    let bala = vec![
        assessed("noting-drafting", 2, "2024-02-02"),
        assessed("digital-literacy", 2, "2024-02-02"),
        assessed("rti", 3, "2022-03-01"),
        assessed("procurement", 3, "2024-02-02"),
        feedback("integrity", 3),
        feedback("teamwork", 2),
        feedback("people-management", 3),
        feedback("decision-making", 2),
    ];
    let chitra = vec![
        assessed("postal-operations", 3, "2024-05-30"),
        feedback("citizen-centricity", 3),
        feedback("people-management", 2),
        assessed("mail-logistics", 3, "2024-05-30"),
        assessed("digital-literacy", 3, "2024-05-30"),
        completed("accounts-basics", "financial-accounting", 2, "2023-12-01"),
        feedback("integrity", 3),
        feedback("empathy", 3),
        completed("cpgrams", "grievance-redressal", 3, "2024-09-09"),
        feedback("teamwork", 2),
    ];
    let dev = vec![
        assessed("postal-operations", 2, "2024-06-01"),
        feedback("citizen-centricity", 2),
        feedback("empathy", 3),
        assessed("mail-logistics", 2, "2024-06-01"),
        assessed("digital-literacy", 2, "2024-06-01"),
        assessed("financial-accounting", 1, "2024-06-01"),
        feedback("integrity", 3),
        feedback("teamwork", 3),
        feedback("people-management", 2),
        assessed("grievance-redressal", 2, "2024-06-01"),
    ];
    [asha, bala, chitra, dev]
}

/// `aso-division` requires (behavioural) decision-making 2, integrity 3, teamwork 2 and
/// (functional) digital-literacy 2, noting-drafting 3, people-management 3, procurement 3,
/// rti 3: 21 levels. `supervisor-counters` requires (behavioural) citizen-centricity 3,
/// empathy 3, integrity 3, teamwork 2, (functional) digital-literacy 3,
/// financial-accounting 3, grievance-redressal 3, people-management 2 and (domain)
/// india-post-payments 2, mail-logistics 3, postal-operations 3: 30 levels.
///
/// The second snapshot counts only evidence from 2023 on. Between the snapshots:
/// - asha (aso, north) completes gem-procurement (procurement 2 → 3) and
///   leading-teams-circle, which claims teamwork, people-management and decision-making
///   at 3 but shows only people-management 1 → 3: both her gaps close;
/// - bala (aso, south) completes eoffice-noting (noting 2 → 3, closed; digital-literacy
///   already at the claimed 2), while his 2022 rti assessment lapses: a gap opens;
/// - chitra (counters, south) completes ippb-products (india-post-payments 0 → 2, closed)
///   and digital-governance (untagged digital-literacy, already 3), and moves to aso;
/// - dev (counters, south) completes counter-shadowing (postal 2 → 3 closed, citizen stays
///   2 of a claimed 3, people-management already 2), digital-governance (digital-literacy
///   2 → 3, closed) and ippb-products (only 0 → 1 of the claimed 2);
/// - esha leaves, farid joins.
///
/// Only chitra has a name, and only in the second snapshot.
fn scenario() -> (Vec<OfficerSpec>, Vec<OfficerSpec>) {
    let [asha, bala, chitra, dev] = first_passbooks();
    let with = |old: &[Evidence], new: &[Evidence]| [old, new].concat();
    let before = vec![
        officer("dev", "posts-south", "supervisor-counters", dev.clone()),
        officer("esha", "posts-north", "aso-division", vec![]),
        officer("bala", "posts-south", "aso-division", bala.clone()),
        officer("asha", "posts-north", "aso-division", asha.clone()),
        officer(
            "chitra",
            "posts-south",
            "supervisor-counters",
            chitra.clone(),
        ),
    ];
    let after = vec![
        officer("farid", "posts-south", "supervisor-counters", vec![]),
        officer(
            "chitra",
            "posts-south",
            "aso-division",
            with(
                &chitra,
                &[
                    completed("ippb-products", "india-post-payments", 2, "2025-02-10"),
                    completed("digital-governance", "digital-literacy", 3, "2025-02-12"),
                ],
            ),
        ),
        officer(
            "asha",
            "posts-north",
            "aso-division",
            with(
                &asha,
                &[
                    completed("gem-procurement", "procurement", 3, "2025-05-10"),
                    completed("leading-teams-circle", "people-management", 3, "2025-06-01"),
                ],
            ),
        ),
        officer(
            "dev",
            "posts-south",
            "supervisor-counters",
            with(
                &dev,
                &[
                    completed("counter-shadowing", "postal-operations", 3, "2025-03-01"),
                    completed("counter-shadowing", "citizen-centricity", 2, "2025-03-01"),
                    completed("digital-governance", "digital-literacy", 3, "2025-04-15"),
                    completed("ippb-products", "india-post-payments", 1, "2025-02-10"),
                ],
            ),
        ),
        officer(
            "bala",
            "posts-south",
            "aso-division",
            with(
                &bala,
                &[
                    completed("eoffice-noting", "noting-drafting", 3, "2025-04-01"),
                    completed("eoffice-noting", "digital-literacy", 2, "2025-04-01"),
                ],
            ),
        ),
    ];
    // Only the second snapshot names chitra: a move names the officer by the latest name.
    // Farid, only in the second snapshot, is listed by name; esha, unnamed, by id.
    let mut after = after;
    after[1].name = Some("Chitra Nair".to_owned());
    for o in &mut after {
        if o.id.as_str() == "farid" {
            o.name = Some("Farid Khan".to_owned());
        }
    }
    (before, after)
}

/// The mean of `values` as the crate defines group means: their exact sum rounded once to
/// `f64` (Shewchuk's exact partial sums, as Python's `math.fsum` computes them), divided by
/// their number.
fn exact_mean(values: &[f64]) -> f64 {
    // Non-overlapping partial sums whose exact total is the exact sum so far.
    let mut partials: Vec<f64> = Vec::new();
    for &value in values {
        let mut x = value;
        let mut kept = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[kept] = lo;
                kept += 1;
            }
            x = hi;
        }
        partials.truncate(kept);
        partials.push(x);
    }
    // Add the partials from the largest, stopping at the first inexact addition, then
    // round a half-way case as the lower partials say.
    let mut sum = 0.0;
    if let Some(mut n) = partials.len().checked_sub(1) {
        sum = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = sum;
            n -= 1;
            let y = partials[n];
            sum = x + y;
            lo = y - (sum - x);
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = sum + y;
            if y == x - sum {
                sum = x;
            }
        }
    }
    sum / values.len() as f64
}

#[test]
fn the_exact_mean_rounds_once() {
    // Added in turn, 0.1 ten times gives 0.9999999999999999; the exact sum rounds to 1.
    assert_eq!(exact_mean(&[0.1; 10]), 0.1);
    assert_eq!(exact_mean(&[1e16, 1.0, -1e16]), 1.0 / 3.0);
}

/// A progress record; readiness given as per-officer values.
fn progress(counts: [u64; 12], readiness_before: &[f64], readiness_after: &[f64]) -> Value {
    let (b, a) = (exact_mean(readiness_before), exact_mean(readiness_after));
    json!({
        "officers": counts[0], "requirements": counts[1],
        "gaps_before": counts[2], "gaps_after": counts[3],
        "closed": counts[4], "opened": counts[5],
        "shortfall_before": counts[6], "shortfall_after": counts[7],
        "levels_gained": counts[8], "levels_lost": counts[9],
        "without_gaps_before": counts[10], "without_gaps_after": counts[11],
        "readiness_before": b, "readiness_after": a, "readiness_gained": a - b,
    })
}

/// A competency row: required, short before/after, closed, opened, shortfall before/after,
/// levels gained/lost.
fn competency_row(id: &str, kind: &str, c: [u64; 9]) -> Value {
    json!({
        "competency": id, "kind": kind, "officers_required": c[0],
        "short_before": c[1], "short_after": c[2], "closed": c[3], "opened": c[4],
        "shortfall_before": c[5], "shortfall_after": c[6],
        "levels_gained": c[7], "levels_lost": c[8],
    })
}

/// A tagged outcome: claimed level, reached, not reached, reached before, summed gain over
/// `n` completers.
fn tagged(id: &str, claimed: u8, counts: [u64; 3], gained: i64, n: u64) -> Value {
    json!({
        "competency": id, "claimed": claimed,
        "reached": counts[0], "not_reached": counts[1], "reached_before": counts[2],
        "rate": counts[0] as f64 / n as f64, "mean_gained": gained as f64 / n as f64,
    })
}

fn untagged(id: &str, gained: i64, n: u64) -> Value {
    json!({
        "competency": id, "claimed": null, "reached": 0, "not_reached": 0,
        "reached_before": 0, "rate": null, "mean_gained": gained as f64 / n as f64,
    })
}

fn course(id: &str, completers: u64, rate: Option<f64>, outcomes: &[Value]) -> Value {
    json!({"course": id, "completers": completers, "rate": rate, "outcomes": outcomes})
}

/// The whole evaluation of [`scenario`], worked out by hand.
fn expected_evaluation() -> Value {
    // Readiness per officer, before and after: met levels over required levels.
    let (asha, bala) = ([18.0 / 21.0, 1.0], [20.0 / 21.0, 18.0 / 21.0]);
    let (chitra, dev) = ([27.0 / 30.0, 29.0 / 30.0], [21.0 / 30.0, 24.0 / 30.0]);
    json!({
        "overall": progress(
            [4, 38, 12, 7, 6, 1, 16, 10, 9, 3, 0, 1],
            &[asha[0], bala[0], chitra[0], dev[0]],
            &[asha[1], bala[1], chitra[1], dev[1]],
        ),
        "competencies": [
            competency_row("citizen-centricity", "behavioural", [2, 1, 1, 0, 0, 1, 1, 0, 0]),
            competency_row("decision-making", "behavioural", [2, 0, 0, 0, 0, 0, 0, 0, 0]),
            competency_row("digital-literacy", "functional", [4, 1, 0, 1, 0, 1, 0, 1, 0]),
            competency_row("empathy", "behavioural", [2, 0, 0, 0, 0, 0, 0, 0, 0]),
            competency_row("financial-accounting", "functional", [2, 2, 2, 0, 0, 3, 3, 0, 0]),
            competency_row("grievance-redressal", "functional", [2, 1, 1, 0, 0, 1, 1, 0, 0]),
            competency_row("india-post-payments", "domain", [2, 2, 1, 1, 0, 4, 1, 3, 0]),
            competency_row("integrity", "behavioural", [4, 0, 0, 0, 0, 0, 0, 0, 0]),
            competency_row("mail-logistics", "domain", [2, 1, 1, 0, 0, 1, 1, 0, 0]),
            competency_row("noting-drafting", "functional", [2, 1, 0, 1, 0, 1, 0, 1, 0]),
            competency_row("people-management", "functional", [4, 1, 0, 1, 0, 2, 0, 2, 0]),
            competency_row("postal-operations", "domain", [2, 1, 0, 1, 0, 1, 0, 1, 0]),
            competency_row("procurement", "functional", [2, 1, 0, 1, 0, 1, 0, 1, 0]),
            competency_row("rti", "functional", [2, 0, 1, 0, 1, 0, 3, 0, 3]),
            competency_row("teamwork", "behavioural", [4, 0, 0, 0, 0, 0, 0, 0, 0]),
        ],
        "positions": [
            {"position": "aso-division", "progress": progress(
                [2, 16, 3, 1, 3, 1, 4, 3, 4, 3, 0, 1],
                &[asha[0], bala[0]], &[asha[1], bala[1]])},
            {"position": "supervisor-counters", "progress": progress(
                [2, 22, 9, 6, 3, 0, 12, 7, 5, 0, 0, 0],
                &[chitra[0], dev[0]], &[chitra[1], dev[1]])},
        ],
        "departments": [
            {"department": "posts-north", "progress": progress(
                [1, 8, 2, 0, 2, 0, 3, 0, 3, 0, 0, 1], &[asha[0]], &[asha[1]])},
            {"department": "posts-south", "progress": progress(
                [3, 30, 10, 7, 4, 1, 13, 10, 6, 3, 0, 0],
                &[bala[0], chitra[0], dev[0]], &[bala[1], chitra[1], dev[1]])},
        ],
        "courses": [
            course("leading-teams-circle", 1, Some(1.0 / 3.0), &[
                tagged("decision-making", 3, [0, 1, 0], 0, 1),
                tagged("people-management", 3, [1, 0, 0], 2, 1),
                tagged("teamwork", 3, [0, 1, 0], 0, 1),
            ]),
            course("ippb-products", 2, Some(0.5), &[
                tagged("india-post-payments", 2, [1, 1, 0], 3, 2),
            ]),
            course("counter-shadowing", 1, Some(2.0 / 3.0), &[
                tagged("citizen-centricity", 3, [0, 1, 0], 0, 1),
                tagged("people-management", 2, [1, 0, 1], 0, 1),
                tagged("postal-operations", 3, [1, 0, 0], 1, 1),
            ]),
            course("eoffice-noting", 1, Some(1.0), &[
                tagged("digital-literacy", 2, [1, 0, 1], 0, 1),
                tagged("noting-drafting", 3, [1, 0, 0], 1, 1),
            ]),
            course("gem-procurement", 1, Some(1.0), &[
                tagged("procurement", 3, [1, 0, 0], 1, 1),
            ]),
            course("digital-governance", 2, None, &[untagged("digital-literacy", 1, 2)]),
        ],
        "moved": [{"officer": "chitra", "officer_name": "Chitra Nair",
                   "from": "supervisor-counters", "to": "aso-division"}],
        "only_before": [{"officer": "esha"}],
        "only_after": [{"officer": "farid", "officer_name": "Farid Khan"}],
    })
}

const EXPECTED_REPORT: &str = "\
Before and after: 4 officers in both snapshots (1 moved, 1 only before, 1 only after)
  gaps 12 -> 7 (6 closed, 1 opened), shortfall 16 -> 10 levels, readiness 85.2% -> 90.6% (+5.4 points), officers without gaps 0 -> 1

By competency
  competency                                               type         required   short  closed  opened  shortfall
  Citizen centricity [citizen-centricity]                  behavioural         2  1 -> 1       0       0     1 -> 1
  Decision making [decision-making]                        behavioural         2  0 -> 0       0       0     0 -> 0
  Digital literacy (e-Office, CSI) [digital-literacy]      functional          4  1 -> 0       1       0     1 -> 0
  Empathy [empathy]                                        behavioural         2  0 -> 0       0       0     0 -> 0
  Financial accounting [financial-accounting]              functional          2  2 -> 2       0       0     3 -> 3
  Grievance redressal (CPGRAMS) [grievance-redressal]      functional          2  1 -> 1       0       0     1 -> 1
  India Post Payments Bank products [india-post-payments]  domain              2  2 -> 1       1       0     4 -> 1
  Integrity and ethics [integrity]                         behavioural         4  0 -> 0       0       0     0 -> 0
  Mail and Speed Post logistics [mail-logistics]           domain              2  1 -> 1       0       0     1 -> 1
  Noting and drafting [noting-drafting]                    functional          2  1 -> 0       1       0     1 -> 0
  People management [people-management]                    functional          4  1 -> 0       1       0     2 -> 0
  Postal operations [postal-operations]                    domain              2  1 -> 0       1       0     1 -> 0
  Public procurement [procurement]                         functional          2  1 -> 0       1       0     1 -> 0
  Right to Information [rti]                               functional          2  0 -> 1       0       1     0 -> 3
  Teamwork [teamwork]                                      behavioural         4  0 -> 0       0       0     0 -> 0

By position (held before)
  post                                                                   officers    gaps  closed  opened  shortfall  readiness
  Assistant Section Officer, Postal Division Office [aso-division]              2  3 -> 1       3       1     4 -> 3  90.5% -> 92.9% (+2.4 points)
  Supervisor, Counters and Mail, Head Post Office [supervisor-counters]         2  9 -> 6       3       0    12 -> 7  80.0% -> 88.3% (+8.3 points)

By department
  department   officers     gaps  closed  opened  shortfall  readiness
  posts-north         1   2 -> 0       2       0     3 -> 0  85.7% -> 100.0% (+14.3 points)
  posts-south         3  10 -> 7       4       1   13 -> 10  85.1% -> 87.5% (+2.4 points)

Courses completed between the snapshots, least effective first
  Peer circle: leading postal teams [leading-teams-circle]: 1 completer, 33% of claimed levels reached
    Decision making [decision-making]                        claims 3: 0 reached, 1 not (0 before), mean gain +0.00 levels
    People management [people-management]                    claims 3: 1 reached, 0 not (0 before), mean gain +2.00 levels
    Teamwork [teamwork]                                      claims 3: 0 reached, 1 not (0 before), mean gain +0.00 levels
  IPPB products for post office staff [ippb-products]: 2 completers, 50% of claimed levels reached
    India Post Payments Bank products [india-post-payments]  claims 2: 1 reached, 1 not (0 before), mean gain +1.50 levels
  Counter supervision alongside a senior postmaster [counter-shadowing]: 1 completer, 67% of claimed levels reached
    Citizen centricity [citizen-centricity]                  claims 3: 0 reached, 1 not (0 before), mean gain +0.00 levels
    People management [people-management]                    claims 2: 1 reached, 0 not (1 before), mean gain +0.00 levels
    Postal operations [postal-operations]                    claims 3: 1 reached, 0 not (0 before), mean gain +1.00 levels
  Noting and drafting in e-Office [eoffice-noting]: 1 completer, 100% of claimed levels reached
    Digital literacy (e-Office, CSI) [digital-literacy]      claims 2: 1 reached, 0 not (1 before), mean gain +0.00 levels
    Noting and drafting [noting-drafting]                    claims 3: 1 reached, 0 not (0 before), mean gain +1.00 levels
  Public procurement on GeM [gem-procurement]: 1 completer, 100% of claimed levels reached
    Public procurement [procurement]                         claims 3: 1 reached, 0 not (0 before), mean gain +1.00 levels
  Digital governance essentials (KCM tag, no level) [digital-governance]: 2 completers, no level claimed
    Digital literacy (e-Office, CSI) [digital-literacy]      untagged: mean gain +0.50 levels

Moved, measured against their post before
  Chitra Nair [chitra]: Supervisor, Counters and Mail, Head Post Office [supervisor-counters] -> Assistant Section Officer, Postal Division Office [aso-division]

Only in the first snapshot
  esha

Only in the second snapshot
  Farid Khan [farid]
";

#[test]
fn a_training_cycle_closes_gaps_opens_a_lapsed_one_and_flags_weak_courses() {
    let fw = Framework::from_json(include_str!("../../examples/data/head_post_office.json"))
        .expect("valid framework");
    let (before, after) = scenario();
    let lapsing = LevelPolicy::default().not_before("2023-01-01").unwrap();
    let before = Cohort::new(&fw, &before, &LevelPolicy::default()).expect("valid officers");
    let after = Cohort::new(&fw, &after, &lapsing).expect("valid officers");
    let eval = compare(&fw, &before, &after, Weights::default());

    assert_json(&value(&eval), &named(&fw, expected_evaluation()));
    let report = eval.to_string();
    assert_eq!(report, EXPECTED_REPORT, "report:\n{report}");
}

#[test]
fn cohorts_of_another_framework_are_rejected() {
    let json = include_str!("../../examples/data/head_post_office.json");
    let fw = Framework::from_json(json).unwrap();
    let other = Framework::from_json(json).unwrap();
    let (before, after) = scenario();
    let policy = LevelPolicy::default();
    let mine = Cohort::new(&fw, &before, &policy).unwrap();
    let theirs = Cohort::new(&other, &after, &policy).unwrap();
    let options = CompareOptions::default();
    for (b, a) in [(&mine, &theirs), (&theirs, &mine), (&theirs, &theirs)] {
        assert!(matches!(
            fw.compare(b, a, &options),
            Err(Error::FrameworkMismatch)
        ));
    }
    assert!(fw.compare(&mine, &mine, &options).is_ok());
}

#[test]
fn empty_snapshots_compare_to_nothing() {
    let fw =
        Framework::from_json(include_str!("../../examples/data/head_post_office.json")).unwrap();
    let empty = Cohort::new(&fw, Vec::<OfficerSpec>::new(), &LevelPolicy::default()).unwrap();
    let eval = compare(&fw, &empty, &empty, Weights::default());
    assert_eq!(eval.overall, Progress::default());
    assert!(eval.competencies.is_empty() && eval.positions.is_empty());
    assert!(eval.departments.is_empty() && eval.courses.is_empty());
    assert_eq!(
        eval.to_string(),
        "Before and after: 0 officers in both snapshots (0 moved, 0 only before, 0 only \
         after)\n  gaps 0 -> 0 (0 closed, 0 opened), shortfall 0 -> 0 levels, readiness 0.0% \
         -> 0.0% (+0.0 points), officers without gaps 0 -> 0\n"
    );
}

// ---------------------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------------------

// Ids are deliberately not generated in sorted order.
const COMPETENCIES: [&str; 5] = ["mu", "alpha", "zeta", "beta", "kappa"];
const POSITIONS: [&str; 3] = ["postmaster", "assistant", "clerk"];
const COURSES: [&str; 4] = ["k3", "k1", "k0", "k2"];
const DEPARTMENTS: [&str; 2] = ["revenue", "posts"];
const OFFICERS: [&str; 8] = ["o5", "o2", "o7", "o0", "o3", "o6", "o1", "o4"];
const DATES: [&str; 3] = ["2021-05-01", "2023-06-30", "2025-02-01"];

/// (competency pick, level pick 1–5)
type RawReq = (usize, u8);
/// (presence: 0 both, 1 first only, 2 second only; position, position after, department,
/// department after, first passbook, entries kept, entries added)
type RawOfficer = (
    usize,
    usize,
    Option<usize>,
    usize,
    Option<usize>,
    Vec<RawEvidence>,
    Vec<bool>,
    Vec<RawEvidence>,
);

/// (competencies as (3-level scale, type), roles as (direct, through an activity),
/// positions as role picks, courses as outcomes)
type RawSpec = (
    Vec<(bool, usize)>,
    Vec<(Vec<RawReq>, Vec<RawReq>)>,
    Vec<Vec<usize>>,
    Vec<Vec<(usize, Option<u8>)>>,
);

fn build_spec((competencies, roles, positions, courses): RawSpec) -> FrameworkSpec {
    let competencies = generated_competencies(
        competencies
            .iter()
            .map(|&(short, kind)| (if short { 3 } else { 0 }, kind)),
        &COMPETENCIES,
    );
    // Verified requirements, each competency once.
    let requirements = |raw: &[RawReq]| {
        requirements(
            raw.iter().map(|&(c, level)| (c, level, false)),
            &competencies,
        )
    };
    let activities: Vec<ActivitySpec> = roles
        .iter()
        .enumerate()
        .map(|(i, (_, through))| ActivitySpec {
            id: format!("act{i}").into(),
            name: format!("Activity {i}"),
            requires: requirements(through),
        })
        .collect();
    let roles: Vec<RoleSpec> = roles
        .iter()
        .enumerate()
        .map(|(i, (direct, _))| RoleSpec {
            id: format!("role{i}").into(),
            name: format!("Role {i}"),
            activities: vec![activities[i].id.clone()],
            requires: requirements(direct),
        })
        .collect();
    let positions = positions
        .iter()
        .enumerate()
        .map(|(i, picks)| {
            let picks: BTreeSet<usize> = picks.iter().map(|p| p % roles.len()).collect();
            position(
                POSITIONS[i],
                format!("Position {i}"),
                DEPARTMENTS[i % 2],
                picks.into_iter().map(|r| roles[r].id.clone()),
            )
        })
        .collect();
    let courses = courses
        .iter()
        .enumerate()
        .map(|(i, provides)| {
            course_spec(
                COURSES[i],
                format!("Course {i}"),
                4.0,
                Mode::Formal,
                outcomes(provides, &competencies),
                Vec::new(),
            )
        })
        .collect();
    framework_spec(competencies, activities, roles, positions, courses)
}

/// Entries over the 5 competencies, the dates and the 4 courses.
fn raw_evidence() -> impl Strategy<Value = RawEvidence> {
    support::raw_evidence(5, 0.9, DATES.len(), 0.4, 4)
}

fn raw_officer() -> impl Strategy<Value = RawOfficer> {
    (
        prop_oneof![4 => Just(0usize), 1 => Just(1usize), 1 => Just(2usize)],
        0usize..3,
        option::weighted(0.2, 0usize..3),
        0usize..2,
        option::weighted(0.1, 0usize..2),
        vec(raw_evidence(), 0..=5),
        vec(prop::bool::weighted(0.85), 5),
        vec(raw_evidence(), 0..=4),
    )
}

/// Evidence as validation accepts it: a course completion names a course and, above level
/// 0, a competency the course builds at most to the course's level; a completion drawn
/// without a course becomes an assessment.
fn build_evidence(spec: &FrameworkSpec, raw: &[RawEvidence]) -> Vec<Evidence> {
    raw.iter()
        .map(|&raw| generated_evidence(spec, raw, &DATES))
        .collect()
}

/// The two snapshots' officers.
fn build_officers(
    spec: &FrameworkSpec,
    raw: &[RawOfficer],
) -> (Vec<OfficerSpec>, Vec<OfficerSpec>) {
    let (mut first, mut second) = (Vec::new(), Vec::new());
    let position = |p: usize| spec.positions[p % spec.positions.len()].id.as_str();
    for (i, (presence, p, p2, d, d2, passbook, kept, added)) in raw.iter().enumerate() {
        let old = build_evidence(spec, passbook);
        let mut new: Vec<Evidence> = old
            .iter()
            .zip(kept)
            .filter(|(_, k)| **k)
            .map(|(e, _)| e.clone())
            .collect();
        new.extend(build_evidence(spec, added));
        let make = |position, department: usize, passbook| {
            officer(OFFICERS[i], DEPARTMENTS[department], position, passbook)
        };
        if *presence != 2 {
            first.push(make(position(*p), *d, old));
        }
        if *presence != 1 {
            second.push(make(position(p2.unwrap_or(*p)), d2.unwrap_or(*d), new));
        }
    }
    (first, second)
}

fn policy() -> impl Strategy<Value = LevelPolicy> {
    (
        any::<bool>(),
        any::<bool>(),
        option::of(0usize..DATES.len()),
    )
        .prop_map(|(verified_only, self_declared, cut)| {
            let p = LevelPolicy::default()
                .verified_only(verified_only)
                .self_declared(self_declared);
            match cut {
                Some(d) => p.not_before(DATES[d]).unwrap(),
                None => p,
            }
        })
}

fn weight() -> impl Strategy<Value = f64> {
    prop_oneof![Just(0.0), Just(1.0), 0.01f64..8.0]
}

#[derive(Clone, Debug)]
struct Case {
    spec: FrameworkSpec,
    before: Vec<OfficerSpec>,
    after: Vec<OfficerSpec>,
    policies: [LevelPolicy; 2],
    weights: Weights,
    seed: u64,
}

fn case() -> impl Strategy<Value = Case> {
    let spec = (
        vec((prop::bool::weighted(0.3), 0usize..3), 1..=5),
        vec(
            (
                vec((0usize..5, 1u8..=5), 0..=2),
                vec((0usize..5, 1u8..=5), 0..=3),
            ),
            1..=3,
        ),
        vec(vec(0usize..3, 1..=2), 1..=3),
        vec(
            vec((0usize..5, option::weighted(0.8, 1u8..=5)), 1..=3),
            0..=4,
        ),
    );
    (
        spec,
        vec(raw_officer(), 0..=8),
        [policy(), policy()],
        (weight(), weight(), weight()),
        any::<u64>(),
    )
        .prop_map(|(spec, raw, policies, (b, f, d), seed)| {
            let spec = build_spec(spec);
            let (before, after) = build_officers(&spec, &raw);
            Case {
                spec,
                before,
                after,
                policies,
                weights: Weights::new(b, f, d).unwrap(),
                seed,
            }
        })
}

impl Case {
    fn framework(&self) -> Framework {
        Framework::new(self.spec.clone()).expect("generated spec is valid")
    }

    fn cohorts(&self, fw: &Framework) -> (Cohort, Cohort) {
        (
            Cohort::new(fw, &self.before, &self.policies[0]).expect("valid officers"),
            Cohort::new(fw, &self.after, &self.policies[1]).expect("valid officers"),
        )
    }
}

/// A small deterministic shuffle (`SplitMix64`) driven by a case's seed.
fn shuffle<T>(items: &mut [T], seed: &mut u64) {
    for i in (1..items.len()).rev() {
        *seed = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = *seed;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        items.swap(i, ((z ^ (z >> 31)) % (i as u64 + 1)) as usize);
    }
}

// ---------------------------------------------------------------------------------------
// Oracle: per-officer gap reports
// ---------------------------------------------------------------------------------------

/// Integer counts of a group, added officer by officer, and its officers' readiness.
#[derive(Default)]
struct Group {
    counts: [u64; 12],
    readiness: [Vec<f64>; 2],
}

impl Group {
    fn json(&self) -> Value {
        let c = self.counts;
        let (b, a) = if c[0] == 0 {
            (0.0, 0.0)
        } else {
            (
                exact_mean(&self.readiness[0]),
                exact_mean(&self.readiness[1]),
            )
        };
        json!({
            "officers": c[0], "requirements": c[1], "gaps_before": c[2], "gaps_after": c[3],
            "closed": c[4], "opened": c[5], "shortfall_before": c[6], "shortfall_after": c[7],
            "levels_gained": c[8], "levels_lost": c[9],
            "without_gaps_before": c[10], "without_gaps_after": c[11],
            "readiness_before": b, "readiness_after": a, "readiness_gained": a - b,
        })
    }
}

/// Course order: lowest rate first, courses without a rate last.
fn worst_first(a: Option<f64>, b: Option<f64>) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => x.total_cmp(&y),
        (x, y) => y.is_some().cmp(&x.is_some()),
    }
}

/// Per course: completers, and per competency built (by id): claimed level, reached
/// after, reached before, summed gain.
type CourseTally = BTreeMap<String, (u64, BTreeMap<String, (Option<u8>, u64, u64, i64)>)>;

/// The course effects of the tallies, least effective first.
fn course_effects(courses: CourseTally) -> Vec<Value> {
    let mut courses: Vec<(Option<f64>, Value)> = courses
        .into_iter()
        .map(|(id, (n, outcomes))| {
            let (mut reached, mut claims) = (0u64, 0u64);
            let outcomes: Vec<Value> = outcomes
                .into_iter()
                .map(|(c, (claimed, after, before, gained))| {
                    if claimed.is_some() {
                        reached += after;
                        claims += n;
                    }
                    let after = if claimed.is_some() { after } else { 0 };
                    json!({
                        "competency": c, "claimed": claimed, "reached": after,
                        "not_reached": if claimed.is_some() { n - after } else { 0 },
                        "reached_before": before,
                        "rate": claimed.map(|_| after as f64 / n as f64),
                        "mean_gained": gained as f64 / n as f64,
                    })
                })
                .collect();
            let rate = (claims > 0).then(|| reached as f64 / claims as f64);
            let value = json!({"course": id, "completers": n, "rate": rate, "outcomes": outcomes});
            (rate, value)
        })
        .collect();
    courses.sort_by(|a, b| worst_first(a.0, b.0));
    courses.into_iter().map(|(_, v)| v).collect()
}

/// Adds the courses `p2` completed and `p1` had not to the tallies.
fn tally_courses(fw: &Framework, p1: &Profile, p2: &Profile, courses: &mut CourseTally) {
    let done_before = p1.completed_courses(fw).unwrap();
    for k in p2.completed_courses(fw).unwrap() {
        if done_before.contains(&k) {
            continue;
        }
        let entry = courses.entry(k.to_string()).or_default();
        entry.0 += 1;
        for o in &fw.course(k.as_str()).unwrap().provides {
            let c = o.competency.as_str();
            let (h1, h2) = (
                p1.level(fw, c).unwrap().get(),
                p2.level(fw, c).unwrap().get(),
            );
            let t = entry.1.entry(c.to_owned()).or_insert((o.level, 0, 0, 0));
            if let Some(l) = o.level {
                t.1 += u64::from(h2 >= l);
                t.2 += u64::from(h1 >= l);
            }
            t.3 += i64::from(h2) - i64::from(h1);
        }
    }
}

/// The whole evaluation, computed from `Profile`s and `Framework::gap_for` reports.
fn oracle(case: &Case, fw: &Framework) -> Value {
    let by_id = |officers: &[OfficerSpec]| -> BTreeMap<String, OfficerSpec> {
        officers
            .iter()
            .map(|o| (o.id.to_string(), o.clone()))
            .collect()
    };
    let (first, second) = (by_id(&case.before), by_id(&case.after));
    let options = GapOptions::default()
        .weights(case.weights)
        .include_met(true);
    let mut overall = Group::default();
    let mut positions: BTreeMap<String, Group> = BTreeMap::new();
    let mut departments: BTreeMap<String, Group> = BTreeMap::new();
    let mut competencies: BTreeMap<String, (String, [u64; 9])> = BTreeMap::new();
    let mut courses: CourseTally = BTreeMap::new();
    let mut moved = Vec::new();
    for (id, was) in &first {
        let Some(now) = second.get(id) else { continue };
        let p1 = Profile::new(fw, was, &case.policies[0]).unwrap();
        let p2 = Profile::new(fw, now, &case.policies[1]).unwrap();
        let position = was.position.as_str();
        let r1 = fw.gap_for(&p1, position, &options).unwrap();
        let r2 = fw.gap_for(&p2, position, &options).unwrap();
        let mut counts = [0u64; 12];
        counts[0] = 1;
        counts[1] = r1.requirements as u64;
        for g1 in &r1.gaps {
            let g2 = r2
                .gaps
                .iter()
                .find(|g| g.competency == g1.competency)
                .expect("same requirements");
            let (s1, s2) = (u64::from(g1.shortfall), u64::from(g2.shortfall));
            let row = [
                1,
                u64::from(s1 > 0),
                u64::from(s2 > 0),
                u64::from(s1 > 0 && s2 == 0),
                u64::from(s1 == 0 && s2 > 0),
                s1,
                s2,
                s1.saturating_sub(s2),
                s2.saturating_sub(s1),
            ];
            let entry = competencies
                .entry(g1.competency.to_string())
                .or_insert_with(|| (g1.kind.as_str().to_owned(), [0; 9]));
            for (total, x) in entry.1.iter_mut().zip(row) {
                *total += x;
            }
            for (total, x) in counts[2..10].iter_mut().zip(&row[1..]) {
                *total += x;
            }
        }
        counts[10] = u64::from(r1.met == r1.requirements);
        counts[11] = u64::from(r2.met == r2.requirements);
        for group in [
            &mut overall,
            positions.entry(position.to_owned()).or_default(),
            departments.entry(was.department.to_string()).or_default(),
        ] {
            for (total, x) in group.counts.iter_mut().zip(counts) {
                *total += x;
            }
            group.readiness[0].push(r1.readiness);
            group.readiness[1].push(r2.readiness);
        }
        if now.position != was.position {
            moved.push(json!({"officer": id, "from": was.position, "to": now.position}));
        }
        tally_courses(fw, &p1, &p2, &mut courses);
    }
    let only = |a: &BTreeMap<String, OfficerSpec>, b: &BTreeMap<String, OfficerSpec>| {
        a.iter()
            .filter(|(k, _)| !b.contains_key(*k))
            .map(|(k, o)| match &o.name {
                Some(name) => json!({"officer": k, "officer_name": name}),
                None => json!({"officer": k}),
            })
            .collect::<Vec<_>>()
    };
    json!({
        "overall": overall.json(),
        "competencies": competencies.into_iter().map(|(c, (kind, r))| json!({
            "competency": c, "kind": kind, "officers_required": r[0],
            "short_before": r[1], "short_after": r[2], "closed": r[3], "opened": r[4],
            "shortfall_before": r[5], "shortfall_after": r[6],
            "levels_gained": r[7], "levels_lost": r[8],
        })).collect::<Vec<_>>(),
        "positions": positions.iter().map(|(p, g)| json!({"position": p, "progress": g.json()}))
            .collect::<Vec<_>>(),
        "departments": departments.iter()
            .map(|(d, g)| json!({"department": d, "progress": g.json()}))
            .collect::<Vec<_>>(),
        "courses": course_effects(courses),
        "moved": moved,
        "only_before": only(&first, &second),
        "only_after": only(&second, &first),
    })
}

// ---------------------------------------------------------------------------------------
// Laws
// ---------------------------------------------------------------------------------------

#[track_caller]
fn check_progress(p: &Progress) {
    assert_eq!(p.gaps_after, p.gaps_before - p.closed + p.opened);
    assert!(p.closed <= p.gaps_before && p.opened <= p.requirements - p.gaps_before);
    assert_eq!(
        p.shortfall_after,
        p.shortfall_before - p.levels_gained + p.levels_lost
    );
    assert!(p.gaps_before <= p.requirements && p.gaps_after <= p.requirements);
    assert!(p.without_gaps_before <= p.officers && p.without_gaps_after <= p.officers);
    for r in [p.readiness_before, p.readiness_after] {
        assert!((0.0..=1.0).contains(&r), "readiness {r}");
    }
    assert_eq!(
        p.readiness_gained.to_bits(),
        (p.readiness_after - p.readiness_before).to_bits()
    );
}

/// The integer fields of a progress record, for sums over groups.
fn counts(p: &Progress) -> [u64; 12] {
    [
        p.officers,
        p.requirements,
        p.gaps_before,
        p.gaps_after,
        p.closed,
        p.opened,
        p.shortfall_before,
        p.shortfall_after,
        p.levels_gained,
        p.levels_lost,
        p.without_gaps_before,
        p.without_gaps_after,
    ]
}

fn sum<'a>(records: impl Iterator<Item = &'a Progress>) -> [u64; 12] {
    let mut total = [0; 12];
    for p in records {
        for (t, c) in total.iter_mut().zip(counts(p)) {
            *t += c;
        }
    }
    total
}

#[track_caller]
fn check_laws(eval: &Evaluation<'_>, officers_before: usize, officers_after: usize) {
    check_progress(&eval.overall);
    let groups = (eval.positions.iter().map(|p| &p.progress))
        .chain(eval.departments.iter().map(|d| &d.progress));
    for g in groups {
        check_progress(g);
        assert!(g.officers > 0);
    }
    let overall = counts(&eval.overall);
    assert_eq!(sum(eval.positions.iter().map(|p| &p.progress)), overall);
    assert_eq!(sum(eval.departments.iter().map(|d| &d.progress)), overall);
    let mut by_competency = [0u64; 9];
    for c in &eval.competencies {
        assert_eq!(c.short_after, c.short_before - c.closed + c.opened);
        assert_eq!(
            c.shortfall_after,
            c.shortfall_before - c.levels_gained + c.levels_lost
        );
        assert!(c.officers_required > 0 && c.short_before <= c.officers_required);
        let row = [
            c.officers_required,
            c.short_before,
            c.short_after,
            c.closed,
            c.opened,
            c.shortfall_before,
            c.shortfall_after,
            c.levels_gained,
            c.levels_lost,
        ];
        for (t, x) in by_competency.iter_mut().zip(row) {
            *t += x;
        }
    }
    assert_eq!(
        by_competency,
        [
            overall[1], overall[2], overall[3], overall[4], overall[5], overall[6], overall[7],
            overall[8], overall[9]
        ]
    );
    assert!(
        eval.competencies
            .windows(2)
            .all(|w| w[0].competency < w[1].competency)
    );
    assert!(
        eval.positions
            .windows(2)
            .all(|w| w[0].position < w[1].position)
    );
    assert!(
        eval.departments
            .windows(2)
            .all(|w| w[0].department < w[1].department)
    );
    assert!(eval.moved.windows(2).all(|w| w[0].officer < w[1].officer));
    assert!(eval.only_before.windows(2).all(|w| w[0] < w[1]));
    assert!(eval.only_after.windows(2).all(|w| w[0] < w[1]));
    let matched = eval.overall.officers as usize;
    assert_eq!(matched + eval.only_before.len(), officers_before);
    assert_eq!(matched + eval.only_after.len(), officers_after);
    for c in &eval.courses {
        assert!(c.completers > 0 && c.completers <= eval.overall.officers);
        let (mut reached, mut claims) = (0, 0);
        for o in &c.outcomes {
            if o.claimed.is_some() {
                assert_eq!(o.reached + o.not_reached, c.completers);
                assert!(o.reached_before <= c.completers);
                assert_eq!(o.rate, Some(o.reached as f64 / c.completers as f64));
                reached += o.reached;
                claims += c.completers;
            } else {
                assert_eq!((o.reached, o.not_reached, o.reached_before), (0, 0, 0));
                assert_eq!(o.rate, None);
            }
            assert!(o.mean_gained.abs() <= 5.0);
        }
        let rate = (claims > 0).then(|| reached as f64 / claims as f64);
        assert_eq!(c.rate, rate);
    }
    assert!(eval.courses.windows(2).all(|w| {
        worst_first(w[0].rate, w[1].rate).then(w[0].course.cmp(w[1].course)) == Ordering::Less
    }));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::support::oracle_cases(256)))]

    #[test]
    fn comparing_a_snapshot_with_itself_changes_nothing(case in case()) {
        let fw = case.framework();
        let (before, _) = case.cohorts(&fw);
        let eval = compare(&fw, &before, &before, case.weights);
        check_laws(&eval, before.len(), before.len());
        let groups = std::iter::once(&eval.overall)
            .chain(eval.positions.iter().map(|p| &p.progress))
            .chain(eval.departments.iter().map(|d| &d.progress));
        for p in groups {
            prop_assert_eq!((p.closed, p.opened, p.levels_gained, p.levels_lost), (0, 0, 0, 0));
            prop_assert_eq!(p.gaps_before, p.gaps_after);
            prop_assert_eq!(p.readiness_gained, 0.0);
        }
        for c in &eval.competencies {
            prop_assert_eq!((c.closed, c.opened), (0, 0));
        }
        prop_assert!(eval.courses.is_empty() && eval.moved.is_empty());
        prop_assert!(eval.only_before.is_empty() && eval.only_after.is_empty());
        prop_assert_eq!(eval.overall.officers as usize, before.len());
    }

    #[test]
    fn every_law_holds(case in case()) {
        let fw = case.framework();
        let (before, after) = case.cohorts(&fw);
        let eval = compare(&fw, &before, &after, case.weights);
        check_laws(&eval, before.len(), after.len());
        // Swapping the snapshots swaps closed and opened, gained and lost.
        let back = compare(&fw, &after, &before, case.weights);
        check_laws(&back, after.len(), before.len());
        if eval.moved.is_empty() {
            let (p, q) = (&eval.overall, &back.overall);
            prop_assert_eq!((p.closed, p.opened), (q.opened, q.closed));
            prop_assert_eq!((p.levels_gained, p.levels_lost), (q.levels_lost, q.levels_gained));
        }
    }

    #[test]
    fn results_do_not_depend_on_officer_order(case in case()) {
        let fw = case.framework();
        let (before, after) = case.cohorts(&fw);
        let eval = compare(&fw, &before, &after, case.weights);
        let mut seed = case.seed;
        let (mut b, mut a) = (case.before.clone(), case.after.clone());
        shuffle(&mut b, &mut seed);
        shuffle(&mut a, &mut seed);
        let b = Cohort::new(&fw, &b, &case.policies[0]).unwrap();
        let a = Cohort::new(&fw, &a, &case.policies[1]).unwrap();
        let shuffled = compare(&fw, &b, &a, case.weights);
        prop_assert_eq!(
            serde_json::to_string(&eval).unwrap(),
            serde_json::to_string(&shuffled).unwrap()
        );
        prop_assert_eq!(eval.to_string(), shuffled.to_string());
    }

    #[test]
    fn results_do_not_depend_on_threads(case in case()) {
        let fw = case.framework();
        let (before, after) = case.cohorts(&fw);
        let options = CompareOptions::default().weights(case.weights);
        let one = fw.compare(&before, &after, &options).expect("same framework");
        let all = fw.compare(&before, &after, &options.threads(usize::MAX)).expect("same framework");
        prop_assert_eq!(
            serde_json::to_string(&one).unwrap(),
            serde_json::to_string(&all).unwrap()
        );
    }

    #[test]
    fn per_officer_gap_reports_give_the_same_evaluation(case in case()) {
        let fw = case.framework();
        let (before, after) = case.cohorts(&fw);
        let eval = compare(&fw, &before, &after, case.weights);
        assert_json(&value(&eval), &named(&fw, oracle(&case, &fw)));
    }
}
