//! Reading the platform's JSON as values: parsing (refusing repeated keys), typed field
//! access that reports the wrong types, levels as the platform writes them, and the report
//! every loader fills.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::report::{IgotEntry, IgotField, IgotReport, IgotWhat};
use crate::interop::case::huge::{self, read_marked};
use crate::interop::case::read::{checked_json, json_type};
use crate::model::document_kind::DocumentKind;
use crate::model::json::{json_error, without_bom};
use crate::model::json_underflow::refuse_underflow;
use crate::model::kind_of::refuse_other_kind;
use crate::model::level::level_number;
use crate::model::missing::is_missing;
use crate::model::names::one_line;
use crate::model::order;
use crate::model::quote::{SHOWN, has_hidden};
use crate::{Error, Errors};

/// Parses a document (a byte-order mark before it is skipped). A number beyond a double's
/// range (`1e400`), which the JSON parser refuses, is read as the CASE reader reads it
/// (see `interop::case::huge`): a string marked as such a number, which every reader of a
/// field the loaders need takes for a value of the wrong type (`a number beyond a
/// double's range`), and which a field they do not need is counted ignored as any value.
/// A text starting with U+FDD0, the mark, is then held escaped, and read through
/// [`text`] and [`level`] as the text it is.
///
/// A number the parser would read as 0 that is not 0 as written (`1e-400`) is refused as
/// the framework reader refuses it, named as written with its path ([`Error::Json`],
/// `model::json_underflow`): a duration so written read as 0
/// hours, a level as level 0.
pub(super) fn parse(text: &str) -> Result<Value, Errors> {
    let text = without_bom(text);
    let value =
        read_marked(text, checked_json).map_err(|(text, e)| Errors::from(json_error(&text, &e)))?;
    refuse_underflow(text).map_err(Errors::from)?;
    Ok(value)
}

/// Refuses a document of another kind than `own` ([`Error::DocumentOfAnotherKind`]):
/// another iGOT export, whose entries the loader would set aside one by one or misread
/// (course records given as the KCM dictionary, profile competencies as the master list),
/// or a framework, officers or CASE document. `expected` names what the loader reads. A
/// document of the loader's own kind, or of none the crate knows, is read as before: a
/// real export with some bad entries is of its own kind or of none (see
/// [`DocumentKind::of_json`](crate::DocumentKind::of_json)).
pub(super) fn refuse_other_kinds(
    doc: &Value,
    own: DocumentKind,
    expected: &'static str,
) -> Result<(), Errors> {
    refuse_other_kind(doc, own, expected).map_err(Errors::from)
}

