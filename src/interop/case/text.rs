//! The text an item is named and described by: `abbreviatedStatement`, `fullStatement`
//! and `humanCodingScheme`, each a string or, as multilingual publishers write text, a
//! language map (`{"en": "…", "hi": "…"}`) read in one language; and the other texts
//! publishers write so (a level's `quality`, a document's `title`).

use std::borrow::Cow;
use std::collections::HashMap;

use serde_json::{Map, Value};

use super::huge::{json_text, text as held_text};
use super::node::{non_blank, opt_non_blank};
use super::read::json_type;
use super::reporter::holds_nothing;
use crate::CaseWrongStatement;
use crate::interop::case::package::{CaseDocument, CaseExtra, CaseItem};
use crate::model::quote::SHOWN;

/// A multilingual text the import read in one language.
pub(super) struct Languages {
    /// The field holding it: `fullStatement` or `abbreviatedStatement`.
    pub(super) field: &'static str,
    /// The texts of the other languages, each named as the report names it after the
    /// field: `.hi` by its language tag, or `[2]` by its place in a JSON-LD list when its
    /// tag is absent or repeated there.
    pub(super) others: Vec<String>,
}

/// An item's name and description, and where they came from.
pub(super) struct ItemText<'p> {
    pub(super) name: &'p str,
    pub(super) description: &'p str,
    /// Whether `humanCodingScheme` gave the name, as nothing else names the item.
    pub(super) named_by_code: bool,
    /// Whether `alternativeLabel` stood for the missing `fullStatement`.
    pub(super) by_label: bool,
    /// The language maps read, each in one language.
    pub(super) languages: Vec<Languages>,
}

/// Whether `key` reads as a language tag: two or three ASCII letters, then optionally
/// `-` or `_` and subtags of letters and digits (`en`, `hi`, `en-IN`, `zh_Hant`).
fn is_language_tag(key: &str) -> bool {
    let mut parts = key.split(['-', '_']);
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// One text of a multilingual value: its language tag (`None` for a JSON-LD value without
/// `@language`), its text (`None` for `null`), and the name the report gives it after the
/// field (see [`Languages::others`]).
struct Entry<'v> {
    tag: Option<&'v str>,
    text: Option<&'v str>,
    name: String,
}

/// The language tag and text of a JSON-LD value object (`{"@value": "…", "@language":
/// "en"}`, optionally with `@direction`): `@value` a string or `null`, `@language` absent or
/// a language tag. `None` for any other object (a typed value, other keys).
fn value_object(map: &Map<String, Value>) -> Option<(Option<&str>, Option<&str>)> {
    let known = |k: &str| matches!(k, "@value" | "@language" | "@direction");
    if !map.keys().all(|k| known(k)) {
        return None;
    }
    let text = match map.get("@value")? {
        Value::Null => None,
        value => Some(held_text(value)?),
    };
    let tag = match map.get("@language") {
        None | Some(Value::Null) => None,
        Some(Value::String(tag)) if is_language_tag(tag) => Some(tag.as_str()),
        Some(_) => return None,
    };
    Some((tag, text))
}

/// The texts of a multilingual value: a language map (`{"en": "…", "hi": "…"}`: an object
/// whose keys are all language tags and whose values are all strings or `null`), a JSON-LD
/// value object, or a JSON-LD list of them (`[{"@language": "en", "@value": "…"}, …]`, as
/// linked-data publishers write language-tagged text). `None` for anything else.
fn entries(value: &Value) -> Option<Vec<Entry<'_>>> {
    match value {
        Value::Object(map)
            if !map.is_empty()
                && map.iter().all(|(k, v)| {
                    is_language_tag(k) && (held_text(v).is_some() || v.is_null())
                }) =>
        {
            Some(
                map.iter()
                    .map(|(k, v)| Entry {
                        tag: Some(k),
                        text: held_text(v),
                        name: format!(".{k}"),
                    })
                    .collect(),
            )
        }
        Value::Object(map) => {
            let (tag, text) = value_object(map)?;
            let name = tag.map_or_else(String::new, |t| format!(".{t}"));
            Some(vec![Entry { tag, text, name }])
        }
        Value::Array(list) if !list.is_empty() => {
            let values: Vec<(Option<&str>, Option<&str>)> = list
                .iter()
                .map(|v| v.as_object().and_then(value_object))
                .collect::<Option<_>>()?;
            let mut uses: HashMap<&str, usize> = HashMap::new();
            for tag in values.iter().filter_map(|(t, _)| *t) {
                *uses.entry(tag).or_default() += 1;
            }
            let unique = |tag: &str| uses.get(tag) == Some(&1);
            Some(
                (values.iter().enumerate())
                    .map(|(i, &(tag, text))| Entry {
                        tag,
                        text,
                        name: match tag {
                            Some(t) if unique(t) => format!(".{t}"),
                            _ => format!("[{i}]"),
                        },
                    })
                    .collect(),
            )
        }
        _ => None,
    }
}

