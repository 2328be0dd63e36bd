//! The training-needs kernel against a brute-force count of every officer–requirement pair.
//!
//! The kernel counts held levels per group of officers (one department, one position) and
//! derives the shortfall histograms from those counts; the oracle here walks every officer
//! and every requirement of their position (`Framework::requirements`, `Profile::level`)
//! and counts each pair's shortfall. Cohorts are generated with many officers per position,
//! positions nobody requires anything of, positions nobody holds, evidence of competencies
//! no position requires, evidence at level 0, every level policy, and officers in shuffled
//! order; the kernel must agree on 1, 2 and 3 threads, for the whole cohort, for each
//! department and through `training_needs_by_department`: 256 cases of up to 40 officers in
//! up to five positions (mostly counted pair by pair), 48 of up to 300 officers in one or two
//! (counted by the row kernel).

use std::collections::BTreeMap;

use karmayogi::{
    Cohort, DepartmentId, Framework, FrameworkSpec, LevelPolicy, NeedsByDepartment, NeedsOptions,
    OfficerSpec, Profile, RoleSpec, TrainingNeeds,
};
use proptest::collection::vec;
use proptest::prelude::*;

use crate::support::{
    RawEvidence, framework_spec, generated_competencies, generated_evidence, level_policies,
    position, raw_evidence, requirements,
};

const IDS: [&str; 10] = ["c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9"];
const DEPARTMENTS: [&str; 3] = ["d0", "d1", "d2"];
const DATES: [&str; 3] = ["", "2023-04-01", "2025-01-15"];

/// (competency picks with scales and kinds, roles' requirement picks, positions' role
/// picks, officers as (department, position, passbook)).
type Raw = (
    Vec<(u8, usize)>,
    Vec<Vec<(usize, u8, bool)>>,
    Vec<Vec<usize>>,
    Vec<(usize, usize, Vec<RawEvidence>)>,
);

/// Up to 40 officers in up to five positions: mostly counted pair by pair.
fn raw() -> impl Strategy<Value = Raw> {
    cohorts(5, 40)
}

/// As [`raw`], with up to 300 officers in one or two positions: many officers per position
/// and per (department, position) group, so the row kernel counts them, where the few
/// officers of [`raw`] in up to five positions are mostly counted pair by pair.
fn crowded() -> impl Strategy<Value = Raw> {
    cohorts(2, 300)
}

/// Up to `officers` officers in up to `positions` positions.
fn cohorts(positions: usize, officers: usize) -> impl Strategy<Value = Raw> {
    (
        vec((0u8..=5, 0usize..3), 1..=10),
        // Roles of no requirement make positions that require nothing.
        vec(vec((0usize..10, 1u8..=5, any::<bool>()), 0..=6), 1..=4),
        vec(vec(0usize..4, 1..=2), 1..=positions),
        vec(
            (
                0usize..3,
                0usize..positions,
                // Any competency, so levels of competencies the position does not require,
                // and any level 0–5 (the framework has no course: no completion names one).
                vec(raw_evidence(10, 0.8, DATES.len(), 0.5, 1), 0..=8),
            ),
            0..=officers,
        ),
    )
}

fn build(raw: &Raw) -> (FrameworkSpec, Vec<OfficerSpec>) {
    let (competencies, roles, positions, officers) = raw;
    let competencies = generated_competencies(competencies.iter().copied(), &IDS);
    let roles: Vec<RoleSpec> = (roles.iter().enumerate())
        .map(|(i, picks)| RoleSpec {
            id: format!("r{i}").into(),
            name: format!("Role {i}"),
            activities: Vec::new(),
            requires: requirements(picks.iter().copied(), &competencies),
        })
        .collect();
    let positions = (positions.iter().enumerate())
        .map(|(i, picks)| {
            let mut ids: Vec<String> = picks
                .iter()
                .map(|r| format!("r{}", r % roles.len()))
                .collect();
            ids.sort();
            ids.dedup();
            position(
                &format!("p{i}"),
                format!("Post {i}"),
                DEPARTMENTS[i % 3],
                ids,
            )
        })
        .collect::<Vec<_>>();
    let spec = framework_spec(competencies, Vec::new(), roles, positions, Vec::new());
    let officers = (officers.iter().enumerate())
        .map(|(i, (department, post, passbook))| OfficerSpec {
            // A permutation of 0..307: ids unique and out of input order.
            id: format!("o{:03}", (i * 7 + 3) % 307).into(),
            name: None,
            department: DEPARTMENTS[*department].into(),
            position: spec.positions[post % spec.positions.len()].id.clone(),
            target_position: None,
            passbook: passbook
                .iter()
                .map(|&e| generated_evidence(&spec, e, &DATES))
                .collect(),
        })
        .collect();
    (spec, officers)
}

