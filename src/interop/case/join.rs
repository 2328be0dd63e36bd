//! Copies of one element read as one: an item, association or rubric written again under
//! an earlier one's identifier that agrees with it on what identifies its content, but
//! not on every other field (case/88: Smarter Balanced's server lists an item twice,
//! `abbreviatedStatement` `Evidence Required 1` with its `CFItemType` in one copy,
//! `Evidence Required 2` without a type in the other).
//!
//! What identifies the content: an item's `fullStatement`, which CASE requires and which
//! is the statement itself; an association's `associationType` and the node each end
//! resolves to as the import resolves it (case/89, case/90); a rubric's `CFRubricCriteria`
//! (each criterion's item compared by the node it resolves to, case/91), whose levels become a competency's
//! proficiency levels (two lists under one identifier would be two scales, and which one
//! holds is unknowable). Each compared as the import reads it (as [`super::repeats`]
//! compares whole repeats). Copies that disagree there are left as they are, for the
//! import to refuse as duplicate identifiers naming both places.
//!
//! Copies that agree are joined, in the order the package lists them (an end both copies
//! write field by field, `destinationNodeURI.uri` naming one of its fields): a field written
//! (holding something, as the import reads it) in only one copy is taken from it, CASE's
//! fields being optional; a field two copies write differently keeps the value of the
//! first copy writing it, and every other value is set aside and reported
//! ([`CaseFieldReason::CopyDiffers`], naming both copies by their places and giving both
//! values in [`CaseCopyValues`]). The first copy's place then holds the joined element,
//! and the import sets each later copy aside as a repeat
//! ([`CaseDropReason::Repeated`](crate::CaseDropReason::Repeated)). Which value holds
//! depends on the package's order alone, so the import is deterministic.
//!
//! Each copy is compared with the fields of the joined element it writes (and the typed
//! ones), never with the whole joined element, which may have grown by the fields of many
//! copies: the work is linear in the copies' sizes.
//!
//! Copies of the document listed in `CFDocument` are joined the same way, on its
//! identifier and `title` (`super::join_document`, case/87).

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::Serialize;
use serde_json::{Map, Value};

use super::huge::json_text;
use super::node::{key, non_blank};
use super::repeats::{
    Copies, associations_as_read, items_as_read, repeats_association, repeats_item, repeats_rubric,
    rubrics_as_read,
};
use super::reporter::holds_nothing;
use crate::interop::case::package::{
    CaseAssociation, CaseDocument, CaseExtra, CaseItem, CaseLink, CasePackage, CaseRubric,
};
use crate::{CaseCopyValues, CaseDroppedField, CaseElement, CaseFieldReason};

/// An element kind whose copies can be joined.
pub(super) trait Joinable: Clone + Serialize {
    /// What the report calls it.
    const ELEMENT: CaseElement;
    /// The package's list holding it, for its places (`CFItems`).
    const LIST: &'static str;
    /// The JSON names of its typed fields.
    const TYPED: &'static [&'static str];
    /// It without the fields of its `extra`.
    fn clone_without_extra(&self) -> Self;
    /// Whether `later` repeats `earlier` whole ([`super::repeats`]).
    fn repeats(earlier: &Self, later: &Self, copies: &Copies) -> bool;
    fn identifier(&self) -> &str;
    fn extra_mut(&mut self) -> &mut CaseExtra;
    fn extra(&self) -> &CaseExtra;
    /// Both copies as the import reads them (see [`items_as_read`]).
    fn as_read(earlier: &Self, later: &Self, copies: &Copies) -> (Self, Self);
    /// Whether two copies, as read (each also as its field map), agree on what
    /// identifies their content.
    fn same_content(earlier: Read<'_, Self>, later: Read<'_, Self>, copies: &Copies) -> bool;
    /// Sets the typed field named `field` (the JSON name) as `from` has it.
    fn take_typed(&mut self, from: &Self, field: &str);
    /// The link in the typed field named `field`, when it is one whose fields are joined
    /// one by one (an association's ends).
    fn link(&self, _field: &str) -> Option<&CaseLink> {
        None
    }
    /// Joins, field by field, the links inside a list field of `self` that name the
    /// node a link of `copy` names (a rubric's criteria's items), once the two agree on
    /// their content.
    fn join_links(&mut self, _copy: &Self, _copies: &Copies) {}
    /// [`Joinable::link`], to change.
    fn link_mut(&mut self, _field: &str) -> Option<&mut CaseLink> {
        None
    }
}

