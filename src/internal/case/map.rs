//! Maps a checked package into a spec: level descriptors from rubric criteria, competencies
//! and areas from items, and the report of everything else.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashSet};

use super::{MAX_LEVELS, Parent, Parsed, item_name, non_blank, opt_non_blank};
use crate::case::{
    CaseArea, CaseCriterion, CaseCriterionLevel, CaseDropReason, CaseDropped, CaseDroppedField,
    CaseElement, CaseExtra, CaseIds, CaseImportOptions, CaseImportReport, CaseItemMapping,
    CaseItemTypeUse, CaseKeptAssociation, CasePackage, CaseRubric,
};
use crate::spec::{CompetencySpec, FrameworkSpec, LevelDescriptor};
use crate::{CompetencyId, Error};

/// Collects what an import reports, then sorts it.
pub(super) struct Reporter {
    pub(super) report: CaseImportReport,
}

impl Reporter {
    fn drop(&mut self, element: CaseElement, identifier: &str, reason: CaseDropReason) {
        self.report.dropped.push(CaseDropped {
            element,
            identifier: identifier.to_owned(),
            reason,
        });
    }

    /// Reports the named fields that are present, and every unmodelled field.
    pub(super) fn fields(
        &mut self,
        element: CaseElement,
        identifier: &str,
        present: &[(&str, bool)],
        extra: &CaseExtra,
    ) {
        let named = present.iter().filter(|(_, is)| *is).map(|(f, _)| *f);
        for field in named.chain(extra.keys().map(String::as_str)) {
            self.report.dropped_fields.push(CaseDroppedField {
                element,
                identifier: identifier.to_owned(),
                field: field.to_owned(),
            });
        }
    }
}

