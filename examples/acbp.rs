//! An Annual Capacity Building Plan for a **synthetic** department built on the real ESCO
//! requirement side.
//!
//! Run with `cargo run --release --example acbp [OFFICERS] [--full]` (default 2,000
//! officers; reads `data/esco`; about 10 seconds in a release build). It prints an excerpt
//! of the plan: the headline and the first rows of each section; `--full` prints the whole
//! plan instead, every course with its officers and every officer with their courses. After
//! the time taken it prints a fingerprint of the whole plan (FNV-1a of its text), to check
//! that a change leaves the plan as it was, on any number of threads.
//!
//! The department's posts are the real ESCO occupations of ISCO group 24 (business and
//! administration professionals: policy, finance, personnel and training work close to a
//! ministry's). Its officers, their passbooks and the 10,000-course catalogue are synthetic
//! (`examples/support/synth.rs`, `examples/support/catalogue.rs`); the skills they hold and
//! the courses build are real ESCO skills. The plan funds 16 hours per officer on average,
//! caps each officer at 40 hours, and gives every course 120 seats (four batches of 30).
//!
//! It then simulates the year: every officer completes the courses they were enrolled in,
//! reaching the level each course claims with probability 0.85 (0.3 for every 17th course,
//! a deliberately weak batch), and compares the snapshots before and after with
//! `Framework::compare`. Last, career paths by training hours for one officer, and the
//! officers a vacancy could be filled from.
//!
//! With `--export FILE` it also writes the department's instance as JSON lines for an
//! independent solver (`benches/acbp_highs.py`): a first line with the budget, the cap, the
//! seats and the plan's value, bound and hours; then one line per officer, rebuilt from the
//! public specs and the officer's gap report as `bench_plans --export` rebuilds a learning
//! path's: the candidate courses (closing a gap at its level, and their prerequisites not
//! completed, transitively) with their catalogue index, hours, the gaps each closes and
//! their direct prerequisites, and each gap's value (its shortfall).

#[path = "support/args.rs"]
mod args;
#[path = "support/catalogue.rs"]
mod catalogue;
#[path = "support/esco.rs"]
mod esco;
#[path = "support/out.rs"]
mod out;
#[path = "support/percent.rs"]
mod percent;
#[path = "support/synth.rs"]
mod synth;

use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

use karmayogi::{
    AcbpOptions, CareerFit, CareerOptions, Cohort, CompareOptions, Evidence, EvidenceSource,
    Framework, LevelPolicy, OfficerSpec, Profile,
};

/// Rows of each section of the plan shown without `--full`.
const EXCERPT_ROWS: usize = 12;

const USAGE: args::Usage = args::Usage {
    text: "acbp [OFFICERS] [--full] [--export FILE]",
    flags: &["--full"],
    options: &["--export"],
    positional: 1,
};

fn main() -> ExitCode {
    out::finish(run)
}