/// Training needs by brute force: every officer, every requirement of their position, the
/// pair's shortfall counted in its competency's histogram.
fn brute_force<'f>(
    fw: &'f Framework,
    officers: &[OfficerSpec],
    policy: &LevelPolicy,
    department: Option<&str>,
) -> TrainingNeeds<'f> {
    let mut hist: BTreeMap<String, [u64; 6]> = BTreeMap::new();
    let (mut counted, mut pairs) = (0, 0);
    for o in officers
        .iter()
        .filter(|o| department.is_none_or(|d| o.department.as_str() == d))
    {
        let profile = Profile::new(fw, o, policy).unwrap();
        counted += 1;
        for r in fw.requirements(o.position.as_str()).unwrap() {
            pairs += 1;
            let held = u8::from(profile.level(fw, r.competency.as_str()).unwrap());
            let short = u8::from(r.level).saturating_sub(held).min(5);
            hist.entry(r.competency.to_string()).or_default()[usize::from(short)] += 1;
        }
    }
    crate::support::needs_from_histograms(fw, hist, counted, pairs)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::support::oracle_cases(256)))]

    #[test]
    fn kernel_matches_a_count_of_every_pair(
        raw in raw(),
        policy in level_policies(),
        rotate in 0usize..40,
    ) {
        check(&raw, &policy, rotate)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::support::oracle_cases(48)))]

    #[test]
    fn kernel_matches_a_count_of_every_pair_on_crowded_positions(
        raw in crowded(),
        policy in level_policies(),
        rotate in 0usize..300,
    ) {
        check(&raw, &policy, rotate)?;
    }
}

/// The whole cohort, each department and every department at once, on 1, 2 and 3
/// threads, against [`brute_force`].
fn check(raw: &Raw, policy: &LevelPolicy, rotate: usize) -> Result<(), TestCaseError> {
    let (spec, mut officers) = build(raw);
    let fw = Framework::new(spec).expect("generated spec is valid");
    // Officers out of storage order: the cohort regroups them.
    if !officers.is_empty() {
        let by = rotate % officers.len();
        officers.rotate_left(by);
    }
    let cohort = Cohort::new(&fw, &officers, policy).expect("generated officers are valid");
    let departments: Vec<&str> = cohort
        .departments()
        .iter()
        .map(DepartmentId::as_str)
        .collect();
    for threads in [1, 2, 3] {
        let options = NeedsOptions::default().threads(threads);
        prop_assert_eq!(
            fw.training_needs(&cohort, &options).unwrap(),
            brute_force(&fw, &officers, policy, None)
        );
        // Departments of the framework's positions (perhaps without officers) and of
        // the officers; any other is an error, tested elsewhere.
        let known = (fw.positions().iter().map(|p| p.department.as_str()))
            .chain(departments.iter().copied());
        for d in known {
            let needs = fw
                .training_needs(&cohort, &options.clone().department(d))
                .unwrap();
            prop_assert_eq!(needs, brute_force(&fw, &officers, policy, Some(d)));
        }
        let want: Vec<_> = departments
            .iter()
            .map(|&d| {
                (
                    DepartmentId::from(d),
                    brute_force(&fw, &officers, policy, Some(d)),
                )
            })
            .collect();
        let store = fw.training_needs_by_department(&cohort, &options).unwrap();
        reads_as(&store, &want)?;
    }
    Ok(())
}

