//! The other names HR exports give the columns of `officers.csv` and `evidence.csv`
//! (`Employee ID`, `emp_id`, `Designation`, `Competency Name`, `Proficiency Level`), read
//! when the header has no column of the loader's own name.
//!
//! A header and a name are compared folded: ASCII letters in lower case, and spaces, `_`,
//! `-` and `.` left out (`Employee ID`, `employee_id` and `EMPLOYEE-ID` are one name). Every
//! space counts, not only U+0020: a no-break space or a tab, and the characters that show
//! as nothing (a zero-width space, a word joiner), as headers copied from a web page hold. A
//! column's other names come in tiers, the likelier first: the first tier a header names
//! decides, and two headers naming one tier (`Emp ID` and `Employee ID`) make the column
//! ambiguous, as two spellings of its own name do.
//!
//! Some headers name a column's items by *name* (`Position Name`, `Competency Name`,
//! `Department Name`): their cells hold names, and the loaders read ids. A name read as an
//! id is an unknown id at best and, at worst, another item's id (a position named `ds`
//! beside a position whose id is `ds`). Such a header is never read as the column: when
//! it is the only header for the column, the header is [`Error::CsvNameColumn`], naming it
//! and the column to give instead. So an export holding both `Competency ID` and
//! `Competency Name` reads the ids, and one holding only `Competency Name` is refused at
//! its header, before any row.
//!
//! [`Error::CsvNameColumn`]: crate::Error::CsvNameColumn

/// The other names of column `column` of `file`, folded, in tiers (see the module's docs);
/// empty for the files of other loaders.
pub(super) fn aliases(file: &str, column: &str) -> &'static [&'static [&'static str]] {
    match (file, column) {
        // An officer is named alike in both files.
        ("officers.csv", "id") | ("evidence.csv", "officer") => &[
            &["officerid", "employeeid", "empid"],
            &[
                "employeecode",
                "empcode",
                "employeeno",
                "employeenumber",
                "staffid",
            ],
        ],
        ("officers.csv", "name") => &[&["officername", "employeename", "empname", "fullname"]],
        ("officers.csv", "department") => &[&[
            "departmentid",
            "departmentcode",
            "dept",
            "deptid",
            "deptcode",
        ]],
        ("officers.csv", "position") => &[&[
            "positionid",
            "positioncode",
            "designation",
            "designationid",
            "post",
        ]],
        ("officers.csv", "target") => &[&[
            "targetposition",
            "targetpositionid",
            "targetdesignation",
            "nextposition",
        ]],
        ("evidence.csv", "competency") => &[&["competencyid", "competencycode"]],
        ("evidence.csv", "level") => &[&[
            "proficiencylevel",
            "proficiency",
            "competencylevel",
            "levelachieved",
            "achievedlevel",
        ]],
        ("evidence.csv", "source") => &[&["evidencesource", "sourcetype", "evidencetype"]],
        ("evidence.csv", "date") => &[&[
            "evidencedate",
            "assessmentdate",
            "completiondate",
            "dateofcompletion",
            "completedon",
            "assessedon",
        ]],
        ("evidence.csv", "verified") => &[&["isverified", "verifiedflag"]],
        ("evidence.csv", "course") => &[&["courseid", "coursecode"]],
        _ => &[],
    }
}

/// The headers, folded, that name column `column` of `file` by its items' names (see the
/// module's docs): never read as the column; empty for other columns and files.
pub(super) fn name_headers(file: &str, column: &str) -> &'static [&'static str] {
    match (file, column) {
        ("officers.csv", "department") => &["departmentname", "deptname", "ministrydepartment"],
        ("officers.csv", "position") => &["positionname", "designationname", "postname"],
        ("officers.csv", "target") => &["targetpositionname", "targetdesignationname"],
        ("evidence.csv", "competency") => &["competencyname", "competencytitle", "skillname"],
        _ => &[],
    }
}

/// Whether `header` and `name` are equal folded (see the module's docs).
///
/// Compared character by character, stopping at the first difference, so the cost is
/// about the name's length however long the header cell is: a whole document read as
/// one header line is compared with every column's names without folding it each time.
pub(super) fn folds_to(header: &str, name: &str) -> bool {
    fn fold(text: &str) -> impl Iterator<Item = char> + '_ {
        (text.chars())
            .filter(|&c| !(matches!(c, '_' | '-' | '.') || is_space(c)))
            .map(|c| c.to_ascii_lowercase())
    }
    fold(header).eq(fold(name))
}

/// Whether `c` shows as a space or as nothing between the words of a header: any Unicode
/// white space (a no-break space, U+00A0, and the other spaces a web page or a word
/// processor puts in text copied into a spreadsheet; a tab) and the characters that
/// render as nothing (zero-width space, non-joiner and joiner, word joiner, a byte-order
/// mark, a soft hyphen).
fn is_space(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
        )
}
