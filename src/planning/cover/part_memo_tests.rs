//! The claim `part_memo`'s key rests on, checked on random instances: a least-cost part's
//! solution, searched or not, by the exact table or by the whole reductions, is the same
//! whatever its elements' positive values.

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
