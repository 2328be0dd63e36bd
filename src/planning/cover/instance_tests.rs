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

/// Every candidate `c` reaches through `pre` (its closure, `c` left out), sorted.
fn closure(pre: &dyn Fn(u32) -> Vec<u32>, c: u32, n: usize) -> Vec<u32> {
    let mut seen = vec![false; n];
    let mut stack = pre(c);
    let mut out = Vec::new();
    while let Some(d) = stack.pop() {
        if !std::mem::replace(&mut seen[d as usize], true) {
            out.push(d);
            stack.extend(pre(d));
        }
    }
    out.sort_unstable();
    out
}

/// Where course i requires every course before it (n²/2 links), the links an earlier
/// course implies are dropped: a chain of n − 1 links, walked in O(n) per closure.
#[test]
fn dense_prerequisites_keep_the_links_they_need() {
    let n = 300_u32;
    let mut inst = Instance::with_capacity(vec![1.0; n as usize], n as usize, n as usize);
    for i in 0..n {
        let pre: Vec<u32> = (0..i).collect();
        inst.push(1.0, 1.0, &[i], &pre);
    }
    inst.finish();
    assert_eq!(inst.links(), n as usize - 1);
    for i in 1..n {
        assert_eq!(inst.prerequisites(i), &[i - 1]);
    }
}

/// On random prerequisite DAGs (candidates numbered out of topological order, rows of
/// every width), every closure over the rows kept is the closure over the rows given,
/// and every row kept is a subset of the row given.
#[test]
fn dropped_links_keep_every_closure() {
    let mut x = 7_u64;
    let mut next = |k: u64| {
        x = x
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (x >> 33) % k
    };
    for round in 0..200 {
        let n = 2 + next(60) as usize;
        // A random order: position `i` in the topological order is candidate `order[i]`.
        let mut order: Vec<u32> = (0..n as u32).collect();
        for i in (1..n).rev() {
            order.swap(i, next(i as u64 + 1) as usize);
        }
        let density = 1 + next(4);
        let mut rows = vec![Vec::new(); n];
        for i in 1..n {
            for j in 0..i {
                if next(4) < density {
                    rows[order[i] as usize].push(order[j]);
                }
            }
            rows[order[i] as usize].sort_unstable();
        }
        let mut inst = Instance::with_capacity(vec![1.0; n], n, n);
        for (c, row) in rows.iter().enumerate() {
            inst.push(1.0, 1.0, &[c as u32], row);
        }
        inst.finish();
        let given = |c: u32| rows[c as usize].clone();
        let kept = |c: u32| inst.prerequisites(c).to_vec();
        for c in 0..n as u32 {
            assert!(
                kept(c).iter().all(|p| rows[c as usize].contains(p)),
                "round {round}"
            );
            assert_eq!(
                closure(&kept, c, n),
                closure(&given, c, n),
                "round {round}, {c}"
            );
        }
        assert_eq!(inst.topo().len(), n);
    }
}
