//! Writes a framework's competency dictionary and groups as a CASE package.

use std::collections::{HashMap, HashSet};

use super::fields::{json_type, misfit};
use super::identifiers::{Identifiers, identifiers};
use super::node::{CHILD_OF, missing, non_blank};
use super::one_line::check_one_line;
use super::read::DOCUMENT;
use super::reporter::{holds_nothing, missing_link_parts};
use super::stamp::export_date_time;
use super::uuid::{canonical_case_uuid, document_case_uuid, parse_case_uuid, uuid_v5};
use crate::CaseElement;
use crate::interop::case::import::type_key;
use crate::interop::case::package::{
    CaseAssociation, CaseCriterion, CaseCriterionLevel, CaseDocument, CaseExportOptions, CaseExtra,
    CaseItem, CaseLink, CasePackage, CaseRubric, FRAC_SCALE_NOTE,
};
use crate::model::spec::CompetencySpec;
use crate::{Error, Errors, Framework, GroupId};

/// A link to an exported element, titled by its name or title. A link's `title` is a
/// `NormalizedString` in CASE's information model, which holds no tab, line feed or
/// carriage return: each is written as a space, as XML Schema normalizes such a string.
/// The import does not read link titles, so the name the element itself carries is what
/// comes back. O(title).
fn link(title: &str, identifier: &str, uri: &str) -> CaseLink {
    CaseLink {
        title: title.replace(['\t', '\n', '\r'], " "),
        identifier: identifier.to_owned(),
        uri: uri.to_owned(),
        extra: CaseExtra::new(),
    }
}

/// Derives identifiers and uris, and stamps elements, for one exported package.
struct Writer<'a> {
    namespace: [u8; 16],
    options: &'a CaseExportOptions,
    stamp: &'a str,
}

impl Writer<'_> {
    fn derive(&self, name: &str) -> String {
        uuid_v5(&self.namespace, name)
    }

    fn uri(&self, collection: &str, identifier: &str) -> String {
        match &self.options.base_uri {
            Some(base) => format!("{base}/{collection}/{identifier}"),
            None => format!("urn:uuid:{identifier}"),
        }
    }

    /// An item whose statements are `name` and, when not blank, `description`; with the id
    /// as `humanCodingScheme` when the identifier is not the id itself.
    fn item(
        &self,
        identifier: String,
        id: &str,
        name: &str,
        description: &str,
        item_type: &str,
    ) -> CaseItem {
        let (full, abbreviated) = match non_blank(description) {
            Some(description) => (description.to_owned(), Some(name.to_owned())),
            None => (name.to_owned(), None),
        };
        CaseItem {
            uri: self.uri("CFItems", &identifier),
            human_coding_scheme: (identifier != id && non_blank(id).is_some())
                .then(|| id.to_owned()),
            identifier,
            full_statement: full,
            abbreviated_statement: abbreviated,
            item_type: Some(item_type.to_owned()),
            last_change_date_time: self.stamp.to_owned(),
            ..CaseItem::default()
        }
    }

    fn child_of(&self, child: CaseLink, parent: &CaseLink, sequence: i64) -> CaseAssociation {
        let identifier = self.derive(&format!(
            "isChildOf/{}/{}",
            child.identifier, parent.identifier
        ));
        CaseAssociation {
            uri: self.uri("CFAssociations", &identifier),
            identifier,
            association_type: CHILD_OF.to_owned(),
            sequence_number: Some(sequence),
            origin_node_uri: Some(child),
            destination_node_uri: Some(parent.clone()),
            last_change_date_time: self.stamp.to_owned(),
            extra: CaseExtra::new(),
        }
    }

    /// One criterion level per level at which the competency exists, scored as the level,
    /// with its descriptor's name and description where it has them; and one scored 0 when
    /// the competency describes level 0 (none), as a rubric's "not yet" level.
    fn criterion(
        &self,
        competency: &CompetencySpec,
        range: (u8, u8),
        item: CaseLink,
        rubric: &str,
        position: i64,
    ) -> CaseCriterion {
        let identifier = self.derive(&format!("criterion/{}", competency.id));
        let zero = competency.levels.iter().any(|d| d.level == 0);
        let levels = (zero.then_some(0).into_iter().chain(range.0..=range.1))
            .map(|n| {
                let level_id = self.derive(&format!("level/{}/{n}", competency.id));
                let descriptor = competency.levels.iter().find(|d| d.level == n);
                CaseCriterionLevel {
                    uri: self.uri("CFRubricCriterionLevels", &level_id),
                    identifier: level_id,
                    // Blank text is never written: it shows nothing, so it is no
                    // description, as import reads it. The level itself is kept by its
                    // score.
                    description: descriptor
                        .and_then(|d| non_blank(&d.description))
                        .map(str::to_owned),
                    quality: descriptor
                        .and_then(|d| d.name.as_deref())
                        .and_then(non_blank)
                        .map(str::to_owned),
                    score: Some(f64::from(n)),
                    position: Some(i64::from(n)),
                    rubric_criterion_id: Some(identifier.clone()),
                    last_change_date_time: self.stamp.to_owned(),
                    ..CaseCriterionLevel::default()
                }
            })
            .collect();
        CaseCriterion {
            uri: self.uri("CFRubricCriteria", &identifier),
            identifier,
            item_uri: Some(item),
            position: Some(position),
            rubric_id: Some(rubric.to_owned()),
            last_change_date_time: self.stamp.to_owned(),
            levels,
            ..CaseCriterion::default()
        }
    }
}

