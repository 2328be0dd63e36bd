//! CASE packages in the shapes real publishers and servers write that the crate's own
//! fixtures do not: an element sent twice by a server (Smarter Balanced's CASE server
//! repeats an `isRelatedTo` association whole in its Mathematics package), a top-level
//! list of packages (what a client collecting several responses saves), a package encoded
//! twice (a JSON string holding its JSON text, as a response body stored as a string is),
//! and element lists written as JSON objects (PHP's `json_encode` of an array with gaps, a
//! Go map keyed by identifier). Each test varies the shape several ways and checks what the import keeps,
//! what it reports and what it refuses.

use karmayogi::{
    CaseDropReason, CaseElement, CaseImport, CaseImportOptions, CasePackage, Error, Framework,
};
use serde_json::{Value, json};

const DOC: &str = "d0000000-0000-4000-8000-000000000001";
const AREA: &str = "a0000000-0000-4000-8000-000000000001";
const C1: &str = "c0000000-0000-4000-8000-000000000001";
const C2: &str = "c0000000-0000-4000-8000-000000000002";

fn link(identifier: &str) -> Value {
    json!({"identifier": identifier, "title": "t",
           "uri": format!("https://case.example.org/uri/{identifier}")})
}

fn child_of(n: u32, child: &str, parent: &str) -> Value {
    json!({"identifier": format!("e0000000-0000-4000-8000-{n:012}"), "associationType": "isChildOf",
           "originNodeURI": link(child), "destinationNodeURI": link(parent)})
}

/// An area with two competencies under it.
fn package() -> Value {
    json!({
        "CFDocument": {"identifier": DOC, "creator": "Board", "title": "Maths",
                       "lastChangeDateTime": "2024-01-01T00:00:00Z"},
        "CFItems": [
            {"identifier": AREA, "fullStatement": "Number sense", "CFItemType": "Area"},
            {"identifier": C1, "fullStatement": "Counts.", "CFItemType": "Functional Competency"},
            {"identifier": C2, "fullStatement": "Compares.", "CFItemType": "Functional Competency"}
        ],
        "CFAssociations": [child_of(1, AREA, DOC), child_of(2, C1, AREA), child_of(3, C2, AREA)]
    })
}

fn import(value: &Value) -> Result<CaseImport, Vec<Error>> {
    CaseImport::from_json(&value.to_string(), &CaseImportOptions::default())
        .map_err(|e| e.as_slice().to_vec())
}

/// The competencies, each with its groups, as ids.
fn shape(import: &CaseImport) -> Vec<(String, Vec<String>)> {
    import
        .spec
        .competencies
        .iter()
        .map(|c| {
            let groups = c.groups.iter().map(|g| g.as_str().to_owned()).collect();
            (c.id.as_str().to_owned(), groups)
        })
        .collect()
}

fn expected_shape() -> Vec<(String, Vec<String>)> {
    vec![
        (C1.to_owned(), vec![AREA.to_owned()]),
        (C2.to_owned(), vec![AREA.to_owned()]),
    ]
}

fn repeats(import: &CaseImport) -> Vec<(CaseElement, &str)> {
    import
        .report
        .dropped
        .iter()
        .filter(|d| d.reason == CaseDropReason::Repeated)
        .map(|d| (d.element, d.identifier.as_str()))
        .collect()
}

#[test]
fn an_element_repeated_whole_is_set_aside_and_reported() {
    let mut p = package();
    let item = p["CFItems"][1].clone();
    let association = p["CFAssociations"][2].clone();
    p["CFItems"].as_array_mut().unwrap().push(item.clone());
    // Repeated twice, far from the first, as a paged answer does.
    for _ in 0..2 {
        p["CFAssociations"]
            .as_array_mut()
            .unwrap()
            .push(association.clone());
    }
    let import = import(&p).unwrap();
    assert_eq!(shape(&import), expected_shape());
    let e3 = "e0000000-0000-4000-8000-000000000003";
    assert_eq!(
        repeats(&import),
        [
            (CaseElement::Item, C1),
            (CaseElement::Association, e3),
            (CaseElement::Association, e3)
        ]
    );
    // Set aside is reported: the import is not complete, and nothing else went.
    assert!(!import.report.is_complete());
    assert_eq!(import.report.dropped.len(), 3);
    assert!(import.report.associations.is_empty());
    Framework::new(import.spec).unwrap();
}

