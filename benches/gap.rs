//! Criterion benchmarks of single-officer queries on the real ESCO framework, with
//! **synthetic** officers from `examples/support/synth.rs` (no real officer data exists):
//!
//! - `gap_for/40_requirements`: a full gap report against a position requiring exactly 40
//!   competencies (the first such ESCO occupation in id order);
//! - `positions_for/top10_of_3007`: the 10 positions an officer is closest to, over all
//!   ESCO positions; `…_decimal_weights` the same with readiness weights 0.1, 0.3 and 0.7;
//! - `profile_new/30_evidence`: deriving a profile from a passbook of about 30 entries;
//! - `gap_for/40_requirements_100000_entries`: the gap report of one officer whose passbook
//!   holds 100,000 assessments of the position's 40 competencies (many years of them): the
//!   passbook is read once, by `Profile::new`, so the report costs what the 40 requirements
//!   cost, whatever the passbook's length.
//!
//! Each iteration takes the next of 64 different officers, so the figures are averages over
//! officers rather than one officer's cached best case.
//!
//! ```text
//! cargo bench --bench gap
//! ```

#[path = "../examples/support/esco.rs"]
mod esco;
#[path = "../examples/support/synth.rs"]
mod synth;

use std::hint::black_box;
use std::time::Duration;

use criterion::Criterion;
use karmayogi::{Framework, GapOptions, LevelPolicy, OfficerSpec, Profile, RankOptions, Weights};

use crate::synth::{Synth, SynthOptions};

/// Different officers cycled through by each benchmark.
const OFFICERS: u64 = 64;
/// Requirements of the position used for the gap report.
const REQUIREMENTS: usize = 40;

/// Loads ESCO into a framework.
///
/// # Panics
/// When the ESCO data cannot be read or is rejected: the benchmarks cannot run without it.
fn esco_framework() -> Framework {
    let esco = esco::Esco::load().unwrap_or_else(|e| panic!("cannot load ESCO: {e}"));
    Framework::new(esco.framework_spec()).unwrap_or_else(|e| panic!("ESCO framework rejected: {e}"))
}

/// Builds profiles, panicking with the problems if a synthetic officer is rejected.
fn profiles(framework: &Framework, officers: &[OfficerSpec]) -> Vec<Profile> {
    officers
        .iter()
        .map(|o| {
            Profile::new(framework, o, &LevelPolicy::default())
                .unwrap_or_else(|e| panic!("synthetic officer rejected: {e}"))
        })
        .collect()
}

fn benchmarks(c: &mut Criterion) {
    let framework = esco_framework();
    let synth = Synth::new(&framework, &SynthOptions::default());
    let (position, id) = framework
        .positions()
        .iter()
        .enumerate()
        .find(|(_, p)| framework.requirements(p.id.as_str()).map_or(0, |r| r.len()) == REQUIREMENTS)
        .map_or_else(
            || panic!("no ESCO position requires exactly {REQUIREMENTS} competencies"),
            |(i, p)| (i, p.id.clone()),
        );

    let in_position: Vec<OfficerSpec> = (0..OFFICERS)
        .map(|i| synth.officer_in(i, position))
        .collect();
    let in_position = profiles(&framework, &in_position);
    let options = GapOptions::default();
    let mut k = 0;
    c.bench_function("gap_for/40_requirements", |b| {
        b.iter(|| {
            k = (k + 1) % in_position.len();
            let report = framework.gap_for(&in_position[k], black_box(id.as_str()), &options);
            black_box(report.map(|r| r.gaps.len()))
        });
    });

    let required = framework.requirements(id.as_str()).unwrap_or_default();
    let passbook: Vec<serde_json::Value> = (0..100_000_usize)
        .map(|i| {
            serde_json::json!({
                "competency": required[i % required.len()].competency.as_str(),
                "level": 1 + i % 3,
                "source": "assessment",
                "date": format!("20{:02}-0{}-1{}", 10 + i % 15, 1 + i % 9, i % 10),
            })
        })
        .collect();
    let long: OfficerSpec = serde_json::from_value(serde_json::json!({
        "id": "long-passbook", "department": "d", "position": id.as_str(), "passbook": passbook,
    }))
    .unwrap_or_else(|e| panic!("officer with a long passbook rejected: {e}"));
    let long = profiles(&framework, &[long]);
    c.bench_function("gap_for/40_requirements_100000_entries", |b| {
        b.iter(|| {
            let report = framework.gap_for(&long[0], black_box(id.as_str()), &options);
            black_box(report.map(|r| r.gaps.len()))
        });
    });

    let anywhere: Vec<OfficerSpec> = synth.officers(0..OFFICERS).collect();
    let anywhere_profiles = profiles(&framework, &anywhere);
    let rank = RankOptions::default().top(10);
    let mut k = 0;
    c.bench_function("positions_for/top10_of_3007", |b| {
        b.iter(|| {
            k = (k + 1) % anywhere_profiles.len();
            black_box(
                framework
                    .positions_for(&anywhere_profiles[k], &rank)
                    .map(|f| f.len()),
            )
        });
    });

    // Decimal weights: sums no longer below 2⁵³, so values are rounded by exact
    // comparisons and close readiness values compared by cross-multiplying.
    let decimal = rank
        .clone()
        .gap_options(GapOptions::default().weights(Weights::new(0.1, 0.3, 0.7).unwrap()));
    let mut k = 0;
    c.bench_function("positions_for/top10_of_3007_decimal_weights", |b| {
        b.iter(|| {
            k = (k + 1) % anywhere_profiles.len();
            black_box(
                framework
                    .positions_for(&anywhere_profiles[k], &decimal)
                    .map(|f| f.len()),
            )
        });
    });

    let policy = LevelPolicy::default();
    let mut k = 0;
    c.bench_function("profile_new/30_evidence", |b| {
        b.iter(|| {
            k = (k + 1) % anywhere.len();
            black_box(Profile::new(&framework, black_box(&anywhere[k]), &policy).is_ok())
        });
    });
}

fn main() {
    let mut criterion = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    benchmarks(&mut criterion);
    criterion.final_summary();
}
