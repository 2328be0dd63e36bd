//! Building the plan's problem: the options' ids resolved, and each officer's gaps valued
//! and turned into a budgeted cover instance.

use super::options::AcbpOptions;
use crate::model::nearest::Nearest;
use crate::people::cohort::unpack;
use crate::people::resolve::NEAREST_LIMIT;
use crate::planning::department::Subproblem;
use crate::planning::recommend::GapItem;
use crate::{Cohort, EntityKind, Error, Errors, Framework, OpenReason};

/// One officer's gaps and how each is valued.
pub(super) struct Problem<'f> {
    pub(super) position: u32,
    pub(super) gaps: Vec<GapItem<'f>>,
    /// The gaps no course can close, by gap index, with the reason and the value of
    /// closing them (the value of a closable gap is its instance element's): a few per
    /// officer, where a value and a reason for every gap took 10 bytes a gap.
    pub(super) unclosable: Vec<(u32, OpenReason, f64)>,
    /// Gap index of each instance element.
    pub(super) closable: Vec<u32>,
}

/// Option ids resolved to dense indices.
pub(super) struct Resolved {
    pub(super) seat_limit: Vec<u32>,
    /// Weight of each competency by index, 1 where the options name none.
    pub(super) competency_weight: Vec<f64>,
    /// Weight of each position by index, 1 where the options name none.
    pub(super) position_weight: Vec<f64>,
    pub(super) cap: f64,
}

impl Framework {
    /// The options' ids resolved; every id that names nothing is reported, together with
    /// `errors` found before (the department's), each with its nearest known id.
    pub(super) fn resolve(
        &self,
        options: &AcbpOptions,
        mut errors: Vec<Error>,
    ) -> Result<Resolved, Errors> {
        let mut nearest = Nearest::new(NEAREST_LIMIT);
        let mut index = |errors: &mut Vec<Error>, kind, id: &str, found: Option<u32>| {
            if found.is_none() {
                errors.push(self.unknown_id_among(&mut nearest, kind, id));
            }
            found
        };
        let mut seat_limit = vec![options.default_seats.unwrap_or(u32::MAX); self.courses.len()];
        for (id, &n) in &options.seats {
            let found = self.courses.get(id.as_str());
            if let Some(c) = index(&mut errors, EntityKind::Course, id.as_str(), found) {
                seat_limit[c as usize] = n;
            }
        }
        let mut competency_weight = vec![1.0; self.competencies.len()];
        for (id, &w) in &options.competency_weights {
            let found = self.competencies.get(id.as_str());
            if let Some(c) = index(&mut errors, EntityKind::Competency, id.as_str(), found) {
                competency_weight[c as usize] = w;
            }
        }
        let mut position_weight = vec![1.0; self.positions.len()];
        for (id, &w) in &options.position_weights {
            let found = self.positions.get(id.as_str());
            if let Some(p) = index(&mut errors, EntityKind::Position, id.as_str(), found) {
                position_weight[p as usize] = w;
            }
        }
        if let Some(errors) = Errors::from_vec(errors) {
            return Err(errors);
        }
        Ok(Resolved {
            seat_limit,
            competency_weight,
            position_weight,
            cap: options.officer_cap.unwrap_or(f64::INFINITY),
        })
    }

    /// Value of closing one gap of an officer in position `p`.
    fn gap_value(
        &self,
        g: &GapItem<'_>,
        p: u32,
        resolved: &Resolved,
        options: &AcbpOptions,
    ) -> f64 {
        let kind = self.competency_kind[g.competency as usize];
        f64::from(g.required - g.current)
            * options.weights.get(kind)
            * resolved.competency_weight[g.competency as usize]
            * resolved.position_weight[p as usize]
    }

    /// One officer's gaps and candidate courses.
    pub(super) fn problem(
        &self,
        cohort: &Cohort,
        officer: u32,
        resolved: &Resolved,
        options: &AcbpOptions,
    ) -> (Problem<'_>, Subproblem) {
        let p = cohort.position_of(officer);
        let held: Vec<(u32, u8)> = cohort.held_of(officer).iter().map(unpack).collect();
        let mut gaps = self.gaps_at(p, &held);
        // Room was made for every requirement of the post; the problem is kept until the
        // plan is made, beside every other officer's, so it keeps only what it holds (the
        // rest is freed in place for the next problem built on this thread).
        gaps.shrink_to_fit();
        let completed = cohort.completed_of(officer);
        let (courses, open) = self.candidates(&gaps, completed, options.untagged);
        // `open` lists the unclosable gaps in gap order.
        let unclosable: Vec<(u32, OpenReason, f64)> = open
            .into_iter()
            .map(|(i, reason)| {
                let value = self.gap_value(&gaps[i], p, resolved, options);
                (i as u32, reason, value)
            })
            .collect();
        // Sized at once: collected from a filter, it grew by doubling to a third more
        // than it holds.
        let mut closable: Vec<u32> = Vec::with_capacity(gaps.len() - unclosable.len());
        closable.extend(
            (0..gaps.len() as u32)
                .filter(|&i| unclosable.binary_search_by_key(&i, |u| u.0).is_err()),
        );
        let closable_gaps: Vec<&GapItem<'_>> =
            closable.iter().map(|&i| &gaps[i as usize]).collect();
        let closable_values = closable_gaps
            .iter()
            .map(|g| self.gap_value(g, p, resolved, options))
            .collect();
        let inst = self.instance(
            &courses,
            &closable_gaps,
            completed,
            closable_values,
            options.untagged,
            None,
        );
        (
            Problem {
                position: p,
                gaps,
                unclosable,
                closable,
            },
            Subproblem::new(inst, courses),
        )
    }
}
