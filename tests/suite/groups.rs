//! Competency groups: a hierarchy with identity over the competencies (areas, themes,
//! sub-themes, free groupings), several parents allowed, validated at construction like
//! everything else. Named scenarios, then properties on generated hierarchies (256 cases
//! each): construction, the top-down order, agreement of every view with the spec, order
//! independence, and cycles reported with their path.

use std::collections::BTreeMap;

use karmayogi::{
    CompetencySpec, CompetencyType, EntityKind, Error, Framework, FrameworkSpec, GroupId,
    GroupKind, GroupSpec,
};
use proptest::prelude::*;

use crate::support::{group_hierarchy, picked_groups};

fn group(id: &str, name: &str, kind: GroupKind, parents: &[&str]) -> GroupSpec {
    GroupSpec {
        kind,
        parents: parents.iter().map(|&p| p.into()).collect(),
        ..GroupSpec::new(id, name)
    }
}

fn competency(id: &str, groups: &[&str]) -> CompetencySpec {
    CompetencySpec {
        groups: groups.iter().map(|&g| g.into()).collect(),
        ..CompetencySpec::new(id, format!("Competency {id}"), CompetencyType::Functional)
    }
}

fn ids(list: &[&GroupId]) -> Vec<String> {
    list.iter().map(|g| g.as_str().to_owned()).collect()
}

/// The Karmayogi Competency Model's shape, with ESCO's poly-hierarchy: `ethics` is a
/// sub-theme of two themes, and `integrity` sits in a sub-theme and a theme.
fn kcm_like() -> FrameworkSpec {
    FrameworkSpec {
        groups: vec![
            group(
                "s-ethics",
                "Ethics",
                GroupKind::SubTheme,
                &["t-self", "t-conduct"],
            ),
            group("behavioural", "Behavioural", GroupKind::Area, &[]),
            group(
                "t-self",
                "Self-management",
                GroupKind::Theme,
                &["behavioural"],
            ),
            group("t-conduct", "Conduct", GroupKind::Theme, &["behavioural"]),
            group("functional", "Functional", GroupKind::Area, &[]),
        ],
        competencies: vec![
            competency("integrity", &["s-ethics", "t-conduct"]),
            competency("empathy", &["t-self"]),
            competency("drafting", &[]),
        ],
        ..FrameworkSpec::new()
    }
}

#[test]
fn a_hierarchy_with_several_parents_is_viewed_from_every_side() {
    let fw = Framework::new(kcm_like()).unwrap();
    let all: Vec<&str> = fw.groups().iter().map(|g| g.id.as_str()).collect();
    assert_eq!(
        all,
        [
            "behavioural",
            "functional",
            "s-ethics",
            "t-conduct",
            "t-self"
        ]
    );
    assert_eq!(
        ids(&fw.parent_groups("s-ethics").unwrap()),
        ["t-conduct", "t-self"]
    );
    assert_eq!(
        ids(&fw.child_groups("behavioural").unwrap()),
        ["t-conduct", "t-self"]
    );
    assert!(fw.child_groups("functional").unwrap().is_empty());
    assert_eq!(
        ids(&fw.groups_of("integrity").unwrap()),
        ["s-ethics", "t-conduct"]
    );
    assert!(fw.groups_of("drafting").unwrap().is_empty());
    let members: Vec<&str> = fw
        .members("t-conduct")
        .unwrap()
        .iter()
        .map(|c| c.as_str())
        .collect();
    assert_eq!(members, ["integrity"]);
    let order: Vec<&str> = fw.groups_top_down().iter().map(|g| g.id.as_str()).collect();
    assert_eq!(
        order,
        [
            "behavioural",
            "functional",
            "t-conduct",
            "t-self",
            "s-ethics"
        ]
    );
    assert_eq!(fw.group("t-self").unwrap().kind, GroupKind::Theme);
    assert!(fw.group("nowhere").is_none());
}

#[test]
fn unknown_ids_in_group_queries_are_errors() {
    let fw = Framework::new(kcm_like()).unwrap();
    let unknown = |kind, id: &str| Error::UnknownId {
        kind,
        id: id.to_owned(),
        nearest: None,
    };
    assert_eq!(
        fw.members("ghost"),
        Err(unknown(EntityKind::Group, "ghost"))
    );
    assert_eq!(
        fw.parent_groups("ghost"),
        Err(unknown(EntityKind::Group, "ghost"))
    );
    assert_eq!(
        fw.child_groups("ghost"),
        Err(unknown(EntityKind::Group, "ghost"))
    );
    let error = fw.groups_of("ghost").unwrap_err();
    assert_eq!(error, unknown(EntityKind::Competency, "ghost"));
    assert_eq!(
        fw.members("ghost").unwrap_err().to_string(),
        "unknown group `ghost`"
    );
}

