//! Plain lines of a CSV text (no quote, nothing to trim), split at their commas directly:
//! what [`Feed`](super::feed::Feed) reads most lines with.

/// The position of the first line feed in `bytes`.
pub(super) fn memchr_newline(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'\n')
}

/// Whether a plain line's fields are all empty: a blank line, or `,,,` (see [`Table`](super::Table)).
pub(super) fn empty_fields(spans: &[(usize, usize)]) -> bool {
    spans.iter().all(|&(start, end)| start == end)
}

/// The number of line ends in `bytes`: CRLF, LF and a lone CR each end one line.
pub(super) fn lines(bytes: &[u8]) -> usize {
    let mut n = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
            n += 1;
        }
    }
    n
}

/// The end of the first line of `bytes` (the position of its line feed), with its fields'
/// bounds in `spans` (a carriage return before the line feed left out) and whether the
/// line is plain: no quote, no other carriage return, and no field with whitespace or a
/// non-ASCII character at either end (which the reader would trim, or might). `None`
/// when `bytes` holds no line feed.
pub(super) fn line_end(bytes: &[u8], spans: &mut Vec<(usize, usize)>) -> Option<(usize, bool)> {
    spans.clear();
    let mut start = 0;
    let mut plain = true;
    let mut i = 0;
    // One pass over the line, eight bytes at a time: bytes above `,` (letters, digits,
    // `-`, `.`, `:`) are most of an export and need nothing.
    loop {
        if let Some(word) = bytes.get(i..i + 8) {
            let word = u64::from_le_bytes(word.try_into().unwrap_or([0; 8]));
            // The high bit of each byte below 0x2d, `,` + 1 (exact for the lowest one,
            // which is all that is used).
            let low = word.wrapping_sub(0x2d2d_2d2d_2d2d_2d2d) & !word & 0x8080_8080_8080_8080;
            if low == 0 {
                i += 8;
                continue;
            }
            i += low.trailing_zeros() as usize / 8;
        }
        let &b = bytes.get(i)?;
        match b {
            b',' => {
                spans.push((start, i));
                start = i + 1;
            }
            b'\n' => {
                let mut end = i;
                if i > start && bytes[i - 1] == b'\r' {
                    end = i - 1;
                }
                spans.push((start, end));
                if plain {
                    plain = spans
                        .iter()
                        .all(|&(s, e)| s == e || (clean(bytes[s]) && clean(bytes[e - 1])));
                }
                return Some((i, plain));
            }
            b'"' => plain = false,
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => plain = false,
            _ => {}
        }
        i += 1;
    }
}

/// Whether a field may start or end with `byte` without being trimmed: not whitespace,
/// and ASCII (a non-ASCII character might be whitespace).
fn clean(byte: u8) -> bool {
    byte.is_ascii() && !byte.is_ascii_whitespace() && byte != 0x0b
}
