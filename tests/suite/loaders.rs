//! The ESCO and O*NET loaders on the real data in `data`, and every loader error
//! on small malformed texts.
//!
//! Expected ESCO values come from the raw rows read by `examples/support/esco.rs`
//! independently of the library; expected O*NET values were read off the CSV rows by hand
//! (the rows are quoted beside each check) or counted from the files.

use crate::esco_data as esco;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use std::collections::BTreeSet;

use karmayogi::{
    CompetencySpec, CompetencyType, Error, Errors, EscoCsv, EscoHierarchy, EscoOptions, Framework,
    FrameworkSpec, OnetCsv, OnetHierarchy, OnetOptions, PositionSpec, RequirementSpec, RoleSpec,
    load_esco, load_onet,
};

/// The texts of the data files in `data/`, read once.
struct Texts {
    esco: BTreeMap<&'static str, String>,
    onet: BTreeMap<&'static str, String>,
}

fn texts() -> &'static Texts {
    static TEXTS: OnceLock<Texts> = OnceLock::new();
    TEXTS.get_or_init(|| {
        let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
        let read = |dir: &str, names: &[&'static str]| {
            names
                .iter()
                .map(|&name| {
                    let path = root.join(dir).join(name);
                    let text = std::fs::read_to_string(&path)
                        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
                    (name, text)
                })
                .collect()
        };
        Texts {
            esco: read(
                "esco",
                &[
                    "occupations.csv",
                    "skills.csv",
                    "occupation_skills.csv",
                    "skill_broader.csv",
                    "skill_groups.csv",
                ],
            ),
            onet: read(
                "onet",
                &[
                    "occupations.csv",
                    "elements.csv",
                    "occupation_skill_levels.csv",
                    "tasks.csv",
                ],
            ),
        }
    })
}

fn esco_csv() -> EscoCsv<'static> {
    let t = &texts().esco;
    EscoCsv::new(
        &t["occupations.csv"],
        &t["skills.csv"],
        &t["occupation_skills.csv"],
    )
}

fn onet_csv() -> OnetCsv<'static> {
    let t = &texts().onet;
    OnetCsv::new(
        &t["occupations.csv"],
        &t["elements.csv"],
        &t["occupation_skill_levels.csv"],
    )
}

fn esco_default() -> &'static FrameworkSpec {
    static SPEC: OnceLock<FrameworkSpec> = OnceLock::new();
    SPEC.get_or_init(|| load_esco(&esco_csv(), &EscoOptions::default()).unwrap())
}

fn onet_default() -> &'static FrameworkSpec {
    static SPEC: OnceLock<FrameworkSpec> = OnceLock::new();
    SPEC.get_or_init(|| {
        let csv = onet_csv().tasks(&texts().onet["tasks.csv"]);
        load_onet(&csv, &OnetOptions::default()).unwrap()
    })
}

fn requirement_count(spec: &FrameworkSpec) -> usize {
    spec.roles.iter().map(|r| r.requires.len()).sum()
}

fn levels_histogram(spec: &FrameworkSpec) -> BTreeMap<u8, usize> {
    let mut out = BTreeMap::new();
    for r in spec.roles.iter().flat_map(|r| &r.requires) {
        *out.entry(r.level).or_default() += 1;
    }
    out
}

/// The requirements of one role as `(competency, level)`.
fn role_requires<'s>(spec: &'s FrameworkSpec, role: &str) -> BTreeMap<&'s str, u8> {
    let role = spec.roles.iter().find(|r| r.id.as_str() == role).unwrap();
    role.requires
        .iter()
        .map(|r| (r.competency.as_str(), r.level))
        .collect()
}

// ---------------------------------------------------------------- ESCO, real data

#[test]
fn esco_counts() {
    let spec = esco_default();
    assert_eq!(spec.competencies.len(), 13_896);
    assert_eq!(spec.positions.len(), 3_007);
    assert_eq!(spec.roles.len(), 3_007);
    assert_eq!(requirement_count(spec), 123_788);
    assert_eq!(
        levels_histogram(spec),
        BTreeMap::from([(2, 58_897), (3, 64_891)])
    );
    assert!(spec.activities.is_empty() && spec.courses.is_empty());
}

/// The mapping the ESCO support module used before the library had a loader, applied to
/// the raw rows: the library's default output must equal it exactly.
fn esco_oracle(data: &esco::Esco) -> FrameworkSpec {
    let mut spec = FrameworkSpec::new();
    spec.competencies = data
        .skills
        .iter()
        .map(|(id, skill_type, reuse, label)| CompetencySpec {
            id: esco::competency_id(*id).into(),
            name: label.clone(),
            description: String::new(),
            kind: if reuse == "transversal" {
                CompetencyType::Behavioural
            } else if skill_type == "knowledge" {
                CompetencyType::Domain
            } else {
                CompetencyType::Functional
            },
            area: None,
            levels: Vec::new(),
            groups: Vec::new(),
            max_level: None,
            min_level: None,
        })
        .collect();
    let mut requires: BTreeMap<u32, Vec<RequirementSpec>> = BTreeMap::new();
    for &(occ, skill, essential) in &data.links {
        let level = if essential {
            esco::ESSENTIAL_LEVEL
        } else {
            esco::OPTIONAL_LEVEL
        };
        requires
            .entry(occ)
            .or_default()
            .push(RequirementSpec::new(esco::competency_id(skill), level));
    }
    for (occ, isco, label) in &data.occupations {
        spec.roles.push(RoleSpec {
            id: esco::role_id(*occ).into(),
            name: label.clone(),
            activities: Vec::new(),
            requires: requires.remove(occ).unwrap_or_default(),
        });
        spec.positions.push(PositionSpec {
            id: esco::position_id(*occ).into(),
            name: label.clone(),
            department: format!("isco-{}", &isco[..1]).into(),
            roles: vec![esco::role_id(*occ).into()],
        });
    }
    spec
}

#[test]
fn esco_spec_equals_the_mapping_of_the_raw_rows_exactly() {
    let data = esco::Esco::load().unwrap();
    let oracle = esco_oracle(&data);
    assert!(
        oracle == *esco_default(),
        "library spec differs from the raw-row mapping"
    );
    assert!(data.framework_spec() == *esco_default());
}

#[test]
fn esco_without_optional_links_keeps_essential_ones() {
    let options = EscoOptions::default()
        .include_optional(false)
        .essential_level(4);
    let spec = load_esco(&esco_csv(), &options).unwrap();
    assert_eq!(levels_histogram(&spec), BTreeMap::from([(4, 64_891)]));
    // Exactly one occupation has no essential skill: it stays, requiring nothing.
    assert_eq!(spec.positions.len(), 3_007);
    assert_eq!(
        spec.roles.iter().filter(|r| r.requires.is_empty()).count(),
        1
    );
}

