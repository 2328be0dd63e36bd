use proptest::prelude::*;

use super::{Scratch, Total, full_closures, gap_costs, post_tables};
use crate::planning::recommend::{UntaggedLevel, reaches};
use crate::{
    CompetencySpec, CompetencyType, CourseOutcome, CourseSpec, Framework, FrameworkSpec, Level,
    Mode, PositionSpec, RequirementSpec, RoleSpec,
};

/// (outcomes as (competency, level or 0 for none), hours in tenths, prerequisites as
/// offsets back from the course)
type Draft = (Vec<(usize, u8)>, u32, Vec<usize>);

fn framework(required: &[u8], courses: &[Draft]) -> Framework {
    let mut spec = FrameworkSpec::new();
    for c in 0..required.len() {
        spec.competencies.push(CompetencySpec::new(
            format!("c{c}"),
            format!("C{c}"),
            CompetencyType::Functional,
        ));
    }
    spec.roles.push(RoleSpec {
        id: "r".into(),
        name: "R".into(),
        activities: Vec::new(),
        requires: required
            .iter()
            .enumerate()
            .map(|(c, &l)| RequirementSpec::new(format!("c{c}"), l))
            .collect(),
    });
    spec.positions.push(PositionSpec {
        id: "p".into(),
        name: "P".into(),
        department: "d".into(),
        roles: vec!["r".into()],
    });
    for (i, (outcomes, tenths, back)) in courses.iter().enumerate() {
        let mut provides: Vec<CourseOutcome> = Vec::new();
        for &(c, l) in outcomes {
            let id = format!("c{}", c % required.len());
            if provides.iter().all(|o| o.competency.as_str() != id) {
                provides.push(CourseOutcome {
                    competency: id.into(),
                    level: (l > 0).then_some(l),
                    level_name: None,
                });
            }
        }
        let mut prerequisites: Vec<crate::CourseId> = Vec::new();
        for &b in back {
            if b >= 1 && b <= i {
                let id = format!("k{}", i - b).into();
                if !prerequisites.contains(&id) {
                    prerequisites.push(id);
                }
            }
        }
        spec.courses.push(CourseSpec {
            id: format!("k{i}").into(),
            name: format!("K{i}"),
            hours: f64::from(*tenths) / 10.0,
            mode: Mode::Formal,
            provides,
            prerequisites,
            provider: None,
            language: None,
        });
    }
    Framework::new(spec).expect("a valid framework")
}