/// Refuses list `entries` (at JSON `path`) when it holds at least one entry and none is a
/// record the loader reads, an object holding a field of `known`: every entry set aside,
/// the document would load as empty, which a document of another shape never does
/// ([`Error::IgotUnreadEntries`], naming the fields the entries hold). An empty `path`
/// is a document that is one record, not a list, and is not checked. O(size of the
/// entries' keys).
pub(super) fn refuse_unread(
    document: &'static str,
    path: &str,
    entries: &[Value],
    known: &[&'static str],
) -> Result<(), Errors> {
    let holds = |e: &Value| {
        e.as_object()
            .is_some_and(|m| known.iter().any(|k| m.contains_key(*k)))
    };
    if path.is_empty() || entries.is_empty() || entries.iter().any(holds) {
        return Ok(());
    }
    let mut fields: Vec<String> = entries
        .iter()
        .filter_map(Value::as_object)
        .flat_map(|m| m.keys().cloned())
        .collect();
    order::sort_unstable(&mut fields);
    fields.dedup();
    Err(Errors::from(Error::IgotUnreadEntries {
        document,
        path: path.to_owned(),
        entries: entries.len() as u64,
        fields,
        expected: known.to_vec(),
    }))
}

/// An [`Error::IgotShape`] for the value at `path`.
pub(super) fn shape(
    document: &'static str,
    path: &str,
    found: &Value,
    expected: &'static str,
) -> Errors {
    Errors::from(Error::IgotShape {
        document,
        path: path.to_owned(),
        found: json_type(found),
        expected,
    })
}

/// The report being filled, with the ignored fields counted by name.
#[derive(Default)]
pub(super) struct Report {
    filled: IgotReport,
    /// Field name → position of its count in `counts`.
    ignored: HashMap<String, usize>,
    /// (field name, count), in the order first met.
    counts: Vec<(String, u64)>,
}

impl Report {
    pub(super) fn set_aside(&mut self, path: &str, id: &str, what: IgotWhat) {
        self.filled.set_aside.push(IgotEntry {
            path: path.to_owned(),
            id: id.to_owned(),
            what,
        });
    }

    pub(super) fn note(&mut self, path: &str, id: &str, what: IgotWhat) {
        self.filled.notes.push(IgotEntry {
            path: path.to_owned(),
            id: id.to_owned(),
            what,
        });
    }

    /// An optional text field of record `id` (at `path`): `None` when absent or `null`; a
    /// value of another type (`"description": 5`) is `None` too, and noted as
    /// [`IgotWhat::WrongType`] under `field`, the name the note gives it
    /// (`additionalProperties.competencyArea`), at the field's own path (`path.field`),
    /// so that it is never dropped in silence. A
    /// number is not read as its text: the platform writes these fields as strings, so one
    /// of another type is a fault of the export to show, not a spelling to accept.
    pub(super) fn optional_text<'a>(
        &mut self,
        (path, id): (&str, &str),
        record: &'a Map<String, Value>,
        key: &str,
        field: &'static str,
    ) -> Option<&'a str> {
        match text(record, key) {
            Text::Str(s) => Some(s),
            Text::Absent => None,
            Text::Other(found) => {
                self.note(
                    &format!("{path}.{field}"),
                    id,
                    IgotWhat::WrongType {
                        field,
                        found,
                        expected: "a string",
                    },
                );
                None
            }
        }
    }

    /// Counts every key of `record` not in `known` as ignored, under `kind.key`.
    pub(super) fn ignore_others(
        &mut self,
        kind: &str,
        record: &Map<String, Value>,
        known: &[&str],
    ) {
        for key in record.keys() {
            if !known.contains(&key.as_str()) {
                let field = format!("{kind}.{key}");
                if let Some(&at) = self.ignored.get(&field) {
                    self.counts[at].1 += 1;
                } else {
                    self.ignored.insert(field.clone(), self.counts.len());
                    self.counts.push((field, 1));
                }
            }
        }
    }

    /// Counts every key of `map`, an object of the document around the records at JSON
    /// path `at` (`$`, `$.result`), not in `known` as ignored, under its path
    /// (`$.result.facets`), so that a key beside the records is named, never dropped in
    /// silence (igot/22). With `records`, the path of the records read, an unknown key
    /// holding a list (`$.content` beside `$.result.content`) is also set aside as
    /// [`IgotWhat::ListNotRead`]: records the loader did not read. O(keys).
    pub(super) fn ignore_around(
        &mut self,
        at: &str,
        map: &Map<String, Value>,
        known: &[&str],
        records: Option<&'static str>,
    ) {
        // `ignore_others` joins the kind and the key with a dot, as a path does.
        self.ignore_others(at, map, known);
        let Some(read) = records else { return };
        for (key, value) in map {
            // A search's `facets` count records by value: they hold none.
            if let Value::Array(list) = value
                && !known.contains(&key.as_str())
                && key != "facets"
            {
                let what = IgotWhat::ListNotRead {
                    entries: list.len() as u64,
                    read,
                };
                self.set_aside(&format!("{at}.{key}"), "", what);
            }
        }
    }

    /// The report, its ignored fields by name.
    pub(super) fn finish(mut self) -> IgotReport {
        // Names are distinct, so the order is total.
        order::sort_unstable_by(&mut self.counts, |a, b| a.0.cmp(&b.0));
        self.filled.ignored_fields = self
            .counts
            .into_iter()
            .map(|(field, count)| IgotField { field, count })
            .collect();
        self.filled
    }
}

