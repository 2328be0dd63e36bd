//! Reading and writing versioned JSON documents, and the versions this crate reads.

use crate::model::document_kind::DocumentKind;
use crate::model::json_underflow::refuse_underflow;
use crate::model::kind_of::unread_kind_error;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};

use std::fmt::Write;

use crate::Error;
use crate::model::quote::SHOWN;

/// The interchange format version this crate writes, and the newest it reads.
///
/// Documents carry it in their `format_version` field. Every version from
/// [`OLDEST_FORMAT_VERSION`] to this one is read (each version only adds optional fields, so
/// an older document means the same today); any other value is rejected with
/// [`Error::UnsupportedFormatVersion`]. `DESIGN.md` states the versioning policy.
pub const FORMAT_VERSION: u32 = 2;

/// The oldest interchange format version this crate reads.
pub const OLDEST_FORMAT_VERSION: u32 = 1;

/// Only the version, so it can be checked before the document's shape is.
#[derive(serde::Deserialize)]
struct VersionProbe {
    #[serde(default, deserialize_with = "crate::model::whole::probe_version")]
    format_version: Option<u64>,
}

/// An [`Error::Json`] of reading `json`, stating the position once: `serde_json`'s message
/// ends with it, and the error has it as fields (moved onto a list or object refused on
/// sight, see [`problem_at`](crate::model::json_path::problem_at)), with the path and
/// entity id found there (see [`place_at`](crate::model::json_path::place_at); only on
/// this failure path).
/// The parser's description names what it expected by the Rust type that reads it (`u8`,
/// `struct RoleSpec`); the message says what a document holds there instead.
pub(crate) fn json_error(json: &str, e: &serde_json::Error) -> Error {
    use crate::model::json_path::{Stop, place_at, problem_at};
    let (line, column) = problem_at(json, e);
    let (path, id) = if line == 0 {
        (String::new(), None)
    } else {
        place_at(json, line, column, Stop::of(e))
    };
    placed(e, line, column, path, id)
}

/// [`json_error`] with the place given.
fn with_place(e: &serde_json::Error, path: String, id: Option<String>) -> Error {
    placed(e, e.line(), e.column(), path, id)
}

/// The [`Error::Json`] of `e` at the line, column, path and id given (those of the whole
/// document when `e` comes from reading a part of it), its message as [`json_error`]
/// words it.
pub(crate) fn placed(
    e: &serde_json::Error,
    line: usize,
    column: usize,
    path: String,
    id: Option<String>,
) -> Error {
    let text = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    Error::Json {
        line,
        column,
        path,
        id,
        message: bounded(&plain_expected(text.strip_suffix(&suffix).unwrap_or(&text))),
    }
}

/// `message` with each value it quotes shown as the crate's own messages show values.
/// `serde_json` quotes a key or value it read between backticks as it is (in "unknown
/// field", "unknown variant", "duplicate field", "invalid value"): such a value holding a
/// control, invisible or noncharacter or a combining mark (a byte-order mark inside a
/// key prints as nothing) is shown by [`quoted`](crate::model::quote::quoted), escaped
/// between double quotes; any other (the crate's own examples, `` `"3"` ``, among them)
/// stays as it is. A value of more than [`SHOWN`] characters is cut there and followed
/// by `…` and its length (an unknown 2 MB key would otherwise be the whole message). A string it quotes between
/// double quotes (`invalid type: string "…"`) comes with Rust's `\` escapes, which leave
/// some of those characters as they are (a no-break space, a noncharacter once assigned):
/// each such character still raw is written as `\u{hex}`, and the value is cut at
/// [`SHOWN`] characters the same way. The document's line and column locate the value.
/// O(n).
fn bounded(message: &str) -> String {
    use crate::model::quote::{hidden, is_noncharacter, quoted};
    let mut out = String::with_capacity(message.len().min(4 * SHOWN));
    let mut rest = message;
    while let Some(open) = rest.find(['`', '"']) {
        let quote = rest[open..].chars().next().unwrap_or('`');
        out.push_str(&rest[..open]);
        let body = &rest[open + 1..];
        let mut escaped = false;
        let close = body.char_indices().find(|&(_, c)| {
            let end = c == quote && !escaped;
            escaped = quote == '"' && c == '\\' && !escaped;
            end
        });
        let Some((close, _)) = close else {
            out.push(quote);
            rest = body;
            break;
        };
        let value = &body[..close];
        rest = &body[close + quote.len_utf8()..];
        let unseen =
            |c: char| hidden(c) || is_noncharacter(c) || matches!(c, '\u{300}'..='\u{36f}');
        // Writing to a `String` cannot fail.
        if quote == '`' && value.chars().any(unseen) {
            let _ = write!(out, "{}", quoted(value));
            continue;
        }
        out.push(quote);
        let cut = value
            .char_indices()
            .nth(SHOWN)
            .map_or(value.len(), |(at, _)| at);
        for c in value[..cut].chars() {
            if quote == '"' && unseen(c) {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            } else {
                out.push(c);
            }
        }
        out.push(quote);
        if cut < value.len() {
            let length = value.chars().count();
            let _ = write!(out, "\u{2026} ({length} characters)");
        }
    }
    out.push_str(rest);
    out
}

