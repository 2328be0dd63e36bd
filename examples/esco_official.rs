//! Loads the official ESCO CSV download as the European Commission publishes it, and
//! prints a summary; given the compact files of `data/esco` as well, checks that both
//! layouts give the same framework document.
//!
//! ```text
//! cargo run --release --example esco_official -- DIR [COMPACT_DIR]
//! ```
//!
//! `DIR` holds the unzipped official files: `occupations_<lang>.csv`, `skills_<lang>.csv`
//! and `skillsHierarchy_<lang>.csv` from `ESCO dataset - v1.1.1 - classification - <lang> -
//! csv.zip`, and `occupationSkillRelations.csv` and `broaderRelationsSkillPillar.csv`
//! from the language-independent `ESCO dataset - v1.1.1 - classification -  - csv.zip`.
//! Both archives are downloaded from the ESCO portal,
//! <https://esco.ec.europa.eu/en/use-esco/download> (choose the version, the language and
//! CSV). The language is the first `occupations_*.csv` found in `DIR`.
//!
//! This product uses the ESCO classification of the European Commission. ESCO v1.1.1,
//! © European Union, <https://esco.ec.europa.eu/>. The European Commission has not
//! endorsed this use.

#[path = "support/args.rs"]
mod args;
#[path = "support/out.rs"]
mod out;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use karmayogi::{EscoCsv, EscoOptions, load_esco, load_esco_report};

const USAGE: args::Usage = args::Usage::positional_only("esco_official DIR [COMPACT_DIR]", 2);

fn main() -> ExitCode {
    out::finish(run)
}

fn run(out: &mut dyn Write) -> out::Outcome {
    let Some(args) = USAGE.read(out)? else {
        return Ok(());
    };
    let mut args = args.positional().iter().map(PathBuf::from);
    let Some(dir) = args.next() else {
        return Err(USAGE.error("DIR is needed").into());
    };
    let language = language(&dir)?;
    let read =
        |name: String| std::fs::read_to_string(dir.join(&name)).map_err(|e| format!("{name}: {e}"));
    let occupations = read(format!("occupations_{language}.csv"))?;
    let skills = read(format!("skills_{language}.csv"))?;
    let relations = read("occupationSkillRelations.csv".into())?;
    let broader = read("broaderRelationsSkillPillar.csv".into())?;
    let hierarchy = read(format!("skillsHierarchy_{language}.csv"))?;
    let csv = EscoCsv::new(&occupations, &skills, &relations).hierarchy(&broader, &hierarchy);

    let start = Instant::now();
    let load = load_esco_report(&csv, &EscoOptions::default())?;
    let took = start.elapsed();
    let spec = &load.spec;
    let links: usize = spec.roles.iter().map(|r| r.requires.len()).sum();
    writeln!(
        out,
        "official ({language}): {} positions, {} competencies, {links} requirements, {} groups, loaded in {:.3} s",
        spec.positions.len(),
        spec.competencies.len(),
        spec.groups.len(),
        took.as_secs_f64()
    )?;
    writeln!(out, "{} relations set aside:", load.set_aside.len())?;
    for problem in load.set_aside.iter().take(5) {
        writeln!(out, "  {problem}")?;
    }
    if load.set_aside.len() > 5 {
        writeln!(out, "  … and {} more", load.set_aside.len() - 5)?;
    }

    if let Some(compact) = args.next() {
        let read = |name: &str| {
            std::fs::read_to_string(compact.join(name)).map_err(|e| format!("{name}: {e}"))
        };
        let occupations = read("occupations.csv")?;
        let skills = read("skills.csv")?;
        let links = read("occupation_skills.csv")?;
        let broader = read("skill_broader.csv")?;
        let groups = read("skill_groups.csv")?;
        let csv = EscoCsv::new(&occupations, &skills, &links).hierarchy(&broader, &groups);
        let start = Instant::now();
        let other = load_esco(&csv, &EscoOptions::default())?;
        let took = start.elapsed();
        writeln!(out, "compact: loaded in {:.3} s", took.as_secs_f64())?;
        compare(out, spec, &other)?;
    }
    Ok(())
}

/// The language of the first `occupations_<lang>.csv` in `dir`, in name order.
fn language(dir: &Path) -> Result<String, Box<dyn std::error::Error>> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut found: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| {
            Some(
                n.strip_prefix("occupations_")?
                    .strip_suffix(".csv")?
                    .to_owned(),
            )
        })
        .collect();
    found.sort();
    found
        .into_iter()
        .next()
        .ok_or_else(|| format!("no occupations_<lang>.csv in {}", dir.display()).into())
}

/// Prints whether the two documents are equal, part by part, and the first difference.
fn compare(
    out: &mut dyn Write,
    a: &karmayogi::FrameworkSpec,
    b: &karmayogi::FrameworkSpec,
) -> out::Outcome {
    let part = |name: &str, equal: bool, first: Option<String>| {
        format!(
            "  {name}: {}",
            if equal {
                "equal".to_owned()
            } else {
                format!("differ, first at {}", first.unwrap_or_default())
            }
        )
    };
    let first = |x: &[String], y: &[String]| {
        x.iter()
            .zip(y)
            .find(|(p, q)| p != q)
            .map(|(p, _)| p.clone())
    };
    macro_rules! check {
        ($name:literal, $field:ident) => {{
            let x: Vec<String> = a.$field.iter().map(|e| format!("{e:?}")).collect();
            let y: Vec<String> = b.$field.iter().map(|e| format!("{e:?}")).collect();
            writeln!(out, "{}", part($name, a.$field == b.$field, first(&x, &y)))?;
        }};
    }
    check!("positions", positions);
    check!("roles (and requirements)", roles);
    check!("competencies", competencies);
    check!("groups", groups);
    writeln!(
        out,
        "  whole document: {}",
        if a == b { "equal" } else { "differs" }
    )?;
    Ok(())
}
