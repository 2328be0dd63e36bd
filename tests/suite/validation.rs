//! Every way construction and lookup can reject input, one test per rejection.
//!
//! Each test starts from one valid framework (see [`valid_spec`]), introduces exactly the
//! problems it is about, and compares the whole list of errors — variant, ids and message
//! text — so a changed id, kind, order or wording fails the test.

use karmayogi::{
    ActivitySpec, Cohort, CompetencySpec, CompetencyType, CourseId, CourseOutcome, CourseSpec,
    EntityKind, Error, Evidence, EvidenceProblem, EvidenceSource, FORMAT_VERSION, Framework,
    FrameworkSpec, GapOptions, Level, LevelPolicy, NeedsOptions, OfficerSpec, OfficersSpec,
    PositionSpec, Profile, RankOptions, RequirementSpec, ReviewStatus, RoleSpec, Weights,
};

use crate::support::{self, assessed};

// ---------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------

/// A competency with levels `1..=scale` described, or the default five when `scale` is 0.
fn competency(id: &str, kind: CompetencyType, scale: u8) -> CompetencySpec {
    described(id, kind, &(1..=scale).collect::<Vec<_>>())
}

/// A competency whose descriptors name exactly `levels`, in that order.
fn described(id: &str, kind: CompetencyType, levels: &[u8]) -> CompetencySpec {
    support::competency(id, format!("Competency {id}"), kind, levels.iter().copied())
}

fn req(competency: &str, level: u8) -> RequirementSpec {
    RequirementSpec::new(competency, level)
}

fn draft(competency: &str, level: u8) -> RequirementSpec {
    RequirementSpec {
        status: ReviewStatus::Draft,
        ..RequirementSpec::new(competency, level)
    }
}

fn activity(id: &str, requires: Vec<RequirementSpec>) -> ActivitySpec {
    ActivitySpec {
        id: id.into(),
        name: format!("Activity {id}"),
        requires,
    }
}

fn role(id: &str, activities: &[&str], requires: Vec<RequirementSpec>) -> RoleSpec {
    RoleSpec {
        id: id.into(),
        name: format!("Role {id}"),
        activities: activities.iter().map(|&a| a.into()).collect(),
        requires,
    }
}

fn position(id: &str, roles: &[&str]) -> PositionSpec {
    support::position(id, format!("Position {id}"), "posts", roles.iter().copied())
}

fn course(
    id: &str,
    hours: f64,
    provides: &[(&str, Option<u8>)],
    prerequisites: &[&str],
) -> CourseSpec {
    support::course(id, hours, karmayogi::Mode::Formal, provides, prerequisites)
}

/// A course providing `accounts` at level 1, requiring `prerequisites`.
fn plain_course(id: &str, prerequisites: &[&str]) -> CourseSpec {
    course(id, 10.0, &[("accounts", Some(1))], prerequisites)
}

/// A small valid framework: three competencies (`postal-ops` on a three-level scale), two
/// activities, two roles (one with a direct requirement), two positions and three courses.
fn valid_spec() -> FrameworkSpec {
    FrameworkSpec {
        format_version: FORMAT_VERSION,
        competencies: vec![
            competency("accounts", CompetencyType::Functional, 0),
            competency("integrity", CompetencyType::Behavioural, 0),
            competency("postal-ops", CompetencyType::Domain, 3),
        ],
        activities: vec![
            activity("reconcile", vec![req("accounts", 3), req("integrity", 2)]),
            activity("sort-mail", vec![req("postal-ops", 2)]),
        ],
        roles: vec![
            role(
                "counter",
                &["reconcile", "sort-mail"],
                vec![req("postal-ops", 1)],
            ),
            role("supervision", &["reconcile"], vec![]),
        ],
        positions: vec![
            position("postmaster", &["counter", "supervision"]),
            position("clerk", &["counter"]),
        ],
        courses: vec![
            course("accounts-101", 12.0, &[("accounts", Some(2))], &[]),
            course(
                "accounts-201",
                20.0,
                &[("accounts", Some(4))],
                &["accounts-101"],
            ),
            course("postal-basics", 6.0, &[("postal-ops", None)], &[]),
        ],
        groups: Vec::new(),
    }
}

fn framework() -> Framework {
    Framework::new(valid_spec()).expect("the base spec is valid")
}

fn officer(id: &str, position: &str, passbook: Vec<Evidence>) -> OfficerSpec {
    support::officer(id, "posts", position, passbook)
}

fn unknown(from_kind: EntityKind, from: &str, to_kind: EntityKind, to: &str) -> Error {
    Error::UnknownReference {
        from_kind,
        from: from.into(),
        to_kind,
        to: to.into(),
        nearest: None,
    }
}

/// An [`Error::InvalidEvidence`] of officer `o1`.
fn bad_entry(index: usize, competency: &str, problem: EvidenceProblem) -> Error {
    Error::InvalidEvidence {
        officer: "o1".into(),
        index,
        competency: competency.into(),
        problem,
    }
}

fn bad_date(found: &str) -> EvidenceProblem {
    EvidenceProblem::InvalidDate {
        found: found.into(),
        suggestion: None,
        two_digit_year: Box::default(),
    }
}

const DATE_EXPECTED: &str =
    "is not an iso date: expected yyyy-mm-dd, an iso 8601 date-time, or no date";

fn listed_twice(from_kind: EntityKind, from: &str, to_kind: EntityKind, to: &str) -> Error {
    Error::DuplicateReference {
        from_kind,
        from: from.into(),
        to_kind,
        to: to.into(),
    }
}

fn invalid_level(
    owner_kind: EntityKind,
    owner: &str,
    competency: &str,
    level: u8,
    range: (u8, u8),
) -> Error {
    Error::InvalidLevel {
        owner_kind,
        owner: owner.into(),
        competency: competency.into(),
        level,
        min: range.0,
        max: range.1,
    }
}

fn cycle(courses: &[&str]) -> Error {
    Error::PrerequisiteCycle {
        courses: courses.iter().map(|&c| CourseId::from(c)).collect(),
    }
}

/// Asserts `errors` are exactly `expected`, in order, each with the given message, and that
/// the list's own message enumerates them.
#[track_caller]
fn assert_errors(errors: &karmayogi::Errors, expected: &[(Error, &str)]) {
    let want: Vec<&Error> = expected.iter().map(|(e, _)| e).collect();
    let got: Vec<&Error> = errors.iter().collect();
    assert_eq!(got, want);
    for (error, message) in expected {
        assert_eq!(error.to_string(), *message);
    }
    let mut listing = format!(
        "{} problem{} found:",
        expected.len(),
        if expected.len() == 1 { "" } else { "s" }
    );
    for (_, message) in expected {
        listing.push_str("\n  - ");
        listing.push_str(message);
    }
    assert_eq!(errors.to_string(), listing);
}

/// Asserts the spec is rejected with exactly `expected`.
#[track_caller]
fn assert_rejects(spec: FrameworkSpec, expected: &[(Error, &str)]) {
    match Framework::new(spec) {
        Ok(_) => panic!("spec accepted; expected {} problem(s)", expected.len()),
        Err(errors) => assert_errors(&errors, expected),
    }
}

/// Asserts the officer is rejected by [`Profile::new`] with exactly `expected`.
#[track_caller]
fn assert_profile_rejects(officer: &OfficerSpec, expected: &[(Error, &str)]) {
    match Profile::new(&framework(), officer, &LevelPolicy::default()) {
        Ok(_) => panic!("officer accepted; expected {} problem(s)", expected.len()),
        Err(errors) => assert_errors(&errors, expected),
    }
}

/// Asserts the officers are rejected by [`Cohort::new`] with exactly `expected`.
#[track_caller]
fn assert_cohort_rejects(officers: &[OfficerSpec], expected: &[(Error, &str)]) {
    match Cohort::new(&framework(), officers, &LevelPolicy::default()) {
        Ok(_) => panic!("cohort accepted; expected {} problem(s)", expected.len()),
        Err(errors) => assert_errors(&errors, expected),
    }
}

/// Asserts a single error equals `expected` and reads `message`.
#[track_caller]
fn assert_error<T: std::fmt::Debug>(result: Result<T, Error>, expected: &Error, message: &str) {
    let error = result.expect_err("expected an error");
    assert_eq!(&error, expected);
    assert_eq!(error.to_string(), message);
}

// ---------------------------------------------------------------------------------------
// The base is valid, so each rejection below is caused by its own change alone
// ---------------------------------------------------------------------------------------

#[test]
fn base_spec_and_officer_are_valid() {
    let fw = framework();
    assert_eq!(fw.positions().len(), 2);
    assert_eq!(fw.max_level("postal-ops"), Some(Level::new(3).unwrap()));
    let o = officer("o1", "clerk", vec![assessed("postal-ops", 3, "2024-02-29")]);
    let profile = Profile::new(&fw, &o, &LevelPolicy::default()).unwrap();
    assert_eq!(profile.level(&fw, "postal-ops").unwrap().get(), 3);
    Cohort::new(&fw, [&o], &LevelPolicy::default()).unwrap();
}

// ---------------------------------------------------------------------------------------
// Duplicate ids
// ---------------------------------------------------------------------------------------

#[test]
fn duplicate_competency_id_is_reported_once() {
    let mut spec = valid_spec();
    // Three copies: the id is reported once, not once per extra copy.
    spec.competencies
        .push(competency("integrity", CompetencyType::Functional, 0));
    spec.competencies
        .push(competency("integrity", CompetencyType::Domain, 0));
    assert_rejects(
        spec,
        &[(
            Error::DuplicateId {
                kind: EntityKind::Competency,
                id: "integrity".into(),
            },
            "duplicate competency id `integrity`",
        )],
    );
}

#[test]
fn duplicate_activity_id() {
    let mut spec = valid_spec();
    spec.activities.push(activity("sort-mail", vec![]));
    assert_rejects(
        spec,
        &[(
            Error::DuplicateId {
                kind: EntityKind::Activity,
                id: "sort-mail".into(),
            },
            "duplicate activity id `sort-mail`",
        )],
    );
}

