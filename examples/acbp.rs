//! An Annual Capacity Building Plan for a **synthetic** department built on the real ESCO
//! requirement side.
//!
//! Run with `cargo run --release --example acbp [OFFICERS]` (default 2,000).
//!
//! The department's posts are the real ESCO occupations of ISCO group 24 (business and
//! administration professionals: policy, finance, personnel and training work close to a
//! ministry's). Its officers, their passbooks and the 10,000-course catalogue are synthetic
//! (`examples/support/synth.rs`, `examples/support/catalogue.rs`); the skills they hold and
//! the courses build are real ESCO skills. The plan funds 16 hours per officer on average,
//! caps each officer at 40 hours, and gives every course 120 seats (four batches of 30).

#[path = "support/catalogue.rs"]
mod catalogue;
#[path = "support/esco.rs"]
mod esco;
#[path = "support/synth.rs"]
mod synth;

use std::process::ExitCode;
use std::time::Instant;

use karmayogi::{AcbpOptions, Cohort, Framework, LevelPolicy};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let officers: u64 = match std::env::args().nth(1) {
        Some(n) => n
            .parse()
            .map_err(|_| format!("`{n}` is not an officer count"))?,
        None => 2_000,
    };
    let esco = esco::Esco::load()?;
    let mut spec = esco.framework_spec();
    spec.courses = catalogue::catalogue(&esco, 10_000, 2024);
    let framework = Framework::new(spec)?;

    // The department's posts: ESCO occupations in ISCO group 24, in id order.
    let posts: Vec<usize> = framework
        .positions()
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            esco.occupations
                .iter()
                .find(|o| esco::position_id(o.0) == p.id.as_str())
                .is_some_and(|o| o.1.starts_with("24"))
        })
        .map(|(i, _)| i)
        .collect();
    if posts.is_empty() {
        return Err("no ESCO occupation in ISCO group 24".into());
    }
    let synth = synth::Synth::new(&framework, &synth::SynthOptions::default());
    let specs = (0..officers).map(|i| {
        let mut o = synth.officer_in(i, posts[i as usize % posts.len()]);
        o.department = "dept-of-administrative-reforms".into();
        o
    });
    let cohort = Cohort::new(&framework, specs, &LevelPolicy::default())?;

    let options = AcbpOptions::default()
        .budget(16.0 * officers as f64)?
        .officer_cap(40.0)?
        .default_seats(120)
        .threads(2);
    let start = Instant::now();
    let plan = framework.department_plan(&cohort, &options)?;
    let took = start.elapsed();

    println!(
        "Synthetic department: {} officers in {} real ESCO posts (ISCO 24), {} synthetic courses\n",
        cohort.len(),
        posts.len(),
        framework.courses().len()
    );
    let text = plan.to_string();
    let mut lines = text.lines();
    for line in lines.by_ref().take(3) {
        println!("{line}");
    }
    for line in lines
        .by_ref()
        .take_while(|l| !l.starts_with("competencies"))
        .take(15)
    {
        println!("{line}");
    }
    println!("  … {} courses in all\n", plan.courses.len());
    println!("Competencies with the most officers short (closed / left open):");
    for c in plan.competencies.iter().take(12) {
        let name = framework
            .competency(c.competency.as_str())
            .map_or("", |s| s.name.as_str());
        println!(
            "  {:<48} {:>5} short: {:>5} closed, {:>4} open ({} budget, {} seats, {} cap, {} no course)",
            name,
            c.officers_short,
            c.closed,
            c.open.total(),
            c.open.budget,
            c.open.seats,
            c.open.officer_cap,
            c.open.no_course + c.open.level_too_low
        );
    }
    println!("\nFirst enrolments:");
    for e in plan.enrolments.iter().take(5) {
        let ids: Vec<&str> = e.courses.iter().map(|c| c.as_str()).collect();
        println!(
            "  {} ({}): {:.0} h, closes {} gaps: {}",
            e.officer,
            e.position,
            e.hours,
            e.gaps_closed,
            ids.join(", ")
        );
    }
    println!("\nplanned in {:.2} s", took.as_secs_f64());
    println!(
        "\nOfficers and courses are synthetic. This product uses the ESCO classification of the European Commission."
    );
    Ok(())
}
