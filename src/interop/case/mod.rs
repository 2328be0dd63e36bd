//! CASE 1.1 competency packages: `package` holds the public package types and export
//! options, `import` the public import options and report. This file checks a package,
//! resolves its links and works out what each item becomes; `read` reads JSON tolerantly,
//! `shape` finds misnamed and mistyped fields, `tree` works out the `isChildOf` structure,
//! `scale` maps rubric levels, `map` builds the spec and the report, `export` writes
//! packages, `uuid` checks and derives identifiers.

mod export;
mod identifiers;
pub(crate) mod import;
mod map;
pub(crate) mod package;
pub(crate) mod read;
mod scale;
mod shape;
mod tree;
mod uuid;

pub(crate) use export::export;

use std::borrow::Cow;
use std::collections::HashMap;

use self::map::{Assembly, Reporter};
use self::read::mentions;
use self::tree::{Tree, child_of_cycles, child_of_tree};
use self::uuid::is_uuid_shaped;
use crate::interop::case::import::{
    CaseIds, CaseImport, CaseImportOptions, CaseImportReport, CaseItemMapping, CaseTypeSource,
    type_key,
};
use crate::interop::case::package::{
    CaseAssociation, CaseDocument, CaseExtra, CaseItem, CaseLink, CasePackage,
};
use crate::model::quote::has_hidden;
use crate::model::validate::hidden_character;
use crate::{CaseElement, EntityKind, Error, Errors};

const CHILD_OF: &str = "isChildOf";

fn non_blank(text: &str) -> Option<&str> {
    (!text.trim().is_empty()).then_some(text)
}

fn opt_non_blank(text: Option<&String>) -> Option<&str> {
    text.map(String::as_str).and_then(non_blank)
}

/// The name an item gives its competency or group: the abbreviated statement, else the
/// full one.
fn item_name(item: &CaseItem) -> &str {
    opt_non_blank(item.abbreviated_statement.as_ref()).unwrap_or(&item.full_statement)
}

/// How identifiers are compared: a UUID in lowercase (RFC 9562 compares them without
/// regard to case), anything else as written.
fn key(identifier: &str) -> Cow<'_, str> {
    if is_uuid_shaped(identifier) && identifier.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(identifier.to_ascii_lowercase())
    } else {
        Cow::Borrowed(identifier)
    }
}

/// What a link points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Node {
    Item(usize),
    Document,
    /// Nothing in the package: a crosswalk, or a link the package cannot resolve.
    Outside,
}

/// An association with both ends resolved.
struct Assoc<'p> {
    a: &'p CaseAssociation,
    origin: Node,
    destination: Node,
}

/// The package's uniquely identified items and complete associations.
struct Parsed<'p> {
    items: Vec<&'p CaseItem>,
    index: HashMap<Cow<'p, str>, usize>,
    uris: HashMap<&'p str, Node>,
    document: Option<Cow<'p, str>>,
    assocs: Vec<Assoc<'p>>,
}

impl Parsed<'_> {
    /// The node a link names: by identifier; else by a `uri` of the package; else by a
    /// UUID at the end of the uri (CASE 1.0 links are plain URIs). `None` when the link
    /// names nothing at all.
    fn resolve(&self, link: &CaseLink) -> Option<Node> {
        let by_key = |id: &str| {
            let id = key(id);
            if let Some(&i) = self.index.get(&id) {
                Node::Item(i)
            } else if self.document.as_deref() == Some(&*id) {
                Node::Document
            } else {
                Node::Outside
            }
        };
        if let Some(id) = non_blank(&link.identifier) {
            return Some(by_key(id));
        }
        let uri = non_blank(&link.uri)?.trim();
        if let Some(&node) = self.uris.get(uri) {
            return Some(node);
        }
        let path = uri.split(['?', '#']).next().unwrap_or_default();
        let tail = path
            .trim_end_matches('/')
            .rsplit(['/', ':'])
            .next()
            .unwrap_or_default();
        Some(if is_uuid_shaped(tail) {
            by_key(tail)
        } else {
            Node::Outside
        })
    }
}