#[test]
fn duplicate_role_id() {
    let mut spec = valid_spec();
    spec.roles.insert(0, role("supervision", &[], vec![]));
    assert_rejects(
        spec,
        &[(
            Error::DuplicateId {
                kind: EntityKind::Role,
                id: "supervision".into(),
            },
            "duplicate role id `supervision`",
        )],
    );
}

#[test]
fn duplicate_position_id() {
    let mut spec = valid_spec();
    spec.positions.push(position("clerk", &["supervision"]));
    assert_rejects(
        spec,
        &[(
            Error::DuplicateId {
                kind: EntityKind::Position,
                id: "clerk".into(),
            },
            "duplicate position id `clerk`",
        )],
    );
}

#[test]
fn duplicate_course_id() {
    let mut spec = valid_spec();
    spec.courses.push(plain_course("accounts-101", &[]));
    assert_rejects(
        spec,
        &[(
            Error::DuplicateId {
                kind: EntityKind::Course,
                id: "accounts-101".into(),
            },
            "duplicate course id `accounts-101`",
        )],
    );
}

#[test]
fn duplicate_officer_id_in_cohort() {
    let officers = [
        officer("o-7", "clerk", vec![]),
        officer("o-1", "clerk", vec![]),
        officer("o-7", "postmaster", vec![]),
        officer("o-7", "clerk", vec![]),
    ];
    assert_cohort_rejects(
        &officers,
        &[(
            Error::DuplicateId {
                kind: EntityKind::Officer,
                id: "o-7".into(),
            },
            "duplicate officer id `o-7`",
        )],
    );
}

// ---------------------------------------------------------------------------------------
// Unknown references
// ---------------------------------------------------------------------------------------

#[test]
fn activity_requires_unknown_competency() {
    let mut spec = valid_spec();
    spec.activities[1].requires.push(req("stamps", 1));
    assert_rejects(
        spec,
        &[(
            unknown(
                EntityKind::Activity,
                "sort-mail",
                EntityKind::Competency,
                "stamps",
            ),
            "activity `sort-mail` refers to unknown competency `stamps`",
        )],
    );
}

#[test]
fn role_lists_unknown_activity() {
    let mut spec = valid_spec();
    spec.roles[1].activities.push("audit".into());
    assert_rejects(
        spec,
        &[(
            unknown(
                EntityKind::Role,
                "supervision",
                EntityKind::Activity,
                "audit",
            ),
            "role `supervision` refers to unknown activity `audit`",
        )],
    );
}

#[test]
fn role_requires_unknown_competency_directly() {
    let mut spec = valid_spec();
    spec.roles[0].requires.push(req("leadership", 2));
    assert_rejects(
        spec,
        &[(
            unknown(
                EntityKind::Role,
                "counter",
                EntityKind::Competency,
                "leadership",
            ),
            "role `counter` refers to unknown competency `leadership`",
        )],
    );
}

#[test]
fn position_lists_unknown_role() {
    let mut spec = valid_spec();
    spec.positions[1].roles.push("treasury".into());
    assert_rejects(
        spec,
        &[(
            unknown(EntityKind::Position, "clerk", EntityKind::Role, "treasury"),
            "position `clerk` refers to unknown role `treasury`",
        )],
    );
}

#[test]
fn course_provides_unknown_competency() {
    let mut spec = valid_spec();
    spec.courses
        .push(course("ethics", 3.0, &[("ethics", Some(1))], &[]));
    assert_rejects(
        spec,
        &[(
            unknown(
                EntityKind::Course,
                "ethics",
                EntityKind::Competency,
                "ethics",
            ),
            "course `ethics` refers to unknown competency `ethics`",
        )],
    );
}

#[test]
fn course_requires_unknown_prerequisite() {
    let mut spec = valid_spec();
    spec.courses[2].prerequisites.push("postal-intro".into());
    assert_rejects(
        spec,
        &[(
            unknown(
                EntityKind::Course,
                "postal-basics",
                EntityKind::Course,
                "postal-intro",
            ),
            "course `postal-basics` refers to unknown course `postal-intro`",
        )],
    );
}

#[test]
fn officer_holds_unknown_position() {
    assert_profile_rejects(
        &officer("o1", "treasurer", vec![]),
        &[(
            unknown(EntityKind::Officer, "o1", EntityKind::Position, "treasurer"),
            "officer `o1` refers to unknown position `treasurer`",
        )],
    );
}

#[test]
fn officer_targets_unknown_position() {
    let mut o = officer("o1", "clerk", vec![]);
    o.target_position = Some("director".into());
    assert_profile_rejects(
        &o,
        &[(
            unknown(EntityKind::Officer, "o1", EntityKind::Position, "director"),
            "officer `o1` refers to unknown position `director`",
        )],
    );
}

#[test]
fn evidence_names_unknown_competency() {
    assert_profile_rejects(
        &officer("o1", "clerk", vec![assessed("stamps", 2, "2024-01-01")]),
        &[(
            bad_entry(
                0,
                "stamps",
                EvidenceProblem::UnknownCompetency {
                    nearest: None,
                    quote_nearest: false,
                },
            ),
            "officer `o1` passbook entry 0 (competency `stamps`): unknown competency",
        )],
    );
}

#[test]
fn evidence_names_unknown_course() {
    let mut e = assessed("accounts", 2, "2024-01-01");
    e.source = EvidenceSource::CourseCompletion;
    e.course = Some("accounts-999".into());
    assert_profile_rejects(
        &officer("o1", "clerk", vec![e]),
        &[(
            bad_entry(
                0,
                "accounts",
                EvidenceProblem::UnknownCourse {
                    course: "accounts-999".into(),
                    nearest: None,
                    quote_nearest: false,
                },
            ),
            "officer `o1` passbook entry 0 (competency `accounts`): unknown course `accounts-999`",
        )],
    );
}

// ---------------------------------------------------------------------------------------
// Duplicate references
// ---------------------------------------------------------------------------------------

#[test]
fn role_lists_activity_twice() {
    let mut spec = valid_spec();
    spec.roles[0].activities.push("reconcile".into());
    assert_rejects(
        spec,
        &[(
            listed_twice(
                EntityKind::Role,
                "counter",
                EntityKind::Activity,
                "reconcile",
            ),
            "role `counter` lists activity `reconcile` more than once",
        )],
    );
}

#[test]
fn activity_requires_competency_twice() {
    let mut spec = valid_spec();
    // Even at a different level: each competency once, at the intended level.
    spec.activities[0].requires.push(req("accounts", 1));
    assert_rejects(
        spec,
        &[(
            listed_twice(
                EntityKind::Activity,
                "reconcile",
                EntityKind::Competency,
                "accounts",
            ),
            "activity `reconcile` lists competency `accounts` more than once",
        )],
    );
}

#[test]
fn role_requires_competency_twice_directly() {
    let mut spec = valid_spec();
    spec.roles[0].requires.push(draft("postal-ops", 3));
    assert_rejects(
        spec,
        &[(
            listed_twice(
                EntityKind::Role,
                "counter",
                EntityKind::Competency,
                "postal-ops",
            ),
            "role `counter` lists competency `postal-ops` more than once",
        )],
    );
}

#[test]
fn position_lists_role_twice() {
    let mut spec = valid_spec();
    spec.positions[0].roles.push("counter".into());
    assert_rejects(
        spec,
        &[(
            listed_twice(
                EntityKind::Position,
                "postmaster",
                EntityKind::Role,
                "counter",
            ),
            "position `postmaster` lists role `counter` more than once",
        )],
    );
}

#[test]
fn course_lists_prerequisite_twice() {
    let mut spec = valid_spec();
    spec.courses[1].prerequisites.push("accounts-101".into());
    assert_rejects(
        spec,
        &[(
            listed_twice(
                EntityKind::Course,
                "accounts-201",
                EntityKind::Course,
                "accounts-101",
            ),
            "course `accounts-201` lists course `accounts-101` more than once",
        )],
    );
}

#[test]
fn course_provides_competency_twice() {
    let mut spec = valid_spec();
    spec.courses[0].provides.push(CourseOutcome {
        competency: "accounts".into(),
        level: None,
        level_name: None,
    });
    assert_rejects(
        spec,
        &[(
            listed_twice(
                EntityKind::Course,
                "accounts-101",
                EntityKind::Competency,
                "accounts",
            ),
            "course `accounts-101` lists competency `accounts` more than once",
        )],
    );
}

/// An unknown competency listed twice by one role, activity or course is one unknown
/// reference and one repetition: it was an unknown reference for each listing. A level
/// beyond every scale is still said for each listing, since each is a mistake of its own.
#[test]
fn an_unknown_competency_listed_twice_is_named_once() {
    let mut spec = valid_spec();
    spec.roles[0]
        .requires
        .extend([req("typing", 2), req("typing", 7)]);
    spec.activities[0]
        .requires
        .extend([req("typing", 2), req("typing", 3)]);
    spec.courses[0].provides.extend([
        CourseOutcome::new("typing", Some(2)),
        CourseOutcome::new("typing", None),
    ]);
    let errors = Framework::new(spec).expect_err("refused").into_vec();
    let (role, activity, course) = (EntityKind::Role, EntityKind::Activity, EntityKind::Course);
    let c = EntityKind::Competency;
    let activity_id = valid_spec().activities[0].id.to_string();
    let course_id = valid_spec().courses[0].id.to_string();
    let expected = [
        unknown(activity, &activity_id, c, "typing"),
        listed_twice(activity, &activity_id, c, "typing"),
        unknown(role, "counter", c, "typing"),
        listed_twice(role, "counter", c, "typing"),
        invalid_level(role, "counter", "typing", 7, (1, 5)),
        unknown(course, &course_id, c, "typing"),
        listed_twice(course, &course_id, c, "typing"),
    ];
    assert_eq!(errors, expected);
}

// ---------------------------------------------------------------------------------------
// Levels
// ---------------------------------------------------------------------------------------

