//! Benchmarks department-scale training-needs aggregation on the real ESCO framework with
//! **synthetic** officers (see `examples/support/synth.rs`: no real officer data is used).
//!
//! ```text
//! cargo run --release --example bench_needs -- [OFFICERS] [--big OFFICERS] [--seed N] [--csv DIR]
//!     [--departments N] [--slices-only]
//! ```
//!
//! Measures, in order:
//! 1. loading ESCO and `Framework::new` (construction and validation) on it;
//! 2. `Framework::training_needs` over `OFFICERS` officers (default 1,000,000) with 1 and 2
//!    threads, in officer–requirement pairs per second, after `Cohort::new` alone on up to
//!    100,000 officers generated beforehand (officers per second, generating not counted);
//! 3. a cohort of `--big` officers (default 3 × `OFFICERS`; 0 skips it): build time,
//!    `Cohort::heap_bytes` per officer, peak resident memory (`VmHWM`) and aggregation time.
//!
//! `--departments N` spreads the synthetic officers over N MDOs instead of 120 (the
//! by-department timing of step 2 then returns up to N reports). `--slices-only` skips the
//! timings of `Cohort::new` alone and of the whole-cohort call on 1 and 2 threads: step 2
//! then makes one whole-cohort call for the summary and times the sliced queries.
//!
//! With `--csv DIR` it also writes the `OFFICERS` cohort as integer-coded CSV
//! (`requirements.csv`, `officers.csv`, `held.csv`) and the result (`needs.csv`) into `DIR`
//! (use a directory under `/tmp`, not the repository) for `benches/duckdb_needs.py`, and the
//! same officers as an HR export (`DIR/hr`: `officers.csv`, `evidence.csv` in the format
//! `Cohort::from_csv` reads, and `requirements.csv`) for `benches/needs_end_to_end.py`.
//!
//! Under each timing it prints how many CPUs other processes used meanwhile: on a shared
//! machine a timing is only trustworthy when that is near 0. Everything printed is
//! deterministic for a given seed except timings, memory and load figures.

#[path = "support/args.rs"]
mod args;
#[path = "support/esco.rs"]
mod esco;
#[path = "support/hr_export.rs"]
mod hr_export;
#[path = "support/out.rs"]
mod out;
#[path = "support/percent.rs"]
mod percent;
#[path = "support/synth.rs"]
mod synth;

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use karmayogi::{Cohort, Framework, LevelPolicy, NeedsOptions, TrainingNeeds};

use crate::synth::{Synth, SynthOptions};

const USAGE: args::Usage = args::Usage {
    text: "bench_needs [OFFICERS] [--big OFFICERS] [--seed N] [--csv DIR] [--departments N] \
           [--slices-only]",
    flags: &["--slices-only"],
    options: &["--big", "--seed", "--csv", "--departments"],
    positional: 1,
};

/// Runs of `Framework::new` timed.
const BUILD_RUNS: usize = 5;
/// Runs of each aggregation timed on the main cohort.
const NEEDS_RUNS: usize = 7;
/// Calls of `training_needs` timed on a 20-officer team.
const CALLS: u32 = 2_000;
/// Officers generated beforehand to time `Cohort::new` apart from generating them.
const BUILD_RATE_OFFICERS: u64 = 100_000;
/// Runs of `Cohort::new` timed on those officers.
const BUILD_RATE_RUNS: usize = 3;
/// Target of the issue for `Cohort::new`, officers per second.
const TARGET_BUILD_RATE: f64 = 2e6;
/// Runs of each aggregation timed on the big cohort.
const BIG_RUNS: usize = 3;
/// Target of the issue: 10 × the ~11 M pairs/s `DuckDB` reaches on this machine.
const TARGET_PAIRS_PER_SEC: f64 = 110e6;
/// Target for ESCO framework construction.
const TARGET_BUILD: Duration = Duration::from_millis(200);

/// Command-line settings.
struct Args {
    officers: u64,
    big: u64,
    seed: Option<u64>,
    csv: Option<PathBuf>,
    departments: Option<u32>,
    slices_only: bool,
}

