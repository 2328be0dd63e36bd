//! Finds what the tolerant reader set aside but the import cannot do without: a field named
//! like a CASE field in another case (`Identifier`), and a needed field holding another
//! JSON type (`"fullStatement": 5`). Each is an error naming where it is.

use super::read::{
    ASSOCIATION, CRITERION, DOCUMENT, Extra, ITEM, Known, LEVEL, NODE_LINK, OBJECTS, PACKAGE,
    RUBRIC, classify, fold, json_type,
};
use serde_json::Value;

use super::node::{non_blank, objects_among_nulls};
use crate::Error;
use crate::interop::case::package::{CaseExtra, CaseLink, CasePackage};

/// Reports the misnamed fields of an element and its mistyped needed fields.
fn fields(path: &str, known: &[Known], extra: &CaseExtra, errors: &mut Vec<Error>) {
    for (key, value) in extra {
        match classify(known, key) {
            Extra::WrongType(k) if k.needed => {
                // An array of elements holding something else: name the first such entry.
                let stray = value
                    .as_array()
                    .filter(|_| k.expected == OBJECTS)
                    .and_then(|a| {
                        // A `null` in a list is an absent element, never the stray one.
                        let stray = a.iter().position(|v| !v.is_object() && !v.is_null());
                        stray.map(|i| (i, &a[i]))
                    });
                errors.push(match stray {
                    Some((i, v)) => Error::CaseFieldType {
                        path: format!("{path}.{key}[{i}]"),
                        found: json_type(v),
                        expected: "an object",
                    },
                    None => Error::CaseFieldType {
                        path: format!("{path}.{key}"),
                        found: json_type(value),
                        expected: k.expected,
                    },
                });
            }
            Extra::NearMiss(k) => errors.push(Error::CaseFieldName {
                path: path.to_owned(),
                found: key.clone(),
                expected: k.name,
            }),
            Extra::WrongType(_) | Extra::Unknown => {}
        }
    }
}

/// Reports a link's misnamed fields, and its `identifier` of another JSON type when the
/// link has no `uri` to name its node by (with a `uri`, the link is read from it and the
/// identifier is set aside and reported, as a link written as a URI string is read).
fn link(path: &str, field: &str, link: Option<&CaseLink>, errors: &mut Vec<Error>) {
    let Some(link) = link else { return };
    let path = format!("{path}.{field}");
    fields(&path, NODE_LINK, &link.extra, errors);
    let identifier = link.extra.get("identifier").filter(|v| !v.is_null());
    if let Some(value) = identifier.filter(|_| non_blank(&link.uri).is_none()) {
        errors.push(Error::CaseFieldType {
            path: format!("{path}.identifier"),
            found: json_type(value),
            expected: "a string (or a `uri` naming the node)",
        });
    }
}

/// The documents of a `CFDocument` written as a list of several objects (a `null` among
/// them is an absent one): each by its identifier as written, else by its path.
fn several_documents(extra: &CaseExtra) -> Option<Vec<String>> {
    let list = extra.get("CFDocument")?.as_array()?;
    let documents: Vec<String> = objects_among_nulls(list)?
        .map(|(i, v)| {
            let id = v.get("identifier").and_then(Value::as_str);
            match id.filter(|id| !id.trim().is_empty()) {
                Some(id) => id.to_owned(),
                None => format!("CFDocument[{i}]"),
            }
        })
        .collect();
    (documents.len() > 1).then_some(documents)
}

pub(super) fn check(package: &CasePackage, errors: &mut Vec<Error>) {
    if let Some(documents) = several_documents(&package.extra) {
        // Said once, as what it is, rather than as a field of the wrong type.
        errors.push(Error::CaseSeveralDocuments { documents });
        let mut rest = package.extra.clone();
        rest.remove("CFDocument");
        fields("CFPackage", PACKAGE, &rest, errors);
    } else {
        fields("CFPackage", PACKAGE, &package.extra, errors);
    }
    // A wrapper named in another case is not unwrapped: say so rather than miss the lot.
    if package.document.is_none() {
        let wrapper = package
            .extra
            .keys()
            .find(|k| k.as_str() != "CFPackage" && fold(k) == "cfpackage");
        if let Some(found) = wrapper {
            errors.push(Error::CaseFieldName {
                path: "the document root".to_owned(),
                found: found.clone(),
                expected: "CFPackage",
            });
        }
    }
    if let Some(document) = &package.document {
        fields("CFDocument", DOCUMENT, &document.extra, errors);
    }
    // Each element is named by its position as written, `null`s before it counted.
    for (i, item) in package.items.iter().enumerate() {
        let i = package.null_items.written(i);
        fields(&format!("CFItems[{i}]"), ITEM, &item.extra, errors);
    }
    for (i, a) in package.associations.iter().enumerate() {
        let path = format!("CFAssociations[{}]", package.null_associations.written(i));
        fields(&path, ASSOCIATION, &a.extra, errors);
        link(&path, "originNodeURI", a.origin_node_uri.as_ref(), errors);
        link(
            &path,
            "destinationNodeURI",
            a.destination_node_uri.as_ref(),
            errors,
        );
    }
    for (r, rubric) in package.rubrics.iter().enumerate() {
        let path = format!("CFRubrics[{}]", package.null_rubrics.written(r));
        fields(&path, RUBRIC, &rubric.extra, errors);
        for (c, criterion) in rubric.criteria.iter().enumerate() {
            let c = rubric.null_criteria.written(c);
            let path = format!("{path}.CFRubricCriteria[{c}]");
            fields(&path, CRITERION, &criterion.extra, errors);
            link(&path, "CFItemURI", criterion.item_uri.as_ref(), errors);
            for (l, level) in criterion.levels.iter().enumerate() {
                let l = criterion.null_levels.written(l);
                let path = format!("{path}.CFRubricCriterionLevels[{l}]");
                fields(&path, LEVEL, &level.extra, errors);
            }
        }
    }
}
