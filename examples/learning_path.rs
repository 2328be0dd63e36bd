//! A learning path for an officer of the quickstart head post office: the least-hours plan
//! to reach a promotion post, the same plan within an hour budget, split into terms, and
//! steered towards the 70-20-10 blend, each pick explained.
//!
//! Run with `cargo run --release --example learning_path [OFFICER [POSITION]]`
//! (default: `arjun-rao` towards his target post; no data files, well under a second). The
//! framework and officers are the illustrative ones of the quickstart example.

#[path = "support/args.rs"]
mod args;
#[path = "support/out.rs"]
mod out;
#[path = "support/percent.rs"]
mod percent;

use std::io::Write;
use std::process::ExitCode;

use karmayogi::{
    Framework, GapOptions, LevelPolicy, OfficersSpec, Profile, RecommendOptions, Solver,
};

const FRAMEWORK: &str = include_str!("data/head_post_office.json");
const OFFICERS: &str = include_str!("data/head_post_office_officers.json");

fn main() -> ExitCode {
    out::finish(run)
}

const USAGE: args::Usage = args::Usage {
    text: "learning_path [OFFICER [POSITION]]",
    flags: &[],
    options: &[],
    positional: 2,
};

fn run(out: &mut dyn Write) -> out::Outcome {
    let given = USAGE.parse_env()?;
    if given.help {
        return Ok(writeln!(out, "usage: {}", USAGE.text)?);
    }
    let framework = Framework::from_json(FRAMEWORK)?;
    let officers = OfficersSpec::from_json(OFFICERS)?.officers;
    let mut args = given.positional().iter().cloned();
    let officer_id = args.next().unwrap_or_else(|| "arjun-rao".to_owned());
    let officer = officers
        .iter()
        .find(|o| o.id.as_str() == officer_id)
        .ok_or_else(|| {
            let known: Vec<&str> = officers.iter().map(|o| o.id.as_str()).collect();
            format!(
                "unknown officer `{officer_id}`; known: {}",
                known.join(", ")
            )
        })?;
    let profile = Profile::new(&framework, officer, &LevelPolicy::default())?;
    let position = match args.next() {
        Some(p) => p,
        None => profile
            .target_position(&framework)?
            .unwrap_or(profile.position(&framework)?)
            .to_string(),
    };

    writeln!(
        out,
        "{}",
        framework.gap_for(&profile, &position, &GapOptions::default())?
    )?;
    let completed = profile.completed_courses(&framework)?;
    if !completed.is_empty() {
        let names: Vec<String> = completed
            .iter()
            .map(|c| match framework.course(c.as_str()) {
                Some(course) => format!("{} [{c}]", course.name),
                None => c.to_string(),
            })
            .collect();
        writeln!(
            out,
            "Already completed (never recommended again): {}\n",
            names.join(", ")
        )?;
    }

    writeln!(
        out,
        "== Least-hours plan closing every closable gap (exact) =="
    )?;
    let exact = RecommendOptions::default().solver(Solver::Exact {
        node_limit: 100_000,
    });
    let plan = framework.recommend(&profile, &position, &exact)?;
    writeln!(
        out,
        "{plan}optimality: {:?} after {} search nodes\n",
        plan.optimality, plan.nodes
    )?;

    writeln!(out, "== The same with the fast greedy solver ==")?;
    let greedy = framework.recommend(&profile, &position, &RecommendOptions::default())?;
    writeln!(
        out,
        "{:.1} hours (exact: {:.1})\n",
        greedy.total_hours, plan.total_hours
    )?;

    writeln!(
        out,
        "== Within a 40-hour annual budget, in terms of at most 20 hours =="
    )?;
    let budget = RecommendOptions::default().budget(40.0)?.term_hours(20.0)?;
    writeln!(
        out,
        "{}",
        framework.recommend(&profile, &position, &budget)?
    )?;

    writeln!(
        out,
        "== Steered towards 70-20-10: at most 10% formal hours where alternatives exist =="
    )?;
    let blend = RecommendOptions::default().max_formal_share(0.1)?;
    let plan = framework.recommend(&profile, &position, &blend)?;
    writeln!(
        out,
        "{plan}formal share {} (target met: {})",
        percent::percent(plan.blend.formal_share(), 0),
        plan.blend_target_met.unwrap_or(false)
    )?;
    Ok(())
}
