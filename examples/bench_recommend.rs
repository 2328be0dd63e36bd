//! Recommendation benchmark on the real ESCO requirement side with a **synthetic** course
//! catalogue and **synthetic** officers.
//!
//! Run with `cargo run --release --example bench_recommend [OFFICERS] [--batch-only]
//! [--plain] [--recruits PERMILLE]` (default 1,000,000 for the batch; `--batch-only` skips
//! parts 1 and 2, for profiling; `--plain` plans the batch by `Framework::recommend`
//! officer by officer instead of one `Recommender` per thread, which gives the same plans;
//! `--recruits` gives PERMILLE officers in every 1,000 (those whose number ends in 000 to
//! PERMILLE − 1) an empty passbook, as new recruits have, 0 by default).
//! It measures:
//!
//! 1. quality: total hours of the greedy plan against the exact optimum, for officers of a
//!    department of real ESCO occupations whose essential skills (level 3) are the targets,
//!    wherever the exact solver proves optimality within its node limit;
//! 2. latency of one officer's greedy plan against the 10,000-course catalogue;
//! 3. throughput of a batch of **synthetic** officers (`examples/support/synth.rs`: real
//!    ESCO positions, made-up passbooks), each planned against their own position on two
//!    threads (a `Recommender` each), and peak memory with the officers held in a `Cohort`;
//! 4. career paths: for synthetic officers, the 10 posts among all 3,007 they could be ready
//!    for with the least training hours (`Framework::career_paths`), per officer.
//!
//! See `examples/support/catalogue.rs` for the catalogue's shape. Timing is wall-clock.

#[path = "support/args.rs"]
mod args;
#[path = "support/catalogue.rs"]
mod catalogue;
#[path = "support/esco.rs"]
mod esco;
#[path = "support/out.rs"]
mod out;
#[path = "support/synth.rs"]
mod synth;

use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

use karmayogi::{
    CareerOptions, Cohort, Framework, LevelPolicy, Optimality, Profile, RecommendOptions,
    Recommender, Solver, Target,
};

use synth::SplitMix64;

const COURSES: usize = 10_000;
const SEED: u64 = 2024;

fn main() -> ExitCode {
    out::finish(run)
}

const USAGE: args::Usage = args::Usage {
    text: "bench_recommend [OFFICERS] [--batch-only] [--plain] [--recruits PERMILLE]",
    flags: &["--batch-only", "--plain"],
    options: &["--recruits"],
    positional: 1,
};

fn run(out: &mut dyn Write) -> out::Outcome {
    let args = USAGE.parse_env()?;
    if args.help {
        return Ok(writeln!(out, "usage: {}", USAGE.text)?);
    }
    let batch_only = args.flag("--batch-only");
    let batch = match args.positional().first() {
        Some(n) => usize::try_from(USAGE.count(n, "OFFICERS")?)?,
        None => 1_000_000,
    };
    let recruits = match args.option("--recruits") {
        Some(n) => match USAGE.number(n, "--recruits")? {
            n @ 0..=1000 => n,
            n => {
                return Err(USAGE
                    .error(&format!("--recruits is {n}: at most 1000"))
                    .into());
            }
        },
        None => 0,
    };
    let esco = esco::Esco::load()?;
    let mut spec = esco.framework_spec();
    spec.courses = catalogue::catalogue(&esco, COURSES, SEED);
    let t = Instant::now();
    let framework = Framework::new(spec)?;
    writeln!(
        out,
        "framework: {} competencies, {} positions, {} synthetic courses, built in {:.1} ms",
        framework.competencies().len(),
        framework.positions().len(),
        framework.courses().len(),
        t.elapsed().as_secs_f64() * 1e3
    )?;

    // A department of real occupations: every 10th occupation with essential skills.
    let occupations: Vec<u32> = esco.occupations.iter().map(|o| o.0).step_by(10).collect();
    let mut rng = SplitMix64::new(SEED);
    let cases: Vec<Vec<Target>> = occupations
        .iter()
        .map(|&o| catalogue::targets(&esco, o, &mut rng))
        .filter(|t| !t.is_empty())
        .collect();

    if !batch_only {
        quality_and_latency(out, &framework, &cases)?;
    }
    career_paths(out, &framework)?;
    batch_throughput(out, &framework, batch, args.flag("--plain"), recruits)
}

