//! HR exports: officers and their competency passbooks from CSV text → [`OfficerSpec`]s.
//!
//! Two layers. The row layer ([`officer_rows`], [`evidence_rows`]) reads each record into a
//! small struct borrowing the record's text and checks what a row alone can tell (a level
//! is a number, a source is known); it builds no `OfficerSpec`, so a cohort can later be
//! filled from it row by row. [`load_officers`] puts those rows together into specs and
//! checks them against a framework, mapping every problem back to its file, line and
//! column.

use std::collections::HashMap;

use crate::interop::csv::{
    ColumnNotRead, CsvFileRead, DateColumn, DateOrder, Delimiter, MissingCells, Row,
};
use crate::model::equivalent::alike_officers;
use crate::model::names::lf_lines;
use crate::model::nearest::Nearest;
use crate::model::quote::needs_csv_quotes;
use crate::people::officer::EvidenceView;
use crate::people::resolve::{NEAREST_LIMIT, check_evidence};
use crate::people::review::{Source, review_officer};
use crate::{
    EntityKind, Error, Errors, Evidence, EvidenceProblem, Framework, LevelPolicy, OfficerId,
    OfficerSpec, ReviewOptions,
};

mod rows;
pub(crate) use rows::{
    EVIDENCE, EVIDENCE_COLUMNS, EvidenceRow, OFFICER_COLUMNS, OFFICERS, OfficerRow, dated,
    evidence_row, evidence_rows, name_entry, note_missing, officer_row, officer_rows, refused_ids,
    repeated_officer, settle_date_order, unknown_positions, unowned_level,
};

