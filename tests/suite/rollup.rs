//! Roll-up to competency groups: training needs, readiness and before/after progress per
//! group, checked against a brute-force oracle built from per-officer gap reports.
//!
//! The oracle knows nothing of the kernel: a group's competencies are collected through
//! the public views (`members`, `child_groups`), each officer's pairs come from
//! `Framework::gap` (met requirements included), and every count is taken officer by
//! officer. Generated hierarchies have several parents per group and competencies in
//! several groups, so a competency is often reached by more than one path.

use std::collections::{BTreeMap, BTreeSet};

use karmayogi::{
    Cohort, CompareOptions, CompetencySpec, CompetencyType, EvidenceSource, Framework,
    FrameworkSpec, GapOptions, GroupKind, LevelPolicy, NeedsOptions, OfficerSpec, Profile,
    RequirementSpec, RoleSpec, RollupOptions,
};
use proptest::prelude::*;

use crate::support::{evidence, first_wins, group_hierarchy, officer, picked_groups, position};

/// A generated world: groups with parents of smaller index, competencies in groups,
/// positions requiring competencies, and officers holding some.
#[derive(Clone, Debug)]
struct World {
    spec: FrameworkSpec,
    officers: Vec<OfficerSpec>,
}

type RawWorld = (
    Vec<Vec<usize>>,                       // per group, parent picks
    Vec<(Vec<usize>, u8)>,                 // per competency, group picks and kind pick
    Vec<Vec<(usize, u8)>>,                 // per position, (competency, level) picks
    Vec<(usize, usize, Vec<(usize, u8)>)>, // per officer, (position, department, evidence)
);

fn raw_world() -> impl Strategy<Value = RawWorld> {
    (1usize..7, 1usize..10, 1usize..4).prop_flat_map(|(g, c, p)| {
        (
            prop::collection::vec(prop::collection::vec(any::<usize>(), 0..3), g),
            prop::collection::vec((prop::collection::vec(any::<usize>(), 0..3), 0u8..4), c),
            prop::collection::vec(prop::collection::vec((0..c, 1u8..6), 1..6), p),
            prop::collection::vec(
                (0..p, 0usize..2, prop::collection::vec((0..c, 0u8..6), 0..8)),
                0..12,
            ),
        )
    })
}

fn world(raw: &RawWorld) -> World {
    let (groups, competencies, positions, officers) = raw;
    let g = groups.len();
    let name = |i: usize| format!("g{i}");
    let mut spec = FrameworkSpec::new();
    spec.groups = group_hierarchy(groups, name);
    for (i, group) in spec.groups.iter_mut().enumerate() {
        group.kind = GroupKind::ALL[i % 4];
    }
    for (j, (picks, kind)) in competencies.iter().enumerate() {
        spec.competencies.push(CompetencySpec {
            groups: picked_groups(picks, g, name),
            // Some competencies carry an area too: one more group, made by the framework.
            area: (*kind == 3).then(|| "Office".to_owned()),
            ..CompetencySpec::new(
                format!("c{j}"),
                format!("Competency {j}"),
                CompetencyType::ALL[usize::from(*kind) % 3],
            )
        });
    }
    for (k, reqs) in positions.iter().enumerate() {
        spec.roles.push(RoleSpec {
            id: format!("r{k}").into(),
            name: format!("Role {k}"),
            activities: vec![],
            requires: first_wins(reqs.iter().copied())
                .into_iter()
                .map(|(c, level)| RequirementSpec::new(format!("c{c}"), level))
                .collect(),
        });
        spec.positions.push(position(
            &format!("p{k}"),
            format!("Post {k}"),
            &format!("d{}", k % 2),
            [format!("r{k}")],
        ));
    }
    let officers = officers
        .iter()
        .enumerate()
        .map(|(i, (p, d, held))| {
            let passbook = held
                .iter()
                .map(|&(c, level)| {
                    evidence(
                        &format!("c{c}"),
                        level,
                        EvidenceSource::Assessment,
                        "",
                        None,
                    )
                })
                .collect();
            officer(
                &format!("o{i:02}"),
                &format!("d{d}"),
                &format!("p{p}"),
                passbook,
            )
        })
        .collect();
    World { spec, officers }
}

