//! Officer ids that a spreadsheet rewrote as numbers: `1.23457E+11` (Excel writes a long
//! number in scientific notation, keeping six significant digits or so) and `4512.0` (a
//! data frame writes a column of whole numbers with a gap as floating point).
//!
//! The officers file is where officer ids are defined, so nothing there can show such an
//! id to be wrong: read as written, `1.23457E+11` would be an officer whose real id is
//! lost (two officers whose ids share their first six digits would then be reported as
//! one id written twice), and `4512.0` an officer the passbook's `4512` does not name. So
//! an officer id cell written so, in either file, is
//! [`Error::CsvInvalidValue`](crate::Error::CsvInvalidValue), never read as an id.
//! Positions, departments, competencies and courses are not checked here: their ids come
//! from the framework, and one it does not hold is reported as unknown.

use std::borrow::Cow;

/// What [`Error::CsvInvalidValue`](crate::Error::CsvInvalidValue) expects of an officer id
/// cell that a spreadsheet wrote as a number, `None` for any other text: a number in
/// scientific notation with a signed exponent (`1.23457E+11`, `1E+11`, `1.2e-05`), or ASCII
/// digits and a fraction of zeros (`4512.0`, naming `4512`).
///
/// # Complexity
/// O(1) for a text that does not start and end with an ASCII digit (most ids), else
/// O(length).
#[inline]
pub(crate) fn number_written(text: &str) -> Option<Cow<'static, str>> {
    let bytes = text.as_bytes();
    // Both forms start and end with a digit; most ids start with a letter.
    if !bytes.first()?.is_ascii_digit() || !bytes.last()?.is_ascii_digit() {
        return None;
    }
    if let Some((whole, fraction)) = text.split_once('.')
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b == b'0')
    {
        return Some(Cow::Owned(format!(
            "an officer id, not the number `{whole}` written with a fraction as a data \
             frame writes numbers: write the id as text"
        )));
    }
    let (mantissa, exponent) = text.split_once(['E', 'e'])?;
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, "0"));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let signed = exponent.strip_prefix(['+', '-']).is_some_and(digits);
    (digits(whole) && digits(fraction) && signed).then_some(Cow::Borrowed(SCIENTIFIC))
}

/// What an officer id cell in scientific notation is refused with.
const SCIENTIFIC: &str = "an officer id, not a number in scientific notation as a spreadsheet \
                          writes a long number, its last digits lost: format the column as \
                          text before exporting";

#[cfg(test)]
mod tests {
    use super::number_written;

    #[test]
    fn numbers_as_spreadsheets_write_them_and_nothing_else() {
        for text in ["1.23457E+11", "1E+11", "1.2e-05", "9.99999E+17", "12E+3"] {
            assert!(
                number_written(text).is_some_and(|e| e.contains("scientific")),
                "{text}"
            );
        }
        for text in ["4512.0", "0012.00", "7.0"] {
            let whole = text.split('.').next().unwrap();
            assert!(
                number_written(text).is_some_and(|e| e.contains(&format!("`{whole}`"))),
                "{text}"
            );
        }
        for text in [
            "",
            "E1",
            "4512",
            "0012",
            "12E4",
            "1.2E",
            "1.2E+",
            "E+11",
            "1.5",
            "4512.01",
            "1.2.0",
            "1.23E+1x",
            "12-E+3",
            ".0",
            "2024-01-05",
            "1e+1 ",
            "v1.0",
        ] {
            assert_eq!(number_written(text), None, "{text}");
        }
    }
}
