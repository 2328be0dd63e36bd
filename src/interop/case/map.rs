//! Maps a checked package into a spec: competencies and groups from items, the hierarchy
//! from `isChildOf`, and the report of everything else.

use std::collections::{HashMap, HashSet};

use super::items::{type_object_link, type_object_title};
use super::node::{Node, Overruled, Parsed, Typed, opt_non_blank};
use super::read::{ASSOCIATION, ITEM};
use super::reporter::{Reporter, link_holds_nothing};
use super::scale::ItemLevels;
use super::text::ItemText;
use super::tree::Tree;
use crate::interop::case::import::CaseFieldReason::NoPlace;
use crate::interop::case::import::{
    CaseDropReason, CaseGroup, CaseItemMapping, CaseItemTypeUse, CaseKeptAssociation,
    CaseTypeSource,
};
use crate::interop::case::package::CaseItem;
use crate::model::order;
use crate::model::spec::{CompetencySpec, FrameworkSpec, GroupSpec};
use crate::{CaseElement, CompetencyId, GroupId};

/// What item types are grouped by in the report.
/// Everything decided about the items, for building the spec and the rest of the report.
pub(super) struct Assembly<'a, 'p> {
    pub(super) parsed: &'a Parsed<'p>,
    pub(super) tree: &'a Tree,
    pub(super) types: &'a [Typed],
    /// Per item, its competency or group id when it is carried.
    pub(super) ids: &'a [Option<String>],
    /// Items whose `humanCodingScheme` another item shares, so it did not give their id.
    pub(super) shared_codes: &'a [bool],
    /// Items whose `humanCodingScheme` gave their id.
    pub(super) by_code: &'a [bool],
    /// Per item, its name and description, when something names it.
    pub(super) texts: &'a [Option<ItemText<'p>>],
    /// The `hasSkillLevel` associations read as levels.
    pub(super) skill_levels: &'a HashSet<usize>,
}

impl Assembly<'_, '_> {
    fn is_group(&self, i: usize) -> bool {
        self.ids[i].is_some() && matches!(self.types[i].mapping, CaseItemMapping::Group(_))
    }

    /// The `isChildOf` associations the spec holds: from each carried item to each carried
    /// group above it (the smallest identifier when several say the same), or else to the
    /// document. Returns them, and each item's parent groups.
    fn placements(&self) -> (HashSet<usize>, Vec<Vec<usize>>) {
        let mut used = HashSet::new();
        let mut parents = vec![Vec::new(); self.parsed.items.len()];
        let identifier = |k: usize| self.parsed.assocs[k].a.identifier.as_str();
        for (i, list) in self.tree.parents.iter().enumerate() {
            if self.ids[i].is_none() {
                continue;
            }
            // (parent group, association), then per parent group the association with
            // the smallest identifier, the first met of equal ones. (A list sorted stably
            // by parent, rather than a map keyed by it, which would compile a B-tree for
            // this one key.)
            let mut to_groups: Vec<(usize, usize)> = Vec::new();
            let mut document: Option<usize> = None;
            for &(k, parent) in list {
                match parent {
                    Node::Item(p) if self.is_group(p) => to_groups.push((p, k)),
                    Node::Document => {
                        if document.is_none_or(|d| identifier(k) < identifier(d)) {
                            document = Some(k);
                        }
                    }
                    Node::Item(_) | Node::Outside => {}
                }
            }
            order::sort_by_key(&mut to_groups, |&(p, _)| p);
            let mut by_parent: Vec<(usize, usize)> = Vec::new();
            for (p, k) in to_groups {
                match by_parent.last_mut() {
                    Some((q, slot)) if *q == p => {
                        if identifier(k) < identifier(*slot) {
                            *slot = k;
                        }
                    }
                    _ => by_parent.push((p, k)),
                }
            }
            if by_parent.is_empty() {
                used.extend(document);
            }
            used.extend(by_parent.iter().map(|&(_, k)| k));
            parents[i] = by_parent.into_iter().map(|(p, _)| p).collect();
        }
        (used, parents)
    }

    fn group_ids(&self, parents: &[usize]) -> Vec<GroupId> {
        let mut ids: Vec<GroupId> = parents
            .iter()
            .filter_map(|&p| self.ids[p].clone().map(GroupId::from))
            .collect();
        order::sort(&mut ids);
        ids
    }

