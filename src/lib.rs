//! Role-based competency frameworks for civil-service capacity building.
//!
//! `karmayogi` models a FRAC (Framework of Roles, Activities and Competencies), as used by
//! India's Mission Karmayogi: positions carry roles, roles carry activities, activities need
//! competencies at proficiency levels 1–5. From it the crate answers what HR people ask:
//!
//! - **What a post requires, and why**: [`Framework::requirements`] gives each competency
//!   at the highest level any role → activity path demands, with the paths
//!   ([`Provenance`]).
//! - **What an officer lacks**: [`Framework::gap`] and [`Framework::gap_for`] give a
//!   [`GapReport`] with a readiness score, from the current levels a [`LevelPolicy`]
//!   derives from the officer's passbook ([`Profile`]).
//! - **Which courses close the gaps**: [`Framework::recommend`] (and
//!   [`Framework::recommend_targets`] for an individual development plan; [`Recommender`]
//!   for many officers in a row) chooses a learning
//!   [`Plan`]: the fewest hours, or the most shortfall within an hour budget, prerequisites
//!   first, split into terms, steered towards the 70-20-10 blend, each pick explained.
//! - **What a department lacks**: [`Framework::training_needs`] aggregates a [`Cohort`]
//!   (millions of officers, stored compactly) into the [`TrainingNeeds`] heatmap.
//! - **A department's year of training**: [`Framework::department_plan`] writes the Annual
//!   Capacity Building Plan ([`DepartmentPlan`]): which courses to run with how many seats,
//!   who attends what, within a budget, officer caps and seat limits.
//! - **Who fits a post, and where an officer could go**: rankings by readiness
//!   ([`Framework::officers_for`], [`Framework::positions_for`]) and by the training a move
//!   takes: career paths ([`Framework::career_paths`], [`Framework::career_step`]) and
//!   successors for a vacancy ([`Framework::successors`]).
//! - **Whether the training worked**: [`Framework::compare`] measures two snapshots of the
//!   same officers, before and after ([`Evaluation`]).
//! - **Data in and out**: the JSON interchange format ([`FrameworkSpec`], [`OfficersSpec`],
//!   [`JSON_SCHEMA`]); loaders for the ESCO and O*NET occupational frameworks from their CSV
//!   text ([`load_esco`], [`load_onet`]); the iGOT Karmayogi platform's own JSON shapes (the
//!   Karmayogi Competency Model [`load_kcm`], course tags [`load_igot_courses`], FRAC-era
//!   positions [`load_frac_positions`], the position master list [`load_position_master`],
//!   profile competencies [`load_igot_profile`]), each with a report of what was set aside;
//!   officers and their passbooks from an HR system's CSV export ([`load_officers`]), with
//!   every bad row reported by file, line and column; and CASE 1.1 competency packages,
//!   imported with a report of what was set aside and exported ([`CaseImport`],
//!   [`CasePackage`]).
//! - **Data that is probably wrong**: [`Framework::review_officers`] lists what validation
//!   accepts but a person should look at (an officer outside their post's department,
//!   evidence dated after an as-of date).
//!
//! Every result prints as a report for people (its `Display`): names beside ids, columns
//! aligned, counts in words that agree with them.
//!
//! It is a pure library: no file, network, clock or environment access. Data comes in as
//! values or JSON text and goes out as plain, deterministically ordered values.
//!
//! # Example
//! ```
//! use karmayogi::*;
//!
//! let framework = Framework::from_json(r#"{
//!   "format_version": 1,
//!   "competencies": [
//!     {"id": "accounts", "name": "Financial accounting", "type": "functional"},
//!     {"id": "integrity", "name": "Integrity", "type": "behavioural"},
//!     {"id": "postal-ops", "name": "Postal operations", "type": "domain"}
//!   ],
//!   "activities": [
//!     {"id": "reconcile", "name": "Reconcile daily cash and stamp accounts",
//!      "requires": [{"competency": "accounts", "level": 3},
//!                   {"competency": "integrity", "level": 2}]}
//!   ],
//!   "roles": [
//!     {"id": "counter-supervision", "name": "Counter operations supervision",
//!      "activities": ["reconcile"],
//!      "requires": [{"competency": "postal-ops", "level": 2}]}
//!   ],
//!   "positions": [
//!     {"id": "postmaster", "name": "Postmaster, Head Post Office",
//!      "department": "posts", "roles": ["counter-supervision"]}
//!   ],
//!   "courses": [
//!     {"id": "accounts-101", "name": "Government accounting basics", "hours": 6,
//!      "provides": [{"competency": "accounts", "level": 2}]},
//!     {"id": "po-accounts", "name": "Post office accounts and treasury", "hours": 12,
//!      "provides": [{"competency": "accounts", "level": 3}],
//!      "prerequisites": ["accounts-101"]},
//!     {"id": "counter-rotation", "name": "Counter rotation", "hours": 20,
//!      "mode": "experiential", "provides": [{"competency": "postal-ops", "level": 3}]}
//!   ]
//! }"#)?;
//!
//! // Requirements, with the role/activity paths that demand them.
//! let reqs = framework.requirements("postmaster")?;
//! assert_eq!(reqs.len(), 3);
//! assert_eq!(reqs[0].competency.as_str(), "accounts");
//! let why = reqs[0].provenance.to_vec();
//! assert_eq!(why[0].activity.unwrap().as_str(), "reconcile");
//!
//! // An officer's passbook gives current levels; the gap report compares them.
//! let officer: OfficerSpec = serde_json::from_str(r#"{
//!   "id": "officer-17", "name": "Asha Rao", "department": "posts", "position": "postmaster",
//!   "passbook": [
//!     {"competency": "accounts", "level": 1, "source": "assessment", "date": "2025-06-30"},
//!     {"competency": "integrity", "level": 3, "source": "feedback360", "date": "2025-03-31"},
//!     {"competency": "postal-ops", "level": 4, "source": "self_declared", "date": "2025-01-10"}
//!   ]
//! }"#)?;
//! let profile = Profile::new(&framework, &officer, &LevelPolicy::default())?;
//! let report = framework.gap(&profile, &GapOptions::default())?;
//! // Self-declared evidence does not count by default: postal-ops is short by 2,
//! // accounts by 2; integrity is met.
//! assert_eq!(report.gaps.len(), 2);
//! assert_eq!(report.shortfall_levels, 4);
//! assert!((report.readiness - 3.0 / 7.0).abs() < 1e-12);
//! // Printed, the report names the officer, the post and each competency.
//! assert!(report.to_string().starts_with(
//!     "Asha Rao [officer-17] against Postmaster, Head Post Office [postmaster]: readiness 43%"
//! ));
//! println!("{report}");
//!
//! // The least-hours learning path closing those gaps: prerequisites first, ties by id.
//! let plan = framework.recommend(&profile, "postmaster", &RecommendOptions::default())?;
//! let path: Vec<&str> = plan.steps.iter().map(|s| s.course.as_str()).collect();
//! assert_eq!(path, ["accounts-101", "counter-rotation", "po-accounts"]);
//! assert_eq!(plan.total_hours, 38.0);
//! println!("{plan}");
//!
//! // A department's training needs, aggregated over a cohort of officers.
//! let cohort = Cohort::new(&framework, [&officer], &LevelPolicy::default())?;
//! let needs = framework.training_needs(&cohort, &NeedsOptions::default())?;
//! assert_eq!(needs.rows[0].officers_short, 1);
//! println!("{needs}");
//!
//! // The department's plan for the year: courses, seats, and who attends what.
//! let plan = framework.department_plan(&cohort, &AcbpOptions::default())?;
//! assert_eq!(plan.courses.len(), 3);
//! println!("{plan}");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Concepts
//! - [`FrameworkSpec`] is the plain input (and the JSON interchange format, see
//!   [`FORMAT_VERSION`]); [`Framework::new`] validates it, reporting every problem at once
//!   as [`Errors`]. After that, analyses do not fail on the framework.
//! - Ids are the caller's strings ([`CompetencyId`], [`PositionId`], …); every list a
//!   result holds is sorted deterministically, ties broken by id.
//! - Results borrow names and ids from the framework (lifetime `'f`) rather than copying
//!   them, and print as reports without being handed the framework again.
//! - Options structs ([`GapOptions`], [`RecommendOptions`], [`AcbpOptions`], …) default to
//!   the common case and take by-value setters.
//! - [`GroupSpec`] groups competencies (areas, themes, sub-themes, free groupings) in a
//!   hierarchy with identity, several parents allowed; [`Framework::groups`] and
//!   [`Framework::groups_top_down`] read it.
//!
//! Design reasons are in `DESIGN.md` in the repository.

