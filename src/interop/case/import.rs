//! Reading a CASE package into a spec: the options, and the report of everything the spec
//! could not hold. The mapping table is in the [`CasePackage`] docs.

use crate::model::id_values::IdValues;

use serde::Serialize;

use crate::interop::case::package::{CaseAssociation, CaseDocument, CaseRenamedKey};
use crate::model::spec::{CompetencyType, FrameworkSpec, GroupKind};
use crate::{CaseElement, CompetencyId, GroupId, Level};

/// Which CASE field gives a competency or group its id.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum CaseIds {
    /// `CFItem.identifier` (the default): always present and unique. An identifier that is
    /// a UUID becomes an id in lowercase, its canonical form (RFC 9562). One exception: an
    /// item whose identifier is the one the crate's export derives from its
    /// `humanCodingScheme` (the version-5 UUID of `competency/{code}`, `group/{code}` or,
    /// for a group `area:{name}`, `area/{name}`, in the namespace of the document's
    /// identifier; or, when another item or the document holds that one, as a competency
    /// whose UUID id it is can, the next export falls to: `…/2`, `…/3` and so on)
    /// was exported from a framework whose id is that code: the identifier
    /// holds nothing the code does not, so the code is the id, and a round trip gives the
    /// ids back under the default options too. Any other code is reported as set aside.
    #[default]
    Identifier,
    /// `CFItem.humanCodingScheme` where present and not blank, trimmed, else as
    /// [`CaseIds::Identifier`]. Gives back ids exported from a spec whose ids are not UUIDs:
    /// a code that gave its item's identifier (as under [`CaseIds::Identifier`]) is the id
    /// as written, spaces around it too, as export writes an id.
    /// A code that is another item's identifier (of the same kind) is refused with
    /// [`Error::CaseDuplicateId`](crate::Error::CaseDuplicateId), naming both items.
    HumanCodingScheme,
}

/// What the items of one `CFItemType` become.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseItemMapping {
    /// Competencies of this type.
    Competency(CompetencyType),
    /// Competency groups of this kind, with the items' identities.
    Group(GroupKind),
    /// Nothing: the items are dropped and reported.
    Ignore,
}

/// How the `score`s of a rubric criterion's levels become FRAC proficiency levels.
///
/// The proficiency order always comes from `score`, never from the levels' display
/// `position`: a higher score is a higher level. A criterion whose scores the rule cannot
/// map (a level without a score, two levels with the same score, a score the rule does not
/// cover) is set aside with its item, and the package's other items import; the report
/// lists every criterion with the rule applied and the level each score became
/// ([`CaseImportReport::scales`]). The crate's scale stays FRAC's 0 to 5, so a framework
/// with more levels (SFIA 7, `DigComp` 8, O*NET 0–7) needs [`CaseLevelRule::Proportional`]
/// or [`CaseLevelRule::Table`]; nothing is truncated silently.
///
/// A rubric this crate exported says in its `description` that its scores are FRAC's
/// levels; its criteria are mapped by [`CaseLevelRule::Score`] whatever the rule, so that a
/// framework imported under `Proportional` and exported imports again under the same
/// options to the same framework (see the module's mapping rules).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseLevelRule {
    /// The score is the level (the default): whole scores 0 to 5, 0 meaning none (a "not
    /// evident" level). A rubric scored 1 to 4 gives levels 1 to 4, one scored 4 and 5 only
    /// gives a competency existing at levels 4 and 5.
    #[default]
    Score,
    /// Levels in score order: a score of 0 is level 0 (none), and the positive scores,
    /// lowest first, are levels 1, 2, … (at most five). For rubrics scored in points, e.g.
    /// 10, 20, 30.
    Rank,
    /// A framework of `top` levels mapped proportionally onto FRAC's five:
    /// `⌈score × 5 / top⌉` for whole scores 0 to `top` (0 stays none), computed exactly.
    /// `Proportional { top: 7 }` maps SFIA's levels 1–7 to 1, 2, 3, 3, 4, 5, 5, as the
    /// O*NET loader maps its 0–7 level scale. Several scores may give one level: the
    /// lowest-scored level's text describes it, the others are reported.
    Proportional {
        /// The highest score of the framework's scale, at least 1 (0 is
        /// [`Error::InvalidOption`](crate::Error::InvalidOption)).
        top: u32,
    },
    /// An explicit table from score to level; scores not in it cannot be mapped. Several
    /// scores may give one level, as for `Proportional`. Scores must be finite and each
    /// given once, and a higher score must not give a lower level; otherwise the import
    /// fails with [`Error::InvalidOption`](crate::Error::InvalidOption).
    Table(Vec<(f64, Level)>),
}