/// A copy as the import reads it, and its fields by name ([`fields`]).
pub(super) type Read<'a, T> = (&'a T, &'a Map<String, Value>);

/// Whether `a` and `b` hold the same value under `field` (or both none).
pub(super) fn same(a: &Map<String, Value>, b: &Map<String, Value>, field: &str) -> bool {
    a.get(field) == b.get(field)
}

impl Joinable for CaseItem {
    const ELEMENT: CaseElement = CaseElement::Item;
    const LIST: &'static str = "CFItems";
    const TYPED: &'static [&'static str] = &[
        "identifier",
        "uri",
        "fullStatement",
        "abbreviatedStatement",
        "humanCodingScheme",
        "CFItemType",
        "CFItemTypeURI",
        "lastChangeDateTime",
    ];
    fn clone_without_extra(&self) -> Self {
        CaseItem {
            identifier: self.identifier.clone(),
            uri: self.uri.clone(),
            full_statement: self.full_statement.clone(),
            abbreviated_statement: self.abbreviated_statement.clone(),
            human_coding_scheme: self.human_coding_scheme.clone(),
            item_type: self.item_type.clone(),
            item_type_uri: self.item_type_uri.clone(),
            last_change_date_time: self.last_change_date_time.clone(),
            extra: CaseExtra::new(),
        }
    }
    fn repeats(earlier: &Self, later: &Self, copies: &Copies) -> bool {
        repeats_item(earlier, later, copies)
    }
    fn identifier(&self) -> &str {
        &self.identifier
    }
    fn extra(&self) -> &CaseExtra {
        &self.extra
    }
    fn extra_mut(&mut self) -> &mut CaseExtra {
        &mut self.extra
    }
    fn as_read(earlier: &Self, later: &Self, copies: &Copies) -> (Self, Self) {
        items_as_read(earlier, later, copies)
    }
    fn same_content(earlier: Read<'_, Self>, later: Read<'_, Self>, _: &Copies) -> bool {
        same(earlier.1, later.1, "fullStatement")
    }
    fn take_typed(&mut self, from: &Self, field: &str) {
        match field {
            "uri" => self.uri.clone_from(&from.uri),
            "fullStatement" => self.full_statement.clone_from(&from.full_statement),
            "abbreviatedStatement" => self
                .abbreviated_statement
                .clone_from(&from.abbreviated_statement),
            "humanCodingScheme" => self
                .human_coding_scheme
                .clone_from(&from.human_coding_scheme),
            "CFItemType" => self.item_type.clone_from(&from.item_type),
            "CFItemTypeURI" => self.item_type_uri.clone_from(&from.item_type_uri),
            "lastChangeDateTime" => self
                .last_change_date_time
                .clone_from(&from.last_change_date_time),
            _ => {}
        }
    }
}

