//! JSON documents as publishers and HR systems write them: levels described by name only,
//! passbook flags and sources spelled as the CSV exports spell them, and required fields
//! left `null` or of the wrong type, whose errors say where they are as data.

use karmayogi::{
    Cohort, Error, EvidenceSource, Framework, FrameworkSpec, LevelPolicy, OfficersCsv,
    OfficersCsvOptions, OfficersSpec, load_officers,
};
use serde_json::json;

/// An SFIA-shaped competency: seven responsibility levels named, none described (the
/// crate's scale is 1 to 5, so the first five).
#[test]
fn levels_described_by_name_only_read_as_the_empty_text() {
    let doc = json!({
        "format_version": 2,
        "competencies": [
            {"id": "PROG", "name": "Programming/software development", "type": "functional",
             "levels": [{"level": 1, "name": "Follow"}, {"level": 2, "name": "Assist"},
                        {"level": 3, "name": "Apply", "description": null},
                        {"level": 4, "name": "Enable"}, {"level": 5, "name": "Ensure, advise"}]}
        ]
    });
    let spec = FrameworkSpec::from_json(&doc.to_string()).expect("levels by name only read");
    let levels = &spec.competencies[0].levels;
    assert_eq!(
        levels.iter().map(|d| d.name.as_deref()).collect::<Vec<_>>(),
        [
            Some("Follow"),
            Some("Assist"),
            Some("Apply"),
            Some("Enable"),
            Some("Ensure, advise")
        ]
    );
    assert!(levels.iter().all(|d| d.description.is_empty()));
    Framework::new(spec.clone()).expect("a valid framework");
    // Written back with the empty text, and read back the same.
    assert_eq!(FrameworkSpec::from_json(&spec.to_json()).unwrap(), spec);
}

/// A document whose levels are described is read and written exactly as before.
#[test]
fn described_levels_keep_their_text_and_output() {
    let text = include_str!("../../examples/data/head_post_office.json");
    let spec = FrameworkSpec::from_json(text).unwrap();
    assert!(
        spec.competencies
            .iter()
            .flat_map(|c| &c.levels)
            .any(|d| !d.description.is_empty())
    );
    let written = spec.to_json();
    assert_eq!(
        FrameworkSpec::from_json(&written).unwrap().to_json(),
        written
    );
    let value: serde_json::Value = serde_json::from_str(&written).unwrap();
    for c in value["competencies"].as_array().unwrap() {
        for d in c["levels"].as_array().into_iter().flatten() {
            assert!(d["description"].is_string(), "{d}");
        }
    }
}

/// The real example framework, for officers to hold its posts.
fn head_post_office() -> Framework {
    Framework::from_json(include_str!("../../examples/data/head_post_office.json")).unwrap()
}

/// Sources and verified flags as HR exports write them: each is read from an officers
/// document exactly as the CSV reader reads the same text in `evidence.csv` (the oracle),
/// the same entry when both accept it, an error from both when neither does.
#[test]
fn passbook_spellings_read_from_json_as_from_csv() {
    let fw = head_post_office();
    let sources = [
        "assessment",
        "Self Declared",
        "self-declared",
        "ASSESSMENT",
        "self_DECLARED",
        "Feedback 360",
        "360-Degree Feedback",
        " assessment ",
        "N/A",
        "assesment",
        "",
    ];
    let flags = [
        "", "true", "True", "FALSE", "yes", "No", "y", "n", "1", "0", "N/A", "NULL", "-", "maybe",
        "2",
    ];
    let officers = "id,name,department,position,target\n\
                    meena-iyer,Meena Iyer,department-of-posts,postmaster-hpo,\n";
    let policy = LevelPolicy::default();
    for source in sources {
        for flag in flags {
            let evidence = format!(
                "officer,competency,level,source,date,verified,course\n\
                 meena-iyer,integrity,4,\"{source}\",2025-03-31,{flag},\n"
            );
            let csv = load_officers(
                &fw,
                &OfficersCsv::new(officers).evidence(&evidence),
                &OfficersCsvOptions::default(),
            );
            let doc = json!({"format_version": 2, "officers": [{
                "id": "meena-iyer", "name": "Meena Iyer", "department": "department-of-posts",
                "position": "postmaster-hpo",
                "passbook": [{"competency": "integrity", "level": 4, "source": source,
                              "date": "2025-03-31", "verified": flag}]}]})
            .to_string();
            let json = OfficersSpec::from_json(&doc);
            match (&csv, &json) {
                (Ok(csv), Ok(json)) => {
                    let (c, j) = (&csv.officers[0].passbook[0], &json.officers[0].passbook[0]);
                    assert_eq!(
                        (c.source, c.verified),
                        (j.source, j.verified),
                        "{source:?} {flag:?}"
                    );
                }
                (Err(_), Err(e)) => {
                    let text = e.to_string();
                    let field = if karmayogi_source(source).is_none() {
                        "source"
                    } else {
                        "verified"
                    };
                    assert!(text.contains(field), "{source:?} {flag:?}: {text}");
                }
                _ => panic!("{source:?} {flag:?}: csv {csv:?}, json {json:?}"),
            }
            // The one-pass reader agrees with the two-step path.
            let streamed = Cohort::from_json(&fw, &doc, &policy);
            assert_eq!(streamed.is_ok(), json.is_ok(), "{source:?} {flag:?}");
        }
    }
}

