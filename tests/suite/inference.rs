//! Group rules: holding a group's children implies holding the competency that stands for
//! the group, when the level policy asks for it.
//!
//! Named scenarios pin down the rule ("all" and "at least N", children through child
//! groups' rules, evaluation bottom-up whatever the ids), and properties check the laws on
//! generated hierarchies against an oracle that applies the rules, read from the spec, in
//! any order until nothing changes:
//! - off (the default), or on without rules, the levels are exactly those of the evidence;
//! - on, the levels are the oracle's fixpoint, so one bottom-up pass is enough and the order
//!   of evaluation cannot matter;
//! - monotone: raising an evidence level never lowers any level;
//! - a cohort derives the same levels as a profile.

use std::collections::{BTreeMap, BTreeSet};

use karmayogi::{
    Cohort, CompetencySpec, CompetencyType, Evidence, EvidenceSource, Framework, FrameworkSpec,
    GroupRule, GroupSpec, LevelPolicy, OfficerSpec, PositionSpec, Profile, RoleSpec,
};
use proptest::prelude::*;

use crate::support::{self, assessed_undated};

/// Adds role `r` and position `p` in department `d`, so officers can be built.
fn add_one_post(spec: &mut FrameworkSpec) {
    spec.roles.push(RoleSpec {
        id: "r".into(),
        name: "Role".into(),
        activities: vec![],
        requires: vec![],
    });
    spec.positions.push(PositionSpec {
        id: "p".into(),
        name: "Post".into(),
        department: "d".into(),
        roles: vec!["r".into()],
    });
}

/// A framework with one position (so officers can be built) from groups and competencies.
fn framework(groups: Vec<GroupSpec>, competencies: Vec<CompetencySpec>) -> Framework {
    let mut spec = FrameworkSpec::new();
    spec.groups = groups;
    spec.competencies = competencies;
    add_one_post(&mut spec);
    Framework::new(spec).unwrap_or_else(|e| panic!("{e}"))
}

fn competency(id: &str, groups: &[&str]) -> CompetencySpec {
    CompetencySpec {
        groups: groups.iter().map(|&g| g.into()).collect(),
        ..CompetencySpec::new(id, id, CompetencyType::Functional)
    }
}

fn group(id: &str, parents: &[&str], rule: Option<(&str, u8, Option<u32>)>) -> GroupSpec {
    GroupSpec {
        parents: parents.iter().map(|&p| p.into()).collect(),
        rule: rule.map(|(c, level, at_least)| GroupRule {
            competency: c.into(),
            level,
            level_name: None,
            at_least,
        }),
        ..GroupSpec::new(id, id)
    }
}

fn officer(evidence: &[(&str, u8)]) -> OfficerSpec {
    support::officer("o", "d", "p", assessed_undated(evidence))
}

/// The held levels of an officer under a policy, by competency id.
fn held(fw: &Framework, o: &OfficerSpec, policy: &LevelPolicy) -> BTreeMap<String, u8> {
    let profile = Profile::new(fw, o, policy).unwrap();
    profile
        .held(fw)
        .unwrap()
        .into_iter()
        .map(|(c, l)| (c.to_string(), l.get()))
        .collect()
}

fn inferring() -> LevelPolicy {
    LevelPolicy::default().infer_group_rules(true)
}

/// A KCM-like theme: three sub-theme competencies under a theme whose rule names the
/// competency `theme-finance`, and an area whose rule counts its themes.
fn kcm_like() -> Framework {
    framework(
        vec![
            group("area", &[], Some(("functional", 2, Some(1)))),
            group("theme", &["area"], Some(("theme-finance", 2, None))),
        ],
        vec![
            competency("budget", &["theme"]),
            competency("audit", &["theme"]),
            competency("gfr", &["theme"]),
            competency("theme-finance", &[]),
            competency("functional", &[]),
        ],
    )
}

