//! Recommendations for many officers in a row ([`Recommender`]), remembering the parts
//! of least-hours plans already solved.

use crate::planning::cover::PartMemo;
use crate::{Error, Framework, Plan, Profile, RecommendOptions};

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
/// One `Recommender` per thread: it is [`Send`], not [`Sync`]. Officers given in any
/// order, on any number of threads, get the same plans.
///
/// # Properties
/// Every plan is the one [`Framework::recommend`] gives with the same options, byte for
/// byte, whatever was planned before (debug builds solve each part read back again and
/// check that both agree).
///
/// # Memory
/// The remembered parts' keys take at most 2²⁰ words (8 MiB); past that the memory of
/// parts starts again empty, so a `Recommender` holds at most about 8 MiB of keys plus
/// their plans (a part's chosen courses) and the table's slots, which
/// [`Recommender::heap_bytes`] reports. Dropping it frees them.
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
        }
    }

    /// The options every plan is made with.
    #[must_use]
    pub fn options(&self) -> &RecommendOptions {
        &self.options
    }

    /// [`Framework::recommend`] for `profile` against `position`, with this recommender's
    /// options: the same plan, its least-hours parts met before read back instead of
    /// solved, and the parts it solves remembered.
    ///
    /// # Complexity
    /// At most [`Framework::recommend`]'s, plus O(n + z + q) for the keys of its parts (n
    /// courses, z (course, gap) pairs and q prerequisite pairs); a part read back costs
    /// that instead of its solve.
    ///
    /// # Errors
    /// As [`Framework::recommend`]: [`Error::UnknownId`] for an unknown position or a
    /// competency weight naming an unknown competency; [`Error::FrameworkMismatch`] for a
    /// profile from another framework.
    pub fn recommend(&mut self, profile: &Profile, position: &str) -> Result<Plan<'f>, Error> {
        self.framework
            .recommend_remembering(profile, position, &self.options, Some(&self.memo))
    }

    /// Parts remembered now.
    #[must_use]
    pub fn remembered(&self) -> usize {
        self.memo.len()
    }

    /// Bytes this recommender holds on the heap for what it remembers, about: at most about
    /// 8 MiB of keys and the plans and table slots with them (see "Memory" above).
    #[must_use]
    pub fn heap_bytes(&self) -> usize {
        self.memo.heap_bytes()
    }
}

impl std::fmt::Debug for Recommender<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Recommender")
            .field("options", &self.options)
            .field("remembered", &self.remembered())
            .finish_non_exhaustive()
    }
}
