//! `Cohort::with_threads` against `Cohort::new` on one thread, and
//! `Cohort::from_json_with_threads` against `Cohort::from_json`: the same cohort, and on bad
//! input the same errors in the same order (the nearest ids they suggest, the index of an
//! empty id, duplicates across the parts and batches the officers are cut into), for any
//! number of threads.

use karmayogi::{
    Cohort, Error, EvidenceSource, Framework, LevelPolicy, NeedsOptions, OfficerSpec, OfficersSpec,
};

use crate::support::{evidence, hr_framework, officer};

/// Officers over more than one batch of parts (2,048 officers a part), from `seed`; with
/// `faulty`, about one in 40 has a problem: an unknown competency (more distinct ones than
/// the nearest ids remembered, and misspelt ones), an unknown position, an empty or repeated id, a bad date,
/// a level above the scale, a completion of a course that does not build the competency.
fn officers(seed: u64, n: usize, faulty: bool) -> Vec<OfficerSpec> {
    let mut state = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let mut next = move |below: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % below) as usize
    };
    let positions = [("dopt", "us"), ("dopt", "aso"), ("itd-mumbai", "so-mumbai")];
    let competencies = ["rti", "noting", "integrity"];
    let dates = ["2024-01-31", "", "2023-12-01", "2024-02-29T10:00:00Z"];
    (0..n)
        .map(|i| {
            let (department, position) = positions[next(3)];
            let passbook = (0..next(6))
                .map(|_| {
                    let c = competencies[next(3)];
                    let source =
                        [EvidenceSource::Assessment, EvidenceSource::SelfDeclared][next(2)];
                    let mut e = evidence(c, next(4) as u8, source, dates[next(4)], None);
                    // A completion of a course that builds the competency, within its level.
                    if next(10) == 0 && c != "integrity" {
                        e.source = EvidenceSource::CourseCompletion;
                        let course = if c == "rti" { "rti-101" } else { "noting-lab" };
                        e.course = Some(course.into());
                        e.level = e.level.min(2);
                    }
                    e
                })
                .collect();
            let mut o = officer(&format!("o-{i:05}"), department, position, passbook);
            if faulty && next(40) == 0 {
                match next(6) {
                    0 => o.passbook.push(evidence(
                        &[
                            format!("rti-{}", next(1_500)),
                            "integrty".into(),
                            "RTI".into(),
                        ][next(3)],
                        2,
                        EvidenceSource::Assessment,
                        "",
                        None,
                    )),
                    1 => o.position = "usec".into(),
                    2 => o.id = if next(2) == 0 { "" } else { " " }.into(),
                    3 => o.id = format!("o-{:05}", next(i.max(1) as u64)).into(),
                    4 => o.passbook.push(evidence(
                        "rti",
                        2,
                        EvidenceSource::Assessment,
                        "2024-02-30",
                        None,
                    )),
                    _ => o.passbook.push(evidence(
                        "noting",
                        if next(2) == 0 { 4 } else { 2 },
                        EvidenceSource::CourseCompletion,
                        "",
                        Some("rti-101"),
                    )),
                }
            }
            o
        })
        .collect()
}

/// Per officer its id, name and profile, and the heatmap.
fn describe(fw: &Framework, cohort: &Cohort) -> (Vec<String>, String) {
    let officers = crate::support::officer_lines(cohort);
    let needs = fw
        .training_needs(cohort, &NeedsOptions::default())
        .expect("same framework");
    (officers, format!("{:?}", needs.rows))
}

type Outcome = Result<(Vec<String>, String), Vec<Error>>;

fn build(
    fw: &Framework,
    officers: &[OfficerSpec],
    policy: &LevelPolicy,
    threads: usize,
) -> Outcome {
    let built = if threads == 1 {
        Cohort::new(fw, officers, policy)
    } else {
        Cohort::with_threads(fw, officers, policy, threads)
    };
    built
        .map(|cohort| describe(fw, &cohort))
        .map_err(|e| e.as_slice().to_vec())
}

