//! JSON documents as publishers and HR systems write them: levels described by name only,
//! passbook flags and sources spelled as the CSV exports spell them, and required fields
//! left `null` or of the wrong type, whose errors say where they are as data.

use karmayogi::{
    Cohort, EvidenceSource, Framework, FrameworkSpec, LevelPolicy, OfficersCsv, OfficersCsvOptions,
    OfficersSpec, load_officers,
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
