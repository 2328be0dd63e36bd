//! The counters behind [`Framework::compare`](crate::Framework::compare): what one
//! requirement pair adds, packed in bytes; the joint counts of shortfalls per competency;
//! and progress summed with readiness in fixed point.

use std::cmp::Ordering;

use crate::analysis::evaluate::Progress;
use crate::people::cohort::unpack;
use crate::people::held::{COMPETENCIES, Levels};

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

/// Per cell `6·s₁ + s₂` of a requirement pair whose competency the officer holds in either
/// snapshot, what it adds to the officer's counts, a byte each: met before (`s₁ = 0`), met
/// after, gap closed, opened, levels gained, lost. Pairs of competencies held in neither
/// snapshot (`s₁ = s₂ =` the required level) add nothing: their share is the position's,
/// counted once per group (see [`GroupAcc::finish`]).
const HELD: [u64; CELLS] = {
    let mut table = [0u64; CELLS];
    let mut cell = 0;
    while cell < CELLS {
        // Met before and after, then the last four bytes of the cell's row of `PAIR`.
        let met = (cell / 6 == 0) as u64 | ((cell % 6 == 0) as u64) << 8;
        table[cell] = met | (PAIR[cell] >> 32) << 16;
        cell += 1;
    }
    table
};

/// A requirement as the sweep marks it per competency while its position's officers are
/// counted: `1 + 3·(level − 1) + kind` for a required level of 1 to 5 (validation keeps
/// every required level within its competency's range, which starts at 1 or above) and a
/// competency type index of 0 to 2; 0 stands for a competency not required.
pub(crate) fn mark(level: u8, kind: u8) -> u8 {
    1 + 3 * (level.clamp(1, 5) - 1) + kind % 3
}

/// Marks: 15 requirements and 0 for none.
const MARKS: usize = 16;

/// What one requirement pair held in either snapshot adds, by [`mark`] and the levels held
/// before and after (`36·mark + 6·h₁ + h₂`): its bytes of [`HELD`], the levels it meets
/// before and after in the byte of its competency type (`met₁ << 8·kind | met₂ << (32 +
/// 8·kind)`), its cell of the joint counts and the cell of nothing held.
#[derive(Clone, Copy)]
pub(crate) struct PairAdds {
    lanes: u64,
    kinds: u64,
    cell: u8,
    none: u8,
}

/// The table of [`PairAdds`], 576 entries: built when a comparison starts rather than at
/// compile time, so that the WebAssembly module does not carry its 13.8 KB.
///
/// # Complexity
/// O(1): 576 entries.
pub(crate) fn pair_adds() -> Vec<PairAdds> {
    let empty = PairAdds {
        lanes: 0,
        kinds: 0,
        cell: 0,
        none: 0,
    };
    let mut table = vec![empty; MARKS * CELLS];
    for code in 1..MARKS {
        let (level, kind) = ((code as u64 - 1) / 3 + 1, (code as u64 - 1) % 3);
        for h in 0..CELLS {
            let (h1, h2) = ((h / 6) as u64, (h % 6) as u64);
            let (m1, m2) = (h1.min(level), h2.min(level));
            let cell = ((level - m1) * 6 + (level - m2)) as usize;
            table[code * CELLS + h] = PairAdds {
                lanes: HELD[cell],
                kinds: (m1 | m2 << 32) << (8 * kind),
                cell: cell as u8,
                none: (level * 7) as u8,
            };
        }
    }
    table
}

/// The requirement pairs of one officer whose competency is held in either snapshot: the
/// bytes of [`HELD`] summed in one word and the levels met per competency type in another,
/// both emptied into the counts every [`RUN`] pairs, before a byte could carry.
#[derive(Default)]
pub(crate) struct Held {
    lanes: u64,
    kinds: u64,
    /// Met before, met after, closed, opened, levels gained, lost.
    pub(crate) counts: [u32; 6],
    /// Levels met (`min(held, required)`) per competency type, before and after.
    pub(crate) met: [[u32; 3]; 2],
}

