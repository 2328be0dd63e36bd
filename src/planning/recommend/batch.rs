//! Recommendations for many officers in a row ([`Recommender`]), remembering the parts
//! of least-hours plans already solved and the plans of officers met more than once.

use super::plan_memo::{Found, PlanMemo};
use crate::planning::cover::PartMemo;
use crate::{Errors, Framework, Plan, Profile, RecommendOptions};

/// Recommends courses for many officers in a row with the same options, as
/// [`Framework::recommend`] does for one, remembering what it solved.
///
/// A least-hours plan ([`Objective::CloseAll`](crate::Objective::CloseAll)) is made by
/// reductions that split an officer's cover problem into independent parts (a few gaps
/// and the courses closing them), each then solved apart; officers of one post, or of
/// posts requiring the same competencies at the same levels, meet the same parts again.
/// A `Recommender` remembers each part it solves, keyed by everything the solver reads of
/// it (the courses' selection costs, hours, the gaps each closes and their prerequisites
/// among them, which gaps are worth something, the node limit; not how much each gap is
/// worth, which a least-hours part's plan does not depend on), and reads the part's plan
/// and bound back when a part equal to it, word for word, comes again: officers short of
/// the same gaps by different amounts share it. Budgeted plans are made as
/// [`Framework::recommend`] makes them.
///
/// Whole plans are remembered too, under either objective: with the options fixed, an
/// officer's plan depends only on the post, the courses completed and the gaps (each
/// competency with its current and required level), so officers alike in all three get the
/// same plan. A key met a second time has its plan kept, and from the third time on the
/// plan is read back (a copy) instead of made: recruits of one post with empty passbooks,
/// or officers who took the same induction courses, are planned once. Keys met once cost
/// a hash of O(g + c) words (g gaps, c completed courses) and nothing more.
///
/// One `Recommender` per thread: it is [`Send`], not [`Sync`]. Officers given in any
/// order, on any number of threads, get the same plans.
///
/// # Properties
/// Every plan is the one [`Framework::recommend`] gives with the same options, byte for
/// byte, whatever was planned before (debug builds solve each part, and make each plan,
/// read back again and check that both agree).
///
/// # Memory
/// The remembered parts' keys take at most 2²⁰ words (8 MiB); past that the memory of
/// parts starts again empty, so a `Recommender` holds at most about 8 MiB of keys plus
/// their plans (a part's chosen courses) and the table's slots. Whole plans: at most
/// 114,688 hashes of keys met once (a table of 1.1 MiB; past that they are forgotten) and
/// at most 8 MiB of remembered plans and their keys (past that the plans are forgotten; a
/// plan larger than that alone is never kept). [`Recommender::heap_bytes`]
/// reports all of it. Dropping it frees them.
///
/// # Example
/// ```
/// use karmayogi::*;
///
/// let framework = Framework::from_json(r#"{
///   "format_version": 1,
///   "competencies": [{"id": "accounts", "name": "Accounts", "type": "functional"},
///                    {"id": "audit", "name": "Audit", "type": "functional"}],
///   "activities": [{"id": "close-books", "name": "Close the books",
///                   "requires": [{"competency": "accounts", "level": 3},
///                                {"competency": "audit", "level": 2}]}],
///   "roles": [{"id": "accountant", "name": "Accountant", "activities": ["close-books"]}],
///   "positions": [{"id": "ao", "name": "Accounts Officer", "department": "finance",
///                  "roles": ["accountant"]}],
///   "courses": [
///     {"id": "books", "name": "Books", "hours": 8,
///      "provides": [{"competency": "accounts", "level": 3}]},
///     {"id": "audit-basics", "name": "Audit basics", "hours": 4,
///      "provides": [{"competency": "audit", "level": 2}]},
///     {"id": "both", "name": "Books and audit", "hours": 10,
///      "provides": [{"competency": "accounts", "level": 3},
///                   {"competency": "audit", "level": 2}]}
///   ]
/// }"#)?;
/// let officers: Vec<Profile> = ["a-1", "a-2"]
///     .into_iter()
///     .map(|id| {
///         let text = format!(r#"{{"id": "{id}", "department": "finance", "position": "ao"}}"#);
///         let spec: OfficerSpec = serde_json::from_str(&text)?;
///         Ok(Profile::new(&framework, &spec, &LevelPolicy::default())?)
///     })
///     .collect::<Result<_, Box<dyn std::error::Error>>>()?;
/// let options = RecommendOptions::default();
/// let mut recommender = Recommender::new(&framework, &options);
/// for profile in &officers {
///     let plan = recommender.recommend(profile, "ao")?;
///     assert_eq!(plan, framework.recommend(profile, "ao", &options)?);
///     assert_eq!(plan.total_hours, 10.0);
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Recommender<'f> {
    framework: &'f Framework,
    options: RecommendOptions,
    memo: PartMemo,
    plans: PlanMemo<'f>,
}

