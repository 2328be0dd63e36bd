//! A stronger lower bound on the least cost: the Lagrangian of [`super::lagrange`] with some
//! cover rows kept, solved block by block.
//!
//! At multipliers `u ≥ 0` (cover rows) and `w ≥ 0` (prerequisite rows, set by the push down
//! the prerequisite DAG), relaxing every row leaves `Σ_e u_e + Σ_j min(0, r_j)`, which is
//! at most the linear relaxation's optimum. Keeping a set `R` of cover rows as constraints
//! instead, the relaxation is
//!
//! ```text
//! Σ_{e ∉ R} u_e + min { Σ_j r'_j x_j : x ∈ {0, 1}ⁿ closes every row of R },
//! r'_j = r_j + Σ_{e ∈ R, j closes e} u_e,
//! ```
//!
//! still a lower bound for any `u, w ≥ 0` (weak duality on the rows relaxed), and at least
//! the plain one. The kept rows are chosen so that their closers fall apart into small
//! blocks (at most [`BLOCK`] candidates each, linked by the rows they share): the minimum
//! is then `Σ_{j in no block} min(0, r_j)` plus, per block, a small set cover without
//! prerequisites (candidates of negative `r'` are taken, the rest covered at least cost),
//! which the caller solves exactly or bounds from below. At the linear relaxation's
//! multipliers the plain bound leaves the integrality gap; rows where the relaxation's
//! choice does not close a row exactly once are where it lies, and they are kept first.

use super::instance::Instance;
use super::lagrange::Lagrange;
use super::state::State;
use crate::model::order;

/// The most candidates a block may hold (on the `current` department-sized instance 32, 48
/// and 64 give bounds within 4 h of each other; 96 and 200 leave blocks the solver does
/// not finish within its nodes).
pub(super) const BLOCK: usize = 48;

/// A closer whose reduced cost is below this fraction of its cost (at least one) counts as
/// tied: rows with two tied closers are where the relaxation takes fractions.
const TIED: f64 = 0.01;

fn find(parent: &mut [u32], mut x: u32) -> u32 {
    while parent[x as usize] != x {
        let up = parent[parent[x as usize] as usize];
        parent[x as usize] = up;
        x = up;
    }
    x
}

/// A block: its candidates (in the instance's numbering) and the rows it must close.
struct Block {
    candidates: Vec<u32>,
    rows: Vec<u32>,
}

/// The bound with kept rows at the multipliers `lagrange` holds (its current `u` with the
/// reduced costs they give, as [`Lagrange::bound`] and [`super::pdhg::lp_solve`] leave
/// them), on the cost of completing `state`. `solve` gives a proven lower bound on the
/// least cost of a cover instance (with prerequisites, non-negative costs) and optionally
/// a cover; it sees one instance per block. Returns the bound and the candidates the
/// relaxation takes (those of negative reduced cost outside blocks, and each block's
/// cover), as a hint for a repair, and the candidates of its blocks (for reduced-cost
/// fixing against it, [`super::fixing`]).
///
/// # Complexity
/// O((n + z + q) · α(n) + m log m + k · B) for n candidates, m elements, z (candidate,
/// element) pairs, q prerequisite pairs and k kept rows with blocks of B ≤ [`BLOCK`]
/// candidates, plus the calls of `solve`.
pub(super) fn kept_rows_bound(
    inst: &Instance,
    lagrange: &Lagrange,
    state: &State,
    mut solve: impl FnMut(&Instance) -> (f64, Option<Vec<u32>>),
) -> (f64, Vec<bool>, Vec<bool>) {
    let n = inst.len();
    let m = inst.values.len();
    let free = |j: u32| lagrange.free[j as usize];
    let mut is_open = vec![false; m];
    for &e in &lagrange.open {
        is_open[e as usize] = true;
    }
    let pushed = Pushed::new(inst, lagrange, &is_open);
    let blocks = choose_blocks(inst, lagrange);
    let mut kept = vec![false; m];
    let mut block_of = vec![u32::MAX; n];
    for (b, block) in blocks.iter().enumerate() {
        for &e in &block.rows {
            kept[e as usize] = true;
        }
        for &j in &block.candidates {
            block_of[j as usize] = b as u32;
        }
    }
    let mut bound = state.cost;
    let mut taken = vec![false; n];
    for &e in &lagrange.open {
        if !kept[e as usize] {
            bound += lagrange.u[e as usize];
        }
    }
    for j in (0..n as u32).filter(|&j| free(j) && block_of[j as usize] == u32::MAX) {
        let r = lagrange.reduced[j as usize];
        if r < 0.0 {
            bound += r;
            taken[j as usize] = true;
        }
    }
    let mut local = vec![u32::MAX; n.max(m)];
    for (b, block) in blocks.iter().enumerate() {
        // r'_j: the cost less the multipliers of the rows relaxed, less what dependants
        // outside the block hand down.
        let mut cost = vec![0.0; block.candidates.len()];
        for (i, &j) in block.candidates.iter().enumerate() {
            let mut c = inst.cost(j);
            for &e in inst.covers(j) {
                if is_open[e as usize] && !kept[e as usize] {
                    c -= lagrange.u[e as usize];
                }
            }
            for &k in inst.dependants(j) {
                if free(k) && block_of[k as usize] != b as u32 {
                    c -= pushed.given(inst, k, j);
                }
            }
            cost[i] = c;
        }
        let plain: f64 = block
            .rows
            .iter()
            .map(|&e| lagrange.u[e as usize])
            .sum::<f64>()
            + block
                .candidates
                .iter()
                .map(|&j| lagrange.reduced[j as usize].min(0.0))
                .sum::<f64>();
        let negative: f64 = cost.iter().map(|&c| c.min(0.0)).sum();
        let sub = block_instance(inst, lagrange, block, &cost, &mut local);
        let (least, cover) = solve(&sub);
        let value = negative + least;
        if value >= plain {
            for &i in cover.iter().flatten() {
                taken[block.candidates[i as usize] as usize] = true;
            }
        }
        bound += value.max(plain);
    }
    let in_block = block_of.iter().map(|&b| b != u32::MAX).collect();
    (bound, taken, in_block)
}

