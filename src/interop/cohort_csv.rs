//! HR exports straight into a [`Cohort`]: the CSV rows of [`OfficersCsv`] go into the
//! cohort's columns as they are read, without an [`OfficerSpec`](crate::OfficerSpec) or a
//! string per officer on the way, from whole texts ([`Cohort::from_csv`]) or from pieces
//! of bytes as a file is read ([`CohortCsvReader`]).
//!
//! Plain lines (no quote, nothing to trim) are split at their commas directly, and every
//! other record is read by the `csv` crate from its own line (see `interop/csv/feed.rs`);
//! with [`OfficersCsvOptions::threads`], large pieces of either file are read in parts at
//! once, rows with a problem or a warning then read in file order (officer rows are
//! checked in parts, `cohort_csv/roster.rs`, and added to the columns in order, where a
//! repeated id is found). Under the format's own
//! `evidence.csv` header, a common passbook line is split and parsed in one pass from its
//! bytes (`cohort_csv/quick.rs`), its competency found while its cell is scanned
//! (`cohort_csv/known.rs`, for large pieces); any other line takes the paths above.
//!
//! The rows are read and checked by the same row layer as [`load_officers`], and every
//! passbook entry by the same check as [`Profile::new`](crate::Profile::new), so the
//! problems reported are those of [`load_officers`], and the cohort is the one
//! [`Cohort::new`] builds from its officers.
//!
//! What is kept while reading: the officers' columns (each id once, in the cohort's own
//! storage, looked up through a table of officer numbers hashed by id), the line of each
//! officer, and `competency << 3 | level` per counted passbook entry, in runs of one
//! officer's entries (an export lists a passbook's rows together). When the evidence is
//! read, the runs are laid out per officer in the cohort's storage order and reduced to
//! the highest level per competency; the department-mismatch warnings, kept as officer
//! numbers until then, are written out once the cohort is built.

use std::collections::HashMap;

mod ids;
mod known;
mod lists;
mod parts;
mod quick;
mod roster;
mod settled;
mod warnings;
use ids::Ids;
use known::Competencies;
use lists::{Runs, distinct, group, group_runs, settle};
use parts::{Shared, Work};
use roster::{Read, Roster};
use warnings::{after_as_of, all_warnings};

use super::officers::{
    EVIDENCE, EVIDENCE_COLUMNS, EvidenceRow, OFFICER_COLUMNS, OFFICERS, OfficerRow, OfficersCsv,
    OfficersCsvOptions, attach_dates, attach_missing, check_unowned, dated, evidence_row,
    name_entry, note_missing, officer_row, refused_ids, repeated_officer, report_problems, settled,
    unknown_positions, unowned_level,
};
use crate::analysis::parallel::workers;
use crate::interop::csv::DateColumn;
use crate::interop::csv::feed::Feed;
use crate::interop::csv::{ColumnNotRead, CsvFileRead, MissingCells};
use crate::interop::csv::{Header, Row};
use crate::model::names::lf_lines_borrowed;
use crate::model::nearest::Nearest;
use crate::model::order;
use crate::people::columns::{Officers, capacity};
use crate::people::resolve::{NEAREST_LIMIT, check_evidence};
use crate::{Cohort, EntityKind, Error, Errors, Framework, OfficerId};

/// What [`Cohort::from_csv`] read.
#[derive(Clone, Debug)]
pub struct CohortLoad {
    /// The officers, in `officers.csv` order.
    pub cohort: Cohort,
    /// Probable mistakes that are not errors, exactly as
    /// [`OfficersLoad::warnings`](crate::OfficersLoad::warnings) lists them but for
    /// repeated or contradicting passbook rows
    /// ([`EvidenceProblem::Duplicate`](crate::EvidenceProblem::Duplicate)), which this
    /// load does not look for (it keeps no passbook entry, only counted levels): each an
    /// [`Error::CsvRow`] naming the file, line and column, officers in file order.
    pub warnings: Vec<Error>,
    /// The columns of either file whose header names no column of the format, exactly as
    /// [`OfficersLoad::columns_not_read`](crate::OfficersLoad::columns_not_read) lists
    /// them: their cells were not read.
    pub columns_not_read: Vec<ColumnNotRead>,
    /// How each file was read, exactly as
    /// [`OfficersLoad::files`](crate::OfficersLoad::files) lists them.
    pub files: Vec<CsvFileRead>,
}

