//! Career move between two real ESCO occupations: the gap, the readiness, and the positions
//! the officer is nearest to.
//!
//! Loads all 3,007 ESCO v1.1.1 occupations and their 123,788 occupation → skill links as a
//! framework (one position and one role per occupation; essential skill → level 3, optional
//! skill → level 2), then takes an officer who holds every competency of the FROM occupation
//! at the level FROM requires and compares them with the TO occupation.
//!
//! ```text
//! cargo run --release --example esco_transition
//! cargo run --release --example esco_transition "social work researcher" "social work lecturer"
//! cargo run --release --example esco_transition occ-731 occ-1773
//! ```
//!
//! Occupations are named by their exact ESCO label (as in `occupations.csv`) or by position
//! id `occ-<occ_id>`. An unknown name exits with code 1 and names the closest labels. It reads
//! `data/esco` (about a second in a release build).

#[path = "support/args.rs"]
mod args;
#[path = "support/esco.rs"]
mod esco;
#[path = "support/out.rs"]
mod out;
#[path = "support/percent.rs"]
mod percent;

use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

use esco::{ESSENTIAL_LEVEL, Esco};
use karmayogi::{
    Evidence, EvidenceSource, Fit, Framework, GapOptions, GapReport, LevelPolicy, OfficerSpec,
    PositionId, PositionSpec, Profile, RankOptions,
};

/// What the helpers return: any failure becomes the one-line error of `out::finish`.
type Failure = Box<dyn std::error::Error>;

/// The attribution ESCO's licence asks for wherever its data or derived results are shown.
const ATTRIBUTION: &str = "This product uses the ESCO classification of the European Commission. \
ESCO v1.1.1, © European Union, https://esco.ec.europa.eu/. The data was converted to compact CSV \
(integer ids, labels only); the European Commission has not endorsed this use.";

/// Only occupations with at least this many essential skills compete for the default pair, so
/// the pair is not two tiny occupations that happen to coincide.
const MIN_ESSENTIAL: usize = 15;

/// How many gap lines the report shows.
const SHOWN_GAPS: usize = 25;

/// The date stamped on the officer's assessment evidence.
const EVIDENCE_DATE: &str = "2025-01-01";

const USAGE: args::Usage = args::Usage {
    text: "esco_transition [FROM TO], where FROM and TO are exact ESCO occupation labels or \
           position ids such as occ-731",
    flags: &[],
    options: &[],
    positional: 2,
};

fn main() -> ExitCode {
    out::finish(run)
}

fn run(out: &mut dyn Write) -> out::Outcome {
    let given = USAGE.parse_env()?;
    if given.help {
        return Ok(writeln!(out, "usage: {}", USAGE.text)?);
    }
    let args = given.positional();
    if args.len() == 1 {
        let message = "expected no arguments or two occupations (FROM TO), found 1";
        return Err(USAGE.error(message).into());
    }

    let started = Instant::now();
    let data = Esco::load()?;
    let read = started.elapsed();
    let spec = data.framework_spec();
    let started = Instant::now();
    let framework =
        Framework::new(spec).map_err(|e| format!("the ESCO framework is invalid: {e}"))?;
    let built = started.elapsed();
    print_loaded(out, &framework, read.as_secs_f64(), built.as_secs_f64())?;

    let (from, to) = if args.is_empty() {
        let pair = default_pair(&framework)?;
        let name = |id: &PositionId| {
            framework
                .position(id.as_str())
                .map_or("?", |p| p.name.as_str())
        };
        writeln!(out)?;
        writeln!(
            out,
            "No FROM TO given, so the default move is shown. Of the occupations with at least"
        )?;
        writeln!(
            out,
            "{MIN_ESSENTIAL} essential skills, `{}` and `{}` share the most",
            name(&pair.from),
            name(&pair.to)
        )?;
        writeln!(
            out,
            "essential skills ({}). The move goes the way the officer is readier: {} this way,",
            pair.shared,
            percent::percent(pair.readiness, 1)
        )?;
        writeln!(
            out,
            "{} the other way.",
            percent::percent(pair.reverse_readiness, 1)
        )?;
        (pair.from, pair.to)
    } else {
        (
            resolve(&framework, &data, &args[0])?,
            resolve(&framework, &data, &args[1])?,
        )
    };
    let from_spec = position(&framework, &from)?;
    let to_spec = position(&framework, &to)?;
    writeln!(out)?;
    writeln!(out, "FROM {}", describe(&framework, from_spec)?)?;
    writeln!(out, "TO   {}", describe(&framework, to_spec)?)?;

    let officer = officer_holding(&framework, &from, &to)?;
    let profile = Profile::new(&framework, &officer, &LevelPolicy::default())
        .map_err(|e| format!("cannot build the officer: {e}"))?;
    let report = framework.gap_for(&profile, to.as_str(), &GapOptions::default())?;
    writeln!(out)?;
    print_gaps(out, &report)?;

    let nearest = framework.positions_for(&profile, &RankOptions::default().top(10))?;
    writeln!(out)?;
    print_nearest(out, &nearest, &from, &report)?;

    writeln!(out)?;
    writeln!(out, "{ATTRIBUTION}")?;
    Ok(())
}

