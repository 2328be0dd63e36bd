//! What the import's steps share: a link's target ([`Node`]), the checked package
//! ([`Parsed`]), an item's type ([`Typed`]), how identifiers compare ([`key`]), and small
//! text helpers.

use std::borrow::Cow;
use std::collections::HashMap;

use serde_json::Value;

use super::huge::is_huge;
use super::uuid::is_uuid_shaped;
use crate::interop::case::fields::identifier_alias;
use crate::interop::case::import::{
    CaseDropReason, CaseFieldReason, CaseItemMapping, CaseTypeSource, is_type_separator,
};
use crate::interop::case::package::{
    CaseAssociation, CaseDocument, CaseExtra, CaseItem, CaseLink, CasePackage,
};
use crate::{CaseElement, Error};

pub(super) const CHILD_OF: &str = "isChildOf";

/// Whether `association_type` is CASE's `isChildOf` as publishers write it: in any ASCII
/// case (`ischildof`, `IsChildOf`), and with its words apart, separated by any whitespace
/// (a no-break space, a tab), `_` or `-` (`Is Child Of`, the name `OpenSALT` stores and its
/// spreadsheet export writes; `is_child_of`), as item types are compared
/// ([`type_key`](crate::interop::case::import::type_key)). No two CASE association types
/// differ only so; any other character (a zero-width space) makes another type.
/// O(length).
pub(super) fn is_child_of(association_type: &str) -> bool {
    is_association_type(CHILD_OF, association_type)
}

/// Whether `association_type` is CASE's association type `name` as publishers write it,
/// as [`is_child_of`] reads `isChildOf` (`Has Skill Level`, the name `OpenSALT` stores,
/// is `hasSkillLevel`). O(length).
pub(super) fn is_association_type(name: &str, association_type: &str) -> bool {
    let mut letters = association_type.chars().filter(|&c| !is_type_separator(c));
    name.chars()
        .all(|c| letters.next().is_some_and(|b| b.eq_ignore_ascii_case(&c)))
        && letters.next().is_none()
}

/// Where the one link (an object or a URI string) of `list` is, when it holds one and
/// otherwise only `null`s (absent elements): a link written as a list of one.
pub(super) fn lone_link(list: &[serde_json::Value]) -> Option<usize> {
    let mut present = list.iter().enumerate().filter(|(_, v)| !v.is_null());
    match (present.next(), present.next()) {
        (Some((at, v)), None) if v.is_object() || v.is_string() && !is_huge(v) => Some(at),
        _ => None,
    }
}

/// The one string a list holds among `null`s (absent elements), else `value` as it is.
pub(super) fn one_string(value: serde_json::Value) -> serde_json::Value {
    match value {
        serde_json::Value::Array(mut list) => {
            let mut present = list.iter().enumerate().filter(|(_, v)| !v.is_null());
            match (present.next(), present.next()) {
                (Some((at, v @ serde_json::Value::String(_))), None) if !is_huge(v) => {
                    list.swap_remove(at)
                }
                _ => serde_json::Value::Array(list),
            }
        }
        other => other,
    }
}

/// The one link object or URI string a list holds among `null`s (see [`lone_link`]), else
/// `value` as it is.
pub(super) fn one_link(value: serde_json::Value) -> serde_json::Value {
    match value {
        serde_json::Value::Array(mut list) => match lone_link(&list) {
            Some(at) => list.swap_remove(at),
            None => serde_json::Value::Array(list),
        },
        other => other,
    }
}

/// Whether `value` is `null` or a list of nothing but `null`s (`[]`, `[null]`): no value,
/// as JSON-LD writes an absent one (see `read`).
pub(super) fn holds_no_value(value: &serde_json::Value) -> bool {
    value.is_null()
        || value
            .as_array()
            .is_some_and(|l| l.iter().all(serde_json::Value::is_null))
}

/// Whether `list` holds one object and otherwise only `null`s (absent elements).
pub(super) fn one_object(list: &[serde_json::Value]) -> bool {
    objects_among_nulls(list).is_some_and(|objects| objects.count() == 1)
}

