//! scratch
fn main() {
    for json in [
        r#"{"competencies": [{"id": "CID9", "competencySelfAttestedLevel": "2", "competencySelfAttestedLevelValue": "Level 3"}]}"#,
        r#"{"competencies": [{"id": "CID9", "competencyCBPCompletionLevel": 2, "competencyCBPCompletionLevelValue": "Level 4"}]}"#,
        r#"{"competencies": [{"id": "CID9", "competencyCBPCompletionLevel": "Level\u00a03"}]}"#,
        r#"{"competencies": [{"id": "CID9 ", "competencyCBPCompletionLevel": 3}]}"#,
        r#"{"competencies": [{"id": "CID9", "competencyCBPCompletionLevel": "3 - Advanced"}]}"#,
        r#"{"competencies": [{"id": "CID9", "competencyCBPCompletionLevel": "3 - Basic"}]}"#,
    ] {
        match karmayogi::load_igot_profile(json) {
            Ok(load) => println!(
                "{:?}\n   report: {:?}",
                load.value
                    .iter()
                    .map(|e| (e.competency.as_str(), e.source, e.level))
                    .collect::<Vec<_>>(),
                load.report
            ),
            Err(e) => println!("err {e:?}"),
        }
    }
}
