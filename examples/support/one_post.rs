//! The one-post framework of the planning-shape benchmarks (and, through `chain.rs`, of the
//! planning tests): position `p` (department `d`) holds role `r`, which requires each of
//! the given competencies at level 5.
#![allow(dead_code)]

use karmayogi::{
    CompetencySpec, CompetencyType, CourseSpec, Framework, FrameworkSpec, PositionSpec,
    RequirementSpec, RoleSpec,
};

/// The framework whose one post requires `required` at level 5, with `courses`.
///
/// # Panics
/// When the framework is invalid (a course naming a competency outside `required`).
pub fn one_post(required: &[String], courses: Vec<CourseSpec>) -> Framework {
    let mut spec = FrameworkSpec::new();
    spec.competencies = required
        .iter()
        .map(|c| CompetencySpec::new(c.as_str(), c.to_uppercase(), CompetencyType::Domain))
        .collect();
    spec.roles.push(RoleSpec {
        id: "r".into(),
        name: "R".into(),
        activities: Vec::new(),
        requires: required
            .iter()
            .map(|c| RequirementSpec::new(c.as_str(), 5))
            .collect(),
    });
    spec.positions.push(PositionSpec {
        id: "p".into(),
        name: "P".into(),
        department: "d".into(),
        roles: vec!["r".into()],
    });
    spec.courses = courses;
    Framework::new(spec).expect("a valid framework")
}
