//! What a CASE export leaves out of the package or writes otherwise than it was given.

use std::fmt;

use serde::Serialize;
use serde::ser::SerializeStruct;

use super::fields::misfit;
use super::node::non_blank;
use super::read::DOCUMENT;
use super::reporter::holds_nothing;
use super::stamp::{WrittenZone, export_date_time};
use super::uuid::document_case_uuid;
use crate::interop::case::package::{CaseDocument, CasePackage};
use crate::model::quote::quoted;
use crate::{EntityKind, Framework};

/// A package written by [`CasePackage::from_framework_with_report`], with a report of
/// everything of the framework and the document it could not write as given.
#[derive(Clone, Debug, PartialEq)]
pub struct CaseExport {
    /// The package, as [`CasePackage::from_framework`] gives it.
    pub package: CasePackage,
    /// What the package does not hold as the framework and the document do.
    pub report: CaseExportReport,
}

/// Everything an export left out or wrote otherwise, sorted for stable output. Empty for
/// a framework of competencies and groups whose texts all show something, without group
/// rules or level names written beside numbers, exported with a document whose identifier
/// is a lowercase CASE UUID and whose time stamp is written as CASE writes it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct CaseExportReport {
    /// Fields of the document given that the package's `CFDocument` does not hold as
    /// given, sorted by field.
    pub document: Vec<CaseLeftOutField>,
    /// Elements of the framework, or parts of them, that the package does not hold as the
    /// framework does, sorted by kind, id, level and reason.
    pub left_out: Vec<CaseLeftOut>,
}

impl CaseExportReport {
    /// Whether the package holds everything given: nothing left out or rewritten.
    pub fn is_empty(&self) -> bool {
        self.document.is_empty() && self.left_out.is_empty()
    }
}

/// A field of the document the package does not hold as given.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct CaseLeftOutField {
    /// The field's JSON name, e.g. `identifier` or a field of
    /// [`CaseDocument::extra`](crate::CaseDocument::extra).
    pub field: String,
    /// What the export did with it.
    pub reason: CaseLeftOutReason,
}

/// An element of the framework, or a part of one, that the package does not hold as the
/// framework does.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct CaseLeftOut {
    /// What kind of element.
    pub kind: EntityKind,
    /// Its id, as the framework holds it; [`Display`](fmt::Display) shows it escaped as
    /// error messages do, so that hidden characters can be seen.
    pub id: String,
    /// For a part of a competency's level descriptor, the level; `None` otherwise.
    pub level: Option<u8>,
    /// What the export did with it.
    pub reason: CaseLeftOutReason,
}

/// What the export did with something it could not write as given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CaseLeftOutReason {
    /// An activity, role, position or course: a CASE package holds a competency dictionary
    /// and its groups only, so these are not written.
    NotInCase,
    /// A description (of a competency, a group, a level, or the document) that shows
    /// nothing (`" "`, `"\u00a0"`): not written, as CASE has no text that shows nothing,
    /// so it imports as the empty text.
    BlankText,
    /// A level descriptor without a name whose description shows nothing: its criterion
    /// level is written with its score alone, so the level imports undescribed.
    EmptyLevel,
    /// The name written beside a level's number (`"3 - Expert"`,
    /// [`LevelDescriptor::level_name`](crate::LevelDescriptor::level_name)): how the level was
    /// written, which CASE has no place for. The level's own name is written as its
    /// criterion level's `quality`.
    LevelName,
    /// A group's [`rule`](crate::GroupSpec::rule), which CASE has no place for.
    GroupRule,
    /// The document's identifier, not a lowercase CASE UUID, replaced by the CASE UUID
    /// [`CaseDocument::case_identifier`](crate::CaseDocument::case_identifier) gives.
    Replaced,
    /// A document field written in CASE's form: `lastChangeDateTime` as the same instant
    /// written as CASE writes it (a zone's abbreviation as its offset, `IST` as `+05:30`),
    /// `caseVersion` as `1.1`, the version the package follows.
    Rewritten,
    /// The document's `lastChangeDateTime` given without a time zone (`2024-03-01`,
    /// `2024-03-01T10:15:00`), read as UTC and written with `Z`: CASE 1.1's JSON Schema
    /// requires a zone (RFC 3339's `date-time`), and which zone was meant is unknowable.
    /// Give the zone (`2024-03-01T10:15:00+05:30`) to write another instant.
    ReadAsUtc,
    /// A field of [`CaseDocument::extra`](crate::CaseDocument::extra) holding nothing
    /// (`[]`, `{}`, `null`) in a type CASE does not give it: not written.
    HoldsNothing,
    /// A field of [`CaseDocument::extra`](crate::CaseDocument::extra) named as a field the
    /// document types (`title`, `creator`, …), as an import keeps one holding a value of
    /// another type: not written, as it would repeat the typed field's key.
    TypedField,
}

