//! A deterministic generator of a **synthetic** course catalogue over the real ESCO skills,
//! for recommendation benchmarks and quality measurements.
//!
//! No public catalogue tags courses with ESCO skills at levels, so the courses are made up
//! here; the skills they build are real. The shape, from a seeded [`SplitMix64`] stream:
//!
//! - each course is built around one ESCO skill group: a seed skill is drawn among the skills
//!   some occupation requires, and its first group gives the theme;
//! - it builds 2 to 8 distinct skills, each from the theme with probability 0.8 and from the
//!   whole dictionary otherwise;
//! - it brings learners to level 2 (25%), 3 (55%) or 4 (20%), the same for all its skills;
//! - it lasts 1 to 40 hours (uniform whole hours);
//! - it is formal (80%), social (10%) or experiential (10%);
//! - 20% of courses require one earlier course (of the same theme when one exists), so
//!   prerequisites never form a cycle.
//!
//! [`catalogue_with`] changes the last rule, for catalogues heavy with prerequisites: a
//! given share of courses require 1 to `most` distinct earlier courses each (of the same
//! theme when there are enough), so closures chain through the theme. The default shape
//! draws exactly the same stream as [`catalogue`].
//!
//! Course ids are `course-00000`, … in generation order. Include this module next to
//! `synth.rs` (it uses its generator) and `esco.rs`.
#![allow(dead_code)]

use std::collections::BTreeMap;

use karmayogi::{CourseOutcome, CourseSpec, Level, Mode, Target};

use crate::esco::{ESSENTIAL_LEVEL, Esco, competency_id};
use crate::synth::SplitMix64;

/// `count` synthetic courses over the ESCO skills, from `seed`.
pub fn catalogue(esco: &Esco, count: usize, seed: u64) -> Vec<CourseSpec> {
    catalogue_with(esco, count, seed, Prerequisites::default())
}

/// `count` synthetic courses of 10 hours each that overlap across skill groups: each
/// further skill comes from the theme (50%) or from all required skills (50%); levels 3
/// (70%) or 4 (30%); 20% require an earlier course, as in [`catalogue`].
pub fn uniform_catalogue(esco: &Esco, count: usize, seed: u64) -> Vec<CourseSpec> {
    generate(esco, count, seed, Prerequisites::default(), true)
}

/// `count` synthetic courses of 10 hours each, built around occupations rather than skill
/// groups, so that many courses overlap any officer's gaps: each course draws a seed
/// occupation (uniformly among those requiring something) and builds 5 to 12 distinct
/// skills, each one the seed occupation requires (60%) or one any occupation requires
/// (40%), so a course spans several skill groups; level 3 (70%) or 4 (30%); formal (80%),
/// social or experiential; 20% require an earlier course of the same seed occupation when
/// one exists (else any earlier course). Least-hours covers over such a catalogue are the
/// hard case of uniform-cost set cover: the greedy's choices tie often and overlap.
pub fn overlapping_catalogue(esco: &Esco, count: usize, seed: u64) -> Vec<CourseSpec> {
    let mut rng = SplitMix64::new(seed ^ 0x6f76_6572_6c61_7021);
    let mut skills_of: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    for &(occupation, skill, _) in &esco.links {
        skills_of.entry(occupation).or_default().push(skill);
    }
    let occupations: Vec<&Vec<u32>> = skills_of.values().collect();
    let mut required: Vec<u32> = esco.links.iter().map(|&(_, s, _)| s).collect();
    required.sort_unstable();
    required.dedup();
    let mut courses_of: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut courses = Vec::with_capacity(count);
    for i in 0..count {
        let o = rng.index(occupations.len());
        let own = occupations[o];
        let size = 5 + rng.index(8);
        let mut skills: Vec<u32> = Vec::with_capacity(size);
        let mut attempts = 0;
        while skills.len() < size && attempts < 64 {
            attempts += 1;
            let s = if rng.chance(600) {
                own[rng.index(own.len())]
            } else {
                required[rng.index(required.len())]
            };
            if !skills.contains(&s) {
                skills.push(s);
            }
        }
        skills.sort_unstable();
        let level = if rng.below(100) < 70 { 3 } else { 4 };
        let mode = match rng.below(10) {
            0 => Mode::Social,
            1 => Mode::Experiential,
            _ => Mode::Formal,
        };
        let prerequisites = if i > 0 && rng.chance(200) {
            let p = match courses_of.get(&o).filter(|c| !c.is_empty()) {
                Some(list) => list[rng.index(list.len())],
                None => rng.index(i),
            };
            vec![course_id(p).into()]
        } else {
            Vec::new()
        };
        courses_of.entry(o).or_default().push(i);
        courses.push(CourseSpec {
            id: course_id(i).into(),
            name: format!("Synthetic course {i}"),
            hours: 10.0,
            mode,
            provides: skills
                .iter()
                .map(|&s| CourseOutcome {
                    competency: competency_id(s).into(),
                    level: Some(level),
                    level_name: None,
                })
                .collect(),
            prerequisites,
            provider: Some("synthetic".to_owned()),
            language: None,
        });
    }
    courses
}

