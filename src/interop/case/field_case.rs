//! Reads the fields of a package's elements written in another case than CASE's
//! (`cfItemType`, `FullStatement`, `OriginNodeURI`), as servers whose JSON writers change
//! the case of names publish them: a camel-casing writer gives `cfItemType` and
//! `cfDocumentURI`, one that keeps a class's property names gives `Identifier` and
//! `FullStatement`. No two fields of one CASE element differ only by case, so nothing
//! else can be meant, as with the package's own keys (see `envelope`).

use serde_json::{Map, Value};

use crate::interop::case::fields::{
    ASSOCIATION, CRITERION, DOCUMENT, ITEM, Known, LEVEL, NODE_LINK, RUBRIC,
};
use crate::interop::case::node::each_element;
use crate::interop::case::package::CaseRenamedKey;

/// The document an item or association names, read when a package has no `CFDocument`.
const DOCUMENT_URI: &str = "CFDocumentURI";
/// The rubric's levels listed beside its criteria, as `OpenSALT`'s first serializer wrote
/// them (see `read::levels_beside`).
const LEVELS: &str = "CFRubricCriterionLevels";

/// One kind of element: the fields read under CASE's names, and the fields holding links
/// or elements of another kind.
struct Kind {
    fields: &'static [Known],
    also: &'static [&'static str],
    links: &'static [&'static str],
    children: &'static [(&'static str, &'static Kind)],
}

const LINK: Kind = Kind {
    fields: NODE_LINK,
    also: &[],
    links: &[],
    children: &[],
};
const LEVEL_KIND: Kind = Kind {
    fields: LEVEL,
    also: &[],
    links: &[],
    children: &[],
};
const CRITERION_KIND: Kind = Kind {
    fields: CRITERION,
    also: &[],
    links: &["CFItemURI"],
    children: &[(LEVELS, &LEVEL_KIND)],
};

/// The package's elements under the package's keys (already in CASE's case).
const ELEMENTS: [(&str, Kind); 4] = [
    (
        "CFDocument",
        Kind {
            fields: DOCUMENT,
            also: &[],
            links: &[],
            children: &[],
        },
    ),
    (
        "CFItems",
        Kind {
            fields: ITEM,
            also: &[DOCUMENT_URI],
            links: &["CFItemTypeURI", DOCUMENT_URI],
            children: &[],
        },
    ),
    (
        "CFAssociations",
        Kind {
            fields: ASSOCIATION,
            also: &[DOCUMENT_URI],
            links: &["originNodeURI", "destinationNodeURI", DOCUMENT_URI],
            children: &[],
        },
    ),
    (
        "CFRubrics",
        Kind {
            fields: RUBRIC,
            also: &[LEVELS],
            links: &[],
            children: &[("CFRubricCriteria", &CRITERION_KIND), (LEVELS, &LEVEL_KIND)],
        },
    ),
];

/// Renames, in every element of the package `map` (its document, items, associations,
/// rubrics, their criteria and levels, and the node links of each), each field written in
/// another ASCII case than CASE's name for it to that name, unless the element has CASE's
/// own name too or two fields in that case (then both stay, and the import names the other
/// as a misnamed field: which is meant is unknowable). A field with `-` or `_` in it
/// (`full_statement`) is no CASE name in another case and stays as written; so do
/// `extensions` and every field the crate does not read. Each distinct renaming is added
/// to `renamed` once, in the order met. O(size of the elements' fields).
pub(super) fn rename_fields(map: &mut Map<String, Value>, renamed: &mut Vec<CaseRenamedKey>) {
    for (key, kind) in &ELEMENTS {
        if let Some(value) = map.get_mut(*key) {
            each_element(value, key, &mut |element| rename(element, kind, renamed));
        }
    }
}

