//! What an import reports, collected as the steps go and sorted at the end.

use serde_json::Value;

use super::fields::misfit;
use super::node::{Overruled, key, lone_link, non_blank};
use super::read::{DOCUMENT, Extra, Known, NODE_LINK, classify, json_type};
use super::stamp::export_date_time;
use crate::CaseElement;
use crate::interop::case::import::{
    CaseDropReason, CaseDropped, CaseDroppedField, CaseFieldReason, CaseImportReport, CaseScale,
    CaseWrongStatement,
};
use crate::interop::case::package::{CaseDocument, CaseExtra, CaseLink, CaseRenamedKey};
use crate::model::order;

/// Whether a value the spec has no place for holds nothing to lose: `null`, an empty
/// string, list or object, or a list or object of such (`"CFDefinitions": {"CFConcepts":
/// [], "CFSubjects": []}`, as CASE servers write a package without definitions). Such a
/// field is not reported as set aside.
pub(super) fn holds_nothing(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Array(values) => values.iter().all(holds_nothing),
        Value::Object(fields) => fields.values().all(holds_nothing),
        Value::Bool(_) | Value::Number(_) => false,
    }
}

/// The parts CASE requires of a link object (`LinkURI`: `title`, `identifier` and
/// `uri`, each required in CASE 1.0 and 1.1), per link field of a document, named as the
/// import reports a missing one and export refuses it.
const LINK_PARTS: [(&str, [(&str, &str); 3]); 2] = [
    (
        "licenseURI",
        [
            ("title", "licenseURI.title"),
            ("identifier", "licenseURI.identifier"),
            ("uri", "licenseURI.uri"),
        ],
    ),
    (
        "subjectURI",
        [
            ("title", "subjectURI.title"),
            ("identifier", "subjectURI.identifier"),
            ("uri", "subjectURI.uri"),
        ],
    ),
];

/// The parts CASE requires of a link object that the document's `licenseURI` or one of
/// its `subjectURI`s lacks (`licenseURI.title`, `subjectURI.identifier`), once each, sorted.
/// A publisher's links are kept whole by the import and written back by export, so the
/// import reports these as missing and export refuses them. A link field of another
/// type is reported as such ([`misfit`]) and one holding nothing is left out, so neither
/// is named here. O(size of those fields).
pub(super) fn missing_link_parts(extra: &CaseExtra) -> Vec<&'static str> {
    let mut missing = Vec::new();
    for (field, parts) in &LINK_PARTS {
        let Some(value) = extra.get(*field) else {
            continue;
        };
        if misfit(field, value).is_some() || holds_nothing(value) {
            continue;
        }
        let links = value
            .as_array()
            .map_or(std::slice::from_ref(value), Vec::as_slice);
        for (part, name) in parts {
            if links.iter().any(|l| l.get(*part).is_none()) {
                missing.push(*name);
            }
        }
    }
    missing.sort_unstable();
    missing
}

/// Whether a text field the spec has no place for holds something to lose: present and
/// not empty, as [`holds_nothing`] reads the values of fields the crate does not model.
pub(super) fn holds_text(text: Option<&String>) -> bool {
    text.is_some_and(|t| !t.is_empty())
}

/// Whether a link the spec has no place for (`CFItemTypeURI`) holds nothing to lose: no
/// `title`, `identifier` or `uri` but empty ones, and other fields holding nothing, as a
/// server writing every field of its link type writes an absent link (`{"title": null,
/// "identifier": null, "uri": null}`).
pub(super) fn link_holds_nothing(link: &CaseLink) -> bool {
    link.title.is_empty()
        && link.identifier.is_empty()
        && link.uri.is_empty()
        && link.extra.values().all(holds_nothing)
}

/// Whether a link (`CFDocumentURI` of an item or association, as CASE servers write on
/// every element) names the package's own document `document`: by its `identifier`, or
/// by a URI (the link's `uri` when it has no identifier, or the link as a URI string)
/// ending in it; identifiers compared as everywhere (a `urn:uuid:` URN, braces, spaces
/// around it and the case of a UUID aside, see [`key`]). It then says nothing the package
/// does not: the element is the document's, and the document (its title and URI included)
/// is kept whole.
pub(super) fn names(link: &Value, document: &str) -> bool {
    let document = key(document);
    if document.is_empty() {
        return false;
    }
    let ends_in = |uri: &str| {
        let uri = uri.trim();
        uri.len() >= document.len()
            && uri.is_char_boundary(uri.len() - document.len())
            && uri[uri.len() - document.len()..].eq_ignore_ascii_case(&document)
    };
    match link {
        Value::Object(fields) => match fields.get("identifier").and_then(Value::as_str) {
            Some(identifier) if non_blank(identifier).is_some() => {
                key(identifier).eq_ignore_ascii_case(&document)
            }
            _ => fields
                .get("uri")
                .and_then(Value::as_str)
                .is_some_and(ends_in),
        },
        Value::String(uri) => ends_in(uri),
        Value::Array(list) => lone_link(list).is_some_and(|at| names(&list[at], &document)),
        _ => false,
    }
}