#[test]
fn requirement_at_level_zero() {
    let mut spec = valid_spec();
    spec.activities[0].requires[1].level = 0;
    assert_rejects(
        spec,
        &[(
            invalid_level(EntityKind::Activity, "reconcile", "integrity", 0, (1, 5)),
            "activity `reconcile` names competency `integrity` at level 0: expected 1 to 5",
        )],
    );
}

#[test]
fn requirement_at_level_six() {
    let mut spec = valid_spec();
    spec.roles[1].requires.push(req("accounts", 6));
    assert_rejects(
        spec,
        &[(
            invalid_level(EntityKind::Role, "supervision", "accounts", 6, (1, 5)),
            "role `supervision` names competency `accounts` at level 6: expected 1 to 5",
        )],
    );
}

#[test]
fn requirement_above_the_competency_scale() {
    let mut spec = valid_spec();
    spec.activities[1].requires[0].level = 4;
    assert_rejects(
        spec,
        &[(
            invalid_level(EntityKind::Activity, "sort-mail", "postal-ops", 4, (1, 3)),
            "activity `sort-mail` names competency `postal-ops` at level 4: expected 1 to 3",
        )],
    );
}

#[test]
fn course_outcome_above_the_competency_scale() {
    let mut spec = valid_spec();
    spec.courses[2].provides[0].level = Some(5);
    assert_rejects(
        spec,
        &[(
            invalid_level(EntityKind::Course, "postal-basics", "postal-ops", 5, (1, 3)),
            "course `postal-basics` names competency `postal-ops` at level 5: expected 1 to 3",
        )],
    );
}

#[test]
fn course_outcome_at_level_zero() {
    let mut spec = valid_spec();
    spec.courses[0].provides[0].level = Some(0);
    assert_rejects(
        spec,
        &[(
            invalid_level(EntityKind::Course, "accounts-101", "accounts", 0, (1, 5)),
            "course `accounts-101` names competency `accounts` at level 0: expected 1 to 5",
        )],
    );
}

#[test]
fn evidence_above_the_competency_scale() {
    // Level 0 is fine for evidence ("none shown"), 4 is not on a three-level scale.
    let passbook = vec![
        assessed("postal-ops", 0, "2024-01-01"),
        assessed("postal-ops", 4, "2024-01-01"),
    ];
    assert_profile_rejects(
        &officer("o1", "clerk", passbook),
        &[(
            bad_entry(
                1,
                "postal-ops",
                EvidenceProblem::LevelAboveScale {
                    level: 4,
                    min: 1,
                    max: 3,
                },
            ),
            "officer `o1` passbook entry 1 (competency `postal-ops`): level 4: expected 0 to 3",
        )],
    );
}

#[test]
fn level_new_rejects_above_five() {
    assert_error(
        Level::new(6),
        &Error::LevelOutOfRange { value: 6 },
        "level 6 is out of range: expected 0 to 5",
    );
    assert_error(
        Level::new(255),
        &Error::LevelOutOfRange { value: 255 },
        "level 255 is out of range: expected 0 to 5",
    );
    assert_eq!(Level::new(5).unwrap(), Level::MAX);
    assert_eq!(Level::new(0).unwrap(), Level::NONE);
}

#[test]
fn level_deserialization_rejects_above_five() {
    let error = serde_json::from_str::<Level>("6").unwrap_err();
    assert_eq!(
        error.to_string(),
        "level 6 is out of range: expected 0 to 5"
    );
}

// ---------------------------------------------------------------------------------------
// Level scales
// ---------------------------------------------------------------------------------------

#[test]
fn level_scale_with_a_gap_describes_only_some_levels() {
    let mut spec = valid_spec();
    spec.competencies
        .push(described("ethics", CompetencyType::Behavioural, &[1, 3]));
    spec.activities
        .push(activity("judge", vec![req("ethics", 2)]));
    let fw = Framework::new(spec).unwrap();
    assert_eq!(fw.max_level("ethics").map(Level::get), Some(3));
    assert_eq!(fw.min_level("ethics").map(Level::get), Some(1));
}

#[test]
fn level_scale_with_a_duplicate() {
    let mut spec = valid_spec();
    spec.competencies
        .push(described("ethics", CompetencyType::Behavioural, &[2, 1, 2]));
    assert_rejects(
        spec,
        &[(
            Error::InvalidLevelScale {
                competency: "ethics".into(),
                found: vec![2, 1, 2],
                min: 1,
                max: 5,
            },
            "competency `ethics` describes levels [2, 1, 2]: expected each level at most once, within 1 to 5 or 0 (none)",
        )],
    );
}

#[test]
fn level_scale_beyond_five() {
    let mut spec = valid_spec();
    spec.competencies
        .push(competency("ethics", CompetencyType::Behavioural, 6));
    assert_rejects(
        spec,
        &[(
            Error::InvalidLevelScale {
                competency: "ethics".into(),
                found: vec![1, 2, 3, 4, 5, 6],
                min: 1,
                max: 5,
            },
            "competency `ethics` describes levels [1, 2, 3, 4, 5, 6]: expected each level at most once, within 1 to 5 or 0 (none)",
        )],
    );
}

#[test]
fn level_scale_starting_at_zero() {
    // Level 0 (none) may be described, as a rubric names its "not yet" level: it says
    // nothing of the range, which ends at the highest level above 0 described.
    let mut spec = valid_spec();
    spec.competencies
        .push(described("ethics", CompetencyType::Behavioural, &[0, 1, 2]));
    let fw = Framework::new(spec).expect("level 0 may be described");
    assert_eq!(fw.max_level("ethics").map(Level::get), Some(2));
    // Described twice, it is refused as any level is.
    let mut spec = valid_spec();
    spec.competencies
        .push(described("ethics", CompetencyType::Behavioural, &[0, 1, 0]));
    assert_rejects(
        spec,
        &[(
            Error::InvalidLevelScale {
                competency: "ethics".into(),
                found: vec![0, 1, 0],
                min: 1,
                max: 5,
            },
            "competency `ethics` describes levels [0, 1, 0]: expected each level at most once, within 1 to 5 or 0 (none)",
        )],
    );
}

#[test]
fn level_scales_in_any_order_and_of_any_length_are_accepted() {
    let mut spec = valid_spec();
    spec.competencies
        .push(described("ethics", CompetencyType::Behavioural, &[3, 1, 2]));
    spec.competencies
        .push(competency("single", CompetencyType::Behavioural, 1));
    let fw = Framework::new(spec).unwrap();
    assert_eq!(fw.max_level("ethics").map(Level::get), Some(3));
    assert_eq!(fw.max_level("single").map(Level::get), Some(1));
    assert_eq!(fw.max_level("accounts").map(Level::get), Some(5));
}

// ---------------------------------------------------------------------------------------
// Empty ids and names
// ---------------------------------------------------------------------------------------

#[test]
fn empty_ids_are_reported_with_their_index() {
    let mut spec = valid_spec();
    spec.competencies
        .insert(1, competency("", CompetencyType::Domain, 0));
    spec.activities.push(activity("", vec![]));
    spec.roles.insert(0, role("", &[], vec![]));
    spec.positions.push(position("", &["counter"]));
    spec.courses.insert(2, plain_course("", &[]));
    assert_rejects(
        spec,
        &[
            (
                Error::EmptyId {
                    kind: EntityKind::Competency,
                    index: 1,
                },
                "competency at index 1 has an empty id",
            ),
            (
                Error::EmptyId {
                    kind: EntityKind::Activity,
                    index: 2,
                },
                "activity at index 2 has an empty id",
            ),
            (
                Error::EmptyId {
                    kind: EntityKind::Role,
                    index: 0,
                },
                "role at index 0 has an empty id",
            ),
            (
                Error::EmptyId {
                    kind: EntityKind::Position,
                    index: 2,
                },
                "position at index 2 has an empty id",
            ),
            (
                Error::EmptyId {
                    kind: EntityKind::Course,
                    index: 2,
                },
                "course at index 2 has an empty id",
            ),
        ],
    );
}

#[test]
fn empty_officer_id_in_a_profile() {
    assert_profile_rejects(
        &officer("", "clerk", vec![]),
        &[(
            Error::EmptyId {
                kind: EntityKind::Officer,
                index: 0,
            },
            "officer at index 0 has an empty id",
        )],
    );
}

#[test]
fn empty_officer_id_in_a_cohort_names_its_index() {
    let officers = [
        officer("o1", "clerk", vec![]),
        officer("o2", "clerk", vec![]),
        officer("", "clerk", vec![]),
    ];
    assert_cohort_rejects(
        &officers,
        &[(
            Error::EmptyId {
                kind: EntityKind::Officer,
                index: 2,
            },
            "officer at index 2 has an empty id",
        )],
    );
}

#[test]
fn empty_and_whitespace_names() {
    let mut spec = valid_spec();
    spec.competencies[0].name = String::new();
    spec.activities[1].name = " \t".into();
    spec.roles[0].name = "\n".into();
    spec.positions[1].name = String::new();
    spec.courses[2].name = "   ".into();
    let empty = |kind, id: &str| Error::EmptyName {
        kind,
        id: id.into(),
    };
    assert_rejects(
        spec,
        &[
            (
                empty(EntityKind::Competency, "accounts"),
                "competency `accounts` has an empty name",
            ),
            (
                empty(EntityKind::Activity, "sort-mail"),
                "activity `sort-mail` has an empty name",
            ),
            (
                empty(EntityKind::Role, "counter"),
                "role `counter` has an empty name",
            ),
            (
                empty(EntityKind::Position, "clerk"),
                "position `clerk` has an empty name",
            ),
            (
                empty(EntityKind::Course, "postal-basics"),
                "course `postal-basics` has an empty name",
            ),
        ],
    );
}