fn parse_args() -> Result<Option<Args>, String> {
    let given = USAGE.parse_env()?;
    if given.help {
        return Ok(None);
    }
    let officers = match given.positional().first() {
        Some(n) => USAGE.count(n, "OFFICERS")?,
        None => 1_000_000,
    };
    let big = given
        .option("--big")
        .map(|b| USAGE.number(b, "--big"))
        .transpose()?;
    let seed = given
        .option("--seed")
        .map(|s| USAGE.number(s, "--seed"))
        .transpose()?;
    let csv = given.option("--csv").map(PathBuf::from);
    let departments = given
        .option("--departments")
        .map(|d| USAGE.count(d, "--departments"))
        .transpose()?
        .map(|d| u32::try_from(d).map_err(|_| USAGE.error("--departments: at most 4,294,967,295")))
        .transpose()?;
    if officers > u64::from(u32::MAX) || big.is_some_and(|b| b > u64::from(u32::MAX)) {
        return Err(USAGE.error("a cohort holds at most 4,294,967,295 officers"));
    }
    Ok(Some(Args {
        officers,
        big: big.unwrap_or(3 * officers),
        seed,
        csv,
        departments,
        slices_only: given.flag("--slices-only"),
    }))
}

fn main() -> ExitCode {
    out::finish(|out| match parse_args()? {
        Some(args) => run(out, &args),
        None => Ok(writeln!(out, "usage: {}", USAGE.text)?),
    })
}

fn run(out: &mut dyn Write, args: &Args) -> out::Outcome {
    writeln!(
        out,
        "karmayogi training-needs benchmark (release build expected)"
    )?;
    writeln!(
        out,
        "machine: {} CPUs available; load average before: {}",
        std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
        load_average()
    )?;
    let framework = build_framework(out)?;
    let mut options = SynthOptions::default();
    if let Some(seed) = args.seed {
        options = options.seed(seed);
    }
    if let Some(departments) = args.departments {
        options = options.departments(departments);
    }
    let synth = Synth::new(&framework, &options);
    writeln!(
        out,
        "officers: SYNTHETIC, generated by examples/support/synth.rs (seed {}, {} MDOs, \
         uniform over {} positions, ~30 passbook entries each)",
        args.seed
            .map_or_else(|| "default".to_owned(), |s| s.to_string()),
        synth.departments().len(),
        synth.positions()
    )?;

    writeln!(
        out,
        "\n[2] training needs over {} officers",
        grouped(args.officers)
    )?;
    let cohort = build_cohort(out, &framework, &synth, args.officers)?;
    let needs = main_needs(out, &framework, &cohort, &synth, args)?;
    print_summary(out, &needs)?;
    time_slices(out, &framework, &cohort, &synth)?;
    if let Some(dir) = &args.csv {
        export_csv(out, &framework, &cohort, &needs, dir)?;
        let start = Instant::now();
        hr_export::write(&framework, &synth, args.officers, &dir.join("hr"))?;
        writeln!(
            out,
            "  wrote the HR export (officers.csv, evidence.csv, requirements.csv) for \
             benches/needs_end_to_end.py to {} in {}; result fingerprint {}",
            dir.join("hr").display(),
            secs(start.elapsed()),
            hr_export::fingerprint(&needs)
        )?;
    }
    drop(needs);
    drop(cohort);

    if args.big > 0 {
        writeln!(
            out,
            "\n[3] memory and time at {} officers",
            grouped(args.big)
        )?;
        let before = memory();
        let cohort = build_cohort(out, &framework, &synth, args.big)?;
        let after = memory();
        time_needs(out, &framework, &cohort, BIG_RUNS, false)?;
        let after_needs = memory();
        if let (Some((_, rss_before)), Some((_, rss)), Some((hwm, _))) =
            (before, after, after_needs)
        {
            writeln!(
                out,
                "  resident before building the cohort: {}",
                mib(rss_before)
            )?;
            writeln!(out, "  resident with the cohort built:      {}", mib(rss))?;
            writeln!(out, "  peak resident (VmHWM, whole run):    {}", mib(hwm))?;
        } else {
            writeln!(
                out,
                "  resident memory: not available (no /proc/self/status)"
            )?;
        }
    }
    writeln!(
        out,
        "\nload average after: {} (other processes compete for the CPUs above 0)",
        load_average()
    )?;
    Ok(())
}

