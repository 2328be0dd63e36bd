//! Whether an element met again under an identifier already seen repeats the earlier one
//! whole: the same element sent twice (a server paging its answer, a package assembled
//! from the package's and each element's endpoints), set aside and reported as
//! [`CaseDropReason::Repeated`](crate::CaseDropReason::Repeated), rather than a duplicate
//! identifier.
//!
//! Two copies repeat each other when they say the same once read as the import reads
//! them: identifiers spelled otherwise (`C0…` for `c0…`, a `urn:uuid:` URN: what [`key`]
//! reads as one identifier, in the element, its node links, a rubric's criteria, levels
//! and their item links; case/30, case/65), a field that holds nothing written in one copy
//! and left out of the other (`null`, `""`, `[]`, `{}`, or lists and objects of such, as
//! [`holds_nothing`] says; a blank `abbreviatedStatement`, `humanCodingScheme` or
//! `CFItemType`, which the import reads as absent), a `CFDocumentURI` naming the
//! package's own document in one copy only (CASE 1.1's `CFPackage` writes its items and
//! associations without it, the endpoints serving one item or association with it:
//! case/67), an `associationType` written as another spelling of `isChildOf`
//! (`Is Child Of`), a rubric's criteria or levels listed in another order (case/70), a
//! `lastChangeDateTime` stating the same instant otherwise (`+00:00` for `Z`,
//! [`same_instant`]), a link written as a URI string in one copy and as an object with
//! that `uri` and the identifier the import resolves the string to in the other (when the
//! string is the later copy's, whatever else the object writes; [`Copies::same_link`]), and a number written whole in one copy and with a fraction
//! in the other (`1`, `1.0`: one number, as the import reads numbers) (case/72).
//! Copies that differ in another field are joined when they agree on their content
//! (`super::join`, case/88), and are duplicates otherwise. A `CFDocument` listing one
//! document several times is that document ([`one_document`], case/71).

use super::node::{CHILD_OF, Node, Parsed, is_child_of, key, non_blank, uuid_tail};
use super::numbers::whole;
use super::reporter::{holds_nothing, link_holds_nothing, names};
use super::stamp::same_instant;
use serde_json::{Map, Value};

use super::read::document;
use crate::interop::case::package::{
    CaseAssociation, CaseDocument, CaseExtra, CaseItem, CaseLink, CasePackage, CaseRubric,
};

/// What telling copies apart needs to know of the package: its document's identifier,
/// and which element each link names, as the import resolves it.
pub(super) struct Copies<'p> {
    /// The identifier of the package's document.
    pub(super) document: &'p str,
    /// What the import resolves a link to ([`Parsed::nodes`]): the one lookup of a link's
    /// identifier and `uri` for every comparison of copies (a URI string's element
    /// included, [`Copies::same_link`]).
    nodes: Parsed<'p>,
    /// Whether the nodes are those of the package with its items' copies joined, so that
    /// links' ends may be compared by the nodes they name ([`Copies::node`]); false where
    /// only links' fields are compared ([`Copies::of`]).
    ends: bool,
}

impl<'p> Copies<'p> {
    /// The elements of `package` as the import resolves links to them, for comparing the
    /// copies of its items. O(items).
    pub(super) fn of(package: &'p CasePackage, document: &'p CaseDocument) -> Self {
        Self {
            document: &document.identifier,
            nodes: Parsed::nodes(package, document),
            ends: false,
        }
    }

    /// [`Copies::of`] `package` whose items' copies are joined, as the import reads it:
    /// ends of associations and criteria's items are then compared by the nodes they
    /// name ([`Copies::node`]). O(items).
    pub(super) fn resolving(package: &'p CasePackage, document: &'p CaseDocument) -> Self {
        Self {
            ends: true,
            ..Self::of(package, document)
        }
    }

    /// The element of the package (an item or the document) that node link `link`
    /// resolves to as the import resolves it ([`Parsed::resolve`]); `None` when it names
    /// nothing in the package, or when these copies were made without the joined items
    /// ([`Copies::of`]).
    pub(super) fn node(&self, link: &CaseLink) -> Option<Node> {
        if !self.ends {
            return None;
        }
        let node = self.nodes.resolve(link)?;
        (node != Node::Outside).then_some(node)
    }

