//! The common passbook row read from its bytes: a level `0`–`5`, a source written as the
//! format names it, a `YYYY-MM-DD` date or none, `true`, `false` or nothing for the
//! verified flag, no course, a known competency within its scale. Such a row has no
//! problem and gives what the reader's general row checks give; any other row is left to them.
//!
//! [`Lines::line`] reads such a row straight from the line's bytes when the header lists
//! the columns in the format's order, splitting and parsing in one pass; [`common`] reads
//! it from a [`Row`] the line splitter made, whatever the header's order. [`IdCell`] tells
//! the lines that start with a given officer's id, so a passbook's lines after its first
//! are read without finding their officer again.

use super::known::{Competencies, Found, scale};
use super::settled::{DateClass, Dates, Settled};
use crate::interop::csv::{Header, Row, stops, word_at};
use crate::model::date::iso_date_bytes;
use crate::{EvidenceSource, Framework};

/// For a common row (see the module), its officer cell and `competency << 3 | level` when
/// the level counts under the options' policy (`None` when it does not); `None` for any
/// other row, to be read by the general checks. The competency is found in the framework's
/// own id index.
pub(super) fn common<'r>(
    fw: &Framework,
    settled: &Settled,
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
    let (held, counts) = entry.held(fw, settled, row.nth(1)?)?;
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
    fn held(&self, fw: &Framework, settled: &Settled, competency: &str) -> Option<(u32, bool)> {
        let c = fw.competencies.get(competency)?;
        let levels = scale(fw.competency_min[c as usize], fw.competency_max[c as usize]);
        let held = held_level(c << 3, levels, self.level)?;
        settled.keeps(self.date).then(|| {
            (
                held,
                settled.counts(self.level, self.source, self.verified, self.date),
            )
        })
    }
}

/// `code | level` (`code`: the competency shifted, `competency << 3`) when the levels
/// `levels` of its scale (see [`scale`]) accept `level`; `None` otherwise.
#[inline]
fn held_level(code: u32, levels: u8, level: u8) -> Option<u32> {
    (levels >> level & 1 != 0).then_some(code | u32::from(level))
}

/// Which rows [`Lines::line`] can read under a header.
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

/// What [`Lines::line`] can read under `header`.
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

/// A common row read by [`Lines::line`].
pub(super) struct Line {
    /// As [`common`] gives it.
    pub(super) held: Option<u32>,
    /// The bytes of the line with its line end.
    pub(super) len: usize,
}

/// What reading common lines needs, for a part of a piece under a header of a [`Layout`]
/// other than [`Layout::Other`].
pub(super) struct Lines<'a> {
    fw: &'a Framework,
    settled: Settled,
    /// What the options make of an undated entry.
    undated: DateClass,
    /// The header's last column is `course` ([`Layout::FormatWithCourse`]).
    course: bool,
    /// The framework's competencies to look a competency up in, read from the cell's
    /// bytes (otherwise the framework's index).
    known: Option<&'a Competencies>,
}

impl<'a> Lines<'a> {
    /// Lines under `layout` (`None` for [`Layout::Other`]).
    pub(super) fn new(
        fw: &'a Framework,
        settled: Settled,
        layout: Layout,
        known: Option<&'a Competencies>,
    ) -> Option<Self> {
        let course = match layout {
            Layout::Format => false,
            Layout::FormatWithCourse => true,
            Layout::Other => return None,
        };
        Some(Lines {
            fw,
            settled,
            undated: settled.class(None),
            course,
            known,
        })
    }

