//! Passbook rows read in parts of a piece at once (see `Feed::push_parts`): each part
//! reads the rows that have no problem and no warning into its own [`Work`], through what
//! the reader has read so far ([`Shared`]) without changing it, and the reader takes the
//! parts in in file order ([`Work::apply`]).

use super::ids::Ids;
use super::known::Competencies;
use super::lists::Runs;
use super::quick;
use super::settled::{Dates, Settled};
use crate::interop::csv::{Header, Row};
use crate::interop::officers::evidence_row;
use crate::model::nearest::Nearest;
use crate::people::columns::Officers;
use crate::people::resolve::{check_evidence, evidence_date};
use crate::{Error, Framework, OfficersCsvOptions};

/// What the parts read through: the framework, the options and the officers read.
pub(super) struct Shared<'a> {
    pub(super) framework: &'a Framework,
    pub(super) options: &'a OfficersCsvOptions,
    pub(super) columns: &'a Officers,
    /// Officer numbers by id.
    pub(super) index: &'a Ids,
    /// The framework's competencies read from a cell's bytes, for large pieces.
    pub(super) known: Option<&'a Competencies>,
    /// The options' tests of an entry.
    pub(super) settled: Settled,
}

/// No held level, in [`Work::row`].
const NOTHING: u32 = u32::MAX;

/// The workspace of one part of a piece: what its rows gave, and what reading them needs.
pub(super) struct Work {
    /// The officer of the last row read.
    last: Option<u32>,
    /// What [`quick::Lines::line`] can read under the header, once looked at.
    layout: Option<quick::Layout>,
    /// The date cells of common lines read so far, from the first common line on.
    dates: Option<Dates>,
    /// Per run of rows of one officer: the officer and the number of rows; their counted
    /// levels are in `held`.
    rows: Vec<(u32, u32)>,
    /// `competency << 3 | level` per counted entry, by runs of one officer.
    held: Runs,
    /// Per completion of a known course: the officer and the course.
    completed: Vec<(u32, u32)>,
    errors: Vec<Error>,
    courses: Vec<u32>,
    nearest: Nearest,
}

impl Default for Work {
    fn default() -> Self {
        Work {
            last: None,
            layout: None,
            dates: None,
            rows: Vec::new(),
            held: Runs::default(),
            completed: Vec::new(),
            errors: Vec::new(),
            courses: Vec::new(),
            nearest: Nearest::new(0),
        }
    }
}

impl Work {
    /// Records a row of officer `k` holding `held` (or [`NOTHING`]).
    #[inline]
    fn row(&mut self, k: u32, held: u32) {
        match self.rows.last_mut() {
            Some((last, n)) if *last == k => *n += 1,
            _ => self.rows.push((k, 1)),
        }
        if held != NOTHING {
            self.held.push(k, held);
        }
    }

    /// Records `n` rows of officer `k`, whose counted levels are in `held` already.
    #[inline]
    fn rows_of(&mut self, k: u32, n: u32) {
        match self.rows.last_mut() {
            Some((last, m)) if *last == k => *m += n,
            _ => self.rows.push((k, n)),
        }
    }

    /// Adds what this part read to the reader's passbook counts, completions and held
    /// levels, as reading its rows one by one would have.
    pub(super) fn apply(
        self,
        entries: &mut [u32],
        completed: &mut Vec<(u32, u32)>,
        held: &mut Runs,
    ) {
        for (k, n) in self.rows {
            entries[k as usize] += n;
        }
        completed.extend_from_slice(&self.completed);
        held.append(self.held);
    }
}

