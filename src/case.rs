//! 1EdTech CASE 1.1 (Competencies and Academic Standards Exchange) JSON: a `CFPackage` in,
//! a competency dictionary out, and back.
//!
//! [`CasePackage`] is the CASE 1.1 JSON binding of a `CFPackage` as plain serde data; fields
//! this crate does not model are kept verbatim in each element's `extra`.
//! [`CaseImport::from_json`] maps a package to the competency dictionary of a
//! [`FrameworkSpec`] plus a [`CaseImportReport`] that lists, by identifier, every element and
//! field the spec has no place for. [`CasePackage::from_framework`] writes a [`Framework`]'s
//! dictionary as a package, deterministically: identifiers are name-based UUIDs, and the
//! only timestamp is the one the caller puts in the [`CaseDocument`].
//!
#![doc = include_str!("case.md")]

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::spec::{CompetencyType, FrameworkSpec};
use crate::{CompetencyId, Error, Errors, Framework};

/// Fields a CASE element carries that this crate does not model, kept verbatim.
pub type CaseExtra = BTreeMap<String, Value>;

/// A CASE 1.1 `CFPackage`: one framework document with its items, associations and rubrics.
///
/// Unknown fields (`CFDefinitions`, `extensions`, …) are kept in `extra`, so reading and
/// writing a package loses nothing. [`CaseImport::from_json`] maps a package to a competency
/// dictionary and [`CasePackage::from_framework`] writes one, as follows.
///
#[doc = include_str!("case.md")]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
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
}

/// A `CFDocument`: the framework's identity and provenance.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CaseDocument {
    /// `identifier`: the document's UUID; on export, the namespace of derived identifiers.
    #[serde(default)]
    pub identifier: String,
    /// `uri`: where the document resolves; on export, derived when empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub uri: String,
    /// `creator`: who authored the framework. Required on export.
    #[serde(default)]
    pub creator: String,
    /// `title`. Required on export.
    #[serde(default)]
    pub title: String,
    /// `lastChangeDateTime`, ISO 8601. On export, the timestamp of every element.
    #[serde(rename = "lastChangeDateTime", default)]
    pub last_change_date_time: String,
    /// `caseVersion`: `"1.1"` when present.
    #[serde(
        rename = "caseVersion",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub case_version: Option<String>,
    /// `description`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Other fields (`publisher`, `version`, `language`, `adoptionStatus`, …), verbatim.
    #[serde(flatten)]
    pub extra: CaseExtra,
}

impl CaseDocument {
    /// A document with the fields export requires: a CASE UUID, a title, a creator and the
    /// ISO 8601 date-time to stamp on every element.
    pub fn new(
        identifier: impl Into<String>,
        title: impl Into<String>,
        creator: impl Into<String>,
        last_change_date_time: impl Into<String>,
    ) -> Self {
        CaseDocument {
            identifier: identifier.into(),
            title: title.into(),
            creator: creator.into(),
            last_change_date_time: last_change_date_time.into(),
            ..CaseDocument::default()
        }
    }
}

/// A `CFItem`: a competency statement or a grouping of statements.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CaseItem {
    /// `identifier`, unique in the package.
    #[serde(default)]
    pub identifier: String,
    /// `uri`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub uri: String,
    /// `fullStatement`: the statement's text. Required.
    #[serde(rename = "fullStatement", default)]
    pub full_statement: String,
    /// `abbreviatedStatement`: a short form of the statement.
    #[serde(
        rename = "abbreviatedStatement",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub abbreviated_statement: Option<String>,
    /// `humanCodingScheme`: the publisher's human-readable code.
    #[serde(
        rename = "humanCodingScheme",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub human_coding_scheme: Option<String>,
    /// `CFItemType`: the publisher's label for the kind of statement.
    #[serde(
        rename = "CFItemType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub item_type: Option<String>,
    /// `lastChangeDateTime`.
    #[serde(
        rename = "lastChangeDateTime",
        default,
        skip_serializing_if = "String::is_empty"
    )]
    pub last_change_date_time: String,
    /// Other fields (`notes`, `language`, `educationLevel`, …), verbatim.
    #[serde(flatten)]
    pub extra: CaseExtra,
}