/// A text field: absent (or `null`), a string, or a value of another type.
pub(super) enum Text<'a> {
    Absent,
    Str(&'a str),
    Other(&'static str),
}

pub(super) fn text<'a>(record: &'a Map<String, Value>, key: &str) -> Text<'a> {
    match record.get(key) {
        None | Some(Value::Null) => Text::Absent,
        Some(other) => huge::text(other).map_or(Text::Other(json_type(other)), Text::Str),
    }
}

/// A field the record needs as non-blank text, or why it is not.
pub(super) fn required_text<'a>(
    record: &'a Map<String, Value>,
    key: &'static str,
) -> Result<&'a str, IgotWhat> {
    match text(record, key) {
        Text::Absent => Err(IgotWhat::MissingField { field: key }),
        Text::Other(found) => Err(IgotWhat::WrongType {
            field: key,
            found,
            expected: "a string",
        }),
        Text::Str(s) if s.trim().is_empty() => Err(IgotWhat::Blank { field: key }),
        Text::Str(s) => Ok(s),
    }
}

/// The id a record is reported under, as its field `key` is written: a string as it is
/// (blank included); a number, `true` or `false`, a list or an object as its JSON text
/// (`7`, `1e400`, `{"x":1}`), past 200 characters its first 200 followed by `…` and its
/// length, as error messages show long values; empty only when the field is absent or
/// `null`, so that a record set aside for an id of the wrong type is named by what it
/// holds (igot/20). O(size of the value).
pub(super) fn written_id(record: &Map<String, Value>, key: &str) -> String {
    match record.get(key) {
        None | Some(Value::Null) => String::new(),
        Some(value) => match huge::text(value) {
            Some(s) => s.to_owned(),
            None => clipped(huge::json_text(value)),
        },
    }
}

/// `text`, past [`SHOWN`] characters its first [`SHOWN`] followed by `…` and its length.
fn clipped(text: String) -> String {
    match text.char_indices().nth(SHOWN) {
        Some((cut, _)) => format!(
            "{}\u{2026} ({} characters)",
            &text[..cut],
            text.chars().count()
        ),
        None => text,
    }
}

/// [`IgotWhat::WrongType`] for text field `key` of `record` when it holds a value of
/// another type (`"status": 5`), which the readers would take for an absent field;
/// `None` when it is absent, `null` or a string. O(1).
pub(super) fn not_text(record: &Map<String, Value>, key: &'static str) -> Option<IgotWhat> {
    match text(record, key) {
        Text::Other(found) => Some(IgotWhat::WrongType {
            field: key,
            found,
            expected: "a string",
        }),
        Text::Absent | Text::Str(_) => None,
    }
}

/// An optional text field: `None` when absent or not a string.
pub(super) fn optional_text<'a>(record: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    match text(record, key) {
        Text::Str(s) => Some(s),
        Text::Absent | Text::Other(_) => None,
    }
}

/// A level's name the platform writes beside or instead of a level (`selectedLevelName`,
/// `competencySelfAttestedLevelName`, `competencyCBPCompletionLevelName`) of record `id`
/// (at `path`), trimmed: `None` when absent, blank, or a mark of a missing value (`N/A`,
/// `null`, `-`; see `model::missing`), which names no level, as an optional CSV cell
/// holding one is empty (igot/08); `None` too, and noted in `report`, when it is not a
/// string (igot/21). O(length).
pub(super) fn level_name(
    report: &mut Report,
    at: (&str, &str),
    record: &Map<String, Value>,
    key: &'static str,
) -> Option<String> {
    report
        .optional_text(at, record, key, key)
        .map(str::trim)
        .filter(|n| !n.is_empty() && !is_missing(n))
        .map(str::to_owned)
}

