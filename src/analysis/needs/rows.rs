//! The training-needs report: its rows, and the counts that follow from a row's histogram.

use serde::Serialize;

use crate::CompetencyId;
use crate::Framework;
use crate::model::spec::CompetencyType;

/// One row of the training-needs heatmap: a competency across many officers.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NeedRow<'f> {
    /// The competency.
    pub competency: &'f CompetencyId,
    /// Its name.
    pub name: &'f str,
    /// Its type.
    pub kind: CompetencyType,
    /// Officers whose position requires it.
    pub officers_required: u64,
    /// Officers below the required level.
    pub officers_short: u64,
    /// Sum of shortfalls over all officers.
    pub total_shortfall: u64,
    /// Mean shortfall among the officers who are short (0 when none is).
    pub mean_shortfall: f64,
    /// `histogram[s]`: officers short by exactly `s` levels (`histogram[0]`: requirement met).
    pub histogram: [u64; 6],
}

/// The training needs of a group of officers: the data of a heatmap.
///
/// # Properties
/// - Every row satisfies `officers_required = Σ histogram`, `officers_short = Σ histogram[1..]`
///   and `total_shortfall = Σ s · histogram[s]`.
/// - Rows are sorted by total shortfall (largest first), then officers short, then id;
///   competencies nobody's position requires are left out.
/// - The result does not depend on the order of officers nor on the number of threads.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TrainingNeeds<'f> {
    /// Officers counted.
    pub officers: u64,
    /// Officer–requirement pairs examined.
    pub pairs: u64,
    /// One row per competency required of at least one officer.
    pub rows: Vec<NeedRow<'f>>,
}

/// The report row of competency `c` (its index in the framework) whose officers required
/// fall by shortfall as `h` says; `None` for an index outside the framework.
pub(super) fn need_row(framework: &Framework, c: u32, h: [u64; 6]) -> Option<NeedRow<'_>> {
    let (short, total) = short_and_shortfall(&h);
    Some(NeedRow {
        competency: framework.competency_id(c),
        name: framework.competency_name(c),
        kind: *framework.competency_kind.get(c as usize)?,
        officers_required: h.iter().sum(),
        officers_short: short,
        total_shortfall: total,
        mean_shortfall: mean_shortfall(total, short),
        histogram: h,
    })
}

/// The mean shortfall of the officers short: `total / short`, 0 when none is. Counts
/// below 2⁶³ (all of them in practice) are converted as signed integers, one instruction
/// on x86-64 where an unsigned one takes several; the value is the same.
#[inline]
pub(super) fn mean_shortfall(total: u64, short: u64) -> f64 {
    let float = |x: u64| i64::try_from(x).map_or(x as f64, |x| x as f64);
    if short == 0 {
        0.0
    } else {
        float(total) / float(short)
    }
}

/// Officers short and total shortfall in levels of a shortfall histogram: `Σ h[1..]` and
/// `Σ s · h[s]`.
pub(super) fn short_and_shortfall(h: &[u64; 6]) -> (u64, u64) {
    let [_, one, two, three, four, five] = *h;
    let short = one + two + three + four + five;
    let total = one + 2 * two + 3 * three + 4 * four + 5 * five;
    (short, total)
}