/// The whole-cohort report of step 2: timed on 1 and 2 threads after `Cohort::new` alone
/// and `Cohort::with_threads`, or one untimed call with `--slices-only`.
fn main_needs<'f>(
    out: &mut dyn Write,
    framework: &'f Framework,
    cohort: &Cohort,
    synth: &Synth,
    args: &Args,
) -> Result<TrainingNeeds<'f>, Box<dyn std::error::Error>> {
    if args.slices_only {
        return Ok(framework.training_needs(cohort, &NeedsOptions::default())?);
    }
    let (officers, built) = time_build(
        out,
        framework,
        synth,
        args.officers.min(BUILD_RATE_OFFICERS),
    )?;
    time_parts(out, framework, &officers, &built)?;
    drop((officers, built));
    time_needs(
        out,
        framework,
        cohort,
        NEEDS_RUNS,
        args.officers == 1_000_000,
    )
}

/// Loads ESCO, times `Framework::new` on it and prints what the framework holds.
fn build_framework(out: &mut dyn Write) -> Result<Framework, Box<dyn std::error::Error>> {
    writeln!(
        out,
        "\n[1] framework construction and validation: real ESCO v1.1.1 data"
    )?;
    let start = Instant::now();
    let spec = esco::Esco::load()?.framework_spec();
    writeln!(
        out,
        "  read CSV and map to a FrameworkSpec: {}",
        ms(start.elapsed())
    )?;
    let mut times = Vec::new();
    let mut framework = None;
    for _ in 0..BUILD_RUNS {
        let input = spec.clone();
        let start = Instant::now();
        let built = Framework::new(input).map_err(|e| format!("ESCO framework rejected: {e}"))?;
        times.push(start.elapsed());
        // Dropping a framework is not part of building one.
        framework = Some(built);
    }
    let framework = framework.ok_or("no framework built")?;
    let (min, median) = min_median(&mut times);
    let mut counts: Vec<usize> = framework
        .positions()
        .iter()
        .map(|p| framework.requirements(p.id.as_str()).map_or(0, |r| r.len()))
        .collect();
    counts.sort_unstable();
    writeln!(
        out,
        "  {} competencies, {} positions, {} requirements (median {} per position)",
        grouped(framework.competencies().len() as u64),
        grouped(framework.positions().len() as u64),
        grouped(counts.iter().sum::<usize>() as u64),
        counts.get(counts.len() / 2).copied().unwrap_or(0)
    )?;
    writeln!(
        out,
        "  Framework::new ({BUILD_RUNS} runs): min {}, median {}   target < {}: {}",
        ms(min),
        ms(median),
        ms(TARGET_BUILD),
        verdict(median < TARGET_BUILD)
    )?;
    Ok(framework)
}

/// Streams `n` synthetic officers into a cohort.
fn build_cohort(
    out: &mut dyn Write,
    framework: &Framework,
    synth: &Synth,
    n: u64,
) -> Result<Cohort, Box<dyn std::error::Error>> {
    let start = Instant::now();
    let cohort = Cohort::new(framework, synth.officers(0..n), &LevelPolicy::default())
        .map_err(|e| format!("synthetic officers rejected: {e}"))?;
    let took = start.elapsed();
    writeln!(
        out,
        "  Cohort::new, streamed: {} ({:.0} officers/s)",
        secs(took),
        n as f64 / took.as_secs_f64()
    )?;
    writeln!(
        out,
        "  Cohort::heap_bytes / officer: {:.1} bytes ({} in all)",
        cohort.heap_bytes() as f64 / cohort.len() as f64,
        mib(cohort.heap_bytes() as u64)
    )?;
    Ok(cohort)
}

/// Times `Cohort::new` alone on `n` officers generated beforehand (specs held in memory, so
/// generating them is not counted); returns the officers and the cohort.
fn time_build(
    out: &mut dyn Write,
    framework: &Framework,
    synth: &Synth,
    n: u64,
) -> Result<(Vec<karmayogi::OfficerSpec>, Cohort), Box<dyn std::error::Error>> {
    let officers: Vec<_> = synth.officers(0..n).collect();
    let policy = LevelPolicy::default();
    let mut times = Vec::new();
    let mut built = None;
    for _ in 0..BUILD_RATE_RUNS {
        let start = Instant::now();
        let cohort = Cohort::new(framework, &officers, &policy)
            .map_err(|e| format!("synthetic officers rejected: {e}"))?;
        times.push(start.elapsed());
        // Dropping a cohort is not part of building one.
        built = Some(cohort);
    }
    let cohort = built.ok_or("no cohort built")?;
    let bytes = cohort.heap_bytes();
    let (min, median) = min_median(&mut times);
    let rate = n as f64 / min.as_secs_f64();
    writeln!(
        out,
        "  Cohort::new alone, {} officers generated beforehand ({BUILD_RATE_RUNS} runs): min {}, \
         median {}; {:.2} M officers/s (median {:.2})   target >= 2 M/s: {}; {:.1} bytes/officer",
        grouped(n),
        ms(min),
        ms(median),
        rate / 1e6,
        n as f64 / median.as_secs_f64() / 1e6,
        verdict(rate >= TARGET_BUILD_RATE),
        bytes as f64 / n.max(1) as f64
    )?;
    Ok((officers, cohort))
}

