//! Text export writes into CASE fields typed `NormalizedString`, which CASE's information
//! model defines as holding no tab, line feed or carriage return: export refuses such
//! text, and the import reports it, so that an import it calls complete exports.

use super::node::{non_blank, on_several_lines};
use super::text::ItemText;
use crate::interop::case::package::CaseDocument;
use crate::interop::case::package::CaseItem;
use crate::model::spec::FrameworkSpec;
use crate::{CaseElement, Error, Framework};

/// Each text export would write, as it is, into a `NormalizedString` that cannot hold it:
/// the document's `title` and `creator`, the name of a competency or group with a
/// description (its `abbreviatedStatement`; without one, the name is the `fullStatement`,
/// a `String`), and the name of each level a criterion writes (its `quality`). Node link
/// titles are written on one line instead, as the import does not read them. O(text of
/// the framework).
pub(super) fn check_one_line(framework: &Framework, document: &CaseDocument) -> Vec<Error> {
    let mut errors = Vec::new();
    let mut refuse = |element, id: &str, level, field, value: &str| {
        errors.push(Error::CaseTextOnSeveralLines {
            element,
            id: id.to_owned(),
            level,
            field,
            value: value.to_owned(),
        });
    };
    for (field, value) in [("title", &document.title), ("creator", &document.creator)] {
        if on_several_lines(value) {
            refuse(
                CaseElement::Document,
                &document.identifier,
                None,
                field,
                value,
            );
        }
    }
    let named = (framework.groups().iter())
        .map(|g| (g.id.as_str(), &g.name, &g.description))
        .chain((framework.competencies().iter()).map(|c| (c.id.as_str(), &c.name, &c.description)));
    for (id, name, description) in named {
        if non_blank(description).is_some() && on_several_lines(name) {
            refuse(CaseElement::Item, id, None, "abbreviatedStatement", name);
        }
    }
    for (c, competency) in framework.competencies().iter().enumerate() {
        let range = framework.competency_min[c]..=framework.competency_max[c];
        for level in competency
            .levels
            .iter()
            .filter(|l| range.contains(&l.level))
        {
            if let Some(name) = level.name.as_deref().filter(|n| on_several_lines(n)) {
                let id = competency.id.as_str();
                refuse(CaseElement::Level, id, Some(level.level), "quality", name);
            }
        }
    }
    errors
}

/// The fields to report, as [`ONE_LINE`](super::node::ONE_LINE), of the carried items
/// (`carried`, with the id `ids` gives each): each item's `abbreviatedStatement` and
/// criterion level's `quality` (as `quality (level N)`) that [`check_one_line`] would
/// refuse in the spec imported: a name on several lines beside a description, and a
/// level's name on several lines. Each field comes with its item's identifier. O(items ×
/// log items + levels).
pub(super) fn several_lines<'i>(
    items: &[&'i CaseItem],
    texts: &[Option<ItemText<'_>>],
    (ids, carried): (&[Option<String>], &[bool]),
    spec: &FrameworkSpec,
) -> Vec<(&'i str, String)> {
    let mut fields = Vec::new();
    // Level names on several lines are rare: look items up only when there are some.
    let any_level = (spec.competencies.iter().flat_map(|c| &c.levels))
        .any(|l| l.name.as_deref().is_some_and(on_several_lines));
    for (((item, text), id), carried) in items.iter().zip(texts).zip(ids).zip(carried) {
        let (Some(text), Some(id), true) = (text, id, carried) else {
            continue;
        };
        let identifier = item.identifier.as_str();
        if non_blank(text.description).is_some() && on_several_lines(text.name) {
            fields.push((identifier, "abbreviatedStatement".to_owned()));
        }
        if !any_level {
            continue;
        }
        let competency = (spec.competencies)
            .binary_search_by(|c| c.id.as_str().cmp(id))
            .map(|i| &spec.competencies[i]);
        let names = competency.iter().flat_map(|c| &c.levels);
        for level in names.filter(|l| l.name.as_deref().is_some_and(on_several_lines)) {
            fields.push((identifier, format!("quality (level {})", level.level)));
        }
    }
    fields
}
