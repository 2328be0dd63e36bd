//! Tests of reading and writing packages (`package.rs`).

use super::*;
use crate::Error;

#[test]
fn unknown_fields_survive_a_read_and_write() {
    let json = r#"{"CFDocument": {"identifier": "d", "title": "t", "creator": "c",
        "lastChangeDateTime": "2025-01-01T00:00:00Z", "publisher": "p"},
        "CFItems": [{"identifier": "i", "fullStatement": "s", "notes": "n",
                     "educationLevel": ["09"]}],
        "CFAssociations": [], "CFDefinitions": {"CFItemTypes": []}}"#;
    let package = CasePackage::from_json(json).unwrap();
    assert_eq!(package.items[0].extra["notes"], "n");
    assert!(package.extra.contains_key("CFDefinitions"));
    assert_eq!(CasePackage::from_json(&package.to_json()).unwrap(), package);
}

#[test]
fn values_of_another_type_are_kept_aside_not_refused() {
    let json = r#"{"CFItems": [{"identifier": "i", "fullStatement": 5}],
        "CFAssociations": [{"identifier": "a", "sequenceNumber": "1",
                            "originNodeURI": "https://x.org/CFItems/i"}]}"#;
    let package = CasePackage::from_json(json).unwrap();
    assert_eq!(package.items[0].full_statement, "");
    assert_eq!(package.items[0].extra["fullStatement"], 5);
    let a = &package.associations[0];
    assert_eq!(a.sequence_number, None);
    assert_eq!(a.extra["sequenceNumber"], "1");
    assert_eq!(
        a.origin_node_uri.as_ref().unwrap().uri,
        "https://x.org/CFItems/i"
    );
    assert_eq!(CasePackage::from_json(&package.to_json()).unwrap(), package);
}

#[test]
fn malformed_json_repeated_keys_and_non_objects_are_json_errors_with_a_position() {
    for (json, line) in [
        ("not json", 1),
        ("[1, 2]", 1),
        (
            "{\n\"CFItems\": [{\"identifier\": \"a\",\n \"identifier\": \"b\"}]}",
            3,
        ),
    ] {
        let e = CasePackage::from_json(json).unwrap_err();
        assert!(
            matches!(e, Error::Json { line: l, .. } if l == line),
            "{e:?}"
        );
    }
}

#[test]
fn export_options_trim_the_base_uri() {
    let options = CaseExportOptions::default().base_uri("https://x.org/case/");
    assert_eq!(options.base_uri.as_deref(), Some("https://x.org/case"));
    assert_eq!(CaseExportOptions::default().base_uri(" ").base_uri, None);
}