#[test]
fn every_group_problem_is_reported_at_once() {
    let mut spec = kcm_like();
    spec.groups.extend([
        group("", "No id", GroupKind::Free, &[]),
        group("behavioural", "Again", GroupKind::Area, &[]),
        group(
            "blank",
            " ",
            GroupKind::Free,
            &["ghost", "functional", "functional"],
        ),
        group("loop-b", "B", GroupKind::Free, &["loop-c"]),
        group("loop-a", "A", GroupKind::Free, &["loop-b"]),
        group("loop-c", "C", GroupKind::Free, &["loop-a"]),
        group("self", "Self", GroupKind::Free, &["self"]),
    ]);
    spec.competencies
        .push(competency("lost", &["nowhere", "t-self", "t-self"]));
    spec.competencies[2].area = Some("\t".into());
    let errors = Framework::new(spec).unwrap_err().into_vec();
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "competency `drafting` has a blank area: expected a name or no area",
            "group at index 5 has an empty id",
            "duplicate group id `behavioural`",
            "group `blank` has an empty name",
            "group `blank` refers to unknown group `ghost`",
            "group `blank` lists group `functional` more than once",
            "competency `lost` refers to unknown group `nowhere`",
            "competency `lost` lists group `t-self` more than once",
            "group cycle: `loop-a` -> `loop-b` -> `loop-c` -> `loop-a`",
            "group cycle: `self` -> `self`",
        ]
    );
    assert_eq!(
        errors[8],
        Error::GroupCycle {
            groups: vec!["loop-a".into(), "loop-b".into(), "loop-c".into()],
        }
    );
}

#[test]
fn an_area_is_membership_of_its_group() {
    let spec = FrameworkSpec::from_json(
        r#"{"format_version": 1, "competencies": [
            {"id": "noting", "name": "Noting", "type": "functional", "area": "Office procedure"},
            {"id": "filing", "name": "Filing", "type": "functional", "area": "Office procedure"},
            {"id": "ethics", "name": "Ethics", "type": "behavioural", "area": "Values"}]}"#,
    )
    .unwrap();
    let fw = Framework::new(spec.clone()).unwrap();
    let groups: Vec<(&str, &str, GroupKind)> = fw
        .groups()
        .iter()
        .map(|g| (g.id.as_str(), g.name.as_str(), g.kind))
        .collect();
    assert_eq!(
        groups,
        [
            ("area:Office procedure", "Office procedure", GroupKind::Area),
            ("area:Values", "Values", GroupKind::Area),
        ]
    );
    assert_eq!(fw.members("area:Office procedure").unwrap().len(), 2);
    // The groups the framework created are not part of the spec it gives back, so the spec
    // builds the same framework again.
    let again = fw.to_spec();
    assert!(again.groups.is_empty());
    assert_eq!(Framework::new(again).unwrap().groups(), fw.groups());
}

#[test]
fn a_declared_area_group_gives_the_area_a_description_and_parents() {
    let spec = FrameworkSpec::from_json(
        r#"{"format_version": 2,
            "groups": [{"id": "area:Office procedure", "name": "Office procedure",
                        "kind": "area", "description": "How files move",
                        "parents": ["functional"]},
                       {"id": "functional", "name": "Functional", "kind": "area"}],
            "competencies": [
              {"id": "noting", "name": "Noting", "type": "functional", "area": "Office procedure"},
              {"id": "filing", "name": "Filing", "type": "functional",
               "groups": ["area:Office procedure"]}]}"#,
    )
    .unwrap();
    let fw = Framework::new(spec.clone()).unwrap();
    assert_eq!(fw.groups().len(), 2);
    let members: Vec<&str> = fw
        .members("area:Office procedure")
        .unwrap()
        .iter()
        .map(|c| c.as_str())
        .collect();
    assert_eq!(members, ["filing", "noting"]);
    assert_eq!(fw.to_spec().groups.len(), 2);
    // `area: "X"` is shorthand for membership of `area:X`: a competency saying both (as
    // one migrating to format 2 does) is in the group once.
    let mut both = spec.clone();
    both.competencies[0]
        .groups
        .push("area:Office procedure".into());
    let fw = Framework::new(both).unwrap();
    assert_eq!(
        fw.groups_of("noting").unwrap(),
        [&GroupId::from("area:Office procedure")]
    );
    assert_eq!(fw.members("area:Office procedure").unwrap().len(), 2);
    // Listing the group itself twice is a repeat, and said so.
    let mut twice = spec;
    for _ in 0..2 {
        twice.competencies[1]
            .groups
            .push("area:Office procedure".into());
    }
    let errors = Framework::new(twice).unwrap_err().into_vec();
    assert_eq!(
        errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
        ["competency `filing` lists group `area:Office procedure` more than once"]
    );
}

