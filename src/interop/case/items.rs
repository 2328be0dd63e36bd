//! What each item becomes: its type (from `CFItemType`, its URI or the package's
//! definitions) and mapping, then the id it is carried under.

use std::collections::{HashMap, HashSet};

use super::huge::text as held_text;
use super::node::{Parsed, Typed, key, non_blank, opt_non_blank, uuid_tail};
use super::text::multilingual;
use super::tree::Tree;
use crate::interop::case::import::{
    CaseIds, CaseImportOptions, CaseItemMapping, CaseTypeSource, type_key,
};
use crate::interop::case::package::{CaseItem, CaseLink, CasePackage};
use crate::interop::case::uuid::uuid_v5;
use crate::model::quote::has_hidden;
use crate::model::spec::AREA_PREFIX;
use crate::model::validate::hidden_character;
use crate::{CaseIdItems, EntityKind, Error};

/// The titles of the `CFDefinitions` item types, by identifier key and by `uri`. A key or
/// `uri` that two definitions with different titles share names neither (`None`): a link
/// to it leaves its item untyped, and so reported, rather than typed by whichever came
/// last.
#[derive(Default)]
struct DefinedTypes {
    by_key: HashMap<String, Option<String>>,
    by_uri: HashMap<String, Option<String>>,
}

impl DefinedTypes {
    fn new(package: &CasePackage) -> Self {
        /// Records `title` under `key`, or marks the key ambiguous when it holds another.
        fn define(map: &mut HashMap<String, Option<String>>, key: String, title: &str) {
            map.entry(key)
                .and_modify(|held| {
                    if held.as_deref() != Some(title) {
                        *held = None;
                    }
                })
                .or_insert_with(|| Some(title.to_owned()));
        }
        let types = package
            .extra
            .get("CFDefinitions")
            .and_then(|d| d.get("CFItemTypes"))
            .and_then(serde_json::Value::as_array);
        let mut defined = DefinedTypes::default();
        for t in types.into_iter().flatten() {
            let Some(title) = t.get("title").and_then(held_text).and_then(non_blank) else {
                continue;
            };
            let title = title.trim();
            if let Some(id) = t.get("identifier").and_then(held_text) {
                define(&mut defined.by_key, key(id).into_owned(), title);
            }
            if let Some(uri) = t.get("uri").and_then(held_text).and_then(non_blank) {
                define(&mut defined.by_uri, uri.trim().to_owned(), title);
            }
        }
        defined
    }

    /// The definition a `uri` names, as node links resolve: the definition with that `uri`,
    /// else the one whose identifier the URI is, else the one whose UUID it ends in
    /// (`Some(None)`: definitions that disagree).
    fn at_uri(&self, uri: &str) -> Option<&Option<String>> {
        self.by_uri
            .get(uri)
            .or_else(|| self.by_key.get(&*key(uri)))
            .or_else(|| uuid_tail(uri).and_then(|tail| self.by_key.get(&*key(tail))))
    }

    /// The title of the definition a `CFItemType` written as a URI (`https://…`,
    /// `urn:…`) names, resolved as a link given by its `uri` alone is; `None` for any other
    /// text, or a URI naming no definition (the text is then the type's label as written).
    fn uri_title(&self, text: &str) -> Option<&str> {
        let uri = text.contains("://") || text.get(..4)?.eq_ignore_ascii_case("urn:");
        if !uri || text.contains(char::is_whitespace) {
            return None;
        }
        self.at_uri(text)?.as_deref()
    }

    /// The title of the item type a `CFItemTypeURI` link names: by its identifier; else
    /// (no identifier, as a CASE 1.0 link given as a plain URI string has, or one naming
    /// no definition) by its `uri` ([`DefinedTypes::at_uri`]). A key or `uri` two
    /// definitions share under different titles names no type.
    fn title(&self, link: &CaseLink) -> Option<&String> {
        let by_id = non_blank(&link.identifier).and_then(|id| self.by_key.get(&*key(id)));
        by_id
            .or_else(|| self.at_uri(non_blank(&link.uri)?.trim()))?
            .as_ref()
    }
}

/// The `title` of a `CFItemType` written as a link object (`{"title": "Standard",
/// "identifier": …, "uri": …}`, as servers that expand the type's definition write it)
/// rather than as CASE's string, when the item has no string `CFItemType`: the type's
/// label, as the title of `CFItemTypeURI` is. So is a type written in several languages
/// (`{"en": "Area", "hi": …}`), read in the language statements are read in; the import
/// reports the field, as it does a link.
pub(super) fn type_object_title(item: &CaseItem) -> Option<&str> {
    if item.item_type.is_some() {
        return None;
    }
    let value = item.extra.get("CFItemType")?;
    let link = value.as_object()?;
    match link.get("title") {
        Some(title) => held_text(title).and_then(non_blank),
        // Not a link (no `uri` either): the type written in several languages, read in one.
        None if !link.contains_key("uri") => multilingual(value).map(|(text, _)| text),
        None => None,
    }
}

