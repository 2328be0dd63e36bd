//! Real CASE packages, as `OpenSALT` published and tested them (`tests/data/case/opensalt/`,
//! sources and licences in `tests/data/case/README.md`): each imports, builds a framework,
//! reports exactly what it set aside, and survives a round trip through this crate's
//! export with every `isChildOf` edge between the items it carried.

use std::collections::{BTreeMap, BTreeSet};

use karmayogi::{
    CaseDocument, CaseElement, CaseExportOptions, CaseFieldReason, CaseIds, CaseImport,
    CaseImportOptions, CaseItemMapping, CasePackage, CaseTypeSource, CompetencyType, Framework,
    GroupKind,
};

use crate::support::import;

const WHAT_STANDARDS_COULD_BE: &str =
    include_str!("../data/case/opensalt/what-standards-could-be.json");
const CCSS_MEASUREMENT: &str =
    include_str!("../data/case/opensalt/ccss-math-measurement-and-data.json");
const SEQUENCE_NUMBERS: &str = include_str!("../data/case/opensalt/SequenceNumberFramework.json");
const ITEM_TYPES: &str = include_str!("../data/case/opensalt/ItemTypeTestFramework.json");
const ORDERING: &str = include_str!("../data/case/opensalt/Ordering.json");
const MARKDOWN: &str = include_str!("../data/case/opensalt/MarkdownFramework.json");
const UTF8: &str = include_str!("../data/case/opensalt/Utf8TestFramework.json");
const SMART_LEVEL: &str = include_str!("../data/case/opensalt/SmartLevelFramework.json");
const ADOPTED: &str = include_str!("../data/case/opensalt/AdoptedTestFramework.json");
const EMPTY_EXTERNAL: &str = include_str!("../data/case/opensalt/EmptyExternalFramework.json");

const ALL: [(&str, &str); 10] = [
    ("what-standards-could-be", WHAT_STANDARDS_COULD_BE),
    ("ccss-math-measurement-and-data", CCSS_MEASUREMENT),
    ("SequenceNumberFramework", SEQUENCE_NUMBERS),
    ("ItemTypeTestFramework", ITEM_TYPES),
    ("Ordering", ORDERING),
    ("MarkdownFramework", MARKDOWN),
    ("Utf8TestFramework", UTF8),
    ("SmartLevelFramework", SMART_LEVEL),
    ("AdoptedTestFramework", ADOPTED),
    ("EmptyExternalFramework", EMPTY_EXTERNAL),
];

/// How many dropped fields the report lists per `(element, field, reason)`.
fn field_counts(import: &CaseImport) -> BTreeMap<(CaseElement, String, CaseFieldReason), usize> {
    let mut counts = BTreeMap::new();
    for f in &import.report.dropped_fields {
        *counts
            .entry((f.element, f.field.clone(), f.reason))
            .or_default() += 1;
    }
    counts
}

/// The `isChildOf` edges of a package as `(child, parent)` ids, the document as `DOC`:
/// `id` maps an item to the id the spec gave it.
fn edges(package: &CasePackage, id: &dyn Fn(&str) -> Option<String>) -> BTreeSet<(String, String)> {
    let document = package
        .document
        .as_ref()
        .unwrap()
        .identifier
        .to_ascii_lowercase();
    let end = |identifier: &str| {
        if identifier.to_ascii_lowercase() == document {
            Some("DOC".to_owned())
        } else {
            id(identifier)
        }
    };
    package
        .associations
        .iter()
        .filter(|a| a.association_type == "isChildOf")
        .filter_map(|a| {
            let child = end(&a.origin_node_uri.as_ref()?.identifier)?;
            let parent = end(&a.destination_node_uri.as_ref()?.identifier)?;
            Some((child, parent))
        })
        .collect()
}

