//! Criterion benchmark of one officer's recommendation against a 10,000-course catalogue.
//!
//! The requirement side is the real ESCO data; the catalogue is **synthetic**
//! (`examples/support/catalogue.rs`), and so are the officers: each holds its occupation's
//! essential skills (the targets, at level 3) at a random level, none in half the cases.
//!
//! - `recommend/greedy_10000_courses`: the least-hours plan of `Solver::Greedy` (heuristics
//!   and a bound, no search), cycling through the officers of every 10th ESCO occupation so
//!   the figure is an average over officers;
//! - `recommend/default_10000_courses`: the same with the default solver (heuristics, then
//!   a search of at most 2,000 nodes).
//!
//! ```text
//! cargo bench --bench recommend
//! ```

#[path = "../examples/support/catalogue.rs"]
mod catalogue;
#[path = "../examples/support/esco.rs"]
mod esco;
#[path = "../examples/support/synth.rs"]
mod synth;

use std::hint::black_box;
use std::time::Duration;

use criterion::Criterion;
use karmayogi::{Framework, Level, RecommendOptions, Solver, Target};

use crate::synth::SplitMix64;

fn benchmarks(c: &mut Criterion) {
    let esco = esco::Esco::load().unwrap_or_else(|e| panic!("cannot load ESCO: {e}"));
    let mut spec = esco.framework_spec();
    spec.courses = catalogue::catalogue(&esco, 10_000, 2024);
    let framework = Framework::new(spec).unwrap_or_else(|e| panic!("framework rejected: {e}"));
    let mut rng = SplitMix64::new(2024);
    let officers: Vec<Vec<Target>> = esco
        .occupations
        .iter()
        .step_by(10)
        .map(|o| {
            esco.links
                .iter()
                .filter(|&&(occ, _, essential)| occ == o.0 && essential)
                .map(|&(_, skill, _)| {
                    let held = if rng.chance(500) {
                        0
                    } else {
                        1 + rng.below(3) as u8
                    };
                    Target {
                        competency: esco::competency_id(skill).into(),
                        current: Level::new(held).unwrap_or(Level::NONE),
                        required: Level::new(esco::ESSENTIAL_LEVEL).unwrap_or(Level::MAX),
                    }
                })
                .collect::<Vec<_>>()
        })
        .filter(|t| !t.is_empty())
        .collect();
    let greedy = RecommendOptions::default().solver(Solver::Greedy);
    let default = RecommendOptions::default();
    let mut group = c.benchmark_group("recommend");
    group
        .sample_size(30)
        .measurement_time(Duration::from_secs(5));
    let mut next = 0;
    for (name, options) in [
        ("greedy_10000_courses", &greedy),
        ("default_10000_courses", &default),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| {
                next = (next + 1) % officers.len();
                black_box(
                    framework
                        .recommend_targets(&officers[next], &[], options)
                        .map(|p| p.total_hours),
                )
            });
        });
    }
    group.finish();
}

fn main() {
    let mut criterion = Criterion::default().configure_from_args();
    benchmarks(&mut criterion);
    criterion.final_summary();
}
