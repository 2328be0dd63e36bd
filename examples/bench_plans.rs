//! Planning quality and certificates on the real ESCO requirement side with **synthetic**
//! course catalogues (`examples/support/catalogue.rs`) and **synthetic** officers.
//!
//! ```text
//! cargo run --release --example bench_plans [-- --export DIR] [--nodes N] [--every K] [--only NAME] [--large-only | --no-large] [--large-samples S]
//! python3 benches/highs_reference.py DIR      # the optimum from an independent MIP solver
//! ```
//!
//! For an officer of every K-th ESCO occupation (default 10: 301 officers) whose targets
//! are the occupation's essential skills at level 3, each held at a random level, and for
//! two 10,000-course catalogues — the one of `bench_recommend` (1–40 hours, courses mostly
//! within one skill group) and a uniform-hours one whose courses overlap across skill
//! groups — and, for an officer of every K-th occupation with at least 40 requirements
//! (every requirement a target), a third, `overlapping` catalogue (10-hour courses built
//! around occupations, each spanning several skill groups; `--only NAME` runs one
//! catalogue), it plans:
//!
//! - the least-hours learning path with the default solver and with `Solver::Exact`
//!   (`--nodes`, default 1,000,000 nodes);
//! - the most weighted shortfall within half the default plan's hours, both solvers.
//!
//! and, unless `--no-large`, the same for department-sized targets: every skill essential
//! to one of every third ESCO occupation, at level 3 (thousands of gaps); with
//! `--large-samples S`, S such instances per catalogue, the first from the occupations
//! in id order, each other from a random third of them (seeded by its number).
//!
//! It prints, per catalogue and objective, the time per plan, the certificate gap the plan
//! reports (`Optimality::gap`), how many plans the exact mode proves, and, where it does,
//! how far the default plan is from the optimum. With `--export DIR` it writes every
//! instance, rebuilt here from the public specs (independently of the library's own
//! instance), with both solvers' results, to `DIR/instances.jsonl` for
//! `benches/highs_reference.py`, which solves each with `HiGHS` and reports the gaps on all
//! of them, and checks every reported bound and every exact optimum against `HiGHS`.

#[path = "support/catalogue.rs"]
mod catalogue;
#[path = "support/esco.rs"]
mod esco;
#[path = "support/synth.rs"]
mod synth;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::process::ExitCode;
use std::time::Instant;

use karmayogi::{
    CourseSpec, Framework, FrameworkSpec, Level, Optimality, Plan, RecommendOptions, Solver, Target,
};

use synth::SplitMix64;

/// `println!`, ending the run quietly (exit code 0) when standard output's reader has
/// gone, as after `| head`, rather than panicking.
macro_rules! say {
    ($($arg:tt)*) => {{
        let mut stdout = std::io::stdout().lock();
        if let Err(e) = std::io::Write::write_fmt(&mut stdout, format_args!("{}\n", format_args!($($arg)*))) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
            panic!("writing to standard output: {e}");
        }
    }};
}

const COURSES: usize = 10_000;
const SEED: u64 = 2024;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

struct Args {
    export: Option<String>,
    large_only: bool,
    no_large: bool,
    nodes: u64,
    every: usize,
    only: Option<String>,
    large_samples: usize,
    help: bool,
}

fn args() -> Result<Args, String> {
    let mut out = Args {
        export: None,
        large_only: false,
        no_large: false,
        nodes: 1_000_000,
        every: 10,
        only: None,
        large_samples: 1,
        help: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        if a == "-h" || a == "--help" {
            out.help = true;
            continue;
        }
        if a == "--large-only" || a == "--no-large" {
            out.large_only |= a == "--large-only";
            out.no_large |= a == "--no-large";
            continue;
        }
        if ![
            "--export",
            "--nodes",
            "--only",
            "--every",
            "--large-samples",
        ]
        .contains(&a.as_str())
        {
            return Err(format!("unknown option `{a}`; usage: {USAGE}"));
        }
        let value = it
            .next()
            .ok_or(format!("`{a}` needs a value; usage: {USAGE}"))?;
        match a.as_str() {
            "--export" => out.export = Some(value),
            "--nodes" => out.nodes = count(&a, &value)?,
            "--only" => out.only = Some(value),
            "--every" => {
                out.every = usize::try_from(count(&a, &value)?).map_err(|e| e.to_string())?;
            }
            "--large-samples" => {
                out.large_samples =
                    usize::try_from(count(&a, &value)?).map_err(|e| e.to_string())?;
            }
            _ => return Err(format!("unknown option `{a}`; usage: {USAGE}")),
        }
    }
    Ok(out)
}

