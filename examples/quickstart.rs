//! Quickstart: a head post office's FRAC slice and its officers, from what each post
//! requires to the department's year of training.
//!
//! Run with `cargo run --release --example quickstart` (no arguments, no data files, well
//! under a second).
//!
//! The framework (`examples/data/head_post_office.json`: 16 competencies of all three types
//! with level descriptors, 11 activities, 4 roles, 3 posts, 18 courses and other learning
//! resources) and the five officers (`examples/data/head_post_office_officers.json`) are
//! illustrative, written for this example in the crate's JSON interchange format; they are
//! compiled in, so the example reads no file. It prints, in order: each post's
//! requirements with the roles and activities behind them; each officer's gaps against
//! their post (and their target post); the department's training-needs heatmap; the
//! department's annual capacity-building plan (who attends what); the officers best fitted
//! to a vacancy; and one officer's career paths with the learning path to the nearest.

#[path = "support/args.rs"]
mod args;
#[path = "support/out.rs"]
mod out;

use std::io::Write;
use std::process::ExitCode;

use karmayogi::{
    AcbpOptions, CareerFit, CareerOptions, Cohort, Fit, Framework, GapOptions, LevelPolicy,
    NeedsOptions, OfficersSpec, Profile, RankOptions, RecommendOptions,
};

const FRAMEWORK: &str = include_str!("data/head_post_office.json");
const OFFICERS: &str = include_str!("data/head_post_office_officers.json");

/// The post whose vacancy is filled, and the officer whose career is explored.
const VACANCY: &str = "postmaster-hpo";
const CAREER_OF: &str = "arjun-rao";

const USAGE: args::Usage = args::Usage {
    text: "quickstart (no arguments)",
    flags: &[],
    options: &[],
    positional: 0,
};

fn main() -> ExitCode {
    out::finish(run)
}

fn run(out: &mut dyn Write) -> out::Outcome {
    if USAGE.parse_env()?.help {
        return Ok(writeln!(out, "usage: {}", USAGE.text)?);
    }
    let framework = Framework::from_json(FRAMEWORK)?;
    let officers = OfficersSpec::from_json(OFFICERS)?.officers;
    let policy = LevelPolicy::default();
    let options = GapOptions::default();

    writeln!(
        out,
        "Framework: {} competencies, {} activities, {} roles, {} positions, {} courses",
        framework.competencies().len(),
        framework.activities().len(),
        framework.roles().len(),
        framework.positions().len(),
        framework.courses().len()
    )?;

    requirements(out, &framework)?;

    writeln!(
        out,
        "\n== Each officer against their post (self-declared evidence not counted) ==\n"
    )?;
    for officer in &officers {
        let profile = Profile::new(&framework, officer, &policy)?;
        write!(out, "{}", framework.gap(&profile, &options)?)?;
        if let Some(target) = profile.target_position(&framework)? {
            write!(
                out,
                "target post: {}",
                framework.gap_for(&profile, target.as_str(), &options)?
            )?;
        }
        writeln!(out)?;
    }

    let cohort = Cohort::new(&framework, &officers, &policy)?;
    writeln!(out, "== Department training needs (heatmap) ==\n")?;
    write!(
        out,
        "{}",
        framework.training_needs(&cohort, &NeedsOptions::default())?
    )?;

    writeln!(
        out,
        "\n== Annual capacity building plan: 24 hours per officer at most ==\n"
    )?;
    let acbp = AcbpOptions::default().officer_cap(24.0)?;
    write!(out, "{}", framework.department_plan(&cohort, &acbp)?)?;

    let vacancy = framework
        .position(VACANCY)
        .ok_or("the example framework has no postmaster post")?;
    writeln!(
        out,
        "\n== Vacancy: the officers best fitted to {} ==\n",
        vacancy.name
    )?;
    let fits = framework.officers_for(&cohort, VACANCY, &RankOptions::default().top(3))?;
    write!(out, "{}", Fit::table(&fits))?;
    if let Some(best) = fits.first() {
        let index = cohort
            .find(best.officer.as_str())
            .ok_or("unknown officer")?;
        let profile = cohort.profile(index).ok_or("unknown officer")?;
        write!(
            out,
            "\nwhat the best fitted lacks: {}",
            framework.gap_for(&profile, VACANCY, &options)?
        )?;
    }

    let officer = officers
        .iter()
        .find(|o| o.id.as_str() == CAREER_OF)
        .ok_or("the example has no officer arjun-rao")?;
    let profile = Profile::new(&framework, officer, &policy)?;
    writeln!(
        out,
        "\n== Career paths: the posts {} could hold after the least training ==\n",
        profile.name().unwrap_or(CAREER_OF)
    )?;
    let paths = framework.career_paths(&profile, &CareerOptions::default().top(3))?;
    write!(out, "{}", CareerFit::table(&paths))?;
    if let Some(nearest) = paths.first() {
        let step = framework.career_step(
            &profile,
            nearest.position.as_str(),
            &options,
            &RecommendOptions::default(),
        )?;
        write!(out, "\nthe move to the nearest: {step}")?;
    }
    Ok(())
}

/// Each post's requirements, with the roles and activities that demand them.
fn requirements(out: &mut dyn Write, framework: &Framework) -> out::Outcome {
    writeln!(out, "\n== What each post requires ==")?;
    for position in framework.positions() {
        writeln!(out, "\n{} [{}]", position.name, position.id)?;
        let requirements = framework.requirements(position.id.as_str())?;
        let width = requirements.iter().map(|r| r.name.len()).max().unwrap_or(0);
        for req in requirements {
            let why: Vec<String> = req
                .provenance
                .iter()
                .map(|p| match &p.activity {
                    Some(a) => format!("{} / {} @{}", p.role, a, p.level),
                    None => format!("{} @{}", p.role, p.level),
                })
                .collect();
            writeln!(
                out,
                "  {:<width$}  {:<11}  level {} {:<12}  for {}",
                req.name,
                req.kind.as_str(),
                req.level,
                format!("({})", req.level.default_name()),
                why.join("; ")
            )?;
        }
    }
    Ok(())
}
