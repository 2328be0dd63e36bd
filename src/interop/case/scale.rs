//! Maps rubric criteria to competencies' levels: the proficiency order and the levels come
//! from each level's `score` under the caller's [`CaseLevelRule`], never from its display
//! `position`. A criterion the rule cannot map is set aside with its item.

use std::borrow::Cow;

use super::agree::Scale;
use super::node::{Node, Overruled, Parsed, Typed, non_blank, opt_non_blank};
use super::read::{CRITERION, LEVEL, RUBRIC};
use super::reporter::{Reporter, holds_text};
use super::scores;
use super::text::multilingual_field;
use crate::interop::case::import::{
    CaseDropReason, CaseImportOptions, CaseItemMapping, CaseLevelRule, CaseScale, CaseScaleLevel,
    CaseScoreOrder, CaseScoreReading,
};
use crate::interop::case::package::{CaseCriterion, CaseCriterionLevel, CaseExtra, CasePackage};
use crate::interop::case::package::{DEFAULT_RUBRIC_TITLE, FRAC_SCALE_NOTE};
use crate::interop::case::read::unsigned_zero;
use crate::model::level_name::reads_as_another_level;
use crate::model::order;
use crate::model::spec::LevelDescriptor;
use crate::{CaseElement, CaseFieldReason, Error, Level};

/// What the rubrics say about one item's levels.
pub(super) enum ItemLevels {
    /// No criterion describes it: the default range, no descriptors.
    Default,
    /// One criterion describes it, or several agree on these levels (see
    /// [`agreed_levels`]).
    Mapped(Scale),
    /// Its one criterion cannot be mapped: the item is set aside.
    SetAside,
}

impl ItemLevels {
    pub(super) fn is_set_aside(&self) -> bool {
        matches!(self, ItemLevels::SetAside)
    }
}

/// Rejects a rule that cannot map scores in order: a proportional scale without levels, or
/// a table with a score that is not finite or given twice, or that gives a higher score a
/// lower level.
pub(super) fn check_rule(rule: &CaseLevelRule) -> Vec<Error> {
    let invalid = |value: f64, expected| Error::InvalidOption {
        option: "level_rule",
        value,
        expected,
    };
    match rule {
        CaseLevelRule::Proportional { top: 0 } => {
            vec![invalid(
                0.0,
                "a proportional rule's top score of at least 1",
            )]
        }
        CaseLevelRule::Table(entries) => {
            let mut seen = Vec::new();
            let mut errors = Vec::new();
            for &(score, _) in entries {
                if !score.is_finite() || seen.iter().any(|&s| same(s, score)) {
                    errors.push(invalid(score, "finite table scores, each once"));
                }
                seen.push(score);
            }
            let mut sorted: Vec<(f64, Level)> = entries.clone();
            order::sort_by(&mut sorted, |a, b| a.0.total_cmp(&b.0));
            for pair in sorted.windows(2) {
                if pair[1].1 < pair[0].1 {
                    let expected = "table levels that never fall as the score rises";
                    errors.push(invalid(pair[1].0, expected));
                }
            }
            errors
        }
        CaseLevelRule::Score | CaseLevelRule::Rank | CaseLevelRule::Proportional { .. } => {
            Vec::new()
        }
    }
}

/// A whole, non-negative score.
#[allow(clippy::cast_sign_loss)] // a whole number from 0 to u32::MAX, checked first
fn whole(score: f64) -> Option<u64> {
    let is_whole =
        score.is_finite() && score >= 0.0 && score.fract() == 0.0 && score <= f64::from(u32::MAX);
    is_whole.then_some(score as u64)
}

/// Scores are compared exactly: they are labels as much as numbers. A negative zero is
/// zero (a package built in code may hold one; the reader makes it zero already).
fn same(a: f64, b: f64) -> bool {
    unsigned_zero(a).total_cmp(&unsigned_zero(b)).is_eq()
}