/// The block's cover instance: its rows, its candidates at costs `max(0, r'_j)` and the
/// prerequisites among them.
fn block_instance(
    inst: &Instance,
    lagrange: &Lagrange,
    block: &Block,
    cost: &[f64],
    local: &mut [u32],
) -> Instance {
    for (i, &e) in block.rows.iter().enumerate() {
        local[e as usize] = i as u32;
    }
    let rows: Vec<Vec<u32>> = block
        .candidates
        .iter()
        .map(|&j| {
            let mut covers: Vec<u32> = inst
                .covers(j)
                .iter()
                .filter(|&&e| local[e as usize] != u32::MAX)
                .map(|&e| local[e as usize])
                .collect();
            order::sort_unstable(&mut covers);
            covers
        })
        .collect();
    for &e in &block.rows {
        local[e as usize] = u32::MAX;
    }
    for (i, &j) in block.candidates.iter().enumerate() {
        local[j as usize] = i as u32;
    }
    let mut sub = Instance::with_capacity(vec![1.0; block.rows.len()], cost.len(), 0);
    let mut pre = Vec::new();
    for (i, &j) in block.candidates.iter().enumerate() {
        pre.clear();
        pre.extend(
            inst.prerequisites(j)
                .iter()
                .filter(|&&p| lagrange.free[p as usize])
                .map(|&p| local[p as usize]),
        );
        order::sort_unstable(&mut pre);
        sub.push(cost[i].max(0.0), cost[i].max(0.0), &rows[i], &pre);
    }
    for &j in &block.candidates {
        local[j as usize] = u32::MAX;
    }
    sub.finish();
    sub
}