/// The usage line, printed for `--help` and with every error.
const USAGE: &str = "bench_plans [--no-large | --large-only] [--nodes N] [--export DIR] \
                     [--only NAME] [--every N] [--large-samples S]";

/// A count of at least 1 given to `option`.
fn count(option: &str, value: &str) -> Result<u64, String> {
    match value.parse::<u64>() {
        Ok(0) => Err(format!(
            "{option} is 0: expected at least 1; usage: {USAGE}"
        )),
        Ok(n) => Ok(n),
        Err(_) => Err(format!(
            "{option}: expected a whole number, found `{value}`; usage: {USAGE}"
        )),
    }
}

/// Posts with at least this many requirements give the `overlapping` catalogue's officers.
const WIDE: usize = 40;

/// An officer's targets: every requirement of the occupation (essential at level 3, optional
/// at level 2), each held at a random level (none in half the cases, else 1 to 2).
fn all_targets(esco: &esco::Esco, occupation: u32, rng: &mut SplitMix64) -> Vec<Target> {
    esco.links
        .iter()
        .filter(|&&(o, _, _)| o == occupation)
        .map(|&(_, skill, essential)| {
            let current = if rng.chance(500) {
                0
            } else {
                1 + rng.below(2) as u8
            };
            let required = if essential {
                esco::ESSENTIAL_LEVEL
            } else {
                esco::OPTIONAL_LEVEL
            };
            Target {
                competency: esco::competency_id(skill).into(),
                current: Level::new(current.min(required - 1)).unwrap_or(Level::NONE),
                required: Level::new(required).unwrap_or(Level::MAX),
            }
        })
        .collect()
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let args = args()?;
    if args.help {
        say!("usage: {USAGE}");
        return Ok(());
    }
    let esco = esco::Esco::load()?;
    let occupations: Vec<u32> = esco
        .occupations
        .iter()
        .map(|o| o.0)
        .step_by(args.every.max(1))
        .collect();
    let mut rng = SplitMix64::new(SEED);
    let cases: Vec<Vec<Target>> = occupations
        .iter()
        .map(|&o| catalogue::targets(&esco, o, &mut rng))
        .filter(|t| !t.is_empty())
        .collect();
    // Officers of posts with 40 or more requirements, every requirement a target.
    let mut rng = SplitMix64::new(SEED ^ 1);
    let wide: Vec<Vec<Target>> = esco
        .occupations
        .iter()
        .map(|o| o.0)
        .filter(|&o| esco.links.iter().filter(|l| l.0 == o).count() >= WIDE)
        .step_by(args.every.max(1))
        .map(|o| all_targets(&esco, o, &mut rng))
        .collect();
    let mut export = String::new();
    for (name, courses, cases) in [
        (
            "current",
            catalogue::catalogue(&esco, COURSES, SEED),
            &cases,
        ),
        (
            "uniform",
            catalogue::uniform_catalogue(&esco, COURSES, SEED),
            &cases,
        ),
        (
            "overlapping",
            catalogue::overlapping_catalogue(&esco, COURSES, SEED),
            &wide,
        ),
    ] {
        if args.only.as_ref().is_some_and(|only| only != name) {
            continue;
        }
        let mut spec = esco.framework_spec();
        spec.courses = courses;
        let framework = Framework::new(spec.clone())?;
        if !args.large_only {
            measure(name, &framework, &spec, cases, &args, &mut export)?;
        }
        if !args.no_large {
            for sample in 0..args.large_samples {
                large(name, sample, &framework, &spec, &esco, &args, &mut export)?;
            }
        }
    }
    if let Some(dir) = &args.export {
        std::fs::create_dir_all(dir)?;
        let path = format!("{dir}/instances.jsonl");
        std::fs::write(&path, export)?;
        say!("instances written to {path}");
    }
    Ok(())
}

