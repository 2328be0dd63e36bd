//! Reductions that keep the optimum: independent parts of an instance (solved apart) and
//! candidates another candidate dominates (never needed by some optimal plan).

use super::instance::Instance;
use super::state::State;
use crate::model::order;

/// One independent part of an instance: a sub-instance and where its local indices come
/// from.
pub(crate) struct Part {
    pub(crate) inst: Instance,
    /// Original index of each local candidate, ascending.
    pub(crate) candidates: Vec<u32>,
}

fn find(parent: &mut [u32], mut x: u32) -> u32 {
    while parent[x as usize] != x {
        let up = parent[parent[x as usize] as usize];
        parent[x as usize] = up;
        x = up;
    }
    x
}

fn union(parent: &mut [u32], a: u32, b: u32) {
    let (a, b) = (find(parent, a), find(parent, b));
    // The smaller root wins, so the partition's labels do not depend on the union order.
    if a < b {
        parent[b as usize] = a;
    } else if b < a {
        parent[a as usize] = b;
    }
}

/// The independent parts of what is left of a least-cost instance once the `chosen`
/// candidates are taken and the `excluded` ones set aside: the free candidates (neither)
/// are linked when they close a common `open` element or one requires the other, and a
/// plan of the rest is the union of plans of the parts, its cost their sum and its bound
/// the sum of theirs. Each part is a sub-instance over its open elements and free
/// candidates, with the chosen prerequisites dropped (they are paid for); parts closing no
/// open element are left out (a least-cost plan takes nothing there).
///
/// Each part's instance is returned unfinished (its rows pushed, [`Instance::finish`] not
/// called): a caller reading a part's plan back from memory needs only those, and finishes
/// the others before solving them.
///
/// Parts come ordered by size, smallest first, ties by their smallest candidate. A part
/// with a single open element is not built: its element is appended to `single` instead
/// (the cheapest unchosen closure of one of its free closers is that part's optimum; see
/// [`cheapest_closer`]).
///
/// # Complexity
/// O((n + z + q) · α(n)) for n candidates, z (candidate, element) pairs and q prerequisite
/// pairs, plus O(n + z + q) to build the parts.
pub(crate) fn parts(
    inst: &Instance,
    chosen: &[bool],
    excluded: &[bool],
    open: impl Fn(u32) -> bool,
    single: &mut Vec<u32>,
) -> Vec<Part> {
    let n = inst.len() as u32;
    let free = |j: u32| !chosen[j as usize] && !excluded[j as usize];
    let mut parent: Vec<u32> = (0..n).collect();
    let first_free = |e: u32| inst.closers(e).iter().copied().find(|&j| free(j));
    for e in 0..inst.values.len() as u32 {
        if !open(e) {
            continue;
        }
        if let Some(first) = first_free(e) {
            for &j in inst.closers(e) {
                if free(j) {
                    union(&mut parent, first, j);
                }
            }
        }
    }
    for j in (0..n).filter(|&j| free(j)) {
        for &p in inst.prerequisites(j) {
            if free(p) {
                union(&mut parent, j, p);
            }
        }
    }
    // Number each part holding an open element, in order of its first such element.
    let mut label = vec![u32::MAX; n as usize];
    let mut elements: Vec<Vec<u32>> = Vec::new();
    let mut element_local = vec![u32::MAX; inst.values.len()];
    for e in 0..inst.values.len() as u32 {
        if !open(e) {
            continue;
        }
        if let Some(j) = first_free(e) {
            let r = find(&mut parent, j) as usize;
            if label[r] == u32::MAX {
                label[r] = elements.len() as u32;
                elements.push(Vec::new());
            }
            let l = label[r] as usize;
            element_local[e as usize] = elements[l].len() as u32;
            elements[l].push(e);
        }
    }
    let mut members: Vec<Vec<u32>> = vec![Vec::new(); elements.len()];
    let mut local = vec![u32::MAX; n as usize];
    for j in (0..n).filter(|&j| free(j)) {
        let l = label[find(&mut parent, j) as usize];
        if let Some(list) = members.get_mut(l as usize)
            && elements[l as usize].len() > 1
        {
            local[j as usize] = list.len() as u32;
            list.push(j);
        }
    }
    let mut out: Vec<Part> = Vec::with_capacity(elements.len());
    let mut covers = Vec::new();
    let mut pre = Vec::new();
    for (list, els) in members.into_iter().zip(elements) {
        if let [e] = els[..] {
            single.push(e);
            continue;
        }
        let pairs = list.iter().map(|&j| inst.covers(j).len()).sum();
        let values = els.iter().map(|&e| inst.values[e as usize]).collect();
        let mut sub = Instance::with_capacity(values, list.len(), pairs);
        for &j in &list {
            covers.clear();
            covers.extend(
                inst.covers(j)
                    .iter()
                    .filter(|&&e| element_local[e as usize] != u32::MAX)
                    .map(|&e| element_local[e as usize]),
            );
            pre.clear();
            pre.extend(
                inst.prerequisites(j)
                    .iter()
                    .filter(|&&p| free(p))
                    .map(|&p| local[p as usize]),
            );
            order::sort_unstable(&mut pre);
            sub.push(inst.cost(j), inst.hours(j), &covers, &pre);
        }
        out.push(Part {
            inst: sub,
            candidates: list,
        });
    }
    order::sort_by_key(&mut out, |p| {
        (p.candidates.len(), p.candidates.first().copied())
    });
    out
}

