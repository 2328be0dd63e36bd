//! 1EdTech CASE 1.1 (Competencies and Academic Standards Exchange) JSON: a `CFPackage` in,
//! a competency dictionary out, and back.
//!
//! [`CasePackage`] is the CASE 1.1 JSON binding of a `CFPackage` as plain serde data; fields
//! this crate does not model, and values of a type CASE does not allow, are kept verbatim in
//! each element's `extra`. [`CaseImport::from_json`](crate::CaseImport::from_json) maps a
//! package to the competency dictionary and groups of a [`FrameworkSpec`](crate::FrameworkSpec)
//! plus a [`CaseImportReport`](crate::CaseImportReport) that lists, by identifier, every
//! element and field the spec has no place for. [`CasePackage::from_framework`] writes a
//! [`Framework`]'s dictionary as a package, deterministically: identifiers are name-based
//! UUIDs, and the only timestamp is the one the caller puts in the [`CaseDocument`].
//!
#![doc = include_str!("case.md")]

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use super::huge::{escaped, escaped_option};
use super::nulls::CaseNulls;
use crate::GroupId;
use crate::model::spec::{CompetencyType, GroupKind};

/// Fields a CASE element carries that this crate does not model, kept verbatim.
pub type CaseExtra = BTreeMap<String, Value>;

/// A CASE 1.1 `CFPackage`: one framework document with its items, associations and rubrics.
///
/// Reading is tolerant, as real CASE servers write packages: a package wrapped in
/// `{"CFPackage": …}` (the usual API response) is unwrapped; `null` in any field of CASE's reads as
/// absent, and so does a list of nothing but `null`s (`[]`, `[null]`); a node link given as a plain URI string (CASE 1.0) reads as a link with that
/// `uri`; a value of a type CASE does not allow (`"sequenceNumber": "1"`) is kept in the
/// element's `extra` under its own name, for the import to report. Unknown fields
/// (`CFDefinitions`, `extensions`, …) are kept in `extra` too, so reading and writing a
/// package loses nothing (a document listed again, saying the same, is written once; its
/// copies are named in [`CasePackage::repeated_documents`]). Only malformed JSON, a repeated key in an object (or a key both
/// inside and beside the `CFPackage` wrapper), and a package that is not a JSON object are
/// refused. [`CaseImport::from_json`](crate::CaseImport::from_json)
/// maps a package to a competency dictionary and [`CasePackage::from_framework`] writes one,
/// as follows.
///
#[doc = include_str!("case.md")]
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CasePackage {
    /// `CFDocument`: the framework itself. Required on import.
    #[serde(
        rename = "CFDocument",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub document: Option<CaseDocument>,
    /// `CFItems`: competencies and the groupings above them.
    #[serde(rename = "CFItems", default)]
    pub items: Vec<CaseItem>,
    /// `CFAssociations`: typed links between items or documents.
    #[serde(rename = "CFAssociations", default)]
    pub associations: Vec<CaseAssociation>,
    /// `CFRubrics`: rubrics whose criteria describe proficiency levels of items.
    #[serde(rename = "CFRubrics", default, skip_serializing_if = "Vec::is_empty")]
    pub rubrics: Vec<CaseRubric>,
    /// Other fields of the package, verbatim.
    #[serde(flatten)]
    pub extra: CaseExtra,
    /// Keys of the package (or of an envelope around it) that reading found written in
    /// another case than CASE's (`cfDocument`, `cfitems`, `cfPackage`) and read under
    /// CASE's name, in the order met; then the fields of its elements and their node links
    /// so written (`cfItemType`, `FullStatement`, `OriginNodeURI`), each spelling once
    /// however many elements had it, in the order met (the document, items, associations,
    /// rubrics); then, once however many elements had it, `sourcedId`
    /// read as `identifier` (the `OneRoster` name of an element's identifier, which CASE
    /// servers built on the 1EdTech APIs write on elements and their links that have no
    /// `identifier`), and JSON-LD's `@id` read as `uri` (the node's IRI, which CASE 1.1's
    /// JSON-LD binding writes on elements and node links that have no `uri`); then, once,
    /// `uri` read as `identifier` when an element without `identifier` has a `uri` (or
    /// `@id`) ending in a UUID, which is then its identifier (CASE servers write an
    /// element's URI ending in its identifier, `…/CFItems/{identifier}`, as `OpenSALT` and
    /// this crate's export do). Writing uses CASE's names, so this
    /// is not written.
    #[serde(skip)]
    pub renamed: Vec<CaseRenamedKey>,
    /// The identifiers, as written, of the copies of the document set aside when
    /// `CFDocument` was written as a list repeating one document (as a package assembled
    /// from answers that each carry it lists it): the first is [`Self::document`]. The
    /// import reports each as [`CaseDropReason::Repeated`](crate::CaseDropReason::Repeated).
    /// Copies that differ are not set aside here: `CFDocument` stays in [`Self::extra`] as
    /// written, and the import reads copies agreeing on the document's identifier and
    /// title as one document (case/87) and refuses the others.
    #[serde(skip)]
    pub repeated_documents: Vec<String>,
    /// Where `CFItems` as written held `null`s (absent elements, left out of
    /// [`Self::items`]); errors and the report name items by their positions as written.
    #[serde(skip)]
    pub null_items: CaseNulls,
    /// Where `CFAssociations` as written held `null`s (see [`Self::null_items`]).
    #[serde(skip)]
    pub null_associations: CaseNulls,
    /// Where `CFRubrics` as written held `null`s (see [`Self::null_items`]).
    #[serde(skip)]
    pub null_rubrics: CaseNulls,
}