impl Cohort {
    /// Reads officers and their passbooks from an HR export's CSV texts straight into a
    /// cohort, checking them against `framework` and deriving levels with the options'
    /// [`level_policy`](OfficersCsvOptions::level_policy).
    ///
    /// The result is exactly what [`load_officers`] followed by [`Cohort::new`] with the
    /// same policy give: the same officers in the same order with the same levels, the same
    /// warnings, and on bad input the same errors in the same order. The difference is the
    /// cost: no [`OfficerSpec`](crate::OfficerSpec) and no per-officer string is built, so
    /// memory stays near the cohort's own and nothing is left to free afterwards. The one
    /// warning that cost leaves out is a passbook row repeating or contradicting an earlier
    /// one ([`EvidenceProblem::Duplicate`](crate::EvidenceProblem::Duplicate)): finding it
    /// needs every entry's date, source and course kept, so a caller who must know reads
    /// with [`load_officers`] (or calls
    /// [`Framework::review_officers`](crate::Framework::review_officers) on its officers).
    ///
    /// The columns of both files are those of [`OfficersCsv`].
    ///
    /// # Errors
    /// Every problem [`load_officers`] reports, all at once, in file order
    /// (`officers.csv` first), each naming the file, line and column (and the officer id,
    /// escaped as in every error); and [`Error::CapacityExceeded`] beyond 2³² − 2 officers
    /// or 2³² − 1 bytes of ids, bytes of names, held levels or completed courses.
    ///
    /// # Complexity
    /// O(T + E·log e + n) time for T bytes of text, E passbook entries (at most e per
    /// officer) and n officers, plus the framework's lookups; memory the cohort's plus about
    /// 4 bytes per counted passbook entry (16 per run of one officer's rows) and about 30
    /// per officer while reading (and, for 64 KiB of evidence or more, under 96 bytes per
    /// competency of the framework), then the warnings (officer ids that look alike:
    /// one pass over the ids when they are ASCII and in one letter case, else
    /// O(n log n) and 16 bytes per officer). With
    /// [`OfficersCsvOptions::threads`], the held levels are settled and the warnings
    /// written out over the threads.
    ///
    /// # Example
    /// ```
    /// use karmayogi::{Cohort, Framework, OfficersCsv, OfficersCsvOptions};
    ///
    /// let fw = Framework::from_json(r#"{"format_version": 2,
    ///   "competencies": [{"id": "rti", "name": "Right to Information", "type": "domain"}],
    ///   "roles": [{"id": "cpio", "name": "CPIO", "requires": [{"competency": "rti", "level": 3}]}],
    ///   "positions": [{"id": "us", "name": "Under Secretary", "department": "dopt", "roles": ["cpio"]}]}"#)?;
    /// let officers = "id,department,position\no1,dopt,us\no2,dopt,us\n";
    /// let evidence = "officer,competency,level,source\no1,rti,2,assessment\n";
    /// let csv = OfficersCsv::new(officers).evidence(evidence);
    /// let load = Cohort::from_csv(&fw, &csv, &OfficersCsvOptions::default())?;
    /// assert_eq!(load.cohort.len(), 2);
    /// let needs = fw.training_needs(&load.cohort, &Default::default())?;
    /// assert_eq!(needs.rows[0].officers_short, 2);
    ///
    /// // Problems come all at once, by file, line and column.
    /// let bad = "officer,competency,level,source\no3,rti,2,assessment\no1,rti,9,assessment\n";
    /// let errors = Cohort::from_csv(&fw, &OfficersCsv::new(officers).evidence(bad),
    ///                               &OfficersCsvOptions::default()).unwrap_err();
    /// assert_eq!(errors.len(), 2);
    /// assert_eq!(errors.as_slice()[1].to_string(),
    ///            "evidence.csv line 3, column `level`: officer `o1` passbook entry 0 \
    ///             (competency `rti`): found `9`, expected a level from 0 to 5");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// [`load_officers`]: crate::load_officers
    pub fn from_csv(
        framework: &Framework,
        csv: &OfficersCsv<'_>,
        options: &OfficersCsvOptions,
    ) -> Result<CohortLoad, Errors> {
        let mut reader = CohortCsvReader::new(framework, options);
        reader.push_officers(csv.officers.as_bytes());
        if let Some(text) = csv.evidence {
            reader.push_evidence(text.as_bytes());
        }
        match reader.finish() {
            // A date that read both ways, and a later one settles the order.
            Err(errors) => match settled(&errors, csv, options) {
                Some(settled) => Cohort::from_csv(framework, csv, &settled),
                None => Err(errors),
            },
            read => read,
        }
    }
}

