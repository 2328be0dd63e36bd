//! The common passbook row read from its bytes: a level `0`–`5`, a source written as the
//! format names it, a `YYYY-MM-DD` date or none, `true`, `false` or nothing for the
//! verified flag, no course, a known competency within its scale. Such a row has no
//! problem and gives what the reader's general row checks give; any other row is left to them.
//!
//! [`line`] reads such a row straight from the line's bytes when the header lists the
//! columns in the format's order, splitting and parsing in one pass; [`common`] reads it
//! from a [`Row`] the line splitter made, whatever the header's order.

use super::known::Competencies;
use crate::interop::csv::{Header, Row, stops};
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
    let officer = row.nth_bytes(0);
    if officer.is_empty() {
        return None;
    }
    let entry = Entry {
        level,
        source,
        date,
        verified,
    };
    let (held, counts) = entry.held(fw, options, row.nth(1)?)?;
    Some((officer, counts.then_some(held)))
}

/// The fields of a common row apart from its officer and competency.
struct Entry {
    level: u8,
    source: EvidenceSource,
    date: Option<u32>,
    verified: bool,
}

impl Entry {
    /// `competency << 3 | level` and whether the level counts under the options' policy,
    /// when `competency` is known and the level within its scale and the date not after
    /// the as-of date; `None` otherwise.
    #[inline]
    fn held(
        &self,
        fw: &Framework,
        options: &OfficersCsvOptions,
        competency: &str,
    ) -> Option<(u32, bool)> {
        let c = fw.competencies.get(competency)?;
        let (min, max) = (fw.competency_min[c as usize], fw.competency_max[c as usize]);
        self.held_in(options, c, min, max)
    }

    /// [`Entry::held`] for competency `c`, of scale `min` to `max`.
    #[inline]
    fn held_in(
        &self,
        options: &OfficersCsvOptions,
        c: u32,
        min: u8,
        max: u8,
    ) -> Option<(u32, bool)> {
        let level = self.level;
        if level > max || (level > 0 && level < min) {
            return None;
        }
        if let (Some(as_of), Some(day)) = (options.review.as_of, self.date)
            && day > as_of
        {
            return None;
        }
        let counts = level > 0 && options.policy.counts(self.source, self.verified, self.date);
        Some((c << 3 | u32::from(level), counts))
    }
}

/// Which rows [`line`] can read under a header.
#[derive(Clone, Copy)]
pub(super) enum Layout {
    /// The columns `officer`, `competency`, `level`, `source`, `date`, `verified`, in that
    /// order, and no other.
    Format,
    /// Those columns and `course` after them, and no other.
    FormatWithCourse,
    /// Any other header: its rows are read by [`common`] or the general checks.
    Other,
}

/// What [`line`] can read under `header`.
pub(super) fn layout(header: &Header) -> Layout {
    let at = |k: usize| header.slots.get(k).copied().flatten();
    if (0..6).any(|k| at(k) != Some(k)) {
        return Layout::Other;
    }
    match (header.width, at(6)) {
        (6, None) => Layout::Format,
        (7, Some(6)) => Layout::FormatWithCourse,
        _ => Layout::Other,
    }
}

/// A common row read by [`line`].
pub(super) struct Line<'t> {
    /// The officer cell.
    pub(super) officer: &'t [u8],
    /// As [`common`] gives it.
    pub(super) held: Option<u32>,
    /// The bytes of the line with its line end.
    pub(super) len: usize,
}

/// [`common`] for the line at the start of `text` under a header of a [`Layout`] other than
/// [`Layout::Other`] (`course`: [`Layout::FormatWithCourse`]), read from its bytes in one
/// pass. Only a line the line splitter (`ascii_line`) takes whole gives `Some` (every byte
/// ASCII and at or above `-` apart from the commas and the `\n` or `\r\n` end), with as
/// many fields as the header, so the row is the one the splitter and [`common`] read.
///
/// `officer`: the length of the officer cell when the caller knows the line starts with
/// an id of that length, every byte ASCII and at or above `-`, and a comma. `known`: the
/// framework's competencies to look the competency up in, read from the cell's bytes
/// (otherwise the framework's index).
pub(super) fn line<'t>(
    fw: &Framework,
    options: &OfficersCsvOptions,
    course: bool,
    text: &'t str,
    officer: Option<usize>,
    known: Option<&Competencies>,
) -> Option<Line<'t>> {
    let bytes = text.as_bytes();
    let o = match officer {
        Some(o) => o,
        None => cell(bytes)?,
    };
    if o == 0 {
        return None;
    }
    let from = o + 1;
    let found = match known {
        Some(known) => Some(known.cell(fw, bytes.get(from..)?)?),
        None => None,
    };
    let c = from + found.map_or_else(|| cell(bytes.get(from..)?), |f| Some(f.len))?;
    let mut at = c + 1;
    let level = match *bytes.get(at..at + 2)? {
        [d @ b'0'..=b'5', b','] => d - b'0',
        _ => return None,
    };
    at += 2;
    let rest = bytes.get(at..)?;
    let (source, n) = if rest.starts_with(b"assessment,") {
        (EvidenceSource::Assessment, 11)
    } else if rest.starts_with(b"feedback360,") {
        (EvidenceSource::Feedback360, 12)
    } else if rest.starts_with(b"self_declared,") {
        (EvidenceSource::SelfDeclared, 14)
    } else {
        return None;
    };
    at += n;
    let date = if bytes.get(at) == Some(&b',') {
        at += 1;
        None
    } else {
        let day = iso_date_bytes(bytes.get(at..at + 10)?)?;
        if bytes.get(at + 10) != Some(&b',') {
            return None;
        }
        at += 11;
        Some(day)
    };
    let rest = bytes.get(at..)?;
    let verified = if rest.starts_with(b"true") {
        at += 4;
        true
    } else if rest.starts_with(b"false") {
        at += 5;
        false
    } else {
        true
    };
    if course {
        if bytes.get(at) != Some(&b',') {
            return None;
        }
        at += 1;
    }
    let len = match *bytes.get(at..)? {
        [b'\n', ..] => at + 1,
        [b'\r', b'\n', ..] => at + 2,
        _ => return None,
    };
    let entry = Entry {
        level,
        source,
        date,
        verified,
    };
    let (held, counts) = match found {
        Some(f) => entry.held_in(options, f.c, f.min, f.max)?,
        None => entry.held(fw, options, text.get(from..c)?)?,
    };
    Some(Line {
        officer: &bytes[..o],
        held: counts.then_some(held),
        len,
    })
}

/// The length of the cell at the start of `bytes` when a comma ends it and every byte
/// before is ASCII and at or above `-`; `None` otherwise.
#[inline]
fn cell(bytes: &[u8]) -> Option<usize> {
    let mut i = 0;
    while let Some(word) = bytes.get(i..i + 8) {
        let mask = stops(u64::from_le_bytes(word.try_into().ok()?));
        if mask != 0 {
            let at = i + mask.trailing_zeros() as usize / 8;
            return (bytes[at] == b',').then_some(at);
        }
        i += 8;
    }
    loop {
        match *bytes.get(i)? {
            b',' => return Some(i),
            b if b < b'-' || !b.is_ascii() => return None,
            _ => i += 1,
        }
    }
}