#[test]
fn esco_type_rule_is_configurable() {
    let options = EscoOptions::default().type_rule(|_, _| CompetencyType::Functional);
    let spec = load_esco(&esco_csv(), &options).unwrap();
    assert!(
        spec.competencies
            .iter()
            .all(|c| c.kind == CompetencyType::Functional)
    );
    let kinds =
        |spec: &FrameworkSpec, kind| spec.competencies.iter().filter(|c| c.kind == kind).count();
    // 440 transversal skills (66 of them knowledge items); 3,059 knowledge items.
    let default = esco_default();
    assert_eq!(kinds(default, CompetencyType::Behavioural), 440);
    assert_eq!(kinds(default, CompetencyType::Domain), 3_059 - 66);
}

#[test]
fn esco_hierarchy_as_nearest_area_fills_every_area_with_the_nearest_group() {
    let t = &texts().esco;
    let csv = esco_csv().hierarchy(&t["skill_broader.csv"], &t["skill_groups.csv"]);
    let options = EscoOptions::default().hierarchy(EscoHierarchy::NearestArea);
    let spec = load_esco(&csv, &options).unwrap();
    let area = |id: &str| {
        spec.competencies
            .iter()
            .find(|c| c.id.as_str() == id)
            .unwrap()
            .area
            .as_deref()
    };
    // Every skill reaches a group; only the areas differ from the load without hierarchy.
    assert!(spec.competencies.iter().all(|c| c.area.is_some()));
    assert!(spec.groups.is_empty());
    let mut without = spec.clone();
    for c in &mut without.competencies {
        c.area = None;
    }
    assert!(without == *esco_default());
    // Direct group: `S,0,G,223`; group 223 is "supervising a team or group".
    assert_eq!(area("skill-0"), Some("supervising a team or group"));
    // Two direct groups, `S,762,G,2` and `S,762,G,398`: the lower id, 2 ("languages").
    assert_eq!(area("skill-762"), Some("languages"));
    // Only a broader skill, `S,20,S,9926`, which sits in group "manipulating and
    // controlling objects and equipment".
    assert_eq!(
        area("skill-20"),
        Some("manipulating and controlling objects and equipment")
    );
    // Cross-check the direct case on every skill against the raw rows.
    let data = esco::Esco::load().unwrap();
    let labels: BTreeMap<u32, String> = t["skill_groups.csv"]
        .lines()
        .skip(1)
        .map(esco::split_csv)
        .map(|r| (r[0].parse().unwrap(), r[4].clone()))
        .collect();
    let mut lowest: BTreeMap<u32, u32> = BTreeMap::new();
    for &(skill, group) in &data.skill_groups {
        let g = lowest.entry(skill).or_insert(group);
        *g = (*g).min(group);
    }
    for (skill, group) in lowest {
        assert_eq!(
            area(&esco::competency_id(skill)),
            Some(labels[&group].as_str())
        );
    }
}

/// The rows of `skill_broader.csv`, read here without the library: `(child kind, child id,
/// parent kind, parent id)`.
fn broader_rows() -> Vec<(String, u32, String, u32)> {
    texts().esco["skill_broader.csv"]
        .lines()
        .skip(1)
        .map(|line| {
            let f: Vec<&str> = line.split(',').collect();
            (
                f[0].to_owned(),
                f[1].parse().unwrap(),
                f[2].to_owned(),
                f[3].parse().unwrap(),
            )
        })
        .collect()
}

#[test]
fn esco_hierarchy_becomes_groups_with_every_edge() {
    let t = &texts().esco;
    let csv = esco_csv().hierarchy(&t["skill_broader.csv"], &t["skill_groups.csv"]);
    let spec = load_esco(&csv, &EscoOptions::default()).unwrap();
    let rows = broader_rows();
    let kinds = |c: &str, p: &str| rows.iter().filter(|r| r.0 == c && r.2 == p).count();
    // data/README.md: 20,656 edges, 647 groups.
    assert_eq!(rows.len(), 20_656);
    assert_eq!(
        (
            kinds("S", "G"),
            kinds("S", "S"),
            kinds("G", "G"),
            kinds("G", "S")
        ),
        (13_448, 6_565, 643, 0)
    );
    let group_rows = t["skill_groups.csv"].lines().skip(1).count();
    assert_eq!(group_rows, 647);
    // Skills with narrower skills become groups too.
    let broader: BTreeSet<u32> = rows.iter().filter(|r| r.2 == "S").map(|r| r.3).collect();
    assert_eq!(broader.len(), 2_313);
    assert_eq!(spec.groups.len(), group_rows + broader.len());

    let memberships: BTreeMap<&str, BTreeSet<String>> = spec
        .competencies
        .iter()
        .map(|c| {
            (
                c.id.as_str(),
                c.groups.iter().map(ToString::to_string).collect(),
            )
        })
        .collect();
    let links: BTreeMap<&str, BTreeSet<String>> = spec
        .groups
        .iter()
        .map(|g| {
            (
                g.id.as_str(),
                g.parents.iter().map(ToString::to_string).collect(),
            )
        })
        .collect();
    let groups_of = |skill: u32| memberships[esco::competency_id(skill).as_str()].clone();
    let parents_of = |group: &str| links[group].clone();
    let target = |kind: &str, id: u32| {
        if kind == "G" {
            format!("group-{id}")
        } else {
            format!("skill-group-{id}")
        }
    };
    // Every row is a link in the spec.
    for (ck, c, pk, p) in &rows {
        let parent = target(pk, *p);
        if ck == "S" {
            assert!(groups_of(*c).contains(&parent), "S {c} -> {parent}");
            if broader.contains(c) {
                assert!(parents_of(&format!("skill-group-{c}")).contains(&parent));
            }
        } else {
            assert!(parents_of(&format!("group-{c}")).contains(&parent));
        }
    }
    // And nothing else: memberships are the skill rows plus each broader skill in its own
    // group; parent links are the group rows plus the broader skills' own rows.
    let memberships: usize = spec.competencies.iter().map(|c| c.groups.len()).sum();
    assert_eq!(
        memberships,
        kinds("S", "G") + kinds("S", "S") + broader.len()
    );
    let links: usize = spec.groups.iter().map(|g| g.parents.len()).sum();
    let broader_rows = rows
        .iter()
        .filter(|r| r.0 == "S" && broader.contains(&r.1))
        .count();
    assert_eq!(broader_rows, 3_503);
    assert_eq!(links, kinds("G", "G") + broader_rows);
    // The poly-hierarchy: 4,646 skills under more than one broader concept, each keeping
    // all of them.
    let mut parents: BTreeMap<u32, usize> = BTreeMap::new();
    for r in rows.iter().filter(|r| r.0 == "S") {
        *parents.entry(r.1).or_default() += 1;
    }
    let several: Vec<u32> = parents
        .iter()
        .filter(|&(_, &n)| n > 1)
        .map(|(&s, _)| s)
        .collect();
    assert_eq!(several.len(), 4_646);
    for &s in &several {
        let own = usize::from(broader.contains(&s));
        assert_eq!(groups_of(s).len(), parents[&s] + own);
    }
    // `S,762,G,2` and `S,762,G,398`, and skill 762 has narrower skills; `S,20,S,9926`.
    assert_eq!(
        groups_of(762),
        BTreeSet::from([
            "group-2".into(),
            "group-398".into(),
            "skill-group-762".into()
        ])
    );
    assert!(groups_of(20).contains("skill-group-9926"));
    assert!(groups_of(9926).contains("skill-group-9926"));
}