/// A `CFAssociation`: `origin associationType destination`, e.g. a child `isChildOf` its
/// parent.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CaseAssociation {
    /// `identifier`, unique in the package.
    #[serde(default)]
    pub identifier: String,
    /// `uri`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub uri: String,
    /// `associationType`: `isChildOf`, `precedes`, `isRelatedTo`, `exactMatchOf`, … Required.
    #[serde(rename = "associationType", default)]
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
        skip_serializing_if = "String::is_empty"
    )]
    pub last_change_date_time: String,
    /// Other fields (`notes`, `CFAssociationGroupingURI`, …), verbatim.
    #[serde(flatten)]
    pub extra: CaseExtra,
}

/// A link to another element (`LinkURI`, `LinkGenURI`): title, identifier and uri.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CaseLink {
    /// `title` of the target.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// `identifier` of the target: what the link resolves to.
    #[serde(default)]
    pub identifier: String,
    /// `uri` of the target.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub uri: String,
    /// Other fields (`targetType`), verbatim.
    #[serde(flatten)]
    pub extra: CaseExtra,
}

/// A `CFRubric`: criteria, each describing the levels of one item.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CaseRubric {
    /// `identifier`, unique in the package.
    #[serde(default)]
    pub identifier: String,
    /// `uri`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub uri: String,
    /// `title`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// `description`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `lastChangeDateTime`.
    #[serde(
        rename = "lastChangeDateTime",
        default,
        skip_serializing_if = "String::is_empty"
    )]
    pub last_change_date_time: String,
    /// `CFRubricCriteria`.
    #[serde(rename = "CFRubricCriteria", default)]
    pub criteria: Vec<CaseCriterion>,
    /// Other fields, verbatim.
    #[serde(flatten)]
    pub extra: CaseExtra,
}

/// A `CFRubricCriterion`: the performance levels of one item.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CaseCriterion {
    /// `identifier`, unique in the package.
    #[serde(default)]
    pub identifier: String,
    /// `uri`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub uri: String,
    /// `category`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// `description`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
    #[serde(rename = "rubricId", default, skip_serializing_if = "Option::is_none")]
    pub rubric_id: Option<String>,
    /// `lastChangeDateTime`.
    #[serde(
        rename = "lastChangeDateTime",
        default,
        skip_serializing_if = "String::is_empty"
    )]
    pub last_change_date_time: String,
    /// `CFRubricCriterionLevels`.
    #[serde(rename = "CFRubricCriterionLevels", default)]
    pub levels: Vec<CaseCriterionLevel>,
    /// Other fields, verbatim.
    #[serde(flatten)]
    pub extra: CaseExtra,
}

/// A `CFRubricCriterionLevel`: one performance level of a criterion.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CaseCriterionLevel {
    /// `identifier`, unique in the package.
    #[serde(default)]
    pub identifier: String,
    /// `uri`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub uri: String,
    /// `description`: what performance at this level looks like.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `quality`: the level's label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quality: Option<String>,
    /// `score`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// `feedback`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<String>,
    /// `position` among the criterion's levels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<i64>,
    /// `rubricCriterionId`: the criterion's identifier.
    #[serde(
        rename = "rubricCriterionId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub rubric_criterion_id: Option<String>,
    /// `lastChangeDateTime`.
    #[serde(
        rename = "lastChangeDateTime",
        default,
        skip_serializing_if = "String::is_empty"
    )]
    pub last_change_date_time: String,
    /// Other fields, verbatim.
    #[serde(flatten)]
    pub extra: CaseExtra,
}

impl CasePackage {
    /// Reads a package from CASE 1.1 JSON, without checking what it means.
    ///
    /// Absent fields read as empty; unknown fields are kept in `extra`.
    ///
    /// # Errors
    /// [`Error::Json`] for malformed JSON or a value of the wrong type, with its position.
    pub fn from_json(json: &str) -> Result<CasePackage, Error> {
        let json = crate::internal::json::without_bom(json);
        serde_json::from_str(json).map_err(|e| crate::internal::json::json_error(&e))
    }

