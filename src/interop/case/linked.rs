//! The document of a package without a `CFDocument`: CASE API endpoints answer with items
//! and associations alone (`CFItems`, `CFItemAssociations`), each naming its document in
//! `CFDocumentURI`.

use std::borrow::Cow;

use serde_json::Value;

use super::huge::text as held_text;
use super::node::{key, lone_link, non_blank, uuid_tail};
use crate::Error;
use crate::interop::case::package::{CaseDocument, CasePackage};
use crate::model::order;

/// A `CFDocumentURI` link's identifier (else the UUID its URI ends in), `uri` and
/// `title`, trimmed (of the one link of a list holding one); `None` when it names no
/// identifier.
fn link(value: &Value) -> Option<(&str, &str, &str)> {
    let field = |name: &str| value.get(name).and_then(held_text).unwrap_or_default();
    let (identifier, uri, title) = match value {
        Value::Object(_) => (field("identifier"), field("uri"), field("title")),
        Value::String(_) => ("", held_text(value)?, ""),
        Value::Array(list) => return link(&list[lone_link(list)?]),
        _ => return None,
    };
    let identifier = non_blank(identifier).or_else(|| uuid_tail(uri))?;
    Some((identifier.trim(), uri.trim(), title.trim()))
}

/// The document the package's items and associations name in `CFDocumentURI`, when they
/// all name one (identifiers compared as everywhere in the import): its identifier as the
/// first link writes it, and the first `uri` and `title` the links give. Its `creator` and
/// `lastChangeDateTime` are unknown, and the import reports them missing.
///
/// # Errors
/// [`Error::CaseMissingDocument`] naming the documents when the links name several.
///
/// # Complexity
/// O(n log n) in the package's n items and associations.
pub(super) fn linked_document(package: &CasePackage) -> Result<Option<CaseDocument>, Error> {
    let extras = (package.items.iter().map(|i| &i.extra))
        .chain(package.associations.iter().map(|a| &a.extra));
    let links: Vec<(&str, &str, &str)> = extras
        .filter_map(|extra| link(extra.get("CFDocumentURI")?))
        .collect();
    let mut named: Vec<(Cow<'_, str>, &str)> = links.iter().map(|l| (key(l.0), l.0)).collect();
    // Stable: of the spellings of one identifier, the first met stays.
    order::sort_by(&mut named, |a, b| a.0.cmp(&b.0));
    named.dedup_by(|a, b| a.0 == b.0);
    match named.as_slice() {
        [] => Ok(None),
        [(_, identifier)] => Ok(Some(CaseDocument {
            identifier: (*identifier).to_owned(),
            uri: first_shown(links.iter().map(|l| l.1)),
            title: first_shown(links.iter().map(|l| l.2)),
            ..CaseDocument::default()
        })),
        several => {
            let mut documents: Vec<String> = several.iter().map(|(_, i)| (*i).to_owned()).collect();
            order::sort(&mut documents);
            Err(Error::CaseMissingDocument { documents })
        }
    }
}

/// The first of `texts` that is not empty, or an empty text.
fn first_shown<'a>(mut texts: impl Iterator<Item = &'a str>) -> String {
    texts.find(|t| !t.is_empty()).unwrap_or_default().to_owned()
}