/// Identifiers met so far; each duplicate is reported once.
#[derive(Default)]
struct Seen<'p>(HashMap<Cow<'p, str>, bool>);

impl<'p> Seen<'p> {
    /// The identifier's key when present and new; reports it as missing (unless `extra`
    /// holds it under another type or name, reported apart) or duplicate otherwise.
    fn first(
        &mut self,
        (id, extra): (&'p str, &CaseExtra),
        element: CaseElement,
        path: impl FnOnce() -> String,
        errors: &mut Vec<Error>,
    ) -> Option<Cow<'p, str>> {
        if non_blank(id).is_none() {
            if !mentions(extra, "identifier") {
                errors.push(Error::CaseMissingIdentifier {
                    element,
                    path: path(),
                });
            }
            return None;
        }
        let k = key(id);
        match self.0.get_mut(&k) {
            None => {
                self.0.insert(k.clone(), false);
                Some(k)
            }
            Some(reported) => {
                if !*reported {
                    errors.push(Error::CaseDuplicateIdentifier {
                        identifier: id.to_owned(),
                    });
                    *reported = true;
                }
                None
            }
        }
    }
}

fn missing(element: CaseElement, identifier: &str, field: &'static str) -> Error {
    Error::CaseMissingField {
        element,
        identifier: identifier.to_owned(),
        field,
    }
}

/// Checks identifiers (present, unique across the package) and required fields, and
/// resolves every association's ends.
fn parse<'p>(
    package: &'p CasePackage,
    document: &'p CaseDocument,
    errors: &mut Vec<Error>,
) -> Parsed<'p> {
    let mut seen = Seen::default();
    let doc_key = non_blank(&document.identifier).map(key);
    if let Some(k) = &doc_key {
        seen.0.insert(k.clone(), false);
    }
    let mut parsed = Parsed {
        items: Vec::new(),
        index: HashMap::new(),
        uris: HashMap::new(),
        document: doc_key,
        assocs: Vec::new(),
    };
    if let Some(uri) = non_blank(&document.uri) {
        parsed.uris.insert(uri.trim(), Node::Document);
    }
    for (i, item) in package.items.iter().enumerate() {
        let path = || format!("CFItems[{i}]");
        let identifier = (item.identifier.as_str(), &item.extra);
        let Some(k) = seen.first(identifier, CaseElement::Item, path, errors) else {
            continue;
        };
        if non_blank(&item.full_statement).is_none() && !mentions(&item.extra, "fullStatement") {
            errors.push(missing(
                CaseElement::Item,
                &item.identifier,
                "fullStatement",
            ));
        }
        if let Some(uri) = non_blank(&item.uri) {
            parsed
                .uris
                .entry(uri.trim())
                .or_insert(Node::Item(parsed.items.len()));
        }
        parsed.index.insert(k, parsed.items.len());
        parsed.items.push(item);
    }
    let complete = complete_associations(package, &mut seen, errors);
    rubric_identifiers(package, &mut seen, errors);
    for a in complete {
        let end = |link: &Option<CaseLink>| {
            link.as_ref()
                .and_then(|l| parsed.resolve(l))
                .unwrap_or(Node::Outside)
        };
        let (origin, destination) = (end(&a.origin_node_uri), end(&a.destination_node_uri));
        parsed.assocs.push(Assoc {
            a,
            origin,
            destination,
        });
    }
    parsed
}