/// Which way a rubric's scores run: whether a higher score is a higher proficiency level.
///
/// CASE says nothing about it, and neither does a level's display `position` (publishers
/// list the best level first as often as last), so the caller says it; the import report
/// states it per criterion ([`CaseScale::order`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseScoreOrder {
    /// A higher score is a higher level (the default; CASE's `score` is points awarded).
    #[default]
    HigherIsBetter,
    /// A lower score is a higher level, as on scales where 1 is the best level. Each score
    /// other than 0 is turned over the criterion's lowest and highest scores other than 0
    /// (`lowest + highest − score`: 1 to 5 becomes 5 to 1, a gap stays a gap) before the
    /// [`CaseLevelRule`] maps it; 0 stays 0, the level of none ("not applicable"). Letter
    /// grades are read with `A` best whatever the order ([`CaseScoreReading::Letters`]).
    LowerIsBetter,
}

/// How the `score`s of one rubric criterion's levels were read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseScoreReading {
    /// As numbers: JSON numbers, and text holding a decimal number (`"3"`, `"2,5"`), a
    /// percentage (`"75%"`, 75) or a level label (`"L3"`). A level whose score is other
    /// text has no score ([`CaseDropReason::Unscored`]).
    #[default]
    Numbers,
    /// As letter grades, `A` the best: every level of the criterion that has a score
    /// writes it as one letter (any case), optionally followed by `+` or `-`, and none as
    /// a number. The last letter used scores 1 and each letter before it one more (`A` to
    /// `E` score 5 to 1; `A`, `B`, `D` score 4, 3, 1: the gap of the unused `C` is kept),
    /// whatever [`CaseScoreOrder`] says. When a grade has `+` or `-` (`A+` above `A`
    /// above `A-` above `B+`), which grades lie between those used is unknowable, so only
    /// their order counts: the lowest used scores 1 and each higher one more (`A+`, `A`,
    /// `B` score 3, 2, 1).
    Letters,
    /// As Roman numerals `I` to `X` (any case), each its value, alone or in a level label
    /// (`"Level IV"`, `"Lvl IV"`, `"L IV"`, `"L-IV"`; not `"LIV"`, a numeral of its own):
    /// every level of the criterion that has a score writes it so, and none as a number
    /// (`"Level 4"` and `"L4"` are numbers, as [`CaseScoreReading::Numbers`] says). A criterion whose
    /// every score reads both as a letter and as a numeral (`"I"`, `"V"`, `"X"` alone) is
    /// neither: which is meant is unknowable, and its levels are unscored.
    RomanNumerals,
}

/// Options for [`CaseImport::from_json`] and [`CaseImport::from_package`].
#[derive(Clone, Debug, PartialEq)]
pub struct CaseImportOptions {
    pub(crate) item_types: IdValues<String, CaseItemMapping>,
    pub(crate) default_type: CompetencyType,
    pub(crate) ids: CaseIds,
    pub(crate) level_rule: CaseLevelRule,
    pub(crate) score_order: CaseScoreOrder,
}

