//! The rest of a file whose header lacked a column, read for a header below title lines
//! (see `csv/title.rs`) a segment at a time, as pieces come.

use super::super::plain::lines;
use super::super::title::{header_line, mark_header_line};
use super::{Feed, State};
use crate::Error;

impl Feed {
    /// Reads `piece` for a header below the one refused, a segment (whole records) at a
    /// time.
    pub(super) fn search(&mut self, piece: &[u8], errors: &mut [Error]) {
        let mut at = 0;
        while let Some(end) = self.segment_end(piece, at) {
            self.carry.extend_from_slice(&piece[at..end]);
            at = end;
            let carry = std::mem::take(&mut self.carry);
            if !self.search_in(&carry, errors) {
                return;
            }
        }
        self.carry.extend_from_slice(&piece[at..]);
    }

    /// Reads `segment`, whole records, for a header below the one refused; marks the
    /// errors of the refused header with its line when found. Whether to read on.
    pub(super) fn search_in(&mut self, segment: &[u8], errors: &mut [Error]) -> bool {
        let text = String::from_utf8_lossy(segment);
        let found = header_line(self.file, &text, (self.line, 0), self.required, self.given);
        if let Some(line) = found {
            mark_header_line(self.file, line, errors);
            self.state = State::Skipped;
            return false;
        }
        self.line += lines(segment);
        true
    }
}
