//! Career-path and successor benchmark on the real ESCO requirement side, with **synthetic**
//! course catalogues and **synthetic** officers (no public data set of either exists).
//!
//! Run with `cargo run --release --example bench_career [OFFICERS]` (default 1,000,000).
//! For each of two catalogues of 10,000 courses (`examples/support/catalogue.rs`): the
//! default one (20% of courses require one earlier course) and one heavy with prerequisites
//! (60% of courses require one to three earlier courses of their theme, so closures chain),
//! it measures:
//!
//! 1. `Framework::career_paths`: for 200 synthetic officers, the 10 posts among all 3,007
//!    they could be ready for with the least training hours (after a first call, timed
//!    apart, which builds the framework's per-requirement bounds);
//! 2. `Framework::successors`: for 8 vacancies, the 10 officers of a cohort of OFFICERS
//!    synthetic officers (`examples/support/synth.rs`, spread over all posts) who could be
//!    ready with the least training hours;
//! 3. the same for 4 vacancies in a department of OFFICERS synthetic officers in the 130
//!    posts of ISCO group 24 (as the `acbp` example's department): officers of related posts
//!    have similar gaps, so many tie.
//!
//! `--laden` runs only the prerequisite-laden catalogue, and `--vacancy POSITION` only the
//! successor searches for that post (where it is one of the vacancies), so that a profiler
//! can look at one search.
//!
//! Each call runs alone on the calling thread; the example prints wall-clock time and the
//! CPU time of the calling thread (from `/proc/thread-self/schedstat`, Linux), which on a
//! machine shared with other jobs is the better guide to what a quiet machine gives.

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

use karmayogi::{CareerOptions, Cohort, Framework, LevelPolicy, Profile};

use catalogue::Prerequisites;

const COURSES: usize = 10_000;
const SEED: u64 = 2024;

const USAGE: args::Usage = args::Usage {
    text: "bench_career [OFFICERS] [--laden] [--vacancy POSITION]",
    flags: &["--laden"],
    options: &["--vacancy"],
    positional: 1,
};

fn main() -> ExitCode {
    out::finish(run)
}

fn run(out: &mut dyn Write) -> out::Outcome {
    let args = USAGE.parse_env()?;
    if args.help {
        return Ok(writeln!(out, "usage: {}", USAGE.text)?);
    }
    let officers = match args.positional().first() {
        Some(n) => USAGE.count(n, "OFFICERS")?,
        None => 1_000_000,
    };
    let esco = esco::Esco::load()?;
    let shapes = [
        (
            "default catalogue (20% of courses, 1 prerequisite)",
            Prerequisites::default(),
        ),
        (
            "prerequisite-laden catalogue (60% of courses, 1-3 prerequisites)",
            Prerequisites {
                per_mille: 600,
                most: 3,
            },
        ),
    ];
    let only = args.option("--vacancy");
    let keep = |p: &&str| only.is_none_or(|v| v == *p);
    let skip = usize::from(args.flag("--laden"));
    for (name, shape) in shapes.into_iter().skip(skip) {
        let mut spec = esco.framework_spec();
        spec.courses = catalogue::catalogue_with(&esco, COURSES, SEED, shape);
        let framework = Framework::new(spec)?;
        let closures: Vec<usize> = framework
            .courses()
            .iter()
            .map(|c| {
                framework
                    .prerequisite_closure(c.id.as_str())
                    .map_or(0, |v| v.len() - 1)
            })
            .collect();
        writeln!(
            out,
            "\n== {name} ==\n{} courses; prerequisite closure: mean {:.2} courses, largest {}",
            closures.len(),
            closures.iter().sum::<usize>() as f64 / closures.len() as f64,
            closures.iter().max().copied().unwrap_or(0)
        )?;
        if only.is_none() {
            career_paths(out, &framework)?;
        }
        let synth = synth::Synth::new(&framework, &synth::SynthOptions::default());
        let posts = framework.positions();
        let vacancies: Vec<&str> = posts
            .iter()
            .step_by(posts.len() / 8)
            .take(8)
            .map(|p| p.id.as_str())
            .filter(keep)
            .collect();
        let cohort = Cohort::new(
            &framework,
            synth.officers(0..officers),
            &LevelPolicy::default(),
        )?;
        successors(out, &framework, &cohort, "all posts", &vacancies)?;
        drop(cohort);
        let department: Vec<usize> = posts
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                esco.occupations
                    .iter()
                    .find(|o| esco::position_id(o.0) == p.id.as_str())
                    .is_some_and(|o| o.1.starts_with("24"))
            })
            .map(|(i, _)| i)
            .collect();
        let cohort = Cohort::new(
            &framework,
            (0..officers).map(|i| synth.officer_in(i, department[i as usize % department.len()])),
            &LevelPolicy::default(),
        )?;
        let vacancies: Vec<&str> = department
            .iter()
            .step_by(department.len() / 4)
            .take(4)
            .map(|&p| posts[p].id.as_str())
            .filter(keep)
            .collect();
        successors(out, &framework, &cohort, "ISCO 24 posts", &vacancies)?;
    }
    Ok(())
}