#[test]
fn esco_groups_build_and_keep_repeated_labels_distinct() {
    let t = &texts().esco;
    let csv = esco_csv().hierarchy(&t["skill_broader.csv"], &t["skill_groups.csv"]);
    let spec = load_esco(&csv, &EscoOptions::default()).unwrap();
    // The framework keeps every group distinct, including the 122 labels that repeat
    // (two skill groups are called "languages").
    let framework = Framework::new(spec.clone()).unwrap();
    assert_eq!(framework.groups().len(), 2_960);
    let languages: Vec<&str> = framework
        .groups()
        .iter()
        .filter(|g| g.name == "languages")
        .map(|g| g.id.as_str())
        .collect();
    assert_eq!(languages.len(), 2);
    assert!(framework.members("skill-group-9926").unwrap().len() > 1);
    assert_eq!(framework.groups_of("skill-762").unwrap().len(), 3);
    let above_762: Vec<&str> = framework
        .parent_groups("skill-group-762")
        .unwrap()
        .iter()
        .map(|g| g.as_str())
        .collect();
    assert_eq!(above_762, ["group-2", "group-398"]);
    // The hierarchy changes nothing else.
    let mut without = spec.clone();
    without.groups.clear();
    for c in &mut without.competencies {
        c.groups.clear();
    }
    assert!(without == *esco_default());
}

#[test]
fn esco_row_order_crlf_and_bom_do_not_change_the_spec() {
    let t = &texts().esco;
    let reversed = |text: &str| {
        let mut lines: Vec<&str> = text.lines().collect();
        lines[1..].reverse();
        format!("\u{feff}{}\r\n", lines.join("\r\n"))
    };
    let occupations = reversed(&t["occupations.csv"]);
    let skills = reversed(&t["skills.csv"]);
    let links = reversed(&t["occupation_skills.csv"]);
    let csv = EscoCsv::new(&occupations, &skills, &links);
    let spec = load_esco(&csv, &EscoOptions::default()).unwrap();
    assert!(spec == *esco_default());
}

#[test]
fn framework_accepts_the_esco_spec() {
    let framework = Framework::new(esco_default().clone()).unwrap();
    assert_eq!(framework.positions().len(), 3_007);
}

// ---------------------------------------------------------------- O*NET, real data

#[test]
fn onet_counts() {
    let spec = onet_default();
    // stats.json: 35 skills rated for 967 occupations; 1,110 occupations in all.
    assert_eq!(spec.competencies.len(), 35);
    assert_eq!(spec.positions.len(), 967);
    assert_eq!(spec.roles.len(), 967);
    // 13,675 ratings have importance ≥ 3 (none of them flagged not relevant, none at
    // level 0); 34 of those are flagged recommend_suppress.
    assert_eq!(requirement_count(spec), 13_641);
    assert_eq!(
        levels_histogram(spec),
        BTreeMap::from([(2, 788), (3, 11_565), (4, 1_271), (5, 17)])
    );
    // 19,636 tasks, 155 of them for the 7 occupations with tasks but no ratings.
    assert_eq!(spec.activities.len(), 19_481);
    let listed: usize = spec.roles.iter().map(|r| r.activities.len()).sum();
    assert_eq!(listed, 19_481);
    // Ten rated occupations have no skill of importance ≥ 3.
    assert_eq!(
        spec.roles.iter().filter(|r| r.requires.is_empty()).count(),
        10
    );
    let departments: std::collections::BTreeSet<&str> = spec
        .positions
        .iter()
        .map(|p| p.department.as_str())
        .collect();
    // 23 major groups, but military occupations (55) carry no skill ratings.
    assert_eq!(departments.len(), 22);
    assert!(departments.contains("soc-11") && !departments.contains("soc-55"));
}

#[test]
fn onet_competencies_are_the_35_skills_with_their_groups() {
    let spec = onet_default();
    let first = &spec.competencies[0];
    assert_eq!(first.id.as_str(), "onet-2.A.1.a");
    assert_eq!(first.name, "Reading Comprehension");
    assert_eq!(first.groups, ["onet-2.A.1".into()]);
    assert_eq!(first.area, None);
    assert_eq!(first.kind, CompetencyType::Functional);
    let behavioural: Vec<&str> = spec
        .competencies
        .iter()
        .filter(|c| c.kind == CompetencyType::Behavioural)
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(
        behavioural,
        [
            "Social Perceptiveness",
            "Coordination",
            "Persuasion",
            "Negotiation",
            "Instructing",
            "Service Orientation"
        ]
    );
    assert!(spec.competencies.iter().all(|c| c.groups.len() == 1));
}

/// `element_id → (parent_id, name)` of `elements.csv`, read here without the library.
fn onet_elements() -> BTreeMap<String, (String, String)> {
    texts().onet["elements.csv"]
        .lines()
        .skip(1)
        .map(esco::split_csv)
        .map(|f| (f[0].clone(), (f[1].clone(), f[3].clone())))
        .collect()
}