#[test]
fn officers_resolved_on_several_threads_give_the_cohort_of_one_thread() {
    let fw = hr_framework();
    let policies = [
        LevelPolicy::default(),
        LevelPolicy::default()
            .self_declared(true)
            .verified_only(true),
    ];
    for (seed, n) in [(1, 9_000), (2, 4_097), (3, 1)] {
        let officers = officers(seed, n, false);
        for policy in &policies {
            let one = build(&fw, &officers, policy, 1);
            match &one {
                Ok(cohort) => assert_eq!(cohort.0.len(), n),
                Err(errors) => panic!(
                    "seed {seed}: {} errors, first {:?}",
                    errors.len(),
                    errors[0]
                ),
            }
            for threads in [0, 2, 3, usize::MAX] {
                assert!(
                    build(&fw, &officers, policy, threads) == one,
                    "seed {seed}, {threads} threads"
                );
            }
        }
    }
    // An iterator of owned officers, streamed as `Cohort::new` takes them.
    let officers = officers(4, 5_000, false);
    let streamed = Cohort::with_threads(&fw, officers.clone(), &LevelPolicy::default(), 2)
        .map(|c| describe(&fw, &c))
        .map_err(|e| e.as_slice().to_vec());
    assert!(streamed == build(&fw, &officers, &LevelPolicy::default(), 1));
}

#[test]
fn officers_with_problems_give_the_errors_of_one_thread_in_order() {
    let fw = hr_framework();
    for seed in [5, 6, 7] {
        let officers = officers(seed, 9_000, true);
        let one = build(&fw, &officers, &LevelPolicy::default(), 1);
        let errors = one.as_ref().expect_err("faulty officers");
        // Every kind of problem is there, and unknown competencies with a nearest id.
        let text = format!("{errors:?}");
        for kind in [
            "UnknownCompetency",
            "UnknownReference",
            "EmptyId",
            "DuplicateId",
            "InvalidDate",
            "LevelAboveScale",
            "CourseDoesNotBuild",
            "Some(\"integrity\")",
        ] {
            assert!(text.contains(kind), "seed {seed}: no {kind}");
        }
        for threads in [2, 3, usize::MAX] {
            let many = build(&fw, &officers, &LevelPolicy::default(), threads);
            assert!(many == one, "seed {seed}, {threads} threads");
        }
    }
}

/// What a document gives on `threads` threads (1: `Cohort::from_json`).
fn read(fw: &Framework, json: &str, threads: usize) -> Outcome {
    let policy = LevelPolicy::default();
    let read = if threads == 1 {
        Cohort::from_json(fw, json, &policy)
    } else {
        Cohort::from_json_with_threads(fw, json, &policy, threads)
    };
    read.map(|cohort| describe(fw, &cohort))
        .map_err(|e| e.as_slice().to_vec())
}

/// Where the `n`th officer's `department` field starts in the pretty-printed `doc`.
fn officer_at(doc: &str, n: usize) -> usize {
    doc.match_indices(r#""department": "#)
        .nth(n)
        .expect("officer")
        .0
}

/// `doc` with the `level` of the first passbook entry after the `n`th officer's
/// department replaced by `with`.
fn with_level(doc: &str, n: usize, with: &str) -> String {
    let officer = officer_at(doc, n);
    let at = officer + doc[officer..].find(r#""level": "#).expect("an entry") + 9;
    let end = at + doc[at..].find(',').expect("more fields");
    format!("{}{with}{}", &doc[..at], &doc[end..])
}

#[test]
fn documents_read_on_several_threads_give_what_one_thread_gives() {
    let fw = hr_framework();
    // More officers than two batches (5,120 officers each on 2 threads, 4,096 on more).
    for (seed, faulty) in [(8, false), (9, true)] {
        let doc = OfficersSpec {
            format_version: 2,
            officers: officers(seed, 10_500, faulty),
        }
        .to_json();
        let version = doc
            .find(r#""format_version": 2,"#)
            .expect("the version first");
        let version_last = format!(
            "{{{}, \"format_version\": 2}}",
            doc[version + 20..doc.rfind('}').expect("an object")].trim_end()
        );
        let unknown = officer_at(&doc, 10_400);
        let cases = [
            version_last.clone(),
            version_last.replace("\"format_version\": 2}", "\"format_version\": 3}"),
            // Wrong types in the calling thread's share of the second batch on 2 threads,
            // and in a piece the others read; an unknown field, a document cut short.
            with_level(&doc, 5_300, r#""x""#),
            with_level(&doc, 7_000, "-1"),
            format!("{}\"grade\": 1, {}", &doc[..unknown], &doc[unknown..]),
            doc[..doc.len() * 9 / 10].to_owned(),
            doc,
        ];
        for (i, json) in cases.iter().enumerate() {
            // Faulty officers: their errors, the version anywhere.
            if faulty && i != 0 && i != 6 {
                continue;
            }
            let one = read(&fw, json, 1);
            assert_eq!(
                one.is_ok(),
                (i == 0 || i == 6) && !faulty,
                "seed {seed}, case {i}"
            );
            for threads in [2, usize::MAX] {
                assert!(
                    read(&fw, json, threads) == one,
                    "seed {seed}, case {i}, {threads} threads"
                );
            }
        }
    }
}
