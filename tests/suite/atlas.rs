//! The competency atlas: where a competency is demanded and which courses build it.
//!
//! A named scenario on the head post office asserts a whole entry and its text; a property
//! checks every entry of generated frameworks (draft requirements, shared activities,
//! roles no position carries, groups with several parents) against a walk of the spec.

use std::collections::{BTreeMap, BTreeSet};

use karmayogi::{
    ActivitySpec, AtlasSubject, CompetencySpec, CompetencyType, CourseOutcome, Framework,
    FrameworkSpec, Level, Mode, RequirementSpec, ReviewStatus, RoleSpec,
};
use proptest::prelude::*;

use crate::support::{course_spec, first_wins, group_hierarchy, picked_groups, position};

fn head_post_office() -> Framework {
    Framework::from_json(include_str!("../../examples/data/head_post_office.json")).unwrap()
}

#[test]
fn financial_accounting_in_the_head_post_office() {
    let fw = head_post_office();
    let atlas = fw.competency_atlas("financial-accounting").unwrap();
    let entry = &atlas.entries[0];
    assert_eq!(entry.name, "Financial accounting");
    let positions: Vec<(&str, u8)> = entry
        .positions
        .iter()
        .map(|p| (p.position.as_str(), p.level.get()))
        .collect();
    assert_eq!(
        positions,
        [("postmaster-hpo", 3), ("supervisor-counters", 3)]
    );
    let courses: Vec<(&str, Option<u8>)> = entry
        .courses
        .iter()
        .map(|k| (k.course.as_str(), k.level.map(Level::get)))
        .collect();
    assert_eq!(
        courses,
        [
            ("accounts-basics", Some(2)),
            ("accounts-mentoring", Some(3)),
            ("po-accounts", Some(3)),
            ("sb-desk-posting", Some(3)),
        ]
    );
    assert_eq!(entry.positions_at, [0, 0, 0, 2, 0, 0]);
    assert!(entry.roles.iter().all(|r| r.direct.is_none()));
    let text = atlas.to_string();
    assert!(
        text.starts_with("Atlas of Financial accounting [financial-accounting] (functional), in Finance [area:Finance]\n  demanded by 2 positions in 1 department, at level 3 (2)\n"),
        "{text}"
    );
    assert!(text.contains("built by 4 courses"), "{text}");
    // An unknown id names the nearest.
    let e = fw.competency_atlas("financial-acounting").unwrap_err();
    assert_eq!(
        e.to_string(),
        "unknown competency `financial-acounting`, did you mean `financial-accounting`?"
    );
}

#[test]
fn a_group_atlas_has_one_entry_per_competency_below_it() {
    let fw = head_post_office();
    let atlas = fw.group_atlas("area:Department of Posts").unwrap();
    assert!(matches!(
        atlas.subject,
        AtlasSubject::Group {
            name: "Department of Posts",
            ..
        }
    ));
    let ids: Vec<&str> = atlas
        .entries
        .iter()
        .map(|e| e.competency.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "india-post-payments",
            "mail-logistics",
            "postal-operations",
            "savings-schemes"
        ]
    );
    assert!(atlas.to_string().starts_with(
        "Atlas of Department of Posts [area:Department of Posts] (area): 4 competencies\n"
    ));
    assert_eq!(fw.group_atlas("nowhere").unwrap_err().code(), "unknown_id");
}

// ---------------------------------------------------------------------------------------
// Property: every entry against a walk of the spec
// ---------------------------------------------------------------------------------------

type Raw = (
    Vec<Vec<usize>>,                     // per group, parent picks
    Vec<Vec<usize>>,                     // per competency, group picks
    Vec<Vec<(usize, u8, bool)>>,         // per activity, (competency, level, draft)
    Vec<(Vec<usize>, Vec<(usize, u8)>)>, // per role, activities and direct requirements
    Vec<Vec<usize>>,                     // per position, roles
    Vec<Vec<(usize, Option<u8>)>>,       // per course, outcomes
);