    /// Criterion item links `a` (earlier copy) and `b` (later copy) naming one node of
    /// the package ([`Copies::node`]), one by identifier and the other by `uri`, say: both
    /// become the link holding every field either writes, when no field both write
    /// differs (`identifier` compared as [`key`] reads it, `uri` trimmed); otherwise they
    /// are left as written, and the copies differ. O(length of the links).
    pub(super) fn join_item_links(&self, a: &mut Option<CaseLink>, b: &mut Option<CaseLink>) {
        let (Some(x), Some(y)) = (a.as_mut(), b.as_mut()) else {
            return;
        };
        if x == y || self.node(x).is_none() || self.node(x) != self.node(y) {
            return;
        }
        let Some(joined) = joined_link(x, y) else {
            return;
        };
        x.clone_from(&joined);
        *y = joined;
    }

    /// Reads a link written as a URI string alone (a link with a `uri` and nothing else),
    /// in either copy, as the other copy's link object when both name one node: the
    /// object has the same `uri` and, if any, an identifier naming what the import
    /// resolves the string to: the element of the package with that `uri`, or, when none
    /// has it, the element the UUID the `uri` ends in names (see `Parsed::resolve`). `a`
    /// is the earlier copy's link, `b` the later's.
    ///
    /// - A later string says nothing the earlier object does not (the earlier copy is the
    ///   one kept): it becomes that object, so the later copy can repeat the earlier one
    ///   whole.
    /// - An earlier string becomes a later object that says nothing else the import
    ///   reads: no fields beside `title`, `identifier` and `uri`. A string has no place
    ///   for a `title`, so its having none says nothing; the import reads a link's `title`
    ///   only for an item type (`CFItemTypeURI`, `node` false), so there the object must
    ///   have none.
    ///
    /// An earlier string and a later object that writes more (CASE 1.1's `targetType`,
    /// case/89) are left as written: an association's ends are compared by the nodes
    /// they resolve to ([`Copies::node`]), and the join takes the fields the string
    /// cannot hold from the object (`super::join`).
    ///
    /// O(length of the links).
    fn same_link(&self, a: &mut Option<CaseLink>, b: &mut Option<CaseLink>, node: bool) {
        let (Some(x), Some(y)) = (a.as_mut(), b.as_mut()) else {
            return;
        };
        let bare =
            |l: &CaseLink| l.identifier.is_empty() && l.title.is_empty() && l.extra.is_empty();
        let (string, object, later_string) = match (bare(x), bare(y)) {
            (true, false) => (x, &*y, false),
            (false, true) => (y, &*x, true),
            _ => return,
        };
        let uri = string.uri.trim();
        // The element the import resolves the string to; a URI naming none of the
        // package's (and not shared by several) names the element its UUID is.
        let names = |id: &str| match self.nodes.by_uri(uri) {
            Node::Outside => {
                !self.nodes.shares_uri(uri) && uuid_tail(uri).is_some_and(|t| key(t) == key(id))
            }
            node => self.nodes.by_key(id) == node,
        };
        let identifier = non_blank(&object.identifier).is_none_or(names);
        if non_blank(uri).is_none() || object.uri.trim() != uri || !identifier {
            return;
        }
        if later_string || object.extra.is_empty() && (node || non_blank(&object.title).is_none()) {
            string.clone_from(object);
        }
    }
}

/// The link holding every field `a` or `b` writes (`a`'s first), or `None` when a field
/// both write differs: `identifier` as [`key`] reads it, `uri` trimmed, `title` and each
/// other field as written. O(length of the links).
fn joined_link(a: &CaseLink, b: &CaseLink) -> Option<CaseLink> {
    let mut joined = a.clone();
    let parts = [
        (&mut joined.identifier, &b.identifier, true),
        (&mut joined.uri, &b.uri, false),
        (&mut joined.title, &b.title, false),
    ];
    for (held, other, is_key) in parts {
        match (non_blank(held), non_blank(other)) {
            (None, Some(_)) => held.clone_from(other),
            (Some(h), Some(o)) if is_key && key(h) != key(o) => return None,
            (Some(h), Some(o)) if !is_key && h.trim() != o.trim() => return None,
            _ => {}
        }
    }
    for (name, value) in &b.extra {
        match joined.extra.get(name) {
            Some(held) if held != value => return None,
            Some(_) => {}
            None => {
                joined.extra.insert(name.clone(), value.clone());
            }
        }
    }
    Some(joined)
}