/// `store` read every way it can be (in order, by index, by id, row by row, as reports
/// of their own, serialized) against the reports it should hold: each department's id
/// and [`TrainingNeeds`], in id order.
fn reads_as(
    store: &NeedsByDepartment<'_>,
    want: &[(DepartmentId, TrainingNeeds<'_>)],
) -> Result<(), TestCaseError> {
    prop_assert_eq!(&store.to_vec(), want);
    prop_assert_eq!(store.len(), want.len());
    prop_assert_eq!(store.is_empty(), want.is_empty());
    let rows: usize = want.iter().map(|(_, n)| n.rows.len()).sum();
    prop_assert_eq!(store.total_rows(), rows);
    prop_assert_eq!(store.iter().len(), want.len());
    prop_assert!(store.get(want.len()).is_none());
    prop_assert!(store.department("not a department").is_none());
    for (k, ((d, needs), got)) in want.iter().zip(store.iter()).enumerate() {
        prop_assert_eq!(got.department(), d);
        prop_assert_eq!((got.officers(), got.pairs()), (needs.officers, needs.pairs));
        prop_assert_eq!(got, needs.clone());
        prop_assert_eq!(store.get(k), Some(got));
        prop_assert_eq!(store.department(d.as_str()), Some(got));
        prop_assert_eq!(got.to_training_needs(), needs.clone());
        prop_assert_eq!(got.len(), needs.rows.len());
        prop_assert_eq!(got.rows().len(), needs.rows.len());
        for (i, row) in needs.rows.iter().enumerate() {
            prop_assert_eq!(got.row(i), Some(row.clone()));
        }
        prop_assert!(got.row(needs.rows.len()).is_none());
        prop_assert_eq!(
            serde_json::to_string(&got).unwrap(),
            serde_json::to_string(needs).unwrap()
        );
    }
    // Serialized as the pairs of the old report shape, byte for byte.
    prop_assert_eq!(
        serde_json::to_string(store).unwrap(),
        serde_json::to_string(want).unwrap()
    );
    Ok(())
}

/// Departments counted by the row kernel with far fewer requirements met than the
/// framework has competencies (their marks read back through a summary of the words
/// marked) and with more (every word read), beside a department of one officer (counted
/// pair by pair): `training_needs_by_department` gives each the brute-force count, and a
/// department of the framework's positions with no officer gets no entry.
#[test]
fn departments_read_their_marks_through_a_summary_or_word_by_word() {
    let competencies: Vec<String> = (0..300)
        .map(|c| format!(r#"{{"id":"c{c:03}","name":"C {c}","type":"domain"}}"#))
        .collect();
    let few = r#"[{"competency":"c003","level":3},{"competency":"c290","level":2}]"#;
    let many: Vec<String> = (0..120)
        .map(|k| {
            format!(
                r#"{{"competency":"c{:03}","level":{}}}"#,
                2 * k + 1,
                1 + k % 5
            )
        })
        .collect();
    let json = format!(
        r#"{{"format_version":1,"competencies":[{}],"roles":[
            {{"id":"r0","name":"R0","requires":{few}}},
            {{"id":"r1","name":"R1","requires":[{}]}}],"positions":[
            {{"id":"p0","name":"P0","department":"d0","roles":["r0"]}},
            {{"id":"p1","name":"P1","department":"d1","roles":["r1"]}},
            {{"id":"p2","name":"P2","department":"d3","roles":["r1"]}}]}}"#,
        competencies.join(","),
        many.join(",")
    );
    let fw = Framework::from_json(&json).unwrap();
    // (department, position, officers); each officer holds some competencies, required
    // or not, at levels 0–5.
    let plan = [("d0", "p0", 6), ("d1", "p1", 5), ("d2", "p1", 1)];
    let mut officers = Vec::new();
    for (department, position, n) in plan {
        for _ in 0..n {
            let i = officers.len();
            let passbook = (0..40)
                .map(|k| (i * 37 + k * 7) % 300)
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .map(|c| crate::support::assessed(&format!("c{c:03}"), ((c + i) % 6) as u8, ""))
                .collect();
            officers.push(OfficerSpec {
                id: format!("o{i:02}").into(),
                name: None,
                department: department.into(),
                position: position.into(),
                target_position: None,
                passbook,
            });
        }
    }
    let policy = LevelPolicy::default();
    let cohort = Cohort::new(&fw, &officers, &policy).unwrap();
    let want: Vec<_> = ["d0", "d1", "d2"]
        .iter()
        .map(|&d| {
            let needs = brute_force(&fw, &officers, &policy, Some(d));
            assert!(!needs.rows.is_empty(), "{d} requires something");
            (DepartmentId::from(d), needs)
        })
        .collect();
    for threads in [1, 2] {
        let options = NeedsOptions::default().threads(threads);
        let store = fw.training_needs_by_department(&cohort, &options).unwrap();
        reads_as(&store, &want).unwrap();
        let d3 = options.department("d3");
        assert!(
            fw.training_needs_by_department(&cohort, &d3)
                .unwrap()
                .is_empty()
        );
    }
}
