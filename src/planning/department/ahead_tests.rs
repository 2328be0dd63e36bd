//! Tests of `ahead.rs`: a department large enough for waiting officers to be scanned ahead
//! on a second thread settles to the plan it settles to on one thread, where every scan is
//! the loop's own (debug builds also check each list found ahead against a scan then).

use super::plan::{Department, Plan, Subproblem};
use crate::planning::cover::{Instance, Stepper};

/// The courses of the test's catalogue.
const COURSES: u32 = 40;

/// A pseudo-random number below `n` from `state` (splitmix64).
fn below(state: &mut u64, n: u32) -> u32 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    ((z ^ (z >> 31)) % u64::from(n)) as u32
}

/// An officer of 3–8 gaps worth 1–4 and 4–11 candidates of distinct courses, each closing
/// one or two gaps in 1–4 hours, one in three requiring an earlier candidate.
fn officer(state: &mut u64) -> Subproblem {
    let gaps = 3 + below(state, 6);
    let values = (0..gaps).map(|_| f64::from(1 + below(state, 4))).collect();
    let count = 4 + below(state, 8);
    let mut inst = Instance::with_capacity(values, count as usize, 2 * count as usize);
    let mut courses: Vec<u32> = Vec::new();
    for j in 0..count {
        let (a, b) = (below(state, gaps), below(state, gaps));
        let mut covers = vec![a.min(b), a.max(b)];
        covers.dedup();
        let pre: Vec<u32> = if j > 0 && below(state, 3) == 0 {
            vec![below(state, j)]
        } else {
            Vec::new()
        };
        let hours = f64::from(1 + below(state, 4));
        inst.push(hours, hours, &covers, &pre);
        let mut course = below(state, COURSES);
        while courses.contains(&course) {
            course = (course + 1) % COURSES;
        }
        courses.push(course);
    }
    inst.finish();
    Subproblem::new(inst, courses)
}

fn chosen(plan: &Plan) -> Vec<Vec<u32>> {
    plan.steppers.iter().map(Stepper::chosen).collect()
}

/// 1,500 officers sharing 40 courses of 30–69 seats, a cap of 9 hours and a budget of
/// 4,000 hours: seats and the budget run out, so officers' kept steps are lost and they
/// wait for scans. Settled on two threads, the plan is the one-thread plan.
#[test]
fn scans_ahead_give_the_plan_of_scans_on_the_loop() {
    for seed in 0..3u64 {
        let mut state = seed;
        let officers: Vec<Subproblem> = (0..1_500).map(|_| officer(&mut state)).collect();
        let refs: Vec<&Subproblem> = officers.iter().collect();
        let seats: Vec<u32> = (0..COURSES).map(|_| 30 + below(&mut state, 40)).collect();
        let mut dept = Department::for_tests(&refs, &seats, 9.0);
        dept.budget = 4_000.0;
        let mut one = dept.empty();
        dept.settle(&mut one);
        dept.threads = 2;
        let mut two = dept.empty();
        dept.settle(&mut two);
        assert_eq!(chosen(&one), chosen(&two), "seed {seed}");
        assert_eq!(one.seats_left, two.seats_left);
        assert_eq!(one.budget_left.to_bits(), two.budget_left.to_bits());
        assert!(one.seats_left.contains(&0), "{:?}", one.seats_left);
    }
}