/// Whether item `later` repeats `earlier` whole in a package whose document's
/// identifier is `document` (see the module docs). O(size of the items).
pub(super) fn repeats_item(earlier: &CaseItem, later: &CaseItem, copies: &Copies) -> bool {
    earlier == later || {
        let (earlier, later) = items_as_read(earlier, later, copies);
        earlier == later
    }
}

/// Copies of items `earlier` and `later` as the import reads them, each field of one
/// written as the other writes it when the two say the same (see the module docs): equal
/// when `later` repeats `earlier` whole, and otherwise differing in the fields that say
/// something else. O(size of the items).
pub(super) fn items_as_read(
    earlier: &CaseItem,
    later: &CaseItem,
    copies: &Copies,
) -> (CaseItem, CaseItem) {
    let (mut earlier, mut later) = (earlier.clone(), later.clone());
    later.identifier.clone_from(&earlier.identifier);
    same_stamp(
        &mut later.last_change_date_time,
        &earlier.last_change_date_time,
    );
    for item in [&mut earlier, &mut later] {
        for text in [
            &mut item.abbreviated_statement,
            &mut item.human_coding_scheme,
            &mut item.item_type,
        ] {
            if text.as_deref().is_some_and(|t| non_blank(t).is_none()) {
                *text = None;
            }
        }
        link_as_read(&mut item.item_type_uri);
        extra_as_read(&mut item.extra, copies.document);
    }
    copies.same_link(&mut earlier.item_type_uri, &mut later.item_type_uri, false);
    (earlier, later)
}

/// [`repeats_item`] for associations, whose node links' identifiers may be spelled
/// otherwise too. O(size of the associations).
pub(super) fn repeats_association(
    earlier: &CaseAssociation,
    later: &CaseAssociation,
    copies: &Copies,
) -> bool {
    earlier == later || {
        let (earlier, later) = associations_as_read(earlier, later, copies);
        earlier == later
    }
}

/// [`items_as_read`] for associations. O(size of the associations).
pub(super) fn associations_as_read(
    earlier: &CaseAssociation,
    later: &CaseAssociation,
    copies: &Copies,
) -> (CaseAssociation, CaseAssociation) {
    let (mut earlier, mut later) = (earlier.clone(), later.clone());
    later.identifier.clone_from(&earlier.identifier);
    same_stamp(
        &mut later.last_change_date_time,
        &earlier.last_change_date_time,
    );
    respell_link(
        later.origin_node_uri.as_mut(),
        earlier.origin_node_uri.as_ref(),
    );
    respell_link(
        later.destination_node_uri.as_mut(),
        earlier.destination_node_uri.as_ref(),
    );
    for a in [&mut earlier, &mut later] {
        if is_child_of(&a.association_type) {
            CHILD_OF.clone_into(&mut a.association_type);
        }
        link_as_read(&mut a.origin_node_uri);
        link_as_read(&mut a.destination_node_uri);
        extra_as_read(&mut a.extra, copies.document);
    }
    copies.same_link(
        &mut earlier.origin_node_uri,
        &mut later.origin_node_uri,
        true,
    );
    copies.same_link(
        &mut earlier.destination_node_uri,
        &mut later.destination_node_uri,
        true,
    );
    (earlier, later)
}

/// [`repeats_item`] for rubrics, whose criteria's and levels' identifiers and criteria's
/// item links may be spelled otherwise too (case/65). O(size of the rubrics).
pub(super) fn repeats_rubric(earlier: &CaseRubric, later: &CaseRubric, copies: &Copies) -> bool {
    earlier == later || {
        let (earlier, later) = rubrics_as_read(earlier, later, copies);
        earlier == later
    }
}