impl<'f> Recommender<'f> {
    /// A recommender for `framework` with `options`, remembering nothing yet.
    ///
    /// # Complexity
    /// O(1) besides copying the options.
    #[must_use]
    pub fn new(framework: &'f Framework, options: &RecommendOptions) -> Recommender<'f> {
        Recommender {
            framework,
            options: options.clone(),
            memo: PartMemo::default(),
            plans: PlanMemo::default(),
        }
    }

    /// The options every plan is made with.
    #[must_use]
    pub fn options(&self) -> &RecommendOptions {
        &self.options
    }

    /// [`Framework::recommend`] for `profile` against `position`, with this recommender's
    /// options: the same plan, read back when an officer alike (the same post, completed
    /// courses and gaps) was met twice before, otherwise made with its least-hours parts
    /// met before read back instead of solved, and the parts it solves remembered.
    ///
    /// # Complexity
    /// At most [`Framework::recommend`]'s, plus O(g + c) for the key of the plan (g gaps,
    /// c completed courses), O(n + z + q) for the keys of its parts (n courses, z (course,
    /// gap) pairs and q prerequisite pairs) and, the second time a key is met, O(size of
    /// the plan) to keep a copy; a part read back costs that instead of its solve, and a
    /// plan read back O(g + c + size of the plan) in all.
    ///
    /// # Errors
    /// As [`Framework::recommend`]: [`Error::FrameworkMismatch`](crate::Error::FrameworkMismatch) for a profile from
    /// another framework; otherwise every [`Error::UnknownId`](crate::Error::UnknownId) at once, the position's
    /// then each competency weight's naming an unknown competency.
    pub fn recommend(&mut self, profile: &Profile, position: &str) -> Result<Plan<'f>, Errors> {
        let framework = self.framework;
        framework.check_stamp(profile.stamp)?;
        let p = framework
            .position_index(position)
            .map_err(|e| framework.option_errors(e, &self.options))?;
        let gaps = framework.gaps_at(p, &profile.held);
        let found = self.plans.look_up(p, &gaps, &profile.completed);
        if let Found::Plan(plan) = found {
            if cfg!(debug_assertions) {
                let again = framework.plan(&gaps, &profile.completed, &self.options, None);
                debug_assert!(
                    again.as_ref() == Ok(&plan),
                    "a remembered plan differs from making it again"
                );
            }
            return Ok(plan);
        }
        let plan = framework
            .plan(&gaps, &profile.completed, &self.options, Some(&self.memo))
            .map_err(|e| framework.plan_errors(e, &self.options))?;
        if let Found::Again = found {
            self.plans.keep(&plan);
        }
        Ok(plan)
    }

    /// Parts of least-hours plans remembered now.
    #[must_use]
    pub fn remembered(&self) -> usize {
        self.memo.len()
    }

    /// Whole plans remembered now (officers' keys met twice or more, while within the
    /// bound in "Memory" above).
    #[must_use]
    pub fn plans_remembered(&self) -> usize {
        self.plans.len()
    }

    /// Plans read back so far instead of made: officers alike in post, completed courses
    /// and gaps to one met at least twice before.
    #[must_use]
    pub fn plans_read_back(&self) -> u64 {
        self.plans.read_back()
    }

    /// Bytes this recommender holds on the heap for what it remembers, about: at most about
    /// 8 MiB of parts' keys with their plans and table slots, and at most about 9 MiB for
    /// whole plans (see "Memory" above).
    #[must_use]
    pub fn heap_bytes(&self) -> usize {
        self.memo.heap_bytes() + self.plans.heap_bytes()
    }
}

impl std::fmt::Debug for Recommender<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Recommender")
            .field("options", &self.options)
            .field("remembered", &self.remembered())
            .field("plans_remembered", &self.plans_remembered())
            .finish_non_exhaustive()
    }
}
