//! Exact least-cost covers of tiny instances by dynamic programming over sets of elements.
//!
//! An officer's instance splits into independent parts ([`super::split::parts`]), most of
//! them two or three gaps with a handful of courses. For those, the heuristics and bounds
//! of [`super::exact`] cost far more than the answer: with m elements, the cheapest way to
//! close each of the 2^m sets of them is a table filled in one pass, each candidate
//! extending every set it adds to. Prerequisites are handled by enumerating which of the
//! candidates that others require are taken (closed under their own prerequisites); the
//! rest may then enter only when their prerequisites are among those, at their own cost.
//! Every plan closed under prerequisites is one such choice plus a set of the rest, so the
//! minimum over all choices is the optimum.

use super::instance::{Instance, Solution};

/// Largest table work `2^r · 2^m · n` (for r required candidates, m elements and n
/// candidates) this solver takes on; larger instances go to the general solver.
const WORK: usize = 1 << 13;

/// The least-cost cover of every element of `inst`, proven optimal, when the instance is
/// small enough ([`WORK`]) and every element is coverable; `None` otherwise. Ties go to
/// the first choice of required candidates (in the order of their subsets' bit patterns)
/// and, within it, to the cover the table reaches first.
///
/// # Complexity
/// O(2^r · 2^m · n) time and O(2^m + n) memory, within [`WORK`].
pub(crate) fn tiny_cover(inst: &Instance) -> Option<Solution> {
    let n = inst.len();
    let m = inst.values.len();
    if m == 0 || m > 12 || (0..m as u32).any(|e| !inst.coverable(e)) {
        return None;
    }
    // Candidates some other requires, and the rest.
    let required: Vec<u32> = (0..n as u32)
        .filter(|&c| !inst.dependants(c).is_empty())
        .collect();
    let r = required.len();
    if r > 8 || (n << m) << r > WORK {
        return None;
    }
    let mask = |c: u32| {
        inst.covers(c)
            .iter()
            .fold(0usize, |acc, &e| acc | (1usize << e))
    };
    let full = (1usize << m) - 1;
    let mut position = vec![usize::MAX; n];
    for (i, &c) in required.iter().enumerate() {
        position[c as usize] = i;
    }
    // The candidates' prerequisites as bits over `required`.
    let needs: Vec<usize> = (0..n as u32)
        .map(|c| {
            inst.prerequisites(c)
                .iter()
                .fold(0usize, |acc, &p| acc | (1usize << position[p as usize]))
        })
        .collect();
    let masks: Vec<usize> = (0..n as u32).map(mask).collect();
    let mut table = vec![f64::INFINITY; 1 << m];
    let mut from: Vec<(usize, u32)> = vec![(0, u32::MAX); 1 << m];
    let mut best: Option<(f64, Vec<u32>)> = None;
    for taken in 0..1usize << r {
        // Closed under prerequisites: each taken candidate's are taken.
        let members = || (0..r).filter(move |&i| taken & (1 << i) != 0);
        if members().any(|i| needs[required[i] as usize] & !taken != 0) {
            continue;
        }
        let (mut cost, mut start) = (0.0, 0usize);
        for i in members() {
            cost += inst.cost(required[i]);
            start |= masks[required[i] as usize];
        }
        table.fill(f64::INFINITY);
        table[start] = cost;
        from[start] = (start, u32::MAX);
        // Sets only grow, so ascending order fills each before it is extended.
        for set in start..=full {
            let here = table[set];
            if here == f64::INFINITY {
                continue;
            }
            for c in 0..n as u32 {
                let cu = c as usize;
                if position[cu] != usize::MAX || needs[cu] & !taken != 0 {
                    continue;
                }
                let next = set | masks[cu];
                let value = here + inst.cost(c);
                if next != set && improves(inst, value, table[next]) {
                    table[next] = value;
                    from[next] = (set, c);
                }
            }
        }
        // A choice whose other candidates cannot close every element leaves the table's
        // last entry infinite: it is no cover, even when it is the first choice tried.
        let incumbent = best.as_ref().map_or(f64::INFINITY, |(b, _)| *b);
        if improves(inst, table[full], incumbent) {
            let mut chosen: Vec<u32> = members().map(|i| required[i]).collect();
            let mut set = full;
            while set != start {
                let (previous, c) = from[set];
                chosen.push(c);
                set = previous;
            }
            best = Some((table[full], chosen));
        }
    }
    let (_, mut chosen) = best?;
    crate::model::order::sort_unstable(&mut chosen);
    let cost = inst.cost_of(&chosen);
    Some(Solution {
        chosen,
        cost,
        bound: cost,
        proven: true,
        nodes: 0,
    })
}

