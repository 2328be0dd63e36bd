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
//!    they could be ready for with the least training hours;
//! 2. `Framework::successors`: for 8 vacancies, the 10 officers of a cohort of OFFICERS
//!    synthetic officers (`examples/support/synth.rs`) who could be ready with the least
//!    training hours.
//!
//! Timing is wall-clock, one call at a time on the calling thread.

#[path = "support/catalogue.rs"]
mod catalogue;
#[path = "support/esco.rs"]
mod esco;
#[path = "support/synth.rs"]
mod synth;

use std::process::ExitCode;
use std::time::Instant;

use karmayogi::{CareerOptions, Cohort, Framework, LevelPolicy, Profile};

use catalogue::Prerequisites;

const COURSES: usize = 10_000;
const SEED: u64 = 2024;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let officers: u64 = match std::env::args().nth(1) {
        Some(n) => n
            .parse()
            .map_err(|_| format!("`{n}` is not an officer count"))?,
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
    for (name, shape) in shapes {
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
        println!(
            "\n== {name} ==\n{} courses; prerequisite closure: mean {:.2} courses, largest {}",
            closures.len(),
            closures.iter().sum::<usize>() as f64 / closures.len() as f64,
            closures.iter().max().copied().unwrap_or(0)
        );
        career_paths(&framework)?;
        successors(&framework, officers)?;
    }
    Ok(())
}

fn career_paths(framework: &Framework) -> Result<(), Box<dyn std::error::Error>> {
    let synth = synth::Synth::new(framework, &synth::SynthOptions::default().seed(7));
    let options = CareerOptions::default().top(10);
    let mut times = Vec::new();
    let mut hours = 0.0;
    for spec in synth.officers(0..200) {
        let profile = Profile::new(framework, &spec, &LevelPolicy::default())?;
        let start = Instant::now();
        let fits = framework.career_paths(&profile, &options)?;
        times.push(start.elapsed().as_secs_f64() * 1e3);
        hours += fits.first().map_or(0.0, |f| f.hours);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "career_paths, top 10 of {} posts: median {:.2} ms, p90 {:.2} ms, max {:.2} ms over {} officers; nearest post {:.1} h on average",
        framework.positions().len(),
        times[times.len() / 2],
        times[times.len() * 9 / 10],
        times[times.len() - 1],
        times.len(),
        hours / times.len() as f64
    );
    Ok(())
}

fn successors(framework: &Framework, officers: u64) -> Result<(), Box<dyn std::error::Error>> {
    let synth = synth::Synth::new(framework, &synth::SynthOptions::default());
    let start = Instant::now();
    let cohort = Cohort::new(
        framework,
        synth.officers(0..officers),
        &LevelPolicy::default(),
    )?;
    println!(
        "cohort of {} synthetic officers built in {:.1} s",
        cohort.len(),
        start.elapsed().as_secs_f64()
    );
    let options = CareerOptions::default().top(10);
    // Vacancies spread over the framework: every 376th post in id order.
    let posts = framework.positions();
    let mut times = Vec::new();
    for p in posts.iter().step_by(posts.len() / 8).take(8) {
        let start = Instant::now();
        let fits = framework.successors(&cohort, p.id.as_str(), &options)?;
        let took = start.elapsed().as_secs_f64();
        times.push(took);
        println!(
            "  successors for {} ({} requirements): {:.2} s; best {:.0} h, 10th {:.0} h",
            p.id,
            framework.requirements(p.id.as_str())?.len(),
            took,
            fits.first().map_or(0.0, |f| f.hours),
            fits.last().map_or(0.0, |f| f.hours)
        );
    }
    times.sort_by(f64::total_cmp);
    println!(
        "successors over {} officers: median {:.2} s, max {:.2} s over {} vacancies",
        cohort.len(),
        times[times.len() / 2],
        times[times.len() - 1],
        times.len()
    );
    Ok(())
}