/// Collects what an import reports, then sorts it.
#[derive(Default)]
pub(super) struct Reporter {
    pub(super) report: CaseImportReport,
    /// Criteria mapped to items' levels, by item index, until the items have ids.
    pub(super) scales: Vec<(usize, CaseScale)>,
}

impl Reporter {
    pub(super) fn drop(&mut self, element: CaseElement, identifier: &str, reason: CaseDropReason) {
        self.report.dropped.push(CaseDropped {
            element,
            identifier: identifier.to_owned(),
            reason,
            statement: None,
        });
    }

    /// Reports item `identifier` set aside as
    /// [`CaseDropReason::StatementOfWrongType`] for `statement`.
    pub(super) fn drop_wrong_statement(&mut self, identifier: &str, statement: CaseWrongStatement) {
        self.report.dropped.push(CaseDropped {
            element: CaseElement::Item,
            identifier: identifier.to_owned(),
            reason: CaseDropReason::StatementOfWrongType,
            statement: Some(statement),
        });
    }

    /// Adds what `other` collected (elements and fields set aside, scales).
    pub(super) fn absorb(&mut self, other: Reporter) {
        self.report.dropped.extend(other.report.dropped);
        self.report
            .dropped_fields
            .extend(other.report.dropped_fields);
        self.scales.extend(other.scales);
    }

    /// Lists field `found` as read under CASE's name `read_as`, once however many
    /// elements had it.
    pub(super) fn renamed(&mut self, found: &str, read_as: &'static str) {
        let renamed = &mut self.report.renamed;
        if !renamed
            .iter()
            .any(|r| r.found == found && r.read_as == read_as)
        {
            renamed.push(CaseRenamedKey {
                found: found.to_owned(),
                read_as,
            });
        }
    }

    pub(super) fn scale(&mut self, item: usize, scale: CaseScale) {
        self.scales.push((item, scale));
    }

    /// Reports the named fields that are present, and every field kept in `extra`: a field
    /// CASE defines with a value of another type, or one the spec has no place for.
    pub(super) fn fields(
        &mut self,
        element: CaseElement,
        identifier: &str,
        known: &[Known],
        present: &[(&str, bool)],
        extra: &CaseExtra,
    ) {
        let named = present.iter().filter(|(_, is)| *is).map(|(f, _)| *f);
        for field in named {
            self.field(element, identifier, field, CaseFieldReason::NoPlace);
        }
        for (field, value) in extra {
            if holds_nothing(value) {
                continue;
            }
            if field == "CFDocumentURI" && names(value, &self.report.document.identifier) {
                // Named by its `uri`: an identifier of another type is what is set aside.
                let stray = value.get("identifier").filter(|v| !v.is_string());
                if let Some(stray) = stray.filter(|v| !holds_nothing(v)) {
                    let reason = CaseFieldReason::WrongType {
                        found: json_type(stray),
                        expected: "a string",
                    };
                    self.field(element, identifier, "CFDocumentURI.identifier", reason);
                }
                continue;
            }
            let reason = match classify(known, field) {
                Extra::WrongType(k) => CaseFieldReason::WrongType {
                    found: json_type(value),
                    expected: k.expected,
                },
                Extra::NearMiss(_) | Extra::Unknown => CaseFieldReason::NoPlace,
            };
            self.field(element, identifier, field, reason);
        }
    }

    /// Reports the fields of a link inside element `identifier` that the link's target
    /// does not need (`targetType`, `note`, a `title` of another type), as
    /// `{field}.{name}`: its `identifier` and `uri` are used and its string `title` is the
    /// target's name, which export writes back. When the link's `identifier` and `uri`
    /// disagree ([`Overruled`]), the part not carried is reported as superseded by the
    /// other: the identifier when it names nothing in the package and the `uri` was used,
    /// the `uri` when it names another element of the package than the identifier.
    pub(super) fn link_fields(
        &mut self,
        element: CaseElement,
        identifier: &str,
        field: &str,
        (link, overruled): (Option<&CaseLink>, Overruled),
    ) {
        let Some(link) = link else { return };
        let lost = match overruled {
            Overruled::Neither => None,
            Overruled::Identifier => Some(("identifier", "uri")),
            Overruled::Uri => Some(("uri", "identifier")),
        };
        if let Some((part, by)) = lost {
            let superseded = CaseFieldReason::Superseded { by };
            self.field(element, identifier, &format!("{field}.{part}"), superseded);
        }
        for (name, value) in &link.extra {
            if holds_nothing(value) {
                continue;
            }
            let reason = match classify(NODE_LINK, name) {
                Extra::WrongType(k) => CaseFieldReason::WrongType {
                    found: json_type(value),
                    expected: k.expected,
                },
                Extra::NearMiss(_) | Extra::Unknown => CaseFieldReason::NoPlace,
            };
            self.field(element, identifier, &format!("{field}.{name}"), reason);
        }
    }