/// Prints the size of the framework and how long reading and building took.
fn print_loaded(
    out: &mut dyn Write,
    framework: &Framework,
    read_secs: f64,
    build_secs: f64,
) -> out::Outcome {
    let mut by_level: BTreeMap<u8, usize> = BTreeMap::new();
    for p in framework.positions() {
        for r in framework.requirements(p.id.as_str()).unwrap_or_default() {
            *by_level.entry(r.level.get()).or_default() += 1;
        }
    }
    let total: usize = by_level.values().sum();
    writeln!(
        out,
        "ESCO v1.1.1 loaded through FrameworkSpec -> Framework::new:"
    )?;
    writeln!(out, "  competencies  {:>7}", framework.competencies().len())?;
    writeln!(
        out,
        "  positions     {:>7}  (one role each)",
        framework.positions().len()
    )?;
    writeln!(out, "  requirements  {total:>7}")?;
    for (level, count) in by_level.iter().rev() {
        let what = if *level == ESSENTIAL_LEVEL {
            "essential"
        } else {
            "optional"
        };
        writeln!(out, "    at level {level}  {count:>7}  ({what})")?;
    }
    writeln!(
        out,
        "  read CSV in {:.1} ms, built the framework in {:.1} ms",
        read_secs * 1e3,
        build_secs * 1e3
    )?;
    Ok(())
}

/// A position id given as `occ-<n>`, or an occupation given by its exact label.
///
/// # Errors
/// A message naming the input and listing close labels.
fn resolve(framework: &Framework, data: &Esco, input: &str) -> Result<PositionId, Failure> {
    if framework.position(input).is_some() {
        return Ok(PositionId::new(input));
    }
    if let Some(occ) = data.occupation_by_label(input) {
        return Ok(PositionId::new(esco::position_id(occ)));
    }
    let last = data.occupations.iter().map(|o| o.0).max().unwrap_or(0);
    if input
        .strip_prefix("occ-")
        .is_some_and(|n| n.parse::<u64>().is_ok())
    {
        return Err(format!(
            "no ESCO occupation has the id `{input}`: ids run from occ-0 to occ-{last}"
        )
        .into());
    }
    let suggestions = close_labels(framework, input, 5)
        .iter()
        .map(|p| format!("`{}` ({})", p.name, p.id))
        .collect::<Vec<_>>()
        .join(", ");
    Err(format!(
        "no ESCO occupation is labelled `{input}` (give the exact label, or an id occ-0 to \
         occ-{last}); the closest labels are {suggestions}"
    )
    .into())
}

/// The `n` positions whose names are closest to `input`: names containing it first, then by
/// edit distance, then by name.
fn close_labels<'f>(framework: &'f Framework, input: &str, n: usize) -> Vec<&'f PositionSpec> {
    let wanted = input.trim().to_lowercase();
    let mut scored: Vec<(bool, usize, &PositionSpec)> = framework
        .positions()
        .iter()
        .map(|p| {
            let name = p.name.to_lowercase();
            (!name.contains(&wanted), edit_distance(&wanted, &name), p)
        })
        .collect();
    scored.sort_by(|a, b| (a.0, a.1, &a.2.name).cmp(&(b.0, b.1, &b.2.name)));
    scored.into_iter().take(n).map(|s| s.2).collect()
}

/// Levenshtein distance in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitute = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitute.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()]
}

/// The move shown when no occupations are given.
struct DefaultPair {
    from: PositionId,
    to: PositionId,
    /// Essential skills the two occupations share.
    shared: usize,
    /// Readiness for `to` of an officer holding what `from` requires.
    readiness: f64,
    /// Readiness for `from` of an officer holding what `to` requires.
    reverse_readiness: f64,
}

/// The two occupations with at least [`MIN_ESSENTIAL`] essential skills that share the most
/// essential skills (ties broken by position ids), oriented so the officer is readier (the
/// first by id when equal).
fn default_pair(framework: &Framework) -> Result<DefaultPair, Failure> {
    let positions = framework.positions();
    let mut holders: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut essential_of: Vec<Vec<&str>> = vec![Vec::new(); positions.len()];
    for (i, p) in positions.iter().enumerate() {
        let reqs = framework.requirements(p.id.as_str())?;
        let essential: Vec<&str> = reqs
            .iter()
            .filter(|r| r.level.get() == ESSENTIAL_LEVEL)
            .map(|r| r.competency.as_str())
            .collect();
        if essential.len() >= MIN_ESSENTIAL {
            for &c in &essential {
                holders.entry(c).or_default().push(i);
            }
            essential_of[i] = essential;
        }
    }
    // shared[b] counts the essential skills position a shares with each later position b.
    let mut shared = vec![0usize; positions.len()];
    let mut best: Option<(usize, usize, usize)> = None;
    for (a, essential) in essential_of.iter().enumerate() {
        shared.fill(0);
        for list in essential.iter().filter_map(|c| holders.get(c)) {
            for &b in list.iter().filter(|&&b| b > a) {
                shared[b] += 1;
            }
        }
        for (b, &n) in shared.iter().enumerate() {
            if n > best.map_or(0, |x| x.2) {
                best = Some((a, b, n));
            }
        }
    }
    let (a, b, n) = best.ok_or("no two occupations share an essential skill")?;
    let (a, b) = (positions[a].id.clone(), positions[b].id.clone());
    let forward = readiness(framework, &a, &b)?;
    let backward = readiness(framework, &b, &a)?;
    Ok(if backward > forward {
        DefaultPair {
            from: b,
            to: a,
            shared: n,
            readiness: backward,
            reverse_readiness: forward,
        }
    } else {
        DefaultPair {
            from: a,
            to: b,
            shared: n,
            readiness: forward,
            reverse_readiness: backward,
        }
    })
}

