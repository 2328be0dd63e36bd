//! The fast lane of [`Cohort::from_json`](crate::Cohort::from_json): a scanner of officers
//! documents as writers of the format produce them, byte by byte over the text, pushing
//! each officer into the cohort's builder when its object ends.
//!
//! It takes a narrow subset of JSON and gives up (returns `None`) on anything else, leaving
//! the document to the `serde` reader: strings without escapes or control characters,
//! whole numbers without sign, fraction, exponent or leading zero, `null`, `true` and
//! `false`, the four whitespace characters of JSON, and objects with exactly the fields of
//! the derived readers (each at most once, the required ones present, the version one this
//! crate reads). Everything it accepts is JSON that `serde_json` reads into the same values,
//! so the cohort is the one the `serde` reader and the two-step path build.

use crate::FORMAT_VERSION;
use crate::OLDEST_FORMAT_VERSION;
use crate::people::builder::CohortBuilder;
use crate::people::officer::{EvidenceSource, EvidenceView};
use crate::people::resolve::OfficerView;

/// Scans `text` (after any byte-order mark) into `builder`; `None` when the text is not in
/// the subset above, and the builder is then to be discarded.
pub(crate) fn scan(text: &str, builder: &mut CohortBuilder<'_>) -> Option<()> {
    let mut s = Scanner {
        text,
        bytes: text.as_bytes(),
        at: 0,
    };
    let mut entries: Vec<EvidenceView<'_>> = Vec::new();
    s.eat(b'{')?;
    let (mut version, mut officers) = (false, false);
    loop {
        match s.key()? {
            "format_version" if !version => {
                let found = u32::try_from(s.whole()?).ok()?;
                if !(OLDEST_FORMAT_VERSION..=FORMAT_VERSION).contains(&found) {
                    return None;
                }
                version = true;
            }
            "officers" if !officers => {
                s.eat(b'[')?;
                if !s.eat_if(b']') {
                    loop {
                        s.officer(builder, &mut entries)?;
                        if !s.next_item(b']')? {
                            break;
                        }
                    }
                }
                officers = true;
            }
            _ => return None,
        }
        if !s.next_item(b'}')? {
            break;
        }
    }
    s.space();
    (version && officers && s.at == s.bytes.len()).then_some(())
}

struct Scanner<'t> {
    text: &'t str,
    bytes: &'t [u8],
    at: usize,
}

/// The fields of an officer, as bits of a mask.
const ID: u8 = 1;
const NAME: u8 = 2;
const DEPARTMENT: u8 = 4;
const POSITION: u8 = 8;
const TARGET: u8 = 16;
const PASSBOOK: u8 = 32;

impl<'t> Scanner<'t> {
    /// Skips JSON whitespace.
    fn space(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    /// Takes `c` after whitespace, or gives up.
    fn eat(&mut self, c: u8) -> Option<()> {
        self.eat_if(c).then_some(())
    }

    /// Takes `c` after whitespace when it comes next.
    fn eat_if(&mut self, c: u8) -> bool {
        self.space();
        let found = self.bytes.get(self.at) == Some(&c);
        self.at += usize::from(found);
        found
    }

    /// After an item of an object or array: `true` at a comma (another item follows),
    /// `false` at `close`; gives up on anything else.
    fn next_item(&mut self, close: u8) -> Option<bool> {
        self.space();
        let c = *self.bytes.get(self.at)?;
        self.at += 1;
        match c {
            b',' => Some(true),
            _ if c == close => Some(false),
            _ => None,
        }
    }

    /// A string without escapes or control characters; gives up on anything else.
    fn string(&mut self) -> Option<&'t str> {
        self.space();
        if self.bytes.get(self.at) != Some(&b'"') {
            return None;
        }
        let start = self.at + 1;
        let end = start + special(self.bytes.get(start..)?)?;
        if self.bytes[end] != b'"' {
            return None;
        }
        self.at = end + 1;
        // Both ends are ASCII quotes, so they are character boundaries.
        self.text.get(start..end)
    }

