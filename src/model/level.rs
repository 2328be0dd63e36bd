//! Proficiency levels 0–5 and the platform's default level names.

use std::fmt;

use serde::de::{self, DeserializeSeed, Unexpected, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use crate::model::level_label::after_label;
use crate::model::roman::roman;
use crate::model::whole::Whole;
use crate::{EntityKind, Error};

/// A proficiency level: 0 (none) to 5 (the highest).
///
/// The iGOT platform names the levels Basic, Proficient, Advanced, Expert and Ustad
/// ([`Level::default_name`]). A competency may define fewer than five levels; a framework
/// then rejects any requirement above its last one.
///
/// # Example
/// ```
/// use karmayogi::Level;
///
/// let level = Level::new(3)?;
/// assert_eq!(level.get(), 3);
/// assert_eq!(level.default_name(), "Advanced");
/// assert!(Level::new(6).is_err());
/// # Ok::<(), karmayogi::Error>(())
/// ```
///
/// As JSON a level is a whole number, written `3`, `3.0` or `3e0` alike, or a string
/// holding one as every level field reads it (`"3"`, `"L3"`, `"Level 3"`, a Roman
/// numeral `"III"` or `"Level III"`, or the number with the platform's name of that level,
/// `"3 (Advanced)"`); a fractional one, one above 5 or other text is refused, the message
/// listing what is read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "u8")]
pub struct Level(u8);

impl Level {
    /// No proficiency shown.
    pub const NONE: Level = Level(0);
    /// The highest level on any scale.
    pub const MAX: Level = Level(5);

    /// Makes a level from a number.
    ///
    /// # Errors
    /// [`Error::LevelOutOfRange`] when `value` is above 5.
    pub fn new(value: u8) -> Result<Level, Error> {
        if value <= Self::MAX.0 {
            Ok(Level(value))
        } else {
            Err(Error::LevelOutOfRange {
                value: u32::from(value),
            })
        }
    }

    /// The level as a number.
    pub const fn get(self) -> u8 {
        self.0
    }

    /// How many levels `self` lies below `target`: `target − self` when positive, else 0.
    pub const fn shortfall_to(self, target: Level) -> u8 {
        target.0.saturating_sub(self.0)
    }

    /// The platform's default name for this level: None, Basic, Proficient, Advanced,
    /// Expert or Ustad.
    pub const fn default_name(self) -> &'static str {
        match self.0 {
            0 => "None",
            1 => "Basic",
            2 => "Proficient",
            3 => "Advanced",
            4 => "Expert",
            _ => "Ustad",
        }
    }

    /// Builds a level from a value already known to be in range (internal data).
    pub(crate) const fn saturating(value: u8) -> Level {
        if value > Self::MAX.0 {
            Self::MAX
        } else {
            Level(value)
        }
    }
}

/// Whether no competency could exist at `level`: every competency's range lies within 1
/// to [`Level::MAX`] (`Framework::new` refuses any other range), so 0 and
/// anything above 5 are wrong for a requirement, course outcome or group rule naming an
/// unknown competency too.
pub(crate) fn beyond_every_scale(level: u8) -> bool {
    !(1..=Level::MAX.get()).contains(&level)
}

/// [`Error::InvalidLevel`] for a level [`beyond_every_scale`] at which `owner` names an
/// unknown `competency`, the range named the widest any competency may have (1 to 5).
pub(crate) fn beyond_every_scale_error(
    owner_kind: EntityKind,
    owner: &str,
    competency: &str,
    level: u8,
) -> Error {
    Error::InvalidLevel {
        owner_kind,
        owner: owner.to_owned(),
        competency: competency.to_owned(),
        level,
        min: 1,
        max: Level::MAX.get(),
    }
}

impl TryFrom<u8> for Level {
    type Error = Error;

    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Level::new(value)
    }
}

/// Read as every level field of the JSON documents reads a level's number (`Written`):
/// a whole number (`3`, `3.0`, `3e0`), or a string holding one (`"3"`, `"L3"`,
/// `"Level 3"`), a Roman numeral (`"III"`, `"Level III"`) or the number with the
/// platform's name of that level (`"3 (Advanced)"`); then checked to be 0 to 5.
impl<'de> Deserialize<'de> for Level {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Level, D::Error> {
        level_of("level", d)
    }
}