impl Default for CaseImportOptions {
    fn default() -> Self {
        use CaseItemMapping::{Competency, Group};
        use CompetencyType::{Behavioural, Domain, Functional};
        let mut item_types = IdValues::default();
        for (name, mapping) in [
            ("behavioural competency", Competency(Behavioural)),
            ("behavioral competency", Competency(Behavioural)),
            ("functional competency", Competency(Functional)),
            ("domain competency", Competency(Domain)),
            ("area", Group(GroupKind::Area)),
            ("theme", Group(GroupKind::Theme)),
            ("sub-theme", Group(GroupKind::SubTheme)),
            ("subtheme", Group(GroupKind::SubTheme)),
            ("competency group", Group(GroupKind::Free)),
        ] {
            item_types.insert(type_key(name), mapping);
        }
        CaseImportOptions {
            item_types,
            default_type: Functional,
            ids: CaseIds::Identifier,
            level_rule: CaseLevelRule::Score,
            score_order: CaseScoreOrder::HigherIsBetter,
        }
    }
}

impl CaseImportOptions {
    /// Maps items whose `CFItemType` is `name` to `mapping`, replacing any earlier mapping
    /// of that name. Names compare in any case and with their words apart or together,
    /// separated by any whitespace, `_` or `-` (`Functional Competency`,
    /// `functional_competency`, `Functional\u{a0}Competency`: one type). Defaults: `Behavioural Competency`, `Behavioral
    /// Competency`, `Functional Competency`, `Domain Competency`, and the groups `Area`,
    /// `Theme`, `Sub-theme` (or `Subtheme`) and `Competency Group`.
    pub fn item_type(mut self, name: &str, mapping: CaseItemMapping) -> Self {
        self.item_types.insert(type_key(name), mapping);
        self
    }

    /// The competency type of items whose `CFItemType` is not mapped and which are nobody's
    /// parent (default functional). Such items are reported as mapped by default; unmapped
    /// items that are a parent become free groups, also by default.
    pub fn default_type(mut self, kind: CompetencyType) -> Self {
        self.default_type = kind;
        self
    }

    /// Which field gives competency and group ids (default [`CaseIds::Identifier`]).
    pub fn ids(mut self, ids: CaseIds) -> Self {
        self.ids = ids;
        self
    }

    /// How rubric scores become levels (default [`CaseLevelRule::Score`]).
    pub fn level_rule(mut self, rule: CaseLevelRule) -> Self {
        self.level_rule = rule;
        self
    }

    /// Which way rubric scores run (default [`CaseScoreOrder::HigherIsBetter`]). A rubric
    /// this crate exported is read higher-is-better whatever the order, as its note on
    /// FRAC's scale says.
    pub fn score_order(mut self, order: CaseScoreOrder) -> Self {
        self.score_order = order;
        self
    }
}