/// Checks the document and the options: the type of each field export writes back as
/// given ([`misfit`]), identifiers, the time stamp, the title and creator, and the item
/// type names (non-blank, one per kind, so that import tells kinds apart).
fn check_document(document: &CaseDocument, options: &CaseExportOptions) -> Vec<Error> {
    let mut errors = Vec::new();
    // Written back as given: a value of another type than CASE's would be written so.
    for (field, value) in &document.extra {
        if let Some(k) = misfit(field, value).filter(|_| !holds_nothing(value)) {
            errors.push(Error::CaseFieldType {
                path: format!("CFDocument.{field}"),
                found: json_type(value),
                expected: k.expected,
            });
        }
    }
    // A link CASE requires whole (`LinkURI`), written back as given.
    for field in missing_link_parts(&document.extra) {
        errors.push(missing(CaseElement::Document, &document.identifier, field));
    }
    if document_case_uuid(&document.identifier).is_none() {
        errors.push(Error::CaseInvalidIdentifier {
            identifier: document.identifier.clone(),
        });
    }
    if export_date_time(&document.last_change_date_time).is_none() {
        errors.push(Error::CaseInvalidDateTime {
            value: document.last_change_date_time.clone(),
        });
    }
    for (field, value) in [("title", &document.title), ("creator", &document.creator)] {
        if non_blank(value).is_none() {
            errors.push(missing(CaseElement::Document, &document.identifier, field));
        }
    }
    let given =
        (options.area_ids.iter().map(|(_, i)| i)).chain(options.group_ids.iter().map(|(_, i)| i));
    for identifier in given {
        if canonical_case_uuid(identifier).is_none() {
            errors.push(Error::CaseInvalidIdentifier {
                identifier: identifier.clone(),
            });
        }
    }
    let mut names: HashMap<String, usize> = HashMap::new();
    let all = options.type_names.iter().chain(&options.group_type_names);
    for name in all.clone() {
        *names.entry(type_key(name)).or_default() += 1;
    }
    let mut reported = HashSet::new();
    for name in all {
        let key = type_key(name);
        if (key.is_empty() || names[&key] > 1) && reported.insert(key) {
            errors.push(Error::CaseItemTypeName { name: name.clone() });
        }
    }
    errors
}