/// A [`Level`] in the field named `field`, read as [`Written`] reads a level's number
/// (so its messages name the field), then checked to be 0 to 5 ([`Level::new`]'s
/// error). O(length).
pub(crate) fn level_of<'de, D: Deserializer<'de>>(
    field: &'static str,
    d: D,
) -> Result<Level, D::Error> {
    let value = Written(Whole::byte(field)).deserialize(d)?;
    // `Whole::byte` read it: 0 to 255.
    Level::new(u8::try_from(value).unwrap_or(u8::MAX)).map_err(de::Error::custom)
}

impl From<Level> for u8 {
    fn from(level: Level) -> u8 {
        level.0
    }
}

/// The number of a level written as a label, as proficiency scales and HR systems name
/// their levels: `L`, `Lvl` or `Level` in any ASCII case, then a run of whitespace, one
/// `-`, `_` or `.`, or nothing (`model::level_label::after_label`), then up to nine
/// digits (`"L3"`, `"Level 3"`, `"level  3"`, `"lvl-3"`); spaces around are ignored.
/// `None` for anything else (`"Level"`, `"L 3.5"`, `"Levels 3"`). O(length).
pub(crate) fn label_number(text: &str) -> Option<u32> {
    let digits = after_label(text.trim(), false)?;
    if digits.is_empty() || digits.len() > 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A level 0 to 5, written as a whole number or, as spreadsheets and data frames write a
/// numeric column, with a fraction of zeros (`3.0`, or `3,0` with a decimal comma), or as
/// a level label (`L3`, `Level 3`, as HR systems name levels), as HR exports write a level
/// cell and officers' JSON a `level` string; leading zeros are read past (`03`, as a
/// spreadsheet column formatted to two digits writes it, is 3): [`whole_text`]'s number,
/// when it is a level. O(length).
pub(crate) fn whole_level(text: &str) -> Option<u8> {
    whole_text(text)
        .filter(|&n| n <= 5)
        .and_then(|n| u8::try_from(n).ok())
}

/// A whole number written as [`whole_level`] reads a level (`9`, `9.0`, `9,0`, `L9`,
/// `Level 9`), of any size: a passbook's or framework's JSON is read before the
/// competency's levels are looked at, so a number beyond 5 is read as the number and
/// checked against them there, with their range in the message. A negative zero (`-0`,
/// `-0.0`, as a spreadsheet writes a zero computed as negative, and as JSON's number `-0`
/// already reads) is 0; any other negative number is none. Digits of a script of India
/// (`३`, `Level ४`, `०३`: Devanagari, Bengali, Tamil and the others of `confusable.rs`), as
/// an HR system set to an Indian locale writes numbers, are read as the digits they are;
/// a number whose digits are of two scripts (`3३`) is none, so the field refuses it with
/// its cell. O(length).
pub(crate) fn whole_text(text: &str) -> Option<u64> {
    if !text.is_ascii() {
        // Digits of a script of India read as the digits they are (`३`, `Level ४`); digits
        // of two scripts, none.
        let ascii = crate::model::confusable::with_ascii_digits(text)?;
        if let std::borrow::Cow::Owned(ascii) = ascii {
            return whole_text(&ascii);
        }
    }
    if text.starts_with(['L', 'l']) {
        return label_number(text).map(u64::from);
    }
    if let Some(unsigned) = text.strip_prefix('-') {
        return unsigned_text(unsigned).filter(|&n| n == 0);
    }
    unsigned_text(text)
}

/// A level's number as every reader of a level's number field reads it: [`whole_text`]'s
/// forms (`3`, `3.0`, `3,0`, `03`, `L3`, `Level 3`), or a Roman numeral I to X alone or
/// as a level label (`III`, `Level III`, `L-III`, as Indian government scales write
/// levels; `model::roman`), spaces around ignored; the number of any size, as
/// [`whole_text`] gives it, for the field's own range to be checked with its message.
/// Read so by a competency's `min_level` and `max_level`, a level descriptor's `level`,
/// and the iGOT loaders' level fields (`selectedLevelLevel`, the profile's and FRAC's
/// levels). Where a competency's own level names are read first (a passbook's, a
/// requirement's, a course outcome's or a group rule's level, the CSV readers' level
/// cells), a Roman numeral is a name of the competency's when it names a level so, and
/// this number only where it names none (`model::level_name::named_level`). O(length).
pub(crate) fn level_number(text: &str) -> Option<u64> {
    let t = text.trim();
    whole_text(t).or_else(|| roman(t).map(u64::from))
}

/// [`whole_text`]'s number without a sign or a label. O(length).
fn unsigned_text(text: &str) -> Option<u64> {
    let (whole, fraction) = match text.find(['.', ',']) {
        Some(at) => (&text[..at], &text[at + 1..]),
        None => (text, "0"),
    };
    let digits = !whole.is_empty() && whole.bytes().all(|b| b.is_ascii_digit());
    if !digits || fraction.is_empty() || !fraction.bytes().all(|b| b == b'0') {
        return None;
    }
    let digits = whole.trim_start_matches('0');
    if digits.is_empty() {
        return Some(0);
    }
    // Beyond `u64`, the number is above every field's range all the same.
    Some(digits.parse().unwrap_or(u64::MAX))
}

/// What may stand between a level's number and its name in a level written as both
/// (`3 - Advanced`, `Level 3: Advanced`, `Advanced (3)`), besides whitespace.
const BETWEEN: [char; 10] = [
    '-', '\u{2013}', '\u{2014}', ':', '|', '.', '(', ')', '[', ']',
];

/// The longest cell [`numbered_name`] splits: level names are short, and splitting tries
/// every place in the text.
pub(crate) const NUMBERED_NAME_MAX: usize = 120;

/// A level written as its number and its name together, as HR systems export a level
/// picked from a list: the number first (`3 - Advanced`, `Level 3: Advanced`,
/// `L3 Advanced`, `3 (Advanced)`: a name in brackets is the name without them, and the
/// name after the number is kept exactly as `bracketed` reads it, so `3 ((Senior))` is
/// the name `(Senior)` and `3 (- Works alone)` the name `- Works alone`; a name with no
/// letter only so, in brackets: `3 (3.25)` is 3 named `3.25`, `3 - 3.25` no level) or last
/// (`Advanced (3)`, `Advanced - Level 3`), the number as [`whole_level`] reads it, the
/// two parts apart by whitespace and the characters of `BETWEEN`. Gives the number and
/// the name, trimmed; `None` when the text is not so
/// made, or longer than `NUMBERED_NAME_MAX` bytes. Whether the name is the level's is the
/// caller's to check. O(length²) over at most `NUMBERED_NAME_MAX` bytes.
pub(crate) fn numbered_name(text: &str) -> Option<(u8, &str)> {
    let t = text.trim();
    if t.len() > NUMBERED_NAME_MAX {
        return None;
    }
    split_numbered(t)
}

/// As [`numbered_name`], of any length: a name of any length beside a number that stands
/// within `NUMBERED_NAME_MAX` bytes of the start (or the end), as the writers write a
/// long level name (`3 - ` and the name). The same split as [`numbered_name`]'s on text
/// it splits; for longer text, which that refuses, only the cuts that leave the number
/// within `NUMBERED_NAME_MAX` bytes are tried. O(`NUMBERED_NAME_MAX` × length).
pub(crate) fn numbered_name_any_length(text: &str) -> Option<(u8, &str)> {
    split_numbered(text.trim())
}

/// [`numbered_name`]'s split of trimmed text `t`, trying the cuts that leave the number
/// within `NUMBERED_NAME_MAX` bytes of the start (number first) or the end (number last).
fn split_numbered(t: &str) -> Option<(u8, &str)> {
    let apart = |c: char| c.is_whitespace() || BETWEEN.contains(&c);
    // A level counted out of a scale (`3 of 5`, `3 out of 5`) has no name, and which
    // scale its number is counted on is not the competency's to say.
    if out_of(t) {
        return None;
    }
    // A name, not the word of a level label (`Level  3`).
    let named = |s: &str| {
        s.contains(char::is_alphabetic)
            && !["level", "levels", "lvl", "l"]
                .iter()
                .any(|w| s.eq_ignore_ascii_case(w))
    };
    let cuts = || t.char_indices().filter(|&(_, c)| apart(c)).map(|(i, _)| i);
    // Where each run of what stands between starts: the number first is cut there only,
    // so that the name is read from the whole run (`3 ((Senior))`, the bracket opened
    // right after the number, is `(Senior)`).
    let runs = || {
        let mut before = None;
        t.char_indices().filter_map(move |(i, c)| {
            let starts = apart(c) && !before.is_some_and(apart);
            before = Some(c);
            starts.then_some(i)
        })
    };
    // The number first, as long as it reads (`3.0 Advanced` is 3, not 3 and `0 Advanced`).
    let mut first = None;
    for i in runs().take_while(|&i| i <= NUMBERED_NAME_MAX) {
        // Only what stands between the two is cut: a name may end in `)`, unless the
        // name is in brackets (`3 (Advanced)`, `Level 3 [Advanced]`).
        let Some(n) = whole_level(t[..i].trim_end_matches(apart)) else {
            continue;
        };
        // A name with no letter (`3.25`, `***`, `4` beside level 3) only in brackets: a
        // level's number and a number or mark after it may be anything else.
        let (name, inside) = bracketed(&t[i..]);
        if named(name) || (inside && !name.is_empty()) {
            first = Some((n, name));
        }
    }
    if first.is_some() {
        return first;
    }
    // The number last, as long as it reads.
    let last = t.len().saturating_sub(NUMBERED_NAME_MAX);
    cuts().skip_while(|&i| i < last).find_map(|i| {
        let (name, number) = (t[..i].trim_end_matches(apart), t[i..].trim_matches(apart));
        whole_level(number)
            .filter(|_| named(name))
            .map(|n| (n, name))
    })
}

/// Whether `text` is a level's name alone, as a passbook's level may be written
/// (`Proficient`, `Works alone`): a letter in it, and neither a number as a level is
/// written ([`whole_text`]: `L3`, `3.0`, `L6`) or a float (`NaN`, `2e0`), nor a number
/// with a name ([`numbered_name`]: `3 - Advanced`), nor a number counted out of a scale
/// (`3 of 5`). Which level it names is the competency's to say. O(length).
pub(crate) fn name_alone(text: &str) -> bool {
    let t = text.trim();
    whole_text(t).is_none()
        && t.contains(char::is_alphabetic)
        && !number_like(t)
        && !out_of(t)
        && numbered_name(t).is_none()
}

/// Whether `text` is a name followed by a whole number after spaces alone (`Foundation
/// 2`, `Band 1`), as a competency may name its levels: such text is a level's name where
/// the competency has a level of that name, and the number with the name before it
/// ([`numbered_name`]) where it has none; which, only the competency can say. O(length).
pub(crate) fn name_then_number(text: &str) -> bool {
    text.trim().len() <= NUMBERED_NAME_MAX && name_then_number_any_length(text)
}

/// As [`name_then_number`], of any length, as [`numbered_name_any_length`] splits it: how
/// a framework's `level` text is read, so that a long name followed by a number is read
/// as a short one is. O(`NUMBERED_NAME_MAX` × length).
pub(crate) fn name_then_number_any_length(text: &str) -> bool {
    let t = text.trim();
    let Some((name, number)) = t.rsplit_once(char::is_whitespace) else {
        return false;
    };
    !number.is_empty()
        && number.bytes().all(|b| b.is_ascii_digit())
        && name.trim_end().ends_with(char::is_alphanumeric)
        && numbered_name_any_length(t).is_some()
}

/// Whether `t` is a number counted out of a scale's size, `N of M` or `N out of M` (any
/// case, M digits, N digits or a level label, `Level 4 of 7`, `L3 out of 5`), as survey,
/// appraisal and SFIA-style exports write a rating. O(length).
fn out_of(t: &str) -> bool {
    let digits = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    let word = |w: &str, of: &str| w.eq_ignore_ascii_case(of);
    let words: Vec<&str> = t.split_whitespace().take(6).collect();
    let head = match words.as_slice() {
        [head @ .., of, m] if word(of, "of") && digits(m) => match head {
            [head @ .., out] if word(out, "out") => head,
            head => head,
        },
        _ => return false,
    };
    match head {
        [n] => digits(n) || label_number(n).is_some(),
        [label, n] => digits(n) && ["level", "lvl", "l"].iter().any(|w| word(label, w)),
        _ => false,
    }
}

/// The name after a level's number, `after` holding what stands between the two (a run
/// of whitespace and the characters of `BETWEEN`) and the name: the text after that run,
/// exactly (`- Advanced (Senior)` is `Advanced (Senior)`); or, when the run holds an
/// opening bracket and the text ends with its closing one, what stands between the first
/// opening bracket of the run and that closing bracket, trimmed of whitespace, exactly
/// (`(Advanced)` is `Advanced`, `(Works (mostly) alone)` is `Works (mostly) alone`,
/// `((Senior))` is `(Senior)`, `(- Works alone)` is `- Works alone`). So any name with a
/// letter is read back from `N - name` when it starts with none of what may stand between,
/// and from `N (name)` otherwise (`level_text::numbered_text`); a name with no letter
/// only from `N (name)`. Whether the name was read inside a bracket is the second of
/// the pair: only such a name may hold no letter.
fn bracketed(after: &str) -> (&str, bool) {
    let apart = |c: char| c.is_whitespace() || BETWEEN.contains(&c);
    let name = after.trim_start_matches(apart);
    let between = &after[..after.len() - name.len()];
    let Some(open) = between.find(['(', '[']) else {
        return (name, false);
    };
    let close = if between[open..].starts_with('(') {
        ')'
    } else {
        ']'
    };
    after[open + 1..]
        .strip_suffix(close)
        .map_or((name, false), |inner| (inner.trim(), true))
}

/// Whether `text` reads as a number in Rust's float syntax (`2e0`, `-1.5E3`, `NaN`,
/// `inf`), so is no level name. Written out rather than parsed: `f64::from_str` would add
/// its tables to the WebAssembly module for this one test.
pub(crate) fn number_like(text: &str) -> bool {
    let t = text.trim();
    let t = t.strip_prefix(['+', '-']).unwrap_or(t);
    let special = ["nan", "inf", "infinity"];
    if special.iter().any(|s| t.eq_ignore_ascii_case(s)) {
        return true;
    }
    let (mantissa, exponent) = match t.find(['e', 'E']) {
        Some(i) => {
            let e = &t[i + 1..];
            (&t[..i], Some(e.strip_prefix(['+', '-']).unwrap_or(e)))
        }
        None => (t, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = mantissa.bytes().any(|b| b.is_ascii_digit())
        && mantissa.bytes().filter(|&b| b == b'.').count() <= 1
        && mantissa.bytes().all(|b| b.is_ascii_digit() || b == b'.');
    mantissa_ok && exponent.is_none_or(digits)
}

/// A `level` as officers' and frameworks' JSON write it: a whole number from 0 to the
/// field's `max` ([`Whole`]), or a string holding one as HR exports write a level (`"3"`,
/// `" 3 "`, `"3.0"`, `"L3"`, `"Level 3"`, `"III"`, `"Level III"`: [`level_number`]; the
/// platform's profiles hold levels as strings). A passbook entry's, a requirement's, a
/// course outcome's and a group rule's level keeps a Roman numeral as a name first
/// (`model::level_text::Named`), read where the competency's own names are known.
/// Which levels a competency has is not known here (a passbook is read before it is checked
/// against a framework, and a framework's fields before its competencies are), so a
/// number beyond 5 is read and refused where it is checked, with the competency's own
/// levels in the message; no message of this reader names a range of levels. A level's
/// name (`"Proficient"`) is refused with a message saying so: which level a name is
/// depends on the competency's scale, which a passbook does not hold and a framework's
/// field is read before (HR exports in CSV, read against a framework, may name levels).
/// A passbook entry's level keeps a name alone, and a passbook entry's, a requirement's, a
/// course outcome's, a group rule's and a level descriptor's level a name beside a number
/// (`model::level_text::Named`), to be checked against the competency's own
/// names once it is known, as the CSV readers check it; elsewhere (a competency's
/// `min_level` and `max_level`) a level's number with its name, as the platform names
/// levels and HR systems export a level picked from a list (`"3 (Advanced)"`,
/// `"Advanced (3)"`, `"Level 3 - Advanced"`, `"4 [Expert]"`, see [`numbered_name`]), is the
/// number when the name is the platform's own for it (Basic, Proficient, Advanced, Expert,
/// Ustad for 1 to 5; `None` for 0), the names iGOT gives levels; with another level's name
/// (`"Level 3 - Proficient"`, or a competency's own name for level 3 that is not the
/// platform's) it is refused saying that the name is not the platform's for that number,
/// since which of the two is meant is unknowable here. The CSV readers split such text with
/// the same [`numbered_name`] and check the name against the competency's own names, which
/// they hold. Other text (`"3 pts"`, `"three"`) is refused as neither a level's number nor
/// a name, with the forms the field reads. O(length).
#[derive(Clone, Copy)]
pub(crate) struct Written(pub(crate) Whole);

impl<'de> DeserializeSeed<'de> for Written {
    type Value = u64;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<u64, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Written {
    type Value = u64;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "a level for `{}`: 0 (none) or one of the competency's levels (at most 5), \
             as a whole number or a string holding one (`\"3\"`, `\"Level 3\"`, \
             `\"III\"`)",
            self.0.field
        )
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<u64, E> {
        self.0
            .visit_u64(v)
            .map_err(|_: E| E::invalid_value(Unexpected::Unsigned(v), &self))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<u64, E> {
        self.0
            .visit_i64(v)
            .map_err(|_: E| E::invalid_value(Unexpected::Signed(v), &self))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<u64, E> {
        self.0
            .visit_f64(v)
            .map_err(|_: E| E::invalid_value(Unexpected::Float(v), &self))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<u64, E> {
        let text = v.trim();
        if let Some(n) = level_number(text) {
            return self
                .0
                .visit_u64(n)
                .map_err(|_: E| E::invalid_value(Unexpected::Str(v), &self));
        }
        if !text.contains(char::is_alphabetic) || number_like(text) {
            return Err(E::invalid_value(Unexpected::Str(v), &self));
        }
        // A number with its level's name (`3 (Advanced)`, `Level 3 - Advanced`,
        // `Advanced (3)`), as the platform names levels: no framework is at hand here, so
        // the name must be the platform's own for that number.
        let numbered = numbered_name(text);
        if let Some((n, name)) = numbered
            && Level(n).default_name().eq_ignore_ascii_case(name)
        {
            return self
                .0
                .visit_u64(u64::from(n))
                .map_err(|_: E| E::invalid_value(Unexpected::Str(v), &self));
        }
        let found = crate::model::quote::quoted(v);
        let field = self.0.field;
        let default_name =
            |t: &str| (0..=Level::MAX.0).any(|n| Level(n).default_name().eq_ignore_ascii_case(t));
        // Only one of the platform's names is called a level's name: `3 pts` or `three` is
        // none, and is told what the field reads.
        Err(E::custom(if default_name(text) {
            format!(
                "invalid value: string {found}, expected a level's number for `{field}`: a \
                 level's name is not read from JSON; write the level's number"
            )
        } else if let Some((n, name)) = numbered.filter(|&(_, name)| default_name(name)) {
            format!(
                "invalid value: string {found}, expected a level's number for `{field}`: \
                 `{name}` is not the platform's name of level {n} (`{n} ({})`), the only \
                 name JSON reads beside a number (a competency's own level names are not \
                 known where JSON is read); write the level's number alone, or with that \
                 name",
                Level(n).default_name()
            )
        } else {
            format!(
                "invalid value: string {found}, expected a level's number for `{field}`: \
                 the text is neither a level's number nor one of the platform's level names \
                 (Basic, Proficient, Advanced, Expert, Ustad); write a whole number (`3`) or \
                 a string holding one (`\"3\"`, `\"3.0\"`, `\"L3\"`, `\"Level 3\"`), or \
                 a Roman numeral (`\"III\"`, `\"Level III\"`)"
            )
        }))
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        crate::model::object::refuse_list(seq, &self)
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        crate::model::object::refuse_object(map, &self)
    }
}

/// A competency's optional `min_level`, read as [`Written`] reads a level (`4`,
/// `"4"`, `"Level 4"`; absent or `null` is none), so that the bounds of a scale are written
/// as its levels are; its range is checked with the competency's. O(length).
pub(crate) fn optional_min_level<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u8>, D::Error> {
    d.deserialize_option(OptionalWritten("min_level"))
}

/// A competency's optional `max_level`, as [`optional_min_level`].
pub(crate) fn optional_max_level<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u8>, D::Error> {
    d.deserialize_option(OptionalWritten("max_level"))
}

/// The visitor of [`optional_min_level`] and [`optional_max_level`], for the field it
/// names.
struct OptionalWritten(&'static str);

impl<'de> Visitor<'de> for OptionalWritten {
    type Value = Option<u8>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Written(Whole::byte(self.0)).expecting(f)?;
        f.write_str(", or null")
    }
    fn visit_none<E: de::Error>(self) -> Result<Option<u8>, E> {
        Ok(None)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Option<u8>, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<u8>, D::Error> {
        // Within 0 to 255: `Whole::byte` read it.
        Written(Whole::byte(self.0))
            .deserialize(d)
            .map(|v| Some(v as u8))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_is_zero_to_five() {
        for v in 0..=5 {
            assert_eq!(Level::new(v).unwrap().get(), v);
        }
        assert_eq!(Level::new(6), Err(Error::LevelOutOfRange { value: 6 }));
    }

    #[test]
    fn serde_rejects_out_of_range() {
        assert!(serde_json::from_str::<Level>("7").is_err());
        assert_eq!(serde_json::from_str::<Level>("2").unwrap(), Level(2));
        for whole in ["2.0", "2e0", "0.2e1"] {
            assert_eq!(
                serde_json::from_str::<Level>(whole).unwrap(),
                Level(2),
                "{whole}"
            );
        }
        for bad in ["2.5", "7.0", "256", "-1.0"] {
            let message = serde_json::from_str::<Level>(bad).unwrap_err().to_string();
            assert!(
                message.contains("level") && message.contains(bad.trim_end_matches(".0")),
                "{bad}: {message}"
            );
        }
    }

    #[test]
    fn shortfall_is_never_negative() {
        assert_eq!(Level(1).shortfall_to(Level(4)), 3);
        assert_eq!(Level(4).shortfall_to(Level(1)), 0);
    }
}

#[cfg(test)]
mod label_tests {
    use super::label_number;

    #[test]
    fn level_labels_read_as_their_number() {
        for (text, n) in [
            ("L3", 3),
            ("Level 3", 3),
            (" level-2 ", 2),
            ("LVL_5", 5),
            ("l.0", 0),
            ("level  4", 4),
            ("LEVEL\t2", 2),
        ] {
            assert_eq!(label_number(text), Some(n), "{text}");
        }
        for text in [
            "L",
            "Level",
            "L 3.5",
            "Lx3",
            "3L",
            "Levels 3",
            "L-3-4",
            "L1234567890",
            "Léve 3",
        ] {
            assert_eq!(label_number(text), None, "{text}");
        }
    }
}

#[cfg(test)]
mod numbered_tests;

#[cfg(test)]
mod number_tests {
    use super::number_like;

    #[test]
    fn number_like_is_what_f64_parsing_accepts() {
        let texts = [
            "2", "2.0", "2.", ".5", "2e0", "-1.5E3", "+3", "1e+5", "1e-5", "NaN", "nan", "-inf",
            "Infinity", " 3 ", "e5", "1e", "1.2.3", "..", ".", "-", "", "L3", "Basic", "ustad",
            "3a", "1_000", "0x10", "1,5", "infinite", "+-1", "1e+-5",
        ];
        for text in texts {
            let parsed = text.trim().parse::<f64>().is_ok();
            assert_eq!(number_like(text), parsed, "{text:?}");
        }
    }
}

#[cfg(test)]
mod sign_tests {
    use super::whole_level;

    #[test]
    fn a_negative_zero_is_zero_and_no_other_negative_is_a_level() {
        for text in ["-0", "-0.0", "-00", "-0,0"] {
            assert_eq!(whole_level(text), Some(0), "{text}");
        }
        for text in ["-1", "-3.0", "--0", "-", "-L0", "- 0", "-0.5"] {
            assert_eq!(whole_level(text), None, "{text}");
        }
    }
}
