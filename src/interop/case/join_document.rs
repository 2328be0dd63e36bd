//! Copies of the document read as one: a `CFDocument` listing one document several times
//! with copies that differ (case/87: a package assembled from the answers of a
//! `CFPackages` endpoint and a `CFDocuments` one, the second without the `description`
//! and `subject` the first writes and with the document's newer `lastChangeDateTime`)
//! is that document, as copies of an item are one item (`super::join`, case/88). Copies
//! saying the same whole are set aside when the package is read
//! ([`super::repeats::one_document`], case/71).
//!
//! What identifies a document's content: its `identifier` and its `title`. CASE 1.1
//! (`CFPckgDocumentDType`) requires `identifier`, `uri`, `creator`, `title` and
//! `lastChangeDateTime`; of these the `title` ("the title of the `CFDocument`") is what
//! names the framework, as an item's `fullStatement` is the statement itself: two titles
//! under one identifier are two frameworks, and which one the items belong to is
//! unknowable. The `uri` says where the document resolves (a server answering under
//! another path writes another), `lastChangeDateTime` when a copy was taken, and
//! `creator` who promulgates it, written more or less fully by different endpoints: none
//! says which framework it is, and each is joined as an item's other fields are. Titles
//! compare as the import reads them (as [`super::repeats`] compares whole repeats).
//!
//! Copies that agree are joined, in the order the package lists them, as `super::join`
//! joins items: a field written in only one copy is taken from it; a field copies write
//! differently keeps the value of the first copy writing it, and every other value is
//! reported ([`CaseFieldReason::CopyDiffers`](crate::CaseFieldReason::CopyDiffers), both
//! copies named by their places in `CFDocument`, `null`s counted). Copies whose titles
//! differ are refused as [`Error::CaseDuplicateIdentifier`], naming both places; copies
//! with different identifiers are several documents
//! ([`Error::CaseSeveralDocuments`](crate::Error::CaseSeveralDocuments)).

use serde_json::{Map, Value};

use super::join::{Joinable, Read, join_copies, same};
use super::node::{key, non_blank, objects_among_nulls};
use super::read::document;
use super::repeats::{Copies, documents_as_read, repeats_document};
use crate::interop::case::package::{CaseDocument, CaseExtra, CasePackage};
use crate::{CaseDroppedField, CaseElement, Error};

impl Joinable for CaseDocument {
    const ELEMENT: CaseElement = CaseElement::Document;
    const LIST: &'static str = "CFDocument";
    const TYPED: &'static [&'static str] = &[
        "identifier",
        "uri",
        "creator",
        "title",
        "lastChangeDateTime",
        "caseVersion",
        "description",
    ];
    fn clone_without_extra(&self) -> Self {
        CaseDocument {
            extra: CaseExtra::new(),
            ..self.clone_typed()
        }
    }
    fn repeats(earlier: &Self, later: &Self, _: &Copies) -> bool {
        repeats_document(earlier, later)
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
    fn as_read(earlier: &Self, later: &Self, _: &Copies) -> (Self, Self) {
        documents_as_read(earlier, later)
    }
    fn same_content(earlier: Read<'_, Self>, later: Read<'_, Self>, _: &Copies) -> bool {
        same(earlier.1, later.1, "title")
    }
    fn take_typed(&mut self, from: &Self, field: &str) {
        match field {
            "uri" => self.uri.clone_from(&from.uri),
            "creator" => self.creator.clone_from(&from.creator),
            "title" => self.title.clone_from(&from.title),
            "lastChangeDateTime" => self
                .last_change_date_time
                .clone_from(&from.last_change_date_time),
            "caseVersion" => self.case_version.clone_from(&from.case_version),
            "description" => self.description.clone_from(&from.description),
            _ => {}
        }
    }
}

impl CaseDocument {
    /// The document's typed fields, without cloning its `extra`.
    fn clone_typed(&self) -> CaseDocument {
        CaseDocument {
            identifier: self.identifier.clone(),
            uri: self.uri.clone(),
            creator: self.creator.clone(),
            title: self.title.clone(),
            last_change_date_time: self.last_change_date_time.clone(),
            case_version: self.case_version.clone(),
            description: self.description.clone(),
            extra: CaseExtra::new(),
        }
    }
}

/// `package` with the copies of its document joined (see the module docs), when its
/// `CFDocument` lists several objects with one identifier (as [`key`] reads it), and a
/// report entry for every value set aside; `None` otherwise (one document, or several
/// with different identifiers, which the import refuses as several documents). Copies
/// whose titles differ are each an error in `errors`, and the package returned then
/// holds the first copy, so that the import goes on to report every other problem.
///
/// The package returned has the joined document as its [`CasePackage::document`], no
/// `CFDocument` among its other fields, and the later copies' identifiers, as written, in
/// [`CasePackage::repeated_documents`], for the import to report as repeats. O(size of
/// the package) when it has such copies (it is cloned), O(1) otherwise.
pub(super) fn join_document(
    package: &CasePackage,
    errors: &mut Vec<Error>,
) -> Option<(CasePackage, Vec<CaseDroppedField>)> {
    if package.document.is_some() {
        return None;
    }
    let list = package.extra.get("CFDocument")?.as_array()?;
    let (places, copies): (Vec<usize>, Vec<CaseDocument>) = objects_among_nulls(list)?
        .filter_map(|(i, v)| Some((i, document(v.as_object()?.clone()))))
        .unzip();
    let first = copies.first()?;
    let one = non_blank(&first.identifier).map(key);
    if copies.len() < 2 || one.is_none() || copies.iter().any(|c| Some(key(&c.identifier)) != one) {
        return None;
    }
    let place = |i: usize| format!("CFDocument[{}]", places[i]);
    let fields = |d: &CaseDocument| match serde_json::to_value(d) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    };
    let mut refused = false;
    for (i, copy) in copies.iter().enumerate().skip(1) {
        let (earlier, later) = documents_as_read(first, copy);
        if !same(&fields(&earlier), &fields(&later), "title") {
            refused = true;
            errors.push(Error::CaseDuplicateIdentifier {
                identifier: copy.identifier.clone(),
                path: place(i),
                earlier: first.identifier.clone(),
                earlier_path: place(0),
            });
        }
    }
    let mut notes = Vec::new();
    let at: Vec<usize> = (0..copies.len()).collect();
    let joined = if refused {
        None
    } else {
        let copies_of = Copies::of(package, first);
        join_copies(&copies, &at, &|i| places[i], &copies_of, &mut notes)
    };
    let mut out = package.clone();
    out.extra.remove("CFDocument");
    out.document = Some(joined.map_or_else(|| first.clone(), |(one, _)| one));
    if !refused {
        let later = copies[1..].iter().map(|c| c.identifier.clone());
        out.repeated_documents.extend(later);
    }
    Some((out, notes))
}
