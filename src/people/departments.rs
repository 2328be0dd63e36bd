//! A department named in an option, checked against the framework and the cohort, with the
//! nearest known department when it is unknown.

use crate::model::nearest::nearest;
use crate::{Cohort, DepartmentId, EntityKind, Error, Errors, Framework};

impl Framework {
    /// The index of `position`, with the department named in an option checked as
    /// [`Framework::check_department`] checks it: an unknown position and an unknown
    /// department are reported together, the position's error first, so a request with
    /// both wrong is answered in one run. O(that of both lookups).
    pub(crate) fn position_and_department(
        &self,
        position: &str,
        department: Option<&DepartmentId>,
        cohort: Option<&Cohort>,
    ) -> Result<u32, Errors> {
        let found = self.position_index(position);
        let checked = self.check_department(department, cohort);
        match (found, checked) {
            (Ok(p), Ok(())) => Ok(p),
            (found, checked) => Err(Errors(
                found.err().into_iter().chain(checked.err()).collect(),
            )),
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