    /// A key: a string and the colon after it.
    fn key(&mut self) -> Option<&'t str> {
        let key = self.string()?;
        self.eat(b':')?;
        Some(key)
    }

    /// `null` (`None`) or a string.
    #[allow(clippy::option_option)] // the outer `None` gives up, as for every other value
    fn optional(&mut self) -> Option<Option<&'t str>> {
        self.space();
        if self.bytes.get(self.at..self.at + 4) == Some(b"null") {
            self.at += 4;
            return Some(None);
        }
        self.string().map(Some)
    }

    /// A whole number of at most 9 digits without sign, fraction, exponent or leading zero.
    fn whole(&mut self) -> Option<u64> {
        self.space();
        let digits = self
            .bytes
            .get(self.at..)?
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if digits == 0 || digits > 9 || (digits > 1 && self.bytes[self.at] == b'0') {
            return None;
        }
        let mut n = 0u64;
        for &d in &self.bytes[self.at..self.at + digits] {
            n = n * 10 + u64::from(d - b'0');
        }
        self.at += digits;
        match self.bytes.get(self.at) {
            Some(b'.' | b'e' | b'E') => None,
            _ => Some(n),
        }
    }

    /// `true` or `false`.
    fn boolean(&mut self) -> Option<bool> {
        self.space();
        let rest = self.bytes.get(self.at..)?;
        if rest.starts_with(b"true") {
            self.at += 4;
            Some(true)
        } else if rest.starts_with(b"false") {
            self.at += 5;
            Some(false)
        } else {
            None
        }
    }

    /// One officer object, pushed into `builder` when it ends.
    fn officer(
        &mut self,
        builder: &mut CohortBuilder<'_>,
        entries: &mut Vec<EvidenceView<'t>>,
    ) -> Option<()> {
        self.eat(b'{')?;
        entries.clear();
        let mut seen = 0u8;
        let mut officer = OfficerView {
            id: "",
            name: None,
            department: "",
            position: "",
            target: None,
        };
        loop {
            let field = match self.key()? {
                "id" => {
                    officer.id = self.string()?;
                    ID
                }
                "name" => {
                    officer.name = self.optional()?;
                    NAME
                }
                "department" => {
                    officer.department = self.string()?;
                    DEPARTMENT
                }
                "position" => {
                    officer.position = self.string()?;
                    POSITION
                }
                "target_position" => {
                    officer.target = self.optional()?;
                    TARGET
                }
                "passbook" => {
                    self.passbook(entries)?;
                    PASSBOOK
                }
                _ => return None,
            };
            if seen & field != 0 {
                return None;
            }
            seen |= field;
            if !self.next_item(b'}')? {
                break;
            }
        }
        let required = ID | DEPARTMENT | POSITION;
        if seen & required != required {
            return None;
        }
        builder.push(officer, entries.iter().copied());
        Some(())
    }

    /// A passbook array into `entries`.
    fn passbook(&mut self, entries: &mut Vec<EvidenceView<'t>>) -> Option<()> {
        self.eat(b'[')?;
        if self.eat_if(b']') {
            return Some(());
        }
        loop {
            entries.push(self.entry()?);
            if !self.next_item(b']')? {
                return Some(());
            }
        }
    }

    /// One passbook entry object, as [`Evidence::view`](crate::Evidence) gives it.
    fn entry(&mut self) -> Option<EvidenceView<'t>> {
        self.eat(b'{')?;
        let mut seen = 0u8;
        let mut entry = EvidenceView {
            competency: "",
            level: 0,
            source: EvidenceSource::Assessment,
            date: "",
            verified: true,
            course: None,
        };
        loop {
            let field = match self.key()? {
                "competency" => {
                    entry.competency = self.string()?;
                    1
                }
                "level" => {
                    entry.level = u8::try_from(self.whole()?).ok()?;
                    2
                }
                "source" => {
                    entry.source = match self.string()? {
                        "course_completion" => EvidenceSource::CourseCompletion,
                        "assessment" => EvidenceSource::Assessment,
                        "feedback360" => EvidenceSource::Feedback360,
                        "self_declared" => EvidenceSource::SelfDeclared,
                        _ => return None,
                    };
                    4
                }
                "date" => {
                    entry.date = self.optional()?.unwrap_or("");
                    8
                }
                "verified" => {
                    entry.verified = self.boolean()?;
                    16
                }
                "course" => {
                    entry.course = self.optional()?.filter(|c| !c.trim().is_empty());
                    32
                }
                _ => return None,
            };
            if seen & field != 0 {
                return None;
            }
            seen |= field;
            if !self.next_item(b'}')? {
                break;
            }
        }
        (seen & 7 == 7).then_some(entry)
    }
}

/// The place of the first quote, backslash or control character (below 0x20) in `bytes`:
/// eight bytes at a time, each word's flagged bytes found without a branch per byte (the
/// lowest flag of a word is exact: a borrow only runs upwards from a flagged byte).
fn special(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let flags = |w: u64| {
        let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
        zero(w ^ (ONES * u64::from(b'"')))
            | zero(w ^ (ONES * u64::from(b'\\')))
            | (w.wrapping_sub(ONES * 0x20) & !w & HIGH)
    };
    let mut words = bytes.chunks_exact(8);
    let mut at = 0;
    for word in &mut words {
        let w = u64::from_le_bytes(word.try_into().ok()?);
        let found = flags(w);
        if found != 0 {
            return Some(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    (words.remainder().iter())
        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        .map(|i| at + i)
}

#[cfg(test)]
mod tests {
    /// The naive search `special` replaces.
    fn naive(bytes: &[u8]) -> Option<usize> {
        bytes
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
    }

    #[test]
    fn special_finds_the_first_quote_backslash_or_control_character() {
        // Every byte value alone, at every place of a 16-byte string of ordinary and
        // non-ASCII bytes, and after another special byte.
        let base: Vec<u8> = "aé\u{7f}!zy\u{a0}0123456".bytes().collect();
        for b in 0..=255u8 {
            for at in 0..base.len() {
                let mut text = base.clone();
                text[at] = b;
                assert_eq!(super::special(&text), naive(&text), "{b:#x} at {at}");
                for later in at..base.len() {
                    let mut two = text.clone();
                    two[later] = b'"';
                    // Every length, so that words and the bytes after the last word are
                    // both searched.
                    for len in 0..=two.len() {
                        let two = &two[..len];
                        assert_eq!(
                            super::special(two),
                            naive(two),
                            "{b:#x} at {at}, quote at {later}"
                        );
                    }
                }
            }
        }
        assert_eq!(super::special(b""), None);
    }
}