fn raw() -> impl Strategy<Value = Raw> {
    (1usize..5, 1usize..7, 0usize..5, 1usize..5).prop_flat_map(|(g, c, a, r)| {
        (
            prop::collection::vec(prop::collection::vec(any::<usize>(), 0..3), g),
            prop::collection::vec(prop::collection::vec(0..g, 0..3), c),
            prop::collection::vec(
                prop::collection::vec((0..c, 1u8..6, any::<bool>()), 0..4),
                a,
            ),
            prop::collection::vec(
                (
                    prop::collection::vec(0..a.max(1), 0..3),
                    prop::collection::vec((0..c, 1u8..6), 0..3),
                ),
                r,
            ),
            prop::collection::vec(prop::collection::vec(0..r, 1..3), 0..4),
            prop::collection::vec(
                prop::collection::vec((0..c, prop::option::of(1u8..6)), 1..3),
                0..4,
            ),
        )
    })
}

fn spec(raw: &Raw) -> FrameworkSpec {
    let (groups, competencies, activities, roles, positions, courses) = raw;
    let name = |i: usize| format!("g{i}");
    let mut spec = FrameworkSpec::new();
    spec.groups = group_hierarchy(groups, name);
    for (j, picks) in competencies.iter().enumerate() {
        spec.competencies.push(CompetencySpec {
            groups: picked_groups(picks, groups.len(), name),
            ..CompetencySpec::new(format!("c{j}"), format!("C {j}"), CompetencyType::Domain)
        });
    }
    let unique = |reqs: &mut dyn Iterator<Item = (usize, u8, bool)>| {
        first_wins(reqs.map(|(c, level, draft)| (c, (level, draft))))
            .into_iter()
            .map(|(c, (level, draft))| RequirementSpec {
                status: if draft {
                    ReviewStatus::Draft
                } else {
                    ReviewStatus::Verified
                },
                ..RequirementSpec::new(format!("c{c}"), level)
            })
            .collect::<Vec<_>>()
    };
    for (k, reqs) in activities.iter().enumerate() {
        spec.activities.push(ActivitySpec {
            id: format!("a{k}").into(),
            name: format!("A {k}"),
            requires: unique(&mut reqs.iter().copied()),
        });
    }
    for (k, (acts, direct)) in roles.iter().enumerate() {
        let acts: BTreeSet<usize> = acts
            .iter()
            .filter(|&&a| a < activities.len())
            .copied()
            .collect();
        spec.roles.push(RoleSpec {
            id: format!("r{k}").into(),
            name: format!("R {k}"),
            activities: acts.into_iter().map(|a| format!("a{a}").into()).collect(),
            requires: unique(&mut direct.iter().map(|&(c, l)| (c, l, false))),
        });
    }
    for (k, picks) in positions.iter().enumerate() {
        let roles: BTreeSet<usize> = picks.iter().copied().collect();
        spec.positions.push(position(
            &format!("p{k}"),
            format!("P {k}"),
            &format!("d{}", k % 2),
            roles.into_iter().map(|r| format!("r{r}")),
        ));
    }
    for (k, outcomes) in courses.iter().enumerate() {
        spec.courses.push(course_spec(
            format!("k{k}"),
            format!("K {k}"),
            2.5,
            Mode::Social,
            first_wins(outcomes.iter().copied())
                .into_iter()
                .map(|(c, level)| CourseOutcome {
                    competency: format!("c{c}").into(),
                    level,
                    level_name: None,
                })
                .collect(),
            Vec::new(),
        ));
    }
    spec
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::support::oracle_cases(300)))]

    #[test]
    fn every_entry_matches_a_walk_of_the_spec(raw in raw()) {
        let spec = spec(&raw);
        let fw = Framework::new(spec.clone()).unwrap();
        for c in &spec.competencies {
            let id = c.id.as_str();
            let atlas = fw.competency_atlas(id).unwrap();
            prop_assert_eq!(atlas.entries.len(), 1);
            let e = &atlas.entries[0];
            // Positions: exactly those whose requirements list it, same level and paths.
            let mut expected = Vec::new();
            for p in &spec.positions {
                let reqs = fw.requirements(p.id.as_str()).unwrap();
                if let Some(r) = reqs.iter().find(|r| r.competency.as_str() == id) {
                    expected.push((p.id.to_string(), r.level, r.provenance.to_vec()));
                }
            }
            let got: Vec<_> = e
                .positions
                .iter()
                .map(|p| (p.position.to_string(), p.level, p.provenance.to_vec()))
                .collect();
            prop_assert_eq!(got, expected);
            prop_assert_eq!(e.positions_at.iter().sum::<u64>(), e.positions.len() as u64);
            // Activities: verified requirements only.
            let acts: Vec<(String, u8)> = spec
                .activities
                .iter()
                .filter_map(|a| {
                    let q = a.requires.iter().find(|q| {
                        q.competency.as_str() == id && q.status == ReviewStatus::Verified
                    })?;
                    Some((a.id.to_string(), q.level))
                })
                .collect();
            let got: Vec<(String, u8)> = e
                .activities
                .iter()
                .map(|a| (a.activity.to_string(), a.level.get()))
                .collect();
            prop_assert_eq!(&got, &acts);
            // Roles: a direct requirement or a listed activity requiring it.
            let level_of: BTreeMap<&str, u8> =
                acts.iter().map(|(a, l)| (a.as_str(), *l)).collect();
            let mut roles = Vec::new();
            for r in &spec.roles {
                let direct = r
                    .requires
                    .iter()
                    .find(|q| q.competency.as_str() == id)
                    .map(|q| q.level);
                let through: Vec<String> = r
                    .activities
                    .iter()
                    .filter(|a| level_of.contains_key(a.as_str()))
                    .map(ToString::to_string)
                    .collect();
                let top = through
                    .iter()
                    .map(|a| level_of[a.as_str()])
                    .chain(direct)
                    .max();
                if let Some(top) = top {
                    roles.push((r.id.to_string(), direct, through, top));
                }
            }
            let got: Vec<_> = e
                .roles
                .iter()
                .map(|r| (
                    r.role.to_string(),
                    r.direct.map(Level::get),
                    r.activities.iter().map(ToString::to_string).collect::<Vec<_>>(),
                    r.level.get(),
                ))
                .collect();
            prop_assert_eq!(got, roles);
            // Courses.
            let courses: Vec<(String, Option<u8>)> = spec
                .courses
                .iter()
                .filter_map(|k| {
                    let o = k.provides.iter().find(|o| o.competency.as_str() == id)?;
                    Some((k.id.to_string(), o.level))
                })
                .collect();
            let got: Vec<(String, Option<u8>)> = e
                .courses
                .iter()
                .map(|k| (k.course.to_string(), k.level.map(Level::get)))
                .collect();
            prop_assert_eq!(got, courses);
            prop_assert!(!atlas.to_string().is_empty());
        }
        // A group's atlas: the entries of its competencies, each once.
        for g in &spec.groups {
            let atlas = fw.group_atlas(g.id.as_str()).unwrap();
            let mut below = BTreeSet::new();
            let mut stack = vec![g.id.to_string()];
            while let Some(at) = stack.pop() {
                below.extend(fw.members(&at).unwrap().into_iter().map(ToString::to_string));
                stack.extend(fw.child_groups(&at).unwrap().into_iter().map(ToString::to_string));
            }
            let ids: Vec<String> = atlas.entries.iter().map(|e| e.competency.to_string()).collect();
            prop_assert_eq!(ids, below.iter().cloned().collect::<Vec<_>>());
            for e in &atlas.entries {
                let one = fw.competency_atlas(e.competency.as_str()).unwrap();
                prop_assert_eq!(e, &one.entries[0]);
            }
        }
    }
}
