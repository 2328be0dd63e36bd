//! Tests on the real ESCO v1.1.1 data in `data/esco`, loaded with the shared loader
//! (essential skill → level 3, optional skill → level 2, one role per occupation).
//!
//! Expected values are computed from the raw CSV rows in [`esco::Esco`], not through the
//! library, so the library is checked against an independent reading of the data.

use crate::esco_data as esco;

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use esco::{ESSENTIAL_LEVEL, Esco, OPTIONAL_LEVEL};
use karmayogi::{
    CompetencyType, Evidence, EvidenceSource, Framework, FrameworkSpec, GapOptions, GapReport,
    LevelPolicy, OfficerSpec, Profile, Provenance, RankOptions, RoleId,
};

/// One occupation's requirements read from the raw rows: competency id → level.
type Needs = BTreeMap<String, u8>;

/// The data and the framework, loaded once for every test in this file.
struct Fixture {
    data: Esco,
    framework: Framework,
    /// Per occupation id, its requirements under the mapping, from the raw link rows.
    needs: BTreeMap<u32, Needs>,
    /// Per occupation id, its essential skills only.
    essential: BTreeMap<u32, BTreeSet<String>>,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let data = Esco::load().unwrap();
        let framework = Framework::new(data.framework_spec()).unwrap();
        let mut needs: BTreeMap<u32, Needs> = data
            .occupations
            .iter()
            .map(|o| (o.0, Needs::new()))
            .collect();
        let mut essential: BTreeMap<u32, BTreeSet<String>> = data
            .occupations
            .iter()
            .map(|o| (o.0, BTreeSet::new()))
            .collect();
        for &(occ, skill, is_essential) in &data.links {
            let level = if is_essential { 3 } else { 2 };
            let previous = needs
                .get_mut(&occ)
                .unwrap()
                .insert(esco::competency_id(skill), level);
            assert_eq!(previous, None, "occupation {occ} links skill {skill} twice");
            if is_essential {
                essential
                    .get_mut(&occ)
                    .unwrap()
                    .insert(esco::competency_id(skill));
            }
        }
        Fixture {
            data,
            framework,
            needs,
            essential,
        }
    })
}

fn position(occ: u32) -> String {
    esco::position_id(occ)
}

/// An officer serving in `occ` whose passbook shows `held` as assessments.
fn officer<'a>(occ: u32, held: impl IntoIterator<Item = (&'a String, u8)>) -> OfficerSpec {
    OfficerSpec {
        id: format!("holder-of-{occ}").into(),
        name: None,
        department: "esco".into(),
        position: position(occ).into(),
        target_position: None,
        passbook: held
            .into_iter()
            .map(|(competency, level)| Evidence {
                competency: competency.as_str().into(),
                level,
                level_name: None,
                source: EvidenceSource::Assessment,
                date: "2025-01-01".to_owned(),
                verified: true,
                course: None,
            })
            .collect(),
    }
}

fn profile(framework: &Framework, spec: &OfficerSpec) -> Profile {
    Profile::new(framework, spec, &LevelPolicy::default()).unwrap()
}

/// (competency, required, current, shortfall) of each gap line, in report order.
fn gap_lines(report: &GapReport<'_>) -> Vec<(String, u8, u8, u8)> {
    report
        .gaps
        .iter()
        .map(|g| {
            (
                g.competency.as_str().to_owned(),
                g.required.get(),
                g.current.get(),
                g.shortfall,
            )
        })
        .collect()
}

/// Gap lines in the documented report order: largest shortfall first, then competency id.
fn sorted(mut lines: Vec<(String, u8, u8, u8)>) -> Vec<(String, u8, u8, u8)> {
    lines.sort_by(|a, b| (Reverse(a.3), &a.0).cmp(&(Reverse(b.3), &b.0)));
    lines
}