/// Every competency of a group: directly in it or in a group below, each once.
fn closure(fw: &Framework, group: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut stack = vec![group.to_owned()];
    let mut seen = BTreeSet::new();
    while let Some(g) = stack.pop() {
        if !seen.insert(g.clone()) {
            continue;
        }
        out.extend(fw.members(&g).unwrap().into_iter().map(ToString::to_string));
        stack.extend(
            fw.child_groups(&g)
                .unwrap()
                .into_iter()
                .map(ToString::to_string),
        );
    }
    out
}

/// One officer's pairs against a post: competency → (required, held).
fn pairs(fw: &Framework, profile: &Profile, position: &str) -> BTreeMap<String, (u8, u8)> {
    let options = GapOptions::default().include_met(true);
    fw.gap_for(profile, position, &options)
        .unwrap()
        .gaps
        .iter()
        .map(|g| {
            (
                g.competency.to_string(),
                (g.required.get(), g.current.get()),
            )
        })
        .collect()
}

/// The expected row of a group, as plain numbers: competencies, officers required and
/// short, pairs and pairs short, levels required and short.
type Row = [u64; 7];

fn needs_oracle(
    fw: &Framework,
    officers: &[OfficerSpec],
    department: Option<&str>,
) -> BTreeMap<String, Row> {
    let policy = LevelPolicy::default();
    let mut rows = BTreeMap::new();
    for group in fw.groups() {
        let members = closure(fw, group.id.as_str());
        let mut row = [0u64; 7];
        let mut required_somewhere = BTreeSet::new();
        for o in officers {
            if department.is_some_and(|d| o.department.as_str() != d) {
                continue;
            }
            let profile = Profile::new(fw, o, &policy).unwrap();
            let mine: Vec<(u8, u8)> = pairs(fw, &profile, o.position.as_str())
                .into_iter()
                .filter(|(c, _)| members.contains(c))
                .map(|(c, p)| {
                    required_somewhere.insert(c);
                    p
                })
                .collect();
            if mine.is_empty() {
                continue;
            }
            row[1] += 1;
            row[2] += u64::from(mine.iter().any(|&(r, h)| h < r));
            row[3] += mine.len() as u64;
            row[4] += mine.iter().filter(|&&(r, h)| h < r).count() as u64;
            row[5] += mine.iter().map(|&(r, _)| u64::from(r)).sum::<u64>();
            row[6] += mine
                .iter()
                .map(|&(r, h)| u64::from(r.saturating_sub(h)))
                .sum::<u64>();
        }
        row[0] = required_somewhere.len() as u64;
        if row[1] > 0 {
            rows.insert(group.id.to_string(), row);
        }
    }
    rows
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::support::oracle_cases(300)))]

    #[test]
    fn needs_by_group_equal_the_oracle(raw in raw_world(), threads in 1usize..4) {
        let w = world(&raw);
        let fw = Framework::new(w.spec.clone()).unwrap();
        let cohort = Cohort::new(&fw, &w.officers, &LevelPolicy::default()).unwrap();
        for department in [None, Some("d0")] {
            let mut options = RollupOptions::default().threads(threads);
            if let Some(d) = department {
                options = options.department(d);
            }
            let needs = fw.training_needs_by_group(&cohort, &options).unwrap();
            let expected = needs_oracle(&fw, &w.officers, department);
            let got: BTreeMap<String, Row> = needs
                .rows
                .iter()
                .map(|r| {
                    (r.group.to_string(), [
                        r.competencies, r.officers_required, r.officers_short, r.pairs,
                        r.pairs_short, r.required_levels, r.total_shortfall,
                    ])
                })
                .collect();
            prop_assert_eq!(&got, &expected);
            prop_assert_eq!(got.len(), needs.rows.len());
            // Laws of each row, and the documented order.
            for r in &needs.rows {
                prop_assert!(r.officers_short <= r.officers_required);
                prop_assert!(r.officers_required <= needs.officers);
                prop_assert!((0.0..=1.0).contains(&r.readiness));
                let held = (r.required_levels - r.total_shortfall) as f64;
                prop_assert!((r.readiness - held / r.required_levels as f64).abs() < 1e-12);
            }
            for w in needs.rows.windows(2) {
                let key = |r: &karmayogi::GroupNeedRow<'_>| {
                    (std::cmp::Reverse(r.total_shortfall), std::cmp::Reverse(r.officers_short),
                     r.group.to_string())
                };
                prop_assert!(key(&w[0]) < key(&w[1]));
            }
            // The same on one thread, byte for byte.
            let one = fw
                .training_needs_by_group(&cohort, &options.clone().threads(1))
                .unwrap();
            prop_assert_eq!(format!("{one}"), format!("{needs}"));
        }
    }

    #[test]
    fn group_sums_are_sums_of_heatmap_rows_and_grow_upwards(raw in raw_world()) {
        let w = world(&raw);
        let fw = Framework::new(w.spec.clone()).unwrap();
        let cohort = Cohort::new(&fw, &w.officers, &LevelPolicy::default()).unwrap();
        let needs = fw.training_needs_by_group(&cohort, &RollupOptions::default()).unwrap();
        let heatmap = fw.training_needs(&cohort, &NeedsOptions::default()).unwrap();
        let by_competency: BTreeMap<String, &karmayogi::NeedRow<'_>> =
            heatmap.rows.iter().map(|r| (r.competency.to_string(), r)).collect();
        let rows: BTreeMap<String, &karmayogi::GroupNeedRow<'_>> =
            needs.rows.iter().map(|r| (r.group.to_string(), r)).collect();
        for (id, row) in &rows {
            let mut sums = (0, 0, 0);
            for c in closure(&fw, id) {
                if let Some(h) = by_competency.get(&c) {
                    sums.0 += h.total_shortfall;
                    sums.1 += h.officers_required;
                    sums.2 += h.officers_short;
                }
            }
            prop_assert_eq!(sums, (row.total_shortfall, row.pairs, row.pairs_short));
            // Every group below has counts no larger.
            for child in fw.child_groups(id).unwrap() {
                if let Some(c) = rows.get(child.as_str()) {
                    prop_assert!(c.officers_required <= row.officers_required);
                    prop_assert!(c.officers_short <= row.officers_short);
                    prop_assert!(c.total_shortfall <= row.total_shortfall);
                    prop_assert!(c.competencies <= row.competencies);
                }
            }
        }
        // A kind filter only leaves rows out.
        let themes = fw
            .training_needs_by_group(&cohort, &RollupOptions::default().kind(GroupKind::Theme))
            .unwrap();
        let kept: Vec<_> = needs.rows.iter().filter(|r| r.kind == GroupKind::Theme).collect();
        prop_assert_eq!(themes.rows.iter().collect::<Vec<_>>(), kept);
    }

    #[test]
    fn progress_by_group_equals_the_oracle(
        raw in raw_world(),
        changes in prop::collection::vec((any::<usize>(), 0u8..6, any::<bool>()), 0..8),
    ) {
        let w = world(&raw);
        let fw = Framework::new(w.spec.clone()).unwrap();
        let policy = LevelPolicy::default();
        // The second snapshot: levels changed, an officer moved or dropped, one added.
        let mut later = w.officers.clone();
        for &(pick, level, drop) in &changes {
            if later.is_empty() {
                break;
            }
            let k = pick % later.len();
            if drop && pick % 5 == 0 {
                later.remove(k);
                continue;
            }
            if let Some(e) = later[k].passbook.get_mut(pick % 3) {
                e.level = level;
            } else if drop {
                later[k].position = w.spec.positions[pick % w.spec.positions.len()].id.clone();
            }
        }
        if let Some(first) = w.officers.first() {
            let mut new = first.clone();
            new.id = "z-new".into();
            later.push(new);
        }
        let before = Cohort::new(&fw, &w.officers, &policy).unwrap();
        let after = Cohort::new(&fw, &later, &policy).unwrap();
        let eval = fw.compare_by_group(&before, &after, &RollupOptions::default()).unwrap();
        let now: BTreeMap<&str, &OfficerSpec> =
            later.iter().map(|o| (o.id.as_str(), o)).collect();
        let mut expected: BTreeMap<String, [u64; 10]> = BTreeMap::new();
        for group in fw.groups() {
            let members = closure(&fw, group.id.as_str());
            let mut row = [0u64; 10];
            for o in &w.officers {
                let Some(&o2) = now.get(o.id.as_str()) else { continue };
                let p = o.position.as_str();
                let (b, a) = (Profile::new(&fw, o, &policy).unwrap(),
                              Profile::new(&fw, o2, &policy).unwrap());
                let (pb, pa) = (pairs(&fw, &b, p), pairs(&fw, &a, p));
                let mine: Vec<(u8, u8, u8)> = pb
                    .iter()
                    .filter(|(c, _)| members.contains(*c))
                    .map(|(c, &(r, h1))| (r, h1, pa[c].1))
                    .collect();
                if mine.is_empty() {
                    continue;
                }
                let short_b = mine.iter().any(|&(r, h, _)| h < r);
                let short_a = mine.iter().any(|&(r, _, h)| h < r);
                row[0] += 1;
                row[1] += u64::from(short_b);
                row[2] += u64::from(short_a);
                row[3] += u64::from(short_b && !short_a);
                row[4] += u64::from(!short_b && short_a);
                for &(r, h1, h2) in &mine {
                    let (s1, s2) = (r.saturating_sub(h1), r.saturating_sub(h2));
                    row[5] += u64::from(r);
                    row[6] += u64::from(s1);
                    row[7] += u64::from(s2);
                    row[8] += u64::from(s1.saturating_sub(s2));
                    row[9] += u64::from(s2.saturating_sub(s1));
                }
            }
            if row[0] > 0 {
                expected.insert(group.id.to_string(), row);
            }
        }
        let got: BTreeMap<String, [u64; 10]> = eval
            .groups
            .iter()
            .map(|g| (g.group.to_string(), [
                g.officers_required, g.short_before, g.short_after, g.closed, g.opened,
                g.required_levels, g.shortfall_before, g.shortfall_after, g.levels_gained,
                g.levels_lost,
            ]))
            .collect();
        prop_assert_eq!(got, expected);
        for g in &eval.groups {
            prop_assert_eq!(g.short_after, g.short_before - g.closed + g.opened);
            prop_assert_eq!(
                g.shortfall_after,
                g.shortfall_before - g.levels_gained + g.levels_lost
            );
        }
        // Group sums are the per-competency sums of the plain evaluation.
        let plain = fw.compare(&before, &after, &CompareOptions::default()).unwrap();
        for g in &eval.groups {
            let members = closure(&fw, g.group.as_str());
            let gained: u64 = plain
                .competencies
                .iter()
                .filter(|c| members.contains(c.competency.as_str()))
                .map(|c| c.levels_gained)
                .sum();
            prop_assert_eq!(gained, g.levels_gained);
        }
        let ids: BTreeSet<&str> = w.officers.iter().map(|o| o.id.as_str()).collect();
        let only_after = later.iter().filter(|o| !ids.contains(o.id.as_str())).count();
        prop_assert_eq!(eval.only_after, only_after as u64);
        // Against itself, nothing moves.
        let same = fw.compare_by_group(&before, &before, &RollupOptions::default()).unwrap();
        for g in &same.groups {
            prop_assert_eq!((g.closed, g.opened, g.levels_gained, g.levels_lost), (0, 0, 0, 0));
        }
    }
}

#[test]
fn unknown_departments_and_other_frameworks_are_refused() {
    let raw: RawWorld = (
        vec![vec![]],
        vec![(vec![0], 0)],
        vec![vec![(0, 2)]],
        vec![(0, 1, vec![(0, 1)])],
    );
    let w = world(&raw);
    let fw = Framework::new(w.spec.clone()).unwrap();
    let cohort = Cohort::new(&fw, &w.officers, &LevelPolicy::default()).unwrap();
    let e = fw
        .training_needs_by_group(&cohort, &RollupOptions::default().department("d9"))
        .unwrap_err();
    assert_eq!(e.code(), "unknown_id");
    let other = Framework::new(w.spec).unwrap();
    let e = other
        .training_needs_by_group(&cohort, &RollupOptions::default())
        .unwrap_err();
    assert_eq!(e.code(), "framework_mismatch");
    // A department of the framework's positions that no officer belongs to: no rows.
    let needs = fw
        .training_needs_by_group(&cohort, &RollupOptions::default().department("d0"))
        .unwrap();
    assert!(needs.rows.is_empty());
    let all = fw
        .training_needs_by_group(&cohort, &RollupOptions::default())
        .unwrap();
    assert_eq!(all.rows.len(), 1);
}
