//! A CSV file read from pieces of bytes ([`Feed`]), with the rules and errors of
//! [`Table`] whatever the cut between pieces.
//!
//! The text is cut into segments that end at a line feed outside quotes, where the `csv`
//! crate's reader is back at the start of a record whatever came before; a segment
//! cut by a piece's end is kept until the rest of it arrives. A segment that is one plain
//! line (no quote, no carriage return but the one before the line feed, no field with
//! whitespace or a non-ASCII character at either end) is split at its commas directly:
//! for such a line, that is exactly what the `csv` reader with trimmed fields gives. Any
//! other segment (quoted fields, lone carriage returns, fields to trim, records of the
//! wrong width, bytes that are not UTF-8) is read by [`Table`] itself, starting on the
//! segment's line, so its records and errors are those of the whole text read at once.

use std::borrow::Cow;

use super::plain::{empty_fields, line_end, lines, memchr_newline};
use super::row::{Header, Row};
use super::{ColumnNotRead, Delimiter, Refused, Table, header_in_reach, looks_like_json};
use crate::Error;

mod good;
mod search;
use good::read_good;

/// Where the reader of the `csv` crate is within a record, as far as finding where the
/// record ends is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scan {
    /// At the start of a field (or of a record).
    FieldStart,
    /// In an unquoted field (a quote there is a character).
    Unquoted,
    /// In a quoted field: line breaks are part of it.
    Quoted,
    /// Just after a quote in a quoted field: the closing quote, or half of a `""`.
    QuoteInQuoted,
}

impl Scan {
    /// The state after `byte`, and whether `byte` ends a record, in fields separated by
    /// `sep`.
    fn step(self, byte: u8, sep: u8) -> (Scan, bool) {
        match (self, byte) {
            (Scan::Quoted, b'"') => (Scan::QuoteInQuoted, false),
            (Scan::Quoted, _) | (Scan::QuoteInQuoted | Scan::FieldStart, b'"') => {
                (Scan::Quoted, false)
            }
            (_, b) if b == sep => (Scan::FieldStart, false),
            (_, b'\r' | b'\n') => (Scan::FieldStart, true),
            _ => (Scan::Unquoted, false),
        }
    }
}

/// Before its header, a file is kept whole until its header arrives (below any title
/// lines; see `csv/title.rs`).
enum State {
    BeforeHeader,
    Body(Header),
    /// The header lacked a column: the rest of the file is not read.
    Skipped,
    /// The header lacked a column: the rest of the file is read only for a record that
    /// names every column needed, as a header below title lines does (see
    /// [`header_line`]).
    Searching,
}

/// The bytes of a text that looks like JSON kept before reading it, so that
/// [`Error::CsvLooksLikeJson`] names the document's kind as from the whole text (the
/// iGOT KCM dictionary is 10 KB); a longer document pushed in pieces is named without
/// its kind.
pub(crate) const JSON_KEPT: usize = 16 << 20;

#[cfg(test)]
thread_local! {
    /// Bytes decoded by `Feed::read_segment` on this thread, for tests that count work.
    pub(crate) static DECODED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// One CSV file read from pieces of bytes.
pub(crate) struct Feed {
    file: &'static str,
    required: &'static [&'static str],
    optional: &'static [&'static str],
    state: State,
    /// The bytes of a segment not ended yet (before the header: every byte so far).
    carry: Vec<u8>,
    /// The scan state at the end of `carry`.
    scan: Scan,
    /// The line of the first byte not yet read into rows (the start of `carry`).
    line: usize,
    /// Field bounds of the current plain line.
    spans: Vec<(usize, usize)>,
    /// The records not read for a quoting error or their number of fields, by key.
    refused: Vec<Refused>,
    /// The header's columns none of the columns asked for is read from.
    unread: Vec<ColumnNotRead>,
    /// The delimiter the caller gave, if any.
    given: Option<Delimiter>,
    /// The byte separating fields: the delimiter given, else a comma until the header
    /// tells another.
    sep: u8,
    /// Before the header: how much of the text kept has been looked at for it (only whole
    /// records are kept, so the rest starts a record), and the records that are not blank
    /// met there (see `csv/title.rs`).
    looked: usize,
    titles: usize,
    /// Whether the text before the header starts as a JSON document does: kept, without
    /// decoding it again, to its end or `JSON_KEPT` bytes.
    json: bool,
}

