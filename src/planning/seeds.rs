//! The groups [`Framework::successors`] plans first: guesses at the plans of the first
//! groups in bound order (the greedy cover's), so that the search has a k-th result close
//! to the final one early, and rules out more groups with less work.

use crate::model::order;
use crate::people::cohort::unpack;
use crate::planning::best_first::Seed;
use crate::planning::cover;
use crate::planning::groups::Groups;
use crate::planning::recommend::{UntaggedLevel, closable};
use crate::{Cohort, Framework};

/// How many groups, per result asked for, [`Framework::successors`] estimates in bound
/// order to choose the ones it plans first, when the bounds mislead.
const SEED_LOOK_AHEAD: usize = 3;

/// How many groups, per result asked for, [`Framework::successors`] may estimate at most,
/// and how many officers those past the first [`SEED_LOOK_AHEAD`] per result may bring the
/// groups estimated to (see [`Framework::seeds`]).
const SEED_LOOK_FURTHER: usize = 10;

/// A group with the lower bounds of its plan: (group, unclosable gaps, hours).
type Bounded = (u32, u32, f64);

/// A guess at a group's plan: (unclosable gaps, hours, group).
type Guess = (u32, f64, u32);

/// The order of guesses: fewest unclosable gaps, fewest hours, then the group.
fn by_guess(a: &Guess, b: &Guess) -> std::cmp::Ordering {
    a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)).then(a.2.cmp(&b.2))
}

impl Framework {
    /// How [`Framework::successors`] picks the groups of `groups` to plan first for post
    /// `p`, `k` results asked for under the `untagged` rule: among the first
    /// [`SEED_LOOK_FURTHER`]·k groups in bound order, by [`Framework::seeds`].
    pub(crate) fn seeding<'s>(
        &'s self,
        cohort: &'s Cohort,
        p: u32,
        groups: &'s Groups,
        (k, untagged): (usize, UntaggedLevel),
    ) -> Seed<impl FnOnce(&[Bounded]) -> Vec<u32> + 's> {
        Seed {
            look_ahead: SEED_LOOK_FURTHER.saturating_mul(k),
            pick: move |ahead: &[Bounded]| self.seeds(cohort, p, groups, ahead, (k, untagged)),
        }
    }

    /// The groups of `ahead` (the first in bound order, with their bounds) to plan first,
    /// for `k` results under the `untagged` rule, so that the search has a k-th result early:
    /// those whose greedy plan ([`Framework::estimate`]) ranks best, by (unclosable gaps,
    /// hours, group), until their members number k. None when the first group alone has k members (its plan
    /// settles the k-th anyway), nor when the first group's greedy plan ranks no later
    /// than the bound of the group holding the k-th officer in bound order: the bounds
    /// then order the first groups well enough (on `bench_career`'s default catalogue,
    /// where the greedy plans lie within 1.25 times the first groups' bounds), and the
    /// other estimates would cost more than they save.
    ///
    /// The first [`SEED_LOOK_AHEAD`]·k groups are estimated; past them, up to
    /// [`SEED_LOOK_FURTHER`]·k groups, the next one only while the groups estimated hold
    /// fewer than [`SEED_LOOK_FURTHER`]·k officers and its bound ranks no later than the
    /// guess for the k-th officer so far. Where groups are single officers whose bounds lie
    /// close together (`bench_career`'s occ-307, prerequisite-laden), the best plans lie
    /// well down the bound order; where groups are large, or the bounds soon rank after
    /// the guesses, more estimates would cost more than they save.
    ///
    /// # Complexity
    /// At most [`SEED_LOOK_FURTHER`]·k greedy covers and, per group estimated past the
    /// first [`SEED_LOOK_AHEAD`]·k, O(g) to find the k-th guess among the g so far.
    fn seeds(
        &self,
        cohort: &Cohort,
        p: u32,
        groups: &Groups,
        ahead: &[Bounded],
        (k, untagged): (usize, UntaggedLevel),
    ) -> Vec<u32> {
        let Some(&(first, ..)) = ahead.first() else {
            return Vec::new();
        };
        if groups.members(first).len() >= k {
            return Vec::new();
        }
        let mut held = Vec::new();
        let mut estimate = |g: u32| {
            held.clear();
            held.extend(cohort.held_of(groups.first(g)).iter().map(unpack));
            let completed = groups.completed(cohort, g);
            let (open, hours) = self.estimate(p, &held, completed, untagged);
            (open, hours, g)
        };
        let guess = estimate(first);
        let mut members = 0;
        let kth = ahead.iter().find(|&&(g, ..)| {
            members += groups.members(g).len();
            members >= k
        });
        if kth.is_none_or(|&(_, open, hours)| (guess.0, guess.1) <= (open, hours)) {
            return Vec::new();
        }
        let near = SEED_LOOK_AHEAD.saturating_mul(k).min(ahead.len());
        let mut estimates = vec![guess];
        estimates.extend(ahead[1..near].iter().map(|&(g, ..)| estimate(g)));
        order::sort_by(&mut estimates, by_guess);
        let most = SEED_LOOK_FURTHER.saturating_mul(k);
        let members = |g: u32| groups.members(g).len();
        let mut looked: usize = ahead[..near].iter().map(|&(g, ..)| members(g)).sum();
        for &(g, open, hours) in &ahead[near..] {
            let kth = kth_guess(&estimates, k, members);
            if looked >= most || kth.is_none_or(|(o, h)| (open, hours) > (o, h)) {
                break;
            }
            looked += members(g);
            let guess = estimate(g);
            let at = estimates.partition_point(|e| by_guess(e, &guess).is_lt());
            estimates.insert(at, guess);
        }
        let mut taken = 0;
        let mut seeds = Vec::new();
        for &(_, _, g) in &estimates {
            if taken >= k {
                break;
            }
            taken += members(g);
            seeds.push(g);
        }
        seeds
    }

    /// The greedy cover's (unclosable gaps, cost) for an officer holding `held` in post `p`,
    /// before its clean-up ([`cover::plain_greedy_cover`]): a guess at what planning would
    /// give, not a bound.
    fn estimate(
        &self,
        p: u32,
        held: &[(u32, u8)],
        completed: &[u32],
        untagged: UntaggedLevel,
    ) -> (u32, f64) {
        let gaps = self.gaps_at(p, held);
        let (courses, open) = self.candidates(&gaps, completed, untagged);
        let closable = closable(&gaps, &open);
        let inst = self.unit_instance(&courses, &closable, completed, untagged);
        (open.len() as u32, cover::plain_greedy_cover(&inst).cost)
    }
}