impl Held {
    /// Adds the pair of a requirement marked `code` (see [`mark`]; not 0) and the levels
    /// held before and after (0 to 5), and moves the pair in its competency's joint counts
    /// from the cell of nothing held, where its group's count puts it, to its own cell.
    #[inline]
    pub(crate) fn pair(&mut self, adds: &[PairAdds], code: u8, held: [u8; 2], joint: &mut Joint) {
        let at = usize::from(code) * CELLS + usize::from(held[0]) * 6 + usize::from(held[1]);
        let Some(add) = adds.get(at) else {
            return;
        };
        self.lanes += add.lanes;
        self.kinds += add.kinds;
        if let Some(n) = joint.get_mut(usize::from(add.cell)) {
            *n = n.wrapping_add(1);
        }
        if let Some(n) = joint.get_mut(usize::from(add.none)) {
            *n = n.wrapping_sub(1);
        }
    }

    /// Empties the packed words into the counts: due at least every [`RUN`] pairs.
    pub(crate) fn flush(&mut self) {
        for (k, n) in self.counts.iter_mut().enumerate() {
            *n += (self.lanes >> (8 * k)) as u32 & 0xff;
        }
        for (k, n) in self.met.iter_mut().flatten().enumerate() {
            *n += (self.kinds >> (32 * (k / 3) + 8 * (k % 3))) as u32 & 0xff;
        }
        (self.lanes, self.kinds) = (0, 0);
    }
}

/// The requirement pairs of one officer whose competency is held in either snapshot
/// (`held[0]` before, `held[1]` after, each sorted by competency), found by merging the two
/// lists and looking each competency up in the marks of the position's requirements; each
/// pair is also moved to its cell of its competency's joint counts. Two equal lists (an
/// officer whose levels did not change) are read once. `LONG` when the position has more
/// than [`RUN`] requirements, so that the packed counts must be emptied on the way.
#[inline]
pub(crate) fn held_pairs<const LONG: bool>(
    adds: &[PairAdds],
    required: &[u8],
    joint: &mut [Joint],
    held: [Levels; 2],
) -> Held {
    let mut acc = Held::default();
    let mut run = 0;
    let mut visit = |c: u32, levels: [u8; 2]| {
        let code = required.get(c as usize).copied().unwrap_or(0);
        if code != 0
            && let Some(j) = joint.get_mut(c as usize)
        {
            acc.pair(adds, code, levels, j);
            if LONG {
                run += 1;
                if run == RUN {
                    acc.flush();
                    run = 0;
                }
            }
        }
    };
    let [before, after] = held;
    if before == after {
        for x in before {
            let (c, l) = unpack(x);
            visit(c, [l, l]);
        }
    } else {
        let (mut was_left, mut now_left) = (before.iter(), after.iter());
        let (mut x, mut y) = (was_left.next(), now_left.next());
        while let (Some(a), Some(b)) = (x, y) {
            let (was, now) = (unpack(a), unpack(b));
            match was.0.cmp(&now.0) {
                Ordering::Equal => {
                    visit(was.0, [was.1, now.1]);
                    (x, y) = (was_left.next(), now_left.next());
                }
                Ordering::Less => {
                    visit(was.0, [was.1, 0]);
                    x = was_left.next();
                }
                Ordering::Greater => {
                    visit(now.0, [0, now.1]);
                    y = now_left.next();
                }
            }
        }
        for a in x.into_iter().chain(was_left) {
            let (c, l) = unpack(a);
            visit(c, [l, 0]);
        }
        for b in y.into_iter().chain(now_left) {
            let (d, m) = unpack(b);
            visit(d, [0, m]);
        }
    }
    acc.flush();
    acc
}

