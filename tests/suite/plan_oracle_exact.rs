//! The department plans' optimum with exact sums, for `plan_oracle_department`: every gap's
//! value a whole number of sixteenths (`u128`), every course's hours a whole number of
//! tenths, so that values as far apart as a sixteenth of a level and 10¹⁸ sum exactly,
//! where a double rounds.
//!
//! The oracle gives the frontier: for each number of tenths of an hour, the most value of
//! a department plan of exactly those hours. The optimum is its largest value; the fewest
//! hours for a value v the first tenth whose value is at least v.

use super::plan_oracle::{Instance, Oracle};

/// Tenths of an hour in `hours` (whole, half or tenths of hours, as drawn).
pub fn tenths(hours: f64) -> usize {
    usize::try_from((hours * 10.0).round() as i64).unwrap()
}

/// The most value (sixteenths) of a plan of each number of tenths of an hour.
#[derive(Debug)]
pub struct Frontier(Vec<Option<u128>>);

impl Frontier {
    /// The most value of any plan.
    pub fn most(&self) -> u128 {
        self.0.iter().flatten().copied().max().unwrap_or(0)
    }

    /// The fewest tenths of an hour of a plan worth at least `value`.
    pub fn fewest_tenths(&self, value: u128) -> Option<usize> {
        self.0.iter().position(|v| v.is_some_and(|v| v >= value))
    }
}

/// One officer's exact values: each gap of `or` (in its order), in sixteenths.
pub struct Exact<'a> {
    pub oracle: &'a Oracle<'a>,
    pub values: Vec<u128>,
}

impl Exact<'_> {
    /// The value of the gaps `covered` (a bit set over the oracle's gaps).
    pub fn value(&self, covered: u64) -> u128 {
        (self.values.iter().enumerate())
            .filter(|&(i, _)| covered & 1 << i != 0)
            .map(|(_, v)| v)
            .sum()
    }

    /// The value of the courses `set`.
    pub fn of(&self, set: u32) -> u128 {
        self.value(self.oracle.covers(set))
    }
}

/// Without seat limits officers share only the budget: per officer the most value for each
/// number of tenths within the cap, then a knapsack over the officers within the budget.
pub fn knapsack(
    inst: &Instance,
    officers: &[Exact<'_>],
    cap: Option<f64>,
    budget: Option<f64>,
) -> Frontier {
    let cap = cap.map(tenths);
    let mut total: Vec<Option<u128>> = vec![Some(0)];
    for officer in officers {
        let mut best: Vec<Option<u128>> = Vec::new();
        for &s in &officer.oracle.sets {
            let h = tenths(inst.hours(s));
            if cap.is_some_and(|cap| h > cap) {
                continue;
            }
            if best.len() <= h {
                best.resize(h + 1, None);
            }
            let v = officer.of(s);
            best[h] = Some(best[h].map_or(v, |b| b.max(v)));
        }
        let mut next: Vec<Option<u128>> = vec![None; total.len() + best.len() - 1];
        for (a, &ta) in total.iter().enumerate() {
            let Some(ta) = ta else { continue };
            for (b, &vb) in best.iter().enumerate() {
                if let Some(vb) = vb {
                    let v = ta + vb;
                    next[a + b] = Some(next[a + b].map_or(v, |x| x.max(v)));
                }
            }
        }
        if let Some(b) = budget {
            next.truncate(tenths(b) + 1);
        }
        total = next;
    }
    Frontier(total)
}

/// Combinations of the officers' subsets [`search`] walks at most; past it the case is
/// checked on every law but the optimum's. The walk has no pruning, and a draw of eight
/// officers with many subsets each (rare: the instances are drawn at random on each run)
/// took tens of minutes in a debug build.
const MOST_COMBINATIONS: f64 = 2e6;

/// With seat limits: every combination of the officers' feasible subsets (those no subset
/// of theirs matches in value in fewer courses being enough), or `None` when there are
/// more than [`MOST_COMBINATIONS`].
pub fn search(
    inst: &Instance,
    officers: &[Exact<'_>],
    limits: &[Option<u32>],
    cap: Option<f64>,
    budget: Option<f64>,
) -> Option<Frontier> {
    let n = inst.courses.len();
    let cap = cap.map_or(usize::MAX, tenths);
    let choices: Vec<Vec<(u32, usize, u128)>> = officers
        .iter()
        .map(|officer| {
            let feasible: Vec<(u32, usize, u128)> = (officer.oracle.sets.iter().copied())
                .map(|s| (s, tenths(inst.hours(s)), officer.of(s)))
                .filter(|&(s, h, _)| {
                    h <= cap && (0..n).all(|k| s & 1 << k == 0 || limits[k] != Some(0))
                })
                .collect();
            // A subset of a set worth as much has no more hours and takes no more seats.
            feasible
                .iter()
                .copied()
                .filter(|&(s, _, v)| {
                    !feasible
                        .iter()
                        .any(|&(t, _, w)| t != s && t & !s == 0 && w >= v)
                })
                .collect()
        })
        .collect();
    let combinations: f64 = choices.iter().map(|c| c.len().max(1) as f64).product();
    if combinations > MOST_COMBINATIONS {
        return None;
    }
    let most: usize = choices
        .iter()
        .map(|c| c.iter().map(|&(_, h, _)| h).max().unwrap_or(0))
        .sum();
    let budget = budget.map_or(usize::MAX, tenths);
    let mut walk = Walk {
        n,
        choices,
        limits,
        taken: vec![0; n],
        budget,
        frontier: vec![None; most + 1],
    };
    walk.go(0, 0, 0);
    Some(Frontier(walk.frontier))
}

struct Walk<'a> {
    n: usize,
    choices: Vec<Vec<(u32, usize, u128)>>,
    limits: &'a [Option<u32>],
    taken: Vec<u32>,
    budget: usize,
    frontier: Vec<Option<u128>>,
}

impl Walk<'_> {
    fn go(&mut self, o: usize, hours: usize, value: u128) {
        if o == self.choices.len() {
            let best = &mut self.frontier[hours];
            *best = Some(best.map_or(value, |b| b.max(value)));
            return;
        }
        for i in 0..self.choices[o].len() {
            let (set, h, v) = self.choices[o][i];
            if hours + h > self.budget {
                continue;
            }
            let n = self.n;
            let courses = || (0..n).filter(move |&k| set & 1 << k != 0);
            if !courses().all(|k| self.limits[k].is_none_or(|l| self.taken[k] < l)) {
                continue;
            }
            for k in courses() {
                self.taken[k] += 1;
            }
            self.go(o + 1, hours + h, value + v);
            for k in courses() {
                self.taken[k] -= 1;
            }
        }
    }
}
