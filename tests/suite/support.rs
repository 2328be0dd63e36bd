//! What the suites share: builders of specs, officers and evidence, the pieces of the
//! generated frameworks and passbooks (picks fitted to scales, acyclic prerequisites and
//! group hierarchies, valid completions), the fixtures two suites read, and
//! `#[track_caller]` helpers that unwrap or read results the same way everywhere. A suite
//! keeps only what is its own (its scenarios, its generators' shapes, its oracles);
//! anything two suites need lives here. `tests/planning.rs` and `tests/threads.rs`, which
//! are binaries of their own, include this file too, so a builder they need is not written
//! twice (hence `dead_code` is allowed: each binary uses a part).

#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use karmayogi::{
    ActivitySpec, CaseAssociation, CaseDocument, CaseDropReason, CaseElement, CaseExportOptions,
    CaseFieldReason, CaseImport, CaseImportOptions, CaseImportReport, CaseLink, CasePackage,
    CompetencySpec, CompetencyType, CourseId, CourseLevels, CourseOutcome, CourseSpec, Evidence,
    EvidenceSource, FORMAT_VERSION, Framework, FrameworkSpec, GroupId, GroupSpec, IgotEntry,
    IgotWhat, LevelDescriptor, LevelPolicy, Mode, NeedRow, OfficerSpec, OpenGap, OpenReason,
    PositionSpec, RequirementSpec, ReviewStatus, RoleId, RoleSpec, TrainingNeeds,
};
use proptest::prelude::*;

// ---------------------------------------------------------------------------------------
// Framework specs
// ---------------------------------------------------------------------------------------

/// The `(element, identifier, reason)` of everything a CASE import set aside
/// ([`CaseImportReport::dropped`]), in the report's order.
pub fn dropped(report: &CaseImportReport) -> Vec<(CaseElement, &str, CaseDropReason)> {
    report
        .dropped
        .iter()
        .map(|d| (d.element, d.identifier.as_str(), d.reason))
        .collect()
}

/// The `(element, identifier, field, reason)` of every field a CASE import set aside
/// ([`CaseImportReport::dropped_fields`]), in the report's order.
pub fn dropped_fields(
    report: &CaseImportReport,
) -> Vec<(CaseElement, &str, &str, &CaseFieldReason)> {
    report
        .dropped_fields
        .iter()
        .map(|d| {
            (
                d.element,
                d.identifier.as_str(),
                d.field.as_str(),
                &d.reason,
            )
        })
        .collect()
}

/// Evidence as (competency, source, level), in the order read: what a loader's test asserts.
pub fn evidence_read(evidence: &[Evidence]) -> Vec<(&str, EvidenceSource, u8)> {
    (evidence.iter())
        .map(|e| (e.competency.as_str(), e.source, e.level))
        .collect()
}

/// A level descriptor with a name and a description.
pub fn named_level(level: u8, name: &str, description: &str) -> LevelDescriptor {
    LevelDescriptor {
        level,
        name: Some(name.to_owned()),
        level_name: None,
        description: description.to_owned(),
    }
}

/// Each entry of an iGOT loader's report as (path, id, what).
pub fn igot_entries(list: &[IgotEntry]) -> Vec<(&str, &str, &IgotWhat)> {
    list.iter()
        .map(|e| (e.path.as_str(), e.id.as_str(), &e.what))
        .collect()
}

/// The member `key` of a case file holding several documents, as JSON text.
pub fn json_part(case: &str, key: &str) -> String {
    let doc: serde_json::Value = serde_json::from_str(case).expect("JSON");
    doc[key].to_string()
}

/// Level descriptors for `levels`, in the order given, each described as `level N` and
/// unnamed.
pub fn descriptors(levels: impl IntoIterator<Item = u8>) -> Vec<LevelDescriptor> {
    levels
        .into_iter()
        .map(|level| LevelDescriptor {
            level,
            name: None,
            level_name: None,
            description: format!("level {level}"),
        })
        .collect()
}

