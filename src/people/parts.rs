//! [`Cohort::with_threads`]: officers' passbooks resolved in parts on several threads,
//! then added to the columns in input order on the calling thread.
//!
//! Officers are taken from the input in batches of [`PART`] per part; each part resolves
//! its officers into buffers of its own, and the calling thread adds them in input order.
//! An officer whose part found a problem is resolved again on the calling thread, in its
//! place, as [`Cohort::new`] would: its errors, the nearest ids they suggest (remembered
//! across officers) and the index of an empty id are those of one thread. So the cohort
//! and the errors are the same on any number of threads.

use std::borrow::Borrow;

use crate::model::day_memo::DayMemo;
use crate::model::nearest::Nearest;
use crate::model::parallel::{map_parts, workers};
use crate::people::builder::{CohortBuilder, Settled};
use crate::people::officer::{Evidence, EvidenceView, OfficerSpec};
use crate::people::resolve::{OfficerView, Resolved, resolve_officer};
use crate::{Cohort, Error, Errors, Framework, LevelPolicy};

/// Officers one part resolves per batch: enough that starting the parts costs little
/// beside resolving them, few enough that a batch's specs and levels stay small.
const PART: usize = 2_048;

/// One officer resolved by a part: its position when it has no problem (`None`: resolve it
/// again on the calling thread), its target, and where its held levels and completed
/// courses end in the part's buffers.
#[derive(Clone, Copy)]
struct Done {
    position: Option<u32>,
    target: Option<u32>,
    held_end: usize,
    completed_end: usize,
}

/// What one part resolves of a batch of officers; its buffers are reused from batch to
/// batch.
pub(crate) struct Part {
    done: Vec<Done>,
    held: Vec<u32>,
    completed: Vec<u32>,
    errors: Vec<Error>,
    own: Vec<(u32, u8)>,
    /// The dates read so far, for the next officers' passbooks.
    dates: DayMemo,
    /// Asked for no nearest id: an officer with a problem is resolved again anyway.
    nearest: Nearest,
}

impl Part {
    pub(crate) fn new() -> Self {
        Part {
            done: Vec::new(),
            held: Vec::new(),
            completed: Vec::new(),
            errors: Vec::new(),
            own: Vec::new(),
            dates: DayMemo::default(),
            nearest: Nearest::new(0),
        }
    }

    /// Forgets the officers resolved so far (keeping the dates read).
    pub(crate) fn clear(&mut self) {
        self.done.clear();
        self.held.clear();
        self.completed.clear();
    }

    /// Resolves the next officer, with its passbook entries in order, into the part's
    /// buffers; whether it has no problem.
    pub(crate) fn resolve<'e>(
        &mut self,
        framework: &Framework,
        policy: &LevelPolicy,
        officer: OfficerView<'_>,
        passbook: impl IntoIterator<Item = EvidenceView<'e>>,
    ) -> bool {
        self.errors.clear();
        let (held_start, completed_start) = (self.held.len(), self.completed.len());
        let (position, target) = resolve_officer(
            framework,
            officer,
            passbook,
            policy,
            &mut Resolved {
                held: &mut self.held,
                completed: &mut self.completed,
                errors: &mut self.errors,
                nearest: &mut self.nearest,
                own: &mut self.own,
                dates: Some(&mut self.dates),
            },
        );
        let position = position.filter(|_| self.errors.is_empty());
        if position.is_none() {
            self.held.truncate(held_start);
            self.completed.truncate(completed_start);
        }
        self.done.push(Done {
            position,
            target,
            held_end: self.held.len(),
            completed_end: self.completed.len(),
        });
        position.is_some()
    }

    /// The officers resolved since the last [`Part::clear`], in order: each settled, or
    /// `None` when it has a problem (to be resolved again where its errors are kept).
    pub(crate) fn settled(&self) -> impl Iterator<Item = Option<Settled<'_>>> {
        let (mut held_start, mut completed_start) = (0, 0);
        self.done.iter().map(move |done| {
            let settled = done.position.map(|position| Settled {
                position,
                target: done.target,
                held: &self.held[held_start..done.held_end],
                completed: &self.completed[completed_start..done.completed_end],
            });
            held_start = done.held_end;
            completed_start = done.completed_end;
            settled
        })
    }
}

impl Cohort {
    /// [`Cohort::new`] with the officers' passbooks resolved on up to `threads` worker
    /// threads (0 counts as 1): officers are taken from `officers` in batches of 2,048 per
    /// part, each batch cut into at most `min(threads, rayon::current_num_threads())`
    /// parts (never more than `std::thread::available_parallelism`) resolved as tasks of
    /// the current rayon pool, as [`NeedsOptions::threads`](crate::NeedsOptions::threads)
    /// does; the calling thread then adds them to the columns in input order, and resolves
    /// again, in its place, any officer with a problem. The cohort and the errors are the
    /// same for any number of threads. 1 runs on the calling thread; without the default
    /// `parallel` feature and on `wasm32` everything does.
    ///
    /// # Errors
    /// As [`Cohort::new`].
    ///
    /// # Complexity
    /// As [`Cohort::new`], the work of resolving passbooks shared between the threads;
    /// besides, one batch of officers (their items as `officers` yields them) is held at
    /// a time.
    pub fn with_threads<I>(
        framework: &Framework,
        officers: I,
        policy: &LevelPolicy,
        threads: usize,
    ) -> Result<Cohort, Errors>
    where
        I: IntoIterator,
        I::Item: Borrow<OfficerSpec>,
    {
        let mut builder = CohortBuilder::new(framework, policy);
        let parts = workers(threads, usize::MAX);
        if parts <= 1 {
            for officer in officers {
                let officer: &OfficerSpec = officer.borrow();
                builder.push(
                    officer.fields(),
                    officer.passbook.iter().map(Evidence::view),
                );
            }
            return builder.finish(threads);
        }
        let mut states: Vec<Part> = (0..parts).map(|_| Part::new()).collect();
        let mut officers = officers.into_iter();
        let mut batch: Vec<I::Item> = Vec::new();
        loop {
            batch.clear();
            batch.extend(officers.by_ref().take(parts * PART));
            if batch.is_empty() {
                break;
            }
            let specs: Vec<&OfficerSpec> = batch.iter().map(Borrow::borrow).collect();
            let size = specs.len().div_ceil(parts);
            let work: Vec<(&mut Part, &[&OfficerSpec])> =
                states.iter_mut().zip(specs.chunks(size)).collect();
            let used = work.len();
            map_parts(work, |(part, officers)| {
                part.clear();
                for officer in officers {
                    let passbook = officer.passbook.iter().map(Evidence::view);
                    let _ = part.resolve(framework, policy, officer.fields(), passbook);
                }
            });
            let mut next = specs.iter();
            for part in &states[..used] {
                for (settled, officer) in part.settled().zip(next.by_ref()) {
                    match settled {
                        Some(settled) => builder.push_resolved(officer.fields(), &settled),
                        None => builder.push(
                            officer.fields(),
                            officer.passbook.iter().map(Evidence::view),
                        ),
                    }
                }
            }
        }
        builder.finish(threads)
    }
}