#[test]
fn onet_content_model_tree_becomes_groups() {
    let spec = onet_default();
    let elements = onet_elements();
    // Every element above a rated one, up to the root: the ten of Worker Requirements'
    // skill branches (2, 2.A, 2.A.1, 2.A.2, 2.B, 2.B.1 to 2.B.5).
    let mut above = BTreeSet::new();
    for c in &spec.competencies {
        let mut at = elements[c.id.as_str().strip_prefix("onet-").unwrap()]
            .0
            .clone();
        while !at.is_empty() {
            above.insert(format!("onet-{at}"));
            at = elements[&at].0.clone();
        }
    }
    let groups: BTreeSet<String> = spec.groups.iter().map(|g| g.id.to_string()).collect();
    assert_eq!(groups, above);
    assert_eq!(groups.len(), 10);
    for g in &spec.groups {
        let (parent, name) = &elements[g.id.as_str().strip_prefix("onet-").unwrap()];
        assert_eq!(&g.name, name);
        let expected: Vec<String> = if parent.is_empty() {
            vec![]
        } else {
            vec![format!("onet-{parent}")]
        };
        assert_eq!(
            g.parents
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            expected
        );
    }
    let framework = Framework::new(spec.clone()).unwrap();
    // Social Skills holds the six behavioural skills; Worker Requirements is the root.
    assert_eq!(framework.members("onet-2.B.1").unwrap().len(), 6);
    assert_eq!(framework.groups_top_down()[0].id.as_str(), "onet-2");

    // The flat mapping of earlier versions, on request.
    let t = &texts().onet;
    let csv = OnetCsv::new(
        &t["occupations.csv"],
        &t["elements.csv"],
        &t["occupation_skill_levels.csv"],
    )
    .tasks(&t["tasks.csv"]);
    let flat = load_onet(
        &csv,
        &OnetOptions::default().hierarchy(OnetHierarchy::ParentArea),
    )
    .unwrap();
    assert!(flat.groups.is_empty());
    assert_eq!(flat.competencies[0].area.as_deref(), Some("Content"));
    assert!(
        flat.competencies
            .iter()
            .all(|c| c.area.is_some() && c.groups.is_empty())
    );
}

#[test]
fn onet_levels_checked_by_hand_against_the_csv() {
    let spec = onet_default();
    let chief = role_requires(spec, "role-11-1011.00");
    // `11-1011.00,2.A.1.e,3.25,3.62,8,N,N`: 3.62 × 5 / 7 = 2.59 → 3.
    assert_eq!(chief.get("onet-2.A.1.e"), Some(&3));
    // `11-1011.00,2.B.4.e,4.5,5.75,8,N,N`: 4.11 → 5.
    assert_eq!(chief.get("onet-2.B.4.e"), Some(&5));
    // `11-1011.00,2.A.1.f,1.88,1.12,8,N,N`: importance below 3.
    assert_eq!(chief.get("onet-2.A.1.f"), None);
    assert_eq!(chief.len(), 24);
    // `11-1021.00,2.B.4.g,3,3,8,N,N`: importance exactly 3 counts; 2.14 → 3.
    assert_eq!(
        role_requires(spec, "role-11-1021.00").get("onet-2.B.4.g"),
        Some(&3)
    );
    // `11-3071.02,2.B.3.g,3,2.62,8,N,N`: 1.87 → 2.
    assert_eq!(
        role_requires(spec, "role-11-3071.02").get("onet-2.B.3.g"),
        Some(&2)
    );
    // `15-2021.00,2.A.1.e,5,6.12,8,N,N`: 4.37 → 5.
    assert_eq!(
        role_requires(spec, "role-15-2021.00").get("onet-2.A.1.e"),
        Some(&5)
    );
    // `15-2091.00,2.A.1.c,3.33,4,,,,03/2002,Legacy Analyst`: blank flags count as N; 2.86 → 3.
    assert_eq!(
        role_requires(spec, "role-15-2091.00").get("onet-2.A.1.c"),
        Some(&3)
    );
    // `11-9041.00,2.B.4.g,3.25,3.5,8,Y,N`: suppressed by default.
    assert_eq!(
        role_requires(spec, "role-11-9041.00").get("onet-2.B.4.g"),
        None
    );

    let all = OnetOptions::default()
        .importance_threshold(1.0)
        .include_suppressed(true);
    let loose = load_onet(&onet_csv(), &all).unwrap();
    assert_eq!(
        role_requires(&loose, "role-11-9041.00").get("onet-2.B.4.g"),
        Some(&3)
    );
    // 1.12 × 5 / 7 = 0.8 → 1.
    assert_eq!(
        role_requires(&loose, "role-11-1011.00").get("onet-2.A.1.f"),
        Some(&1)
    );
    // `11-1011.00,2.B.3.c,1.12,0.62,8,Y,Y`: not relevant, never required.
    assert_eq!(
        role_requires(&loose, "role-11-1011.00").get("onet-2.B.3.c"),
        None
    );
}

#[test]
fn onet_options_change_what_is_included() {
    let count =
        |options: &OnetOptions| requirement_count(&load_onet(&onet_csv(), options).unwrap());
    let default = OnetOptions::default();
    assert_eq!(count(&default.include_suppressed(true)), 13_675);
    assert_eq!(count(&default.importance_threshold(4.0)), 1_690);
    assert_eq!(count(&default.importance_threshold(3.5)), 5_755);
    // Every relevant rating above level 0: 29,987 with suppressed ones.
    assert_eq!(count(&default.importance_threshold(1.0)), 29_597);
    assert_eq!(
        count(&default.importance_threshold(1.0).include_suppressed(true)),
        29_987
    );

    let csv = onet_csv().tasks(&texts().onet["tasks.csv"]);
    let everyone = load_onet(&csv, &default.unrated_occupations(true)).unwrap();
    assert_eq!(everyone.positions.len(), 1_110);
    assert_eq!(everyone.activities.len(), 19_636);
    let core = load_onet(&csv, &default.core_tasks_only(true)).unwrap();
    assert_eq!(core.activities.len(), 13_962);
    let chief = core
        .roles
        .iter()
        .find(|r| r.id.as_str() == "role-11-1011.00")
        .unwrap();
    // Task 8828 of 11-1011.00 is Supplemental.
    assert!(!chief.activities.iter().any(|a| a.as_str() == "task-8828"));
    assert!(chief.activities.iter().any(|a| a.as_str() == "task-8823"));
}

#[test]
fn onet_row_order_does_not_change_the_spec() {
    let t = &texts().onet;
    let reversed = |text: &str| {
        let mut lines: Vec<&str> = text.lines().collect();
        lines[1..].reverse();
        lines.join("\n")
    };
    let occupations = reversed(&t["occupations.csv"]);
    let elements = reversed(&t["elements.csv"]);
    let ratings = reversed(&t["occupation_skill_levels.csv"]);
    let tasks = reversed(&t["tasks.csv"]);
    let csv = OnetCsv::new(&occupations, &elements, &ratings).tasks(&tasks);
    let spec = load_onet(&csv, &OnetOptions::default()).unwrap();
    assert!(spec == *onet_default());
}

#[test]
fn framework_accepts_the_onet_spec() {
    let framework = Framework::new(onet_default().clone()).unwrap();
    let reqs = framework.requirements("soc-11-1011.00").unwrap();
    assert_eq!(reqs.len(), 24);
}

// ---------------------------------------------------------------- errors

const OCC: &str = "occ_id,uuid,isco_group,esco_code,label\n7,u7,2422,2422.1,policy officer\n";
const SKILLS: &str = "skill_id,uuid,skill_type,reuse_level,hier_level,label\n\
                      3,s3,skill/competence,cross-sector,,draft rules\n\
                      4,s4,knowledge,sector-specific,,public finance\n";