/// The key a `CFItemType` (or an `associationType`) is compared by: its letters in
/// lowercase, without the whitespace (any Unicode whitespace: a no-break space from a
/// spreadsheet, a tab), `_` and `-` around and between its words, so `Behavioural
/// Competency`, `behavioural_competency`, `Behavioural\u{a0}Competency` and
/// `BehaviouralCompetency` are one type, as `Sub-theme` and `Subtheme` are. Any other
/// character (a zero-width space, a `.`) makes another type. O(length).
pub(crate) fn type_key(name: &str) -> String {
    name.chars()
        .filter(|&c| !is_type_separator(c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether `c` separates the words of a type name (see [`type_key`]).
pub(crate) fn is_type_separator(c: char) -> bool {
    c.is_whitespace() || c == '_' || c == '-'
}

/// A CASE package read into a spec, with a report of everything the spec could not hold.
#[derive(Clone, Debug, PartialEq)]
pub struct CaseImport {
    /// The competency dictionary and its groups, sorted by id; no activities, roles,
    /// positions or courses.
    pub spec: FrameworkSpec,
    /// What was mapped how, and everything not carried into the spec.
    pub report: CaseImportReport,
}

/// Everything an import mapped by rule or could not carry, sorted for stable output.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CaseImportReport {
    /// The `CFDocument`, as read.
    pub document: CaseDocument,
    /// Every item type met, where it came from and what its items became, sorted by type,
    /// source and mapping.
    pub item_types: Vec<CaseItemTypeUse>,
    /// The items that became groups, sorted by identifier.
    pub groups: Vec<CaseGroup>,
    /// Every rubric criterion whose levels were mapped (or could not be), with the rule
    /// applied, sorted by item then criterion.
    pub scales: Vec<CaseScale>,
    /// Every `hasSkillLevel` association read as a competency's level (or set aside), with
    /// the number that placed it and the level it became, sorted by item then association.
    pub skill_levels: Vec<CaseSkillLevel>,
    /// Associations the spec has no place for, as read, sorted by identifier: crosswalks,
    /// links to items outside the package, `isChildOf` between competencies, repeats.
    pub associations: Vec<CaseKeptAssociation>,
    /// Elements not carried into the spec, sorted by element then identifier.
    pub dropped: Vec<CaseDropped>,
    /// Fields of carried elements that the spec has no place for, or whose value had a type
    /// CASE does not allow, and document fields CASE requires that are missing or do not
    /// read (so that exporting with this document would be refused), sorted by element,
    /// identifier and field.
    pub dropped_fields: Vec<CaseDroppedField>,
    /// Package keys and element fields written in another case than CASE's
    /// (`cfDocument`, `cfItemType`, `FullStatement`) and read under CASE's name, each
    /// spelling once, in the order met (see [`CasePackage::renamed`](crate::CasePackage::renamed)),
    /// then, once, `alternativeLabel` read as `fullStatement` for items without one (case/93):
    /// nothing was lost, so they do not make the import incomplete, but a publisher may
    /// want to know.
    pub renamed: Vec<CaseRenamedKey>,
}

impl CaseImportReport {
    /// Whether the spec holds everything the package said, apart from the regenerated
    /// fields: no association kept aside, nothing dropped, every item type mapped by
    /// the options rather than by default, and a document the crate's export accepts
    /// (title, creator and a `lastChangeDateTime` that reads). Distinct items never merge,
    /// so a complete import lost nothing and round-trips: exported with
    /// [`document`](Self::document) and imported again, it gives the same spec, with the
    /// same ids when they are CASE UUIDs (version 1 to 5) and, for other identifiers (codes,
    /// URIs, UUIDs of version 0 or 7, which export replaces by derived UUIDs), when imported
    /// with [`CaseIds::HumanCodingScheme`](crate::CaseIds::HumanCodingScheme). A framework
    /// whose ids are not UUIDs, exported, imports complete with its ids under either
    /// option (see [`CaseIds::Identifier`](crate::CaseIds::Identifier)).
    pub fn is_complete(&self) -> bool {
        self.associations.is_empty()
            && self.dropped.is_empty()
            && self.dropped_fields.is_empty()
            && self.item_types.iter().all(|t| !t.by_default)
    }
}

/// Where an item's type came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseTypeSource {
    /// `CFItemType`.
    ItemType,
    /// The title of `CFItemTypeURI` (or of the `CFDefinitions` item type it links to), as
    /// there was no `CFItemType`.
    ItemTypeUri,
    /// Both, naming the same type.
    Both,
    /// `CFItemType`, which CASE gives first, as `CFItemTypeURI` names another type (the
    /// link is reported as superseded).
    ItemTypeOverUri,
    /// Neither: the item has no type.
    Neither,
}

/// How the items of one item type were mapped.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CaseItemTypeUse {
    /// The type as written (trimmed); `None` for items without one.
    pub item_type: Option<String>,
    /// Which field gave it.
    pub source: CaseTypeSource,
    /// What the items became.
    pub mapping: CaseItemMapping,
    /// `true` when the options do not map this type and the default rule decided: a free
    /// group for a parent, [`CaseImportOptions::default_type`] otherwise.
    pub by_default: bool,
    /// The items' identifiers, sorted.
    pub items: Vec<String>,
}