/// At least 300 deterministic (from, to) occupation pairs, `from != to`: half spread over the
/// whole list by a fixed linear congruential sequence, half neighbours in ISCO-group order
/// (which tend to share skills, so the gaps are not simply everything `to` requires).
fn sample_pairs(data: &Esco) -> Vec<(u32, u32)> {
    let ids: Vec<u32> = data.occupations.iter().map(|o| o.0).collect();
    let n = ids.len() as u64;
    let mut pairs = Vec::new();
    let mut state: u64 = 20_250_101;
    let mut next = || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) % n) as usize
    };
    while pairs.len() < 150 {
        let (a, b) = (ids[next()], ids[next()]);
        if a != b {
            pairs.push((a, b));
        }
    }
    let mut by_group: Vec<(&str, u32)> = data
        .occupations
        .iter()
        .map(|o| (o.1.as_str(), o.0))
        .collect();
    by_group.sort_unstable();
    for k in (0..by_group.len() - 1).step_by(by_group.len() / 150) {
        pairs.push((by_group[k].1, by_group[k + 1].1));
        pairs.push((by_group[k + 1].1, by_group[k].1));
    }
    pairs
}

#[test]
fn loads_every_occupation_skill_and_link() {
    let f = fixture();
    assert_eq!(f.data.occupations.len(), 3_007);
    assert_eq!(f.data.skills.len(), 13_896);
    assert_eq!(f.data.links.len(), 123_788);
    assert_eq!(f.framework.positions().len(), 3_007);
    assert_eq!(f.framework.roles().len(), 3_007);
    assert_eq!(f.framework.competencies().len(), 13_896);
    assert!(f.framework.activities().is_empty());
    assert!(f.framework.courses().is_empty());

    let mut by_level: BTreeMap<u8, usize> = BTreeMap::new();
    for p in f.framework.positions() {
        for r in f.framework.requirements(p.id.as_str()).unwrap() {
            *by_level.entry(r.level.get()).or_default() += 1;
        }
    }
    assert_eq!(by_level.values().sum::<usize>(), 123_788);
    assert_eq!(
        by_level,
        BTreeMap::from([(OPTIONAL_LEVEL, 58_897), (ESSENTIAL_LEVEL, 64_891)])
    );
}

#[test]
fn requirements_are_the_raw_links_under_the_mapping() {
    let f = fixture();
    let kind_of: BTreeMap<String, CompetencyType> = f
        .data
        .skills
        .iter()
        .map(|(id, skill_type, reuse, _)| {
            let kind = match (reuse.as_str(), skill_type.as_str()) {
                ("transversal", _) => CompetencyType::Behavioural,
                (_, "knowledge") => CompetencyType::Domain,
                _ => CompetencyType::Functional,
            };
            (esco::competency_id(*id), kind)
        })
        .collect();
    for (occ, needs) in &f.needs {
        let found: Vec<(String, u8, CompetencyType)> = f
            .framework
            .requirements(&position(*occ))
            .unwrap()
            .iter()
            .map(|r| (r.competency.as_str().to_owned(), r.level.get(), r.kind))
            .collect();
        let expected: Vec<(String, u8, CompetencyType)> = needs
            .iter()
            .map(|(c, &l)| (c.clone(), l, kind_of[c]))
            .collect();
        assert_eq!(found, expected, "requirements of occupation {occ}");
    }
}

#[test]
fn provenance_names_the_occupations_single_role_directly() {
    let f = fixture();
    for (occ, _, label) in &f.data.occupations {
        let p = f.framework.position(&position(*occ)).unwrap();
        let role = RoleId::new(esco::role_id(*occ));
        assert_eq!(
            p.roles,
            std::slice::from_ref(&role),
            "roles of occupation {occ}"
        );
        assert_eq!(&p.name, label);
        for r in f.framework.requirements(p.id.as_str()).unwrap() {
            let only = Provenance {
                role: &role,
                activity: None,
                level: r.level,
            };
            assert_eq!(
                r.provenance.to_vec(),
                [only],
                "provenance of {} in occupation {occ}",
                r.competency
            );
        }
    }
}