/// Ids of spaces only were accepted while empty ones were refused; reports then printed
/// `Name [ ]`. They are empty ids, for competencies and groups alike.
#[test]
fn ids_of_only_spaces_are_empty_ids() {
    for (json, kind) in [
        (
            r#"{"format_version": 2, "competencies": [{"id": " ", "name": "C", "type": "functional"}]}"#,
            EntityKind::Competency,
        ),
        (
            r#"{"format_version": 2, "groups": [{"id": "  ", "name": "G"}], "competencies": []}"#,
            EntityKind::Group,
        ),
        (
            r#"{"format_version": 2, "competencies": [],
                "courses": [{"id": "\u3000", "name": "K", "hours": 1, "provides": []}]}"#,
            EntityKind::Course,
        ),
    ] {
        let errors = Framework::from_json(json)
            .expect_err("a blank id")
            .into_vec();
        assert_eq!(errors, [Error::EmptyId { kind, index: 0 }], "{json}");
    }
}

/// Ids holding a control or invisible character print like other ids (a trailing
/// carriage return, a zero-width space) or reorder the report they are printed in (a
/// right-to-left override): refused in every kind, naming the entity, the value escaped.
#[test]
fn ids_with_hidden_characters_are_refused() {
    let mut spec = valid_spec();
    spec.competencies[0].id = "accounts\r".into();
    spec.activities[1].id = "sort\u{200b}mail".into();
    spec.courses[2].id = "\u{202e}postal-basics".into();
    spec.positions[1].department = "posts\t".into();
    let errors = Framework::new(spec)
        .expect_err("hidden characters")
        .into_vec();
    let ours: Vec<String> = errors
        .iter()
        .filter(|e| e.code() == "hidden_character")
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        ours,
        [
            r#"competency id "accounts\r" holds a control or invisible character"#,
            r#"activity id "sort\u{200b}mail" holds a control or invisible character"#,
            r#"course id "\u{202e}postal-basics" holds a control or invisible character"#,
            r#"position `clerk` has department "posts\t" holding a control or invisible character"#,
        ]
    );
    // The entities stay known, so their references are not reported as well: the other
    // errors are references to the ids as they were before the edit.
    assert!(
        errors
            .iter()
            .all(|e| e.code() == "hidden_character" || e.code() == "unknown_reference"),
        "{errors:?}"
    );
}

// ---------------------------------------------------------------------------------------
// Positions and hours
// ---------------------------------------------------------------------------------------

#[test]
fn position_without_roles() {
    let mut spec = valid_spec();
    spec.positions.push(position("vacant", &[]));
    assert_rejects(
        spec,
        &[(
            Error::PositionWithoutRoles {
                position: "vacant".into(),
            },
            "position `vacant` has no roles",
        )],
    );
}

#[test]
fn invalid_course_hours() {
    let mut spec = valid_spec();
    spec.courses = vec![
        plain_course("h-zero", &[]),
        plain_course("h-negative", &[]),
        plain_course("h-infinite", &[]),
        plain_course("h-too-many", &[]),
        plain_course("h-negative-infinite", &[]),
    ];
    spec.courses[0].hours = 0.0;
    spec.courses[1].hours = -1.5;
    spec.courses[2].hours = f64::INFINITY;
    spec.courses[3].hours = 10_000.5;
    spec.courses[4].hours = f64::NEG_INFINITY;
    let hours = |course: &str, hours| Error::InvalidHours {
        course: course.into(),
        hours,
    };
    // Reported in id order, as courses are checked after sorting.
    assert_rejects(
        spec,
        &[
            (
                hours("h-infinite", f64::INFINITY),
                "course `h-infinite` has inf hours: expected a number from 5e-13 to 10000 (hours are held in whole pico-hours, 1e-12 h, to the nearest with halves rounding up, so 5e-13 is the smallest above 0)",
            ),
            (
                hours("h-negative", -1.5),
                "course `h-negative` has -1.5 hours: expected a number from 5e-13 to 10000 (hours are held in whole pico-hours, 1e-12 h, to the nearest with halves rounding up, so 5e-13 is the smallest above 0)",
            ),
            (
                hours("h-negative-infinite", f64::NEG_INFINITY),
                "course `h-negative-infinite` has -inf hours: expected a number from 5e-13 to 10000 (hours are held in whole pico-hours, 1e-12 h, to the nearest with halves rounding up, so 5e-13 is the smallest above 0)",
            ),
            (
                hours("h-too-many", 10_000.5),
                "course `h-too-many` has 10000.5 hours: expected a number from 5e-13 to 10000 (hours are held in whole pico-hours, 1e-12 h, to the nearest with halves rounding up, so 5e-13 is the smallest above 0)",
            ),
            (
                hours("h-zero", 0.0),
                "course `h-zero` has 0 hours: expected a number from 5e-13 to 10000 (hours are held in whole pico-hours, 1e-12 h, to the nearest with halves rounding up, so 5e-13 is the smallest above 0)",
            ),
        ],
    );
}

#[test]
fn nan_course_hours() {
    let mut spec = valid_spec();
    spec.courses[0].hours = f64::NAN;
    // NaN never compares equal, so the variant is matched field by field.
    let errors = Framework::new(spec).unwrap_err().into_vec();
    assert_eq!(errors.len(), 1);
    match &errors[0] {
        Error::InvalidHours { course, hours } => {
            assert_eq!(course.as_str(), "accounts-101");
            assert!(hours.is_nan());
        }
        other => panic!("expected InvalidHours, got {other:?}"),
    }
    assert_eq!(
        errors[0].to_string(),
        "course `accounts-101` has NaN hours: expected a number from 5e-13 to 10000 (hours are held in whole pico-hours, 1e-12 h, to the nearest with halves rounding up, so 5e-13 is the smallest above 0)"
    );
}

#[test]
fn hours_at_the_bounds_are_accepted() {
    let mut spec = valid_spec();
    spec.courses[0].hours = 10_000.0;
    // Half a pico-hour, the smallest hours held (as 1 pico-hour).
    spec.courses[1].hours = 5e-13;
    Framework::new(spec.clone()).unwrap();
    // Below it, hours would be held as 0 (framework/21).
    spec.courses[1].hours = f64::MIN_POSITIVE;
    assert!(matches!(
        Framework::new(spec).unwrap_err().as_slice(),
        [Error::InvalidHours { hours, .. }] if hours.to_bits() == f64::MIN_POSITIVE.to_bits()
    ));
}

// ---------------------------------------------------------------------------------------
// Prerequisite cycles
// ---------------------------------------------------------------------------------------

#[test]
fn prerequisite_self_loop() {
    let mut spec = valid_spec();
    spec.courses[2].prerequisites.push("postal-basics".into());
    assert_rejects(
        spec,
        &[(
            cycle(&["postal-basics"]),
            "prerequisite cycle: `postal-basics` -> `postal-basics`",
        )],
    );
}

#[test]
fn prerequisite_two_cycle() {
    let mut spec = valid_spec();
    spec.courses[0].prerequisites.push("accounts-201".into());
    assert_rejects(
        spec,
        &[(
            cycle(&["accounts-101", "accounts-201"]),
            "prerequisite cycle: `accounts-101` -> `accounts-201` -> `accounts-101`",
        )],
    );
}

#[test]
fn prerequisite_three_cycle_starts_from_the_smallest_id_in_requires_order() {
    let mut spec = valid_spec();
    // b requires x, x requires q, q requires b: from the smallest id, b -> x -> q, which is
    // not the sorted order, so the direction of the cycle is checked too. A course that
    // merely depends on the cycle (`tail`) is not part of it.
    spec.courses.extend([
        plain_course("q", &["b"]),
        plain_course("x", &["q"]),
        plain_course("tail", &["x"]),
        plain_course("b", &["x"]),
    ]);
    assert_rejects(
        spec,
        &[(
            cycle(&["b", "x", "q"]),
            "prerequisite cycle: `b` -> `x` -> `q` -> `b`",
        )],
    );
}

#[test]
fn two_independent_cycles_are_both_reported_in_id_order() {
    let mut spec = valid_spec();
    spec.courses.extend([
        plain_course("z2", &["z1"]),
        plain_course("m", &["m"]),
        plain_course("z1", &["z2"]),
        plain_course("c2", &["c1"]),
        plain_course("c1", &["c3"]),
        plain_course("c3", &["c2"]),
    ]);
    assert_rejects(
        spec,
        &[
            (
                cycle(&["c1", "c3", "c2"]),
                "prerequisite cycle: `c1` -> `c3` -> `c2` -> `c1`",
            ),
            (cycle(&["m"]), "prerequisite cycle: `m` -> `m`"),
            (
                cycle(&["z1", "z2"]),
                "prerequisite cycle: `z1` -> `z2` -> `z1`",
            ),
        ],
    );
}

// ---------------------------------------------------------------------------------------
// Format version and JSON
// ---------------------------------------------------------------------------------------

const BASE_JSON: &str = r#"{
  "format_version": 1,
  "competencies": [
    {"id": "accounts", "name": "Accounts", "type": "functional",
     "levels": [{"level": 1, "description": "basic"}, {"level": 2, "description": "more"}]}
  ],
  "activities": [
    {"id": "reconcile", "name": "Reconcile",
     "requires": [{"competency": "accounts", "level": 2}]}
  ],
  "roles": [
    {"id": "counter", "name": "Counter", "activities": ["reconcile"],
     "requires": [{"competency": "accounts", "level": 1, "status": "draft"}]}
  ],
  "positions": [
    {"id": "clerk", "name": "Clerk", "department": "posts", "roles": ["counter"]}
  ],
  "courses": [
    {"id": "k1", "name": "Accounts 101", "hours": 4.5, "mode": "social",
     "provides": [{"competency": "accounts", "level": 2}]}
  ]
}"#;

/// `BASE_JSON` with `"bogus": 0` inserted right after the first occurrence of `anchor`.
fn with_bogus_field(anchor: &str) -> String {
    assert!(
        BASE_JSON.contains(anchor),
        "anchor {anchor:?} not in the document"
    );
    BASE_JSON.replacen(anchor, &format!("{anchor} \"bogus\": 0,"), 1)
}

/// The 1-based line and column just after the first `"bogus"` in `json`, where the parser
/// reports the unknown field.
fn bogus_position(json: &str) -> (usize, usize) {
    end_of(json, "\"bogus\"")
}

