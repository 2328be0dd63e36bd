//! Reading and writing versioned JSON documents, and the versions this crate reads.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};

use crate::Error;

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
    format_version: Option<u64>,
}

/// An [`Error::Json`] stating the position once: `serde_json`'s message ends with it, and the
/// error has it as fields.
pub(crate) fn json_error(e: &serde_json::Error) -> Error {
    let text = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    Error::Json {
        line: e.line(),
        column: e.column(),
        message: text.strip_suffix(&suffix).unwrap_or(&text).to_owned(),
    }
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
pub(crate) fn from_versioned_json<T: DeserializeOwned>(json: &str) -> Result<T, Error> {
    let json = without_bom(json);
    let probe: VersionProbe = match serde_json::from_str(json) {
        Ok(probe) => probe,
        // A shape the probe cannot read (e.g. `null` or an array): let the document's own
        // type say why, so the message names the document, not the probe.
        Err(e) if e.classify() == serde_json::error::Category::Data => {
            return serde_json::from_str(json).map_err(|e| json_error(&e));
        }
        // Syntax errors and early ends do not depend on the type: report them where found.
        Err(e) => return Err(json_error(&e)),
    };
    if let Some(found) = probe.format_version
        && !(u64::from(OLDEST_FORMAT_VERSION)..=u64::from(FORMAT_VERSION)).contains(&found)
    {
        return Err(Error::UnsupportedFormatVersion {
            found,
            expected: FORMAT_VERSION,
        });
    }
    serde_json::from_str(json).map_err(|e| json_error(&e))
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