#[test]
fn every_occupation_is_fully_ready_for_itself() {
    let f = fixture();
    for (occ, needs) in &f.needs {
        let spec = officer(*occ, needs.iter().map(|(c, &l)| (c, l)));
        let profile = profile(&f.framework, &spec);
        let report = f
            .framework
            .gap_for(&profile, &position(*occ), &GapOptions::default())
            .unwrap();
        assert!(
            report.gaps.is_empty(),
            "occupation {occ} has gaps against itself:\n{report}"
        );
        assert_eq!(
            report.readiness.to_bits(),
            1.0f64.to_bits(),
            "occupation {occ}"
        );
        assert_eq!(report.met, needs.len());
        assert_eq!(report.requirements, needs.len());
        assert_eq!(report.shortfall_levels, 0);
        let required: u32 = needs.values().map(|&l| u32::from(l)).sum();
        assert_eq!(report.required_levels, required);
    }
}

#[test]
fn gap_between_occupations_is_the_set_difference_of_their_requirements() {
    let f = fixture();
    let pairs = sample_pairs(&f.data);
    assert!(pairs.len() >= 300);
    let mut overlapping = 0;
    for &(from, to) in &pairs {
        let (held, wanted) = (&f.needs[&from], &f.needs[&to]);
        let spec = officer(from, held.iter().map(|(c, &l)| (c, l)));
        let profile = profile(&f.framework, &spec);
        let report = f
            .framework
            .gap_for(&profile, &position(to), &GapOptions::default())
            .unwrap();

        let mut expected = Vec::new();
        let (mut met_levels, mut required_levels) = (0u32, 0u32);
        for (c, &required) in wanted {
            let current = held.get(c).copied().unwrap_or(0);
            if current < required {
                expected.push((c.clone(), required, current, required - current));
            }
            met_levels += u32::from(current.min(required));
            required_levels += u32::from(required);
        }
        overlapping += usize::from(met_levels > 0);
        let context = format!("officer of occupation {from} against occupation {to}");
        assert_eq!(gap_lines(&report), sorted(expected.clone()), "{context}");
        assert_eq!(report.requirements, wanted.len(), "{context}");
        assert_eq!(report.met, wanted.len() - expected.len(), "{context}");
        assert_eq!(report.required_levels, required_levels, "{context}");
        assert_eq!(
            report.shortfall_levels,
            required_levels - met_levels,
            "{context}"
        );
        let readiness = f64::from(met_levels) / f64::from(required_levels);
        assert!(
            (report.readiness - readiness).abs() < 1e-12,
            "{context}: {} != {readiness}",
            report.readiness
        );
        let role = RoleId::new(esco::role_id(to));
        for g in &report.gaps {
            assert_eq!(
                g.provenance.to_vec(),
                [Provenance {
                    role: &role,
                    activity: None,
                    level: g.required
                }]
            );
        }
    }
    // The sample must exercise partial overlaps, not only disjoint occupations.
    assert!(
        overlapping >= 150,
        "only {overlapping} pairs share a requirement"
    );
}

#[test]
fn officer_with_only_essential_skills_lacks_exactly_what_is_not_essential_in_from() {
    let f = fixture();
    for &(from, to) in &sample_pairs(&f.data) {
        let from_essential = &f.essential[&from];
        let spec = officer(from, from_essential.iter().map(|c| (c, ESSENTIAL_LEVEL)));
        let profile = profile(&f.framework, &spec);
        let report = f
            .framework
            .gap_for(&profile, &position(to), &GapOptions::default())
            .unwrap();

        // TO's essential skills not essential in FROM are missing entirely (0 → 3); TO's
        // optional skills are met when FROM holds them as essential, else missing (0 → 2).
        let to_essential = &f.essential[&to];
        let to_optional: BTreeSet<&String> = f.needs[&to]
            .keys()
            .filter(|c| !to_essential.contains(*c))
            .collect();
        let mut expected: Vec<(String, u8, u8, u8)> = to_essential
            .difference(from_essential)
            .map(|c| (c.clone(), ESSENTIAL_LEVEL, 0, ESSENTIAL_LEVEL))
            .collect();
        expected.extend(
            to_optional
                .iter()
                .filter(|c| !from_essential.contains(**c))
                .map(|c| ((*c).clone(), OPTIONAL_LEVEL, 0, OPTIONAL_LEVEL)),
        );
        assert_eq!(
            gap_lines(&report),
            sorted(expected),
            "essential skills of {from} against {to}"
        );
    }
}