/// Times `Cohort::with_threads` on 2 threads over `officers` and checks that it gives
/// `cohort`, officer by officer (apart from `time_build`, so that callgrind's
/// `--toggle-collect='*time_build*'` counts one thread's work only).
fn time_parts(
    out: &mut dyn Write,
    framework: &Framework,
    officers: &[karmayogi::OfficerSpec],
    cohort: &Cohort,
) -> out::Outcome {
    let policy = LevelPolicy::default();
    let mut times = Vec::new();
    let mut built = None;
    for _ in 0..BUILD_RATE_RUNS {
        let start = Instant::now();
        let parts = Cohort::with_threads(framework, officers, &policy, 2)
            .map_err(|e| format!("synthetic officers rejected: {e}"))?;
        times.push(start.elapsed());
        built = Some(parts);
    }
    let parts = built.ok_or("no cohort built")?;
    let same = parts.len() == cohort.len()
        && parts.heap_bytes() == cohort.heap_bytes()
        && (0..cohort.len()).all(|i| parts.profile(i) == cohort.profile(i));
    let (min, median) = min_median(&mut times);
    let n = officers.len() as f64;
    let rate = n / min.as_secs_f64();
    writeln!(
        out,
        "  Cohort::with_threads(2) alone ({BUILD_RATE_RUNS} runs): min {}, median {}; {:.2} M \
         officers/s (median {:.2})   target >= 2 M/s: {}; same officers as Cohort::new: {}",
        ms(min),
        ms(median),
        rate / 1e6,
        n / median.as_secs_f64() / 1e6,
        verdict(rate >= TARGET_BUILD_RATE),
        if same { "yes" } else { "NO" }
    )?;
    if !same {
        return Err("Cohort::with_threads(2) gave another cohort than Cohort::new".into());
    }
    Ok(())
}

/// Times `training_needs` with 1 and 2 threads, checks both agree, returns the result.
fn time_needs<'f>(
    out: &mut dyn Write,
    framework: &'f Framework,
    cohort: &Cohort,
    runs: usize,
    judge: bool,
) -> Result<TrainingNeeds<'f>, Box<dyn std::error::Error>> {
    let mut first: Option<TrainingNeeds<'f>> = None;
    for threads in [1, 2] {
        let options = NeedsOptions::default().threads(threads);
        let busy = OtherLoad::start();
        let mut times = Vec::new();
        let mut result = None;
        // One untimed run first, to fault in the cohort's pages.
        for run in 0..=runs {
            let start = Instant::now();
            let needs = framework
                .training_needs(cohort, &options)
                .map_err(|e| e.to_string())?;
            if run > 0 {
                times.push(start.elapsed());
            }
            result = Some(needs);
        }
        let needs = result.ok_or("no aggregation run")?;
        let (min, median) = min_median(&mut times);
        let rate = needs.pairs as f64 / min.as_secs_f64();
        // The target is stated for 1,000,000 officers; other sizes are only reported.
        let target = if judge {
            format!(
                "   target >= 110 M: {}",
                verdict(rate >= TARGET_PAIRS_PER_SEC)
            )
        } else {
            String::new()
        };
        writeln!(
            out,
            "  training_needs, {threads} thread{} ({runs} runs): min {}, median {}; \
             {:.1} M pairs/s (median {:.1}){target}",
            if threads == 1 { "" } else { "s" },
            ms(min),
            ms(median),
            rate / 1e6,
            needs.pairs as f64 / median.as_secs_f64() / 1e6,
        )?;
        writeln!(out, "    {}", busy.report())?;
        match &first {
            None => first = Some(needs),
            Some(f) if *f == needs => writeln!(out, "  same result with 1 and 2 threads: yes")?,
            Some(_) => return Err("1 and 2 threads gave different results".into()),
        }
    }
    first.ok_or_else(|| "no aggregation run".into())
}