/// The texts of an HR export: officers, and (optionally) their passbook entries.
///
/// Columns are found by name in each header, in any order and in any capitalisation
/// (`ID`, `Name`); other columns are not read, and are listed in
/// [`OfficersLoad::columns_not_read`] (and [`CohortLoad::columns_not_read`](crate::CohortLoad::columns_not_read)) so that a
/// misspelt optional column is seen rather than lost, with the column it looks like in
/// [`ColumnNotRead::nearest`](crate::ColumnNotRead::nearest) (`verifed` for `verified`). A header without a column's own name may
/// name it folded (case, spaces of any kind, `_`, `-` and `.` aside: `Target Position`) or as HR
/// exports do, in this order of preference:
/// - `id`: `Officer ID`, `Employee ID`, `Emp ID`; then `Employee Code`, `Emp Code`,
///   `Employee No`, `Employee Number`, `Staff ID`; `name`: `Officer Name`, `Employee
///   Name`, `Emp Name`, `Full Name`; `department`: `Department ID`, `Department Code`,
///   `Dept`, `Dept ID`, `Dept Code`;
///   `position`: `Position ID`, `Position Code`, `Designation`, `Designation ID`, `Post`;
///   `target`: `Target Position ID`, `Target Designation`, `Next Position`;
/// - `officer`: `Officer ID`, `Employee ID`, `Emp ID`; then as `id` above; `competency`:
///   `Competency ID`, `Competency Code`; `level`: `Proficiency Level`, `Proficiency`, `Competency
///   Level`, `Level Achieved`, `Achieved Level`; `source`: `Evidence Source`, `Source
///   Type`, `Evidence Type`; `date`: `Evidence Date`, `Assessment Date`, `Completion
///   Date`, `Date of Completion`, `Completed On`, `Assessed On`; `verified`: `Is
///   Verified`, `Verified Flag`; `course`: `Course ID`, `Course Code`.
///
/// Two headers naming one column at the first of these steps that finds one (`Id` and
/// `ID`, `id` twice, `Emp ID` and `Employee ID`) are [`Error::CsvAmbiguousColumn`]; one
/// header cell naming two columns (`Position / Target Position`, whose sides name
/// `position` and `target`) is [`Error::CsvSharedHeader`], and neither is read from it.
/// A header that gives a column's items by name (`Department Name`, `Dept Name`,
/// `Ministry Department`; `Position Name`, `Designation Name`, `Post Name`; `Target
/// Position Name`, `Target Designation Name`; `Competency Name`, `Competency Title`,
/// `Skill Name`) is never read as the column, since a name read as an id is unknown or
/// another item's id: beside an id column it is not read (and listed so), and alone it is
/// [`Error::CsvNameColumn`].
/// - `officers`: `id`, `department`, `position` (required); `name`, `target` (optional
///   columns; an empty cell means none). A line break inside a quoted name reads as `\n`,
///   whatever the file's line ends (`\r\n`, `\r`).
/// - `evidence`: `officer`, `competency`, `level`, `source` (required); `date`,
///   `verified`, `course` (optional columns). `level` is a whole number 0 to 5, also
///   written with leading zeros (`03`) or a fraction of zeros as spreadsheets write
///   numbers (`3.0`, `"3,0"`; a negative zero, `-0` or `-0.0`, is 0) or
///   as a level label (`L3`, `Level 3`, `lvl-3`, any case), or by the name of one of the
///   competency's levels as the platform shows it (the level descriptor's `name`, else the
///   default `Basic`, `Proficient`, `Advanced`, `Expert`, `Ustad` for 1 to 5; trimmed, any
///   case; a name no level has, or two of its levels share, is
///   [`EvidenceProblem::UnresolvedLevelName`](crate::EvidenceProblem::UnresolvedLevelName)
///   at the row's `level` (in [`Error::CsvRow`]) as from JSON, or, in a row of an officer
///   not read, [`Error::CsvInvalidValue`] naming the officer), or by both, as HR systems export a
///   level picked from a list (`3 - Advanced`, `Level 3: Advanced`, `Advanced (3)`,
///   `3 (Advanced)`, `4 [Expert]`; the number as officers' JSON reads it, split from the
///   name by the same reader): read
///   as the number, the name kept in [`Evidence::level_name`] as a JSON passbook keeps
///   it; a name the competency does not give that level is
///   [`EvidenceProblem::LevelNameMismatch`](crate::EvidenceProblem::LevelNameMismatch) at
///   the row's `level` (in [`Error::CsvRow`]), naming both readings as from JSON, since
///   which of the two is meant is unknowable; or as a Roman numeral I to V, alone or in a
///   level label (`III`, `Level III`, `L-III`, any case), as Indian government scales
///   write levels: the name of a level of a competency that names its levels so, else
///   the level of its value (a competency naming any level with a numeral means only its
///   names); a numeral beside a name (`Level III - Advanced`) or out of a scale (`III of
///   V`) is not read;
///   `source` is `course_completion`, `assessment`, `feedback360` or `self_declared`, in
///   any capitalisation and with a space or `-` for `_` (`Self Declared`), and
///   `feedback360` also as `Feedback 360`, `360 feedback` or `360-degree feedback`
///   (any case, spaces and hyphens); `date` is an
///   ISO date or date-time, or empty when undated, or a date as HR exports write it
///   (`03/12/2026` or `03-12-2026` day or month first, `2026/12/03`, `03-Dec-2026`, each
///   also followed by a time of day, `03/12/2026 14:05` or `12/3/2026 2:05 PM`, which is
///   dropped; after an ISO date, `2026-12-03 9:30` or `2026-12-03 9:30 PM`, read by its
///   date as in JSON), read as the ISO date it is and reported in [`CsvFileRead::dates`]: numeric dates with the
///   year last in the order [`OfficersCsvOptions::date_order`] gives, else as a date of
///   the column with a number above 12 settles it, never guessed
///   ([`Error::CsvDateOrder`]); `verified` is `true`/`false`,
///   `yes`/`no`, `y`/`n` or `1`/`0` in any case, empty meaning `true` (as in JSON) and a
///   mark of a missing value (`N/A`, see below) meaning `false`: a verification not
///   available is none, so the entry counts only where unverified evidence does;
///   `course` is the course's id, empty for none.
///
/// Both files follow the crate's CSV rules: CRLF or LF line ends, a UTF-8 byte-order mark,
/// whitespace around fields, blank lines and rows whose fields are all empty (`,,,`) are
/// accepted. Title lines above the header, as spreadsheet and HR tools write them
/// (`Department of Posts — Competency passbook export`, `Generated 2026-03-01`), are read
/// past when each holds at most one cell that is not empty (under the header's delimiter)
/// and the header comes within [`TITLE_LINES_MAX`](crate::TITLE_LINES_MAX) of them; each is
/// reported in [`CsvFileRead::title_lines`]. A line of two cells or more above the header
/// may be a misplaced header or a row: [`Error::CsvLineAboveHeader`] names it, and the
/// file is not read. Each file's fields may be separated by `,`, `;` (Excel where the decimal mark
/// is a comma), a tab or `|`: the delimiter is the one
/// [`OfficersCsvOptions::delimiter`] gives, else the one a first line `sep=;` declares,
/// else the one under which the header names every required column (two that do and
/// split it differently are [`Error::CsvAmbiguousDelimiter`]); told from the header alone,
/// it is reported in [`OfficersLoad::files`].
///
/// A cell that marks a missing value (`NA`, `N/A`, `#N/A`, `NULL`, `\N`, `-` or `--`, in
/// any ASCII case) is read as empty in an optional column (`name`, `target`, `date`,
/// `course`), as `false` in `verified`, and counted in [`CsvFileRead::missing`]; in a required column
/// (`id`, `department`, `position`, `officer`, `competency` unless the framework has
/// such a competency, `level`, `source`) it is [`Error::CsvInvalidValue`] naming the row
/// and column, never an id. The JSON readers refuse such a passbook `level` alike
/// ([`Error::Json`] at the entry's `level`, expecting the same), never as a level's name
/// (tests/data/cases/officers/10).
///
/// A cell of a column read that holds U+FFFD (`Jos\u{fffd}`), the character a decoder puts
/// for bytes that are not UTF-8, as a browser's `TextDecoder` or
/// [`String::from_utf8_lossy`] reads Excel's plain "CSV" (Windows-1252), is
/// [`Error::CsvInvalidValue`] naming the row and the first such column: a character of
/// the cell was lost, and which cannot be known. Columns not read may hold it.
///
/// An officer id (`id`, `officer`) written as a spreadsheet writes a number, in scientific
/// notation (`1.23457E+11`, a long number with its last digits lost) or with a fraction of
/// zeros (`4512.0`, as a data frame writes a float column), is [`Error::CsvInvalidValue`]
/// naming the row and column, never read as an id: nothing in the files can tell the
/// officer it was.
///
/// An unknown position, competency, course or officer id of digits alone that a known id
/// equals but for leading zeros (`123` for `00123`, as a spreadsheet saves an id it took
/// for a number) is named as the nearest id in the error; it is never read as that id.
#[derive(Clone, Copy, Debug)]
pub struct OfficersCsv<'a> {
    /// `officers.csv`: one row per officer.
    pub officers: &'a str,
    /// `evidence.csv`: one row per passbook entry; `None` for officers without passbooks.
    pub evidence: Option<&'a str>,
}