/// Readiness for `to` of an officer holding everything `from` requires.
fn readiness(framework: &Framework, from: &PositionId, to: &PositionId) -> Result<f64, Failure> {
    let officer = officer_holding(framework, from, to)?;
    let profile = Profile::new(framework, &officer, &LevelPolicy::default())
        .map_err(|e| format!("cannot build the officer: {e}"))?;
    framework
        .gap_for(&profile, to.as_str(), &GapOptions::default())
        .map(|r| r.readiness)
        .map_err(Into::into)
}

/// An officer in `from` whose passbook holds, as assessments, every competency `from` requires
/// at the level it requires, moving to `to`.
fn officer_holding(
    framework: &Framework,
    from: &PositionId,
    to: &PositionId,
) -> Result<OfficerSpec, Failure> {
    let spec = position(framework, from)?;
    let passbook = framework
        .requirements(from.as_str())?
        .into_iter()
        .map(|r| Evidence {
            competency: r.competency.clone(),
            level: r.level.get(),
            level_name: None,
            source: EvidenceSource::Assessment,
            date: EVIDENCE_DATE.to_owned(),
            verified: true,
            course: None,
        })
        .collect();
    Ok(OfficerSpec {
        id: format!("officer-{from}").into(),
        name: None,
        department: spec.department.clone(),
        position: from.clone(),
        target_position: Some(to.clone()),
        passbook,
    })
}

fn position<'f>(framework: &'f Framework, id: &PositionId) -> Result<&'f PositionSpec, Failure> {
    framework
        .position(id.as_str())
        .ok_or_else(|| format!("no position `{id}`").into())
}

/// `label (id, department): e essential + o optional skills`.
fn describe(framework: &Framework, p: &PositionSpec) -> Result<String, Failure> {
    let reqs = framework.requirements(p.id.as_str())?;
    let essential = reqs
        .iter()
        .filter(|r| r.level.get() == ESSENTIAL_LEVEL)
        .count();
    Ok(format!(
        "{} ({}, {}): {} essential + {} optional skills",
        p.name,
        p.id,
        p.department,
        essential,
        reqs.len() - essential
    ))
}

/// The gap report (its first [`SHOWN_GAPS`] gaps) and the readiness.
fn print_gaps(out: &mut dyn Write, report: &GapReport<'_>) -> out::Outcome {
    let mut shown = report.clone();
    shown.gaps.truncate(SHOWN_GAPS);
    writeln!(
        out,
        "Gap report (required level 3 = essential, 2 = optional):"
    )?;
    write!(out, "{shown}")?;
    if report.gaps.len() > SHOWN_GAPS {
        let more = report.gaps.len() - SHOWN_GAPS;
        writeln!(
            out,
            "  ... and {more} more gap{}",
            if more == 1 { "" } else { "s" }
        )?;
    }
    let essential = report
        .gaps
        .iter()
        .filter(|g| g.required.get() == ESSENTIAL_LEVEL)
        .count();
    writeln!(out)?;
    writeln!(
        out,
        "Readiness: {}: {} of {} required skills met, {} of {} required levels short;",
        percent::percent(report.readiness, 1),
        report.met,
        report.requirements,
        report.shortfall_levels,
        report.required_levels
    )?;
    writeln!(
        out,
        "gaps in {essential} essential and {} optional skills.",
        report.gaps.len() - essential
    )?;
    Ok(())
}

/// The positions the officer is nearest to, and where the target stands among them.
fn print_nearest(
    out: &mut dyn Write,
    nearest: &[Fit],
    from: &PositionId,
    target: &GapReport<'_>,
) -> out::Outcome {
    let to = target.position;
    writeln!(
        out,
        "Positions this officer is nearest to being ready for (current position {from} left out):"
    )?;
    write!(out, "{}", Fit::table(nearest))?;
    match nearest.iter().position(|f| f.position == *to) {
        Some(rank) => writeln!(
            out,
            "The target, {} [{to}], is number {} of them.",
            target.position_name,
            rank + 1
        )?,
        None if from != to => writeln!(
            out,
            "The target, {} [{to}], at {}, is not among them.",
            target.position_name,
            percent::percent(target.readiness, 1)
        )?,
        None => {}
    }
    Ok(())
}
