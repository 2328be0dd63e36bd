//! Ids that print alike but differ: text written decomposed (`e` followed by a combining
//! acute accent, as macOS file names and some HR exports hold it) looks exactly like the
//! precomposed text (`é`) the framework was written with, yet is another id. An error
//! about such an id must show the difference, or "unknown competency `José`" beside a
//! framework holding `José` cannot be acted on.

use karmayogi::{Cohort, Framework, LevelPolicy, OfficersCsv, OfficersCsvOptions, load_officers};
use serde_json::json;

const PRECOMPOSED: &str = "Jos\u{e9}";
const DECOMPOSED: &str = "Jose\u{301}";

fn framework() -> Framework {
    Framework::from_json(
        &json!({"format_version": 2,
            "competencies": [{"id": PRECOMPOSED, "name": "Competency", "type": "domain"}],
            "roles": [{"id": "r", "name": "Role",
                       "requires": [{"competency": PRECOMPOSED, "level": 2}]}],
            "positions": [{"id": "p", "name": "Post", "department": "d", "roles": ["r"]}]})
        .to_string(),
    )
    .expect("valid")
}

#[test]
fn an_unknown_id_written_decomposed_shows_its_marks() {
    let fw = framework();
    let officers = json!({"format_version": 2, "officers": [
        {"id": "o", "department": "d", "position": "p",
         "passbook": [{"competency": DECOMPOSED, "level": 2, "source": "assessment"}]}]});
    let json = Cohort::from_json(&fw, &officers.to_string(), &LevelPolicy::default())
        .expect_err("an unknown competency")
        .to_string();
    let csv = OfficersCsv {
        officers: "id,department,position\r\no,d,p\r\n",
        evidence: Some(&format!(
            "officer,competency,level,source\r\no,{DECOMPOSED},2,assessment\r\n"
        )),
    };
    let loaded = load_officers(&fw, &csv, &OfficersCsvOptions::default())
        .expect_err("an unknown competency")
        .to_string();
    for message in [json, loaded] {
        assert!(message.contains(r#""Jose\u{301}""#), "{message}");
        assert!(!message.contains(PRECOMPOSED), "{message}");
    }
    // The precomposed id is found, and prints as it is.
    let ok = json!({"format_version": 2, "officers": [
        {"id": "o", "department": "d", "position": "p",
         "passbook": [{"competency": PRECOMPOSED, "level": 2, "source": "assessment"}]}]});
    Cohort::from_json(&fw, &ok.to_string(), &LevelPolicy::default()).expect("valid");
}