    pub(super) fn assemble(
        &self,
        levels: Vec<ItemLevels>,
        reporter: &mut Reporter,
    ) -> FrameworkSpec {
        let (used, parents) = self.placements();
        let mut competencies = Vec::new();
        let mut groups = Vec::new();
        for (i, (item, levels)) in self.parsed.items.iter().zip(levels).enumerate() {
            let item_type = &self.types[i];
            let identifier = item.identifier.as_str();
            if item_type.mapping == CaseItemMapping::Ignore {
                reporter.drop(CaseElement::Item, identifier, CaseDropReason::IgnoredType);
            }
            let (Some(id), Some(text)) = (self.ids[i].clone(), &self.texts[i]) else {
                continue;
            };
            report_fields(item, text, self.by_code[i], reporter);
            if item_type.source == CaseTypeSource::ItemTypeOverUri {
                reporter.superseded(identifier, "CFItemTypeURI", "CFItemType");
            }
            if self.shared_codes[i] {
                reporter.superseded(identifier, "humanCodingScheme", "identifier");
            }
            let description = text.description.to_owned();
            let name = text.name.to_owned();
            match (item_type.mapping, levels) {
                (CaseItemMapping::Group(kind), _) => {
                    reporter.report.groups.push(CaseGroup {
                        identifier: item.identifier.clone(),
                        id: GroupId::from(id.clone()),
                        name: name.clone(),
                    });
                    groups.push(GroupSpec {
                        kind,
                        description,
                        parents: self.group_ids(&parents[i]),
                        ..GroupSpec::new(id, name)
                    });
                }
                (CaseItemMapping::Competency(kind), levels) => {
                    let mut competency = CompetencySpec {
                        description,
                        groups: self.group_ids(&parents[i]),
                        ..CompetencySpec::new(id, name, kind)
                    };
                    if let ItemLevels::Mapped(scale) = levels {
                        competency.levels = scale.descriptors;
                        competency.min_level = scale.min_level;
                        competency.max_level = scale.max_level;
                    }
                    competencies.push(competency);
                }
                (CaseItemMapping::Ignore, _) => {}
            }
        }
        order::sort_by(&mut competencies, |a, b| a.id.cmp(&b.id));
        order::sort_by(&mut groups, |a, b| a.id.cmp(&b.id));
        reporter.report.item_types = self.item_types();
        order::sort_by(&mut reporter.report.groups, |a, b| {
            a.identifier.cmp(&b.identifier)
        });
        self.scales(reporter);
        self.associations(&used, reporter);
        FrameworkSpec {
            competencies,
            groups,
            ..FrameworkSpec::new()
        }
    }

    /// Every item type met, with its source and mapping, and the items of each.
    ///
    /// The items are sorted stably by type (label, source, mapping), so each type's items
    /// are together in the order met, and `by_default` is the last one's. (Sorted
    /// positions through [`order`], rather than a map keyed by the type, which would
    /// compile a B-tree for this one key.)
    fn item_types(&self) -> Vec<CaseItemTypeUse> {
        fn key(t: &Typed) -> (&Option<String>, CaseTypeSource, CaseItemMapping) {
            (&t.label, t.source, t.mapping)
        }
        let n = self.parsed.items.len().min(self.types.len());
        let mut positions: Vec<usize> = (0..n).collect();
        order::sort_by(&mut positions, |&a, &b| {
            key(&self.types[a]).cmp(&key(&self.types[b]))
        });
        let mut uses: Vec<CaseItemTypeUse> = Vec::new();
        for i in positions {
            let t = &self.types[i];
            let identifier = self.parsed.items[i].identifier.clone();
            match uses.last_mut() {
                Some(u) if (&u.item_type, u.source, u.mapping) == key(t) => {
                    u.by_default = t.by_default;
                    u.items.push(identifier);
                }
                _ => uses.push(CaseItemTypeUse {
                    item_type: t.label.clone(),
                    source: t.source,
                    mapping: t.mapping,
                    by_default: t.by_default,
                    items: vec![identifier],
                }),
            }
        }
        for u in &mut uses {
            order::sort(&mut u.items);
        }
        uses
    }

    /// Names the competency each mapped criterion gave levels to.
    fn scales(&self, reporter: &mut Reporter) {
        for (i, mut scale) in std::mem::take(&mut reporter.scales) {
            let is_competency = matches!(self.types[i].mapping, CaseItemMapping::Competency(_));
            scale.competency = self.ids[i]
                .clone()
                .filter(|_| is_competency)
                .map(CompetencyId::from);
            reporter.report.scales.push(scale);
        }
    }

