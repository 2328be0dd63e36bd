//! Values of a fixed set of names (`"type": "domain"`, `"mode": "social"`) read from JSON.
//!
//! serde's derived reading of such an enum speaks of Rust (`unknown variant`) and, given
//! a number or `null`, says only `expected value`; a document's author can act on neither.
//! Here the message names the field's meaning and every name it takes, e.g. "invalid
//! type: integer \`1\`, expected a competency type: one of \`behavioural\`, …".
//!
//! Also [`one_line`]: a name or label with its runs of whitespace made one space.

use std::fmt;

use serde::Deserializer;
use serde::de::{self, Visitor};

/// Reads one of `names` (each with its value) for a field meaning `what` (e.g. `a
/// competency type`). O(number of names).
pub(crate) fn deserialize<'de, D, T>(
    deserializer: D,
    what: &'static str,
    names: &'static [(&'static str, T)],
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Copy + 'static,
{
    deserializer.deserialize_str(NameVisitor {
        what,
        names,
        other: None,
    })
}

/// As [`deserialize`], reading a text none of `names` is with `other` before refusing it
/// (as HR systems label a value: `Self Declared`). O(number of names + `other`).
pub(crate) fn deserialize_or<'de, D, T>(
    deserializer: D,
    what: &'static str,
    names: &'static [(&'static str, T)],
    other: fn(&str) -> Option<T>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Copy + 'static,
{
    deserializer.deserialize_str(NameVisitor {
        what,
        names,
        other: Some(other),
    })
}

struct NameVisitor<T: 'static> {
    what: &'static str,
    names: &'static [(&'static str, T)],
    /// Another reading of a text that is none of the names.
    other: Option<fn(&str) -> Option<T>>,
}

impl<T> NameVisitor<T> {
    fn list(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("one of ")?;
        for (i, (name, _)) in self.names.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "`{name}`")?;
        }
        Ok(())
    }
}

impl<T: Copy> Visitor<'_> for NameVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.what)?;
        self.list(f)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        if let Some((_, value)) = self.names.iter().find(|(name, _)| *name == v) {
            return Ok(*value);
        }
        if let Some(value) = self.other.and_then(|other| other(v)) {
            return Ok(value);
        }
        // A near miss (`Domain`, `sub-theme`, `Self Declared`) is named with the name meant.
        let fold = |s: &str| -> String {
            s.trim()
                .chars()
                .filter(|c| !matches!(c, '_' | '-' | ' '))
                .flat_map(char::to_lowercase)
                .collect()
        };
        let near = self.names.iter().find(|(name, _)| fold(name) == fold(v));
        let article = self.what;
        let list = DisplayWith(|f: &mut fmt::Formatter<'_>| self.list(f));
        let kind = article
            .strip_prefix("a ")
            .or_else(|| article.strip_prefix("an "))
            .unwrap_or(article);
        let shown = crate::model::quote::quoted(v);
        Err(match near {
            Some((name, _)) => E::custom(format_args!(
                "unknown {kind} {shown}, expected {list}: did you mean `{name}`?"
            )),
            None => E::custom(format_args!("unknown {kind} {shown}, expected {list}")),
        })
    }
}

/// Formats with a closure.
struct DisplayWith<F>(F);

impl<F: Fn(&mut fmt::Formatter<'_>) -> fmt::Result> fmt::Display for DisplayWith<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (self.0)(f)
    }
}

/// `text` with its line breaks written `\n`: `\r\n` and a lone `\r`, as files saved on
/// Windows or old Macs hold them inside quoted CSV fields, made `\n`, so that one file
/// saved with other line ends gives the same names. O(text); a text without `\r` is copied
/// as it is.
pub(crate) fn lf_lines(text: &str) -> String {
    lf_lines_borrowed(text).into_owned()
}

/// [`lf_lines`], borrowing a text without `\r` rather than copying it. O(text).
pub(crate) fn lf_lines_borrowed(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('\r') {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// A text on one line: runs of whitespace (line breaks included) made one space, and the
/// ends trimmed. How ESCO's labels are read and how iGOT's names are compared when the
/// exact text does not match. O(text).
pub(crate) fn one_line(text: &str) -> String {
    // Not `join` of the words: `join` would be compiled for `&str` parts for this alone in
    // the WebAssembly module (every other caller joins `String`s).
    let mut line = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    line
}