/// [`Cohort::from_csv`] fed in pieces: the bytes of `officers.csv`, then those of
/// `evidence.csv`, in pieces of any size cut anywhere (in a record, in a character), so
/// that a caller reading the files never holds them whole.
///
/// The result is that of [`Cohort::from_csv`] on the texts the pieces make up, with the
/// same warnings and errors in the same order; bytes that are not UTF-8 in a column read
/// are the error a text holding U+FFFD there gives ([`Error::CsvInvalidValue`], the
/// offending bytes shown as U+FFFD), and the row is not read. One more difference: a date with the
/// year last that reads both ways (`01/02/2024`) is read in the order a date of the
/// column before it settled (a number above 12) or [`OfficersCsvOptions::date_order`]
/// gives; the reader cannot look ahead, so where only a later date settles the order,
/// each such row is [`Error::CsvDateOrder`] here while [`Cohort::from_csv`], which holds
/// the whole text, reads it in the order the later date settles. Give
/// [`OfficersCsvOptions::date_order`] to read such a file in pieces. The library does no
/// I/O: the caller reads the files and pushes what it read.
///
/// Push all of `officers.csv` before `evidence.csv`: the first piece of evidence ends the
/// officers' file (a last record without a line break is read then), and each passbook
/// row names an officer read before it. Pushing evidence, even an empty piece, says there
/// is an evidence file (an empty one lacks its header); without it, the officers have no
/// passbooks.
///
/// A file whose text is a JSON document ([`Error::CsvLooksLikeJson`]) names the
/// document's kind as [`Cohort::from_csv`] does when it ends within its first 16 MiB,
/// which are kept to tell it; a longer one is named without its kind.
///
/// # Memory
/// What [`Cohort::from_csv`] keeps, plus the unfinished record of the last piece; the
/// pieces themselves are not kept, but for the first 16 MiB of a text that starts as a
/// JSON document does.
///
/// # Example
/// ```
/// use karmayogi::{CohortCsvReader, Framework, OfficersCsvOptions};
///
/// let fw = Framework::from_json(r#"{"format_version": 2,
///   "competencies": [{"id": "rti", "name": "Right to Information", "type": "domain"}],
///   "roles": [{"id": "cpio", "name": "CPIO", "requires": [{"competency": "rti", "level": 3}]}],
///   "positions": [{"id": "us", "name": "Under Secretary", "department": "dopt", "roles": ["cpio"]}]}"#)?;
/// let mut reader = CohortCsvReader::new(&fw, &OfficersCsvOptions::default());
/// // Pieces as a file reader returns them, cut anywhere.
/// reader.push_officers(b"id,department,position\no1,do");
/// reader.push_officers(b"pt,us\no2,dopt,us\n");
/// reader.push_evidence(b"officer,competency,level,source\no1,rti,2,assess");
/// reader.push_evidence(b"ment\n");
/// let load = reader.finish()?;
/// assert_eq!(load.cohort.len(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct CohortCsvReader<'f> {
    reader: Reader<'f>,
    officers: Feed,
    evidence: Option<Feed>,
}

impl std::fmt::Debug for CohortCsvReader<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CohortCsvReader")
            .field("officers", &self.reader.columns.len())
            .field("errors", &self.reader.errors.len())
            .finish_non_exhaustive()
    }
}