#[test]
fn all_children_at_the_level_grant_the_group_and_its_parent() {
    let fw = kcm_like();
    let o = officer(&[("budget", 3), ("audit", 2), ("gfr", 2)]);
    let levels = held(&fw, &o, &inferring());
    assert_eq!(levels["theme-finance"], 2);
    // The theme's competency is a child of the area, whose rule needs one child at 2.
    assert_eq!(levels["functional"], 2);
    // Off by default: nothing inferred.
    assert_eq!(held(&fw, &o, &LevelPolicy::default()).len(), 3);
    // One child short of the level: the theme is not held, nor the area.
    let short = officer(&[("budget", 3), ("audit", 2), ("gfr", 1)]);
    let levels = held(&fw, &short, &inferring());
    assert!(!levels.contains_key("theme-finance") && !levels.contains_key("functional"));
}

#[test]
fn inference_never_lowers_a_level_held_from_evidence() {
    let fw = kcm_like();
    let o = officer(&[
        ("budget", 2),
        ("audit", 2),
        ("gfr", 2),
        ("theme-finance", 4),
    ]);
    assert_eq!(held(&fw, &o, &inferring())["theme-finance"], 4);
}

#[test]
fn at_least_counts_children_and_each_competency_once() {
    // `c1` is directly in `g` and also the competency of child group `h`'s rule: one child.
    let fw = framework(
        vec![
            group("g", &[], Some(("top", 1, Some(2)))),
            group("h", &["g"], Some(("c1", 1, None))),
        ],
        vec![
            competency("c1", &["g"]),
            competency("c2", &["g"]),
            competency("x", &["h"]),
            competency("top", &[]),
        ],
    );
    // `x` grants `c1` through `h`; with `c2`, two distinct children of `g` are held.
    let levels = held(&fw, &officer(&[("x", 1), ("c2", 1)]), &inferring());
    assert_eq!((levels["c1"], levels["top"]), (1, 1));
    // `c1` alone is one child, however it is reached.
    let levels = held(&fw, &officer(&[("x", 1), ("c1", 1)]), &inferring());
    assert!(!levels.contains_key("top"));
}

#[test]
fn rules_are_evaluated_bottom_up_whatever_the_ids() {
    // The parent's id sorts before its child's and the chain runs through a competency in
    // another branch: `z-leaf`'s rule feeds `m-mid` (its competency is in `m-mid`), which
    // feeds `a-top`. Evaluated by id, `a-top` would be checked first and missed.
    let fw = framework(
        vec![
            group("a-top", &[], Some(("top", 2, None))),
            group("m-mid", &["a-top"], Some(("mid", 2, None))),
            group("z-leaf", &[], Some(("leaf", 2, None))),
        ],
        vec![
            competency("c", &["z-leaf"]),
            competency("leaf", &["m-mid"]),
            competency("mid", &[]),
            competency("top", &[]),
        ],
    );
    let levels = held(&fw, &officer(&[("c", 5)]), &inferring());
    assert_eq!((levels["leaf"], levels["mid"], levels["top"]), (2, 2, 2));
}

#[test]
fn rules_survive_the_json_round_trip_and_to_spec() {
    let fw = kcm_like();
    let spec = fw.to_spec();
    let again = FrameworkSpec::from_json(&spec.to_json()).unwrap();
    assert_eq!(again, spec);
    let area = spec
        .groups
        .iter()
        .find(|g| g.id.as_str() == "area")
        .unwrap();
    assert_eq!(area.rule.as_ref().unwrap().at_least, Some(1));
}

// ---------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------

/// A generated framework: groups `g0..`, each listing parents of smaller index (so the
/// hierarchy is acyclic); ordinary competencies `c0..` in some groups; and, per group, a
/// competency `s<i>` that its rule may name, placed in groups of smaller index only, so
/// that rules feed each other only upwards and never in a cycle.
#[derive(Clone, Debug)]
struct Case {
    parents: Vec<Vec<usize>>,
    members: Vec<Vec<usize>>,
    /// Per group: the rule's level and `at_least` (0: all), or no rule.
    rules: Vec<Option<(u8, u32)>>,
    /// Per group, the groups of smaller index its `s<i>` is in.
    stands_in: Vec<Vec<usize>>,
    evidence: Vec<(usize, u8)>,
}

