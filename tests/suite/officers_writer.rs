//! The officers JSON writer and its reader: a document [`OfficersSpec::try_to_json`]
//! writes always reads back, and one it refuses is one whose [`OfficersSpec::to_json`]
//! text the reader refuses or reads back as another, with errors naming the entry.

use karmayogi::{Error, Evidence, EvidenceSource, OfficerSpec, OfficersSpec};

/// Levels: every level 0 to 5, one above every scale, and a level given by name only.
const LEVELS: [u8; 8] = [0, 1, 2, 3, 4, 5, 7, Evidence::LEVEL_BY_NAME];

/// Names: none, level names, text that holds a number, and text that is no level's.
const NAMES: [Option<&str>; 17] = [
    None,
    Some("Advanced"),
    Some("Works alone"),
    Some("Foundation 2"),
    Some("3 - Advanced"),
    Some("Level 3"),
    Some("3"),
    Some("N/A"),
    Some("3.25"),
    Some("NaN"),
    Some("999"),
    Some("-"),
    Some("4"),
    Some("(Advanced)"),
    Some("Level"),
    Some(""),
    Some(" "),
];

/// A document of one officer holding one entry at `level` with `name`.
fn document(level: u8, name: Option<&str>) -> OfficersSpec {
    let entry = Evidence {
        competency: "rti".into(),
        level,
        level_name: name.map(str::to_owned),
        source: EvidenceSource::Assessment,
        date: "2024-01-05".into(),
        verified: true,
        course: None,
    };
    OfficersSpec {
        officers: vec![OfficerSpec {
            id: "o1".into(),
            name: None,
            department: "dopt".into(),
            position: "us".into(),
            target_position: None,
            passbook: vec![entry],
        }],
        ..OfficersSpec::default()
    }
}

/// For 136 entry shapes: `try_to_json` gives text that reads back, or errors naming the
/// entry on `to_json`'s text, which the reader refuses or reads as another; the level names that are no
/// level's text (`N/A`, `3.25`, `NaN`, `999`) given by name only are refused so.
#[test]
fn the_writer_reports_every_document_its_reader_refuses() {
    let mut refused = Vec::new();
    for level in LEVELS {
        for name in NAMES {
            let doc = document(level, name);
            match doc.try_to_json() {
                Ok(text) => {
                    assert_eq!(text, doc.to_json());
                    let back = OfficersSpec::from_json(&text);
                    assert!(back.is_ok(), "{level} {name:?}: {back:?}");
                }
                Err(errors) => {
                    // Refused by the reader, or read back as another entry.
                    let read = OfficersSpec::from_json(&doc.to_json());
                    assert!(read.is_err() || read.is_ok_and(|back| back != doc));
                    let names_entry = errors.iter().all(|e| {
                        matches!(e, Error::Json { path, message, .. }
                            if path == "officers[0].passbook[0].level"
                                && message.contains("officer `o1` passbook entry 0"))
                    });
                    assert!(names_entry && !errors.is_empty(), "{errors:?}");
                    refused.push((level, name));
                }
            }
        }
    }
    for name in ["N/A", "3.25", "NaN", "999"] {
        assert!(
            refused.contains(&(Evidence::LEVEL_BY_NAME, Some(name))),
            "{name}: {refused:?}"
        );
    }
}
