//! What choosing each candidate would add, found for the candidates whose pending closure
//! is a chain in one pass rather than one walk each.

use super::instance::Instance;
use super::state::{Marginal, State};

/// [`State::marginal`] for every candidate, indexed by candidate. A candidate whose
/// unchosen closure is a chain (each unchosen candidate of it has at most one unchosen
/// prerequisite, as [`split::heaviest_chains`](super::split::heaviest_chains) finds its cost
/// exactly) gets its marginal from its prerequisite's, in one depth-first pass down the
/// forest of such chains that counts the elements each chain closes; every other unchosen
/// candidate gets its own walk, and a chosen one the empty marginal. Its `walked` is the
/// chain's length, as a walk's. Sums run from the top of the chain down rather than in
/// walk order, so with costs not whole multiples of a unit they may differ from
/// [`State::marginal`]'s in the last bits.
///
/// On a chain of n candidates each closing the same element, this is O(n), where a walk of
/// each closure is n(n + 1)/2 candidates.
///
/// # Complexity
/// O(n + z + q) for n candidates, z candidate–element pairs and q prerequisite pairs, plus
/// the walks of the candidates off the chains.
pub(crate) fn marginals(inst: &Instance, state: &State) -> Vec<Marginal> {
    let n = inst.len();
    let none = u32::MAX;
    // The one unchosen prerequisite of a chained candidate (`none` for the top of a chain),
    // or `off` when its closure is no chain.
    let off = u32::MAX - 1;
    let mut above = vec![off; n];
    for &j in inst.topo() {
        if state.chosen[j as usize] {
            continue;
        }
        let mut pending = inst
            .prerequisites(j)
            .iter()
            .copied()
            .filter(|&p| !state.chosen[p as usize]);
        above[j as usize] = match (pending.next(), pending.next()) {
            (None, _) => none,
            (Some(p), None) if above[p as usize] != off => p,
            _ => off,
        };
    }
    let mut out = vec![Marginal::default(); n];
    // Times each element is closed along the chain from the top to the candidate visited.
    let mut on_path = vec![0u32; inst.values.len()];
    let mut stack: Vec<(u32, bool)> = Vec::new();
    for j in 0..n as u32 {
        match above[j as usize] {
            p if p == none => stack.push((j, true)),
            p if p == off && !state.chosen[j as usize] => {
                out[j as usize] = state.marginal(inst, j);
            }
            _ => {}
        }
        while let Some((d, entering)) = stack.pop() {
            let covers = inst.covers(d);
            if !entering {
                for &e in covers {
                    on_path[e as usize] -= 1;
                }
                continue;
            }
            let mut m = match above[d as usize] {
                p if p == none => Marginal::default(),
                p => out[p as usize],
            };
            m.cost += inst.cost(d);
            m.hours += inst.hours(d);
            m.walked += 1;
            for &e in covers {
                if state.cover_count[e as usize] == 0 && on_path[e as usize] == 0 {
                    m.count += 1;
                    m.value += inst.values[e as usize];
                }
                on_path[e as usize] += 1;
            }
            out[d as usize] = m;
            stack.push((d, false));
            // Its dependants along the chains: those whose one unchosen prerequisite it is.
            let kids = inst
                .dependants(d)
                .iter()
                .filter(|&&k| above[k as usize] == d);
            stack.extend(kids.rev().map(|&k| (k, true)));
        }
    }
    out
}