/// The 1-based line and column of the last character of the first `needle` in `json`.
fn end_of(json: &str, needle: &str) -> (usize, usize) {
    let at = json.find(needle).expect("document has the needle") + needle.len();
    let line_start = json[..at].rfind('\n').map_or(0, |n| n + 1);
    (json[..at].matches('\n').count() + 1, at - line_start)
}

/// Asserts the document is rejected, by both readers, with exactly one unknown-field error.
#[track_caller]
fn assert_unknown_field(anchor: &str, expected_fields: &str) {
    let json = with_bogus_field(anchor);
    let (line, column) = bogus_position(&json);
    let (path, id) = bogus_place(&FrameworkSpec::from_json(&json));
    let place = match &id {
        Some(id) => format!(" (`{path}`, id `{id}`)"),
        None => format!(" (`{path}`)"),
    };
    let expected = Error::Json {
        line,
        column,
        path,
        id,
        message: format!("unknown field `bogus`, expected {expected_fields}"),
    };
    assert_eq!(FrameworkSpec::from_json(&json), Err(expected.clone()));
    let errors = Framework::from_json(&json).expect_err("unknown field accepted");
    assert_eq!(errors.into_vec(), vec![expected.clone()]);
    assert_eq!(
        expected.to_string(),
        format!(
            "invalid json at line {line}, column {column}{place}: unknown field `bogus`, expected {expected_fields}"
        )
    );
}

/// The path and id of an unknown field `bogus`'s error: the path names the field, and
/// the id is the one the object holding it (or an object around it) has in the text.
#[track_caller]
fn bogus_place<T: std::fmt::Debug>(read: &Result<T, Error>) -> (String, Option<String>) {
    let Err(Error::Json { path, id, .. }) = read else {
        panic!("{read:?}")
    };
    assert!(
        path == "bogus" || path.rsplit('.').next() == Some("bogus"),
        "{path}"
    );
    if let Some(id) = id {
        assert!(!id.is_empty(), "{path}");
    }
    (path.clone(), id.clone())
}

#[test]
fn base_json_is_valid() {
    let fw = Framework::from_json(BASE_JSON).unwrap();
    assert_eq!(fw.requirements("clerk").unwrap().len(), 1);
}

#[test]
fn unknown_field_at_top_level() {
    assert_unknown_field(
        "\"format_version\": 1,",
        "one of `format_version`, `competencies`, `groups`, `activities`, `roles`, `positions`, \
         `courses`",
    );
}

#[test]
fn unknown_field_in_competency() {
    assert_unknown_field(
        "{\"id\": \"accounts\",",
        "one of `id`, `name`, `description`, `type`, `area`, `groups`, `levels`, `min_level`, \
         `max_level`",
    );
}

#[test]
fn unknown_field_in_level_descriptor() {
    assert_unknown_field("{\"level\": 1,", "one of `level`, `name`, `description`");
}

#[test]
fn unknown_field_in_activity() {
    assert_unknown_field("{\"id\": \"reconcile\",", "one of `id`, `name`, `requires`");
}

#[test]
fn unknown_field_in_activity_requirement() {
    assert_unknown_field(
        "[{\"competency\": \"accounts\",",
        "one of `competency`, `level`, `status`",
    );
}

#[test]
fn unknown_field_in_role_requirement() {
    assert_unknown_field(
        "{\"competency\": \"accounts\", \"level\": 1,",
        "one of `competency`, `level`, `status`",
    );
}

#[test]
fn unknown_field_in_role() {
    assert_unknown_field(
        "{\"id\": \"counter\",",
        "one of `id`, `name`, `activities`, `requires`",
    );
}

#[test]
fn unknown_field_in_position() {
    assert_unknown_field(
        "{\"id\": \"clerk\",",
        "one of `id`, `name`, `department`, `roles`",
    );
}

#[test]
fn unknown_field_in_course() {
    assert_unknown_field(
        "{\"id\": \"k1\",",
        "one of `id`, `name`, `hours`, `mode`, `provides`, `prerequisites`, `provider`, `language`",
    );
}

#[test]
fn unknown_field_in_course_outcome() {
    assert_unknown_field(
        "\"provides\": [{\"competency\": \"accounts\",",
        "`competency` or `level`",
    );
}

const OFFICERS_JSON: &str = r#"{
  "format_version": 1,
  "officers": [
    {"id": "o1", "department": "posts", "position": "clerk",
     "passbook": [{"competency": "accounts", "level": 1, "source": "assessment", "date": "2024-01-01"}]}
  ]
}"#;

/// Asserts the officers document, with `"bogus": 0` inserted after `anchor`, is rejected
/// with exactly one unknown-field error, its message after `context` (the officer, and
/// the entry, it is in).
#[track_caller]
fn assert_unknown_officer_field(anchor: &str, context: &str, expected_fields: &str) {
    assert!(
        OFFICERS_JSON.contains(anchor),
        "anchor {anchor:?} not in the document"
    );
    let json = OFFICERS_JSON.replacen(anchor, &format!("{anchor} \"bogus\": 0,"), 1);
    let (line, column) = bogus_position(&json);
    let message = format!("{context}unknown field `bogus`, expected {expected_fields}");
    let (path, id) = bogus_place(&OfficersSpec::from_json(&json));
    // Every object of the document but the top level is an officer with an id or within one.
    assert_eq!(id.as_deref(), (path != "bogus").then_some("o1"), "{path}");
    let place = match &id {
        Some(id) => format!(" (`{path}`, id `{id}`)"),
        None => format!(" (`{path}`)"),
    };
    assert_error(
        OfficersSpec::from_json(&json),
        &Error::Json {
            line,
            column,
            path,
            id,
            message: message.clone(),
        },
        &format!("invalid json at line {line}, column {column}{place}: {message}"),
    );
}

#[test]
fn base_officers_json_is_valid() {
    let doc = OfficersSpec::from_json(OFFICERS_JSON).unwrap();
    Cohort::new(&framework(), &doc.officers, &LevelPolicy::default()).unwrap();
}

#[test]
fn unknown_field_at_top_level_of_officers() {
    assert_unknown_officer_field(
        "\"format_version\": 1,",
        "",
        "`format_version` or `officers`",
    );
}

#[test]
fn unknown_field_in_officer() {
    assert_unknown_officer_field(
        "{\"id\": \"o1\",",
        "officer `o1`: ",
        "one of `id`, `name`, `department`, `position`, `target_position`, `passbook`",
    );
}

#[test]
fn unknown_field_in_evidence() {
    assert_unknown_officer_field(
        "[{\"competency\": \"accounts\",",
        "officer `o1` passbook entry 0 (competency `accounts`): ",
        "one of `competency`, `level`, `source`, `date`, `verified`, `course`",
    );
}

#[test]
fn unsupported_format_version_in_officers_json() {
    let json = OFFICERS_JSON.replace("\"format_version\": 1", "\"format_version\": 3");
    assert_error(
        OfficersSpec::from_json(&json),
        &Error::UnsupportedFormatVersion {
            found: 3,
            expected: 2,
        },
        "unsupported format_version 3: expected 1 to 2",
    );
}

#[test]
fn unsupported_format_version_in_a_spec() {
    let mut spec = valid_spec();
    spec.format_version = 3;
    assert_rejects(
        spec,
        &[(
            Error::UnsupportedFormatVersion {
                found: 3,
                expected: 2,
            },
            "unsupported format_version 3: expected 1 to 2",
        )],
    );
}

#[test]
fn unsupported_format_version_in_json() {
    // The version is checked before the shape, so fields a newer version might add (here
    // `bogus`) do not hide it.
    let json = with_bogus_field("\"format_version\": 1,")
        .replace("\"format_version\": 1", "\"format_version\": 3");
    let expected = Error::UnsupportedFormatVersion {
        found: 3,
        expected: 2,
    };
    assert_error(
        FrameworkSpec::from_json(&json),
        &expected,
        "unsupported format_version 3: expected 1 to 2",
    );
    let errors = Framework::from_json(&json).unwrap_err();
    assert_errors(
        &errors,
        &[(expected, "unsupported format_version 3: expected 1 to 2")],
    );

    let huge = BASE_JSON.replace("\"format_version\": 1", "\"format_version\": 4294967297");
    assert_error(
        FrameworkSpec::from_json(&huge),
        &Error::UnsupportedFormatVersion {
            found: 4_294_967_297,
            expected: 2,
        },
        "unsupported format_version 4294967297: expected 1 to 2",
    );
}

#[test]
fn missing_format_version_is_a_json_error() {
    // Reported where the object closes, at the last line.
    let json = BASE_JSON.replace("\"format_version\": 1,", "");
    let (line, column) = end_of(&json, "\n}");
    let message = "missing field `format_version`".to_owned();
    assert_error(
        FrameworkSpec::from_json(&json),
        &Error::Json {
            line,
            column,
            path: String::new(),
            id: None,
            message: message.clone(),
        },
        &format!("invalid json at line {line}, column {column}: {message}"),
    );
    let officers = OFFICERS_JSON.replace("\"format_version\": 1,", "");
    let (line, column) = end_of(&officers, "\n}");
    let message = "missing field `format_version`".to_owned();
    assert_error(
        OfficersSpec::from_json(&officers),
        &Error::Json {
            line,
            column,
            path: String::new(),
            id: None,
            message: message.clone(),
        },
        &format!("invalid json at line {line}, column {column}: {message}"),
    );
}

#[test]
fn level_beyond_a_byte_in_json_is_a_json_error() {
    let json = BASE_JSON.replace(
        "\"level\": 2}]}\n  ],\n  \"roles\"",
        "\"level\": 300}]}\n  ],\n  \"roles\"",
    );
    assert_ne!(json, BASE_JSON);
    let expected = Error::Json {
        line: 9,
        column: 57,
        path: "activities[0].requires[0].level".into(),
        id: Some("reconcile".into()),
        message: "invalid value: integer `300`, expected a level for `level`: 0 (none) or one of the competency's levels (at most 5), as a whole number or a string holding one (`\"3\"`, `\"Level 3\"`, `\"III\"`)"
            .into(),
    };
    assert_eq!(end_of(&json, "300"), (9, 57));
    assert_eq!(
        Framework::from_json(&json).unwrap_err().into_vec(),
        vec![expected]
    );
}