/// A `CFItemType` written as a link object without a title (`{"identifier": …, "uri":
/// …}`), when the item has no string `CFItemType`: a link to the type's definition, which
/// the package's `CFDefinitions` may hold, resolved as `CFItemTypeURI` is. The import
/// reports the field, as it does a link.
pub(super) fn type_object_link(item: &CaseItem) -> Option<CaseLink> {
    if item.item_type.is_some() || type_object_title(item).is_some() {
        return None;
    }
    let link = item.extra.get("CFItemType")?.as_object()?;
    let text = |field: &str| link.get(field).and_then(held_text).unwrap_or_default();
    let (identifier, uri) = (text("identifier"), text("uri"));
    (non_blank(identifier).is_some() || non_blank(uri).is_some()).then(|| CaseLink {
        identifier: identifier.to_owned(),
        uri: uri.to_owned(),
        ..CaseLink::default()
    })
}

/// What each item becomes: its type from `CFItemType`, else from `CFItemTypeURI`'s title
/// (or the title of the definition it links to), mapped by the options or by default.
pub(super) fn classify(
    package: &CasePackage,
    parsed: &Parsed<'_>,
    tree: &Tree,
    options: &CaseImportOptions,
) -> Vec<Typed> {
    let definitions = DefinedTypes::new(package);
    // Each configured type once, in key order, with the last mapping given for it.
    let item_types = options.item_types.sorted();
    parsed
        .items
        .iter()
        .zip(&tree.has_children)
        .map(|(item, &has_children)| {
            let direct = opt_non_blank(item.item_type.as_ref())
                .or_else(|| type_object_title(item))
                .map(|t| {
                    definitions
                        .uri_title(t.trim())
                        .unwrap_or(t.trim())
                        .to_owned()
                })
                .or_else(|| definitions.title(&type_object_link(item)?).cloned());
            let linked = item.item_type_uri.as_ref().and_then(|l| {
                non_blank(&l.title)
                    .map(|t| t.trim().to_owned())
                    .or_else(|| definitions.title(l).cloned())
            });
            let (label, source) = match (direct, linked) {
                (Some(d), Some(l)) if type_key(&d) == type_key(&l) => {
                    (Some(d), CaseTypeSource::Both)
                }
                (Some(d), Some(_)) => (Some(d), CaseTypeSource::ItemTypeOverUri),
                (Some(d), None) => (Some(d), CaseTypeSource::ItemType),
                (None, Some(l)) => (Some(l), CaseTypeSource::ItemTypeUri),
                (None, None) => (None, CaseTypeSource::Neither),
            };
            let configured = label.as_deref().and_then(|t| {
                let key = type_key(t);
                item_types
                    .binary_search_by(|(k, _)| k.as_str().cmp(&key))
                    .ok()
                    .map(|i| item_types[i].1)
            });
            let (mapping, by_default) = match configured {
                Some(&mapping) => (mapping, false),
                None if has_children => (CaseItemMapping::Group(crate::GroupKind::Free), true),
                None => (CaseItemMapping::Competency(options.default_type), true),
            };
            Typed {
                label,
                source,
                mapping,
                by_default,
            }
        })
        .collect()
}

/// Whether `identifier` is the one the crate's export derives, in the document namespace
/// `namespace`, for a competency (or, `group`, a group) whose id is `code`: the export of a
/// framework whose ids are not UUIDs, `code` its `humanCodingScheme`. Export derives the
/// UUID of `competency/{code}` (or `group/{code}`, `area/{name}`), or, when an element
/// before it holds that one (a competency whose UUID id is it: only a crafted framework
/// does so), that of `…/2`, `…/3` and so on until one is free; `taken` says which
/// identifiers the package's document and items hold, so the same steps are retraced,
/// one per element holding an identifier passed over.
fn derived_from_code(
    namespace: &[u8; 16],
    identifier: &str,
    code: &str,
    group: bool,
    taken: &dyn Fn(&str) -> bool,
) -> bool {
    let name = match (group, code.strip_prefix(AREA_PREFIX)) {
        (false, _) => format!("competency/{code}"),
        (true, Some(area)) => format!("area/{area}"),
        (true, None) => format!("group/{code}"),
    };
    let identifier = identifier.trim();
    let mut candidate = uuid_v5(namespace, &name);
    let mut n = 2u64;
    loop {
        if candidate.eq_ignore_ascii_case(identifier) {
            return true;
        }
        if !taken(&candidate) {
            return false;
        }
        candidate = uuid_v5(namespace, &format!("{name}/{n}"));
        n += 1;
    }
}