/// How many courses have prerequisites, and how many each.
#[derive(Clone, Copy, Debug)]
pub struct Prerequisites {
    /// Courses with prerequisites, per mille.
    pub per_mille: u64,
    /// The most prerequisites one course has (at least 1).
    pub most: usize,
}

impl Default for Prerequisites {
    /// The default catalogue's: 20% of courses require one earlier course.
    fn default() -> Self {
        Prerequisites {
            per_mille: 200,
            most: 1,
        }
    }
}

/// `count` synthetic courses over the ESCO skills, from `seed`, with prerequisites shaped
/// by `prerequisites`.
pub fn catalogue_with(
    esco: &Esco,
    count: usize,
    seed: u64,
    prerequisites: Prerequisites,
) -> Vec<CourseSpec> {
    generate(esco, count, seed, prerequisites, false)
}

fn generate(
    esco: &Esco,
    count: usize,
    seed: u64,
    prerequisites: Prerequisites,
    uniform: bool,
) -> Vec<CourseSpec> {
    let mut rng = SplitMix64::new(seed);
    let mut first_group: BTreeMap<u32, u32> = BTreeMap::new();
    for &(skill, group) in &esco.skill_groups {
        first_group.entry(skill).or_insert(group);
    }
    let mut by_group: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    for (&skill, &group) in &first_group {
        by_group.entry(group).or_default().push(skill);
    }
    let mut required: Vec<u32> = esco.links.iter().map(|&(_, s, _)| s).collect();
    required.sort_unstable();
    required.dedup();
    let all_skills: Vec<u32> = esco.skills.iter().map(|s| s.0).collect();
    let mut courses_of_group: BTreeMap<u32, Vec<usize>> = BTreeMap::new();

    let mut courses = Vec::with_capacity(count);
    for i in 0..count {
        let seed_skill = required[rng.index(required.len())];
        let group = first_group.get(&seed_skill).copied().unwrap_or(u32::MAX);
        let theme = by_group.get(&group).map_or(&[][..], Vec::as_slice);
        let size = 2 + rng.index(7);
        let mut skills = vec![seed_skill];
        let mut attempts = 0;
        while skills.len() < size && attempts < 64 {
            attempts += 1;
            let s = if uniform {
                if !theme.is_empty() && rng.chance(500) {
                    theme[rng.index(theme.len())]
                } else {
                    required[rng.index(required.len())]
                }
            } else if !theme.is_empty() && rng.chance(800) {
                theme[rng.index(theme.len())]
            } else {
                all_skills[rng.index(all_skills.len())]
            };
            if !skills.contains(&s) {
                skills.push(s);
            }
        }
        skills.sort_unstable();
        let draw = rng.below(100);
        let level = if uniform {
            if draw < 70 { 3 } else { 4 }
        } else {
            match draw {
                0..25 => 2,
                25..80 => 3,
                _ => 4,
            }
        };
        let hours = if uniform { 10 } else { 1 + rng.below(40) };
        let mode = match rng.below(10) {
            0 => Mode::Social,
            1 => Mode::Experiential,
            _ => Mode::Formal,
        };
        let earlier = courses_of_group.get(&group).filter(|c| !c.is_empty());
        let before = if i > 0 && rng.chance(prerequisites.per_mille) {
            let wanted = if prerequisites.most > 1 {
                1 + rng.index(prerequisites.most)
            } else {
                1
            };
            let mut picked: Vec<usize> = Vec::new();
            for _ in 0..wanted * 4 {
                if picked.len() == wanted {
                    break;
                }
                let p = match earlier {
                    Some(list) => list[rng.index(list.len())],
                    None => rng.index(i),
                };
                if !picked.contains(&p) {
                    picked.push(p);
                }
            }
            picked.into_iter().map(|p| course_id(p).into()).collect()
        } else {
            Vec::new()
        };
        courses_of_group.entry(group).or_default().push(i);
        courses.push(CourseSpec {
            id: course_id(i).into(),
            name: format!("Synthetic course {i}"),
            hours: hours as f64,
            mode,
            provides: skills
                .iter()
                .map(|&s| CourseOutcome {
                    competency: competency_id(s).into(),
                    level: Some(level),
                    level_name: None,
                })
                .collect(),
            prerequisites: before,
            provider: Some("synthetic".to_owned()),
            language: None,
        });
    }
    courses
}

/// Id of the `i`-th synthetic course.
pub fn course_id(i: usize) -> String {
    format!("course-{i:05}")
}

/// An officer's targets: the occupation's essential skills at level 3, each held at a random
/// level (none in half the cases, else 1 to 3).
pub fn targets(esco: &Esco, occupation: u32, rng: &mut SplitMix64) -> Vec<Target> {
    esco.links
        .iter()
        .filter(|&&(o, _, essential)| o == occupation && essential)
        .map(|&(_, skill, _)| {
            let current = if rng.chance(500) {
                0
            } else {
                1 + rng.below(3) as u8
            };
            Target {
                competency: competency_id(skill).into(),
                current: Level::new(current).unwrap_or(Level::NONE),
                required: Level::new(ESSENTIAL_LEVEL).unwrap_or(Level::MAX),
            }
        })
        .collect()
}
