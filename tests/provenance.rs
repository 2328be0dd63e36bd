//! Provenance of a post with many roles: listing every requirement's paths, and the gap
//! report that prints them, near-linear in the post.
//!
//! Time is asserted in release builds only (`cargo test --release --test provenance --
//! --nocapture`; figures in BENCHMARKS.md, "Provenance of a post with many roles").
//! `PROVENANCE_ROLES` sets the number of roles (default 20,000 in release, 2,000 in debug
//! builds), for measuring the growth under `valgrind --tool=callgrind`.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use karmayogi::{Framework, GapOptions, LevelPolicy, OfficerSpec, Profile};

/// A post of `n` roles: role `r_i` requires competency `c_i` directly at 2 and through its
/// activity `a_i` at 3, and every role requires `shared` directly at 1.
fn many_roles(n: usize) -> Framework {
    let mut json = String::from(r#"{"format_version": 2, "competencies": ["#);
    json.push_str(r#"{"id": "shared", "name": "Shared", "type": "behavioural"}"#);
    for i in 0..n {
        write!(
            json,
            r#",{{"id": "c{i:06}", "name": "C {i}", "type": "domain"}}"#
        )
        .unwrap();
    }
    json.push_str(r#"], "activities": ["#);
    for i in 0..n {
        let comma = if i == 0 { "" } else { "," };
        write!(
            json,
            r#"{comma}{{"id": "a{i:06}", "name": "A {i}", "requires": [{{"competency": "c{i:06}", "level": 3}}]}}"#
        )
        .unwrap();
    }
    json.push_str(r#"], "roles": ["#);
    for i in 0..n {
        let comma = if i == 0 { "" } else { "," };
        write!(
            json,
            r#"{comma}{{"id": "r{i:06}", "name": "R {i}", "activities": ["a{i:06}"], "requires": [{{"competency": "c{i:06}", "level": 2}}, {{"competency": "shared", "level": 1}}]}}"#
        )
        .unwrap();
    }
    json.push_str(r#"], "positions": [{"id": "p", "name": "P", "department": "d", "roles": ["#);
    for i in 0..n {
        let comma = if i == 0 { "" } else { "," };
        write!(json, r#"{comma}"r{i:06}""#).unwrap();
    }
    json.push_str("]}]}");
    Framework::from_json(&json).expect("a valid framework")
}

/// Every requirement's paths and the gap report of a newcomer, on a post of 20,000 roles
/// (2,000 in debug builds). Listing one requirement's paths visited every role of the
/// post, so this cost requirements × roles: 4.3 s for the requirements alone at 20,000 in
/// release. Release bound 2 s for both.
#[test]
fn paths_of_a_post_with_twenty_thousand_roles() {
    let n: usize = std::env::var("PROVENANCE_ROLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if cfg!(debug_assertions) {
            2_000
        } else {
            20_000
        });
    let fw = many_roles(n);
    let officer = OfficerSpec {
        id: "o".into(),
        name: None,
        department: "d".into(),
        position: "p".into(),
        target_position: None,
        passbook: Vec::new(),
    };
    let profile = Profile::new(&fw, &officer, &LevelPolicy::default()).expect("a valid officer");

    let start = Instant::now();
    let reqs = fw.requirements("p").expect("a known post");
    let mut paths = 0;
    for (i, req) in reqs.iter().enumerate() {
        let listed: Vec<(&str, Option<&str>, u8)> = (req.provenance.iter())
            .map(|p| {
                (
                    p.role.as_str(),
                    p.activity.map(karmayogi::ActivityId::as_str),
                    p.level.get(),
                )
            })
            .collect();
        paths += listed.len();
        if i == n {
            continue;
        }
        let (role, activity) = (format!("r{i:06}"), format!("a{i:06}"));
        assert_eq!(
            listed,
            [
                (role.as_str(), None, 2),
                (role.as_str(), Some(activity.as_str()), 3)
            ],
            "paths of {}",
            req.competency
        );
    }
    let shared = reqs.last().expect("shared is required");
    assert_eq!(shared.competency.as_str(), "shared");
    let roles: Vec<&str> = shared.provenance.iter().map(|p| p.role.as_str()).collect();
    let expected: Vec<String> = (0..n).map(|i| format!("r{i:06}")).collect();
    assert_eq!(roles, expected);
    assert_eq!(paths, 3 * n);
    let listing = start.elapsed();

    let start = Instant::now();
    let report = fw
        .gap(&profile, &GapOptions::default())
        .expect("a gap report");
    let text = report.to_string();
    let reported = start.elapsed();
    assert_eq!(report.gaps.len(), n + 1);
    assert!(
        text.contains("r000007 @2; r000007 / a000007 @3"),
        "{}",
        &text[..text.len().min(2_000)]
    );
    eprintln!(
        "{n} roles: requirements' paths listed in {listing:?}, gap report printed in {reported:?}"
    );
    if !cfg!(debug_assertions) {
        assert!(
            listing + reported < Duration::from_secs(2),
            "paths of a post of {n} roles took {listing:?} + {reported:?}: quadratic again"
        );
    }
}