/// An item that became a competency group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CaseGroup {
    /// The item's identifier.
    pub identifier: String,
    /// The group's id in the spec.
    pub id: GroupId,
    /// The group's name.
    pub name: String,
}

/// How one rubric criterion's levels were mapped to a competency's levels.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CaseScale {
    /// The item the criterion describes.
    pub item: String,
    /// The criterion.
    pub criterion: String,
    /// The competency that got the levels; `None` when the criterion was set aside with
    /// its item.
    pub competency: Option<CompetencyId>,
    /// The rule applied.
    pub rule: CaseLevelRule,
    /// How the scores were read.
    pub reading: CaseScoreReading,
    /// Which way the scores were taken to run.
    pub order: CaseScoreOrder,
    /// Every level of the criterion, lowest proficiency first (by score, or by score
    /// turned under [`CaseScoreOrder::LowerIsBetter`]; levels without a score last, then
    /// by identifier), with the level the rule maps each to; when the criterion was set
    /// aside, the levels the rule cannot map show which.
    pub levels: Vec<CaseScaleLevel>,
}

/// One criterion level and the FRAC level its score became.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CaseScaleLevel {
    /// The level's identifier.
    pub identifier: String,
    /// Its score as read, when it has one: a number, or the number a letter grade or
    /// Roman numeral gives ([`CaseScale::reading`]).
    pub score: Option<f64>,
    /// The text a letter grade or Roman numeral score was read from, as written
    /// (trimmed); `None` for scores read as numbers.
    pub written: Option<String>,
    /// The level the rule maps its score to (0: none); `None` when the rule cannot map it.
    pub level: Option<Level>,
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
    /// For [`CaseDropReason::StatementOfWrongType`], the field of the wrong type and its
    /// value; `None` for every other reason (then absent from the JSON form).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statement: Option<CaseWrongStatement>,
}

/// A field naming an item that holds a value of another JSON type than text or a
/// language map (`"fullStatement": 5`), which left the item unnamed
/// ([`CaseDropReason::StatementOfWrongType`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CaseWrongStatement {
    /// The field: `abbreviatedStatement`, `fullStatement`, `alternativeLabel` or
    /// `humanCodingScheme`.
    pub field: &'static str,
    /// The JSON type found, e.g. `an integer`.
    pub found: &'static str,
    /// The value as JSON text (`5`, `["Drafts notes"]`, `"\u0007"` escapes as JSON
    /// does); past 200 characters, its first 200 followed by `…` and its length, as error
    /// messages show long values.
    pub value: String,
}

/// A `hasSkillLevel` association read as one of a competency's proficiency levels.
///
/// CASE 1.1 (1EdTech, the `CFAssociationTypeExtEnum` of the CASE 1.1 information model
/// and its JSON schema, `case_v1p1_cfpackage-jsonschema1.json`) links an item to the items
/// that are its skill levels by an association of type `hasSkillLevel` from the item (the
/// origin) to each level item (the destination); `OpenSALT` shows the reverse as "Skill
/// Level For". A level item becomes a [`LevelDescriptor`](crate::LevelDescriptor) of the
/// competency, named and described as an item is (its `abbreviatedStatement`, else its
/// `fullStatement`, is the name; its `fullStatement` beside an `abbreviatedStatement` is
/// the description), and is no competency of its own.
///
/// The level is a number the package gives, mapped to FRAC's levels by
/// [`CaseImportOptions::level_rule`] as a rubric level's `score` is (by default the number
/// is the level): the association's `sequenceNumber`, which CASE 1.1 prefers for ordering
/// (its schema: "Use of this property for sequencing is preferred over the use of the
/// 'listEnumeration' property"); else the level item's `listEnumeration` read as a
/// level's number (`2`, `L2`, `Level 2`, `II`); else the number its name carries (`2 -
/// Developing`, `Level 2: Developing`). A level the package gives no number, or one the
/// rule cannot map, is set aside ([`CaseDropReason::UnreadSkillLevel`]), never placed by
/// the order of the list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CaseSkillLevel {
    /// The association's identifier.
    pub association: String,
    /// The item whose level it is (the association's origin).
    pub item: String,
    /// The competency that item became.
    pub competency: Option<CompetencyId>,
    /// The level item (the association's destination).
    pub level_item: String,
    /// The number that placed the level, as read; `None` when the package gives none.
    pub number: Option<i64>,
    /// Where the number was read: `sequenceNumber`, `listEnumeration` or `name`; `None`
    /// when the package gives none.
    pub source: Option<&'static str>,
    /// The level it became; `None` when set aside (then listed in
    /// [`CaseImportReport::dropped`] with its association).
    pub level: Option<Level>,
}