impl Joinable for CaseAssociation {
    const ELEMENT: CaseElement = CaseElement::Association;
    const LIST: &'static str = "CFAssociations";
    const TYPED: &'static [&'static str] = &[
        "identifier",
        "uri",
        "associationType",
        "sequenceNumber",
        "originNodeURI",
        "destinationNodeURI",
        "lastChangeDateTime",
    ];
    fn clone_without_extra(&self) -> Self {
        CaseAssociation {
            identifier: self.identifier.clone(),
            uri: self.uri.clone(),
            association_type: self.association_type.clone(),
            sequence_number: self.sequence_number,
            origin_node_uri: self.origin_node_uri.clone(),
            destination_node_uri: self.destination_node_uri.clone(),
            last_change_date_time: self.last_change_date_time.clone(),
            extra: CaseExtra::new(),
        }
    }
    fn repeats(earlier: &Self, later: &Self, copies: &Copies) -> bool {
        repeats_association(earlier, later, copies)
    }
    fn identifier(&self) -> &str {
        &self.identifier
    }
    fn extra(&self) -> &CaseExtra {
        &self.extra
    }
    fn extra_mut(&mut self) -> &mut CaseExtra {
        &mut self.extra
    }
    fn as_read(earlier: &Self, later: &Self, copies: &Copies) -> (Self, Self) {
        associations_as_read(earlier, later, copies)
    }
    /// The type and the node each end names: the element of the package the end
    /// resolves to as the import resolves it ([`Copies::node`]: by its `identifier`,
    /// else by its `uri`), however each copy names it (by identifier alone, by `uri`
    /// alone, as a URI string: case/89, case/90); an end naming nothing in the package
    /// by its `identifier` and `uri` as read. The link's other fields (`title`,
    /// `targetType`) are joined field by field ([`join_copies`]).
    fn same_content(earlier: Read<'_, Self>, later: Read<'_, Self>, copies: &Copies) -> bool {
        let end = |map: &Map<String, Value>, field: &str| match map.get(field) {
            Some(Value::Object(link)) => {
                (link.get("identifier").cloned(), link.get("uri").cloned())
            }
            other => (other.cloned(), None),
        };
        let node =
            |a: &CaseAssociation, field: &str| a.link(field).and_then(|link| copies.node(link));
        same(earlier.1, later.1, "associationType")
            && ["originNodeURI", "destinationNodeURI"].iter().all(|field| {
                end(earlier.1, field) == end(later.1, field)
                    || node(earlier.0, field).is_some_and(|n| node(later.0, field) == Some(n))
            })
    }
    fn take_typed(&mut self, from: &Self, field: &str) {
        match field {
            "uri" => self.uri.clone_from(&from.uri),
            "associationType" => self.association_type.clone_from(&from.association_type),
            "sequenceNumber" => self.sequence_number = from.sequence_number,
            "originNodeURI" => self.origin_node_uri.clone_from(&from.origin_node_uri),
            "destinationNodeURI" => self
                .destination_node_uri
                .clone_from(&from.destination_node_uri),
            "lastChangeDateTime" => self
                .last_change_date_time
                .clone_from(&from.last_change_date_time),
            _ => {}
        }
    }
    fn link(&self, field: &str) -> Option<&CaseLink> {
        match field {
            "originNodeURI" => self.origin_node_uri.as_ref(),
            "destinationNodeURI" => self.destination_node_uri.as_ref(),
            _ => None,
        }
    }
    fn link_mut(&mut self, field: &str) -> Option<&mut CaseLink> {
        match field {
            "originNodeURI" => self.origin_node_uri.as_mut(),
            "destinationNodeURI" => self.destination_node_uri.as_mut(),
            _ => None,
        }
    }
}