/// The optimum of a part with one open element `e` ([`parts`]' `single`): the closer of
/// `e`, neither chosen nor `excluded`, whose unchosen prerequisite closure (with it) costs
/// least and holds nothing excluded; ties go to the smaller index. Every plan of the part
/// holds some closer with that closure, so none costs less. `None` when no closer
/// qualifies.
///
/// With `lower` ([`heaviest_chains`], not empty), the closers are walked in order of that
/// lower bound on their closure's cost, and the walks stop at the first closer whose bound
/// passes the cheapest closure found by more than half a [`Instance::step`] (with a quarter
/// step to spare for the rounding of sums in another order): no such closer, nor any after
/// it, can cost less. Among the closers walked the choice is the scan's in index order, so
/// it is the same closer as a walk of every closer's when costs are whole multiples of the
/// unit (and within half a step of it otherwise). On a chain of closers, each requiring the
/// one before, this walks the cheapest closure alone instead of all of them, O(n²).
///
/// # Complexity
/// O(Σ w) for the walks w over each closer's unchosen closure; with `lower`, over the
/// closures of the closers walked only, plus O(k log k) for the k closers.
pub(crate) fn cheapest_closer(
    inst: &Instance,
    state: &State,
    excluded: &[bool],
    e: u32,
    lower: &[f64],
) -> Option<u32> {
    let free = |j: u32| !state.chosen[j as usize] && !excluded[j as usize];
    let closure = |j: u32| {
        let mut cost = 0.0;
        let blocked = state.walk_up(inst, j, true, |d| {
            #[cfg(test)]
            CLOSURE_WALKED.with(|w| w.set(w.get() + 1));
            cost += inst.cost(d);
            excluded[d as usize]
        });
        (!blocked).then_some(cost)
    };
    let mut walked: Vec<(u32, f64)> = Vec::new();
    if lower.is_empty() {
        walked.extend(
            inst.closers(e)
                .iter()
                .filter(|&&j| free(j))
                .filter_map(|&j| closure(j).map(|cost| (j, cost))),
        );
    } else {
        let mut by_bound: Vec<u32> = inst
            .closers(e)
            .iter()
            .copied()
            .filter(|&j| free(j))
            .collect();
        order::sort_unstable_by(&mut by_bound, |&a, &b| {
            lower[a as usize]
                .total_cmp(&lower[b as usize])
                .then(a.cmp(&b))
        });
        let mut least = f64::INFINITY;
        for j in by_bound {
            if lower[j as usize] > least + inst.step(least) * 0.75 {
                break;
            }
            if let Some(cost) = closure(j) {
                least = least.min(cost);
                walked.push((j, cost));
            }
        }
        order::sort_unstable_by(&mut walked, |a, b| a.0.cmp(&b.0));
    }
    let mut best: Option<(u32, f64)> = None;
    for (j, cost) in walked {
        if best.is_none_or(|(_, c)| cost < c - inst.step(c) / 2.0) {
            best = Some((j, cost));
        }
    }
    best.map(|(j, _)| j)
}

