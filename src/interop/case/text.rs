//! The text an item is named and described by: `abbreviatedStatement`, `fullStatement`
//! and `humanCodingScheme`, each a string or, as multilingual publishers write text, a
//! language map (`{"en": "…", "hi": "…"}`) read in one language.

use serde_json::{Map, Value};

use super::node::{non_blank, opt_non_blank};
use crate::interop::case::package::CaseItem;

/// A language map the import read in one language.
pub(super) struct Languages<'p> {
    /// The field holding it: `fullStatement` or `abbreviatedStatement`.
    pub(super) field: &'static str,
    /// The map.
    pub(super) map: &'p Map<String, Value>,
    /// The language read.
    pub(super) chosen: &'p str,
}

/// An item's name and description, and where they came from.
pub(super) struct ItemText<'p> {
    pub(super) name: &'p str,
    pub(super) description: &'p str,
    /// Whether `humanCodingScheme` gave the name, as nothing else names the item.
    pub(super) named_by_code: bool,
    /// The language maps read, each in one language.
    pub(super) languages: Vec<Languages<'p>>,
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

/// The language a language map is read in, and its text: `en` (in any case), else the
/// first tag in byte order whose primary language is English (`en-GB`, `en-IN`), else the
/// first tag in byte order; only entries with text that shows something count. `None`
/// when `value` is no language map (an object whose keys are all language tags and whose
/// values are all strings or `null`) or holds no such text.
pub(super) fn language_text(value: &Value) -> Option<(&str, &str)> {
    let map = value.as_object()?;
    let is_map = !map.is_empty()
        && map
            .iter()
            .all(|(k, v)| is_language_tag(k) && (v.is_string() || v.is_null()));
    if !is_map {
        return None;
    }
    let primary = |k: &str| k.split(['-', '_']).next().unwrap_or_default().to_owned();
    let texts = map
        .iter()
        .filter_map(|(k, v)| Some((k.as_str(), v.as_str().and_then(non_blank)?)));
    // Ranked: `en` first, then English variants, then any; by tag within a rank.
    texts.min_by_key(|&(k, _)| {
        let rank = if k.eq_ignore_ascii_case("en") {
            0
        } else if primary(k).eq_ignore_ascii_case("en") {
            1
        } else {
            2
        };
        (rank, k)
    })
}

/// A statement field's text: the string when it shows something, else the text its
/// language map is read in (the map recorded in `languages`).
fn statement<'p>(
    text: Option<&'p str>,
    item: &'p CaseItem,
    field: &'static str,
    languages: &mut Vec<Languages<'p>>,
) -> Option<&'p str> {
    if let Some(text) = text.and_then(non_blank) {
        return Some(text);
    }
    let value = item.extra.get(field)?;
    let (chosen, text) = language_text(value)?;
    let map = value.as_object()?;
    languages.push(Languages { field, map, chosen });
    Some(text)
}

/// The item's name: `abbreviatedStatement`, else `fullStatement`, else `humanCodingScheme`,
/// the first that shows something (a language map read as [`language_text`] says); its
/// description: the full statement when the abbreviated one names it. `None` when nothing
/// names the item.
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
        languages,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn language_maps_are_read_in_english_else_the_first_tag() {
        let text = |v: Value| language_text(&v).map(|(k, t)| (k.to_owned(), t.to_owned()));
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
}