/// One plan's figures.
struct Run {
    micros: f64,
    /// Selection hours (least hours) or value (budget).
    objective: f64,
    bound: f64,
    gap: f64,
    /// The plan says [`Optimality::Optimal`]. A budgeted plan of gap 0 closes the most
    /// value but is not proven least in hours unless it says so.
    proven: bool,
    /// The plan's hours.
    hours: f64,
    /// Search nodes used.
    nodes: u64,
    courses: Vec<String>,
}

fn timed(
    framework: &Framework,
    targets: &[Target],
    options: &RecommendOptions,
    budget: bool,
) -> Result<Run, Box<dyn std::error::Error>> {
    let start = Instant::now();
    let plan: Plan<'_> = framework.recommend_targets(targets, &[], options)?;
    let micros = start.elapsed().as_secs_f64() * 1e6;
    let gap = plan.optimality.gap();
    Ok(Run {
        micros,
        objective: if budget {
            plan.value_closed
        } else {
            plan.total_hours
        },
        bound: plan.bound,
        gap,
        proven: plan.optimality == Optimality::Optimal,
        hours: plan.total_hours,
        nodes: plan.nodes,
        courses: plan.steps.iter().map(|s| s.course.to_string()).collect(),
    })
}

/// Figures of one solver on one objective over all cases.
#[derive(Default)]
struct Tally {
    micros: Vec<f64>,
    certificate: Vec<f64>,
    proven: usize,
}

impl Tally {
    fn add(&mut self, run: &Run) {
        self.micros.push(run.micros);
        self.certificate.push(run.gap);
        self.proven += usize::from(run.proven);
    }
}

/// `(median, p90, worst)` of some figures.
fn quantiles(values: &[f64]) -> (f64, f64, f64) {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let at = |per_mille: usize| {
        let rank = (v.len().saturating_sub(1) * per_mille + 500) / 1000;
        v.get(rank).copied().unwrap_or(0.0)
    };
    (at(500), at(900), at(1000))
}

fn measure(
    name: &str,
    framework: &Framework,
    spec: &FrameworkSpec,
    cases: &[Vec<Target>],
    args: &Args,
    export: &mut String,
) -> Result<(), Box<dyn std::error::Error>> {
    let exact = Solver::Exact {
        node_limit: args.nodes,
    };
    let mut tallies: BTreeMap<(&str, &str), Tally> = BTreeMap::new();
    // Default plan against the exact optimum, where the exact mode proves it.
    let mut against: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    let courses: BTreeMap<&str, &CourseSpec> =
        spec.courses.iter().map(|c| (c.id.as_str(), c)).collect();
    for (i, targets) in cases.iter().enumerate() {
        let close_all = RecommendOptions::default();
        let fast = timed(framework, targets, &close_all, false)?;
        let best = timed(framework, targets, &close_all.clone().solver(exact), false)?;
        let hours = (fast.objective / 2.0).floor();
        let budget = RecommendOptions::default().budget(hours)?;
        let fast_budget = timed(framework, targets, &budget, true)?;
        let best_budget = timed(framework, targets, &budget.clone().solver(exact), true)?;
        if best.proven {
            against
                .entry("cover")
                .or_default()
                .push(if best.objective > 0.0 {
                    fast.objective / best.objective - 1.0
                } else {
                    0.0
                });
        }
        if best_budget.proven {
            against
                .entry("budget")
                .or_default()
                .push(if best_budget.objective > 0.0 {
                    1.0 - fast_budget.objective / best_budget.objective
                } else {
                    0.0
                });
        }
        for (kind, solver, run) in [
            ("cover", "default", &fast),
            ("cover", "exact", &best),
            ("budget", "default", &fast_budget),
            ("budget", "exact", &best_budget),
        ] {
            tallies.entry((kind, solver)).or_default().add(run);
        }
        if args.export.is_some() {
            export_instance(
                export,
                &format!("{name}-{i}"),
                targets,
                &courses,
                hours,
                [&fast, &best, &fast_budget, &best_budget],
            );
        }
    }
    say!("catalogue `{name}`: {} officers", cases.len());
    for ((kind, solver), t) in &tallies {
        let (m, p, w) = quantiles(&t.micros);
        let (cm, cp, cw) = quantiles(&t.certificate);
        say!(
            "  {kind:<6} {solver:<7} time per plan median {:>9.1} µs, p90 {:>9.1} µs, worst {:>10.1} µs; \
             certificate gap median {:.2}%, p90 {:.2}%, worst {:.2}%; proven optimal {} of {}",
            m,
            p,
            w,
            cm * 100.0,
            cp * 100.0,
            cw * 100.0,
            t.proven,
            t.micros.len()
        );
    }
    for (kind, gaps) in &against {
        let (m, p, w) = quantiles(gaps);
        say!(
            "  {kind:<6} default against the proven optimum ({} instances): median {:.2}%, p90 {:.2}%, worst {:.2}% {}",
            gaps.len(),
            m * 100.0,
            p * 100.0,
            w * 100.0,
            if *kind == "cover" { "above" } else { "below" }
        );
    }
    Ok(())
}

