//! `Recommender`: many officers planned in a row give, plan for plan, what
//! `Framework::recommend` gives each alone, whatever the order, the options and what was
//! remembered before; parts met again are remembered, not solved again; and officers alike
//! in post, completed courses and gaps get their plan read back from the third on.

use karmayogi::*;

use crate::support::{
    assessed_undated, competency, course, evidence, framework_spec, officer, position,
};

/// splitmix64, enough for generating instances.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const COMPETENCIES: usize = 12;

/// Two posts over twelve competencies (the first eight and the last eight, at levels 2–5),
/// and `courses` courses each building two to four of them at levels 2–5 in 1–12 hours,
/// some formal, a third requiring an earlier course: parts too large for the exact table,
/// so the search solves them and the recommender remembers them.
fn dense_framework(rng: &mut Rng, courses: usize) -> Framework {
    let ids: Vec<String> = (0..COMPETENCIES).map(|i| format!("c{i:02}")).collect();
    let competencies = ids
        .iter()
        .map(|id| competency(id, id.as_str(), CompetencyType::Functional, []))
        .collect();
    let mut roles = Vec::new();
    for (r, range) in [(0, 0..8), (1, 4..12)] {
        let requires = range
            .map(|c| RequirementSpec::new(ids[c].as_str(), 2 + rng.below(4) as u8))
            .collect();
        roles.push(RoleSpec {
            id: format!("r{r}").into(),
            name: format!("Role {r}"),
            activities: Vec::new(),
            requires,
        });
    }
    let positions = vec![
        position("p0", "Post 0", "d", ["r0"]),
        position("p1", "Post 1", "d", ["r1"]),
    ];
    let mut specs = Vec::new();
    let names: Vec<String> = (0..courses).map(|i| format!("k{i:02}")).collect();
    for (i, name) in names.iter().enumerate() {
        let mut provides: Vec<(&str, Option<u8>)> = Vec::new();
        for _ in 0..2 + rng.below(3) {
            let c = ids[rng.below(COMPETENCIES as u64) as usize].as_str();
            if provides.iter().all(|&(d, _)| d != c) {
                provides.push((c, Some(2 + rng.below(4) as u8)));
            }
        }
        let prerequisites: Vec<&str> = if i > 0 && rng.below(3) == 0 {
            vec![names[rng.below(i as u64) as usize].as_str()]
        } else {
            Vec::new()
        };
        let mode = if rng.below(2) == 0 {
            Mode::Formal
        } else {
            Mode::Social
        };
        specs.push(course(
            name,
            (1 + rng.below(12)) as f64,
            mode,
            &provides,
            &prerequisites,
        ));
    }
    Framework::new(framework_spec(
        competencies,
        Vec::new(),
        roles,
        positions,
        specs,
    ))
    .expect("generated framework is valid")
}

/// `n` officers, each on one of the two posts, holding each competency at 0–5 with
/// probability one half; a few share a passbook with an earlier officer.
fn officers(rng: &mut Rng, fw: &Framework, n: usize) -> Vec<(Profile, &'static str)> {
    let mut passbooks: Vec<Vec<(String, u8)>> = Vec::new();
    let mut out = Vec::new();
    for i in 0..n {
        let held: Vec<(String, u8)> = if i > 0 && rng.below(4) == 0 {
            passbooks[rng.below(i as u64) as usize].clone()
        } else {
            let mut held = Vec::new();
            for c in 0..COMPETENCIES {
                let level = if rng.below(2) == 0 { rng.below(6) } else { 0 };
                if level > 0 {
                    held.push((format!("c{c:02}"), level as u8));
                }
            }
            held
        };
        let post = if rng.below(2) == 0 { "p0" } else { "p1" };
        let pairs: Vec<(&str, u8)> = held.iter().map(|(c, l)| (c.as_str(), *l)).collect();
        let spec = officer(&format!("o{i}"), "d", post, assessed_undated(&pairs));
        out.push((
            Profile::new(fw, &spec, &LevelPolicy::default()).expect("generated officer"),
            post,
        ));
        passbooks.push(held);
    }
    out
}

fn variants() -> Vec<RecommendOptions> {
    vec![
        RecommendOptions::default().solver(Solver::Greedy),
        RecommendOptions::default(),
        RecommendOptions::default().solver(Solver::Exact { node_limit: 40 }),
        RecommendOptions::default()
            .max_formal_share(0.5)
            .expect("share"),
        RecommendOptions::default()
            .competency_weight("c05", 0.0)
            .expect("weight"),
        RecommendOptions::default().budget(15.0).expect("budget"),
    ]
}

#[test]
fn plans_in_a_row_are_the_plans_made_alone() {
    let mut remembered = 0;
    for seed in 0..12 {
        let mut rng = Rng(seed);
        let fw = dense_framework(&mut rng, 18 + seed as usize);
        let officers = officers(&mut rng, &fw, 10);
        for options in variants() {
            let alone: Vec<String> = officers
                .iter()
                .map(|(p, post)| {
                    serde_json::to_string(&fw.recommend(p, post, &options).expect("plan"))
                        .expect("json")
                })
                .collect();
            // In order, then again backwards: the second pass reads parts back.
            let mut recommender = Recommender::new(&fw, &options);
            let order = (0..officers.len()).chain((0..officers.len()).rev());
            for i in order {
                let (p, post) = &officers[i];
                let plan = recommender.recommend(p, post).expect("plan");
                assert_eq!(
                    serde_json::to_string(&plan).expect("json"),
                    alone[i],
                    "seed {seed}, officer {i}, options {options:?}"
                );
            }
            remembered += recommender.remembered();
            assert!(recommender.heap_bytes() < 16 << 20);
        }
    }
    // The instances are dense enough for parts beyond the exact table.
    assert!(remembered > 0, "no part was remembered");
}