    pub(super) fn field(
        &mut self,
        element: CaseElement,
        identifier: &str,
        field: &str,
        reason: CaseFieldReason,
    ) {
        self.report.dropped_fields.push(CaseDroppedField {
            element,
            identifier: identifier.to_owned(),
            field: field.to_owned(),
            reason,
            copy: None,
        });
    }

    /// Marks `field` of item `identifier`, already reported, as set aside for `by`.
    pub(super) fn superseded(&mut self, identifier: &str, field: &str, by: &'static str) {
        let reported = self
            .report
            .dropped_fields
            .iter_mut()
            .rev()
            .find(|f| f.identifier == identifier && f.field == field);
        if let Some(reported) = reported {
            reported.reason = CaseFieldReason::Superseded { by };
        }
    }

    /// Reports the package's own unmodelled fields (`CFDefinitions`, `extensions`, …).
    pub(super) fn package_fields(&mut self, document: &str, extra: &CaseExtra) {
        self.fields(CaseElement::Package, document, &[], &[], extra);
    }

    /// Reports the document's fields that hold a value of another type than CASE defines,
    /// and the fields export requires that are missing or do not read. Its other fields
    /// are kept whole in the report's document, and export writes them.
    pub(super) fn document_fields(&mut self, document: &CaseDocument) {
        let (identifier, extra) = (document.identifier.as_str(), &document.extra);
        let required = [
            ("title", &document.title),
            ("creator", &document.creator),
            ("lastChangeDateTime", &document.last_change_date_time),
        ];
        for (field, value) in required {
            // A value of another type is reported below, as of that type.
            let reason = if extra.contains_key(field) {
                continue;
            } else if non_blank(value).is_none() {
                CaseFieldReason::Missing
            } else if field == "lastChangeDateTime" && export_date_time(value).is_none() {
                CaseFieldReason::Unreadable {
                    expected: "an ISO 8601 date-time",
                }
            } else if field != "lastChangeDateTime" && super::node::on_several_lines(value) {
                super::node::ONE_LINE
            } else {
                continue;
            };
            self.field(CaseElement::Document, identifier, field, reason);
        }
        // A publisher's own text export writes back as given: reported as export refuses it.
        // Once per field, though a list (`subject`) may hold several such texts.
        let mut several: Vec<&str> = (super::node::document_lines(extra).into_iter())
            .map(|(field, _)| field)
            .collect();
        several.dedup();
        for field in several {
            self.field(
                CaseElement::Document,
                identifier,
                field,
                super::node::ONE_LINE,
            );
        }
        // Export derives a UUID from any identifier but one that hides a character
        // (deriving would hide it too), and refuses that one: say so now.
        if non_blank(identifier).is_some() && super::uuid::document_case_uuid(identifier).is_none()
        {
            let reason = CaseFieldReason::Unreadable {
                expected: "an identifier without control or invisible characters",
            };
            self.field(CaseElement::Document, identifier, "identifier", reason);
        }
        for field in missing_link_parts(extra) {
            self.field(
                CaseElement::Document,
                identifier,
                field,
                CaseFieldReason::Missing,
            );
        }
        for (field, value) in extra {
            // A field export writes back as given, of another type than CASE's, as
            // `caseVersion`'s is (export refuses it: case/73); one holding nothing is
            // left out.
            let kept = misfit(field, value).filter(|_| !holds_nothing(value));
            if let Some(k) = kept.or_else(|| match classify(DOCUMENT, field) {
                Extra::WrongType(k) => Some(k),
                _ => None,
            }) {
                let reason = CaseFieldReason::WrongType {
                    found: json_type(value),
                    expected: k.expected,
                };
                self.field(CaseElement::Document, identifier, field, reason);
            }
        }
    }

    /// The report, sorted.
    pub(super) fn finish(self) -> CaseImportReport {
        let mut report = self.report;
        order::sort_by(&mut report.dropped, |a, b| {
            (a.element, &a.identifier, a.reason).cmp(&(b.element, &b.identifier, b.reason))
        });
        order::sort_by(&mut report.dropped_fields, |a, b| {
            (a.element, &a.identifier, &a.field).cmp(&(b.element, &b.identifier, &b.field))
        });
        order::sort_by(&mut report.scales, |a, b| {
            (&a.item, &a.criterion).cmp(&(&b.item, &b.criterion))
        });
        report
    }
}