/// Per occupation, the positions an officer holding exactly its requirements fully meets,
/// sorted by position id, computed from the raw rows: `b` is covered by `a` when `a` requires
/// every competency of `b` at `b`'s level or higher.
fn fully_ready_positions(f: &Fixture) -> BTreeMap<u32, Vec<String>> {
    let slots = f.needs.keys().max().map_or(0, |&m| m as usize + 1);
    let mut holders: BTreeMap<&String, Vec<(usize, u8)>> = BTreeMap::new();
    let mut size = vec![0usize; slots];
    for (&occ, needs) in &f.needs {
        size[occ as usize] = needs.len();
        for (c, &l) in needs {
            holders.entry(c).or_default().push((occ as usize, l));
        }
    }
    let mut shared = vec![0usize; slots];
    f.needs
        .iter()
        .map(|(&occ, needs)| {
            shared.fill(0);
            for (c, &l) in needs {
                for &(other, level) in &holders[c] {
                    shared[other] += usize::from(level <= l);
                }
            }
            let mut covered: Vec<String> = (0..slots)
                .filter(|&o| size[o] > 0 && shared[o] == size[o])
                .map(|o| position(o as u32))
                .collect();
            covered.sort();
            (occ, covered)
        })
        .collect()
}

#[test]
fn positions_for_ranks_the_officers_own_occupation_first() {
    let f = fixture();
    let fully_ready = fully_ready_positions(f);
    // Positions fully met tie at readiness 1 and shortfall 0, so the smallest position id
    // among them leads. In ESCO v1.1.1 that is the officer's own occupation for all but 21
    // occupations (for instance, six "rental service representative" occupations have
    // identical requirements, and the one with the smallest id leads for all six).
    let own_first = fully_ready
        .iter()
        .filter(|(occ, ready)| ready[0] == position(**occ))
        .count();
    assert_eq!(own_first, 3_007 - 21);

    // Check the ranking for every occupation whose tie group is not just itself, and a
    // spread sample of the rest.
    let sample: Vec<(&u32, &Vec<String>)> = fully_ready
        .iter()
        .enumerate()
        .filter(|(i, (_, ready))| ready.len() > 1 || i % 8 == 0)
        .map(|(_, entry)| entry)
        .collect();
    assert!(sample.len() >= 350, "{} occupations sampled", sample.len());
    for (&occ, ready) in sample {
        assert!(ready.contains(&position(occ)));
        let spec = officer(occ, f.needs[&occ].iter().map(|(c, &l)| (c, l)));
        let profile = profile(&f.framework, &spec);
        let options = RankOptions::default().top(10).exclude_current(false);
        let fits = f.framework.positions_for(&profile, &options).unwrap();
        assert!(
            ready.len() < fits.len(),
            "occupation {occ}: {} fully ready",
            ready.len()
        );
        let leaders: Vec<String> = fits
            .iter()
            .take_while(|fit| {
                fit.readiness.to_bits() == 1.0f64.to_bits() && fit.shortfall_levels == 0
            })
            .map(|fit| fit.position.to_string())
            .collect();
        assert_eq!(&leaders, ready, "fully ready positions of occupation {occ}");
        assert!(fits.iter().all(|fit| fit.officer == spec.id));
        assert!(fits[..ready.len()].iter().all(|fit| fit.gaps == 0));
        assert!(
            fits[ready.len()..]
                .iter()
                .all(|fit| fit.gaps > 0 && fit.readiness < 1.0)
        );

        // Leaving the current position out, the next fully met position (if any) leads.
        let others = f
            .framework
            .positions_for(&profile, &RankOptions::default().top(10))
            .unwrap();
        assert!(
            others
                .iter()
                .all(|fit| fit.position.as_str() != position(occ))
        );
        if let Some(next) = ready.iter().find(|p| **p != position(occ)) {
            assert_eq!(others[0].position.as_str(), next);
        }
    }
}