/// The entry of `entries` a multilingual text is read in: `en` (in any case), else the
/// first tag in byte order whose primary language is English (`en-GB`, `en-IN`), else a
/// text without a language, else the first tag in byte order; the first met of equal ones.
/// Only entries with text that shows something count.
fn chosen(entries: &[Entry<'_>]) -> Option<usize> {
    let primary = |k: &str| k.split(['-', '_']).next().unwrap_or_default().to_owned();
    let rank = |tag: Option<&str>| match tag {
        Some(k) if k.eq_ignore_ascii_case("en") => 0,
        Some(k) if primary(k).eq_ignore_ascii_case("en") => 1,
        None => 2,
        Some(_) => 3,
    };
    (entries.iter().enumerate())
        .filter(|(_, e)| e.text.and_then(non_blank).is_some())
        .min_by_key(|(_, e)| (rank(e.tag), e.tag))
        .map(|(i, _)| i)
}

/// The text a multilingual value is read in ([`entries`], [`chosen`]), and the names the
/// report gives its other languages' texts after the field (`.hi`, `[2]`). `None` for a
/// value that is no multilingual text, or none of whose texts shows something.
pub(super) fn multilingual(value: &Value) -> Option<(&str, Vec<String>)> {
    let entries = entries(value)?;
    let at = chosen(&entries)?;
    let others = (entries.iter().enumerate())
        .filter(|&(i, e)| i != at && e.text.is_some())
        .map(|(_, e)| e.name.clone())
        .collect();
    Some((entries[at].text?, others))
}

/// Field `field` of an element that CASE defines as a string, written as multilingual
/// text (a level's `quality`, a document's `title`), as publishers who write statements so
/// write every text: when the element holds no string there that shows something
/// (`given`) and its `extra` holds such a value, the text it is read in, the field taken
/// out of `extra` and the report's names of the other languages (`quality.hi`) added to
/// `others`. `None` otherwise, leaving `extra` as it is. O(size of the value).
pub(super) fn multilingual_field(
    given: Option<&str>,
    field: &str,
    extra: &mut Cow<'_, CaseExtra>,
    others: &mut Vec<String>,
) -> Option<String> {
    if given.and_then(non_blank).is_some() {
        return None;
    }
    let (text, rest) = multilingual(extra.get(field)?)?;
    let text = text.to_owned();
    others.extend(rest.into_iter().map(|other| format!("{field}{other}")));
    extra.to_mut().remove(field);
    Some(text)
}

/// `document` with its `title`, `creator` and `description` read as [`multilingual_field`]
/// reads them, and the report's names of the other languages' texts (`title.hi`).
pub(super) fn document_text(document: &CaseDocument) -> (CaseDocument, Vec<String>) {
    let mut extra = Cow::Borrowed(&document.extra);
    let mut others = Vec::new();
    let title = multilingual_field(Some(&document.title), "title", &mut extra, &mut others);
    let creator = multilingual_field(Some(&document.creator), "creator", &mut extra, &mut others);
    let description = multilingual_field(
        document.description.as_deref(),
        "description",
        &mut extra,
        &mut others,
    );
    let extra = extra.into_owned();
    let read = CaseDocument {
        title: title.unwrap_or_else(|| document.title.clone()),
        creator: creator.unwrap_or_else(|| document.creator.clone()),
        description: description.or_else(|| document.description.clone()),
        extra,
        ..document.clone()
    };
    (read, others)
}

/// A statement field's text: the string when it shows something, else the text its
/// multilingual value is read in (recorded in `languages`, with the other languages).
fn statement<'p>(
    text: Option<&'p str>,
    item: &'p CaseItem,
    field: &'static str,
    languages: &mut Vec<Languages>,
) -> Option<&'p str> {
    if let Some(text) = text.and_then(non_blank) {
        return Some(text);
    }
    let (text, others) = multilingual(item.extra.get(field)?)?;
    languages.push(Languages { field, others });
    Some(text)
}

/// The first of an item's naming fields (`abbreviatedStatement`, `fullStatement`,
/// `alternativeLabel`, `humanCodingScheme`) that holds a value of another JSON type than text or a language
/// map, for an item [`item_text`] finds nothing to name by; `None` when each is absent or
/// holds nothing. O(size of the values).
pub(super) fn wrong_statement(item: &CaseItem) -> Option<CaseWrongStatement> {
    let fields = [
        "abbreviatedStatement",
        "fullStatement",
        "alternativeLabel",
        "humanCodingScheme",
    ];
    let (field, value) = fields.into_iter().find_map(|field| {
        let value = item.extra.get(field)?;
        (!holds_nothing(value) && entries(value).is_none()).then_some((field, value))
    })?;
    let (found, text) = (json_type(value), json_text(value));
    let value = match text.char_indices().nth(SHOWN) {
        Some((cut, _)) => {
            format!(
                "{}\u{2026} ({} characters)",
                &text[..cut],
                text.chars().count()
            )
        }
        None => text,
    };
    Some(CaseWrongStatement {
        field,
        found,
        value,
    })
}