/// The id each carried item gets, whether its `humanCodingScheme` was passed over because
/// another carried item of its kind has the same code (a code two items share identifies
/// neither, so both keep their identifiers and nothing merges), and whether the code gave
/// its id. Each item repeating an id an earlier item of its kind got is reported
/// ([`Error::CaseDuplicateId`], naming both items and the field each id came from) and gets
/// none. Under [`CaseIds::Identifier`] an
/// item whose identifier the crate's export derived from its code (in the document
/// namespace `namespace`, see [`derived_from_code`]) gets the code back: the identifier
/// holds nothing the code does not, and export derives it again. Under
/// [`CaseIds::HumanCodingScheme`] a code is read trimmed, but for one with spaces around it
/// that gave the identifier so: export wrote the id as it is, spaces too.
pub(super) fn item_ids(
    parsed: &Parsed<'_>,
    types: &[Typed],
    carried: &[bool],
    (options, namespace): (&CaseImportOptions, Option<[u8; 16]>),
    errors: &mut Vec<Error>,
) -> (Vec<Option<String>>, Vec<bool>, Vec<bool>) {
    let is_group = |typed: &Typed| matches!(typed.mapping, CaseItemMapping::Group(_));
    // The identifiers export's derivation passes over: the document's and the items'.
    let taken = |identifier: &str| {
        parsed.index.contains_key(identifier) || parsed.document.as_deref() == Some(identifier)
    };
    let code = |i: usize| {
        let item = &parsed.items[i];
        let code = opt_non_blank(item.human_coding_scheme.as_ref()).filter(|_| carried[i])?;
        let derived = || {
            namespace.is_some_and(|ns| {
                derived_from_code(&ns, &item.identifier, code, is_group(&types[i]), &taken)
            })
        };
        match options.ids {
            // Export writes an id with spaces around it (`"FM.01 "`, beside `"FM.01"`) as
            // it is: the code that gave the identifier is the id as written.
            CaseIds::HumanCodingScheme if code.trim() != code && derived() => Some(code),
            CaseIds::HumanCodingScheme => Some(code.trim()),
            CaseIds::Identifier => derived().then_some(code),
        }
    };
    // Sets per kind, indexed by `is_group`: competencies' codes and ids apart from
    // groups'. (Sets of the types the module already compiles rather than maps keyed by
    // kind and id, compiled for this function alone.)
    let mut met: [HashSet<&str>; 2] = Default::default();
    let mut repeated: [HashSet<&str>; 2] = Default::default();
    for (i, typed) in types.iter().enumerate() {
        if let Some(code) = code(i) {
            let kind = usize::from(is_group(typed));
            if !met[kind].insert(code) {
                repeated[kind].insert(code);
            }
        }
    }
    let shared: Vec<bool> = (0..parsed.items.len())
        .map(|i| code(i).is_some_and(|c| repeated[usize::from(is_group(&types[i]))].contains(c)))
        .collect();
    // Per kind, each id given so far and the item it went to.
    let mut seen: [HashMap<String, usize>; 2] = Default::default();
    let mut ids = Vec::with_capacity(parsed.items.len());
    let mut by_code = vec![false; parsed.items.len()];
    for (i, (item, typed)) in parsed.items.iter().zip(types).enumerate() {
        let is_group = is_group(typed);
        if !carried[i] {
            ids.push(None);
            continue;
        }
        let coded = code(i).filter(|_| !shared[i]);
        by_code[i] = coded.is_some();
        let id = coded.map_or_else(|| key(&item.identifier).into_owned(), str::to_owned);
        let kind = if is_group {
            EntityKind::Group
        } else {
            EntityKind::Competency
        };
        // The id becomes a framework id, so it follows the rule for ids.
        if has_hidden(&id) {
            errors.push(match coded {
                Some(code) => hidden_character(kind, &item.identifier, "humanCodingScheme", code),
                None => hidden_character(kind, &id, "id", &id),
            });
            ids.push(None);
            continue;
        }
        let k = usize::from(is_group);
        match seen[k].get(&id) {
            None => {
                seen[k].insert(id.clone(), i);
                ids.push(Some(id));
            }
            Some(&first) => {
                let field = |coded: bool| {
                    if coded {
                        "humanCodingScheme"
                    } else {
                        "identifier"
                    }
                };
                errors.push(Error::CaseDuplicateId {
                    kind,
                    id,
                    items: Box::new(CaseIdItems {
                        identifier: item.identifier.clone(),
                        path: format!("CFItems[{}]", parsed.places[i]),
                        field: field(by_code[i]),
                        earlier: parsed.items[first].identifier.clone(),
                        earlier_path: format!("CFItems[{}]", parsed.places[first]),
                        earlier_field: field(by_code[first]),
                    }),
                });
                ids.push(None);
            }
        }
    }
    (ids, shared, by_code)
}
