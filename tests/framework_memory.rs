//! Framework construction stays linear in the spec's size when roles share activities.
//!
//! The case: 65 positions × 65 roles × 65 activities × 65 competencies, each entity
//! referring to every entity of the level below (a 0.2 MB document). Every position then
//! requires every competency through 65 × 65 = 4,225 role → activity paths, 17.9 million
//! paths in all; a framework that stored them would need gigabytes. This binary counts
//! every heap byte with a counting global allocator (its own process, one test, so nothing
//! else allocates meanwhile) and caps the heap, so a regression fails here instead of
//! exhausting the machine.

#[path = "../examples/support/dense.rs"]
mod dense;

use std::alloc::System;
use std::time::Instant;

use cap::Cap;
use karmayogi::{Framework, GapOptions, LevelPolicy, OfficerSpec, Profile};

#[global_allocator]
static HEAP: Cap<System> = Cap::new(System, usize::MAX);

#[test]
fn sixty_five_to_the_fourth_builds_in_linear_memory() {
    let n = 65;
    let json = dense::dense_framework(n);
    let before = HEAP.allocated();
    // A safety net: a framework storing every path would pass this long before 2 GB.
    HEAP.set_limit(before + (512 << 20))
        .expect("the limit is above what is allocated");
    let start = Instant::now();
    let fw = Framework::from_json(&json).expect("a valid framework");
    let took = start.elapsed();
    let peak = HEAP.max_allocated() - before;
    let kept = HEAP.allocated() - before;
    println!(
        "{} bytes of JSON: peak heap {peak} bytes during construction ({:.1}× the document), \
         {kept} kept ({:.1}×), {took:.2?}",
        json.len(),
        peak as f64 / json.len() as f64,
        kept as f64 / json.len() as f64
    );
    // Linear in the document: a few bytes of heap per byte of JSON (ids become strings,
    // hash maps and index arrays; 5.6 when this was written). The 17.9 million paths
    // would take over 1,000 bytes per byte of JSON even at 12 bytes each.
    assert!(
        peak <= 12 * json.len(),
        "peak heap {peak} bytes for {} bytes of JSON",
        json.len()
    );

    // Requirements are exact: each competency at the highest level over all paths, and
    // every path is still there, in order.
    for (p, position) in fw.positions().iter().enumerate().step_by(16) {
        let reqs = fw
            .requirements(position.id.as_str())
            .expect("a known position");
        assert_eq!(reqs.len(), n, "position {p}");
        for r in reqs.iter().step_by(8) {
            let c: usize = r.competency.as_str()[1..].parse().expect("c<number>");
            // Role r{c} requires c{c} directly at 5, so every competency is required at 5.
            assert_eq!(r.level.get(), 5);
            let paths = r.provenance.to_vec();
            assert_eq!(
                paths.len(),
                n * n + 1,
                "{} of {}",
                r.competency,
                position.id
            );
            assert!(paths.windows(2).all(|w| w[0] < w[1]), "sorted, no repeats");
            let direct: Vec<_> = paths.iter().filter(|x| x.activity.is_none()).collect();
            assert_eq!(direct.len(), 1);
            assert_eq!(direct[0].role.as_str(), format!("r{c}"));
            assert!(
                paths
                    .iter()
                    .filter_map(|x| Some((x.activity?, x.level.get())))
                    .all(|(a, level)| {
                        let a: usize = a.as_str()[1..].parse().expect("a<number>");
                        usize::from(level) == 1 + (a + c) % 4
                    })
            );
        }
    }

    // A gap report borrows its provenance: its memory does not grow with the paths.
    let officer: OfficerSpec =
        serde_json::from_str(r#"{"id":"o","department":"d","position":"p0","passbook":[]}"#)
            .expect("an officer");
    let profile = Profile::new(&fw, &officer, &LevelPolicy::default()).expect("a valid officer");
    let before_report = HEAP.allocated();
    let report = fw
        .gap(&profile, &GapOptions::default())
        .expect("same framework");
    assert_eq!(report.gaps.len(), n);
    assert!(
        HEAP.allocated() - before_report < 64 * 1024,
        "{} bytes for a report of {n} gaps",
        HEAP.allocated() - before_report
    );
}