fn career_paths(out: &mut dyn Write, framework: &Framework) -> out::Outcome {
    // 4. Career paths: top 10 posts by least training hours, per officer.
    let synth = synth::Synth::new(framework, &synth::SynthOptions::default().seed(7));
    let options = CareerOptions::default().top(10);
    let mut times = Vec::new();
    let mut planned_hours = 0.0;
    for spec in synth.officers(0..200) {
        let profile = Profile::new(framework, &spec, &LevelPolicy::default())?;
        let start = Instant::now();
        let fits = framework.career_paths(&profile, &options)?;
        times.push(start.elapsed().as_secs_f64() * 1e3);
        planned_hours += fits.first().map_or(0.0, |f| f.hours);
    }
    times.sort_by(f64::total_cmp);
    writeln!(
        out,
        "career paths (top 10 of {} posts by training hours): median {:.2} ms, p90 {:.2} ms, max {:.2} ms over {} officers; nearest post needs {:.1} h on average",
        framework.positions().len(),
        times[times.len() / 2],
        times[times.len() * 9 / 10],
        times[times.len() - 1],
        times.len(),
        planned_hours / times.len() as f64
    )?;
    Ok(())
}

fn quality_and_latency(
    out: &mut dyn Write,
    framework: &Framework,
    cases: &[Vec<Target>],
) -> out::Outcome {
    // 1. Quality against the exact optimum.
    let exact = RecommendOptions::default().solver(Solver::Exact {
        node_limit: 200_000,
    });
    let greedy = RecommendOptions::default().solver(Solver::Greedy);
    let mut gaps: Vec<f64> = Vec::new();
    let mut unproven = 0;
    for t in cases {
        let g = framework.recommend_targets(t, &[], &greedy)?;
        let e = framework.recommend_targets(t, &[], &exact)?;
        if e.optimality != Optimality::Optimal {
            unproven += 1;
            continue;
        }
        if e.total_hours > 0.0 {
            gaps.push(g.total_hours / e.total_hours - 1.0);
        } else {
            gaps.push(0.0);
        }
    }
    gaps.sort_by(f64::total_cmp);
    // The value at quantile `per_mille / 1000` (nearest rank), in percent.
    let pct = |per_mille: usize| {
        let rank = (gaps.len().saturating_sub(1) * per_mille + 500) / 1000;
        gaps.get(rank).copied().unwrap_or(0.0) * 100.0
    };
    writeln!(
        out,
        "quality: {} officers ({} occupations' essential skills), exact proven optimal for {}, not within 200,000 nodes for {}",
        cases.len(),
        cases.len(),
        gaps.len(),
        unproven
    )?;
    writeln!(
        out,
        "  greedy hours above optimum: median {:.2}%, p90 {:.2}%, worst {:.2}%, mean {:.2}%; equal to optimum in {} of {}",
        pct(500),
        pct(900),
        pct(1000),
        gaps.iter().sum::<f64>() / gaps.len().max(1) as f64 * 100.0,
        gaps.iter().filter(|&&g| g <= 1e-12).count(),
        gaps.len()
    )?;

    // 2. Latency of one greedy plan.
    let mut times: Vec<f64> = Vec::with_capacity(cases.len() * 5);
    for _ in 0..5 {
        for t in cases {
            let start = Instant::now();
            let plan = framework.recommend_targets(t, &[], &greedy)?;
            times.push(start.elapsed().as_secs_f64() * 1e6);
            std::hint::black_box(plan);
        }
    }
    times.sort_by(f64::total_cmp);
    writeln!(
        out,
        "latency (one officer, {COURSES} courses, greedy): median {:.1} µs, p90 {:.1} µs, max {:.1} µs over {} plans",
        times[times.len() / 2],
        times[times.len() * 9 / 10],
        times[times.len() - 1],
        times.len()
    )?;

    Ok(())
}

