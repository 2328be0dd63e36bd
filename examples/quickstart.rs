//! Quickstart: a head post office's FRAC slice, its officers, their gaps and the department's
//! training needs.
//!
//! Run with `cargo run --release --example quickstart`.
//!
//! The framework (`examples/data/head_post_office.json`: 16 competencies of all three types
//! with level descriptors, 11 activities, 4 roles, 3 posts, 18 courses and other learning resources) and the five officers
//! (`examples/data/head_post_office_officers.json`) are illustrative, written for this
//! example in the crate's JSON interchange format; they are compiled in, so the example
//! reads no file.

use std::process::ExitCode;

use karmayogi::{
    Cohort, Framework, GapOptions, LevelPolicy, NeedsOptions, OfficersSpec, Profile, RankOptions,
};

const FRAMEWORK: &str = include_str!("data/head_post_office.json");
const OFFICERS: &str = include_str!("data/head_post_office_officers.json");

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let framework = Framework::from_json(FRAMEWORK)?;
    let officers = OfficersSpec::from_json(OFFICERS)?.officers;
    let policy = LevelPolicy::default();
    let options = GapOptions::default();

    println!(
        "Framework: {} competencies, {} activities, {} roles, {} positions, {} courses\n",
        framework.competencies().len(),
        framework.activities().len(),
        framework.roles().len(),
        framework.positions().len(),
        framework.courses().len()
    );

    println!("== What each post requires ==");
    for position in framework.positions() {
        println!("\n{} [{}]", position.name, position.id);
        for req in framework.requirements(position.id.as_str())? {
            let name = framework
                .competency(req.competency.as_str())
                .map_or("", |c| c.name.as_str());
            let why: Vec<String> = req
                .provenance
                .iter()
                .map(|p| match &p.activity {
                    Some(a) => format!("{} / {} @{}", p.role, a, p.level),
                    None => format!("{} (role) @{}", p.role, p.level),
                })
                .collect();
            println!(
                "  {:<42} {:<11} level {} {:<10} for {}",
                name,
                req.kind.as_str(),
                req.level,
                format!("({})", req.level.default_name()),
                why.join("; ")
            );
        }
    }

    println!("\n== Each officer against their post (self-declared evidence not counted) ==\n");
    for officer in &officers {
        let profile = Profile::new(&framework, officer, &policy)?;
        print!("{}", framework.gap(&profile, &options)?);
        if let Some(target) = profile.target_position(&framework)? {
            print!(
                "target post: {}",
                framework.gap_for(&profile, target.as_str(), &options)?
            );
        }
        println!();
    }

    let cohort = Cohort::new(&framework, &officers, &policy)?;
    println!("== Department training needs (heatmap) ==\n");
    print!(
        "{}",
        framework.training_needs(&cohort, &NeedsOptions::default())?
    );

    println!("\n== Vacancy: best-fit officers for Postmaster, Head Post Office ==\n");
    let ranking = RankOptions::default().top(3);
    for fit in framework.officers_for(&cohort, "postmaster-hpo", &ranking)? {
        println!(
            "  {:<14} readiness {:>3.0}%  {} levels short in {} competencies",
            fit.officer.as_str(),
            fit.readiness * 100.0,
            fit.shortfall_levels,
            fit.gaps
        );
    }

    println!("\n== Career paths: posts each officer is nearest to ==\n");
    for officer in &officers {
        let profile = Profile::new(&framework, officer, &policy)?;
        let fits = framework.positions_for(&profile, &RankOptions::default().top(2))?;
        let text: Vec<String> = fits
            .iter()
            .map(|f| format!("{} {:.0}%", f.position, f.readiness * 100.0))
            .collect();
        println!("  {:<14} {}", officer.id.as_str(), text.join(", "));
    }
    Ok(())
}