/// The level each score becomes under the rule; `None` where it cannot map one.
pub(super) fn map_scores(rule: &CaseLevelRule, scores: &[Option<f64>]) -> Vec<Option<u8>> {
    match rule {
        CaseLevelRule::Rank => {
            let mut positive: Vec<f64> = scores
                .iter()
                .flatten()
                .copied()
                .filter(|s| s.is_finite() && *s > 0.0)
                .collect();
            order::sort_by(&mut positive, f64::total_cmp);
            positive.dedup();
            scores
                .iter()
                .map(|s| match *s {
                    Some(s) if same(s, 0.0) => Some(0),
                    Some(s) => positive
                        .iter()
                        .position(|&p| same(p, s))
                        .and_then(|rank| u8::try_from(rank + 1).ok())
                        .filter(|&level| level <= 5),
                    None => None,
                })
                .collect()
        }
        _ => scores
            .iter()
            .map(|s| s.and_then(|s| map_score(rule, s)))
            .collect(),
    }
}

fn map_score(rule: &CaseLevelRule, score: f64) -> Option<u8> {
    match rule {
        CaseLevelRule::Score => whole(score).filter(|&s| s <= 5).map(|s| s as u8),
        CaseLevelRule::Proportional { top } => {
            let top = u64::from(*top);
            whole(score)
                .filter(|&s| top > 0 && s <= top)
                .map(|s| (s * 5).div_ceil(top) as u8)
        }
        CaseLevelRule::Table(entries) => entries
            .iter()
            .find(|(s, _)| same(*s, score))
            .map(|(_, level)| level.get()),
        CaseLevelRule::Rank => None,
    }
}

/// The criteria that give levels to competency items, one per item; everything else is
/// reported. Returns, per item, what its levels are.
pub(super) fn rubric_levels(
    package: &CasePackage,
    parsed: &Parsed<'_>,
    types: &[Typed],
    has_name: &[bool],
    options: &CaseImportOptions,
    reporter: &mut Reporter,
) -> Vec<ItemLevels> {
    let mut chosen: Vec<Vec<Criterion<'_>>> = vec![Vec::new(); parsed.items.len()];
    for (r, rubric) in package.rubrics.iter().enumerate() {
        if parsed.repeated_rubrics[r] {
            continue;
        }
        // Elements without an identifier are named by their paths as written.
        let rubric_path = format!("CFRubrics[{}]", package.null_rubrics.written(r));
        // This crate's export: its scores are FRAC's levels already (see `FRAC_SCALE_NOTE`).
        let frac = rubric.description.as_deref().map(str::trim) == Some(FRAC_SCALE_NOTE);
        let id = named(&rubric.identifier, &rubric_path);
        if rubric.criteria.is_empty() {
            reporter.drop(CaseElement::Rubric, id, CaseDropReason::NoCriteria);
        } else {
            // Export writes the default title and the note on its scale back; another
            // title or description is lost.
            let title = rubric.title.as_deref();
            let present = [
                (
                    "title",
                    title.is_some_and(|t| t != DEFAULT_RUBRIC_TITLE && !t.is_empty()),
                ),
                (
                    "description",
                    holds_text(rubric.description.as_ref()) && !frac,
                ),
            ];
            reporter.fields(CaseElement::Rubric, id, RUBRIC, &present, &rubric.extra);
        }
        for (c, criterion) in rubric.criteria.iter().enumerate() {
            let c = rubric.null_criteria.written(c);
            let path = format!("{rubric_path}.CFRubricCriteria[{c}]");
            let id = named(&criterion.identifier, &path).to_owned();
            let reason = match criterion.item_uri.as_ref().and_then(|l| parsed.resolve(l)) {
                None => Some(CaseDropReason::NoItem),
                Some(Node::Outside) => Some(CaseDropReason::OutsidePackage),
                Some(Node::Document) => Some(CaseDropReason::NotACompetency),
                Some(Node::Item(i)) => {
                    if !matches!(types[i].mapping, CaseItemMapping::Competency(_)) {
                        Some(CaseDropReason::NotACompetency)
                    } else if !has_name[i] {
                        Some(CaseDropReason::NoStatement)
                    } else if criterion.levels.is_empty() {
                        Some(CaseDropReason::NoLevels)
                    } else {
                        chosen[i].push((criterion, id.clone(), path.clone(), frac));
                        None
                    }
                }
            };
            if let Some(reason) = reason {
                reporter.drop(CaseElement::Criterion, &id, reason);
            }
        }
    }
    chosen
        .into_iter()
        .enumerate()
        .map(|(i, criteria)| match criteria.as_slice() {
            [] => ItemLevels::Default,
            [one] => item_levels(i, parsed, one, rule_for(one, options), reporter),
            many => agreed_levels(i, parsed, many, options, reporter),
        })
        .collect()
}

