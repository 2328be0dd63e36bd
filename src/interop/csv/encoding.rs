//! Telling a text that was not UTF-8 from CSV: UTF-16, as Excel's "Unicode Text" and some
//! HR systems save it, read as UTF-8; and a text that is not CSV at all but a JSON
//! document given in a CSV file's place.

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

/// What JSON document `text` looks like (`an object`, `an array`), when it starts, a
/// byte-order mark and whitespace aside, as one does: `{` before `"` or `}`, or `[` before
/// `{`, `[`, `"` or `]`, whitespace between. No CSV header starts so (a header cell
/// `[id]` or `{name}` does not), and read as CSV a JSON document gives errors about its
/// quotes far from the start. O(leading whitespace).
pub(super) fn json(text: &str) -> Option<&'static str> {
    let text = text.trim_start_matches(|c: char| c == '\u{feff}' || c.is_whitespace());
    let mut chars = text.chars();
    let (kind, next): (&'static str, &[char]) = match chars.next()? {
        '{' => ("an object", &['"', '}']),
        '[' => ("an array", &['{', '[', '"', ']']),
        _ => return None,
    };
    let after = chars.as_str().trim_start().chars().next()?;
    next.contains(&after).then_some(kind)
}

#[cfg(test)]
mod tests {
    use super::{json, utf16};

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

    #[test]
    fn a_json_document_is_told_from_a_header() {
        for (text, kind) in [
            ("{\"officers\": []}", Some("an object")),
            ("\u{feff}\r\n  [\n {\"id\": 1}]", Some("an array")),
            ("[]", Some("an array")),
            ("{}", Some("an object")),
            ("[id],name\n", None),
            ("{name},id\n", None),
            ("id,name\n", None),
            ("[", None),
            ("", None),
        ] {
            assert_eq!(json(text), kind, "{text:?}");
        }
    }
}