impl<'a> OfficersCsv<'a> {
    /// The officers file, without passbooks.
    pub fn new(officers: &'a str) -> Self {
        OfficersCsv {
            officers,
            evidence: None,
        }
    }

    /// Adds the passbook entries.
    pub fn evidence(mut self, evidence: &'a str) -> Self {
        self.evidence = Some(evidence);
        self
    }
}

/// Options for [`load_officers`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OfficersCsvOptions {
    pub(crate) policy: LevelPolicy,
    pub(crate) review: ReviewOptions,
    pub(crate) threads: usize,
    pub(crate) delimiter: Option<Delimiter>,
    /// The order of numeric dates: given (`None` line), or settled by the date on a line.
    pub(crate) dates: Option<(DateOrder, Option<usize>)>,
}

impl OfficersCsvOptions {
    /// The level policy the officers will be analysed with (default
    /// [`LevelPolicy::default`]): its [`course_levels`](LevelPolicy::course_levels) rule
    /// decides whether a completion above the course's level is an error.
    pub fn level_policy(mut self, policy: LevelPolicy) -> Self {
        self.policy = policy;
        self
    }

    /// Worker threads [`Cohort::from_csv`](crate::Cohort::from_csv) and
    /// [`CohortCsvReader`](crate::CohortCsvReader) read officer and passbook rows on
    /// (default 1; 0 counts as 1): each piece of a megabyte or more is cut at line ends
    /// into at most `min(n, rayon::current_num_threads())` parts read as tasks of the
    /// current rayon pool, as [`NeedsOptions::threads`](crate::NeedsOptions::threads)
    /// does (officer rows are checked there and added in file order). Rows with
    /// a problem or a warning are read in file order after their part, so the cohort,
    /// warnings and errors are the same for any number of threads. Without the default
    /// `parallel` feature and on `wasm32` everything runs on the calling thread.
    /// [`load_officers`] ignores it.
    pub fn threads(mut self, n: usize) -> Self {
        self.threads = n;
        self
    }