/// A competency `id` named `name`, of `kind`, with [`descriptors`] for `levels` (none: the
/// default five-level scale).
pub fn competency(
    id: &str,
    name: impl Into<String>,
    kind: CompetencyType,
    levels: impl IntoIterator<Item = u8>,
) -> CompetencySpec {
    CompetencySpec {
        levels: descriptors(levels),
        ..CompetencySpec::new(id, name, kind)
    }
}

/// The highest level of a competency spec: its number of descriptors, or 5 for the
/// default scale.
pub fn scale_of(c: &CompetencySpec) -> u8 {
    if c.levels.is_empty() {
        5
    } else {
        c.levels.len() as u8
    }
}

/// Maps a generated level pick `1..=5` onto `1..=max`.
pub fn fit_level(pick: u8, max: u8) -> u8 {
    1 + (pick - 1) % max
}

/// A course `id` named `Course {id}` of `hours` in `mode`, building `provides` as
/// `(competency, level)` (no level: untagged) and requiring the courses `prerequisites`.
pub fn course(
    id: &str,
    hours: f64,
    mode: Mode,
    provides: &[(&str, Option<u8>)],
    prerequisites: &[&str],
) -> CourseSpec {
    course_spec(
        id,
        format!("Course {id}"),
        hours,
        mode,
        provides
            .iter()
            .map(|&(competency, level)| CourseOutcome {
                competency: competency.into(),
                level,
                level_name: None,
            })
            .collect(),
        prerequisites.iter().map(|&p| p.into()).collect(),
    )
}

/// A course `id` named `name` of `hours` in `mode`, with no provider or language.
pub fn course_spec(
    id: impl Into<CourseId>,
    name: impl Into<String>,
    hours: f64,
    mode: Mode,
    provides: Vec<CourseOutcome>,
    prerequisites: Vec<CourseId>,
) -> CourseSpec {
    CourseSpec {
        id: id.into(),
        name: name.into(),
        hours,
        mode,
        provides,
        prerequisites,
        provider: None,
        language: None,
    }
}

/// A position `id` named `name` in `department`, made of `roles`.
pub fn position<R: Into<RoleId>>(
    id: &str,
    name: impl Into<String>,
    department: &str,
    roles: impl IntoIterator<Item = R>,
) -> PositionSpec {
    PositionSpec {
        id: id.into(),
        name: name.into(),
        department: department.into(),
        roles: roles.into_iter().map(Into::into).collect(),
    }
}

/// A spec at the current format version with these entities and no groups.
pub fn framework_spec(
    competencies: Vec<CompetencySpec>,
    activities: Vec<ActivitySpec>,
    roles: Vec<RoleSpec>,
    positions: Vec<PositionSpec>,
    courses: Vec<CourseSpec>,
) -> FrameworkSpec {
    FrameworkSpec {
        format_version: FORMAT_VERSION,
        competencies,
        activities,
        roles,
        positions,
        courses,
        groups: Vec::new(),
    }
}

/// Each competency of `spec` with the ids of the groups it belongs to, in spec order.
pub fn memberships(spec: &FrameworkSpec) -> Vec<(&str, Vec<&str>)> {
    spec.competencies
        .iter()
        .map(|c| {
            (
                c.id.as_str(),
                c.groups.iter().map(GroupId::as_str).collect(),
            )
        })
        .collect()
}

/// Each level of `competency` with its name, in spec order.
pub fn level_names(competency: &CompetencySpec) -> Vec<(u8, Option<&str>)> {
    (competency.levels.iter())
        .map(|l| (l.level, l.name.as_deref()))
        .collect()
}

/// The competency ids of `spec`, in spec order.
pub fn competency_ids(spec: &FrameworkSpec) -> Vec<&str> {
    spec.competencies.iter().map(|c| c.id.as_str()).collect()
}

