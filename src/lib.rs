//! Role-based competency frameworks for civil-service capacity building.
//!
//! `karmayogi` models a FRAC (Framework of Roles, Activities and Competencies), as used by
//! India's Mission Karmayogi: positions carry roles, roles carry activities, activities need
//! competencies at proficiency levels 1–5. From it the crate answers what HR people ask:
//! what a post requires and why, what an officer lacks and how ready they are, which courses
//! close those gaps in the fewest hours, what a whole department lacks (the training-needs
//! heatmap), and who fits which post.
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
//! assert_eq!(reqs[0].provenance[0].activity.as_ref().unwrap().as_str(), "reconcile");
//!
//! // An officer's passbook gives current levels; the gap report compares them.
//! let officer: OfficerSpec = serde_json::from_str(r#"{
//!   "id": "officer-17", "department": "posts", "position": "postmaster",
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
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Concepts
//! - [`FrameworkSpec`] is the plain input (and the JSON interchange format, see
//!   [`FORMAT_VERSION`]); [`Framework::new`] validates it, reporting every problem at once
//!   as [`Errors`].
//! - [`Framework::requirements`] derives what a position needs, with [`Provenance`].
//! - [`Profile`] is an officer with current levels derived from the passbook by a
//!   [`LevelPolicy`]; [`Framework::gap`] gives a [`GapReport`] with readiness.
//! - [`Cohort`] stores millions of officers compactly; [`Framework::training_needs`]
//!   aggregates their gaps into [`TrainingNeeds`].
//! - [`Framework::recommend`] chooses courses closing the gaps as a learning [`Plan`]
//!   (least hours, or most shortfall within a budget), with guarantees stated there.
//! - [`Framework::positions_for`] and [`Framework::officers_for`] rank fits.
//!
//! Design reasons are in `DESIGN.md` in the repository.

mod acbp;
mod career;
mod case;
mod cohort;
mod error;
mod evaluate;
mod framework;
mod gap;
mod ids;
mod internal;
mod level;
mod loaders;
mod needs;
mod profile;
mod rank;
mod recommend;
mod spec;

pub use crate::acbp::{
    AcbpOptions, CompetencyOutcome, CourseRun, DepartmentPlan, Enrolment, OpenCounts,
};
pub use crate::career::{CareerFit, CareerOptions, CareerStep};
pub use crate::case::{
    CaseArea, CaseAssociation, CaseCriterion, CaseCriterionLevel, CaseDocument, CaseDropReason,
    CaseDropped, CaseDroppedField, CaseElement, CaseExportOptions, CaseExtra, CaseIds, CaseImport,
    CaseImportOptions, CaseImportReport, CaseItem, CaseItemMapping, CaseItemTypeUse,
    CaseKeptAssociation, CaseLink, CasePackage, CaseRubric,
};
pub use crate::cohort::Cohort;
pub use crate::error::{Error, Errors};
pub use crate::evaluate::{
    CompareOptions, CompetencyProgress, CourseEffect, DepartmentProgress, Evaluation, Move,
    OutcomeEffect, PositionProgress, Progress,
};
pub use crate::framework::{Framework, Provenance, Requirement};
pub use crate::gap::{Gap, GapOptions, GapReport, Weights};
pub use crate::ids::{
    ActivityId, CompetencyId, CourseId, DepartmentId, EntityKind, OfficerId, PositionId, RoleId,
};
pub use crate::level::Level;
pub use crate::loaders::{
    EscoCsv, EscoHierarchyCsv, EscoOptions, EscoTypeRule, OnetCsv, OnetOptions, OnetTypeRule,
    load_esco, load_onet,
};
pub use crate::needs::{NeedRow, NeedsOptions, TrainingNeeds};
pub use crate::profile::{
    Evidence, EvidenceSource, LevelPolicy, OfficerSpec, OfficersSpec, Profile,
};
pub use crate::rank::{Fit, RankOptions};
pub use crate::recommend::{
    Blend, Closed, Objective, OpenGap, OpenReason, Optimality, Plan, RecommendOptions, Solver,
    Step, Target, Term, UntaggedLevel,
};
pub use crate::spec::{
    ActivitySpec, CompetencySpec, CompetencyType, CourseOutcome, CourseSpec, FORMAT_VERSION,
    FrameworkSpec, JSON_SCHEMA, LevelDescriptor, Mode, OLDEST_FORMAT_VERSION, PositionSpec,
    RequirementSpec, ReviewStatus, RoleSpec,
};

#[doc = include_str!("../README.md")]
#[cfg(doctest)]
struct ReadmeDoctests;
