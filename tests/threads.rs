//! `threads(n)` never starts more threads than the machine offers, whatever `n` says.
//!
//! The library exposes no thread counter, so this watches from outside: a sampler thread
//! counts the process's threads in `/proc/self/task` (Linux) while `training_needs`,
//! `department_plan` and `compare` run with `threads(usize::MAX)` over 40,000 officers, and
//! `Cohort::from_json_with_threads` reads 12,000 of them. One
//! thread per officer, as an uncapped split would start, shows up as hundreds of concurrent threads;
//! the work runs in rayon's global pool, which has `available_parallelism` threads (this
//! test sets no `RAYON_NUM_THREADS`), while the calling thread waits. Sampling can miss a
//! short-lived thread, so this test can only catch too many threads, never prove there are
//! few; the number of parts is asserted by the unit tests of the splitting code
//! (`no_more_threads_than_the_machine_offers`). Results must equal those on one thread.

#[path = "suite/support.rs"]
mod support;

use std::fmt::Debug;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use karmayogi::{
    AcbpOptions, Cohort, CompareOptions, Framework, LevelPolicy, NeedsOptions, OfficerSpec,
    OfficersSpec,
};

const FRAMEWORK: &str = include_str!("../examples/data/head_post_office.json");

/// Threads of this process now, or `None` where `/proc` is not there.
fn threads_now() -> Option<usize> {
    std::fs::read_dir("/proc/self/task")
        .ok()
        .map(Iterator::count)
}

/// Runs `work` while another thread samples the thread count; returns the result and the
/// highest count seen (0 without `/proc`).
fn watch<T>(work: impl FnOnce() -> T) -> (T, usize) {
    let done = AtomicBool::new(false);
    let most = AtomicUsize::new(0);
    let out = std::thread::scope(|scope| {
        scope.spawn(|| {
            while !done.load(Ordering::Relaxed) {
                if let Some(n) = threads_now() {
                    most.fetch_max(n, Ordering::Relaxed);
                }
            }
        });
        let out = work();
        done.store(true, Ordering::Relaxed);
        out
    });
    (out, most.load(Ordering::Relaxed))
}

fn officers(fw: &Framework, n: usize) -> Vec<OfficerSpec> {
    let positions = fw.positions();
    let competencies = fw.competencies();
    (0..n)
        .map(|i| {
            let p = &positions[i % positions.len()];
            let passbook = (0..3)
                .map(|k| {
                    let c = &competencies[(i * 7 + k * 3) % competencies.len()];
                    support::assessed(c.id.as_str(), ((i + k) % 4) as u8, "2024-01-31")
                })
                .collect();
            support::officer(
                &format!("officer-{i:06}"),
                p.department.as_str(),
                p.id.as_str(),
                passbook,
            )
        })
        .collect()
}

/// Runs `run` with one thread and with `usize::MAX` threads: the results must be equal, and
/// with `allowed` (where `/proc` is there) no more threads than that may be seen meanwhile.
#[track_caller]
fn same_result_within_the_threads<T: PartialEq + Debug>(
    what: &str,
    allowed: Option<usize>,
    run: impl Fn(usize) -> T,
) {
    let one = run(1);
    let (many, most) = watch(|| run(usize::MAX));
    assert_eq!(one, many);
    if let Some(allowed) = allowed {
        assert!(
            most <= allowed,
            "{what}: {most} threads seen, at most {allowed} allowed"
        );
    }
}

#[test]
fn unbounded_thread_requests_start_at_most_the_available_parallelism() {
    let fw = Framework::from_json(FRAMEWORK).expect("the example framework");
    let cohort =
        Cohort::new(&fw, officers(&fw, 40_000), &LevelPolicy::default()).expect("valid officers");
    let available = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    // The threads before (this one and the harness's), the sampler, and the pool's.
    let allowed = threads_now().map(|before| before + 1 + available);

    same_result_within_the_threads("training_needs", allowed, |threads| {
        fw.training_needs(&cohort, &NeedsOptions::default().threads(threads))
            .expect("same framework")
    });
    let options = AcbpOptions::default()
        .budget(5_000.0)
        .expect("a valid budget");
    same_result_within_the_threads("department_plan", allowed, |threads| {
        fw.department_plan(&cohort, &options.clone().threads(threads))
            .expect("same framework")
    });

    // An officers document read on the threads (more officers than two batches).
    let document = OfficersSpec {
        format_version: 2,
        officers: officers(&fw, 12_000),
    }
    .to_json();
    same_result_within_the_threads("from_json_with_threads", allowed, |threads| {
        let read = Cohort::from_json_with_threads(&fw, &document, &LevelPolicy::default(), threads);
        format!("{:?}", read.expect("valid officers"))
    });

    let by_department = |threads| {
        fw.training_needs_by_department(&cohort, &NeedsOptions::default().threads(threads))
            .expect("same framework")
    };
    assert_eq!(by_department(1), by_department(usize::MAX));

    // A later snapshot: every officer raised one level in one competency, a tenth gone,
    // and the rest stored in reverse order, so the officers are matched by a merge.
    let mut later = officers(&fw, 40_000);
    for (i, o) in later.iter_mut().enumerate() {
        if let Some(e) = o.passbook.get_mut(i % 3) {
            e.level = (e.level + 1).min(5);
        }
    }
    later.retain(|o| !o.id.as_str().ends_with('7'));
    later.reverse();
    let later = Cohort::new(&fw, later, &LevelPolicy::default()).expect("valid officers");
    same_result_within_the_threads("compare", allowed, |threads| {
        fw.compare(&cohort, &later, &CompareOptions::default().threads(threads))
            .expect("same framework")
    });
}