/// Imports a real package, builds it, exports it under a new document (the originals'
/// identifiers are not all CASE UUIDs), and imports the export: the spec comes back the
/// same, and every `isChildOf` edge between carried items is written back.
#[track_caller]
pub(crate) fn round_trip(name: &str, json: &str) {
    let original = CasePackage::from_json(json).unwrap();
    let import = import(json);
    let framework = Framework::new(import.spec.clone()).unwrap_or_else(|e| panic!("{name}: {e}"));
    let read = &import.report.document;
    let document = CaseDocument {
        identifier: "5e1d7c3a-2b4f-4a60-9c8d-7e6f5a4b3c2d".to_owned(),
        ..CaseDocument::new("", &read.title, &read.creator, &read.last_change_date_time)
    };
    let exported =
        CasePackage::from_framework(&framework, &document, &CaseExportOptions::default())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
    let options = CaseImportOptions::default().ids(CaseIds::HumanCodingScheme);
    let again = CaseImport::from_json(&exported.to_json(), &options).unwrap();
    assert_eq!(again.spec, import.spec, "{name}");

    let carried: BTreeSet<String> = import
        .spec
        .competencies
        .iter()
        .map(|c| c.id.to_string())
        .chain(import.spec.groups.iter().map(|g| g.id.to_string()))
        .collect();
    let kept: BTreeSet<&str> = import
        .report
        .associations
        .iter()
        .map(|k| k.association.identifier.as_str())
        .collect();
    let mut used = original.clone();
    used.associations
        .retain(|a| !kept.contains(a.identifier.as_str()));
    let as_read = |identifier: &str| {
        let key = identifier.to_ascii_lowercase();
        let id = if carried.contains(&key) {
            key
        } else {
            identifier.to_owned()
        };
        carried.contains(&id).then_some(id)
    };
    let codes: BTreeMap<&str, &str> = exported
        .items
        .iter()
        .map(|i| {
            let id = i.human_coding_scheme.as_deref().unwrap_or(&i.identifier);
            (i.identifier.as_str(), id)
        })
        .collect();
    let as_written = |identifier: &str| codes.get(identifier).map(|&id| id.to_owned());
    let before = edges(&used, &as_read);
    let after = edges(&exported, &as_written);
    // Export places every top-level item under the document; the original may leave some
    // without an isChildOf at all.
    let added: BTreeSet<_> = after.difference(&before).collect();
    assert!(
        added.iter().all(|(_, parent)| parent == "DOC"),
        "{name}: {added:?}"
    );
    assert!(
        before.is_subset(&after),
        "{name}: {:?}",
        before.difference(&after).collect::<Vec<_>>()
    );
}

#[test]
fn every_real_package_imports_builds_and_round_trips() {
    for (name, json) in ALL {
        round_trip(name, json);
    }
}

#[test]
fn opensalt_published_sample_with_string_sequence_numbers() {
    // OpenSALT's published sample export: CCSS ratio standards with crosswalks to another
    // framework, and two sequence numbers written as strings.
    let import = import(WHAT_STANDARDS_COULD_BE);
    let counts = field_counts(&import);
    let wrong = CaseFieldReason::WrongType {
        found: "a string",
        expected: "an integer",
    };
    assert_eq!(
        counts[&(CaseElement::Association, "sequenceNumber".to_owned(), wrong)],
        2
    );
    // Links to items outside the package are kept aside, like every crosswalk.
    let mut kept: BTreeMap<&str, usize> = BTreeMap::new();
    for k in &import.report.associations {
        *kept
            .entry(k.association.association_type.as_str())
            .or_default() += 1;
    }
    assert_eq!(
        kept,
        BTreeMap::from([
            ("exactMatchOf", 16),
            ("exemplar", 2),
            ("isRelatedTo", 2),
            ("precedes", 3)
        ])
    );
    // Clusters and the standards with components are groups; every type came from both
    // fields, and none is mapped by the default options.
    let types: Vec<(&str, CaseTypeSource, CaseItemMapping, usize)> = import
        .report
        .item_types
        .iter()
        .map(|t| {
            (
                t.item_type.as_deref().unwrap(),
                t.source,
                t.mapping,
                t.items.len(),
            )
        })
        .collect();
    let both = CaseTypeSource::Both;
    let free = CaseItemMapping::Group(GroupKind::Free);
    let functional = CaseItemMapping::Competency(CompetencyType::Functional);
    assert_eq!(
        types,
        [
            ("Cluster", both, free, 2),
            ("Component", both, functional, 8),
            ("Standard", both, functional, 4),
            ("Standard", both, free, 2),
        ]
    );
    assert!(import.report.item_types.iter().all(|t| t.by_default));
    // Mapped by the caller, standards are competencies and their components too; the
    // component → standard links are then kept aside, as the spec has no place for them.
    let options = CaseImportOptions::default()
        .item_type("Cluster", CaseItemMapping::Group(GroupKind::Theme))
        .item_type(
            "Standard",
            CaseItemMapping::Competency(CompetencyType::Domain),
        )
        .item_type(
            "Component",
            CaseItemMapping::Competency(CompetencyType::Domain),
        );
    let mapped = CaseImport::from_json(WHAT_STANDARDS_COULD_BE, &options).unwrap();
    assert_eq!(
        (mapped.spec.competencies.len(), mapped.spec.groups.len()),
        (14, 2)
    );
    let child_of_kept = mapped
        .report
        .associations
        .iter()
        .filter(|k| k.association.association_type == "isChildOf")
        .count();
    assert_eq!(child_of_kept, 8);
    Framework::new(mapped.spec).unwrap();
}