/// The framework of the HR export suites: two departments (`dopt`, `itd-mumbai`),
/// competencies of three and five levels, a course reaching level 2 and one tagged without a
/// level, and positions of one role and of two.
pub const HR_FRAMEWORK: &str = r#"{
  "format_version": 2,
  "competencies": [
    {"id": "rti", "name": "Right to Information", "type": "domain"},
    {"id": "noting", "name": "Noting and drafting", "type": "functional",
     "levels": [{"level": 1, "description": "Drafts a note"},
                {"level": 2, "description": "Drafts a reply"},
                {"level": 3, "description": "Drafts policy"}]},
    {"id": "integrity", "name": "Integrity", "type": "behavioural"}
  ],
  "roles": [
    {"id": "cpio", "name": "CPIO", "requires": [{"competency": "rti", "level": 3},
                                                {"competency": "integrity", "level": 2}]},
    {"id": "dealing", "name": "Dealing hand", "requires": [{"competency": "noting", "level": 2}]}
  ],
  "positions": [
    {"id": "us", "name": "Under Secretary", "department": "dopt", "roles": ["cpio", "dealing"]},
    {"id": "aso", "name": "Assistant Section Officer", "department": "dopt", "roles": ["dealing"]},
    {"id": "so-mumbai", "name": "Section Officer", "department": "itd-mumbai", "roles": ["dealing"]}
  ],
  "courses": [
    {"id": "rti-101", "name": "RTI basics", "hours": 4,
     "provides": [{"competency": "rti", "level": 2}]},
    {"id": "noting-lab", "name": "Noting lab", "hours": 6, "mode": "social",
     "provides": [{"competency": "noting"}]}
  ]
}"#;

/// What a CSV loader's error expects of a cell holding U+FFFD, the character a decoder
/// puts for bytes that are not UTF-8.
pub const NOT_REPLACED: &str = "expected text without U+FFFD, which stands for bytes that \
     were not UTF-8: save the file as UTF-8 (Excel's \"CSV UTF-8\")";

/// [`HR_FRAMEWORK`], built.
#[track_caller]
pub fn hr_framework() -> Framework {
    Framework::from_json(HR_FRAMEWORK).expect("the test framework is valid")
}

// ---------------------------------------------------------------------------------------
// Officers
// ---------------------------------------------------------------------------------------

/// Whether `warning` is the load's warning about a passbook row that repeats or contradicts
/// an earlier one ([`EvidenceProblem::Duplicate`](karmayogi::EvidenceProblem::Duplicate)),
/// which only `load_officers` and `Framework::review_officers` look for.
pub fn is_duplicate_warning(warning: &karmayogi::Error) -> bool {
    let inner = match warning {
        karmayogi::Error::CsvRow { error, .. } => error.as_ref(),
        other => other,
    };
    matches!(
        inner,
        karmayogi::Error::InvalidEvidence {
            problem: karmayogi::EvidenceProblem::Duplicate { .. },
            ..
        }
    )
}

/// Verified evidence of `competency` at `level` from `source`, dated `date` (empty:
/// undated), naming `course` when given.
pub fn evidence(
    competency: &str,
    level: u8,
    source: EvidenceSource,
    date: &str,
    course: Option<&str>,
) -> Evidence {
    Evidence {
        competency: competency.into(),
        level,
        level_name: None,
        source,
        date: date.into(),
        verified: true,
        course: course.map(Into::into),
    }
}

/// A verified assessment of `competency` at `level`, dated `date`.
pub fn assessed(competency: &str, level: u8, date: &str) -> Evidence {
    evidence(competency, level, EvidenceSource::Assessment, date, None)
}

/// Verified, undated assessments: one per `(competency, level)`.
pub fn assessed_undated(held: &[(&str, u8)]) -> Vec<Evidence> {
    held.iter()
        .map(|&(c, level)| evidence(c, level, EvidenceSource::Assessment, "", None))
        .collect()
}