/// The level of competency `c` in a held list (sorted by competency), 0 when not held: a
/// scan of a list as short as an officer's usually is, a binary search of a longer one.
pub(crate) fn level_in(held: Levels, c: u32) -> u8 {
    /// Lists up to this long are scanned.
    const SCANNED: usize = 32;
    // Entries are `competency << 3 | level`: the first entry not below `c << 3` is `c`'s
    // if `c` is held. A competency beyond the packing is held by no one.
    if c >= COMPETENCIES {
        return 0;
    }
    let key = c << 3;
    let found = if held.len() <= SCANNED {
        held.iter().find(|&x| x >= key)
    } else {
        let (mut low, mut high) = (0, held.len());
        while low < high {
            let mid = low + (high - low) / 2;
            match held.get(mid) {
                Some(x) if x < key => low = mid + 1,
                _ => high = mid,
            }
        }
        held.get(low)
    };
    found
        .map(unpack)
        .filter(|&(d, _)| d == c)
        .map_or(0, |(_, l)| l)
}

/// The officers of one group (one position) counted so far, from their [`Held`] pairs.
#[derive(Default)]
pub(crate) struct GroupAcc {
    officers: u64,
    /// Sums of [`Held::counts`], and of the levels met before and after.
    held: [u64; 6],
    met: [u64; 2],
    without_gaps: [u64; 2],
    readiness: [i128; 2],
}

impl GroupAcc {
    /// Adds an officer of a position with `requirements` requirements, their held pairs
    /// and their readiness before and after in fixed point.
    pub(crate) fn add(&mut self, held: &Held, requirements: usize, readiness: [i128; 2]) {
        self.officers += 1;
        for (a, &b) in self.held.iter_mut().zip(&held.counts) {
            *a += u64::from(b);
        }
        for (a, m) in self.met.iter_mut().zip(&held.met) {
            *a += m.iter().map(|&x| u64::from(x)).sum::<u64>();
        }
        let all = requirements as u64;
        self.without_gaps[0] += u64::from(u64::from(held.counts[0]) == all);
        self.without_gaps[1] += u64::from(u64::from(held.counts[1]) == all);
        self.readiness[0] += readiness[0];
        self.readiness[1] += readiness[1];
    }

    /// The officers counted, as progress against a position with `requirements`
    /// requirements whose levels sum to `levels`: every pair not met counts as a gap, and
    /// every level not met as levels short.
    pub(crate) fn finish(&self, requirements: u64, levels: u64) -> ProgressSum {
        let n = self.officers;
        let [met_before, met_after, closed, opened, gained, lost] = self.held;
        let counts = Progress {
            officers: n,
            requirements: n * requirements,
            gaps_before: n * requirements - met_before,
            gaps_after: n * requirements - met_after,
            closed,
            opened,
            shortfall_before: n * levels - self.met[0],
            shortfall_after: n * levels - self.met[1],
            levels_gained: gained,
            levels_lost: lost,
            without_gaps_before: self.without_gaps[0],
            without_gaps_after: self.without_gaps[1],
            ..Progress::default()
        };
        ProgressSum {
            counts,
            readiness: self.readiness,
        }
    }

    /// Officers counted.
    pub(crate) fn officers(&self) -> u64 {
        self.officers
    }
}

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
            let whole = i128::from(p.officers) * (1 << 94);
            p.readiness_before = mean(self.readiness[0], n, whole);
            p.readiness_after = mean(self.readiness[1], n, whole);
        } else {
            p.readiness_before = 0.0;
            p.readiness_after = 0.0;
        }
        p.readiness_gained = p.readiness_after - p.readiness_before;
        p
    }
}

/// The mean of readiness values summing to `sum` in fixed point over `n` officers, below
/// 1 when the sum is below `whole` (every officer at 1): some officer's readiness is below
/// 1, and the mean is 1 only when every officer's is.
fn mean(sum: i128, n: f64, whole: i128) -> f64 {
    let m = sum as f64 / FIXED / n;
    if sum < whole && m >= 1.0 {
        crate::analysis::readiness::BELOW_ONE
    } else {
        m
    }
}

