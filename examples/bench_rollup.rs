//! Benchmarks the roll-up to competency groups against the heatmap it extends, on the real
//! ESCO framework with its whole skill hierarchy (2,960 groups, several parents per skill)
//! and **synthetic** officers (see `examples/support/synth.rs`: no real officer data).
//!
//! ```text
//! cargo run --release --example bench_rollup -- [OFFICERS] [--seed N] [--compare-only]
//! ```
//!
//! Times, in one run and on the same cohort (default 1,000,000 officers), with 1 and 2
//! threads: `Framework::training_needs` (the heatmap per competency) and
//! `Framework::training_needs_by_group` (the same officers rolled up to every group), and
//! prints their ratio; then `Framework::compare` (1 and 2 threads) and
//! `Framework::compare_by_group` on two snapshots (the second with some levels raised), with
//! a fingerprint of each whole evaluation (`--compare-only`: `Framework::compare` alone,
//! for instruction counts). Timings are noisy on a shared machine:
//! the ratio, measured in one run, is the figure to read, with the load average printed
//! beside it.

#[path = "support/out.rs"]
mod out;
#[path = "support/synth.rs"]
mod synth;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use karmayogi::{
    Cohort, CompareOptions, EscoCsv, EscoOptions, Framework, LevelPolicy, NeedsOptions,
    RollupOptions, load_esco,
};

use crate::synth::{Synth, SynthOptions};

const USAGE: &str = "usage: bench_rollup [OFFICERS] [--seed N] [--compare-only]   (OFFICERS > 0)";

/// Timed runs of each aggregation (after one untimed run).
const RUNS: usize = 5;

fn main() -> ExitCode {
    out::finish(|out| {
        let mut officers = 1_000_000u64;
        let mut seed = None;
        let mut compare_only = false;
        let mut args = std::env::args().skip(1);
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--seed" => {
                    let v = args
                        .next()
                        .ok_or(format!("--seed needs a value; {USAGE}"))?;
                    seed = Some(
                        v.parse::<u64>()
                            .map_err(|_| format!("--seed: `{v}`; {USAGE}"))?,
                    );
                }
                "--compare-only" => compare_only = true,
                "-h" | "--help" => return Ok(writeln!(out, "{USAGE}")?),
                n => {
                    officers = n
                        .replace(['_', ','], "")
                        .parse::<u64>()
                        .ok()
                        .filter(|&n| n > 0 && u32::try_from(n).is_ok())
                        .ok_or(format!(
                            "OFFICERS: expected a whole number above 0, found `{n}`; {USAGE}"
                        ))?;
                }
            }
        }
        run(out, officers, seed, compare_only)
    })
}

fn run(out: &mut dyn Write, officers: u64, seed: Option<u64>, compare_only: bool) -> out::Outcome {
    writeln!(out, "karmayogi roll-up benchmark (release build expected)")?;
    writeln!(out, "load average before: {}", load_average())?;
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/esco");
    let read = |name: &str| {
        std::fs::read_to_string(dir.join(name))
            .map_err(|e| format!("cannot read data/esco/{name}: {e}"))
    };
    let (occupations, skills, links, broader, groups) = (
        read("occupations.csv")?,
        read("skills.csv")?,
        read("occupation_skills.csv")?,
        read("skill_broader.csv")?,
        read("skill_groups.csv")?,
    );
    let csv = EscoCsv::new(&occupations, &skills, &links).hierarchy(&broader, &groups);
    let spec = load_esco(&csv, &EscoOptions::default()).map_err(|e| e.to_string())?;
    let framework = Framework::new(spec).map_err(|e| e.to_string())?;
    writeln!(
        out,
        "framework: real ESCO v1.1.1, {} competencies, {} positions, {} groups",
        framework.competencies().len(),
        framework.positions().len(),
        framework.groups().len()
    )?;
    let mut options = SynthOptions::default();
    if let Some(seed) = seed {
        options = options.seed(seed);
    }
    let synth = Synth::new(&framework, &options);
    let start = Instant::now();
    let cohort = Cohort::new(
        &framework,
        synth.officers(0..officers),
        &LevelPolicy::default(),
    )
    .map_err(|e| e.to_string())?;
    writeln!(
        out,
        "officers: {officers} SYNTHETIC (examples/support/synth.rs), cohort built in {:.2} s",
        start.elapsed().as_secs_f64()
    )?;

    for threads in [1, 2].into_iter().filter(|_| !compare_only) {
        let heatmap = time(|| {
            framework
                .training_needs(&cohort, &NeedsOptions::default().threads(threads))
                .map(|n| n.pairs)
        })?;
        let rollup = time(|| {
            framework
                .training_needs_by_group(&cohort, &RollupOptions::default().threads(threads))
                .map(|n| n.rows.len() as u64)
        })?;
        writeln!(
            out,
            "{threads} thread{}: training_needs min {}, training_needs_by_group min {} \
             ({} groups); ratio {:.2}",
            if threads == 1 { "" } else { "s" },
            ms(heatmap.0),
            ms(rollup.0),
            rollup.1,
            rollup.0.as_secs_f64() / heatmap.0.as_secs_f64()
        )?;
    }

    compare_snapshots(out, &framework, &synth, &cohort, officers, compare_only)?;
    writeln!(out, "load average after: {}", load_average())?;
    Ok(())
}

