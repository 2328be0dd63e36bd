//! The quoting of a CSV record, checked as RFC 4180 has it.

use crate::Error;

/// Checks the quoting of one record's raw text, which starts on `line`: a quote must open
/// a field (whitespace may follow its closing quote) and be closed; or, as Excel writes a
/// cell it keeps as text (`="0123"`), follow an `=` that opens the field and close before
/// the field's end, with no delimiter or line break inside (the reader does not read it
/// as quoted). `at_end`: the record
/// runs to the end of the text, where an open quote is never closed. `sep`: the byte
/// separating fields.
pub(super) fn check_quotes(
    file: &'static str,
    line: usize,
    text: &str,
    at_end: bool,
    sep: u8,
) -> Option<Error> {
    #[derive(PartialEq)]
    enum State {
        Start,
        Unquoted,
        Quoted,
        Closed,
        /// Whitespace after a closing quote: only more may follow before the field's end
        /// (a quote there would reopen nothing: `""` escapes a quote only inside quotes).
        ClosedSpace,
        /// After `=` at a field's start: Excel's `="0123"`, text kept as written.
        Equals,
        /// In the quotes of `="…"`, unquoted for the reader: no delimiter, line break or
        /// quote may come before the closing one.
        Formula,
        /// After the closing quote of `="…"`: only whitespace may follow.
        FormulaClosed,
    }
    let bytes = text.as_bytes();
    let (mut state, mut field, mut at_line, mut opened_on) = (State::Start, 1, line, line);
    let misplaced = |at_line, field| Error::CsvMisplacedQuote {
        file,
        line: at_line,
        field,
    };
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let newline = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
        match (&state, b) {
            (State::Start, b'=') => state = State::Equals,
            (State::Equals, b'"') => state = State::Formula,
            (State::Formula, b'"') => state = State::FormulaClosed,
            (State::Formula, _) if b != sep && b != b'\r' && b != b'\n' => {}
            (State::Formula, _) => return Some(misplaced(at_line, field)),
            (State::Quoted, b'"') => state = State::Closed,
            (State::Quoted, _) => {
                if newline {
                    at_line += 1;
                }
            }
            (State::Closed, b'"') => state = State::Quoted,
            (_, b) if b == sep => {
                state = State::Start;
                field += 1;
            }
            (_, b'\r' | b'\n') => break,
            (State::Start, b'"') => {
                state = State::Quoted;
                opened_on = at_line;
            }
            (State::Start | State::Unquoted | State::Equals, _) if b != b'"' => {
                state = State::Unquoted;
            }
            (State::Closed | State::ClosedSpace, b' ' | b'\t') => state = State::ClosedSpace,
            (State::FormulaClosed, b' ' | b'\t') => {}
            _ => return Some(misplaced(at_line, field)),
        }
        i += 1;
    }
    if state == State::Formula {
        return Some(misplaced(at_line, field));
    }
    (state == State::Quoted && at_end).then_some(Error::CsvUnclosedQuote {
        file,
        line: opened_on,
    })
}