/// The levels criteria `many` of item `i` give. When every one of them gives the same
/// scale (the same levels, each described alike), nothing is unknowable: the item has that
/// scale, and each criterion is reported as a single criterion is (its levels in the
/// scales, what it sets aside). Otherwise each criterion is reported as
/// [`CaseDropReason::ConflictingCriteria`] and its levels in the scales.
///
/// Each criterion whose scale its rule maps is read as a single criterion would be; the
/// competency then exists at the levels every such criterion gives it (from the highest of
/// their lowest levels to the lowest of their highest), each described where every
/// criterion describes it alike (same name, same text). With no criterion read, or no
/// level in common, it has the default levels, undescribed, as an item without a criterion
/// has: the competency is never lost for its rubrics' disagreement.
fn agreed_levels(
    i: usize,
    parsed: &Parsed<'_>,
    many: &[Criterion<'_>],
    options: &CaseImportOptions,
    reporter: &mut Reporter,
) -> ItemLevels {
    if let Some((scale, alone)) = same_scale(i, parsed, many, options) {
        for one in alone {
            reporter.absorb(one);
        }
        return ItemLevels::Mapped(scale);
    }
    let mut scales = Vec::with_capacity(many.len());
    for one in many {
        reporter.drop(
            CaseElement::Criterion,
            &one.1,
            CaseDropReason::ConflictingCriteria,
        );
        let rule = rule_for(one, options);
        if let Some((levels, mapped, derived)) = criterion_levels(i, parsed, one, rule, reporter) {
            // The criterion is reported whole above: what its levels lose is not reported
            // level by level.
            let mut aside = Reporter::default();
            scales.extend(scale(&levels, &mapped, derived, &mut aside));
        }
    }
    super::agree::agree(&scales).map_or(ItemLevels::Default, ItemLevels::Mapped)
}

/// The scale every one of criteria `many` gives item `i` when each, read alone, gives
/// the same one, with what each read alone reports; `None` when one is set aside or
/// gives another scale. O(levels of the criteria).
fn same_scale(
    i: usize,
    parsed: &Parsed<'_>,
    many: &[Criterion<'_>],
    options: &CaseImportOptions,
) -> Option<(Scale, Vec<Reporter>)> {
    let mut agreed: Option<Scale> = None;
    let mut alone = Vec::with_capacity(many.len());
    for one in many {
        let mut reporter = Reporter::default();
        let ItemLevels::Mapped(scale) =
            item_levels(i, parsed, one, rule_for(one, options), &mut reporter)
        else {
            return None;
        };
        match &agreed {
            Some(first) if *first != scale => return None,
            Some(_) => {}
            None => agreed = Some(scale),
        }
        alone.push(reporter);
    }
    agreed.map(|scale| (scale, alone))
}

/// The rule that maps `criterion`'s scores and the way they run: the options', or
/// [`CaseLevelRule::Score`] with higher scores better for this crate's own export on FRAC's
/// scale.
fn rule_for<'o>(
    criterion: &Criterion<'_>,
    options: &'o CaseImportOptions,
) -> (&'o CaseLevelRule, CaseScoreOrder) {
    if criterion.3 && on_frac_scale(criterion.0) {
        (&CaseLevelRule::Score, CaseScoreOrder::HigherIsBetter)
    } else {
        (&options.level_rule, options.score_order)
    }
}

/// A criterion, the name the report gives it, its path in the package, and whether its
/// rubric says its scores are FRAC's levels (this crate's export).
type Criterion<'p> = (&'p CaseCriterion, String, String, bool);