/// The objects of `list` with their positions, when it holds only objects and `null`s
/// (absent elements); `None` when it holds anything else.
pub(super) fn objects_among_nulls(
    list: &[serde_json::Value],
) -> Option<impl Iterator<Item = (usize, &serde_json::Value)>> {
    (list.iter().all(|v| v.is_object() || v.is_null()))
        .then(|| list.iter().enumerate().filter(|(_, v)| v.is_object()))
}

/// The value inside an object whose one key is `key` itself (`"CFItems": {"CFItems": […]}`,
/// an API response pasted where its content belongs), else `value`.
pub(super) fn self_named(key: &str, mut value: serde_json::Value) -> serde_json::Value {
    while let serde_json::Value::Object(map) = &mut value {
        if map.len() != 1 || !map.contains_key(key) {
            break;
        }
        value = map.remove(key).unwrap_or_default();
    }
    value
}

/// The name CASE gives one element of the list `list` (`CFItem` for `CFItems`), as the
/// API's endpoints for one element answer (`GET …/CFItems/{id}` gives `{"CFItem": {…}}`),
/// and the lists inside such an element.
const ELEMENT_LISTS: [(&str, &str, &[&str]); 5] = [
    ("CFItems", "CFItem", &[]),
    ("CFAssociations", "CFAssociation", &[]),
    (
        "CFRubrics",
        "CFRubric",
        &["CFRubricCriteria", "CFRubricCriterionLevels"],
    ),
    (
        "CFRubricCriteria",
        "CFRubricCriterion",
        &["CFRubricCriterionLevels"],
    ),
    ("CFRubricCriterionLevels", "CFRubricCriterionLevel", &[]),
];

/// Whether `value` is an object whose one key is `name` (in any ASCII case) holding an
/// object (or, `lists`, a list): a wrapper naming what it holds; then what it holds is
/// taken out.
fn take_wrapped(
    value: &mut serde_json::Value,
    name: &str,
    lists: bool,
) -> Option<serde_json::Value> {
    let serde_json::Value::Object(map) = value else {
        return None;
    };
    if map.len() != 1 {
        return None;
    }
    let (key, content) = map.iter_mut().next()?;
    let holds = content.is_object() || (lists && content.is_array());
    (key.eq_ignore_ascii_case(name) && holds).then(|| std::mem::take(content))
}

/// Removes, in the lists under `lists` (a package's `CFItems`, `CFAssociations` and
/// `CFRubrics`, a rubric's criteria and a criterion's levels, each found in any ASCII
/// case), the wrappers named after their elements: a list written as `{"CFItem": […]}`
/// (as a converter from XML writes `<CFItems><CFItem>…`), and an element written as
/// `{"CFItem": {…}}` (the answer of the CASE API's endpoint for one element, as a package
/// assembled from the answers for each item holds them), in every shape the reader reads
/// a list in (see [`each_element`]): also among the values of a list written as an object
/// keyed by identifiers or positions (`{"<identifier>": {"CFItem": {…}}}`). Nothing is
/// lost: a wrapper only names the kind of what it holds, which its list says.
/// O(number of elements).
pub(super) fn unwrap_elements(
    map: &mut serde_json::Map<String, serde_json::Value>,
    lists: &[&str],
) {
    for (list, name, inner) in ELEMENT_LISTS.iter().filter(|(l, _, _)| lists.contains(l)) {
        let found = map.iter_mut().find(|(k, _)| k.eq_ignore_ascii_case(list));
        let Some((_, value)) = found else {
            continue;
        };
        if let Some(content) = take_wrapped(value, name, true) {
            *value = content;
        }
        each_element(value, list, &mut |element| {
            unwrap_element(element, name, inner);
        });
    }
}