    /// Writes the package as pretty-printed CASE JSON.
    pub fn to_json(&self) -> String {
        crate::internal::json::to_pretty_json(self)
    }

    /// Writes a framework's competency dictionary as a package described by `document`.
    ///
    /// Follows the export table on [`CasePackage`]. The output depends only on the
    /// arguments: the same framework, document and options give byte-identical JSON.
    ///
    /// # Errors
    /// Every problem at once: [`Error::CaseInvalidIdentifier`] when the document identifier
    /// or an area identifier is not a CASE UUID, [`Error::CaseInvalidDateTime`] when
    /// `lastChangeDateTime` is not an ISO 8601 date-time, [`Error::CaseMissingField`] for a
    /// blank title or creator, [`Error::CaseBlankArea`] for a competency whose area is
    /// blank, and [`Error::CaseDuplicateIdentifier`] when a competency id that is a UUID
    /// collides with another identifier.
    ///
    /// # Example
    /// ```
    /// use karmayogi::{CaseDocument, CaseExportOptions, CasePackage, Framework};
    ///
    /// let framework = Framework::from_json(r#"{"format_version": 1, "competencies": [
    ///   {"id": "drafting", "name": "Noting and drafting", "type": "functional",
    ///    "area": "Office procedure"}]}"#)?;
    /// let document = CaseDocument::new(
    ///     "0b3c9f4e-6a43-4c1e-9d0c-2f1a7e5b8c01", "Office competencies", "DoPT",
    ///     "2025-01-15T10:00:00Z");
    /// let package = CasePackage::from_framework(&framework, &document, &CaseExportOptions::default())?;
    /// assert_eq!(package.items.len(), 2); // the area, then the competency
    /// assert_eq!(package.items[1].human_coding_scheme.as_deref(), Some("drafting"));
    /// assert_eq!(package.associations[1].association_type, "isChildOf");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_framework(
        framework: &Framework,
        document: &CaseDocument,
        options: &CaseExportOptions,
    ) -> Result<CasePackage, Errors> {
        crate::internal::case::export(framework, document, options)
    }
}

/// Which CASE field gives a competency its id.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum CaseIds {
    /// `CFItem.identifier` (the default): always present and unique.
    #[default]
    Identifier,
    /// `CFItem.humanCodingScheme` where present and not blank, else `identifier`. Gives back
    /// ids exported from a spec whose ids are not UUIDs.
    HumanCodingScheme,
}

/// What the items of one `CFItemType` become.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseItemMapping {
    /// Competencies of this type.
    Competency(CompetencyType),
    /// Areas: their name becomes the `area` of their competency children.
    Area,
    /// Nothing: the items are dropped and reported.
    Ignore,
}

/// Options for [`CaseImport::from_json`] and [`CaseImport::from_package`].
#[derive(Clone, Debug, PartialEq)]
pub struct CaseImportOptions {
    pub(crate) item_types: BTreeMap<String, CaseItemMapping>,
    pub(crate) default_type: CompetencyType,
    pub(crate) ids: CaseIds,
}

impl Default for CaseImportOptions {
    fn default() -> Self {
        use CaseItemMapping::{Area, Competency};
        use CompetencyType::{Behavioural, Domain, Functional};
        let item_types = [
            ("behavioural competency", Competency(Behavioural)),
            ("behavioral competency", Competency(Behavioural)),
            ("functional competency", Competency(Functional)),
            ("domain competency", Competency(Domain)),
            ("area", Area),
        ]
        .into_iter()
        .map(|(name, mapping)| (name.to_owned(), mapping))
        .collect();
        CaseImportOptions {
            item_types,
            default_type: Functional,
            ids: CaseIds::Identifier,
        }
    }
}

impl CaseImportOptions {
    /// Maps items whose `CFItemType` is `name` (trimmed, any case) to `mapping`, replacing
    /// any earlier mapping of that name. Defaults: `Behavioural Competency`, `Behavioral
    /// Competency`, `Functional Competency`, `Domain Competency` and `Area`.
    pub fn item_type(mut self, name: &str, mapping: CaseItemMapping) -> Self {
        self.item_types.insert(type_key(name), mapping);
        self
    }

