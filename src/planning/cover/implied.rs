//! Closings a prerequisite already makes: a candidate `j` closing element `e` while one of
//! its prerequisites (transitively) closes `e` too need not count as a closer of `e`.
//!
//! Every plan holds the prerequisites of what it holds, so a plan holding `j` holds that
//! prerequisite and closes `e` through it: dropping `e` from `j`'s elements leaves every
//! plan closing the same elements at the same cost, hence the same optimum and the same
//! plans. The linear relaxation gets tighter, though: it may take `j` and its prerequisite
//! at one half each and count `e` closed once, which the row without `j` forbids. On the
//! department-sized `current` instance this alone lifts the relaxation from 47,356 h to
//! 47,462 h (optimum 47,493 h), and an element closed only by a course and the courses
//! requiring it then has one closer, which the search's propagation takes.

use super::instance::Instance;

/// Edges walked per (candidate, element) pair, prerequisite pair, candidate and element
/// before a walk over the prerequisites stops: it then keeps what it found, each result
/// valid on its own, so the time stays linear in the instance whatever the prerequisite
/// closures' sizes. Shared with `cuts.rs`.
pub(super) const WORK_PER_ITEM: u64 = 16;

/// The edges the walks over `inst`'s prerequisites may take ([`WORK_PER_ITEM`] per item of
/// the instance) and its number of (candidate, element) pairs; `None` when no candidate
/// has prerequisites, so there is nothing to walk.
///
/// # Complexity
/// O(n + z + q) for n candidates, z (candidate, element) pairs and q prerequisite pairs.
pub(super) fn walk_budget(inst: &Instance) -> Option<(u64, usize)> {
    let n = inst.len();
    if inst
        .topo()
        .iter()
        .all(|&j| inst.prerequisites(j).is_empty())
    {
        return None;
    }
    let pairs: usize = (0..n as u32).map(|j| inst.covers(j).len()).sum();
    let links: usize = (0..n as u32).map(|j| inst.prerequisites(j).len()).sum();
    let items = n + inst.values.len() + pairs + links;
    Some((WORK_PER_ITEM * items as u64, pairs))
}

/// The instance with every closing a prerequisite makes dropped (see the module's docs),
/// or `None` when there is none (no candidate with prerequisites closes an element one of
/// its prerequisites closes). Same candidates, elements, costs and prerequisites, same
/// indices; only candidates' element lists shrink, and every element keeps a closer.
///
/// For each element of two or more closers, a walk from its closers down the candidates
/// requiring them finds the closers that require another (each candidate visited once per
/// element); the walks stop after [`WORK_PER_ITEM`] edges per item of the instance in all.
///
/// # Complexity
/// O(n + m + z + q) time and memory for n candidates, m elements, z (candidate, element)
/// pairs and q prerequisite pairs.
pub(super) fn without_implied_closers(inst: &Instance) -> Option<Instance> {
    let n = inst.len();
    let m = inst.values.len();
    let (mut work, pairs) = walk_budget(inst)?;
    // Stamps per element: `closer[j] == e + 1` when j closes e, `seen[j]` when the walk
    // for e reached j.
    let mut closer = vec![0u32; n];
    let mut seen = vec![0u32; n];
    let mut queue: Vec<u32> = Vec::new();
    let mut implied: Vec<(u32, u32)> = Vec::new();
    'elements: for e in 0..m as u32 {
        let closers = inst.closers(e);
        if closers.len() < 2 {
            continue;
        }
        let stamp = e + 1;
        queue.clear();
        for &j in closers {
            closer[j as usize] = stamp;
            seen[j as usize] = stamp;
            queue.push(j);
        }
        let mut next = 0;
        while next < queue.len() {
            let v = queue[next];
            next += 1;
            for &d in inst.dependants(v) {
                if work == 0 {
                    break 'elements;
                }
                work -= 1;
                if closer[d as usize] == stamp {
                    // Reached from a closer: it requires one, transitively.
                    implied.push((d, e));
                }
                if seen[d as usize] != stamp {
                    seen[d as usize] = stamp;
                    queue.push(d);
                }
            }
        }
    }
    if implied.is_empty() {
        return None;
    }
    crate::model::order::sort_unstable(&mut implied);
    implied.dedup();
    let mut sub = Instance::with_capacity(inst.values.clone(), n, pairs - implied.len());
    let mut covers = Vec::new();
    let mut at = 0;
    for j in 0..n as u32 {
        covers.clear();
        for &e in inst.covers(j) {
            while at < implied.len() && implied[at] < (j, e) {
                at += 1;
            }
            if implied.get(at) != Some(&(j, e)) {
                covers.push(e);
            }
        }
        sub.push(inst.cost(j), inst.hours(j), &covers, inst.prerequisites(j));
    }
    sub.finish();
    Some(sub)
}
