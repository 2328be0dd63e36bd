//! Ids a caller names in a query or an option, checked against the framework, with the
//! nearest known id when one is unknown.

use crate::model::nearest::{Nearest, nearest};
use crate::{EntityKind, Error, Framework};

impl Framework {
    /// [`Error::UnknownId`] for `id` of `kind`, with the nearest id of that kind the
    /// framework holds (departments: those its positions name).
    pub(crate) fn unknown_id(&self, kind: EntityKind, id: &str) -> Error {
        Error::UnknownId {
            kind,
            id: id.to_owned(),
            nearest: nearest(id, self.ids_of(kind)),
        }
    }

    /// [`Framework::unknown_id`] for one of several unknown ids reported together: the
    /// nearest ids found through `nearest`, whose work is bounded for all of them at once.
    pub(crate) fn unknown_id_among(
        &self,
        nearest: &mut Nearest,
        kind: EntityKind,
        id: &str,
    ) -> Error {
        Error::UnknownId {
            kind,
            id: id.to_owned(),
            nearest: nearest.get(kind, id, || self.ids_of(kind)),
        }
    }

    /// The ids of `kind` the framework holds (departments: those its positions name, once
    /// per position).
    fn ids_of(&self, kind: EntityKind) -> Box<dyn Iterator<Item = &str> + '_> {
        match kind {
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
        }
    }
}