    /// The competency type of items whose `CFItemType` is not mapped and which are nobody's
    /// parent (default functional). Such items are reported as mapped by default.
    pub fn default_type(mut self, kind: CompetencyType) -> Self {
        self.default_type = kind;
        self
    }

    /// Which field gives competency ids (default [`CaseIds::Identifier`]).
    pub fn ids(mut self, ids: CaseIds) -> Self {
        self.ids = ids;
        self
    }
}

/// The key a `CFItemType` is looked up by: trimmed, lowercase.
pub(crate) fn type_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Options for [`CasePackage::from_framework`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseExportOptions {
    pub(crate) base_uri: Option<String>,
    pub(crate) type_names: [String; 3],
    pub(crate) area_type: String,
    pub(crate) area_ids: BTreeMap<String, String>,
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
            area_type: "Area".to_owned(),
            area_ids: BTreeMap::new(),
            rubric_title: "Proficiency levels".to_owned(),
        }
    }
}

impl CaseExportOptions {
    /// The base of every element's `uri`, e.g. `https://case.example.org/ims/case/v1p1`:
    /// an item's uri is then `{base}/CFItems/{identifier}`. Default: `urn:uuid:{identifier}`.
    pub fn base_uri(mut self, base: impl Into<String>) -> Self {
        let base: String = base.into();
        self.base_uri = Some(base.trim_end_matches('/').to_owned());
        self
    }

    /// The `CFItemType` written for competencies of `kind` (defaults: `Behavioural
    /// Competency`, `Functional Competency`, `Domain Competency`). Import maps the defaults
    /// back; map any other name with [`CaseImportOptions::item_type`].
    pub fn item_type(mut self, kind: CompetencyType, name: impl Into<String>) -> Self {
        if let Some(slot) = self.type_names.get_mut(kind.index()) {
            *slot = name.into();
        }
        self
    }

    /// The `CFItemType` written for area items (default `Area`).
    pub fn area_item_type(mut self, name: impl Into<String>) -> Self {
        self.area_type = name.into();
        self
    }

    /// The identifier of the area item for area `name`, e.g. from
    /// [`CaseImportReport::areas`], instead of the derived one. Must be a CASE UUID.
    pub fn area_identifier(
        mut self,
        name: impl Into<String>,
        identifier: impl Into<String>,
    ) -> Self {
        self.area_ids.insert(name.into(), identifier.into());
        self
    }

    /// The title of the rubric holding the level descriptors (default `Proficiency levels`).
    pub fn rubric_title(mut self, title: impl Into<String>) -> Self {
        self.rubric_title = title.into();
        self
    }
}

/// A CASE package read into a spec, with a report of everything the spec could not hold.
#[derive(Clone, Debug, PartialEq)]
pub struct CaseImport {
    /// The competency dictionary, sorted by id; no activities, roles, positions or courses.
    pub spec: FrameworkSpec,
    /// What was mapped how, and everything not carried into the spec.
    pub report: CaseImportReport,
}