    /// The character separating the fields of both files (default: told from each
    /// file's header, see [`CsvFileRead::delimiter`]). Given, a header that lacks a column
    /// under it but names them all under another of `,` `;` tab `|` is
    /// [`Error::CsvDelimiter`].
    pub fn delimiter(mut self, delimiter: Delimiter) -> Self {
        self.delimiter = Some(delimiter);
        self
    }

    /// How `evidence.csv`'s numeric dates with the year last are read: day first
    /// (`03/12/2026` is 3 December, as India writes dates) or month first. Default: as
    /// the column's dates settle it, a date with a number above 12 showing which is the
    /// day (in [`load_officers`] and [`Cohort::from_csv`](crate::Cohort::from_csv), any
    /// date of the file; fed in pieces to a [`CohortCsvReader`](crate::CohortCsvReader),
    /// which cannot look ahead, a date before); a date that reads both ways when nothing
    /// settles it is [`Error::CsvDateOrder`]. Given, a date the order does not read is
    /// [`Error::CsvInvalidValue`]. See [`CsvFileRead::date_order`].
    pub fn date_order(mut self, order: DateOrder) -> Self {
        self.dates = Some((order, None));
        self
    }

    /// What to report as warnings (default: officer ids that look alike, officers outside
    /// their position's department and repeated or contradicting passbook rows; with
    /// [`ReviewOptions::as_of`], evidence dated after it).
    pub fn review(mut self, review: ReviewOptions) -> Self {
        self.review = review;
        self
    }
}

/// What [`load_officers`] read.
#[derive(Clone, Debug, PartialEq)]
pub struct OfficersLoad {
    /// The officers, in file order, each with its passbook entries in file order.
    pub officers: Vec<OfficerSpec>,
    /// Probable mistakes that are not errors, each an [`Error::CsvRow`] naming the line
    /// and column: officers whose id differs from an earlier officer's only in letter case
    /// (`o1`, `O1`: [`Error::LookalikeIds`], or [`Error::EquivalentIds`] for one text in
    /// two Unicode forms, at the later officer's line and column `id`), officers outside
    /// their position's department, evidence dated after the
    /// review's as-of date, and passbook rows that repeat or contradict an earlier row of
    /// the officer for the same competency, source, course and day (at the later row's
    /// line and column `level`, the earlier row's line in
    /// [`EvidenceProblem::Duplicate::first_line`]) ([`Framework::review_officers`]).
    pub warnings: Vec<Error>,
    /// The columns of either file whose header names no column of the format, in file
    /// order (`officers.csv` first) and header order: their cells were not read. A column
    /// without a header (an empty cell in the header, as a trailing `,` writes) is listed
    /// when a row holds a value in it, with those rows ([`ColumnNotRead::values`]).
    pub columns_not_read: Vec<ColumnNotRead>,
    /// How each file was read (its delimiter), `officers.csv` first.
    pub files: Vec<CsvFileRead>,
}

