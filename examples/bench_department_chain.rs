//! A department on a prerequisite chain of one-hour courses, each requiring the one before.
//!
//! Run with `cargo run --release --example bench_department_chain -- N [VARIANT] [SHAPE]`
//! where VARIANT is one of `seats` (default: 10 officers, 5 seats per course), `cap` (and a
//! cap of 500 hours), `budget` (and a budget of 3,000 person-hours), `exact` (and
//! `Solver::Exact` with its default nodes), `recommend` (the first officer's least-hours
//! plan alone, default solver), `greedy` (the same with `Solver::Greedy`), `within` (the
//! first officer's plan within a budget of N hours, default solver), `greedy-within` (the
//! same with `Solver::Greedy`), `all`; and SHAPE
//! one of `own` (default: every course closes a gap of its own), `same` (every course
//! closes the same gap `c` at level 5, and the post also requires `c2`, which no course
//! builds) or `top` (as `same`, but course `i` of `n` brings `c` to level `1 + 5i/n`: only
//! the top fifth closes it), the shapes of `examples/support/chain.rs`, which the planning
//! tests share. It prints the time of each plan, its value closed and
//! enrolments (or hours).

use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

use karmayogi::{Cohort, Framework, LevelPolicy, OfficerSpec, Profile, RecommendOptions, Solver};

#[path = "support/chain.rs"]
mod chain;
use chain::{Shape, chain, department_modes, newcomers};

/// Plans the first officer alone (`recommend`, `greedy`, `within`, `greedy-within` or all
/// four for `all`) and prints each plan; `false` when the reader stopped early (`| head`).
fn recommend_first(fw: &Framework, spec: &OfficerSpec, n: usize, which: &str, shape: &str) -> bool {
    #[allow(clippy::cast_precision_loss)] // n is far below 2^52
    let within = RecommendOptions::default()
        .budget(n as f64)
        .expect("a budget");
    for (name, options) in [
        ("recommend", RecommendOptions::default()),
        ("greedy", RecommendOptions::default().solver(Solver::Greedy)),
        ("within", within.clone()),
        ("greedy-within", within.clone().solver(Solver::Greedy)),
    ] {
        if which != "all" && which != name {
            continue;
        }
        let profile = Profile::new(fw, spec, &LevelPolicy::default()).expect("valid");
        let start = Instant::now();
        let plan = fw.recommend(&profile, "p", &options).expect("a plan");
        let took = start.elapsed();
        let line = writeln!(
            std::io::stdout().lock(),
            "n = {n}, {shape}, {name}: {took:.3?}, {} courses, {} hours, {:?}",
            plan.steps.len(),
            plan.total_hours,
            plan.optimality
        );
        if line.is_err() {
            return false;
        }
    }
    true
}

fn main() -> ExitCode {
    const USAGE: &str = "usage: bench_department_chain N \
        [seats|cap|budget|exact|recommend|greedy|within|greedy-within|all] [own|same|top]";
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().is_some_and(|a| a == "-h" || a == "--help") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let n = match args.first().map(|a| (a, a.parse::<usize>())) {
        Some((_, Ok(n))) if n > 0 => n,
        Some((a, _)) => {
            eprintln!("error: N: expected a whole number above 0, found `{a}`; {USAGE}");
            return ExitCode::FAILURE;
        }
        None => {
            eprintln!("error: N missing; {USAGE}");
            return ExitCode::FAILURE;
        }
    };
    let which = args.get(1).map_or("seats", String::as_str);
    let variants = [
        "seats",
        "cap",
        "budget",
        "exact",
        "recommend",
        "greedy",
        "within",
        "greedy-within",
        "all",
    ];
    if !variants.contains(&which) {
        eprintln!(
            "error: expected one of seats, cap, budget, exact, recommend, greedy, within, \
             greedy-within, all after N; \
             {USAGE}"
        );
        return ExitCode::FAILURE;
    }
    let shape = args.get(2).map_or("own", String::as_str);
    let built = match Shape::named(shape) {
        Some(built @ (Shape::Own | Shape::Same | Shape::Top)) if args.len() <= 3 => built,
        _ => {
            eprintln!("error: expected one of own, same, top after the variant; {USAGE}");
            return ExitCode::FAILURE;
        }
    };
    let fw = chain(n, built);
    let specs = newcomers(10);
    if !recommend_first(&fw, &specs[0], n, which, shape) {
        return ExitCode::SUCCESS;
    }
    let cohort = Cohort::new(&fw, &specs, &LevelPolicy::default()).expect("valid officers");
    for (name, options) in department_modes() {
        if which != "all" && which != name {
            continue;
        }
        let start = Instant::now();
        let plan = fw.department_plan(&cohort, &options).expect("a plan");
        let took = start.elapsed();
        let enrolled: usize = plan.enrolments.iter().map(|e| e.courses.len()).sum();
        let line = writeln!(
            std::io::stdout().lock(),
            "n = {n}, {shape}, {name}: {took:.3?}, value {} of {}, {enrolled} enrolments, {:?}",
            plan.value_closed,
            plan.value_total,
            plan.optimality
        );
        // A reader that stopped early (`| head`) ends the run, as it does every example's.
        if line.is_err() {
            return ExitCode::SUCCESS;
        }
    }
    ExitCode::SUCCESS
}