impl CaseImport {
    /// Reads CASE 1.1 JSON and maps it as [`CaseImport::from_package`] does.
    ///
    /// # Errors
    /// A single [`Error::Json`] when the text is not a JSON package of the right shape;
    /// otherwise every problem [`CaseImport::from_package`] finds.
    ///
    /// # Example
    /// ```
    /// use karmayogi::{CaseImport, CaseImportOptions, CompetencyType, Framework};
    ///
    /// let json = r#"{
    ///   "CFDocument": {"identifier": "d0000000-0000-4000-8000-000000000000",
    ///                  "uri": "https://case.example.org/d", "creator": "DoPT",
    ///                  "title": "Office competencies", "lastChangeDateTime": "2025-01-15T10:00:00Z"},
    ///   "CFItems": [
    ///     {"identifier": "a0000000-0000-4000-8000-000000000001", "fullStatement": "Office procedure",
    ///      "CFItemType": "Area"},
    ///     {"identifier": "c0000000-0000-4000-8000-000000000001", "abbreviatedStatement": "Noting and drafting",
    ///      "fullStatement": "Writes clear notes and drafts replies on files.",
    ///      "CFItemType": "Functional Competency", "humanCodingScheme": "OP.1"}
    ///   ],
    ///   "CFAssociations": [
    ///     {"identifier": "e0000000-0000-4000-8000-000000000001", "associationType": "isChildOf",
    ///      "originNodeURI": {"identifier": "c0000000-0000-4000-8000-000000000001"},
    ///      "destinationNodeURI": {"identifier": "a0000000-0000-4000-8000-000000000001"}}
    ///   ]
    /// }"#;
    /// let import = CaseImport::from_json(json, &CaseImportOptions::default())?;
    /// let c = &import.spec.competencies[0];
    /// assert_eq!(c.name, "Noting and drafting");
    /// assert_eq!(c.kind, CompetencyType::Functional);
    /// assert_eq!(c.area.as_deref(), Some("Office procedure"));
    /// // Nothing is dropped silently: the unused code is reported.
    /// assert_eq!(import.report.dropped_fields[0].field, "humanCodingScheme");
    /// Framework::new(import.spec)?;
    /// # Ok::<(), karmayogi::Errors>(())
    /// ```
    pub fn from_json(json: &str, options: &CaseImportOptions) -> Result<CaseImport, Errors> {
        CaseImport::from_package(&CasePackage::from_json(json)?, options)
    }

    /// Maps a package to a competency dictionary, following the import table on
    /// [`CasePackage`].
    ///
    /// # Errors
    /// [`Errors`] listing every problem: [`Error::CaseMissingDocument`],
    /// [`Error::CaseMissingIdentifier`], [`Error::CaseMissingField`],
    /// [`Error::CaseDuplicateIdentifier`], [`Error::CaseUnknownNode`],
    /// [`Error::CaseChildOfCycle`], [`Error::CaseUnknownCriterionItem`],
    /// [`Error::CaseTooManyLevels`], [`Error::CaseConflictingCriteria`] and
    /// [`Error::DuplicateId`] for two items giving the same competency id.
    pub fn from_package(
        package: &CasePackage,
        options: &CaseImportOptions,
    ) -> Result<CaseImport, Errors> {
        crate::internal::case::import(package, options)
    }
}

/// The kinds of CASE element, for reports and errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum CaseElement {
    /// The `CFPackage` itself.
    Package,
    /// A `CFDocument`.
    Document,
    /// A `CFItem`.
    Item,
    /// A `CFAssociation`.
    Association,
    /// A `CFRubric`.
    Rubric,
    /// A `CFRubricCriterion`.
    Criterion,
    /// A `CFRubricCriterionLevel`.
    Level,
}

impl fmt::Display for CaseElement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Package => "CFPackage",
            Self::Document => "CFDocument",
            Self::Item => "CFItem",
            Self::Association => "CFAssociation",
            Self::Rubric => "CFRubric",
            Self::Criterion => "CFRubricCriterion",
            Self::Level => "CFRubricCriterionLevel",
        })
    }
}

/// Everything an import mapped by rule or could not carry, sorted for stable output.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CaseImportReport {
    /// The `CFDocument`, as read.
    pub document: CaseDocument,
    /// Every `CFItemType` met and what its items became, sorted by type then mapping.
    pub item_types: Vec<CaseItemTypeUse>,
    /// The items that became areas, sorted by identifier.
    pub areas: Vec<CaseArea>,
    /// Associations the spec has no place for, as read, sorted by identifier.
    pub associations: Vec<CaseKeptAssociation>,
    /// Elements not carried into the spec, sorted by element then identifier.
    pub dropped: Vec<CaseDropped>,
    /// Fields of carried elements that the spec has no place for, sorted by element,
    /// identifier and field.
    pub dropped_fields: Vec<CaseDroppedField>,
}