/// Renames the fields of one element of `kind`, then those of its links and children.
fn rename(element: &mut Map<String, Value>, kind: &Kind, renamed: &mut Vec<CaseRenamedKey>) {
    let names = kind
        .fields
        .iter()
        .map(|k| k.name)
        .chain(kind.also.iter().copied());
    for name in names {
        rename_key(element, name, renamed);
    }
    for &field in kind.links {
        if let Some(value) = element.get_mut(field) {
            each_element(value, field, &mut |link| rename(link, &LINK, renamed));
        }
    }
    for &(field, child) in kind.children {
        if let Some(value) = element.get_mut(field) {
            each_element(value, field, &mut |c| rename(c, child, renamed));
        }
    }
}

/// Renames the one key of `map` that is `name` in another ASCII case, when `map` has no
/// key `name` and no other key in another case of it.
fn rename_key(map: &mut Map<String, Value>, name: &'static str, renamed: &mut Vec<CaseRenamedKey>) {
    if map.contains_key(name) {
        return;
    }
    let mut found = map.keys().filter(|k| k.eq_ignore_ascii_case(name));
    let (Some(key), None) = (found.next(), found.next()) else {
        return;
    };
    let key = key.clone();
    if let Some(value) = map.remove(&key) {
        map.insert(name.to_owned(), value);
        if !renamed.iter().any(|r| r.found == key && r.read_as == name) {
            renamed.push(CaseRenamedKey {
                found: key,
                read_as: name,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn renamed_in(json: &str) -> (Value, Vec<(String, &'static str)>) {
        let mut map: Map<String, Value> = serde_json::from_str(json).unwrap();
        let mut renamed = Vec::new();
        rename_fields(&mut map, &mut renamed);
        let pairs = renamed.into_iter().map(|r| (r.found, r.read_as)).collect();
        (Value::Object(map), pairs)
    }

    #[test]
    fn fields_in_another_case_are_read_under_case_names_once_each() {
        let (value, pairs) = renamed_in(
            r#"{"CFItems": [{"Identifier": "c1", "cfItemType": "Skill"},
                            {"Identifier": "c2", "CFItemTypeUri": {"Title": "Skill"}}],
                "CFAssociations": {"0": {"OriginNodeURI": {"Identifier": "c1"}}},
                "CFRubrics": [{"CFRubricCriteria": [{"cfItemURI": "https://x/c1",
                               "cfRubricCriterionLevels": [{"Score": 1}]}]}]}"#,
        );
        assert_eq!(value["CFItems"][0]["identifier"], "c1");
        assert_eq!(value["CFItems"][0]["CFItemType"], "Skill");
        assert_eq!(value["CFItems"][1]["CFItemTypeURI"]["title"], "Skill");
        let origin = &value["CFAssociations"]["0"]["originNodeURI"];
        assert_eq!(origin["identifier"], "c1");
        let criterion = &value["CFRubrics"][0]["CFRubricCriteria"][0];
        assert_eq!(criterion["CFItemURI"], "https://x/c1");
        assert_eq!(criterion["CFRubricCriterionLevels"][0]["score"], 1);
        assert_eq!(
            pairs,
            [
                ("Identifier".to_owned(), "identifier"),
                ("cfItemType".to_owned(), "CFItemType"),
                ("CFItemTypeUri".to_owned(), "CFItemTypeURI"),
                ("Title".to_owned(), "title"),
                ("OriginNodeURI".to_owned(), "originNodeURI"),
                ("cfItemURI".to_owned(), "CFItemURI"),
                (
                    "cfRubricCriterionLevels".to_owned(),
                    "CFRubricCriterionLevels"
                ),
                ("Score".to_owned(), "score"),
            ]
        );
    }

    #[test]
    fn a_name_beside_case_own_or_another_spelling_stays() {
        let (value, pairs) = renamed_in(
            r#"{"CFItems": [{"identifier": "c1", "Identifier": "c2",
                             "cfItemType": "A", "CFITEMTYPE": "B",
                             "full_statement": "C", "extensions": {"Title": "x"}}]}"#,
        );
        let item = &value["CFItems"][0];
        for key in ["Identifier", "cfItemType", "CFITEMTYPE", "full_statement"] {
            assert!(item.get(key).is_some(), "{key}");
        }
        assert_eq!(item["extensions"]["Title"], "x");
        assert!(pairs.is_empty());
    }
}