/// Why an element was not carried into the spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseDropReason {
    /// An item whose `CFItemType` maps to [`CaseItemMapping::Ignore`].
    IgnoredType,
    /// An item nothing names: its `abbreviatedStatement`, `fullStatement`,
    /// `alternativeLabel` and `humanCodingScheme` are each absent or show nothing; and a
    /// criterion describing an
    /// item nothing names (this one or one set aside as
    /// [`CaseDropReason::StatementOfWrongType`]). What is `isChildOf` it imports without
    /// it, the association kept in [`CaseImportReport::associations`].
    NoStatement,
    /// An item nothing names because its `abbreviatedStatement`, `fullStatement`,
    /// `alternativeLabel` or `humanCodingScheme` holds a value that is neither text nor a
    /// language map (`"fullStatement": 5`), and none of the four shows text:
    /// [`CaseDropped::statement`] gives the first such field, its JSON type and its value.
    /// What is `isChildOf` it imports without it, as for
    /// [`CaseDropReason::NoStatement`]. Write the statement as text.
    StatementOfWrongType,
    /// A criterion without `CFItemURI`.
    NoItem,
    /// A criterion whose `CFItemURI` names an item outside the package.
    OutsidePackage,
    /// A criterion for an item that became a group, was ignored, or is another item's
    /// skill level ([`CaseSkillLevel`]).
    NotACompetency,
    /// A criterion without levels above level 0.
    NoLevels,
    /// A rubric without criteria.
    NoCriteria,
    /// A criterion whose scores the level rule cannot map, and its item: see
    /// [`CaseImportReport::scales`].
    UnmappedScale,
    /// One of several criteria giving levels to one item, not all giving the same scale
    /// (criteria that all do are read as a single criterion is): which one's scale holds
    /// is unknowable, so each is set aside. The item still imports, with the levels they agree
    /// on: from the highest of their lowest levels to the lowest of their highest (each
    /// criterion whose scores the rule maps counts), a level described where every such
    /// criterion describes it alike (same name, same text); with no level in common, or no
    /// criterion the rule maps, the default levels 1 to 5, undescribed.
    /// [`CaseImportReport::scales`] lists every criterion's levels.
    ConflictingCriteria,
    /// A level whose score maps to the same level as a lower score's, which describes it.
    MergedLevel,
    /// A level without a score (absent, `null`, or a value that is no number, reported in
    /// [`CaseImportReport::dropped_fields`], including a letter or Roman numeral in a
    /// criterion that does not write all its scores in that one scheme, see
    /// [`CaseScoreReading`]): its place in the proficiency order is unknown. The
    /// criterion's scored levels are imported. Also a criterion none of whose levels has
    /// a score, and its item: CASE makes `score` optional and a level's `position` is
    /// display order, never a proficiency order, so the levels have no order at all and
    /// no [`CaseLevelRule`] could map them (the default levels would state a scale the
    /// rubric does not); the criterion, each of its levels and the item are reported.
    Unscored,
    /// A level whose score another level of its criterion has too: which text describes
    /// that level is unknowable, so the competency has the level, undescribed, and each
    /// such level is reported.
    SharedScore,
    /// An item, association or rubric identical to an earlier one with its identifier (a
    /// server paging its answer may send one twice; a client fetching each item's rubric
    /// gets a rubric covering several items once per item; a package completed from the
    /// endpoints serving one element): the earlier one is used. Identical as the import
    /// reads them: identifiers spelled otherwise, fields holding nothing (`null`, `""`,
    /// `[]`) in one copy only, a `CFDocumentURI` naming the package's document in one
    /// copy only, another spelling of `isChildOf` (case/67), a rubric's criteria and
    /// levels in another order (case/70). Also a copy agreeing with an earlier one on
    /// what identifies its content (an item's `fullStatement`, an association's type and
    /// ends, a rubric's criteria, the document's `title`) but not on every other field:
    /// the copies are read as one element, each field a later copy alone writes taken
    /// from it, and each value it writes differently reported as
    /// [`CaseFieldReason::CopyDiffers`] (case/88; a document's copies, case/87).
    /// Elements that share an identifier but differ in their content are
    /// [`Error::CaseDuplicateIdentifier`](crate::Error::CaseDuplicateIdentifier).
    Repeated,
    /// An association whose `associationType` is absent or blank.
    NoAssociationType,
    /// An association whose `originNodeURI` is absent or names no node (neither
    /// `identifier` nor `uri`).
    NoOrigin,
    /// An association whose `destinationNodeURI` is absent or names no node (neither
    /// `identifier` nor `uri`).
    NoDestination,
    /// A `hasSkillLevel` association (see [`CaseSkillLevel`]) whose level the package gives
    /// no number (no `sequenceNumber`, no `listEnumeration` that reads as a level, no number
    /// in the level item's name), or a number the level rule cannot map: its place in the
    /// proficiency order is unknown. Also a level item that so gives no level to any
    /// competency: it is no competency either.
    UnreadSkillLevel,
    /// A `hasSkillLevel` association of an item whose levels a rubric criterion gives:
    /// the criterion's levels hold, and the skill level is set aside (a level item so
    /// giving no level to any competency too).
    SkillLevelBesideRubric,
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
    /// Why it was set aside.
    pub reason: CaseFieldReason,
    /// For [`CaseFieldReason::CopyDiffers`], the copy whose value was set aside and the
    /// one whose value is used, with both values; `None` for every other reason (then
    /// absent from the JSON form).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copy: Option<CaseCopyValues>,
}

