//! Writes a framework's competency dictionary as a CASE package.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use super::uuid::{parse_case_uuid, uuid_v5};
use super::{CHILD_OF, missing, non_blank};
use crate::case::{
    CaseAssociation, CaseCriterion, CaseCriterionLevel, CaseDocument, CaseElement,
    CaseExportOptions, CaseExtra, CaseItem, CaseLink, CasePackage, CaseRubric,
};
use crate::internal::date::parse_iso_date;
use crate::spec::{CompetencySpec, LevelDescriptor};
use crate::{Error, Errors, Framework};

fn link(title: &str, identifier: &str, uri: &str) -> CaseLink {
    CaseLink {
        title: title.to_owned(),
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

    fn item(&self, identifier: String, full: String, item_type: &str) -> CaseItem {
        CaseItem {
            uri: self.uri("CFItems", &identifier),
            identifier,
            full_statement: full,
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

    fn criterion(
        &self,
        competency: &CompetencySpec,
        item: CaseLink,
        rubric: &str,
        position: i64,
    ) -> CaseCriterion {
        let identifier = self.derive(&format!("criterion/{}", competency.id));
        let mut descriptors: Vec<&LevelDescriptor> = competency.levels.iter().collect();
        descriptors.sort_by_key(|d| d.level);
        let levels = descriptors
            .into_iter()
            .map(|d| {
                let level_id = self.derive(&format!("level/{}/{}", competency.id, d.level));
                CaseCriterionLevel {
                    uri: self.uri("CFRubricCriterionLevels", &level_id),
                    identifier: level_id,
                    description: (!d.description.is_empty()).then(|| d.description.clone()),
                    quality: d.name.clone(),
                    score: Some(f64::from(d.level)),
                    position: Some(i64::from(d.level)),
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

fn check_document(document: &CaseDocument, options: &CaseExportOptions) -> Vec<Error> {
    let mut errors = Vec::new();
    if parse_case_uuid(&document.identifier).is_none() {
        errors.push(Error::CaseInvalidIdentifier {
            identifier: document.identifier.clone(),
        });
    }
    if !is_date_time(&document.last_change_date_time) {
        errors.push(Error::CaseInvalidDateTime {
            value: document.last_change_date_time.clone(),
        });
    }
    for (field, value) in [("title", &document.title), ("creator", &document.creator)] {
        if non_blank(value).is_none() {
            errors.push(missing(CaseElement::Document, &document.identifier, field));
        }
    }
    for identifier in options.area_ids.values() {
        if parse_case_uuid(identifier).is_none() {
            errors.push(Error::CaseInvalidIdentifier {
                identifier: identifier.clone(),
            });
        }
    }
    errors
}

pub(crate) fn export(
    framework: &Framework,
    document: &CaseDocument,
    options: &CaseExportOptions,
) -> Result<CasePackage, Errors> {
    let mut errors = check_document(document, options);
    for c in framework.competencies() {
        if c.area.as_deref().is_some_and(|a| non_blank(a).is_none()) {
            errors.push(Error::CaseBlankArea {
                competency: c.id.clone(),
            });
        }
    }
    let namespace = match parse_case_uuid(&document.identifier) {
        Some(namespace) if errors.is_empty() => namespace,
        _ => return Err(Errors(errors)),
    };
    let w = Writer {
        namespace,
        options,
        stamp: &document.last_change_date_time,
    };
    let mut doc = document.clone();
    doc.case_version = Some("1.1".to_owned());
    if non_blank(&doc.uri).is_none() {
        doc.uri = w.uri("CFDocuments", &doc.identifier);
    }
    let doc_link = link(&doc.title, &doc.identifier, &doc.uri);
    let mut package = CasePackage::default();
    let areas = w.areas(framework, &doc_link, &mut package);
    let criteria = w.competencies(framework, &doc_link, areas, &mut package);
    let mut seen = HashSet::new();
    let mut errors = Vec::new();
    let items = package.items.iter().map(|i| &i.identifier);
    for identifier in std::iter::once(&doc.identifier).chain(items) {
        if !seen.insert(identifier.as_str()) {
            errors.push(Error::CaseDuplicateIdentifier {
                identifier: identifier.clone(),
            });
        }
    }
    if let Some(errors) = Errors::from_vec(errors) {
        return Err(errors);
    }
    if !criteria.is_empty() {
        let identifier = w.derive("rubric");
        package.rubrics.push(CaseRubric {
            uri: w.uri("CFRubrics", &identifier),
            identifier,
            title: Some(options.rubric_title.clone()),
            last_change_date_time: w.stamp.to_owned(),
            criteria,
            ..CaseRubric::default()
        });
    }
    package.document = Some(doc);
    Ok(package)
}

/// Where a competency goes in the tree: its area's link and how many children it has so far.
type AreaLinks<'f> = BTreeMap<&'f str, (CaseLink, i64)>;

impl Writer<'_> {
    /// One item per distinct area, by name, each `isChildOf` the document.
    fn areas<'f>(
        &self,
        framework: &'f Framework,
        document: &CaseLink,
        package: &mut CasePackage,
    ) -> AreaLinks<'f> {
        let names: BTreeSet<&str> = framework
            .competencies()
            .iter()
            .filter_map(|c| c.area.as_deref())
            .collect();
        let mut links = AreaLinks::new();
        for (name, sequence) in names.into_iter().zip(1..) {
            let identifier = match self.options.area_ids.get(name) {
                Some(identifier) => identifier.clone(),
                None => self.derive(&format!("area/{name}")),
            };
            let item = self.item(identifier, name.to_owned(), &self.options.area_type);
            let link = link(name, &item.identifier, &item.uri);
            package
                .associations
                .push(self.child_of(link.clone(), document, sequence));
            links.insert(name, (link, 0));
            package.items.push(item);
        }
        links
    }

    /// One item per competency, `isChildOf` its area or the document; returns the criteria
    /// of those with level descriptors.
    fn competencies(
        &self,
        framework: &Framework,
        document: &CaseLink,
        mut areas: AreaLinks<'_>,
        package: &mut CasePackage,
    ) -> Vec<CaseCriterion> {
        let rubric = self.derive("rubric");
        let mut top = i64::try_from(areas.len()).unwrap_or(i64::MAX);
        let mut criteria = Vec::new();
        for c in framework.competencies() {
            let id = c.id.as_str();
            let is_uuid = parse_case_uuid(id).is_some();
            let identifier = if is_uuid {
                id.to_owned()
            } else {
                self.derive(&format!("competency/{id}"))
            };
            let item_type = self
                .options
                .type_names
                .get(c.kind.index())
                .map_or("", String::as_str);
            let mut item = if c.description.is_empty() {
                self.item(identifier, c.name.clone(), item_type)
            } else {
                let mut item = self.item(identifier, c.description.clone(), item_type);
                item.abbreviated_statement = Some(c.name.clone());
                item
            };
            item.human_coding_scheme = (!is_uuid).then(|| id.to_owned());
            let link = link(&c.name, &item.identifier, &item.uri);
            let (parent, sequence) =
                if let Some((area, count)) = c.area.as_deref().and_then(|a| areas.get_mut(a)) {
                    *count += 1;
                    (&*area, *count)
                } else {
                    top = top.saturating_add(1);
                    (document, top)
                };
            package
                .associations
                .push(self.child_of(link.clone(), parent, sequence));
            if !c.levels.is_empty() {
                let position = i64::try_from(criteria.len()).map_or(i64::MAX, |n| n + 1);
                criteria.push(self.criterion(c, link, &rubric, position));
            }
            package.items.push(item);
        }
        criteria
    }
}

/// An ISO 8601 date-time as CASE writes it: `YYYY-MM-DDThh:mm:ss`, an optional fraction of
/// a second, and an optional `Z` or `±hh:mm` offset.
pub(crate) fn is_date_time(text: &str) -> bool {
    let two = |a: u8, b: u8, max: u8| {
        a.is_ascii_digit() && b.is_ascii_digit() && (a - b'0') * 10 + (b - b'0') <= max
    };
    let Some((date, time)) = text.split_once('T') else {
        return false;
    };
    if parse_iso_date(date).is_none() {
        return false;
    }
    let [h1, h2, b':', m1, m2, b':', s1, s2, rest @ ..] = time.as_bytes() else {
        return false;
    };
    if !(two(*h1, *h2, 23) && two(*m1, *m2, 59) && two(*s1, *s2, 60)) {
        return false;
    }
    let rest = match rest {
        [b'.', fraction @ ..] => {
            let digits = fraction.iter().take_while(|c| c.is_ascii_digit()).count();
            if digits == 0 {
                return false;
            }
            fraction.get(digits..).unwrap_or_default()
        }
        _ => rest,
    };
    match rest {
        [] | [b'Z'] => true,
        [b'+' | b'-', h1, h2, b':', m1, m2] => two(*h1, *h2, 23) && two(*m1, *m2, 59),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_times_follow_iso_8601() {
        for ok in [
            "2025-01-15T10:00:00Z",
            "2025-01-15T10:00:00",
            "2025-01-15T10:00:00.123+05:30",
            "2024-02-29T23:59:60-00:00",
        ] {
            assert!(is_date_time(ok), "{ok}");
        }
        for bad in [
            "2025-01-15",
            "2025-01-15 10:00:00Z",
            "2025-02-30T10:00:00Z",
            "2025-01-15T24:00:00Z",
            "2025-01-15T10:00:00.Z",
            "2025-01-15T10:00:00+0530",
            "2025-01-15T10:00Z",
            "",
        ] {
            assert!(!is_date_time(bad), "{bad}");
        }
    }
}