/// A readiness in `[0, 1]` in the fixed point of [`ProgressSum`]: `(readiness · 2⁹⁴) as
/// i128`, with the common case (at least 2⁶³ units, an integer) taken from the bits of the
/// `f64` instead of the general float-to-`i128` conversion.
pub(crate) fn fixed(readiness: f64) -> i128 {
    const LARGE: f64 = (1u64 << 63) as f64;
    let x = readiness * FIXED;
    if x >= LARGE && x.is_finite() {
        let bits = x.to_bits();
        let mantissa = i128::from(bits & ((1 << 52) - 1) | 1 << 52);
        // At least 2⁶³, so the exponent is at least 63 and the shift at least 11.
        mantissa << (((bits >> 52) & 0x7ff) - 1075)
    } else {
        x as i128
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::test_rng;

    #[test]
    fn level_in_finds_what_a_plain_search_finds() {
        let mut below = test_rng::below(0x5eed);
        for len in [0, 1, 2, 31, 32, 33, 64, 200] {
            let mut held: Vec<u32> = (0..len).map(|_| below(3_000) as u32).collect();
            held.sort_unstable();
            held.dedup();
            let packed: Vec<u32> = held.iter().map(|&c| c << 3 | (c % 6)).collect();
            let column = crate::people::held::pack(packed, 1).expect("small competencies");
            let levels = Levels::of(&column, 0, held.len());
            for c in (0..3_005).chain([COMPETENCIES - 1, COMPETENCIES, u32::MAX]) {
                let plain = held.binary_search(&c).map_or(0, |_| (c % 6) as u8);
                assert_eq!(
                    level_in(levels, c),
                    plain,
                    "{c} in a list of {}",
                    held.len()
                );
            }
        }
    }

    #[test]
    fn fixed_point_is_the_plain_conversion() {
        let mut below = test_rng::below(0x9e37_79b9_7f4a_7c15);
        let mut values = vec![
            0.0,
            1.0,
            0.5,
            1.0 / 3.0,
            2f64.powi(-31),
            2f64.powi(-32),
            1e-300,
        ];
        values.extend((1..=1000).map(|k| f64::from(k) / 1000.0));
        values.extend((0..10_000).map(|_| {
            let bits = below(1 << 52);
            f64::from_bits(0x3fe0_0000_0000_0000 | bits) - 0.5 * f64::from(u8::from(bits & 1 == 0))
        }));
        for r in values {
            assert_eq!(fixed(r), (r * FIXED) as i128, "{r}");
        }
    }

    #[test]
    fn pair_adds_match_the_pair_table() {
        let adds = pair_adds();
        for level in 1..=5u8 {
            for kind in 0..3u8 {
                for (h1, h2) in (0..36u8).map(|h| (h / 6, h % 6)) {
                    let mut held = Held::default();
                    let mut joint = [0u32; CELLS];
                    held.pair(&adds, mark(level, kind), [h1, h2], &mut joint);
                    held.flush();
                    let (s1, s2) = (level.saturating_sub(h1), level.saturating_sub(h2));
                    let cell = usize::from(s1) * 6 + usize::from(s2);
                    let row = PAIR[cell].to_le_bytes();
                    let met = [level - s1, level - s2].map(u32::from);
                    assert_eq!(
                        held.counts,
                        [
                            u32::from(s1 == 0),
                            u32::from(s2 == 0),
                            u32::from(row[4]),
                            u32::from(row[5]),
                            u32::from(row[6]),
                            u32::from(row[7]),
                        ]
                    );
                    let mut by_kind = [[0; 3]; 2];
                    by_kind[0][usize::from(kind)] = met[0];
                    by_kind[1][usize::from(kind)] = met[1];
                    assert_eq!(held.met, by_kind);
                    let none = usize::from(level) * 7;
                    for (c, &n) in joint.iter().enumerate() {
                        let expected = i64::from(c == cell) - i64::from(c == none);
                        assert_eq!(i64::from(n.cast_signed()), expected, "cell {c}");
                    }
                }
            }
        }
    }
}
