//! The common passbook row read from its bytes: a level `0`–`5`, a source written as the
//! format names it, a `YYYY-MM-DD` date or none, `true`, `false` or nothing for the
//! verified flag, no course, a known competency within its scale. Such a row has no
//! problem and gives what the reader's general row checks give; any other row is left to them.

use crate::interop::csv::Row;
use crate::model::date::iso_date_bytes;
use crate::{EvidenceSource, Framework, OfficersCsvOptions};

/// For a common row (see the module), its officer cell and `competency << 3 | level` when
/// the level counts under the options' policy (`None` when it does not); `None` for any
/// other row, to be read by the general checks. The competency is found in the framework's
/// own id index.
pub(super) fn common<'r>(
    fw: &Framework,
    options: &OfficersCsvOptions,
    row: &Row<'r>,
) -> Option<(&'r [u8], Option<u32>)> {
    // The columns by their place in `EVIDENCE_COLUMNS`.
    let level = match *row.nth_bytes(2) {
        [b @ b'0'..=b'5'] => b - b'0',
        _ => return None,
    };
    let source = match row.nth_bytes(3) {
        b"assessment" => EvidenceSource::Assessment,
        b"feedback360" => EvidenceSource::Feedback360,
        b"self_declared" => EvidenceSource::SelfDeclared,
        // A completion names its course, which the general checks look up.
        _ => return None,
    };
    let date = match row.nth_bytes(4) {
        b"" => None,
        date => Some(iso_date_bytes(date)?),
    };
    let verified = match row.nth_bytes(5) {
        b"" | b"true" => true,
        b"false" => false,
        _ => return None,
    };
    if !row.nth_bytes(6).is_empty() {
        return None;
    }
    let c = fw.competencies.get(row.nth(1)?)?;
    let (min, max) = (fw.competency_min[c as usize], fw.competency_max[c as usize]);
    if level > max || (level > 0 && level < min) {
        return None;
    }
    if let (Some(as_of), Some(day)) = (options.review.as_of, date)
        && day > as_of
    {
        return None;
    }
    let officer = row.nth_bytes(0);
    if officer.is_empty() {
        return None;
    }
    let counts = level > 0 && options.policy.counts(source, verified, date);
    Some((officer, counts.then_some(c << 3 | u32::from(level))))
}