/// Whether every level of `criterion` has a score that is a FRAC level (a whole number
/// from 0, a named level of none, to 5), as the note on an exported rubric says. A package edited after export
/// (its scores moved to another scale, the note left in place) contradicts the note, and
/// the import's own level rule maps it instead.
fn on_frac_scale(criterion: &CaseCriterion) -> bool {
    (criterion.levels.iter()).all(|l| {
        l.score
            .is_some_and(|s| s.fract() == 0.0 && (0.0..=5.0).contains(&s))
    })
}

/// A criterion level, the name the report gives it, and its score: the one that orders it
/// (see [`scores::Scores`]).
type Named<'p> = (&'p CaseCriterionLevel, String, Option<f64>);

/// The name the report gives an element: its identifier, or its path in the package when
/// it has none (identifiers of rubric elements are optional to the import).
fn named<'a>(identifier: &'a str, path: &'a str) -> &'a str {
    if non_blank(identifier).is_some() {
        identifier
    } else {
        path
    }
}

/// Maps one criterion's levels to item `i`'s levels, reporting how.
fn item_levels(
    i: usize,
    parsed: &Parsed<'_>,
    one: &Criterion<'_>,
    rule: (&CaseLevelRule, CaseScoreOrder),
    reporter: &mut Reporter,
) -> ItemLevels {
    let (criterion, id, _, _) = one;
    let Some((levels, mapped, derived)) = criterion_levels(i, parsed, one, rule, reporter) else {
        let item = parsed.items[i].identifier.as_str();
        if criterion.levels.iter().all(|l| l.score.is_none()) && !read_as_text(criterion, rule.1) {
            // No level has a score: CASE's `position` is display order, never a
            // proficiency order, so the levels have no order at all, and no rule could
            // map them. The criterion, its levels and its item are set aside as unscored.
            reporter.drop(CaseElement::Criterion, id, CaseDropReason::Unscored);
            reporter.drop(CaseElement::Item, item, CaseDropReason::Unscored);
            for (l, level) in criterion.levels.iter().enumerate() {
                let l = criterion.null_levels.written(l);
                let path = format!("{}.CFRubricCriterionLevels[{l}]", one.2);
                unscored(level, named(&level.identifier, &path), reporter);
            }
            return ItemLevels::SetAside;
        }
        reporter.drop(CaseElement::Criterion, id, CaseDropReason::UnmappedScale);
        reporter.drop(CaseElement::Item, item, CaseDropReason::UnmappedScale);
        return ItemLevels::SetAside;
    };
    let present = [
        ("category", holds_text(criterion.category.as_ref())),
        ("description", holds_text(criterion.description.as_ref())),
        ("weight", criterion.weight.is_some()),
    ];
    reporter.fields(
        CaseElement::Criterion,
        id,
        CRITERION,
        &present,
        &criterion.extra,
    );
    let link = criterion.item_uri.as_ref();
    let overruled = link.map_or(Overruled::Neither, |l| parsed.overruled(l));
    reporter.link_fields(CaseElement::Criterion, id, "CFItemURI", (link, overruled));
    if let Some(scale) = scale(&levels, &mapped, derived, reporter) {
        ItemLevels::Mapped(scale)
    } else {
        reporter.drop(CaseElement::Criterion, id, CaseDropReason::NoLevels);
        ItemLevels::Default
    }
}