    /// [`Lines::line`] for a line whose officer is not known (the first of a run), and
    /// its officer cell.
    #[inline(never)]
    pub(super) fn first<'t>(&self, bytes: &'t [u8], dates: &mut Dates) -> Option<(&'t [u8], Line)> {
        let o = cell(bytes)?;
        if o == 0 {
            return None;
        }
        Some((&bytes[..o], self.line(bytes, o, dates)?))
    }

    /// [`common`] for the line at the start of `bytes`, read from its bytes in one pass.
    /// Only a line the line splitter (`ascii_line`) takes whole gives `Some` (every byte
    /// ASCII and at or above `-` apart from the commas and the `\n` or `\r\n` end), with
    /// as many fields as the header, so the row is the one the splitter and [`common`]
    /// read; such a line is UTF-8 whatever the bytes around it. `None` too when fewer than
    /// [`WINDOW`] bytes follow the competency cell.
    ///
    /// `o`: the length of the officer cell, when the caller knows the line starts with an
    /// id of that length, not empty, every byte ASCII and at or above `-`, and a comma (see
    /// [`IdCell`]). `dates`: the date cells read so far, with what the options make of
    /// them (made with the same options as these lines).
    // Once per passbook line, in the loop of `Shared::quick`: the compiler left it out of
    // line otherwise.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    pub(super) fn line(&self, bytes: &[u8], o: usize, dates: &mut Dates) -> Option<Line> {
        let from = o + 1;
        // The competency's cell, and the competency as a held level stores it with the
        // levels its scale accepts.
        let cells = bytes.get(from..)?;
        let found = if let Some(known) = self.known {
            known.cell(self.fw, cells)?
        } else {
            index_cell(self.fw, cells)?
        };
        let (c, code, levels) = (from + found.len, found.code, found.levels);
        // The cells after the competency with the line end take at most 35 bytes (a
        // level, a source, a date, a flag, an empty course), read from a window of the
        // next [`WINDOW`] bytes at offsets that stay below 34 whatever the bytes are: no
        // read is checked against the end of `bytes`. A line with fewer bytes after its
        // competency (the last of a part) is left to the general checks.
        let rest: &[u8; WINDOW] = bytes.get(c + 1..c + 1 + WINDOW)?.try_into().ok()?;
        let word = |at: usize| window_word(rest, at);
        // The level and its comma in the first two bytes of a word.
        let first = word(0);
        let level = match (first as u8, (first >> 8) as u8) {
            (d @ b'0'..=b'5', b',') => d - b'0',
            _ => return None,
        };
        let held = held_level(code, levels, level)?;
        let (source_word, next) = (word(2), word(10));
        // Each source with its comma as a word and the bytes after it; the most common
        // first, its two words tested in one comparison.
        let assessment = (source_word ^ le(b"assessme")) | (next ^ le(b"nt,")) & low(3);
        let (source, width) = if assessment == 0 {
            (EvidenceSource::Assessment, 11)
        } else if source_word == le(b"feedback") && next & low(4) == le(b"360,") {
            (EvidenceSource::Feedback360, 12)
        } else if source_word == le(b"self_dec") && next & low(6) == le(b"lared,") {
            (EvidenceSource::SelfDeclared, 14)
        } else {
            return None;
        };
        let mut at = 2 + width;
        // The date cell with its comma: none, or the eleven bytes of `YYYY-MM-DD,`.
        let date_word = word(at);
        let date = if date_word as u8 == b',' {
            at += 1;
            self.undated
        } else {
            let class = dates.class(date_word, word(at + 3));
            at += 11;
            class
        };
        if !date.common() {
            return None;
        }
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
        if self.course {
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
        let counts = date.counts() && self.settled.counts_by_source(level, source, verified);
        Some(Line {
            held: counts.then_some(held),
            len,
        })
    }
}

/// An officer's id and the comma after it, to tell the lines that start with them: as
/// two words when they take at most 16 bytes, four when they take at most 32, else as
/// bytes.
pub(super) struct IdCell<'t> {
    /// The id and its comma.
    bytes: &'t [u8],
    /// The cell's words at bytes 0, 8, 16 and 24, zero past its end.
    words: [u64; 4],
    /// Per word, the bytes of it that are the cell's.
    masks: [u64; 4],
}

impl<'t> IdCell<'t> {
    /// The cell of `bytes`, an id and its comma.
    pub(super) fn new(bytes: &'t [u8]) -> Self {
        let n = bytes.len();
        let masks = [0, 8, 16, 24].map(|at| match n.saturating_sub(at) {
            0 => 0,
            left @ 1..8 => low(left as u32),
            _ => u64::MAX,
        });
        IdCell {
            bytes,
            words: [0, 8, 16, 24].map(|at| word_at(bytes, at)),
            masks,
        }
    }

