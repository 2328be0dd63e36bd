//! CASE 1.1's `hasSkillLevel` associations: the level items an item points at are its
//! proficiency levels, read into its level descriptors (see
//! [`CaseSkillLevel`](crate::CaseSkillLevel) for the rule and its source), never
//! competencies of their own.

use std::borrow::Cow;
use std::collections::HashSet;

use serde_json::Value;

use super::agree::{Scale, names_read_as_one};
use super::node::{Node, Parsed, Typed, is_association_type};
use super::reporter::Reporter;
use super::scale::{ItemLevels, map_scores, rubric_levels};
use super::text::ItemText;
use crate::interop::case::import::{
    CaseDropReason, CaseImportOptions, CaseItemMapping, CaseSkillLevel,
};
use crate::interop::case::package::{CaseItem, CasePackage};
use crate::model::level::{level_number, numbered_name};
use crate::model::level_name::reads_as_another_level;
use crate::model::order;
use crate::model::spec::LevelDescriptor;
use crate::{CaseElement, CaseFieldReason, CompetencyId, Level};

/// CASE 1.1's association type linking an item to one of its skill levels.
const HAS_SKILL_LEVEL: &str = "hasSkillLevel";

/// The `hasSkillLevel` associations read: `(association, competency item, level item)`,
/// from a named competency item to another named item mapped to a competency, which has
/// no skill levels of its own (an item with levels is a competency, never a level).
struct Links(Vec<(usize, usize, usize)>);

/// The `hasSkillLevel` associations that make items levels, and per item whether it is
/// one (then it is not carried as an item of its own). O(associations + items).
fn level_links(parsed: &Parsed<'_>, types: &[Typed], named: &[bool]) -> (Links, Vec<bool>) {
    let competency =
        |i: usize| named[i] && matches!(types[i].mapping, CaseItemMapping::Competency(_));
    let mut links = Vec::new();
    for (k, assoc) in parsed.assocs.iter().enumerate() {
        if let (Node::Item(c), Node::Item(l)) = (assoc.origin, assoc.destination)
            && c != l
            && competency(c)
            && competency(l)
            && is_association_type(HAS_SKILL_LEVEL, &assoc.a.association_type)
        {
            links.push((k, c, l));
        }
    }
    let mut has_levels = vec![false; parsed.items.len()];
    for &(_, c, _) in &links {
        has_levels[c] = true;
    }
    links.retain(|&(_, _, l)| !has_levels[l]);
    let mut is_level = vec![false; parsed.items.len()];
    for &(_, _, l) in &links {
        is_level[l] = true;
    }
    (Links(links), is_level)
}

/// The levels of every item, from its rubric criteria (`scale`) or its skill levels
/// (`steps` holds the package, its checked elements, the items' types, and whether each
/// is named and its text): per item, its levels; whether it is carried (named, of a type
/// not ignored, its levels not set aside, and no other item's skill level, whose criteria
/// then describe no competency); the associations read as levels; and the item each entry
/// of the report's skill levels belongs to.
/// O(items + associations + rubric levels).
pub(super) fn item_levels(
    (package, parsed, types, (named, texts)): Steps<'_, '_>,
    options: &CaseImportOptions,
    reporter: &mut Reporter,
) -> (Vec<ItemLevels>, Vec<bool>, HashSet<usize>, Vec<usize>) {
    let (links, is_level) = level_links(parsed, types, named);
    let rubric_types: Cow<'_, [Typed]> = if is_level.contains(&true) {
        let masked = types.iter().zip(&is_level).map(|(t, &level)| Typed {
            mapping: if level {
                CaseItemMapping::Ignore
            } else {
                t.mapping
            },
            ..t.clone()
        });
        Cow::Owned(masked.collect())
    } else {
        Cow::Borrowed(types)
    };
    let mut levels = rubric_levels(package, parsed, &rubric_types, named, options, reporter);
    let (skill, used, owners) = skill_levels(parsed, &links, texts, &levels, options, reporter);
    for (levels, skill) in levels.iter_mut().zip(skill) {
        if let Some(scale) = skill {
            *levels = ItemLevels::Mapped(scale);
        }
    }
    let carried: Vec<bool> = (types.iter().zip(&levels).zip(named).zip(&is_level))
        .map(|(((t, l), named), level)| {
            *named && !level && t.mapping != CaseItemMapping::Ignore && !l.is_set_aside()
        })
        .collect();
    (levels, carried, used, owners)
}