impl<'f> CohortCsvReader<'f> {
    /// A reader of an HR export checked against `framework`, with the options of
    /// [`Cohort::from_csv`].
    ///
    /// # Complexity
    /// O(1); nothing is allocated until the first piece.
    pub fn new(framework: &'f Framework, options: &OfficersCsvOptions) -> Self {
        let [required, optional] = OFFICER_COLUMNS;
        CohortCsvReader {
            reader: Reader {
                framework,
                options: options.clone(),
                errors: Vec::new(),
                warnings: Vec::new(),
                mismatched: Vec::new(),
                columns: Officers::new(),
                index: Ids::new(),
                last: None,
                lines: Vec::new(),
                entries: Vec::new(),
                held: Runs::default(),
                completed: Vec::new(),
                scratch: Vec::new(),
                nearest: Nearest::new(NEAREST_LIMIT),
                known: None,
                settled: settled::Settled::new(options),
                position_departments: Vec::new(),
                full: false,
                refused: HashMap::new(),
                unowned: HashMap::new(),
                missing: [Vec::new(), Vec::new()],
                dates: DateColumn::new(options.dates),
            },
            officers: Feed::new(OFFICERS, required, optional, options.delimiter),
            evidence: None,
        }
    }

    /// Reads the next piece of `officers.csv`.
    ///
    /// # Complexity
    /// O(b) for b bytes (plus the framework's lookups), and the rest of a record the
    /// previous piece cut. With [`OfficersCsvOptions::threads`], the rows of a large
    /// piece are checked in parts at once, then added to the cohort's columns in order.
    pub fn push_officers(&mut self, piece: &[u8]) {
        let reader = &mut self.reader;
        let mut errors = std::mem::take(&mut reader.errors);
        let parts = workers(reader.options.threads, piece.len() >> 20);
        self.officers.push_parts(
            piece,
            parts,
            &mut errors,
            reader,
            &mut |reader: &mut Reader<'_>, row: &Row<'_>, errors: &mut Vec<Error>| {
                let o = officer_row(row, errors);
                reader.officer(row, o, errors);
            },
            &|_: &Reader<'_>, _: &Header, _: &[u8], _: &mut Roster| (0, 0),
            &|reader: &Reader<'_>, row: &Row<'_>, roster: &mut Roster| {
                reader.shared().officer(row, roster)
            },
            &mut |reader: &mut Reader<'_>,
                  roster: Roster,
                  first: usize,
                  errors: &mut Vec<Error>| {
                for read in roster.rows(first) {
                    reader.add(&read, errors);
                }
            },
        );
        reader.errors = errors;
    }

    /// Reads the next piece of `evidence.csv` (the first ends `officers.csv`).
    ///
    /// # Complexity
    /// O(b) for b bytes (plus the framework's lookups), and the rest of a record the
    /// previous piece cut; the first piece of 64 KiB or more also builds a table of the
    /// framework's competency ids, O(C) for C competencies and under 96 bytes each.
    pub fn push_evidence(&mut self, piece: &[u8]) {
        if self.evidence.is_none() {
            self.end_officers();
            let [required, optional] = EVIDENCE_COLUMNS;
            let given = self.reader.options.delimiter;
            self.evidence = Some(Feed::new(EVIDENCE, required, optional, given));
        }
        let officers_read = self.officers.header_ok();
        let Some(feed) = &mut self.evidence else {
            return;
        };
        let reader = &mut self.reader;
        if reader.known.is_none() && piece.len() >= LARGE {
            reader.known = Some(Competencies::new(reader.framework));
        }
        let mut errors = std::mem::take(&mut reader.errors);
        let parts = workers(reader.options.threads, piece.len() >> 20);
        feed.push_parts(
            piece,
            parts,
            &mut errors,
            reader,
            &mut |reader: &mut Reader<'_>, row: &Row<'_>, errors: &mut Vec<Error>| {
                let start = errors.len();
                if let Some(e) = evidence_row(reader.framework, row, errors) {
                    reader.evidence(row, e, (errors, start), officers_read);
                }
            },
            &|reader: &Reader<'_>, header: &Header, bytes: &[u8], work: &mut Work| {
                reader.shared().quick(header, bytes, work)
            },
            &|reader: &Reader<'_>, row: &Row<'_>, work: &mut Work| reader.shared().good(row, work),
            &mut |reader: &mut Reader<'_>, work: Work, _, _: &mut Vec<Error>| {
                work.apply(&mut reader.entries, &mut reader.completed, &mut reader.held);
            },
        );
        reader.index.settle(&reader.columns);
        reader.errors = errors;
    }

    /// Reads the last record of `officers.csv` when it has no line break.
    fn end_officers(&mut self) {
        let reader = &mut self.reader;
        let mut errors = std::mem::take(&mut reader.errors);
        self.officers.finish(&mut errors, &mut |row, errors| {
            let o = officer_row(row, errors);
            reader.officer(row, o, errors);
        });
        reader.errors = errors;
        reader.refused = refused_ids(self.officers.refused());
    }

    /// The cohort, or every problem found, as [`Cohort::from_csv`] gives them.
    ///
    /// # Errors
    /// Those of [`Cohort::from_csv`], and [`Error::CsvInvalidValue`] for bytes that are
    /// not UTF-8 in a column read.
    ///
    /// # Complexity
    /// O(E·log e + n) for E counted passbook entries (at most e per officer) and n
    /// officers.
    pub fn finish(mut self) -> Result<CohortLoad, Errors> {
        match &mut self.evidence {
            None => self.end_officers(),
            Some(feed) => {
                let officers_read = self.officers.header_ok();
                let reader = &mut self.reader;
                let mut errors = std::mem::take(&mut reader.errors);
                feed.finish(&mut errors, &mut |row, errors| {
                    let start = errors.len();
                    if let Some(e) = evidence_row(reader.framework, row, errors) {
                        reader.evidence(row, e, (errors, start), officers_read);
                    }
                });
                reader.errors = errors;
            }
        }
        let mut unread = self.officers.take_unread();
        let mut files: Vec<CsvFileRead> = self.officers.read().into_iter().collect();
        if let Some(feed) = &mut self.evidence {
            unread.extend(feed.take_unread());
            files.extend(feed.read());
        }
        let [officers, evidence] = std::mem::take(&mut self.reader.missing);
        attach_missing(&mut files, officers, evidence);
        attach_dates(&mut files, &self.reader.dates);
        let mut load = self.reader.finish()?;
        load.columns_not_read = unread;
        load.files = files;
        Ok(load)
    }
}