/// The element `element` wraps under its name (`{"CFItem": {…}}`), else `element`, with
/// the wrappers in its own lists removed.
fn unwrap_element(
    element: &mut serde_json::Map<String, serde_json::Value>,
    name: &str,
    inner: &[&str],
) {
    let one = element.len() == 1;
    let wrapped = match element.iter_mut().next() {
        Some((key, serde_json::Value::Object(content)))
            if one && key.eq_ignore_ascii_case(name) =>
        {
            Some(std::mem::take(content))
        }
        _ => None,
    };
    if let Some(content) = wrapped {
        *element = content;
    }
    unwrap_elements(element, inner);
}

/// Calls `f` on each element object `value` holds in the shapes the reader reads a list
/// (or one element) in: a list (its `null`s and other values skipped), an object whose
/// one key is the field's own name, an object of objects (a list written as an object,
/// keyed by positions or identifiers), or the one element itself.
pub(super) fn each_element(
    value: &mut serde_json::Value,
    key: &str,
    f: &mut dyn FnMut(&mut serde_json::Map<String, serde_json::Value>),
) {
    match value {
        serde_json::Value::Array(list) => {
            for v in list {
                if let serde_json::Value::Object(element) = v {
                    f(element);
                }
            }
        }
        serde_json::Value::Object(map) if map.len() == 1 && map.contains_key(key) => {
            if let Some(inner) = map.get_mut(key) {
                each_element(inner, key, f);
            }
        }
        serde_json::Value::Object(map)
            if map.values().any(serde_json::Value::is_object)
                && map.values().all(|v| v.is_object() || v.is_null()) =>
        {
            for v in map.values_mut() {
                if let serde_json::Value::Object(element) = v {
                    f(element);
                }
            }
        }
        serde_json::Value::Object(element) => f(element),
        _ => {}
    }
}

pub(super) fn non_blank(text: &str) -> Option<&str> {
    (!crate::model::quote::is_blank(text)).then_some(text)
}

pub(super) fn opt_non_blank(text: Option<&String>) -> Option<&str> {
    text.map(String::as_str).and_then(non_blank)
}

/// How identifiers are compared: without the spaces or line breaks around them; a UUID,
/// also when written as a `urn:uuid:` URN (RFC 9562 section 4) or in braces (`{…}`, as
/// Microsoft's tools write a GUID), in lowercase without the prefix or braces (RFC 9562
/// compares UUIDs without regard to case); anything else as written.
pub(super) fn key(identifier: &str) -> Cow<'_, str> {
    let trimmed = identifier.trim();
    let uuid = trimmed
        .get(..9)
        .filter(|prefix| prefix.eq_ignore_ascii_case("urn:uuid:"))
        .map_or(trimmed, |_| &trimmed[9..]);
    let uuid = (uuid.strip_prefix('{').and_then(|u| u.strip_suffix('}')))
        .filter(|u| is_uuid_shaped(u))
        .unwrap_or(uuid);
    if is_uuid_shaped(uuid) {
        if uuid.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(uuid.to_ascii_lowercase())
        } else {
            Cow::Borrowed(uuid)
        }
    } else {
        Cow::Borrowed(trimmed)
    }
}

/// What a link points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Node {
    Item(usize),
    Document,
    /// Nothing in the package: a crosswalk, or a link the package cannot resolve.
    Outside,
}

/// An association with both ends resolved.
pub(super) struct Assoc<'p> {
    pub(super) a: &'p CaseAssociation,
    pub(super) origin: Node,
    pub(super) destination: Node,
}

