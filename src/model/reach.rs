//! The mapping's edges from the competency's side: per competency the roles requiring it
//! directly, per activity the roles carrying it. Provenance reads them when a competency is
//! reached by fewer roles than the position has; the atlas lists every role reaching one.

use crate::model::csr::Csr;
use crate::model::order;

/// The mapping's edges read from the competency's side, so a requirement reached by few
/// roles is listed without visiting the post's other roles. Linear in the edges.
#[derive(Clone, Debug, Default)]
pub(crate) struct Reach {
    /// Per competency, the roles requiring it directly, verified (role, level), sorted.
    pub(crate) direct: Csr<(u32, u8)>,
    /// Per activity, the roles carrying it, sorted.
    pub(crate) carriers: Csr<u32>,
    /// Per competency, the length of its direct list plus, per activity requiring it, the
    /// length of that activity's carriers: the entries listing it from its side reads.
    pub(crate) weight: Vec<u64>,
}

impl Reach {
    /// Indexes a framework's edges in O(edges): per role its direct requirements
    /// (competency, level) and its activities, per competency (a row for each) the
    /// activities requiring it (activity, level), each sorted.
    pub(crate) fn new(
        role_direct: &Csr<(u32, u8)>,
        role_activities: &Csr<u32>,
        competency_activities: &Csr<(u32, u8)>,
    ) -> Reach {
        let competencies = competency_activities.rows();
        // Activities past the last one carried get no row, which reads as empty.
        let activities = (role_activities.items().iter().max()).map_or(0, |&a| a as usize + 1);
        let mut direct = Vec::new();
        let mut carried = Vec::new();
        for r in 0..role_direct.rows() as u32 {
            for &(c, level) in role_direct.row(r) {
                direct.push((c, (r, level)));
            }
            for &a in role_activities.row(r) {
                carried.push((a, r));
            }
        }
        // Roles are visited in index order, so each list comes sorted by role.
        let direct = Csr::group(competencies, &direct);
        let carriers = Csr::group(activities, &carried);
        let weight = (0..competencies as u32)
            .map(|c| {
                let through: usize = (competency_activities.row(c).iter())
                    .map(|&(a, _)| carriers.row(a).len())
                    .sum();
                (direct.row(c).len() + through) as u64
            })
            .collect();
        Reach {
            direct,
            carriers,
            weight,
        }
    }

    /// The paths of competency `c` through the sorted `roles`, read from the competency's
    /// side (`competency_activities` as given to [`Reach::new`]) and sorted (role,
    /// activity with the direct requirement first, level): each role requiring `c`
    /// directly and each carrier of an activity requiring `c`, kept when it is one of
    /// `roles` (binary search). O(w log n) for w = `weight[c]` and n roles.
    pub(crate) fn gather(
        &self,
        competency_activities: &Csr<(u32, u8)>,
        roles: &[u32],
        c: u32,
    ) -> Vec<(u32, Option<u32>, u8)> {
        let mut paths: Vec<(u32, Option<u32>, u8)> = (self.direct.row(c).iter())
            .filter(|&&(r, _)| roles.binary_search(&r).is_ok())
            .map(|&(r, level)| (r, None, level))
            .collect();
        for &(a, level) in competency_activities.row(c) {
            paths.extend(
                (self.carriers.row(a).iter())
                    .filter(|&&r| roles.binary_search(&r).is_ok())
                    .map(|&r| (r, Some(a), level)),
            );
        }
        // A role lists an activity and a competency once each, so (role, activity) is
        // unique and the order is the one the walk over the roles gives.
        order::sort_unstable(&mut paths);
        paths
    }
}
