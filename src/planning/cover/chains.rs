//! The forest of prerequisite chains among a partial solution's unchosen candidates, and
//! the one depth-first pass down it that values each chained candidate from its
//! prerequisite's: [`chain_marginals::marginals`](super::chain_marginals::marginals) makes
//! it for `recommend`'s budgeted search, [`Stepper::known`](super::stepper::Stepper::known)
//! for the department planner's scans.
//!
//! A candidate with no unchosen prerequisite adds itself alone; one with exactly one adds
//! itself and that prerequisite's unchosen closure, disjoint from it. Where every candidate
//! of that closure has at most one unchosen prerequisite, the closures form a forest of
//! chains, and what a candidate would add is its prerequisite's plus itself and the
//! elements it newly closes: those it closes that nothing chosen and nothing above it on
//! its chain closes. The pass counts how many times each element is closed along the
//! chain from its top to the candidate visited, so that on a chain of n candidates each
//! closing the same element every value is found in O(n), where a walk of each closure
//! reads n(n + 1)/2 candidates.

use super::instance::Instance;

/// In a forest of chains, the mark of a candidate at the top of a chain (no unchosen
/// prerequisite).
pub(crate) const TOP: u32 = u32::MAX;

/// In a forest of chains, the mark of a candidate on no chain (chosen, set aside, or with
/// an unchosen closure that is no chain).
pub(crate) const OFF: u32 = u32::MAX - 1;

/// The mark of an unchosen candidate in the forest of chains `above` (filled prerequisites
/// first) given its `unchosen` prerequisites: [`TOP`] when it has none, its one unchosen
/// prerequisite when it has exactly one and that one is on a chain, else [`OFF`]. O(1):
/// reads at most two prerequisites.
pub(crate) fn link(above: &[u32], mut unchosen: impl Iterator<Item = u32>) -> u32 {
    match (unchosen.next(), unchosen.next()) {
        (None, _) => TOP,
        (Some(p), None) if above[p as usize] != OFF => p,
        _ => OFF,
    }
}

/// What a pass down the chains ([`down_chains`]) finds of each chained candidate: a sum
/// begun from its prerequisite's (or from nothing at the top of a chain) with the
/// candidate itself, to which each element it newly closes is added in the order of its
/// row, as a walk of its closure adds them.
///
/// Implementations mark their methods `#[inline]`: the pass calls them per candidate and
/// element, and left to the compiler the department scan's `found` stayed a call (3.6%
/// more instructions in the pass on `bench_department_chain -- 20000 budget`).
pub(crate) trait ChainSums {
    /// What is summed for a candidate.
    type Sum;

    /// The sum of candidate `d` before its elements: the empty sum at the top of a chain
    /// (`prerequisite` is `None`), else the sum of its prerequisite on the chain (visited
    /// before it), each with `d` itself added. `None` leaves `d`, and the candidates below
    /// it, out of the pass.
    fn enter(&self, inst: &Instance, d: u32, prerequisite: Option<u32>) -> Option<Self::Sum>;

    /// Adds element `e`, which the candidate entered newly closes, to its `sum`.
    fn closes(&self, inst: &Instance, sum: &mut Self::Sum, e: u32);

    /// Keeps the `sum` of candidate `d`, found.
    fn found(&mut self, inst: &Instance, d: u32, sum: Self::Sum);
}

/// The depth-first pass down the forest of chains `above` describes (see [`link`]), from
/// each of `tops` (candidates marked [`TOP`]): the elements each visited candidate closes
/// are counted on the way down and uncounted on the way back, so an element counts for the
/// first candidate of the path from the top closing it, and only when `cover_count` (times
/// each element is closed by the chosen candidates) holds 0 for it. An element a row
/// repeats counts at its first place. A candidate's dependants on the chains (those whose
/// one unchosen prerequisite it is) are visited after it, in the order of its dependant
/// list.
///
/// # Complexity
/// O(n + q + z) for n candidates, q prerequisite links and z candidate–element pairs, and
/// O(elements + depth of the forest) memory, besides what `sums` does per call.
pub(crate) fn down_chains<S: ChainSums>(
    inst: &Instance,
    cover_count: &[u32],
    above: &[u32],
    tops: impl IntoIterator<Item = u32>,
    sums: &mut S,
) {
    // Times each element is closed along the chain from its top to the candidate visited.
    let mut on_path = vec![0u32; inst.values.len()];
    let mut stack: Vec<(u32, bool)> = Vec::new();
    for top in tops {
        stack.push((top, true));
        while let Some((d, entering)) = stack.pop() {
            let covers = inst.covers(d);
            if !entering {
                for &e in covers {
                    on_path[e as usize] -= 1;
                }
                continue;
            }
            let prerequisite = Some(above[d as usize]).filter(|&p| p != TOP);
            let Some(mut sum) = sums.enter(inst, d, prerequisite) else {
                continue;
            };
            for &e in covers {
                if cover_count[e as usize] == 0 && on_path[e as usize] == 0 {
                    sums.closes(inst, &mut sum, e);
                }
                on_path[e as usize] += 1;
            }
            sums.found(inst, d, sum);
            stack.push((d, false));
            // Its dependants along the chains: those whose one unchosen prerequisite it is.
            let kids = inst
                .dependants(d)
                .iter()
                .filter(|&&k| above[k as usize] == d);
            stack.extend(kids.rev().map(|&k| (k, true)));
        }
    }
}