/// A department-sized instance: every skill essential to one of every third occupation, at
/// level 3, held at none. Thousands of gaps, plans of hundreds to thousands of courses.
/// Sample 0 takes every third occupation in id order; sample `i > 0` a random third, seeded
/// by `i`.
fn large(
    name: &str,
    sample: usize,
    framework: &Framework,
    spec: &FrameworkSpec,
    esco: &esco::Esco,
    args: &Args,
    export: &mut String,
) -> Result<(), Box<dyn std::error::Error>> {
    let occupations: BTreeSet<u32> = if sample == 0 {
        esco.occupations.iter().map(|o| o.0).step_by(3).collect()
    } else {
        let mut rng = SplitMix64::new(SEED ^ sample as u64);
        esco.occupations
            .iter()
            .map(|o| o.0)
            .filter(|_| rng.below(3) == 0)
            .collect()
    };
    let skills: BTreeSet<u32> = esco
        .links
        .iter()
        .filter(|&&(o, _, essential)| essential && occupations.contains(&o))
        .map(|&(_, s, _)| s)
        .collect();
    let targets: Vec<Target> = skills
        .iter()
        .map(|&s| Target {
            competency: esco::competency_id(s).into(),
            current: Level::NONE,
            required: Level::new(esco::ESSENTIAL_LEVEL).unwrap_or(Level::MAX),
        })
        .collect();
    let exact = RecommendOptions::default().solver(Solver::Exact {
        node_limit: args.nodes,
    });
    let fast = timed(framework, &targets, &RecommendOptions::default(), false)?;
    eprintln!(
        "  large {name} {sample}: default least hours {} courses, {:.0} h in {:.0} ms ({}), bound {:.1}",
        fast.courses.len(),
        fast.objective,
        fast.micros / 1e3,
        certificate(&fast),
        fast.bound
    );
    let best = timed(framework, &targets, &exact, false)?;
    eprintln!(
        "  large {name} {sample}: exact least hours {:.0} h in {:.0} ms ({}), bound {:.1}",
        best.objective,
        best.micros / 1e3,
        certificate(&best),
        best.bound
    );
    let hours = (fast.objective / 2.0).floor();
    let budget = RecommendOptions::default().budget(hours)?;
    let fast_budget = timed(framework, &targets, &budget, true)?;
    eprintln!(
        "  large {name} {sample}: default budget {:.0} in {:.0} ms ({})",
        fast_budget.objective,
        fast_budget.micros / 1e3,
        certificate(&fast_budget)
    );
    let best_budget = timed(
        framework,
        &targets,
        &budget.clone().solver(Solver::Exact {
            node_limit: args.nodes,
        }),
        true,
    )?;
    say!(
        "  department-sized {name} {sample}: {} gaps; least hours: default {} courses, {:.0} h in {:.0} ms ({}), exact {:.0} h in {:.0} ms ({}); \
         budget {hours} h: default {:.0} in {:.0} ms ({}), exact {:.0} in {:.0} ms ({})",
        targets.len(),
        fast.courses.len(),
        fast.objective,
        fast.micros / 1e3,
        certificate(&fast),
        best.objective,
        best.micros / 1e3,
        certificate(&best),
        fast_budget.objective,
        fast_budget.micros / 1e3,
        certificate(&fast_budget),
        best_budget.objective,
        best_budget.micros / 1e3,
        certificate(&best_budget),
    );
    if args.export.is_some() {
        let courses: BTreeMap<&str, &CourseSpec> =
            spec.courses.iter().map(|c| (c.id.as_str(), c)).collect();
        export_instance(
            export,
            &format!("{name}large-{sample}"),
            &targets,
            &courses,
            hours,
            [&fast, &best, &fast_budget, &best_budget],
        );
    }
    Ok(())
}