impl CaseLeftOutReason {
    fn text(self) -> &'static str {
        match self {
            Self::NotInCase => "left out: a CASE package holds competencies and groups only",
            Self::BlankText => "description showing nothing not written",
            Self::EmptyLevel => "level without name or description written by its score alone",
            Self::LevelName => "name written beside the level's number not written",
            Self::GroupRule => "group rule not written",
            Self::Replaced => "replaced by a CASE UUID",
            Self::Rewritten => "written in CASE's form",
            Self::ReadAsUtc => "given without a time zone, read as UTC and written with Z",
            Self::HoldsNothing => "holding nothing in a type CASE does not give it, not written",
            Self::TypedField => "named as a typed field, not written",
        }
    }
}

impl fmt::Display for CaseLeftOut {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.kind, quoted(&self.id))?;
        if let Some(level) = self.level {
            write!(f, " level {level}")?;
        }
        write!(f, ": {}", self.reason.text())
    }
}

impl fmt::Display for CaseLeftOutField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "document field {}: {}",
            quoted(&self.field),
            self.reason.text()
        )
    }
}

/// Serialized as its fields (`level` only when there is one) and `message`, the
/// `Display` text, as errors are.
impl Serialize for CaseLeftOut {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("CaseLeftOut", 5)?;
        s.serialize_field("kind", &self.kind)?;
        s.serialize_field("id", &self.id)?;
        if let Some(level) = self.level {
            s.serialize_field("level", &level)?;
        }
        s.serialize_field("reason", &self.reason)?;
        s.serialize_field("message", &self.to_string())?;
        s.end()
    }
}

/// Serialized as its fields and `message`, the `Display` text.
impl Serialize for CaseLeftOutField {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("CaseLeftOutField", 3)?;
        s.serialize_field("field", &self.field)?;
        s.serialize_field("reason", &self.reason)?;
        s.serialize_field("message", &self.to_string())?;
        s.end()
    }
}

/// Whether `text` is given but shows nothing: the empty text is no description at all.
fn blank(text: &str) -> bool {
    !text.is_empty() && non_blank(text).is_none()
}

/// What exporting `framework` with `document` leaves out, as the export writes them (see
/// [`export`](super::export::export)). O(c + g + l + a + r + p + k + f log f) for the c
/// competencies, g groups, l level descriptors, a activities, r roles, p positions and k
/// courses, and the f fields of the document.
pub(super) fn left_out(framework: &Framework, document: &CaseDocument) -> CaseExportReport {
    let mut left = Vec::new();
    let mut push = |kind, id: &str, level, reason| {
        left.push(CaseLeftOut {
            kind,
            id: id.to_owned(),
            level,
            reason,
        });
    };
    for c in framework.competencies() {
        if blank(&c.description) {
            push(
                EntityKind::Competency,
                c.id.as_str(),
                None,
                CaseLeftOutReason::BlankText,
            );
        }
        for d in &c.levels {
            let level = Some(d.level);
            let named = d.name.as_deref().and_then(non_blank).is_some();
            if !named && non_blank(&d.description).is_none() {
                push(
                    EntityKind::Competency,
                    c.id.as_str(),
                    level,
                    CaseLeftOutReason::EmptyLevel,
                );
            } else if blank(&d.description) {
                push(
                    EntityKind::Competency,
                    c.id.as_str(),
                    level,
                    CaseLeftOutReason::BlankText,
                );
            }
            if d.level_name.is_some() {
                push(
                    EntityKind::Competency,
                    c.id.as_str(),
                    level,
                    CaseLeftOutReason::LevelName,
                );
            }
        }
    }
    for g in framework.groups() {
        if blank(&g.description) {
            push(
                EntityKind::Group,
                g.id.as_str(),
                None,
                CaseLeftOutReason::BlankText,
            );
        }
        if g.rule.is_some() {
            push(
                EntityKind::Group,
                g.id.as_str(),
                None,
                CaseLeftOutReason::GroupRule,
            );
        }
    }
    let not_in_case = (framework
        .activities()
        .iter()
        .map(|a| (EntityKind::Activity, a.id.as_str())))
    .chain(
        framework
            .roles()
            .iter()
            .map(|r| (EntityKind::Role, r.id.as_str())),
    )
    .chain(
        framework
            .positions()
            .iter()
            .map(|p| (EntityKind::Position, p.id.as_str())),
    )
    .chain(
        framework
            .courses()
            .iter()
            .map(|c| (EntityKind::Course, c.id.as_str())),
    );
    for (kind, id) in not_in_case {
        push(kind, id, None, CaseLeftOutReason::NotInCase);
    }
    left.sort();
    CaseExportReport {
        document: document_fields(document),
        left_out: left,
    }
}