/// Reads officers and their passbooks from an HR export's CSV texts and checks them
/// against `framework`, reporting every problem at once by file, line and column.
///
/// The officers come out in file order, each with its passbook entries in file order;
/// they then build a [`Profile`](crate::Profile) or [`Cohort`](crate::Cohort) with the
/// same level policy without error. What is checked:
/// - in each file: the CSV itself ([`Error::CsvUnclosedQuote`],
///   [`Error::CsvMisplacedQuote`], [`Error::CsvFieldCount`], [`Error::CsvMissingColumn`],
///   [`Error::CsvLineAboveHeader`],
///   [`Error::CsvAmbiguousColumn`], [`Error::CsvSharedHeader`]),
///   and each cell ([`Error::CsvInvalidValue`]: an empty or blank id, department,
///   position, officer or competency, an id or department holding a control or invisible
///   character, in a quoted field as written between its quotes; a level that does not
///   read (the error names the levels of the row's
///   competency in the framework: `a level from 0 to 4` for a competency of four levels;
///   for one the framework does not hold, no range, only that levels go up to 5 at
///   most), an unknown source, a verified flag that
///   is not a yes or no);
/// - across the files: a repeated officer id ([`Error::CsvDuplicateKey`]), a passbook
///   row naming an officer `officers.csv` does not hold ([`Error::CsvUnknownReference`]);
/// - against the framework: an unknown position or target ([`Error::CsvUnknownReference`],
///   with the nearest known position), and every passbook entry as
///   [`Profile::new`](crate::Profile::new) checks it ([`Error::CsvRow`] holding an
///   [`Error::InvalidEvidence`]: unknown competency or course, level above the scale, a
///   date that is not ISO, a completion without a course, of a course that does not build
///   the competency, or above the course's level unless the policy caps it).
///
/// A problem in one cell does not hide the others of its row: a passbook row whose level,
/// source or verified flag does not read is still checked for its officer, competency,
/// date and course (it is not kept, but keeps its place: the entries of a passbook are
/// numbered by their rows, as the same passbook's JSON numbers them), and an officer row whose department or
/// position is empty or unreadable still has its position and target checked, and its
/// passbook rows are read as that officer's rather than reported as naming an officer
/// missing from `officers.csv`; a passbook row naming an officer `officers.csv` does not
/// hold, or one of its rows not read, still has its entry checked against the framework
/// (numbered among the rows naming that id). An officer row whose id does not read or
/// repeats an earlier row's still has its position and target checked (and is not kept).
/// Only a passbook row whose officer or competency does not read is not checked further.
///
/// An officer's `name` column becomes [`OfficerSpec::name`] (`None` when the column is
/// absent or the cell empty). Warnings (probable mistakes that are not errors) come in
/// [`OfficersLoad::warnings`].
///
/// # Errors
/// Every problem above, as [`Errors`], in file order (`officers.csv` first).
///
/// # Complexity
/// Linear in the size of the texts (plus the framework's lookups).
///
/// # Example
/// ```
/// use karmayogi::{Cohort, Framework, LevelPolicy, OfficersCsv, OfficersCsvOptions, load_officers};
///
/// let fw = Framework::from_json(r#"{"format_version": 2,
///   "competencies": [{"id": "rti", "name": "Right to Information", "type": "domain"}],
///   "roles": [{"id": "cpio", "name": "CPIO", "requires": [{"competency": "rti", "level": 3}]}],
///   "positions": [{"id": "us", "name": "Under Secretary", "department": "dopt", "roles": ["cpio"]}],
///   "courses": [{"id": "rti-101", "name": "RTI basics", "hours": 4,
///                "provides": [{"competency": "rti", "level": 2}]}]}"#)?;
/// // A spreadsheet export: byte-order mark, CRLF, spaces around fields, a date-time.
/// let officers = "\u{feff}id,name,department,position,target\r\n\
///                 o1, Asha Rao ,dopt,us,\r\n";
/// let evidence = "officer,competency,level,source,date,verified,course\r\n\
///                 o1,rti,2,course_completion,2024-03-15T10:00:00+05:30,yes,rti-101\r\n\
///                 o1,rti,1,self_declared,,,\r\n";
/// let csv = OfficersCsv::new(officers).evidence(evidence);
/// let load = load_officers(&fw, &csv, &OfficersCsvOptions::default())?;
/// assert_eq!(load.officers[0].passbook.len(), 2);
/// assert_eq!(load.officers[0].name.as_deref(), Some("Asha Rao"));
/// let cohort = Cohort::new(&fw, &load.officers, &LevelPolicy::default())?;
/// assert_eq!(cohort.len(), 1);
///
/// // A completion above the course's level, reported by file, line and column.
/// let wrong = "officer,competency,level,source,date,course\n\
///              o1,rti,5,course_completion,2024-03-15,rti-101\n";
/// let errors = load_officers(&fw, &OfficersCsv::new(officers).evidence(wrong),
///                            &OfficersCsvOptions::default()).unwrap_err();
/// assert_eq!(
///     errors.as_slice()[0].to_string(),
///     "evidence.csv line 2, column `level`: officer `o1` passbook entry 0 (competency `rti`): \
///      level 5 is above level 2, the level course `rti-101` builds it to"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn load_officers(
    framework: &Framework,
    csv: &OfficersCsv<'_>,
    options: &OfficersCsvOptions,
) -> Result<OfficersLoad, Errors> {
    let mut load = Loader {
        framework,
        options,
        errors: Vec::new(),
        officers: Vec::new(),
        officer_lines: Vec::new(),
        entry_lines: Vec::new(),
        faulty_rows: Vec::new(),
        index: HashMap::new(),
        nearest: Nearest::new(NEAREST_LIMIT),
        refused: HashMap::new(),
        unowned: HashMap::new(),
        unread: Vec::new(),
        files: Vec::new(),
        missing: [Vec::new(), Vec::new()],
        dates: DateColumn::new(options.dates),
    };
    let header_ok = load.read_officers(csv.officers);
    if let Some(text) = csv.evidence {
        load.read_evidence(text, header_ok);
    }
    if let Some(errors) = Errors::from_vec(std::mem::take(&mut load.errors)) {
        if let Some(settled) = settled(&errors, csv, options) {
            return load_officers(framework, csv, &settled);
        }
        return Err(errors);
    }
    let warnings = load.warnings();
    let [officers, evidence] = std::mem::take(&mut load.missing);
    attach_missing(&mut load.files, officers, evidence);
    attach_dates(&mut load.files, &load.dates);
    Ok(OfficersLoad {
        officers: load.officers,
        warnings,
        columns_not_read: load.unread,
        files: load.files,
    })
}

