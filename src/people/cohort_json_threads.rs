//! [`Cohort::from_json_with_threads`]: an officers document read on several threads, with
//! the result of one (the reading in pieces is in `json_pieces`).

use crate::{Cohort, Errors, Framework, LevelPolicy};

impl Cohort {
    /// [`Cohort::from_json`] on up to `threads` threads (0 counts as 1; at most
    /// `min(threads, rayon::current_num_threads())`, never more than
    /// `std::thread::available_parallelism`, as for [`Cohort::with_threads`]): the same
    /// cohort, or the same errors in the same order, for any number of threads.
    ///
    /// The `officers` array is taken in chunks of 512 KiB of text, read in order by the
    /// threads (the calling thread one of them, the others tasks of the current rayon
    /// pool): each chunk's officers from a guessed officer start (the first `{` in the
    /// chunk from which an officer reads) up to the start of an officer in a later chunk,
    /// each officer by `serde_json` with the one-pass reader's visitors, and their
    /// passbooks resolved. The calling thread adds the chunks' officers to the columns in
    /// input order, each chunk only when its guess is exactly where the officers before it
    /// end, and reads the chunk itself otherwise; so the officers are those one thread
    /// reads. An officer with a problem is resolved again on the calling thread, in its
    /// place, so its errors are those of one thread; a document that does not read in one
    /// pass goes to the two steps
    /// ([`OfficersSpec::from_json`](crate::OfficersSpec::from_json), then
    /// [`Cohort::with_threads`]) as on one thread.
    /// 1 runs [`Cohort::from_json`] on the calling thread; without the default `parallel`
    /// feature and on `wasm32` everything does.
    ///
    /// # Errors
    /// As [`Cohort::from_json`].
    ///
    /// # Complexity
    /// As [`Cohort::from_json`], the reading shared between the threads, plus, per chunk,
    /// the passbook entries before its first officer tried as officers (each refused at its
    /// first key); besides, the officers' own fields and resolved levels of at most 16
    /// chunks read ahead are held at a time.
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
            // A level written `1e-400` reads as 0: the document reader below refuses it
            // (`model::json_underflow`), naming the officer.
            if read_in_pieces(&mut builder, framework, policy, json, threads)
                && crate::model::json_underflow::underflow(json).is_none()
            {
                return builder.finish(threads);
            }
            let doc = OfficersSpec::from_json_all(json)?;
            return Cohort::with_threads(framework, &doc.officers, policy, threads);
        }
        let _ = threads;
        Cohort::from_json(framework, json, policy)
    }
}
