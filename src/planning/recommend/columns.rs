//! The cover instance of a plan: the candidates' columns (costs, hours, the gaps each
//! closes, their prerequisites among them) and the gaps' closers, built in this thread's
//! buffers and in the vectors of the last plan's instance.

use super::marks;
use super::options::{UntaggedLevel, reaches};
use super::plan::GapItem;
use crate::Framework;
use crate::model::spec::Mode;
use crate::planning::cover::{self, Instance};

impl Framework {
    /// The cover instance over candidate `courses` (local index = position in the list,
    /// so ties go to the smaller course id) and the `closable` gaps.
    /// `values` gives each closable gap's value; a formal course's selection cost is its
    /// hours divided by `formal_share` when one is given.
    pub(crate) fn instance(
        &self,
        courses: &[u32],
        closable: &[&GapItem<'_>],
        completed: &[u32],
        values: Vec<f64>,
        untagged: UntaggedLevel,
        formal_share: Option<f64>,
    ) -> Instance {
        // Each candidate's local index, marked once, instead of a binary search per offer
        // and prerequisite.
        marks::with_marks(self.courses.len(), |local_of| {
            for (local, &course) in courses.iter().enumerate() {
                local_of.insert(course, local as u32);
            }
            self.instance_with(
                courses,
                closable,
                completed,
                values,
                (untagged, formal_share),
                local_of,
            )
        })
    }

    /// The least-hours cover instance of the career searches: [`Self::instance`] with every
    /// closable gap worth 1 and no formal share.
    pub(crate) fn unit_instance(
        &self,
        courses: &[u32],
        closable: &[&GapItem<'_>],
        completed: &[u32],
        untagged: UntaggedLevel,
    ) -> Instance {
        let values = vec![1.0; closable.len()];
        self.instance(courses, closable, completed, values, untagged, None)
    }

    fn instance_with(
        &self,
        courses: &[u32],
        closable: &[&GapItem<'_>],
        completed: &[u32],
        values: Vec<f64>,
        (untagged, formal_share): (UntaggedLevel, Option<f64>),
        local_of: &mut marks::Marks,
    ) -> Instance {
        let mut scratch = std::mem::take(&mut local_of.scratch);
        let marks::Scratch {
            pairs,
            start,
            fill,
            gaps_of,
            prerequisites,
            spare,
            ..
        } = &mut scratch;
        // Each candidate's gaps as one contiguous, ascending run: (candidate, gap) pairs in
        // gap order, then a counting sort by candidate, which keeps gaps ascending.
        pairs.clear();
        for (e, g) in closable.iter().enumerate() {
            for o in self.offers_of(g.competency) {
                if reaches(o.level, untagged).is_some_and(|l| l >= g.required)
                    && let Some(local) = local_of.get(o.course)
                {
                    pairs.push((local, e as u32));
                }
            }
        }
        start.clear();
        start.resize(courses.len() + 1, 0);
        for &(local, _) in pairs.iter() {
            start[local as usize + 1] += 1;
        }
        for i in 0..courses.len() {
            start[i + 1] += start[i];
        }
        fill.clear();
        fill.extend_from_slice(start);
        gaps_of.clear();
        gaps_of.resize(pairs.len(), 0);
        for &(local, e) in pairs.iter() {
            gaps_of[fill[local as usize] as usize] = e;
            fill[local as usize] += 1;
        }
        // The columns go into the vectors of the last plan's instance (`marks::recycle`),
        // copied from the buffers above: no allocation once they are long enough.
        let [covers, pre, closer_rows] = std::mem::take(&mut spare.rows);
        let copy = |(mut into_start, mut into_items): (Vec<u32>, Vec<u32>), items: &[u32]| {
            into_start.clear();
            into_items.clear();
            into_items.extend_from_slice(items);
            (into_start, into_items)
        };
        let (mut cover_start, cover_items) = copy(covers, gaps_of);
        cover_start.extend_from_slice(start);
        // The candidates' columns: each one's gaps are its run of `gaps_of` already, so the
        // rows are copied whole instead of pushed candidate by candidate.
        let n = courses.len();
        let (mut costs, mut hours) = (
            std::mem::take(&mut spare.cost),
            std::mem::take(&mut spare.hours),
        );
        costs.reserve(n);
        hours.reserve(n);
        let (mut pre_start, mut pre_items) = copy(pre, &[]);
        pre_start.reserve(n + 1);
        pre_start.push(0);
        prerequisites.clear();
        for &course in courses {
            let h = self.course_hours[course as usize];
            let mut cost = h;
            if let Some(share) = formal_share
                && self.course_mode[course as usize] == Mode::Formal
            {
                cost /= share;
            }
            costs.push(cost);
            hours.push(h);
            // Direct pending prerequisites, as local indices (ascending, as `courses` is).
            prerequisites.extend(
                self.direct_prerequisites(course)
                    .iter()
                    .filter(|p| completed.binary_search(p).is_err())
                    .filter_map(|&p| local_of.get(p)),
            );
            pre_start.push(prerequisites.len() as u32);
        }
        pre_items.extend_from_slice(prerequisites);
        let mut inst = Instance::from_columns(
            values,
            (costs, hours),
            cover::Rows::from_parts(cover_start, cover_items),
            cover::Rows::from_parts(pre_start, pre_items),
        );
        // The pairs come in gap order, and each gap's offers in course order, so each
        // gap's closers in ascending local order: the closers' rows as they stand, without
        // transposing the covers again.
        let (mut closer_start, mut closers) = closer_rows;
        closer_start.clear();
        closer_start.reserve(closable.len() + 1);
        closer_start.push(0);
        let mut at = 0;
        for e in 0..closable.len() as u32 {
            while pairs.get(at).is_some_and(|&(_, f)| f == e) {
                at += 1;
            }
            closer_start.push(at as u32);
        }
        closers.clear();
        closers.extend(pairs.iter().map(|&(local, _)| local));
        inst.finish_reusing(cover::Rows::from_parts(closer_start, closers), spare);
        local_of.scratch = scratch;
        inst
    }
}