/// The package's uniquely identified items and complete associations.
pub(super) struct Parsed<'p> {
    pub(super) items: Vec<&'p CaseItem>,
    /// Where each of `items` is in the package's `CFItems` as written (whole repeats set
    /// aside and `null`s make the two differ), as errors name it.
    pub(super) places: Vec<usize>,
    pub(super) index: HashMap<Cow<'p, str>, usize>,
    /// The element each `uri` of the package names; `None` when several elements have
    /// that `uri` (it names none of them, see [`Self::add_uri`]).
    pub(super) uris: HashMap<&'p str, Option<Node>>,
    /// The UUID each element identified by a URI ends in (`https://…/CFItems/<uuid>`,
    /// CASE 1.0 identifiers may be URIs), for links that name it by that UUID alone;
    /// `None` when several elements' URIs end in it (the UUID names neither).
    pub(super) tails: HashMap<Cow<'p, str>, Option<Node>>,
    pub(super) document: Option<Cow<'p, str>>,
    pub(super) assocs: Vec<Assoc<'p>>,
    /// Items, associations and rubrics set aside before mapping, each with the reason the
    /// report gives: those that repeat an earlier element whole (same identifier, same
    /// content; a server paging its answer may send one twice, a client fetching each
    /// item's rubric gets a rubric covering several items once per item) and associations
    /// without a type or an end.
    pub(super) set_aside: Vec<(CaseElement, String, CaseDropReason)>,
    /// Per rubric of the package, whether it repeats an earlier rubric whole (set aside,
    /// in `set_aside`): its criteria give no levels a second time.
    pub(super) repeated_rubrics: Vec<bool>,
}

impl<'p> Parsed<'p> {
    /// A package of `document` alone, before its items are checked: the document's key,
    /// `uri` and identifier's UUID name [`Node::Document`].
    pub(super) fn new(document: &'p CaseDocument) -> Self {
        let mut parsed = Parsed {
            items: Vec::new(),
            places: Vec::new(),
            index: HashMap::new(),
            uris: HashMap::new(),
            tails: HashMap::new(),
            document: non_blank(&document.identifier).map(key),
            assocs: Vec::new(),
            set_aside: Vec::new(),
            repeated_rubrics: Vec::new(),
        };
        if let Some(uri) = non_blank(&document.uri) {
            parsed.add_uri(uri, Node::Document);
        }
        parsed.add_tail(&document.identifier, Node::Document);
        parsed
    }

    /// What the import's links resolve to in `package` of `document`, without checking
    /// it: the document and the first item with each identifier (as [`key`] reads it,
    /// and none the document's), as the import keeps them; the item at that place holds
    /// its copies joined (`super::join`), as the import's does. Only the nodes are
    /// filled in. O(items).
    pub(super) fn nodes(package: &'p CasePackage, document: &'p CaseDocument) -> Self {
        let mut parsed = Parsed::new(document);
        for (at, item) in package.items.iter().enumerate() {
            let Some(id) = non_blank(&item.identifier) else {
                continue;
            };
            let k = key(id);
            if !parsed.index.contains_key(&k) && parsed.document.as_ref() != Some(&k) {
                parsed.add_item(k, item, package.null_items.written(at));
            }
        }
        parsed
    }

    /// Adds `item`, the first with the identifier whose key is `k`, written at `place` in
    /// `CFItems`: the node of its identifier, its `uri` and its identifier's UUID.
    pub(super) fn add_item(&mut self, k: Cow<'p, str>, item: &'p CaseItem, place: usize) {
        let node = Node::Item(self.items.len());
        if let Some(uri) = non_blank(&item.uri) {
            self.add_uri(uri, node);
        }
        self.add_tail(&item.identifier, node);
        self.index.insert(k, self.items.len());
        self.items.push(item);
        self.places.push(place);
    }

    /// The node an identifier names: an item, the document, or nothing in the package. A
    /// UUID naming no identifier names the one element whose identifier is a URI ending
    /// in it, and an identifier written as a URI ending in a UUID (`https://…/CFItems/<uuid>`,
    /// as a link written by a server that identifies elements by their URIs gives) names
    /// what that UUID names: a UUID names one element wherever it is written, as a link
    /// given by its `uri` alone is resolved ([`Self::by_uri`]).
    pub(super) fn by_key(&self, id: &str) -> Node {
        let id = key(id);
        if let Some(&i) = self.index.get(&id) {
            Node::Item(i)
        } else if self.document.as_deref() == Some(&*id) {
            Node::Document
        } else if let Some(node) = self.tails.get(&id) {
            node.unwrap_or(Node::Outside)
        } else {
            match uuid_tail(&id) {
                Some(tail) if tail != id => self.by_key(tail),
                _ => Node::Outside,
            }
        }
    }