impl Shared<'_> {
    /// Reads the lines at the start of `bytes` (the rest of a part) while they are common
    /// rows (see [`quick::Lines::line`]) of officers read; returns the bytes read with
    /// their line ends and the number of lines. The lines are read by runs of one
    /// officer: the first line of a run names the officer, looked up; the lines after it
    /// that start with the same id are the same officer's, read in one loop without a call
    /// each.
    pub(super) fn quick(&self, header: &Header, bytes: &[u8], work: &mut Work) -> (usize, usize) {
        let layout = if let Some(layout) = work.layout {
            layout
        } else {
            // About 55 bytes a row and 30 rows an officer in an export: room for what the
            // part gives, so that the lists are not moved as they grow.
            work.rows.reserve(bytes.len() >> 10);
            work.held.reserve(bytes.len() >> 6, bytes.len() >> 10);
            *work.layout.insert(quick::layout(header))
        };
        let Some(lines) = quick::Lines::new(self.framework, self.settled, layout, self.known)
        else {
            return (0, 0);
        };
        // Taken out of the workspace while the lines are read, and put back after.
        let mut dates = work
            .dates
            .take()
            .unwrap_or_else(|| Dates::new(self.settled));
        let (mut at, mut read) = (0, 0);
        while let Some((officer, first)) = lines.first(&bytes[at..], &mut dates) {
            let Some(k) = self.officer_of(officer, work) else {
                break;
            };
            // The officer cell ends with a comma (see `Lines::first`).
            let id = quick::IdCell::new(&bytes[at..=at + officer.len()]);
            at += first.len;
            let n = work.held.push_run(k, |values| {
                values.extend(first.held);
                let mut n = 1;
                while let Some(line) = Some(&bytes[at..])
                    .filter(|rest| id.starts(rest))
                    .and_then(|rest| lines.line(rest, id.id_len(), &mut dates))
                {
                    if let Some(held) = line.held {
                        values.push(held);
                    }
                    at += line.len;
                    n += 1;
                }
                n
            });
            work.rows_of(k, n);
            read += n as usize;
        }
        work.dates = Some(dates);
        (at, read)
    }

    /// Reads a passbook row that has no problem, no warning and names an officer read,
    /// without changing anything, so that rows can be read on several threads; `false`
    /// for any other row, which the reader reads in order.
    pub(super) fn good(&self, row: &Row<'_>, work: &mut Work) -> bool {
        if let Some((officer, held)) = quick::common(self.framework, &self.settled, row)
            && let Some(k) = self.officer_of(officer, work)
        {
            work.row(k, held.unwrap_or(NOTHING));
            return true;
        }
        let Some(e) = (evidence_row(self.framework, row, &mut work.errors))
            .filter(|e| !e.faulty && e.missing == 0)
        else {
            return false;
        };
        let Some(k) = self.officer_of(e.officer.as_bytes(), work) else {
            return false;
        };
        work.courses.clear();
        let checked = check_evidence(
            self.framework,
            &self.options.policy,
            e.entry,
            &mut work.courses,
            &mut work.nearest,
        );
        if !checked.problems.is_empty() || work.courses.len() > 1 {
            return false;
        }
        if let Some(as_of) = self.options.review.as_of
            && evidence_date(e.entry.date)
                .ok()
                .flatten()
                .is_some_and(|day| day > as_of)
        {
            return false;
        }
        if let Some(&course) = work.courses.first() {
            work.completed.push((k, course));
        }
        let held = checked.held;
        work.row(
            k,
            held.map_or(NOTHING, |(c, level)| c << 3 | u32::from(level)),
        );
        true
    }

    /// The number of the officer whose id is `officer`: most rows name the officer of
    /// the row before, and most of the others the officer read after that one (an export
    /// lists the passbooks in the officers' order), whose id is compared before the id
    /// is looked up: ids are unique, so the officer found is the one the lookup finds,
    /// without its hashing and its reads at random places in the table and the ids.
    fn officer_of(&self, officer: &[u8], work: &mut Work) -> Option<u32> {
        let next = match work.last {
            Some(k) if self.columns.id_bytes(k as usize) == officer => return Some(k),
            Some(k) => k + 1,
            None => 0,
        };
        let k = if (next as usize) < self.columns.len()
            && self.columns.id_bytes(next as usize) == officer
        {
            next
        } else {
            // Hashed as the `str` the id was stored as.
            let id = std::str::from_utf8(officer).ok()?;
            self.index
                .find(self.index.hash(id), officer, self.columns)?
        };
        work.last = Some(k);
        Some(k)
    }
}
