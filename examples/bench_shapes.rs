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

#[path = "support/args.rs"]
mod args;
#[path = "support/out.rs"]
mod out;

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::io::Write;
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
                level_name: None,
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
fn dense(out: &mut dyn Write, shape: &str, n: usize) -> out::Outcome {
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
    let profile = Profile::new(&fw, &officer(0), &LevelPolicy::default())?;
    for (name, options) in [
        ("budget default", RecommendOptions::default()),
        (
            "budget greedy",
            RecommendOptions::default().solver(Solver::Greedy),
        ),
    ] {
        let budget = match std::env::var("BUDGET") {
            Ok(b) => (b.parse::<f64>())
                .map_err(|_| format!("BUDGET: expected a number of hours, found `{b}`"))?,
            Err(_) => (n / 2) as f64,
        };
        let options = options.budget(budget)?;
        let start = Instant::now();
        let plan = fw.recommend(&profile, "p", &options)?;
        let took = start.elapsed();
        let json = serde_json::to_string(&plan)?;
        writeln!(
            out,
            "{shape} {n} {name}: {took:?}, {} steps, hash {:016x}",
            plan.steps.len(),
            hash(&json)
        )?;
    }
    Ok(())
}

/// `diamond` and `diamond-same`: `department_plan` on a wide diamond.
fn diamond(out: &mut dyn Write, shape: &str, n: usize, officers: usize) -> out::Outcome {
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
    let cohort = Cohort::new(&fw, &specs, &LevelPolicy::default())?;
    for (name, options) in [
        ("default", AcbpOptions::default()),
        (
            "budget",
            AcbpOptions::default().budget((n * officers / 3) as f64)?,
        ),
        ("cap", AcbpOptions::default().officer_cap((n / 2) as f64)?),
        (
            "seats",
            AcbpOptions::default().default_seats((officers / 2) as u32),
        ),
    ] {
        let start = Instant::now();
        let plan = fw.department_plan(&cohort, &options)?;
        let took = start.elapsed();
        let json = serde_json::to_string(&plan)?;
        writeln!(
            out,
            "diamond {n} x{officers} {name}: {took:?}, hash {:016x}",
            hash(&json)
        )?;
    }
    Ok(())
}

const USAGE: args::Usage = args::Usage::positional_only(
    "bench_shapes dense|dense-last|dense-same|diamond|diamond-same N [OFFICERS]",
    3,
);

fn main() -> ExitCode {
    out::finish(run)
}

fn run(out: &mut dyn Write) -> out::Outcome {
    let Some(args) = USAGE.read(out)? else {
        return Ok(());
    };
    let (shape, n, officers) = match args.positional() {
        [shape, n, rest @ ..] => (shape.as_str(), USAGE.count(n, "N")?, rest.first()),
        _ => return Err(USAGE.error("SHAPE and N are needed").into()),
    };
    let n = usize::try_from(n)?;
    match shape {
        "dense" | "dense-last" | "dense-same" => match officers {
            None => dense(out, shape, n),
            Some(o) => Err(USAGE
                .error(&format!(
                    "unexpected argument `{o}`: {shape} has no officers"
                ))
                .into()),
        },
        "diamond" | "diamond-same" => {
            let officers = officers.map_or(Ok(20), |o| USAGE.count(o, "OFFICERS"))?;
            diamond(out, shape, n, usize::try_from(officers)?)
        }
        _ => Err(USAGE.error(&format!("unknown shape `{shape}`")).into()),
    }
}