#[test]
fn a_part_met_again_is_not_solved_again() {
    let mut rng = Rng(7);
    let fw = dense_framework(&mut rng, 30);
    let officers = officers(&mut rng, &fw, 12);
    let options = RecommendOptions::default();
    let mut recommender = Recommender::new(&fw, &options);
    for (p, post) in &officers {
        recommender.recommend(p, post).expect("plan");
    }
    let parts = recommender.remembered();
    assert!(parts > 0, "no part was remembered");
    for (p, post) in &officers {
        let plan = recommender.recommend(p, post).expect("plan");
        assert_eq!(plan, fw.recommend(p, post, &options).expect("plan"));
    }
    assert_eq!(recommender.remembered(), parts);
}

#[test]
fn errors_are_those_of_recommend() {
    let mut rng = Rng(3);
    let fw = dense_framework(&mut rng, 10);
    let other = dense_framework(&mut rng, 10);
    let officers = officers(&mut rng, &fw, 1);
    let (p, _) = &officers[0];
    let options = RecommendOptions::default();
    let mut recommender = Recommender::new(&fw, &options);
    assert_eq!(
        recommender.recommend(p, "nowhere").unwrap_err(),
        fw.recommend(p, "nowhere", &options).unwrap_err()
    );
    let mut foreign = Recommender::new(&other, &options);
    assert_eq!(
        foreign.recommend(p, "p0").unwrap_err(),
        other.recommend(p, "p0", &options).unwrap_err()
    );
    let weighted = RecommendOptions::default()
        .competency_weight("unknown", 2.0)
        .expect("weight");
    assert_eq!(
        Recommender::new(&fw, &weighted)
            .recommend(p, "p0")
            .unwrap_err(),
        fw.recommend(p, "p0", &weighted).unwrap_err()
    );
}

#[test]
fn a_recommender_moves_to_another_thread() {
    fn send<T: Send>(_: &T) {}
    let mut rng = Rng(5);
    let fw = dense_framework(&mut rng, 12);
    let officers = officers(&mut rng, &fw, 4);
    let options = RecommendOptions::default();
    let recommender = Recommender::new(&fw, &options);
    send(&recommender);
    let plans = std::thread::scope(|scope| {
        scope
            .spawn(move || {
                let mut recommender = recommender;
                officers
                    .iter()
                    .map(|(p, post)| recommender.recommend(p, post).expect("plan"))
                    .collect::<Vec<_>>()
            })
            .join()
            .expect("thread")
    });
    assert_eq!(plans.len(), 4);
}

/// Officers alike (one post, the same completed courses, the same gaps, whatever they hold
/// beyond the post's requirements), and officers differing from them in one of those only.
fn alike(fw: &Framework) -> Vec<(Profile, &'static str)> {
    let profile = |id: String, post: &'static str, passbook: Vec<Evidence>| {
        let spec = officer(&id, "d", post, passbook);
        (
            Profile::new(fw, &spec, &LevelPolicy::default()).expect("officer"),
            post,
        )
    };
    let done = || evidence("c01", 0, EvidenceSource::CourseCompletion, "", Some("k03"));
    let mut out = Vec::new();
    for i in 0..4u8 {
        // Recruits: empty passbooks.
        out.push(profile(format!("new-{i}"), "p0", Vec::new()));
        out.push(profile(format!("new1-{i}"), "p1", Vec::new()));
        // The same gaps and levels; what they hold outside p0's requirements differs.
        let mut held = vec![("c02", 1), ("c05", 1)];
        if i % 2 == 1 {
            held.push(("c10", 1 + i));
        }
        out.push(profile(format!("held-{i}"), "p0", assessed_undated(&held)));
        // A completed course beside the same gaps.
        let mut passbook = assessed_undated(&[("c02", 1), ("c05", 1)]);
        passbook.push(done());
        out.push(profile(format!("done-{i}"), "p0", passbook));
        // One level apart from `held` on one requirement.
        out.push(profile(
            format!("level-{i}"),
            "p0",
            assessed_undated(&[("c02", 1), ("c05", 2)]),
        ));
    }
    out
}

#[test]
fn officers_alike_get_their_plan_read_back_from_the_third() {
    let mut read_back = 0;
    for seed in 0..6 {
        let mut rng = Rng(100 + seed);
        let fw = dense_framework(&mut rng, 20 + seed as usize);
        let officers = alike(&fw);
        for options in variants() {
            let mut recommender = Recommender::new(&fw, &options);
            for (i, (p, post)) in officers.iter().enumerate() {
                let plan = recommender.recommend(p, post).expect("plan");
                assert_eq!(
                    serde_json::to_string(&plan).expect("json"),
                    serde_json::to_string(&fw.recommend(p, post, &options).expect("plan"))
                        .expect("json"),
                    "seed {seed}, officer {i}, options {options:?}"
                );
            }
            // Four officers each of five keys (recruits of either post, a held set, a
            // completed course, a level apart), each kept at its second meeting and read
            // back at the third and fourth.
            assert_eq!(
                recommender.plans_read_back(),
                10,
                "seed {seed}, {options:?}"
            );
            assert_eq!(
                recommender.plans_remembered(),
                5,
                "seed {seed}, {options:?}"
            );
            read_back += recommender.plans_read_back();
        }
    }
    assert!(read_back > 0);
}
