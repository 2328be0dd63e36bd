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
use crate::model::day_memo::DayMemo;
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
    // Once per passbook line: the compiler left it out of line otherwise.
    #[allow(clippy::inline_always)]
    #[inline(always)]
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

/// [`common`] for the line at the start of `bytes` under a header of a [`Layout`] other than
/// [`Layout::Other`] (`course`: [`Layout::FormatWithCourse`]), read from its bytes in one
/// pass. Only a line the line splitter (`ascii_line`) takes whole gives `Some` (every byte
/// ASCII and at or above `-` apart from the commas and the `\n` or `\r\n` end), with as
/// many fields as the header, so the row is the one the splitter and [`common`] read; such
/// a line is UTF-8 whatever the bytes around it. `None` too when fewer than [`WINDOW`]
/// bytes follow the competency cell.
///
/// `officer`: the length of the officer cell when the caller knows the line starts with
/// an id of that length, every byte ASCII and at or above `-`, and a comma. `known`: the
/// framework's competencies to look the competency up in, read from the cell's bytes
/// (otherwise the framework's index). `dates`: the dates read so far.
// Once per passbook line, in the loop of `Shared::quick`: the compiler left it out of
// line otherwise.
#[allow(clippy::inline_always)]
#[inline(always)]
pub(super) fn line<'t>(
    fw: &Framework,
    options: &OfficersCsvOptions,
    course: bool,
    bytes: &'t [u8],
    officer: Option<usize>,
    known: Option<&Competencies>,
    dates: &mut DayMemo,
) -> Option<Line<'t>> {
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
    // The cells after the competency with the line end take at most 35 bytes (a level,
    // a source, a date, a flag, an empty course), read from a window of the next
    // [`WINDOW`] bytes at offsets that stay below 34 whatever the bytes are: no read is
    // checked against the end of `bytes`. A line with fewer bytes after its competency
    // (the last of a part) is left to the general checks.
    let rest: &[u8; WINDOW] = bytes.get(c + 1..)?.first_chunk()?;
    let word = |at: usize| window_word(rest, at);
    // The level and its comma in the first two bytes of a word.
    let first = word(0);
    let level = match (first as u8, (first >> 8) as u8) {
        (d @ b'0'..=b'5', b',') => d - b'0',
        _ => return None,
    };
    let (source_word, next) = (word(2), word(10));
    // Each source with its comma as a word and the bytes after it.
    let (source, width) = if source_word == le(b"assessme") && next & low(3) == le(b"nt,") {
        (EvidenceSource::Assessment, 11)
    } else if source_word == le(b"feedback") && next & low(4) == le(b"360,") {
        (EvidenceSource::Feedback360, 12)
    } else if source_word == le(b"self_dec") && next & low(6) == le(b"lared,") {
        (EvidenceSource::SelfDeclared, 14)
    } else {
        return None;
    };
    let mut at = 2 + width;
    let date = if word(at) as u8 == b',' {
        at += 1;
        None
    } else {
        let day = dates.day(&rest[at..at + 10])?;
        if word(at + 10) as u8 != b',' {
            return None;
        }
        at += 11;
        Some(day)
    };
    let flag = word(at);
    let verified = if flag & low(4) == le(b"true") {
        at += 4;
        true
    } else if flag & low(5) == le(b"false") {
        at += 5;
        false
    } else {
        true
    };
    if course {
        if word(at) as u8 != b',' {
            return None;
        }
        at += 1;
    }
    let end = word(at);
    let len = c
        + 1
        + if end & low(1) == le(b"\n") {
            at + 1
        } else if end & low(2) == le(b"\r\n") {
            at + 2
        } else {
            return None;
        };
    let entry = Entry {
        level,
        source,
        date,
        verified,
    };
    let (held, counts) = match found {
        Some(f) => entry.held_in(options, f.c, f.min, f.max)?,
        None => entry.held(fw, options, std::str::from_utf8(bytes.get(from..c)?).ok()?)?,
    };
    Some(Line {
        officer: &bytes[..o],
        held: counts.then_some(held),
        len,
    })
}

/// The bytes after a competency cell that [`line`] reads at once.
const WINDOW: usize = 48;

/// The eight bytes of `window` from `at` as a little-endian word. [`line`] reads at
/// offsets below 34; `at` is bounded here too, so the read needs no check.
#[inline]
fn window_word(window: &[u8; WINDOW], at: usize) -> u64 {
    let at = at.min(WINDOW - 8);
    let mut word = [0u8; 8];
    word.copy_from_slice(&window[at..at + 8]);
    u64::from_le_bytes(word)
}

/// `bytes` (at most eight) as the low bytes of a little-endian word.
const fn le(bytes: &[u8]) -> u64 {
    let mut word = 0;
    let mut i = bytes.len();
    while i > 0 {
        i -= 1;
        word = word << 8 | bytes[i] as u64;
    }
    word
}

/// The mask of the low `n` bytes of a word (`n` from 1 to 7).
const fn low(n: u32) -> u64 {
    (1 << (8 * n)) - 1
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
