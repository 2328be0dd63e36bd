//! Framework construction on dense documents where every entity refers to every entity of
//! the level below (`examples/support/dense.rs`): `n` positions × `n` roles × `n` activities
//! × `n` competencies, so `n⁴` role → activity paths from about `3n²` references.
//!
//! Run with `cargo run --release --example bench_framework [N ...]` (default 65 100 150
//! 200). For each `n` it prints the document's size, the time `Framework::from_json` takes
//! (best of 3), the peak heap during the first construction and the heap the framework keeps, counted
//! by a counting global allocator, and the time to iterate every path of one position's
//! requirements.

#[path = "support/args.rs"]
mod args;
#[path = "support/dense.rs"]
mod dense;
#[path = "support/out.rs"]
mod out;

use std::alloc::System;
use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

use cap::Cap;
use karmayogi::Framework;

#[global_allocator]
static HEAP: Cap<System> = Cap::new(System, usize::MAX);

const USAGE: args::Usage = args::Usage {
    text: "bench_framework [N ...]",
    flags: &[],
    options: &[],
    positional: usize::MAX,
};

fn main() -> ExitCode {
    out::finish(run)
}

fn run(out: &mut dyn Write) -> out::Outcome {
    let Some(args) = USAGE.read(out)? else {
        return Ok(());
    };
    let sizes = USAGE.sizes(&args, "N", &[65, 100, 150, 200])?;
    writeln!(
        out,
        "    n |  JSON (KB) |        paths | build (ms) | peak heap (MB) | kept (MB) | paths of one post (ms)"
    )?;
    for n in sizes {
        let json = dense::dense_framework(n);
        let mut best = f64::INFINITY;
        let (mut peak, mut kept) = (0, 0);
        let mut framework = None;
        for run in 0..3 {
            drop(framework.take());
            let before = HEAP.allocated();
            let start = Instant::now();
            let fw = Framework::from_json(&json)?;
            best = best.min(start.elapsed().as_secs_f64() * 1e3);
            if run == 0 {
                // The allocator keeps one high-water mark for the whole run; sizes run in
                // increasing order, so the mark after the first build of this size is (at
                // most) this build's peak.
                peak = HEAP.max_allocated() - before;
                kept = HEAP.allocated() - before;
            }
            framework = Some(fw);
        }
        let Some(fw) = framework else {
            return Err("no framework was built".into());
        };
        let start = Instant::now();
        let paths: usize = fw.requirements("p0").map_or(0, |reqs| {
            reqs.iter().map(|r| r.provenance.iter().count()).sum()
        });
        let walk = start.elapsed().as_secs_f64() * 1e3;
        assert_eq!(paths, n * (n * n + 1));
        writeln!(
            out,
            "{n:>5} | {:>10.1} | {:>12} | {best:>10.1} | {:>14.1} | {:>9.1} | {walk:>10.1} ({paths} paths)",
            json.len() as f64 / 1024.0,
            n.pow(4) + n * n,
            peak as f64 / f64::from(1 << 20),
            kept as f64 / f64::from(1 << 20),
        )?;
    }
    Ok(())
}