#[test]
fn groups_survive_json_and_to_spec() {
    let spec = kcm_like();
    let json = spec.to_json();
    assert!(json.contains(r#""kind": "sub_theme""#), "{json}");
    let back = FrameworkSpec::from_json(&json).unwrap();
    assert_eq!(back, spec);
    let fw = Framework::new(spec).unwrap();
    let again = Framework::new(fw.to_spec()).unwrap();
    assert_eq!(again.groups(), fw.groups());
    assert_eq!(again.competencies(), fw.competencies());
    // A version-1 document has no groups and reads as before.
    let v1 = r#"{"format_version": 1, "competencies": [
        {"id": "c", "name": "C", "type": "domain"}]}"#;
    assert!(Framework::from_json(v1).unwrap().groups().is_empty());
    // An unknown kind is refused by the format, like an unknown competency type.
    let odd = r#"{"format_version": 2, "competencies": [],
        "groups": [{"id": "g", "name": "G", "kind": "cluster"}]}"#;
    assert!(matches!(
        FrameworkSpec::from_json(odd),
        Err(Error::Json { line: 2, .. })
    ));
}

// ---------------------------------------------------------------------------------------
// Properties on generated hierarchies
// ---------------------------------------------------------------------------------------

/// A hierarchy of `parents.len()` groups named `g00`, `g01`, …: group `i` lists the groups
/// `parents[i]` picks among those before it (so it is acyclic), and competency `j` the
/// groups `members[j]` picks. Picks are indices reduced modulo the choices.
fn generated(parents: &[Vec<usize>], members: &[Vec<usize>]) -> FrameworkSpec {
    let name = |i: usize| format!("g{i:02}");
    let groups = group_hierarchy(parents, name);
    let competencies = members
        .iter()
        .enumerate()
        .map(|(j, picks)| CompetencySpec {
            groups: picked_groups(picks, parents.len(), name),
            ..CompetencySpec::new(format!("c{j:02}"), "C", CompetencyType::Domain)
        })
        .collect();
    FrameworkSpec {
        groups,
        competencies,
        ..FrameworkSpec::new()
    }
}

fn hierarchy() -> impl Strategy<Value = (Vec<Vec<usize>>, Vec<Vec<usize>>)> {
    (
        prop::collection::vec(prop::collection::vec(0..40usize, 0..4), 1..25),
        prop::collection::vec(prop::collection::vec(0..40usize, 0..4), 0..15),
    )
}