#[test]
fn ccss_clusters_with_the_same_name_stay_distinct() {
    // Five clusters in five grades are all called "Represent and interpret data.".
    let import = import(CCSS_MEASUREMENT);
    let framework = Framework::new(import.spec.clone()).unwrap();
    let same: Vec<(&str, Vec<String>)> = framework
        .groups()
        .iter()
        .filter(|g| g.name == "Represent and interpret data.")
        .map(|g| {
            let members = framework.members(g.id.as_str()).unwrap();
            (
                g.id.as_str(),
                members.iter().map(ToString::to_string).collect(),
            )
        })
        .collect();
    assert_eq!(same.len(), 5);
    let sizes: Vec<usize> = same.iter().map(|(_, m)| m.len()).collect();
    assert_eq!(sizes, [2, 2, 1, 1, 1]);
    assert_eq!(same[4].0, "http://purl.org/ASN/resources/S1143436");
    // Identifiers here are URIs, not UUIDs: they are ids as written (1.MD.C.4 here).
    assert_eq!(
        same[4].1,
        ["http://purl.org/ASN/resources/S1143449".to_owned()]
    );
    // The whole domain is one hierarchy: domain → clusters → standards → components.
    let order = framework.groups_top_down();
    assert_eq!(order[0].name, "Measurement and Data");
    assert_eq!(
        framework.child_groups(order[0].id.as_str()).unwrap().len(),
        19
    );
    // Nothing is kept aside; the fields the spec has no place for are listed, among them
    // `educationalLevel`, this publisher's spelling of CASE's `educationLevel`.
    assert!(import.report.associations.is_empty());
    let counts = field_counts(&import);
    let key = (
        CaseElement::Item,
        "educationalLevel".to_owned(),
        CaseFieldReason::NoPlace,
    );
    assert_eq!(counts[&key], 70);
}

/// `OpenSALT`'s test fixtures identify their document and items by UUIDs of version 0
/// (`00000000-0000-0000-0000-000000000001`), which CASE's schema does not allow: the
/// import keeps them as ids and is complete but for the item's missing type; export
/// writes derived UUIDs with the ids as `humanCodingScheme`, and importing that by code
/// gives the same spec back, as the report's completeness promises.
#[test]
fn opensalt_version_0_identifiers_come_back_by_code() {
    let import = import(ADOPTED);
    let ids: Vec<&str> = (import.spec.competencies.iter())
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(ids, ["00000000-0000-0000-0000-000000000001"]);
    let r = &import.report;
    assert!(r.dropped.is_empty() && r.dropped_fields.is_empty() && r.associations.is_empty());
    assert_eq!(
        (r.item_types.len(), r.item_types[0].by_default),
        (1, true),
        "only the type is guessed"
    );
    assert!(!r.is_complete());
    // Given its type, the item imports completely, and the import round-trips as promised.
    let mut package = CasePackage::from_json(ADOPTED).unwrap();
    package.items[0].item_type = Some("Functional Competency".to_owned());
    let typed = CaseImport::from_package(&package, &CaseImportOptions::default()).unwrap();
    assert!(typed.report.is_complete(), "{:?}", typed.report);
    let framework = Framework::new(typed.spec.clone()).unwrap();
    let exported = CasePackage::from_framework(
        &framework,
        &typed.report.document,
        &CaseExportOptions::default(),
    )
    .unwrap();
    let item = &exported.items[0];
    assert_ne!(item.identifier, "00000000-0000-0000-0000-000000000001");
    assert_eq!(
        item.human_coding_scheme.as_deref(),
        Some("00000000-0000-0000-0000-000000000001")
    );
    let by_code = CaseImportOptions::default().ids(CaseIds::HumanCodingScheme);
    let again = CaseImport::from_json(&exported.to_json(), &by_code).unwrap();
    assert_eq!(again.spec, typed.spec);
    assert!(again.report.is_complete(), "{:?}", again.report);
}

#[test]
fn opensalt_empty_external_framework_imports_empty_and_complete() {
    let import = import(EMPTY_EXTERNAL);
    assert!(import.spec.competencies.is_empty() && import.spec.groups.is_empty());
    // `CFDefinitions` of empty lists holds nothing to lose.
    assert!(import.report.is_complete(), "{:?}", import.report);
    assert_eq!(
        import.report.document.title,
        "Test Framework External Empty"
    );
}