/// Whether `value` is a strict improvement on `best` (infinite for none yet).
fn improves(inst: &Instance, value: f64, best: f64) -> bool {
    value.is_finite() && (best == f64::INFINITY || value < best - inst.step(best) / 2.0)
}

#[cfg(test)]
// Costs here are whole numbers, exact in floating point.
#[allow(clippy::float_cmp)]
mod tests {
    use super::super::instance::tests::random;
    use super::super::state::State;
    use super::*;

    /// The least cost by brute force over every subset closed under prerequisites.
    fn brute(inst: &Instance) -> f64 {
        let n = inst.len();
        let mut best = f64::INFINITY;
        for subset in 0..1u32 << n {
            let chosen: Vec<u32> = (0..n as u32).filter(|&c| subset & (1 << c) != 0).collect();
            let closed = chosen.iter().all(|&c| {
                inst.prerequisites(c)
                    .iter()
                    .all(|&p| subset & (1 << p) != 0)
            });
            let mut state = State::new(inst);
            state.load(inst, &chosen);
            if closed && state.cover_count.iter().all(|&k| k > 0) {
                best = best.min(inst.cost_of(&chosen));
            }
        }
        best
    }

    #[test]
    fn tiny_covers_are_optimal_against_brute_force() {
        let mut solved = 0;
        for seed in 0..300 {
            let costs: &[f64] = if seed % 2 == 0 {
                &[10.0]
            } else {
                &[1.0, 2.0, 3.0, 5.0]
            };
            let inst = random(seed, 9, 1 + (seed % 5) as u32, costs);
            let Some(solution) = tiny_cover(&inst) else {
                continue;
            };
            solved += 1;
            let mut state = State::new(&inst);
            state.load(&inst, &solution.chosen);
            assert!(state.cover_count.iter().all(|&k| k > 0), "seed {seed}");
            for &c in &solution.chosen {
                for &p in inst.prerequisites(c) {
                    assert!(solution.chosen.contains(&p), "seed {seed}");
                }
            }
            assert_eq!(solution.cost, brute(&inst), "seed {seed}");
            assert_eq!(solution.bound, solution.cost);
            assert!(solution.proven);
        }
        assert!(solved > 100, "{solved}");
    }

    #[test]
    fn a_gap_closed_only_through_a_prerequisite_that_closes_nothing() {
        // One gap, closed only by a 1-hour course requiring a 9-hour course that closes
        // nothing: without the prerequisite taken no cover exists.
        let mut inst = Instance::with_capacity(vec![1.0], 2, 2);
        inst.push(9.0, 9.0, &[], &[]);
        inst.push(1.0, 1.0, &[0], &[0]);
        inst.finish();
        let solution = tiny_cover(&inst).expect("tiny");
        assert_eq!(solution.chosen, vec![0, 1]);
        assert_eq!(solution.cost, 10.0);
        assert_eq!(solution.cost, brute(&inst));
    }

    #[test]
    fn a_course_requiring_another_that_closes_the_same_gap_is_not_a_saving() {
        // One gap: a 5-hour course, or a 1-hour course that requires it.
        let mut inst = Instance::with_capacity(vec![1.0], 2, 2);
        inst.push(5.0, 5.0, &[0], &[]);
        inst.push(1.0, 1.0, &[0], &[0]);
        inst.finish();
        let solution = tiny_cover(&inst).expect("tiny");
        assert_eq!(solution.chosen, vec![0]);
        assert_eq!(solution.cost, 5.0);
    }
}
