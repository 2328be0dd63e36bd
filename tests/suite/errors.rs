//! The error catalogue: one test per [`Error`] variant, asserting its message.
//!
//! Each test provokes its variant through the public API (a bad spec, officer, option,
//! query, CASE package or CSV text), then compares the whole list of errors — variant and
//! fields — and the exact `Display` text. The last test parses the variants out of
//! `src/model/error/variants.rs`, so a variant added without a catalogue entry fails.

use karmayogi::{
    AcbpOptions, CareerOptions, CaseDocument, CaseElement, CaseExportOptions, CaseImport,
    CaseImportOptions, CasePackage, Cohort, CompareOptions, CompetencyType, CourseId, DocumentKind,
    EntityKind, Error, Errors, EscoCsv, EscoOptions, Evidence, EvidenceProblem, EvidenceSource,
    Framework, FrameworkSpec, GroupId, GroupKind, GroupRule, GroupSpec, Level, LevelPolicy,
    NeedsOptions, OfficerSpec, OfficersCsv, OfficersCsvOptions, OfficersSpec, OnetCsv, OnetOptions,
    Profile, RecommendOptions, ReviewOptions, Target, Weights, load_esco, load_officers, load_onet,
};
use serde_json::{Value, json};

use crate::support::{self, assessed};

// ---------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------

/// A valid framework: three competencies (`integrity` with three levels), one activity,
/// role and position, and two courses, `po-accounts` requiring `accounts-101`.
const BASE: &str = r#"{
  "format_version": 1,
  "competencies": [
    {"id": "accounts", "name": "Financial accounting", "type": "functional"},
    {"id": "integrity", "name": "Integrity", "type": "behavioural",
     "levels": [{"level": 1, "description": "Follows the rules"},
                {"level": 2, "description": "Upholds the rules"},
                {"level": 3, "description": "Sets the standard"}]},
    {"id": "postal-ops", "name": "Postal operations", "type": "domain"}
  ],
  "activities": [
    {"id": "reconcile", "name": "Reconcile daily cash",
     "requires": [{"competency": "accounts", "level": 3},
                  {"competency": "integrity", "level": 2}]}
  ],
  "roles": [
    {"id": "counter", "name": "Counter supervision", "activities": ["reconcile"],
     "requires": [{"competency": "postal-ops", "level": 2}]}
  ],
  "positions": [
    {"id": "postmaster", "name": "Postmaster", "department": "posts", "roles": ["counter"]}
  ],
  "courses": [
    {"id": "accounts-101", "name": "Accounting basics", "hours": 6,
     "provides": [{"competency": "accounts", "level": 2}]},
    {"id": "po-accounts", "name": "Post office accounts", "hours": 12,
     "provides": [{"competency": "accounts", "level": 3}],
     "prerequisites": ["accounts-101"]}
  ]
}"#;

/// The CASE document identifier used by the CASE tests.
const DOC: &str = "d0000000-0000-4000-8000-000000000000";
/// A CASE item identifier, `n` from 1 to 9.
fn item(n: u8) -> String {
    format!("c0000000-0000-4000-8000-00000000000{n}")
}

/// The base spec, to be broken by a test.
fn spec() -> FrameworkSpec {
    FrameworkSpec::from_json(BASE).expect("the base spec parses")
}

/// The base framework, built anew (so each call has its own identity).
fn framework() -> Framework {
    Framework::from_json(BASE).expect("the base framework is valid")
}

/// The problems [`Framework::new`] reports for `spec`.
#[track_caller]
fn rejected(spec: FrameworkSpec) -> Vec<Error> {
    Framework::new(spec)
        .expect_err("the spec should be rejected")
        .into_vec()
}

/// Asserts the `Display` text of every error, in order.
#[track_caller]
fn assert_messages(errors: &[Error], expected: &[&str]) {
    let found: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(found, expected);
}

/// Asserts that `error` is an unknown `id` of `kind` with no nearest id, and reads `text`.
#[track_caller]
fn assert_unknown_id(error: &Error, kind: EntityKind, id: &str, text: &str) {
    assert_eq!(
        *error,
        Error::UnknownId {
            kind,
            id: id.into(),
            nearest: None,
        }
    );
    assert_eq!(error.to_string(), text);
}

/// A postmaster of the `posts` department with the given passbook.
fn officer(id: &str, passbook: Vec<Evidence>) -> OfficerSpec {
    support::officer(id, "posts", "postmaster", passbook)
}

/// A course completion of `course` (none: naming no course), dated 2025-06-30.
fn completion(competency: &str, level: u8, course: Option<&str>) -> Evidence {
    support::evidence(
        competency,
        level,
        EvidenceSource::CourseCompletion,
        "2025-06-30",
        course,
    )
}

/// A valid profile of officer `o1` against `framework`.
#[track_caller]
fn profile(framework: &Framework) -> Profile {
    let o = officer("o1", vec![assessed("accounts", 1, "2025-06-30")]);
    Profile::new(framework, &o, &LevelPolicy::default()).expect("the officer is valid")
}

/// A valid one-officer cohort against `framework`.
#[track_caller]
fn cohort(framework: &Framework) -> Cohort {
    let o = officer("o1", vec![assessed("accounts", 1, "2025-06-30")]);
    Cohort::new(framework, [&o], &LevelPolicy::default()).expect("the officer is valid")
}

/// The problems [`CaseImport::from_json`] reports for `package`.
#[track_caller]
fn case_rejected(package: &Value) -> Vec<Error> {
    CaseImport::from_json(&package.to_string(), &CaseImportOptions::default())
        .expect_err("the package should be rejected")
        .into_vec()
}

/// A CASE package with a valid document and the given items, associations and rubrics.
fn package(items: &Value, associations: &Value, rubrics: &Value) -> Value {
    json!({
        "CFDocument": {"identifier": DOC, "uri": "https://case.example.org/d", "creator": "DoPT",
                       "title": "Office competencies",
                       "lastChangeDateTime": "2025-01-15T10:00:00Z"},
        "CFItems": items,
        "CFAssociations": associations,
        "CFRubrics": rubrics,
    })
}

/// A CASE competency item.
fn case_item(identifier: &str, statement: &str) -> Value {
    json!({"identifier": identifier, "fullStatement": statement,
           "CFItemType": "Functional Competency"})
}

/// An `isChildOf` association from `origin` to `destination`.
fn child_of(identifier: &str, origin: &str, destination: &str) -> Value {
    json!({"identifier": identifier, "associationType": "isChildOf",
           "originNodeURI": {"identifier": origin},
           "destinationNodeURI": {"identifier": destination}})
}

/// A rubric criterion on `item` with `levels` levels.
fn criterion(identifier: &str, item: &str, levels: u8) -> Value {
    let levels: Vec<Value> = (1..=levels)
        .map(|l| {
            json!({"identifier": format!("{identifier}-level-{l}"), "score": l,
                   "description": format!("level {l}")})
        })
        .collect();
    json!({"identifier": identifier, "CFItemURI": {"identifier": item},
           "CFRubricCriterionLevels": levels})
}

/// A valid export document.
fn case_document() -> CaseDocument {
    CaseDocument::new(DOC, "Office competencies", "DoPT", "2025-01-15T10:00:00Z")
}

/// The problems [`CasePackage::from_framework`] reports for the base framework.
#[track_caller]
fn export_rejected(
    framework: &Framework,
    document: &CaseDocument,
    options: &CaseExportOptions,
) -> Vec<Error> {
    CasePackage::from_framework(framework, document, options)
        .expect_err("the export should be rejected")
        .into_vec()
}

const ESCO_OCCUPATIONS: &str = "occ_id,uuid,isco_group,esco_code,label\n\
                                7,u7,2422,2422.1,policy officer\n";
const ESCO_SKILLS: &str = "skill_id,uuid,skill_type,reuse_level,hier_level,label\n\
                           3,s3,skill/competence,cross-sector,,\"draft rules, orders\"\n\
                           4,s4,knowledge,sector-specific,,public finance\n";
const ESCO_LINKS: &str = "occ_id,skill_id,relation\n7,4,O\n7,3,E\n";

/// The problems [`load_esco`] reports for the given files and options.
#[track_caller]
fn esco_rejected(
    occupations: &str,
    skills: &str,
    links: &str,
    options: &EscoOptions,
) -> Vec<Error> {
    load_esco(&EscoCsv::new(occupations, skills, links), options)
        .expect_err("the files should be rejected")
        .into_vec()
}

/// The problems [`load_esco`] reports, with the default options, for the base files with
/// `skills` in place of the skills file.
#[track_caller]
fn skills_rejected(skills: &str) -> Vec<Error> {
    esco_rejected(
        ESCO_OCCUPATIONS,
        skills,
        ESCO_LINKS,
        &EscoOptions::default(),
    )
}

/// The problems [`load_esco`] reports, with the default options, for the base files with
/// `links` in place of the occupation–skill links.
#[track_caller]
fn links_rejected(links: &str) -> Vec<Error> {
    esco_rejected(
        ESCO_OCCUPATIONS,
        ESCO_SKILLS,
        links,
        &EscoOptions::default(),
    )
}

const ONET_OCCUPATIONS: &str = "soc,title\n13-1041.00,Compliance Officers\n";
const ONET_ELEMENTS: &str = "element_id,parent_id,depth,name,description\n\
                             2.A.1,,2,Content,Background structures\n\
                             2.A.1.c,2.A.1,3,Writing,Communicating in writing\n";
const ONET_RATINGS: &str = "soc,element_id,importance_1_5,level_0_7,n,recommend_suppress,\
                            not_relevant,date,source\n\
                            13-1041.00,2.A.1.c,3.88,4.12,8,N,N,07/2014,Analyst\n";

/// The problems [`load_onet`] reports for the sample files under `options`.
#[track_caller]
fn onet_rejected(options: &OnetOptions) -> Vec<Error> {
    load_onet(
        &OnetCsv::new(ONET_OCCUPATIONS, ONET_ELEMENTS, ONET_RATINGS),
        options,
    )
    .expect_err("the options should be rejected")
    .into_vec()
}

/// The fixtures above are valid, so each test's error comes from its own change only.
#[test]
fn fixtures_are_valid() {
    let fw = framework();
    profile(&fw);
    cohort(&fw);
    CasePackage::from_framework(&fw, &case_document(), &CaseExportOptions::default())
        .expect("the base framework exports");
    let items = json!([case_item(&item(1), "Drafts notes")]);
    let p = package(&items, &json!([]), &json!([criterion("k1", &item(1), 3)]));
    CaseImport::from_json(&p.to_string(), &CaseImportOptions::default())
        .expect("the base package imports");
    let esco = EscoCsv::new(ESCO_OCCUPATIONS, ESCO_SKILLS, ESCO_LINKS);
    load_esco(&esco, &EscoOptions::default()).expect("the esco sample loads");
    let onet = OnetCsv::new(ONET_OCCUPATIONS, ONET_ELEMENTS, ONET_RATINGS);
    load_onet(&onet, &OnetOptions::default()).expect("the o*net sample loads");
}

// ---------------------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------------------

