//! O*NET's own database files (`Occupation Data.txt`, `Content Model Reference.txt`,
//! `Skills.txt` and the other rating files, `Task Statements.txt`), as the O*NET Resource
//! Center publishes them, tab-separated (or saved from its Excel edition): told from their
//! headers, so that such a file is refused with one error naming its layout rather than
//! with an error for each column of the compact layout it lacks.

use crate::Error;
use crate::interop::csv::Table;

/// The database files, each by the headers only it has (all of them), with its name.
const FILES: [(&[&str], &str); 4] = [
    (
        &["O*NET-SOC Code", "Element ID", "Scale ID", "Data Value"],
        "O*NET's database layout (`Skills.txt`: a row per rating scale, `Scale ID` IM or LV)",
    ),
    (
        &["O*NET-SOC Code", "Task ID", "Task"],
        "O*NET's database layout (`Task Statements.txt`)",
    ),
    (
        &["O*NET-SOC Code", "Title"],
        "O*NET's database layout (`Occupation Data.txt`)",
    ),
    (
        &["Element ID", "Element Name"],
        "O*NET's database layout (`Content Model Reference.txt`)",
    ),
];

/// Whether `text`, given as `file`, is one of O*NET's database files rather than a file
/// of the compact layout (whose `compact` columns its header lacks); if so, pushes one
/// [`Error::CsvOtherLayout`] saying so, with the compact columns `expected`.
pub(super) fn refused(
    file: &'static str,
    text: &str,
    compact: &[&'static str],
    expected: &'static str,
    errors: &mut Vec<Error>,
) -> bool {
    let mut scratch = Vec::new();
    if Table::open(file, text, compact, &mut scratch).is_some() {
        return false;
    }
    let found = FILES
        .iter()
        .find(|(columns, _)| Table::open(file, text, columns, &mut scratch).is_some());
    let Some(&(_, layout)) = found else {
        return false;
    };
    errors.push(Error::CsvOtherLayout {
        file,
        layout,
        expected,
    });
    true
}
