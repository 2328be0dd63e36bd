//! A department on a long prerequisite chain: memory grows with the officers' enrolments,
//! not by a copy of the chain's problem per officer.
//!
//! This binary counts every heap byte with a counting global allocator (its own process,
//! one test, so nothing else allocates meanwhile): a peak measured as resident memory would
//! read too low after other tests freed memory the allocator keeps and reuses.

// Values here are whole numbers, so sums of them are exact and compared exactly.
#![allow(clippy::float_cmp)]

#[path = "suite/support.rs"]
mod support;

// The chains `bench_department_chain` times.
#[path = "../examples/support/chain.rs"]
mod chain;
use chain::{Shape, chain};

use std::alloc::System;
use std::time::{Duration, Instant};

use cap::Cap;
use karmayogi::{AcbpOptions, Cohort, LevelPolicy, OfficerSpec};

#[global_allocator]
static HEAP: Cap<System> = Cap::new(System, usize::MAX);

/// Runs `f`, returning its result, the time it took and the most heap it held above what
/// was allocated before. The process's greatest heap so far is the measure, so a run must
/// hold more than every earlier one (runs here grow with the officers).
fn measured<T>(f: impl FnOnce() -> T) -> (T, Duration, usize) {
    let before = HEAP.allocated();
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    (out, took, HEAP.max_allocated().saturating_sub(before))
}

/// A department on a prerequisite chain of 5,000 one-hour courses, the last closing the
/// only gap, with 1, 20 and 200 newcomers in the same post: every officer takes the whole
/// chain, so the plan itself lists officers × 5,000 courses. Officers with the same post,
/// passbook and completed courses share one problem, so memory grows with the officers'
/// enrolments (a few bytes per enrolled course), not by a copy of the chain's problem per
/// officer (before: 63 bytes per officer and course, about three times more). Bounds: each
/// officer beyond the first adds under 40 bytes of heap per course, and ten times the
/// officers take at most fifteen times the memory (time: see BENCHMARKS.md).
#[test]
fn a_department_on_a_long_chain_stays_near_linear() {
    let n = 5_000;
    let fw = chain(n, Shape::Last);
    let mut peaks = Vec::new();
    for officers in [1usize, 20, 200] {
        let specs: Vec<OfficerSpec> = (0..officers)
            .map(|i| support::officer(&format!("o{i:05}"), "d", "p", Vec::new()))
            .collect();
        let cohort = Cohort::new(&fw, &specs, &LevelPolicy::default()).expect("valid officers");
        let (plan, took, peak) = measured(|| fw.department_plan(&cohort, &AcbpOptions::default()));
        let plan = plan.expect("a plan");
        // What each officer beyond the first adds, per course of the chain.
        let per = peaks
            .first()
            .map_or(0, |first| peak.saturating_sub(*first) / (officers - 1) / n);
        eprintln!(
            "{officers} officers on a {n}-course chain: {took:?}, {} KB of heap, {per} bytes per further officer and course",
            peak / 1024
        );
        assert_eq!(plan.enrolments.len(), officers);
        assert!(plan.enrolments.iter().all(|e| e.courses.len() == n));
        assert_eq!(plan.value_closed, plan.value_total);
        if officers > 1 {
            assert!(
                per < 40,
                "{officers} officers: {per} bytes per further officer and course"
            );
        }
        peaks.push(peak);
    }
    assert!(
        peaks[2] < 15 * peaks[1],
        "20 officers {} KB, 200 officers {} KB",
        peaks[1] / 1024,
        peaks[2] / 1024
    );
}