/// The fields CASE 1.1 defines on a package's document (`CFPckgDocument`) beside those
/// [`DOCUMENT`] lists.
const CASE_1_1_DOCUMENT: [&str; 13] = [
    "frameworkType",
    "officialSourceURL",
    "publisher",
    "subject",
    "subjectURI",
    "language",
    "version",
    "adoptionStatus",
    "statusStartDate",
    "statusEndDate",
    "licenseURI",
    "notes",
    "extensions",
];

/// Moves each field of the document that CASE 1.1 does not define on a package's document
/// (`CFPackageURI`, which CASE 1.0 wrote there; a publisher's own field) into its
/// `extensions`, the object CASE 1.1 gives proprietary fields: the package written
/// declares `caseVersion` 1.1, whose package document allows no other field. A field
/// whose name `extensions` holds already, or any field when `extensions` is not an
/// object, stays where it is: moving it would lose a value. O(fields × log fields).
fn move_to_extensions(extra: &mut CaseExtra) {
    let foreign: Vec<String> = (extra.keys())
        .filter(|k| !CASE_1_1_DOCUMENT.contains(&k.as_str()))
        .cloned()
        .collect();
    if foreign.is_empty() {
        return;
    }
    let mut extensions = match extra.remove("extensions") {
        None => serde_json::Map::new(),
        Some(serde_json::Value::Object(map)) => map,
        Some(other) => {
            extra.insert("extensions".to_owned(), other);
            return;
        }
    };
    for field in foreign {
        if !extensions.contains_key(&field)
            && let Some(value) = extra.remove(&field)
        {
            extensions.insert(field, value);
        }
    }
    extra.insert(
        "extensions".to_owned(),
        serde_json::Value::Object(extensions),
    );
}

pub(crate) fn export(
    framework: &Framework,
    document: &CaseDocument,
    options: &CaseExportOptions,
) -> Result<CasePackage, Errors> {
    let mut errors = check_document(document, options);
    errors.extend(check_one_line(framework, document, options));
    let canonical = document_case_uuid(&document.identifier).filter(|_| errors.is_empty());
    let Some((document_identifier, namespace)) =
        canonical.and_then(|id| parse_case_uuid(&id).map(|namespace| (id, namespace)))
    else {
        return Err(Errors(errors));
    };
    let stamp = (export_date_time(&document.last_change_date_time))
        .map(|(stamp, _)| stamp)
        .unwrap_or_default();
    let w = Writer {
        namespace,
        options,
        stamp: &stamp,
    };
    let derive = |name: &str| w.derive(name);
    let ids = identifiers(framework, &document_identifier, options, &derive).map_err(Errors)?;
    let mut doc = document.clone();
    // A field CASE defines found with a value of another type stays in `extra` on import
    // (and is reported there); writing it back beside the typed field would repeat a key.
    // One holding nothing (`"version": []`) says nothing, and is not of CASE's type.
    doc.extra.retain(|field, value| {
        !(DOCUMENT.iter().any(|k| k.name == field)
            || misfit(field, value).is_some() && holds_nothing(value))
    });
    // CASE lists a document's subjects and their links; one read alone (JSON-LD writes
    // a list of one so) is written as that list.
    for field in ["subject", "subjectURI"] {
        if let Some(one) = doc.extra.get_mut(field).filter(|v| !v.is_array()) {
            *one = serde_json::Value::Array(vec![one.take()]);
        }
    }
    move_to_extensions(&mut doc.extra);
    doc.identifier.clone_from(&document_identifier);
    doc.last_change_date_time.clone_from(&stamp);
    doc.case_version = Some("1.1".to_owned());
    doc.description = doc.description.filter(|d| non_blank(d).is_some());
    if non_blank(&doc.uri).is_none() {
        doc.uri = w.uri("CFDocuments", &doc.identifier);
    }
    let doc_link = link(&doc.title, &doc.identifier, &doc.uri);
    let mut package = CasePackage::default();
    let mut tree = Tree {
        document: doc_link,
        counts: HashMap::new(),
    };
    let groups = w.groups(framework, &ids, &mut tree, &mut package);
    let criteria = w.competencies(framework, &ids, &groups, &mut tree, &mut package);
    if !criteria.is_empty() {
        let identifier = w.derive("rubric");
        package.rubrics.push(CaseRubric {
            uri: w.uri("CFRubrics", &identifier),
            identifier,
            title: non_blank(&options.rubric_title).map(str::to_owned),
            description: Some(FRAC_SCALE_NOTE.to_owned()),
            last_change_date_time: w.stamp.to_owned(),
            criteria,
            ..CaseRubric::default()
        });
    }
    package.document = Some(doc);
    Ok(package)
}