/// What [`load_officers`] has read so far.
struct Loader<'f, 'o> {
    framework: &'f Framework,
    options: &'o OfficersCsvOptions,
    errors: Vec<Error>,
    officers: Vec<OfficerSpec>,
    /// The line of each officer.
    officer_lines: Vec<usize>,
    /// Per officer, the line of each passbook entry.
    entry_lines: Vec<Vec<usize>>,
    /// Per officer, the passbook rows not kept for a cell that does not read: each is
    /// still an entry of the passbook, so the entries after it are numbered as the same
    /// passbook's JSON numbers them.
    faulty_rows: Vec<usize>,
    /// Officer id → index in `officers`.
    index: HashMap<String, usize>,
    nearest: Nearest,
    /// The ids of officer records not read (see [`refused_ids`]).
    refused: HashMap<String, usize>,
    /// Passbook rows read so far of each officer that is unknown or refused.
    unowned: HashMap<String, usize>,
    /// The columns of both files' headers not read.
    unread: Vec<ColumnNotRead>,
    /// How each file was read.
    files: Vec<CsvFileRead>,
    /// The optional cells of each file read as missing.
    missing: [Vec<MissingCells>; 2],
    /// `evidence.csv`'s date column.
    dates: DateColumn,
}

/// The options with the date order `csv`'s evidence settles, when `errors` hold a date
/// that read both ways because no order was given and a date of the whole file settles
/// it (the load is then run again with it, found once: O(length of the evidence)).
pub(crate) fn settled(
    errors: &Errors,
    csv: &OfficersCsv<'_>,
    options: &OfficersCsvOptions,
) -> Option<OfficersCsvOptions> {
    let unsettled = (errors.iter()).any(|e| matches!(e, Error::CsvDateOrder { .. }));
    if !unsettled || options.dates.is_some() {
        return None;
    }
    let (order, line) = settle_date_order(csv.evidence?, options.delimiter)?;
    let mut settled = options.clone();
    settled.dates = Some((order, Some(line)));
    Some(settled)
}

/// Gives `evidence.csv`, when read, what its date column gave.
pub(crate) fn attach_dates(files: &mut [CsvFileRead], dates: &DateColumn) {
    if let Some(read) = files.iter_mut().find(|f| f.file == EVIDENCE) {
        read.dated(dates);
    }
}

/// Gives each file read its cells read as missing.
pub(crate) fn attach_missing(
    files: &mut [CsvFileRead],
    officers: Vec<MissingCells>,
    evidence: Vec<MissingCells>,
) {
    for (file, missing) in [(OFFICERS, officers), (EVIDENCE, evidence)] {
        if let Some(read) = files.iter_mut().find(|f| f.file == file) {
            read.missing = missing;
        }
    }
}