#[test]
fn opensalt_item_type_test_reads_the_type_from_either_field() {
    let import = import(ITEM_TYPES);
    assert_eq!(import.report.item_types[0].source, CaseTypeSource::Both);
    // Without CFItemType and the link's title, the link's definition names the type.
    let mut package = CasePackage::from_json(ITEM_TYPES).unwrap();
    package.items[0].item_type = None;
    package.items[0]
        .item_type_uri
        .as_mut()
        .unwrap()
        .title
        .clear();
    let options = CaseImportOptions::default().item_type(
        "Standard",
        CaseItemMapping::Competency(CompetencyType::Domain),
    );
    let linked = CaseImport::from_package(&package, &options).unwrap();
    let used = &linked.report.item_types[0];
    assert_eq!(
        (used.item_type.as_deref(), used.source, used.by_default),
        (Some("Standard"), CaseTypeSource::ItemTypeUri, false)
    );
    assert_eq!(linked.spec.competencies[0].kind, CompetencyType::Domain);
}

#[test]
fn opensalt_sequence_numbers_and_text_are_kept_as_written() {
    let import = import(SEQUENCE_NUMBERS);
    let names: Vec<&str> = import
        .spec
        .competencies
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(
        names,
        ["First Added Item", "Second added item, but should be first"]
    );
    // Integer sequence numbers are well typed: reported only as having no place.
    let counts = field_counts(&import);
    let key = (
        CaseElement::Association,
        "sequenceNumber".to_owned(),
        CaseFieldReason::NoPlace,
    );
    assert_eq!(counts[&key], 2);
    // Markdown with CRLF line ends, and characters outside the basic plane, arrive intact.
    let markdown = self::import(MARKDOWN);
    assert!(
        markdown
            .spec
            .competencies
            .iter()
            .any(|c| c.name.contains("\r\n| Column 1 |"))
    );
    let utf8 = self::import(UTF8);
    assert_eq!(utf8.spec.competencies[0].name, "Item 𝑑 1");
}

#[test]
fn a_nested_real_framework_keeps_its_shape() {
    for (json, groups, competencies) in [(ORDERING, 4, 24), (SMART_LEVEL, 2, 12)] {
        let import = import(json);
        assert_eq!(
            (import.spec.groups.len(), import.spec.competencies.len()),
            (groups, competencies)
        );
        assert!(import.report.associations.is_empty());
        assert!(import.report.dropped.is_empty());
    }
}

const DOK: &str = include_str!("../data/case/smarterbalanced/dok-levels.json");

/// Smarter Balanced's CASE server (`case.smarterbalanced.org`) answers with links to the
/// package and the document on every element (`CFPackageURI`, `CFDocumentURI`), items
/// without any type, `listEnumeration` as a string, `abbreviatedStatement`s, and empty
/// definition lists: the package imports, nothing it holds is lost without a report,
/// and it round-trips.
#[test]
fn smarter_balanced_server_response_imports_and_round_trips() {
    let import = import(DOK);
    let report = &import.report;
    // The links to the package's own document and the empty definitions hold nothing the
    // import keeps apart; `humanCodingScheme` (ids come from `identifier` by default) and
    // `listEnumeration` are set aside and said so.
    let set_aside: Vec<(&str, &str)> = (report.dropped_fields.iter())
        .map(|f| (&f.identifier[..8], f.field.as_str()))
        .collect();
    assert_eq!(
        set_aside,
        [
            ("73815371", "humanCodingScheme"),
            ("73815371", "listEnumeration"),
            ("c938b823", "humanCodingScheme"),
        ]
    );
    assert!(report.dropped.is_empty() && report.associations.is_empty());
    // The document's link to its package is kept with the document, and export writes it.
    assert!(report.document.extra.contains_key("CFPackageURI"));
    assert_eq!(import.spec.competencies.len(), 3);
    round_trip("dok-levels", DOK);

    // With ids from `humanCodingScheme`, only `listEnumeration` is left.
    let options = CaseImportOptions::default().ids(CaseIds::HumanCodingScheme);
    let by_code = CaseImport::from_json(DOK, &options).unwrap();
    let fields: Vec<&str> = (by_code.report.dropped_fields.iter())
        .map(|f| f.field.as_str())
        .collect();
    assert_eq!(fields, ["listEnumeration"]);

    // A link to another document, or definitions that hold something, are set aside and
    // reported.
    let other = DOK
        .replacen(
            r#""identifier": "b7bc9d8c-cb5f-4dc8-96da-13ce635053d1",
        "uri": "https://case.smarterbalanced.org/ims/case/v1p0/CFDocuments/b7bc9d8c-cb5f-4dc8-96da-13ce635053d1"
      },
      "fullStatement": "Reading""#,
            r#""identifier": "00000000-cb5f-4dc8-96da-13ce635053d1",
        "uri": "https://case.smarterbalanced.org/ims/case/v1p0/CFDocuments/00000000-cb5f-4dc8-96da-13ce635053d1"
      },
      "fullStatement": "Reading""#,
            1,
        )
        .replace(
            r#""CFSubjects": []"#,
            r#""CFSubjects": [{"identifier": "s1", "title": "Math"}]"#,
        );
    assert_ne!(other, DOK);
    let import = crate::support::import(&other);
    let fields: Vec<(&str, &str)> = (import.report.dropped_fields.iter())
        .map(|f| (&f.identifier[..8], f.field.as_str()))
        .collect();
    assert!(
        fields.contains(&("b7bc9d8c", "CFDefinitions")),
        "{fields:?}"
    );
    assert!(
        fields.contains(&("a82daaa7", "CFDocumentURI")),
        "{fields:?}"
    );
}