/// The item's name: `abbreviatedStatement`, else `fullStatement` (`alternativeLabel` when
/// it has none), else `humanCodingScheme`, the first that shows something (a multilingual
/// value read as [`entries`] and [`chosen`] say); its description: the full statement when
/// the abbreviated one names it. `None` when nothing names the item.
pub(super) fn item_text(item: &CaseItem) -> Option<ItemText<'_>> {
    let mut languages = Vec::new();
    let short = item.abbreviated_statement.as_deref();
    let abbreviated = statement(short, item, "abbreviatedStatement", &mut languages);
    let full = statement(
        Some(&item.full_statement),
        item,
        "fullStatement",
        &mut languages,
    );
    // Texas's TEKS items carry their statement in `alternativeLabel` alone, which
    // OpenSALT's importer copies into `fullStatement` (`CaseImport::fixupContent`): read
    // so, an item with a label is never unnamed.
    let label = if full.is_none() {
        let given = item.extra.get("alternativeLabel").and_then(held_text);
        statement(given, item, "alternativeLabel", &mut languages)
    } else {
        None
    };
    let full = full.or(label);
    let (name, description, named_by_code) = match (abbreviated, full) {
        // A full statement that shows nothing describes nothing.
        (Some(name), _) => (name, full.unwrap_or_default(), false),
        (None, Some(full)) => (full, "", false),
        (None, None) => (opt_non_blank(item.human_coding_scheme.as_ref())?, "", true),
    };
    Some(ItemText {
        name,
        description,
        named_by_code,
        by_label: label.is_some(),
        languages,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The language a multilingual value is read in, and its text.
    fn language_text(value: &Value) -> Option<(Option<&str>, &str)> {
        let entries = entries(value)?;
        let at = chosen(&entries)?;
        Some((entries[at].tag, entries[at].text?))
    }

    #[test]
    fn language_maps_are_read_in_english_else_the_first_tag() {
        let text = |v: Value| {
            language_text(&v).map(|(k, t)| (k.unwrap_or_default().to_owned(), t.to_owned()))
        };
        let pair = |k: &str, t: &str| Some((k.to_owned(), t.to_owned()));
        assert_eq!(text(json!({"hi": "क", "en": "E"})), pair("en", "E"));
        assert_eq!(text(json!({"hi": "क", "EN": "E"})), pair("EN", "E"));
        assert_eq!(
            text(json!({"hi": "क", "en-IN": "I", "en-GB": "G"})),
            pair("en-GB", "G")
        );
        assert_eq!(text(json!({"ta": "த", "hi": "क"})), pair("hi", "क"));
        // A blank English text gives way to another language.
        assert_eq!(
            text(json!({"en": " ", "hi": "क", "mr": null})),
            pair("hi", "क")
        );
        // Not language maps: other keys, other values, nothing to read.
        assert_eq!(text(json!({"text": "x"})), None);
        assert_eq!(text(json!({"en": ["x"]})), None);
        assert_eq!(text(json!({"en": " "})), None);
        assert_eq!(text(json!({})), None);
        assert_eq!(text(json!("en")), None);
        assert!(is_language_tag("zh_Hant") && !is_language_tag("en-") && !is_language_tag("e"));
    }

    #[test]
    fn json_ld_language_lists_are_read_like_language_maps() {
        let text = |v: Value| language_text(&v).map(|(k, t)| (k.map(str::to_owned), t.to_owned()));
        let list = json!([{"@language": "hi", "@value": "क"}, {"@language": "en", "@value": "E"}]);
        assert_eq!(
            text(list.clone()),
            Some((Some("en".to_owned()), "E".to_owned()))
        );
        let names: Vec<String> = entries(&list)
            .unwrap()
            .into_iter()
            .map(|e| e.name)
            .collect();
        assert_eq!(names, [".hi", ".en"]);
        // A repeated or absent tag is named by its place.
        let repeated = json!([{"@value": "x"}, {"@language": "hi", "@value": "क"},
                              {"@language": "hi", "@value": "ख"}]);
        let names: Vec<String> = entries(&repeated)
            .unwrap()
            .into_iter()
            .map(|e| e.name)
            .collect();
        assert_eq!(names, ["[0]", "[1]", "[2]"]);
        // Without English, a text without a language comes before other languages.
        assert_eq!(text(repeated), Some((None, "x".to_owned())));
        let one = json!({"@value": "One", "@language": "en-IN", "@direction": "ltr"});
        assert_eq!(
            text(one),
            Some((Some("en-IN".to_owned()), "One".to_owned()))
        );
        // Typed values, other keys, other entries: not multilingual text.
        assert_eq!(text(json!({"@value": "x", "@type": "xsd:string"})), None);
        assert_eq!(text(json!([{"@value": "x"}, "y"])), None);
        assert_eq!(text(json!([{"@value": 3, "@language": "en"}])), None);
        assert_eq!(
            text(json!([{"@value": "x", "@language": "english!"}])),
            None
        );
        assert_eq!(text(json!([])), None);
    }
}
