//! Text export writes into CASE fields typed `NormalizedString`, which CASE's information
//! model defines as holding no tab, line feed or carriage return.

use super::node::non_blank;
use crate::interop::case::package::CaseDocument;
use crate::{CaseElement, Error, Framework};

/// Whether `text` holds a character a `NormalizedString` cannot.
fn on_several_lines(text: &str) -> bool {
    text.contains(['\t', '\n', '\r'])
}

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
