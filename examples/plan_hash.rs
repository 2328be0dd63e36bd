//! FNV-1a hash of the JSON of many `recommend` plans of **synthetic** officers, on the
//! default and the prerequisite-laden 10,000-course catalogues, for checking that a change
//! leaves every plan byte-identical.
//!
//! Run with `cargo run --release --example plan_hash [OFFICERS] [--plain]` (default 3,000
//! per catalogue); each officer gets six plans: greedy, default, exact (2,000 nodes),
//! budgeted (40 h, default and greedy) and in terms of 20 h, so the default makes 36,000
//! plans. Each thread makes them with one `Recommender` per set of options; `--plain`
//! calls `Framework::recommend` for each instead (the hashes must be the same).

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

use catalogue::Prerequisites;
use karmayogi::{Cohort, Framework, LevelPolicy, RecommendOptions, Recommender, Solver};

const COURSES: usize = 10_000;
const SEED: u64 = 2024;

fn main() -> ExitCode {
    out::finish(run)
}

const USAGE: args::Usage = args::Usage {
    text: "plan_hash [OFFICERS] [--plain]",
    flags: &["--plain"],
    options: &[],
    positional: 1,
};

fn fnv(hash: &mut u64, bytes: &[u8]) {
    for &b in bytes {
        *hash ^= u64::from(b);
        *hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
}

fn run(out: &mut dyn Write) -> out::Outcome {
    let args = USAGE.parse_env()?;
    if args.help {
        return Ok(writeln!(out, "usage: {}", USAGE.text)?);
    }
    let officers = match args.positional().first() {
        Some(n) => usize::try_from(USAGE.count(n, "OFFICERS")?)?,
        None => 3_000,
    };
    let one_by_one = args.flag("--plain");
    let esco = esco::Esco::load()?;
    let options = [
        RecommendOptions::default().solver(Solver::Greedy),
        RecommendOptions::default(),
        RecommendOptions::default().solver(Solver::Exact { node_limit: 2_000 }),
        RecommendOptions::default().budget(40.0)?,
        RecommendOptions::default()
            .budget(40.0)?
            .solver(Solver::Greedy),
        RecommendOptions::default().term_hours(20.0)?,
    ];
    let shapes = [
        ("default", Prerequisites::default()),
        (
            "laden",
            Prerequisites {
                per_mille: 600,
                most: 3,
            },
        ),
    ];
    let mut all = 0xcbf2_9ce4_8422_2325_u64;
    for (name, shape) in shapes {
        let mut spec = esco.framework_spec();
        spec.courses = catalogue::catalogue_with(&esco, COURSES, SEED, shape);
        let framework = Framework::new(spec)?;
        let synth = synth::Synth::new(&framework, &synth::SynthOptions::default());
        let cohort = Cohort::new(
            &framework,
            synth.officers(0..officers as u64),
            &LevelPolicy::default(),
        )?;
        let per_thread = cohort.len().div_ceil(2);
        let hashes: Vec<Vec<(u64, usize)>> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..2)
                .map(|w| {
                    let (cohort, framework, options) = (&cohort, &framework, &options);
                    scope.spawn(move || {
                        let mut hashes = Vec::new();
                        let mut recommenders: Vec<Recommender> = options
                            .iter()
                            .map(|o| Recommender::new(framework, o))
                            .collect();
                        for i in (w * per_thread)..((w + 1) * per_thread).min(cohort.len()) {
                            let Some(profile) = cohort.profile(i) else {
                                continue;
                            };
                            let Ok(position) = profile.position(framework) else {
                                continue;
                            };
                            let mut h = 0xcbf2_9ce4_8422_2325_u64;
                            let mut plans = 0;
                            for (o, recommender) in options.iter().zip(&mut recommenders) {
                                let plan = if one_by_one {
                                    framework.recommend(&profile, position.as_str(), o)
                                } else {
                                    recommender.recommend(&profile, position.as_str())
                                };
                                let text = match plan {
                                    Ok(plan) => serde_json::to_string(&plan)
                                        .unwrap_or_else(|e| format!("json error {e}")),
                                    Err(e) => format!("error {e}"),
                                };
                                fnv(&mut h, text.as_bytes());
                                plans += 1;
                            }
                            hashes.push((h, plans));
                        }
                        hashes
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_default())
                .collect()
        });
        let mut hash = 0xcbf2_9ce4_8422_2325_u64;
        let mut plans = 0;
        for &(h, n) in hashes.iter().flatten() {
            fnv(&mut hash, &h.to_le_bytes());
            plans += n;
        }
        fnv(&mut all, &hash.to_le_bytes());
        writeln!(out, "{name}: {plans} plans, hash {hash:016x}")?;
    }
    writeln!(out, "all: {all:016x}")?;
    Ok(())
}