/// A package key or a field of an element written in another case than CASE's, read
/// under CASE's name (or `sourcedId` read as `identifier`, see [`CasePackage::renamed`]):
/// servers whose JSON writers change the case of names (`cfDocument`, `cfItemType` from a
/// camel-casing writer, `cfdocument` from one that lowercases, `FullStatement` from one
/// that keeps a class's property names) publish packages so. No two CASE names of one
/// object differ only by case, so nothing else can be meant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CaseRenamedKey {
    /// The key as written, e.g. `cfDocument`.
    pub found: String,
    /// The CASE name it was read as, e.g. `CFDocument`.
    pub read_as: &'static str,
}

/// A `CFDocument`: the framework's identity and provenance.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CaseDocument {
    /// `identifier`: the document's UUID; on export, the namespace of derived identifiers.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        serialize_with = "escaped"
    )]
    pub identifier: String,
    /// `uri`: where the document resolves; on export, derived when empty.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        serialize_with = "escaped"
    )]
    pub uri: String,
    /// `creator`: who authored the framework. Required on export.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        serialize_with = "escaped"
    )]
    pub creator: String,
    /// `title`. Required on export.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        serialize_with = "escaped"
    )]
    pub title: String,
    /// `lastChangeDateTime`, ISO 8601, as read. On export, the timestamp of every element,
    /// written as CASE defines it: a date alone, a space before the time, `+0530` and the
    /// other forms publishers write are read and normalised, always with a zone, as CASE
    /// 1.1's schema requires (`2024-03-01` is read as UTC and written
    /// `2024-03-01T00:00:00Z`, `10:15:00 IST` as `10:15:00+05:30`; see the module docs,
    /// "Time stamps"); a blank or unreadable one, or one naming its zone by an
    /// abbreviation of no known offset, is refused. A count of epoch milliseconds or seconds (`1704067200000`, a JSON
    /// number or text) is read as the instant it stands for, in UTC
    /// (`2024-01-01T00:00:00Z`).
    #[serde(
        rename = "lastChangeDateTime",
        default,
        skip_serializing_if = "String::is_empty",
        serialize_with = "escaped"
    )]
    pub last_change_date_time: String,
    /// `caseVersion`: `"1.1"` when present.
    #[serde(
        rename = "caseVersion",
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "escaped_option"
    )]
    pub case_version: Option<String>,
    /// `description`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "escaped_option"
    )]
    pub description: Option<String>,
    /// Other fields (`publisher`, `version`, `language`, `adoptionStatus`, …), verbatim.
    /// Export writes them back as given, so one CASE 1.1 defines must have the JSON type
    /// CASE gives it (`version` text, `subject` a list of texts, …), or export refuses it
    /// with [`Error::CaseFieldType`](crate::Error::CaseFieldType); the import reports one
    /// of another type.
    #[serde(flatten)]
    pub extra: CaseExtra,
}