fn run(out: &mut dyn Write) -> out::Outcome {
    let args = USAGE.parse_env()?;
    if args.help {
        return Ok(writeln!(out, "usage: {}", USAGE.text)?);
    }
    let full = args.flag("--full");
    let officers = match args.positional().first() {
        Some(n) => USAGE.count(n, "OFFICERS")?,
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
    let officer = |i: u64| {
        let mut o = synth.officer_in(i, posts[i as usize % posts.len()]);
        o.department = "dept-of-administrative-reforms".into();
        o
    };
    let cohort = Cohort::new(
        &framework,
        (0..officers).map(officer),
        &LevelPolicy::default(),
    )?;

    let options = options_of(officers).threads(2);
    let start = Instant::now();
    let plan = framework.department_plan(&cohort, &options)?;
    let took = start.elapsed();

    writeln!(
        out,
        "Synthetic department: {} officers in {} real ESCO posts (ISCO 24), {} synthetic courses\n",
        cohort.len(),
        posts.len(),
        framework.courses().len()
    )?;
    let text = plan.to_string();
    if full {
        write!(out, "{text}")?;
    } else {
        excerpt(out, &text)?;
    }
    writeln!(
        out,
        "\nplanned in {:.2} s; plan fingerprint {:016x} (FNV-1a of the whole plan as `--full` prints it)",
        took.as_secs_f64(),
        fnv1a(text.as_bytes())
    )?;

    if let Some(path) = args.option("--export") {
        std::fs::write(path, export(&framework, &cohort, &plan, &officer)?)?;
        writeln!(out, "instance written to {path}")?;
    }
    monitor(out, &framework, &cohort, &plan, officer)?;
    careers(out, &framework, &cohort, &officer(0))?;
    writeln!(
        out,
        "\nOfficers, courses and completions are synthetic. This product uses the ESCO classification of the European Commission."
    )?;
    Ok(())
}

/// The budget, cap and seats of the example's department of `officers`.
fn options_of(officers: u64) -> AcbpOptions {
    AcbpOptions::default()
        .budget(16.0 * officers as f64)
        .and_then(|o| o.officer_cap(OFFICER_CAP))
        .expect("a finite budget and cap")
        .default_seats(SEATS)
}

/// Each officer's cap, in hours, and each course's seats.
const OFFICER_CAP: f64 = 40.0;
const SEATS: u32 = 120;

/// The department's instance as JSON lines (see the crate docs above). O(officers ×
/// (gaps × closers + candidates)).
fn export(
    framework: &Framework,
    cohort: &Cohort,
    plan: &karmayogi::DepartmentPlan<'_>,
    officer: &impl Fn(u64) -> OfficerSpec,
) -> Result<String, Box<dyn std::error::Error>> {
    use std::collections::{BTreeMap, BTreeSet, HashMap};
    use std::fmt::Write as _;
    let courses = framework.courses();
    let index: HashMap<&str, usize> = courses
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    // Per competency, the courses building it and the level they bring a learner to.
    let mut building: HashMap<&str, Vec<(usize, u8)>> = HashMap::new();
    for (i, c) in courses.iter().enumerate() {
        for o in &c.provides {
            if let Some(level) = o.level {
                building
                    .entry(o.competency.as_str())
                    .or_default()
                    .push((i, level));
            }
        }
    }
    let gap = match plan.optimality {
        karmayogi::Optimality::Optimal => 0.0,
        karmayogi::Optimality::Bounded { gap } => gap,
    };
    let mut text = format!(
        "{{\"officers\":{},\"budget\":{},\"cap\":{OFFICER_CAP},\"seats\":{SEATS},\"courses\":{},\"value_closed\":{},\"value_total\":{},\"bound\":{},\"gap\":{gap},\"hours\":{}}}\n",
        cohort.len(),
        plan.budget.unwrap_or(f64::INFINITY),
        courses.len(),
        plan.value_closed,
        plan.value_total,
        plan.bound,
        plan.hours,
    );
    for i in 0..cohort.len() {
        let spec = officer(i as u64);
        let profile = cohort.profile(i).ok_or("officer out of range")?;
        let report = framework.gap(&profile, &karmayogi::GapOptions::default())?;
        let done: BTreeSet<usize> = spec
            .passbook
            .iter()
            .filter_map(|e| e.course.as_ref())
            .filter_map(|c| index.get(c.as_str()).copied())
            .collect();
        let gaps: Vec<(&str, u8, u8)> = report
            .gaps
            .iter()
            .map(|g| (g.competency.as_str(), g.required.get(), g.current.get()))
            .collect();
        let mut candidates: BTreeSet<usize> = BTreeSet::new();
        for &(competency, required, _) in &gaps {
            for &(c, level) in building.get(competency).map_or(&[][..], Vec::as_slice) {
                if level >= required && !done.contains(&c) {
                    candidates.insert(c);
                }
            }
        }
        let mut stack: Vec<usize> = candidates.iter().copied().collect();
        while let Some(c) = stack.pop() {
            for p in &courses[c].prerequisites {
                let p = index[p.as_str()];
                if !done.contains(&p) && candidates.insert(p) {
                    stack.push(p);
                }
            }
        }
        let local: BTreeMap<usize, usize> = candidates
            .iter()
            .enumerate()
            .map(|(k, &c)| (c, k))
            .collect();
        let (mut hours, mut covers, mut prerequisites) = (Vec::new(), Vec::new(), Vec::new());
        for &c in &candidates {
            let spec = &courses[c];
            hours.push(spec.hours);
            covers.push(
                gaps.iter()
                    .enumerate()
                    .filter(|(_, g)| {
                        spec.provides.iter().any(|o| {
                            o.competency.as_str() == g.0 && o.level.is_some_and(|l| l >= g.1)
                        })
                    })
                    .map(|(e, _)| e)
                    .collect::<Vec<_>>(),
            );
            prerequisites.push(
                spec.prerequisites
                    .iter()
                    .filter_map(|p| local.get(&index[p.as_str()]).copied())
                    .collect::<Vec<_>>(),
            );
        }
        let values: Vec<u8> = gaps.iter().map(|g| g.1 - g.2).collect();
        writeln!(
            text,
            "{{\"courses\":{:?},\"hours\":{hours:?},\"covers\":{covers:?},\"prerequisites\":{prerequisites:?},\"values\":{values:?}}}",
            candidates.iter().collect::<Vec<_>>()
        )?;
    }
    Ok(text)
}

/// Simulates the year of training and compares the snapshots before and after.
fn monitor(
    out: &mut dyn Write,
    framework: &Framework,
    before: &Cohort,
    plan: &karmayogi::DepartmentPlan<'_>,
    officer: impl Fn(u64) -> OfficerSpec,
) -> Result<(), Box<dyn std::error::Error>> {
    let courses: std::collections::BTreeMap<&str, Vec<&str>> = plan
        .enrolments
        .iter()
        .map(|e| {
            (
                e.officer.as_str(),
                e.courses.iter().map(|c| c.as_str()).collect(),
            )
        })
        .collect();
    let mut rng = synth::SplitMix64::new(31);
    let after_specs: Vec<OfficerSpec> = (0..before.len() as u64)
        .map(|i| {
            let mut o = officer(i);
            for &course in courses.get(o.id.as_str()).map_or(&[][..], Vec::as_slice) {
                let weak = course
                    .trim_start_matches("course-")
                    .parse::<u32>()
                    .is_ok_and(|n| n % 17 == 0);
                let reached = rng.chance(if weak { 300 } else { 850 });
                for outcome in framework
                    .course(course)
                    .map_or(&[][..], |c| c.provides.as_slice())
                {
                    let claimed = outcome.level.unwrap_or(1);
                    o.passbook.push(Evidence {
                        competency: outcome.competency.clone(),
                        level: if reached { claimed } else { claimed - 1 },
                        level_name: None,
                        source: EvidenceSource::CourseCompletion,
                        date: "2026-03-31".to_owned(),
                        verified: true,
                        course: Some(course.into()),
                    });
                }
            }
            o
        })
        .collect();
    let after = Cohort::new(framework, &after_specs, &LevelPolicy::default())?;
    let start = Instant::now();
    let evaluation = framework.compare(before, &after, &CompareOptions::default())?;
    let took = start.elapsed();
    let o = &evaluation.overall;
    writeln!(
        out,
        "\nAfter the year (simulated completions), against the same posts:"
    )?;
    writeln!(out, "  {o}")?;
    writeln!(
        out,
        "  least effective courses (share of completers reaching the level the course claims):"
    )?;
    for c in evaluation
        .courses
        .iter()
        .filter(|c| c.completers >= 20)
        .take(5)
    {
        let rate = c
            .rate
            .map_or_else(|| "no level claimed".to_owned(), |r| percent::percent(r, 0));
        writeln!(
            out,
            "    {} [{}]: {rate} of {} completers",
            c.name, c.course, c.completers
        )?;
    }
    writeln!(out, "  compared in {:.0} ms", took.as_secs_f64() * 1e3)?;
    Ok(())
}

/// Career paths for one officer and successors for one vacancy, by training hours.
fn careers(
    out: &mut dyn Write,
    framework: &Framework,
    cohort: &Cohort,
    first: &OfficerSpec,
) -> Result<(), Box<dyn std::error::Error>> {
    let profile = Profile::new(framework, first, &LevelPolicy::default())?;
    let start = Instant::now();
    // Within the occupational family of the department's posts (ISCO major group 2).
    let paths = framework.career_paths(
        &profile,
        &CareerOptions::default().top(5).department("isco-2"),
    )?;
    let took = start.elapsed();
    writeln!(
        out,
        "\nProfessional posts (ISCO 2) {} could be ready for with the least training ({:.1} ms):",
        first.id,
        took.as_secs_f64() * 1e3
    )?;
    write!(out, "{}", CareerFit::table(&paths))?;
    let vacancy = first.position.as_str();
    let start = Instant::now();
    let successors = framework.successors(cohort, vacancy, &CareerOptions::default().top(5))?;
    let took = start.elapsed();
    let name = framework.position(vacancy).map_or("", |p| p.name.as_str());
    writeln!(
        out,
        "\nA vacancy for {name}: officers of other posts needing the least training ({:.1} ms):",
        took.as_secs_f64() * 1e3
    )?;
    write!(out, "{}", CareerFit::table(&successors))?;
    Ok(())
}

/// The plan's headline and the first [`EXCERPT_ROWS`] rows of each of its sections.
fn excerpt(out: &mut dyn Write, plan: &str) -> out::Outcome {
    for (i, block) in plan.split("\n\n").enumerate() {
        let lines: Vec<&str> = block.lines().collect();
        // The headline whole; a section's title and column header, then its first rows.
        let keep = if i == 0 {
            lines.len()
        } else {
            2 + EXCERPT_ROWS
        };
        if i > 0 {
            writeln!(out)?;
        }
        for line in lines.iter().take(keep) {
            writeln!(out, "{line}")?;
        }
        if lines.len() > keep {
            writeln!(out, "  ... {} more lines", lines.len() - keep)?;
        }
    }
    Ok(())
}

/// FNV-1a, a stable fingerprint of the printed plan: the same on any number of threads.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