impl Feed {
    /// A file whose header must hold `required` and may hold `optional` columns, its
    /// fields separated by `given` or by the delimiter told from its header.
    pub(crate) fn new(
        file: &'static str,
        required: &'static [&'static str],
        optional: &'static [&'static str],
        given: Option<Delimiter>,
    ) -> Self {
        Feed {
            file,
            required,
            optional,
            state: State::BeforeHeader,
            carry: Vec::new(),
            scan: Scan::FieldStart,
            line: 1,
            spans: Vec::new(),
            refused: Vec::new(),
            unread: Vec::new(),
            given,
            sep: given.map_or(b',', Delimiter::byte),
            looked: 0,
            titles: 0,
            json: false,
        }
    }

    /// Whether the header was read and holds every required column; `false` before it.
    pub(crate) fn header_ok(&self) -> bool {
        matches!(self.state, State::Body(_))
    }

    /// How the file was read, once its header has been.
    pub(crate) fn read(&self) -> Option<super::CsvFileRead> {
        match &self.state {
            State::Body(header) => Some(super::CsvFileRead::new(self.file, header)),
            _ => None,
        }
    }

    /// The records read so far that were not read for a quoting error or their number of
    /// fields, by key, in file order (see [`Table::rows`]).
    pub(crate) fn refused(&self) -> &[Refused] {
        &self.refused
    }

    /// The header's columns that none of the file's columns is read from, in header order
    /// (none before the header is read): those with a name, and those without one that
    /// hold a value in a row read so far (see `csv/unheaded.rs`).
    pub(crate) fn take_unread(&mut self) -> Vec<ColumnNotRead> {
        let unread = std::mem::take(&mut self.unread);
        match &self.state {
            State::Body(header) => super::with_unheaded(self.file, unread, &header.unheaded),
            _ => unread,
        }
    }

    /// Reads the next piece of the file: calls `each` on every well-formed record it
    /// completes, in order, and reports the others to `errors` (see [`Table::rows`]).
    pub(crate) fn push(
        &mut self,
        piece: &[u8],
        errors: &mut Vec<Error>,
        each: &mut impl FnMut(&Row<'_>, &mut Vec<Error>),
    ) {
        if matches!(self.state, State::Skipped) {
            return;
        }
        if matches!(self.state, State::Searching) {
            self.search(piece, errors);
            return;
        }
        let mut at = 0;
        // First the segment cut by the previous piece's end (before the header: all the
        // blank lines so far, joined by the next segment until one holds a record).
        if !self.carry.is_empty() || matches!(self.state, State::BeforeHeader) {
            loop {
                let Some(end) = self.segment_end(piece, at) else {
                    self.carry.extend_from_slice(&piece[at..]);
                    return;
                };
                self.carry.extend_from_slice(&piece[at..end]);
                at = end;
                let mut carry = std::mem::take(&mut self.carry);
                let read = self.segment(&carry, false, errors, each);
                if read {
                    carry.clear();
                }
                self.carry = carry;
                if read {
                    break;
                }
            }
            if matches!(self.state, State::Skipped) {
                return;
            }
            if matches!(self.state, State::Searching) {
                self.search(&piece[at..], errors);
                return;
            }
        }
        self.body(&piece[at..], errors, each);
    }

    /// Reads the end of the file: its last segment, ended by the end of the text.
    pub(crate) fn finish(
        &mut self,
        errors: &mut Vec<Error>,
        each: &mut impl FnMut(&Row<'_>, &mut Vec<Error>),
    ) {
        if matches!(self.state, State::Skipped) {
            return;
        }
        if matches!(self.state, State::Searching) {
            let carry = std::mem::take(&mut self.carry);
            self.search_in(&carry, errors);
            return;
        }
        if !self.carry.is_empty() || matches!(self.state, State::BeforeHeader) {
            let carry = std::mem::take(&mut self.carry);
            self.segment(&carry, true, errors, each);
            self.scan = Scan::FieldStart;
        }
    }

    /// The end (one past its line feed) of the segment that continues `carry` with
    /// `bytes[from..]`, scanning from the state at the end of `carry`; `None` when it does
    /// not end there (the state is then kept).
    fn segment_end(&mut self, bytes: &[u8], from: usize) -> Option<usize> {
        let mut scan = self.scan;
        for (i, &b) in bytes.iter().enumerate().skip(from) {
            let (next, ends) = scan.step(b, self.sep);
            scan = next;
            if ends && b == b'\n' {
                self.scan = Scan::FieldStart;
                return Some(i + 1);
            }
        }
        self.scan = scan;
        None
    }

    /// Reads `bytes`, which start at the start of a record after the header.
    fn body(
        &mut self,
        bytes: &[u8],
        errors: &mut Vec<Error>,
        each: &mut impl FnMut(&Row<'_>, &mut Vec<Error>),
    ) {
        let whole = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let text = std::str::from_utf8(&bytes[..whole]).ok();
        self.body_until(bytes, text, 0, bytes.len(), errors, each);
    }

    /// Reads the records of `bytes` that start at `at` (the start of a record) or after it
    /// and before `stop`; returns where the next record starts, or `None` when the last
    /// one has not ended within `bytes` and is kept for the next piece. `text`: `bytes` up
    /// to their last line feed, when that is UTF-8.
    fn body_until(
        &mut self,
        bytes: &[u8],
        text: Option<&str>,
        at: usize,
        stop: usize,
        errors: &mut Vec<Error>,
        each: &mut impl FnMut(&Row<'_>, &mut Vec<Error>),
    ) -> Option<usize> {
        // In WebAssembly compiled once, calling `each` through a `dyn` reference; natively
        // once per caller, with `each` inlined.
        if cfg!(target_arch = "wasm32") {
            let each: &mut dyn FnMut(&Row<'_>, &mut Vec<Error>) = each;
            self.read_body(bytes, text, at, stop, errors, each)
        } else {
            self.read_body(bytes, text, at, stop, errors, each)
        }
    }

    /// [`Feed::body_until`], for a callback `each` of any type, `dyn` included.
    fn read_body<F: FnMut(&Row<'_>, &mut Vec<Error>) + ?Sized>(
        &mut self,
        bytes: &[u8],
        text: Option<&str>,
        mut at: usize,
        stop: usize,
        errors: &mut Vec<Error>,
        each: &mut F,
    ) -> Option<usize> {
        let State::Body(header) = &self.state else {
            return Some(bytes.len());
        };
        let header = header.clone();
        if self.sep != b',' {
            // Fields separated by another byte: the records that end in `bytes` are read
            // by `Table` at once (the lines split at commas would be no rows).
            let end = self.last_record_end(&bytes[..stop], at);
            if end > at {
                self.segment(&bytes[at..end], false, errors, &mut |row, errors| {
                    each(row, errors);
                });
                at = end;
            }
        }
        while at < stop {
            let Some((end, plain)) = line_end(&bytes[at..], &mut self.spans) else {
                break;
            };
            let end = at + end;
            let line = match text {
                Some(text) => text.get(at..end),
                None => std::str::from_utf8(&bytes[at..end]).ok(),
            };
            let line = line
                .filter(|_| plain)
                .map(|line| line.strip_suffix('\r').unwrap_or(line));
            if let Some(line) = line
                && (line.is_empty() || self.spans.len() == header.width)
            {
                let row = Row::new(self.file, self.line, line, &self.spans, &header);
                if header.repeated_by_row(&row) {
                    let (file, line) = (self.file, self.line);
                    errors.push(Error::CsvRepeatedHeader { file, line });
                } else if !empty_fields(&self.spans) {
                    header.unheaded.note(self.line, line, &self.spans);
                    each(&row, errors);
                }
                self.line += 1;
                at = end + 1;
                continue;
            }
            // Not a plain line: the segment from here, read as the `csv` crate reads it.
            self.scan = Scan::FieldStart;
            let Some(end) = self.segment_end(bytes, at) else {
                self.carry.extend_from_slice(&bytes[at..]);
                return None;
            };
            self.segment(&bytes[at..end], false, errors, &mut |row, errors| {
                each(row, errors);
            });
            at = end;
        }
        if at < stop {
            // The start of a line whose end has not arrived.
            let mut scan = Scan::FieldStart;
            for &b in &bytes[at..] {
                scan = scan.step(b, self.sep).0;
            }
            self.scan = scan;
            self.carry.extend_from_slice(&bytes[at..]);
            return None;
        }
        Some(at)
    }

    /// Reads one segment (before the header: everything so far) with [`Table`].
    /// `at_end`: the segment runs to the end of the file. Returns `false` when, before the
    /// header, the segment holds only blank lines, or title lines with no header below
    /// them yet (see `csv/title.rs`), and is kept to be read again.
    fn segment(
        &mut self,
        bytes: &[u8],
        at_end: bool,
        errors: &mut Vec<Error>,
        each: &mut impl FnMut(&Row<'_>, &mut Vec<Error>),
    ) -> bool {
        // In WebAssembly compiled once, calling `each` through a `dyn` reference; natively
        // once per caller, with `each` inlined.
        if cfg!(target_arch = "wasm32") {
            let each: &mut dyn FnMut(&Row<'_>, &mut Vec<Error>) = each;
            self.read_segment(bytes, at_end, errors, each)
        } else {
            self.read_segment(bytes, at_end, errors, each)
        }
    }

    /// [`Feed::segment`], for a callback `each` of any type, `dyn` included.
    fn read_segment<F: FnMut(&Row<'_>, &mut Vec<Error>) + ?Sized>(
        &mut self,
        bytes: &[u8],
        at_end: bool,
        errors: &mut Vec<Error>,
        each: &mut F,
    ) -> bool {
        // A JSON document is kept whole before it is looked at again: each of its lines
        // ends a segment, and decoding the text kept at each would be quadratic.
        if self.json && !at_end && bytes.len() <= JSON_KEPT {
            return false;
        }
        #[cfg(test)]
        DECODED.with(|d| d.set(d.get() + bytes.len()));
        let decoded = String::from_utf8_lossy(bytes);
        let lossy = matches!(decoded, Cow::Owned(_));
        match &self.state {
            State::Skipped | State::Searching => {}
            State::BeforeHeader => {
                let more = decoded.get(self.looked..).unwrap_or_default();
                self.looked = decoded.len();
                // A JSON document is kept to its end, up to `JSON_KEPT` bytes, so that
                // its kind is named as from the whole text (csv/29).
                self.json = !at_end && decoded.len() <= JSON_KEPT && looks_like_json(&decoded);
                if self.json
                    || (!at_end
                        && !header_in_reach(self.file, more, self.required, &mut self.titles))
                {
                    return false;
                }
                let (required, optional) = (self.required, self.optional);
                let (reported, looked, titles) = (errors.len(), self.looked, self.titles);
                let Some(mut table) = Table::open_delimited(
                    self.file, &decoded, required, optional, self.given, errors,
                ) else {
                    let missing = (errors.iter()).any(
                        |e| matches!(e, Error::CsvMissingColumn { file, .. } if *file == self.file),
                    );
                    self.state = if missing {
                        State::Searching
                    } else {
                        State::Skipped
                    };
                    self.line = 1 + lines(bytes);
                    return true;
                };
                let sep = table.header().delimiter.0.byte();
                if !at_end && sep != self.sep {
                    // The segment was cut at a line feed that ends a record when fields
                    // are separated by `self.sep`; under the header's own delimiter that
                    // line feed may be inside a quoted field (lines ended by a CR alone,
                    // csv/31). Then the text is kept, scanned under that delimiter, and
                    // read again once a record ends there.
                    let scan = bytes
                        .iter()
                        .fold(Scan::FieldStart, |s, &b| s.step(b, sep).0);
                    if scan != Scan::FieldStart {
                        errors.truncate(reported);
                        (self.looked, self.titles) = (looked, titles);
                        (self.sep, self.scan) = (sep, scan);
                        return false;
                    }
                }
                self.unread = table.take_unread();
                let header = table.header().clone();
                self.sep = sep;
                let refused = table.lossy(lossy).rows(errors, each);
                self.refused.extend(refused);
                self.state = State::Body(header);
                self.line = 1 + lines(bytes);
            }
            State::Body(header) => {
                // The reader drops a byte-order mark at the start of its input only: one
                // starting a later line is a character, as it is in the whole text.
                let (text, first) = if decoded.starts_with('\u{feff}') {
                    (Cow::Owned(format!("\n{decoded}")), self.line - 1)
                } else {
                    (decoded, self.line)
                };
                let table = Table::body(self.file, &text, first, header.clone(), lossy);
                let refused = table.rows(errors, each);
                self.refused.extend(refused);
                self.line += lines(bytes);
            }
        }
        true
    }

    /// [`Feed::push`] with the plain lines of the piece read in `parts` parts at once, each
    /// on its own workspace `W`: `quick` reads the lines at the start of some bytes (under
    /// the file's header) into the workspace, up to the first it leaves to `good`, and
    /// returns the bytes read (line ends included) and the number of lines; `good` reads a
    /// split row into the workspace and returns `false` when the row needs more (a
    /// problem, a look at what came before); neither has other side effects; the rows `good` sees are numbered from 0 at the
    /// part's first line. `apply` takes each part's workspace, in file order, with the
    /// line number of the part's first line.
    /// A part reads its lines until the first row both leave; from there on, rows go to
    /// `each` in order, as [`Feed::push`] gives them, up to the next part (whose workspace
    /// is dropped when a record runs into it). So the rows and errors are those of
    /// [`Feed::push`], however many parts.
    // The reader's state and its four ways of reading a row go in apart, so that the
    // parts borrow the state while the rows read in order change it.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn push_parts<C: Sync, W: Default + Send>(
        &mut self,
        piece: &[u8],
        parts: usize,
        errors: &mut Vec<Error>,
        ctx: &mut C,
        each: &mut impl FnMut(&mut C, &Row<'_>, &mut Vec<Error>),
        quick: &(impl Fn(&C, &Header, &[u8], &mut W) -> (usize, usize) + Sync),
        good: &(impl Fn(&C, &Row<'_>, &mut W) -> bool + Sync),
        apply: &mut impl FnMut(&mut C, W, usize, &mut Vec<Error>),
    ) {
        const SMALL: usize = 1 << 16;
        // The header first (and the blank lines before it), one line at a time.
        let mut piece = piece;
        while matches!(self.state, State::BeforeHeader) && !piece.is_empty() {
            let cut = memchr_newline(piece).map_or(piece.len(), |i| i + 1);
            self.push(&piece[..cut], errors, &mut |row, errors| {
                each(ctx, row, errors);
            });
            piece = &piece[cut..];
        }
        // A header with unnamed columns is read in order: the rows holding a value under
        // one are counted as they are read (`csv/unheaded.rs`), which the parts, read
        // ahead by `quick` and voided when a record runs into the next, cannot do.
        let unheaded = matches!(&self.state, State::Body(h) if !h.unheaded.is_empty());
        if piece.len() < SMALL
            || !matches!(self.state, State::Body(_))
            || self.sep != b','
            || unheaded
        {
            return self.push(piece, errors, &mut |row, errors| each(ctx, row, errors));
        }
        // The record the previous piece cut, sequentially.
        let mut at = 0;
        if !self.carry.is_empty() {
            let Some(end) = self.segment_end(piece, 0) else {
                self.carry.extend_from_slice(piece);
                return;
            };
            self.carry.extend_from_slice(&piece[..end]);
            at = end;
            let mut carry = std::mem::take(&mut self.carry);
            self.segment(&carry, false, errors, &mut |row, errors| {
                each(ctx, row, errors);
            });
            carry.clear();
            self.carry = carry;
        }
        let bytes = &piece[at..];
        let whole = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let State::Body(header) = &self.state else {
            return self.body(bytes, errors, &mut |row, errors| each(ctx, row, errors));
        };
        // Parts of about equal size, each starting after a line feed.
        let mut starts = vec![0];
        for p in 1..parts {
            let from = (whole * p / parts).max(*starts.last().unwrap_or(&0));
            match memchr_newline(&bytes[from..whole]) {
                Some(i) => starts.push(from + i + 1),
                None => break,
            }
        }
        starts.dedup();
        let header = header.clone();
        let file = self.file;
        let shared = &*ctx;
        let results = crate::analysis::parallel::map_ranges(starts.len(), starts.len(), |r| {
            r.map(|p| {
                let (from, to) = (starts[p], starts.get(p + 1).copied().unwrap_or(whole));
                read_good(
                    file,
                    &bytes[from..to],
                    &header,
                    &|rest: &[u8], work: &mut W| quick(shared, &header, rest, work),
                    &|row: &Row<'_>, work: &mut W| good(shared, row, work),
                )
            })
            .collect::<Vec<_>>()
        });
        let mut at = 0;
        for (p, (work, read, lines)) in results.into_iter().flatten().enumerate() {
            let stop = starts.get(p + 1).copied().unwrap_or(whole);
            if at == starts[p] {
                apply(ctx, work, self.line, errors);
                self.line += lines;
                at += read;
            }
            // A record that ran past the part's start makes its results void.
            let mut rows = |row: &Row<'_>, errors: &mut Vec<Error>| each(ctx, row, errors);
            match self.body_until(bytes, None, at, stop, errors, &mut rows) {
                Some(next) => at = next,
                None => return,
            }
        }
        let mut rows = |row: &Row<'_>, errors: &mut Vec<Error>| each(ctx, row, errors);
        self.body_until(bytes, None, at, bytes.len(), errors, &mut rows);
    }
}

impl Feed {
    /// One past the last line feed of `bytes[from..]` that ends a record (outside
    /// quotes), scanning from the start of a record; `from` when none does.
    fn last_record_end(&self, bytes: &[u8], from: usize) -> usize {
        let (mut scan, mut end) = (Scan::FieldStart, from);
        for (i, &b) in bytes.iter().enumerate().skip(from) {
            let (next, ends) = scan.step(b, self.sep);
            scan = next;
            if ends && b == b'\n' {
                end = i + 1;
            }
        }
        end
    }
}