const LINKS: &str = "occ_id,skill_id,relation\n7,3,E\n7,4,O\n";

fn esco_errors(occupations: &str, skills: &str, links: &str) -> Vec<Error> {
    load_esco(
        &EscoCsv::new(occupations, skills, links),
        &EscoOptions::default(),
    )
    .unwrap_err()
    .into_vec()
}

/// The only error, after checking that its message contains every part.
#[track_caller]
fn only(errors: Vec<Error>, parts: &[&str]) -> Error {
    assert_eq!(errors.len(), 1, "{errors:?}");
    let error = errors.into_iter().next().unwrap();
    let message = error.to_string();
    for part in parts {
        assert!(message.contains(part), "`{message}` lacks `{part}`");
    }
    error
}

#[test]
fn the_small_esco_texts_load() {
    let spec = load_esco(&EscoCsv::new(OCC, SKILLS, LINKS), &EscoOptions::default()).unwrap();
    Framework::new(spec).unwrap();
}

#[test]
fn missing_column_is_named() {
    let skills = "skill_id,uuid,skill_type,reuse_level,name\n3,s3,knowledge,,x\n";
    let e = only(esco_errors(OCC, skills, LINKS), &[]);
    assert_eq!(
        e.to_string(),
        "esco/skills.csv has no column `label` in its header"
    );
    assert_eq!(
        e,
        Error::CsvMissingColumn {
            file: "esco/skills.csv",
            column: "label",
            header_line: None,
            nearest: None,
        }
    );
    // An empty text has no header at all.
    let errors = esco_errors(OCC, SKILLS, "");
    assert_eq!(errors.len(), 3);
}

#[test]
fn unclosed_quote_names_the_line() {
    let skills = format!("{SKILLS}5,s5,knowledge,,,\"tax law\n6,s6,knowledge,,,x\n");
    let e = only(esco_errors(OCC, &skills, LINKS), &[]);
    assert_eq!(
        e.to_string(),
        "esco/skills.csv line 4: a quoted field opened here is never closed"
    );
}

#[test]
fn misplaced_quote_names_line_and_field() {
    let skills = format!("{SKILLS}5,s5,knowledge,,,\"tax\" law\n6,s6,knowledge,,,the \"act\"\n");
    let errors = esco_errors(OCC, &skills, LINKS);
    assert_eq!(
        errors,
        [
            Error::CsvMisplacedQuote {
                file: "esco/skills.csv",
                line: 4,
                field: 6
            },
            Error::CsvMisplacedQuote {
                file: "esco/skills.csv",
                line: 5,
                field: 6
            },
        ]
    );
    assert_eq!(
        errors[0].to_string(),
        "esco/skills.csv line 4, field 6: misplaced quote, expected the whole field in quotes with inner quotes doubled"
    );
}

#[test]
fn field_count_names_line_and_counts() {
    let links = "occ_id,skill_id,relation\n7,3,E\n7,4\n";
    let e = only(esco_errors(OCC, SKILLS, links), &[]);
    assert_eq!(
        e.to_string(),
        "esco/occupation_skills.csv line 3 has 2 fields: expected 3, as in the header"
    );
}

#[test]
fn invalid_values_name_file_line_column_and_value() {
    let skills = "skill_id,uuid,skill_type,reuse_level,hier_level,label\n\
                  3,s3,skill/competence,cross-sector,,draft rules\n\
                  x4,s4,knowledge,sector-specific,,public finance\n";
    let e = only(
        esco_errors(OCC, skills, "occ_id,skill_id,relation\n7,3,E\n"),
        &[],
    );
    assert_eq!(
        e.to_string(),
        "esco/skills.csv line 3, column `skill_id`: found `x4`, expected a whole number below 4294967296"
    );
    let occ = "occ_id,uuid,isco_group,esco_code,label\n7,u7,24a,2422.1,policy officer\n";
    only(
        esco_errors(occ, SKILLS, LINKS),
        &["esco/occupations.csv line 2", "`isco_group`", "`24a`"],
    );
    let links = "occ_id,skill_id,relation\n7,3,E\n7,4,essential\n";
    let e = only(
        esco_errors(OCC, SKILLS, links),
        &[
            "esco/occupation_skills.csv line 3",
            "`relation`",
            "`essential`",
        ],
    );
    assert_eq!(
        e,
        Error::CsvInvalidValue {
            file: "esco/occupation_skills.csv",
            line: 3,
            column: "relation",
            found: "essential".into(),
            expected: "`E` or `O`".into(),
            entry: None,
        }
    );
    let skills = SKILLS.replace("knowledge", "know-how");
    only(
        esco_errors(OCC, &skills, LINKS),
        &["esco/skills.csv line 3", "`skill_type`", "`know-how`"],
    );
    let occ = "occ_id,uuid,isco_group,esco_code,label\n7,u7,2422,2422.1,\n";
    only(
        esco_errors(occ, SKILLS, LINKS),
        &["esco/occupations.csv line 2", "`label`", "found \"\""],
    );
}

#[test]
fn duplicate_keys_name_both_lines() {
    let links = "occ_id,skill_id,relation\n7,3,E\n7,4,O\n7,3,O\n";
    let e = only(esco_errors(OCC, SKILLS, links), &[]);
    assert_eq!(
        e.to_string(),
        "esco/occupation_skills.csv line 4: occ_id, skill_id `7, 3` repeats line 2"
    );
    let occ = format!("{OCC}7,u8,2422,2422.2,another officer\n");
    only(
        esco_errors(&occ, SKILLS, LINKS),
        &["esco/occupations.csv line 3: occ_id `7` repeats line 2"],
    );
}

#[test]
fn unknown_references_are_reported_not_dropped() {
    let links = "occ_id,skill_id,relation\n7,3,E\n8,4,O\n7,99,E\n";
    let errors = esco_errors(OCC, SKILLS, links);
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "esco/occupation_skills.csv line 3, column `occ_id`: `8` is not in esco/occupations.csv",
            "esco/occupation_skills.csv line 4, column `skill_id`: `99` is not in esco/skills.csv",
        ]
    );
    let broader = "child_kind,child_id,parent_kind,parent_id\nS,3,G,0\nS,4,G,5\nG,0,X,0\n";
    let groups = "group_id,uri,code,hier_level,label\n0,u,K,0,knowledge\n";
    let csv = EscoCsv::new(OCC, SKILLS, LINKS).hierarchy(broader, groups);
    let errors = load_esco(&csv, &EscoOptions::default()).unwrap_err();
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "esco/skill_broader.csv line 3, column `parent_id`: `5` is not in esco/skill_groups.csv",
            "esco/skill_broader.csv line 4, column `parent_kind`: found `X`, expected `S` or `G`",
        ]
    );
}