    /// Records that the element `node`, identified by `identifier`, is named by the UUID
    /// its identifier ends in, when the identifier is a URI ending in one (see
    /// [`Self::by_key`]); a UUID two elements' URIs end in names neither.
    pub(super) fn add_tail(&mut self, identifier: &'p str, node: Node) {
        let Some(tail) = uuid_tail(identifier) else {
            return;
        };
        let tail = key(tail);
        if tail != key(identifier) {
            self.tails
                .entry(tail)
                .and_modify(|held| {
                    if *held != Some(node) {
                        *held = None;
                    }
                })
                .or_insert(Some(node));
        }
    }

    /// Records that the element `node` has the `uri` `uri` (trimmed). A `uri` two
    /// elements share (publishers writing the framework's page as every item's `uri`,
    /// case/69) names neither: a link given by it alone is an end outside the package,
    /// kept aside and reported, never resolved to whichever element came first.
    pub(super) fn add_uri(&mut self, uri: &'p str, node: Node) {
        self.uris
            .entry(uri.trim())
            .and_modify(|held| {
                if *held != Some(node) {
                    *held = None;
                }
            })
            .or_insert(Some(node));
    }

    /// The node a URI names: the element of the package with that `uri` (none when
    /// several have it); else the element whose identifier the URI is (CASE 1.0
    /// identifiers may be URIs); else the element whose UUID the URI ends in (CASE 1.0
    /// links are plain URIs).
    pub(super) fn by_uri(&self, uri: &str) -> Node {
        let uri = uri.trim();
        if let Some(&node) = self.uris.get(uri) {
            return node.unwrap_or(Node::Outside);
        }
        let named = self.by_key(uri);
        if named != Node::Outside {
            return named;
        }
        uuid_tail(uri).map_or(Node::Outside, |tail| self.by_key(tail))
    }

    /// Whether several elements of the package have the `uri` `uri` (trimmed), which
    /// then names none of them ([`Self::add_uri`]). O(length).
    pub(super) fn shares_uri(&self, uri: &str) -> bool {
        self.uris.get(uri.trim()) == Some(&None)
    }

    /// The node a link names: by identifier; when the identifier names nothing in the
    /// package (a code, another spelling) or is absent, by its `uri` as [`Self::by_uri`]
    /// says. `None` when the link names nothing at all.
    pub(super) fn resolve(&self, link: &CaseLink) -> Option<Node> {
        let uri = non_blank(&link.uri);
        match non_blank(&link.identifier) {
            Some(id) => Some(match self.by_key(id) {
                Node::Outside => uri.map_or(Node::Outside, |uri| self.by_uri(uri)),
                node => node,
            }),
            None => uri.map(|uri| self.by_uri(uri)),
        }
    }

    /// Which of the link's `identifier` and `uri` the import does not carry, when the
    /// two disagree: the identifier when it names nothing in the package while the `uri`
    /// names an element of it, which the link was resolved to; the `uri` when both name
    /// elements of the package but different ones (the link is resolved by its
    /// identifier).
    pub(super) fn overruled(&self, link: &CaseLink) -> Overruled {
        let Some(id) = non_blank(&link.identifier) else {
            return Overruled::Neither;
        };
        let by_id = self.by_key(id);
        let by_uri = non_blank(&link.uri).map_or(Node::Outside, |uri| self.by_uri(uri));
        match (by_id, by_uri) {
            (Node::Outside, Node::Outside) => Overruled::Neither,
            (Node::Outside, _) => Overruled::Identifier,
            (_, Node::Outside) => Overruled::Neither,
            (a, b) if a != b => Overruled::Uri,
            _ => Overruled::Neither,
        }
    }
}

/// Which part of a node link the import did not carry because the other part, naming
/// another element of the package, was used ([`Parsed::overruled`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Overruled {
    /// The link's parts agree, or only one names an element of the package.
    Neither,
    /// The `identifier` names nothing in the package; the `uri` was used.
    Identifier,
    /// The `identifier` and the `uri` name different elements; the identifier was used.
    Uri,
}