impl Joinable for CaseRubric {
    const ELEMENT: CaseElement = CaseElement::Rubric;
    const LIST: &'static str = "CFRubrics";
    const TYPED: &'static [&'static str] = &[
        "identifier",
        "uri",
        "title",
        "description",
        "lastChangeDateTime",
        "CFRubricCriteria",
    ];
    fn clone_without_extra(&self) -> Self {
        CaseRubric {
            identifier: self.identifier.clone(),
            uri: self.uri.clone(),
            title: self.title.clone(),
            description: self.description.clone(),
            last_change_date_time: self.last_change_date_time.clone(),
            criteria: self.criteria.clone(),
            null_criteria: self.null_criteria.clone(),
            extra: CaseExtra::new(),
        }
    }
    fn repeats(earlier: &Self, later: &Self, copies: &Copies) -> bool {
        repeats_rubric(earlier, later, copies)
    }
    fn identifier(&self) -> &str {
        &self.identifier
    }
    fn extra(&self) -> &CaseExtra {
        &self.extra
    }
    fn extra_mut(&mut self) -> &mut CaseExtra {
        &mut self.extra
    }
    /// As [`rubrics_as_read`], a criterion's item named in each copy otherwise (by
    /// identifier in one, by `uri` in the other) read as one link holding both when both
    /// name one node ([`Copies::join_item_links`]), as an association's ends are.
    fn as_read(earlier: &Self, later: &Self, copies: &Copies) -> (Self, Self) {
        let (mut earlier, mut later) = rubrics_as_read(earlier, later, copies);
        for (was, criterion) in earlier.criteria.iter_mut().zip(&mut later.criteria) {
            copies.join_item_links(&mut was.item_uri, &mut criterion.item_uri);
        }
        (earlier, later)
    }
    /// The criteria as read: a criterion's item compared by the node it names, however
    /// each copy names it (case/91), its other fields as read.
    fn same_content(earlier: Read<'_, Self>, later: Read<'_, Self>, _: &Copies) -> bool {
        same(earlier.1, later.1, "CFRubricCriteria")
    }
    /// Each criterion's item link (by the criterion's identifier, as [`key`] reads it)
    /// given the fields the copy's link for the same node writes and it does not.
    fn join_links(&mut self, copy: &Self, copies: &Copies) {
        for criterion in &mut self.criteria {
            let Some(id) = non_blank(&criterion.identifier).map(key) else {
                continue;
            };
            let theirs = (copy.criteria.iter())
                .find(|c| non_blank(&c.identifier).is_some_and(|i| key(i) == id));
            if let Some(mut other) = theirs.map(|c| c.item_uri.clone()) {
                copies.join_item_links(&mut criterion.item_uri, &mut other);
            }
        }
    }
    fn take_typed(&mut self, from: &Self, field: &str) {
        match field {
            "uri" => self.uri.clone_from(&from.uri),
            "title" => self.title.clone_from(&from.title),
            "description" => self.description.clone_from(&from.description),
            "lastChangeDateTime" => self
                .last_change_date_time
                .clone_from(&from.last_change_date_time),
            _ => {}
        }
    }
}

/// Whether a copy says something in a field: it holds something as the import reads it
/// (`read`), or as written (`written`: a `CFDocumentURI` naming the package's own
/// document, which the import neither keeps nor reports, says which document the copy
/// belongs to, so another copy naming another document differs from it).
fn says(read: Option<&Value>, written: Option<&Value>) -> bool {
    read.is_some()
        || written
            .is_some_and(|v| !holds_nothing(v) && v.as_str().is_none_or(|t| non_blank(t).is_some()))
}

/// An element's fields as JSON, by name: its typed fields that are written and the
/// fields kept in its `extra` (the form the package serializes to).
fn fields<T: Serialize>(element: &T) -> Map<String, Value> {
    match serde_json::to_value(element) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

/// The places (indices in the package's lists) of the later copies joined into an
/// earlier one, which the import sets aside as repeats.
#[derive(Default)]
pub(super) struct Joined {
    pub(super) items: HashSet<usize>,
    pub(super) associations: HashSet<usize>,
    pub(super) rubrics: HashSet<usize>,
}

/// Joins the copies of each item, association and rubric in `package` (whose document
/// is `document`) that agree on what identifies their content (see the module docs).
/// Returns the package to import (borrowed when nothing was joined: its first copies
/// hold the joined elements), the later copies joined, and a report entry for every
/// value set aside. O(n log n) in the size of the package's elements: each copy is
/// compared with the fields of the joined element that it writes.
pub(super) fn join<'p>(
    package: &'p CasePackage,
    document: &CaseDocument,
) -> (Cow<'p, CasePackage>, Joined, Vec<CaseDroppedField>) {
    let mut notes = Vec::new();
    let mut joined = Joined::default();
    let items = join_list(
        &package.items,
        |i| package.null_items.written(i),
        (&Copies::of(package, document), &mut joined.items),
        &mut notes,
    );
    let mut package = Cow::Borrowed(package);
    if !items.is_empty() {
        let to = package.to_mut();
        for (i, item) in items {
            to.items[i] = item;
        }
    }
    // Ends resolve among the items as the import keeps them, their copies joined.
    let (associations, rubrics) = {
        let copies = Copies::resolving(&package, document);
        let associations = join_list(
            &package.associations,
            |i| package.null_associations.written(i),
            (&copies, &mut joined.associations),
            &mut notes,
        );
        let rubrics = join_list(
            &package.rubrics,
            |i| package.null_rubrics.written(i),
            (&copies, &mut joined.rubrics),
            &mut notes,
        );
        (associations, rubrics)
    };
    if !associations.is_empty() || !rubrics.is_empty() {
        let to = package.to_mut();
        for (i, association) in associations {
            to.associations[i] = association;
        }
        for (i, rubric) in rubrics {
            to.rubrics[i] = rubric;
        }
    }
    (package, joined, notes)
}