/// Times `Framework::compare` and `Framework::compare_by_group` of `cohort` against a
/// second snapshot: every third officer one level higher in one competency; once stored in
/// the same order as the first, once in reverse id order (snapshots exported by different
/// systems rarely agree on order). Prints a fingerprint of each whole evaluation (its
/// `Debug` text), the same for both orders. With `compare_only`, `compare_by_group` is left
/// out.
fn compare_snapshots(
    out: &mut dyn Write,
    framework: &Framework,
    synth: &Synth,
    cohort: &Cohort,
    officers: u64,
    compare_only: bool,
) -> out::Outcome {
    // A second snapshot: every third officer one level higher in one competency; once
    // stored in the same order as the first, once in reverse id order (snapshots exported
    // by different systems rarely agree on order).
    let raised = |i: u64| {
        let mut o = synth.officer(i);
        if i.is_multiple_of(3)
            && let Some(e) = o.passbook.first_mut()
        {
            e.level = (e.level + 1).min(5);
        }
        o
    };
    let later = Cohort::new(
        framework,
        (0..officers).map(raised),
        &LevelPolicy::default(),
    )
    .map_err(|e| e.to_string())?;
    let reversed = Cohort::new(
        framework,
        (0..officers).rev().map(raised),
        &LevelPolicy::default(),
    )
    .map_err(|e| e.to_string())?;
    let compare = |later: &Cohort, threads: usize| {
        time(|| {
            framework
                .compare(cohort, later, &CompareOptions::default().threads(threads))
                .map(|e| e.overall.closed)
        })
    };
    let plain = compare(&later, 1)?;
    let crossed = compare(&reversed, 1)?;
    let plain_2 = compare(&later, 2)?;
    let crossed_2 = compare(&reversed, 2)?;
    for (what, closed) in [
        ("the reversed snapshot", crossed.1),
        ("the same one on 2 threads", plain_2.1),
        ("the reversed one on 2 threads", crossed_2.1),
    ] {
        if closed != plain.1 {
            return Err(format!(
                "compare found {closed} closed gaps against {what}, {} against the same one",
                plain.1
            )
            .into());
        }
    }
    let fingerprint = |later: &Cohort| -> Result<u64, karmayogi::Error> {
        let evaluation = framework.compare(cohort, later, &CompareOptions::default())?;
        Ok(fnv1a(format!("{evaluation:?}").as_bytes()))
    };
    writeln!(
        out,
        "compare min {} on 1 thread, {} on 2 (second snapshot in reverse order: {} / {}); \
         evaluation fingerprint {:016x} (reverse order: {:016x})",
        ms(plain.0),
        ms(plain_2.0),
        ms(crossed.0),
        ms(crossed_2.0),
        fingerprint(&later)?,
        fingerprint(&reversed)?,
    )?;
    if compare_only {
        return Ok(());
    }
    let grouped = time(|| {
        framework
            .compare_by_group(cohort, &later, &RollupOptions::default())
            .map(|e| e.groups.len() as u64)
    })?;
    writeln!(
        out,
        "compare_by_group min {}; ratio to compare on 1 thread {:.2}",
        ms(grouped.0),
        grouped.0.as_secs_f64() / plain.0.as_secs_f64()
    )?;
    Ok(())
}

/// The fastest of [`RUNS`] timed runs (after an untimed one) and the run's value.
fn time(
    mut f: impl FnMut() -> Result<u64, karmayogi::Error>,
) -> Result<(Duration, u64), Box<dyn std::error::Error>> {
    let mut value = f()?;
    let mut best = Duration::MAX;
    for _ in 0..RUNS {
        let start = Instant::now();
        value = f()?;
        best = best.min(start.elapsed());
    }
    Ok((best, value))
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

/// FNV-1a, a stable fingerprint of a result's text.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The 1, 5 and 15 minute load averages, or a note where the system does not say.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg").map_or_else(
        |_| "not available".to_owned(),
        |s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "),
    )
}