/// [`items_as_read`] for rubrics, their criteria listed by identifier
/// ([`in_identifier_order`]). O(n log n) in the rubrics' size.
pub(super) fn rubrics_as_read(
    earlier: &CaseRubric,
    later: &CaseRubric,
    copies: &Copies,
) -> (CaseRubric, CaseRubric) {
    let document = copies.document;
    let (mut earlier, mut later) = (earlier.clone(), later.clone());
    later.identifier.clone_from(&earlier.identifier);
    same_stamp(
        &mut later.last_change_date_time,
        &earlier.last_change_date_time,
    );
    for rubric in [&mut earlier, &mut later] {
        in_identifier_order(rubric);
    }
    for (criterion, was) in later.criteria.iter_mut().zip(&earlier.criteria) {
        respell(&mut criterion.identifier, &was.identifier);
        respell_link(criterion.item_uri.as_mut(), was.item_uri.as_ref());
        if let (Some(rubric), Some(was)) = (&mut criterion.rubric_id, &was.rubric_id) {
            respell(rubric, was);
        }
        same_stamp(
            &mut criterion.last_change_date_time,
            &was.last_change_date_time,
        );
        for (level, was) in criterion.levels.iter_mut().zip(&was.levels) {
            respell(&mut level.identifier, &was.identifier);
            same_stamp(&mut level.last_change_date_time, &was.last_change_date_time);
        }
    }
    for rubric in [&mut earlier, &mut later] {
        extra_as_read(&mut rubric.extra, document);
        for criterion in &mut rubric.criteria {
            link_as_read(&mut criterion.item_uri);
            extra_as_read(&mut criterion.extra, document);
            for level in &mut criterion.levels {
                extra_as_read(&mut level.extra, document);
            }
        }
    }
    for (criterion, was) in later.criteria.iter_mut().zip(&mut earlier.criteria) {
        copies.same_link(&mut was.item_uri, &mut criterion.item_uri, true);
    }
    (earlier, later)
}

/// Lists `rubric`'s criteria, and each criterion's levels, by identifier (as [`key`]
/// reads it), then by content for those without one: the order a server lists them in
/// says nothing (a criterion names its item, a level's `score` orders it, and `position`
/// is compared as a field), and a server reading them without an order sends a rubric
/// twice with its criteria or levels in another order (case/70). O(n log n) in the
/// rubric's size.
fn in_identifier_order(rubric: &mut CaseRubric) {
    fn order<T: serde::Serialize>(list: &mut [T], identifier: fn(&T) -> &str) {
        list.sort_by_cached_key(|e| {
            let text = serde_json::to_string(e).unwrap_or_default();
            (key(identifier(e)).into_owned(), text)
        });
    }
    for criterion in &mut rubric.criteria {
        order(&mut criterion.levels, |l| &l.identifier);
    }
    order(&mut rubric.criteria, |c| &c.identifier);
}

/// Takes a `CFDocument` written as a list repeating one document (with any `null`s,
/// absent elements) as that document: the first, left in `map` alone. A package
/// assembled from answers that each carry the document (a JSON-LD `@graph` joined from
/// per-element files, each holding the document's node) lists it so (case/71). The
/// copies must say the same as the import reads them (identifiers spelled otherwise,
/// fields holding nothing aside, as for items); a list of documents that differ is left
/// as it is and refused, naming each. Returns the identifiers, as written, of the copies
/// set aside. O(size of the documents).
pub(super) fn one_document(map: &mut Map<String, Value>) -> Vec<String> {
    let Some(Value::Array(list)) = map.get("CFDocument") else {
        return Vec::new();
    };
    let objects: Vec<&Map<String, Value>> = list.iter().filter_map(Value::as_object).collect();
    if objects.len() < 2
        || objects.len() + list.iter().filter(|v| v.is_null()).count() != list.len()
    {
        return Vec::new();
    }
    let read: Vec<CaseDocument> = objects.iter().map(|o| document((*o).clone())).collect();
    if !read[1..].iter().all(|d| repeats_document(&read[0], d)) {
        return Vec::new();
    }
    let repeats = read[1..].iter().map(|d| d.identifier.clone()).collect();
    let kept = Value::Object(objects[0].clone());
    map.insert("CFDocument".to_owned(), kept);
    repeats
}