#[test]
fn esco_hierarchy_cycles_and_repeated_edges_are_reported() {
    let groups = "group_id,uri,code,hier_level,label\n0,u,K,0,knowledge\n1,u,K1,1,law\n";
    // Skill 3 under skill 4 under skill 3; group 0 under group 1 under group 0; a repeated
    // row.
    let broader = "child_kind,child_id,parent_kind,parent_id\n\
                   S,3,S,4\nS,4,S,3\nG,0,G,1\nG,1,G,0\nS,3,G,0\nS,3,G,0\n";
    let csv = EscoCsv::new(OCC, SKILLS, LINKS).hierarchy(broader, groups);
    let errors = load_esco(&csv, &EscoOptions::default()).unwrap_err();
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "esco/skill_broader.csv line 7: child, parent `S 3, G 0` repeats line 6",
            "esco/skill_broader.csv line 2, column `parent_id`: group cycle: `skill-group-3` -> `skill-group-4` -> `skill-group-3`",
            "esco/skill_broader.csv line 4, column `parent_id`: group cycle: `group-0` -> `group-1` -> `group-0`",
        ]
    );
    // The flat mapping has no groups, so no cycle to refuse; the repeated row still is.
    let flat = EscoOptions::default().hierarchy(EscoHierarchy::NearestArea);
    let errors = load_esco(&csv, &flat).unwrap_err();
    assert_eq!(errors.len(), 1);
    // O*NET: an element whose parent chain comes back to it.
    let elements = "element_id,parent_id,depth,name,description\n\
                    2.A.1,2.A.1.c,2,Content,x\n2.A.1.c,2.A.1,3,Writing,y\n\
                    2.B.1,,2,Social Skills,z\n2.B.1.d,2.B.1,3,Negotiation,w\n";
    let errors = load_onet(
        &OnetCsv::new(ONET_OCC, elements, RATINGS),
        &OnetOptions::default(),
    )
    .unwrap_err();
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "onet/elements.csv line 2, column `parent_id`: group cycle: `onet-2.A.1` -> `onet-2.A.1.c` -> `onet-2.A.1`"
        ]
    );
}

#[test]
fn invalid_options_are_reported() {
    let options = EscoOptions::default().essential_level(0).optional_level(6);
    let errors = load_esco(&EscoCsv::new(OCC, SKILLS, LINKS), &options).unwrap_err();
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "option `essential_level` is 0: expected a level from 1 to 5",
            "option `optional_level` is 6: expected a level from 1 to 5",
        ]
    );
    for bad in [0.5, 5.5, f64::NAN] {
        let options = OnetOptions::default().importance_threshold(bad);
        let errors = load_onet(&OnetCsv::new(ONET_OCC, ELEMENTS, RATINGS), &options).unwrap_err();
        only(
            errors.into_vec(),
            &[
                "option `importance_threshold`",
                "expected a number from 1 to 5",
            ],
        );
    }
}

