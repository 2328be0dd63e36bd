//! A department plan's bound where only the officers' caps bind.
//!
//! `planning/19`: a synthetic catalogue of 30 courses (some with prerequisites) over eight
//! competencies, three posts; 3,000 synthetic officers drawn below, each holding a random
//! half of the competencies at random levels and a few completed courses. With a budget
//! that does not bind and no seat limit, the best department plan is every officer's own
//! best plan within the cap, which `recommend` proves officer by officer; the department
//! plan's bound must say so, not 9% more (25,660 against 23,512, before the officers'
//! own proven bounds were counted in it).

#![allow(clippy::float_cmp)] // whole values, summed exactly

use karmayogi::{
    AcbpOptions, Cohort, Framework, LevelPolicy, OfficersSpec, Optimality, Profile,
    RecommendOptions, Solver,
};
use serde_json::json;

/// xorshift64: the officers are the same on every run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// `count` officers of the posts `p0`–`p2` of department `d`.
fn officers(count: usize) -> String {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let officers: Vec<_> = (0..count)
        .map(|o| {
            let mut passbook = Vec::new();
            for c in 0..8 {
                if rng.below(2) == 0 {
                    passbook.push(json!({"competency": format!("c{c}"), "level": rng.below(5),
                        "source": "assessment", "date": "2024-01-01"}));
                }
            }
            for k in 0..30 {
                if rng.below(15) == 0 {
                    passbook.push(json!({"competency": "c0", "level": 0,
                        "source": "course_completion", "course": format!("k{k:02}"),
                        "date": "2024-01-01"}));
                }
            }
            json!({"id": format!("o{o:05}"), "department": "d",
                "position": format!("p{}", rng.below(3)), "passbook": passbook})
        })
        .collect();
    json!({"format_version": 1, "officers": officers}).to_string()
}

#[test]
fn cap_bound_is_the_sum_of_the_officers_proven_plans() {
    let fw = Framework::from_json(&crate::support::planning_case(
        "19-bound-under-officer-caps-framework.json",
    ))
    .unwrap();
    let doc = OfficersSpec::from_json(&officers(3_000)).unwrap();
    let cohort = Cohort::new(&fw, &doc.officers, &LevelPolicy::default()).unwrap();
    let cap = 9.9;
    let options = AcbpOptions::default()
        .budget(1e9)
        .unwrap()
        .officer_cap(cap)
        .unwrap();
    let plan = fw.department_plan(&cohort, &options).unwrap();
    // The oracle: each officer's own best plan within the cap, proven.
    let alone = RecommendOptions::default()
        .budget(cap)
        .unwrap()
        .solver(Solver::Exact {
            node_limit: 1_000_000,
        });
    let mut optimum = 0.0;
    for officer in &doc.officers {
        let profile = Profile::new(&fw, officer, &LevelPolicy::default()).unwrap();
        let own = fw
            .recommend(&profile, officer.position.as_str(), &alone)
            .unwrap();
        assert_eq!(own.optimality, Optimality::Optimal, "{}", officer.id);
        optimum += own.value_closed;
    }
    assert!(optimum > 20_000.0, "{optimum}");
    assert_eq!(plan.value_closed, optimum);
    assert_eq!(plan.bound, optimum, "the bound of a plan proven optimal");
    match plan.optimality {
        Optimality::Optimal => {}
        Optimality::Bounded { gap } => assert_eq!(gap, 0.0),
    }
}
