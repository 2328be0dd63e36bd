//! Tests of `lazy.rs`: the department greedy finding officers' steps from lazy heaps takes
//! the steps of a greedy that values every step of every officer before each, and on a post
//! of n gaps closed two at a time by 2n courses it values O(n log n) candidates, not O(n²).

use super::lazy::VALUED;
use super::plan::{Department, Plan, Subproblem};
use crate::planning::cover::{Instance, StepChoice, Stepper, preferred};

/// One officer's `n` gaps, gap `i` worth `1 + (i + shift) % 3`, and `2n` courses, course
/// `j` closing gaps `j % n` and `(j + 1 + j / n) % n` in `1 + j % 2` hours (`varied`) or
/// one hour: the shape of a post whose courses each close two of its requirements.
fn post(n: u32, shift: u32, varied: bool) -> Subproblem {
    let values = (0..n).map(|i| f64::from(1 + (i + shift) % 3)).collect();
    let mut inst = Instance::with_capacity(values, 2 * n as usize, 4 * n as usize);
    for j in 0..2 * n {
        let (a, b) = (j % n, (j + 1 + j / n) % n);
        let mut covers = vec![a.min(b), a.max(b)];
        covers.dedup();
        let h = if varied { f64::from(1 + j % 2) } else { 1.0 };
        inst.push(h, h, &covers, &[]);
    }
    inst.finish();
    Subproblem::new(inst, (0..2 * n).collect())
}

/// The greedy over all officers valuing every step of every officer before each: the
/// best step (most value per hour, then fewer hours, then the lower candidate) of the
/// officer whose best is best (then the officer listed first), until none is left.
fn oracle(dept: &Department, plan: &mut Plan) {
    loop {
        let mut best: Option<(usize, StepChoice)> = None;
        for (o, p) in dept.officers.iter().enumerate() {
            let hours_left = (dept.cap - plan.steppers[o].hours()).min(plan.budget_left);
            let allowed = |c: u32| plan.seats_left[p.courses[c as usize] as usize] > 0;
            let mine = (0..p.inst.len() as u32)
                .filter_map(|c| plan.steppers[o].step_if(&p.inst, c, hours_left, allowed))
                .min_by(|a, b| preferred(&(a.gain, a.hours, a.cand), &(b.gain, b.hours, b.cand)));
            let Some(s) = mine else {
                continue;
            };
            let better = best.is_none_or(|(_, b)| {
                (s.gain / s.hours)
                    .total_cmp(&(b.gain / b.hours))
                    .then(b.hours.total_cmp(&s.hours))
                    .is_gt()
            });
            if better {
                best = Some((o, s));
            }
        }
        let Some((o, s)) = best else {
            return;
        };
        dept.take(plan, o, s, &mut Vec::new());
    }
}

fn chosen(plan: &Plan) -> Vec<Vec<u32>> {
    plan.steppers.iter().map(Stepper::chosen).collect()
}

/// Candidates valued to find waiting officers' steps again in one select on `officers`
/// with `seats` per course, and the enrolments it chose, checked against [`oracle`].
fn select(officers: &[Subproblem], seats: u32, cap: f64) -> u64 {
    let refs: Vec<&Subproblem> = officers.iter().collect();
    let seats = vec![seats; 2 * officers[0].inst.len()];
    let dept = Department::for_tests(&refs, &seats, cap);
    let mut plan = dept.empty();
    let before = VALUED.with(std::cell::Cell::get);
    dept.select(&mut plan);
    let valued = VALUED.with(std::cell::Cell::get) - before;
    let mut expected = dept.empty();
    oracle(&dept, &mut expected);
    assert_eq!(
        chosen(&plan),
        chosen(&expected),
        "the steps a full scan takes"
    );
    valued
}

#[test]
fn lazy_heaps_take_the_steps_of_a_full_scan() {
    for varied in [false, true] {
        for (seats, cap) in [(u32::MAX, f64::INFINITY), (1, f64::INFINITY), (1, 90.0)] {
            let officers: Vec<Subproblem> = (0..3).map(|s| post(150, s, varied)).collect();
            select(&officers, seats, cap);
        }
    }
}

/// On one officer's post of n gaps (at least 128, so that the officer's 2n candidates get
/// a heap), quadrupling n multiplies the candidates valued by about 4 (5 at most: 4 and a
/// logarithm's growth), where a scan of every candidate each time the officer's kept
/// steps run out multiplies them by about 16.
#[test]
fn a_post_four_times_larger_values_about_four_times_more() {
    let small = select(&[post(200, 0, false)], u32::MAX, f64::INFINITY);
    let large = select(&[post(800, 0, false)], u32::MAX, f64::INFINITY);
    assert!(large <= 5 * small, "{small} -> {large}");
}
