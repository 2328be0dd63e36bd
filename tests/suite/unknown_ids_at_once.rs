//! Every unknown id one request names is reported at once, each as the id alone gets it
//! (with its nearest known id): `successors` and `officers_for` (an unknown position and
//! an unknown department), `recommend_targets` (unknown target competencies and
//! competency weights). They stopped at the first, so a request with two typos took two
//! runs (ids/03).

use karmayogi::{
    CareerOptions, Cohort, EntityKind, Error, Framework, Level, LevelPolicy, RankOptions,
    RecommendOptions, Target,
};

const FRAMEWORK: &str = include_str!("../data/cases/scales/28-level-names-alone-framework.json");
const OFFICERS: &str =
    include_str!("../data/cases/ids/03-unknown-ids-in-one-request-officers.json");

/// An unknown id of `kind` with its nearest known id.
fn unknown(kind: EntityKind, id: &str, nearest: Option<&str>) -> Error {
    Error::UnknownId {
        kind,
        id: id.into(),
        nearest: nearest.map(Into::into),
    }
}

#[test]
fn every_unknown_id_of_a_request_is_reported_at_once() {
    let fw = Framework::from_json(FRAMEWORK).expect("valid");
    let cohort = Cohort::from_json(&fw, OFFICERS, &LevelPolicy::default()).expect("valid");
    let both = [
        unknown(EntityKind::Position, "uss", None),
        unknown(EntityKind::Department, "dopx", Some("dopt")),
    ];
    let career = CareerOptions::default().department("dopx");
    let errors = fw
        .successors(&cohort, "uss", &career)
        .expect_err("unknown ids");
    assert_eq!(errors.into_vec(), both);
    let rank = RankOptions::default().department("dopx");
    let errors = fw
        .officers_for(&cohort, "uss", &rank)
        .expect_err("unknown ids");
    assert_eq!(errors.into_vec(), both);
    // Known ids: the same answers as before.
    assert!(
        fw.successors(&cohort, "us", &CareerOptions::default())
            .is_ok()
    );
    assert!(
        fw.officers_for(&cohort, "us", &RankOptions::default())
            .is_ok()
    );
    // Targets naming unknown competencies, and weights naming others.
    let options = RecommendOptions::default()
        .competency_weight("notng", 2.0)
        .expect("a valid weight")
        .competency_weight("drafting", 2.0)
        .expect("a valid weight");
    let target = |competency: &str| Target {
        competency: competency.into(),
        current: Level::new(0).expect("a level"),
        required: Level::new(2).expect("a level"),
    };
    let targets = [target("rt"), target("rti")];
    let errors = fw
        .recommend_targets(&targets, &[], &options)
        .expect_err("unknown ids");
    assert_eq!(
        errors.into_vec(),
        [
            unknown(EntityKind::Competency, "rt", None),
            unknown(EntityKind::Competency, "notng", Some("noting")),
        ]
    );
}