/// Asserts two specs are equal, naming the first differing entry instead of printing
/// megabytes of ESCO data.
#[track_caller]
fn assert_same_spec(found: &FrameworkSpec, expected: &FrameworkSpec, what: &str) {
    #[track_caller]
    fn same<T: PartialEq + std::fmt::Debug>(found: &[T], expected: &[T], what: &str) {
        assert_eq!(found.len(), expected.len(), "{what}: list lengths");
        if let Some(i) = (0..found.len()).find(|&i| found[i] != expected[i]) {
            panic!(
                "{what}: entry {i} differs:\n  found    {:?}\n  expected {:?}",
                found[i], expected[i]
            );
        }
    }
    assert_eq!(
        found.format_version, expected.format_version,
        "{what}: format_version"
    );
    same(
        &found.competencies,
        &expected.competencies,
        &format!("{what}, competencies"),
    );
    same(
        &found.activities,
        &expected.activities,
        &format!("{what}, activities"),
    );
    same(&found.roles, &expected.roles, &format!("{what}, roles"));
    same(
        &found.positions,
        &expected.positions,
        &format!("{what}, positions"),
    );
    same(
        &found.courses,
        &expected.courses,
        &format!("{what}, courses"),
    );
    assert!(found == expected, "{what}");
}

#[test]
fn spec_round_trips_through_json_and_to_spec() {
    let f = fixture();
    let spec = f.data.framework_spec();
    let json = spec.to_json();
    assert!(json.len() > 1_000_000, "{} bytes", json.len());
    let read = FrameworkSpec::from_json(&json).unwrap();
    assert_same_spec(&read, &spec, "spec read back from JSON");

    // `to_spec` is the input with every top-level list sorted by id, nothing dropped.
    let mut normalized = spec.clone();
    normalized.competencies.sort_by(|a, b| a.id.cmp(&b.id));
    normalized.roles.sort_by(|a, b| a.id.cmp(&b.id));
    normalized.positions.sort_by(|a, b| a.id.cmp(&b.id));
    let exported = f.framework.to_spec();
    assert_same_spec(&exported, &normalized, "Framework::to_spec");

    // The framework rebuilt from the JSON-read spec is the same framework.
    let rebuilt = Framework::new(read).unwrap();
    assert_same_spec(
        &rebuilt.to_spec(),
        &exported,
        "to_spec of the rebuilt framework",
    );
    for p in f.framework.positions() {
        assert_eq!(
            rebuilt.requirements(p.id.as_str()).unwrap(),
            f.framework.requirements(p.id.as_str()).unwrap(),
            "requirements of {}",
            p.id
        );
    }
}

#[test]
fn building_twice_gives_byte_identical_reports() {
    let f = fixture();
    let again = Framework::new(Esco::load().unwrap().framework_spec()).unwrap();
    // The same data in reverse order, inside each role too, must not change any output.
    let mut reversed = f.data.framework_spec();
    reversed.competencies.reverse();
    reversed.roles.reverse();
    reversed.positions.reverse();
    for role in &mut reversed.roles {
        role.requires.reverse();
    }
    let reversed = Framework::new(reversed).unwrap();

    let options = GapOptions::default().include_met(true);
    for &(from, to) in sample_pairs(&f.data).iter().step_by(6) {
        let spec = officer(from, f.needs[&from].iter().map(|(c, &l)| (c, l)));
        let mut outputs = Vec::new();
        for framework in [&f.framework, &again, &reversed] {
            let profile = profile(framework, &spec);
            let report = framework
                .gap_for(&profile, &position(to), &options)
                .unwrap();
            let fits = framework
                .positions_for(&profile, &RankOptions::default())
                .unwrap();
            outputs.push((
                serde_json::to_string(&report).unwrap(),
                serde_json::to_string(&fits).unwrap(),
                report.to_string(),
            ));
        }
        assert_eq!(
            outputs[0], outputs[1],
            "officer of {from} against {to}, built twice"
        );
        assert_eq!(
            outputs[0], outputs[2],
            "officer of {from} against {to}, reversed input"
        );
    }
}