/// A `CFItem`: a competency statement or a grouping of statements.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CaseItem {
    /// `identifier`, unique in the package.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        serialize_with = "escaped"
    )]
    pub identifier: String,
    /// `uri`.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        serialize_with = "escaped"
    )]
    pub uri: String,
    /// `fullStatement`: the statement's text. Required.
    #[serde(
        rename = "fullStatement",
        default,
        skip_serializing_if = "String::is_empty",
        serialize_with = "escaped"
    )]
    pub full_statement: String,
    /// `abbreviatedStatement`: a short form of the statement.
    #[serde(
        rename = "abbreviatedStatement",
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "escaped_option"
    )]
    pub abbreviated_statement: Option<String>,
    /// `humanCodingScheme`: the publisher's human-readable code.
    #[serde(
        rename = "humanCodingScheme",
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "escaped_option"
    )]
    pub human_coding_scheme: Option<String>,
    /// `CFItemType`: the publisher's label for the kind of statement.
    #[serde(
        rename = "CFItemType",
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "escaped_option"
    )]
    pub item_type: Option<String>,
    /// `CFItemTypeURI`: a link to the item type's definition, whose `title` is its label.
    #[serde(
        rename = "CFItemTypeURI",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub item_type_uri: Option<CaseLink>,
    /// `lastChangeDateTime`.
    #[serde(
        rename = "lastChangeDateTime",
        default,
        skip_serializing_if = "String::is_empty",
        serialize_with = "escaped"
    )]
    pub last_change_date_time: String,
    /// Other fields (`notes`, `language`, `educationLevel`, …), verbatim.
    #[serde(flatten)]
    pub extra: CaseExtra,
}

/// A `CFAssociation`: `origin associationType destination`, e.g. a child `isChildOf` its
/// parent.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CaseAssociation {
    /// `identifier`, unique in the package.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        serialize_with = "escaped"
    )]
    pub identifier: String,
    /// `uri`.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        serialize_with = "escaped"
    )]
    pub uri: String,
    /// `associationType`: `isChildOf`, `precedes`, `isRelatedTo`, `exactMatchOf`, … Required.
    #[serde(
        rename = "associationType",
        default,
        skip_serializing_if = "String::is_empty",
        serialize_with = "escaped"
    )]
    pub association_type: String,
    /// `sequenceNumber`: order among siblings.
    #[serde(
        rename = "sequenceNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub sequence_number: Option<i64>,
    /// `originNodeURI`. Required.
    #[serde(
        rename = "originNodeURI",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub origin_node_uri: Option<CaseLink>,
    /// `destinationNodeURI`. Required.
    #[serde(
        rename = "destinationNodeURI",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub destination_node_uri: Option<CaseLink>,
    /// `lastChangeDateTime`.
    #[serde(
        rename = "lastChangeDateTime",
        default,
        skip_serializing_if = "String::is_empty",
        serialize_with = "escaped"
    )]
    pub last_change_date_time: String,
    /// Other fields (`notes`, `CFAssociationGroupingURI`, …), verbatim.
    #[serde(flatten)]
    pub extra: CaseExtra,
}

/// A link to another element (`LinkURI`, `LinkGenURI`): title, identifier and uri.
///
/// A link given as a plain string (CASE 1.0) reads as a link with that `uri` and no
/// identifier; the import resolves it by the package's `uri`s, then by a UUID at its end.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CaseLink {
    /// `title` of the target.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        serialize_with = "escaped"
    )]
    pub title: String,
    /// `identifier` of the target: what the link resolves to (when it names nothing in
    /// the package, the `uri` is tried, and the identifier reported as superseded; when
    /// the `uri` names another element of the package, the `uri` is reported as
    /// superseded).
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        serialize_with = "escaped"
    )]
    pub identifier: String,
    /// `uri` of the target.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        serialize_with = "escaped"
    )]
    pub uri: String,
    /// Other fields (`targetType`), verbatim.
    #[serde(flatten)]
    pub extra: CaseExtra,
}

/// A `CFRubric`: criteria, each describing the levels of one item.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CaseRubric {
    /// `identifier`, unique in the package.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        serialize_with = "escaped"
    )]
    pub identifier: String,
    /// `uri`.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        serialize_with = "escaped"
    )]
    pub uri: String,
    /// `title`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "escaped_option"
    )]
    pub title: Option<String>,
    /// `description`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "escaped_option"
    )]
    pub description: Option<String>,
    /// `lastChangeDateTime`.
    #[serde(
        rename = "lastChangeDateTime",
        default,
        skip_serializing_if = "String::is_empty",
        serialize_with = "escaped"
    )]
    pub last_change_date_time: String,
    /// `CFRubricCriteria`.
    #[serde(rename = "CFRubricCriteria", default)]
    pub criteria: Vec<CaseCriterion>,
    /// Where `CFRubricCriteria` as written held `null`s (see [`CaseNulls`]).
    #[serde(skip)]
    pub null_criteria: CaseNulls,
    /// Other fields, verbatim.
    #[serde(flatten)]
    pub extra: CaseExtra,
}