/// The two values copies of one element write in one field
/// ([`CaseFieldReason::CopyDiffers`]): the one set aside and the one used.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CaseCopyValues {
    /// The place of the copy whose value was set aside, as written (`CFItems[3]`,
    /// `null`s before it counted).
    pub at: String,
    /// That copy's value, as JSON text (`"Evidence Required 2"`, quotes included).
    pub value: String,
    /// The place of the copy whose value is used: the first, in the package's order, that
    /// writes the field (`CFItems[2]`).
    pub kept_at: String,
    /// The value used, as JSON text.
    pub kept: String,
}

/// Why a field was set aside.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseFieldReason {
    /// The spec has no place for it.
    NoPlace,
    /// Its value has a type CASE does not allow there (e.g. `"sequenceNumber": "1"`), so it
    /// was read as absent.
    WrongType {
        /// The JSON type found, e.g. `a string`.
        found: &'static str,
        /// What CASE defines, e.g. `an integer`.
        expected: &'static str,
    },
    /// Another field said the same thing differently and was used instead.
    Superseded {
        /// The field used.
        by: &'static str,
    },
    /// A document field CASE requires (`title`, `creator`, `lastChangeDateTime`) is absent
    /// or shows nothing. Nothing was lost, but an export described by
    /// [`CaseImportReport::document`] is refused
    /// ([`Error::CaseMissingField`](crate::Error::CaseMissingField),
    /// [`Error::CaseInvalidDateTime`](crate::Error::CaseInvalidDateTime)) until it is given.
    /// Also the package's `CFDocument` (element [`CaseElement::Package`]) when the package
    /// has none and the document was read from the `CFDocumentURI` its items and
    /// associations name.
    Missing,
    /// A field's text does not read as what CASE defines there (a document's
    /// `lastChangeDateTime` of `15/01/2025`, an `identifier` holding a control or
    /// invisible character, from which export would derive a UUID that hides it; a
    /// document's `title` or `creator`, an item's `abbreviatedStatement` beside its
    /// `fullStatement`, or a level's `quality`, reported on its item as `quality (level
    /// N)`, holding a tab or line break, which CASE's `NormalizedString` cannot). It is
    /// kept as read, but an export of it is refused
    /// ([`Error::CaseInvalidDateTime`](crate::Error::CaseInvalidDateTime),
    /// [`Error::CaseTextOnSeveralLines`](crate::Error::CaseTextOnSeveralLines)) until it
    /// is corrected.
    Unreadable {
        /// What CASE defines, e.g. `an ISO 8601 date-time`.
        expected: &'static str,
    },
    /// A level's `quality` reads as the number of another level than the one the level
    /// became (`Level 5` or `5` on a 7-level scale's level 5, which
    /// [`CaseLevelRule::Proportional`] `{ top: 7 }` maps to level 4; `3` on a level scored
    /// 1): every reader of a level reads such text as that number before any name, so the
    /// name would read as the wrong level
    /// ([`Error::LevelNamedAsNumber`](crate::Error::LevelNamedAsNumber)). The level keeps
    /// its description and is named by the platform's default.
    NamesAnotherLevel {
        /// The level the criterion level became.
        level: u8,
        /// The number its `quality` reads as.
        reads_as: u64,
    },
    /// A level's name (a rubric level's `quality`, a skill level item's statement) reads
    /// as one with the name of a lower level of the same competency: the same once runs of
    /// whitespace are one space and characters that print nothing are left out, in any
    /// case (`Advanced` and `Advanced\u{200b}`, pasted from a web page). A level written
    /// by that name could be either ([`Error::SameLevelNames`](crate::Error::SameLevelNames)),
    /// so the higher level's name is set aside; the level keeps its description.
    SameNameAsLevel {
        /// The level whose name was set aside.
        level: u8,
        /// The lower level whose name it reads as.
        other: u8,
    },
    /// Copies of one element (an item, association or rubric written again under its
    /// identifier, as a server listing an item once per list it is in sends it; the
    /// document listed again in `CFDocument`) agree on what identifies their content (an
    /// item's `fullStatement`; an association's `associationType` and the node each end
    /// resolves to; a rubric's criteria; the document's `title`) and are read
    /// as one element, but write this field differently: the
    /// value of the first copy writing it, in the package's order, is used, and another
    /// copy's value is set aside; [`CaseDroppedField::copy`] names both copies by their
    /// places and gives both values. A field written in one copy only is taken from it
    /// and not reported; the later copies are reported as [`CaseDropReason::Repeated`].
    /// Copies that disagree on their content are
    /// [`Error::CaseDuplicateIdentifier`](crate::Error::CaseDuplicateIdentifier).
    CopyDiffers,
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
        let types = options.item_types.sorted();
        let get = |name: &str| {
            let key = type_key(name);
            types.iter().find(|(k, _)| **k == key).map(|&(_, &m)| m)
        };
        assert_eq!(
            get("STANDARD"),
            Some(CaseItemMapping::Competency(CompetencyType::Domain))
        );
        assert_eq!(
            get("Behavioral Competency"),
            Some(CaseItemMapping::Competency(CompetencyType::Behavioural))
        );
        assert_eq!(
            get("Sub-Theme"),
            Some(CaseItemMapping::Group(GroupKind::SubTheme))
        );
    }
}