#[test]
fn malformed_json() {
    assert_error(
        FrameworkSpec::from_json("{\"format_version\": 1,"),
        &Error::Json {
            line: 1,
            column: 21,
            path: String::new(),
            id: None,
            message: "EOF while parsing a value".into(),
        },
        "invalid json at line 1, column 21: EOF while parsing a value",
    );
}

// ---------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------

#[test]
fn invalid_evidence_dates_are_all_reported() {
    let passbook = vec![
        assessed("accounts", 1, "2023-02-29"),
        assessed("accounts", 2, "2024-02-29"),
        assessed("integrity", 1, "2024-13-01"),
        assessed("integrity", 1, "yesterday"),
    ];
    let message = |index, competency, date| {
        format!(
            "officer `o1` passbook entry {index} (competency `{competency}`): date `{date}` {DATE_EXPECTED}"
        )
    };
    assert_profile_rejects(
        &officer("o1", "clerk", passbook),
        &[
            (
                bad_entry(0, "accounts", bad_date("2023-02-29")),
                &message(0, "accounts", "2023-02-29"),
            ),
            (
                bad_entry(2, "integrity", bad_date("2024-13-01")),
                &message(2, "integrity", "2024-13-01"),
            ),
            (
                bad_entry(3, "integrity", bad_date("yesterday")),
                &message(3, "integrity", "yesterday"),
            ),
        ],
    );
}

/// Dates as HR systems and servers write them were refused: a date with a time zone (the
/// XML Schema `xs:date`, `2024-02-10+05:30`), lowercase `t` and `z` (RFC 3339), a Java
/// `ZonedDateTime` with its region (`…+05:30[Asia/Kolkata]`), and the ISO 8601 basic
/// format SAP writes (`20240210`, `20240210T093000Z`). Each is read by its date as
/// written.
#[test]
fn evidence_dates_as_hr_systems_write_them_are_read_by_their_date() {
    let fw = framework();
    for date in [
        "2024-02-10Z",
        "2024-02-10+05:30",
        "2024-02-10-03:00",
        "2024-02-10t09:30:00z",
        "2024-02-10T09:30:00+05:30[Asia/Kolkata]",
        "20240210",
        "20240210T093000Z",
        "20240210T0930+0530",
        "2024-02-10 09:30:00 UTC",
        "2024-02-10 09:30:00 IST",
    ] {
        let o = officer("o1", "clerk", vec![assessed("accounts", 2, date)]);
        let level = |not_before: &str| {
            let policy = LevelPolicy::default().not_before(not_before).unwrap();
            let profile = Profile::new(&fw, &o, &policy).unwrap_or_else(|e| panic!("{date}: {e}"));
            profile.level(&fw, "accounts").unwrap().get()
        };
        assert_eq!((level("2024-02-10"), level("2024-02-11")), (2, 0), "{date}");
    }
    // `"date": null` is absent, undated, as `null` is for every optional field.
    let json = r#"{"format_version": 2, "officers": [{"id": "o1", "department": "posts",
        "position": "clerk", "name": null, "target_position": null, "passbook": [
        {"competency": "accounts", "level": 2, "source": "assessment", "date": null,
         "course": null}]}]}"#;
    let officers = OfficersSpec::from_json(json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(officers.officers[0].passbook[0].date, "");
    // Other shapes that are no ISO 8601 date stay refused (a zone's abbreviation after a
    // space, as Java writes it, is read above), naming officer, entry and competency.
    for date in [
        "2024-02-10 +05:30",
        "2024-02-10T0930",
        "2024-02-10[Asia/Kolkata]",
        "2024-02-10 09:30:00 Z",
        "20240230",
    ] {
        assert_profile_rejects(
            &officer("o1", "clerk", vec![assessed("accounts", 2, date)]),
            &[(
                bad_entry(0, "accounts", bad_date(date)),
                &format!(
                    "officer `o1` passbook entry 0 (competency `accounts`): date `{date}` \
                     {DATE_EXPECTED}"
                ),
            )],
        );
    }
}

/// A passbook value of the wrong JSON type (a level's name, a date as an epoch number) was
/// an error giving only a line and column; it now names the officer,
/// the entry and its competency too.
#[test]
fn passbook_values_of_the_wrong_type_name_officer_entry_and_competency() {
    let doc = |entry: &str| {
        format!(
            r#"{{"format_version": 2, "officers": [
            {{"id": "o1", "department": "posts", "position": "clerk", "passbook": [
              {{"competency": "accounts", "level": 1, "source": "assessment"}}]}},
            {{"id": "o\u0007", "department": "posts", "position": "clerk", "passbook": [
              {{"competency": "integrity", "level": 1, "source": "assessment"}},
              {entry}]}}]}}"#
        )
    };
    for (entry, competency, what) in [
        (
            r#"{"competency": "accounts", "level": "2.5", "source": "assessment"}"#,
            "`accounts`",
            "invalid value: string \"2.5\", expected a level for `level`: 0 (none) or one of \
             the competency's levels (at most 5), as a whole number or a string holding one \
             (`\"3\"`, `\"Level 3\"`, `\"III\"`)",
        ),
        (
            r#"{"competency": "accounts", "level": 2, "source": "assessment", "date": 1707537600000}"#,
            "`accounts`",
            "invalid type: integer `1707537600000`, expected a string (an iso date or \
             date-time; as epoch time, `1707537600000` is the instant `2024-02-10T04:00:00Z`, \
             whose day depends on the time zone)",
        ),
        (
            r#"{"level": 2, "source": "assessment"}"#,
            "none",
            "missing field `competency`",
        ),
    ] {
        let error = OfficersSpec::from_json(&doc(entry)).expect_err(entry);
        let Error::Json { message, line, .. } = &error else {
            panic!("{error:?}");
        };
        assert_eq!(
            message,
            &format!("officer \"o\\u{{7}}\" passbook entry 1 (competency {competency}): {what}"),
            "{entry}"
        );
        assert_eq!(*line, 6, "{entry}");
    }
    // An officer's own field names the officer.
    let bad = doc(r#"{"competency": "accounts", "level": 2, "source": "assessment"}"#).replace(
        r#""department": "posts", "position": "clerk", "passbook": [
              {"competency": "integrity""#,
        r#""department": 7, "position": "clerk", "passbook": [
              {"competency": "integrity""#,
    );
    let error = OfficersSpec::from_json(&bad).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("officer \"o\\u{7}\": invalid type: integer `7`"),
        "{error}"
    );
}

#[test]
fn invalid_policy_dates() {
    for (value, hint) in [
        ("2023-02-29", ""),
        ("2024-13-01", ""),
        ("yesterday", ""),
        ("2024-1-01", " (did you mean `2024-01-01`?)"),
    ] {
        assert_error(
            LevelPolicy::default().not_before(value),
            &Error::InvalidPolicyDate {
                value: value.into(),
            },
            &format!("policy date `{value}` is not an iso date: expected yyyy-mm-dd{hint}"),
        );
    }
    assert_error(
        LevelPolicy::default().not_before(""),
        &Error::InvalidPolicyDate {
            value: String::new(),
        },
        "policy date \"\" is not an iso date: expected yyyy-mm-dd",
    );
    LevelPolicy::default().not_before("2024-02-29").unwrap();
}

// ---------------------------------------------------------------------------------------
// Weights
// ---------------------------------------------------------------------------------------

#[test]
fn negative_weight() {
    assert_error(
        Weights::new(1.0, -0.5, 1.0),
        &Error::InvalidWeight {
            name: "functional",
            value: -0.5,
        },
        "weight `functional` is -0.5: expected 0 or a number from 1e-9 to 1e9",
    );
}

#[test]
fn infinite_weight() {
    assert_error(
        Weights::new(1.0, 1.0, f64::INFINITY),
        &Error::InvalidWeight {
            name: "domain",
            value: f64::INFINITY,
        },
        "weight `domain` is inf: expected 0 or a number from 1e-9 to 1e9",
    );
}

#[test]
fn nan_weight() {
    let error = Weights::new(f64::NAN, 1.0, 1.0).unwrap_err();
    assert!(matches!(error, Error::InvalidWeight { name: "behavioural", value } if value.is_nan()));
    assert_eq!(
        error.to_string(),
        "weight `behavioural` is NaN: expected 0 or a number from 1e-9 to 1e9"
    );
}

#[test]
fn first_invalid_weight_is_named_and_zero_is_allowed() {
    assert_error(
        Weights::new(0.0, f64::NEG_INFINITY, -1.0),
        &Error::InvalidWeight {
            name: "functional",
            value: f64::NEG_INFINITY,
        },
        "weight `functional` is -inf: expected 0 or a number from 1e-9 to 1e9",
    );
    Weights::new(0.0, 0.0, 0.0).unwrap();
}

// ---------------------------------------------------------------------------------------
// Lookups and framework identity
// ---------------------------------------------------------------------------------------

#[test]
fn profile_or_cohort_from_another_framework() {
    let a = framework();
    // Same content, still another framework.
    let b = framework();
    let o = officer("o1", "clerk", vec![assessed("accounts", 2, "2024-01-01")]);
    let policy = LevelPolicy::default();
    let profile = Profile::new(&a, &o, &policy).unwrap();
    let cohort = Cohort::new(&a, [&o], &policy).unwrap();
    let mismatch = Error::FrameworkMismatch;
    let message = "the profile or cohort was built from a different framework";
    let gap = GapOptions::default();
    let rank = RankOptions::default();
    assert_error(b.gap(&profile, &gap), &mismatch, message);
    assert_error(b.gap_for(&profile, "clerk", &gap), &mismatch, message);
    assert_error(b.positions_for(&profile, &rank), &mismatch, message);
    assert_error(
        b.officers_for(&cohort, "postmaster", &rank)
            .map_err(crate::support::the_only),
        &mismatch,
        message,
    );
    assert_error(
        b.training_needs(&cohort, &NeedsOptions::default()),
        &mismatch,
        message,
    );
    assert_error(
        b.training_needs_by_department(&cohort, &NeedsOptions::default()),
        &mismatch,
        message,
    );
    assert_error(profile.level(&b, "accounts"), &mismatch, message);
    assert_error(profile.held(&b), &mismatch, message);
    assert_error(profile.completed_courses(&b), &mismatch, message);
    assert_error(profile.position(&b), &mismatch, message);
    assert_error(profile.target_position(&b), &mismatch, message);
    // The framework the profile was built from (or a clone of it) accepts it.
    assert!(a.gap(&profile, &gap).is_ok());
    assert!(
        a.clone()
            .training_needs(&cohort, &NeedsOptions::default())
            .is_ok()
    );
}