fn case() -> impl Strategy<Value = Case> {
    (1usize..7, 1usize..9).prop_flat_map(|(g, c)| {
        (
            prop::collection::vec(prop::collection::vec(any::<usize>(), 0..3), g),
            prop::collection::vec(prop::collection::vec(any::<usize>(), 0..3), c),
            prop::collection::vec(prop::option::of((1u8..4, 0u32..4)), g),
            prop::collection::vec(prop::collection::vec(any::<usize>(), 0..2), g),
            prop::collection::vec((0..c + g, 0u8..6), 0..12),
        )
            .prop_map(move |(parents, members, rules, stands_in, evidence)| Case {
                parents: (0..g)
                    .map(|i| {
                        let mut p: Vec<usize> =
                            parents[i].iter().filter(|_| i > 0).map(|x| x % i).collect();
                        p.sort_unstable();
                        p.dedup();
                        p
                    })
                    .collect(),
                members: members
                    .into_iter()
                    .map(|m| {
                        let mut m: Vec<usize> = m.into_iter().map(|x| x % g).collect();
                        m.sort_unstable();
                        m.dedup();
                        m
                    })
                    .collect(),
                rules,
                stands_in: (0..g)
                    .map(|i| {
                        let mut s: Vec<usize> = stands_in[i]
                            .iter()
                            .filter(|_| i > 0)
                            .map(|x| x % i)
                            .collect();
                        s.sort_unstable();
                        s.dedup();
                        s
                    })
                    .collect(),
                evidence,
            })
    })
}

impl Case {
    fn competency_ids(&self) -> Vec<String> {
        (0..self.members.len())
            .map(|j| format!("c{j}"))
            .chain((0..self.parents.len()).map(|i| format!("s{i}")))
            .collect()
    }

    /// The spec, with the rules that cannot be met (no or too few children) left out.
    fn spec(&self) -> FrameworkSpec {
        let g = |i: usize| format!("g{i}");
        let mut spec = FrameworkSpec::new();
        for (i, parents) in self.parents.iter().enumerate() {
            let refs: Vec<String> = parents.iter().map(|&p| g(p)).collect();
            let refs: Vec<&str> = refs.iter().map(String::as_str).collect();
            let s = format!("s{i}");
            let rule = self.rules[i].map(|(level, n)| (s.as_str(), level, (n > 0).then_some(n)));
            spec.groups.push(group(&g(i), &refs, rule));
        }
        for (j, groups) in self.members.iter().enumerate() {
            let refs: Vec<String> = groups.iter().map(|&x| g(x)).collect();
            let refs: Vec<&str> = refs.iter().map(String::as_str).collect();
            spec.competencies.push(competency(&format!("c{j}"), &refs));
        }
        for (i, groups) in self.stands_in.iter().enumerate() {
            let refs: Vec<String> = groups.iter().map(|&x| g(x)).collect();
            let refs: Vec<&str> = refs.iter().map(String::as_str).collect();
            spec.competencies.push(competency(&format!("s{i}"), &refs));
        }
        add_one_post(&mut spec);
        // Drop the rules the framework refuses as unmeetable (dropping one can leave its
        // parent's rule with too few children, hence the loop); nothing else can fail.
        while let Err(errors) = Framework::new(spec.clone()) {
            for e in &errors {
                match e {
                    karmayogi::Error::InvalidGroupRule { group, .. } => {
                        let at = spec.groups.iter_mut().find(|x| x.id == *group).unwrap();
                        at.rule = None;
                    }
                    other => panic!("unexpected {other}"),
                }
            }
        }
        spec
    }

    fn officer(&self) -> OfficerSpec {
        let ids = self.competency_ids();
        OfficerSpec {
            passbook: self
                .evidence
                .iter()
                .map(|&(c, level)| Evidence {
                    competency: ids[c].as_str().into(),
                    level,
                    level_name: None,
                    source: EvidenceSource::Assessment,
                    date: String::new(),
                    verified: true,
                    course: None,
                })
                .collect(),
            ..officer(&[])
        }
    }
}

