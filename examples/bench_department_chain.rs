//! A department on a prerequisite chain whose every course closes a gap of its own.
//!
//! Run with `cargo run --release --example bench_department_chain -- N [VARIANT]` where
//! VARIANT is one of `seats` (default: 10 officers, 5 seats per course), `cap` (and a cap of
//! 500 hours), `budget` (and a budget of 3,000 person-hours), `exact` (and
//! `Solver::Exact` with its default nodes), `all`. It prints the time of each plan, its
//! value closed and enrolments.

use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

use karmayogi::{
    AcbpOptions, Cohort, CourseOutcome, CourseSpec, Framework, LevelPolicy, Mode, OfficerSpec,
    Solver,
};

#[path = "support/one_post.rs"]
mod one_post;
use one_post::one_post;

fn chain(n: usize) -> Framework {
    let id = |i: usize| format!("k{i:06}");
    let required: Vec<String> = (0..n).map(|i| format!("c{i:06}")).collect();
    let courses = (0..n)
        .map(|i| CourseSpec {
            id: id(i).into(),
            name: "K".into(),
            hours: 1.0,
            mode: Mode::Formal,
            provides: vec![CourseOutcome {
                competency: required[i].as_str().into(),
                level: Some(5),
                level_name: None,
            }],
            prerequisites: if i == 0 {
                Vec::new()
            } else {
                vec![id(i - 1).into()]
            },
            provider: None,
            language: None,
        })
        .collect();
    one_post(&required, courses)
}

fn main() -> ExitCode {
    const USAGE: &str = "usage: bench_department_chain N [seats|cap|budget|exact|all]";
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
    if args.len() > 2 || !["seats", "cap", "budget", "exact", "all"].contains(&which) {
        eprintln!("error: expected one of seats, cap, budget, exact, all after N; {USAGE}");
        return ExitCode::FAILURE;
    }
    let fw = chain(n);
    let specs: Vec<OfficerSpec> = (0..10)
        .map(|i| OfficerSpec {
            id: format!("o{i:02}").into(),
            name: None,
            department: "d".into(),
            position: "p".into(),
            target_position: None,
            passbook: Vec::new(),
        })
        .collect();
    let cohort = Cohort::new(&fw, &specs, &LevelPolicy::default()).expect("valid officers");
    let seats = AcbpOptions::default().default_seats(5);
    let variants = [
        ("seats", seats.clone()),
        ("cap", seats.clone().officer_cap(500.0).expect("valid")),
        ("budget", seats.clone().budget(3_000.0).expect("valid")),
        ("exact", seats.clone().solver(Solver::default())),
    ];
    for (name, options) in variants {
        if which != "all" && which != name {
            continue;
        }
        let start = Instant::now();
        let plan = fw.department_plan(&cohort, &options).expect("a plan");
        let took = start.elapsed();
        let enrolled: usize = plan.enrolments.iter().map(|e| e.courses.len()).sum();
        let line = writeln!(
            std::io::stdout().lock(),
            "n = {n}, {name}: {took:.3?}, value {} of {}, {enrolled} enrolments, {:?}",
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