/// A level as the platform writes it: `"Level 3"` (any case, any spacing), `"3"` or `3`,
/// and every other spelling the crate's level readers read (`model::level::level_number`):
/// a level label as HR systems write one (`"L3"`, `"Lvl-3"`, `"Level_3"`), a Roman
/// numeral alone or in a label as Indian government scales write levels (`"III"`,
/// `"Level III"`, `"L-III"`), a whole number with a fraction of zeros, as spreadsheet
/// exports and data frames write a numeric column (`"3.0"`, `"3.00"`, `"3,0"` with a
/// decimal comma, or the JSON number `3.0`), and a negative zero (`"-0"`, `"-0.0"`, as
/// the JSON number `-0` reads) as 0. Anything else (`"3.5"`, `"-1"`, `"3e0"`, `"Level
/// 3.0"`, `3.5`, `-1`, a number of 20 digits or more) is `Err` carrying the text found.
/// O(length).
pub(super) fn level(value: &Value) -> Result<u64, String> {
    match value {
        Value::Number(n) => n
            .as_u64()
            .or_else(|| n.as_f64().and_then(whole_number))
            .ok_or_else(|| n.to_string()),
        Value::String(s) if huge::huge(s).is_some() => {
            Err(huge::huge(s).unwrap_or_default().to_owned())
        }
        Value::String(s) => {
            let s = huge::unescape(s);
            // `level_number` gives a number beyond `u64` as `u64::MAX`: the text found is
            // then reported, not a number it does not hold.
            level_number(s)
                .filter(|&n| n < u64::MAX)
                .ok_or_else(|| s.to_owned())
        }
        // The text `Value`'s `Display` gives, by the serializer to bytes the module already
        // compiles rather than one to a formatter of its own (4.6 KB of WebAssembly).
        other => Err(serde_json::to_string(other).unwrap_or_default()),
    }
}

/// A JSON number with no fractional part, from 0 up to (not including) 2^64, as the
/// documents' whole-number fields read it (`model::whole`).
fn whole_number(v: f64) -> Option<u64> {
    // 2^64 is exact as an `f64`; `u64::MAX as f64` rounds to it.
    #[allow(clippy::cast_precision_loss)]
    let above = u64::MAX as f64;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    (v.fract() == 0.0 && v >= 0.0 && v < above).then_some(v as u64)
}

/// The platform's default level names (FRAC: Basic … Ustad), as levels 1 to 5.
pub(super) fn level_by_name(name: &str) -> Option<u8> {
    let names = ["basic", "proficient", "advanced", "expert", "ustad"];
    let t = name.trim();
    names
        .iter()
        .position(|n| n.eq_ignore_ascii_case(t))
        .map(|i| i as u8 + 1)
}