// case/30: a package assembled from two sources, one writing UUIDs in upper case: an item
// and an association come twice, the second time spelled so (links too).

const RESPELLED: &str = include_str!("../data/cases/case/30-repeats-with-uuids-in-upper-case.json");

#[test]
fn a_repeat_spelling_its_uuids_otherwise_is_set_aside_and_reported() {
    let import = CaseImport::from_json(RESPELLED, &CaseImportOptions::default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(shape(&import), expected_shape());
    // Each repeat is reported as written, so the spelling it used is not lost either.
    assert_eq!(
        repeats(&import),
        [
            (CaseElement::Item, C1.to_uppercase().as_str()),
            (
                CaseElement::Association,
                "E0000000-0000-4000-8000-000000000002"
            ),
            (
                CaseElement::Association,
                "urn:uuid:e0000000-0000-4000-8000-000000000003"
            ),
        ]
    );
    assert_eq!(import.report.dropped.len(), 3);
    assert!(
        import.report.dropped_fields.is_empty(),
        "{:?}",
        import.report
    );
    assert!(!import.report.is_complete());
    Framework::new(import.spec).unwrap();
}

#[test]
fn elements_sharing_an_identifier_but_differing_are_still_duplicates() {
    // Differing in their statement, alone or beside the UUID's case.
    let variants: [fn(&mut Value); 2] = [
        |v| v["fullStatement"] = json!("Counts to 100."),
        |v| {
            v["identifier"] = json!(C1.to_uppercase());
            v["fullStatement"] = json!("Counts to 100.");
        },
    ];
    for change in variants {
        let mut p = package();
        let earlier = p["CFItems"][1]["identifier"].as_str().unwrap().to_owned();
        let mut item = p["CFItems"][1].clone();
        change(&mut item);
        let shown = item["identifier"].as_str().unwrap().to_owned();
        p["CFItems"].as_array_mut().unwrap().push(item);
        let path = format!("CFItems[{}]", p["CFItems"].as_array().unwrap().len() - 1);
        let errors = import(&p).unwrap_err();
        assert_eq!(
            errors,
            [Error::CaseDuplicateIdentifier {
                identifier: shown,
                path,
                earlier,
                earlier_path: "CFItems[1]".to_owned(),
            }],
            "{p}"
        );
    }
    // Associations too.
    let mut p = package();
    let mut association = p["CFAssociations"][1].clone();
    association["associationType"] = json!("isPartOf");
    p["CFAssociations"]
        .as_array_mut()
        .unwrap()
        .push(association);
    let errors = import(&p).unwrap_err();
    assert!(matches!(
        &errors[..],
        [Error::CaseDuplicateIdentifier { identifier, path, earlier, earlier_path }]
            if identifier.ends_with("000000000002") && identifier == earlier
                && *path == format!("CFAssociations[{}]", p["CFAssociations"].as_array().unwrap().len() - 1)
                && earlier_path == "CFAssociations[1]"
    ));
}

/// A `CFDocument` beside the envelope (the document fetched from `CFDocuments/{id}` and
/// the package from `CFPackages/{id}`, saved in one object) never leaves the envelope,
/// and the whole framework in it, aside as an unknown field of an empty import.
#[test]
fn a_document_beside_a_wrapper_joins_what_the_wrapper_holds() {
    let whole = package();
    let document = whole["CFDocument"].clone();
    let lists = json!({"CFItems": whole["CFItems"], "CFAssociations": whole["CFAssociations"]});
    for wrapped in [
        json!({"CFDocument": document, "CFPackage": lists}),
        json!({"CFPackage": lists, "CFDocument": document}),
        json!({"CFDocument": document, "CFPackages": [lists]}),
    ] {
        let import = import(&wrapped).unwrap_or_else(|e| panic!("{wrapped}: {e:?}"));
        assert_eq!(shape(&import), expected_shape(), "{wrapped}");
        assert!(
            import.report.is_complete(),
            "{wrapped}: {:?}",
            import.report
        );
    }
    // The document both beside and inside: which one is meant is unknowable.
    for (wrapped, key) in [
        (
            json!({"CFDocument": document, "CFPackage": package()}),
            "CFPackage",
        ),
        (json!({"CFDocument": document, "data": package()}), "data"),
        // Unwrapped one envelope at a time, the document meets its twin at the inner one.
        (
            json!({"CFDocument": document, "data": {"CFPackage": package()}}),
            "CFPackage",
        ),
    ] {
        let says = format!(
            "the key `CFDocument` is both inside and beside the {key} wrapper: expected each once"
        );
        let errors = import(&wrapped).unwrap_err();
        assert!(
            matches!(&errors[..], [Error::Json { message, .. }] if *message == says),
            "{wrapped}: {errors:?}"
        );
    }
}

/// The answers of the CASE API's endpoints for one element, saved in place of a package
/// (`GET …/CFItems/{id}` answers `{"CFItem": {…}}`, `…/CFItemAssociations/{id}` the item
/// and its `CFAssociations`): refused naming the key and the endpoint, never with
/// "no `CFDocument`" alone, which does not say what was given.
#[test]
fn the_answer_for_one_element_is_refused_by_its_key() {
    let whole = package();
    let item = json!({"identifier": C1, "fullStatement": "Counts.",
                      "CFDocumentURI": link(DOC)});
    for (value, key, endpoint, list) in [
        (json!({"CFItem": item}), "CFItem", "CFItems", "CFItems"),
        (
            json!({"CFItem": item, "CFAssociations": whole["CFAssociations"]}),
            "CFItem",
            "CFItems",
            "CFItems",
        ),
        (
            json!({"CFPackage": {"CFAssociation": whole["CFAssociations"][0]}}),
            "CFAssociation",
            "CFAssociations",
            "CFAssociations",
        ),
    ] {
        let says = format!(
            "the key `{key}` holds one element, as the CASE API's {endpoint} endpoint \
             answers: expected one CASE CFPackage object, a framework with its `{list}`"
        );
        let errors = import(&value).unwrap_err();
        assert!(
            matches!(&errors[..], [Error::Json { message, .. }] if *message == says),
            "{value}: {errors:?}"
        );
    }
}

#[test]
fn a_list_of_one_package_is_the_package_and_of_several_is_refused_by_count() {
    for wrapped in [
        json!([package()]),
        json!([{"CFPackage": package()}]),
        json!({"CFPackages": [package()]}),
        json!({"data": [package()]}),
    ] {
        let import = import(&wrapped).unwrap_or_else(|e| panic!("{wrapped}: {e:?}"));
        assert_eq!(shape(&import), expected_shape(), "{wrapped}");
        assert!(import.report.is_complete(), "{wrapped}");
    }
    for (value, says) in [
        (
            json!([package(), package()]),
            "the document root is a list of 2 packages: expected one CASE CFPackage object",
        ),
        (
            json!([]),
            "the document root is a list of 0 packages: expected one CASE CFPackage object",
        ),
        (
            json!(["CFPackage"]),
            "the document root is a list holding a string: expected a CASE CFPackage object",
        ),
        // The answer of the API's `CFDocuments` endpoint, saved in place of a package:
        // frameworks without their items, which an import would find empty.
        (
            json!({"CFDocuments": [package()["CFDocument"], package()["CFDocument"]]}),
            "the key `CFDocuments` holds a list of 2 documents, as the CASE API lists \
             frameworks: expected one CASE CFPackage object, a framework with its items",
        ),
        (
            json!({"CFPackage": {"CFDocuments": [package()["CFDocument"]]}}),
            "the key `CFDocuments` holds a list of 1 document, as the CASE API lists \
             frameworks: expected one CASE CFPackage object, a framework with its items",
        ),
    ] {
        let errors = import(&value).unwrap_err();
        assert!(
            matches!(&errors[..], [Error::Json { message, .. }] if message == says),
            "{value}: {errors:?}"
        );
    }
    // The package reader itself agrees.
    let text = json!([package()]).to_string();
    assert_eq!(
        CasePackage::from_json(&text).unwrap(),
        CasePackage::from_json(&package().to_string()).unwrap()
    );
}

// case/29: the package of case/01 as a JSON string holding its JSON text.

const ENCODED_TWICE: &str = include_str!("../data/cases/case/29-package-encoded-twice.json");
const SAME_NAME_AREAS: &str = include_str!("../data/cases/case/01-same-name-areas-merged.json");

#[test]
fn a_package_encoded_twice_is_the_package_its_text_holds() {
    let options = CaseImportOptions::default();
    let twice = CaseImport::from_json(ENCODED_TWICE, &options).unwrap();
    let once = CaseImport::from_json(SAME_NAME_AREAS, &options).unwrap();
    assert_eq!(twice, once);
    assert!(twice.report.is_complete(), "{:?}", twice.report);
    let value = json!(package().to_string());
    let read = import(&value).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(shape(&read), expected_shape());
    // A problem in the text is named where it is in the text, and said to be there.
    let text = package().to_string().replacen(
        r#""creator":"Board""#,
        r#""creator":"Board","creator":"B""#,
        1,
    );
    let errors = import(&json!(text)).unwrap_err();
    assert!(
        matches!(&errors[..], [Error::Json { message, .. }] if message.starts_with(
            "the document is a JSON string holding a package's JSON text (encoded twice), and \
             that text does not read: invalid json at line 1, column "
        ) && message.ends_with("(`CFDocument.creator`): duplicate field `creator`")),
        "{errors:?}"
    );
    // A string holding anything else is no package.
    let errors = import(&json!("CFPackage")).unwrap_err();
    assert!(
        matches!(&errors[..], [Error::Json { message, .. }]
            if message == r#"invalid type: string "CFPackage", expected a CASE CFPackage object"#),
        "{errors:?}"
    );
}

#[test]
fn element_lists_written_as_objects_are_read_when_their_keys_lose_nothing() {
    let keyed = |p: &mut Value, list: &str, key: &dyn Fn(usize, &Value) -> String| {
        let elements = p[list].as_array().unwrap().clone();
        let object: serde_json::Map<String, Value> = elements
            .iter()
            .enumerate()
            .map(|(i, e)| (key(i, e), e.clone()))
            .collect();
        p[list] = Value::Object(object);
    };
    let by_identifier = |_: usize, e: &Value| e["identifier"].as_str().unwrap().to_owned();
    // PHP keeps the positions of an array filtered with gaps; 10 sorts before 2 as text.
    let by_position = |i: usize, _: &Value| [0, 2, 10][i].to_string();
    for list in ["CFItems", "CFAssociations"] {
        for key in [
            &by_identifier as &dyn Fn(usize, &Value) -> String,
            &by_position,
        ] {
            let mut p = package();
            keyed(&mut p, list, key);
            let import = import(&p).unwrap_or_else(|e| panic!("{p}: {e:?}"));
            assert_eq!(shape(&import), expected_shape(), "{p}");
            assert!(import.report.is_complete(), "{p}");
        }
    }
    // Keys that say something the elements do not would be lost: refused, by field.
    let mut p = package();
    keyed(&mut p, "CFItems", &|i, _| format!("subject-{i}"));
    let errors = import(&p).unwrap_err();
    assert_eq!(
        errors,
        [Error::CaseFieldType {
            path: "CFPackage.CFItems".to_owned(),
            found: "an object",
            expected: "an array of objects"
        }]
    );
    // One element where CASE has a list is still a list of one.
    let mut p = package();
    p["CFItems"] = p["CFItems"][1].clone();
    p["CFAssociations"] = json!([]);
    let import = import(&p).unwrap();
    assert_eq!(import.spec.competencies.len(), 1);
    // An empty object is an empty list, as PHP's `JSON_FORCE_OBJECT` and an empty Go map
    // write one: before, it was one element without a field (an item without identifier,
    // a rubric without criteria set aside).
    let mut p = package();
    p["CFRubrics"] = json!({});
    p["CFAssociations"] = json!({});
    let imported = self::import(&p).unwrap_or_else(|e| panic!("{p}: {e:?}"));
    assert!(imported.report.is_complete(), "{:?}", imported.report);
    assert_eq!(imported.spec.competencies.len(), 2);
    let mut p = package();
    p["CFItems"] = json!({});
    p["CFAssociations"] = json!({"0": child_of(1, AREA, DOC)});
    let imported = self::import(&p).unwrap_or_else(|e| panic!("{p}: {e:?}"));
    assert!(imported.spec.competencies.is_empty());
    assert_eq!(
        imported.report.associations.len(),
        1,
        "its ends are not in the package"
    );
}

/// A Go `map[string]Item` or a PHP array keyed by database ids puts the ids in the keys:
/// when the elements do not hold them, keys of digits are no list positions (before, the
/// items were read without them and reported as `CFItems[0]`, a place the package does
/// not have), nor is a key with a leading zero (`"01"`). Keys that are the elements'
/// own numeric identifiers are read.
#[test]
fn numeric_keys_that_may_hold_the_ids_are_not_read_as_positions() {
    let objects = |keys: &[&str], identifiers: bool| {
        let mut p = package();
        let items = p["CFItems"].as_array().unwrap().clone();
        let object: serde_json::Map<String, Value> = (keys.iter().zip(items))
            .map(|(k, mut item)| {
                if !identifiers {
                    item.as_object_mut().unwrap().remove("identifier");
                }
                ((*k).to_owned(), item)
            })
            .collect();
        p["CFItems"] = Value::Object(object);
        p
    };
    let by_field = [Error::CaseFieldType {
        path: "CFPackage.CFItems".to_owned(),
        found: "an object",
        expected: "an array of objects",
    }];
    for keys in [
        &["1", "10", "2"][..],
        &["17", "42", "5"],
        &["01", "02", "03"],
    ] {
        assert_eq!(
            import(&objects(keys, false)).unwrap_err(),
            by_field,
            "{keys:?}"
        );
    }
    // With their identifiers, the elements lose nothing to keys that are positions ...
    for keys in [&["0", "1", "2"][..], &["1", "10", "2"], &["17", "42", "5"]] {
        let import = import(&objects(keys, true)).unwrap_or_else(|e| panic!("{keys:?}: {e:?}"));
        assert_eq!(shape(&import), expected_shape(), "{keys:?}");
    }
    // ... but `"01"` is a text key, neither a position nor the element's identifier.
    assert_eq!(
        import(&objects(&["01", "1", "2"], true)).unwrap_err(),
        by_field
    );
    // Keys `0` to `n − 1` are a list written as an object, whatever the elements hold:
    // the items without identifiers are named by their positions.
    let errors = import(&objects(&["0", "1", "2"], false)).unwrap_err();
    let paths: Vec<String> = (errors.iter())
        .map(|e| match e {
            Error::CaseMissingIdentifier { path, .. } => path.clone(),
            other => panic!("{other}"),
        })
        .collect();
    assert_eq!(paths, ["CFItems[0]", "CFItems[1]", "CFItems[2]"]);
    // Numeric identifiers that are the keys: read, each under its own area.
    let mut p = package();
    let renamed = |id: &str| match id {
        AREA => "1",
        C1 => "10",
        C2 => "2",
        other => panic!("{other}"),
    };
    let items = p["CFItems"].as_array().unwrap().clone();
    let mut object = serde_json::Map::new();
    for mut item in items {
        let id = renamed(item["identifier"].as_str().unwrap());
        item["identifier"] = json!(id);
        object.insert(id.to_owned(), item);
    }
    p["CFItems"] = Value::Object(object);
    p["CFAssociations"] = json!([
        child_of(1, "1", DOC),
        child_of(2, "10", "1"),
        child_of(3, "2", "1")
    ]);
    let import = import(&p).unwrap_or_else(|e| panic!("{e:?}"));
    let area = vec!["1".to_owned()];
    assert_eq!(
        shape(&import),
        [("10".to_owned(), area.clone()), ("2".to_owned(), area)]
    );
}

#[test]
fn lists_nested_in_the_document_are_the_packages() {
    // Kept in the document, they imported as an empty dictionary reported complete.
    for moved in [
        &["CFItems", "CFAssociations"][..],
        &["CFItems"],
        &["CFAssociations"],
    ] {
        let mut p = package();
        for &key in moved {
            let list = p.as_object_mut().unwrap().remove(key).unwrap();
            p["CFDocument"][key] = list;
        }
        let import = import(&p).unwrap_or_else(|e| panic!("{moved:?}: {e:?}"));
        assert_eq!(shape(&import), expected_shape(), "{moved:?}");
        assert!(import.report.is_complete(), "{moved:?}");
        assert!(import.report.document.extra.is_empty(), "{moved:?}");
    }
    // In both places: which is meant is unknowable.
    let mut p = package();
    p["CFDocument"]["CFItems"] = p["CFItems"].clone();
    let errors = import(&p).unwrap_err();
    assert!(
        matches!(&errors[..], [Error::Json { message, .. }]
            if message == "the key `CFItems` is both inside the CFDocument and beside it: expected it once"),
        "{errors:?}"
    );
}

#[test]
fn an_abbreviated_statement_that_shows_nothing_gives_way_to_the_full_statement() {
    for invisible in ["\u{200b}", " \u{feff} ", "\u{2060}\u{200b}"] {
        let mut value = package();
        value["CFItems"][1]["abbreviatedStatement"] = json!(invisible);
        let import = import(&value).unwrap();
        let names: Vec<&str> = (import.spec.competencies.iter())
            .map(|c| c.name.as_str())
            .collect();
        assert!(names.contains(&"Counts."), "{invisible:?}: {names:?}");
        assert!(Framework::new(import.spec).is_ok(), "{invisible:?}");
    }
}

#[test]
fn a_name_of_invisible_characters_only_is_an_empty_name() {
    let text = include_str!("../../examples/data/head_post_office.json");
    for invisible in ["\u{200b}", "\u{2060}\u{feff}", " \u{200d} "] {
        let mut spec = karmayogi::FrameworkSpec::from_json(text).unwrap();
        let id = spec.competencies[0].id.clone();
        spec.competencies[0].name = invisible.to_owned();
        let errors = Framework::new(spec).unwrap_err();
        assert!(
            (errors.iter())
                .any(|e| matches!(e, Error::EmptyName { id: i, .. } if i.as_str() == id.as_str())),
            "{invisible:?}: {errors}"
        );
    }
}

/// How a server's JSON writer changes the case of a key.
type Rename = fn(&str) -> String;

/// Package keys in the cases servers' JSON writers give them: camel-cased (`cfDocument`),
/// lowercased, upper-cased; each read under CASE's name, listed in the report, and the
/// import the same as under CASE's names.
#[test]
fn package_keys_in_another_case_are_read_and_reported() {
    let expected = import(&package()).unwrap();
    let renamings: [(&str, Rename); 3] = [
        ("camel", |k| format!("cf{}", &k[2..])),
        ("lower", str::to_ascii_lowercase),
        ("upper", str::to_ascii_uppercase),
    ];
    for (how, rename) in renamings {
        let original = package();
        let mut p = serde_json::Map::new();
        for (key, value) in original.as_object().unwrap() {
            p.insert(rename(key), value.clone());
        }
        let import = import(&Value::Object(p)).unwrap_or_else(|e| panic!("{how}: {e:?}"));
        assert_eq!(import.spec, expected.spec, "{how}");
        let renamed: Vec<(String, &str)> = import
            .report
            .renamed
            .iter()
            .map(|r| (r.found.clone(), r.read_as))
            .collect();
        let mut want: Vec<(String, &str)> = ["CFAssociations", "CFDocument", "CFItems"]
            .iter()
            .map(|k| (rename(k), *k))
            .collect();
        want.sort();
        let mut got = renamed;
        got.sort();
        assert_eq!(got, want, "{how}");
        // Nothing was lost: the import is as complete as under CASE's names.
        assert_eq!(
            import.report.is_complete(),
            expected.report.is_complete(),
            "{how}"
        );
    }
    // Inside a camel-cased envelope too.
    let wrapped = json!({"cfPackage": {"cfDocument": package()["CFDocument"],
        "cfItems": package()["CFItems"], "cfAssociations": package()["CFAssociations"]}});
    let import = import(&wrapped).unwrap();
    assert_eq!(shape(&import), shape(&expected));
    let found: Vec<&str> = import
        .report
        .renamed
        .iter()
        .map(|r| r.found.as_str())
        .collect();
    assert_eq!(
        found,
        ["cfPackage", "cfAssociations", "cfDocument", "cfItems"],
        "{found:?}"
    );
}

/// Both CASE's name and another case of it: which is meant is unknowable, so the other is
/// a misnamed field, and nothing is merged.
#[test]
fn a_package_key_beside_its_other_case_is_refused() {
    let mut p = package();
    p["cfItems"] = json!([{"identifier": "x", "fullStatement": "Other"}]);
    let errors = import(&p).unwrap_err();
    assert_eq!(
        errors,
        [Error::CaseFieldName {
            path: "CFPackage".to_owned(),
            found: "cfItems".to_owned(),
            expected: "CFItems",
        }]
    );
}

/// A rubric as `OpenSALT`'s first CASE serializer (`CftfBundle`'s `CfRubric`,
/// `CfRubricCriterion` and `CfRubricCriterionLevel`) wrote it: the levels of every
/// criterion listed beside the criteria, each naming its criterion by `rubricCriterionId`,
/// and each criterion naming its item by an `itemUri` string. `levels` are (identifier,
/// criterion, score, quality), best first as a display lists them.
fn beside_rubric(levels: &[(&str, &str, u32, &str)]) -> Value {
    let mut p = package();
    let item_uri = format!("https://case.example.org/ims/case/v1p0/CFItems/{C1}");
    let levels: Vec<Value> = levels
        .iter()
        .enumerate()
        .map(|(at, (id, criterion, score, quality))| {
            json!({"identifier": id, "quality": quality, "score": score, "position": at + 1,
                   "rubricCriterionId": criterion, "description": format!("{quality}.")})
        })
        .collect();
    p["CFRubrics"] = json!([{
        "identifier": "b1000000-0000-4000-8000-000000000001",
        "CFRubricCriteria": [{"identifier": "b2000000-0000-4000-8000-000000000001",
                              "itemUri": item_uri, "position": 1,
                              "rubricId": "b1000000-0000-4000-8000-000000000001"}],
        "CFRubricCriterionLevels": levels
    }]);
    p
}

/// The level names of `id`'s competency, level by level.
fn level_names(import: &CaseImport, id: &str) -> Vec<(u8, String)> {
    let c = import
        .spec
        .competencies
        .iter()
        .find(|c| c.id.as_str() == id);
    c.expect("the competency")
        .levels
        .iter()
        .map(|l| (l.level, l.name.clone().unwrap_or_default()))
        .collect()
}

#[test]
fn rubric_levels_listed_beside_their_criteria_are_read_by_criterion_id() {
    const K: &str = "b2000000-0000-4000-8000-000000000001";
    let levels = [
        ("b3000000-0000-4000-8000-000000000003", K, 3, "Exemplary"),
        ("b3000000-0000-4000-8000-000000000001", K, 1, "Beginning"),
        ("b3000000-0000-4000-8000-000000000002", K, 2, "Developing"),
    ];
    let imported = import(&beside_rubric(&levels)).expect("imports");
    let expected = [(1, "Beginning"), (2, "Developing"), (3, "Exemplary")]
        .map(|(level, name)| (level, name.to_owned()));
    assert_eq!(level_names(&imported, C1), expected);
    assert_eq!(level_names(&imported, C2), []);
    assert!(imported.report.dropped.is_empty(), "{:?}", imported.report);
    assert!(
        imported.report.dropped_fields.is_empty(),
        "{:?}",
        imported.report
    );
    assert!(imported.report.is_complete());
    // The criterion id in any case, or as a URN, names the same criterion.
    let mut urn = levels;
    urn[1].1 = "urn:uuid:B2000000-0000-4000-8000-000000000001";
    assert_eq!(
        level_names(&import(&beside_rubric(&urn)).unwrap(), C1),
        expected
    );
    // A level naming no criterion of its rubric stays aside, verbatim, and is reported;
    // the other levels import.
    let mut stray = levels;
    stray[0].1 = "b2000000-0000-4000-8000-000000000009";
    let imported = import(&beside_rubric(&stray)).expect("imports");
    assert_eq!(
        level_names(&imported, C1),
        [(1, "Beginning".to_owned()), (2, "Developing".to_owned())]
    );
    let aside: Vec<(CaseElement, &str, &str)> = imported
        .report
        .dropped_fields
        .iter()
        .map(|f| (f.element, f.identifier.as_str(), f.field.as_str()))
        .collect();
    assert_eq!(
        aside,
        [(
            CaseElement::Rubric,
            "b1000000-0000-4000-8000-000000000001",
            "CFRubricCriterionLevels"
        )]
    );
    // The crate's own export nests the levels, and imports again to the same spec.
    let imported = import(&beside_rubric(&levels)).unwrap();
    let framework = Framework::new(imported.spec.clone()).expect("builds");
    let exported = CasePackage::from_framework(
        &framework,
        &imported.report.document,
        &karmayogi::CaseExportOptions::default(),
    )
    .expect("exports");
    let again = import(&serde_json::from_str(&exported.to_json()).unwrap()).unwrap();
    assert_eq!(again.spec, imported.spec);
}

#[test]
fn links_given_as_the_uris_servers_serve_resolve_by_the_uuid_they_end_in() {
    for form in [
        "https://case.example.org/ims/case/v1p0/CFItems/{}",
        "https://case.example.org/ims/case/v1p0/CFItems/{}.json",
        "https://case.example.org/uri/{}/",
        "https://case.example.org/CFItems/{}?format=json",
        "urn:uuid:{}",
    ] {
        let uri = |id: &str| Value::String(form.replace("{}", id));
        let mut p = package();
        for (n, (child, parent)) in [(AREA, DOC), (C1, AREA), (C2, AREA)].iter().enumerate() {
            p["CFAssociations"][n]["originNodeURI"] = uri(child);
            p["CFAssociations"][n]["destinationNodeURI"] = uri(parent);
        }
        let import = import(&p).unwrap_or_else(|e| panic!("{form}: {e:?}"));
        assert_eq!(shape(&import), expected_shape(), "{form}");
        assert!(
            import.report.dropped.is_empty(),
            "{form}: {:?}",
            import.report.dropped
        );
    }
}
