//! Text export writes into CASE fields typed `NormalizedString`, which CASE's information
//! model defines as holding no tab, line feed or carriage return: export refuses such
//! text, and the import reports it, so that an import it calls complete exports.

use super::node::{document_lines, non_blank, on_several_lines};
use super::text::ItemText;
use crate::interop::case::package::{CaseDocument, CaseExportOptions, CaseItem};
use crate::model::spec::{CompetencyType, FrameworkSpec, GroupKind};
use crate::{CaseElement, Error, Framework};

/// The texts the export options put in the package that hold a tab, line feed or carriage
/// return, each refused as the option it comes from (`id`): a `CFItemType` given by
/// [`CaseExportOptions::item_type`] (`item_type(functional)`) or
/// [`CaseExportOptions::group_item_type`] (`group_item_type(area)`), both
/// `NormalizedString`s on each item of that kind, and the rubric's `title`
/// ([`CaseExportOptions::rubric_title`]). Checked whether or not an element of that kind
/// is written, as the blank and shared type names are. O(options).
fn option_lines(options: &CaseExportOptions) -> Vec<Error> {
    let types = (CompetencyType::ALL.iter())
        .map(|k| (format!("item_type({k})"), &options.type_names[k.index()]));
    let group_types = (GroupKind::ALL.iter()).map(|k| {
        let name = &options.group_type_names[k.index()];
        (format!("group_item_type({})", k.as_str()), name)
    });
    let item_types = types
        .chain(group_types)
        .map(|(id, name)| (CaseElement::Item, id, "CFItemType", name));
    let title = (CaseElement::Rubric, "rubric_title".to_owned(), "title");
    let all = item_types.chain(std::iter::once((
        title.0,
        title.1,
        title.2,
        &options.rubric_title,
    )));
    all.filter(|(.., text)| on_several_lines(text))
        .map(|(element, id, field, text)| Error::CaseTextOnSeveralLines {
            element,
            id,
            level: None,
            field,
            value: text.clone(),
        })
        .collect()
}

/// Each text export would write, as it is, into a `NormalizedString` that cannot hold it:
/// the document's `title`, `creator` and the fields [`document_lines`] finds, the texts of
/// the options ([`option_lines`]), the name of a competency or group with a
/// description (its `abbreviatedStatement`; without one, the name is the `fullStatement`,
/// a `String`), and the name of each level a criterion writes (its `quality`). Node link
/// titles are written on one line instead, as the import does not read them. O(text of
/// the framework).
pub(super) fn check_one_line(
    framework: &Framework,
    document: &CaseDocument,
    options: &CaseExportOptions,
) -> Vec<Error> {
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
    let document_texts = [("title", document.title.as_str())]
        .into_iter()
        .chain([("creator", document.creator.as_str())])
        .filter(|(_, value)| on_several_lines(value))
        .chain(document_lines(&document.extra));
    for (field, value) in document_texts {
        refuse(
            CaseElement::Document,
            &document.identifier,
            None,
            field,
            value,
        );
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
    errors.extend(option_lines(options));
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