impl CaseImportReport {
    /// Whether the spec holds everything the package said, apart from the regenerated
    /// fields: no association kept aside, nothing dropped, and every `CFItemType` mapped by
    /// the options rather than by default.
    pub fn is_complete(&self) -> bool {
        self.associations.is_empty()
            && self.dropped.is_empty()
            && self.dropped_fields.is_empty()
            && self.item_types.iter().all(|t| !t.by_default)
    }
}

/// How the items of one `CFItemType` were mapped.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CaseItemTypeUse {
    /// The `CFItemType` as written (trimmed); `None` for items without one.
    pub item_type: Option<String>,
    /// What the items became.
    pub mapping: CaseItemMapping,
    /// `true` when the options do not map this type and the default rule decided: area for
    /// a parent, [`CaseImportOptions::default_type`] otherwise.
    pub by_default: bool,
    /// The items' identifiers, sorted.
    pub items: Vec<String>,
}

/// An item that became an area.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CaseArea {
    /// The item's identifier.
    pub identifier: String,
    /// The area name its competency children carry.
    pub name: String,
}

/// An association kept as data because the spec has no place for it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CaseKeptAssociation {
    /// The association, as read.
    pub association: CaseAssociation,
    /// The competency at its origin, when the origin became one.
    pub origin: Option<CompetencyId>,
    /// The competency at its destination, when the destination became one.
    pub destination: Option<CompetencyId>,
}

/// An element not carried into the spec.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CaseDropped {
    /// What kind of element.
    pub element: CaseElement,
    /// Its identifier.
    pub identifier: String,
    /// Why it was dropped.
    pub reason: CaseDropReason,
}

/// Why an element was not carried into the spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseDropReason {
    /// An item whose `CFItemType` maps to [`CaseItemMapping::Ignore`].
    IgnoredType,
    /// A criterion without `CFItemURI`.
    NoItem,
    /// A criterion for an item that became an area or was ignored.
    NotACompetency,
    /// A criterion without levels.
    NoLevels,
    /// A rubric without criteria.
    NoCriteria,
}

/// A field of a carried element that the spec has no place for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CaseDroppedField {
    /// What kind of element holds it.
    pub element: CaseElement,
    /// The element's identifier (for the package, the document's).
    pub identifier: String,
    /// The field's JSON name, e.g. `notes`.
    pub field: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_types_are_looked_up_trimmed_and_in_any_case() {
        let options = CaseImportOptions::default().item_type(
            "  Standard ",
            CaseItemMapping::Competency(CompetencyType::Domain),
        );
        assert_eq!(
            options.item_types.get(&type_key("STANDARD")),
            Some(&CaseItemMapping::Competency(CompetencyType::Domain))
        );
        assert_eq!(
            options.item_types.get(&type_key("Behavioral Competency")),
            Some(&CaseItemMapping::Competency(CompetencyType::Behavioural))
        );
    }

    #[test]
    fn unknown_fields_survive_a_read_and_write() {
        let json = r#"{"CFDocument": {"identifier": "d", "title": "t", "creator": "c",
            "lastChangeDateTime": "2025-01-01T00:00:00Z", "publisher": "p"},
            "CFItems": [{"identifier": "i", "fullStatement": "s", "notes": "n",
                         "educationLevel": ["09"]}],
            "CFAssociations": [], "CFDefinitions": {"CFItemTypes": []}}"#;
        let package = CasePackage::from_json(json).unwrap();
        assert_eq!(package.items[0].extra["notes"], "n");
        assert!(package.extra.contains_key("CFDefinitions"));
        assert_eq!(CasePackage::from_json(&package.to_json()).unwrap(), package);
    }

    #[test]
    fn wrong_types_are_json_errors_with_a_position() {
        let e = CasePackage::from_json("{\n\"CFItems\": 3}").unwrap_err();
        assert!(matches!(e, Error::Json { line: 2, .. }), "{e:?}");
        assert!(matches!(
            CasePackage::from_json("not json"),
            Err(Error::Json { line: 1, .. })
        ));
    }

    #[test]
    fn export_options_trim_the_base_uri() {
        let options = CaseExportOptions::default().base_uri("https://x.org/case/");
        assert_eq!(options.base_uri.as_deref(), Some("https://x.org/case"));
    }
}
