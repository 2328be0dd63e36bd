//! Tests of `instance.rs`: the common unit read without `trunc` against the reading
//! through `fract`, and an instance built from its columns against one pushed candidate
//! by candidate.

// Units and costs here are exact in floating point.
#![allow(clippy::float_cmp)]

use super::instance::tests::laden;
use super::instance::{Instance, Rows, common_unit};

fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// `common_unit` as it read whole numbers before, through `fract`: the oracle.
// Whole, non-negative numbers below 10^12 (checked first) convert exactly.
#[allow(clippy::cast_sign_loss)]
fn common_unit_by_fract(values: &[f64]) -> Option<f64> {
    let q = [1.0, 0.5, 0.25, 0.125].into_iter().find(|&q| {
        values
            .iter()
            .all(|&v| (v / q).fract() == 0.0 && (0.0..1e12).contains(&(v / q)))
    })?;
    let g = values.iter().fold(0, |g, &v| gcd(g, (v / q) as u64));
    Some(if g == 0 { q } else { g as f64 * q })
}

#[test]
fn the_common_unit_reads_whole_numbers_as_fract_does() {
    let edges = [
        0.0,
        -0.0,
        -1.0,
        0.5,
        1.5,
        0.375,
        1e-300,
        5e-324,
        1e12 - 1.0,
        1e12,
        1e12 - 0.5,
        1e12 - 0.125,
        4.5e15,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
    ];
    let mut cases: Vec<Vec<f64>> = vec![vec![]];
    for &a in &edges {
        cases.push(vec![a]);
        for &b in &edges {
            cases.push(vec![a, b, 6.0]);
        }
    }
    // Hours as catalogues give them: whole, halves, eighths, tenths.
    let mut x = 7_u64;
    for _ in 0..2_000 {
        let len = (x % 7) as usize;
        let mut case = Vec::new();
        for _ in 0..len {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let whole = (x >> 33) % 400;
            let step = [1.0, 0.5, 0.125, 0.1][((x >> 20) % 4) as usize];
            case.push(whole as f64 * step);
        }
        x = x.wrapping_add(1);
        cases.push(case);
    }
    for case in &cases {
        let (got, want) = (common_unit(case), common_unit_by_fract(case));
        assert_eq!(
            got.map(f64::to_bits),
            want.map(f64::to_bits),
            "values {case:?}"
        );
    }
}

#[test]
fn columns_give_the_instance_pushing_gives() {
    for seed in 0..200 {
        let pushed = laden(seed, 40, 12, 3);
        let n = pushed.len() as u32;
        let rows = |row: &dyn Fn(u32) -> Vec<u32>| {
            let (mut start, mut items) = (vec![0], Vec::new());
            for c in 0..n {
                items.extend(row(c));
                start.push(items.len() as u32);
            }
            Rows::from_parts(start, items)
        };
        let mut columns = Instance::from_columns(
            pushed.values.clone(),
            (pushed.cost.clone(), pushed.hours.clone()),
            rows(&|c| pushed.covers(c).to_vec()),
            rows(&|c| pushed.prerequisites(c).to_vec()),
        );
        columns.finish();
        assert_eq!(format!("{columns:?}"), format!("{pushed:?}"), "seed {seed}");
    }
}