/// The UUID a URI ends in (`…/CFItems/{uuid}`, `urn:uuid:{uuid}`, or a file named by it,
/// `…/CFItems/{uuid}.json`), before any query or fragment, if it ends in one.
pub(super) fn uuid_tail(uri: &str) -> Option<&str> {
    let path = uri.trim().split(['?', '#']).next().unwrap_or_default();
    let tail = path
        .trim_end_matches('/')
        .rsplit(['/', ':'])
        .next()
        .unwrap_or_default();
    // A UUID has no dot, so what follows the first one is a file's extension.
    let stem = tail.split('.').next().unwrap_or_default();
    is_uuid_shaped(stem).then_some(stem)
}

/// Whether `text` holds a character CASE's `NormalizedString` cannot: a tab, line feed or
/// carriage return.
pub(super) fn on_several_lines(text: &str) -> bool {
    text.contains(['\t', '\n', '\r'])
}

/// What the import reports a `NormalizedString` on several lines as, which export refuses
/// (see `one_line`).
pub(super) const ONE_LINE: CaseFieldReason = CaseFieldReason::Unreadable {
    expected: "text on one line, as CASE's NormalizedString",
};

/// The fields of a CASE 1.1 package document, beside `title` and `creator`, typed as a
/// `NormalizedString` (`CFPckgDocument`: `frameworkType`, `publisher`, `version`,
/// `adoptionStatus`, each `subject`), and the link fields whose `title` is one
/// (`licenseURI`, each `subjectURI`).
const DOCUMENT_TEXTS: [&str; 5] = [
    "frameworkType",
    "publisher",
    "version",
    "adoptionStatus",
    "subject",
];
const DOCUMENT_LINKS: [(&str, &str); 2] = [
    ("licenseURI", "licenseURI.title"),
    ("subjectURI", "subjectURI.title"),
];

/// A value and, when it is a list (as `subject` and `subjectURI` are, and as JSON-LD
/// writes any value), each of its entries.
fn values(value: Option<&Value>) -> impl Iterator<Item = &Value> {
    let list = value.and_then(Value::as_array).map(|l| l.iter());
    let one = value.filter(|v| !v.is_array());
    list.into_iter().flatten().chain(one)
}

/// The texts of the document's `extra` that export writes as given into a
/// `NormalizedString` (see [`DOCUMENT_TEXTS`]) and that hold a tab, line feed or carriage
/// return: each with its field (`publisher`, `subject`, `licenseURI.title`). A publisher's
/// fields are kept whole by the import and written back by export, so the import reports
/// these and export refuses them. O(size of those fields).
pub(super) fn document_lines(extra: &CaseExtra) -> Vec<(&'static str, &str)> {
    let texts = (DOCUMENT_TEXTS.iter()).flat_map(|&f| values(extra.get(f)).map(move |v| (f, v)));
    let links = (DOCUMENT_LINKS.iter()).flat_map(|&(link, field)| {
        values(extra.get(link)).map(move |l| (field, l.get("title").unwrap_or(&Value::Null)))
    });
    texts
        .chain(links)
        .filter_map(|(field, v)| Some((field, v.as_str().filter(|t| on_several_lines(t))?)))
        .collect()
}

/// The error of an element without an identifier: [`Error::CaseFieldName`] naming the
/// field it has under another specification's name (`sourcedId`) or as an XML attribute
/// (`@identifier`), if any, else
/// [`Error::CaseMissingIdentifier`].
pub(super) fn missing_identifier(extra: &CaseExtra, element: CaseElement, path: String) -> Error {
    match identifier_alias(extra) {
        Some(found) => Error::CaseFieldName {
            path,
            found,
            expected: "identifier",
        },
        None => Error::CaseMissingIdentifier { element, path },
    }
}

pub(super) fn missing(element: CaseElement, identifier: &str, field: &'static str) -> Error {
    Error::CaseMissingField {
        element,
        identifier: identifier.to_owned(),
        field,
    }
}