/// The levels of criterion `one` of item `i` in score order (unscored levels last, then by
/// name), each with the level the rule maps it to, reported in the scales, and whether its
/// scores were read from letters or numerals (text that is not set aside); `None` when the
/// rule cannot map its scale: no level has a score, or the rule cannot map one.
fn criterion_levels<'p>(
    i: usize,
    parsed: &Parsed<'_>,
    (criterion, id, path, _): &Criterion<'p>,
    (rule, score_order): (&CaseLevelRule, CaseScoreOrder),
    reporter: &mut Reporter,
) -> Option<(Vec<Named<'p>>, Vec<Option<u8>>, bool)> {
    let read = scores::read(&criterion.levels, score_order);
    let mut levels: Vec<(Named<'_>, usize)> = criterion
        .levels
        .iter()
        .enumerate()
        .map(|(l, level)| {
            let written = criterion.null_levels.written(l);
            let path = format!("{path}.CFRubricCriterionLevels[{written}]");
            let name = named(&level.identifier, &path).to_owned();
            ((level, name, read.ordering[l]), l)
        })
        .collect();
    order::sort_by(&mut levels, |((_, a_id, a), _), ((_, b_id, b), _)| {
        match (*a, *b) {
            (Some(x), Some(y)) => x.total_cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
        .then_with(|| a_id.cmp(b_id))
    });
    let (levels, at): (Vec<Named<'_>>, Vec<usize>) = levels.into_iter().unzip();
    let scores: Vec<Option<f64>> = levels.iter().map(|(_, _, s)| *s).collect();
    let mapped = map_scores(rule, &scores);
    // A level without a score (absent, `null`, or text that is no number) has no place in
    // the order: it is set aside alone, unless no level has a score (then the scale is
    // unknowable). A score the rule cannot map sets the criterion aside, as its scale needs
    // another rule.
    let valid = scores.iter().any(Option::is_some)
        && scores
            .iter()
            .zip(&mapped)
            .all(|(s, m)| s.is_none() || m.is_some());
    let item = parsed.items[i].identifier.as_str();
    reporter.scale(
        i,
        CaseScale {
            item: item.to_owned(),
            criterion: id.to_owned(),
            competency: None,
            rule: rule.clone(),
            reading: read.reading,
            order: score_order,
            levels: (levels.iter().zip(&at).zip(&mapped))
                .map(|(((_, level_id, _), &l), m)| CaseScaleLevel {
                    identifier: level_id.clone(),
                    score: read.read[l],
                    written: read.written[l].clone(),
                    level: m.map(Level::saturating),
                })
                .collect(),
        },
    );
    // A score read as a letter or numeral was read from its text, which is not set aside.
    let derived = read.reading != CaseScoreReading::Numbers;
    valid.then_some((levels, mapped, derived))
}

/// The descriptors and range of mapped levels (in score order, unscored levels last; a
/// level mapped to 0, none, described as level 0, as a rubric's "not yet" level is named),
/// reporting the levels without a score, those sharing their score
/// with another level (the level exists, undescribed: which text describes it is
/// unknowable) and those merged into a lower score's level; `None` when no level is above
/// none.
fn scale(
    levels: &[Named<'_>],
    mapped: &[Option<u8>],
    derived: bool,
    reporter: &mut Reporter,
) -> Option<Scale> {
    let mut descriptors: Vec<LevelDescriptor> = Vec::new();
    let (mut lowest, mut highest) = (u8::MAX, 0);
    let mut zero_taken = false;
    // The level each descriptor describes, and the criterion level it was read from.
    let mut named_by: Vec<(u8, String)> = Vec::new();
    for (at, ((level, id, score), &mapped)) in levels.iter().zip(mapped).enumerate() {
        let id = id.as_str();
        let (Some(score), Some(mapped)) = (*score, mapped) else {
            unscored(level, id, reporter);
            continue;
        };
        // Levels come in score order, so a shared score is a neighbour's.
        let shares = |other: Option<&Named<'_>>| {
            other.is_some_and(|(_, _, s)| s.is_some_and(|s| same(s, score)))
        };
        if shares(at.checked_sub(1).and_then(|b| levels.get(b))) || shares(levels.get(at + 1)) {
            reporter.drop(CaseElement::Level, id, CaseDropReason::SharedScore);
            if mapped > 0 {
                lowest = lowest.min(mapped);
                highest = highest.max(mapped);
            }
            continue;
        }
        // Levels come lowest score first and every rule maps a higher score to the same or a
        // higher level, so a level already taken was taken by a lower score (level 0, none,
        // by the lowest: a "not yet" level scored 0).
        if (mapped > 0 && mapped == highest) || (mapped == 0 && zero_taken) {
            reporter.drop(CaseElement::Level, id, CaseDropReason::MergedLevel);
            continue;
        }
        let present = [("feedback", holds_text(level.feedback.as_ref()))];
        let mut extra = Cow::Borrowed(&level.extra);
        if derived && extra.contains_key("score") {
            extra.to_mut().remove("score");
        }
        // Texts written in several languages are read in one; the others are reported.
        let mut others = Vec::new();
        let quality = level.quality.as_deref();
        let quality = multilingual_field(quality, "quality", &mut extra, &mut others);
        let described = level.description.as_deref();
        let described = multilingual_field(described, "description", &mut extra, &mut others);
        reporter.fields(CaseElement::Level, id, LEVEL, &present, &extra);
        for field in &others {
            reporter.field(CaseElement::Level, id, field, CaseFieldReason::NoPlace);
        }
        if mapped == 0 {
            zero_taken = true;
        } else {
            lowest = lowest.min(mapped);
            highest = highest.max(mapped);
        }
        let name = quality.or_else(|| opt_non_blank(level.quality.as_ref()).map(str::to_owned));
        // A name reading as another level (a 7-level scale's `Level 5` on the level its
        // score maps to, 4) would be read as that level wherever a level is written, and
        // the framework refuses it: it is set aside, the level keeps its description.
        let name = name.filter(|name| {
            let reads_as = reads_as_another_level(name, mapped);
            if let Some(reads_as) = reads_as {
                let reason = CaseFieldReason::NamesAnotherLevel {
                    level: mapped,
                    reads_as,
                };
                reporter.field(CaseElement::Level, id, "quality", reason);
            }
            reads_as.is_none()
        });
        // Text that shows nothing is no description, as for an item's statements; a
        // level with neither name nor description is undescribed (its score still counts).
        let description = described
            .or_else(|| level.description.clone())
            .filter(|d| !crate::model::quote::is_blank(d));
        if name.is_some() || description.is_some() {
            named_by.push((mapped, id.to_owned()));
            descriptors.push(LevelDescriptor {
                level: mapped,
                name,
                level_name: None,
                description: description.unwrap_or_default(),
            });
        }
    }
    // Two names reading as one could each be either level: the higher one's is set aside.
    for (level, other) in super::agree::names_read_as_one(&mut descriptors) {
        if let Some((_, id)) = named_by.iter().find(|(l, _)| *l == level) {
            let reason = CaseFieldReason::SameNameAsLevel { level, other };
            reporter.field(CaseElement::Level, id, "quality", reason);
        }
    }
    if highest == 0 {
        return None;
    }
    Some(Scale::new(descriptors, lowest, highest))
}

/// Reports a level without a score, and the text that gave none (`"three"`, a letter
/// among numbers) with the fields of a wrong type, as [`CaseDropReason::Unscored`] says.
fn unscored(level: &CaseCriterionLevel, id: &str, reporter: &mut Reporter) {
    reporter.drop(CaseElement::Level, id, CaseDropReason::Unscored);
    if let Some((key, value)) = level.extra.get_key_value("score") {
        let text = CaseExtra::from([(key.clone(), value.clone())]);
        reporter.fields(CaseElement::Level, id, LEVEL, &[], &text);
    }
}

/// Whether the scores of `criterion` were read from text (letter grades, Roman numerals).
fn read_as_text(criterion: &CaseCriterion, order: CaseScoreOrder) -> bool {
    scores::read(&criterion.levels, order).reading != CaseScoreReading::Numbers
}

#[cfg(test)]
#[path = "scale_tests.rs"]
mod tests;