/// What [`item_levels`] reads: the package, its checked elements, the items' types, and
/// per item whether something names it and its text.
pub(super) type Steps<'a, 'p> = (
    &'a CasePackage,
    &'a Parsed<'p>,
    &'a [Typed],
    (&'a [bool], &'a [Option<ItemText<'p>>]),
);

/// Names the competency of each entry of the report's skill levels (`owners` giving the
/// item of each, `ids` each item's id), then sorts them by item and association.
pub(super) fn name_competencies(
    read: &mut [CaseSkillLevel],
    owners: &[usize],
    ids: &[Option<String>],
) {
    for (entry, &c) in read.iter_mut().zip(owners) {
        entry.competency = ids[c].clone().map(CompetencyId::from);
    }
    order::sort_by(read, |a, b| {
        (&a.item, &a.association).cmp(&(&b.item, &b.association))
    });
}

/// The number that places level item `l` for association `k`, and where it was read
/// (see [`CaseSkillLevel`]).
fn number(
    parsed: &Parsed<'_>,
    k: usize,
    l: usize,
    text: Option<&ItemText<'_>>,
) -> Option<(i64, &'static str)> {
    if let Some(n) = parsed.assocs[k].a.sequence_number {
        return Some((n, "sequenceNumber"));
    }
    let listed = match parsed.items[l].extra.get("listEnumeration") {
        Some(Value::String(text)) => level_number(text),
        Some(Value::Number(n)) => n.as_u64(),
        _ => None,
    };
    if let Some(n) = listed.and_then(|n| i64::try_from(n).ok()) {
        return Some((n, "listEnumeration"));
    }
    let (n, _) = numbered_name(text?.name)?;
    Some((i64::from(n), "name"))
}

/// Reads the levels `links` give each competency item under the options' level rule,
/// reporting each association in the report's skill levels and what it sets aside; an
/// item whose levels a rubric criterion gives (`rubric`) keeps those. Returns, per item,
/// the scale its skill levels give, the associations read, and the item each entry pushed
/// to the report's skill levels belongs to. O(links log links).
fn skill_levels(
    parsed: &Parsed<'_>,
    Links(links): &Links,
    texts: &[Option<ItemText<'_>>],
    rubric: &[ItemLevels],
    options: &CaseImportOptions,
    reporter: &mut Reporter,
) -> (Vec<Option<Scale>>, HashSet<usize>, Vec<usize>) {
    let mut scales: Vec<Option<Scale>> = (0..parsed.items.len()).map(|_| None).collect();
    let mut by_item: Vec<(usize, usize, usize)> = links.clone();
    order::sort_by_key(&mut by_item, |&(_, c, _)| c);
    let mut gave = vec![false; parsed.items.len()];
    let mut aside: Vec<Option<CaseDropReason>> = vec![None; parsed.items.len()];
    let identifier = |k: usize| parsed.assocs[k].a.identifier.as_str();
    let mut owners = Vec::with_capacity(links.len());
    for run in by_item.chunk_by(|a, b| a.1 == b.1) {
        let c = run[0].1;
        let numbers: Vec<Option<(i64, &'static str)>> = run
            .iter()
            .map(|&(k, _, l)| number(parsed, k, l, texts[l].as_ref()))
            .collect();
        #[allow(clippy::cast_precision_loss)] // a level's number, compared as a score is
        let scores: Vec<Option<f64>> = numbers.iter().map(|n| n.map(|(n, _)| n as f64)).collect();
        let mapped = map_scores(&options.level_rule, &scores);
        let beside_rubric = !matches!(rubric[c], ItemLevels::Default);
        // How many of the item's level items each level has: a level two of them give is
        // undescribed, as a score two rubric levels share (which text describes it is
        // unknowable).
        let mut count = [0usize; 6];
        for m in mapped.iter().flatten() {
            count[usize::from(*m)] += 1;
        }
        let mut descriptors: Vec<LevelDescriptor> = Vec::new();
        let mut named_by: Vec<(u8, usize)> = Vec::new();
        let (mut lowest, mut highest) = (u8::MAX, 0);
        for (at, &(k, _, l)) in run.iter().enumerate() {
            let level = mapped[at].filter(|_| !beside_rubric);
            owners.push(c);
            reporter.report.skill_levels.push(CaseSkillLevel {
                association: identifier(k).to_owned(),
                item: parsed.items[c].identifier.clone(),
                competency: None,
                level_item: parsed.items[l].identifier.clone(),
                number: numbers[at].map(|(n, _)| n),
                source: numbers[at].map(|(_, s)| s),
                level: level.map(Level::saturating),
            });
            let reason = match level {
                _ if beside_rubric => Some(CaseDropReason::SkillLevelBesideRubric),
                None => Some(CaseDropReason::UnreadSkillLevel),
                Some(m) if count[usize::from(m)] > 1 => Some(CaseDropReason::SharedScore),
                Some(_) => None,
            };
            if let Some(m) = level {
                gave[l] = true;
                // Level 0 (none) is described, and says nothing of the range.
                if m > 0 {
                    lowest = lowest.min(m);
                    highest = highest.max(m);
                }
            }
            if let Some(reason) = reason {
                reporter.drop(CaseElement::Association, identifier(k), reason);
                aside[l].get_or_insert(reason);
                continue;
            }
            let (Some(mapped), Some(text)) = (level, texts[l].as_ref()) else {
                continue;
            };
            if let Some(d) = descriptor(parsed.items[l], mapped, text, reporter) {
                named_by.push((mapped, l));
                descriptors.push(d);
            }
        }
        scales[c] = scale(parsed, descriptors, &named_by, (lowest, highest), reporter);
    }
    let used = links.iter().map(|&(k, _, _)| k).collect();
    for (l, reason) in aside.into_iter().enumerate() {
        if let Some(reason) = reason.filter(|_| !gave[l]) {
            reporter.drop(CaseElement::Item, &parsed.items[l].identifier, reason);
        }
    }
    (scales, used, owners)
}

/// The statement that names a level item: its `abbreviatedStatement` when it has one,
/// else its `fullStatement` (as [`ItemText`] reads an item's name).
fn statement(item: &CaseItem) -> &'static str {
    if item.abbreviated_statement.is_some() {
        "abbreviatedStatement"
    } else {
        "fullStatement"
    }
}

/// The descriptor level item `item` gives level `mapped`, named and described by `text`;
/// a name reading as another level's number is set aside and reported, as a rubric
/// level's is. `None` when nothing names or describes it.
fn descriptor(
    item: &CaseItem,
    mapped: u8,
    text: &ItemText<'_>,
    reporter: &mut Reporter,
) -> Option<LevelDescriptor> {
    let name = Some(text.name.trim())
        .filter(|n| !n.is_empty())
        .filter(|name| {
            let reads_as = reads_as_another_level(name, mapped);
            if let Some(reads_as) = reads_as {
                let reason = CaseFieldReason::NamesAnotherLevel {
                    level: mapped,
                    reads_as,
                };
                reporter.field(CaseElement::Item, &item.identifier, statement(item), reason);
            }
            reads_as.is_none()
        });
    let description = text.description.to_owned();
    (name.is_some() || !description.is_empty()).then(|| LevelDescriptor {
        level: mapped,
        name: name.map(str::to_owned),
        level_name: None,
        description,
    })
}

/// The scale `descriptors` give an item whose levels run from `lowest` to `highest`
/// (`highest` 0: only level 0 described, the default levels), each read from the level
/// item `named_by` names; of two names reading as one the higher one's is set aside and
/// reported, as a rubric's is. `None` when nothing gives a level.
fn scale(
    parsed: &Parsed<'_>,
    mut descriptors: Vec<LevelDescriptor>,
    named_by: &[(u8, usize)],
    (lowest, highest): (u8, u8),
    reporter: &mut Reporter,
) -> Option<Scale> {
    for (level, other) in names_read_as_one(&mut descriptors) {
        if let Some(&(_, l)) = named_by.iter().find(|(m, _)| *m == level) {
            let reason = CaseFieldReason::SameNameAsLevel { level, other };
            let item = parsed.items[l];
            reporter.field(CaseElement::Item, &item.identifier, statement(item), reason);
        }
    }
    if highest == 0 && descriptors.is_empty() {
        return None;
    }
    let (lowest, highest) = if highest == 0 {
        (1, 5)
    } else {
        (lowest, highest)
    };
    order::sort_by_key(&mut descriptors, |d| d.level);
    Some(Scale::new(descriptors, lowest, highest))
}
