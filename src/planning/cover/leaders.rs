//! An instance's candidates in the order of an upper bound on the value per hour of their
//! steps ([`Leaders`]), and the best steps of a [`Stepper`] found by reading them in that
//! order until no candidate left can rank among the steps kept
//! ([`Stepper::leading_steps`]).

use super::greedy::preferred;
use super::instance::Instance;
use super::stepper::{StepChoice, Stepper};

/// Every candidate of an instance whose step can add value, each with an upper bound on
/// the value per hour of its step (see [`Leaders::of`]): one `u32` per candidate, the bound
/// rounded up to the 16 bits of a `bfloat16` in the high half (complemented, so that a
/// smaller key is a higher bound), its index in the low half. The first [`HEAD`] keys are
/// the highest bounds, sorted; the next is the highest of the rest, which follow in no
/// order: reading them, a scan can stop within the first `HEAD + 1` and skip each one after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Leaders(Box<[u32]>);

/// How many of the highest bounds [`Leaders`] keeps sorted: a scan keeping 8 steps finds
/// them there when few of those candidates have been taken or lost their seats.
const HEAD: usize = 16;

impl Leaders {
    /// The leaders of `inst`, or `None` when its candidates do not fit 16 bits of index.
    ///
    /// A step of candidate `c` adds `c` with its unchosen prerequisites: it closes at most
    /// the positive values that `c`'s whole closure closes (summed here through every
    /// prerequisite path, so a shared prerequisite counts once per path: more, never
    /// less), and lasts at least `c`'s own hours (a walk adds `c`'s hours first, then the
    /// others', none negative). So `value / own hours` bounds the step's value per hour in
    /// every state; it is raised by a relative 10⁻⁹, far beyond the rounding of a sum of
    /// the same values in another order, then rounded up to `f32` and to `bfloat16`. A
    /// candidate whose closure closes nothing of positive value is never a step and is
    /// left out. O(n + q + z) for n candidates, q prerequisite links and z covered
    /// elements (a selection, then a sort of [`HEAD`] keys); 4 bytes per candidate.
    pub(crate) fn of(inst: &Instance) -> Option<Leaders> {
        if inst.len() > usize::from(u16::MAX) + 1 {
            return None;
        }
        let mut closure = vec![0.0_f64; inst.len()];
        for &c in inst.topo() {
            let own = inst.own_value(c);
            closure[c as usize] = inst
                .prerequisites(c)
                .iter()
                .fold(own, |sum, &p| sum + closure[p as usize]);
        }
        Leaders::from_closure(inst, &closure)
    }

    /// [`Leaders::of`] given each candidate's `closure` value as it sums it (the positive
    /// values its covers close, `sum`med in cover order, then its prerequisites' closure
    /// values added in prerequisite order), for a caller that finds them in a pass it
    /// makes anyway. O(n) and the selection.
    pub(crate) fn from_closure(inst: &Instance, closure: &[f64]) -> Option<Leaders> {
        if inst.len() > usize::from(u16::MAX) + 1 {
            return None;
        }
        // Sized exactly, so the boxed slice needs no second allocation.
        let mut keys: Vec<u32> =
            Vec::with_capacity(closure.iter().filter(|&&value| value > 0.0).count());
        for (c, &value) in closure.iter().enumerate() {
            if value > 0.0 {
                let hours = inst.hours(c as u32);
                let ratio = if hours > 0.0 {
                    value / hours * (1.0 + 1e-9)
                } else {
                    f64::INFINITY
                };
                keys.push((u32::from(!bound_bits(ratio)) << 16) | c as u32);
            }
        }
        // The keys are distinct (one index each), so the selection and the sort give one
        // order whatever their algorithm.
        if keys.len() > HEAD + 1 {
            keys.select_nth_unstable(HEAD);
            crate::model::order::sort_unstable(&mut keys[..HEAD]);
        } else {
            crate::model::order::sort_unstable(&mut keys);
        }
        Some(Leaders(keys.into_boxed_slice()))
    }
}

/// The 16 high bits of an `f32` at least `ratio` (non-negative, or infinite): the
/// `bfloat16` rounded up, whose bits order as the numbers do.
fn bound_bits(ratio: f64) -> u16 {
    // `as` rounds to the nearest `f32`: one step up whenever that went below.
    let mut wide = ratio as f32;
    if f64::from(wide) < ratio {
        wide = wide.next_up();
    }
    let bits = wide.to_bits();
    let high = (bits >> 16) as u16;
    if bits.trailing_zeros() >= 16 {
        high
    } else {
        high + 1
    }
}

/// The bound a leader's key holds.
fn bound_of(key: u32) -> f64 {
    f64::from(f32::from_bits(u32::from(!((key >> 16) as u16)) << 16))
}