/// The document's link, and how many children each parent has so far (for
/// `sequenceNumber`).
struct Tree {
    document: CaseLink,
    counts: HashMap<String, usize>,
}

impl Tree {
    fn next(&mut self, parent: &CaseLink) -> i64 {
        // Counted in the map type the export's name counts use, so no second one is
        // compiled; a parent has fewer children than `i64::MAX`.
        let count = self.counts.entry(parent.identifier.clone()).or_default();
        *count += 1;
        i64::try_from(*count).unwrap_or(i64::MAX)
    }
}

impl Writer<'_> {
    /// One item per group, by id, `isChildOf` each of its parents or else the document.
    fn groups(
        &self,
        framework: &Framework,
        ids: &Identifiers,
        tree: &mut Tree,
        package: &mut CasePackage,
    ) -> HashMap<GroupId, CaseLink> {
        let mut links = HashMap::new();
        for g in framework.groups() {
            let identifier = ids.groups.get(g.id.as_str()).cloned().unwrap_or_default();
            let item_type = &self.options.group_type_names[g.kind.index()];
            let item = self.item(
                identifier,
                g.id.as_str(),
                &g.name,
                &g.description,
                item_type,
            );
            links.insert(g.id.clone(), link(&g.name, &item.identifier, &item.uri));
            package.items.push(item);
        }
        for g in framework.groups() {
            let child = links[&g.id].clone();
            let parents = framework.parent_groups(g.id.as_str()).unwrap_or_default();
            self.place(child, parents.iter().map(|p| &links[*p]), tree, package);
        }
        links
    }

    /// `isChildOf` from `child` to each parent, or to the document when there is none.
    fn place<'l>(
        &self,
        child: CaseLink,
        parents: impl Iterator<Item = &'l CaseLink>,
        tree: &mut Tree,
        package: &mut CasePackage,
    ) {
        let mut placed = false;
        for parent in parents {
            let sequence = tree.next(parent);
            package
                .associations
                .push(self.child_of(child.clone(), parent, sequence));
            placed = true;
        }
        if !placed {
            let document = tree.document.clone();
            let sequence = tree.next(&document);
            package
                .associations
                .push(self.child_of(child, &document, sequence));
        }
    }

    /// One item per competency, `isChildOf` each of its groups or else the document;
    /// returns the criteria of those with descriptors or a level range other than 1 to 5.
    fn competencies(
        &self,
        framework: &Framework,
        ids: &Identifiers,
        groups: &HashMap<GroupId, CaseLink>,
        tree: &mut Tree,
        package: &mut CasePackage,
    ) -> Vec<CaseCriterion> {
        let rubric = self.derive("rubric");
        let mut criteria = Vec::new();
        for (c, competency) in framework.competencies().iter().enumerate() {
            let id = competency.id.as_str();
            let identifier = ids.competencies.get(c).cloned().unwrap_or_default();
            let item_type = &self.options.type_names[competency.kind.index()];
            let item = self.item(
                identifier,
                id,
                &competency.name,
                &competency.description,
                item_type,
            );
            let link = link(&competency.name, &item.identifier, &item.uri);
            let in_groups = framework.hierarchy.of_competency.get(c as u32);
            let parents = in_groups
                .iter()
                .map(|&g| &groups[&framework.hierarchy.groups.items[g as usize].id]);
            self.place(link.clone(), parents, tree, package);
            let range = (framework.competency_min[c], framework.competency_max[c]);
            if !competency.levels.is_empty() || range != (1, 5) {
                let position = i64::try_from(criteria.len()).map_or(i64::MAX, |n| n + 1);
                criteria.push(self.criterion(competency, range, link, &rubric, position));
            }
            package.items.push(item);
        }
        criteria
    }
}

