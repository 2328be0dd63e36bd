//! Rows a shared prerequisite implies: when several closers of an element `e` require the
//! same candidate `p` (transitively), every plan closing `e` holds `p` or a closer of `e`
//! not requiring `p`, so
//!
//! ```text
//! x_p + Σ_{j closes e, j does not require p} x_j ≥ 1
//! ```
//!
//! holds for every plan (a plan holds the prerequisites of what it holds). Added as rows of
//! their own (elements no candidate's hours or value depend on), they leave the plans and
//! their costs as they were, and tighten the linear relaxation: with prerequisite rows
//! alone it may take two closers requiring `p` at one half each and `p` at one half, which
//! the new row forbids. With a single closer requiring `p` the row follows from the
//! element's row and `x_j ≤ x_p`, so only prerequisites two or more closers share give one.
//! On the department-sized `current` instance of `bench_plans` the relaxation without the
//! closings prerequisites already make (`implied.rs`) rises from 47,462 h to 47,488 h
//! with them (optimum 47,493 h).

use super::implied::walk_budget;
use super::instance::Instance;

/// The instance with a row added for every (element, shared prerequisite) pair of the
/// module's docs, or `None` when there is none. Same candidates, costs, hours and
/// prerequisites, same indices; the elements `0..m` are the instance's, the rows follow
/// (value 1, which a least-cost solver ignores), each listed once, and candidates' element
/// lists grow by the rows holding them. Rows holding in all more than the instance's
/// (candidate, element) pairs are not added.
///
/// For each element of two or more closers, a walk up each closer's prerequisites lists
/// the candidates it requires; those listed for two or more closers and not closing the
/// element themselves give the rows. The walks stop after `implied::WORK_PER_ITEM` edges per item
/// of the instance in all.
///
/// # Complexity
/// O((n + m + z + q) log(n + m + z + q)) time, O(n + m + z + q) memory, for n candidates,
/// m elements, z (candidate, element) pairs and q prerequisite pairs.
pub(super) fn with_shared_prerequisite_rows(inst: &Instance) -> Option<Instance> {
    let (owned, pairs) = shared_prerequisite_rows(inst)?;
    let mut rows: Vec<Vec<u32>> = owned.into_iter().map(|(_, row)| row).collect();
    crate::model::order::sort_unstable(&mut rows);
    rows.dedup();
    Some(with_rows(inst, &rows, pairs))
}

/// The rows of [`with_shared_prerequisite_rows`] with the element each comes from, for a
/// budgeted relaxation, where the row bounds that element's closed share:
/// `y_e ≤ x_p + Σ_{j closes e, j does not require p} x_j` (a plan closing `e` holds `p` or
/// such a `j`). `None` when there is none. The instance returned has the rows as elements
/// `m..m + r` as [`with_shared_prerequisite_rows`]'s does (each (element, row) pair once),
/// and the second vector gives row `m + k`'s element at `k`.
///
/// # Complexity
/// As [`with_shared_prerequisite_rows`].
pub(super) fn with_owned_rows(inst: &Instance) -> Option<(Instance, Vec<u32>)> {
    let (mut found, pairs) = shared_prerequisite_rows(inst)?;
    crate::model::order::sort_unstable(&mut found);
    found.dedup();
    let owner = found.iter().map(|&(e, _)| e).collect();
    let rows: Vec<Vec<u32>> = found.into_iter().map(|(_, row)| row).collect();
    Some((with_rows(inst, &rows, pairs), owner))
}

/// An element and a row of candidates for it.
type ElementRow = (u32, Vec<u32>);

/// The (element, row) pairs of the module's docs, each row's candidates ascending, and the
/// instance's number of (candidate, element) pairs; `None` when there is none.
fn shared_prerequisite_rows(inst: &Instance) -> Option<(Vec<ElementRow>, usize)> {
    let n = inst.len();
    let m = inst.values.len();
    let (mut work, pairs) = walk_budget(inst)?;
    let mut room = pairs;
    // `seen[p] == walk` when the current walk reached p; `closer[j] == e + 1` when j
    // closes e.
    let mut seen = vec![0u32; n];
    let mut closer = vec![0u32; n];
    let mut walk = 0u32;
    let mut stack: Vec<u32> = Vec::new();
    // (prerequisite, closer requiring it) for the current element.
    let mut found: Vec<(u32, u32)> = Vec::new();
    let mut rows: Vec<ElementRow> = Vec::new();
    let mut row: Vec<u32> = Vec::new();
    'elements: for e in 0..m as u32 {
        let closers = inst.closers(e);
        if closers.len() < 2
            || closers
                .iter()
                .filter(|&&j| !inst.prerequisites(j).is_empty())
                .count()
                < 2
        {
            continue;
        }
        found.clear();
        for &j in closers {
            closer[j as usize] = e + 1;
            walk += 1;
            seen[j as usize] = walk;
            stack.clear();
            stack.push(j);
            while let Some(v) = stack.pop() {
                for &p in inst.prerequisites(v) {
                    if work == 0 {
                        break 'elements;
                    }
                    work -= 1;
                    if seen[p as usize] != walk {
                        seen[p as usize] = walk;
                        stack.push(p);
                        found.push((p, j));
                    }
                }
            }
        }
        crate::model::order::sort_unstable(&mut found);
        let mut at = 0;
        while at < found.len() {
            let p = found[at].0;
            let end = at + found[at..].iter().take_while(|f| f.0 == p).count();
            let requiring = &found[at..end];
            at = end;
            if requiring.len() < 2 || closer[p as usize] == e + 1 {
                continue;
            }
            // The closers not requiring p (both lists ascending), and p.
            row.clear();
            let mut r = requiring.iter().map(|f| f.1).peekable();
            for &j in closers {
                if r.peek() == Some(&j) {
                    r.next();
                } else {
                    row.push(j);
                }
            }
            row.push(p);
            if row.len() > room {
                break 'elements;
            }
            room -= row.len();
            crate::model::order::sort_unstable(&mut row);
            rows.push((e, row.clone()));
        }
    }
    if rows.is_empty() {
        return None;
    }
    Some((rows, pairs))
}

/// `inst` with `rows` (lists of candidates) added as elements after its own; `pairs` is
/// its number of (candidate, element) pairs. O(n + z + r log r) for r items in `rows`.
fn with_rows(inst: &Instance, rows: &[Vec<u32>], pairs: usize) -> Instance {
    let n = inst.len();
    let m = inst.values.len();
    // Each candidate's added rows, by candidate.
    let mut held: Vec<(u32, u32)> = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        for &j in row {
            held.push((j, (m + r) as u32));
        }
    }
    crate::model::order::sort_unstable(&mut held);
    let mut values = inst.values.clone();
    values.resize(m + rows.len(), 1.0);
    let mut out = Instance::with_capacity(values, n, pairs + held.len());
    let mut covers = Vec::new();
    let mut at = 0;
    for j in 0..n as u32 {
        covers.clear();
        covers.extend_from_slice(inst.covers(j));
        while at < held.len() && held[at].0 == j {
            covers.push(held[at].1);
            at += 1;
        }
        out.push(inst.cost(j), inst.hours(j), &covers, inst.prerequisites(j));
    }
    out.finish();
    out
}
