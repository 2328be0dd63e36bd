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
/// # Complexity
/// O(Σ w) for the walks w over each closer's unchosen closure.
pub(crate) fn cheapest_closer(
    inst: &Instance,
    state: &State,
    excluded: &[bool],
    e: u32,
) -> Option<u32> {
    let mut best: Option<(u32, f64)> = None;
    for &j in inst.closers(e) {
        if state.chosen[j as usize] || excluded[j as usize] {
            continue;
        }
        let mut cost = 0.0;
        let blocked = state.walk_up(inst, j, true, |d| {
            cost += inst.cost(d);
            excluded[d as usize]
        });
        if !blocked && best.is_none_or(|(_, c)| cost < c - inst.step(c) / 2.0) {
            best = Some((j, cost));
        }
    }
    best.map(|(j, _)| j)
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