/// The size of a piece of evidence from which its competencies are looked up in a table of
/// their own ([`Competencies`]).
const LARGE: usize = 1 << 16;

/// What [`Cohort::from_csv`] has read so far.
struct Reader<'f> {
    framework: &'f Framework,
    options: OfficersCsvOptions,
    errors: Vec<Error>,
    /// Each warning with its officer and `0` for the officer's own, `1 + i` for passbook
    /// entry `i`, to put them in the order the review lists them.
    warnings: Vec<(u32, u32, Error)>,
    /// The officers whose department is not their position's: each a warning, written
    /// out when the cohort is built (an export can have one per officer).
    mismatched: Vec<u32>,
    columns: Officers,
    /// Officer numbers by id (the ids themselves are in `columns`).
    index: Ids,
    /// The officer of the last passbook row: an export lists each passbook's rows
    /// together, so most rows name the officer of the row before.
    last: Option<u32>,
    /// The line of each officer.
    lines: Vec<usize>,
    /// Per officer, the passbook entries read so far.
    entries: Vec<u32>,
    /// Per counted passbook entry, `competency << 3 | level`, by runs of one officer.
    held: Runs,
    /// Per completion of a known course: the officer and the course.
    completed: Vec<(u32, u32)>,
    /// The courses one passbook row completes.
    scratch: Vec<u32>,
    nearest: Nearest,
    /// The framework's competencies read from a cell's bytes, built for the first large
    /// piece of evidence.
    known: Option<Competencies>,
    /// The options' tests of a passbook entry.
    settled: settled::Settled,
    /// Per position of the framework, the columns' number of its department once an
    /// officer of that department in that position was added (`u32::MAX` before): most
    /// officers are in their position's department, whose number is then not looked up
    /// by name.
    position_departments: Vec<u32>,
    /// Capacity ran out: later officers are not read.
    full: bool,
    /// The ids of officer records not read, once `officers.csv` has ended (see
    /// [`refused_ids`]).
    refused: HashMap<String, usize>,
    /// Passbook rows read so far of each officer that is unknown or refused.
    unowned: HashMap<String, usize>,
    /// The optional cells of each file read as missing.
    missing: [Vec<MissingCells>; 2],
    /// `evidence.csv`'s date column.
    dates: DateColumn,
}