#[test]
fn unknown_position_in_queries() {
    let fw = framework();
    let o = officer("o1", "clerk", vec![]);
    let profile = Profile::new(&fw, &o, &LevelPolicy::default()).unwrap();
    let cohort = Cohort::new(&fw, [&o], &LevelPolicy::default()).unwrap();
    let expected = Error::UnknownId {
        kind: EntityKind::Position,
        id: "director".into(),
        nearest: None,
    };
    let message = "unknown position `director`";
    assert_error(
        fw.gap_for(&profile, "director", &GapOptions::default()),
        &expected,
        message,
    );
    assert_error(fw.requirements("director"), &expected, message);
    assert_error(
        fw.officers_for(&cohort, "director", &RankOptions::default())
            .map_err(crate::support::the_only),
        &expected,
        message,
    );
}

#[test]
fn unknown_course_in_prerequisite_closure() {
    assert_error(
        framework().prerequisite_closure("accounts-301"),
        &Error::UnknownId {
            kind: EntityKind::Course,
            id: "accounts-301".into(),
            nearest: Some("accounts-101".into()),
        },
        "unknown course `accounts-301`, did you mean `accounts-101`?",
    );
}

// ---------------------------------------------------------------------------------------
// Draft requirements
// ---------------------------------------------------------------------------------------

#[test]
fn draft_requirements_are_validated() {
    let mut spec = valid_spec();
    spec.activities[1].requires.push(draft("stamps", 2));
    spec.roles[1].requires.push(draft("postal-ops", 4));
    assert_rejects(
        spec,
        &[
            (
                unknown(
                    EntityKind::Activity,
                    "sort-mail",
                    EntityKind::Competency,
                    "stamps",
                ),
                "activity `sort-mail` refers to unknown competency `stamps`",
            ),
            (
                invalid_level(EntityKind::Role, "supervision", "postal-ops", 4, (1, 3)),
                "role `supervision` names competency `postal-ops` at level 4: expected 1 to 3",
            ),
        ],
    );
}

#[test]
fn draft_requirements_are_ignored_by_requirements() {
    let summary = |fw: &Framework| -> Vec<(String, u8, usize)> {
        fw.requirements("postmaster")
            .unwrap()
            .iter()
            .map(|r| (r.competency.to_string(), r.level.get(), r.provenance.len()))
            .collect()
    };
    let before = summary(&framework());
    let mut spec = valid_spec();
    // Higher than the verified level, on a competency required elsewhere; and on a
    // competency nothing verified requires.
    spec.activities[0].requires[0] = draft("accounts", 5);
    spec.roles[1].requires.push(draft("postal-ops", 3));
    spec.competencies
        .push(competency("ethics", CompetencyType::Behavioural, 0));
    spec.roles[1].requires.push(draft("ethics", 4));
    let fw = Framework::new(spec).unwrap();
    assert_eq!(
        summary(&fw),
        vec![
            ("integrity".to_owned(), 2, 2),
            ("postal-ops".to_owned(), 2, 2)
        ],
        "the draft on `accounts` replaced its only verified path, so it is no longer required"
    );
    assert_eq!(
        before,
        vec![
            ("accounts".to_owned(), 3, 2),
            ("integrity".to_owned(), 2, 2),
            ("postal-ops".to_owned(), 2, 2)
        ]
    );
    let reqs = fw.requirements("postmaster").unwrap();
    let postal = reqs
        .iter()
        .find(|r| r.competency.as_str() == "postal-ops")
        .unwrap();
    assert!(
        postal
            .provenance
            .iter()
            .all(|p| p.role.as_str() == "counter")
    );
}

// ---------------------------------------------------------------------------------------
// Everything at once
// ---------------------------------------------------------------------------------------

/// A spec with one instance of most problems, each in a different entity.
fn broken_spec() -> FrameworkSpec {
    let mut spec = valid_spec();
    spec.format_version = 3;
    spec.competencies.extend([
        competency("", CompetencyType::Domain, 0),
        described("ethics", CompetencyType::Behavioural, &[1, 2, 2]),
        competency("integrity", CompetencyType::Behavioural, 0),
    ]);
    spec.competencies[0].name = " ".into();
    spec.activities.push(activity(
        "audit",
        vec![
            req("stamps", 1),
            req("postal-ops", 5),
            req("accounts", 0),
            req("accounts", 2),
        ],
    ));
    spec.roles.push(role(
        "inspection",
        &["audit", "survey", "audit"],
        vec![draft("ghost", 1)],
    ));
    spec.positions.extend([
        position("vacant", &[]),
        position("inspector", &["inspection", "treasury"]),
    ]);
    spec.courses.extend([
        course(
            "zz-self",
            0.0,
            &[("postal-ops", Some(4))],
            &["zz-self", "nowhere"],
        ),
        plain_course("loop-b", &["loop-a"]),
        plain_course("loop-a", &["loop-b", "loop-b"]),
    ]);
    spec
}

#[test]
#[allow(clippy::too_many_lines)] // one line per expected problem: the list is the point
fn every_problem_is_reported_together_in_a_deterministic_order() {
    let expected = [
        (
            Error::UnsupportedFormatVersion {
                found: 3,
                expected: 2,
            },
            "unsupported format_version 3: expected 1 to 2",
        ),
        (
            Error::EmptyName {
                kind: EntityKind::Competency,
                id: "accounts".into(),
            },
            "competency `accounts` has an empty name",
        ),
        (
            Error::EmptyId {
                kind: EntityKind::Competency,
                index: 3,
            },
            "competency at index 3 has an empty id",
        ),
        (
            Error::DuplicateId {
                kind: EntityKind::Competency,
                id: "integrity".into(),
            },
            "duplicate competency id `integrity`",
        ),
        (
            Error::InvalidLevelScale {
                competency: "ethics".into(),
                found: vec![1, 2, 2],
                min: 1,
                max: 5,
            },
            "competency `ethics` describes levels [1, 2, 2]: expected each level at most once, within 1 to 5 or 0 (none)",
        ),
        (
            unknown(
                EntityKind::Activity,
                "audit",
                EntityKind::Competency,
                "stamps",
            ),
            "activity `audit` refers to unknown competency `stamps`",
        ),
        (
            invalid_level(EntityKind::Activity, "audit", "postal-ops", 5, (1, 3)),
            "activity `audit` names competency `postal-ops` at level 5: expected 1 to 3",
        ),
        (
            invalid_level(EntityKind::Activity, "audit", "accounts", 0, (1, 5)),
            "activity `audit` names competency `accounts` at level 0: expected 1 to 5",
        ),
        (
            listed_twice(
                EntityKind::Activity,
                "audit",
                EntityKind::Competency,
                "accounts",
            ),
            "activity `audit` lists competency `accounts` more than once",
        ),
        (
            unknown(
                EntityKind::Role,
                "inspection",
                EntityKind::Activity,
                "survey",
            ),
            "role `inspection` refers to unknown activity `survey`",
        ),
        (
            listed_twice(
                EntityKind::Role,
                "inspection",
                EntityKind::Activity,
                "audit",
            ),
            "role `inspection` lists activity `audit` more than once",
        ),
        (
            unknown(
                EntityKind::Role,
                "inspection",
                EntityKind::Competency,
                "ghost",
            ),
            "role `inspection` refers to unknown competency `ghost`",
        ),
        (
            unknown(
                EntityKind::Position,
                "inspector",
                EntityKind::Role,
                "treasury",
            ),
            "position `inspector` refers to unknown role `treasury`",
        ),
        (
            Error::PositionWithoutRoles {
                position: "vacant".into(),
            },
            "position `vacant` has no roles",
        ),
        (
            listed_twice(EntityKind::Course, "loop-a", EntityKind::Course, "loop-b"),
            "course `loop-a` lists course `loop-b` more than once",
        ),
        (
            Error::InvalidHours {
                course: "zz-self".into(),
                hours: 0.0,
            },
            "course `zz-self` has 0 hours: expected a number from 5e-13 to 10000 (hours are held in whole pico-hours, 1e-12 h, to the nearest with halves rounding up, so 5e-13 is the smallest above 0)",
        ),
        (
            invalid_level(EntityKind::Course, "zz-self", "postal-ops", 4, (1, 3)),
            "course `zz-self` names competency `postal-ops` at level 4: expected 1 to 3",
        ),
        (
            unknown(EntityKind::Course, "zz-self", EntityKind::Course, "nowhere"),
            "course `zz-self` refers to unknown course `nowhere`",
        ),
        (
            cycle(&["loop-a", "loop-b"]),
            "prerequisite cycle: `loop-a` -> `loop-b` -> `loop-a`",
        ),
        (
            cycle(&["zz-self"]),
            "prerequisite cycle: `zz-self` -> `zz-self`",
        ),
    ];
    let first = Framework::new(broken_spec()).unwrap_err();
    assert_errors(&first, &expected);
    // Hash maps inside are seeded per instance: a second run must not reorder anything.
    for _ in 0..8 {
        assert_eq!(Framework::new(broken_spec()).unwrap_err(), first);
    }
    // Through JSON as well (the version is fixed so the document gets past the reader).
    let mut spec = broken_spec();
    spec.format_version = 1;
    let json = spec.to_json();
    let errors = Framework::from_json(&json).unwrap_err();
    assert_errors(&errors, &expected[1..]);
}