/// `message` with each Rust type name after `expected ` replaced by what JSON holds for
/// it: `u8` is a whole number from 0 to 255, `f64` a number, `struct RoleSpec` (also
/// `… with 3 elements`) a role object, `enum Mode` one of its names; and serde's words for
/// JSON's arrays and objects (`sequence`, `map`) replaced by a list and an object.
fn plain_expected(message: &str) -> String {
    const NUMBERS: [(&str, &str); 11] = [
        ("u8", "a whole number from 0 to 255"),
        ("u16", "a whole number from 0 to 65535"),
        ("u32", "a whole number from 0 to 4294967295"),
        ("u64", "a whole number from 0 to 18446744073709551615"),
        ("usize", "a whole number from 0 up"),
        ("i8", "a whole number"),
        ("i16", "a whole number"),
        ("i32", "a whole number"),
        ("i64", "a whole number"),
        ("f32", "a number"),
        ("f64", "a number"),
    ];
    let ident = |t: &str| {
        t.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(t.len())
    };
    let message = plain_found(message);
    let mut out = String::with_capacity(message.len() + 16);
    let mut rest = message.as_str();
    while let Some(at) = rest.find("expected ") {
        let (before, after) = rest.split_at(at + "expected ".len());
        out.push_str(before);
        rest = after;
        let word = &after[..ident(after)];
        if let Some((_, plain)) = NUMBERS.iter().find(|(name, _)| *name == word) {
            out.push_str(plain);
            rest = &after[word.len()..];
        } else if let Some((serde, plain)) = [("a sequence", "a list"), ("a map", "an object")]
            .iter()
            .find(|(serde, _)| {
                after.starts_with(serde)
                    && !after[serde.len()..].starts_with(|c: char| c.is_ascii_alphanumeric())
            })
        {
            out.push_str(plain);
            rest = &after[serde.len()..];
        } else if let Some(kind) = ["struct ", "enum "].iter().find(|k| after.starts_with(**k)) {
            let named = &after[kind.len()..];
            let name = &named[..ident(named)];
            let mut words = String::new();
            // `LevelDescriptorRead` and its kind read a spec type's JSON form, named as it.
            let stem = name.strip_suffix("Read").unwrap_or(name);
            for (i, c) in stem.strip_suffix("Spec").unwrap_or(stem).char_indices() {
                if c.is_ascii_uppercase() && i > 0 {
                    words.push(' ');
                }
                words.push(c.to_ascii_lowercase());
            }
            let article = if words.starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            };
            let (article, what) = if kind.starts_with("struct") {
                (article, "object")
            } else {
                ("a", "name")
            };
            for part in [article, " ", &words, " ", what] {
                out.push_str(part);
            }
            rest = &named[name.len()..];
            // `struct X with 3 elements`: serde's tuple form of an object, never meant.
            if let Some(tail) = rest.strip_prefix(" with ")
                && let Some(end) = tail.find(" elements").or_else(|| tail.find(" element"))
                && tail[..end].bytes().all(|b| b.is_ascii_digit())
            {
                let len = if tail[end..].starts_with(" elements") {
                    9
                } else {
                    8
                };
                rest = &tail[end + len..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// `message` with the JSON type serde found named as JSON holds it: `invalid type: map`
/// is an object, `sequence` a list.
fn plain_found(message: &str) -> String {
    let mut out = message.to_owned();
    for (serde, plain) in [
        ("invalid type: map,", "invalid type: an object,"),
        ("invalid type: sequence,", "invalid type: a list,"),
    ] {
        out = out.replace(serde, plain);
    }
    out
}

/// The text without a UTF-8 byte-order mark before it. Editors on Windows and spreadsheet
/// exports write one; JSON (RFC 8259) lets a parser ignore it, as every loader here does.
pub(crate) fn without_bom(json: &str) -> &str {
    json.strip_prefix('\u{feff}').unwrap_or(json)
}

/// Parses a document whose top level carries `format_version`, rejecting other versions
/// before looking at the rest (a newer document may have fields this version rejects).
/// A byte-order mark before the document is ignored; column numbers then count from
/// the first character after it.
pub(crate) fn from_versioned_json<T: DeserializeOwned>(json: &str, own: Own) -> Result<T, Error> {
    let json = without_bom(json);
    read_versioned(json, own).map_err(|unread| match unread {
        Unread::Error(error) => error,
        Unread::Json(e) => json_error(json, &e),
    })
}

/// Why a document did not read: an error already stated, or the parser's error reading the
/// document as its type (placed in the text by the caller).
pub(crate) enum Unread {
    /// A version this crate does not read, or a root that is not an object.
    Error(Error),
    /// The parser's error.
    Json(serde_json::Error),
}

/// [`from_versioned_json`] on a text without its byte-order mark, the parser's error left
/// as it is.
pub(crate) fn read_versioned<T: DeserializeOwned>(json: &str, own: Own) -> Result<T, Unread> {
    read_probed(json).map_err(|unread| {
        // A document of another kind (an officers document given as a framework), or an
        // object of no kind holding none of the reader's fields, is named as such, not by
        // the first of its keys the type does not know. Only a document that parses and
        // did not read is looked at again.
        let other = match &unread {
            Unread::Json(e) => e.classify() == serde_json::error::Category::Data,
            Unread::Error(error) => !matches!(error, Error::UnsupportedFormatVersion { .. }),
        };
        match other
            .then(|| unread_kind_error(json, own.0, own.1))
            .flatten()
        {
            Some(error) => Unread::Error(error),
            None => unread,
        }
    })
}

/// The kind of document a versioned reader reads, and how its errors name it.
pub(crate) type Own = (DocumentKind, &'static str);

/// [`read_versioned`] without the check for a document of another kind.
fn read_probed<T: DeserializeOwned>(json: &str) -> Result<T, Unread> {
    // A root that is no object (a list of documents, a string) is named as such, with
    // what a document holds, rather than as one value of the wrong type. Only such a
    // text is read twice.
    if !json.trim_start().starts_with('{')
        && let Ok(value) = serde_json::from_str::<serde_json::Value>(json)
        && !value.is_object()
    {
        return Err(Unread::Error(not_an_object(json, &value)));
    }
    let probe: VersionProbe = match serde_json::from_str(json) {
        Ok(probe) => probe,
        // A shape the probe cannot read (e.g. `null` or an array): let the document's own
        // type say why, so the message names the document, not the probe.
        Err(e) if e.classify() == serde_json::error::Category::Data => {
            return serde_json::from_str(json).map_err(Unread::Json);
        }
        // Syntax errors and early ends do not depend on the type: report them where found.
        Err(e) => return Err(Unread::Json(e)),
    };
    if let Some(found) = probe.format_version
        && !(u64::from(OLDEST_FORMAT_VERSION)..=u64::from(FORMAT_VERSION)).contains(&found)
    {
        return Err(Unread::Error(Error::UnsupportedFormatVersion {
            found,
            expected: FORMAT_VERSION,
        }));
    }
    let read = serde_json::from_str(json).map_err(Unread::Json)?;
    // A number the parser read as 0 that is not 0 as written is refused as one too large
    // is (`model::json_underflow`).
    refuse_underflow(json).map_err(Unread::Error)?;
    Ok(read)
}

/// The error of a document whose top level is `value`, which is not an object: at the
/// first character of the value.
fn not_an_object(json: &str, value: &serde_json::Value) -> Error {
    use serde_json::Value;
    let at = json.len() - json.trim_start().len();
    let before = &json[..at];
    let line = 1 + before.matches('\n').count();
    let column = 1 + before
        .rsplit('\n')
        .next()
        .unwrap_or_default()
        .chars()
        .count();
    let found = match value {
        Value::Array(_) => "a list",
        Value::String(_) => "a string",
        Value::Number(_) => "a number",
        Value::Bool(_) => "a boolean",
        Value::Null | Value::Object(_) => "null",
    };
    Error::Json {
        line,
        column,
        path: String::new(),
        id: None,
        message: format!("the document is {found}: expected an object with `format_version`"),
    }
}

/// Reads a value of one of this crate's types that comes without a versioned document of
/// its own (one [`OfficerSpec`](crate::OfficerSpec), a list of
/// [`Target`](crate::Target)s or of [`CourseId`](crate::CourseId)s, a
/// [`CaseDocument`](crate::CaseDocument), …) from JSON text, with the checks the crate's
/// readers of framework and officers documents make beyond `serde_json`'s: a UTF-8
/// byte-order mark before the text is ignored (column numbers then count from the first
/// character after it), and a number that is not 0 as written but nearer 0 than a double
/// holds (`1e-400`, which `serde_json` reads as 0 in silence: a level, hours or a day so
/// written would read as 0) is refused as `serde_json` refuses one too large (`1e400`).
/// The JavaScript package reads every such argument given as text through it.
///
/// # Errors
/// [`Error::Json`] with the line, column, `path` and entity `id` of the place at fault (as
/// [`Error::from_json_error`] places them): malformed JSON, unknown fields, values of the
/// wrong type, and a number nearer 0 than a double holds, `number out of range`, named as
/// written, as [`OfficersSpec::from_json`](crate::OfficersSpec::from_json) names it in a
/// document. The first problem only.
///
/// # Complexity
/// O(n) in the length n of the text: one parse, and one scan for a number read as 0 when
/// the text holds `e-` or a long run of zeros after a point.
///
/// # Example
/// ```
/// use karmayogi::{Error, OfficerSpec, read_json};
///
/// let officer = r#"{"id": "o1", "department": "dopt", "position": "so",
///   "passbook": [{"competency": "noting", "level": 1e-400, "source": "assessment"}]}"#;
/// let Err(Error::Json { path, id, message, .. }) = read_json::<OfficerSpec>(officer) else {
///     panic!("read as level 0")
/// };
/// assert_eq!((path.as_str(), id.as_deref()), ("passbook[0].level", Some("o1")));
/// assert!(message.starts_with("number out of range: `1e-400` is not 0"));
/// assert!(read_json::<OfficerSpec>(&officer.replace("1e-400", "2")).is_ok());
/// ```
pub fn read_json<T: DeserializeOwned>(json: &str) -> Result<T, Error> {
    let json = without_bom(json);
    let read = serde_json::from_str(json).map_err(|e| json_error(json, &e))?;
    refuse_underflow(json)?;
    Ok(read)
}

pub(crate) fn to_pretty_json<T: Serialize>(value: &T) -> String {
    // Serializing these plain structs cannot fail: keys are strings and floats are
    // validated or produced finite; a non-finite float would become `null`.
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// An optional field whose absence means its default: `null` is absent too, as it is for
/// the optional fields read into an `Option` (servers and JSON libraries write `null` for
/// an unset field).
pub(crate) fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

/// For a caller reading this crate's types with `serde_json` directly
/// (`serde_json::from_str::<OfficerSpec>`; [`read_json`] reads them with the checks of the
/// crate's document readers):
/// the same [`Error::Json`] the crate's own readers give, its message describing values as
/// JSON holds them (`expected a number`, `expected a role object`) where `serde_json`'s
/// names the Rust type reading them (`expected f64`, `expected struct RoleSpec`).
///
/// # Example
/// ```
/// use karmayogi::{Error, OfficerSpec};
///
/// let e = serde_json::from_str::<OfficerSpec>(r#"{"id": 7}"#).unwrap_err();
/// let Error::Json { message, .. } = Error::from(e) else { unreachable!() };
/// assert_eq!(message, "invalid type: integer `7`, expected a string");
/// ```
impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Error {
        with_place(&e, String::new(), None)
    }
}

impl Error {
    /// The [`Error::Json`] of reading the JSON text `json` with `serde_json`, as the
    /// crate's own readers give it: its message as [`From<serde_json::Error>`] makes it,
    /// and the `path` and `id` of the place the error's line and column point at in
    /// `json` (which a bare `serde_json::Error` does not carry). A list or object
    /// refused where a value of another type belongs, which `serde_json` reports on the
    /// byte before it, is placed on its `[` or `{`, as the crate's readers place it. For
    /// a caller reading this crate's types with `serde_json` directly. O(length of
    /// `json`).
    ///
    /// # Example
    /// ```
    /// use karmayogi::{Error, PositionSpec};
    ///
    /// let json = r#"[{"id": "hpo", "name": "Postmaster", "department": null, "roles": []}]"#;
    /// let e = serde_json::from_str::<Vec<PositionSpec>>(json).unwrap_err();
    /// let Error::Json { path, id, .. } = Error::from_json_error(json, &e) else { unreachable!() };
    /// assert_eq!((path.as_str(), id.as_deref()), ("[0].department", Some("hpo")));
    /// ```
    pub fn from_json_error(json: &str, error: &serde_json::Error) -> Error {
        json_error(json, error)
    }
}
