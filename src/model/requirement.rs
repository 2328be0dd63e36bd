//! What a position requires ([`Requirement`]), each with the paths that demand it.

use serde::Serialize;

use crate::model::framework::Req;
use crate::model::provenance::Paths;
use crate::{CompetencyId, CompetencyType, Error, Framework, Level};

/// A competency a position requires, at the highest level any path demands.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Requirement<'f> {
    /// The competency.
    pub competency: &'f CompetencyId,
    /// Its name.
    pub name: &'f str,
    /// Its type.
    pub kind: CompetencyType,
    /// The highest level demanded.
    pub level: Level,
    /// Every role → activity path that demands it, sorted by role then activity
    /// (direct role requirements first), derived when iterated.
    pub provenance: Paths<'f>,
}

impl Framework {
    /// What a position requires: each competency at the highest level any verified path
    /// demands, sorted by competency id, with provenance.
    ///
    /// # Errors
    /// [`Error::UnknownId`] when the framework has no such position.
    ///
    /// # Complexity
    /// O(r) time and memory for r requirements (compiled at construction); each
    /// requirement's [`Paths`] costs nothing until iterated (see its docs).
    pub fn requirements(&self, position: &str) -> Result<Vec<Requirement<'_>>, Error> {
        let p = self.position_index(position)?;
        Ok(self
            .position_reqs(p)
            .iter()
            .map(|&r| self.requirement(p, r))
            .collect())
    }

    /// Requirement `r` of position `p`.
    pub(crate) fn requirement(&self, p: u32, r: Req) -> Requirement<'_> {
        Requirement {
            competency: &self.competencies.items[r.competency as usize].id,
            name: self.competency_name(r.competency),
            kind: self.competency_kind[r.competency as usize],
            level: Level::saturating(r.level),
            provenance: Paths::new(self, p, r.competency),
        }
    }
}