    /// The `sequenceNumber` export writes on each association used, when it exports the
    /// spec: among each parent's children, groups by id and then competencies by id,
    /// numbered from 1. A package's own number that equals it is not lost.
    /// Returns the number of each association used, by association position (`None` for
    /// the others).
    fn export_sequence(&self, used: &HashSet<usize>) -> Vec<Option<i64>> {
        let mut children: HashMap<Node, Vec<(bool, &str, usize)>> = HashMap::new();
        for &k in used {
            let assoc = &self.parsed.assocs[k];
            let Node::Item(child) = assoc.origin else {
                continue;
            };
            let Some(id) = self.ids[child].as_deref() else {
                continue;
            };
            let is_competency = !self.is_group(child);
            let list = children.entry(assoc.destination).or_default();
            list.push((is_competency, id, k));
        }
        let mut sequence = vec![None; self.parsed.assocs.len()];
        for mut list in children.into_values() {
            order::sort_unstable(&mut list);
            for (n, (_, _, k)) in list.into_iter().enumerate() {
                sequence[k] = Some(i64::try_from(n).map_or(i64::MAX, |n| n + 1));
            }
        }
        sequence
    }

    /// Reports the fields of the associations used, and keeps every other one.
    fn associations(&self, used: &HashSet<usize>, reporter: &mut Reporter) {
        // The competency an item became, read from the item's id and type where needed.
        let at = |node: Node| match node {
            Node::Item(i) if matches!(self.types[i].mapping, CaseItemMapping::Competency(_)) => {
                self.ids[i].clone().map(CompetencyId::from)
            }
            Node::Item(_) | Node::Document | Node::Outside => None,
        };
        let sequence = self.export_sequence(used);
        let mut kept = Vec::new();
        for (k, assoc) in self.parsed.assocs.iter().enumerate() {
            let a = assoc.a;
            if self.skill_levels.contains(&k) {
                // Read into a level, its `sequenceNumber` too.
                let (element, id) = (CaseElement::Association, a.identifier.as_str());
                reporter.fields(element, id, ASSOCIATION, &[], &a.extra);
                for (field, link) in [
                    ("originNodeURI", a.origin_node_uri.as_ref()),
                    ("destinationNodeURI", a.destination_node_uri.as_ref()),
                ] {
                    let overruled = link.map_or(Overruled::Neither, |l| self.parsed.overruled(l));
                    reporter.link_fields(element, id, field, (link, overruled));
                }
            } else if used.contains(&k) {
                let lost = a.sequence_number.is_some_and(|n| sequence[k] != Some(n));
                let present = [("sequenceNumber", lost)];
                let (element, id) = (CaseElement::Association, a.identifier.as_str());
                reporter.fields(element, id, ASSOCIATION, &present, &a.extra);
                for (field, link) in [
                    ("originNodeURI", a.origin_node_uri.as_ref()),
                    ("destinationNodeURI", a.destination_node_uri.as_ref()),
                ] {
                    let overruled = link.map_or(Overruled::Neither, |l| self.parsed.overruled(l));
                    reporter.link_fields(element, id, field, (link, overruled));
                }
            } else {
                kept.push(CaseKeptAssociation {
                    association: a.clone(),
                    origin: at(assoc.origin),
                    destination: at(assoc.destination),
                });
            }
        }
        order::sort_by(&mut kept, |a, b| {
            a.association.identifier.cmp(&b.association.identifier)
        });
        reporter.report.associations = kept;
    }
}

/// Reports item `item`'s fields the spec has no place for, named by `text`: a code that
/// gives neither the id (`coded`) nor the name, a type link, the other languages of a
/// text read in one, and every field of `extra` but those `text` was read from.
fn report_fields(item: &CaseItem, text: &ItemText<'_>, coded: bool, reporter: &mut Reporter) {
    let identifier = item.identifier.as_str();
    let type_object = type_object_title(item).is_some() || type_object_link(item).is_some();
    let present = [
        // A blank code or a link holding nothing is read as absent: nothing lost.
        (
            "humanCodingScheme",
            opt_non_blank(item.human_coding_scheme.as_ref()).is_some()
                && !coded
                && !text.named_by_code,
        ),
        (
            "CFItemTypeURI",
            item.item_type_uri
                .as_ref()
                .is_some_and(|l| !link_holds_nothing(l)),
        ),
        // Its title is used, as for `CFItemTypeURI`; the link is not kept.
        ("CFItemType", type_object),
    ];
    if text.by_label {
        reporter.renamed("alternativeLabel", "fullStatement");
    }
    if text.languages.is_empty() && !type_object && !text.by_label {
        reporter.fields(CaseElement::Item, identifier, ITEM, &present, &item.extra);
    } else {
        // A multilingual text read in one language: its other languages are lost.
        let mut extra = item.extra.clone();
        for languages in &text.languages {
            extra.remove(languages.field);
        }
        if text.by_label {
            extra.remove("alternativeLabel");
        }
        if type_object {
            extra.remove("CFItemType");
        }
        reporter.fields(CaseElement::Item, identifier, ITEM, &present, &extra);
        for l in &text.languages {
            for other in &l.others {
                let field = format!("{}{other}", l.field);
                reporter.field(CaseElement::Item, identifier, &field, NoPlace);
            }
        }
    }
}
