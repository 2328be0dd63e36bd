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
//! (`Is Child Of`), and a rubric's criteria or levels listed in another order (case/70).
//! Any other field differing makes the element a duplicate. A `CFDocument` listing one
//! document several times is that document ([`one_document`], case/71).

use super::node::{CHILD_OF, is_child_of, key, non_blank};
use super::reporter::{holds_nothing, link_holds_nothing, names};
use serde_json::{Map, Value};

use super::read::document;
use crate::interop::case::package::{
    CaseAssociation, CaseDocument, CaseExtra, CaseItem, CaseLink, CaseRubric,
};

/// Whether item `later` repeats `earlier` whole in a package whose document's
/// identifier is `document` (see the module docs). O(size of the items).
pub(super) fn repeats_item(earlier: &CaseItem, later: &CaseItem, document: &str) -> bool {
    earlier == later || {
        let (mut earlier, mut later) = (earlier.clone(), later.clone());
        later.identifier.clone_from(&earlier.identifier);
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
            extra_as_read(&mut item.extra, document);
        }
        earlier == later
    }
}

/// [`repeats_item`] for associations, whose node links' identifiers may be spelled
/// otherwise too. O(size of the associations).
pub(super) fn repeats_association(
    earlier: &CaseAssociation,
    later: &CaseAssociation,
    document: &str,
) -> bool {
    if earlier == later {
        return true;
    }
    let (mut earlier, mut later) = (earlier.clone(), later.clone());
    later.identifier.clone_from(&earlier.identifier);
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
        extra_as_read(&mut a.extra, document);
    }
    earlier == later
}

/// [`repeats_item`] for rubrics, whose criteria's and levels' identifiers and criteria's
/// item links may be spelled otherwise too (case/65). O(size of the rubrics).
pub(super) fn repeats_rubric(earlier: &CaseRubric, later: &CaseRubric, document: &str) -> bool {
    if earlier == later {
        return true;
    }
    let (mut earlier, mut later) = (earlier.clone(), later.clone());
    later.identifier.clone_from(&earlier.identifier);
    for rubric in [&mut earlier, &mut later] {
        in_identifier_order(rubric);
    }
    for (criterion, was) in later.criteria.iter_mut().zip(&earlier.criteria) {
        respell(&mut criterion.identifier, &was.identifier);
        respell_link(criterion.item_uri.as_mut(), was.item_uri.as_ref());
        if let (Some(rubric), Some(was)) = (&mut criterion.rubric_id, &was.rubric_id) {
            respell(rubric, was);
        }
        for (level, was) in criterion.levels.iter_mut().zip(&was.levels) {
            respell(&mut level.identifier, &was.identifier);
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
    earlier == later
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
    let first = as_read(&read[0], &read[0].identifier);
    if !(read[1..].iter()).all(|d| as_read(d, &read[0].identifier) == first) {
        return Vec::new();
    }
    let repeats = read[1..].iter().map(|d| d.identifier.clone()).collect();
    let kept = Value::Object(objects[0].clone());
    map.insert("CFDocument".to_owned(), kept);
    repeats
}

/// `document` with its identifier spelled `spelling` when the two are one identifier, and
/// without the fields that hold nothing.
fn as_read(document: &CaseDocument, spelling: &str) -> CaseDocument {
    let mut read = document.clone();
    respell(&mut read.identifier, spelling);
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
/// the package's document `document`: what the import neither keeps nor reports.
fn extra_as_read(extra: &mut CaseExtra, document: &str) {
    extra.retain(|field, value| {
        !(holds_nothing(value) || field == "CFDocumentURI" && names(value, document))
    });
}

/// `link` without the fields that hold nothing; absent when nothing is left.
fn link_as_read(link: &mut Option<CaseLink>) {
    if let Some(l) = link {
        if link_holds_nothing(l) {
            *link = None;
        } else {
            l.extra.retain(|_, value| !holds_nothing(value));
        }
    }
}