/// The document's fields the export does not write as given, sorted by field.
fn document_fields(document: &CaseDocument) -> Vec<CaseLeftOutField> {
    let mut fields = Vec::new();
    let mut push = |field: &str, reason| {
        fields.push(CaseLeftOutField {
            field: field.to_owned(),
            reason,
        });
    };
    if document_case_uuid(&document.identifier).as_deref() != Some(document.identifier.as_str()) {
        push("identifier", CaseLeftOutReason::Replaced);
    }
    match export_date_time(&document.last_change_date_time) {
        Some((_, WrittenZone::ReadAsUtc)) => {
            push("lastChangeDateTime", CaseLeftOutReason::ReadAsUtc);
        }
        Some((written, _)) if written != document.last_change_date_time => {
            push("lastChangeDateTime", CaseLeftOutReason::Rewritten);
        }
        _ => {}
    }
    if document.case_version.as_deref().is_some_and(|v| v != "1.1") {
        push("caseVersion", CaseLeftOutReason::Rewritten);
    }
    if document.description.as_deref().is_some_and(blank) {
        push("description", CaseLeftOutReason::BlankText);
    }
    for (field, value) in &document.extra {
        if DOCUMENT.iter().any(|k| k.name == field) {
            push(field, CaseLeftOutReason::TypedField);
        } else if misfit(field, value).is_some() && holds_nothing(value) {
            push(field, CaseLeftOutReason::HoldsNothing);
        }
    }
    fields.sort();
    fields
}

impl CasePackage {
    /// Writes a framework as [`CasePackage::from_framework`] does, with a report of
    /// everything of the framework and the document the package does not hold as given:
    /// activities, roles, positions and courses (a CASE package holds a competency
    /// dictionary and groups only), descriptions that show nothing, level descriptors
    /// with nothing to write but their score, level names written beside numbers, group
    /// rules, and the document fields written otherwise. Everything not reported imports
    /// back as the framework holds it (see
    /// [`CaseImportReport::is_complete`](crate::CaseImportReport::is_complete)).
    ///
    /// # Errors
    /// As [`CasePackage::from_framework`].
    ///
    /// # Complexity
    /// As [`CasePackage::from_framework`], plus O(a + r + p + k + f log f) for the
    /// framework's a activities, r roles, p positions and k courses and the document's f
    /// fields, and the report's sorting, O(n log n) for its n entries.
    ///
    /// # Example
    /// ```
    /// use karmayogi::{CaseDocument, CaseExportOptions, CaseLeftOutReason, CasePackage, Framework};
    ///
    /// let framework = Framework::from_json(r#"{"format_version": 2, "competencies": [
    ///   {"id": "drafting", "name": "Noting and drafting", "type": "functional",
    ///    "levels": [{"level": 1, "description": " "}]}],
    ///  "courses": [{"id": "c1", "name": "Drafting basics", "hours": 4,
    ///    "provides": [{"competency": "drafting", "level": 1}]}]}"#)?;
    /// let document = CaseDocument::new(
    ///     "0b3c9f4e-6a43-4c1e-9d0c-2f1a7e5b8c01", "Office competencies", "DoPT",
    ///     "2025-01-15T10:00:00Z");
    /// let export = CasePackage::from_framework_with_report(
    ///     &framework, &document, &CaseExportOptions::default())?;
    /// let left: Vec<_> = export.report.left_out.iter().map(|l| l.to_string()).collect();
    /// assert_eq!(left, [
    ///     "competency `drafting` level 1: level without name or description written by its score alone",
    ///     "course `c1`: left out: a CASE package holds competencies and groups only",
    /// ]);
    /// assert_eq!(export.report.left_out[1].reason, CaseLeftOutReason::NotInCase);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_framework_with_report(
        framework: &Framework,
        document: &CaseDocument,
        options: &crate::CaseExportOptions,
    ) -> Result<CaseExport, crate::Errors> {
        let package = super::export::export(framework, document, options)?;
        Ok(CaseExport {
            package,
            report: left_out(framework, document),
        })
    }
}