/// The kinds of stray whitespace in a name (`trailing`, `leading`, `repeated`, and
/// `hidden` for a hidden character: a whitespace character other than the space, a
/// control, or an invisible one such as a zero-width space), or `None`.
pub(super) fn whitespace(name: &str) -> Option<String> {
    // The kinds joined by ", " (not with `join`: see `model::names::one_line`).
    let mut kinds = String::new();
    for (kind, found) in [
        ("trailing", name.ends_with(char::is_whitespace)),
        ("leading", name.starts_with(char::is_whitespace)),
        ("repeated", one_line(name) != name.trim()),
        ("hidden", has_hidden(name)),
    ] {
        if found {
            if !kinds.is_empty() {
                kinds.push_str(", ");
            }
            kinds.push_str(kind);
        }
    }
    (!kinds.is_empty()).then_some(kinds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_are_read_as_the_platform_writes_them() {
        let read = |v: Value| level(&v);
        assert_eq!(read(Value::from("Level 3")), Ok(3));
        assert_eq!(read(Value::from(" level  4 ")), Ok(4));
        assert_eq!(read(Value::from("LEVEL5")), Ok(5));
        assert_eq!(read(Value::from("2")), Ok(2));
        assert_eq!(read(Value::from(1)), Ok(1));
        assert_eq!(
            read(Value::from("Level three")),
            Err("Level three".to_owned())
        );
        assert_eq!(read(Value::from("CLID12")), Err("CLID12".to_owned()));
        // Level labels, as the passbook CSV and CASE scores read them.
        for (text, n) in [
            ("L3", 3),
            ("lvl-2", 2),
            ("Level_4", 4),
            (" l5 ", 5),
            ("L7", 7),
        ] {
            assert_eq!(read(Value::from(text)), Ok(n), "{text}");
        }
        // Roman numerals, alone and in labels, as every level reader reads them.
        for (text, n) in [
            ("III", 3),
            ("Level III", 3),
            ("level iv", 4),
            ("L-II", 2),
            (" Lvl V ", 5),
            ("VII", 7),
        ] {
            assert_eq!(read(Value::from(text)), Ok(n), "{text}");
        }
        for text in [
            "L 3.0",
            "Lx3",
            "L-3-4",
            "Levels 3",
            "LIII",
            "IIII",
            "Level III.0",
        ] {
            assert_eq!(read(Value::from(text)), Err(text.to_owned()), "{text}");
        }
        assert_eq!(read(Value::from(-1)), Err("-1".to_owned()));
        // Other JSON values as `Value`'s `Display` writes them.
        for text in [
            "true",
            "null",
            "[1,\"L3\",{\"a\":[]}]",
            "{\"level\":3,\"x\":\"é\\n\"}",
        ] {
            let value: Value = serde_json::from_str(text).unwrap();
            assert_eq!(read(value.clone()), Err(value.to_string()), "{text}");
        }
        // A fraction of zeros, as spreadsheets write a whole number; nothing else.
        assert_eq!(read(Value::from("4.0")), Ok(4));
        assert_eq!(read(Value::from(" 4.00 ")), Ok(4));
        assert_eq!(read(Value::from("4,0")), Ok(4));
        assert_eq!(read(Value::from("7.0")), Ok(7));
        assert_eq!(read(Value::from(4.0)), Ok(4));
        assert_eq!(read(serde_json::from_str("4.00").unwrap()), Ok(4));
        // A negative zero is 0, as the number `-0` is.
        assert_eq!(read(serde_json::from_str("-0").unwrap()), Ok(0));
        for text in ["-0", " -0.0 ", "-00", "-0,0"] {
            assert_eq!(read(Value::from(text)), Ok(0), "{text}");
        }
        for text in [
            "4.5",
            "4.",
            ".0",
            "-1",
            "--0",
            "-.0",
            "- 0",
            "-L0",
            "-4.0",
            "4e0",
            "+4",
            "4.0.0",
            "Level 4.0",
            "4.0a",
            "99999999999999999999",
        ] {
            assert_eq!(read(Value::from(text)), Err(text.to_owned()), "{text}");
        }
        assert_eq!(read(Value::from(4.5)), Err("4.5".to_owned()));
        assert_eq!(read(Value::from(-4.0)), Err("-4.0".to_owned()));
        assert_eq!(level_by_name(" Ustad"), Some(5));
        assert_eq!(level_by_name("Beginner"), None);
    }

    #[test]
    fn stray_whitespace_is_named() {
        assert_eq!(whitespace("CAMPAIGN OFFICER ").as_deref(), Some("trailing"));
        assert_eq!(
            whitespace("PERSONAL  SECRETARY ").as_deref(),
            Some("trailing, repeated")
        );
        assert_eq!(whitespace("ACCOUNTANT"), None);
        assert_eq!(one_line(" A  B "), "A B");
    }
}