/// Times the sliced queries against the whole-cohort call on one thread: every department
/// at once (`training_needs_by_department`), and a 20-officer team in a cohort of its own.
fn time_slices(
    out: &mut dyn Write,
    framework: &Framework,
    cohort: &Cohort,
    synth: &Synth,
) -> out::Outcome {
    let options = NeedsOptions::default();
    let busy = OtherLoad::start();
    let (mut whole, mut by_department) = (Vec::new(), Vec::new());
    let mut departments = None;
    for _ in 0..BIG_RUNS {
        let start = Instant::now();
        whole_cohort(framework, cohort, &options)?;
        whole.push(start.elapsed());
        let start = Instant::now();
        departments = Some(framework.training_needs_by_department(cohort, &options)?);
        by_department.push(start.elapsed());
    }
    let departments = departments.ok_or("no by-department run")?;
    let (whole, _) = min_median(&mut whole);
    let (split, _) = min_median(&mut by_department);
    // The memory floor of the reports: the report copied into fresh memory, in the same
    // pattern as the calls above (each copy made while the previous one is alive).
    let mut copies = Vec::new();
    let mut copy = None;
    for _ in 0..BIG_RUNS {
        let start = Instant::now();
        copy = Some(departments.clone());
        copies.push(start.elapsed());
    }
    drop(copy);
    let rows = departments.total_rows();
    let (floor, _) = min_median(&mut copies);
    let mut text = String::new();
    for needs in departments.iter() {
        text.push_str(needs.department().as_str());
        text.push_str(&fingerprint_rows(
            needs.officers(),
            needs.pairs(),
            needs.rows(),
        ));
    }
    writeln!(
        out,
        "  training_needs_by_department, 1 thread, {} departments ({BIG_RUNS} runs): min {}, \
         {:.2}x the whole-cohort call (min {})   target <= 1.5x: {}; fingerprint {:016x}",
        departments.len(),
        ms(split),
        split.as_secs_f64() / whole.as_secs_f64(),
        ms(whole),
        verdict(split.as_secs_f64() <= 1.5 * whole.as_secs_f64()),
        fnv1a(text.as_bytes())
    )?;
    writeln!(
        out,
        "    its {} rows ({} at {ROW_BYTES} bytes a row) copied into fresh memory: min {} \
         ({:.2}x the whole-cohort call)",
        grouped(rows as u64),
        mib((rows * ROW_BYTES) as u64),
        ms(floor),
        floor.as_secs_f64() / whole.as_secs_f64()
    )?;
    let team = Cohort::new(framework, synth.officers(0..20), &LevelPolicy::default())?;
    let start = Instant::now();
    let mut pairs = 0;
    for _ in 0..CALLS {
        pairs += framework.training_needs(&team, &options)?.pairs;
    }
    let each = start.elapsed() / CALLS;
    writeln!(
        out,
        "  training_needs, 20-officer team ({CALLS} calls, {} pairs each): {:.1} us per call   \
         target <= 50 us: {}",
        pairs / u64::from(CALLS),
        each.as_secs_f64() * 1e6,
        verdict(each <= Duration::from_micros(50))
    )?;
    writeln!(out, "    {}", busy.report())?;
    Ok(())
}

/// Bytes a row takes in [`karmayogi::NeedsByDepartment`]'s store, as its docs state.
const ROW_BYTES: usize = 28;

/// The whole-cohort call timed against `training_needs_by_department`, apart so that
/// callgrind's `--toggle-collect='*whole_cohort*'` counts these calls alone (not the team's
/// calls nor the summary's).
#[inline(never)]
fn whole_cohort<'f>(
    framework: &'f Framework,
    cohort: &Cohort,
    options: &NeedsOptions,
) -> Result<TrainingNeeds<'f>, karmayogi::Error> {
    framework.training_needs(cohort, options)
}