/// `None` sorts after every value.
fn none_last<T>(a: Option<T>, b: Option<T>, cmp: impl Fn(&T, &T) -> Ordering) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => cmp(&a, &b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// A criterion's levels as descriptors 1..=n: by position, then score, then as listed.
fn descriptors(criterion: &CaseCriterion) -> Vec<LevelDescriptor> {
    let mut levels: Vec<&CaseCriterionLevel> = criterion.levels.iter().collect();
    levels.sort_by(|a, b| {
        none_last(a.position, b.position, i64::cmp)
            .then_with(|| none_last(a.score, b.score, f64::total_cmp))
    });
    levels
        .iter()
        .zip(1u8..)
        .map(|(l, level)| LevelDescriptor {
            level,
            name: opt_non_blank(l.quality.as_ref()).map(str::to_owned),
            description: l.description.clone().unwrap_or_default(),
        })
        .collect()
}

/// The level descriptors of each item, from the one criterion that describes it.
pub(super) fn rubric_levels(
    package: &CasePackage,
    parsed: &Parsed<'_>,
    mapping: &[(CaseItemMapping, bool)],
    reporter: &mut Reporter,
    errors: &mut Vec<Error>,
) -> Vec<Vec<LevelDescriptor>> {
    let mut chosen: Vec<Vec<&CaseCriterion>> = vec![Vec::new(); parsed.items.len()];
    for rubric in &package.rubrics {
        rubric_fields(rubric, reporter);
        for criterion in &rubric.criteria {
            let id = criterion.identifier.as_str();
            let target = criterion
                .item_uri
                .as_ref()
                .and_then(|l| non_blank(&l.identifier));
            let Some(target) = target else {
                reporter.drop(CaseElement::Criterion, id, CaseDropReason::NoItem);
                continue;
            };
            let Some(&i) = parsed.index.get(target) else {
                errors.push(Error::CaseUnknownCriterionItem {
                    criterion: id.to_owned(),
                    item: target.to_owned(),
                });
                continue;
            };
            if !matches!(mapping[i].0, CaseItemMapping::Competency(_)) {
                reporter.drop(CaseElement::Criterion, id, CaseDropReason::NotACompetency);
                continue;
            }
            if criterion.levels.is_empty() {
                reporter.drop(CaseElement::Criterion, id, CaseDropReason::NoLevels);
                continue;
            }
            if criterion.levels.len() > MAX_LEVELS {
                errors.push(Error::CaseTooManyLevels {
                    item: target.to_owned(),
                    criterion: id.to_owned(),
                    count: criterion.levels.len(),
                });
                continue;
            }
            let present = [
                ("category", criterion.category.is_some()),
                ("description", criterion.description.is_some()),
                ("weight", criterion.weight.is_some()),
            ];
            reporter.fields(CaseElement::Criterion, id, &present, &criterion.extra);
            for level in &criterion.levels {
                let present = [("feedback", level.feedback.is_some())];
                reporter.fields(
                    CaseElement::Level,
                    &level.identifier,
                    &present,
                    &level.extra,
                );
            }
            chosen[i].push(criterion);
        }
    }
    let mut levels = Vec::with_capacity(chosen.len());
    for (item, criteria) in parsed.items.iter().zip(chosen) {
        match criteria.as_slice() {
            [] => levels.push(Vec::new()),
            [one] => levels.push(descriptors(one)),
            many => {
                let mut ids: Vec<String> = many.iter().map(|c| c.identifier.clone()).collect();
                ids.sort();
                errors.push(Error::CaseConflictingCriteria {
                    item: item.identifier.clone(),
                    criteria: ids,
                });
                levels.push(Vec::new());
            }
        }
    }
    levels
}

fn rubric_fields(rubric: &CaseRubric, reporter: &mut Reporter) {
    let id = rubric.identifier.as_str();
    if rubric.criteria.is_empty() {
        reporter.drop(CaseElement::Rubric, id, CaseDropReason::NoCriteria);
    } else {
        let present = [
            ("title", rubric.title.is_some()),
            ("description", rubric.description.is_some()),
        ];
        reporter.fields(CaseElement::Rubric, id, &present, &rubric.extra);
    }
}

/// Everything decided about the items, for building the spec and the rest of the report.
pub(super) struct Assembly<'a, 'p> {
    pub(super) parsed: &'a Parsed<'p>,
    pub(super) mapping: &'a [(CaseItemMapping, bool)],
    pub(super) ids: &'a [Option<CompetencyId>],
    pub(super) placed: &'a [Option<(usize, Parent)>],
    pub(super) options: &'a CaseImportOptions,
}

impl Assembly<'_, '_> {
    pub(super) fn assemble(
        &self,
        levels: Vec<Vec<LevelDescriptor>>,
        reporter: &mut Reporter,
    ) -> FrameworkSpec {
        let mut competencies = Vec::new();
        let mut types: BTreeMap<(Option<String>, CaseItemMapping), (bool, Vec<String>)> =
            BTreeMap::new();
        for (i, (item, levels)) in self.parsed.items.iter().zip(levels).enumerate() {
            let (mapping, by_default) = self.mapping[i];
            let item_type = opt_non_blank(item.item_type.as_ref()).map(|t| t.trim().to_owned());
            let entry = types.entry((item_type, mapping)).or_default();
            entry.0 = by_default;
            entry.1.push(item.identifier.clone());
            let id = item.identifier.as_str();
            let abbreviated = opt_non_blank(item.abbreviated_statement.as_ref()).is_some();
            let coding = item.human_coding_scheme.is_some();
            match mapping {
                CaseItemMapping::Ignore => {
                    reporter.drop(CaseElement::Item, id, CaseDropReason::IgnoredType);
                }
                CaseItemMapping::Area => {
                    reporter.report.areas.push(CaseArea {
                        identifier: item.identifier.clone(),
                        name: item_name(item).to_owned(),
                    });
                    let present = [
                        ("fullStatement", abbreviated),
                        ("humanCodingScheme", coding),
                    ];
                    reporter.fields(CaseElement::Item, id, &present, &item.extra);
                }
                CaseItemMapping::Competency(kind) => {
                    let Some(competency_id) = self.ids[i].clone() else {
                        continue;
                    };
                    let coded = self.options.ids == CaseIds::HumanCodingScheme
                        && opt_non_blank(item.human_coding_scheme.as_ref()).is_some();
                    let present = [("humanCodingScheme", coding && !coded)];
                    reporter.fields(CaseElement::Item, id, &present, &item.extra);
                    competencies.push(CompetencySpec {
                        id: competency_id,
                        name: item_name(item).to_owned(),
                        description: if abbreviated {
                            item.full_statement.clone()
                        } else {
                            String::new()
                        },
                        kind,
                        area: self.area_of(i),
                        levels,
                    });
                }
            }
        }
        competencies.sort_by(|a, b| a.id.cmp(&b.id));
        reporter.report.item_types = types
            .into_iter()
            .map(|((item_type, mapping), (by_default, mut items))| {
                items.sort();
                CaseItemTypeUse {
                    item_type,
                    mapping,
                    by_default,
                    items,
                }
            })
            .collect();
        reporter
            .report
            .areas
            .sort_by(|a, b| a.identifier.cmp(&b.identifier));
        self.associations(reporter);
        FrameworkSpec {
            competencies,
            ..FrameworkSpec::new()
        }
    }

    fn area_of(&self, item: usize) -> Option<String> {
        match self.placed[item] {
            Some((_, Parent::Item(p))) => Some(item_name(self.parsed.items[p]).to_owned()),
            _ => None,
        }
    }

    /// Reports the fields of the placing associations, and keeps every other one.
    fn associations(&self, reporter: &mut Reporter) {
        let used: HashSet<usize> = self.placed.iter().flatten().map(|&(k, _)| k).collect();
        let competency = |node: &str| {
            let i = *self.parsed.index.get(node)?;
            self.ids[i].clone()
        };
        let mut kept = Vec::new();
        for (k, assoc) in self.parsed.assocs.iter().enumerate() {
            let a = assoc.a;
            if used.contains(&k) {
                let present = [("sequenceNumber", a.sequence_number.is_some())];
                reporter.fields(CaseElement::Association, &a.identifier, &present, &a.extra);
            } else {
                kept.push(CaseKeptAssociation {
                    association: a.clone(),
                    origin: competency(assoc.origin),
                    destination: competency(assoc.destination),
                });
            }
        }
        kept.sort_by(|a, b| a.association.identifier.cmp(&b.association.identifier));
        reporter.report.associations = kept;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_order_by_position_then_score_then_listing() {
        let level = |id: &str, position: Option<i64>, score: Option<f64>| CaseCriterionLevel {
            identifier: id.to_owned(),
            description: Some(id.to_owned()),
            position,
            score,
            ..CaseCriterionLevel::default()
        };
        let criterion = CaseCriterion {
            levels: vec![
                level("c", None, Some(1.0)),
                level("b", Some(2), None),
                level("d", None, None),
                level("a", Some(1), Some(9.0)),
                level("e", None, None),
            ],
            ..CaseCriterion::default()
        };
        let order: Vec<String> = descriptors(&criterion)
            .into_iter()
            .map(|d| d.description)
            .collect();
        assert_eq!(order, ["a", "b", "c", "d", "e"]);
    }
}