impl CasePackage {
    /// Writes a framework's competency dictionary and groups as a package described by
    /// `document`.
    ///
    /// Follows the export table on [`CasePackage`]. The output depends only on the
    /// arguments: the same framework, document and options give byte-identical JSON, and
    /// [`CaseImport::from_json`](crate::CaseImport::from_json) reads it back.
    ///
    /// The document's identifier is written as [`CaseDocument::case_identifier`] gives it:
    /// a CASE UUID in lowercase, or for any other identifier (`MATH-2024`, a URL, a
    /// version-7 UUID) the version-5 UUID derived from it, since CASE requires a UUID
    /// there. The returned package's `CFDocument` holds the identifier written, and every
    /// derived identifier follows from it, so the same document gives the same package.
    ///
    /// # Errors
    /// Every problem at once: [`Error::CaseInvalidIdentifier`] when the document identifier
    /// is blank or holds a control or invisible character, or an identifier given in the
    /// options is not a CASE UUID,
    /// [`Error::CaseInvalidDateTime`] when `lastChangeDateTime` does not read as a date or
    /// date-time or names its zone by an abbreviation of no known offset (`NZST`), [`Error::CaseMissingField`] for a blank title or creator,
    /// [`Error::CaseFieldType`] for a field of the document's `extra` that CASE types as
    /// text (`version`, `publisher`, `language`, `notes`, …; `subject` as text or a list
    /// of texts; `licenseURI` as a link object, `subjectURI` as one or a list of them)
    /// holding another type (`"version": 1.1`: CASE wants `"1.1"`, and which
    /// text a number stands for, `1.1` or `1.10`, is unknowable),
    /// [`Error::CaseItemTypeName`] for a blank or shared `CFItemType` in the options,
    /// [`Error::CaseTextOnSeveralLines`] for a document text CASE types as a
    /// `NormalizedString` (`title`, `creator`, `publisher`, a `subject`, …), a name beside
    /// a description, a level name, or an item type name or rubric title of the options
    /// holding a tab or line break (CASE's `NormalizedString` holds none), and
    /// for the group identifiers the options give: [`Error::UnknownId`] for a group or area
    /// the framework does not have, [`Error::CaseConflictingIdentifiers`] for two different
    /// ones given for one group, [`Error::CaseIdentifierClash`] for one that another element
    /// has already. A valid framework always exports: when a competency's or group's UUID
    /// id is already another element's identifier (a group and a competency may share an
    /// id, being of different kinds), the later one in the order document, competencies,
    /// groups gets a derived identifier and keeps its id as `humanCodingScheme`.
    ///
    /// # Complexity
    /// O(c + g + l) time and memory for the framework's c competencies, g groups and l
    /// described levels (identifiers looked up by hash; each derived UUID is one SHA-1 of
    /// the document identifier and an id), plus O(k log k) for the k group identifiers
    /// the options give.
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
    /// assert_eq!(package.items.len(), 2); // the area's group, then the competency
    /// assert_eq!(package.items[0].item_type.as_deref(), Some("Area"));
    /// assert_eq!(package.items[1].human_coding_scheme.as_deref(), Some("drafting"));
    /// assert_eq!(package.associations[1].association_type, "isChildOf");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_framework(
        framework: &Framework,
        document: &CaseDocument,
        options: &CaseExportOptions,
    ) -> Result<CasePackage, Errors> {
        export(framework, document, options)
    }
}
