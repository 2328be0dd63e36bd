//! The synthetic officers written as an HR system exports them (the files
//! `karmayogi::load_officers` and `Cohort::from_csv` read), the framework's requirements as
//! a table, and a fingerprint of a training-needs result that other engines can compute
//! too (`benches/needs_end_to_end.py`).

use std::io::{BufWriter, Write};
use std::path::Path;

use karmayogi::{DepartmentId, EvidenceSource, Framework, TrainingNeeds};

use crate::synth::Synth;

/// Writes `officers.csv` (`id,department,position`), `evidence.csv`
/// (`officer,competency,level,source,date,verified`) for officers `0..n` of `synth`, and
/// `requirements.csv` (`position,competency,level`, one row per position and required
/// competency) into `dir`.
///
/// An HR export names the ministries and departments of the framework the positions belong
/// to, not the generator's synthetic MDOs: an officer the generator places in their
/// position's home MDO (9 in 10) is written in the framework's department of that position,
/// and any other officer in another of the framework's departments (chosen by the number of
/// the MDO drawn), as an officer on deputation is. So about one officer in ten gets the
/// loader's department-mismatch warning, where writing the MDOs gave every officer one.
pub fn write(framework: &Framework, synth: &Synth, n: u64, dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let file = |name: &str| {
        let path = dir.join(name);
        std::fs::File::create(&path)
            .map(|f| BufWriter::with_capacity(1 << 20, f))
            .map_err(|e| format!("cannot create {}: {e}", path.display()))
    };
    let io = |e: std::io::Error| format!("cannot write to {}: {e}", dir.display());
    let mut requirements = file("requirements.csv")?;
    writeln!(requirements, "position,competency,level").map_err(io)?;
    for p in framework.positions() {
        for r in framework
            .requirements(p.id.as_str())
            .map_err(|e| e.to_string())?
        {
            writeln!(requirements, "{},{},{}", p.id, r.competency, r.level).map_err(io)?;
        }
    }
    requirements.flush().map_err(io)?;
    let mut officers = file("officers.csv")?;
    let mut evidence = file("evidence.csv")?;
    writeln!(officers, "id,department,position").map_err(io)?;
    writeln!(evidence, "officer,competency,level,source,date,verified").map_err(io)?;
    let mut departments: Vec<&DepartmentId> = framework
        .positions()
        .iter()
        .map(|p| &p.department)
        .collect();
    departments.sort();
    departments.dedup();
    for officer in synth.officers(0..n) {
        let position = framework
            .position(officer.position.as_str())
            .ok_or("a synthetic officer holds a position the framework does not have")?;
        let department = if synth.home(&officer.position) == Some(&officer.department) {
            &position.department
        } else {
            deputed(
                &departments,
                &position.department,
                synth,
                &officer.department,
            )
        };
        writeln!(officers, "{},{department},{}", officer.id, officer.position).map_err(io)?;
        for e in &officer.passbook {
            let source = match e.source {
                EvidenceSource::CourseCompletion => "course_completion",
                EvidenceSource::Assessment => "assessment",
                EvidenceSource::Feedback360 => "feedback360",
                EvidenceSource::SelfDeclared => "self_declared",
            };
            writeln!(
                evidence,
                "{},{},{},{source},{},{}",
                officer.id, e.competency, e.level, e.date, e.verified
            )
            .map_err(io)?;
        }
    }
    officers.flush().map_err(io)?;
    evidence.flush().map_err(io)?;
    Ok(())
}

/// The department written for an officer on deputation from `own`: another of the
/// framework's `departments` (sorted), the one the number of the synthetic `mdo` picks, or
/// `own` when the framework has no other.
fn deputed<'a>(
    departments: &[&'a DepartmentId],
    own: &'a DepartmentId,
    synth: &Synth,
    mdo: &DepartmentId,
) -> &'a DepartmentId {
    let others: Vec<&'a DepartmentId> = departments.iter().copied().filter(|&d| d != own).collect();
    let drawn = synth.departments().binary_search(mdo).unwrap_or(0);
    others
        .get(drawn % others.len().max(1))
        .copied()
        .unwrap_or(own)
}

/// FNV-1a (64 bits) of the result as text: one line
/// `competency,required,short,total_shortfall,h0,…,h5\n` per row, rows sorted by competency
/// id (byte order).
pub fn fingerprint(needs: &TrainingNeeds<'_>) -> String {
    let mut lines: Vec<String> = needs
        .rows
        .iter()
        .map(|r| {
            let h = r.histogram.map(|x| x.to_string()).join(",");
            format!(
                "{},{},{},{},{h}\n",
                r.competency, r.officers_required, r.officers_short, r.total_shortfall
            )
        })
        .collect();
    lines.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in lines.concat().bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x} ({} rows)", lines.len())
}
