//! A CASE rubric whose lowest level is scored 0 ("Not yet", no evidence of the behaviour),
//! as rubrics for behavioural competencies commonly start (case/96). The level was set
//! aside as a level of none the spec could not describe, so evidence naming it (`Not yet`)
//! was refused as naming no level. Level 0 is now described (its name and description),
//! evidence naming it holds nothing (level 0), and the export writes it back (scales/44).

use crate::support::named_level as level;
use karmayogi::{
    CaseExportOptions, CaseImport, CaseImportOptions, CasePackage, Framework, LevelPolicy,
    OfficersSpec, PositionSpec, Profile, RoleSpec,
};

const PACKAGE: &str = include_str!("../data/cases/case/96-rubric-level-zero-not-yet.json");
const OFFICERS: &str =
    include_str!("../data/cases/scales/44-level-zero-named-by-a-rubric-officers.json");
const ITEM: &str = "c9600000-0000-4000-8000-000000000001";

#[test]
fn a_rubric_s_level_scored_0_is_described_and_named_by_evidence() {
    let import = CaseImport::from_json(PACKAGE, &CaseImportOptions::default()).expect("imports");
    let c = &import.spec.competencies[0];
    assert_eq!(
        c.levels,
        [
            level(0, "Not yet", "No evidence of the behaviour."),
            level(1, "Beginning", "Listens to citizens' requests."),
            level(2, "Developing", "Resolves routine grievances."),
            level(3, "Secure", "Redesigns services around citizens."),
        ]
    );
    // Levels 1 to 3: level 0 says nothing of the range.
    assert_eq!((c.min_level, c.max_level), (None, None));
    assert!(
        import.report.dropped.is_empty(),
        "{:?}",
        import.report.dropped
    );
    let mut spec = import.spec.clone();
    spec.roles.push(RoleSpec {
        id: "front-desk".into(),
        name: "Front desk".into(),
        activities: Vec::new(),
        requires: Vec::new(),
    });
    spec.positions.push(PositionSpec {
        id: "so".into(),
        name: "Section Officer".into(),
        department: "dopt".into(),
        roles: vec!["front-desk".into()],
    });
    let fw = Framework::new(spec).expect("valid");
    assert_eq!(fw.max_level(ITEM).map(karmayogi::Level::get), Some(3));
    // `Not yet` (any spacing or case) holds nothing; `0 - Not yet` is 0 with its own name.
    let doc = OfficersSpec::from_json(OFFICERS).expect("reads");
    for (officer, held) in doc.officers.iter().zip([0, 2, 0]) {
        let profile = Profile::new(&fw, officer, &LevelPolicy::default())
            .unwrap_or_else(|e| panic!("{}: {e}", officer.id));
        assert_eq!(
            profile.level(&fw, ITEM).expect("known").get(),
            held,
            "{}",
            officer.id
        );
    }
    // Exported and imported again: the same levels, level 0 included.
    let package =
        CasePackage::from_framework(&fw, &import.report.document, &CaseExportOptions::default())
            .expect("exports");
    let again = CaseImport::from_json(&package.to_json(), &CaseImportOptions::default())
        .expect("imports again");
    assert_eq!(again.spec.competencies, import.spec.competencies);
}