fn career_paths(out: &mut dyn Write, framework: &Framework) -> out::Outcome {
    let synth = synth::Synth::new(framework, &synth::SynthOptions::default().seed(7));
    let options = CareerOptions::default().top(10);
    // The first search on a framework builds its per-requirement bounds; timed apart.
    let first = Profile::new(framework, &synth.officer(200), &LevelPolicy::default())?;
    let (start, cpu) = (Instant::now(), cpu_seconds());
    framework.career_paths(&first, &options)?;
    writeln!(
        out,
        "career_paths, first call (builds the per-requirement bounds): {:.1} ms (CPU {:.1} ms)",
        start.elapsed().as_secs_f64() * 1e3,
        (cpu_seconds() - cpu) * 1e3
    )?;
    let profiles = synth
        .officers(0..200)
        .map(|spec| Profile::new(framework, &spec, &LevelPolicy::default()))
        .collect::<Result<Vec<_>, _>>()?;
    let mut times = Vec::new();
    let mut hours = 0.0;
    let mut print = Fingerprint::default();
    // The thread's CPU time is accounted at scheduler ticks, too coarse for one call: it is
    // read around the whole loop and reported as a mean.
    let cpu = cpu_seconds();
    for profile in &profiles {
        let start = Instant::now();
        let fits = framework.career_paths(profile, &options)?;
        times.push(start.elapsed().as_secs_f64() * 1e3);
        hours += fits.first().map_or(0.0, |f| f.hours);
        print.add(&fits);
    }
    let cpu = (cpu_seconds() - cpu) * 1e3 / profiles.len() as f64;
    times.sort_by(f64::total_cmp);
    writeln!(
        out,
        "career_paths, top 10 of {} posts: median {:.2} ms, p90 {:.2} ms, max {:.2} ms (CPU mean {cpu:.2} ms) over {} officers; nearest post {:.1} h on average; results {:016x}",
        framework.positions().len(),
        times[times.len() / 2],
        times[times.len() * 9 / 10],
        times[times.len() - 1],
        times.len(),
        hours / times.len() as f64,
        print.0
    )?;
    Ok(())
}

fn successors(
    out: &mut dyn Write,
    framework: &Framework,
    cohort: &Cohort,
    name: &str,
    vacancies: &[&str],
) -> out::Outcome {
    if vacancies.is_empty() {
        return Ok(());
    }
    let options = CareerOptions::default().top(10);
    let mut times = Vec::new();
    let mut cpus = Vec::new();
    for &p in vacancies {
        let (start, cpu) = (Instant::now(), cpu_seconds());
        let fits = framework.successors(cohort, p, &options)?;
        let took = start.elapsed().as_secs_f64();
        let cpu = cpu_seconds() - cpu;
        times.push(took);
        cpus.push(cpu);
        writeln!(
            out,
            "  successors for {p} ({} requirements): {:.3} s (CPU {:.3} s); best {:.0} h, 10th {:.0} h; results {:016x}",
            framework.requirements(p)?.len(),
            took,
            cpu,
            fits.first().map_or(0.0, |f| f.hours),
            fits.last().map_or(0.0, |f| f.hours),
            Fingerprint::of(&fits)
        )?;
    }
    times.sort_by(f64::total_cmp);
    cpus.sort_by(f64::total_cmp);
    writeln!(
        out,
        "successors over {} officers in {name}: median {:.3} s, max {:.3} s (CPU median {:.3} s, max {:.3} s) over {} vacancies",
        cohort.len(),
        times[times.len() / 2],
        times[times.len() - 1],
        cpus[cpus.len() / 2],
        cpus[cpus.len() - 1],
        times.len()
    )?;
    Ok(())
}

/// A hash of results' `Debug` text (std's `DefaultHasher`, whose keys are fixed), so two
/// builds can be checked to give the same results byte for byte.
#[derive(Default)]
struct Fingerprint(u64);

impl Fingerprint {
    fn add(&mut self, value: &impl std::fmt::Debug) {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::hash::DefaultHasher::new();
        self.0.hash(&mut hasher);
        format!("{value:?}").hash(&mut hasher);
        self.0 = hasher.finish();
    }

    fn of(value: &impl std::fmt::Debug) -> u64 {
        let mut print = Fingerprint::default();
        print.add(value);
        print.0
    }
}

/// CPU time of the calling thread in seconds, from `/proc/thread-self/schedstat` (0 where
/// it cannot be read).
fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .map_or(0.0, |ns| ns as f64 / 1e9)
}