/// An unnamed officer `id` of `department` in `position`, with no target position.
pub fn officer(id: &str, department: &str, position: &str, passbook: Vec<Evidence>) -> OfficerSpec {
    OfficerSpec {
        id: id.into(),
        name: None,
        department: department.into(),
        position: position.into(),
        target_position: None,
        passbook,
    }
}

// ---------------------------------------------------------------------------------------
// Generated officers
// ---------------------------------------------------------------------------------------

/// Generated competencies: the `i`th has the id `ids[i]`, the name `Competency {i}` and
/// the type `CompetencyType::ALL[kind]`, and describes the levels `1..=scale` (0: the
/// default five-level scale), for each `(scale, kind)`.
pub fn generated_competencies(
    picks: impl IntoIterator<Item = (u8, usize)>,
    ids: &[&str],
) -> Vec<CompetencySpec> {
    picks
        .into_iter()
        .enumerate()
        .map(|(i, (scale, kind))| {
            competency(
                ids[i],
                format!("Competency {i}"),
                CompetencyType::ALL[kind],
                1..=scale,
            )
        })
        .collect()
}

/// Distinct picks from `0..n` (each taken modulo `n`), in first-seen order.
pub fn distinct(picks: &[usize], n: usize) -> Vec<usize> {
    let mut seen = BTreeSet::new();
    picks
        .iter()
        .map(|p| p % n)
        .filter(|p| seen.insert(*p))
        .collect()
}

/// The prerequisites of the `i`th generated course: distinct picks among the courses
/// generated before it (named by `ids`), so the prerequisites are acyclic.
pub fn earlier_courses(i: usize, picks: &[usize], ids: &[&str]) -> Vec<CourseId> {
    if i == 0 {
        return Vec::new();
    }
    distinct(picks, i)
        .into_iter()
        .map(|j| ids[j].into())
        .collect()
}

/// Requirements from generated `(competency pick, level pick 1–5, draft)`s: each
/// competency of `competencies` once (the first pick wins), the level fitted to its scale.
pub fn requirements(
    picks: impl IntoIterator<Item = (usize, u8, bool)>,
    competencies: &[CompetencySpec],
) -> Vec<RequirementSpec> {
    let mut seen = BTreeSet::new();
    picks
        .into_iter()
        .map(|(pick, level, draft)| (&competencies[pick % competencies.len()], level, draft))
        .filter(|(c, _, _)| seen.insert(c.id.clone()))
        .map(|(c, level, draft)| RequirementSpec {
            competency: c.id.clone(),
            level: fit_level(level, scale_of(c)),
            level_name: None,
            status: if draft {
                ReviewStatus::Draft
            } else {
                ReviewStatus::Verified
            },
        })
        .collect()
}

/// `(key, value)` picks with each key once (the first pick wins), in key order.
pub fn first_wins<K: Ord, V>(picks: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut out = BTreeMap::new();
    for (key, value) in picks {
        out.entry(key).or_insert(value);
    }
    out
}

/// A generated group hierarchy: group `i` has the id `name(i)`, the name `Group {i}` and
/// the parents `parents[i]` picks among the groups before it (modulo `i`), so it is
/// acyclic.
pub fn group_hierarchy(parents: &[Vec<usize>], name: impl Fn(usize) -> String) -> Vec<GroupSpec> {
    parents
        .iter()
        .enumerate()
        .map(|(i, picks)| GroupSpec {
            parents: if i == 0 {
                Vec::new()
            } else {
                picked_groups(picks, i, &name)
            },
            ..GroupSpec::new(name(i), format!("Group {i}"))
        })
        .collect()
}

/// The groups `picks` names among the first `n` (modulo `n`), each once, in index order.
pub fn picked_groups(picks: &[usize], n: usize, name: impl Fn(usize) -> String) -> Vec<GroupId> {
    let chosen: BTreeSet<usize> = picks.iter().map(|p| p % n).collect();
    chosen.into_iter().map(|g| name(g).into()).collect()
}