fn certificate(run: &Run) -> String {
    if run.proven {
        "proven optimal".to_owned()
    } else {
        format!("gap {:.2}%", run.gap * 100.0)
    }
}

/// Appends one instance as a JSON line: the candidate courses (those closing a target at
/// its level, and their prerequisites, transitively), their hours, the gaps each closes,
/// their direct prerequisites, each gap's value, the budget, and both solvers' results.
fn export_instance(
    out: &mut String,
    id: &str,
    targets: &[Target],
    courses: &BTreeMap<&str, &CourseSpec>,
    budget: f64,
    runs: [&Run; 4],
) {
    let gaps: Vec<&Target> = targets.iter().filter(|t| t.required > t.current).collect();
    let mut candidates: BTreeSet<&str> = BTreeSet::new();
    for g in &gaps {
        for c in courses.values() {
            if c.provides.iter().any(|o| {
                o.competency == g.competency && o.level.is_some_and(|l| l >= g.required.get())
            }) {
                candidates.insert(c.id.as_str());
            }
        }
    }
    let mut stack: Vec<&str> = candidates.iter().copied().collect();
    while let Some(c) = stack.pop() {
        for p in &courses[c].prerequisites {
            if candidates.insert(p.as_str()) {
                stack.push(p.as_str());
            }
        }
    }
    let index: BTreeMap<&str, usize> = candidates
        .iter()
        .enumerate()
        .map(|(i, &c)| (c, i))
        .collect();
    let mut hours = Vec::new();
    let mut covers = Vec::new();
    let mut prerequisites = Vec::new();
    for &c in &candidates {
        let spec = courses[c];
        hours.push(spec.hours);
        covers.push(
            gaps.iter()
                .enumerate()
                .filter(|(_, g)| {
                    spec.provides.iter().any(|o| {
                        o.competency == g.competency
                            && o.level.is_some_and(|l| l >= g.required.get())
                    })
                })
                .map(|(e, _)| e)
                .collect::<Vec<_>>(),
        );
        prerequisites.push(
            spec.prerequisites
                .iter()
                .map(|p| index[p.as_str()])
                .collect::<Vec<_>>(),
        );
    }
    let values: Vec<f64> = gaps
        .iter()
        .map(|g| f64::from(g.required.get() - g.current.get()))
        .collect();
    let run = |r: &Run| {
        let chosen: Vec<usize> = r.courses.iter().map(|c| index[c.as_str()]).collect();
        format!(
            r#"{{"objective":{},"bound":{},"proven":{},"hours":{},"nodes":{},"micros":{},"chosen":{:?}}}"#,
            r.objective, r.bound, r.proven, r.hours, r.nodes, r.micros, chosen
        )
    };
    let _ = writeln!(
        out,
        r#"{{"id":"{id}","hours":{hours:?},"covers":{covers:?},"prerequisites":{prerequisites:?},"values":{values:?},"budget":{budget},"cover_default":{},"cover_exact":{},"budget_default":{},"budget_exact":{}}}"#,
        run(runs[0]),
        run(runs[1]),
        run(runs[2]),
        run(runs[3]),
    );
}