/// A `CFRubricCriterion`: the performance levels of one item.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CaseCriterion {
    /// `identifier`, unique in the package.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        serialize_with = "escaped"
    )]
    pub identifier: String,
    /// `uri`.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        serialize_with = "escaped"
    )]
    pub uri: String,
    /// `category`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "escaped_option"
    )]
    pub category: Option<String>,
    /// `description`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "escaped_option"
    )]
    pub description: Option<String>,
    /// `CFItemURI`: the item whose levels this criterion describes.
    #[serde(rename = "CFItemURI", default, skip_serializing_if = "Option::is_none")]
    pub item_uri: Option<CaseLink>,
    /// `weight`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
    /// `position` among the rubric's criteria.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<i64>,
    /// `rubricId`: the rubric's identifier.
    #[serde(
        rename = "rubricId",
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "escaped_option"
    )]
    pub rubric_id: Option<String>,
    /// `lastChangeDateTime`.
    #[serde(
        rename = "lastChangeDateTime",
        default,
        skip_serializing_if = "String::is_empty",
        serialize_with = "escaped"
    )]
    pub last_change_date_time: String,
    /// `CFRubricCriterionLevels`.
    #[serde(rename = "CFRubricCriterionLevels", default)]
    pub levels: Vec<CaseCriterionLevel>,
    /// Where `CFRubricCriterionLevels` as written held `null`s (see [`CaseNulls`]).
    #[serde(skip)]
    pub null_levels: CaseNulls,
    /// Other fields, verbatim.
    #[serde(flatten)]
    pub extra: CaseExtra,
}

/// A `CFRubricCriterionLevel`: one performance level of a criterion.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CaseCriterionLevel {
    /// `identifier`, unique in the package.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        serialize_with = "escaped"
    )]
    pub identifier: String,
    /// `uri`.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        serialize_with = "escaped"
    )]
    pub uri: String,
    /// `description`: what performance at this level looks like.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "escaped_option"
    )]
    pub description: Option<String>,
    /// `quality`: the level's label.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "escaped_option"
    )]
    pub quality: Option<String>,
    /// `score`: the points awarded at this level. The proficiency order comes from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// `feedback`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "escaped_option"
    )]
    pub feedback: Option<String>,
    /// `position` among the criterion's levels: display order only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<i64>,
    /// `rubricCriterionId`: the criterion's identifier.
    #[serde(
        rename = "rubricCriterionId",
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "escaped_option"
    )]
    pub rubric_criterion_id: Option<String>,
    /// `lastChangeDateTime`.
    #[serde(
        rename = "lastChangeDateTime",
        default,
        skip_serializing_if = "String::is_empty",
        serialize_with = "escaped"
    )]
    pub last_change_date_time: String,
    /// Other fields, verbatim.
    #[serde(flatten)]
    pub extra: CaseExtra,
}

impl CasePackage {
    /// Writes the package as pretty-printed CASE JSON. Empty strings are left out, never
    /// written as blank fields. A number beyond a double's range that the package was read
    /// with (`1e400`) is written as it was read, and so is every text, one starting with
    /// U+FDD0 (a noncharacter, the mark of such a number in the serde form) included: a
    /// text field given `"\u{fdd0}1e400"` writes that string. A value of an element's
    /// `extra` is taken in the serde form (see the module docs), where a string starting
    /// with U+FDD0 and a number beyond a double is that number, and one starting with
    /// U+FDD0 twice is the text after the first.
    pub fn to_json(&self) -> String {
        super::huge::unmark(crate::model::json::to_pretty_json(self))
    }
}

/// The rubric title export writes by default; import does not report it as set aside.
pub(crate) const DEFAULT_RUBRIC_TITLE: &str = "Proficiency levels";

/// The `description` export gives its rubric: the scores are FRAC's levels already, so an
/// import that finds it maps them as [`CaseLevelRule::Score`](crate::CaseLevelRule::Score)
/// does, whatever rule it was given (a framework imported from a 7-level scale by
/// `Proportional { top: 7 }` and exported is on FRAC's scale; mapped again, level 5 would
/// become 4). A criterion whose scores contradict the note (one that is not a whole number
/// from 1 to 5: the package was rescored after export) is mapped by the given rule.
pub(crate) const FRAC_SCALE_NOTE: &str =
    "Scores are FRAC proficiency levels (1 to 5): each level's score is its level.";