/// Chooses the kept rows and their blocks: rows with two or more tied closers ([`TIED`])
/// first, then rows the relaxation's choice closes other than once, then the rest, each kept when its free closers with their free
/// prerequisites (transitively) join blocks of at most [`BLOCK`] candidates in all.
fn choose_blocks(inst: &Instance, lagrange: &Lagrange) -> Vec<Block> {
    let n = inst.len();
    let free = |j: u32| lagrange.free[j as usize];
    let mut rows: Vec<((bool, bool), u32)> = lagrange
        .open
        .iter()
        .map(|&e| {
            let taken = inst
                .closers(e)
                .iter()
                .filter(|&&j| free(j) && lagrange.selected[j as usize])
                .count();
            let tied = inst
                .closers(e)
                .iter()
                .filter(|&&j| {
                    free(j) && lagrange.reduced[j as usize] < TIED * inst.cost(j).max(1.0)
                })
                .count();
            ((tied < 2, taken == 1), e)
        })
        .collect();
    order::sort_unstable(&mut rows);
    let mut parent: Vec<u32> = (0..n as u32).collect();
    let mut size = vec![1u32; n];
    let mut mark = vec![u32::MAX; n];
    let mut member = vec![false; n];
    let mut members: Vec<u32> = Vec::new();
    let mut roots = Vec::new();
    let mut kept_rows = Vec::new();
    for (step, &(_, e)) in rows.iter().enumerate() {
        // The free closers and their free prerequisites, transitively, at most BLOCK.
        members.clear();
        let mut too_many = false;
        for &j in inst.closers(e).iter().filter(|&&j| free(j)) {
            if mark[j as usize] != step as u32 {
                mark[j as usize] = step as u32;
                members.push(j);
            }
        }
        let mut next = 0;
        while next < members.len() && !too_many {
            let j = members[next];
            next += 1;
            for &p in inst.prerequisites(j).iter().filter(|&&p| free(p)) {
                if mark[p as usize] != step as u32 {
                    mark[p as usize] = step as u32;
                    members.push(p);
                }
            }
            too_many = members.len() > BLOCK;
        }
        if too_many || members.is_empty() {
            continue;
        }
        roots.clear();
        roots.extend(members.iter().map(|&j| find(&mut parent, j)));
        order::sort_unstable(&mut roots);
        roots.dedup();
        let total: u32 = roots.iter().map(|&x| size[x as usize]).sum();
        if total as usize > BLOCK {
            continue;
        }
        kept_rows.push(e);
        let first = roots[0];
        for &x in &roots[1..] {
            parent[x as usize] = first;
            size[first as usize] += size[x as usize];
        }
        for &j in &members {
            member[j as usize] = true;
        }
    }
    let mut label = vec![u32::MAX; n];
    let mut blocks: Vec<Block> = Vec::new();
    for j in (0..n as u32).filter(|&j| member[j as usize]) {
        let root = find(&mut parent, j) as usize;
        if label[root] == u32::MAX {
            label[root] = blocks.len() as u32;
            blocks.push(Block {
                candidates: Vec::new(),
                rows: Vec::new(),
            });
        }
        blocks[label[root] as usize].candidates.push(j);
    }
    order::sort_unstable(&mut kept_rows);
    for e in kept_rows {
        if let Some(&j) = inst.closers(e).iter().find(|&&j| free(j)) {
            let root = find(&mut parent, j) as usize;
            blocks[label[root] as usize].rows.push(e);
        }
    }
    blocks
}

/// The prerequisite multipliers `w` of the push of [`Lagrange`] at its current `u`, one
/// per prerequisite pair, in the order of the candidates and their prerequisites.
struct Pushed {
    /// Where candidate `j`'s pairs start.
    start: Vec<u32>,
    w: Vec<f64>,
}

impl Pushed {
    // The names follow the bound's notation (n, w, r, t, p).
    #[allow(clippy::many_single_char_names)]
    fn new(inst: &Instance, lagrange: &Lagrange, is_open: &[bool]) -> Pushed {
        let n = inst.len();
        let mut start = Vec::with_capacity(n + 1);
        start.push(0u32);
        for j in 0..n as u32 {
            start.push(start[j as usize] + inst.prerequisites(j).len() as u32);
        }
        let mut w = vec![0.0; start[n] as usize];
        let mut r = vec![0.0; n];
        for (j, r) in r.iter_mut().enumerate() {
            if lagrange.free[j] {
                // Subtracted one by one, in the bound's order, so the amounts are its own.
                let mut v = inst.cost(j as u32);
                for &e in inst.covers(j as u32) {
                    if is_open[e as usize] {
                        v -= lagrange.u[e as usize];
                    }
                }
                *r = v;
            }
        }
        // The same pass as the bound's: dependants first, a negative reduced cost handed to
        // the prerequisites up to their room, the rest to the first.
        let mut received = vec![0.0; n];
        for &j in inst.topo().iter().rev() {
            let ju = j as usize;
            if !lagrange.free[ju] {
                continue;
            }
            let t = r[ju] + received[ju];
            if t >= 0.0 {
                continue;
            }
            let mut rest = -t;
            let mut first = None;
            for (k, &p) in inst.prerequisites(j).iter().enumerate() {
                let pu = p as usize;
                if !lagrange.free[pu] {
                    continue;
                }
                let slot = start[ju] as usize + k;
                first.get_or_insert(slot);
                let room = r[pu] + received[pu];
                if room > 0.0 {
                    let give = rest.min(room);
                    received[pu] -= give;
                    w[slot] += give;
                    rest -= give;
                }
            }
            if let Some(slot) = first {
                let p = inst.prerequisites(j)[slot - start[ju] as usize] as usize;
                received[p] -= rest;
                w[slot] += rest;
            }
        }
        Pushed { start, w }
    }

    /// What `j` hands its prerequisite `p` (`w_jp`).
    fn given(&self, inst: &Instance, j: u32, p: u32) -> f64 {
        let at = inst
            .prerequisites(j)
            .binary_search(&p)
            .unwrap_or(usize::MAX);
        self.w
            .get(self.start[j as usize] as usize + at)
            .copied()
            .unwrap_or(0.0)
    }
}