/// [`join`] for one list: each joined element with the place of its first copy; the
/// places of the later copies joined go into `joined`. Copies that only repeat the first
/// whole are left to the import, which sets them aside. `written` gives an element's
/// place as written.
fn join_list<T: Joinable>(
    list: &[T],
    written: impl Fn(usize) -> usize,
    (copies, joined): (&Copies, &mut HashSet<usize>),
    notes: &mut Vec<CaseDroppedField>,
) -> Vec<(usize, T)> {
    let mut by_key: HashMap<Cow<'_, str>, Vec<usize>> = HashMap::new();
    let mut keys = Vec::new();
    for (i, element) in list.iter().enumerate() {
        if non_blank(element.identifier()).is_some() {
            let k = key(element.identifier());
            let at = by_key.entry(k.clone()).or_default();
            if at.is_empty() {
                keys.push(k);
            }
            at.push(i);
        }
    }
    let mut out = Vec::new();
    // In the order the identifiers first appear, so the report's entries are too.
    for k in &keys {
        let at = &by_key[k];
        if at.len() < 2 {
            continue;
        }
        if let Some((one, later)) = join_copies(list, at, &written, copies, notes) {
            joined.extend(later);
            out.push((at[0], one));
        }
    }
    out
}

/// `element` with, of its `extra`, only the fields `other` writes there and those named
/// as a typed field: what comparing it with `other` field by field needs. O(size of
/// `other`, log size of `element`).
fn beside<T: Joinable>(element: &T, other: &T) -> T {
    let mut part = element.clone_without_extra();
    let names = other
        .extra()
        .keys()
        .map(String::as_str)
        .chain(T::TYPED.iter().copied());
    for name in names {
        if let Some(value) = element.extra().get(name) {
            part.extra_mut().insert(name.to_owned(), value.clone());
        }
    }
    part
}

/// Joins the copies of one element at places `at` (its first copy first): the joined
/// element and the places of the later copies read into it, or `None` when every later
/// copy repeats the first whole or none agrees with it on its content.
pub(super) fn join_copies<T: Joinable>(
    list: &[T],
    at: &[usize],
    written: &impl Fn(usize) -> usize,
    copies: &Copies,
    notes: &mut Vec<CaseDroppedField>,
) -> Option<(T, Vec<usize>)> {
    let place = |i: usize| format!("{}[{}]", T::LIST, written(i));
    let first = &list[at[0]];
    let mut one = first.clone();
    // The copy whose value each field holds, when it is not the first's.
    let mut source: BTreeMap<String, usize> = BTreeMap::new();
    let (mut joined, mut changed) = (Vec::new(), false);
    for &i in &at[1..] {
        let copy = &list[i];
        if T::repeats(first, copy, copies) {
            joined.push(i);
            continue;
        }
        let kept = beside(&one, copy);
        let (kept_as_read, copy_as_read) = T::as_read(&kept, copy, copies);
        let (kept_read, copy_read) = (fields(&kept_as_read), fields(&copy_as_read));
        let (earlier, later) = ((&kept_as_read, &kept_read), (&copy_as_read, &copy_read));
        if !T::same_content(earlier, later, copies) {
            continue;
        }
        joined.push(i);
        changed = true;
        one.join_links(copy, copies);
        let (kept_written, copy_written) = (fields(&kept), fields(copy));
        let kept_maps = (&kept_read, &kept_written);
        for (field, take) in differences(kept_maps, (&copy_read, &copy_written)) {
            if take {
                one.take_typed(copy, field);
                match copy.extra().get(field) {
                    Some(v) => one.extra_mut().insert(field.clone(), v.clone()),
                    None => one.extra_mut().remove(field),
                };
                source.insert(field.clone(), i);
                continue;
            }
            let kept_at = |source: &BTreeMap<String, usize>, path: &str| {
                let from = source.get(path).or_else(|| source.get(field.as_str()));
                place(from.copied().unwrap_or(at[0]))
            };
            let (Some(end), Some(from)) = (one.link_mut(field), copy.link(field)) else {
                let (kept_at, at) = (kept_at(&source, field), place(i));
                let path = (field.as_str(), field.as_str());
                notes.push(differs(
                    first,
                    path,
                    (&copy_written, at),
                    (&kept_written, kept_at),
                ));
                continue;
            };
            // An end both copies write, naming one node: joined field by field, as the
            // association's own fields are.
            let of = |map: &Map<String, Value>| {
                (map.get(field).and_then(Value::as_object).cloned()).unwrap_or_default()
            };
            let (kept_end, copy_end) = (
                (of(&kept_read), of(&kept_written)),
                (of(&copy_read), of(&copy_written)),
            );
            let (kept_end, copy_end) = ((&kept_end.0, &kept_end.1), (&copy_end.0, &copy_end.1));
            for (part, take) in differences(kept_end, copy_end) {
                let path = format!("{field}.{part}");
                if take {
                    take_link_field(end, from, part);
                    source.insert(path, i);
                } else {
                    let (kept_at, at) = (kept_at(&source, &path), place(i));
                    let path = (path.as_str(), part.as_str());
                    notes.push(differs(
                        first,
                        path,
                        (copy_end.1, at),
                        (kept_end.1, kept_at),
                    ));
                }
            }
        }
    }
    changed.then_some((one, joined))
}