/// Whether the CSV reader takes `text` as a source, asked of the CSV reader itself.
fn karmayogi_source(text: &str) -> Option<EvidenceSource> {
    let fw = head_post_office();
    let officers = "id,name,department,position,target\nm,M,department-of-posts,postmaster-hpo,\n";
    let evidence = format!(
        "officer,competency,level,source,date,verified,course\nm,integrity,4,\"{text}\",2025-03-31,,\n"
    );
    load_officers(
        &fw,
        &OfficersCsv::new(officers).evidence(&evidence),
        &OfficersCsvOptions::default(),
    )
    .ok()
    .map(|load| load.officers[0].passbook[0].source)
}

/// The spellings as a converted export holds them; numbers are no flag.
#[test]
fn an_officers_document_converted_from_an_hr_export_reads() {
    let doc = r#"{"format_version": 2, "officers": [{"id": "meena-iyer",
        "department": "department-of-posts", "position": "postmaster-hpo", "passbook": [
        {"competency": "integrity", "level": 4, "source": "Self Declared", "verified": "true"},
        {"competency": "integrity", "level": 3, "source": "Feedback 360", "verified": "No"},
        {"competency": "integrity", "level": 2, "source": "assessment", "verified": "N/A"},
        {"competency": "integrity", "level": 2, "source": "assessment", "verified": " y "}]}]}"#;
    let spec = OfficersSpec::from_json(doc).expect("an HR export's spellings");
    let read: Vec<(EvidenceSource, bool)> = spec.officers[0]
        .passbook
        .iter()
        .map(|e| (e.source, e.verified))
        .collect();
    assert_eq!(
        read,
        [
            (EvidenceSource::SelfDeclared, true),
            (EvidenceSource::Feedback360, false),
            (EvidenceSource::Assessment, false),
            (EvidenceSource::Assessment, true),
        ]
    );
    // Written back in the format's own names.
    let written = spec.to_json();
    assert!(written.contains("\"self_declared\"") && written.contains("\"feedback360\""));
    for bad in [
        r#""verified": "maybe""#,
        r#""verified": 2"#,
        r#""verified": []"#,
    ] {
        let doc = doc.replacen(r#""verified": "true""#, bad, 1);
        let e = OfficersSpec::from_json(&doc).unwrap_err().to_string();
        assert!(e.contains("verified flag"), "{bad}: {e}");
    }
}

/// An officers document of 13 officers from an HR export, where the last officer's first
/// passbook entry has `"level": null`: every reader names the place as data (path and
/// officer id) as well as line and column, and the message shows both.
#[test]
fn a_null_in_a_large_document_is_named_by_path_and_entity() {
    let fw = head_post_office();
    let officer = |i: usize, level: serde_json::Value| {
        json!({"id": format!("officer-{i}"), "department": "department-of-posts",
               "position": "postmaster-hpo",
               "passbook": [{"competency": "integrity", "level": level, "source": "assessment"}]})
    };
    let mut officers: Vec<_> = (0..12).map(|i| officer(i, json!(3))).collect();
    officers.push(officer(12, serde_json::Value::Null));
    let text =
        serde_json::to_string_pretty(&json!({"format_version": 2, "officers": officers})).unwrap();
    let expected_line = text.lines().position(|l| l.contains("null")).unwrap() + 1;
    let check = |error: &Error| {
        let Error::Json { line, path, id, .. } = error else {
            panic!("{error:?}")
        };
        assert_eq!(*line, expected_line);
        assert_eq!(path, "officers[12].passbook[0].level");
        assert_eq!(id.as_deref(), Some("officer-12"));
        let message = error.to_string();
        assert!(
            message.contains("(`officers[12].passbook[0].level`, id `officer-12`)"),
            "{message}"
        );
    };
    check(&OfficersSpec::from_json(&text).unwrap_err());
    let errors = Cohort::from_json(&fw, &text, &LevelPolicy::default()).unwrap_err();
    check(&errors.as_slice()[0]);
    let errors =
        Cohort::from_json_with_threads(&fw, &text, &LevelPolicy::default(), 2).unwrap_err();
    check(&errors.as_slice()[0]);
}

/// A framework whose fourth position has `"department": null` and whose id holds a tab
/// (as a spreadsheet cell pasted into JSON may): the id is shown escaped, as ids are in
/// every message, and kept whole in the error's data.
#[test]
fn a_null_department_names_the_position_escaped() {
    let mut doc: serde_json::Value =
        serde_json::from_str(include_str!("../../examples/data/head_post_office.json")).unwrap();
    let positions = doc["positions"].as_array_mut().unwrap();
    while positions.len() < 4 {
        let mut copy = positions[0].clone();
        copy["id"] = json!(format!("copy-{}", positions.len()));
        positions.push(copy);
    }
    positions[3]["department"] = serde_json::Value::Null;
    positions[3]["id"] = json!("hpo\t4");
    let error = FrameworkSpec::from_json(&doc.to_string()).unwrap_err();
    let Error::Json { path, id, .. } = &error else {
        panic!("{error:?}")
    };
    assert_eq!(path, "positions[3].department");
    assert_eq!(id.as_deref(), Some("hpo\t4"));
    let message = error.to_string();
    assert!(
        message.contains("(`positions[3].department`, id \"hpo\\t4\"): invalid type: null"),
        "{message}"
    );
    // Serialized for other languages, the place is two fields.
    let value: serde_json::Value = serde_json::to_value(&error).unwrap();
    assert_eq!(value["path"], "positions[3].department");
    assert_eq!(value["id"], "hpo\t4");
}