#[test]
fn every_officer_problem_is_reported_together() {
    let mut e = assessed("accounts", 2, "2024-02-30");
    e.course = Some("accounts-999".into());
    let mut first = officer(
        "o1",
        "treasurer",
        vec![
            e,
            assessed("stamps", 1, "2024-01-01"),
            assessed("postal-ops", 5, "2024-01-01"),
        ],
    );
    first.target_position = Some("director".into());
    let officers = [
        first,
        officer("o2", "clerk", vec![]),
        officer("", "nowhere", vec![]),
        officer("o2", "clerk", vec![]),
    ];
    assert_cohort_rejects(
        &officers,
        &[
            (
                unknown(EntityKind::Officer, "o1", EntityKind::Position, "treasurer"),
                "officer `o1` refers to unknown position `treasurer`",
            ),
            (
                unknown(EntityKind::Officer, "o1", EntityKind::Position, "director"),
                "officer `o1` refers to unknown position `director`",
            ),
            (
                bad_entry(0, "accounts", bad_date("2024-02-30")),
                &format!(
                    "officer `o1` passbook entry 0 (competency `accounts`): date `2024-02-30` \
                     {DATE_EXPECTED}"
                ),
            ),
            (
                bad_entry(
                    0,
                    "accounts",
                    EvidenceProblem::UnknownCourse {
                        course: "accounts-999".into(),
                        nearest: None,
                        quote_nearest: false,
                    },
                ),
                "officer `o1` passbook entry 0 (competency `accounts`): unknown course \
                 `accounts-999`",
            ),
            (
                bad_entry(
                    1,
                    "stamps",
                    EvidenceProblem::UnknownCompetency {
                        nearest: None,
                        quote_nearest: false,
                    },
                ),
                "officer `o1` passbook entry 1 (competency `stamps`): unknown competency",
            ),
            (
                bad_entry(
                    2,
                    "postal-ops",
                    EvidenceProblem::LevelAboveScale {
                        level: 5,
                        min: 1,
                        max: 3,
                    },
                ),
                "officer `o1` passbook entry 2 (competency `postal-ops`): level 5: expected 0 to 3",
            ),
            (
                Error::EmptyId {
                    kind: EntityKind::Officer,
                    index: 2,
                },
                "officer at index 2 has an empty id",
            ),
            (
                unknown(EntityKind::Officer, "", EntityKind::Position, "nowhere"),
                "officer \"\" refers to unknown position `nowhere`",
            ),
            (
                Error::DuplicateId {
                    kind: EntityKind::Officer,
                    id: "o2".into(),
                },
                "duplicate officer id `o2`",
            ),
        ],
    );
}

/// Officers' JSON as HR systems and the platform write it holds levels as strings
/// (`"level": "3"`; the platform's profiles write `"Level 3"`): read as the CSV loader reads a
/// level cell, the same on both JSON paths; what reads as no level is refused naming the
/// officer, the entry and its competency, never read as another level.
#[test]
fn passbook_levels_written_as_strings_are_read_as_the_csv_loader_reads_them() {
    let doc = |level: &str| {
        format!(
            r#"{{"format_version": 2, "officers": [
            {{"id": "o1", "department": "posts", "position": "clerk", "passbook": [
              {{"competency": "accounts", "level": {level}, "source": "assessment",
                "date": "2024-01-01"}}]}}]}}"#
        )
    };
    let fw = framework();
    for (level, want) in [
        ("2", 2),
        (r#""2""#, 2),
        (r#"" 3 ""#, 3),
        (r#""3.0""#, 3),
        (r#""L1""#, 1),
        (r#""Level 2""#, 2),
        (r#""0""#, 0),
        ("2.0", 2),
    ] {
        let spec = OfficersSpec::from_json(&doc(level)).expect(level);
        assert_eq!(spec.officers[0].passbook[0].level, want, "{level}");
        let cohort = Cohort::from_json(&fw, &doc(level), &LevelPolicy::default()).expect(level);
        let direct = Cohort::new(&fw, &spec.officers, &LevelPolicy::default()).expect(level);
        assert_eq!(format!("{cohort:?}"), format!("{direct:?}"), "{level}");
    }
    // A level's name alone is kept, to be read by the competency's names where the
    // passbook meets a framework (scales/28).
    let spec = OfficersSpec::from_json(&doc(r#""Proficient""#)).expect("kept");
    let entry = &spec.officers[0].passbook[0];
    assert_eq!(
        (entry.level, entry.level_name.as_deref()),
        (Evidence::LEVEL_BY_NAME, Some("Proficient"))
    );
    for (level, what) in [
        (
            r#""""#,
            r#"invalid value: string "", expected a level for `level`"#,
        ),
        (
            r#""2.5""#,
            r#"invalid value: string "2.5", expected a level for `level`"#,
        ),
        (
            r#""-1""#,
            r#"invalid value: string "-1", expected a level for `level`"#,
        ),
        (
            "true",
            "invalid type: boolean `true`, expected a level for `level`",
        ),
    ] {
        for error in [
            OfficersSpec::from_json(&doc(level)).expect_err(level),
            Cohort::from_json(&fw, &doc(level), &LevelPolicy::default())
                .expect_err(level)
                .into_vec()
                .remove(0),
        ] {
            let Error::Json { message, .. } = &error else {
                panic!("{error:?}");
            };
            assert!(
                message.starts_with("officer `o1` passbook entry 0 (competency `accounts`): "),
                "{message}"
            );
            assert!(message.contains(what), "{level}: {message}");
        }
    }
    // A whole number above the competency's levels, written as a string, is read as the
    // number and refused as it is, naming the competency's levels.
    let spec = OfficersSpec::from_json(&doc(r#""6""#)).expect("read");
    assert_eq!(spec.officers[0].passbook[0].level, 6);
    let from_text = Cohort::from_json(&fw, &doc(r#""6""#), &LevelPolicy::default())
        .expect_err("level 6")
        .to_string();
    let from_number = Cohort::from_json(&fw, &doc("6"), &LevelPolicy::default())
        .expect_err("level 6")
        .to_string();
    assert_eq!(from_text, from_number);
    assert!(from_text.contains("level 6: expected 0 to"), "{from_text}");
}

/// A passbook level written as text that is no level's number is kept as a level's name
/// alone (`Proficient`, `three`, `Level III`: a competency may name its levels anyhow),
/// to be read by the competency's names where the passbook meets a framework (scales/28).
/// Before, all were refused, called a level's name or neither a number nor a name.
#[test]
fn a_passbook_level_written_as_text_is_refused_as_what_it_is() {
    let doc = |level: &str| {
        format!(
            r#"{{"format_version": 2, "officers": [
            {{"id": "o1", "department": "posts", "position": "clerk", "passbook": [
              {{"competency": "accounts", "level": "{level}", "source": "assessment"}}]}}]}}"#
        )
    };
    for level in ["Proficient", "ustad", "three", "Level III"] {
        let read = OfficersSpec::from_json(&doc(level)).expect(level);
        let entry = &read.officers[0].passbook[0];
        assert_eq!(
            (entry.level, entry.level_name.as_deref()),
            (Evidence::LEVEL_BY_NAME, Some(level))
        );
    }
    // A number with a word beside it is read with the word kept as the level's name, to
    // be checked against the competency's own names where a framework is at hand
    // (scales/23).
    for (level, name) in [
        ("3 - Proficient", "Proficient"),
        ("Level 3 (Proficient)", "Proficient"),
        ("3 pts", "pts"),
    ] {
        let read = OfficersSpec::from_json(&doc(level)).expect(level);
        let entry = &read.officers[0].passbook[0];
        assert_eq!((entry.level, entry.level_name.as_deref()), (3, Some(name)));
    }
}

/// A framework's levels read as a passbook's do: a requirement's `"level": "3"` was refused
/// (`invalid type: string "3", expected a whole number`) while a passbook entry's was
/// read, so one document written by one tool for both formats read only halfway. Every
/// `level` of a framework (requirement, course outcome, level descriptor, group rule) now
/// reads the strings a passbook's does, and refuses a level's name as it does.
#[test]
fn framework_levels_written_as_strings_are_read_as_passbook_levels_are() {
    let doc = |required: &str, provided: &str, described: &str, granted: &str| {
        format!(
            r#"{{"format_version": 2,
            "competencies": [
              {{"id": "rti", "name": "RTI", "type": "domain",
                "max_level": 5,
                "levels": [{{"level": {described}, "description": "Knows the act"}}]}},
              {{"id": "noting", "name": "Noting", "type": "functional", "groups": ["desk"]}},
              {{"id": "office", "name": "Office work", "type": "functional"}}],
            "groups": [{{"id": "desk", "name": "Desk", "kind": "theme",
              "rule": {{"competency": "office", "level": {granted}}}}}],
            "roles": [{{"id": "cpio", "name": "CPIO",
              "requires": [{{"competency": "rti", "level": {required}}}]}}],
            "positions": [{{"id": "us", "name": "Under Secretary", "department": "dopt",
              "roles": ["cpio"]}}],
            "courses": [{{"id": "rti-101", "name": "RTI basics", "hours": 4,
              "provides": [{{"competency": "rti", "level": {provided}}}]}}]}}"#
        )
    };
    let numbers = FrameworkSpec::from_json(&doc("3", "2", "1", "2")).expect("numbers");
    for (required, provided, described, granted) in [
        (r#""3""#, r#""2""#, r#""1""#, r#""2""#),
        (r#"" 3 ""#, r#""Level 2""#, r#""L1""#, r#""2.0""#),
    ] {
        let strings =
            FrameworkSpec::from_json(&doc(required, provided, described, granted)).expect(required);
        assert_eq!(
            strings, numbers,
            "{required} {provided} {described} {granted}"
        );
        Framework::new(strings).expect("valid");
    }
    let error = FrameworkSpec::from_json(&doc(r#""Advanced""#, "2", "1", "2")).unwrap_err();
    let Error::Json { message, .. } = &error else {
        panic!("{error:?}");
    };
    assert!(
        message.ends_with(
            "invalid value: string `Advanced`, expected a level's number for `level`: a \
             level's name is not read from JSON; write the level's number"
        ),
        "{message}"
    );
}