/// The fields a copy (as read, as written) says something in that the element it is
/// joined into (`kept`, likewise) does not say the same in, in byte order, each with
/// whether `kept` says nothing there (the field is then taken from the copy).
fn differences<'m>(
    (kept_read, kept_written): (&Map<String, Value>, &Map<String, Value>),
    (copy_read, copy_written): (&'m Map<String, Value>, &'m Map<String, Value>),
) -> Vec<(&'m String, bool)> {
    let names: BTreeSet<&String> = copy_read.keys().chain(copy_written.keys()).collect();
    let differ = |field: &'m String| {
        let (held, value) = (kept_read.get(field), copy_read.get(field));
        (says(value, copy_written.get(field)) && held != value)
            .then(|| (field, !says(held, kept_written.get(field))))
    };
    names.into_iter().filter_map(differ).collect()
}

/// The report entry for the value a copy at place `at` writes in field `name` of `copy`
/// (its fields as written: the element's, or one link's), set aside for the value of the
/// copy at `kept_at` in `kept`; both values as written. `path` names the field in the
/// report: `name`, or the link's and `name` (`destinationNodeURI.uri`).
fn differs<T: Joinable>(
    first: &T,
    (path, name): (&str, &str),
    (copy, at): (&Map<String, Value>, String),
    (kept, kept_at): (&Map<String, Value>, String),
) -> CaseDroppedField {
    let text = |map: &Map<String, Value>| map.get(name).map(json_text);
    CaseDroppedField {
        element: T::ELEMENT,
        identifier: first.identifier().to_owned(),
        field: path.to_owned(),
        reason: CaseFieldReason::CopyDiffers,
        copy: Some(CaseCopyValues {
            at,
            value: text(copy).unwrap_or_default(),
            kept_at,
            kept: text(kept).unwrap_or_default(),
        }),
    }
}

/// Sets the field `field` of link `to` (the JSON name: `uri`, `targetType`) as `from`
/// has it.
fn take_link_field(to: &mut CaseLink, from: &CaseLink, field: &str) {
    match field {
        "title" => to.title.clone_from(&from.title),
        "identifier" => to.identifier.clone_from(&from.identifier),
        "uri" => to.uri.clone_from(&from.uri),
        _ => {
            match from.extra.get(field) {
                Some(v) => to.extra.insert(field.to_owned(), v.clone()),
                None => to.extra.remove(field),
            };
        }
    }
}