/// Whether document `later` repeats `earlier` whole, as the import reads them (see
/// [`documents_as_read`]). O(size of the documents).
pub(super) fn repeats_document(earlier: &CaseDocument, later: &CaseDocument) -> bool {
    let (earlier, later) = documents_as_read(earlier, later);
    earlier == later
}

/// Copies of a document as the import reads them, as [`items_as_read`] gives items: the
/// identifier spelled as `earlier` spells it when both are one identifier, a
/// `lastChangeDateTime` stating the same instant written as `earlier` writes it, numbers
/// as read, and no field that holds nothing. O(size of the documents).
pub(super) fn documents_as_read(
    earlier: &CaseDocument,
    later: &CaseDocument,
) -> (CaseDocument, CaseDocument) {
    let first = as_read(earlier, &earlier.identifier);
    let mut later = as_read(later, &earlier.identifier);
    same_stamp(
        &mut later.last_change_date_time,
        &first.last_change_date_time,
    );
    (first, later)
}

/// `document` with its identifier spelled `spelling` when the two are one identifier, and
/// without the fields that hold nothing.
fn as_read(document: &CaseDocument, spelling: &str) -> CaseDocument {
    let mut read = document.clone();
    respell(&mut read.identifier, spelling);
    numbers_as_read(&mut read.extra);
    if read.description.as_deref() == Some("") {
        read.description = None;
    }
    read.extra.retain(|_, value| !holds_nothing(value));
    read
}

/// Gives `identifier` the spelling `was` when both are one identifier by [`key`].
fn respell(identifier: &mut String, was: &str) {
    if key(identifier) == key(was) {
        was.clone_into(identifier);
    }
}

/// [`respell`] for the identifiers of two node links.
fn respell_link(link: Option<&mut CaseLink>, was: Option<&CaseLink>) {
    if let (Some(link), Some(was)) = (link, was) {
        respell(&mut link.identifier, &was.identifier);
    }
}

/// `extra` without the fields that hold nothing, and without a `CFDocumentURI` naming
/// the package's document `document`: what the import neither keeps nor reports; its
/// numbers as [`numbers_as_read`] makes them.
fn extra_as_read(extra: &mut CaseExtra, document: &str) {
    extra.retain(|field, value| {
        !(holds_nothing(value) || field == "CFDocumentURI" && names(value, document))
    });
    numbers_as_read(extra);
}

/// Gives `stamp` the text `was` when both state one instant ([`same_instant`]).
fn same_stamp(stamp: &mut String, was: &str) {
    if same_instant(stamp, was) {
        was.clone_into(stamp);
    }
}

/// Writes each whole number in `extra`, at any depth, as an integer: `1.0` and `1` are
/// one number wherever the import reads a number (an integer field reads a whole double
/// as that integer, [`whole`]; a number field reads both as 1), and a value kept
/// verbatim is reported by its field, whatever its spelling. A whole double beyond
/// 2^53 − 1 stays as written: which integer it stands for is unknowable. O(size).
fn numbers_as_read(extra: &mut CaseExtra) {
    fn walk(value: &mut Value) {
        match value {
            Value::Number(n) if !n.is_i64() && !n.is_u64() => {
                if let Some(w) = whole(value) {
                    *value = Value::from(w);
                }
            }
            Value::Array(list) => list.iter_mut().for_each(walk),
            Value::Object(map) => map.values_mut().for_each(walk),
            _ => {}
        }
    }
    extra.values_mut().for_each(walk);
}

/// `link` without the fields that hold nothing; absent when nothing is left.
fn link_as_read(link: &mut Option<CaseLink>) {
    if let Some(l) = link {
        if link_holds_nothing(l) {
            *link = None;
        } else {
            l.extra.retain(|_, value| !holds_nothing(value));
            numbers_as_read(&mut l.extra);
        }
    }
}

#[cfg(test)]
#[path = "repeats_tests.rs"]
mod tests;