/// An item's type, where it came from, and what it became.
#[derive(Clone, Debug)]
pub(super) struct Typed {
    pub(super) label: Option<String>,
    pub(super) source: CaseTypeSource,
    pub(super) mapping: CaseItemMapping,
    pub(super) by_default: bool,
}

#[cfg(test)]
mod tests {
    use super::{is_child_of, key, uuid_tail};

    #[test]
    fn child_of_is_read_in_any_case_and_in_words() {
        for t in [
            "isChildOf",
            " ISCHILDOF ",
            "Is Child Of",
            "is_child_of",
            "Is-Child-Of",
            "is  child of",
            "is\tchild of",
            "is\u{a0}child\u{a0}of",
            "is\u{3000}child of",
        ] {
            assert!(is_child_of(t), "{t}");
        }
        for t in [
            "",
            "isChild",
            "isChildOff",
            "childOf",
            "isChildOf\u{200b}",
            "is.child.of",
            "Is Parent Of",
            "ischildofischildof",
        ] {
            assert!(!is_child_of(t), "{t}");
        }
    }

    #[test]
    fn a_uri_ends_in_a_uuid_before_its_query_or_a_file_extension() {
        let uuid = "0b3c9f4e-6a43-4c1e-9d0c-2f1a7e5b8c01";
        for uri in [
            "https://case.example.org/ims/case/v1p0/CFItems/0b3c9f4e-6a43-4c1e-9d0c-2f1a7e5b8c01",
            "https://case.example.org/uri/0b3c9f4e-6a43-4c1e-9d0c-2f1a7e5b8c01/",
            "https://case.example.org/CFItems/0b3c9f4e-6a43-4c1e-9d0c-2f1a7e5b8c01.json",
            "https://case.example.org/CFItems/0b3c9f4e-6a43-4c1e-9d0c-2f1a7e5b8c01?format=json",
            "urn:uuid:0b3c9f4e-6a43-4c1e-9d0c-2f1a7e5b8c01",
        ] {
            assert_eq!(uuid_tail(uri), Some(uuid), "{uri}");
        }
        for uri in [
            "https://case.example.org/CFItems/OP.1",
            "https://case.example.org/CFItems/x.0b3c9f4e-6a43-4c1e-9d0c-2f1a7e5b8c01",
            "https://case.example.org/0b3c9f4e-6a43-4c1e-9d0c-2f1a7e5b8c01/items",
        ] {
            assert_eq!(uuid_tail(uri), None, "{uri}");
        }
    }

    #[test]
    fn uuids_compare_in_lowercase_and_other_identifiers_as_written() {
        assert_eq!(
            key("0B3C9F4E-6A43-4C1E-9D0C-2F1A7E5B8C01"),
            "0b3c9f4e-6a43-4c1e-9d0c-2f1a7e5b8c01"
        );
        assert_eq!(key("OP.1"), "OP.1");
        for spelled in [
            "urn:uuid:0b3c9f4e-6a43-4c1e-9d0c-2f1a7e5b8c01",
            "URN:UUID:0B3C9F4E-6A43-4C1E-9D0C-2F1A7E5B8C01",
            " 0b3c9f4e-6a43-4c1e-9d0c-2f1a7e5b8c01\n",
        ] {
            assert_eq!(key(spelled), "0b3c9f4e-6a43-4c1e-9d0c-2f1a7e5b8c01");
        }
        assert_eq!(
            key("{0B3C9F4E-6A43-4C1E-9D0C-2F1A7E5B8C01}"),
            "0b3c9f4e-6a43-4c1e-9d0c-2f1a7e5b8c01"
        );
        assert_eq!(key("{OP.1}"), "{OP.1}");
        // A URN of something else is an identifier like any other.
        assert_eq!(key("urn:uuid:not-a-uuid"), "urn:uuid:not-a-uuid");
        assert_eq!(
            key("http://asn.jesandco.org/resources/S2366905"),
            "http://asn.jesandco.org/resources/S2366905"
        );
    }
}