/// The levels of the evidence alone: the highest per competency, above 0.
fn plain(o: &OfficerSpec) -> BTreeMap<String, u8> {
    let mut out: BTreeMap<String, u8> = BTreeMap::new();
    for e in o.passbook.iter().filter(|e| e.level > 0) {
        let l = out.entry(e.competency.to_string()).or_default();
        *l = (*l).max(e.level);
    }
    out
}

/// Applies the spec's rules, read from the spec alone, in reverse group order, over and
/// over until nothing changes.
fn fixpoint(spec: &FrameworkSpec, start: BTreeMap<String, u8>) -> BTreeMap<String, u8> {
    let mut levels = start;
    let rule_of: BTreeMap<&str, &GroupRule> = spec
        .groups
        .iter()
        .filter_map(|g| Some((g.id.as_str(), g.rule.as_ref()?)))
        .collect();
    loop {
        let mut changed = false;
        for g in spec.groups.iter().rev() {
            let Some(rule) = &g.rule else { continue };
            let mut children: BTreeSet<&str> = spec
                .competencies
                .iter()
                .filter(|c| c.groups.contains(&g.id))
                .map(|c| c.id.as_str())
                .collect();
            for child in spec.groups.iter().filter(|x| x.parents.contains(&g.id)) {
                if let Some(r) = rule_of.get(child.id.as_str()) {
                    children.insert(r.competency.as_str());
                }
            }
            let met = children
                .iter()
                .filter(|&&c| levels.get(c).copied().unwrap_or(0) >= rule.level)
                .count() as u32;
            let need = rule.at_least.unwrap_or(children.len() as u32);
            if met >= need {
                let l = levels.entry(rule.competency.to_string()).or_default();
                if *l < rule.level {
                    *l = rule.level;
                    changed = true;
                }
            }
        }
        if !changed {
            return levels;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn off_or_without_rules_the_levels_are_the_evidence(case in case()) {
        let spec = case.spec();
        let fw = Framework::new(spec.clone()).unwrap();
        let o = case.officer();
        prop_assert_eq!(held(&fw, &o, &LevelPolicy::default()), plain(&o));
        let mut bare = spec;
        for g in &mut bare.groups {
            g.rule = None;
        }
        let fw = Framework::new(bare).unwrap();
        prop_assert_eq!(held(&fw, &o, &inferring()), plain(&o));
    }

    #[test]
    fn one_pass_reaches_the_fixpoint_of_every_order(case in case()) {
        let spec = case.spec();
        let fw = Framework::new(spec.clone()).unwrap();
        let o = case.officer();
        let inferred = held(&fw, &o, &inferring());
        prop_assert_eq!(&inferred, &fixpoint(&spec, plain(&o)));
        // A cohort derives the same levels.
        let cohort = Cohort::new(&fw, [&o], &inferring()).unwrap();
        let from_cohort: BTreeMap<String, u8> = cohort
            .profile(0)
            .unwrap()
            .held(&fw)
            .unwrap()
            .into_iter()
            .map(|(c, l)| (c.to_string(), l.get()))
            .collect();
        prop_assert_eq!(from_cohort, inferred);
    }

    #[test]
    fn raising_an_evidence_level_never_lowers_a_level(case in case(), pick in any::<usize>()) {
        let spec = case.spec();
        let fw = Framework::new(spec).unwrap();
        let o = case.officer();
        let before = held(&fw, &o, &inferring());
        let mut raised = o.clone();
        if raised.passbook.is_empty() {
            raised.passbook = officer(&[("c0", 1)]).passbook;
        } else {
            let k = pick % raised.passbook.len();
            raised.passbook[k].level = (raised.passbook[k].level + 1).min(5);
        }
        let after = held(&fw, &raised, &inferring());
        for (c, level) in &before {
            prop_assert!(after.get(c).copied().unwrap_or(0) >= *level, "{c} fell");
        }
    }
}
