//! The counters behind [`Framework::compare`](crate::Framework::compare): what one
//! requirement pair adds, packed in bytes; the joint counts of shortfalls per competency;
//! and progress summed with readiness in fixed point.

use crate::analysis::evaluate::Progress;

/// Shortfalls `s₁, s₂` run from 0 to 5: a pair of them is one of 36 cells.
pub(crate) const CELLS: usize = 36;

/// The counts of one competency's requirement pairs by `(s₁, s₂)`, cell `6·s₁ + s₂`.
pub(crate) type Joint = [u32; CELLS];

/// Requirements counted in one run of bytes: each adds at most 5 to a byte.
pub(crate) const RUN: usize = 51;

/// Per cell `6·s₁ + s₂`, what one requirement pair adds to an officer's counts, a byte each:
/// gap before, gap after, levels short before, after, gap closed, opened, levels gained,
/// lost.
pub(crate) const PAIR: [u64; CELLS] = {
    let mut table = [0u64; CELLS];
    let mut cell = 0;
    while cell < CELLS {
        let (s1, s2) = ((cell / 6) as u64, (cell % 6) as u64);
        let bytes = [
            (s1 > 0) as u64,
            (s2 > 0) as u64,
            s1,
            s2,
            (s1 > 0 && s2 == 0) as u64,
            (s1 == 0 && s2 > 0) as u64,
            s1.saturating_sub(s2),
            s2.saturating_sub(s1),
        ];
        let mut k = 0;
        while k < 8 {
            table[cell] |= bytes[k] << (8 * k);
            k += 1;
        }
        cell += 1;
    }
    table
};

/// The counters of [`CompetencyProgress`] from a competency's joint counts: each cell's
/// row of [`PAIR`] times the pairs in it, so officers and competencies count a pair alike.
pub(crate) fn competency_counts(joint: &Joint) -> CompetencyAcc {
    let mut k = CompetencyAcc::default();
    for (&n, &row) in joint.iter().zip(&PAIR).filter(|&(&n, _)| n > 0) {
        let n = u64::from(n);
        let [gap1, gap2, s1, s2, closed, opened, gained, lost] =
            row.to_le_bytes().map(|b| n * u64::from(b));
        k.required += n;
        k.short[0] += gap1;
        k.short[1] += gap2;
        k.closed += closed;
        k.opened += opened;
        k.shortfall[0] += s1;
        k.shortfall[1] += s2;
        k.gained += gained;
        k.lost += lost;
    }
    k
}

/// Counters of one competency, summed over officers.
#[derive(Clone, Copy, Default)]
pub(crate) struct CompetencyAcc {
    pub(crate) required: u64,
    pub(crate) short: [u64; 2],
    pub(crate) closed: u64,
    pub(crate) opened: u64,
    pub(crate) shortfall: [u64; 2],
    pub(crate) gained: u64,
    pub(crate) lost: u64,
}

/// Counters of one course outcome, summed over completers.
#[derive(Clone, Copy, Default)]
pub(crate) struct OutcomeAcc {
    pub(crate) reached: [u64; 2],
    pub(crate) gained: i64,
}

/// Readiness in fixed point: units of 2⁻⁹⁴, so that 2³² officers of readiness 1 still fit
/// in an `i128` and any `f64` readiness of at least 2⁻⁴² converts exactly.
pub(crate) const FIXED: f64 = (1u128 << 94) as f64;

/// A [`Progress`] being summed: readiness in fixed point, so sums are exact and do not
/// depend on their order.
#[derive(Clone, Copy, Default)]
pub(crate) struct ProgressSum {
    pub(crate) counts: Progress,
    pub(crate) readiness: [i128; 2],
}

impl ProgressSum {
    /// Adds another officer's (or group's) counts.
    pub(crate) fn absorb(&mut self, o: &ProgressSum) {
        let (p, q) = (&mut self.counts, &o.counts);
        p.officers += q.officers;
        p.requirements += q.requirements;
        p.gaps_before += q.gaps_before;
        p.gaps_after += q.gaps_after;
        p.closed += q.closed;
        p.opened += q.opened;
        p.shortfall_before += q.shortfall_before;
        p.shortfall_after += q.shortfall_after;
        p.levels_gained += q.levels_gained;
        p.levels_lost += q.levels_lost;
        p.without_gaps_before += q.without_gaps_before;
        p.without_gaps_after += q.without_gaps_after;
        self.readiness[0] += o.readiness[0];
        self.readiness[1] += o.readiness[1];
    }

    /// The progress, with readiness summed turned into means.
    pub(crate) fn finish(self) -> Progress {
        let mut p = self.counts;
        if p.officers > 0 {
            let n = p.officers as f64;
            p.readiness_before = self.readiness[0] as f64 / FIXED / n;
            p.readiness_after = self.readiness[1] as f64 / FIXED / n;
        } else {
            p.readiness_before = 0.0;
            p.readiness_after = 0.0;
        }
        p.readiness_gained = p.readiness_after - p.readiness_before;
        p
    }
}

/// A readiness in `[0, 1]` in the fixed point of [`ProgressSum`].
pub(crate) fn fixed(readiness: f64) -> i128 {
    (readiness * FIXED) as i128
}
