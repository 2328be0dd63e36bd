//! The framework and passbooks of a planning instance drawn at random by the mixed
//! oracles (`path_mixed`, `department_mixed`): competencies, posts and courses by index,
//! named from the caller's id lists.

use karmayogi::{
    CompetencyType, CourseOutcome, Evidence, EvidenceSource, Framework, Mode, RequirementSpec,
    RoleSpec,
};

use crate::support;

/// A small deterministic generator (`SplitMix64`).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// Cases to run: `PLAN_ORACLE_CASES`, else `default`.
pub fn cases(default: u64) -> u64 {
    std::env::var("PLAN_ORACLE_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// What a drawn course provides: with chance `p` nothing, else one to three distinct
/// competencies below `nc`, each untagged (`None`) with chance `p`, else at a level 1–5.
pub fn provides(rng: &mut Rng, nc: usize, p: f64) -> Vec<(usize, Option<u8>)> {
    let mut provides: Vec<(usize, Option<u8>)> = Vec::new();
    if !rng.chance(p) {
        for _ in 0..=rng.below(3) {
            let c = rng.below(nc);
            let level = (!rng.chance(p)).then(|| 1 + rng.below(5) as u8);
            if provides.iter().all(|q| q.0 != c) {
                provides.push((c, level));
            }
        }
    }
    provides
}

/// The prerequisites of drawn course `i`, distinct and sorted, all earlier courses: none,
/// the one before, the first, or two drawn.
pub fn prerequisites(rng: &mut Rng, i: usize) -> Vec<usize> {
    let mut prerequisites = match (i, rng.below(5)) {
        (0, _) | (_, 0 | 1) => Vec::new(),
        (_, 2) => vec![i - 1],
        (_, 3) => vec![0],
        _ => vec![rng.below(i), rng.below(i)],
    };
    prerequisites.sort_unstable();
    prerequisites.dedup();
    prerequisites
}

/// An officer: the post's index, the level held of each competency and the completed
/// courses as a bit set.
#[derive(Clone, Debug)]
pub struct Officer {
    pub post: usize,
    pub held: Vec<u8>,
    pub done: u32,
}

impl Officer {
    /// An officer of one of `posts` posts holding each of `nc` competencies at 0 half the
    /// time, else at 0–4, and having completed each of `nk` courses with probability 0.12.
    pub fn draw(rng: &mut Rng, posts: usize, nc: usize, nk: usize) -> Officer {
        Officer {
            post: rng.below(posts),
            held: (0..nc)
                .map(|_| {
                    if rng.chance(0.5) {
                        0
                    } else {
                        rng.below(5) as u8
                    }
                })
                .collect(),
            done: (0..nk)
                .filter(|_| rng.chance(0.12))
                .fold(0, |m, k| m | 1 << k),
        }
    }
}

/// The ids an instance's indices stand for, and the competency course completions name.
pub struct Ids<'a> {
    pub competencies: &'a [&'a str],
    pub completion: &'a str,
    pub posts: &'a [&'a str],
    pub courses: &'a [&'a str],
}

/// A course: its outcomes as (competency index, level, or none for an untagged one) and
/// its prerequisites as course indices.
pub struct Course<'a> {
    pub hours: f64,
    pub mode: Mode,
    pub provides: &'a [(usize, Option<u8>)],
    pub prerequisites: &'a [usize],
}

/// Competency `c` of type `CompetencyType::ALL[kinds[c]]`, plus the completion
/// competency; post `p` in department `dept` through role `r-p`, requiring
/// `required[p][c]` of competency `c` (0: not required); course `k` as `courses[k]`.
pub fn framework(
    ids: &Ids<'_>,
    kinds: &[usize],
    required: &[Vec<u8>],
    courses: &[Course<'_>],
) -> Framework {
    let nc = kinds.len();
    let mut competencies: Vec<_> = (0..nc)
        .map(|c| {
            support::competency(
                ids.competencies[c],
                format!("Competency {c}"),
                CompetencyType::ALL[kinds[c]],
                [],
            )
        })
        .collect();
    competencies.push(support::competency(
        ids.completion,
        "Completions",
        CompetencyType::Functional,
        [],
    ));
    let roles = required
        .iter()
        .enumerate()
        .map(|(p, levels)| RoleSpec {
            id: format!("r-{p}").into(),
            name: format!("Role {p}"),
            activities: Vec::new(),
            requires: (0..nc)
                .filter(|&c| levels[c] > 0)
                .map(|c| RequirementSpec::new(ids.competencies[c], levels[c]))
                .collect(),
        })
        .collect();
    let positions = (0..required.len())
        .map(|p| support::position(ids.posts[p], ids.posts[p], "dept", [format!("r-{p}")]))
        .collect();
    let courses = courses
        .iter()
        .enumerate()
        .map(|(k, c)| {
            support::course_spec(
                ids.courses[k],
                ids.courses[k],
                c.hours,
                c.mode,
                c.provides
                    .iter()
                    .map(|&(comp, level)| CourseOutcome {
                        competency: ids.competencies[comp].into(),
                        level,
                        level_name: None,
                    })
                    .collect(),
                c.prerequisites
                    .iter()
                    .map(|&p| ids.courses[p].into())
                    .collect(),
            )
        })
        .collect();
    let spec = support::framework_spec(competencies, Vec::new(), roles, positions, courses);
    Framework::new(spec).expect("a valid framework")
}

/// An officer's passbook: competency `c` assessed at `held[c]` (none at 0), and course
/// `k` of `courses` completed when bit `k` of `done` is set.
pub fn passbook(ids: &Ids<'_>, held: &[u8], done: u32, courses: usize) -> Vec<Evidence> {
    let mut passbook: Vec<_> = (0..held.len())
        .filter(|&c| held[c] > 0)
        .map(|c| support::assessed(ids.competencies[c], held[c], "2025-01-15"))
        .collect();
    for k in (0..courses).filter(|&k| done & 1 << k != 0) {
        passbook.push(support::evidence(
            ids.completion,
            0,
            EvidenceSource::CourseCompletion,
            "2025-01-15",
            Some(ids.courses[k]),
        ));
    }
    passbook
}
