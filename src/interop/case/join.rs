//! Copies of one element read as one: an item, association or rubric written again under
//! an earlier one's identifier that agrees with it on what identifies its content, but
//! not on every other field (case/88: Smarter Balanced's server lists an item twice,
//! `abbreviatedStatement` `Evidence Required 1` with its `CFItemType` in one copy,
//! `Evidence Required 2` without a type in the other).
//!
//! What identifies the content: an item's `fullStatement`, which CASE requires and which
//! is the statement itself; an association's `associationType` and the `identifier` and
//! `uri` of both ends; a rubric's `CFRubricCriteria`, whose levels become a competency's
//! proficiency levels (two lists under one identifier would be two scales, and which one
//! holds is unknowable). Each compared as the import reads it (as [`super::repeats`]
//! compares whole repeats). Copies that disagree there are left as they are, for the
//! import to refuse as duplicate identifiers naming both places.
//!
//! Copies that agree are joined, in the order the package lists them: a field written
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
    CaseAssociation, CaseDocument, CaseExtra, CaseItem, CasePackage, CaseRubric,
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
    /// Whether two copies, as read and as field maps, agree on what identifies their
    /// content.
    fn same_content(earlier: &Map<String, Value>, later: &Map<String, Value>) -> bool;
    /// Sets the typed field named `field` (the JSON name) as `from` has it.
    fn take_typed(&mut self, from: &Self, field: &str);
}

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
    fn same_content(earlier: &Map<String, Value>, later: &Map<String, Value>) -> bool {
        same(earlier, later, "fullStatement")
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
    /// The type and the node each end names: a link's `identifier` and `uri` (its `title`
    /// and other fields are the link's, joined as fields of the association are). An end
    /// written as a URI string naming the node of the other copy's link object reads as
    /// that object's `identifier`, `uri` and `title` ([`associations_as_read`], case/89),
    /// so it is that end.
    fn same_content(earlier: &Map<String, Value>, later: &Map<String, Value>) -> bool {
        let end = |map: &Map<String, Value>, field: &str| match map.get(field) {
            Some(Value::Object(link)) => {
                (link.get("identifier").cloned(), link.get("uri").cloned())
            }
            other => (other.cloned(), None),
        };
        same(earlier, later, "associationType")
            && ["originNodeURI", "destinationNodeURI"]
                .iter()
                .all(|field| end(earlier, field) == end(later, field))
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
    fn as_read(earlier: &Self, later: &Self, copies: &Copies) -> (Self, Self) {
        rubrics_as_read(earlier, later, copies)
    }
    fn same_content(earlier: &Map<String, Value>, later: &Map<String, Value>) -> bool {
        same(earlier, later, "CFRubricCriteria")
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
    let copies = Copies::of(package, document);
    let mut notes = Vec::new();
    let mut joined = Joined::default();
    let items = join_list(
        &package.items,
        |i| package.null_items.written(i),
        (&copies, &mut joined.items),
        &mut notes,
    );
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
    if items.is_empty() && associations.is_empty() && rubrics.is_empty() {
        return (Cow::Borrowed(package), joined, notes);
    }
    let mut package = package.clone();
    for (i, item) in items {
        package.items[i] = item;
    }
    for (i, association) in associations {
        package.associations[i] = association;
    }
    for (i, rubric) in rubrics {
        package.rubrics[i] = rubric;
    }
    (Cow::Owned(package), joined, notes)
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
        let (kept_read, copy_read) = T::as_read(&kept, copy, copies);
        let (kept_read, copy_read) = (fields(&kept_read), fields(&copy_read));
        if !T::same_content(&kept_read, &copy_read) {
            continue;
        }
        joined.push(i);
        changed = true;
        let (kept_written, copy_written) = (fields(&kept), fields(copy));
        let names: BTreeSet<&String> = copy_read.keys().chain(copy_written.keys()).collect();
        for field in names {
            let (held, value) = (kept_read.get(field), copy_read.get(field));
            if !says(value, copy_written.get(field)) || held == value {
                continue;
            }
            if !says(held, kept_written.get(field)) {
                one.take_typed(copy, field);
                match copy.extra().get(field) {
                    Some(v) => one.extra_mut().insert(field.clone(), v.clone()),
                    None => one.extra_mut().remove(field),
                };
                source.insert(field.clone(), i);
                continue;
            }
            let text = |map: &Map<String, Value>| map.get(field).map(json_text);
            notes.push(CaseDroppedField {
                element: T::ELEMENT,
                identifier: first.identifier().to_owned(),
                field: field.clone(),
                reason: CaseFieldReason::CopyDiffers,
                copy: Some(CaseCopyValues {
                    at: place(i),
                    value: text(&copy_written).unwrap_or_default(),
                    kept_at: place(source.get(field).copied().unwrap_or(at[0])),
                    kept: text(&kept_written).unwrap_or_default(),
                }),
            });
        }
    }
    changed.then_some((one, joined))
}