/// Every evidence source, for generators that pick one by index.
pub const SOURCES: [EvidenceSource; 4] = [
    EvidenceSource::CourseCompletion,
    EvidenceSource::Assessment,
    EvidenceSource::Feedback360,
    EvidenceSource::SelfDeclared,
];

/// The course of `spec` a generated pick names (modulo the number of courses), or `None`
/// when there is no pick or no course.
pub fn picked_course(spec: &FrameworkSpec, pick: Option<usize>) -> Option<&CourseSpec> {
    pick.filter(|_| !spec.courses.is_empty())
        .map(|k| &spec.courses[k % spec.courses.len()])
}

/// A generated passbook entry: (competency pick, level pick 0–5, source pick, verified,
/// date pick, course pick).
pub type RawEvidence = (usize, u8, usize, bool, usize, Option<usize>);

/// Generated passbook entries: a competency pick below `competencies`, a level 0–5, any
/// source, verified with probability `verified`, a date pick below `dates`, and with
/// probability `with_course` a course pick below `courses`.
pub fn raw_evidence(
    competencies: usize,
    verified: f64,
    dates: usize,
    with_course: f64,
    courses: usize,
) -> impl Strategy<Value = RawEvidence> {
    (
        0..competencies,
        0u8..=5,
        0..SOURCES.len(),
        prop::bool::weighted(verified),
        0..dates,
        prop::option::weighted(with_course, 0..courses),
    )
}

/// Evidence from a generated entry, as validation accepts it: the level within the
/// competency's scale, the date from `dates`, and a course completion fitted to the
/// course picked ([`valid_completion`]).
pub fn generated_evidence(spec: &FrameworkSpec, raw: RawEvidence, dates: &[&str]) -> Evidence {
    let (competency, level, source, verified, date, course) = raw;
    let comps = &spec.competencies;
    let c = &comps[competency % comps.len()];
    let course = picked_course(spec, course);
    let mut evidence = Evidence {
        competency: c.id.clone(),
        level: level % (scale_of(c) + 1),
        level_name: None,
        source: SOURCES[source],
        date: dates[date].into(),
        verified,
        course: course.map(|k| k.id.clone()),
    };
    valid_completion(&mut evidence, course);
    evidence
}

/// Makes generated evidence valid as a completion of `course`: a completion without a
/// course becomes an assessment, and one with a course is held above level 0 only of a
/// competency the course builds, at most to the course's level.
pub fn valid_completion(evidence: &mut Evidence, course: Option<&CourseSpec>) {
    match (evidence.source, course) {
        (EvidenceSource::CourseCompletion, None) => {
            evidence.source = EvidenceSource::Assessment;
        }
        (EvidenceSource::CourseCompletion, Some(k)) => {
            evidence.level = match k
                .provides
                .iter()
                .find(|o| o.competency == evidence.competency)
            {
                Some(o) => evidence.level.min(o.level.unwrap_or(5)),
                None => 0,
            };
        }
        _ => {}
    }
}