#[test]
fn json() {
    let errors = Framework::from_json(r#"{"format_version": 1, "competencies": [}"#)
        .expect_err("malformed json")
        .into_vec();
    assert_eq!(
        errors,
        [Error::Json {
            line: 1,
            column: 40,
            path: "competencies".to_owned(),
            id: None,
            message: "expected value".to_owned(),
        }]
    );
    // The position is stated once, from the fields.
    assert_messages(
        &errors,
        &["invalid json at line 1, column 40 (`competencies`): expected value"],
    );

    // A byte-order mark before the document is ignored, and positions count after it.
    let errors = Framework::from_json("\u{feff}{\"format_version\": 1, \"competencies\": [}")
        .expect_err("malformed json behind a bom")
        .into_vec();
    assert_messages(
        &errors,
        &["invalid json at line 1, column 40 (`competencies`): expected value"],
    );
    Framework::from_json("\u{feff}{\"format_version\": 1, \"competencies\": []}")
        .expect("a bom before a valid document");

    let unknown = "{\"format_version\": 1,\n \"competencies\": [], \"colour\": 1}";
    let errors = Framework::from_json(unknown)
        .expect_err("unknown field")
        .into_vec();
    let message = "unknown field `colour`, expected one of `format_version`, `competencies`, \
                   `groups`, `activities`, `roles`, `positions`, `courses`";
    assert_eq!(
        errors,
        [Error::Json {
            line: 2,
            column: 29,
            path: "colour".to_owned(),
            id: None,
            message: message.to_owned(),
        }]
    );
    assert_messages(
        &errors,
        &[&format!(
            "invalid json at line 2, column 29 (`colour`): {message}"
        )],
    );

    // CASE packages are read the same way; a repeated key is refused where it is.
    let errors = CaseImport::from_json(
        "{\"CFItems\": [\n{\"identifier\": \"a\", \"identifier\": \"b\"}]}",
        &CaseImportOptions::default(),
    )
    .expect_err("a repeated key")
    .into_vec();
    let message = "duplicate field `identifier`";
    assert_eq!(
        errors,
        [Error::Json {
            line: 2,
            column: 32,
            path: "CFItems[0].identifier".to_owned(),
            id: None,
            message: message.to_owned(),
        }]
    );
    assert_messages(
        &errors,
        &[&format!(
            "invalid json at line 2, column 32 (`CFItems[0].identifier`): {message}"
        )],
    );
}

/// An entry deleted by hand with its comma left behind (`tests/data/cases/framework/02-…`):
/// the reader stops at the second comma, where entry 1 belongs, and the path names entry 1,
/// not 2. A list opening with a comma lacks entry 0; a text that ends after a comma lacks
/// the entry after it.
#[test]
fn a_list_entry_left_out_between_two_commas_is_named_by_its_index() {
    let doc = include_str!("../data/cases/framework/02-entry-deleted-comma-left.json");
    let errors = Framework::from_json(doc)
        .expect_err("a missing entry")
        .into_vec();
    assert_messages(
        &errors,
        &["invalid json at line 5, column 5 (`competencies[1]`): expected value"],
    );
    let error = FrameworkSpec::from_json(doc).expect_err("a missing entry");
    assert_eq!(errors, [error]);

    let path = |doc: &str| match OfficersSpec::from_json(doc) {
        Err(Error::Json { path, .. }) => path,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        path(r#"{"format_version": 2, "officers": [,]}"#),
        "officers[0]"
    );
    let officer = r#"{"id": "o1", "department": "d", "position": "p"}"#;
    let list = |inside: &str| format!(r#"{{"format_version": 2, "officers": [{inside}"#);
    assert_eq!(
        path(&list(&format!("{officer}, , {officer}]}}"))),
        "officers[1]"
    );
    assert_eq!(path(&list(&format!("{officer},"))), "officers[1]");
    assert_eq!(
        path(&list(&format!("{officer}, {{\"id\": \"o2\",, }}]}}"))),
        "officers[1]"
    );
}

/// A document with an `id` of its own beside its lists, and entries left `null` (as
/// JavaScript's `delete list[i]` writes them; `tests/data/cases/framework/03-…`): every
/// error of the reader of all entries is the one the one-error reader gives at its place,
/// the id of the innermost object holding the value included, here the document's, so the
/// first errors agree.
#[test]
fn errors_inside_list_entries_name_the_same_id_as_the_one_error_reader() {
    let doc = include_str!("../data/cases/framework/03-document-id-and-a-null-entry.json");
    let errors = Framework::from_json(doc)
        .expect_err("null entries")
        .into_vec();
    let first = FrameworkSpec::from_json(doc).expect_err("null entries");
    assert_eq!(errors[0], first);
    let places: Vec<_> = (errors.iter())
        .map(|e| match e {
            Error::Json { path, id, .. } => (path.as_str(), id.as_deref()),
            other => panic!("{other:?}"),
        })
        .collect();
    let document = Some("dopt-frac-2026");
    assert_eq!(
        places,
        [
            ("id", document),
            ("competencies[1]", document),
            ("roles[0]", document),
        ]
    );
    // An entry's own id, when it has one, is the one named.
    let role = doc.replace(
        r#""requires": [{"competency": "rti", "level": 3}]"#,
        r#""requires": [null]"#,
    );
    let errors = Framework::from_json(&role)
        .expect_err("null entries")
        .into_vec();
    assert_eq!(
        errors[0],
        FrameworkSpec::from_json(&role).expect_err("null")
    );
    let last = errors.last().expect("errors");
    assert!(
        matches!(last, Error::Json { path, id: Some(id), .. }
            if path == "roles[1].requires[0]" && id == "cpio"),
        "{last:?}"
    );
    // A key written empty is a step of the path in both readers.
    let empty = doc.replace(
        r#""department": "dopt","#,
        r#""department": "dopt", "": 1,"#,
    );
    let errors = Framework::from_json(&empty)
        .expect_err("a bad key")
        .into_vec();
    let last = errors.last().expect("errors");
    assert!(
        matches!(last, Error::Json { path, id: Some(id), .. }
            if path == "positions[0]." && id == "cpio-post"),
        "{last:?}"
    );
    let one = r#"{"format_version": 2, "competencies": [], "positions": [{"id": "p", "": 1}]}"#;
    let first = FrameworkSpec::from_json(one).expect_err("a bad key");
    let all = Framework::from_json(one).expect_err("a bad key").into_vec();
    assert_eq!(all[0], first);
}

#[test]
fn unsupported_format_version() {
    let errors = Framework::from_json(r#"{"format_version": 3, "competencies": []}"#)
        .expect_err("version 3")
        .into_vec();
    assert_eq!(
        errors,
        [Error::UnsupportedFormatVersion {
            found: 3,
            expected: 2,
        }]
    );
    assert_messages(&errors, &["unsupported format_version 3: expected 1 to 2"]);
    for version in [0, 3] {
        let json = format!(r#"{{"format_version": {version}, "officers": []}}"#);
        assert!(OfficersSpec::from_json(&json).is_err(), "version {version}");
    }
    for version in [1, 2] {
        let json = format!(r#"{{"format_version": {version}, "competencies": []}}"#);
        assert!(
            Framework::from_json(&json).is_ok(),
            "version {version} is read"
        );
    }

    let mut s = spec();
    s.format_version = 7;
    let errors = rejected(s);
    assert_eq!(
        errors,
        [Error::UnsupportedFormatVersion {
            found: 7,
            expected: 2,
        }]
    );
    assert_messages(&errors, &["unsupported format_version 7: expected 1 to 2"]);
}

// ---------------------------------------------------------------------------------------
// Levels
// ---------------------------------------------------------------------------------------

#[test]
fn level_out_of_range() {
    let error = Level::new(6).expect_err("6 is above 5");
    assert_eq!(error, Error::LevelOutOfRange { value: 6 });
    assert_eq!(
        error.to_string(),
        "level 6 is out of range: expected 0 to 5"
    );
}

#[test]
fn invalid_level() {
    // A requirement at 0, and one above the three levels `integrity` describes.
    let mut s = spec();
    s.activities[0].requires[0].level = 0;
    s.activities[0].requires[1].level = 4;
    let errors = rejected(s);
    assert_eq!(
        errors,
        [
            Error::InvalidLevel {
                owner_kind: EntityKind::Activity,
                owner: "reconcile".into(),
                competency: "accounts".into(),
                level: 0,
                min: 1,
                max: 5,
            },
            Error::InvalidLevel {
                owner_kind: EntityKind::Activity,
                owner: "reconcile".into(),
                competency: "integrity".into(),
                level: 4,
                min: 1,
                max: 3,
            },
        ]
    );
    assert_messages(
        &errors,
        &[
            "activity `reconcile` names competency `accounts` at level 0: expected 1 to 5",
            "activity `reconcile` names competency `integrity` at level 4: expected 1 to 3",
        ],
    );

    let fw = framework();
    // A target above the scale.
    let target = Target {
        competency: "integrity".into(),
        current: Level::NONE,
        required: Level::new(4).expect("a level"),
    };
    let errors = fw
        .recommend_targets(&[target], &[], &RecommendOptions::default())
        .expect_err("level 4 of a three-level scale")
        .into_vec();
    assert_eq!(
        errors,
        [Error::InvalidLevel {
            owner_kind: EntityKind::Competency,
            owner: "integrity".into(),
            competency: "integrity".into(),
            level: 4,
            min: 0,
            max: 3,
        }]
    );
    assert_messages(
        &errors,
        &["a target names competency `integrity` at level 4: expected 0 to 3"],
    );
}

/// The `Error::LevelNameMismatch` of `owner` naming `competency` at `level` with `name`,
/// the competency's own name of that level being `own`.
fn name_mismatch(
    owner_kind: EntityKind,
    owner: &str,
    competency: &str,
    level: u8,
    name: &str,
    own: &str,
    named: Option<u8>,
) -> Error {
    Error::LevelNameMismatch {
        owner_kind,
        owner: owner.into(),
        competency: competency.into(),
        level,
        name: name.into(),
        level_named: Some(own.into()),
        named,
    }
}

/// scales/25: requirements writing their level with a name, for a competency naming its
/// own levels (Beginner, Intermediate, Expert) and one with the platform's names: the
/// platform's name of 3 (`3 - Advanced`) where the competency calls 3 `Expert`, its name of
/// 3 beside 2 (`Expert (2)`), `4 - Ustad` for a competency of four levels, and two right
/// ones (`3 - Expert`, `Level 2: Proficient`). The framework reader checked a name against
/// the platform's names only, so it refused the right `3 - Expert` and read `3 - Advanced`
/// as 3 against the competency's own names; each is now checked as a passbook entry's is.
#[test]
fn level_name_mismatch() {
    let doc = include_str!(
        "../data/cases/scales/25-requirement-level-names-against-own-names-framework.json"
    );
    let errors = Framework::from_json(doc)
        .expect_err("two names contradict their numbers")
        .into_vec();
    let mismatch = name_mismatch;
    assert_eq!(
        errors,
        [
            mismatch(
                EntityKind::Activity,
                "appeal",
                "noting",
                4,
                "Ustad",
                "Expert",
                None
            ),
            mismatch(
                EntityKind::Activity,
                "reply",
                "rti",
                2,
                "Expert",
                "Intermediate",
                Some(3)
            ),
            mismatch(
                EntityKind::Role,
                "cpio",
                "rti",
                3,
                "Advanced",
                "Expert",
                None
            ),
        ]
    );
    // In the order of the ids, as every validation error.
    assert_messages(
        &errors[1..2],
        &[
            "activity `reply` names competency `rti` at level 2 written with the name `Expert`, \
           which the competency gives level 3: its level 2 is `Intermediate`; write the number \
           alone, or with that name",
        ],
    );
    let value = serde_json::to_value(&errors[2]).expect("serializes");
    assert_eq!(value["code"], "level_name_mismatch");
    assert_eq!(value["owner"], "cpio");
    assert_eq!(value["named"], Value::Null);
    // The spec keeps each name, and writes it back.
    let spec = FrameworkSpec::from_json(doc).expect("read before the competencies are known");
    let appeal = &spec.activities[1].requires;
    assert_eq!(
        (appeal[0].level, appeal[0].level_name.as_deref()),
        (3, Some("Expert"))
    );
    // With the names corrected, the framework builds, the right names kept.
    let fw = names_written_back_and_corrected(doc, &spec);
    let requirements = fw.requirements("us").expect("a position");
    assert!(
        requirements
            .iter()
            .any(|r| r.competency.as_str() == "rti" && r.level.get() == 3)
    );
}

/// scales/27: course outcomes writing their level with a name, as scales/25's
/// requirements: the competency's own name of 3 beside 2 (`Expert (2)`), the platform's
/// name of 3 (`3 - Advanced`) where the competency calls 3 `Expert`, `4 - Ustad` for a
/// competency of four levels, and two right ones (`3 - Expert`, `Level 2: Proficient`).
/// The reader of an outcome's level checked a name against the platform's names only, so
/// it refused the whole document over `Expert (2)` with a message on the platform's names,
/// and would have read `3 - Advanced` as 3; each is now checked as a requirement's is.
#[test]
fn level_name_mismatch_in_course_outcomes() {
    let doc = include_str!(
        "../data/cases/scales/27-course-outcome-level-names-against-own-names-framework.json"
    );
    let errors = Framework::from_json(doc)
        .expect_err("three names contradict their numbers")
        .into_vec();
    let mismatch = |owner: &str, competency: &str, level, name: &str, own: &str, named| {
        name_mismatch(
            EntityKind::Course,
            owner,
            competency,
            level,
            name,
            own,
            named,
        )
    };
    assert_eq!(
        errors,
        [
            mismatch("rti-basics", "rti", 2, "Expert", "Intermediate", Some(3)),
            mismatch("rti-refresher", "rti", 3, "Advanced", "Expert", None),
            mismatch("rti-refresher", "noting", 4, "Ustad", "Expert", None),
        ]
    );
    assert_messages(
        &errors[..1],
        &[
            "course `rti-basics` names competency `rti` at level 2 written with the name \
             `Expert`, which the competency gives level 3: its level 2 is `Intermediate`; \
             write the number alone, or with that name",
        ],
    );
    // The spec keeps each name, and writes it back.
    let spec = FrameworkSpec::from_json(doc).expect("read before the competencies are known");
    let outcome = &spec.courses[1].provides[0];
    assert_eq!(
        (outcome.level, outcome.level_name.as_deref()),
        (Some(3), Some("Expert"))
    );
    assert_eq!(
        serde_json::to_value(outcome).expect("serializes"),
        json!({"competency": "rti", "level": "3 - Expert"})
    );
    names_written_back_and_corrected(doc, &spec);
}

/// Checks that `spec`, read from `doc` (scales/25 or 27), reads back from its JSON as
/// itself, and gives the framework of `doc` with each contradicting name corrected.
#[track_caller]
fn names_written_back_and_corrected(doc: &str, spec: &FrameworkSpec) -> Framework {
    assert_eq!(
        &FrameworkSpec::from_json(&spec.to_json()).expect("reads"),
        spec
    );
    let right = doc
        .replace("Expert (2)", "Intermediate (2)")
        .replace("4 - Ustad", "4 - Expert")
        .replace("3 - Advanced", "3 - Expert");
    Framework::from_json(&right).expect("every name is its level's")
}

/// scales/27: group rules writing their level with a name, as scales/25's requirements:
/// a competency's own name of 3 beside 2 (`Expert (2)`), `4 - Ustad` for a competency of
/// four levels, and a right one (`3 - Expert`, the competency's own name of 3). The
/// reader of a rule's level checked a name against the platform's names only, refusing
/// the whole document; each is now checked as a requirement's is.
#[test]
fn level_name_mismatch_in_group_rules() {
    let doc = include_str!(
        "../data/cases/scales/27-group-rule-level-names-against-own-names-framework.json"
    );
    let errors = Framework::from_json(doc)
        .expect_err("two names contradict their numbers")
        .into_vec();
    assert_eq!(
        errors,
        [
            name_mismatch(
                EntityKind::Group,
                "office",
                "noting",
                4,
                "Ustad",
                "Expert",
                None
            ),
            name_mismatch(
                EntityKind::Group,
                "transparency",
                "governance",
                2,
                "Expert",
                "Practising",
                Some(3)
            ),
        ]
    );
    let spec = FrameworkSpec::from_json(doc).expect("read before the competencies are known");
    let rule = spec.groups[2].rule.as_ref().expect("a rule");
    assert_eq!(
        (rule.level, rule.level_name.as_deref()),
        (3, Some("Expert"))
    );
    assert_eq!(
        serde_json::to_value(rule).expect("serializes"),
        json!({"competency": "disclosure", "level": "3 - Expert"})
    );
    assert_eq!(
        FrameworkSpec::from_json(&spec.to_json()).expect("reads"),
        spec
    );
    let right = doc
        .replace("Expert (2)", "Practising (2)")
        .replace("4 - Ustad", "4 - Expert");
    Framework::from_json(&right).expect("every name is its level's");
}

/// scales/30: level descriptors writing their level with a name. The reader of a
/// descriptor's level checked a name against the platform's names only, so it refused the
/// whole document over a competency's own names beside their numbers (`1 - Beginner`,
/// `3 - Expert` beside the descriptor's own `Expert`) and read `4 - Expert` as 4 where the
/// competency calls its level 3 `Expert`. A descriptor's level now reads the name beside
/// its number as a requirement's does: its own `name` or the platform's name of that
/// number (`3 - Advanced` beside `Drafts alone`) agrees; another level's name, of the
/// competency (`4 - Expert`, `2 - Advanced` where level 3 is `Advanced`) or of the
/// platform (`Level 3: Expert`), is refused naming the competency and both readings.
#[test]
fn level_name_mismatch_in_level_descriptors() {
    let doc = include_str!(
        "../data/cases/scales/30-level-descriptor-names-beside-numbers-framework.json"
    );
    let errors = Framework::from_json(doc)
        .expect_err("three names contradict their numbers")
        .into_vec();
    let mismatch = |competency: &str, level, name: &str, own: &str, named| {
        let kind = EntityKind::Competency;
        name_mismatch(kind, competency, competency, level, name, own, named)
    };
    assert_eq!(
        errors,
        [
            mismatch("appeals", 4, "Expert", "Lead", Some(3)),
            mismatch("records", 2, "Advanced", "Keeps files", Some(3)),
            mismatch("records", 3, "Expert", "Advanced", None),
        ]
    );
    assert_messages(
        &errors[..1],
        &[
            "competency `appeals` names competency `appeals` at level 4 written with the name \
             `Expert`, which the competency gives level 3: its level 4 is `Lead`; write the \
             number alone, or with that name",
        ],
    );
    let spec = FrameworkSpec::from_json(doc).expect("read before the competencies are known");
    let described = &spec.competencies[0].levels[2];
    assert_eq!(
        (described.level, described.level_name.as_deref()),
        (3, Some("Expert"))
    );
    assert_eq!(
        serde_json::to_value(described).expect("serializes"),
        json!({"level": "3 - Expert", "name": "Expert", "description": ""})
    );
    assert_eq!(
        FrameworkSpec::from_json(&spec.to_json()).expect("reads"),
        spec
    );
    let right = doc
        .replace(
            r#""4 - Expert", "name": "Lead""#,
            r#""4 - Lead", "name": "Lead""#,
        )
        .replace("2 - Advanced", "2 - Proficient")
        .replace("Level 3: Expert", "Level 3: Advanced");
    let fw = Framework::from_json(&right).expect("every name is its level's");
    let rti = fw.competency("rti").expect("a competency");
    let names: Vec<_> = rti.levels.iter().map(|d| d.name.as_deref()).collect();
    assert_eq!(
        names,
        [Some("Beginner"), Some("Intermediate"), Some("Expert")]
    );
}

#[test]
fn invalid_level_scale() {
    let mut s = spec();
    s.competencies[1].levels[1].level = 3;
    let errors = rejected(s);
    assert_eq!(
        errors,
        [Error::InvalidLevelScale {
            competency: "integrity".into(),
            found: vec![1, 3, 3],
            min: 1,
            max: 5,
        }]
    );
    assert_messages(
        &errors,
        &[
            "competency `integrity` describes levels [1, 3, 3]: expected each level at most \
             once, within 1 to 5 or 0 (none)",
        ],
    );
}

#[test]
fn invalid_level_range() {
    let mut s = spec();
    s.competencies[0].min_level = Some(4);
    s.competencies[0].max_level = Some(3);
    s.competencies[2].max_level = Some(6);
    let errors = rejected(s);
    assert_eq!(
        errors[..2],
        [
            Error::InvalidLevelRange {
                competency: "accounts".into(),
                min: 4,
                max: 3,
            },
            Error::InvalidLevelRange {
                competency: "postal-ops".into(),
                min: 1,
                max: 6,
            },
        ]
    );
    assert_messages(
        &errors[..2],
        &[
            "competency `accounts` exists at levels 4 to 3: expected 1 to 5, lowest first",
            "competency `postal-ops` exists at levels 1 to 6: expected 1 to 5, lowest first",
        ],
    );
}

#[test]
fn blank_level_name() {
    let mut s = spec();
    s.competencies[1].levels[1].name = Some(" ".to_owned());
    let errors = rejected(s);
    assert_eq!(
        errors,
        [Error::BlankLevelName {
            competency: "integrity".into(),
            level: 2,
        }]
    );
    assert_messages(
        &errors,
        &["competency `integrity` gives level 2 a blank name: expected a name or none"],
    );
}

#[test]
fn level_named_as_number() {
    // A scale counted from 0 named on FRAC's 1 to 5: `Level 2` would be read as level 2
    // wherever a level is written, never as the level of that name.
    let mut s = spec();
    s.competencies[1].levels[1].name = Some("Level 1".to_owned());
    let errors = rejected(s);
    assert_eq!(
        errors,
        [Error::LevelNamedAsNumber {
            competency: "integrity".into(),
            level: 2,
            name: "Level 1".into(),
            reads_as: 1,
        }]
    );
    assert_messages(
        &errors,
        &[
            "competency `integrity` names its level 2 `Level 1`, which reads as level 1 \
           wherever a level is written: expected a name that is no other level's number",
        ],
    );
}

#[test]
fn same_level_names() {
    // A rubric's quality pasted from HTML: `Advanced` with a zero-width space after it.
    let mut s = spec();
    s.competencies[1].levels[1].name = Some("Advanced".to_owned());
    s.competencies[1].levels[2].name = Some("advanced\u{200b}".to_owned());
    let errors = rejected(s);
    assert_eq!(
        errors,
        [Error::SameLevelNames {
            competency: "integrity".into(),
            levels: [2, 3],
            names: ["Advanced".into(), "advanced\u{200b}".into()],
        }]
    );
    assert_messages(
        &errors,
        &[
            "competency `integrity` names its level 2 `Advanced` and its level 3 \
             \"advanced\\u{200b}\", which read as one name: expected level names that differ \
             in what they show",
        ],
    );
}

#[test]
fn blank_area() {
    let mut s = spec();
    s.competencies[2].area = Some(" ".to_owned());
    let errors = rejected(s);
    assert_eq!(
        errors,
        [Error::BlankArea {
            competency: "postal-ops".into(),
        }]
    );
    assert_messages(
        &errors,
        &["competency `postal-ops` has a blank area: expected a name or no area"],
    );
}

// ---------------------------------------------------------------------------------------
// Ids, names and references
// ---------------------------------------------------------------------------------------

#[test]
fn empty_id() {
    let mut s = spec();
    let mut blank = s.competencies[0].clone();
    blank.id = "".into();
    s.competencies.push(blank);
    // Whitespace only is as empty.
    let mut blank = s.courses[0].clone();
    blank.id = " \t".into();
    s.courses.push(blank);
    let errors = rejected(s);
    assert_eq!(
        errors,
        [
            Error::EmptyId {
                kind: EntityKind::Competency,
                index: 3,
            },
            Error::EmptyId {
                kind: EntityKind::Course,
                index: 2,
            }
        ]
    );
    assert_messages(
        &errors,
        &[
            "competency at index 3 has an empty id",
            "course at index 2 has an empty id",
        ],
    );

    // In a cohort, the index is the officer's place in the batch.
    let fw = framework();
    let officers = [officer("o1", vec![]), officer("\u{3000}", vec![])];
    let errors = Cohort::new(&fw, &officers, &LevelPolicy::default())
        .expect_err("an officer without id")
        .into_vec();
    assert_eq!(
        errors,
        [Error::EmptyId {
            kind: EntityKind::Officer,
            index: 1,
        }]
    );
    assert_messages(&errors, &["officer at index 1 has an empty id"]);
}

#[test]
fn hidden_character() {
    let mut s = spec();
    s.roles[0].id = "counter\u{202e}".into();
    s.positions[0].roles = vec!["counter\u{202e}".into()];
    s.positions[0].department = "posts\r".into();
    s.competencies[2].area = Some("Operations\u{200b}".to_owned());
    let errors = rejected(s);
    assert_eq!(
        errors,
        [
            Error::HiddenCharacter {
                kind: EntityKind::Role,
                id: "counter\u{202e}".into(),
                field: "id",
                value: "counter\u{202e}".into(),
            },
            Error::HiddenCharacter {
                kind: EntityKind::Position,
                id: "postmaster".into(),
                field: "department",
                value: "posts\r".into(),
            },
            Error::HiddenCharacter {
                kind: EntityKind::Competency,
                id: "postal-ops".into(),
                field: "area",
                value: "Operations\u{200b}".into(),
            },
        ]
    );
    assert_messages(
        &errors,
        &[
            r#"role id "counter\u{202e}" holds a control or invisible character"#,
            r#"position `postmaster` has department "posts\r" holding a control or invisible character"#,
            r#"competency `postal-ops` has area "Operations\u{200b}" holding a control or invisible character"#,
        ],
    );

    // Officers: the id and the department.
    let fw = framework();
    let mut tabbed = officer("o\t1", vec![]);
    tabbed.department = "posts\n".into();
    let errors = Cohort::new(&fw, [tabbed], &LevelPolicy::default())
        .expect_err("hidden characters")
        .into_vec();
    assert_messages(
        &errors,
        &[
            r#"officer id "o\t1" holds a control or invisible character"#,
            r#"officer "o\t1" has department "posts\n" holding a control or invisible character"#,
        ],
    );
}

#[test]
fn empty_name() {
    let mut s = spec();
    s.roles[0].name = "  ".to_owned();
    let errors = rejected(s);
    assert_eq!(
        errors,
        [Error::EmptyName {
            kind: EntityKind::Role,
            id: "counter".into(),
        }]
    );
    assert_messages(&errors, &["role `counter` has an empty name"]);
}

#[test]
fn empty_field() {
    let mut s = spec();
    s.positions[0].department = " ".into();
    let errors = rejected(s);
    assert_eq!(
        errors,
        [Error::EmptyField {
            kind: EntityKind::Position,
            id: "postmaster".into(),
            field: "department",
        }]
    );
    assert_messages(&errors, &["position `postmaster` has an empty department"]);

    let fw = framework();
    let mut o = officer("o1", vec![]);
    o.department = "".into();
    let errors = Profile::new(&fw, &o, &LevelPolicy::default())
        .expect_err("no department")
        .into_vec();
    assert_messages(&errors, &["officer `o1` has an empty department"]);
}

#[test]
fn duplicate_id() {
    let mut s = spec();
    let copy = s.courses[0].clone();
    s.courses.push(copy);
    let errors = rejected(s);
    assert_eq!(
        errors,
        [Error::DuplicateId {
            kind: EntityKind::Course,
            id: "accounts-101".into(),
        }]
    );
    assert_messages(&errors, &["duplicate course id `accounts-101`"]);

    let fw = framework();
    let officers = [officer("o1", vec![]), officer("o1", vec![])];
    let errors = Cohort::new(&fw, &officers, &LevelPolicy::default())
        .expect_err("two officers o1")
        .into_vec();
    assert_eq!(
        errors,
        [Error::DuplicateId {
            kind: EntityKind::Officer,
            id: "o1".into(),
        }]
    );
    assert_messages(&errors, &["duplicate officer id `o1`"]);

    let target = Target {
        competency: "accounts".into(),
        current: Level::NONE,
        required: Level::new(2).expect("a level"),
    };
    let errors = fw
        .recommend_targets(&[target.clone(), target], &[], &RecommendOptions::default())
        .expect_err("accounts twice")
        .into_vec();
    assert_eq!(
        errors,
        [Error::DuplicateId {
            kind: EntityKind::Competency,
            id: "accounts".into(),
        }]
    );
    assert_messages(&errors, &["duplicate competency id `accounts`"]);
}

/// Each offending id of a target or completed-course list is named once, where it first
/// appears, however often it is listed: an unknown competency listed twice was two
/// `UnknownId`s, and a competency listed three times two `DuplicateId`s.
#[test]
fn ids_listed_again_are_named_once() {
    let fw = framework();
    let target = |competency: &str, required: u8| Target {
        competency: competency.into(),
        current: Level::NONE,
        required: Level::new(required).expect("a level"),
    };
    let targets = [
        target("typing", 2),
        target("accounts", 2),
        target("typing", 3),
        target("accounts", 3),
        target("accounts", 1),
        target("Typing", 1),
    ];
    let completed = ["lost-101", "accounts-101", "lost-101", "lost-102"].map(CourseId::from);
    let errors = fw
        .recommend_targets(&targets, &completed, &RecommendOptions::default())
        .expect_err("unknown and repeated ids")
        .into_vec();
    let unknown = |kind, id: &str, nearest: Option<&str>| Error::UnknownId {
        kind,
        id: id.into(),
        nearest: nearest.map(Into::into),
    };
    assert_eq!(
        errors,
        [
            unknown(EntityKind::Competency, "typing", None),
            Error::DuplicateId {
                kind: EntityKind::Competency,
                id: "accounts".into(),
            },
            unknown(EntityKind::Competency, "Typing", None),
            unknown(EntityKind::Course, "lost-101", None),
            unknown(EntityKind::Course, "lost-102", None),
        ]
    );
}

#[test]
fn lookalike_uris() {
    // esco/06: a note of the report, never a reason to refuse; both occupations kept.
    let o = "http://data.europa.eu/esco/occupation/b";
    let occupations = format!(
        "conceptType,conceptUri,iscoGroup,preferredLabel\n\
         Occupation,{o},2422,policy officer\nOccupation,{o}/,2422,policy officer\n"
    );
    let skills = "conceptType,conceptUri,skillType,reuseLevel,preferredLabel\n";
    let relations = "occupationUri,relationType,skillType,skillUri\n";
    let load = karmayogi::load_esco_report(
        &EscoCsv::new(&occupations, skills, relations),
        &EscoOptions::default(),
    )
    .expect("distinct concepts");
    assert_eq!(load.spec.positions.len(), 2);
    assert_eq!(
        load.notes,
        [Error::LookalikeUris {
            file: "occupations_<lang>.csv",
            uris: vec![o.to_owned(), format!("{o}/")],
            lines: vec![2, 3],
        }]
    );
    assert_messages(
        &load.notes,
        &[&format!(
            "occupations_<lang>.csv lines 2, 3: uris `{o}`, `{o}/` differ only in a trailing \
             slash or in `http`/`https`: read as distinct concepts"
        )],
    );
}

#[test]
fn lookalike_ids() {
    // A warning of the review, never a reason to refuse: both copies are kept.
    let mut s = spec();
    let mut upper = s.courses[0].clone();
    upper.id = "ACCOUNTS-101".into();
    let mut spaced = s.courses[0].clone();
    spaced.id = "accounts-101 ".into();
    s.courses.extend([upper, spaced]);
    let fw = Framework::new(s).expect("distinct ids");
    assert_eq!(fw.courses().len(), 4);
    let warnings = fw.review();
    assert_eq!(
        warnings,
        [Error::LookalikeIds {
            kind: EntityKind::Course,
            ids: vec![
                "ACCOUNTS-101".into(),
                "accounts-101".into(),
                "accounts-101 ".into()
            ],
            other_script: vec![],
        }]
    );
    assert_messages(
        &warnings,
        &[
            r#"course ids "ACCOUNTS-101", "accounts-101", "accounts-101 " differ only in letter case or surrounding whitespace: distinct ids that print alike"#,
        ],
    );
}

#[test]
fn equivalent_ids() {
    // A warning of the review, never a reason to refuse: both courses are kept.
    let mut s = spec();
    let mut decomposed = s.courses[0].clone();
    decomposed.id = "accounts-101-re\u{301}vise\u{301}".into();
    let mut precomposed = s.courses[0].clone();
    precomposed.id = "accounts-101-r\u{e9}vis\u{e9}".into();
    s.courses.extend([decomposed, precomposed]);
    let fw = Framework::new(s).expect("distinct ids");
    let warnings = fw.review();
    assert_eq!(
        warnings,
        [Error::EquivalentIds {
            kind: EntityKind::Course,
            ids: vec![
                "accounts-101-re\u{301}vise\u{301}".into(),
                "accounts-101-r\u{e9}vis\u{e9}".into()
            ],
        }]
    );
    assert_messages(
        &warnings,
        &[
            r#"course ids "accounts-101-re\u{301}vise\u{301}", "accounts-101-r\u{e9}vis\u{e9}" are one text in different unicode forms (nfc/nfd): distinct ids that print alike"#,
        ],
    );
}

#[test]
fn unknown_reference() {
    let mut s = spec();
    s.positions[0].roles.push("ghost".into());
    let errors = rejected(s);
    assert_eq!(
        errors,
        [Error::UnknownReference {
            from_kind: EntityKind::Position,
            from: "postmaster".into(),
            to_kind: EntityKind::Role,
            to: "ghost".into(),
            nearest: None,
        }]
    );
    assert_messages(
        &errors,
        &["position `postmaster` refers to unknown role `ghost`"],
    );

    let fw = framework();
    let mut o = officer("o1", vec![]);
    o.position = "nowhere".into();
    o.target_position = Some("postmaster\r".into());
    let errors = Profile::new(&fw, &o, &LevelPolicy::default())
        .expect_err("unknown position and target")
        .into_vec();
    assert_eq!(
        errors,
        [
            Error::UnknownReference {
                from_kind: EntityKind::Officer,
                from: "o1".into(),
                to_kind: EntityKind::Position,
                to: "nowhere".into(),
                nearest: None,
            },
            Error::UnknownReference {
                from_kind: EntityKind::Officer,
                from: "o1".into(),
                to_kind: EntityKind::Position,
                to: "postmaster\r".into(),
                nearest: Some("postmaster".into()),
            },
        ]
    );
    assert_messages(
        &errors,
        &[
            "officer `o1` refers to unknown position `nowhere`",
            r#"officer `o1` refers to unknown position "postmaster\r", did you mean `postmaster`?"#,
        ],
    );
}

#[test]
fn duplicate_reference() {
    let mut s = spec();
    s.roles[0].activities.push("reconcile".into());
    let errors = rejected(s);
    assert_eq!(
        errors,
        [Error::DuplicateReference {
            from_kind: EntityKind::Role,
            from: "counter".into(),
            to_kind: EntityKind::Activity,
            to: "reconcile".into(),
        }]
    );
    assert_messages(
        &errors,
        &["role `counter` lists activity `reconcile` more than once"],
    );
}

#[test]
fn position_without_roles() {
    let mut s = spec();
    s.positions[0].roles.clear();
    let errors = rejected(s);
    assert_eq!(
        errors,
        [Error::PositionWithoutRoles {
            position: "postmaster".into(),
        }]
    );
    assert_messages(&errors, &["position `postmaster` has no roles"]);
}

// ---------------------------------------------------------------------------------------
// Courses
// ---------------------------------------------------------------------------------------

#[test]
fn prerequisite_cycle() {
    let mut s = spec();
    s.courses[0].prerequisites.push("po-accounts".into());
    let errors = rejected(s);
    assert_eq!(
        errors,
        [Error::PrerequisiteCycle {
            courses: vec![
                CourseId::from("accounts-101"),
                CourseId::from("po-accounts")
            ],
        }]
    );
    assert_messages(
        &errors,
        &["prerequisite cycle: `accounts-101` -> `po-accounts` -> `accounts-101`"],
    );
}

#[test]
fn group_cycle() {
    let mut s = spec();
    let mut area = GroupSpec::new("area", "Office procedure");
    area.parents.push("theme".into());
    let mut theme = GroupSpec::new("theme", "Noting");
    theme.parents.push("area".into());
    s.groups = vec![theme, area];
    let errors = rejected(s);
    assert_eq!(
        errors,
        [Error::GroupCycle {
            groups: vec![GroupId::from("area"), GroupId::from("theme")],
        }]
    );
    assert_messages(&errors, &["group cycle: `area` -> `theme` -> `area`"]);
}

#[test]
fn invalid_group_rule() {
    let mut s = spec();
    let mut empty = GroupSpec::new("empty", "Nothing below");
    empty.rule = Some(GroupRule {
        competency: "accounts".into(),
        level: 2,
        level_name: None,
        at_least: None,
    });
    let mut finance = GroupSpec::new("finance", "Finance");
    finance.rule = Some(GroupRule {
        competency: "accounts".into(),
        level: 2,
        level_name: None,
        at_least: Some(3),
    });
    s.groups = vec![empty, finance];
    s.competencies[1].groups = vec!["finance".into()];
    s.competencies[2].groups = vec!["finance".into()];
    let errors = rejected(s);
    assert_eq!(
        errors,
        [
            Error::InvalidGroupRule {
                group: "empty".into(),
                at_least: None,
                children: 0,
            },
            Error::InvalidGroupRule {
                group: "finance".into(),
                at_least: Some(3),
                children: 2,
            },
        ]
    );
    assert_messages(
        &errors,
        &[
            "group `empty` has a rule but no child to infer it from: expected a competency in \
             the group or a child group with a rule",
            "rule of group `finance` needs 3 of its 2 children: expected 1 to 2",
        ],
    );
}

#[test]
fn group_rule_cycle() {
    // `accounts` stands for group `a`, which holds `integrity`; `integrity` stands for
    // group `b`, which holds `accounts`.
    let mut s = spec();
    let rule = |c: &str| {
        Some(GroupRule {
            competency: c.into(),
            level: 1,
            level_name: None,
            at_least: None,
        })
    };
    let mut a = GroupSpec::new("a", "Accounts");
    a.rule = rule("accounts");
    let mut b = GroupSpec::new("b", "Integrity");
    b.rule = rule("integrity");
    s.groups = vec![b, a];
    s.competencies[0].groups = vec!["b".into()];
    s.competencies[1].groups = vec!["a".into()];
    let errors = rejected(s);
    assert_eq!(
        errors,
        [Error::GroupRuleCycle {
            groups: vec![GroupId::from("a"), GroupId::from("b")],
        }]
    );
    assert_messages(&errors, &["group rule cycle: `a` -> `b` -> `a`"]);
}

#[test]
fn invalid_hours() {
    let mut s = spec();
    s.courses[0].hours = 0.0;
    s.courses[1].hours = f64::NAN;
    let errors = rejected(s);
    assert_eq!(errors.len(), 2, "{errors:?}");
    let [
        Error::InvalidHours {
            course: zero,
            hours: zero_hours,
        },
        Error::InvalidHours {
            course: nan,
            hours: nan_hours,
        },
    ] = errors.as_slice()
    else {
        panic!("expected two invalid hours, found {errors:?}");
    };
    assert_eq!((zero.as_str(), *zero_hours), ("accounts-101", 0.0));
    assert_eq!(nan.as_str(), "po-accounts");
    assert!(nan_hours.is_nan());
    assert_messages(
        &errors,
        &[
            "course `accounts-101` has 0 hours: expected a number from 5e-13 to 10000 (hours are held in whole pico-hours, 1e-12 h, to the nearest with halves rounding up, so 5e-13 is the smallest above 0)",
            "course `po-accounts` has NaN hours: expected a number from 5e-13 to 10000 (hours are held in whole pico-hours, 1e-12 h, to the nearest with halves rounding up, so 5e-13 is the smallest above 0)",
        ],
    );
}

// ---------------------------------------------------------------------------------------
// Officers and policies
// ---------------------------------------------------------------------------------------

/// Nine passbook entries, each wrong in its own way: three malformed dates, a level above
/// the scale, an unknown competency, and four course completions (above the course's
/// level, of a competency the course does not build, naming no course, naming an unknown
/// course).
fn wrong_entries() -> Vec<Evidence> {
    vec![
        assessed("accounts", 2, "2025-02-30"),
        assessed("accounts", 2, "31/12/2024"),
        assessed("accounts", 2, "2024-03-15\r"),
        assessed("integrity", 5, "2025-06-30"),
        assessed("acounts", 1, ""),
        completion("accounts", 3, Some("accounts-101")),
        completion("integrity", 1, Some("accounts-101")),
        completion("accounts", 2, None),
        completion("accounts", 2, Some("acounts-101")),
    ]
}

#[allow(clippy::too_many_lines)] // one entry and one message per problem: the list is the point
#[test]
fn invalid_evidence() {
    let fw = framework();
    let o = officer("o1", wrong_entries());
    let errors = Profile::new(&fw, &o, &LevelPolicy::default())
        .expect_err("nine wrong entries")
        .into_vec();
    let entry = |index, competency: &str, problem| Error::InvalidEvidence {
        officer: "o1".into(),
        index,
        competency: competency.into(),
        problem,
    };
    assert_eq!(
        errors,
        [
            entry(
                0,
                "accounts",
                EvidenceProblem::InvalidDate {
                    found: "2025-02-30".into(),
                    suggestion: None,
                    two_digit_year: Box::default(),
                }
            ),
            entry(
                1,
                "accounts",
                EvidenceProblem::InvalidDate {
                    found: "31/12/2024".into(),
                    suggestion: Some("2024-12-31".into()),
                    two_digit_year: Box::default(),
                }
            ),
            entry(
                2,
                "accounts",
                EvidenceProblem::InvalidDate {
                    found: "2024-03-15\r".into(),
                    suggestion: Some("2024-03-15".into()),
                    two_digit_year: Box::default(),
                }
            ),
            entry(
                3,
                "integrity",
                EvidenceProblem::LevelAboveScale {
                    level: 5,
                    min: 1,
                    max: 3
                }
            ),
            entry(
                4,
                "acounts",
                EvidenceProblem::UnknownCompetency {
                    nearest: Some("accounts".into()),
                    quote_nearest: false,
                }
            ),
            entry(
                5,
                "accounts",
                EvidenceProblem::AboveCourseLevel {
                    course: "accounts-101".into(),
                    level: 3,
                    course_level: 2
                }
            ),
            entry(
                6,
                "integrity",
                EvidenceProblem::CourseDoesNotBuild {
                    course: "accounts-101".into()
                }
            ),
            entry(7, "accounts", EvidenceProblem::CompletionWithoutCourse),
            entry(
                8,
                "accounts",
                EvidenceProblem::UnknownCourse {
                    course: "acounts-101".into(),
                    nearest: Some("accounts-101".into()),
                    quote_nearest: false,
                }
            ),
        ]
    );
    assert_messages(
        &errors,
        &[
            "officer `o1` passbook entry 0 (competency `accounts`): date `2025-02-30` is not an \
             iso date: expected yyyy-mm-dd, an iso 8601 date-time, or no date",
            "officer `o1` passbook entry 1 (competency `accounts`): date `31/12/2024` is not an \
             iso date: expected yyyy-mm-dd, an iso 8601 date-time, or no date (did you mean \
             `2024-12-31`?)",
            "officer `o1` passbook entry 2 (competency `accounts`): date \"2024-03-15\\r\" is not \
             an iso date: expected yyyy-mm-dd, an iso 8601 date-time, or no date (did you mean \
             `2024-03-15`?)",
            "officer `o1` passbook entry 3 (competency `integrity`): level 5: expected 0 to 3",
            "officer `o1` passbook entry 4 (competency `acounts`): unknown competency, did you \
             mean `accounts`?",
            "officer `o1` passbook entry 5 (competency `accounts`): level 3 is above level 2, the \
             level course `accounts-101` builds it to",
            "officer `o1` passbook entry 6 (competency `integrity`): course `accounts-101` does \
             not build this competency",
            "officer `o1` passbook entry 7 (competency `accounts`): a course completion names no \
             course: expected the course's id",
            "officer `o1` passbook entry 8 (competency `accounts`): unknown course \
             `acounts-101`, did you mean `accounts-101`?",
        ],
    );
}

#[test]
fn invalid_evidence_codes_and_warnings() {
    let fw = framework();
    // The entries with a malformed date but the first: one of each kind of problem.
    let mut entries = wrong_entries();
    entries.drain(1..3);
    let o = officer("o1", entries);
    let errors = Profile::new(&fw, &o, &LevelPolicy::default())
        .expect_err("seven wrong entries")
        .into_vec();
    let codes: Vec<&str> = errors
        .iter()
        .map(|e| match e {
            Error::InvalidEvidence { problem, .. } => problem.code(),
            other => other.code(),
        })
        .collect();
    assert_eq!(
        codes,
        [
            "invalid_date",
            "level_above_scale",
            "unknown_competency",
            "above_course_level",
            "course_does_not_build",
            "completion_without_course",
            "unknown_course",
        ]
    );

    // The sixth problem, seen by a review as of a date before the evidence.
    let o = officer("o2", vec![assessed("accounts", 2, "2026-01-15T10:00:00Z")]);
    let warnings = fw.review_officers(
        [&o],
        &ReviewOptions::default()
            .as_of("2025-12-31")
            .expect("a date"),
    );
    assert_eq!(
        warnings,
        [Error::InvalidEvidence {
            officer: "o2".into(),
            index: 0,
            competency: "accounts".into(),
            problem: EvidenceProblem::AfterAsOf {
                date: "2026-01-15T10:00:00Z".into(),
                as_of: "2025-12-31".into()
            },
        }]
    );
    assert_messages(
        &warnings,
        &[
            "officer `o2` passbook entry 0 (competency `accounts`): dated `2026-01-15T10:00:00Z`, \
           after the as-of date `2025-12-31`",
        ],
    );
}

#[test]
fn department_mismatch() {
    let fw = framework();
    let mut o = officer("o1", vec![]);
    o.department = "revenue".into();
    let warnings = fw.review_officers([&o], &ReviewOptions::default());
    assert_eq!(
        warnings,
        [Error::DepartmentMismatch {
            officer: "o1".into(),
            department: "revenue".into(),
            position: "postmaster".into(),
            position_department: "posts".into(),
        }]
    );
    assert_messages(
        &warnings,
        &["officer `o1` is in department `revenue` but position `postmaster` belongs to `posts`"],
    );
}

#[test]
fn invalid_policy_date() {
    let error = LevelPolicy::default()
        .not_before("01/04/2022")
        .expect_err("not iso");
    assert_eq!(
        error,
        Error::InvalidPolicyDate {
            value: "01/04/2022".to_owned(),
        }
    );
    assert_eq!(
        error.to_string(),
        "policy date `01/04/2022` is not an iso date: expected yyyy-mm-dd"
    );
    let error = LevelPolicy::default()
        .not_before("30/04/2022")
        .expect_err("day first");
    assert_eq!(
        error.to_string(),
        "policy date `30/04/2022` is not an iso date: expected yyyy-mm-dd (did you mean \
         `2022-04-30`?)"
    );
}

// ---------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------

#[test]
fn unknown_id() {
    let fw = framework();
    let p = profile(&fw);
    let c = cohort(&fw);

    let error = fw
        .recommend(&p, "ghost", &RecommendOptions::default())
        .map_err(crate::support::the_only)
        .expect_err("unknown position");
    assert_unknown_id(
        &error,
        EntityKind::Position,
        "ghost",
        "unknown position `ghost`",
    );

    let options = RecommendOptions::default()
        .competency_weight("typing", 2.0)
        .expect("a valid weight");
    let error = fw
        .recommend(&p, "postmaster", &options)
        .map_err(crate::support::the_only)
        .expect_err("unknown competency weight");
    assert_unknown_id(
        &error,
        EntityKind::Competency,
        "typing",
        "unknown competency `typing`",
    );

    let target = Target {
        competency: "typing".into(),
        current: Level::NONE,
        required: Level::new(2).expect("a level"),
    };
    let errors = fw
        .recommend_targets(
            &[target],
            &[CourseId::from("typing-101")],
            &RecommendOptions::default(),
        )
        .expect_err("unknown competency and course")
        .into_vec();
    assert_eq!(
        errors,
        [
            Error::UnknownId {
                kind: EntityKind::Competency,
                id: "typing".into(),
                nearest: None,
            },
            Error::UnknownId {
                kind: EntityKind::Course,
                id: "typing-101".into(),
                nearest: None,
            },
        ]
    );
    assert_messages(
        &errors,
        &["unknown competency `typing`", "unknown course `typing-101`"],
    );

    let error = fw
        .department_plan(&c, &AcbpOptions::default().seats("typing-101", 10))
        .map_err(crate::support::the_only)
        .expect_err("unknown course");
    assert_unknown_id(
        &error,
        EntityKind::Course,
        "typing-101",
        "unknown course `typing-101`",
    );

    let error = fw
        .successors(&c, "ghost", &CareerOptions::default())
        .map_err(crate::support::the_only)
        .expect_err("unknown position");
    assert_unknown_id(
        &error,
        EntityKind::Position,
        "ghost",
        "unknown position `ghost`",
    );
}

#[test]
fn unknown_id_of_a_department() {
    let fw = framework();
    let p = profile(&fw);
    let c = cohort(&fw);
    // A department in any option: the nearest known one when one is close.
    let error = fw
        .training_needs(&c, &NeedsOptions::default().department("post"))
        .expect_err("unknown department");
    assert_eq!(
        error,
        Error::UnknownId {
            kind: EntityKind::Department,
            id: "post".into(),
            nearest: Some("posts".into()),
        }
    );
    assert_eq!(
        error.to_string(),
        "unknown department `post`, did you mean `posts`?"
    );
    let error = fw
        .career_paths(&p, &CareerOptions::default().department("posts\t"))
        .expect_err("a tab after the department");
    assert_eq!(
        error.to_string(),
        r#"unknown department "posts\t", did you mean `posts`?"#
    );
}

#[test]
fn framework_mismatch() {
    // Two frameworks from the same text are still two frameworks.
    let (fw, other) = (framework(), framework());
    let (p, c) = (profile(&other), cohort(&other));
    let expected = "the profile or cohort was built from a different framework";

    let error = fw
        .recommend(&p, "postmaster", &RecommendOptions::default())
        .map_err(crate::support::the_only)
        .expect_err("profile from another framework");
    assert_eq!(error, Error::FrameworkMismatch);
    assert_eq!(error.to_string(), expected);

    let error = fw
        .career_paths(&p, &CareerOptions::default())
        .expect_err("profile from another framework");
    assert_eq!(error, Error::FrameworkMismatch);
    assert_eq!(error.to_string(), expected);

    let error = fw
        .department_plan(&c, &AcbpOptions::default())
        .map_err(crate::support::the_only)
        .expect_err("cohort from another framework");
    assert_eq!(error, Error::FrameworkMismatch);
    assert_eq!(error.to_string(), expected);

    let error = fw
        .successors(&c, "postmaster", &CareerOptions::default())
        .map_err(crate::support::the_only)
        .expect_err("cohort from another framework");
    assert_eq!(error, Error::FrameworkMismatch);
    assert_eq!(error.to_string(), expected);

    let mine = cohort(&fw);
    let error = fw
        .compare(&mine, &c, &CompareOptions::default())
        .expect_err("after cohort from another framework");
    assert_eq!(error, Error::FrameworkMismatch);
    assert_eq!(error.to_string(), expected);
}

// ---------------------------------------------------------------------------------------
// Weights and options
// ---------------------------------------------------------------------------------------

/// Asserts an [`Error::InvalidWeight`] field by field (the value may be NaN) and its text.
#[track_caller]
fn assert_invalid_weight(error: &Error, name: &str, value: f64, message: &str) {
    let Error::InvalidWeight {
        name: found_name,
        value: found_value,
    } = error
    else {
        panic!("expected an invalid weight, found {error:?}");
    };
    assert_eq!(*found_name, name);
    if value.is_nan() {
        assert!(found_value.is_nan(), "{found_value}");
    } else {
        assert_eq!(
            found_value.to_bits(),
            value.to_bits(),
            "{found_value} != {value}"
        );
    }
    assert_eq!(error.to_string(), message);
}

#[test]
fn invalid_weight() {
    let error = Weights::new(1.0, -1.0, 1.0).expect_err("a negative weight");
    assert_eq!(
        error,
        Error::InvalidWeight {
            name: "functional",
            value: -1.0,
        }
    );
    assert_eq!(
        error.to_string(),
        "weight `functional` is -1: expected 0 or a number from 1e-9 to 1e9"
    );
    let error = Weights::new(f64::NAN, 1.0, 1.0).expect_err("a NaN weight");
    assert_invalid_weight(
        &error,
        "behavioural",
        f64::NAN,
        "weight `behavioural` is NaN: expected 0 or a number from 1e-9 to 1e9",
    );
    let error = Weights::new(1.0, 1.0, f64::INFINITY).expect_err("an infinite weight");
    assert_invalid_weight(
        &error,
        "domain",
        f64::INFINITY,
        "weight `domain` is inf: expected 0 or a number from 1e-9 to 1e9",
    );
}

/// A value far out of range is shown in scientific notation, not as hundreds of digits:
/// `1e308` hours printed as Rust prints an `f64` would be a 309-digit number.
#[test]
fn numbers_far_out_of_range_are_shown_short() {
    let mut s = spec();
    s.courses[0].hours = 1e308;
    s.courses[1].hours = 1e-300;
    let errors = rejected(s);
    assert_eq!(errors.len(), 2, "{errors:?}");
    let rule = "expected a number from 5e-13 to 10000 (hours are held in whole pico-hours, \
        1e-12 h, to the nearest with halves rounding up, so 5e-13 is the smallest above 0)";
    assert_messages(
        &errors,
        &[
            &format!("course `accounts-101` has 1e308 hours: {rule}"),
            &format!("course `po-accounts` has 1e-300 hours: {rule}"),
        ],
    );
    let error = RecommendOptions::default()
        .term_hours(-1e300)
        .expect_err("negative term");
    assert_option_error(
        &error,
        "term_hours",
        -1e300,
        "a finite number of at least 5e-13 (hours are held in whole pico-hours, 1e-12 h, to the nearest with halves rounding up, so 5e-13 is the smallest above 0)",
        "option `term_hours` is -1e300: expected a finite number of at least 5e-13 (hours are held in whole pico-hours, 1e-12 h, to the nearest with halves rounding up, so 5e-13 is the smallest above 0)",
    );
    let error = Weights::new(1.0, -1e-20, 1.0).expect_err("a negative weight");
    assert_eq!(
        error.to_string(),
        "weight `functional` is -1e-20: expected 0 or a number from 1e-9 to 1e9"
    );
    let error = RecommendOptions::default()
        .competency_weight("accounts", -1e200)
        .expect_err("negative weight");
    assert_eq!(
        error.to_string(),
        "weight of competency `accounts` is -1e200: expected 0 or a number from 1e-9 to 1e9"
    );
}

/// Asserts an option error (its value may be NaN) and its text.
#[track_caller]
fn assert_option_error(error: &Error, name: &str, value: f64, expected: &str, message: &str) {
    let Error::InvalidOption {
        option,
        value: found,
        expected: wanted,
    } = error
    else {
        panic!("expected an invalid option, found {error:?}");
    };
    assert_eq!((*option, *wanted), (name, expected));
    assert!(
        found.to_bits() == value.to_bits() || (found.is_nan() && value.is_nan()),
        "{found} != {value}"
    );
    assert_eq!(error.to_string(), message);
}

#[test]
fn invalid_option_of_plans() {
    let r = RecommendOptions::default;
    let error = r().budget(-1.0).expect_err("negative budget");
    let at_least = "a finite number at least 0";
    assert_option_error(
        &error,
        "budget",
        -1.0,
        at_least,
        "option `budget` is -1: expected a finite number at least 0",
    );
    let error = r().term_hours(0.0).expect_err("zero term");
    assert_option_error(
        &error,
        "term_hours",
        0.0,
        "a finite number of at least 5e-13 (hours are held in whole pico-hours, 1e-12 h, to the nearest with halves rounding up, so 5e-13 is the smallest above 0)",
        "option `term_hours` is 0: expected a finite number of at least 5e-13 (hours are held in whole pico-hours, 1e-12 h, to the nearest with halves rounding up, so 5e-13 is the smallest above 0)",
    );
    let error = r().max_formal_share(1.5).expect_err("share above 1");
    assert_option_error(
        &error,
        "max_formal_share",
        1.5,
        "a number from 1e-9 to 1",
        "option `max_formal_share` is 1.5: expected a number from 1e-9 to 1",
    );
    let a = AcbpOptions::default;
    let error = a().budget(-5.0).expect_err("negative budget");
    assert_option_error(
        &error,
        "budget",
        -5.0,
        at_least,
        "option `budget` is -5: expected a finite number at least 0",
    );
    let error = a().officer_cap(f64::NAN).expect_err("NaN cap");
    assert_option_error(
        &error,
        "officer_cap",
        f64::NAN,
        at_least,
        "option `officer_cap` is NaN: expected a finite number at least 0",
    );
}

#[test]
fn invalid_id_weight() {
    let error = RecommendOptions::default()
        .competency_weight("accounts", -0.5)
        .expect_err("negative weight");
    assert_eq!(
        error,
        Error::InvalidIdWeight {
            kind: EntityKind::Competency,
            id: "accounts".into(),
            value: -0.5
        }
    );
    assert_eq!(
        error.to_string(),
        "weight of competency `accounts` is -0.5: expected 0 or a number from 1e-9 to 1e9"
    );
    let error = AcbpOptions::default()
        .position_weight("postmaster", -2.0)
        .expect_err("negative weight");
    assert_eq!(
        error,
        Error::InvalidIdWeight {
            kind: EntityKind::Position,
            id: "postmaster".into(),
            value: -2.0
        }
    );
    assert_eq!(
        error.to_string(),
        "weight of position `postmaster` is -2: expected 0 or a number from 1e-9 to 1e9"
    );
    let error = AcbpOptions::default()
        .competency_weight("integrity", f64::INFINITY)
        .expect_err("infinite weight");
    assert_eq!(
        error.to_string(),
        "weight of competency `integrity` is inf: expected 0 or a number from 1e-9 to 1e9"
    );
}

// ---------------------------------------------------------------------------------------
// Capacity
// ---------------------------------------------------------------------------------------

/// Not provoked: it needs more than 2²⁸ − 1 entities of one kind in a spec, or 2³² − 1
/// officers, id bytes or held levels in one cohort — gigabytes of input. So the variant is
/// built directly, as the cohort builds it.
#[test]
fn capacity_exceeded() {
    let error = Error::CapacityExceeded {
        what: "officers, ids, names or held levels in one cohort",
        limit: u64::from(u32::MAX),
    };
    assert_eq!(
        error.to_string(),
        "too many officers, ids, names or held levels in one cohort: at most 4294967295"
    );
    let error = Error::CapacityExceeded {
        what: "competencies",
        limit: u64::from(u32::MAX >> 4),
    };
    assert_eq!(
        error.to_string(),
        "too many competencies: at most 268435455"
    );
}

// ---------------------------------------------------------------------------------------
// CASE import and export
// ---------------------------------------------------------------------------------------

#[test]
fn case_missing_document() {
    let errors = case_rejected(&json!({"CFItems": []}));
    assert_eq!(
        errors,
        [Error::CaseMissingDocument {
            documents: Vec::new()
        }]
    );
    assert_messages(&errors, &["case package has no CFDocument"]);
}

#[test]
fn case_several_documents() {
    let mut two = package(&json!([]), &json!([]), &json!([]));
    let document = two["CFDocument"].clone();
    let mut other = document.clone();
    other["identifier"] = json!("d2");
    two["CFDocument"] = json!([document, other]);
    let errors = case_rejected(&two);
    assert_eq!(
        errors,
        [Error::CaseSeveralDocuments {
            documents: vec![DOC.to_owned(), "d2".to_owned()]
        }]
    );
    assert_messages(
        &errors,
        &[&format!(
            "case package holds 2 CFDocuments: `{DOC}`, `d2`: expected one, a package is one \
             framework"
        )],
    );
}

#[test]
fn case_missing_identifier() {
    let items = json!([
        case_item(&item(1), "Drafts notes"),
        case_item(" ", "Keeps files")
    ]);
    let errors = case_rejected(&package(&items, &json!([]), &json!([])));
    assert_eq!(
        errors,
        [Error::CaseMissingIdentifier {
            element: CaseElement::Item,
            path: "CFItems[1]".to_owned(),
        }]
    );
    assert_messages(&errors, &["no identifier on CFItem at CFItems[1]"]);
}

/// Only export requires fields: on import, an item nothing names is set aside and
/// reported (`tests/suite/cases.rs`, case 13).
#[test]
fn case_missing_field() {
    // A document without a creator.
    let mut document = case_document();
    document.creator = " ".to_owned();
    let errors = export_rejected(&framework(), &document, &CaseExportOptions::default());
    assert_eq!(
        errors,
        [Error::CaseMissingField {
            element: CaseElement::Document,
            identifier: DOC.to_owned(),
            field: "creator",
        }]
    );
    assert_messages(
        &errors,
        &["no creator on CFDocument `d0000000-0000-4000-8000-000000000000`"],
    );
}

#[test]
fn case_field_name() {
    // Another case alone is CASE's name (`tests/suite/case_field_case.rs`); with `_` or
    // `-` it is a misnamed field.
    let items = json!([
        {"_identifier": item(1), "fullStatement": "Drafts notes"},
        {"identifier": item(2), "full_statement": "Keeps files"},
    ]);
    let errors = case_rejected(&package(&items, &json!([]), &json!([])));
    assert_eq!(
        errors,
        [
            Error::CaseFieldName {
                path: "CFItems[0]".to_owned(),
                found: "_identifier".to_owned(),
                expected: "identifier",
            },
            Error::CaseFieldName {
                path: "CFItems[1]".to_owned(),
                found: "full_statement".to_owned(),
                expected: "fullStatement",
            },
        ]
    );
    // One problem, one error: the misnamed field is not also reported missing.
    assert_messages(
        &errors,
        &[
            "case field `_identifier` at CFItems[0]: expected `identifier`",
            "case field `full_statement` at CFItems[1]: expected `fullStatement`",
        ],
    );
}

#[test]
fn case_field_type() {
    // A statement of another type is not among them: the item is named by another
    // field, or set aside (`tests/suite/cases.rs`, case 13).
    let items = json!([{"identifier": item(1), "fullStatement": 5}]);
    let associations = json!([
        {"identifier": "e1", "associationType": "isChildOf",
         "originNodeURI": {"identifier": 7}, "destinationNodeURI": {"identifier": DOC}},
    ]);
    let errors = case_rejected(&package(&items, &associations, &json!(["rubric"])));
    assert_eq!(
        errors,
        [
            Error::CaseFieldType {
                path: "CFPackage.CFRubrics[0]".to_owned(),
                found: "a string",
                expected: "an object",
            },
            Error::CaseFieldType {
                path: "CFAssociations[0].originNodeURI.identifier".to_owned(),
                found: "an integer",
                expected: "a string (or a `uri` naming the node)",
            },
        ]
    );
    assert_messages(
        &errors,
        &[
            "case field CFPackage.CFRubrics[0] is a string: expected an object",
            "case field CFAssociations[0].originNodeURI.identifier is an integer: expected a \
             string (or a `uri` naming the node)",
        ],
    );
}

#[test]
fn case_duplicate_identifier() {
    let items = json!([
        case_item(&item(1), "Drafts notes"),
        case_item(&item(1), "Keeps files")
    ]);
    let errors = case_rejected(&package(&items, &json!([]), &json!([])));
    assert_eq!(
        errors,
        [Error::CaseDuplicateIdentifier {
            identifier: item(1),
            path: "CFItems[1]".to_owned(),
            earlier: item(1),
            earlier_path: "CFItems[0]".to_owned(),
        }]
    );
    assert_messages(
        &errors,
        &[
            "duplicate case identifier `c0000000-0000-4000-8000-000000000001` at CFItems[1]: \
           CFItems[0] has it too",
        ],
    );

    // On export a competency whose id is the document's identifier exports under a
    // derived identifier (tests/suite/case.rs), so only import reports duplicates.
}

#[test]
fn case_duplicate_id() {
    // Imported by `humanCodingScheme`, the first item's code is the second's identifier:
    // both would be competency `Nöting`, so the error names both items, where each is and
    // which field gave each the id, escaped as every id in a message is.
    let mut first = case_item(&item(1), "Drafts notes");
    first["humanCodingScheme"] = json!("Nöting");
    let items = json!([first, case_item("Nöting", "Keeps files")]);
    let options = CaseImportOptions::default().ids(karmayogi::CaseIds::HumanCodingScheme);
    let errors = CaseImport::from_json(
        &package(&items, &json!([]), &json!([])).to_string(),
        &options,
    )
    .expect_err("the package should be rejected")
    .into_vec();
    assert_eq!(
        errors,
        [Error::CaseDuplicateId {
            kind: EntityKind::Competency,
            id: "Nöting".to_owned(),
            items: Box::new(karmayogi::CaseIdItems {
                identifier: "Nöting".to_owned(),
                path: "CFItems[1]".to_owned(),
                field: "identifier",
                earlier: item(1),
                earlier_path: "CFItems[0]".to_owned(),
                earlier_field: "humanCodingScheme",
            }),
        }]
    );
    // Serialized as one flat object, as every error is.
    let value = serde_json::to_value(&errors[0]).unwrap();
    assert_eq!(value["code"], "case_duplicate_id");
    assert_eq!(value["earlier_path"], "CFItems[0]");
    assert_eq!(value["field"], "identifier");
    assert!(value.get("items").is_none(), "{value}");
    assert_messages(
        &errors,
        &[
            "duplicate competency id `Nöting` at CFItems[1] (identifier `Nöting`, id \
             from its identifier): CFItems[0] (identifier \
             `c0000000-0000-4000-8000-000000000001`, id from its humanCodingScheme) has it too",
        ],
    );
}

#[test]
fn case_conflicting_identifiers() {
    let mut s = spec();
    s.competencies[0].area = Some("Accounts".to_owned());
    let fw = Framework::new(s).expect("a valid framework");
    let options = CaseExportOptions::default()
        .area_identifier("Accounts", item(1))
        .group_identifier("area:Accounts", item(2).to_uppercase());
    let errors = export_rejected(&fw, &case_document(), &options);
    assert_eq!(
        errors,
        [Error::CaseConflictingIdentifiers {
            group: GroupId::from("area:Accounts"),
            identifiers: vec![item(1), item(2)],
        }]
    );
    assert_messages(
        &errors,
        &["group `area:Accounts` is given 2 case identifiers: \
           `c0000000-0000-4000-8000-000000000001`, `c0000000-0000-4000-8000-000000000002`: \
           expected one"],
    );
    // The same identifier twice, in another case, is one identifier.
    let same = CaseExportOptions::default()
        .area_identifier("Accounts", item(1))
        .group_identifier("area:Accounts", item(1).to_uppercase());
    let package = CasePackage::from_framework(&fw, &case_document(), &same).expect("one");
    assert!(package.items.iter().any(|i| i.identifier == item(1)));
}

#[test]
fn case_identifier_clash() {
    let mut s = spec();
    s.competencies[0].id = item(3).into();
    for r in &mut s.activities[0].requires {
        if r.competency.as_str() == "accounts" {
            r.competency = item(3).into();
        }
    }
    for c in &mut s.courses {
        c.provides[0].competency = item(3).into();
    }
    s.competencies[1].area = Some("Values".to_owned());
    s.competencies[2].area = Some("Operations".to_owned());
    let fw = Framework::new(s).expect("a valid framework");
    let options = CaseExportOptions::default()
        .area_identifier("Values", DOC)
        .area_identifier("Operations", item(3));
    let errors = export_rejected(&fw, &case_document(), &options);
    assert_eq!(
        errors,
        [
            Error::CaseIdentifierClash {
                identifier: DOC.to_owned(),
                group: GroupId::from("area:Values"),
                other_kind: None,
                other: DOC.to_owned(),
            },
            Error::CaseIdentifierClash {
                identifier: item(3),
                group: GroupId::from("area:Operations"),
                other_kind: Some(EntityKind::Competency),
                other: item(3),
            },
        ]
    );
    assert_messages(
        &errors,
        &[
            "case identifier `d0000000-0000-4000-8000-000000000000` given for group \
             `area:Values` is already the document's",
            "case identifier `c0000000-0000-4000-8000-000000000003` given for group \
             `area:Operations` is already competency `c0000000-0000-4000-8000-000000000003`'s",
        ],
    );
    // Two groups given one identifier: the second named with the first.
    let options = CaseExportOptions::default()
        .area_identifier("Values", item(4))
        .area_identifier("Operations", item(4));
    let errors = export_rejected(&fw, &case_document(), &options);
    assert_messages(
        &errors,
        &[
            "case identifier `c0000000-0000-4000-8000-000000000004` given for group \
           `area:Values` is already group `area:Operations`'s",
        ],
    );
}

#[test]
fn case_child_of_cycle() {
    let items = json!([
        case_item(&item(2), "Drafts notes"),
        case_item(&item(1), "Keeps files")
    ]);
    let associations = json!([
        child_of("e1", &item(1), &item(2)),
        child_of("e2", &item(2), &item(1)),
    ]);
    let errors = case_rejected(&package(&items, &associations, &json!([])));
    assert_eq!(
        errors,
        [Error::CaseChildOfCycle {
            items: vec![item(1), item(2)],
        }]
    );
    assert_messages(
        &errors,
        &[
            "isChildOf cycle through CFItems `c0000000-0000-4000-8000-000000000001`, \
             `c0000000-0000-4000-8000-000000000002`",
        ],
    );
}

#[test]
fn case_invalid_identifier() {
    let fw = framework();
    let mut document = case_document();
    // A document identifier that is not a CASE UUID gives a derived one, unless it holds
    // an invisible character (here a zero-width space), which deriving would hide.
    document.identifier = "MATH\u{200b}2024".to_owned();
    let options = CaseExportOptions::default().area_identifier("Office", "area-1");
    let errors = export_rejected(&fw, &document, &options);
    assert_eq!(
        errors,
        [
            Error::CaseInvalidIdentifier {
                identifier: "MATH\u{200b}2024".to_owned(),
            },
            Error::CaseInvalidIdentifier {
                identifier: "area-1".to_owned(),
            },
        ]
    );
    assert_messages(
        &errors,
        &[
            "case identifier \"MATH\\u{200b}2024\" is not a uuid: expected 8-4-4-4-12 hex \
             digits, version 1 to 5",
            "case identifier `area-1` is not a uuid: expected 8-4-4-4-12 hex digits, version 1 \
             to 5",
        ],
    );
}

#[test]
fn case_item_type_name() {
    let options = CaseExportOptions::default()
        .item_type(CompetencyType::Domain, " ")
        .group_item_type(GroupKind::Theme, "functional competency");
    let errors = export_rejected(&framework(), &case_document(), &options);
    assert_eq!(
        errors,
        [
            Error::CaseItemTypeName {
                name: "Functional Competency".to_owned(),
            },
            Error::CaseItemTypeName {
                name: " ".to_owned(),
            },
        ]
    );
    assert_messages(
        &errors,
        &[
            "export CFItemType `Functional Competency` is blank or names two kinds of element: \
             expected one non-blank name per kind",
            "export CFItemType \"\\u{20}\" is blank or names two kinds of element: expected one \
             non-blank name per kind",
        ],
    );
}

#[test]
fn case_text_on_several_lines() {
    let mut document = case_document();
    document.title = "Office\nprocedure".to_owned();
    let mut spec = FrameworkSpec::from_json(BASE).expect("the base spec reads");
    spec.competencies[0].name = "Noting\tand drafting".to_owned();
    spec.competencies[0].description = "Writes notes on files.".to_owned();
    let framework = Framework::new(spec).expect("the framework builds");
    let errors = export_rejected(&framework, &document, &CaseExportOptions::default());
    let id = framework.competencies()[0].id.to_string();
    assert_eq!(
        errors,
        [
            Error::CaseTextOnSeveralLines {
                element: CaseElement::Document,
                id: document.identifier.clone(),
                level: None,
                field: "title",
                value: "Office\nprocedure".to_owned(),
            },
            Error::CaseTextOnSeveralLines {
                element: CaseElement::Item,
                id: id.clone(),
                level: None,
                field: "abbreviatedStatement",
                value: "Noting\tand drafting".to_owned(),
            },
        ]
    );
    assert_messages(
        &errors,
        &[
            &format!(
                "export CFDocument `{}`: title \"Office\\nprocedure\" holds a tab or line \
                 break: expected text on one line, as CASE's NormalizedString",
                document.identifier
            ),
            &format!(
                "export CFItem `{id}`: abbreviatedStatement \"Noting\\tand drafting\" holds \
                 a tab or line break: expected text on one line, as CASE's NormalizedString"
            ),
        ],
    );
}

#[test]
fn case_invalid_date_time() {
    let mut document = case_document();
    document.last_change_date_time = "15/01/2025 10:00".to_owned();
    let errors = export_rejected(&framework(), &document, &CaseExportOptions::default());
    assert_eq!(
        errors,
        [Error::CaseInvalidDateTime {
            value: "15/01/2025 10:00".to_owned(),
        }]
    );
    assert_messages(
        &errors,
        &[
            "lastChangeDateTime `15/01/2025 10:00` is not an iso 8601 date-time: expected \
             yyyy-mm-ddThh:mm:ss, optional fraction and time zone (an offset, or UTC, GMT, \
             IST or an RFC 5322 zone after a space), or a date",
        ],
    );
}

// ---------------------------------------------------------------------------------------
// CSV loaders
// ---------------------------------------------------------------------------------------

#[test]
fn csv_unclosed_quote() {
    let skills = "skill_id,uuid,skill_type,reuse_level,hier_level,label\n\
                  3,s3,skill/competence,cross-sector,,draft rules\n\
                  4,s4,knowledge,sector-specific,,public finance\n\
                  5,s5,knowledge,sector-specific,,\"public\nworks\n";
    let errors = skills_rejected(skills);
    assert_eq!(
        errors,
        [Error::CsvUnclosedQuote {
            file: "esco/skills.csv",
            line: 4,
        }]
    );
    assert_messages(
        &errors,
        &["esco/skills.csv line 4: a quoted field opened here is never closed"],
    );
}

#[test]
fn csv_misplaced_quote() {
    let occupations = "occ_id,uuid,isco_group,esco_code,label\n\
                       7,u7,2422,2422.1,policy officer\n\
                       8,u\"8,2422,2422.2,desk officer\n";
    let errors = esco_rejected(
        occupations,
        ESCO_SKILLS,
        ESCO_LINKS,
        &EscoOptions::default(),
    );
    assert_eq!(
        errors,
        [Error::CsvMisplacedQuote {
            file: "esco/occupations.csv",
            line: 3,
            field: 2,
        }]
    );
    assert_messages(
        &errors,
        &[
            "esco/occupations.csv line 3, field 2: misplaced quote, expected the whole field \
             in quotes with inner quotes doubled",
        ],
    );
}

#[test]
fn csv_field_count() {
    let links = "occ_id,skill_id,relation\n7,4,O\n7,3,E,extra\n";
    let errors = links_rejected(links);
    assert_eq!(
        errors,
        [Error::CsvFieldCount {
            file: "esco/occupation_skills.csv",
            line: 3,
            expected: 3,
            found: 4,
        }]
    );
    assert_messages(
        &errors,
        &["esco/occupation_skills.csv line 3 has 4 fields: expected 3, as in the header"],
    );
}

#[test]
fn csv_repeated_header() {
    // Two exports joined: the second's header (after a byte-order mark, in capitals) is
    // reported, and the rows on either side of it are read (the unknown skill is found).
    let links = "occ_id,skill_id,relation\n7,4,O\n\u{feff}OCC_ID,Skill_Id,RELATION\n7,9,E\n";
    let errors = links_rejected(links);
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_eq!(
        errors[0],
        Error::CsvRepeatedHeader {
            file: "esco/occupation_skills.csv",
            line: 3,
        }
    );
    assert!(matches!(
        &errors[1],
        Error::CsvUnknownReference { line: 4, found, .. } if found == "9"
    ));
    assert_messages(
        &errors[..1],
        &[
            "esco/occupation_skills.csv line 3 repeats the header: two exports joined into one file?",
        ],
    );
}

#[test]
fn csv_encoding() {
    // The links file saved as UTF-16 (little-endian, behind its byte-order mark) and read
    // as UTF-8: NULs between the letters, named by the encoding rather than as columns.
    let mut bytes = vec![0xff, 0xfe];
    for unit in "occ_id,skill_id,relation\n7,4,O\n".encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    let links = String::from_utf8_lossy(&bytes);
    let errors = links_rejected(&links);
    assert_eq!(
        errors,
        [Error::CsvEncoding {
            file: "esco/occupation_skills.csv",
            encoding: "UTF-16LE with a byte-order mark",
        }]
    );
    assert_messages(
        &errors,
        &["esco/occupation_skills.csv is in UTF-16LE with a byte-order mark: expected UTF-8"],
    );
}

#[test]
fn csv_other_layout() {
    // csv/35: O*NET's own `Occupation Data.txt` given as the occupations.
    let occupations = "O*NET-SOC Code\tTitle\tDescription\n11-1011.00\tChief Executives\tPlan\n";
    let elements = "element_id,parent_id,depth,name,description\n2.A,,1,Basic Skills,Skills\n";
    let ratings = "soc,element_id,importance_1_5,level_0_7,recommend_suppress,not_relevant\n";
    let errors = load_onet(
        &OnetCsv::new(occupations, elements, ratings),
        &OnetOptions::default(),
    )
    .expect_err("refused")
    .into_vec();
    let expected = Error::CsvOtherLayout {
        file: "onet/occupations.csv",
        layout: "O*NET's database layout (`Occupation Data.txt`)",
        expected: "the compact layout, `soc,title`",
    };
    assert_eq!(errors, [expected]);
    assert_messages(
        &errors,
        &[
            "onet/occupations.csv is in O*NET's database layout (`Occupation Data.txt`), which \
           this loader does not read: convert it to the compact layout, `soc,title`",
        ],
    );
}

#[test]
fn csv_looks_like_json() {
    // officers/14: an officers document given as `officers.csv` (and as `evidence.csv`,
    // and to the other CSV readers) was read as CSV, and refused for a misplaced quote on
    // a line of its own; the error now says the text is JSON, and nothing else.
    let document = include_str!("../data/cases/officers/14-officers-document-given-as-csv.json");
    let fw = framework();
    let expected = |file: &'static str, found: &'static str, kind: Option<DocumentKind>| {
        vec![Error::CsvLooksLikeJson { file, found, kind }]
    };
    let framework_document = format!("\u{feff}\n  [{document}]");
    for (text, found, kind) in [
        (document, "an object", Some(DocumentKind::Officers)),
        (framework_document.as_str(), "an array", None),
    ] {
        let as_officers = OfficersCsv::new(text);
        let errors = load_officers(&fw, &as_officers, &OfficersCsvOptions::default())
            .expect_err("refused")
            .into_vec();
        assert_eq!(errors, expected("officers.csv", found, kind));
        let cohort = Cohort::from_csv(&fw, &as_officers, &OfficersCsvOptions::default())
            .expect_err("refused")
            .into_vec();
        assert_eq!(cohort, expected("officers.csv", found, kind));
        let as_evidence = OfficersCsv {
            officers: "id,department,position\n",
            evidence: Some(text),
        };
        let errors = load_officers(&fw, &as_evidence, &OfficersCsvOptions::default())
            .expect_err("refused")
            .into_vec();
        assert_eq!(errors, expected("evidence.csv", found, kind));
        assert_eq!(
            links_rejected(text),
            expected("esco/occupation_skills.csv", found, kind)
        );
    }
    let errors = expected("officers.csv", "an object", None);
    assert_messages(
        &errors,
        &["officers.csv looks like JSON (an object): expected CSV, a header line then rows"],
    );
    assert_eq!(errors[0].code(), "csv_looks_like_json");
    let value = serde_json::to_value(&errors[0]).unwrap();
    assert_eq!(value["found"], "an object");
}

#[test]
fn csv_missing_column() {
    let skills = "skill_id,uuid,skill_type,reuse_level,hier_level\n\
                  3,s3,skill/competence,cross-sector,\n\
                  4,s4,knowledge,sector-specific,\n";
    let errors = skills_rejected(skills);
    assert_eq!(
        errors,
        [Error::CsvMissingColumn {
            file: "esco/skills.csv",
            column: "label",
            header_line: None,
            nearest: None,
        }]
    );
    assert_messages(
        &errors,
        &["esco/skills.csv has no column `label` in its header"],
    );
}

#[test]
fn csv_line_above_header() {
    // An HR export's title lines are read past; a line of several cells above the header
    // may be a misplaced header, and is refused.
    let fw = framework();
    let officers = "Officers report\nEmp,Dept,Post\nid,department,position\n";
    let csv = OfficersCsv::new(officers);
    let errors = load_officers(&fw, &csv, &OfficersCsvOptions::default())
        .expect_err("refused")
        .into_vec();
    assert_eq!(
        errors,
        [Error::CsvLineAboveHeader {
            file: "officers.csv",
            line: 2,
            header_line: 3,
            cells: vec!["Emp".into(), "Dept".into(), "Post".into()],
        }]
    );
    assert_messages(
        &errors,
        &[
            "officers.csv line 2, above the header on line 3, has 3 cells (`Emp`, `Dept`, \
           `Post`): only title lines of one cell are read past above a header, and this may \
           be a misplaced header or a row; remove it",
        ],
    );
}

#[test]
fn csv_ambiguous_column() {
    // `Label` and `LABEL` both name the column `label`; `skill_id` is spelt exactly once
    // and also as `SKILL_ID`: each is ambiguous, and both are reported.
    let skills = "skill_id,SKILL_ID,uuid,skill_type,reuse_level,Label,LABEL,hier_level\n\
                  3,3,s3,skill/competence,cross-sector,Drafting,Drafting,\n";
    let errors = skills_rejected(skills);
    assert_eq!(
        errors,
        [
            Error::CsvAmbiguousColumn {
                file: "esco/skills.csv",
                column: "skill_id",
                headers: vec!["skill_id".into(), "SKILL_ID".into()],
            },
            Error::CsvAmbiguousColumn {
                file: "esco/skills.csv",
                column: "label",
                headers: vec!["Label".into(), "LABEL".into()],
            }
        ]
    );
    assert_messages(
        &errors,
        &[
            "esco/skills.csv has 2 headers naming column `skill_id`: `skill_id`, `SKILL_ID`; expected one",
            "esco/skills.csv has 2 headers naming column `label`: `Label`, `LABEL`; expected one",
        ],
    );
    // The same header twice is ambiguous too: the two columns may hold different values.
    let skills = "skill_id,uuid,skill_type,reuse_level,label,label,hier_level\n\
                  3,s3,skill/competence,cross-sector,Drafting,Noting,\n";
    assert_eq!(
        skills_rejected(skills),
        [Error::CsvAmbiguousColumn {
            file: "esco/skills.csv",
            column: "label",
            headers: vec!["label".into(), "label".into()],
        }]
    );
}

#[test]
fn csv_shared_header() {
    // One header cell whose two sides name two columns: neither is read from it.
    let fw = Framework::from_json(
        r#"{"format_version": 2, "competencies": [{"id": "rti", "name": "RTI", "type": "domain"}],
            "roles": [{"id": "r", "name": "R", "requires": [{"competency": "rti", "level": 2}]}],
            "positions": [{"id": "us", "name": "Under Secretary", "department": "dopt", "roles": ["r"]}]}"#,
    )
    .expect("valid");
    let csv = OfficersCsv::new("Emp ID,Dept,Position / Target Position\no1,dopt,us\n");
    let errors = load_officers(&fw, &csv, &OfficersCsvOptions::default())
        .expect_err("a cell naming two columns")
        .into_vec();
    assert_eq!(
        errors,
        [Error::CsvSharedHeader {
            file: "officers.csv",
            position: 3,
            header: "Position / Target Position".into(),
            columns: vec!["position", "target"],
        }]
    );
    assert_messages(
        &errors,
        &[
            "officers.csv header `Position / Target Position` (cell 3) names columns \
             `position`, `target`: expected one column to a cell",
        ],
    );
}

#[test]
fn csv_name_column() {
    // An HR export naming positions by name: the names are never looked up as ids.
    let fw = Framework::from_json(
        r#"{"format_version": 2, "competencies": [{"id": "rti", "name": "RTI", "type": "domain"}],
            "roles": [{"id": "r", "name": "R", "requires": [{"competency": "rti", "level": 2}]}],
            "positions": [{"id": "us", "name": "Under Secretary", "department": "dopt", "roles": ["r"]}]}"#,
    )
    .expect("valid");
    let csv = OfficersCsv::new("Emp ID,Dept,Designation Name\no1,dopt,Under Secretary\n");
    let errors = load_officers(&fw, &csv, &OfficersCsvOptions::default())
        .expect_err("a column of names")
        .into_vec();
    assert_eq!(
        errors,
        [Error::CsvNameColumn {
            file: "officers.csv",
            column: "position",
            header: "Designation Name".into(),
        }]
    );
    assert_messages(
        &errors,
        &[
            "officers.csv header `Designation Name` holds names, not the ids column `position` \
           is read as: give the framework's ids under a header `position`",
        ],
    );
}

#[test]
fn csv_delimiter() {
    // Declared by Excel's `sep=` line, a delimiter the header is not separated by is named
    // with the one it is, once per file, not as missing each column.
    let skills = "sep=,\nskill_id;uuid;skill_type;reuse_level;label;hier_level\n\
                  3;s3;skill/competence;cross-sector;Drafting;\n";
    let errors = skills_rejected(skills);
    assert_eq!(
        errors,
        [Error::CsvDelimiter {
            file: "esco/skills.csv",
            found: ';',
            expected: ',',
        }]
    );
    assert_messages(
        &errors,
        &["esco/skills.csv separates the fields of its header with `;`: expected `,`"],
    );
    // A tab shows escaped.
    let errors = skills_rejected(&skills.replace(';', "\t"));
    assert_messages(
        &errors,
        &["esco/skills.csv separates the fields of its header with `\\t`: expected `,`"],
    );
}

#[test]
fn csv_ambiguous_delimiter() {
    // Split at `,` or at `;`, the header names every column needed.
    let skills = "skill_id,skill_type,reuse_level,label,x;skill_id;skill_type;reuse_level;label\n";
    let errors = skills_rejected(skills);
    assert_eq!(
        errors,
        [Error::CsvAmbiguousDelimiter {
            file: "esco/skills.csv",
            delimiters: vec![',', ';'],
        }]
    );
}

#[test]
fn csv_invalid_value() {
    let links = "occ_id,skill_id,relation\n7,4,O\n7,3,X\n";
    let errors = links_rejected(links);
    assert_eq!(
        errors,
        [Error::CsvInvalidValue {
            file: "esco/occupation_skills.csv",
            line: 3,
            column: "relation",
            found: "X".to_owned(),
            expected: "`E` or `O`".into(),
            entry: None,
        }]
    );
    assert_messages(
        &errors,
        &["esco/occupation_skills.csv line 3, column `relation`: found `X`, expected `E` or `O`"],
    );
}

#[test]
fn csv_date_order() {
    // `03/04/2024` is 3 April or March 4, and no date of the column tells which; a date
    // whose day and month are one number (`12/12/2024`) reads alike either way.
    let fw = support::hr_framework();
    let officers = "id,department,position\no1,dopt,us\n";
    let evidence = "officer,competency,level,source,date\n\
                    o1,rti,1,assessment,12/12/2024\n\
                    o1,rti,2,assessment, 03/04/2024\n";
    let csv = karmayogi::OfficersCsv::new(officers).evidence(evidence);
    let options = karmayogi::OfficersCsvOptions::default();
    let errors = karmayogi::load_officers(&fw, &csv, &options)
        .unwrap_err()
        .into_vec();
    assert_eq!(
        errors,
        [Error::CsvDateOrder {
            file: "evidence.csv",
            line: 3,
            column: "date",
            found: "03/04/2024".to_owned(),
            entry: Some(Box::new(karmayogi::PassbookRow {
                officer: "o1".into(),
                index: Some(1),
                competency: "rti".into(),
            })),
        }]
    );
    assert_messages(
        &errors,
        &[
            "evidence.csv line 3, column `date`: officer `o1` passbook entry 1 (competency \
           `rti`): date `03/04/2024` reads day first and month first, and no date of the \
           column settles which: give the date order, or write yyyy-mm-dd",
        ],
    );
}

#[test]
fn csv_duplicate_key() {
    let links = "occ_id,skill_id,relation\n7,4,O\n7,3,E\n7,4,E\n";
    let errors = links_rejected(links);
    assert_eq!(
        errors,
        [Error::CsvDuplicateKey {
            file: "esco/occupation_skills.csv",
            line: 4,
            column: "occ_id, skill_id",
            key: "7, 4".to_owned(),
            first_line: 2,
            first_key: None,
        }]
    );
    assert_messages(
        &errors,
        &["esco/occupation_skills.csv line 4: occ_id, skill_id `7, 4` repeats line 2"],
    );
}

#[test]
fn csv_unknown_reference() {
    let links = "occ_id,skill_id,relation\n7,4,O\n7,9,E\n";
    let errors = links_rejected(links);
    assert_eq!(
        errors,
        [Error::CsvUnknownReference {
            file: "esco/occupation_skills.csv",
            line: 3,
            column: "skill_id",
            found: "9".to_owned(),
            target: "esco/skills.csv",
            nearest: None,
            quote_nearest: false,
        }]
    );
    assert_messages(
        &errors,
        &["esco/occupation_skills.csv line 3, column `skill_id`: `9` is not in esco/skills.csv"],
    );
}

#[test]
fn csv_refused_reference() {
    let fw = framework();
    // The officer row lacks its position: its passbook row names a row not read.
    let csv = OfficersCsv::new("id,department,position\no1,posts\n")
        .evidence("officer,competency,level,source\no1,integrity,2,assessment\n");
    let errors = load_officers(&fw, &csv, &OfficersCsvOptions::default())
        .expect_err("a short officer row")
        .into_vec();
    assert_eq!(
        errors[1],
        Error::CsvRefusedReference {
            file: "evidence.csv",
            line: 2,
            column: "officer",
            found: "o1".to_owned(),
            target: "officers.csv",
            target_line: 2,
        }
    );
    assert_messages(
        &errors[1..],
        &[
            "evidence.csv line 2, column `officer`: `o1` is the id of officers.csv line 2, \
           which was not read for its own problem",
        ],
    );
}

#[test]
fn csv_row() {
    let fw = framework();
    let csv = OfficersCsv::new("id,department,position\no1,posts,postmaster\n")
        .evidence("officer,competency,level,source,date\no1,integrity,4,assessment,2025-06-30\n");
    let errors = load_officers(&fw, &csv, &OfficersCsvOptions::default())
        .expect_err("level 4 of a three-level scale")
        .into_vec();
    assert_eq!(
        errors,
        [Error::CsvRow {
            file: "evidence.csv",
            line: 2,
            column: "level",
            error: Box::new(Error::InvalidEvidence {
                officer: "o1".into(),
                index: 0,
                competency: "integrity".into(),
                problem: EvidenceProblem::LevelAboveScale {
                    level: 4,
                    min: 1,
                    max: 3
                },
            }),
        }]
    );
    assert_messages(
        &errors,
        &[
            "evidence.csv line 2, column `level`: officer `o1` passbook entry 0 (competency \
           `integrity`): level 4: expected 0 to 3",
        ],
    );
}

#[test]
fn invalid_option() {
    let options = EscoOptions::default().essential_level(0).optional_level(6);
    let errors = esco_rejected(ESCO_OCCUPATIONS, ESCO_SKILLS, ESCO_LINKS, &options);
    assert_eq!(
        errors,
        [
            Error::InvalidOption {
                option: "essential_level",
                value: 0.0,
                expected: "a level from 1 to 5",
            },
            Error::InvalidOption {
                option: "optional_level",
                value: 6.0,
                expected: "a level from 1 to 5",
            },
        ]
    );
    assert_messages(
        &errors,
        &[
            "option `essential_level` is 0: expected a level from 1 to 5",
            "option `optional_level` is 6: expected a level from 1 to 5",
        ],
    );

    let errors = onet_rejected(&OnetOptions::default().importance_threshold(f64::NAN));
    assert_eq!(errors.len(), 1, "{errors:?}");
    let Error::InvalidOption {
        option,
        value,
        expected,
    } = &errors[0]
    else {
        panic!("expected an invalid option, found {:?}", errors[0]);
    };
    assert_eq!(
        (*option, *expected),
        ("importance_threshold", "a number from 1 to 5")
    );
    assert!(value.is_nan(), "{value}");
    assert_messages(
        &errors,
        &["option `importance_threshold` is NaN: expected a number from 1 to 5"],
    );
}

#[test]
fn document_of_another_kind() {
    // An officers document given to the framework reader: named, with the reader that
    // takes it, rather than "unknown field `officers`" (kinds.rs covers every reader).
    let officers = r#"{"format_version": 2, "officers": [
      {"id": "o1", "department": "dopt", "position": "us", "passbook": []}]}"#;
    let e = FrameworkSpec::from_json(officers).unwrap_err();
    assert_eq!(
        e,
        Error::DocumentOfAnotherKind {
            expected: "a framework document",
            found: karmayogi::DocumentKind::Officers,
        }
    );
    assert_eq!(e.code(), "document_of_another_kind");
    assert_eq!(
        e.to_string(),
        "expected a framework document, found an officers document (an object holding \
         `officers`): it is read by `OfficersSpec::from_json` or `Cohort::from_json`"
    );
    assert_eq!(
        serde_json::to_value(&e).unwrap(),
        json!({
            "code": "document_of_another_kind",
            "expected": "a framework document",
            "found": "officers",
            "message": e.to_string(),
        })
    );
    let errors = Framework::from_json(officers).unwrap_err();
    assert_eq!(errors.as_slice(), [e]);
}

#[test]
fn igot_unread_entries() {
    // The flat KCM export's entries were once set aside one by one and the master list
    // loaded empty; a list of another program's entries is now refused, naming them.
    let settings = r#"[{"theme": "dark", "locale": "hi-IN"}, 7]"#;
    let errors = karmayogi::load_position_master(settings).unwrap_err();
    let e = &errors.as_slice()[0];
    assert_eq!(
        e.to_string(),
        "position master list at `$`: none of its 2 entries is a record holding `id`, \
         `name`, `description`; the entries hold `locale`, `theme`"
    );
    assert_eq!(
        serde_json::to_value(e).unwrap(),
        json!({
            "code": "igot_unread_entries",
            "document": "position master list",
            "path": "$",
            "entries": 2,
            "fields": ["locale", "theme"],
            "expected": ["id", "name", "description"],
            "message": e.to_string(),
        })
    );
}

#[test]
fn document_of_no_known_kind() {
    // Another program's settings given to the officers reader: said to be of no kind the
    // crate reads, with its fields, rather than "unknown field `theme`" (messages.rs
    // covers every framework and officers reader).
    let settings = r#"{"theme": "dark", "locale": "hi-IN"}"#;
    let e = OfficersSpec::from_json(settings).unwrap_err();
    assert_eq!(
        e,
        Error::DocumentOfNoKnownKind {
            expected: "an officers document",
            fields: vec!["locale".into(), "theme".into()],
            missing: vec!["format_version", "officers"],
        }
    );
    assert_eq!(
        e.to_string(),
        "expected an officers document, found an object of no kind this crate reads, with \
         fields `locale`, `theme`: missing `format_version`, `officers`"
    );
    assert_eq!(
        serde_json::to_value(&e).unwrap(),
        json!({
            "code": "document_of_no_known_kind",
            "expected": "an officers document",
            "fields": ["locale", "theme"],
            "missing": ["format_version", "officers"],
            "message": e.to_string(),
        })
    );
}

#[test]
fn igot_shape() {
    let errors = karmayogi::load_kcm(
        r#"{"name": "Functional"}"#,
        &karmayogi::KcmOptions::default(),
    )
    .expect_err("an object where the areas' array belongs");
    assert_eq!(
        errors.as_slice(),
        [Error::IgotShape {
            document: "kcm dictionary",
            path: "$".to_owned(),
            found: "an object",
            expected: "an array of areas",
        }]
    );
    let e = &errors.as_slice()[0];
    assert_eq!(e.code(), "igot_shape");
    assert_eq!(
        e.to_string(),
        "kcm dictionary at `$`: found an object, expected an array of areas"
    );
    // A search response whose content is not a list: the path says where.
    let fw = Framework::from_json(r#"{"format_version": 2, "competencies": []}"#).unwrap();
    let errors = karmayogi::load_igot_courses(
        r#"{"result": {"content": 5}}"#,
        &fw,
        &karmayogi::IgotCourseOptions::default(),
    )
    .expect_err("content is a number");
    assert_eq!(
        errors.as_slice()[0].to_string(),
        "igot course records at `$.result.content`: found an integer, expected an array of \
         course records (a search response) or one record (a read response)"
    );
}

// ---------------------------------------------------------------------------------------
// The list of problems
// ---------------------------------------------------------------------------------------

#[test]
fn errors_display() {
    let mut s = spec();
    s.roles[0].name = String::new();
    s.positions[0].roles.clear();
    s.courses[0].hours = -1.0;
    let errors: Errors = Framework::new(s).expect_err("three problems");
    assert_eq!(errors.len(), 3);
    assert!(!errors.is_empty());
    assert_eq!(
        errors.to_string(),
        "3 problems found:\n  \
         - role `counter` has an empty name\n  \
         - position `postmaster` has no roles\n  \
         - course `accounts-101` has -1 hours: expected a number from 5e-13 to 10000 (hours are held in whole pico-hours, 1e-12 h, to the nearest with halves rounding up, so 5e-13 is the smallest above 0)"
    );

    let one: Errors = Error::FrameworkMismatch.into();
    assert_eq!(
        one.to_string(),
        "1 problem found:\n  - the profile or cohort was built from a different framework"
    );
}

// ---------------------------------------------------------------------------------------
// Completeness
// ---------------------------------------------------------------------------------------

/// Every variant this catalogue covers; each has a test named after it in snake case.
const COVERED: &[&str] = &[
    "Json",
    "UnsupportedFormatVersion",
    "LevelOutOfRange",
    "EmptyId",
    "EmptyName",
    "EmptyField",
    "HiddenCharacter",
    "DuplicateId",
    "EquivalentIds",
    "LookalikeIds",
    "LookalikeUris",
    "UnknownReference",
    "DuplicateReference",
    "InvalidLevel",
    "LevelNameMismatch",
    "InvalidLevelScale",
    "InvalidLevelRange",
    "BlankLevelName",
    "LevelNamedAsNumber",
    "SameLevelNames",
    "BlankArea",
    "PositionWithoutRoles",
    "PrerequisiteCycle",
    "GroupCycle",
    "InvalidGroupRule",
    "GroupRuleCycle",
    "InvalidHours",
    "InvalidEvidence",
    "DepartmentMismatch",
    "InvalidPolicyDate",
    "UnknownId",
    "FrameworkMismatch",
    "InvalidWeight",
    "InvalidIdWeight",
    "CapacityExceeded",
    "CaseMissingDocument",
    "CaseSeveralDocuments",
    "CaseMissingIdentifier",
    "CaseMissingField",
    "CaseFieldName",
    "CaseFieldType",
    "CaseDuplicateIdentifier",
    "CaseDuplicateId",
    "CaseChildOfCycle",
    "CaseInvalidIdentifier",
    "CaseConflictingIdentifiers",
    "CaseIdentifierClash",
    "CaseInvalidDateTime",
    "CaseItemTypeName",
    "CaseTextOnSeveralLines",
    "CsvUnclosedQuote",
    "CsvMisplacedQuote",
    "CsvFieldCount",
    "CsvRepeatedHeader",
    "CsvMissingColumn",
    "CsvLineAboveHeader",
    "CsvAmbiguousColumn",
    "CsvSharedHeader",
    "CsvNameColumn",
    "CsvDelimiter",
    "CsvAmbiguousDelimiter",
    "CsvEncoding",
    "CsvLooksLikeJson",
    "CsvOtherLayout",
    "CsvInvalidValue",
    "CsvDateOrder",
    "CsvDuplicateKey",
    "CsvUnknownReference",
    "CsvRefusedReference",
    "CsvRow",
    "InvalidOption",
    "IgotShape",
    "IgotUnreadEntries",
    "DocumentOfAnotherKind",
    "DocumentOfNoKnownKind",
];

/// The variant names of `pub enum Error`, in declaration order: the lines inside the enum
/// indented by exactly four spaces that start with an uppercase letter.
fn declared_variants(source: &str) -> Vec<&str> {
    let body = source
        .split_once("pub enum Error {\n")
        .expect("src/model/error/variants.rs declares `pub enum Error`")
        .1;
    let body = body
        .split_once("\n}\n")
        .expect("the enum is closed at column 0")
        .0;
    body.lines()
        .filter_map(|line| line.strip_prefix("    "))
        .filter(|rest| rest.starts_with(|c: char| c.is_ascii_uppercase()))
        .map(|rest| {
            let end = rest
                .find(|c: char| !c.is_ascii_alphanumeric())
                .unwrap_or(rest.len());
            &rest[..end]
        })
        .collect()
}

/// `CaseFieldName` → `case_field_name`.
fn snake_case(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn every_variant_is_catalogued() {
    let declared = declared_variants(include_str!("../../src/model/error/variants.rs"));
    assert!(declared.len() >= 39, "parsed only {declared:?}");
    let missing: Vec<&&str> = declared.iter().filter(|v| !COVERED.contains(v)).collect();
    assert!(
        missing.is_empty(),
        "variants without a catalogue entry: {missing:?}"
    );
    let stale: Vec<&&str> = COVERED.iter().filter(|v| !declared.contains(v)).collect();
    assert!(stale.is_empty(), "catalogued but not declared: {stale:?}");
    assert_eq!(declared, COVERED, "keep the catalogue in declaration order");

    // Every code is in the table of the `Error` docs.
    let source = include_str!("../../src/model/error/variants.rs");
    for variant in COVERED {
        let row = format!("/// | `{}` |", snake_case(variant));
        assert!(
            source.contains(&row),
            "no row for {variant} in the code table"
        );
    }

    let this_file = include_str!("errors.rs");
    for variant in COVERED {
        let test = format!("#[test]\nfn {}() {{", snake_case(variant));
        assert!(
            this_file.contains(&test),
            "no test `{}` for {variant}",
            snake_case(variant)
        );
    }
}

// ---------------------------------------------------------------------------------------
// Long values

#[test]
fn a_long_value_is_shown_by_a_bounded_escaped_prefix_and_kept_whole_in_the_data() {
    // A 2 MB id (a pasted document, a runaway cell) with a carriage return first: the
    // message shows 200 characters, escaped, and the length; the data keeps all of it.
    let long = format!("\r{}", "x".repeat(2 << 20));
    let shown = format!("\"\\r{}\"\u{2026} (2097153 characters)", "x".repeat(199));

    let mut s = spec();
    s.roles[0].requires[0].competency = long.as_str().into();
    let errors = Framework::new(s)
        .expect_err("unknown competency")
        .into_vec();
    assert_eq!(
        errors,
        [Error::UnknownReference {
            from_kind: EntityKind::Role,
            from: "counter".to_owned(),
            to_kind: EntityKind::Competency,
            to: long.clone(),
            nearest: None,
        }]
    );
    assert_messages(
        &errors,
        &[&format!(
            "role `counter` refers to unknown competency {shown}"
        )],
    );
    let value = serde_json::to_value(&errors[0]).unwrap();
    assert_eq!(value["to"], long.as_str());
    assert!(value["message"].as_str().unwrap().len() < 300);

    // The JSON parser's own message, naming an unknown key or a string of the wrong type,
    // is bounded alike; the line and column locate the value.
    let key = "k".repeat(2 << 20);
    let shown_key = format!("`{}`\u{2026} (2097152 characters)", "k".repeat(200));
    for (document, quoted) in [
        (
            format!(r#"{{"format_version": 1, "{key}": 1, "competencies": []}}"#),
            shown_key.clone(),
        ),
        (
            format!(r#"{{"format_version": 1, "competencies": [{{"id": 7, "name": "{key}"}}]}}"#),
            "`7`".to_owned(),
        ),
        (
            format!(r#"{{"format_version": "{key}"}}"#),
            format!("\"{}\"\u{2026} (2097152 characters)", "k".repeat(200)),
        ),
    ] {
        let error = Framework::from_json(&document)
            .expect_err("refused")
            .into_vec();
        let message = error[0].to_string();
        assert!(
            message.len() < 700,
            "{} bytes: {}",
            message.len(),
            &message[..300]
        );
        assert!(
            message.contains(&quoted),
            "{}",
            &message[..message.len().min(500)]
        );
        assert!(matches!(error[0], Error::Json { line: 1, .. }));
    }

    // An HR export's cell (where a carriage return would end the line): the same bound,
    // the file, line and column named.
    let long = format!("\u{200b}{}", "x".repeat(2 << 20));
    let shown = format!(
        "\"\\u{{200b}}{}\"\u{2026} (2097153 characters)",
        "x".repeat(199)
    );
    let officers = format!("id,department,position\no1,posts,{long}\n");
    let loaded = load_officers(
        &framework(),
        &OfficersCsv::new(&officers),
        &OfficersCsvOptions::default(),
    )
    .expect_err("unknown position")
    .into_vec();
    let message = loaded[0].to_string();
    assert!(
        message.starts_with("officers.csv line 2, column `position`"),
        "{message}"
    );
    assert!(message.contains(&shown), "{message}");
    assert!(message.len() < 400, "{} bytes", message.len());

    // A CASE identifier: the same.
    let long = key;
    let shown = shown_key;
    let package = json!({
        "CFDocument": {"identifier": DOC, "title": "t"},
        "CFItems": [{"identifier": long, "fullStatement": "a"},
                    {"identifier": long, "fullStatement": "b"}]
    });
    let errors = CaseImport::from_json(&package.to_string(), &CaseImportOptions::default())
        .expect_err("duplicate identifiers")
        .into_vec();
    assert_eq!(
        errors,
        [Error::CaseDuplicateIdentifier {
            identifier: long.clone(),
            path: "CFItems[1]".to_owned(),
            earlier: long.clone(),
            earlier_path: "CFItems[0]".to_owned(),
        }]
    );
    let message = format!("duplicate case identifier {shown} at CFItems[1]: CFItems[0] has it too");
    assert_messages(&errors, &[&message]);
}

/// A 1 MB CASE identifier with a bell at its end, and a 1 MB competency id with a space at
/// its end beside the same id without it: the message showed the first 200 characters and
/// the length, so the one character the error is about, or that tells the two ids apart,
/// was cut off. It is now shown escaped, with its place.
#[test]
fn a_long_value_shows_the_unseen_character_its_cut_hides() {
    let long = format!("{}\u{7}", "y".repeat(1_000_000));
    let package = json!({
        "CFDocument": {"identifier": DOC, "title": "t"},
        "CFItems": [{"identifier": long, "fullStatement": "a"}]
    });
    let errors = CaseImport::from_json(&package.to_string(), &CaseImportOptions::default())
        .expect_err("a control character in an id")
        .into_vec();
    let shown = format!(
        "`{}`\u{2026} (1000001 characters; \"\\u{{7}}\" at character 1000001)",
        "y".repeat(200)
    );
    assert_messages(
        &errors,
        &[&format!(
            "competency id {shown} holds a control or invisible character"
        )],
    );

    let id = "z".repeat(1_000_000);
    let mut s = spec();
    s.roles[0].requires[0].competency = format!("{id} ").as_str().into();
    let errors = Framework::new(s)
        .expect_err("unknown competency")
        .into_vec();
    let shown = format!(
        "`{}`\u{2026} (1000001 characters; \"\\u{{20}}\" at character 1000001)",
        "z".repeat(200)
    );
    assert_messages(
        &errors,
        &[&format!(
            "role `counter` refers to unknown competency {shown}"
        )],
    );
}