fn print_summary(out: &mut dyn Write, needs: &TrainingNeeds<'_>) -> out::Outcome {
    let short: u64 = needs.rows.iter().map(|r| r.officers_short).sum();
    let shortfall: u64 = needs.rows.iter().map(|r| r.total_shortfall).sum();
    writeln!(
        out,
        "  {} officers, {} officer-requirement pairs ({:.2} per officer), {} rows",
        grouped(needs.officers),
        grouped(needs.pairs),
        needs.pairs as f64 / needs.officers as f64,
        grouped(needs.rows.len() as u64)
    )?;
    writeln!(
        out,
        "  pairs short: {} ({}), total shortfall {} levels, report fingerprint {:016x}",
        grouped(short),
        percent::percent(short as f64 / needs.pairs as f64, 1),
        grouped(shortfall),
        fnv1a(fingerprint_text(needs).as_bytes())
    )?;
    writeln!(out, "  largest needs:")?;
    for r in needs.rows.iter().take(5) {
        writeln!(
            out,
            "    {:<48} {:<11} required {:>7}, short {:>7}, shortfall {:>8}, histogram {:?}",
            format!("{} [{}]", r.name, r.competency),
            r.kind.as_str(),
            r.officers_required,
            r.officers_short,
            r.total_shortfall,
            r.histogram
        )?;
    }
    Ok(())
}

/// The result as text in the layout its fingerprint has always been taken of (ids, counts
/// and histograms; not the report's current layout), so fingerprints recorded in
/// BENCHMARKS.md stay comparable across changes to how reports print.
fn fingerprint_text(needs: &TrainingNeeds<'_>) -> String {
    fingerprint_rows(needs.officers, needs.pairs, needs.rows.iter().cloned())
}

/// [`fingerprint_text`] of a report given as its counts and rows.
fn fingerprint_rows<'f>(
    officers: u64,
    pairs: u64,
    rows: impl Iterator<Item = karmayogi::NeedRow<'f>>,
) -> String {
    let mut text = format!("{officers} officers, {pairs} officer-requirement pairs\n");
    let _ = writeln!(
        text,
        "  {:<40} {:<11} {:>8} {:>6} {:>6} {:>5}   shortfall histogram 0|1|2|3|4|5",
        "competency", "type", "required", "short", "total", "mean"
    );
    for r in rows {
        let _ = writeln!(
            text,
            "  {:<40} {:<11} {:>8} {:>6} {:>6} {:>5.2}   {}",
            r.competency.as_str(),
            r.kind.as_str(),
            r.officers_required,
            r.officers_short,
            r.total_shortfall,
            r.mean_shortfall,
            r.histogram.map(|n| n.to_string()).join("|")
        );
    }
    text
}

/// Writes the cohort as integer-coded CSV tables and the result, for the `DuckDB` comparison.
fn export_csv(
    report: &mut dyn Write,
    framework: &Framework,
    cohort: &Cohort,
    needs: &TrainingNeeds<'_>,
    dir: &Path,
) -> out::Outcome {
    let start = Instant::now();
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let competency: HashMap<&str, usize> = framework
        .competencies()
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    let position: HashMap<&str, usize> = framework
        .positions()
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let io = |path: &Path, e: std::io::Error| format!("cannot write {}: {e}", path.display());

    let path = dir.join("requirements.csv");
    let mut out = csv_file(&path)?;
    let mut text = String::from("position,competency,level\n");
    for (p, spec) in framework.positions().iter().enumerate() {
        for r in framework
            .requirements(spec.id.as_str())
            .map_err(|e| e.to_string())?
        {
            let c = competency[r.competency.as_str()];
            writeln!(text, "{p},{c},{}", r.level).map_err(|e| e.to_string())?;
        }
    }
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| io(&path, e))?;

    let officers_path = dir.join("officers.csv");
    let held_path = dir.join("held.csv");
    let mut officers = csv_file(&officers_path)?;
    let mut held = csv_file(&held_path)?;
    officers
        .write_all(b"officer,position\n")
        .map_err(|e| io(&officers_path, e))?;
    held.write_all(b"officer,competency,level\n")
        .map_err(|e| io(&held_path, e))?;
    for i in 0..cohort.len() {
        let profile = cohort.profile(i).ok_or("cohort index out of range")?;
        let p = profile.position(framework).map_err(|e| e.to_string())?;
        writeln!(officers, "{i},{}", position[p.as_str()]).map_err(|e| io(&officers_path, e))?;
        for (c, level) in profile.held(framework).map_err(|e| e.to_string())? {
            writeln!(held, "{i},{},{level}", competency[c.as_str()])
                .map_err(|e| io(&held_path, e))?;
        }
    }
    officers.flush().map_err(|e| io(&officers_path, e))?;
    held.flush().map_err(|e| io(&held_path, e))?;

    let path = dir.join("needs.csv");
    let mut out = csv_file(&path)?;
    let mut text = String::from(
        "competency,officers_required,officers_short,total_shortfall,h0,h1,h2,h3,h4,h5\n",
    );
    for r in &needs.rows {
        let h = r.histogram;
        writeln!(
            text,
            "{},{},{},{},{},{},{},{},{},{}",
            competency[r.competency.as_str()],
            r.officers_required,
            r.officers_short,
            r.total_shortfall,
            h[0],
            h[1],
            h[2],
            h[3],
            h[4],
            h[5]
        )
        .map_err(|e| e.to_string())?;
    }
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| io(&path, e))?;
    writeln!(
        report,
        "  wrote CSV for benches/duckdb_needs.py to {} in {}",
        dir.display(),
        secs(start.elapsed())
    )?;
    Ok(())
}