#[cfg(test)]
thread_local! {
    /// Candidates walked by [`cheapest_closer`] on this thread, for tests that count work.
    pub(super) static CLOSURE_WALKED: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Per candidate, the cost of its heaviest chain of unchosen prerequisites (with it): a
/// lower bound on the cost of its unchosen closure, and that cost itself when each
/// candidate of the closure has at most one unchosen prerequisite (a chain). Chosen
/// candidates get 0. For [`cheapest_closer`].
///
/// # Complexity
/// O(n + q) for n candidates and q prerequisite pairs: one pass, prerequisites first.
pub(crate) fn heaviest_chains(inst: &Instance, chosen: &[bool]) -> Vec<f64> {
    let mut lower = vec![0.0; inst.len()];
    for &j in inst.topo() {
        if !chosen[j as usize] {
            let above = inst
                .prerequisites(j)
                .iter()
                .map(|&p| lower[p as usize])
                .fold(0.0, f64::max);
            lower[j as usize] = inst.cost(j) + above;
        }
    }
    lower
}

/// The sub-instance of the candidates not `excluded`, over every element: prerequisites
/// are kept, so `excluded` must be closed under dependants (none of a kept candidate's
/// prerequisites excluded), as [`exclude_dominated`], which never sets aside a candidate
/// something free requires, and `budget::unaffordable` leave it.
///
/// # Complexity
/// O(n + z + q) for n candidates, z (candidate, element) pairs and q prerequisite pairs.
pub(crate) fn restrict(inst: &Instance, excluded: &[bool]) -> Part {
    let n = inst.len() as u32;
    let list: Vec<u32> = (0..n).filter(|&j| !excluded[j as usize]).collect();
    let mut local = vec![u32::MAX; n as usize];
    for (i, &j) in list.iter().enumerate() {
        local[j as usize] = i as u32;
    }
    let pairs = list.iter().map(|&j| inst.covers(j).len()).sum();
    let mut sub = Instance::with_capacity(inst.values.clone(), list.len(), pairs);
    let mut pre = Vec::new();
    for &j in &list {
        debug_assert!(
            inst.prerequisites(j).iter().all(|&p| !excluded[p as usize]),
            "candidate {j} kept without its prerequisites"
        );
        pre.clear();
        pre.extend(
            inst.prerequisites(j)
                .iter()
                .map(|&p| local[p as usize])
                .filter(|&p| p != u32::MAX),
        );
        order::sort_unstable(&mut pre);
        sub.push(inst.cost(j), inst.hours(j), inst.covers(j), &pre);
    }
    sub.finish();
    Part {
        inst: sub,
        candidates: list,
    }
}

/// Marks, among the `free` candidates, those no optimal plan needs beyond what is chosen:
/// `j` is dominated when no free candidate requires it and either a free candidate `k`
/// whose prerequisites are all chosen closes every open element `j` closes (`open`), for
/// no more selection cost and no more hours (ties go to the smaller index, then to the
/// larger set), or its direct prerequisites between them close every open element it
/// closes. Swapping `j` for `k` in any plan keeps it feasible, closes at least as much, and
/// costs and lasts no more; a plan holding `j` holds its prerequisites, so dropping `j`
/// keeps it feasible, closes as much and costs and lasts no more. So some optimal plan —
/// least cost, or most value within hours and then least cost — avoids every dominated
/// candidate (take one, and drop or swap the marked candidates in the order they were
/// marked). Chains of dominance end at an undominated candidate, as the order is strict.
/// Returns how many it marked (in `excluded`, which is also read as not free).
///
/// Only the free candidates `dirty` marks are looked at, and their marks are cleared; a
/// marked candidate's prerequisites are marked (they lost a dependant). A caller calling
/// again after more is chosen or set aside marks what that may make dominated
/// ([`dirty_after_choosing`]): the test above only gets harder as candidates are set
/// aside and elements stay open, so a candidate found undominated stays so until then.
///
/// # Complexity
/// O(n · d · s) for n candidates, d ≤ [`DOMINANCE_TRIES`] closers looked at per candidate
/// (of its open element with the fewest closers) and s elements per candidate.
pub(crate) fn exclude_dominated(
    inst: &Instance,
    chosen: &[bool],
    excluded: &mut [bool],
    dirty: &mut [bool],
    open: impl Fn(u32) -> bool,
) -> usize {
    let n = inst.len() as u32;
    let mut marked = 0;
    let mut mine: Vec<u32> = Vec::new();
    for j in 0..n {
        // After the first call most candidates are clean: that test first.
        let free = |c: u32| !chosen[c as usize] && !excluded[c as usize];
        if !dirty[j as usize] || !free(j) {
            continue;
        }
        dirty[j as usize] = false;
        if inst.dependants(j).iter().any(|&d| free(d)) {
            continue;
        }
        mine.clear();
        mine.extend(inst.covers(j).iter().copied().filter(|&e| open(e)));
        let dominated = match mine.iter().min_by_key(|&&e| (inst.closers(e).len(), e)) {
            // Closes nothing open: any plan holding it is improved by dropping it.
            None => true,
            // Its prerequisites close all it closes: a plan holding it holds them too, and
            // is improved by dropping it.
            Some(_)
                if !inst.prerequisites(j).is_empty()
                    && mine.iter().all(|&e| {
                        inst.prerequisites(j)
                            .iter()
                            .any(|&p| inst.covers(p).binary_search(&e).is_ok())
                    }) =>
            {
                true
            }
            Some(&rarest) => {
                let (cost, hours) = (inst.cost(j), inst.hours(j));
                let size = mine.len();
                inst.closers(rarest).iter().take(DOMINANCE_TRIES).any(|&k| {
                    k != j
                        && inst.cost(k) <= cost
                        && inst.hours(k) <= hours
                        && free(k)
                        && inst.prerequisites(k).iter().all(|&p| chosen[p as usize])
                        && subset(&mine, inst.covers(k))
                        && (inst.cost(k) < cost
                            || inst.hours(k) < hours
                            || k < j
                            || inst.covers(k).iter().filter(|&&e| open(e)).count() > size)
                })
            }
        };
        if dominated {
            excluded[j as usize] = true;
            marked += 1;
            for &p in inst.prerequisites(j) {
                dirty[p as usize] = true;
            }
        }
    }
    marked
}

/// Marks, for [`exclude_dominated`], the candidates that choosing `c` may make dominated:
/// its prerequisites (`c` no longer a free dependant), the closers of the elements it
/// closes (fewer open elements to match), and the closers of the elements of the
/// candidates requiring it (whose prerequisites may now all be chosen, so that they can
/// dominate).
///
/// # Complexity
/// O(Σ closers) over the elements of `c` and of its dependants.
pub(crate) fn dirty_after_choosing(inst: &Instance, c: u32, dirty: &mut [bool]) {
    for &p in inst.prerequisites(c) {
        dirty[p as usize] = true;
    }
    for k in std::iter::once(c).chain(inst.dependants(c).iter().copied()) {
        for &e in inst.covers(k) {
            for &j in inst.closers(e) {
                dirty[j as usize] = true;
            }
        }
    }
}

/// Closers of one element looked at per candidate by [`exclude_dominated`].
const DOMINANCE_TRIES: usize = 256;

/// Whether sorted `a` is a subset of sorted `b`.
fn subset(a: &[u32], b: &[u32]) -> bool {
    let mut b = b.iter();
    a.iter().all(|x| b.by_ref().any(|y| y == x))
}
