//! Objects written as lists of their fields (`tests/data/cases/framework/18-…`,
//! `tests/data/cases/officers/24-…`): serde's derived readers would take `["o1", "dopt",
//! "dopt", "us"]` for an officer field by field; the schema types each as an object, so
//! every reader of every document refuses each such list at its path, all at once, and
//! reads the objects beside them.

use karmayogi::{
    Cohort, CompetencySpec, Error, Evidence, Framework, FrameworkSpec, LevelPolicy, OfficerSpec,
    OfficersSpec, PositionSpec, Target,
};

const FRAMEWORK: &str = include_str!("../data/cases/framework/18-arrays-in-place-of-objects.json");
const OFFICERS: &str = include_str!("../data/cases/officers/24-arrays-in-place-of-objects.json");

/// The path and message of each error, which must all be JSON errors.
#[track_caller]
fn placed<'e>(errors: impl IntoIterator<Item = &'e Error>) -> Vec<(&'e str, &'e str)> {
    errors
        .into_iter()
        .map(|e| match e {
            Error::Json { path, message, .. } => (path.as_str(), message.as_str()),
            other => panic!("not a JSON error: {other:?}"),
        })
        .collect()
}

/// "invalid type: a list, expected a(n) `what` object".
fn list_for(what: &str) -> String {
    let article = if what.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("invalid type: a list, expected {article} {what} object")
}

#[test]
fn arrays_in_place_of_framework_objects_are_each_refused_at_their_path() {
    let errors = Framework::from_json(FRAMEWORK).expect_err("lists in place of objects");
    let want = [
        ("competencies[0]", "competency"),
        ("competencies[1].levels[0]", "level descriptor"),
        ("groups[0].rule", "group rule"),
        ("groups[1]", "group"),
        ("activities[0].requires[0]", "requirement"),
        ("roles[0]", "role"),
        ("roles[1].requires[0]", "requirement"),
        ("positions[0]", "position"),
        ("courses[0]", "course"),
        ("courses[1].provides[0]", "course outcome"),
    ];
    let got = placed(errors.iter());
    assert_eq!(got.len(), want.len(), "{got:#?}");
    for ((path, message), (want_path, what)) in got.iter().zip(want) {
        assert_eq!(*path, want_path);
        assert_eq!(*message, list_for(what), "at {path}");
    }
    // The one-error reader gives the first.
    let first = FrameworkSpec::from_json(FRAMEWORK).expect_err("the first list");
    assert_eq!(placed([&first]), [got[0]]);
}

#[test]
fn arrays_in_place_of_officers_and_entries_are_refused_by_every_reader() {
    let framework = Framework::from_json(
        r#"{"format_version": 2,
            "competencies": [{"id": "rti", "name": "Right to Information", "type": "domain"}],
            "roles": [{"id": "cpio", "name": "CPIO", "requires": [{"competency": "rti", "level": 3}]}],
            "positions": [{"id": "us", "name": "Under Secretary", "department": "dopt",
                           "roles": ["cpio"]}]}"#,
    )
    .expect("framework");
    let want = [
        (
            "officers[0]",
            format!("an officer without a string id: {}", list_for("officer")),
        ),
        (
            "officers[1].passbook[0]",
            format!(
                "officer `o2` passbook entry 0 (competency none): {}",
                list_for("evidence")
            ),
        ),
    ];
    let want: Vec<(&str, &str)> = want.iter().map(|(p, m)| (*p, m.as_str())).collect();
    let policy = LevelPolicy::default();
    let all = OfficersSpec::from_json_all(OFFICERS).expect_err("all");
    assert_eq!(placed(all.iter()), want);
    let one = Cohort::from_json(&framework, OFFICERS, &policy).expect_err("one thread");
    assert_eq!(placed(one.iter()), want);
    let two = Cohort::from_json_with_threads(&framework, OFFICERS, &policy, 2).expect_err("two");
    assert_eq!(placed(two.iter()), want);
    let first = OfficersSpec::from_json(OFFICERS).expect_err("first");
    assert_eq!(placed([&first]), want[..1]);
    // With the lists taken out, the objects beside them read.
    let mended = OFFICERS
        .replace(r#"["o1", "dopt", "dopt", "us"],"#, "")
        .replace(r#"["rti", 2, "assessment"], "#, "");
    let cohort = Cohort::from_json(&framework, &mended, &policy).expect("the objects read");
    assert_eq!(cohort.len(), 2);
}

#[test]
fn arrays_in_place_of_objects_are_refused_when_serde_reads_the_types_directly() {
    // As a caller (or the JavaScript package) reads one officer, a list of targets or of
    // positions: each type whose JSON is an object refuses a list of its fields.
    let refused = |e: serde_json::Error| e.to_string();
    let officer = serde_json::from_str::<OfficerSpec>(r#"["o1", "dopt", "dopt", "us"]"#);
    assert!(
        refused(officer.unwrap_err())
            .starts_with("invalid type: sequence, expected struct OfficerSpec")
    );
    let targets = serde_json::from_str::<Vec<Target>>(r#"[["rti", 1, 3]]"#);
    assert!(
        refused(targets.unwrap_err()).starts_with("invalid type: sequence, expected struct Target")
    );
    let positions = serde_json::from_str::<Vec<PositionSpec>>(r#"[["us", "US", "dopt", []]]"#);
    assert!(
        refused(positions.unwrap_err())
            .starts_with("invalid type: sequence, expected struct PositionSpec")
    );
    let competency =
        serde_json::from_str::<CompetencySpec>(r#"["rti", "Right to Information", "", "domain"]"#);
    assert!(competency.is_err());
    let entry = serde_json::from_str::<Evidence>(r#"["rti", 2, "assessment"]"#);
    assert!(
        refused(entry.unwrap_err()).starts_with("invalid type: sequence, expected struct Evidence")
    );
    // The same values as objects read.
    let target: Vec<Target> =
        serde_json::from_str(r#"[{"competency": "rti", "current": 1, "required": 3}]"#)
            .expect("an object reads");
    assert_eq!(target[0].required.get(), 3);
}