fn csv_file(path: &Path) -> Result<BufWriter<std::fs::File>, String> {
    std::fs::File::create(path)
        .map(|f| BufWriter::with_capacity(1 << 20, f))
        .map_err(|e| format!("cannot create {}: {e}", path.display()))
}

/// Peak and current resident memory in bytes (`VmHWM`, `VmRSS`), where Linux provides them.
fn memory() -> Option<(u64, u64)> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|rest| {
                rest.trim()
                    .trim_end_matches("kB")
                    .trim()
                    .parse::<u64>()
                    .ok()
            })
            .map(|kb| kb * 1024)
    };
    Some((field("VmHWM:")?, field("VmRSS:")?))
}

/// CPU time used by *other* processes while a measurement runs, from `/proc/stat` and
/// `/proc/self/stat` (Linux): on a shared machine, timings are only as good as this is low.
struct OtherLoad {
    start: Option<(Instant, u64, u64)>,
}

impl OtherLoad {
    /// Clock ticks per second of `/proc` CPU times (`USER_HZ`, 100 on Linux).
    const TICKS: f64 = 100.0;

    fn ticks() -> Option<(u64, u64)> {
        let stat = std::fs::read_to_string("/proc/stat").ok()?;
        let all: Vec<u64> = stat
            .lines()
            .next()?
            .split_whitespace()
            .skip(1)
            .map(|f| f.parse().unwrap_or(0))
            .collect();
        // user nice system idle iowait irq softirq steal: everything but idle and iowait.
        let busy = [0, 1, 2, 5, 6, 7]
            .iter()
            .map(|&i| all.get(i).copied().unwrap_or(0))
            .sum();
        let own = std::fs::read_to_string("/proc/self/stat").ok()?;
        let after_name = own.rsplit_once(')')?.1;
        let fields: Vec<u64> = after_name
            .split_whitespace()
            .skip(11)
            .take(2)
            .map(|f| f.parse().unwrap_or(0))
            .collect();
        Some((busy, fields.iter().sum()))
    }

    fn start() -> OtherLoad {
        OtherLoad {
            start: Self::ticks().map(|(busy, own)| (Instant::now(), busy, own)),
        }
    }

    fn report(&self) -> String {
        match (self.start, Self::ticks()) {
            (Some((at, busy0, own0)), Some((busy, own))) => {
                let others = busy
                    .saturating_sub(busy0)
                    .saturating_sub(own.saturating_sub(own0));
                format!(
                    "other processes used {:.2} CPUs on average meanwhile",
                    others as f64 / Self::TICKS / at.elapsed().as_secs_f64()
                )
            }
            _ => "CPU use of other processes: not available".to_owned(),
        }
    }
}

/// The 1, 5 and 15 minute load averages, from `/proc/loadavg` where Linux provides it.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg").map_or_else(
        |_| "not available".to_owned(),
        |text| {
            text.split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        },
    )
}

fn min_median(times: &mut [Duration]) -> (Duration, Duration) {
    times.sort_unstable();
    (
        times.first().copied().unwrap_or_default(),
        times.get(times.len() / 2).copied().unwrap_or_default(),
    )
}

fn verdict(met: bool) -> &'static str {
    if met { "met" } else { "MISSED" }
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

/// `1234567` as `1,234,567`.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// FNV-1a, a stable fingerprint of the printed report.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
