//! The claim `part_memo`'s key rests on, checked on random instances: a least-cost part's
//! solution, searched or not, by the exact table or by the whole reductions, is the same
//! whatever its elements' positive values; and what it must not rest on, that the exact
//! table and the part solver choose alike.

use super::exact::rows::solve_part;
use super::instance::tests::{laden, random};
use super::part_memo::same;
use super::solve::{bounded_cover, exact_cover};
use super::tiny::tiny_cover;

/// The claim the key rests on: a least-cost part's solution, searched or not, by the
/// exact table or by the whole reductions, is the same whatever its elements' positive
/// values.
#[test]
fn least_cost_solutions_do_not_depend_on_positive_values() {
    for seed in 0..160u64 {
        let (n, m) = (6 + (seed % 37) as u32, 3 + (seed % 13) as u32);
        let inst = if seed % 2 == 0 {
            random(seed, n, m, &[1.0, 2.0, 3.0, 4.5, 7.0])
        } else {
            laden(seed, n, m, 3)
        };
        let mut worth = inst.clone();
        worth.values = (0..m)
            .map(|e| f64::from(1 + (e * 7 + seed as u32) % 5) * 0.75)
            .collect();
        worth.set_values_derived();
        for (limit, search) in [(0, false), (300, true)] {
            let a = solve_part(&inst, limit, search, f64::INFINITY);
            let b = solve_part(&worth, limit, search, f64::INFINITY);
            assert!(same(&a.unwrap(), &b.unwrap()), "seed {seed}, {search}");
        }
        assert!(
            same(&bounded_cover(&inst), &bounded_cover(&worth)),
            "seed {seed}"
        );
        assert!(same(&exact_cover(&inst, 300), &exact_cover(&worth, 300)));
        assert_eq!(tiny_cover(&inst), tiny_cover(&worth), "seed {seed}");
    }
}

/// A part small enough for the exact table, on which the table and the part solver find
/// different plans of the same (least) cost: the reductions solve it by the table when
/// it is one part of several, by the part solver when it is a whole instance, so the
/// memo must not read one's plan back for the other (a `Recommender` did, and its plan
/// then differed from `Framework::recommend`'s).
#[test]
fn the_exact_table_and_the_part_solver_are_remembered_apart() {
    use super::instance::Instance;
    use super::part_memo::PartMemo;
    // Two elements, six candidates of one hour; 0 requires 5, 1 requires 4, 2 requires 3,
    // 3 requires 0.
    let covers: [&[u32]; 6] = [&[0], &[1], &[0], &[1], &[], &[0]];
    let pre: [&[u32]; 6] = [&[5], &[4], &[3], &[0], &[], &[]];
    let mut part = Instance::with_capacity(vec![4.0, 3.0], 6, 5);
    for (c, p) in covers.iter().zip(pre) {
        part.push(1.0, 1.0, c, p);
    }
    part.finish();
    let table = tiny_cover(&part).unwrap();
    let solver = solve_part(&part, 0, false, f64::INFINITY).unwrap();
    assert_eq!((table.cost, solver.cost), (3.0, 3.0));
    assert!(table.proven && solver.proven);
    assert_ne!(
        table.chosen, solver.chosen,
        "the plans this test needs to differ"
    );
    let memo = PartMemo::default();
    let tabled = |p: &Instance, limit, cutoff| match tiny_cover(p) {
        Some(s) => Ok(s),
        None => solve_part(p, limit, false, cutoff),
    };
    let alone = |p: &Instance, limit, cutoff| solve_part(p, limit, false, cutoff);
    let inf = f64::INFINITY;
    for _ in 0..2 {
        let a = memo.solve(&part, (0, false, true, inf), tabled).unwrap();
        let b = memo.solve(&part, (0, false, false, inf), alone).unwrap();
        assert!(same(&a, &table) && same(&b, &solver));
    }
    assert_eq!(memo.len(), 2);
}
