//! A per-thread memo of the least-hours plans the career searches make.
//!
//! A plan is a function of its cover instance and the solver: the gaps it closes (each
//! competency and required level), the candidate courses (closers and their pending
//! prerequisites, which is where completed courses and the untagged-level rule enter) and
//! the solver with its node limit. Officers far from a post are short of all of its
//! requirements, so the posts nearest to many officers are planned for the same instance
//! again and again: of the 2,000 results of `career_paths` for 200 synthetic officers on
//! the prerequisite-laden catalogue of `bench_career`, 93 distinct instances.
//!
//! So each thread remembers, per instance, either the plan's hours and course count or the
//! highest proven lower bound on its least cost found above a cutoff. A plan made with a
//! cutoff is the plan made without one
//! ([`cover::exact_cover_within`](super::cover::exact_cover_within)), and a bound above a
//! cutoff is above every lower one, so an answer read from the memo is the answer the
//! solver would give, or a proof that it ranks after the same k-th result.
//! Hash values never reach an output: the memo is only looked up.

use std::cell::RefCell;

use crate::Solver;
use crate::model::hash::IdMap;
use crate::planning::recommend::{GapItem, UntaggedLevel};

/// Instances a thread remembers at most.
const MOST_ENTRIES: usize = 4096;

/// Words of keys a thread keeps at most over all its instances (4 MB).
const MOST_WORDS: usize = 1 << 20;

/// What is known of one instance's plan.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Memo {
    /// The plan: its hours, summed as [`Plan::total_hours`](crate::Plan::total_hours) is,
    /// and its courses.
    Planned { hours: f64, courses: u32 },
    /// A proven lower bound on the least cost, found above a cutoff: every cutoff it is
    /// clearly above is refuted.
    Refuted(f64),
}

/// One thread's memo, for the framework of `stamp`.
#[derive(Default)]
struct Plans {
    stamp: u64,
    words: usize,
    map: IdMap<Box<[u32]>, Memo>,
}

thread_local! {
    static PLANS: RefCell<Plans> = RefCell::new(Plans::default());
}

/// What this thread knows of the plan for `key` on the framework of `stamp`.
///
/// # Complexity
/// O(|key|) expected.
pub(crate) fn recall(stamp: u64, key: &[u32]) -> Option<Memo> {
    PLANS.with(|plans| {
        let plans = plans.borrow();
        (plans.stamp == stamp)
            .then(|| plans.map.get(key).copied())
            .flatten()
    })
}

/// Remembers `memo` for `key` on the framework of `stamp`. A refutation replaces an earlier
/// one with a lower bound and never a plan. When the memo would pass [`MOST_ENTRIES`] or
/// [`MOST_WORDS`] it starts again empty (answers do not depend on what it holds, only
/// the time they take); a memo of another framework is dropped first.
///
/// # Complexity
/// O(|key|) expected, and O(entries) when the memo is emptied.
pub(crate) fn remember(stamp: u64, key: &[u32], memo: Memo) {
    if key.len() > MOST_WORDS {
        return;
    }
    PLANS.with(|plans| {
        let mut plans = plans.borrow_mut();
        if plans.stamp != stamp {
            *plans = Plans {
                stamp,
                ..Plans::default()
            };
        }
        if let Some(old) = plans.map.get_mut(key) {
            if let (Memo::Refuted(before), Memo::Refuted(now)) = (*old, memo)
                && now > before
            {
                *old = memo;
            }
            return;
        }
        if plans.map.len() == MOST_ENTRIES || plans.words + key.len() > MOST_WORDS {
            plans.map.clear();
            plans.words = 0;
        }
        plans.words += key.len();
        plans.map.insert(key.into(), memo);
    });
}

/// The key of a plan in the memo: the solver and its node limit, the untagged-level rule,
/// the closable gaps (competency and required level) and the candidate courses, which
/// together decide the cover instance and so the plan.
///
/// # Complexity
/// O(g + c) for g gaps and c courses.
pub(crate) fn key(
    closable: &[&GapItem<'_>],
    courses: &[u32],
    untagged: UntaggedLevel,
    solver: Solver,
) -> Vec<u32> {
    let mut key = Vec::with_capacity(5 + 2 * closable.len() + courses.len());
    match solver {
        Solver::Greedy => key.extend([0, 0, 0]),
        Solver::Exact { node_limit } => {
            key.extend([1, node_limit as u32, (node_limit >> 32) as u32]);
        }
    }
    key.push(match untagged {
        UntaggedLevel::Ignore => 0,
        UntaggedLevel::Assume(level) => 1 + u32::from(level.get()),
    });
    key.push(closable.len() as u32);
    for g in closable {
        key.extend([g.competency, u32::from(g.required)]);
    }
    key.extend_from_slice(courses);
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refutations_rise_and_plans_stay() {
        let stamp = u64::MAX - 7;
        remember(stamp, &[1, 2], Memo::Refuted(10.0));
        remember(stamp, &[1, 2], Memo::Refuted(5.0));
        assert_eq!(recall(stamp, &[1, 2]), Some(Memo::Refuted(10.0)));
        remember(stamp, &[1, 2], Memo::Refuted(12.0));
        assert_eq!(recall(stamp, &[1, 2]), Some(Memo::Refuted(12.0)));
        let plan = Memo::Planned {
            hours: 3.5,
            courses: 2,
        };
        remember(stamp, &[3], plan);
        remember(stamp, &[3], Memo::Refuted(1.0));
        assert_eq!(recall(stamp, &[3]), Some(plan));
        assert_eq!(recall(stamp, &[1]), None);
        // Another framework's memo is not read, and replaces this one when it stores.
        assert_eq!(recall(stamp + 1, &[3]), None);
        remember(stamp + 1, &[4], plan);
        assert_eq!(recall(stamp, &[3]), None);
    }

    #[test]
    fn the_memo_stays_within_its_bounds() {
        let stamp = u64::MAX - 8;
        let plan = Memo::Planned {
            hours: 1.0,
            courses: 1,
        };
        for i in 0..(MOST_ENTRIES as u32 + 10) {
            remember(stamp, &[i], plan);
            PLANS.with(|p| assert!(p.borrow().map.len() <= MOST_ENTRIES));
        }
        let long = vec![0; MOST_WORDS / 3 + 1];
        for i in 0..4u32 {
            let mut key = long.clone();
            key[0] = i;
            remember(stamp, &key, plan);
            PLANS.with(|p| assert!(p.borrow().words <= MOST_WORDS));
        }
        remember(stamp, &vec![0; MOST_WORDS + 1], plan);
        assert_eq!(recall(stamp, &vec![0; MOST_WORDS + 1]), None);
    }
}