/// Every view of a framework's groups, as plain strings.
fn views(fw: &Framework) -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    for g in fw.groups() {
        let id = g.id.as_str();
        out.insert(format!("parents {id}"), ids(&fw.parent_groups(id).unwrap()));
        out.insert(format!("children {id}"), ids(&fw.child_groups(id).unwrap()));
        let members = fw.members(id).unwrap();
        out.insert(
            format!("members {id}"),
            members.iter().map(|c| c.as_str().to_owned()).collect(),
        );
    }
    for c in fw.competencies() {
        let id = c.id.as_str();
        out.insert(format!("groups of {id}"), ids(&fw.groups_of(id).unwrap()));
    }
    let order = fw
        .groups_top_down()
        .iter()
        .map(|g| g.id.to_string())
        .collect();
    out.insert("top down".to_owned(), order);
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::support::oracle_cases(256)))]

    /// An acyclic hierarchy builds, and each view agrees with the spec: parents as listed,
    /// children as the reverse, members as the competencies that list the group.
    #[test]
    fn views_agree_with_the_spec((parents, members) in hierarchy()) {
        let spec = generated(&parents, &members);
        let fw = Framework::new(spec.clone()).expect("an acyclic hierarchy builds");
        for g in &spec.groups {
            let mut listed: Vec<String> = g.parents.iter().map(ToString::to_string).collect();
            listed.sort();
            prop_assert_eq!(ids(&fw.parent_groups(g.id.as_str()).unwrap()), listed);
            for p in &g.parents {
                let children = fw.child_groups(p.as_str()).unwrap();
                prop_assert!(children.contains(&&g.id));
            }
        }
        for c in &spec.competencies {
            for g in &c.groups {
                prop_assert!(fw.members(g.as_str()).unwrap().contains(&&c.id));
            }
            prop_assert_eq!(fw.groups_of(c.id.as_str()).unwrap().len(), c.groups.len());
        }
        let total: usize = fw.groups().iter().map(|g| fw.members(g.id.as_str()).unwrap().len()).sum();
        prop_assert_eq!(total, spec.competencies.iter().map(|c| c.groups.len()).sum::<usize>());
    }

    /// The top-down order lists every group once, after all of its parents.
    #[test]
    fn top_down_puts_parents_first((parents, members) in hierarchy()) {
        let fw = Framework::new(generated(&parents, &members)).unwrap();
        let order = fw.groups_top_down();
        prop_assert_eq!(order.len(), fw.groups().len());
        let place: BTreeMap<&str, usize> =
            order.iter().enumerate().map(|(i, g)| (g.id.as_str(), i)).collect();
        prop_assert_eq!(place.len(), order.len());
        for g in fw.groups() {
            for p in &g.parents {
                prop_assert!(place[p.as_str()] < place[g.id.as_str()]);
            }
        }
    }

    /// The order of the input lists, and of the parents within a group, changes no view.
    #[test]
    fn input_order_does_not_matter((parents, members) in hierarchy()) {
        let spec = generated(&parents, &members);
        let mut reversed = spec.clone();
        reversed.groups.reverse();
        reversed.competencies.reverse();
        for g in &mut reversed.groups {
            g.parents.reverse();
        }
        let a = Framework::new(spec).unwrap();
        let b = Framework::new(reversed).unwrap();
        prop_assert_eq!(views(&a), views(&b));
    }

    /// A parent link from an ancestor back down to a descendant closes a cycle, reported
    /// once with its path: each group lists the next as a parent, from the smallest id.
    #[test]
    fn a_link_back_down_is_a_cycle_with_its_path(
        (parents, members) in hierarchy(),
        pick in 0..1000usize,
    ) {
        let mut spec = generated(&parents, &members);
        let with_parent: Vec<usize> =
            (0..spec.groups.len()).filter(|&i| !spec.groups[i].parents.is_empty()).collect();
        prop_assume!(!with_parent.is_empty());
        let child = with_parent[pick % with_parent.len()];
        let parent = spec.groups[child].parents[0].clone();
        let p = spec.groups.iter().position(|g| g.id == parent).unwrap();
        let child_id = spec.groups[child].id.clone();
        spec.groups[p].parents.push(child_id);
        let errors = Framework::new(spec.clone()).unwrap_err().into_vec();
        prop_assert_eq!(errors.len(), 1, "{:?}", errors);
        let Error::GroupCycle { groups } = &errors[0] else {
            return Err(TestCaseError::fail(format!("{errors:?}")));
        };
        let smallest = groups.iter().min().unwrap();
        prop_assert_eq!(&groups[0], smallest);
        for (i, g) in groups.iter().enumerate() {
            let next = &groups[(i + 1) % groups.len()];
            let spec_group = spec.groups.iter().find(|s| &s.id == g).unwrap();
            prop_assert!(spec_group.parents.contains(next), "{:?}", groups);
        }
    }
}

/// `area: "X"` is documented as shorthand for membership of `area:X`; a competency saying
/// both (as one migrating to format 2 does) was told it "lists group `area:X` more than
/// once". It is one membership.
#[test]
fn an_area_and_its_group_listed_together_are_one_membership() {
    let fw = Framework::from_json(
        r#"{"format_version": 2, "competencies": [{"id": "c", "name": "C",
            "type": "functional", "area": "X", "groups": ["area:X"]}]}"#,
    )
    .expect("one membership");
    assert_eq!(fw.groups_of("c").unwrap(), [&GroupId::from("area:X")]);
    assert_eq!(fw.members("area:X").unwrap().len(), 1);
    let again = Framework::new(fw.to_spec()).expect("the spec given back builds");
    assert_eq!(again.groups_of("c").unwrap(), [&GroupId::from("area:X")]);
}