/// Options for [`CasePackage::from_framework`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseExportOptions {
    pub(crate) base_uri: Option<String>,
    pub(crate) type_names: [String; 3],
    pub(crate) group_type_names: [String; 4],
    /// Every identifier given, in call order: a repeated call is checked, not replaced.
    pub(crate) area_ids: Vec<(String, String)>,
    pub(crate) group_ids: Vec<(GroupId, String)>,
    pub(crate) rubric_title: String,
}

impl Default for CaseExportOptions {
    fn default() -> Self {
        CaseExportOptions {
            base_uri: None,
            type_names: [
                "Behavioural Competency".to_owned(),
                "Functional Competency".to_owned(),
                "Domain Competency".to_owned(),
            ],
            group_type_names: [
                "Area".to_owned(),
                "Theme".to_owned(),
                "Sub-theme".to_owned(),
                "Competency Group".to_owned(),
            ],
            area_ids: Vec::new(),
            group_ids: Vec::new(),
            rubric_title: DEFAULT_RUBRIC_TITLE.to_owned(),
        }
    }
}

impl CaseExportOptions {
    /// The base of every element's `uri`, e.g. `https://case.example.org/ims/case/v1p1`:
    /// an item's uri is then `{base}/CFItems/{identifier}`. Default, and for a blank base:
    /// `urn:uuid:{identifier}`.
    pub fn base_uri(mut self, base: impl Into<String>) -> Self {
        let base: String = base.into();
        let base = base.trim().trim_end_matches('/');
        self.base_uri = (!base.is_empty()).then(|| base.to_owned());
        self
    }

    /// The `CFItemType` written for competencies of `kind` (defaults: `Behavioural
    /// Competency`, `Functional Competency`, `Domain Competency`). Import maps the defaults
    /// back; map any other name with [`CaseImportOptions::item_type`](crate::CaseImportOptions::item_type).
    pub fn item_type(mut self, kind: CompetencyType, name: impl Into<String>) -> Self {
        if let Some(slot) = self.type_names.get_mut(kind.index()) {
            *slot = name.into();
        }
        self
    }

    /// The `CFItemType` written for groups of `kind` (defaults: `Area`, `Theme`,
    /// `Sub-theme`, `Competency Group`), which import maps back.
    pub fn group_item_type(mut self, kind: GroupKind, name: impl Into<String>) -> Self {
        if let Some(slot) = self.group_type_names.get_mut(kind.index()) {
            *slot = name.into();
        }
        self
    }

    /// The `CFItemType` written for groups of kind area (default `Area`): the same as
    /// `group_item_type(GroupKind::Area, name)`.
    pub fn area_item_type(self, name: impl Into<String>) -> Self {
        self.group_item_type(GroupKind::Area, name)
    }

    /// The identifier of the item for the group that area `name` names (`area:{name}`),
    /// instead of the one derived from the name. Must be a CASE UUID; the export checks
    /// it as it checks [`group_identifier`](Self::group_identifier) for `area:{name}`.
    pub fn area_identifier(
        mut self,
        name: impl Into<String>,
        identifier: impl Into<String>,
    ) -> Self {
        self.area_ids.push((name.into(), identifier.into()));
        self
    }

    /// The identifier of the item for group `group`, e.g. from
    /// [`CaseImportReport::groups`](crate::CaseImportReport::groups), instead of the group
    /// id (when it is a UUID) or the one derived from it. Must be a CASE UUID.
    ///
    /// Nothing given is ignored: [`CasePackage::from_framework`] refuses an identifier for
    /// a group the framework does not have ([`Error::UnknownId`]), two different ones for
    /// one group, by two calls or by this and
    /// [`area_identifier`](Self::area_identifier) ([`Error::CaseConflictingIdentifiers`]),
    /// and one that the document, another group or a competency has already
    /// ([`Error::CaseIdentifierClash`]).
    ///
    /// [`Error::UnknownId`]: crate::Error::UnknownId
    /// [`Error::CaseConflictingIdentifiers`]: crate::Error::CaseConflictingIdentifiers
    /// [`Error::CaseIdentifierClash`]: crate::Error::CaseIdentifierClash
    pub fn group_identifier(
        mut self,
        group: impl Into<GroupId>,
        identifier: impl Into<String>,
    ) -> Self {
        self.group_ids.push((group.into(), identifier.into()));
        self
    }

    /// The title of the rubric holding the level descriptors (default `Proficiency
    /// levels`); a blank title is left out.
    pub fn rubric_title(mut self, title: impl Into<String>) -> Self {
        self.rubric_title = title.into();
        self
    }
}

#[cfg(test)]
#[path = "package_tests.rs"]
mod tests;