/// The (unclosable gaps, hours) guessed for the k-th officer: those of the group whose
/// members, counted in the order of `estimates` (sorted by [`by_guess`]), first number
/// `k`; none while they number fewer.
fn kth_guess(estimates: &[Guess], k: usize, members: impl Fn(u32) -> usize) -> Option<(u32, f64)> {
    let mut counted = 0;
    estimates.iter().find_map(|&(open, hours, g)| {
        counted += members(g);
        (counted >= k).then_some((open, hours))
    })
}

#[cfg(test)]
mod tests {
    use super::kth_guess;

    #[test]
    fn the_kth_guess_is_the_group_holding_the_kth_officer() {
        // Groups 7, 3, 9 in guess order, with 2, 1 and 4 officers.
        let members = |g: u32| match g {
            7 => 2,
            3 => 1,
            _ => 4,
        };
        let estimates = [(0, 10.0, 7), (0, 12.0, 3), (1, 5.0, 9)];
        assert_eq!(kth_guess(&estimates, 1, members), Some((0, 10.0)));
        assert_eq!(kth_guess(&estimates, 2, members), Some((0, 10.0)));
        assert_eq!(kth_guess(&estimates, 3, members), Some((0, 12.0)));
        assert_eq!(kth_guess(&estimates, 4, members), Some((1, 5.0)));
        assert_eq!(kth_guess(&estimates, 7, members), Some((1, 5.0)));
        assert_eq!(kth_guess(&estimates, 8, members), None);
        assert_eq!(kth_guess(&[], 1, members), None);
    }
}
