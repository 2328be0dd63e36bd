//! Building a [`Cohort`] one officer at a time: [`Cohort::new`] over specs, and the readers
//! that check officers as they read them (the JSON document reader) without building specs.

use crate::model::day_memo::DayMemo;
use crate::model::nearest::Nearest;
use crate::people::columns::{Lists, Officers, capacity};
use crate::people::officer::{EvidenceView, OfficerSpec};
use crate::people::resolve::{NEAREST_LIMIT, OfficerView, Resolved, resolve_officer};
use crate::{Cohort, Error, Errors, Framework, LevelPolicy};

impl Cohort {
    /// Checks every officer against `framework`, derives their levels with `policy`, and
    /// stores them compactly, on the calling thread ([`Cohort::with_threads`] shares the
    /// work between threads, with the same result). Passbook entries are read as
    /// [`Profile::new`](crate::Profile::new) reads them: repeated or contradicting entries
    /// are kept, and reported by
    /// [`Framework::review_officers`](crate::Framework::review_officers).
    ///
    /// # Errors
    /// [`Errors`] listing every problem of every officer (as for
    /// [`Profile::new`](crate::Profile::new)), empty and duplicate officer ids, and
    /// [`Error::CapacityExceeded`] beyond 2³² − 2 officers or 2³² − 1 bytes of ids, bytes of
    /// names or held entries. Held levels are packed in three bytes, which name every
    /// competency a framework can hold (at most 2²¹).
    ///
    /// # Complexity
    /// O(E + n log n) time for E evidence entries and n officers (the log factor only when
    /// officers are not given in id order); memory O(n + H) for H held levels, about
    /// twice the held levels' share of [`Cohort::heap_bytes`] at the peak, when they are
    /// laid out by department and position.
    pub fn new<I>(
        framework: &Framework,
        officers: I,
        policy: &LevelPolicy,
    ) -> Result<Cohort, Errors>
    where
        I: IntoIterator,
        I::Item: std::borrow::Borrow<OfficerSpec>,
    {
        Cohort::with_threads(framework, officers, policy, 1)
    }
}

/// An officer resolved without a problem elsewhere (by a
/// [`Part`](crate::people::parts::Part)), ready for [`CohortBuilder::push_resolved`]: its
/// position, target, held levels (each
/// `competency << 3 | level`) and completed courses.
pub(crate) struct Settled<'a> {
    pub(crate) position: u32,
    pub(crate) target: Option<u32>,
    pub(crate) held: &'a [u32],
    pub(crate) completed: &'a [u32],
}

/// The columns of a [`Cohort`] being built, officer by officer, and the problems found so
/// far: what [`Cohort::new`] does with each officer, for any source of officers.
pub(crate) struct CohortBuilder<'f> {
    framework: &'f Framework,
    policy: &'f LevelPolicy,
    errors: Vec<Error>,
    columns: Officers,
    held_lists: Lists,
    completed_lists: Lists,
    /// One officer's held levels (each `competency << 3 | level`) and completed courses,
    /// and a workspace for the groups' rules, reused.
    held: Vec<u32>,
    completed: Vec<u32>,
    own: Vec<(u32, u8)>,
    /// The dates read so far, for the next officers' passbooks.
    dates: DayMemo,
    nearest: Nearest,
    /// The number of officers pushed so far.
    index: usize,
    /// Capacity ran out: later officers are not read.
    full: bool,
}

impl<'f> CohortBuilder<'f> {
    pub(crate) fn new(framework: &'f Framework, policy: &'f LevelPolicy) -> Self {
        CohortBuilder {
            framework,
            policy,
            errors: Vec::new(),
            columns: Officers::new(),
            held_lists: Lists::new(),
            completed_lists: Lists::new(),
            held: Vec::new(),
            completed: Vec::new(),
            own: Vec::new(),
            dates: DayMemo::default(),
            nearest: Nearest::new(NEAREST_LIMIT),
            index: 0,
            full: false,
        }
    }

    /// Checks the next officer, with its passbook entries in order, and adds it to the
    /// columns when it has no problem.
    pub(crate) fn push<'e>(
        &mut self,
        officer: OfficerView<'_>,
        passbook: impl IntoIterator<Item = EvidenceView<'e>>,
    ) {
        let index = self.index;
        self.index += 1;
        if self.full {
            return;
        }
        let mut held = std::mem::take(&mut self.held);
        let mut completed = std::mem::take(&mut self.completed);
        held.clear();
        completed.clear();
        let errors = &mut self.errors;
        let before = errors.len();
        let (position, target) = resolve_officer(
            self.framework,
            officer,
            passbook,
            self.policy,
            &mut Resolved {
                held: &mut held,
                completed: &mut completed,
                errors,
                nearest: &mut self.nearest,
                own: &mut self.own,
                dates: Some(&mut self.dates),
            },
        );
        if officer.id.trim().is_empty() {
            // resolve_officer cannot know the index within the batch.
            if let Some(Error::EmptyId { index: i, .. }) = errors.get_mut(before) {
                *i = index;
            }
        }
        if let Some(position) = position
            && errors.len() == before
        {
            self.add(officer, position, target, &held, &completed);
        }
        self.held = held;
        self.completed = completed;
    }

    /// Adds the next officer, already resolved without a problem (by a
    /// [`Part`](crate::people::parts::Part) elsewhere): what [`CohortBuilder::push`] does
    /// after resolving it.
    pub(crate) fn push_resolved(&mut self, officer: OfficerView<'_>, settled: &Settled<'_>) {
        self.index += 1;
        if !self.full {
            let Settled {
                position,
                target,
                held,
                completed,
            } = *settled;
            self.add(officer, position, target, held, completed);
        }
    }

    /// Adds an officer without a problem to the columns, unless capacity runs out.
    fn add(
        &mut self,
        officer: OfficerView<'_>,
        position: u32,
        target: Option<u32>,
        held: &[u32],
        completed: &[u32],
    ) {
        if self.held_lists.values.len() + held.len() > u32::MAX as usize {
            self.errors.push(capacity());
            self.full = true;
            return;
        }
        if let Err(e) = self.columns.push(
            officer.id,
            officer.name,
            officer.department,
            position,
            target,
        ) {
            self.errors.push(e);
            self.full = true;
            return;
        }
        let lists = &mut self.held_lists;
        lists.values.extend_from_slice(held);
        lists.close();
        (self.completed_lists.values).extend_from_slice(completed);
        self.completed_lists.close();
    }

    /// The cohort of the officers pushed, or every problem found; the held levels are
    /// packed on up to `threads` threads.
    pub(crate) fn finish(self, threads: usize) -> Result<Cohort, Errors> {
        let CohortBuilder {
            framework,
            mut errors,
            mut columns,
            held_lists,
            completed_lists,
            ..
        } = self;
        let layout = columns.layout();
        let held_lists = layout.arrange(held_lists);
        let cohort = columns.finish(
            framework.stamp,
            layout,
            held_lists,
            completed_lists,
            threads,
            &mut errors,
        );
        match (cohort, Errors::from_vec(errors)) {
            (Some(cohort), None) => Ok(cohort),
            (_, Some(errors)) => Err(errors),
            (None, None) => Err(capacity().into()),
        }
    }
}