/// The fewest hours of a plan closing every closable gap: every set of courses not
/// completed, closed under pending prerequisites; and how many gaps no course closes.
fn optimum(
    fw: &Framework,
    gaps: &[(u32, u8)],
    completed: &[u32],
    untagged: UntaggedLevel,
) -> (u32, f64) {
    let n = fw.courses.len() as u32;
    let free: Vec<u32> = (0..n).filter(|c| !completed.contains(c)).collect();
    let closes = |course: u32, (c, l): (u32, u8)| {
        fw.builds_of(course)
            .iter()
            .any(|&(b, level)| b == c && reaches(level, untagged).is_some_and(|r| r >= l))
    };
    let closable: Vec<(u32, u8)> = gaps
        .iter()
        .copied()
        .filter(|&g| free.iter().any(|&c| closes(c, g)))
        .collect();
    let mut best = f64::INFINITY;
    for mask in 0u32..1 << free.len() {
        let set: Vec<u32> = (0..free.len())
            .filter(|&i| mask >> i & 1 == 1)
            .map(|i| free[i])
            .collect();
        let closed_under = set.iter().all(|&x| {
            fw.direct_prerequisites(x)
                .iter()
                .all(|d| completed.contains(d) || set.contains(d))
        });
        if closed_under && closable.iter().all(|&g| set.iter().any(|&c| closes(c, g))) {
            best = best.min(set.iter().map(|&c| fw.course_hours[c as usize]).sum());
        }
    }
    ((gaps.len() - closable.len()) as u32, best)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Every bound is at most the optimum, for the officer's own instance, for the
    /// position's tables, with and without completed prerequisites and untagged
    /// courses; and unclosable gaps are never over-counted.
    #[test]
    fn bounds_never_exceed_the_optimum(
        required in proptest::collection::vec(1u8..=5, 1..=5),
        courses in proptest::collection::vec(
            (proptest::collection::vec((0usize..5, 0u8..=5), 1..=3), 1u32..=300,
             proptest::collection::vec(1usize..=4, 0..=3)),
            0..=8,
        ),
        held in proptest::collection::vec(0u8..=5, 5),
        done in proptest::collection::vec(any::<bool>(), 8),
        assume in proptest::option::of(1u8..=5),
    ) {
        let fw = framework(&required, &courses);
        let untagged = match assume {
            Some(l) => UntaggedLevel::Assume(Level::new(l).expect("a level")),
            None => UntaggedLevel::Ignore,
        };
        let reqs = fw.position_reqs(0);
        let short: Vec<usize> = (0..reqs.len()).filter(|&j| held[j] < reqs[j].level).collect();
        let gaps: Vec<(u32, u8)> = short.iter().map(|&j| (reqs[j].competency, reqs[j].level)).collect();
        let completed: Vec<u32> = (0..fw.courses.len() as u32).filter(|&c| done[c as usize]).collect();
        let (open, best) = optimum(&fw, &gaps, &completed, untagged);

        let mut scratch = Scratch::new(&fw);
        let mut costs = Vec::new();
        gap_costs(&fw, &gaps, &completed, untagged, &mut scratch, &mut costs);
        let own = Total::of(&costs);
        prop_assert_eq!(own.open, open, "the instance's unclosable gaps are exact");
        prop_assert!(own.hours(true) <= best * (1.0 + 1e-12), "{} > {best}", own.hours(true));

        // The bounds along paths, as when the walks would cost too much: at most the
        // walks' bounds, an upper bound on each gap's own optimum, and the same open gaps.
        let mut paths = Scratch::new(&fw);
        paths.walks_per_union = 0;
        let mut along = Vec::new();
        gap_costs(&fw, &gaps, &completed, untagged, &mut paths, &mut along);
        for (walked, path) in costs.iter().zip(&along) {
            prop_assert_eq!(walked.closable, path.closable);
            prop_assert_eq!(walked.share.to_bits(), path.share.to_bits());
            prop_assert_eq!(walked.closure_at_most.to_bits(), walked.closure.to_bits());
            if walked.closable {
                prop_assert!(path.packing <= walked.packing * (1.0 + 1e-12));
                prop_assert!(path.closure <= walked.closure * (1.0 + 1e-12));
                prop_assert!(path.closure_at_most >= walked.closure * (1.0 - 1e-12));
            }
        }
        for (&gap, cost) in gaps.iter().zip(&along) {
            let (_, alone) = optimum(&fw, &[gap], &completed, untagged);
            if cost.closable {
                prop_assert!(cost.closure_at_most >= alone * (1.0 - 1e-12));
            }
        }
        let own = Total::of(&along);
        prop_assert!(own.hours(true) <= best * (1.0 + 1e-12), "{} > {best}", own.hours(true));

        let table = post_tables(&fw);
        let mut post = Total::default();
        for &j in &short {
            post.add(&table[j]);
        }
        let full = full_closures(&fw, &completed);
        prop_assert!(post.open <= open);
        if post.open == open {
            prop_assert!(post.hours(full) <= best * (1.0 + 1e-12), "{} > {best}", post.hours(full));
        }
        // Computed per call with the rule, as successors does.
        let all: Vec<(u32, u8)> = reqs.iter().map(|r| (r.competency, r.level)).collect();
        gap_costs(&fw, &all, &[], untagged, &mut scratch, &mut costs);
        let mut per_call = Total::default();
        for &j in &short {
            per_call.add(&costs[j]);
        }
        prop_assert!(per_call.open <= open);
        if per_call.open == open {
            prop_assert!(per_call.hours(full) <= best * (1.0 + 1e-12));
        }
    }
}