/// The associations with an identifier, a type and both ends; reports what the others
/// lack.
fn complete_associations<'p>(
    package: &'p CasePackage,
    seen: &mut Seen<'p>,
    errors: &mut Vec<Error>,
) -> Vec<&'p CaseAssociation> {
    let mut complete = Vec::new();
    for (i, a) in package.associations.iter().enumerate() {
        let path = || format!("CFAssociations[{i}]");
        let identifier = (a.identifier.as_str(), &a.extra);
        if seen
            .first(identifier, CaseElement::Association, path, errors)
            .is_none()
        {
            continue;
        }
        let id = a.identifier.as_str();
        let mut ok = true;
        if non_blank(&a.association_type).is_none() {
            if !mentions(&a.extra, "associationType") {
                errors.push(missing(CaseElement::Association, id, "associationType"));
            }
            ok = false;
        }
        for (link, field) in [
            (&a.origin_node_uri, "originNodeURI"),
            (&a.destination_node_uri, "destinationNodeURI"),
        ] {
            let named = link
                .as_ref()
                .is_some_and(|l| non_blank(&l.identifier).is_some() || non_blank(&l.uri).is_some());
            let aside = mentions(&a.extra, field)
                || link
                    .as_ref()
                    .is_some_and(|l| mentions(&l.extra, "identifier"));
            if !named && !aside {
                errors.push(missing(CaseElement::Association, id, field));
            }
            ok &= named;
        }
        if ok {
            complete.push(a);
        }
    }
    complete
}

/// Checks the identifiers of rubrics, criteria and levels.
fn rubric_identifiers<'p>(package: &'p CasePackage, seen: &mut Seen<'p>, errors: &mut Vec<Error>) {
    for (r, rubric) in package.rubrics.iter().enumerate() {
        let path = || format!("CFRubrics[{r}]");
        let identifier = (rubric.identifier.as_str(), &rubric.extra);
        seen.first(identifier, CaseElement::Rubric, path, errors);
        for (c, criterion) in rubric.criteria.iter().enumerate() {
            let path = || format!("CFRubrics[{r}].CFRubricCriteria[{c}]");
            let identifier = (criterion.identifier.as_str(), &criterion.extra);
            seen.first(identifier, CaseElement::Criterion, path, errors);
            for (l, level) in criterion.levels.iter().enumerate() {
                let path =
                    || format!("CFRubrics[{r}].CFRubricCriteria[{c}].CFRubricCriterionLevels[{l}]");
                let identifier = (level.identifier.as_str(), &level.extra);
                seen.first(identifier, CaseElement::Level, path, errors);
            }
        }
    }
}

/// An item's type, where it came from, and what it became.
#[derive(Clone, Debug)]
struct Typed {
    label: Option<String>,
    source: CaseTypeSource,
    mapping: CaseItemMapping,
    by_default: bool,
}

/// The titles of the `CFDefinitions` item types, by identifier key.
fn defined_types(package: &CasePackage) -> HashMap<String, String> {
    let types = package
        .extra
        .get("CFDefinitions")
        .and_then(|d| d.get("CFItemTypes"))
        .and_then(serde_json::Value::as_array);
    types
        .into_iter()
        .flatten()
        .filter_map(|t| {
            let id = t.get("identifier")?.as_str()?;
            let title = t.get("title")?.as_str().and_then(non_blank)?;
            Some((key(id).into_owned(), title.trim().to_owned()))
        })
        .collect()
}

