//! Ids a caller names in a query or an option, checked against the framework (and the
//! cohort), with the nearest known id when one is unknown.

use crate::internal::nearest::nearest;
use crate::{Cohort, DepartmentId, EntityKind, Error, Framework};

impl Framework {
    /// [`Error::UnknownId`] for `id` of `kind`, with the nearest id of that kind the
    /// framework holds (departments: those its positions name).
    pub(crate) fn unknown_id(&self, kind: EntityKind, id: &str) -> Error {
        let ids: Box<dyn Iterator<Item = &str>> = match kind {
            EntityKind::Competency => {
                Box::new(self.competencies.items.iter().map(|c| c.id.as_str()))
            }
            EntityKind::Activity => Box::new(self.activities.items.iter().map(|a| a.id.as_str())),
            EntityKind::Role => Box::new(self.roles.items.iter().map(|r| r.id.as_str())),
            EntityKind::Position => Box::new(self.positions.items.iter().map(|p| p.id.as_str())),
            EntityKind::Course => Box::new(self.courses.items.iter().map(|c| c.id.as_str())),
            EntityKind::Department => {
                Box::new(self.positions.items.iter().map(|p| p.department.as_str()))
            }
            EntityKind::Group => {
                Box::new(self.hierarchy.groups.items.iter().map(|g| g.id.as_str()))
            }
            EntityKind::Officer => Box::new(std::iter::empty()),
        };
        Error::UnknownId {
            kind,
            id: id.to_owned(),
            nearest: nearest(id, ids),
        }
    }

    /// Checks a department named in an option: known when a position of the framework
    /// or (with a cohort) an officer belongs to it. An unknown department would give an
    /// empty result that looks like "no needs", so it is an error instead.
    ///
    /// # Errors
    /// [`Error::UnknownId`] naming the department, with the nearest known one.
    pub(crate) fn check_department(
        &self,
        department: Option<&DepartmentId>,
        cohort: Option<&Cohort>,
    ) -> Result<(), Error> {
        let Some(department) = department else {
            return Ok(());
        };
        let in_cohort = cohort.is_some_and(|c| c.departments.binary_search(department).is_ok());
        if in_cohort
            || self
                .positions
                .items
                .iter()
                .any(|p| p.department == *department)
        {
            return Ok(());
        }
        let known = self
            .positions
            .items
            .iter()
            .map(|p| p.department.as_str())
            .chain(
                cohort
                    .into_iter()
                    .flat_map(|c| c.departments.iter().map(DepartmentId::as_str)),
            );
        Err(Error::UnknownId {
            kind: EntityKind::Department,
            id: department.to_string(),
            nearest: nearest(department.as_str(), known),
        })
    }
}
