//! The plain lines at the start of a part of a piece, read at once on a workspace of the
//! part's own (see [`Feed::push_parts`](super::Feed::push_parts)).

use super::super::plain::{empty_fields, line_end};
use super::super::row::{Header, Row};
use super::super::split::{MOST_FIELDS, ascii_line};

/// The plain lines at the start of `bytes` (whole lines) read into a workspace by `quick`
/// or `good`, up to the first line that is not plain or that both leave: the workspace,
/// the bytes read and the lines read. `quick` takes only ASCII lines; the rest of the part
/// is checked as UTF-8 at the first line it leaves, and when it is not, the lines from
/// there are left to the reader (which reads them in order, line by line), as is a copy of
/// the header (two exports joined), which the reader names.
pub(super) fn read_good<W: Default>(
    file: &'static str,
    bytes: &[u8],
    header: &Header,
    quick: &impl Fn(&[u8], &mut W) -> (usize, usize),
    good: &impl Fn(&Row<'_>, &mut W) -> bool,
) -> (W, usize, usize) {
    let (mut at, mut lines) = (0, 0);
    let mut work = W::default();
    let mut spans = Vec::new();
    let mut fields = [(0, 0); MOST_FIELDS];
    // `bytes[checked..]` as text, once a line needs it.
    let mut text: Option<(usize, &str)> = None;
    loop {
        // Most lines are read straight from their bytes, many in a row.
        let (len, read) = quick(&bytes[at..], &mut work);
        at += len;
        lines += read;
        let (checked, rest) = match text {
            Some(text) => text,
            None => match std::str::from_utf8(&bytes[at..]) {
                Ok(rest) => *text.insert((at, rest)),
                Err(_) => break,
            },
        };
        let line_text = |from: usize, to: usize| &rest[from - checked..to - checked];
        // Then most of the others need nothing but their commas found.
        if let Some((n, len, lf)) = ascii_line(&bytes[at..], &mut fields)
            && n == header.width
            && !empty_fields(&fields[..n])
        {
            let row = Row::new(file, lines, line_text(at, at + len), &fields[..n], header);
            if header.repeated_by_row(&row) || !good(&row, &mut work) {
                break;
            }
            lines += 1;
            at += lf + 1;
            continue;
        }
        let Some((end, plain)) = line_end(&bytes[at..], &mut spans) else {
            break;
        };
        let end = at + end;
        let line = line_text(at, end);
        let line = line.strip_suffix('\r').unwrap_or(line);
        if !plain || !(line.is_empty() || spans.len() == header.width) {
            break;
        }
        if !empty_fields(&spans) {
            let row = Row::new(file, lines, line, &spans, header);
            if header.repeated_by_row(&row) || !good(&row, &mut work) {
                break;
            }
        }
        lines += 1;
        at = end + 1;
    }
    (work, at, lines)
}