/// What each item becomes: its type from `CFItemType`, else from `CFItemTypeURI`'s title
/// (or the title of the definition it links to), mapped by the options or by default.
fn classify(
    package: &CasePackage,
    parsed: &Parsed<'_>,
    tree: &Tree,
    options: &CaseImportOptions,
) -> Vec<Typed> {
    let definitions = defined_types(package);
    parsed
        .items
        .iter()
        .zip(&tree.has_children)
        .map(|(item, &has_children)| {
            let direct = opt_non_blank(item.item_type.as_ref()).map(|t| t.trim().to_owned());
            let linked = item.item_type_uri.as_ref().and_then(|l| {
                non_blank(&l.title)
                    .map(|t| t.trim().to_owned())
                    .or_else(|| definitions.get(&*key(l.identifier.trim())).cloned())
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
            let configured = label
                .as_deref()
                .and_then(|t| options.item_types.get(&type_key(t)));
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

/// The id each carried item gets; repeated ids are reported once each, per kind.
fn item_ids(
    parsed: &Parsed<'_>,
    types: &[Typed],
    carried: &[bool],
    options: &CaseImportOptions,
    errors: &mut Vec<Error>,
) -> Vec<Option<String>> {
    let mut seen: HashMap<(bool, String), bool> = HashMap::new();
    let mut ids = Vec::with_capacity(parsed.items.len());
    for ((item, typed), &carried) in parsed.items.iter().zip(types).zip(carried) {
        let is_group = matches!(typed.mapping, CaseItemMapping::Group(_));
        if !carried {
            ids.push(None);
            continue;
        }
        let coded = match options.ids {
            CaseIds::HumanCodingScheme => opt_non_blank(item.human_coding_scheme.as_ref()),
            CaseIds::Identifier => None,
        };
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
        match seen.get_mut(&(is_group, id.clone())) {
            None => {
                seen.insert((is_group, id.clone()), false);
                ids.push(Some(id));
            }
            Some(reported) => {
                if !*reported {
                    errors.push(Error::DuplicateId {
                        kind,
                        id: id.clone(),
                    });
                    *reported = true;
                }
                ids.push(None);
            }
        }
    }
    ids
}

pub(crate) fn import(
    package: &CasePackage,
    options: &CaseImportOptions,
) -> Result<CaseImport, Errors> {
    let mut errors = scale::check_rule(&options.level_rule);
    shape::check(package, &mut errors);
    let no_document = CaseDocument::default();
    let document = if let Some(document) = &package.document {
        if non_blank(&document.identifier).is_none() && !mentions(&document.extra, "identifier") {
            errors.push(Error::CaseMissingIdentifier {
                element: CaseElement::Document,
                path: "CFDocument".to_owned(),
            });
        }
        document
    } else {
        let wrapped = package
            .extra
            .keys()
            .any(|k| k.eq_ignore_ascii_case("cfpackage"));
        if !mentions(&package.extra, "CFDocument") && !wrapped {
            errors.push(Error::CaseMissingDocument);
        }
        &no_document
    };
    let parsed = parse(package, document, &mut errors);
    let tree = child_of_tree(&parsed);
    child_of_cycles(&parsed, &tree, &mut errors);
    let types = classify(package, &parsed, &tree, options);
    let mut reporter = Reporter {
        report: CaseImportReport {
            document: document.clone(),
            ..CaseImportReport::default()
        },
        scales: Vec::new(),
    };
    let levels = scale::rubric_levels(package, &parsed, &types, options, &mut reporter);
    let carried: Vec<bool> = types
        .iter()
        .zip(&levels)
        .map(|(t, l)| t.mapping != CaseItemMapping::Ignore && !l.is_set_aside())
        .collect();
    let ids = item_ids(&parsed, &types, &carried, options, &mut errors);
    if let Some(errors) = Errors::from_vec(errors) {
        return Err(errors);
    }
    let assembly = Assembly {
        parsed: &parsed,
        tree: &tree,
        types: &types,
        ids: &ids,
        options,
    };
    let spec = assembly.assemble(levels, &mut reporter);
    reporter.package_fields(&document.identifier, &package.extra);
    reporter.document_fields(&document.identifier, &document.extra);
    Ok(CaseImport {
        spec,
        report: reporter.finish(),
    })
}

#[cfg(test)]
mod tests {
    use super::key;

    #[test]
    fn uuids_compare_in_lowercase_and_other_identifiers_as_written() {
        assert_eq!(
            key("0B3C9F4E-6A43-4C1E-9D0C-2F1A7E5B8C01"),
            "0b3c9f4e-6a43-4c1e-9d0c-2f1a7e5b8c01"
        );
        assert_eq!(key("OP.1"), "OP.1");
        assert_eq!(
            key("http://asn.jesandco.org/resources/S2366905"),
            "http://asn.jesandco.org/resources/S2366905"
        );
    }
}
