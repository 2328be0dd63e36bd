//! Profile shapes the platform writes besides the user read response (igot/39): a search
//! of the FRAC-era profile registry (`result.UserProfile[0]`) and a user record whose
//! `profiledetails` is JSON text, as the platform stores it; both read and noted, and
//! what cannot be one officer's profile refused saying what was found.

use crate::support::{igot_entries, json_part};
use karmayogi::{Error, EvidenceSource, IgotWhat, load_igot_profile};

const SHAPES: &str =
    include_str!("../data/cases/igot/39-profile-registry-record-and-details-as-text.json");

/// igot/39: the profile registry's search response (`result.UserProfile[0]`, whose record
/// holds `competencies` itself) and a user row whose `profiledetails` is JSON text were
/// refused as of no shape. Both are read now, and noted.
#[test]
fn the_registry_record_and_details_as_text_are_read_and_noted() {
    let load = load_igot_profile(&json_part(SHAPES, "registry")).expect("reads");
    let read = crate::support::evidence_read(&load.value);
    assert_eq!(read, [("CID9", EvidenceSource::SelfDeclared, 3)]);
    assert_eq!(load.report.set_aside, []);
    assert_eq!(
        igot_entries(&load.report.notes),
        [(
            "$.result.UserProfile[0]",
            "",
            &IgotWhat::ProfileFromRegistry
        )]
    );
    let ignored: Vec<&str> = (load.report.ignored_fields.iter())
        .map(|f| f.field.as_str())
        .collect();
    assert_eq!(
        ignored,
        [
            "$.result.UserProfile[0].osid",
            "$.result.UserProfile[0].personalDetails",
            "$.result.UserProfile[0].userId",
            "competency.name",
        ]
    );

    let load = load_igot_profile(&json_part(SHAPES, "row")).expect("reads");
    let read = crate::support::evidence_read(&load.value);
    assert_eq!(
        read,
        [
            ("CID9", EvidenceSource::SelfDeclared, 3),
            ("CID9", EvidenceSource::Assessment, 2),
        ]
    );
    let text = IgotWhat::ObjectFromText {
        field: "profiledetails",
    };
    assert_eq!(
        igot_entries(&load.report.notes),
        [("$.profiledetails", "", &text)]
    );
    assert_eq!(
        text.to_string(),
        "`profiledetails` is JSON text: read as the object it holds"
    );
}

/// igot/39: what cannot be one officer's profile is refused, saying what was found and
/// what is expected: a registry search of no record or of several, and `profiledetails`
/// text that is not JSON or holds another value than an object.
#[test]
fn registry_searches_and_details_text_of_other_shapes_are_refused() {
    let registry: serde_json::Value = serde_json::from_str(&json_part(SHAPES, "registry")).unwrap();
    let record = registry["result"]["UserProfile"][0].clone();
    let row: serde_json::Value = serde_json::from_str(&json_part(SHAPES, "row")).unwrap();
    let with = |mut doc: serde_json::Value, pointer: &str, value: serde_json::Value| {
        *doc.pointer_mut(pointer).expect("there") = value;
        doc.to_string()
    };
    let expected_one = "the profile registry's record of one user: an array holding one object";
    let expected_text = "a user's `profileDetails` object, or JSON text of one";
    for (doc, path, found, expected) in [
        (
            with(
                registry.clone(),
                "/result/UserProfile",
                serde_json::json!([]),
            ),
            "$.result.UserProfile",
            "an empty array (no user's record)",
            expected_one,
        ),
        (
            with(
                registry.clone(),
                "/result/UserProfile",
                serde_json::json!([record.clone(), record]),
            ),
            "$.result.UserProfile",
            "an array of several users' records",
            expected_one,
        ),
        (
            with(
                row.clone(),
                "/profiledetails",
                "{\"competencies\": [".into(),
            ),
            "$.profiledetails",
            "a string that is not JSON",
            expected_text,
        ),
        (
            with(row, "/profiledetails", "[1]".into()),
            "$.profiledetails",
            "JSON text of an array",
            expected_text,
        ),
    ] {
        let errors = load_igot_profile(&doc).expect_err("refused").into_vec();
        assert_eq!(errors.len(), 1, "{errors:?}");
        let Error::IgotShape {
            path: p,
            found: f,
            expected: e,
            ..
        } = &errors[0]
        else {
            panic!("{:?}", errors[0]);
        };
        assert_eq!((p.as_str(), *f, *e), (path, found, expected));
    }
}