impl Stepper {
    /// [`Stepper::best_steps`] of an instance scanned by walks ([`Scan::Walks`]), read
    /// from its `leaders`: the candidates of the highest bounds first, in order, until `K`
    /// steps are kept and the next bound is below the value per hour of the last of them,
    /// so that every candidate not read ranks below it; past those, each candidate whose
    /// bound is below it is passed over unvalued. The steps are those of
    /// [`Stepper::best_steps`]: its order is total (value per hour, fewer hours, smaller
    /// index), so the order the candidates are read in does not change the first `K`.
    /// O(r) for the r leaders read, those not passed over valued as a scan values them.
    ///
    /// [`Scan::Walks`]: super::Scan::Walks
    pub(crate) fn leading_steps<const K: usize>(
        &self,
        inst: &Instance,
        leaders: &Leaders,
        hours_left: f64,
        allowed: impl Fn(u32) -> bool,
    ) -> [Option<StepChoice>; K] {
        let mut best: [Option<StepChoice>; K] = [None; K];
        let mut n = 0;
        // The value per hour of the last step kept, once `K` are.
        let mut last = f64::INFINITY;
        for (i, &key) in leaders.0.iter().enumerate() {
            if n == K && bound_of(key) < last {
                // The first `HEAD + 1` keys are in order, and the last of them bounds the
                // rest: none left can rank among the kept steps. After them, only this
                // candidate cannot.
                if i <= HEAD {
                    break;
                }
                continue;
            }
            let Some(m) = self.step_if(inst, key & 0xffff, hours_left, &allowed) else {
                continue;
            };
            let k = (m.gain, m.hours, m.cand);
            let Some(at) = best[..n]
                .iter()
                .flatten()
                .position(|b| preferred(&k, &(b.gain, b.hours, b.cand)).is_lt())
                .or((n < K).then_some(n))
            else {
                continue;
            };
            best[at..].rotate_right(1);
            best[at] = Some(m);
            n = (n + 1).min(K);
            if n == K
                && let Some(l) = best[K - 1]
            {
                last = l.gain / l.hours;
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::{Leaders, bound_bits, bound_of};
    use crate::planning::cover::stepper::{Scan, Stepper};
    use crate::planning::cover::stepper_tests::{forest, generator};

    /// On forests of prerequisites with shared elements, values and hours of every kind
    /// (zero values and zero hours included), after random steps, with random candidates
    /// not allowed and random hours left, the leaders give the steps of a scan of every
    /// candidate, bit for bit, for lists of 1, 3 and 8 steps.
    #[test]
    fn leaders_give_the_scans_steps() {
        let hours = [0.0, 0.5, 1.0, 1.0 / 3.0, 2.0, 7.25, 40.0];
        let values = [0.0, 1.0, 0.1, 2.0, 3.0, 1e9, 0.3];
        for seed in 0..400_u64 {
            let mut next = generator(seed ^ 0x5eed);
            let n = 1 + next(60);
            let inst = forest(
                seed,
                n,
                &hours[..=(next(7) as usize)],
                &values[1 + next(2) as usize..],
            );
            let leaders = Leaders::of(&inst).expect("a few candidates");
            let mut stepper = Stepper::new(&inst);
            for _ in 0..6 {
                let left = [0.0, 1.0, 3.0, 10.0, f64::INFINITY][next(5) as usize];
                let full = next(n + 1);
                let allowed = |c: u32| c % (full + 2) != 1;
                let led: [_; 8] = stepper.leading_steps(&inst, &leaders, left, allowed);
                assert_eq!(
                    led,
                    stepper.best_steps(&inst, left, Scan::Walks, allowed),
                    "{seed}"
                );
                let led: [_; 3] = stepper.leading_steps(&inst, &leaders, left, allowed);
                assert_eq!(
                    led,
                    stepper.best_steps(&inst, left, Scan::Walks, allowed),
                    "{seed}"
                );
                let led: [_; 1] = stepper.leading_steps(&inst, &leaders, left, allowed);
                assert_eq!(
                    led,
                    stepper.best_steps(&inst, left, Scan::Walks, allowed),
                    "{seed}"
                );
                stepper.take(&inst, next(n), &mut Vec::new());
            }
        }
    }

    /// A key's bound is at least the ratio it was made from, and keys order as bounds do.
    #[test]
    fn bounds_round_up_and_order() {
        let ratios = [
            0.0,
            1e-30,
            0.3,
            1.0 / 3.0,
            1.0,
            7.0 / 3.0,
            2.5,
            1e30,
            1e300,
            f64::INFINITY,
        ];
        let mut previous = None;
        for r in ratios {
            let bits = bound_bits(r);
            let key = (u32::from(!bits) << 16) | 7;
            assert!(bound_of(key) >= r, "{r}");
            if let Some(p) = previous {
                assert!(bits >= p, "{r}");
            }
            previous = Some(bits);
        }
    }
}