impl Loader<'_, '_> {
    /// Reads `officers.csv`; `false` when its header lacks a required column.
    fn read_officers(&mut self, text: &str) -> bool {
        let mut errors = std::mem::take(&mut self.errors);
        let given = (self.options.delimiter, &mut self.files);
        let refused = officer_rows(
            text,
            &mut errors,
            &mut self.unread,
            given,
            |row, o, errors| {
                note_missing(&mut self.missing[0], OFFICER_COLUMNS[1], o.missing, o.line);
                let repeated = self.index.get(o.id).map(|&first| self.officer_lines[first]);
                if let Some(first) = repeated.filter(|_| o.id_read) {
                    errors.push(repeated_officer(o.line, o.id, first));
                }
                unknown_positions(self.framework, &mut self.nearest, (row, &o), errors);
                if !o.id_read || repeated.is_some() {
                    return;
                }
                self.index.insert(o.id.to_owned(), self.officers.len());
                self.officer_lines.push(o.line);
                self.entry_lines.push(Vec::new());
                self.faulty_rows.push(0);
                self.officers.push(OfficerSpec {
                    id: o.id.into(),
                    name: o.name.map(lf_lines),
                    department: o.department.into(),
                    position: o.position.into(),
                    target_position: o.target.map(Into::into),
                    passbook: Vec::new(),
                });
            },
        );
        self.errors = errors;
        let Some(refused) = refused else {
            return false;
        };
        self.refused = refused_ids(&refused);
        true
    }

    /// Reads `evidence.csv` into the officers' passbooks, checking every entry against the
    /// framework. Without the officers' header every officer would look unknown, so
    /// unknown officers are then not reported.
    fn read_evidence(&mut self, text: &str, officers_read: bool) {
        let mut completed = Vec::new();
        let mut errors = std::mem::take(&mut self.errors);
        let unread = &mut self.unread;
        evidence_rows(
            self.framework,
            text,
            &mut errors,
            unread,
            (self.options.delimiter, &mut self.files),
            |row, e, errors, start| {
                note_missing(&mut self.missing[1], EVIDENCE_COLUMNS[1], e.missing, e.line);
                let mut buf = String::new();
                let e = dated(&mut self.dates, row, e, &mut buf, errors);
                let (officer, competency) = (e.officer, e.entry.competency);
                let Some(&k) = self.index.get(e.officer) else {
                    name_entry(&mut errors[start..], officer, None, competency);
                    let entry = unowned_level(self.framework, (row, errors), officer, e.entry);
                    if let Some(&line) = self.refused.get(e.officer) {
                        errors.push(row.refused("officer", OFFICERS, line));
                    } else if officers_read {
                        let index = &self.index;
                        let near = self.nearest.get(EntityKind::Officer, e.officer, || {
                            index.keys().map(String::as_str)
                        });
                        errors.push(row.unknown_near("officer", OFFICERS, near));
                    }
                    let check = (self.framework, &self.options.policy, &mut self.nearest);
                    check_unowned(check, (row, errors), e.officer, entry, &mut self.unowned);
                    return;
                };
                let checked = check_evidence(
                    self.framework,
                    &self.options.policy,
                    e.entry,
                    &mut completed,
                    &mut self.nearest,
                );
                completed.clear();
                let officer = &mut self.officers[k];
                let index = officer.passbook.len() + self.faulty_rows[k];
                name_entry(
                    &mut errors[start..],
                    officer.id.as_str(),
                    Some(index),
                    competency,
                );
                report_problems(
                    row,
                    errors,
                    &officer.id,
                    index,
                    e.entry.competency,
                    checked.problems,
                );
                if e.faulty {
                    // Its own problems are reported; the entry is not kept.
                    self.faulty_rows[k] += 1;
                    return;
                }
                let evidence = Evidence {
                    competency: e.entry.competency.into(),
                    level: e.entry.level,
                    level_name: e.entry.level_name.map(Into::into),
                    source: e.entry.source,
                    date: e.entry.date.to_owned(),
                    verified: e.entry.verified,
                    course: e.entry.course.map(Into::into),
                };
                self.entry_lines[k].push(e.line);
                officer.passbook.push(evidence);
            },
        );
        self.errors = errors;
    }