const ITEM_SPEC: &str =
    include_str!("../data/case/smarterbalanced/item-specification-g3-math.json");

/// Smarter Balanced's item specification for Grade 3 mathematics, target H: items typed
/// by the publisher's own vocabulary (`Target`, `Measured Skill`, `Task Model`), a
/// hierarchy under the document, `exactMatchOf` and `isRelatedTo` links to items of other
/// packages (`local:` URIs) and one between two of its own items, `notes`,
/// `listEnumeration`, `educationLevel`, `sequenceNumber`s and filled definitions. Checked
/// by hand against the file: every item is a group (the two with children) or a
/// competency, every `isChildOf` an edge, every other association kept whole, every field
/// the spec has no place for reported, and the round trip complete.
#[test]
fn smarter_balanced_item_specification_keeps_every_item_and_link() {
    let import = import(ITEM_SPEC);
    let spec = &import.spec;
    let short = |id: &str| id[..8].to_owned();
    let groups: Vec<(String, &str)> = (spec.groups.iter())
        .map(|g| (short(g.id.as_str()), g.name.as_str()))
        .collect();
    assert_eq!(
        groups,
        [
            ("26025cf0".to_owned(), "Task Models"),
            ("d65cd80a".to_owned(), "Target H"),
        ]
    );
    let competencies: Vec<(String, Vec<String>)> = (spec.competencies.iter())
        .map(|c| {
            let groups = c.groups.iter().map(|g| short(g.as_str())).collect();
            (short(c.id.as_str()), groups)
        })
        .collect();
    assert_eq!(
        competencies,
        [
            ("2602a264".to_owned(), vec!["26025cf0".to_owned()]),
            ("d65d1838".to_owned(), vec!["d65cd80a".to_owned()]),
            ("d65d33fe".to_owned(), vec!["d65cd80a".to_owned()]),
        ]
    );
    let report = &import.report;
    assert!(report.dropped.is_empty(), "{:?}", report.dropped);
    let kept: Vec<(String, &str)> = (report.associations.iter())
        .map(|k| {
            (
                short(&k.association.identifier),
                k.association.association_type.as_str(),
            )
        })
        .collect();
    let types: BTreeMap<&str, usize> = kept.iter().fold(BTreeMap::new(), |mut m, (_, t)| {
        *m.entry(*t).or_default() += 1;
        m
    });
    assert_eq!(
        types,
        BTreeMap::from([("exactMatchOf", 3), ("isRelatedTo", 3)])
    );
    // Every type is the publisher's own: mapped by default, and said so.
    assert!(report.item_types.iter().all(|t| t.by_default));
    let mut fields: BTreeMap<&str, usize> = BTreeMap::new();
    for f in &report.dropped_fields {
        *fields.entry(f.field.as_str()).or_default() += 1;
    }
    assert_eq!(
        fields,
        BTreeMap::from([
            ("CFDefinitions", 1),
            ("CFItemTypeURI", 5),
            ("educationLevel", 5),
            ("humanCodingScheme", 3),
            ("listEnumeration", 2),
            ("notes", 1),
            // The two groups under the document, numbered 3 and 5 there; export numbers
            // them 1 and 2.
            ("sequenceNumber", 2),
        ])
    );
    Framework::new(import.spec.clone()).unwrap();
    round_trip("item-specification-g3-math", ITEM_SPEC);
}