#[test]
fn every_problem_in_every_file_is_reported_at_once() {
    let occ = format!("{OCC}x,u,1,1,a\n");
    let skills = format!("{SKILLS}5,s5,skill,,,b\n");
    let links = "occ_id,skill_id,relation\n7,3,E\n7,3,E\n";
    let errors: Errors = load_esco(
        &EscoCsv::new(&occ, &skills, links),
        &EscoOptions::default().optional_level(9),
    )
    .unwrap_err();
    let located: Vec<(&str, usize)> = errors
        .iter()
        .map(|e| match e {
            Error::InvalidOption { .. } => ("option", 0),
            Error::CsvInvalidValue { file, line, .. }
            | Error::CsvDuplicateKey { file, line, .. } => (*file, *line),
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    assert_eq!(
        located,
        [
            ("option", 0),
            // `x` is no occupation id, and `1` no ISCO-08 unit group.
            ("esco/occupations.csv", 3),
            ("esco/occupations.csv", 3),
            ("esco/skills.csv", 4),
            ("esco/occupation_skills.csv", 3),
        ]
    );
}

const ONET_OCC: &str = "soc,title\n13-1041.00,Compliance Officers\n";
const ELEMENTS: &str = "element_id,parent_id,depth,name,description\n\
                        2.A.1,,2,Content,Background structures\n\
                        2.A.1.c,2.A.1,3,Writing,Communicating in writing\n";
const RATINGS: &str = "soc,element_id,importance_1_5,level_0_7,n,recommend_suppress,not_relevant,date,source\n\
     13-1041.00,2.A.1.c,3.88,4.12,8,N,N,07/2014,Analyst\n";
const TASKS: &str =
    "soc,task_id,task_type,task\n13-1041.00,1,Core,\"Keep records, file reports\"\n";

fn onet_errors(occupations: &str, elements: &str, ratings: &str, tasks: &str) -> Vec<Error> {
    let csv = OnetCsv::new(occupations, elements, ratings).tasks(tasks);
    load_onet(&csv, &OnetOptions::default())
        .unwrap_err()
        .into_vec()
}

fn rating(importance: &str, level: &str, suppress: &str, not_relevant: &str) -> String {
    format!(
        "soc,element_id,importance_1_5,level_0_7,n,recommend_suppress,not_relevant,date,source\n\
         13-1041.00,2.A.1.c,{importance},{level},8,{suppress},{not_relevant},07/2014,Analyst\n"
    )
}

#[test]
fn the_small_onet_texts_load() {
    let csv = OnetCsv::new(ONET_OCC, ELEMENTS, RATINGS).tasks(TASKS);
    let spec = load_onet(&csv, &OnetOptions::default()).unwrap();
    assert_eq!(spec.activities[0].name, "Keep records, file reports");
    assert_eq!(spec.roles[0].activities[0].as_str(), "task-1");
    Framework::new(spec).unwrap();
}

#[test]
fn onet_scale_values_outside_their_range_are_rejected() {
    for (importance, level, column, found) in [
        ("5.5", "4", "importance_1_5", "5.5"),
        ("0.99", "4", "importance_1_5", "0.99"),
        ("3", "7.01", "level_0_7", "7.01"),
        ("3", "-1", "level_0_7", "-1"),
        ("3", "n/a", "level_0_7", "n/a"),
        ("3", "1e0", "level_0_7", "1e0"),
    ] {
        let e = only(
            onet_errors(
                ONET_OCC,
                ELEMENTS,
                &rating(importance, level, "N", "N"),
                TASKS,
            ),
            &[
                "onet/occupation_skill_levels.csv line 2",
                &format!("column `{column}`: found `{found}`"),
            ],
        );
        assert!(matches!(e, Error::CsvInvalidValue { line: 2, .. }));
    }
    only(
        onet_errors(ONET_OCC, ELEMENTS, &rating("3", "4", "Yes", "N"), TASKS),
        &["line 2, column `recommend_suppress`: found `Yes`, expected `Y`, `N`, `n/a` or nothing"],
    );
}

#[test]
fn onet_level_zero_and_not_relevant_ratings_are_not_required() {
    for ratings in [rating("4", "0", "N", "N"), rating("4", "3", "N", "Y")] {
        let spec = load_onet(
            &OnetCsv::new(ONET_OCC, ELEMENTS, &ratings),
            &OnetOptions::default(),
        )
        .unwrap();
        assert_eq!(spec.competencies.len(), 1);
        assert!(spec.roles[0].requires.is_empty());
    }
}

#[test]
fn onet_n_a_reads_as_none_wherever_onet_writes_it() {
    // O*NET writes `n/a` where a flag or a task type does not apply.
    let tasks = "soc,task_id,task_type,task\n13-1041.00,1,n/a,\"Keep records\"\n";
    let n_a = rating("3.88", "4.12", "n/a", "n/a");
    let csv = OnetCsv::new(ONET_OCC, ELEMENTS, &n_a).tasks(tasks);
    let spec = load_onet(&csv, &OnetOptions::default()).expect("n/a is none");
    let n = rating("3.88", "4.12", "N", "N");
    let plain = OnetCsv::new(ONET_OCC, ELEMENTS, &n)
        .tasks("soc,task_id,task_type,task\n13-1041.00,1,,\"Keep records\"\n");
    assert_eq!(
        spec,
        load_onet(&plain, &OnetOptions::default()).expect("plain")
    );
    assert_eq!(spec.roles[0].requires.len(), 1);
    assert_eq!(spec.activities.len(), 1);
    // Untyped tasks are not core.
    let core_only = OnetOptions::default().core_tasks_only(true);
    assert!(
        load_onet(&csv, &core_only)
            .expect("n/a")
            .activities
            .is_empty()
    );
    // Other spellings are still refused, with what was found.
    only(
        onet_errors(ONET_OCC, ELEMENTS, &rating("3", "4", "N/A", "N"), TASKS),
        &["column `recommend_suppress`: found `N/A`, expected `Y`, `N`, `n/a` or nothing"],
    );
}

#[test]
fn padded_cells_are_read_and_blank_labels_are_reported_with_their_place() {
    // Whitespace around cells (and CRLF, and a byte-order mark) is formatting.
    let padded_links = "\u{feff}occ_id , skill_id , relation\r\n 7 , 3 , E \r\n7,\t4,O\r\n";
    let spec = load_esco(
        &EscoCsv::new(OCC, SKILLS, padded_links),
        &EscoOptions::default(),
    )
    .expect("padded cells");
    assert_eq!(
        spec,
        load_esco(&EscoCsv::new(OCC, SKILLS, LINKS), &EscoOptions::default()).expect("plain")
    );
    // A label of whitespace only is empty.
    let occ = "occ_id,uuid,isco_group,esco_code,label\n7,u7,2422,2422.1, \t \n";
    let e = only(
        esco_errors(occ, SKILLS, LINKS),
        &["esco/occupations.csv line 2, column `label`: found \"\", expected a non-empty value"],
    );
    assert!(matches!(
        e,
        Error::CsvInvalidValue {
            line: 2,
            column: "label",
            ..
        }
    ));
    let skills = SKILLS.replace("public finance", "\"  \"");
    only(
        esco_errors(OCC, &skills, LINKS),
        &["esco/skills.csv line 3, column `label`: found \"\", expected a non-empty value"],
    );
    let occupations = "soc,title\n13-1041.00,   \n";
    let errors = onet_errors(occupations, ELEMENTS, RATINGS, TASKS);
    assert_eq!(
        errors[0].to_string(),
        "onet/occupations.csv line 2, column `title`: found \"\", expected a non-empty value"
    );
    let elements = ELEMENTS.replace("Writing", " ");
    let errors = onet_errors(ONET_OCC, &elements, RATINGS, TASKS);
    assert_eq!(
        errors[0].to_string(),
        "onet/elements.csv line 3, column `name`: found \"\", expected a non-empty value"
    );
    let tasks = "soc,task_id,task_type,task\n13-1041.00,1,Core,\" \"\n";
    let errors = onet_errors(ONET_OCC, ELEMENTS, RATINGS, tasks);
    assert_eq!(
        errors[0].to_string(),
        "onet/tasks.csv line 2, column `task`: found \"\", expected a non-empty value"
    );
}

#[test]
fn onet_codes_ids_and_types_are_checked() {
    let no_ratings = "soc,element_id,importance_1_5,level_0_7,recommend_suppress,not_relevant\n";
    let no_tasks = "soc,task_id,task_type,task\n";
    only(
        onet_errors(
            "soc,title\n13-1041,Compliance Officers\n",
            ELEMENTS,
            no_ratings,
            no_tasks,
        ),
        &["onet/occupations.csv line 2, column `soc`: found `13-1041`"],
    );
    only(
        onet_errors(
            ONET_OCC,
            ELEMENTS,
            RATINGS,
            "soc,task_id,task_type,task\n13-1041.00,1,core,x\n",
        ),
        &["onet/tasks.csv line 2, column `task_type`: found `core`"],
    );
    only(
        onet_errors(
            ONET_OCC,
            ELEMENTS,
            RATINGS,
            "soc,task_id,task_type,task\n13-1041.00,t1,Core,x\n",
        ),
        &["onet/tasks.csv line 2, column `task_id`: found `t1`"],
    );
    let elements = format!("{ELEMENTS}2.A..x,2.A.1,3,Broken,\n");
    only(
        onet_errors(ONET_OCC, &elements, RATINGS, TASKS),
        &["onet/elements.csv line 4, column `element_id`: found `2.A..x`"],
    );
}

#[test]
fn onet_unknown_references_and_repeats_are_reported() {
    let ratings = format!(
        "{RATINGS}13-1041.00,2.A.1.z,3,3,8,N,N,07/2014,Analyst\n\
                           13-1041.00,2.A.1.c,3,3,8,N,N,07/2014,Analyst\n\
                           99-9999.00,2.A.1.c,3,3,8,N,N,07/2014,Analyst\n"
    );
    let tasks = format!("{TASKS}11-1011.00,2,Core,x\n13-1041.00,1,Core,y\n");
    let elements = format!("{ELEMENTS}2.B.1.a,2.B.1,3,Social Perceptiveness,\n");
    let messages: Vec<String> = onet_errors(ONET_OCC, &elements, &ratings, &tasks)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        messages,
        [
            "onet/elements.csv line 4, column `parent_id`: `2.B.1` is not in onet/elements.csv",
            "onet/occupation_skill_levels.csv line 3, column `element_id`: `2.A.1.z` is not in onet/elements.csv",
            "onet/occupation_skill_levels.csv line 4: soc, element_id `13-1041.00, 2.A.1.c` repeats line 2",
            "onet/occupation_skill_levels.csv line 5, column `soc`: `99-9999.00` is not in onet/occupations.csv",
            "onet/tasks.csv line 3, column `soc`: `11-1011.00` is not in onet/occupations.csv",
            "onet/tasks.csv line 4: task_id `1` repeats line 2",
        ]
    );
}

#[test]
fn onet_rating_pairs_that_join_to_the_same_text_are_not_repeats() {
    // `13-1041.0` + `02.A.1.c` joins to the same text as line 2's `13-1041.00` +
    // `2.A.1.c`: another pair, reported only as unknown, not as a repeat.
    assert!(
        RATINGS
            .lines()
            .nth(1)
            .unwrap()
            .starts_with("13-1041.00,2.A.1.c,")
    );
    let ratings = format!("{RATINGS}13-1041.0,02.A.1.c,3,3,8,N,N,07/2014,Analyst\n");
    let messages: Vec<String> = onet_errors(ONET_OCC, ELEMENTS, &ratings, TASKS)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        messages.iter().all(|m| !m.contains("repeats")),
        "{messages:#?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("`13-1041.0` is not in")),
        "{messages:#?}"
    );
}