// The layers, bottom to top: each uses only those above it in this list (see `DESIGN.md`).
// Within a layer, modules are declared in the order a user meets them, which is also the
// order in which the documentation of `Framework` lists the methods each module adds.
mod model;

mod people;

mod analysis;

mod planning;

mod interop;

mod report;

// The chain builder `examples/support/chain.rs`, which the planning tests share with the
// benchmark, names the crate as an example does.
#[cfg(test)]
extern crate self as karmayogi;

pub use crate::analysis::atlas::{
    Atlas, AtlasActivity, AtlasCourse, AtlasEntry, AtlasGroup, AtlasPosition, AtlasRole,
    AtlasSubject,
};
pub use crate::analysis::evaluate::{
    CompareOptions, CompetencyProgress, CourseEffect, DepartmentProgress, Evaluation, Move,
    OutcomeEffect, PositionProgress, Progress, Unmatched,
};
pub use crate::analysis::gap::{Gap, GapOptions, GapReport, Weights};
pub use crate::analysis::needs::{
    DepartmentNeeds, NeedRow, NeedsByDepartment, NeedsOptions, TrainingNeeds,
};
pub use crate::analysis::rank::{Fit, RankOptions};
pub use crate::analysis::rollup::{
    GroupEvaluation, GroupNeedRow, GroupNeeds, GroupProgress, RollupOptions,
};
pub use crate::interop::{
    CaseAssociation, CaseCriterion, CaseCriterionLevel, CaseDocument, CaseExportOptions, CaseExtra,
    CaseItem, CaseLink, CaseNulls, CasePackage, CaseRenamedKey, CaseRubric,
};
pub use crate::interop::{
    CaseCopyValues, CaseDropReason, CaseDropped, CaseDroppedField, CaseFieldReason, CaseGroup,
    CaseIds, CaseImport, CaseImportOptions, CaseImportReport, CaseItemMapping, CaseItemTypeUse,
    CaseKeptAssociation, CaseLevelRule, CaseScale, CaseScaleLevel, CaseScoreOrder,
    CaseScoreReading, CaseSkillLevel, CaseTypeSource, CaseWrongStatement,
};
pub use crate::interop::{
    CaseExport, CaseExportReport, CaseLeftOut, CaseLeftOutField, CaseLeftOutReason,
};
pub use crate::interop::{
    CohortCsvReader, CohortLoad, ColumnNotRead, ColumnValues, CsvFileRead, DateForm, DateOrder,
    DatesRead, Delimiter, DelimiterFrom, EscoCsv, EscoHierarchy, EscoHierarchyCsv, EscoLoad,
    EscoOptions, EscoTypeRule, HeaderPart, MissingCells, OfficersCsv, OfficersCsvOptions,
    OfficersLoad, OnetCsv, OnetHierarchy, OnetOptions, OnetTypeRule, TITLE_LINES_MAX, TitleLine,
    load_esco, load_esco_report, load_officers, load_onet,
};
pub use crate::interop::{
    FracOptions, IgotCourseOptions, IgotEntry, IgotField, IgotLoad, IgotReport, IgotWhat,
    KcmOptions, KcmSubThemes, KcmTagKey, MasterPosition, PositionMaster, PositionMatch, kcm_id,
    load_frac_positions, load_igot_courses, load_igot_profile, load_kcm, load_position_master,
};
pub use crate::model::confusable::OtherScriptCharacter;
pub use crate::model::document_kind::DocumentKind;
pub use crate::model::error::{
    CaseElement, CaseIdItems, Error, Errors, EvidenceProblem, PassbookRow,
};
pub use crate::model::framework::Framework;
pub use crate::model::ids::{
    ActivityId, CompetencyId, CourseId, DepartmentId, EntityKind, GroupId, OfficerId, PositionId,
    RoleId,
};
pub use crate::model::json::{FORMAT_VERSION, OLDEST_FORMAT_VERSION, read_json};
pub use crate::model::level::Level;
pub use crate::model::provenance::{Paths, PathsIter, Provenance};
pub use crate::model::quote::{Quoted, quoted};
pub use crate::model::requirement::Requirement;
pub use crate::model::spec::{
    ActivitySpec, CompetencySpec, CompetencyType, CourseOutcome, CourseSpec, FrameworkSpec,
    GroupKind, GroupRule, GroupSpec, JSON_SCHEMA, LevelDescriptor, Mode, PositionSpec,
    RequirementSpec, ReviewStatus, RoleSpec,
};
pub use crate::people::cohort::Cohort;
pub use crate::people::officer::{Evidence, EvidenceSource, OfficerSpec, OfficersSpec};
pub use crate::people::policy::{CourseLevels, LevelPolicy, UndatedEvidence};
pub use crate::people::profile::Profile;
pub use crate::people::review::ReviewOptions;
pub use crate::planning::acbp::{
    AcbpOptions, CompetencyOutcome, CourseRun, DepartmentPlan, Enrolment, OpenCounts,
};
pub use crate::planning::career::{CareerFit, CareerOptions, CareerStep};
pub use crate::planning::recommend::{
    Blend, Closed, Objective, OpenGap, OpenReason, Optimality, Plan, RecommendOptions, Recommender,
    Solver, Step, Target, Term, UntaggedLevel,
};

#[doc = include_str!("../README.md")]
#[cfg(doctest)]
struct ReadmeDoctests;
