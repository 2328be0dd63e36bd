//! The fields of a line that needs no CSV rule beyond its commas, found eight bytes at a
//! time: the common case of an HR export (ids, numbers, dates, flags), which
//! [`Feed`](super::feed::Feed) reads without the general line scan.

/// The most fields [`ascii_line`] splits; longer lines take the general scan.
pub(crate) const MOST_FIELDS: usize = 16;

const HIGH: u64 = 0x8080_8080_8080_8080;
const ONES: u64 = 0x0101_0101_0101_0101;

/// The high bit of each byte of `word` that is below `-` (0x2d: the comma, the line ends,
/// the quote, whitespace and control characters, and a few punctuation marks) or not
/// ASCII; exact for every byte (no carry crosses a byte: `0x7f + 0x53 < 0x100`).
pub(crate) fn stops(word: u64) -> u64 {
    let t = (word & !HIGH) + ONES * (0x80 - 0x2d);
    (!t | word) & HIGH
}

/// The eight bytes of `bytes` from `at` as a little-endian word, zero past its end.
#[inline]
pub(crate) fn word_at(bytes: &[u8], at: usize) -> u64 {
    match bytes.get(at..at + 8) {
        Some(w) => {
            let mut word = [0u8; 8];
            word.copy_from_slice(w);
            u64::from_le_bytes(word)
        }
        None => word_near_end(bytes, at),
    }
}

/// [`word_at`] less than eight bytes from the end.
#[cold]
#[inline(never)]
fn word_near_end(bytes: &[u8], at: usize) -> u64 {
    let rest = bytes.get(at..).unwrap_or(&[]);
    let mut word = [0u8; 8];
    word[..rest.len()].copy_from_slice(rest);
    u64::from_le_bytes(word)
}

/// The fields of the first line of `bytes` when every byte of it is ASCII and at or above
/// `-`, except the commas between fields and its end (`\n`, or `\r\n`): the number of
/// fields (their bounds in `spans`), the length of the line without its end, and the
/// position of its line feed. `None` for any other line (a quote, a space, a tab, a
/// lone carriage return, a character that is not ASCII, more than [`MOST_FIELDS`]
/// fields) and when `bytes` holds no line end.
///
/// On such a line nothing is quoted and no field has anything to trim, so the fields are
/// those the `csv` reader gives with trimmed fields, and those `line_end` in `plain.rs`
/// finds for a plain line.
pub(crate) fn ascii_line(
    bytes: &[u8],
    spans: &mut [(usize, usize); MOST_FIELDS],
) -> Option<(usize, usize, usize)> {
    let (mut n, mut start, mut i) = (0, 0, 0);
    loop {
        let base = i;
        let mut mask = if let Some(word) = bytes.get(i..i + 8) {
            i += 8;
            stops(u64::from_le_bytes(word.try_into().ok()?))
        } else {
            let &b = bytes.get(i)?;
            i += 1;
            if b < b'-' || !b.is_ascii() { 0x80 } else { 0 }
        };
        while mask != 0 {
            let at = base + mask.trailing_zeros() as usize / 8;
            mask &= mask - 1;
            match bytes[at] {
                b',' => {
                    *spans.get_mut(n)? = (start, at);
                    n += 1;
                    start = at + 1;
                }
                b'\n' => {
                    *spans.get_mut(n)? = (start, at);
                    return Some((n + 1, at, at));
                }
                b'\r' if bytes.get(at + 1) == Some(&b'\n') => {
                    *spans.get_mut(n)? = (start, at);
                    return Some((n + 1, at, at + 1));
                }
                _ => return None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{MOST_FIELDS, ascii_line, stops};

    fn split(text: &str) -> Option<(Vec<&str>, usize, usize)> {
        let mut spans = [(0, 0); MOST_FIELDS];
        let (n, len, lf) = ascii_line(text.as_bytes(), &mut spans)?;
        Some((
            spans[..n].iter().map(|&(s, e)| &text[s..e]).collect(),
            len,
            lf,
        ))
    }

    #[test]
    fn stops_are_exact_for_every_byte() {
        for b in 0..=255u8 {
            for at in 0..8 {
                // The other bytes are `-` or `z`, which never stop, or bytes that do.
                for fill in [b'-', b'z', b',', 0xff] {
                    let mut word = [fill; 8];
                    word[at] = b;
                    let mask = stops(u64::from_le_bytes(word));
                    let expected = !(b'-'..0x80).contains(&b);
                    assert_eq!(mask >> (8 * at + 7) & 1 == 1, expected, "{b:#x} at {at}");
                }
            }
        }
    }

    #[test]
    fn plain_lines_are_split_at_their_commas() {
        let line = "officer-0000001,skill-10583,1,assessment,2021-09-30,true\nnext";
        let (fields, len, lf) = split(line).unwrap();
        assert_eq!(
            fields,
            [
                "officer-0000001",
                "skill-10583",
                "1",
                "assessment",
                "2021-09-30",
                "true"
            ]
        );
        assert_eq!((len, lf), (56, 56));
        assert_eq!(split("a,,b\r\n").unwrap(), (vec!["a", "", "b"], 4, 5));
        assert_eq!(split(",\n").unwrap(), (vec!["", ""], 1, 1));
        assert_eq!(split("\n").unwrap(), (vec![""], 0, 0));
        assert_eq!(split("abcdefgh\n").unwrap(), (vec!["abcdefgh"], 8, 8));
    }

    #[test]
    fn other_lines_take_the_general_scan() {
        for line in [
            "a,\"b\"\n",
            "a, b\n",
            "a,b \n",
            "a\tb\n",
            "a\rb\n",
            "a,b\r",
            "a,b",
            "caf\u{e9},b\n",
            "a,b+1\n",
        ] {
            assert_eq!(split(line), None, "{line:?}");
        }
        let wide = format!("{}\n", ["x"; MOST_FIELDS + 1].join(","));
        assert_eq!(split(&wide), None);
        let widest = format!("{}\n", ["x"; MOST_FIELDS].join(","));
        assert_eq!(split(&widest).unwrap().0.len(), MOST_FIELDS);
    }
}