#[test]
fn onet_missing_columns_are_named() {
    let ratings = "soc,element_id,importance_1_5,level,recommend_suppress,not_relevant\n";
    let e = only(onet_errors(ONET_OCC, ELEMENTS, ratings, TASKS), &[]);
    assert_eq!(
        e.to_string(),
        "onet/occupation_skill_levels.csv has no column `level_0_7` in its header"
    );
}

/// `esco/01`: ESCO's compact ids are numbers, so `01` and `1` are one occupation, `3` and
/// `003` one skill, `7` and `07` one group. Each repeat names both lines and, as the rows
/// write the id differently, both texts: "`occ_id` `1` repeats line 2" alone would not say
/// that line 2 wrote `01`.
#[test]
fn a_number_written_with_leading_zeros_repeats_it_written_without_showing_both() {
    let case = |file: &str| {
        let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join(format!("tests/data/cases/esco/01-leading-zeros-{file}.csv"));
        std::fs::read_to_string(&path).expect("the case's file")
    };
    let (occupations, skills, links) = (
        case("occupations"),
        case("skills"),
        case("occupation_skills"),
    );
    let (skill_groups, skill_broader) = (case("skill_groups"), case("skill_broader"));
    let mut csv = EscoCsv::new(&occupations, &skills, &links);
    csv.hierarchy = Some(karmayogi::EscoHierarchyCsv {
        skill_broader: &skill_broader,
        skill_groups: &skill_groups,
    });
    let errors = load_esco(&csv, &EscoOptions::default()).expect_err("repeated ids");
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "esco/occupations.csv line 3: occ_id `1` repeats line 2, written `01` there",
            "esco/skills.csv line 3: skill_id `003` repeats line 2, written `3` there",
            "esco/occupation_skills.csv line 3: occ_id, skill_id `01, 03` repeats line 2, \
             written `1, 3` there",
            "esco/skill_groups.csv line 3: group_id `07` repeats line 2, written `7` there",
            "esco/skill_broader.csv line 3: child, parent `S 03, G 007` repeats line 2, \
             written `S 3, G 7` there",
        ]
    );
    let Error::CsvDuplicateKey { key, first_key, .. } = &errors.as_slice()[0] else {
        panic!("a repeated key: {:?}", errors.as_slice()[0]);
    };
    assert_eq!((key.as_str(), first_key.as_deref()), ("1", Some("01")));
    // Written alike, a repeat names the key once.
    let links = "occ_id,skill_id,relation\n1,3,E\n1,3,O\n";
    let occupations = "occ_id,uuid,isco_group,esco_code,label\n1,u,2422,2422.1,policy officer\n";
    let errors = load_esco(
        &EscoCsv::new(occupations, &skills, links),
        &EscoOptions::default(),
    )
    .expect_err("repeated ids");
    assert_eq!(
        errors.as_slice().last().map(ToString::to_string).as_deref(),
        Some("esco/occupation_skills.csv line 3: occ_id, skill_id `1, 3` repeats line 2")
    );
    // O*NET's task ids are numbers too.
    let tasks = format!("{TASKS}13-1041.00,0001,Core,y\n");
    let messages: Vec<String> = onet_errors(ONET_OCC, ELEMENTS, RATINGS, &tasks)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        messages,
        ["onet/tasks.csv line 3: task_id `0001` repeats line 2, written `1` there"]
    );
}

/// `csv/32`: an O*NET occupation and a Content Model element whose rows hold a field more
/// than the header are not read, and each is reported once. The ratings, tasks and child
/// elements naming them were each reported as naming a code the file does not hold, though
/// its row is there; they now name the row not read, and a code truly missing is still
/// unknown.
#[test]
fn onet_references_to_rows_not_read_name_those_rows() {
    let case = |file: &str| {
        let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!(
            "tests/data/cases/csv/32-onet-ragged-rows-{file}.csv"
        ));
        std::fs::read_to_string(path).expect("the case's file")
    };
    let (occupations, elements) = (case("occupations"), case("elements"));
    let (ratings, tasks) = (case("ratings"), case("tasks"));
    let csv = OnetCsv::new(&occupations, &elements, &ratings).tasks(&tasks);
    let errors = load_onet(&csv, &OnetOptions::default()).expect_err("ragged rows");
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    let not_read = |file: &str, line: usize, column: &str, id: &str, target: &str, at: usize| {
        format!(
            "onet/{file}.csv line {line}, column `{column}`: `{id}` is the id of \
             onet/{target}.csv line {at}, which was not read for its own problem"
        )
    };
    let expected = [
        "onet/occupations.csv line 2 has 3 fields: expected 2, as in the header".to_owned(),
        "onet/elements.csv line 2 has 6 fields: expected 5, as in the header".to_owned(),
        not_read("elements", 3, "parent_id", "2.B", "elements", 2),
        not_read(
            "occupation_skill_levels",
            2,
            "soc",
            "13-1041.00",
            "occupations",
            2,
        ),
        not_read(
            "occupation_skill_levels",
            3,
            "element_id",
            "2.B",
            "elements",
            2,
        ),
        "onet/occupation_skill_levels.csv line 4, column `soc`: `13-9999.00` is not in \
         onet/occupations.csv"
            .to_owned(),
        not_read("tasks", 2, "soc", "13-1041.00", "occupations", 2),
    ];
    assert_eq!(messages, expected);
}