    /// The review's warnings, each at the row and column it is about.
    fn warnings(&self) -> Vec<Error> {
        let mut warnings = Vec::new();
        let ids = |k: usize| self.officers[k].id.as_str();
        let mut alike = alike_officers(self.officers.len(), ids)
            .into_iter()
            .peekable();
        for (k, officer) in self.officers.iter().enumerate() {
            while let Some((_, warning)) = alike.next_if(|a| a.0 == k) {
                let line = self.officer_lines[k];
                warnings.push(Error::CsvRow {
                    file: OFFICERS,
                    line,
                    column: "id",
                    error: Box::new(warning),
                });
            }
            review_officer(
                self.framework,
                officer,
                &self.options.review,
                &mut |warning, source| {
                    let mut warning = warning;
                    let (file, line, column) = match source {
                        Source::Officer => (OFFICERS, self.officer_lines[k], "department"),
                        Source::Entry(i) => {
                            let mut column = "date";
                            if let Error::InvalidEvidence { problem, .. } = &mut warning {
                                if let EvidenceProblem::Duplicate {
                                    first, first_line, ..
                                } = problem
                                {
                                    *first_line = Some(self.entry_lines[k][*first]);
                                }
                                column = problem_column(problem);
                            }
                            (EVIDENCE, self.entry_lines[k][i], column)
                        }
                    };
                    warnings.push(Error::CsvRow {
                        file,
                        line,
                        column,
                        error: Box::new(warning),
                    });
                },
            );
        }
        warnings
    }
}

/// Checks the entry of a passbook row whose officer is unknown or refused as the entry of a
/// known officer is checked, so that the officer's cell does not hide the rest of the row:
/// each problem is reported at its column, the entry numbered by its place among the rows
/// naming that officer (`unowned` counts them by the id as written). O(length of the row)
/// plus the framework's lookups.
pub(crate) fn check_unowned(
    (framework, policy, nearest): (&Framework, &LevelPolicy, &mut Nearest),
    (row, errors): (&Row<'_>, &mut Vec<Error>),
    officer: &str,
    entry: EvidenceView<'_>,
    unowned: &mut HashMap<String, usize>,
) {
    let checked = check_evidence(framework, policy, entry, &mut Vec::new(), nearest);
    let index = unowned.entry(officer.to_owned()).or_insert(0);
    let officer = OfficerId::new(officer);
    report_problems(
        row,
        errors,
        &officer,
        *index,
        entry.competency,
        checked.problems,
    );
    *index += 1;
}

/// Reports each of `problems` of passbook entry `index` of `officer` at its column of `row`.
pub(crate) fn report_problems(
    row: &Row<'_>,
    errors: &mut Vec<Error>,
    officer: &OfficerId,
    index: usize,
    competency: &str,
    problems: Vec<EvidenceProblem>,
) {
    for mut problem in problems {
        // A suggested id that only a quoted cell holds is said so, since the cell is read
        // from CSV (csv/28).
        if let EvidenceProblem::UnknownCompetency {
            nearest,
            quote_nearest,
        }
        | EvidenceProblem::UnknownCourse {
            nearest,
            quote_nearest,
            ..
        } = &mut problem
        {
            *quote_nearest = nearest.as_deref().is_some_and(needs_csv_quotes);
        }
        let column = problem_column(&problem);
        let error = Error::InvalidEvidence {
            officer: officer.clone(),
            index,
            competency: competency.into(),
            problem,
        };
        errors.push(row.at(column, error));
    }
}

/// The evidence column a problem is about.
pub(crate) fn problem_column(problem: &EvidenceProblem) -> &'static str {
    match problem {
        EvidenceProblem::UnknownCompetency { .. } => "competency",
        EvidenceProblem::InvalidDate { .. } | EvidenceProblem::AfterAsOf { .. } => "date",
        EvidenceProblem::LevelAboveScale { .. }
        | EvidenceProblem::LevelBelowScale { .. }
        | EvidenceProblem::LevelNameMismatch { .. }
        | EvidenceProblem::UnresolvedLevelName { .. }
        | EvidenceProblem::AboveCourseLevel { .. }
        | EvidenceProblem::Duplicate { .. } => "level",
        EvidenceProblem::UnknownCourse { .. }
        | EvidenceProblem::CompletionWithoutCourse
        | EvidenceProblem::CourseDoesNotBuild { .. } => "course",
    }
}
