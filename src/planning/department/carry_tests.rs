//! The settle with records carried between its `select` calls takes the same steps as one
//! that scans every officer at the start of each.

use super::carry::{Carry, Known};
use super::plan::{Department, Plan, Subproblem};
use crate::planning::cover::{Instance, Stepper};

/// splitmix64 draws below `k`.
struct Draw(u64);

impl Draw {
    fn below(&mut self, k: u32) -> u32 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        u32::try_from((z ^ (z >> 31)) % u64::from(k)).unwrap_or(0)
    }
}

/// An officer's problem: 4 to 15 candidates, each on its own course of `courses`, closing
/// 1 to 3 of 3 to 10 gaps worth 1 to 4, of 1 to 6 hours, one in three requiring an earlier
/// candidate.
fn subproblem(draw: &mut Draw, courses: u32) -> Subproblem {
    let n = 4 + draw.below(12);
    let m = 3 + draw.below(8);
    let values = (0..m).map(|_| f64::from(1 + draw.below(4))).collect();
    let mut inst = Instance::with_capacity(values, n as usize, 0);
    let mut pool: Vec<u32> = (0..courses).collect();
    let mut picked = Vec::new();
    for i in 0..n {
        let mut covers: Vec<u32> = (0..=draw.below(3)).map(|_| draw.below(m)).collect();
        covers.sort_unstable();
        covers.dedup();
        let pre = if i > 0 && draw.below(3) == 0 {
            vec![draw.below(i)]
        } else {
            vec![]
        };
        let hours = f64::from(1 + draw.below(6));
        inst.push(hours, hours, &covers, &pre);
        let at = draw.below(pool.len() as u32) as usize;
        picked.push(pool.swap_remove(at));
    }
    inst.finish();
    Subproblem::new(inst, picked)
}

/// The settle before records were carried: every officer scanned at the start of every
/// `select`.
fn settle_scanning_all(dept: &Department<'_>, plan: &mut Plan) {
    dept.select_without(plan, None);
    while dept.drop_redundant(plan) && dept.select_without(plan, None) {}
}

#[test]
fn carried_records_take_the_same_steps_and_skip_scans() {
    let mut skipped = 0;
    for seed in 0..300 {
        let mut draw = Draw(seed);
        let courses = 16 + draw.below(16);
        let built: Vec<Subproblem> = (0..2 + draw.below(40))
            .map(|_| subproblem(&mut draw, courses))
            .collect();
        let officers: Vec<&Subproblem> = built.iter().collect();
        let seat_limit: Vec<u32> = (0..courses).map(|_| 1 + draw.below(5)).collect();
        let dept = Department {
            officers: &officers,
            seat_limit: &seat_limit,
            budget: f64::from(2 + draw.below(4 * officers.len() as u32 + 8)),
            cap: f64::from(2 + draw.below(14)),
            threads: 1 + (seed % 2) as usize,
        };
        let mut expected = dept.empty();
        settle_scanning_all(&dept, &mut expected);
        // `Department::settle`, counting the officers whose records spared a scan.
        let mut plan = dept.empty();
        let mut carry = Carry::new(&dept, &plan);
        dept.select(&mut plan, &mut carry);
        while dept.drop_marking(&mut plan, Some(&mut carry.changed)) {
            let since = carry.since(&plan);
            skipped += (0..officers.len())
                .filter(|&o| !matches!(carry.known(&dept, &plan, o, since), Known::Scan))
                .count();
            if !dept.select(&mut plan, &mut carry) {
                break;
            }
        }
        let chosen = |p: &Plan| p.steppers.iter().map(Stepper::chosen).collect::<Vec<_>>();
        assert_eq!(chosen(&plan), chosen(&expected), "seed {seed}");
        assert_eq!(plan.seats_left, expected.seats_left, "seed {seed}");
        assert_eq!(
            plan.budget_left.to_bits(),
            expected.budget_left.to_bits(),
            "seed {seed}"
        );
        let mut settled = dept.empty();
        dept.settle(&mut settled);
        assert_eq!(chosen(&settled), chosen(&expected), "seed {seed}");
    }
    assert!(skipped > 0, "no officer's records spared a scan");
}