    /// The length of the id, without its comma.
    pub(super) fn id_len(&self) -> usize {
        self.bytes.len() - 1
    }

    /// Whether `line` starts with the id and its comma. `false` when fewer than 16 bytes
    /// are left, or fewer than 32 for a cell of more than 16 bytes: too few for a line
    /// [`Lines::line`] reads after the cell.
    #[inline]
    pub(super) fn starts(&self, line: &[u8]) -> bool {
        if self.bytes.len() <= 16 {
            let Some(first) = line.first_chunk::<16>() else {
                return false;
            };
            return self.differ(first, 0) | self.differ(first, 1) == 0;
        }
        if self.bytes.len() <= 32 {
            let Some(first) = line.first_chunk::<32>() else {
                return false;
            };
            return (0..4).fold(0, |d, k| d | self.differ(first, k)) == 0;
        }
        line.starts_with(self.bytes)
    }

    /// The bytes of word `k` of the cell that differ in `first`, the start of a line.
    #[inline]
    fn differ<const N: usize>(&self, first: &[u8; N], k: usize) -> u64 {
        let mut word = [0u8; 8];
        word.copy_from_slice(&first[8 * k..8 * k + 8]);
        (u64::from_le_bytes(word) ^ self.words[k]) & self.masks[k]
    }
}

/// The competency named by the cell at the start of `bytes`, when a comma ends the cell
/// and every byte before it is ASCII and at or above `-`, found in the framework's index:
/// what [`Competencies::cell`] finds.
#[inline(never)]
fn index_cell(fw: &Framework, bytes: &[u8]) -> Option<Found> {
    let len = cell(bytes)?;
    let id = std::str::from_utf8(&bytes[..len]).ok()?;
    let c = fw.competencies.get(id)?;
    let levels = scale(fw.competency_min[c as usize], fw.competency_max[c as usize]);
    Some(Found {
        len,
        code: c << 3,
        levels,
    })
}

/// The bytes after a competency cell that [`Lines::line`] reads at once.
const WINDOW: usize = 48;

/// The eight bytes of `window` from `at` as a little-endian word. [`Lines::line`] reads
/// at offsets below 34; `at` is bounded here too, so the read needs no check.
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

/// The mask of the low `n` bytes of a word (`n` from 0 to 7).
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

#[cfg(test)]
mod tests {
    use super::IdCell;

    /// An id cell tells the lines that start with it as `starts_with` does, for ids of 1
    /// to 40 bytes (across the 8-, 16-, 24- and 32-byte words), against lines of the same
    /// id, of ids one byte longer or shorter or differing in any one byte, and lines cut
    /// short: those of fewer than 16 bytes (32 for an id of 16 bytes or more) are told
    /// apart too, as no line read is that short.
    #[test]
    fn id_cells_tell_the_lines_that_start_with_them() {
        let rest = ",skill-1,3,assessment,2024-01-31,true\n";
        let mut checked = 0;
        for n in 1..=40 {
            let id: Vec<u8> = (0..n).map(|i| b'a' + (i % 26) as u8).collect();
            let mut cell = id.clone();
            cell.push(b',');
            let id_cell = IdCell::new(&cell);
            assert_eq!(id_cell.id_len(), n);
            let mut others = vec![id.clone()];
            others.push([&id[..], b"x"].concat());
            others.push(id[..n - 1].to_vec());
            for i in 0..n {
                let mut other = id.clone();
                other[i] = b'-';
                others.push(other);
            }
            for other in others {
                let line = [&other[..], rest.as_bytes()].concat();
                for end in 0..=line.len() {
                    let line = &line[..end];
                    let least = if cell.len() > 16 { 32 } else { 16 };
                    let expected = line.len() >= least && line.starts_with(&cell);
                    assert_eq!(id_cell.starts(line), expected, "{n}: {line:?}");
                    checked += usize::from(expected);
                }
            }
        }
        assert!(checked > 40);
    }
}