/// Course outcomes from generated `(competency pick, level pick)`s: each competency of
/// `competencies` once (the first pick wins), a level pick fitted to its scale.
pub fn outcomes(
    picks: &[(usize, Option<u8>)],
    competencies: &[CompetencySpec],
) -> Vec<CourseOutcome> {
    let mut seen = BTreeSet::new();
    picks
        .iter()
        .map(|&(pick, level)| (&competencies[pick % competencies.len()], level))
        .filter(|(c, _)| seen.insert(c.id.clone()))
        .map(|(c, level)| CourseOutcome {
            competency: c.id.clone(),
            level: level.map(|l| fit_level(l, scale_of(c))),
            level_name: None,
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// CASE
// ---------------------------------------------------------------------------------------

/// A CASE package imported with the default options; panics with the errors' text.
#[track_caller]
pub fn import(json: &str) -> CaseImport {
    CaseImport::from_json(json, &CaseImportOptions::default()).unwrap_or_else(|e| panic!("{e}"))
}

/// The errors refusing the import of `json` under the default options.
#[track_caller]
pub fn import_refused(json: &str) -> Vec<karmayogi::Error> {
    CaseImport::from_json(json, &CaseImportOptions::default())
        .expect_err("the package is refused")
        .into_vec()
}

/// `framework` exported as CASE under `document`, with the default options.
#[track_caller]
pub fn case_export(framework: &Framework, document: &CaseDocument) -> CasePackage {
    CasePackage::from_framework(framework, document, &CaseExportOptions::default())
        .unwrap_or_else(|e| panic!("{e}"))
}

/// `value` with each object, after its own values, replaced by what `f` makes of it: a
/// package rewritten as another writer would write it, independently of the crate's
/// reading.
pub fn rewrite_objects(
    value: &serde_json::Value,
    f: &dyn Fn(serde_json::Map<String, serde_json::Value>) -> serde_json::Value,
) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::Object(map) => f(map
            .iter()
            .map(|(k, v)| (k.clone(), rewrite_objects(v, f)))
            .collect()),
        Value::Array(list) => Value::Array(list.iter().map(|v| rewrite_objects(v, f)).collect()),
        other => other.clone(),
    }
}

/// The identifiers of the associations a CASE import kept aside
/// ([`CaseImportReport::associations`]), in the report's order.
pub fn kept_associations(report: &CaseImportReport) -> Vec<&str> {
    (report.associations.iter())
        .map(|a| a.association.identifier.as_str())
        .collect()
}

/// The framework `import` read, exported again under the document it read, with the
/// default options.
#[track_caller]
pub fn exported(import: &CaseImport) -> CasePackage {
    let framework = Framework::new(import.spec.clone()).expect("an imported spec builds");
    case_export(&framework, &import.report.document)
}

/// The `(origin, destination)` identifiers of an association's nodes.
pub fn ends(association: &CaseAssociation) -> (String, String) {
    let end = |node: Option<&CaseLink>| node.expect("a node").identifier.clone();
    (
        end(association.origin_node_uri.as_ref()),
        end(association.destination_node_uri.as_ref()),
    )
}

/// The `(child, parent)` identifiers of every `isChildOf` association of `package`.
pub fn child_of_edges(package: &CasePackage) -> BTreeSet<(String, String)> {
    package
        .associations
        .iter()
        .filter(|a| a.association_type == "isChildOf")
        .map(ends)
        .collect()
}

// ---------------------------------------------------------------------------------------
// Data files
// ---------------------------------------------------------------------------------------

/// A planning case of `tests/data/cases/planning/`.
#[track_caller]
pub fn planning_case(name: &str) -> String {
    let path = format!(
        "{}/tests/data/cases/planning/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Every combination of the level policy's switches: self-declared evidence counted or
/// not, verified evidence only or not, 360-degree feedback counted or not, and a course
/// completion claiming more than the course's level counted at that level or an error.
pub fn level_policies() -> impl Strategy<Value = LevelPolicy> {
    (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>()).prop_map(|(s, v, f, cap)| {
        LevelPolicy::default()
            .self_declared(s)
            .verified_only(v)
            .feedback_360(f)
            .course_levels(if cap {
                CourseLevels::Cap
            } else {
                CourseLevels::Reject
            })
    })
}

/// Training needs from each competency's histogram of shortfalls (officers short by 0–5
/// levels), rows in the report's order: most levels short first, then most officers short,
/// then id; what the oracles of the heatmap build their counts into.
pub fn needs_from_histograms<'f>(
    fw: &'f Framework,
    hist: BTreeMap<String, [u64; 6]>,
    officers: u64,
    pairs: u64,
) -> TrainingNeeds<'f> {
    let mut rows: Vec<NeedRow<'f>> = hist
        .into_iter()
        .map(|(id, h)| {
            let spec = fw.competency(&id).unwrap();
            let short: u64 = h[1..].iter().sum();
            let total: u64 = (1..6u64).map(|s| s * h[s as usize]).sum();
            NeedRow {
                competency: &spec.id,
                name: &spec.name,
                kind: spec.kind,
                officers_required: h.iter().sum(),
                officers_short: short,
                total_shortfall: total,
                mean_shortfall: if short == 0 {
                    0.0
                } else {
                    total as f64 / short as f64
                },
                histogram: h,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        b.total_shortfall
            .cmp(&a.total_shortfall)
            .then(b.officers_short.cmp(&a.officers_short))
            .then(a.competency.cmp(b.competency))
    });
    TrainingNeeds {
        officers,
        pairs,
        rows,
    }
}

/// Per officer of `cohort`, in its order: the id, name and profile as one line, after
/// checking that `find` gives the officer back by its id.
pub fn officer_lines(cohort: &karmayogi::Cohort) -> Vec<String> {
    (0..cohort.len())
        .map(|i| {
            let id = cohort.officer_id(i).expect("in range");
            assert_eq!(cohort.find(id), Some(i), "find({id})");
            format!(
                "{id} {:?} {:?}",
                cohort.officer_name(i),
                cohort.profile(i).expect("in range")
            )
        })
        .collect()
}

/// A plan's open gaps as (competency, current, required, reason), to compare with an
/// oracle's.
pub fn open_rows(open: &[OpenGap<'_>]) -> Vec<(String, u8, u8, OpenReason)> {
    open.iter()
        .map(|o| {
            (
                o.competency.to_string(),
                o.current.get(),
                o.required.get(),
                o.reason,
            )
        })
        .collect()
}

/// The framework of the HR header and title-line suites: two competencies, one role
/// requiring `rti` at 3, positions `us` and `ds` of department `dopt`.
pub const HEADER_FRAMEWORK: &str = r#"{
  "format_version": 2,
  "competencies": [{"id": "rti", "name": "Right to Information", "type": "domain"},
                   {"id": "noting", "name": "Noting and drafting", "type": "functional"}],
  "roles": [{"id": "r", "name": "CPIO", "requires": [{"competency": "rti", "level": 3}]}],
  "positions": [{"id": "us", "name": "Under Secretary", "department": "dopt", "roles": ["r"]},
                {"id": "ds", "name": "Deputy Secretary", "department": "dopt", "roles": ["r"]}]
}"#;

// ---------------------------------------------------------------------------------------
// Case counts
// ---------------------------------------------------------------------------------------

/// Cases per property of the non-plan oracles (career paths, successors, gap reports,
/// training needs, rollups, evaluations, atlases): `ORACLE_CASES`, else `default`. Long
/// hunts run in release, e.g. `ORACLE_CASES=20000 cargo test --release --test suite career::`.
pub fn oracle_cases(default: u32) -> u32 {
    std::env::var("ORACLE_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The one error of `errors`, failing the test when there are more.
pub fn the_only(errors: karmayogi::Errors) -> karmayogi::Error {
    let mut all = errors.into_vec();
    assert_eq!(all.len(), 1, "{all:?}");
    all.remove(0)
}

// ---------------------------------------------------------------------------------------
// iGOT reports
// ---------------------------------------------------------------------------------------

/// `(path, id, what)` of an iGOT report's entries, for whole-list comparisons.
pub fn entries(list: &[karmayogi::IgotEntry]) -> Vec<(String, String, String)> {
    list.iter()
        .map(|e| (e.path.clone(), e.id.clone(), e.what.to_string()))
        .collect()
}

/// Expected `(path, id, what)` entries as owned strings, to compare with [`entries`].
pub fn owned(list: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    list.iter()
        .map(|(p, i, w)| ((*p).to_owned(), (*i).to_owned(), (*w).to_owned()))
        .collect()
}

/// The `.json` files under `dir` (relative to the crate's root), at any depth, sorted by
/// path.
#[track_caller]
pub fn json_files(dir: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(dir)];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "json") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}