impl Reader<'_> {
    /// What the parts of a piece read through.
    fn shared(&self) -> Shared<'_> {
        Shared {
            framework: self.framework,
            options: &self.options,
            columns: &self.columns,
            index: &self.index,
            known: self.known.as_ref(),
            settled: self.settled,
        }
    }

    /// The number of the officer with this id.
    fn find(&mut self, id: &str) -> Option<u32> {
        if let Some(k) = self.last
            && self.columns.id_bytes(k as usize) == id.as_bytes()
        {
            return Some(k);
        }
        let h = self.index.hash(id);
        let k = self.index.find(h, id.as_bytes(), &self.columns);
        if k.is_some() {
            self.last = k;
        }
        k
    }

    /// Reads one officer row.
    fn officer(&mut self, row: &Row<'_>, o: OfficerRow<'_>, errors: &mut Vec<Error>) {
        note_missing(&mut self.missing[0], OFFICER_COLUMNS[1], o.missing, o.line);
        if self.full {
            return;
        }
        let repeated = if o.id_read { self.find(o.id) } else { None };
        if let Some(first) = repeated {
            errors.push(repeated_officer(o.line, o.id, self.lines[first as usize]));
        }
        let found = unknown_positions(self.framework, &mut self.nearest, (row, &o), errors);
        if !o.id_read || repeated.is_some() {
            return;
        }
        let positions = &self.framework.positions;
        // An unknown position is an error already; the officer is still kept so that
        // their passbook is checked, and the cohort is never built.
        let mismatched = found[0]
            .is_some_and(|p| positions.items[p as usize].department.as_str() != o.department);
        let read = Read {
            hash: None,
            row: o,
            position: found[0].unwrap_or(0),
            target: found[1],
            mismatched,
            same_department: false,
        };
        self.keep(&read, None, false, errors);
    }

    /// Adds an officer row a part read, unless its id was read before.
    fn add(&mut self, read: &Read<'_>, errors: &mut Vec<Error>) {
        if self.full {
            return;
        }
        let id = read.row.id.as_bytes();
        // Ids in increasing order (as exports list them) are new and keep the order: one
        // comparison, where the index and the columns would each compare them.
        let follows = self.index.follows(id, &self.columns);
        let hash = (!follows).then(|| read.hash.unwrap_or_else(|| self.index.hash(read.row.id)));
        if let Some(hash) = hash
            && let Some(first) = self.index.find(hash, id, &self.columns)
        {
            let first_line = self.lines[first as usize];
            errors.push(repeated_officer(read.row.line, read.row.id, first_line));
            return;
        }
        self.keep(read, hash, follows, errors);
    }

    /// Adds an officer whose id was not read before to the columns and the index, its
    /// id of hash `hash` (`None`: hashed when needed); `follows`: the id is known to come
    /// after the last one.
    fn keep(&mut self, read: &Read<'_>, hash: Option<u64>, follows: bool, errors: &mut Vec<Error>) {
        let k = self.columns.len() as u32;
        let o = &read.row;
        // The department's number by the position's, when they are the same department.
        let by_position = read.same_department.then_some(read.position as usize);
        if by_position.is_some() && self.position_departments.is_empty() {
            self.position_departments = vec![u32::MAX; self.framework.positions.items.len()];
        }
        let number = by_position
            .map(|p| self.position_departments[p])
            .filter(|&d| d != u32::MAX);
        // A line break in a quoted name reads alike whatever the file's line ends.
        let name = o.name.map(lf_lines_borrowed);
        let pushed = (self.columns).push_after(
            o.id,
            name.as_deref(),
            (o.department, number),
            read.position,
            read.target,
            follows,
        );
        if let Err(e) = pushed {
            errors.push(e);
            self.full = true;
            return;
        }
        if let (Some(p), None) = (by_position, number) {
            self.position_departments[p] = self.columns.last_department().unwrap_or(u32::MAX);
        }
        self.index.insert(hash, k, &self.columns);
        self.lines.push(o.line);
        self.entries.push(0);
        if read.mismatched {
            self.mismatched.push(k);
        }
    }

    /// Reads one passbook row, checking its entry against the framework and keeping the
    /// levels and completions that count; `errors` from `start` are the row's own problems
    /// found so far (see `name_entry`). Without the officers' header every officer would
    /// look unknown, so unknown officers are then not reported.
    fn evidence(
        &mut self,
        row: &Row<'_>,
        e: EvidenceRow<'_>,
        (errors, start): (&mut Vec<Error>, usize),
        officers_read: bool,
    ) {
        note_missing(&mut self.missing[1], EVIDENCE_COLUMNS[1], e.missing, e.line);
        let mut buf = String::new();
        let e = dated(&mut self.dates, row, e, &mut buf, errors);
        let as_of = self.options.review.as_of;
        let found = self.find(e.officer);
        let index = found.map(|k| self.entries[k as usize] as usize);
        name_entry(&mut errors[start..], e.officer, index, e.entry.competency);
        let (Some(k), Some(index)) = (found, index) else {
            let entry = unowned_level(self.framework, (row, errors), e.officer, e.entry);
            if let Some(&line) = self.refused.get(e.officer) {
                errors.push(row.refused("officer", OFFICERS, line));
            } else if officers_read {
                let columns = &self.columns;
                let near = (self.nearest).get(EntityKind::Officer, e.officer, || columns.ids());
                errors.push(row.unknown_near("officer", OFFICERS, near));
            }
            let check = (self.framework, &self.options.policy, &mut self.nearest);
            check_unowned(check, (row, errors), e.officer, entry, &mut self.unowned);
            return;
        };
        let mut completed = std::mem::take(&mut self.scratch);
        let fw = self.framework;
        let checked = check_evidence(
            fw,
            &self.options.policy,
            e.entry,
            &mut completed,
            &mut self.nearest,
        );
        if !checked.problems.is_empty() {
            let officer = OfficerId::new(self.columns.id(k as usize));
            report_problems(
                row,
                errors,
                &officer,
                index,
                e.entry.competency,
                checked.problems,
            );
        } else if !e.faulty
            && let Some((c, level)) = checked.held
        {
            self.held.push(k, c << 3 | u32::from(level));
        }
        // A row refused for its own cells is still an entry of the passbook, so the
        // entries after it are numbered as the same passbook's JSON numbers them.
        self.entries[k as usize] += 1;
        if e.faulty {
            // Its own problems are reported; the entry's level is not counted.
            completed.clear();
            self.scratch = completed;
            return;
        }
        for &course in &completed {
            self.completed.push((k, course));
        }
        completed.clear();
        if let Some(as_of) = as_of {
            after_as_of(
                &mut self.warnings,
                row,
                &self.columns,
                k,
                index as u32,
                e.entry,
                as_of,
            );
        }
        self.scratch = completed;
    }

    /// The cohort, or every problem found.
    fn finish(mut self) -> Result<CohortLoad, Errors> {
        if let Some(errors) = Errors::from_vec(std::mem::take(&mut self.errors)) {
            return Err(errors);
        }
        let Reader {
            framework: fw,
            ref options,
            mut warnings,
            mismatched,
            mut columns,
            index,
            lines,
            held,
            completed,
            ..
        } = self;
        drop(index);
        let n = columns.len();
        if held.len() > u32::MAX as usize || completed.len() > u32::MAX as usize {
            return Err(capacity().into());
        }
        let layout = columns.layout();
        // The slot of each officer: held levels are stored in slot order.
        let slot_of: Option<Vec<u32>> = layout.order().map(|order| {
            let mut slot = vec![0u32; n];
            for (s, &i) in order.iter().enumerate() {
                slot[i as usize] = s as u32;
            }
            slot
        });
        let slot = |k: u32| slot_of.as_ref().map_or(k, |s| s[k as usize]);
        let held = group_runs(n, held, slot, options.threads);
        drop(slot_of);
        let mut errors = Vec::new();
        let held = settle(fw, options, held, &mut errors);
        let completed = group(n, completed, |k| k);
        let completed = distinct(&completed, &mut errors);
        if !errors.is_empty() {
            return Err(capacity().into());
        }
        let cohort = columns.finish(
            fw.stamp,
            layout,
            held,
            completed,
            options.threads,
            &mut errors,
        );
        match (cohort, Errors::from_vec(errors)) {
            (Some(cohort), None) => {
                order::sort_by_key(&mut warnings, |&(k, entry, _)| (k, entry));
                let warnings =
                    all_warnings(fw, &cohort, &lines, &mismatched, warnings, options.threads);
                Ok(CohortLoad {
                    cohort,
                    warnings,
                    columns_not_read: Vec::new(),
                    files: Vec::new(),
                })
            }
            (_, Some(errors)) => Err(errors),
            (None, None) => Err(capacity().into()),
        }
    }
}
