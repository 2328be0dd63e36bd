//! Extreme prerequisite shapes for the planners (see BENCHMARKS.md, "Extreme shapes: dense
//! prerequisites and wide diamonds").
//!
//! `cargo run --release --example bench_shapes -- SHAPE N [OFFICERS]`, one-hour courses:
//! - `dense`: course i requires every earlier course and closes a gap of its own; a
//!   budgeted `recommend` (n/2 hours, or `BUDGET` from the environment) with the default
//!   solver, then `Solver::Greedy`. `dense-last`: only the last course closes a gap;
//!   `dense-same`: every course closes the same gap.
//! - `diamond`: one root course, n courses each requiring it and closing a gap of its own,
//!   and one course requiring all n and closing another; `department_plan` for OFFICERS
//!   newcomers (default 20) with default options, a budget of n·OFFICERS/3 person-hours, an
//!   officer cap of n/2 hours and officers/2 seats a course. `diamond-same`: the n courses
//!   close the same gap. `VARIED` in the environment gives the n courses 1 to 13 hours.
//!
//! Prints each plan's time and a hash of its JSON (the same hash, the same plan).

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::process::ExitCode;
use std::time::Instant;

use karmayogi::{
    AcbpOptions, Cohort, CourseOutcome, CourseSpec, LevelPolicy, Mode, OfficerSpec, Profile,
    RecommendOptions, Solver,
};

#[path = "support/one_post.rs"]
mod one_post;
use one_post::one_post;

fn course(id: String, provides: Option<&str>, prerequisites: Vec<String>) -> CourseSpec {
    CourseSpec {
        id: id.into(),
        name: "K".into(),
        hours: 1.0,
        mode: Mode::Formal,
        provides: provides
            .map(|c| CourseOutcome {
                competency: c.into(),
                level: Some(5),
            })
            .into_iter()
            .collect(),
        prerequisites: prerequisites.into_iter().map(Into::into).collect(),
        provider: None,
        language: None,
    }
}

fn id(i: usize) -> String {
    format!("k{i:06}")
}

fn hash(text: &str) -> u64 {
    let mut h = DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

fn officer(i: usize) -> OfficerSpec {
    OfficerSpec {
        id: format!("o{i:04}").into(),
        name: None,
        department: "d".into(),
        position: "p".into(),
        target_position: None,
        passbook: Vec::new(),
    }
}

/// `dense`, `dense-last` and `dense-same`: a budgeted `recommend` on dense prerequisites.
fn dense(shape: &str, n: usize) {
    let last = shape != "dense";
    let same = shape == "dense-same";
    let required: Vec<String> = if last {
        vec!["c".into()]
    } else {
        (0..n).map(|i| format!("c{i:06}")).collect()
    };
    let courses = (0..n)
        .map(|i| {
            let provides = if last {
                (same || i + 1 == n).then_some("c")
            } else {
                Some(required[i].as_str())
            };
            course(id(i), provides, (0..i).map(id).collect())
        })
        .collect();
    let fw = one_post(&required, courses);
    let profile = Profile::new(&fw, &officer(0), &LevelPolicy::default()).expect("valid");
    for (name, options) in [
        ("budget default", RecommendOptions::default()),
        (
            "budget greedy",
            RecommendOptions::default().solver(Solver::Greedy),
        ),
    ] {
        let budget = std::env::var("BUDGET")
            .ok()
            .and_then(|b| b.parse().ok())
            .unwrap_or((n / 2) as f64);
        let options = options.budget(budget).expect("valid");
        let start = Instant::now();
        let plan = fw.recommend(&profile, "p", &options).expect("a plan");
        let took = start.elapsed();
        let json = serde_json::to_string(&plan).expect("json");
        println!(
            "{shape} {n} {name}: {took:?}, {} steps, hash {:016x}",
            plan.steps.len(),
            hash(&json)
        );
    }
}

/// `diamond` and `diamond-same`: `department_plan` on a wide diamond.
fn diamond(shape: &str, n: usize, officers: usize) {
    let same = shape == "diamond-same";
    let mut required: Vec<String> = (0..n).map(|i| format!("c{i:06}")).collect();
    required.push("top".into());
    let mut courses = vec![course("root".into(), None, Vec::new())];
    courses.extend((0..n).map(|i| {
        let provides = if same {
            "c000000"
        } else {
            required[i].as_str()
        };
        let mut k = course(id(i), Some(provides), vec!["root".into()]);
        if std::env::var_os("VARIED").is_some() {
            k.hours = 1.0 + (i * 7919 % 13) as f64;
        }
        k
    }));
    courses.push(course("apex".into(), Some("top"), (0..n).map(id).collect()));
    let fw = one_post(&required, courses);
    let specs: Vec<OfficerSpec> = (0..officers).map(officer).collect();
    let cohort = Cohort::new(&fw, &specs, &LevelPolicy::default()).expect("valid");
    for (name, options) in [
        ("default", AcbpOptions::default()),
        (
            "budget",
            AcbpOptions::default()
                .budget((n * officers / 3) as f64)
                .expect("valid"),
        ),
        (
            "cap",
            AcbpOptions::default()
                .officer_cap((n / 2) as f64)
                .expect("valid"),
        ),
        (
            "seats",
            AcbpOptions::default().default_seats((officers / 2) as u32),
        ),
    ] {
        let start = Instant::now();
        let plan = fw.department_plan(&cohort, &options).expect("a plan");
        let took = start.elapsed();
        let json = serde_json::to_string(&plan).expect("json");
        println!(
            "diamond {n} x{officers} {name}: {took:?}, hash {:016x}",
            hash(&json)
        );
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(shape), Some(Ok(n))) = (args.first(), args.get(1).map(|a| a.parse::<usize>())) else {
        eprintln!(
            "usage: bench_shapes dense|dense-last|dense-same|diamond|diamond-same N [OFFICERS]"
        );
        return ExitCode::FAILURE;
    };
    match shape.as_str() {
        "dense" | "dense-last" | "dense-same" => dense(shape, n),
        "diamond" | "diamond-same" => {
            let officers = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(20);
            diamond(shape, n, officers);
        }
        _ => {
            eprintln!("unknown shape {shape}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
