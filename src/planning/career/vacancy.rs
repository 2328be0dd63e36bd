//! The items of [`Framework::successors`]' search: groups of officers with the same gaps
//! and completed courses, bounded again, ruled out by refuted groups, and planned.

use super::search::{Effort, Key, Planned, Search, better, beyond, key};
use crate::analysis::gap::Weights;
use crate::model::framework::Req;
use crate::model::gap_cost::GapCost;
use crate::people::cohort::unpack;
use crate::planning::bounds::{Scratch, Total, gap_costs};
use crate::planning::groups::{Groups, Refuted, met_levels};
use crate::planning::recommend::UntaggedLevel;
use crate::{Cohort, Framework, Solver};

/// What a vacancy's search reads: the post, the cohort's groups, the rules of the call.
pub(super) struct Vacancy<'a> {
    pub(super) fw: &'a Framework,
    pub(super) cohort: &'a Cohort,
    pub(super) p: u32,
    pub(super) reqs: &'a [Req],
    /// The post's requirements as (competency, level).
    pub(super) all: &'a [(u32, u8)],
    pub(super) groups: &'a Groups,
    pub(super) how: (UntaggedLevel, Solver),
    pub(super) weights: &'a Weights,
    pub(super) sums: [u32; 3],
}

/// A vacancy's search: what it reads, and what it learns as it goes.
pub(super) struct VacancySearch<'a> {
    pub(super) at: Vacancy<'a>,
    /// Groups whose (unclosable gaps, least hours) a proof put after the k-th of the
    /// moment. The k-th only improves, so they stay after it, and so do the groups whose
    /// plans their proofs bound (see `Refuted`): those are not planned.
    pub(super) refuted: Refuted,
    pub(super) scratch: Scratch,
    pub(super) gaps: Vec<(u32, u8)>,
    pub(super) costs: Vec<GapCost>,
}

/// A group waiting for its plan.
pub(super) struct Pending {
    g: u32,
    /// The levels its officers hold.
    held: Vec<(u32, u8)>,
    /// Its gaps' costs, in requirement order.
    costs: Vec<GapCost>,
    /// The bound to remember it with if a proof refutes its plan: its bound on hours from
    /// those costs, or the k-th's hours it is planned against when it has as many
    /// unclosable gaps and they are higher.
    refuted_at: f64,
    /// The k-th's (unclosable gaps, hours) when it was checked.
    cut: Option<(u32, f64)>,
}

impl Search for VacancySearch<'_> {
    type Pending = Pending;

    fn check(&mut self, g: u32, kth: Option<Key>, _: &mut Vec<(u32, Effort)>) -> Option<Pending> {
        let Vacancy {
            fw, cohort, groups, ..
        } = self.at;
        let completed = groups.completed(cohort, g);
        self.gaps.clear();
        groups.each_short(g, |j| self.gaps.push(self.at.all[j]));
        let untagged = self.at.how.0;
        gap_costs(
            fw,
            &self.gaps,
            completed,
            untagged,
            &mut self.scratch,
            &mut self.costs,
        );
        let total = Total::of(&self.costs);
        let cut = kth.map(|k| (k.0, k.1));
        if beyond(total.open, total.hours(true), cut) {
            self.refuted.push(groups, g, total.hours(true), &self.costs);
            return None;
        }
        let same = |b| groups.completed(cohort, b) == completed;
        let kth_hours = cut.filter(|k| k.0 == total.open).map(|k| k.1);
        if self
            .refuted
            .rule_out(groups, g, same, kth_hours, &self.costs)
        {
            return None;
        }
        let held = cohort.held_of(groups.first(g)).iter().map(unpack).collect();
        Some(Pending {
            g,
            held,
            costs: self.costs.clone(),
            refuted_at: total.hours(true).max(kth_hours.unwrap_or(0.0)),
            cut,
        })
    }

    fn plan(&self, pending: &Pending) -> Option<Planned> {
        let completed = self.at.groups.completed(self.at.cohort, pending.g);
        (self.at.fw).planned(
            self.at.p,
            &pending.held,
            completed,
            self.at.how,
            pending.cut,
        )
    }

    fn apply(
        &mut self,
        pending: Pending,
        planned: Option<Planned>,
        kth: Option<Key>,
        out: &mut Vec<(u32, Effort)>,
    ) {
        let Vacancy {
            cohort,
            groups,
            reqs,
            ..
        } = self.at;
        let Some(planned) = planned else {
            // Refuted by more unclosable gaps (no hours known beyond the bound), or by a
            // proven bound above the hours of the k-th it was planned against.
            (self.refuted).push(groups, pending.g, pending.refuted_at, &pending.costs);
            return;
        };
        if kth.is_some_and(|k| (planned.open, planned.hours) > (k.0, k.1)) {
            return;
        }
        // Members share the plan; readiness and input order rank them.
        for &i in groups.members(pending.g) {
            let effort = Effort {
                open: planned.open,
                hours: planned.hours,
                courses: planned.courses,
                readiness: (self.at.weights)
                    .readiness(met_levels(reqs, cohort.held_of(i)), self.at.sums),
            };
            if kth.is_none_or(|k| better(key(&(i, effort)), k).is_lt()) {
                out.push((i, effort));
            }
        }
    }
}
