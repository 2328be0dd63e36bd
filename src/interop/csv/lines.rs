//! Line numbers of byte offsets in a CSV text.

/// Line numbers of byte offsets, for offsets asked in increasing order: CRLF, LF and a lone
/// CR each end one line.
pub(super) struct LineCounter<'a> {
    bytes: &'a [u8],
    at: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    /// A counter whose text starts on line `first`.
    pub(super) fn new(text: &'a str, first: usize) -> Self {
        LineCounter {
            bytes: text.as_bytes(),
            at: 0,
            line: first,
        }
    }

    /// The 1-based line of byte `offset` (not before the last offset asked).
    pub(super) fn line_at(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.bytes.len());
        while self.at < offset {
            match self.bytes[self.at] {
                b'\n' => self.line += 1,
                b'\r' if self.bytes.get(self.at + 1) != Some(&b'\n') => self.line += 1,
                _ => {}
            }
            self.at += 1;
        }
        self.line
    }
}
