//! [`Cohort::from_json_with_threads`]: an officers document read on several threads, with
//! the result of one (the reading in pieces is in `json_pieces`).

use crate::{Cohort, Errors, Framework, LevelPolicy};

impl Cohort {
    /// [`Cohort::from_json`] on up to `threads` threads (0 counts as 1; at most
    /// `min(threads, rayon::current_num_threads())`, never more than
    /// `std::thread::available_parallelism`, as for [`Cohort::with_threads`]): the same
    /// cohort, or the same errors in the same order, for any number of threads.
    ///
    /// The calling thread cuts the `officers` array into the officers' texts (`serde_json`
    /// checks each is JSON and skips it), a batch of 4,096 officers ahead of the others,
    /// which read the batch before it in pieces of 256 officers, as tasks of the current
    /// rayon pool, and resolve their passbooks; the calling thread then reads the pieces
    /// left, and adds the batch to the columns in input order. On 2 threads it also reads
    /// a share of each batch itself instead of cutting it, a share that grows while it has
    /// time to spare and shrinks when it has none. An officer with a problem is resolved
    /// again on the calling thread, in its place, so its errors are those of one thread; a
    /// document that does not read in one pass goes to the two steps
    /// ([`OfficersSpec::from_json`](crate::OfficersSpec::from_json), then
    /// [`Cohort::with_threads`]) as on one thread.
    /// 1 runs [`Cohort::from_json`] on the calling thread; without the default `parallel`
    /// feature and on `wasm32` everything does.
    ///
    /// # Errors
    /// As [`Cohort::from_json`].
    ///
    /// # Complexity
    /// As [`Cohort::from_json`], the reading shared between the threads, plus one more
    /// pass on the calling thread over the officers' text it does not read itself
    /// (cutting an officer costs about 60% of reading it); besides, two batches of
    /// officers' own fields and resolved levels are held at a time.
    ///
    /// # Example
    /// ```
    /// use karmayogi::{Cohort, Framework, LevelPolicy};
    ///
    /// let fw = Framework::from_json(r#"{"format_version": 2,
    ///   "competencies": [{"id": "rti", "name": "Right to Information", "type": "domain"}],
    ///   "roles": [{"id": "cpio", "name": "CPIO", "requires": [{"competency": "rti", "level": 3}]}],
    ///   "positions": [{"id": "us", "name": "Under Secretary", "department": "dopt", "roles": ["cpio"]}]}"#)?;
    /// let doc = r#"{"format_version": 2, "officers": [
    ///   {"id": "o1", "department": "dopt", "position": "us",
    ///    "passbook": [{"competency": "rti", "level": 2, "source": "assessment"}]},
    ///   {"id": "o2", "department": "dopt", "position": "us"}]}"#;
    /// let policy = LevelPolicy::default();
    /// let cohort = Cohort::from_json_with_threads(&fw, doc, &policy, 2)?;
    /// let one = Cohort::from_json(&fw, doc, &policy)?;
    /// assert_eq!(format!("{cohort:?}"), format!("{one:?}"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json_with_threads(
        framework: &Framework,
        json: &str,
        policy: &LevelPolicy,
        threads: usize,
    ) -> Result<Cohort, Errors> {
        #[cfg(all(feature = "parallel", not(target_family = "wasm")))]
        if crate::model::parallel::workers(threads, usize::MAX) > 1 {
            use crate::OfficersSpec;
            use crate::people::builder::CohortBuilder;
            use crate::people::json_pieces::read_in_pieces;
            let mut builder = CohortBuilder::new(framework, policy);
            if read_in_pieces(&mut builder, framework, policy, json, threads) {
                return builder.finish(threads);
            }
            let doc = OfficersSpec::from_json(json)?;
            return Cohort::with_threads(framework, &doc.officers, policy, threads);
        }
        let _ = threads;
        Cohort::from_json(framework, json, policy)
    }
}
