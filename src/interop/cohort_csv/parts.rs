//! Passbook rows read in parts of a piece at once (see `Feed::push_parts`): each part
//! reads the rows that have no problem and no warning into its own [`Work`], through what
//! the reader has read so far ([`Shared`]) without changing it, and the reader takes the
//! parts in in file order ([`Work::apply`]).

use hashbrown::HashTable;

use super::known::Competencies;
use super::lists::Runs;
use super::quick;
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
    /// Officer numbers, hashed by id with `hash`.
    pub(super) index: &'a HashTable<u32>,
    pub(super) hash: &'a foldhash::quality::RandomState,
    /// The framework's competencies read from a cell's bytes, for large pieces.
    pub(super) known: Option<&'a Competencies>,
}

/// No held level, in [`Work::row`].
const NOTHING: u32 = u32::MAX;

/// The workspace of one part of a piece: what its rows gave, and what reading them needs.
pub(super) struct Work {
    /// The officer of the last row read.
    last: Option<u32>,
    /// Whether that officer's id is one a line can start with as its officer cell: not
    /// empty, every byte ASCII and at or above `-`.
    last_plain: bool,
    /// What [`quick::line`] can read under the header, once looked at.
    layout: Option<quick::Layout>,
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
            last_plain: false,
            layout: None,
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
    /// Reads the line at the start of `text` when it is a common row (see
    /// [`quick::line`]) of an officer read; returns its length with its line end.
    pub(super) fn quick(&self, header: &Header, text: &str, work: &mut Work) -> Option<usize> {
        let course = match work.layout.get_or_insert_with(|| quick::layout(header)) {
            quick::Layout::Format => false,
            quick::Layout::FormatWithCourse => true,
            quick::Layout::Other => return None,
        };
        // Most lines name the officer of the line before.
        let bytes = text.as_bytes();
        let same = work
            .last
            .filter(|_| work.last_plain)
            .filter(|&k| starts_with_cell(bytes, self.columns.id_bytes(k as usize)));
        let officer = same.map(|k| self.columns.id_bytes(k as usize).len());
        let line = quick::line(
            self.framework,
            self.options,
            course,
            text,
            officer,
            self.known,
        )?;
        let k = match same {
            Some(k) => k,
            None => self.officer_of(line.officer, work)?,
        };
        work.row(k, line.held.unwrap_or(NOTHING));
        Some(line.len)
    }

    /// Reads a passbook row that has no problem, no warning and names an officer read,
    /// without changing anything, so that rows can be read on several threads; `false`
    /// for any other row, which the reader reads in order.
    pub(super) fn good(&self, row: &Row<'_>, work: &mut Work) -> bool {
        if let Some((officer, held)) = quick::common(self.framework, self.options, row)
            && let Some(k) = self.officer_of(officer, work)
        {
            work.row(k, held.unwrap_or(NOTHING));
            return true;
        }
        let Some(e) = evidence_row(self.framework, row, &mut work.errors).filter(|e| !e.faulty)
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
    /// the row before.
    fn officer_of(&self, officer: &[u8], work: &mut Work) -> Option<u32> {
        match work.last {
            Some(k) if self.columns.id_bytes(k as usize) == officer => Some(k),
            _ => {
                // Hashed as the `str` the id was stored as.
                let id = std::str::from_utf8(officer).ok()?;
                let h = std::hash::BuildHasher::hash_one(self.hash, id);
                let k = *(self.index).find(h, |&i| self.columns.id_bytes(i as usize) == officer)?;
                work.last = Some(k);
                work.last_plain =
                    !officer.is_empty() && officer.iter().all(|&b| b >= b'-' && b.is_ascii());
                Some(k)
            }
        }
    }
}

/// Whether `bytes` start with `id` and a comma; ids of 8 to 16 bytes compared as two words.
#[inline]
fn starts_with_cell(bytes: &[u8], id: &[u8]) -> bool {
    let n = id.len();
    if bytes.get(n) != Some(&b',') {
        return false;
    }
    let word = |s: &[u8], at: usize| {
        s.get(at..at + 8)
            .map(|w| u64::from_le_bytes(w.try_into().unwrap_or_default()))
    };
    if (8..=16).contains(&n) {
        return word(bytes, 0) == word(id, 0) && word(bytes, n - 8) == word(id, n - 8);
    }
    &bytes[..n] == id
}