/// What a thread's recommender remembered: parts, heap bytes, plans read back.
type Memo = (usize, usize, u64);

fn batch_throughput(
    out: &mut dyn Write,
    framework: &Framework,
    batch: usize,
    one_by_one: bool,
    recruits: u64,
) -> out::Outcome {
    // 3. Batch throughput on two threads.
    let synth = synth::Synth::new(framework, &synth::SynthOptions::default());
    let start = Instant::now();
    let officers = synth
        .officers(0..batch as u64)
        .enumerate()
        .map(|(i, mut spec)| {
            if (i as u64) % 1000 < recruits {
                spec.passbook.clear();
            }
            spec
        });
    let cohort = Cohort::new(framework, officers, &LevelPolicy::default())?;
    writeln!(
        out,
        "batch: {} synthetic officers in a cohort ({:.0} bytes each) built in {:.2} s",
        cohort.len(),
        cohort.heap_bytes() as f64 / cohort.len().max(1) as f64,
        start.elapsed().as_secs_f64()
    )?;
    let greedy = RecommendOptions::default().solver(Solver::Greedy);
    let start = Instant::now();
    let per_thread = batch.div_ceil(2);
    let totals: Vec<(usize, usize, f64, Memo)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..2)
            .map(|w| {
                let (cohort, greedy) = (&cohort, &greedy);
                scope.spawn(move || {
                    let (mut plans, mut closed, mut hours) = (0, 0, 0.0);
                    let mut recommender = Recommender::new(framework, greedy);
                    for i in (w * per_thread)..((w + 1) * per_thread).min(cohort.len()) {
                        let Some(profile) = cohort.profile(i) else {
                            continue;
                        };
                        let Ok(position) = profile.position(framework) else {
                            continue;
                        };
                        let plan = if one_by_one {
                            framework.recommend(&profile, position.as_str(), greedy)
                        } else {
                            recommender.recommend(&profile, position.as_str())
                        };
                        if let Ok(plan) = plan {
                            plans += 1;
                            closed += plan.closed;
                            hours += plan.total_hours;
                        }
                    }
                    let memo = (
                        recommender.remembered(),
                        recommender.heap_bytes(),
                        recommender.plans_read_back(),
                    );
                    (plans, closed, hours, memo)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or((0, 0, 0.0, (0, 0, 0))))
            .collect()
    });
    let secs = start.elapsed().as_secs_f64();
    let plans: usize = totals.iter().map(|t| t.0).sum();
    let closed: usize = totals.iter().map(|t| t.1).sum();
    let hours: f64 = totals.iter().map(|t| t.2).sum();
    writeln!(
        out,
        "  {plans} plans against own positions on 2 threads in {secs:.2} s = {:.0} officers/s; \
         {:.1} gaps closed and {:.1} hours per officer on average; peak RSS {}",
        plans as f64 / secs,
        closed as f64 / plans.max(1) as f64,
        hours / plans.max(1) as f64,
        peak_rss()
    )?;
    if !one_by_one {
        let (parts, bytes, read_back) = totals
            .iter()
            .fold((0, 0, 0), |(p, b, r), t| (p + t.3.0, b + t.3.1, r + t.3.2));
        writeln!(
            out,
            "  parts remembered at the end: {parts} on the 2 threads' recommenders, {:.1} MiB; \
             {read_back} plans read back",
            bytes as f64 / f64::from(1 << 20)
        )?;
    }
    Ok(())
}

fn peak_rss() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM"))
                .map(|l| l.split_whitespace().skip(1).collect::<Vec<_>>().join(" "))
        })
        .unwrap_or_else(|| "unknown".to_owned())
}
