//! What choosing each candidate would add, found for the candidates whose pending closure
//! is a chain in one pass rather than one walk each.

use super::chains::{ChainSums, OFF, TOP, down_chains, link};
use super::instance::Instance;
use super::state::{Marginal, State};

/// [`State::marginal`] for every candidate, indexed by candidate. A candidate whose
/// unchosen closure is a chain (each unchosen candidate of it has at most one unchosen
/// prerequisite, as [`split::heaviest_chains`](super::split::heaviest_chains) finds its cost
/// exactly) gets its marginal from its prerequisite's, in one depth-first pass down the
/// forest of such chains that counts the elements each chain closes
/// ([`chains::down_chains`](super::chains::down_chains)); every other unchosen
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
    let mut above = vec![OFF; n];
    for &j in inst.topo() {
        if state.chosen[j as usize] {
            continue;
        }
        let unchosen = inst
            .prerequisites(j)
            .iter()
            .copied()
            .filter(|&p| !state.chosen[p as usize]);
        above[j as usize] = link(&above, unchosen);
    }
    let mut sums = Marginals {
        out: vec![Marginal::default(); n],
    };
    let tops = (0..n as u32).filter(|&j| above[j as usize] == TOP);
    down_chains(inst, &state.cover_count, &above, tops, &mut sums);
    let mut out = sums.out;
    for j in 0..n as u32 {
        if above[j as usize] == OFF && !state.chosen[j as usize] {
            out[j as usize] = state.marginal(inst, j);
        }
    }
    out
}

/// The marginals of [`marginals`], each chained candidate's from its prerequisite's.
struct Marginals {
    /// Per candidate, its marginal once found.
    out: Vec<Marginal>,
}

impl ChainSums for Marginals {
    type Sum = Marginal;

    #[inline]
    fn enter(&self, inst: &Instance, d: u32, prerequisite: Option<u32>) -> Option<Marginal> {
        let mut m = prerequisite.map_or_else(Marginal::default, |p| self.out[p as usize]);
        m.cost += inst.cost(d);
        m.hours += inst.hours(d);
        m.walked += 1;
        Some(m)
    }

    #[inline]
    fn closes(&self, inst: &Instance, m: &mut Marginal, e: u32) {
        m.count += 1;
        m.value += inst.values[e as usize];
    }

    #[inline]
    fn found(&mut self, _: &Instance, d: u32, m: Marginal) {
        self.out[d as usize] = m;
    }
}
