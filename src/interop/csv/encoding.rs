//! Telling a text that was not UTF-8 from CSV: UTF-16, as Excel's "Unicode Text" and some
//! HR systems save it, read as UTF-8.

/// The UTF-16 encoding `text` was written in, when it is UTF-16 read as UTF-8 (lossily, as
/// [`String::from_utf8_lossy`] reads bytes, each invalid byte one replacement character):
/// a byte-order mark `FF FE` or `FE FF` (two replacement characters), or none, and then
/// NULs as at least a quarter of the first 256 characters, which no CSV text holds but
/// every ASCII character of UTF-16 brings. NULs mostly after the character they complete
/// (at odd places) are little-endian, mostly before it big-endian. O(256).
pub(super) fn utf16(text: &str) -> Option<&'static str> {
    let (marked, rest) = match text.strip_prefix("\u{fffd}\u{fffd}") {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mut odd, mut even, mut all) = (0_usize, 0_usize, 0_usize);
    for (i, c) in rest.chars().take(256).enumerate() {
        all += 1;
        if c == '\0' {
            if i % 2 == 1 {
                odd += 1;
            } else {
                even += 1;
            }
        }
    }
    if all < 2 || 4 * (odd + even) < all {
        return None;
    }
    Some(match (marked, odd >= even) {
        (true, true) => "UTF-16LE with a byte-order mark",
        (true, false) => "UTF-16BE with a byte-order mark",
        (false, true) => "UTF-16LE",
        (false, false) => "UTF-16BE",
    })
}

#[cfg(test)]
mod tests {
    use super::utf16;

    fn read(text: &str, little: bool, mark: bool) -> String {
        let mut bytes = Vec::new();
        for unit in mark
            .then_some(0xfeff)
            .into_iter()
            .chain(text.encode_utf16())
        {
            bytes.extend(if little {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            });
        }
        String::from_utf8_lossy(&bytes).into_owned()
    }

    #[test]
    fn utf16_is_told_by_its_nuls_and_mark() {
        let header = "id,name,department,position\n";
        assert_eq!(
            utf16(&read(header, true, true)),
            Some("UTF-16LE with a byte-order mark")
        );
        assert_eq!(
            utf16(&read(header, false, true)),
            Some("UTF-16BE with a byte-order mark")
        );
        assert_eq!(utf16(&read(header, true, false)), Some("UTF-16LE"));
        assert_eq!(utf16(&read(header, false, false)), Some("UTF-16BE"));
        // Names in Devanagari and accented Latin keep their NULs in place.
        let named = "id,name\no1,\u{905}\u{936}\u{93e} Ren\u{e9}e\n";
        assert_eq!(
            utf16(&read(named, true, true)),
            Some("UTF-16LE with a byte-order mark")
        );
        for text in [
            header,
            "\u{feff}id,name\n",
            "",
            "a",
            "\u{fffd}\u{fffd}x,y\n",
        ] {
            assert_eq!(utf16(text), None, "{text:?}");
        }
    }
}
