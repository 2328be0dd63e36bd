//! Loaders on deep hierarchies: ESCO skills each narrower than the one before, the first
//! in a group at the bottom of a chain of groups. Release builds load 100,000 skills
//! (`cargo test --release --test loader_depth -- --nocapture`; figures in BENCHMARKS.md,
//! "Extreme shapes"), debug builds 2,000.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use karmayogi::{EscoCsv, EscoHierarchy, EscoOptions, load_esco};

/// ESCO's compact layout: one occupation requiring skill 0; `n` skills, skill i narrower
/// than skill i − 1; `n` groups, group i narrower than group i − 1, skill 0 in the last.
fn chain(n: usize) -> [String; 5] {
    let occupations = "occ_id,isco_group,label\n0,2654,director\n".to_owned();
    let mut skills = String::from("skill_id,skill_type,reuse_level,label\n");
    let mut broader = String::from("child_kind,child_id,parent_kind,parent_id\n");
    let mut groups = String::from("group_id,label\n");
    for i in 0..n {
        writeln!(skills, "{i},skill/competence,sector-specific,skill {i}")
            .expect("a String takes any text");
        writeln!(groups, "{i},group {i}").expect("a String takes any text");
        if i > 0 {
            writeln!(broader, "G,{i},G,{}\nS,{i},S,{}", i - 1, i - 1)
                .expect("a String takes any text");
        }
    }
    writeln!(broader, "S,0,G,{}", n - 1).expect("a String takes any text");
    let requires = "occ_id,skill_id,relation\n0,0,E\n".to_owned();
    [occupations, skills, requires, broader, groups]
}

/// Every skill's nearest area is the label of the last group, however far below it the
/// skill hangs. Each skill searched up through the skills above it on its own: O(n²),
/// 10,000 skills 10 s and 100,000 over 200 s in release; now one search down from the
/// skills in groups. Release bound 10 s.
#[test]
fn nearest_areas_of_a_hundred_thousand_skills_in_a_chain() {
    let n = if cfg!(debug_assertions) {
        2_000
    } else {
        100_000
    };
    let [occupations, skills, requires, broader, groups] = chain(n);
    let csv = EscoCsv::new(&occupations, &skills, &requires).hierarchy(&broader, &groups);
    let options = EscoOptions::default().hierarchy(EscoHierarchy::NearestArea);
    let start = Instant::now();
    let spec = load_esco(&csv, &options).expect("a valid load");
    let took = start.elapsed();
    eprintln!("{n} skills in a chain, nearest areas: {took:?}");
    assert_eq!(spec.competencies.len(), n);
    let last = format!("group {}", n - 1);
    assert!(
        (spec.competencies.iter()).all(|c| c.area.as_deref() == Some(last.as_str())),
        "every skill's nearest area is {last}"
    );
    if !cfg!(debug_assertions) {
        assert!(
            took < Duration::from_secs(10),
            "nearest areas of {n} skills took {took:?}: quadratic again"
        );
    }
}

/// The nearest area as documented, found the slow way: a breadth-first search up from the
/// skill through broader skills, the lowest group id at the first level that has any.
fn nearest_by_search(skill: u32, edges: &[(bool, u32, u32)]) -> Option<u32> {
    let mut level = vec![skill];
    let mut seen = std::collections::BTreeSet::from([skill]);
    while !level.is_empty() {
        let found = (edges.iter())
            .filter(|&&(to_group, child, _)| to_group && level.contains(&child))
            .map(|&(_, _, parent)| parent)
            .min();
        if found.is_some() {
            return found;
        }
        level = (edges.iter())
            .filter(|&&(to_group, child, _)| !to_group && level.contains(&child))
            .map(|&(_, _, parent)| parent)
            .filter(|&p| seen.insert(p))
            .collect();
    }
    None
}

proptest::proptest! {
    /// On small random hierarchies (broader skills in cycles included), every skill's area
    /// is the one the search up from it finds.
    #[test]
    fn nearest_areas_agree_with_a_search_up_from_each_skill(
        raw in proptest::collection::vec((proptest::bool::ANY, 0u32..10, 0u32..10), 0..30),
    ) {
        // Edges (to a group?, child skill, parent): no self-loop, no repeat; groups 0 to 3.
        let mut edges: Vec<(bool, u32, u32)> = Vec::new();
        for (to_group, child, parent) in raw {
            let parent = if to_group { parent % 4 } else { parent };
            let edge = (to_group, child, parent);
            if (to_group || child != parent) && !edges.contains(&edge) {
                edges.push(edge);
            }
        }
        let occupations = "occ_id,isco_group,label\n0,2654,director\n";
        let mut skills = String::from("skill_id,skill_type,reuse_level,label\n");
        for i in 0..10 {
            writeln!(skills, "{i},skill/competence,sector-specific,skill {i}").expect("a String takes any text");
        }
        let groups = "group_id,label\n0,g0\n1,g1\n2,g2\n3,g3\n";
        let mut broader = String::from("child_kind,child_id,parent_kind,parent_id\n");
        for &(to_group, child, parent) in &edges {
            let kind = if to_group { "G" } else { "S" };
            writeln!(broader, "S,{child},{kind},{parent}").expect("a String takes any text");
        }
        let requires = "occ_id,skill_id,relation\n0,0,E\n";
        let csv = EscoCsv::new(occupations, &skills, requires).hierarchy(&broader, groups);
        let options = EscoOptions::default().hierarchy(EscoHierarchy::NearestArea);
        let spec = load_esco(&csv, &options).expect("a valid load");
        for i in 0..10u32 {
            let want = nearest_by_search(i, &edges).map(|g| format!("g{g}"));
            let id = format!("skill-{i}");
            let got = spec.competencies.iter().find(|c| c.id.as_str() == id).expect("loaded");
            proptest::prop_assert_eq!(got.area.clone(), want, "skill {}", i);
        }
    }
}
