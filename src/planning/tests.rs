//! Tests across the planning layer and the analyses below it.

use std::cell::Cell;

use crate::planning::cover::WALKED;
use crate::{
    AcbpOptions, Cohort, Framework, LevelPolicy, NeedsOptions, OfficersSpec, RollupOptions,
};

// The chains `bench_department_chain` times (it reads `karmayogi::`, which the crate root
// names this crate in its tests).
#[path = "../../examples/support/chain.rs"]
mod chain;
use chain::{Shape, chain, department_modes, newcomers};

/// Every analysis that takes `threads(n)` gives byte-identical output for any `n`, with
/// or without the `parallel` feature (`.ci/run` runs the unit tests both ways).
#[test]
fn results_are_identical_for_any_thread_count() {
    let example = |name: &str| {
        let path = format!("{}/examples/data/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(path).expect("the example data")
    };
    let fw = Framework::from_json(&example("head_post_office.json")).expect("valid");
    let officers =
        OfficersSpec::from_json(&example("head_post_office_officers.json")).expect("valid");
    // The example's officers, many times over, so every split has work in each part.
    let many: Vec<_> = (0..40)
        .flat_map(|k| {
            officers.officers.iter().map(move |o| {
                let mut o = o.clone();
                o.id = format!("{}-{k}", o.id).into();
                o
            })
        })
        .collect();
    let cohort = Cohort::new(&fw, &many, &LevelPolicy::default()).expect("valid officers");
    let run = |threads: usize| {
        let needs = fw
            .training_needs(&cohort, &NeedsOptions::default().threads(threads))
            .expect("same framework");
        let by_department = fw
            .training_needs_by_department(&cohort, &NeedsOptions::default().threads(threads))
            .expect("same framework");
        let by_group = fw
            .training_needs_by_group(&cohort, &RollupOptions::default().threads(threads))
            .expect("same framework");
        let plan = fw
            .department_plan(&cohort, &AcbpOptions::default().threads(threads))
            .expect("same framework");
        format!("{needs:?}\n{by_department:?}\n{by_group:?}\n{plan:?}")
    };
    let one = run(1);
    for threads in [0, 2, 3, 8, usize::MAX] {
        assert!(
            run(threads) == one,
            "threads({threads}) differs from threads(1)"
        );
    }
}

/// `f` on one thread, and the candidates `State::marginal_if` walked meanwhile.
fn walked_by<R: Send>(f: impl FnOnce() -> R + Send) -> (R, u64) {
    let run = || {
        let before = WALKED.with(Cell::get);
        let out = f();
        (out, WALKED.with(Cell::get) - before)
    };
    // In a pool of one thread, every walk is counted where it is read.
    #[cfg(all(feature = "parallel", not(target_family = "wasm")))]
    {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .expect("a pool of one thread");
        pool.install(run)
    }
    #[cfg(not(all(feature = "parallel", not(target_family = "wasm"))))]
    run()
}

/// A department of 10 newcomers, 5 seats in every course, on a chain whose courses all
/// close the same gap (or the top fifth of it), with a 500-hour cap, a 3,000-hour budget or
/// the exact solver too (the modes of `bench_department_chain`): four times the chain walks
/// at most about four times the candidates. Each scan of an officer's steps, the exact
/// search's order of decisions and each of its nodes walked every course's closure (each
/// closer of a gap another course closes too was left to a walk), n²/2 candidates a scan:
/// sixteen times the candidates for four times the chain.
#[test]
fn a_department_on_a_chain_closing_one_gap_walks_linearly() {
    let specs = newcomers(10);
    let modes = department_modes();
    for top_fifth in [false, true] {
        let walked = |n: usize, options: &AcbpOptions| {
            let fw = chain(n, if top_fifth { Shape::Top } else { Shape::Same });
            let cohort = Cohort::new(&fw, &specs, &LevelPolicy::default()).expect("valid");
            let (plan, walked) = walked_by(|| fw.department_plan(&cohort, options));
            assert!(plan.is_ok(), "{plan:?}");
            walked
        };
        for (mode, options) in &modes {
            let (small, large) = (walked(1_000, options), walked(4_000, options));
            eprintln!("{mode}, top fifth: {top_fifth}: {small} -> {large} candidates walked");
            assert!(
                large <= 5 * small.max(1_000),
                "{mode}, top fifth: {top_fifth}: {small} -> {large} candidates walked"
            );
        }
    }
}
