//! Competency groups as a validated framework holds them: read-only views of the hierarchy.

use crate::model::spec::GroupSpec;
use crate::{CompetencyId, EntityKind, Error, Framework, GroupId};

impl Framework {
    /// Every competency group, sorted by id: the spec's own and, for each area the spec's
    /// competencies name without declaring its group, the group `area:{name}` the framework
    /// created (see [`CompetencySpec::area`](crate::CompetencySpec::area)).
    pub fn groups(&self) -> &[GroupSpec] {
        &self.hierarchy.groups.items
    }

    /// A group by id.
    pub fn group(&self, id: &str) -> Option<&GroupSpec> {
        self.hierarchy
            .groups
            .get(id)
            .map(|g| &self.hierarchy.groups.items[g as usize])
    }

    /// The groups directly above group `id`, sorted by id.
    ///
    /// # Errors
    /// [`Error::UnknownId`] when the framework has no such group.
    pub fn parent_groups(&self, id: &str) -> Result<Vec<&GroupId>, Error> {
        let g = self.group_index(id)?;
        Ok(self.group_ids(self.hierarchy.parents.get(g)))
    }

    /// The groups directly below group `id`, sorted by id.
    ///
    /// # Errors
    /// [`Error::UnknownId`] when the framework has no such group.
    pub fn child_groups(&self, id: &str) -> Result<Vec<&GroupId>, Error> {
        let g = self.group_index(id)?;
        Ok(self.group_ids(self.hierarchy.children.get(g)))
    }

    /// The competencies directly in group `id` (through their `groups` or their `area`),
    /// sorted by id.
    ///
    /// # Errors
    /// [`Error::UnknownId`] when the framework has no such group.
    pub fn members(&self, id: &str) -> Result<Vec<&CompetencyId>, Error> {
        let g = self.group_index(id)?;
        Ok(self
            .hierarchy
            .members
            .get(g)
            .iter()
            .map(|&c| self.competency_id(c))
            .collect())
    }

    /// The groups competency `id` is directly in (through its `groups` or its `area`),
    /// sorted by id.
    ///
    /// # Errors
    /// [`Error::UnknownId`] when the framework has no such competency.
    pub fn groups_of(&self, id: &str) -> Result<Vec<&GroupId>, Error> {
        let c = self
            .competencies
            .get(id)
            .ok_or_else(|| self.unknown_id(EntityKind::Competency, id))?;
        Ok(self.group_ids(self.hierarchy.of_competency.get(c)))
    }

    /// Every group after all of its parents (a topological order of the hierarchy); among
    /// groups whose parents are all listed, the smallest id first. Roll-ups that walk this
    /// list backwards see every group after all of its descendants.
    ///
    /// # Complexity
    /// O(g) for g groups: the order is computed at construction.
    pub fn groups_top_down(&self) -> Vec<&GroupSpec> {
        self.hierarchy
            .top_down
            .iter()
            .map(|&g| &self.hierarchy.groups.items[g as usize])
            .collect()
    }

    /// The groups the spec declared, sorted by id (without those created for areas).
    pub(crate) fn declared_groups(&self) -> impl Iterator<Item = &GroupSpec> {
        self.hierarchy
            .groups
            .items
            .iter()
            .zip(&self.hierarchy.implicit)
            .filter(|(_, implicit)| !**implicit)
            .map(|(g, _)| g)
    }

    fn group_index(&self, id: &str) -> Result<u32, Error> {
        self.hierarchy
            .groups
            .get(id)
            .ok_or_else(|| self.unknown_id(EntityKind::Group, id))
    }

    fn group_ids(&self, indices: &[u32]) -> Vec<&GroupId> {
        indices
            .iter()
            .map(|&g| &self.hierarchy.groups.items[g as usize].id)
            .collect()
    }
}
